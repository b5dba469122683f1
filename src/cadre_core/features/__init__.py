"""Stage 3, features: a roster seen on one day, computed once per evaluation, vectorised.

Owns :class:`Features` and :func:`build_features` (:mod:`._frame`): the highest degree and
theory level held on the day, current posts and the commune of every cadre, ratings by year,
trainings and equipment, in frames that targets and findings read and never recompute. The
helpers that map each distinct value once and look ids up live here too, so that every later
stage uses the same ones.

May import: :mod:`cadre_core.roster` and :mod:`cadre_core.vocab` (see
``docs/architecture.md``).
"""

from cadre_core.features._frame import (
    FORM_FEATURES,
    Features,
    RosterIndex,
    build_features,
    degrees_on,
    rating_year,
    whole_years,
)

__all__ = [
    "FORM_FEATURES",
    "Features",
    "RosterIndex",
    "build_features",
    "degrees_on",
    "rating_year",
    "whole_years",
]
