"""The programme catalogue: what a cadre can be sent to, how long it takes, what it costs.

Defaults live here (:func:`default_catalogue`); the parameter ``planner.catalogue`` (a
mapping ``{code: {field: value}}``) overrides fields of a default programme, adds a new
programme, or removes one (``{code: {disabled = true}}``). Costs are placeholders in VND
for a province to set; durations follow the usual length of each course.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

from cadre_core.targets._params import convert
from cadre_core.targets._target import Text
from cadre_core.vocab._enums import EducationLevel, TheoryLevel, TrainingTopic

Kind = Literal["degree", "theory", "training"]
FieldRule = Literal["current", "position"]
KINDS: tuple[str, ...] = ("degree", "theory", "training")

POSTGRADUATE_AGE_SOURCE = (
    "Nghị định 101/2017/NĐ-CP Điều 37 (sửa đổi bởi Nghị định 89/2021/NĐ-CP): cử đi đào tạo "
    "sau đại học lần đầu không quá 40 tuổi; dự thảo Nghị định thay thế của Bộ Nội vụ (2025) "
    "nâng lên không quá 45 tuổi, cam kết công tác gấp 3 lần thời gian đào tạo (mức mặc định "
    "45, tỉnh điều chỉnh bằng tham số planner.catalogue)"
)
#: Intake months of the short courses: every other month from March to November (no
#: course over Tết or the year-end review), so that an agency's share away in a month
#: leaves room for everyone's courses; a province sets its own with ``planner.catalogue``.
SHORT_INTAKES = (3, 5, 7, 9, 11)
THEORY_ORDER_SOURCE = (
    "Thực tiễn: học cao cấp sau khi có trung cấp lý luận chính trị, theo thứ bậc sơ cấp < "
    "trung cấp < cao cấp (Quy định 256-QĐ/TW, 2009); chưa tìm thấy văn bản bắt buộc điều kiện "
    'này, tỉnh bỏ bằng tham số planner.catalogue (min_theory = "")'
)
SECOND_DEGREE_SOURCE = (
    "Văn bằng thứ hai trình độ đại học dành cho người đã tốt nghiệp đại học (Quy chế đào tạo "
    "trình độ đại học, Thông tư 08/2021/TT-BGDĐT); cán bộ chưa có bằng đại học cần đào tạo đại "
    "học (văn bằng thứ nhất) trước"
)


def _education(value: object) -> str | None:
    if value is None or value == "":
        return None
    return EducationLevel(str(value)).value


def _theory(value: object) -> str | None:
    if value is None or value == "":
        return None
    return TheoryLevel(str(value)).value


def _topics(value: object) -> tuple[str, ...]:
    items = value.split(";") if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    return tuple(TrainingTopic(str(x).strip()).value for x in items if str(x).strip())


def _months(value: object) -> tuple[int, ...]:
    items = [value] if isinstance(value, int) else list(value)  # type: ignore[call-overload]
    out = tuple(sorted({convert("int", x) for x in items}))
    if not out or any(m < 1 or m > 12 for m in out):
        raise ValueError(f"intake months must be 1..12, got {value!r}")
    return out


def _whole(attribute: attrs.Attribute[Any], value: object, least: int, most: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{attribute.name} must be a whole number, not {value!r}")
    if value < least:
        raise ValueError(
            f"{attribute.name} must be at least {least}"
            if least
            else f"{attribute.name} cannot be negative"
        )
    if value > most:
        raise ValueError(f"{attribute.name} must be at most {most}, not {value}")


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    _whole(attribute, value, 1, 600)  # months: at most 50 years


def _not_negative(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    _whole(attribute, value, 0, 10**15)  # VND


def _age(_: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None:
        _whole(attribute, value, 0, 120)


def _flag(_: object, attribute: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise ValueError(f"{attribute.name} must be true or false, not {value!r}")


@attrs.frozen
class Programme:
    """A training programme a cadre can be sent to.

    ``kind`` says what it grants on completion: a ``degree`` of education ``level`` (its
    field: the cadre's ``current`` field, or a field fitting the cadre's ``position``), a
    ``theory`` certificate of ``level``, or a ``training`` covering ``topics``. A programme
    starts on the 1st of one of its ``intakes`` months and ends on the last day of its
    ``months``-th month. ``long`` programmes take the cadre away (at most one at a time,
    and they count against an agency's share away). Eligibility: education at least
    ``min_education`` and strictly below ``below_education`` when set, age at the start at
    most ``max_age`` (completed years), and the end on or before retirement.

    ``min_theory`` is a prerequisite between programmes: the cadre must hold that political
    theory level, or finish a theory programme of the catalogue granting it before this one
    starts (the planner plans both). ``entry_source`` says where the entry requirements
    (``min_education``, ``below_education``, ``min_theory``) come from: a legal text, or
    ``"thực tiễn"`` (practice) when no text states it.
    """

    code: str
    name: Text
    kind: Kind = attrs.field(validator=attrs.validators.in_(KINDS))
    months: int = attrs.field(validator=_positive)
    cost: int = attrs.field(validator=_not_negative)
    level: str | None = None
    topics: tuple[str, ...] = attrs.field(default=(), converter=_topics)
    field: FieldRule | None = None
    intakes: tuple[int, ...] = attrs.field(default=(9,), converter=_months)
    long: bool = attrs.field(default=True, validator=_flag)
    min_education: str | None = attrs.field(default=None, converter=_education)
    below_education: str | None = attrs.field(default=None, converter=_education)
    max_age: int | None = attrs.field(default=None, validator=_age)
    source: str = ""
    min_theory: str | None = attrs.field(default=None, converter=_theory)
    entry_source: str = ""

    def __attrs_post_init__(self) -> None:
        if self.kind == "degree":
            EducationLevel(str(self.level))
            if self.field not in ("current", "position"):
                raise ValueError(f"programme {self.code}: a degree needs field current|position")
        elif self.kind == "theory":
            TheoryLevel(str(self.level))
        elif not self.topics:
            raise ValueError(f"programme {self.code}: a training needs topics")

    def to_json(self) -> dict[str, Any]:
        """The programme as JSON-ready values."""
        return {
            "code": self.code,
            "name": self.name.vi,
            "name_en": self.name.en,
            "kind": self.kind,
            "level": self.level,
            "topics": list(self.topics),
            "field": self.field,
            "months": self.months,
            "intakes": list(self.intakes),
            "cost": self.cost,
            "long": self.long,
            "min_education": self.min_education,
            "below_education": self.below_education,
            "max_age": self.max_age,
            "source": self.source,
            "min_theory": self.min_theory,
            "entry_source": self.entry_source,
        }


def default_catalogue() -> tuple[Programme, ...]:
    """The core's default programmes (costs in VND are placeholders a province sets).

    >>> [p.code for p in default_catalogue()][:3]
    ['thac_si', 'llct_cao_cap', 'llct_trung_cap']
    """
    return (
        Programme(
            "thac_si",
            Text.of("programme_thac_si"),
            "degree",
            months=24,
            cost=80_000_000,
            level="thac_si",
            field="current",
            intakes=(9,),
            min_education="dai_hoc",
            max_age=45,
            source=POSTGRADUATE_AGE_SOURCE,
        ),
        Programme(
            "llct_cao_cap",
            Text.of("programme_llct_cao_cap"),
            "theory",
            months=12,
            cost=30_000_000,
            level="cao_cap",
            intakes=(3, 9),
            min_education="dai_hoc",
            source="Quy định 256-QĐ/TW; chương trình cao cấp LLCT hệ không tập trung (~1 năm)",
            min_theory="trung_cap",
            entry_source=THEORY_ORDER_SOURCE,
        ),
        Programme(
            "llct_trung_cap",
            Text.of("programme_llct_trung_cap"),
            "theory",
            months=8,
            cost=12_000_000,
            level="trung_cap",
            intakes=(3, 9),
            source="Chương trình trung cấp LLCT (6-8 tháng)",
        ),
        Programme(
            "dai_hoc_lien_thong",
            Text.of("programme_dai_hoc_lien_thong"),
            "degree",
            months=24,
            cost=40_000_000,
            level="dai_hoc",
            field="current",
            intakes=(3, 9),
            below_education="dai_hoc",
            source="Liên thông từ cao đẳng, trung cấp lên đại học (~2 năm)",
        ),
        Programme(
            "dao_tao_lai",
            Text.of("programme_dao_tao_lai"),
            "degree",
            months=18,
            cost=40_000_000,
            level="dai_hoc",
            field="position",
            intakes=(3, 9),
            min_education="dai_hoc",
            source="Văn bằng 2 đại học theo chuyên ngành của vị trí việc làm (~18 tháng)",
            entry_source=SECOND_DEGREE_SOURCE,
        ),
        Programme(
            "bd_vi_tri",
            Text.of("programme_bd_vi_tri"),
            "training",
            months=1,
            cost=2_000_000,
            topics=("job_position",),
            intakes=SHORT_INTAKES,
            long=False,
            source="Nghị định 101/2017/NĐ-CP: bồi dưỡng theo tiêu chuẩn vị trí việc làm",
        ),
        Programme(
            "bd_quan_tri_so",
            Text.of("programme_bd_quan_tri_so"),
            "training",
            months=1,
            cost=3_000_000,
            topics=("data_governance", "modern_management", "e_records"),
            intakes=SHORT_INTAKES,
            long=False,
        ),
        Programme(
            "bd_chinh_quyen_2_cap",
            Text.of("programme_bd_chinh_quyen_2_cap"),
            "training",
            months=1,
            cost=1_500_000,
            topics=("two_tier_government",),
            intakes=SHORT_INTAKES,
            long=False,
        ),
        Programme(
            "bd_cap_nhat",
            Text.of("programme_bd_cap_nhat"),
            "training",
            months=1,
            cost=2_500_000,
            topics=(
                "law",
                "ethics",
                "office_culture",
                "it",
                "digital_transformation",
                "innovation",
            ),
            intakes=SHORT_INTAKES,
            long=False,
        ),
    )


_FIELDS = {
    "name_vi",
    "name_en",
    "kind",
    "months",
    "cost",
    "level",
    "topics",
    "field",
    "intakes",
    "long",
    "min_education",
    "below_education",
    "max_age",
    "source",
    "min_theory",
    "entry_source",
    "disabled",
}


def catalogue_with(
    overrides: Mapping[str, Any] | None, base: tuple[Programme, ...] | None = None
) -> tuple[Programme, ...]:
    """Apply ``planner.catalogue`` overrides to ``base`` (default: :func:`default_catalogue`).

    >>> cat = catalogue_with({"thac_si": {"max_age": 40}, "bd_cap_nhat": {"disabled": True}})
    >>> [p.max_age for p in cat if p.code == "thac_si"], "bd_cap_nhat" in [p.code for p in cat]
    ([40], False)
    """
    items = {p.code: p for p in (base if base is not None else default_catalogue())}
    for code, spec in dict(overrides or {}).items():
        if not isinstance(spec, Mapping):
            raise ValueError(f"planner.catalogue.{code} must be a table of fields")
        unknown = sorted(set(spec) - _FIELDS)
        if unknown:
            raise ValueError(f"planner.catalogue.{code}: unknown field {unknown[0]!r}")
        if spec.get("disabled"):
            items.pop(str(code), None)
            continue
        values: dict[str, Any] = {k: v for k, v in spec.items() if k not in ("name_vi", "name_en")}
        old = items.get(str(code))
        try:
            if old is not None:
                name = Text(spec.get("name_vi", old.name.vi), spec.get("name_en", old.name.en))
                items[str(code)] = attrs.evolve(old, name=name, **values)
            else:
                name = Text(spec.get("name_vi", str(code)), spec.get("name_en", str(code)))
                items[str(code)] = Programme(code=str(code), name=name, **values)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"planner.catalogue.{code}: {exc}") from None
    return tuple(items.values())
