"""Lists whose posts are written in more than one column of post titles.

A Party committee's list of commune leaders writes "Chức vụ" over "Đảng | Chính quyền |
Đoàn thể"; a list of commune civil servants writes "Chức vụ" (the leading post) beside
"Chức danh" (the civil-servant title recruited to). Every column of post titles is read,
and a row's posts are the union of its cells. Each list is built here and read through
``read_roster`` and the real ``cadre`` command; each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import Problem, read_roster
from cadre_core.roster._flat_tables import held_posts, row_posts

D = dt.datetime


def posts_of(path: Path) -> dict[str, list[tuple[str | None, str | None]]]:
    """Each person's posts as read: (title, category), sorted; and the read's problems."""
    tables = read_roster(path, skip_invalid=True).tables
    held = (
        tables["assignments"]
        .merge(tables["positions"], on="position_code")
        .merge(tables["cadres"][["cadre_id", "full_name"]], on="cadre_id")
    )
    out: dict[str, list[tuple[str | None, str | None]]] = {}
    for name, title, category in zip(held["full_name"], held["title"], held["category"],
                                     strict=True):  # fmt: skip
        out.setdefault(str(name), []).append(
            (None if pd.isna(title) else str(title), None if pd.isna(category) else str(category))
        )
    return {k: sorted(v, key=str) for k, v in out.items()}


def problems_of(path: Path) -> list[Problem]:
    """The problems of reading ``path``, bad cells set aside."""
    return list(read_roster(path, skip_invalid=True).problems)


def validated(path: Path) -> dict[str, Any]:
    """``cadre validate --format json`` of ``path``, run as a user runs it."""
    out = run("validate", str(path), "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    return dict(json.loads(out.stdout))


def positions_evaluated(path: Path) -> int:
    """The positions ``cadre evaluate --format json`` counts (target nq05.1a: every job
    position staffed)."""
    out = run("evaluate", str(path), "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    targets = json.loads(out.stdout)["communes"][0]["targets"]
    return int(next(t for t in targets if t["id"] == "nq05.1a")["population"])


SPHERES = [
    ["ĐẢNG ỦY XÃ BẢN BO"],
    ["DANH SÁCH TRÍCH NGANG CÁN BỘ CHỦ CHỐT XÃ (tính đến ngày 31/12/2025)"],
    [],
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", None, None, "Trình độ chuyên môn"],
    [None, None, None, None, "Đảng", "Chính quyền", "Đoàn thể", None],
    [1, "Sùng A Páo", D(1975, 2, 3), "Nam", "Bí thư Đảng ủy", "Chủ tịch HĐND xã", None, "Đại học"],
    [2, "Lò Văn Thương", D(1980, 6, 21), "Nam", "Phó Bí thư Đảng ủy", "Chủ tịch UBND xã", None,
     "Đại học"],
    [3, "Vì Thị Lả", D(1986, 9, 14), "Nữ", "Ủy viên BTV", "Phó Chủ tịch HĐND xã", None, "Đại học"],
    [4, "Tòng Thị Xuân", D(1990, 1, 25), "Nữ", None, None, "Chủ tịch Hội LHPN", "Cao đẳng"],
    [5, "Lường Văn Hải", D(1978, 5, 30), "Nam", "Ủy viên BTV", None, "Chủ tịch UBMTTQ Việt Nam xã",
     "Trung cấp"],
    [6, "Hoàng Văn Tuấn", D(1995, 12, 12), "Nam", None, None, "Bí thư Đoàn TN", "Đại học"],
    [],
    [None, None, None, None, None, "Bản Bo, ngày 05 tháng 01 năm 2026"],
    [None, None, None, None, None, "T/M ĐẢNG ỦY"],
]  # fmt: skip
SPHERES_MERGED = ["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:G4", "H4:H5"]


def test_posts_under_party_government_and_mass_organisations(tmp_path: Path) -> None:
    """Before: only "Chức vụ / Chính quyền" was read ("Đảng" and "Đoàn thể" were columns
    not read): Sùng A Páo lost his Party secretary's post, and Tòng Thị Xuân, Lường Văn
    Hải and Hoàng Văn Tuấn shared one untitled position of no category."""
    path = sheet(tmp_path / "chu-chot.xlsx", SPHERES, SPHERES_MERGED)
    assert posts_of(path) == {
        "Sùng A Páo": [("Bí thư Đảng ủy", "party_secretary"),
                       ("Chủ tịch HĐND xã", "council_chair")],
        "Lò Văn Thương": [("Chủ tịch UBND xã", "committee_chair"),
                          ("Phó Bí thư Đảng ủy", "party_deputy_secretary")],
        # a membership of the Party committee beside a post is no post, as in one cell
        "Vì Thị Lả": [("Phó Chủ tịch HĐND xã", "council_vice_chair")],
        "Tòng Thị Xuân": [("Chủ tịch Hội LHPN", "mass_org_head")],
        "Lường Văn Hải": [("Chủ tịch UBMTTQ Việt Nam xã", "front_chair")],
        "Hoàng Văn Tuấn": [("Bí thư Đoàn TN", "mass_org_head")],
    }  # fmt: skip
    keys = [p.key for p in problems_of(path)]
    assert keys == ["commune_from_title"]  # no column left unread, none a second column
    report = validated(path)
    assert report["valid"] is True
    assert report["tables"]["positions"]["read"] == 8
    assert report["tables"]["assignments"]["read"] == 8
    assert [p["key"] for p in report["problems"]] == ["commune_from_title"]
    assert positions_evaluated(path) == 8


CIVIL = [
    ["UBND XÃ NẬM TĂM"],
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"],
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Chức danh", "Trình độ chuyên môn"],
    [1, "Lò Văn Inh", D(1978, 2, 8), "Nam", "Chủ tịch UBND xã", None, "Đại học"],
    [2, "Lò Thị Dung", D(1987, 12, 12), "Nữ", "Phó Chủ tịch UBND xã", "Văn phòng - Thống kê",
     "Đại học"],
    [3, "Tao Văn Sương", D(1990, 6, 16), "Nam", None, "Tư pháp - Hộ tịch", "Đại học Luật"],
    [4, "Lường Thị Nhung", D(1993, 9, 23), "Nữ", None, "Văn phòng - Thống kê", "Đại học"],
    [5, "Hoàng Văn Thiện", D(1989, 1, 13), "Nam", None, "Địa chính - Xây dựng", "Đại học"],
    [6, "Lò Văn Khoa", D(1985, 4, 2), "Nam", "Chủ tịch UBND xã", "Chủ tịch  UBND  xã",
     "Đại học"],
    [7, "Lò Thị Thủy", D(1995, 5, 25), "Nữ", None, None, "Cao đẳng"],
]  # fmt: skip


def test_a_civil_servants_title_beside_the_leading_post(tmp_path: Path) -> None:
    """Before: "Chức danh" was a second column for the title, not read ("second_list_
    column"): the civil servants with no leading post shared one untitled position of no
    category, and Lò Thị Dung's civil-servant post was lost."""
    path = sheet(tmp_path / "cong-chuc.xlsx", CIVIL)
    assert posts_of(path) == {
        "Lò Văn Inh": [("Chủ tịch UBND xã", "committee_chair")],
        "Lò Thị Dung": [("Phó Chủ tịch UBND xã", "committee_vice_chair"),
                        ("Văn phòng - Thống kê", "professional")],
        "Tao Văn Sương": [("Tư pháp - Hộ tịch", "professional")],
        "Lường Thị Nhung": [("Văn phòng - Thống kê", "professional")],
        "Hoàng Văn Thiện": [("Địa chính - Xây dựng", "professional")],
        "Lò Văn Khoa": [("Chủ tịch UBND xã", "committee_chair")],  # one post written twice
        "Lò Thị Thủy": [(None, None)],  # no title in any column: as before
    }  # fmt: skip
    tables = read_roster(path, skip_invalid=True).tables
    quota = dict(zip(tables["positions"]["title"], tables["positions"]["quota"], strict=True))
    assert quota["Chủ tịch UBND xã"] == 2 and quota["Văn phòng - Thống kê"] == 2
    assert [p.key for p in problems_of(path)] == ["commune_from_title"]
    report = validated(path)
    assert report["tables"]["positions"]["read"] == 6
    assert report["tables"]["assignments"]["read"] == 8
    assert not [p for p in report["problems"] if p["key"] == "second_list_column"]
    assert positions_evaluated(path) == 6


def test_problems_in_a_second_title_column_name_that_column(tmp_path: Path) -> None:
    """Before: the second title column was not read at all, so nothing in it was said; a
    problem of its cells must name it, not the first title column."""
    rows = [
        CIVIL[0], CIVIL[1], CIVIL[2],
        [1, "Lò Văn Inh", D(1978, 2, 8), "Nam", "Chủ tịch UBND xã", "Nhân viên hợp đồng",
         "Đại học"],
        [2, "Lò Văn Hai", D(1991, 6, 16), "Nam", None, "Bí thư Đảng ủy, Chỉ huy trưởng Quân sự",
         "Đại học"],
    ]  # fmt: skip
    path = sheet(tmp_path / "loi.xlsx", rows)
    said = {p.key: p for p in problems_of(path)}
    unknown, partly = said["unknown_category"], said["post_not_read"]
    assert (unknown.row, unknown.column, unknown.value) == (
        4, "Chức danh (column F)", "Nhân viên hợp đồng")  # fmt: skip
    assert (partly.row, partly.column, partly.value) == (
        5, "Chức danh (column F)", "Bí thư Đảng ủy, Chỉ huy trưởng Quân sự")  # fmt: skip
    assert posts_of(path)["Lò Văn Hai"] == [("Bí thư Đảng ủy", "party_secretary")]
    out = run("validate", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    lines = [ln for ln in out.stdout.splitlines() if "Chức danh (column F)" in ln]
    assert len(lines) == 2 and "Nhân viên hợp đồng" in lines[1] + lines[0]


def test_a_single_title_column_reads_as_before(tmp_path: Path) -> None:
    """One title column: each cell's posts held together are split as they always were
    (a membership beside them is no post, an unknown part said), a cell of one post is
    one post, and the people with no title share one untitled position."""
    rows = [
        CIVIL[0], CIVIL[1],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"],
        [1, "Lò Văn Inh", D(1978, 2, 8), "Nam", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã", "Đại học"],
        [2, "Lò Thị Dung", D(1987, 12, 12), "Nữ", "Ủy viên BTV, Trưởng Ban Xây dựng Đảng",
         "Đại học"],
        [3, "Tao Văn Sương", D(1990, 6, 16), "Nam", "Ủy viên BCH", "Đại học"],
        [4, "Lường Thị Nhung", D(1993, 9, 23), "Nữ", None, "Đại học"],
        [5, "Hoàng Văn Thiện", D(1989, 1, 13), "Nam", None, "Đại học"],
    ]  # fmt: skip
    path = sheet(tmp_path / "mot-cot.xlsx", rows)
    tables = read_roster(path, skip_invalid=True).tables
    positions = tables["positions"][["position_code", "title", "category", "quota"]]
    assert positions.astype(object).where(positions.notna(), None).values.tolist() == [
        ["VT001", "Phó Bí thư Đảng ủy", "party_deputy_secretary", 1],
        ["VT002", "Chủ tịch UBND xã", "committee_chair", 1],
        ["VT003", "Trưởng Ban Xây dựng Đảng", "department_head", 1],
        ["VT004", "Ủy viên BCH", None, 1],
        ["VT005", None, None, 2],
    ]
    assignments = tables["assignments"]
    assert assignments["position_code"].tolist() == [
        "VT001", "VT002", "VT003", "VT004", "VT005", "VT005"]  # fmt: skip
    keys = [(p.key, p.row, p.column) for p in problems_of(path)]
    assert ("unknown_category", 6, "Chức vụ (column E)") in keys
    assert not [k for k in keys if k[0] in ("second_list_column", "column_not_read")]


POOL = [
    "Bí thư Đảng ủy",
    "Chủ tịch HĐND xã",
    "Chủ tịch UBND xã",
    "Phó Chủ tịch UBND xã",
    "Tư pháp - Hộ tịch",
    "Chủ tịch Hội LHPN",
    "Ủy viên BTV",
    "Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
]
MEMBERS = {"Ủy viên BTV"}
cells = st.one_of(st.none(), st.sampled_from(POOL))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=8))
def test_a_rows_posts_are_the_union_of_its_title_cells(table: list[tuple[Any, ...]]) -> None:
    """Each row's posts are the union, in column order and without repeats, of the posts
    of each of its cells as one cell is read; a membership beside a post is none; a row
    with no title keeps one blank post."""
    people = pd.DataFrame(table, columns=["positions.title", "positions.title_2",
                                          "positions.title_3"], dtype=object)  # fmt: skip
    posts, origin = row_posts(people, pd.Series(range(len(table))), "ds.xlsx", [])
    for i, row in enumerate(table):
        want: list[str] = []
        for cell in row:
            if cell is not None:
                read = held_posts(pd.Series([cell], dtype=object))[0].iloc[0]
                want += [p for p in read if p not in want]
        if any(p not in MEMBERS for p in want):
            want = [p for p in want if p not in MEMBERS]
        got = posts[posts.index == i].tolist()
        assert got == (want or [None])
    assert set(origin) <= {"title", "title_2", "title_3"}
