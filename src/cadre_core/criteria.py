"""Building blocks for targets: vectorised criteria and populations with explanations.

>>> from cadre_core import criteria
>>> criteria.education_at_least("thac_si").requirement.en
"Education master's or higher"
"""

from cadre_core.targets._criteria import (
    Criterion,
    agencies_with_cadres,
    education_at_least,
    equipped,
    fields_fit,
    flag,
    holds_position_with_fields,
    is_female,
    is_minority,
    level_name,
    meets_post_standards,
    positions_filled,
    positions_with_quota,
    rating_at_least,
    theory_at_least,
    trained_in,
)

__all__ = [
    "Criterion",
    "agencies_with_cadres",
    "education_at_least",
    "equipped",
    "fields_fit",
    "flag",
    "holds_position_with_fields",
    "is_female",
    "is_minority",
    "level_name",
    "meets_post_standards",
    "positions_filled",
    "positions_with_quota",
    "rating_at_least",
    "theory_at_least",
    "trained_in",
]
