"""Hypothesis strategies for rosters, valid by construction.

Every builder is keyword-only, returns a :class:`hypothesis.strategies.SearchStrategy`
and accepts strategies for its parts, so that strategies compose the way those of
``hypothesis.extra.pandas`` do::

    from hypothesis import given
    from cadre_core.testing import strategies as cst

    @given(cst.rosters(max_cadres=8, communes=2, as_of=date(2026, 12, 31)))
    def test_something(roster): ...

Generated rosters look like Lai Châu communes: Vietnamese names, official ethnic group
names (mostly the province's minorities), agencies of both blocs, positions of every
category, degrees and political theory with blank or dated award days, trainings,
annual and quarterly ratings, and equipment. Dates cluster around the ``as_of`` day
(and fall exactly on it, or a day off, often), so that the "as of" boundaries are hit.

:func:`rosters` builds the canonical typed frames directly (fast enough for the default
health checks); ``validate=True`` sends them through :meth:`Roster.from_frames` instead,
which gives an equal roster (the test suite checks it) but is slower.
:func:`messy_frames` renders a roster the way a commune clerk might type it.
:func:`population_rosters` builds rosters with population sizes: exactly N members of a
population flag, exactly K of them satisfying a criterion, per commune, as of a day::

    @given(cst.population_rosters(population="is_professional", size=90,
                                  satisfying=("education_at_least", "dai_hoc"), count=63))
    def test_boundary(case): ...  # case.roster, case.as_of, case.size, case.count

Layout: :mod:`._scalars` (dates, fractions, names, ethnicities), :mod:`._records` (cadres,
agencies, positions), :mod:`._frames` (objects to canonical frames), :mod:`._rosters` (whole
rosters), :mod:`._populations` (rosters with population sizes), :mod:`._messy` (a roster typed
by a clerk), on the vocabularies of :mod:`._common`.
"""

from cadre_core.testing.strategies._common import DEFAULT_AS_OF
from cadre_core.testing.strategies._frames import canonical_frame
from cadre_core.testing.strategies._messy import messy_frames
from cadre_core.testing.strategies._populations import PopulationRoster, population_rosters
from cadre_core.testing.strategies._records import agencies, cadres, positions
from cadre_core.testing.strategies._rosters import rosters
from cadre_core.testing.strategies._scalars import dates, ethnicities, fractions, full_names

__all__ = [
    "DEFAULT_AS_OF",
    "PopulationRoster",
    "agencies",
    "cadres",
    "canonical_frame",
    "dates",
    "ethnicities",
    "fractions",
    "full_names",
    "messy_frames",
    "population_rosters",
    "positions",
    "rosters",
]
