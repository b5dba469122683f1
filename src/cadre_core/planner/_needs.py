"""What training cannot do for a target, and why: the :class:`Need` lines of a plan.

A target still not met at its deadline with the plan becomes a need: ``recruit`` (posts
to fill, or cadres to recruit when training falls short), ``appoint`` (every member is a
leader: appoint or transfer someone who qualifies), ``purchase`` (an agency target) or
``infeasible`` (the rule cannot be met with so few members, or no training helps). For
cadres, each failing member who was not trained gets the nearest miss of the ways that
would have helped, and each need the one reason that holds it back (:func:`causes`,
codes :data:`CAUSES`, words from the label table).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.findings._subjects import unit_names
from cadre_core.planner._milp import LIMITS, Built, Model, build, shortfall
from cadre_core.planner._problem import Covers
from cadre_core.planner._result import Need, NeedKind, TargetProjection
from cadre_core.planner._targets import TargetAtDeadline
from cadre_core.plugins._guard import explanations
from cadre_core.targets._target import Target, Text

#: The stages of a miss, nearest last: the reason of a need is the furthest stage its
#: untrained members reached (what stands between the plan and the target), and a miss
#: at ``limits`` is narrowed to the one limit that holds it back (:data:`LIMITS`).
REASON_ORDER = ["none", "prereq", "age", "retire", "busy", "late", "chain", "limits"]
#: Every reason code a need of cadres can carry (labels ``plan_cause_<code>``).
CAUSES: tuple[str, ...] = (*REASON_ORDER, *LIMITS, "population", "posts", "equipment")
_STAGE = {"joins": "late"}  # an option before the cadre joins: too late from the join day


def cause_text(code: str) -> Text:
    """The reason ``code`` in words, from the label table (vi, en)."""
    return Text.of(f"plan_cause_{code}")


def reasons(
    demand: Covers, opts: pd.DataFrame, covered: np.ndarray, requires: pd.DataFrame
) -> pd.DataFrame:
    """Why each uncovered (key, cadre) was not trained: its nearest miss (the furthest
    along :data:`REASON_ORDER` of the ways that would have helped); ``opts`` are every
    option with its ``why``, ``covered`` the solution's covered covers, ``requires`` the
    model's prerequisites (an option whose prerequisite cannot end before it is a
    ``chain`` miss)."""
    covers, singles, pairs = demand.covers, demand.singles, demand.pairs
    open_ = covers[~covered] if len(covers) else covers
    progs = pd.concat(
        [
            singles[["cover", "programme"]],
            pairs[["cover", "p1"]].rename(columns={"p1": "programme"}),
            pairs[["cover", "p2"]].rename(columns={"p2": "programme"}),
        ]
    )
    m = open_.merge(progs, on="cover").merge(
        opts[["cadre_id", "programme", "start", "end", "why"]],
        on=["cadre_id", "programme"],
        how="left",
    )
    why = pd.Series("limits", index=m.index, dtype=object)
    why[m["end"] > m["deadline"]] = "late"
    ok = opts[opts["why"] == ""]
    first_end = ok.groupby(["cadre_id", "programme"])["end"].min().rename("pre_end")
    req = requires.merge(
        first_end.reset_index().rename(columns={"programme": "by"}), on=["cadre_id", "by"]
    )
    pre = req.groupby(["cadre_id", "programme"])["pre_end"].min()
    needs_pre = requires[["cadre_id", "programme"]].drop_duplicates()
    key = pd.MultiIndex.from_frame(m[["cadre_id", "programme"]])
    gated = (
        key.isin(pd.MultiIndex.from_frame(needs_pre))
        if len(needs_pre)
        else np.zeros(len(m), dtype=bool)
    )
    pre_end = (
        pd.Series(key.map(pre.to_dict()), index=m.index)
        if len(pre)
        else pd.Series(pd.NaT, index=m.index)
    )
    chain = gated & (why == "limits") & ~(pre_end.notna() & (pre_end < m["start"])).to_numpy()
    why[chain] = "chain"
    has = m["why"].notna() & (m["why"] != "")
    why[has] = m.loc[has, "why"].map(lambda w: _STAGE.get(w, w))
    why[m["end"].isna()] = "late"
    m = m.assign(stage=why.map({w: i for i, w in enumerate(REASON_ORDER)}))
    best = m.groupby(["key", "cadre_id"])["stage"].max()
    return best.map(dict(enumerate(REASON_ORDER))).rename("reason").reset_index()


def causes(
    misses: pd.DataFrame,
    model: Model,
    slack: np.ndarray,
    *,
    time_limit: float = 60.0,
    built: Built | None = None,
) -> dict[int, str]:
    """Target key -> the one reason its shortfall remains: the furthest stage any of its
    untrained members reached (:func:`reasons`); a ``limits`` key gets the first limit of
    :data:`LIMITS` whose removal alone lets its commune close more of its shortfall in
    total, this key's included (solved again without that limit: a shortfall merely
    moved from one key to another is not closed), else stays ``limits`` (several
    together). ``built`` is the model as matrices when already known
    (:attr:`Solution.built`)."""
    order = {w: i for i, w in enumerate(REASON_ORDER)}
    stage = misses.assign(s=misses["reason"].map(order)).groupby("key")["s"].max()
    out = {int(str(k)): REASON_ORDER[int(v)] for k, v in stage.items()}
    held = [k for k, c in out.items() if c == "limits" and slack[k] > 0]
    if not held:
        return out
    present = [
        f
        for f in LIMITS
        if (f == "budget" and model.budget)
        or (f == "seats" and model.seats)
        or f in ("agency", "leaders", "overlap")
    ]
    if built is None:
        built = build(model)  # once: each relaxation leaves out one family's rows
    for family in present:
        relaxed = shortfall(
            model,
            frozenset({family}),
            keys=held,
            time_limit=time_limit,
            built=built,
            below=np.asarray(slack, dtype=np.int64),
        )
        for k in list(held):
            if relaxed[k] < slack[k]:
                out[k] = family
                held.remove(k)
        if not held:
            break
    return out


def said_of(
    t: Target, feats: Features, members: pd.Index, plugin: str = "?"
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """What each of ``members`` lacks for target ``t`` (of ``plugin``, which explains
    it), in Vietnamese and in English, and the names of the target's units (indexed by
    id): one explainer call per language for all of them."""
    vi, en = (explanations(plugin, t, feats, members, lang) for lang in ("vi", "en"))
    return vi, en, unit_names(feats, t.unit)


@attrs.frozen
class ByCommune:
    """One target's members on a feature frame, gathered by commune once (ids in frame
    order): its population (``pop``) and those who fail it (``failing``); and the keys
    of the problem by (target id, commune) (``keys``)."""

    pop: Mapping[str, pd.Index]
    failing: Mapping[str, pd.Index]
    keys: Mapping[tuple[str, str], list[int]]

    @classmethod
    def of(cls, ev: TargetAtDeadline, keys: list[tuple[str, str]]) -> ByCommune:
        """The members of ``ev`` by commune, and ``keys`` (the problem's) by value."""
        commune = ev.key.to_numpy(object)

        def by(mask: np.ndarray) -> dict[str, pd.Index]:
            at = np.flatnonzero(mask)
            groups = pd.Series(at).groupby(commune[at], sort=False)
            return {str(c): ev.frame_index[g.to_numpy()] for c, g in groups}

        key_of: dict[tuple[str, str], list[int]] = {}
        for i, k in enumerate(keys):
            key_of.setdefault(k, []).append(i)
        pop = ev.pop.to_numpy(bool)
        return cls(by(pop), by(pop & ~ev.sat.to_numpy(bool)), key_of)

    def of_commune(self, commune: str, which: str) -> pd.Index:
        """The ``pop`` or ``failing`` members of ``commune`` (empty when none)."""
        found = (self.pop if which == "pop" else self.failing).get(commune)
        return pd.Index([], dtype=object) if found is None else found


def need(
    t: Target,
    proj: TargetProjection,
    ev: TargetAtDeadline,
    feats: Features,
    cause_of: dict[int, str],
    keys: list[tuple[str, str]],
    plugin: str = "?",
    said: tuple[pd.Series, pd.Series, pd.Series] | None = None,
    by: ByCommune | None = None,
) -> Need:
    """The need of target ``t`` (of ``plugin``) not met in ``proj.commune`` with the plan:
    ``ev`` is the target on ``feats`` (the roster with the plan, at the deadline),
    ``cause_of`` the :func:`causes` by key and ``keys`` the problem's (target id,
    commune) keys. ``said`` is :func:`said_of` the target when already known (what
    every failing member lacks, vi and en, and the members' names), so that a target
    unmet in many communes asks its explainer once; ``by`` is :meth:`ByCommune.of` ``ev``
    when already known (each need then reads only its commune's members)."""
    count = (
        proj.required - proj.satisfied_after
        if proj.required <= proj.population
        else (proj.population - proj.satisfied_after)
    )
    if by is None:
        by = ByCommune.of(ev, keys)
    failing = by.of_commune(proj.commune, "failing")
    ids = tuple(sorted(failing.astype(str)))
    head = Text.of(
        "plan_reason_head",
        id=t.id,
        title=t.title,
        deadline=f"{proj.deadline:%d/%m/%Y}",
        satisfied=proj.satisfied_after,
        required=proj.required,
        count=count,
    )
    req = Text(t.requirement.vi or t.title.vi, t.requirement.en or t.title.en)
    pop = t.population_text
    if proj.required > proj.population:
        reason = Text.of(
            "plan_reason_population", head=head, population=proj.population, required=proj.required
        )
        return Need(
            t.id, proj.commune, "infeasible", count, reason.vi, reason.en, ids, cause="population"
        )
    detail = ""
    if t.explain is not None and len(failing):
        vi, en, named = said_of(t, feats, failing, plugin) if said is None else said
        expl, expl_en = (e.reindex(failing).astype(object).fillna("") for e in (vi, en))
        # each member by its name (a post's title, an agency's name), its id when unnamed
        names = named.reindex(failing.astype(str)).fillna("")
        who = [n or i for i, n in zip(failing.astype(str), names, strict=True)]
        detail = "; ".join(f"{w}: {e}" for w, e in zip(who, expl, strict=True))
        detail_en = "; ".join(f"{w}: {e}" for w, e in zip(who, expl_en, strict=True))
    else:
        detail_en = ""
    lacks = Text(detail, detail_en)
    if t.unit == "positions":
        reason = Text.of("plan_reason_posts", head=head, count=count, detail=lacks)
        return Need(t.id, proj.commune, "recruit", count, reason.vi, reason.en, ids, cause="posts")
    if t.unit == "agencies":
        reason = Text.of("plan_reason_equipment", head=head, count=count, detail=lacks)
        return Need(
            t.id, proj.commune, "purchase", count, reason.vi, reason.en, ids, cause="equipment"
        )
    mine = by.keys.get((t.id, proj.commune), [])
    cause = next((cause_of[i] for i in mine if i in cause_of), "none")
    if not proj.trainable:
        cause = "none"
    why = cause_text(cause)
    leaders = "is_leader" in feats.cadres and bool(
        feats.cadres["is_leader"].reindex(by.of_commune(proj.commune, "pop")).all()
    )
    kind: NeedKind = "appoint" if leaders else "recruit" if proj.trainable else "infeasible"
    action = Text.of(f"plan_reason_{kind}", count=count, requirement=req, population=pop)
    reason = Text.of("plan_reason_training", head=head, cause=why, action=action)
    return Need(t.id, proj.commune, kind, count, reason.vi, reason.en, ids, cause=cause)


__all__ = [
    "CAUSES",
    "REASON_ORDER",
    "ByCommune",
    "cause_text",
    "causes",
    "need",
    "reasons",
    "said_of",
]
