"""A date written in three sibling columns, a second birth column, a day of the month read as
a spreadsheet day serial.

Each list is laid out as an office keeps it (title rows, a header, people) and read through
``read_roster`` and the real ``cadre`` command; each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from list_files import CADRE, run, sheet

from cadre_core.roster import RosterError, read_roster

DAY = dt.date(2025, 12, 31)
TITLE = ("ỦY BAN NHÂN DÂN XÃ PA TẦN", "DANH SÁCH CÔNG CHỨC XÃ PA TẦN", "(tính đến ngày 31/12/2025)")
POSTS = (
    "Chánh Văn phòng HĐND và UBND",
    "Công chức Văn hóa - Xã hội",
    "Công chức Tư pháp - Hộ tịch",
)


def listed(path: Path, head: Sequence[str], people: Sequence[Sequence[Any]]) -> Path:
    """A list of ``people`` (STT, name, the birth columns, gender, post) under ``head``."""
    rows = [[t] for t in TITLE]
    rows.append(["STT", "Họ và tên", *head, "Giới tính", "Chức vụ"])
    for n, person in enumerate(people, 1):
        rows.append([n, *person[:-1], "Nam", person[-1]])
    return sheet(path, rows)


def births(path: Path) -> dict[str, dt.date]:
    """Each person's day of birth as the list is read."""
    cadres = read_roster(path, list_date=DAY).tables["cadres"]
    return {
        n: pd.Timestamp(b).date() for n, b in zip(cadres.full_name, cadres.birth_date, strict=True)
    }


def test_a_birth_date_in_three_sibling_columns_is_read_as_one_date(tmp_path: Path) -> None:
    """Before: "Ngày sinh" (12) was read as the spreadsheet day serial 12 (1900-01-11),
    silently, "Tháng sinh" was said not read and "Năm sinh" dropped with no word; the
    evaluation said the person reached retirement age in 01/1960 but was still in post."""
    path = listed(
        tmp_path / "ba_cot.xlsx",
        ["Ngày sinh", "Tháng sinh", "Năm sinh"],
        [["Lò Văn Lả", 12, 3, 1978, POSTS[0]], ["Pờ Thị Ca", "03", "09", "1990", POSTS[1]],
         ["Lỳ A Chừ", 25, 12, 1985, POSTS[2]]],
    )  # fmt: skip
    assert births(path) == {
        "Lò Văn Lả": dt.date(1978, 3, 12),
        "Pờ Thị Ca": dt.date(1990, 9, 3),
        "Lỳ A Chừ": dt.date(1985, 12, 25),
    }
    said = read_roster(path, list_date=DAY).problems
    assert [p.key for p in said if p.key in ("column_not_read", "second_list_column")] == []
    done = run("validate", str(path), "--list-date", "2025-12-31")
    assert done.returncode == 0, done.stderr
    out = done.stdout + done.stderr
    assert "Tháng sinh" not in out and "not read" not in out
    evaluated = run("evaluate", str(path), "--list-date", "2025-12-31")
    assert evaluated.returncode == 0, evaluated.stderr
    assert "1960" not in evaluated.stdout + evaluated.stderr


def test_a_day_then_a_month_and_a_year_alone_are_the_parts_of_that_date(tmp_path: Path) -> None:
    """Before: "Ngày sinh | Tháng | Năm" read the day of the month as a day serial (1900),
    "Tháng" was not read and "Năm" was taken for a rating's year."""
    path = listed(
        tmp_path / "thang_nam.xlsx",
        ["Ngày sinh", "Tháng", "Năm"],
        [["Lò Văn Lả", 12, 3, 1978, POSTS[0]]],
    )
    assert births(path) == {"Lò Văn Lả": dt.date(1978, 3, 12)}


def test_the_parts_of_the_day_of_joining_the_party_are_read_as_it(tmp_path: Path) -> None:
    """Before: "Ngày vào Đảng" (a day of the month) was read as a day serial of 1900 and
    "Tháng vào Đảng", "Năm vào Đảng" were said not read."""
    head = ["Ngày sinh", "Ngày vào Đảng", "Tháng vào Đảng", "Năm vào Đảng"]
    path = listed(
        tmp_path / "dang.xlsx", head, [["Lò Văn Lả", "12/03/1978", 19, 5, 2005, POSTS[0]]]
    )
    cadres = read_roster(path, list_date=DAY).tables["cadres"]
    assert pd.Timestamp(cadres.party_join_date.iloc[0]).date() == dt.date(2005, 5, 19)
    assert pd.Timestamp(cadres.birth_date.iloc[0]).date() == dt.date(1978, 3, 12)


def test_a_day_of_the_month_alone_in_the_birth_column_is_refused_at_its_cell(
    tmp_path: Path,
) -> None:
    """Before: 12 under "Ngày sinh", with no month or year beside it, was read as the day
    serial 12, a birth on 1900-01-11, and the list was valid."""
    path = listed(tmp_path / "ngay.xlsx", ["Ngày sinh"], [["Lò Văn Lả", 12, POSTS[0]]])
    with pytest.raises(RosterError) as refused:
        read_roster(path, list_date=DAY)
    errors = [p for p in refused.value.problems if p.severity == "error"]
    assert [(p.row, p.column, p.value) for p in errors] == [(5, "Ngày sinh (column C)", "12")]
    assert "a day of the month or an age" in errors[0].expected
    assert dict(errors[0].args)["note_key"] == "day_or_age"
    done = run("validate", str(path), "--list-date", "2025-12-31")
    assert done.returncode == 2
    out = done.stdout + done.stderr
    assert "Ngày sinh (column C)" in out and "looks like a day of the month or an age" in out
    vi = subprocess.run([CADRE, "validate", str(path), "--list-date", "2025-12-31", "--lang", "vi"],
                        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "400"})  # fmt: skip
    assert (
        vi.returncode == 2 and "giống một ngày trong tháng hoặc một tuổi" in vi.stdout + vi.stderr
    )


def test_a_real_day_serial_is_still_read(tmp_path: Path) -> None:
    """A day serial of a day of a person's life (28194, 1977-03-10) still reads: the floor
    of 1910 refuses only numbers that are no such day."""
    path = listed(tmp_path / "serial.xlsx", ["Ngày sinh"], [["Lò Văn Lả", 28194, POSTS[0]]])
    assert births(path) == {"Lò Văn Lả": dt.date(1977, 3, 10)}
    assert run("validate", str(path), "--list-date", "2025-12-31").returncode == 0


def test_a_second_birth_column_is_said_not_dropped(tmp_path: Path) -> None:
    """Before: a second birth date column beside the first ("Ngày sinh" and "Năm sinh", no
    month between them) was exempt from the second column check and silently dropped."""
    path = listed(
        tmp_path / "hai_cot.xlsx",
        ["Ngày sinh", "Năm sinh"],
        [["Lò Văn Lả", "12/03/1978", 1978, POSTS[0]]],
    )
    roster = read_roster(path, list_date=DAY)
    assert births(path) == {"Lò Văn Lả": dt.date(1978, 3, 12)}
    second = [p for p in roster.problems if p.key == "second_list_column"]
    assert [(p.column, p.severity) for p in second] == [("Năm sinh (column D)", "warning")]
    done = run("validate", str(path), "--list-date", "2025-12-31")
    assert (
        done.returncode == 0
        and "a second column for cadres.birth_date" in done.stdout + done.stderr
    )


def test_a_birth_date_under_nam_and_nu_is_still_read_from_both(tmp_path: Path) -> None:
    """The gender sub-columns ("Ngày sinh" over "Nam" | "Nữ") stay one field read from both
    columns, never a second column, after the exemption was narrowed to them."""
    rows = [[t] for t in TITLE]
    rows += [["STT", "Họ và tên", "Ngày sinh", None, "Chức vụ"], [None, None, "Nam", "Nữ", None],
             [1, "Lò Văn Lả", "12/03/1978", None, POSTS[0]], [2, "Pờ Thị Ca", None, "03/09/1990", POSTS[1]]]  # fmt: skip
    path = sheet(tmp_path / "nam_nu.xlsx", rows)
    roster = read_roster(path, list_date=DAY)
    cadres = roster.tables["cadres"]
    assert cadres.gender.tolist() == ["male", "female"]
    assert births(path) == {"Lò Văn Lả": dt.date(1978, 3, 12), "Pờ Thị Ca": dt.date(1990, 9, 3)}
    assert not [p for p in roster.problems if p.key == "second_list_column"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    days=st.lists(st.dates(dt.date(1950, 1, 1), dt.date(2004, 12, 31)), min_size=1, max_size=6),
    as_text=st.booleans(),
)
def test_any_day_month_year_triple_round_trips(days: list[dt.date], as_text: bool) -> None:
    """Any valid day, month and year in three sibling columns (numbers, or text with
    leading zeros as '03') is read as that very date."""
    people = []
    for n, day in enumerate(days):
        parts: list[Any] = [day.day, day.month, day.year]
        if as_text:
            parts = [f"{day.day:02d}", f"{day.month:02d}", str(day.year)]
        people.append([f"Lò Văn {chr(ord('A') + n)}", *parts, POSTS[n % len(POSTS)]])
    with tempfile.TemporaryDirectory() as folder:
        path = listed(Path(folder) / "list.xlsx", ["Ngày sinh", "Tháng sinh", "Năm sinh"], people)
        assert births(path) == {p[0]: d for p, d in zip(people, days, strict=True)}


@settings(max_examples=40, deadline=None)
@given(
    day=st.integers(1, 28),
    month=st.integers(1, 12),
    year=st.integers(0, 99),
    sep=st.sampled_from(["/", "-", "."]),
    padded=st.booleans(),
)
def test_a_two_digit_year_is_refused_with_advice_to_write_four_figures(
    day: int, month: int, year: int, sep: str, padded: bool
) -> None:
    """Before: "5/9/85" or "12-3-78" was refused as "a date (a spreadsheet date, …)",
    which does not tell the clerk what is wrong with it. Now the note says the year has
    two figures and must be written in four; nothing is guessed (19.. or 20..)."""
    f = "{:02d}" if padded else "{}"
    text = sep.join([f.format(day), f.format(month), f"{year:02d}"])
    with tempfile.TemporaryDirectory() as tmp:
        path = listed(Path(tmp) / "hai-so.xlsx", ["Ngày sinh"], [["Lò Văn Lả", text, POSTS[0]]])
        with pytest.raises(RosterError) as refused:
            read_roster(path, list_date=DAY)
    errors = [p for p in refused.value.problems if p.severity == "error"]
    assert [(p.row, p.column, p.value) for p in errors] == [(5, "Ngày sinh (column C)", text)]
    assert dict(errors[0].args)["note_key"] == "two_digit_year"
    assert "the year has two figures" in errors[0].expected


def test_a_two_digit_year_is_said_in_vietnamese_through_the_command(tmp_path: Path) -> None:
    """The real command names the cell and gives the advice in both languages."""
    path = listed(tmp_path / "hai-so.xlsx", ["Ngày sinh"], [["Pờ Thị Cà", "5/9/85", POSTS[1]]])
    done = run("validate", str(path), "--list-date", "2025-12-31")
    assert done.returncode == 2
    assert "'5/9/85'" in done.stdout + done.stderr
    assert "write the year with four figures" in done.stdout + done.stderr
    vi = subprocess.run([CADRE, "validate", str(path), "--list-date", "2025-12-31", "--lang", "vi"],
                        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "400"})  # fmt: skip
    assert vi.returncode == 2 and "ghi năm đủ bốn chữ số" in vi.stdout + vi.stderr
