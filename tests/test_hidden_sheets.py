"""Hidden sheets, people listed twice, and lists on sheets named like roster tables.

A commune office keeps last year's list on a hidden sheet of this year's workbook, lists a
person in two blocs (one sheet each), or names the only sheet of its list after a roster
table ("Xếp loại"). Each workbook (or Word document, or XML Spreadsheet) is built here
as the office keeps it and read through ``read_roster`` and the real ``cadre`` command;
each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import struct
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pandas as pd
import pytest
from conftest import SOFFICE, libreoffice_convert
from hypothesis import given, settings
from hypothesis import strategies as st
from xlsb_writer import record, wide, write_xlsb

from cadre_core.roster import RosterError, read_roster, sample_roster
from cadre_core.roster._flat import ROW_BASE, is_flat
from cadre_core.roster._flat_sheets import listed_twice
from cadre_core.roster._sheets import hidden, read_sheets
from cadre_core.roster._values import text_key

CADRE = str(Path(sys.executable).with_name("cadre"))

HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
PEOPLE = [
    ["Lò Văn An", dt.datetime(1975, 3, 12), "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"],
    ["Tao Thị Bình", dt.datetime(1982, 7, 5), "Nữ", "Chủ tịch UBND xã", "Đại học Kinh tế"],
    ["Vàng A Chứ", dt.datetime(1990, 1, 20), "Nam", "Công chức Tư pháp - Hộ tịch", "Cao đẳng"],
    ["Giàng Thị Dung", dt.datetime(1988, 11, 30), "Nữ", "Công chức Văn hóa - Xã hội", "Đại học"],
]


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command, on a wide terminal."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [CADRE, *args, "--lang", lang], capture_output=True, text=True, timeout=120, env=env
    )


def said(path: Path, *args: str) -> list[dict[str, Any]]:
    """The problems ``cadre validate --format json`` gives for ``path`` (it must pass)."""
    out = run("validate", str(path), "--format", "json", *args)
    assert out.returncode == 0, out.stdout + out.stderr
    problems: list[dict[str, Any]] = json.loads(out.stdout)["problems"]
    return problems


def list_rows(day: str, people: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """A list's rows as an office lays them out: title (row 1), its day (row 2), a blank
    row, the header (row 4), then the people numbered from row 5."""
    title = [["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ NẬM TĂM"], [f"(Tính đến ngày {day})"], []]
    return [*title, HEAD, *[[i, *p] for i, p in enumerate(people, 1)]]


def workbook(path: Path, sheets: Sequence[tuple[str, list[list[Any]], str]]) -> Path:
    """A workbook of ``(name, rows, state)`` sheets (state: visible, hidden, veryHidden);
    the first sheet shown is the active one, as Excel requires."""
    wb = openpyxl.Workbook()
    for n, (name, rows, state) in enumerate(sheets):
        ws = wb.active if n == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = name
        for row in rows:
            ws.append(row)
        ws.sheet_state = state  # type: ignore[assignment]
    wb.active = next(n for n, (_, _, state) in enumerate(sheets) if state == "visible")
    wb.save(path)
    return path


def year_sheets(path: Path, state: str = "hidden") -> Path:
    """Last year's list (3 people, 31/12/2024) on a hidden sheet, this year's (4 people,
    31/12/2025) on the sheet shown: gen_19_year_sheets.py's workbook."""
    return workbook(
        path,
        [
            ("Năm 2024", list_rows("31/12/2024", PEOPLE[:3]), state),
            ("Năm 2025", list_rows("31/12/2025", PEOPLE), "visible"),
        ],
    )


# ------------------------------------------------------------------------ hidden sheets


@pytest.mark.parametrize("state", ["hidden"])
def test_a_hidden_sheet_of_last_year_is_not_read(tmp_path: Path, state: str) -> None:
    """Before: both sheets were read as one list, 7 cadres (last year's three twice) on
    31/12/2024, the earlier of the two days, with no warning. Now the hidden sheet is left
    out and named, and the list is this year's, on its own day. (A very hidden sheet, with
    its own advice: ``tests/test_very_hidden_sheets.py``.)"""
    path = year_sheets(tmp_path / "nam.xlsx", state)
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert roster.list_date == dt.date(2025, 12, 31)
    assert [(p.key, p.file, p.table, p.row, p.severity, p.scope) for p in roster.not_read] == [
        ("hidden_sheet_not_read", "nam.xlsx", "Năm 2024", None, "warning", "sheet")
    ]
    assert roster.not_read[0].expected == (
        "sheet 'Năm 2024' is hidden in the workbook and was not read; unhide it to have it read"
    )
    assert roster.not_read[0].describe("vi") == (
        "nam.xlsx, trang tính 'Năm 2024': trang tính 'Năm 2024' bị ẩn trong sổ tính nên "
        "không được đọc; hãy bỏ ẩn trang tính nếu cần đọc"
    )
    assert not any(p.key == "list_days_differ" for p in roster.problems)
    problems = said(path)
    assert [(p["key"], p["table"], p["scope"]) for p in problems if "hidden" in p["key"]] == [
        ("hidden_sheet_not_read", "Năm 2024", "sheet")
    ]
    out = run("validate", str(path))
    assert "\tNăm 2024\t" in out.stdout
    assert "is hidden in the workbook and was not read" in out.stdout
    assert "Cadres\t4" in out.stdout
    vi = run("validate", str(path), lang="vi")
    assert "bị ẩn trong sổ tính nên không được đọc; hãy bỏ ẩn trang tính nếu cần đọc" in vi.stdout


def test_the_sheets_say_whether_the_workbook_hides_them(tmp_path: Path) -> None:
    """The visibility is read with the cells, for each sheet (before: not read at all)."""
    path = workbook(
        tmp_path / "ba.xlsx",
        [("A", [["x"]], "visible"), ("B", [["y"]], "hidden"), ("C", [["z"]], "veryHidden")],
    )
    sheets, _ = read_sheets(path)
    assert {name: hidden(grid) for name, grid in sheets.items()} == {
        "A": None,
        "B": "hidden",
        "C": "very hidden",
    }


def test_a_hidden_empty_sheet_is_not_said(tmp_path: Path) -> None:
    """A hidden sheet that holds nothing is not listed (nothing in it went unread)."""
    path = workbook(
        tmp_path / "rong.xlsx",
        [("DS", list_rows("31/12/2025", PEOPLE), "visible"), ("Trống", [], "hidden")],
    )
    roster = read_roster(path)
    assert len(roster.cadres) == 4
    assert not any("hidden" in (p.key or "") for p in roster.problems)


def test_a_hidden_code_list_beside_a_list_is_said_and_left_out(tmp_path: Path) -> None:
    """A template's hidden code list named like a roster table ("Cơ quan") made the
    workbook a roster of tables, refused for its missing cadres table. Now the list is
    read and the hidden sheet named as not read."""
    codes = [["Mã", "Tên cơ quan"], ["DV01", "Đảng ủy xã"], ["DV02", "UBND xã"]]
    path = workbook(
        tmp_path / "mau.xlsx",
        [("DS", list_rows("31/12/2025", PEOPLE), "visible"), ("Cơ quan", codes, "hidden")],
    )
    assert is_flat(path)
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert [(p.key, p.table) for p in roster.not_read] == [("hidden_sheet_not_read", "Cơ quan")]


def test_a_list_kept_only_on_a_hidden_sheet_is_read_and_said(tmp_path: Path) -> None:
    """When no sheet shown holds a list (a cover sheet of notes), the hidden list is read
    (before and now), and now said to be hidden."""
    cover = [["HƯỚNG DẪN"], ["Danh sách ở trang tính ẩn."]]
    path = workbook(
        tmp_path / "an.xlsx",
        [("Bìa", cover, "visible"), ("DS", list_rows("31/12/2025", PEOPLE), "hidden")],
    )
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    hidden_said = [p for p in roster.problems if p.key == "hidden_sheet_read"]
    assert [(p.file, p.table, p.severity, p.scope) for p in hidden_said] == [
        ("an.xlsx", "DS", "warning", None)
    ]
    assert hidden_said[0].expected == (
        "sheet 'DS' is hidden in the workbook; it was read because no visible sheet holds a "
        "list of people"
    )
    assert [(p.key, p.table) for p in roster.problems if p.key == "no_list_header"] == [
        ("no_list_header", "Bìa")
    ]
    problems = said(path)
    assert [p["key"] for p in problems if "hidden" in p["key"]] == ["hidden_sheet_read"]


def _xml_cell(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return f'<Cell><Data ss:Type="DateTime">{value:%Y-%m-%dT00:00:00.000}</Data></Cell>'
    if isinstance(value, int):
        return f'<Cell><Data ss:Type="Number">{value}</Data></Cell>'
    return f'<Cell><Data ss:Type="String">{value}</Data></Cell>'


def _xml_sheet(name: str, rows: list[list[Any]], shown: str | None) -> str:
    body = "".join("<Row>" + "".join(_xml_cell(v) for v in row) + "</Row>" for row in rows)
    options = (
        ""
        if shown is None
        else f"<x:WorksheetOptions><x:Visible>{shown}</x:Visible></x:WorksheetOptions>"
    )
    return f'<Worksheet ss:Name="{name}"><Table>{body}</Table>{options}</Worksheet>'


def test_a_hidden_sheet_of_an_xml_spreadsheet_is_not_read(tmp_path: Path) -> None:
    """Excel 2003's XML Spreadsheet marks a hidden sheet in its options; it was read as
    part of the list (everyone twice). Now it is left out and named, as in an ``.xlsx``."""
    path = tmp_path / "xuat.xml"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"'
        ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"'
        ' xmlns:x="urn:schemas-microsoft-com:office:excel">'
        + _xml_sheet("Năm 2024", list_rows("31/12/2024", PEOPLE[:3]), "SheetHidden")
        + _xml_sheet("Năm 2025", list_rows("31/12/2025", PEOPLE), None)
        + "</Workbook>",
        encoding="utf-8",
    )
    sheets, _ = read_sheets(path)
    assert {n: hidden(g) for n, g in sheets.items()} == {"Năm 2024": "hidden", "Năm 2025": None}
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert roster.list_date == dt.date(2025, 12, 31)
    assert [(p.key, p.table) for p in roster.not_read] == [("hidden_sheet_not_read", "Năm 2024")]
    out = run("validate", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "sheet 'Năm 2024' is hidden in the workbook and was not read" in out.stdout


def test_a_roster_of_tables_reads_its_hidden_sheets_as_before(tmp_path: Path) -> None:
    """The tables format is unchanged: a hidden roster table (a template hiding a sheet)
    is read, a hidden sheet that is no roster table is said not read, as any such sheet."""
    plain = sample_roster().write(tmp_path / "r.xlsx")
    before = read_roster(plain).row_counts()
    wb = openpyxl.load_workbook(plain)
    wb["ratings"].sheet_state = "hidden"
    notes = wb.create_sheet("Ghi chú")
    notes.append(["Danh mục dùng cho các ô chọn"])
    notes.sheet_state = "hidden"
    path = tmp_path / "an.xlsx"
    wb.save(path)
    assert not is_flat(path)
    roster = read_roster(path)
    assert roster.row_counts() == before
    assert [(p.key, p.table) for p in roster.not_read] == [("sheet_not_table", "Ghi chú")]
    assert not any("hidden" in (p.key or "") for p in roster.problems)


# ---------------------------------------------------- hidden sheets of .xls, .xlsb, .ods

needs_office = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is missing")
BINARY_AND_ODS = [
    pytest.param("xls", marks=needs_office),
    pytest.param("ods", marks=needs_office),
    "xlsb",
]
_HS_STATE = {"visible": 0, "hidden": 1, "veryHidden": 2}  # hsState, [MS-XLSB] 2.4.720


def xlsb_workbook(path: Path, sheets: Sequence[tuple[str, list[list[Any]], str]]) -> Path:
    """:func:`workbook`'s ``(name, rows, state)`` sheets as an ``.xlsb``, as Excel writes
    one: each sheet's ``BrtBundleSh`` with its ``hsState``, and a ``BrtBookView`` whose
    active tab is the first sheet shown. LibreOffice cannot write an ``.xlsb`` (its "Calc MS
    Excel 2007 Binary" filter only reads one), so the records are written here."""
    write_xlsb(path, {name: (rows, []) for name, rows, _ in sheets})
    active = next(n for n, (_, _, state) in enumerate(sheets) if state == "visible")
    view = struct.pack("<7I", 0, 0, 20000, 10000, 600, 0, active) + b"\x70"  # itabCur, flags
    bundles = b"".join(
        record(0x9C, struct.pack("<II", _HS_STATE[state], n) + wide(f"rId{n}") + wide(name))
        for n, (name, _, state) in enumerate(sheets, start=1)
    )
    book = b"".join([
        record(0x83),  # BrtBeginBook
        record(0x99, struct.pack("<II", 0, 0) + wide("")),  # BrtWbProp
        record(0x87), record(0x9E, view), record(0x88),  # BrtBeginBookViews, BrtBookView
        record(0x8F), bundles, record(0x90),  # BrtBeginBundleShs ... BrtEndBundleShs
        record(0x84),  # BrtEndBook
    ])  # fmt: skip
    return with_part(path, "xl/workbook.bin", book)


def with_part(path: Path, member: str, data: bytes) -> Path:
    """The zip at ``path`` with its part ``member`` holding ``data``."""
    with zipfile.ZipFile(path) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    parts[member] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return path


def in_format(folder: Path, kind: str, sheets: Sequence[tuple[str, list[list[Any]], str]]) -> Path:
    """:func:`workbook`'s sheets saved as ``ds.<kind>``: an ``.xls`` or ``.ods`` converted
    from the ``.xlsx`` by LibreOffice, an ``.xlsb`` written by :func:`xlsb_workbook`."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "xlsb":
        return xlsb_workbook(folder / "ds.xlsb", sheets)
    return libreoffice_convert(workbook(folder / "ds.xlsx", sheets), kind, folder / kind)


def excel_very_hidden(path: Path, sheet: str, state: int = 2) -> Path:
    """The ``.xls`` at ``path`` with ``sheet``'s ``BoundSheet8`` record holding ``state``
    as its ``hsState`` (2: very hidden, as Excel writes a sheet hidden from its Unhide
    dialog; LibreOffice keeps no very hidden state and writes such a sheet as hidden)."""
    data = bytearray(path.read_bytes())
    name = bytes([len(sheet), 1]) + sheet.encode("utf-16-le")  # cch, fHighByte, the name
    at = data.find(name)
    assert at >= 10 and data.find(name, at + 1) == -1, "the sheet's record is not found once"
    assert data[at - 10 : at - 8] == b"\x85\x00"  # the record's type: BoundSheet8
    data[at - 2] = state  # type (2), size (2), lbPlyPos (4), then hsState
    path.write_bytes(bytes(data))
    return path


def year_sheets_in(folder: Path, kind: str, state: str) -> Path:
    """:func:`year_sheets` as an ``.xls``, ``.xlsb`` or ``.ods``: last year's list on a
    hidden (``state``) sheet, this year's on the sheet shown. A very hidden sheet of an
    ``.xls`` is written as Excel writes it (:func:`excel_very_hidden`)."""
    sheets = [
        ("Năm 2024", list_rows("31/12/2024", PEOPLE[:3]), state),
        ("Năm 2025", list_rows("31/12/2025", PEOPLE), "visible"),
    ]
    path = in_format(folder, kind, sheets)
    if kind == "xls" and state == "veryHidden":
        excel_very_hidden(path, "Năm 2024")
    return path


@pytest.mark.parametrize("kind", BINARY_AND_ODS)
def test_the_sheets_of_xls_xlsb_and_ods_say_whether_they_are_hidden(
    tmp_path: Path, kind: str
) -> None:
    """Not known before (only ``.xlsx`` and XML Spreadsheet were tested): whether a
    hidden sheet of an ``.xls``, ``.xlsb`` or ``.ods`` is told from a sheet shown.
    calamine's sheet metadata says it for all three (a ``BoundSheet8``'s and a
    ``BrtBundleSh``'s ``hsState``; ``table:display="false"`` on an ``.ods`` table's
    style). An ``.ods`` has no very hidden state (LibreOffice writes one as hidden, in an
    ``.xls`` too); Excel's very hidden (``hsState`` 2) is very hidden in both binary
    formats."""
    sheets = [
        ("Năm 2025", [["x"]], "visible"),
        ("Năm 2024", [["y"]], "hidden"),
        ("Năm 2023", [["z"]], "veryHidden"),
    ]
    path = in_format(tmp_path, kind, sheets)
    grids, _ = read_sheets(path)
    very = "very hidden" if kind == "xlsb" else "hidden"
    assert {name: hidden(grid) for name, grid in grids.items()} == {
        "Năm 2025": None,
        "Năm 2024": "hidden",
        "Năm 2023": very,
    }
    assert {name: grid.iat[0, 0] for name, grid in grids.items()} == {
        "Năm 2025": "x",
        "Năm 2024": "y",
        "Năm 2023": "z",
    }
    if kind == "xls":
        grids, _ = read_sheets(excel_very_hidden(path, "Năm 2023"))
        assert [hidden(grid) for grid in grids.values()] == [None, "hidden", "very hidden"]
    if kind == "xlsb" and SOFFICE is not None:  # LibreOffice reads the file as Excel would
        back = libreoffice_convert(path, "xlsx", tmp_path / "back")
        states = [ws.sheet_state for ws in openpyxl.load_workbook(back).worksheets]
        assert states == ["visible", "hidden", "hidden"]  # (it keeps no very hidden state)


@pytest.mark.parametrize("state", ["hidden"])  # very hidden: test_very_hidden_sheets.py
@pytest.mark.parametrize("kind", BINARY_AND_ODS)
def test_a_hidden_sheet_of_last_year_in_xls_xlsb_ods_is_not_read(
    tmp_path: Path, kind: str, state: str
) -> None:
    """Not known before: last year's list on a hidden or very hidden sheet of an ``.xls``,
    ``.xlsb`` or ``.ods``, read with this year's, would count last year's three people
    twice on the earlier day. It is left out and named, as in an ``.xlsx``: the people
    read, their values and the problems said are those of the same ``.xlsx``, in
    ``read_roster``, ``cadre validate`` and ``cadre evaluate``."""
    path = year_sheets_in(tmp_path, kind, state)
    roster = read_roster(path)
    same = read_roster(year_sheets(tmp_path / "nam.xlsx", state))
    assert roster.cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert roster.cadres["birth_date"].tolist() == [pd.Timestamp(p[1]) for p in PEOPLE]
    pd.testing.assert_frame_equal(roster.cadres, same.cadres)
    assert roster.row_counts() == same.row_counts()
    assert roster.list_date == dt.date(2025, 12, 31)
    said_here = [(p.key, p.file, p.table, p.row, p.column, p.severity, p.scope, dict(p.args))
                 for p in roster.not_read]  # fmt: skip
    assert said_here == [
        ("hidden_sheet_not_read", f"ds.{kind}", "Năm 2024", None, None, "warning", "sheet",
         {"sheet": "'Năm 2024'"})
    ]  # fmt: skip
    assert roster.not_read[0].expected == (
        "sheet 'Năm 2024' is hidden in the workbook and was not read; unhide it to have it read"
    )
    assert sorted(p.key or "" for p in roster.problems) == sorted(
        p.key or "" for p in same.problems
    ) == ["commune_from_title", "hidden_sheet_not_read"]  # fmt: skip
    out = run("validate", str(path), "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    validated = json.loads(out.stdout)
    assert [(p["key"], p["table"], p["scope"]) for p in validated["problems"]
            if "hidden" in p["key"]] == [("hidden_sheet_not_read", "Năm 2024", "sheet")]  # fmt: skip
    assert validated["tables"]["cadres"]["read"] == 4
    vi = run("validate", str(path), lang="vi")
    assert f"ds.{kind}\tNăm 2024\t" in vi.stdout
    assert "trang tính 'Năm 2024' bị ẩn trong sổ tính nên không được đọc" in vi.stdout
    evaluated = run("evaluate", str(path), "--format", "json")
    assert evaluated.returncode == 0, evaluated.stderr
    result = json.loads(evaluated.stdout)
    assert result["as_of"] == "2025-12-31"  # this year's day, not last year's
    assert [(p["key"], p["file"], p["table"]) for p in result["not_read"]] == [
        ("hidden_sheet_not_read", f"ds.{kind}", "Năm 2024")
    ]
    assert "sheet 'Năm 2024' is hidden in the workbook and was not read" in evaluated.stderr


@pytest.mark.parametrize("kind", BINARY_AND_ODS)
def test_a_list_only_on_a_hidden_sheet_of_xls_xlsb_ods_is_read_and_said(
    tmp_path: Path, kind: str
) -> None:
    """Not known before for these formats: a binary workbook (or an ``.ods``) whose only
    list is on a hidden sheet, a cover sheet of notes shown. The hidden list is read, and
    said to be hidden; the cover sheet is said to hold no list, as in an ``.xlsx``."""
    cover = [["HƯỚNG DẪN"], ["Danh sách ở trang tính ẩn."]]
    sheets = [("Bìa", cover, "visible"), ("DS", list_rows("31/12/2025", PEOPLE), "hidden")]
    path = in_format(tmp_path, kind, sheets)
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert roster.cadres["gender"].tolist() == ["male", "female", "male", "female"]
    assert roster.list_date == dt.date(2025, 12, 31)
    hidden_said = [p for p in roster.problems if p.key == "hidden_sheet_read"]
    assert [(p.file, p.table, p.severity, p.scope) for p in hidden_said] == [
        (f"ds.{kind}", "DS", "warning", None)
    ]
    assert hidden_said[0].expected == (
        "sheet 'DS' is hidden in the workbook; it was read because no visible sheet holds a "
        "list of people"
    )
    assert [(p.key, p.table) for p in roster.problems if p.key == "no_list_header"] == [
        ("no_list_header", "Bìa")
    ]
    assert not roster.not_read
    problems = said(path)
    assert [(p["key"], p["table"]) for p in problems if "hidden" in p["key"]] == [
        ("hidden_sheet_read", "DS")
    ]
    evaluated = run("evaluate", str(path), "--format", "json")
    assert evaluated.returncode == 0, evaluated.stderr
    result = json.loads(evaluated.stdout)
    assert [p["table"] for p in result["warnings"] if p["key"] == "hidden_sheet_read"] == ["DS"]
    assert "it was read because no visible sheet holds a list of people" in evaluated.stderr


@pytest.mark.parametrize("kind", [pytest.param("xls", marks=needs_office), "xlsb"])
def test_a_sheet_state_no_format_allows_is_a_problem_not_a_traceback(
    tmp_path: Path, kind: str
) -> None:
    """A damaged sheet state (``hsState`` 3, which neither format allows) makes calamine
    refuse the whole workbook: before as now, a problem naming the file (the command
    ends with its table of problems), never a traceback."""
    sheets = [
        ("Năm 2024", list_rows("31/12/2024", PEOPLE[:3]), "hidden"),
        ("Năm 2025", list_rows("31/12/2025", PEOPLE), "visible"),
    ]
    path = in_format(tmp_path, kind, sheets)
    if kind == "xls":
        excel_very_hidden(path, "Năm 2024", state=3)
    else:
        with zipfile.ZipFile(path) as zf:
            book = zf.read("xl/workbook.bin")
        first = record(0x9C, struct.pack("<II", 1, 1) + wide("rId1") + wide("Năm 2024"))
        assert book.count(first) == 1
        bad = record(0x9C, struct.pack("<II", 3, 1) + wide("rId1") + wide("Năm 2024"))
        with_part(path, "xl/workbook.bin", book.replace(first, bad))
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    assert [(p.key, p.file, p.severity) for p in refused.value.problems] == [
        ("not_workbook", f"ds.{kind}", "error")
    ]
    out = run("validate", str(path))
    assert out.returncode == 2, out.stdout + out.stderr  # an invalid roster
    assert f"Error\tds.{kind}\t" in out.stderr and "Traceback" not in out.stdout + out.stderr
    # the problem names the kind of file given (before: "not a readable .xlsx workbook")
    assert f"not a readable .{kind} workbook" in out.stderr and ".xlsx" not in out.stderr


# ----------------------------------------------------------------- the same person twice


def test_the_same_person_on_two_sheets_is_said(tmp_path: Path) -> None:
    """Before: a person listed in two blocs (a sheet each) was read as two people without
    a word. Now a warning at the later row names the first by its place, not the name;
    a namesake born on another day is not said. Both are still read (the list says so)."""
    party = [PEOPLE[0], PEOPLE[1]]
    state = [
        ["LÒ VĂN  AN", "12/03/1975", "Nam", "Chủ tịch HĐND xã", "Đại học Luật"],  # An again
        PEOPLE[2],
        ["Tao Thị Bình", "05/07/1983", "Nữ", "Công chức Văn phòng - Thống kê", "Đại học"],
    ]
    path = workbook(
        tmp_path / "khoi.xlsx",
        [
            ("Khối Đảng", list_rows("31/12/2025", party), "visible"),
            ("Khối chính quyền", list_rows("31/12/2025", state), "visible"),
        ],
    )
    roster = read_roster(path)
    assert len(roster.cadres) == 5
    twice = [p for p in roster.problems if (p.key or "").startswith("same_person")]
    assert [(p.key, p.file, p.table, p.row, p.column, p.value, p.severity) for p in twice] == [
        (
            "same_person_sheet",
            "khoi.xlsx, sheet 'Khối chính quyền'",
            "cadres",
            5,
            "Họ và tên (column B)",
            None,
            "warning",
        )
    ]
    assert twice[0].expected.startswith(
        "the same name and birth date as row 5 of sheet 'Khối Đảng'; read as two people"
    )
    assert "Lò Văn An" not in twice[0].describe("en")
    vi = twice[0].describe("vi")
    assert vi.startswith(
        "khoi.xlsx, trang tính 'Khối chính quyền', bảng cadres (Cán bộ), dòng 5, cột Họ và "
        "tên (cột B): cùng họ tên và ngày sinh với người ở dòng 5 của trang tính 'Khối Đảng'"
    )
    problems = said(path)
    assert [(p["key"], p["file"], p["row"], p["args"]) for p in problems if "same" in p["key"]] == [
        (
            "same_person_sheet",
            "khoi.xlsx, sheet 'Khối chính quyền'",
            5,
            {"row": "5", "sheet": "'Khối Đảng'"},
        )
    ]


def test_the_same_person_twice_on_one_sheet_is_said(tmp_path: Path) -> None:
    """A person on two rows of one sheet (one row per post held) was two people without a
    word; now the later row names the earlier. A vacant post and a person with no day of
    birth are no one's twin."""
    people = [
        PEOPLE[0],
        ["(Khuyết)", None, None, "Phó Chủ tịch UBND xã", None],
        PEOPLE[1],
        ["(Khuyết)", None, None, "Phó Chủ tịch HĐND xã", None],
        ["Lò Văn An", dt.datetime(1975, 3, 12), "Nam", "Chủ tịch HĐND xã", "Đại học Luật"],
        ["Vàng A Chứ", None, "Nam", "Công chức Địa chính - Xây dựng", None],
        ["Vàng A Chứ", None, "Nam", "Công chức Tư pháp - Hộ tịch", None],
    ]
    path = workbook(tmp_path / "mot.xlsx", [("DS", list_rows("31/12/2025", people), "visible")])
    roster = read_roster(path, skip_invalid=True)
    twice = [p for p in roster.problems if (p.key or "").startswith("same_person")]
    assert [(p.key, p.file, p.row, dict(p.args)) for p in twice] == [
        ("same_person_row", "mot.xlsx, sheet 'DS'", 9, {"row": "5"})
    ]
    assert twice[0].expected.startswith("the same name and birth date as row 5; read as two")
    assert [p["row"] for p in said(path, "--skip-invalid") if p["key"] == "same_person_row"] == [9]


def test_the_same_person_in_two_word_tables_is_said(tmp_path: Path) -> None:
    """Two tables of a Word document (one per bloc) with the same person: read as two
    people without a word before; now said, naming the table as its user counts them."""
    document = docx.Document()
    for bloc, people in (("KHỐI ĐẢNG", PEOPLE[:2]), ("KHỐI CHÍNH QUYỀN", [PEOPLE[1], PEOPLE[2]])):
        document.add_paragraph(f"DANH SÁCH CÁN BỘ {bloc} (tính đến ngày 31/12/2025)")
        rows = [
            HEAD,
            *[[str(i), p[0], f"{p[1]:%d/%m/%Y}", *p[2:]] for i, p in enumerate(people, 1)],
        ]
        table = document.add_table(rows=len(rows), cols=len(HEAD))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    path = tmp_path / "khoi.docx"
    document.save(str(path))
    roster = read_roster(path)
    assert len(roster.cadres) == 4
    twice = [p for p in roster.problems if (p.key or "").startswith("same_person")]
    assert [(p.key, p.file, p.row, dict(p.args)) for p in twice] == [
        ("same_person_table", "khoi.docx, sheet 'Bảng 2'", 2, {"row": "3", "sheet": "Bảng 1"})
    ]
    assert twice[0].expected.startswith("the same name and birth date as row 3 of Bảng 1;")
    vi = twice[0].describe("vi")
    assert vi.startswith(
        "khoi.docx, Bảng 2, bảng cadres (Cán bộ), dòng 2, cột Họ và tên (cột B): cùng họ tên "
        "và ngày sinh với người ở dòng 3 của Bảng 1"
    )
    assert [p["row"] for p in said(path) if p["key"] == "same_person_table"] == [2]


NAMES = ["Lò Văn An", "LÒ VĂN AN", "Lò  Văn An ", "Tao Thị Bình", None]
BORN = ["12/03/1975", dt.datetime(1975, 3, 12), "05/07/1982", "2005", None]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(BORN)), max_size=6),
        min_size=1,
        max_size=4,
    )
)
def test_each_person_listed_again_is_said_once_naming_the_first(
    sheets: list[list[tuple[str | None, object]]],
) -> None:
    """Over any sheets of names and birth cells, a warning is given at each row whose name
    key and day of birth are an earlier row's, naming the first such row (its sheet when
    another), and nowhere else: what a row-by-row comparison finds."""
    people = []
    for n, rows in enumerate(sheets):
        cols = {
            ("cadres", "full_name"): pd.Series([r[0] for r in rows], dtype=object),
            ("cadres", "birth_date"): pd.Series([r[1] for r in rows], dtype=object),
        }
        people.append((n, cols, pd.Series([n * ROW_BASE + 5 + i for i in range(len(rows))])))
    names = [f"Khối {n}" for n in range(len(sheets))]
    got = {
        p.row: (p.key, dict(p.args))
        for p in listed_twice(people, names, "ds.xlsx", row_base=ROW_BASE, serials=True)
    }
    day = {"12/03/1975": "1975-03-12", "05/07/1982": "1982-07-05"}
    first: dict[tuple[str, str], int] = {}
    expected = {}
    for n, rows in enumerate(sheets):
        for i, (name, born) in enumerate(rows):
            when = f"{born:%Y-%m-%d}" if isinstance(born, dt.datetime) else day.get(str(born))
            if name is None or when is None:
                continue
            key, at = (text_key(name), when), n * ROW_BASE + 5 + i
            if key not in first:
                first[key] = at
                continue
            sheet, row = divmod(first[key], ROW_BASE)
            if sheet == n:
                expected[at] = ("same_person_row", {"row": str(row)})
            else:
                expected[at] = ("same_person_sheet", {"row": str(row), "sheet": repr(names[sheet])})
    assert got == expected


# ------------------------------------------------- a list on a sheet named as a roster table


@pytest.mark.parametrize("name", ["Xếp loại", "Đào tạo", "Cơ quan"])
def test_a_list_on_a_sheet_named_as_a_roster_table_is_read(tmp_path: Path, name: str) -> None:
    """Before: a list whose only sheet was named "Xếp loại" (or "Đào tạo", "Cơ quan") was
    taken for a roster of tables and refused for its missing cadres table, its title rows
    read as unknown headers. A workbook with no cadres table cannot be a roster of tables:
    a sheet holding a list's header makes it a list."""
    rows = list_rows("31/12/2025", [[*p, "Hoàn thành tốt nhiệm vụ"] for p in PEOPLE])
    rows[3] = [*HEAD, "Xếp loại năm 2025"]
    path = workbook(tmp_path / "ds.xlsx", [(name, rows, "visible")])
    assert is_flat(path)
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert roster.tables["ratings"]["rating"].tolist() == ["good"] * 4
    assert roster.list_date == dt.date(2025, 12, 31)
    out = run("validate", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Cadres\t4" in out.stdout and "is missing" not in out.stdout


def test_a_ratings_table_without_its_cadres_is_refused_as_before(tmp_path: Path) -> None:
    """A roster of tables missing its cadres sheet (no list's header anywhere) is still
    read as tables, and refused for the missing table, as before."""
    rows = [["cadre_id", "year", "rating"], ["CB001", 2025, "Hoàn thành tốt nhiệm vụ"]]
    path = workbook(tmp_path / "bang.xlsx", [("Xếp loại", rows, "visible")])
    assert not is_flat(path)
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    assert ("table_missing", "cadres") in [(p.key, p.table) for p in caught.value.problems]
