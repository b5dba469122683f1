"""Personal records ("Sơ yếu lý lịch", form 2C-BNV/2008): one Word document per person, a
folder of them one commune's list.

The records are written here as an office fills the form in Word: the head's table (the
managing and using bodies, the cadre's number), the title, the numbered fields with the
form's hints under some, the sections that follow (training, work, family) and the
signatures. The same record is also written as a table of a label cell and a value cell,
as some offices keep it.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import docx
import pandas as pd
import pytest
from conftest import SOFFICE
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core import RosterError, read_roster
from cadre_core.roster._grid import Text
from cadre_core.roster._province import read_rosters
from cadre_core.roster._record import HEADERS, is_record, record_folder, record_grid

# what no output may hold: a relative's name, an identity number, an address
PRIVATE = ("Lò Văn Bố", "012345678", "Hồ Pên", "1234567890")


def _fields(person: dict[str, str]) -> list[str]:
    """The numbered fields of a record of ``person``, as the form lays them out."""
    return [
        f"1) Họ và tên khai sinh (viết chữ in hoa): {person['name'].upper()}",
        "2) Tên gọi khác: Không",
        f"3) Sinh ngày: {person['birth']}, Giới tính (nam, nữ): {person['gender']}",
        "4) Nơi sinh: Xã Tả Lèng, Huyện Tam Đường, Tỉnh Lai Châu",
        "5) Quê quán: Xã Tả Lèng, Huyện Tam Đường, Tỉnh Lai Châu",
        f"6) Dân tộc: {person['ethnic']}, 7) Tôn giáo: Không",
        "8) Nơi đăng ký hộ khẩu thường trú: Bản Hồ Pên, xã Tả Lèng",
        "(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)",
        "9) Nơi ở hiện nay: Bản Hồ Pên, xã Tả Lèng",
        "10) Nghề nghiệp khi được tuyển dụng: Giáo viên",
        "11) Ngày tuyển dụng: 01/03/2010, Cơ quan tuyển dụng: UBND huyện Tam Đường",
        f"12) Chức vụ (chức danh) hiện tại: {person['title']}",
        "(Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm)",
        "13) Công việc chính được giao: Phụ trách chung",
        "14) Ngạch công chức (viên chức): Chuyên viên, Mã ngạch: 01.003",
        "Bậc lương: 4, Hệ số: 3,33, Ngày hưởng: 01/01/2022,",
        "Phụ cấp chức vụ: 0,3, Phụ cấp khác: ........",
        "15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào): 12/12",
        f"15.2- Trình độ chuyên môn cao nhất: {person['degree']}",
        "(TSKH, TS, Ths, cử nhân, kỹ sư, cao đẳng, trung cấp, sơ cấp, chuyên ngành)",
        f"15.3- Lý luận chính trị: {person['theory']}          15.4- Quản lý nhà nước: Chuyên viên",
        "(Cao cấp, trung cấp, sơ cấp và tương đương)     (chuyên viên cao cấp, chuyên viên "
        "chính, chuyên viên, cán sự, ....)",
        "15.5- Ngoại ngữ: Tiếng Anh B, 15.6- Tin học: Trình độ B",
        "16) Ngày vào Đảng Cộng sản Việt Nam: 03/02/2005, Ngày chính thức: 03/02/2006",
        "18) Ngày nhập ngũ: ..../..../......, Ngày xuất ngũ: ..../..../...... Quân hàm cao "
        "nhất: ......",
        "21) Khen thưởng: Giấy khen 2020, 22) Kỷ luật: Không",
        "23) Tình trạng sức khoẻ: Tốt, Chiều cao: 1m65, Cân nặng: 60 (kg), Nhóm máu: O",
        "25) Số chứng minh nhân dân: 012345678 Ngày cấp: 01/01/2015",
        "26) Số sổ BHXH: 1234567890",
    ]


def _table(d: object, rows: list[list[str]]) -> None:
    table = d.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def write_record(path: Path, person: dict[str, str], *, as_table: bool = False) -> Path:
    """A personal record of ``person`` (name, birth, gender, ethnic, title, degree, theory,
    signed) saved at ``path``: the fields as numbered lines, or as a table of label and
    value cells (``as_table``)."""
    d = docx.Document()
    _table(d, [["Cơ quan, đơn vị có thẩm quyền quản lý CBCC: Đảng ủy xã Tả Lèng",
                f"Số hiệu cán bộ, công chức: {person['id']}"],
               ["Cơ quan, đơn vị sử dụng CBCC: UBND xã Tả Lèng", ""]])  # fmt: skip
    d.add_paragraph("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC")
    if as_table:
        rows = []
        for line in _fields(person):
            if line.startswith("("):
                continue
            label, _, value = line.partition(": ")
            rows.append([label, value])
        _table(d, rows)
    else:
        for line in _fields(person):
            d.add_paragraph(line)
    d.add_paragraph("27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ")
    _table(d, [["Tên trường", "Chuyên ngành đào tạo, bồi dưỡng", "Từ tháng, năm - đến tháng, năm",
                "Hình thức đào tạo", "Văn bằng, chứng chỉ, trình độ gì"],
               ["Trường Đại học Luật Hà Nội", "Luật", "09/1993 - 06/1997", "Chính quy",
                "Cử nhân"],
               ["Trường Chính trị tỉnh Lai Châu", "Lý luận chính trị", "09/2015 - 06/2016",
                "Tập trung", "Trung cấp"],
               ["Học viện Hành chính Quốc gia", "Quản lý công", "09/2025 - nay", "Vừa làm vừa học",
                "Thạc sĩ"],
               ["Trường Chính trị tỉnh Lai Châu", "Bồi dưỡng kiến thức QLNN ngạch chuyên viên",
                "03/2018 - 05/2018", "Tập trung", "Chứng chỉ"],
               *person.get("courses", [])])  # type: ignore[list-item]  # fmt: skip
    d.add_paragraph("28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC")
    _table(d, [["Từ tháng, năm đến tháng, năm", "Chức danh, chức vụ, đơn vị công tác"],
               *person.get("works", [["03/2010 - nay", "Công chức xã Tả Lèng"]])])  # type: ignore[list-item]  # fmt: skip
    d.add_paragraph("30) QUAN HỆ GIA ĐÌNH")
    _table(d, [["Mối quan hệ", "Họ và tên", "Năm sinh", "Quê quán, nghề nghiệp"],
               ["Bố", "Lò Văn Bố", "1950", "Làm ruộng, sinh ngày 02 tháng 3 năm 1950"]])  # fmt: skip
    d.add_paragraph("")
    _table(d, [["Người khai", person["signed"]],
               ["Tôi xin cam đoan những lời khai trên đây là đúng sự thật",
                "Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC"]])  # fmt: skip
    d.save(str(path))
    return path


AN = {"id": "TL-001", "name": "Lò Văn An", "birth": "12 tháng 5 năm 1975", "gender": "Nam",
      "ethnic": "Giáy", "title": "Bí thư Đảng ủy, Chủ tịch HĐND xã", "degree": "Đại học Luật",
      "theory": "Cao cấp", "signed": "Tả Lèng, ngày 15 tháng 01 năm 2026"}  # fmt: skip
BINH = {"id": "TL-002", "name": "Trần Thị Bình", "birth": "03/07/1988", "gender": "Nữ",
        "ethnic": "Kinh", "title": "Chủ tịch UBND xã", "degree": "Thạc sĩ Quản lý kinh tế",
        "theory": "Cao cấp", "signed": "Tả Lèng, ngày 20 tháng 3 năm 2026"}  # fmt: skip
CHU = {"id": "TL-003", "name": "Vàng A Chu", "birth": "1/1/1990", "gender": "Nam",
       "ethnic": "Mông", "title": "Công chức Văn phòng - Thống kê",
       "degree": "Cao đẳng Kế toán", "theory": "Trung cấp",
       "signed": "Tả Lèng, ngày 02 tháng 02 năm 2026"}  # fmt: skip


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ho-so"
    folder.mkdir()
    for person in (AN, BINH, CHU):
        write_record(folder / f"{person['id']}.docx", person)
    (folder / "ghi-chu.txt").write_text("Hồ sơ cán bộ xã Tả Lèng, cập nhật tháng 3/2026\n")
    (folder / "anh-the.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    return folder


@pytest.mark.parametrize("as_table", [False, True], ids=["lines", "table"])
def test_a_record_reads_as_a_list_of_its_person(tmp_path: Path, as_table: bool) -> None:
    roster = read_roster(write_record(tmp_path / "an.docx", AN, as_table=as_table))
    (cadre,) = roster.cadres.itertuples()
    assert cadre.full_name == "Lò Văn An"  # the form's capitals, as a name is written
    assert cadre.birth_date == pd.Timestamp(1975, 5, 12)
    assert (cadre.gender, cadre.ethnicity, cadre.religion) == ("male", "Giáy", "Không")
    assert cadre.party_join_date == pd.Timestamp(2005, 2, 3)
    assert cadre.state_management == "chuyen_vien"
    assert roster.degrees[["level", "field"]].values.tolist() == [["dai_hoc", "Luật"]]
    assert roster.theory["level"].tolist() == ["cao_cap"]
    # posts held together: the Secretary also chairs the council
    assert set(roster.positions["category"]) == {"party_secretary", "council_chair"}
    assert roster.agencies["commune"].tolist() == ["Xã Tả Lèng"]
    assert roster.list_date == dt.date(2026, 1, 15)  # the day it was signed
    keys = {p.key for p in roster.problems}
    assert {"record_not_read", "record_day"} <= keys
    said = next(p for p in roster.not_read if p.key == "record_not_read")
    for name in ("Nơi sinh", "Số chứng minh nhân dân", "Quan hệ gia đình", "Đào tạo, bồi dưỡng"):
        assert name in said.expected
    # nothing of a relative, an identity number or an address is taken in
    tables = " ".join(f.astype(str).to_csv() for f in roster.tables.values())
    assert not [p for p in PRIVATE if p in tables]


def test_the_training_section_dates_the_highest_degree_and_the_theory(tmp_path: Path) -> None:
    """The study that gave the level a field names (its diploma that level, a theory
    study for the theory) dates it: the end of its last month. A study still under way
    ("09/2025 - nay") and a course with a certificate date nothing."""
    roster = read_rosters([_folder(tmp_path)])
    names = roster.cadres.set_index("cadre_id")["full_name"]
    degrees = roster.degrees.assign(name=roster.degrees["cadre_id"].map(names)).set_index("name")
    theory = roster.theory.assign(name=roster.theory["cadre_id"].map(names)).set_index("name")
    # An's "Đại học Luật" is the "Cử nhân" of 1993-1997; his theory "Cao cấp" no study gave
    assert degrees.loc["Lò Văn An", "awarded_date"] == pd.Timestamp(1997, 6, 30)
    assert pd.isna(theory.loc["Lò Văn An", "awarded_date"])
    # Chu's "Trung cấp" theory is the study of 2015-2016; his "Cao đẳng" no study gave
    assert theory.loc["Vàng A Chu", "awarded_date"] == pd.Timestamp(2016, 6, 30)
    assert pd.isna(degrees.loc["Vàng A Chu", "awarded_date"])
    # Bình's master's is her own field's, the study under way dates nothing
    assert pd.isna(degrees.loc["Trần Thị Bình", "awarded_date"])
    said = next(p for p in roster.not_read if p.key == "record_not_read")
    assert "Đào tạo, bồi dưỡng" in said.expected  # the rows not read: the section is listed


def test_a_folder_of_records_is_one_communes_list(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert [p.name for p in record_folder(folder) or []] == [
        "TL-001.docx", "TL-002.docx", "TL-003.docx"
    ]  # fmt: skip
    roster = read_rosters([folder])
    assert sorted(roster.cadres["full_name"]) == ["Lò Văn An", "Trần Thị Bình", "Vàng A Chu"]
    assert roster.agencies["commune"].unique().tolist() == ["Xã Tả Lèng"]
    assert roster.list_date == dt.date(2026, 3, 20)  # the latest record signed
    day = next(p for p in roster.problems if p.key == "record_day")
    assert "20/03/2026" in day.expected and "15/01/2026" in day.expected
    assert str(dict(day.args)["signed"]) == "3"
    assert sorted(s.split(":")[0] for s in roster.sources) == [
        "TL-001.docx", "TL-002.docx", "TL-003.docx"
    ]  # fmt: skip
    # a list's own day wins
    assert read_rosters([folder], list_date="2026-12-31").list_date == dt.date(2026, 12, 31)


def test_a_document_beside_the_records_that_is_none_is_said(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    letter = docx.Document()
    letter.add_paragraph("Kính gửi: Đảng ủy xã Tả Lèng")
    letter.save(str(folder / "cong-van.docx"))
    roster = read_rosters([folder])
    assert len(roster.cadres) == 3
    (said,) = [p for p in roster.not_read if p.key == "not_a_record"]
    assert said.file == "ho-so/cong-van.docx"


def test_a_bad_field_names_the_record_and_the_field(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    write_record(folder / "TL-002.docx", {**BINH, "birth": "31 tháng 02 năm 1988"})
    with pytest.raises(RosterError) as caught:
        read_rosters([folder])
    (bad,) = [p for p in caught.value.problems if p.severity == "error"]
    assert (bad.file, bad.row, bad.column) == ("ho-so/TL-002.docx", None, "Ngày sinh")
    assert bad.value == "31 tháng 02 năm 1988"


def test_evaluate_a_folder_of_records_through_the_console_script(
    tmp_path: Path, cadre_exe: Path
) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "ket-qua.json"
    done = subprocess.run(
        [str(cadre_exe), "evaluate", str(folder), "--plugin", "laichau", "--as-of",
         "2026-12-31", "--format", "json", "-o", str(out)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    (commune,) = doc["communes"]
    assert commune["commune"] == "Xã Tả Lèng"
    standing = next(t for t in commune["targets"] if t["id"] == "nq05.5a")
    assert (standing["population"], standing["satisfied"]) == (2, 1)  # one master of two
    assert any(p["key"] == "record_not_read" for p in doc["not_read"])
    text = out.read_text(encoding="utf-8") + done.stdout + done.stderr
    assert not [p for p in PRIVATE if p in text]


def test_a_bad_record_is_exit_2_with_a_sentence(tmp_path: Path, cadre_exe: Path) -> None:
    folder = _folder(tmp_path)
    write_record(folder / "TL-003.docx", {**CHU, "gender": "Không rõ"})
    done = subprocess.run(
        [str(cadre_exe), "validate", str(folder)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 2
    assert "TL-003.docx" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is missing")
def test_a_record_kept_as_word_97_reads_as_the_same(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    saved = tmp_path / "saved"
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "doc", "--outdir", str(saved), str(folder / "TL-001.docx")],
        capture_output=True, timeout=240, check=True,
    )  # fmt: skip
    (folder / "TL-001.docx").unlink()
    (saved / "TL-001.doc").rename(folder / "TL-001.doc")
    roster = read_rosters([folder])
    an = roster.cadres.set_index("full_name").loc["Lò Văn An"]
    assert an["birth_date"] == pd.Timestamp(1975, 5, 12)
    assert roster.list_date == dt.date(2026, 3, 20)


def test_a_list_is_no_record() -> None:
    assert not is_record([Text(["DANH SÁCH CÁN BỘ", "Họ và tên: Lò Văn An"])])
    # a title without a name among the labels: no record either
    assert not is_record([Text(["SƠ YẾU LÝ LỊCH", "Ghi chú: hồ sơ đang bổ sung"])])
    assert record_grid("x.docx", [Text(["DANH SÁCH CÁN BỘ", "Họ và tên: Lò Văn An"])]) is None


def test_a_list_titled_ly_lich_trich_ngang_is_a_list(tmp_path: Path) -> None:
    """Before: a Word list titled "LÝ LỊCH TRÍCH NGANG CÁN BỘ" (one row per person) was
    taken for one person's record, since its header row's "Họ và tên" is a record's label:
    the list was refused ("the list's date is unknown") and its people lost. A name label
    followed at once by another label is a list's header; a record's holds a value."""
    d = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN XÃ NẬM TĂM", "LÝ LỊCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC XÃ",
                 "(Tính đến ngày 31/10/2025)"):  # fmt: skip
        d.add_paragraph(line)
    rows = [
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"],
        ["1", "Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"],
        ["2", "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Đại học Kinh tế"],
    ]
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    path = tmp_path / "trich-ngang.docx"
    d.save(str(path))
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình"]
    assert roster.list_date == dt.date(2025, 10, 31) and not roster.records
    # one person's "Lý lịch trích ngang", its labels holding values, is still a record
    lines = ["LÝ LỊCH TRÍCH NGANG", "1) Họ và tên: LÒ VĂN AN", "2) Sinh ngày: 12/3/1975"]
    assert is_record([Text(lines)])
    # and so is a blank form: dot leaders to fill, or the label alone on its line
    assert is_record([Text(["SƠ YẾU LÝ LỊCH", "1) Họ và tên khai sinh: ..........."])])
    assert is_record([Text(["SƠ YẾU LÝ LỊCH", "Họ và tên khai sinh:"])])


# ---------------------------------------------------------------- the labels, any values

_VALUES = {
    "Họ và tên": st.sampled_from(["LÒ VĂN AN", "Trần Thị Bình", "HÀ THỊ NGỌC ANH"]),
    "Ngày sinh": st.sampled_from(["12 tháng 5 năm 1975", "03/07/1988", "1/1/1990"]),
    "Giới tính": st.sampled_from(["Nam", "Nữ"]),
    "Dân tộc": st.sampled_from(["Kinh", "Thái", "Hà Nhì", "Mông"]),
    "Chức vụ hiện tại": st.sampled_from(
        ["Chủ tịch UBND xã", "Bí thư Đảng ủy, Chủ tịch HĐND xã", "Công chức Tư pháp - Hộ tịch"]
    ),
    "Trình độ chuyên môn cao nhất": st.sampled_from(
        ["Đại học Quản lý nhà nước", "Cử nhân Tin học", "Thạc sĩ Luật", "Trung cấp Ngoại ngữ"]
    ),
    "Lý luận chính trị": st.sampled_from(["Cao cấp", "Trung cấp", "Sơ cấp"]),
}
_SPELLED = {
    "Họ và tên": ["Họ và tên khai sinh (viết chữ in hoa)", "Họ và tên khai sinh", "Họ và tên"],
    "Ngày sinh": ["Sinh ngày", "Ngày, tháng, năm sinh"],
    "Giới tính": ["Giới tính (nam, nữ)", "Giới tính"],
    "Dân tộc": ["Dân tộc"],
    "Chức vụ hiện tại": ["Chức vụ (chức danh) hiện tại", "Chức vụ hiện tại"],
    "Trình độ chuyên môn cao nhất": ["Trình độ chuyên môn cao nhất", "Trình độ chuyên môn"],
    "Lý luận chính trị": ["Lý luận chính trị"],
}


@settings(max_examples=150, deadline=None)
@given(
    values=st.fixed_dictionaries(_VALUES),
    spelled=st.fixed_dictionaries({k: st.sampled_from(v) for k, v in _SPELLED.items()}),
    per_line=st.integers(1, 3),
    joiner=st.sampled_from([", ", "   ", "\t", " ....... "]),
    numbered=st.booleans(),
    leaders=st.booleans(),
)
def test_every_field_comes_back_whatever_its_place(
    values: dict[str, str],
    spelled: dict[str, str],
    per_line: int,
    joiner: str,
    numbered: bool,
    leaders: bool,
) -> None:
    """Fields several to a line, joined as offices join them, numbered or not, with or
    without the form's dot leaders, come back as written (a name in capitals as a name),
    and a value holding a label's words ("Đại học Quản lý nhà nước") stays whole."""
    parts = []
    for n, (header, value) in enumerate(values.items(), start=1):
        number = f"{n}) " if numbered else ""
        shown = f"...{value}....." if leaders else value
        parts.append(f"{number}{spelled[header]}: {shown}")
    lines = [joiner.join(parts[i : i + per_line]) for i in range(0, len(parts), per_line)]
    grid = record_grid("x.docx", [Text(["UBND XÃ TẢ LÈNG", "SƠ YẾU LÝ LỊCH", *lines])])
    assert grid is not None
    row = dict(zip(grid.cells.iloc[-2], grid.cells.iloc[-1], strict=True))
    for header, value in values.items():
        expected = value.title() if header == "Họ và tên" and value.isupper() else value
        assert row[header] == expected, (header, lines)
    assert set(row) <= set(HEADERS)


# ---------------------------------------------------------------- under pseudonyms

NAMED = {"lo-van-an.docx": AN, "Trần Thị Bình.docx": BINH, "VANG A CHU.docx": CHU}


def _named_folder(tmp_path: Path) -> Path:
    """Records named after their person, as offices name them."""
    folder = tmp_path / "ho-so"
    folder.mkdir()
    for name, person in NAMED.items():
        write_record(folder / name, person)
    return folder


def _leaks(text: str) -> list[str]:
    people = [p["name"] for p in NAMED.values()]
    stems = [Path(n).stem for n in NAMED]
    return [w for w in [*people, *stems, *PRIVATE] if w.casefold() in text.casefold()]


@pytest.mark.parametrize("fmt", ["json", "html", "xlsx"])
def test_pseudonyms_hide_the_records_names(tmp_path: Path, cadre_exe: Path, fmt: str) -> None:
    """A record's file is often named after its person: under pseudonyms its name is a
    pseudonym in every place the output names a file (problems, inputs), and the person
    is nowhere."""
    folder = _named_folder(tmp_path)
    write_record(folder / "Trần Thị Bình.docx", {**BINH, "birth": "31 tháng 02 năm 1988"})
    key = tmp_path / "key"
    key.write_text("a secret key of the office, 32 bytes")
    out = tmp_path / f"ket-qua.{fmt}"
    done = subprocess.run(
        [str(cadre_exe), "evaluate", str(folder), "--plugin", "laichau", "--skip-invalid",
         "--pseudonymize", "--pseudonym-key", str(key), "-o", str(out)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    if fmt == "xlsx":
        import zipfile

        with zipfile.ZipFile(out) as book:
            text = " ".join(book.read(n).decode("utf-8") for n in book.namelist())
    else:
        text = out.read_text(encoding="utf-8")
    assert not _leaks(text + done.stdout + done.stderr)
    assert ".docx" in text  # the files are still named, by pseudonyms
    if fmt == "json":
        inputs = json.loads(text)["audit"]["inputs"]
        assert all(i.startswith("HS-") for i in inputs), inputs


def test_pseudonyms_hide_the_names_of_records_that_could_not_be_read(
    tmp_path: Path, cadre_exe: Path
) -> None:
    folder = _named_folder(tmp_path)
    write_record(folder / "Trần Thị Bình.docx", {**BINH, "birth": "31 tháng 02 năm 1988"})
    key = tmp_path / "key"
    key.write_text("a secret key of the office, 32 bytes")
    done = subprocess.run(
        [str(cadre_exe), "evaluate", str(folder), "--plugin", "laichau", "--pseudonymize",
         "--pseudonym-key", str(key), "--format", "json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 2
    assert "[withheld].docx" in done.stdout + done.stderr
    assert not _leaks(done.stdout + done.stderr)


def test_a_label_of_no_known_field_ends_the_value_before_it_and_is_named() -> None:
    """The Party's form (2C/TCTW-98) puts labels this reader has no field for beside
    known ones ("Thành phần gia đình xuất thân", "Học hàm, học vị"), and its levels under
    a heading as dashes: a known field's value stops at such a label, and the label is
    named among what was not read, never its value."""
    lines = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên đang dùng: Lò Văn An",
        "6) Dân tộc: Thái, Thành phần gia đình xuất thân: Bần nông",
        "15) Trình độ hiện nay:",
        "- Giáo dục phổ thông: 12/12",
        "- Chuyên môn nghiệp vụ: Đại học Nông nghiệp; Học hàm, học vị: Không",
        "- Lý luận chính trị: Trung cấp",
        "Tả Lèng, ngày 15 tháng 01 năm 2026",
    ]
    grid = record_grid("an.docx", [Text(lines)])
    assert grid is not None
    row = dict(zip(grid.cells.iloc[-2], grid.cells.iloc[-1], strict=True))
    assert row["Dân tộc"] == "Thái"
    assert row["Trình độ giáo dục phổ thông"] == "12/12"
    assert row["Trình độ chuyên môn cao nhất"] == "Đại học Nông nghiệp"
    assert row["Lý luận chính trị"] == "Trung cấp"
    assert "Thành phần gia đình xuất thân" in grid.unread
    assert "Học hàm" in " ".join(grid.unread)
    assert "Bần nông" not in " ".join(grid.unread)


# a course of 2026 beside the record's other studies: (school, content, period, mode, diploma)
COURSE = ["Trường Chính trị tỉnh Lai Châu", "Bồi dưỡng chuyển đổi số và văn hóa công sở",
          "03/2026 - 04/2026", "Tập trung", "Giấy chứng nhận"]  # fmt: skip


def test_the_training_sections_courses_are_the_records_trainings(tmp_path: Path) -> None:
    """Each finished course (a certificate, no degree or theory) whose content names
    training topics is a training of the record's person, completed the last day of its
    period; the trainings are then informed (the targets on them are evaluated, not set
    aside for want of data) unless a record has no training table to read."""
    from cadre_core import evaluate

    folder = tmp_path / "ho-so"
    folder.mkdir()
    for person in (AN, BINH, CHU):
        given = {**person, "courses": [COURSE]} if person is AN else person
        write_record(folder / f"{person['id']}.docx", given)  # type: ignore[arg-type]
    roster = read_roster(folder)
    assert "trainings" not in roster.absent
    trainings = roster.tables["trainings"].set_index("cadre_id")
    an = trainings.loc[["TL-001"]].sort_values("completed_date")
    assert an["topics"].tolist() == ["state_management", "office_culture;digital_transformation"]
    assert an["completed_date"].tolist() == [pd.Timestamp(2018, 5, 31), pd.Timestamp(2026, 4, 30)]
    assert an["course"].iloc[-1] == COURSE[1]
    assert sorted(trainings.index.unique()) == ["TL-001", "TL-002", "TL-003"]
    ev = evaluate(roster, "2026-12-31", plugins=["laichau"], findings=False)
    targets = {t.id: t for c in ev.communes for t in c.targets}
    assert targets["nq05.3"].reason is None  # evaluated on the courses read
    assert targets["nq05.3"].status == "not_met"  # one of three trained in two of six topics
    # a record whose training table cannot be read: no one counts as trained in nothing
    bare = docx.Document(str(folder / "TL-003.docx"))
    studies = next(t for t in bare.tables if "Tên trường" in t.cell(0, 0).text)
    studies._element.getparent().remove(studies._element)
    bare.save(str(folder / "TL-003.docx"))
    assert "trainings" in read_roster(folder).absent


_FILLER = st.sampled_from(["lớp", "bồi dưỡng", "kiến thức", "cho", "cán bộ", "cấp xã", "năm",
                           "2026", "kỹ năng", "nâng cao", "về", "và", "(đợt 1)"])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_course_names_its_topics_anywhere_in_its_text(data: st.DataObject) -> None:
    """Any topic's spelling among words that name none is found, whatever the case and
    the words around it; the words alone name none."""
    from cadre_core.roster._record_sections import _topic_phrases, topics_named

    phrase, code = data.draw(st.sampled_from(_topic_phrases()))
    before = data.draw(st.lists(_FILLER, max_size=4))
    after = data.draw(st.lists(_FILLER, max_size=4))
    spelled = data.draw(st.sampled_from([phrase, phrase.upper(), phrase.capitalize()]))
    text = " ".join([*before, spelled, *after])
    assert code in topics_named(text)
    assert topics_named(" ".join([*before, *after])) == []


def test_the_work_history_dates_the_post_it_names(tmp_path: Path) -> None:
    """The row of the work history still going on dates the current post (its start
    month's first day) when it names every post held; a row naming another post (or
    only the body) dates nothing, and the post is taken as held on the list's day."""
    folder = tmp_path / "ho-so"
    folder.mkdir()
    works = [["03/2010 - 02/2021", "Công chức Văn phòng - Thống kê xã Tả Lèng"],
             ["03/2021 - nay", "Chủ tịch UBND xã Tả Lèng"]]  # fmt: skip
    for person in (AN, BINH, CHU):
        given = {**person, "works": works} if person is BINH else person
        write_record(folder / f"{person['id']}.docx", given)  # type: ignore[arg-type]
    roster = read_roster(folder)
    start = roster.tables["assignments"].groupby("cadre_id")["start_date"].min()
    assert start["TL-002"] == pd.Timestamp(2021, 3, 1)
    assert start["TL-001"] == start["TL-003"] == pd.Timestamp(roster.list_date)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is missing")
def test_a_folder_of_word_97_records_is_converted_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Old offices keep records as ``.doc``: the folder's are converted by one start of
    LibreOffice (its start is most of a conversion's time), and read as the ``.docx``."""
    import cadre_core.roster._office as office

    folder = _folder(tmp_path)
    saved = tmp_path / "saved"
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "doc", "--outdir", str(saved),
         *(str(folder / f"{p['id']}.docx") for p in (AN, BINH, CHU))],
        capture_output=True, timeout=240, check=True,
    )  # fmt: skip
    want = read_roster(folder)
    for person in (AN, BINH, CHU):
        (folder / f"{person['id']}.docx").unlink()
        (saved / f"{person['id']}.doc").rename(folder / f"{person['id']}.doc")
    runs: list[list[str]] = []
    real_run = office.subprocess.run

    def counted(args: list[str], **kw: object) -> object:
        runs.append(args)
        return real_run(args, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(office.subprocess, "run", counted)
    got = read_roster(folder)
    assert len(runs) == 1 and sum(a.endswith(".doc") for a in runs[0]) == 3
    assert sorted(got.cadres["full_name"]) == sorted(want.cadres["full_name"])
    pd.testing.assert_frame_equal(
        got.tables["degrees"].reset_index(drop=True), want.tables["degrees"].reset_index(drop=True)
    )
