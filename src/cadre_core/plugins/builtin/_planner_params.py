"""The planner's parameters, declared by the built-in plugin.

They live outside :mod:`cadre_core.planner` so that declaring them (on every evaluation)
does not import the planner and its solver (SciPy), which costs more than a second.
"""

from __future__ import annotations

from fractions import Fraction

from cadre_core.targets._params import Parameter

PLANNER_SOURCE = "cadre_core planner (tham số của xã/tỉnh)"

#: The planner's parameters (declared by the built-in plugin; the planner reads them
#: with every other parameter through ``PluginHost.params``).
PLANNER_PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        "planner.catalogue",
        {},
        "mapping",
        "Overrides of the programme catalogue: {code: {field: value}} (months, cost, "
        "intakes, max_age, min_education, below_education, level, topics, field, long, "
        "name_vi, name_en, disabled)",
        PLANNER_SOURCE,
    ),
    Parameter(
        "planner.max_away_share",
        Fraction(1, 3),
        "fraction",
        "Largest share of an agency's active cadres away on any programme (long or short) "
        "in the same month",
        PLANNER_SOURCE,
        min=0,
        max=1,
    ),
    Parameter(
        "planner.min_away",
        1,
        "int",
        "Members of an agency that may always be away at once (small agencies)",
        PLANNER_SOURCE,
        min=0,
        max=100_000,
    ),
    Parameter(
        "planner.max_leaders_away",
        2,
        "int",
        "Key leaders of a commune (Party Secretary and deputies, chairs and vice-chairs of the "
        "People's Council and Committee) away on any programme in the same month",
        PLANNER_SOURCE,
        min=0,
        max=100_000,
    ),
    Parameter(
        "planner.budget",
        0,
        "int",
        "Yearly training budget per commune in VND (0 = no limit)",
        PLANNER_SOURCE,
        min=0,
    ),
    Parameter(
        "planner.seats",
        {},
        "mapping",
        "Seats per year and commune for some programmes: {code: seats}",
        PLANNER_SOURCE,
    ),
)

__all__ = ["PLANNER_PARAMETERS", "PLANNER_SOURCE"]
