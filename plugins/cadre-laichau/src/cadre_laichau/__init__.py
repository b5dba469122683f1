"""Lai Châu: Resolution 05-NQ/TU (12/02/2026) of the Provincial Party Standing Committee,
as adopted by each commune's implementation plan (Kế hoạch thực hiện Nghị quyết 05-NQ/TU).

The 18 targets of section II.1.2 of the plan, numbered after its clauses so that every
result traces back to its text. Thresholds and deadlines are defaults that a
``--params`` file overrides (``nq05.5a.threshold``, ``nq05.5a.deadline``, ...).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cadre_core import About, Parameter, Rule, Target, Text, criteria, hookimpl

__version__ = "0.1.0"

PLAN = "Kế hoạch thực hiện Nghị quyết số 05-NQ/TU của Ban Thường vụ Tỉnh ủy Lai Châu"
RESOLUTION = "Nghị quyết số 05-NQ/TU ngày 12/02/2026 của Ban Thường vụ Tỉnh ủy Lai Châu"

C1 = (
    "(1) Trong năm 2026 bố trí đủ cán bộ theo vị trí việc làm. Đến hết năm 2028, 100% cán bộ "
    "không có chuyên môn phù hợp với vị trí việc làm mới được đào tạo lại chuyên môn phù hợp."
)
C2 = (
    "(2) 100% cán bộ được bồi dưỡng kiến thức, kỹ năng theo vị trí việc làm; bồi dưỡng năng "
    "lực quản trị dữ liệu, kỹ năng quản lý hiện đại và xử lý hồ sơ trên môi trường điện tử; "
    "cập nhật các kiến thức, kỹ năng liên quan đến vận hành mô hình chính quyền địa phương 2 "
    "cấp ...; 100% cán bộ đáp ứng yêu cầu tiêu chuẩn quy định sau khi bổ nhiệm chức vụ lãnh "
    "đạo, quản lý."
)
C3 = (
    "(3) 70% cán bộ được cập nhật kiến thức pháp luật, đạo đức công vụ, văn hóa công sở, ứng "
    "dụng công nghệ thông tin, chuyển đổi số, đổi mới sáng tạo."
)
C4 = "(4) 100% cán bộ hoàn thành nhiệm vụ trở lên, trong đó trên 95% hoàn thành tốt nhiệm vụ trở lên."
C5 = (
    "(5) Đối với Thường trực Đảng ủy và lãnh đạo Thường trực Hội đồng nhân dân, Ủy ban nhân "
    "dân: 75% trở lên có trình độ chuyên môn thạc sĩ; 100% phó chủ tịch Hội đồng nhân dân, Phó "
    "chủ tịch Ủy ban nhân dân có trình độ lý luận chính trị cao cấp hoặc cử nhân. Trong Thường "
    "trực Đảng ủy hoặc lãnh đạo Hội đồng nhân dân, Ủy ban nhân dân có cán bộ nữ, cán bộ người "
    "dân tộc thiểu số."
)
C6 = (
    "(6) Đối với trưởng, phó các phòng, ban, cơ quan: 25% trở lên có trình độ chuyên môn thạc "
    "sĩ; 50% trở lên trình độ lý luận chính trị cao cấp hoặc cử nhân."
)
C7 = (
    "(7) Đối với công chức chuyên môn (không giữ chức vụ lãnh đạo, quản lý): 100% có trình độ "
    "chuyên môn đại học trở lên, trên 80% có trình độ lý luận chính trị trung cấp."
)
C8 = (
    "(8) 100% cơ quan, đơn vị trực thuộc xã được trang bị máy móc, trang thiết bị làm việc cho "
    "cán bộ theo tiêu chuẩn, định mức."
)


def _src(clause: str) -> str:
    return f"{PLAN}, mục II.1.2 {clause}"


Y2026 = dt.date(2026, 12, 31)
Y2028 = dt.date(2028, 12, 31)
Y2030 = dt.date(2030, 12, 31)

STANDARD_SOURCE = (
    "Quy định 365-QĐ/TW (30/08/2025) để tỉnh quy định tiêu chuẩn; mức mặc định theo Nghị định "
    "33/2023/NĐ-CP Điều 8(3): đại học; LLCT cao cấp cho Bí thư, Phó Bí thư, Chủ tịch HĐND, "
    "Chủ tịch UBND, trung cấp cho các chức danh khác"
)

#: Clauses of the plan that restate a national finding's rule: cited after the finding's
#: national source (the core's findings cite national law only).
PLAN_CITATIONS = {
    "national.below_standard_on_appointment": (
        f"{PLAN}, mục II.1.2 (2): 100% cán bộ đáp ứng tiêu chuẩn sau khi bổ nhiệm"
    ),
    "national.vacancy": f"{PLAN}, mục II.2 a)",
    "national.surplus": f"{PLAN}, mục II.2 a)",
    **{
        f"national.succession_pool_{group}": f"{PLAN}, mục II.2 c)"
        for group in ("young", "female", "minority")
    },
    **{
        rule: f"{PLAN}, mục II.2 b)"
        for rule in (
            "national.indicator_attainment_low",
            "national.leader_above_collective",
            "national.excellent_despite_indicators",
        )
    },
}

#: Section II.2.b of the plan: cadres are evaluated against the commune's main
#: socio-economic indicators; the indicator rules of the core are switched on.
INDICATOR_SOURCE = (
    f"{PLAN}, mục II.2 b): đánh giá cán bộ gắn với kết quả thực hiện các chỉ tiêu kinh tế - "
    "xã hội chủ yếu của địa phương"
)


@hookimpl
def cadre_about() -> About:
    """The plan's targets and parameters are ``nq05.*`` (the resolution's number); the
    province and a one-line description are shown by ``cadre plugins`` and the reports."""
    return About(
        prefixes=("nq05",),
        province="Tỉnh Lai Châu",
        description="Chỉ tiêu cán bộ cấp xã theo " + RESOLUTION + " và " + PLAN,
    )


@hookimpl
def cadre_parameters() -> Sequence[Parameter]:
    """The plan's parameters: period start, topic lists and default post standards."""
    lead_default = ("dai_hoc", "trung_cap")
    top_default = ("dai_hoc", "cao_cap")
    return [
        Parameter(
            "plan_start",
            dt.date(2026, 1, 1),
            "date",
            "Start of the plan period: trainings count from this day",
            RESOLUTION,
        ),
        Parameter(
            "nq05.2b.topics",
            ("data_governance", "modern_management", "e_records"),
            "topics",
            "Topics that target 2b requires",
            _src("(2)"),
        ),
        Parameter(
            "nq05.3.topics",
            ("law", "ethics", "office_culture", "it", "digital_transformation", "innovation"),
            "topics",
            "Topics that target 3 requires",
            _src("(3)"),
        ),
        Parameter(
            "default_standards",
            {
                "party_secretary": top_default,
                "party_deputy_secretary": top_default,
                "council_chair": top_default,
                "committee_chair": top_default,
                "council_vice_chair": lead_default,
                "committee_vice_chair": lead_default,
                "inspection_chair": lead_default,
                "front_chair": lead_default,
                "department_head": lead_default,
                "department_deputy": lead_default,
            },
            "standards",
            "Standard (education, theory) of a leadership category when the position leaves "
            "min_education or min_theory blank",
            STANDARD_SOURCE,
        ),
        *(
            Parameter(
                key,
                1,
                "int",
                "Switch on (1) the core's rule on socio-economic indicators for 05-NQ/TU",
                INDICATOR_SOURCE,
                min=0,
                max=1,
                replaces="cadre",
            )
            for key in (
                "national.indicators.attainment_check",
                "national.leader_above_collective.check",
                "national.indicators.excellent_check",
            )
        ),
        Parameter(
            "national.plan_citations",
            PLAN_CITATIONS,
            "mapping",
            "Clauses of the plan cited after the national source of the findings they restate",
            PLAN,
            replaces="cadre",
        ),
    ]


def _t(vi: str, en: str) -> Text:
    return Text(vi, en)


ACTIVE = criteria.flag("is_active", _t("cán bộ đang công tác", "active cadres"))
RATED = criteria.flag("is_rated", _t("cán bộ đã được xếp loại", "rated cadres"))
STANDING = criteria.flag(
    "is_standing",
    _t("Thường trực Đảng ủy, lãnh đạo Thường trực HĐND, UBND", "standing leadership"),
)
VICE = criteria.flag("is_vice_chair", _t("Phó Chủ tịch HĐND, UBND", "vice-chairs"))
DEPT = criteria.flag(
    "is_department_leader", _t("trưởng, phó phòng, ban, cơ quan", "department leaders")
)
PROF = criteria.flag(
    "is_professional", _t("công chức chuyên môn không giữ chức vụ lãnh đạo", "professionals")
)
LEADERS = criteria.flag("is_leader", _t("cán bộ giữ chức vụ lãnh đạo", "leaders"))


def targets() -> list[Target]:
    """The 18 targets of section II.1.2."""
    from fractions import Fraction as F

    return [
        Target.from_criteria(
            "nq05.1a",
            _t("Bố trí đủ cán bộ theo vị trí việc làm", "Every job position staffed"),
            _src(C1),
            criteria.positions_with_quota(),
            criteria.positions_filled(),
            Rule.all(),
            Y2026,
            unit="positions",
        ),
        Target.from_criteria(
            "nq05.1b",
            _t(
                "Cán bộ có chuyên môn phù hợp vị trí việc làm",
                "Cadres' specialisation fits their job position",
            ),
            _src(C1),
            criteria.holds_position_with_fields(),
            criteria.fields_fit(),
            Rule.all(),
            Y2028,
        ),
        Target.from_criteria(
            "nq05.2a",
            _t("Bồi dưỡng theo vị trí việc làm", "Job-position training"),
            _src(C2),
            ACTIVE,
            criteria.trained_in(["job_position"]),
            Rule.all(),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.2b",
            _t(
                "Bồi dưỡng quản trị dữ liệu, quản lý hiện đại, hồ sơ điện tử",
                "Data governance, modern management and e-records training",
            ),
            _src(C2),
            ACTIVE,
            criteria.trained_in(param="nq05.2b.topics"),
            Rule.all(),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.2c",
            _t(
                "Cập nhật kiến thức vận hành chính quyền địa phương 2 cấp",
                "Two-tier local government update",
            ),
            _src(C2),
            ACTIVE,
            criteria.trained_in(["two_tier_government"]),
            Rule.all(),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.2d",
            _t(
                "Cán bộ lãnh đạo đáp ứng tiêu chuẩn chức danh",
                "Leaders meet the standards of their posts",
            ),
            _src(C2),
            LEADERS,
            criteria.meets_post_standards("default_standards"),
            Rule.all(),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.3",
            _t(
                "Cập nhật pháp luật, đạo đức công vụ, văn hóa công sở, CNTT, "
                "chuyển đổi số, đổi mới sáng tạo",
                "Law, ethics, office culture, IT, digital transformation and innovation update",
            ),
            _src(C3),
            ACTIVE,
            criteria.trained_in(param="nq05.3.topics"),
            Rule(">=", F(7, 10)),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.4a",
            _t("Hoàn thành nhiệm vụ trở lên", "Rated complete or better"),
            _src(C4),
            RATED,
            criteria.rating_at_least("complete"),
            Rule.all(),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.4b",
            _t("Hoàn thành tốt nhiệm vụ trở lên", "Rated good or better"),
            _src(C4),
            RATED,
            criteria.rating_at_least("good"),
            Rule(">", F(95, 100)),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.5a",
            _t("Thường trực: trình độ thạc sĩ", "Standing leadership: master's degree"),
            _src(C5),
            STANDING,
            criteria.education_at_least("thac_si"),
            Rule(">=", F(3, 4)),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.5b",
            _t(
                "Phó Chủ tịch HĐND, UBND: LLCT cao cấp hoặc cử nhân",
                "Vice-chairs: advanced political theory",
            ),
            _src(C5),
            VICE,
            criteria.theory_at_least("cao_cap"),
            Rule.all(),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.5c",
            _t("Thường trực có cán bộ nữ", "A woman in the standing leadership"),
            _src(C5),
            STANDING,
            criteria.is_female(),
            Rule.any(),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.5d",
            _t(
                "Thường trực có cán bộ người dân tộc thiểu số",
                "An ethnic-minority member in the standing leadership",
            ),
            _src(C5),
            STANDING,
            criteria.is_minority(),
            Rule.any(),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.6a",
            _t("Trưởng, phó phòng, ban: trình độ thạc sĩ", "Department leaders: master's degree"),
            _src(C6),
            DEPT,
            criteria.education_at_least("thac_si"),
            Rule(">=", F(1, 4)),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.6b",
            _t(
                "Trưởng, phó phòng, ban: LLCT cao cấp hoặc cử nhân",
                "Department leaders: advanced political theory",
            ),
            _src(C6),
            DEPT,
            criteria.theory_at_least("cao_cap"),
            Rule(">=", F(1, 2)),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.7a",
            _t("Công chức chuyên môn: đại học trở lên", "Professionals: university degree"),
            _src(C7),
            PROF,
            criteria.education_at_least("dai_hoc"),
            Rule.all(),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.7b",
            _t(
                "Công chức chuyên môn: LLCT trung cấp trở lên",
                "Professionals: intermediate political theory",
            ),
            _src(C7),
            PROF,
            criteria.theory_at_least("trung_cap"),
            Rule(">", F(4, 5)),
            Y2030,
        ),
        Target.from_criteria(
            "nq05.8",
            _t(
                "Cơ quan, đơn vị được trang bị theo tiêu chuẩn, định mức",
                "Agencies equipped to the norms",
            ),
            _src(C8),
            criteria.agencies_with_cadres(),
            criteria.equipped("equipment_norm"),
            Rule.all(),
            Y2030,
            unit="agencies",
        ),
    ]


@hookimpl
def cadre_targets() -> Sequence[Target]:
    """Register the 18 targets."""
    return targets()
