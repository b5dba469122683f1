"""A start-like day written as a month or a year alone, under ``--skip-invalid``.

Offices write when a post began as "T7/2021", "6/2021", "tháng 10/2020" or "2021" and a
degree's year of graduation as 2005. A strict read refuses these cells (a month or a year
is not a day); before, ``--skip-invalid`` then set the whole post or degree row aside: a
commune chair lost the post, a master's disappeared and targets read "not met". Now such
a cell of a column saying since when something is held is read as the period's last day
(held at least from then), with a warning; never a birth date or an end date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import RosterError, read_roster
from cadre_core.roster._normalize import normalise_date
from cadre_core.roster._partial_dates import last_days, read_partial_days
from cadre_core.roster._problems import problem
from cadre_core.roster._reader import RawTable

D = dt.datetime


def posts_list(path: Path, starts: Sequence[object]) -> Path:
    """A list of six people, each with "Thời điểm bổ nhiệm" as given (column F)."""
    people = [
        ("Chảo Văn Lở", D(1975, 6, 6), "Nam", "Bí thư Đảng ủy"),
        ("Phàn Thị Mẩy", D(1986, 3, 14), "Nữ", "Chủ tịch HĐND xã"),
        ("Tẩn A Phủ", D(1983, 12, 2), "Nam", "Chủ tịch UBND xã"),
        ("Lý Văn Chiêu", D(1988, 8, 8), "Nam", "Phó Chủ tịch UBND xã"),
        ("Đặng Thị Nhàn", D(1993, 1, 21), "Nữ", "Công chức Văn phòng - Thống kê"),
        ("Phùng A Sì", D(1991, 10, 10), "Nam", "Công chức Tư pháp - Hộ tịch"),
    ]
    rows: list[list[object]] = [
        ["UBND XÃ SI LỞ LẦU"],
        ["DANH SÁCH CÁN BỘ, CÔNG CHỨC (tính đến ngày 31/12/2025)"],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Thời điểm bổ nhiệm",
         "Trình độ chuyên môn", "Lý luận chính trị"],
    ]  # fmt: skip
    for i, ((name, born, gender, post), start) in enumerate(zip(people, starts, strict=True)):
        rows.append([i + 1, name, born, gender, post, start, "Đại học", "Cao cấp"])
    return sheet(path, rows)


STARTS = ["T7/2021", "2021", "6/2021", D(2022, 3, 1), "01/9/2019", "tháng 10/2020"]


def degrees_list(path: Path) -> Path:
    """A list with "Trình độ chuyên môn" over "Trình độ | Chuyên ngành | Năm tốt nghiệp",
    the year of graduation a number (column H)."""
    rows = [
        ["UBND XÃ BẢN HON"],
        ["DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
         None, None, "LLCT"],
        [None, None, None, None, None, "Trình độ", "Chuyên ngành", "Năm tốt nghiệp", None],
        [1, "Lò Văn Thanh", D(1976, 1, 1), "Nam", "Bí thư Đảng ủy", "Đại học", "Luật", 2005,
         "Cao cấp"],
        [2, "Tạ Thị Hồng", D(1984, 4, 19), "Nữ", "Chủ tịch UBND xã", "Thạc sĩ",
         "Quản lý kinh tế", 2016, "Cao cấp"],
        [3, "Lò Văn Đông", D(1989, 7, 27), "Nam", "Phó Chủ tịch UBND xã", "Đại học", "Nông học",
         2012, "Trung cấp"],
        [4, "Khoàng Thị Yên", D(1993, 10, 2), "Nữ", "Công chức Tài chính - Kế toán", "Đại học",
         "Kế toán", 2015, None],
        [5, "Chang Văn Lù", D(1991, 3, 18), "Nam", "Công chức Địa chính - Xây dựng", "Cao đẳng",
         "Quản lý đất đai", 2013, None],
    ]  # fmt: skip
    merged = ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:H3", "I3:I4"]
    return sheet(path, rows, merged)


def _targets(stdout: str) -> dict[str, tuple[int, int, str]]:
    doc = json.loads(stdout)
    (commune,) = doc["communes"]
    return {t["id"]: (t["population"], t["satisfied"], t["status"]) for t in commune["targets"]}


def test_a_post_started_in_a_month_or_a_year_is_kept(tmp_path: Path) -> None:
    """Before: "T7/2021", "2021", "6/2021" and "tháng 10/2020" as the start of a post set the
    whole assignment aside under --skip-invalid: the party secretary, the council chair,
    the commune chair and a civil servant were counted in no post."""
    path = posts_list(tmp_path / "bo-nhiem.xlsx", STARTS)
    roster = read_roster(path, skip_invalid=True)
    names = dict(zip(roster.cadres["cadre_id"], roster.cadres["full_name"], strict=True))
    starts = {
        names[c]: s.date()
        for c, s in zip(roster.assignments["cadre_id"], roster.assignments["start_date"],
                        strict=True)
    }  # fmt: skip
    assert starts == {
        "Chảo Văn Lở": dt.date(2021, 7, 31),
        "Phàn Thị Mẩy": dt.date(2021, 12, 31),
        "Tẩn A Phủ": dt.date(2021, 6, 30),
        "Lý Văn Chiêu": dt.date(2022, 3, 1),
        "Đặng Thị Nhàn": dt.date(2019, 9, 1),
        "Phùng A Sì": dt.date(2020, 10, 31),
    }
    said = [(p.row, p.column, p.value, p.severity, p.scope, p.key) for p in roster.skipped]
    column = "Thời điểm bổ nhiệm (column F)"
    assert said == [
        (4, column, "T7/2021", "warning", "cell", "partial_month"),
        (5, column, "2021", "warning", "cell", "partial_year"),
        (6, column, "6/2021", "warning", "cell", "partial_month"),
        (9, column, "tháng 10/2020", "warning", "cell", "partial_month"),
    ]
    assert roster.skipped[0].describe() == (
        "bo-nhiem.xlsx, sheet 'Danh sách', table assignments, row 4, column Thời điểm bổ "
        "nhiệm (column F): 'T7/2021' is not a whole day (the day is not written): read as "
        "31/07/2021, the last day of that month, counted as held from then (--skip-invalid)"
    )
    assert "được đọc là 31/12/2021, ngày cuối của năm đó" in roster.skipped[1].describe("vi")
    assert roster.accounting()["assignments"] == {"read": 6, "kept": 6, "skipped": 0, "cells": 4}


def test_a_strict_read_still_refuses_a_month_or_a_year(tmp_path: Path) -> None:
    """The strict read is unchanged: a month or a year alone is no day (the real-world
    verdicts require it), each cell named with its note."""
    path = posts_list(tmp_path / "bo-nhiem.xlsx", STARTS)
    with pytest.raises(RosterError) as exc:
        read_roster(path)
    errors = [(p.row, p.column, p.value, dict(p.args).get("note_key")) for p in exc.value.errors]
    column = "Thời điểm bổ nhiệm (column F)"
    assert errors == [
        (4, column, "T7/2021", "month_year"),
        (5, column, "2021", "year"),
        (6, column, "6/2021", "month_year"),
        (9, column, "tháng 10/2020", "month_year"),
    ]
    done = run("validate", str(path))
    assert done.returncode == 2
    for row, value in ((4, "'T7/2021'"), (5, "'2021'"), (6, "'6/2021'"), (9, "'tháng 10/2020'")):
        assert any(
            f"\t{row}\t" in line and value in line and "(column F)" in line
            for line in (done.stdout + done.stderr).splitlines()
        ), (row, done.stderr)


def test_the_commune_chair_keeps_the_post_in_an_evaluation(tmp_path: Path) -> None:
    """Before: `cadre evaluate --skip-invalid` counted 2 of 6 posts staffed; now every post
    is held, and what was read is listed as warnings, never as rows set aside."""
    path = posts_list(tmp_path / "bo-nhiem.xlsx", STARTS)
    done = run("evaluate", str(path), "--skip-invalid", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert _targets(done.stdout)["nq05.1a"] == (6, 6, "met")
    skipped = json.loads(done.stdout)["skipped"]
    assert [(p["row"], p["value"], p["severity"], p["scope"]) for p in skipped] == [
        (4, "T7/2021", "warning", "cell"),
        (5, "2021", "warning", "cell"),
        (6, "6/2021", "warning", "cell"),
        (9, "tháng 10/2020", "warning", "cell"),
    ]


def test_a_year_of_graduation_keeps_the_degree(tmp_path: Path) -> None:
    """Before: "Năm tốt nghiệp" 2005 set the degree row aside: the chair's master's was lost
    ("Standing leadership: master's degree" 0 of 3) and so was every university degree."""
    path = degrees_list(tmp_path / "nam-tot-nghiep.xlsx")
    roster = read_roster(path, skip_invalid=True)
    degrees = roster.degrees.sort_values("cadre_id")
    assert degrees["level"].astype(str).tolist() == [
        "dai_hoc", "thac_si", "dai_hoc", "dai_hoc", "cao_dang"
    ]  # fmt: skip
    assert [d.date() for d in degrees["awarded_date"]] == [
        dt.date(y, 12, 31) for y in (2005, 2016, 2012, 2015, 2013)
    ]
    column = "Trình độ chuyên môn / Năm tốt nghiệp (column H)"
    assert [(p.row, p.column, p.value, p.severity, p.key) for p in roster.skipped] == [
        (row, column, str(year), "warning", "partial_year")
        for row, year in zip(range(5, 10), (2005, 2016, 2012, 2015, 2013), strict=True)
    ]
    done = run("evaluate", str(path), "--skip-invalid", "--format", "json")
    assert done.returncode == 0, done.stderr
    targets = _targets(done.stdout)
    assert targets["nq05.5a"][:2] == (3, 1)  # the chair's master's
    assert targets["nq05.7a"][:2] == (2, 1)  # a professional's university degree
    refused = run("validate", str(path))
    assert refused.returncode == 2
    assert (refused.stdout + refused.stderr).count("Năm tốt nghiệp (column H)") == 5


def test_a_period_after_the_list_day_is_still_set_aside(tmp_path: Path) -> None:
    """A month or a year not over on the list's day (nor today) cannot say since when a
    post is held: the row is set aside as before, with the date error."""
    starts = ["T7/2099", "2021", D(2020, 1, 1), D(2022, 3, 1), "01/9/2019", None]
    roster = read_roster(posts_list(tmp_path / "sau.xlsx", starts), skip_invalid=True)
    assert len(roster.assignments) == 5
    said = [(p.row, p.value, p.severity, p.scope) for p in roster.skipped]
    assert said == [(4, "T7/2099", "error", "row"), (5, "2021", "warning", "cell")]
    raw = RawTable(
        "assignments",
        pd.DataFrame({"start_date": ["T12/2025", "T11/2025", "2025"]}),
        pd.Series([2, 3, 4]),
        "a.csv",
    )
    errors = [
        problem("a.csv", "assignments", row, "start_date", value, "date", note_key=note,
                year=value)
        for row, value, note in ((2, "T12/2025", "month_year"), (3, "T11/2025", "month_year"),
                                 (4, "2025", "year"))
    ]  # fmt: skip
    read = read_partial_days([raw], [(p, "start_date") for p in errors], dt.date(2025, 12, 15))
    assert list(read.said) == [("assignments", "start_date", 3)]
    assert read.fill(raw).frame["start_date"].tolist() == [
        "T12/2025", pd.Timestamp(2025, 11, 30), "2025"
    ]  # fmt: skip


def test_the_list_day_bounds_the_period_not_today(tmp_path: Path) -> None:
    """A list as of 31/12/2025 read a year later: "2026" (a year not over on the list's
    day) is set aside with its error, as is "T1/2026"; "T12/2025" is read as 31/12/2025.
    Before the list's day was passed down, today bounded the period, so a start after the
    list's day was read as held."""
    starts = ["2026", "T1/2026", "T12/2025", D(2022, 3, 1), "01/9/2019", None]
    roster = read_roster(posts_list(tmp_path / "ngay.xlsx", starts), skip_invalid=True)
    said = [(p.row, p.value, p.severity, p.scope) for p in roster.skipped]
    assert said == [
        (4, "2026", "error", "row"),
        (5, "T1/2026", "error", "row"),
        (6, "T12/2025", "warning", "cell"),
    ]
    kept = dict(zip(roster.assignments["cadre_id"], roster.assignments["start_date"],
                    strict=True))  # fmt: skip
    assert kept["DS0006"] == pd.Timestamp(2025, 12, 31)  # the month of the list's day
    assert sorted(kept) == ["DS0006", "DS0007", "DS0008", "DS0009"]


def test_a_birth_year_or_an_end_month_is_never_read_as_a_day(tmp_path: Path) -> None:
    """A birth date is no start (the cadre is kept without it, as before) and a post's end
    is not either (the last day would keep a post the list says was left)."""
    rows = [
        ["UBND XÃ NẬM TĂM"],
        ["DANH SÁCH CÁN BỘ, CÔNG CHỨC (tính đến ngày 31/12/2025)"],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Từ ngày", "Đến ngày"],
        [1, "Lò Văn An", "1975", "Nam", "Bí thư Đảng ủy", "6/2021", None],
        [2, "Tao Thị Bình", D(1982, 7, 5), "Nữ", "Chủ tịch UBND xã", D(2021, 6, 1), "5/2025"],
    ]
    roster = read_roster(sheet(tmp_path / "sinh.xlsx", rows), skip_invalid=True)
    said = [(p.row, p.value, p.severity, p.scope, p.key) for p in roster.skipped]
    assert said == [
        (4, "1975", "error", "cell", "date"),
        (5, "5/2025", "error", "row", "date"),
        (4, "6/2021", "warning", "cell", "partial_month"),
    ]
    assert roster.cadres["birth_date"].isna().tolist() == [True, False]
    assert [d.date() for d in roster.assignments["start_date"]] == [dt.date(2021, 6, 30)]


def _last_day(year: int, month: int | None) -> dt.date:
    if month is None:
        return dt.date(year, 12, 31)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


SPELLINGS = ("T{m}/{y}", "{m}/{y}", "{m:02d}/{y}", "tháng {m}/{y}", "Tháng {m} năm {y}",
             "{m}-{y}", "{y}", "year")  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    year=st.integers(1950, 2030),
    month=st.integers(1, 12),
    spelling=st.sampled_from(SPELLINGS),
    until=st.dates(dt.date(1950, 1, 1), dt.date(2031, 12, 31)),
)
def test_the_day_read_is_the_last_of_the_period_and_never_after(
    year: int, month: int, spelling: str, until: dt.date
) -> None:
    """For any month or year written alone, the day read is the period's last day, never
    after the roster's day; the strict reading is unchanged (refused, with its note)."""
    value: object = year if spelling == "year" else spelling.format(m=month, y=year)
    by_month = "{m" in spelling
    raw = pd.Series([value], dtype=object)
    days, months = last_days(raw, until)
    last = _last_day(year, month if by_month else None)
    if last <= until:
        assert days[0].date() == last
        assert days[0].date() <= until
    else:
        assert pd.isna(days[0])
    assert bool(months[0]) is by_month
    for serials in (False, True):
        read, issues = normalise_date(raw, serials=serials)
        assert pd.isna(read[0]) and bool(issues.bad[0])
        assert set(issues.note_keys.values()) == {"month_year" if by_month else "year"}
