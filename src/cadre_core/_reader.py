"""Reading raw roster tables from files: an ``.xlsx`` workbook or a folder of CSV/parquet.

This stage only finds the tables and their header rows and keeps every cell as read,
with the spreadsheet row number of each record. Normalisation and validation come next
(:mod:`cadre_core._validate`).
"""

from __future__ import annotations

import difflib
import zipfile
from pathlib import Path

import attrs
import numpy as np
import pandas as pd

from cadre_core._problems import Problem
from cadre_core._schema import TABLE_BY_NAME, TABLE_NAMES, TABLES, Table, text_key


@attrs.frozen
class RawTable:
    """One table as read: raw cells, the user's headers, and row numbers as the user sees them."""

    name: str
    frame: pd.DataFrame
    rows: pd.Series
    file: str
    serials: bool = False  # numbers in date columns are spreadsheet serials (workbooks)


def _table_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for t in TABLES:
        keys[text_key(t.name)] = t.name
        for a in t.aliases:
            keys[text_key(a)] = t.name
    return keys


TABLE_KEYS = _table_keys()


def table_for(name: str) -> str | None:
    """The canonical table a sheet or file name denotes, if any."""
    return TABLE_KEYS.get(text_key(name))


def suggest_table(name: str) -> str | None:
    """The closest table name, for a message about an unknown sheet or file."""
    close = difflib.get_close_matches(text_key(name), list(TABLE_KEYS), n=1, cutoff=0.6)
    return TABLE_KEYS[close[0]] if close else None


def header_keys(table: Table) -> dict[str, str]:
    """Map every accepted header spelling (as a key) to its canonical column."""
    keys: dict[str, str] = {}
    for c in table.columns:
        keys[text_key(c.name)] = c.name
        for a in c.aliases:
            keys[text_key(a)] = c.name
    return keys


def _find_header(grid: pd.DataFrame, table: Table) -> int | None:
    """Index of the header row: the first of the top rows whose cells are mostly known headers."""
    known = header_keys(table)
    first_nonempty: int | None = None
    for i in range(min(len(grid), 20)):
        cells = [str(v) for v in grid.iloc[i].tolist() if isinstance(v, str) and v.strip()]
        others = [v for v in grid.iloc[i].tolist() if not (v is None or v is np.nan or v == "")]
        if not others:
            continue
        if first_nonempty is None:
            first_nonempty = i
        hits = sum(text_key(c) in known for c in cells)
        if hits and hits * 2 >= len(others):
            return i
    return first_nonempty


def _frame_from_grid(grid: pd.DataFrame, header_at: int) -> tuple[pd.DataFrame, pd.Series]:
    headers = [
        "" if (v is None or (isinstance(v, float) and np.isnan(v))) else str(v)
        for v in grid.iloc[header_at].tolist()
    ]
    body = grid.iloc[header_at + 1 :].copy()
    body.columns = pd.Index(range(len(headers)))
    # drop fully blank columns without a header, and fully blank rows (counted, not lost:
    # a blank row holds no data)
    blank_cell = body.isna() | body.map(lambda v: isinstance(v, str) and not v.strip())
    keep_cols = [i for i, h in enumerate(headers) if h.strip() or not bool(blank_cell[i].all())]
    body = body[keep_cols]
    body.columns = pd.Index([headers[i].strip() or f"column {i + 1}" for i in keep_cols])
    nonblank = ~blank_cell[keep_cols].all(axis=1)
    body = body[nonblank]
    rows = pd.Series(body.index.to_numpy() + 1, index=body.index)  # 1-based sheet row
    body = body.reset_index(drop=True)
    rows = rows.reset_index(drop=True)
    return body, rows


def read_workbook(path: Path) -> tuple[list[RawTable], list[Problem]]:
    """Read every sheet of an ``.xlsx``/``.xls`` workbook that is a roster table."""
    problems: list[Problem] = []
    name = path.name
    try:
        sheets = pd.read_excel(path, sheet_name=None, header=None, engine="calamine")
    except Exception as exc:  # the engine raises many types for a non-workbook
        kind = "a readable .xlsx workbook"
        if not zipfile.is_zipfile(path) and path.suffix.lower() == ".xlsx":
            kind = "a readable .xlsx workbook (the file is not a zip container)"
        return [], [Problem(name, None, None, None, None, f"not {kind}: {type(exc).__name__}")]
    tables: list[RawTable] = []
    seen: dict[str, str] = {}
    for sheet, grid in sheets.items():
        sheet_name = str(sheet)
        canonical = table_for(sheet_name)
        if canonical is None:
            if grid.dropna(how="all").empty:
                continue
            hint = suggest_table(sheet_name)
            problems.append(
                Problem(
                    name,
                    sheet_name,
                    None,
                    None,
                    None,
                    f"sheet {sheet_name!r} is not a roster table and was not read",
                    hint,
                    severity="warning",
                )
            )
            continue
        if canonical in seen:
            problems.append(
                Problem(
                    name,
                    canonical,
                    None,
                    None,
                    None,
                    f"two sheets ({seen[canonical]!r} and {sheet_name!r}) both hold this table",
                )
            )
            continue
        seen[canonical] = sheet_name
        header_at = _find_header(grid, TABLE_BY_NAME[canonical])
        if header_at is None:
            frame, rows = pd.DataFrame(), pd.Series(dtype="int64")
        else:
            frame, rows = _frame_from_grid(grid, header_at)
        tables.append(RawTable(canonical, frame, rows, name, serials=True))
    return tables, problems


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(
        path,
        dtype=str,
        keep_default_na=False,
        na_values=[],
        encoding="utf-8-sig",
        skip_blank_lines=True,
    )


def read_folder(path: Path) -> tuple[list[RawTable], list[Problem]]:
    """Read a folder of ``<table>.csv`` or ``<table>.parquet`` files."""
    problems: list[Problem] = []
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".parquet"))
    kinds = {p.suffix.lower() for p in files}
    if len(kinds) > 1:
        problems.append(
            Problem(
                path.name,
                None,
                None,
                None,
                None,
                "a roster folder holds either .csv or .parquet tables, not both",
            )
        )
        return [], problems
    tables: list[RawTable] = []
    for f in files:
        canonical = table_for(f.stem)
        label = f"{path.name}/{f.name}"
        if canonical is None:
            problems.append(
                Problem(
                    label,
                    None,
                    None,
                    None,
                    None,
                    "file is not a roster table and was not read",
                    suggest_table(f.stem),
                    severity="warning",
                )
            )
            continue
        try:
            if f.suffix.lower() == ".csv":
                frame = _read_csv(f)
                rows = pd.Series(np.arange(len(frame)) + 2)
            else:
                frame = pd.read_parquet(f)
                rows = pd.Series(np.arange(len(frame)) + 1)
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(
                    label,
                    canonical,
                    None,
                    None,
                    None,
                    f"not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8'",
                )
            )
            continue
        except Exception as exc:
            problems.append(
                Problem(
                    label,
                    canonical,
                    None,
                    None,
                    None,
                    f"not a readable {f.suffix} table: {type(exc).__name__}",
                )
            )
            continue
        tables.append(RawTable(canonical, frame.reset_index(drop=True), rows, label))
    return tables, problems


def read_raw(path: Path) -> tuple[list[RawTable], list[Problem]]:
    """Read the raw tables of a roster at ``path`` (workbook or folder)."""
    if not path.exists():
        return [], [Problem(str(path), None, None, None, None, "no such file or folder")]
    if path.is_dir():
        return read_folder(path)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        return read_workbook(path)
    return [], [
        Problem(
            path.name,
            None,
            None,
            None,
            None,
            "a roster is an .xlsx workbook or a folder of .csv or .parquet tables",
        )
    ]


__all__ = ["TABLE_NAMES", "RawTable", "read_raw"]
