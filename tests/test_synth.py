"""The synthetic roster generator: valid, sized, realistic and deterministic."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core import Roster, evaluate
from cadre_core.roster._synth import synth_roster, synth_tables


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return synth_tables(12, seed=7)


def test_tables_are_canonical_and_validate(tables: dict[str, pd.DataFrame]) -> None:
    validated = Roster.from_frames(tables, name="synth")
    assert validated.diff(Roster(tables, name="synth")) == []
    for name, frame in tables.items():
        assert list(validated.tables[name].dtypes) == list(frame.dtypes), name


def test_sizes_and_structure(tables: dict[str, pd.DataFrame]) -> None:
    ag = tables["agencies"]
    assert ag["commune"].nunique() == 12
    per_commune = tables["cadres"]["cadre_id"].str.slice(0, 5).value_counts()
    assert len(per_commune) == 12
    assert per_commune.between(30, 55).all()
    pos = tables["positions"].merge(ag[["agency_code", "commune"]], on="agency_code")
    cats = pos.groupby(["commune", "category"], observed=True)["quota"].sum().unstack()
    assert (cats["party_secretary"] == 1).all()
    assert (cats["party_deputy_secretary"] == 2).all()
    assert (cats["committee_vice_chair"] == 2).all()
    assert cats["professional"].between(16, 32).all()
    # about a million training and rating rows for the country: ~9 per cadre
    per_cadre = (len(tables["trainings"]) + len(tables["ratings"])) / len(tables["cadres"])
    assert 6 < per_cadre < 12
    years = tables["ratings"]["year"].unique().tolist()
    assert sorted(years) == [2024, 2025, 2026]
    quarters = tables["ratings"]["quarter"].dropna().unique().tolist()
    assert sorted(quarters) == [1, 2, 3, 4]
    done = tables["trainings"]["completed_date"].dt.year
    assert done.min() >= 2025 and done.max() <= 2027


def test_ethnic_mix_and_leadership_are_plausible() -> None:
    t = synth_tables(40, seed=3)
    eth = t["cadres"]["ethnicity"].astype(object).value_counts(normalize=True)
    assert 0.5 < eth["Kinh"] < 0.85  # mountain communes are mostly minorities
    assert eth.get("Thái", 0) > 0.05 and eth.get("Mông", 0) > 0.03
    ev = evaluate(Roster(t, name="s"), "2026-12-31", by_commune=True, plugins=["laichau"])
    f = ev.to_frame()
    five_d = f[f["id"] == "nq05.5d"]["status"].astype(str)
    assert {"met", "not_met"} <= set(five_d)  # neither all nor none
    assert (f[f["id"] == "nq05.5c"]["population"] >= 4).all()


def test_determinism_by_seed() -> None:
    a = synth_tables(3, seed=11)
    b = synth_tables(3, seed=11)
    c = synth_tables(3, seed=12)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])
    assert not a["cadres"].equals(c["cadres"])


def test_synth_roster_validates_by_default() -> None:
    r = synth_roster(2, seed=5)
    assert r.name == "synth-2-5"
    assert len(r.communes) == 2
    assert r == synth_roster(2, seed=5, validate=False)


def test_rejects_no_commune() -> None:
    with pytest.raises(ValueError):
        synth_tables(0, seed=1)


@pytest.mark.slow
@settings(max_examples=5, deadline=None)
@given(communes=st.integers(1, 3), seed=st.integers(0, 2**32 - 1))
def test_any_seed_gives_a_valid_roster(communes: int, seed: int) -> None:
    t = synth_tables(communes, seed)
    Roster.from_frames(t)  # raises RosterError on any problem
    ids = t["cadres"]["cadre_id"]
    assert ids.is_unique
    assert t["assignments"]["cadre_id"].isin(ids).all()
    assert t["positions"]["position_code"].is_unique
