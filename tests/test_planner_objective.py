"""Phase 2's objective is exact: whole numbers, the cost first, the tie-breaks after.

Among plans of the least shortfall the planner takes the cheapest; among those of equal
cost, the one that trains more succession-plan candidates and starts earlier. The
objective is made of whole numbers (cost units times a weight above the widest spread of
the tie-breaks, plus the tie-breaks), so HiGHS proves the optimum to the unit instead of
closing a gap of rounding errors, and a tie-break never outweighs one cost unit.
"""

from __future__ import annotations

import warnings

import hypothesis.strategies as st
import numpy as np
import pandas as pd
from hypothesis import given, settings

from cadre_core.planner._milp import Model, _tie_broken_cost, _whole, solve

UNIT = 500_000


@st.composite
def _blocks(draw: st.DrawFn) -> tuple[pd.DataFrame, list[int], list[int]]:
    """Options of one block (group = one (cadre, programme), at most one taken), and
    two plans: each takes at most one option per group."""
    n = draw(st.integers(1, 12))
    opts = pd.DataFrame(
        {
            "group": draw(st.lists(st.integers(0, 4), min_size=n, max_size=n)),
            "cost": [UNIT * c for c in draw(st.lists(st.integers(0, 160), min_size=n, max_size=n))],
            "month": draw(st.lists(st.integers(24_300, 24_360), min_size=n, max_size=n)),
            "succ": draw(st.lists(st.booleans(), min_size=n, max_size=n)),
        }
    )

    def one_plan() -> list[int]:
        taken: dict[int, int] = {}
        for i in draw(st.permutations(range(n)))[: draw(st.integers(0, n))]:
            taken.setdefault(int(opts["group"].iloc[i]), i)
        return sorted(taken.values())

    return opts, one_plan(), one_plan()


def _value(opts: pd.DataFrame, chosen: list[int]) -> tuple[int, int]:
    """(cost, tie-break) of a plan, as the planner documents them: the cost in VND, then
    the months from the block's first start less the block's span for each candidate
    (lower is better)."""
    m = opts["month"] - opts["month"].min()
    span = int(m.max()) + 1
    sel = opts.iloc[chosen]
    bonus = (m.iloc[chosen] - span * sel["succ"].astype(int)).sum()
    return int(sel["cost"].sum()), int(bonus)


@settings(max_examples=300, deadline=None)
@given(_blocks())
def test_the_objective_orders_plans_by_cost_then_tie_breaks(
    block: tuple[pd.DataFrame, list[int], list[int]],
) -> None:
    opts, one, two = block
    n = len(opts)
    c = _tie_broken_cost(
        np.arange(n),
        opts["cost"].to_numpy(float),
        opts["succ"].to_numpy(float),
        opts["month"].to_numpy(np.int64),
        opts["group"].to_numpy(np.int64),
        n + 1,
    )
    assert np.array_equal(c, np.rint(c)) and c[n] == 0
    z1, z2 = c[one].sum(), c[two].sum()
    assert max(abs(z1), abs(z2)) < 2**53  # exact in floating point
    v1, v2 = _value(opts, one), _value(opts, two)
    assert np.sign(z1 - z2) == (v1 > v2) - (v1 < v2)


def test_whole_objectives_are_told_apart() -> None:
    integral = np.array([1.0, 1.0, 0.0])
    assert _whole(np.array([3.0, -2.0, 0.0]), integral)
    assert not _whole(np.array([3.5, 0.0, 0.0]), integral)  # a fraction
    assert not _whole(np.array([1.0, 0.0, 2.0]), integral)  # a continuous variable priced


def _model(options: list[tuple[str, str, int, bool]], need: int = 1) -> Model:
    """Cadres each able to close the one target key through one programme: options
    (cadre, start month, cost, succession candidate); ``need`` cadres must be trained."""
    frame = pd.DataFrame(options, columns=["cadre_id", "start", "cost", "succession"])
    starts = pd.to_datetime(frame["start"])
    who = list(dict.fromkeys(frame["cadre_id"]))
    return Model(
        options=pd.DataFrame(
            {
                "cadre_id": frame["cadre_id"],
                "programme": "p",
                "year": starts.dt.year,
                "start": starts,
                "end": starts + pd.offsets.MonthEnd(0),
                "cost": frame["cost"],
                "long": False,
                "commune": "X",
                "succession": frame["succession"],
            }
        ),
        covers=pd.DataFrame(
            {
                "key": [0] * len(who),
                "cadre_id": who,
                "deadline": [pd.Timestamp("2030-12-31")] * len(who),
            }
        ),
        singles=pd.DataFrame({"cover": list(range(len(who))), "programme": ["p"] * len(who)}),
        pairs=pd.DataFrame({"cover": pd.Series([], dtype="int64"), "p1": [], "p2": []}),
        needs=np.asarray([need], dtype=np.int64),
        groups=pd.DataFrame({"group": [], "kind": [], "cadre_id": []}, dtype=object),
        caps=pd.Series(dtype="int64"),
        busy=pd.DataFrame({"group": [], "cadre_id": [], "until": []}, dtype=object),
        key_communes=("X",),
    )


def _taken(model: Model) -> list[tuple[str, str]]:
    sol = solve(model)
    assert sol.status == "optimal" and sol.slack.tolist() == [0]
    o = model.options.iloc[sol.chosen]
    return sorted(zip(o["cadre_id"], o["start"].dt.strftime("%Y-%m"), strict=True))


def test_the_cheaper_plan_wins_whatever_its_tie_breaks() -> None:
    # a candidate starting at once, or a non-candidate three years later for one unit less
    model = _model(
        [("a", "2027-03-01", 2 * UNIT, True), ("b", "2030-11-01", UNIT, False)],
    )
    assert _taken(model) == [("b", "2030-11")]


def test_among_equal_costs_the_candidate_then_the_earlier_start() -> None:
    model = _model(
        [
            ("a", "2027-03-01", UNIT, False),
            ("b", "2029-03-01", UNIT, True),
            ("b", "2027-05-01", UNIT, True),
            ("c", "2027-03-01", UNIT, False),
        ],
        need=2,
    )
    # the candidate b, at its earlier intake; then a or c (equal in everything): one of them
    taken = set(_taken(model))
    assert taken in ({("b", "2027-05"), ("a", "2027-03")}, {("b", "2027-05"), ("c", "2027-03")})


def test_solving_says_nothing_of_the_options_it_passes_on() -> None:
    model = _model([("a", "2027-03-01", UNIT, False), ("b", "2027-03-01", UNIT, True)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _taken(model) == [("b", "2027-03")]
