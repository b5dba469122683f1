"""From the solver's choice to plan lines: what each chosen option serves, who carries it out.

A chosen option serves a target when it completes, by the target's deadline, a way
(a single programme, or both programmes of a pair) of a member the solution counts as
covered. The responsible body of a line is that of the first target it serves (in
registration order) that has one, else that of the cadre's bloc (first position by code).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from cadre_core.planner._baseline import Baseline
from cadre_core.planner._milp import Solution
from cadre_core.planner._problem import Covers, Problem
from cadre_core.planner._result import PlanLine, YearTotal


def chosen_options(prob: Problem, sol: Solution) -> pd.DataFrame:
    """The chosen options, by commune, start, cadre and programme."""
    chosen = prob.eligible.iloc[sol.chosen].reset_index(drop=True)
    return chosen.sort_values(["commune", "start", "cadre_id", "programme"]).reset_index(drop=True)


def served_targets(
    base: Baseline, demand: Covers, sol: Solution, chosen: pd.DataFrame
) -> pd.Series:
    """(cadre_id, programme) -> the ids of the targets the chosen option serves, in
    registration order."""
    covers = demand.covers
    covered = covers[sol.covered] if len(covers) else covers
    done = chosen[["cadre_id", "programme", "end"]]
    served_parts = []
    sc = demand.singles.merge(covered, on="cover").merge(done, on=["cadre_id", "programme"])
    served_parts.append(sc[sc["end"] <= sc["deadline"]][["cadre_id", "programme", "key"]])
    pc = demand.pairs.merge(covered, on="cover")
    for a, b in (("p1", "p2"), ("p2", "p1")):
        m = pc.merge(done, left_on=["cadre_id", a], right_on=["cadre_id", "programme"])
        m = m[m["end"] <= m["deadline"]]
        m = m.merge(
            done.rename(columns={"programme": "other", "end": "end2"}),
            left_on=["cadre_id", b],
            right_on=["cadre_id", "other"],
        )
        m = m[m["end2"] <= m["deadline"]]
        served_parts.append(m[["cadre_id", "programme", "key"]])
    served = pd.concat(served_parts, ignore_index=True)
    served["target"] = [demand.keys[k][0] for k in served["key"]]
    order = {t.id: i for i, t in enumerate(base.setting.targets)}
    return (
        served.drop_duplicates(["cadre_id", "programme", "target"])
        .sort_values("target", key=lambda s: s.map(order))
        .groupby(["cadre_id", "programme"])["target"]
        .agg(tuple)
    )


def plan_lines(
    base: Baseline,
    chosen: pd.DataFrame,
    served: pd.Series,
    fields: Mapping[str, pd.Series],
) -> tuple[PlanLine, ...]:
    """One :class:`PlanLine` per chosen option (formatting the chosen lines only)."""
    s = base.setting
    by_code = s.by_code
    bodies = s.host.responsible_bodies()
    first_asg = base.now.assignments.sort_values(["cadre_id", "position_code"]).drop_duplicates(
        "cadre_id"
    )
    bloc = first_asg.set_index("cadre_id")["bloc"].astype(object).to_dict()
    served_by = served.to_dict()  # plain look-ups: one per chosen line
    field_of = {
        code: fields[code].to_dict() for code in chosen["programme"].unique() if code in fields
    }
    lines = []
    row: Any
    for row in chosen.itertuples(index=False):
        r = row
        targets_served = served_by.get((r.cadre_id, r.programme), ())
        body = next((bodies[t] for t in targets_served if t in bodies), None)
        if body is None:
            body = bodies.get(str(bloc.get(r.cadre_id, "")), "")
        p = by_code[r.programme]
        field = field_of[p.code].get(r.cadre_id) if p.kind == "degree" else None
        lines.append(
            PlanLine(
                year=int(r.year),
                start_date=r.start.date(),
                end_date=r.end.date(),
                cadre_id=str(r.cadre_id),
                programme=str(r.programme),
                targets_served=tuple(targets_served),
                body=str(body),
                cost=int(r.cost),
                commune=str(r.commune),
                programme_name=p.name,
                field=None if field is None or pd.isna(field) else str(field),
                succession=bool(r.succession),
            )
        )
    return tuple(lines)


def year_totals(chosen: pd.DataFrame) -> tuple[YearTotal, ...]:
    """Starts, long starts and cost per (commune, start year)."""
    out = []
    for k, g in chosen.groupby(["commune", "year"], sort=True):
        key: Any = k
        out.append(
            YearTotal(
                str(key[0]),
                int(key[1]),
                int(g.shape[0]),
                int(g["long"].sum()),
                int(g["cost"].sum()),
            )
        )
    return tuple(out)


__all__ = ["chosen_options", "plan_lines", "served_targets", "year_totals"]
