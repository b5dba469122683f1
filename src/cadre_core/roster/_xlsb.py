"""Excel's binary workbook (``.xlsb``) measured before calamine reads it.

An ``.xlsb`` is a zip, as an ``.xlsx`` is, whose parts are binary records instead of XML:
each record is its type (one or two bytes, seven bits each), its length (one to four
bytes, seven bits each) and its payload ([MS-XLSB] 2.1.4). calamine builds each sheet
as a dense grid from the farthest cell that holds a value, so a tiny file naming a cell
in column 4,000,000,000 would ask for more memory than any machine has, and the sizes
a zip's directory states may lie. So every part is decompressed here from its raw bytes
(not trusting the stated size) under the reader's budget of 512 MB, and every sheet's
records are walked: a row header (``BrtRowHdr``) names the row of the cells after it,
a cell holding a value (``BrtCellRk`` ... ``BrtFmlaError``) its column; the sheet's
stated dimension (``BrtWsDim``) is not trusted either. Merged ranges (``BrtMergeCell``)
are gathered on the way, since calamine does not give them for this format, and so are
the cells holding an Excel error value (``BrtCellError``, ``BrtFmlaError``: ``#N/A``),
which calamine reads as blank cells (:func:`xlsb_errors`).
"""

from __future__ import annotations

import functools
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cadre_core.roster._guards import MAX_SHEET_CELLS, MAX_XML_BYTES, TooLarge
from cadre_core.roster._merged import Merged

_CHUNK = 1 << 20
_SHEETS = ("xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/", "xl/macrosheets/")
_ROW, _END_DATA, _MERGE = 0x0000, 0x0092, 0x00B0
_VALUES = range(0x0002, 0x000C)  # the cell records calamine reads a value from
_LAST_ROW = 0x0010_0000  # calamine stops reading a sheet at a row beyond this
_BUNDLE_SHEET = 0x009C
_SHARED = 0x0007  # BrtCellIsst: a cell holding a shared string
_ERRORS = (0x0003, 0x000B)  # BrtCellError, BrtFmlaError: an error value (its code at 8)
# the error values by their code ([MS-XLSB] 2.5.97.2 BErr)
_ERROR_TEXT = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
               0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA"}  # fmt: skip
_Errors = dict[tuple[int, int], str]
# the shortest payload calamine reads of each record without failing: rows, cells, the
# sheet's dimension
_SHORTEST = {0x00: 4, 0x02: 12, 0x03: 9, 0x04: 9, 0x05: 16, 0x06: 12, 0x07: 12, 0x08: 12,
             0x09: 16, 0x0A: 9, 0x0B: 9, 0x94: 16}  # fmt: skip
_MAX_RECORDS = 3 * MAX_SHEET_CELLS  # a sheet at the cell limit holds fewer (its cells, rows)


def is_xlsb(names: set[str]) -> bool:
    """Whether a zip holding the parts ``names`` is a binary workbook."""
    return "xl/workbook.bin" in names


def _raw(file: BinaryIO, info: zipfile.ZipInfo, budget: list[int]) -> Iterator[bytes]:
    """The decompressed bytes of the zip member ``info``, decompressed here from its raw
    bytes (a lying stated size is not believed), each piece counted against ``budget``."""
    if info.flag_bits & 0x1:
        raise TooLarge(f"its part {info.filename} is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise TooLarge(f"its part {info.filename} is compressed in a way the reader cannot measure")
    file.seek(info.header_offset)
    header = file.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(info.filename)
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    file.seek(info.header_offset + 30 + name_length + extra_length)
    left = info.compress_size
    inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    while left > 0 and not (inflate is not None and inflate.eof):
        raw = file.read(min(_CHUNK, left))
        if not raw:
            break
        left -= len(raw)
        while raw:  # piece by piece, never more than one in memory
            if inflate is None:
                piece, raw = raw, b""
            else:
                piece, raw = inflate.decompress(raw, _CHUNK), inflate.unconsumed_tail
            yield _counted(piece, budget)
            if inflate is not None and inflate.eof:
                break
    if inflate is not None:
        yield _counted(inflate.flush(), budget)


def _counted(piece: bytes, budget: list[int]) -> bytes:
    """``piece``, counted against ``budget``: past it the workbook is too large."""
    budget[0] -= len(piece)
    if budget[0] < 0:
        raise TooLarge("it is too large once decompressed (over 512 MB)")
    return piece


def _header(buffer: bytes, at: int) -> tuple[int, int, int] | None:
    """The type, payload length and payload start of the record at ``at`` in ``buffer``
    (None when its header goes on past the buffer's end)."""
    end = len(buffer)
    if at >= end:
        return None
    byte = buffer[at]
    kind, at = byte & 0x7F, at + 1
    if byte & 0x80:
        if at >= end:
            return None
        kind, at = kind | (buffer[at] & 0x7F) << 7, at + 1
    size = 0
    for i in range(4):
        if at >= end:
            return None
        byte, at = buffer[at], at + 1
        size |= (byte & 0x7F) << (7 * i)
        if not byte & 0x80:
            break
    return kind, size, at


def _records(chunks: Iterator[bytes]) -> Iterator[tuple[int, int, bytes]]:
    """The records of a binary part, streamed: each one's type, length and the first 16
    bytes of its payload (what the measures need; the rest is skipped, never kept)."""
    buffer = b""
    skip = 0
    for chunk in chunks:
        if skip >= len(chunk):
            skip -= len(chunk)
            continue
        buffer += chunk[skip:]
        skip = at = 0
        while (header := _header(buffer, at)) is not None:
            kind, size, start = header
            if start + min(size, 16) > len(buffer):
                break  # its first bytes are in the next piece
            yield kind, size, buffer[start : start + min(size, 16)]
            at = start + size
            if at > len(buffer):
                skip, at = at - len(buffer), len(buffer)
                break
        buffer = buffer[at:]


def _whole_records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The records of a binary part held whole, each with its whole payload."""
    at = 0
    while (header := _header(data, at)) is not None:
        kind, size, start = header
        yield kind, data[start : start + size]
        at = start + size


def _u32(payload: bytes, at: int = 0) -> int:
    return int.from_bytes(payload[at : at + 4].ljust(4, b"\0"), "little")


def _sheet(
    records: Iterator[tuple[int, int, bytes]], member: str, strings: int
) -> tuple[int, list[Merged], _Errors]:
    """Rows x columns of the grid calamine builds for one sheet, its merged ranges and
    its cells holding an error value (``{(row, column): "#N/A"}``). Raises
    :class:`TooLarge` for a record calamine would fail on (shorter than its kind, a shared
    string beyond the ``strings`` the workbook holds)."""
    rows = columns = 0
    row = 0
    reading = True
    merged: list[Merged] = []
    errors: _Errors = {}
    for n, (kind, size, payload) in enumerate(records):
        if n > _MAX_RECORDS:
            raise TooLarge(f"its part {member} holds over {_MAX_RECORDS:,} records")
        if size < _SHORTEST.get(kind, 0) or (kind == _SHARED and _u32(payload, 8) >= strings):
            raise TooLarge(f"its part {member} is damaged (record {kind:#06x})")
        if kind == _ROW:
            row = _u32(payload)
            reading = reading and row <= _LAST_ROW
        elif kind in _VALUES and reading:
            rows, columns = max(rows, row + 1), max(columns, _u32(payload) + 1)
            if rows * columns > MAX_SHEET_CELLS:
                break
            if kind in _ERRORS:
                errors[row, _u32(payload)] = _ERROR_TEXT.get(payload[8], "#N/A")
        elif kind == _END_DATA:
            reading = False
        elif kind == _MERGE and len(payload) == 16:
            r0, r1, c0, c1 = struct.unpack("<4I", payload)
            merged.append((r0, c0, r1, c1))
    return rows * columns, merged, errors


def _strings(zf: zipfile.ZipFile, file: BinaryIO) -> int:
    """How many shared strings calamine reads from the workbook (``BrtBeginSst``'s count
    of unique strings; none without the part)."""
    try:
        info = zf.getinfo("xl/sharedStrings.bin")
    except KeyError:
        return 0
    for kind, size, payload in _records(_raw(file, info, [MAX_XML_BYTES])):
        if kind == 0x009F:  # BrtBeginSst
            if size < 8:
                raise TooLarge("its part xl/sharedStrings.bin is damaged")
            return _u32(payload, 4)
    return 0


def _sheet_files(zf: zipfile.ZipFile, file: BinaryIO, budget: list[int]) -> dict[str, str]:
    """The part each sheet of the workbook is read from, by sheet name (what calamine reads:
    the workbook's ``BrtBundleSh`` records and its relationships)."""
    info = zf.getinfo("xl/workbook.bin")
    targets: dict[str, str] = {}
    try:
        rels = zf.read("xl/_rels/workbook.bin.rels").decode("utf-8", errors="replace")
    except KeyError:
        rels = ""
    for tag in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", rels):
        found = dict(re.findall(r'\b(Id|Target)="([^"]*)"', tag))
        if "Id" in found and "Target" in found:
            targets[found["Id"]] = found["Target"]
    sheets: dict[str, str] = {}
    for kind, payload in _whole_records(b"".join(_raw(file, info, budget))):
        if kind != _BUNDLE_SHEET or len(payload) < 12:
            continue
        payload_length = len(payload)
        size = _u32(payload, 8)
        if size == 0xFFFF_FFFF or 12 + size * 2 + 4 > payload_length:
            continue
        relation = payload[12 : 12 + size * 2].decode("utf-16-le", errors="replace")
        name_size = _u32(payload, 12 + size * 2)
        start = 16 + size * 2
        name = payload[start : start + name_size * 2].decode("utf-16-le", errors="replace")
        if relation not in targets:  # calamine fails on it
            raise TooLarge(f"its sheet {name!r} names no part (damaged)")
        sheets[name] = f"xl/{targets[relation]}"
    return sheets


def xlsb_measure(path: Path) -> tuple[int, dict[str, list[Merged]]]:
    """:func:`measure` of the binary workbook at ``path``, scanned once while the file
    keeps its size and time (the reader asks for its size, then for its merged ranges)."""
    largest, merged, _ = _scanned(path)
    return largest, merged


def xlsb_errors(path: Path) -> dict[str, _Errors]:
    """The cells of each sheet of the binary workbook at ``path`` (by sheet name) that
    hold an Excel error value, ``{(row, column): "#N/A"}`` (0-based), found by the same
    scan as :func:`xlsb_measure`."""
    return _scanned(path)[2]


def _scanned(path: Path) -> tuple[int, dict[str, list[Merged]], dict[str, _Errors]]:
    st = path.stat()
    return _measured(str(path.resolve()), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=16)
def _measured(
    path: str, size: int, mtime_ns: int
) -> tuple[int, dict[str, list[Merged]], dict[str, _Errors]]:
    return _scan(Path(path))


def measure(path: Path) -> tuple[int, dict[str, list[Merged]]]:
    """The cells of the largest sheet's grid in the binary workbook at ``path``, and each
    sheet's merged ranges by sheet name. Raises :class:`TooLarge` saying which sheet
    holds too many cells or that the parts are too large once decompressed, and
    ``zipfile.BadZipFile`` (or ``OSError``, ``zlib.error``) for a damaged one."""
    largest, merged, _ = _scan(path)
    return largest, merged


def _scan(path: Path) -> tuple[int, dict[str, list[Merged]], dict[str, _Errors]]:
    """:func:`measure`, with each sheet's cells holding an error value."""
    largest = 0
    budget = [MAX_XML_BYTES]
    found: dict[str, tuple[int, list[Merged], _Errors]] = {}
    with zipfile.ZipFile(path) as zf, open(path, "rb") as file:
        for info in zf.infolist():  # first the sizes, quickly: a zip bomb stops here
            for _ in _raw(file, info, budget):
                pass
        strings = _strings(zf, file)
        for info in zf.infolist():
            name = info.filename
            if name.startswith(_SHEETS) and "/_rels/" not in name and not info.is_dir():
                records = _records(_raw(file, info, [MAX_XML_BYTES]))
                found[name] = _sheet(records, name, strings)
        names = _sheet_files(zf, file, [MAX_XML_BYTES])
    by_part = {part: sheet for sheet, part in names.items()}
    for part, (cells, _, _) in found.items():
        if cells > MAX_SHEET_CELLS:
            sheet = by_part.get(part, part)
            raise TooLarge(
                f"sheet {sheet!r} holds a value so far out that its grid would be about "
                f"{cells:,} cells, over the limit of {MAX_SHEET_CELLS:,} (clear the far "
                "cells, or use a folder of CSV/parquet tables)"
            )
        largest = max(largest, cells)
    merged = {sheet: sorted(found[part][1]) for sheet, part in names.items() if part in found}
    errors = {s: found[p][2] for s, p in names.items() if p in found and found[p][2]}
    return largest, merged, errors


__all__ = ["is_xlsb", "measure", "xlsb_errors", "xlsb_measure"]
