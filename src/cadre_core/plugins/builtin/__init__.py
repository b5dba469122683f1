"""The core's built-in plugin: national facts and the generic populations.

It registers through the same hooks as a province plugin. It contributes no target: the
core knows no province's resolution.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.findings import (
    KL210,
    QD377,
    QD377_CAPS,
    QD377_TERM,
    ROTATION,
    Finding,
)
from cadre_core.findings import national_findings as _national_findings
from cadre_core.findings._indicators import HEADS, STANDING_LEADERS
from cadre_core.findings._sources import QD366_INDICATORS, QD366_LEADER
from cadre_core.hookspecs import hookimpl
from cadre_core.plugins.builtin._planner_params import PLANNER_PARAMETERS
from cadre_core.targets._forms import Form
from cadre_core.targets._params import Parameter
from cadre_core.vocab._enums import LEADERSHIP_CATEGORIES, Category
from cadre_core.vocab._indicators import Indicator, builtin_indicators
from cadre_core.vocab._labels import default_bodies, label
from cadre_core.vocab._scores import ND335, ND335_BANDS, ND335_CAP, aggregate_scores

__version__ = "0.1.0"

STANDING = (
    Category.PARTY_SECRETARY,
    Category.PARTY_DEPUTY_SECRETARY,
    Category.COUNCIL_CHAIR,
    Category.COUNCIL_VICE_CHAIR,
    Category.COMMITTEE_CHAIR,
    Category.COMMITTEE_VICE_CHAIR,
)
VICE_CHAIRS = (Category.COUNCIL_VICE_CHAIR, Category.COMMITTEE_VICE_CHAIR)
DEPARTMENT_LEADERS = (Category.DEPARTMENT_HEAD, Category.DEPARTMENT_DEPUTY)

QD50 = "Quyết định 50/2017/QĐ-TTg (tiêu chuẩn, định mức sử dụng máy móc, thiết bị)"


@hookimpl
def cadre_forms() -> Sequence[Form]:
    """The national reporting forms (9C-BTCTW, 12C-BTCTW, 10-BTCTW, BM02-BNV, 02-CL-CBCCX)."""
    # built when the forms are asked for (``cadre forms``), not by every evaluation
    from cadre_core.plugins.builtin._forms import national_forms

    return list(national_forms())


@hookimpl
def cadre_parameters() -> Sequence[Parameter]:
    """National parameters with their legal sources."""
    return [
        Parameter(
            "equipment_norm",
            {"desk_set": (1, 0), "cabinet": (1, 0), "computer": (1, 0), "phone": (1, 0)},
            "norm",
            "Equipment norm per item: (per active cadre, per agency)",
            QD50,
        ),
        Parameter(
            "equipment_names",
            {},
            "mapping",
            "Names of the equipment items a norm adds (item code -> name in words), printed "
            "instead of the code; the built-in items are named by the core",
            QD50,
        ),
        *_finding_parameters(),
        *_indicator_parameters(),
        *_planner_parameters(),
    ]


def _indicator_parameters() -> list[Parameter]:
    """Parameters of the rules on socio-economic indicators and collectives' ratings
    (section II.2.b of a plan): each rule has a switch (1 on, 0 off) a province sets."""
    province = " (mặc định tắt: tỉnh bật theo kế hoạch của mình)"
    return [
        Parameter(
            "national.indicators.attainment_check",
            0,
            "int",
            "1: a commune whose share of indicators met in a period is below "
            "national.indicators.min_attainment is a finding; 0: off",
            QD366_INDICATORS + province,
            min=0,
            max=1,
        ),
        Parameter(
            "national.indicators.min_attainment",
            Fraction(1),
            "fraction",
            "Least share of a commune's indicators at or above plan in a period (1 = all)",
            QD366_INDICATORS + province,
            min=0,
            max=1,
        ),
        Parameter(
            "national.leader_above_collective.check",
            1,
            "int",
            "1: the head of an agency rated above the agency's collective rating for the same "
            "period is a finding (needs the unit_ratings table); 0: off",
            QD366_LEADER,
            min=0,
            max=1,
        ),
        Parameter(
            "national.leader_above_collective.head_categories",
            HEADS,
            "text",
            "Post categories whose holder heads the agency of the post (';'-separated)",
            QD366_LEADER,
        ),
        Parameter(
            "national.indicators.excellent_check",
            0,
            "int",
            "1: a commune leader rated excellent for a year in which the commune met less "
            "than national.indicators.excellent_below of its indicators is flagged; 0: off",
            QD366_INDICATORS + province,
            min=0,
            max=1,
        ),
        Parameter(
            "national.indicators.excellent_below",
            Fraction(1, 2),
            "fraction",
            "Share of indicators met below which the commune's leaders rated excellent that "
            "year are flagged for review (1/2: missed most indicators)",
            QD366_INDICATORS + province,
            min=0,
            max=1,
        ),
        Parameter(
            "national.indicators.leader_categories",
            STANDING_LEADERS,
            "text",
            "Post categories of the commune's leaders for that review (';'-separated)",
            QD366_INDICATORS + province,
        ),
    ]


@hookimpl
def cadre_indicators() -> Sequence[Indicator]:
    """The five socio-economic indicators of section II.2.b (all higher-is-better)."""
    return list(builtin_indicators())


def _planner_parameters() -> list[Parameter]:
    return list(PLANNER_PARAMETERS)


def _finding_parameters() -> list[Parameter]:
    """Parameters of the national findings (section II.2 of the plan)."""
    return [
        Parameter(
            "national.rotation_years",
            5,
            "int",
            "Years in a sensitive position after which the cadre must be rotated (2 to 5)",
            ROTATION,
            min=2,
            max=5,
        ),
        Parameter(
            "national.non_local_categories",
            "party_secretary;committee_chair;inspection_chair",
            "text",
            "Position categories that must not be held by local people (';'-separated)",
            KL210,
        ),
        Parameter(
            "national.key_post_body",
            label("body_key_posts"),
            "text",
            "Body that must act on a local person in a key post",
            KL210,
        ),
        Parameter(
            "national.plan_citations",
            {},
            "mapping",
            "Clauses of a province's plan that restate a national finding's rule, by rule id "
            "(e.g. national.vacancy): added after the finding's national source",
            "Mặc định: không có điều khoản của tỉnh (phát hiện chỉ dẫn văn bản quốc gia)",
        ),
        Parameter(
            "national.succession.max_candidates",
            3,
            "int",
            "Most candidates planned for one title in one term",
            QD377_CAPS,
            min=1,
            max=1000,
        ),
        Parameter(
            "national.succession.max_titles",
            3,
            "int",
            "Most titles one candidate is planned for in one term",
            QD377_CAPS,
            min=1,
            max=1000,
        ),
        Parameter(
            "national.succession.full_term_months",
            60,
            "int",
            "Months a candidate must be able to serve from the start of the planned term",
            QD377_TERM,
            min=0,
            max=1200,
        ),
        Parameter(
            "national.succession.young_age",
            35,
            "int",
            "A candidate under this age (on the as-of day) counts as young",
            QD377 + " (độ tuổi cán bộ trẻ cấp xã: giá trị mặc định, tỉnh điều chỉnh)",
            min=1,
            max=120,
        ),
        Parameter(
            "national.succession.min_young",
            Fraction(0),
            "fraction",
            "Least share of young candidates in a term's pool (0 = at least one); "
            "QĐ 50-QĐ/TW (2021) used 15%",
            QD377,
            min=0,
            max=1,
        ),
        Parameter(
            "national.succession.min_female",
            Fraction(0),
            "fraction",
            "Least share of women in a term's pool (0 = at least one); QĐ 50-QĐ/TW (2021) used 25%",
            QD377,
            min=0,
            max=1,
        ),
        Parameter(
            "national.succession.min_minority",
            Fraction(0),
            "fraction",
            "Least share of ethnic-minority candidates in a term's pool (0 = at least one)",
            QD377,
            min=0,
            max=1,
        ),
        Parameter(
            "nd335.bands",
            {"excellent": 90, "good": 70, "complete": 50},
            "mapping",
            "Lowest annual score of each level (excellent, good, complete; below: incomplete)",
            ND335_BANDS,
        ),
        Parameter(
            "nd335.excellent_cap",
            Fraction(1, 5),
            "fraction",
            "Most excellent ratings, as a share of the good ratings in the same agency",
            ND335_CAP,
            min=0,
            max=1,
        ),
        Parameter(
            "nd335.cap_scope",
            "agency",
            "text",
            "Where the excellent cap applies: agency or commune",
            ND335_CAP,
        ),
        Parameter(
            "nd335.first_year",
            2026,
            "int",
            "First rating year checked against scores (the decree is in force from 01/01/2026)",
            ND335,
            min=1900,
            max=9999,
        ),
    ]


def _any(frame: pd.DataFrame, cats: Sequence[str]) -> pd.Series:
    return frame[[f"holds_{c}" for c in cats]].any(axis=1)


@hookimpl
def cadre_features(features: Features) -> Mapping[str, pd.Series]:
    """Population flags over active cadres, from the categories of their active positions."""
    c = features.cadres
    leadership = sorted(LEADERSHIP_CATEGORIES)
    prof = c["holds_professional"]
    all_prof = (
        prof & (c["active_positions"] > 0) & ~_any(c, [x for x in Category if x != "professional"])
    )
    return {
        "is_active": pd.Series(True, index=c.index),
        "is_standing": _any(c, STANDING),
        "is_vice_chair": _any(c, VICE_CHAIRS),
        "is_department_leader": _any(c, DEPARTMENT_LEADERS),
        "is_leader": _any(c, leadership),
        "is_professional": all_prof,
    }


@hookimpl(trylast=True)
def cadre_rating_aggregation(
    scores: pd.DataFrame, discipline: pd.DataFrame, params: Mapping[str, object]
) -> pd.DataFrame:
    """Decree 335/2025/NĐ-CP: quarterly scores to annual levels (the default)."""
    return aggregate_scores(scores, discipline, params)


@hookimpl
def cadre_responsible_bodies() -> Mapping[str, str]:
    """Who acts for each bloc by default (the label table's ``body_<bloc>`` names)."""
    return default_bodies()


@hookimpl
def cadre_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str]
) -> Sequence[Finding]:
    """National findings: retirement, key posts, standards, rotation, quota, succession,
    ratings (see :mod:`cadre_core.findings`), addressed to the host's merged bodies."""
    return _national_findings(features, params, bodies)
