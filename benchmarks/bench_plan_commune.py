"""Benchmark: CPU seconds per commune of ``plan`` on a synthetic roster.

Plans ``--communes`` synthetic communes (``cadre synth``'s generator, seeded) in one
process and prints JSON with the CPU time (``time.process_time``: the machine may be
shared, so wall-clock time is not reported) in total and per commune, and the CPU time
of each planner step as cProfile sees it (cumulative)::

    .venv/bin/python benchmarks/bench_plan_commune.py [--communes 10] [--seed 2026]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import time

from cadre_core.planner import plan
from cadre_core.roster._synth import synth_roster

#: The planner's steps reported (function names in cadre_core.planner).
STEPS = ("flips", "covers", "problem", "solve", "causes", "with_outcome", "plan_lines")


def main() -> None:
    """Run the benchmark and print JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", type=int, default=10)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--as-of", default="2026-12-31")
    args = ap.parse_args()
    roster = synth_roster(args.communes, args.seed, validate=False, name="bench")
    as_of = dt.date.fromisoformat(args.as_of)
    prof = cProfile.Profile(time.process_time)
    t0 = time.process_time()
    prof.enable()
    result = plan(roster, as_of=as_of)
    prof.disable()
    cpu = time.process_time() - t0
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    steps = {
        name: round(max(v[3] for k, v in stats.items() if k[2] == name and "planner" in k[0]), 3)
        for name in STEPS
        if any(k[2] == name and "planner" in k[0] for k in stats)
    }
    print(
        json.dumps(
            {
                "communes": args.communes,
                "cadres": len(roster.cadres),
                "lines": len(result.lines),
                "cpu_seconds": round(cpu, 3),
                "cpu_per_commune": round(cpu / args.communes, 4),
                "steps_cpu_seconds": steps,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
