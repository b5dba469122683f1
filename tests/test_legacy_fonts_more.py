"""Legacy fonts told by the fonts a file names: TCVN3 capitals' fonts (``.VnTimeH``) read
in capitals, Word runs decoded only where their font is a legacy one, abbreviations such
as "H§ND" in a column of TCVN3 titles, and one rule for the capitals TCVN3 cannot type."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import Font
from test_vntext import encode_tcvn3

from cadre_core import read_roster
from cadre_core.roster._grid import Grid, unicode_grid
from cadre_core.roster._sheets import read_sheets
from cadre_core.vocab._vntext import (
    convert_tcvn3,
    fix_legacy_text,
    legacy_font,
    legacy_mapping,
    shown_in_capitals,
)

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
PEOPLE = [
    ("Nguyễn Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy", "Đại học Luật"),
    ("Lò Thị Bình", "05/11/1982", "Nữ", "Chủ tịch UBND xã", "Đại học Kinh tế"),
    ("Vàng A Dế", "15/06/1985", "Nam", "Chủ tịch HĐND xã", "Cao đẳng"),
    ("Lê Thị Ánh", "30/09/1993", "Nữ", "Phó Chủ tịch UBND xã", "Trung cấp"),
]
TITLE = "DANH SÁCH CÁN BỘ, CÔNG CHỨC (tính đến ngày 31/12/2025)"


def _h(text: str) -> str:
    """What a clerk types in ``.VnTimeH``: the small letters' codes, shown in capitals."""
    return encode_tcvn3(text.lower())


def _names(path: Path) -> list[str]:
    roster = read_roster(path, legacy="convert", list_date=dt.date(2025, 12, 31))
    return roster.tables["cadres"]["full_name"].tolist()


def _titles(path: Path) -> list[str]:
    roster = read_roster(path, legacy="convert", list_date=dt.date(2025, 12, 31))
    return roster.tables["positions"]["title"].tolist()


@pytest.mark.parametrize(
    ("font", "expected"),
    [(".VnTimeH", ("tcvn3", True)), (".VnArialH", ("tcvn3", True)),
     (".VnAvantH", ("tcvn3", True)), (".VnHelvetInsH", ("tcvn3", True)),
     (".VnCentury SchoolbookH", ("tcvn3", True)), (".VnTime", ("tcvn3", False)),
     ("VNI-Times", ("vni", False)), ("Times New Roman", None), (None, None)],
)  # fmt: skip
def test_legacy_font_names(font: str | None, expected: object) -> None:
    assert legacy_font(font) == expected


def test_capitals_font_text_converts_to_capitals() -> None:
    for text in ("Nguyễn Văn An", "Ủy ban nhân dân", "Xã Khun Há", "Lê Thị Ánh"):
        assert convert_tcvn3(shown_in_capitals(_h(text))) == text.upper()
    assert shown_in_capitals("Lê Thị") == "Lê Thị"  # Unicode is never touched


def _xlsx_names_in_capitals_font(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    ws["A1"] = TITLE
    for j, h in enumerate(HEADER, 1):
        ws.cell(3, j, h)
    for i, (name, birth, gender, title, edu) in enumerate(PEOPLE, 1):
        ws.cell(3 + i, 1, i)
        ws.cell(3 + i, 2, _h(name)).font = Font(name=".VnTimeH")
        ws.cell(3 + i, 3, birth)
        ws.cell(3 + i, 4, gender)
        ws.cell(3 + i, 5, encode_tcvn3(title)).font = Font(name=".VnTime")
        ws.cell(3 + i, 6, encode_tcvn3(edu)).font = Font(name=".VnTime")
    wb.save(path)
    return path


def test_xlsx_capitals_font_column_reads_in_capitals(tmp_path: Path) -> None:
    """Issue: a names column in ``.VnTimeH`` read in small letters ("nguyễn văn an")."""
    path = _xlsx_names_in_capitals_font(tmp_path / "ds.xlsx")
    sheets, _ = read_sheets(path)
    assert sheets["DS"].iat[3, 1] == "NGUYÔN V¡N AN"  # as the font shows it
    # read in capitals, then written as a name, as a list typed in capitals is: "Nguyễn
    # Văn An" (in small letters it would stay "nguyễn văn an")
    assert _names(path) == [p[0] for p in PEOPLE]


def test_xlsx_sheet_with_capitals_font_title_and_header(tmp_path: Path) -> None:
    """A sheet typed wholly in TCVN3, its title and header in ``.VnTimeH``: the commune
    of the title is read with its capitals ("Xã Khun Há", not "Xã khun há")."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    caps, small = Font(name=".VnTimeH"), Font(name=".VnTime")
    ws["A1"] = _h("Ủy ban nhân dân xã Khun Há")
    ws["A1"].font = caps
    ws["A2"] = _h("Danh sách cán bộ, công chức xã")
    ws["A2"].font = caps
    ws["A3"] = encode_tcvn3("(Tính đến ngày 31/12/2025)")
    ws["A3"].font = small
    for j, h in enumerate(HEADER, 1):
        ws.cell(5, j, _h(h)).font = caps
    for i, person in enumerate(PEOPLE, 1):
        ws.cell(5 + i, 1, i)
        for j, v in enumerate(person, 2):
            ws.cell(5 + i, j, encode_tcvn3(v)).font = small
    wb.save(tmp_path / "ds.xlsx")
    roster = read_roster(tmp_path / "ds.xlsx", legacy="convert")
    assert roster.tables["cadres"]["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert roster.tables["agencies"]["commune"].tolist() == ["Xã Khun Há"]


def test_column_of_titles_with_an_abbreviation_converts_whole(tmp_path: Path) -> None:
    """Issue: "Chñ tÞch H§ND x·" left unconverted in a column under a Unicode header
    ("HĐND" is no syllable), its category left blank."""
    path = _xlsx_names_in_capitals_font(tmp_path / "ds.xlsx")
    assert _titles(path) == [p[3] for p in PEOPLE]
    column = pd.Series(["Chức vụ"] + [encode_tcvn3(p[3]) for p in PEOPLE])
    fixed, encoding = fix_legacy_text(column)
    assert encoding == "tcvn3"
    assert fixed.tolist() == ["Chức vụ"] + [p[3] for p in PEOPLE]


def test_column_and_sheet_read_capitals_alike() -> None:
    """Issue: "Lª ThÞ ¸nh" read "Lê Thị ánh" in a column, "Lê Thị Ánh" in a sheet."""
    names = [encode_tcvn3(p[0]) for p in PEOPLE]
    assert "Lª ThÞ ¸nh" in names
    column, _ = fix_legacy_text(pd.Series(["Họ và tên", *names]))
    assert column.tolist()[1:] == [p[0] for p in PEOPLE]
    mapping, _ = legacy_mapping(names)
    assert mapping["Lª ThÞ ¸nh"] == "Lê Thị Ánh"
    cells = pd.DataFrame([[encode_tcvn3("Họ và tên")], *[[n] for n in names]])
    sheet = unicode_grid(Grid("DS", cells, [])).cells[0].tolist()
    assert sheet[1:] == column.tolist()[1:]


def _set_font(run: object, name: str) -> None:
    props = run._element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = props.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        props.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), name)


def _docx(
    path: Path, rows: list[list[list[tuple[str, str | None]]]], title: list[tuple[str, str | None]]
) -> Path:
    d = docx.Document()
    p = d.add_paragraph()
    for text, font in title:
        run = p.add_run(text)
        if font:
            _set_font(run, font)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, runs in enumerate(row):
            cell = table.cell(r, c)
            para = cell.paragraphs[0]
            for text, font in runs:
                run = para.add_run(text)
                if font:
                    _set_font(run, font)
    d.save(str(path))
    return path


def test_docx_mixed_runs_decode_only_the_legacy_font(tmp_path: Path) -> None:
    """Issue: "Lò " (Unicode) + "ThÞ B×nh" (``.VnTime``) read "Lũ Thị Bình"; and the
    word-initial toned letter of a name typed in ``.VnTime`` is a capital."""
    rows = [[[(h, None)] for h in HEADER]]
    for i, (name, birth, gender, title, edu) in enumerate(PEOPLE, 1):
        if name == "Lò Thị Bình":
            typed = [
                ("Lò ", None),
                (encode_tcvn3("Thị "), ".VnTime"),
                (encode_tcvn3("Bình"), ".VnTime"),
            ]
        else:
            typed = [(encode_tcvn3(name), ".VnTime")]
        rows.append([[(str(i), None)], typed, [(birth, None)], [(gender, None)], [(title, None)],
                     [(edu, None)]])  # fmt: skip
    path = _docx(tmp_path / "ds.docx", rows, [(TITLE, None)])
    assert _names(path) == [p[0] for p in PEOPLE]
    with pytest.raises(Exception) as refused:  # typed in a legacy font: an error by default
        read_roster(path, list_date=dt.date(2025, 12, 31))
    assert "legacy_sheet_found" in [p.key for p in refused.value.problems]  # type: ignore[attr-defined]


def test_docx_capitals_font_reads_in_capitals(tmp_path: Path) -> None:
    """Issue: names and the title typed in ``.VnTimeH`` read in small letters."""
    rows = [[[(_h(h), ".VnTimeH")] for h in HEADER]]
    for i, (name, birth, gender, title, edu) in enumerate(PEOPLE, 1):
        rows.append([[(str(i), None)], [(_h(name), ".VnTimeH")], [(birth, None)],
                     [(encode_tcvn3(gender), ".VnTime")], [(encode_tcvn3(title), ".VnTime")],
                     [(encode_tcvn3(edu), ".VnTime")]])  # fmt: skip
    title = [(_h("Đảng ủy xã Khun Há "), ".VnTimeH"), ("(tính đến ngày 31/12/2025)", None)]
    path = _docx(tmp_path / "ds.docx", rows, title)
    roster = read_roster(path, legacy="convert")
    # read in capitals, then written as a name (in small letters it would stay so)
    assert roster.tables["cadres"]["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert roster.tables["positions"]["title"].tolist() == [p[3] for p in PEOPLE]
    assert roster.tables["agencies"]["commune"].tolist() == ["Xã Khun Há"]
