"""engine="dask": the evaluation partitioned by commune equals the pandas engine's."""

from __future__ import annotations

import datetime as dt
import importlib
from fractions import Fraction
from typing import Any

import pandas as pd
import pytest

from cadre_core import (
    PluginHost,
    Roster,
    Rule,
    Target,
    Text,
    criteria,
    evaluate,
    hookimpl,
    make_plugin_manager,
    read_roster,
    sample_roster,
)
from cadre_core.roster._synth import synth_tables
from cadre_core.testing import temporary_plugin

pytest.importorskip("distributed")

from cadre_core.engine import commune_partitions, evaluate_dask

AS_OF = "2026-12-31"


@pytest.fixture(scope="module")
def roster() -> Roster:
    t = synth_tables(9, seed=42)
    # a cadre of the first commune who also holds a post in the last one (rotation), so that
    # partitions must carry whole cadres across communes
    cad = t["cadres"]["cadre_id"]
    pos = t["positions"]["position_code"]
    extra = pd.DataFrame(
        {
            "cadre_id": [cad.iloc[5]],
            "position_code": [pos.iloc[-1]],
            "start_date": [pd.Timestamp("2026-02-01")],
            "end_date": [pd.NaT],
        }
    )
    t["assignments"] = pd.concat([t["assignments"], extra], ignore_index=True)
    return Roster.from_frames(t, name="multi")


def test_partitions_cover_every_commune_once(roster: Roster) -> None:
    parts = commune_partitions(roster, 4)
    names = [c for communes, _ in parts for c in communes]
    assert names == sorted(roster.communes)
    assert len(parts) == 4
    # the rotating cadre travels with all of its assignments
    moved = roster.cadres["cadre_id"].iloc[5]
    holding = [p for p, (_, t) in enumerate(parts) if moved in set(t["cadres"]["cadre_id"])]
    assert len(holding) == 2


def test_threaded_scheduler_equals_pandas(roster: Roster) -> None:
    expected = evaluate(roster, AS_OF, by_commune=True)
    got = evaluate_dask(roster, AS_OF, npartitions=3)
    assert [c.commune for c in got.communes] == [c.commune for c in expected.communes]
    assert got.communes == expected.communes
    assert got.to_frame().equals(expected.to_frame())


def test_single_commune_roster_is_not_partitioned() -> None:
    r = Roster.from_frames(synth_tables(1, seed=3), name="one")
    assert evaluate_dask(r, AS_OF).communes == evaluate(r, AS_OF, by_commune=True).communes


@pytest.mark.slow
def test_local_cluster_of_two_workers_equals_pandas(roster: Roster, dask_client: Any) -> None:
    expected = evaluate(roster, AS_OF, by_commune=True, plugins=["laichau"])
    got = evaluate_dask(roster, AS_OF, client=dask_client, plugins=["laichau"])
    assert got.communes == expected.communes
    assert got.to_json() == expected.to_json()


@pytest.mark.slow
def test_plugin_given_in_code_reaches_the_cluster(roster: Roster, dask_client: Any) -> None:
    """A host with a plugin given in code (the template's module under another name, not
    installed under it): the workers import it by name and evaluate as this process does."""
    module = importlib.import_module("cadre_province_template")
    host = PluginHost(make_plugin_manager(only=["laichau", "mau"], extra=[("mau", module)]))
    expected = evaluate(roster, AS_OF, by_commune=True, host=host)
    assert "tpl.5a" in {t.id for t in expected.communes[0].targets}
    got = evaluate_dask(roster, AS_OF, client=dask_client, host=host)
    assert got.to_json() == expected.to_json()


@pytest.fixture(scope="module")
def read_back(roster: Roster, tmp_path_factory: pytest.TempPathFactory) -> Roster:
    """The multi-commune roster written as csv files and read back: it has sources."""
    folder = roster.write(tmp_path_factory.mktemp("multi") / "multi", format="csv")
    return read_roster(folder)


def _same_evaluation(roster: Roster, **kwargs: Any) -> None:
    """The dask engine's evaluation equals the pandas engine's: results, audit, metadata."""
    expected = evaluate(roster, AS_OF, by_commune=True, **kwargs)
    got = evaluate(roster, AS_OF, engine="dask", **kwargs)
    assert roster.sources and expected.audit()["inputs"]
    assert got.audit() == expected.audit()
    assert got.sources == expected.sources and got.skipped == expected.skipped
    assert got.plugins == expected.plugins and dict(got.bodies) == dict(expected.bodies)
    assert [t.id for t in got.targets] == [t.id for t in expected.targets]
    assert got.params.to_json() == expected.params.to_json()
    assert got.communes == expected.communes
    assert got.to_json() == expected.to_json()


def test_dask_audit_and_results_equal_pandas_on_partitions(read_back: Roster) -> None:
    assert len(read_back.communes) == 9
    _same_evaluation(read_back)


def test_dask_audit_and_results_equal_pandas_on_one_commune() -> None:
    _same_evaluation(sample_roster(), plugins=["laichau"])


def test_dask_engine_uses_the_given_host_and_parameters(read_back: Roster) -> None:
    extra = Target(
        id="x.women",
        title=Text("Có cán bộ nữ", "Has a woman cadre"),
        source="test",
        unit="cadres",
        population=criteria.flag("is_active", Text("", "")),
        criterion=criteria.is_female(),
        rule=Rule(">=", Fraction(1, 2)),
        deadline=dt.date(2030, 12, 31),
    )

    class Extra:
        @hookimpl
        def cadre_targets(self) -> list[Target]:
            return [extra]

    overrides = {"x.women.threshold": "1/3"}
    with temporary_plugin(Extra(), name="x", installed=["laichau"]) as host:
        expected = evaluate(read_back, AS_OF, by_commune=True, host=host, params=overrides)
        got = evaluate(read_back, AS_OF, engine="dask", host=host, params=overrides)
    assert got.communes[0].target("x.women").rule == Rule(">=", Fraction(1, 3))
    assert got.communes == expected.communes
    assert got.to_json() == expected.to_json()


@pytest.mark.slow
def test_local_cluster_evaluation_equals_pandas_audit_included(
    read_back: Roster, dask_client: Any
) -> None:
    overrides = {"nq05.5a.threshold": "1/2"}  # prepared once by the client, shipped
    expected = evaluate(read_back, AS_OF, by_commune=True, plugins=["laichau"], params=overrides)
    got = evaluate_dask(read_back, AS_OF, client=dask_client, plugins=["laichau"], params=overrides)
    assert got.audit() == expected.audit() and got.audit()["inputs"]
    assert got.communes[0].target("nq05.5a").rule.value == Fraction(1, 2)
    assert got.to_json() == expected.to_json()
