"""engine="dask": the evaluation partitioned by commune equals the pandas engine's."""

from __future__ import annotations

import pandas as pd
import pytest

from cadre_core import Roster, evaluate
from cadre_core.roster._synth import synth_tables

pytest.importorskip("distributed")

from cadre_core.engine._dask import commune_partitions, evaluate_dask

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
def test_local_cluster_of_two_workers_equals_pandas(roster: Roster) -> None:
    distributed = pytest.importorskip("distributed")
    expected = evaluate(roster, AS_OF, by_commune=True, plugins=["laichau"])
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        got = evaluate_dask(roster, AS_OF, client=client, plugins=["laichau"])
    assert got.communes == expected.communes
    assert got.to_json() == expected.to_json()
