"""The planner counts targets the engine's way, and sits above the engine.

A plan's "met" must mean what an evaluation's "met" means: the projection of a target
without the plan is the evaluation of the projected roster at the deadline, and with the
plan it is the evaluation of the roster with the plan applied. The planner imports only
the stages below it.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
import pkgutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cadre_core
import cadre_core.planner
from cadre_core.features._frame import build_features
from cadre_core.planner import Plan, apply_plan, plan, project
from cadre_core.planner._targets import Communes, evaluate_at
from cadre_core.plugins._host import PluginHost, make_plugin_manager
from cadre_core.roster._roster import Roster
from cadre_core.roster._synth import synth_roster
from cadre_core.testing.strategies import rosters

AS_OF = dt.date(2026, 12, 31)

PLUGINS = [["province_template"]]
if importlib.util.find_spec("cadre_laichau") is not None:
    PLUGINS.append(["laichau"])


def _synthetic_3() -> Roster:
    return synth_roster(3, 3, validate=False, name="syn3")


ROSTERS: dict[str, Callable[[], Roster]] = {
    "sample": cadre_core.sample_roster,
    "synthetic-3": _synthetic_3,
}


@pytest.fixture(
    scope="module",
    params=[(r, p) for r in ROSTERS for p in PLUGINS],
    ids=lambda rp: f"{rp[0]}-{rp[1][0]}",
)
def planned(request: pytest.FixtureRequest) -> tuple[Roster, list[str], Plan]:
    name, plugins = request.param
    roster = ROSTERS[name]()
    return roster, plugins, plan(roster, as_of=AS_OF, plugins=plugins)


def test_projections_are_the_engine_on_the_projected_roster(
    planned: tuple[Roster, list[str], Plan],
) -> None:
    roster, plugins, p = planned
    projected = project(roster, as_of=AS_OF, horizon=p.horizon)
    applied = apply_plan(projected, p)
    assert p.projections
    for deadline in sorted({x.deadline for x in p.projections}):
        before = cadre_core.evaluate(projected, deadline, plugins=plugins, findings=False)
        after = cadre_core.evaluate(applied, deadline, plugins=plugins, findings=False)
        for x in p.projections:
            if x.deadline != deadline:
                continue
            b = before.commune(x.commune).target(x.target_id)
            a = after.commune(x.commune).target(x.target_id)
            assert (b.satisfied, b.status) == (x.satisfied_before, x.status_before), x
            assert (a.population, a.required, a.satisfied, a.status) == (
                x.population,
                x.required,
                x.satisfied_after,
                x.status_after,
            ), x


@pytest.fixture(scope="module", params=PLUGINS, ids=lambda p: p[0])
def host(request: pytest.FixtureRequest) -> PluginHost:
    return PluginHost(make_plugin_manager(only=request.param))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(roster=rosters(max_cadres=10, communes=st.integers(1, 3), as_of=AS_OF))
def test_counts_per_commune_are_the_engines(host: PluginHost, roster: Roster) -> None:
    registered = host.targets()
    values = host.params(registered)
    features = host.features(build_features(roster, AS_OF, values))
    ev = cadre_core.evaluate(roster, AS_OF, host=host, findings=False)
    communes = Communes.of(features)
    assert list(communes.names) == [c.commune for c in ev.communes]
    for _, t in registered:
        at = evaluate_at(t, features, values, communes)
        for c in ev.communes:
            r = c.target(t.id)
            got = tuple(at.counts[col].loc[c.commune] for col in ("n", "s", "req", "status"))
            assert got == (
                r.population,
                r.satisfied,
                r.required,
                r.status,
            )
            failing = at.frame_index[(at.failing & (at.key == c.commune)).to_numpy()]
            assert tuple(sorted(failing.astype(str))) == r.failing


#: the stages the planner may import (everything below it), and modules of its own
BELOW = ("vocab", "roster", "features", "targets", "findings", "plugins", "engine", "planner")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
    return out


@pytest.mark.parametrize(
    "module",
    sorted(m.name for m in pkgutil.iter_modules(cadre_core.planner.__path__)) + ["__init__"],
)
def test_planner_imports_only_stages_below_it(module: str) -> None:
    path = Path(cadre_core.planner.__path__[0]) / f"{module}.py"
    own = [m for m in _imports(path) if m == "cadre_core" or m.startswith("cadre_core.")]
    wrong = [m for m in own if m.split(".")[1:2] == [] or m.split(".")[1] not in BELOW]
    assert not wrong, f"cadre_core.planner.{module} imports {wrong}"
