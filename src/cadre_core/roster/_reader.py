"""Reading raw roster tables from files: an ``.xlsx`` workbook or a folder of CSV/parquet.

This stage only finds the tables and their header rows and keeps every cell as read,
with the spreadsheet row number of each record. Normalisation and validation come next
(:mod:`cadre_core.roster._validate`).
"""

from __future__ import annotations

import csv
import difflib
import stat
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._cell_errors import frame_marks, header_marks, table_marks
from cadre_core.roster._csv import CsvText, csv_text
from cadre_core.roster._guards import TooLarge, _check_workbook_size
from cadre_core.roster._merged import _missing, fill_merged
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._schema import (
    TABLE_BY_NAME,
    TABLE_NAMES,
    TABLES,
    Table,
    header_key,
    text_key,
)
from cadre_core.roster._sheets import locked, read_sheets
from cadre_core.roster._sniff import WORKBOOK_SUFFIXES, XML_SUFFIXES, foreign_file, source_of
from cadre_core.vocab._labels import label as label_text

if TYPE_CHECKING:
    from cadre_core.roster._layout import Layout


@attrs.frozen
class RawTable:
    """One table as read: raw cells, the user's headers, and row numbers as the user sees them."""

    name: str
    frame: pd.DataFrame
    rows: pd.Series
    file: str
    serials: bool = False  # numbers in date columns are spreadsheet serials (workbooks)
    # text key of a header -> canonical column, from a layout profile (before the aliases)
    header_aliases: Mapping[str, str] = attrs.field(factory=dict)
    # cells holding an error value or a formula with no saved value: by the position of
    # their column, each row (as ``rows`` numbers it) and the text the cell holds
    # (:mod:`cadre_core.roster._cell_errors`)
    marks: Mapping[int, Mapping[int, str]] = attrs.field(factory=dict)


def _table_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for t in TABLES:
        keys[text_key(t.name)] = t.name
        for a in t.aliases:
            keys[text_key(a)] = t.name
    return keys


TABLE_KEYS = _table_keys()


def table_for(name: str, layout: Layout | None = None) -> str | None:
    """The canonical table a sheet or file name denotes (the layout's sheets first), if any."""
    key = text_key(name)
    if layout is not None and key in layout.sheets:
        return layout.sheets[key]
    return TABLE_KEYS.get(key)


def suggest_table(name: str) -> str | None:
    """The closest table name, for a message about an unknown sheet or file."""
    close = difflib.get_close_matches(text_key(name), list(TABLE_KEYS), n=1, cutoff=0.6)
    return TABLE_KEYS[close[0]] if close else None


def header_keys(table: Table) -> dict[str, str]:
    """Map every accepted header spelling (as a :func:`header_key`) to its canonical column."""
    keys: dict[str, str] = {}
    for c in table.columns:
        keys[header_key(c.name)] = c.name
        for a in c.aliases:
            keys[header_key(a)] = c.name
    return keys


def known_headers(raw: RawTable) -> dict[str, str]:
    """Every header key accepted in ``raw``'s table: a layout's (``header_aliases``) first."""
    return {**header_keys(TABLE_BY_NAME[raw.name]), **raw.header_aliases}


HEADER_GUESS_CUTOFF = 60.0
"""Lowest rapidfuzz ``WRatio`` score (0-100) at which a known header is offered as the
best guess for an unrecognised one."""


def guess_header(header: str, table: Table) -> tuple[str, float] | None:
    """The canonical column whose known spelling is closest to ``header``, with its score
    (0-100, rapidfuzz ``WRatio`` on the text keys), or None when none is close.

    >>> from cadre_core.roster._schema import TABLE_BY_NAME
    >>> guess_header("Ngành \\nđào tạo", TABLE_BY_NAME["degrees"])[0]
    'field'
    >>> guess_header("xyz", TABLE_BY_NAME["degrees"]) is None
    True
    """
    from rapidfuzz import fuzz, process

    known = header_keys(table)
    best = process.extractOne(
        header_key(header), list(known), scorer=fuzz.WRatio, score_cutoff=HEADER_GUESS_CUTOFF
    )
    if best is None:
        return None
    return known[best[0]], float(best[1])


def _find_header(grid: pd.DataFrame, table: Table, layout: Layout | None = None) -> int | None:
    """Index of the header row: the first of the top rows whose cells are mostly known headers."""
    known = {**header_keys(table), **(layout.header_aliases(table.name) if layout else {})}
    first_nonempty: int | None = None
    for i in range(min(len(grid), 20)):
        cells = [str(v) for v in grid.iloc[i].tolist() if isinstance(v, str) and v.strip()]
        others = [v for v in grid.iloc[i].tolist() if not (v is None or v is np.nan or v == "")]
        if not others:
            continue
        if first_nonempty is None:
            first_nonempty = i
        hits = sum(header_key(c) in known for c in cells)
        if hits and hits * 2 >= len(others):
            return i
    return first_nonempty


def _only_spaces(column: pd.Series) -> pd.Series:
    """Cells that are text made only of whitespace (or empty), column-wise."""
    if column.dtype != object and not pd.api.types.is_string_dtype(column.dtype):
        return pd.Series(False, index=column.index)
    try:
        stripped = column.str.strip()  # non-text cells give NaN
    except AttributeError:  # no text at all (dates, numbers)
        return pd.Series(False, index=column.index)
    return (stripped == "").fillna(False).astype(bool)


def _blank_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Which cells of ``frame`` are blank: missing, or text made only of whitespace
    (columns taken by position: two columns may share a header until validation names
    them)."""
    spaces = [_only_spaces(frame.iloc[:, i]).to_numpy() for i in range(frame.shape[1])]
    grid = np.column_stack(spaces) if spaces else np.zeros((len(frame), 0), dtype=bool)
    return frame.isna() | pd.DataFrame(grid, index=frame.index, columns=frame.columns)


def _without_blank_rows(frame: pd.DataFrame, rows: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
    """``frame`` and its row numbers without the rows whose every cell is blank (a row of
    empty cells, as spreadsheets export, holds no data: it is neither read nor counted)."""
    if frame.shape[1] == 0 or frame.empty:
        return frame, rows
    # column by column, only over the rows still blank so far: the first column that is
    # filled everywhere (an id) ends the search without reading the other columns
    blank = np.ones(len(frame), dtype=bool)
    for i in range(frame.shape[1]):
        column = frame.iloc[:, i] if blank.all() else frame.iloc[np.flatnonzero(blank), i]
        blank[blank] = (column.isna() | _only_spaces(column)).to_numpy()
        if not blank.any():
            return frame, rows
    keep = ~blank
    if keep.all():
        return frame, rows
    return frame[keep].reset_index(drop=True), rows[keep].reset_index(drop=True)


def _frame_from_grid(
    grid: pd.DataFrame, header_at: int
) -> tuple[pd.DataFrame, pd.Series, list[int]]:
    """The table under the header row ``header_at`` of a sheet's grid, the sheet's row of
    each of its rows (1-based) and the grid's column of each of its columns."""
    headers = ["" if _missing(v) else str(v) for v in grid.iloc[header_at].tolist()]
    body = grid.iloc[header_at + 1 :].copy()
    body.columns = pd.Index(range(len(headers)))
    # drop fully blank columns without a header, and fully blank rows (counted, not lost:
    # a blank row holds no data)
    blank_cell = _blank_cells(body)
    keep_cols = [i for i, h in enumerate(headers) if h.strip() or not bool(blank_cell[i].all())]
    body = body[keep_cols]
    body.columns = pd.Index([headers[i].strip() or f"column {i + 1}" for i in keep_cols])
    nonblank = ~blank_cell[keep_cols].all(axis=1)
    body = body[nonblank]
    rows = pd.Series(body.index.to_numpy() + 1, index=body.index)  # 1-based sheet row
    body = body.reset_index(drop=True)
    rows = rows.reset_index(drop=True)
    return body, rows, keep_cols


def read_workbook(path: Path, layout: Layout | None = None) -> tuple[list[RawTable], list[Problem]]:
    """Read every sheet of a workbook (``.xlsx``, ``.xlsb``, ``.xls``, ``.ods``, an XML Spreadsheet)
    that is a roster table."""
    problems: list[Problem] = []
    name = path.name
    too_large = _check_workbook_size(path)
    if too_large is not None:
        return [], [problem(name, None, None, None, None, "workbook_too_large", reason=too_large)]
    try:
        sheets, merged = read_sheets(path)
    except TooLarge as exc:
        return [], [problem(name, None, None, None, None, "workbook_too_large", reason=str(exc))]
    except Exception as exc:  # the engine raises many types for a non-workbook
        key = "not_workbook"
        if (foreign := foreign_file(path)) is not None:  # a PDF or a picture named .xlsx
            return [], [problem(name, None, None, None, None, foreign)]
        if locked(path, exc):
            key = "workbook_password"
        elif not zipfile.is_zipfile(path) and path.suffix.lower() == ".xlsx":
            key = "not_zip_workbook"
        kind = path.suffix.lower() or "Excel"  # .xls, .ods...: the kind the user gave
        refused = problem(name, None, None, None, None, key, error=type(exc).__name__, kind=kind)
        return [], [refused]
    tables: list[RawTable] = []
    seen: dict[str, str] = {}
    for sheet, grid in sheets.items():
        sheet_name = str(sheet)
        canonical = table_for(sheet_name, layout)
        if canonical is None:
            if grid.dropna(how="all").empty:
                continue
            hint = suggest_table(sheet_name)
            problems.append(
                problem(
                    name,
                    sheet_name,
                    None,
                    None,
                    None,
                    "sheet_not_table",
                    hint,
                    severity="warning",
                    scope="sheet",
                    sheet=repr(sheet_name),
                )
            )
            continue
        if canonical in seen:
            problems.append(
                problem(
                    name,
                    canonical,
                    None,
                    None,
                    None,
                    "two_sheets",
                    first=repr(seen[canonical]),
                    second=repr(sheet_name),
                )
            )
            continue
        seen[canonical] = sheet_name
        header_at = _find_header(grid, TABLE_BY_NAME[canonical], layout)
        marks: dict[int, dict[int, str]] = {}
        if header_at is None:
            frame, rows = pd.DataFrame(), pd.Series(dtype="int64")
        else:
            grid, filled = fill_merged(grid, merged.get(sheet_name, []), header_at + 1)
            for (r0, c0, _, _), cells in filled:
                header = grid.iat[header_at, c0]
                problems.append(
                    problem(
                        name,
                        canonical,
                        r0 + 1,
                        None if _missing(header) else str(header).strip(),
                        None,
                        "merged_in_sheet",
                        severity="warning",
                        sheet=repr(sheet_name),
                        cells=cells,
                    )
                )
            frame, rows, kept = _frame_from_grid(grid, header_at)
            # cells holding an error value or a formula with no saved value: the table's
            # are said by validation on their rows, a title's or header's here
            marks, said = table_marks(sheets[sheet], header_at, kept, name, canonical)
            problems.extend(said)
        tables.append(RawTable(canonical, frame, rows, name, serials=True, marks=marks))
    return tables, problems


def _read_csv(source: CsvText) -> pd.DataFrame:
    """A CSV table as text cells, its headers exactly as written: two columns with one
    header stay two (pandas would rename the second ``birth_date.1``, hiding it from the
    check that refuses a second column for a field); a blank header is named by its place
    (``column 8``), as in a workbook."""
    with source.open() as text:
        grid = pd.read_csv(
            text,
            sep=source.delimiter,
            dtype=str,
            header=None,
            keep_default_na=False,
            na_values=[],
            skip_blank_lines=True,
        )
    frame = grid.iloc[1:].reset_index(drop=True)
    headers = [str(h) if str(h).strip() else f"column {i + 1}" for i, h in enumerate(grid.iloc[0])]
    frame.columns = pd.Index(headers, dtype=object)
    return frame


class UnreadableColumn(ValueError):
    """A column of a parquet table whose cells cannot be read as any roster value."""

    def __init__(self, column: str, row: int | None, key: str, **args: object) -> None:
        why = label_text(f"problem_{key}", "en").format(**args)
        super().__init__(why)
        self.column, self.row, self.why = column, row, why
        self.key, self.said = key, {k: str(v) for k, v in args.items()}


def _read_parquet(path: Path) -> pd.DataFrame:
    """A parquet table as pandas columns, read as a CSV table or a sheet would be:

    - two columns with one name stay two (refused as a second column for a field);
    - a column of bytes (``binary``, as some writers store text) is read as the UTF-8
      text it holds, and refused (:class:`UnreadableColumn`, naming its first bad row)
      when it holds bytes that are not UTF-8 text;
    - a column of nested values (lists, structs, maps) is refused: no cell of a roster
      holds one.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    def is_bytes(kind: pa.DataType) -> bool:
        return bool(
            pa.types.is_binary(kind)
            or pa.types.is_large_binary(kind)
            or pa.types.is_fixed_size_binary(kind)
        )

    schema = pq.read_schema(path)
    for field in schema:
        if pa.types.is_nested(field.type):
            raise UnreadableColumn(field.name, None, "nested_column", kind=field.type)
    twice = len(set(schema.names)) < len(schema.names)
    if not twice and not any(is_bytes(field.type) for field in schema):
        return pd.read_parquet(path)
    table = pq.ParquetFile(path).read()  # (a dataset refuses two columns with one name)
    for i, field in enumerate(table.schema):
        if not is_bytes(field.type):
            continue
        column = table.column(i)
        try:
            text = column.cast(pa.large_binary()).cast(pa.large_string())
        except pa.ArrowInvalid:
            bad = [j for j, v in enumerate(column.to_pylist()) if not _utf8(v)]
            raise UnreadableColumn(
                field.name, bad[0] + 1 if bad else None, "bytes_column"
            ) from None
        table = table.set_column(i, pa.field(field.name, pa.large_string()), text)
    frame: pd.DataFrame = table.to_pandas()
    return frame


def _utf8(value: object) -> bool:
    """Whether a cell of a bytes column is missing or UTF-8 text."""
    if not isinstance(value, bytes):
        return True
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _csv_record_lines(source: CsvText) -> list[int] | None:
    """The line of the file on which each record of a CSV file starts (the header's first),
    leaving out the blank lines :func:`_read_csv` leaves out; None when it cannot tell.

    A record holding a quoted multi-line cell spans several lines, so record numbers and
    line numbers part after the first one: a problem names the line where its record
    starts, the row a text editor or a spreadsheet (which shows blank lines) shows.
    """
    starts: list[int] = []
    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(1 << 30)
        with source.open() as text:
            reader = csv.reader(text, delimiter=source.delimiter)
            end = 0
            for record in reader:
                # pandas skips empty lines and lines of spaces or tabs only
                if record and not (len(record) == 1 and not record[0].strip(" \t")):
                    starts.append(end + 1)
                end = reader.line_num
    except (csv.Error, OSError):
        return None
    finally:
        csv.field_size_limit(limit)
    return starts


def _csv_rows(source: CsvText, frame: pd.DataFrame) -> pd.Series:
    """The row number, as the user sees it, of each record of ``frame`` read from
    ``source``: the line where the record starts (header = row 1)."""
    starts = _csv_record_lines(source)
    if starts is None or len(starts) != len(frame) + 1:  # parsers disagree: count records
        return pd.Series(np.arange(len(frame)) + 2)
    return pd.Series(starts[1:], dtype="int64")


TABLE_SUFFIXES = (".csv", ".parquet")
"""The kinds of file a roster folder's tables are."""


def _not_regular(path: Path) -> tuple[str, str] | None:
    """What ``path`` is when it is not a regular file (a symlink to one is fine), from its
    status alone (the file is never opened): the key of its sentence in the label table
    (``problem_not_regular_<key>``) and the reason it cannot be examined; None for a
    regular file."""
    try:
        mode = path.stat().st_mode  # follows symlinks
    except OSError as exc:
        return "unexaminable", str(exc.strerror or type(exc).__name__)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder", ""
    if stat.S_ISFIFO(mode):
        return "fifo", ""
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device", ""
    if stat.S_ISSOCK(mode):
        return "socket", ""
    return "other", ""


def not_a_regular_file(path: Path, label: str) -> Problem | None:
    """The problem with reading ``path`` (shown as ``label``) when it is not a regular file
    (a folder, a pipe, a device such as ``/dev/zero``...), which could never be read or
    never end; None for a regular file. Checked before any file is opened."""
    what = _not_regular(path)
    if what is None:
        return None
    return problem(label, None, None, None, None, f"not_regular_{what[0]}", reason=what[1])


def folder_tables(
    path: Path, layout: Layout | None = None
) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The table files of a roster folder with the table each holds, and the problems of the
    folder's entries, found from names and status alone (no file is opened).

    Every other entry is listed as not read (a warning, scope ``"sheet"``); hidden entries
    (``.name``) are left out. A table file that is not a regular file, two files for one
    table and a mix of ``.csv`` and ``.parquet`` tables are errors.
    """
    problems: list[Problem] = []
    found: dict[str, list[Path]] = {}
    for f in sorted(path.iterdir()):
        if f.name.startswith("."):
            continue
        label = f"{path.name}/{f.name}"
        suffix = f.suffix.lower()
        canonical = table_for(f.stem, layout) if suffix in TABLE_SUFFIXES else None
        if canonical is None:
            what = "folder" if f.is_dir() else "file"
            hint = suggest_table(f.stem) if suffix in TABLE_SUFFIXES else None
            problems.append(
                problem(
                    label,
                    None,
                    None,
                    None,
                    None,
                    f"{what}_not_table",
                    hint,
                    severity="warning",
                    scope="sheet",
                )
            )
            continue
        special = not_a_regular_file(f, label)
        if special is not None:
            problems.append(attrs.evolve(special, table=canonical))
            continue
        found.setdefault(canonical, []).append(f)
    tables: list[tuple[Path, str]] = []
    for canonical, paths in found.items():
        if len(paths) > 1:
            both = "both" if len(paths) == 2 else "all"
            problems.append(
                problem(
                    path.name,
                    canonical,
                    None,
                    None,
                    None,
                    "files_hold_table",
                    files=";".join(p.name for p in paths),
                    both=both,
                )
            )
            continue
        tables.append((paths[0], canonical))
    kinds = {p.suffix.lower() for paths in found.values() for p in paths}
    if len(kinds) > 1:
        problems.append(problem(path.name, None, None, None, None, "csv_and_parquet"))
        return [], problems
    return sorted(tables), problems


def read_folder(path: Path, layout: Layout | None = None) -> tuple[list[RawTable], list[Problem]]:
    """Read a folder of ``<table>.csv`` or ``<table>.parquet`` files (see
    :func:`folder_tables` for which files are read). A cell whose whole text is an error
    value (``#N/A``: a CSV's, a parquet table's text) is marked, as a workbook's error cell
    is (:func:`~cadre_core.roster._cell_errors.frame_marks`), and such a CSV header is said
    as a workbook table's header cell is
    (:func:`~cadre_core.roster._cell_errors.header_marks`)."""
    files, problems = folder_tables(path, layout)
    tables: list[RawTable] = []
    for f, canonical in files:
        label = f"{path.name}/{f.name}"
        try:
            if f.suffix.lower() == ".csv":
                source = csv_text(f)
                frame = _read_csv(source)
                rows = _csv_rows(source, frame)
                if source.encoding == "windows-1258":  # read, but say how
                    problems.append(
                        problem(label, canonical, None, None, None, "read_as_1258",
                                severity="warning")
                    )  # fmt: skip
            else:
                frame = _read_parquet(f)
                rows = pd.Series(np.arange(len(frame)) + 1)
        except UnreadableColumn as exc:
            problems.append(
                problem(label, canonical, exc.row, exc.column, None, exc.key, **exc.said)
            )
            continue
        except UnicodeDecodeError as exc:
            problems.append(problem(label, canonical, None, None, None, "not_utf8", byte=exc.start))
            continue
        except Exception as exc:
            problems.append(
                problem(
                    label,
                    canonical,
                    None,
                    None,
                    None,
                    "not_table_file",
                    suffix=f.suffix,
                    error=type(exc).__name__,
                )
            )
            continue
        frame, rows = _without_blank_rows(frame.reset_index(drop=True), rows)
        # "#N/A": a spreadsheet saved a formula that failed as its text
        frame, marks = frame_marks(frame, rows)
        if f.suffix.lower() == ".csv":  # (a parquet column's name is no cell)
            problems.extend(header_marks(frame.columns, label, canonical))
        tables.append(RawTable(canonical, frame, rows, label, marks=marks))
    return tables, problems


def read_raw(path: Path, layout: Layout | None = None) -> tuple[list[RawTable], list[Problem]]:
    """Read the raw tables of a roster at ``path`` (workbook or folder); ``layout`` names
    sheets (or files) and helps find header rows (its headers and values are applied by
    :func:`cadre_core.roster._layout.apply_layout`)."""
    if not path.exists():
        return [], [problem(str(path), None, None, None, None, "no_such_path")]
    if path.is_dir():
        return read_folder(path, layout)
    special = not_a_regular_file(path, path.name)
    if special is not None:
        return [], [special]
    suffix = path.suffix.lower()
    if suffix in (*WORKBOOK_SUFFIXES, *XML_SUFFIXES) or (
        suffix == ".csv" and source_of(path) in ("workbook", "spreadsheetml")
    ):  # a workbook saved under a CSV name is read as one
        return read_workbook(path, layout)
    key = foreign_file(path) or "not_a_roster_path"  # a PDF, a scan: said what it is
    return [], [problem(path.name, None, None, None, None, key)]


__all__ = [
    "TABLE_NAMES",
    "RawTable",
    "folder_tables",
    "guess_header",
    "not_a_regular_file",
    "read_raw",
]
