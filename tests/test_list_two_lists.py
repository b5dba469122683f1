"""Several lists on one sheet, each with its own title and header.

A clerk keeps the commune's cán bộ and công chức on one sheet: "I. DANH SÁCH CÁN BỘ" over
its header and people, then "II. DANH SÁCH CÔNG CHỨC" over a header of one more column
("Ngạch") and people numbered from 1 again. Each list is read under its own header, all
the people of them all, with the problems on the sheet's real rows. The lists are built
here (a workbook, a Word document) and read through ``read_roster`` and the real
``cadre`` command; each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import pandas as pd
from list_files import run, sheet

from cadre_core.roster import Problem, RosterError, read_roster

D = dt.datetime
TITLE: list[list[Any]] = [
    ["ỦY BAN NHÂN DÂN XÃ TÀ TỔNG"],
    ["(Số liệu tính đến ngày 31/12/2025)"],
    [],
]
HEAD_CB = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
           "Lý luận chính trị"]  # fmt: skip
HEAD_CC = [*HEAD_CB, "Ngạch"]
CB: list[list[Any]] = [
    [1, "Giàng A Thào", D(1977, 2, 22), "Nam", "Bí thư Đảng ủy", "Đại học", "Cao cấp"],
    [2, "Sùng Thị Pà", D(1984, 6, 6), "Nữ", "Chủ tịch HĐND xã", "Đại học", "Cao cấp"],
    [3, "Lò Văn Khăm", D(1980, 11, 30), "Nam", "Chủ tịch UBND xã", "Đại học", "Cao cấp"],
]
CC: list[list[Any]] = [
    [1, "Hờ A Dế", D(1990, 3, 3), "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học", None,
     "Chuyên viên"],
    [2, "Lò Thị Lan", D(1994, 9, 9), "Nữ", "Công chức Tài chính - Kế toán", "Đại học", None,
     "Chuyên viên"],
    [3, "Thào A Tủa", D(1988, 1, 12), "Nam", "Công chức Văn hóa - Xã hội", "Cao đẳng",
     "Trung cấp", "Cán sự"],
]  # fmt: skip
EVERYONE = ["Giàng A Thào", "Sùng Thị Pà", "Lò Văn Khăm", "Hờ A Dế", "Lò Thị Lan", "Thào A Tủa"]


def two_lists() -> list[list[Any]]:
    """The sheet of the brief: rows 1-3 its title, 4-8 the cán bộ, 10-14 the công chức."""
    return [*TITLE, ["I. DANH SÁCH CÁN BỘ"], HEAD_CB, *CB, [], ["II. DANH SÁCH CÔNG CHỨC"],
            HEAD_CC, *CC]  # fmt: skip


def cadres(path: Path) -> pd.DataFrame:
    """The cadres read from ``path`` (bad cells set aside), in the order of the list."""
    return read_roster(path, skip_invalid=True).tables["cadres"]


def problems(path: Path) -> list[Problem]:
    """The problems of reading ``path``, errors and warnings (a bad cell an error)."""
    try:
        return list(read_roster(path).problems)
    except RosterError as exc:
        return list(exc.problems)


def validated(path: Path, code: int = 0) -> dict[str, Any]:
    """``cadre validate --format json`` of ``path``, as a user runs it (``code``: its exit
    status, 2 when the roster is invalid)."""
    done = run("validate", str(path), "--format", "json")
    assert done.returncode == code, done.stdout + done.stderr
    return dict(json.loads(done.stdout))


def test_both_lists_of_one_sheet_are_read(tmp_path: Path) -> None:
    """Before: 3 cadres were read (the công chức, under the header with one more column),
    the cán bộ taken for title text without a word; all six are read now, the grade
    ("Ngạch") of the second list's people, the commune and day of the sheet's title."""
    path = sheet(tmp_path / "cb-cc.xlsx", two_lists())
    read = read_roster(path, skip_invalid=True)
    people = read.tables["cadres"]
    assert people["full_name"].tolist() == EVERYONE
    assert people["gender"].tolist() == ["male", "female", "male", "male", "female", "male"]
    assert people["birth_date"].tolist()[0] == pd.Timestamp(1977, 2, 22)
    grades = dict(zip(people["full_name"], people["grade"], strict=True))
    assert [grades[n] for n in EVERYONE[3:]] == ["chuyen_vien", "chuyen_vien", "can_su"]
    assert all(pd.isna(grades[n]) for n in EVERYONE[:3])
    theory = read.tables["theory"].merge(people[["cadre_id", "full_name"]], on="cadre_id")
    assert sorted(theory["full_name"]) == sorted([*EVERYONE[:3], "Thào A Tủa"])
    keys = [p.key for p in read.problems]
    assert keys == ["commune_from_title"], keys  # no second_list, no row_no_person
    assert read.tables["agencies"]["commune"].tolist() == ["Xã Tà Tổng"]
    report = validated(path)
    assert report["tables"]["cadres"]["kept"] == 6
    assert report["tables"]["assignments"]["kept"] == 6


def test_problems_name_the_sheet_rows_of_each_list(tmp_path: Path) -> None:
    """Before: the second list's rows were not read, or read under the first's header;
    now a bad cell of the second list is said on its sheet row (13), and a column read
    in neither is said per list, under its own column."""
    rows = two_lists()
    rows[4] = [*HEAD_CB, None, "Số điện thoại"]  # a column of the first list not read
    rows[5] = [*CB[0], None, "0912"]
    rows[12] = [*CC[1][:2], "31/02/1994", *CC[1][3:]]  # row 13: no such day
    path = sheet(tmp_path / "cb-cc.xlsx", rows)
    said = problems(path)
    bad = [p for p in said if p.severity == "error" or p.column == "Ngày sinh (column C)"]
    assert [(p.row, p.column) for p in bad] == [(13, "Ngày sinh (column C)")], said
    assert "'Danh sách'" in str(bad[0].file)
    unread = [(p.key, p.column) for p in said if p.key == "column_not_read"]
    assert unread == [("column_not_read", "Số điện thoại (column I)")]
    assert cadres(path)["full_name"].tolist() == EVERYONE
    report = validated(path, code=2)
    assert [(p["row"], p["column"], p["value"]) for p in report["problems"] if p["key"] == "date"
            ] == [(13, "Ngày sinh (column C)", "31/02/1994")]  # fmt: skip


def test_a_third_list_and_a_header_of_fewer_columns(tmp_path: Path) -> None:
    """Before: the first header (more columns) won and ended the list at the second's
    header ("the header of another list", its rows not read), the third list lost with
    it; now every list is read, the one whose header lacks a column ("Ngạch") too."""
    third = [[1, "Vàng A Sử", D(1985, 5, 5), "Nam", "Trưởng thôn", "Trung cấp"]]
    rows = [*TITLE, ["I. CÔNG CHỨC"], HEAD_CC, *CC, [], ["II. CÁN BỘ"], HEAD_CB, *CB, [],
            ["III. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH", None, None], HEAD_CB[:6], *third]  # fmt: skip
    path = sheet(tmp_path / "ba-bang.xlsx", rows)
    names = cadres(path)["full_name"].tolist()
    assert names == [*EVERYONE[3:], *EVERYONE[:3], "Vàng A Sử"]
    keys = {p.key for p in problems(path)}
    assert not keys & {"second_list", "row_no_person", "header_again"}, keys
    assert validated(path)["tables"]["cadres"]["kept"] == 7


def test_the_same_person_in_both_lists_is_said(tmp_path: Path) -> None:
    """Before: only one list was read, so a person in both went unnoticed; now both are
    read and the second is said the same as the first list's row, as across sheets."""
    rows = two_lists()
    rows[13] = [3, *CB[2][1:], "Chuyên viên"]  # row 14: Lò Văn Khăm (row 8) again
    path = sheet(tmp_path / "hai-lan.xlsx", rows)
    twice = [p for p in problems(path) if p.key.startswith("same_person")]
    assert [(p.row, dict(p.args)["row"]) for p in twice] == [(14, "8")], twice
    assert len(cadres(path)) == 6


def test_a_header_printed_again_is_still_a_new_page(tmp_path: Path) -> None:
    """The header repeated as it is (a new page) is still the list's own, not a new list;
    a table of names and salaries under the people still ends the list, said."""
    rows = [*TITLE, HEAD_CB, *CB[:2], [], HEAD_CB, CB[2], [], ["Lương"],
            ["TT", "Họ và tên", "Bậc", "Hệ số lương"], [1, "Giàng A Thào", 3, 2.67]]  # fmt: skip
    path = sheet(tmp_path / "trang.xlsx", rows)
    said = problems(path)
    assert [(p.key, p.row) for p in said if p.key in ("header_again", "second_list")] == [
        ("header_again", 8), ("second_list", 12)]  # fmt: skip
    assert cadres(path)["full_name"].tolist() == EVERYONE[:3]


def _document(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """A Word document: the title as paragraphs, then one table of ``rows`` (a row of one
    cell merged across the table)."""
    doc = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN XÃ TÀ TỔNG", "(Số liệu tính đến ngày 31/12/2025)"):
        doc.add_paragraph(line)
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    for i, row in enumerate(rows):
        if len(row) == 1:
            merged = table.cell(i, 0).merge(table.cell(i, width - 1))
            merged.text = str(row[0])
            continue
        for j, value in enumerate(row):
            if value is not None:
                text = value.strftime("%d/%m/%Y") if isinstance(value, dt.datetime) else str(value)
                table.cell(i, j).text = text
    doc.save(str(path))
    return path


def test_two_lists_in_one_word_table(tmp_path: Path) -> None:
    """Before: a Word table holding both lists gave the công chức alone, the cán bộ lost
    as text above the header; both are read now, rows named as the table's."""
    rows = [["I. DANH SÁCH CÁN BỘ"], HEAD_CB, *CB, ["II. DANH SÁCH CÔNG CHỨC"], HEAD_CC,
            [*CC[0][:2], "31/02/1990", *CC[0][3:]], *CC[1:]]  # fmt: skip
    path = _document(tmp_path / "cb-cc.docx", rows)
    assert cadres(path)["full_name"].tolist() == EVERYONE
    said = problems(path)
    bad = [(p.row, p.column) for p in said if p.column == "Ngày sinh (column C)"]
    assert bad == [(8, "Ngày sinh (column C)")], said  # the table's row 8
    assert not {p.key for p in said} & {"second_list", "row_no_person"}
    report = validated(path, code=2)
    assert [(p["file"], p["row"]) for p in report["problems"] if p["key"] == "date"] == [
        ("cb-cc.docx, sheet 'Bảng 1'", 8)]  # fmt: skip
