"""The birth day written as the 2C form words it, "Sinh ngày | tháng | năm": the day, the
month and the year in three sibling columns.

Before, "Sinh ngày" was read as a whole birth date, each day of the month refused ("'12'
looks like a day of the month or an age"), and "tháng" and "năm" were not read: everyone
was of an unknown age. Now "Sinh ngày" is the birth day's day, as "Ngày sinh" is, and the
three columns are read together as one date, as "Ngày sinh | Tháng | Năm" are.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import read_roster

TITLE = [["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"], ["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"]]
PEOPLE = [
    ("Lò Văn Pấng", dt.date(1972, 3, 12), "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"),
    ("Vàng Thị Mỷ", dt.date(1985, 7, 5), "Nữ", "Phó Chủ tịch UBND xã", "Cao đẳng"),
]


def _list(path: Path, parts: tuple[str, str, str], people: Any = PEOPLE) -> Path:
    head = ["STT", "Họ và tên", *parts, "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
    rows = [[i, name, born.day, born.month, born.year, gender, post, level]
            for i, (name, born, gender, post, level) in enumerate(people, 1)]  # fmt: skip
    return sheet(path, [*TITLE, head, *rows])


def _problems(path: Path) -> list[dict[str, Any]]:
    out = run("validate", str(path), "--format", "json")
    assert "Traceback" not in out.stderr
    doc = json.loads(out.stdout)
    assert doc["valid"] is True, out.stdout
    return list(doc["problems"])


@pytest.mark.parametrize(
    "parts",
    [
        ("Sinh ngày", "tháng", "năm"),
        ("Sinh ngày", "Tháng", "Năm"),
        ("Sinh ngày:", "tháng:", "năm:"),
    ],
)
def test_sinh_ngay_thang_nam_is_the_birth_day(tmp_path: Path, parts: tuple[str, str, str]) -> None:
    """Before: each day refused as a day of the month or an age, "tháng" and "năm" not
    read. Now the three columns are each person's birth day, and nothing is said of them."""
    path = _list(tmp_path / "sinh_ngay.xlsx", parts)
    said = [p for p in _problems(path) if p["key"] != "commune_from_title"]
    assert said == []
    cadres = read_roster(path).tables["cadres"]
    assert cadres["birth_date"].tolist() == [pd.Timestamp(p[1]) for p in PEOPLE]
    out = run("evaluate", str(path), "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    assert json.loads(out.stdout)["as_of"] == "2025-12-31"


def test_ngay_sinh_thang_nam_reads_as_before(tmp_path: Path) -> None:
    """The same three columns headed "Ngày sinh | Tháng | Năm": the same days, as before."""
    a = read_roster(_list(tmp_path / "a.xlsx", ("Sinh ngày", "tháng", "năm"))).tables["cadres"]
    b = read_roster(_list(tmp_path / "b.xlsx", ("Ngày sinh", "Tháng", "Năm"))).tables["cadres"]
    assert a["birth_date"].equals(b["birth_date"])


def test_sinh_ngay_holding_whole_dates_is_the_birth_date(tmp_path: Path) -> None:
    """A "Sinh ngày" column holding whole dates, no month and year beside it, is the birth
    date, as before."""
    rows = [*TITLE, ["STT", "Họ và tên", "Sinh ngày", "Giới tính"],
            [1, "Lò Văn Pấng", "12/03/1972", "Nam"]]  # fmt: skip
    path = sheet(tmp_path / "ca_ngay.xlsx", rows)
    assert read_roster(path).tables["cadres"]["birth_date"].tolist() == [pd.Timestamp("1972-03-12")]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dates(dt.date(1960, 1, 1), dt.date(2005, 12, 31)), min_size=1, max_size=4))
def test_any_birth_days_come_back_whole(days: list[dt.date]) -> None:
    """Any birth days written as "Sinh ngày | tháng | năm" are read back whole."""
    people = [(f"Người {chr(65 + i)}", d, "Nam", "Chủ tịch UBND xã", "Đại học")
              for i, d in enumerate(days)]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        path = _list(Path(folder) / "ngay.xlsx", ("Sinh ngày", "tháng", "năm"), people)
        read = read_roster(path, skip_invalid=True).tables["cadres"]["birth_date"]
    assert read.tolist() == [pd.Timestamp(d) for d in days]
