"""The columns a list's workbook hides: data the office chose not to show.

A clerk keeps the post a person held before the 2025 merger in a column "Chức vụ" and
hides it beside the new "Chức danh"; or hides a column of identity numbers. A hidden
column whose field a column shown also holds (the same field, part of a date, marked
level or year) is set aside: its cells are not read, and it is said, naming the sheet,
the column and the column shown (:func:`hidden_columns`). A hidden column whose field no
column shown holds is read, and said to be hidden. A hidden column the reader does not
know is not read, as any such column (``column_not_read``).

Only an ``.xlsx`` tells its hidden columns
(:attr:`~cadre_core.roster._row_marks.RowMarks.columns`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import pandas as pd

from cadre_core.roster._flat_header import (
    SKIP,
    Field,
    Header,
    cell_key,
    find_header,
    header_label,
    resolve,
)
from cadre_core.roster._flat_parts import sibling_date_parts
from cadre_core.roster._grid import Grid, unicode_grid
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._row_marks import row_marks

_HEAD_ROWS = 30  # the rows a list's header is looked for in (find_header)


def hidden_columns(
    grids: Sequence[Grid], file: str, headers: Mapping[str, Header | None]
) -> tuple[list[Grid], list[Problem]]:
    """The sheets of the workbook ``file`` with each hidden column whose field a column
    shown holds set aside (its cells from the header down blank), and a warning for each
    hidden column of a field the list reads: set aside (``hidden_column_not_read``,
    naming the column shown) or read (``hidden_column_read``). ``headers``: the header
    of each sheet's list, by the sheet's name (found once for the workbook; None or
    absent: the sheet holds none).

    >>> from cadre_core.roster._row_marks import ROW_MARKS, RowMarks
    >>> cells = pd.DataFrame([["STT", "Họ và tên", "Chức vụ", "Chức danh"],
    ...                       [1, "Lò Văn An", "Chủ tịch UBND xã cũ", "Bí thư Đảng ủy"]])
    >>> cells.attrs[ROW_MARKS] = RowMarks(columns=frozenset({2}))
    >>> headers = {"DS": find_header(cells)}
    >>> (grid,), said = hidden_columns([Grid("DS", cells, [])], "ds.xlsx", headers)
    >>> bool(grid.cells.iloc[:, 2].isna().all()), [(p.column, p.key) for p in said]
    (True, [('Chức vụ (column C)', 'hidden_column_not_read')])
    """
    out: list[Grid] = []
    said: list[Problem] = []
    for grid in grids:
        marks = row_marks(grid.cells)
        if marks is None or not marks.columns:
            out.append(grid)
            continue
        kept, problems = _sheet(grid, headers.get(grid.name), marks.columns, file)
        out.append(kept)
        said += problems
    return out, said


def _sheet(
    grid: Grid, header: Header | None, hidden: frozenset[int], file: str
) -> tuple[Grid, list[Problem]]:
    """One sheet's hidden columns set aside or read, and said (:func:`hidden_columns`),
    under its list's ``header``."""
    if header is None:
        return grid, []
    labels = header.labels
    fields = sibling_date_parts(labels, [resolve(chain) for chain in labels])
    shown: dict[Field, int] = {}
    for j, f in enumerate(fields):
        if f is not None and j not in hidden:
            shown.setdefault(f, j)
    where = f"{file}, sheet {grid.name!r}" if grid.name else file
    aside: list[int] = []
    said: list[Problem] = []
    for j in sorted(hidden):
        f = fields[j] if j < len(fields) else None
        if f is None:  # a column not read anyway (said as such), or no column at all
            continue
        column = header_label(labels[j], j)
        if f in shown:
            aside.append(j)
            said.append(
                problem(where, None, None, column, None, "hidden_column_not_read",
                        severity="warning", shown=repr(header_label(labels[shown[f]], shown[f])))
            )  # fmt: skip
        elif f.table != SKIP:
            said.append(
                problem(where, None, None, column, None, "hidden_column_read", severity="warning")
            )
    if not aside:
        return grid, said
    cells = grid.cells.copy()  # keeps its attrs (the marks, shared)
    for j in aside:
        _set_aside(grid, cells, header, j)
    return attrs.evolve(grid, cells=cells), said


def _header_of(name: str, cells: pd.DataFrame) -> Header | None:
    """The header of a sheet's ``cells`` (read in Unicode when typed in a legacy font):
    looked for again once a hidden column is blanked."""
    return find_header(unicode_grid(Grid(name, cells.iloc[:_HEAD_ROWS], [])).cells)


def _set_aside(grid: Grid, cells: pd.DataFrame, header: Header, j: int) -> None:
    """Blank column ``j`` of ``cells`` (the sheet ``grid``'s, under ``header``) from its
    header down, so that no field is read from it; a merged header cell over it and other
    columns keeps its label. When its header cells carry the header on (a label under a
    merged one, the only label of a header's second row), they stay, and so does each of
    its body cells that repeats them (a header printed again on a new page): the column
    is read as a blank one."""
    column = cells.columns[j]
    kept = cells[column].astype(object)
    values = kept.copy()
    values.iloc[header.top :] = None
    over = [r0 for r0, c0, _, c1 in grid.merged if c0 == j and c1 > c0 and r0 >= header.top]
    values.iloc[over] = kept.iloc[over]
    cells[column] = values
    again = _header_of(grid.name, cells)
    if (
        again is not None
        and (again.top, again.body) == (header.top, header.body)
        and all(
            a == b
            for k, (a, b) in enumerate(zip(again.labels, header.labels, strict=False))
            if k != j
        )
    ):
        return
    labels = {cell_key(v) for v in kept.iloc[header.top : header.body]} - {""}
    body = kept.iloc[header.body :]
    values = kept.copy()
    repeated = [v for v in pd.unique(body.dropna()) if cell_key(v) in labels]  # per value
    values.iloc[header.body :] = body.where(body.isin(repeated), None)
    cells[column] = values


__all__ = ["hidden_columns"]
