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


class CivilServiceGrade(_Ranked):
    """Civil-service grade (ngạch công chức), lowest first, with the codes of Thông tư
    02/2021/TT-BNV, Điều 3 (administrative grades: 01.005 nhân viên, 01.004 cán sự, 01.003
    chuyên viên, 01.002 chuyên viên chính, 01.001 chuyên viên cao cấp; the other
    specialised grades are read as their administrative equivalent, "tương đương").

    >>> CivilServiceGrade.CHUYEN_VIEN_CHINH.at_least(CivilServiceGrade.CHUYEN_VIEN)
    True
    >>> CivilServiceGrade.CAN_SU.official_code
    '01.004'
    """

    NHAN_VIEN = "nhan_vien"
    CAN_SU = "can_su"
    CHUYEN_VIEN = "chuyen_vien"
    CHUYEN_VIEN_CHINH = "chuyen_vien_chinh"
    CHUYEN_VIEN_CAO_CAP = "chuyen_vien_cao_cap"

    @property
    def official_code(self) -> str:
        """The grade's code (mã số ngạch) in Thông tư 02/2021/TT-BNV."""
        return GRADE_CODES[self.value]


GRADE_CODES: dict[str, str] = {
    "nhan_vien": "01.005",
    "can_su": "01.004",
    "chuyen_vien": "01.003",
    "chuyen_vien_chinh": "01.002",
    "chuyen_vien_cao_cap": "01.001",
}
"""The code (mã số ngạch) of each grade, Thông tư 02/2021/TT-BNV, Điều 3."""


class StateManagementLevel(_Ranked):
    """The state-management training programme completed (bồi dưỡng kiến thức quản lý
    nhà nước), by the grade it is for: chuyên viên, chuyên viên chính, chuyên viên cao cấp.

    >>> StateManagementLevel.codes()
    ('chuyen_vien', 'chuyen_vien_chinh', 'chuyen_vien_cao_cap')
    """

    CHUYEN_VIEN = "chuyen_vien"
    CHUYEN_VIEN_CHINH = "chuyen_vien_chinh"
    CHUYEN_VIEN_CAO_CAP = "chuyen_vien_cao_cap"


class ItLevel(_Ranked):
    """IT skills: the basic or advanced standard of Thông tư 03/2014/TT-BTTTT (the old A/B
    certificates read as basic, C as advanced), or an IT degree (trung cấp or higher).

    >>> ItLevel.NANG_CAO.at_least(ItLevel.CO_BAN)
    True
    """

    CO_BAN = "co_ban"
    NANG_CAO = "nang_cao"
    TRUNG_CAP_TRO_LEN = "trung_cap_tro_len"


class LanguageLevel(_Ranked):
    """Foreign language: a certificate (A/B/C, A1..C2, bậc 1-6 of Thông tư
    01/2014/TT-BGDĐT) or a university degree in a language (or higher).

    >>> LanguageLevel.DAI_HOC.rank > LanguageLevel.CHUNG_CHI.rank
    True
    """

    CHUNG_CHI = "chung_chi"
    DAI_HOC = "dai_hoc"


class GeneralEducation(_Ranked):
    """General education (trình độ giáo dục phổ thông): primary, lower and upper secondary.

    >>> GeneralEducation.THPT.at_least(GeneralEducation.THCS)
    True
    """

    TIEU_HOC = "tieu_hoc"
    THCS = "thcs"
    THPT = "thpt"


class AcademicTitle(_Ranked):
    """Academic title (học hàm): phó giáo sư, giáo sư.

    >>> AcademicTitle.GIAO_SU.at_least(AcademicTitle.PHO_GIAO_SU)
    True
    """

    PHO_GIAO_SU = "pho_giao_su"
    GIAO_SU = "giao_su"


_RANKS: dict[str, dict[str, int]] = {
    "EducationLevel": {"trung_cap": 1, "cao_dang": 2, "dai_hoc": 3, "thac_si": 4, "tien_si": 5},
    "TheoryLevel": {"so_cap": 1, "trung_cap": 2, "cao_cap": 3, "cu_nhan": 3},
    "RatingLevel": {"incomplete": 0, "complete": 1, "good": 2, "excellent": 3},
    "CivilServiceGrade": {
        "nhan_vien": 1,
        "can_su": 2,
        "chuyen_vien": 3,
        "chuyen_vien_chinh": 4,
        "chuyen_vien_cao_cap": 5,
    },
    "StateManagementLevel": {"chuyen_vien": 1, "chuyen_vien_chinh": 2, "chuyen_vien_cao_cap": 3},
    "ItLevel": {"co_ban": 1, "nang_cao": 2, "trung_cap_tro_len": 3},
    "LanguageLevel": {"chung_chi": 1, "dai_hoc": 2},
    "GeneralEducation": {"tieu_hoc": 1, "thcs": 2, "thpt": 3},
    "AcademicTitle": {"pho_giao_su": 1, "giao_su": 2},
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
    # (added after the first codes, so that the order of the older ones is unchanged)
    FRONT_VICE_CHAIR = "front_vice_chair"
    MASS_ORG_HEAD = "mass_org_head"  # Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh, Đoàn TN
    MASS_ORG_DEPUTY = "mass_org_deputy"

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
    # (added after the first codes, so that the order of the older ones is unchanged)
    PARTY_BUILDING = "party_building"
    MASS_ORGANISATION = "mass_organisation"
    ECONOMIC_MANAGEMENT = "economic_management"
    FOREIGN_LANGUAGE = "foreign_language"
    KNOWLEDGE_UPDATE = "knowledge_update"
    DEFENCE_SECURITY = "defence_security"


class CouncilLevel(_Coded):
    """The level of a People's Council (Hội đồng nhân dân) a deputy sits on.

    >>> CouncilLevel.codes()
    ('commune', 'district', 'province')
    """

    COMMUNE = "commune"
    DISTRICT = "district"
    PROVINCE = "province"


class StudyPlace(_Coded):
    """Where a degree or a course was taken: in Viet Nam, abroad, or a joint programme.

    >>> StudyPlace("abroad") is StudyPlace.ABROAD
    True
    """

    DOMESTIC = "domestic"
    ABROAD = "abroad"
    JOINT = "joint"


class StudyMode(_Coded):
    """How a course of political theory was followed: full time (tập trung) or part time
    (không tập trung, tại chức, vừa làm vừa học).

    >>> StudyMode.codes()
    ('full_time', 'part_time')
    """

    FULL_TIME = "full_time"
    PART_TIME = "part_time"


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
