"""Quarterly scores to annual rating levels (Decree 335/2025/NĐ-CP), vectorised.

Decree 335/2025/NĐ-CP (in force from 01/01/2026) scores civil servants out of 100 (30
for the general criteria, 70 for task results, tracked monthly or quarterly) and sets the
annual level by bands: 90 or more "hoàn thành xuất sắc" (excellent), 70 to under 90
"hoàn thành tốt" (good), 50 to under 70 "hoàn thành" (complete), under 50 "không hoàn
thành" (incomplete). A disciplinary measure of "khiển trách" or heavier in the rated year
forces "không hoàn thành". Excellent ratings may not exceed 20% of the number rated good
in the same agency.

The aggregation of quarterly scores into the annual score (here: their mean) is the
default implementation of the proposed ``cadre_rating_aggregation`` hook; a province may
replace it. Every comparison is exact: ``mean >= t`` is tested as
``denominator(t) * total >= numerator(t) * quarters`` on integers.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.vocab._numbers import to_fraction

ND335 = "Nghị định 335/2025/NĐ-CP (đánh giá, xếp loại chất lượng công chức)"
ND335_BANDS = f"{ND335}: mức điểm xếp loại (>= 90; 70 đến < 90; 50 đến < 70; < 50)"
ND335_DISCIPLINE = f"{ND335}: bị kỷ luật từ khiển trách trở lên trong năm đánh giá"
ND335_CAP = (
    f"{ND335}: tỷ lệ hoàn thành xuất sắc không vượt quá 20% số được xếp loại hoàn thành tốt "
    "trong cùng cơ quan, đơn vị"
)

DEFAULT_BANDS: Mapping[str, int] = {"excellent": 90, "good": 70, "complete": 50}
LEVELS = ("incomplete", "complete", "good", "excellent")

AGGREGATE_COLUMNS = (
    "cadre_id",
    "year",
    "quarters",
    "total",
    "score",
    "score_level",
    "disciplined",
    "level",
)


def bands_of(params: Mapping[str, Any]) -> dict[str, Fraction]:
    """The band floors in force (parameter ``nd335.bands``), checked and exact.

    >>> bands_of({})["good"]
    Fraction(70, 1)
    """
    raw = params.get("nd335.bands", DEFAULT_BANDS)
    if set(raw) != set(DEFAULT_BANDS):
        raise ValueError("nd335.bands needs exactly the keys excellent, good, complete")
    out = {k: to_fraction(raw[k]) for k in DEFAULT_BANDS}
    if not (100 >= out["excellent"] > out["good"] > out["complete"] > 0):
        raise ValueError("nd335.bands must satisfy 100 >= excellent > good > complete > 0")
    return out


def _at_least(total: np.ndarray, count: np.ndarray, floor: Fraction) -> np.ndarray:
    """Exact ``total / count >= floor`` on integer arrays."""
    return np.asarray(floor.denominator * total >= floor.numerator * count, dtype=bool)


def score_levels(total: pd.Series, count: pd.Series, params: Mapping[str, Any]) -> pd.Series:
    """The level of each mean score ``total / count`` by the bands (exact comparison).

    >>> score_levels(pd.Series([360, 359, 200, 199]), pd.Series([4, 4, 4, 4]), {}).tolist()
    ['excellent', 'good', 'complete', 'incomplete']
    """
    bands = bands_of(params)
    t = total.to_numpy(dtype="int64")
    n = count.to_numpy(dtype="int64")
    level = np.select(
        [_at_least(t, n, bands[k]) for k in ("excellent", "good", "complete")],
        ["excellent", "good", "complete"],
        default="incomplete",
    )
    return pd.Series(level, index=total.index, dtype=object)


def aggregate_scores(
    scores: pd.DataFrame, discipline: pd.DataFrame, params: Mapping[str, Any]
) -> pd.DataFrame:
    """Annual levels from quarterly scores and discipline (the Decree 335 default).

    ``scores`` has ``cadre_id, year, quarter, score`` (a repeated quarter keeps its last
    row); ``discipline`` has ``cadre_id, date, level``. Returns one row per (cadre, year)
    with ``quarters`` (scored quarters), ``total``, ``score`` (the mean, for display only),
    ``score_level`` (the band of the mean), ``disciplined`` (a measure dated in that year)
    and ``level`` (``incomplete`` when disciplined, else ``score_level``). A disciplined
    cadre-year without scores still gets a row (level ``incomplete``, no score).

    >>> s = pd.DataFrame({"cadre_id": ["A"] * 4, "year": [2026] * 4,
    ...                   "quarter": [1, 2, 3, 4], "score": [95, 90, 88, 90]})
    >>> d = pd.DataFrame({"cadre_id": [], "date": pd.to_datetime([]), "level": []})
    >>> aggregate_scores(s, d, {})[["total", "level"]].to_dict("records")
    [{'total': 363, 'level': 'excellent'}]
    """
    s = scores.dropna(subset=["cadre_id", "year", "quarter", "score"])
    s = s.drop_duplicates(["cadre_id", "year", "quarter"], keep="last")
    grouped = (
        s.assign(year=s["year"].astype("int64"), score=s["score"].astype("int64"))
        .groupby(["cadre_id", "year"], sort=True)["score"]
        .agg(total="sum", quarters="count")
        .reset_index()
    )
    d = discipline.dropna(subset=["cadre_id", "date"])
    hits = (
        pd.DataFrame({"cadre_id": d["cadre_id"], "year": d["date"].dt.year.astype("int64")})
        .drop_duplicates()
        .assign(disciplined=True)
    )
    out = grouped.merge(hits, on=["cadre_id", "year"], how="outer")
    out["disciplined"] = out["disciplined"].fillna(False).astype(bool)
    has = out["quarters"].notna()
    out["quarters"] = out["quarters"].fillna(0).astype("int64")
    out["total"] = out["total"].astype("Int64")
    out["score"] = (out["total"].astype("float64") / out["quarters"].where(has)).round(2)
    levels = score_levels(out.loc[has, "total"], out.loc[has, "quarters"], params)
    out["score_level"] = levels.reindex(out.index)
    out["level"] = out["score_level"].where(~out["disciplined"], "incomplete")
    out = out.sort_values(["cadre_id", "year"], kind="stable").reset_index(drop=True)
    return out[list(AGGREGATE_COLUMNS)]


def excellent_cap_check(ratings: pd.DataFrame, group: pd.Series, cap: Fraction) -> pd.DataFrame:
    """Per (group, year): excellent and good counts and whether the cap is exceeded.

    ``ratings`` has ``cadre_id, year, rating`` (annual ratings); ``group`` maps
    ``cadre_id`` to the agency (or commune) whose share is capped. A group is over the cap
    when ``excellent > cap * good`` (exact). Groups with no excellent rating are kept
    with ``over = False``.

    >>> r = pd.DataFrame({"cadre_id": list("ABCDEF"), "year": [2026] * 6,
    ...                   "rating": ["excellent"] + ["good"] * 5})
    >>> g = pd.Series("X", index=list("ABCDEF"))
    >>> excellent_cap_check(r, g, Fraction(1, 5))[["excellent", "good", "allowed", "over"]].values.tolist()
    [[1, 5, 1, False]]
    """
    r = ratings.assign(group=ratings["cadre_id"].map(group)).dropna(subset=["group"])
    rating = r["rating"].astype(object)
    counts = (
        r.assign(excellent=(rating == "excellent"), good=(rating == "good"))
        .groupby(["group", "year"], sort=True)[["excellent", "good"]]
        .sum()
        .astype("int64")
        .reset_index()
    )
    # Python integers (object arrays): exact for any fraction, no int64 overflow
    e = counts["excellent"].to_numpy(dtype=object)
    g = counts["good"].to_numpy(dtype=object)
    counts["allowed"] = ((g * cap.numerator) // cap.denominator).astype("int64")
    counts["over"] = (e * cap.denominator > g * cap.numerator).astype(bool)
    return counts


__all__ = [
    "AGGREGATE_COLUMNS",
    "DEFAULT_BANDS",
    "ND335",
    "aggregate_scores",
    "bands_of",
    "excellent_cap_check",
    "score_levels",
]
