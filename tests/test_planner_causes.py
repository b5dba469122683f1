"""Which limit holds a target back: a limit is named only when dropping it lets the
commune close more of its shortfall in total.

:func:`cadre_core.planner._milp.shortfall` with ``below`` (the plan's shortfall per
key) re-solves a commune without a family of limits only when its linear relaxation says
the total could fall; a shortfall that could merely move from one target to another is
not "closed", so the plan's split is kept and no limit is blamed for it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core.planner._milp import LIMITS, Model, shortfall, solve
from cadre_core.planner._needs import causes

DAY = pd.Timestamp("2027-03-01")
END = pd.Timestamp("2027-06-30")
DEADLINE = pd.Timestamp("2030-12-31")


def _options(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """One intake (the same months) for each (cadre, programme) of ``rows``."""
    n = len(rows)
    return pd.DataFrame(
        {
            "cadre_id": [c for c, _ in rows],
            "programme": [p for _, p in rows],
            "year": [2027] * n,
            "start": [DAY] * n,
            "end": [END] * n,
            "cost": [10] * n,
            "long": [False] * n,
            "commune": ["X"] * n,
            "succession": [False] * n,
        }
    )


def _empty_groups() -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    return (
        pd.DataFrame({"group": [], "kind": [], "cadre_id": []}, dtype=object),
        pd.Series(dtype="int64"),
        pd.DataFrame({"group": [], "cadre_id": [], "until": []}, dtype=object),
    )


def _either_model() -> Model:
    """One cadre who would meet target 0 through programme p1 or target 1 through p2,
    but whose only intakes overlap: one of the two stays short (total 1), either one."""
    groups, caps, busy = _empty_groups()
    return Model(
        options=_options([("a", "p1"), ("a", "p2")]),
        covers=pd.DataFrame({"key": [0, 1], "cadre_id": ["a", "a"], "deadline": [DEADLINE] * 2}),
        singles=pd.DataFrame({"cover": [0, 1], "programme": ["p1", "p2"]}),
        pairs=pd.DataFrame({"cover": pd.Series([], dtype="int64"), "p1": [], "p2": []}),
        needs=np.asarray([1, 1], dtype=np.int64),
        groups=groups,
        caps=caps,
        busy=busy,
        key_communes=("X", "X"),
    )


def _agency_model() -> Model:
    """Two cadres of one agency who may not both be away: one of two targets stays short
    (total 1) under the agency's limit, none without it."""
    _, _, busy = _empty_groups()
    return Model(
        options=_options([("a", "p1"), ("b", "p1")]),
        covers=pd.DataFrame({"key": [0, 1], "cadre_id": ["a", "b"], "deadline": [DEADLINE] * 2}),
        singles=pd.DataFrame({"cover": [0, 1], "programme": ["p1", "p1"]}),
        pairs=pd.DataFrame({"cover": pd.Series([], dtype="int64"), "p1": [], "p2": []}),
        needs=np.asarray([1, 1], dtype=np.int64),
        groups=pd.DataFrame({"group": ["g", "g"], "kind": ["agency"] * 2, "cadre_id": ["a", "b"]}),
        caps=pd.Series({"g": 1}),
        busy=busy,
        key_communes=("X", "X"),
    )


@pytest.mark.parametrize("split", [[1, 0], [0, 1]])
def test_a_shortfall_that_only_moves_keeps_the_plans_split(split: list[int]) -> None:
    model = _either_model()
    assert int(solve(model).slack.sum()) == 1
    below = np.asarray(split, dtype=np.int64)
    # dropping the agency or leader limits (there are none) closes nothing in total
    for family in ("agency", "leaders"):
        assert shortfall(model, frozenset({family}), below=below).tolist() == split


def test_a_limit_that_binds_is_found_and_its_relaxation_solved() -> None:
    model = _either_model()
    # without "one programme at a time" the cadre takes both: nothing stays short
    assert shortfall(model, frozenset({"overlap"}), below=np.asarray([1, 0])).tolist() == [0, 0]
    agency = _agency_model()
    sol = solve(agency)
    assert int(sol.slack.sum()) == 1
    assert shortfall(agency, frozenset({"agency"}), below=sol.slack).tolist() == [0, 0]


def test_the_linear_relaxation_spares_the_integer_solve(solver_calls: list[bool]) -> None:
    calls = solver_calls
    model = _either_model()
    shortfall(model, frozenset({"agency"}), below=np.asarray([1, 0]))
    assert calls == [True]  # the relaxation's bound (1) is the total: no integer solve


def test_causes_name_the_binding_limit_and_not_a_moved_shortfall() -> None:
    either = _either_model()
    sol = solve(either)
    misses = pd.DataFrame({"key": [0, 1], "cadre_id": ["a", "a"], "reason": ["limits"] * 2})
    got = causes(misses, either, sol.slack)
    short = int(np.flatnonzero(sol.slack)[0])
    # the agency and leader limits are absent; one programme at a time is what binds
    assert got[short] == "overlap"
    agency = _agency_model()
    sol = solve(agency)
    misses = pd.DataFrame({"key": [0, 1], "cadre_id": ["a", "b"], "reason": ["limits"] * 2})
    short = int(np.flatnonzero(sol.slack)[0])
    assert causes(misses, agency, sol.slack)[short] == "agency"


@settings(max_examples=25, deadline=None)
@given(
    split=st.sampled_from([[1, 0], [0, 1], [1, 1], [0, 0]]),
    relax=st.sets(st.sampled_from(LIMITS), max_size=3),
    agency=st.booleans(),
)
def test_a_relaxed_shortfall_is_below_or_the_given_one(
    split: list[int], relax: set[str], agency: bool
) -> None:
    """Whatever shortfall is given, the answer is the given one when dropping the
    limits closes nothing more in total, else the split of a plan that closes more (the
    first found: a total below the given one, and not below the least)."""
    model = _agency_model() if agency else _either_model()
    below = np.asarray(split, dtype=np.int64)
    got = shortfall(model, frozenset(relax), below=below)
    least = int(shortfall(model, frozenset(relax)).sum())
    if least >= int(below.sum()):
        assert got.tolist() == split
    else:
        assert least <= int(got.sum()) < int(below.sum())
        assert ((got >= 0) & (got <= model.needs)).all()
