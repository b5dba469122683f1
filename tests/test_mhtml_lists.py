"""Lists kept as a "Single File Web Page" (MHTML: ``.mht``, ``.mhtml``).

Excel's and Word's "Save as Web Page, single file", a browser's "Web page, single file",
and some systems' "export to Excel" write the page and its files as one MIME message,
also under the name ``danh-sach.xls`` or ``.doc``. The messages are written here as Excel
writes them (``X-Document-Type: Workbook``, the note to old browsers before the first
part, CRLF lines, the page quoted-printable or base64 with its charset in the part's
``Content-Type``, a ``filelist.xml`` part after it), holding the same page the tests of
web pages write (:mod:`test_web_lists`), and each reads as that page saved as ``.html``
does. Commands run through the real ``cadre`` console script.
"""

from __future__ import annotations

import base64
import json
import quopri
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import CHROMIUM
from hypothesis import given, settings
from test_docx_lists import (
    CADRE,
    PEOPLE,
    SIGNED,
    Cell,
    Merge,
    assert_same_roster,
    list_rows,
    run,
    tables,
)
from test_web_lists import ABOVE, write_html

import cadre_core
from cadre_core.roster import _html, _mhtml
from cadre_core.roster._html import html_grids
from cadre_core.roster._mhtml import mhtml_grids
from cadre_core.roster._sniff import LIST_SUFFIXES, file_kind, source_of
from cadre_core.serve._inputs import save_upload

BOUNDARY = "----=_NextPart_01DB4C2A.7F3E9A10"
FILELIST = (
    b'<xml xmlns:o="urn:schemas-microsoft-com:office:office">\n'
    b' <o:MainFile HRef="../danh-sach.htm"/>\n <o:File HRef="filelist.xml"/>\n</xml>\n'
)


def _part(body: bytes, content_type: str, encoding: str, headers: Sequence[str] = ()) -> bytes:
    if encoding == "base64":
        text = base64.encodebytes(body)
    else:
        text = quopri.encodestring(body)
    lines = [*headers, f"Content-Transfer-Encoding: {encoding}", f"Content-Type: {content_type}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + text.replace(b"\n", b"\r\n")


def write_mhtml(
    path: Path,
    page: bytes,
    *,
    charset: str | None = "utf-8",
    encoding: str = "quoted-printable",
    start: str | None = None,
    extra: Sequence[bytes] = (),
    preamble: bytes = b"",
) -> None:
    """A single-file web page holding ``page`` as Excel writes one: its charset (if any)
    in the part's header, ``encoding`` its transfer encoding; ``extra`` parts before it,
    ``start`` the message's ``start`` parameter."""
    named = f'; charset="{charset}"' if charset else ""
    where = ["Content-Location: file:///C:/D7A1E3F0/danh-sach.htm"]
    if start:
        where.append(f"Content-ID: <{start}>")
    head = [
        "MIME-Version: 1.0",
        "X-Document-Type: Workbook",
        f'Content-Type: multipart/related; boundary="{BOUNDARY}"'
        + (f';\r\n\tstart="<{start}>"' if start else ""),
    ]
    parts = [
        *extra,
        _part(page, f"text/html{named}", encoding, where),
        _part(FILELIST, 'text/xml; charset="utf-8"', "quoted-printable",
              ["Content-Location: file:///C:/D7A1E3F0/danh-sach_files/filelist.xml"]),
    ]  # fmt: skip
    out = "\r\n".join(head).encode() + b"\r\n\r\n" + preamble
    out += b"This document is a Single File Web Page, also known as a Web Archive file.\r\n"
    for part in parts:
        out += f"\r\n--{BOUNDARY}\r\n".encode() + part
    path.write_bytes(out + f"\r\n--{BOUNDARY}--\r\n".encode())


def _page(folder: Path, encoding: str = "utf-8", *, declare: bool = True) -> Path:
    rows, merges = list_rows()
    path = folder / "danh-sach.html"
    write_html(path, [*ABOVE, (rows, merges), *SIGNED], encoding=encoding, declare=declare)
    return path


def _same_grids(mht: Path, page: Path) -> None:
    (read, said), (wanted, told) = mhtml_grids(mht), html_grids(page)
    assert [g.name for g in read] == [g.name for g in wanted] == ["Bảng 1"]
    for a, b in zip(read, wanted, strict=True):
        assert (a.top, a.end, a.merged) == (b.top, b.end, b.merged)
        assert a.cells.equals(b.cells)
    assert [(p.key, p.describe("en")) for p in said] == [(p.key, p.describe("en")) for p in told]


# ------------------------------------------------------------------ the same list


@pytest.mark.parametrize(
    ("charset", "encoding"),
    [
        ("utf-8", "quoted-printable"),
        ("utf-8", "base64"),
        ("windows-1258", "quoted-printable"),
        ("windows-1258", "base64"),
        ("utf-16", "base64"),
    ],
)
@pytest.mark.parametrize("name", ["danh-sach.mht", "xuat-excel.xls", "trang.mhtml"])
def test_a_single_file_page_reads_as_the_page_it_holds(
    tmp_path: Path, charset: str, encoding: str, name: str
) -> None:
    page = _page(tmp_path, charset)
    path = tmp_path / name
    write_mhtml(path, page.read_bytes(), charset=charset, encoding=encoding)
    assert file_kind(path) == "mhtml" and source_of(path) == "mhtml"
    _same_grids(path, page)
    roster, reference = cadre_core.read_roster(path), cadre_core.read_roster(page)
    assert_same_roster(roster, reference)
    assert roster.communes == reference.communes == ["Xã Mường Than"]
    assert sorted(roster.cadres["full_name"]) == sorted(str(p[1]) for p in PEOPLE)
    said = [p for p in roster.problems if p.key == "read_as_kind"]
    if path.suffix == ".xls":
        (note,) = said
        assert note.severity == "warning" and note.file == name
        assert "thực ra là một trang web một tệp (MHTML" in note.describe("vi")
        assert "really holds a single-file web page (MHTML" in note.describe("en")
    else:
        assert said == []


def test_the_parts_charset_is_read_before_a_guess(tmp_path: Path) -> None:
    """A page that names no encoding, in a part that does: read as the part says, with
    no warning (the page alone is read as Windows-1258 by a guess, and says so)."""
    page = _page(tmp_path, "windows-1258", declare=False)
    path = tmp_path / "cu.mht"
    write_mhtml(path, page.read_bytes(), charset="windows-1258")
    alone = cadre_core.read_roster(page)
    assert [p.key for p in alone.problems if p.key == "page_read_as_1258"]
    roster = cadre_core.read_roster(path)
    assert sorted(roster.cadres["full_name"]) == sorted(str(p[1]) for p in PEOPLE)
    assert not [p for p in roster.problems if p.key == "page_read_as_1258"]
    write_mhtml(path, page.read_bytes(), charset=None)  # no charset anywhere: a guess, said
    roster = cadre_core.read_roster(path)
    assert [p for p in roster.problems if p.key == "page_read_as_1258"]


def test_the_start_part_is_the_page_and_blank_lines_before_the_headers(tmp_path: Path) -> None:
    page = _page(tmp_path)
    decoy = _part(b"<html><body><p>Trang khac</p></body></html>", "text/html", "base64")
    path = tmp_path / "ds.mht"
    write_mhtml(path, page.read_bytes(), start="trang-chinh@cadre", extra=[decoy])
    _same_grids(path, page)
    write_mhtml(path, page.read_bytes(), extra=[decoy])  # no start: the first page
    (grids, said) = mhtml_grids(path)
    assert grids == [] and [p.key for p in said] == ["no_list_table"]
    data = page.read_bytes()
    write_mhtml(path, data)
    path.write_bytes(b"\xef\xbb\xbf\r\n\r\n" + path.read_bytes())  # a BOM and blank lines
    assert file_kind(path) == "mhtml"
    _same_grids(path, page)


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian 'chromium') missing")
@pytest.mark.parametrize("name", ["trang.mhtml", "xuat.xls"])
def test_a_page_saved_by_a_browser_as_a_single_file_reads_as_the_page(
    tmp_path: Path, browser: Any, name: str
) -> None:
    """Chromium's own "Web page, single file" (Blink's MHTML writer): its headers before
    MIME-Version, its page serialized from the browser's document."""
    page = _page(tmp_path, "windows-1258")
    tab = browser.new_page()
    try:
        tab.goto(page.resolve().as_uri())
        cdp = tab.context.new_cdp_session(tab)
        data = cdp.send("Page.captureSnapshot", {"format": "mhtml"})["data"]
    finally:
        tab.close()
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8"))
    assert path.read_bytes().startswith(b"From: <Saved by Blink>")
    assert file_kind(path) == "mhtml"
    roster = cadre_core.read_roster(path)
    assert_same_roster(roster, cadre_core.read_roster(page))
    assert roster.communes == ["Xã Mường Than"]


def test_a_csv_mentioning_mime_headers_stays_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "ghi-chu.csv"
    path.write_text("STT,Ghi chú\n1,MIME-Version: 1.0\n2,Content-Type: multipart/related\n")
    assert file_kind(path) == "text" and source_of(path) == "csv"


def test_every_place_that_lists_inputs_takes_single_file_pages_and_xlsb() -> None:
    from cadre_core.reports._audit import TABLE_SUFFIXES

    for suffix in (".mht", ".mhtml", ".xlsb"):
        assert suffix in LIST_SUFFIXES and suffix in TABLE_SUFFIXES


# ------------------------------------------------------------------ through the command


def test_a_file_of_no_known_kind_is_told_the_kinds_read(tmp_path: Path) -> None:
    """(A PDF or a picture is told what it is instead: tests/test_foreign_files.py.)"""
    path = tmp_path / "ds.dat"
    path.write_bytes(b"\x00\x01\x02 so lieu \x03")
    for lang in ("vi", "en"):
        done = run("validate", str(path), "--lang", lang)
        said = done.stdout + done.stderr
        assert done.returncode == 2 and "Traceback" not in said, said
        assert ".xlsb" in said and ".mht" in said and "ds.dat" in said, said


def test_validate_and_evaluate_a_single_file_page_through_the_command(tmp_path: Path) -> None:
    page = _page(tmp_path, "windows-1258")
    path = tmp_path / "xuat.xls"
    write_mhtml(path, page.read_bytes(), charset="windows-1258")
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "thực ra là một trang web một tệp (MHTML" in done.stdout
    done = run("evaluate", str(path), "--as-of", "31/12/2025", "--plugin", "laichau",
               "--format", "json", "--lang", "en")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [c["commune"] for c in json.loads(done.stdout)["communes"]] == ["Xã Mường Than"]
    assert "really holds a single-file web page (MHTML" in done.stderr


def test_a_problem_names_the_table_row_and_header_as_in_the_page(tmp_path: Path) -> None:
    rows, merges = list_rows()
    at = next(i for i, r in enumerate(rows) if r[1] == "Tòng Văn Cường")
    rows[at][2] = "31/02/1990"
    page = tmp_path / "sai.html"
    write_html(page, [*ABOVE, (rows, merges), *SIGNED])
    path = tmp_path / "sai.mht"
    write_mhtml(path, page.read_bytes(), encoding="base64")
    done = run("validate", str(path))
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in said, said
    assert (
        "sai.mht, Bảng 1\tcadres (Cán bộ)\t7\tNgày tháng năm sinh / Nam (cột C)\t"
        "'31/02/1990'\tmột ngày" in said
    ), said


@pytest.mark.parametrize(
    "damage",
    ["no page", "no boundary", "not mime", "empty page", "garbled base64"],
)
def test_a_damaged_single_file_page_is_exit_2_with_a_sentence(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "hong.mht"
    image = _part(b"\x89PNG\r\n\x1a\n" + bytes(40), "image/png", "base64")
    if damage == "no page":
        write_mhtml(path, b"", extra=[image])
        data = path.read_bytes().replace(b"text/html", b"text/plain")
        path.write_bytes(data)
    elif damage == "no boundary":
        write_mhtml(path, _page(tmp_path).read_bytes())
        path.write_bytes(path.read_bytes().replace(f"--{BOUNDARY}".encode(), b"--other"))
    elif damage == "not mime":
        path.write_bytes(b"\x00\x01 not a message at all")
    elif damage == "empty page":
        write_mhtml(path, b"")
    else:
        write_mhtml(path, _page(tmp_path).read_bytes(), encoding="base64")
        data = path.read_bytes().split(b"\r\n\r\n")
        path.write_bytes(b"\r\n\r\n".join([*data[:3], b"%%%% not base64 \xff\xfe", *data[4:]]))
    for lang, words in (("vi", "trang web một tệp (MHTML)"), ("en", "single-file web page")):
        done = run("validate", str(path), "--lang", lang)
        said = done.stdout + done.stderr
        assert done.returncode == 2 and "Traceback" not in said, said
        assert "hong.mht" in said, said
        if damage != "garbled base64":  # its page may decode to bytes that are no list
            assert words in said, said


def test_a_single_file_page_over_the_size_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lon.mht"
    write_mhtml(path, _page(tmp_path).read_bytes())
    monkeypatch.setattr(_html, "MAX_XML_BYTES", 1000)  # the one bounded read of a page
    monkeypatch.setattr(_mhtml, "_message", None)  # never parsed
    grids, (said,) = mhtml_grids(path)
    assert grids == [] and said.key == "html_too_large" and "1,000" in said.describe("en")


# ------------------------------------------------------------------ folders, uploads, privacy


def test_a_folder_of_communes_lists_reads_single_file_pages(tmp_path: Path) -> None:
    folder = tmp_path / "cac-xa"
    folder.mkdir()
    rows, merges = list_rows()
    for n, (issuer, file) in enumerate(
        [("ĐẢNG ỦY XÃ BẢN GIANG", "b.mht"), ("ĐẢNG ỦY XÃ NẬM TĂM", "c.xls")]
    ):
        other = [list(r) for r in rows]
        for r in other:
            if r[1] and r[0] and r[0].isdigit():
                r[1] = f"{r[1]} {n}"
        page = tmp_path / f"{n}.html"
        write_html(page, [issuer, *ABOVE[1:], (other, merges), *SIGNED])
        write_mhtml(folder / file, page.read_bytes(), encoding="base64")
    done = run("evaluate", str(folder), "--as-of", "31/12/2025", "--format", "json")
    assert done.returncode == 0, done.stderr
    communes = [c["commune"] for c in json.loads(done.stdout)["communes"]]
    assert sorted(communes) == ["Xã Bản Giang", "Xã Nậm Tăm"]


@pytest.mark.parametrize("filename", ["roster", "xuat.xls", "danh-sach.mht"])
def test_an_uploaded_single_file_page_is_read_whatever_its_name(
    tmp_path: Path, filename: str
) -> None:
    source = tmp_path / "page.mht"
    write_mhtml(source, _page(tmp_path).read_bytes())
    folder = tmp_path / "up"
    folder.mkdir()
    path, digest = save_upload(source.read_bytes(), filename, folder)
    assert path.suffix in (".xls", ".mht") and digest.startswith(f"{filename}:")
    assert len(cadre_core.read_roster(path).cadres) == len(PEOPLE)


def test_pseudonymized_outputs_of_a_single_file_page_hold_no_name(tmp_path: Path) -> None:
    from test_privacy import _leaks, _run

    page = _page(tmp_path)
    path = tmp_path / "xuat.mht"
    write_mhtml(path, page.read_bytes())
    names = [str(p[1]) for p in PEOPLE]
    exe = Path(CADRE)
    out = tmp_path / "bao-cao.html"
    args = ["evaluate", str(path), "--as-of", "2025-12-31", "--plugin", "laichau"]
    plain = _run(exe, *args, "--format", "html", "--output", str(out))
    assert plain.returncode == 0, plain.stderr
    assert _leaks(out.read_text(encoding="utf-8"), names), "no name in the plain report"
    for fmt in ("html", "json"):
        out = tmp_path / f"an.{fmt}"
        hidden = _run(exe, *args, "--format", fmt, "--output", str(out), "--pseudonymize")
        assert hidden.returncode == 0, hidden.stderr
        said = out.read_text(encoding="utf-8") + hidden.stdout + hidden.stderr
        assert not _leaks(said, names)


# ------------------------------------------------------------------ any grid


@settings(max_examples=30, deadline=None)
@given(case=tables())
def test_any_grid_in_a_single_file_page_reads_as_in_the_page(
    case: tuple[list[str], list[list[Cell]], list[Merge]], tmp_path_factory: Any
) -> None:
    above, rows, merges = case
    folder = tmp_path_factory.mktemp("grid")
    page = folder / "g.html"
    write_html(page, [*above, (rows, merges), "Người lập biểu"])
    for charset, encoding in (("utf-8", "quoted-printable"), ("utf-8", "base64")):
        path = folder / "g.mht"
        write_mhtml(path, page.read_bytes(), charset=charset, encoding=encoding)
        _same_grids(path, page)
