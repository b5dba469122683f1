"""A list's bloc group rows and its title columns, as they become agencies and posts.

Each list is built here as an office keeps it and read through ``read_roster`` and the
real ``cadre`` command; each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import docx
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import read_roster
from cadre_core.roster._flat_rows import agency_keys
from cadre_core.roster._problems import Problem
from cadre_core.vocab._labels import label

DAY = dt.date(2025, 12, 31)
TITLE = ("ỦY BAN NHÂN DÂN XÃ NẬM NHÙN", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ NẬM NHÙN",
         "Tính đến ngày 31 tháng 12 năm 2025")  # fmt: skip
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
        "Lý luận chính trị"]  # fmt: skip
CHUNG = [1, "Lò Văn Chung", "01/06/1973", "Nam", "Bí thư Đảng ủy", "Đại học", "Cao cấp"]
CA = [2, "Lý Thị Ca", "20/02/1982", "Nữ", "Chủ tịch Ủy ban MTTQ Việt Nam xã", "Đại học",
      "Trung cấp"]  # fmt: skip
KHU = [3, "Chang A Khừ", "13/08/1987", "Nam", "Bí thư Đoàn TNCS Hồ Chí Minh xã", "Cao đẳng",
       "Sơ cấp"]  # fmt: skip
# the People's Committee's chair below the post's standard: a finding names who must act
SAI = [4, "Tẩn A Sài", "09/12/1980", "Nam", "Chủ tịch UBND xã", "Trung cấp", "Sơ cấp"]
NGOC = [5, "Lò Thị Ngọc", "22/07/1986", "Nữ", "Phó Chủ tịch UBND xã", "Đại học", "Trung cấp"]
SI = [6, "Pờ Thị Sí", "30/10/1994", "Nữ", "Công chức Văn hóa - Xã hội", "Đại học", None]


def _blocs_list(tmp_path: Path) -> Path:
    """A list with no agency column: a total row, bloc group rows "A/ Khối Đảng, đoàn
    thể" and "B/ Khối chính quyền", each with a kind-of-staff row and its subtotal."""
    rows = [
        *[[t] for t in TITLE],
        HEAD,
        [None, "Tổng cộng", 6],
        ["A/", "Khối Đảng, đoàn thể"],
        ["I.", "CÁN BỘ"],
        CHUNG,
        CA,
        KHU,
        [None, "Cộng", 3],
        ["B/", "Khối chính quyền"],
        ["I.", "CÁN BỘ"],
        SAI,
        NGOC,
        ["II.", "CÔNG CHỨC"],
        SI,
        [None, "Cộng", 3],
    ]
    return sheet(tmp_path / "khoi.xlsx", rows)


def _agency_of(roster: Any) -> pd.DataFrame:
    """Each person's post, agency name, commune and bloc, by name."""
    held = roster.assignments.merge(roster.positions, on="position_code")
    held = held.merge(roster.agencies, on="agency_code", suffixes=("", "_agency"))
    held = held.merge(roster.cadres[["cadre_id", "full_name"]], on="cadre_id")
    frame: pd.DataFrame = held.set_index("full_name")[["title", "name", "commune", "bloc"]]
    return frame


def test_bloc_group_rows_make_an_agency_per_bloc(tmp_path: Path) -> None:
    """Before: a list with no agency column read its bloc rows into ONE agency, "Xã Nậm
    Nhùn", of the first bloc (party_front): the UBND chair's post was in the Party's bloc."""
    roster = read_roster(_blocs_list(tmp_path))
    agencies = roster.agencies[["agency_code", "name", "commune", "bloc"]]
    assert agencies.astype(object).values.tolist() == [
        ["DV01", "Khối Đảng, đoàn thể", "Xã Nậm Nhùn", "party_front"],
        ["DV02", "Khối chính quyền", "Xã Nậm Nhùn", "government"],
    ]
    held = _agency_of(roster)
    assert held["bloc"].astype(object).to_dict() == {
        "Lò Văn Chung": "party_front",
        "Lý Thị Ca": "party_front",
        "Chang A Khừ": "party_front",
        "Tẩn A Sài": "government",
        "Lò Thị Ngọc": "government",
        "Pờ Thị Sí": "government",
    }
    positions = roster.positions.set_index("title")
    assert positions["agency_code"].to_dict() == {
        "Bí thư Đảng ủy": "DV01",
        "Chủ tịch Ủy ban MTTQ Việt Nam xã": "DV01",
        "Bí thư Đoàn TNCS Hồ Chí Minh xã": "DV01",
        "Chủ tịch UBND xã": "DV02",
        "Phó Chủ tịch UBND xã": "DV02",
        "Công chức Văn hóa - Xã hội": "DV02",
    }
    assert {p.key for p in roster.problems} == {"subtotal_rows", "commune_from_title"}


def test_the_chairs_finding_names_the_peoples_committee(tmp_path: Path) -> None:
    """Before: the UBND chair appointed below standard was the Party Building Board's to
    act on ("Ban Xây dựng Đảng"), his post read in the Party/Front bloc."""
    done = run("evaluate", str(_blocs_list(tmp_path)), "--format", "json")
    assert done.returncode == 0, done.stderr
    findings = json.loads(done.stdout)["communes"][0]["findings"]
    chair = [f for f in findings if f["subject_name"] == "Tẩn A Sài"]
    assert [f["rule"] for f in chair] == ["national.below_standard_on_appointment"]
    assert chair[0]["body"] == label("body_government", "vi") == "Ủy ban nhân dân xã"
    assert all(f["body"] != label("body_party_front", "vi") for f in chair)


def test_a_word_list_with_bold_bloc_rows(tmp_path: Path) -> None:
    """Before: the Word list's bloc rows "Khối Đảng, Mặt trận và các đoàn thể" and "Khối
    chính quyền" gave one agency "Xã Bản Bo" of party_front to every post."""
    doc = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN XÃ BẢN BO", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ BẢN BO",
                 "(Tính đến ngày 31 tháng 12 năm 2025)"):  # fmt: skip
        doc.add_paragraph(line)
    rows = [
        HEAD,
        [None, "Khối Đảng, Mặt trận và các đoàn thể"],
        CHUNG,
        CA,
        [None, "Khối chính quyền"],
        [3, *SAI[1:]],
        [4, *SI[1:]],
    ]
    table = doc.add_table(rows=len(rows), cols=len(HEAD))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value is not None:
                table.cell(i, j).text = str(value)
    for i in (1, 4):
        for run_ in table.cell(i, 1).paragraphs[0].runs:
            run_.bold = True
    doc.add_paragraph("Bản Bo, ngày 05 tháng 01 năm 2026")
    path = tmp_path / "khoi.docx"
    doc.save(str(path))
    roster = read_roster(path)
    assert roster.agencies[["name", "commune", "bloc"]].astype(object).values.tolist() == [
        ["Khối Đảng, Mặt trận và các đoàn thể", "Xã Bản Bo", "party_front"],
        ["Khối chính quyền", "Xã Bản Bo", "government"],
    ]
    assert _agency_of(roster)["bloc"].astype(object).to_dict() == {
        "Lò Văn Chung": "party_front",
        "Lý Thị Ca": "party_front",
        "Tẩn A Sài": "government",
        "Pờ Thị Sí": "government",
    }


def test_agency_rows_under_blocs_and_one_named_under_two(tmp_path: Path) -> None:
    """A person above the first bloc row stays in the commune's agency (no bloc); an
    agency named under two blocs ("Văn phòng" of the Party's, "Văn phòng" of the
    government's) is two agencies, said. Before: the two offices were one agency of the
    first bloc, without a word, and every post under no agency row was the commune's."""
    rows = [
        *[[t] for t in TITLE],
        HEAD,
        SI,
        ["I.", "KHỐI ĐẢNG"],
        CHUNG,
        [None, "Văn phòng"],
        [2, "Lò Văn Bình", "12/03/1975", "Nam", "Chánh Văn phòng Đảng ủy", "Đại học", None],
        ["II.", "KHỐI CHÍNH QUYỀN"],
        SAI,
        [None, "Văn phòng"],
        [5, "Lò Văn Công", "12/03/1976", "Nam", "Chánh Văn phòng HĐND và UBND", "Đại học"],
    ]
    path = sheet(tmp_path / "van-phong.xlsx", rows)
    roster = read_roster(path)
    agencies = roster.agencies[["agency_code", "name", "bloc"]].astype(object)
    assert agencies.where(agencies.notna(), None).values.tolist() == [
        ["DV01", "Xã Nậm Nhùn", None],
        ["DV02", "KHỐI ĐẢNG", "party_front"],
        ["DV03", "Văn phòng", "party_front"],
        ["DV04", "KHỐI CHÍNH QUYỀN", "government"],
        ["DV05", "Văn phòng", "government"],
    ]
    held = _agency_of(roster)
    assert held.loc["Lò Văn Bình", "bloc"] == "party_front"
    assert held.loc["Lò Văn Công", "bloc"] == "government"
    said = [p for p in roster.problems if p.key == "agency_two_blocs"]
    assert [(p.row, p.table, p.severity) for p in said] == [(13, "agencies", "warning")]
    assert said[0].expected == (
        "the agency 'Văn phòng' is listed under two blocs ('KHỐI ĐẢNG', 'KHỐI CHÍNH QUYỀN'),"
        " under another from this row: read as two agencies of that name, each post in the"
        " bloc its row is under"
    )
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert said[0].expected in done.stdout


def test_a_bloc_column_without_an_agency_column(tmp_path: Path) -> None:
    """A "Khối" column: each bloc's rows an agency of the commune named by the cell, a
    row with no bloc the commune's. Before: one agency of the first row's bloc."""
    head = [*HEAD[:5], "Khối", HEAD[5]]
    rows = [
        *[[t] for t in TITLE],
        head,
        [*CHUNG[:5], "Đảng", "Đại học"],
        [*SAI[:5], "Chính quyền", "Đại học"],
        [*SI[:5], None, "Đại học"],
    ]
    roster = read_roster(sheet(tmp_path / "cot-khoi.xlsx", rows))
    agencies = roster.agencies[["name", "commune", "bloc"]].astype(object)
    assert agencies.where(agencies.notna(), None).values.tolist() == [
        ["Đảng", "Xã Nậm Nhùn", "party_front"],
        ["Chính quyền", "Xã Nậm Nhùn", "government"],
        ["Xã Nậm Nhùn", "Xã Nậm Nhùn", None],
    ]


def test_a_list_with_no_blocs_keeps_one_agency(tmp_path: Path) -> None:
    """A list with no bloc reads as before: one agency named by its commune."""
    rows = [*[[t] for t in TITLE], HEAD, CHUNG, SAI]
    roster = read_roster(sheet(tmp_path / "mot.xlsx", rows))
    agencies = roster.agencies[["agency_code", "name", "commune"]]
    assert agencies.values.tolist() == [["DV01", "Xã Nậm Nhùn", "Xã Nậm Nhùn"]]
    assert roster.agencies["bloc"].isna().all()


# ---------------------------------------------------------------- the title columns


def test_a_second_title_column_beside_codes_is_said(tmp_path: Path) -> None:
    """Before: with a "Mã chức danh" column, the "Kiêm nhiệm" column was dropped without
    a word (its posts have no code the list gives)."""
    head = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Kiêm nhiệm",
            "Mã chức danh", "Trình độ chuyên môn"]  # fmt: skip
    rows = [
        *[[t] for t in TITLE],
        head,
        [*CHUNG[:5], "Chủ tịch HĐND xã", "BT01", "Đại học"],
        [*SAI[:5], None, "CT01", "Đại học"],
    ]
    path = sheet(tmp_path / "ma.xlsx", rows)
    roster = read_roster(path)
    positions = roster.positions[["position_code", "title", "category"]].astype(object)
    assert positions.values.tolist() == [
        ["BT01", "Bí thư Đảng ủy", "party_secretary"],
        ["CT01", "Chủ tịch UBND xã", "committee_chair"],
    ]
    said = [(p.file, p.column, p.severity) for p in roster.problems if p.key == "column_not_read"]
    assert said == [("ma.xlsx, sheet 'Danh sách'", "Kiêm nhiệm (column F)", "warning")]
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Kiêm nhiệm (column F)" in done.stdout
    assert "this column was not read" in done.stdout


def _spheres(tmp_path: Path, categories: bool) -> Path:
    """A list whose "Chức vụ" is two columns, "Đảng" | "Chính quyền", with or without a
    "Phân loại" column of categories."""
    h1 = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", None, "Phân loại",
          "Trình độ chuyên môn"]  # fmt: skip
    h2 = [None, None, None, None, "Đảng", "Chính quyền", None, None]
    an = [*CHUNG[:4], "Bí thư Đảng ủy", "Chủ tịch HĐND xã", "Bí thư Đảng ủy", "Đại học"]
    sai = [*SAI[:4], None, "Chủ tịch UBND xã", "Chủ tịch UBND", "Đại học"]
    merged = ["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:F4", "G4:G5", "H4:H5"]
    if not categories:
        for row in (h1, h2, an, sai):
            row.pop(6)
        merged = [*merged[:5], "G4:G5"]
    rows = [*[[t] for t in TITLE], h1, h2, an, sai]
    return sheet(tmp_path / ("loai.xlsx" if categories else "hai.xlsx"), rows, merged)


def test_a_party_title_column_beside_categories_is_said(tmp_path: Path) -> None:
    """Before: with a "Phân loại" column, "Chính quyền" beside "Đảng" under "Chức vụ" was
    dropped without a word (the category is one post's: the other column's posts have
    none the list gives)."""
    path = _spheres(tmp_path, categories=True)
    roster = read_roster(path)
    positions = roster.positions[["title", "category"]].astype(object)
    # the chair's post: the category the list gives, its title in the column not read
    assert positions.where(positions.notna(), None).values.tolist() == [
        ["Bí thư Đảng ủy", "party_secretary"],
        [None, "committee_chair"],
    ]
    said = [p.column for p in roster.problems if p.key == "column_not_read"]
    assert said == ["Chức vụ / Chính quyền (column F)"]
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Chức vụ / Chính quyền (column F)" in done.stdout


def test_without_categories_every_title_column_is_still_read(tmp_path: Path) -> None:
    """The same list with no category column reads both title columns (as before)."""
    roster = read_roster(_spheres(tmp_path, categories=False))
    assert roster.positions["category"].astype(object).tolist() == [
        "party_secretary", "council_chair", "committee_chair"
    ]  # fmt: skip
    assert len(roster.assignments) == 3
    assert not [p for p in roster.problems if p.key == "column_not_read"]


# ---------------------------------------------------------------- the rule, for any rows

_ROWS = st.lists(
    st.tuples(
        st.sampled_from([None, "Văn phòng", "Phòng Kinh tế"]),
        st.sampled_from([None, "Khối Đảng", "Khối chính quyền", "Đảng"]),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(_ROWS)
def test_agencies_are_keyed_by_name_or_commune_and_bloc(rows: list[tuple[Any, Any]]) -> None:
    """Two rows share an agency exactly when they name the same agency (or none, in the
    same commune) under the same bloc ("Khối Đảng" and "Đảng" are one), a named row with
    no bloc taking its agency's first; one warning per named agency under two blocs."""
    agency = pd.Series([a for a, _ in rows], dtype=object)
    bloc = pd.Series([b for _, b in rows], dtype=object)
    commune = pd.Series(["Xã Nậm Nhùn"] * len(rows), dtype=object)
    said: list[Problem] = []
    name, key = agency_keys(agency, commune, bloc, pd.Series(range(5, 5 + len(rows))), "f",
                             said)  # fmt: skip
    code = bloc.map({"Khối Đảng": "p", "Đảng": "p", "Khối chính quyền": "g"}).astype(object)
    code = code.where(code.notna(), None)
    first = {a: code[agency == a].dropna().iloc[0] for a in set(agency.dropna())
             if code[agency == a].notna().any()}  # fmt: skip
    own = [c if a is None or isinstance(c, str) else first.get(a) for a, c in
           zip(agency, code, strict=True)]  # fmt: skip
    for i in range(len(rows)):
        for j in range(len(rows)):
            same = agency[i] == agency[j] and own[i] == own[j]
            assert (key[i] == key[j]) == same
    assert name.tolist() == [a if a is not None else (b if b is not None else "Xã Nậm Nhùn")
                             for a, b in rows]  # fmt: skip
    two = {a for a in set(agency.dropna()) if len({own[i] for i in agency.index[agency == a]}
                                                   - {None}) > 1}  # fmt: skip
    assert sorted(dict(p.args)["agency"] for p in said) == sorted(repr(a) for a in two)
