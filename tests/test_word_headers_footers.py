"""Where a Word list keeps its commune and its day outside the paragraphs above its table
(page headers and footers, text boxes), the signing line under a list's table, and the
ids of the people of a list's second table or sheet.

The documents and workbooks are built here as offices write them, read through
``read_roster`` and through the real ``cadre`` command; each test says what was wrong
before.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pandas as pd
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cadre_core.roster import Problem, read_roster
from cadre_core.roster._docx import docx_grids
from cadre_core.roster._flat_tables import ROW_BASE, running_rows

CADRE = str(Path(sys.executable).with_name("cadre"))

HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
AN = ["1", "Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"]
BINH = ["2", "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Đại học Kinh tế"]
CHU = ["3", "Vàng A Chứ", "20/01/1990", "Nam", "Công chức Tư pháp - Hộ tịch", "Cao đẳng"]
DUNG = ["4", "Quàng Thị Dung", "14/07/1995", "Nữ", "Công chức Văn phòng - thống kê", "Đại học"]
EM = ["5", "Lò Văn Em", "02/02/1988", "Nam", "Phó Chủ tịch UBND xã", "Đại học Luật"]
PEOPLE = [AN, BINH, CHU]
NAMES = [p[1] for p in PEOPLE]
TITLE = "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ"  # names no day, no period
SIGNED = "Nậm Tăm, ngày 05 tháng 01 năm 2026"

_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
_DECLARED = " ".join(f'xmlns:{k}="{v}"' for k, v in _NS.items())


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command, in English, on a wide terminal."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [CADRE, *args, "--lang", "en"], capture_output=True, text=True, timeout=180, env=env
    )


def _box_content(lines: Sequence[str]) -> str:
    return "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)


def vml_box(lines: Sequence[str]) -> Any:
    """A run holding an old-style (VML) text box of ``lines``."""
    xml = (
        f'<w:r {_DECLARED}><w:pict><v:shape style="position:absolute;width:200pt;height:60pt">'
        f"<v:textbox><w:txbxContent>{_box_content(lines)}</w:txbxContent></v:textbox>"
        "</v:shape></w:pict></w:r>"
    )
    return etree.fromstring(xml)


def shape_box(lines: Sequence[str]) -> Any:
    """A run holding a text box as Word 2010 and later save it: a DrawingML shape, with
    the same box in VML as its fallback (the text twice in the XML)."""
    content = f"<w:txbxContent>{_box_content(lines)}</w:txbxContent>"
    xml = (
        f'<w:r {_DECLARED}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'locked="0" layoutInCell="1" allowOverlap="1" relativeHeight="1">'
        '<wp:simplePos x="0" y="0"/><wp:extent cx="2540000" cy="762000"/>'
        '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{content}</wps:txbx><wps:bodyPr/>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape style="position:absolute;width:200pt;height:60pt">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    return etree.fromstring(xml)


def add_list(document: Any, rows: Sequence[Sequence[str | None]]) -> Any:
    """A table of ``rows`` (the header first) in ``document``."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = value
    return table


def word_list(path: Path, *, above: Sequence[str] = (TITLE,), below: Sequence[str] = ()) -> Any:
    """A document of the ``above`` paragraphs, the list of :data:`PEOPLE`, the ``below``
    paragraphs (saved by :func:`save`)."""
    document = docx.Document()
    for line in above:
        document.add_paragraph(line)
    add_list(document, [HEAD, *PEOPLE])
    for line in below:
        document.add_paragraph(line)
    return document


def save(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


Said = tuple[str, str | None, str, int | None, dict[str, str]]


def said(problems: Sequence[Problem]) -> list[Said]:
    """Each problem as (severity, key, file, row, its words' values)."""
    return [(p.severity, p.key, p.file, p.row, dict(p.args)) for p in problems]


def read(path: Path) -> tuple[Any, list[str]]:
    """The roster read from ``path`` and its people's names."""
    roster = read_roster(path)
    return roster, roster.cadres["full_name"].tolist()


def evaluated(path: Path, *args: str) -> dict[str, Any]:
    """``cadre evaluate PATH --format json``: the document it prints."""
    done = run("evaluate", str(path), "--format", "json", *args)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def commune_said(file: str, commune: str) -> Said:
    """The warning that the commune was taken from the title rows."""
    return ("warning", "commune_from_title", file, None, {"commune": repr(commune)})


# ------------------------------------------------------------------ page headers


def test_the_page_header_names_the_commune_and_the_day(tmp_path: Path) -> None:
    """Before: the page header (the issuing body and the motto on one line, a tab between,
    and the place and date under them) was not read: the list was refused, "the list's
    date is unknown", and its commune was not known."""
    document = word_list(tmp_path / "x.docx")
    header = document.sections[0].header
    header.paragraphs[0].text = "ỦY BAN NHÂN DÂN XÃ NẬM TĂM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.add_paragraph(SIGNED)
    path = save(document, tmp_path / "dau-trang.docx")
    roster, names = read(path)
    assert names == NAMES
    assert roster.list_date == dt.date(2026, 1, 5)
    assert roster.communes == ["Xã Nậm Tăm"]  # the motto after the tab is no part of it
    assert said(roster.problems) == [commune_said("dau-trang.docx", "Xã Nậm Tăm")]
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the commune 'Xã Nậm Tăm' was taken from the list's title rows" in done.stdout
    doc = evaluated(path)
    assert doc["as_of"] == "2026-01-05"
    assert [c["commune"] for c in doc["communes"]] == ["Xã Nậm Tăm"]


def test_the_first_page_and_even_page_headers_are_read(tmp_path: Path) -> None:
    """Before: no page header was read, the first page's and even pages' neither: the
    list was refused for want of a day. The day it is as of, in the first page's header,
    wins over the signing day in the even pages' one, as in the lines above a table."""
    document = word_list(tmp_path / "x.docx")
    section = document.sections[0]
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    section.first_page_header.paragraphs[0].text = "ĐẢNG ỦY XÃ MƯỜNG THAN"
    section.first_page_header.add_paragraph("(Tính đến ngày 31/12/2025)")
    section.even_page_header.paragraphs[0].text = "Mường Than, ngày 05 tháng 01 năm 2026"
    path = save(document, tmp_path / "trang-dau.docx")
    roster, names = read(path)
    assert names == NAMES
    assert (roster.list_date, roster.communes) == (dt.date(2025, 12, 31), ["Xã Mường Than"])
    assert said(roster.problems) == [commune_said("trang-dau.docx", "Xã Mường Than")]
    assert evaluated(path)["as_of"] == "2025-12-31"


def test_a_header_shared_by_two_sections_is_read_once(tmp_path: Path) -> None:
    """Before: page headers were not read. A header every section shows (the second
    linked to the first) is one part of the document, read once."""
    document = word_list(tmp_path / "x.docx")
    document.sections[0].header.paragraphs[0].text = "UBND XÃ NẬM TĂM"
    document.add_section()  # a page after, naming the first's header as its own
    first, last = document.sections[0]._sectPr, document.sections[1]._sectPr
    for ref in first.findall(qn("w:headerReference")):
        last.append(copy.deepcopy(ref))
    document.add_paragraph(SIGNED)
    path = save(document, tmp_path / "hai-phan.docx")
    (grid,), problems = docx_grids(path)
    lines = grid.cells[0].tolist()
    assert lines.count("UBND XÃ NẬM TĂM") == 1 and lines[0] == "UBND XÃ NẬM TĂM"
    assert problems == []
    roster, names = read(path)
    assert names == NAMES
    assert (roster.list_date, roster.communes) == (dt.date(2026, 1, 5), ["Xã Nậm Tăm"])


def test_a_page_header_typed_in_a_legacy_font_is_read_as_the_body_is(tmp_path: Path) -> None:
    """Before: the page header was not read at all. Its runs in a TCVN3 font (``.VnTime``)
    are read as the font shows them, and said as the body's are: an error naming the
    table by default, a warning with ``--legacy-text convert``."""
    document = word_list(tmp_path / "x.docx")
    header = document.sections[0].header
    run_ = header.paragraphs[0].add_run("UBND x· NËm T¨m")  # "UBND xã Nậm Tăm" in TCVN3
    fonts = run_._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:ascii"), ".VnTime")
    fonts.set(qn("w:hAnsi"), ".VnTime")
    header.add_paragraph(SIGNED)
    path = save(document, tmp_path / "vntime.docx")
    done = run("validate", str(path))
    assert done.returncode == 2 and "legacy TCVN3 encoding" in done.stderr, done.stderr
    roster = read_roster(path, legacy="convert")
    assert roster.cadres["full_name"].tolist() == NAMES
    assert (roster.list_date, roster.communes) == (dt.date(2026, 1, 5), ["Xã Nậm Tăm"])
    assert [p.key for p in roster.problems] == ["legacy_sheet_converted", "commune_from_title"]


# ------------------------------------------------------------------ text boxes


def test_a_text_box_is_read_once_with_the_lines_above_the_list(tmp_path: Path) -> None:
    """Before: a text box's text was neither read nor listed: the issuing body typed in
    one gave no commune, and a day typed in one no day (the list was refused). Word keeps
    a box twice (a shape and its VML fallback); python-docx's ``paragraph.text`` holds
    neither copy, and the reader reads the box once, after its paragraph."""
    document = docx.Document()
    anchor = document.add_paragraph()
    anchor._p.append(shape_box(["ỦY BAN NHÂN DÂN XÃ SÌ LỞ LẦU", "Số: 12/DS-UBND"]))
    document.add_paragraph(TITLE)._p.append(vml_box(["(tính đến ngày 30/11/2025)"]))
    add_list(document, [HEAD, *PEOPLE])
    assert [p.text for p in document.paragraphs] == ["", TITLE]  # python-docx: no box
    path = save(document, tmp_path / "hop-chu.docx")
    (grid,), problems = docx_grids(path)
    assert problems == []
    assert grid.cells[0].tolist()[: grid.top] == [
        "ỦY BAN NHÂN DÂN XÃ SÌ LỞ LẦU",
        "Số: 12/DS-UBND",
        TITLE,
        "(tính đến ngày 30/11/2025)",
    ]
    roster, names = read(path)
    assert names == NAMES
    assert (roster.list_date, roster.communes) == (dt.date(2025, 11, 30), ["Xã Sì Lở Lầu"])
    assert said(roster.problems) == [commune_said("hop-chu.docx", "Xã Sì Lở Lầu")]
    assert evaluated(path)["as_of"] == "2025-11-30"


def test_a_text_box_in_the_tables_cells_is_no_person(tmp_path: Path) -> None:
    """Before: a text box in a cell of the list's table was dropped without a word. Its
    text is no cell's: a name typed in a box over a blank row is no person (and no row
    with data and no name), a box over a person's cell changes none of the person's
    values; both are read as lines above the table (the issuing body in one names the
    commune)."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("(tính đến ngày 31/12/2025)")
    table = add_list(document, [HEAD, AN, BINH, [""] * len(HEAD), CHU])
    table.cell(0, 0).paragraphs[0]._p.append(vml_box(["UBND XÃ PHÌN HỒ"]))
    table.cell(3, 1).paragraphs[0]._p.append(vml_box(["Lò Văn Hộp"]))
    table.cell(2, 5).paragraphs[0]._p.append(shape_box(["Thạc sĩ"]))
    path = save(document, tmp_path / "hop-trong-bang.docx")
    roster, names = read(path)
    assert names == NAMES
    assert (roster.list_date, roster.communes) == (dt.date(2025, 12, 31), ["Xã Phìn Hồ"])
    levels = roster.degrees.merge(roster.cadres, on="cadre_id").set_index("full_name")["level"]
    assert levels["Tao Thị Bình"] == "dai_hoc"
    assert said(roster.problems) == [commune_said("hop-trong-bang.docx", "Xã Phìn Hồ")]
    (grid,), _ = docx_grids(path)
    assert grid.cells[0].tolist()[: grid.top] == [
        TITLE, "(tính đến ngày 31/12/2025)", "UBND XÃ PHÌN HỒ", "Thạc sĩ", "Lò Văn Hộp"
    ]  # fmt: skip
    done = run("validate", str(path))
    assert done.returncode == 0 and "Lò Văn Hộp" not in done.stdout, done.stdout


def test_a_personal_record_reads_no_text_box(tmp_path: Path) -> None:
    """Not changed: a personal record is read from its own paragraphs and tables only,
    as before; the text boxes now read around a list (the photo's "Ảnh 4x6") add no line
    to a record's fields."""
    document = docx.Document()
    for line in (
        "UBND XÃ TẢ LÈNG",
        "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC",
        "1) Họ và tên khai sinh (viết chữ in hoa): LÒ VĂN AN",
        "2) Số hiệu cán bộ, công chức: TL-001",
        "3) Sinh ngày: 12 tháng 5 năm 1980, Giới tính (nam, nữ): Nam",
        "Tả Lèng, ngày 15 tháng 01 năm 2026",
    ):
        document.add_paragraph(line)
    document.paragraphs[2]._p.append(vml_box(["Ảnh 4x6"]))
    path = save(document, tmp_path / "ly-lich.docx")
    roster = read_roster(path)
    assert roster.cadres[["cadre_id", "full_name"]].values.tolist() == [["TL-001", "Lò Văn An"]]
    assert roster.list_date == dt.date(2026, 1, 15)


# ------------------------------------------------------------------ page footers


def test_the_signing_line_in_the_page_footer_is_the_day(tmp_path: Path) -> None:
    """Before: the page footer was not read, and a list signed only there was refused
    for want of a day. A footer holding only a page number is not read at all."""
    document = word_list(tmp_path / "x.docx", above=["UBND XÃ NẬM TĂM", TITLE])
    footer = document.sections[0].footer
    footer.paragraphs[0].text = SIGNED
    footer.add_paragraph("CHỦ TỊCH")
    path = save(document, tmp_path / "chan-trang.docx")
    roster, names = read(path)
    assert names == NAMES and roster.list_date == dt.date(2026, 1, 5)
    assert said(roster.problems) == [commune_said("chan-trang.docx", "Xã Nậm Tăm")]
    (grid,), _ = docx_grids(path)
    assert grid.cells[0].tolist()[grid.end :] == [SIGNED, "CHỦ TỊCH"]
    assert evaluated(path)["as_of"] == "2026-01-05"

    document = word_list(tmp_path / "x.docx", above=["UBND XÃ NẬM TĂM", TITLE],
                         below=[SIGNED])  # fmt: skip
    document.sections[0].footer.paragraphs[0].text = "Trang 1"
    path = save(document, tmp_path / "so-trang.docx")
    (grid,), problems = docx_grids(path)
    assert grid.cells[0].tolist()[grid.end :] == [SIGNED] and problems == []


# ------------------------------------------------------------------ the signing line


def sheet(path: Path, rows: Sequence[Sequence[Any]], names: Sequence[str] = ("Danh sách",)) -> Path:
    """A workbook of one sheet per name, each holding ``rows`` from A1 (a list of lists of
    rows per sheet when several are named; ``None``: a blank cell)."""
    wb = openpyxl.Workbook()
    sheets = [rows] if len(names) == 1 else rows
    for n, (name, grid) in enumerate(zip(names, sheets, strict=True)):
        ws = wb.active if n == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = name
        for i, row in enumerate(grid, 1):
            for j, value in enumerate(row, 1):
                if value is not None:
                    ws.cell(i, j, value)
    wb.save(path)
    return path


def test_the_signing_line_under_a_sheets_list_is_its_day(tmp_path: Path) -> None:
    """Before: the day the list was signed, under it ("Nậm Tăm, ngày 05 tháng 01 năm
    2026" over "CHỦ TỊCH"), was not read: a list naming no day above its header was
    refused ("the list's date is unknown"). The signature rows are still no one."""
    below = [[None] * 4 + [line] for line in (SIGNED, "CHỦ TỊCH", "Lò Văn An")]
    rows: list[Sequence[Any]] = [["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"], [TITLE], HEAD, *PEOPLE, *below]
    path = sheet(tmp_path / "ky-duoi.xlsx", rows)
    roster, names = read(path)
    assert names == NAMES and roster.list_date == dt.date(2026, 1, 5)
    assert said(roster.problems) == [commune_said("ky-duoi.xlsx", "Xã Nậm Tăm")]
    assert roster.cadres["cadre_id"].tolist() == ["DS0004", "DS0005", "DS0006"]
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert evaluated(path)["as_of"] == "2026-01-05"


def test_the_signing_line_under_a_word_table_is_its_day(tmp_path: Path) -> None:
    """Before: the lines under a Word table were no one, and no day either: a list
    signed under its table was refused for want of a day."""
    document = word_list(tmp_path / "x.docx", above=["UBND XÃ NẬM TĂM", TITLE],
                         below=[SIGNED, "CHỦ TỊCH", "Lò Văn An"])  # fmt: skip
    path = save(document, tmp_path / "ky-duoi.docx")
    roster, names = read(path)
    assert names == NAMES and roster.list_date == dt.date(2026, 1, 5)
    assert said(roster.problems) == [commune_said("ky-duoi.docx", "Xã Nậm Tăm")]
    assert evaluated(path)["as_of"] == "2026-01-05"


def test_a_day_above_the_list_wins_over_the_signing_line_under_it(tmp_path: Path) -> None:
    """The day a list is as of, the period it covers and the day it was signed above it
    come first, as before: the signing line under it is taken only when none is named."""
    for title, day in (
        ("(tính đến ngày 31/12/2025)", dt.date(2025, 12, 31)),
        ("Tháng 11/2025", dt.date(2025, 11, 30)),
        ("Nậm Tăm, ngày 20 tháng 12 năm 2025", dt.date(2025, 12, 20)),
    ):
        rows: list[Sequence[Any]] = [[TITLE], [title], HEAD, *PEOPLE, [None] * 4 + [SIGNED]]
        roster = read_roster(sheet(tmp_path / "tren.xlsx", rows))
        assert roster.list_date == day, title
        assert roster.cadres["full_name"].tolist() == NAMES


def test_a_persons_note_naming_a_day_is_never_the_lists_day(tmp_path: Path) -> None:
    """A day in a person's note ("Bổ nhiệm ngày 15 tháng 7 năm 2025" under "Ghi chú") is
    no signing line: the list signed nowhere is still refused for want of a day, and the
    person is read."""
    head = [*HEAD, "Ghi chú"]
    noted = [*BINH, "Bổ nhiệm ngày 15 tháng 7 năm 2025"]
    rows: list[Sequence[Any]] = [[TITLE], head, [*AN, None], noted, [*CHU, None]]
    path = sheet(tmp_path / "ghi-chu.xlsx", rows)
    done = run("validate", str(path))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "the list's date is unknown" in done.stderr and "Traceback" not in done.stderr
    roster = read_roster(path, list_date=dt.date(2025, 12, 31))
    assert roster.cadres["full_name"].tolist() == NAMES


# ------------------------------------------------------------------ ids of a second table


def ids_by_name(document: dict[str, Any]) -> dict[str, str]:
    """Each cadre's id, by name, from the findings of ``cadre evaluate``'s JSON."""
    return {
        f["subject_name"]: f["subject"]
        for c in document["communes"]
        for f in c["findings"]
        if f["subject_kind"] == "cadre"
    }


def test_the_second_word_tables_people_are_numbered_on(tmp_path: Path) -> None:
    """Before: the people of a Word document's second table were ``DS1000002`` (the row
    numbers carried the table's offset); a workbook's second sheet alike. Now a second
    table's or sheet's rows are counted on from the last person row of the one before,
    as if the two were one table: the ids of a one-table list are as they were."""
    document = docx.Document()
    for line in ("UBND XÃ NẬM TĂM", TITLE, "(tính đến ngày 31/12/2025)", "I. Khối Đảng"):
        document.add_paragraph(line)
    add_list(document, [HEAD, AN, BINH])
    document.add_paragraph("II. Khối chính quyền")
    add_list(document, [HEAD, ["1", *CHU[1:]], ["2", *DUNG[1:]], ["3", *EM[1:]]])
    path = save(document, tmp_path / "hai-bang.docx")
    roster, names = read(path)
    ids = dict(zip(names, roster.cadres["cadre_id"], strict=True))
    assert ids == {
        "Lò Văn An": "DS0002", "Tao Thị Bình": "DS0003",  # Bảng 1, rows 2 and 3
        "Vàng A Chứ": "DS0005", "Quàng Thị Dung": "DS0006", "Lò Văn Em": "DS0007",
    }  # fmt: skip
    bad = [p for p in roster.problems if p.row is not None]
    assert bad == []
    # the same people without birth dates: each named by the finding national.age_unknown
    # through the command, with the same ids
    document = docx.Document()
    for line in ("UBND XÃ NẬM TĂM", TITLE, "(tính đến ngày 31/12/2025)"):
        document.add_paragraph(line)
    keep = [0, 1, 3, 4, 5]  # no birth date
    add_list(document, [[r[i] for i in keep] for r in (HEAD, AN, BINH)])
    add_list(document, [[r[i] for i in keep] for r in (HEAD, CHU, DUNG, EM)])
    path = save(document, tmp_path / "khong-ngay-sinh.docx")
    assert ids_by_name(evaluated(path, "--skip-invalid")) == ids

    # a workbook of two sheets: the same rule (sheet 1's people on rows 4, 5)
    first = [["UBND XÃ NẬM TĂM"], ["DANH SÁCH (tính đến ngày 31/12/2025)"], HEAD, AN, BINH]
    second = [HEAD, CHU, DUNG, EM]
    path = sheet(tmp_path / "hai-trang.xlsx", [first, second], names=("Khối Đảng", "Khối CQ"))
    roster, names = read(path)
    assert dict(zip(names, roster.cadres["cadre_id"], strict=True)) == {
        "Lò Văn An": "DS0004", "Tao Thị Bình": "DS0005",
        "Vàng A Chứ": "DS0007", "Quàng Thị Dung": "DS0008", "Lò Văn Em": "DS0009",
    }  # fmt: skip
    # a problem still names the sheet and the row the user sees
    second[2] = [*DUNG[:2], "31/02/1995", *DUNG[3:]]
    path = sheet(tmp_path / "loi.xlsx", [first, second], names=("Khối Đảng", "Khối CQ"))
    done = run("validate", str(path))
    assert done.returncode == 2
    assert "loi.xlsx, sheet 'Khối CQ'\tcadres\t3\tNgày sinh (column C)\t'31/02/1995'" in done.stderr


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(1, 5000), min_size=1, max_size=30, unique=True).map(sorted),
        min_size=1,
        max_size=6,
    ),
    st.lists(st.integers(0, 3), min_size=6, max_size=6),
)
def test_running_rows_are_unique_in_order_and_keep_a_first_sheet(
    sheets: list[list[int]], gaps: list[int]
) -> None:
    """The numbers made ids are of: a first sheet's rows as they are, every number
    distinct and rising through the sheets in their order, whatever sheets hold no list
    between them (``gaps``)."""
    numbers = [sum(gaps[: n + 1]) + n for n in range(len(sheets))]
    encoded = pd.Series(
        [number * ROW_BASE + r for number, rows in zip(numbers, sheets, strict=False)
         for r in rows], dtype="int64"
    )  # fmt: skip
    made = running_rows(encoded).tolist()
    assert made[: len(sheets[0])] == sheets[0]
    assert all(a < b for a, b in itertools.pairwise(made))
    # a sheet's own rows keep their distances: the row the user sees, shifted
    at = 0
    for rows in sheets:
        part = made[at : at + len(rows)]
        assert [m - part[0] for m in part] == [r - rows[0] for r in rows]
        at += len(rows)
