"""Scale benchmark: the engine against two per-cadre loops and hand-written pandas.

One command::

    python benchmarks/bench_scale.py            # 1k, 10k, 100k cadres + national (3,321 communes)
    python benchmarks/bench_scale.py --quick    # 1k and 10k cadres, a minute or so
    python benchmarks/bench_scale.py --sizes 1000,1000000 --loop-max 200000 --naive-max 200000

For every size a synthetic roster (``cadre synth``) is written as parquet, then one
child process times, in the same process, on the same in-memory tables:

- ``read_raw``: ``pd.read_parquet`` of the nine tables; ``read_roster``: the library's
  reader with its validation (``Roster.from_frames``);
- ``engine``: ``evaluate(roster, as_of, by_commune=True, plugins=["laichau"])`` (best of
  ``--repeat``), the JSON (``Evaluation.to_json_bytes()``, the UTF-8 document that
  ``cadre evaluate`` writes), and a cProfile breakdown of the stages;
- ``engine + JSON``: the same ``evaluate`` (with findings) followed by
  ``Evaluation.to_json_bytes()``, best of ``--repeat``;
- ``pandas``: ``baseline_pandas.evaluate_pandas`` (best of ``--repeat``);
- ``loop``: ``baseline_loop.evaluate_loop``, the tuned loop over attrs objects (objects
  built first, timed separately), up to ``--loop-max`` cadres;
- ``naive loop``: ``baseline_naive.evaluate_naive``, the first-write loop (per commune,
  per target, facts recomputed per target) on the same objects, up to ``--naive-max``
  cadres. Both loops run once and are checked against the engine's counts.

Peak memory (max RSS) is measured in separate child processes, one per workflow
(read + engine; read + pandas baseline), so that each number is that workflow's own.
The results are written as JSON and as a markdown table (``--out``, ``--md``).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import json
import math
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

AS_OF = dt.date(2026, 12, 31)
CADRES_PER_COMMUNE = 41.7  # what synth_tables gives on average
NATIONAL = 3321
TABLES = (
    "cadres",
    "agencies",
    "positions",
    "assignments",
    "degrees",
    "theory",
    "trainings",
    "ratings",
    "equipment",
)


def _maxrss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's ``ru_maxrss`` survives ``exec``: a child started by a parent that once held
    3 GB reports at least 3 GB. ``VmHWM`` (the high-water mark of the process's own
    address space, new at ``exec``) does not, so it is used where the system has it.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _best(fn: Any, repeat: int) -> tuple[float, Any]:
    best = math.inf
    out = None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def _stages(profile: cProfile.Profile) -> dict[str, float]:
    """Cumulative profiled seconds of the engine's stages (names from the engine source)."""
    stats = pstats.Stats(profile)
    wanted = {
        "build_features": ("features/_frame.py", "build_features"),
        "plugin_features": ("plugins/_host.py", "features"),
        "targets": ("engine/_pipeline.py", "_evaluate_target"),
        "findings": ("plugins/_host.py", "findings"),
        "evaluate": ("engine/_pipeline.py", "evaluate"),
    }
    out: dict[str, float] = {}
    for key, (file, func) in wanted.items():
        total = 0.0
        for (f, _line, name), row in stats.stats.items():  # type: ignore[attr-defined]
            if f.replace(os.sep, "/").endswith(file) and name == func:
                total = max(total, row[3])
        out[key] = round(total, 3)
    return out


# ------------------------------------------------------------------------------ children


def _agrees(engine_frame: Any, frame: Any) -> bool:
    """Whether a baseline's frame has the engine's rows and counts."""
    m = engine_frame.merge(frame, on=["commune", "id"], suffixes=("", "_b"))
    return bool(
        len(m) == len(frame) == len(engine_frame)
        and (m["satisfied"] == m["satisfied_b"]).all()
        and (m["population"] == m["population_b"]).all()
    )


def child_time(
    folder: Path, repeat: int, loop_max: int, validate_max: int, naive_max: int
) -> dict[str, Any]:
    """Timings of every workflow in this one process."""
    import pandas as pd
    from baseline_loop import evaluate_loop, load_objects
    from baseline_naive import evaluate_naive
    from baseline_pandas import evaluate_pandas

    from cadre_core import Roster, evaluate, read_roster

    res: dict[str, Any] = {}
    res["read_raw_s"], raw = _best(
        lambda: {n: pd.read_parquet(folder / f"{n}.parquet") for n in TABLES}, repeat
    )
    cadres = len(raw["cadres"])
    res["rows"] = {n: len(f) for n, f in raw.items()}
    if cadres <= validate_max:
        res["read_roster_s"], roster = _best(lambda: read_roster(folder), repeat)
    else:
        roster = Roster(raw, name=folder.name)  # canonical by construction; not validated
        res["read_roster_s"] = None
    evaluate(roster, AS_OF, by_commune=True, plugins=["laichau"])  # warm caches, plugins
    res["engine_s"], ev = _best(
        lambda: evaluate(roster, AS_OF, by_commune=True, plugins=["laichau"]), repeat
    )
    res["engine_nofindings_s"], _ = _best(
        lambda: evaluate(roster, AS_OF, by_commune=True, plugins=["laichau"], findings=False),
        1,
    )
    t = time.perf_counter()
    data = ev.to_json_bytes()
    res["to_json_s"] = time.perf_counter() - t
    res["json_mb"] = len(data) / 1e6
    del data
    res["engine_json_s"], _ = _best(
        lambda: evaluate(roster, AS_OF, by_commune=True, plugins=["laichau"]).to_json_bytes(),
        repeat,
    )
    res["communes"] = len(ev.communes)
    prof = cProfile.Profile()
    prof.enable()
    evaluate(roster, AS_OF, by_commune=True, plugins=["laichau"])
    prof.disable()
    res["profile_s"] = _stages(prof)

    tables = dict(roster.tables)
    res["pandas_s"], frame = _best(lambda: evaluate_pandas(tables, AS_OF), repeat)
    engine_frame = ev.to_frame()
    merged = engine_frame.merge(frame, on=["commune", "id"], suffixes=("", "_p"))
    res["pandas_agrees"] = bool(
        len(merged) == len(frame) == len(engine_frame)
        and (merged["population"] == merged["population_p"]).all()
        and (merged["satisfied"] == merged["satisfied_p"]).all()
    )
    res["to_objects_s"] = res["loop_s"] = res["loop_agrees"] = None
    res["naive_s"] = res["naive_agrees"] = None
    if cadres <= max(loop_max, naive_max):
        t = time.perf_counter()
        objects = load_objects(roster)
        res["to_objects_s"] = time.perf_counter() - t
        for name, run, limit in (
            ("loop", evaluate_loop, loop_max),
            ("naive", evaluate_naive, naive_max),
        ):
            if cadres <= limit:
                gc.collect()
                t = time.perf_counter()
                frame = run(objects, AS_OF)
                res[f"{name}_s"] = time.perf_counter() - t
                res[f"{name}_agrees"] = _agrees(engine_frame, frame)
                del frame
        del objects
    res["maxrss_all_mb"] = _maxrss_mb()
    return res


def child_memory(folder: Path, which: str, validate_max: int) -> dict[str, Any]:
    """Peak RSS of one workflow: read + engine, or read + hand-written pandas."""
    import pandas as pd

    from cadre_core import Roster, evaluate, read_roster

    base = _maxrss_mb()
    raw = {n: pd.read_parquet(folder / f"{n}.parquet") for n in TABLES}
    if which == "engine":
        if len(raw["cadres"]) <= validate_max:
            del raw
            roster = read_roster(folder)
        else:
            roster = Roster(raw, name=folder.name)
        ev = evaluate(roster, AS_OF, by_commune=True, plugins=["laichau"])
        ev.to_json_bytes()
    else:
        from baseline_pandas import evaluate_pandas

        evaluate_pandas(raw, AS_OF)
    return {"maxrss_mb": _maxrss_mb(), "baseline_rss_mb": base}


# ------------------------------------------------------------------------------ parent


def _run_child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise RuntimeError(f"child {args} failed:\n{out.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure(communes: int, seed: int, opts: argparse.Namespace) -> dict[str, Any]:
    """Generate, write and measure one size."""
    from cadre_core.roster._synth import synth_roster

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / f"synth_{communes}"
        t = time.perf_counter()
        roster = synth_roster(communes, seed, validate=False)
        synth_s = time.perf_counter() - t
        roster.write(folder, format="parquet")
        del roster
        gc.collect()
        common = [str(folder), "--validate-max", str(opts.validate_max)]
        timing = _run_child(
            [
                "--child",
                "time",
                *common,
                "--repeat",
                str(opts.repeat),
                "--loop-max",
                str(opts.loop_max),
                "--naive-max",
                str(opts.naive_max),
            ]
        )
        mem_engine = _run_child(["--child", "engine", *common])
        mem_pandas = _run_child(["--child", "pandas", *common])
    cadres = timing["rows"]["cadres"]
    row = {
        "communes": communes,
        "cadres": cadres,
        "rows_total": sum(timing["rows"].values()),
        "synth_s": synth_s,
        **timing,
        "engine_peak_mb": mem_engine["maxrss_mb"],
        "pandas_peak_mb": mem_pandas["maxrss_mb"],
        "python_baseline_mb": mem_engine["baseline_rss_mb"],
    }
    row["engine_vs_pandas"] = row["engine_s"] / row["pandas_s"]
    row["loop_vs_engine"] = row["loop_s"] / row["engine_s"] if row["loop_s"] else None
    row["naive_vs_engine"] = row["naive_s"] / row["engine_s"] if row["naive_s"] else None
    return row


def _f(x: Any, spec: str = ".2f") -> str:
    return "—" if x is None else format(x, spec)


def _x(x: Any) -> str:
    """A ratio as ``12.3x`` (or a dash when not measured)."""
    return "—" if x is None else f"{x:.1f}x"


def markdown(rows: list[dict[str, Any]]) -> str:
    """The results as a markdown table."""
    cols = (
        "cadres",
        "communes",
        "rows",
        "read raw (s)",
        "read_roster (s)",
        "engine (s)",
        "engine no findings (s)",
        "engine + JSON (s)",
        "pandas (s)",
        "loop (s)",
        "naive loop (s)",
        "engine / pandas",
        "loop / engine",
        "naive / engine",
        "to_json (s)",
        "engine peak (MB)",
        "pandas peak (MB)",
    )
    head = "| " + " | ".join(cols) + " |\n" + "|" + "---:|" * len(cols) + "\n"
    lines = [
        f"| {r['cadres']:,} | {r['communes']:,} | {r['rows_total']:,} | {_f(r['read_raw_s'])} | "
        f"{_f(r['read_roster_s'])} | {_f(r['engine_s'])} | {_f(r['engine_nofindings_s'])} | "
        f"{_f(r['engine_json_s'])} | {_f(r['pandas_s'])} | {_f(r['loop_s'])} | "
        f"{_f(r['naive_s'])} | {_x(r['engine_vs_pandas'])} | {_x(r['loop_vs_engine'])} | "
        f"{_x(r['naive_vs_engine'])} | {_f(r['to_json_s'])} | "
        f"{_f(r['engine_peak_mb'], '.0f')} | {_f(r['pandas_peak_mb'], '.0f')} |"
        for r in rows
    ]
    return head + "\n".join(lines) + "\n"


def machine() -> dict[str, Any]:
    """The machine a benchmark ran on, and how busy it was (the load average over 1, 5
    and 15 minutes: above the number of CPUs, other work shared them)."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
    }


def write_results(doc: dict[str, Any], table: str, out: str, md: str) -> None:
    """Write a benchmark's JSON document and its markdown table; print the table."""
    Path(out).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    Path(md).write_text(table, encoding="utf-8")
    print(table)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", help=argparse.SUPPRESS)
    ap.add_argument("--child", choices=("time", "engine", "pandas"), help=argparse.SUPPRESS)
    ap.add_argument("--quick", action="store_true", help="1k and 10k cadres only")
    ap.add_argument("--sizes", help="comma-separated cadre counts (default 1000,10000,100000)")
    ap.add_argument("--national", action=argparse.BooleanOptionalAction, default=None,
                    help="also measure the 3,321 communes of Vietnam (default: on unless --quick)")  # fmt: skip
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--loop-max", type=int, default=200_000,
                    help="largest size (cadres) for the tuned loop")  # fmt: skip
    ap.add_argument("--naive-max", type=int, default=200_000,
                    help="largest size (cadres) for the naive loop (default covers national)")  # fmt: skip
    ap.add_argument("--validate-max", type=int, default=10_000_000,
                    help="largest size read through read_roster (validation)")  # fmt: skip
    ap.add_argument("--out", default=str(HERE / "results.json"))
    ap.add_argument("--md", default=str(HERE / "results.md"))
    opts = ap.parse_args(argv)

    if opts.child:
        folder = Path(opts.folder)
        if opts.child == "time":
            res = child_time(folder, opts.repeat, opts.loop_max, opts.validate_max, opts.naive_max)
        else:
            res = child_memory(folder, opts.child, opts.validate_max)
        print(json.dumps(res))
        return 0

    sizes = [1000, 10_000] if opts.quick else [1000, 10_000, 100_000]
    if opts.sizes:
        sizes = [int(s) for s in opts.sizes.split(",")]
    national = (not opts.quick) if opts.national is None else opts.national
    communes = [max(1, round(s / CADRES_PER_COMMUNE)) for s in sizes]
    if national:
        communes.append(NATIONAL)
    rows = []
    for c in communes:
        print(f"measuring {c} communes ...", file=sys.stderr, flush=True)
        row = measure(c, opts.seed, opts)
        rows.append(row)
        print(markdown([row]).splitlines()[-1], file=sys.stderr, flush=True)
    doc = {"as_of": AS_OF.isoformat(), "machine": machine(), "results": rows}
    write_results(doc, markdown(rows), opts.out, opts.md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
