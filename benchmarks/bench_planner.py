"""Benchmark: plan a province of 38 communes (~1,600 cadres) commune by commune.

The province is generated from the sample commune: ids and commune names are renamed,
birth dates shifted by up to +-6 years, and about a fifth of the trainings and a tenth
of the theory certificates dropped at random (seeded). Prints JSON with the time per
commune and in total::

    .venv/bin/python benchmarks/bench_planner.py [--communes 38] [--seed 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import time

import numpy as np
import pandas as pd

from cadre_core import PluginHost, Roster, make_plugin_manager, sample_roster
from cadre_core.planner import plan


def make_commune(base: Roster, i: int, rng: np.random.Generator) -> Roster:
    """One commune: the sample renamed (``C{i}-``) and perturbed."""
    prefix = f"C{i:02d}-"
    name = f"Xã Thử {i:02d}"
    t = {k: v.copy() for k, v in base.tables.items()}
    for frame in t.values():  # every id column, whatever tables the schema has
        for col in ("cadre_id", "agency_code", "position_code"):
            if col in frame:
                frame[col] = (prefix + frame[col].astype(str)).where(frame[col].notna())
    for frame in t.values():  # agencies, indicators, surveys: the commune moves
        if "commune" in frame:
            frame["commune"] = name
    shift = rng.integers(-6 * 365, 6 * 365, len(t["cadres"]))
    t["cadres"]["birth_date"] = t["cadres"]["birth_date"] + pd.to_timedelta(shift, unit="D")
    t["trainings"] = t["trainings"][rng.random(len(t["trainings"])) > 0.2]
    t["theory"] = t["theory"][rng.random(len(t["theory"])) > 0.1]
    return Roster.from_frames(t, name=name)


def main() -> None:
    """Run the benchmark and print JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", type=int, default=38)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--as-of", default="2026-12-31")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    base = sample_roster()
    t0 = time.perf_counter()
    communes = [make_commune(base, i + 1, rng) for i in range(args.communes)]
    build = time.perf_counter() - t0
    host = PluginHost(make_plugin_manager(only=["laichau"]))
    as_of = dt.date.fromisoformat(args.as_of)
    rows = []
    t1 = time.perf_counter()
    for r in communes:
        s = time.perf_counter()
        p = plan(r, as_of=as_of, host=host)
        rows.append(
            {
                "commune": r.name,
                "cadres": len(r.cadres),
                "seconds": round(time.perf_counter() - s, 3),
                "lines": len(p.lines),
                "cost": p.total_cost,
                "needs": len(p.needs),
                "status": p.status,
            }
        )
    total = time.perf_counter() - t1
    secs = [x["seconds"] for x in rows]
    print(
        json.dumps(
            {
                "communes": len(rows),
                "cadres": int(sum(x["cadres"] for x in rows)),
                "build_seconds": round(build, 3),
                "total_seconds": round(total, 3),
                "per_commune": {
                    "mean": round(float(np.mean(secs)), 3),
                    "median": round(float(np.median(secs)), 3),
                    "max": round(float(np.max(secs)), 3),
                },
                "python": platform.python_version(),
                "machine": platform.machine(),
                "results": rows,
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
