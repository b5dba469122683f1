"""Structures of real one-row-per-person lists that once lost, invented or misplaced people.

Each list is laid out as an office keeps it (a title, a header over two rows, group rows,
notes, signatures) and read through the real ``cadre`` command or ``read_roster``; each
test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from list_files import run, sheet

from cadre_core.roster import read_roster
from cadre_core.roster._flat_rows import FOOTER, matches
from cadre_core.roster._list_title import title_commune

DAY = dt.date(2025, 12, 31)
TITLE = ("ỦY BAN NHÂN DÂN XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)")


def tables(path: Path) -> dict[str, pd.DataFrame]:
    """The roster's tables as read, bad cells set aside."""
    return dict(read_roster(path, skip_invalid=True, list_date=DAY).tables)


HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
AN = [1, "Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"]
BINH = [2, "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Đại học Kinh tế"]
CHU = [3, "Vàng A Chứ", "20/01/1990", "Nam", "Công chức Tư pháp - Hộ tịch", "Cao đẳng"]


def test_a_note_naming_a_day_beside_a_person_ends_nothing(tmp_path: Path) -> None:
    """Before: a note "Bổ nhiệm ngày … tháng … năm …" was taken for the signing line, and
    the list silently ended above it (1 of 3 people read, "valid")."""
    head = [*HEAD[1:], "Ghi chú"]  # no STT column to protect the rows
    rows = [
        *[[t] for t in TITLE],
        head,
        [*AN[1:], None],
        [*BINH[1:], "Bổ nhiệm ngày 15 tháng 7 năm 2025"],
        [*CHU[1:], "Xác nhận của cấp ủy"],
        [None, None, None, None, "Nậm Tăm, ngày 05 tháng 01 năm 2026"],
        ["Người lập biểu"],
    ]
    path = sheet(tmp_path / "ghi-chu.xlsx", rows)
    cadres = tables(path)["cadres"]
    assert cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình", "Vàng A Chứ"]


def test_numbered_people_under_the_signatures_are_said(tmp_path: Path) -> None:
    """A signing line inside the list ends it; the numbered people under it are named in a
    warning (before: dropped without a word)."""
    rows = [
        *[[t] for t in TITLE],
        HEAD,
        AN,
        [None, "Người lập biểu"],
        BINH,
        CHU,
    ]
    path = sheet(tmp_path / "ky.xlsx", rows)
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stdout + out.stderr
    line = next(x for x in out.stdout.splitlines() if "signature row" in x)
    assert "\t5\t" in line and "2 row(s) under it" in line
    assert tables(path)["cadres"]["full_name"].tolist() == ["Lò Văn An"]


def test_a_header_of_two_rows_repeated_on_a_new_page_is_no_one(tmp_path: Path) -> None:
    """Before: only the repeat's first row was known; its second row and its row of column
    numbers became people ("2", born on day 4 of 1900)."""
    top = ["STT", "Họ và tên", "Ngày sinh", None, "Chức vụ", "Trình độ"]
    sub = [None, None, "Nam", "Nữ", None, "Chuyên môn"]
    numbers = [1, 2, 3, 4, 5, 6]
    person = [[1, "Lò Văn An", "12/03/1975", None, "Bí thư Đảng ủy xã", "Đại học"],
              [2, "Tao Thị Bình", None, "05/07/1982", "Chủ tịch UBND xã", "Đại học"]]  # fmt: skip
    rows = [*[[t] for t in TITLE], top, sub, numbers, person[0], top, sub, numbers, person[1]]
    merged = ["A3:A4", "B3:B4", "C3:D3", "E3:E4", "A7:A8", "B7:B8", "C7:D7", "E7:E8"]
    path = sheet(tmp_path / "trang.xlsx", rows, merged)
    assert tables(path)["cadres"]["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình"]
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stdout + out.stderr
    again = [x for x in out.stdout.splitlines() if "repeats the list's header" in x]
    assert [x.split("\t")[3] for x in again] == ["7", "8", "9"]
    assert "are merged" not in out.stdout  # the repeat's merged labels are the header's


@pytest.mark.parametrize("marker", ["(Khuyết)", "Chưa bố trí", "Vị trí trống", "khuyết"])
def test_a_vacant_post_is_a_post_and_no_one(tmp_path: Path, marker: str) -> None:
    """Before: "(Khuyết)" in the name cell became a cadre of that name, holding the post."""
    rows = [*[[t] for t in TITLE], HEAD, AN, [2, marker, None, None, "Chủ tịch UBND xã"], CHU]
    path = sheet(tmp_path / "khuyet.xlsx", rows)
    read = tables(path)
    assert read["cadres"]["full_name"].tolist() == ["Lò Văn An", "Vàng A Chứ"]
    positions = read["positions"].set_index("title")
    assert positions.loc["Chủ tịch UBND xã", "category"] == "committee_chair"
    vacant = positions.loc["Chủ tịch UBND xã", "position_code"]
    assert vacant not in set(read["assignments"]["position_code"])
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"this row names a vacant post ({marker!r})" in out.stdout


def test_a_numbered_heading_over_its_numbered_people_is_an_agency(tmp_path: Path) -> None:
    """Before: "1 | Văn phòng HĐND và UBND" over people numbered 1.1, 1.2 was a person
    named after the office, and the office was lost; "I. CÁN BỘ" became an agency."""
    rows = [
        *[[t] for t in TITLE],
        HEAD,
        ["A", "KHỐI ĐẢNG, MẶT TRẬN VÀ CÁC ĐOÀN THỂ"],
        ["I", "CÁN BỘ"],
        AN,
        ["B", "KHỐI CHÍNH QUYỀN"],
        [1, "Văn phòng HĐND và UBND"],
        ["1.1", *BINH[1:]],
        ["1.2", *CHU[1:]],
        [2, "Phòng Kinh tế"],
        ["2.1", "Lường Văn Em", "14/02/1985", "Nam", "Trưởng phòng Kinh tế", "Đại học"],
    ]
    path = sheet(tmp_path / "nhom.xlsx", rows)
    read = tables(path)
    assert len(read["cadres"]) == 4
    agencies = read["agencies"].set_index("agency_code")
    held = read["assignments"].merge(read["positions"], on="position_code")
    where = held.merge(read["cadres"], on="cadre_id").set_index("full_name")["agency_code"]
    # "CÁN BỘ" is no agency: Lò Văn An is in the commune's part of the Party's bloc
    assert agencies.loc[where["Lò Văn An"], "name"] == "KHỐI ĐẢNG, MẶT TRẬN VÀ CÁC ĐOÀN THỂ"
    assert agencies.loc[where["Lò Văn An"], "commune"] == "Xã Nậm Tăm"
    assert agencies.loc[where["Lò Văn An"], "bloc"] == "party_front"
    assert agencies.loc[where["Tao Thị Bình"], "name"] == "Văn phòng HĐND và UBND"
    assert agencies.loc[where["Vàng A Chứ"], "name"] == "Văn phòng HĐND và UBND"
    assert agencies.loc[where["Lường Văn Em"], "name"] == "Phòng Kinh tế"
    assert set(agencies.loc[where.iloc[1:], "bloc"]) == {"government"}


@pytest.mark.parametrize("years", [[2023, 2024, 2025], ["2023", "2024", "2025"]])
def test_ratings_under_a_row_of_years(tmp_path: Path, years: list[Any]) -> None:
    """Before: the row of years was taken for column numbers: the 2023 column was read
    as 2025's, the other two neither read nor said."""
    top = [*HEAD, "Kết quả xếp loại chất lượng", None, None]
    sub = [None] * len(HEAD) + years
    rows = [*[[t] for t in TITLE], top, sub,
            [*AN, "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"],
            [*BINH, "Hoàn thành tốt nhiệm vụ", None, "Không hoàn thành nhiệm vụ"]]  # fmt: skip
    path = sheet(tmp_path / "xep-loai.xlsx", rows, ["G3:I3"])
    read = tables(path)
    ratings = read["ratings"].merge(read["cadres"], on="cadre_id")
    got = sorted(
        zip(ratings["full_name"], ratings["year"].astype(int), ratings["rating"], strict=True)
    )
    assert got == [
        ("Lò Văn An", 2023, "excellent"),
        ("Lò Văn An", 2024, "good"),
        ("Lò Văn An", 2025, "complete"),
        ("Tao Thị Bình", 2023, "good"),
        ("Tao Thị Bình", 2025, "incomplete"),
    ]


def test_a_column_with_data_and_no_header_is_said(tmp_path: Path) -> None:
    """Before: a column with no header of its own (under a merged label of no field, or
    none at all) was neither read nor listed."""
    rows = [*[[t] for t in TITLE], [*HEAD, None], [*AN, "ghi chép"], [*BINH, None]]
    path = sheet(tmp_path / "khong-tieu-de.xlsx", rows)
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "(no header) (column G)\t\tthis column was not read" in out.stdout


def test_the_post_on_the_name_cells_second_line(tmp_path: Path) -> None:
    """Before: "Nguyễn Văn An" over "Bí thư Đảng ủy" in one cell was one long name, and a
    header "Họ và tên, chức vụ" found no list at all."""
    for header in ("Họ và tên, chức vụ", "Họ và tên\nChức vụ", "Họ và tên"):
        rows = [*[[t] for t in TITLE], ["STT", header, "Ngày sinh"],
                [1, "Lò Văn An\nBí thư Đảng ủy xã", "12/03/1975"],
                [2, "Tao Thị Bình\nChủ tịch UBND xã", "05/07/1982"]]  # fmt: skip
        path = sheet(tmp_path / "ten-chuc-vu.xlsx", rows)
        read = tables(path)
        assert read["cadres"]["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình"], header
        held = read["assignments"].merge(read["positions"], on="position_code")
        assert held["category"].tolist() == ["party_secretary", "committee_chair"], header


def test_a_name_cells_other_line_is_said_not_read(tmp_path: Path) -> None:
    """A second line that names no post (or beside a title column of its own) is no part
    of the name, and is said."""
    rows = [*[[t] for t in TITLE], HEAD,
            [1, "Lò Văn An\n(tên gọi khác: Lò A)", "12/03/1975", "Nam", "Bí thư Đảng ủy xã"]]  # fmt: skip
    path = sheet(tmp_path / "dong-hai.xlsx", rows)
    assert tables(path)["cadres"]["full_name"].tolist() == ["Lò Văn An"]
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert "second line ('(tên gọi khác: Lò A)') is no part of the name" in out.stdout


def test_party_bloc_group_rows_as_lists_spell_them() -> None:
    """Group rows naming the Party, Front and unions' bloc in the words lists use (before:
    "KHỐI ĐẢNG, MẶT TRẬN VÀ CÁC ĐOÀN THỂ" became an agency of that name, of no bloc)."""
    from cadre_core.roster._lookup import code_keys, lookup_codes

    spelled = pd.Series(
        [
            "KHỐI ĐẢNG, MẶT TRẬN VÀ CÁC ĐOÀN THỂ",
            "Khối Đảng, đoàn thể",
            "Khối Mặt trận và các đoàn thể chính trị - xã hội",
            "Khối Đảng - MTTQ",
            "Khối chính quyền địa phương",
            "KHỐI HĐND - UBND",
            "Đảng ủy xã",  # an agency
            "Mặt trận",  # the Front's committee: an agency too
        ]
    )
    assert lookup_codes(code_keys(spelled), "bloc").tolist()[:6] == [
        *["party_front"] * 4,
        *["government"] * 2,
    ]
    assert lookup_codes(code_keys(spelled), "bloc")[6:].isna().all()


def test_the_commune_of_a_sentence_is_its_capitalised_words() -> None:
    """Before: "Đảng ủy xã Nậm Tăm báo cáo danh sách như sau:" named the commune
    "Xã Nậm Tăm báo cáo danh sách như sau"."""
    assert title_commune(["Đảng ủy xã Nậm Tăm báo cáo danh sách như sau:"]) == "Xã Nậm Tăm"
    assert title_commune(["UBND phường 3 gửi kèm danh sách"]) == "Phường 3"
    assert title_commune(["danh sách xã nậm tăm"]) == "Xã nậm tăm"  # as typed: nothing to cut


def test_a_column_of_dates_and_times_is_no_text() -> None:
    """Before: a date column holding a time (LibreOffice's day before 1900) crashed the
    reader while it looked for the signatures."""
    body = pd.DataFrame({0: [dt.datetime(1975, 3, 12), dt.time(0, 0)], 1: ["Lò Văn An", None]})
    assert matches(body, FOOTER).tolist() == [False, False]
    body = pd.DataFrame({0: [dt.time(0, 0), dt.time(1, 0)]}, dtype=object)
    assert matches(body, FOOTER).tolist() == [False, False]


def test_none_held_in_the_forms_optional_levels_is_blank(tmp_path: Path) -> None:
    """ "Chưa", "Không có", "Chưa qua đào tạo" under state management, IT, a foreign
    language or general education mean no level held (before: an error per cell); under
    a degree they are still refused, with the list's note."""
    rows = [*[[t] for t in TITLE],
            [*HEAD, "QLNN", "Tin học", "Ngoại ngữ"],
            [*AN, "Chưa", "Không có", "Chưa qua đào tạo"],
            [*BINH, "Chuyên viên", "(Chưa)", "Không"],
            [*CHU[:-1], "Không", None, None, None]]  # fmt: skip
    path = sheet(tmp_path / "chua.xlsx", rows)
    out = run("validate", str(path), "--list-date", "31/12/2025")
    errors = [x for x in out.stderr.splitlines() if x.startswith("Error")]
    assert [x.split("\t")[4] for x in errors] == ["Trình độ chuyên môn (column F)"], out.stderr
    cadres = tables(path)["cadres"].set_index("full_name")
    assert cadres["state_management"].isna().tolist() == [True, False, True]
    assert cadres["it_level"].isna().all() and cadres["foreign_language"].isna().all()
