"""A list printed with its title rows on each page and pasted back into one sheet: the
title lines at the top of page 2 are the page's top, not an agency of the people under it.

Each list is read through the real ``cadre`` command; each test says what was wrong before.
"""

from __future__ import annotations

from pathlib import Path

from list_files import run, sheet

TITLE = ("ỦY BAN NHÂN DÂN XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)")
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
NUMBERS = [f"({k})" for k in range(1, 7)]
PEOPLE = [
    [1, "Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"],
    [2, "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Đại học Kinh tế"],
    [3, "Vàng A Chứ", "20/01/1990", "Nam", "Công chức Tư pháp - Hộ tịch", "Cao đẳng"],
    [4, "Lù Thị Dung", "02/02/1988", "Nữ", "Công chức Văn phòng - Thống kê", "Đại học"],
    [5, "Giàng A Tủa", "09/09/1991", "Nam", "Công chức Địa chính - Xây dựng", "Đại học"],
]
AGAIN = "repeats the list's header"


def validate(path: Path) -> tuple[str, dict[str, str]]:
    """The real ``cadre validate`` output, and its rows per table by table."""
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stdout + out.stderr
    counts = dict(x.split("\t")[:2] for x in out.stdout.splitlines() if x.count("\t") == 1)
    return out.stdout, counts


def said_again(stdout: str) -> list[str]:
    """The rows said to repeat the list's header."""
    return [x.split("\t")[3] for x in stdout.splitlines() if AGAIN in x]


def test_title_rows_pasted_on_page_two_are_no_agency(tmp_path: Path) -> None:
    """Before: the title rows over page 2 became a second agency "DANH SÁCH CÁN BỘ, CÔNG
    CHỨC XÃ (…)" holding page 2's people, and "ỦY BAN NHÂN DÂN XÃ NẬM TĂM" was not said."""
    page = [None, None, None, None, None, "Trang 1/2"]
    rows = [*[[t] for t in TITLE], HEAD, NUMBERS, *PEOPLE[:3], page]
    rows += [*[[t] for t in TITLE], HEAD, NUMBERS, *PEOPLE[3:]]
    rows += [[None, None, None, None, None, "Trang 2/2"]]
    stdout, counts = validate(sheet(tmp_path / "in-lap.xlsx", rows))
    assert counts["Cadres"] == "5"
    assert counts["Agencies"] == "1"
    assert said_again(stdout) == ["9", "10", "11", "12"]  # the title rows, header, numbers


def test_title_rows_merged_and_a_blank_line_above_the_header_are_the_page_top(
    tmp_path: Path,
) -> None:
    """Before: the title rows over page 2, merged across the table with a blank line under
    them, became an agency."""
    rows = [*[[t] for t in TITLE], HEAD, *PEOPLE[:3]]
    rows += [*[[t.lower()] for t in TITLE], [None], HEAD, *PEOPLE[3:]]
    merged = ["A1:F1", "A2:F2", "A7:F7", "A8:F8"]
    stdout, counts = validate(sheet(tmp_path / "gop.xlsx", rows, merged))
    assert counts["Cadres"] == "5"
    assert counts["Agencies"] == "1"
    assert said_again(stdout) == ["7", "8", "10"]


def test_a_group_row_above_a_repeated_header_stays_an_agency(tmp_path: Path) -> None:
    """A genuine group row right above the repeated header is no title line: it remains the
    agency of the people under it."""
    rows = [*[[t] for t in TITLE], HEAD, ["I. Đảng ủy xã"], *PEOPLE[:2]]
    rows += [["II. UBND xã"], HEAD, *PEOPLE[2:]]
    stdout, counts = validate(sheet(tmp_path / "nhom.xlsx", rows))
    assert counts["Cadres"] == "5"
    assert counts["Agencies"] == "2"
    assert said_again(stdout) == ["8"]


def test_a_list_with_no_repeated_header_is_read_as_before(tmp_path: Path) -> None:
    """The title text written again in the body with no header under it is left as it was
    read before (no page top without a repeated header)."""
    rows = [*[[t] for t in TITLE], HEAD, ["I. Đảng ủy xã"], *PEOPLE[:2]]
    rows += [["II. UBND xã"], *PEOPLE[2:]]
    stdout, counts = validate(sheet(tmp_path / "mot-trang.xlsx", rows))
    assert counts["Cadres"] == "5"
    assert counts["Agencies"] == "2"
    assert said_again(stdout) == []
