"""Ratings (Decree 335/2025/NĐ-CP): annual ratings contradicting the quarterly scores, and
agencies (or communes) over the cap on excellent ratings."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.features._keys import lookup, per_row
from cadre_core.findings._common import (
    _at,
    _body_of_bloc,
    _build,
    _cadre_home,
    _cited,
    _home_rows,
    _locate,
    _p,
    _table,
    _texts,
    rating_words,
    said,
)
from cadre_core.findings._finding import Finding
from cadre_core.vocab._scores import (
    ND335_BANDS,
    ND335_CAP,
    ND335_DISCIPLINE,
    aggregate_scores,
    excellent_cap_check,
)

Aggregator = Callable[[pd.DataFrame, pd.DataFrame, Mapping[str, Any]], pd.DataFrame]


def annual_levels(
    features: Features, params: Mapping[str, Any], aggregate: Aggregator = aggregate_scores
) -> pd.DataFrame | None:
    """Annual levels from the ``scores`` and ``discipline`` tables.

    A host that implements the ``cadre_rating_aggregation`` hook may put its result in
    ``features.tables["annual_scores"]``; it is used as is. Otherwise ``aggregate``
    (Decree 335's default) runs.
    """
    ready = _table(features, "annual_scores")
    if ready is not None:
        return ready
    scores = _table(features, "scores")
    discipline = _table(features, "discipline")
    if scores is None and discipline is None:
        return None
    empty_s = pd.DataFrame(
        {
            "cadre_id": pd.Series(dtype=object),
            "year": pd.Series(dtype="Int64"),
            "quarter": pd.Series(dtype="Int64"),
            "score": pd.Series(dtype="Int64"),
        }
    )
    empty_d = pd.DataFrame(
        {
            "cadre_id": pd.Series(dtype=object),
            "date": pd.Series(dtype="datetime64[us]"),
            "level": pd.Series(dtype=object),
        }
    )
    return aggregate(
        scores if scores is not None else empty_s,
        discipline if discipline is not None else empty_d,
        params,
    )


def _recorded(
    features: Features, first: int, last: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The annual ratings (blank quarter) of years ``first`` to ``last`` of the active
    cadres, the last one per cadre and year: their rows in the ``ratings`` table, their
    cadres' rows in ``features.cadres`` and their years. ``None`` without a ``ratings``
    table."""
    r = _table(features, "ratings")
    if r is None:
        return None
    rows = np.flatnonzero(r["quarter"].isna().to_numpy())
    year = r["year"].iloc[rows].astype("int64").to_numpy()
    # the filters bear on the (cadre_id, year) key only: filtering before keeping the last
    # rating per key keeps the same ratings
    when = (year >= first) & (year <= last)
    rows, year = rows[when], year[when]
    crow = _locate(features, [r["cadre_id"].iloc[rows]])[0]
    known = crow >= 0
    rows, year, crow = rows[known], year[known], crow[known]
    kept = ~pd.DataFrame({"cadre": crow, "year": year}).duplicated(keep="last").to_numpy()
    return rows[kept], crow[kept], year[kept]


def _cap_texts(d: pd.DataFrame, cap: Fraction) -> pd.DataFrame:
    counts = {k: d[k].astype(str) for k in ("year", "excellent", "allowed", "good")}
    return pd.DataFrame(said("finding_excellent_over_cap", cap=cap, **counts))


def rating_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """Annual ratings contradicting the scores, and agencies over the 20% excellent cap."""
    first = int(_p(params, "nd335.first_year", 2026))
    last = features.rating_year
    c = features.cadres
    out: list[Finding] = []
    found = _recorded(features, first, last)
    ratings = _table(features, "ratings")
    levels = annual_levels(features, params)
    if levels is not None and found is not None and ratings is not None:
        home = _cadre_home(features)
        rows, _, year = found
        recorded = pd.DataFrame(
            {
                "cadre_id": ratings["cadre_id"].iloc[rows].astype(object).reset_index(drop=True),
                "year": year,
                "rating": ratings["rating"].iloc[rows].astype(object).reset_index(drop=True),
            }
        )
        lv = levels[["cadre_id", "year", "level", "score", "disciplined"]].assign(
            cadre_id=levels["cadre_id"].astype(object), year=levels["year"].astype("int64")
        )
        m = recorded.merge(lv, on=["cadre_id", "year"], how="inner")
        m = m[m["level"].notna() & (m["rating"] != m["level"])]
        m = m.sort_values(["cadre_id", "year"]).reset_index(drop=True)
        for disciplined, source in ((False, ND335_BANDS), (True, ND335_DISCIPLINE)):
            g = m[m["disciplined"] == disciplined].reset_index(drop=True)
            if len(g) == 0:
                continue
            fields = {
                "year": g["year"].astype(str),
                **{
                    name: {lang: rating_words(g[name], lang) for lang in ("vi", "en")}
                    for name in ("rating", "level")
                },
            }
            if disciplined:
                message = said("finding_rating_contradicts_discipline", **fields)
            else:
                score = g["score"].map("{:g}".format)
                message = said("finding_rating_contradicts_scores", score=score, **fields)
            out += _build(
                g,
                rule="national.rating_contradicts_scores",
                severity="error" if disciplined else "warning",
                kind="cadre",
                subject=g["cadre_id"],
                vi=message["vi"],
                en=message["en"],
                source=_cited(params, "national.rating_contradicts_scores", source),
                body=_body_of_bloc(home.loc[g["cadre_id"], "bloc"].reset_index(drop=True), bodies),
                commune=c.loc[g["cadre_id"], "commune"].reset_index(drop=True),
            )

    if found is not None and ratings is not None and len(found[0]):
        rows, crow, year = found
        cap = Fraction(_p(params, "nd335.excellent_cap", Fraction(1, 5)))
        scope = str(_p(params, "nd335.cap_scope", "agency"))
        if scope not in ("agency", "commune"):
            raise ValueError(f"nd335.cap_scope must be agency or commune, not {scope!r}")
        # groups as integer codes in the order of their names (the agency of each cadre's
        # home position, or its commune) and cadres as their rows: the check finds the
        # same groups in the same order as with the names
        if scope == "agency":
            agency = features.assignments["agency_code"]
            text = _texts(agency)  # sorted the same, but hashed in Arrow
            by_row, names = pd.factorize(agency if text is None else text, sort=True)
            home_row = _home_rows(features)
            code: np.ndarray = np.where(home_row >= 0, by_row[home_row], -1)
        else:
            code, names = pd.factorize(c["commune"].astype(object), sort=True)
        rating = ratings["rating"].iloc[rows]
        # a rating neither excellent nor good counts for neither, and a group without
        # such ratings is never over the cap
        counted = (code[crow] >= 0) & rating.isin(["excellent", "good"]).to_numpy()
        counts = excellent_cap_check(
            pd.DataFrame(
                {
                    "cadre_id": crow[counted],
                    "year": year[counted],
                    "rating": rating[counted].astype(object).reset_index(drop=True),
                }
            ),
            pd.Series(code),
            cap,
        )
        f = counts[counts["over"]].reset_index(drop=True)
        f["group"] = pd.Series(
            np.asarray(names, dtype=object)[f["group"].to_numpy(dtype=np.int64)], dtype=object
        )
        if scope == "agency":
            ag = features.agencies
            at = lookup(f["group"], ag.index)
            commune = _at(ag["commune"], at).astype(object) if "commune" in ag else None
            bloc = _at(ag["bloc"], at).astype(object)
        else:
            commune, bloc = f["group"], pd.Series(["government"] * len(f), dtype=object)
        texts = per_row(f[["year", "excellent", "allowed", "good"]], lambda d: _cap_texts(d, cap))
        out += _build(
            f,
            rule="national.excellent_over_cap",
            severity="error",
            kind="agency" if scope == "agency" else "commune",
            subject=f["group"],
            vi=texts["vi"],
            en=texts["en"],
            source=_cited(params, "national.excellent_over_cap", ND335_CAP),
            body=_body_of_bloc(bloc, bodies),
            commune=commune if commune is not None else pd.Series([""] * len(f)),
        )
    return out


__all__ = ["annual_levels", "rating_findings"]
