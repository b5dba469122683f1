"""The reader's workbook guards: a workbook is scanned once however often a read asks,
and again once it changes."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from cadre_core import RosterError, read_roster, sample_roster
from cadre_core.roster import _guards


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "xa.xlsx"
    sample_roster().write(path)
    _guards._workbook_size_of.cache_clear()
    return path


def test_reading_a_workbook_scans_each_sheet_once(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanned: list[str] = []
    measure = _guards._xlsx_extent

    def counting(zf, member, budget):  # type: ignore[no-untyped-def]
        scanned.append(member)
        return measure(zf, member, budget)

    monkeypatch.setattr(_guards, "_xlsx_extent", counting)
    read_roster(workbook)
    assert scanned and len(scanned) == len(set(scanned))  # each sheet once
    first = len(scanned)
    read_roster(workbook)
    assert len(scanned) == first  # the same file again: not scanned again


def test_a_workbook_that_changes_is_scanned_again(workbook: Path) -> None:
    assert _guards._check_workbook_size(workbook) is None
    wb = openpyxl.load_workbook(workbook)
    wb.worksheets[0]["XFD1048576"] = "x"  # a used range of 17 billion cells
    wb.save(workbook)
    st = workbook.stat()
    os.utime(workbook, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    why = _guards._check_workbook_size(workbook)
    assert why is not None and "over the limit" in why
    with pytest.raises(RosterError, match="over the limit"):
        read_roster(workbook)
