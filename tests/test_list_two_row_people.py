"""Lists that write each person over two rows, under a header of two rows whose second row
names other fields than its first ("Ngày sinh" over "Quê quán", "Chức vụ" over "Ngày vào
Đảng", "Trình độ chuyên môn" over "Lý luận chính trị").

Before, the header's second row was read as the sub-headers of its first ("Chức vụ / Ngày
vào Đảng": the post read as a day of joining the Party, errors on every row), the birth date
was lost under "Ngày sinh / Quê quán", and each person's second row was said as a row of no
person and not read: their day of joining the Party and their theory level were lost. Each
list is built with openpyxl and read through ``read_roster`` and the real ``cadre``
command.
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

DAY = dt.date(2025, 12, 31)
TITLE = ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"], ["DANH SÁCH TRÍCH NGANG (tính đến ngày 31/12/2025)"]
HEAD = [
    ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Trình độ chuyên môn"],
    [None, None, "Quê quán", "Ngày vào Đảng", "Lý luận chính trị"],
]
AN = [
    [1, "Nguyễn Văn An", "12/03/1978", "Chủ tịch UBND xã", "Đại học Luật"],
    [None, None, "Xã Tân Uyên", "05/06/2005", "Trung cấp"],
]
BINH = [
    [2, "Lò Thị Bình", "25/07/1985", "Phó Chủ tịch UBND xã", "Đại học"],
    [None, None, "Xã Mường Kim", "01/02/2010", "Sơ cấp"],
]
# the header on rows 5 and 6, An on rows 7 and 8, Bình on rows 9 and 10
MERGED = ["A5:A6", "B5:B6", "A7:A8", "B7:B8", "A9:A10", "B9:B10"]
NOTE = "the list writes each person over two rows"


def two_row_list(path: Path, people: list[list[Any]], merged: list[str]) -> Path:
    """A list with two blank rows under its title, its header on rows 5 and 6."""
    return sheet(path, [*TITLE, [], [], *HEAD, *people], merged)


def tables(path: Path) -> dict[str, pd.DataFrame]:
    """The roster's tables as read, bad cells set aside."""
    return dict(read_roster(path, skip_invalid=True, list_date=DAY).tables)


def problems(path: Path) -> list[list[str]]:
    """The problems ``cadre validate`` prints (on its error stream for an invalid list),
    each as its tab-separated fields (level, file, table, row, column, value, expected,
    suggestion)."""
    out = run("validate", str(path))
    assert "Traceback" not in out.stderr
    lines = [line.split("\t") for line in (out.stdout + out.stderr).splitlines()]
    return [p for p in lines if p[0] in ("Error", "Warning")]


@pytest.mark.parametrize("merged", [MERGED, []], ids=["merged", "unmerged"])
def test_each_persons_second_row_is_read_under_the_second_header_row(
    tmp_path: Path, merged: list[str]
) -> None:
    """Before: 'Chức vụ' was read as a day of joining the Party, 'Trình độ chuyên môn' as a
    theory level (errors on rows 7 and 9), the birth date was lost and rows 8 and 10 were
    said as rows of no person: the days of joining and the theory levels were lost."""
    path = two_row_list(tmp_path / "hai-dong.xlsx", [*AN, *BINH], merged)
    read = tables(path)
    cadres = read["cadres"].set_index("cadre_id")
    assert cadres["full_name"].tolist() == ["Nguyễn Văn An", "Lò Thị Bình"]
    assert cadres["birth_date"].tolist() == [pd.Timestamp("1978-03-12"), pd.Timestamp("1985-07-25")]
    assert cadres["party_join_date"].tolist() == [
        pd.Timestamp("2005-06-05"),
        pd.Timestamp("2010-02-01"),
    ]
    theory = read["theory"].set_index("cadre_id")["level"]
    assert theory[cadres.index].tolist() == ["trung_cap", "so_cap"]
    degrees = read["degrees"].set_index("cadre_id")
    assert degrees.loc[cadres.index, "level"].tolist() == ["dai_hoc", "dai_hoc"]
    assert set(read["positions"]["title"]) == {"Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"}
    said = problems(path)
    assert not [p for p in said if p[0] == "Error"], said
    assert not [p for p in said if "no person's name" in p[6]]
    assert [p[4] for p in said if "not read" in p[6]] == ["Quê quán (column C)"]
    notes = [p for p in said if NOTE in p[6]]  # once for the sheet, naming the fields
    assert len(notes) == 1 and "'Ngày vào Đảng', 'Lý luận chính trị'" in notes[0][6]


def test_the_json_of_an_evaluation_reads_the_second_rows(tmp_path: Path) -> None:
    """Before: the evaluation stopped on the errors of rows 7 and 9 (a post read as a date)."""
    path = two_row_list(tmp_path / "hai-dong.xlsx", [*AN, *BINH], MERGED)
    out = run("evaluate", str(path), "--as-of", "2026-12-31", "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    assert json.loads(out.stdout)["communes"][0]["commune"] == "Xã Nậm Tăm"


def test_a_bad_date_on_a_second_row_names_that_row_and_its_column(tmp_path: Path) -> None:
    """The problem of a value read on a person's second row names that row (8), not the
    person's first row (7), and the sheet's column the value is in (D)."""
    bad = [AN[0], [None, None, "Xã Tân Uyên", "35/06/2005", "Trung cấp"]]
    worse = [BINH[0], [None, None, "Xã Mường Kim", "01/02/2010", "Tiến sĩ"]]
    said = problems(two_row_list(tmp_path / "sai.xlsx", [*bad, *worse], MERGED))
    errors = [(p[2], p[3], p[4], p[5]) for p in said if p[0] == "Error"]
    assert errors == [
        ("cadres", "8", "Ngày vào Đảng (column D)", "'35/06/2005'"),
        ("theory", "10", "Lý luận chính trị (column E)", "'Tiến sĩ'"),
    ]


def test_a_group_row_ends_a_person_and_a_stray_cell_is_said(tmp_path: Path) -> None:
    """A group row between two people is their agency, never a person's second row; a
    cell of a second row under a column with no second-row header is said, not read."""
    stray = [None, None, "Xã Tân Uyên", "05/06/2005", "Trung cấp", "Đi học"]
    people = [[None, "Văn phòng HĐND và UBND"], AN[0], stray, [None, "Công an xã"], *BINH]
    path = sheet(
        tmp_path / "nhom.xlsx",
        [*TITLE, [], [], [*HEAD[0], "Ghi chú"], [*HEAD[1], None], *people],
    )
    read = tables(path)
    cadres = read["cadres"].set_index("full_name")
    assert cadres["party_join_date"].tolist() == [
        pd.Timestamp("2005-06-05"),
        pd.Timestamp("2010-02-01"),
    ]
    assert set(read["agencies"]["name"]) == {"Văn phòng HĐND và UBND", "Công an xã"}
    said = problems(path)
    cell = [p for p in said if "person's second row was not read" in p[6]]
    assert [(p[3], p[4], p[5]) for p in cell] == [("9", "Ghi chú (column F)", "'Đi học'")]


def test_a_field_in_both_header_rows_keeps_the_first(tmp_path: Path) -> None:
    """A field named on both header rows is read from the first, the second said."""
    head = [
        ["STT", "Họ và tên", "Ngày sinh", "Chức vụ"],
        [None, None, "Ngày vào Đảng", "Ngày sinh"],
    ]
    people = [
        [1, "Lò Văn An", "12/03/1978", "Chủ tịch UBND xã"],
        [None, None, "05/06/2005", "1/1/1990"],
    ]
    path = sheet(tmp_path / "trung.xlsx", [*TITLE, *head, *people])
    cadres = tables(path)["cadres"]
    assert cadres["birth_date"].tolist() == [pd.Timestamp("1978-03-12")]
    assert cadres["party_join_date"].tolist() == [pd.Timestamp("2005-06-05")]
    said = problems(path)
    second = [p[4] for p in said if "a second column for cadres.birth_date" in p[6]]
    assert second == ["Ngày sinh (column D)"]


def test_column_numbers_under_the_two_header_rows(tmp_path: Path) -> None:
    """A row of column numbers under the two header rows is neither a person nor a row."""
    path = sheet(tmp_path / "so.xlsx", [*TITLE, *HEAD, [1, 2, 3, 4, 5], *AN, *BINH])
    cadres = tables(path)["cadres"]
    assert cadres["party_join_date"].notna().all() and len(cadres) == 2
    assert not [p for p in problems(path) if p[0] == "Error"]


def test_a_one_row_list_under_nam_and_nu_is_read_as_before(tmp_path: Path) -> None:
    """ "Ngày sinh" over "Nam" | "Nữ" and "Trình độ" over "Chuyên môn" | "LLCT" are the parts
    of a group, one row per person: nothing is read over two rows."""
    top = ["STT", "Họ và tên", "Ngày sinh", None, "Chức vụ", "Trình độ", None]
    sub = [None, None, "Nam", "Nữ", None, "Chuyên môn", "LLCT"]
    people = [
        [1, "Lò Văn An", "12/03/1975", None, "Bí thư Đảng ủy xã", "Đại học", "Trung cấp"],
        [2, "Tao Thị Bình", None, "05/07/1982", "Chủ tịch UBND xã", "Đại học", "Sơ cấp"],
    ]
    merged = ["A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:G3"]
    path = sheet(tmp_path / "nam-nu.xlsx", [*TITLE, top, sub, *people], merged)
    read = tables(path)
    cadres = read["cadres"].set_index("full_name")
    assert cadres["gender"].tolist() == ["male", "female"]
    assert cadres["birth_date"].tolist() == [pd.Timestamp("1975-03-12"), pd.Timestamp("1982-07-05")]
    assert sorted(read["theory"]["level"]) == ["so_cap", "trung_cap"]
    assert not [p for p in problems(path) if NOTE in p[6] or p[0] == "Error"]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    days=st.lists(
        st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2024, 12, 31)),
        min_size=1,
        max_size=5,
    ),
    merged=st.booleans(),
)
def test_every_persons_second_row_gives_their_own_day(days: list[dt.date], merged: bool) -> None:
    """Whatever the number of people, each one's day of joining is the one on their own
    second row, merged or not."""
    people: list[list[Any]] = []
    ranges: list[str] = ["A5:A6", "B5:B6"] if merged else []
    for n, day in enumerate(days):
        row = 7 + 2 * n
        people += [
            [
                n + 1,
                f"Lò Văn {chr(65 + n)}",
                "12/03/1970",
                "Công chức Tư pháp - Hộ tịch",
                "Đại học",
            ],
            [None, None, "Xã Tân Uyên", day.strftime("%d/%m/%Y"), "Sơ cấp"],
        ]
        ranges += [f"A{row}:A{row + 1}", f"B{row}:B{row + 1}"] if merged else []
    with tempfile.TemporaryDirectory() as folder:
        read = tables(two_row_list(Path(folder) / "ds.xlsx", people, ranges))
    cadres = read["cadres"]
    assert cadres["full_name"].tolist() == [f"Lò Văn {chr(65 + n)}" for n in range(len(days))]
    assert cadres["party_join_date"].tolist() == [pd.Timestamp(d) for d in days]
