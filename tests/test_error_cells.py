"""Excel error values (``#N/A``, ``#VALUE!``, ``#REF!``: a formula that failed) and
formulas with no saved value are never read as blank cells: each is an error naming the
file, the sheet, the row, the column and the error value, on the row of the person (or of
the table) it is in, which ``--skip-invalid`` sets aside as it sets aside any bad value of
that column; outside the cells read (a title, a total, a signature row) it is a warning
naming the cell. The same in every workbook format whose file keeps the error: ``.xlsx``,
``.xlsb``, ``.xls`` and ``.ods``."""

from __future__ import annotations

import datetime as dt
import json
import struct
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import SOFFICE, libreoffice_convert
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run
from xlsb_writer import record, sheet_part, write_xlsb

from cadre_core import RosterError, read_roster, sample_roster
from cadre_core.roster._sheets import CELL_ERRORS, NO_VALUE, cell_marks, read_sheets, xlsx_marks
from cadre_core.roster._xls import workbook_errors, xls_errors

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"
    for c, h in enumerate(HEADER, 1):
        ws.cell(3, c, h)
    rows = [
        (1, "Lò Văn An", "#REF!", "Nam", "Bí thư Đảng ủy xã", "#N/A"),
        (2, "Tao Thị Bình", dt.datetime(1982, 7, 5), "Nữ", "Chủ tịch UBND xã", "Đại học Luật"),
        (3, "Vàng A Chứ", dt.datetime(1990, 1, 20), "Nam", "#VALUE!", "Cao đẳng"),
    ]
    for i, row in enumerate(rows, 4):
        for c, v in enumerate(row, 1):
            ws.cell(i, c, v)  # openpyxl writes "#N/A" as an error cell (t="e")
    wb.save(path)
    return path


def test_error_cells_are_kept_as_their_text(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "ds.xlsx")
    marks = xlsx_marks(path)
    assert marks["Danh sách"][1] == {(3, 2): "#REF!", (3, 5): "#N/A", (5, 4): "#VALUE!"}
    sheets, _ = read_sheets(path)
    grid = sheets["Danh sách"]
    assert (grid.iat[3, 2], grid.iat[3, 5], grid.iat[5, 4]) == ("#REF!", "#N/A", "#VALUE!")
    assert grid.attrs[CELL_ERRORS] == marks["Danh sách"][1]


@pytest.mark.parametrize("skip_invalid", [False])
def test_error_cells_are_refused_with_their_place(tmp_path: Path, skip_invalid: bool) -> None:
    """Without ``--skip-invalid`` the list is refused, each error cell named. (This test
    also pinned that ``skip_invalid=True`` refused the whole file: that was the defect,
    now :func:`test_skip_invalid_sets_aside_the_error_cells_and_reads_the_rest`.)"""
    path = _workbook(tmp_path / "ds.xlsx")
    with pytest.raises(RosterError) as refused:
        read_roster(path, skip_invalid=skip_invalid)
    said = {
        (p.file, p.row, p.column, p.value)
        for p in refused.value.problems
        if p.key == "error_cell" and p.severity == "error"
    }
    where = "ds.xlsx, sheet 'Danh sách'"
    assert said == {
        (where, 4, "Ngày sinh (column C)", "#REF!"),
        (where, 4, "Trình độ chuyên môn (column F)", "#N/A"),
        (where, 6, "Chức vụ (column E)", "#VALUE!"),
    }
    text = next(p for p in refused.value.problems if p.value == "#N/A").describe()
    assert "#N/A" in text and "formula that failed" in text


def test_a_workbook_without_error_cells_is_read_as_before(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append([1, "Lò Văn An", "12/03/1975", "Nam", "Chủ tịch UBND xã", "Đại học Luật"])
    wb.save(tmp_path / "ok.xlsx")
    assert xlsx_marks(tmp_path / "ok.xlsx") == {}
    sheets, _ = read_sheets(tmp_path / "ok.xlsx")
    assert CELL_ERRORS not in next(iter(sheets.values())).attrs


# ----------------------------------------------------------- a list's rows, set aside

WHERE = "ds.xlsx, sheet 'Danh sách'"


def test_skip_invalid_sets_aside_the_error_cells_and_reads_the_rest(tmp_path: Path) -> None:
    """Before, an error cell refused the whole file even under ``--skip-invalid`` (it was
    said when the file was read, not on its row). Now each is a problem of its person's
    row and column, set aside as a bad value there is: a birth date's cell alone, the
    degree's row, the post's title cell; every person is read."""
    path = _workbook(tmp_path / "ds.xlsx")
    roster = read_roster(path, skip_invalid=True)
    assert sorted((p.table, p.row, p.column, p.scope, p.key, p.value) for p in roster.skipped) == [
        ("cadres", 4, "Ngày sinh (column C)", "cell", "error_cell", "#REF!"),
        ("degrees", 4, "Trình độ chuyên môn (column F)", "row", "error_cell", "#N/A"),
        ("positions", 6, "Chức vụ (column E)", "cell", "error_cell", "#VALUE!"),
    ]
    assert {p.file for p in roster.skipped} == {WHERE}
    cadres = roster.cadres
    assert cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình", "Vàng A Chứ"]
    assert cadres["birth_date"].isna().tolist() == [True, False, False]
    assert roster.degrees[["cadre_id", "level"]].values.tolist() == [
        ["DS0005", "dai_hoc"],
        ["DS0006", "cao_dang"],
    ]
    held = roster.assignments
    by_holder = dict(zip(held["cadre_id"], held["position_code"], strict=True))
    titles = dict(zip(roster.positions["position_code"], roster.positions["title"], strict=True))
    assert titles[by_holder["DS0004"]] == "Bí thư Đảng ủy xã"
    assert pd.isna(titles[by_holder["DS0006"]])  # the post's title is not known
    assert not [p for p in roster.problems if p.severity == "error"]
    said = roster.skipped[0].describe("vi")
    assert "'#REF!'" in said and "công thức bị lỗi" in said and "dòng 4" in said


def test_the_command_refuses_then_sets_aside(tmp_path: Path) -> None:
    """Through the real ``cadre`` command: exit 2 without ``--skip-invalid``, each error
    cell named; exit 0 with it, the rows and cells set aside listed."""
    path = _workbook(tmp_path / "ds.xlsx")
    refused = run("validate", str(path))
    assert refused.returncode == 2, refused.stderr
    said = refused.stdout + refused.stderr
    lines = [line for line in said.splitlines() if "formula that failed" in line]
    assert [line.split("\t")[2:6] for line in lines] == [
        ["cadres", "4", "Ngày sinh (column C)", "'#REF!'"],
        ["positions", "6", "Chức vụ (column E)", "'#VALUE!'"],
        ["degrees", "4", "Trình độ chuyên môn (column F)", "'#N/A'"],
    ]
    assert "Traceback" not in refused.stderr
    read = run("evaluate", str(path), "--skip-invalid", "--format", "json")
    assert read.returncode == 0, read.stderr
    skipped = json.loads(read.stdout)["skipped"]
    assert sorted((s["table"], s["row"], s["scope"], s["value"]) for s in skipped) == [
        ("cadres", 4, "cell", "#REF!"),
        ("degrees", 4, "row", "#N/A"),
        ("positions", 6, "cell", "#VALUE!"),
    ]


def _list_around(path: Path) -> Path:
    """A list with error cells outside what is read: a title line, a total row, the row
    under the signatures, a person's row number and a column that is not read."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"
    ws["C2"] = "#REF!"  # a title line computed by a formula that failed
    for c, h in enumerate([*HEADER, "Đảng viên"], 1):
        ws.cell(3, c, h)
    ws.append([1, "Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật", "#N/A"])
    ws.append(["#VALUE!", "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Cao đẳng"])
    ws.append([None, "Tổng cộng", None, None, None, "#DIV/0!"])
    ws.append([None, "Người lập biểu"])
    ws.append([None, None, None, None, "#NAME?"])
    wb.save(path)
    return path


def test_error_cells_outside_the_people_are_warnings_naming_the_cell(tmp_path: Path) -> None:
    """Before, an error cell anywhere (a title line, a total, under the signatures)
    refused the whole list. Now one outside the cells read is a warning naming the cell;
    under a column that is not read ("Đảng viên", said as such) or in the row numbers'
    column it says nothing more; the people are read."""
    path = _list_around(tmp_path / "ds.xlsx")
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình"]
    said = [(p.row, p.column, dict(p.args)["cell"], dict(p.args)["error"])
            for p in roster.problems if p.key == "error_cell_not_read"]  # fmt: skip
    assert said == [
        (2, None, "C2", "#REF!"),
        (6, "Trình độ chuyên môn (column F)", "F6", "#DIV/0!"),
        (8, "Chức vụ (column E)", "E8", "#NAME?"),
    ]
    assert all(p.severity == "warning" and p.file == WHERE for p in roster.problems
               if p.key == "error_cell_not_read")  # fmt: skip
    assert [p.column for p in roster.problems if p.key == "column_not_read"] == [
        "Đảng viên (column G)"
    ]
    checked = run("validate", str(path))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "the cell E8 holds #NAME?" in checked.stdout + checked.stderr


# ----------------------------------------------------- formulas with no saved value


def _formulas_never_calculated(path: Path) -> Path:
    """A list as openpyxl writes it: formulas without their values (row numbers, an age,
    a name, a line of the title)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"
    ws["A2"] = '=CONCATENATE("Xã ", "Nậm Tăm")'
    for c, h in enumerate([*HEADER, "Tuổi"], 1):
        ws.cell(3, c, h)
    people = [
        ("Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"),
        ('=PROPER("tao thị bình")', "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Cao đẳng"),
        ("Vàng A Chứ", "20/01/1990", "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học"),
    ]
    for person in people:
        ws.append(["=ROW()-3", *person, f"=2025-{person[1][-4:]}"])
    wb.save(path)
    return path


def test_a_formula_without_its_value_is_said_on_its_row(tmp_path: Path) -> None:
    """Before, a formula the writing program never calculated was read as a blank cell:
    a person whose name is a formula was only "a row with no name". Now the cell is an
    error on the person's row and column saying how to fix it; formulas in the row
    numbers and in a column not read ("Tuổi") say nothing, one in a title line is a
    warning."""
    path = _formulas_never_calculated(tmp_path / "ds.xlsx")
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    said = [(p.file, p.table, p.row, p.column, p.value, p.key, p.severity)
            for p in refused.value.problems if p.key and "formula" in p.key]  # fmt: skip
    assert said == [
        (WHERE, None, 2, None, None, "formula_not_read", "warning"),
        (WHERE, "cadres", 5, "Họ và tên (column B)", None, "formula_no_value", "error"),
    ]
    (error,) = refused.value.errors
    assert "open the workbook in Excel or LibreOffice, save it" in error.describe()
    assert "mở tệp bằng Excel hoặc LibreOffice" in error.describe("vi")
    assert not [p for p in refused.value.problems if p.key == "row_no_person"]

    roster = read_roster(path, skip_invalid=True)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Vàng A Chứ"]
    assert sorted((p.table, p.row, p.scope, p.key) for p in roster.skipped) == [
        ("assignments", 5, "row", "with_its_row"),
        ("cadres", 5, "row", "formula_no_value"),
        ("degrees", 5, "row", "with_its_row"),
    ]
    checked = run("validate", str(path))
    assert checked.returncode == 2
    assert "the cell holds a formula with no saved value" in checked.stdout + checked.stderr
    assert run("validate", str(path), "--skip-invalid").returncode == 0


def test_a_total_row_of_formulas_never_calculated_says_nothing(tmp_path: Path) -> None:
    """A total row under the people ("Tổng cộng", a count in each column) written by a
    program that never calculated it: its sums are never read, so its formulas without
    a value are no problem (a warning per cell was only noise); the people are read."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "DANH SÁCH CÁN BỘ XÃ NẬM TĂM (tính đến ngày 31/12/2025)"
    ws.append([])
    ws.append(HEADER)
    ws.append([1, "Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"])
    ws.append([2, "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Cao đẳng"])
    ws.append([None, "Tổng cộng", "=COUNTA(C4:C5)", "=COUNTA(D4:D5)", None, "=COUNTA(F4:F5)"])
    wb.save(tmp_path / "ds.xlsx")
    roster = read_roster(tmp_path / "ds.xlsx")
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình"]
    assert not [p for p in roster.problems if p.key and "formula" in p.key]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_the_same_workbook_saved_by_libreoffice_is_read_whole(tmp_path: Path) -> None:
    """Opened and saved once (LibreOffice here), the formulas hold their values: the list
    reads with the name the formula makes, and nothing is said of formulas."""
    path = _formulas_never_calculated(tmp_path / "ds.xlsx")
    saved = libreoffice_convert(path, "xlsx", tmp_path / "saved")
    assert xlsx_marks(saved) == {}
    roster = read_roster(saved)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình", "Vàng A Chứ"]
    assert not [p for p in roster.problems if p.key and "formula" in p.key]


# ---------------------------------------------------------- a workbook of tables


def _tables_with_errors(path: Path) -> Path:
    """The sample roster as a workbook of tables, with an error in a post's title, in a
    birth date, and in a title line above the cadres' header."""
    sample_roster().write(path)
    wb = openpyxl.load_workbook(path)
    wb["positions"].cell(3, 2, "#VALUE!")
    cadres = wb["cadres"]
    cadres.cell(4, 3, "#N/A")
    cadres.insert_rows(1)
    cadres.cell(1, 1, "#REF!")
    wb.save(path)
    return path


def test_a_workbook_of_tables_says_each_error_cell_on_its_row(tmp_path: Path) -> None:
    """Before, the tables format read "#VALUE!" in a post's title as the title, and an
    error in a date as a bad date. Now each is the error of its row and column; one above
    a table's header is a warning naming the cell; ``--skip-invalid`` sets the cells
    aside and reads the rest."""
    path = _tables_with_errors(tmp_path / "r.xlsx")
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    said = sorted((p.table, p.row, p.column, p.value, p.key, p.severity)
                  for p in refused.value.problems if p.key and "error_cell" in p.key)  # fmt: skip
    assert said == [
        ("cadres", 1, None, None, "error_cell_not_read", "warning"),
        ("cadres", 5, "birth_date", "#N/A", "error_cell", "error"),
        ("positions", 3, "title", "#VALUE!", "error_cell", "error"),
    ]
    assert len(refused.value.errors) == 2  # nothing else said of the two cells
    roster = read_roster(path, skip_invalid=True)
    assert sorted((p.table, p.row, p.scope, p.key) for p in roster.skipped) == [
        ("cadres", 5, "cell", "error_cell"),
        ("positions", 3, "cell", "error_cell"),
    ]
    assert len(roster.cadres) == len(sample_roster().cadres)
    assert "#VALUE!" not in roster.positions["title"].tolist()


# ----------------------------------------------------------- every workbook format

LIST_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
FAILING = [
    [1, "Lò Văn An", "=NA()", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"],
    [2, "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "=1/0"],
    [3, "Vàng A Chứ", "20/01/1990", "Nam", "=FOO()", "Cao đẳng"],
]
SAID = {
    (2, "Ngày sinh (column C)", "#N/A"),
    (3, "Trình độ chuyên môn (column F)", "#DIV/0!"),
    (4, "Chức vụ (column E)", "#NAME?"),
}


def _failing_list(path: Path) -> Path:
    """The list of :data:`FAILING` rows under :data:`LIST_HEADER`, as openpyxl writes it
    (its formulas uncalculated until LibreOffice converts it)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    for row in [LIST_HEADER, *FAILING]:
        ws.append(row)
    wb.save(path)
    return path


def _said(path: Path) -> set[tuple[int | None, str | None, str | None]]:
    with pytest.raises(RosterError) as refused:
        read_roster(path, list_date=dt.date(2025, 12, 31))
    return {(p.row, p.column, p.value) for p in refused.value.errors if p.key == "error_cell"}


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("kind", ["xls", "ods", "xlsx"])
def test_error_cells_of_every_format_libreoffice_writes(tmp_path: Path, kind: str) -> None:
    """Before, an ``.xls``'s or an ``.ods``'s error cells were read as blank cells
    (calamine gives no error there): a person with no birth date, no degree, no post.
    Now the ``.xls``'s records (a formula's error result) and the ``.ods``'s content
    (``calcext:value-type="error"``) name them, as an ``.xlsx``'s ``t="e"`` does."""
    path = libreoffice_convert(_failing_list(tmp_path / "ds.xlsx"), kind, tmp_path / "out")
    marks = cell_marks(path)["Danh sách"][1]
    assert marks == {(1, 2): "#N/A", (2, 5): "#DIV/0!", (3, 4): "#NAME?"}
    assert _said(path) == SAID
    read = run("evaluate", str(path), "--skip-invalid", "--list-date", "31/12/2025")
    assert read.returncode == 0, read.stderr


def _xlsb_with_errors(path: Path, rows: list[list[object]], errors: dict[tuple[int, int], int],
                      formulas: bool = False) -> Path:  # fmt: skip
    """An ``.xlsb`` of ``rows`` with an error value (by its code) in the cells ``errors``:
    a ``BrtCellError`` (typed in), or a ``BrtFmlaError`` (a formula's result)."""
    plain = [[None if (r, c) in errors else v for c, v in enumerate(row)]
             for r, row in enumerate(rows)]  # fmt: skip
    strings: dict[str, int] = {}
    sheet_part(plain, [], strings)  # the shared strings in the order the writer numbers them
    width = max(len(row) for row in rows)
    dimension = struct.pack("<4I", 0, len(rows) - 1, 0, width - 1)
    out = [record(0x81), record(0x94, dimension), record(0x91)]  # BrtWsDim, as Excel writes
    for r, row in enumerate(rows):
        out.append(record(0x00, struct.pack("<IIHBBBI", r, 0, 300, 0, 0, 0, 0)))
        for c, value in enumerate(row):
            head = struct.pack("<II", c, 0)
            if (r, c) in errors and formulas:  # the error, its flags, an empty formula
                out.append(record(0x0B, head + bytes([errors[r, c]]) + bytes(2 + 8)))
            elif (r, c) in errors:
                out.append(record(0x03, head + bytes([errors[r, c]])))
            elif isinstance(value, int | float):
                out.append(record(0x05, head + struct.pack("<d", float(value))))
            elif value is not None:
                out.append(record(0x07, head + struct.pack("<I", strings[str(value)])))
    part = b"".join(out) + record(0x92) + record(0x82)
    return write_xlsb(path, {"Danh sách": (plain, [])}, parts={"1": part})


@pytest.mark.parametrize("formulas", [False, True])
def test_error_cells_of_an_xlsb(tmp_path: Path, formulas: bool) -> None:
    """Before, an ``.xlsb``'s error cells were read as blank cells. Now the records the
    reader walks anyway (``BrtCellError``, ``BrtFmlaError``) name them."""
    rows: list[list[object]] = [list(LIST_HEADER)]
    rows += [[v if not str(v).startswith("=") else None for v in row] for row in FAILING]
    errors = {(1, 2): 0x2A, (2, 5): 0x07, (3, 4): 0x1D}
    path = _xlsb_with_errors(tmp_path / "ds.xlsb", rows, errors, formulas)
    assert cell_marks(path) == {
        "Danh sách": ([], {(1, 2): "#N/A", (2, 5): "#DIV/0!", (3, 4): "#NAME?"})
    }
    assert _said(path) == SAID


def _biff(kind: int, payload: bytes) -> bytes:
    return struct.pack("<HH", kind, len(payload)) + payload


def test_an_error_typed_in_an_xls_cell_is_read_from_its_record() -> None:
    """An error typed in a cell (or pasted as a value) is a ``BoolErr`` record with its
    ``fError`` set: an error; with ``fError`` clear it is a boolean, not an error. A
    formula's error result is one too; a formula's number is not."""
    name = "Danh sách".encode("utf-16-le")
    bof = _biff(0x0809, struct.pack("<HH", 0x0600, 0x0005) + bytes(12))
    sheet_bof = _biff(0x0809, struct.pack("<HH", 0x0600, 0x0010) + bytes(12))
    eof = _biff(0x000A, b"")
    globals_size = len(bof) + 4 + 8 + len(name) + len(eof)
    bound = _biff(0x0085, struct.pack("<IBBBB", globals_size, 0, 0, len("Danh sách"), 1) + name)
    cells = [
        _biff(0x0205, struct.pack("<HHHBB", 1, 2, 0, 0x2A, 1)),  # #N/A typed in C2
        _biff(0x0205, struct.pack("<HHHBB", 1, 3, 0, 1, 0)),  # TRUE in D2
        _biff(
            0x0006, struct.pack("<HHH", 2, 5, 0) + bytes([2, 0, 0x17, 0, 0, 0, 255, 255]) + bytes(6)
        ),  # #REF! of a formula in F3
        _biff(0x0006, struct.pack("<HHHd", 3, 5, 0, 12.0) + bytes(6)),  # 12 of a formula
    ]
    stream = bof + bound + eof + sheet_bof + b"".join(cells) + eof
    assert len(bof + bound + eof) == globals_size
    assert workbook_errors(stream) == {"Danh sách": {(1, 2): "#N/A", (2, 5): "#REF!"}}


def test_a_damaged_xls_has_no_error_cells_and_is_refused_as_before(tmp_path: Path) -> None:
    """A file that only starts like an ``.xls`` gives no error cells (never a traceback);
    the engine's refusal says the rest."""
    path = tmp_path / "ds.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert xls_errors(path) == {}
    with pytest.raises(RosterError):
        read_roster(path)


def test_an_ods_formula_without_its_value_and_its_errors(tmp_path: Path) -> None:
    """An ``.ods`` written by a program that never calculated it (a formula, no value
    type) holds a formula with no saved value; LibreOffice's error cells are errors, each
    row of a repeated row."""
    path = tmp_path / "ds.ods"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        f'xmlns:office="{ODS}office:1.0" xmlns:table="{ODS}table:1.0" xmlns:text="{ODS}text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">'
        '<office:body><office:spreadsheet><table:table table:name="DS">'
        + _ods_row(_ods_text("STT"), _ods_text("Họ và tên"), _ods_text("Trình độ chuyên môn"))
        + _ods_row('<table:table-cell office:value-type="float" office:value="1"/>',
                   '<table:table-cell table:formula="of:=PROPER(&quot;lò văn an&quot;)"/>',
                   _ods_text("Đại học"))
        + _ods_row(_ods_text("x"), _ods_text("Tao Thị Bình"),
                   '<table:table-cell table:formula="of:=NA()" office:value-type="string" '
                   'office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p>'
                   "</table:table-cell>", repeated=2)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )  # fmt: skip
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", MANIFEST)
    sheets, _ = read_sheets(path)
    assert sheets["DS"].to_numpy().tolist() == [
        ["STT", "Họ và tên", "Trình độ chuyên môn"],
        [1, NO_VALUE, "Đại học"],
        ["x", "Tao Thị Bình", "#N/A"],
        ["x", "Tao Thị Bình", "#N/A"],
    ]
    assert sheets["DS"].attrs[CELL_ERRORS] == {(1, 1): NO_VALUE, (2, 2): "#N/A", (3, 2): "#N/A"}


def test_an_xml_spreadsheet_says_its_error_cells_on_their_rows(tmp_path: Path) -> None:
    """Before, an XML Spreadsheet's ``ss:Type="Error"`` was read as the text "#N/A" (a post
    titled "#N/A"), and a formula without its ``Data`` as a blank cell. Now each is said
    on its row and column, as in a workbook."""
    path = tmp_path / "ds.xml"
    cells = "".join(f'<Cell><Data ss:Type="String">{h}</Data></Cell>' for h in LIST_HEADER)
    person = "".join(
        f'<Cell><Data ss:Type="String">{v}</Data></Cell>'
        for v in ["1", "Lò Văn An", "12/03/1975", "Nam"]
    )
    path.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="DS"><Table>'
        f"<Row>{cells}</Row><Row>{person}"
        '<Cell ss:Formula="=VLOOKUP(A2,X!A:B,2,0)"><Data ss:Type="Error">#N/A</Data></Cell>'
        '<Cell ss:Formula="=X!C2"/></Row></Table></Worksheet></Workbook>',
        encoding="utf-8",
    )
    with pytest.raises(RosterError) as refused:
        read_roster(path, list_date=dt.date(2025, 12, 31))
    assert [(p.table, p.row, p.column, p.value, p.key) for p in refused.value.errors] == [
        ("positions", 2, "Chức vụ (column E)", "#N/A", "error_cell"),
        ("degrees", 2, "Trình độ chuyên môn (column F)", None, "formula_no_value"),
    ]


ODS = "urn:oasis:names:tc:opendocument:xmlns:"
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    f'xmlns:manifest="{ODS}manifest:1.0" manifest:version="1.2"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods_text(text: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def _ods_row(*cells: str, repeated: int = 1) -> str:
    return f'<table:table-row table:number-rows-repeated="{repeated}">{"".join(cells)}</table:table-row>'


# ------------------------------------------------------------------- any placement

ERROR_CODES = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
               0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"}  # fmt: skip


@settings(max_examples=25, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.integers(0, 30), st.integers(0, 8)),
        st.sampled_from(sorted(ERROR_CODES)),
        max_size=12,
    ),
    st.booleans(),
)
def test_any_error_cells_are_found_where_they_are(
    errors: dict[tuple[int, int], int], formulas: bool
) -> None:
    """Wherever error cells stand, an ``.xlsx`` (``t="e"``) and an ``.xlsb`` (its error
    records) name exactly those cells, with their values, and the grid holds each value
    in its cell."""
    expected = {at: ERROR_CODES[code] for at, code in errors.items()}
    rows: list[list[object]] = [[f"r{r}c{c}" for c in range(9)] for r in range(31)]
    with tempfile.TemporaryDirectory() as tmp:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Danh sách"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.cell(r + 1, c + 1, expected.get((r, c), value))
        book.save(Path(tmp) / "ds.xlsx")
        xlsb = _xlsb_with_errors(Path(tmp) / "ds.xlsb", rows, errors, formulas)
        for path in (Path(tmp) / "ds.xlsx", xlsb):
            marks = cell_marks(path).get("Danh sách", ([], {}))[1]
            assert marks == expected
            grid = read_sheets(path)[0]["Danh sách"]
            assert {at: grid.iat[at] for at in expected} == expected


@pytest.fixture(scope="module")
def an_xls(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """An ``.xls`` with error cells, as LibreOffice writes it."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("xls")
    return libreoffice_convert(
        _failing_list(folder / "ds.xlsx"), "xls", folder / "out"
    ).read_bytes()


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_damaged_xls_never_breaks_the_walk(an_xls: bytes, data: st.DataObject) -> None:
    """Whatever bytes of an ``.xls`` are changed (its sector tables, directory, records),
    the walk of its records gives error cells or none, never an exception."""
    damaged = bytearray(an_xls)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at] = data.draw(st.integers(0, 255))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ds.xls"
        path.write_bytes(bytes(damaged))
        found = xls_errors(path)
    assert isinstance(found, dict)
    assert all(isinstance(text, str) for cells in found.values() for text in cells.values())
