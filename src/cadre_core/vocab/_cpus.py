"""How many processors this process may use: what the default number of worker processes
(a plan's, a trend's) and of Dask partitions is counted from."""

from __future__ import annotations

import os
from pathlib import Path

#: Where a cgroup v2 container's CPU quota is read ("max" or "<quota> <period>").
CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def usable_cpus() -> int:
    """The processors this process may run on: those of its affinity (all of the
    machine's where the system does not say), fewer when a cgroup quota (``cpu.max``)
    allows less. ``os.cpu_count()`` counts the host's, which may be many more than a
    container's share.

    >>> 1 <= usable_cpus() <= (os.cpu_count() or 1)
    True
    """
    affinity = getattr(os, "sched_getaffinity", None)
    count = len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)
    try:
        quota, period = CPU_MAX.read_text(encoding="utf-8").split()[:2]
        if quota != "max":
            count = min(count, max(1, int(quota) // int(period)))
    except (OSError, ValueError):
        pass
    return max(1, count)


__all__ = ["CPU_MAX", "usable_cpus"]
