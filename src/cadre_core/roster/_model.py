"""The domain model: frozen, slotted, validated attrs classes, one per roster row.

Bulk work goes file -> DataFrame; these classes are the typed boundary for programs that
build or inspect rosters object by object.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs
import pandas as pd
from attrs import validators as v

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
    RatingLevel,
    StateManagementLevel,
    StudyMode,
    StudyPlace,
    TheoryLevel,
    TrainingTopic,
)


def _nonblank(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value or not value.strip():
        raise ValueError(f"{attribute.name} must not be blank")


def _ethnicity(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    from cadre_core.vocab._ethnic import canonical_ethnicity

    if value is not None and canonical_ethnicity(value) != value:
        raise ValueError(f"{attribute.name} {value!r} is not an official ethnic group name")


_opt_date = v.optional(v.instance_of(dt.date))


def _gender(value: Any) -> Gender | None:
    return None if value is None else Gender(value)


def _bloc(value: Any) -> Bloc | None:
    return None if value is None else Bloc(value)


def _category(value: Any) -> Category | None:
    return None if value is None else Category(value)


def _education(value: Any) -> EducationLevel | None:
    return None if value is None else EducationLevel(value)


def _theory(value: Any) -> TheoryLevel | None:
    return None if value is None else TheoryLevel(value)


def _topics(values: Any) -> tuple[TrainingTopic, ...]:
    return tuple(TrainingTopic(x) for x in values)


def _grade(value: Any) -> CivilServiceGrade | None:
    return None if value is None else CivilServiceGrade(value)


def _state_management(value: Any) -> StateManagementLevel | None:
    return None if value is None else StateManagementLevel(value)


def _it_level(value: Any) -> ItLevel | None:
    return None if value is None else ItLevel(value)


def _language(value: Any) -> LanguageLevel | None:
    return None if value is None else LanguageLevel(value)


def _general_education(value: Any) -> GeneralEducation | None:
    return None if value is None else GeneralEducation(value)


def _academic_title(value: Any) -> AcademicTitle | None:
    return None if value is None else AcademicTitle(value)


def _study_place(value: Any) -> StudyPlace | None:
    return None if value is None else StudyPlace(value)


def _study_mode(value: Any) -> StudyMode | None:
    return None if value is None else StudyMode(value)


def _councils(values: Any) -> tuple[CouncilLevel, ...]:
    return tuple(CouncilLevel(x) for x in values)


@attrs.frozen(slots=True)
class Cadre:
    """A person employed in the commune's political system (cán bộ, công chức).

    >>> Cadre("C001", "Lò Văn Biên", dt.date(1985, 3, 12), Gender.MALE, "Thái").is_minority
    True
    """

    cadre_id: str = attrs.field(validator=_nonblank)
    full_name: str = attrs.field(validator=_nonblank, repr=False)
    birth_date: dt.date = attrs.field(validator=v.instance_of(dt.date), repr=False)
    gender: Gender | None = attrs.field(default=None, converter=_gender)
    ethnicity: str | None = attrs.field(default=None, validator=_ethnicity)
    is_local: bool = False
    left_date: dt.date | None = attrs.field(default=None, validator=_opt_date)
    # the fields the official forms count (roster-format.md)
    party_join_date: dt.date | None = attrs.field(default=None, validator=_opt_date)
    religion: str | None = None
    grade: CivilServiceGrade | None = attrs.field(default=None, converter=_grade)
    state_management: StateManagementLevel | None = attrs.field(
        default=None, converter=_state_management
    )
    it_level: ItLevel | None = attrs.field(default=None, converter=_it_level)
    foreign_language: LanguageLevel | None = attrs.field(default=None, converter=_language)
    ethnic_language: bool = False
    general_education: GeneralEducation | None = attrs.field(
        default=None, converter=_general_education
    )
    academic_title: AcademicTitle | None = attrs.field(default=None, converter=_academic_title)
    professional_basic: bool = False
    insurance_start: dt.date | None = attrs.field(default=None, validator=_opt_date)
    party_committee: bool = False
    party_standing: bool = False
    inspection_committee: bool = False
    council_deputy: tuple[CouncilLevel, ...] = attrs.field(default=(), converter=_councils)

    @property
    def is_minority(self) -> bool:
        """Whether the cadre belongs to an ethnic minority (any group but Kinh)."""
        return self.ethnicity is not None and self.ethnicity != "Kinh"


@attrs.frozen(slots=True)
class Agency:
    """A body of the commune (cơ quan, đơn vị).

    >>> Agency("UBND", "Ủy ban nhân dân xã", "Mường Than", "government").bloc
    <Bloc.GOVERNMENT: 'government'>
    """

    agency_code: str = attrs.field(validator=_nonblank)
    name: str | None = None
    commune: str | None = None
    bloc: Bloc | None = attrs.field(default=None, converter=_bloc)
    province: str | None = None  # the province of the commune (tỉnh), when the roster says


@attrs.frozen(slots=True)
class Position:
    """A job position (vị trí việc làm) or leadership title, with its quota and standards.

    >>> p = Position("CT_UBND", "Chủ tịch UBND", "UBND", "committee_chair", min_theory="trung_cap")
    >>> p.category.is_leadership, p.min_theory, p.quota
    (True, <TheoryLevel.TRUNG_CAP: 'trung_cap'>, 1)
    """

    position_code: str = attrs.field(validator=_nonblank)
    title: str | None = None
    agency_code: str | None = None
    category: Category | None = attrs.field(default=None, converter=_category)
    quota: int = attrs.field(default=1, validator=[v.instance_of(int), v.ge(0)])
    min_education: EducationLevel | None = attrs.field(default=None, converter=_education)
    min_theory: TheoryLevel | None = attrs.field(default=None, converter=_theory)
    accepted_fields: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    sensitive: bool = False
    elected: bool = False  # filled by election (cán bộ), not by recruitment or appointment


@attrs.frozen(slots=True)
class Assignment:
    """Who holds which position, from ``start_date`` to ``end_date`` (inclusive).

    >>> a = Assignment("C001", "CT_UBND", dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    >>> a.active_on(dt.date(2026, 6, 30)), a.active_on(dt.date(2026, 7, 1))
    (True, False)
    """

    cadre_id: str = attrs.field(validator=_nonblank)
    position_code: str = attrs.field(validator=_nonblank)
    start_date: dt.date = attrs.field(validator=v.instance_of(dt.date))
    end_date: dt.date | None = attrs.field(default=None, validator=_opt_date)
    rotation: bool = False  # a rotation (luân chuyển)

    @end_date.validator
    def _after_start(self, attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
        if value is not None and value < self.start_date:
            raise ValueError("end_date is before start_date")

    def active_on(self, day: dt.date) -> bool:
        """Whether the assignment is active on ``day`` (both ends inclusive)."""
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


@attrs.frozen(slots=True)
class Degree:
    """A professional degree (trình độ chuyên môn).

    >>> Degree("C001", "dai_hoc", "Luật").level.at_least(EducationLevel.CAO_DANG)
    True
    """

    cadre_id: str = attrs.field(validator=_nonblank)
    level: EducationLevel = attrs.field(converter=EducationLevel)
    field: str | None = None
    awarded_date: dt.date | None = attrs.field(default=None, validator=_opt_date)
    study_place: StudyPlace | None = attrs.field(default=None, converter=_study_place)


@attrs.frozen(slots=True)
class TheoryCertificate:
    """A political-theory qualification (lý luận chính trị).

    >>> TheoryCertificate("C001", "cu_nhan", dt.date(2019, 6, 1)).level.rank
    3
    """

    cadre_id: str = attrs.field(validator=_nonblank)
    level: TheoryLevel = attrs.field(converter=TheoryLevel)
    awarded_date: dt.date | None = attrs.field(default=None, validator=_opt_date)
    study_mode: StudyMode | None = attrs.field(default=None, converter=_study_mode)


@attrs.frozen(slots=True)
class Training:
    """A completed course covering one or more topics.

    >>> Training("C001", ["it", "digital_transformation"], dt.date(2025, 9, 15)).topics
    (<TrainingTopic.IT: 'it'>, <TrainingTopic.DIGITAL_TRANSFORMATION: 'digital_transformation'>)
    """

    cadre_id: str = attrs.field(validator=_nonblank)
    topics: tuple[TrainingTopic, ...] = attrs.field(converter=_topics, validator=v.min_len(1))
    completed_date: dt.date = attrs.field(validator=v.instance_of(dt.date))
    course: str | None = None
    place: StudyPlace | None = attrs.field(default=None, converter=_study_place)


@attrs.frozen(slots=True)
class Rating:
    """A performance rating: annual when ``quarter`` is None.

    >>> r = Rating("C001", 2025, "good")
    >>> r.rating.at_least(RatingLevel.COMPLETE), r.quarter is None
    (True, True)
    """

    cadre_id: str = attrs.field(validator=_nonblank)
    year: int = attrs.field(validator=[v.instance_of(int), v.ge(1945), v.le(2100)])
    rating: RatingLevel = attrs.field(converter=RatingLevel)
    quarter: int | None = attrs.field(default=None, validator=v.optional(v.in_((1, 2, 3, 4))))


@attrs.frozen(slots=True)
class EquipmentItem:
    """How many of an item an agency has.

    >>> EquipmentItem("UBND", "computer", 12).quantity
    12
    """

    agency_code: str = attrs.field(validator=_nonblank)
    item: str = attrs.field(validator=_nonblank)
    quantity: int = attrs.field(validator=[v.instance_of(int), v.ge(0)])


MODEL_BY_TABLE: dict[str, type[Any]] = {
    "cadres": Cadre,
    "agencies": Agency,
    "positions": Position,
    "assignments": Assignment,
    "degrees": Degree,
    "theory": TheoryCertificate,
    "trainings": Training,
    "ratings": Rating,
    "equipment": EquipmentItem,
}


def _cell(value: Any) -> Any:
    if isinstance(value, tuple):
        return ";".join(str(x) for x in value) if value else None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    return value


def objects_to_frame(table: str, objects: list[Any]) -> pd.DataFrame:
    """Rows of attrs objects to a raw frame with canonical headers."""
    cls = MODEL_BY_TABLE[table]
    names = [f.name for f in attrs.fields(cls)]
    rows = [{n: _cell(getattr(o, n)) for n in names} for o in objects]
    frame = pd.DataFrame(rows, columns=names, dtype=object)
    if table == "positions":
        frame["accepted_fields"] = frame["accepted_fields"].map(
            lambda x: None if x is None else x.replace(";", "; ")
        )
    return frame


def _py(value: Any) -> Any:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):
        return value.item()
    return value


def frame_to_objects(table: str, frame: pd.DataFrame) -> list[Any]:
    """Canonical rows to attrs objects (extra columns are not part of the model)."""
    cls = MODEL_BY_TABLE[table]
    names = [f.name for f in attrs.fields(cls)]
    out = []
    for rec in frame[names].astype(object).to_dict("records"):
        kw: dict[str, Any] = {str(k): _py(val) for k, val in rec.items()}
        if table == "positions":
            af = kw.get("accepted_fields")
            kw["accepted_fields"] = tuple(x.strip() for x in af.split(";")) if af else ()
        if table == "trainings":
            kw["topics"] = tuple(kw["topics"].split(";"))
        if table == "cadres":
            kw["council_deputy"] = tuple(
                (kw.get("council_deputy") or "").split(";") if kw.get("council_deputy") else ()
            )
        out.append(cls(**{k: val for k, val in kw.items() if val is not None}))
    return out
