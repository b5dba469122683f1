"""Build the corpus of nasty rosters in ``tests/data/nasty/`` (run it to regenerate).

    python tests/make_nasty.py

Every file starts from a small valid roster (the packaged sample commune, cut to a few
cadres) and breaks it in one way a real workbook can be broken. ``cadre validate`` must
answer each with exit 0 or 2 and a message: never a traceback, never exit 1, within
30 seconds and 2 GB of memory (``tests/test_nasty_corpus.py``). Every file stays small
(well under 200 KB on disk), even those that claim a million rows.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

import cadre_core
from cadre_core import Roster

OUT = Path(__file__).resolve().parent / "data" / "nasty"


def small_roster() -> Roster:
    """The sample commune reduced to its first eight cadres (and what refers to them)."""
    r = cadre_core.sample_roster()
    keep = set(r.cadres["cadre_id"].head(8))
    frames = {}
    for name, frame in r.tables.items():
        if "cadre_id" in frame.columns:  # cadres, and the tables that refer to them
            frame = frame[frame["cadre_id"].isin(keep)]
        frames[name] = frame.reset_index(drop=True)
    return Roster.from_frames(frames, name="small")


def _base(tmp: Path) -> Path:
    path = tmp / "base.xlsx"
    if not path.exists():
        small_roster().write(path)
    return path


def _edit(tmp: Path, target: Path, change: Callable[[openpyxl.Workbook], None]) -> None:
    wb = openpyxl.load_workbook(_base(tmp))
    change(wb)
    wb.save(target)


def _rewrite_part(source: Path, target: Path, part: str, fix: Callable[[bytes], bytes]) -> None:
    """Copy a zip container, replacing one part's bytes."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = fix(data)
            z.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def _sheet_part(path: Path, sheet: str) -> str:
    wb = openpyxl.load_workbook(path, read_only=True)
    index = wb.sheetnames.index(sheet) + 1
    wb.close()
    return f"xl/worksheets/sheet{index}.xml"


# --------------------------------------------------------------------------- cases


def merged_cells(wb: openpyxl.Workbook) -> None:
    ws = wb["cadres"]
    ws.merge_cells("A2:A3")  # two cadres share one (merged) id cell
    ws.merge_cells("B1:C1")  # a merged header
    wb["agencies"].merge_cells("A2:B4")


def repeated_header(wb: openpyxl.Workbook) -> None:
    ws = wb["cadres"]
    header = [c.value for c in ws[1]]
    ws.insert_rows(5)
    for i, v in enumerate(header, start=1):
        ws.cell(row=5, column=i, value=v)
    ws = wb["trainings"]
    ws.append([c.value for c in ws[1]])


def hidden_rows(wb: openpyxl.Workbook) -> None:
    ws = wb["cadres"]
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["C"].hidden = True
    wb["ratings"].sheet_state = "hidden"


def formula_cells(wb: openpyxl.Workbook) -> None:
    ws = wb["cadres"]
    ws["B2"] = '=HYPERLINK("http://example.invalid","x")'
    ws["C3"] = "=DATE(1980,1,1)"
    ws["A4"] = '=CONCAT("MT", "999")'
    wb["positions"]["F2"] = "=1/0"


def only_spaces(wb: openpyxl.Workbook) -> None:
    ws = wb["cadres"]
    ws["A3"] = "   "
    ws["B4"] = "\u00a0\u2003\t"
    for col in range(1, ws.max_column + 1):
        ws.cell(row=ws.max_row + 1, column=col, value="  ")


def junk_unicode(wb: openpyxl.Workbook) -> None:
    ws = wb["cadres"]
    ws["B2"] = "\u202eLò Văn\u200b Biên\u200d 👩\u200d👩\u200d👧"  # RTL override, ZWSP, ZWJ emoji
    ws["B3"] = "\ufeffGiàng\u00adThị\ufffcMỷ"  # BOM, soft hyphen, object replacement
    ws["E4"] = "Mo\u0302ng"  # ethnicity in NFD
    ws["A5"] = "MT\u00a0005"
    ws["B6"] = "ﷺ" * 40 + "𒐫" * 40
    ws["B7"] = "x" * 32000


def huge_numbers(wb: openpyxl.Workbook) -> None:
    ws = wb["positions"]
    ws["F2"] = 1e308
    ws["F3"] = -1e308
    ws["F4"] = 2**63
    ws["F5"] = 1e-308
    wb["cadres"]["C2"] = 1e308  # a birth date as a day serial
    wb["cadres"]["C3"] = -5
    wb["ratings"]["C2"] = 9.999999e15


def wrong_types(wb: openpyxl.Workbook) -> None:
    import datetime as dt

    ws = wb["cadres"]
    ws["A2"] = dt.datetime(2020, 1, 1)
    ws["C4"] = True
    ws["D5"] = 3.5
    wb["positions"]["F2"] = "năm"
    wb["ratings"]["C3"] = dt.time(12, 30)


def extra_sheets(wb: openpyxl.Workbook) -> None:
    wb.create_sheet("Sheet1")
    wb["Sheet1"]["A1"] = "notes"
    wb.create_sheet("Cán bộ")  # an alias of cadres: a second sheet for one table
    wb["Cán bộ"].append(["cadre_id", "full_name"])
    wb.create_sheet("empty")
    wb.create_sheet("chart data").append([1, 2, 3])


def duplicate_header_columns(wb: openpyxl.Workbook) -> None:
    ws = wb["cadres"]
    ws.cell(row=1, column=ws.max_column + 1, value="full_name")


def header_far_down(wb: openpyxl.Workbook) -> None:
    ws = wb["cadres"]
    ws.insert_rows(1, amount=30)
    ws["A1"] = "DANH SÁCH CÁN BỘ"


def formatting_million_rows(wb: openpyxl.Workbook) -> None:
    """A used range that claims the full 1,048,576 rows and 16,384 columns of formatting
    (formatted cells without values), over a few rows of data."""
    ws = wb["cadres"]
    ws.cell(row=1048576, column=16384).font = Font(bold=True)
    ws.cell(row=1048576, column=1).number_format = "0.00"
    ws.row_dimensions[1048576].height = 30


def all_empty(wb: openpyxl.Workbook) -> None:
    for ws in list(wb.worksheets)[1:]:
        wb.remove(ws)
    ws = wb.worksheets[0]
    ws.delete_rows(1, ws.max_row)
    ws.title = "Sheet1"


def write_cases(tmp: Path) -> None:
    cases: dict[str, Callable[[openpyxl.Workbook], None]] = {
        "merged_cells": merged_cells,
        "repeated_header": repeated_header,
        "hidden_rows": hidden_rows,
        "formula_cells": formula_cells,
        "only_spaces": only_spaces,
        "junk_unicode": junk_unicode,
        "huge_numbers": huge_numbers,
        "wrong_types": wrong_types,
        "extra_sheets": extra_sheets,
        "duplicate_header_columns": duplicate_header_columns,
        "header_far_down": header_far_down,
        "formatting_million_rows": formatting_million_rows,
        "empty_workbook": all_empty,
    }
    for name, change in cases.items():
        _edit(tmp, OUT / f"{name}.xlsx", change)


def write_xml_cases(tmp: Path) -> None:
    base = _base(tmp)
    cadres = _sheet_part(base, "cadres")

    # one value in the last cell of the sheet: a dense used range of 17 billion cells
    def far_value(xml: bytes) -> bytes:
        row = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        return xml.replace(b"</sheetData>", row + b"</sheetData>")

    _rewrite_part(base, OUT / "value_in_last_cell.xlsx", cadres, far_value)

    # a dimension that lies (claims A1:XFD1048576) over the real data
    def lying_dimension(xml: bytes) -> bytes:
        return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)

    _rewrite_part(base, OUT / "lying_dimension.xlsx", cadres, lying_dimension)

    # rows and cells without r= attributes: places implied by order, one very wide row
    def implicit_places(xml: bytes) -> bytes:
        wide = b"<row>" + b'<c t="inlineStr"><is><t>y</t></is></c>' * 20000 + b"</row>"
        rows = b'<row><c t="inlineStr"><is><t>z</t></is></c></row>' * 400
        return xml.replace(b"</sheetData>", wide + rows + b"</sheetData>")

    _rewrite_part(base, OUT / "implicit_places.xlsx", cadres, implicit_places)

    # a lone surrogate as a character reference (not valid XML 1.0)
    def lone_surrogate(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", b"</sheetData>").replace(
            b"<sheetData>",
            b'<sheetData><row r="1"><c r="AZ1" t="inlineStr"><is><t>&#xD800;&#x0;</t></is></c>'
            b"</row>",
            1,
        )

    _rewrite_part(base, OUT / "lone_surrogate.xlsx", cadres, lone_surrogate)

    # broken XML in one sheet
    _rewrite_part(base, OUT / "truncated_sheet_xml.xlsx", cadres, lambda xml: xml[: len(xml) // 2])

    # zip bombs: a sheet padded with blanks, inflating ~1000 times (deflate's limit)
    def padding(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", b" " * (160 * 1024 * 1024) + b"</sheetData>")

    _rewrite_part(base, OUT / "zip_bomb_160mb.xlsx", cadres, padding)

    # and one that inflates to 1 GB (bzip2 packs runs far better): refused by its size
    with (
        zipfile.ZipFile(base) as zin,
        zipfile.ZipFile(OUT / "zip_bomb_1gb.xlsx", "w", zipfile.ZIP_BZIP2) as z,
    ):
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == cadres:
                data = padding(data).replace(b" " * 1024, b" " * 6 * 1024)
            z.writestr(info.filename, data, compresslevel=9)

    # not a workbook at all
    (OUT / "not_a_zip.xlsx").write_bytes(b"PK\x03\x04 this is not really a zip file")
    (OUT / "zero_bytes.xlsx").write_bytes(b"")
    (OUT / "html_saved_as.xlsx").write_bytes(
        b"<html><body><table><tr><td>cadre_id</td></tr></table></body></html>"
    )


def write_ods_case() -> None:
    """An OpenDocument sheet whose repeat attributes expand to 40 million cells."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="cadres"><table:table-row>'
        '<table:table-cell office:value-type="string"><text:p>cadre_id</text:p>'
        "</table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="4000">'
        '<table:table-cell table:number-columns-repeated="10000" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(OUT / "repeat_bomb.ods", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", manifest)


def write_csv_cases(tmp: Path) -> None:
    folder = tmp / "csv"
    small_roster().write(folder)
    cadres = (folder / "cadres.csv").read_text(encoding="utf-8")

    def case(name: str, data: bytes) -> None:
        target = OUT / name
        shutil.copytree(folder, target)
        (target / "cadres.csv").write_bytes(data)

    # UTF-8 with a byte-order mark and Windows line ends: a valid roster
    case("csv_bom_crlf", b"\xef\xbb\xbf" + cadres.replace("\n", "\r\n").encode("utf-8"))
    # Latin-1 / cp1258 bytes: refused as not UTF-8 (never silently garbled)
    case("csv_latin1", cadres.encode("cp1258", errors="replace"))
    # a NUL byte in the middle of a name
    case("csv_nul_byte", cadres.encode("utf-8").replace("Đỗ".encode(), b"\x00D", 1))
    # an unclosed quote swallowing the rest of the file
    case("csv_unclosed_quote", cadres.encode("utf-8").replace(b"\n", b'\n"', 2))
    # only a header
    case("csv_header_only", cadres.splitlines()[0].encode("utf-8") + b"\n")
    # more cells than headers on some rows, and formula text
    lines = cadres.splitlines()
    lines[2] += ",extra,=1+1,@SUM(A1)"
    lines[3] = "=cmd|' /C calc'!A0," + lines[3]
    case("csv_ragged_formula", ("\n".join(lines) + "\n").encode("utf-8"))
    # TCVN3 (legacy Vietnamese encoding) text read as UTF-8 Latin letters
    case(
        "csv_tcvn3_text",
        cadres.replace("Đỗ Mạnh Cường", "§ç M¹nh C­êng").encode("utf-8"),
    )


def main() -> None:
    """Write every case of the corpus (replacing what is there)."""
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        write_cases(tmp)
        write_xml_cases(tmp)
        write_ods_case()
        write_csv_cases(tmp)
    for p in sorted(OUT.rglob("*")):
        if p.is_file():
            size = p.stat().st_size
            assert size < 200_000, f"{p.name} is {size} bytes"
    print(f"wrote {sum(1 for _ in OUT.iterdir())} cases to {OUT}")


if __name__ == "__main__":
    main()
