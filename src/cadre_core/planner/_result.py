"""The plan and its parts: lines, yearly totals, targets at their deadlines, needs.

A :class:`Plan` is the planner's result; it turns into frames (:meth:`Plan.to_frame` and
siblings) and into the stable JSON of ``cadre plan --format json`` (:meth:`Plan.to_json`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

import attrs
import pandas as pd

from cadre_core.engine._schema import SCHEMA_VERSION
from cadre_core.planner._catalogue import Programme
from cadre_core.targets._params import Params, jsonable
from cadre_core.targets._target import Text

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
            "name",
            "post",
            "agency",
        ]
        rows = [
            {
                "commune": x.commune,
                "year": x.year,
                "start_date": pd.Timestamp(x.start_date),
                "end_date": pd.Timestamp(x.end_date),
                "cadre_id": x.cadre_id,
                "name": x.name,
                "post": x.post,
                "agency": x.agency,
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
        """The plan as JSON-ready objects (the document of the ``plan`` JSON Schema)."""
        return {
            "schema_version": SCHEMA_VERSION,
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
                    "member_names": list(n.member_names),
                    "cause": n.cause,
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


__all__ = [
    "ASSUMPTIONS",
    "Need",
    "NeedKind",
    "Plan",
    "PlanLine",
    "TargetProjection",
    "YearTotal",
]
