"""Lists that web systems "export to Excel" without writing a workbook.

Many of them send a web page holding a table (an HTML ``<table>``, Excel's own "Web Page"
format, a browser's ``tableToExcel``), Excel 2003's XML Spreadsheet, or tab-separated text,
under the name ``danh-sach.xls``; Excel opens each after a warning, so a clerk keeps them
as they came. The pages are written here as those exports write them (Excel's namespaces
and sheet settings in a comment, ``<col>`` widths, ``mso-`` styles, a cell's line break as
``<br style='mso-data-placement:same-cell'/>``, ``&nbsp;`` in blank cells, ``colspan`` and
``rowspan``), the same commune's list as :mod:`test_docx_lists`, and each is read to the
roster its workbook gives. Commands run through the real ``cadre`` console script.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from test_docx_lists import (
    ISSUER,
    PEOPLE,
    SIGNED,
    TITLE,
    Cell,
    Merge,
    as_sheet,
    assert_same_roster,
    list_rows,
    run,
    tables,
    write_csv,
    write_xlsx,
)
from test_roster_folder_files import _cp1258

import cadre_core
from cadre_core.roster._html import html_grids
from cadre_core.roster._sheets import spreadsheetml_sheets
from cadre_core.roster._sniff import file_kind, source_of
from cadre_core.serve._inputs import save_upload

# ------------------------------------------------------------------ writing a web page

EXCEL_HEAD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">'
    '<head>{meta}<style>\n<!--table {{mso-displayed-decimal-separator:"\\.";}}\n'
    'td {{mso-number-format:"\\@"; white-space:normal;}} .xl65 {{font-weight:700;}}\n-->'
    "</style><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet>"
    "<x:Name>Danh sach</x:Name><x:WorksheetOptions><x:DisplayGridlines/></x:WorksheetOptions>"
    "</x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head>\n<body>\n"
)


def _covered(merges: Sequence[Merge]) -> set[tuple[int, int]]:
    """The cells a merged range covers besides its first, which a file leaves out."""
    return {
        (r, c)
        for r0, c0, r1, c1 in merges
        for r in range(r0, r1 + 1)
        for c in range(c0, c1 + 1)
        if (r, c) != (r0, c0)
    }


def html_table(rows: Sequence[Sequence[Cell]], merges: Sequence[Merge], *, closed: bool) -> str:
    """A table as exports write it: each merged range's first cell with its ``colspan``
    and ``rowspan``, the cells it covers left out; ``closed=False`` leaves ``</td>`` and
    ``</tr>`` out, as old server pages did."""
    first = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
    covered = _covered(merges)
    out = ['<table border=1 cellpadding=0 cellspacing=0 style="border-collapse:collapse">\n']
    out.append("".join("<col width=96>" for _ in rows[0]) + "\n")
    for r, row in enumerate(rows):
        out.append(" <tr height=20>\n")
        for c, value in enumerate(row):
            if (r, c) in covered:
                continue
            down, across = first.get((r, c), (1, 1))
            attrs = (f" rowspan={down}" if down > 1 else "") + (
                f' colspan="{across}"' if across > 1 else ""
            )
            text = (
                "&nbsp;"
                if value is None
                else "<br style='mso-data-placement:same-cell'/>\n  ".join(
                    html.escape(line) for line in value.split("\n")
                )
            )
            out.append(f"  <td class=xl65{attrs}>{text}{'</td>' if closed else ''}\n")
        out.append(" </tr>\n" if closed else "")
    out.append("</table>\n")
    return "".join(out)


def write_html(
    path: Path,
    blocks: Sequence[Any],
    *,
    encoding: str = "utf-8",
    declare: bool = True,
    closed: bool = True,
) -> None:
    """A web page of ``blocks`` (a string is a paragraph, (rows, merges) a table) as an
    export writes it, in ``encoding`` (declared in a ``<meta>`` unless ``declare`` is
    False)."""
    meta = f'<meta http-equiv=Content-Type content="text/html; charset={encoding}">'
    parts = [EXCEL_HEAD.format(meta=meta if declare else "")]
    for block in blocks:
        if isinstance(block, str):
            parts.append(f"<p class=MsoNormal>{html.escape(block)}</p>\n")
        else:
            parts.append(html_table(*block, closed=closed))
    parts.append("</body>\n</html>\n")
    text = "".join(parts)
    path.write_bytes(_cp1258(text) if encoding == "windows-1258" else text.encode(encoding))


# ------------------------------------------------------------------ an XML Spreadsheet


def _data(value: object) -> str:
    if isinstance(value, bool):
        return f'<Data ss:Type="Boolean">{int(value)}</Data>'
    if isinstance(value, int | float):
        return f'<Data ss:Type="Number">{value}</Data>'
    if isinstance(value, dt.datetime | dt.date):
        return f'<Data ss:Type="DateTime">{value:%Y-%m-%dT%H:%M:%S}.000</Data>'
    return f'<Data ss:Type="String">{html.escape(str(value))}</Data>'


def write_spreadsheetml(
    path: Path, sheets: Mapping[str, tuple[Sequence[Sequence[object]], Sequence[Merge]]]
) -> None:
    """An Excel 2003 XML Spreadsheet as Excel writes it: blank rows and cells left out and
    the next one given its ``ss:Index``, a merged range as its first cell's
    ``ss:MergeAcross`` and ``ss:MergeDown``."""
    out = [
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:html="http://www.w3.org/TR/REC-html40">\n'
        ' <Styles><Style ss:ID="Default" ss:Name="Normal"/></Styles>\n'
    ]
    for name, (grid, merges) in sheets.items():
        first = {(r0, c0): (r1 - r0, c1 - c0) for r0, c0, r1, c1 in merges}
        covered = _covered(merges)
        out.append(f' <Worksheet ss:Name="{html.escape(name)}">\n  <Table>\n')
        last_row = -1
        for r, row in enumerate(grid):
            cells = []
            last = -1
            for c, value in enumerate(row):
                if (r, c) in covered or (value is None and (r, c) not in first):
                    continue
                down, across = first.get((r, c), (0, 0))
                index = f' ss:Index="{c + 1}"' if c != last + 1 else ""
                merge = (f' ss:MergeAcross="{across}"' if across else "") + (
                    f' ss:MergeDown="{down}"' if down else ""
                )
                data = "" if value is None else _data(value)
                cells.append(f"<Cell{index}{merge}>{data}</Cell>")
                last = c + across
            if not cells:
                continue
            index = f' ss:Index="{r + 1}"' if r != last_row + 1 else ""
            out.append(f"   <Row{index}>{''.join(cells)}</Row>\n")
            last_row = r
        out.append("  </Table>\n </Worksheet>\n")
    out.append("</Workbook>\n")
    path.write_text("".join(out), encoding="utf-8")


# ------------------------------------------------------------------ the same list five ways

ABOVE = [ISSUER, *TITLE]


def _the_list(folder: Path) -> tuple[list[list[Cell]], list[Merge], Path]:
    """The commune's list as a workbook (the reference), its grid and merges."""
    rows, merges = list_rows()
    grid = as_sheet(ABOVE, rows, SIGNED)
    moved = [(r0 + len(ABOVE), c0, r1 + len(ABOVE), c1) for r0, c0, r1, c1 in merges]
    write_xlsx(folder / "book.xlsx", grid, moved)
    return grid, moved, folder / "book.xlsx"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("xuat-excel.xls", "html"),
        ("danh-sach.html", "html"),
        ("mo-the-dong.xls", "html"),
        ("bang-tinh-2003.xml", "spreadsheetml"),
        ("bang-tinh-2003.xls", "spreadsheetml"),
        ("tab.xls", "csv"),
    ],
)
def test_an_exported_list_reads_as_the_same_list_in_a_workbook(
    tmp_path: Path, name: str, kind: str
) -> None:
    grid, moved, book = _the_list(tmp_path)
    rows, merges = list_rows()
    path = tmp_path / name
    if kind == "html":
        write_html(path, [*ABOVE, (rows, merges), *SIGNED], closed=not name.startswith("mo"))
    elif kind == "spreadsheetml":
        write_spreadsheetml(path, {"Danh sách": (grid, moved)})
    else:
        text = "\n".join("\t".join("" if v is None else v for v in r) for r in grid)
        path.write_text(text.replace("Thạc sĩ\nQuản lý công", "Thạc sĩ Quản lý công"))
    assert source_of(path) == kind
    roster = cadre_core.read_roster(path)
    reference = cadre_core.read_roster(book)
    if kind == "csv":  # a line break in a tab-separated cell is not written by exports
        reference = cadre_core.read_roster(book)
        degrees = roster.degrees.set_index("cadre_id")
        assert "Quản lý công" in set(degrees["field"])
        assert len(roster.cadres) == len(PEOPLE)
        assert roster.list_date == reference.list_date
    else:
        assert_same_roster(roster, reference)
    said = [p for p in roster.problems if p.key == "read_as_kind"]
    if path.suffix == ".xls":
        (note,) = said
        assert note.severity == "warning" and note.file == name
        words = note.describe("vi")
        assert "mang đuôi .xls nhưng thực ra là" in words
        assert "spreadsheetml" not in words and "holds" not in words and "{" not in words
    else:
        assert said == []


def test_a_web_list_names_its_table_row_and_header_in_a_problem(tmp_path: Path) -> None:
    rows, merges = list_rows()
    at = next(i for i, r in enumerate(rows) if r[1] == "Tòng Văn Cường")
    rows[at][2] = "31/02/1990"
    path = tmp_path / "sai.xls"
    write_html(path, [*ABOVE, (rows, merges), *SIGNED])
    for args in (("validate",), ("evaluate", "--as-of", "31/12/2025", "--plugin", "laichau")):
        done = run(*args[:1], str(path), *args[1:])
        said = done.stdout + done.stderr
        assert done.returncode == 2 and "Traceback" not in said, said
        # header 2 rows, group, 2 people, group, him: row 7 of Bảng 1, as in the page
        assert at + 1 == 7
        assert (
            "sai.xls, Bảng 1\tcadres (Cán bộ)\t7\tNgày tháng năm sinh / Nam (cột C)\t"
            "'31/02/1990'\tmột ngày" in said
        ), said


def test_validate_and_evaluate_an_exported_list_through_the_command(tmp_path: Path) -> None:
    rows, merges = list_rows()
    path = tmp_path / "xuat.xls"
    write_html(path, [*ABOVE, (rows, merges), *SIGNED])
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "thực ra là một trang web (HTML)" in done.stdout
    done = run("evaluate", str(path), "--as-of", "31/12/2025", "--plugin", "laichau",
               "--format", "json", "--lang", "en")  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert [c["commune"] for c in doc["communes"]] == ["Xã Mường Than"]
    assert "really holds a web page (HTML)" in done.stderr


# ------------------------------------------------------------------ encodings


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1258", "utf-16"])
def test_the_pages_declared_encoding_is_read(tmp_path: Path, encoding: str) -> None:
    rows, merges = list_rows()
    path = tmp_path / "ma.xls"
    write_html(path, [*ABOVE, (rows, merges), *SIGNED], encoding=encoding)
    roster = cadre_core.read_roster(path)
    assert sorted(roster.cadres["full_name"]) == sorted(p[1] for p in PEOPLE)
    assert not [p for p in roster.problems if p.key == "page_read_as_1258"]


def test_an_undeclared_windows_1258_page_is_read_and_said(tmp_path: Path) -> None:
    rows, merges = list_rows()
    path = tmp_path / "cu.htm"
    write_html(path, [*ABOVE, (rows, merges), *SIGNED], encoding="windows-1258", declare=False)
    roster = cadre_core.read_roster(path)
    assert sorted(roster.cadres["full_name"]) == sorted(p[1] for p in PEOPLE)
    (said,) = [p for p in roster.problems if p.key == "page_read_as_1258"]
    assert said.severity == "warning" and "Windows-1258" in said.describe("vi")


# ------------------------------------------------------------------ a roster of tables


def test_a_roster_workbook_saved_as_an_xml_spreadsheet_reads_as_the_workbook(
    tmp_path: Path,
) -> None:
    book = cadre_core.sample_roster().write(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(book)
    sheets = {
        ws.title: ([list(r) for r in ws.iter_rows(values_only=True)], []) for ws in wb.worksheets
    }
    write_spreadsheetml(tmp_path / "r.xml", sheets)
    from_xml = cadre_core.read_roster(tmp_path / "r.xml")
    from_book = cadre_core.read_roster(book)
    assert from_xml.row_counts() == from_book.row_counts()
    for table, frame in from_book.tables.items():
        assert frame.equals(from_xml.tables[table]), table


# ------------------------------------------------------------------ what is refused


def test_a_page_with_no_list_says_so(tmp_path: Path) -> None:
    path = tmp_path / "trang.html"
    write_html(path, ["Thông báo", ([["Số", "Nội dung"], ["1", "Họp"]], [])])
    done = run("validate", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "không bảng nào của tài liệu chứa một danh sách người" in done.stderr


def test_a_span_of_millions_of_cells_is_refused_without_building_it(tmp_path: Path) -> None:
    path = tmp_path / "lon.xls"
    cells = "".join(f"<td rowspan=65534 colspan=1000>{i}</td>" for i in range(3))
    path.write_text(f"<table><tr><td>Họ và tên</td>{cells}</tr>" + "<tr></tr>" * 70000)
    done = run("validate", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "trang web không được đọc" in done.stderr


def test_an_xml_spreadsheet_claiming_a_huge_sheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lon.xml"
    write_spreadsheetml(path, {"DS": ([["Họ và tên"]], [])})
    text = path.read_text(encoding="utf-8").replace(
        "</Table>", '<Row ss:Index="1048576"><Cell ss:Index="16384"><Data ss:Type="String">'
        "x</Data></Cell></Row></Table>"
    )  # fmt: skip
    path.write_text(text, encoding="utf-8")
    done = run("validate", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "1,048,576 rows by 16,384 columns" in run("validate", str(path), "--lang", "en").stderr


def test_an_xml_spreadsheets_entities_are_never_expanded(tmp_path: Path) -> None:
    path = tmp_path / "bom.xml"
    laughs = "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "ha"}">' for i in range(9)
    )  # a billion "ha" if expanded
    write_spreadsheetml(path, {"DS": ([["Họ và tên"], ["&l8;"]], [])})
    text = path.read_text(encoding="utf-8").replace("&amp;l8;", "&l8;")
    path.write_text(
        text.replace('<?mso-application progid="Excel.Sheet"?>', f"<!DOCTYPE Workbook [{laughs}]>"),
        encoding="utf-8",
    )
    try:
        sheets, _ = spreadsheetml_sheets(path)
    except Exception as exc:  # refused is fine; expanded is not
        assert "l8" in str(exc) or type(exc).__name__ in ("XMLSyntaxError", "ValueError")
    else:
        assert len(str(sheets["DS"].iat[1, 0])) < 100
    done = run("validate", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_an_xls_that_is_neither_workbook_nor_page_nor_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hong.xls"
    path.write_bytes(b"\x00\x01\x02binary" * 100)
    assert file_kind(path) == "other"
    done = run("validate", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "hong.xls" in done.stderr


# ------------------------------------------------------------------ folders and uploads


def test_a_folder_of_communes_lists_reads_pages_and_xml_spreadsheets(tmp_path: Path) -> None:
    from test_docx_lists import write_list

    folder = tmp_path / "cac-xa"
    folder.mkdir()
    write_list(folder / "a.docx")
    rows, merges = list_rows()
    other = [list(r) for r in rows]
    for r in other:
        if r[1] and r[0] and r[0].isdigit():
            r[1] = f"{r[1]} B"
    title = ["ĐẢNG ỦY XÃ BẢN GIANG", *TITLE]
    write_html(folder / "b.xls", [*title, (other, merges), *SIGNED])
    grid = as_sheet(["ĐẢNG ỦY XÃ NẬM TĂM", *TITLE], rows, SIGNED)
    moved = [(r0 + 3, c0, r1 + 3, c1) for r0, c0, r1, c1 in merges]
    write_spreadsheetml(folder / "c.xml", {"DS": (grid, moved)})
    (folder / "ghi-chu.xml").write_text("<note>not a list</note>", encoding="utf-8")
    done = run("validate", str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    province = cadre_core.read_roster(folder / "b.xls")
    assert province.communes == ["Xã Bản Giang"]
    done = run("evaluate", str(folder), "--as-of", "31/12/2025", "--format", "json")
    assert done.returncode == 0, done.stderr
    communes = [c["commune"] for c in json.loads(done.stdout)["communes"]]
    assert sorted(communes) == ["Xã Bản Giang", "Xã Mường Than", "Xã Nậm Tăm"]


@pytest.mark.parametrize("filename", ["roster", "xuat.xls", "danh-sach.html"])
def test_an_uploaded_page_is_read_whatever_its_name(tmp_path: Path, filename: str) -> None:
    rows, merges = list_rows()
    page = tmp_path / "page"
    write_html(page, [*ABOVE, (rows, merges), *SIGNED])
    folder = tmp_path / "up"
    folder.mkdir()
    path, digest = save_upload(page.read_bytes(), filename, folder)
    assert path.suffix in (".xls", ".html") and digest.startswith(f"{filename}:")
    assert len(cadre_core.read_roster(path).cadres) == len(PEOPLE)


# ------------------------------------------------------------------ any grid


@settings(max_examples=40)
@given(case=tables())
def test_any_grid_written_into_a_web_table_comes_back(
    case: tuple[list[str], list[list[Cell]], list[Merge]], tmp_path_factory: Any
) -> None:
    above, rows, merges = case
    path = tmp_path_factory.mktemp("grid") / "g.xls"
    write_html(path, [*above, (rows, merges), "Người lập biểu"])
    (grid,), problems = html_grids(path)
    assert problems == []

    def shown(text: str | None) -> str | None:  # white space as a browser shows it
        if text is None:
            return None
        lines = [" ".join(line.split()) for line in text.split("\n")]
        return "\n".join(line for line in lines if line) or None

    top = len(above)
    assert (grid.top, grid.end) == (top, top + len(rows))
    cells = grid.cells.astype(object).where(grid.cells.notna(), None)
    assert cells.iloc[:top, 0].tolist() == [shown(line) for line in above]
    assert cells.iloc[top : top + len(rows)].to_numpy().tolist() == [
        [shown(v) for v in row] for row in rows
    ]
    assert cells.iloc[top + len(rows) :, 0].tolist() == ["Người lập biểu"]
    assert grid.merged == sorted((r0 + top, c0, r1 + top, c1) for r0, c0, r1, c1 in merges)


@settings(max_examples=30)
@given(case=tables())
def test_any_grid_written_into_an_xml_spreadsheet_comes_back(
    case: tuple[list[str], list[list[Cell]], list[Merge]], tmp_path_factory: Any
) -> None:
    above, rows, merges = case
    grid = as_sheet(above, rows, [])
    top = len(above)
    moved = [(r0 + top, c0, r1 + top, c1) for r0, c0, r1, c1 in merges]
    path = tmp_path_factory.mktemp("grid") / "g.xml"
    write_spreadsheetml(path, {"Trang 1": (grid, moved)})
    sheets, merged = spreadsheetml_sheets(path)
    cells = sheets["Trang 1"].astype(object)
    cells = cells.where(cells.notna(), None).to_numpy().tolist()
    width = len(grid[0])
    # Excel leaves out trailing blank rows and columns, and so does the grid read back
    expected = [list(r) + [None] * (width - len(r)) for r in grid]
    assert [r + [None] * (width - len(r)) for r in cells] == expected[: len(cells)]
    assert all(all(v is None for v in r) for r in expected[len(cells) :])
    assert merged["Trang 1"] == sorted(moved)


def test_reading_pages_and_xml_imports_lxml_only_when_one_is_read() -> None:
    import subprocess
    import sys

    code = "import sys, cadre_core; cadre_core.sample_roster(); print('lxml.html' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_a_csv_of_the_same_list_is_unchanged(tmp_path: Path) -> None:
    grid, _, book = _the_list(tmp_path)
    write_csv(tmp_path / "l.csv", grid)
    assert source_of(tmp_path / "l.csv") == "csv"
    assert_same_roster(cadre_core.read_roster(tmp_path / "l.csv"), cadre_core.read_roster(book))


def test_a_workbook_or_a_page_saved_as_csv_is_read_as_what_it_holds(tmp_path: Path) -> None:
    *_, book = _the_list(tmp_path)
    rows, merges = list_rows()
    as_csv = tmp_path / "so-tinh.csv"
    as_csv.write_bytes(book.read_bytes())
    page = tmp_path / "trang.csv"
    write_html(page, [*ABOVE, (rows, merges), *SIGNED])
    reference = cadre_core.read_roster(book)
    for path, holds in ((as_csv, "một sổ tính"), (page, "một trang web (HTML)")):
        roster = cadre_core.read_roster(path)
        assert_same_roster(roster, reference)
        (note,) = [p for p in roster.problems if p.key == "read_as_kind"]
        assert f"mang đuôi .csv nhưng thực ra là {holds}" in note.describe("vi")
    done = run("validate", str(as_csv))
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_csv_cell_mentioning_a_tag_leaves_the_csv_a_csv(tmp_path: Path) -> None:
    grid, *_ = _the_list(tmp_path)
    grid[-1][0] = "Ghi chú: bảng <table> của trang web cũ không dùng nữa"
    path = tmp_path / "ghi-chu.csv"
    write_csv(path, grid)
    assert source_of(path) == "csv"
    roster = cadre_core.read_roster(path)
    assert len(roster.cadres) == len(PEOPLE)
    assert not [p for p in roster.problems if p.key == "read_as_kind"]


def test_a_list_in_a_layout_tables_cell_is_read(tmp_path: Path) -> None:
    """Old server pages lay the page out in tables: the list's table in a cell of one."""
    rows, merges = list_rows()
    inner = html_table(rows, merges, closed=True)
    title = "".join(f"<p>{html.escape(line)}</p>" for line in ABOVE)
    signed = "".join(f"<div>{html.escape(line)}</div>" for line in SIGNED)
    path = tmp_path / "bo-cuc.xls"
    path.write_text(
        "<html><body><table width='100%'><tr><td><img src='logo.gif'></td>"
        f"<td>Trang chủ | Đăng xuất</td></tr><tr><td colspan=2>{title}{inner}{signed}</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    (grid,), problems = html_grids(path)
    assert problems == [] and grid.name == "Bảng 1"
    assert grid.cells.iloc[grid.top - len(ABOVE) : grid.top, 0].tolist() == ABOVE
    assert grid.cells.iloc[grid.end :, 0].tolist() == list(SIGNED)
    roster = cadre_core.read_roster(path)
    assert sorted(roster.cadres["full_name"]) == sorted(p[1] for p in PEOPLE)
    assert roster.list_date == dt.date(2025, 10, 31) and roster.communes == ["Xã Mường Than"]
