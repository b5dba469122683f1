"""The core's built-in plugin: national facts and the generic populations.

It registers through the same hooks as a province plugin. It contributes no target: the
core knows no province's resolution.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from cadre_core._enums import LEADERSHIP_CATEGORIES, Category
from cadre_core._features import Features
from cadre_core._params import Parameter
from cadre_core.hookspecs import hookimpl

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


@hookimpl
def cadre_responsible_bodies() -> Mapping[str, str]:
    """Section III of the plan: who acts for each bloc."""
    return {
        "party_front": "Ban Xây dựng Đảng",
        "government": "Ủy ban nhân dân xã",
    }
