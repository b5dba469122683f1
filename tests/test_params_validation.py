"""Parameters and plan options: nonsense is refused with a sentence (exit 2), never
accepted silently nor turned into an internal error (exit 1).

Through the real ``cadre evaluate --params FILE`` and ``cadre plan --params FILE``: every
refusal names the parameter and the file; every ``cadre plan`` option with a bad value
exits 2 (or 0 when the value is odd but meaningful), never 1.
"""

from __future__ import annotations

import os
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest

from cadre_core import Roster
from cadre_core.plugins._host import PluginHost
from cadre_core.targets._params import Parameter, ParameterError, Params, convert

AS_OF = "2026-12-31"


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory, sample: Roster) -> Path:
    """The sample commune as a folder of CSV tables."""
    return Path(sample.write(tmp_path_factory.mktemp("params") / "roster"))


def _run(exe: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, env=env, timeout=600, check=False
    )


def _with_params(
    exe: Path, command: str, roster: Path, folder: Path, text: str | bytes, *args: str
) -> tuple[subprocess.CompletedProcess[str], Path]:
    path = folder / "local.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    done = _run(exe, command, str(roster), "--as-of", AS_OF, "--params", str(path), *args)
    return done, path


def _refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert (
        "Traceback" not in done.stderr
        and "internal error" not in done.stderr
        and "lỗi nội bộ" not in done.stderr
    )
    for word in words:
        assert word in done.stderr, (word, done.stderr)


# (TOML text, the key the refusal names)
NONSENSE = [
    ('"nq05.5a.threshold" = "3/2"', "nq05.5a.threshold"),  # a share above 1
    ('"nq05.5a.threshold" = "-1/3"', "nq05.5a.threshold"),
    ('"nq05.5a.threshold" = "1e999"', "nq05.5a.threshold"),  # a thousand-digit number
    ('"nq05.5a.threshold" = 1e999', "nq05.5a.threshold"),  # inf
    ('"nq05.5a.threshold" = "1/0"', "nq05.5a.threshold"),
    ('"nq05.5a.threshold" = true', "nq05.5a.threshold"),
    ('"nq05.5a.deadline" = "2026-02-30"', "nq05.5a.deadline"),
    ('"national.rotation_years" = 40.7', "national.rotation_years"),  # not truncated
    ('"national.rotation_years" = true', "national.rotation_years"),  # not 1
    ('"nd335.first_year" = 1000000000000000000', "nd335.first_year"),
    ('"national.succession.young_age" = -3', "national.succession.young_age"),
    ('"national.succession.min_female" = 2', "national.succession.min_female"),
    ('"nd335.excellent_cap" = 2', "nd335.excellent_cap"),
    ('"nd335.excellent_cap" = "-1/3"', "nd335.excellent_cap"),
    ("[equipment_norm]\ndesk_set = [1, 40.7]", "equipment_norm"),
    ('[equipment_norm]\ndesk_set = ["inf", 1]', "equipment_norm"),
    ('"national.key_post_body" = 5', "national.key_post_body"),
    # the same key flat and nested: neither silently wins
    ('"nq05.5a.threshold" = "1/2"\n[nq05.5a]\nthreshold = "3/4"', "nq05.5a.threshold"),
]


@pytest.mark.parametrize(("text", "key"), NONSENSE, ids=[k for _, k in NONSENSE])
def test_evaluate_refuses_a_nonsense_parameter(
    cadre_exe: Path, roster: Path, tmp_path: Path, text: str, key: str
) -> None:
    """Each value is refused: exit 2 naming the key and the parameters file."""
    done, path = _with_params(cadre_exe, "evaluate", roster, tmp_path, text, "--format", "json")
    _refused(done, repr(key), path.name)


PLANNER_NONSENSE = [
    ('"planner.budget" = -1000000', "planner.budget"),
    ('"planner.budget" = 1e30', "planner.budget"),
    ('"planner.max_away_share" = 2', "planner.max_away_share"),
    ('"planner.min_away" = -1', "planner.min_away"),
    ('"planner.min_away" = 99999999999999999999999', "planner.min_away"),
    ('"nq05.5a.threshold" = "3/2"', "nq05.5a.threshold"),
    ("[planner.seats]\nthac_si = -1", "planner.seats.thac_si"),
    ("[planner.seats]\nthac_si = 2.5", "planner.seats.thac_si"),
    ("[planner.catalogue.thac_si]\nmax_age = inf", "planner.catalogue.thac_si"),
    ("[planner.catalogue.thac_si]\nmax_age = -1", "planner.catalogue.thac_si"),
    ("[planner.catalogue.thac_si]\nmax_age = 40.7", "planner.catalogue.thac_si"),
    ("[planner.catalogue.thac_si]\nmonths = 100000000", "planner.catalogue.thac_si"),
    ("[planner.catalogue.thac_si]\ncost = 1e30", "planner.catalogue.thac_si"),
    ('[planner.catalogue.thac_si]\nlong = "yes"', "planner.catalogue.thac_si"),
    ("[planner.catalogue.thac_si]\nintakes = [9.5]", "planner.catalogue.thac_si"),
]


@pytest.mark.parametrize(("text", "key"), PLANNER_NONSENSE, ids=[k for _, k in PLANNER_NONSENSE])
def test_plan_refuses_a_nonsense_parameter(
    cadre_exe: Path, roster: Path, tmp_path: Path, text: str, key: str
) -> None:
    """The planner's parameters too: exit 2 naming the key and the file (not exit 1 in
    the solver, nor a silently truncated or ignored value)."""
    done, path = _with_params(cadre_exe, "plan", roster, tmp_path, text, "--format", "json")
    _refused(done, key, path.name)


@pytest.mark.parametrize("command", ["evaluate", "plan"])
@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, ["is a folder"]),
        (b"\xff\xfe\x00bad", ["not a UTF-8 text file"]),
        ("x = [", ["not a valid TOML file"]),
    ],
    ids=["folder", "not-utf8", "not-toml"],
)
def test_a_bad_parameters_file_is_refused(
    cadre_exe: Path,
    roster: Path,
    tmp_path: Path,
    command: str,
    content: bytes | str | None,
    words: list[str],
) -> None:
    """``--params`` naming a folder, a file that is not UTF-8 or not TOML: exit 2."""
    if content is None:
        path = tmp_path / "folder.toml"
        path.mkdir()
        args = ("--as-of", AS_OF, "--params", str(path), "--lang", "en")
        done = _run(cadre_exe, command, str(roster), *args)
    else:
        done, path = _with_params(cadre_exe, command, roster, tmp_path, content, "--lang", "en")
    _refused(done, path.name, *words)


def test_a_missing_parameters_file_is_refused(cadre_exe: Path, roster: Path) -> None:
    done = _run(cadre_exe, "plan", str(roster), "--params", "no-such-file.toml", "--lang", "en")
    _refused(done, "no-such-file.toml", "no such parameters file")


# (options, exit code): odd but meaningful values run (0); the others are refused (2)
PLAN_OPTIONS = [
    (["--budget=-5"], 2),
    (["--budget=0"], 0),
    (["--budget=abc"], 2),
    (["--budget=1e9"], 2),
    (["--budget=999999999999999999999999999"], 2),
    (["--budget=2027=-1"], 2),
    (["--budget=2027=5,2027=6"], 2),
    (["--budget=2027=5,"], 2),
    (["--budget=="], 2),
    (["--budget=0=5"], 2),
    (["--horizon", "0"], 2),
    (["--horizon", "-5"], 2),
    (["--horizon", "abc"], 2),
    (["--horizon", "99999"], 2),
    (["--horizon", "999999999999999999999999"], 2),
    (["--as-of", "2026-02-30"], 2),
    (["--as-of", "abc"], 2),
    (["--as-of", "9999-12-31"], 0),
    (["--format", "pdf"], 2),
    (["--format", "xlsx"], 2),  # without --output
    (["--lang", "fr"], 2),
    (["--plugin", "no-such-plugin"], 2),
    (["--layout", "no-such-layout.toml"], 2),
    (["--params", "no-such-file.toml"], 2),
    (["--skip-invalid"], 0),
]


@pytest.mark.parametrize(
    ("options", "code"), PLAN_OPTIONS, ids=[" ".join(o) for o, _ in PLAN_OPTIONS]
)
def test_every_plan_option_with_a_bad_value_exits_0_or_2(
    cadre_exe: Path, roster: Path, options: list[str], code: int
) -> None:
    """Negative, zero, non-numeric and huge values of every ``cadre plan`` option."""
    args = options if "--as-of" in options else ["--as-of", AS_OF, *options]
    if "--format" not in options:
        args = [*args, "--format", "json"]
    done = _run(cadre_exe, "plan", str(roster), *args)
    assert done.returncode == code, (done.returncode, done.stderr[-2000:])
    assert (
        "Traceback" not in done.stderr
        and "internal error" not in done.stderr
        and "lỗi nội bộ" not in done.stderr
    )
    if code == 2:
        assert done.stderr.strip()


def test_plan_skips_invalid_rows_like_evaluate(
    cadre_exe: Path, roster: Path, tmp_path: Path
) -> None:
    """``cadre plan --skip-invalid`` sets aside a bad row as ``evaluate`` does."""
    import shutil

    import pandas as pd

    folder = Path(shutil.copytree(roster, tmp_path / "roster"))
    cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
    cadres.loc[5, "birth_date"] = "hôm qua"
    cadres.to_csv(folder / "cadres.csv", index=False)
    base = ["plan", str(folder), "--as-of", AS_OF, "--format", "json"]
    _refused(_run(cadre_exe, *base))
    done = _run(cadre_exe, *base, "--skip-invalid")
    assert done.returncode == 0, done.stderr[-2000:]


# ------------------------------------------------------------------- the library


def test_an_argument_override_is_refused_naming_argument(laichau: PluginHost) -> None:
    """Overrides given as arguments are checked the same way and named "argument"."""
    host = laichau
    with pytest.raises(ParameterError, match=r"'nq05\.5a\.threshold' \(argument\).*above"):
        host.params(host.targets(), overrides={"nq05.5a.threshold": "3/2"})
    with pytest.raises(ParameterError, match=r"'planner\.min_away' \(argument\)"):
        host.params(host.targets(), overrides={"planner.min_away": 40.7})


def test_bounds_and_kinds() -> None:
    """A parameter's ``min``/``max`` hold for its default and every value; a target's
    threshold is a share from 0 to 1; whole numbers stay whole."""
    with pytest.raises(ValueError, match="above the largest"):
        Parameter("demo.n", 7, "int", min=1, max=5)
    p = Params({}, {}, {"demo.share": Parameter("demo.share", "1/3", "fraction", max=1)})
    assert p.with_values({"demo.share": "1/2"}, "argument")["demo.share"] == Fraction(1, 2)
    for bad in ("3/2", "1/0", "1e999", True, float("nan")):
        with pytest.raises(ParameterError, match=r"'demo\.share' \(argument\)"):
            p.with_values({"demo.share": bad}, "argument")
    assert convert("int", 40.0) == 40
    for bad in (40.7, True, float("inf"), "1e3", 10**30):
        with pytest.raises((TypeError, ValueError)):
            convert("int", bad)


def test_a_title_is_a_text_in_both_languages() -> None:
    """A parameter's name for people is a ``Text`` (Vietnamese, English), never a bare
    string: the appendix of a Vietnamese report would otherwise print English."""
    from cadre_core import Text

    p = Parameter("demo.n", 3, "int", title=Text("Số người", "People"))
    assert p.title is not None and p.title.get("vi") == "Số người"
    assert Parameter("demo.n", 3, "int").title is None
    with pytest.raises(TypeError, match="title"):
        Parameter("demo.n", 3, "int", title="People")  # type: ignore[arg-type]
