"""Properties of the planner: applying a plan meets what it calls feasible; nobody is in
two long programmes at once or studying past retirement; on tiny rosters the cost equals
a brute-force optimum."""

from __future__ import annotations

import datetime as dt
import itertools
from fractions import Fraction
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    sample_roster,
)
from cadre_core.planner import Plan, Programme, apply_plan, plan, project
from cadre_core.planner._projection import retirement_of
from cadre_core.vocab._enums import EducationLevel, TheoryLevel

AS_OF = dt.date(2026, 12, 31)
DEADLINE = dt.date(2028, 12, 31)
ALL = criteria.flag("is_active", Text("tất cả", "all"))


def _plugin(ed_share: Fraction) -> SimpleNamespace:
    @hookimpl
    def cadre_targets() -> list[Target]:
        return [
            Target(
                "t.ed",
                Text("ĐH", "degree"),
                "test",
                "cadres",
                ALL,
                criteria.education_at_least("dai_hoc"),
                Rule(">=", ed_share),
                DEADLINE,
            ),
            Target(
                "t.th",
                Text("LLCT", "theory"),
                "test",
                "cadres",
                ALL,
                criteria.theory_at_least("trung_cap"),
                Rule.all(),
                DEADLINE,
            ),
        ]

    return SimpleNamespace(cadre_targets=cadre_targets)


CATALOGUE = (
    Programme(
        "uni",
        Text("Đại học", "University"),
        "degree",
        months=12,
        cost=10,
        level="dai_hoc",
        field="current",
        intakes=(3,),
        below_education="dai_hoc",
        max_age=50,
    ),
    Programme(
        "tc",
        Text("Trung cấp LLCT", "Theory"),
        "theory",
        months=8,
        cost=3,
        level="trung_cap",
        intakes=(3,),
    ),
)

cadre_st = st.tuples(
    st.integers(1963, 1995),  # birth year
    st.sampled_from(["male", "female"]),
    st.sampled_from(["cao_dang", "dai_hoc"]),
    st.sampled_from(["", "so_cap", "trung_cap"]),
)


def _roster(people: list[tuple[int, str, str, str]]) -> Roster:
    ids = [f"C{i}" for i in range(len(people))]
    cadres = pd.DataFrame(
        {
            "cadre_id": ids,
            "full_name": [f"Người {i}" for i in range(len(people))],
            "birth_date": [f"{y}-06-15" for y, *_ in people],
            "gender": [g for _, g, *_ in people],
            "ethnicity": "Thái",
            "is_local": "True",
            "left_date": "",
        }
    )
    agencies = pd.DataFrame(
        {"agency_code": ["A"], "name": ["Phòng"], "commune": ["Xã Thử"], "bloc": ["government"]}
    )
    positions = pd.DataFrame(
        {
            "position_code": ["A-CV"],
            "title": ["Chuyên viên"],
            "agency_code": ["A"],
            "category": ["professional"],
            "quota": [str(len(people))],
            "min_education": [""],
            "min_theory": [""],
            "accepted_fields": ["Kinh tế"],
            "sensitive": ["False"],
        }
    )
    assignments = pd.DataFrame(
        {"cadre_id": ids, "position_code": "A-CV", "start_date": "2025-07-01", "end_date": ""}
    )
    degrees = pd.DataFrame(
        {
            "cadre_id": ids,
            "level": [e for _, _, e, _ in people],
            "field": "Kinh tế",
            "awarded_date": "2015-06-30",
        }
    )
    th = [(i, t) for i, (_, _, _, t) in zip(ids, people, strict=True) if t]
    theory = pd.DataFrame(
        {"cadre_id": [i for i, _ in th], "level": [t for _, t in th], "awarded_date": "2018-06-30"}
    )
    frames = {
        "cadres": cadres,
        "agencies": agencies,
        "positions": positions,
        "assignments": assignments,
        "degrees": degrees,
    }
    if th:
        frames["theory"] = theory
    return Roster.from_frames(frames, name="tiny")


def _host(ed_share: Fraction) -> PluginHost:
    return PluginHost(make_plugin_manager(entry_points=False, extra=[("tiny", _plugin(ed_share))]))


def _brute_force(roster: Roster, ed_share: Fraction, budget: int | None) -> int | None:
    """Least cost of any assignment meeting both targets, by enumeration (None: none)."""
    cad = roster.cadres.set_index("cadre_id")
    retire = retirement_of(roster)
    ed = roster.degrees.set_index("cadre_id")["level"].astype(object).map(EducationLevel.ranks())
    th = (
        roster.theory.set_index("cadre_id")["level"]
        .astype(object)
        .map(TheoryLevel.ranks())
        .reindex(cad.index)
        .fillna(0)
    )
    ids = list(cad.index)
    choices = []  # per (cadre, programme): None or (start, end, year)
    for cid in ids:
        for p in CATALOGUE:
            opts: list[tuple[dt.date, dt.date, int] | None] = [None]
            for y in (2027, 2028):
                start = dt.date(y, 3, 1)
                end = (
                    pd.Timestamp(start) + pd.DateOffset(months=p.months) - pd.Timedelta(days=1)
                ).date()
                age = y - cad.at[cid, "birth_date"].year - (1 if (3, 1) < (6, 15) else 0)
                if end > retire[cid].date():
                    continue
                if p.max_age is not None and age > p.max_age:
                    continue
                if p.below_education and ed[cid] >= EducationLevel.ranks()[p.below_education]:
                    continue
                opts.append((start, end, y))
            choices.append((cid, p, opts))
    best: int | None = None
    for combo in itertools.product(*[c[2] for c in choices]):
        picked = [(cid, p, o) for (cid, p, _), o in zip(choices, combo, strict=True) if o]
        cost = sum(p.cost for _, p, _ in picked)
        if best is not None and cost >= best:
            continue
        if budget is not None and any(
            sum(p.cost for _, p, o in picked if o[2] == y) > budget for y in (2027, 2028)
        ):
            continue
        # one long programme at a time; at most max(1, n // 3) of the agency away at once
        cap = max(1, len(ids) // 3)
        starts = {o[0] for _, _, o in picked}
        if any(sum(1 for _, _, o in picked if o[0] <= t <= o[1]) > cap for t in starts):
            continue
        active = [c for c in ids if retire[c].date() >= DEADLINE]
        done = {(c, p.code) for c, p, o in picked if o[1] <= DEADLINE}
        n_ed = sum(1 for c in active if ed[c] >= 3 or (c, "uni") in done)
        n_th = sum(1 for c in active if th[c] >= 2 or (c, "tc") in done)
        if n_ed >= Rule(">=", ed_share).required(len(active)) and n_th >= len(active):
            best = cost
    return best


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.lists(cadre_st, min_size=2, max_size=3),
    ed_share=st.sampled_from([Fraction(1, 2), Fraction(1)]),
    budget=st.sampled_from([None, 12]),
)
@pytest.mark.slow
def test_tiny_rosters_cost_equals_brute_force(
    people: list[tuple[int, str, str, str]], ed_share: Fraction, budget: int | None
) -> None:
    roster = _roster(people)
    p = plan(
        roster, as_of=AS_OF, horizon=2028, host=_host(ed_share), catalogue=CATALOGUE, budget=budget
    )
    best = _brute_force(roster, ed_share, budget)
    if best is None:
        assert not p.all_feasible and p.needs
    else:
        assert p.all_feasible, p.needs
        assert p.total_cost == best
    _check_plan(roster, p, _host(ed_share))


def _check_plan(roster: Roster, p: Plan, host: PluginHost | None = None) -> None:
    """The plan's own invariants and its feasibility claims, by real evaluation."""
    retire = retirement_of(roster)
    longs = {q.code for q in p.catalogue if q.long}
    frame = p.to_frame()
    assert (frame["end_date"] <= frame["cadre_id"].map(retire)).all()
    lf = frame[frame["programme"].isin(longs)].sort_values(["cadre_id", "start_date"])
    for _, g in lf.groupby("cadre_id"):
        assert (g["start_date"].iloc[1:].to_numpy() > g["end_date"].iloc[:-1].to_numpy()).all()
    assert not frame.duplicated(["cadre_id", "programme"]).any()
    after = project(apply_plan(roster, p), as_of=p.as_of, horizon=p.horizon)
    for proj in p.projections:
        if not proj.feasible:
            continue
        ev = evaluate(
            after,
            proj.deadline,
            host=host or PluginHost(make_plugin_manager()),
            findings=False,
            by_commune=True,
        )
        res = ev.commune(proj.commune).target(proj.target_id)
        assert res.status != "not_met", (proj.target_id, res)


@pytest.mark.slow
def test_sample_plan_meets_what_it_calls_feasible() -> None:
    roster = sample_roster()
    host = PluginHost(make_plugin_manager(only=["laichau"]))
    p = plan(roster, as_of=AS_OF, host=host)
    _check_plan(roster, p, host)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drop=st.sets(st.integers(0, 42), max_size=12), share=st.sampled_from(["1/4", "1/2"]))
@pytest.mark.slow
def test_perturbed_sample_plans_hold(drop: set[int], share: str) -> None:
    base = sample_roster()
    ids = sorted(base.cadres["cadre_id"])
    gone = {ids[i] for i in drop}
    t = base.tables
    roster = Roster.from_frames(
        {name: (f[~f["cadre_id"].isin(gone)] if "cadre_id" in f else f) for name, f in t.items()},
        name="perturbed",
    )
    host = PluginHost(make_plugin_manager(only=["laichau"]))
    p = plan(roster, as_of=AS_OF, host=host, params={"planner.max_away_share": share})
    _check_plan(roster, p, host)
