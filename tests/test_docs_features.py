"""What docs/plugins.md ("The feature frame") says about ``Features`` holds.

A tiny roster where one person holds a professional post and a leadership post at once,
with assignments that start, end or leave on the as-of day, and trainings inside and
outside the training window; then every built-in column of ``features.cadres`` and its
dtype against the table on the page.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from builders import AGENCIES, POSITIONS, assign, cadre, roster

from cadre_core import Evaluation, Roster, evaluate, sample_roster
from cadre_core.vocab import Category, TrainingTopic

DOCS = Path(__file__).resolve().parent.parent / "docs"
DAY = "2026-12-31"

POSTS = [
    *POSITIONS,
    {
        "position_code": "CTMT",
        "title": "Chủ tịch UBMTTQ",
        "agency_code": "UB",
        "category": "front_chair",
        "quota": 1,
    },
    {
        "position_code": "KH",
        "title": "Nhân viên hợp đồng",
        "agency_code": "UB",
        "category": "other",
        "quota": 2,
    },
    {"position_code": "BL", "title": "Chưa phân loại", "agency_code": "UB", "quota": 2},
]

PEOPLE = {
    # cadre: (assignments as (position, start, end), left_date)
    "DUAL": ([("CV", None, None), ("PCT", None, None)], None),  # professional + vice chair
    "PRO": ([("CV", None, None)], None),
    "PRO_OTHER": ([("CV", None, None), ("KH", None, None)], None),
    "PRO_BLANK": ([("CV", None, None), ("BL", None, None)], None),
    "BLANK": ([("BL", None, None)], None),
    "HEAD": ([("TP", None, None)], None),
    "FRONT": ([("CTMT", None, None)], None),
    "WAS_CHAIR": ([("CV", None, None), ("CT", "2024-01-01", "2026-06-30")], None),
    "ENDS_TODAY": ([("CV", None, DAY)], None),
    "STARTS_TODAY": ([("BT", DAY, None)], None),
    "STARTS_LATER": ([("CV", "2027-01-01", None)], None),
    "LEAVES_TODAY": ([("CV", None, None)], DAY),
    "LEAVES_LATER": ([("CV", None, None)], "2027-01-01"),
    "NO_POST": ([], None),
}

TRAININGS = [
    # in the window [plan_start, D] of laichau (2026-01-01)
    {"cadre_id": "PRO", "completed_date": "2026-03-01", "topics": "law;it"},
    {"cadre_id": "DUAL", "completed_date": "2026-12-31", "topics": "ethics"},
    # before plan_start, and after D
    {"cadre_id": "PRO", "completed_date": "2025-06-01", "topics": "ethics"},
    {"cadre_id": "PRO", "completed_date": "2027-01-15", "topics": "innovation"},
    # a cadre not active on D
    {"cadre_id": "LEAVES_TODAY", "completed_date": "2026-05-01", "topics": "law"},
]


def _roster() -> Roster:
    cadres, assignments = [], []
    for cid, (posts, left) in PEOPLE.items():
        cadres.append(cadre(cid, left_date=left))
        for pos, start, end in posts:
            assignments.append(assign(cid, pos, start or "2025-07-01", end))
    return roster(cadres, assignments, agencies=AGENCIES, positions=POSTS, trainings=TRAININGS)


@pytest.fixture(scope="module")
def ev() -> Evaluation:
    # laichau declares plan_start (2026-01-01), which opens the training window
    return evaluate(_roster(), DAY, plugins=["laichau"], findings=False)


@pytest.fixture(scope="module")
def cadres(ev: Evaluation) -> pd.DataFrame:
    assert ev.features is not None
    return ev.features.cadres


def test_the_frame_holds_the_cadres_active_on_the_day(cadres: pd.DataFrame) -> None:
    # start and end days are inclusive; a cadre who leaves on D is gone; no post, no row
    assert sorted(cadres.index) == sorted(set(PEOPLE) - {"STARTS_LATER", "LEAVES_TODAY", "NO_POST"})
    assert cadres["is_active"].all()


FLAGS = ["is_standing", "is_vice_chair", "is_department_leader", "is_leader", "is_professional"]
EXPECTED = {
    # cadre: (standing, vice chair, department leader, leader, professional)
    "DUAL": (True, True, False, True, False),
    "PRO": (False, False, False, False, True),
    "PRO_OTHER": (False, False, False, False, False),
    "PRO_BLANK": (False, False, False, False, True),
    "BLANK": (False, False, False, False, False),
    "HEAD": (False, False, True, True, False),
    "FRONT": (False, False, False, True, False),
    "WAS_CHAIR": (False, False, False, False, True),
    "ENDS_TODAY": (False, False, False, False, True),
    "STARTS_TODAY": (True, False, False, True, False),
    "LEAVES_LATER": (False, False, False, False, True),
}


def test_population_flags(cadres: pd.DataFrame) -> None:
    got = {cid: tuple(bool(cadres.at[cid, f]) for f in FLAGS) for cid in EXPECTED}
    assert got == EXPECTED


def test_a_professional_who_also_leads_counts_once_as_a_leader(cadres: pd.DataFrame) -> None:
    dual = cadres.loc["DUAL"]
    assert dual["holds_professional"] and dual["holds_committee_vice_chair"]
    assert dual["active_positions"] == 2
    assert dual["is_leader"] and not dual["is_professional"]
    # one row per person: a population counts a person once, whatever the posts
    assert list(cadres.index).count("DUAL") == 1


def test_holds_flags_and_active_positions(cadres: pd.DataFrame) -> None:
    codes = Category.codes()
    assert [c for c in cadres.columns if c.startswith("holds_")] == [f"holds_{c}" for c in codes]
    assert not cadres.loc["BLANK", [f"holds_{c}" for c in codes]].any()  # blank category
    assert cadres.at["PRO_OTHER", "holds_other"]
    assert not cadres.at["WAS_CHAIR", "holds_committee_chair"]  # ended before D
    assert cadres.at["STARTS_TODAY", "holds_party_secretary"]
    assert cadres.at["PRO_BLANK", "active_positions"] == 2


def test_positions_and_agencies(ev: Evaluation) -> None:
    assert ev.features is not None
    positions, agencies = ev.features.positions, ev.features.agencies
    assert positions.index.name == "position_code" and agencies.index.name == "agency_code"
    assert len(positions) == len(POSTS) and len(agencies) == len(AGENCIES)  # every one
    cv = {cid for cid, (posts, _) in PEOPLE.items() if any(p == "CV" for p, _, _ in posts)}
    assert positions.at["CV", "holders"] == len(cv - {"STARTS_LATER", "LEAVES_TODAY"})
    assert positions.at["CT", "holders"] == 0  # WAS_CHAIR's post ended
    assert positions.at["CV", "commune"] == "Xã A" and positions.at["CV", "bloc"] == "government"
    # distinct active cadres holding an active post of the agency (DUAL counts once in UB)
    assert agencies.at["UB", "active_cadres"] == len(
        {"DUAL", "PRO_OTHER", "PRO_BLANK", "BLANK", "FRONT"}
    )
    a = ev.features.assignments
    assert len(a) == int(ev.features.cadres["active_positions"].sum())
    assert {"category", "agency_code", "commune", "bloc", "field_keys"} <= set(a.columns)


def test_trainings_hold_the_window_and_tables_the_whole_table(
    ev: Evaluation, cadres: pd.DataFrame
) -> None:
    assert ev.features is not None
    window = ev.features.trainings
    assert list(window.columns) == ["cadre_id", "topic", "completed_date"]
    rows = set(zip(window["cadre_id"], window["topic"], strict=True))
    # one row per (training, topic), in [plan_start, D], active on D or not
    assert rows == {("PRO", "law"), ("PRO", "it"), ("DUAL", "ethics"), ("LEAVES_TODAY", "law")}
    assert cadres.at["PRO", "trained_law"] and not cadres.at["PRO", "trained_ethics"]
    assert not cadres.at["PRO", "trained_innovation"]
    full = ev.features.tables["trainings"]
    assert len(full) == len(TRAININGS)  # every record, every date
    assert "topics" in full.columns


def test_without_plan_start_the_window_opens_at_the_first_training() -> None:
    ev = evaluate(_roster(), DAY, plugins=[], findings=False)
    assert ev.features is not None
    c = ev.features.cadres
    assert c.at["PRO", "trained_ethics"] and not c.at["PRO", "trained_innovation"]


# ------------------------------------------------------------- the table of columns
ROW = re.compile(r"^\| `([a-z_<>]+)` \| (`[^`]+`) \| ([^|]+) \|", re.MULTILINE)


def documented_columns() -> dict[str, tuple[str, str]]:
    """``features.cadres`` columns on the page: name -> (dtype, set by), patterns expanded."""
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    start = text.index("### Columns of `features.cadres`")
    end = text.index("\n### ", start + 1)
    out: dict[str, tuple[str, str]] = {}
    for name, dtype, by in ROW.findall(text[start:end]):
        names = [name]
        if name == "holds_<category>":
            names = [f"holds_{c}" for c in Category.codes()]
        elif name == "trained_<topic>":
            names = [f"trained_{t}" for t in TrainingTopic.codes()]
        for n in names:
            out[n] = (dtype.strip("`"), by.strip())
    return out


def test_every_built_in_column_is_documented_with_its_dtype() -> None:
    ev = evaluate(sample_roster(), DAY, plugins=[], findings=False)
    assert ev.features is not None
    frame = ev.features.cadres
    documented = documented_columns()
    actual = {c: str(frame[c].dtype) for c in frame.columns}
    assert set(actual) == set(documented), (
        f"undocumented: {sorted(set(actual) - set(documented))}; "
        f"documented but absent: {sorted(set(documented) - set(actual))}"
    )
    for col, dtype in actual.items():
        assert documented[col][0] == dtype, f"{col}: documented {documented[col][0]}, is {dtype}"
    assert str(frame.index.dtype) == "object" and frame.index.name == "cadre_id"
    builtin = {"is_active", *FLAGS}
    assert {c for c, (_, by) in documented.items() if "plugin" in by} == builtin


def test_the_rating_year(ev: Evaluation) -> None:
    assert ev.features is not None and ev.features.as_of == dt.date(2026, 12, 31)
    assert ev.features.rating_year == 2026  # D is 31 December
    earlier = evaluate(_roster(), "2026-12-30", plugins=[], findings=False).features
    assert earlier is not None and earlier.rating_year == 2025
