"""The roster strategy: whole rosters, valid by construction, with dates around ``as_of``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from cadre_core.roster._model import (
    Agency,
    Assignment,
    Cadre,
    Degree,
    EquipmentItem,
    Position,
    Rating,
    TheoryCertificate,
    Training,
)
from cadre_core.roster._roster import Roster
from cadre_core.roster._schema import FORM_FIELDS, TABLE_NAMES
from cadre_core.testing.strategies._common import (
    _AGENCIES,
    _COMMUNES,
    _COURSES,
    _FIELDS,
    _ITEMS,
    _PLAN_START,
    DEFAULT_AS_OF,
    _one_in,
    _pick,
    _resolve,
    _years,
)
from cadre_core.testing.strategies._frames import canonical_frame
from cadre_core.testing.strategies._records import _draw_cadre, _draw_position
from cadre_core.vocab._enums import (
    Category,
    EducationLevel,
    RatingLevel,
    StudyMode,
    StudyPlace,
    TheoryLevel,
    TrainingTopic,
)

_NEAR = st.sampled_from([-1, 0, 1])
_BIRTH_START = dt.date(1965, 1, 1)
_BIRTH_SPAN = (dt.date(2003, 12, 31) - _BIRTH_START).days
_YEAR = 365


def _shift(draw: st.DrawFn, base: dt.date, lo: int, hi: int, *, near: int = 0) -> dt.date:
    """``base`` moved by a drawn number of days in ``[lo, hi]``; often ``near`` +- 1 day."""
    if draw(st.booleans()):
        days = min(max(near + draw(_NEAR), lo), hi)
    else:
        days = draw(st.integers(lo, hi))
    return base + dt.timedelta(days=days)


def _place(draw: st.DrawFn) -> StudyPlace | None:
    """Where a degree or a course was taken: blank in a third of the cases, else mostly
    in Viet Nam."""
    if _one_in(draw, 3):
        return None
    return _pick(
        draw, (StudyPlace.DOMESTIC, StudyPlace.DOMESTIC, StudyPlace.ABROAD, StudyPlace.JOINT)
    )


@st.composite
def _roster(
    draw: st.DrawFn,
    *,
    fields: tuple[str, ...],
    min_cadres: int,
    max_cadres: int,
    communes: int | SearchStrategy[int],
    as_of: dt.date | SearchStrategy[dt.date] | None,
    categories: tuple[Category, ...],
    name: str,
    validate: bool,
    form_fields_of: bool | SearchStrategy[bool],
) -> Roster:
    day = draw(_resolve(as_of)) if as_of is not None else DEFAULT_AS_OF
    form_fields = draw(_resolve(form_fields_of))
    n_communes = draw(_resolve(communes))
    if n_communes < 1:
        raise ValueError("a roster has at least one commune")
    first = draw(st.integers(0, len(_COMMUNES) - 1))
    names = [_COMMUNES[(first + k) % len(_COMMUNES)] for k in range(min(n_communes, 10))]
    names += [f"Xã Số {k + 1}" for k in range(10, n_communes)]
    blank_commune = n_communes == 1 and draw(st.integers(0, 4)) == 0
    wanted = set(categories)
    templates = [t for t in _AGENCIES if wanted & set(t[3])]

    agency_objs: list[Agency] = []
    position_objs: list[Position] = []
    by_commune: list[list[str]] = []
    for ci, commune in enumerate(names):
        prefix = f"X{ci + 1}"
        n_agencies = draw(st.integers(1, min(5, len(templates))))
        start = draw(st.integers(0, len(templates) - 1))
        codes: list[str] = []
        for k in range(n_agencies):
            suffix, agency_name, bloc, cats = templates[(start + 2 * k) % len(templates)]
            code = f"{prefix}-{suffix}"
            if any(a.agency_code == code for a in agency_objs):
                continue
            has_bloc = draw(st.integers(0, 9)) > 0
            agency_objs.append(
                Agency(
                    code,
                    agency_name,
                    None if blank_commune else commune,
                    bloc if has_bloc else None,
                )
            )
            own = [c for c in cats if c in wanted] or list(categories)
            for j in range(draw(st.integers(1, 3))):
                pcode = f"{code}-{j + 1}"
                position_objs.append(_draw_position(draw, pcode, code, own, fields=fields))
                codes.append(pcode)
        by_commune.append(codes)

    cadre_objs: list[Cadre] = []
    assignment_objs: list[Assignment] = []
    degree_objs: list[Degree] = []
    theory_objs: list[TheoryCertificate] = []
    training_objs: list[Training] = []
    rating_objs: list[Rating] = []
    year = day.year if (day.month, day.day) == (12, 31) else day.year - 1
    to_plan = (_PLAN_START - day).days
    order = list(TrainingTopic)
    levels, theories, grades = list(EducationLevel), list(TheoryLevel), list(RatingLevel)
    for i in range(draw(st.integers(min_cadres, max_cadres))):
        cid = f"CB{i + 1:03d}"
        birth = _BIRTH_START + dt.timedelta(days=draw(st.integers(0, _BIRTH_SPAN)))
        left = _shift(draw, day, -2 * _YEAR, 2 * _YEAR) if _one_in(draw, 5) else None
        cad = _draw_cadre(draw, cid, birth, left=left, form_fields=form_fields)
        cadre_objs.append(cad)
        home = by_commune[draw(st.integers(0, n_communes - 1))]
        for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2, 2, 3])) if home else 0):
            begin = _shift(draw, day, -6 * _YEAR, _YEAR, near=draw(st.sampled_from([0, 1])))
            end = None
            mode = draw(st.integers(0, 3))
            if mode == 2:
                end = max(begin, day + dt.timedelta(days=draw(_NEAR)))
            elif mode == 3:
                end = begin + dt.timedelta(days=draw(st.integers(0, 3 * _YEAR)))
            pcode = home[draw(st.integers(0, len(home) - 1))]
            rotation = form_fields and _one_in(draw, 8)
            assignment_objs.append(Assignment(cid, pcode, begin, end, rotation))
        adult = (_years(cad.birth_date, 18) - day).days
        for _ in range(draw(st.sampled_from([0, 1, 1, 2, 2, 3]))):
            award = None
            if draw(st.integers(0, 2)) > 0:
                award = _shift(draw, day, min(adult, 2 * _YEAR), 2 * _YEAR)
            field = None if _one_in(draw, 12) else _pick(draw, fields or _FIELDS)
            place = _place(draw) if form_fields else None
            degree_objs.append(Degree(cid, _pick(draw, levels), field, award, place))
        for _ in range(draw(st.sampled_from([0, 1, 1, 2]))):
            award = None
            if draw(st.integers(0, 2)) > 0:
                award = _shift(draw, day, min(adult, 2 * _YEAR), 2 * _YEAR)
            how = None if not form_fields or _one_in(draw, 3) else _pick(draw, list(StudyMode))
            theory_objs.append(TheoryCertificate(cid, _pick(draw, theories), award, how))
        for _ in range(draw(st.integers(0, 3))):
            mask = draw(st.integers(1, 2 ** len(order) - 1)) if _one_in(draw, 4) else 0
            if not mask:
                mask = 1 << draw(st.integers(0, len(order) - 1))
                if draw(st.booleans()):
                    mask |= 1 << draw(st.integers(0, len(order) - 1))
            topics = tuple(t for k, t in enumerate(order) if mask >> k & 1)
            around = to_plan if draw(st.booleans()) else 0
            done = _shift(draw, day, min(to_plan - _YEAR, -_YEAR), _YEAR, near=around)
            course = None if _one_in(draw, 3) else _pick(draw, _COURSES)
            place = _place(draw) if form_fields else None
            training_objs.append(Training(cid, topics, done, course, place))
        for y in (year - 1, year, year + 1):
            if draw(st.integers(0, 3)) == 0:
                continue
            rating_objs.append(Rating(cid, y, _pick(draw, grades)))
            if draw(st.integers(0, 3)) == 0:
                quarter = draw(st.integers(1, 4))
                rating_objs.append(Rating(cid, y, _pick(draw, grades), quarter))

    equipment_objs: list[EquipmentItem] = []
    for ag in agency_objs:
        for item in _ITEMS:
            if draw(st.booleans()):
                equipment_objs.append(EquipmentItem(ag.agency_code, item, draw(st.integers(0, 6))))

    objects: dict[str, Sequence[Any]] = {
        "cadres": cadre_objs,
        "agencies": agency_objs,
        "positions": position_objs,
        "assignments": assignment_objs,
        "degrees": degree_objs,
        "theory": theory_objs,
        "trainings": training_objs,
        "ratings": rating_objs,
        "equipment": equipment_objs,
    }
    frames = {t: canonical_frame(t, objects.get(t, ())) for t in TABLE_NAMES}
    if not form_fields:  # the input had none of these columns: the roster informs none
        for field in FORM_FIELDS:
            table, column = field.split(".")
            frames[table] = frames[table].drop(columns=[column])
    if validate:
        return Roster.from_frames(frames, name=name)
    return Roster(frames, name=name)


def rosters(
    *,
    min_cadres: int = 1,
    max_cadres: int = 12,
    communes: int | SearchStrategy[int] = 1,
    as_of: dt.date | SearchStrategy[dt.date] | None = None,
    categories: Sequence[Category | str] | None = None,
    name: str = "roster",
    validate: bool = False,
    form_fields: bool | SearchStrategy[bool] = True,
) -> SearchStrategy[Roster]:
    """Rosters valid by construction: unique ids, existing references, ordered dates.

    ``communes`` communes (an int or a strategy), each with one to five agencies of both
    blocs and one to three positions per agency, of ``categories`` (default: every
    category); ``min_cadres`` to ``max_cadres`` cadres in all, each assigned (0 to 3
    times) only to positions of its own commune. Dates cluster around ``as_of`` (default
    :data:`DEFAULT_AS_OF`): assignments starting or ending on it or a day off, people
    leaving on it, degrees and theory awarded blank or on either side of it, trainings
    on either side of the plan start (2026-01-01) and of ``as_of``, annual and quarterly
    ratings for the years around its rating year. A single commune is sometimes left
    blank in ``agencies`` (blank means the only one).

    Frames are built canonical and typed directly; ``validate=True`` builds the roster
    with :meth:`Roster.from_frames` instead (equal, but slow: suppress
    ``HealthCheck.too_slow``).

    ``form_fields`` (a bool or a strategy of bools): whether the rosters carry the
    columns of :data:`~cadre_core.roster.FORM_FIELDS` (party membership, grade, ...);
    without them the roster informs none of them (:meth:`Roster.informs`).

    >>> r = rosters(max_cadres=3).example()
    >>> 1 <= len(r.cadres) <= 3
    True
    """
    if not 0 <= min_cadres <= max_cadres:
        raise ValueError("need 0 <= min_cadres <= max_cadres")
    cats = tuple(Category(c) for c in (categories or list(Category)))
    if not cats:
        raise ValueError("categories cannot be empty")
    return _roster(
        fields=_FIELDS,
        min_cadres=min_cadres,
        max_cadres=max_cadres,
        communes=communes,
        as_of=as_of,
        categories=cats,
        name=name,
        validate=validate,
        form_fields_of=form_fields,
    )
