"""Workbooks too large to open: the reader's guards, applied before a workbook is opened.

A workbook is a zip of XML parts; its sheets are measured by streaming the decompressed XML
(never building a grid; an ``.xlsb``'s binary records are walked by
:mod:`cadre_core.roster._xlsb`), so that a tiny file claiming billions of cells or a "zip bomb" is
refused with a sentence instead of exhausting memory. A Word document (a list kept as a
Word table) is a zip of XML parts too, measured the same way. ``cadre verify`` applies the
same guards to the xlsx reports it reads.
"""

from __future__ import annotations

import functools
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

# ------------------------------------------------------------------ pathological workbooks
#
# calamine builds every sheet as a dense grid of its used range (the box from A1 to the
# farthest cell holding a value) before Python sees it. A tiny file with one value in cell
# XFD1048576 would ask for 17 billion cells and abort the process, so the sheet XML is
# scanned first (streamed, without building anything) and workbooks whose sheets would be
# too large are refused with a problem instead.

MAX_SHEET_CELLS = 5_000_000
"""Largest used range (rows x columns) read from one sheet; bigger data belongs in CSV or
parquet tables (a folder roster)."""

MAX_XML_BYTES = 512 * 1024 * 1024
"""Largest total size of a workbook's parts once decompressed (a "zip bomb" guard)."""

_CHUNK = 1 << 22
_XLSX_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/?)>")
_XLSX_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_XLSX_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*?)(/?)>")
_ODS_TAG = re.compile(
    rb"(<table:table(?:\s[^>]*)?>)|<table:table-row\b([^>]*?)(/?)>|"
    rb"<table:(?:covered-)?table-cell\b([^>]*?)(/?)>|</table:table-row>"
)
_ODS_ROWS = re.compile(rb'number-rows-repeated="([0-9]{1,10})"')
_ODS_COLS = re.compile(rb'number-columns-repeated="([0-9]{1,10})"')
_ODS_VALUE = re.compile(rb"office:value-type=")
_DOCX_CELL = re.compile(rb"<(?:\w+:)?tc[\s/>]")


class TooLarge(Exception):
    """A file, a workbook part or a table is beyond the reader's limits (the sentence says
    which)."""


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _chunks(zf: zipfile.ZipFile, member: str, budget: list[int]) -> Iterator[bytes]:
    """The decompressed text of ``member`` in pieces that end at a tag boundary."""
    tail = b""
    with zf.open(member) as f:
        while True:
            block = f.read(_CHUNK)
            budget[0] -= len(block)
            if budget[0] < 0:
                raise TooLarge("it is too large once decompressed (over 512 MB)")
            if not block:
                break
            data = tail + block
            cut = data.rfind(b">") + 1
            tail = data[cut:]
            opened = tail.rfind(b"<")
            tail = tail[opened:] if opened >= 0 else b""  # text between tags is not kept
            if len(tail) > _CHUNK:  # a single tag cannot be this long
                raise TooLarge("its XML is malformed (a tag longer than 4 MB)")
            yield data[:cut]
    if tail:
        yield tail


def _xlsx_extent(zf: zipfile.ZipFile, member: str, budget: list[int]) -> int:
    """Rows x columns of the box calamine would build for one worksheet (an upper bound)."""
    max_row = max_col = 0
    row = col = 0
    for chunk in _chunks(zf, member, budget):
        cells = _XLSX_CELL.findall(chunk)
        rows = _XLSX_ROW.findall(chunk)
        refs = [_XLSX_REF.search(attrs_) for attrs_, closed in cells if not closed]
        if all(m is not None for m in refs) and all(b' r="' in a for a, _ in rows):
            # every cell names its place (Excel, openpyxl and xlsxwriter always do)
            for m in refs:
                assert m is not None
                max_row = max(max_row, int(m.group(2)))
                letters = m.group(1)
                if len(letters) > 3 or _col_number(letters) > max_col:
                    max_col = max(max_col, _col_number(letters))
            row = max_row
            continue
        # places implied by order: follow rows and cells one by one
        for m in re.finditer(rb"<(?:\w+:)?(row|c)\b([^>]*?)(/?)>", chunk):
            kind, attrs_, closed = m.group(1), m.group(2), m.group(3)
            ref = _XLSX_REF.search(attrs_)
            if kind == b"row":
                r = re.search(rb'\br="([0-9]{1,7})"', attrs_)
                row = int(r.group(1)) if r else row + 1
                col = 0
                continue
            if ref is not None:
                col, row = _col_number(ref.group(1)), int(ref.group(2))
            else:
                col += 1
            if not closed:
                max_row, max_col = max(max_row, row), max(max_col, col)
        if max_row * max_col > MAX_SHEET_CELLS:
            break
    return max_row * max_col


def _ods_extent(zf: zipfile.ZipFile, budget: list[int]) -> int:
    """Cells of the largest sheet's box in an OpenDocument spreadsheet (repeats expanded)."""
    largest = 0
    height = width = 0  # of the current sheet
    row_at = 0  # rows before the current one
    repeat = 1
    col = 0
    row_width = 0
    for chunk in _chunks(zf, "content.xml", budget):
        for m in _ODS_TAG.finditer(chunk):
            tag = m.group(0)
            if m.group(1):
                largest = max(largest, height * width)
                height = width = row_at = 0
            elif tag.startswith(b"<table:table-row"):
                r = _ODS_ROWS.search(m.group(2) or b"")
                repeat = int(r.group(1)) if r else 1
                col = row_width = 0
                if m.group(3):  # an empty self-closed row
                    row_at += repeat
            elif tag == b"</table:table-row>":
                if row_width:
                    height = row_at + repeat
                    width = max(width, row_width)
                row_at += repeat
            else:
                c = _ODS_COLS.search(m.group(4) or b"")
                span = int(c.group(1)) if c else 1
                col += span
                if _ODS_VALUE.search(m.group(4) or b"") or not m.group(5):
                    row_width = col
            if height * width > MAX_SHEET_CELLS:
                return height * width
    return max(largest, height * width)


def _docx_cells(zf: zipfile.ZipFile, member: str, budget: list[int]) -> int:
    """The table cells of a Word document's body (every ``w:tc``, nested tables too)."""
    return sum(len(_DOCX_CELL.findall(chunk)) for chunk in _chunks(zf, member, budget))


def _check_workbook_size(path: Path) -> str | None:
    """Why the workbook (or Word document) at ``path`` is too large to read, or None when
    it is fine.

    Reading a roster asks this more than once of the same file (to tell a list of people
    from a workbook of tables, then to read it): the answer is kept for the file as it
    is (its size and time of change), so the file is scanned once, and again when it
    changes."""
    try:
        st = path.stat()
    except OSError:
        return None  # unreadable: the engine reports it
    return _workbook_size_of(str(path.resolve()), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _workbook_size_of(path: str, size: int, mtime_ns: int) -> str | None:
    """:func:`_workbook_size` of the file ``path`` while it has ``size`` and ``mtime_ns``."""
    return _workbook_size(Path(path))


def _workbook_size(path: Path) -> str | None:
    """Why the workbook at ``path`` is too large to read, or None (the scan itself)."""
    if not zipfile.is_zipfile(path):
        return None  # .xls, or not a workbook at all (the engine reports that)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if sum(i.file_size for i in infos) > MAX_XML_BYTES:
                return "it is too large once decompressed (over 512 MB)"
            budget = [MAX_XML_BYTES]
            names = {i.filename for i in infos}
            from cadre_core.roster._xlsb import is_xlsb, xlsb_measure

            if is_xlsb(names):  # Excel's binary workbook: its records are walked
                cells = xlsb_measure(path)[0]
            elif "content.xml" in names:
                cells = _ods_extent(zf, budget)
            else:
                parts = sorted(n for n in names if n.startswith(("xl/", "word/")))
                cells = 0
                for n in (n for n in parts if n.endswith(".xml")):
                    if n.startswith(("xl/worksheets/", "xl/chartsheets/")):
                        cells = max(cells, _xlsx_extent(zf, n, budget))
                    elif n.startswith("word/document"):  # a list kept as a Word table
                        cells = max(cells, _docx_cells(zf, n, budget))
                    else:
                        for _ in _chunks(zf, n, budget):
                            pass
                        # shared strings, styles, headers count towards the size limit
    except TooLarge as exc:
        return str(exc)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError):
        return None  # damaged: the engine reports it
    if cells > MAX_SHEET_CELLS:
        word = any(n.startswith("word/") for n in names)
        what = "its tables hold" if word else "a sheet's used range holds"
        return (
            f"{what} about {cells:,} cells, over the limit of "
            f"{MAX_SHEET_CELLS:,} (clear the far cells, or use a folder of CSV/parquet tables)"
        )
    return None


MAX_ZIP_MEMBERS = 200
"""Most files read from a zip of CSV/parquet tables (an uploaded folder roster)."""


def extract_tables(archive: Path, folder: Path) -> str | None:
    """Unpack the ``.csv`` and ``.parquet`` files of the zip ``archive`` into ``folder``
    (a folder roster, as :func:`cadre_core.roster.read_roster` reads it), streamed under
    the same limit as a workbook (:data:`MAX_XML_BYTES` decompressed in all, at most
    :data:`MAX_ZIP_MEMBERS` files); each file keeps only its own name (no path from the
    archive is followed). Why the archive was refused, or None when it was unpacked.

    >>> import io, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     zpath = Path(tmp) / "tables.zip"
    ...     with zipfile.ZipFile(zpath, "w") as zf:
    ...         zf.writestr("roster/cadres.csv", "cadre_id\\n")
    ...         zf.writestr("../evil.sh", "x")
    ...     out = Path(tmp) / "roster"
    ...     out.mkdir()
    ...     (extract_tables(zpath, out), sorted(p.name for p in out.iterdir()))
    (None, ['cadres.csv'])
    """
    try:
        with zipfile.ZipFile(archive) as zf:
            members = [
                i
                for i in zf.infolist()
                if not i.is_dir()
                and not i.filename.startswith("__MACOSX/")
                and Path(i.filename).suffix.lower() in (".csv", ".parquet")
            ]
            if len(members) > MAX_ZIP_MEMBERS:
                return f"it holds over {MAX_ZIP_MEMBERS} tables"
            if sum(i.file_size for i in members) > MAX_XML_BYTES:
                return "it is too large once decompressed (over 512 MB)"
            names = [Path(i.filename.replace("\\", "/")).name for i in members]
            if len(set(names)) != len(names):
                return "two of its files have the same name; one file per table"
            if not members:
                return "it holds no .csv or .parquet table"
            budget = MAX_XML_BYTES
            for info, name in zip(members, names, strict=True):
                with zf.open(info) as source, open(folder / name, "wb") as target:
                    while block := source.read(_CHUNK):
                        budget -= len(block)
                        if budget < 0:
                            return "it is too large once decompressed (over 512 MB)"
                        target.write(block)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError):
        return "it is not a readable zip archive"
    return None


__all__ = [
    "MAX_SHEET_CELLS",
    "MAX_XML_BYTES",
    "MAX_ZIP_MEMBERS",
    "TooLarge",
    "_check_workbook_size",
    "extract_tables",
]
