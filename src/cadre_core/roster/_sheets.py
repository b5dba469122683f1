"""The sheets of a workbook as grids of cells, whatever the workbook's format: the one
place the readers of rosters (:mod:`cadre_core.roster._reader`) and of lists
(:mod:`cadre_core.roster._flat`) open a workbook.

``.xlsx``, ``.xlsm``, ``.xlsb`` (Excel's binary workbook, measured first by
:mod:`cadre_core.roster._xlsb`), ``.xls`` (Excel 97-2003) and ``.ods`` are read by calamine. Excel
2003's XML Spreadsheet (the ``<Workbook xmlns="urn:schemas-microsoft-com:office:
spreadsheet">`` many web systems still export, as ``.xml`` or as ``.xls``) is read here:
its ``ss:Index`` gaps, ``ss:MergeAcross``/``ss:MergeDown`` merged ranges and typed cells
(numbers, ``ss:DateTime`` dates, booleans) become the same grid, merged ranges and cell
types calamine gives. It is parsed by lxml with entities, DTDs and the network off, after
its size is checked; every sheet's extent is checked before its grid is built.

Two things calamine does not give are read from the file itself (:func:`cell_marks`). An
error value (``#N/A``, ``#REF!``: a formula that failed, which calamine gives as a blank
cell) and a formula with no saved value (a workbook written by a program that never
calculated it; :data:`NO_VALUE`) are kept in the grid, the grid's ``attrs[CELL_ERRORS]``
naming each such cell, so that the readers say it (:mod:`cadre_core.roster._cell_errors`),
never read it as blank: from an ``.xlsx``'s XML (:func:`xlsx_marks`), an ``.xlsb``'s
records (:func:`~cadre_core.roster._xlsb.xlsb_errors`), an ``.xls``'s
(:func:`~cadre_core.roster._xls.xls_errors`), an ``.ods``'s content and an XML
Spreadsheet's ``ss:Type="Error"``. And text of an ``.xlsx`` in a TCVN3 capitals' font
(``.VnTimeH``, any ``.Vn…H``), which draws capitals at the small letters' codes, is read
as the font shows it (:func:`~cadre_core.vocab._vntext.shown_in_capitals`), so that it
converts to capitals.

A sheet the workbook hides (hidden or very hidden: calamine's sheet metadata, an XML
Spreadsheet's ``<x:Visible>SheetHidden</x:Visible>``) is named in its grid's
``attrs[HIDDEN]`` (:func:`hidden`), read from the workbook the cells are read from; which
sheets are read is the readers' choice. calamine reads it from every format it opens: an
``.xlsx``'s ``state``, a ``BoundSheet8``'s ``hsState`` in an ``.xls`` and a
``BrtBundleSh``'s in an ``.xlsb`` (each hidden or very hidden), and the
``table:display="false"`` of an ``.ods`` table's style (hidden only: the format has no
very hidden state, and LibreOffice saves a very hidden sheet as hidden, in an ``.xls``
too). A state no format allows (``hsState`` 3) makes calamine refuse the workbook.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.roster._guards import MAX_SHEET_CELLS, MAX_XML_BYTES, TooLarge
from cadre_core.roster._merged import Merged, merged_ranges
from cadre_core.roster._row_marks import (
    MAYBE_HIDDEN,
    ROW_MARKS,
    RowCollector,
    RowMarks,
    struck_fonts,
)
from cadre_core.roster._sniff import file_kind, is_encrypted

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_XL = "{urn:schemas-microsoft-com:office:excel}"  # an XML Spreadsheet's sheet options

HIDDEN = "cadre_sheet_hidden"
"""The key of a grid's ``attrs`` saying that the workbook hides its sheet: ``"hidden"``
or ``"very hidden"`` (a sheet shown has none)."""

# an XML Spreadsheet's and calamine's words for a sheet's visibility
_HIDDEN_STATES = {
    "SheetHidden": "hidden",
    "SheetVeryHidden": "very hidden",
    "Hidden": "hidden",
    "VeryHidden": "very hidden",
}


def hidden(grid: pd.DataFrame) -> str | None:
    """How the workbook hides the sheet ``grid`` was read from (``"hidden"``, ``"very
    hidden"``), None for a sheet shown (or a grid of no workbook).

    >>> hidden(pd.DataFrame()) is None
    True
    """
    state = grid.attrs.get(HIDDEN)
    return state if isinstance(state, str) else None


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _index(element: Any, name: str) -> int | None:
    """A 1-based ``ss:`` index attribute of ``element`` as a 0-based number (None if
    missing; a bad one raises ``ValueError``)."""
    text = element.get(f"{_SS}{name}")
    return None if text is None else int(text) - 1


def _count(element: Any, name: str) -> int:
    text = element.get(f"{_SS}{name}")
    return 0 if text is None else max(0, int(text))


def _value(data: Any) -> object:
    """A cell's ``ss:Data`` as the value calamine gives for the same cell in a workbook."""
    text = "".join(data.itertext())
    kind = data.get(f"{_SS}Type", "String")
    if kind == "Number":
        number = float(text)
        return int(number) if number.is_integer() else number
    if kind == "DateTime":
        return pd.Timestamp(dt.datetime.fromisoformat(text[:19]))
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE")
    return text if text != "" else None


def _sheet(table: Any | None, name: str) -> tuple[pd.DataFrame, list[Merged]]:
    """One worksheet's ``ss:Table`` as a grid of values and its merged ranges; its error
    values (``ss:Type="Error"``) and formulas with no saved value (an ``ss:Formula`` and
    no ``Data``) named in its ``attrs`` (:data:`CELL_ERRORS`)."""
    values: dict[tuple[int, int], object] = {}
    failed: dict[tuple[int, int], str] = {}
    merged: list[Merged] = []
    height = width = 0
    r = -1
    for row in () if table is None else table.iterfind(f"{_SS}Row"):
        at = _index(row, "Index")
        r = r + 1 if at is None else at
        c = -1
        for cell in row.iterfind(f"{_SS}Cell"):
            at = _index(cell, "Index")
            c = c + 1 if at is None else at
            across, down = _count(cell, "MergeAcross"), _count(cell, "MergeDown")
            data = cell.find(f"{_SS}Data")
            if data is not None:
                value = _value(data)
                if value is not None:
                    values[r, c] = value
                if data.get(f"{_SS}Type") == "Error":  # a formula that failed: "#N/A"
                    failed[r, c] = str(value or "#N/A")
            elif cell.get(f"{_SS}Formula") is not None:  # a formula with no saved value
                failed[r, c] = NO_VALUE
            if across or down:
                merged.append((r, c, r + down, c + across))
            height, width = max(height, r + down + 1), max(width, c + across + 1)
            c += across
        r += _count(row, "Span")
    if height * width > MAX_SHEET_CELLS:
        raise TooLarge(
            f"sheet {name!r} spans {height:,} rows by {width:,} columns, over the limit of "
            f"{MAX_SHEET_CELLS:,} cells"
        )
    cells = np.full((height, width), None, dtype=object)
    for (row_at, column_at), value in values.items():
        cells[row_at, column_at] = value
    grid, merged = pd.DataFrame(cells).infer_objects(), sorted(merged)
    return (_marked(grid, [], failed, merged) if failed else grid), merged


def spreadsheetml_sheets(path: Path) -> tuple[dict[str, pd.DataFrame], dict[str, list[Merged]]]:
    """The worksheets of an Excel 2003 XML Spreadsheet as grids (no header row), and
    their merged ranges, by sheet name. Raises :class:`TooLarge` for a file or a sheet
    beyond the reader's limits, and lxml's or ``ValueError`` for a damaged one.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "ds.xml"
    >>> _ = p.write_text('''<?xml version="1.0"?>
    ... <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
    ...  xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
    ...  <Worksheet ss:Name="DS"><Table>
    ...   <Row><Cell ss:MergeAcross="1"><Data ss:Type="String">DANH SÁCH</Data></Cell></Row>
    ...   <Row ss:Index="3"><Cell><Data ss:Type="String">Lò Văn An</Data></Cell>
    ...    <Cell><Data ss:Type="DateTime">1975-03-12T00:00:00.000</Data></Cell>
    ...    <Cell><Data ss:Type="Number">12</Data></Cell></Row>
    ...  </Table></Worksheet></Workbook>''', encoding="utf-8")
    >>> sheets, merged = spreadsheetml_sheets(p)
    >>> sheets["DS"].to_numpy().tolist()[2], merged["DS"]
    (['Lò Văn An', Timestamp('1975-03-12 00:00:00'), 12.0], [(0, 0, 0, 1)])
    """
    size = path.stat().st_size
    if size > MAX_XML_BYTES:
        raise TooLarge(f"it is {size:,} bytes, over the limit of {MAX_XML_BYTES:,}")
    from lxml import etree

    root = etree.parse(str(path), _parser()).getroot()
    sheets: dict[str, pd.DataFrame] = {}
    merged: dict[str, list[Merged]] = {}
    for n, sheet in enumerate(root.iterfind(f"{_SS}Worksheet"), start=1):
        name = str(sheet.get(f"{_SS}Name") or f"Sheet{n}")
        sheets[name], merged[name] = _sheet(sheet.find(f"{_SS}Table"), name)
        shown = (sheet.findtext(f"{_XL}WorksheetOptions/{_XL}Visible") or "").strip()
        if shown in _HIDDEN_STATES:  # <x:Visible>SheetHidden</x:Visible>
            sheets[name].attrs[HIDDEN] = _HIDDEN_STATES[shown]
    if not sheets:
        raise ValueError("no worksheet")
    return sheets, merged


def read_sheets(path: Path) -> tuple[dict[str, pd.DataFrame], dict[str, list[Merged]]]:
    """Every sheet of the workbook at ``path`` as a grid of cells (no header row), with its
    merged ranges, by sheet name; raises what the engine raises for a file it cannot read
    (:class:`TooLarge` beyond the limits). The workbook guards
    (:func:`~cadre_core.roster._guards._check_workbook_size`) are the caller's.

    >>> from cadre_core.roster import sample_roster
    >>> import tempfile
    >>> p = sample_roster().write(Path(tempfile.mkdtemp()) / "r.xlsx")
    >>> sheets, merged = read_sheets(p)
    >>> "cadres" in sheets
    True
    """
    if file_kind(path) == "spreadsheetml":
        return spreadsheetml_sheets(path)
    try:
        with pd.ExcelFile(path, engine="calamine") as book:
            sheets = pd.read_excel(book, sheet_name=None, header=None)
            states = _hidden_states(book.book)
    except BaseException as exc:
        _engine_failed(exc)
        raise
    grids = {str(k): v for k, v in sheets.items()}
    merged = merged_ranges(path)
    rows: dict[str, RowMarks] = {}
    for name, (capitals, errors) in cell_marks(path, rows).items():
        if name in grids:
            grids[name] = _marked(grids[name], capitals, errors, merged.get(name, ()))
    for name, marked in rows.items():  # rows hidden, cells struck through (_row_marks)
        if name in grids:
            grids[name].attrs[ROW_MARKS] = marked
    for name, state in states.items():
        if name in grids:
            grids[name].attrs[HIDDEN] = state
    return grids, merged


def _hidden_states(book: Any) -> dict[str, str]:
    """The sheets a workbook opened by calamine hides, by name: ``"hidden"`` or ``"very
    hidden"`` (none when its metadata cannot say)."""
    try:
        return {
            str(sheet.name): _HIDDEN_STATES[state]
            for sheet in book.sheets_metadata
            if (state := str(sheet.visible).rpartition(".")[2]) in _HIDDEN_STATES
        }
    except Exception:  # an engine without sheet metadata: every sheet is shown
        return {}


# ------------------------------------------------------------ what calamine does not give

CELL_ERRORS = "cadre_cell_errors"
"""The key of a grid's ``attrs`` naming its cells that hold an Excel error value or a
formula with no saved value: ``{(row, column): "#N/A"}`` (:data:`NO_VALUE` for the
latter), 0-based; a merged range's other rows are named too, with its first cell's."""

NO_VALUE = "="
"""What a grid holds in a cell whose formula has no saved value (a workbook written by a
program that never calculated it): not blank, so that its row is read, and named in
:data:`CELL_ERRORS`, so that the cell is said, never read as a value."""

# a sheet part's bytes that may hold an error value or a formula with no saved value
# ("<f>ROW()</f><v></v>" as openpyxl writes it, "<f>..</f></c>", "<f .../></c>")
_MAYBE_MARKED = (b't="e"', b"t='e'", b"</f></c>", b"<v></v>", b"<v/>", b"/></c>")

_X = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_REF = re.compile(r"([A-Z]+)(\d+)")
_Place = tuple[int, int]


def _place(ref: str | None, row: int, last: int) -> _Place:
    """The 0-based place of a cell named ``ref`` ("B5"), or the one after ``last`` in
    ``row`` when it has no name."""
    found = _REF.fullmatch(ref or "")
    if found is None:
        return row, last + 1
    column = 0
    for ch in found.group(1):
        column = column * 26 + ord(ch) - 64
    return int(found.group(2)) - 1, column - 1


def _font_styles(zf: zipfile.ZipFile, names: set[str]) -> tuple[set[str], set[str]]:
    """The cell styles (``s`` indices, as text) of the workbook whose font is a TCVN3
    capitals' font (``.VnTimeH``), and those whose font is struck through."""
    from lxml import etree

    from cadre_core.vocab._vntext import legacy_font

    if "xl/styles.xml" not in names:
        return set(), set()
    with zf.open("xl/styles.xml") as f:
        root = etree.parse(f, _parser()).getroot()
    fonts = root.find(f"{_X}fonts")
    listed = [] if fonts is None else list(fonts.iterfind(f"{_X}font"))
    capitals = {
        str(n)
        for n, font in enumerate(listed)
        if (named := font.find(f"{_X}name")) is not None
        and legacy_font(named.get("val")) == ("tcvn3", True)
    }
    struck = struck_fonts(listed)
    if not capitals and not struck:
        return set(), set()
    xfs = root.find(f"{_X}cellXfs")
    by_font = [xf.get("fontId", "0") for xf in ([] if xfs is None else xfs.iterfind(f"{_X}xf"))]
    return (
        {str(n) for n, font in enumerate(by_font) if font in capitals},
        {str(n) for n, font in enumerate(by_font) if font in struck},
    )


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """The part of each worksheet of the workbook, by sheet name."""
    from lxml import etree

    with zf.open("xl/workbook.xml") as f:
        book = etree.parse(f, _parser()).getroot()
    with zf.open("xl/_rels/workbook.xml.rels") as f:
        rels = etree.parse(f, _parser()).getroot()
    targets = {r.get("Id"): str(r.get("Target", "")) for r in rels.iterfind(_PKG)}
    parts: dict[str, str] = {}
    for sheet in book.iterfind(f"{_X}sheets/{_X}sheet"):
        target = targets.get(sheet.get(_REL), "")
        parts[str(sheet.get("name"))] = target.lstrip("/") if target.startswith("/") else (
            f"xl/{target}")  # fmt: skip
    return parts


def _holds(zf: zipfile.ZipFile, member: str, texts: tuple[bytes, ...]) -> bool:
    """Whether the decompressed ``member`` holds one of ``texts`` (streamed once, without
    parsing)."""
    tail = b""
    with zf.open(member) as f:
        while block := f.read(1 << 20):
            if any(t in tail + block for t in texts):
                return True
            tail = block[-16:]
    return False


def xlsx_marks(
    path: Path, rows: dict[str, RowMarks] | None = None
) -> dict[str, tuple[list[_Place], dict[_Place, str]]]:
    """The cells of each sheet of the ``.xlsx`` at ``path`` (by sheet name) in a TCVN3
    capitals' font (``.VnTimeH``), and those holding an Excel error value with it
    (``#N/A``) or a formula with no saved value (:data:`NO_VALUE`: ``<f>`` and no ``<v>``,
    or an empty one where only a text can be empty); none for another format or a
    workbook without any (its sheets' bytes are searched for them first, not parsed). A
    damaged workbook has none (the engine says the damage). Given ``rows``, the same
    pass fills it with each sheet's rows hidden and cells struck through
    (:class:`~cadre_core.roster._row_marks.RowMarks`)."""
    from lxml import etree

    try:
        if not zipfile.is_zipfile(path):
            return {}
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
                return {}
            capitals, struck = _font_styles(zf, names)
            struck = struck if rows is not None else set()
            wanted = _MAYBE_MARKED + (MAYBE_HIDDEN if rows is not None else ()) + tuple(
                f's="{n}"'.encode() for n in struck)  # fmt: skip
            found: dict[str, tuple[list[_Place], dict[_Place, str]]] = {}
            for name, part in _sheet_parts(zf).items():
                if part not in names:
                    continue
                if not capitals and not _holds(zf, part, wanted):
                    continue
                shown: list[_Place] = []
                failed: dict[_Place, str] = {}
                marks = RowCollector(struck)
                with zf.open(part) as f:
                    for _, row in etree.iterparse(
                        f, tag=(f"{_X}row", f"{_X}sheetPr", f"{_X}autoFilter"),
                        resolve_entities=False, no_network=True, load_dtd=False,
                    ):  # fmt: skip
                        if row.tag != f"{_X}row":
                            marks.element(row)
                            continue
                        marks.row(row)
                        r = int(row.get("r", "0")) - 1
                        last = -1
                        for cell in row.iterfind(f"{_X}c"):
                            r, last = _place(cell.get("r"), r, last)
                            if struck:  # a struck style in the workbook: is it this cell's
                                marks.cell(r, last, cell.get("s"))
                            kind, saved = cell.get("t"), cell.find(f"{_X}v")
                            if kind == "e":
                                failed[r, last] = (cell.findtext(f"{_X}v") or "#N/A").strip()
                            elif cell.find(f"{_X}f") is not None and (
                                saved is None or (not saved.text and kind != "str")
                            ):
                                failed[r, last] = NO_VALUE
                            elif cell.get("s", "0") in capitals:
                                shown.append((r, last))
                        row.clear()
                if shown or failed:
                    found[name] = (shown, failed)
                if rows is not None and (marked := marks.marks()) is not None:
                    rows[name] = marked
            return found
    except Exception:  # damaged or unusual: read as calamine reads it
        return {}


class Marks(dict[_Place, str]):
    """The marked cells of a grid (:data:`CELL_ERRORS`), never changed once made: shared,
    not copied, by the frames pandas derives from the grid (it deep-copies ``attrs`` on
    every operation)."""

    def __deepcopy__(self, memo: dict[int, object]) -> Marks:
        return self


def _marked(
    grid: pd.DataFrame,
    capitals: list[_Place],
    errors: dict[_Place, str],
    merged: Iterable[Merged] = (),
) -> pd.DataFrame:
    """``grid`` with its text in a capitals' font as shown, and its error cells holding
    their error value (named in its ``attrs``, with the other rows of a merged range that
    starts at one, where the readers copy its value), column by column."""
    from cadre_core.vocab._vntext import shown_in_capitals

    height = max([grid.shape[0]] + [r + 1 for r, _ in errors])
    width = max([grid.shape[1]] + [c + 1 for _, c in errors])
    if (height, width) != grid.shape:
        grid = grid.reindex(index=range(height), columns=range(width))
    by_column: dict[int, list[int]] = {}
    for r, c in capitals:
        if r < height and c < width:
            by_column.setdefault(c, []).append(r)
    for c, rows in by_column.items():
        col = grid.iloc[:, c]
        at = col.index.isin(rows) & col.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
        if at.any():
            grid[grid.columns[c]] = col.astype(object).where(~at, col.map(
                lambda v: shown_in_capitals(v) if isinstance(v, str) else v))  # fmt: skip
    cells: dict[int, dict[int, str]] = {}
    for (r, c), text in errors.items():
        cells.setdefault(c, {})[r] = text
    for c, texts in sorted(cells.items()):
        values = grid.iloc[:, c].astype(object).to_numpy(copy=True)
        values[list(texts)] = list(texts.values())
        grid[grid.columns[c]] = values
    if errors:
        spread = {(r, c0): errors[r0, c0] for r0, c0, r1, _ in merged if (r0, c0) in errors
                  for r in range(r0 + 1, r1 + 1)}  # fmt: skip
        grid.attrs[CELL_ERRORS] = Marks({**spread, **errors})
    return grid


_ODS = {
    name: f"{{urn:oasis:names:tc:opendocument:xmlns:{name}:1.0}}"
    for name in ("table", "office", "text")
}
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
ERROR_TEXT = re.compile(
    r"#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!"
    r"|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|TIMEOUT!|PYTHON!|ERROR!)|Err:\d{3}"
)
"""The text a spreadsheet shows, and writes into a CSV file or a web page, for a cell
holding an error value: Excel's (those of its file formats, ``#N/A`` ... ``#GETTING_DATA``,
and those it shows for what it stores as ``#VALUE!``: ``#SPILL!``, ``#CALC!`` ...),
LibreOffice's (the same names, else ``Err:`` and the error's number, ``Err:502``) and
Google Sheets' (the same names, and ``#ERROR!`` for a formula it cannot parse); as they
show it, in capitals (Excel turns a typed ``#n/a`` into the error). ``N/A`` without its
``#`` is a word a clerk types ("not applicable"), no error value. Excel and LibreOffice in
Vietnamese show these English names (Excel's Vietnamese is an interface pack, which
translates neither functions nor error values), so no translated name is one here."""


def _ods_cell(cell: Any) -> str | None:
    """What an OpenDocument cell is marked with: its error value (LibreOffice's
    ``calcext:value-type="error"``, or a formula's result shown as ``#N/A``, ``Err:502``),
    :data:`NO_VALUE` for a formula with no saved value, None for any other cell."""
    text = " ".join("".join(cell.itertext()).split())
    if cell.get(f"{_CALCEXT}value-type") == "error":
        return text or "#N/A"
    if cell.get(f"{_ODS['table']}formula") is None:
        return None
    kind = cell.get(f"{_ODS['office']}value-type")
    if ERROR_TEXT.fullmatch(text) and kind in (None, "string"):
        return text
    return NO_VALUE if kind is None and not text else None


def _ods_marks(zf: zipfile.ZipFile) -> dict[str, dict[_Place, str]]:
    """The cells of each sheet of an OpenDocument spreadsheet (by sheet name) holding an
    error value or a formula with no saved value (:func:`_ods_cell`): none unless its
    content holds a formula (searched first, not parsed)."""
    from lxml import etree

    if not _holds(zf, "content.xml", (b"table:formula",)):
        return {}
    table, row_tag = f"{_ODS['table']}table", f"{_ODS['table']}table-row"
    cells = (f"{_ODS['table']}table-cell", f"{_ODS['table']}covered-table-cell")
    repeated = (f"{_ODS['table']}number-rows-repeated", f"{_ODS['table']}number-columns-repeated")
    found: dict[str, dict[_Place, str]] = {}
    name, r = "", 0
    with zf.open("content.xml") as f:
        for event, element in etree.iterparse(
            f, events=("start", "end"), tag=(table, row_tag), resolve_entities=False,
            no_network=True, load_dtd=False,
        ):  # fmt: skip
            if element.tag == table:
                if event == "start":
                    name, r = str(element.get(f"{_ODS['table']}name", "")), 0
                continue
            if event == "start":
                continue
            rows = int(element.get(repeated[0], "1"))
            c = 0
            for cell in element:
                if cell.tag not in cells:
                    continue
                columns = int(cell.get(repeated[1], "1"))
                if (mark := _ods_cell(cell)) is not None and rows * columns <= MAX_SHEET_CELLS:
                    found.setdefault(name, {}).update(
                        ((r + i, c + j), mark) for i in range(rows) for j in range(columns)
                    )
                c += columns
            r += rows
            element.clear()
    return found


def cell_marks(
    path: Path, rows: dict[str, RowMarks] | None = None
) -> dict[str, tuple[list[_Place], dict[_Place, str]]]:
    """:func:`xlsx_marks` of a workbook of any format calamine reads: the cells holding an
    error value, which calamine gives as blank cells, found in an ``.xlsb``'s records
    (:func:`~cadre_core.roster._xlsb.xlsb_errors`), an ``.xls``'s
    (:func:`~cadre_core.roster._xls.xls_errors`) and an ``.ods``'s content (with the
    formulas with no saved value); none when they cannot be read (the engine says why).
    Given ``rows``, an ``.xlsx``'s rows hidden and cells struck through are put in it."""
    found = xlsx_marks(path, rows)
    if found:
        return found
    try:
        if not zipfile.is_zipfile(path):
            from cadre_core.roster._xls import xls_errors

            errors = xls_errors(path)
        else:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                if "xl/workbook.bin" in names:
                    from cadre_core.roster._xlsb import xlsb_errors

                    errors = xlsb_errors(path)
                else:
                    errors = _ods_marks(zf) if "content.xml" in names else {}
    except Exception:  # damaged or unusual: read as calamine reads it
        return {}
    return {name: ([], cells) for name, cells in errors.items()}


def _engine_failed(exc: BaseException) -> None:
    """Raise a ``ValueError`` for calamine's ``PanicException`` (the engine gave up on a
    damaged file, an ``.xlsb`` record shorter than it says): not an ``Exception``, it
    would otherwise pass the readers' sentences by."""
    if type(exc).__name__ == "PanicException":
        raise ValueError("the engine failed on a damaged workbook") from None


def locked(path: Path, error: BaseException) -> bool:
    """Whether the workbook at ``path``, which the engine refused with ``error``, is locked
    by a password (calamine's ``PasswordError`` for an Excel 97-2003 file, an encrypted
    package for a newer one: :func:`~cadre_core.roster._sniff.is_encrypted`).

    >>> locked(Path("none.xlsx"), ValueError("no"))
    False
    """
    return type(error).__name__ == "PasswordError" or is_encrypted(path)


def sheet_names(path: Path) -> list[str]:
    """The names of the workbook's sheets, in order, without reading their cells (an XML
    Spreadsheet is scanned for its worksheets); raises for a file no engine reads.

    >>> from cadre_core.roster import sample_roster
    >>> import tempfile
    >>> p = sample_roster().write(Path(tempfile.mkdtemp()) / "r.xlsx")
    >>> sheet_names(p)[:2]  # the order the roster writes them
    ['cadres', 'agencies']
    """
    if file_kind(path) != "spreadsheetml":
        try:
            with pd.ExcelFile(path, engine="calamine") as book:
                return [str(s) for s in book.sheet_names]
        except BaseException as exc:
            _engine_failed(exc)
            raise
    size = path.stat().st_size
    if size > MAX_XML_BYTES:
        raise TooLarge(f"it is {size:,} bytes, over the limit of {MAX_XML_BYTES:,}")
    from lxml import etree

    names: list[str] = []
    for _, sheet in etree.iterparse(
        str(path), events=("start",), tag=f"{_SS}Worksheet", resolve_entities=False,
        no_network=True, load_dtd=False,
    ):  # fmt: skip
        names.append(str(sheet.get(f"{_SS}Name") or f"Sheet{len(names) + 1}"))
    return names


__all__ = [
    "CELL_ERRORS",
    "HIDDEN",
    "NO_VALUE",
    "Marks",
    "cell_marks",
    "hidden",
    "locked",
    "read_sheets",
    "sheet_names",
    "spreadsheetml_sheets",
    "xlsx_marks",
]
