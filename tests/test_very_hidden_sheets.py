"""The advice given for a sheet the workbook hides, by how it hides it.

A hidden sheet beside a list is not read, and said: "unhide it to have it read"
(``tests/test_hidden_sheets.py``). A *very hidden* sheet (Excel's ``xlSheetVeryHidden``,
``state="veryHidden"`` in an ``.xlsx``, ``hsState`` 2 in an ``.xls`` or ``.xlsb``) is not
listed by Excel's Unhide dialog: it is shown only from the VBA editor's sheet properties,
or its content copied into a sheet shown. Before, it got the same advice, which a clerk
cannot follow; now its own (``very_hidden_sheet_not_read``), in Vietnamese and English.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from test_hidden_sheets import BINARY_AND_ODS, PEOPLE, run, year_sheets, year_sheets_in

from cadre_core.roster import read_roster

ADVICE = {
    "hidden": (
        "hidden_sheet_not_read",
        "sheet 'Năm 2024' is hidden in the workbook and was not read; unhide it to have it read",
        "trang tính 'Năm 2024' bị ẩn trong sổ tính nên không được đọc; hãy bỏ ẩn trang tính "
        "nếu cần đọc",
    ),
    "veryHidden": (
        "very_hidden_sheet_not_read",
        "sheet 'Năm 2024' is very hidden in the workbook and was not read; Excel's Unhide "
        "dialog does not list it: to have it read, show it from the VBA editor (Alt+F11, the "
        "sheet's Visible property: -1 - xlSheetVisible) or copy its content into a visible "
        "sheet",
        "trang tính 'Năm 2024' bị ẩn sâu (very hidden) trong sổ tính nên không được đọc; hộp "
        "thoại Bỏ ẩn của Excel không liệt kê nó: nếu cần đọc, hãy cho hiện nó trong trình "
        "soạn thảo VBA (Alt+F11, thuộc tính Visible của trang tính: -1 - xlSheetVisible) "
        "hoặc chép nội dung của nó sang một trang tính đang hiện",
    ),
}


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_the_advice_is_the_one_for_how_the_sheet_is_hidden(tmp_path: Path, state: str) -> None:
    """Last year's list on a hidden or a very hidden sheet of this year's ``.xlsx``.
    Before, both were said "unhide it to have it read" (in Vietnamese "hãy bỏ ẩn trang
    tính"), which Excel's Unhide dialog cannot do for a very hidden sheet. Now a hidden
    sheet keeps that advice, and a very hidden one is said to be very hidden, with the way
    to show it (the VBA editor) or to have it read (copy it into a sheet shown): through
    ``read_roster`` and the real ``cadre validate`` and ``cadre evaluate``, in both
    languages. The list read is the same: this year's four people, on its own day."""
    key, english, vietnamese = ADVICE[state]
    path = year_sheets(tmp_path / "nam.xlsx", state)
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert roster.list_date == dt.date(2025, 12, 31)
    assert [(p.key, p.file, p.table, p.row, p.column, p.severity, p.scope, dict(p.args))
            for p in roster.not_read] == [
        (key, "nam.xlsx", "Năm 2024", None, None, "warning", "sheet", {"sheet": "'Năm 2024'"})
    ]  # fmt: skip
    said = roster.not_read[0]
    assert said.expected == english
    assert said.describe("vi") == f"nam.xlsx, trang tính 'Năm 2024': {vietnamese}"
    # the command, in English and in Vietnamese (a table: file, sheet, ..., the advice)
    for lang, text in (("en", english), ("vi", vietnamese)):
        out = run("validate", str(path), lang=lang)
        assert out.returncode == 0, out.stdout + out.stderr
        lines = [line.split("\t") for line in out.stdout.splitlines()]
        assert [cells[1:3] + cells[6:7] for cells in lines if text in cells] == [
            ["nam.xlsx", "Năm 2024", text]
        ]
    validated = json.loads(run("validate", str(path), "--format", "json", lang="vi").stdout)
    assert [(p["key"], p["table"], p["scope"], p["message"]) for p in validated["problems"]
            if "hidden" in p["key"]] == [
        (key, "Năm 2024", "sheet", f"nam.xlsx, trang tính 'Năm 2024': {vietnamese}")
    ]  # fmt: skip
    evaluated = run("evaluate", str(path), "--format", "json")
    assert evaluated.returncode == 0, evaluated.stderr
    result = json.loads(evaluated.stdout)
    assert result["as_of"] == "2025-12-31"
    assert [(p["key"], p["table"]) for p in result["not_read"]] == [(key, "Năm 2024")]
    assert english in evaluated.stderr


@pytest.mark.parametrize("kind", BINARY_AND_ODS)
def test_a_very_hidden_sheet_of_xls_xlsb_ods_gets_the_advice_its_program_allows(
    tmp_path: Path, kind: str
) -> None:
    """A very hidden sheet of an ``.xls`` or ``.xlsb`` (Excel's ``hsState`` 2) is said as
    in an ``.xlsx``. An ``.ods`` has no very hidden state (LibreOffice saves such a sheet
    as hidden, which its Show Sheet dialog lists): its sheet is said hidden, with the
    advice to unhide it. Before, all three were told to unhide it. The people read are
    this year's in each."""
    path = year_sheets_in(tmp_path, kind, "veryHidden")
    key, english, vietnamese = ADVICE["hidden" if kind == "ods" else "veryHidden"]
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    same = read_roster(year_sheets(tmp_path / "nam.xlsx", "veryHidden"))
    pd.testing.assert_frame_equal(roster.cadres, same.cadres)
    assert roster.list_date == same.list_date == dt.date(2025, 12, 31)
    assert [(p.key, p.file, p.table, p.expected) for p in roster.not_read] == [
        (key, f"ds.{kind}", "Năm 2024", english)
    ]
    out = run("validate", str(path), lang="vi")
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"ds.{kind}\tNăm 2024\t" in out.stdout and vietnamese in out.stdout
