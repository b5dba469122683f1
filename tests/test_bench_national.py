"""The national benchmark runs and prints the JSON its docstring describes.

A smoke test only, on a roster of three communes with ``--repeat 1``: the keys, and sane
values (positive times and memory, the same JSON size measured in and out of process).
Nothing is asserted about time.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_national.py"
STAGES = {"read", "features", "targets", "findings", "names", "digests", "json"}


def _positive(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x) and x > 0


def test_bench_national_prints_json() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--communes", "3", "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)
    assert out["communes"] == 3 and out["cadres"] > 0
    command = out["command"]
    assert all(_positive(command[k]) for k in ("wall_s", "cpu_s", "maxrss_mb", "json_mb"))
    assert set(out["stages"]) == STAGES
    assert all(set(s) == {"cpu_s", "wall_s"} for s in out["stages"].values())
    # the command wrote the document measured (plus the reading options in its audit)
    assert abs(command["json_mb"] - out["json_mb"]) <= 0.1
    assert _positive(out["read_parquet"]["wall_s"]) and _positive(out["baseline_pandas"]["wall_s"])
    assert all(_positive(v) for v in out["ratios"].values())
