"""The official forms filled from a roster: every cell against an independent count.

Each test builds a roster of known people (hypothesis), fills a form, and checks every cell
against a count written here in plain Python over the generated people (never the
engine). A cell whose roster field the roster does not carry is blank (``None``) and
listed, never zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import cadre_core
from cadre_core import Form, FormColumn, FormRow, PluginHost, Text, criteria, hookimpl
from cadre_core.engine._pipeline import build_frame, prepare
from cadre_core.forms import compute_form, forms_document, informs
from cadre_core.plugins._host import PluginError, make_plugin_manager
from cadre_core.plugins.builtin._forms import (
    FORM_02CL,
    FORM_9C,
    FORM_10,
    FORM_12C,
    FORM_BM02,
)
from cadre_core.roster._schema import TABLE_BY_NAME
from cadre_core.vocab._enums import TrainingTopic
from cadre_core.vocab._retirement import retirement_date

AS_OF = dt.date(2026, 12, 31)
YEAR_START = dt.date(2026, 1, 1)
COMMUNES = ("Xã Một", "Xã Hai")
CATEGORIES = (
    "party_secretary",
    "party_deputy_secretary",
    "council_chair",
    "council_vice_chair",
    "committee_chair",
    "committee_vice_chair",
    "front_chair",
    "professional",
)
EDUCATION = (None, "trung_cap", "cao_dang", "dai_hoc", "thac_si", "tien_si")
THEORY = (None, "so_cap", "trung_cap", "cao_cap", "cu_nhan")
#: topics the roster format knows (the forms' own topics once the roster carries them)
TOPICS = tuple(
    t
    for t in ("it", "state_management", "party_building", "defence_security", "law")
    if t in TrainingTopic.codes()
)


@attrs.frozen
class Person:
    commune: str
    birth: dt.date
    gender: str
    minority: bool
    category: str
    education: str | None
    ed_date: dt.date
    ed_place: str
    theory: str | None
    th_date: dt.date
    th_mode: str
    party_join: dt.date | None
    religion: str | None
    grade: str | None
    state: str | None
    it: str | None
    language: str | None
    ethnic_language: bool
    general: str | None
    academic: str | None
    basic: bool
    insurance: dt.date | None
    committee: bool
    standing: bool
    council: tuple[str, ...]
    rotation: bool
    trainings: tuple[tuple[str, dt.date, str], ...]
    planned: str | None

    @property
    def age(self) -> int:
        b = self.birth
        return AS_OF.year - b.year - ((AS_OF.month, AS_OF.day) < (b.month, b.day))


days = st.dates(dt.date(2010, 1, 1), dt.date(2026, 12, 31))
person_st = st.builds(
    Person,
    commune=st.sampled_from(COMMUNES),
    birth=st.dates(dt.date(1960, 1, 1), dt.date(2000, 12, 31)),
    gender=st.sampled_from(["male", "female"]),
    minority=st.booleans(),
    category=st.sampled_from(CATEGORIES),
    education=st.sampled_from(EDUCATION),
    ed_date=days,
    ed_place=st.sampled_from(["domestic", "abroad", "joint"]),
    theory=st.sampled_from(THEORY),
    th_date=days,
    th_mode=st.sampled_from(["full_time", "part_time"]),
    party_join=st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2027, 12, 31))),
    religion=st.sampled_from([None, "Phật giáo", "Công giáo"]),
    grade=st.sampled_from([None, "chuyen_vien", "chuyen_vien_chinh", "can_su", "nhan_vien"]),
    state=st.sampled_from([None, "chuyen_vien", "chuyen_vien_chinh", "chuyen_vien_cao_cap"]),
    it=st.sampled_from([None, "co_ban", "nang_cao", "trung_cap_tro_len"]),
    language=st.sampled_from([None, "chung_chi", "dai_hoc"]),
    ethnic_language=st.booleans(),
    general=st.sampled_from([None, "tieu_hoc", "thcs", "thpt"]),
    academic=st.sampled_from([None, None, "pho_giao_su", "giao_su"]),
    basic=st.booleans(),
    insurance=st.one_of(st.none(), st.dates(dt.date(1985, 1, 1), dt.date(2026, 12, 31))),
    committee=st.booleans(),
    standing=st.booleans(),
    council=st.lists(st.sampled_from(["commune", "district", "province"]), unique=True).map(tuple),
    rotation=st.booleans(),
    trainings=st.lists(
        st.tuples(
            st.sampled_from(TOPICS),
            st.dates(dt.date(2025, 6, 1), dt.date(2027, 3, 1)),
            st.sampled_from(["domestic", "abroad"]),
        ),
        max_size=2,
    ).map(tuple),
    planned=st.sampled_from([None, *CATEGORIES[:7]]),
)
people_st = st.lists(person_st, min_size=1, max_size=14)


def _iso(d: dt.date | None) -> str:
    return "" if d is None else d.isoformat()


def frames(people: list[Person], drop: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """The roster tables of ``people`` (every column the forms read, the new fields too;
    ``drop``: columns ``table.column`` left out)."""
    ids = [f"C{i:03d}" for i in range(len(people))]
    code = {c: i for i, c in enumerate(COMMUNES)}
    cadres = pd.DataFrame(
        {
            "cadre_id": ids,
            "full_name": [f"Người Thứ {i}" for i in range(len(people))],
            "birth_date": [p.birth.isoformat() for p in people],
            "gender": [p.gender for p in people],
            "ethnicity": ["Thái" if p.minority else "Kinh" for p in people],
            "party_join_date": [_iso(p.party_join) for p in people],
            "religion": [p.religion or "" for p in people],
            "grade": [p.grade or "" for p in people],
            "state_management": [p.state or "" for p in people],
            "it_level": [p.it or "" for p in people],
            "foreign_language": [p.language or "" for p in people],
            "ethnic_language": [str(p.ethnic_language) for p in people],
            "general_education": [p.general or "" for p in people],
            "academic_title": [p.academic or "" for p in people],
            "professional_basic": [str(p.basic) for p in people],
            "insurance_start": [_iso(p.insurance) for p in people],
            "party_committee": [str(p.committee) for p in people],
            "party_standing": [str(p.standing) for p in people],
            "council_deputy": [";".join(p.council) for p in people],
        }
    )
    agencies = pd.DataFrame(
        {
            "agency_code": [f"A{i}" for i in range(len(COMMUNES))],
            "name": [f"Đảng ủy {c}" for c in COMMUNES],
            "commune": list(COMMUNES),
            "bloc": "party_front",
        }
    )
    held: dict[str, int] = {}
    for p in people:
        key = f"P{code[p.commune]}-{p.category}"
        held[key] = held.get(key, 0) + 1
    positions = pd.DataFrame(
        [
            {
                "position_code": f"P{i}-{cat}",
                "title": f"Vị trí {cat}",
                "agency_code": f"A{i}",
                "category": cat,
                "quota": str(held.get(f"P{i}-{cat}", 0) + 1),
            }
            for i in range(len(COMMUNES))
            for cat in CATEGORIES
        ]
    )
    assignments = pd.DataFrame(
        {
            "cadre_id": ids,
            "position_code": [f"P{code[p.commune]}-{p.category}" for p in people],
            "start_date": "2020-01-01",
            "rotation": [str(p.rotation) for p in people],
        }
    )
    degrees = pd.DataFrame(
        [
            {
                "cadre_id": i,
                "level": p.education,
                "field": "Luật",
                "awarded_date": p.ed_date.isoformat(),
                "study_place": p.ed_place,
            }
            for i, p in zip(ids, people, strict=True)
            if p.education
        ],
        columns=["cadre_id", "level", "field", "awarded_date", "study_place"],
    )
    theory = pd.DataFrame(
        [
            {
                "cadre_id": i,
                "level": p.theory,
                "awarded_date": p.th_date.isoformat(),
                "study_mode": p.th_mode,
            }
            for i, p in zip(ids, people, strict=True)
            if p.theory
        ],
        columns=["cadre_id", "level", "awarded_date", "study_mode"],
    )
    trainings = pd.DataFrame(
        [
            {"cadre_id": i, "topics": t, "completed_date": d.isoformat(), "place": place}
            for i, p in zip(ids, people, strict=True)
            for t, d, place in p.trainings
        ],
        columns=["cadre_id", "topics", "completed_date", "place"],
    )
    succession = pd.DataFrame(
        [
            {
                "cadre_id": i,
                "position_code": f"P{code[p.commune]}-{p.planned}",
                "term": "2026-2031",
                "added_date": "2025-01-01",
            }
            for i, p in zip(ids, people, strict=True)
            if p.planned
        ],
        columns=["cadre_id", "position_code", "term", "added_date"],
    )
    out = {
        "cadres": cadres,
        "agencies": agencies,
        "positions": positions,
        "assignments": assignments,
        "degrees": degrees,
        "theory": theory,
        "trainings": trainings,
        "succession": succession,
    }
    for field in drop:
        table, _, column = field.partition(".")
        out[table] = out[table].drop(columns=[column])
    return out


def fill(form: Form, people: list[Person], drop: tuple[str, ...] = ()) -> Any:
    roster = cadre_core.Roster.from_frames(frames(people, drop), name="Tỉnh Thử")
    host = PluginHost(make_plugin_manager(entry_points=False))
    features = build_frame(prepare(AS_OF, host=host, findings=False), roster)
    return compute_form(form, features), features


def supported(field: str, drop: tuple[str, ...] = ()) -> bool:
    """Does the roster format have ``field`` (and did the test's roster carry it)?"""
    table, _, column = field.partition(".")
    spec = TABLE_BY_NAME.get(table)
    if field in drop:
        return False
    return spec is not None and (not column or column in spec.column_names)


# ------------------------------------------------------------ independent predicates
Pred = Callable[[Person], bool]


def in_year(d: dt.date) -> bool:
    return YEAR_START <= d <= AS_OF


def leader_rows(basic: bool) -> dict[str, Pred]:
    rows: dict[str, Pred] = {
        "TỔNG SỐ": lambda p: True,
        "*Trong đó: - Nữ": lambda p: p.gender == "female",
        "- Dân tộc thiểu số": lambda p: p.minority,
        "- Từ 40 tuổi trở xuống": lambda p: p.age <= 40,
        "- Từ trên 40 tuổi đến 50 tuổi": lambda p: 40 < p.age <= 50,
        "- Từ trên 50 tuổi": lambda p: p.age > 50,
        "- Cao đẳng": lambda p: p.education == "cao_dang",
        "- Đại học": lambda p: p.education == "dai_hoc",
        "- Trên đại học": lambda p: p.education in ("thac_si", "tien_si"),
        "- Phó Giáo sư": lambda p: p.academic == "pho_giao_su",
        "- Giáo sư": lambda p: p.academic == "giao_su",
        "- Trung cấp": lambda p: p.theory == "trung_cap",
        "- Cao cấp, cử nhân": lambda p: p.theory in ("cao_cap", "cu_nhan"),
    }
    if basic:
        rows["- Sơ cấp"] = lambda p: p.theory == "so_cap"
    return rows


def _held(*cats: str) -> Pred:
    return lambda p: p.category in cats


def _plan(*cats: str) -> Pred:
    return lambda p: p.planned in cats


COLUMNS_9C: dict[str, Pred] = {
    "2": lambda p: p.committee,
    "3": lambda p: p.standing,
    "4": _held("party_secretary"),
    "5": _held("party_deputy_secretary"),
    "6": _held("council_chair"),
    "7": _held("council_vice_chair"),
    "8": _held("committee_chair"),
    "9": _held("committee_vice_chair"),
    "10": _held("front_chair"),
    "11": lambda p: False,  # no vice-chair of the Front among the generated posts
}
COLUMNS_12C: dict[str, Pred | None] = {
    "2": None,  # planned Party Committee members: the roster has no post for them
    "3": None,
    "4": None,
    "5": _plan("party_secretary"),
    "6": _plan("party_deputy_secretary"),
    "7": _plan("committee_chair"),
    "8": _plan("committee_vice_chair"),
    "9": _plan("council_chair"),
    "10": _plan("council_vice_chair"),
    "11": _plan("front_chair"),
    "12": lambda p: False,
}


def _needs_ok(form: Form, row: FormRow | None, col: FormColumn, drop: tuple[str, ...]) -> bool:
    needs = col.needs + (row.needs if row is not None else ())
    return all(supported(f, drop) for f in needs)


def check_grid(
    form: Form,
    people: list[Person],
    rows: dict[str, Pred],
    cols: dict[str, Pred | None],
    drop: tuple[str, ...] = (),
) -> None:
    filled, _ = fill(form, people, drop)
    present = sorted({p.commune for p in people} | set(COMMUNES))
    assert [b.commune for b in filled.blocks] == [*present, None]
    by_label = {r.label.vi: r for r in form.rows if not r.heading}
    assert set(by_label) == set(rows)
    for block in filled.blocks:
        mine = [p for p in people if block.commune in (None, p.commune)]
        for row in block.rows:
            if row.kind == "heading":
                assert row.cells == ()
                continue
            pred = rows[row.label.vi]
            for col, value in zip(form.columns, row.cells, strict=True):
                col_pred = cols[col.number]
                if col_pred is None or not _needs_ok(form, by_label[row.label.vi], col, drop):
                    assert value is None, (row.label.vi, col.number)
                    continue
                expected = sum(1 for p in mine if pred(p) and col_pred(p))
                assert value == expected, (block.commune, row.label.vi, col.number)


FAST = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failure is shown as found
)


@FAST
@given(people_st)
def test_9c_every_cell_is_the_independent_count(people: list[Person]) -> None:
    check_grid(FORM_9C, people, leader_rows(basic=True), dict(COLUMNS_9C))


@FAST
@given(people_st)
def test_12c_counts_the_succession_pool_per_title(people: list[Person]) -> None:
    check_grid(FORM_12C, people, leader_rows(basic=False), COLUMNS_12C)


def rows_10() -> dict[str, Pred]:
    def deg(level: str, place: str | None = None) -> Pred:
        return lambda p: (
            p.education == level and in_year(p.ed_date) and (place is None or p.ed_place == place)
        )

    def th(level: str, mode: str | None = None) -> Pred:
        return lambda p: (
            p.theory == level and in_year(p.th_date) and (mode is None or p.th_mode == mode)
        )

    def course(topics: tuple[str, ...], place: str | None = None) -> Pred:
        return lambda p: any(
            t in topics and in_year(d) and (place is None or pl == place)
            for t, d, pl in p.trainings
        )

    degrees = ("dai_hoc", "thac_si", "tien_si")
    theories = ("trung_cap", "cao_cap", "cu_nhan")
    all_topics = (
        "party_building",
        "mass_organisation",
        "state_management",
        "economic_management",
        "foreign_language",
        "it",
        "knowledge_update",
        "defence_security",
    )
    rows: dict[str, Pred] = {
        "Đào tạo": lambda p: any(deg(lv)(p) for lv in degrees) or any(th(lv)(p) for lv in theories),
        "Đào tạo chuyên môn": lambda p: any(deg(lv)(p) for lv in degrees),
        "Đào tạo chính trị": lambda p: any(th(lv)(p) for lv in theories),
        "Bồi dưỡng": course(all_topics),
        "Nghiệp vụ xây dựng Đảng": course(("party_building",)),
        "Nghiệp vụ đoàn thể chính trị": course(("mass_organisation",)),
        "Quản lý nhà nước": course(("state_management",)),
        "Quản lý kinh tế": course(("economic_management",)),
        "Ngoại ngữ": course(("foreign_language",)),
        "Tin học": course(("it",)),
        "Cập nhật kiến thức mới": course(("knowledge_update",)),
        "Quốc phòng- An ninh": course(("defence_security",)),
    }
    return rows


def test_10_btctw_every_cell() -> None:
    """10-BTCTW: rows with the same label (the places under each programme) are told
    apart by their order; checked one by one against the form's own order."""

    @FAST
    @given(people_st)
    def run(people: list[Person]) -> None:
        filled, _ = fill(FORM_10, people)
        plain = rows_10()
        # the rows in order, each with its independent predicate
        expected: list[Pred | None] = []
        programme: tuple[str, str] | None = None
        topic: str | None = None
        topics = {
            "Quản lý nhà nước": "state_management",
            "Quản lý kinh tế": "economic_management",
            "Ngoại ngữ": "foreign_language",
        }
        for r in FORM_10.rows:
            text = r.label.vi
            if r.heading:
                continue
            if text in ("- Đại học", "- Thạc sỹ (tương đương)", "- Tiến sỹ (tương đương)"):
                level = {"- Đại học": "dai_hoc", "- Thạc sỹ (tương đương)": "thac_si"}.get(
                    text, "tien_si"
                )
                programme = ("degree", level)
                expected.append(_deg(level, None))
            elif text.startswith("+ Đào tạo"):
                assert programme is not None
                place = {"trong": "domestic", "ngoài": "abroad", "liên": "joint"}[text.split()[3]]
                expected.append(_deg(programme[1], place))
            elif text.endswith("LLCT"):
                level = {"Trung": "trung_cap", "Cao": "cao_cap", "Cử": "cu_nhan"}[text.split()[1]]
                programme = ("theory", level)
                expected.append(_th(level, None))
            elif text.startswith("+ Hệ"):
                assert programme is not None
                mode = "part_time" if "không" in text else "full_time"
                expected.append(_th(programme[1], mode))
            elif text.startswith("+ Bồi dưỡng"):
                assert topic is not None
                place = "abroad" if "ngoài" in text else "domestic"
                expected.append(_course(topic, place))
            elif text.startswith("- Đối tượng"):
                expected.append(None)
            else:
                topic = topics.get(text)
                expected.append(plain[text])
        for block in filled.blocks:
            mine = [p for p in people if block.commune in (None, p.commune)]
            counted = [r for r in block.rows if r.kind != "heading"]
            assert len(counted) == len(expected)
            for row, pred in zip(counted, expected, strict=True):
                for col, value in zip(FORM_10.columns, row.cells, strict=True):
                    if pred is None or col.number not in ("3=4+6+8", "8"):
                        assert value is None, (row.label.vi, col.number)
                    else:
                        want = sum(1 for p in mine if pred(p))
                        row_needs = next(r.needs for r in FORM_10.rows if r.label == row.label)
                        if not all(supported(f) for f in row_needs):
                            assert value is None, row.label.vi
                        else:
                            assert value == want, (block.commune, row.label.vi, col.number)

    run()


def _deg(level: str, place: str | None) -> Pred:
    return lambda p: (
        p.education == level and in_year(p.ed_date) and (place is None or p.ed_place == place)
    )


def _th(level: str, mode: str | None) -> Pred:
    return lambda p: (
        p.theory == level and in_year(p.th_date) and (mode is None or p.th_mode == mode)
    )


def _course(topic: str, place: str) -> Pred:
    return lambda p: any(t == topic and in_year(d) and pl == place for t, d, pl in p.trainings)


def _retired(p: Person) -> bool:
    day = retirement_date(p.birth, p.gender)
    return day is not None and day < AS_OF


COLUMNS_BM02: dict[str, Pred | None] = {
    "2": lambda p: p.party_join is not None and p.party_join <= AS_OF,
    "3": lambda p: p.gender == "female",
    "4": lambda p: p.minority,
    "5": lambda p: p.religion is not None,
    "6": lambda p: p.grade == "chuyen_vien_cao_cap",
    "7": lambda p: p.grade == "chuyen_vien_chinh",
    "8": lambda p: p.grade == "chuyen_vien",
    "9": lambda p: p.grade == "can_su",
    "10": lambda p: p.grade == "nhan_vien",
    "11": lambda p: p.education == "tien_si",
    "12": lambda p: p.education == "thac_si",
    "13": lambda p: p.education == "dai_hoc",
    "14": lambda p: p.education == "cao_dang",
    "15": lambda p: p.education == "trung_cap",
    "16": lambda p: p.basic and p.education is None,
    "17": lambda p: p.theory == "cu_nhan",
    "18": lambda p: p.theory == "cao_cap",
    "19": lambda p: p.theory == "trung_cap",
    "20": lambda p: p.theory == "so_cap",
    "21": lambda p: p.it == "trung_cap_tro_len",
    "22": lambda p: p.it in ("co_ban", "nang_cao"),
    "23": None,  # English or another language: no such column
    "24": None,
    "25": None,
    "26": None,
    "27": lambda p: p.ethnic_language,
    "28": lambda p: p.state == "chuyen_vien_cao_cap",
    "29": lambda p: p.state == "chuyen_vien_chinh",
    "30": lambda p: p.state == "chuyen_vien",
    "31": lambda p: p.age <= 30,
    "32": lambda p: 31 <= p.age <= 40,
    "33": lambda p: 41 <= p.age <= 50,
    "34": lambda p: 51 <= p.age <= 60,
    "35": lambda p: p.gender == "female" and 51 <= p.age <= 55,
    "36": lambda p: p.gender == "male" and 56 <= p.age <= 60,
    "37": _retired,
    "38": lambda p: p.rotation,
}


@FAST
@given(people_st)
def test_bm02_one_row_per_commune_and_the_total(people: list[Person]) -> None:
    filled, _ = fill(FORM_BM02, people)
    (block,) = filled.blocks
    assert [r.label.vi for r in block.rows] == [*sorted(COMMUNES), "Tổng cộng"]
    quota = {c: 0 for c in COMMUNES}
    for p in people:
        quota[p.commune] += 1
    for row in block.rows:
        mine = [p for p in people if row.label.vi in (p.commune, "Tổng cộng")]
        for col, value in zip(FORM_BM02.columns, row.cells, strict=True):
            if col.number == "1":  # posts allotted: people held + one spare per post
                spare = len(CATEGORIES) * (1 if row.kind == "commune" else len(COMMUNES))
                assert value == len(mine) + spare
                continue
            pred = COLUMNS_BM02[col.number]
            if pred is None or not all(supported(f) for f in col.needs):
                assert value is None, col.number
            else:
                assert value == sum(1 for p in mine if pred(p)), (row.label.vi, col.number)


def _insurance_years(p: Person) -> int | None:
    if p.insurance is None:
        return None
    s = p.insurance
    return AS_OF.year - s.year - ((AS_OF.month, AS_OF.day) < (s.month, s.day))


@FAST
@given(people_st)
def test_02cl_one_row_per_person_ticks_and_totals(people: list[Person]) -> None:
    filled, _ = fill(FORM_02CL, people)
    names = {f"Người Thứ {i}": p for i, p in enumerate(people)}
    cols = [c.label.vi + "|" + "/".join(g.vi for g in c.groups) for c in FORM_02CL.columns]

    def expected(p: Person, name: str) -> list[object]:
        years = _insurance_years(p)

        def in_band(lo: int, hi: int) -> bool:
            return years is not None and lo <= years <= hi

        council = set(p.council)
        out: dict[str, object] = {
            "Họ và tên|": name,
            "Nam|Ngày sinh": p.birth if p.gender == "male" else "",
            "Nữ|Ngày sinh": p.birth if p.gender == "female" else "",
            "Dân tộc|": "Thái" if p.minority else "Kinh",
            "Chưa qua đào tạo|Trình độ chuyên môn": p.education is None and not p.basic,
            "Sơ cấp|Trình độ chuyên môn": p.education is None and p.basic,
            "Trung cấp|Trình độ chuyên môn": p.education == "trung_cap",
            "Cao đẳng|Trình độ chuyên môn": p.education == "cao_dang",
            "Đại học|Trình độ chuyên môn": p.education == "dai_hoc",
            "Thạc sĩ, Tiến sĩ|Trình độ chuyên môn": p.education in ("thac_si", "tien_si"),
            "Sơ cấp|Lý luận chính trị": p.theory == "so_cap",
            "Trung cấp|Lý luận chính trị": p.theory == "trung_cap",
            "Cao cấp|Lý luận chính trị": p.theory == "cao_cap",
            "Cử nhân|Lý luận chính trị": p.theory == "cu_nhan",
            "Từ 30 trở xuống|Độ tuổi": p.age <= 30,
            "Từ 31 đến 40|Độ tuổi": 31 <= p.age <= 40,
            "Từ 41 đến 50|Độ tuổi": 41 <= p.age <= 50,
            "Tổng số|Độ tuổi/Từ 51 đến 60": 51 <= p.age <= 60,
            "Nữ từ 51 đến 55|Độ tuổi/Từ 51 đến 60": p.gender == "female" and 51 <= p.age <= 55,
            "Nam từ 56 đến 60|Độ tuổi/Từ 51 đến 60": p.gender == "male" and 56 <= p.age <= 60,
            "Trên 60|Độ tuổi": p.age > 60,
            "Thời điểm bắt đầu đóng BHXH|Bảo hiểm xã hội": p.insurance or "",
            "Dưới 15 năm|Bảo hiểm xã hội/Số năm đóng BHXH": in_band(0, 14),
            "Từ 15 đến 20 năm|Bảo hiểm xã hội/Số năm đóng BHXH": in_band(15, 20),
            "Từ 21 đến 30 năm|Bảo hiểm xã hội/Số năm đóng BHXH": in_band(21, 30),
            "Trên 30 năm|Bảo hiểm xã hội/Số năm đóng BHXH": in_band(31, 999),
            "Đảng viên|": p.party_join is not None and p.party_join <= AS_OF,
            "Tôn giáo|": p.religion is not None,
            "Xã|Đại biểu HĐND": "commune" in council,
            "Huyện|Đại biểu HĐND": "district" in council,
            "Tỉnh|Đại biểu HĐND": "province" in council,
            "Cấp ủy cấp xã|": p.committee,
            "Tiểu học|Trình độ văn hóa": p.general == "tieu_hoc",
            "THCS|Trình độ văn hóa": p.general == "thcs",
            "THPT|Trình độ văn hóa": p.general == "thpt",
            "Chưa qua bồi dưỡng|Quản lý nhà nước": p.state is None,
            "Chuyên viên|Quản lý nhà nước": p.state == "chuyen_vien",
            "Chuyên viên chính trở lên|Quản lý nhà nước": p.state
            in ("chuyen_vien_chinh", "chuyen_vien_cao_cap"),
            "Chưa có|Tin học": p.it is None,
            "Cơ bản|Tin học": p.it == "co_ban",
            "Nâng cao|Tin học": p.it == "nang_cao",
            "Trung cấp trở lên|Tin học": p.it == "trung_cap_tro_len",
            "Chưa có|Ngoại ngữ": p.language is None,
            "Chứng chỉ|Ngoại ngữ": p.language == "chung_chi",
            "Đại học trở lên|Ngoại ngữ": p.language == "dai_hoc",
            "Tiếng dân tộc|Ngoại ngữ": p.ethnic_language,
            "Bồi dưỡng QP-AN|": any(
                t == "defence_security" and d <= AS_OF for t, d, _ in p.trainings
            ),
        }
        assert set(out) == set(cols)
        return [out[c] for c in cols]

    def ticked(w: object) -> int:
        return int(w is True or (w not in (False, "", None) and not isinstance(w, bool)))

    for block in filled.blocks:
        mine = [(n, p) for n, p in names.items() if block.commune in (None, p.commune)]
        people_rows = [r for r in block.rows if r.kind == "person"]
        shown = [] if block.commune is None else mine  # the province: its total only
        assert sorted(r.label.vi for r in people_rows) == sorted(n for n, _ in shown)
        for row in people_rows:
            want = expected(names[row.label.vi], row.label.vi)
            for k, (col, value, w) in enumerate(
                zip(FORM_02CL.columns, row.cells, want, strict=True)
            ):
                if not all(supported(f) for f in col.needs):
                    assert value is None, cols[k]
                else:
                    assert value == w, (row.label.vi, cols[k])
        wanted = [expected(p, n) for n, p in mine]
        totals = [sum(ticked(w[k]) for w in wanted) for k in range(len(cols))]
        (total,) = [r for r in block.rows if r.kind == "total"]
        for k, (col, value) in enumerate(zip(FORM_02CL.columns, total.cells, strict=True)):
            if all(supported(f) for f in col.needs):
                assert value == totals[k], cols[k]
            else:
                assert value is None


@FAST
@given(people_st)
def test_the_province_is_the_sum_of_its_communes(people: list[Person]) -> None:
    for form in (FORM_9C, FORM_12C, FORM_10):
        filled, _ = fill(form, people)
        *communes, province = filled.blocks
        assert province.commune is None
        for k, row in enumerate(province.rows):
            for i, value in enumerate(row.cells):
                parts = [b.rows[k].cells[i] for b in communes]
                if value is None:
                    assert all(v is None for v in parts)
                else:
                    assert value == sum(parts)  # type: ignore[arg-type]


FIELD_SETS = [
    ("cadres.party_committee",),
    ("cadres.ethnicity", "cadres.academic_title"),
    ("degrees.study_place", "trainings.place"),
]


@pytest.mark.parametrize("drop", FIELD_SETS)
def test_a_missing_field_leaves_exactly_its_cells_blank_and_lists_them(
    drop: tuple[str, ...],
) -> None:
    people = [
        Person(**{**_example(), "commune": c, "category": cat})  # type: ignore[arg-type]
        for c in COMMUNES
        for cat in CATEGORIES
    ]
    for form in (FORM_9C, FORM_10, FORM_BM02, FORM_02CL):
        full, _ = fill(form, people)
        part, features = fill(form, people, drop)
        listed = {(b.row, b.column_number) for b in part.blanks}
        before = {(b.row, b.column_number) for b in full.blanks}
        for f in drop:
            assert not informs(features, f)
        newly = listed - before
        for b in part.blanks:
            if (b.row, b.column_number) in newly:
                assert set(b.fields) & set(drop), b
        # every cell reading a dropped field is blank, and is listed; no other cell changed
        for blk_full, blk_part in zip(full.blocks, part.blocks, strict=True):
            for r_full, r_part in zip(blk_full.rows, blk_part.rows, strict=True):
                if r_full.kind == "heading":
                    continue
                row = next((r for r in form.rows if r.label == r_full.label), None)
                for col, a, b in zip(form.columns, r_full.cells, r_part.cells, strict=True):
                    needs = set(col.needs) | set(row.needs if row is not None else ())
                    if needs & set(drop):
                        assert b is None
                        assert (row.label if row is not None else None, col.number) in listed
                    else:
                        assert a == b


def _example() -> dict[str, object]:
    return {
        "commune": COMMUNES[0],
        "birth": dt.date(1980, 5, 1),
        "gender": "female",
        "minority": True,
        "category": "professional",
        "education": "dai_hoc",
        "ed_date": dt.date(2026, 3, 1),
        "ed_place": "abroad",
        "theory": "trung_cap",
        "th_date": dt.date(2026, 4, 1),
        "th_mode": "part_time",
        "party_join": dt.date(2010, 1, 1),
        "religion": None,
        "grade": "chuyen_vien",
        "state": "chuyen_vien",
        "it": "co_ban",
        "language": "chung_chi",
        "ethnic_language": True,
        "general": "thpt",
        "academic": "pho_giao_su",
        "basic": False,
        "insurance": dt.date(2005, 1, 1),
        "committee": True,
        "standing": False,
        "council": ("commune",),
        "rotation": False,
        "trainings": (("state_management", dt.date(2026, 5, 1), "abroad"),),
        "planned": "party_secretary",
    }


def test_blank_cells_say_what_is_missing_in_words() -> None:
    filled, _ = fill(FORM_12C, [Person(**_example())])  # type: ignore[arg-type]
    doc = forms_document([filled])
    assert cadre_core.schema_errors(doc, "forms", strict=True) == []
    missing = {b["missing"] for b in doc["forms"][0]["blanks"]}
    assert any("Ủy viên Ban chấp hành" in m for m in missing)
    assert not any("_" in m for m in missing)  # no internal code reaches the Vietnamese


# ------------------------------------------------------------ plugins add forms
class _Province:
    @hookimpl
    def cadre_forms(self) -> list[Form]:
        return [
            Form(
                "HG-01",
                (Text("THỐNG KÊ CÁN BỘ NỮ", "WOMEN"),),
                "post",
                (FormColumn(Text("Tổng số", "Total"), "2", criteria.everyone()),),
                (FormRow(Text("Nữ", "Women"), criteria.is_female()),),
                source="Hướng dẫn của Ban Tổ chức Tỉnh ủy",
            )
        ]


class _Clash:
    @hookimpl
    def cadre_forms(self) -> list[Form]:
        return [attrs.evolve(FORM_9C, source="Một bản khác")]


class _Broken:
    @hookimpl
    def cadre_forms(self) -> object:
        return FORM_9C  # one form, not a list


def _host(plugin: object, name: str) -> PluginHost:
    pm = make_plugin_manager(entry_points=False)
    pm.register(plugin, name=name)
    return PluginHost(pm)


def test_a_province_plugin_adds_its_own_form() -> None:
    host = _host(_Province(), "hagiang")
    found = {form.code: plugin for plugin, form in host.forms()}
    assert found["HG-01"] == "hagiang" and found["9C-BTCTW"] == "cadre"
    form = dict((f.code, f) for _, f in host.forms())["HG-01"]
    filled, _ = fill(form, [Person(**_example())])  # type: ignore[arg-type]
    assert filled.cell("Nữ", "2") == 1


def test_a_clash_on_a_form_code_names_both_plugins() -> None:
    with pytest.raises(PluginError) as err:
        _host(_Clash(), "other").forms()
    assert "other" in str(err.value) and "'cadre'" in str(err.value)
    replacing = attrs.evolve(FORM_9C, source="Bản của tỉnh", replaces="cadre")

    class _Replaces:
        @hookimpl
        def cadre_forms(self) -> list[Form]:
            return [replacing]

    forms = dict((f.code, (p, f)) for p, f in _host(_Replaces(), "tinh").forms())
    assert forms["9C-BTCTW"][0] == "tinh"


def test_a_plugin_returning_one_form_is_an_error_naming_it() -> None:
    with pytest.raises(PluginError, match="broken"):
        _host(_Broken(), "broken").forms()


def test_a_criterion_that_fails_is_an_error_naming_the_plugin() -> None:
    bad = Form(
        "X-1",
        (Text("X", "X"),),
        "unit",
        (FormColumn(Text("a", "a"), "1", criteria.Criterion(lambda f: 1 / 0, Text("a", "a"))),),
        source="x",
    )
    roster = cadre_core.sample_roster()
    host = PluginHost(make_plugin_manager(entry_points=False))
    features = build_frame(prepare(AS_OF, host=host, findings=False), roster)
    with pytest.raises(PluginError, match=r"plugin 'tinh'.*X-1.*ZeroDivisionError"):
        compute_form(bad, features, plugin="tinh")


def test_forms_are_validated_at_the_boundary() -> None:
    with pytest.raises(ValueError, match="needs rows"):
        Form("X", (), "post", (FormColumn(Text("a", "a"), "1", criteria.everyone()),))
    with pytest.raises(ValueError):
        Form("X", (), "sideways", (FormColumn(Text("a", "a"), "1"),))
    with pytest.raises(TypeError):
        FormColumn(Text("a", "a"), "1", criterion="is_female")  # type: ignore[arg-type]
