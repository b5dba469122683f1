"""The optimisation problem: which programmes would help whom, for which target, and how much.

1. :func:`flips`: per target that falls short at its deadline, which programmes (or
   degree + theory pairs) would make each failing member satisfy it: one what-if feature
   build per (deadline, programme), never per cadre.
2. :func:`covers`: per (target, commune) with a gap, the failing members some way helps
   (a *cover* each), the ways (single programmes, pairs), and the number still needed.
3. :func:`problem`: the eligible options of those (cadre, programme) pairs and of their
   prerequisites, the limits on members away (agencies, key leaders), the budget and the
   seats, as the :class:`~cadre_core.planner._milp.Model`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs
import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.planner._baseline import Baseline
from cadre_core.planner._milp import Model
from cadre_core.planner._options import options, people, requirements
from cadre_core.planner._params import away_groups, budget_limits, seat_limits
from cadre_core.planner._projection import current_fields, grant_fields, position_fields, what_if
from cadre_core.planner._targets import aligned_criterion

#: target id -> (programme code, or degree and theory codes) -> failing members it flips
Flips = dict[str, dict[tuple[str, ...], pd.Series]]

MODEL_OPTION_COLUMNS = [
    "cadre_id",
    "programme",
    "year",
    "start",
    "end",
    "cost",
    "long",
    "commune",
    "succession",
]


def granted_fields(base: Baseline) -> dict[str, pd.Series]:
    """Programme code -> the field of the degree each cadre would receive from it."""
    day = base.setting.day
    cur_fields = current_fields(base.roster, day)
    pos_fields = position_fields(base.now)
    return {p.code: grant_fields(p, cur_fields, pos_fields) for p in base.setting.progs}


def flips(base: Baseline, fields: Mapping[str, pd.Series]) -> Flips:
    """Which programmes (or degree + theory pairs) flip each failing member of each
    cadre target that falls short after the as-of day. A pair is tried only for members
    no single programme flips, and counts only where neither of its programmes alone does."""
    s = base.setting
    by_code = s.by_code
    combos: list[tuple[str, ...]] = [(p.code,) for p in s.progs]
    combos += [
        (a.code, b.code)
        for a in s.progs
        if a.kind == "degree"
        for b in s.progs
        if b.kind == "theory"
    ]
    out: Flips = {}
    whatifs: dict[tuple[dt.date, tuple[str, ...]], Features] = {}
    for t in s.targets:
        ev = base.before[t.id]
        d = s.deadlines[t.id]
        if t.unit != "cadres" or d <= s.day or not ev.has_gap():
            continue
        failing = ev.failing
        out[t.id] = {}
        for combo in combos:
            if len(combo) == 2:
                singles_hit = pd.concat(
                    [h for c, h in out[t.id].items() if len(c) == 1], axis=1
                ).any(axis=1)
                if not (failing & ~singles_hit).any():
                    continue
            wkey = (d, combo)
            if wkey not in whatifs:
                whatifs[wkey] = s.host.features(
                    what_if(base.raws[d], [by_code[c] for c in combo], [fields[c] for c in combo])
                )
            hit = failing & aligned_criterion(t, whatifs[wkey], ev.frame_index, s.plugin_of[t.id])
            if len(combo) == 2:
                hit = hit & ~out[t.id][(combo[0],)] & ~out[t.id][(combo[1],)]
            out[t.id][combo] = hit
    return out


@attrs.frozen
class Covers:
    """The demand side of the problem.

    ``keys`` are the (target id, commune) with a gap, ``needs`` what each still needs
    (``min(required, population) - satisfied``); ``covers`` one row per failing member
    some way helps (``key``, ``cadre_id``, ``deadline``, ``cover``); ``singles`` (cover,
    programme) and ``pairs`` (cover, p1, p2) the ways; ``used`` the distinct (cadre_id,
    programme) that appear in a way.
    """

    keys: list[tuple[str, str]]
    needs: list[int]
    covers: pd.DataFrame
    singles: pd.DataFrame
    pairs: pd.DataFrame
    used: pd.DataFrame


def covers(base: Baseline, ways: Flips) -> Covers:
    """The covers of every (target, commune) that falls short, from the :func:`flips`:
    per target, the communes with a gap numbered in order, and the failing members some
    way helps gathered by (commune, way, member) over whole masks (no loop over
    communes or members)."""
    cover_rows: list[pd.DataFrame] = []
    single_rows: list[pd.DataFrame] = []
    pair_rows: list[pd.DataFrame] = []
    keys: list[tuple[str, str]] = []
    needs_list: list[int] = []
    names = list(base.communes.names)
    for tid, per in ways.items():
        ev = base.before[tid]
        gap = ev.counts.reindex(names)
        n, s, r = (gap[c].to_numpy(np.int64) for c in ("n", "s", "req"))
        short = (n != 0) & (s < r)
        first = len(keys)
        keys += [(tid, c) for c in np.asarray(names, dtype=object)[short].tolist()]
        needs_list += (np.minimum(r, n) - s)[short].tolist()
        # the key of each member (-1: its commune has no gap)
        key_of_commune = np.where(short, first + np.cumsum(short) - 1, -1)
        where = pd.Index(names).get_indexer(pd.Index(ev.key.to_numpy(object)))
        mkey = np.where(where >= 0, key_of_commune[np.maximum(where, 0)], -1)
        combos = list(per)
        hits = np.zeros((len(mkey), len(combos)), dtype=bool)
        for j, combo in enumerate(combos):  # a few ways (programmes), each a whole mask
            hits[:, j] = per[combo].to_numpy(bool) & (mkey >= 0)
        ids = ev.frame_index.astype(str)
        anyway = hits.any(axis=1)
        pos = np.flatnonzero(anyway)
        pos = pos[np.argsort(mkey[pos], kind="stable")]
        deadline = pd.Timestamp(base.setting.deadlines[tid])
        cover_rows.append(
            pd.DataFrame({"key": mkey[pos], "cadre_id": ids[pos], "deadline": deadline})
        )
        member, way = np.nonzero(hits)
        order = np.lexsort((member, way, mkey[member]))
        member, way = member[order], way[order]
        width = np.asarray([len(c) for c in combos])[way]
        first_p = pd.Index([c[0] for c in combos], dtype=str)[way]
        second_p = pd.Index([c[-1] for c in combos], dtype=str)[way]
        one = width == 1
        single_rows.append(
            pd.DataFrame(
                {"key": mkey[member[one]], "cadre_id": ids[member[one]], "programme": first_p[one]}
            )
        )
        pair_rows.append(
            pd.DataFrame(
                {
                    "key": mkey[member[~one]],
                    "cadre_id": ids[member[~one]],
                    "p1": first_p[~one],
                    "p2": second_p[~one],
                }
            )
        )
    cov = (
        pd.concat(cover_rows, ignore_index=True)
        if cover_rows
        else pd.DataFrame({"key": [], "cadre_id": [], "deadline": []})
    )
    cov = cov.astype({"key": "int64", "cadre_id": object}).reset_index(drop=True)
    cov["deadline"] = cov["deadline"].astype("datetime64[us]")
    cov["cover"] = np.arange(len(cov))
    ck = cov[["key", "cadre_id", "cover"]]
    singles = (
        pd.concat(single_rows, ignore_index=True).merge(ck, on=["key", "cadre_id"])
        if single_rows
        else pd.DataFrame({"cover": [], "cadre_id": [], "programme": []}, dtype=object).astype(
            {"cover": "int64"}
        )
    )
    pairs = (
        pd.concat(pair_rows, ignore_index=True).merge(ck, on=["key", "cadre_id"])
        if pair_rows
        else pd.DataFrame({"cover": [], "cadre_id": [], "p1": [], "p2": []}, dtype=object).astype(
            {"cover": "int64"}
        )
    )
    used = pd.concat(
        [
            singles[["cadre_id", "programme"]],
            pairs[["cadre_id", "p1"]].rename(columns={"p1": "programme"}),
            pairs[["cadre_id", "p2"]].rename(columns={"p2": "programme"}),
        ]
    ).drop_duplicates()
    return Covers(
        keys,
        needs_list,
        cov,
        singles[["cover", "programme"]],
        pairs[["cover", "p1", "p2"]],
        used,
    )


@attrs.frozen
class Problem:
    """The problem of one plan: the demand (:class:`Covers`), every option with why it
    may not be taken (``options``), the eligible ones (``eligible``, the model's option
    rows in order) and the :class:`Model` itself."""

    demand: Covers
    options: pd.DataFrame
    eligible: pd.DataFrame
    model: Model


def problem(
    base: Baseline,
    demand: Covers,
    budget: int | Mapping[int, int] | None,
    succession: Iterable[str] | None,
    shares: Mapping[tuple[str, int], int] | None = None,
) -> Problem:
    """The model: the eligible options of the (cadre, programme) pairs some way uses (and
    of the programmes that grant what those need first), the groups with a limit on
    members away (agencies, key leaders) and their programmes under way, the
    prerequisites, the yearly budget (and each commune's ``shares`` of a province budget,
    by commune and year) and seats."""
    s = base.setting
    frames = [base.now, *(base.raws[d] for d in sorted(base.raws) if d > s.day)]
    persons = people(base.roster, frames, s.day, base.communes, succession)
    requires = requirements(persons, s.progs).merge(demand.used, on=["cadre_id", "programme"])
    used = pd.concat(
        [demand.used, requires[["cadre_id", "by"]].rename(columns={"by": "programme"})]
    ).drop_duplicates()
    opts = options(persons, s.progs, s.day, s.horizon)
    cand = opts.merge(used, on=["cadre_id", "programme"])
    eligible = cand[cand["why"] == ""].reset_index(drop=True)
    asg = pd.concat(
        [f.assignments[["cadre_id", "agency_code", "category"]] for f in frames], ignore_index=True
    ).astype(object)
    commune_of = persons.set_index("cadre_id")["commune"]
    groups, caps = away_groups(base.now, asg, commune_of, s.values)
    busy = groups[["group", "cadre_id"]].merge(
        persons[["cadre_id", "busy"]].dropna().rename(columns={"busy": "until"}), on="cadre_id"
    )
    budget_map = budget_limits(
        budget, int(s.values["planner.budget"]), base.communes.names, s.years, shares
    )
    model = Model(
        options=eligible[MODEL_OPTION_COLUMNS],
        covers=demand.covers[["key", "cadre_id", "deadline"]],
        singles=demand.singles,
        pairs=demand.pairs,
        needs=np.asarray(demand.needs, dtype=np.int64),
        groups=groups,
        caps=caps,
        busy=busy,
        requires=requires,
        budget=budget_map,
        seats=seat_limits(s.values),
        key_communes=tuple(c for _, c in demand.keys),
    )
    return Problem(demand, opts, eligible, model)


__all__ = ["Covers", "Flips", "Problem", "covers", "flips", "granted_fields", "problem"]
