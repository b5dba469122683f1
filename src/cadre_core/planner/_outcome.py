"""The outcome of a plan: every target at its deadline with the plan, and what remains.

The plan is applied to the projected roster (:func:`~cadre_core.planner._apply.apply_plan`),
every target is evaluated again at its deadline, per commune, and set beside its value
without the plan (:class:`TargetProjection`); a target still not met becomes a
:class:`Need` (:func:`~cadre_core.planner._needs.need`).
"""

from __future__ import annotations

import attrs
import pandas as pd

from cadre_core.features._frame import build_features
from cadre_core.planner._apply import apply_plan
from cadre_core.planner._baseline import Baseline
from cadre_core.planner._milp import Solution
from cadre_core.planner._needs import causes, need, reasons
from cadre_core.planner._problem import Flips, Problem
from cadre_core.planner._result import Need, Plan, TargetProjection
from cadre_core.planner._targets import evaluate_at


def trainable(base: Baseline, ways: Flips, target_id: str, commune: str) -> bool:
    """Whether some programme (or pair) would make a failing member of the commune
    satisfy the target."""
    if target_id not in ways:
        return False
    helped = pd.concat(list(ways[target_id].values()), axis=1).any(axis=1)
    return bool(helped[base.before[target_id].key == commune].any())


def with_outcome(base: Baseline, ways: Flips, prob: Problem, sol: Solution, draft: Plan) -> Plan:
    """``draft`` (lines and totals) with its projections and needs."""
    s = base.setting
    after_roster = apply_plan(base.projected, draft)
    after_feats = {d: s.host.features(build_features(after_roster, d, s.values)) for d in base.raws}
    projections: list[TargetProjection] = []
    needs: list[Need] = []
    misses = reasons(prob.demand, prob.options, sol.covered, prob.model.requires)
    cause_of = causes(misses, prob.model, sol.slack)
    for t in s.targets:
        feats = after_feats[s.deadlines[t.id]]
        before = base.before[t.id].counts
        ev_after = evaluate_at(t, feats, s.values, base.communes, s.plugin_of[t.id])
        after = ev_after.counts
        for commune in base.communes.names:
            proj = TargetProjection(
                target_id=t.id,
                title=t.title,
                commune=commune,
                deadline=s.deadlines[t.id],
                unit=t.unit,
                population=int(after["n"].loc[commune]),
                required=int(after["req"].loc[commune]),
                satisfied_before=int(before["s"].loc[commune]),
                satisfied_after=int(after["s"].loc[commune]),
                status_before=str(before["status"].loc[commune]),
                status_after=str(after["status"].loc[commune]),
                trainable=trainable(base, ways, t.id, commune),
            )
            projections.append(proj)
            if proj.status_after == "not_met":
                needs.append(
                    need(t, proj, ev_after, feats, cause_of, prob.demand.keys, s.plugin_of[t.id])
                )
    return attrs.evolve(draft, projections=tuple(projections), needs=tuple(needs))


__all__ = ["trainable", "with_outcome"]
