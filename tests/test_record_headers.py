"""Personal records ("Sơ yếu lý lịch", form 2C-BNV/2008) that keep part of their head on
the page around their text: the bodies and the form's number in a page header, the commune
or the cadre's number in a text box, the photo's box, the signing line in a page footer.

Each record is written here with python-docx as an office lays it out in Word, read
through ``read_roster`` and through the real ``cadre`` command; each test says what was
wrong before. The Word reader places these parts for a record as for a list
(``tests/test_word_headers_footers.py``): the page headers above the body, a text box
where it is anchored, a footer holding the signing line under the body.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import pandas as pd
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from test_word_headers_footers import run, shape_box, vml_box

from cadre_core.roster import Problem, read_roster
from cadre_core.roster._docx import docx_grids

TITLE = "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC"
MANAGER = "Cơ quan, đơn vị có thẩm quyền quản lý CBCC: Đảng ủy xã Tả Lèng"
AGENCY = "Cơ quan, đơn vị sử dụng CBCC: UBND xã Tả Lèng"
NUMBER = "Số hiệu cán bộ, công chức: TL-001"
FORM = "Mẫu 2C-BNV/2008"
# the decision the form was issued by, as its top corner names it: a day no record is of
ISSUED = (
    "Ban hành kèm theo Quyết định số 02/2008/QĐ-BNV ngày 06 tháng 10 năm 2008 của Bộ "
    "trưởng Bộ Nội vụ"
)
FIELDS = (
    "1) Họ và tên khai sinh (viết chữ in hoa): LÒ VĂN AN",
    "3) Sinh ngày: 12 tháng 5 năm 1975, Giới tính (nam, nữ): Nam",
    "4) Nơi sinh: Xã Tả Lèng, Huyện Tam Đường, Tỉnh Lai Châu",
    "6) Dân tộc: Giáy, 7) Tôn giáo: Không",
    "12) Chức vụ (chức danh) hiện tại: Chủ tịch UBND xã",
    "15.2- Trình độ chuyên môn cao nhất: Đại học Luật",
    "15.3- Lý luận chính trị: Trung cấp",
)
FAMILY = "30) QUAN HỆ GIA ĐÌNH"
RELATIVE = ["Bố", "Lò Văn Bố", "1950", "Làm ruộng"]
SIGNED = "Tả Lèng, ngày 15 tháng 01 năm 2026"
SIGNER = "Người khai ký tên"
PHOTO = ("Ảnh màu", "(4 x 6 cm)")
HEAD = (MANAGER, AGENCY, NUMBER)
# what no output may hold: a relative's name, the photo box's words
PRIVATE = ("Lò Văn Bố", "Ảnh màu", "4 x 6")


def record(*, head: Sequence[str] = HEAD, signed: Sequence[str] = (SIGNED, SIGNER)) -> Any:
    """A record of Lò Văn An: the ``head`` lines, the title, the fields, the family
    section and the ``signed`` lines, each a paragraph of the body (python-docx's document,
    saved by :func:`save`)."""
    document = docx.Document()
    for line in (*head, TITLE, *FIELDS, FAMILY):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=4)
    for c, (name, value) in enumerate(zip(["Mối quan hệ", "Họ và tên", "Năm sinh", "Nghề nghiệp"],
                                          RELATIVE, strict=True)):  # fmt: skip
        table.cell(0, c).text = name
        table.cell(1, c).text = value
    for line in signed:
        document.add_paragraph(line)
    return document


def save(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def paragraph(document: Any, text: str) -> Any:
    """The body's paragraph whose text is ``text``."""
    return next(p for p in document.paragraphs if p.text == text)


def head_table(container: Any, *, width: Any = None) -> Any:
    """The form's head as a table in ``container`` (the body, or a page header):
    the managing body and the cadre's number over the using body."""
    table = container.add_table(2, 2) if width is None else container.add_table(2, 2, width)
    for (r, c), text in {(0, 0): MANAGER, (0, 1): NUMBER, (1, 0): AGENCY}.items():
        table.cell(r, c).text = text
    return table


Said = tuple[str, str | None, str, str | None, dict[str, str]]


def said(problems: Sequence[Problem]) -> list[Said]:
    """Each problem as (severity, key, file, column, its words' values)."""
    return [(p.severity, p.key, p.file, p.column, dict(p.args)) for p in problems]


def day_said(file: str, day: str = "15/01/2026") -> Said:
    """The warning of the day the record was signed."""
    args = {"day": day, "signed": "1", "first": day, "last": day}
    return ("warning", "record_day", file, None, args)


def not_read_said(file: str, fields: str) -> Said:
    return ("warning", "record_not_read", file, None, {"fields": fields, "records": "1"})


def commune_said(file: str, commune: str = "Xã Tả Lèng") -> Said:
    return ("warning", "commune_from_title", file, "commune", {"commune": repr(commune)})


# the fields and sections of :func:`record` not read, with the managing body when it is
# on the page (its label is known, its value never read)
UNREAD = "Cơ quan, đơn vị quản lý, Nơi sinh, Quan hệ gia đình"


def person(roster: Any) -> dict[str, Any]:
    """The one cadre of ``roster``: the fields a record gives, and the agency's."""
    (cadre,) = roster.cadres.to_dict("records")
    (agency,) = roster.agencies[["name", "commune"]].to_dict("records") or [{}]
    degrees = roster.degrees[["level", "field"]].values.tolist()
    return {
        "id": cadre["cadre_id"],
        "name": cadre["full_name"],
        "born": cadre["birth_date"],
        "gender": cadre["gender"],
        "ethnicity": cadre["ethnicity"],
        "agency": agency.get("name"),
        "commune": agency.get("commune"),
        "posts": roster.positions["category"].tolist(),
        "degrees": degrees,
        "theory": roster.theory["level"].tolist(),
    }


AN = {
    "id": "TL-001",
    "name": "Lò Văn An",
    "born": pd.Timestamp(1975, 5, 12),
    "gender": "male",
    "ethnicity": "Giáy",
    "agency": "UBND xã Tả Lèng",
    "commune": "Xã Tả Lèng",
    "posts": ["committee_chair"],
    "degrees": [["dai_hoc", "Luật"]],
    "theory": ["trung_cap"],
}


def evaluated(path: Path, *args: str) -> dict[str, Any]:
    """``cadre evaluate PATH --format json``: the document it prints."""
    done = run("evaluate", str(path), "--format", "json", *args)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert not [p for p in PRIVATE if p in done.stdout + done.stderr]
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def tables_text(roster: Any) -> str:
    return " ".join(frame.astype(str).to_csv() for frame in roster.tables.values())


# ------------------------------------------------------------------ nothing around


def test_a_record_with_nothing_around_its_text_reads_as_before(tmp_path: Path) -> None:
    """Not changed: a record whose head, title, fields and signing line are all in its
    body reads as it did (the same person, agency, day and warnings), and an empty page
    header or a footer of page numbers changes nothing of its grid. Only the order of its
    title rows is new: the signing line first, so that no day above the title (the
    decision the form was issued by) is taken for the day it was signed."""
    path = save(record(), tmp_path / "an.docx")
    roster = read_roster(path)
    assert person(roster) == AN
    assert roster.list_date == dt.date(2026, 1, 15)
    assert said(roster.problems) == [
        not_read_said("an.docx", UNREAD), day_said("an.docx"), commune_said("an.docx"),
    ]  # fmt: skip
    assert not [p for p in PRIVATE if p in tables_text(roster)]
    (grid,), problems = docx_grids(path)
    assert problems == [] and grid.record
    assert grid.cells[0].tolist()[: grid.top] == [SIGNED, *HEAD]

    document = record()
    section = document.sections[0]
    section.header.is_linked_to_previous = False  # a header part of its own, empty
    section.footer.paragraphs[0].text = "Trang 1"  # a page number: nothing to read
    paged = save(document, tmp_path / "so-trang.docx")
    (again,), problems = docx_grids(paged)
    assert problems == []
    pd.testing.assert_frame_equal(again.cells, grid.cells)
    assert (again.top, again.unread) == (grid.top, grid.unread)
    done = run("validate", str(paged))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Trang 1" not in done.stdout


# ------------------------------------------------------------------ page headers


def test_the_bodies_and_the_number_in_the_page_header_are_read(tmp_path: Path) -> None:
    """Before: a record's page header was not read. The form's head kept there (the form's
    number, the managing and the using body, the cadre's number) gave no agency and no
    commune, and the record was refused for want of its number ("a value is required
    here" under Số hiệu cán bộ, công chức). Now the header's lines are read above the
    body's, as the head in the body is; the day of the decision the form was issued by is
    not the day the record was signed."""
    document = record(head=())
    header = document.sections[0].header
    header.paragraphs[0].text = FORM
    header.add_paragraph(ISSUED)
    head_table(header, width=document.sections[0].page_width)
    path = save(document, tmp_path / "dau-trang.docx")
    roster = read_roster(path)
    assert person(roster) == AN
    assert roster.list_date == dt.date(2026, 1, 15)
    assert said(roster.problems) == [
        not_read_said("dau-trang.docx", UNREAD), day_said("dau-trang.docx"),
        commune_said("dau-trang.docx"),
    ]  # fmt: skip
    (grid,), _ = docx_grids(path)
    assert grid.cells[0].tolist()[: grid.top] == [SIGNED, FORM, ISSUED, MANAGER, NUMBER, AGENCY]
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    document_json = evaluated(path)
    assert document_json["as_of"] == "2026-01-15"
    assert [c["commune"] for c in document_json["communes"]] == ["Xã Tả Lèng"]


def test_the_first_page_header_is_read_with_the_others(tmp_path: Path) -> None:
    """Before: no page header of a record was read. A record whose first page has a
    header of its own (the head) and the others the form's number: both are read, the
    default header's first, as for a list."""
    document = record(head=())
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = FORM
    first = section.first_page_header
    first.paragraphs[0].text = MANAGER
    first.add_paragraph(f"{AGENCY}\t{NUMBER}")  # two fields on a line, a tab between
    path = save(document, tmp_path / "trang-dau.docx")
    roster = read_roster(path)
    assert person(roster) == AN
    (grid,), _ = docx_grids(path)
    assert grid.cells[0].tolist()[: grid.top] == [SIGNED, FORM, MANAGER, AGENCY, NUMBER]


def test_a_page_header_in_a_legacy_font_is_read_as_the_body_is(tmp_path: Path) -> None:
    """Before: the page header of a record was not read at all, its runs in a legacy
    font neither. Now they are read as the font shows them ("UBND x· NËm T¨m" in
    ``.VnTime`` is "UBND xã Nậm Tăm") and said as a record's legacy text is: an error by
    default, a warning with ``--legacy-text convert``."""
    document = record(head=(NUMBER,))
    header = document.sections[0].header.paragraphs[0]
    header.add_run("Cơ quan, đơn vị sử dụng CBCC: ")
    typed = header.add_run("UBND x· NËm T¨m")
    fonts = typed._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:ascii"), ".VnTime")
    fonts.set(qn("w:hAnsi"), ".VnTime")
    path = save(document, tmp_path / "vntime.docx")
    done = run("validate", str(path))
    assert done.returncode == 2 and "legacy TCVN3 encoding" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    roster = read_roster(path, legacy="convert")
    assert person(roster) == {**AN, "agency": "UBND xã Nậm Tăm", "commune": "Xã Nậm Tăm"}
    assert [p.key for p in roster.problems] == [
        "legacy_records_converted", "record_not_read", "record_day", "commune_from_title"
    ]  # fmt: skip


# ------------------------------------------------------------------ text boxes


def test_the_commune_and_the_number_in_text_boxes_are_read(tmp_path: Path) -> None:
    """Before: a record's text boxes were not read: the commune typed in a box above the
    title gave no agency and no commune (nothing said), and the cadre's number in a box
    beside the title ("Số hiệu cán bộ", as the Party's form 2C/TCTW-98 spells it, which
    was no label either) was missing, so the record was refused. A box is read once,
    though Word keeps it twice (a shape and its VML fallback), where it is anchored."""
    document = record(head=())
    top = document.paragraphs[0].insert_paragraph_before()
    top._p.append(shape_box(["ỦY BAN NHÂN DÂN XÃ TẢ LÈNG"]))
    paragraph(document, TITLE)._p.append(vml_box(["Số hiệu cán bộ: TL-001"]))
    path = save(document, tmp_path / "hop-chu.docx")
    roster = read_roster(path)
    assert person(roster) == {**AN, "agency": "Xã Tả Lèng"}
    assert said(roster.problems) == [
        not_read_said("hop-chu.docx", "Nơi sinh, Quan hệ gia đình"), day_said("hop-chu.docx"),
        commune_said("hop-chu.docx"),
    ]  # fmt: skip
    (grid,), _ = docx_grids(path)
    assert grid.cells[0].tolist()[: grid.top] == [SIGNED, "ỦY BAN NHÂN DÂN XÃ TẢ LÈNG"]
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the commune 'Xã Tả Lèng' was taken from the list's title rows" in done.stdout


def test_the_using_body_in_a_text_box_of_the_heads_table_is_read(tmp_path: Path) -> None:
    """Before: a text box in a cell of the head's table was dropped without a word: the
    using body typed in one was not read, and the agency was named after the commune of
    the managing body's line ("Xã Tả Lèng", not "UBND xã Tả Lèng"). It is read as a line
    above the table (never as the cell's text)."""
    document = record(head=())
    table = head_table(document)
    table.cell(1, 0).text = ""
    table.cell(1, 0).paragraphs[0]._p.append(vml_box([AGENCY]))
    document.element.body.remove(table._tbl)
    document.paragraphs[0]._p.addprevious(table._tbl)  # the head: first in the body
    path = save(document, tmp_path / "hop-trong-bang.docx")
    roster = read_roster(path)
    assert person(roster) == AN
    (grid,), _ = docx_grids(path)
    assert grid.cells[0].tolist()[: grid.top] == [SIGNED, AGENCY, MANAGER, NUMBER]


def test_the_photo_box_is_no_value(tmp_path: Path) -> None:
    """Before: the photo's box ("Ảnh màu", "(4 x 6 cm)") was left out with every box.
    Now boxes are read, and the photo's is still no field's value wherever it is anchored
    (beside the name's field, in the title, in the head, in a cell of the family's table),
    and in no output: the record reads exactly as without it."""
    plain = read_roster(save(record(), tmp_path / "an.docx"))
    document = record()
    paragraph(document, FIELDS[0])._p.append(shape_box(PHOTO))
    paragraph(document, TITLE)._p.append(vml_box(PHOTO))
    paragraph(document, MANAGER)._p.append(vml_box(["Ảnh màu 4 x 6"]))
    document.tables[0].cell(1, 1).paragraphs[0]._p.append(shape_box(PHOTO))
    path = save(document, tmp_path / "anh.docx")
    roster = read_roster(path)
    assert person(roster) == AN
    for name, frame in plain.tables.items():
        pd.testing.assert_frame_equal(roster.tables[name], frame, obj=name)
    assert said(roster.problems) == [
        not_read_said("anh.docx", UNREAD), day_said("anh.docx"), commune_said("anh.docx"),
    ]  # fmt: skip
    assert not [p for p in PRIVATE if p in tables_text(roster)]
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert not [p for p in PRIVATE if p in done.stdout + done.stderr]
    assert evaluated(path)["as_of"] == "2026-01-15"


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_a_photo_box_anywhere_changes_no_field(tmp_path_factory: Any, data: st.DataObject) -> None:
    """Wherever the photo's box is anchored (any paragraph of the body, any cell of its
    table, as a shape or in VML), the person's row, the fields not read and the day
    signed are those of the record without it."""
    folder = tmp_path_factory.mktemp("anh")
    (plain,), _ = docx_grids(save(record(), folder / "an.docx"))
    document = record()
    anchors = [p._p for p in document.paragraphs] + [
        c.paragraphs[0]._p for row in document.tables[0].rows for c in row.cells
    ]
    anchor = data.draw(st.sampled_from(anchors), label="anchor")
    box = data.draw(st.sampled_from([shape_box, vml_box]), label="kind")
    anchor.append(box(data.draw(st.sampled_from([PHOTO, ("Ảnh 4x6",)]), label="text")))
    (grid,), problems = docx_grids(save(document, folder / "anh.docx"))
    assert problems == []
    pd.testing.assert_frame_equal(
        grid.cells.iloc[grid.top :].reset_index(drop=True),
        plain.cells.iloc[plain.top :].reset_index(drop=True),
    )
    assert grid.unread == plain.unread
    assert grid.cells[0].iloc[0] == SIGNED


# ------------------------------------------------------------------ page footers


def test_the_signing_line_in_the_page_footer_is_the_records_day(tmp_path: Path) -> None:
    """Before: a record's page footer was not read: a record signed only there was
    refused ("the list's date is unknown"). Now a footer holding the signing line is read
    under the body, its day the record's, its lines no field; a footer of page numbers
    is still nothing, and a record signed nowhere still refused with a sentence."""
    document = record(signed=())
    footer = document.sections[0].footer
    footer.paragraphs[0].text = SIGNED
    footer.add_paragraph(SIGNER)
    path = save(document, tmp_path / "chan-trang.docx")
    roster = read_roster(path)
    assert person(roster) == AN
    assert roster.list_date == dt.date(2026, 1, 15)
    assert said(roster.problems) == [
        not_read_said("chan-trang.docx", UNREAD), day_said("chan-trang.docx"),
        commune_said("chan-trang.docx"),
    ]  # fmt: skip
    (grid,), _ = docx_grids(path)
    assert grid.cells[0].tolist()[: grid.top] == [SIGNED, *HEAD]
    document_json = evaluated(path)
    assert document_json["as_of"] == "2026-01-15"
    assert [c["commune"] for c in document_json["communes"]] == ["Xã Tả Lèng"]

    document = record(signed=())
    document.sections[0].footer.paragraphs[0].text = "..., ngày ... tháng ... năm ...\tTrang 1"
    path = save(document, tmp_path / "khong-ky.docx")
    done = run("validate", str(path))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "the list's date is unknown" in done.stderr and "Traceback" not in done.stderr


def test_a_folder_of_records_keeping_their_heads_around_their_text(tmp_path: Path) -> None:
    """Before: of a folder of three records (the head in a page header, the commune in a
    text box, the signing line in a footer) two were refused for want of their numbers and
    the third for want of a day. Now the folder is one commune's list of three, as of the
    latest day signed."""
    folder = tmp_path / "ho-so"
    folder.mkdir()
    document = record(head=(), signed=("Tả Lèng, ngày 20 tháng 3 năm 2026",))
    head_table(document.sections[0].header, width=document.sections[0].page_width)
    save(document, folder / "TL-001.docx")
    document = record(head=())
    paragraph(document, FIELDS[0]).text = FIELDS[0].replace("LÒ VĂN AN", "TAO THỊ BÌNH")
    box = vml_box(["UBND XÃ TẢ LÈNG", "Số hiệu cán bộ, công chức: TL-002"])
    paragraph(document, TITLE)._p.append(box)
    save(document, folder / "TL-002.docx")
    document = record(head=(MANAGER, AGENCY, "Số hiệu cán bộ, công chức: TL-003"), signed=())
    paragraph(document, FIELDS[0]).text = FIELDS[0].replace("LÒ VĂN AN", "VÀNG A CHU")
    document.sections[0].footer.paragraphs[0].text = "Tả Lèng, ngày 02 tháng 02 năm 2026"
    save(document, folder / "TL-003.docx")
    roster = read_roster(folder)
    names = roster.cadres.set_index("cadre_id")["full_name"].to_dict()
    assert names == {"TL-001": "Lò Văn An", "TL-002": "Tao Thị Bình", "TL-003": "Vàng A Chu"}
    assert roster.list_date == dt.date(2026, 3, 20)
    assert roster.agencies["commune"].unique().tolist() == ["Xã Tả Lèng"]
    document_json = evaluated(folder)
    assert document_json["as_of"] == "2026-03-20"
    assert [c["commune"] for c in document_json["communes"]] == ["Xã Tả Lèng"]
