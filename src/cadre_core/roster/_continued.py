"""A document's list cut into several tables: the tables that continue a list under its
header, and the tables of people that cannot.

A clerk splits a long Word table at a page break (Ctrl+Shift+Enter, or "Split Table"), or
types the second part as a table of its own under the first: the second table has no
header of its own; it starts with the row of column numbers ("1 2 3 …", printed under a
form's header), a group row ("II. CÔNG CHỨC") or people. A table with no header that
follows a table read as a list (its own header or a continuation), with the same columns,
continues that list (:func:`continuation`): it is read under the list's header, with the
list's group rows in force at the list table's end (a bloc, an agency, a kind of staff)
when nothing but blank lines stands between the two, and its rows keep their numbers in
their own table ("Bảng 2", row 3).

The same columns are told from each table's grid: the grid columns a cell starts in
(a grid column every row covers with a cell merged across, which Word makes when a border
is moved in one table only, is no column its user sees), and a column empty throughout
its table at the table's left or right edge (a spare column, a web page's spacer cells) is
left out when that aligns the two in one way only. An empty column holds no value, so
leaving it out never moves a value under another header; a column that holds text with no
counterpart means the tables' columns differ, and no placing by position is safe.

A table with no header whose rows look like people (:func:`people_rows`: a row number, then
a name beginning with a family name) and that continues no list is never read as the text
around a list: :mod:`cadre_core.roster._grid` says it as an error naming its first such
row.
"""

from __future__ import annotations

import re

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._flat_header import SKIP, Header, _numbering, name_parts, resolve
from cadre_core.roster._flat_rows import FOOTER, SUBTOTAL, filled_cells, group_text, matches
from cadre_core.roster._grid import Table
from cadre_core.roster._merged import Merged
from cadre_core.roster._names import FAMILY_NAMES

# a row number: "5", "5.", "(5)", "12)"
_ROW_NUMBER = r"^\s*\(?\d{1,3}\s*[.)]?\s*$"
_FAMILY = "|".join(
    sorted((re.escape(n).replace(r"\ ", r"\s+") for n in FAMILY_NAMES), key=len, reverse=True)
)
# a person's name: a family name (or the Ê Đê and Gia Rai "Y", "H'…") and one to five more
# words of letters, each word capitalised or all in capitals ("Lò Văn An", "LÒ VĂN AN", "Y
# Ngọc Niê"; never "Danh sách gửi huyện")
_NAME = rf"(?i)^\s*(?:(?:{_FAMILY})|y|h['’][^\W\d_]+)(?:\s+[^\W\d_]+){{1,5}}\s*$"

# the fields of a list's columns whose text makes no group row ("Ghi chú" does not either)
_GROUP_FIELDS = {("agencies", "name"), ("agencies", "bloc"), ("cadres", "full_name")}


@attrs.frozen
class Listed:
    """What a table continuing a list needs of it: the list's table's ``name`` ("Bảng 1"),
    its header's rows (``head``, in the list table's grid columns, without a row of column
    numbers) with their merged ranges and the :class:`Header` read in them, the group rows
    in force at the list's end so far (``groups``: every group row, in order), the grid
    columns a cell starts in (``columns``) and whether each is empty throughout the
    list's table (``empty``)."""

    name: str
    head: pd.DataFrame
    merged: tuple[Merged, ...]
    header: Header
    groups: pd.DataFrame
    columns: tuple[int, ...]
    empty: tuple[bool, ...]


def _columns(table: Table) -> tuple[list[int], list[bool]]:
    """The grid columns of ``table`` a cell starts in (not covered, in every row, by a cell
    merged across from its left), and whether each is empty throughout the table."""
    rows, width = table.cells.shape
    covered = np.zeros((rows, width), dtype=bool)
    for r0, c0, r1, c1 in table.merged:
        covered[r0 : r1 + 1, c0 + 1 : c1 + 1] = True
    seen = ~covered.all(axis=0) if rows else np.ones(width, dtype=bool)
    columns = [int(c) for c in np.flatnonzero(seen)]
    filled = filled_cells(table.cells).to_numpy(dtype=bool)
    return columns, [not bool(filled[:, c].any()) for c in columns]


def column_count(table: Table) -> int:
    """The columns of ``table`` its user sees: the grid columns a cell starts in.

    >>> column_count(Table(pd.DataFrame([["1", "Lò Văn An", None]]), [(0, 1, 0, 2)], []))
    2
    """
    return len(_columns(table)[0])


def _offset(listed: tuple[bool, ...], empty: list[bool]) -> int | None:
    """How the columns of a table (``empty``: whether each is empty) lie under a list's
    (``listed``): the table's column ``k`` is the list's ``k + offset``; the same number
    of columns is offset 0, else the one offset that leaves out empty edge columns only
    (None: none, or more than one)."""
    n1, n2 = len(listed), len(empty)
    if n1 == n2:
        return 0
    found = [
        d
        for d in range(-abs(n1 - n2), abs(n1 - n2) + 1)
        if all(empty[k] for k in range(n2) if not 0 <= k + d < n1)
        and all(listed[i] for i in range(n1) if not 0 <= i - d < n2)
    ]
    return found[0] if len(found) == 1 else None


def _group_rows(cells: pd.DataFrame, header: Header) -> pd.DataFrame:
    """The rows of a list's ``cells`` (under its header) that are group rows as the list
    reader reads them, and never one it reads otherwise: text in the row number's or the
    name's column or left of it, no data in a column read for a field, no row number, no
    total or signature (:mod:`cadre_core.roster._flat`)."""
    fields = [resolve(labels) for labels in header.labels]
    names = [j for j, f in enumerate(fields) if f is not None and f.column == "full_name"]
    pair = name_parts(header.labels) if not names else None
    name = names[0] if names else (pair[0] if pair is not None else 0)
    skip = [j for j, f in enumerate(fields) if f is not None and f.table == SKIP]
    data = [j for j, f in enumerate(fields)
            if f is not None and f.table != SKIP and (f.table, f.column) not in _GROUP_FIELDS
            and (pair is None or j != pair[1])]  # fmt: skip
    body = cells.copy()
    body.columns = pd.Index(range(body.shape[1]))
    filled = filled_cells(body)
    numbered = pd.Series(False, index=body.index)
    for j in skip:
        numbered |= pd.to_numeric(body[j], errors="coerce").notna()
    lead = list(range(name + 1))
    texts = group_text(body, filled, lead, name)
    has_data = filled[data].any(axis=1) if data else pd.Series(False, index=body.index)
    group = (
        filled[lead].any(axis=1)
        & ~has_data
        & ~numbered
        & ~texts.str.match(SUBTOTAL).fillna(False).astype(bool)
        & ~matches(body, FOOTER)
    )
    return cells[group.to_numpy()]


def listed(name: str, table: Table, header: Header) -> Listed:
    """What a continuation needs of the list read in ``table`` (named ``name``) under its
    ``header`` (found in the table's own cells)."""
    rows = list(range(header.top, header.body))
    if len(rows) > 1 and _numbering(list(table.cells.iloc[rows[-1]])):
        rows = rows[:-1]  # a continuation's own row of column numbers, if any, is under it
    head = table.cells.iloc[rows].reset_index(drop=True)
    merged = tuple(
        (r0 - header.top, c0, r1 - header.top, c1)
        for r0, c0, r1, c1 in table.merged
        if r0 >= header.top and r1 <= rows[-1]
    )
    columns, empty = _columns(table)
    groups = _group_rows(table.cells.iloc[header.body :], header)
    return Listed(name, head, merged, header, groups, tuple(columns), tuple(empty))


def continuation(listing: Listed, table: Table) -> tuple[Table, int, Listed] | None:
    """``table`` (with no header of its own) read as the continuation of ``listing``: its
    cells placed in the list's columns under the list's header rows and the group rows in
    force (with the number of those rows above its own first row), and what a next table
    continuing the list needs; None when its columns are not the list's.

    >>> head = pd.DataFrame([["STT", "Họ và tên", "Chức vụ"], ["1", "Lò Văn An", "Bí thư"]])
    >>> first = Table(head, [], [])
    >>> from cadre_core.roster._flat_header import find_header
    >>> listing = listed("Bảng 1", first, find_header(head))
    >>> cut = Table(pd.DataFrame([["1", "2", "3"], ["2", "Lò Thị Hoa", "Chủ tịch"]]), [], [])
    >>> joined, above, _ = continuation(listing, cut)
    >>> above, joined.cells.fillna("").to_numpy().tolist()
    (1, [['STT', 'Họ và tên', 'Chức vụ'], ['', '', ''], ['2', 'Lò Thị Hoa', 'Chủ tịch']])
    """
    columns, empty = _columns(table)
    offset = _offset(listing.empty, empty)
    if offset is None:
        return None
    width = listing.head.shape[1]
    place = {c: listing.columns[k + offset] for k, c in enumerate(columns)
             if 0 <= k + offset < len(listing.columns)}  # fmt: skip
    out = np.full((len(table.cells), width), None, dtype=object)
    for c, to in place.items():
        out[:, to] = table.cells.iloc[:, c].to_numpy(dtype=object)
    cells = pd.DataFrame(out)
    # the row of column numbers at its top is the header's, as it is under a header
    filled = filled_cells(cells).any(axis=1).to_numpy()
    if filled.any():
        first = int(filled.argmax())
        if _numbering(list(cells.iloc[first])):
            cells.iloc[first] = None
    above = len(listing.head) + len(listing.groups)
    merged: list[Merged] = list(listing.merged)
    for r0, c0, r1, c1 in table.merged:
        inside = [place[c] for c in range(c0, c1 + 1) if c in place]
        if c0 in place:
            merged.append((r0 + above, place[c0], r1 + above, max(inside)))
    head = pd.concat([listing.head, listing.groups], ignore_index=True)
    head.columns = cells.columns
    joined = Table(pd.concat([head, cells], ignore_index=True), merged, table.lines)
    groups = pd.concat([listing.groups, _group_rows(cells, listing.header)], ignore_index=True)
    return joined, above, attrs.evolve(listing, groups=groups)


def people_rows(cells: pd.DataFrame) -> pd.Series:
    """The rows of a table that look like people: a row number ("5", "5.") in a cell, and a
    name beginning with a family name in a cell right of it ("Tòng Thị Hiền").

    >>> people_rows(pd.DataFrame([["5", "Tòng Thị Hiền", "Nữ"], ["II", "CÔNG CHỨC", None],
    ...                           ["1", "2", "3"], ["", "Nơi nhận", "Lò Văn An"],
    ...                           ["1", "Danh sách gửi huyện", None]])).tolist()
    [True, False, False, False, False]
    """
    number = np.zeros(cells.shape, dtype=bool)
    name = np.zeros(cells.shape, dtype=bool)
    for j in range(cells.shape[1]):
        text = cells.iloc[:, j].astype("string")
        number[:, j] = text.str.match(_ROW_NUMBER).fillna(False).to_numpy(dtype=bool)
        written = text.str.istitle() | text.str.isupper()  # "Lò Văn An", "LÒ VĂN AN"
        name[:, j] = (text.str.match(_NAME) & written).fillna(False).to_numpy(dtype=bool)
    width = cells.shape[1]
    first_number = np.where(number.any(axis=1), number.argmax(axis=1), width)
    last_name = np.where(name.any(axis=1), width - 1 - name[:, ::-1].argmax(axis=1), -1)
    return pd.Series(first_number < last_name, index=cells.index)


__all__ = ["Listed", "column_count", "continuation", "listed", "people_rows"]
