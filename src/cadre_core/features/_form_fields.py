"""The fields the official forms count, as feature columns (:data:`FORM_FEATURES`): those
that do not depend on the day computed once per roster, the dated ones (Party membership,
years of social insurance) per day; each blank for every cadre when the roster does not
inform its column. And :func:`whole_years`, the one count of whole years between days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from cadre_core.features._keys import map_values
from cadre_core.roster._values import NO_RELIGION
from cadre_core.vocab._enums import CivilServiceGrade


def whole_years(start: pd.Series, day: dt.date) -> pd.Series:
    """Whole years from each date in ``start`` to ``day`` (an anniversary counts on the
    day itself; 29 February on 1 March in common years), as ``Int64``; a blank date gives
    a blank. Vectorised.

    >>> s = pd.Series(pd.to_datetime(["1986-12-31", "1987-01-01", "2000-02-29", None]))
    >>> whole_years(s, dt.date(2026, 12, 31)).tolist()
    [40, 39, 26, <NA>]
    """
    dates = pd.to_datetime(start)
    before = (dates.dt.month > day.month) | (
        (dates.dt.month == day.month) & (dates.dt.day > day.day)
    )
    years = day.year - dates.dt.year - before.astype("int64")
    return years.astype("Int64")


FORM_FEATURES: tuple[str, ...] = (
    "is_party_member",
    "has_religion",
    "grade",
    "grade_rank",
    "state_management",
    "it_level",
    "foreign_language",
    "ethnic_language",
    "general_education",
    "academic_title",
    "professional_basic",
    "insurance_years",
    "party_committee",
    "party_standing",
    "inspection_committee",
    "council_deputy",
)
"""The ``cadres`` feature columns of the fields the official forms count (each blank for
every cadre when the roster does not inform its column)."""

# feature column -> the roster column it comes from
_FORM_SOURCES: Mapping[str, str] = {
    "is_party_member": "party_join_date",
    "has_religion": "religion",
    "grade_rank": "grade",
    "insurance_years": "insurance_start",
}

_FLAGS = (
    "ethnic_language",
    "professional_basic",
    "party_committee",
    "party_standing",
    "inspection_committee",
)


_DATED_FORM_FEATURES = ("is_party_member", "insurance_years")


def _blank_uninformed(
    out: dict[str, pd.Series], index: pd.Index, informs: Mapping[str, bool]
) -> dict[str, pd.Series]:
    """``out``'s columns over ``index``, blank where the roster does not inform their
    source column (``informs``: per roster column of ``cadres``)."""
    for name, values in out.items():
        source = _FORM_SOURCES.get(name, name)
        if not informs[source]:
            values = values.where(pd.Series(False, index=index))
        values.index = index
        out[name] = values
    return out


def _undated_form_features(cadres: pd.DataFrame, informs: Mapping[str, bool]) -> pd.DataFrame:
    """The :data:`FORM_FEATURES` that do not depend on the day, one row per row of
    ``cadres`` (in order, a fresh range index): computed once per roster."""
    out: dict[str, pd.Series] = {}
    religion = cadres["religion"].astype(object).str.casefold().str.strip()
    out["has_religion"] = (religion.notna() & ~religion.isin(NO_RELIGION)).astype("boolean")
    out["grade"] = cadres["grade"]
    out["grade_rank"] = (
        map_values(cadres["grade"], CivilServiceGrade.ranks()).astype("float64").astype("Int64")
    )
    for column in ("state_management", "it_level", "foreign_language"):
        out[column] = cadres[column]
    out["general_education"] = cadres["general_education"]
    out["academic_title"] = cadres["academic_title"]
    for column in _FLAGS:
        out[column] = cadres[column].astype("boolean")
    out["council_deputy"] = cadres["council_deputy"]
    out = _blank_uninformed(out, cadres.index, informs)
    return pd.DataFrame({name: values.reset_index(drop=True) for name, values in out.items()})


def _form_features(
    cadres: pd.DataFrame,
    day: pd.Timestamp,
    informs: Mapping[str, bool],
    undated: pd.DataFrame,
) -> dict[str, pd.Series]:
    """The :data:`FORM_FEATURES` of the active ``cadres`` on ``day``; ``informs`` says per
    roster column of ``cadres`` whether the roster informs it; ``undated`` holds the
    columns that do not depend on the day, one row per cadre of ``cadres``."""
    out: dict[str, pd.Series] = {}
    joined = cadres["party_join_date"]
    out["is_party_member"] = (joined.notna() & (joined <= day)).astype("boolean")
    years = whole_years(cadres["insurance_start"], day.date())
    out["insurance_years"] = years.clip(lower=0)
    out = _blank_uninformed(out, cadres.index, informs)
    undated = undated.set_axis(cadres.index)
    return {
        name: out[name] if name in _DATED_FORM_FEATURES else undated[name] for name in FORM_FEATURES
    }
