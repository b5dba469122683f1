"""Retirement: cadres past the statutory age, and cadres who retire before a target's
deadline (Labour Code 2019 Art. 169; Decree 135/2020/NĐ-CP)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.features._keys import per_row
from cadre_core.findings._common import (
    _at,
    _body_of_bloc,
    _build,
    _cited,
    _home_rows,
    _month,
    said,
)
from cadre_core.findings._finding import Finding
from cadre_core.findings._sources import RETIREMENT_SOURCE
from cadre_core.vocab._labels import label
from cadre_core.vocab._retirement import _SCHEDULE, retirement_dates


def deadlines(params: Mapping[str, Any]) -> dict[str, dt.date]:
    """Target id -> deadline, from the parameters whose key ends in ``.deadline``."""
    out = {}
    for key in params:
        if key.endswith(".deadline"):
            value = params[key]
            if isinstance(value, dt.date):
                out[key.removesuffix(".deadline")] = value
    return out


def safe_retirement_dates(birth: pd.Series, gender: pd.Series) -> pd.Series:
    """:func:`retirement_dates` restricted to rows with a birth date and a known gender
    (NaT elsewhere), aligned on ``birth``'s index."""
    g = gender.astype(object)
    known = birth.notna() & g.isin(["male", "female"])
    out = pd.Series(pd.NaT, index=birth.index, dtype="datetime64[us]")
    if known.any():
        dates = retirement_dates(birth[known], g[known])
        out[known] = dates.to_numpy(dtype="datetime64[us]")
    return out


def cadre_retirement(features: Features) -> pd.Series:
    """Statutory retirement date of each active cadre (the planner's function)."""
    c = features.cadres
    return safe_retirement_dates(c["birth_date"], c["gender"])


def _retiring_before(features: Features, day: pd.Timestamp) -> tuple[np.ndarray, pd.Series]:
    """The rows of ``features.cadres`` of the cadres who may retire before ``day`` (those
    reaching the youngest statutory age by then) and their retirement dates (as
    :func:`cadre_retirement` gives them)."""
    c = features.cadres
    birth = c["birth_date"]
    youngest = min(base for base, *_ in _SCHEDULE.values())  # months
    # retirement falls in the month the age is reached, so born in a later month is later
    last_month = day.to_datetime64().astype("datetime64[M]") - np.timedelta64(youngest, "M")
    old = birth.to_numpy(dtype="datetime64[M]") <= last_month
    rows = np.flatnonzero(old)

    def dates(d: pd.DataFrame) -> pd.DataFrame:
        return safe_retirement_dates(d["birth"], d["gender"]).to_frame("ret")

    people = pd.DataFrame(
        {
            "birth": birth.iloc[rows].reset_index(drop=True),
            "gender": c["gender"].iloc[rows].reset_index(drop=True),
        }
    )
    ret = per_row(people, dates)["ret"]
    ret.index = c.index[rows]
    return rows, ret


def retirement_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """Active cadres past retirement, cadres retiring before a target's deadline, and
    cadres whose age is unknown (no birth date: kept by ``--skip-invalid``)."""
    c = features.cadres
    if len(c) == 0:
        return []
    day = pd.Timestamp(features.as_of)
    dl = deadlines(params)
    latest = pd.Timestamp(max(dl.values())) if dl else day
    row, ret = _retiring_before(features, max(day, latest))
    home = _home_rows(features)
    bloc = features.assignments["bloc"]
    out: list[Finding] = []

    # a cadre kept without a birth date (--skip-invalid): age unknown, never "not retiring"
    unknown = np.flatnonzero(c["birth_date"].isna().to_numpy())
    if len(unknown):
        f = pd.DataFrame(index=c.index[unknown])
        out += _build(
            f,
            rule="national.age_unknown",
            severity="info",
            kind="cadre",
            subject=f.index.to_series(),
            vi=pd.Series(label("finding_age_unknown", "vi"), index=f.index, dtype=object),
            en=pd.Series(label("finding_age_unknown", "en"), index=f.index, dtype=object),
            source=_cited(params, "national.age_unknown", RETIREMENT_SOURCE),
            body=_body_of_bloc(_at(bloc, home[unknown]), bodies),
            commune=c["commune"].iloc[unknown],
        )

    def past_texts(d: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(said("finding_past_retirement_age", month=_month(d["ret"])))

    past = (ret.notna() & (ret < day)).to_numpy()
    f = pd.DataFrame({"ret": ret[past]})
    if len(f):
        texts = per_row(f, past_texts)
        out += _build(
            f,
            rule="national.past_retirement_age",
            severity="warning",
            kind="cadre",
            subject=f.index.to_series(),
            vi=texts["vi"],
            en=texts["en"],
            source=_cited(params, "national.past_retirement_age", RETIREMENT_SOURCE),
            body=_body_of_bloc(_at(bloc, home[row[past]]), bodies),
            commune=c["commune"].iloc[row[past]],
        )

    if not dl:
        return out
    soon = (ret.notna() & (ret >= day) & (ret < latest)).to_numpy()
    f = pd.DataFrame({"ret": ret[soon]})
    if len(f):
        ids = sorted(dl)
        when = np.array([pd.Timestamp(dl[i]) for i in ids], dtype="datetime64[us]")
        names = np.array(ids, dtype=object)

        def soon_texts(d: pd.DataFrame) -> pd.DataFrame:
            after = d["ret"].to_numpy(dtype="datetime64[us]")[:, None] < when[None, :]
            lists = pd.Series([", ".join(names[hit]) for hit in after], dtype=object)
            texts = said("finding_retires_before_deadline", month=_month(d["ret"]), targets=lists)
            return pd.DataFrame(texts)

        texts = per_row(f, soon_texts)
        out += _build(
            f,
            rule="national.retires_before_deadline",
            severity="warning",
            kind="cadre",
            subject=f.index.to_series(),
            vi=texts["vi"],
            en=texts["en"],
            source=_cited(params, "national.retires_before_deadline", RETIREMENT_SOURCE),
            body=_body_of_bloc(_at(bloc, home[row[soon]]), bodies),
            commune=c["commune"].iloc[row[soon]],
        )
    return out


__all__ = [
    "cadre_retirement",
    "deadlines",
    "retirement_findings",
    "safe_retirement_dates",
]
