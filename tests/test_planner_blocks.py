"""A commune's plan is its own: planning it with other communes changes nothing of it.

Every limit, target and option of a commune stays within the commune, and the solver's
tie-breaks (succession-plan candidates first, then earlier starts) are scaled by the
commune's own options, so among plans of equal cost a commune gets the same one whether
it is planned alone or within a province.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from cadre_core.planner import Plan, plan
from cadre_core.planner._milp import Model, shortfall, solve
from cadre_core.roster._roster import Roster
from cadre_core.roster._synth import synth_roster

AS_OF = dt.date(2026, 12, 31)
PLUGINS = ["laichau"]


def _alone(roster: Roster, commune: str) -> Roster:
    """The roster of one commune: its agencies, their posts, the cadres holding them."""
    t = roster.tables
    agencies = t["agencies"][t["agencies"]["commune"] == commune]
    codes = set(agencies["agency_code"])
    positions = t["positions"][t["positions"]["agency_code"].isin(codes)]
    assignments = t["assignments"][
        t["assignments"]["position_code"].isin(positions["position_code"])
    ]
    ids = set(assignments["cadre_id"])
    frames: dict[str, pd.DataFrame] = {}
    for name, frame in t.items():
        if "cadre_id" in frame.columns:
            frames[name] = frame[frame["cadre_id"].isin(ids)]
        elif "agency_code" in frame.columns:
            frames[name] = frame[frame["agency_code"].isin(codes)]
        elif "commune" in frame.columns:
            frames[name] = frame[frame["commune"] == commune]
        else:
            frames[name] = frame
    frames["positions"] = positions
    return roster.with_tables(**frames)


def _of(p: Plan, commune: str) -> tuple[list[str], list[str], list[str]]:
    """The commune's lines, needs and projections (``trainable`` included: it is read
    only where the commune itself falls short)."""
    return (
        sorted(repr(x) for x in p.lines if x.commune == commune),
        sorted(repr(n) for n in p.needs if n.commune == commune),
        sorted(repr(x) for x in p.projections if x.commune == commune),
    )


@pytest.fixture(scope="module")
def roster() -> Roster:
    return synth_roster(3, 2026, validate=False, name="syn3")


def test_a_commune_is_planned_alone_as_within_the_province(roster: Roster) -> None:
    pytest.importorskip("cadre_laichau")
    together = plan(roster, as_of=AS_OF, plugins=PLUGINS)
    communes = roster.communes
    assert len(communes) == 3
    seen = 0
    for commune in communes:
        alone = plan(_alone(roster, commune), as_of=AS_OF, plugins=PLUGINS)
        assert {x.commune for x in alone.lines} <= {commune}
        mine = _of(together, commune)
        assert mine[0], commune  # the commune has lines to compare
        assert _of(alone, commune) == mine, commune
        seen += len(mine[0])
    assert seen == len(together.lines)


def _pairs_model(n: int = 2) -> Model:
    """``n`` cadres who each need both programmes of a pair, whose only intakes overlap:
    the linear relaxation closes half of each (shortfall n/2), the plan none (n)."""
    day = pd.Timestamp("2027-03-01")
    who = [f"c{i}" for i in range(n)]
    options = pd.DataFrame(
        {
            "cadre_id": [c for c in who for _ in (1, 2)],
            "programme": ["p1", "p2"] * n,
            "year": [2027] * (2 * n),
            "start": [day] * (2 * n),
            "end": [pd.Timestamp("2027-06-30")] * (2 * n),
            "cost": [10] * (2 * n),
            "long": [False] * (2 * n),
            "commune": ["X"] * (2 * n),
            "succession": [False] * (2 * n),
        }
    )
    return Model(
        options=options,
        covers=pd.DataFrame(
            {"key": [0] * n, "cadre_id": who, "deadline": [pd.Timestamp("2030-12-31")] * n}
        ),
        singles=pd.DataFrame({"cover": pd.Series([], dtype="int64"), "programme": []}),
        pairs=pd.DataFrame({"cover": list(range(n)), "p1": ["p1"] * n, "p2": ["p2"] * n}),
        needs=np.asarray([n], dtype=np.int64),
        groups=pd.DataFrame({"group": [], "kind": [], "cadre_id": []}, dtype=object),
        caps=pd.Series(dtype="int64"),
        busy=pd.DataFrame({"group": [], "cadre_id": [], "until": []}, dtype=object),
        key_communes=("X",),
    )


def test_the_least_shortfall_is_exact_when_the_linear_bound_is_not_reached(
    solver_calls: list[bool],
) -> None:
    calls = solver_calls
    model = _pairs_model()
    sol = solve(model)
    assert sol.slack.tolist() == [2] and sol.chosen.tolist() == [] and sol.status == "optimal"
    # the bound (1) failed; the least cost within one more (2) is feasible, so it is the
    # least shortfall: one linear solve and two integer ones, phase 1 never solved alone
    assert calls == [True, False, False]
    assert sol.slack.tolist() == shortfall(model, frozenset()).tolist()


def test_the_least_shortfall_is_exact_when_the_bound_is_two_short(
    solver_calls: list[bool],
) -> None:
    calls = solver_calls
    model = _pairs_model(4)
    sol = solve(model)
    assert sol.slack.tolist() == [4] and sol.chosen.tolist() == [] and sol.status == "optimal"
    # the bound (2) and one more (3) fail: phase 1 is solved (4), then the least cost
    assert calls == [True, False, False, False, False]
    assert sol.slack.tolist() == shortfall(model, frozenset()).tolist()


def test_asking_whether_a_commune_closes_more_stops_at_the_answer(
    solver_calls: list[bool],
) -> None:
    calls = solver_calls
    model = _pairs_model()  # the least shortfall is 2; the linear bound 1
    # below the plan's 2? The bound says maybe; the integer solve proves that nothing is
    assert shortfall(model, frozenset(), below=np.asarray([2])).tolist() == [2]
    assert calls == [True, False]
    # below 3? the first plan found is the answer (here the only one: 2)
    assert shortfall(model, frozenset(), below=np.asarray([3])).tolist() == [2]
