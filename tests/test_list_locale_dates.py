"""Days typed the Vietnamese way in a spreadsheet set to English (US).

A commune keeps its list in Google Sheets or Excel set to English (US). A clerk types
"12/03/1978" (12 March): the sheet reads it month first and stores the date 3 December
1978; "25/03/1978" cannot be a US date, so it stays text. Before, the reader read the real
date cells as they were stored: everyone born on a day of 12 or less got day and month
swapped, silently (age, retirement and tenure all wrong). Now a column whose text days can
only be day first and whose real dates could all be such days turned month first is said
once in a warning naming an example and the day it would be typed day first; the real
dates are still read as stored (the roster format reads a spreadsheet date as it is, and
on a short column the pattern can be chance: only the office can type them again)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import CADRE, run, sheet

from cadre_core.roster import read_roster
from cadre_core.roster._date_order import column_order

DAY = "31/12/2025"
KEY = "date_locale_swapped"
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
TITLE = ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ NẬM TĂM"]
NAMES = ("Lò Văn An", "Tao Thị Bình", "Vàng A Chứ", "Lù Thị Dung")
POSTS = (
    "Bí thư Đảng ủy xã",
    "Chủ tịch UBND xã",
    "Công chức Tư pháp - Hộ tịch",
    "Công chức Văn hóa - Xã hội",
)


def _list(path: Path, born: Sequence[Any]) -> Path:
    """A list of people whose birth date cells hold ``born`` (a real date or text)."""
    rows = [
        [i, NAMES[i - 1], b, "Nữ" if i % 2 == 0 else "Nam", POSTS[i - 1], "Đại học"]
        for i, b in enumerate(born, 1)
    ]
    return sheet(path, [TITLE, HEAD, *rows])


def _born(path: Path) -> dict[str, str]:
    """Each person's birth day as read (ISO), by name."""
    cadres = read_roster(path, list_date=DAY).cadres
    return {
        str(n): str(d.date())
        for n, d in zip(cadres["full_name"], cadres["birth_date"], strict=True)
    }


def _warnings(path: Path) -> list[tuple[int | None, str | None, str | None]]:
    """The warnings about the order of dates: row, column and key."""
    said = read_roster(path, list_date=DAY).warnings
    return [(p.row, p.column, p.key) for p in said if str(p.key).startswith("date")]


def test_days_turned_month_first_are_said(tmp_path: Path) -> None:
    """Before: 12/03/1978 and 05/07/1982, typed day first and stored by a US-English sheet
    as 3 December 1978 and 7 May 1982, were read as those days, silently. They are still
    read as stored (a spreadsheet date is what the roster format reads), and a warning
    now says that they may be wrong and what the example would be typed day first."""
    path = _list(
        tmp_path / "ds.xlsx",
        [dt.datetime(1978, 12, 3), dt.date(1982, 7, 5), "25/03/1990", dt.datetime(1985, 4, 4)],
    )
    assert _born(path) == {
        "Lò Văn An": "1978-12-03",
        "Tao Thị Bình": "1982-07-05",
        "Vàng A Chứ": "1990-03-25",
        "Lù Thị Dung": "1985-04-04",
    }
    assert _warnings(path) == [(3, "Ngày sinh (column C)", "date_locale_swapped")]
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 0, out.stdout + out.stderr
    (line,) = [
        x.split("\t") for x in (out.stdout + out.stderr).splitlines() if "typed day first" in x
    ]
    assert line[:5] == [
        "Warning",
        "ds.xlsx, sheet 'Danh sách'",
        "cadres",
        "3",
        "Ngày sinh (column C)",
    ]
    assert line[6] == (
        "this column's dates may have been typed day first and turned into dates month first "
        "(month/day/year) by a spreadsheet set to English (US): the column holds days kept "
        "as text that can only be day first ('25/03/1990'), and no date cell has a day "
        "above 12; the date cells are still read as stored, and may be wrong: the cell "
        "storing 1978-12-03 (year-month-day) is 12/03/1978 if it was typed day first; check "
        "them, set the spreadsheet's locale to Vietnam or format the column as text, and "
        "type the dates again"
    )


def test_the_warning_lands_on_its_example_row_in_a_long_list(tmp_path: Path) -> None:
    """In a list long enough to be read by its distinct values, the warning still names
    the row of the first real date that may have been turned, read as stored."""
    born: list[Any] = ["25/03/1990", dt.datetime(1985, 4, 4)] * 40
    born[7] = dt.datetime(1978, 12, 3)
    rows = [
        [i, f"Người {i}", b, "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học"]
        for i, b in enumerate(born, 1)
    ]
    path = sheet(tmp_path / "dai.xlsx", [TITLE, HEAD, *rows])
    cadres = read_roster(path, list_date=DAY).cadres
    assert str(cadres["birth_date"].iloc[7].date()) == "1978-12-03"
    assert _warnings(path) == [(10, "Ngày sinh (column C)", "date_locale_swapped")]


def test_real_dates_with_a_day_above_12_are_read_as_stored(tmp_path: Path) -> None:
    """A column whose real dates include a day above 12 holds genuine dates: unchanged."""
    path = _list(
        tmp_path / "ds.xlsx",
        [dt.datetime(1978, 12, 3), dt.datetime(1982, 7, 25), "25/03/1990", dt.date(1985, 4, 4)],
    )
    assert _born(path) == {
        "Lò Văn An": "1978-12-03",
        "Tao Thị Bình": "1982-07-25",
        "Vàng A Chứ": "1990-03-25",
        "Lù Thị Dung": "1985-04-04",
    }
    assert _warnings(path) == []


def test_real_dates_alone_are_read_as_stored(tmp_path: Path) -> None:
    """Real dates all with a day of 12 or less but no text day to show the order: as
    stored, no warning."""
    path = _list(
        tmp_path / "ds.xlsx",
        [dt.datetime(1978, 12, 3), dt.datetime(1982, 7, 5), dt.date(1990, 1, 2)],
    )
    assert _born(path) == {
        "Lò Văn An": "1978-12-03",
        "Tao Thị Bình": "1982-07-05",
        "Vàng A Chứ": "1990-01-02",
    }
    assert _warnings(path) == []


def test_a_text_day_that_reads_both_ways_keeps_the_real_dates(tmp_path: Path) -> None:
    """A text day that reads both ways (3/4/1985) was not turned by the sheet, so the sheet
    did not read days month first: the real dates stay as stored."""
    path = _list(
        tmp_path / "ds.xlsx",
        [dt.datetime(1978, 12, 3), dt.datetime(1982, 7, 5), "25/03/1990", "3/4/1985"],
    )
    assert _born(path) == {
        "Lò Văn An": "1978-12-03",
        "Tao Thị Bình": "1982-07-05",
        "Vàng A Chứ": "1990-03-25",
        "Lù Thị Dung": "1985-04-03",
    }
    assert _warnings(path) == []


def test_the_warning_in_json_and_under_pseudonyms(tmp_path: Path) -> None:
    """``validate --format json`` gives the warning's place and arguments; under
    pseudonyms the evaluation withholds them (each is a person's birth date)."""
    path = _list(
        tmp_path / "ds.xlsx",
        [dt.datetime(1978, 12, 3), dt.date(1982, 7, 5), "25/03/1990", dt.datetime(1985, 4, 4)],
    )
    out = run("validate", str(path), "--list-date", DAY, "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    (said,) = [p for p in json.loads(out.stdout)["problems"] if p["key"] == KEY]
    assert (said["row"], said["column"], said["severity"]) == (3, "Ngày sinh (column C)", "warning")
    assert said["args"] == {
        "written": "1978-12-03",
        "day": "12/03/1978",
        "day_example": "'25/03/1990'",
    }
    env = {**os.environ, "COLUMNS": "400", "CADRE_PSEUDONYM_KEY": "k" * 32}
    out = subprocess.run(
        [CADRE, "evaluate", str(path), "--list-date", DAY, "--as-of", "2025-12-31",
         "--plugin", "laichau", "--format", "json", "--pseudonymize", "--lang", "en"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert out.returncode in (0, 3), out.stderr
    (said,) = [w for w in json.loads(out.stdout)["warnings"] if w["key"] == KEY]
    assert set(said["args"].values()) == {"[withheld]"}
    for spelled in ("1978-12-03", "12/03/1978", "1978-03-12", "25/03/1990"):
        assert spelled not in out.stdout + out.stderr, spelled


# ---------------------------------------------------------------------- properties

DAYS = st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(
        st.one_of(
            DAYS.map(lambda d: ("real", d)),
            st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(
                lambda d: ("text", f"{d.day:02d}/{d.month:02d}/{d.year}")
            ),
            st.none().map(lambda _: ("blank", None)),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_a_swap_is_proposed_only_when_every_cell_allows_it(
    cells: list[tuple[str, Any]],
) -> None:
    real = pd.Series(
        [v if k == "real" else None for k, v in cells], dtype="datetime64[us]", name="real"
    )
    text = pd.Series([v if k == "text" else None for k, v in cells], dtype=object)
    told = column_order(text, real=real)
    days = real.dropna()
    typed = [v for k, v in cells if k == "text"]
    firsts = [(int(t[:2]), int(t[3:5])) for t in typed]
    if told.swapped:
        assert (days.dt.day <= 12).all()
        assert (days.dt.day != days.dt.month).any()
        assert any(a > 12 for a, _ in firsts)
        assert not any(a <= 12 and b <= 12 and a != b for a, b in firsts)
        (said,) = told.said
        assert said.key == "date_locale_swapped" and said.at is not None
        assert cells[said.at][0] == "real"
    else:
        assert all(s.key != "date_locale_swapped" for s in told.said)
        assert (
            days.empty
            or not (days.dt.day <= 12).all()
            or not (days.dt.day != days.dt.month).any()
            or not any(a > 12 for a, _ in firsts)
            or any(a <= 12 and b <= 12 and a != b for a, b in firsts)
        )
