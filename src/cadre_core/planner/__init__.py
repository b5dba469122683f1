"""The training planner: who to send to which programme, when, so that targets are met.

:func:`plan` projects the roster to every target's deadline (statutory retirements,
qualifications already under way, latest ratings carried forward), finds per target and
cadre which programmes of the catalogue would make the cadre satisfy the target's
criterion (one "what-if" feature build per programme, never per cadre), and chooses with
an integer programme (HiGHS) who starts what and when so that every target that training
can reach is met by its deadline at least cost, within each agency's share away, the
yearly budget and seats, one long programme at a time per person, and never past a
person's retirement. Whatever training cannot close is reported as :class:`Need` lines
(recruit, appoint, purchase, or infeasible) with counts and reasons, never hidden::

    >>> from cadre_core import sample_roster
    >>> p = plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"],
    ...          params={"tpl.5a.threshold": "1"})
    >>> [(x.year, x.cadre_id, x.programme, x.targets_served) for x in p.lines], p.total_cost
    ([(2027, 'MT004', 'thac_si', ('tpl.5a',))], 80000000)
    >>> sorted((n.target_id, n.kind, n.count) for n in p.needs)
    [('tpl.5a', 'appoint', 1), ('tpl.youth', 'appoint', 1)]
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs
import numpy as np
import pandas as pd

from cadre_core.features._frame import Features, build_features
from cadre_core.planner._catalogue import Programme, catalogue_with, default_catalogue
from cadre_core.planner._milp import Model, solve
from cadre_core.planner._projection import (
    busy_until,
    current_fields,
    grant_fields,
    position_fields,
    project_roster,
    retirement_of,
    what_if,
)
from cadre_core.plugins._host import PluginHost, make_plugin_manager
from cadre_core.plugins.builtin._planner_params import PLANNER_PARAMETERS
from cadre_core.roster._roster import Roster
from cadre_core.targets._params import Params, jsonable, read_params_file
from cadre_core.targets._rule import Rule
from cadre_core.targets._target import Target, Text
from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._enums import EducationLevel
from cadre_core.vocab._numbers import to_fraction

NeedKind = Literal["recruit", "appoint", "purchase", "infeasible"]

ASSUMPTIONS: tuple[Text, ...] = (
    Text(
        "Cán bộ nghỉ hưu theo lộ trình tuổi nghỉ hưu (Nghị định 135/2020/NĐ-CP) và rời danh "
        "sách từ ngày sau ngày nghỉ hưu.",
        "Cadres retire on the national schedule (Decree 135/2020) and leave the day after.",
    ),
    Text(
        "Văn bằng, chứng chỉ đang học (ngày cấp sau ngày tính) được tính từ ngày cấp.",
        "Qualifications under way (award date after the as-of day) count from that date.",
    ),
    Text(
        "Xếp loại các năm chưa đánh giá được giả định giữ như năm gần nhất.",
        "Years not yet rated are assumed to keep each cadre's latest annual rating.",
    ),
)


# ---------------------------------------------------------------------------- results


@attrs.frozen
class PlanLine:
    """One cadre sent to one programme."""

    year: int
    start_date: dt.date
    end_date: dt.date
    cadre_id: str
    programme: str
    targets_served: tuple[str, ...]
    body: str
    cost: int
    commune: str = ""
    programme_name: Text = Text("", "")
    field: str | None = None
    succession: bool = False


@attrs.frozen
class YearTotal:
    """Totals of one commune's plan in one year (by start year)."""

    commune: str
    year: int
    starts: int
    long_starts: int
    cost: int


@attrs.frozen
class TargetProjection:
    """A target at its deadline in one commune, without and with the plan."""

    target_id: str
    title: Text
    commune: str
    deadline: dt.date
    unit: str
    population: int
    required: int
    satisfied_before: int
    satisfied_after: int
    status_before: str
    status_after: str
    trainable: bool

    @property
    def feasible(self) -> bool:
        """Whether the target is met at its deadline with the plan (or not applicable)."""
        return self.status_after != "not_met"


@attrs.frozen
class Need:
    """What training cannot do for a target: recruit, appoint, purchase, or nothing."""

    target_id: str
    commune: str
    kind: NeedKind
    count: int
    reason_vi: str
    reason_en: str
    members: tuple[str, ...] = ()


@attrs.frozen
class Plan:
    """A training plan with its projection and the needs training cannot meet."""

    as_of: dt.date
    horizon: int
    lines: tuple[PlanLine, ...]
    totals: tuple[YearTotal, ...]
    projections: tuple[TargetProjection, ...]
    needs: tuple[Need, ...]
    catalogue: tuple[Programme, ...]
    status: str
    assumptions: tuple[Text, ...] = ASSUMPTIONS
    params: Params | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def total_cost(self) -> int:
        """Cost of every line."""
        return sum(line.cost for line in self.lines)

    @property
    def feasible(self) -> dict[tuple[str, str], bool]:
        """(commune, target id) -> met at its deadline with the plan (or not applicable)."""
        return {(p.commune, p.target_id): p.feasible for p in self.projections}

    @property
    def all_feasible(self) -> bool:
        """Whether every target is met at its deadline with the plan."""
        return all(p.feasible for p in self.projections)

    def programme(self, code: str) -> Programme:
        """A programme of the plan's catalogue by code."""
        for p in self.catalogue:
            if p.code == code:
                return p
        raise KeyError(code)

    def to_frame(self) -> pd.DataFrame:
        """The plan lines as a frame (one row per line)."""
        cols = [
            "commune",
            "year",
            "start_date",
            "end_date",
            "cadre_id",
            "programme",
            "programme_name",
            "targets_served",
            "body",
            "cost",
            "succession",
        ]
        rows = [
            {
                "commune": x.commune,
                "year": x.year,
                "start_date": pd.Timestamp(x.start_date),
                "end_date": pd.Timestamp(x.end_date),
                "cadre_id": x.cadre_id,
                "programme": x.programme,
                "programme_name": x.programme_name.vi,
                "targets_served": ", ".join(x.targets_served),
                "body": x.body,
                "cost": x.cost,
                "succession": x.succession,
            }
            for x in self.lines
        ]
        frame = pd.DataFrame(rows, columns=cols)
        frame["year"] = frame["year"].astype("int64")
        frame["cost"] = frame["cost"].astype("int64")
        for c in ("start_date", "end_date"):
            frame[c] = frame[c].astype("datetime64[us]")
        return frame

    def totals_frame(self) -> pd.DataFrame:
        """Yearly totals per commune."""
        return pd.DataFrame(
            [attrs.asdict(t) for t in self.totals],
            columns=["commune", "year", "starts", "long_starts", "cost"],
        )

    def projections_frame(self) -> pd.DataFrame:
        """Every target at its deadline per commune, without and with the plan."""
        rows = [
            {
                "commune": p.commune,
                "target_id": p.target_id,
                "title": p.title.vi,
                "deadline": pd.Timestamp(p.deadline),
                "population": p.population,
                "required": p.required,
                "satisfied_before": p.satisfied_before,
                "satisfied_after": p.satisfied_after,
                "status_before": p.status_before,
                "status_after": p.status_after,
                "trainable": p.trainable,
                "feasible": p.feasible,
            }
            for p in self.projections
        ]
        return pd.DataFrame(rows)

    def needs_frame(self) -> pd.DataFrame:
        """The needs training cannot meet."""
        return pd.DataFrame(
            [
                {
                    "commune": n.commune,
                    "target_id": n.target_id,
                    "kind": n.kind,
                    "count": n.count,
                    "reason": n.reason_vi,
                    "reason_en": n.reason_en,
                }
                for n in self.needs
            ],
            columns=["commune", "target_id", "kind", "count", "reason", "reason_en"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON-ready objects."""
        return {
            "as_of": self.as_of.isoformat(),
            "horizon": self.horizon,
            "status": self.status,
            "total_cost": self.total_cost,
            "all_feasible": self.all_feasible,
            "lines": [
                {
                    "commune": x.commune,
                    "year": x.year,
                    "start_date": x.start_date.isoformat(),
                    "end_date": x.end_date.isoformat(),
                    "cadre_id": x.cadre_id,
                    "programme": x.programme,
                    "programme_name": x.programme_name.vi,
                    "field": x.field,
                    "targets_served": list(x.targets_served),
                    "body": x.body,
                    "cost": x.cost,
                    "succession": x.succession,
                }
                for x in self.lines
            ],
            "totals": [attrs.asdict(t) for t in self.totals],
            "projections": [
                {
                    "commune": p.commune,
                    "target_id": p.target_id,
                    "title": p.title.vi,
                    "deadline": p.deadline.isoformat(),
                    "unit": p.unit,
                    "population": p.population,
                    "required": p.required,
                    "satisfied_before": p.satisfied_before,
                    "satisfied_after": p.satisfied_after,
                    "status_before": p.status_before,
                    "status_after": p.status_after,
                    "trainable": p.trainable,
                    "feasible": p.feasible,
                }
                for p in self.projections
            ],
            "needs": [
                {
                    "commune": n.commune,
                    "target_id": n.target_id,
                    "kind": n.kind,
                    "count": n.count,
                    "reason": n.reason_vi,
                    "reason_en": n.reason_en,
                    "members": list(n.members),
                }
                for n in self.needs
            ],
            "catalogue": [p.to_json() for p in self.catalogue],
            "assumptions": [a.vi for a in self.assumptions],
            "parameters": {
                k: jsonable(self.params[k]) for k in sorted(self.params) if k.startswith("planner.")
            }
            if self.params is not None
            else {},
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The plan as JSON text (deterministic for the same input)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"


# ---------------------------------------------------------------------------- helpers


def planner_params(
    host: PluginHost,
    registered: list[tuple[str, Target]],
    params_file: str | None = None,
    params: Mapping[str, Any] | None = None,
) -> Params:
    """The parameters in force, with the planner's own defaults added when missing."""
    base = host.params(registered)
    data, origins, defs = dict(base.data), dict(base.origins), dict(base.definitions)
    for p in PLANNER_PARAMETERS:
        if p.key not in defs:
            data[p.key], origins[p.key], defs[p.key] = p.default, "planner", p
    values = Params(data, origins, defs)
    if params_file is not None:
        values = values.with_values(read_params_file(params_file, set(defs)), f"file {params_file}")
    if params:
        values = values.with_values(params, "argument")
    return values


def _commune_keys(features: Features) -> tuple[list[str], bool]:
    """The communes of a feature frame, as the engine names them."""
    names = sorted(
        set(features.cadres["commune"].dropna().astype(str))
        | set(features.positions["commune"].dropna().astype(str))
        | set(features.agencies.get("commune", pd.Series(dtype=object)).dropna().astype(str))
    )
    names = [n for n in names if n]
    if len(names) > 1:
        return names, True
    return [names[0] if names else features.roster_name], False


def _groups(frame: pd.DataFrame, grouped: bool, single: str) -> pd.Series:
    """The commune of each row of a unit frame."""
    if grouped:
        return frame["commune"].astype(object).fillna(single).astype(str)
    return pd.Series(single, index=frame.index, dtype=object)


def _year_groups(frame: pd.DataFrame) -> list[tuple[tuple[Any, Any], pd.DataFrame]]:
    """(commune, year) groups of the chosen options."""
    out: list[tuple[tuple[Any, Any], pd.DataFrame]] = []
    for k, g in frame.groupby(["commune", "year"], sort=True):
        key: Any = k
        out.append(((key[0], key[1]), g))
    return out


def _status(n: int, s: int, r: int) -> str:
    if n == 0:
        return "not_applicable"
    return "met" if s >= r else "not_met"


def _month_end(start: pd.Series, months: pd.Series) -> pd.Series:
    """Last day of the ``months``-th month from ``start`` (the 1st of a month)."""
    idx = start.dt.year * 12 + start.dt.month - 1 + months
    first = pd.to_datetime(pd.DataFrame({"year": idx // 12, "month": idx % 12 + 1, "day": 1}))
    return (first - pd.Timedelta(days=1)).astype("datetime64[us]")


@attrs.frozen
class _TargetEval:
    target: Target
    rule: Rule
    deadline: dt.date
    frame_index: pd.Index
    pop: pd.Series
    sat: pd.Series
    key: pd.Series  # commune per member


def _evaluate(t: Target, f: Features, values: Params, grouped: bool, single: str) -> _TargetEval:
    frame = f.unit_frame(t.unit)
    pop = t.population(f).reindex(frame.index, fill_value=False).astype(bool)
    sat = t.criterion(f).reindex(frame.index, fill_value=False).astype(bool) & pop
    rule = t.rule
    if rule.op in (">=", ">"):
        rule = Rule(rule.op, values[t.threshold_key])
    return _TargetEval(t, rule, f.as_of, frame.index, pop, sat, _groups(frame, grouped, single))


def _counts(ev: _TargetEval, communes: list[str], sat: pd.Series | None = None) -> pd.DataFrame:
    s_ser = ev.sat if sat is None else (sat.reindex(ev.frame_index, fill_value=False) & ev.pop)
    n = ev.pop.groupby(ev.key).sum().reindex(communes, fill_value=0).astype("int64")
    s = s_ser.groupby(ev.key).sum().reindex(communes, fill_value=0).astype("int64")
    req = ev.rule.required_many(n.to_numpy().astype(np.int64))
    return pd.DataFrame({"n": n.to_numpy(), "s": s.to_numpy(), "req": req}, index=communes)


def _budget_map(
    budget: int | Mapping[int, int] | None, default: int, communes: list[str], years: range
) -> dict[tuple[str, int], int]:
    if budget is None:
        budget = default or None
    if budget is None:
        return {}
    if isinstance(budget, Mapping):
        return {(c, int(y)): int(v) for c in communes for y, v in budget.items()}
    return {(c, y): int(budget) for c in communes for y in years}


# ---------------------------------------------------------------------------- plan


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
    """
    day = parse_day(as_of, what="as_of")
    if host is None:
        host = PluginHost(make_plugin_manager(only=plugins))
    registered = host.targets()
    values = planner_params(host, registered, params_file, params)
    progs = (
        tuple(catalogue)
        if catalogue is not None
        else catalogue_with(values.get("planner.catalogue"), default_catalogue())
    )
    by_code = {p.code: p for p in progs}
    deadlines = {t.id: max(values[t.deadline_key], day) for _, t in registered}
    horizon_year = (
        horizon if horizon is not None else max([d.year for d in deadlines.values()] or [day.year])
    )
    projected = project_roster(roster, day, horizon_year)

    now = host.features(build_features(roster, day, values))
    communes, grouped = _commune_keys(now)
    single = communes[0]
    raws: dict[dt.date, Features] = {}
    feats: dict[dt.date, Features] = {}
    for d in sorted(set(deadlines.values())):
        raws[d] = build_features(projected, d, values)
        feats[d] = host.features(raws[d])
    evals = {
        t.id: _evaluate(t, feats[deadlines[t.id]], values, grouped, single) for _, t in registered
    }
    before = {tid: _counts(ev, communes) for tid, ev in evals.items()}

    # what-if: which programmes (or degree+theory pairs) flip each failing member
    cur_fields = current_fields(roster, day)
    pos_fields = position_fields(now)
    fields = {p.code: grant_fields(p, cur_fields, pos_fields) for p in progs}
    combos: list[tuple[str, ...]] = [(p.code,) for p in progs]
    combos += [
        (a.code, b.code) for a in progs if a.kind == "degree" for b in progs if b.kind == "theory"
    ]
    flips: dict[str, dict[tuple[str, ...], pd.Series]] = {}
    whatifs: dict[tuple[dt.date, tuple[str, ...]], Features] = {}
    for _, t in registered:
        ev = evals[t.id]
        d = deadlines[t.id]
        gap = before[t.id]
        if t.unit != "cadres" or d <= day or not ((gap["s"] < gap["req"]) & (gap["n"] > 0)).any():
            continue
        failing = ev.pop & ~ev.sat
        flips[t.id] = {}
        for combo in combos:
            if len(combo) == 2:
                singles_hit = pd.concat(
                    [h for c, h in flips[t.id].items() if len(c) == 1], axis=1
                ).any(axis=1)
                if not (failing & ~singles_hit).any():
                    continue
            wkey = (d, combo)
            if wkey not in whatifs:
                whatifs[wkey] = host.features(
                    what_if(raws[d], [by_code[c] for c in combo], [fields[c] for c in combo])
                )
            crit = t.criterion(whatifs[wkey]).reindex(ev.frame_index, fill_value=False)
            hit = failing & crit.astype(bool)
            if len(combo) == 2:
                hit = hit & ~flips[t.id][(combo[0],)] & ~flips[t.id][(combo[1],)]
            flips[t.id][combo] = hit

    # options: (cadre, programme, intake) that are eligible
    cad = now.cadres
    years = range(day.year, horizon_year + 1)
    grid = pd.DataFrame(
        [(p.code, y, m, p.months, p.cost, p.long) for p in progs for y in years for m in p.intakes],
        columns=["programme", "year", "month", "months", "cost", "long"],
    )
    grid["start"] = pd.to_datetime(
        pd.DataFrame({"year": grid["year"], "month": grid["month"], "day": 1})
    ).astype("datetime64[us]")
    grid["end"] = _month_end(grid["start"], grid["months"])
    grid = grid[
        (grid["start"] > pd.Timestamp(day)) & (grid["end"] <= pd.Timestamp(horizon_year, 12, 31))
    ]
    people = pd.DataFrame(
        {
            "cadre_id": cad.index.astype(str),
            "commune": _groups(cad, grouped, single).to_numpy(),
            "birth": cad["birth_date"].to_numpy(),
            "edu": cad["education_rank"].to_numpy(),
        }
    )
    retire = retirement_of(roster)
    people["retire"] = people["cadre_id"].map(retire).astype("datetime64[us]")
    left = cad["left_date"].astype("datetime64[us]")
    people["left"] = left.to_numpy()
    under_way = busy_until(roster, day)
    people["busy"] = pd.Series(pd.NaT, index=people.index, dtype="datetime64[us]")
    if len(under_way):
        people["busy"] = people["cadre_id"].map(under_way).astype("datetime64[us]")
    succ = set(succession or ())
    table = roster.tables.get("succession")
    if table is not None and "cadre_id" in table:
        succ |= set(table["cadre_id"].dropna().astype(str))
    people["succession"] = people["cadre_id"].isin(succ)
    opts = people.merge(grid, how="cross")
    ranks = EducationLevel.ranks()
    meta = pd.DataFrame(
        {
            "programme": [p.code for p in progs],
            "min_edu": [ranks.get(p.min_education or "", 0) for p in progs],
            "below_edu": [ranks.get(p.below_education or "", 99) for p in progs],
            "max_age": [p.max_age if p.max_age is not None else 999 for p in progs],
        }
    )
    opts = opts.merge(meta, on="programme")
    age = (
        opts["start"].dt.year
        - opts["birth"].dt.year
        - (
            (opts["start"].dt.month * 100 + opts["start"].dt.day)
            < (opts["birth"].dt.month * 100 + opts["birth"].dt.day)
        ).astype("int64")
    )
    opts["why"] = ""
    opts.loc[(opts["edu"] < opts["min_edu"]) | (opts["edu"] >= opts["below_edu"]), "why"] = "prereq"
    opts.loc[(opts["why"] == "") & (age > opts["max_age"]), "why"] = "age"
    off = opts["retire"].notna() & (opts["end"] > opts["retire"])
    off |= opts["left"].notna() & (opts["end"] >= opts["left"])
    opts.loc[(opts["why"] == "") & off, "why"] = "retire"
    busy = opts["long"] & opts["busy"].notna() & (opts["start"] <= opts["busy"])
    opts.loc[(opts["why"] == "") & busy, "why"] = "busy"

    # covers: failing members of each (target, commune) with a gap, and their ways
    cover_rows: list[pd.DataFrame] = []
    single_rows: list[pd.DataFrame] = []
    pair_rows: list[pd.DataFrame] = []
    keys: list[tuple[str, str]] = []
    needs_list: list[int] = []
    for tid, per in flips.items():
        ev = evals[tid]
        gap = before[tid]
        for commune in communes:
            n, s, r = (int(gap[c].loc[commune]) for c in ("n", "s", "req"))
            if n == 0 or s >= r:
                continue
            in_c = ev.key == commune
            ways = {combo: hit & in_c for combo, hit in per.items()}
            anyway = pd.concat(list(ways.values()), axis=1).any(axis=1)
            ids = ev.frame_index[anyway.to_numpy()].astype(str)
            k = len(keys)
            keys.append((tid, commune))
            needs_list.append(min(r, n) - s)
            cover_rows.append(
                pd.DataFrame({"key": k, "cadre_id": ids, "deadline": pd.Timestamp(deadlines[tid])})
            )
            for combo, hit in ways.items():
                hid = ev.frame_index[hit.to_numpy()].astype(str)
                part = pd.DataFrame({"key": k, "cadre_id": hid})
                if len(combo) == 1:
                    single_rows.append(part.assign(programme=combo[0]))
                else:
                    pair_rows.append(part.assign(p1=combo[0], p2=combo[1]))
    covers = (
        pd.concat(cover_rows, ignore_index=True)
        if cover_rows
        else pd.DataFrame({"key": [], "cadre_id": [], "deadline": []})
    )
    covers = covers.astype({"key": "int64", "cadre_id": object}).reset_index(drop=True)
    covers["deadline"] = covers["deadline"].astype("datetime64[us]")
    covers["cover"] = np.arange(len(covers))
    ck = covers[["key", "cadre_id", "cover"]]
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
    singles = singles[["cover", "programme"]]
    pairs = pairs[["cover", "p1", "p2"]]
    cand = opts.merge(used, on=["cadre_id", "programme"])
    eligible = cand[cand["why"] == ""].reset_index(drop=True)

    # agencies: members, caps and programmes under way
    members = now.assignments[["agency_code", "cadre_id"]].drop_duplicates().astype(object)
    share = to_fraction(values["planner.max_away_share"])
    floor_min = int(values["planner.min_away"])
    active = now.agencies["active_cadres"].astype("int64")
    caps = pd.Series(
        np.maximum(floor_min, (active.to_numpy() * share.numerator) // share.denominator),
        index=now.agencies.index,
    )
    busy_frame = members.merge(
        people[["cadre_id", "busy"]].dropna().rename(columns={"busy": "until"}), on="cadre_id"
    )
    budget_map = _budget_map(budget, int(values["planner.budget"]), communes, years)
    seats = {str(k): int(v) for k, v in dict(values["planner.seats"]).items()}
    model = Model(
        options=eligible[
            [
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
        ],
        covers=covers[["key", "cadre_id", "deadline"]],
        singles=singles[["cover", "programme"]],
        pairs=pairs[["cover", "p1", "p2"]],
        needs=np.asarray(needs_list, dtype=np.int64),
        members=members,
        caps=caps,
        busy=busy_frame,
        budget=budget_map,
        seats=seats,
    )
    sol = solve(model, time_limit=time_limit)
    chosen = eligible.iloc[sol.chosen].reset_index(drop=True)

    # targets served by each chosen option (singles and completed pairs)
    covered = covers[sol.covered] if len(covers) else covers
    served_parts = []
    sc = singles.merge(covered, on="cover").merge(
        chosen[["cadre_id", "programme", "end"]], on=["cadre_id", "programme"]
    )
    served_parts.append(sc[sc["end"] <= sc["deadline"]][["cadre_id", "programme", "key"]])
    pc = pairs.merge(covered, on="cover")
    for a, b in (("p1", "p2"), ("p2", "p1")):
        m = pc.merge(
            chosen[["cadre_id", "programme", "end"]],
            left_on=["cadre_id", a],
            right_on=["cadre_id", "programme"],
        )
        m = m[m["end"] <= m["deadline"]]
        m = m.merge(
            chosen[["cadre_id", "programme", "end"]].rename(
                columns={"programme": "other", "end": "end2"}
            ),
            left_on=["cadre_id", b],
            right_on=["cadre_id", "other"],
        )
        m = m[m["end2"] <= m["deadline"]]
        served_parts.append(m[["cadre_id", "programme", "key"]])
    served = pd.concat(served_parts, ignore_index=True)
    served["target"] = [keys[k][0] for k in served["key"]]
    served_map = (
        served.drop_duplicates(["cadre_id", "programme", "target"])
        .sort_values(
            "target", key=lambda s: s.map({t.id: i for i, (_, t) in enumerate(registered)})
        )
        .groupby(["cadre_id", "programme"])["target"]
        .agg(tuple)
    )
    bodies = host.responsible_bodies()
    first_asg = now.assignments.sort_values(["cadre_id", "position_code"]).drop_duplicates(
        "cadre_id"
    )
    bloc = first_asg.set_index("cadre_id")["bloc"].astype(object)
    lines = []
    chosen = chosen.sort_values(["commune", "start", "cadre_id", "programme"]).reset_index(
        drop=True
    )
    row: Any
    for row in chosen.itertuples(index=False):  # formatting the chosen lines only
        r = row
        targets_served = served_map.get((r.cadre_id, r.programme), ())
        body = next((bodies[t] for t in targets_served if t in bodies), None)
        if body is None:
            body = bodies.get(str(bloc.get(r.cadre_id, "")), "")
        p = by_code[r.programme]
        field = fields[p.code].get(r.cadre_id) if p.kind == "degree" else None
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
    totals = tuple(
        YearTotal(str(c), int(y), int(g.shape[0]), int(g["long"].sum()), int(g["cost"].sum()))
        for (c, y), g in _year_groups(chosen)
    )

    draft = Plan(day, horizon_year, tuple(lines), totals, (), (), progs, sol.status, params=values)

    # with the plan: apply it to the projected roster and evaluate at every deadline
    after_roster = apply_plan(projected, draft)
    after_feats = {d: host.features(build_features(after_roster, d, values)) for d in raws}
    projections: list[TargetProjection] = []
    needs: list[Need] = []
    cover_reason = _reasons(covers, singles, pairs, opts, sol.covered)
    for _, t in registered:
        ev_after = _evaluate(t, after_feats[deadlines[t.id]], values, grouped, single)
        after = _counts(ev_after, communes)
        for commune in communes:
            n, s0, r = (int(before[t.id][c].loc[commune]) for c in ("n", "s", "req"))
            n1, s1, r1 = (int(after[c].loc[commune]) for c in ("n", "s", "req"))
            trainable = t.id in flips and bool(
                pd.concat(list(flips[t.id].values()), axis=1)
                .any(axis=1)[evals[t.id].key == commune]
                .any()
            )
            proj = TargetProjection(
                target_id=t.id,
                title=t.title,
                commune=commune,
                deadline=deadlines[t.id],
                unit=t.unit,
                population=n1,
                required=r1,
                satisfied_before=s0,
                satisfied_after=s1,
                status_before=_status(n, s0, r),
                status_after=_status(n1, s1, r1),
                trainable=trainable,
            )
            projections.append(proj)
            if proj.status_after == "not_met":
                needs.append(
                    _need(t, proj, ev_after, after_feats[deadlines[t.id]], cover_reason, keys)
                )
    return attrs.evolve(draft, projections=tuple(projections), needs=tuple(needs))


REASONS: dict[str, Text] = {
    "none": Text(
        "không chương trình nào trong danh mục đáp ứng được", "no programme in the catalogue helps"
    ),
    "prereq": Text("chưa đủ điều kiện đầu vào", "does not meet the entry requirement"),
    "age": Text("quá tuổi cử đi đào tạo", "over the age limit for sponsored study"),
    "retire": Text("nghỉ hưu trước khi học xong", "retires before finishing"),
    "busy": Text("đang học một chương trình dài hạn khác", "already in a long programme"),
    "late": Text("không thể học xong trước thời hạn", "cannot finish before the deadline"),
    "limits": Text(
        "vướng giới hạn tỷ lệ vắng mặt của cơ quan, một chương trình dài hạn một lúc, "
        "ngân sách hoặc chỉ tiêu năm",
        "held back by the agency's away share, one long programme at a time, the budget "
        "or the yearly seats",
    ),
}
_ORDER = ["none", "prereq", "age", "retire", "busy", "late", "limits"]


def _reasons(
    covers: pd.DataFrame,
    singles: pd.DataFrame,
    pairs: pd.DataFrame,
    opts: pd.DataFrame,
    covered: np.ndarray,
) -> pd.DataFrame:
    """Why each uncovered (key, cadre) was not trained: its nearest miss."""
    open_ = covers[~covered] if len(covers) else covers
    progs = pd.concat(
        [
            singles[["cover", "programme"]],
            pairs[["cover", "p1"]].rename(columns={"p1": "programme"}),
            pairs[["cover", "p2"]].rename(columns={"p2": "programme"}),
        ]
    )
    m = open_.merge(progs, on="cover").merge(
        opts[["cadre_id", "programme", "end", "why"]], on=["cadre_id", "programme"], how="left"
    )
    why = pd.Series("limits", index=m.index, dtype=object)
    why[m["end"] > m["deadline"]] = "late"
    has = m["why"].notna() & (m["why"] != "")
    why[has] = m.loc[has, "why"]
    why[m["end"].isna()] = "late"
    m = m.assign(stage=why.map({w: i for i, w in enumerate(_ORDER)}))
    best = m.groupby(["key", "cadre_id"])["stage"].max()
    return best.map(dict(enumerate(_ORDER))).rename("reason").reset_index()


def _need(
    t: Target,
    proj: TargetProjection,
    ev: _TargetEval,
    feats: Features,
    reasons: pd.DataFrame,
    keys: list[tuple[str, str]],
) -> Need:
    count = (
        proj.required - proj.satisfied_after
        if proj.required <= proj.population
        else (proj.population - proj.satisfied_after)
    )
    failing = ev.frame_index[(ev.pop & ~ev.sat & (ev.key == proj.commune)).to_numpy()]
    ids = tuple(sorted(failing.astype(str)))
    head_vi = (
        f"{t.id} ({t.title.vi}): dự kiến đến {proj.deadline:%d/%m/%Y} đạt {proj.satisfied_after}"
        f"/{proj.required} yêu cầu, thiếu {count}"
    )
    head_en = (
        f"{t.id} ({t.title.en}): by {proj.deadline:%d/%m/%Y} {proj.satisfied_after} of "
        f"{proj.required} required, {count} short"
    )
    req_vi, req_en = t.requirement.vi or t.title.vi, t.requirement.en or t.title.en
    pop_vi, pop_en = t.population_text.vi, t.population_text.en
    if proj.required > proj.population:
        return Need(
            t.id,
            proj.commune,
            "infeasible",
            count,
            f"{head_vi}. Quy tắc không thể đạt với {proj.population} thành viên (cần "
            f"{proj.required}).",
            f"{head_en}. The rule cannot be met by {proj.population} members (needs "
            f"{proj.required}).",
            ids,
        )
    detail = ""
    if t.explain is not None and len(failing):
        expl = t.explain(feats, failing, "vi").reindex(failing).astype(object).fillna("")
        expl_en = t.explain(feats, failing, "en").reindex(failing).astype(object).fillna("")
        detail = "; ".join(f"{i}: {e}" for i, e in zip(failing.astype(str), expl, strict=True))
        detail_en = "; ".join(
            f"{i}: {e}" for i, e in zip(failing.astype(str), expl_en, strict=True)
        )
    else:
        detail_en = ""
    if t.unit == "positions":
        return Need(
            t.id,
            proj.commune,
            "recruit",
            count,
            f"{head_vi}. Đào tạo không giải quyết được; cần tuyển dụng, bố trí thêm người cho "
            f"{count} vị trí: {detail}.",
            f"{head_en}. Training cannot fill posts; recruit or assign staff for {count} "
            f"position(s): {detail_en}.",
            ids,
        )
    if t.unit == "agencies":
        return Need(
            t.id,
            proj.commune,
            "purchase",
            count,
            f"{head_vi}. Đào tạo không giải quyết được; cần đầu tư, mua sắm cho {count} cơ "
            f"quan: {detail}.",
            f"{head_en}. Not a training matter; purchase for {count} agency(ies): {detail_en}.",
            ids,
        )
    mine = {i for i, (tid, c) in enumerate(keys) if tid == t.id and c == proj.commune}
    why = reasons[reasons["key"].isin(mine)]["reason"].value_counts()
    untrained = len(failing) - int(why.sum())
    parts_vi, parts_en = [], []
    if untrained > 0 and not proj.trainable:
        parts_vi.append(f"{untrained} người: {REASONS['none'].vi}")
        parts_en.append(f"{untrained}: {REASONS['none'].en}")
    for w in _ORDER:
        if w in why.index:
            parts_vi.append(f"{int(why[w])} người: {REASONS[w].vi}")
            parts_en.append(f"{int(why[w])}: {REASONS[w].en}")
    cause_vi = "; ".join(parts_vi) or REASONS["none"].vi
    cause_en = "; ".join(parts_en) or REASONS["none"].en
    leaders = "is_leader" in feats.cadres and bool(
        feats.cadres["is_leader"]
        .reindex(ev.frame_index[(ev.pop & (ev.key == proj.commune)).to_numpy()])
        .all()
    )
    if leaders:
        kind: NeedKind = "appoint"
        act_vi = f"bổ nhiệm, điều động hoặc kiện toàn {count} người {req_vi} vào {pop_vi}"
        act_en = f"appoint or transfer {count} person(s) who meet '{req_en}' into the {pop_en}"
    elif proj.trainable:
        kind = "recruit"
        act_vi = f"tuyển dụng hoặc bố trí {count} người {req_vi} ({pop_vi})"
        act_en = f"recruit or assign {count} person(s) who meet '{req_en}' ({pop_en})"
    else:
        kind = "infeasible"
        act_vi = (
            f"giải pháp ngoài đào tạo (đánh giá, bố trí lại, tuyển dụng) cho {count} người "
            f"trong {pop_vi} chưa đạt: {req_vi}"
        )
        act_en = (
            f"measures other than training (appraisal, reassignment, recruitment) for {count} "
            f"of the {pop_en} not meeting '{req_en}'"
        )
    return Need(
        t.id,
        proj.commune,
        kind,
        count,
        f"{head_vi}. Đào tạo không đủ: {cause_vi}. Cần {act_vi}.",
        f"{head_en}. Training falls short: {cause_en}. Needed: {act_en}.",
        ids,
    )


# ---------------------------------------------------------------------------- apply


def apply_plan(roster: Roster, plan: Plan) -> Roster:
    """``roster`` with every plan line's qualification added at its completion date:
    a ``degrees`` row (level, field), a ``theory`` row, or a ``trainings`` row (topics)."""
    if not plan.lines:
        return roster
    progs = {p.code: p for p in plan.catalogue}
    lines = pd.DataFrame(
        {
            "cadre_id": [x.cadre_id for x in plan.lines],
            "programme": [x.programme for x in plan.lines],
            "end": pd.to_datetime([x.end_date for x in plan.lines]).astype("datetime64[us]"),
            "field": [x.field for x in plan.lines],
        }
    )
    kind = lines["programme"].map({c: p.kind for c, p in progs.items()})
    level = lines["programme"].map({c: p.level for c, p in progs.items()})
    tables: dict[str, pd.DataFrame] = {}
    deg = lines[kind == "degree"]
    if len(deg):
        old = roster.degrees
        new = pd.DataFrame(
            {
                "cadre_id": deg["cadre_id"].to_numpy(),
                "level": level[kind == "degree"].to_numpy(),
                "field": deg["field"].to_numpy(),
                "awarded_date": deg["end"].to_numpy(),
            }
        )
        tables["degrees"] = _append(old, new)
    th = lines[kind == "theory"]
    if len(th):
        new = pd.DataFrame(
            {
                "cadre_id": th["cadre_id"].to_numpy(),
                "level": level[kind == "theory"].to_numpy(),
                "awarded_date": th["end"].to_numpy(),
            }
        )
        tables["theory"] = _append(roster.theory, new)
    tr = lines[kind == "training"]
    if len(tr):
        new = pd.DataFrame(
            {
                "cadre_id": tr["cadre_id"].to_numpy(),
                "topics": tr["programme"].map({c: ";".join(p.topics) for c, p in progs.items()}),
                "completed_date": tr["end"].to_numpy(),
                "course": tr["programme"].map({c: p.name.vi for c, p in progs.items()}),
            }
        )
        tables["trainings"] = _append(roster.trainings, new)
    return attrs.evolve(roster, tables={**roster.tables, **tables})


def _append(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Rows appended with the old table's dtypes (categories kept)."""
    new = new.reindex(columns=old.columns)
    out = pd.concat([old, new.astype(old.dtypes.to_dict())], ignore_index=True)
    return out.astype(old.dtypes.to_dict())


def project(roster: Roster, *, as_of: dt.date | str, horizon: int) -> Roster:
    """The roster projected to 31/12 of ``horizon`` if nothing is done: statutory
    retirements, qualifications under way from their dates, latest ratings carried on."""
    return project_roster(roster, parse_day(as_of, what="as_of"), horizon)


__all__ = [
    "PLANNER_PARAMETERS",
    "Need",
    "Plan",
    "PlanLine",
    "Programme",
    "TargetProjection",
    "YearTotal",
    "apply_plan",
    "catalogue_with",
    "default_catalogue",
    "plan",
    "planner_params",
    "project",
]
