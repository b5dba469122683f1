"""Merged cells: a value shown over several cells but stored in the first one only.

The reader asks :func:`merged_ranges` for a workbook's merged ranges and copies the value of
a range spanning rows into each of its rows with :func:`fill_merged`, naming each range in
a warning (:data:`MERGED_NOTE`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.roster._guards import _CHUNK


def _missing(value: object) -> bool:
    """A blank header cell (None, NaN or NaT: merged cells read as missing)."""
    if value is None or value is pd.NaT:
        return True
    return isinstance(value, float) and np.isnan(value)


# ------------------------------------------------------------------------- merged cells
#
# A merged range shows one value over several cells, but the file stores it in the first
# cell only: read as stored, a date merged over two rows would leave the second row blank
# (an assignment that never ended). The value of a range spanning rows is copied into each
# of its rows, in its first column (a range spanning columns only, such as a group row's
# title, is one value shown across columns and is read once), and a warning names it.

Merged = tuple[int, int, int, int]
"""A merged range: first row, first column, last row, last column (0-based, inclusive)."""


def _mentions(zf: zipfile.ZipFile, member: str, text: bytes) -> bool:
    """Whether the decompressed ``member`` holds ``text`` (streamed, without parsing)."""
    tail = b""
    with zf.open(member) as f:
        while block := f.read(_CHUNK):
            if text in tail + block:
                return True
            tail = block[-len(text) :]
    return False


def merged_ranges(path: Path) -> dict[str, list[Merged]]:
    """The merged ranges of each sheet of a workbook, by sheet name (none for a format
    the engine cannot tell them for; an ``.xlsb``'s are found by
    :func:`~cadre_core.roster._xlsb.xlsb_measure`). The sheets of an ``.xlsx`` are searched for a
    ``mergeCell`` element first, so a workbook without merges is opened only once."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                names = zf.namelist()
                sheets = [n for n in names if n.startswith("xl/worksheets/")]
                if "xl/workbook.bin" in names:  # calamine gives none for an .xlsb
                    from cadre_core.roster._xlsb import xlsb_measure

                    return xlsb_measure(path)[1]
                if not any(_mentions(zf, n, b"mergeCell") for n in sheets):
                    return {}
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        try:
            found: dict[str, list[Merged]] = {}
            for name in book.sheet_names:
                ranges = book.get_sheet_by_name(name).merged_cell_ranges or []
                found[name] = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges]
            return found
        finally:
            book.close()
    except Exception:  # damaged or unusual: read as stored (the engine reports damage)
        return {}


def cell_name(row: int, column: int) -> str:
    """The spreadsheet name of a cell from its 0-based row and column.

    >>> cell_name(4, 0), cell_name(0, 27)
    ('A5', 'AB1')
    """
    letters = ""
    n = column + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


def fill_merged(
    grid: pd.DataFrame, ranges: list[Merged], below: int, *, top: int = 0
) -> tuple[pd.DataFrame, list[tuple[Merged, str]]]:
    """``grid`` with the value of each merged range that spans rows, starts at row
    ``below`` or later (the rows under a header) and holds a value copied into each of its
    rows (in its first column); with the ranges so filled and their names (``A5:A6``,
    counted from the row ``top``: a Word table's first row, under the lines above it)."""
    filled: list[tuple[Merged, str]] = []
    for r0, c0, r1, c1 in sorted(ranges):
        last = min(r1, len(grid) - 1)
        if last <= r0 or r0 < below or c0 >= grid.shape[1] or _missing(grid.iat[r0, c0]):
            continue
        if not filled:
            grid = grid.copy()
        value: Any = grid.iat[r0, c0]
        try:
            grid.iloc[r0 + 1 : last + 1, c0] = value
        except (TypeError, ValueError):  # a typed column that cannot hold it
            column = grid.iloc[:, c0].astype(object)
            column.iloc[r0 + 1 : last + 1] = value
            grid[grid.columns[c0]] = column
        name = f"{cell_name(r0 - top, c0)}:{cell_name(r1 - top, c1)}"
        filled.append(((r0, c0, r1, c1), name))
    return grid, filled


MERGED_NOTE = "cells {} are merged: their value was read on each of the range's rows"
"""The warning for a merged range whose value was copied down (:func:`fill_merged`)."""


__all__ = ["MERGED_NOTE", "Merged", "cell_name", "fill_merged", "merged_ranges"]
