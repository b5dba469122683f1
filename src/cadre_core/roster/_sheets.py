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

Two things of an ``.xlsx`` calamine does not give are read from its XML
(:func:`xlsx_marks`): an Excel error value (``#N/A``, ``#REF!``: a formula that failed,
which calamine gives as a blank cell) is kept as its text, the grid's
``attrs[CELL_ERRORS]`` naming each such cell, so that it is refused, never read as blank;
and text in a TCVN3 capitals' font (``.VnTimeH``, any ``.Vn…H``), which draws capitals at
the small letters' codes, is read as the font shows it
(:func:`~cadre_core.vocab._vntext.shown_in_capitals`), so that it converts to capitals.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.roster._guards import MAX_SHEET_CELLS, MAX_XML_BYTES, TooLarge
from cadre_core.roster._merged import Merged, _mentions, merged_ranges
from cadre_core.roster._sniff import file_kind, is_encrypted

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


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
    """One worksheet's ``ss:Table`` as a grid of values and its merged ranges."""
    values: dict[tuple[int, int], object] = {}
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
    return pd.DataFrame(cells).infer_objects(), sorted(merged)


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
        sheets = pd.read_excel(path, sheet_name=None, header=None, engine="calamine")
    except BaseException as exc:
        _engine_failed(exc)
        raise
    grids = {str(k): v for k, v in sheets.items()}
    for name, (capitals, errors) in xlsx_marks(path).items():
        if name in grids:
            grids[name] = _marked(grids[name], capitals, errors)
    return grids, merged_ranges(path)


# ------------------------------------------------------------ what calamine does not give

CELL_ERRORS = "cadre_cell_errors"
"""The key of a grid's ``attrs`` naming its cells that hold an Excel error value:
``{(row, column): "#N/A"}``, 0-based."""

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


def _capitals_styles(zf: zipfile.ZipFile, names: set[str]) -> set[str]:
    """The cell styles (``s`` indices, as text) of the workbook whose font is a TCVN3
    capitals' font (``.VnTimeH``)."""
    from lxml import etree

    from cadre_core.vocab._vntext import legacy_font

    if "xl/styles.xml" not in names:
        return set()
    with zf.open("xl/styles.xml") as f:
        root = etree.parse(f, _parser()).getroot()
    fonts = root.find(f"{_X}fonts")
    capitals = {
        str(n)
        for n, font in enumerate([] if fonts is None else fonts.iterfind(f"{_X}font"))
        if (named := font.find(f"{_X}name")) is not None
        and legacy_font(named.get("val")) == ("tcvn3", True)
    }
    if not capitals:
        return set()
    xfs = root.find(f"{_X}cellXfs")
    return {
        str(n)
        for n, xf in enumerate([] if xfs is None else xfs.iterfind(f"{_X}xf"))
        if xf.get("fontId", "0") in capitals
    }


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


def xlsx_marks(path: Path) -> dict[str, tuple[list[_Place], dict[_Place, str]]]:
    """The cells of each sheet of the ``.xlsx`` at ``path`` (by sheet name) in a TCVN3
    capitals' font (``.VnTimeH``), and those holding an Excel error value with it
    (``#N/A``); none for another format or a workbook without either (its sheets are
    searched for an error cell first, not parsed). A damaged workbook has none (the
    engine says the damage)."""
    from lxml import etree

    try:
        if not zipfile.is_zipfile(path):
            return {}
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
                return {}
            capitals = _capitals_styles(zf, names)
            found: dict[str, tuple[list[_Place], dict[_Place, str]]] = {}
            for name, part in _sheet_parts(zf).items():
                if part not in names:
                    continue
                errors = _mentions(zf, part, b't="e"') or _mentions(zf, part, b"t='e'")
                if not capitals and not errors:
                    continue
                shown: list[_Place] = []
                failed: dict[_Place, str] = {}
                with zf.open(part) as f:
                    for _, row in etree.iterparse(
                        f, tag=f"{_X}row", resolve_entities=False, no_network=True,
                        load_dtd=False,
                    ):  # fmt: skip
                        r = int(row.get("r", "0")) - 1
                        last = -1
                        for cell in row.iterfind(f"{_X}c"):
                            r, last = _place(cell.get("r"), r, last)
                            if cell.get("t") == "e":
                                failed[r, last] = (cell.findtext(f"{_X}v") or "#N/A").strip()
                            elif cell.get("s", "0") in capitals:
                                shown.append((r, last))
                        row.clear()
                if shown or failed:
                    found[name] = (shown, failed)
            return found
    except Exception:  # damaged or unusual: read as calamine reads it
        return {}


def _marked(grid: pd.DataFrame, capitals: list[_Place], errors: dict[_Place, str]) -> pd.DataFrame:
    """``grid`` with its text in a capitals' font as shown, and its error cells holding
    their error value (named in its ``attrs``), column by column."""
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
    for c in sorted({c for _, c in errors}):
        values = grid.iloc[:, c].astype(object).to_numpy(copy=True)
        for (r, column), text in errors.items():
            if column == c:
                values[r] = text
        grid[grid.columns[c]] = values
    if errors:
        grid.attrs[CELL_ERRORS] = dict(errors)
    return grid


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
            return [str(s) for s in pd.ExcelFile(path, engine="calamine").sheet_names]
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
    "locked",
    "read_sheets",
    "sheet_names",
    "spreadsheetml_sheets",
    "xlsx_marks",
]
