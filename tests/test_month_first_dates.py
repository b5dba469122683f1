"""Dates written month first by an export made with US settings (``M/d/yyyy h:mm:ss AM``).

A .NET or HR package on a server set to English (US) writes every day as
``3/12/1978 12:00:00 AM`` (12 March 1978). The reader read each such day first, silently
(3 December 1978), and refused only the impossible ones (``1/25/1983 12:00:00 AM``) with
no word on the order, so a clerk who retyped those rows got a "valid" list still wrong.
The order is now told per column, from all its values: see ``roster._date_order``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core.roster import RosterError, read_roster, sample_roster
from cadre_core.roster._normalize import normalise_date, normalise_dates

CADRE = str(Path(sys.executable).with_name("cadre"))
DAY = "31/12/2025"
HEAD = ["Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn", "Ngày vào Đảng"]


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command, in ``lang``, on a wide terminal."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [CADRE, *args, "--lang", lang], capture_output=True, text=True, timeout=120, env=env
    )


def csv_list(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    """A list exported as CSV: semicolons, UTF-8 with a byte-order mark, CRLF."""
    text = "".join(";".join(r) + "\r\n" for r in [HEAD, *rows])
    path.write_bytes(text.encode("utf-8-sig"))
    return path


def lines(out: subprocess.CompletedProcess[str], word: str) -> list[list[str]]:
    """The tab-separated problem lines of ``cadre validate`` holding ``word``."""
    return [x.split("\t") for x in (out.stdout + out.stderr).splitlines() if word in x]


def born(path: Path, **kwargs: object) -> dict[str, str | None]:
    """Each person's birth day as read (ISO), by name."""
    cadres = read_roster(path, list_date=DAY, **kwargs).cadres  # type: ignore[arg-type]
    return {
        str(n): None if pd.isna(d) else str(d.date())
        for n, d in zip(cadres["full_name"], cadres["birth_date"], strict=True)
    }


US_EXPORT = [
    ["Đèo Văn Khánh", "3/12/1978 12:00:00 AM", "Nam", "Chủ tịch UBND xã", "Đại học", "5/7/2001 12:00:00 AM"],
    ["Lê Thị Thu", "11/4/1986 12:00:00 AM", "Nữ", "Phó Chủ tịch UBND xã", "Đại học", "2/9/2009 12:00:00 AM"],
    ["Cà Văn Dũng", "1/25/1983 12:00:00 AM", "Nam", "Công chức Địa chính - Xây dựng", "Đại học", ""],
    ["Sầm Thị Lan", "6/30/1992 12:00:00 AM", "Nữ", "Công chức Văn hóa - Xã hội", "Đại học", "12/1/2012 12:00:00 AM"],
]  # fmt: skip


def test_a_us_export_is_read_month_first_and_said_once(tmp_path: Path) -> None:
    """Before: 3/12/1978 was read as 3 December 1978 and 11/4/1986 as 11 April, silently;
    1/25/1983 and 6/30/1992 were refused with no word on the order. The party dates
    (every one readable both ways) are read month first too: the birth dates beside
    them, written by the same export with the same English AM/PM, are month first."""
    path = csv_list(tmp_path / "hrm.csv", US_EXPORT)
    assert born(path) == {
        "Đèo Văn Khánh": "1978-03-12",
        "Lê Thị Thu": "1986-11-04",
        "Cà Văn Dũng": "1983-01-25",
        "Sầm Thị Lan": "1992-06-30",
    }
    roster = read_roster(path, list_date=DAY)
    joined = dict(zip(roster.cadres["full_name"], roster.cadres["party_join_date"], strict=True))
    assert {k: str(v.date()) for k, v in joined.items() if pd.notna(v)} == {
        "Đèo Văn Khánh": "2001-05-07",
        "Lê Thị Thu": "2009-02-09",
        "Sầm Thị Lan": "2012-12-01",
    }
    said = [(p.file, p.table, p.row, p.column, p.key) for p in roster.warnings]
    assert said == [
        ("hrm.csv", "cadres", 2, "Ngày sinh (column B)", "date_month_first"),
        ("hrm.csv", "cadres", 2, "Ngày vào Đảng (column F)", "date_month_first_table"),
    ]
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 0, out.stdout + out.stderr
    (first,) = lines(out, "Ngày sinh (column B)")
    assert first[:4] == ["Warning", "hrm.csv", "cadres", "2"]
    assert first[6].endswith(
        "the whole column was read month first: '3/12/1978 12:00:00 AM' read as 12/03/1978"
    )
    (second,) = lines(out, "Ngày vào Đảng (column F)")
    assert second[6].endswith(
        "one export writes all its dates alike, so the column was read month first: "
        "'5/7/2001 12:00:00 AM' read as 07/05/2001"
    )
    vi = run("validate", str(path), "--list-date", DAY, lang="vi")
    assert "cả cột được đọc tháng trước: '3/12/1978 12:00:00 AM' được đọc là 12/03/1978" in (
        vi.stdout
    )


def test_an_ambiguous_column_with_an_english_am_pm_alone_is_read_day_first_and_said(
    tmp_path: Path,
) -> None:
    """Before: a column whose every day reads both ways, written with an English AM/PM,
    was read day first without a word. An AM/PM is no proof of the order (software that
    formats ``dd/MM/yyyy hh:mm:ss tt`` writes it after a day first): the column is read
    day first, as always, and a warning names it, with an example and the way out."""
    rows = [[r[0], r[5] or "", *r[2:5], ""] for r in US_EXPORT if r[5]]
    path = csv_list(tmp_path / "mo-ho.csv", rows)
    assert born(path) == {
        "Đèo Văn Khánh": "2001-07-05",
        "Lê Thị Thu": "2009-09-02",
        "Sầm Thị Lan": "2012-01-12",
    }
    roster = read_roster(path, list_date=DAY)
    said = [(p.table, p.row, p.column, p.key) for p in roster.warnings]
    assert said == [("cadres", 2, "Ngày sinh (column B)", "date_order_unknown")]
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 0, out.stdout + out.stderr
    (line,) = lines(out, "date")
    assert line[6] == (
        "this column's dates carry an English AM/PM time, as software set to US English "
        "exports dates month first (month/day/year), but no number is above 12 to tell the "
        "order: the column was read day first, '5/7/2001 12:00:00 AM' read as 05/07/2001; "
        "if the month comes first, write the dates as year-month-day (2001-05-07) or export "
        "them again with Vietnamese settings"
    )


def test_a_column_mixing_both_orders_refuses_the_month_first_days_and_says_so(
    tmp_path: Path,
) -> None:
    """Before: a column with days only day first (25/01/1983) and days only month first
    (1/25/1983) refused the second kind, with no word that the column mixes two orders.
    It is still read day first (each impossible day an error), and one warning says so."""
    rows = [
        ["Lò Văn An", "25/01/1983", "Nam", "Chủ tịch UBND xã", "Đại học", ""],
        ["Tao Thị Bình", "1/25/1983", "Nữ", "Phó Chủ tịch UBND xã", "Đại học", ""],
        ["Vàng A Chứ", "3/4/1990", "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học", ""],
    ]
    path = csv_list(tmp_path / "tron.csv", rows)
    with pytest.raises(RosterError) as raised:
        read_roster(path, list_date=DAY)
    problems = [(p.severity, p.row, p.value, p.key) for p in raised.value.problems]
    assert ("error", 3, "1/25/1983", "date") in problems
    assert ("warning", 3, None, "date_mixed_order") in problems
    assert [p for p in problems if p[0] == "error"] == [("error", 3, "1/25/1983", "date")]
    assert born(path, skip_invalid=True) == {
        "Lò Văn An": "1983-01-25",
        "Tao Thị Bình": None,
        "Vàng A Chứ": "1990-04-03",
    }
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 2
    (mixed,) = lines(out, "mixes two orders")
    assert mixed[:5] == ["Warning", "tron.csv", "cadres", "3", "Ngày sinh (column B)"]
    assert "'25/01/1983' can only be day first and '1/25/1983' only month first" in mixed[6]


def test_vietnamese_days_read_as_always_and_nothing_is_said(tmp_path: Path) -> None:
    """Day-first columns read as before: a Vietnamese time (SA), "ngày", a day above 12,
    or days that read both ways without an English AM/PM; no warning."""
    rows = [
        ["Lò Văn An", "03/12/1978 12:00:00 SA", "Nam", "Chủ tịch UBND xã", "Đại học", "5/7/2001"],
        ["Tao Thị Bình", "ngày 4/11/1986", "Nữ", "Phó Chủ tịch UBND xã", "Đại học", ""],
        ["Vàng A Chứ", "1/2/1990", "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học", ""],
    ]
    path = csv_list(tmp_path / "vn.csv", rows)
    assert born(path) == {
        "Lò Văn An": "1978-12-03",
        "Tao Thị Bình": "1986-11-04",
        "Vàng A Chứ": "1990-02-01",
    }
    assert read_roster(path, list_date=DAY).warnings == ()


def test_a_workbook_of_tables_with_month_first_text_days(tmp_path: Path) -> None:
    """The same rule in a workbook of tables (text typed as an export wrote it): the
    ``cadres`` sheet's birth dates, written ``M/d/yyyy``, read back as the days they are;
    the warning names the file, table, row and column."""
    path = tmp_path / "roster.xlsx"
    sample_roster().write(path)
    truth = read_roster(path).cadres.set_index("cadre_id")["birth_date"]
    wb = openpyxl.load_workbook(path)
    ws = wb["cadres"]
    col = [c.value for c in ws[1]].index("birth_date") + 1
    for r in range(2, ws.max_row + 1):
        value = ws.cell(r, col).value
        if isinstance(value, dt.datetime):
            ws.cell(r, col, f"{value.month}/{value.day}/{value.year}")
    wb.save(path)
    roster = read_roster(path)
    got = roster.cadres.set_index("cadre_id")["birth_date"]
    pd.testing.assert_series_equal(got, truth, check_names=False)
    (said,) = [p for p in roster.warnings if p.key == "date_month_first"]
    assert (said.file, said.table, said.column) == ("roster.xlsx", "cadres", "birth_date")
    assert said.row is not None and ws.cell(said.row, col).value is not None


@pytest.mark.parametrize(
    "value", ["T7/2021", "tháng 10/2020", "Tháng 10 năm 2020", "6/2021", "t.7-2021"]
)
def test_a_month_and_year_in_a_date_column_get_their_note(tmp_path: Path, value: str) -> None:
    """Before: "T7/2021" and "tháng 10/2020" were refused as any text is, without the note
    that a month and year are not a day that "6/2021" got."""
    rows = [["Lò Văn An", "12/03/1975", "Nam", "Chủ tịch UBND xã", "Đại học", value]]
    path = csv_list(tmp_path / "thang.csv", rows)
    with pytest.raises(RosterError) as raised:
        read_roster(path, list_date=DAY)
    (bad,) = raised.value.problems
    assert (bad.row, bad.value, dict(bad.args)["note_key"]) == (2, value, "month_year")
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 2
    assert "a month and year are not a day: give the day or leave the cell blank" in (
        out.stdout + out.stderr
    )


# ---------------------------------------------------------------------- properties

DAYS = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
MONTH_FIRST = ("{m}/{d}/{y} 12:00:00 AM", "{m}/{d}/{y}", "{m:02d}/{d:02d}/{y}", "{m}/{d}/{y} 0:00")
DAY_FIRST = (
    "{d}/{m}/{y}",
    "{d:02d}/{m:02d}/{y}",
    "{d:02d}.{m:02d}.{y}",
    "{d:02d}/{m:02d}/{y} 00:00:00",
    "{d:02d}/{m:02d}/{y} 12:00:00 SA",
    "{d}/{m}/{y} 12:00:00 AM",
    "ngày {d} tháng {m} năm {y}",
    "{y}-{m:02d}-{d:02d}",
)


@settings(max_examples=150, deadline=None)
@given(
    days=st.lists(DAYS, min_size=1, max_size=90),
    late=DAYS.filter(lambda d: d.day > 12),
    form=st.sampled_from(MONTH_FIRST),
    at=st.integers(0, 89),
)
def test_a_month_first_column_with_a_day_above_12_reads_back(
    days: list[dt.date], late: dt.date, form: str, at: int
) -> None:
    days = [*days[: at % (len(days) + 1)], late, *days[at % (len(days) + 1) :]]
    values = pd.Series([form.format(d=x.day, m=x.month, y=x.year) for x in days], dtype=object)
    read, issues = normalise_date(values)
    assert read.tolist() == [pd.Timestamp(x) for x in days]
    assert not issues.bad.any()
    assert [s.key for s in issues.said] == ["date_month_first"]


@settings(max_examples=150, deadline=None)
@given(days=st.lists(DAYS, min_size=1, max_size=90), forms=st.data())
def test_a_day_first_column_reads_back_as_always(days: list[dt.date], forms: st.DataObject) -> None:
    written = [
        forms.draw(st.sampled_from(DAY_FIRST)).format(d=x.day, m=x.month, y=x.year) for x in days
    ]
    read, issues = normalise_date(pd.Series(written, dtype=object))
    assert read.tolist() == [pd.Timestamp(x) for x in days]
    assert not issues.bad.any()
    assert {s.key for s in issues.said} <= {"date_order_unknown"}  # said, never read otherwise


def test_one_export_writes_its_dates_alike() -> None:
    """A column that reads both ways follows a month-first column of its table only when
    both carry an English AM/PM (the same export), never a plain one."""
    read = normalise_dates(
        {
            "born": pd.Series(["1/25/1983 12:00:00 AM", "3/4/1990 12:00:00 AM"]),
            "joined": pd.Series(["5/7/2001 12:00:00 AM"]),
            "typed": pd.Series(["5/7/2001"]),
        }
    )
    got = {k: [str(v.date()) for v in values] for k, (values, _) in read.items()}
    assert got == {
        "born": ["1983-01-25", "1990-03-04"],
        "joined": ["2001-05-07"],
        "typed": ["2001-07-05"],
    }


def test_the_warning_quotes_no_birth_date_under_pseudonyms(tmp_path: Path) -> None:
    """The month-first warning quotes one value of the column as its example: a birth
    date ('3/12/1978 12:00:00 AM'). Pseudonyms scrubbed the day-first spellings of the
    roster's birth dates only, so under --pseudonymize that example still named the day a
    person was born; the month-first spellings are scrubbed too now."""
    path = csv_list(tmp_path / "hrm.csv", US_EXPORT)
    env = {**os.environ, "COLUMNS": "400", "CADRE_PSEUDONYM_KEY": "k" * 32}
    out = subprocess.run(
        [CADRE, "evaluate", str(path), "--list-date", DAY, "--as-of", "2025-12-31",
         "--plugin", "laichau", "--skip-invalid", "--format", "json", "--pseudonymize"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert out.returncode in (0, 3), out.stderr
    said = [w for w in json.loads(out.stdout)["warnings"] if w["key"] == "date_month_first"]
    # the example quoted from the column is withheld whole: a start in the same column
    # would be a person's as much as a birth date
    assert [w["args"]["written"] for w in said] == ["[withheld]"]
    text = out.stdout + out.stderr
    for spelled in ("3/12/1978", "03/12/1978", "12/03/1978", "1978-03-12", "11/4/1986",
                    "1/25/1983", "6/30/1992", "Đèo Văn Khánh"):  # fmt: skip
        assert spelled not in text, spelled
