"""Many as-of days in one pass (a trend): ``evaluate_days`` gives exactly the evaluations
of one ``evaluate`` per day, and ``cadre evaluate`` with repeated ``--as-of`` writes, for
each day, what a run for that day alone writes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cadre_core
from cadre_core import PluginHost, Roster, evaluate, evaluate_days, hookimpl, sample_roster
from cadre_core.engine import evaluate_days as engine_evaluate_days
from cadre_core.features import RosterIndex, build_features
from cadre_core.roster._synth import synth_roster
from cadre_core.testing import strategies as cst
from cadre_core.testing import temporary_plugin

A_DAY = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2032, 12, 31))
# repeated days and days out of order too: each evaluation is its own day's
DAY_LISTS = st.lists(A_DAY, min_size=1, max_size=4)
FRAMES = ("cadres", "assignments", "positions", "agencies", "trainings", "degrees", "equipment")


def _same_evaluations(roster: Roster, days: list[dt.date], host: PluginHost) -> None:
    trend = evaluate_days(roster, days, host=host)
    assert [e.as_of for e in trend] == days
    for ev, day in zip(trend, days, strict=True):
        alone = evaluate(roster, day, host=host)
        assert ev.to_json_bytes() == alone.to_json_bytes(), day


@settings(max_examples=12)
@given(
    roster=cst.rosters(max_cadres=10, communes=st.integers(1, 3)),
    days=DAY_LISTS,
)
def test_evaluate_days_is_evaluate_per_day(
    roster: Roster, days: list[dt.date], laichau: PluginHost
) -> None:
    _same_evaluations(roster, days, laichau)


@settings(max_examples=3)
@given(communes=st.integers(1, 3), seed=st.integers(0, 10_000), days=DAY_LISTS)
def test_evaluate_days_is_evaluate_per_day_on_synthetic_communes(
    communes: int, seed: int, days: list[dt.date], laichau: PluginHost
) -> None:
    # the synthetic roster has scores (annual ratings from the plugins), quarterly and
    # annual ratings, trainings and degrees over several years: every shared part counts
    _same_evaluations(synth_roster(communes, seed, validate=False), days, laichau)


@settings(max_examples=25)
@given(
    roster=cst.rosters(max_cadres=10, communes=st.integers(1, 3)),
    day=A_DAY,
    plan_start=st.none() | A_DAY,
)
def test_features_on_the_shared_index_are_the_features_built_alone(
    roster: Roster, day: dt.date, plan_start: dt.date | None
) -> None:
    params: dict[str, Any] = {} if plan_start is None else {"plan_start": plan_start}
    index = RosterIndex.of(roster)
    alone = build_features(roster, day, params)
    shared = build_features(roster, day, params, index=index)
    for name in FRAMES:
        a, b = getattr(alone, name), getattr(shared, name)
        pd.testing.assert_frame_equal(a, b, check_exact=True)
        assert a.dtypes.to_dict() == b.dtypes.to_dict(), name
        assert a.index.dtype == b.index.dtype, name
    assert alone.tables.keys() == shared.tables.keys()
    for name, frame in alone.tables.items():
        pd.testing.assert_frame_equal(frame, shared.tables[name], check_exact=True)
    assert (alone.absent, alone.informed) == (shared.absent, shared.informed)


def test_a_day_changes_nothing_the_next_day_reads() -> None:
    # a plugin writing into what it is given on one day: the next day is unaffected
    class Scribbler:
        @hookimpl
        def cadre_features(self, features: Any) -> dict[str, Any]:
            features.positions["quota"] = 0
            features.equipment["quantity"] = 0
            features.tables["cadres"]["full_name"] = "x"
            return {}

    roster = sample_roster()
    days = [dt.date(2026, 6, 30), dt.date(2026, 12, 31)]
    with temporary_plugin(Scribbler(), name="scribbler") as host:
        trend = evaluate_days(roster, days, host=host)
    clean = [evaluate(roster, d, plugins=[]) for d in days]
    for ev, ref in zip(trend, clean, strict=True):
        assert ev.communes == ref.communes
        assert ev.features is not None and ref.features is not None
        pd.testing.assert_frame_equal(ev.features.positions, ref.features.positions)
        pd.testing.assert_frame_equal(ev.features.equipment, ref.features.equipment)


def test_a_plugin_failing_on_a_later_day_is_left_out_of_every_day() -> None:
    class LateFailure:
        @hookimpl
        def cadre_features(self, features: Any) -> dict[str, Any]:
            if features.as_of.year >= 2027:
                raise RuntimeError("no data for 2027")
            return {"is_late_flag": pd.Series(True, index=features.cadres.index)}

    roster = sample_roster()
    days = [dt.date(2026, 12, 31), dt.date(2027, 12, 31)]
    with temporary_plugin(LateFailure(), name="late") as host:
        trend = evaluate_days(roster, days, host=host, keep_going=True)
    clean = [evaluate(roster, d, plugins=[]) for d in days]
    for ev, ref in zip(trend, clean, strict=True):
        assert [e.plugin for e in ev.failed_plugins] == ["late"]
        assert ev.features is not None and "is_late_flag" not in ev.features.cadres
        assert ev.communes == ref.communes
    with (
        temporary_plugin(LateFailure(), name="late") as host,
        pytest.raises(cadre_core.PluginError, match="late"),
    ):
        evaluate_days(roster, days, host=host)


def test_evaluate_days_is_exported_and_takes_no_day_at_all() -> None:
    assert engine_evaluate_days is evaluate_days
    assert "evaluate_days" in cadre_core.__all__
    assert evaluate_days(sample_roster(), []) == []


def test_the_index_of_another_roster_is_refused() -> None:
    with pytest.raises(ValueError, match="another roster"):
        build_features(
            sample_roster(), dt.date(2026, 12, 31), {}, index=RosterIndex.of(sample_roster())
        )


# ------------------------------------------------------------------ the command line
def _json(cadre_exe: Path, roster: Path, *days: str) -> Any:
    args = [str(cadre_exe), "evaluate", str(roster), "--format", "json"]
    for day in days:
        args += ["--as-of", day]
    out = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def synth_folder(tmp_path_factory: pytest.TempPathFactory, cadre_exe: Path) -> Path:
    folder = tmp_path_factory.mktemp("trend") / "roster"
    args = [str(cadre_exe), "synth", "--communes", "2", "--seed", "2026", str(folder)]
    out = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return folder


def test_repeated_as_of_writes_each_day_as_a_run_of_that_day_alone(
    cadre_exe: Path, synth_folder: Path
) -> None:
    days = ["2026-01-31", "2026-12-31", "2027-06-30"]
    trend = _json(cadre_exe, synth_folder, *reversed(days))  # given in any order
    assert trend["days"] == days
    assert len(trend["evaluations"]) == len(days)
    for day, got in zip(days, trend["evaluations"], strict=True):
        alone = _json(cadre_exe, synth_folder, day)
        # the options for `cadre verify` name every day of the run: all else is the same
        assert got["audit"]["options"].pop("days") == days
        assert alone["audit"]["options"].pop("days") == [day]
        assert got == alone, day


def test_the_trend_benchmark_prints_its_json() -> None:
    bench = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_trend.py"
    args = ["--communes", "1", "--days", "3", "--repeat", "1", "--baseline-repeat", "1"]
    out = subprocess.run(
        [sys.executable, str(bench), *args], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    doc = json.loads(out.stdout)
    assert (doc["days"], doc["first_day"], doc["last_day"]) == (3, "2026-01-31", "2026-03-31")
    for key in ("one_day_cpu_s", "trend_cpu_s", "per_day_cpu_s", "ratio_trend_to_per_day"):
        assert doc[key] > 0, key
    assert doc["peak_mib_after_per_day"] >= doc["peak_mib_after_trend"] > 0


def test_the_dask_backend_gives_each_day_too() -> None:
    # its partitions run on threads sharing one prepared evaluation: nothing of one
    # partition's roster may be kept for another
    pytest.importorskip("distributed")
    roster = synth_roster(3, 7, validate=False)
    days = [dt.date(2026, 6, 30), dt.date(2026, 12, 31)]
    trend = evaluate_days(roster, days, engine="dask", plugins=["laichau"])
    for ev, day in zip(trend, days, strict=True):
        alone = evaluate(roster, day, by_commune=True, plugins=["laichau"])
        assert ev.communes == alone.communes, day


def test_a_long_trend_keeps_the_last_days_frames_only() -> None:
    """``features_of="last"`` (what ``cadre evaluate`` asks for) gives the same
    evaluations, holding one day's feature frames instead of one per day."""
    r = sample_roster()
    days = ["2025-06-30", "2025-12-31", "2026-12-31"]
    every = evaluate_days(r, days, plugins=["laichau"])
    last = evaluate_days(r, days, plugins=["laichau"], features_of="last")
    assert [e.to_json_bytes() for e in last] == [e.to_json_bytes() for e in every]
    assert [e.features is None for e in last] == [True, True, False]
    assert all(e.features is not None for e in every)
    with pytest.raises(ValueError, match="features_of"):
        evaluate_days(r, days, features_of="first")


def test_what_a_pass_shares_is_made_once_per_roster_and_given() -> None:
    from cadre_core.engine._pipeline import prepare

    prepared = attrs.evolve(prepare(dt.date(2026, 12, 31)), shared={})
    made: list[tuple[str, object]] = []

    def make(tag: str, given: object) -> str:
        made.append((tag, given))
        return f"{tag}{len(made)}"

    first, second = sample_roster(), sample_roster()
    assert prepared.once(first, "k", lambda: make("a", None)) == "a1"
    assert prepared.once(first, "k", lambda: make("a", None)) == "a1"
    # another ``given``: made again, and kept in place of the first
    assert prepared.once(first, "k", lambda: make("b", 1), given=1) == "b2"
    assert prepared.once(first, "k", lambda: make("b", 1), given=1) == "b2"
    # another roster: nothing of the first is kept
    assert prepared.once(second, "k", lambda: make("c", 1), given=1) == "c3"
    assert made == [("a", None), ("b", 1), ("c", 1)]
    # no shared store (another backend): made every time
    alone = attrs.evolve(prepared, shared=None)
    assert alone.once(first, "k", lambda: make("d", None)) == "d4"
    assert alone.once(first, "k", lambda: make("d", None)) == "d5"
