"""Benchmark: ``cadre plan`` of a synthetic country, communes planned in parallel.

For each size (``--communes``, default 3321, the national roster; e.g. ``--communes
38,300``) a roster is synthesised (``cadre synth --communes N --seed S``) and planned
through the console script: once as one model in one process (the baseline: ``--workers
1 --chunk N``, the planner as it was), then in chunks of ``--chunk`` communes with each
of ``--workers`` (default 1 and 2). Each run's CPU time (user + system, the command and
its worker processes) and peak memory (the largest resident set of any of them) are read
with ``resource.getrusage(RUSAGE_CHILDREN)`` in a child process that runs only that
command, so runs never add up. Prints JSON: per size and run the wall and CPU seconds, the
peak memory, the SHA-256 of the plan's JSON, whether every chunked run wrote the same
bytes, and the ratios to the baseline::

    .venv/bin/python benchmarks/bench_plan_national.py --communes 38 --chunk 10
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

CADRE = str(Path(sys.executable).with_name("cadre"))

# the child: runs one command, waits for it, prints its resource use (and its workers')
_CHILD = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "wall_s": wall, "cpu_s": u.ru_utime + u.ru_stime,
                  "max_rss_mb": u.ru_maxrss / 1024}))
"""


def measure(args: list[str]) -> dict[str, Any]:
    """Run ``cadre ARGS`` in a fresh child; its wall and CPU seconds and peak memory."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, CADRE, *args], capture_output=True, text=True, check=True
    )
    got: dict[str, Any] = json.loads(out.stdout)
    if got["rc"] != 0:
        raise SystemExit(f"cadre {' '.join(args)} exited {got['rc']}")
    return got


def bench(communes: int, workers: list[int], chunk: int, seed: int, as_of: str) -> dict[str, Any]:
    """The runs of one roster size."""
    with tempfile.TemporaryDirectory() as tmp:
        roster = Path(tmp) / "roster"
        subprocess.run(
            [CADRE, "synth", "--communes", str(communes), "--seed", str(seed), str(roster)],
            check=True,
            capture_output=True,
        )
        runs: list[dict[str, Any]] = []
        configs = [("baseline", 1, communes)] + [("chunked", w, chunk) for w in workers]
        for name, n, size in configs:
            out = Path(tmp) / f"{name}-{n}.json"
            args = ["plan", str(roster), "--as-of", as_of, "--format", "json"]
            args += ["--workers", str(n), "--chunk", str(size), "--output", str(out)]
            got = measure(args)
            got.update(
                run=name,
                workers=n,
                chunk=size,
                json_bytes=out.stat().st_size,
                sha256=hashlib.sha256(out.read_bytes()).hexdigest(),
            )
            runs.append(got)
    base = runs[0]
    chunked = runs[1:]
    return {
        "communes": communes,
        "runs": runs,
        "chunked_identical": len({r["sha256"] for r in chunked}) <= 1,
        "same_as_baseline": all(r["sha256"] == base["sha256"] for r in chunked),
        "cpu_ratio": {str(r["workers"]): r["cpu_s"] / base["cpu_s"] for r in chunked},
        "wall_ratio": {str(r["workers"]): r["wall_s"] / base["wall_s"] for r in chunked},
        "memory_ratio": {str(r["workers"]): r["max_rss_mb"] / base["max_rss_mb"] for r in chunked},
    }


def main() -> None:
    """Run the benchmark and print JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", default="3321", help="sizes, comma-separated")
    ap.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    ap.add_argument("--chunk", type=int, default=64, help="communes per chunk")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--as-of", default="2026-12-31")
    a = ap.parse_args()
    sizes = [int(x) for x in a.communes.split(",")]
    workers = [int(x) for x in a.workers.split(",")]
    print(
        json.dumps(
            {
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "chunk": a.chunk,
                "seed": a.seed,
                "sizes": [bench(n, workers, a.chunk, a.seed, a.as_of) for n in sizes],
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
