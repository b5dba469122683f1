"""One-row-per-person lists kept as a table in a Word document (``.docx``).

The documents are built here as offices write them: the issuing body, the title and the
day as paragraphs (or the issuing body and the place and date in a two-column layout table
above them), a header over two rows with cells merged across (``Ngày tháng năm sinh`` over
``Nam`` | ``Nữ``) and down (``STT``, ``Họ và tên``), group rows merged across the table, a
qualification with its field in one cell ("Đại học Luật"), a blank row, and a signature
block under the table. The same list is written as a workbook and as a CSV file from the
same grid, and the three are read to the same roster. Commands run through the real
``cadre`` console script.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cadre_core
from cadre_core.roster import _guards
from cadre_core.roster._docx import docx_grids
from cadre_core.roster._flat import is_flat
from cadre_core.roster._roster import read_list

CADRE = str(Path(sys.executable).with_name("cadre"))

Cell = str | None
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column


def run(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command; wide tables so that a message is never wrapped."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [CADRE, *args], capture_output=True, text=True, timeout=180, env=env, **kw
    )


# ------------------------------------------------------------------ writing a list


def _fill(cell: Any, value: str) -> None:
    """Write ``value`` into a Word cell, a paragraph per line (as a clerk presses Enter)."""
    first, *rest = value.split("\n")
    cell.text = first
    for line in rest:
        cell.add_paragraph(line)


def add_table(document: Any, rows: Sequence[Sequence[Cell]], merges: Sequence[Merge]) -> None:
    """A table of ``rows`` with the ``merges`` Word makes (``w:gridSpan``, ``w:vMerge``)."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                _fill(table.cell(r, c), value)


def write_docx(path: Path, blocks: Sequence[Any]) -> None:
    """A Word document of ``blocks``: a string is a paragraph, (rows, merges) a table."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            add_table(document, *block)
    document.save(str(path))


def as_sheet(above: Sequence[str], rows: Sequence[Sequence[Cell]], below: Sequence[str]) -> list:
    """The same list as a sheet: the lines above, the table, the lines under it."""
    width = max(len(r) for r in rows)
    pad = [None] * (width - 1)
    return (
        [[line, *pad] for line in above]
        + [list(r) for r in rows]
        + [[line, *pad] for line in below]
    )


def write_xlsx(path: Path, grid: Sequence[Sequence[Cell]], merges: Sequence[Merge]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách"
    for r, row in enumerate(grid, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for r0, c0, r1, c1 in merges:
        ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    wb.save(path)


def write_csv(path: Path, grid: Sequence[Sequence[Cell]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["" if v is None else v for v in row] for row in grid])


# ------------------------------------------------------------------ a commune's list

ISSUER = "ĐẢNG ỦY XÃ MƯỜNG THAN"
TITLE = ("DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC", "(Tính đến ngày 31/10/2025)")
SIGNED = ("Mường Than, ngày 05 tháng 11 năm 2025", "NGƯỜI LẬP BIỂU", "Lò Thị Hoa")
# the two-column block above the title: issuing body | national motto, place and date
LAYOUT = (
    [
        [ISSUER, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["*", "Mường Than, ngày 05 tháng 11 năm 2025"],
    ],
    [],
)

HEADER: list[list[Cell]] = [
    ["STT", "Họ và tên", "Ngày tháng năm sinh", None, "Chức vụ", "Trình độ", None, "Dân tộc"],
    [None, None, "Nam", "Nữ", None, "Chuyên môn", "Lý luận chính trị", None],
]
HEADER_MERGES: list[Merge] = [
    (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4), (0, 5, 0, 6), (0, 7, 1, 7)
]  # fmt: skip
WIDTH = len(HEADER[0])

PEOPLE: list[list[Cell]] = [
    ["1", "Lò Văn An", "12/03/1975", None, "Bí thư Đảng ủy", "Đại học Luật", "Cao cấp", "Thái"],
    ["2", "Lường Thị Bình", None, "05/09/1988", "Phó Bí thư Đảng ủy", "Thạc sĩ\nQuản lý công",
     "Cao cấp", "Thái"],
    ["3", "Tòng Văn Cường", "20/01/1990", None, "Chủ tịch UBND", "Đại học", "Trung cấp",
     "Thái"],
    ["4", "Quàng Thị Dung", None, "14/07/1995", "Công chức Văn phòng - Thống kê",
     "Đại học Quản trị văn phòng", None, "Kinh"],
    ["5", "Lò Văn Em", "03/11/1983", None, "Công chức Tư pháp - Hộ tịch", "Đại học Luật",
     "Trung cấp", "Thái"],
]  # fmt: skip


def list_rows(people: Sequence[Sequence[Cell]] = PEOPLE) -> tuple[list[list[Cell]], list[Merge]]:
    """The list's table: the header, two group rows merged across, the people (a blank row
    among them), with its merges."""
    rows = [list(r) for r in HEADER]
    merges = list(HEADER_MERGES)
    groups = {0: "I. KHỐI ĐẢNG", 2: "II. KHỐI CHÍNH QUYỀN"}
    for i, person in enumerate(people):
        if i in groups:
            merges.append((len(rows), 0, len(rows), WIDTH - 1))
            rows.append([groups[i], *[None] * (WIDTH - 1)])
        if i == 3:
            rows.append([None] * WIDTH)  # a blank row the clerk left
        rows.append(list(person))
    return rows, merges


def write_list(
    path: Path, *, layout: bool = False, people: Sequence[Sequence[Cell]] = PEOPLE
) -> int:
    """The list as a Word document; the number of lines above its table."""
    rows, merges = list_rows(people)
    above: list[Any] = [LAYOUT, *TITLE] if layout else [ISSUER, *TITLE]
    write_docx(path, [*above, "", (rows, merges), "", *SIGNED])
    return 4 + len(TITLE) if layout else 1 + len(TITLE)


def _by_name(roster: cadre_core.Roster) -> dict[str, pd.DataFrame]:
    """The roster's tables, each cadre id replaced by the cadre's name (a list's made ids
    count the rows of the file: a Word table's own, a sheet's from its top)."""
    names = dict(zip(roster.cadres["cadre_id"], roster.cadres["full_name"], strict=True))
    return {
        t: f.assign(cadre_id=f["cadre_id"].map(names)) if "cadre_id" in f else f
        for t, f in roster.tables.items()
    }


def assert_same_roster(a: cadre_core.Roster, b: cadre_core.Roster) -> None:
    left, right = _by_name(a), _by_name(b)
    for table in left:
        pd.testing.assert_frame_equal(left[table], right[table], obj=table)
    assert a.list_date == b.list_date and a.absent == b.absent


# ------------------------------------------------------------------ the same list three ways


@pytest.mark.parametrize("layout", [False, True], ids=["title-paragraphs", "layout-table"])
def test_a_word_list_reads_as_the_same_list_in_a_workbook_or_csv(
    tmp_path: Path, layout: bool
) -> None:
    path = tmp_path / "trich-ngang.docx"
    lead = write_list(path, layout=layout)
    rows, merges = list_rows()
    above = (
        [ISSUER, "ĐẢNG CỘNG SẢN VIỆT NAM", "*", SIGNED[0], *TITLE] if layout else [ISSUER, *TITLE]
    )
    assert len(above) == lead
    grid = as_sheet(above, rows, SIGNED)
    moved = [(r0 + lead, c0, r1 + lead, c1) for r0, c0, r1, c1 in merges]
    write_xlsx(tmp_path / "trich-ngang.xlsx", grid, moved)
    write_csv(tmp_path / "trich-ngang.csv", grid)

    from_word = cadre_core.read_roster(path)
    from_book = cadre_core.read_roster(tmp_path / "trich-ngang.xlsx")
    from_csv = cadre_core.read_roster(tmp_path / "trich-ngang.csv")
    assert_same_roster(from_word, from_book)
    assert_same_roster(from_word, from_csv)
    # a person's made id is the row the user counts in the Word table (the header's first
    # row is row 1), and the same person's in the sheet is that row under the title lines
    word_ids = from_word.cadres.set_index("full_name")["cadre_id"]
    book_ids = from_book.cadres.set_index("full_name")["cadre_id"]
    assert word_ids["Lò Văn An"] == "DS0004"  # header 2 rows, the group row, then him
    assert book_ids["Lò Văn An"] == f"DS{4 + lead:04d}"

    cadres = from_word.cadres.set_index("full_name")
    assert len(cadres) == len(PEOPLE)  # the group rows, the blank row, the signature: no one
    assert cadres.loc["Lường Thị Bình", "gender"] == "female"
    assert cadres.loc["Lò Văn An", "birth_date"] == pd.Timestamp("1975-03-12")
    degrees = from_word.degrees.set_index("cadre_id")
    by_name = dict(zip(from_word.cadres["cadre_id"], from_word.cadres["full_name"], strict=True))
    fields = {by_name[i]: (row["level"], row["field"]) for i, row in degrees.iterrows()}
    assert fields["Lò Văn An"] == ("dai_hoc", "Luật")
    assert fields["Lường Thị Bình"] == ("thac_si", "Quản lý công")  # two paragraphs, one cell


@pytest.mark.parametrize("layout", [False, True], ids=["title-paragraphs", "layout-table"])
def test_the_lists_day_and_commune_come_from_the_documents_text(
    tmp_path: Path, layout: bool
) -> None:
    path = tmp_path / "ds.docx"
    write_list(path, layout=layout)
    roster = read_list(path)
    assert roster.list_date == dt.date(2025, 10, 31)  # the day it is as of, not the signing
    assert roster.communes == ["Xã Mường Than"]
    said = [p.describe("vi") for p in roster.problems]
    assert (
        "ds.docx, bảng agencies (Cơ quan, đơn vị), cột commune (Xã): tên xã 'Xã Mường Than' "
        "được lấy từ dòng tiêu đề của danh sách" in said
    )
    layout_said = [s for s in said if s.startswith("ds.docx, Bảng 1:")]
    if layout:  # the layout table is said not to be a list, and its text was read
        assert (
            len(layout_said) == 1 and "chữ trong bảng được đọc như các đoạn văn" in layout_said[0]
        )
    else:
        assert layout_said == []


def test_the_signing_day_in_a_layout_table_is_the_day_when_no_other_is_named(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ky.docx"
    rows, merges = list_rows()
    write_docx(path, [LAYOUT, TITLE[0], (rows, merges), *SIGNED])
    assert read_list(path).list_date == dt.date(2025, 11, 5)


def test_two_lists_in_one_document_are_two_tables(tmp_path: Path) -> None:
    path = tmp_path / "hai-bang.docx"
    first, m1 = list_rows(PEOPLE[:2])
    second = [list(r) for r in HEADER] + [list(p) for p in PEOPLE[2:]]
    second[2 + 1][2] = "31/02/1990"  # Quàng Thị Dung's birth date, under Nam: no such day
    write_docx(path, [LAYOUT, *TITLE, (first, m1), "Khối chính quyền", (second, HEADER_MERGES),
                      *SIGNED])  # fmt: skip
    with pytest.raises(cadre_core.RosterError) as caught:
        cadre_core.read_roster(path)
    (bad,) = caught.value.errors
    # Bảng 3: the layout table is Bảng 1; row 4 of the table as its user counts it
    assert bad.file == "hai-bang.docx, sheet 'Bảng 3'"
    assert bad.row == 4
    assert bad.column == "Ngày tháng năm sinh / Nam (column C)"
    assert bad.value == "31/02/1990"
    assert bad.describe("vi").startswith(
        "hai-bang.docx, Bảng 3, bảng cadres (Cán bộ), dòng 4, cột Ngày tháng năm sinh / Nam "
        "(cột C): '31/02/1990' không phải là một ngày"
    )
    second[2 + 1][2] = "14/07/1995"
    write_docx(path, [LAYOUT, *TITLE, (first, m1), "Khối chính quyền", (second, HEADER_MERGES),
                      *SIGNED])  # fmt: skip
    roster = cadre_core.read_roster(path)
    assert len(roster.cadres) == len(PEOPLE) and roster.cadres["cadre_id"].is_unique
    assert roster.list_date == dt.date(2025, 10, 31) and roster.communes == ["Xã Mường Than"]


def test_a_merged_cell_under_the_header_names_the_tables_own_cells(tmp_path: Path) -> None:
    path = tmp_path / "gop.docx"
    rows, merges = list_rows()
    at = next(i for i, r in enumerate(rows) if r[1] == "Lò Văn Em")
    rows[at - 2][6] = "Trung cấp"  # Quàng Thị Dung (two rows up: the blank row between)
    merges.append((at - 2, 6, at, 6))  # her theory merged down over the blank row and him
    rows[at][6] = None
    write_docx(path, [ISSUER, *TITLE, (rows, merges), *SIGNED])
    roster = cadre_core.read_roster(path)
    (said,) = [p for p in roster.problems if p.key == "merged"]
    assert said.file == "gop.docx, sheet 'Bảng 1'" and said.row == at - 1
    assert dict(said.args)["cells"] == f"G{at - 1}:G{at + 1}"
    theory = roster.theory.merge(roster.cadres, on="cadre_id").set_index("full_name")["level"]
    assert theory["Lò Văn Em"] == theory["Quàng Thị Dung"] == "trung_cap"


# ------------------------------------------------------------------ through the command


def test_validate_and_evaluate_a_word_list(tmp_path: Path) -> None:
    path = tmp_path / "trich-ngang.docx"
    write_list(path, layout=True)
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Danh sách hợp lệ" in done.stdout and "Traceback" not in done.stderr
    assert "trich-ngang.docx\tBảng 1\t" in done.stdout  # the layout table, said
    done = run("evaluate", str(path), "--as-of", "31/12/2025", "--plugin", "laichau",
               "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["as_of"] == "2025-12-31"
    assert [c["commune"] for c in doc["communes"]] == ["Xã Mường Than"]


def test_a_bad_cell_of_a_word_list_is_exit_2_naming_table_row_and_header(tmp_path: Path) -> None:
    people = [list(p) for p in PEOPLE]
    people[2][2] = "20/13/1990"  # Tòng Văn Cường: no 13th month
    path = tmp_path / "sai.docx"
    write_list(path, people=people)
    for args in (("validate",), ("evaluate", "--as-of", "31/12/2025", "--plugin", "laichau")):
        done = run(*args[:1], str(path), *args[1:])
        said = done.stdout + done.stderr
        assert done.returncode == 2, said
        assert "Traceback" not in said
        # header 2 rows, group, 2 people, group, him: row 7 of Bảng 1
        assert (
            "sai.docx, Bảng 1\tcadres (Cán bộ)\t7\tNgày tháng năm sinh / Nam (cột C)\t"
            "'20/13/1990'\tmột ngày" in said
        ), said
        assert "danh sách không hợp lệ" in said


def test_an_old_word_doc_is_refused_with_how_to_save_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where LibreOffice is not installed (``$CADRE_SOFFICE`` names no program); with it,
    a ``.doc`` is converted: ``tests/test_old_word_lists.py``."""
    monkeypatch.setenv("CADRE_SOFFICE", "no-such-office-program")
    path = tmp_path / "danh-sach.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))  # an OLE2 file
    assert is_flat(path)
    done = run("validate", str(path))
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in said, said
    errors = [line for line in said.splitlines() if line.startswith("Lỗi\t")]
    assert len(errors) == 1, said
    assert "danh-sach.doc" in errors[0] and "Lưu dưới dạng" in errors[0]
    assert "Tài liệu Word (*.docx)" in errors[0]
    assert "danh sách phải là sổ tính" not in said  # not "not a roster path"
    with pytest.raises(cadre_core.RosterError) as caught:
        read_list(path)
    assert [p.key for p in caught.value.problems] == ["word_doc"]
    assert "File > Save As" in caught.value.message("en")


@pytest.mark.parametrize("damage", ["text", "no-document", "truncated", "workbook"])
def test_a_damaged_word_document_is_exit_2_naming_the_file(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "hong.docx"
    if damage == "text":
        path.write_text("STT,Họ và tên\n1,Lò Văn An\n", encoding="utf-8")
    elif damage == "no-document":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
            zf.writestr("word/styles.xml", "<styles/>")
    elif damage == "truncated":
        write_list(tmp_path / "full.docx")
        path.write_bytes((tmp_path / "full.docx").read_bytes()[:3000])
    else:  # a workbook renamed .docx
        cadre_core.sample_roster().write(tmp_path / "book.xlsx")
        (tmp_path / "book.xlsx").rename(path)
    for command in ("validate", "evaluate"):
        done = run(command, str(path))
        said = done.stdout + done.stderr
        assert done.returncode == 2 and "Traceback" not in said, said
        errors = [line for line in said.splitlines() if line.startswith("Lỗi\t")]
        assert len(errors) == 1, said
        assert "hong.docx" in errors[0]
        assert "không phải là tệp Word .docx đọc được" in errors[0]


def test_a_document_with_no_list_says_so(tmp_path: Path) -> None:
    path = tmp_path / "cong-van.docx"
    write_docx(path, [LAYOUT, "CÔNG VĂN", "Về việc báo cáo số lượng cán bộ", *SIGNED])
    with pytest.raises(cadre_core.RosterError) as caught:
        cadre_core.read_roster(path)
    assert [p.key for p in caught.value.errors] == ["no_list_table"]
    assert [p.key for p in caught.value.problems] == ["no_list_header_in_table", "no_list_table"]
    write_docx(path, ["Không có bảng nào"])
    with pytest.raises(cadre_core.RosterError) as caught:
        cadre_core.read_roster(path)
    assert [p.key for p in caught.value.problems] == ["no_list_table"]


def test_empty_and_nested_tables_break_nothing(tmp_path: Path) -> None:
    path = tmp_path / "long.docx"
    document = docx.Document()
    document.add_table(rows=0, cols=3)  # no rows at all
    document.add_table(rows=2, cols=2)  # rows of empty cells
    frame = document.add_table(rows=1, cols=2)  # a layout table holding a nested table
    frame.cell(0, 0).text = ISSUER
    inner = frame.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    inner.cell(1, 0).text = "Mường Than, ngày 05 tháng 11 năm 2025"
    for line in TITLE:
        document.add_paragraph(line)
    rows, merges = list_rows()
    add_table(document, rows, merges)
    at = next(i for i, r in enumerate(rows) if r[1] == "Lò Văn An")
    nested = document.tables[-1].cell(at, 7).add_table(rows=1, cols=1)  # in his ethnicity cell
    nested.cell(0, 0).text = "(ghi chú)"
    document.save(str(path))
    grids, problems = docx_grids(path)
    assert [g.name for g in grids] == ["Bảng 4"]  # numbered as the document's tables
    assert [(p.table, p.key) for p in problems] == [("Bảng 3", "no_list_header_in_table")]
    lines = grids[0].cells.iloc[: grids[0].top, 0].tolist()
    assert lines[:3] == [ISSUER, "ĐẢNG CỘNG SẢN VIỆT NAM", "Mường Than, ngày 05 tháng 11 năm 2025"]
    assert grids[0].cells.iat[grids[0].top + at, 7] == "Thái\n(ghi chú)"
    roster = read_list(path)
    assert len(roster.cadres) == len(PEOPLE) and roster.list_date == dt.date(2025, 10, 31)
    assert roster.communes == ["Xã Mường Than"]


def test_a_paragraph_under_the_table_is_no_one(tmp_path: Path) -> None:
    # no STT column: the name is in the first column, where the lines under the table go
    path = tmp_path / "ghi-chu.docx"
    rows = [["Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"],
            ["Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy"]]  # fmt: skip
    write_docx(path, [ISSUER, *TITLE, (rows, []), "Ghi chú: danh sách gồm 1 người", *SIGNED])
    roster = read_list(path)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An"]
    assert not [p for p in roster.problems if p.key == "row_no_person"]


def test_a_folder_of_communes_lists_reads_the_word_ones_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cadre_core.roster._province import read_rosters

    monkeypatch.setenv("CADRE_SOFFICE", "no-such-office-program")  # a .doc is refused

    folder = tmp_path / "communes"
    folder.mkdir()
    write_list(folder / "Mường Than.docx")
    rows, merges = list_rows()
    above = ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM", *TITLE]
    moved = [(r0 + len(above), c0, r1 + len(above), c1) for r0, c0, r1, c1 in merges]
    write_xlsx(folder / "Nậm Tăm.xlsx", as_sheet(above, rows, SIGNED), moved)
    roster = read_rosters([folder])
    assert sorted(roster.communes) == ["Xã Mường Than", "Xã Nậm Tăm"]
    assert len(roster.cadres) == 2 * len(PEOPLE)
    (folder / "Báo cáo cũ.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(cadre_core.RosterError) as caught:  # never left out without a word
        read_rosters([folder])
    assert [(p.file, p.key) for p in caught.value.errors] == [("Báo cáo cũ.doc", "word_doc")]


# ------------------------------------------------------------------ guards


def test_a_word_document_too_large_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lon.docx"
    write_list(path)
    _guards._workbook_size_of.cache_clear()
    monkeypatch.setattr(_guards, "MAX_SHEET_CELLS", 20)  # its tables hold more cells
    with pytest.raises(cadre_core.RosterError) as caught:
        cadre_core.read_roster(path)
    (said,) = caught.value.problems
    assert said.key == "docx_too_large" and "its tables hold about" in said.describe()
    assert said.describe("vi").startswith("lon.docx: tệp Word không được đọc")
    _guards._workbook_size_of.cache_clear()
    monkeypatch.setattr(_guards, "MAX_XML_BYTES", 2_000)  # a "zip bomb": too large unpacked
    with pytest.raises(cadre_core.RosterError, match="too large once decompressed"):
        cadre_core.read_roster(path)
    _guards._workbook_size_of.cache_clear()


def test_a_cell_spanning_millions_of_columns_is_refused_without_building_it(
    tmp_path: Path,
) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    path = tmp_path / "rong.docx"
    document = docx.Document()
    add_table(document, [["Họ và tên", "Ngày sinh"], ["Lò Văn An", "12/03/1975"]], [])
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "9000000")
    document.tables[0].cell(1, 1)._tc.get_or_add_tcPr().append(span)
    document.save(str(path))
    grids, problems = docx_grids(path)
    assert grids == [] and [p.key for p in problems] == ["docx_too_large"]
    assert "9,000,001 columns" in problems[0].describe()


# ------------------------------------------------------------------ the service


def test_the_service_reads_an_uploaded_word_list(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from cadre_core.serve import Settings, create_app

    path = tmp_path / "ds.docx"
    write_list(path, layout=True)
    data = path.read_bytes()
    with TestClient(create_app(Settings())) as client:
        for name in ("ds.docx", "roster"):  # an upload without a name is read as what it is
            got = client.post("/v1/validate", files={"roster": (name, data)})
            assert got.status_code == 200, got.text
            assert got.json()["tables"]["cadres"]["read"] == len(PEOPLE)
        got = client.post("/v1/validate", files={"roster": ("ds.doc", b"\xd0\xcf\x11\xe0")})
        assert got.status_code == 422 and "Lưu dưới dạng" in got.text


# ------------------------------------------------------------------ the grid, any grid


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[Cell]], list[Merge]]:
    """Lines above a table, and a table: a list's header row, then any text in any cell
    (lines of it: paragraphs), with merged rectangles that do not overlap."""
    width = draw(st.integers(2, 5))
    height = draw(st.integers(1, 6))
    line = st.text(
        st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáạớỜ019/.-() "), min_size=1, max_size=12
    ).filter(lambda s: s.strip() != "")
    value = st.lists(line, min_size=1, max_size=3).map("\n".join)
    body = [[draw(st.none() | value) for _ in range(width)] for _ in range(height)]
    header: list[Cell] = ["Họ và tên", "Ngày sinh", "Chức vụ", "Trình độ", "Dân tộc"][:width]
    rows = [header, *body]
    taken: set[tuple[int, int]] = set()
    merges: list[Merge] = []
    for _ in range(draw(st.integers(0, 3))):
        r0 = draw(st.integers(1, height))
        c0 = draw(st.integers(0, width - 1))
        r1 = draw(st.integers(r0, height))
        c1 = draw(st.integers(c0, width - 1))
        cells = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if (r0, c0) == (r1, c1) or cells & taken:
            continue
        taken |= cells
        merges.append((r0, c0, r1, c1))
        for r, c in cells - {(r0, c0)}:
            rows[r][c] = None  # a merged range's text is its first cell's
    above = draw(st.lists(line, max_size=4))
    return above, rows, merges


@settings(max_examples=40)
@given(case=tables())
def test_any_grid_written_into_a_word_table_comes_back(
    case: tuple[list[str], list[list[Cell]], list[Merge]], tmp_path_factory: Any
) -> None:
    above, rows, merges = case
    path = tmp_path_factory.mktemp("grid") / "g.docx"
    write_docx(path, [*above, (rows, merges), "Người lập biểu"])
    (grid,), problems = docx_grids(path)
    assert problems == []
    top = len(above)
    assert (grid.top, grid.end) == (top, top + len(rows))
    cells = grid.cells.astype(object).where(grid.cells.notna(), None)
    assert cells.iloc[:top, 0].tolist() == above
    assert cells.iloc[top : top + len(rows)].to_numpy().tolist() == rows
    assert cells.iloc[top + len(rows) :, 0].tolist() == ["Người lập biểu"]
    assert grid.merged == sorted((r0 + top, c0, r1 + top, c1) for r0, c0, r1, c1 in merges)


# ------------------------------------------------------------------ cost


def test_reading_word_is_imported_only_when_a_document_is_read() -> None:
    code = "import sys, cadre_core; cadre_core.sample_roster(); print('docx' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_reading_a_40_person_word_list_against_the_same_workbook(tmp_path: Path) -> None:
    people = [[str(i + 1), f"Cán bộ {i:02d}", *PEOPLE[i % len(PEOPLE)][2:]] for i in range(40)]
    rows, merges = list_rows(people)
    write_docx(tmp_path / "forty.docx", [ISSUER, *TITLE, (rows, merges), *SIGNED])
    above = [ISSUER, *TITLE]
    moved = [(r0 + len(above), c0, r1 + len(above), c1) for r0, c0, r1, c1 in merges]
    write_xlsx(tmp_path / "forty.xlsx", as_sheet(above, rows, SIGNED), moved)
    took = {}
    for suffix in ("docx", "xlsx"):
        path = tmp_path / f"forty.{suffix}"
        cadre_core.read_roster(path)  # warm up imports
        start = time.perf_counter()
        for _ in range(5):
            roster = cadre_core.read_roster(path)
        took[suffix] = (time.perf_counter() - start) / 5
        assert len(roster.cadres) == 40
    assert_same_roster(
        cadre_core.read_roster(tmp_path / "forty.docx"),
        cadre_core.read_roster(tmp_path / "forty.xlsx"),
    )
    print(f"40-person list read in {took['docx']:.3f}s (.docx), {took['xlsx']:.3f}s (.xlsx)")


def test_a_list_framed_in_a_layout_table_is_read(tmp_path: Path) -> None:
    """The whole page in a one-cell table (a border), the list's table inside it: the frame
    is read through, its paragraphs and the list as the document's own."""
    path = tmp_path / "khung.docx"
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1)
    cell = frame.cell(0, 0)
    cell.text = ISSUER
    for line in TITLE:
        cell.add_paragraph(line)
    rows, merges = list_rows()
    add_table(cell, rows, merges)
    for line in SIGNED:
        cell.add_paragraph(line)
    document.save(str(path))
    (grid,), problems = docx_grids(path)
    assert problems == [] and grid.name == "Bảng 1"
    assert grid.cells.iloc[: grid.top, 0].tolist() == [ISSUER, *TITLE]
    assert grid.cells.iloc[grid.end :, 0].tolist() == list(SIGNED)
    roster = read_list(path)
    reference_path = tmp_path / "phang.docx"
    write_list(reference_path)
    assert_same_roster(roster, read_list(reference_path))
