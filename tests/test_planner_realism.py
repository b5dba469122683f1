"""A plan a person can sign: nobody away beyond the agency's share or the leaders' cap in
any month, one programme at a time, prerequisites held or planned first, cadres joining
later trained from their start, and each unmet need with its one reason."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest
from builders import assign, cadre, roster
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadre_core import (
    PluginHost,
    Roster,
    Rule,
    Target,
    Text,
    criteria,
    hookimpl,
    make_plugin_manager,
)
from cadre_core.planner import Plan, Programme, default_catalogue, plan
from cadre_core.planner._needs import CAUSES
from cadre_core.vocab._enums import EducationLevel, TheoryLevel
from cadre_core.vocab._labels import label

CADRE = str(Path(sys.executable).with_name("cadre"))
SAMPLE = str(Path(__file__).parents[1] / "src" / "cadre_core" / "data" / "sample_commune")
AS_OF = dt.date(2026, 12, 31)
STANDING = {
    "party_secretary",
    "party_deputy_secretary",
    "council_chair",
    "council_vice_chair",
    "committee_chair",
    "committee_vice_chair",
}
ALL = criteria.flag("is_active", Text("tất cả", "all"))


def _away(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per (line, month the cadre is away)."""
    if not len(lines):
        return pd.DataFrame({"cadre_id": [], "programme": [], "month": []})
    start = pd.to_datetime(lines["start_date"]).dt.to_period("M")
    end = pd.to_datetime(lines["end_date"]).dt.to_period("M")
    months = [pd.period_range(a, b, freq="M") for a, b in zip(start, end, strict=True)]
    out = lines[["cadre_id", "programme"]].assign(month=months).explode("month")
    return out.reset_index(drop=True)


def check_realism(
    r: Roster,
    lines: pd.DataFrame,
    catalogue: list[dict[str, Any]],
    *,
    as_of: dt.date = AS_OF,
    share: Fraction = Fraction(1, 3),
    min_away: int = 1,
    leaders: int = 2,
) -> None:
    """The facts of a realistic plan, checked from the roster and the plan lines alone."""
    asg = r.assignments.merge(r.positions[["position_code", "agency_code", "category"]])
    asg = asg.merge(r.agencies[["agency_code", "commune"]])
    day = pd.Timestamp(as_of)
    cad = r.cadres.set_index("cadre_id")
    left = asg["cadre_id"].map(cad["left_date"])
    active = asg[
        (asg["start_date"] <= day)
        & (asg["end_date"].isna() | (asg["end_date"] >= day))
        & (left.isna() | (left > day)).to_numpy()
    ]
    size = active.groupby("agency_code")["cadre_id"].nunique()
    cap = {a: max(min_away, int(n * share)) for a, n in size.items()}
    away = _away(lines)

    # one programme at a time per person
    assert not away.duplicated(["cadre_id", "month"]).any(), away[
        away.duplicated(["cadre_id", "month"], keep=False)
    ]
    # each agency: at most its share away in any month
    members = asg[["agency_code", "cadre_id"]].drop_duplicates()
    per = away.merge(members, on="cadre_id").groupby(["agency_code", "month"])["cadre_id"]
    for (agency, month), n in per.nunique().items():
        assert n <= cap.get(agency, min_away), (agency, month, n, cap.get(agency))
    # the commune's key leaders: at most ``leaders`` away in any month
    lead = asg[asg["category"].astype(object).isin(STANDING)][["commune", "cadre_id"]]
    per = away.merge(lead.drop_duplicates(), on="cadre_id").groupby(["commune", "month"])
    for (commune, month), n in per["cadre_id"].nunique().items():
        assert n <= leaders, (commune, month, n)
    # every line starts on or after the cadre takes up a post
    first = r.assignments.groupby("cadre_id")["start_date"].min()
    starts = pd.to_datetime(lines["start_date"])
    assert (starts >= lines["cadre_id"].map(first)).all()
    # prerequisites: held on the as-of day, or a planned line ends before the start
    progs = {p["code"]: p for p in catalogue}
    ed_rank, th_rank = EducationLevel.ranks(), TheoryLevel.ranks()
    deg = r.degrees[r.degrees["awarded_date"].isna() | (r.degrees["awarded_date"] <= day)]
    edu = deg.assign(k=deg["level"].astype(object).map(ed_rank)).groupby("cadre_id")["k"].max()
    th = r.theory[r.theory["awarded_date"].isna() | (r.theory["awarded_date"] <= day)]
    theory = th.assign(k=th["level"].astype(object).map(th_rank)).groupby("cadre_id")["k"].max()
    for x in lines.itertuples():
        p = progs[x.programme]
        if p["min_education"]:
            assert edu.get(x.cadre_id, 0) >= ed_rank[p["min_education"]], x
        if p["min_theory"]:
            need = th_rank[p["min_theory"]]
            before = lines[
                (lines["cadre_id"] == x.cadre_id)
                & (pd.to_datetime(lines["end_date"]) < pd.Timestamp(x.start_date))
            ]
            planned = any(
                progs[q]["kind"] == "theory" and th_rank[progs[q]["level"]] >= need
                for q in before["programme"]
            )
            assert theory.get(x.cadre_id, 0) >= need or planned, x


def _lines(p: Plan) -> pd.DataFrame:
    d = p.to_dict()
    return pd.DataFrame(d["lines"], columns=["cadre_id", "programme", "start_date", "end_date"])


# --- the sample commune, through the real command -------------------------------------


@pytest.fixture(scope="module")
def sample_json() -> dict[str, Any]:
    out = subprocess.run(
        [CADRE, "plan", SAMPLE, "--as-of", "2026-12-31", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    doc: dict[str, Any] = json.loads(out.stdout)
    return doc


def test_sample_plan_keeps_capacity_one_at_a_time_and_prerequisites(
    sample_json: dict[str, Any],
) -> None:
    from cadre_core import sample_roster

    lines = pd.DataFrame(sample_json["lines"])
    check_realism(sample_roster(), lines, sample_json["catalogue"])
    # short courses spread over the intakes instead of one month
    short = {p["code"] for p in sample_json["catalogue"] if not p["long"]}
    months = lines[lines["programme"].isin(short)]["start_date"].str[:7]
    assert months.nunique() >= 4
    assert months.value_counts().max() <= 10


def test_sample_cadres_without_a_university_degree_get_no_second_degree(
    sample_json: dict[str, Any],
) -> None:
    lines = pd.DataFrame(sample_json["lines"])
    second = set(lines.loc[lines["programme"] == "dao_tao_lai", "cadre_id"])
    assert not second & {"MT025", "MT031"}  # cao đẳng only: a second degree needs a first
    cat = {p["code"]: p for p in sample_json["catalogue"]}
    assert cat["dao_tao_lai"]["min_education"] == "dai_hoc"
    assert "Thông tư 08/2021/TT-BGDĐT" in cat["dao_tao_lai"]["entry_source"]
    assert cat["llct_cao_cap"]["min_theory"] == "trung_cap"
    assert cat["llct_cao_cap"]["entry_source"].startswith("Thực tiễn")


def test_sample_needs_carry_one_reason_each(sample_json: dict[str, Any]) -> None:
    causes = {n["target_id"]: n["cause"] for n in sample_json["needs"]}
    assert causes["nq05.1a"] == "posts"
    assert causes["nq05.8"] == "equipment"
    assert causes["nq05.4b"] == "none"
    words = [label(f"plan_cause_{c}") for c in CAUSES]
    for n in sample_json["needs"]:
        assert n["cause"] in CAUSES
        if n["kind"] in ("recruit", "appoint", "infeasible") and n["cause"] not in ("posts",):
            said = [w for w in words if w in n["reason"]]
            assert said == [label(f"plan_cause_{n['cause']}")], n["reason"]
            assert "người:" not in n["reason"]  # no list of counts per possible cause


# --- hand-built rosters ---------------------------------------------------------------


def _host(*targets: Target) -> PluginHost:
    @hookimpl
    def cadre_targets() -> list[Target]:
        return list(targets)

    ns = SimpleNamespace(cadre_targets=cadre_targets)
    return PluginHost(make_plugin_manager(entry_points=False, extra=[("t", ns)]))


def _theory_target(level: str, deadline: dt.date, pop: Any = ALL) -> Target:
    return Target(
        "t.th",
        Text("LLCT", "theory"),
        "test",
        "cadres",
        pop,
        criteria.theory_at_least(level),
        Rule.all(),
        deadline,
    )


TRUNG = Programme(
    "tc",
    Text("Trung cấp LLCT", "Intermediate theory"),
    "theory",
    months=8,
    cost=10,
    level="trung_cap",
    intakes=(3,),
)
CAO = Programme(
    "cc",
    Text("Cao cấp LLCT", "Advanced theory"),
    "theory",
    months=12,
    cost=30,
    level="cao_cap",
    intakes=(3,),
    min_theory="trung_cap",
)
COURSE = Programme(
    "bd",
    Text("Bồi dưỡng", "Course"),
    "training",
    months=1,
    cost=1,
    topics=("law",),
    intakes=tuple(range(1, 13)),
    long=False,
)


def _three_professionals(**extra: Any) -> Roster:
    people = [cadre(f"C{i}") for i in range(3)]
    asg = [assign(f"C{i}", "CV") for i in range(3)]
    degrees = [
        {"cadre_id": f"C{i}", "level": "dai_hoc", "field": "Luật", "awarded_date": "2010-06-30"}
        for i in range(3)
    ]
    return roster(people, asg, degrees=degrees, **extra)


def test_agency_share_binds_and_is_the_one_reason() -> None:
    r = _three_professionals()
    host = _host(_theory_target("trung_cap", dt.date(2028, 12, 31)))
    p = plan(r, as_of=AS_OF, host=host, catalogue=[TRUNG], horizon=2028)
    # a third of 3 = 1 away a month; intakes 03/2027 and 03/2028: two of three trained
    assert len(p.lines) == 2
    (n,) = p.needs
    assert n.cause == "agency"
    assert label("plan_cause_agency") in n.reason_vi
    check_realism(r, _lines(p), [x.to_json() for x in p.catalogue])
    freer = plan(
        r,
        as_of=AS_OF,
        host=host,
        catalogue=[TRUNG],
        horizon=2028,
        params={"planner.max_away_share": "1"},
    )
    assert freer.all_feasible and len(freer.lines) == 3


def test_leaders_cap_holds_for_short_courses() -> None:
    people = [cadre(c) for c in ("B", "C", "P1", "P2")]
    asg = [assign("B", "BT"), assign("C", "CT"), assign("P1", "PCT"), assign("P2", "PCT")]
    r = roster(people, asg)
    target = Target(
        "t.law",
        Text("Pháp luật", "law"),
        "test",
        "cadres",
        ALL,
        criteria.trained_in(["law"]),
        Rule.all(),
        dt.date(2027, 12, 31),
    )
    p = plan(r, as_of=AS_OF, host=_host(target), catalogue=[COURSE], horizon=2027)
    assert p.all_feasible and len(p.lines) == 4
    starts = pd.Series([x.start_date for x in p.lines]).value_counts()
    assert starts.max() <= 2  # at most two key leaders away in a month
    check_realism(r, _lines(p), [x.to_json() for x in p.catalogue])
    one = plan(
        r,
        as_of=AS_OF,
        host=_host(target),
        catalogue=[COURSE],
        horizon=2027,
        params={"planner.max_leaders_away": 1},
    )
    assert len({x.start_date for x in one.lines}) == 4


def test_theory_prerequisite_is_planned_first_or_is_the_reason() -> None:
    people = [cadre("C0")]
    asg = [assign("C0", "CV")]
    degrees = [
        {"cadre_id": "C0", "level": "dai_hoc", "field": "Luật", "awarded_date": "2010-06-30"}
    ]
    r = roster(people, asg, degrees=degrees)
    host = _host(_theory_target("cao_cap", dt.date(2029, 12, 31)))
    p = plan(r, as_of=AS_OF, host=host, catalogue=[TRUNG, CAO], horizon=2029)
    assert [(x.programme, x.start_date.year) for x in p.lines] == [("tc", 2027), ("cc", 2028)]
    assert p.lines[0].end_date < p.lines[1].start_date
    assert p.all_feasible
    # too little time for both: the prerequisite chain is the reason
    short = plan(
        r,
        as_of=AS_OF,
        host=_host(_theory_target("cao_cap", dt.date(2028, 6, 30))),
        catalogue=[TRUNG, CAO],
        horizon=2028,
    )
    assert not short.lines
    (n,) = short.needs
    assert n.cause == "chain"
    # no programme grants the prerequisite: the cao cấp option is closed ("prereq")
    none = plan(r, as_of=AS_OF, host=host, catalogue=[CAO], horizon=2029)
    assert not none.lines and none.needs[0].cause == "prereq"


def test_a_cadre_joining_later_trains_from_the_start_day() -> None:
    people = [cadre("OLD"), cadre("NEW")]
    asg = [assign("OLD", "CV"), assign("NEW", "CV", start="2027-01-05")]
    r = roster(people, asg)
    target = Target(
        "t.law",
        Text("Pháp luật", "law"),
        "test",
        "cadres",
        ALL,
        criteria.trained_in(["law"]),
        Rule.all(),
        dt.date(2027, 12, 31),
    )
    p = plan(r, as_of=AS_OF, host=_host(target), catalogue=[COURSE], horizon=2027)
    assert p.all_feasible, p.needs
    new = [x for x in p.lines if x.cadre_id == "NEW"]
    assert len(new) == 1 and new[0].start_date >= dt.date(2027, 1, 5)
    check_realism(r, _lines(p), [x.to_json() for x in p.catalogue])


# --- properties over generated rosters ------------------------------------------------

POSTS = ["BT", "CT", "PCT", "TP", "CV"]
person_st = st.tuples(
    st.sampled_from(POSTS),
    st.sampled_from([None, "trung_cap", "cao_dang", "dai_hoc"]),
    st.sampled_from([None, "so_cap", "trung_cap"]),
    st.sampled_from(["2024-01-01", "2027-01-05", "2027-06-15"]),
    st.integers(1970, 1995),
)


def _generated(people: list[tuple[str, str | None, str | None, str, int]]) -> Roster:
    ids = [f"G{i}" for i in range(len(people))]
    cad = [cadre(i, birth_date=f"{y}-03-01") for i, (*_, y) in zip(ids, people, strict=True)]
    asg = [assign(i, p[0], start=p[3]) for i, p in zip(ids, people, strict=True)]
    degrees = [
        {"cadre_id": i, "level": p[1], "field": "Luật", "awarded_date": "2012-06-30"}
        for i, p in zip(ids, people, strict=True)
        if p[1]
    ]
    theory = [
        {"cadre_id": i, "level": p[2], "awarded_date": "2015-06-30"}
        for i, p in zip(ids, people, strict=True)
        if p[2]
    ]
    tables: dict[str, list[dict[str, Any]]] = {}
    if degrees:
        tables["degrees"] = degrees
    if theory:
        tables["theory"] = theory
    return roster(cad, asg, **tables)


PROPERTY_TARGETS = (
    Target(
        "g.ed",
        Text("ĐH", "degree"),
        "test",
        "cadres",
        ALL,
        criteria.education_at_least("dai_hoc"),
        Rule(">=", Fraction(1, 2)),
        dt.date(2030, 12, 31),
    ),
    _theory_target("cao_cap", dt.date(2030, 12, 31), criteria.flag("is_leader", Text("", ""))),
    Target(
        "g.law",
        Text("Pháp luật", "law"),
        "test",
        "cadres",
        ALL,
        criteria.trained_in(["law", "ethics"]),
        Rule.all(),
        dt.date(2028, 12, 31),
    ),
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.lists(person_st, min_size=2, max_size=9),
    share=st.sampled_from(["1/3", "1/2"]),
    leaders=st.sampled_from([1, 2]),
)
def test_generated_plans_are_realistic(
    people: list[tuple[str, str | None, str | None, str, int]], share: str, leaders: int
) -> None:
    r = _generated(people)
    p = plan(
        r,
        as_of=AS_OF,
        host=_host(*PROPERTY_TARGETS),
        catalogue=default_catalogue(),
        params={"planner.max_away_share": share, "planner.max_leaders_away": leaders},
    )
    assert p.status == "optimal"
    check_realism(
        r,
        _lines(p),
        [x.to_json() for x in p.catalogue],
        share=Fraction(share),
        leaders=leaders,
    )
    for n in p.needs:
        assert n.cause in CAUSES


def test_planner_doc_names_every_reason_in_the_label_table_words() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "planner.md").read_text(encoding="utf-8")
    for code in CAUSES:
        assert f"`{code}`" in doc
        assert label(f"plan_cause_{code}") in doc
        assert label(f"plan_cause_{code}", "en") in doc
    assert "planner.max_leaders_away" in doc and "Thông tư 08/2021/TT-BGDĐT" in doc
