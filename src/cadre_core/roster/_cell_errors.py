"""Cells of a workbook that hold no value to read: an error value (``#N/A``, ``#VALUE!``,
``#REF!``: a formula that failed) or a formula with no saved value (a workbook written by
a program that never calculated it, as openpyxl writes one).

The sheets' reader keeps such a cell's text in its grid and names the cell
(:data:`~cadre_core.roster._sheets.CELL_ERRORS`), whatever the workbook's format. The
readers then tell where it is. A cell the roster reads (in a list: a person's row under
a column that is read; in a workbook of tables: a row of the table) is named in its raw
table (:attr:`RawTable.marks <cadre_core.roster._reader.RawTable.marks>`, by column and
row), and validation says it (:func:`failed_cells`) on the row and column every other
problem of a value names, in place of what its text would otherwise be said to be: an
error, which ``--skip-invalid`` sets aside as it sets aside any bad value of that column
(the cell alone in a column read cell by cell, else the row). A cell outside what is read
(a title row, a group, total or signature row, a table's header) is a warning naming the
cell; one under a column that is not read says nothing more than that column's warning.

A list or a table saved as text (a CSV file, a web page, a Word document's table pasted
from a sheet, a parquet table's text column) keeps only the text the cell showed: a cell
whose whole text is an error value (:data:`ERROR_TEXT`) is marked as the sheets' reader
marks one (:func:`marked_text`, :func:`frame_marks`), and said the same; so is such a
header of a table (:func:`header_marks`, :func:`header_error`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cadre_core.roster._merged import cell_name
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._sheets import CELL_ERRORS, ERROR_TEXT, NO_VALUE, _marked

if TYPE_CHECKING:
    from cadre_core.roster._merged import Merged
    from cadre_core.roster._reader import RawTable

_PADDED = re.compile(rf"\s*(?:{ERROR_TEXT.pattern})\s*")  # the same, spaces around it


def marks_of(grid: pd.DataFrame) -> Mapping[tuple[int, int], str]:
    """The marked cells of a sheet's grid, ``{(row, column): text}`` (0-based; none for a
    grid of no workbook)."""
    found = grid.attrs.get(CELL_ERRORS)
    return found if isinstance(found, Mapping) else {}


def error_texts(cells: pd.DataFrame) -> dict[tuple[int, int], str]:
    """The cells of ``cells`` (a grid or a table of text) whose whole text, its spaces
    trimmed, is an error value (:data:`ERROR_TEXT`), ``{(row, column): "#N/A"}`` by their
    0-based places, in that order.

    >>> error_texts(pd.DataFrame([["#N/A", " #REF! "], ["Ghi chú: #N/A", 1975], ["N/A", None]]))
    {(0, 0): '#N/A', (0, 1): '#REF!'}
    """
    out: dict[tuple[int, int], str] = {}
    for c in range(cells.shape[1]):
        values = cells.iloc[:, c]
        # every error value holds "#" or "Err:": only the cells that do are matched, found
        # in C for a column of text (Arrow), by one test per cell for any other
        if values.dtype == object:
            maybe = [i for i, v in enumerate(values.tolist())
                     if isinstance(v, str) and ("#" in v or "Err:" in v)]  # fmt: skip
        elif isinstance(values.dtype, pd.StringDtype):
            arr = pa.array(values, type=pa.large_string(), from_pandas=True)
            found = pc.or_(pc.match_substring(arr, "#"), pc.match_substring(arr, "Err:"))
            hit = pc.fill_null(found, False).to_numpy(zero_copy_only=False)
            maybe = np.flatnonzero(hit).tolist()
        elif isinstance(values.dtype, pd.CategoricalDtype):  # a parquet dictionary column
            codes = [i for i, v in enumerate(values.cat.categories.tolist())
                     if isinstance(v, str) and _PADDED.fullmatch(v)]  # fmt: skip
            maybe = np.flatnonzero(np.isin(values.cat.codes.to_numpy(), codes)).tolist()
        else:  # numbers, days: no text
            continue
        for r in maybe:
            text = values.iat[r]
            if isinstance(text, str) and _PADDED.fullmatch(text):
                out[r, c] = text.strip()
    return dict(sorted(out.items()))


def marked_text(
    cells: pd.DataFrame, merged: Iterable[Merged] = (), top: int = 0, end: int | None = None
) -> pd.DataFrame:
    """A grid of text (a CSV file's, a web page's) with its cells whose whole text is an
    error value (:func:`error_texts`) marked as the sheets' reader marks a workbook's error
    cells (each holding its error value, named in the grid's ``attrs``
    :data:`~cadre_core.roster._sheets.CELL_ERRORS`, a merged range's other rows too): so
    that the list reader says them as it says a workbook's (:func:`marks_of`). Only the
    rows from ``top`` to ``end`` are cells (a document's table; the lines of text around
    it are no cell). The grid itself when it holds none.

    >>> grid = marked_text(pd.DataFrame([["Họ và tên", "Chức vụ"], ["Lò Văn An", " #N/A"]]))
    >>> grid.iat[1, 1], dict(marks_of(grid))
    ('#N/A', {(1, 1): '#N/A'})
    """
    found = error_texts(cells.iloc[top:end])
    errors = {(r + top, c): text for (r, c), text in found.items()}
    return _marked(cells.copy(), [], errors, merged) if errors else cells


def frame_marks(
    frame: pd.DataFrame, rows: pd.Series
) -> tuple[pd.DataFrame, dict[int, dict[int, str]]]:
    """A table read from text (a CSV file or a parquet table of a roster's folder) with its
    cells whose whole text is an error value holding that value (a column of categories
    made a column of text), and those cells as a workbook's table names them
    (:attr:`RawTable.marks <cadre_core.roster._reader.RawTable.marks>`: by the position of
    their column and their row as ``rows`` numbers it), for validation to say.

    >>> frame, marks = frame_marks(pd.DataFrame({"title": ["#N/A ", "Bí thư"]}), pd.Series([2, 3]))
    >>> frame["title"].tolist(), marks
    (['#N/A', 'Bí thư'], {0: {2: '#N/A'}})
    """
    errors = error_texts(frame)
    if not errors:
        return frame, {}
    out = frame.copy()
    for c in sorted({c for _, c in errors}):  # (a category holds no new text)
        if isinstance(out.dtypes.iloc[c], pd.CategoricalDtype):
            out.isetitem(c, out.iloc[:, c].to_numpy(dtype=object))
    numbers = rows.to_numpy(dtype=np.int64)
    marks: dict[int, dict[int, str]] = {}
    for (r, c), text in sorted(errors.items()):
        out.iat[r, c] = text
        marks.setdefault(c, {})[int(numbers[r])] = text
    return out, marks


def said_of(
    file: str, table: str | None, row: int | None, column: str | None, text: str
) -> Problem:
    """The error of a marked cell the roster reads: its error value (``#N/A``), or that it
    holds a formula with no saved value (:data:`~cadre_core.roster._sheets.NO_VALUE`)."""
    if text == NO_VALUE:
        return problem(file, table, row, column, None, "formula_no_value")
    return problem(file, table, row, column, text, "error_cell", error=text)


def not_read(
    file: str, table: str | None, row: int, column: str | None, at: tuple[int, int], text: str
) -> Problem:
    """The warning of a marked cell outside what is read, named by its place in the sheet
    (``at``: 0-based row and column; ``row``: the row as the file's problems number it)."""
    cell = cell_name(*at)
    if text == NO_VALUE:
        return problem(file, table, row, column, None, "formula_not_read", severity="warning",
                       cell=cell)  # fmt: skip
    return problem(file, table, row, column, None, "error_cell_not_read", severity="warning",
                   cell=cell, error=text)  # fmt: skip


def header_error(header: object) -> str | None:
    """The error value a table's header is (its whole text, trimmed: :func:`error_texts`),
    None for any other header: a column whose header is a formula that failed has no name,
    so is no column of the table, whatever header it is like.

    >>> header_error(" #REF! "), header_error("Họ và tên (#N/A)"), header_error(None)
    ('#REF!', None, None)
    """
    return error_texts(pd.DataFrame([[header]], dtype=object)).get((0, 0))


def header_marks(headers: Iterable[object], file: str, table: str) -> list[Problem]:
    """A warning for each header of a table read from text (a CSV file's first row, row 1)
    whose whole text is an error value (:func:`error_texts`), naming its cell, as
    :func:`table_marks` says one in a workbook table's header row.

    >>> [(p.row, p.key, dict(p.args)) for p in header_marks(["title", "#REF!"], "p.csv", "positions")]
    [(1, 'error_cell_not_read', {'cell': 'B1', 'error': '#REF!'})]
    """
    found = error_texts(pd.DataFrame([list(headers)], dtype=object))
    return [not_read(file, table, 1, None, (0, c), text) for (_, c), text in found.items()]


def table_marks(
    grid: pd.DataFrame, header_at: int, kept: Sequence[int], file: str, table: str
) -> tuple[dict[int, dict[int, str]], list[Problem]]:
    """A roster table's sheet's marked cells: those under its header row ``header_at``
    by the position of their column among the columns ``kept`` and by their row (1-based,
    as the table's rows are numbered), for validation; a warning for each one above or in
    the header (a title, a header typed as a formula)."""
    marks: dict[int, dict[int, str]] = {}
    said: list[Problem] = []
    position = {c: p for p, c in enumerate(kept)}
    for (r, c), text in sorted(marks_of(grid).items()):
        if r > header_at and c in position:
            marks.setdefault(position[c], {})[r + 1] = text
        elif r <= header_at:
            said.append(not_read(file, table, r + 1, None, (r, c), text))
    return marks, said


def failed_cells(
    raw: RawTable, frame: pd.DataFrame, columns: Collection[str], label: Callable[[str], str]
) -> list[Problem]:
    """The errors of the marked cells of ``raw`` (:attr:`RawTable.marks`; ``frame``: its
    cells under the names validation gives its columns) that are read: in a column of the
    table (``columns``; a column not read is said as such), on a row still holding the
    marked text (a cell ``--skip-invalid`` has set aside is blank), each at its row and its
    column as the table's other problems name it (``label``)."""
    out: list[Problem] = []
    rows = raw.rows.to_numpy()
    for position, marked in sorted(raw.marks.items()):
        if position >= frame.shape[1] or (name := str(frame.columns[position])) not in columns:
            continue
        cells = frame.iloc[:, position].astype(object)
        hit = np.isin(rows, list(marked)) & cells.isin(set(marked.values())).to_numpy()
        made: dict[str, Problem] = {}
        for row, text in zip(rows[hit].tolist(), cells.to_numpy()[hit].tolist(), strict=True):
            if text not in made:
                made[text] = said_of(raw.file, raw.name, None, label(name), str(text))
            out.append(attrs.evolve(made[text], row=int(row)))
    return out


def without_failed(problems: Iterable[Problem], failed: Sequence[Problem]) -> list[Problem]:
    """``problems`` without those on a cell ``failed`` says (its text is no value: what it
    is not is not said again)."""
    cells = {(p.table, p.row, p.column) for p in failed}
    return [p for p in problems if (p.table, p.row, p.column) not in cells]


__all__ = [
    "ERROR_TEXT",
    "error_texts",
    "failed_cells",
    "frame_marks",
    "header_error",
    "header_marks",
    "marked_text",
    "marks_of",
    "not_read",
    "said_of",
    "table_marks",
    "without_failed",
]
