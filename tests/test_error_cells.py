"""Excel error values (``#N/A``, ``#VALUE!``, ``#REF!``: a formula that failed) are never
read as blank cells: each is an error naming the file, the sheet, the row, the column and
the error value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from cadre_core import RosterError, read_roster
from cadre_core.roster._sheets import CELL_ERRORS, read_sheets, xlsx_marks

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


@pytest.mark.parametrize("skip_invalid", [False, True])
def test_error_cells_are_refused_with_their_place(tmp_path: Path, skip_invalid: bool) -> None:
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
