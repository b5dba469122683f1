"""A list's day is never a legal document's; a record's head cell of several paragraphs is
several lines; the post of the Party's form 2C/TCTW-98; a date under "Nữ" is said there.

Each input is built here (openpyxl, python-docx) as an office lays it out, read through
``read_roster`` and through the real ``cadre`` command; each test says what was wrong
before.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, sheet
from test_record_headers import AN, FIELDS, FORM, MANAGER, SIGNED, SIGNER, TITLE, person

from cadre_core.roster import RosterError, read_roster
from cadre_core.roster._list_title import Undated, title_day, title_period
from cadre_core.roster._record_day import dated_lines, without_issued_days

# ------------------------------------------------------------------ a list's day

CIRCULAR = "(Ban hành kèm theo Thông tư số 11/2012/TT-BNV ngày 17 tháng 12 năm 2012 của Bộ Nội vụ)"
CIRCULAR_FIGURES = "(Ban hành kèm theo Thông tư số 11/2012/TT-BNV ngày 17/12/2012 của Bộ Nội vụ)"
# a decision named with the body that issued it between its number and its day
DECISION = "Thực hiện Quyết định số 12/QĐ-UBND của Chủ tịch UBND tỉnh ngày 05 tháng 3 năm 2024"
LIST_SIGNED = "Dào San, ngày 10 tháng 10 năm 2025"
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"]
PEOPLE = [
    [1, "Lò Văn Pản", "15/04/1972", "Nam", "Bí thư Đảng ủy xã"],
    [2, "Tẩn Thị Mẩy", "02/11/1985", "Nữ", "Chủ tịch HĐND xã"],
]


def _list(
    path: Path, *, head: Sequence[str], under: Sequence[str] = (), signed: bool = True
) -> Path:
    """A list of :data:`PEOPLE` with the title lines ``head`` (the commune's, the form's
    reference beside it as the form prints it), the lines ``under`` the list, then its
    signing line (when ``signed``) and "NGƯỜI LẬP BIỂU"."""
    rows: list[list[Any]] = [["UBND XÃ DÀO SAN", None, None, None, "Mẫu số 02/CL.CBCCX"]]
    rows += [[None, None, None, None, line] for line in head]
    rows += [["BÁO CÁO CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC CẤP XÃ"], HEADER, *PEOPLE, []]
    rows += [[None, line] for line in under]
    rows += [[None, None, None, None, LIST_SIGNED]] if signed else []
    rows += [[None, "NGƯỜI LẬP BIỂU", None, None, "CHỦ TỊCH"]]
    return sheet(path, rows)


def _as_of(path: Path, *args: str) -> str:
    """The day ``cadre evaluate PATH --format json`` evaluates the list on."""
    done = run("evaluate", str(path), "--format", "json", *args)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    day: str = json.loads(done.stdout)["as_of"]
    return day


@pytest.mark.parametrize(
    ("head", "under"),
    [
        ([CIRCULAR], []),
        ([CIRCULAR_FIGURES], []),
        ([DECISION], []),
        ([CIRCULAR, DECISION], []),
        ([], [DECISION]),  # a document named over the signing line, in the footer rows
    ],
    ids=["circular-words", "circular-figures", "decision-of", "both", "footer"],
)
def test_a_legal_documents_day_is_never_the_lists(
    tmp_path: Path, head: list[str], under: list[str]
) -> None:
    """Before: a list (the form Mẫu 02/CL.CBCCX) whose head cites the circular it was
    issued by ("Thông tư số 11/2012/TT-BNV ngày 17 tháng 12 năm 2012") and names no day it
    is as of was read as of 17/12/2012, silently: every assignment started then and
    ``cadre evaluate`` without ``--as-of`` evaluated 2012; a decision named with its
    issuer ("Quyết định số 12/QĐ-UBND của Chủ tịch UBND tỉnh ngày 05 tháng 3 năm 2024"),
    in the title rows or over the signing line under the list, gave 05/03/2024. Now a
    legal document's day is never the list's: it is the day signed under the list,
    10/10/2025, with no warning about a day."""
    path = _list(tmp_path / "bieu-02.xlsx", head=head, under=under)
    roster = read_roster(path)
    assert roster.list_date == dt.date(2025, 10, 10)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn Pản", "Tẩn Thị Mẩy"]
    assert roster.assignments["start_date"].tolist() == [pd.Timestamp(2025, 10, 10)] * 2
    assert [p.key for p in roster.problems] == ["commune_from_title"]
    assert _as_of(path) == "2025-10-10"


def test_a_list_dated_only_by_a_document_names_no_day_nor_period(tmp_path: Path) -> None:
    """Before: a list signed on no line whose head cites the circular of its form was read
    as of the circular's day, 17/12/2012. Now it names no day, and the circular's "năm
    2012" is no period (31/12/2012) either: the list is refused for want of a day, as any
    list naming none ("list_date_unknown", exit 2), and read on the day ``--as-of`` gives
    (said)."""
    path = _list(tmp_path / "khong-ngay.xlsx", head=[CIRCULAR], signed=False)
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    assert [(p.severity, p.key) for p in refused.value.problems] == [("error", "list_date_unknown")]
    done = run("validate", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "17/12/2012" not in done.stdout + done.stderr
    roster = read_roster(path, list_date=Undated("31/12/2026"))
    assert roster.list_date == dt.date(2026, 12, 31)
    assert "list_date_from_as_of" in [p.key for p in roster.problems]
    assert _as_of(path, "--as-of", "2026-12-31") == "2026-12-31"


def test_a_reports_year_beside_a_documents_day_is_its_period(tmp_path: Path) -> None:
    """Before: a title "BÁO CÁO CHẤT LƯỢNG NĂM 2025 (theo Hướng dẫn số 15-HD/TCTW ngày 21
    tháng 11 năm 2022)" named a day, so its year was no period, and the list was read as
    of the guidance's day, 21/11/2022. Now the guidance's day is set aside and the line
    names the report's year: the list is as of 31/12/2025, said as a period's last day."""
    rows: list[list[Any]] = [
        ["UBND XÃ DÀO SAN"],
        ["BÁO CÁO CHẤT LƯỢNG NĂM 2025 (theo Hướng dẫn số 15-HD/TCTW ngày 21 tháng 11 năm 2022)"],
        HEADER,
        *PEOPLE,
    ]
    path = sheet(tmp_path / "nam-2025.xlsx", rows)
    roster = read_roster(path)
    assert roster.list_date == dt.date(2025, 12, 31)
    (period,) = [p for p in roster.problems if p.key == "list_date_from_period"]
    assert dict(period.args) == {"day": "31/12/2025", "period": "'NĂM 2025'"}
    assert _as_of(path) == "2025-12-31"


_KINDS = ["Quyết định", "QUYẾT ĐỊNH", "Thông tư", "Nghị quyết", "Hướng dẫn", "Công văn", "QĐ"]
_NUMBERS = ["số 12/QĐ-UBND", "12/2024/QĐ-UBND", "số 15-HD/TCTW", "số 11/2012/TT-BNV"]
_ISSUERS = [
    "", "của Chủ tịch UBND tỉnh ", "của Ban Thường vụ Tỉnh ủy ", "CỦA UBND HUYỆN PHONG THỔ ",
    "của Bộ trưởng Bộ Nội vụ ",
]  # fmt: skip
_SIGNERS = ["Dào San", "UBND xã Dào San", "Đảng ủy xã Tả Lèng", "ỦY BAN NHÂN DÂN XÃ NẬM TĂM"]


@settings(max_examples=150, deadline=None)
@given(
    kind=st.sampled_from(_KINDS),
    number=st.sampled_from(_NUMBERS),
    issuer=st.sampled_from(_ISSUERS),
    issued=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    words=st.booleans(),
    signer=st.sampled_from(_SIGNERS),
    signed=st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    first=st.booleans(),
)
def test_a_documents_day_whatever_its_issuer_is_no_lists_day(
    kind: str, number: str, issuer: str, issued: dt.date, words: bool, signer: str,
    signed: dt.date, first: bool,
) -> None:  # fmt: skip
    """Whatever the document's kind, number and issuer (between the number and "ngày"),
    and its day in figures or in words, its day is no list's day nor its year a period;
    a signing line naming a body ("UBND xã Dào San, ngày …") is no document: its day is
    kept and is the list's, before or after the reference."""
    day = (f"{issued.day:02d}/{issued.month:02d}/{issued.year}" if not words else
           f"{issued.day:02d} tháng {issued.month:02d} năm {issued.year}")  # fmt: skip
    reference = f"(Kèm theo {kind} {number} {issuer}ngày {day})"
    left = without_issued_days(reference)
    assert day not in left and str(issued.year) not in left
    assert title_day([left]) is None and title_period([left]) is None
    signing = f"{signer}, ngày {signed.day:02d} tháng {signed.month:02d} năm {signed.year}"
    assert without_issued_days(signing) == signing
    lines = [reference, signing] if first else [signing, reference]
    assert title_day(dated_lines(lines)) == signed


# ------------------------------------------------------------------ a record's head cells

NUMBER = "Số hiệu cán bộ, công chức: TL-001"
AGENCY = "Cơ quan, đơn vị sử dụng CBCC: UBND xã Tả Lèng"


def _record(head: Sequence[Sequence[str]], fields: Sequence[str] = FIELDS) -> Any:
    """A record of Lò Văn An whose head is a table of one row, each cell the paragraphs
    of ``head`` (the first one's text, the others added), then the title, ``fields`` and
    the signing lines."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=len(head))
    for cell, paragraphs in zip(table.rows[0].cells, head, strict=True):
        cell.text = paragraphs[0]
        for text in paragraphs[1:]:
            cell.add_paragraph(text)
    for line in (TITLE, *fields, SIGNED, SIGNER):
        document.add_paragraph(line)
    return document


def _folder(tmp_path: Path, documents: dict[str, Any]) -> Path:
    folder = tmp_path / "ho-so"
    folder.mkdir()
    for name, document in documents.items():
        document.save(str(folder / name))
    return folder


def test_a_head_cell_of_two_paragraphs_is_two_lines(tmp_path: Path) -> None:
    """Before: a record on the form 2C-BNV/2008 whose head cell holds two paragraphs, the
    form's code "Mẫu 2C-BNV/2008" over "Số hiệu cán bộ, công chức: TL-001" (the other cell
    the managing body over the using body), lost its number ("Số hiệu cán bộ, công chức:
    a value is required here", the record refused) and its commune ran into the next
    paragraph ("Xã Tả Lèng Cơ"): a cell's paragraphs were read as one line. Now each
    paragraph is a line of its own: the number, the agency and the commune are read."""
    head = [[MANAGER, AGENCY], [FORM, NUMBER]]
    folder = _folder(tmp_path, {"an.docx": _record(head)})
    roster = read_roster(folder)
    assert person(roster) == AN
    assert roster.list_date == dt.date(2026, 1, 15)
    (commune,) = [p for p in roster.problems if p.key == "commune_from_title"]
    assert dict(commune.args) == {"commune": "'Xã Tả Lèng'"}
    done = run("validate", str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "'Xã Tả Lèng'" in done.stdout and "Tả Lèng Cơ" not in done.stdout


# the head of the Party's form 2C/TCTW-98: the Party's bodies on lines of one cell
PARTY_HEAD = [["Tỉnh ủy: Lai Châu", "Đảng bộ: Xã Tả Lèng", "Chi bộ: Cơ quan Đảng ủy"],
              ["Số hiệu cán bộ: TL-001"]]  # fmt: skip
PARTY_FIELDS = (
    "1) Họ và tên đang dùng: LÒ VĂN AN",
    "4) Sinh ngày: 12/05/1975, 5) Giới tính: Nam",
    "9) Dân tộc: Giáy, 10) Tôn giáo: Không",
    "{post}: Chủ tịch UBND xã",
    "Đơn vị công tác: UBND xã Tả Lèng",
    "- Chuyên môn nghiệp vụ: Đại học Luật",
    "- Lý luận chính trị: Trung cấp",
)


@pytest.mark.parametrize(
    "post",
    [
        "13) Chức vụ hiện nay",
        "13) Chức vụ (Đảng, chính quyền, đoàn thể)",
        "13) Chức vụ hiện nay (Đảng, chính quyền, đoàn thể)",
        "Chức danh",
    ],
)
def test_the_post_and_body_of_the_party_form(tmp_path: Path, post: str) -> None:
    """Before: on the Party's form 2C/TCTW-98 the post's label "Chức vụ hiện nay" was
    no field (said not read: every post was lost), "Đơn vị công tác" was not read as the
    agency, and the commune of the head cell "Tỉnh ủy: Lai Châu" / "Đảng bộ: Xã Tả Lèng" /
    "Chi bộ: Cơ quan Đảng ủy" ran into the next paragraph ("Xã Tả Lèng Chi"). Now each
    label of the form's post is the post, "Đơn vị công tác" the agency, and the commune
    ends with its paragraph."""
    fields = [f.format(post=post) for f in PARTY_FIELDS]
    folder = _folder(tmp_path, {"an.docx": _record(PARTY_HEAD, fields)})
    roster = read_roster(folder)
    assert person(roster) == AN
    (commune,) = [p for p in roster.problems if p.key == "commune_from_title"]
    assert dict(commune.args) == {"commune": "'Xã Tả Lèng'"}
    assert "record_not_read" not in [p.key for p in roster.problems]  # every field read
    done = run("validate", str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "'Xã Tả Lèng'" in done.stdout and "Chức vụ" not in done.stdout


def test_a_second_label_of_the_agency_is_said_not_read(tmp_path: Path) -> None:
    """New with "Đơn vị công tác": a record naming its agency twice, "Cơ quan, đơn vị sử
    dụng" in its head and "Đơn vị công tác" in its fields, reads the first and names the
    second among the fields not read, never silently."""
    fields = [*FIELDS, "Đơn vị công tác: Văn phòng HĐND và UBND xã"]
    folder = _folder(tmp_path, {"an.docx": _record([[MANAGER, AGENCY], [FORM, NUMBER]], fields)})
    roster = read_roster(folder)
    assert person(roster) == AN
    (unread,) = [p for p in roster.problems if p.key == "record_not_read"]
    assert "Đơn vị công tác" in dict(unread.args)["fields"]


def test_a_value_cell_of_two_paragraphs_is_still_one_value(tmp_path: Path) -> None:
    """Not changed: in a record kept as a table of label and value cells, a value cell of
    two paragraphs ("Đại học" over "Luật") is one value, the degree and its field, and a
    training table's cell of two paragraphs one cell (its study dates the degree)."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=4, cols=2)
    cells = [("Họ và tên", "LÒ VĂN AN"), ("Sinh ngày", "12/05/1975"),
             ("Trình độ chuyên môn cao nhất", "Đại học\nLuật"), ("Số hiệu cán bộ", "TL-001")]  # fmt: skip
    for row, (name, value) in zip(table.rows, cells, strict=True):
        row.cells[0].text = name
        first, *rest = value.split("\n")
        row.cells[1].text = first
        for text in rest:
            row.cells[1].add_paragraph(text)
    document.add_paragraph("27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ")
    studies = document.add_table(rows=2, cols=4)
    heads = ["Tên trường", "Chuyên ngành", "Từ tháng, năm - đến tháng, năm", "Văn bằng"]
    for c, (head, value) in enumerate(zip(heads, ["Trường ĐH Luật", "Luật",
                                                  "09/1993 - 06/1997", "Cử nhân"], strict=True)):  # fmt: skip
        studies.cell(0, c).text = head
        studies.cell(1, c).text = value
    studies.cell(1, 0).add_paragraph("Hà Nội")  # the school's name over two paragraphs
    document.add_paragraph(SIGNED)
    folder = _folder(tmp_path, {"an.docx": document})
    roster = read_roster(folder)
    assert roster.cadres["cadre_id"].tolist() == ["TL-001"]
    assert roster.degrees[["level", "field", "awarded_date"]].values.tolist() == [
        ["dai_hoc", "Luật", pd.Timestamp(1997, 6, 30)]
    ]


# ------------------------------------------------------------------ a date under "Nữ"


def _born(path: Path) -> Path:
    """A list with "Năm sinh" over "Nam" | "Nữ": a day under "Nam", a year and a day that
    is none under "Nữ", a row with neither."""
    rows: list[list[Any]] = [
        ["UBND XÃ HUA BUM"],
        ["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"],
        ["STT", "Họ và tên", "Năm sinh", None, "Chức vụ"],
        [None, None, "Nam", "Nữ", None],
        [1, "Lò Văn An", "12/03/1975", None, "Bí thư Đảng ủy xã"],
        [2, "Lò Thị Bình", None, "1987", "Chủ tịch HĐND xã"],
        [3, "Vàng A Chứ", None, None, "Chủ tịch UBND xã"],
        [4, "Tao Thị Dung", None, "30/02/1990", "Phó Chủ tịch UBND xã"],
    ]
    return sheet(path, rows, ["A3:A4", "B3:B4", "C3:D3", "E3:E4"])


def test_a_bad_date_under_nu_is_said_in_its_column(tmp_path: Path) -> None:
    """Before: a bad date under "Nữ" ("1987", "30/02/1990" in column D) was said in the
    "Nam" column ("Năm sinh / Nam (column C)", blank on that row). Now each is said in the
    column it is in, "Năm sinh / Nữ (column D)", a date under "Nam" in column C, and a row
    with neither in both ("Năm sinh / Nam + Nữ (column C–D)"); with ``--skip-invalid`` the
    dates set aside are said there too, and the gender still comes from the column."""
    path = _born(tmp_path / "nam-nu.xlsx")
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    where = "nam-nu.xlsx, sheet 'Danh sách'"
    errors = [(p.key, p.file, p.row, p.column, p.value)
              for p in refused.value.problems if p.severity == "error"]  # fmt: skip
    assert errors == [
        ("date", where, 6, "Năm sinh / Nữ (column D)", "1987"),
        ("date", where, 8, "Năm sinh / Nữ (column D)", "30/02/1990"),
        ("value_required", where, 7, "Năm sinh / Nam + Nữ (column C–D)", None),
    ]
    roster = read_roster(path, skip_invalid=True)
    genders = [None if pd.isna(g) else g for g in roster.cadres["gender"]]
    assert genders == ["male", "female", None, "female"]
    assert [(p.row, p.column) for p in roster.skipped] == [
        (6, "Năm sinh / Nữ (column D)"), (8, "Năm sinh / Nữ (column D)"),
        (7, "Năm sinh / Nam + Nữ (column C–D)"),
    ]  # fmt: skip
    done = run("validate", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    said = done.stdout + done.stderr  # the table of problems, on standard error
    lines = [line for line in said.splitlines() if "'1987'" in line or "30/02" in line]
    assert len(lines) == 2 and all("\tNăm sinh / Nữ (column D)\t" in line for line in lines)
    assert "\t7\tNăm sinh / Nam + Nữ (column C–D)\t\ta value is required here" in said
    assert "Năm sinh / Nam (column C)" not in said
