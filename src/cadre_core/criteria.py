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
    flag,
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
from cadre_core.targets._field_criteria import (
    age_between,
    all_of,
    any_of,
    assignment_flag,
    awarded_in_year,
    everyone,
    field_flag,
    holds_category,
    level_in,
    list_contains,
    negated,
    not_informed,
    number_between,
    past_retirement_age,
    planned_for,
    trained_in_year,
    value_in,
)
from cadre_core.targets._fit import fields_fit, holds_position_with_fields
from cadre_core.targets._target import LeftOut

__all__ = [
    "Criterion",
    "LeftOut",
    "age_between",
    "agencies_with_cadres",
    "all_of",
    "any_of",
    "assignment_flag",
    "awarded_in_year",
    "education_at_least",
    "equipped",
    "everyone",
    "field_flag",
    "fields_fit",
    "flag",
    "holds_category",
    "holds_position_with_fields",
    "is_female",
    "is_minority",
    "level_in",
    "level_name",
    "list_contains",
    "meets_post_standards",
    "negated",
    "not_informed",
    "number_between",
    "past_retirement_age",
    "planned_for",
    "positions_filled",
    "positions_with_quota",
    "rating_at_least",
    "theory_at_least",
    "trained_in",
    "trained_in_year",
    "value_in",
]
