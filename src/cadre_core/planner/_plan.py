""":func:`plan`: the planner's steps, in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from cadre_core.planner._baseline import Setting, baseline, setting
from cadre_core.planner._catalogue import Programme
from cadre_core.planner._milp import solve
from cadre_core.planner._outcome import with_outcome
from cadre_core.planner._people import with_people
from cadre_core.planner._problem import covers, flips, granted_fields, problem
from cadre_core.planner._result import Plan
from cadre_core.planner._selection import chosen_options, plan_lines, served_targets, year_totals
from cadre_core.plugins._host import PluginHost
from cadre_core.roster._roster import Roster
from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._progress import task


def plan(
    roster: Roster,
    *,
    as_of: dt.date | str,
    horizon: int | None = None,
    budget: int | Mapping[int, int] | None = None,
    plugins: Iterable[str] | None = None,
    params: Mapping[str, Any] | None = None,
    params_file: str | None = None,
    catalogue: Iterable[Programme] | None = None,
    succession: Iterable[str] | None = None,
    host: PluginHost | None = None,
    time_limit: float = 60.0,
    price: float = 0.0,
    workers: int | None = None,
    engine: str | None = None,
    client: Any = None,
    province_budget: int | None = None,
    chunk_size: int | None = None,
) -> Plan:
    """Plan training from ``as_of`` to ``horizon`` (default: the latest target deadline).

    ``budget`` is a yearly limit per commune in VND (an int, or ``{year: amount}``; default
    the parameter ``planner.budget``, 0 = none). ``plugins``, ``params`` and
    ``params_file`` select targets and parameters as in :func:`cadre_core.evaluate`.
    ``catalogue`` replaces the programmes (default: :func:`default_catalogue` with the
    ``planner.catalogue`` overrides). ``succession`` lists the cadre ids of the succession
    plan (also read from a ``succession`` table with a ``cadre_id`` column if the roster
    has one); among plans of equal cost they are preferred. ``price`` (shortfall units per
    VND, default 0) makes each commune's first phase minimise "shortfall + price x cost"
    (what a province budget's price search sets).

    ``workers``, ``engine``, ``client``, ``province_budget`` and ``chunk_size`` plan the
    communes as independent problems (see :mod:`cadre_core.planner._parallel`): in chunks
    of at most ``chunk_size`` whole communes (default 64), in ``workers`` processes (1: in this process), or on a Dask cluster with
    ``engine="dask"`` (``client``: a ``distributed.Client``; default the current one, else
    a local cluster); ``province_budget`` (VND a year for all communes together) couples
    them through a price on cost. Without any of them, one model holds every commune.

    The steps: fix the setting (targets, parameters, programmes, deadlines, horizon);
    project the roster to every deadline and evaluate each target there; find which
    programmes would make each failing member satisfy each target; gather the demand per
    (target, commune) and the eligible options into the model; solve it; turn the chosen
    options into plan lines and yearly totals; evaluate the targets again with the plan
    applied and state what training cannot do; name every line's cadre (name, post,
    agency) and every need's members.

    >>> p = plan(sample_roster(), as_of="31/12/2026", plugins=["province_template"])
    >>> p.as_of, p.horizon >= 2026
    (datetime.date(2026, 12, 31), True)
    """
    parallel = (workers, engine, client, province_budget, chunk_size)
    if all(x is None for x in parallel):
        s = setting(
            parse_day(as_of, what="as_of"),
            horizon=horizon,
            plugins=plugins,
            params=params,
            params_file=params_file,
            catalogue=catalogue,
            host=host,
        )
        made = plan_in(roster, s, budget, succession, time_limit=time_limit, price=price)
        return made.read_from(roster)
    from cadre_core.planner._parallel import CHUNK, planned
    from cadre_core.planner._result import merge_plans

    with planned(
        roster,
        as_of=as_of,
        horizon=horizon,
        budget=budget,
        plugins=plugins,
        params=params,
        params_file=params_file,
        catalogue=catalogue,
        succession=succession,
        host=host,
        time_limit=time_limit,
        price=price,
        workers=workers,
        engine=engine,
        client=client,
        province_budget=province_budget,
        chunk_size=chunk_size or CHUNK,
    ) as parts:
        return merge_plans(list(parts))


def plan_in(
    roster: Roster,
    s: Setting,
    budget: int | Mapping[int, int] | None,
    succession: Iterable[str] | None,
    *,
    time_limit: float = 60.0,
    price: float = 0.0,
    full: bool = True,
    shares: Mapping[tuple[str, int], int] | None = None,
) -> Plan:
    """The plan of ``roster`` in the setting ``s`` (one model), the steps of :func:`plan`;
    without ``full`` only its lines, totals and shortfalls (no projections or needs: what
    a price search reads); ``shares`` caps each commune's yearly spend at its share of a
    province budget (by commune and year)."""
    base = baseline(roster, s)
    fields = granted_fields(base)
    ways = flips(base, fields)
    prob = problem(base, covers(base, ways), budget, succession, shares)
    with task("progress_planning"):  # a bar on a terminal (cadre_core.cli)
        sol = solve(prob.model, time_limit=time_limit, price=price)
    chosen = chosen_options(prob, sol)
    lines = plan_lines(base, chosen, served_targets(base, prob.demand, sol, chosen), fields)
    draft = Plan(
        s.day,
        s.horizon,
        lines,
        year_totals(chosen),
        (),
        (),
        s.progs,
        sol.status,
        params=s.values,
        shortfalls=_shortfalls(prob.model.key_communes, sol.slack, prob.model.needs),
    )
    if not full:
        return draft
    units = {t.id: t.unit for t in s.targets}
    return with_people(with_outcome(base, ways, prob, sol, draft), roster, units)


def _shortfalls(
    communes: tuple[str, ...], slack: npt.NDArray[np.int64], needs: npt.NDArray[np.int64]
) -> tuple[tuple[str, int, int], ...]:
    """(commune, shortfall, demand) per commune of the target keys."""
    if not len(communes) or len(communes) != len(slack):
        return ()
    frame = pd.DataFrame({"commune": list(communes), "slack": slack, "need": needs})
    sums = frame.groupby("commune", sort=True)[["slack", "need"]].sum()
    return tuple(
        (str(c), int(a), int(b))
        for c, a, b in zip(sums.index, sums["slack"], sums["need"], strict=True)
    )


__all__ = ["plan", "plan_in"]
