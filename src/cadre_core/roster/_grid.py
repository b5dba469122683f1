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

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._cell_errors import marks_of, not_read
from cadre_core.roster._flat_header import Header, find_header, header_label, is_header, resolve
from cadre_core.roster._merged import Merged
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._sheets import NO_VALUE
from cadre_core.vocab._labels import label

if TYPE_CHECKING:
    from cadre_core.roster._continued import Listed

LEAD_LINES = 20
"""Most lines of text given above a list's table (the first few of the document, where its
issuing body is named, and the last ones before the table, its title): the header must stay
among the first rows :func:`~cadre_core.roster._flat_header.find_header` looks at."""


@attrs.frozen
class Legacy:
    """A sheet or document typed in a legacy Vietnamese font, its ``encoding`` (``tcvn3``
    or ``vni``), or of UTF-8 read as Windows-1252 (``double``); and, when one of its
    headers was so damaged, that header as typed (``bad``) and as read (``good``): an
    example no person's data is in; ``pasted`` when only some of its cells are so typed
    (rows pasted from an old file into a Unicode list)."""

    encoding: str
    bad: str | None = None
    good: str | None = None
    pasted: bool = attrs.field(default=False, repr=False)


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
    # the legacy font its text was typed in (converted to be read), when it was
    legacy: Legacy | None = None
    # a record's courses (topics, completed_date, course), None: no training table read
    courses: pd.DataFrame | None = attrs.field(default=None, eq=False)


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


def _text_mapping(
    values: Iterable[object], alone: bool = False
) -> tuple[dict[str, str], Legacy | None]:
    """What each of ``values`` reads as when they were typed in a legacy font as a whole
    (a sheet's or a document's every text: far more evidence than one column holds), or
    are UTF-8 read as Windows-1252 down to their headers ("Há»\x8d vÃ\xa0 tÃªn"; a few
    damaged cells under a sound header are the columns' to say, with their rows), or, with
    ``alone``, cells typed in a legacy font each alone; with what was found and a header as
    an example. All-ASCII text never is either.

    >>> _text_mapping(["Há»\x8d vÃ\xa0 tÃªn", "LÃ² VÄƒn An"])[1]
    Legacy(encoding='double', bad='Há»\x8d vÃ\xa0 tÃªn', good='Họ và tên')
    """
    from cadre_core.vocab._mojibake import fix_double_encoded
    from cadre_core.vocab._vntext import legacy_values

    texts = [v for v in values if isinstance(v, str) and not v.isascii()]
    if not texts:
        return {}, None
    repaired, damaged = fix_double_encoded(pd.Series(texts, dtype=object))
    if not any(is_header(v) for v in damaged.values()):
        damaged, repaired = {}, pd.Series(texts, dtype=object)
    legacy, encoding, _ = legacy_values(repaired.tolist(), alone=False)
    pasted = alone and not legacy and not damaged  # not the whole text's: each cell alone
    if pasted:
        legacy, encoding, _ = legacy_values(repaired.tolist())
    mapping = {v: legacy.get(d, d) for v in texts if (d := damaged.get(v, v)) != v or d in legacy}
    if not mapping:
        return {}, None
    found = legacy_found(encoding or "double", mapping)
    return mapping, attrs.evolve(found, pasted=True) if pasted and legacy else found


def legacy_found(encoding: str, mapping: dict[str, str]) -> Legacy:
    """What was found of ``encoding`` in a sheet or a document, its text as typed mapped
    to its text as read: with a header so typed as the example (the name's header first),
    never a person's data; without an example when no header was.

    >>> legacy_found("tcvn3", {"Lª ThÞ Hoa": "Lê Thị Hoa", "Hä vµ tªn": "Họ và tên"})
    Legacy(encoding='tcvn3', bad='Hä vµ tªn', good='Họ và tên')
    """
    headers = sorted((good, bad) for bad, good in mapping.items() if is_header(good))
    named = [(g, b) for g, b in headers if (f := resolve([g])) is not None
             and f.column == "full_name"]  # fmt: skip
    first = (named or headers)[:1]
    if not first:
        return Legacy(encoding)
    good, bad = first[0]
    return Legacy(encoding, bad, good)


def _mapped(cells: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    """``cells`` with each value of ``mapping`` replaced, column by column."""
    out = cells.copy()
    keys = list(mapping)
    for j in range(out.shape[1]):
        col = out.iloc[:, j]
        hit = col.isin(keys)
        if bool(hit.any()):
            out.iloc[:, j] = col.where(~hit, col.map(mapping))
    return out


def unicode_grid(grid: Grid, alone: bool = False) -> Grid:
    """``grid`` with its text converted to Unicode when the sheet was typed in a legacy
    Vietnamese font (TCVN3 ".VnTime", VNI "VNI-Times"), found on all its cells at once,
    said in :attr:`Grid.legacy` (whether that is an error is the reading's policy,
    ``--legacy-text``); the grid as it is otherwise. Only the text a conversion turns into
    Vietnamese is converted (:func:`~cadre_core.vocab._vntext.legacy_values`); with
    ``alone``, also the cells typed in a legacy font among Unicode ones (rows pasted from an
    old file: converted only when the reading's policy is to convert).

    >>> cells = pd.DataFrame([["Hä vµ tªn", "Ngµy sinh"], ["Lª ThÞ Hoa", "12/03/1975"]])
    >>> g = unicode_grid(Grid("DS", cells, []))
    >>> g.legacy, g.cells.iloc[:, 0].tolist()
    (Legacy(encoding='tcvn3', bad='Hä vµ tªn', good='Họ và tên'), ['Họ và tên', 'Lê Thị Hoa'])
    """
    if grid.legacy is not None:
        return grid
    mapping, legacy = _text_mapping(pd.unique(grid.cells.to_numpy(dtype=object).ravel()), alone)
    if legacy is None:
        return grid
    return attrs.evolve(grid, cells=_mapped(grid.cells, mapping), legacy=legacy)


def unicode_blocks(blocks: Iterable[Text | Table]) -> tuple[list[Text | Table], Legacy | None]:
    """A document's blocks with their text converted to Unicode when the document was
    typed in a legacy Vietnamese font (:func:`unicode_grid`, on all its text at once), and
    what was found (None: the blocks as they are).

    >>> blocks, found = unicode_blocks([Text(["S¬ yÕu lý lÞch"]), Text(["Hä vµ tªn: Lß V¨n An"])])
    >>> found.encoding, [b.lines for b in blocks if isinstance(b, Text)]
    ('tcvn3', [['Sơ yếu lý lịch'], ['Họ và tên: Lò Văn An']])
    """
    given = list(blocks)
    values: list[object] = []
    for block in given:
        values.extend(block.lines)
        if isinstance(block, Table):
            values.extend(block.cells.to_numpy(dtype=object).ravel().tolist())
    mapping, legacy = _text_mapping(dict.fromkeys(values))
    if legacy is None:
        return given, None
    out: list[Text | Table] = []
    for block in given:
        lines = [mapping.get(line, line) for line in block.lines]
        if isinstance(block, Table):
            out.append(Table(_mapped(block.cells, mapping), block.merged, lines))
        else:
            out.append(Text(lines))
    return out, legacy


#: the fonts of each legacy encoding a clerk knows it by
LEGACY_FONTS = {"TCVN3": ".VnTime, .VnArial", "VNI": "VNI-Times, VNI-Helve"}


def legacy_said(file: str, grids: Iterable[Grid], policy: str) -> list[Problem]:
    """What reading ``grids`` (of the list ``file``) converted from legacy fonts: one
    problem per sheet or table (its header as the example), one for all the personal
    records of each encoding (their count: a line of a record holds a person's data); an
    error unless the reading's ``policy`` is ``"convert"``, then a warning.

    >>> g = unicode_grid(Grid("DS", pd.DataFrame([["Hä vµ tªn", "Ngµy sinh"]]), []))
    >>> [(p.key, p.severity, p.table) for p in legacy_said("ds.xlsx", [g], "error")]
    [('legacy_sheet_found', 'error', 'DS')]
    """
    done = "converted" if policy == "convert" else "found"
    severity = "warning" if policy == "convert" else "error"
    out: list[Problem] = []
    records: dict[str, int] = {}
    for grid in grids:
        if grid.legacy is None:
            continue
        encoding = grid.legacy.encoding.upper()
        kind = "double" if encoding == "DOUBLE" else "legacy"
        what = "cells" if grid.legacy.pasted else "sheet"
        if grid.record:
            records[encoding] = records.get(encoding, 0) + 1
            continue
        example = {} if grid.legacy.bad is None else {
            "bad": repr(grid.legacy.bad), "good": repr(grid.legacy.good)}  # fmt: skip
        out.append(
            problem(file, grid.name or None, None, None, None, f"{kind}_{what}_{done}",
                    severity=severity, scope="encoding", encoding=encoding,
                    fonts=LEGACY_FONTS.get(encoding, ""), **example)
        )  # fmt: skip
    for encoding, n in records.items():
        kind = "double" if encoding == "DOUBLE" else "legacy"
        out.append(
            problem(file, None, None, None, None, f"{kind}_records_{done}", severity=severity,
                    scope="encoding", encoding=encoding, fonts=LEGACY_FONTS.get(encoding, ""),
                    records=n)
        )  # fmt: skip
    return out


def marked_cells(
    sheet: Grid,
    cells: pd.DataFrame,
    header: Header,
    read: Mapping[tuple[str, str], Sequence[int]],
    rows: pd.Series,
    where: str,
) -> tuple[dict[tuple[str, str], pd.Series], list[Problem]]:
    """The cells of a list's ``sheet`` holding an Excel error value (``#N/A``) or a formula
    with no saved value, named by the sheet's reader
    (:data:`~cadre_core.roster._sheets.CELL_ERRORS`): those of a person's row (``rows``:
    the person rows' numbers, by their row in ``cells``, the sheet's grid as read) under a
    column read for a field (``read``: each field's columns) by field, their text by row,
    for validation to say on the person's row
    (:func:`~cadre_core.roster._cell_errors.failed_cells`); and a warning naming each one
    outside them (a title, header, group, total or signature row), except under a column
    that is not read (said as such) or the row numbers' (never data), and a formula with
    no saved value under the header (a total row's sums, never read). A merged range's row
    that holds no copy of its value (a name's) is nothing.

    >>> cells = pd.DataFrame([["#N/A", None], ["Họ và tên", "Trình độ chuyên môn"],
    ...                       ["Lò Văn An", "#REF!"]])
    >>> cells.attrs["cadre_cell_errors"] = {(0, 0): "#N/A", (2, 1): "#REF!"}
    >>> header = find_header(cells)
    >>> read = {("cadres", "full_name"): [0], ("degrees", "level"): [1]}
    >>> failed, (said,) = marked_cells(Grid("DS", cells, []), cells, header, read,
    ...                                pd.Series([3], index=[2]), "ds.xlsx, sheet 'DS'")
    >>> failed[("degrees", "level")].to_dict(), (said.row, said.key, dict(said.args)["cell"])
    ({2: '#REF!'}, (1, 'error_cell_not_read', 'A1'))
    """
    marks = marks_of(sheet.cells)
    field_of = {j: key for key, columns in read.items() for j in columns}
    found: dict[tuple[str, str], dict[int, str]] = {}
    said: list[Problem] = []
    for (r, c), text in sorted(marks.items()):
        if r >= cells.shape[0] or c >= cells.shape[1] or cells.iat[r, c] != text:
            continue
        key = field_of.get(c)
        if key is not None and r in rows.index:
            found.setdefault(key, {})[r] = text
        elif r < header.body or (key is not None and text != NO_VALUE):
            # a formula never calculated in a total row (its sums are never read): nothing
            column = header_label(header.labels[c], c) if r >= header.body else None
            said.append(not_read(where, None, r + 1 - sheet.top, column, (r - sheet.top, c), text))
    return {k: pd.Series(v, dtype=object) for k, v in found.items()}, said


def encoded_marks(
    sheets: Iterable[tuple[pd.Series, Mapping[tuple[str, str], pd.Series]]],
) -> dict[str, dict[int, str]]:
    """The marked cells of a list's person rows (each sheet's person rows' numbers, by
    row, with its :func:`marked_cells`), by ``table.column`` and the person row's number.

    >>> encoded_marks([(pd.Series([7], index=[2]), {("degrees", "level"): pd.Series({2: "#N/A"})})])
    {'degrees.level': {7: '#N/A'}}
    """
    out: dict[str, dict[int, str]] = {}
    for rows, marks in sheets:
        for (table, column), texts in marks.items():
            at = rows.loc[texts.index].tolist()
            out.setdefault(f"{table}.{column}", {}).update(zip(at, texts.tolist(), strict=True))
    return out


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


def document_grids(
    file: str, blocks: Iterable[Text | Table], legacy: Legacy | None = None
) -> tuple[list[Grid], list[Problem]]:
    """The tables among a document's ``blocks`` that are lists, as the grids of a list's
    sheets, with what was said of the others (``file`` names the document in problems).
    ``legacy``: the legacy font its reader found and converted already (a Word document's
    runs typed in ``.VnTime``), said on its grids unless its text is found legacy as a
    whole (:func:`unicode_blocks`).

    A table holding no text is nothing to read; a table with no header of its own that
    follows a list's table with the same columns is the rest of that list, read under its
    header (:mod:`cadre_core.roster._continued`: a table cut in two); a headerless table
    of people that continues no list is an error; a table that is no list (no header of
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
    from cadre_core.roster._continued import listed

    blocks, found = unicode_blocks(blocks)
    legacy = found or legacy
    # each list's table, its header's row in it, and the rows above the table's own first
    # (a continuation's: the list's header and group rows, :mod:`._continued`)
    tables: list[tuple[str, Table, int, int]] = []
    problems: list[Problem] = []
    texts: list[list[str]] = [[]]  # the lines before each list's table, and after the last
    number = 0
    listing: Listed | None = None  # the list the last table read is part of
    between = False  # lines of text since that table
    for block in blocks:
        if isinstance(block, Text):
            texts[-1].extend(block.lines)
            between = between or bool(block.lines)
            continue
        number += 1
        if block.cells.isna().all(axis=None):
            continue
        name = label("list_word_table", "vi").format(number)
        header = find_header(block.cells)
        if header is not None:
            listing, between = listed(name, block, header), False
            texts.append([])
            tables.append((name, block, header.top, 0))
            continue
        joined, said = _headerless(file, name, block, listing, between)
        problems.extend(said)
        listing, between = (None, False) if joined is None else (joined[2], False)
        if joined is not None:
            texts.append([])
            tables.append((name, joined[0], 0, joined[1]))
        elif not said or said[0].severity != "error":  # people are no text around a list
            texts[-1].extend(block.lines)
    if not tables:
        problems.append(problem(file, None, None, None, None, "no_list_table"))
    grids: list[Grid] = []
    above: list[str] = []
    for n, (name, table, header_at, head_rows) in enumerate(tables):
        above.extend(texts[n])
        # the header must stay among the first 30 rows, where the reader looks for it
        keep = min(LEAD_LINES, 29 - header_at)
        lead = _around(above)[-keep:] if keep > 0 else []
        grid = _with_lines(table.cells, lead, texts[n + 1][:LEAD_LINES])
        moved = [(r0 + len(lead), c0, r1 + len(lead), c1) for r0, c0, r1, c1 in table.merged]
        top, end = len(lead) + head_rows, len(lead) + len(table.cells)
        grids.append(Grid(name, grid, moved, top, end, legacy=legacy))
    return grids, problems


def _headerless(
    file: str, name: str, table: Table, listing: Listed | None, between: bool
) -> tuple[tuple[Table, int, Listed] | None, list[Problem]]:
    """A table with no header of its own (``name``, of the document ``file``): the rest of
    the list ``listing`` its last table read is part of (None: none) when its columns are
    the list's (:func:`~cadre_core.roster._continued.continuation`; the list's group rows
    in force only when no line of text stands ``between`` them), said as a warning; else
    what is said of it: an error naming its first row when its rows look like people
    (never read as the text around a list), the warning of a table that is no list
    otherwise."""
    from cadre_core.roster._continued import column_count, continuation, people_rows

    where = f"{file}, sheet {name!r}"
    if listing is not None:
        start = listing.groups.iloc[:0] if between else listing.groups
        joined = continuation(attrs.evolve(listing, groups=start), table)
        if joined is not None:
            said = problem(where, None, None, None, None, "table_continues_list",
                           severity="warning", list_table=listing.name)  # fmt: skip
            return joined, [said]
    people = people_rows(table.cells).to_numpy()
    if not people.any():
        said = problem(file, name, None, None, None, "no_list_header_in_table",
                       severity="warning")  # fmt: skip
        return None, [said]
    row, rows = int(people.argmax()) + 1, int(people.sum())
    if listing is None:
        return None, [problem(where, None, row, None, None, "headerless_people", rows=rows)]
    said = problem(where, None, row, None, None, "headerless_people_columns", rows=rows,
                   columns=column_count(table), list_table=listing.name,
                   list_columns=len(listing.columns))  # fmt: skip
    return None, [said]


__all__ = [
    "LEAD_LINES",
    "Grid",
    "Legacy",
    "Table",
    "Text",
    "document_grids",
    "encoded_marks",
    "legacy_found",
    "legacy_said",
    "marked_cells",
    "unicode_blocks",
    "unicode_grid",
]
