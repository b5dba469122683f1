"""The testing kit: rosters with population sizes, registering a plugin under an installed
plugin's name, registration errors named by plugin, and ``docs/testing.md`` run as tests."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import pluggy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadre_core import (
    Parameter,
    PluginError,
    PluginHost,
    Roster,
    Rule,
    Target,
    Text,
    criteria,
    hookimpl,
)
from cadre_core.testing import evaluate_plugin, temporary_plugin
from cadre_core.testing import strategies as cst
from cadre_core.testing.strategies import PopulationRoster

ROOT = Path(__file__).resolve().parent.parent
TESTING_MD = ROOT / "docs" / "testing.md"
PLAN_START = dt.date(2026, 1, 1)
DAYS = st.sampled_from(
    [dt.date(2026, 6, 30), dt.date(2026, 12, 31), dt.date(2027, 3, 15), dt.date(2028, 2, 29)]
)
FLAGS = [
    "is_active",
    "is_standing",
    "is_vice_chair",
    "is_department_leader",
    "is_leader",
    "is_professional",
    "holds_committee_chair",
    "holds_professional",
    "holds_other",
]
#: each kind of ``satisfying`` and the criterion of ``cadre_core.criteria`` it mirrors
CRITERIA: dict[str, tuple[Any, criteria.Criterion]] = {
    "education": (("education_at_least", "dai_hoc"), criteria.education_at_least("dai_hoc")),
    "education_lowest": (
        ("education_at_least", "trung_cap"),
        criteria.education_at_least("trung_cap"),
    ),
    "education_highest": (
        ("education_at_least", "tien_si"),
        criteria.education_at_least("tien_si"),
    ),
    "theory": (("theory_at_least", "trung_cap"), criteria.theory_at_least("trung_cap")),
    "theory_equal_ranks": (("theory_at_least", "cu_nhan"), criteria.theory_at_least("cu_nhan")),
    "rating": (("rating_at_least", "good"), criteria.rating_at_least("good")),
    "rating_any": (("rating_at_least", "incomplete"), criteria.rating_at_least("incomplete")),
    "trained": (("trained_in", ["law", "it"]), criteria.trained_in(["law", "it"])),
    "trained_one": (("trained_in", "ethics"), criteria.trained_in(["ethics"])),
    "female": ("is_female", criteria.is_female()),
    "minority": ("is_minority", criteria.is_minority()),
}
KIT = settings(max_examples=15, deadline=None)


class TargetPlugin:
    """A plugin with one target of ``population`` and ``criterion``; ``plan_start`` as a
    parameter when given (the window of ``trained_in``)."""

    def __init__(
        self,
        population: str,
        criterion: criteria.Criterion | None,
        rule: Rule | None = None,
        plan_start: dt.date | None = None,
    ) -> None:
        self.target = Target.from_criteria(
            "kit.1",
            Text("Mục tiêu thử", "Test target"),
            "Test plan, clause 1",
            criteria.flag(population, Text(population, population)),
            criterion or criteria.flag("is_active", Text("", "")),
            rule or Rule(">=", Fraction(7, 10)),
            dt.date(2030, 12, 31),
        )
        self.plan_start = plan_start

    @hookimpl
    def cadre_targets(self) -> list[Target]:
        return [self.target]

    @hookimpl
    def cadre_parameters(self) -> list[Parameter]:
        if self.plan_start is None:
            return []
        return [Parameter("plan_start", self.plan_start, "date", "plan start", "test")]


def counted(case: PopulationRoster, plugin: TargetPlugin) -> dict[str, tuple[int, int]]:
    """What the engine counts, per commune: (population, satisfied)."""
    ev = evaluate_plugin(plugin, case.roster, case.as_of, name="kit", findings=False)
    if len(case.sizes) == 1:
        only = next(iter(case.sizes))
        t = ev.communes[0].target("kit.1")
        return {only: (t.population, t.satisfied)}
    return {
        c.commune: (c.target("kit.1").population, c.target("kit.1").satisfied) for c in ev.communes
    }


def asked(case: PopulationRoster) -> dict[str, tuple[int, int]]:
    counts = case.counts or {}
    return {c: (n, counts.get(c, n)) for c, n in case.sizes.items()}


# ----------------------------------------------------- population sizes, exactly


@pytest.mark.parametrize("kind", sorted(CRITERIA))
def test_engine_counts_what_was_asked(kind: str) -> None:
    spec, criterion = CRITERIA[kind]

    @KIT
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        flag = data.draw(st.sampled_from(FLAGS), label="population")
        start = data.draw(st.sampled_from([None, PLAN_START]), label="plan_start")
        case = data.draw(
            cst.population_rosters(
                population=flag,
                size=st.integers(0, 25),
                satisfying=spec,
                others=st.integers(0, 6),
                communes=data.draw(st.integers(1, 3), label="communes"),
                as_of=DAYS,
                plan_start=start,
            )
        )
        plugin = TargetPlugin(flag, criterion, plan_start=start)
        assert counted(case, plugin) == asked(case)

    check()


@KIT
@given(
    cst.population_rosters(
        population="is_standing", size=st.integers(0, 30), others=st.integers(0, 10), as_of=DAYS
    )
)
def test_population_alone(case: PopulationRoster) -> None:
    assert case.count is None and case.counts is None
    got = counted(case, TargetPlugin("is_standing", None))
    assert got == {c: (n, n) for c, n in case.sizes.items()}


@pytest.mark.parametrize(
    ("count", "required", "shortfall", "status"), [(63, 63, 0, "met"), (62, 63, 1, "not_met")]
)
def test_boundary_of_seventy_percent_of_ninety(
    count: int, required: int, shortfall: int, status: str
) -> None:
    @settings(max_examples=5, deadline=None)
    @given(
        cst.population_rosters(
            population="is_professional",
            size=90,
            satisfying=("education_at_least", "dai_hoc"),
            count=count,
        )
    )
    def check(case: PopulationRoster) -> None:
        plugin = TargetPlugin("is_professional", criteria.education_at_least("dai_hoc"))
        ev = evaluate_plugin(plugin, case.roster, case.as_of, name="kit", findings=False)
        t = ev.communes[0].target("kit.1")
        assert (t.population, t.satisfied) == (90, count)
        assert (t.required, t.shortfall, t.status) == (required, shortfall, status)

    check()


@settings(max_examples=10, deadline=None)
@given(
    cst.population_rosters(
        population="is_leader",
        size=[12, st.integers(0, 5), 0],
        satisfying="is_female",
        count=[3, lambda n: st.integers(0, n), 0],
        others=[0, 4, st.just(2)],
    )
)
def test_sizes_per_commune(case: PopulationRoster) -> None:
    assert len(case.sizes) == 3
    first, second, third = case.sizes.values()
    assert first == 12 and 0 <= second <= 5 and third == 0
    assert counted(case, TargetPlugin("is_leader", criteria.is_female())) == asked(case)


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    cst.population_rosters(
        population="is_active",
        size=st.integers(0, 8),
        satisfying=("trained_in", ["law"]),
        others=st.integers(0, 4),
        communes=2,
        as_of=DAYS,
        plan_start=PLAN_START,
    )
)
def test_generated_rosters_are_valid(case: PopulationRoster) -> None:
    """The fast constructor gives exactly what :meth:`Roster.from_frames` gives."""
    assert Roster.from_frames(dict(case.roster.tables), name=case.roster.name) == case.roster


# hypothesis' defaults (deadline 200 ms, every health check): sizes ~100 pass them
@settings(max_examples=20, deadline=dt.timedelta(milliseconds=200), suppress_health_check=())
@given(
    cst.population_rosters(
        population="is_professional",
        size=st.integers(80, 120),
        satisfying=("theory_at_least", "trung_cap"),
        others=st.integers(0, 20),
    )
)
def test_fast_enough_for_the_default_settings(case: PopulationRoster) -> None:
    assert len(case.roster.cadres) >= case.size >= 80


def test_counts_are_checked() -> None:
    with pytest.raises(ValueError, match="population flag"):
        cst.population_rosters(population="is_chair")
    with pytest.raises(ValueError, match="education_at_least"):
        cst.population_rosters(satisfying="has_degree")
    with pytest.raises(ValueError, match="takes 1 argument"):
        cst.population_rosters(satisfying="education_at_least")
    with pytest.raises(ValueError, match="needs satisfying"):
        cst.population_rosters(count=3)
    with pytest.raises(ValueError, match="one value per commune"):
        cst.population_rosters(size=[1, 2], others=[1, 2, 3])

    @settings(max_examples=1, database=None)
    @given(cst.population_rosters(size=3, satisfying="is_female", count=4))
    def too_many(case: PopulationRoster) -> None:
        pass

    with pytest.raises(ValueError, match=r"count=lambda n: st.integers\(0, n\)"):
        too_many()


def test_public_names_have_docstrings_with_examples() -> None:
    for name in ("population_rosters", "PopulationRoster"):
        assert name in cst.__all__
        assert ">>>" in (getattr(cst, name).__doc__ or "")


# ------------------------------------- a plugin under an installed plugin's name


class NoTargets:
    """Stands in for a new version of an installed plugin: one parameter, no target."""

    @hookimpl
    def cadre_parameters(self) -> list[Parameter]:
        return [Parameter("kit.version", 2, "int", "which version is loaded", "test")]


def _ids(host: PluginHost) -> list[str]:
    return [t.id for _, t in host.targets()]


def test_temporary_plugin_takes_the_place_of_the_installed_one() -> None:
    with temporary_plugin(NoTargets(), name="laichau", installed=True) as host:
        assert host.plugin_names().count("laichau") == 1
        assert host.pm.get_plugin("laichau").__class__ is NoTargets
        assert not [i for i in _ids(host) if i.startswith("nq05.")]
        assert "kit.version" in host.params(host.targets()).definitions
    with temporary_plugin(NoTargets(), name="laichau", installed=["laichau"]) as host:
        assert host.plugin_names() == ["cadre", "laichau"]
        assert _ids(host) == []


def test_the_given_plugin_may_register_the_installed_targets() -> None:
    import cadre_laichau

    with temporary_plugin(cadre_laichau, name="laichau", installed=["laichau"]) as host:
        assert host.plugin_names() == ["cadre", "laichau"]
        assert "nq05.5a" in _ids(host)


def test_fixture_takes_the_place_of_the_installed_one(cadre_plugin: Any) -> None:
    host = cadre_plugin(NoTargets(), name="laichau", installed=["laichau"])
    assert host.plugin_names() == ["cadre", "laichau"]
    assert not [i for i in _ids(host) if i.startswith("nq05.")]


def test_evaluate_plugin_under_the_installed_name() -> None:
    ev = evaluate_plugin(NoTargets(), name="laichau", installed=["laichau"], findings=False)
    assert ev.communes[0].targets == ()
    assert [p.name for p in ev.plugins] == ["cadre", "laichau"]


class ExtraArgument:
    @hookimpl
    def cadre_targets(self, province: str) -> list[Target]:
        return []


def test_an_extra_argument_is_a_plugin_error_naming_the_plugin(cadre_plugin: Any) -> None:
    with pytest.raises(PluginError) as err, temporary_plugin(ExtraArgument(), name="extra"):
        pass
    assert not isinstance(err.value, pluggy.PluginValidationError)
    assert err.value.plugin == "extra"
    assert "province" in str(err.value) and "cadre_targets" in str(err.value)
    with pytest.raises(PluginError, match="'extra'"):
        evaluate_plugin(ExtraArgument(), name="extra")
    with pytest.raises(PluginError, match="'extra'"):
        cadre_plugin(ExtraArgument(), name="extra")


class Typo:
    @hookimpl
    def cadre_tragets(self) -> list[Target]:
        return []


def test_an_unknown_hook_is_a_plugin_error_naming_the_plugin() -> None:
    with pytest.raises(PluginError) as err, temporary_plugin(Typo(), name="typo"):
        pass
    assert err.value.plugin == "typo"
    assert "object at 0x" not in str(err.value)


# ------------------------------------------------------------- docs/testing.md

BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def plain_signature(fn: Any) -> str:
    """``fn(a, b=1, *, c="x", **kwargs)``: names and defaults, no annotations."""
    parts: list[str] = []
    for p in inspect.signature(fn).parameters.values():
        if p.kind is p.KEYWORD_ONLY and "*" not in parts:
            parts.append("*")
        if p.kind is p.VAR_KEYWORD:
            parts.append(f"**{p.name}")
        elif p.default is p.empty:
            parts.append(p.name)
        else:
            parts.append(f"{p.name}={p.default!r}".replace("'", '"'))
    return f"{fn.__name__}({', '.join(parts)})"


def test_testing_page_signatures_match_the_kit() -> None:
    import cadre_core.testing as kit

    text = TESTING_MD.read_text(encoding="utf-8")
    for fn in (kit.temporary_plugin, kit.evaluate_plugin):
        assert f"## `{plain_signature(fn)}`" in text, plain_signature(fn)


def test_testing_page_examples_run(request: pytest.FixtureRequest) -> None:
    """Every ``python`` block of the page runs, in order, and each test it defines passes."""
    namespace: dict[str, Any] = {"__name__": "testing_md"}
    blocks = BLOCK.findall(TESTING_MD.read_text(encoding="utf-8"))
    assert len(blocks) >= 5
    for block in blocks:
        exec(compile(block, str(TESTING_MD), "exec"), namespace)
    tests = {name: fn for name, fn in namespace.items() if name.startswith("test_")}
    assert {"test_registers_its_targets", "test_seventy_percent_of_ninety"} <= set(tests)
    for fn in tests.values():
        wanted = inspect.signature(fn).parameters
        fn(**{name: request.getfixturevalue(name) for name in wanted})
