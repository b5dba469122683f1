"""How a list's post cells and name cells are read when a clerk types more into them.

Two posts on two lines of one post cell (Alt+Enter in a workbook, two paragraphs in a Word
cell, ``<br>`` in a web page), a "Kiêm nhiệm" column of the posts held together with the
main one, and a note of the person's status typed after the name ("VÀNG THỊ MỶ (nghỉ thai
sản)"). Each list is built here and read through ``read_roster`` and the real ``cadre``
command; each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import docx
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import CADRE, run, sheet

from cadre_core.roster import Problem, read_roster
from cadre_core.roster._flat_tables import lines_apart
from cadre_core.roster._names import STATUS_NOTES, without_status

D = dt.datetime
DAY = "31/12/2025"
TITLE = ["ĐẢNG ỦY XÃ PHONG THỔ"], ["DANH SÁCH CÁN BỘ CHỦ CHỐT XÃ (tính đến ngày 31/12/2025)"]


def posts_of(path: Path) -> dict[str, list[tuple[str, str | None]]]:
    """Each person's posts as read: (title, category), sorted."""
    tables = read_roster(path, skip_invalid=True).tables
    held = (
        tables["assignments"]
        .merge(tables["positions"], on="position_code")
        .merge(tables["cadres"][["cadre_id", "full_name"]], on="cadre_id")
    )
    out: dict[str, list[tuple[str, str | None]]] = {}
    for name, title, category in zip(held["full_name"], held["title"], held["category"],
                                     strict=True):  # fmt: skip
        out.setdefault(str(name), []).append(
            (str(title), None if pd.isna(category) else str(category))
        )
    return {k: sorted(v, key=str) for k, v in out.items()}


def problems_of(path: Path) -> list[Problem]:
    """The problems of reading ``path``, bad cells set aside."""
    return list(read_roster(path, skip_invalid=True).problems)


def validated(path: Path) -> dict[str, Any]:
    """``cadre validate --format json`` of ``path``, run as a user runs it."""
    out = run("validate", str(path), "--format", "json", "--list-date", DAY)
    assert out.returncode == 0, out.stdout + out.stderr
    return dict(json.loads(out.stdout))


HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
LINES = [
    [1, "Lò Văn Hặc", D(1971, 2, 14), "Nam", "Bí thư Đảng ủy\nChủ tịch HĐND xã", "Đại học"],
    # one post wrapped over two lines: one post, as before
    [2, "Tòng Thị Ón", D(1978, 3, 12), "Nữ", "Phó Bí thư Thường trực\nĐảng ủy xã", "Đại học"],
    [3, "Phàn A Lùng", D(1983, 7, 5), "Nam",
     "Phó Bí thư Đảng ủy\r\nChủ tịch UBND xã, Chỉ huy trưởng Quân sự", "Thạc sĩ"],
    # lines none of which names a post the reader knows: one title, as before
    [4, "Lý Thị Sểnh", D(1989, 10, 25), "Nữ", "Thủ quỹ\nTạp vụ", "Đại học"],
]  # fmt: skip
LINES_POSTS = {
    "Lò Văn Hặc": [("Bí thư Đảng ủy", "party_secretary"), ("Chủ tịch HĐND xã", "council_chair")],
    "Tòng Thị Ón": [("Phó Bí thư Thường trực Đảng ủy xã", "party_deputy_secretary")],
    "Phàn A Lùng": [("Chủ tịch UBND xã", "committee_chair"),
                    ("Phó Bí thư Đảng ủy", "party_deputy_secretary")],
    "Lý Thị Sểnh": [("Thủ quỹ Tạp vụ", None)],
}  # fmt: skip


def test_two_posts_on_two_lines_of_a_workbook_cell(tmp_path: Path) -> None:
    """Before: "Bí thư Đảng ủy⏎Chủ tịch HĐND xã" (Alt+Enter) was read as the one title "Bí
    thư Đảng ủy Chủ tịch HĐND xã" of no category (a warning "its category was left
    blank"): the secretary and the chair dropped out of the standing leadership."""
    path = sheet(tmp_path / "xuong-dong.xlsx", [*TITLE, HEAD, *LINES])
    assert posts_of(path) == LINES_POSTS
    said = [(p.key, p.row, p.column, p.value) for p in problems_of(path)]
    assert said == [
        ("commune_from_title", None, "commune", None),
        ("post_not_read", 6, "Chức vụ (column E)",
         "Phó Bí thư Đảng ủy\nChủ tịch UBND xã, Chỉ huy trưởng Quân sự"),
        ("unknown_category", 7, "Chức vụ (column E)", "Thủ quỹ Tạp vụ"),
    ]  # fmt: skip
    report = validated(path)
    assert report["valid"] is True
    assert [(p["key"], p["row"]) for p in report["problems"]] == [
        ("commune_from_title", None), ("post_not_read", 6), ("unknown_category", 7)]  # fmt: skip
    assert "'Chỉ huy trưởng Quân sự'" in report["problems"][1]["expected"]
    assert report["tables"]["assignments"]["read"] == 6


def test_two_posts_in_two_paragraphs_of_a_word_cell(tmp_path: Path) -> None:
    """Before: a Word cell's two paragraphs "Phó Bí thư Đảng ủy" and "Chủ tịch HĐND xã"
    were one title of no category; the reader keeps a cell's paragraphs on their lines, so
    they are two posts, as in a workbook."""
    document = docx.Document()
    for line in TITLE:
        document.add_paragraph(line[0])
    table = document.add_table(rows=1 + len(LINES), cols=len(HEAD))
    for j, head in enumerate(HEAD):
        table.cell(0, j).text = head
    for i, row in enumerate(LINES, 1):
        for j, value in enumerate(row):
            text = value.strftime("%d/%m/%Y") if isinstance(value, dt.datetime) else str(value)
            first, *more = text.replace("\r\n", "\n").split("\n")
            cell = table.cell(i, j)
            cell.text = first
            for line in more:
                cell.add_paragraph(line)
    path = tmp_path / "doan-van.docx"
    document.save(str(path))
    assert posts_of(path) == LINES_POSTS
    keys = [(p.key, p.row) for p in problems_of(path)]
    assert keys == [("commune_from_title", None), ("post_not_read", 4), ("unknown_category", 5)]
    report = validated(path)
    assert [p["key"] for p in report["problems"]] == [
        "commune_from_title", "post_not_read", "unknown_category"]  # fmt: skip


def test_two_posts_on_two_lines_of_a_web_page_cell(tmp_path: Path) -> None:
    """Before: "Bí thư Đảng ủy<br>Chủ tịch HĐND xã" in a web page's cell was one title of
    no category."""
    cells = "".join(f"<td>{h}</td>" for h in HEAD)
    rows = [f"<tr>{cells}</tr>"]
    for row in LINES[:2]:
        values = [v.strftime("%d/%m/%Y") if isinstance(v, dt.datetime) else str(v) for v in row]
        rows.append("<tr>" + "".join(f"<td>{v.replace(chr(10), '<br>')}</td>" for v in values)
                    + "</tr>")  # fmt: skip
    page = (
        "<html><head><meta charset='utf-8'></head><body>"
        + "".join(f"<p>{t[0]}</p>" for t in TITLE)
        + "<table>" + "".join(rows) + "</table></body></html>"
    )  # fmt: skip
    path = tmp_path / "trang.html"
    path.write_text(page, encoding="utf-8")
    assert posts_of(path) == {k: LINES_POSTS[k] for k in ("Lò Văn Hặc", "Tòng Thị Ón")}
    assert [p.key for p in problems_of(path)] == ["commune_from_title"]
    assert [p["key"] for p in validated(path)["problems"]] == ["commune_from_title"]


KIEM = [
    ["ĐẢNG ỦY XÃ THU LŨM"],
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ THU LŨM (tính đến ngày 31/12/2025)"],
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Kiêm nhiệm", "Trình độ chuyên môn",
     "Ghi chú"],
    [1, "Pờ Dần Sì", D(1973, 12, 2), "Nam", "Bí thư Đảng ủy", "Chủ tịch HĐND xã", "Đại học", None],
    [2, "Lỳ Thị Mé", D(1982, 7, 14), "Nữ", "Phó Bí thư Đảng ủy", "Chủ tịch UBND xã", "Đại học",
     None],
    [3, "Chu Văn Phạ", D(1986, 3, 27), "Nam", "Phó Chủ tịch UBND xã", None, "Đại học",
     "Đi học dài hạn"],
    [4, "Lò Văn Sươi", D(1984, 4, 9), "Nam", "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy",
     "Trưởng Ban Xây dựng Đảng", "Đại học", None],
]  # fmt: skip
KIEM_POSTS = {
    "Pờ Dần Sì": [("Bí thư Đảng ủy", "party_secretary"), ("Chủ tịch HĐND xã", "council_chair")],
    "Lỳ Thị Mé": [("Chủ tịch UBND xã", "committee_chair"),
                  ("Phó Bí thư Đảng ủy", "party_deputy_secretary")],
    "Chu Văn Phạ": [("Phó Chủ tịch UBND xã", "committee_vice_chair")],
    "Lò Văn Sươi": [("Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", "inspection_chair"),
                    ("Trưởng Ban Xây dựng Đảng", "department_head")],
}  # fmt: skip


def test_a_column_of_posts_held_together(tmp_path: Path) -> None:
    """Before: the "Kiêm nhiệm" column was said not read, and the posts in it were lost
    (the Party secretary was no council chair, the deputy secretary no committee chair)."""
    path = sheet(tmp_path / "kiem-nhiem.xlsx", KIEM)
    assert posts_of(path) == KIEM_POSTS
    said = [(p.key, p.column) for p in problems_of(path)]
    assert said == [("column_not_read", "Ghi chú (column H)"), ("commune_from_title", "commune")]
    report = validated(path)
    assert report["tables"]["assignments"]["read"] == 7
    assert [p["column"] for p in report["problems"] if p["key"] == "column_not_read"] == [
        "Ghi chú (column H)"]  # fmt: skip


def test_a_column_of_posts_held_together_by_its_longer_name(tmp_path: Path) -> None:
    """A "Chức vụ kiêm nhiệm" column before the main post's column is read the same; a post in it
    naming no category is said on its own column (before: the column was not read)."""
    rows = [list(r) for r in KIEM]
    for row in rows[2:]:
        row[4], row[5] = row[5], row[4]
    rows[2][4] = "Chức vụ kiêm nhiệm"
    rows[5][4] = "Thủ quỹ"
    path = sheet(tmp_path / "kiem-nhiem-2.xlsx", rows)
    assert posts_of(path) == {**KIEM_POSTS, "Chu Văn Phạ": [
        ("Phó Chủ tịch UBND xã", "committee_vice_chair"), ("Thủ quỹ", None)]}  # fmt: skip
    unknown = [(p.row, p.column, p.value) for p in problems_of(path)
               if p.key == "unknown_category"]  # fmt: skip
    assert unknown == [(6, "Chức vụ kiêm nhiệm (column E)", "Thủ quỹ")]


NOTES = [
    ["UBND XÃ DÀO SAN"],
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ DÀO SAN (tính đến ngày 31/12/2025)"],
    HEAD,
    [1, "VÀNG THỊ MỶ (nghỉ thai sản)", D(1995, 11, 11), "Nữ", "Công chức Văn hóa - Xã hội",
     "Đại học"],
    [2, "Chảo Thị Lai (Nghỉ thai sản)", D(1996, 2, 8), "Nữ", "Công chức Tư pháp - Hộ tịch",
     "Đại học"],
    [3, "Lỳ A Giàng - nghỉ ốm dài ngày", D(1975, 7, 30), "Nam", "Chủ tịch Hội Cựu chiến binh xã",
     "Trung cấp"],
    [4, "Bà LÒ THỊ XUÂN (đang đi học)", D(1979, 12, 12), "Nữ", "Chủ tịch Hội LHPN xã",
     "Trung cấp"],
    # a bracket telling namesakes apart stays, as before
    [5, "Lò Văn An (A)", D(1980, 1, 2), "Nam", "Chủ tịch UBND xã", "Đại học"],
    [6, "Lò Văn An (B)", D(1990, 5, 6), "Nam", "Phó Chủ tịch UBND xã", "Đại học"],
]  # fmt: skip


def test_a_status_note_after_a_name_is_no_part_of_it(tmp_path: Path) -> None:
    """Before: "VÀNG THỊ MỶ (nghỉ thai sản)" was the name, silently, still in capitals
    ("Vàng Thị Mỷ" another person in every count and look-up); so were "Chảo Thị Lai
    (Nghỉ thai sản)" and "Lỳ A Giàng - nghỉ ốm dài ngày"."""
    path = sheet(tmp_path / "thai-san.xlsx", NOTES)
    cadres = read_roster(path, skip_invalid=True).tables["cadres"]
    assert cadres["full_name"].tolist() == [
        "Vàng Thị Mỷ", "Chảo Thị Lai", "Lỳ A Giàng", "Lò Thị Xuân", "Lò Văn An (A)",
        "Lò Văn An (B)"]  # fmt: skip
    said = [(p.key, p.row, dict(p.args)) for p in problems_of(path) if p.key == "name_status"]
    assert said == [
        ("name_status", 4, {"cell": "'VÀNG THỊ MỶ (nghỉ thai sản)'", "note": "'nghỉ thai sản'"}),
        ("name_status", 5, {"cell": "'Chảo Thị Lai (Nghỉ thai sản)'", "note": "'Nghỉ thai sản'"}),
        ("name_status", 6, {"cell": "'Lỳ A Giàng - nghỉ ốm dài ngày'",
                            "note": "'nghỉ ốm dài ngày'"}),
        ("name_status", 7, {"cell": "'LÒ THỊ XUÂN (đang đi học)'", "note": "'đang đi học'"}),
    ]  # fmt: skip
    report = validated(path)
    assert report["valid"] is True
    assert [p["row"] for p in report["problems"] if p["key"] == "name_status"] == [4, 5, 6, 7]
    first = next(p for p in report["problems"] if p["key"] == "name_status")
    assert first["expected"] == (
        "the note 'nghỉ thai sản' after the name ('VÀNG THỊ MỶ (nghỉ thai sản)') is no part of "
        "it and was left out; the status it tells (on leave, studying, seconded...) is not "
        "read: the person is read as holding the post of this row"
    )
    vi = subprocess.run(
        [CADRE, "validate", str(path), "--list-date", DAY, "--lang", "vi"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "400"},
    )  # fmt: skip
    assert "ghi chú 'nghỉ ốm dài ngày' sau tên" in vi.stdout


FAMILY = st.sampled_from(["Lò", "Vàng", "Nguyễn", "Chảo", "Lỳ"])
GIVEN = st.lists(st.sampled_from(["Văn", "Thị", "A", "Mỷ", "Lai", "Giàng"]), min_size=1,
                 max_size=3)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(FAMILY, GIVEN, st.sampled_from(STATUS_NOTES), st.sampled_from(["(", "[", " - ", "-"]),
       st.booleans())  # fmt: skip
def test_any_status_note_is_left_out_and_said(
    family: str, names: list[str], status: str, how: str, capitals: bool
) -> None:
    """Whatever the status, the way it is set off and the case, the name is what stays and
    the note is what is said; another bracket after the same name stays."""
    name = " ".join([family, *names])
    note = status.upper() if capitals else status
    cell = f"{name} {how}{note}{')' if how == '(' else ']' if how == '[' else ''}"
    kept, said = without_status(pd.Series([cell, f"{name} (B)"], dtype=object))
    assert kept.tolist() == [name, f"{name} (B)"]
    assert said.tolist() == [note, None]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Bí thư Đảng ủy", "Chủ tịch HĐND xã", "Chủ tịch UBND xã",
                                 "Phó Chủ tịch UBND xã", "Trưởng Ban Xây dựng Đảng"]),
                min_size=2, max_size=4, unique=True))  # fmt: skip
def test_posts_on_lines_are_each_kept(posts: list[str]) -> None:
    """Posts of known categories typed one a line are kept one a line, whichever they are."""
    assert lines_apart(pd.Series(["\n".join(posts)], dtype=object)).tolist() == ["\n".join(posts)]
