"""A qualification the input cannot tell is unknown, not absent.

Before, with ``--skip-invalid``, a degree or theory cell the reader refused (its row set
aside), a whole level table set aside, or a list with no theory column left the cadre
with no degree or theory row, and ``national.below_standard_on_appointment`` said the
person was appointed below the standard ("trình độ chuyên môn dưới đại học") though the
list said "Đại học Luật; Thạc sĩ QLKT" or "Cao cấp"; and it gave the list's own day, which
the reader puts where a list gives no start, as the day of appointment.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from list_files import run, sheet

import cadre_core
from cadre_core.features._frame import build_features
from cadre_core.findings._standards import standards_findings
from cadre_core.roster import Roster, read_roster
from cadre_core.testing.strategies import rosters
from cadre_core.vocab._enums import LEADERSHIP_CATEGORIES

AS_OF = "2026-12-31"
RULE = "national.below_standard_on_appointment"
NOTE = "national.levels_unknown"
TITLE = ["ĐẢNG ỦY XÃ TÂN UYÊN", "DANH SÁCH CÁN BỘ XÃ TÂN UYÊN (tính đến ngày 31/12/2025)"]
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]


def _list(path: Path, *, theory: bool = True, start: bool = False) -> Path:
    """A list of three leaders: Khiêm's degree cell and Lả's theory cell are refused."""
    people = [
        ["Lò Văn Khiêm", "11/02/1977", "Nam", "Bí thư Đảng ủy", "xyz", "Cao cấp", "01/03/2021"],
        ["Tòng Thị Lả", "05/05/1982", "Nữ", "Phó Chủ tịch UBND xã", "Trung cấp", "xyz", None],
        ["Lò Thị Mai", "12/04/1984", "Nữ", "Chủ tịch HĐND xã", "Đại học", "Cao cấp", None],
    ]
    header = HEADER + ["Lý luận chính trị"] * theory + ["Ngày bổ nhiệm"] * start
    rows = [[n + 1, *p[:5]] + p[5:6] * theory + p[6:] * start for n, p in enumerate(people)]
    return sheet(path, [[TITLE[0]], [TITLE[1]], header, *rows])


def _national(findings: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for f in findings:
        if f.rule in (RULE, NOTE):
            out.setdefault(f.rule, []).append(f)
    return out


def _evaluate(path: Path) -> dict[str, list[Any]]:
    roster = read_roster(path, skip_invalid=True)
    ev = cadre_core.evaluate(roster, AS_OF)
    return _national(f for c in ev.communes for f in c.findings)


def _ids(roster: Roster, names: list[str]) -> list[str]:
    by_name = dict(zip(roster.cadres["full_name"], roster.cadres["cadre_id"], strict=True))
    return [by_name[n] for n in names]


def test_refused_level_cells_are_not_judged(tmp_path: Path) -> None:
    """Khiêm's degree and Lả's theory were refused: before, both were found below the
    standard on those levels. Now Khiêm has no finding, Lả one on her education alone,
    and one note names who was not judged on what, and why."""
    path = _list(tmp_path / "list.xlsx")
    roster = read_roster(path, skip_invalid=True)
    khiem, la = _ids(roster, ["Lò Văn Khiêm", "Tòng Thị Lả"])
    assert sorted(roster.rows_aside) == [("degrees", khiem), ("theory", la)]
    found = _evaluate(path)
    (f,) = found[RULE]
    assert f.subject == la
    assert f.message_en == (
        "Appointed to Phó Chủ tịch UBND xã below the post's standard (education below "
        "bachelor's); still below (the list gives no day of appointment)"
    )
    assert "ngày" not in f.message_vi.split("(")[0]
    (note,) = found[NOTE]
    assert (note.subject_kind, note.severity, note.subject) == ("commune", "warning", "Xã Tân Uyên")
    assert note.message_en == (
        "Appointed below the post's standard: could not judge the education level of 1 "
        f"cadre(s) (what the input said had errors and was set aside by --skip-invalid): "
        f"{khiem}; the political theory level of 1 cadre(s) (what the input said had errors "
        f"and was set aside by --skip-invalid): {la}"
    )
    assert note.message_vi.startswith(
        "Bổ nhiệm khi chưa đạt tiêu chuẩn chức danh: không xét được trình độ chuyên môn của 1 cán bộ"
    )


def test_given_start_is_said(tmp_path: Path) -> None:
    """A start day the list gives is said as the day of appointment; one it does not give
    (the list's own day, filled by the reader) is not."""
    path = _list(tmp_path / "list.xlsx", start=True)
    found = _evaluate(path)
    (f,) = found[RULE]
    assert "on 31/12/2025" not in f.message_en
    assert f.message_en.endswith("(the list gives no day of appointment)")
    # Khiêm, appointed on 01/03/2021, now has a readable degree below the standard
    path = sheet(
        tmp_path / "dated.xlsx",
        [
            [TITLE[0]],
            [TITLE[1]],
            HEADER + ["Lý luận chính trị", "Ngày bổ nhiệm"],
            [1, "Lò Văn Khiêm", "11/02/1977", "Nam", "Bí thư Đảng ủy", "Trung cấp", "Cao cấp",
             "01/03/2021"],
        ],
    )  # fmt: skip
    (f,) = _evaluate(path)[RULE]
    assert f.message_en == (
        "Appointed to Bí thư Đảng ủy on 01/03/2021 below the post's standard (education below "
        "bachelor's); still below"
    )


def test_list_without_theory_column(tmp_path: Path) -> None:
    """A list with no theory column: before, every leader was found below the theory
    standard; now no one is judged on theory, and the note says the input has no such
    column."""
    path = _list(tmp_path / "list.xlsx", theory=False)
    roster = read_roster(path, skip_invalid=True)
    assert not roster.informs("theory.level")
    found = _evaluate(path)
    (f,) = found[RULE]  # Lả's education, as before
    assert "political theory" not in f.message_en
    (note,) = found[NOTE]
    khiem, la, mai = _ids(roster, ["Lò Văn Khiêm", "Tòng Thị Lả", "Lò Thị Mai"])
    assert (
        "the political theory level of 3 cadre(s) (the input has no such column, or it was "
        f"not read): {', '.join(sorted([khiem, la, mai]))}"
    ) in note.message_en


def test_cadre_command(tmp_path: Path) -> None:
    """The real command: the JSON has Lả's finding alone and the note (conftest checks
    every document the suite makes against the schema)."""
    path = _list(tmp_path / "list.xlsx")
    done = run("evaluate", str(path), "--as-of", AS_OF, "--skip-invalid", "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    (commune,) = doc["communes"]
    rules = [f["rule"] for f in commune["findings"] if f["rule"] in (RULE, NOTE)]
    assert sorted(rules) == [RULE, NOTE]
    (f,) = [f for f in commune["findings"] if f["rule"] == RULE]
    assert f["subject_name"] == "Tòng Thị Lả"
    assert "31/12/2025" not in f["message"]
    (note,) = [f for f in commune["findings"] if f["rule"] == NOTE]
    assert note["title_en"] == "Qualification not judged (unknown)"
    assert "không xét được" in note["message"]


_DEFAULTS = {c: ("dai_hoc", "cao_cap") for c in LEADERSHIP_CATEGORIES}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    roster=rosters(max_cadres=8, categories=sorted(LEADERSHIP_CATEGORIES)),
    data=st.data(),
)
def test_levels_set_aside_are_never_judged(roster: Roster, data: st.DataObject) -> None:
    """For random rosters, a cadre whose rows of a level table are removed as set aside
    never gets a finding on that level, is named by the note, and the findings of everyone
    else are those of the roster with nothing set aside."""
    params = {"default_standards": _DEFAULTS}
    day = dt.date(2026, 12, 31)
    ids = roster.cadres["cadre_id"].astype(str).tolist()
    aside = data.draw(st.sets(st.sampled_from(ids)) if ids else st.just(set()))
    table = data.draw(st.sampled_from(["degrees", "theory"]))
    frame = roster.tables[table]
    kept = frame[~frame["cadre_id"].astype(str).isin(aside)].reset_index(drop=True)
    after = attrs.evolve(
        roster,
        tables={**roster.tables, table: kept},
        rows_aside=tuple((table, c) for c in sorted(aside)),
    )
    before = standards_findings(build_features(roster, day, {}), params)
    found = standards_findings(build_features(after, day, {}), params)
    gap = "education below" if table == "degrees" else "political theory below"
    judged = [f for f in found if f.rule == RULE]
    assert not [f for f in judged if f.subject in aside and gap in f.message_en]
    others = [f for f in before if f.rule == RULE and f.subject not in aside]
    assert [f for f in judged if f.subject not in aside] == others
    notes = [f for f in found if f.rule == NOTE]
    named = {i for n in notes for i in n.message_en.rsplit("): ", 1)[1].split(", ")}
    features = build_features(after, day, {})
    leaders = features.assignments
    leaders = leaders[leaders["category"].isin(sorted(LEADERSHIP_CATEGORIES))]
    assert named == set(leaders["cadre_id"].astype(str)) & aside
    assert len({n.commune for n in notes}) == len(notes)  # once per commune


def test_nothing_aside_changes_nothing() -> None:
    """The sample commune, whose levels are all known, gets no note and the same findings."""
    ev = cadre_core.evaluate(cadre_core.sample_roster(), AS_OF)
    rules = {f.rule for c in ev.communes for f in c.findings}
    assert NOTE not in rules
    assert pd.Series(ev.features.cadres["education_known"]).all()  # type: ignore[union-attr]
