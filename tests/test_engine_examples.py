"""Example tests, one per clause of nq05-targets.md (shared definitions and targets)."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import pytest
from builders import assign, cadre, roster

from cadre_core import Rule, evaluate, rating_year, sample_roster

D = "2026-12-31"


def result(r, tid, day=D, **kw):
    return evaluate(r, day, plugins=["laichau"], **kw).communes[0].target(tid)


def test_active_cadre_needs_assignment_on_the_day_and_not_left():
    r = roster(
        [cadre("A"), cadre("B", left_date="2026-12-31"), cadre("C"), cadre("D")],
        [
            assign("A", "BT"),
            assign("B", "CT"),
            assign("C", "CT", end="2026-12-30"),
            assign("D", "PCT", start="2027-01-01"),
        ],
    )
    ev = evaluate(r, D, plugins=["laichau"])
    # only A is active: B left on D (left_date must be > D), C ended before D, D starts after
    assert ev.features is not None
    assert list(ev.features.cadres.index) == ["A"]
    assert ev.communes[0].target("nq05.2a").population == 1


def test_assignment_end_date_is_inclusive():
    r = roster([cadre("A")], [assign("A", "BT", end=D)])
    assert result(r, "nq05.2a").population == 1


def test_person_counted_once_per_population_however_many_posts():
    r = roster([cadre("A", gender="female")], [assign("A", "BT"), assign("A", "CT")])
    t = result(r, "nq05.5c")
    assert (t.population, t.satisfied, t.status) == (1, 1, "met")


def test_highest_qualification_on_the_day_and_blank_award_date():
    r = roster(
        [cadre("A"), cadre("B")],
        [assign("A", "BT"), assign("B", "CT")],
        degrees=[
            {"cadre_id": "A", "level": "dai_hoc", "field": "Luật"},
            {"cadre_id": "A", "level": "thac_si", "field": "Luật", "awarded_date": "2027-01-01"},
            {"cadre_id": "B", "level": "thac_si", "field": "Luật"},  # blank = held before
        ],
    )
    t = result(r, "nq05.5a")
    assert (t.population, t.satisfied, t.failing) == (2, 1, ("A",))
    assert result(r, "nq05.5a", day="2027-01-01").satisfied == 2


def test_cao_cap_and_cu_nhan_rank_equal():
    r = roster(
        [cadre("A"), cadre("B"), cadre("C")],
        [assign("A", "PCT"), assign("B", "PCT"), assign("C", "TP")],
        theory=[
            {"cadre_id": "A", "level": "cu_nhan"},
            {"cadre_id": "B", "level": "cao_cap"},
            {"cadre_id": "C", "level": "trung_cap"},
        ],
    )
    t = result(r, "nq05.5b")
    assert (t.population, t.satisfied, t.status) == (2, 2, "met")


def test_training_window_starts_at_plan_start_and_ends_on_the_day():
    r = roster(
        [cadre("A"), cadre("B"), cadre("C")],
        [assign("A", "CV"), assign("B", "CV"), assign("C", "CV")],
        trainings=[
            {"cadre_id": "A", "topics": "job_position", "completed_date": "2025-12-31"},
            {"cadre_id": "B", "topics": "job_position", "completed_date": "2026-01-01"},
            {"cadre_id": "C", "topics": "job_position", "completed_date": "2027-01-01"},
        ],
    )
    t = result(r, "nq05.2a")
    assert t.failing == ("A", "C")
    moved = result(r, "nq05.2a", params={"plan_start": "2025-01-01"})
    assert moved.failing == ("C",)


def test_topics_may_be_spread_over_several_trainings():
    r = roster(
        [cadre("A")],
        [assign("A", "CV")],
        trainings=[
            {
                "cadre_id": "A",
                "topics": "data_governance;modern_management",
                "completed_date": "2026-03-01",
            },
            {"cadre_id": "A", "topics": "e_records", "completed_date": "2026-04-01"},
        ],
    )
    assert result(r, "nq05.2b").status == "met"


@pytest.mark.parametrize(
    ("day", "year"), [("2026-12-31", 2026), ("2026-06-30", 2025), ("2027-01-01", 2026)]
)
def test_rating_year(day, year):
    assert rating_year(dt.date.fromisoformat(day)) == year


def test_unrated_cadres_are_listed_and_left_out_of_4a_4b():
    r = roster(
        [cadre("A"), cadre("B"), cadre("C")],
        [assign("A", "CV"), assign("B", "CV"), assign("C", "CV")],
        ratings=[
            {"cadre_id": "A", "year": 2026, "rating": "good"},
            {"cadre_id": "B", "year": 2026, "quarter": 4, "rating": "good"},  # quarterly only
            {"cadre_id": "C", "year": 2025, "rating": "excellent"},  # wrong year
        ],
    )
    ev = evaluate(r, D, plugins=["laichau"])
    c = ev.communes[0]
    assert c.unrated == ("B", "C")
    assert c.target("nq05.4a").population == 1
    assert c.target("nq05.4b").status == "met"


def test_professionals_are_cadres_all_of_whose_posts_are_professional():
    r = roster(
        [cadre("A"), cadre("B")],
        [assign("A", "CV"), assign("B", "CV"), assign("B", "TP")],
    )
    assert result(r, "nq05.7a").population == 1
    assert result(r, "nq05.6a").population == 1


def test_positions_staffed_counts_distinct_active_holders_against_quota():
    r = roster(
        [cadre("A"), cadre("B"), cadre("C")],
        [
            assign("A", "PCT"),
            assign("A", "PCT", start="2025-08-01"),
            assign("B", "CT"),
            assign("C", "BT"),
        ],
    )
    t = result(r, "nq05.1a")
    # PCT (quota 2) has one distinct holder; TP and CV have none
    assert t.unit == "positions"
    assert t.failing == ("CV", "PCT", "TP")


def test_field_fit_needs_level_and_field_for_every_post_with_fields():
    r = roster(
        [cadre("A"), cadre("B"), cadre("C")],
        [assign("A", "CV"), assign("B", "CV"), assign("C", "CV")],
        degrees=[
            {"cadre_id": "A", "level": "dai_hoc", "field": "LUẬT"},  # case-insensitive field
            {"cadre_id": "B", "level": "cao_dang", "field": "Kế toán"},  # level too low
            {"cadre_id": "C", "level": "thac_si", "field": "Sư phạm"},  # wrong field
        ],
    )
    t = result(r, "nq05.1b")
    assert (t.population, t.failing) == (3, ("B", "C"))


def test_leaders_standards_use_category_defaults_when_blank():
    r = roster(
        [cadre("A"), cadre("B")],
        [assign("A", "BT"), assign("B", "TP")],
        degrees=[{"cadre_id": "A", "level": "dai_hoc"}, {"cadre_id": "B", "level": "dai_hoc"}],
        theory=[{"cadre_id": "A", "level": "trung_cap"}, {"cadre_id": "B", "level": "trung_cap"}],
    )
    t = result(r, "nq05.2d")
    # party secretary needs cao_cap by default; department head needs trung_cap
    assert t.failing == ("A",)


def test_equipment_norm_and_missing_items():
    r = roster(
        [cadre("A"), cadre("B")],
        [assign("A", "CV"), assign("B", "TP")],
        equipment=[
            {"agency_code": "PKT", "item": "desk_set", "quantity": 2},
            {"agency_code": "PKT", "item": "cabinet", "quantity": 2},
            {"agency_code": "PKT", "item": "computer", "quantity": 2},
            {"agency_code": "PKT", "item": "phone", "quantity": 1},
        ],
    )
    t = result(r, "nq05.8")
    assert (t.unit, t.population, t.failing) == ("agencies", 1, ("PKT",))
    ok = result(
        r,
        "nq05.8",
        params={
            "equipment_norm": {
                "desk_set": [1, 0],
                "cabinet": [1, 0],
                "computer": [1, 0],
                "phone": ["1/2", 0],
            }
        },
    )
    assert ok.status == "met"


def test_empty_population_is_not_applicable_not_met_by_vacuity():
    r = roster([cadre("A")], [assign("A", "CV")])
    t = result(r, "nq05.5b")
    assert (t.population, t.status, t.shortfall, t.required) == (0, "not_applicable", 0, 0)
    assert t.attainable is True


@pytest.mark.parametrize(
    ("op", "value", "n", "required"),
    [
        ("all", 1, 7, 7),
        (">=", Fraction(3, 4), 6, 5),
        (">", Fraction(95, 100), 40, 39),
        (">", Fraction(7, 10), 90, 64),
        (">=", Fraction(7, 10), 90, 63),
        ("any", 0, 6, 1),
        (">", Fraction(4, 5), 20, 17),
        (">=", Fraction(1, 4), 14, 4),
    ],
)
def test_required_counts(op, value, n, required):
    assert Rule(op, value).required(n) == required


def test_more_than_100_percent_is_unattainable():
    r = roster([cadre("A")], [assign("A", "CV")])
    t = result(r, "nq05.7b", params={"nq05.7b.threshold": "1"})
    assert (t.required, t.attainable, t.status) == (2, False, "not_met")


def test_overdue_only_when_not_met_after_deadline():
    r = roster([cadre("A")], [assign("A", "CV")])
    assert result(r, "nq05.1a", day="2027-01-01").overdue is True
    assert result(r, "nq05.1a", day="2026-12-31").overdue is False


def test_json_is_byte_identical_and_has_contract_keys():
    s = sample_roster()
    a = evaluate(s, D).to_json()
    b = evaluate(s, D).to_json()
    assert a == b
    doc = json.loads(a)
    assert doc["as_of"] == D
    t = doc["communes"][0]["targets"][0]
    for key in (
        "id",
        "title",
        "source",
        "unit",
        "population",
        "satisfied",
        "required",
        "shortfall",
        "rule",
        "status",
        "attainable",
        "deadline",
        "overdue",
        "failing",
    ):
        assert key in t
    assert {"name": "laichau", "version": "0.1.0"} in doc["plugins"]


def test_parameters_report_where_each_value_came_from(tmp_path):
    f = tmp_path / "p.toml"
    f.write_text('[nq05.5a]\nthreshold = "4/5"\ndeadline = 2029-12-31\n', encoding="utf-8")
    ev = evaluate(sample_roster(), D, params_file=str(f))
    assert ev.params["nq05.5a.threshold"] == Fraction(4, 5)
    assert ev.params.origin("nq05.5a.threshold") == f"file {f}"
    assert ev.params.origin("nq05.5b.deadline") == "plugin laichau"
    assert ev.params.origin("equipment_norm") == "plugin cadre"
    t = ev.communes[0].target("nq05.5a")
    assert t.rule == Rule(">=", Fraction(4, 5))
    assert t.deadline == dt.date(2029, 12, 31)


def test_to_frame_is_tidy():
    frame = evaluate(sample_roster(), D, plugins=["laichau"]).to_frame()
    assert len(frame) == 18
    assert frame["id"].is_unique
    assert str(frame["status"].dtype) == "category"
