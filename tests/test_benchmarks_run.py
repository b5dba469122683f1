"""The read and evaluate benchmarks run and print the JSON their README describes.

Smoke tests only: each script runs once with ``--repeat 1`` as a subprocess; the JSON is
checked for its keys and for sane values. Nothing is asserted about time.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
FORMATS = {"xlsx", "csv", "parquet"}
NQ05 = {
    "nq05.1a",
    "nq05.1b",
    "nq05.2a",
    "nq05.2b",
    "nq05.2c",
    "nq05.2d",
    "nq05.3",
    "nq05.4a",
    "nq05.4b",
    "nq05.5a",
    "nq05.5b",
    "nq05.5c",
    "nq05.5d",
    "nq05.6a",
    "nq05.6b",
    "nq05.7a",
    "nq05.7b",
    "nq05.8",
}


def run_bench(script: str, *args: str) -> dict[str, Any]:
    """Run ``benchmarks/<script>`` with ``args``; return its parsed JSON output."""
    proc = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)
    assert isinstance(out, dict)
    return out


def positive(x: object) -> bool:
    """A finite, strictly positive number (a measured duration or a ratio of two)."""
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x) and x > 0


def test_bench_read_prints_json() -> None:
    out = run_bench("bench_read.py", "--repeat", "1")
    assert out["repeat"] == 1
    assert out["rows"]["cadres"] == 43
    assert set(out["formats"]) == FORMATS
    for fmt in FORMATS:
        row = out["formats"][fmt]
        assert set(row) == {"read_roster_s", "raw_s", "ratio"}
        assert all(positive(v) for v in row.values()), (fmt, row)
    listed = out["list"]  # the sample's people as a one-row-per-person list
    assert listed["people"] == 41
    assert all(positive(listed[k]) for k in ("read_roster_s", "raw_s", "ratio")), listed
    engines = out["xlsx_engines"]
    assert set(engines) == {"openpyxl_s", "calamine_s", "ratio_openpyxl_to_calamine"}
    assert all(positive(v) for v in engines.values())


def check_evaluate(out: dict[str, Any]) -> None:
    """The keys and values every ``bench_evaluate`` run prints."""
    timings = (
        "evaluate_s",
        "features_s",
        "targets_total_s",
        "baseline_s",
        "ratio_evaluate_to_baseline",
        "ratio_features_to_baseline",
        "ratio_targets_to_baseline",
    )
    for key in timings:
        assert positive(out[key]), (key, out[key])
    assert out["repeat"] == 1
    assert out["agrees_with_baseline"] is True
    assert set(out["targets"]) == NQ05
    for tid, row in out["targets"].items():
        assert row["plugin"] == "laichau", tid
        assert row["unit"] in {"cadres", "positions", "agencies"}
        assert positive(row["population_s"]) and positive(row["criterion_s"]), tid


def test_bench_evaluate_sample_prints_json() -> None:
    out = run_bench("bench_evaluate.py", "--repeat", "1")
    check_evaluate(out)
    assert out["roster"] == "sample_commune"
    assert out["communes"] == 1
    assert out["cadres"] > 0


@pytest.mark.slow
def test_bench_evaluate_communes_prints_json() -> None:
    out = run_bench("bench_evaluate.py", "--repeat", "1", "--communes", "2")
    check_evaluate(out)
    assert out["roster"] == "synth-2-1"
    assert out["communes"] == 2


def test_bench_scale_profiles_stages_that_exist() -> None:
    """Every stage ``bench_scale`` profiles names a function the engine has (a renamed
    module would otherwise report 0 s for it)."""
    import cProfile

    sys.path.insert(0, str(BENCH))
    try:
        import bench_scale
    finally:
        sys.path.remove(str(BENCH))
    from cadre_core import evaluate, sample_roster

    prof = cProfile.Profile()
    prof.enable()
    evaluate(sample_roster(), "2026-12-31", plugins=["laichau"])
    prof.disable()
    stages = bench_scale._stages(prof)
    assert set(stages) == {"build_features", "plugin_features", "targets", "findings", "evaluate"}
    assert all(positive(v) for v in stages.values()), stages


@pytest.mark.slow
def test_bench_workflows_writes_its_table(tmp_path: Path) -> None:
    """``bench_workflows`` times the whole commands on a tiny roster and writes JSON and
    the markdown table; every command it ran succeeded (a failure is an error)."""
    out, md = tmp_path / "w.json", tmp_path / "w.md"
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCH / "bench_workflows.py"),
            *("--communes", "2", "--repeat", "1", "--dask-max", "0"),
            *("--out", str(out), "--md", str(md)),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["trend_days"] == 60
    (row,) = doc["results"]
    assert row["communes"] == 2 and row["cadres"] > 0
    for key in ("evaluate", "read_parquet", "pandas", "trend", "xlsx", "html", "plan_1"):
        assert positive(row[key]["s"]) and positive(row[key]["peak_mb"]), (key, row[key])
    if "plan" in row:  # the planner runs in worker processes
        assert row["plan_identical"] is True
    table = md.read_text(encoding="utf-8").splitlines()
    assert table[0].startswith("| cadres | communes | evaluate (s)")
    assert table[2].startswith("| ")
