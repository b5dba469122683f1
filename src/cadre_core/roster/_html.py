"""A list kept as a table in a web page: what web systems "export to Excel" (an HTML
``<table>`` saved as ``danh-sach.xls``, Excel's "Web Page" format, a browser's
``tableToExcel``) and what a clerk saves from a browser (``.html``, ``.htm``).

The page is read as a Word document is (:mod:`cadre_core.roster._docx`): each table is a
sheet "Bảng N", with the text before it (the issuing body, the title with the list's day
and commune) as its leading rows and the text after it (signatures) as rows that hold no
one (:func:`cadre_core.roster._grid.document_grids`). A merged cell is ``colspan`` and
``rowspan`` placed as a browser places them; a cell's lines are its ``<br>`` and its
blocks (Excel writes a line break in a cell as ``<br style='mso-data-placement:
same-cell'/>``); runs of spaces are one space, as a browser shows them. Scripts, styles,
the page's head and comments (where Excel keeps its sheet settings) are no text. A cell
whose text is an error value (``#N/A``) is an error cell, as in a workbook.

The text's encoding is its byte-order mark, else the ``charset`` the page declares, else
UTF-8, else Windows-1258 (said). lxml's HTML parser (libxml2, which fetches nothing and
expands no entity beyond HTML's own) reads it; the page's size and every table's cells
are measured before a grid is built.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._cell_errors import marked_text
from cadre_core.roster._csv import decode_text
from cadre_core.roster._flat_header import find_header
from cadre_core.roster._grid import Grid, Table, Text, document_grids
from cadre_core.roster._guards import MAX_SHEET_CELLS, MAX_XML_BYTES, TooLarge
from cadre_core.roster._merged import Merged
from cadre_core.roster._problems import Problem, problem

_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")  # HTML's white space, and &nbsp;
_SKIP = {"script", "style", "head", "title", "template", "noscript", "object", "select"}
# elements that begin and end a line of text
_BLOCK = {
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "td",
    "th", "tr", "ul", "table", "tbody", "thead", "tfoot",
}  # fmt: skip
_COLSPAN_MAX, _ROWSPAN_MAX = 1000, 65534  # as browsers clamp them


class _Lines:
    """Lines of text being gathered: inline text joins the current line; a block or a
    ``<br>`` ends it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._line: list[str] = []

    def add(self, text: str) -> None:
        self._line.append(text)

    def end(self) -> None:
        line = _SPACES.sub(" ", "".join(self._line)).strip()
        if line:
            self.lines.append(line)
        self._line = []

    def take(self) -> list[str]:
        self.end()
        lines, self.lines = self.lines, []
        return lines


def _tag(element: Any) -> str | None:
    """An element's tag in lower case; None for a comment or a processing instruction."""
    return element.tag.lower() if isinstance(element.tag, str) else None


def _flow(element: Any, lines: _Lines, tables: list[Text | Table] | None) -> None:
    """Gather the text of ``element`` into ``lines``; a table met is, when ``tables`` is
    given, read as a table (the lines so far go before it), else its cells' text. A table
    that holds no list's header but holds tables is a frame: read through, its cells'
    text and tables the page's own."""
    tag = _tag(element)
    if tag is None or tag in _SKIP:
        return
    if tag == "br":
        lines.end()
        return
    if tag == "table" and tables is not None:
        table = _table(element)
        nested = any(_tag(e) == "table" for e in element.iterdescendants())
        if not (nested and find_header(table.cells) is None):
            tables.append(Text(lines.take()))
            caption = [c for c in element if _tag(c) == "caption"]
            for c in caption:
                _flow(c, lines, None)
            tables.append(Text(lines.take()))
            tables.append(table)
            return
        # a frame (a layout table around the page, or a list in a layout table's cell):
        # its cells' text and tables are the page's own
    block = tag in _BLOCK
    if block:
        lines.end()
    if element.text:
        lines.add(element.text)
    for child in element:
        _flow(child, lines, tables)
        if child.tail:
            lines.add(child.tail)
    if block:
        lines.end()


def _rows(table: Any) -> Iterator[Any]:
    """The rows of ``table`` (not of a table nested in one of its cells)."""
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (r for r in child if _tag(r) == "tr")


def _span(element: Any, name: str, most: int) -> int:
    """A cell's ``colspan`` or ``rowspan`` as a browser reads it (the leading digits;
    1 when missing or bad, at most ``most``; a ``rowspan`` of 0 is returned as 0)."""
    digits = re.match(r"\s*(\d+)", str(element.get(name) or ""))
    if digits is None:
        return 1
    value = int(digits.group(1)[:7])
    if value == 0:
        return 0 if name == "rowspan" else 1
    return min(value, most)


def _table(table: Any) -> Table:
    """A table's cells placed as a browser places them (each merged cell's text in its
    first cell), its merged ranges, and its text as lines."""
    rows = list(_rows(table))
    texts: dict[tuple[int, int], str] = {}
    below: dict[int, int] = {}  # column -> the last row a cell merged down from above holds
    merged: list[Merged] = []
    lines: list[str] = []
    area = width = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in (cell for cell in tr if _tag(cell) in ("td", "th")):
            while below.get(c, -1) >= r:
                c += 1
            across = _span(td, "colspan", _COLSPAN_MAX)
            down = _span(td, "rowspan", _ROWSPAN_MAX)
            down = len(rows) - r if down == 0 else min(down, len(rows) - r)
            area += across * down
            if area > MAX_SHEET_CELLS:
                raise TooLarge(f"its cells as merged are over {MAX_SHEET_CELLS:,}")
            for column in range(c, c + across) if down > 1 else ():
                below[column] = max(below.get(column, -1), r + down - 1)
            gathered = _Lines()
            _flow(td, gathered, None)
            cell = gathered.take()
            lines.extend(cell)
            if cell:
                texts[r, c] = "\n".join(cell)
            if across > 1 or down > 1:
                merged.append((r, c, r + down - 1, c + across - 1))
            c += across
            width = max(width, c)
    if len(rows) * width > MAX_SHEET_CELLS:
        raise TooLarge(f"it is {len(rows):,} rows by {width:,} columns")
    cells = np.full((len(rows), width), None, dtype=object)
    for (r, c), text in texts.items():
        cells[r, c] = text
    return Table(pd.DataFrame(cells), sorted(merged), lines)


def _decode(data: bytes, charset: str | None = None) -> tuple[str, bool]:
    """The page's text, and whether it was read as Windows-1258 without saying so (a BOM,
    else the ``charset`` its sender names (a single-file page's part), else the one it
    declares, else :func:`~cadre_core.roster._csv.decode_text`)."""
    declared = _CHARSET.search(data[:4096])
    names = [charset] if charset else []
    if declared is not None:
        names.append(declared.group(1).decode("ascii", errors="replace"))
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        names = []
    for name in names:
        try:
            codec = codecs.lookup(name).name
            text = data.decode("utf-8-sig" if codec == "utf-8" else codec)
        except (LookupError, UnicodeDecodeError):
            continue  # a wrong declaration: the bytes tell
        return unicodedata.normalize("NFC", text), False
    text, encoding = decode_text(data)
    return text, encoding == "windows-1258"


# Excel's "Web Page" of a workbook of several sheets is a frameset: the page a clerk opens
# names each sheet and the page that holds it in the comment Excel keeps its settings in
# (<x:ExcelWorksheet><x:Name>..</x:Name>..<x:WorksheetSource HRef="Book_files/sheet001.htm"/>),
# and the sheets' pages sit beside it (a folder Book_files/, or parts of a single file)
_WORKSHEET = re.compile(
    r"<x:ExcelWorksheet>\s*<x:Name>(.*?)</x:Name>(?:(?!</x:ExcelWorksheet>).)*?"
    r"<x:WorksheetSource\s+HRef\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>/]+))",
    re.IGNORECASE | re.DOTALL,
)


# the same, on the bytes of a page in an ASCII-compatible encoding (as Excel writes it)
_SHEET_SOURCE = re.compile(rb"<x:WorksheetSource\b", re.IGNORECASE)


def worksheet_sources(data: bytes, charset: str | None = None) -> list[tuple[str, str]]:
    """The sheets a web page of Excel's names and the pages that hold them, in order, as
    (sheet name, link); none for a page that holds its own tables.

    >>> worksheet_sources(b"<html><head><!--[if gte mso 9]><xml><x:ExcelWorkbook>"
    ...     b"<x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Danh s&#225;ch</x:Name>"
    ...     b'<x:WorksheetSource HRef="Book_files/sheet001.htm"/></x:ExcelWorksheet>'
    ...     b"<x:ExcelWorksheet><x:Name>Ghi chu</x:Name></x:ExcelWorksheet>"
    ...     b"</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head></html>")
    [('Danh sách', 'Book_files/sheet001.htm')]
    """
    import html

    wide = data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if not wide and _SHEET_SOURCE.search(data) is None:
        return []  # a page of its own tables (the common case): not decoded a second time
    try:
        text, _ = _decode(data, charset)
    except UnicodeDecodeError:
        return []
    return [
        (html.unescape(sheet).strip(), html.unescape(next(x for x in links if x)))
        for sheet, *links in _WORKSHEET.findall(text)
        if any(links)
    ]


Fetch = Callable[[str], tuple[bytes, str | None] | None]
"""The page a link of a frameset names, and the charset its sender names; None when the
file does not hold it."""


def sheet_grids(
    name: str, sources: list[tuple[str, str]], fetch: Fetch
) -> tuple[list[Grid], list[Problem]]:
    """The lists on the sheets of a frameset (:func:`worksheet_sources`), each sheet's
    page read as a web page is (:func:`page_grids`), its grid named by the sheet (a sheet
    of several tables: the sheet and "Bảng N"); a sheet whose page the file lacks is said,
    and that no sheet holds a list only when none does."""
    grids: list[Grid] = []
    problems: list[Problem] = []
    for sheet, link in sources:
        page = fetch(link)
        if page is None:
            missing = {"severity": "warning", "sheet": sheet, "link": link}
            problems.append(problem(name, None, None, None, None, "web_sheet_missing", **missing))
            continue
        found, said = page_grids(name, *page)
        for g in found:
            grids.append(attrs.evolve(g, name=sheet if len(found) == 1 else f"{sheet}, {g.name}"))
        alone = {g.name for g in found} if len(found) == 1 else set()
        for p in said:  # a problem on one of the page's tables names its sheet too
            if p.key == "no_list_table":
                continue  # a sheet of no list is no problem when another holds one
            if p.table is not None and not p.table.startswith(sheet):
                table = sheet if p.table in alone else f"{sheet}, {p.table}"
                p = attrs.evolve(p, table=table)
            if p not in problems:
                problems.append(p)
    if not grids:
        problems.append(problem(name, None, None, None, None, "no_list_table"))
    return grids, problems


def _beside(path: Path) -> Fetch:
    """The pages a web page saved as a folder links to, inside the folder it is in (a
    link out of it, or to a file over the size limit, holds nothing)."""
    from urllib.parse import unquote

    folder = path.parent.resolve()

    def fetch(link: str) -> tuple[bytes, str | None] | None:
        target = (folder / unquote(link.split("#")[0]).replace("\\", "/")).resolve()
        if not target.is_relative_to(folder) or not target.is_file():
            return None
        data, _ = page_bytes(target, "not_html_list", "error")
        return None if data is None else (data, None)

    return fetch


def html_grids(path: Path) -> tuple[list[Grid], list[Problem]]:
    """The tables of the web page at ``path`` that are lists, as the grids of a list's
    sheets, with the problems of reading it (too large, not text, a table that is no
    list, no list at all).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ds.xls"
    >>> _ = path.write_text(
    ...     "<html><body><p>DANH SÁCH CÁN BỘ<br>(tính đến ngày 31/12/2025)</p><table>"
    ...     "<tr><th rowspan=2>Họ và tên</th><th colspan=2>Ngày sinh</th></tr>"
    ...     "<tr><th>Nam</th><th>Nữ</th></tr>"
    ...     "<tr><td>Lò Văn An</td><td>12/03/1975</td><td>&nbsp;</td></tr>"
    ...     "</table><p>Người lập biểu</p></body></html>", encoding="utf-8")
    >>> (grid,), problems = html_grids(path)
    >>> grid.name, grid.top, grid.end, grid.merged, problems
    ('Bảng 1', 2, 5, [(2, 0, 3, 0), (2, 1, 2, 2)], [])
    >>> grid.cells.fillna("").to_numpy().tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['DANH SÁCH CÁN BỘ', '', ''], ['(tính đến ngày 31/12/2025)', '', ''],
     ['Họ và tên', 'Ngày sinh', ''], ['', 'Nam', 'Nữ'], ['Lò Văn An', '12/03/1975', ''],
     ['Người lập biểu', '', '']]
    """
    data, problems = page_bytes(path, "not_html_list", "error")
    if data is None:
        return [], problems
    sources = worksheet_sources(data)
    if sources:  # Excel's page of a workbook: its sheets are pages in a folder beside it
        return sheet_grids(path.name, sources, _beside(path))
    return page_grids(path.name, data)


def page_bytes(path: Path, unreadable: str, field: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of the page (or single-file page) at ``path``, read whole; or None and
    the problem: over :data:`MAX_XML_BYTES` (``html_too_large``, the file left unread),
    or the file could not be read (the problem ``unreadable``, the error's kind given as
    its ``field``)."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_XML_BYTES:
            why = f"it is {size:,} bytes, over the limit of {MAX_XML_BYTES:,}"
            return None, [problem(name, None, None, None, None, "html_too_large", reason=why)]
        return path.read_bytes(), []
    except OSError as exc:
        fields = {field: type(exc).__name__}
        return None, [problem(name, None, None, None, None, unreadable, **fields)]


def page_grids(
    name: str, data: bytes, charset: str | None = None
) -> tuple[list[Grid], list[Problem]]:
    """The tables of the web page ``data`` (of the file ``name``) that are lists, as
    :func:`html_grids` gives them; ``charset`` is the encoding its sender names (a
    single-file page's part), before the one the page declares. A table's cell whose
    whole text is an error value (``#N/A``: what Excel's "Web Page" shows for a formula
    that failed) is marked as a workbook's error cell is
    (:func:`~cadre_core.roster._cell_errors.marked_text`), never read as its text."""
    try:
        text, guessed = _decode(data, charset)
    except UnicodeDecodeError as exc:
        return [], [problem(name, None, None, None, None, "not_utf8", byte=exc.start)]
    import lxml.html

    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
        blocks: list[Text | Table] = []
        lines = _Lines()
        _flow(root, lines, blocks)
        blocks.append(Text(lines.take()))
    except TooLarge as exc:
        return [], [problem(name, None, None, None, None, "html_too_large", reason=str(exc))]
    except Exception as exc:  # lxml raises several types for a page it cannot parse
        error = type(exc).__name__
        return [], [problem(name, None, None, None, None, "not_html_list", error=error)]
    grids, problems = document_grids(name, blocks)
    # a table's cells (not the lines of text around it) may be error values
    grids = [attrs.evolve(g, cells=marked_text(g.cells, g.merged, g.top, g.end)) for g in grids]
    if guessed:
        problems.insert(
            0, problem(name, None, None, None, None, "page_read_as_1258", severity="warning")
        )
    return grids, problems


__all__ = ["html_grids", "page_bytes", "page_grids", "sheet_grids", "worksheet_sources"]
