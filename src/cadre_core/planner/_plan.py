""":func:`plan`: the planner's steps, in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from cadre_core.planner._baseline import baseline, setting
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
) -> Plan:
    """Plan training from ``as_of`` to ``horizon`` (default: the latest target deadline).

    ``budget`` is a yearly limit per commune in VND (an int, or ``{year: amount}``; default
    the parameter ``planner.budget``, 0 = none). ``plugins``, ``params`` and
    ``params_file`` select targets and parameters as in :func:`cadre_core.evaluate`.
    ``catalogue`` replaces the programmes (default: :func:`default_catalogue` with the
    ``planner.catalogue`` overrides). ``succession`` lists the cadre ids of the succession
    plan (also read from a ``succession`` table with a ``cadre_id`` column if the roster
    has one); among plans of equal cost they are preferred.

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
    s = setting(
        parse_day(as_of, what="as_of"),
        horizon=horizon,
        plugins=plugins,
        params=params,
        params_file=params_file,
        catalogue=catalogue,
        host=host,
    )
    base = baseline(roster, s)
    fields = granted_fields(base)
    ways = flips(base, fields)
    prob = problem(base, covers(base, ways), budget, succession)
    with task("progress_planning"):  # a bar on a terminal (cadre_core.cli)
        sol = solve(prob.model, time_limit=time_limit)
    chosen = chosen_options(prob, sol)
    lines = plan_lines(base, chosen, served_targets(base, prob.demand, sol, chosen), fields)
    draft = Plan(
        s.day, s.horizon, lines, year_totals(chosen), (), (), s.progs, sol.status, params=s.values
    )
    units = {t.id: t.unit for t in s.targets}
    return with_people(with_outcome(base, ways, prob, sol, draft), roster, units)


__all__ = ["plan"]
