"""The outcome of a plan: every target at its deadline with the plan, and what remains.

The plan is applied to the projected roster (:func:`~cadre_core.planner._apply.apply_plan`),
every target is evaluated again at its deadline, per commune, and set beside its value
without the plan (:class:`TargetProjection`); a target still not met becomes a
:class:`Need` (:func:`~cadre_core.planner._needs.need`).
"""

from __future__ import annotations

import attrs
import numpy as np
import pandas as pd

from cadre_core.features._frame import build_features
from cadre_core.planner._apply import apply_plan
from cadre_core.planner._baseline import Baseline
from cadre_core.planner._milp import Solution
from cadre_core.planner._needs import ByCommune, causes, need, reasons, said_of
from cadre_core.planner._problem import Flips, Problem
from cadre_core.planner._result import Need, Plan, TargetProjection
from cadre_core.planner._targets import evaluate_at


def trainable(base: Baseline, ways: Flips, target_id: str, commune: str) -> bool:
    """Whether some programme (or pair) would make a failing member of the commune
    satisfy the target."""
    return bool(trainable_communes(base, ways, target_id).get(commune, False))


def trainable_communes(base: Baseline, ways: Flips, target_id: str) -> pd.Series:
    """Per commune (of the target's members) that falls short of the target, whether
    some programme (or pair) would make a failing member of it satisfy the target; a
    commune that meets it reads False, whatever the other communes need, so that a
    commune's projection is the same planned alone or with others (empty: no way for
    any)."""
    if target_id not in ways or not ways[target_id]:
        return pd.Series(dtype=bool)
    per = ways[target_id]
    helped = np.logical_or.reduce([h.to_numpy(bool) for h in per.values()])
    before = base.before[target_id]
    key = before.key
    any_help = pd.Series(helped, index=key.index).groupby(key.to_numpy(object)).any()
    c = before.counts.reindex(any_help.index)
    return any_help & ((c["s"] < c["req"]) & (c["n"] > 0)).to_numpy()


def with_outcome(base: Baseline, ways: Flips, prob: Problem, sol: Solution, draft: Plan) -> Plan:
    """``draft`` (lines and totals) with its projections and needs (a target unmet in
    several communes asks its explainer once for all their failing members)."""
    s = base.setting
    after_roster = apply_plan(base.projected, draft)
    after_feats = {d: s.host.features(build_features(after_roster, d, s.values)) for d in base.raws}
    projections: list[TargetProjection] = []
    needs: list[Need] = []
    misses = reasons(prob.demand, prob.options, sol.covered, prob.model.requires)
    cause_of = causes(misses, prob.model, sol.slack, built=sol.built)
    names = list(base.communes.names)
    for t in s.targets:
        feats = after_feats[s.deadlines[t.id]]
        before = base.before[t.id].counts.reindex(names)
        ev_after = evaluate_at(t, feats, s.values, base.communes, s.plugin_of[t.id])
        after = ev_after.counts.reindex(names)
        helps = trainable_communes(base, ways, t.id).reindex(names, fill_value=False)
        cols = zip(
            names,
            after["n"].tolist(),
            after["req"].tolist(),
            before["s"].tolist(),
            after["s"].tolist(),
            before["status"].tolist(),
            after["status"].tolist(),
            helps.tolist(),
            strict=True,
        )
        mine = [
            TargetProjection(
                target_id=t.id,
                title=t.title,
                commune=commune,
                deadline=s.deadlines[t.id],
                unit=t.unit,
                population=int(n),
                required=int(req),
                satisfied_before=int(s_before),
                satisfied_after=int(s_after),
                status_before=str(st_before),
                status_after=str(st_after),
                trainable=bool(helped),
            )
            for commune, n, req, s_before, s_after, st_before, st_after, helped in cols
        ]
        projections += mine
        unmet = [p for p in mine if p.status_after == "not_met"]
        if not unmet:
            continue
        said = None
        if t.explain is not None:
            where = ev_after.key.isin([p.commune for p in unmet]).to_numpy()
            failing = ev_after.frame_index[(ev_after.pop & ~ev_after.sat).to_numpy() & where]
            if len(failing):
                said = said_of(t, feats, failing, s.plugin_of[t.id])
        plugin = s.plugin_of[t.id]
        by = ByCommune.of(ev_after, prob.demand.keys)
        keys = prob.demand.keys
        needs += [need(t, p, ev_after, feats, cause_of, keys, plugin, said, by) for p in unmet]
    return attrs.evolve(draft, projections=tuple(projections), needs=tuple(needs))


__all__ = ["trainable", "trainable_communes", "with_outcome"]
