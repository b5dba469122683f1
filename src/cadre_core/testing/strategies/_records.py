"""Strategies for roster records: :class:`Cadre`, :class:`Agency` and :class:`Position` objects."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from cadre_core.roster._model import (
    Agency,
    Cadre,
    Position,
)
from cadre_core.testing.strategies._common import (
    _AGENCIES,
    _AGENCY_CODES,
    _BLOCS,
    _BOOLS,
    _CADRE_IDS,
    _FIELDS,
    _POSITION_CODES,
    _QUOTAS,
    _RELIGIONS,
    _TITLES,
    _draw_ethnicity,
    _draw_name,
    _one_in,
    _pick,
    _resolve,
    _years,
)
from cadre_core.testing.strategies._scalars import dates
from cadre_core.vocab._enums import (
    AcademicTitle,
    Bloc,
    Category,
    CivilServiceGrade,
    CouncilLevel,
    EducationLevel,
    Gender,
    GeneralEducation,
    ItLevel,
    LanguageLevel,
    StateManagementLevel,
    TheoryLevel,
)

T = TypeVar("T")


def _maybe(rnd: random.Random, values: Sequence[T], blank_one_in: int) -> T | None:
    """One of ``values``, or None once in ``blank_one_in`` draws."""
    return None if rnd.randrange(blank_one_in) == 0 else rnd.choice(values)


def _day_after(rnd: random.Random, birth: dt.date, lo: int, hi: int) -> dt.date:
    """A day between ``lo`` and ``hi`` years after ``birth``."""
    return _years(birth, lo) + dt.timedelta(days=rnd.randrange(365 * (hi - lo) + 1))


def _form_fields(draw: st.DrawFn, birth: dt.date) -> dict[str, Any]:
    """The fields the official forms count (roster-format.md), drawn for one cadre from
    one drawn seed (a draw per field would make the strategy too slow for its health
    checks)."""
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    return {
        "party_join_date": None if rnd.randrange(3) == 0 else _day_after(rnd, birth, 18, 45),
        "religion": rnd.choice(_RELIGIONS) if rnd.randrange(4) == 0 else None,
        "grade": _maybe(rnd, list(CivilServiceGrade), 3),
        "state_management": _maybe(rnd, list(StateManagementLevel), 2),
        "it_level": _maybe(rnd, list(ItLevel), 3),
        "foreign_language": _maybe(rnd, list(LanguageLevel), 3),
        "ethnic_language": rnd.random() < 0.5,
        "general_education": _maybe(rnd, list(GeneralEducation), 6),
        "academic_title": rnd.choice(list(AcademicTitle)) if rnd.randrange(12) == 0 else None,
        "professional_basic": rnd.randrange(6) == 0,
        "insurance_start": None if rnd.randrange(4) == 0 else _day_after(rnd, birth, 18, 45),
        "party_committee": rnd.randrange(3) == 0,
        "party_standing": rnd.randrange(6) == 0,
        "inspection_committee": rnd.randrange(6) == 0,
        "council_deputy": tuple(c for c in CouncilLevel if rnd.randrange(3) == 0),
    }


def _draw_cadre(
    draw: st.DrawFn,
    cadre_id: str,
    birth: dt.date,
    *,
    genders: SearchStrategy[Gender | None] | None = None,
    ethnicity: SearchStrategy[str | None] | None = None,
    is_local: SearchStrategy[bool] | None = None,
    left: dt.date | None = None,
    form_fields: bool = True,
) -> Cadre:
    if genders is not None:
        gender = draw(genders)
    else:
        gender = None if _one_in(draw, 12) else _pick(draw, (Gender.MALE, Gender.FEMALE))
    if ethnicity is not None:
        group = draw(ethnicity)
    else:
        group = None if _one_in(draw, 15) else _draw_ethnicity(draw)
    female = gender is Gender.FEMALE or (gender is None and draw(st.booleans()))
    extra = _form_fields(draw, birth) if form_fields else {}
    return Cadre(
        cadre_id=cadre_id,
        full_name=_draw_name(draw, female),
        birth_date=birth,
        gender=gender,
        ethnicity=group,
        is_local=draw(is_local if is_local is not None else st.booleans()),
        left_date=None if left is None else max(left, birth),
        **extra,
    )


def _draw_position(
    draw: st.DrawFn,
    position_code: str,
    agency_code: str | None,
    categories: Sequence[Category],
    quotas: SearchStrategy[int] | None = None,
    fields: Sequence[str] = (),
) -> Position:
    category = _pick(draw, categories)
    chosen: tuple[str, ...] = ()
    if len(fields) > 0 and draw(st.booleans()):
        first = draw(st.integers(0, len(fields) - 1))
        size = draw(st.integers(1, min(3, len(fields))))
        chosen = tuple(fields[(first + 3 * k) % len(fields)] for k in range(size))
        chosen = tuple(dict.fromkeys(chosen))
    education = list(EducationLevel)
    theory = list(TheoryLevel)
    return Position(
        position_code=position_code,
        title=_TITLES[category],
        agency_code=agency_code,
        category=category,
        quota=draw(quotas) if quotas is not None else _pick(draw, (1, 1, 1, 2, 3, 0)),
        min_education=None if _one_in(draw, 3) else _pick(draw, education),
        min_theory=None if _one_in(draw, 3) else _pick(draw, theory),
        accepted_fields=chosen,  # type: ignore[arg-type]  # attrs converter=tuple
        sensitive=draw(st.booleans()),
        elected=category.is_leadership and not _one_in(draw, 4),
    )


def cadres(
    *,
    cadre_id: str | SearchStrategy[str] = _CADRE_IDS,
    birth_dates: SearchStrategy[dt.date] | None = None,
    genders: SearchStrategy[Gender | None] | None = None,
    ethnicity: SearchStrategy[str | None] | None = None,
    is_local: SearchStrategy[bool] = _BOOLS,
    left_dates: SearchStrategy[dt.date | None] | None = None,
) -> SearchStrategy[Cadre]:
    """:class:`Cadre` objects with a name that fits the gender and an official ethnicity.

    Defaults: born 1965-2003, gender and ethnicity blank now and then (otherwise mostly
    Lai Châu's groups), no left date in three cases of four (otherwise a day in
    2025-2028, never before the birth date).

    >>> cadres(cadre_id="C001").example().cadre_id
    'C001'
    """
    born = (
        birth_dates
        if birth_dates is not None
        else dates(min_value=dt.date(1965, 1, 1), max_value=dt.date(2003, 12, 31))
    )
    default_left = dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2028, 12, 31))

    @st.composite
    def build(draw: st.DrawFn) -> Cadre:
        if left_dates is not None:
            left = draw(left_dates)
        else:
            left = draw(default_left) if _one_in(draw, 4) else None
        return _draw_cadre(
            draw,
            draw(_resolve(cadre_id)),
            draw(born),
            genders=genders,
            ethnicity=ethnicity,
            is_local=is_local,
            left=left,
        )

    return build()


def agencies(
    *,
    agency_code: str | SearchStrategy[str] = _AGENCY_CODES,
    commune: str | SearchStrategy[str | None] | None = None,
    blocs: SearchStrategy[Bloc | None] = _BLOCS,
) -> SearchStrategy[Agency]:
    """:class:`Agency` objects named after a commune body (Đảng ủy, UBND, phòng...).

    >>> agencies(agency_code="UBND", commune="Xã Bản Bo").example().commune
    'Xã Bản Bo'
    """

    @st.composite
    def build(draw: st.DrawFn) -> Agency:
        _, name, _, _ = _pick(draw, _AGENCIES)
        return Agency(
            agency_code=draw(_resolve(agency_code)),
            name=name,
            commune=draw(_resolve(commune)),
            bloc=draw(blocs),
        )

    return build()


def positions(
    *,
    position_code: str | SearchStrategy[str] = _POSITION_CODES,
    agency_code: str | SearchStrategy[str | None] | None = None,
    categories: Sequence[Category | str] | None = None,
    quotas: SearchStrategy[int] = _QUOTAS,
    fields: Sequence[str] = _FIELDS,
) -> SearchStrategy[Position]:
    """:class:`Position` objects of the given categories (default: every category).

    ``min_education`` and ``min_theory`` are blank one time in three (for leadership
    positions the plugin's default standard then applies); ``accepted_fields`` lists one
    to three of ``fields`` about half of the time (never when ``fields`` is empty).

    >>> positions(categories=["committee_vice_chair"]).example().category.value
    'committee_vice_chair'
    """
    cats = [Category(c) for c in (categories or list(Category))]
    if not cats:
        raise ValueError("categories cannot be empty")
    field_names = tuple(fields)

    @st.composite
    def build(draw: st.DrawFn) -> Position:
        return _draw_position(
            draw,
            draw(_resolve(position_code)),
            draw(_resolve(agency_code)),
            cats,
            quotas,
            field_names,
        )

    return build()
