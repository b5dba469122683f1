"""Socio-economic indicators and the ratings tied to them (section II.2.b of a plan; Quy
định 366-QĐ/TW): a commune's share of indicators at or above plan per period, a leader
rated above the collective they lead, and the commune's leaders rated excellent in a year
the commune missed most of its indicators.

Every value is exact: plan and actual values are :class:`decimal.Decimal`, shares are
:class:`fractions.Fraction`. The indicators' directions come from the catalogue the engine
puts in ``features.tables["indicator_catalogue"]`` (every plugin's ``cadre_indicators``);
without it the five built-in indicators (all higher-is-better) are used.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.findings._common import (
    _body_of_bloc,
    _build,
    _categories,
    _cited,
    _p,
    _table,
    rating_words,
    spell,
)
from cadre_core.findings._finding import Finding
from cadre_core.findings._sources import QD366_INDICATORS, QD366_LEADER
from cadre_core.roster._problems import RosterError, problem
from cadre_core.roster._roster import Roster
from cadre_core.vocab._enums import RatingLevel
from cadre_core.vocab._indicators import builtin_indicators, catalogue_frame
from cadre_core.vocab._labels import fmt_pct, label

#: The columns of :func:`indicator_rows`.
ROW_COLUMNS = (
    "commune",
    "year",
    "quarter",
    "indicator",
    "name_vi",
    "name_en",
    "plan",
    "actual",
    "unit_vi",
    "unit_en",
    "source",
    "higher_is_better",
    "attained",
)

#: The columns of :func:`attainment`.
PERIOD_COLUMNS = ("commune", "year", "quarter", "met", "total", "share", "missed_vi", "missed_en")

HEADS = "party_secretary;committee_chair;council_chair;front_chair;inspection_chair;department_head"
"""Post categories whose holder heads the agency of the post (người đứng đầu)."""

STANDING_LEADERS = (
    "party_secretary;party_deputy_secretary;council_chair;council_vice_chair;committee_chair;"
    "committee_vice_chair"
)
"""Post categories of the commune's leaders for the excellent-despite-indicators rule."""


def default_commune(features: Features) -> str:
    """The commune a blank ``commune`` cell means: the one commune the agencies name,
    else the commune of the roster's positions, else the roster's name."""
    ag = features.agencies
    named = ag["commune"].dropna().unique() if "commune" in ag else np.array([], dtype=object)
    if len(named) == 1:
        return str(named[0])
    pos = features.positions
    if "commune" in pos and pos["commune"].notna().any():
        return str(pos["commune"].dropna().iloc[0])
    return str(features.roster_name)


def _with_commune(frame: pd.DataFrame, features: Features) -> pd.DataFrame:
    commune = frame["commune"].astype(object)
    if bool(commune.isna().any()):
        commune = commune.fillna(default_commune(features))
    return frame.assign(commune=commune)


def check_indicator_codes(roster: Roster, declared: pd.DataFrame) -> None:
    """Raise :class:`RosterError` for every distinct indicator code of the roster's
    ``indicators`` table that no plugin declares (``cadre_indicators``), with the closest
    declared code."""
    codes = roster.tables["indicators"]["indicator"].dropna().astype(str)
    known = set(declared["code"].astype(str))
    unknown = sorted(set(codes.unique()) - known)
    if not unknown:
        return
    problems = []
    for code in unknown:
        close = difflib.get_close_matches(code, sorted(known), n=1, cutoff=0.5)
        problems.append(
            problem(
                roster.name,
                "indicators",
                None,
                "indicator",
                code,
                "indicator_declared",
                close[0] if close else None,
                codes=";".join(sorted(known)),
                family="indicator",
            )
        )
    raise RosterError(problems)


def catalogue(features: Features) -> pd.DataFrame:
    """The indicators in force: the engine's catalogue, else the five built-in ones."""
    found = _table(features, "indicator_catalogue")
    return found if found is not None else catalogue_frame(builtin_indicators())


def indicator_rows(features: Features) -> pd.DataFrame | None:
    """The roster's ``indicators`` rows with their commune filled in, the indicator's names
    and unit (the row's own unit when it gives one) and ``attained``: the actual value at
    or above the plan (at or below it for an indicator where lower is better), compared
    exactly. Sorted by commune, year, quarter (the year first) and the catalogue's order.
    ``None`` without indicators."""
    table = _table(features, "indicators")
    if table is None:
        return None
    cat = catalogue(features).reset_index(drop=True)
    rows = _with_commune(table, features)
    rows = rows[rows["indicator"].notna()]
    order = pd.Series(np.arange(len(cat)), index=cat["code"].astype(object))
    joined = rows.merge(
        cat.rename(columns={"code": "indicator"}), on="indicator", how="left", validate="m:1"
    )
    hib = joined["higher_is_better"].fillna(True).astype(bool)
    plan, actual = joined["plan"].astype(object), joined["actual"].astype(object)
    known = plan.notna() & actual.notna()
    up = pd.Series(False, index=joined.index)
    down = pd.Series(False, index=joined.index)
    up.loc[known] = (actual[known] >= plan[known]).astype(bool)
    down.loc[known] = (actual[known] <= plan[known]).astype(bool)
    own_unit = joined["unit"].astype(object)
    out = pd.DataFrame(
        {
            "commune": joined["commune"].astype(object),
            "year": joined["year"].astype("int64"),
            "quarter": joined["quarter"].astype("Int64"),
            "indicator": joined["indicator"].astype(object),
            "name_vi": joined["name_vi"].astype(object).fillna(joined["indicator"]),
            "name_en": joined["name_en"].astype(object).fillna(joined["indicator"]),
            "plan": plan,
            "actual": actual,
            "unit_vi": own_unit.fillna(joined["unit_vi"]).fillna("").astype(object),
            "unit_en": own_unit.fillna(joined["unit_en"]).fillna("").astype(object),
            "source": joined["source"].astype(object).fillna(""),
            "higher_is_better": hib,
            "attained": up.where(hib, down).astype(bool),
        }
    )
    out["_order"] = order.reindex(out["indicator"]).fillna(len(cat)).to_numpy()
    out["_q"] = out["quarter"].fillna(0).astype("int64")
    out = out.sort_values(["commune", "year", "_q", "_order", "indicator"], kind="stable")
    return out.drop(columns=["_order", "_q"]).reset_index(drop=True)


def satisfaction_rows(features: Features) -> pd.DataFrame | None:
    """The roster's ``satisfaction`` rows with their commune filled in, sorted by commune,
    year and quarter (the year first); ``None`` without them."""
    table = _table(features, "satisfaction")
    if table is None:
        return None
    rows = _with_commune(table, features)
    out = pd.DataFrame(
        {
            "commune": rows["commune"].astype(object),
            "year": rows["year"].astype("int64"),
            "quarter": rows["quarter"].astype("Int64"),
            "score": rows["score"].astype(object),
            "share": rows["share"].astype(object),
            "source": rows["source"].astype(object).fillna(""),
        }
    )
    out["_q"] = out["quarter"].fillna(0).astype("int64")
    out = out.sort_values(["commune", "year", "_q"], kind="stable")
    return out.drop(columns="_q").reset_index(drop=True)


def of_communes(rows: pd.DataFrame | None, names: Sequence[str]) -> pd.DataFrame | None:
    """The rows of the communes ``names`` (an evaluation's communes: one commune's report
    from a province roster shows that commune only); ``None`` when none is left. A single
    commune named differently by the evaluation keeps the roster's one commune's rows.

    >>> rows = pd.DataFrame({"commune": ["A", "B"]})
    >>> of_communes(rows, ["B"])["commune"].tolist(), of_communes(rows, ["C"])
    (['B'], None)
    """
    if rows is None:
        return None
    mine = rows["commune"].isin(list(names))
    if not bool(mine.any()) and len(names) == 1 and rows["commune"].nunique() == 1:
        return rows
    kept = rows[mine.to_numpy()].reset_index(drop=True)
    return kept if len(kept) else None


def attainment(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (commune, year, quarter) of :func:`indicator_rows`: the indicators met,
    their number and the exact share met (``Fraction``), and the names of those missed
    (``"; "``-joined, in each language). A blank quarter is the whole year.

    >>> rows = pd.DataFrame({"commune": ["A", "A"], "year": [2026, 2026],
    ...     "quarter": pd.array([None, None], dtype="Int64"), "name_vi": ["x", "y"],
    ...     "name_en": ["x", "y"], "attained": [True, False]})
    >>> attainment(rows)[["met", "total", "share", "missed_en"]].to_dict("records")
    [{'met': 1, 'total': 2, 'share': Fraction(1, 2), 'missed_en': 'y'}]
    """
    keys = ["commune", "year", "_q"]
    work = rows.assign(_q=rows["quarter"].fillna(0).astype("int64"))
    grouped = work.groupby(keys, sort=True)
    counts = grouped["attained"].agg(["sum", "size"])
    missed = work[~work["attained"]].groupby(keys, sort=True)[["name_vi", "name_en"]].agg("; ".join)
    out = counts.join(missed).reset_index()
    met, total = out["sum"].astype("int64"), out["size"].astype("int64")
    shares = [Fraction(int(m), int(t)) for m, t in zip(met, total, strict=True)]
    return pd.DataFrame(
        {
            "commune": out["commune"].astype(object),
            "year": out["year"].astype("int64"),
            "quarter": out["_q"].where(out["_q"] > 0).astype("Int64"),
            "met": met,
            "total": total,
            "share": pd.Series(shares, dtype=object),
            "missed_vi": out["name_vi"].fillna("").astype(object),
            "missed_en": out["name_en"].fillna("").astype(object),
        }
    )


def period_text(year: pd.Series, quarter: pd.Series, lang: str = "vi") -> pd.Series:
    """``Năm 2025`` / ``Quý 2/2026`` for each (year, blank or quarter), in ``lang``.

    >>> period_text(pd.Series([2025, 2026]), pd.Series([None, 2], dtype="Int64")).tolist()
    ['Năm 2025', 'Quý 2/2026']
    """
    y = year.astype("int64").reset_index(drop=True)
    q = quarter.astype("Int64").reset_index(drop=True)
    as_year = fill(label("indicator_period_year", lang), year=y)
    as_quarter = fill(label("indicator_period_quarter", lang), year=y, quarter=q.fillna(0))
    return as_year.where(q.isna(), as_quarter).astype(object)


def fill(template: str, **values: object) -> pd.Series:
    """A label template filled column by column (:func:`spell`), each value first made
    text: a Series by its ``str`` row by row (its index dropped), one value repeated for
    every row.

    >>> fill("{a} of {b}", a=pd.Series([1, 2]), b="3").tolist()
    ['1 of 3', '2 of 3']
    """
    n = max((len(v) for v in values.values() if isinstance(v, pd.Series)), default=1)
    texts = {
        name: (
            value.reset_index(drop=True).astype(str).astype(object)
            if isinstance(value, pd.Series)
            else pd.Series([str(value)] * n, dtype=object)
        )
        for name, value in values.items()
    }
    return spell(template, **texts)


def share_text(share: pd.Series, lang: str = "vi") -> pd.Series:
    """Exact shares as display percentages (``fmt_pct``), one per distinct share."""
    distinct = {s: fmt_pct(float(s), lang) for s in pd.unique(share)}
    return share.map(distinct).astype(object)


def _ended(per: pd.DataFrame, features: Features) -> pd.DataFrame:
    """The periods that ended on or before the as-of day (a finding on a period still
    running would be premature)."""
    _, end = _period_bounds(per["year"], per["quarter"])
    return per[(end <= pd.Timestamp(features.as_of)).to_numpy()].reset_index(drop=True)


def _below(per: pd.DataFrame, threshold: Fraction) -> np.ndarray:
    """Periods whose share met is below ``threshold``, in exact integers
    (met / total < p / q  <=>  met * q < p * total)."""
    met, total = per["met"].to_numpy(dtype=object), per["total"].to_numpy(dtype=object)
    return np.asarray(met * threshold.denominator < total * threshold.numerator, dtype=bool)


def _on(params: Mapping[str, Any], key: str, default: int) -> bool:
    return int(_p(params, key, default)) == 1


def _period_bounds(year: pd.Series, quarter: pd.Series) -> tuple[pd.Series, pd.Series]:
    """First and last day of each period (the year, or its quarter)."""
    y = year.astype("int64").to_numpy()
    q = quarter.astype("Int64").fillna(0).astype("int64").to_numpy()
    first_month = np.where(q > 0, 3 * q - 2, 1)
    last_month = np.where(q > 0, 3 * q, 12)
    start = pd.to_datetime(pd.DataFrame({"year": y, "month": first_month, "day": 1}))
    end = pd.to_datetime(
        pd.DataFrame({"year": y, "month": last_month, "day": 1})
    ) + pd.offsets.MonthEnd(0)
    return start, end


def _holders(features: Features, categories: list[str]) -> pd.DataFrame:
    """Every assignment (past or current) to a post of ``categories``: cadre, post,
    agency, its commune and bloc, and the assignment's dates."""
    asg, pos = _table(features, "assignments"), _table(features, "positions")
    if asg is None or pos is None:
        return pd.DataFrame(columns=["cadre_id", "position_code", "agency_code", "start", "end"])
    p = pos[pos["category"].astype(object).isin(categories)][
        ["position_code", "agency_code", "category"]
    ].astype(object)
    a = asg[["cadre_id", "position_code", "start_date", "end_date"]].astype(
        {"cadre_id": object, "position_code": object}
    )
    held = a.merge(p, on="position_code", how="inner")
    ag = features.agencies
    commune = ag["commune"] if "commune" in ag else pd.Series(dtype=object)
    held["commune"] = (
        held["agency_code"].map(commune.astype(object)).fillna(default_commune(features))
    )
    held["bloc"] = held["agency_code"].map(ag["bloc"].astype(object))
    held["agency_name"] = (
        held["agency_code"].map(ag["name"].astype(object)).fillna(held["agency_code"])
    )
    return held


def _overlapping(held: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Pairs of a holder and a period (with ``start``/``end`` days) the assignment covers
    at least one day of, joined on the columns they share."""
    on = [c for c in ("agency_code", "commune") if c in periods.columns and c in held.columns]
    m = periods.merge(held, on=on, how="inner")
    keep = (m["start_date"] <= m["end"]) & (m["end_date"].isna() | (m["end_date"] >= m["start"]))
    return m[keep.to_numpy()].reset_index(drop=True)


def _ratings_of(features: Features, cadres: pd.Series) -> pd.DataFrame | None:
    """The last rating of each (cadre, year, quarter; ``_q`` 0 for the year) of the
    ``cadres`` (ids) in the ratings table, or ``None`` without one. Only those cadres'
    rows are converted (nationally the table holds hundreds of thousands of rows; a rule
    asks about a few thousand holders)."""
    r = _table(features, "ratings")
    if r is None or not len(cadres):
        return None
    r = r[r["cadre_id"].isin(pd.unique(cadres.to_numpy(dtype=object))).to_numpy()]
    year = r["year"].astype("int64").to_numpy()
    q = r["quarter"].fillna(0).astype("int64").to_numpy()
    # the last rating of each (cadre, year, quarter): duplicates found on integer codes
    # (no text compared), rows taken only when there are any (a validated roster has none)
    codes = pd.factorize(r["cadre_id"], use_na_sentinel=False)[0]
    twice = pd.DataFrame({"c": codes, "y": year, "q": q}).duplicated(keep="last").to_numpy()
    keep = ~twice if twice.any() else slice(None)
    r = r.iloc[keep]
    return pd.DataFrame(
        {
            "cadre_id": r["cadre_id"].astype(object),
            "year": year[keep],
            "rating": r["rating"].astype(object),
            "_q": q[keep],
        },
        index=r.index,
    )


def _rank(codes: pd.Series) -> pd.Series:
    return codes.map(RatingLevel.ranks()).astype("Int64")


def attainment_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """(a) Per commune and period, a share of indicators at or above plan below
    ``national.indicators.min_attainment``: a finding naming the commune, the period and
    the indicators missed (when ``national.indicators.attainment_check`` is 1)."""
    if not _on(params, "national.indicators.attainment_check", 0):
        return []
    rows = indicator_rows(features)
    if rows is None:
        return []
    threshold = Fraction(_p(params, "national.indicators.min_attainment", Fraction(1)))
    per = _ended(attainment(rows), features)
    low = per[_below(per, threshold)].reset_index(drop=True)
    if not len(low):
        return []
    texts = {
        lang: fill(
            label("indicator_msg_attainment", lang),
            period=period_text(low["year"], low["quarter"], lang),
            met=low["met"],
            total=low["total"],
            share=share_text(low["share"], lang),
            threshold=fmt_pct(float(threshold), lang),
            missed=low[f"missed_{lang}"],
        )
        for lang in ("vi", "en")
    }
    return _build(
        low,
        rule="national.indicator_attainment_low",
        severity="warning",
        kind="commune",
        subject=low["commune"],
        vi=texts["vi"],
        en=texts["en"],
        source=_cited(params, "national.indicator_attainment_low", QD366_INDICATORS),
        body=_body_of_bloc(pd.Series(["government"] * len(low), dtype=object), bodies),
        commune=low["commune"],
    )


def leader_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """(b) The head of an agency rated higher, for a period, than the agency (the
    collective they lead) in ``unit_ratings`` (Quy định 366-QĐ/TW, carrying forward Quy
    định 124-QĐ/TW): one finding per person, agency and period, naming both ratings."""
    if not _on(params, "national.leader_above_collective.check", 1):
        return []
    units = _table(features, "unit_ratings")
    if units is None or _table(features, "ratings") is None:
        return []
    heads = _categories(params, "national.leader_above_collective.head_categories", HEADS)
    u = units[["agency_code", "year", "quarter", "rating"]].astype(
        {"agency_code": object, "rating": object}
    )
    u = u.assign(year=u["year"].astype("int64"), _q=u["quarter"].fillna(0).astype("int64"))
    u = u.drop_duplicates(["agency_code", "year", "_q"], keep="last")
    u["start"], u["end"] = _period_bounds(u["year"], u["quarter"])
    held = _holders(features, heads).drop(columns="commune")
    pairs = _overlapping(held, u.rename(columns={"rating": "collective"}))
    ratings = _ratings_of(features, pairs["cadre_id"])
    if ratings is None:
        return []
    m = pairs.merge(ratings, on=["cadre_id", "year", "_q"], how="inner")
    m = m[(_rank(m["rating"]) > _rank(m["collective"])).fillna(False).astype(bool).to_numpy()]
    m = m.drop_duplicates(["cadre_id", "agency_code", "year", "_q"])
    m = m.sort_values(["cadre_id", "year", "_q", "agency_code"]).reset_index(drop=True)
    if not len(m):
        return []
    ag = features.agencies
    commune = m["agency_code"].map(ag["commune"].astype(object)) if "commune" in ag else None
    texts = {
        lang: fill(
            label("indicator_msg_leader", lang),
            period=period_text(m["year"], m["quarter"], lang),
            body=m["agency_name"],
            rating=rating_words(m["rating"], lang),
            collective=rating_words(m["collective"], lang),
        )
        for lang in ("vi", "en")
    }
    return _build(
        m,
        rule="national.leader_above_collective",
        severity="warning",
        kind="cadre",
        subject=m["cadre_id"],
        vi=texts["vi"],
        en=texts["en"],
        source=_cited(params, "national.leader_above_collective", QD366_LEADER),
        body=_body_of_bloc(m["bloc"], bodies),
        commune=commune if commune is not None else pd.Series([""] * len(m)),
    )


def _annual_attainment(rows: pd.DataFrame) -> pd.DataFrame:
    """Per commune and year: the year's own rows (blank quarter) when it has any, else its
    quarters' rows together."""
    annual = rows["quarter"].isna()
    has_annual = rows.loc[annual, ["commune", "year"]].drop_duplicates()
    key = pd.MultiIndex.from_frame(rows[["commune", "year"]])
    covered = key.isin(pd.MultiIndex.from_frame(has_annual)) if len(has_annual) else False
    chosen = rows[(annual | ~pd.Series(covered, index=rows.index)).to_numpy()]
    return attainment(chosen.assign(quarter=pd.array([pd.NA] * len(chosen), dtype="Int64")))


def excellent_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """(c) A leader of a commune (``national.indicators.leader_categories``) rated
    excellent for a year in which the commune met less than
    ``national.indicators.excellent_below`` of its indicators: flagged for review (when
    ``national.indicators.excellent_check`` is 1)."""
    if not _on(params, "national.indicators.excellent_check", 0):
        return []
    rows = indicator_rows(features)
    if rows is None or _table(features, "ratings") is None:
        return []
    below = Fraction(_p(params, "national.indicators.excellent_below", Fraction(1, 2)))
    per = _ended(_annual_attainment(rows), features)
    low = per[_below(per, below)].reset_index(drop=True)
    if not len(low):
        return []
    low["start"], low["end"] = _period_bounds(low["year"], low["quarter"])
    cats = _categories(params, "national.indicators.leader_categories", STANDING_LEADERS)
    pairs = _overlapping(_holders(features, cats), low.drop(columns=["quarter"]))
    ratings = _ratings_of(features, pairs["cadre_id"])
    if ratings is None:
        return []
    excellent = ratings[(ratings["_q"] == 0) & (ratings["rating"] == RatingLevel.EXCELLENT.value)]
    m = pairs.merge(excellent[["cadre_id", "year", "rating"]], on=["cadre_id", "year"])
    m = m.drop_duplicates(["cadre_id", "year"]).sort_values(["cadre_id", "year"])
    m = m.reset_index(drop=True)
    if not len(m):
        return []
    quarter = pd.Series(pd.array([pd.NA] * len(m), dtype="Int64"))
    texts = {
        lang: fill(
            label("indicator_msg_excellent", lang),
            period=period_text(m["year"], quarter, lang),
            rating=rating_words(m["rating"], lang),
            met=m["met"],
            total=m["total"],
            share=share_text(m["share"], lang),
            threshold=fmt_pct(float(below), lang),
        )
        for lang in ("vi", "en")
    }
    return _build(
        m,
        rule="national.excellent_despite_indicators",
        severity="warning",
        kind="cadre",
        subject=m["cadre_id"],
        vi=texts["vi"],
        en=texts["en"],
        source=_cited(params, "national.excellent_despite_indicators", QD366_INDICATORS),
        body=_body_of_bloc(m["bloc"], bodies),
        commune=m["commune"],
    )


def indicator_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """The three indicator rules, each behind its switch (see the parameters)."""
    return (
        attainment_findings(features, params, bodies)
        + leader_findings(features, params, bodies)
        + excellent_findings(features, params, bodies)
    )


__all__ = [
    "HEADS",
    "PERIOD_COLUMNS",
    "ROW_COLUMNS",
    "STANDING_LEADERS",
    "attainment",
    "check_indicator_codes",
    "default_commune",
    "fill",
    "indicator_findings",
    "indicator_rows",
    "of_communes",
    "period_text",
    "satisfaction_rows",
    "share_text",
]
