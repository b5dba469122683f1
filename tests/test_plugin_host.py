"""The plugin host: loading, conflicts, replacement, errors named by plugin and hook."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from types import SimpleNamespace

import pandas as pd
import pytest

from cadre_core import (
    Parameter,
    PluginError,
    PluginHost,
    Rule,
    Target,
    Text,
    criteria,
    evaluate,
    hookimpl,
    make_plugin_manager,
    sample_roster,
)
from cadre_core.testing import evaluate_plugin, temporary_plugin


def _target(tid: str, replaces: str | None = None) -> Target:
    return Target(
        id=tid,
        title=Text("t", "t"),
        source="test",
        unit="cadres",
        population=criteria.flag("is_active", Text("", "")),
        criterion=criteria.is_female(),
        rule=Rule.any(),
        deadline=dt.date(2030, 12, 31),
        replaces=replaces,
    )


class TargetPlugin:
    def __init__(self, *targets: Target) -> None:
        self.targets = targets

    @hookimpl
    def cadre_targets(self):
        return list(self.targets)


class ParamPlugin:
    def __init__(self, *params: Parameter) -> None:
        self.params = params

    @hookimpl
    def cadre_parameters(self):
        return list(self.params)


def test_no_plugin_manager_at_import_time():
    import cadre_core

    assert not any(type(v).__name__ == "PluginManager" for v in vars(cadre_core).values())


def test_builtin_is_always_first_and_loaded():
    host = PluginHost(make_plugin_manager(only=["laichau"]))
    assert host.plugin_names() == ["cadre", "laichau"]


def test_a_second_plugin_adds_a_target():
    ev = evaluate_plugin(TargetPlugin(_target("x.1")), name="x", installed=["laichau"])
    ids = [t.id for t in ev.communes[0].targets]
    assert "x.1" in ids and "nq05.5a" in ids


def test_duplicate_target_id_is_an_error_naming_both_plugins():
    with (
        temporary_plugin(
            TargetPlugin(_target("nq05.5a")), name="other", installed=["laichau"]
        ) as host,
        pytest.raises(PluginError) as err,
    ):
        host.targets()
    assert "laichau" in str(err.value) and "other" in str(err.value)


def test_replaces_overrides_the_other_plugins_target():
    with temporary_plugin(
        TargetPlugin(_target("nq05.5a", replaces="laichau")), name="other", installed=["laichau"]
    ) as host:
        chosen = dict((t.id, p) for p, t in host.targets())
    assert chosen["nq05.5a"] == "other"


def test_duplicate_parameter_is_an_error_unless_replaced():
    clash = ParamPlugin(Parameter("plan_start", dt.date(2025, 1, 1), "date"))
    with (
        temporary_plugin(clash, name="p2", installed=["laichau"]) as host,
        pytest.raises(PluginError, match="laichau"),
    ):
        host.parameter_definitions()
    ok = ParamPlugin(
        Parameter("nq05.5a.threshold", "4/5", "fraction", replaces="laichau"),
        Parameter("plan_start", dt.date(2025, 1, 1), "date", replaces="laichau"),
    )
    ev = evaluate_plugin(ok, name="p2", installed=["laichau"])
    assert ev.params["plan_start"] == dt.date(2025, 1, 1)
    assert ev.params.origin("plan_start") == "plugin p2"
    assert ev.communes[0].target("nq05.5a").rule == Rule(">=", Fraction(4, 5))


def test_a_plugin_raising_in_a_hook_is_named_with_the_hook():
    class Broken:
        @hookimpl
        def cadre_targets(self):
            raise RuntimeError("boom")

    with temporary_plugin(Broken(), name="broken") as host, pytest.raises(PluginError) as err:
        host.targets()
    assert err.value.plugin == "broken" and err.value.hook == "cadre_targets"


def test_wrong_return_type_is_reported():
    class Wrong:
        @hookimpl
        def cadre_targets(self):
            return ["not a target"]

    with temporary_plugin(Wrong(), name="wrong") as host, pytest.raises(PluginError, match="wrong"):
        host.targets()


def test_unknown_hook_fails_check_pending():
    class Typo:
        @hookimpl
        def cadre_tragets(self):
            return []

    with pytest.raises(PluginError):
        make_plugin_manager(entry_points=False, extra=[("typo", Typo())])


def test_derived_feature_columns_and_clash():
    class Young:
        @hookimpl
        def cadre_features(self, features):
            age = (pd.Timestamp(features.as_of) - features.cadres["birth_date"]).dt.days / 365.25
            return {"is_young": age < 35}

    ev = evaluate_plugin(Young(), name="young")
    assert ev.features is not None and "is_young" in ev.features.cadres

    class Clash:
        @hookimpl
        def cadre_features(self, features):
            return {"is_female": features.cadres["is_female"]}

    with pytest.raises(PluginError, match="is_female"):
        evaluate_plugin(Clash(), name="clash")


def test_temporary_plugin_leaves_nothing_behind():
    with temporary_plugin(TargetPlugin(_target("tmp.1")), name="tmp") as host:
        assert "tmp" in host.plugin_names()
    fresh = PluginHost(make_plugin_manager(only=["laichau"]))
    assert "tmp" not in fresh.plugin_names()


def test_pytest_fixture(cadre_plugin):
    host = cadre_plugin(TargetPlugin(_target("fx.1")), name="fx")
    assert [t.id for _, t in host.targets()] == ["fx.1"]


def test_allow_and_block_lists(monkeypatch):
    monkeypatch.setenv("CADRE_DISABLE_PLUGINS", "laichau")
    assert "laichau" not in PluginHost(make_plugin_manager()).plugin_names()
    monkeypatch.delenv("CADRE_DISABLE_PLUGINS")
    monkeypatch.setenv("CADRE_LOAD_PLUGINS", "laichau")
    assert PluginHost(make_plugin_manager()).plugin_names() == ["cadre", "laichau"]


def test_broken_entry_point_is_reported_by_name(monkeypatch):
    import importlib.metadata as md

    class BadEP(SimpleNamespace):
        def load(self):
            raise ImportError("no module named nothing")

    bad = BadEP(name="badprov", dist=None)
    real = md.entry_points
    monkeypatch.setattr(md, "entry_points", lambda group: [*real(group=group), bad])
    with pytest.raises(PluginError) as err:
        make_plugin_manager()
    assert err.value.plugin == "badprov"


def test_evaluation_is_unchanged_by_the_template_plugin_when_installed():
    r = sample_roster()
    alone = evaluate(r, "2026-12-31", plugins=["laichau"]).communes[0].targets
    everything = evaluate(r, "2026-12-31").communes[0].targets
    by_id = {t.id: t for t in everything}
    assert all(by_id[t.id] == t for t in alone)


def test_strict_mode_turns_plugin_warnings_into_errors(monkeypatch):
    unsourced = Target(
        id="nosrc.1",
        title=Text("t", "t"),
        source="",
        unit="cadres",
        population=criteria.flag("is_active", Text("", "")),
        criterion=criteria.is_female(),
        rule=Rule.any(),
        deadline=dt.date(2030, 12, 31),
    )
    with temporary_plugin(TargetPlugin(unsourced), name="nosrc") as host:
        host.targets()
        assert any("nosrc.1" in w and "no source" in w for w in host.warnings)
    monkeypatch.setenv("CADRE_STRICT", "1")
    with (
        temporary_plugin(TargetPlugin(unsourced), name="nosrc") as host,
        pytest.raises(PluginError, match="strict"),
    ):
        host.targets()


# ---------------------------------------------------------------- calls through pluggy
#: The hooks one evaluation of the sample commune calls (it has quarterly scores).
EVALUATE_HOOKS = (
    "cadre_about",
    "cadre_targets",
    "cadre_parameters",
    "cadre_features",
    "cadre_rating_aggregation",
    "cadre_findings",
    "cadre_responsible_bodies",
    "cadre_indicators",  # the roster holds indicators (the sample commune does)
)


def test_monitoring_sees_every_hook_call_of_an_evaluation():
    host = PluginHost(make_plugin_manager(only=["laichau", "province_template"]))
    seen: list[tuple[str, tuple[str, ...]]] = []
    host.pm.add_hookcall_monitoring(
        lambda name, impls, kwargs: seen.append((name, tuple(i.plugin_name for i in impls))),
        lambda outcome, name, impls, kwargs: None,
    )
    evaluate(sample_roster(), "2026-12-31", host=host)
    called = {(name, plugin) for name, plugins in seen for plugin in plugins}
    implemented = {
        (hook, impl.plugin_name)
        for hook in EVALUATE_HOOKS
        for impl in getattr(host.pm.hook, hook).get_hookimpls()
    }
    assert {name for name, _ in seen} == set(EVALUATE_HOOKS)
    assert called == implemented  # no implementation is called behind pluggy's back
    assert ("cadre_features", ("province_template",)) in seen  # one call per plugin


def test_a_hookwrapper_sees_the_call_and_its_result():
    seen: list[list[str]] = []

    class Wrapper:
        @hookimpl(wrapper=True)
        def cadre_targets(self):
            result = yield
            seen.append([t.id for targets in result for t in targets])
            # a wrapper may change the result: drop one of Lai Châu's targets
            return [[t for t in targets if t.id != "nq05.8"] for targets in result]

    ev = evaluate_plugin(Wrapper(), name="wrapper", installed=["laichau"])
    ids = [t.id for t in ev.communes[0].targets]
    assert seen and "nq05.8" in seen[0]
    assert "nq05.8" not in ids and "nq05.5a" in ids


def test_an_old_style_hookwrapper_sees_the_result_too():
    sizes: list[int] = []

    class OldWrapper:
        @hookimpl(hookwrapper=True)
        def cadre_responsible_bodies(self):
            outcome = yield
            sizes.append(sum(len(r) for r in outcome.get_result()))

    with temporary_plugin(OldWrapper(), name="old") as host:
        bodies = host.responsible_bodies()
    assert sizes == [len(bodies)] and bodies


def test_a_failing_wrapper_is_blamed_not_the_plugin_it_wraps():
    class BadWrapper:
        @hookimpl(wrapper=True)
        def cadre_responsible_bodies(self):
            yield
            raise RuntimeError("wrapper broke")

    with (
        temporary_plugin(BadWrapper(), name="badwrap") as host,
        pytest.raises(PluginError) as err,
    ):
        host.responsible_bodies()
    assert err.value.plugin == "badwrap" and err.value.hook == "cadre_responsible_bodies"


def test_a_failing_plugin_is_blamed_through_a_wrapper():
    class Passing:
        @hookimpl(wrapper=True)
        def cadre_targets(self):
            return (yield)

    class Broken:
        @hookimpl
        def cadre_targets(self):
            raise RuntimeError("boom")

    with temporary_plugin(Passing(), name="pass") as host:
        host.pm.register(Broken(), name="broken")
        with pytest.raises(PluginError) as err:
            host.targets()
    assert err.value.plugin == "broken" and err.value.hook == "cadre_targets"


def test_an_example_plugin_is_used_only_when_named(monkeypatch):
    from cadre_core.plugins._loading import examples_left_out

    pm = make_plugin_manager()
    assert "province_template" not in PluginHost(pm).plugin_names()
    assert examples_left_out(pm) == ["province_template"]
    ev = evaluate(sample_roster(), "2026-12-31")
    assert not [t.id for t in ev.communes[0].targets if t.id.startswith("tpl.")]
    named = evaluate(sample_roster(), "2026-12-31", plugins=["laichau", "province_template"])
    assert {"tpl.5a", "nq05.5a"} <= {t.id for t in named.communes[0].targets}
    monkeypatch.setenv("CADRE_LOAD_PLUGINS", "laichau,province_template")
    assert "province_template" in PluginHost(make_plugin_manager()).plugin_names()
