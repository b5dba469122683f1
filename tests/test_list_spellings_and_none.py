"""Header spellings, post titles and "none" markers of real commune lists (probe C).

Each list is built here as an office keeps it and read through ``read_roster`` and the
real ``cadre`` command; each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import docx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import CADRE, run, sheet

from cadre_core import RosterError
from cadre_core.roster import read_roster
from cadre_core.roster._flat_header import marked_levels, resolve
from cadre_core.roster._flat_tables import database_nulls, held_posts

D = dt.datetime
TITLE = ["UBND XÃ PHÚ LỘC", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"]


def people(path: Path, **kw: Any) -> pd.DataFrame:
    """The cadres read (bad cells set aside), by name."""
    return read_roster(path, skip_invalid=True, **kw).cadres.set_index("full_name")


def levels(path: Path, table: str, **kw: Any) -> dict[str, Any]:
    """Each person's level in ``table`` (degrees, theory), by name."""
    roster = read_roster(path, skip_invalid=True, **kw)
    names = dict(zip(roster.cadres["cadre_id"], roster.cadres["full_name"], strict=True))
    held = roster.tables[table]
    return {names[i]: v for i, v in zip(held["cadre_id"], held["level"], strict=True)}


def lines(out: Any, level: str) -> list[list[str]]:
    """The problem lines of a ``cadre validate`` output at ``level``, split in columns."""
    text = out.stdout + out.stderr
    return [x.split("\t") for x in text.splitlines() if x.startswith(level)]


def run_vi(*args: str) -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command in its own language, Vietnamese."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=120, env=env)


def days(values: pd.Series) -> list[dt.date | None]:
    """The days of a date column (None for a blank)."""
    return [None if pd.isna(v) else v.date() for v in values]


# ------------------------------------------------------------------------ headers (1)


def test_sinh_nam_holding_days_and_trinh_do_ll_are_read(tmp_path: Path) -> None:
    """Before: "Sinh năm" (holding full days) and "Trình độ LL" (lý luận) were columns not
    read: every person then lacked a birth date (the list was refused) and a theory."""
    rows = [
        [TITLE[0]], [TITLE[1]],
        ["STT", "Họ và tên", "Sinh năm", "Nam/Nữ", "Chức danh hiện nay", "TĐ chuyên môn",
         "Trình độ LL"],
        [1, "Trần Văn Hòa", D(1976, 5, 20), "Nam", "Bí thư Đảng ủy", "Đại học", "Cao cấp"],
        [2, "Lê Thị Huệ", D(1993, 12, 8), "Nữ", "Công chức Văn phòng - Thống kê", "Đại học",
         "Trung cấp"],
        [3, "Đinh Văn Quang", "01/04/1990", "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học Luật",
         "Sơ cấp"],
    ]  # fmt: skip
    path = sheet(tmp_path / "sinh-nam.xlsx", rows)
    roster = read_roster(path)
    cadres = roster.cadres.set_index("full_name")
    assert cadres["birth_date"].dt.date.to_dict() == {
        "Trần Văn Hòa": dt.date(1976, 5, 20),
        "Lê Thị Huệ": dt.date(1993, 12, 8),
        "Đinh Văn Quang": dt.date(1990, 4, 1),
    }
    assert levels(path, "theory") == {
        "Trần Văn Hòa": "cao_cap", "Lê Thị Huệ": "trung_cap", "Đinh Văn Quang": "so_cap"
    }  # fmt: skip
    out = run("validate", str(path))
    assert out.returncode == 0, out.stderr
    assert "not read" not in out.stderr + out.stdout
    # a year alone under "Sinh năm" is refused as under "Năm sinh": a year is not a day
    rows[3][2] = 1976
    refused = run("validate", str(sheet(tmp_path / "nam.xlsx", rows)))
    assert [x[3:6] for x in lines(refused, "Error")] == [["4", "Sinh năm (column C)", "'1976'"]]


def test_a_list_without_birth_dates_says_so_once_and_names_the_column(tmp_path: Path) -> None:
    """Before: each row's error named "birth_date (made from the list)", a column the list
    does not have and the reader did not make. Now one warning says the list has no
    birth-date column, and each row's error (which --skip-invalid sets aside, the person
    kept) names birth_date (Ngày sinh)."""
    path = tmp_path / "khong-ngay-sinh.csv"
    path.write_text(
        "STT,Họ và tên,Chức vụ\n1,Lò Văn An,Bí thư Đảng ủy\n2,Lò Thị Bình,Chủ tịch UBND xã\n",
        encoding="utf-8",
    )
    with pytest.raises(RosterError) as caught:
        read_roster(path, list_date="31/12/2025")
    said = [(p.severity, p.row, p.column, p.key) for p in caught.value.problems]
    assert said == [
        ("warning", None, "birth_date", "list_no_birth_dates"),
        ("error", 2, "birth_date", "value_required"),
        ("error", 3, "birth_date", "value_required"),
    ]
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 2
    assert [x[3:5] for x in lines(out, "Error")] == [["2", "birth_date"], ["3", "birth_date"]]
    (warning,) = lines(out, "Warning")
    assert warning[4:] == ["birth_date", "", (
        "the list has no birth-date column ('Ngày sinh', 'Ngày tháng năm sinh'): each "
        "person lacks a birth date, an error on each row; add the column, or read the list "
        "with --skip-invalid to keep each person, of unknown age"), ""]  # fmt: skip
    vi = run_vi("validate", str(path), "--list-date", "31/12/2025")
    assert "birth_date (Ngày sinh)" in vi.stderr and "lập từ danh sách" not in vi.stderr
    assert "danh sách không có cột ngày sinh" in vi.stderr
    kept = people(path, list_date="31/12/2025")
    assert kept.index.tolist() == ["Lò Văn An", "Lò Thị Bình"]
    assert kept["birth_date"].isna().all()


def test_a_database_field_name_is_read_by_its_words() -> None:
    """Before: an export's own column names ("MaCB", "NgaySinh") were not read, so the
    list's ids were replaced by made ones. Only a name of glued words is read so, and only
    when its diacritic-free words are the header of one field."""
    expected = {
        "MaCB": ("cadres", "cadre_id"), "HoTen": ("cadres", "full_name"),
        "NgaySinh": ("cadres", "birth_date"), "Ngay_Sinh": ("cadres", "birth_date"),
        "GioiTinh": ("cadres", "gender"), "TrinhDoCM": ("degrees", "level"),
        "NgayVaoDang": ("cadres", "party_join_date"),
        # before: "ly_luan_ct" was not read ("CT" after "lý luận" only with diacritics),
        # and a list's theory levels were lost with a warning
        "ly_luan_ct": ("theory", "level"), "LyLuanCT": ("theory", "level"),
        "trinh_do_cm": ("degrees", "level"),
    }  # fmt: skip
    for header, field in expected.items():
        got = resolve([header])
        assert got is not None and (got.table, got.column) == field, header
    for header in ("Macb", "Nam", "STT", "Ma cb x", "MaDonVi", "Ngày_Sinh"):
        got = resolve([header])
        assert got is None or (got.table, got.column) != ("cadres", "cadre_id"), header


def test_macb_and_the_titles_of_commune_lists(tmp_path: Path) -> None:
    """Before: "MaCB" was not read (ids made from the rows), and "CC Văn phòng - Thống
    kê", "Phó Chủ tịch Thường trực HĐND xã", "Phó BT TT Đảng ủy" had a blank category
    (a warning each); "Phó Bí thư ĐU - Chủ tịch UBND" (two posts, a dash between them)
    was one post of no category."""
    path = tmp_path / "chuc-vu.csv"
    path.write_text(
        "MaCB;Họ và tên;Ngày sinh;Giới tính;Chức vụ\n"
        "CB01;Lò Văn An;12/03/1975;Nam;CC Văn phòng - Thống kê\n"
        "CB02;Tao Thị Bình;05/07/1982;Nữ;Phó Chủ tịch Thường trực HĐND xã\n"
        "CB03;Vàng A Chứ;20/01/1980;Nam;Phó BT TT Đảng ủy\n"
        "CB04;Lò Văn Dũng;02/02/1978;Nam;Phó Bí thư ĐU - Chủ tịch UBND\n"
        "CB05;Lò Thị Em;03/03/1990;Nữ;Công chức Văn hóa - Xã hội\n",
        encoding="utf-8",
    )
    roster = read_roster(path, list_date="31/12/2025")
    assert roster.cadres["cadre_id"].tolist() == ["CB01", "CB02", "CB03", "CB04", "CB05"]
    posts = roster.assignments.merge(roster.positions, on="position_code")
    held = posts.groupby("cadre_id")["category"].apply(lambda c: sorted(map(str, c))).to_dict()
    assert held == {
        "CB01": ["professional"],
        "CB02": ["council_vice_chair"],
        "CB03": ["party_deputy_secretary"],
        "CB04": ["committee_chair", "party_deputy_secretary"],
        "CB05": ["professional"],
    }
    assert [p for p in roster.problems if p.key in ("unknown_category", "post_not_read")] == []
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stderr
    assert "category" not in out.stdout + out.stderr and "not read" not in out.stdout + out.stderr


def test_a_dash_separates_posts_only_before_a_title() -> None:
    """A dash inside a duty's name ("Văn phòng - Thống kê - Kế toán") never cuts it."""
    posts, unread = held_posts(pd.Series([
        "Phó Bí thư ĐU - Chủ tịch UBND", "PCT UBMTTQ – CT Hội Nông dân",
        "Văn phòng - Thống kê - Kế toán", "Phó Chủ tịch UBND xã - phụ trách Kinh tế",
    ], dtype=object))  # fmt: skip
    assert posts.tolist() == [
        ["Phó Bí thư ĐU", "Chủ tịch UBND"], ["PCT UBMTTQ", "CT Hội Nông dân"],
        ["Văn phòng - Thống kê - Kế toán"], ["Phó Chủ tịch UBND xã - phụ trách Kinh tế"],
    ]  # fmt: skip
    assert unread == {}


# ------------------------------------------------------------- marked columns (2, 4)


def test_a_postgraduate_column_marked_x_is_a_masters(tmp_path: Path) -> None:
    """Before: the leaf "Trên ĐH" of a level marked with an "x" was a column not read, and
    the master's it marked was lost (no degree at all)."""
    rows = [
        [TITLE[0]], [TITLE[1]],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn", None,
         None, None],
        [None, None, None, None, None, "Trung cấp", "Cao đẳng", "Đại học", "Trên ĐH"],
        [1, "Lò Văn Định", "14/02/1976", "Nam", "Bí thư Đảng ủy", None, None, "x", None],
        [2, "Nguyễn Thị Thoa", "09/10/1984", "Nữ", "Chủ tịch UBND xã", None, None, None, "x"],
        [3, "Cà Thị Hiên", "30/01/1992", "Nữ", "Công chức Văn phòng - Thống kê", None, "x",
         None, None],
    ]  # fmt: skip
    path = sheet(tmp_path / "danh-dau.xlsx", rows, ["A3:A4", "B3:B4", "C3:C4", "D3:D4",
                                                     "E3:E4", "F3:I3"])  # fmt: skip
    assert levels(path, "degrees") == {
        "Lò Văn Định": "dai_hoc", "Nguyễn Thị Thoa": "thac_si", "Cà Thị Hiên": "cao_dang"
    }  # fmt: skip
    out = run("validate", str(path))
    assert out.returncode == 0 and "not read" not in out.stdout + out.stderr, out.stdout
    rows[5][5:9] = ["Sau ĐH", None, None, None]  # written out, not marked: the same level
    rows[3:4] = [[*rows[2][:5], "Trình độ chuyên môn"]]
    del rows[2]
    written = sheet(tmp_path / "sau-dh.xlsx", rows)
    assert levels(written, "degrees")["Nguyễn Thị Thoa"] == "thac_si"


@pytest.mark.parametrize(
    ("header", "marked", "blank"),
    [("Nữ", "female", "male"), ("Nam", "male", "female"), ("Trong đó nữ", "female", "male")],
)
def test_a_lone_gender_column_marked_x(
    tmp_path: Path, header: str, marked: str, blank: str
) -> None:
    """Before: a lone "Nữ" column (an "x" for each woman, no "Nam" column) was a column
    not read, and every gender was unknown. x is the gender the column names, a blank the
    other; a "Nam" column alone the same."""
    rows = [
        [TITLE[0]], [TITLE[1]],
        ["STT", "Họ và tên", "Ngày sinh", header, "Chức vụ"],
        [1, "Lý Giờ Xá", "10/10/1975", None, "Bí thư Đảng ủy"],
        [2, "Chu Thị Mơ", "16/06/1986", "x", "Chủ tịch HĐND xã"],
        [3, "Pờ Lừ Giơ", "12/02/1982", "", "Chủ tịch UBND xã"],
    ]  # fmt: skip
    path = sheet(tmp_path / "nu.xlsx", rows)
    assert people(path)["gender"].astype(str).tolist() == [blank, marked, blank]
    out = run("validate", str(path))
    assert out.returncode == 0 and "not read" not in out.stdout + out.stderr, out.stdout


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["male", "female"]), min_size=1, max_size=30),
       st.sampled_from(["female", "male"]), st.sampled_from(["x", "X", "1", "✓", "có"]))  # fmt: skip
def test_one_genders_column_reads_every_gender(genders: list[str], one: str, mark: str) -> None:
    """Whatever the genders, their column of one gender (a mark where it is that gender)
    reads them back exactly; beside the other gender's column a row marked in neither is
    of unknown gender."""
    body = pd.DataFrame({4: [mark if g == one else None for g in genders]})
    got = marked_levels(("cadres", "gender"), body, body.notna(), {4: one})
    assert got["cadres", "gender"].tolist() == genders
    other = "male" if one == "female" else "female"
    both = pd.DataFrame({4: body[4], 5: [None] * len(genders)})
    got = marked_levels(("cadres", "gender"), both, both.notna(), {4: one, 5: other})
    read = [None if pd.isna(g) else g for g in got["cadres", "gender"]]
    assert read == [g if g == one else None for g in genders]


# --------------------------------------------------------------- the Party's days (3)


@pytest.mark.parametrize("order", ["admitted first", "official first"])
def test_the_party_join_date_is_the_day_admitted(tmp_path: Path, order: str) -> None:
    """Before: "Ngày vào Đảng" over "Dự bị" | "Chính thức" took the official day (a year
    late) as the join date, and a probationary member, who has only the first, had none
    (not counted as a member). The official day is a column not read, said."""
    leaves = ["Dự bị", "Chính thức"]
    people_rows = [
        [1, "Pờ Xá Lự", "08/03/1976", "Nam", "Bí thư Đảng ủy", D(1998, 5, 19), D(1999, 5, 19)],
        [2, "Phìn Thị Sú", "11/11/1993", "Nữ", "Công chức Tư pháp - Hộ tịch", D(2016, 12, 22),
         None],
        [3, "Trần Văn Lâm", "04/04/1989", "Nam", "Công chức Văn phòng - Thống kê", None, None],
    ]  # fmt: skip
    if order == "official first":
        leaves.reverse()
        for row in people_rows:
            row[5], row[6] = row[6], row[5]
    rows = [
        [TITLE[0]], [TITLE[1]],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Ngày vào Đảng", None],
        [None, None, None, None, None, *leaves],
        *people_rows,
    ]  # fmt: skip
    path = sheet(tmp_path / "vao-dang.xlsx", rows,
                 ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3"])  # fmt: skip
    joined = people(path)["party_join_date"]
    assert days(joined) == [dt.date(1998, 5, 19), dt.date(2016, 12, 22), None]
    out = run("validate", str(path))
    assert out.returncode == 0, out.stderr
    letter = "G" if order == "admitted first" else "F"
    assert [x[4:6] + x[6:7] for x in lines(out, "Warning") if "not read" in x[6]] == [
        [f"Ngày vào Đảng / Chính thức (column {letter})", "", "this column was not read"]
    ]


# ---------------------------------------------------------------- names' marks (5)


def test_a_footnote_mark_after_a_name_is_left_out_and_said(tmp_path: Path) -> None:
    """Before: "Lê Thị Hiền (*)" was read as the name, with its mark: another person's
    name in every count and look-up, and the mark unsaid."""
    rows = [
        [None, TITLE[0]], [None, TITLE[1]], [],
        [None, "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"],
        [None, 1, "Lò Văn Thoại", D(1977, 11, 7), "Nam", "Bí thư Đảng ủy"],
        [None, 2, "Lê Thị Hiền (*)", D(1988, 5, 1), "Nữ", "Phó Chủ tịch HĐND xã"],
        [None, 3, "Vũ Văn Kiên*", D(1990, 12, 20), "Nam", "Phó Chủ tịch UBND xã"],
        [None, 4, "Cà Văn Ngọc (1)", D(1994, 3, 6), "Nam", "Công chức Tư pháp - Hộ tịch"],
        [],
        [None, "(*) Mới được bầu tháng 7/2025"],
    ]  # fmt: skip
    path = sheet(tmp_path / "chu-thich.xlsx", rows)
    assert people(path).index.tolist() == ["Lò Văn Thoại", "Lê Thị Hiền", "Vũ Văn Kiên",
                                           "Cà Văn Ngọc"]  # fmt: skip
    out = run("validate", str(path))
    assert out.returncode == 0, out.stderr
    said = [x[3:5] + x[6:7] for x in lines(out, "Warning") if "footnote" in x[6]]
    assert said == [
        ["6", "Họ và tên (column C)", "the footnote mark '(*)' after the name ('Lê Thị Hiền "
         "(*)') is no part of it and was left out; the note it refers to is not read"],
        ["7", "Họ và tên (column C)", "the footnote mark '*' after the name ('Vũ Văn Kiên*') "
         "is no part of it and was left out; the note it refers to is not read"],
        ["8", "Họ và tên (column C)", "the footnote mark '(1)' after the name ('Cà Văn Ngọc "
         "(1)') is no part of it and was left out; the note it refers to is not read"],
    ]  # fmt: skip


MARKS = st.sampled_from(["(*)", "*", "**", "(1)", "(12)", "[2]", "²", " (*)", " *", " (3)"])
NAME = st.lists(
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậ", min_size=1, max_size=6),
    min_size=2, max_size=4,
).map(lambda ws: " ".join(w.capitalize() for w in ws))  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(NAME, MARKS)
def test_a_names_mark_never_takes_a_letter(name: str, mark: str) -> None:
    """Any name with a footnote's mark after it reads as the name, and a name without
    one as it is."""
    from cadre_core.roster._flat_tables import _without_marks

    said: list[Any] = []
    rows = pd.Series([5, 6])
    got = _without_marks(pd.Series([name + mark, name], dtype=object), rows, "ds.xlsx", said)
    assert got.tolist() == [name, name]
    assert [p.row for p in said] == [5]
    assert dict(said[0].args)["mark"] == repr(mark.strip())


# ------------------------------------------------------------------- the day (7)


@pytest.mark.parametrize("line", ["(Số liệu đến hết ngày 30/9/2025)",
                                  "Số liệu tính đến hết ngày 30 tháng 9 năm 2025"])  # fmt: skip
def test_the_day_up_to_the_end_of_which_a_list_counts(tmp_path: Path, line: str) -> None:
    """Before: "(Số liệu đến hết ngày 30/9/2025)" was not read as the list's day: the
    list was refused for want of one."""
    rows = [["ĐẢNG ỦY XÃ SÌN HỒ"], ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ SÌN HỒ"], [line], [],
            ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"],
            [1, "Hạng A Chu", D(1978, 7, 1), "Nam", "Bí thư Đảng ủy"],
            [], [None, "NGƯỜI LẬP BIỂU", None, None, "T/M ĐẢNG ỦY"]]  # fmt: skip
    path = sheet(tmp_path / "den-het.xlsx", rows)
    assert read_roster(path).list_date == dt.date(2025, 9, 30)
    out = run("validate", str(path))
    assert out.returncode == 0, out.stderr


# -------------------------------------------------------------- "none" markers (8)


def _word_list(path: Path, rows: list[list[str]]) -> Path:
    document = docx.Document()
    for text in TITLE:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    document.add_paragraph("Phú Lộc, ngày 06 tháng 01 năm 2026")
    document.save(str(path))
    return path


def test_none_markers_are_read_alike_in_every_column(tmp_path: Path) -> None:
    """Before: "-" was refused in every column, "Không" accepted as none under QLNN and
    Ngoại ngữ but refused under Lý luận chính trị, and the refusal's note said "omit the
    row", which in a list is the person. Now a dash is "none held" wherever "Không" is
    (the forms' optional levels), and the same words under a theory level stay refused
    (the real-world verdict: "none" is said in a level's column) with the note to leave
    the cell blank; --skip-invalid keeps each person, without a theory level."""
    rows = [
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Lý luận chính trị", "QLNN",
         "Ngoại ngữ"],
        ["1", "Đỗ Văn Khải", "10/10/1975", "Nam", "Bí thư Đảng ủy", "Cao cấp", "Chuyên viên",
         "Anh B"],
        ["2", "Hoàng Văn Lịch", "07/07/1991", "Nam", "Công chức Văn phòng - Thống kê", "-",
         "Chưa", "Không"],
        ["3", "Tẩn Thị Nhì", "18/03/1994", "Nữ", "Công chức Tư pháp - Hộ tịch", "Không", "-",
         "–"],
    ]  # fmt: skip
    path = _word_list(tmp_path / "gach-ngang.docx", rows)
    out = run("validate", str(path))
    assert out.returncode == 2
    note = "(no level: leave the cell blank; in a theory table, omit the row)"
    assert [x[3:6] + [x[6].endswith(note)] for x in lines(out, "Error")] == [
        ["3", "Lý luận chính trị (column F)", "'-'", True],
        ["4", "Lý luận chính trị (column F)", "'Không'", True],
    ]
    vi = run_vi("validate", str(path))
    assert "để trống ô này; trong bảng lý luận chính trị thì bỏ dòng này" in vi.stderr
    assert "bỏ dòng này)" in vi.stderr and ": bỏ dòng này" not in vi.stderr
    cadres = people(path)
    assert cadres["state_management"].astype(object).where(cadres["state_management"].notna(),
                                                           None).tolist() == [
        "chuyen_vien", None, None]  # fmt: skip
    assert cadres["foreign_language"].isna().tolist() == [False, True, True]
    assert levels(path, "theory") == {"Đỗ Văn Khải": "cao_cap"}
    kept = run("evaluate", str(path), "--skip-invalid", "--format", "json")
    assert kept.returncode == 0, kept.stderr


def test_null_of_a_database_export_is_a_blank_cell(tmp_path: Path) -> None:
    """Before: "NULL", which phpMyAdmin writes for each empty field, was refused in every
    column (a level, a date), and the whole list with it. The zero date "0000-00-00" stays
    refused with its note (the real-world verdict)."""
    path = tmp_path / "phpmyadmin.csv"
    rows = [
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
         "Lý luận chính trị", "Ngày vào Đảng"],
        ["1", "Hoàng Văn Chỉnh", "1977-04-14", "Nam", "Bí thư Đảng ủy", "Đại học", "Cao cấp",
         "1999-03-26"],
        ["2", "Lục Văn Tâm", "1990-12-05", "Nam", "Công chức Văn phòng - Thống kê", "Đại học",
         "NULL", "NULL"],
        ["3", "Nông Văn Thái", "1986-06-20", "Nam", "Công chức Địa chính - Xây dựng", "null",
         "Sơ cấp", "2014-05-19"],
    ]  # fmt: skip
    text = "\r\n".join(";".join(f'"{c}"' for c in r) for r in rows) + "\r\n"
    path.write_text(text, encoding="utf-8")
    roster = read_roster(path, list_date="31/12/2025")
    cadres = roster.cadres.set_index("full_name")
    assert days(cadres["party_join_date"]) == [dt.date(1999, 3, 26), None, dt.date(2014, 5, 19)]
    assert levels(path, "degrees", list_date="31/12/2025") == {
        "Hoàng Văn Chỉnh": "dai_hoc", "Lục Văn Tâm": "dai_hoc"}  # fmt: skip
    assert levels(path, "theory", list_date="31/12/2025") == {
        "Hoàng Văn Chỉnh": "cao_cap", "Nông Văn Thái": "so_cap"}  # fmt: skip
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0 and lines(out, "Error") == [], out.stderr
    rows[2][7] = "0000-00-00"
    path.write_text("\r\n".join(";".join(f'"{c}"' for c in r) for r in rows), encoding="utf-8")
    zero = run("validate", str(path), "--list-date", "31/12/2025")
    assert [x[3:6] for x in lines(zero, "Error")] == [["3", "Ngày vào Đảng (column H)",
                                                       "'0000-00-00'"]]  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 9),
                          st.sampled_from(["NULL", "null", " NULL ", "Null", "NULLA", "Nullah",
                                           "N/A", "Đại học", "0"])), max_size=20))  # fmt: skip
def test_only_a_whole_null_is_blank(cells: list[Any]) -> None:
    """A cell is blank when its whole text is NULL (any case, spaces around), and as it
    is otherwise."""
    got = database_nulls(pd.Series(cells, dtype=object)).tolist()
    null = re.compile(r"^\s*null\s*$", re.I)
    assert got == [None if isinstance(c, str) and null.match(c) else c for c in cells]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 99_999_999),
                          st.floats(allow_nan=False, allow_infinity=False),
                          st.datetimes(min_value=dt.datetime(1900, 1, 1)),
                          st.sampled_from(["NULL", " null ", "Nullah", "19780312"])),
                max_size=20))  # fmt: skip
def test_null_in_a_column_of_numbers_days_and_text(cells: list[Any]) -> None:
    """Before: a column of whole numbers, floats and text (19780312 pasted beside a day
    typed again) made the NULL test raise ("Can only use .str accessor with string
    values"), and ``cadre validate`` stopped with an internal error. Numbers and days are
    never NULL; text is as above."""
    got = database_nulls(pd.Series(cells, dtype=object)).tolist()
    null = re.compile(r"^\s*null\s*$", re.I)
    assert got == [None if isinstance(c, str) and null.match(c) else c for c in cells]


def test_a_birth_column_of_numbers_and_days_reads_each_day(tmp_path: Path) -> None:
    """Before: birth dates pasted as whole numbers (19780312), one of them typed again as
    a day, gave "internal error: AttributeError" and exit 1; and a column of such numbers
    alone was refused cell by cell as "a date (a spreadsheet date, …)". A number of eight
    figures is ISO 8601's basic format (yyyymmdd), far above any day serial: each reads
    as its day, beside the typed day. Eight figures that are no such day (12031978, day
    first) stay refused at their cell."""
    path = sheet(tmp_path / "so.xlsx", [
        ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ PA TẦN"],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"],
        [1, "Lò Văn Lả", 19780312, "Nam", "Bí thư Đảng ủy"],
        [2, "Pờ Thị Cà", dt.datetime(1985, 9, 5), "Nữ", "Chủ tịch UBND xã"],
        [3, "Lỳ A Xé", 19901125.0, "Nam", "Công chức Tư pháp - Hộ tịch"],
        [4, "Lò Thị Pịn", "19920701", "Nữ", "Công chức Văn hóa - Xã hội"],
    ])  # fmt: skip
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0 and "internal error" not in out.stderr, out.stderr
    cadres = people(path, list_date="31/12/2025")
    assert days(cadres["birth_date"]) == [dt.date(1978, 3, 12), dt.date(1985, 9, 5),
                                          dt.date(1990, 11, 25), dt.date(1992, 7, 1)]  # fmt: skip
    rows = [[3, "Lò Văn Lả", 12031978, "Nam", "Bí thư Đảng ủy"]]
    bad = sheet(tmp_path / "ngay-truoc.xlsx", [["STT", "Họ và tên", "Ngày sinh", "Giới tính",
                                                "Chức vụ"], *rows])  # fmt: skip
    refused = run("validate", str(bad), "--list-date", "31/12/2025")
    assert refused.returncode == 2 and "internal error" not in refused.stderr
    assert [x[3:6] for x in lines(refused, "Error")] == [
        ["2", "Ngày sinh (column C)", "'12031978'"]]  # fmt: skip


def test_a_day_kept_as_text_by_an_apostrophe_reads(tmp_path: Path) -> None:
    """Before: "'19/05/1985", the apostrophe a clerk types to keep a day as text (or an
    export writes before it), was refused as "a date (…)". The apostrophe is no part of
    the day."""
    path = sheet(tmp_path / "nhay.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"],
        [1, "Lò Văn Lả", "'19/05/1985", "Nam", "Bí thư Đảng ủy"],
        [2, "Pờ Thị Cà", "’03/12/1980", "Nữ", "Chủ tịch UBND xã"],
    ])  # fmt: skip
    assert run("validate", str(path), "--list-date", "31/12/2025").returncode == 0
    cadres = people(path, list_date="31/12/2025")
    assert days(cadres["birth_date"]) == [dt.date(1985, 5, 19), dt.date(1980, 12, 3)]


def test_a_day_or_month_written_00_is_refused_with_its_own_note(tmp_path: Path) -> None:
    """Before: "00/00/1980" and "00/05/1980" (a day or month the clerk did not know) had
    the general note of a date; the note now says 00 is not known."""
    path = sheet(tmp_path / "khong.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"],
        [1, "Lò Văn Lả", "00/00/1980", "Nam", "Bí thư Đảng ủy"],
        [2, "Pờ Thị Cà", "00/05/1982", "Nữ", "Chủ tịch UBND xã"],
    ])  # fmt: skip
    with pytest.raises(RosterError) as refused:
        read_roster(path, list_date="31/12/2025")
    notes = [dict(p.args).get("note_key") for p in refused.value.problems if p.severity == "error"]
    assert notes == ["zero_parts", "zero_parts"]
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert (
        out.returncode == 2 and "a day or month written 00 is not known" in out.stdout + out.stderr
    )
