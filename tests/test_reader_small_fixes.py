"""Small reading defects of real lists: a lone "Ngày vào Đảng chính thức" column, a note
under a list's table, a legal reference with a comma before its "ngày".

Each list is built in the test, read through ``read_roster`` and the real ``cadre``
command; each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import RosterError, read_roster
from cadre_core.roster._flat_header import resolve
from cadre_core.roster._list_title import title_day
from cadre_core.roster._record_day import dated_lines, without_issued_days

DAY = dt.date(2025, 12, 31)
TITLE = ("ỦY BAN NHÂN DÂN XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)")
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
AN = [1, "Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"]
BINH = [2, "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Đại học Kinh tế"]
CHU = [3, "Vàng A Chứ", "20/01/1990", "Nam", "Công chức Tư pháp - Hộ tịch", "Cao đẳng"]


# 1. The day made a full member of the Party is not the day of joining


@pytest.mark.parametrize(
    "label", ["Ngày vào Đảng chính thức", "Ngày vào Đảng (chính thức)", "Ngày chính thức"]
)
def test_a_lone_full_member_day_is_not_the_party_join_date(tmp_path: Path, label: str) -> None:
    """Before: a lone "Ngày vào Đảng chính thức" column was read as the day of joining the
    Party, which is the day admitted, about a year earlier; every join date (and every
    count of Party years) was a year late. It is now a column not read, said so."""
    rows = [*[[t] for t in TITLE], [*HEAD, label], [*AN, "03/02/2010"], [*BINH, None]]
    path = sheet(tmp_path / "dang.xlsx", rows)
    roster = read_roster(path, list_date=DAY)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình"]
    assert roster.cadres["party_join_date"].isna().all()
    assert not roster.informs("cadres.party_join_date")
    said = [(p.key, p.column, p.severity) for p in roster.problems if p.key == "column_not_read"]
    assert said == [("column_not_read", f"{label} (column G)", "warning")]
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stdout + out.stderr
    line = next(x for x in out.stdout.splitlines() if f"{label} (column G)" in x)
    assert "this column was not read" in line


@pytest.mark.parametrize("label", ["Ngày vào Đảng", "Ngày vào Đảng dự bị", "Ngày kết nạp Đảng"])
def test_the_day_admitted_stays_the_party_join_date(tmp_path: Path, label: str) -> None:
    """The day admitted, however headed, is still the day of joining (before: "Ngày vào
    Đảng dự bị" alone, the admitted day's own name, was not read at all)."""
    rows = [*[[t] for t in TITLE], [*HEAD, label], [*AN, "03/02/2010"], [*BINH, None]]
    path = sheet(tmp_path / "dang.xlsx", rows)
    roster = read_roster(path, list_date=DAY)
    assert roster.cadres["party_join_date"].tolist()[0] == pd.Timestamp("2010-02-03")
    assert pd.isna(roster.cadres["party_join_date"].tolist()[1])
    assert not [p for p in roster.problems if p.key == "column_not_read"]
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "was not read" not in out.stdout


def test_the_two_party_days_under_one_header_are_read_as_before(tmp_path: Path) -> None:
    """Under "Ngày vào Đảng", "Dự bị" | "Chính thức": the day admitted is read, the other
    not (unchanged)."""
    head = [*HEAD, "Ngày vào Đảng", None]
    under = [None] * len(HEAD) + ["Dự bị", "Chính thức"]
    rows = [*[[t] for t in TITLE], head, under, [*AN, "03/02/2010", "03/02/2011"]]
    path = sheet(tmp_path / "dang2.xlsx", rows, merged=["G3:H3"])
    roster = read_roster(path, list_date=DAY)
    assert roster.cadres["party_join_date"].tolist() == [pd.Timestamp("2010-02-03")]
    said = [p.column for p in roster.problems if p.key == "column_not_read"]
    assert said == ["Ngày vào Đảng / Chính thức (column H)"]
    assert resolve(["NgayVaoDangChinhThuc"]) is None


# 2. A note under a list's table is no group row


def test_a_note_under_the_list_is_said_not_read_not_a_group(tmp_path: Path) -> None:
    """Before: the footnote lines under the table ("Ghi chú: (*) ...", "(1) Số liệu do ...
    cung cấp", and the note's next line) were read as group rows, the names of agencies
    of no one, and nothing said they were not read; a note written in a data column was
    "a row with no person's name". Each is now said as a note not read, by row."""
    rows = [
        *[[t] for t in TITLE],
        HEAD,
        ["I. Văn phòng"],
        AN,
        BINH,
        CHU,
        [None],
        ["Ghi chú: (*) Đồng chí Vàng A Chứ đang đi học"],
        [None, "- Đồng chí Tao Thị Bình nghỉ thai sản"],
        ["(1) Số liệu do Phòng Nội vụ cung cấp"],
        ["* Danh sách chưa gồm người hoạt động không chuyên trách"],
        [None, None, "Lưu ý: ngày sinh theo giấy khai sinh"],  # in a data column
    ]
    path = sheet(tmp_path / "ghi-chu.xlsx", rows, merged=["A12:F12"])
    roster = read_roster(path, list_date=DAY)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình", "Vàng A Chứ"]
    assert roster.agencies["name"].tolist() == ["Văn phòng"]
    notes = [(p.row, dict(p.args)["cell"]) for p in roster.problems
             if p.key == "list_note_not_read"]  # fmt: skip
    assert notes == [
        (9, "'Ghi chú: (*) Đồng chí Vàng A Chứ đang đi học'"),
        (10, "'- Đồng chí Tao Thị Bình nghỉ thai sản'"),
        (11, "'(1) Số liệu do Phòng Nội vụ cung cấp'"),
        (12, "'* Danh sách chưa gồm người hoạt động không chuyên trách'"),
        (13, "'Lưu ý: ngày sinh theo giấy khai sinh'"),
    ]
    assert all(p.severity == "warning" and "Danh sách" in p.file for p in roster.problems
               if p.key == "list_note_not_read")  # fmt: skip
    assert not [p for p in roster.problems if p.key == "row_no_person"]
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stdout + out.stderr
    said = [x for x in out.stdout.splitlines() if "is a note under the list" in x]
    assert [x.split("\t")[3] for x in said] == ["9", "10", "11", "12", "13"]
    assert "('(1) Số liệu do Phòng Nội vụ cung cấp')" in said[2]
    assert "the note was not read" in said[0]


def test_a_group_row_above_people_and_a_marked_name_are_no_note(tmp_path: Path) -> None:
    """A note's word or mark counts only under the last person: a group row above people
    is still their agency, and a trailing line that is no note is not said as one."""
    rows = [
        *[[t] for t in TITLE],
        HEAD,
        ["Văn phòng HĐND và UBND"],
        AN,
        ["Lưu ý: công chức"],  # above a person: a group row, as any
        BINH,
        ["Khối đoàn thể"],  # under the last person, no note's word: as before
    ]
    path = sheet(tmp_path / "nhom.xlsx", rows)
    roster = read_roster(path, list_date=DAY)
    assert sorted(roster.agencies["name"].tolist()) == [
        "Lưu ý: công chức",
        "Văn phòng HĐND và UBND",
    ]
    assert not [p for p in roster.problems if p.key == "list_note_not_read"]


# 3. A legal reference with a comma before its "ngày"


@pytest.mark.parametrize(
    "text",
    [
        "Quyết định số 1234/QĐ-UBND, ngày 05 tháng 3 năm 2025",
        "Quyết định số 1234/QĐ-UBND , ngày 05/3/2025",
        "Quyết định số 1234/QĐ-UBND,ngày 05/3/2025",
        "Quyết định số: 1234/QĐ-UBND, ngày 05/3/2025",
        "Quyết định số 12/QĐ-UBND của Chủ tịch UBND tỉnh, ngày 05/3/2025",
    ],
)
def test_a_legal_reference_with_a_comma_is_no_day_of_a_list(tmp_path: Path, text: str) -> None:
    """Before: "Quyết định số 1234/QĐ-UBND, ngày 05/3/2025" (a space before the comma,
    none after it, "số:" or the issuing body before the comma) was not seen as a legal
    document's day, and the list, whose title names no other, was read as of 05/03/2025."""
    assert title_day(dated_lines([f"(Kèm theo {text})"])) is None
    rows = [["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"], ["DANH SÁCH CÁN BỘ"], [f"(Kèm theo {text})"],
            HEAD, AN]  # fmt: skip
    path = sheet(tmp_path / "qd.xlsx", rows)
    with pytest.raises(RosterError) as raised:  # the list names no day of its own
        read_roster(path)
    assert [p.key for p in raised.value.problems if p.key.startswith("list_date")] == [
        "list_date_unknown"
    ]


def test_a_signing_line_and_a_documents_own_number_keep_their_day() -> None:
    """The signing line and a report's own number ("Số: 125/BC-UBND") stay days."""
    day = dt.date(2025, 3, 5)
    assert title_day(dated_lines(["Nậm Tăm, ngày 05 tháng 3 năm 2025"])) == day
    assert title_day(dated_lines(["Số: 125/BC-UBND, ngày 05 tháng 3 năm 2025"])) == day


@settings(max_examples=60, deadline=None)
@given(
    number=st.integers(1, 9999),
    before=st.sampled_from([",", " ,", ", ", " , ", " "]),
    day=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    words=st.booleans(),
)
def test_any_cited_decisions_day_is_left_out(
    number: int, before: str, day: dt.date, words: bool
) -> None:
    """Whatever its number, the spaces around the comma and how its day is written, a
    decision's day is no day of the text that cites it."""
    written = (f"{day.day:02d} tháng {day.month} năm {day.year}" if words
               else f"{day.day}/{day.month}/{day.year}")  # fmt: skip
    text = f"Quyết định số {number}/QĐ-UBND{before}ngày {written} của UBND tỉnh"
    assert without_issued_days(text) == "của UBND tỉnh"
