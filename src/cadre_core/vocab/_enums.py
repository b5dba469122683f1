"""Code lists of the roster format: ordered levels and plain categories.

Every enum's value is the canonical code used in files and JSON. Ordered enums carry a
``rank``; two members may share a rank (``TheoryLevel.CAO_CAP`` and
``TheoryLevel.CU_NHAN``) while staying distinct values.
"""

from __future__ import annotations

import enum
from typing import Self


class _Coded(enum.StrEnum):
    """A string enum whose value is the canonical code."""

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        """Return every canonical code, in declaration order."""
        return tuple(m.value for m in cls)


class _Ranked(_Coded):
    """A code list with an order given by :attr:`rank` (shared ranks allowed)."""

    @property
    def rank(self) -> int:
        """The member's position in the order; equal ranks compare as equal levels."""
        return _RANKS[type(self).__name__][self.value]

    @classmethod
    def ranks(cls) -> dict[str, int]:
        """Map each canonical code to its rank."""
        return dict(_RANKS[cls.__name__])

    def at_least(self, other: Self) -> bool:
        """Return whether this level ranks at least as high as ``other``.

        >>> TheoryLevel.CU_NHAN.at_least(TheoryLevel.CAO_CAP)
        True
        """
        return self.rank >= other.rank


class EducationLevel(_Ranked):
    """Professional education (trình độ chuyên môn), QĐ 1982/QĐ-TTg (2016).

    >>> EducationLevel.THAC_SI.rank > EducationLevel.DAI_HOC.rank
    True
    """

    TRUNG_CAP = "trung_cap"
    CAO_DANG = "cao_dang"
    DAI_HOC = "dai_hoc"
    THAC_SI = "thac_si"
    TIEN_SI = "tien_si"


class TheoryLevel(_Ranked):
    """Political theory (lý luận chính trị), QĐ 256-QĐ/TW (2009).

    ``cao_cap`` and ``cu_nhan`` are distinct values of the same rank.

    >>> TheoryLevel.CAO_CAP == TheoryLevel.CU_NHAN, TheoryLevel.CAO_CAP.rank == TheoryLevel.CU_NHAN.rank
    (False, True)
    """

    SO_CAP = "so_cap"
    TRUNG_CAP = "trung_cap"
    CAO_CAP = "cao_cap"
    CU_NHAN = "cu_nhan"


class RatingLevel(_Ranked):
    """Yearly quality rating (xếp loại chất lượng), ND 90/2020, ND 335/2025/NĐ-CP.

    >>> RatingLevel.GOOD.at_least(RatingLevel.COMPLETE)
    True
    """

    INCOMPLETE = "incomplete"
    COMPLETE = "complete"
    GOOD = "good"
    EXCELLENT = "excellent"


_RANKS: dict[str, dict[str, int]] = {
    "EducationLevel": {"trung_cap": 1, "cao_dang": 2, "dai_hoc": 3, "thac_si": 4, "tien_si": 5},
    "TheoryLevel": {"so_cap": 1, "trung_cap": 2, "cao_cap": 3, "cu_nhan": 3},
    "RatingLevel": {"incomplete": 0, "complete": 1, "good": 2, "excellent": 3},
}


class Gender(_Coded):
    """Gender as recorded in the roster.

    >>> Gender("female") is Gender.FEMALE, Gender.codes()
    (True, ('male', 'female'))
    """

    MALE = "male"
    FEMALE = "female"


class Bloc(_Coded):
    """The bloc of an agency: Party and Front, or government (section III of the plan).

    >>> Bloc.codes()
    ('party_front', 'government')
    """

    PARTY_FRONT = "party_front"
    GOVERNMENT = "government"


class Category(_Coded):
    """The category of a job position: a leadership title, a professional post, or other.

    >>> Category.COMMITTEE_CHAIR.is_leadership, Category.PROFESSIONAL.is_leadership
    (True, False)
    """

    PARTY_SECRETARY = "party_secretary"
    PARTY_DEPUTY_SECRETARY = "party_deputy_secretary"
    COUNCIL_CHAIR = "council_chair"
    COUNCIL_VICE_CHAIR = "council_vice_chair"
    COMMITTEE_CHAIR = "committee_chair"
    COMMITTEE_VICE_CHAIR = "committee_vice_chair"
    INSPECTION_CHAIR = "inspection_chair"
    FRONT_CHAIR = "front_chair"
    DEPARTMENT_HEAD = "department_head"
    DEPARTMENT_DEPUTY = "department_deputy"
    PROFESSIONAL = "professional"
    OTHER = "other"

    @property
    def is_leadership(self) -> bool:
        """Whether the category is a leadership title (anything but professional/other)."""
        return self not in (Category.PROFESSIONAL, Category.OTHER)


class TrainingTopic(_Coded):
    """Topics a training record may cover (roster-format.md).

    >>> TrainingTopic("digital_transformation") is TrainingTopic.DIGITAL_TRANSFORMATION
    True
    """

    JOB_POSITION = "job_position"
    DATA_GOVERNANCE = "data_governance"
    MODERN_MANAGEMENT = "modern_management"
    E_RECORDS = "e_records"
    TWO_TIER_GOVERNMENT = "two_tier_government"
    LAW = "law"
    ETHICS = "ethics"
    OFFICE_CULTURE = "office_culture"
    IT = "it"
    DIGITAL_TRANSFORMATION = "digital_transformation"
    INNOVATION = "innovation"
    STATE_MANAGEMENT = "state_management"
    RETRAINING = "retraining"
    OTHER = "other"


LEADERSHIP_CATEGORIES: frozenset[str] = frozenset(c.value for c in Category if c.is_leadership)


class IndicatorCode(_Coded):
    """The commune's main socio-economic indicators of section II.2.b of the plan (chỉ
    tiêu kinh tế - xã hội chủ yếu), each worded so that a higher actual value is better:
    the poverty indicator is the *reduction* of the poverty rate, in percentage points.

    >>> IndicatorCode("poverty_reduction") is IndicatorCode.POVERTY_REDUCTION
    True
    """

    ECONOMIC_GROWTH = "economic_growth"
    BUDGET_REVENUE = "budget_revenue"
    PUBLIC_INVESTMENT = "public_investment_disbursement"
    INCOME_PER_HEAD = "income_per_head"
    POVERTY_REDUCTION = "poverty_reduction"
