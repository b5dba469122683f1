"""A list that writes each person over two rows, under a header of two rows whose second
row names other fields than its first ("Ngày sinh" over "Quê quán", "Chức vụ" over "Ngày
vào Đảng"), not the parts of a group ("Ngày sinh" over "Nam" | "Nữ").

Each person is the row with their number or name and the rows under it with neither
(until the next person, group, total or signature row); the cells of those rows are read
under the header's second row. The sheet is read as a one-row-per-person list
(:mod:`cadre_core.roster._flat`) whose second-row fields are columns of their own, placed
after the sheet's last column: each such column is named by the sheet's column it is read
from, and each value read from a person's next row is said on that row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._flat_header import (
    SKIP,
    Header,
    _blank,
    _label_text,
    _letters,
    _numbering,
    header_label,
    resolve,
)
from cadre_core.roster._flat_rows import filled_cells
from cadre_core.roster._problems import Problem, problem

_COLUMN = re.compile(r"\(column ([A-Z]+)(?:–([A-Z]+))?\)$")


@attrs.frozen
class Pairs:
    """The columns of a header's second row: the sheet column each is read from
    (``under``, by its place after the sheet's ``width`` columns) and its header."""

    width: int
    under: tuple[int, ...]
    labels: tuple[str, ...]

    def at(self, j: int) -> int:
        """The sheet column the grid column ``j`` is read from (itself, or the one above
        which a second-row field is written)."""
        return self.under[j - self.width] if j >= self.width else j

    def relabel(self, text: str) -> str:
        """A column's label as :func:`~cadre_core.roster._flat_header.header_label` wrote
        it, with the sheet's column letters of a second-row field.

        >>> Pairs(5, (3,), ("Ngày vào Đảng",)).relabel("Ngày vào Đảng (column F)")
        'Ngày vào Đảng (column D)'
        """
        found = _COLUMN.search(text)
        if found is None:
            return text
        ends = [self.at(_index(g)) for g in found.groups() if g is not None]
        letters = "–".join(dict.fromkeys(_letters(j) for j in ends))
        return f"{text[: found.start()]}(column {letters})"


def _index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _label_rows(grid: pd.DataFrame, header: Header) -> list[int]:
    """The rows of a header that hold its labels (not blank, not its column numbers)."""
    rows = []
    for r in range(header.top, header.body):
        line = list(grid.iloc[r])
        if not all(_blank(c) for c in line) and not _numbering(line):
            rows.append(r)
    return rows


def _same_field(labels: Sequence[str]) -> bool:
    """Whether a column's second-row label names no field of its own beside the first
    row's: none known, the same field, or a part of it read with it (``Nam`` under ``Ngày
    sinh``, ``Năm`` under ``Ngày tháng năm sinh``)."""
    top, second = resolve(labels[:1]), resolve(labels[1:])
    if top is None or second is None or second.table == SKIP:
        return True
    if (top.table, top.column) == (second.table, second.column) and top.year == second.year:
        return True
    return resolve(labels) != second  # read with the label over it: a sub-header


def _written_in_pairs(body: pd.DataFrame, top: Sequence[str]) -> bool:
    """Whether the rows under a header write people over two rows: at least one row in two
    of those with a number or a name is followed by one with neither and with other cells.
    """
    fields = [resolve([t]) if t else None for t in top]
    keys = [j for j, f in enumerate(fields)
            if f is not None and (f.table == SKIP or f.column == "full_name")]  # fmt: skip
    if not keys:
        return False
    filled = filled_cells(body)
    head = filled[keys].any(axis=1)
    nexts = ~head & filled.any(axis=1) & head.shift(1, fill_value=False)
    return bool(nexts.any()) and int(nexts.sum()) * 2 >= int(head.sum())


def two_row_header(grid: pd.DataFrame, header: Header) -> tuple[pd.DataFrame, Header, Pairs] | None:
    """The sheet read with each field of its header's second row as a column after its
    last one (blank: the values are moved there, :func:`next_rows`), when the header is
    of two rows and its second row names, under a column whose first row names another
    field, a field of its own; None for any other header (a group header over its parts,
    "Trình độ" over "Chuyên môn" | "LLCT", is none: its label spans several columns).

    >>> grid = pd.DataFrame([["STT", "Họ và tên", "Ngày sinh", "Chức vụ"],
    ...                      [None, None, "Quê quán", "Ngày vào Đảng"],
    ...                      [1, "Lò Văn An", "12/03/1978", "Chủ tịch UBND xã"],
    ...                      [None, None, "Xã Tân Uyên", "05/06/2005"]])
    >>> _, header, pairs = two_row_header(grid, Header(0, 2, (("STT",), ("Họ và tên",),
    ...     ("Ngày sinh", "Quê quán"), ("Chức vụ", "Ngày vào Đảng"))))
    >>> header.labels, pairs
    ((('STT',), ('Họ và tên',), ('Ngày sinh',), ('Chức vụ',), ('Quê quán',), ('Ngày vào Đảng',)), Pairs(width=4, under=(2, 3), labels=('Quê quán', 'Ngày vào Đảng')))
    >>> from cadre_core.roster._flat_header import find_header
    >>> group = grid.copy()
    >>> group.iloc[:2, 2:] = [["Trình độ", None], ["Chuyên môn", "LLCT"]]
    >>> two_row_header(group, find_header(group)) is None
    True
    """
    rows = _label_rows(grid, header)
    if len(rows) != 2:
        return None
    top = [_label_text(v) for v in grid.iloc[rows[0]]]
    second = [_label_text(v) for v in grid.iloc[rows[1]]]
    width = grid.shape[1]
    carried = any(len(header.labels[j]) > 1 and not top[j] for j in range(width))
    repeated = any(top[j] and top[j] == top[j + 1] for j in range(width - 1))
    both = [j for j in range(width) if top[j] and second[j]]
    if carried or repeated or all(_same_field([top[j], second[j]]) for j in both):
        return None
    if not _written_in_pairs(grid.iloc[header.body :], top):
        return None
    under = tuple(j for j in range(width) if second[j])
    labels = tuple(second[j] for j in under)
    own = tuple((top[j],) if top[j] else () for j in range(width))
    wide = grid.reindex(columns=[*grid.columns, *range(width, width + len(under))])
    wide.columns = pd.Index(range(width + len(under)))
    return (
        wide,
        Header(header.top, header.body, own + tuple((x,) for x in labels)),
        Pairs(width, under, labels),
    )


def next_rows(
    pairs: Pairs,
    body: pd.DataFrame,
    filled: pd.DataFrame,
    person: pd.Series,
    stray: pd.Series,
    where: str,
    first: int,
    heads: Sequence[Sequence[str]],
) -> tuple[pd.Series, dict[int, pd.Series], list[Problem]]:
    """The next rows of each person of a two-row list's ``body`` (the rows of no person,
    ``stray``, under a ``person`` row with nothing else between) read into the person's
    row: the first value a person's next rows hold under a second-row field's column is
    put in that field's column (``body`` and ``filled`` are changed). Gives the rows of no
    person left, the row each value was read from (by the field's column, the grid's row
    by the person's row), and a warning for each cell of those rows not read (under no
    second-row field, or a field already given; ``heads``: each column's labels) with one
    saying the list is read so.

    >>> body = pd.DataFrame({0: [1, None, 2], 1: ["An", None, "Bình"], 2: ["1978", "Tân Uyên",
    ...     "1985"], 3: [None, None, None]}, index=[6, 7, 8])
    >>> person = pd.Series([True, False, True], index=body.index)
    >>> stray, at, said = next_rows(Pairs(3, (2,), ("Quê quán",)), body, body.notna(), person,
    ...                             ~person, "ds.xlsx", 1, [()] * 4)
    >>> body[3].tolist(), stray.tolist(), at[3].to_dict(), [p.key for p in said]
    (['Tân Uyên', None, None], [False, False, False], {6: 7}, ['list_two_row_people'])
    """
    index = pd.Series(body.index, index=body.index)
    blank = ~filled.any(axis=1)
    owner = index.where(person, np.nan).where(person | stray | blank, -1).ffill()
    owner = owner.where(owner.ge(0))
    nexts = stray & owner.notna()
    if not bool(nexts.any()):
        return stray, {}, []
    took = pd.DataFrame(False, index=body.index, columns=filled.columns)
    at: dict[int, pd.Series] = {}
    for k, j in enumerate(pairs.under):
        v = pairs.width + k
        on = nexts & filled[j]
        rows = index.where(on).groupby(owner.where(on)).first().astype("int64")
        if rows.empty:
            continue
        rows.index = rows.index.astype("int64")
        column = body[v].astype(object)
        column[rows.index] = body.loc[rows.to_numpy(), j].to_numpy()
        body[v] = column
        took.loc[rows.to_numpy(), j] = True
        at[v] = rows
    added = [pairs.width + k for k in range(len(pairs.under))]
    filled[added] = filled_cells(body[added])
    said = [
        problem(where, None, None, None, None, "list_two_row_people", severity="warning",
                columns=", ".join(repr(x) for x in pairs.labels))
    ]  # fmt: skip
    own = list(range(pairs.width))
    left = (filled[own] & ~took[own]).to_numpy() & nexts.to_numpy()[:, None]
    for i, j in zip(*np.nonzero(left), strict=True):  # the few cells not read, each said
        said.append(
            problem(where, None, int(body.index[i]) + first, header_label(heads[j], int(j)),
                    str(body.iat[i, j]), "two_row_cell_not_read", severity="warning")
        )  # fmt: skip
    return stray & ~nexts, at, said


def read_rows(
    at: Mapping[int, pd.Series], chosen: Mapping[tuple[str, str], Sequence[int]], rows: pd.Series
) -> dict[tuple[str, str], pd.Series]:
    """The encoded row each person's value of a second-row field is read from, by field
    and the person's encoded row (``rows``: the encoded row of each grid row)."""
    out: dict[tuple[str, str], pd.Series] = {}
    for key, js in chosen.items():
        if js and js[0] in at:
            read = at[js[0]]
            out[key] = pd.Series(
                rows[read.to_numpy()].to_numpy(), index=rows[read.index].to_numpy()
            )
    return out


def by_field(
    sheets: Sequence[Mapping[tuple[str, str], pd.Series]],
) -> dict[tuple[str, str], pd.Series]:
    """The series each sheet gives a field, by encoded row, one series per field.

    >>> by_field([{("cadres", "x"): pd.Series([8], index=[7])}, {}, {("cadres", "x"):
    ...     pd.Series(["b"], index=[100009])}])[("cadres", "x")].to_dict()
    {7: 8, 100009: 'b'}
    """
    keys = dict.fromkeys(k for sheet in sheets for k in sheet)
    return {k: pd.concat([sheet[k] for sheet in sheets if k in sheet]) for k in keys}


def relabelled(
    pairs: Pairs, problems: list[Problem], places: dict[tuple[str, str], str]
) -> list[Problem]:
    """A sheet's problems and column places with the sheet's letters for the columns of
    second-row fields (``places`` is changed)."""
    places.update({k: pairs.relabel(v) for k, v in places.items()})
    return [
        p if p.column is None else attrs.evolve(p, column=pairs.relabel(p.column)) for p in problems
    ]
