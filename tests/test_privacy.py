"""Personal data: pseudonyms, and no names or birth dates where they do not belong.

The sample commune gets distinctive names (``Quzwex Fobrant Ab`` ...) so that a scan of
any output for them cannot miss or misfire; birth dates are scanned in ISO and day-first
spellings (only those no other date of the roster shares).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import string
import subprocess
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import cadre_core
from cadre_core import Roster, RosterError, evaluate, read_roster
from cadre_core.engine._privacy import pseudonymize, pseudonyms

KEY = "k" * 8 + "secret-key-for-tests"
AS_OF = dt.date(2026, 12, 31)


def _name(i: int) -> str:
    letters = string.ascii_uppercase
    return f"Quzwex Fobrant {letters[i // 26 % 26]}{letters[i % 26].lower()}"


@pytest.fixture(scope="module")
def named(sample: Roster) -> Roster:
    """The sample commune with distinctive names."""
    cadres = sample.cadres.copy()
    cadres["full_name"] = [_name(i) for i in range(len(cadres))]
    return sample.with_tables(cadres=cadres)


def _secrets(roster: Roster) -> list[str]:
    """Every name, and every birth date no other date of the roster shares, as text."""
    names = roster.cadres["full_name"].dropna().astype(str).tolist()
    other: set[pd.Timestamp] = set()
    for name, frame in roster.tables.items():
        for col in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[col]) and (name, col) != (
                "cadres",
                "birth_date",
            ):
                other |= set(frame[col].dropna())
    dates = [d for d in roster.cadres["birth_date"].dropna() if d not in other]
    spelled = [d.strftime("%Y-%m-%d") for d in dates] + [d.strftime("%d/%m/%Y") for d in dates]
    return names + spelled


def _leaks(text: str, secrets: list[str]) -> list[str]:
    return [s for s in secrets if s in text]


def _run(exe: Path, *args: str, key: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    env.pop("CADRE_DEBUG", None)
    if key:
        env["CADRE_PSEUDONYM_KEY"] = KEY
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def _xlsx_text(path: Path) -> str:
    """Every XML part of a workbook (cells, shared strings, hidden sheets, charts)."""
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


# --------------------------------------------------------------------------- pseudonyms


def test_pseudonyms_are_stable_per_key_and_differ_across_keys() -> None:
    """Same key: same pseudonyms (across calls); another key: other pseudonyms."""
    ids = pd.Series(["C001", "C002", "C001", None])
    a = pseudonyms(ids, b"a" * 16)
    assert a.tolist() == pseudonyms(ids, b"a" * 16).tolist()
    assert a[0] == a[2] and a[0] != a[1] and pd.isna(a[3])
    b = pseudonyms(ids, b"b" * 16)
    assert set(a.dropna()).isdisjoint(set(b.dropna()))
    assert all(re.fullmatch(r"CB-[0-9a-f]{10}", p) for p in a.dropna())


def test_pseudonymize_hides_names_in_the_evaluation(named: Roster) -> None:
    """The pseudonymised evaluation's JSON carries no name and no birth date."""
    ev = pseudonymize(evaluate(named, AS_OF, plugins=["laichau"]), KEY.encode())
    text = ev.to_json()
    assert not _leaks(text, _secrets(named))


# --------------------------------------------------------------------------- outputs


@pytest.fixture(scope="module")
def named_folder(named: Roster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The named roster as a folder of CSV."""
    return named.write(tmp_path_factory.mktemp("named") / "roster")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "xlsx", "html"])
def test_pseudonymized_outputs_carry_no_personal_data(
    cadre_exe: Path, named: Roster, named_folder: Path, tmp_path: Path, fmt: str
) -> None:
    """``--pseudonymize``: no name and no birth date in any output format, and the
    plain run (same roster) does show names, so the scan is meaningful."""
    out = tmp_path / f"report.{fmt}"
    args = ["evaluate", str(named_folder), "--as-of", "2026-12-31", "--format", fmt]
    plain = _run(cadre_exe, *args, "--output", str(out))
    assert plain.returncode == 0, plain.stderr
    text = _xlsx_text(out) if fmt == "xlsx" else out.read_text(encoding="utf-8")
    if fmt != "json":  # the JSON names cadres by id only
        assert _leaks(text, _secrets(named)), "the plain report shows no name: scan is void"
    hidden = _run(cadre_exe, *args, "--output", str(out), "--pseudonymize")
    assert hidden.returncode == 0, hidden.stderr
    text = _xlsx_text(out) if fmt == "xlsx" else out.read_text(encoding="utf-8")
    assert not _leaks(text, _secrets(named))
    if fmt != "json":
        assert "CB-" in text
    assert not _leaks(hidden.stderr + hidden.stdout, _secrets(named))


def test_the_table_names_the_unrated_cadre_only_under_its_pseudonym(cadre_exe: Path) -> None:
    """The table names an unrated cadre (name, id, post); under ``--pseudonymize`` the
    same line holds the pseudonym and the post, and neither the name nor the id."""
    roster = str(Path(cadre_core.__file__).parent / "data" / "sample_commune")
    args = ["evaluate", roster, "--as-of", "2026-12-31", "--format", "table"]
    plain = _run(cadre_exe, *args)
    assert plain.returncode == 0, plain.stderr
    line = next(x for x in plain.stdout.splitlines() if x.startswith("Chưa xếp loại: "))
    assert line == "Chưa xếp loại: Lò Thị Hoài Thu, Công chức Nông nghiệp - Môi trường (MT034)"
    hidden = _run(cadre_exe, *args, "--pseudonymize")
    assert hidden.returncode == 0, hidden.stderr
    line = next(x for x in hidden.stdout.splitlines() if x.startswith("Chưa xếp loại: "))
    assert line.startswith("Chưa xếp loại: CB-")
    assert line.endswith(" (Công chức Nông nghiệp - Môi trường)")
    assert "Hoài Thu" not in hidden.stdout + hidden.stderr
    assert "MT034" not in hidden.stdout + hidden.stderr


@pytest.mark.slow
def test_pseudonyms_are_stable_across_runs(cadre_exe: Path, named_folder: Path) -> None:
    """Two runs with the same key give byte-identical JSON."""
    args = ["evaluate", str(named_folder), "--as-of", "2026-12-31", "--format", "json"]
    one = _run(cadre_exe, *args, "--pseudonymize")
    two = _run(cadre_exe, *args, "--pseudonymize")
    assert one.returncode == 0 and one.stdout == two.stdout


def test_pseudonymize_needs_a_key(cadre_exe: Path, named_folder: Path, tmp_path: Path) -> None:
    """No key, or a short one: exit 2 with a message."""
    done = _run(cadre_exe, "evaluate", str(named_folder), "--pseudonymize", key=False)
    assert done.returncode == 2 and "khóa" in done.stderr  # the key, in Vietnamese
    short = tmp_path / "key"
    short.write_text("short")
    done = _run(
        cadre_exe, "evaluate", str(named_folder), "--pseudonymize", "--pseudonym-key", str(short)
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


# --------------------------------------------------------------------------- messages


def _broken_variants(named: Roster, root: Path) -> list[Path]:
    """The named roster broken in ways that put problems on the cadres' rows."""
    out = []
    base = named.write(root / "base")

    def variant(name: str, edit: dict[str, object], rows: list[int]) -> None:
        folder = root / name
        folder.mkdir()
        for f in base.iterdir():
            (folder / f.name).write_bytes(f.read_bytes())
        cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
        for col, value in edit.items():
            cadres.loc[rows, col] = value
        cadres.to_csv(folder / "cadres.csv", index=False)
        out.append(folder)

    variant("gender", {"gender": "không rõ"}, [0, 1, 2])
    variant("ethnicity", {"ethnicity": "Sao Hỏa"}, [3])
    variant("duplicate", {"cadre_id": "MT001"}, [4])
    variant("left_before_birth", {"left_date": "1901-01-01"}, [5])
    # TCVN3-typed names: the message quotes no example from the name column
    folder = root / "legacy_names"
    folder.mkdir()
    for f in base.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
    cadres["full_name"] = [f"§ç M¹nh C\xadêng {_name(i)}" for i in range(len(cadres))]
    cadres.to_csv(folder / "cadres.csv", index=False)
    out.append(folder)
    return out


@pytest.mark.slow
def test_error_messages_carry_no_personal_data(
    cadre_exe: Path, named: Roster, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Failing runs (stderr), problems, log records and warnings name no one."""
    secrets = _secrets(named) + ["Cường", "C\xadêng"]
    for folder in _broken_variants(named, tmp_path):
        done = _run(cadre_exe, "validate", str(folder))
        assert done.returncode == 2, (folder.name, done.stdout)
        assert not _leaks(done.stderr + done.stdout, secrets), folder.name
        skip = _run(
            cadre_exe, "evaluate", str(folder), "--skip-invalid", "--format", "json",
            "--as-of", "2026-12-31", "--pseudonymize",
        )  # fmt: skip
        assert "Traceback" not in skip.stderr
        assert not _leaks(skip.stderr + skip.stdout, secrets), folder.name
        with caplog.at_level(logging.DEBUG), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                read_roster(folder)
            except RosterError as exc:
                text = str(exc) + "\n".join(p.describe() for p in exc.problems)
                assert not _leaks(text, secrets), folder.name
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert not _leaks(logged, secrets)
        assert not _leaks("\n".join(str(w.message) for w in caught), secrets)
        caplog.clear()


def test_internal_errors_quote_no_cell(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Exit 1 names the kind and place of the error only, never the exception's text."""
    from cadre_core import cli
    from cadre_core.roster import _roster

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("cell 'Quzwex Fobrant Aa' born 1974-03-02")

    monkeypatch.setattr(_roster, "read_roster", boom)
    monkeypatch.delenv("CADRE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        cli.main(["validate", str(tmp_path)])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "lỗi nội bộ: RuntimeError" in err
    assert "Quzwex" not in err and "1974-03-02" not in err


# --------------------------------------------------------------------------- issue 16


def _ids(roster: Roster) -> list[str]:
    return roster.cadres["cadre_id"].astype(str).tolist()


def _id_leaks(text: str, ids: list[str]) -> list[str]:
    """The cadre ids of the roster that ``text`` quotes as a word (``MT001``, not in
    ``MT0012``)."""
    return [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]


def _output_text(path: Path) -> str:
    return _xlsx_text(path) if path.suffix == ".xlsx" else path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_every_output_under_pseudonyms_carries_no_id_name_or_birth_date(
    cadre_exe: Path, named: Roster, named_folder: Path, tmp_path: Path
) -> None:
    """``evaluate`` (json, xlsx, html) and ``plan`` (json, xlsx, html) with
    ``--pseudonymize``: no cadre id, name or birth date of the roster in any output, its
    standard output or standard error; without it the same outputs do show ids (so the
    scan is meaningful)."""
    secrets, ids = _secrets(named), _ids(named)
    for command in ("evaluate", "plan"):
        for fmt in ("json", "xlsx", "html"):
            out = tmp_path / f"{command}.{fmt}"
            args = [command, str(named_folder), "--as-of", "2026-12-31", "--format", fmt]
            args += ["--output", str(out)]
            plain = _run(cadre_exe, *args)
            assert plain.returncode == 0, plain.stderr
            assert _id_leaks(_output_text(out), ids), (command, fmt, "scan is void")
            hidden = _run(cadre_exe, *args, "--pseudonymize")
            assert hidden.returncode == 0, (command, fmt, hidden.stderr)
            text = _output_text(out) + hidden.stdout + hidden.stderr
            assert not _leaks(text, secrets), (command, fmt)
            assert not _id_leaks(text, ids), (command, fmt)
            assert "CB-" in text


@pytest.mark.slow
def test_pseudonymous_ids_are_keyed_and_the_same_in_every_list(
    cadre_exe: Path, named: Roster, named_folder: Path
) -> None:
    """Failing lists, unrated cadres, findings' subjects and plan lines all use the
    keyed pseudonym of the same cadre id (HMAC with the key, stable across runs)."""
    real = pd.Series(_ids(named))
    fake = set(pseudonyms(real, KEY.encode()))
    args = ["--as-of", "2026-12-31", "--format", "json", "--pseudonymize"]
    done = _run(cadre_exe, "evaluate", str(named_folder), *args)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    failing = {
        x
        for c in doc["communes"]
        for t in c["targets"]
        if t["unit"] == "cadres"
        for x in t["failing"]
    }
    unrated = {x for c in doc["communes"] for x in c["unrated"]}
    subjects = {
        f["subject"] for c in doc["communes"] for f in c["findings"] if f["subject_kind"] == "cadre"
    }
    assert failing and unrated and subjects
    assert failing | unrated | subjects <= fake
    planned = _run(cadre_exe, "plan", str(named_folder), *args)
    assert planned.returncode == 0, planned.stderr
    lines = {x["cadre_id"] for x in json.loads(planned.stdout)["lines"]}
    assert lines and lines <= fake
    other = _run(cadre_exe, "evaluate", str(named_folder), *args)
    assert other.stdout == done.stdout  # same key: same pseudonyms


@pytest.mark.slow
def test_skipped_rows_keep_no_raw_cell_under_pseudonyms(
    cadre_exe: Path, named: Roster, named_folder: Path, tmp_path: Path
) -> None:
    """``--skip-invalid --pseudonymize``: the raw cells of the rows set aside (a birth
    date ``02/03/1974 (CMND)``) appear in no output and not on standard error; the JSON
    says the value is withheld. Without ``--skip-invalid`` the failing run withholds them
    too. Without ``--pseudonymize`` the cell is shown (the scan is meaningful)."""
    folder = tmp_path / "roster"
    folder.mkdir()
    for f in named_folder.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
    cadres.loc[0, "birth_date"] = "02/03/1974 (CMND)"
    cadres.loc[1, "gender"] = "Quzwex-gender"
    cadres.to_csv(folder / "cadres.csv", index=False)
    raw = ["02/03/1974 (CMND)", "Quzwex-gender"]
    for fmt in ("json", "xlsx", "html"):
        out = tmp_path / f"report.{fmt}"
        args = ["evaluate", str(folder), "--as-of", "2026-12-31", "--skip-invalid"]
        args += ["--format", fmt, "--output", str(out)]
        plain = _run(cadre_exe, *args)
        assert plain.returncode == 0, plain.stderr
        assert _leaks(_output_text(out), raw), fmt
        hidden = _run(cadre_exe, *args, "--pseudonymize")
        assert hidden.returncode == 0, hidden.stderr
        text = _output_text(out)
        assert not _leaks(text + hidden.stderr + hidden.stdout, raw), fmt
        assert not _id_leaks(text, _ids(named)), fmt
        if fmt == "json":
            skipped = json.loads(text)["skipped"]
            assert len(skipped) == 2 and {p["value"] for p in skipped} == {"[withheld]"}
    failed = _run(cadre_exe, "evaluate", str(folder), "--pseudonymize")
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert not _leaks(failed.stderr + failed.stdout, raw)


LEAKY = """\
from cadre_core import Finding, hookimpl


def _who(features):
    c = features.cadres
    cid = str(c.index[0])
    return c, cid, f"{c['full_name'].iloc[0]} born {c['birth_date'].iloc[0]:%Y-%m-%d} ({cid})"


@hookimpl
def cadre_findings(features, params, bodies):
    c, cid, who = _who(features)
    print("leaky says: cannot handle " + who)
    text = "cannot handle " + who
    return [Finding("leaky.note", "warning", "cadre", cid, text, text, "Công văn thử",
                    commune=str(c["commune"].iloc[0]))]
"""

BOOM = """\
from cadre_core import hookimpl


@hookimpl
def cadre_findings(features, params, bodies):
    c = features.cadres
    born = c["birth_date"].iloc[0]
    raise ValueError(f"cannot handle {c['full_name'].iloc[0]} born {born:%d/%m/%Y}")
"""


def _install(root: Path, plugins: dict[str, str]) -> Path:
    """Throwaway plugins installed as distributions (package, ``.dist-info`` and a
    ``cadre`` entry point) into ``root``, to put on PYTHONPATH."""
    for name, source in plugins.items():
        pkg = root / f"cadre_privacy_{name}"
        pkg.mkdir(parents=True)
        (pkg / "__init__.py").write_text(source, encoding="utf-8")
        info = root / f"cadre_privacy_{name}-0.0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: cadre-privacy-{name}\nVersion: 0.0.1\n",
            encoding="utf-8",
        )
        (info / "entry_points.txt").write_text(
            f"[cadre]\n{name} = cadre_privacy_{name}\n", encoding="utf-8"
        )
    return root


@pytest.mark.slow
def test_plugin_texts_are_scrubbed_and_plugin_output_stays_off_stdout(
    cadre_exe: Path, named: Roster, named_folder: Path, tmp_path: Path
) -> None:
    """A plugin that prints and quotes a cadre's name, birth date and id in a finding,
    and one whose exception quotes them (left out with ``--keep-going``): standard
    output stays one valid JSON document (what the plugin printed is on standard error),
    and under ``--pseudonymize`` neither the findings, ``failed_plugins[].message``,
    standard error nor the xlsx/html reports quote the roster."""
    site = _install(tmp_path / "site", {"leaky": LEAKY, "boom": BOOM})
    env = {"PYTHONPATH": str(site), "CADRE_LOAD_PLUGINS": "laichau,leaky,boom"}
    secrets = _secrets(named) + ["1974-03-02", "02/03/1974"]  # the first cadre's birth
    ids = _ids(named)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        full = {k: v for k, v in os.environ.items() if not k.startswith("CADRE_")}
        full |= {"CADRE_PSEUDONYM_KEY": KEY, "COLUMNS": "200", "NO_COLOR": "1", **env}
        return subprocess.run(
            [str(cadre_exe), *args], capture_output=True, text=True, env=full,
            timeout=300, check=False,
        )  # fmt: skip

    args = ["evaluate", str(named_folder), "--as-of", "2026-12-31", "--keep-going"]
    plain = run(*args, "--format", "json")
    assert plain.returncode == 0, plain.stderr
    doc = json.loads(plain.stdout)  # the plugin's print did not corrupt it
    assert "leaky says: cannot handle Quzwex" in plain.stderr
    assert [f["plugin"] for f in doc["failed_plugins"]] == ["boom"]

    hidden = run(*args, "--format", "json", "--pseudonymize")
    assert hidden.returncode == 0, hidden.stderr
    doc = json.loads(hidden.stdout)
    notes = [f for c in doc["communes"] for f in c["findings"] if f["rule"] == "leaky.note"]
    assert len(notes) == 1
    assert re.fullmatch(r"cannot handle CB-\w+ born \[withheld\] \(CB-\w+\)", notes[0]["message"])
    assert notes[0]["subject"] in notes[0]["message"]
    (failed,) = doc["failed_plugins"]
    assert "cannot handle CB-" in failed["message"] and "[withheld]" in failed["message"]
    assert "leaky says: cannot handle CB-" in hidden.stderr
    text = hidden.stdout + hidden.stderr
    assert not _leaks(text, secrets) and not _id_leaks(text, ids)
    for fmt in ("xlsx", "html"):
        out = tmp_path / f"report.{fmt}"
        done = run(*args, "--format", fmt, "--output", str(out), "--pseudonymize")
        assert done.returncode == 0, done.stderr
        text = _output_text(out) + done.stdout + done.stderr
        assert "cannot handle CB-" in text
        assert not _leaks(text, secrets) and not _id_leaks(text, ids), fmt
