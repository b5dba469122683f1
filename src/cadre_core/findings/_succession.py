"""Succession pools (QĐ 377-QĐ/TW): caps, full-term age and the pool's mix."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.findings._common import (
    _bodies,
    _build,
    _cited,
    _month,
    _p,
    _table,
    full_years,
    said,
)
from cadre_core.findings._finding import Finding
from cadre_core.findings._retirement import safe_retirement_dates
from cadre_core.findings._sources import (
    QD377_CAPS,
    QD377_MIX,
    QD377_TERM,
    RETIREMENT_SOURCE,
)
from cadre_core.targets._target import Text


def _term_years(term: pd.Series) -> pd.DataFrame:
    parts = term.astype(str).str.extract(r"(\d{4})\D+(\d{4})")
    return pd.DataFrame(
        {
            "term_start": pd.to_numeric(parts[0], errors="coerce"),
            "term_end": pd.to_numeric(parts[1], errors="coerce"),
        },
        index=term.index,
    )


def succession_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """Succession pools (QĐ 377-QĐ/TW): caps, full-term age and the pool's mix.

    Only pools of terms not yet ended (end year >= the as-of year) and candidates on the
    roster are considered.
    """
    s = _table(features, "succession")
    if s is None:
        return []
    s = s.dropna(subset=["cadre_id", "position_code", "term"]).drop_duplicates(
        ["cadre_id", "position_code", "term"]
    )
    s = pd.concat([s.reset_index(drop=True), _term_years(s["term"]).reset_index(drop=True)], axis=1)
    s = s[s["term_end"].notna() & (s["term_end"] >= features.as_of.year)]
    cadres = features.tables.get("cadres") if hasattr(features, "tables") else None
    people = (cadres if cadres is not None else features.cadres.reset_index()).set_index("cadre_id")
    s = s[s["cadre_id"].isin(people.index)].reset_index(drop=True)
    if len(s) == 0:
        return []
    pos = features.positions
    s["commune"] = (
        s["position_code"].map(pos["commune"].astype(object)).fillna(features.roster_name)
    )
    body = _bodies(bodies)["party_front"]
    out: list[Finding] = []

    max_cand = int(_p(params, "national.succession.max_candidates", 3))
    per_title = s.groupby(["position_code", "term"], sort=True).agg(
        n=("cadre_id", "nunique"), commune=("commune", "first")
    )
    f = per_title[per_title["n"] > max_cand].reset_index()
    texts = said(
        "finding_succession_too_many_candidates",
        n=f["n"].astype(str),
        most=max_cand,
        term=f["term"].astype(str),
    )
    out += _build(
        f,
        rule="national.succession_too_many_candidates",
        severity="error",
        kind="position",
        subject=f["position_code"],
        vi=texts["vi"],
        en=texts["en"],
        source=_cited(params, "national.succession_too_many_candidates", QD377_CAPS),
        body=body,
        commune=f["commune"],
    )

    max_titles = int(_p(params, "national.succession.max_titles", 3))
    per_cadre = s.groupby(["cadre_id", "term"], sort=True).agg(
        n=("position_code", "nunique"), commune=("commune", "first")
    )
    f = per_cadre[per_cadre["n"] > max_titles].reset_index()
    texts = said(
        "finding_succession_too_many_titles",
        n=f["n"].astype(str),
        most=max_titles,
        term=f["term"].astype(str),
    )
    out += _build(
        f,
        rule="national.succession_too_many_titles",
        severity="error",
        kind="cadre",
        subject=f["cadre_id"],
        vi=texts["vi"],
        en=texts["en"],
        source=_cited(params, "national.succession_too_many_titles", QD377_CAPS),
        body=body,
        commune=f["commune"],
    )

    # retiring before serving a full term from the term's start
    months = int(_p(params, "national.succession.full_term_months", 60))
    ppl = people.loc[s["cadre_id"]]
    ret = safe_retirement_dates(
        ppl["birth_date"].reset_index(drop=True), ppl["gender"].reset_index(drop=True)
    )
    # retirement (a month end) before the first day of month ``months`` after January of
    # the term's first year, compared as month indices
    ret_month = ret.dt.year * 12 + ret.dt.month - 1
    need_month = s["term_start"].astype("int64") * 12 + months
    short = ret.notna() & (ret_month < need_month).fillna(False).astype(bool)
    f = s[short].assign(ret=ret[short]).drop_duplicates(["cadre_id", "term"]).reset_index(drop=True)
    if len(f):
        texts = said(
            "finding_succession_retires_in_term",
            term=f["term"].astype(str),
            month=_month(f["ret"]),
            months=months,
        )
        out += _build(
            f,
            rule="national.succession_retires_in_term",
            severity="warning",
            kind="cadre",
            subject=f["cadre_id"],
            vi=texts["vi"],
            en=texts["en"],
            source=_cited(
                params,
                "national.succession_retires_in_term",
                QD377_TERM + "; " + RETIREMENT_SOURCE,
            ),
            body=body,
            commune=f["commune"],
        )

    # the pool's mix: young, female, ethnic minority
    young_age = int(_p(params, "national.succession.young_age", 35))
    birth = ppl["birth_date"].reset_index(drop=True)
    young = (full_years(birth, features.as_of) < young_age) & birth.notna()  # unknown: not young
    mix = pd.DataFrame(
        {
            "commune": s["commune"],
            "term": s["term"],
            "cadre_id": s["cadre_id"],
            "young": young.to_numpy(),
            "female": (ppl["gender"].astype(object) == "female").to_numpy(),
            "minority": (
                ppl["ethnicity"].notna() & (ppl["ethnicity"].astype(object) != "Kinh")
            ).to_numpy(),
        }
    ).drop_duplicates(["commune", "term", "cadre_id"])
    pools = mix.groupby(["commune", "term"], sort=True).agg(
        n=("cadre_id", "size"),
        young=("young", "sum"),
        female=("female", "sum"),
        minority=("minority", "sum"),
    )
    for group in ("young", "female", "minority"):
        ratio = Fraction(_p(params, f"national.succession.min_{group}", Fraction(0)))
        k = pools[group].to_numpy(dtype="int64")
        n = pools["n"].to_numpy(dtype="int64")
        low = (k == 0) | (k * ratio.denominator < ratio.numerator * n)
        f = pools[low].reset_index()
        texts = said(
            "finding_succession_pool_at_least" if ratio else "finding_succession_pool",
            term=f["term"].astype(str),
            count=f[group].astype(str),
            n=f["n"].astype(str),
            group=Text.of(f"finding_pool_{group}", age=young_age),
            least=ratio,
        )
        out += _build(
            f,
            rule=f"national.succession_pool_{group}",
            severity="info",
            kind="commune",
            subject=f["commune"],
            vi=texts["vi"],
            en=texts["en"],
            source=_cited(params, f"national.succession_pool_{group}", QD377_MIX),
            body=body,
            commune=f["commune"],
        )
    return out


__all__ = ["succession_findings"]
