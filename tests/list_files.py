"""Lists as offices keep them, built in a test, and the real ``cadre`` command to read
them with: the helpers the tests of the list reader share."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

CADRE = str(Path(sys.executable).with_name("cadre"))
"""The console script installed beside the running interpreter."""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command, in English, on a wide terminal."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [CADRE, *args, "--lang", "en"], capture_output=True, text=True, timeout=120, env=env
    )


def sheet(path: Path, rows: Sequence[Sequence[Any]], merged: Sequence[str] = ()) -> Path:
    """A workbook of one sheet holding ``rows`` from A1 (``None``: a blank cell)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách"
    for i, row in enumerate(rows, 1):
        for j, value in enumerate(row, 1):
            if value is not None:
                ws.cell(i, j, value)
    for cells in merged:
        ws.merge_cells(cells)
    wb.save(path)
    return path


def workbook(path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[Any]]]]) -> Path:
    """A workbook of ``(name, rows)`` sheets, every one shown, rows from A1."""
    wb = openpyxl.Workbook()
    for n, (name, rows) in enumerate(sheets):
        ws = wb.active if n == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = name
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path
