"""The grid a list's sheet gives the list reader (:mod:`cadre_core.roster._flat`), and the
one way a document's tables become such grids.

A workbook's sheet and a CSV file are grids already. A document (a Word ``.docx``, a web
page saved as ``.xls`` or ``.html``) is a run of text and tables: each table that holds a
list's header is one grid, named as its user counts the document's tables ("Bảng 2", the
label ``list_word_table``), with the lines of text before it (the issuing body, the motto,
the title with the list's day and commune, and the text of tables that are no list) as
its leading rows and the lines after it (the signatures) as its trailing rows, which hold
no person. :func:`document_grids` does that for every kind of document; the readers of
each kind (:mod:`cadre_core.roster._docx`, :mod:`cadre_core.roster._html`) only turn
their file into :class:`Text` and :class:`Table` blocks.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._flat_header import find_header
from cadre_core.roster._merged import Merged
from cadre_core.roster._problems import Problem, problem
from cadre_core.vocab._labels import label

LEAD_LINES = 20
"""Most lines of text given above a list's table (the first few of the document, where its
issuing body is named, and the last ones before the table, its title): the header must stay
among the first rows :func:`~cadre_core.roster._flat_header.find_header` looks at."""


@attrs.frozen
class Grid:
    """One sheet of a list as the list reader reads it: a workbook's sheet, a CSV file, or
    a document's table with the lines around it. ``top`` rows above the table are not
    counted as its rows (a problem on the grid's row ``top + 1`` is on the table's row 1);
    rows from ``end`` on are under the table and hold no person (None: to the sheet's
    end). A personal record's grid (``record``) is a list of its one person, named by the
    record's file (:mod:`cadre_core.roster._record`)."""

    name: str
    cells: pd.DataFrame
    merged: list[Merged]
    top: int = 0
    end: int | None = None
    # a personal record (one person, the grid named by the record's file), not a list,
    # and the names of its fields and sections not read
    record: bool = False
    unread: tuple[str, ...] = ()


@attrs.frozen
class Text:
    """Lines of a document's text outside its tables, in order."""

    lines: list[str]


@attrs.frozen
class Table:
    """A document's table: its cells (each merged cell's text in its first cell), its
    merged ranges (first row, first column, last row, last column), and its text as lines,
    row by row (read as the text around a list when the table holds none)."""

    cells: pd.DataFrame
    merged: list[Merged]
    lines: list[str]


def _around(lines: list[str]) -> list[str]:
    """At most :data:`LEAD_LINES` of the lines above a table: the document's first few and
    the last ones before the table."""
    if len(lines) <= LEAD_LINES:
        return lines
    first = LEAD_LINES // 4
    return lines[:first] + lines[len(lines) - (LEAD_LINES - first) :]


def _with_lines(cells: pd.DataFrame, lead: list[str], trail: list[str]) -> pd.DataFrame:
    """A table's grid with ``lead`` lines above it and ``trail`` lines under it, each a
    row of its own with the line in the first column."""
    width = cells.shape[1]
    above = np.full((len(lead), width), None, dtype=object)
    above[:, 0] = lead
    under = np.full((len(trail), width), None, dtype=object)
    under[:, 0] = trail
    return pd.DataFrame(np.vstack([above, cells.to_numpy(dtype=object), under]))


def document_grids(file: str, blocks: Iterable[Text | Table]) -> tuple[list[Grid], list[Problem]]:
    """The tables among a document's ``blocks`` that are lists, as the grids of a list's
    sheets, with what was said of the others (``file`` names the document in problems).

    A table holding no text is nothing to read; a table that is no list (no header of
    one: a layout table) is said, as a sheet without one is, and its text is read with
    the lines around the lists. The tables keep their numbers in the document; no list at
    all is an error.

    >>> cells = pd.DataFrame([["Họ và tên", "Ngày sinh"], ["Lò Văn An", "12/03/1975"]])
    >>> blocks = [Text(["DANH SÁCH CÁN BỘ"]), Table(cells, [], []), Text(["Người lập"])]
    >>> (grid,), problems = document_grids("ds.html", blocks)
    >>> grid.name, grid.top, grid.end, problems
    ('Bảng 1', 1, 3, [])
    >>> grid.cells[0].tolist()
    ['DANH SÁCH CÁN BỘ', 'Họ và tên', 'Lò Văn An', 'Người lập']
    """
    tables: list[tuple[str, Table, int]] = []
    problems: list[Problem] = []
    texts: list[list[str]] = [[]]  # the lines before each list's table, and after the last
    number = 0
    for block in blocks:
        if isinstance(block, Text):
            texts[-1].extend(block.lines)
            continue
        number += 1
        if block.cells.isna().all(axis=None):
            continue
        name = label("list_word_table", "vi").format(number)
        header = find_header(block.cells)
        if header is None:
            texts[-1].extend(block.lines)
            problems.append(
                problem(file, name, None, None, None, "no_list_header_in_table",
                        severity="warning")
            )  # fmt: skip
            continue
        texts.append([])
        tables.append((name, block, header.top))
    if not tables:
        problems.append(problem(file, None, None, None, None, "no_list_table"))
    grids: list[Grid] = []
    above: list[str] = []
    for n, (name, table, header_at) in enumerate(tables):
        above.extend(texts[n])
        # the header must stay among the first 30 rows, where the reader looks for it
        keep = min(LEAD_LINES, 29 - header_at)
        lead = _around(above)[-keep:] if keep > 0 else []
        grid = _with_lines(table.cells, lead, texts[n + 1][:LEAD_LINES])
        moved = [(r0 + len(lead), c0, r1 + len(lead), c1) for r0, c0, r1, c1 in table.merged]
        grids.append(Grid(name, grid, moved, len(lead), len(lead) + len(table.cells)))
    return grids, problems


__all__ = ["LEAD_LINES", "Grid", "Table", "Text", "document_grids"]
