"""Spreadsheet error values saved as text, wherever a list or a table can come from.

A CSV file, a web page and a workbook's error cells were marked already
(``tests/test_error_text_cells.py``, ``tests/test_error_cells.py``). Three sources were
not: a Word list (``.docx``, and a ``.doc`` LibreOffice converts), whose table a clerk
pastes from Excel with its ``#N/A`` cells; a parquet table's text column; and the header
of a table saved as CSV (or of any table), where ``#REF!`` was said as an unknown column
("did you mean ...?"). Each goes through the one mechanism now
(:func:`~cadre_core.roster._cell_errors.error_texts`), and Google Sheets' ``#ERROR!`` is
one of the error values. Each test builds its file, reads it through ``read_roster`` and
the real ``cadre`` command, and says what was wrong before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pandas as pd
import pytest
from conftest import SOFFICE, libreoffice_convert
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run
from openpyxl.utils import get_column_letter

from cadre_core import RosterError, read_roster, sample_roster
from cadre_core.roster._cell_errors import ERROR_TEXT, error_texts, header_error

TITLE = "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ NẬM TĂM (tính đến ngày 31/12/2025)"
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
PEOPLE = [
    ["1", "Lò Văn An", "12/03/1975", "Nam", "#N/A", "Đại học Luật"],
    ["2", "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã (#N/A)", "#VALUE!"],
    ["3", "Vàng A Chứ", "20/01/1990", "Nam", "Phó Chủ tịch UBND xã", "#VALUE!"],
    ["4", "Giàng Thị Dung", "30/11/1988", "Nữ", "Công chức Văn hóa - Xã hội", "Cao đẳng"],
]


def _word_list(path: Path) -> Path:
    """A list as a clerk makes it in Word, its table pasted from Excel: the title and a
    line "#REF!" (a paragraph, no cell) above it; "#N/A" as Lò Văn An's post; "#VALUE!"
    as the degree of Tao Thị Bình and Vàng A Chứ, one cell merged down over both rows
    (``w:vMerge``); "Chủ tịch UBND xã (#N/A)" a title holding an error text inside it."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("#REF!")
    table = document.add_table(rows=len(PEOPLE) + 1, cols=len(HEADER))
    for r, row in enumerate([HEADER, *PEOPLE]):
        for c, text in enumerate(row):
            if (r, c) != (3, 5):  # under the merged cell: its text is the first row's
                table.cell(r, c).text = text
    table.cell(2, 5).merge(table.cell(3, 5))
    merged = table.rows[2].cells[5]._tc.tcPr.find(qn("w:vMerge"))
    assert merged is not None and merged.get(qn("w:val")) == "restart"
    document.add_paragraph("Nậm Tăm, ngày 05 tháng 01 năm 2026")
    document.save(str(path))
    return path


def _said(problems: Any) -> list[tuple[Any, ...]]:
    return sorted(
        ((p.file, p.table, p.row, p.column, p.value, p.key, p.severity, p.scope)
         for p in problems if p.key and "error" in p.key),
        key=repr,
    )  # fmt: skip


WORD_ERRORS = [
    # (table, row of the Word table, column, value)
    ("degrees", 3, "Trình độ chuyên môn (column F)", "#VALUE!"),
    ("degrees", 4, "Trình độ chuyên môn (column F)", "#VALUE!"),
    ("positions", 2, "Chức vụ (column E)", "#N/A"),
]


def _word_check(path: Path) -> None:
    where = f"{path.name}, sheet 'Bảng 1'"
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    assert _said(refused.value.problems) == sorted(
        ((where, t, r, c, v, "error_cell", "error", None) for t, r, c, v in WORD_ERRORS),
        key=repr,
    )
    assert len(refused.value.errors) == 3  # nothing else said of the three cells
    roster = read_roster(path, skip_invalid=True)
    assert sorted((p.table, p.row, p.scope, p.value) for p in roster.skipped) == [
        ("degrees", 3, "row", "#VALUE!"),
        ("degrees", 4, "row", "#VALUE!"),
        ("positions", 2, "cell", "#N/A"),
    ]
    cadres = roster.cadres
    assert cadres["full_name"].tolist() == [p[1] for p in PEOPLE]
    ids = dict(zip(cadres["full_name"], cadres["cadre_id"], strict=True))
    assert roster.degrees[["cadre_id", "level", "field"]].fillna("").values.tolist() == [
        [ids["Lò Văn An"], "dai_hoc", "Luật"],
        [ids["Giàng Thị Dung"], "cao_dang", ""],
    ]
    held = roster.assignments.merge(roster.positions[["position_code", "title"]],
                                    on="position_code")  # fmt: skip
    titles = dict(zip(held["cadre_id"], held["title"], strict=True))
    assert pd.isna(titles[ids["Lò Văn An"]])  # the post's title is not known
    assert titles[ids["Tao Thị Bình"]] == "Chủ tịch UBND xã (#N/A)"  # a value, as typed
    # the paragraph "#REF!" above the table is a line of the title, no cell
    assert not [p for p in roster.problems if p.key == "error_cell_not_read"]
    assert not [p for p in roster.problems if p.severity == "error"]


def test_a_word_list_says_its_error_texts_on_their_rows(tmp_path: Path) -> None:
    """Before, the Word list read "#N/A" as Lò Văn An's post title (a post titled "#N/A",
    only warned as a title of no known category) and refused "#VALUE!" as "not one of
    trung_cap, ..." on both rows of its merged cell. Now each is an error of its row and
    column naming the error value, as in a CSV list; ``--skip-invalid`` sets the title's
    cell and the two degrees aside and reads every person."""
    _word_check(_word_list(tmp_path / "ds.docx"))


def test_the_command_says_a_word_lists_error_texts(tmp_path: Path) -> None:
    """Through the real ``cadre`` command: before, ``cadre evaluate --skip-invalid``
    read a post titled "#N/A"; now ``cadre validate`` exits 2 naming each error value on
    its row and column, and ``cadre evaluate --skip-invalid`` lists the cells set aside."""
    path = _word_list(tmp_path / "ds.docx")
    refused = run("validate", str(path))
    assert refused.returncode == 2, refused.stdout + refused.stderr
    said = refused.stdout + refused.stderr  # (a refused roster's problems: on stderr)
    lines = [line.split("\t") for line in said.splitlines() if "\t" in line]
    failed = [cells[1:6] for cells in lines if "formula that failed" in "\t".join(cells)]
    where = "ds.docx, sheet 'Bảng 1'"
    assert sorted(failed) == sorted([where, t, str(r), c, repr(v)] for t, r, c, v in WORD_ERRORS)
    assert "Traceback" not in refused.stderr
    read = run("evaluate", str(path), "--skip-invalid", "--format", "json")
    assert read.returncode == 0, read.stderr
    skipped = json.loads(read.stdout)["skipped"]
    assert sorted((s["table"], s["row"], s["scope"], s["value"]) for s in skipped) == [
        ("degrees", 3, "row", "#VALUE!"),
        ("degrees", 4, "row", "#VALUE!"),
        ("positions", 2, "cell", "#N/A"),
    ]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is missing")
def test_a_word_97_list_says_its_error_texts_too(tmp_path: Path) -> None:
    """A ``.doc`` (Word 97-2003, converted by LibreOffice to be read) holding the same
    table: before, as the ``.docx``, its error texts were values; now the same errors on
    the same rows and columns, the same people read with ``--skip-invalid``."""
    old = libreoffice_convert(_word_list(tmp_path / "ds.docx"), "doc", tmp_path / "doc")
    _word_check(old)
    refused = run("validate", str(old))
    assert refused.returncode == 2 and "'#N/A'" in refused.stderr, refused.stderr


# ---------------------------------------------------------------- parquet tables


def _parquet(folder: Path, kind: str) -> Path:
    """The sample roster as a folder of parquet tables, "#N/A" as the second post's title
    and " #VALUE! " (spaces around it) as the first degree's level, in columns of text
    (``kind="string"``) or of categories (``"category"``, as pandas writes a categorical:
    a dictionary column)."""
    sample_roster().write(folder, format="parquet")
    for name, column, row, text in (("positions", "title", 1, "#N/A"),
                                    ("degrees", "level", 0, " #VALUE! ")):  # fmt: skip
        frame = pd.read_parquet(folder / f"{name}.parquet")
        values = frame[column].astype(object)
        values.iloc[row] = text
        frame[column] = values.astype(kind)
        frame.to_parquet(folder / f"{name}.parquet", index=False)
    return folder


@pytest.mark.parametrize("kind", ["string", "category"])
def test_a_parquet_tables_error_texts_are_errors_of_their_rows(tmp_path: Path, kind: str) -> None:
    """Before, a parquet table's text was read as it is: "#N/A" became a post's title and
    "#VALUE!" was refused as a level that is none. Now each is the error of its row (a
    parquet table's rows are numbered from 1) and column, as in a CSV table, its value
    trimmed; ``--skip-invalid`` sets the title's cell and the degree's row aside."""
    folder = _parquet(tmp_path / "r", kind)
    assert isinstance(pd.read_parquet(folder / "positions.parquet")["title"].dtype,
                      pd.CategoricalDtype if kind == "category" else pd.StringDtype)  # fmt: skip
    with pytest.raises(RosterError) as refused:
        read_roster(folder)
    assert _said(refused.value.problems) == [
        ("r/degrees.parquet", "degrees", 1, "level", "#VALUE!", "error_cell", "error", None),
        ("r/positions.parquet", "positions", 2, "title", "#N/A", "error_cell", "error", None),
    ]
    assert len(refused.value.errors) == 2
    roster = read_roster(folder, skip_invalid=True)
    assert sorted((p.table, p.row, p.scope, p.value) for p in roster.skipped) == [
        ("degrees", 1, "row", "#VALUE!"),
        ("positions", 2, "cell", "#N/A"),
    ]
    sample = sample_roster()
    assert pd.isna(roster.positions["title"].iloc[1])
    assert roster.positions["title"].drop(index=1).tolist() == (
        sample.positions["title"].drop(index=1).tolist()
    )
    assert len(roster.degrees) == len(sample.degrees) - 1
    read = run("evaluate", str(folder), "--skip-invalid", "--format", "json")
    assert read.returncode == 0, read.stderr
    skipped = json.loads(read.stdout)["skipped"]
    assert sorted((s["table"], s["row"], s["scope"], s["value"]) for s in skipped) == [
        ("degrees", 1, "row", "#VALUE!"),
        ("positions", 2, "cell", "#N/A"),
    ]


# ---------------------------------------------------------------- a table's header


def _csv_with_headers(folder: Path) -> Path:
    """The sample roster as CSV tables, the cadres' last header "#NAME?" and the
    positions' "#REF!" (formulas that failed when the sheet was saved as CSV)."""
    sample_roster().write(folder, format="csv")
    for name, text in (("cadres", "#NAME?"), ("positions", " #REF! ")):
        frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        frame[text] = ""
        frame.loc[0, text] = "x"
        frame.to_csv(folder / f"{name}.csv", index=False)
    return folder


def _header_problems(problems: Any) -> list[tuple[Any, ...]]:
    return sorted(
        [(p.file, p.table, p.row, p.column, p.key, p.severity, p.scope, p.suggestion,
          dict(p.args))
         for p in problems if p.table in ("cadres", "positions") and p.value is None
         and (p.key or "").startswith(("error", "not_a_column"))],
        key=repr,
    )  # fmt: skip


def test_a_csv_tables_header_that_is_an_error_value_is_said_as_such(tmp_path: Path) -> None:
    """Before, a CSV table's header "#NAME?" was said as an unknown column ("not a column
    of table cadres, best guess full_name") and "#REF!" as "not a column ... (no close
    header)", the error value never named. Now the header's cell (row 1) is said as a
    workbook table's header cell is, and its column as one whose header is a formula that
    failed, with no guess; ``strict_columns`` makes the column an error as any unread one."""
    folder = _csv_with_headers(tmp_path / "r")
    roster = read_roster(folder)
    # the headers' cells: each the last of its file's first row
    last = {name: get_column_letter(len(pd.read_csv(folder / f"{name}.csv", nrows=0).columns))
            for name in ("cadres", "positions")}  # fmt: skip
    assert _header_problems(roster.problems) == [
        ("r/cadres.csv", "cadres", 1, None, "error_cell_not_read", "warning", None, None,
         {"cell": f"{last['cadres']}1", "error": "#NAME?"}),
        ("r/cadres.csv", "cadres", None, "#NAME?", "error_header", "warning", "column", None,
         {"table": "cadres", "error": "#NAME?"}),
        ("r/positions.csv", "positions", 1, None, "error_cell_not_read", "warning", None, None,
         {"cell": f"{last['positions']}1", "error": "#REF!"}),
        ("r/positions.csv", "positions", None, " #REF! ", "error_header", "warning", "column",
         None, {"table": "positions", "error": "#REF!"}),
    ]  # fmt: skip
    header = next(p for p in roster.problems if p.key == "error_header" and p.table == "cadres")
    assert header.describe() == (
        "r/cadres.csv, table cadres, column #NAME?: the header holds #NAME?, the result of a "
        "formula that failed (an error value of the spreadsheet), not the name of a column of "
        "table cadres, so the column was not read: correct the formula or type the column's "
        "header"
    )
    assert header.describe("vi") == (
        "r/cadres.csv, bảng cadres (Cán bộ), cột #NAME?: tiêu đề chứa #NAME?, kết quả của một "
        "công thức bị lỗi (giá trị lỗi của bảng tính), không phải tên một cột của bảng cadres "
        "(Cán bộ) nên cột không được đọc: hãy sửa công thức hoặc gõ tiêu đề của cột"
    )
    assert roster.row_counts() == sample_roster().row_counts()  # the rest read as before
    with pytest.raises(RosterError) as strict:
        read_roster(folder, strict_columns=True)
    assert sorted((p.table, p.key) for p in strict.value.errors) == [
        ("cadres", "error_header"),
        ("positions", "error_header"),
    ]
    out = run("validate", str(folder), "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    said = json.loads(out.stdout)["problems"]
    assert sorted([(p["table"], p["row"], p["column"], p["key"]) for p in said
                   if "error" in p["key"]], key=repr) == [
        ("cadres", 1, None, "error_cell_not_read"),
        ("cadres", None, "#NAME?", "error_header"),
        ("positions", 1, None, "error_cell_not_read"),
        ("positions", None, " #REF! ", "error_header"),
    ]  # fmt: skip
    assert not [p for p in said if p["key"].startswith("not_a_column")]
    text = run("validate", str(folder))
    assert "the header holds #NAME?, the result of a formula that failed" in text.stdout
    assert "did you mean" not in text.stdout


def test_a_workbook_tables_header_that_is_an_error_value_is_said_as_such(
    tmp_path: Path,
) -> None:
    """The same in a workbook of tables: its header cell holding "#N/A" was said as a
    cell not read and as an unknown column, "best guess party_committee". Now the column
    is one whose header is a formula that failed, no guess."""
    path = sample_roster().write(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["cadres"]
    ws.cell(1, ws.max_column + 1, "#N/A").data_type = "e"
    wb.save(path)
    roster = read_roster(path)
    said = [(p.row, p.column, p.key, p.suggestion) for p in roster.problems
            if p.table == "cadres" and p.severity == "warning"]  # fmt: skip
    assert said == [(1, None, "error_cell_not_read", None), (None, "#N/A", "error_header", None)]
    out = run("validate", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "the header holds #N/A" in out.stdout and "best guess" not in out.stdout


# ---------------------------------------------------------------- Google's #ERROR!


def test_google_sheets_error_is_an_error_value(tmp_path: Path) -> None:
    """Google Sheets shows "#ERROR!" for a formula it cannot parse, and writes it into a
    CSV file it downloads. Before, it was read as Lò Văn An's post title; now it is an
    error of its row and column, as "#N/A" is. "ERROR!" without its "#" and "#ERROR"
    without its "!" are values."""
    path = tmp_path / "ds.csv"
    rows = [[TITLE, "", "", "", "", ""], HEADER, ["1", "Lò Văn An", "12/03/1975", "Nam", "#ERROR!", "Đại học"],
            ["2", "Tao Thị Bình", "05/07/1982", "Nữ", "#ERROR", "Đại học"],
            ["3", "Vàng A Chứ", "20/01/1990", "Nam", "ERROR!", "Cao đẳng"]]  # fmt: skip
    pd.DataFrame(rows).to_csv(path, index=False, header=False)
    assert ERROR_TEXT.fullmatch("#ERROR!") and not ERROR_TEXT.fullmatch("#ERROR")
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    assert [(p.table, p.row, p.column, p.value, p.key) for p in refused.value.errors] == [
        ("positions", 3, "Chức vụ (column E)", "#ERROR!", "error_cell")
    ]
    out = run("validate", str(path))
    assert out.returncode == 2 and "the cell holds #ERROR!" in out.stderr, out.stderr


# ---------------------------------------------------------------- the one mechanism

ERROR_VALUES = ["#N/A", "#REF!", "#NAME?", "#ERROR!", "#SPILL!", "Err:502"]
TEXTS = st.one_of(
    st.sampled_from(ERROR_VALUES),
    st.builds(
        lambda e, a, b: f"{a}{e}{b}",
        st.sampled_from(ERROR_VALUES),
        st.sampled_from(["", " ", "\t"]),
        st.sampled_from(["", " ", "\n"]),
    ),
    st.builds(lambda e, t: f"{t}{e}", st.sampled_from(ERROR_VALUES), st.text(min_size=1)),
    st.sampled_from(["N/A", "#ERROR", "ERROR!", "#n/a", "Err:50", "Đại học"]),
    st.text(max_size=8),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(TEXTS, st.none()), min_size=1, max_size=12))
def test_a_column_is_found_the_same_whatever_its_dtype(values: list[str | None]) -> None:
    """A column of text is found the same as text (a CSV's, a Word table's), as pandas'
    strings (a parquet table's) and as categories (a parquet dictionary column, which
    ``error_texts`` skipped before as "no text"), and a header is an error value exactly
    when its cell would be one."""
    expected = {
        (r, 0): v.strip()
        for r, v in enumerate(values)
        if isinstance(v, str) and ERROR_TEXT.fullmatch(v.strip())
    }
    column = pd.Series(values, dtype=object)
    for kind in (object, "string", "category"):
        assert error_texts(column.astype(kind).to_frame()) == expected, kind
    assert {(r, 0): e for r, v in enumerate(values)
            if (e := header_error(v)) is not None} == expected  # fmt: skip
