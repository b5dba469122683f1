"""The benchmark's three baselines agree with the engine on every count (and so guard it)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import pytest

from cadre_core import Roster, evaluate
from cadre_core.roster._synth import synth_roster

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from baseline_loop import evaluate_loop, load_objects
from baseline_naive import evaluate_naive
from baseline_pandas import evaluate_pandas

COLUMNS = ["commune", "id", "population", "satisfied", "required", "status"]


def _engine(roster: Roster, day: dt.date) -> pd.DataFrame:
    frame = evaluate(roster, day, by_commune=True, plugins=["laichau"]).to_frame()[COLUMNS]
    return frame.assign(status=frame["status"].astype(str)).reset_index(drop=True)


@pytest.mark.parametrize(
    ("communes", "seed", "day"),
    [
        (3, 1, dt.date(2026, 12, 31)),
        (5, 2, dt.date(2026, 6, 30)),
        (4, 9, dt.date(2027, 12, 31)),
    ],
)
def test_baselines_agree_with_engine(communes: int, seed: int, day: dt.date) -> None:
    roster = synth_roster(communes, seed)
    expected = _engine(roster, day)
    assert len(expected) == communes * 18
    objects = load_objects(roster)
    loop = evaluate_loop(objects, day)
    naive = evaluate_naive(objects, day)
    hand = evaluate_pandas(roster.tables, day)
    pd.testing.assert_frame_equal(loop, expected, check_dtype=False)
    pd.testing.assert_frame_equal(naive, expected, check_dtype=False)
    pd.testing.assert_frame_equal(hand, expected, check_dtype=False)


def test_sample_commune_agrees() -> None:
    from cadre_core import sample_roster

    roster = sample_roster()
    day = dt.date(2026, 12, 31)
    expected = _engine(roster, day)
    got = evaluate_pandas(roster.tables, day)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_sample_commune_naive_agrees() -> None:
    """The first-write loop on the sample commune, on a day inside and after the plan."""
    from cadre_core import sample_roster

    roster = sample_roster()
    objects = load_objects(roster)
    for day in (dt.date(2026, 6, 30), dt.date(2026, 12, 31), dt.date(2028, 1, 1)):
        expected = _engine(roster, day)
        got = evaluate_naive(objects, day)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)
