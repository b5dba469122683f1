#!/usr/bin/env python3
"""Time of ``evaluate`` (Lai Châu targets) against the hand-written pandas baseline.

On the sample commune (default) or on a synthetic roster of ``--communes N`` communes
(``cadre_core.roster._synth.synth_roster(N, seed=1)``), the script times in the same process,
best of ``--repeat``:

- ``evaluate_s``: ``evaluate(roster, as_of, plugins=["laichau"], findings=False,
  host=host)`` with one :class:`~cadre_core.PluginHost` reused across runs;
- ``features_s``: the feature build the engine does first
  (``host.features(build_features(roster, as_of, params))``);
- per target of ``host.targets()``: ``target.population(features)`` and
  ``target.criterion(features)`` on one :class:`Features` built once;
- ``baseline_s``: ``baseline_pandas.evaluate_pandas(roster.tables, as_of)``, the
  hand-written pandas implementation of the same 18 targets (no result objects).

Prints JSON with the ratios engine / baseline, and whether the engine's counts
(population, satisfied, required) agree with the baseline's. No assertion on time.

Usage::

    python benchmarks/bench_evaluate.py [--repeat N] [--as-of YYYY-MM-DD] [--communes N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import platform
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from cadre_core import PluginHost, Roster, evaluate, make_plugin_manager, sample_roster
from cadre_core.features._frame import Features, build_features
from cadre_core.roster._synth import synth_roster

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline_pandas import evaluate_pandas

COUNTS = ["id", "population", "satisfied", "required"]


def best(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` calls of ``fn``, in seconds."""
    fastest = math.inf
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        fastest = min(fastest, time.perf_counter() - t0)
    return fastest


def build(roster: Roster, as_of: dt.date, host: PluginHost) -> Features:
    """The features the engine builds: core frames, then the plugins' derived columns."""
    return host.features(build_features(roster, as_of, host.params(host.targets())))


def _counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Per commune position and target: the counts both implementations give."""
    out = frame[["commune", *COUNTS]].copy()
    out["commune"] = out["commune"].astype(str)
    out = out.sort_values(["commune", "id"]).reset_index(drop=True)
    return out.astype({c: "int64" for c in COUNTS[1:]})


def agrees(engine: pd.DataFrame, baseline: pd.DataFrame) -> bool:
    """Whether the engine and the baseline give the same counts for every target."""
    a, b = _counts(engine), _counts(baseline)
    if a["commune"].nunique() == 1 and b["commune"].nunique() == 1:
        a["commune"] = b["commune"] = ""  # one commune: its label may differ
    return a.equals(b)


def run(roster: Roster, as_of: dt.date, repeat: int) -> dict[str, Any]:
    """Time the engine, its stages and the baseline on ``roster``; return the JSON dict."""
    host = PluginHost(make_plugin_manager(only=["laichau"]))
    go = partial(evaluate, roster, as_of, plugins=["laichau"], findings=False, host=host)
    ev = go()  # warm up imports and caches
    base = evaluate_pandas(roster.tables, as_of)
    evaluate_s = best(go, repeat)
    baseline_s = best(partial(evaluate_pandas, roster.tables, as_of), repeat)
    features_s = best(partial(build, roster, as_of, host), repeat)

    features = build(roster, as_of, host)
    targets: dict[str, dict[str, Any]] = {}
    predicates_s = 0.0
    for plugin, target in host.targets():
        population_s = best(partial(target.population, features), repeat)
        criterion_s = best(partial(target.criterion, features), repeat)
        predicates_s += population_s + criterion_s
        targets[target.id] = {
            "plugin": plugin,
            "unit": target.unit,
            "population_s": round(population_s, 6),
            "criterion_s": round(criterion_s, 6),
        }
    engine_frame = ev.to_frame()
    return {
        "roster": roster.name,
        "communes": len(ev.communes),
        "cadres": len(features.cadres),
        "as_of": as_of.isoformat(),
        "repeat": repeat,
        "python": platform.python_version(),
        "pandas": pd.__version__,
        "evaluate_s": round(evaluate_s, 5),
        "features_s": round(features_s, 5),
        "targets_total_s": round(predicates_s, 5),
        "baseline_s": round(baseline_s, 5),
        "ratio_evaluate_to_baseline": round(evaluate_s / baseline_s, 2),
        "ratio_features_to_baseline": round(features_s / baseline_s, 2),
        "ratio_targets_to_baseline": round(predicates_s / baseline_s, 2),
        "agrees_with_baseline": agrees(engine_frame, base),
        "targets": targets,
    }


def main() -> None:
    """Parse the arguments, run the benchmark and print its JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7, help="best of N runs (default 7)")
    ap.add_argument("--as-of", default="2026-12-31", help="evaluation day (YYYY-MM-DD)")
    ap.add_argument(
        "--communes",
        type=int,
        default=0,
        help="use synth_roster(N, seed=1) instead of the sample commune",
    )
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.communes < 0:
        ap.error("--communes must be positive")
    roster = synth_roster(args.communes, seed=1) if args.communes else sample_roster()
    as_of = dt.date.fromisoformat(args.as_of)
    print(json.dumps(run(roster, as_of, args.repeat), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
