#!/usr/bin/env python3
"""CPU time of a trend: many as-of days of one roster in one pass (``evaluate_days``)
against one ``evaluate`` per day.

On a synthetic roster of ``--communes N`` communes (``synth_roster(N, seed=2026)``, the
tables ``cadre synth --communes N --seed 2026`` writes; 3321 communes is the national
roster) or on a roster folder (``--roster PATH``), with the built-in and Lai Châu plugins
and one :class:`~cadre_core.PluginHost` reused, the script times in one process the
``--days`` last days of the months from January 2026 (60: monthly for five years):

- ``per_day_cpu_s``: (a) one ``evaluate`` per day, the baseline (each dropped before the next);
- ``trend_cpu_s``: (b) ``evaluate_days(roster, days)`` (it returns every day's evaluation, with
  its feature frames: on the national roster about 0.2 GB a day, so mind ``--days``);
- ``one_day_cpu_s``: (c) one ``evaluate`` of the first day.

Times are CPU seconds of this process (``time.process_time``: the machine may be shared),
the best of ``--repeat`` runs (the baseline's of ``--baseline-repeat``: it is the long
one). Prints JSON with the ratios ``trend / per_day`` and ``trend / one_day`` and the
peak resident memory after each phase, in the order (c), (b), (a) (the peak of a process
never falls: each figure is the peak so far). No assertion on time.

Usage::

    python benchmarks/bench_trend.py [--communes N | --roster PATH] [--days 60]
        [--repeat 3] [--baseline-repeat 3]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import gc
import json
import math
import platform
import resource
import sys
import time
from collections.abc import Callable

from cadre_core import PluginHost, evaluate, evaluate_days, make_plugin_manager
from cadre_core.roster._province import read_rosters
from cadre_core.roster._synth import synth_roster


def month_ends(n: int, first: dt.date = dt.date(2026, 1, 1)) -> list[dt.date]:
    """The last days of ``n`` months from ``first``'s month.

    >>> [d.isoformat() for d in month_ends(3)]
    ['2026-01-31', '2026-02-28', '2026-03-31']
    """
    out = []
    year, month = first.year, first.month
    for _ in range(n):
        out.append(dt.date(year, month, calendar.monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def best_cpu(fn: Callable[[], object], repeat: int) -> float:
    """Best CPU time of ``repeat`` calls of ``fn``, in seconds (their results dropped)."""
    fastest = math.inf
    for _ in range(max(repeat, 1)):
        gc.collect()
        t0 = time.process_time()
        result = fn()
        fastest = min(fastest, time.process_time() - t0)
        del result
    return fastest


def peak_mib() -> float:
    """The peak resident memory of this process so far, in MiB."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return round(kib / 1024, 1)


def main(argv: list[str] | None = None) -> dict[str, object]:
    """Run the benchmark; print and return its JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=3321)
    parser.add_argument("--roster", default=None, help="a roster folder instead of synth")
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline-repeat", type=int, default=3)
    args = parser.parse_args(argv)

    t0 = time.process_time()
    if args.roster:
        roster = read_rosters([args.roster])
    else:
        roster = synth_roster(args.communes, 2026, validate=False)
    read_s = time.process_time() - t0
    host = PluginHost(make_plugin_manager(only=["laichau"]))
    days = month_ends(args.days)
    evaluate(roster, days[0], host=host)  # plugins imported, caches warm
    after_read = peak_mib()

    one_day = best_cpu(lambda: evaluate(roster, days[0], host=host), args.repeat)
    after_one = peak_mib()
    trend = best_cpu(lambda: evaluate_days(roster, days, host=host), args.repeat)
    after_trend = peak_mib()
    per_day = best_cpu(lambda: [evaluate(roster, d, host=host) for d in days], args.baseline_repeat)
    after_per_day = peak_mib()

    result: dict[str, object] = {
        "benchmark": "trend",
        "roster": args.roster or f"synth --communes {args.communes} --seed 2026",
        "cadres": len(roster.cadres),
        "days": len(days),
        "first_day": days[0].isoformat(),
        "last_day": days[-1].isoformat(),
        "repeat": args.repeat,
        "baseline_repeat": args.baseline_repeat,
        "read_cpu_s": round(read_s, 3),
        "one_day_cpu_s": round(one_day, 3),
        "trend_cpu_s": round(trend, 3),
        "per_day_cpu_s": round(per_day, 3),
        "trend_per_day_cpu_s": round(trend / len(days), 3),
        "ratio_trend_to_per_day": round(trend / per_day, 3),
        "ratio_trend_to_one_day": round(trend / one_day, 2),
        "peak_mib_after_read": after_read,
        "peak_mib_after_one_day": after_one,
        "peak_mib_after_trend": after_trend,
        "peak_mib_after_per_day": after_per_day,
        "python": platform.python_version(),
    }
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
