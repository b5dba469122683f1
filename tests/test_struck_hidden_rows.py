"""People a clerk strikes through or hides because they left, and rows an AutoFilter hides.

A clerk keeps last year's list and, instead of deleting a person who retired or moved,
strikes the row through or hides it, often with a note in "Ghi chú". Before, calamine
passed on neither fonts nor hidden rows, so these people were read as current staff,
silently (two party secretaries in one commune). Each list is built here with openpyxl
and read through ``read_roster`` and the real ``cadre`` command.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import CADRE
from openpyxl.styles import Font
from openpyxl.worksheet.filters import FilterColumn, Filters

from cadre_core.roster import read_roster
from cadre_core.roster._row_marks import ROW_MARKS, RowCollector
from cadre_core.roster._sheets import read_sheets, xlsx_marks

DAY = dt.date(2025, 12, 31)
D = dt.datetime
TITLE = [["ỦY BAN NHÂN DÂN XÃ MƯỜNG TÈ"], ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ"],
         ["(tính đến ngày 31/12/2025)"]]  # fmt: skip
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
        "Lý luận chính trị", "Ghi chú"]  # fmt: skip
PEOPLE = [  # sheet rows 5 .. 10
    [1, "Pờ Dần Xè", D(1969, 3, 8), "Nam", "Bí thư Đảng ủy", "Đại học", "Cao cấp",
     "Nghỉ hưu từ 01/10/2025"],
    [2, "Lỳ Phì Cà", D(1976, 5, 19), "Nam", "Bí thư Đảng ủy", "Đại học", "Cao cấp",
     "Từ 01/10/2025"],
    [3, "Chu Thị Mè", D(1983, 8, 27), "Nữ", "Chủ tịch UBND xã", "Đại học", "Cao cấp", None],
    [4, "Lò Văn Xôm", D(1980, 2, 2), "Nam", "Phó Chủ tịch UBND xã", "Đại học", "Trung cấp",
     "Chuyển công tác"],
    [5, "Hảng Thị Sua", D(1990, 9, 15), "Nữ", "Phó Chủ tịch UBND xã", "Đại học", "Trung cấp",
     None],
    [6, "Pờ Thị Pé", D(1992, 12, 5), "Nữ", "Công chức Tư pháp - Hộ tịch", "Đại học", None,
     None],
]  # fmt: skip
FOOT = [[], [None, None, None, None, "Mường Tè, ngày 05 tháng 01 năm 2026"]]
NAMES = [p[1] for p in PEOPLE]
LEFT = (5, 8)  # the rows of Pờ Dần Xè and Lò Văn Xôm


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command, in ``lang``, on a wide terminal."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [CADRE, *args, "--lang", lang], capture_output=True, text=True, timeout=180, env=env
    )


def book(
    path: Path,
    *,
    struck: Sequence[int] = (),
    struck_columns: Sequence[int] = (),
    hidden: Sequence[int] = (),
    blank: Sequence[int] = (),
    people: Sequence[Sequence[Any]] = PEOPLE,
) -> Path:
    """The list (title rows 1-3, header row 4, people from row 5), with the rows
    ``struck`` through (only the columns ``struck_columns``, 1-based, when given), the
    rows ``hidden`` by hand and the rows ``blank`` emptied (what deleting their contents
    leaves)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DS 2025"
    for i, row in enumerate([*TITLE, HEAD, *people, *FOOT], 1):
        for j, value in enumerate(row, 1):
            if value is not None and i not in blank:
                ws.cell(i, j, value)
    for r in struck:
        for j in struck_columns or range(1, len(HEAD) + 1):
            ws.cell(r, j).font = Font(strike=True)
    for r in hidden:
        ws.row_dimensions[r].hidden = True
    wb.save(path)
    return path


def people_and_posts(path: Path) -> dict[str, list[str]]:
    """Each person read, with the categories of the posts they hold on the list's day."""
    roster = read_roster(path, skip_invalid=True, list_date=DAY)
    cadres, assignments = roster.tables["cadres"], roster.tables["assignments"]
    category = roster.tables["positions"].set_index("position_code")["category"]
    held = assignments.assign(cat=assignments["position_code"].map(category))
    return {
        str(n): sorted(held.loc[held["cadre_id"] == c, "cat"].astype(str))
        for c, n in zip(cadres["cadre_id"], cadres["full_name"], strict=True)
    }


def said(path: Path, *keys: str) -> list[tuple[int | None, str, dict[str, str]]]:
    """The warnings with ``keys`` as read: row, key and arguments."""
    roster = read_roster(path, skip_invalid=True, list_date=DAY)
    return [(p.row, str(p.key), dict(p.args)) for p in roster.warnings if p.key in keys]


def evaluated(path: Path) -> dict[str, Any]:
    """``cadre evaluate --format json`` of the list."""
    done = run("evaluate", str(path), "--as-of", "2026-06-01", "--list-date", "2025-12-31",
               "--skip-invalid", "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


STAYING = {
    "Lỳ Phì Cà": ["party_secretary"],
    "Chu Thị Mè": ["committee_chair"],
    "Hảng Thị Sua": ["committee_vice_chair"],
    "Pờ Thị Pé": ["professional"],
}


def test_struck_through_people_are_set_aside_and_said(tmp_path: Path) -> None:
    """Before: the two people struck through as gone (retired, transferred) were read as
    staff: two party secretaries, two vice chairs, and no word said. Now they hold no
    post, each is said on its row with its note, and the evaluation is that of the list
    with their rows emptied."""
    path = book(tmp_path / "gach-ngang.xlsx", struck=LEFT)
    assert people_and_posts(path) == STAYING
    assert said(path, "struck_person", "hidden_person") == [
        (5, "struck_person", {"person": "'Pờ Dần Xè'", "note_key": "marked_note",
                              "note": "'Nghỉ hưu từ 01/10/2025'"}),
        (8, "struck_person", {"person": "'Lò Văn Xôm'", "note_key": "marked_note",
                              "note": "'Chuyển công tác'"}),
    ]  # fmt: skip
    done = evaluated(path)
    rows = [
        (w["row"], w["key"], w["file"]) for w in done["warnings"] if w["key"] == "struck_person"
    ]
    assert rows == [(5, "struck_person", "gach-ngang.xlsx, sheet 'DS 2025'"),
                    (8, "struck_person", "gach-ngang.xlsx, sheet 'DS 2025'")]  # fmt: skip
    message = next(w["message"] for w in done["warnings"] if w["row"] == 5)
    assert message == (
        "gach-ngang.xlsx, sheet 'DS 2025', row 5: the row is struck through: 'Pờ Dần Xè' was "
        "not read as a person in post (a clerk marks people who left this way); if the "
        "person is still in post, remove the strikethrough (note: 'Nghỉ hưu từ 01/10/2025')"
    )
    emptied = evaluated(book(tmp_path / "emptied.xlsx", blank=LEFT))
    assert done["communes"] == emptied["communes"]
    vi = run("validate", str(path), "--list-date", "2025-12-31", lang="vi")
    assert vi.returncode == 0, vi.stderr
    assert (
        "\t8\t\t\tdòng bị gạch ngang: 'Lò Văn Xôm' không được đọc như một người đang công tác "
        "(người đã nghỉ hưu, chuyển công tác thường được đánh dấu như vậy); nếu người này vẫn "
        "đang công tác, hãy bỏ gạch ngang (ghi chú: 'Chuyển công tác')"
    ) in vi.stdout


def test_hidden_people_are_set_aside_and_said(tmp_path: Path) -> None:
    """Before: the rows hidden by hand (select, Hide) of people who left were read as
    staff, silently. Now they hold no post and each is said on its row."""
    path = book(tmp_path / "an-dong.xlsx", hidden=LEFT)
    assert people_and_posts(path) == STAYING
    assert [(r, k, a["person"]) for r, k, a in said(path, "struck_person", "hidden_person")] == [
        (5, "hidden_person", "'Pờ Dần Xè'"),
        (8, "hidden_person", "'Lò Văn Xôm'"),
    ]
    done = evaluated(path)
    assert [w["row"] for w in done["warnings"] if w["key"] == "hidden_person"] == [5, 8]
    assert done["communes"] == evaluated(book(tmp_path / "emptied.xlsx", blank=LEFT))["communes"]


def test_a_struck_person_without_note_is_said_without_one(tmp_path: Path) -> None:
    """Before: read as staff. A struck row with a blank note is said with no note."""
    path = book(tmp_path / "khong-ghi-chu.xlsx", struck=[9])  # Hảng Thị Sua, no note
    assert "Hảng Thị Sua" not in people_and_posts(path)
    assert said(path, "struck_person") == [(9, "struck_person", {"person": "'Hảng Thị Sua'"})]


def test_only_the_name_cell_decides(tmp_path: Path) -> None:
    """A struck date or note is a correction, not a person gone: the person is read. A
    struck name alone sets the person aside."""
    other = book(tmp_path / "ngay.xlsx", struck=[5, 8], struck_columns=[3, 8])
    assert set(people_and_posts(other)) == set(NAMES)
    assert said(other, "struck_person", "hidden_person") == []
    name = book(tmp_path / "ten.xlsx", struck=[5, 8], struck_columns=[2])
    assert people_and_posts(name) == STAYING


def test_a_font_not_struck_is_read(tmp_path: Path) -> None:
    """``<strike val="0"/>`` (strikethrough turned off) marks nothing."""
    path = book(tmp_path / "tat.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    for j in range(1, len(HEAD) + 1):
        ws.cell(5, j).font = Font(strike=False, bold=True)
    wb.save(path)
    assert set(people_and_posts(path)) == set(NAMES)
    assert ROW_MARKS not in read_sheets(path)[0]["DS 2025"].attrs


def filtered(path: Path, hidden: Sequence[int], *, hand: Sequence[int] = ()) -> Path:
    """The list with an AutoFilter on "Chức vụ" over the header and people (rows 4-10)
    that hides ``hidden``, and rows ``hand`` hidden by hand under it."""
    book(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.auto_filter.ref = "A4:H10"
    ws.auto_filter.filterColumn.append(
        FilterColumn(colId=4, filters=Filters(filter=["Chủ tịch UBND xã"]))
    )
    for r in [*hidden, *hand]:
        ws.row_dimensions[r].hidden = True
    if hand:
        ws.cell(11, 2, "Lù Văn Tạo")
        ws.cell(11, 5, "Công chức Văn hóa - Xã hội")
        ws.cell(11, 3, D(1991, 1, 1))
    wb.save(path)
    return path


def test_rows_an_autofilter_hides_are_read_with_one_warning(tmp_path: Path) -> None:
    """Before: nothing said the sheet was filtered. A filter is a view: every row it hides
    is read, and one warning for the sheet says how many and which."""
    path = filtered(tmp_path / "loc.xlsx", hidden=[5, 6, 8, 9, 10])
    assert set(people_and_posts(path)) == set(NAMES)
    assert said(path, "filtered_rows_read", "hidden_person") == [
        (None, "filtered_rows_read", {"count": "5", "rows": "5, 6, 8, 9, 10"})
    ]
    done = evaluated(path)
    (warned,) = [w for w in done["warnings"] if w["key"] == "filtered_rows_read"]
    assert warned["message"] == (
        "loc.xlsx, sheet 'DS 2025': the sheet is filtered (AutoFilter): 5 people on the "
        "rows the filter hides (rows 5, 6, 8, 9, 10) were read all the same, a filter being "
        "only a view of the list"
    )
    assert done["communes"] == evaluated(book(tmp_path / "plain.xlsx"))["communes"]


def test_a_row_hidden_by_hand_outside_the_filter_is_set_aside(tmp_path: Path) -> None:
    """Rows hidden under the filter's range are the filter's (read); a row hidden below it
    was hidden by hand (set aside, said)."""
    path = filtered(tmp_path / "ca-hai.xlsx", hidden=[5], hand=[11])
    assert set(people_and_posts(path)) == set(NAMES)
    assert [(r, k) for r, k, _ in said(path, "filtered_rows_read", "hidden_person")] == [
        (11, "hidden_person"),
        (None, "filtered_rows_read"),
    ]


def test_a_filter_with_no_criterion_hides_nothing(tmp_path: Path) -> None:
    """An AutoFilter with no criterion hides no row: a hidden row under it is the clerk's."""
    path = book(tmp_path / "nut-loc.xlsx", hidden=[8])
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.auto_filter.ref = "A4:H10"
    wb.save(path)
    assert "Lò Văn Xôm" not in people_and_posts(path)
    assert [k for _, k, _ in said(path, "filtered_rows_read", "hidden_person")] == ["hidden_person"]


def test_rows_of_a_collapsed_group_are_read(tmp_path: Path) -> None:
    """A collapsed outline group (Data, Group) hides its rows as a view: they are read."""
    path = book(tmp_path / "nhom.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.row_dimensions.group(6, 8, outline_level=1, hidden=True)
    wb.save(path)
    assert set(people_and_posts(path)) == set(NAMES)
    assert said(path, "filtered_rows_read", "hidden_person", "struck_person") == []


def test_an_ordinary_list_reads_as_before(tmp_path: Path) -> None:
    """A list with no mark carries none and reads every person, with no new warning."""
    path = book(tmp_path / "thuong.xlsx")
    grids, _ = read_sheets(path)
    assert ROW_MARKS not in grids["DS 2025"].attrs
    assert xlsx_marks(path) == {}
    posts = people_and_posts(path)
    assert list(posts) == NAMES
    # his note says "Nghỉ hưu từ 01/10/2025", before the list's day: his post has ended
    assert posts["Pờ Dần Xè"] == [] and posts["Lỳ Phì Cà"] == ["party_secretary"]
    assert said(path, "filtered_rows_read", "hidden_person", "struck_person") == []
    frame = pd.DataFrame(read_roster(path, skip_invalid=True, list_date=DAY).tables["cadres"])
    assert len(frame) == len(PEOPLE)


class _Element:
    """An XML element as the collector reads it: a tag, attributes and children."""

    def __init__(self, tag: str, children: Sequence[_Element] = (), **attributes: str) -> None:
        self.tag = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}" + tag
        self._attributes, self._children = attributes, list(children)

    def get(self, name: str, default: str | None = None) -> str | None:
        return self._attributes.get(name, default)

    def find(self, tag: str) -> _Element | None:
        return next((c for c in self._children if c.tag == tag), None)


@settings(max_examples=200, deadline=None)
@given(
    hidden=st.sets(st.integers(0, 60)),
    top=st.integers(0, 40),
    size=st.integers(0, 30),
    criterion=st.booleans(),
    mode=st.booleans(),
)
def test_every_hidden_row_is_the_filters_or_the_clerks(
    hidden: set[int], top: int, size: int, criterion: bool, mode: bool
) -> None:
    """Each hidden row is either the filter's (under its header, in its range, the filter
    active) or hidden by hand; never both, never lost."""
    collector = RowCollector(set())
    collector.element(_Element("sheetPr", filterMode="1" if mode else "0"))
    children = [_Element("filterColumn")] if criterion else []
    collector.element(_Element("autoFilter", children, ref=f"A{top + 1}:H{top + size + 1}"))
    for r in sorted(hidden):
        collector.row(_Element("row", r=str(r + 1), hidden="1"))
    marks = collector.marks()
    if not hidden:
        assert marks is None
        return
    assert marks is not None
    assert marks.hand | marks.filtered == hidden and not marks.hand & marks.filtered
    expected = {r for r in hidden if top < r <= top + size} if criterion or mode else set()
    assert marks.filtered == expected


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_pseudonyms_withhold_the_names_of_people_set_aside(tmp_path: Path, fmt: str) -> None:
    """Before: under ``--pseudonymize`` the warning on a struck or hidden row quoted the
    person's name as typed: pseudonyms scrub the names of the roster's people, and a
    person set aside is none of them. The name is now withheld; the row still says where
    to look."""
    path = book(tmp_path / "gach-ngang.xlsx", struck=LEFT[:1], hidden=LEFT[1:])
    env = {**os.environ, "COLUMNS": "400", "CADRE_PSEUDONYM_KEY": "0123456789abcdef0123"}
    done = subprocess.run(
        [CADRE, "evaluate", str(path), "--list-date", "2025-12-31", "--skip-invalid",
         "--pseudonymize", "--format", fmt, "--lang", "en"],
        capture_output=True, text=True, timeout=180, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = done.stdout + done.stderr
    assert "Pờ Dần Xè" not in out and "Lò Văn Xôm" not in out
    assert "Lỳ Phì Cà" not in out  # a person read is scrubbed as before
    if fmt == "json":
        aside = [w for w in json.loads(done.stdout)["warnings"]
                 if w["key"] in ("struck_person", "hidden_person")]  # fmt: skip
        assert [(w["row"], w["key"]) for w in aside] == [(5, "struck_person"),
                                                          (8, "hidden_person")]  # fmt: skip
        assert all("[withheld]" in w["message"] for w in aside)
