"""CADRE_TRACE_PLUGINS=1: every hook call on standard error, never personal data."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cadre_core import PluginHost, evaluate, hookimpl, make_plugin_manager, sample_roster
from cadre_core.plugins._host import trace_hook_calls

CADRE = str(Path(sys.executable).with_name("cadre"))
LINE = re.compile(r"^cadre: hook (cadre_\w+) \[([\w, -]+)\] (\d+\.\d) ms -> (.+)$")
EVALUATE_HOOKS = {
    "cadre_layouts",  # the plugins' layout profiles, applied when the roster is read
    "cadre_about",
    "cadre_targets",
    "cadre_parameters",
    "cadre_features",
    "cadre_rating_aggregation",
    "cadre_findings",
    "cadre_responsible_bodies",
    "cadre_indicators",  # the indicator codes the roster's indicators table may use
}


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_roster().write(tmp_path_factory.mktemp("trace") / "roster.xlsx")


def _evaluate(workbook: Path, out: Path, trace: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CADRE_TRACE_PLUGINS"}
    if trace:
        env["CADRE_TRACE_PLUGINS"] = "1"
    args = [str(workbook), "--as-of", "2026-12-31", "--format", "json", "-o", str(out)]
    return subprocess.run(
        [CADRE, "evaluate", *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_the_console_script_traces_every_hook_call(workbook: Path, tmp_path: Path) -> None:
    traced = _evaluate(workbook, tmp_path / "traced.json", trace=True)
    plain = _evaluate(workbook, tmp_path / "plain.json", trace=False)
    assert traced.returncode == 0 and plain.returncode == 0, traced.stderr
    lines = [m for m in map(LINE.match, traced.stderr.splitlines()) if m]
    assert {m.group(1) for m in lines} == EVALUATE_HOOKS
    assert {"cadre", "laichau"} <= {m.group(2) for m in lines}
    assert "cadre: hook" not in plain.stderr
    # tracing changes nothing else
    assert (tmp_path / "traced.json").read_bytes() == (tmp_path / "plain.json").read_bytes()


def test_the_trace_holds_no_personal_data(workbook: Path, tmp_path: Path) -> None:
    err = _evaluate(workbook, tmp_path / "traced.json", trace=True).stderr
    assert "cadre: hook" in err
    cadres = sample_roster().cadres
    private = [
        *cadres["cadre_id"].astype(str),
        *cadres["full_name"].astype(str),
        *cadres["birth_date"].astype(str).str[:10],
    ]
    assert not [p for p in private if p in err]
    # only hook names, plugin names, durations and sizes
    assert all(LINE.match(line) for line in err.splitlines() if line.startswith("cadre: hook"))
    sizes = {m.group(4) for m in map(LINE.match, err.splitlines()) if m}
    assert all(re.fullmatch(r"(\d+ (items?|rows)(, )?)+|nothing|raised \w+", s) for s in sizes)


def test_trace_reports_a_failure_by_type_only() -> None:
    class Broken:
        @hookimpl
        def cadre_targets(self):
            raise RuntimeError("Nguyễn Văn A, born 1970-01-01")

    pm = make_plugin_manager(entry_points=False, extra=[("broken", Broken())])
    out = io.StringIO()
    trace_hook_calls(pm, out)
    with pytest.raises(Exception, match="broken"):
        evaluate(sample_roster(), "2026-12-31", host=PluginHost(pm))
    assert "cadre: hook cadre_targets [broken]" in out.getvalue()
    assert "raised RuntimeError" in out.getvalue() and "Nguyễn" not in out.getvalue()
