"""The people a list's notes column ("Ghi chú") says have left: "Nghỉ hưu trước tuổi theo
NĐ 178 từ 01/01/2026", "Chuyển công tác từ 15/02/2026".

Before, the notes column was read only to quote the note of a row struck through or
hidden: a person whose note said they retired or moved was counted as staff holding their
post, with no word but "Ghi chú: this column was not read". Now a leaving phrase and the
day after it are read as the person's left date (a month: its first day), each note said
on its row; a leaving phrase naming no day is said and the person kept. The reading is
tested directly (with hypothesis over the phrases and the spellings of a day) and, once
the list reader calls it, through the real ``cadre`` command.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import _flat
from cadre_core.roster._flat_header import Header
from cadre_core.roster._flat_notes import LEFT_DATE, leaving_notes, notes_left
from cadre_core.roster._problems import problem
from cadre_core.vocab._marks import unmarked

PHRASES = ["Nghỉ hưu", "Nghỉ hưu trước tuổi theo NĐ 178", "Nghỉ chế độ", "Nghỉ theo chế độ",
           "Nghỉ theo NĐ 178/2024", "Nghỉ theo Nghị định 178/2024/NĐ-CP", "Chuyển công tác",
           "Thôi việc", "Nghỉ việc", "Chuyển đi", "Đã nghỉ", "Đã nghỉ hưu",
           "Chuyển công tác sang UBND huyện"]  # fmt: skip
SHORT = ["Nghỉ hưu", "Nghỉ chế độ", "Chuyển công tác", "Thôi việc", "Nghỉ việc", "Chuyển đi",
         "Đã nghỉ"]  # fmt: skip
FROM = ["từ", "kể từ", "từ ngày", "kể từ ngày", "Từ ngày"]
#: notes that say no one left: a second post, a temporary absence, a negation
OTHER = ["Kiêm Chủ tịch HĐND xã", "Nghỉ thai sản", "Đã nghỉ thai sản từ 01/03/2026",
         "Nghỉ việc riêng 2 ngày", "Chưa nghỉ hưu", "Đi học từ 01/09/2025", "Đảng viên",
         "Chuyển công tác về xã từ 01/01/2025", "Bổ nhiệm ngày 15/02/2024", "Dân tộc Mông",
         "Kéo dài thời gian công tác", "Chuyển đi học", "Chưa đến tuổi nghỉ hưu"]  # fmt: skip

HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
        "Lý luận chính trị", "Ghi chú"]  # fmt: skip
TITLE = [
    ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"],
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"],
]
D = dt.datetime
PEOPLE = [
    [1, "Lò Văn Pấng", D(1972, 3, 12), "Nam", "Bí thư Đảng ủy xã", "Đại học", "Cao cấp", None],
    [2, "Vàng Thị Mỷ", D(1985, 7, 5), "Nữ", "Phó Bí thư Thường trực Đảng ủy xã", "Đại học",
     "Cao cấp", "Kiêm Chủ tịch HĐND xã"],
    [3, "Tao Văn Hùng", D(1978, 1, 20), "Nam", "Chủ tịch UBND xã", "Thạc sĩ", "Cao cấp", None],
    [4, "Nguyễn Thị Hằng", D(1990, 9, 14), "Nữ", "Phó Chủ tịch UBND xã", "Đại học",
     "Trung cấp", "Nghỉ hưu trước tuổi theo NĐ 178 từ 01/01/2026"],
    [5, "Sùng A Chứ", D(1988, 11, 2), "Nam", "Chủ tịch Ủy ban MTTQ Việt Nam xã", "Cao đẳng",
     "Trung cấp", None],
    [6, "Lường Thị Bình", D(1995, 4, 30), "Nữ", "Công chức Văn phòng - Thống kê", "Đại học",
     "Sơ cấp", None],
    [7, "Giàng A Dế", D(1993, 8, 17), "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học", None,
     "Chuyển công tác từ 15/02/2026"],
    [8, "Hà Thị Liên", D(1998, 12, 25), "Nữ", "Công chức Văn hóa - Xã hội", "Trung cấp", None,
     "Đã nghỉ việc"],
]  # fmt: skip

hooked = pytest.mark.skipif(
    not hasattr(_flat, "notes_left"), reason="the list reader does not read the notes yet"
)


def day_of(note: str) -> dt.date | None:
    """The day :func:`leaving_notes` reads in one note (None: it says no one left)."""
    out = leaving_notes(pd.Series([note]))
    if not bool(out["leaves"].iloc[0]):
        return None
    found = out["day"].iloc[0]
    return None if pd.isna(found) else found.date()


days = st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PHRASES), st.sampled_from(FROM), days, st.sampled_from("/.-"),
       st.booleans(), st.booleans(), st.booleans())  # fmt: skip
def test_every_phrase_from_a_day_gives_that_day(
    phrase: str, since: str, day: dt.date, sep: str, padded: bool, plain: bool, upper: bool
) -> None:
    """Each "<phrase> từ dd/mm/yyyy" (any separator, padded or not, typed without marks or
    in capitals) gives that day."""
    d, m = (f"{day.day:02}", f"{day.month:02}") if padded else (str(day.day), str(day.month))
    note = f"{phrase} {since} {d}{sep}{m}{sep}{day.year}"
    note = unmarked(note) if plain else note
    assert day_of(note.upper() if upper else note) == day


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(PHRASES), st.sampled_from(["từ tháng", "từ", "kể từ tháng"]), days)
def test_a_month_gives_its_first_day(phrase: str, since: str, day: dt.date) -> None:
    """ "Thôi việc từ tháng 3/2026" gives the first day of the month."""
    assert day_of(f"{phrase} {since} {day.month}/{day.year}") == day.replace(day=1)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SHORT), st.sampled_from(["", "ngày", ":", "-", "tháng"]), days,
       st.booleans())  # fmt: skip
def test_a_day_right_after_the_phrase_is_read(
    phrase: str, between: str, day: dt.date, month: bool
) -> None:
    """ "Nghỉ hưu 01/10/2025", "Chuyển công tác ngày 15/02/2026", "Thôi việc tháng 3/2026":
    a day (or a month) right after the phrase, with no "từ", is its day."""
    when = f"{day.month}/{day.year}" if month or between == "tháng" else f"{day:%d/%m/%Y}"
    note = " ".join(w for w in [phrase, between, when] if w)
    assert day_of(note) == (day.replace(day=1) if when.count("/") == 1 else day)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(OTHER), min_size=1, max_size=3))
def test_notes_with_no_leaving_phrase_give_none(notes: list[str]) -> None:
    """A second post, a temporary absence, a negated leaving, a transfer in, a day of
    appointment: no one left, no day, whatever day the note names."""
    note = "; ".join(notes)
    out = leaving_notes(pd.Series([note, unmarked(note)]))
    assert not out["leaves"].any() and out["day"].isna().all()


def test_a_leaving_phrase_with_no_day_names_none() -> None:
    """A leaving phrase with no day, or with a day that is none (31/02), says someone left
    and names no day; a decision's day ("QĐ ... ngày 15/09/2025") is no day of leaving."""
    notes = ["Đã nghỉ việc", "Chuyển công tác", "Nghỉ hưu từ 31/02/2026",
             "Nghỉ hưu theo QĐ số 123/QĐ-UBND ngày 15/09/2025"]  # fmt: skip
    out = leaving_notes(pd.Series(notes))
    assert out["leaves"].all() and out["day"].isna().all()
    assert day_of("Nghỉ hưu theo QĐ 12/QĐ-UBND ngày 01/09/2025 từ 01/10/2025") == dt.date(
        2025, 10, 1
    )
    assert day_of("Nghỉ hưu ngày 1 tháng 10 năm 2025") == dt.date(2025, 10, 1)


def test_notes_left_reads_the_days_and_says_each_note() -> None:
    """The sheet's rows: a day read into the left date of a person with none, a list's own
    left date kept, a note with no day said; the notes column is no longer said as not
    read, but as partly read when another note is in it."""
    header = Header(0, 1, (("Họ và tên",), ("Ngày nghỉ",), ("Ghi chú",)))
    body = pd.DataFrame(
        {0: ["Lò Văn A", "Lò Văn B", "Lò Văn C", "Lò Văn D", "Lò Văn E"],
         1: [None, "01/06/2025", None, None, None],
         2: ["Nghỉ hưu từ 01/10/2026", "Nghỉ hưu từ 01/07/2025", "Chuyển công tác",
             "Kiêm Chủ tịch HĐND xã", "Thôi việc từ 03/2026"]},
        index=[1, 2, 3, 4, 5],
    )  # fmt: skip
    person = pd.Series([True, True, True, True, False], index=body.index)
    cols = {("cadres", "full_name"): body[0][person], LEFT_DATE: body[1][person]}
    places: dict[tuple[str, str], str] = {LEFT_DATE: "Ngày nghỉ (column B)"}
    unread = problem("ds.xlsx", None, None, "Ghi chú (column C)", None, "column_not_read",
                     severity="warning")  # fmt: skip
    said = notes_left(header, body, person, cols, places, [unread], "ds.xlsx", 1)
    left = cols[LEFT_DATE]
    assert left.where(left.notna(), None).tolist() == ["2026-10-01", "01/06/2025", None, None]
    assert places == {LEFT_DATE: "Ngày nghỉ (column B)"}
    assert [(p.key, p.row, p.column, dict(p.args)) for p in said] == [
        ("notes_partly_read", None, "Ghi chú (column C)", {"count": "1"}),
        ("note_left", 2, "Ghi chú (column C)",
         {"person": "'Lò Văn A'", "note": "'Nghỉ hưu từ 01/10/2026'", "day": "01/10/2026"}),
        ("note_left_no_day", 4, "Ghi chú (column C)",
         {"person": "'Lò Văn C'", "note": "'Chuyển công tác'"}),
    ]  # fmt: skip
    assert said[1].expected == (
        "the note in this cell says 'Lò Văn A' left or leaves on 01/10/2026 ('Nghỉ hưu từ "
        "01/10/2026'): read as the end of their posts"
    )
    # every note read: the column is read, no longer said
    only = body.iloc[:1]
    cols = {("cadres", "full_name"): only[0]}
    said = notes_left(header, only, person.iloc[:1], cols, {}, [unread], "ds.xlsx", 1)
    assert [p.key for p in said] == ["note_left"] and cols[LEFT_DATE].tolist() == ["2026-10-01"]
    # no note says anyone left: nothing read, the column still said as not read
    cols = {("cadres", "full_name"): body[0].iloc[3:4]}
    kept = notes_left(header, body.iloc[3:4], person.iloc[3:4], cols, {}, [unread], "ds.xlsx", 1)
    assert kept == [unread] and LEFT_DATE not in cols


def listed(path: Path) -> Path:
    """The list of :data:`PEOPLE`, as of 31/12/2025, with their notes."""
    return sheet(path, [*TITLE, HEAD, *PEOPLE])


def targets(path: Path, *extra: str) -> dict[str, Any]:
    """The targets of ``cadre evaluate --format json`` of ``path`` as of 31/12/2026."""
    out = run("evaluate", str(path), "--as-of", "2026-12-31", "--format", "json", *extra)
    assert out.returncode == 0, out.stdout + out.stderr
    (commune,) = json.loads(out.stdout)["communes"]
    return {t["id"]: t for t in commune["targets"]}


@hooked
def test_the_notes_end_the_posts_of_who_left(tmp_path: Path) -> None:
    """Before: Hằng (early retirement from 01/01/2026) and Dế (transferred from
    15/02/2026) were counted as staff in 2026 (as of 31/12/2026 nq05.2d met by 4 of 5,
    nq05.7a by 2 of 3) and "Ghi chú" was only "this column was not read". Now their notes
    end their posts on those days (3 of 4, 1 of 2), each note is said, Liên's note with no
    day is said and she is kept, and the column is said as partly read ("Kiêm ..." is not
    read)."""
    path = listed(tmp_path / "ds.xlsx")
    out = run("validate", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "this column was not read" not in out.stdout
    assert (
        "7\tGhi chú (column H)\t\tthe note in this cell says 'Nguyễn Thị Hằng' left or leaves "
        "on 01/01/2026 ('Nghỉ hưu trước tuổi theo NĐ 178 từ 01/01/2026'): read as the end of "
        "their posts" in out.stdout
    )
    assert "says 'Giàng A Dế' left or leaves on 15/02/2026" in out.stdout
    assert "says 'Hà Thị Liên' left or leaves ('Đã nghỉ việc') but names no day" in out.stdout
    assert "the other notes (1) were not read" in out.stdout
    assert "Assignments\t8" in out.stdout  # the list's day is before both days
    found = targets(path)
    assert (found["nq05.2d"]["population"], found["nq05.2d"]["satisfied"]) == (4, 3)
    assert (found["nq05.7a"]["population"], found["nq05.7a"]["satisfied"]) == (2, 1)


@hooked
def test_a_day_on_or_before_the_lists_day_sets_the_post_aside(tmp_path: Path) -> None:
    """A list as of 30/06/2026: both days are past, their posts are set aside on the list
    itself (as a left-date column's are), each said at the note's column."""
    path = listed(tmp_path / "ds.xlsx")
    out = run("validate", str(path), "--list-date", "2026-06-30")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Assignments\t6" in out.stdout
    assert out.stdout.count("Ghi chú (column H)\t\tthis person left on") == 2
