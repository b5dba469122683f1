"""The plan and its parts: lines, yearly totals, targets at their deadlines, needs.

A :class:`Plan` is the planner's result; it turns into frames (:meth:`Plan.to_frame` and
siblings) and into the stable JSON of ``cadre plan --format json`` (:meth:`Plan.to_json`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import IO, TYPE_CHECKING, Any, Literal

import attrs
import pandas as pd

from cadre_core.engine._schema import SCHEMA_VERSION
from cadre_core.planner._catalogue import Programme
from cadre_core.roster._problems import Problem
from cadre_core.targets._params import Params, jsonable
from cadre_core.targets._target import Text

if TYPE_CHECKING:
    from cadre_core.roster._roster import Roster

NeedKind = Literal["recruit", "appoint", "purchase", "infeasible"]

ASSUMPTIONS: tuple[Text, ...] = tuple(
    Text.of(f"plan_assumption_{k}") for k in ("retirement", "under_way", "ratings")
)


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
    #: the cadre's full name, the titles of the posts held on the plan's day (or, for a
    #: cadre who joins later, the first future post) and their agencies' names
    name: str = ""
    post: str = ""
    agency: str = ""


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
    #: the name of each member (a cadre's full name, a post's title, an agency's name)
    member_names: tuple[str, ...] = ()
    #: the one reason, as a code (words: label ``plan_cause_<code>``): for cadres the
    #: furthest stage the untrained members reached or the limit holding them back, else
    #: ``population``, ``posts`` or ``equipment``
    cause: str = ""


@attrs.frozen
class ProvinceBudget:
    """A province-wide yearly budget and how the plan meets it.

    ``method`` says how: ``price``, a price on cost (Lagrangian relaxation), or
    ``shares``, each commune's share of the budget every year (in proportion to what it
    spends without the budget), whichever leaves the smaller shortfall. ``price`` is the
    least price of cost (shortfall units per VND) at which every year fits, what the
    communes planned with under ``price``;
    ``spend`` the province's cost per year (start year) with it; ``shortfall`` the
    plan's total shortfall (members the targets still lack that training could give);
    ``lower_bound`` the least total shortfall any plan within the budget can have, as
    proved by the best dual value found (rounded up); ``gap`` = ``shortfall -
    lower_bound`` (0: the plan is proven optimal); ``iterations`` the plans of the whole
    province the price search solved; ``fits`` whether every year's spend is within the
    budget.
    """

    budget: int
    price: Fraction
    spend: tuple[tuple[int, int], ...]
    shortfall: int
    lower_bound: int
    iterations: int
    fits: bool
    method: str = "price"

    @property
    def gap(self) -> int:
        """Shortfall of the plan above the proven lower bound (0 = optimal)."""
        return self.shortfall - self.lower_bound

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the plan document's ``province_budget``."""
        return {
            "budget": self.budget,
            "price": float(self.price),
            "spend": [{"year": y, "cost": c} for y, c in self.spend],
            "shortfall": self.shortfall,
            "lower_bound": self.lower_bound,
            "gap": self.gap,
            "iterations": self.iterations,
            "fits": self.fits,
            "method": self.method,
        }


@attrs.frozen
class Plan:
    """A training plan with its projection and the needs training cannot meet
    (what :func:`cadre_core.plan` returns).

    >>> " ".join(f.name for f in attrs.fields(Plan)[:4])
    'as_of horizon lines totals'
    """

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
    province_budget: ProvinceBudget | None = None
    #: per commune: (commune, shortfall the model left, demand of its targets): what the
    #: price search of a province budget reads (not in the JSON)
    shortfalls: tuple[tuple[str, int, int], ...] = attrs.field(default=(), eq=False, repr=False)
    #: what the reader set aside (``--skip-invalid``), did not read and noted in the
    #: roster planned (:attr:`Roster.skipped`, ``not_read``, ``warnings``): every document
    #: of the plan lists them (not compared: they describe the input, not the plan)
    skipped: tuple[Problem, ...] = attrs.field(default=(), eq=False, repr=False)
    not_read: tuple[Problem, ...] = attrs.field(default=(), eq=False, repr=False)
    warnings: tuple[Problem, ...] = attrs.field(default=(), eq=False, repr=False)

    def read_from(self, roster: Roster) -> Plan:
        """This plan with what the reader set aside, did not read and noted in ``roster``
        (the roster it plans), for its documents to list."""
        return attrs.evolve(
            self,
            skipped=tuple(roster.skipped),
            not_read=tuple(roster.not_read),
            warnings=tuple(roster.warnings),
        )

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
                "name": x.name,
                "post": x.post,
                "agency": x.agency,
            }
            for x in self.lines
        ]
        return _typed(rows, LINE_COLUMNS)

    def totals_frame(self) -> pd.DataFrame:
        """Yearly totals per commune."""
        return _typed([attrs.asdict(t) for t in self.totals], TOTAL_COLUMNS)

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
        return _typed(rows, PROJECTION_COLUMNS)

    def needs_frame(self) -> pd.DataFrame:
        """The needs training cannot meet."""
        return _typed([_need_json(n) for n in self.needs], NEED_COLUMNS)

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON-ready objects (the document of the ``plan`` JSON Schema)."""
        doc = _head(self, self.status, self.total_cost, self.all_feasible)
        doc["lines"] = [_line_json(x) for x in self.lines]
        doc["totals"] = [attrs.asdict(t) for t in self.totals]
        doc["projections"] = [_projection_json(p) for p in self.projections]
        doc["needs"] = [_need_json(n) for n in self.needs]
        doc.update(_tail(self))
        return doc

    def to_json(self, *, indent: int | None = 2) -> str:
        """The plan as JSON text (deterministic for the same input)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"

    def of_communes(self, communes: Iterable[str]) -> Plan:
        """The plan of some of its communes only (lines, totals, projections, needs)."""
        keep = set(communes)
        return attrs.evolve(
            self,
            lines=tuple(x for x in self.lines if x.commune in keep),
            totals=tuple(t for t in self.totals if t.commune in keep),
            projections=tuple(p for p in self.projections if p.commune in keep),
            needs=tuple(n for n in self.needs if n.commune in keep),
            shortfalls=tuple(f for f in self.shortfalls if f[0] in keep),
        )


def _head(plan: Plan, status: str, cost: int, feasible: bool) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": plan.as_of.isoformat(),
        "horizon": plan.horizon,
        "status": status,
        "total_cost": cost,
        "all_feasible": feasible,
    }


def _tail(plan: Plan) -> dict[str, Any]:
    out: dict[str, Any] = {
        "catalogue": [p.to_json() for p in plan.catalogue],
        "assumptions": [a.vi for a in plan.assumptions],
        "parameters": {
            k: jsonable(plan.params[k]) for k in sorted(plan.params) if k.startswith("planner.")
        }
        if plan.params is not None
        else {},
    }
    out["skipped"] = [p.to_dict() for p in plan.skipped]
    out["not_read"] = [p.to_dict() for p in plan.not_read]
    out["warnings"] = [p.to_dict() for p in plan.warnings]
    if plan.province_budget is not None:
        out["province_budget"] = plan.province_budget.to_json()
    return out


def _line_json(x: PlanLine) -> dict[str, Any]:
    return {
        "commune": x.commune,
        "year": x.year,
        "start_date": x.start_date.isoformat(),
        "end_date": x.end_date.isoformat(),
        "cadre_id": x.cadre_id,
        "name": x.name,
        "post": x.post,
        "agency": x.agency,
        "programme": x.programme,
        "programme_name": x.programme_name.vi,
        "field": x.field,
        "targets_served": list(x.targets_served),
        "body": x.body,
        "cost": x.cost,
        "succession": x.succession,
    }


def _projection_json(p: TargetProjection) -> dict[str, Any]:
    return {
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


#: The columns of :meth:`Plan.to_frame`, :meth:`Plan.totals_frame`,
#: :meth:`Plan.projections_frame` and :meth:`Plan.needs_frame`, with their dtypes: the
#: same whether the plan has rows or none.
LINE_COLUMNS: dict[str, str] = {
    "commune": "str",
    "year": "int64",
    "start_date": "datetime64[us]",
    "end_date": "datetime64[us]",
    "cadre_id": "str",
    "programme": "str",
    "programme_name": "str",
    "targets_served": "str",
    "body": "str",
    "cost": "int64",
    "succession": "bool",
    "name": "str",
    "post": "str",
    "agency": "str",
}
TOTAL_COLUMNS: dict[str, str] = {
    "commune": "str",
    "year": "int64",
    "starts": "int64",
    "long_starts": "int64",
    "cost": "int64",
}
PROJECTION_COLUMNS: dict[str, str] = {
    "commune": "str",
    "target_id": "str",
    "title": "str",
    "deadline": "datetime64[us]",
    "population": "int64",
    "required": "int64",
    "satisfied_before": "int64",
    "satisfied_after": "int64",
    "status_before": "str",
    "status_after": "str",
    "trainable": "bool",
    "feasible": "bool",
}
NEED_COLUMNS: dict[str, str] = {
    "commune": "str",
    "target_id": "str",
    "kind": "str",
    "count": "int64",
    "reason": "str",
    "reason_en": "str",
}


def _typed(rows: list[dict[str, Any]], columns: Mapping[str, str]) -> pd.DataFrame:
    """``rows`` as a frame of exactly ``columns``, in order, each of its dtype (other keys
    of the rows left out).

    >>> _typed([], {"year": "int64", "day": "datetime64[us]"}).dtypes.astype(str).tolist()
    ['int64', 'datetime64[us]']
    """
    return pd.DataFrame(rows, columns=list(columns)).astype(dict(columns))


def _need_json(n: Need) -> dict[str, Any]:
    return {
        "commune": n.commune,
        "target_id": n.target_id,
        "kind": n.kind,
        "count": n.count,
        "reason": n.reason_vi,
        "reason_en": n.reason_en,
        "members": list(n.members),
        "member_names": list(n.member_names),
        "cause": n.cause,
    }


def merged_status(statuses: Iterable[str]) -> str:
    """The status of a plan made of parts: the first part's that is neither ``optimal``
    nor ``empty``, else ``optimal`` if a part is, else ``empty`` (what one model solved
    block by block reports).

    >>> merged_status(["empty", "optimal", "Time limit reached", "optimal"])
    'Time limit reached'
    >>> merged_status(["empty", "optimal"]), merged_status([])
    ('optimal', 'empty')
    """
    out = "empty"
    for status in statuses:
        if status == "empty" or out not in ("empty", "optimal"):
            continue
        out = status
    return out


def _target_order(plans: Iterable[Plan]) -> dict[str, int]:
    order: dict[str, int] = {}
    for p in plans:
        for t in [x.target_id for x in p.projections] + [n.target_id for n in p.needs]:
            order.setdefault(t, len(order))
    return order


def merge_plans(plans: Sequence[Plan]) -> Plan:
    """One plan of the plans of disjoint communes, given in commune order: lines and
    totals one part after another, projections and needs target by target (in the
    targets' order) and within a target part by part, as one plan of all communes lists
    them.

    >>> p = Plan(dt.date(2026, 12, 31), 2030, (), (), (), (), (), "optimal")
    >>> merge_plans([p, attrs.evolve(p, status="empty")]) == p
    True
    """
    first = plans[0]
    order = _target_order(plans)
    return attrs.evolve(
        first,
        lines=tuple(x for p in plans for x in p.lines),
        totals=tuple(t for p in plans for t in p.totals),
        projections=tuple(
            sorted((x for p in plans for x in p.projections), key=lambda x: order[x.target_id])
        ),
        needs=tuple(sorted((x for p in plans for x in p.needs), key=lambda x: order[x.target_id])),
        status=merged_status(p.status for p in plans),
        shortfalls=tuple(f for p in plans for f in p.shortfalls),
    )


class _Spool:
    """The items of one list of the document, as JSON text at their depth, in a
    temporary file (never in memory)."""

    def __init__(self, file: IO[str]) -> None:
        self.file = file
        self.count = 0

    def add(self, item: dict[str, Any]) -> None:
        """Append one item (indented as a member of a top-level list)."""
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        self.file.write(("    " if not self.count else ",\n    ") + text)
        self.count += 1


def _write_list(spools: Sequence[_Spool], out: IO[str]) -> None:
    full = [s for s in spools if s.count]
    if not full:
        out.write("[]")
        return
    out.write("[\n")
    for i, s in enumerate(full):
        if i:
            out.write(",\n")
        s.file.flush()
        s.file.seek(0)
        shutil.copyfileobj(s.file, out)
    out.write("\n  ]")


_SECTIONS = ("lines", "totals", "projections", "needs")


def write_plan_json(plans: Iterable[Plan], out: IO[str]) -> None:
    """Write the JSON document of the plans of disjoint communes (given in commune order,
    as they are computed) to ``out``: the text of :meth:`Plan.to_json` of
    :func:`merge_plans` of them, byte for byte, without holding them: each part's items
    go to temporary files as the part arrives, and the status and totals (which come
    first in the document) are counted on the way.

    >>> import io
    >>> p = Plan(dt.date(2026, 12, 31), 2030, (), (), (), (), (), "optimal")
    >>> buf = io.StringIO()
    >>> write_plan_json([p, p], buf)
    >>> buf.getvalue() == merge_plans([p, p]).to_json()
    True
    """
    first: Plan | None = None
    statuses: list[str] = []
    cost = 0
    feasible = True
    with contextlib.ExitStack() as stack:

        def spool() -> _Spool:
            return _Spool(stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")))

        spools: dict[str, list[_Spool]] = {"lines": [spool()], "totals": [spool()]}
        by_target: dict[str, dict[str, _Spool]] = {"projections": {}, "needs": {}}
        for p in plans:
            first = p if first is None else first
            statuses.append(p.status)
            cost += p.total_cost
            feasible = feasible and p.all_feasible
            for x in p.lines:
                spools["lines"][0].add(_line_json(x))
            for t in p.totals:
                spools["totals"][0].add(attrs.asdict(t))
            for section, items in (("projections", p.projections), ("needs", p.needs)):
                for item in items:
                    if item.target_id not in by_target["projections"]:
                        by_target["projections"][item.target_id] = spool()
                    if item.target_id not in by_target[section]:
                        by_target[section][item.target_id] = spool()
                    by_target[section][item.target_id].add(
                        _projection_json(item)
                        if isinstance(item, TargetProjection)
                        else _need_json(item)
                    )
        if first is None:
            raise ValueError("no plan to write")
        order = list(by_target["projections"])
        for section in ("projections", "needs"):
            spools[section] = [by_target[section][t] for t in order if t in by_target[section]]
        doc = _head(first, merged_status(statuses), cost, feasible)
        doc.update({name: "\0" + name for name in _SECTIONS})
        doc.update(_tail(first))
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        for name in _SECTIONS:
            before, text = text.split(json.dumps("\0" + name), 1)
            out.write(before)
            _write_list(spools[name], out)
        out.write(text)


__all__ = [
    "ASSUMPTIONS",
    "Need",
    "NeedKind",
    "Plan",
    "PlanLine",
    "ProvinceBudget",
    "TargetProjection",
    "YearTotal",
    "merge_plans",
    "merged_status",
    "write_plan_json",
]
