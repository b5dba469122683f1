"""A workbook of several sheets saved by Excel as a web page: "Save as > Web Page" (a page
``Book.htm`` and a folder ``Book_files/`` holding a page per sheet) and "Single File Web
Page" (``Book.mht``: the same pages as parts of one MIME message).

The page a clerk opens is a frameset: it holds no table, and names each sheet and the
page that holds it in the comment Excel keeps its settings in. Each sheet's page is read
as a web page is, its list named by the sheet; the commune's list reads to the roster the
same workbook gives. Commands run through the real ``cadre`` console script.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_docx_lists import CADRE, PEOPLE, SIGNED, assert_same_roster, list_rows, run
from test_mhtml_lists import BOUNDARY, _part
from test_web_lists import ABOVE, _the_list, write_html

import cadre_core
from cadre_core.roster._html import html_grids, worksheet_sources
from cadre_core.roster._mhtml import mhtml_grids

SHEETS = ("Danh sách", "Ghi chú")


def frameset(stem: str, sheets: Sequence[str], *, encoding: str = "utf-8") -> bytes:
    """The page Excel writes for a workbook of ``sheets``: its settings naming each sheet
    and its page (``<stem>_files/sheet00N.htm``), and the frames showing them."""
    worksheets = "".join(
        f"<x:ExcelWorksheet>\n <x:Name>{html.escape(name)}</x:Name>\n"
        f' <x:WorksheetSource HRef="{stem}_files/sheet{i:03d}.htm"/>\n</x:ExcelWorksheet>\n'
        for i, name in enumerate(sheets, start=1)
    )
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head>\n'
        '<meta name="Excel Workbook Frameset">\n'
        f'<meta http-equiv=Content-Type content="text/html; charset={encoding}">\n'
        f'<link rel=File-List href="{stem}_files/filelist.xml">\n'
        "<!--[if gte mso 9]><xml>\n<x:ExcelWorkbook>\n<x:ExcelWorksheets>\n"
        f"{worksheets}</x:ExcelWorksheets>\n"
        f'<x:Stylesheet HRef="{stem}_files/stylesheet.css"/>\n'
        "<x:WindowHeight>8700</x:WindowHeight>\n</x:ExcelWorkbook>\n</xml><![endif]-->\n"
        '</head>\n<frameset rows="*,39" border=0 width=0 frameborder=no framespacing=0>\n'
        f' <frame src="{stem}_files/sheet001.htm" name="frSheet">\n'
        f' <frame src="{stem}_files/tabstrip.htm" name="frTabs" marginwidth=0 marginheight=0>\n'
        " <noframes><body><p>This page uses frames, but your browser doesn't support them."
        "</p></body></noframes>\n</frameset>\n</html>\n"
    )
    return page.encode(encoding, errors="xmlcharrefreplace")


def sheet_pages(folder: Path) -> list[bytes]:
    """The pages of the two sheets: the commune's list, then a note with a small table."""
    rows, merges = list_rows()
    first = folder / "first.htm"
    write_html(first, [*ABOVE, (rows, merges), *SIGNED])
    note = folder / "note.htm"
    write_html(note, ["Ghi chú", ([["Mục", "Nội dung"], ["1", "Danh sách gửi huyện"]], [])])
    return [first.read_bytes(), note.read_bytes()]


def save_as_web_page(folder: Path, pages: Sequence[bytes], stem: str = "Book") -> Path:
    """``<stem>.htm`` and ``<stem>_files/`` as Excel's "Save as > Web Page" writes them."""
    files = folder / f"{stem}_files"
    files.mkdir(parents=True)
    for i, page in enumerate(pages, start=1):
        (files / f"sheet{i:03d}.htm").write_bytes(page)
    (files / "tabstrip.htm").write_text("<html><body><a href=sheet001.htm>1</a></body></html>")
    main = folder / f"{stem}.htm"
    main.write_bytes(frameset(stem, SHEETS[: len(pages)]))
    return main


def save_as_single_file(path: Path, pages: Sequence[bytes], *, missing: int | None = None) -> Path:
    """``Book.mht`` as Excel's "Single File Web Page" writes it: the frameset first, then a
    part per sheet (``missing``: that sheet's part left out), located under the folder
    Excel writes the pages into."""
    root = "file:///C:/D7A1E3F0"
    parts = [_part(frameset("Book", SHEETS), 'text/html; charset="utf-8"', "quoted-printable",
                   [f"Content-Location: {root}/Book.htm"])]  # fmt: skip
    for i, page in enumerate(pages, start=1):
        if i != missing:
            where = [f"Content-Location: {root}/Book_files/sheet{i:03d}.htm"]
            parts.append(_part(page, 'text/html; charset="utf-8"', "quoted-printable", where))
    head = (
        "MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\n"
        f'Content-Type: multipart/related; boundary="{BOUNDARY}"\r\n\r\n'
    )
    out = head.encode() + b"This document is a Single File Web Page.\r\n"
    for part in parts:
        out += f"\r\n--{BOUNDARY}\r\n".encode() + part
    path.write_bytes(out + f"\r\n--{BOUNDARY}--\r\n".encode())
    return path


def test_the_sheets_a_frameset_names_are_found_in_order(tmp_path: Path) -> None:
    page = frameset("Danh sách cán bộ", ["Tổng hợp", "Xã Mường Than"], encoding="us-ascii")
    assert worksheet_sources(page) == [
        ("Tổng hợp", "Danh sách cán bộ_files/sheet001.htm"),
        ("Xã Mường Than", "Danh sách cán bộ_files/sheet002.htm"),
    ]


@pytest.mark.parametrize("single", [False, True])
def test_a_workbook_saved_as_a_web_page_reads_as_the_workbook(tmp_path: Path, single: bool) -> None:
    """As a page and its folder (read with the page reader) or as one single-file page
    (read with the MHTML reader): the commune's list named by its sheet, the note's
    table said to be no list, on its sheet; the roster the workbook gives."""
    _, _, book = _the_list(tmp_path)
    pages = sheet_pages(tmp_path)
    if single:
        path = save_as_single_file(tmp_path / "Book.mht", pages)
        grids, said = mhtml_grids(path)
    else:
        path = save_as_web_page(tmp_path / "web", pages)
        grids, said = html_grids(path)
    assert [g.name for g in grids] == ["Danh sách"]
    assert {(p.key, p.table) for p in said} == {("no_list_header_in_table", "Ghi chú, Bảng 1")}
    assert_same_roster(cadre_core.read_roster(path), cadre_core.read_roster(book))
    done = run("validate", str(path))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def test_a_sheet_the_file_lacks_is_said_and_the_others_are_read(tmp_path: Path) -> None:
    _, _, book = _the_list(tmp_path)
    path = save_as_single_file(tmp_path / "Book.mht", sheet_pages(tmp_path), missing=2)
    roster = cadre_core.read_roster(path)
    assert_same_roster(roster, cadre_core.read_roster(book))
    (note,) = [p for p in roster.problems if p.key == "web_sheet_missing"]
    assert note.severity == "warning"
    assert "Ghi chú" in note.describe("vi") and "sheet002.htm" in note.describe("vi")


def test_a_page_whose_sheets_were_not_kept_is_exit_2_with_a_sentence(tmp_path: Path) -> None:
    main = save_as_web_page(tmp_path / "web", sheet_pages(tmp_path))
    for page in (main.parent / "Book_files").iterdir():
        page.unlink()
    done = run("validate", str(main))
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in said, said
    assert "Danh sách" in said and "Book.htm" in said


def test_a_link_out_of_the_pages_folder_is_never_followed(tmp_path: Path) -> None:
    """A frameset naming a page outside its folder (``../``) reads nothing there."""
    secret = tmp_path / "secret.htm"
    rows, merges = list_rows()
    write_html(secret, [*ABOVE, (rows, merges), *SIGNED])
    folder = tmp_path / "web"
    folder.mkdir()
    main = folder / "Book.htm"
    main.write_bytes(frameset("Book", ["Danh sách"]).replace(b"Book_files/sheet001", b"../secret"))
    grids, said = html_grids(main)
    assert grids == [] and [p.key for p in said] == ["web_sheet_missing", "no_list_table"]


@settings(max_examples=25, deadline=None)
@given(names=st.lists(st.text(st.sampled_from("aăâbcdđêghklmnoôơưxyÀÁẢỜ019 &<>'\""),
                              min_size=1, max_size=12).map(str.strip).filter(bool),
                      min_size=1, max_size=4, unique=True))  # fmt: skip
def test_any_sheet_names_come_back_in_order(names: list[str]) -> None:
    page = frameset("Book", names)
    assert worksheet_sources(page) == [
        (name, f"Book_files/sheet{i:03d}.htm") for i, name in enumerate(names, start=1)
    ]


@pytest.mark.parametrize("single", [True, False])
def test_pseudonymized_outputs_of_an_excel_web_workbook_hold_no_name(
    tmp_path: Path, single: bool
) -> None:
    from test_privacy import _leaks, _run

    pages = sheet_pages(tmp_path)
    path = (
        save_as_single_file(tmp_path / "Book.mht", pages)
        if single
        else save_as_web_page(tmp_path / "web", pages)
    )
    names = [str(p[1]) for p in PEOPLE]
    exe = Path(CADRE)
    args = ["evaluate", str(path), "--as-of", "2025-12-31", "--plugin", "laichau"]
    out = tmp_path / "plain.json"
    plain = _run(exe, *args, "--format", "json", "--output", str(out))
    assert plain.returncode == 0, plain.stderr
    assert _leaks(out.read_text(encoding="utf-8"), names), "no name in the plain output"
    out = tmp_path / "an.json"
    hidden = _run(exe, *args, "--format", "json", "--output", str(out), "--pseudonymize")
    assert hidden.returncode == 0, hidden.stderr
    assert not _leaks(out.read_text(encoding="utf-8") + hidden.stdout + hidden.stderr, names)
