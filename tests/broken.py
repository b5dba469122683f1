"""Broken rosters, one problem each, made from the sample commune at test time.

Each :class:`Case` writes the sample roster (``Roster.write``), corrupts it with openpyxl
or pandas, and says what ``cadre validate`` must name: the table, the row as the user
sees it (the spreadsheet row: the header is row 1), the column, the offending value and
the suggestion when there is one.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
import openpyxl
import pandas as pd
from openpyxl.worksheet.worksheet import Worksheet

import cadre_core
from cadre_core.vocab._vntext import TCVN3_TO_UNICODE

# --------------------------------------------------------------------------- TCVN3


def _tcvn3_table() -> dict[str, str]:
    enc = {letter: code for code, letter in TCVN3_TO_UNICODE.items()}
    # uppercase toned letters have no code of their own: the capital fonts drew them at
    # the lowercase code points, so a clerk's file holds the lowercase byte
    for letter, code in list(enc.items()):
        upper = letter.upper()
        if upper not in enc and upper != letter:
            enc[upper] = code
    return enc


_TCVN3 = _tcvn3_table()


def to_tcvn3(text: str) -> str:
    """Unicode text as TCVN3 (ABC) bytes read back as cp1252: what old rosters show.

    >>> to_tcvn3("Hoàng Thị Lan")
    'Hoµng ThÞ Lan'
    """
    return "".join(_TCVN3.get(ch, ch) for ch in text)


# --------------------------------------------------------------------------- cases


@attrs.frozen
class Expect:
    """What one reported problem must show (``None`` = not checked)."""

    table: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    suggestion: str | None = None
    words: tuple[str, ...] = ()  # further text the problem's line must contain


@attrs.frozen
class Case:
    """A broken roster: how to make it and what validation must report."""

    name: str
    make: Callable[[Path], Path]
    expect: tuple[Expect, ...]


_WRITTEN: dict[str, Path] = {}


def _sample_written(fmt: str) -> Path:
    """The sample roster written once per session in ``fmt`` (copied for each case)."""
    if fmt not in _WRITTEN:
        folder = Path(tempfile.mkdtemp(prefix="cadre-sample-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)  # no folder left behind
        path = folder / ("roster.xlsx" if fmt == "xlsx" else "roster")
        cadre_core.sample_roster().write(path, format=fmt)
        _WRITTEN[fmt] = path
    return _WRITTEN[fmt]


def _sample_xlsx(folder: Path) -> Path:
    path = folder / "roster.xlsx"
    shutil.copyfile(_sample_written("xlsx"), path)
    return path


def _sample_csv(folder: Path) -> Path:
    path = folder / "roster"
    shutil.copytree(_sample_written("csv"), path)
    return path


def _col(ws: Worksheet, header: str) -> int:
    for cell in ws[1]:
        if cell.value == header:
            return int(cell.column)
    raise KeyError(header)


def _row_of(ws: Worksheet, header: str, value: str) -> int:
    col = _col(ws, header)
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col).value == value:
            return r
    raise KeyError(value)


def _edit(edits: Callable[[openpyxl.Workbook], None]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = _sample_xlsx(folder)
        wb = openpyxl.load_workbook(path)
        edits(wb)
        wb.save(path)
        return path

    return make


def _set(wb: openpyxl.Workbook, sheet: str, row: int, header: str, value: object) -> None:
    ws = wb[sheet]
    ws.cell(row, _col(ws, header)).value = value


# individual corruptions ------------------------------------------------------------


def _drop_sheet(wb: openpyxl.Workbook) -> None:
    del wb["assignments"]


def _drop_column(wb: openpyxl.Workbook) -> None:
    ws = wb["cadres"]
    ws.delete_cols(_col(ws, "birth_date"))


def _duplicate(wb: openpyxl.Workbook) -> None:
    _set(wb, "cadres", 5, "cadre_id", "MT001")


def _unknown_cadre(wb: openpyxl.Workbook) -> None:
    _set(wb, "assignments", 4, "cadre_id", "MT999")


def _bad_level(wb: openpyxl.Workbook) -> None:
    _set(wb, "degrees", 3, "level", "Thac sii")


def _impossible_date(wb: openpyxl.Workbook) -> None:
    _set(wb, "assignments", 6, "start_date", "31/02/2026")


def _word_date(wb: openpyxl.Workbook) -> None:
    _set(wb, "cadres", 7, "birth_date", "hôm qua")


def _end_before_start(wb: openpyxl.Workbook) -> None:
    ws = wb["assignments"]
    start = ws.cell(8, _col(ws, "start_date")).value
    assert start is not None
    _set(wb, "assignments", 8, "end_date", pd.Timestamp(start) - pd.Timedelta(days=30))


def _negative_quota(wb: openpyxl.Workbook) -> None:
    _set(wb, "positions", 9, "quota", -1)


def _tcvn3_names(wb: openpyxl.Workbook) -> None:
    ws = wb["cadres"]
    col = _col(ws, "full_name")
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col).value = to_tcvn3(str(ws.cell(r, col).value))


def _several(wb: openpyxl.Workbook) -> None:
    _duplicate(wb)
    _unknown_cadre(wb)
    _bad_level(wb)
    _impossible_date(wb)
    _negative_quota(wb)


def _empty_workbook(folder: Path) -> Path:
    path = folder / "empty.xlsx"
    wb = openpyxl.Workbook()  # one empty sheet
    wb.save(path)
    return path


def _text_as_xlsx(folder: Path) -> Path:
    path = folder / "notes.xlsx"
    path.write_text("Danh sách cán bộ xã Mường Than\nchưa nhập xong\n", encoding="utf-8")
    return path


_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _png_as_xlsx(folder: Path) -> Path:
    path = folder / "photo.xlsx"
    path.write_bytes(_PNG)
    assert not zipfile.is_zipfile(path)
    return path


def _csv_bad_date(folder: Path) -> Path:
    path = _sample_csv(folder)
    frame = pd.read_csv(path / "cadres.csv", dtype=str, keep_default_na=False)
    frame.loc[2, "birth_date"] = "31/02/1980"  # record 3 = line 4 of the file
    frame.to_csv(path / "cadres.csv", index=False)
    return path


def _csv_missing_table(folder: Path) -> Path:
    path = _sample_csv(folder)
    (path / "positions.csv").unlink()
    return path


CASES: Sequence[Case] = (
    Case(
        "missing_table",
        _edit(_drop_sheet),
        (Expect(table="assignments", words=("thiếu",)),),
    ),
    Case(
        "missing_column",
        _edit(_drop_column),
        (Expect(table="cadres", column="birth_date", words=("thiếu",)),),
    ),
    Case(
        "duplicate_id",
        _edit(_duplicate),
        (Expect(table="cadres", row=5, column="cadre_id", words=("trùng",)),),
    ),
    Case(
        "unknown_reference",
        _edit(_unknown_cadre),
        (Expect(table="assignments", row=4, column="cadre_id", value="MT999"),),
    ),
    Case(
        "unknown_level",
        _edit(_bad_level),
        (Expect(table="degrees", row=3, column="level", value="Thac sii", suggestion="'Thạc sĩ'"),),
    ),
    Case(
        "impossible_date",
        _edit(_impossible_date),
        (Expect(table="assignments", row=6, column="start_date", value="31/02/2026"),),
    ),
    Case(
        "word_date",
        _edit(_word_date),
        (Expect(table="cadres", row=7, column="birth_date", value="hôm qua"),),
    ),
    Case(
        "end_before_start",
        _edit(_end_before_start),
        (Expect(table="assignments", row=8, column="end_date"),),
    ),
    Case(
        "negative_quota",
        _edit(_negative_quota),
        (Expect(table="positions", row=9, column="quota", value="-1"),),
    ),
    Case(
        "tcvn3_text",
        _edit(_tcvn3_names),
        (Expect(table="cadres", column="full_name", words=("TCVN3",)),),
    ),
    Case(
        "several_problems",
        _edit(_several),
        (
            Expect(table="cadres", row=5, column="cadre_id", words=("trùng",)),
            Expect(table="assignments", row=4, column="cadre_id", value="MT999"),
            Expect(
                table="degrees", row=3, column="level", value="Thac sii", suggestion="'Thạc sĩ'"
            ),
            Expect(table="assignments", row=6, column="start_date", value="31/02/2026"),
            Expect(table="positions", row=9, column="quota", value="-1"),
        ),
    ),
    Case(
        "empty_workbook",
        _empty_workbook,
        (
            Expect(table="cadres", words=("thiếu",)),
            Expect(table="positions", words=("thiếu",)),
            Expect(table="assignments", words=("thiếu",)),
        ),
    ),
    Case("text_as_xlsx", _text_as_xlsx, (Expect(words=("xlsx",)),)),
    Case("png_as_xlsx", _png_as_xlsx, (Expect(words=("xlsx",)),)),
    Case(
        "csv_bad_date",
        _csv_bad_date,
        (Expect(table="cadres", row=4, column="birth_date", value="31/02/1980"),),
    ),
    Case("csv_missing_table", _csv_missing_table, (Expect(table="positions", words=("thiếu",)),)),
)
