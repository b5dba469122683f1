"""Columns a workbook hides: set aside when a column shown holds the same field, read
(and said) when none does.

A clerk keeps the post a person held before the 2025 merger in a hidden "Chức vụ" beside
the visible "Chức danh". Before, hidden columns were never looked at: every title column
was read as posts held together (8 people, 16 posts, two party secretaries), and the list
was "Valid" with no word. Each list is built here with openpyxl (a column hidden as Excel
hides it) and read through ``read_roster`` and the real ``cadre`` command.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run
from lxml import etree

from cadre_core.roster import read_roster
from cadre_core.roster._row_marks import RowCollector
from cadre_core.vocab._labels import label

TITLE = [["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"], ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ"],
         ["(tính đến ngày 31/12/2025)"]]  # fmt: skip
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Chức danh",
        "Trình độ chuyên môn", "Lý luận chính trị"]  # fmt: skip
# the post before the merger (hidden "Chức vụ", column E), the post now ("Chức danh", F)
PEOPLE = [
    [1, "Lò Văn Pấng", "12/03/1972", "Nam", "Bí thư Đảng ủy xã Nậm Cuổi", "Bí thư Đảng ủy xã",
     "Đại học Luật", "Cao cấp"],
    [2, "Tao Văn Hùng", "20/01/1978", "Nam", "Chủ tịch UBND xã Nậm Cuổi", "Chủ tịch UBND xã",
     "Thạc sĩ Quản lý công", "Cao cấp"],
    [3, "Nguyễn Thị Hằng", "14/09/1990", "Nữ", "Chủ tịch UBND xã Nậm Tăm",
     "Phó Chủ tịch UBND xã", "Đại học Nông nghiệp", "Trung cấp"],
    [4, "Hà Thị Liên", "25/12/1998", "Nữ", "Công chức Địa chính - Xây dựng",
     "Công chức Văn hóa - Xã hội", "Trung cấp Văn hóa", None],
]  # fmt: skip
NOW = ["Bí thư Đảng ủy xã", "Chủ tịch UBND xã", "Phó Chủ tịch UBND xã",
       "Công chức Văn hóa - Xã hội"]  # fmt: skip


def _list(
    path: Path, rows: Sequence[Sequence[Any]], hidden: Sequence[str], merged: Sequence[str] = ()
) -> Path:
    """A one-sheet list of ``rows`` from A1, the columns ``hidden`` ("E", or a range
    "E:F") hidden as Excel hides them, the ranges ``merged`` merged."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách"
    for row in rows:
        ws.append(list(row))
    for letters in hidden:
        first, _, last = letters.partition(":")
        if last:
            ws.column_dimensions.group(first, last, hidden=True)
        else:
            ws.column_dimensions[first].hidden = True
    for cells in merged:
        ws.merge_cells(cells)
    wb.save(path)
    return path


def _posts(path: Path) -> dict[str, list[str]]:
    """Each person's posts, by name, as read."""
    roster = read_roster(path)
    held = roster.assignments.merge(roster.positions, on="position_code")
    held = held.merge(roster.cadres[["cadre_id", "full_name"]], on="cadre_id")
    return {
        str(name): sorted(str(t) for t in titles)
        for name, titles in held.groupby("full_name")["title"]
    }


def _warnings(path: Path, key: str) -> list[dict[str, Any]]:
    """The warnings of ``key`` that ``cadre evaluate --format json`` writes for ``path``."""
    out = path.with_suffix(".json")
    done = run("evaluate", str(path), "--as-of", "2026-12-31", "--format", "json", "-o", str(out))
    assert done.returncode == 0, done.stderr + done.stdout
    said = json.loads(out.read_text(encoding="utf-8"))["warnings"]
    return [w for w in said if w["key"] == key]


def test_hidden_title_column_beside_a_shown_one_is_set_aside(tmp_path: Path) -> None:
    """Before: the hidden pre-merger "Chức vụ" was read with the visible "Chức danh" as
    posts held together: each person held two posts (two party secretaries, three
    committee chairs), with no word."""
    path = _list(tmp_path / "an.xlsx", [*TITLE, HEAD, *PEOPLE], ["E"])
    assert _posts(path) == {p[1]: [now] for p, now in zip(PEOPLE, NOW, strict=True)}
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(x for x in done.stdout.splitlines() if "Chức vụ (column E)" in x)
    assert "sheet 'Danh sách'" in line
    assert "hidden and was not read" in line and "'Chức danh (column F)'" in line
    (said,) = _warnings(path, "hidden_column_not_read")
    assert said["file"] == "an.xlsx, sheet 'Danh sách'"
    assert said["column"] == "Chức vụ (column E)"
    assert said["args"] == {"shown": "'Chức danh (column F)'"}


def test_hidden_title_column_after_the_shown_one_is_set_aside(tmp_path: Path) -> None:
    """Before: a hidden old post after the visible one was read as a second post held."""
    head = [*HEAD[:4], "Chức danh", "Chức vụ", *HEAD[6:]]
    rows = [[*p[:4], p[5], p[4], *p[6:]] for p in PEOPLE]
    path = _list(tmp_path / "sau.xlsx", [*TITLE, head, *rows], ["F"])
    assert _posts(path) == {p[1]: [now] for p, now in zip(PEOPLE, NOW, strict=True)}


def test_hidden_column_under_a_merged_header(tmp_path: Path) -> None:
    """ "Chức vụ" merged over a hidden "Đảng" (the old post) and a shown "Chính quyền": the
    hidden one set aside, the merged label kept for the shown one. Before: both read."""
    top = [*HEAD[:4], "Chức vụ", None, *HEAD[6:]]
    under = [None, None, None, None, "Đảng", "Chính quyền", None, None]
    merged = ["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:F4", "G4:G5", "H4:H5"]
    path = _list(tmp_path / "gop.xlsx", [*TITLE, top, under, *PEOPLE], ["E"], merged)
    assert _posts(path) == {p[1]: [now] for p, now in zip(PEOPLE, NOW, strict=True)}
    (said,) = _warnings(path, "hidden_column_not_read")
    assert said["column"] == "Chức vụ / Đảng (column E)"
    assert said["args"] == {"shown": "'Chức vụ / Chính quyền (column F)'"}


@pytest.mark.parametrize("merged", [False, True])
def test_header_printed_again_with_a_hidden_column(tmp_path: Path, merged: bool) -> None:
    """The header printed again on a new page, over a hidden column set aside: still the
    header again, no person, and no second post."""
    if merged:
        head = [[*HEAD[:4], "Chức vụ", None, *HEAD[6:]], [None] * 4 + ["Đảng", "Chính quyền"]]
        ranges = ["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:F4", "G4:G5", "H4:H5"]
    else:
        head, ranges = [HEAD], []
    rows = [*TITLE, *head, *PEOPLE[:2], *head, *PEOPLE[2:]]
    path = _list(tmp_path / "trang.xlsx", rows, ["E"], ranges)
    assert _posts(path) == {p[1]: [now] for p, now in zip(PEOPLE, NOW, strict=True)}
    keys = [p.key for p in read_roster(path).problems]
    assert keys.count("header_again") == len(head) and "row_no_person" not in keys


def test_hidden_column_of_a_field_no_shown_column_has_is_read(tmp_path: Path) -> None:
    """A hidden "Ngày sinh" (no other birth-date column) is data: read, and said hidden.
    Before: read with no word that it was hidden."""
    path = _list(tmp_path / "ngay.xlsx", [*TITLE, HEAD, *PEOPLE], ["C"])
    roster = read_roster(path)
    assert roster.cadres["birth_date"].notna().all()
    (said,) = _warnings(path, "hidden_column_read")
    assert said["column"] == "Ngày sinh (column C)"
    assert said["file"] == "ngay.xlsx, sheet 'Danh sách'"


def test_hidden_range_of_columns(tmp_path: Path) -> None:
    """Columns hidden together (one ``<col min max>``): each is told. Before: none was."""
    head = [*HEAD[:4], *HEAD[5:], "Số CCCD", "Chức vụ"]
    rows = [[*p[:4], *p[5:], "0121", p[4]] for p in PEOPLE]
    path = _list(tmp_path / "khoang.xlsx", [*TITLE, head, *rows], ["H:I"])
    assert _posts(path) == {p[1]: [now] for p, now in zip(PEOPLE, NOW, strict=True)}
    said = _warnings(path, "hidden_column_not_read")
    assert [w["column"] for w in said] == ["Chức vụ (column I)"]
    assert [w["column"] for w in _warnings(path, "column_not_read")] == ["Số CCCD (column H)"]


def test_hidden_unknown_column_is_only_not_read(tmp_path: Path) -> None:
    """A hidden column the reader does not know stays "not read", nothing more (as before)."""
    head = [*HEAD, "Số CCCD"]
    rows = [[*p, f"0121{i:08d}"] for i, p in enumerate(PEOPLE)]
    path = _list(tmp_path / "cccd.xlsx", [*TITLE, head, *rows], ["I"])
    assert [w["column"] for w in _warnings(path, "column_not_read")] == ["Số CCCD (column I)"]
    assert not _warnings(path, "hidden_column_read")


def test_vietnamese_sentence(tmp_path: Path) -> None:
    """The warning is said in Vietnamese from the label table."""
    path = _list(tmp_path / "vi.xlsx", [*TITLE, HEAD, *PEOPLE], ["E"])
    roster = read_roster(path)
    (said,) = [p for p in roster.problems if p.key == "hidden_column_not_read"]
    text = said.describe("vi")
    assert "bị ẩn và không được đọc" in text and "Chức danh (column F)" in text
    assert label("problem_hidden_column_read", "vi")


@settings(max_examples=60, deadline=None)
@given(low=st.integers(1, 16384), width=st.integers(0, 40), hidden=st.booleans())
def test_col_ranges(low: int, width: int, hidden: bool) -> None:
    """A ``<col min max hidden>`` hides the columns min to max (1-based), none beyond the
    sheet's last; one not hidden hides none."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    high = low + width
    xml = (f'<worksheet xmlns="{ns}"><cols><col min="{low}" max="{high}" '
           f'hidden="{int(hidden)}"/></cols><sheetData><row r="1"/></sheetData></worksheet>')  # fmt: skip
    marks = RowCollector(set())
    for _, row in etree.iterparse(io.BytesIO(xml.encode()), tag=f"{{{ns}}}row"):
        marks.row(row)
    got = marks.marks()
    if not hidden:
        assert got is None
        return
    assert got is not None
    assert got.columns == frozenset(range(low - 1, min(high, 16384)))


@pytest.mark.parametrize("how", ["element", "row"])
def test_col_seen_once_either_way(how: str) -> None:
    """The ``<col>`` found before the first row, or passed as an element, counts once."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xml = (f'<worksheet xmlns="{ns}"><cols><col min="3" max="4" hidden="1"/></cols>'
           f'<sheetData><row r="1"/><row r="2"/></sheetData></worksheet>')  # fmt: skip
    marks = RowCollector(set())
    tags = (f"{{{ns}}}row", f"{{{ns}}}col") if how == "element" else f"{{{ns}}}row"
    for _, el in etree.iterparse(io.BytesIO(xml.encode()), tag=tags):
        if el.tag == f"{{{ns}}}col":
            marks.element(el)
        else:
            marks.row(el)
    got = marks.marks()
    assert got is not None and got.columns == frozenset({2, 3})
