"""Birth days typed as text the way a spreadsheet set to English shows a date
("14-Sep-90", "30-Apr-1995") or as its day number pasted as text ("28510").

The roster format allows a spreadsheet date, ISO text or day-first figures, and nothing
else, so these cells stay refused. Before, each was refused with only "a date (a
spreadsheet date, 2026-03-01 or 01/03/2026)", no hint of what was wrong. Now each carries
a note, and a warning on its cell says the day it looks like, for the clerk to type.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from list_files import CADRE, run, sheet

from cadre_core.roster._date_notes import date_note, reads_as
from cadre_core.vocab._dates import parse_day

TITLE = [["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"], ["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"]]
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"]


def _list(path: Path, births: list[Any]) -> Path:
    posts = ["Bí thư Đảng ủy xã", "Chủ tịch UBND xã", "Phó Chủ tịch UBND xã",
             "Công chức Tư pháp - Hộ tịch", "Công chức Văn phòng - Thống kê"]  # fmt: skip
    rows = [[i, f"Lò Văn Pấng {chr(65 + i)}", born, "Nam", posts[i - 1]]
            for i, born in enumerate(births, 1)]  # fmt: skip
    return sheet(path, [*TITLE, HEAD, *rows])


def _problems(path: Path, *more: str) -> tuple[int, list[dict[str, Any]]]:
    out = run("validate", str(path), "--format", "json", *more)
    assert "Traceback" not in out.stderr
    return out.returncode, list(json.loads(out.stdout)["problems"])


def test_english_days_and_a_day_number_as_text_say_the_day(tmp_path: Path) -> None:
    """Before: "14-Sep-90", "30-Apr-1995" and "28510" were refused with no hint. Now each
    stays refused (no spelling the roster format allows), with a note, and a warning on
    its row says the day it looks like; a two-figure year is not guessed."""
    births = [dt.datetime(1972, 3, 12), "30-Apr-1995", "14-Sep-90", "28510", "3-jan-1980"]
    path = _list(tmp_path / "ngay_sinh.xlsx", births)
    rc, problems = _problems(path)
    assert rc == 2
    errors = {p["row"]: p for p in problems if p["severity"] == "error"}
    assert sorted(errors) == [5, 6, 7, 8]
    assert "written the English way" in errors[5]["expected"]
    assert "day number kept as text" in errors[7]["expected"]
    assert [errors[r]["args"]["note_key"] for r in (5, 6, 7, 8)] == [
        "english_day", "english_day", "serial_text", "english_day"]  # fmt: skip
    warned = {p["row"]: p["expected"] for p in problems if p["severity"] == "warning"
              and p["key"] != "commune_from_title"}  # fmt: skip
    assert warned == {
        5: "'30-Apr-1995' looks like 30/04/1995 written the English way; type 30/04/1995",
        6: "'14-Sep-90' looks like the day 14/09 written the English way, the year with two "
        "figures: type the year with four (14/09/1990 or 14/09/2090)",
        7: "'28510' looks like a spreadsheet's day number, 20/01/1978, kept as text; type "
        "20/01/1978 or make the cell a date",
        8: "'3-jan-1980' looks like 03/01/1980 written the English way; type 03/01/1980",
    }


def test_the_warning_is_said_in_vietnamese(tmp_path: Path) -> None:
    """The warning and the note come from the label table, Vietnamese by default."""
    path = _list(tmp_path / "ngay_sinh.xlsx", [dt.datetime(1972, 3, 12), "30-Apr-1995"])
    env = {**os.environ, "COLUMNS": "400"}
    out = subprocess.run([CADRE, "validate", str(path)], capture_output=True, text=True, env=env)
    assert out.returncode == 2
    assert "'30-Apr-1995' giống ngày 30/04/1995 ghi kiểu tiếng Anh; ghi 30/04/1995" in out.stderr
    assert "ngày ghi kiểu tiếng Anh (ngày-tên tháng-năm)" in out.stderr


def test_a_day_number_as_text_is_said_only_in_a_workbook_and_in_range(tmp_path: Path) -> None:
    """A five-figure text below the first day number read (1910) or in a CSV file is no
    day number: it keeps the plain refusal, with no day said."""
    path = tmp_path / "ds.csv"
    rows = [*TITLE, HEAD, [1, "Lò Văn An", "28510", "Nam", "Bí thư Đảng ủy xã"]]
    path.write_text("\n".join(",".join(map(str, r)) for r in rows), encoding="utf-8")
    rc, problems = _problems(path)
    assert rc == 2
    assert not [p for p in problems if p["key"] == "date_serial_text"]
    assert reads_as("01000", range(3654, 2958466)) is None
    assert date_note("28510") is None


@given(st.dates(dt.date(1950, 1, 1), dt.date(2010, 12, 31)), st.booleans(), st.booleans())
def test_every_english_day_says_its_own_day(day: dt.date, upper: bool, whole: bool) -> None:
    """Every day of 1950-2010 written dd-Mon-yyyy (any case, the month's name abbreviated
    or whole) is said to be that very day, in the spelling the roster format reads."""
    text = day.strftime("%d-%B-%Y" if whole else "%d-%b-%Y")
    text = text.upper() if upper else text.lower()
    said = reads_as(text)
    assert said is not None and said[0] == "date_english_day"
    assert parse_day(dict(said[1])["day"]) == day
    assert date_note(text) is not None and date_note(text)[0] == "english_day"  # type: ignore[index]
