#!/usr/bin/env python3
"""Time of the national findings on the sample commune (about 40 cadres).

Prints JSON: the best-of-N wall time of ``evaluate`` with ``findings=False`` and with
``findings=True``, the findings' own share (their difference, and the time of the
built-in rules called directly), and the ratio of the findings' time to the evaluation of
the targets. No assertion on time: CI machines vary.

Usage::

    python benchmarks/bench_findings.py [--repeat N] [--as-of YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from cadre_core import evaluate, sample_roster
from cadre_core.findings._national import national_findings


def best(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    """Run the benchmark and print its JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--as-of", default="2026-12-31")
    args = ap.parse_args()
    roster = sample_roster()
    ev = evaluate(roster, args.as_of)  # warm up imports and caches
    assert ev.features is not None
    features, params = ev.features, ev.params
    without = best(lambda: evaluate(roster, args.as_of, findings=False), args.repeat)
    with_f = best(lambda: evaluate(roster, args.as_of, findings=True), args.repeat)
    rules = best(lambda: national_findings(features, params), args.repeat)
    print(
        json.dumps(
            {
                "cadres": len(features.cadres),
                "findings": len(ev.communes[0].findings),
                "repeat": args.repeat,
                "evaluate_without_findings_s": round(without, 4),
                "evaluate_with_findings_s": round(with_f, 4),
                "findings_added_s": round(with_f - without, 4),
                "national_rules_alone_s": round(rules, 4),
                "ratio_findings_to_targets": round(rules / without, 3),
                "ratio_with_to_without": round(with_f / without, 3),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
