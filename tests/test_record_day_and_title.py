"""Personal records ("Sơ yếu lý lịch", form 2C-BNV/2008): the day a record describes is
the day it was signed, never the day of the decision its form was issued by; and a record
whose title is kept outside its body (a text box, a page header) is a record.

Each record is written here with python-docx as an office lays it out in Word (the record
of :func:`test_record_headers.record`, with the part under test changed), read through
``read_roster`` and through the real ``cadre`` command; each test says what was wrong
before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_record_headers import (
    AGENCY,
    AN,
    FIELDS,
    FORM,
    HEAD,
    MANAGER,
    NUMBER,
    SIGNED,
    SIGNER,
    TITLE,
    UNREAD,
    commune_said,
    day_said,
    evaluated,
    not_read_said,
    paragraph,
    person,
    record,
    said,
    save,
)
from test_word_headers_footers import HEAD as LIST_HEAD
from test_word_headers_footers import NAMES, PEOPLE, add_list, run, shape_box, vml_box

from cadre_core.roster import RosterError, read_roster
from cadre_core.roster._docx import docx_grids
from cadre_core.roster._grid import Table, Text
from cadre_core.roster._list_title import title_day
from cadre_core.roster._record import Around, is_record, record_folder, record_grid
from cadre_core.roster._record_day import record_day, without_issued_days

# the form's reference, as its top corner names it: the decision's day in figures, and in
# words; neither is the day of any record
ISSUED = (
    "Mẫu 2C-BNV/2008 ban hành kèm theo Quyết định số 02/2008/QĐ-BNV ngày 06/10/2008 của "
    "Bộ trưởng Bộ Nội vụ"
)
ISSUED_WORDS = (
    "Ban hành kèm theo Quyết định số 02/2008/QĐ-BNV ngày 06 tháng 10 năm 2008 của Bộ "
    "trưởng Bộ Nội vụ"
)


def _above(document: Any, text: str) -> None:
    """``text`` as the body's first paragraph, above the form's head and title."""
    document.paragraphs[0].insert_paragraph_before(text)


def _under_title(document: Any, text: str) -> None:
    """``text`` as a paragraph right under the form's title."""
    paragraph(document, FIELDS[0]).insert_paragraph_before(text)


def _in_header(document: Any, text: str) -> None:
    header = document.sections[0].header
    header.paragraphs[0].text = FORM
    header.add_paragraph(text)


def _in_footer(document: Any, text: str) -> None:
    document.sections[0].footer.paragraphs[0].text = text


PLACES: dict[str, Callable[[Any, str], None]] = {
    "above-the-title": _above,
    "under-the-title": _under_title,
    "page-header": _in_header,
    "page-footer": _in_footer,
}


def _unsigned(where: str, issued: str) -> Any:
    """A record signed on no line, the form's reference ``issued`` at ``where``."""
    document = record(signed=(SIGNER,))
    PLACES[where](document, issued)
    return document


# ------------------------------------------------------------------ the record's day


@pytest.mark.parametrize("issued", [ISSUED, ISSUED_WORDS], ids=["figures", "words"])
@pytest.mark.parametrize("where", list(PLACES))
def test_the_decision_the_form_was_issued_by_is_no_records_day(
    tmp_path: Path, where: str, issued: str
) -> None:
    """Before: a record signed on no line whose form's reference names the decision's
    day in words ("… Quyết định số 02/2008/QĐ-BNV ngày 06 tháng 10 năm 2008") above its
    title (in its head or its page header), under its title or in its page footer was
    read as of 06/10/2008, said as the day it was signed ("record_day"), and evaluated on
    that day. Now such a record names no day, wherever the reference is and however its
    day is written: it is refused as a record signed on no line is ("the list's date is
    unknown", exit 2), and read with ``--list-date``."""
    path = save(_unsigned(where, issued), tmp_path / "khong-ky.docx")
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    assert [(p.severity, p.key) for p in refused.value.problems] == [
        ("warning", "record_not_read"), ("error", "list_date_unknown"),
    ]  # fmt: skip
    (grid,), _ = docx_grids(path)
    assert grid.record and grid.cells[0].iloc[0] is None and record_day(grid) is None
    done = run("validate", str(path))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "the list's date is unknown" in done.stderr and "Traceback" not in done.stderr
    assert "06/10/2008" not in done.stdout + done.stderr

    roster = read_roster(path, list_date="31/12/2025")
    assert person(roster) == AN
    assert roster.list_date == dt.date(2025, 12, 31)
    assert [p.key for p in roster.problems] == ["record_not_read", "commune_from_title"]
    assert evaluated(path, "--list-date", "31/12/2025")["as_of"] == "2025-12-31"


@pytest.mark.parametrize("where", list(PLACES))
def test_a_signed_record_is_of_its_signing_day_wherever_the_decision_is(
    tmp_path: Path, where: str
) -> None:
    """Not changed, and now wherever the reference is: a record signed under its fields
    is of the day it was signed, also when the decision's day in words is written after
    the signing line (in the page footer, the last line naming a day was taken before)."""
    document = record()
    PLACES[where](document, ISSUED_WORDS)
    path = save(document, tmp_path / "an.docx")
    roster = read_roster(path)
    assert person(roster) == AN
    assert roster.list_date == dt.date(2026, 1, 15)
    assert said(roster.problems) == [
        not_read_said("an.docx", UNREAD), day_said("an.docx"), commune_said("an.docx"),
    ]  # fmt: skip
    (grid,), _ = docx_grids(path)
    assert grid.cells[0].iloc[0] == SIGNED

    document = record(signed=())  # signed in the page footer, the reference under it
    footer = document.sections[0].footer
    footer.paragraphs[0].text = SIGNED
    footer.add_paragraph(SIGNER)
    footer.add_paragraph(ISSUED_WORDS)
    path = save(document, tmp_path / "chan-trang.docx")
    roster = read_roster(path)
    assert person(roster) == AN and roster.list_date == dt.date(2026, 1, 15)
    assert evaluated(path)["as_of"] == "2026-01-15"


def test_a_folder_is_of_the_days_its_records_were_signed(tmp_path: Path) -> None:
    """Before: in a folder of two records, the one signed on no line was taken as signed
    the day of the decision its form names, so the folder's warning said its records were
    signed "from 06/10/2008 to 20/03/2026" (a record eighteen years old). Now only the
    record signed counts: one record signed, on 20/03/2026."""
    folder = tmp_path / "ho-so"
    folder.mkdir()
    document = record(signed=("Tả Lèng, ngày 20 tháng 3 năm 2026",))
    _in_header(document, ISSUED_WORDS)
    save(document, folder / "TL-001.docx")
    document = _unsigned("above-the-title", ISSUED_WORDS)
    paragraph(document, NUMBER).text = "Số hiệu cán bộ, công chức: TL-002"
    paragraph(document, FIELDS[0]).text = FIELDS[0].replace("LÒ VĂN AN", "TAO THỊ BÌNH")
    save(document, folder / "TL-002.docx")
    roster = read_roster(folder)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình"]
    assert roster.list_date == dt.date(2026, 3, 20)
    (day,) = [p for p in roster.problems if p.key == "record_day"]
    assert dict(day.args) == {"day": "20/03/2026", "signed": "1", "first": "20/03/2026",
                              "last": "20/03/2026"}  # fmt: skip
    assert evaluated(folder)["as_of"] == "2026-03-20"


_KINDS = ["Quyết định", "QUYẾT ĐỊNH", "Thông tư", "Nghị định", "Hướng dẫn", "Công văn", "QĐ"]
_NUMBERS = ["số 02/2008/QĐ-BNV", "02/2008/QĐ-BNV", "số 15-HD/TCTW", "số 06/2023/TT-BNV,"]


@settings(max_examples=120, deadline=None)
@given(
    kind=st.sampled_from(_KINDS),
    number=st.sampled_from(_NUMBERS),
    issued=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    signed=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    words=st.booleans(),
    at=st.sampled_from(["above", "under", "end"]),
    before=st.sampled_from(["", "Mẫu 2C-BNV/2008 ban hành kèm theo ", "(Theo "]),
)
def test_the_records_day_is_the_day_signed_whatever_the_decisions(
    kind: str, number: str, issued: dt.date, signed: dt.date | None, words: bool, at: str,
    before: str,
) -> None:  # fmt: skip
    """Whatever the kind of legal document the form names, its number, its day (in
    figures or words) and where it is written (above the title, under it, after the
    signing line), the record's day is the day it was signed, and none when it was
    signed on no line; the text without the document's day names no day at all."""
    day = (f"{issued.day:02d}/{issued.month:02d}/{issued.year}" if not words else
           f"{issued.day:02d} tháng {issued.month:02d} năm {issued.year}")  # fmt: skip
    reference = f"{before}{kind} {number} ngày {day} của Bộ trưởng"
    left = without_issued_days(reference)
    assert day not in left and title_day([left]) is None
    lines = [TITLE, FIELDS[0], FIELDS[1]]
    lines.insert({"above": 0, "under": 1, "end": 3}[at], reference)
    if signed is not None:
        signing = f"Tả Lèng, ngày {signed.day} tháng {signed.month} năm {signed.year}"
        lines.insert(3 if at == "end" else len(lines), signing)  # the reference after it
    grid = record_grid("an.docx", [Text(lines)])
    assert grid is not None
    assert record_day(grid) == signed


# ------------------------------------------------------------------ a title outside the body


def _untitled(**kwargs: Any) -> Any:
    """:func:`record` with no title among its own paragraphs (its paragraph left empty,
    to anchor a box on)."""
    document = record(**kwargs)
    paragraph(document, TITLE).text = ""
    return document


@pytest.mark.parametrize("box", [vml_box, shape_box], ids=["vml", "shape"])
def test_a_record_titled_in_a_text_box_is_a_record(tmp_path: Path, box: Any) -> None:
    """Before: a record whose title "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC" is typed in a text
    box (a VML box, or a shape with its VML fallback) was no record: read as a list, its
    family table was taken for a list of people (refused: "'1950' is not a date"). Now it
    is the record of its person, as with the title in its body: the same person, day,
    warnings and title rows, wherever the box is anchored (the paragraph where the title
    stood, or the first of the page)."""
    document = _untitled()
    paragraph(document, "")._p.append(box([TITLE]))
    path = save(document, tmp_path / "hop-tieu-de.docx")
    roster = read_roster(path)
    assert person(roster) == AN
    assert roster.list_date == dt.date(2026, 1, 15)
    assert said(roster.problems) == [
        not_read_said("hop-tieu-de.docx", UNREAD), day_said("hop-tieu-de.docx"),
        commune_said("hop-tieu-de.docx"),
    ]  # fmt: skip
    (grid,), _ = docx_grids(path)
    assert grid.record and grid.cells[0].tolist()[: grid.top] == [SIGNED, *HEAD]

    document = _untitled()
    paragraph(document, MANAGER)._p.append(box(["Mẫu 2C-BNV/2008", TITLE]))
    path = save(document, tmp_path / "hop-dau-trang.docx")
    roster = read_roster(path)
    assert person(roster) == AN and roster.list_date == dt.date(2026, 1, 15)
    (grid,), _ = docx_grids(path)  # the head under the box's title: its title rows still
    assert grid.cells[0].tolist()[: grid.top] == [SIGNED, MANAGER, "Mẫu 2C-BNV/2008", AGENCY,
                                                  NUMBER]  # fmt: skip
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert evaluated(path)["as_of"] == "2026-01-15"


def test_a_record_titled_in_its_page_header_is_a_record(tmp_path: Path) -> None:
    """Before: a record whose form's number and title are in its page header (printed on
    every page) was no record, and its family table was refused as a list. Now it is the
    record of its person; the body's lines before the name's field are the form's head
    under that title (the commune "ỦY BAN NHÂN DÂN XÃ TẢ LÈNG" of a line with no label,
    the cadre's number), as the lines above a title in the body are."""
    document = record(head=("ỦY BAN NHÂN DÂN XÃ TẢ LÈNG", NUMBER))
    document.element.body.remove(paragraph(document, TITLE)._p)
    header = document.sections[0].header
    header.paragraphs[0].text = FORM
    header.add_paragraph(TITLE)
    path = save(document, tmp_path / "tieu-de-dau-trang.docx")
    roster = read_roster(path)
    assert person(roster) == {**AN, "agency": "Xã Tả Lèng"}
    assert roster.list_date == dt.date(2026, 1, 15)
    assert said(roster.problems) == [
        not_read_said("tieu-de-dau-trang.docx", "Nơi sinh, Quan hệ gia đình"),
        day_said("tieu-de-dau-trang.docx"), commune_said("tieu-de-dau-trang.docx"),
    ]  # fmt: skip
    (grid,), _ = docx_grids(path)
    assert grid.cells[0].tolist()[: grid.top] == [SIGNED, FORM, "ỦY BAN NHÂN DÂN XÃ TẢ LÈNG",
                                                  NUMBER]  # fmt: skip
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    document_json = evaluated(path)
    assert document_json["as_of"] == "2026-01-15"
    assert [c["commune"] for c in document_json["communes"]] == ["Xã Tả Lèng"]


def test_a_folder_of_records_titled_outside_their_bodies(tmp_path: Path) -> None:
    """Before: a folder of records whose titles are in a page header or a text box was
    no folder of records (nothing of its documents' bodies names the title) and each
    document was refused as a list. Now it is one commune's list of its two records."""
    folder = tmp_path / "ho-so"
    folder.mkdir()
    document = record(signed=("Tả Lèng, ngày 20 tháng 3 năm 2026",))
    document.element.body.remove(paragraph(document, TITLE)._p)
    document.sections[0].header.paragraphs[0].text = TITLE
    save(document, folder / "TL-001.docx")
    document = _untitled()
    paragraph(document, "")._p.append(shape_box([TITLE]))
    paragraph(document, NUMBER).text = "Số hiệu cán bộ, công chức: TL-002"
    paragraph(document, FIELDS[0]).text = FIELDS[0].replace("LÒ VĂN AN", "TAO THỊ BÌNH")
    save(document, folder / "TL-002.docx")
    assert record_folder(folder) is not None
    roster = read_roster(folder)
    names = roster.cadres.set_index("cadre_id")["full_name"].to_dict()
    assert names == {"TL-001": "Lò Văn An", "TL-002": "Tao Thị Bình"}
    assert roster.list_date == dt.date(2026, 3, 20)
    assert roster.agencies["commune"].unique().tolist() == ["Xã Tả Lèng"]
    assert evaluated(folder)["as_of"] == "2026-03-20"


# a list titled as one ("trích ngang": one line per person), its header row naming a
# column "Năm sinh" the record's labels do not know, after "Họ và tên"
TRICH_NGANG = "LÝ LỊCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC XÃ NẬM TĂM"
YEAR_HEAD = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]


def _word_list(head: list[str]) -> Any:
    document = docx.Document()
    document.add_paragraph("(tính đến ngày 31/12/2025)")
    add_list(document, [head, *PEOPLE])
    return document


@pytest.mark.parametrize("title", ["DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC", TRICH_NGANG])
@pytest.mark.parametrize("head", [LIST_HEAD, YEAR_HEAD], ids=["ngay-sinh", "nam-sinh"])
@pytest.mark.parametrize("kept", ["page-header", "text-box"])
def test_a_list_titled_outside_its_body_is_still_a_list(
    tmp_path: Path, title: str, head: list[str], kept: str
) -> None:
    """Not changed: a Word list whose title is in its page header or a text box ("DANH
    SÁCH TRÍCH NGANG", or "LÝ LỊCH TRÍCH NGANG", which a record's title may be) is a list
    of its people, also when its header row's "Họ và tên" is followed by a column no
    record's label names ("Năm sinh"): a title outside the body makes a record only of a
    document whose own lines fill in the name's field, and a list's header row names a
    column."""
    document = _word_list(head)
    if kept == "page-header":
        document.sections[0].header.paragraphs[0].text = title
    else:
        document.paragraphs[0]._p.append(vml_box([title]))
    path = save(document, tmp_path / "trich-ngang.docx")
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == NAMES and not roster.records
    assert roster.list_date == dt.date(2025, 12, 31)
    (grid,), _ = docx_grids(path)
    assert not grid.record
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr


def test_what_makes_a_record_of_a_title_outside_the_body() -> None:
    """The rule, on a document's blocks: a title among the lines around the body (a page
    header's, a text box's) and the name's field filled in, in a paragraph or in a table
    that is no list; a list's table, or the name's label with nothing after it, is none."""
    name = "1) Họ và tên khai sinh (viết chữ in hoa): LÒ VĂN AN"
    assert is_record([Around([TITLE]), Text([name])])
    assert is_record([Around([TRICH_NGANG]), Text(["Họ và tên\tLÒ VĂN AN"])])
    assert not is_record([Around([TITLE]), Text(["1) Họ và tên khai sinh:"])])
    assert not is_record([Around(["DANH SÁCH TRÍCH NGANG"]), Text([name])])
    cells = pd.DataFrame([YEAR_HEAD, *PEOPLE], dtype=object)
    lines = ["\t".join(row) for row in [YEAR_HEAD, *PEOPLE]]
    assert not is_record([Around([TRICH_NGANG]), Table(cells, [], lines)])
