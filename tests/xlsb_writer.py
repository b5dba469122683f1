"""Excel binary workbooks (``.xlsb``) written from [MS-XLSB], for the tests.

No tool on the machine writes one (LibreOffice reads ``.xlsb`` but has no filter to save
one), so the tests write the records Excel writes, as the specification lays them out:
the workbook part (``BrtBundleSh`` per sheet), shared strings, the cell formats (a date
format for dates), and each sheet's dimension, rows, cells and merged ranges. LibreOffice,
where installed, reads the files back as a check that they are what Excel would accept.
"""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column


def record(kind: int, payload: bytes = b"") -> bytes:
    """One record: its type and length, seven bits a byte, and its payload."""
    head = bytes([kind]) if kind < 0x80 else bytes([kind & 0x7F | 0x80, kind >> 7])
    size, length = len(payload), b""
    while True:
        byte = size & 0x7F
        size >>= 7
        length += bytes([byte | (0x80 if size else 0)])
        if not size:
            break
    return head + length + payload


def wide(text: str) -> bytes:
    """An ``XLWideString``: its length in UTF-16 units, then the text."""
    data = text.encode("utf-16-le")
    return struct.pack("<I", len(data) // 2) + data


def _cell(column: int, value: object, strings: dict[str, int]) -> bytes:
    style = 1 if isinstance(value, dt.date) else 0
    head = struct.pack("<II", column, style)
    if isinstance(value, bool):
        return record(0x04, head + bytes([value]))  # BrtCellBool
    if isinstance(value, dt.datetime | dt.date):
        day = value if isinstance(value, dt.datetime) else dt.datetime(*value.timetuple()[:3])
        serial = (day - dt.datetime(1899, 12, 30)).total_seconds() / 86400
        return record(0x05, head + struct.pack("<d", serial))  # BrtCellReal
    if isinstance(value, int | float):
        return record(0x05, head + struct.pack("<d", float(value)))  # BrtCellReal
    index = strings.setdefault(str(value), len(strings))
    return record(0x07, head + struct.pack("<I", index))  # BrtCellIsst


def sheet_part(
    rows: Sequence[Sequence[object]],
    merges: Sequence[Merge],
    strings: dict[str, int],
    *,
    dimension: tuple[int, int, int, int] | None = None,
) -> bytes:
    """A worksheet's records; ``dimension`` (rows first, last, columns first, last) as
    the sheet states it, by default its cells' own."""
    width = max((len(r) for r in rows), default=1)
    r0, r1, c0, c1 = dimension or (0, max(len(rows) - 1, 0), 0, max(width - 1, 0))
    out = [record(0x81)]  # BrtBeginSheet
    out.append(record(0x94, struct.pack("<4I", r0, r1, c0, c1)))  # BrtWsDim
    out.append(record(0x91))  # BrtBeginSheetData
    for r, row in enumerate(rows):
        if all(v is None for v in row):
            continue
        out.append(record(0x00, struct.pack("<IIHBBBI", r, 0, 300, 0, 0, 0, 0)))  # BrtRowHdr
        out.extend(_cell(c, value, strings) for c, value in enumerate(row) if value is not None)
    out.append(record(0x92))  # BrtEndSheetData
    if merges:
        out.append(record(0xB1, struct.pack("<I", len(merges))))  # BrtBeginMergeCells
        for m0, n0, m1, n1 in merges:
            out.append(record(0xB0, struct.pack("<4I", m0, m1, n0, n1)))  # BrtMergeCell
        out.append(record(0xB2))  # BrtEndMergeCells
    return b"".join(out) + record(0x82)  # BrtEndSheet


def _styles() -> bytes:
    xf = struct.pack("<HHHHHHBB", 0, 0, 0, 0, 0, 0, 0, 0) + bytes(2)  # General
    date = struct.pack("<HHHHHHBB", 0, 14, 0, 0, 0, 0, 0, 0) + bytes(2)  # d/m/yyyy
    return (
        record(0x0116)  # BrtBeginStyleSheet
        + record(0x0267, struct.pack("<I", 0))  # BrtBeginFmts
        + record(0x0268)  # BrtEndFmts
        + record(0x0269, struct.pack("<I", 2))  # BrtBeginCellXFs
        + record(0x2F, xf)
        + record(0x2F, date)
        + record(0x026A)  # BrtEndCellXFs
        + record(0x0117)  # BrtEndStyleSheet
    )


def _strings(strings: Mapping[str, int]) -> bytes:
    out = [record(0x9F, struct.pack("<II", len(strings), len(strings)))]  # BrtBeginSst
    out.extend(record(0x13, b"\0" + wide(text)) for text in strings)  # BrtSSTItem, in order
    return b"".join(out) + record(0xA0)  # BrtEndSst


def _workbook(names: Sequence[str]) -> bytes:
    out = record(0x83)  # BrtBeginBook
    out += record(0x99, struct.pack("<II", 0, 0) + wide(""))  # BrtWbProp
    out += record(0x8F)  # BrtBeginBundleShs
    for n, name in enumerate(names, start=1):
        out += record(0x9C, struct.pack("<II", 0, n) + wide(f"rId{n}") + wide(name))
    out += record(0x90)  # BrtEndBundleShs
    return out + record(0x84)  # BrtEndBook


_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    "{sheets}"
    '<Override PartName="/xl/styles.bin" ContentType="application/vnd.ms-excel.styles"/>'
    '<Override PartName="/xl/sharedStrings.bin" ContentType="application/vnd.ms-excel.sharedStrings"/>'
    "</Types>"
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_xlsb(
    path: Path,
    sheets: Mapping[str, tuple[Sequence[Sequence[object]], Sequence[Merge]]],
    *,
    parts: Mapping[str, bytes] | None = None,
) -> Path:
    """A binary workbook of ``sheets`` (name: rows of values, merged ranges); ``parts``
    replaces a sheet's records (by sheet number from 1) with bytes of the test's own."""
    strings: dict[str, int] = {}
    bodies = [sheet_part(rows, merges, strings) for rows, merges in sheets.values()]
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.bin" '
        'ContentType="application/vnd.ms-excel.worksheet"/>'
        for n in range(1, len(bodies) + 1)
    )
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.bin"/>'
        for n in range(1, len(bodies) + 1)
    )
    k = len(bodies)
    rels += f'<Relationship Id="rId{k + 1}" Type="{_REL}/styles" Target="styles.bin"/>'
    rels += (
        f'<Relationship Id="rId{k + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.bin"/>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _TYPES.format(sheets=overrides))
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.bin"/>'
            "</Relationships>",
        )
        zf.writestr(
            "xl/_rels/workbook.bin.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}</Relationships>",
        )
        zf.writestr("xl/workbook.bin", _workbook(list(sheets)))
        for n, body in enumerate(bodies, start=1):
            zf.writestr(f"xl/worksheets/sheet{n}.bin", (parts or {}).get(str(n), body))
        zf.writestr("xl/styles.bin", _styles())
        zf.writestr("xl/sharedStrings.bin", _strings(strings))
    return path
