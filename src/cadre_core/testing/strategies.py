"""Hypothesis strategies for rosters, valid by construction.

Every builder is keyword-only, returns a :class:`hypothesis.strategies.SearchStrategy`
and accepts strategies for its parts, so that strategies compose the way those of
``hypothesis.extra.pandas`` do::

    from hypothesis import given
    from cadre_core.testing import strategies as cst

    @given(cst.rosters(max_cadres=8, communes=2, as_of=date(2026, 12, 31)))
    def test_something(roster): ...

Generated rosters look like Lai Châu communes: Vietnamese names, official ethnic group
names (mostly the province's minorities), agencies of both blocs, positions of every
category, degrees and political theory with blank or dated award days, trainings,
annual and quarterly ratings, and equipment. Dates cluster around the ``as_of`` day
(and fall exactly on it, or a day off, often), so that the "as of" boundaries are hit.

:func:`rosters` builds the canonical typed frames directly (fast enough for the default
health checks); ``validate=True`` sends them through :meth:`Roster.from_frames` instead,
which gives an equal roster (the test suite checks it) but is slower.
:func:`messy_frames` renders a roster the way a commune clerk might type it.
"""

from __future__ import annotations

import datetime as dt
import enum
import random
import unicodedata
from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import cache
from typing import Any, TypeVar

import numpy as np
import pandas as pd
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
from cadre_core.roster._schema import TABLE_BY_NAME, TABLE_NAMES, VALUE_ALIASES
from cadre_core.roster._validate import empty_frame
from cadre_core.vocab._enums import (
    Bloc,
    Category,
    EducationLevel,
    Gender,
    RatingLevel,
    TheoryLevel,
    TrainingTopic,
)
from cadre_core.vocab._ethnic import ETHNIC_ALIASES, ETHNIC_GROUPS, canonical_ethnicity

__all__ = [
    "DEFAULT_AS_OF",
    "agencies",
    "cadres",
    "canonical_frame",
    "dates",
    "ethnicities",
    "fractions",
    "full_names",
    "messy_frames",
    "positions",
    "rosters",
]

T = TypeVar("T")

#: The day generated dates cluster around when ``as_of`` is not given.
DEFAULT_AS_OF = dt.date(2026, 12, 31)
_PLAN_START = dt.date(2026, 1, 1)

# ------------------------------------------------------------------------ vocabularies

_FAMILY = (
    "Lò", "Lường", "Lò", "Tòng", "Quàng", "Cầm", "Điêu", "Giàng", "Vàng", "Sùng", "Thào",
    "Lý", "Tẩn", "Chảo", "Phàn", "Lù", "Pờ", "Chu", "Hà", "Hoàng", "Nguyễn", "Trần", "Lê",
    "Phạm", "Đỗ", "Vũ", "Bùi", "Đặng", "Tao", "Lìu",
)  # fmt: skip
_MIDDLE_MALE = ("Văn", "A", "Seo", "Mạnh", "Đức", "Quang", "Văn", "Minh", "Công", "Xuân")
_MIDDLE_FEMALE = ("Thị", "Thị", "Thu", "Thị Thu", "Mỹ", "Ngọc", "Thị Hồng", "Lò Thị")
_GIVEN_MALE = (
    "Biên", "Khánh", "Hùng", "Páo", "Chử", "Sơn", "Dũng", "Cường", "Tú", "Sình", "Pằn",
    "Phong", "Hải", "Thắng", "Sử", "Lếnh", "Chiến", "Nghĩa",
)  # fmt: skip
_GIVEN_FEMALE = (
    "Mỷ", "Lan", "Dung", "Hương", "Xuân", "Mai", "Say", "Sua", "Ly", "Thơm", "Yến",
    "Hằng", "Nhung", "Pà", "Mẩy", "Ngân",
)  # fmt: skip
_LAI_CHAU_GROUPS = ("Thái", "Mông", "Dao", "Hà Nhì", "Giáy", "Lự", "Khơ Mú", "Kinh", "La Hủ")
_FIELDS = (
    "Luật",
    "Quản lý công",
    "Kinh tế",
    "Hành chính học",
    "Xây dựng Đảng và Chính quyền nhà nước",
    "Công nghệ thông tin",
    "Kế toán",
    "Nông học",
    "Quản lý đất đai",
    "Văn hóa học",
    "Sư phạm",
)
_COMMUNES = (
    "Xã Mường Than",
    "Xã Bản Bo",
    "Xã Phúc Than",
    "Xã Nậm Tăm",
    "Xã Khổng Lào",
    "Xã Tả Lèng",
    "Xã Pa Tần",
    "Xã Sìn Hồ",
    "Xã Dào San",
    "Xã Mù Cả",
)
# agency templates: code suffix, name, bloc, the categories of its positions
_AGENCIES: tuple[tuple[str, str, Bloc, tuple[Category, ...]], ...] = (
    (
        "DU",
        "Đảng ủy xã",
        Bloc.PARTY_FRONT,
        (Category.PARTY_SECRETARY, Category.PARTY_DEPUTY_SECRETARY),
    ),
    ("UBKT", "Ủy ban Kiểm tra Đảng ủy", Bloc.PARTY_FRONT, (Category.INSPECTION_CHAIR,)),
    (
        "BXD",
        "Ban Xây dựng Đảng",
        Bloc.PARTY_FRONT,
        (Category.DEPARTMENT_HEAD, Category.DEPARTMENT_DEPUTY, Category.PROFESSIONAL),
    ),
    (
        "MTTQ",
        "Ủy ban MTTQ Việt Nam xã",
        Bloc.PARTY_FRONT,
        (Category.FRONT_CHAIR, Category.OTHER, Category.PROFESSIONAL),
    ),
    (
        "HDND",
        "Hội đồng nhân dân xã",
        Bloc.GOVERNMENT,
        (Category.COUNCIL_CHAIR, Category.COUNCIL_VICE_CHAIR),
    ),
    (
        "UBND",
        "Ủy ban nhân dân xã",
        Bloc.GOVERNMENT,
        (Category.COMMITTEE_CHAIR, Category.COMMITTEE_VICE_CHAIR),
    ),
    (
        "VP",
        "Văn phòng HĐND và UBND",
        Bloc.GOVERNMENT,
        (Category.DEPARTMENT_HEAD, Category.DEPARTMENT_DEPUTY, Category.PROFESSIONAL),
    ),
    (
        "PKT",
        "Phòng Kinh tế",
        Bloc.GOVERNMENT,
        (Category.DEPARTMENT_HEAD, Category.DEPARTMENT_DEPUTY, Category.PROFESSIONAL),
    ),
    (
        "PVH",
        "Phòng Văn hóa - Xã hội",
        Bloc.GOVERNMENT,
        (Category.DEPARTMENT_HEAD, Category.PROFESSIONAL, Category.OTHER),
    ),
)
_TITLES: Mapping[Category, str] = {
    Category.PARTY_SECRETARY: "Bí thư Đảng ủy",
    Category.PARTY_DEPUTY_SECRETARY: "Phó Bí thư Đảng ủy",
    Category.COUNCIL_CHAIR: "Chủ tịch HĐND",
    Category.COUNCIL_VICE_CHAIR: "Phó Chủ tịch HĐND",
    Category.COMMITTEE_CHAIR: "Chủ tịch UBND",
    Category.COMMITTEE_VICE_CHAIR: "Phó Chủ tịch UBND",
    Category.INSPECTION_CHAIR: "Chủ nhiệm Ủy ban Kiểm tra",
    Category.FRONT_CHAIR: "Chủ tịch Ủy ban MTTQ",
    Category.DEPARTMENT_HEAD: "Trưởng phòng",
    Category.DEPARTMENT_DEPUTY: "Phó Trưởng phòng",
    Category.PROFESSIONAL: "Chuyên viên",
    Category.OTHER: "Nhân viên hợp đồng",
}
_COURSES = (
    "Bồi dưỡng theo tiêu chuẩn vị trí việc làm",
    "Tập huấn vận hành chính quyền địa phương hai cấp",
    "Bình dân học vụ số",
    "Bồi dưỡng kiến thức quản lý nhà nước",
    "Tập huấn xử lý hồ sơ trên môi trường điện tử",
)
_ITEMS = ("desk_set", "cabinet", "computer", "phone", "printer")


_CADRE_IDS = st.from_regex(r"CB[0-9]{3}", fullmatch=True)
_AGENCY_CODES = st.from_regex(r"CQ[0-9]{2}", fullmatch=True)
_POSITION_CODES = st.from_regex(r"VT[0-9]{3}", fullmatch=True)
_BOOLS = st.booleans()
_BLOCS: SearchStrategy[Bloc | None] = st.sampled_from([Bloc.PARTY_FRONT, Bloc.GOVERNMENT])
_QUOTAS = st.sampled_from([1, 1, 1, 2, 3, 0])


def _years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years (29 February becomes 28 February)."""
    year = min(max(day.year + years, dt.MINYEAR), dt.MAXYEAR)
    return (
        day.replace(year=year, day=28)
        if (day.month, day.day) == (2, 29)
        else day.replace(year=year)
    )


def _resolve(value: T | SearchStrategy[T]) -> SearchStrategy[T]:
    return value if isinstance(value, SearchStrategy) else st.just(value)


# ---------------------------------------------------------------------------- scalars


def dates(
    *,
    min_value: dt.date = dt.date(1950, 1, 1),
    max_value: dt.date = dt.date(2035, 12, 31),
    near: Sequence[dt.date] = (),
) -> SearchStrategy[dt.date]:
    """Dates in ``[min_value, max_value]``; half of them on or a day next to ``near`` days.

    >>> d = dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 31))
    >>> isinstance(d.example(), dt.date)
    True
    """
    if min_value > max_value:
        raise ValueError("min_value is after max_value")
    anywhere = st.dates(min_value=min_value, max_value=max_value)
    close = sorted(
        {
            d + dt.timedelta(days=k)
            for d in near
            for k in (-1, 0, 1)
            if min_value <= d + dt.timedelta(days=k) <= max_value
        }
    )
    return st.one_of(st.sampled_from(close), anywhere) if close else anywhere


def fractions(
    *,
    min_value: Fraction | int = 0,
    max_value: Fraction | int = 1,
    max_denominator: int = 200,
) -> SearchStrategy[Fraction]:
    """Exact thresholds in ``[min_value, max_value]``, often the familiar ones (70%, 95%...).

    >>> 0 <= fractions().example() <= 1
    True
    """
    lo, hi = Fraction(min_value), Fraction(max_value)
    if lo > hi:
        raise ValueError("min_value is above max_value")
    common = [
        Fraction(n, 100)
        for n in (0, 1, 20, 25, 33, 50, 60, 70, 75, 80, 90, 95, 99, 100, 101, 150, 200)
    ] + [Fraction(1, 3), Fraction(2, 3), Fraction(1, 7)]
    familiar = [f for f in common if lo <= f <= hi]
    exact = st.fractions(min_value=lo, max_value=hi, max_denominator=max_denominator)
    return st.one_of(st.sampled_from(familiar), exact) if familiar else exact


def full_names(*, gender: Gender | str | None = None) -> SearchStrategy[str]:
    """Vietnamese full names as Lai Châu rosters hold them (NFC, single spaces).

    >>> len(full_names(gender="female").example().split()) >= 3
    True
    """
    g = None if gender is None else Gender(gender)

    @st.composite
    def build(draw: st.DrawFn) -> str:
        female = draw(st.booleans()) if g is None else g is Gender.FEMALE
        middle = _MIDDLE_FEMALE if female else _MIDDLE_MALE
        given = _GIVEN_FEMALE if female else _GIVEN_MALE
        return " ".join(
            (
                draw(st.sampled_from(_FAMILY)),
                draw(st.sampled_from(middle)),
                draw(st.sampled_from(given)),
            )
        )

    return build()


def ethnicities(*, minority: bool | None = None) -> SearchStrategy[str]:
    """Official ethnic-group names, mostly those of Lai Châu (Thái, Mông, Dao, ...).

    ``minority=True`` excludes Kinh, ``False`` gives only Kinh.

    >>> ethnicities(minority=False).example()
    'Kinh'
    """
    if minority is False:
        return st.just(ETHNIC_GROUPS[0].name)
    every = [g.name for g in ETHNIC_GROUPS]
    local = list(_LAI_CHAU_GROUPS)
    if minority:
        every = every[1:]
        local = [n for n in local if n != "Kinh"]
    return st.one_of(st.sampled_from(local), st.sampled_from(every))


# ---------------------------------------------------------------------------- objects
# Drawing helpers take the ``draw`` of an enclosing composite: nesting composites per
# row costs far more than drawing plain integers (and trips the too_slow health check).


def _pick(draw: st.DrawFn, seq: Sequence[T]) -> T:
    return seq[draw(st.integers(0, len(seq) - 1))]


def _one_in(draw: st.DrawFn, n: int) -> bool:
    return draw(st.integers(0, n - 1)) == 0


_ALL_GROUPS = tuple(g.name for g in ETHNIC_GROUPS)


def _draw_name(draw: st.DrawFn, female: bool) -> str:
    middle = _MIDDLE_FEMALE if female else _MIDDLE_MALE
    given = _GIVEN_FEMALE if female else _GIVEN_MALE
    return f"{_pick(draw, _FAMILY)} {_pick(draw, middle)} {_pick(draw, given)}"


def _draw_ethnicity(draw: st.DrawFn) -> str:
    return _pick(draw, _LAI_CHAU_GROUPS if draw(st.booleans()) else _ALL_GROUPS)


def _draw_cadre(
    draw: st.DrawFn,
    cadre_id: str,
    birth: dt.date,
    *,
    genders: SearchStrategy[Gender | None] | None = None,
    ethnicity: SearchStrategy[str | None] | None = None,
    is_local: SearchStrategy[bool] | None = None,
    left: dt.date | None = None,
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
    return Cadre(
        cadre_id=cadre_id,
        full_name=_draw_name(draw, female),
        birth_date=birth,
        gender=gender,
        ethnicity=group,
        is_local=draw(is_local if is_local is not None else st.booleans()),
        left_date=None if left is None else max(left, birth),
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


# ---------------------------------------------------------------------------- rosters


@cache
def _empty(table: str) -> pd.DataFrame:
    return empty_frame(TABLE_BY_NAME[table])


def _column(values: list[Any], dtype: Any) -> Any:
    if isinstance(dtype, pd.CategoricalDtype):
        return pd.Categorical(values, dtype=dtype)
    if dtype is np.dtype(bool):
        return np.asarray(values, dtype=bool)
    if str(dtype).startswith("datetime64"):
        return np.array(
            [np.datetime64("NaT") if v is None else np.datetime64(v, "us") for v in values],
            dtype=dtype,
        )
    return pd.array(values, dtype=dtype)


def _value(value: Any) -> Any:
    if isinstance(value, tuple):
        return ";".join(str(x) for x in value) if value else None
    if isinstance(value, enum.Enum):
        return value.value
    return value


def canonical_frame(table: str, objects: Sequence[Any]) -> pd.DataFrame:
    """Domain objects to ``table``'s canonical typed frame, without validation.

    The objects must already be valid and canonical (NFC text with single spaces,
    official ethnic names, topics in code order); the result then equals what
    :meth:`Roster.from_frames` makes of them.
    """
    empty = _empty(table)
    if not objects:
        return empty
    columns: dict[str, Any] = {}
    for name, dtype in empty.dtypes.items():
        values = [_value(getattr(o, str(name))) for o in objects]
        if name == "accepted_fields":
            values = [None if v is None else v.replace(";", "; ") for v in values]
        columns[str(name)] = _column(values, dtype)
    return pd.DataFrame(columns)


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
) -> Roster:
    day = draw(_resolve(as_of)) if as_of is not None else DEFAULT_AS_OF
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
        cad = _draw_cadre(draw, cid, birth, left=left)
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
            assignment_objs.append(Assignment(cid, pcode, begin, end))
        adult = (_years(cad.birth_date, 18) - day).days
        for _ in range(draw(st.sampled_from([0, 1, 1, 2, 2, 3]))):
            award = None
            if draw(st.integers(0, 2)) > 0:
                award = _shift(draw, day, min(adult, 2 * _YEAR), 2 * _YEAR)
            field = None if _one_in(draw, 12) else _pick(draw, fields or _FIELDS)
            degree_objs.append(Degree(cid, _pick(draw, levels), field, award))
        for _ in range(draw(st.sampled_from([0, 1, 1, 2]))):
            award = None
            if draw(st.integers(0, 2)) > 0:
                award = _shift(draw, day, min(adult, 2 * _YEAR), 2 * _YEAR)
            theory_objs.append(TheoryCertificate(cid, _pick(draw, theories), award))
        for _ in range(draw(st.integers(0, 3))):
            mask = draw(st.integers(1, 2 ** len(order) - 1)) if _one_in(draw, 4) else 0
            if not mask:
                mask = 1 << draw(st.integers(0, len(order) - 1))
                if draw(st.booleans()):
                    mask |= 1 << draw(st.integers(0, len(order) - 1))
            topics = tuple(t for k, t in enumerate(order) if mask >> k & 1)
            around = to_plan if draw(st.booleans()) else 0
            done = _shift(draw, day, min(to_plan - _YEAR, -_YEAR), _YEAR, near=around)
            training_objs.append(
                Training(cid, topics, done, None if _one_in(draw, 3) else _pick(draw, _COURSES))
            )
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
    )


# ---------------------------------------------------------------------- messy renderer

_MESSY_TRUE = ("x", "X", "có", "Có", "1", "true", "TRUE")
_MESSY_FALSE = ("", "không", "Không", "0", "false")


@cache
def _value_spellings(codes: str) -> Mapping[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for alias, code in VALUE_ALIASES[codes].items():
        out.setdefault(code, []).append(alias)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _ethnic_spellings(name: str) -> tuple[str, ...]:
    found = [k for k, v in ETHNIC_ALIASES.items() if v == name]
    found += [name, name.upper(), name.lower()]
    return tuple(s for s in dict.fromkeys(found) if canonical_ethnicity(s) == name)


def _recase(text: str, rnd: random.Random) -> str:
    style = rnd.randrange(4)
    if style == 1:
        return text.upper()
    if style == 2:
        return text[:1].upper() + text[1:]
    return text


def _nfd(text: str, rnd: random.Random) -> str:
    return unicodedata.normalize("NFD", text) if rnd.random() < 0.5 else text


def _messy_date(value: pd.Timestamp, rnd: random.Random) -> object:
    style = rnd.randrange(5)
    if style == 0:
        return value.to_pydatetime()
    if style == 1:
        return value.date().isoformat()
    if style == 2:
        return f"{value.day}/{value.month}/{value.year}"
    return value.strftime("%d/%m/%Y")


def _messy_cell(kind: str, codes: str | None, value: Any, rnd: random.Random) -> object:
    if kind == "bool":
        return rnd.choice(_MESSY_TRUE if value else _MESSY_FALSE)
    if value is None or value is pd.NA or value is pd.NaT or value != value:
        return rnd.choice([None, "", "  "])
    if kind == "date":
        return _messy_date(pd.Timestamp(str(value)), rnd)
    if kind == "int":
        number = int(str(value))
        return rnd.choice([number, str(number), float(number), f" {number} "])
    text = str(value)
    if kind == "code":
        assert codes is not None
        return _nfd(_recase(rnd.choice(_value_spellings(codes)[text]), rnd), rnd)
    if kind == "ethnicity":
        return _nfd(rnd.choice(_ethnic_spellings(text)), rnd)
    if kind == "topics":
        spellings = _value_spellings("topic")
        items = [rnd.choice(spellings[t]) for t in text.split(";")]
        if rnd.random() < 0.3:
            items.append(items[0])
        rnd.shuffle(items)
        return _nfd(rnd.choice([";", "; ", ", ", " ; "]).join(items), rnd)
    if kind == "fields":
        return _nfd(rnd.choice([";", ", ", " ; "]).join(text.split("; ")), rnd)
    if kind == "id":
        return rnd.choice([text, f" {text} ", text])
    return _nfd(rnd.choice([text, f" {text}", text.replace(" ", "  ")]), rnd)


def messy_frames(roster: Roster) -> SearchStrategy[dict[str, pd.DataFrame]]:
    """The roster's tables as a commune clerk might type them; they read back equal.

    Headers become Vietnamese aliases from the schema (any case, NFC or NFD); codes become
    value aliases ("Nữ", "Thạc sỹ", "HTXSNV", ...); booleans "x"/blank, "có"/"không" or
    1/0; dates real dates, ISO text or day-first text ("01/03/2026", "1/3/2026"); numbers
    text or floats; about half of the text cells NFD; blanks ``None``, "" or spaces; topic
    lists shuffled, repeated and separated by ";" or ",". Row order is kept, so
    ``Roster.from_frames(frames) == roster``.
    """

    def header(col: Any, rnd: random.Random) -> str:
        names = [col.name, *col.aliases]
        choice = rnd.choice(names[1:] or names)
        return _nfd(_recase(choice, rnd), rnd)

    def render(seeds: Sequence[int]) -> dict[str, pd.DataFrame]:
        out: dict[str, pd.DataFrame] = {}
        for seed, tname in zip(seeds, TABLE_NAMES, strict=True):
            rnd = random.Random(seed)
            table = TABLE_BY_NAME[tname]
            frame = roster.tables[tname]
            cols: dict[str, list[object]] = {}
            for col in table.columns:
                values = frame[col.name].astype(object).tolist()
                cells = [_messy_cell(col.kind, col.codes, v, rnd) for v in values]
                cols[header(col, rnd)] = cells
            out[tname] = pd.DataFrame(cols, dtype=object)
        return out

    seeds = st.lists(
        st.integers(0, 2**32 - 1), min_size=len(TABLE_NAMES), max_size=len(TABLE_NAMES)
    )
    return seeds.map(render)
