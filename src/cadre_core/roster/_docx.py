"""A list kept as a table in a Word document (``.docx``), turned into the grids a workbook's
sheets give, for the one list reader (:mod:`cadre_core.roster._flat`).

Each table of the document is one sheet, named as its user counts the document's tables
("Bảng 2", the label ``list_word_table``). A table that holds a list's header is given
with the document's text around it: the lines before it (paragraphs, and the text of the
tables that are no list, such as the two-column block of the issuing body, the national
motto and the place and date) as its leading rows, so that the title's day and commune
are read as a workbook's title rows are, and the lines after it (the signatures) as its
trailing rows. The page headers' lines come first, a text box's lines where it stands (in a
table's cell: above the table, never a cell's text), and a page footer's lines last when
it holds the signing line; a personal record's page is read in the same order. A merged
cell is the merged range a workbook has, read from the XML (``w:gridSpan`` across,
``w:vMerge`` down, the older ``w:hMerge``): its text in its first cell, the others blank.
A cell of several paragraphs is their lines joined by a newline, a nested table's text
included. Everything is text (dates too, as in a CSV list).

Text typed in a legacy Vietnamese font is told by its runs' fonts where the document names
them (a run's own font, its character style, its paragraph's style, the document's
defaults): a run in a TCVN3 ``.VnTime`` font (in capitals in a ``.Vn…H`` font) or a VNI
``VNI-Times`` font is read as that font shows it, and the runs in other fonts as they are
(a cell typed "Lò " in Times New Roman and "ThÞ B×nh" in ``.VnTime`` is "Lò Thị Bình");
what was so read is said as a list typed in a legacy font is
(:func:`~cadre_core.roster._grid.legacy_said`).

python-docx opens the document (its package and parts, with an XML parser that resolves no
entity) and is imported only when a document is read. A Word 97-2003 ``.doc`` or an RTF
document is first converted to a ``.docx`` by LibreOffice, where it is installed
(:mod:`cadre_core.roster._office`). The reader's guards measure the
document first (:func:`cadre_core.roster._guards._check_workbook_size`).
"""

from __future__ import annotations

import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._cell_errors import marked_text
from cadre_core.roster._flat_header import find_header
from cadre_core.roster._grid import Grid, Legacy, Table, Text, document_grids, legacy_found
from cadre_core.roster._guards import MAX_SHEET_CELLS, MAX_XML_BYTES, TooLarge, _check_workbook_size
from cadre_core.roster._list_title import title_day
from cadre_core.roster._merged import Merged
from cadre_core.roster._office import office_program, to_docx, to_docx_all
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._record import Around, is_record_file, record_folder
from cadre_core.roster._record_day import dated_lines
from cadre_core.roster._record_merged import record_grids
from cadre_core.roster._sniff import WORD_SUFFIXES, file_kind, is_encrypted
from cadre_core.vocab._progress import tracked

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# elements that hold a document's blocks or a row's cells without being one
_WRAPS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"}
# what a paragraph holds that is not its text: its and its runs' properties, drawings and
# text boxes (their text twice, as alternate content), deleted and moved-away text
_NOT_TEXT = {
    f"{_W}{t}" for t in ("pPr", "rPr", "drawing", "pict", "object", "del", "moveFrom", "instrText")
} | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_CHARS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# the kinds of page header and footer a section names, in the order they are read
_PAGE_KINDS = ("default", "first", "even")


def _boxes(element: Any) -> list[str]:
    """The lines of every text box in ``element`` (``w:txbxContent``: a DrawingML shape's,
    a VML ``v:textbox``'s), in document order, each box once: the VML copy Word keeps as
    ``mc:Fallback`` beside a shape's ``mc:Choice`` is the same box, and a box inside a box
    is read as its own (:func:`_text` reads no box)."""
    return [
        line
        for box in element.iter(f"{_W}txbxContent")
        if next(box.iterancestors(f"{_MC}Fallback"), None) is None
        for line in _lines(box)
    ]


def _page_parts(document: Any, kind: str) -> list[Any]:
    """The page headers (``kind`` "header") or footers ("footer") of ``document``'s
    sections, as XML, in the order of the sections and of :data:`_PAGE_KINDS` (default,
    first page, even pages), each part once (sections share them). Their XML was parsed
    by python-docx's parser, as the body's was (no entity resolved, no network)."""
    parts: dict[int, Any] = {}
    related = document.part.related_parts
    order = {k: n for n, k in enumerate(_PAGE_KINDS)}
    for section in document.element.body.iter(f"{_W}sectPr"):
        refs = sorted(
            section.iterfind(f"{_W}{kind}Reference"),
            key=lambda ref: order.get(str(ref.get(f"{_W}type", "default")), len(order)),
        )
        for ref in refs:
            element = getattr(related.get(ref.get(_REL)), "element", None)
            if element is not None:
                parts.setdefault(id(element), element)
    return list(parts.values())


def _page_lines(part: Any) -> list[str]:
    """The lines of a page header or footer: its paragraphs and tables, then its text
    boxes."""
    return _lines(part) + _boxes(part)


def _within(element: Any, tag: str) -> Iterator[Any]:
    """The children of ``element`` with ``tag``, through content controls and custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPS:
            yield from _within(child, tag)


def _text(element: Any) -> str:
    """The text of a paragraph as Word shows it (tabs, line breaks; no field codes)."""
    parts = []
    for child in element:
        if child.tag in _NOT_TEXT:
            continue
        if child.tag == f"{_W}t":
            parts.append(child.text or "")
        elif child.tag in _CHARS:
            parts.append(_CHARS[child.tag])
        elif len(child):
            parts.append(_text(child))
    return "".join(parts)


def _lines(block: Any) -> list[str]:
    """The non-blank lines of a block (a cell, the body): its paragraphs, in order, and
    the text of a table nested in it."""
    out: list[str] = []
    for child in block:
        if child.tag == f"{_W}p":
            out.extend(line for line in _text(child).split("\n") if line.strip())
        elif child.tag == f"{_W}tbl":
            out.extend(_table_lines(child))
        elif child.tag in _WRAPS:
            out.extend(_lines(child))
    return out


def _table_lines(table: Any) -> list[str]:
    """The non-blank lines of a table's cells, row by row."""
    return [
        line
        for row in _within(table, f"{_W}tr")
        for cell in _within(row, f"{_W}tc")
        for line in _lines(cell)
    ]


def _value(element: Any, name: str) -> str | None:
    """The ``w:val`` of the property ``name`` of ``element`` (missing: None; present
    without a value: "")."""
    found = element.find(f"{_W}{name}") if element is not None else None
    return None if found is None else str(found.get(f"{_W}val", ""))


def _count(element: Any, name: str) -> int:
    text = _value(element, name)
    return int(text) if text is not None and text.isdigit() else 0


@attrs.frozen
class _Cell:
    column: int
    span: int
    down: str | None  # w:vMerge: "restart", "" (continue) or None
    text: str | None


def _cells(table: Any) -> tuple[list[list[_Cell]], int]:
    """The rows of a table as their cells (each at its grid column, with its span), and the
    width of the table's grid."""
    rows: list[list[_Cell]] = []
    columns = table.find(f"{_W}tblGrid")
    width = 0 if columns is None else len(list(_within(columns, f"{_W}gridCol")))
    for tr in _within(table, f"{_W}tr"):
        props = tr.find(f"{_W}trPr")
        column = _count(props, "gridBefore")
        row: list[_Cell] = []
        for tc in _within(tr, f"{_W}tc"):
            props_c = tc.find(f"{_W}tcPr")
            span = max(1, _count(props_c, "gridSpan"))
            lines = _lines(tc)
            text = "\n".join(lines) if lines else None
            if _value(props_c, "hMerge") in ("", "continue") and row:  # Word 97's merge across
                last = row[-1]
                row[-1] = attrs.evolve(last, span=last.span + span)
            else:
                down = _value(props_c, "vMerge")
                row.append(_Cell(column, span, "" if down == "continue" else down, text))
            column += span
        rows.append(row)
        width = max(width, column + _count(props, "gridAfter"))
    return rows, width


def _range(bounds: list[int]) -> Merged:
    return bounds[0], bounds[1], bounds[2], bounds[3]


def _grid(rows: list[list[_Cell]], width: int) -> tuple[pd.DataFrame, list[Merged]]:
    """The cells of a table as a grid, each merged cell's text in its first cell, and its
    merged ranges (first row, first column, last row, last column)."""
    cells = np.full((len(rows), width), None, dtype=object)
    merged: list[Merged] = []
    open_: dict[int, list[int]] = {}  # first column -> a range merged down, still open
    for r, row in enumerate(rows):
        below = {c.column for c in row if c.down == ""}
        for column in [c for c in open_ if c not in below]:
            merged.append(_range(open_.pop(column)))
        for cell in row:
            if cell.down == "" and cell.column in open_:
                open_[cell.column][2] = r
                continue
            last = cell.column + cell.span - 1
            if cell.down == "restart":
                open_[cell.column] = [r, cell.column, r, last]
            elif cell.span > 1:
                merged.append((r, cell.column, r, last))
            cells[r, cell.column] = cell.text
    merged.extend(_range(bounds) for bounds in open_.values())
    ranges = [m for m in merged if m[2] > m[0] or m[3] > m[1]]
    return pd.DataFrame(cells), sorted(ranges)


def _blocks(body: Any) -> Iterator[tuple[str, Any]]:
    """The document's body in order: ("p", paragraph) and ("tbl", table)."""
    for child in body:
        if child.tag == f"{_W}p":
            yield "p", child
        elif child.tag == f"{_W}tbl":
            yield "tbl", child
        elif child.tag in _WRAPS:
            yield from _blocks(child)


def _convertible(path: Path) -> bool:
    """Whether ``path`` is a Word 97-2003 ``.doc`` or an RTF document LibreOffice may
    convert (not locked by a password)."""
    return file_kind(path) in ("ole2", "rtf") and not is_encrypted(path)


def _open(
    path: Path, converted: tuple[Path | None, str] | None = None
) -> tuple[Any, Problem | None]:
    """The document at ``path`` (python-docx's), or why it cannot be read: a ``.docx`` as it
    is (whatever its name), a Word 97-2003 ``.doc`` or an RTF document once LibreOffice
    has converted it (:func:`~cadre_core.roster._office.to_docx`; ``converted``: already,
    with others, and what came of it)."""
    name = path.name
    kind = file_kind(path)
    if converted is not None and kind in ("ole2", "rtf"):
        if converted[0] is None:
            return None, problem(name, None, None, None, None, "doc_not_converted",
                                 reason=converted[1])  # fmt: skip
        return _body(converted[0], name)
    if _convertible(path):
        return _converted(path)
    if kind != "zip" and path.suffix.lower() in (".doc", ".rtf"):
        return None, problem(name, None, None, None, None, "word_doc")
    return _body(path, name)


def _body(path: Path, name: str) -> tuple[Any, Problem | None]:
    """The ``.docx`` at ``path`` (python-docx's document; ``name`` in problems)."""
    too_large = _check_workbook_size(path)
    if too_large is not None:
        return None, problem(name, None, None, None, None, "docx_too_large", reason=too_large)
    if not zipfile.is_zipfile(path):
        if is_encrypted(path):
            return None, problem(name, None, None, None, None, "docx_password")
        return None, problem(name, None, None, None, None, "not_docx_list", error="BadZipFile")
    import docx

    try:
        return docx.Document(str(path)), None
    except Exception as exc:  # python-docx raises many types for a damaged or missing part
        error = type(exc).__name__
        return None, problem(name, None, None, None, None, "not_docx_list", error=error)


def _converted(path: Path) -> tuple[Any, Problem | None]:
    """The body of the ``.doc`` or RTF document at ``path`` converted to ``.docx`` by
    LibreOffice, in a folder removed afterwards; without LibreOffice, or when it fails,
    why (with how to save the document as ``.docx``)."""
    name = path.name
    program = office_program()
    if program is None:
        return None, problem(name, None, None, None, None, "word_doc")
    size = path.stat().st_size
    if size > MAX_XML_BYTES:
        why = f"it is {size:,} bytes, over the limit of {MAX_XML_BYTES:,}"
        return None, problem(name, None, None, None, None, "docx_too_large", reason=why)
    with tempfile.TemporaryDirectory(prefix="cadre-doc-") as folder:
        converted, why = to_docx(path, Path(folder), program)
        if converted is None:
            return None, problem(name, None, None, None, None, "doc_not_converted", reason=why)
        return _body(converted, name)  # python-docx holds the document in memory


def docx_grids(
    path: Path, converted: tuple[Path | None, str] | None = None
) -> tuple[list[Grid], list[Problem]]:
    """The tables of the Word document at ``path`` that are lists, as the grids of a
    list's sheets, with the problems of reading it (an older ``.doc``, a damaged file, one
    too large, a table that is no list, no list at all).

    A table holding no text is nothing to read; a table that is no list (no header of
    one: a layout table) is said, as a sheet without one is, and its text is read with
    the paragraphs around the lists. The tables keep their numbers in the document. A
    personal record ("Sơ yếu lý lịch") is one grid of its person
    (:func:`~cadre_core.roster._record.record_grid`), its page headers, text boxes and
    signing footer read where a list's are; records mail-merged into one document are one
    grid each (:func:`~cadre_core.roster._record_merged.record_grids`).

    >>> import docx, pathlib, tempfile
    >>> d = docx.Document()
    >>> _ = d.add_paragraph("DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)")
    >>> rows = [["Họ và tên", "Ngày sinh", ""], ["", "Nam", "Nữ"], ["Lò Văn An", "12/03/1975", ""]]
    >>> t = d.add_table(rows=3, cols=3)
    >>> for r, row in enumerate(rows):
    ...     for c, text in enumerate(row):
    ...         t.cell(r, c).text = text
    >>> _ = t.cell(0, 1).merge(t.cell(0, 2))  # "Ngày sinh" over "Nam" and "Nữ"
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ds.docx"
    >>> d.save(str(path))
    >>> (grid,), problems = docx_grids(path)
    >>> grid.name, grid.top, grid.end, grid.merged, problems
    ('Bảng 1', 1, 4, [(1, 1, 1, 2)], [])
    >>> grid.cells.fillna("").to_numpy().tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)', '', ''],
     ['Họ và tên', 'Ngày sinh', ''], ['', 'Nam', 'Nữ'], ['Lò Văn An', '12/03/1975', '']]
    """
    document, refused = _open(path, converted)
    if refused is not None:
        return [], [refused]
    body = document.element.body
    styles = _StyleFonts(document.styles.element)
    legacy = _read_legacy_runs(body, styles)
    try:
        blocks = list(_document(body, [0]))
    except TooLarge as exc:
        return [], [problem(path.name, None, None, None, None, "docx_too_large", reason=str(exc))]
    lead, trail, in_parts = _page_text(document, styles)
    legacy = legacy or in_parts
    page = [lead, *blocks, trail]
    # a personal record: a list of one person (told by its own paragraphs and tables,
    # its fields read in what is around them too); several mail-merged: one grid each
    records = record_grids(path.name, page)
    if records is not None:
        found, twice = records
        return [r if r.legacy is not None else attrs.evolve(r, legacy=legacy) for r in found], twice
    grids, said = document_grids(path.name, page, legacy)
    # a table's cells (not the lines around it) pasted from a sheet may be error values
    marked = [attrs.evolve(g, cells=marked_text(g.cells, g.merged, g.top, g.end)) for g in grids]
    return marked, said


def _page_text(document: Any, styles: _StyleFonts) -> tuple[Around, Around, Legacy | None]:
    """What a reader of ``document``'s printed pages sees above and under its body: the
    page headers' lines (:func:`_page_parts`, each with its text boxes) above everything,
    and a footer's under everything when it holds the day the document was signed (a page
    number, or the day of the decision a form was issued by, is nothing to read); the
    first legacy font found in their runs, which are read as the body's are
    (:func:`_read_legacy_runs`). A list's and a personal record's alike."""
    heads, feet = _page_parts(document, "header"), _page_parts(document, "footer")
    legacy: Legacy | None = None
    for part in heads + feet:
        in_part = _read_legacy_runs(part, styles)
        legacy = legacy or in_part
    lead = [line for part in heads for line in _page_lines(part)]
    under = [_page_lines(part) for part in feet]
    # a footer's day is a signing's, not a legal document's ("Mẫu 2C-BNV/2008 ban hành kèm
    # theo Quyết định số 02/2008/QĐ-BNV ngày 06/10/2008": no day signed, nothing to read)
    trail = [line for lines in under
             if title_day(dated_lines(lines)) is not None
             for line in lines]  # fmt: skip
    return Around(lead), Around(trail), legacy


class _StyleFonts:
    """The fonts a document's styles give its text: by style id (through the styles each
    is based on), the default paragraph style's and the document's defaults."""

    def __init__(self, styles: Any) -> None:
        self._own: dict[str, tuple[str | None, str | None]] = {}  # id: (font, based on)
        self._default: str | None = _font_of(styles.find(f"{_W}docDefaults/{_W}rPrDefault"))
        self._paragraph: str | None = None  # the default paragraph style's id
        for style in styles.iterfind(f"{_W}style"):
            sid = str(style.get(f"{_W}styleId", ""))
            self._own[sid] = (_font_of(style), _value(style, "basedOn"))
            if style.get(f"{_W}default") in ("1", "true") and style.get(f"{_W}type") == "paragraph":
                self._paragraph = sid

    def names(self) -> set[str]:
        """Every font the styles and the document's defaults name."""
        return {f for f, _ in self._own.values() if f} | (
            {self._default} if self._default else set()
        )

    def font(self, style: str | None, paragraph: bool = False) -> str | None:
        """The font of the style ``style`` (a paragraph's: the default paragraph style's
        when it names none), else the document's default font."""
        sid = self._paragraph if style is None and paragraph else style
        seen: set[str] = set()
        while sid is not None and sid in self._own and sid not in seen:
            seen.add(sid)
            font, based = self._own[sid]
            if font:
                return font
            sid = based
        return self._default


def _font_of(element: Any) -> str | None:
    """The font an element's run properties (``w:rPr``, its own or its child's) name for
    Latin text (``w:ascii``, else ``w:hAnsi``), or None."""
    if element is None:
        return None
    props = element if element.tag == f"{_W}rPr" else element.find(f"{_W}rPr")
    fonts = None if props is None else props.find(f"{_W}rFonts")
    if fonts is None:
        return None
    named = fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi")
    return str(named) if named else None


def _run_font(run: Any, paragraph: str | None, styles: _StyleFonts) -> str | None:
    """The font of a run: its own, its character style's, else its paragraph's."""
    own = _font_of(run)
    if own:
        return own
    props = run.find(f"{_W}rPr")
    style = _value(props, "rStyle")
    return styles.font(style) if style else paragraph


def _read_legacy_runs(body: Any, styles: _StyleFonts) -> Legacy | None:
    """Read the runs of ``body`` typed in a legacy font (:func:`~cadre_core.vocab._vntext.
    legacy_font`) as their font shows them, in place (the document is read from memory,
    the file is untouched): consecutive runs of one font together (Word cuts a word in
    runs), the other runs as they are; in TCVN3, a word that starts with a toned letter
    gets the capital the font could not type (:func:`~cadre_core.vocab._vntext.
    tcvn3_capitals`). What was found, with a header so typed as its example; None when no
    run is."""
    from cadre_core.vocab._vntext import (
        TCVN3_TONED,
        LegacyEncoding,
        legacy_font,
        read_in_font,
        tcvn3_capitals,
    )

    named = {str(f) for f in body.xpath(".//w:rFonts/@w:ascii | .//w:rFonts/@w:hAnsi")}
    if not any(legacy_font(f) is not None for f in named | styles.names()):
        return None  # no legacy font anywhere: no run to walk
    found: dict[str, str] = {}
    encodings: Counter[str] = Counter()
    mask = str.maketrans(dict.fromkeys(TCVN3_TONED, "x"))
    for paragraph in body.iter(f"{_W}p"):
        props = paragraph.find(f"{_W}pPr")
        base = styles.font(_value(props, "pStyle"), paragraph=True)
        groups: list[tuple[tuple[LegacyEncoding, bool] | None, list[Any]]] = []
        for run in paragraph.iter(f"{_W}r"):
            if next(run.iterancestors(f"{_W}p"), None) is not paragraph:
                continue  # a text box's own paragraph
            key = legacy_font(_run_font(run, base, styles))
            texts = [t for t in run.iterfind(f"{_W}t") if t.text]
            if not texts:
                continue
            if groups and groups[-1][0] == key:
                groups[-1][1].extend(texts)
            else:
                groups.append((key, texts))
        if not any(key is not None for key, _ in groups):
            continue
        typed: list[str] = []
        read: list[str] = []
        tcvn3 = False
        for key, texts in groups:
            raw = "".join(t.text for t in texts)
            if key is None:
                typed.append(raw.translate(mask))
                read.append(raw)
                continue
            typed.append(raw if key[0] == "tcvn3" else raw.translate(mask))
            read.append(read_in_font(raw, key[0], key[1]))
            tcvn3 = tcvn3 or (key[0] == "tcvn3" and read[-1] != raw)
        text = "".join(read)
        fixed = tcvn3_capitals("".join(typed), text) if tcvn3 else text
        if len(fixed) == len(text):
            at = 0
            for n, part in enumerate(read):
                read[n], at = fixed[at : at + len(part)], at + len(part)
        before = "".join(t.text for _, texts in groups for t in texts)
        for (key, texts), part in zip(groups, read, strict=True):
            if key is not None and part != "".join(t.text for t in texts):
                encodings[key[0]] += 1
                texts[0].text = part
                for t in texts[1:]:
                    t.text = ""
        after = "".join(read)
        if after != before:
            found[before] = after
    if not encodings:
        return None
    return legacy_found(encodings.most_common(1)[0][0], found)


def record_folder_grids(path: Path) -> tuple[list[Grid], list[Problem]]:
    """The personal records of a folder (:func:`~cadre_core.roster._record.record_folder`),
    each the grid of its one person named by its file; a document of the folder that is
    no record (a letter beside them) is a warning naming it, one that cannot be read an
    error."""
    grids: list[Grid] = []
    problems: list[Problem] = []
    words = record_folder(path) or []
    records = [f for f in words if is_record_file(f)]
    with tempfile.TemporaryDirectory(prefix="cadre-doc-") as folder:
        converted = _convert_all(records, Path(folder))
        for f in tracked(words, "progress_reading"):
            label = f"{path.name}/{f.name}"
            found, said = docx_grids(f, converted.get(f)) if f in records else ([], [])
            if found and all(g.record for g in found):  # records merged in one: by place
                grids.extend(found if len(found) == 1 else
                             [attrs.evolve(g, name=f"{f.name}/{g.name}") for g in found])  # fmt: skip
            elif not said or any(
                q.key in ("no_list_table", "no_list_header_in_table") for q in said
            ):
                said = [
                    problem(label, None, None, None, None, "not_a_record",
                            severity="warning", scope="sheet")
                ]  # fmt: skip
            problems.extend(attrs.evolve(q, file=label) for q in said)
    return grids, problems


def _convert_all(paths: list[Path], folder: Path) -> dict[Path, tuple[Path | None, str]]:
    """The Word 97-2003 and RTF documents among ``paths`` converted to ``.docx`` in
    ``folder`` by one run of LibreOffice (:func:`~cadre_core.roster._office.to_docx_all`),
    each with what came of it; none without LibreOffice (each is then refused as one),
    nor those over the size limit (refused when read)."""
    program = office_program()
    old = [p for p in paths if _convertible(p) and p.stat().st_size <= MAX_XML_BYTES]
    if program is None or len(old) < 2:
        return {}
    return dict(zip(old, to_docx_all(old, folder, program), strict=True))


def _document(container: Any, count: list[int]) -> Iterator[Text | Table]:
    """The paragraphs and tables of ``container`` (the body, or a cell) as blocks, in
    order. A table that holds no list's header but holds tables (the whole page framed in
    a one-cell table, a list placed in a layout table's cell) is a frame: its cells'
    paragraphs and tables are read as the document's own. ``count`` counts the tables
    met, for the size guard's sentence. The text boxes of a paragraph are lines after
    it, those in a table's cells lines before it (:class:`~cadre_core.roster._record.
    Around`): never a cell's text, so never a person."""
    for kind, block in _blocks(container):
        if kind == "p":
            yield Text([line for line in _text(block).split("\n") if line.strip()])
            if boxed := _boxes(block):
                yield Around(boxed)
            continue
        count[0] += 1
        rows, width = _cells(block)
        if len(rows) * width > MAX_SHEET_CELLS:
            raise TooLarge(f"table {count[0]} is {len(rows):,} rows by {width:,} columns")
        cells, merged = _grid(rows, width)
        if block.find(f".//{_W}tbl") is not None and find_header(cells) is None:
            for row in _within(block, f"{_W}tr"):
                for cell in _within(row, f"{_W}tc"):
                    yield from _document(cell, count)
            continue
        if boxed := _boxes(block):
            yield Around(boxed)
        yield Table(cells, merged, _table_lines(block))


__all__ = ["WORD_SUFFIXES", "docx_grids", "record_folder_grids"]
