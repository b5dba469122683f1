"""Properties of ``evaluate`` on generated rosters, and exactness against slow oracles.

The oracles below are deliberately naive: one Python loop over the roster's attrs
objects per cadre, straight from the wording of nq05-targets.md.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core import (
    Degree,
    EducationLevel,
    PluginHost,
    Roster,
    TheoryCertificate,
    TheoryLevel,
    Training,
    evaluate,
    rating_year,
)
from cadre_core.testing import strategies as cst
from cadre_core.testing.strategies import canonical_frame

DAYS = st.sampled_from(
    [dt.date(2026, 6, 30), dt.date(2026, 12, 31), dt.date(2027, 3, 15), dt.date(2028, 12, 31)]
)
PLAN_START = dt.date(2026, 1, 1)
STANDING = {
    "party_secretary",
    "party_deputy_secretary",
    "council_chair",
    "council_vice_chair",
    "committee_chair",
    "committee_vice_chair",
}
ENGINE = settings(max_examples=20, deadline=None)


@st.composite
def roster_and_day(draw: st.DrawFn, communes: int | st.SearchStrategy[int] = 1) -> Any:
    day = draw(DAYS)
    return draw(cst.rosters(max_cadres=10, communes=communes, as_of=day)), day


def run(roster: Roster, day: dt.date, host: PluginHost, **kw: Any) -> dict[str, Any]:
    return evaluate(roster, day, host=host, **kw).to_dict()


def replace(roster: Roster, **frames: pd.DataFrame) -> Roster:
    """The roster with some canonical tables replaced (no re-validation needed)."""
    return attrs.evolve(roster, tables={**roster.tables, **frames})


def append(roster: Roster, table: str, objects: Iterable[Any]) -> Roster:
    extra = canonical_frame(table, list(objects))
    frame = pd.concat([roster.tables[table], extra], ignore_index=True)
    frame = frame.astype(roster.tables[table].dtypes.to_dict())
    return replace(roster, **{table: frame})


# ---------------------------------------------------------------- invariances


@ENGINE
@given(rd=roster_and_day(), data=st.data())
def test_future_qualifications_change_nothing(
    rd: tuple[Roster, dt.date], data: st.DataObject, laichau: PluginHost
) -> None:
    roster, day = rd
    before = run(roster, day, laichau)
    ids = roster.cadres["cadre_id"].tolist()
    cid = data.draw(st.sampled_from(ids))
    later = day + dt.timedelta(days=data.draw(st.integers(1, 800)))
    grown = append(roster, "degrees", [Degree(cid, EducationLevel.TIEN_SI, "Luật", later)])
    grown = append(grown, "theory", [TheoryCertificate(cid, TheoryLevel.CU_NHAN, later)])
    grown = append(
        grown,
        "trainings",
        [Training(cid, ("job_position", "data_governance", "law", "it"), later)],  # type: ignore[arg-type]
    )
    assert len(grown.degrees) == len(roster.degrees) + 1
    assert run(grown, day, laichau) == before


@ENGINE
@given(rd=roster_and_day(communes=st.integers(1, 2)), rnd=st.randoms(use_true_random=False))
def test_row_order_changes_nothing(
    rd: tuple[Roster, dt.date], rnd: Any, laichau: PluginHost
) -> None:
    roster, day = rd
    shuffled = {
        name: frame.iloc[rnd.sample(range(len(frame)), len(frame))].reset_index(drop=True)
        for name, frame in roster.tables.items()
    }
    assert run(replace(roster, **shuffled), day, laichau) == run(roster, day, laichau)


def sub_roster(roster: Roster, commune: str) -> Roster:
    """One commune's part of a roster, by its agencies, positions and their holders."""
    t = roster.tables
    agencies = t["agencies"][t["agencies"]["commune"] == commune]
    positions = t["positions"][t["positions"]["agency_code"].isin(agencies["agency_code"])]
    assignments = t["assignments"][
        t["assignments"]["position_code"].isin(positions["position_code"])
    ]
    cadres = t["cadres"][t["cadres"]["cadre_id"].isin(assignments["cadre_id"])]
    by_cadre = {
        name: t[name][t[name]["cadre_id"].isin(cadres["cadre_id"])]
        for name in ("degrees", "theory", "trainings", "ratings")
    }
    equipment = t["equipment"][t["equipment"]["agency_code"].isin(agencies["agency_code"])]
    frames = {
        "cadres": cadres,
        "agencies": agencies,
        "positions": positions,
        "assignments": assignments,
        "equipment": equipment,
        **by_cadre,
    }
    return replace(roster, **{k: v.reset_index(drop=True) for k, v in frames.items()})


@settings(max_examples=12, deadline=None)
@given(rd=roster_and_day(communes=st.integers(2, 3)))
def test_by_commune_equals_each_commune_alone(
    rd: tuple[Roster, dt.date], laichau: PluginHost
) -> None:
    roster, day = rd
    whole = evaluate(roster, day, host=laichau, by_commune=True)
    names = roster.communes
    assert [c.commune for c in whole.communes] == names
    for name in names:
        alone = evaluate(sub_roster(roster, name), day, host=laichau, by_commune=True)
        assert len(alone.communes) == 1
        assert alone.communes[0].to_json() == whole.commune(name).to_json()


# ---------------------------------------------------------------- oracles


@attrs.frozen
class World:
    """The roster as objects on day D, computed naively."""

    day: dt.date
    active: dict[str, set[str]]  # active cadre -> categories of its active positions
    holders: dict[str, set[str]]  # position -> distinct active holders
    education: dict[str, int]
    theory: dict[str, int]
    rating: dict[str, str]
    topics: dict[str, set[str]]
    quota: dict[str, int]


def world(roster: Roster, day: dt.date) -> World:
    cadres = {c.cadre_id: c for c in roster.to_objects("cadres")}
    positions = {p.position_code: p for p in roster.to_objects("positions")}
    active: dict[str, set[str]] = {}
    holders: dict[str, set[str]] = {code: set() for code in positions}
    for a in roster.to_objects("assignments"):
        cadre = cadres[a.cadre_id]
        stayed = cadre.left_date is None or cadre.left_date > day
        if stayed and a.start_date <= day and (a.end_date is None or a.end_date >= day):
            active.setdefault(a.cadre_id, set()).add(positions[a.position_code].category.value)
            holders[a.position_code].add(a.cadre_id)
    education: dict[str, int] = {}
    for d in roster.to_objects("degrees"):
        if d.awarded_date is None or d.awarded_date <= day:
            education[d.cadre_id] = max(education.get(d.cadre_id, 0), d.level.rank)
    theory: dict[str, int] = {}
    for t in roster.to_objects("theory"):
        if t.awarded_date is None or t.awarded_date <= day:
            theory[t.cadre_id] = max(theory.get(t.cadre_id, 0), t.level.rank)
    year = rating_year(day)
    rating = {
        r.cadre_id: r.rating.value
        for r in roster.to_objects("ratings")
        if r.year == year and r.quarter is None
    }
    topics: dict[str, set[str]] = {}
    for tr in roster.to_objects("trainings"):
        if PLAN_START <= tr.completed_date <= day:
            topics.setdefault(tr.cadre_id, set()).update(t.value for t in tr.topics)
    quota = {code: p.quota for code, p in positions.items()}
    return World(day, active, holders, education, theory, rating, topics, quota)


def expected(population: set[str], satisfied: set[str], op: str, p: Fraction) -> dict[str, Any]:
    n, s = len(population), len(satisfied & population)
    required = {"all": n, "any": 1, ">=": math.ceil(p * n), ">": math.floor(p * n) + 1}[op]
    if n == 0:
        status = "not_applicable"
    else:
        status = "met" if s >= required else "not_met"
    return {
        "population": n,
        "satisfied": s,
        "required": required,
        "shortfall": 0 if n == 0 else max(0, required - s),
        "status": status,
        "attainable": required <= n,
        "failing": sorted(population - satisfied),
    }


def oracles(w: World) -> dict[str, dict[str, Any]]:
    active = set(w.active)
    standing = {c for c, cats in w.active.items() if cats & STANDING}
    professionals = {c for c, cats in w.active.items() if cats == {"professional"}}
    rated = {c for c in active if c in w.rating}
    masters = {c for c in active if w.education.get(c, 0) >= EducationLevel.THAC_SI.rank}
    mid_theory = {c for c in active if w.theory.get(c, 0) >= TheoryLevel.TRUNG_CAP.rank}
    good = {c for c in rated if w.rating[c] in ("good", "excellent")}
    need = {"data_governance", "modern_management", "e_records"}
    trained = {c for c in active if need <= w.topics.get(c, set())}
    staffed_pop = {code for code, q in w.quota.items() if q > 0}
    staffed = {code for code in staffed_pop if len(w.holders[code]) >= w.quota[code]}
    return {
        "nq05.5a": expected(standing, masters, ">=", Fraction(3, 4)),
        "nq05.7b": expected(professionals, mid_theory, ">", Fraction(4, 5)),
        "nq05.4b": expected(rated, good, ">", Fraction(95, 100)),
        "nq05.2b": expected(active, trained, "all", Fraction(1)),
        "nq05.1a": expected(staffed_pop, staffed, "all", Fraction(1)),
    }


@settings(max_examples=30, deadline=None)
@given(rd=roster_and_day())
def test_targets_equal_naive_oracles(rd: tuple[Roster, dt.date], laichau: PluginHost) -> None:
    roster, day = rd
    ev = evaluate(roster, day, host=laichau)
    assert len(ev.communes) == 1
    got = {t["id"]: t for t in ev.communes[0].to_json()["targets"]}
    for tid, want in oracles(world(roster, day)).items():
        have = {k: got[tid][k] for k in want}
        have["failing"] = sorted(have["failing"])
        assert have == want, tid


@ENGINE
@given(rd=roster_and_day(communes=st.integers(1, 2)))
def test_only_active_cadres_count(rd: tuple[Roster, dt.date], laichau: PluginHost) -> None:
    """Left on or before D, or no assignment active on D: in no population."""
    roster, day = rd
    w = world(roster, day)
    ev = evaluate(roster, day, host=laichau)
    assert ev.features is not None
    assert set(ev.features.cadres.index) == set(w.active)
    gone = set(roster.cadres["cadre_id"]) - set(w.active)
    for commune in ev.communes:
        for t in commune.targets:
            if t.unit == "cadres":
                assert not gone & set(t.failing), t.id
        assert not gone & set(commune.unrated)
    total = {t.id: 0 for t in ev.communes[0].targets if t.unit == "cadres"}
    for commune in ev.communes:
        for t in commune.targets:
            if t.id in total:
                total[t.id] += t.population
    assert all(n <= len(w.active) for n in total.values())
    assert total["nq05.2a"] == len(w.active)


# ---------------------------------------------------------------- as-of boundaries (examples)


def _one(sample: Roster, cid: str) -> Roster:
    """The sample with ``cid``'s trainings removed (a clean slate for boundary checks)."""
    tr = sample.trainings
    return replace(sample, trainings=tr[tr["cadre_id"] != cid].reset_index(drop=True))


def _trained(roster: Roster, day: dt.date, cid: str, laichau: PluginHost) -> bool:
    ev = evaluate(roster, day, host=laichau)
    assert ev.features is not None and cid in ev.features.cadres.index  # in the population
    return cid not in ev.communes[0].target("nq05.2a").failing


def test_training_window_is_plan_start_to_as_of(sample: Roster, laichau: PluginHost) -> None:
    day = dt.date(2026, 12, 31)
    ev = evaluate(sample, day, host=laichau)
    assert ev.features is not None
    cid = str(ev.features.cadres.index[0])
    base = _one(sample, cid)
    cases = {
        PLAN_START - dt.timedelta(days=1): False,
        PLAN_START: True,
        day: True,
        day + dt.timedelta(days=1): False,
    }
    for done, counts in cases.items():
        r = append(base, "trainings", [Training(cid, ("job_position",), done)])  # type: ignore[arg-type]
        assert _trained(r, day, cid, laichau) is counts, done


def test_blank_award_date_counts_and_left_on_the_day_does_not(
    sample: Roster, laichau: PluginHost
) -> None:
    day = dt.date(2026, 12, 31)
    ev = evaluate(sample, day, host=laichau)
    res = ev.communes[0].target("nq05.7a")  # professionals: university degree, all
    assert res.failing, "the sample has professionals without a university degree"
    cid = res.failing[0]
    blank = append(sample, "degrees", [Degree(cid, EducationLevel.DAI_HOC, "Luật")])
    assert cid not in evaluate(blank, day, host=laichau).communes[0].target("nq05.7a").failing
    dated = append(sample, "degrees", [Degree(cid, EducationLevel.DAI_HOC, "Luật", day)])
    assert cid not in evaluate(dated, day, host=laichau).communes[0].target("nq05.7a").failing
    cad = sample.cadres
    left = cad["left_date"].where(cad["cadre_id"] != cid, pd.Timestamp(day))
    gone = replace(sample, cadres=cad.assign(left_date=left.astype(cad["left_date"].dtype)))
    ev2 = evaluate(gone, day, host=laichau)
    assert ev2.features is not None and cid not in ev2.features.cadres.index
    assert ev2.communes[0].target("nq05.7a").population == res.population - 1
    stays = left.where(cad["cadre_id"] != cid, pd.Timestamp(day + dt.timedelta(days=1)))
    kept = replace(sample, cadres=cad.assign(left_date=stays.astype(cad["left_date"].dtype)))
    assert cid in evaluate(kept, day, host=laichau).communes[0].target("nq05.7a").failing


def test_helpers_keep_dtypes(sample: Roster) -> None:
    grown = append(sample, "degrees", [Degree("MT001", EducationLevel.TIEN_SI, "Luật")])
    assert (grown.degrees.dtypes == sample.degrees.dtypes).all()
    assert np.int64(len(grown.degrees)) == len(sample.degrees) + 1
