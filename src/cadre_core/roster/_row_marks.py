"""The rows a clerk marks in a workbook instead of deleting them: struck through or hidden;
and the columns a workbook hides.

A clerk keeps last year's list and, rather than delete a person who retired or moved
(the numbers of the others would change), formats the row with strikethrough (Ctrl+5) or
hides it (select the rows, Hide), often with a note in "Ghi chú" ("Nghỉ hưu từ
01/10/2025", "Đã chuyển công tác"). calamine gives neither a row's hidden flag nor a
cell's font, so :func:`~cadre_core.roster._sheets.xlsx_marks` reads them from an
``.xlsx``'s XML in the pass it makes for error cells (:class:`RowCollector`), and the grid
carries them in ``attrs[ROW_MARKS]`` (:class:`RowMarks`).

The list reader (:mod:`cadre_core.roster._flat`) then decides, by one rule on the
structure (:func:`marked_people`): a person row whose name cell is struck through, or
that is hidden by hand, is set aside, not read as a person, with a warning on its row
naming the person, why, and its note; a row an AutoFilter hides is read (a filter is a
view: the list is still everyone), with one warning per sheet counting them. A row
hidden by collapsing an outline group is a view too, and read.

A column hidden (``<col hidden="1">``, one column or a range of them) is data the office
chose not to show: its columns, 0-based, are in :attr:`RowMarks.columns`, for the list
reader to read or set aside (:mod:`cadre_core.roster._flat_hidden`). Only an ``.xlsx``
(``.xlsm``) tells them: calamine gives no column's width or hidden flag for an ``.xls``,
``.xlsb`` or ``.ods``, whose hidden columns are read as shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs
import pandas as pd

from cadre_core.roster._problems import Problem, problem

if TYPE_CHECKING:
    from cadre_core.roster._flat_header import Header
    from cadre_core.roster._grid import Grid

ROW_MARKS = "cadre_row_marks"
"""The key of a grid's ``attrs`` holding its :class:`RowMarks` (a sheet with none has
no key)."""

MAYBE_HIDDEN = (b'hidden="1"', b"hidden='1'", b'hidden="true"', b"hidden='true'")
"""The bytes a sheet part holds when some row (or column) of it is hidden: the sheet is
parsed for its marks only then, or when some cell style is struck through."""

_X = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RANGE = re.compile(r"[A-Z]*(\d+)(?::[A-Z]*(\d+))?")
_TRUE = ("1", "true")
_LAST_COLUMN = 16384  # a sheet's columns (XFD): "hide every column to the right" ends there


@attrs.frozen
class RowMarks:
    """One sheet's marked rows, cells and columns, 0-based like its grid: the rows hidden
    by hand, those hidden by an AutoFilter, the cells whose font is struck through and the
    columns hidden. Shared, not copied, by the frames pandas derives from the grid."""

    hand: frozenset[int] = frozenset()
    filtered: frozenset[int] = frozenset()
    struck: frozenset[tuple[int, int]] = frozenset()
    columns: frozenset[int] = frozenset()

    def __deepcopy__(self, memo: dict[int, object]) -> RowMarks:
        return self


def row_marks(grid: pd.DataFrame) -> RowMarks | None:
    """The :class:`RowMarks` of the sheet ``grid`` was read from (None: it has none).

    >>> row_marks(pd.DataFrame()) is None
    True
    """
    marks = grid.attrs.get(ROW_MARKS)
    return marks if isinstance(marks, RowMarks) else None


def struck_fonts(fonts: Iterable[Any]) -> set[str]:
    """The indices (as text) of the ``<font>`` elements of a workbook's styles that are
    struck through (``<strike/>``, not ``<strike val="0"/>``)."""
    return {
        str(n)
        for n, font in enumerate(fonts)
        if (strike := font.find(f"{_X}strike")) is not None
        and strike.get("val", "1").lower() in _TRUE
    }


class RowCollector:
    """Gathers one sheet's :class:`RowMarks` while its XML is streamed: each ``<row>``
    (:meth:`row`), each cell's style (:meth:`cell`), and the ``<sheetPr>``, ``<autoFilter>``
    and ``<col>`` elements (:meth:`element`; the ``<cols>`` before the first row are also
    found from it). ``struck`` holds the cell styles (``s``) whose font is struck through."""

    def __init__(self, struck: set[str]) -> None:
        self._styles = struck
        self._hidden: list[int] = []
        self._outlined: set[int] = set()
        self._struck: set[tuple[int, int]] = set()
        self._last = -1
        self._filter_mode = False  # <sheetPr filterMode="1">: some filter hides rows
        self._filtering = False  # an <autoFilter> with a criterion (<filterColumn>)
        self._range: tuple[int, int] | None = None  # the autoFilter's rows, 0-based
        self._columns: set[int] = set()  # the columns hidden, 0-based
        self._cols_seen = False

    def row(self, element: Any) -> None:
        """Note a ``<row>``: hidden or not, and how (an outline group's or not)."""
        at = element.get("r")
        self._last = int(at) - 1 if at else self._last + 1
        if not self._cols_seen:  # <cols> is complete before <sheetData> begins
            self._cols_seen = True
            parent = getattr(element, "getparent", None)  # an lxml element's
            data = parent() if parent is not None else None
            for before in () if data is None else data.itersiblings(preceding=True):
                if before.tag == f"{_X}cols":
                    for col in before.iterfind(f"{_X}col"):
                        self._column(col)
        if element.get("hidden", "0").lower() in _TRUE:
            self._hidden.append(self._last)
            if int(element.get("outlineLevel", "0") or 0) > 0:
                self._outlined.add(self._last)

    def cell(self, row: int, column: int, style: str | None) -> None:
        """Note a cell whose style is struck through."""
        if style is not None and style in self._styles:
            self._struck.add((row, column))

    def element(self, element: Any) -> None:
        """Note the sheet's ``<sheetPr>`` (its ``filterMode``), ``<autoFilter>`` or a
        ``<col>``."""
        if element.tag == f"{_X}col":
            self._column(element)
        elif element.tag == f"{_X}sheetPr":
            self._filter_mode = element.get("filterMode", "0").lower() in _TRUE
        elif element.tag == f"{_X}autoFilter":
            self._filtering = element.find(f"{_X}filterColumn") is not None
            found = _RANGE.fullmatch(element.get("ref", ""))
            if found is not None:
                top = int(found.group(1)) - 1
                self._range = (top, int(found.group(2) or found.group(1)) - 1)

    def _column(self, element: Any) -> None:
        """Note a ``<col>``: the columns ``min`` to ``max`` (1-based), when hidden."""
        if element.get("hidden", "0").lower() not in _TRUE:
            return
        try:
            low = int(element.get("min", "0"))
            high = min(int(element.get("max", str(low))), _LAST_COLUMN)
        except ValueError:
            return
        self._columns.update(range(max(low, 1) - 1, high))

    def marks(self) -> RowMarks | None:
        """The sheet's marks (None: it has none). A hidden row under the header of an
        AutoFilter with a criterion (or of any filter, when the sheet says it is filtered
        and names no range: an Excel table's) is hidden by the filter; one in a collapsed
        outline group by the group; any other by hand."""
        active = self._filtering or self._filter_mode
        by_filter: set[int] = set()
        if active and self._range is not None:
            top, bottom = self._range
            by_filter = {r for r in self._hidden if top < r <= bottom}
        elif self._filter_mode:
            by_filter = set(self._hidden)
        hand = frozenset(self._hidden) - by_filter - self._outlined
        if not (hand or by_filter or self._struck or self._columns):
            return None
        return RowMarks(
            hand, frozenset(by_filter), frozenset(self._struck), frozenset(self._columns)
        )


def notes_column(header: Header) -> int | None:
    """The column of the list's notes ("Ghi chú"), None when it has none: quoted for a
    row marked as gone, read for the people it says left
    (:mod:`cadre_core.roster._flat_notes`)."""
    from cadre_core.roster._schema import header_key

    for j, labels in enumerate(header.labels):
        if labels and header_key(labels[-1]).startswith("ghi chú"):
            return j
    return None


def marked_people(
    sheet: Grid,
    header: Header,
    body: pd.DataFrame,
    person: pd.Series,
    name: int | None,
    where: str,
    first: int,
) -> tuple[pd.Series, list[Problem]]:
    """The person rows of a sheet's ``body`` (the grid's rows under its header) with the
    rows its clerk marked as people who left set aside: a row whose name cell (column
    ``name``) is struck through, or that is hidden by hand. Each is said on its row (the
    grid's row ``i`` is the sheet's row ``i + first``) with its note; the person rows an
    AutoFilter hides are read, said once for the sheet."""
    marks = row_marks(sheet.cells)
    if marks is None:
        return person, []
    struck = {r for r, c in marks.struck if c == name}
    hidden = pd.Series(body.index.isin(list(marks.hand)), index=body.index)
    aside = person & (hidden | pd.Series(body.index.isin(list(struck)), index=body.index))
    said: list[Problem] = []
    notes = notes_column(header)
    for i in aside[aside].index:
        who = body.at[i, name] if name is not None else None
        who = " ".join(who.split()) if isinstance(who, str) else ""
        note = body.at[i, notes] if notes is not None else None
        extra: dict[str, str] = {}
        if isinstance(note, str) and note.strip():
            extra = {"note_key": "marked_note", "note": repr(" ".join(note.split()))}
        said.append(
            problem(where, None, int(i) + first, None, None,
                    "hidden_person" if hidden[i] else "struck_person", severity="warning",
                    person=repr(who),
                    **extra)
        )  # fmt: skip
    read = person & ~aside & pd.Series(body.index.isin(list(marks.filtered)), index=body.index)
    if bool(read.any()):
        listed = ", ".join(str(int(i) + first) for i in read[read].index)
        said.append(
            problem(where, None, None, None, None, "filtered_rows_read", severity="warning",
                    count=int(read.sum()), rows=listed)
        )  # fmt: skip
    return person & ~aside, said


__all__ = [
    "MAYBE_HIDDEN",
    "ROW_MARKS",
    "RowCollector",
    "RowMarks",
    "marked_people",
    "notes_column",
    "row_marks",
    "struck_fonts",
]
