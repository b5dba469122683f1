"""Strategies for single values: dates near a day, exact fractions, Vietnamese full names,
official ethnic-group names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from cadre_core.testing.strategies._common import (
    _FAMILY,
    _GIVEN_FEMALE,
    _GIVEN_MALE,
    _LAI_CHAU_GROUPS,
    _MIDDLE_FEMALE,
    _MIDDLE_MALE,
)
from cadre_core.vocab._enums import (
    Gender,
)
from cadre_core.vocab._ethnic import ETHNIC_GROUPS


def dates(
    *,
    min_value: dt.date = dt.date(1950, 1, 1),
    max_value: dt.date = dt.date(2035, 12, 31),
    near: Sequence[dt.date] = (),
) -> SearchStrategy[dt.date]:
    """Dates in ``[min_value, max_value]``; half of them on or a day next to ``near`` days.

    >>> d = dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 31))
    >>> isinstance(d.example(), dt.date)
    True
    """
    if min_value > max_value:
        raise ValueError("min_value is after max_value")
    anywhere = st.dates(min_value=min_value, max_value=max_value)
    close = sorted(
        {
            d + dt.timedelta(days=k)
            for d in near
            for k in (-1, 0, 1)
            if min_value <= d + dt.timedelta(days=k) <= max_value
        }
    )
    return st.one_of(st.sampled_from(close), anywhere) if close else anywhere


def fractions(
    *,
    min_value: Fraction | int = 0,
    max_value: Fraction | int = 1,
    max_denominator: int = 200,
) -> SearchStrategy[Fraction]:
    """Exact thresholds in ``[min_value, max_value]``, often the familiar ones (70%, 95%...).

    >>> 0 <= fractions().example() <= 1
    True
    """
    lo, hi = Fraction(min_value), Fraction(max_value)
    if lo > hi:
        raise ValueError("min_value is above max_value")
    common = [
        Fraction(n, 100)
        for n in (0, 1, 20, 25, 33, 50, 60, 70, 75, 80, 90, 95, 99, 100, 101, 150, 200)
    ] + [Fraction(1, 3), Fraction(2, 3), Fraction(1, 7)]
    familiar = [f for f in common if lo <= f <= hi]
    exact = st.fractions(min_value=lo, max_value=hi, max_denominator=max_denominator)
    return st.one_of(st.sampled_from(familiar), exact) if familiar else exact


def full_names(*, gender: Gender | str | None = None) -> SearchStrategy[str]:
    """Vietnamese full names as Lai Châu rosters hold them (NFC, single spaces).

    >>> len(full_names(gender="female").example().split()) >= 3
    True
    """
    g = None if gender is None else Gender(gender)

    @st.composite
    def build(draw: st.DrawFn) -> str:
        female = draw(st.booleans()) if g is None else g is Gender.FEMALE
        middle = _MIDDLE_FEMALE if female else _MIDDLE_MALE
        given = _GIVEN_FEMALE if female else _GIVEN_MALE
        return " ".join(
            (
                draw(st.sampled_from(_FAMILY)),
                draw(st.sampled_from(middle)),
                draw(st.sampled_from(given)),
            )
        )

    return build()


def ethnicities(*, minority: bool | None = None) -> SearchStrategy[str]:
    """Official ethnic-group names, mostly those of Lai Châu (Thái, Mông, Dao, ...).

    ``minority=True`` excludes Kinh, ``False`` gives only Kinh.

    >>> ethnicities(minority=False).example()
    'Kinh'
    """
    if minority is False:
        return st.just(ETHNIC_GROUPS[0].name)
    every = [g.name for g in ETHNIC_GROUPS]
    local = list(_LAI_CHAU_GROUPS)
    if minority:
        every = every[1:]
        local = [n for n in local if n != "Kinh"]
    return st.one_of(st.sampled_from(local), st.sampled_from(every))
