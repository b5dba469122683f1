"""The mistakes a plugin author really makes: one throwaway plugin per mistake.

Each gives the documented error, blames the right plugin (the newcomer in a clash, with
the owner named), exits 2 through the command line (a bad plugin is bad input), and never
changes another plugin's result: with ``keep_going`` the failing plugin is left out and
Lai Châu's targets are exactly what they are without it.

The plugins are module sources, used in-process (:func:`module`) and installed through a
``cadre`` entry point on ``PYTHONPATH`` (:func:`install`) for the command line; the slow
test at the end installs three of them into a fresh virtual environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cadre_core import PluginError, PluginHost, evaluate, make_plugin_manager, sample_roster
from cadre_core.testing import temporary_plugin

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "cadre_core" / "data" / "sample_commune"
CADRE = str(Path(sys.executable).with_name("cadre"))
DAY = "2026-12-31"

HEAD = """\
import datetime as dt
from fractions import Fraction

import pandas as pd

from cadre_core import (
    About, Column, Finding, Parameter, Rule, Target, Text, criteria, hookimpl,
)

ACTIVE = criteria.flag("is_active", Text("cán bộ", "cadres"))


def target(tid, criterion, replaces=None):
    return Target(
        id=tid, title=Text("Thử", "Test"), source="Công văn thử nghiệm", unit="cadres",
        population=ACTIVE, criterion=criterion, rule=Rule(">=", Fraction(1, 2)),
        deadline=dt.date(2030, 12, 31), replaces=replaces,
    )
"""

#: name -> (module source, text the error must hold)
MISUSES: dict[str, tuple[str, str]] = {
    "steal_param": (
        """
@hookimpl
def cadre_parameters():
    return [Parameter("nq05.4b.threshold", "1/10", "fraction", "Lower 4b", "Công văn thử")]
""",
        "parameter 'nq05.4b.threshold' belongs to plugin 'laichau'; to override it, set "
        "replaces='laichau'",
    ),
    "aaa_steal_target": (  # loads before laichau: still the newcomer
        """
@hookimpl
def cadre_targets():
    return [target("nq05.5a", criteria.is_female())]
""",
        "target 'nq05.5a' belongs to plugin 'laichau'; to override it, set replaces='laichau'",
    ),
    "steal_column": (
        """
@hookimpl
def cadre_features(features):
    return {"is_leader": features.cadres["is_female"]}
""",
        "column 'is_leader' belongs to plugin 'cadre'",
    ),
    "raising_criterion": (
        """
def broken(features):
    return features.cadres["no_such_column"] > 1

@hookimpl
def cadre_targets():
    return [target("raising_criterion.1", broken)]
""",
        "target 'raising_criterion.1': its criterion raised KeyError: 'no_such_column'",
    ),
    "bare_target": (
        """
@hookimpl
def cadre_targets():
    return target("bare_target.1", criteria.is_female())
""",
        "hook cadre_targets: returned one Target, not a list of Target",
    ),
    "bad_findings": (
        """
@hookimpl
def cadre_findings(features):
    return ["Cán bộ C001 chưa có bằng"]
""",
        "hook cadre_findings: item 0 of what it returned is str, not Finding",
    ),
    "list_criterion": (
        """
@hookimpl
def cadre_targets():
    return [target("list_criterion.1", lambda f: list(f.cadres["is_female"]))]
""",
        "its criterion returned list, not a boolean Series over features.cadres",
    ),
    "other_index": (
        """
@hookimpl
def cadre_targets():
    return [target("other_index.1", lambda f: f.cadres["is_female"].reset_index(drop=True))]
""",
        "its criterion returned a Series on another index than features.cadres",
    ),
    "scalar": (
        """
@hookimpl
def cadre_targets():
    return [target("scalar.1", lambda f: True)]
""",
        "its criterion returned bool, not a boolean Series over features.cadres (a single "
        "value is never spread over every member)",
    ),
    "rank": (
        """
@hookimpl
def cadre_targets():
    return [target("rank.1", lambda f: f.cadres["education_rank"].fillna(0).astype("int64"))]
""",
        "not only True/False (or 0/1): return a comparison",
    ),
    "scalar_column": (
        """
@hookimpl
def cadre_features(features):
    return {"scalar_column_flag": True}
""",
        "column 'scalar_column_flag' is bool, not a Series indexed like features.cadres",
    ),
    "typo_hook": (
        """
@hookimpl
def cadre_target():
    return []
""",
        "implements cadre_target, which is not a cadre hook; did you mean cadre_targets?",
    ),
    "extra_arg": (
        """
@hookimpl
def cadre_findings(features, params, bodies, province):
    return []
""",
        "hook cadre_findings: takes argument 'province', which the hook does not give "
        "(it gives: features, params, bodies)",
    ),
    "attrs_unit": (
        """
@hookimpl
def cadre_targets():
    return [Target(
        id="attrs_unit.1", title=Text("Thử", "Test"), source="Thử", unit="cadre",
        population=ACTIVE, criterion=criteria.is_female(), rule=Rule.any(),
        deadline=dt.date(2030, 12, 31),
    )]
""",
        "ValueError: 'unit' must be in ('cadres', 'positions', 'agencies') (got 'cadre')",
    ),
    "exits_in_hook": (
        """
@hookimpl
def cadre_parameters():
    import sys
    sys.exit(0)
""",
        "hook cadre_parameters: called sys.exit(0)",
    ),
    "exits_in_criterion": (
        """
def leave(features):
    raise SystemExit(0)

@hookimpl
def cadre_targets():
    return [target("exits_in_criterion.1", leave)]
""",
        "its criterion called sys.exit(0)",
    ),
    "broken_import": (
        """
raise ImportError("No module named 'cadre_helpers'")
""",
        "cannot be loaded: ImportError: No module named 'cadre_helpers'",
    ),
}


def module(name: str) -> ModuleType:
    """The misuse plugin ``name`` as a module (raises what its import raises)."""
    mod = ModuleType(f"cadre_misuse_{name}")
    exec(compile(HEAD + MISUSES[name][0], f"cadre_misuse_{name}/__init__.py", "exec"), mod.__dict__)
    return mod


def install(root: Path, *names: str) -> Path:
    """Write the misuse plugins ``names`` as installed distributions (a package and its
    ``.dist-info`` with a ``cadre`` entry point) into ``root``, to put on PYTHONPATH."""
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        pkg = root / f"cadre_misuse_{name}"
        pkg.mkdir()
        (pkg / "__init__.py").write_text(HEAD + MISUSES[name][0], encoding="utf-8")
        info = root / f"cadre_misuse_{name}-0.0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: cadre-misuse-{name}\nVersion: 0.0.1\n",
            encoding="utf-8",
        )
        (info / "entry_points.txt").write_text(
            f"[cadre]\n{name} = cadre_misuse_{name}\n", encoding="utf-8"
        )
    return root


def run(*args: str, pythonpath: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """The real console script, with the misuse plugins of ``pythonpath`` installed."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("CADRE_")}
    if pythonpath is not None:
        full["PYTHONPATH"] = str(pythonpath)
    full.update(env)
    return subprocess.run(
        [CADRE, *args], capture_output=True, text=True, env=full, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def baseline() -> dict[str, Any]:
    """Lai Châu's results on the sample commune, without any misuse plugin."""
    ev = evaluate(sample_roster(), DAY, plugins=["laichau"])
    return {t.id: t for t in ev.communes[0].targets}


def _evaluate_with(name: str, *, keep_going: bool = False) -> Any:
    """The sample evaluated with Lai Châu and the misuse plugin ``name`` (given to the
    manager as the command line loads an installed one)."""
    pm = make_plugin_manager(
        only=["laichau", name], extra=[(name, module(name))], keep_going=keep_going
    )
    return evaluate(sample_roster(), DAY, host=PluginHost(pm), keep_going=keep_going)


# ------------------------------------------------------------------------ in-process
IN_PROCESS = [n for n in MISUSES if n not in ("broken_import",)]


@pytest.mark.parametrize("name", IN_PROCESS)
def test_each_mistake_is_named_and_blames_the_right_plugin(name: str) -> None:
    with pytest.raises(PluginError) as err:
        _evaluate_with(name)
    assert err.value.plugin == name
    assert MISUSES[name][1] in str(err.value), str(err.value)
    assert "Attribute(" not in str(err.value)  # no library reprs in messages
    assert "Traceback" not in str(err.value)


@pytest.mark.parametrize("name", IN_PROCESS)
def test_keep_going_leaves_the_plugin_out_and_changes_no_other_result(
    name: str, baseline: dict[str, Any]
) -> None:
    ev = _evaluate_with(name, keep_going=True)
    assert [e.plugin for e in ev.failed_plugins] == [name]
    assert name not in [p.name for p in ev.plugins]
    got = {t.id: t for t in ev.communes[0].targets}
    assert got == baseline
    doc = json.loads(ev.to_json())
    assert doc["failed_plugins"][0]["plugin"] == name
    assert MISUSES[name][1].split(": ")[-1][:30] in doc["failed_plugins"][0]["message"]


def test_the_owner_is_named_whatever_the_load_order() -> None:
    # "aaa_steal_target" sorts before "laichau": the clash is still its own
    with pytest.raises(PluginError) as err:
        _evaluate_with("aaa_steal_target")
    assert (err.value.plugin, err.value.owner) == ("aaa_steal_target", "laichau")


def test_a_column_of_another_plugin_names_its_owner() -> None:
    source = """
@hookimpl
def cadre_features(features):
    return {"is_young_leader": features.cadres["is_leader"]}
"""
    MISUSES["zz_column"] = (source, "")
    try:
        with (
            temporary_plugin(
                module("zz_column"), name="zz_column", installed=["province_template"]
            ) as host,
            pytest.raises(PluginError) as err,
        ):
            evaluate(sample_roster(), DAY, host=host)
    finally:
        del MISUSES["zz_column"]
    assert (err.value.plugin, err.value.owner) == ("zz_column", "province_template")
    assert "Column(values, replaces='province_template')" in str(err.value)


def test_replaces_is_the_way_to_take_another_plugins_place(baseline: dict[str, Any]) -> None:
    source = """
@hookimpl
def cadre_parameters():
    return [Parameter("nq05.4b.threshold", "1/10", "fraction", "Lower 4b", "Công văn thử",
                      replaces="laichau")]

@hookimpl
def cadre_features(features):
    return {"is_leader": Column(features.cadres["is_leader"].copy(), replaces="cadre")}
"""
    MISUSES["polite"] = (source, "")
    try:
        ev = _evaluate_with("polite")
    finally:
        del MISUSES["polite"]
    got = {t.id: t for t in ev.communes[0].targets}
    assert got["nq05.4b"].rule.text() == "1/10"
    assert ev.params.origin("nq05.4b.threshold") == "plugin polite"
    assert {k: v for k, v in got.items() if k != "nq05.4b"} == {
        k: v for k, v in baseline.items() if k != "nq05.4b"
    }


def test_zero_one_integers_and_nullable_booleans_are_truth_values(
    baseline: dict[str, Any],
) -> None:
    source = """
@hookimpl
def cadre_targets():
    return [
        target("flags.ints", lambda f: f.cadres["is_female"].astype("int64")),
        target("flags.nullable", lambda f: f.cadres["is_female"].astype("boolean")),
        target("flags.reordered", lambda f: f.cadres["is_female"].iloc[::-1]),
        target("flags.bools", lambda f: f.cadres["is_female"]),
    ]
"""
    MISUSES["flags"] = (source, "")
    try:
        ev = _evaluate_with("flags")
    finally:
        del MISUSES["flags"]
    got = {t.id: t for t in ev.communes[0].targets}
    expected = got["flags.bools"]
    for tid in ("flags.ints", "flags.nullable", "flags.reordered"):
        assert (got[tid].satisfied, got[tid].failing) == (expected.satisfied, expected.failing)


def test_an_undecorated_hook_is_a_warning_and_an_error_in_strict_mode() -> None:
    source = """
def cadre_targets():
    return [target("undecorated.1", criteria.is_female())]
"""
    MISUSES["undecorated"] = (source, "")
    try:
        with temporary_plugin(module("undecorated"), name="undecorated") as host:
            assert host.targets() == []
            assert any(
                "undecorated" in w and "cadre_targets without @hookimpl" in w for w in host.warnings
            )
        pm = make_plugin_manager(entry_points=False, extra=[("undecorated", module("undecorated"))])
        with pytest.raises(PluginError, match="strict mode"):
            PluginHost(pm, strict=True)
    finally:
        del MISUSES["undecorated"]


def test_the_id_prefix_rule_is_a_warning_and_an_error_in_strict_mode() -> None:
    source = """
@hookimpl
def cadre_targets():
    return [target("elsewhere.1", criteria.is_female())]
"""
    MISUSES["prefixed"] = (source, "")
    try:
        with temporary_plugin(module("prefixed"), name="prefixed") as host:
            host.targets()
            assert any("'elsewhere.1' does not start with 'prefixed.'" in w for w in host.warnings)
        pm = make_plugin_manager(entry_points=False, extra=[("prefixed", module("prefixed"))])
        with pytest.raises(PluginError, match="strict mode"):
            PluginHost(pm, strict=True).targets()
    finally:
        del MISUSES["prefixed"]


@pytest.mark.parametrize("name", ["laichau", "province_template"])
def test_the_shipped_plugins_pass_strict_mode(name: str) -> None:
    host = PluginHost(make_plugin_manager(only=[name]), strict=True)
    ev = evaluate(sample_roster(), DAY, host=host)
    assert ev.communes[0].targets and not host.warnings and not ev.failed_plugins


def test_the_testing_kit_names_an_extra_argument_as_a_plugin_error() -> None:
    with pytest.raises(PluginError) as err, temporary_plugin(module("extra_arg"), name="extra_arg"):
        pass
    assert err.value.plugin == "extra_arg"


# ------------------------------------------------------------------ command line
CLI_MISUSES = (
    "steal_param",
    "raising_criterion",
    "typo_hook",
    "broken_import",
    "bare_target",
    "exits_in_hook",
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return install(tmp_path_factory.mktemp("site"), *CLI_MISUSES)


@pytest.fixture(scope="module")
def cli_baseline() -> dict[str, Any]:
    out = run("evaluate", str(SAMPLE), "--as-of", DAY, "--format", "json", "--plugin", "laichau")
    assert out.returncode == 0, out.stderr
    return {t["id"]: t for t in json.loads(out.stdout)["communes"][0]["targets"]}


@pytest.mark.parametrize("name", CLI_MISUSES)
def test_the_command_exits_2_naming_the_plugin(name: str, installed: Path) -> None:
    out = run(
        "evaluate", str(SAMPLE), "--as-of", DAY, "--format", "json", "--lang", "en",
        pythonpath=installed, CADRE_LOAD_PLUGINS=f"laichau,{name}",
    )  # fmt: skip
    assert out.returncode == 2, out.stderr
    assert f"plugin {name!r}" in out.stderr and MISUSES[name][1] in out.stderr
    assert "Traceback" not in out.stderr and not out.stdout


@pytest.mark.parametrize("name", CLI_MISUSES)
def test_keep_going_lists_the_failed_plugin_in_the_output(
    name: str, installed: Path, cli_baseline: dict[str, Any], tmp_path: Path
) -> None:
    args = ("evaluate", str(SAMPLE), "--as-of", DAY, "--keep-going")
    env = {"CADRE_LOAD_PLUGINS": f"laichau,{name}"}
    out = run(*args, "--format", "json", pythonpath=installed, **env)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert [f["plugin"] for f in doc["failed_plugins"]] == [name]
    assert f"bỏ qua: phần bổ trợ {name!r}" in out.stderr
    got = {t["id"]: t for t in doc["communes"][0]["targets"]}
    assert got == cli_baseline
    html = tmp_path / "report.html"
    out = run(*args, "--format", "html", "-o", str(html), pythonpath=installed, **env)
    assert out.returncode == 0, out.stderr
    text = html.read_text(encoding="utf-8")
    assert "Plugin bị bỏ qua do lỗi" in text and name in text


def test_plugins_lists_every_plugin_and_marks_the_broken_ones(installed: Path) -> None:
    out = run("plugins", "--format", "json", pythonpath=installed)
    assert out.returncode == 2
    listed = {p["name"]: p for p in json.loads(out.stdout)["plugins"]}
    assert {"cadre", "laichau", "province_template", *CLI_MISUSES} <= set(listed)
    assert listed["laichau"]["status"] == "loaded" and listed["laichau"]["targets"]
    # what fails while loading or registering; a criterion fails only when evaluated
    assert listed["raising_criterion"]["status"] == "loaded"
    for name in set(CLI_MISUSES) - {"raising_criterion", "exits_in_hook"}:
        assert listed[name]["status"] == "failed"
        assert MISUSES[name][1] in listed[name]["error"]
    table = run("plugins", pythonpath=installed)
    assert table.returncode == 2 and "laichau" in table.stdout and "typo_hook" in table.stdout
    assert "Traceback" not in table.stderr


def test_plugins_json_describes_each_target_as_the_reference_page_does() -> None:
    out = run("plugins", "--format", "json")
    assert out.returncode == 0, out.stderr
    listed = {p["name"]: p for p in json.loads(out.stdout)["plugins"]}
    assert listed["province_template"]["example"] is True
    assert listed["laichau"]["example"] is False and listed["laichau"]["prefixes"] == ["nq05"]
    t5a = next(t for t in listed["laichau"]["target_definitions"] if t["id"] == "nq05.5a")
    for key in ("title", "title_en", "population", "requirement", "rule", "deadline", "source"):
        assert t5a[key], key
    assert t5a["threshold_parameter"] == "nq05.5a.threshold"
    keys = {p["key"]: p for p in listed["laichau"]["parameter_definitions"]}
    assert keys["nq05.5a.threshold"]["kind"] == "fraction"
    assert keys["plan_start"]["default"] == "2026-01-01"


# ------------------------------------------------------------ fresh environment
@pytest.mark.slow
def test_three_misuse_plugins_installed_in_a_fresh_environment(tmp_path: Path) -> None:
    from tests.test_plugin_install import LAICHAU, fresh_venv, sh

    names = ("steal_param", "raising_criterion", "typo_hook")
    packages = []
    for name in names:
        pkg = tmp_path / f"cadre-misuse-{name}"
        (pkg / "src" / f"cadre_misuse_{name}").mkdir(parents=True)
        (pkg / "src" / f"cadre_misuse_{name}" / "__init__.py").write_text(
            HEAD + MISUSES[name][0], encoding="utf-8"
        )
        (pkg / "pyproject.toml").write_text(
            textwrap.dedent(f"""\
                [build-system]
                requires = ["hatchling>=1.25"]
                build-backend = "hatchling.build"

                [project]
                name = "cadre-misuse-{name.replace("_", "-")}"
                version = "0.0.1"
                dependencies = ["cadre-core"]

                [project.entry-points.cadre]
                {name} = "cadre_misuse_{name}"

                [tool.hatch.build.targets.wheel]
                packages = ["src/cadre_misuse_{name}"]
            """),
            encoding="utf-8",
        )
        packages.append(pkg)
    python = fresh_venv(tmp_path / "venv", "-e", ROOT, "-e", LAICHAU, *packages)
    cadre = str(python.parent / "cadre")
    listing = subprocess.run(
        [cadre, "plugins", "--format", "json"], capture_output=True, text=True, check=False
    )
    assert listing.returncode == 2
    status = {p["name"]: p["status"] for p in json.loads(listing.stdout)["plugins"]}
    assert status["laichau"] == "loaded" and status["typo_hook"] == "failed"
    alone = json.loads(
        sh(cadre, "evaluate", SAMPLE, "--as-of", DAY, "--format", "json",
           CADRE_LOAD_PLUGINS="laichau").stdout
    )  # fmt: skip
    for name in names:
        env = {"CADRE_LOAD_PLUGINS": f"laichau,{name}"}
        args = [cadre, "evaluate", str(SAMPLE), "--as-of", DAY, "--format", "json"]
        failed = subprocess.run(
            [*args, "--lang", "en"],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            check=False,
        )
        assert failed.returncode == 2 and f"plugin {name!r}" in failed.stderr
        kept = json.loads(sh(*args, "--keep-going", **env).stdout)
        assert [f["plugin"] for f in kept["failed_plugins"]] == [name]
        assert kept["communes"] == alone["communes"]


def test_a_bad_rating_table_is_blamed_on_the_plugin_that_made_it() -> None:
    source = """
@hookimpl(tryfirst=True)
def cadre_rating_aggregation(scores, discipline, params):
    out = scores.groupby(["cadre_id", "year"], as_index=False)["score"].mean()
    out["level"] = "xuat_sac"
    out["disciplined"] = False
    return out
"""
    MISUSES["ratings"] = (source, "")
    try:
        with pytest.raises(PluginError) as err:
            _evaluate_with("ratings")
    finally:
        del MISUSES["ratings"]
    assert err.value.plugin == "ratings" and err.value.hook == "cadre_rating_aggregation"
    assert "'xuat_sac'" in str(err.value)


def test_a_plugin_that_edits_the_frames_it_receives_changes_only_its_own_view(
    baseline: dict[str, Any],
) -> None:
    source = """
@hookimpl
def cadre_features(features):
    features.cadres["is_leader"] = False
    features.cadres.loc[:, "education_rank"] = 0
    features.tables["degrees"].drop(features.tables["degrees"].index, inplace=True)
    features.tables["trainings"] = features.tables["trainings"].iloc[:0]
    return {}

def wreck(f):
    f.cadres["is_professional"] = False
    f.cadres.loc[:, "theory_rank"] = 0
    return f.cadres["is_female"]

@hookimpl
def cadre_targets():
    return [target("vandal.1", wreck)]

@hookimpl
def cadre_findings(features):
    features.cadres.drop(features.cadres.index, inplace=True)
    return []
"""
    MISUSES["vandal"] = (source, "")
    try:
        pm = make_plugin_manager(only=["laichau", "vandal"], extra=[("vandal", module("vandal"))])
        host = PluginHost(pm)
        roster = sample_roster()
        before = {n: t.copy() for n, t in roster.tables.items()}
        days = [evaluate(roster, day, host=host) for day in (DAY, "2027-12-31")]
    finally:
        del MISUSES["vandal"]
    got = {t.id: t for t in days[0].communes[0].targets if t.id != "vandal.1"}
    assert got == baseline  # Lai Châu's results as without the plugin
    alone = evaluate(sample_roster(), "2027-12-31", plugins=["laichau"])
    assert [t for t in days[1].communes[0].targets if t.id != "vandal.1"] == list(
        alone.communes[0].targets
    )  # and nothing carried into the next day
    for name, table in roster.tables.items():
        assert table.equals(before[name]), name  # the roster itself untouched


def test_a_plugin_that_hangs_is_stopped_with_a_time_limit(tmp_path: Path) -> None:
    MISUSES["sleepy"] = (
        """
@hookimpl
def cadre_parameters():
    import time
    time.sleep(600)
    return []
""",
        "",
    )
    try:
        site = install(tmp_path / "site", "sleepy")
    finally:
        del MISUSES["sleepy"]
    out = run(
        "evaluate", str(SAMPLE), "--as-of", DAY, "--format", "json", "--lang", "en",
        pythonpath=site, CADRE_LOAD_PLUGINS="laichau,sleepy", CADRE_PLUGIN_TIMEOUT="2",
    )  # fmt: skip
    assert out.returncode == 2, out.stderr
    assert "plugin 'sleepy', hook cadre_parameters: ran longer than 2 s" in out.stderr
