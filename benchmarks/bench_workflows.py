"""Whole commands against size: evaluate, the 60-day trend, reports, plan, Dask.

Every figure is a whole process started by this script (the ``cadre`` console script,
or ``python -c`` for a baseline), as a user runs it: imports, reading with validation,
the work, and writing the output file. For every size a synthetic roster is written
once (``cadre synth --communes N --seed 2026``, parquet), then, best of ``--repeat``:

- ``evaluate``: ``cadre evaluate ROSTER --as-of 2026-12-31 --format json -o F``;
  baselines in the same run: ``read_parquet`` (a process that reads the tables with
  pandas and nothing else) and ``pandas`` (the same read, then the hand-written pandas
  implementation of the 18 targets, ``baseline_pandas.evaluate_pandas``);
- ``trend``: the same with ``--as-of`` given 60 times (the last day of every month of
  2026-2030); its baseline is 60 one-day evaluations (60 x the ``evaluate`` time above);
- ``xlsx`` and ``html``: the report of the same day (``--format xlsx`` / ``html``);
- ``plan``: ``cadre plan ROSTER --as-of 2026-12-31 --format json -o F`` with
  ``--workers 2`` against ``--workers 1`` (one process, the baseline), up to
  ``--plan-max`` communes (the baseline up to ``--plan-single-max``);
- ``dask``: the evaluation (``evaluate(..., engine="dask")``) and the plan
  (``--engine dask``) on a local cluster of two worker processes, against the same work on
  the local engine, up to ``--dask-max`` communes.

Memory is the peak resident set: of the largest process of the command's tree
(``RUSAGE_CHILDREN`` of a fresh wrapper process), and, where ``psutil`` is installed, of the whole tree summed (sampled every
50 ms: the supervisor and its worker processes together). Writes JSON (``--out``) and a
markdown table (``--md``)::

    python benchmarks/bench_workflows.py --communes 24,240,2398,3321
    python benchmarks/bench_workflows.py --communes 24 --repeat 1 --plan-max 24   # a minute
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_scale import machine, write_results  # noqa: E402  (sibling scripts)
from bench_trend import month_ends  # noqa: E402

AS_OF = "2026-12-31"
#: The last day of every month of five years: the trend's 60 days (as bench_trend.py).
TREND_DAYS = tuple(d.isoformat() for d in month_ends(60))

_READ = """
import sys, pathlib, pandas as pd
folder = pathlib.Path(sys.argv[1])
tables = {p.stem: pd.read_parquet(p) for p in sorted(folder.glob("*.parquet"))}
"""
_PANDAS = (
    _READ
    + """
import datetime as dt
sys.path.insert(0, sys.argv[2])
from baseline_pandas import evaluate_pandas
evaluate_pandas(tables, dt.date(2026, 12, 31)).to_json(sys.argv[3])
"""
)
_DASK = """
import sys, time, pathlib, json
from distributed import Client, LocalCluster
from cadre_core import evaluate, read_roster
if __name__ == "__main__":
    roster = read_roster(sys.argv[1])
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster, \\
            Client(cluster):
        evaluate(roster, "2026-12-31", plugins=["laichau"], engine="dask")  # warm workers
        t = time.perf_counter()
        ev = evaluate(roster, "2026-12-31", plugins=["laichau"], engine="dask")
        dask_s = time.perf_counter() - t
    t = time.perf_counter()
    local = evaluate(roster, "2026-12-31", plugins=["laichau"], by_commune=True)
    local_s = time.perf_counter() - t
    same = ev.to_json_bytes() == local.to_json_bytes()
    print(json.dumps({"dask_s": dask_s, "local_s": local_s, "identical": same}))
"""


def _tree_rss(pid: int, stop: threading.Event, peak: list[float]) -> None:
    """Sample the summed resident memory of ``pid`` and its descendants into ``peak``."""
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        total = 0
        try:
            for p in (root, *root.children(recursive=True)):
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
        except psutil.Error:
            break
        peak[0] = max(peak[0], total / 1e6)
        stop.wait(0.05)


#: A fresh process that runs the command and reports its children's resource usage, so
#: that the peak (``ru_maxrss`` of ``RUSAGE_CHILDREN``, which never decreases) is this
#: command's own.
_WRAP = """
import json, resource, subprocess, sys
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "cpu_s": ru.ru_utime + ru.ru_stime, "peak_mb": ru.ru_maxrss / 1024}))
"""


def run(cmd: list[str], cwd: Path) -> dict[str, Any]:
    """One whole process: wall seconds, CPU seconds, peak memory (the largest process of
    its tree, and the tree summed where psutil is installed)."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRAP, *cmd],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    stop, peak = threading.Event(), [0.0]
    sampler = threading.Thread(target=_tree_rss, args=(proc.pid, stop, peak), daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t
    stop.set()
    sampler.join()
    usage = json.loads(out.decode().strip().splitlines()[-1])
    if usage.pop("rc") != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} ... failed:\n{err.decode()[-3000:]}")
    return {"s": wall, **usage, "tree_mb": peak[0] or None}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CADRE_STRICT", None)
    env["NO_COLOR"] = "1"
    return env


def best(cmd: list[str], cwd: Path, repeat: int) -> dict[str, Any]:
    """The best of ``repeat`` runs of ``cmd`` (by wall time), with the largest memory seen."""
    runs = [run(cmd, cwd) for _ in range(repeat)]
    top = min(runs, key=lambda r: r["s"])
    top["peak_mb"] = max((r["peak_mb"] or 0) for r in runs) or None
    top["tree_mb"] = max((r["tree_mb"] or 0) for r in runs) or None
    return top


def supports(cadre: str, command: str, option: str) -> bool:
    """Whether ``cadre COMMAND --help`` lists ``option`` (features differ between versions)."""
    out = subprocess.run([cadre, command, "--help"], capture_output=True, text=True, env=_env())
    return option in out.stdout


def measure(communes: int, opts: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """Every workflow on a roster of ``communes`` communes."""
    py = sys.executable
    cadre = shutil.which("cadre", path=str(Path(py).parent)) or "cadre"
    folder = tmp / f"synth_{communes}"
    subprocess.run(
        [cadre, "synth", "--communes", str(communes), "--seed", str(opts.seed), str(folder)],
        check=True,
        capture_output=True,
        env=_env(),
    )
    import pandas as pd

    cadres = len(pd.read_parquet(folder / "cadres.parquet", columns=["cadre_id"]))
    row: dict[str, Any] = {"communes": communes, "cadres": cadres}
    r = opts.repeat
    ev = [cadre, "evaluate", str(folder), "--plugin", "laichau"]
    row["evaluate"] = best([*ev, "--as-of", AS_OF, "-o", str(tmp / "e.json")], tmp, r)
    row["read_parquet"] = best([py, "-c", _READ, str(folder)], tmp, r)
    row["pandas"] = best([py, "-c", _PANDAS, str(folder), str(HERE), str(tmp / "p.json")], tmp, r)
    if communes <= opts.trend_max:
        days = [a for d in TREND_DAYS for a in ("--as-of", d)]
        row["trend"] = best([*ev, *days, "-o", str(tmp / "t.json")], tmp, 1)
    for fmt in ("xlsx", "html"):
        if communes <= opts.report_max:
            row[fmt] = best([*ev, "--as-of", AS_OF, "-o", str(tmp / f"r.{fmt}")], tmp, 1)
    if communes <= opts.plan_max:
        pl = [cadre, "plan", str(folder), "--plugin", "laichau", "--as-of", AS_OF]
        if supports(cadre, "plan", "--workers"):
            row["plan"] = best([*pl, "--workers", "2", "-o", str(tmp / "pl2.json")], tmp, 1)
            if communes <= opts.plan_single_max:
                one = [*pl, "--workers", "1", "-o", str(tmp / "pl1.json")]
                row["plan_1"] = best(one, tmp, 1)
                same = (tmp / "pl2.json").read_bytes() == (tmp / "pl1.json").read_bytes()
                row["plan_identical"] = same
        else:
            row["plan_1"] = best([*pl, "-o", str(tmp / "pl1.json")], tmp, 1)
        if communes <= opts.dask_max and supports(cadre, "plan", "--engine"):
            row["plan_dask"] = best([*pl, "--engine", "dask", "-o", str(tmp / "pld.json")], tmp, 1)
            ref = tmp / ("pl2.json" if "plan" in row else "pl1.json")
            row["plan_dask_identical"] = (tmp / "pld.json").read_bytes() == ref.read_bytes()
    if communes <= opts.dask_max:
        out = subprocess.run(
            [py, "-c", _DASK, str(folder)], cwd=tmp, capture_output=True, text=True, env=_env()
        )
        if out.returncode != 0:
            raise RuntimeError(f"the Dask evaluation failed:\n{out.stderr[-3000:]}")
        row["dask_evaluate"] = json.loads(out.stdout.strip().splitlines()[-1])
    shutil.rmtree(folder)
    return row


def _f(x: Any, spec: str = ".2f") -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


def _get(r: dict[str, Any], key: str, field: str = "s") -> Any:
    v = r.get(key)
    return None if not isinstance(v, dict) else v.get(field)


def _ratio(a: Any, b: Any) -> Any:
    return None if a is None or b in (None, 0) else a / b


def markdown(rows: list[dict[str, Any]]) -> str:
    """The results as a markdown table: seconds, peak MB, ratios to the baselines."""
    cols = (
        "cadres",
        "communes",
        "evaluate (s)",
        "evaluate peak (MB)",
        "pandas baseline (s)",
        "evaluate / pandas",
        "read_parquet (s)",
        "trend 60 days (s)",
        "trend / 60 evaluations",
        "trend peak, all processes (MB)",
        "xlsx (s)",
        "html (s)",
        "plan, 2 workers (s)",
        "plan peak, all processes (MB)",
        "plan, 1 process (s)",
        "2 workers / 1",
        "Dask evaluate / local",
        "Dask plan / local",
    )
    head = "| " + " | ".join(cols) + " |\n" + "|" + "---:|" * len(cols) + "\n"
    lines = []
    for r in rows:
        ev = _get(r, "evaluate")
        plan2 = _get(r, "plan")
        plan1 = _get(r, "plan_1")
        dask = r.get("dask_evaluate") or {}
        cells = (
            f"{r['cadres']:,}",
            f"{r['communes']:,}",
            _f(ev),
            _f(_get(r, "evaluate", "peak_mb"), ".0f"),
            _f(_get(r, "pandas")),
            _f(_ratio(ev, _get(r, "pandas")), ".2f") + "x",
            _f(_get(r, "read_parquet")),
            _f(_get(r, "trend")),
            _f(_ratio(_get(r, "trend"), None if ev is None else 60 * ev), ".3f"),
            _f(_get(r, "trend", "tree_mb"), ".0f"),
            _f(_get(r, "xlsx")),
            _f(_get(r, "html")),
            _f(plan2),
            _f(_get(r, "plan", "tree_mb") or _get(r, "plan_1", "tree_mb"), ".0f"),
            _f(plan1),
            _f(_ratio(plan2, plan1)),
            _f(_ratio(dask.get("dask_s"), dask.get("local_s"))),
            _f(_ratio(_get(r, "plan_dask"), plan1)),
        )
        lines.append("| " + " | ".join(cells) + " |")
    return head + "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (see the module docstring)."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--communes", default="24,240,2398,3321",
                    help="comma-separated commune counts (24 ~ 1k cadres, 23981 ~ 1M)")  # fmt: skip
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--trend-max", type=int, default=100_000, help="most communes for the trend")
    ap.add_argument("--report-max", type=int, default=100_000, help="most communes for reports")
    ap.add_argument("--plan-max", type=int, default=3321, help="most communes planned")
    ap.add_argument("--plan-single-max", type=int, default=3321,
                    help="most communes also planned in one process (the baseline)")  # fmt: skip
    ap.add_argument("--dask-max", type=int, default=3321, help="most communes on Dask")
    ap.add_argument("--out", default=str(HERE / "workflows.json"))
    ap.add_argument("--md", default=str(HERE / "workflows.md"))
    opts = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for c in [int(x) for x in opts.communes.split(",")]:
            print(f"measuring {c} communes ...", file=sys.stderr, flush=True)
            row = measure(c, opts, Path(tmp))
            rows.append(row)
            print(markdown([row]).splitlines()[-1], file=sys.stderr, flush=True)
    doc = {"as_of": AS_OF, "trend_days": len(TREND_DAYS), "machine": machine(), "results": rows}
    write_results(doc, markdown(rows), opts.out, opts.md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
