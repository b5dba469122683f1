"""Reading cells as their user sees them (issue 16): merged cells, two columns for one
field in CSV and parquet tables, and parquet column types the reader did not expect.

Every case goes through the real ``cadre`` command: it answers 0 (read) or 2 (bad input,
with a sentence naming the file, table, row or column), never 1 (internal error).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import cadre_core

CADRE = str(Path(sys.executable).with_name("cadre"))
AS_OF = "2026-06-01"
ENDED = dt.datetime(2026, 1, 15)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command; wide tables so that a message is never wrapped."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=180, env=env)


def targets(path: Path) -> list[Any]:
    """The evaluated communes (every target's figures) of the roster at ``path``."""
    done = run("evaluate", str(path), "--as-of", AS_OF, "--format", "json")
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout)["communes"])


# ------------------------------------------------------------------------- merged cells


def _sample_workbook(path: Path) -> openpyxl.Workbook:
    """The sample commune as a workbook where two cadres' assignments (sheet rows 4 and 5:
    MT002 and MT003, both deputy secretaries) ended on one day, opened for editing."""
    cadre_core.sample_roster().write(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["assignments"]
    # the first four headers (the sample also carries the rotation flag for the forms)
    assert [c.value for c in ws[1]][:4] == ["cadre_id", "position_code", "start_date", "end_date"]
    assert (ws["A4"].value, ws["A5"].value) == ("MT002", "MT003")
    ws["D4"] = ws["D5"] = ENDED
    assert wb["positions"]["C1"].value == "agency_code"
    return wb


@pytest.fixture(scope="module")
def merged_books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same roster three ways: every cell written ("plain"), the end date and an
    agency code merged over two rows ("merged"), and the second cells left blank
    without a merge ("blank": what the reader made of a merge before)."""
    folder = tmp_path_factory.mktemp("merged")
    paths = {k: folder / f"{k}.xlsx" for k in ("plain", "merged", "blank")}
    wb = _sample_workbook(paths["plain"])
    positions = wb["positions"]
    assert positions["C2"].value == positions["C3"].value == "DU"
    wb.save(paths["plain"])
    for kind in ("merged", "blank"):
        wb = _sample_workbook(paths[kind])
        ws, positions = wb["assignments"], wb["positions"]
        ws["D5"] = None
        positions["C3"] = None
        if kind == "merged":
            ws.merge_cells("D4:D5")
            positions.merge_cells("C2:C3")
        wb.save(paths[kind])
    return paths


def test_an_end_date_merged_over_two_cadres_ends_both(merged_books: dict[str, Path]) -> None:
    """Issue 16 item 4: a merged range's value is read on each of its rows, so the
    targets are those of the workbook with every cell written."""
    plain = targets(merged_books["plain"])
    assert targets(merged_books["blank"]) != plain  # the merge matters to the targets
    assert targets(merged_books["merged"]) == plain


def test_a_merged_range_is_named_in_a_warning(merged_books: dict[str, Path]) -> None:
    """Nothing is silent: ``validate`` names the sheet and the range of each merge read
    on several rows; the reader gives the same tables as the plain workbook."""
    done = run("validate", str(merged_books["merged"]))
    assert done.returncode == 0, done.stderr
    # said in Vietnamese, the command's default language
    assert "trang tính 'assignments': các ô D4:D5 được gộp" in done.stdout
    assert "trang tính 'positions': các ô C2:C3 được gộp" in done.stdout
    merged = cadre_core.read_roster(merged_books["merged"])
    assert merged == cadre_core.read_roster(merged_books["plain"])
    where = {(p.table, p.row, p.column) for p in merged.problems if "merged" in p.expected}
    assert where == {("assignments", 4, "end_date"), ("positions", 2, "agency_code")}


def test_a_merge_across_columns_or_in_the_header_is_read_as_stored(tmp_path: Path) -> None:
    """A range spanning columns only (one value shown across them) and a merged header
    cell are not copied: the roster is read as before, without a merge warning."""
    path = tmp_path / "wide.xlsx"
    wb = _sample_workbook(path)
    ws = wb["assignments"]
    ws.insert_rows(1)
    ws["A1"] = "Phân công"
    ws.merge_cells("A1:D1")  # a title over the header
    wb.save(path)
    done = run("validate", str(path))
    assert done.returncode == 0, done.stderr
    assert "merged" not in done.stdout


FLAT_HEADER = ("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn")
FLAT_PEOPLE = (
    (1, "Lò Văn A", "12/03/1975", "Nam", "Bí thư", "Thạc sĩ"),
    (2, "Lò Thị B", "05/09/1988", "Nữ", "Chuyên viên", "Đại học"),
    (3, "Tòng Văn C", "20/01/1990", "Nam", "Chuyên viên", "Đại học"),
)


def test_a_list_reads_a_merged_cell_on_each_of_its_rows(tmp_path: Path) -> None:
    """A one-row-per-person list whose education cell is merged over two people gives
    both of them the degree, with a warning naming the sheet, row and header."""
    path = tmp_path / "trich-ngang.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách"
    ws.append(["DANH SÁCH CÁN BỘ XÃ NẬM TĂM (tính đến ngày 31/12/2025)"])
    ws.merge_cells("A1:F1")
    ws.append(list(FLAT_HEADER))
    for person in FLAT_PEOPLE:
        ws.append(list(person))
    ws["F5"] = None
    ws.merge_cells("F4:F5")
    wb.save(path)
    done = run("validate", str(path))
    assert done.returncode == 0, done.stderr
    assert "các ô F4:F5 được gộp" in done.stdout
    roster = cadre_core.read_roster(path)
    levels = roster.degrees.merge(roster.cadres, on="cadre_id").set_index("full_name")["level"]
    assert levels.to_dict() == {"Lò Văn A": "thac_si", "Lò Thị B": "dai_hoc",
                                "Tòng Văn C": "dai_hoc"}  # fmt: skip
    (note,) = [p for p in roster.problems if "merged" in p.expected]
    assert (note.file, note.row) == ("trich-ngang.xlsx, sheet 'Danh sách'", 4)
    assert note.column is not None and note.column.startswith("Trình độ chuyên môn")


# ------------------------------------------------------------ two columns for one field


def _second_birth_date(folder: Path, header: str, form: str) -> Path:
    """The sample as a ``form`` folder whose cadres table has a second ``header`` column
    (another spelling of birth_date) after the first."""
    roster = cadre_core.sample_roster()
    roster.write(folder, format=form)
    cadres = roster.cadres.copy()
    if form == "csv":
        frame = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
        text = frame.to_csv(index=False).splitlines()
        lines = [text[0] + f",{header}"] + [line + ",1900-01-01" for line in text[1:]]
        (folder / "cadres.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        table = pa.Table.from_pandas(cadres, preserve_index=False)
        second = pa.array([dt.date(1900, 1, 1)] * len(cadres), pa.date32())
        pq.write_table(table.append_column(header, second), folder / "cadres.parquet")
    return folder


@pytest.mark.parametrize("form", ["csv", "parquet"])
@pytest.mark.parametrize("header", ["birth_date", "Ngày sinh"])
def test_a_second_column_for_one_field_is_refused(tmp_path: Path, form: str, header: str) -> None:
    """Issue 16 item 5: as in a workbook, a second column for a field exits 2 naming the
    file, the table and both columns (CSV read the second ``birth_date.1``, not read)."""
    folder = _second_birth_date(tmp_path / "r", header, form)
    done = run("validate", str(folder))
    assert done.returncode == 2, done.stdout + done.stderr
    line = next(x for x in done.stderr.splitlines() if "cột thứ hai cho" in x)
    assert f"r/cadres.{form}" in line and "cadres" in line
    said = "cột thứ hai cho birth_date (Ngày sinh) (cột đầu tiên: 'birth_date')"
    assert header in line and said in line


# ------------------------------------------------------------------- parquet data types


def _tz_days(frame: pd.DataFrame) -> pd.DataFrame:
    frame["birth_date"] = pd.to_datetime(frame["birth_date"]).dt.tz_localize("Asia/Ho_Chi_Minh")
    return frame


def _as_arrow(frame: pd.DataFrame, column: str, values: pa.Array) -> pa.Table:
    table = pa.Table.from_pandas(frame.drop(columns=[column]), preserve_index=False)
    return table.append_column(column, values)


def _set(column: str, value: Any) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame[column] = value(len(frame)) if callable(value) else value
        return frame

    return change


def _arrow(column: str, kind: pa.DataType, value: Any) -> Callable[[pd.DataFrame], pa.Table]:
    return lambda frame: _as_arrow(frame, column, pa.array([value] * len(frame), kind))


ODD_COLUMNS: dict[str, tuple[Callable[[pd.DataFrame], Any], int, str | None]] = {
    # name: (change to the cadres table, exit code, a column the message names)
    "tz-aware dates": (_tz_days, 0, None),
    "tz-aware UTC dates": (
        lambda f: _tz_days(f).assign(birth_date=lambda g: g["birth_date"].dt.tz_convert("UTC")),
        0,
        None,
    ),
    "inf in a date column": (_set("birth_date", np.inf), 2, "birth_date"),
    "inf in a day serial column": (
        _set("left_date", lambda n: np.where(np.arange(n) == 2, np.inf, np.nan)),
        2,
        "left_date",
    ),
    "inf in a yes/no column": (_set("is_local", -np.inf), 2, "is_local"),
    "durations": (_set("birth_date", lambda n: pd.to_timedelta(np.arange(n), "D")), 2, None),
    "categorical": (
        lambda f: f.assign(gender=f["gender"].astype("category")),
        0,
        None,
    ),
    "nested lists": (_set("birth_date", lambda n: [[1, 2]] * n), 2, "birth_date"),
    "structs": (_set("ethnicity", lambda n: [{"a": 1}] * n), 2, "ethnicity"),
    "utf-8 bytes": (_arrow("full_name", pa.binary(), "Lò Văn A".encode()), 0, None),
    "bytes not utf-8": (_arrow("full_name", pa.binary(), b"\xff\x00abc"), 2, "full_name"),
    "large bytes not utf-8": (_arrow("ethnicity", pa.large_binary(), b"\xc3"), 2, "ethnicity"),
    "fixed-size bytes": (_arrow("gender", pa.binary(4), b"male"), 0, None),
    "uint64 overflow": (_set("birth_date", np.uint64(2**64 - 1)), 2, "birth_date"),
    "uint64 in text": (_set("gender", np.uint64(2**64 - 1)), 2, "gender"),
    "decimal": (
        _arrow("birth_date", pa.decimal128(10, 1), decimal.Decimal("45000.5")),
        2,
        "birth_date",
    ),
    "times of day": (_arrow("birth_date", pa.time64("us"), dt.time(1, 2)), 2, "birth_date"),
    "far dates": (_arrow("birth_date", pa.timestamp("us"), dt.datetime(9999, 1, 1)), 2, None),
    "null column": (_arrow("left_date", pa.null(), None), 0, None),
    "dictionary text": (
        lambda f: _as_arrow(f, "gender", pa.array(f["gender"].tolist()).dictionary_encode()),
        0,
        None,
    ),
    "map": (_arrow("ethnicity", pa.map_(pa.string(), pa.int64()), [("a", 1)]), 2, "ethnicity"),
}


@pytest.mark.parametrize("case", list(ODD_COLUMNS))
def test_odd_parquet_columns_exit_0_or_2(tmp_path: Path, case: str) -> None:
    """Issue 16 item 12: every parquet column type answers 0 or 2 (naming the column),
    never an internal error; time-zone-aware dates are read as their calendar day."""
    change, code, column = ODD_COLUMNS[case]
    folder = tmp_path / "r"
    cadre_core.sample_roster().write(folder, format="parquet")
    frame = pd.read_parquet(folder / "cadres.parquet")
    changed = change(frame)
    if isinstance(changed, pa.Table):
        pq.write_table(changed, folder / "cadres.parquet")
    else:
        changed.to_parquet(folder / "cadres.parquet")
    done = run("validate", str(folder))
    assert done.returncode == code, done.stdout + done.stderr
    assert (
        "internal error" not in done.stderr
        and "lỗi nội bộ" not in done.stderr
        and "Traceback" not in done.stderr
    )
    if column is not None:
        assert any(column in line and line.startswith("Lỗi\t") for line in done.stderr.splitlines())


def test_tz_aware_birth_dates_keep_their_calendar_day(tmp_path: Path) -> None:
    """A birth date written as a Vietnamese midnight (or that instant in UTC) is the day
    it names, not the day before: the roster reads as the sample does."""
    sample = cadre_core.sample_roster()
    for zone in ("Asia/Ho_Chi_Minh", "UTC"):
        folder = tmp_path / zone.replace("/", "-")
        sample.write(folder, format="parquet")
        frame = _tz_days(pd.read_parquet(folder / "cadres.parquet"))
        frame["birth_date"] = frame["birth_date"].dt.tz_convert(zone)
        frame.to_parquet(folder / "cadres.parquet")
        assert cadre_core.read_roster(folder) == sample, zone


def test_a_name_merged_over_two_rows_is_one_person(tmp_path: Path) -> None:
    """A person written over two rows (name and STT merged) stays one person: the merge
    of the name is not copied (that would make two cadres), and the second row is listed
    as not read, as before."""
    path = tmp_path / "two-rows.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách"
    ws.append(["DANH SÁCH CÁN BỘ XÃ NẬM TĂM (tính đến ngày 31/12/2025)"])
    ws.append(list(FLAT_HEADER))
    ws.append(list(FLAT_PEOPLE[0]))
    ws.append([None, None, None, None, "Chủ tịch HĐND", None])
    ws.append(list(FLAT_PEOPLE[1]))
    for column in "ABCDF":
        ws.merge_cells(f"{column}3:{column}4")
    wb.save(path)
    done = run("validate", str(path))
    assert done.returncode == 0, done.stderr
    roster = cadre_core.read_roster(path)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn A", "Lò Thị B"]
    assert any(p.row == 4 and "no person's name" in p.expected for p in roster.problems)
