"""Tests of the province template, written with the cadre_core testing kit.

- :func:`cadre_core.testing.evaluate_plugin` evaluates a roster (default: the sample
  commune shipped with cadre_core) with the plugin registered for that call only;
- :func:`cadre_core.testing.temporary_plugin` yields a :class:`~cadre_core.PluginHost`
  to look at what the plugin registers;
- the ``cadre_plugin`` pytest fixture does the same for the duration of a test;
- hypothesis checks a property over many generated inputs, not one example.

The plugin is registered under a test name (``tpl-under-test``) rather than its entry
point name, so these tests run whether or not the package is installed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction

import attrs
import cadre_province_template as tpl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cadre_core
from cadre_core import PluginError, PluginHost, hookimpl
from cadre_core.testing import evaluate_plugin, temporary_plugin
from cadre_core.testing import strategies as cst

NAME = "tpl-under-test"
AS_OF = "2026-12-31"


@pytest.fixture(scope="module")
def sample() -> cadre_core.Roster:
    return cadre_core.sample_roster()


@pytest.fixture(scope="module")
def evaluation(sample: cadre_core.Roster) -> cadre_core.Evaluation:
    return evaluate_plugin(tpl, sample, AS_OF, name=NAME)


def test_registers_own_targets_with_sources() -> None:
    with temporary_plugin(tpl, name=NAME) as host:
        registered = host.targets()
        definitions = {p.key: p for plugin, p in host.parameter_definitions() if plugin == NAME}
    ids = [t.id for _, t in registered]
    assert ids == ["tpl.5a", "tpl.7b", "tpl.youth"]
    assert {plugin for plugin, _ in registered} == {NAME}
    for _, target in registered:
        assert target.source.startswith(tpl.RESOLUTION)
        assert target.title.vi and target.title.en
        assert target.requirement.vi and target.population_text.vi
    assert definitions["tpl.youth.max_age"].default == 40
    assert definitions["tpl.youth.max_age"].source.startswith(tpl.RESOLUTION)


def test_targets_take_their_words_from_their_criteria() -> None:
    """``Target.from_criteria``: who is counted, what they need and the explainer come
    from the population and the criterion, never written twice."""
    for target in tpl.targets():
        assert isinstance(target.population, cadre_core.criteria.Criterion)
        assert isinstance(target.criterion, cadre_core.criteria.Criterion)
        assert target.population_text == target.population.requirement
        assert target.requirement == target.criterion.requirement
        assert target.explain is target.criterion.explain
        assert target.unit == "cadres"
    t5a = next(t for t in tpl.targets() if t.id == "tpl.5a")
    assert t5a.explain is not None  # education_at_least says what each cadre lacks


def test_fixture_registers_for_one_test(cadre_plugin: Callable[..., PluginHost]) -> None:
    host = cadre_plugin(tpl, name=NAME)
    assert NAME in host.plugin_names()
    infos = {i.name: i for i in host.plugins()}
    assert set(infos[NAME].hooks) == {
        "cadre_about",
        "cadre_features",
        "cadre_layouts",
        "cadre_parameters",
        "cadre_targets",
    }


def test_thresholds_and_deadlines_differ_from_laichau(evaluation: cadre_core.Evaluation) -> None:
    commune = evaluation.communes[0]
    t5a = commune.target("tpl.5a")
    assert (t5a.rule.op, t5a.rule.value) == (">=", Fraction(3, 5))
    assert t5a.deadline == dt.date(2029, 12, 31)
    # 6 standing leaders, 3 with a master's degree: ceil(6 x 3/5) = 4 required.
    assert (t5a.population, t5a.satisfied, t5a.required, t5a.shortfall) == (6, 3, 4, 1)
    assert t5a.status == "not_met" and not t5a.overdue
    t7b = commune.target("tpl.7b")
    assert (t7b.rule.op, t7b.rule.value) == (">=", Fraction(7, 10))
    # 20 professionals, 14 with intermediate theory: ceil(20 x 7/10) = 14, met.
    assert (t7b.population, t7b.satisfied, t7b.required, t7b.status) == (20, 14, 14, "met")


def test_young_leader_feature(evaluation: cadre_core.Evaluation) -> None:
    features = evaluation.features
    assert features is not None
    cadres = features.cadres
    assert cadres[tpl.YOUNG_LEADER].dtype == bool
    # Independent check, one cadre at a time (fine in a test): leader and under 40.
    day = evaluation.as_of
    for cid, row in cadres.iterrows():
        born = row["birth_date"].date()
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        assert row[tpl.YOUNG_LEADER] == (bool(row["is_leader"]) and age < 40), cid
    youth = evaluation.communes[0].target("tpl.youth")
    young_standing = cadres["is_standing"] & cadres[tpl.YOUNG_LEADER]
    assert youth.satisfied == int(young_standing.sum())
    assert youth.status == ("met" if young_standing.any() else "not_met")


def test_parameters_override_the_defaults(sample: cadre_core.Roster) -> None:
    ev = evaluate_plugin(
        tpl,
        sample,
        AS_OF,
        name=NAME,
        params={"tpl.5a.threshold": "1/2", "tpl.youth.max_age": 60},
    )
    commune = ev.communes[0]
    assert commune.target("tpl.5a").required == 3
    assert commune.target("tpl.5a").status == "met"
    assert commune.target("tpl.youth").status == "met"
    assert ev.params.origin("tpl.5a.threshold") == "argument"
    assert ev.params.origin("tpl.5a.deadline") == f"plugin {NAME}"


def test_does_not_change_laichau_results(sample: cadre_core.Roster) -> None:
    alone = cadre_core.evaluate(sample, AS_OF, plugins=["laichau"])
    both = evaluate_plugin(tpl, sample, AS_OF, name=NAME, installed=["laichau"])
    ours = [t for t in both.communes[0].targets if not t.id.startswith("tpl.")]
    assert ours == list(alone.communes[0].targets)
    assert [t.id for t in both.communes[0].targets if t.id.startswith("tpl.")] == [
        "tpl.5a",
        "tpl.7b",
        "tpl.youth",
    ]
    assert both.communes[0].unrated == alone.communes[0].unrated
    assert both.communes[0].findings == alone.communes[0].findings
    for key in alone.params:
        assert both.params[key] == alone.params[key], key


def test_feature_column_clash_is_an_error() -> None:
    class Clash:
        """Another plugin that wants the same column name."""

        @hookimpl
        def cadre_features(self, features: cadre_core.Features) -> dict[str, pd.Series]:
            return {tpl.YOUNG_LEADER: pd.Series(False, index=features.cadres.index)}

    with temporary_plugin(Clash(), name="zz-clash", installed=False) as host:
        host.pm.register(tpl, name=NAME)  # loads before "zz-clash": the clash is zz-clash's
        with pytest.raises(PluginError, match=r"zz-clash.*is_young_leader"):
            cadre_core.evaluate(cadre_core.sample_roster(), AS_OF, host=host)


# --------------------------------------------------------------------- property tests
# A property test states what must hold for *every* input and lets hypothesis look for a
# counter-example. Evaluating a whole roster takes a fraction of a second, so the first
# property works on the feature frames of one evaluation, with the birth dates, the day
# and the age limit replaced by generated ones: the hook and the target's predicates are
# plain functions of ``Features``.


def _python_age(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_young_leaders_property(evaluation: cadre_core.Evaluation, data: st.DataObject) -> None:
    """For any birth dates, day and age limit: ``is_young_leader`` is exactly "a leader
    younger than the limit", and ``tpl.youth`` counts exactly those in the standing
    leadership."""
    assert evaluation.features is not None
    base = evaluation.features
    n = len(base.cadres)
    births = data.draw(
        st.lists(st.dates(dt.date(1955, 1, 1), dt.date(2006, 12, 31)), min_size=n, max_size=n),
        label="births",
    )
    day = data.draw(st.dates(dt.date(2025, 7, 1), dt.date(2035, 12, 31)), label="day")
    max_age = data.draw(st.integers(18, 70), label="max_age")
    cadres = base.cadres.drop(columns=[tpl.YOUNG_LEADER]).assign(
        birth_date=pd.to_datetime(pd.Series(births, index=base.cadres.index))
    )
    features = attrs.evolve(
        base,
        as_of=day,
        cadres=cadres,
        params=base.params.with_values({tpl.MAX_AGE_KEY: max_age}, "test"),
    )
    features = features.with_cadre_columns(dict(tpl.cadre_features(features)))
    young = features.cadres[tpl.YOUNG_LEADER]
    expected = [
        bool(leader) and _python_age(born, day) < max_age
        for leader, born in zip(features.cadres["is_leader"], births, strict=True)
    ]
    assert young.tolist() == expected
    youth = next(t for t in tpl.targets() if t.id == "tpl.youth")
    population = youth.population(features)
    satisfied = youth.criterion(features) & population
    assert population.equals(features.cadres["is_standing"].astype(bool))
    assert int(satisfied.sum()) == sum(
        e and s for e, s in zip(expected, features.cadres["is_standing"], strict=True)
    )


@settings(max_examples=15, deadline=None)
@given(num=st.integers(0, 100), den=st.integers(1, 100))
def test_threshold_override_property(sample: cadre_core.Roster, num: int, den: int) -> None:
    """For any threshold p in [0, 1]: required = ceil(population x p), exactly."""
    p = Fraction(min(num, den), den)
    ev = evaluate_plugin(
        tpl, sample, AS_OF, name=NAME, params={"tpl.5a.threshold": p}, findings=False
    )
    result = ev.communes[0].target("tpl.5a")
    n = result.population
    assert result.rule.value == p
    assert result.required == -((-n * p.numerator) // p.denominator)
    assert result.status == ("met" if result.satisfied >= result.required else "not_met")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roster=cst.rosters(max_cadres=10, as_of=dt.date(2026, 12, 31)))
def test_never_changes_laichau_property(roster: cadre_core.Roster) -> None:
    """For any valid roster (generated by ``cadre_core.testing.strategies``): adding the
    template changes none of Lai Châu's results, and adds exactly its own targets."""
    alone = cadre_core.evaluate(roster, AS_OF, plugins=["laichau"], findings=False)
    both = evaluate_plugin(tpl, roster, AS_OF, name=NAME, installed=["laichau"], findings=False)
    for before, after in zip(alone.communes, both.communes, strict=True):
        ours = [t for t in after.targets if t.id.startswith("tpl.")]
        assert [t.id for t in ours] == ["tpl.5a", "tpl.7b", "tpl.youth"]
        assert [t for t in after.targets if not t.id.startswith("tpl.")] == list(before.targets)
