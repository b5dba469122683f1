"""Several lists on one sheet, each under its own header: one grid per list.

A clerk keeps the commune's cán bộ and công chức on one sheet, each list with its own
title ("I. DANH SÁCH CÁN BỘ", "II. DANH SÁCH CÔNG CHỨC") and its own header, the second
with a column more ("Ngạch") and its people numbered from 1 again. A sheet's header is
found by content (:func:`~cadre_core.roster._flat_header.find_header`), so one list would
be read and the other taken for title text or for the header of "another list" that ends
the first. :func:`list_parts` cuts such a sheet's grid into one grid per list, before the
list reader reads any (:mod:`cadre_core.roster._flat`): each is read under its own header
as a sheet of its own, its rows still named as the sheet's (:attr:`Grid.top`).

A list's header is a row holding a person's name header and another known header (what
``find_header`` accepts). A later one starts a new list when it differs from the header
of the list above it and names a field besides the row number and the name; the same
header again is that list's header printed on a new page (read as today), and one naming
nothing but the name ("TT | Họ và tên | Bậc | Hệ số lương": salaries of the same people)
is no list of people (it ends the list, said, as today). The lines right above a new
list's header that hold one text each (its title, "II. DANH SÁCH CÔNG CHỨC") are its
title rows, never a person or a group row of the list above.
"""

from __future__ import annotations

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._cell_errors import marks_of
from cadre_core.roster._flat_header import SKIP, cell_key, is_header, resolve
from cadre_core.roster._flat_rows import FOOTER, matches
from cadre_core.roster._grid import Grid
from cadre_core.roster._row_marks import ROW_MARKS, RowMarks, row_marks
from cadre_core.roster._sheets import CELL_ERRORS, Marks

TITLE_ROWS = 5
"""Most lines of a list's title above its header (the lines of one text each)."""
_NAME_WORD = "t(?:e|ê|e\u0302)n|name"  # "ê" composed or not
_LOOK = 4 * TITLE_ROWS  # the rows looked at above a header for them (blank ones between)


def header_lines(cells: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The rows of a sheet's ``cells`` that are a list's header (a person's name header
    and at least one other known header), and of those the ones naming a field besides
    the row number and the name (a list of people's own: "Ngày sinh", "Chức vụ").

    >>> cells = pd.DataFrame([["STT", "Họ và tên", "Chức vụ"], [1, "Lò Văn An", "Bí thư"],
    ...                       ["TT", "Họ và tên", "Bậc"]])
    >>> [s.tolist() for s in header_lines(cells)]
    [[True, False, True], [True, False, False]]
    """
    values = pd.Series(pd.unique(cells.to_numpy(dtype=object).ravel()), dtype=object)
    strings = values[[isinstance(v, str) for v in values]].astype(str)
    # every name header says "tên" or "name" ("Họ và tên", "HoTen", "Full name"): only
    # those texts are resolved, only the rows holding one looked at (a list's every name
    # and note is no header)
    maybe = strings[strings.str.contains(_NAME_WORD, case=False)]
    names = [v for v in maybe if (f := resolve([v])) is not None and f.column == "full_name"]
    named = cells.isin(names).any(axis=1)
    lines = cells[named]
    texts = [v for v in pd.unique(lines.to_numpy(dtype=object).ravel()) if isinstance(v, str)]
    fields = {v: resolve([v]) for v in texts if is_header(v)}
    data = [v for v, f in fields.items()
            if f is not None and f.table != SKIP and f.column != "full_name"]  # fmt: skip
    header = named & (lines.isin(list(fields)).sum(axis=1) >= 2).reindex(
        cells.index, fill_value=False
    )
    own = lines.isin(data).any(axis=1).reindex(cells.index, fill_value=False)
    return header, header & own


def _starts(cells: pd.DataFrame, end: int | None) -> list[int]:
    """The header rows of the lists after a sheet's first (see the module's docstring)."""
    header, own = header_lines(cells)
    at = [int(i) for i in np.flatnonzero(header.to_numpy()) if end is None or i < end]
    if len(at) < 2:
        return []
    keys = {i: [cell_key(v) for v in cells.iloc[i]] for i in at}  # as header_rows does
    starts: list[int] = []
    current = at[0]
    for i in at[1:]:
        if bool(own.iat[i]) and keys[i] != keys[current]:
            starts.append(i)
            current = i
    return starts


def _title_top(cells: pd.DataFrame, head: int, floor: int) -> int:
    """The first row of the list whose header is the row ``head``: its title rows right
    above it (each one text, no signature), blank rows between them, not above ``floor``
    (the list above's header)."""
    low = max(floor + 1, head - _LOOK)
    above = cells.iloc[low:head].astype(object)
    blank = above.map(lambda v: v is None or (isinstance(v, str) and not v.strip()))
    blank |= above.isna()
    count = (~blank).sum(axis=1)
    words = (above.map(lambda v: isinstance(v, str)) | blank).all(axis=1)
    title = (count == 1) & words & ~matches(above, FOOTER)
    top, lines = head, 0
    for i in reversed(range(len(above))):
        if count.iat[i] == 0:
            continue
        if not bool(title.iat[i]) or lines == TITLE_ROWS:
            break
        top, lines = low + i, lines + 1
    return top


def _part(grid: Grid, lead: int, start: int, stop: int) -> Grid:
    """The rows ``start`` to ``stop`` of ``grid`` as a grid of their own under its first
    ``lead`` rows (the sheet's title rows, above its first list: the commune, the day),
    counted as rows above it (:attr:`Grid.top`) so that its rows are still named as the
    sheet's; with the merged ranges, error cells and marked rows in them."""
    rows = [*range(lead), *range(start, stop)]
    cells = grid.cells.iloc[rows].reset_index(drop=True)
    cells.attrs = dict(grid.cells.attrs)
    shift = start - lead  # a row of the sheet's grid, less this, is the same row in this one
    errors = marks_of(grid.cells)
    if errors:
        cells.attrs[CELL_ERRORS] = Marks(
            {(r - shift, c): t for (r, c), t in errors.items() if start <= r < stop}
        )
    marks = row_marks(grid.cells)
    if marks is not None:

        def moved(found: frozenset[int]) -> frozenset[int]:
            return frozenset(r - shift for r in found if start <= r < stop)

        struck = frozenset((r - shift, c) for r, c in marks.struck if start <= r < stop)
        cells.attrs[ROW_MARKS] = RowMarks(moved(marks.hand), moved(marks.filtered), struck)
    merged = [(r0 - shift, c0, min(r1, stop - 1) - shift, c1)
              for r0, c0, r1, c1 in grid.merged if start <= r0 < stop]  # fmt: skip
    end = None if grid.end is None else grid.end - shift
    return attrs.evolve(grid, cells=cells, merged=merged, top=grid.top - shift, end=end)


def list_parts(grid: Grid) -> list[Grid]:
    """A sheet's ``grid`` as one grid per list it holds under headers that differ (see
    the module's docstring): the first from the sheet's first row, each other from its
    title rows to the next list's, under the sheet's title rows (those above its first
    list's header: the commune and the day hold for every list); the grid itself when it
    holds one list.

    >>> cells = pd.DataFrame([["UBND XÃ TÀ TỔNG", None, None],
    ...     ["STT", "Họ và tên", "Chức vụ"], [1, "Lò Văn An", "Bí thư"], [None] * 3,
    ...     ["II. CÔNG CHỨC", None, None], ["STT", "Họ và tên", "Ngạch"],
    ...     [1, "Lò Thị Hoa", "Chuyên viên"]])
    >>> [(g.top, g.cells[0].tolist()) for g in list_parts(Grid("DS", cells, []))]
    [(0, ['UBND XÃ TÀ TỔNG', 'STT', 1, None]), (-3, ['UBND XÃ TÀ TỔNG', 'II. CÔNG CHỨC', 'STT', 1])]
    """
    if grid.record:
        return [grid]
    starts = _starts(grid.cells, grid.end)
    if not starts:
        return [grid]
    header = np.flatnonzero(header_lines(grid.cells)[0].to_numpy())
    tops = [_title_top(grid.cells, head, int(header[header < head].max())) for head in starts]
    bounds = [*tops, len(grid.cells)]
    # the header stays among the first rows find_header looks at (30)
    first = [_part(grid, 0, 0, tops[0])]
    return first + [
        _part(grid, min(int(header[0]), max(0, 29 - (head - top))), top, bounds[n + 1])
        for n, (head, top) in enumerate(zip(starts, tops, strict=True))
    ]


__all__ = ["TITLE_ROWS", "header_lines", "list_parts"]
