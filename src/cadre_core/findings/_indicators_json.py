"""The evaluation JSON's ``indicators`` member: per commune and period the
socio-economic indicators (plan and actual as exact decimal text, attained or not) and the
share met, and the satisfaction surveys; built from :func:`indicator_rows` and
:func:`satisfaction_rows` in one pass over their columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.findings._indicators import (
    attainment,
    indicator_rows,
    of_communes,
    satisfaction_rows,
)


def _number(value: object) -> str | None:
    """An exact number as plain decimal text (``1E-7`` written ``0.0000001``)."""
    if value is None or value is pd.NA or value != value:
        return None
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _quarter(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def indicators_json(
    features: Features | None, communes: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """The evaluation JSON's ``indicators`` object for ``communes``: per commune and period
    the indicators (plan and actual as exact decimal text, attained or not) and the share
    met (exact fraction text), and the satisfaction surveys. Empty lists without them."""
    rows = of_communes(indicator_rows(features) if features is not None else None, communes)
    sat = of_communes(satisfaction_rows(features) if features is not None else None, communes)
    periods: list[dict[str, Any]] = []
    if rows is not None:
        per = attainment(rows)
        # each row's item once, gathered by period in the rows' order: one pass over
        # columns, not one frame per period (a country has tens of thousands of periods)
        items: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
        keys = zip(
            rows["commune"].tolist(),
            rows["year"].tolist(),
            rows["quarter"].fillna(0).astype("int64").tolist(),
            strict=True,
        )
        columns = (
            "indicator", "name_vi", "name_en", "plan", "actual",
            "unit_vi", "unit_en", "attained", "source",
        )  # fmt: skip
        for key, (code, name, name_en, plan, actual, unit, unit_en, attained, source) in zip(
            keys, zip(*(rows[c].tolist() for c in columns), strict=True), strict=True
        ):
            items.setdefault(key, []).append(
                {
                    "code": str(code),
                    "name": str(name),
                    "name_en": str(name_en),
                    "plan": _number(plan),
                    "actual": _number(actual),
                    "unit": str(unit),
                    "unit_en": str(unit_en),
                    "attained": bool(attained),
                    "source": str(source),
                }
            )
        for p in per.to_dict("records"):
            q = _quarter(p["quarter"]) or 0
            periods.append(
                {
                    "commune": str(p["commune"]),
                    "year": int(p["year"]),
                    "quarter": q or None,
                    "met": int(p["met"]),
                    "total": int(p["total"]),
                    "share": str(p["share"]),
                    "indicators": items[(p["commune"], p["year"], q)],
                }
            )
    surveys: list[dict[str, Any]] = []
    if sat is not None:
        surveys = [
            {
                "commune": str(r["commune"]),
                "year": int(r["year"]),
                "quarter": _quarter(r["quarter"]),
                "score": _number(r["score"]),
                "share": _number(r["share"]),
                "source": str(r["source"]),
            }
            for r in sat.to_dict("records")
        ]
    return {"periods": periods, "satisfaction": surveys}


__all__ = ["indicators_json"]
