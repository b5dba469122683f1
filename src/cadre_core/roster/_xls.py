"""The error values of an Excel 97-2003 workbook (``.xls``), which calamine reads as blank
cells.

An ``.xls`` is a compound file ([MS-CFB]: a little file system of 512- or 4096-byte
sectors chained by a table, small streams in 64-byte sectors of their own) whose
``Workbook`` stream is a run of BIFF8 records ([MS-XLS] 2.1.4): each its type, its length
and its payload. The workbook's globals name each sheet and where its records start
(``BoundSheet8``); a sheet's cells follow. A cell holding an error value is a ``BoolErr``
record with ``fError`` set (an error typed in, or pasted as a value) or a ``Formula``
record whose saved result is an error (a formula that failed). This module walks those
records only (no cell's value is kept) and names each such cell by its sheet, row and
column, with the error's text (``#N/A``). Every read is bounded by the file: a chain that
loops or points past the end, a record longer than its stream, stops the walk, and the
file is then read as calamine reads it.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

from cadre_core.roster._guards import MAX_XML_BYTES

_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFF_FFFE
_BOF, _EOF, _BOUNDSHEET, _FILEPASS = 0x0809, 0x000A, 0x0085, 0x002F
_FORMULA, _BOOLERR = 0x0006, 0x0205

ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}
"""The error values of Excel's binary formats by their code ([MS-XLS] 2.5.97.2 BErr, the
same in [MS-XLSB] 2.5.97.2)."""

_Place = tuple[int, int]


class _Damaged(ValueError):
    """The compound file or its records are not what they say."""


def _u32s(data: bytes, at: int, count: int) -> tuple[int, ...]:
    if at < 0 or at + 4 * count > len(data):
        raise _Damaged("past the end")
    return struct.unpack_from(f"<{count}I", data, at)


def _chain(table: tuple[int, ...], first: int) -> list[int]:
    """The sectors of a chain from ``first`` (a loop or a sector beyond the table is
    damage)."""
    out: list[int] = []
    at = first
    while at != _END_OF_CHAIN:
        if at >= len(table) or len(out) > len(table):
            raise _Damaged("a broken chain")
        out.append(at)
        at = table[at]
    return out


def _stream(data: bytes, name: str) -> bytes | None:
    """The stream ``name`` of the compound file held in ``data`` (None when it has none)."""
    if len(data) < 512 or data[:8] != _SIGNATURE:
        return None
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise _Damaged("an unknown sector size")
    size = 1 << shift

    def sector(n: int) -> bytes:
        at = (n + 1) * size
        if at >= len(data):  # (the last sector may be cut short)
            raise _Damaged("a sector past the end")
        return data[at : at + size]

    n_fat, first_dir, _, cutoff, first_mini, n_mini, first_difat, n_difat = _u32s(data, 44, 8)
    difat = list(_u32s(data, 76, 109))
    at = first_difat
    for _ in range(min(n_difat, len(data) // size)):  # the table's sectors past the 109
        if at == _END_OF_CHAIN:
            break
        more = _u32s(sector(at), 0, size // 4)
        difat.extend(more[:-1])
        at = more[-1]
    fat = tuple(n for s in difat[:n_fat] for n in _u32s(sector(s), 0, size // 4))
    directory = b"".join(sector(s) for s in _chain(fat, first_dir))
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    if not entries:
        raise _Damaged("no directory")
    for entry in entries:
        length = struct.unpack_from("<H", entry, 64)[0]
        if entry[66] != 2 or entry[: max(0, length - 2)].decode("utf-16-le", "replace") != name:
            continue
        start, stream_size = _u32s(entry, 116, 2)
        if stream_size > MAX_XML_BYTES:
            raise _Damaged("a stream too large")
        if stream_size >= cutoff:
            body = b"".join(sector(s) for s in _chain(fat, start))
        else:  # a small stream: in 64-byte sectors of the root's stream
            root = b"".join(sector(s) for s in _chain(fat, _u32s(entries[0], 116, 1)[0]))
            minis = _chain(fat, first_mini)[:n_mini] if n_mini else []
            mini_fat = tuple(n for s in minis for n in _u32s(sector(s), 0, size // 4))
            body = b"".join(root[s * 64 : s * 64 + 64] for s in _chain(mini_fat, start))
        if len(body) < stream_size:
            raise _Damaged("a stream shorter than it says")
        return body[:stream_size]
    return None


def _records(stream: bytes, at: int) -> Iterator[tuple[int, int, int]]:
    """The records of one substream from ``at`` (its ``BOF``) to its ``EOF``: each one's
    type, payload start and length, in turn."""
    end = len(stream)
    while at + 4 <= end:
        kind, size = struct.unpack_from("<HH", stream, at)
        if at + 4 + size > end:
            raise _Damaged("a record past the end")
        yield kind, at + 4, size
        at += 4 + size
        if kind == _EOF:
            return


def _sheets(stream: bytes) -> list[tuple[str, int]]:
    """Each worksheet's name and where its records start, from the workbook's globals
    (none for a workbook locked by a password or older than BIFF8)."""
    out: list[tuple[str, int]] = []
    for kind, at, size in _records(stream, 0):
        if kind == _BOF and size >= 2 and struct.unpack_from("<H", stream, at)[0] != 0x0600:
            return []  # BIFF5 or older
        if kind == _FILEPASS:
            return []
        if kind == _BOUNDSHEET and size >= 8:
            offset, _, kind_of, chars, high = struct.unpack_from("<IBBBB", stream, at)
            if kind_of != 0:  # a chart, a macro sheet
                continue
            raw = stream[at + 8 : at + size]
            name = raw[: chars * 2].decode("utf-16-le") if high & 1 else raw[:chars].decode(
                "latin-1")  # fmt: skip
            out.append((name, offset))
    return out


def workbook_errors(stream: bytes) -> dict[str, dict[_Place, str]]:
    """The cells holding an error value of each worksheet of the BIFF8 ``Workbook``
    stream ``stream``, by sheet name (raises for damaged records)."""
    found: dict[str, dict[_Place, str]] = {}
    for name, offset in _sheets(stream):
        cells: dict[_Place, str] = {}
        for kind, at, size in _records(stream, offset):
            if kind == _FORMULA and size >= 14:
                row, column = struct.unpack_from("<HH", stream, at)
                result = stream[at + 6 : at + 14]
                if result[6:8] == b"\xff\xff" and result[0] == 0x02:  # an error result
                    cells[row, column] = ERRORS.get(result[2], "#N/A")
            elif kind == _BOOLERR and size >= 8 and stream[at + 7] == 1:  # fError
                row, column = struct.unpack_from("<HH", stream, at)
                cells[row, column] = ERRORS.get(stream[at + 6], "#N/A")
        if cells:
            found[name] = cells
    return found


def xls_errors(path: Path) -> dict[str, dict[_Place, str]]:
    """The cells of each sheet of the ``.xls`` at ``path`` (by sheet name) holding an error
    value, ``{(row, column): "#N/A"}``, 0-based; none for another format, a workbook
    without any, or one this walk cannot read (locked, damaged, older than BIFF8: read as
    calamine reads it)."""
    try:
        if path.stat().st_size > MAX_XML_BYTES:
            return {}
        with open(path, "rb") as f:
            if f.read(8) != _SIGNATURE:
                return {}
            data = _SIGNATURE + f.read()
        stream = _stream(data, "Workbook")
        return {} if stream is None else workbook_errors(stream)
    except (_Damaged, OSError, struct.error, UnicodeDecodeError):
        return {}


__all__ = ["ERRORS", "workbook_errors", "xls_errors"]
