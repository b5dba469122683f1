"""A Word list cut into two tables: the second has no header of its own.

Clerks split a long table at a page break (Ctrl+Shift+Enter in the table, or "Split
Table"), or type the rest of the list as a table of its own under the first: the second
table starts with the row of column numbers ("1 2 3 …"), a group row ("II. CÔNG CHỨC") or
people. The documents are built here with python-docx as a clerk leaves them (title
paragraphs, the first table with its header, a paragraph holding the page break, the
second table, the signatures), and read through ``read_roster`` and the real ``cadre``
command (``--lang en``). Each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import pandas as pd
import pytest
from conftest import SOFFICE, libreoffice_convert
from docx.enum.text import WD_BREAK
from hypothesis import given, settings
from hypothesis import strategies as st
from test_docx_lists import add_table as add_table_with
from test_mhtml_lists import write_mhtml

import cadre_core
from cadre_core.roster import read_roster
from cadre_core.roster._continued import continuation, listed
from cadre_core.roster._flat_header import find_header
from cadre_core.roster._grid import Table

CADRE = str(Path(sys.executable).with_name("cadre"))

Row = Sequence[str | None]
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column
PAGE = object()  # a paragraph holding a page break

TITLE = (
    "ĐẢNG ỦY XÃ MƯỜNG KIM",
    "DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC XÃ",
    "(Tính đến ngày 31/10/2025)",
)
SIGNED = ("Mường Kim, ngày 05 tháng 11 năm 2025", "NGƯỜI LẬP BIỂU")
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
        "Lý luận chính trị"]  # fmt: skip
NUMS = [str(i) for i in range(1, 8)]
CADRES = [
    ["1", "Lường Văn Ơn", "04/05/1974", "Nam", "Bí thư Đảng ủy", "Đại học", "Cao cấp"],
    ["2", "Cầm Thị Ngân", "19/12/1983", "Nữ", "Chủ tịch HĐND xã", "Đại học", "Cao cấp"],
    ["3", "Lò Văn Mạnh", "11/01/1981", "Nam", "Chủ tịch UBND xã", "Đại học", "Cao cấp"],
    ["4", "Hoàng Văn Sơn", "23/03/1987", "Nam", "Phó Chủ tịch UBND xã", "Đại học", "Trung cấp"],
]
CIVIL = [
    ["5", "Tòng Thị Hiền", "08/08/1990", "Nữ", "Công chức Văn phòng - Thống kê", "Đại học",
     "Trung cấp"],
    ["6", "Lò Văn Chiến", "14/02/1992", "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học", "Sơ cấp"],
    ["7", "Quàng Thị Thơm", "01/06/1994", "Nữ", "Công chức Văn hóa - Xã hội", "Đại học", None],
    ["8", "Vì Văn Tiến", "27/11/1989", "Nam", "Công chức Địa chính - Xây dựng", "Cao đẳng", None],
]  # fmt: skip
# what each person is read as: birth date, gender, degree, theory, the post's category
EIGHT = {
    "Lường Văn Ơn": ("1974-05-04", "male", "dai_hoc", "cao_cap", "party_secretary"),
    "Cầm Thị Ngân": ("1983-12-19", "female", "dai_hoc", "cao_cap", "council_chair"),
    "Lò Văn Mạnh": ("1981-01-11", "male", "dai_hoc", "cao_cap", "committee_chair"),
    "Hoàng Văn Sơn": ("1987-03-23", "male", "dai_hoc", "trung_cap", "committee_vice_chair"),
    "Tòng Thị Hiền": ("1990-08-08", "female", "dai_hoc", "trung_cap", "professional"),
    "Lò Văn Chiến": ("1992-02-14", "male", "dai_hoc", "so_cap", "professional"),
    "Quàng Thị Thơm": ("1994-06-01", "female", "dai_hoc", None, "professional"),
    "Vì Văn Tiến": ("1989-11-27", "male", "cao_dang", None, "professional"),
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command, in English, on a wide terminal."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [CADRE, *args, "--lang", "en"], capture_output=True, text=True, timeout=180, env=env
    )


def add_table(document: Any, rows: Sequence[Row], merges: Sequence[Merge] = ()) -> None:
    """A bordered table of ``rows`` (None: a blank cell) with Word's merged cells."""
    add_table_with(document, rows, merges)


def write_docx(path: Path, blocks: Sequence[Any]) -> Path:
    """A Word document of ``blocks``: a string is a paragraph, :data:`PAGE` a paragraph
    holding a page break, (rows, merges) a table."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif block is PAGE:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            add_table(document, *block)
    document.save(str(path))
    return path


def group(number: str, text: str, width: int = 7) -> tuple[list[str | None], Merge]:
    """A group row ("I | CÁN BỘ"), its text merged across the rest of the table, and the
    merge (row 0: moved to its row by :func:`with_groups`)."""
    return [number, text, *[None] * (width - 2)], (0, 1, 0, width - 1)


def with_groups(
    rows: Sequence[Row | tuple[list[str | None], Merge]],
) -> tuple[list[Row], list[Merge]]:
    """Rows and the merges of the group rows among them."""
    out: list[Row] = []
    merges: list[Merge] = []
    for row in rows:
        if isinstance(row, tuple):
            cells, (_, c0, _, c1) = row
            merges.append((len(out), c0, len(out), c1))
            out.append(cells)
        else:
            out.append(row)
    return out, merges


def cut_list(
    path: Path, *, second: Sequence[Any] | None = None, between: Sequence[Any] = (PAGE,)
) -> Path:
    """The list of the eight, cut after the four cadres: the first table with its header,
    the row of column numbers and group "I. CÁN BỘ"; ``between`` the two tables (a page
    break); the second table (``second``: the column numbers, group "II. CÔNG CHỨC" and the
    four civil servants)."""
    first = with_groups([HEAD, NUMS, group("I", "CÁN BỘ"), *CADRES])
    rest = with_groups([NUMS, group("II", "CÔNG CHỨC"), *CIVIL]) if second is None else second
    return write_docx(path, [*TITLE, first, *between, rest, *SIGNED])


def people(roster: cadre_core.Roster) -> dict[str, tuple[Any, ...]]:
    """Each person as read: birth date, gender, degree, theory and the post's category."""
    degrees = roster.degrees.set_index("cadre_id")["level"]
    theory = roster.theory.set_index("cadre_id")["level"]
    posts = roster.assignments.merge(roster.positions, on="position_code")
    category = posts.set_index("cadre_id")["category"]
    return {
        row.full_name: (
            row.birth_date.date().isoformat(),
            row.gender,
            degrees.get(row.cadre_id),
            theory.get(row.cadre_id),
            category.get(row.cadre_id),
        )
        for row in roster.cadres.itertuples()
    }


def agencies(roster: cadre_core.Roster) -> dict[str, str]:
    """The agency each person's post is in, by name."""
    posts = roster.assignments.merge(roster.positions, on="position_code")
    posts = posts.merge(roster.agencies, on="agency_code").merge(roster.cadres, on="cadre_id")
    return dict(zip(posts["full_name"], posts["name"], strict=True))


def problems(roster: cadre_core.Roster) -> list[tuple[str, int | None, str, str]]:
    return [(p.file, p.row, p.key, p.severity) for p in roster.problems]


# ------------------------------------------------------------------ a table cut in two


def test_a_list_cut_at_a_page_break_reads_every_person(tmp_path: Path) -> None:
    """Before: the second table (no header: the column numbers, "II. CÔNG CHỨC", four
    people) was read as the text around the list, with a warning, and ``cadre validate``
    said the list of 4 people was valid: four civil servants were dropped."""
    path = cut_list(tmp_path / "tach.docx")
    roster = read_roster(path)
    assert people(roster) == EIGHT
    assert list(roster.cadres["full_name"]) == list(EIGHT)
    assert problems(roster) == [
        ("tach.docx, sheet 'Bảng 2'", None, "table_continues_list", "warning"),
        ("tach.docx", None, "commune_from_title", "warning"),
    ]
    assert roster.list_date == dt.date(2025, 10, 31)
    # the person on row 3 of Bảng 2 follows the last person of Bảng 1 (its row 7)
    assert roster.cadres.set_index("full_name")["cadre_id"]["Tòng Thị Hiền"] == "DS0010"
    done = run("validate", str(path), "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["tables"]["cadres"]["read"] == 8
    (said,) = [p for p in report["problems"] if p["key"] == "table_continues_list"]
    assert said["message"] == (
        "tach.docx, sheet 'Bảng 2': this table has no header of its own and has the columns "
        "of the list in Bảng 1 above it (a table cut in two): it was read as the rest of that "
        "list, under the header of Bảng 1; its rows are counted in this table"
    )
    vi = subprocess.run([CADRE, "validate", str(path), "--lang", "vi"], capture_output=True,
                        text=True, timeout=180, env={**os.environ, "COLUMNS": "400"})  # fmt: skip
    assert "tach.docx, Bảng 2\t" in vi.stdout and "được đọc tiếp danh sách đó" in vi.stdout


def test_a_problem_in_the_second_table_names_that_table_and_its_row(tmp_path: Path) -> None:
    """Before: the second table's rows were never read; a bad date there went unseen. Now
    it is named on that table's own row (numbers 1, group 2, Tòng Thị Hiền 3, Lò Văn Chiến
    4), not on a row of the first table or of the joined list."""
    civil = [list(r) for r in CIVIL]
    civil[1][2] = "31/02/1992"
    second = with_groups([NUMS, group("II", "CÔNG CHỨC"), *civil])
    path = cut_list(tmp_path / "sai.docx", second=second)
    with pytest.raises(cadre_core.RosterError) as caught:
        read_roster(path)
    (error,) = caught.value.errors
    assert (error.file, error.table, error.row, error.value) == (
        "sai.docx, sheet 'Bảng 2'", "cadres", 4, "31/02/1992")  # fmt: skip
    assert error.column is not None and error.column.startswith("Ngày sinh")
    done = run("validate", str(path))
    assert done.returncode == 2, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert "sai.docx, sheet 'Bảng 2'\tcadres\t4\tNgày sinh (column C)\t'31/02/1992'" in said, said


def test_a_second_table_starting_with_people_reads_them_under_a_header_of_two_rows(
    tmp_path: Path,
) -> None:
    """Before: a second table starting with people (no column numbers, no group row) was
    read as text. Under a header over two rows (``Ngày sinh`` over ``Nam`` | ``Nữ``, merged
    across), the birth date's column still gives each person's gender."""
    head = [["STT", "Họ và tên", "Ngày sinh", None, "Chức vụ"],
            [None, None, "Nam", "Nữ", None]]  # fmt: skip
    merges = [(0, 2, 0, 3), (0, 0, 1, 0), (0, 1, 1, 1), (0, 4, 1, 4)]
    first = [*head, ["1", "Lò Văn An", "12/03/1975", None, "Bí thư Đảng ủy"]]
    second = [["2", "Tao Thị Bình", None, "05/07/1982", "Chủ tịch UBND xã"],
              ["3", "Vàng A Chứ", "20/01/1990", None, "Công chức Tư pháp - Hộ tịch"]]  # fmt: skip
    path = write_docx(tmp_path / "hai-dong.docx",
                      [*TITLE, (first, merges), PAGE, (second, []), *SIGNED])  # fmt: skip
    roster = read_roster(path)
    read = roster.cadres.set_index("full_name")
    assert list(read.index) == ["Lò Văn An", "Tao Thị Bình", "Vàng A Chứ"]
    assert list(read["gender"]) == ["male", "female", "male"]
    assert [d.date().isoformat() for d in read["birth_date"]] == [
        "1975-03-12", "1982-07-05", "1990-01-20"]  # fmt: skip
    assert problems(roster)[0] == (
        "hai-dong.docx, sheet 'Bảng 2'", None, "table_continues_list", "warning")  # fmt: skip


def test_the_group_a_table_was_cut_in_goes_on_in_the_next(tmp_path: Path) -> None:
    """Before: the people at the top of the second table were lost; read as a sheet of
    their own they would have lost their agency too. Cut inside the group "Văn phòng HĐND
    và UBND", the rest of its people are in that agency; a line of text between the two
    tables ("II. CÔNG CHỨC" typed as a paragraph) starts anew: the group is not carried."""
    width = 5
    head = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"]
    office = group("I", "Văn phòng HĐND và UBND", width)
    first = with_groups([head, office, ["1", "Lò Văn An", "12/03/1975", "Nam",
                                        "Chánh Văn phòng HĐND và UBND"]])  # fmt: skip
    rest = [["2", "Tao Thị Bình", "05/07/1982", "Nữ", "Công chức Văn phòng - Thống kê"]]
    path = write_docx(tmp_path / "nhom.docx", [*TITLE, first, PAGE, (rest, []), *SIGNED])
    assert agencies(read_roster(path)) == {
        "Lò Văn An": "Văn phòng HĐND và UBND", "Tao Thị Bình": "Văn phòng HĐND và UBND"}  # fmt: skip
    path = write_docx(tmp_path / "doan.docx",
                      [*TITLE, first, "II. CÔNG CHỨC", (rest, []), *SIGNED])  # fmt: skip
    assert agencies(read_roster(path)) == {
        "Lò Văn An": "Văn phòng HĐND và UBND", "Tao Thị Bình": "Xã Mường Kim"}  # fmt: skip


def test_three_tables_are_one_list(tmp_path: Path) -> None:
    """Before: only the first of three tables was read. Each headerless table continues
    the list the table above it is part of."""
    first = with_groups([HEAD, NUMS, group("I", "CÁN BỘ"), *CADRES[:2]])
    second = (CADRES[2:], [])
    third = with_groups([NUMS, group("II", "CÔNG CHỨC"), *CIVIL])
    path = write_docx(tmp_path / "ba.docx", [*TITLE, first, PAGE, second, PAGE, third, *SIGNED])
    roster = read_roster(path)
    assert people(roster) == EIGHT
    assert [p[:3] for p in problems(roster)][:2] == [
        ("ba.docx, sheet 'Bảng 2'", None, "table_continues_list"),
        ("ba.docx, sheet 'Bảng 3'", None, "table_continues_list"),
    ]


# ------------------------------------------------------------------ columns that differ


def test_a_table_of_people_with_other_columns_is_an_error(tmp_path: Path) -> None:
    """Before: a headerless table of people with a column fewer than the list was read as
    the text around the list (a warning) and the list said valid without them. Its people
    cannot be placed under the list's header by position: an error names the table, its
    first person's row and both column counts, and nothing is read (also with
    ``--skip-invalid``)."""
    narrow = [r[:6] for r in CIVIL]
    second = with_groups([NUMS[:6], group("II", "CÔNG CHỨC", 6), *narrow])
    path = cut_list(tmp_path / "khac-cot.docx", second=second)
    with pytest.raises(cadre_core.RosterError) as caught:
        read_roster(path, skip_invalid=True)
    (error,) = caught.value.errors
    assert (error.file, error.table, error.row, error.key) == (
        "khac-cot.docx, sheet 'Bảng 2'", None, 3, "headerless_people_columns")  # fmt: skip
    assert dict(error.args) == {"rows": "4", "columns": "6", "list_table": "Bảng 1",
                                "list_columns": "7"}  # fmt: skip
    for args in (("validate",), ("evaluate", "--as-of", "31/12/2025", "--skip-invalid")):
        done = run(args[0], str(path), *args[1:])
        said = done.stdout + done.stderr
        assert done.returncode == 2 and "Traceback" not in said, said
        assert (
            "khac-cot.docx, sheet 'Bảng 2'\t\t3\t\t\tthis table has no header but 4 rows that "
            "look like people (a row number and a name), and its columns (6) are not those of "
            "the list in Bảng 1 (7), so those rows were not read as people" in said
        ), said


def test_a_table_of_people_under_a_table_that_is_no_list_is_an_error(tmp_path: Path) -> None:
    """Before: a headerless table of people under the signature block's table was folded
    into the text around the list. It continues no list: an error names it and its row."""
    first = with_groups([HEAD, NUMS, group("I", "CÁN BỘ"), *CADRES])
    signatures = ([["NGƯỜI LẬP BIỂU", "T/M ĐẢNG ỦY"]], [])
    rest = with_groups([group("II", "CÔNG CHỨC"), *CIVIL])
    path = write_docx(tmp_path / "sau-chu-ky.docx", [*TITLE, first, signatures, rest])
    with pytest.raises(cadre_core.RosterError) as caught:
        read_roster(path)
    assert [(p.file, p.row, p.key, p.severity) for p in caught.value.problems][:2] == [
        ("sau-chu-ky.docx", None, "no_list_header_in_table", "warning"),
        ("sau-chu-ky.docx, sheet 'Bảng 3'", 2, "headerless_people", "error"),
    ]
    assert caught.value.problems[0].table == "Bảng 2"


def test_an_empty_edge_column_or_a_split_grid_column_is_no_other_column(tmp_path: Path) -> None:
    """Before: a second table whose grid differs from the list's by a column that holds
    nothing was read as text and its people lost. A spare empty column at the second
    table's edge holds nothing, and a grid column
    no cell starts in (a name cell spanning two grid columns on every row, as Word makes
    when a border is moved in one table) is no column its user sees: the table is the
    list's rest. Empty columns that could lie under the list's columns in two ways (a
    column fewer, and an empty one at each edge) are an error, never a guess."""
    spare = with_groups([NUMS, group("II", "CÔNG CHỨC", 8), *[[*r, None] for r in CIVIL]])
    path = cut_list(tmp_path / "thua-cot.docx", second=spare)
    assert people(read_roster(path)) == EIGHT
    rows = [[r[0], r[1], None, *r[2:]] for r in CIVIL]  # the name's cell over two columns
    split = (rows, [(i, 1, i, 2) for i in range(len(rows))])
    path = cut_list(tmp_path / "tach-cot.docx", second=split)
    assert people(read_roster(path)) == EIGHT
    # a column fewer, empty ones at both edges: which of the list's columns is missing?
    both = ([[None, *r[:6], None] for r in CIVIL], [])
    path = cut_list(tmp_path / "hai-ben.docx", second=both)
    with pytest.raises(cadre_core.RosterError) as caught:
        read_roster(path)
    assert [(p.row, p.key) for p in caught.value.errors] == [(1, "headerless_people_columns")]


# ------------------------------------------------------------------ other kinds of document


def _page(tables: Sequence[Sequence[Row]]) -> bytes:
    """A Word "Web Page": the title, each table, a page break between them (Word writes it
    as a ``<br>`` with ``page-break-before``), the signatures."""

    def table(rows: Sequence[Row]) -> str:
        cells = "".join(
            "<tr>" + "".join(f"<td><p class=MsoNormal>{v or '&nbsp;'}</p></td>" for v in r)
            + "</tr>" for r in rows)  # fmt: skip
        return f"<table class=MsoTableGrid border=1>{cells}</table>"

    brk = ("<p class=MsoNormal><span><br clear=all style='page-break-before:always'></span>"
           "</p>")  # fmt: skip
    body = brk.join(table(t) for t in tables)
    title = "".join(f"<p class=MsoNormal>{line}</p>" for line in TITLE)
    signed = "".join(f"<p class=MsoNormal>{line}</p>" for line in SIGNED)
    return (
        "<html xmlns:w='urn:schemas-microsoft-com:office:word'><head><meta charset=utf-8>"
        f"</head><body><div class=WordSection1>{title}{body}{signed}</div></body></html>"
    ).encode()


def test_a_word_web_page_and_a_single_file_page_cut_in_two_read_every_person(
    tmp_path: Path,
) -> None:
    """Before: Word's "Web Page" (``.htm``) and "Single File Web Page" (``.mht``) of the
    list went through the same reading of a document's tables and lost the same four."""
    first = [HEAD, NUMS, ["I", "CÁN BỘ"], *CADRES]
    second = [NUMS, ["II", "CÔNG CHỨC"], *CIVIL]
    page = _page([first, second])
    htm = tmp_path / "danh-sach.htm"
    htm.write_bytes(page)
    mht = tmp_path / "danh-sach.mht"
    write_mhtml(mht, page)
    for path in (htm, mht):
        roster = read_roster(path)
        assert people(roster) == EIGHT, path
        assert [p[2] for p in problems(roster)].count("table_continues_list") == 1
        done = run("validate", str(path))
        assert done.returncode == 0 and "sheet 'Bảng 2'" in done.stdout, done.stdout


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is missing")
def test_an_older_doc_cut_in_two_reads_every_person(tmp_path: Path) -> None:
    """Before: the same list saved by Word 97-2003 (``.doc``, converted to ``.docx`` first)
    lost the same four civil servants."""
    old = libreoffice_convert(cut_list(tmp_path / "tach.docx"), "doc", tmp_path / "doc")
    assert people(read_roster(old)) == EIGHT
    done = run("validate", str(old))
    assert done.returncode == 0 and "sheet 'Bảng 2'" in done.stdout, done.stdout


# ------------------------------------------------------------------ the placing, as properties


@settings(max_examples=60, deadline=None)
@given(
    width=st.integers(min_value=3, max_value=9),
    left=st.integers(min_value=0, max_value=2),
    right=st.integers(min_value=0, max_value=2),
    blank_last=st.booleans(),
)
def test_empty_edge_columns_never_move_a_value(
    width: int, left: int, right: int, blank_last: bool
) -> None:
    """Before: no table was ever placed under another's header. A continuation's values
    land under the list's columns they were typed under,
    whatever empty columns are at its edges; when its last value is blank too and an empty
    column is at its left, the row could lie one column further: refused, never guessed."""
    head = ["STT", "Họ và tên", *[f"Ghi chú {i}" for i in range(width - 2)]]
    cells = pd.DataFrame([head, ["1", "Lò Văn An", *[f"a{i}" for i in range(width - 2)]]])
    header = find_header(cells)
    assert header is not None
    listing = listed("Bảng 1", Table(cells, [], []), header)
    row: list[str | None] = ["2", "Tao Thị Bình", *[f"b{i}" for i in range(width - 2)]]
    if blank_last:
        row[-1] = None
    typed = [*[None] * left, *row, *[None] * right]
    joined = continuation(listing, Table(pd.DataFrame([typed]), [], []))
    if blank_last and left:
        assert joined is None
        return
    assert joined is not None
    table, above, _ = joined
    assert above == 1
    assert table.cells.iloc[above].tolist() == row


@settings(max_examples=8, deadline=None)
@given(at=st.integers(min_value=1, max_value=7), numbers=st.booleans())
def test_wherever_the_list_is_cut_every_person_is_read(
    tmp_path_factory: pytest.TempPathFactory, at: int, numbers: bool
) -> None:
    """Before: the people after the cut were lost, wherever it was. Cut after any person,
    with or without the column numbers at the second table's top, the list reads as the
    whole list does."""
    rows = [*CADRES, *CIVIL]
    first = ([HEAD, NUMS, *rows[:at]], [])
    second = ([*([NUMS] if numbers else []), *rows[at:]], [])
    folder = tmp_path_factory.mktemp("cut")
    whole = read_roster(
        write_docx(folder / "ca.docx", [*TITLE, ([HEAD, NUMS, *rows], []), *SIGNED])
    )
    cut = read_roster(write_docx(folder / "tach.docx", [*TITLE, first, PAGE, second, *SIGNED]))
    assert people(cut) == people(whole) == EIGHT
