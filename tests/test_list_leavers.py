"""The people a list says have left: a staffing report's page of leavers ("Giảm trong
năm") and left-date columns ("Thời gian giảm", "Ngày nghỉ hưu").

A clerk's workbook holds this year's list ("DS CBCC", as of 31/12/2025) and, on a sheet
shown beside it, the people who left during the year with the reason and the day each
left. Each workbook is built here as the office keeps it and read through ``read_roster``
and the real ``cadre`` command; each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import CADRE, workbook

from cadre_core.roster import read_roster
from cadre_core.roster._flat_left import posts_left
from cadre_core.roster._list_title import title_leavers
from cadre_core.roster._reader import RawTable

D = dt.datetime
DAY = dt.date(2025, 12, 31)

HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
STAFF = [
    ["Lò Văn Lả", D(1976, 9, 9), "Nam", "Bí thư Đảng ủy", "Đại học"],
    ["Lò Văn Cương", D(1983, 4, 4), "Nam", "Chủ tịch UBND xã", "Đại học"],
    ["Pờ Thị Gió", D(1990, 2, 22), "Nữ", "Phó Chủ tịch UBND xã", "Đại học"],
    ["Tao Văn Hùng", D(1995, 7, 17), "Nam", "Công chức Văn phòng - Thống kê", "Đại học"],
    ["Lò Thị Mây", D(1997, 1, 8), "Nữ", "Công chức Tư pháp - Hộ tịch", "Đại học Luật"],
]
THIS_YEAR = [
    ["UBND XÃ NẬM CUỔI"],
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"],
    HEAD,
    *[[i, *p] for i, p in enumerate(STAFF, 1)],
]
LEFT_HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Lý do giảm"]
LEAVERS = [
    [1, "Lò Văn Bun", D(1965, 5, 15), "Nam", "Chủ tịch HĐND xã", "Nghỉ hưu", "01/06/2025"],
    [2, "Vàng Thị Sao", D(1988, 8, 8), "Nữ", "Công chức Văn hóa - Xã hội", "Chuyển công tác",
     "15/09/2025"],
]  # fmt: skip
LEFT_TITLE = ["DANH SÁCH CÁN BỘ, CÔNG CHỨC GIẢM TRONG NĂM 2025"]


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command, on a wide terminal."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [CADRE, *args, "--lang", lang], capture_output=True, text=True, timeout=120, env=env
    )


def clerks_workbook(path: Path) -> Path:
    """This year's list and the page of the year's leavers, with the day each left."""
    leavers = [LEFT_TITLE, [*LEFT_HEAD, "Thời gian giảm"], *LEAVERS]
    return workbook(path, [("DS CBCC", THIS_YEAR), ("Giảm trong năm", leavers)])


def evaluated(path: Path) -> dict[str, Any]:
    """``cadre evaluate --format json`` of ``path`` on the list's day (it must pass)."""
    out = run("evaluate", str(path), "--as-of", "2025-12-31", "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def test_a_sheet_of_leavers_with_their_days_gives_people_who_hold_no_post(
    tmp_path: Path,
) -> None:
    """Before: "Giảm trong năm" was read as more of this year's list: the two leavers were
    counted as current staff, holding their posts ("Chủ tịch HĐND xã" counted as a post
    to staff), and "Thời gian giảm" was a column not read. Now they are read with the day
    each left, hold no post on the list's day (their posts, held by no one else, are no
    post of the list), and the sheet and each post set aside are said."""
    path = clerks_workbook(tmp_path / "bao_cao.xlsx")
    roster = read_roster(path)
    cadres = roster.cadres.set_index("full_name")
    assert cadres.index.tolist() == [p[0] for p in STAFF] + ["Lò Văn Bun", "Vàng Thị Sao"]
    assert cadres["left_date"].dropna().to_dict() == {
        "Lò Văn Bun": pd.Timestamp(2025, 6, 1),
        "Vàng Thị Sao": pd.Timestamp(2025, 9, 15),
    }
    holders = roster.assignments.merge(roster.cadres, on="cadre_id")["full_name"]
    assert holders.tolist() == [p[0] for p in STAFF]
    assert roster.positions["title"].tolist() == [p[3] for p in STAFF]
    assert roster.positions["quota"].tolist() == [1] * 5
    assert roster.list_date == DAY
    assert [(p.key, p.file, p.table, p.row, p.column) for p in roster.problems] == [
        ("leaver_sheet_read", "bao_cao.xlsx", "Giảm trong năm", None, None),
        ("column_not_read", "bao_cao.xlsx, sheet 'Giảm trong năm'", None, None,
         "Lý do giảm (column F)"),
        ("commune_from_title", "bao_cao.xlsx", "agencies", None, "commune"),
        ("left_post_not_held", "bao_cao.xlsx, sheet 'Giảm trong năm'", "cadres", 3,
         "Thời gian giảm (column G)"),
        ("left_post_not_held", "bao_cao.xlsx, sheet 'Giảm trong năm'", "cadres", 4,
         "Thời gian giảm (column G)"),
    ]  # fmt: skip
    read = next(p for p in roster.problems if p.key == "leaver_sheet_read")
    assert read.expected == (
        "the title or name of sheet 'Giảm trong năm' says 'GIẢM': it lists people who left; "
        "they were read as having left on the day in its left-date column, holding no post "
        "from then on"
    )
    post = next(p for p in roster.problems if p.key == "left_post_not_held")
    assert post.describe("vi") == (
        "bao_cao.xlsx, trang tính 'Giảm trong năm', bảng cadres (Cán bộ), dòng 3, cột Thời "
        "gian giảm (cột G): người này đã nghỉ từ ngày 01/06/2025 (không muộn hơn ngày của "
        "danh sách): chức vụ ghi ở dòng này không được tính là đang giữ"
    )
    out = run("validate", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Cadres\t7" in out.stdout and "Assignments\t5" in out.stdout
    assert "it lists people who left" in out.stdout
    # cadre evaluate: the five current staff hold the five posts; the leavers none
    result = evaluated(path)
    (commune,) = result["communes"]
    targets = {t["id"]: t for t in commune["targets"]}
    staffed = targets["nq05.1a"]
    assert (staffed["population"], staffed["satisfied"], staffed["failing"]) == (5, 5, [])
    assert staffed["status"] == "met"
    ids = dict(zip(roster.cadres["full_name"], roster.cadres["cadre_id"], strict=True))
    gone = {ids["Lò Văn Bun"], ids["Vàng Thị Sao"]}
    assert gone == {"DS0011", "DS0012"}
    for target in commune["targets"]:
        assert not gone & set(target["failing"]), target["id"]
        if target["unit"] == "cadres" and target["failing"]:
            assert set(target["failing"]) <= {ids[p[0]] for p in STAFF}
    assert targets["nq05.2a"]["population"] == 5


def test_a_sheet_of_leavers_without_their_days_is_not_read_and_said(tmp_path: Path) -> None:
    """Before: a page "Nghỉ hưu" of the people who retired (no column of the day) was read
    as more staff. Now its people are not read: a warning names the sheet, the words of
    its title and the rows of its people, among what was not read."""
    leavers = [
        ["DANH SÁCH CÁN BỘ NGHỈ HƯU NĂM 2025"],
        [],
        LEFT_HEAD,
        *[row[:6] for row in LEAVERS],
        [None, "Người lập biểu"],
    ]
    path = workbook(tmp_path / "nghi_huu.xlsx", [("DS CBCC", THIS_YEAR), ("Nghỉ hưu", leavers)])
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [p[0] for p in STAFF]
    assert len(roster.assignments) == 5
    assert [(p.key, p.table, p.severity, p.scope, dict(p.args)) for p in roster.not_read] == [
        ("leaver_sheet_not_read", "Nghỉ hưu", "warning", "sheet",
         {"sheet": "'Nghỉ hưu'", "words": "'NGHỈ HƯU'", "rows": "4, 5"}),
    ]  # fmt: skip
    assert roster.not_read[0].expected == (
        "the title or name of sheet 'Nghỉ hưu' says 'NGHỈ HƯU': it lists people who left, not "
        "current staff; it has no left-date column, so the people on rows 4, 5 were not read "
        "(add a 'Thời gian giảm' column to have them read)"
    )
    out = run("validate", str(path), "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    problems = json.loads(out.stdout)["problems"]
    assert [(p["key"], p["table"], p["args"]["rows"]) for p in problems
            if p["key"].startswith("leaver")] == [("leaver_sheet_not_read", "Nghỉ hưu", "4, 5")]  # fmt: skip
    vi = run("validate", str(path), lang="vi")
    assert "nên những người ở dòng 4, 5 không được đọc" in vi.stdout
    staffed = {t["id"]: t for t in evaluated(path)["communes"][0]["targets"]}["nq05.1a"]
    assert (staffed["population"], staffed["satisfied"]) == (5, 5)


def test_a_leaver_whose_post_is_held_again_counts_the_one_who_holds_it(tmp_path: Path) -> None:
    """Before: the chairman who retired and the one elected after him made the post
    "Chủ tịch UBND xã" one of two (its quota the two names), one of them unfilled: the
    post counted as not staffed. Now the quota counts who holds it on the list's day."""
    leavers = [
        ["Giảm"],
        ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Ngày nghỉ hưu"],
        [1, "Lò Văn Bun", D(1965, 5, 15), "Chủ tịch UBND xã", D(2025, 6, 1)],
    ]
    path = workbook(tmp_path / "thay.xlsx", [("DS CBCC", THIS_YEAR), ("Giảm trong năm", leavers)])
    roster = read_roster(path)
    chair = roster.positions[roster.positions["title"] == "Chủ tịch UBND xã"]
    assert chair["quota"].tolist() == [1]
    holders = roster.assignments[roster.assignments["position_code"] == chair.iloc[0, 0]]
    assert roster.cadres.set_index("cadre_id").loc[holders["cadre_id"], "full_name"].tolist() == [
        "Lò Văn Cương"
    ]
    staffed = {t["id"]: t for t in evaluated(path)["communes"][0]["targets"]}["nq05.1a"]
    assert (staffed["population"], staffed["satisfied"], staffed["failing"]) == (5, 5, [])


def test_a_left_date_in_the_list_itself_ends_the_post_on_that_day_only(tmp_path: Path) -> None:
    """Before: "Ngày nghỉ hưu" was a column not read: a chairman who retired on 01/10/2025
    was counted in his post on 31/12/2025. Now he is read as having left, holding no post
    on the list's day, while a retirement day still to come (01/03/2026) leaves the post
    held."""
    head = [*HEAD, "Ngày nghỉ hưu"]
    rows = [
        *THIS_YEAR[:2],
        head,
        [1, *STAFF[0], None],
        [2, *STAFF[1], "01/03/2026"],
        [3, "Lò Văn Bun", D(1965, 5, 15), "Nam", "Chủ tịch HĐND xã", "Đại học", "01/10/2025"],
    ]
    path = workbook(tmp_path / "mot.xlsx", [("DS CBCC", rows)])
    roster = read_roster(path)
    left = roster.cadres.set_index("full_name")["left_date"]
    assert left.dropna().to_dict() == {
        "Lò Văn Cương": pd.Timestamp(2026, 3, 1),
        "Lò Văn Bun": pd.Timestamp(2025, 10, 1),
    }
    assert roster.assignments["cadre_id"].tolist() == ["DS0004", "DS0005"]
    assert roster.positions["title"].tolist() == ["Bí thư Đảng ủy", "Chủ tịch UBND xã"]
    assert [(p.key, p.row, p.column, dict(p.args)) for p in roster.problems
            if p.key == "left_post_not_held"] == [
        ("left_post_not_held", 6, "Ngày nghỉ hưu (column G)", {"day": "01/10/2025"})
    ]  # fmt: skip
    assert not any(p.key.startswith("leaver_sheet") for p in roster.problems)


@pytest.mark.parametrize(
    ("name", "title", "extra"),
    [
        # a sheet of the year's changes both ways
        ("Tăng, giảm", "DANH SÁCH CÁN BỘ TĂNG, GIẢM NĂM 2025 (tính đến ngày 31/12/2025)", []),
        # a commune whose name holds the word
        ("DS", "UBND XÃ NẬM GIẢM", []),
        # people still at work, who will retire
        ("DS", "DANH SÁCH CÁN BỘ ĐẾN TUỔI NGHỈ HƯU NĂM 2026 (tính đến ngày 31/12/2025)", []),
        # a programme's name
        ("DS", "BAN CHỈ ĐẠO GIẢM NGHÈO - DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)", []),
        # a policy of cutting posts: its people may still be at work
        ("DS", "DANH SÁCH CÁN BỘ THUỘC DIỆN TINH GIẢM BIÊN CHẾ (tính đến ngày 31/12/2025)",
         []),
        # a table of counts with a column "Giảm" on a sheet of its own
        ("DS", "DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)",
         [("Tăng giảm", [["SỐ LƯỢNG TĂNG, GIẢM"], ["Đơn vị", "Tăng", "Giảm"], ["Xã", 1, 2]])]),
    ],
)  # fmt: skip
def test_words_of_a_change_elsewhere_leave_the_staff_as_staff(
    tmp_path: Path, name: str, title: str, extra: list[tuple[str, list[list[Any]]]]
) -> None:
    """Whole words of the title line only: "Tăng, giảm" (changes both ways, a header of
    counts), a commune named "Nậm Giảm", "đến tuổi nghỉ hưu", "giảm nghèo" and "tinh giảm
    biên chế" (before, it made the whole sheet leavers) say no
    list of leavers (its people all read as staff, nothing said of leavers)."""
    rows = [[title], ["(tính đến ngày 31/12/2025)"], HEAD, *[[i, *p] for i, p in
                                                           enumerate(STAFF, 1)]]  # fmt: skip
    path = workbook(tmp_path / "ds.xlsx", [(name, rows), *extra])
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [p[0] for p in STAFF]
    assert len(roster.assignments) == 5
    assert roster.cadres["left_date"].isna().all()
    assert not any(p.key.startswith(("leaver_sheet", "left_post")) for p in roster.problems)
    out = run("validate", str(path))
    assert out.returncode == 0 and "Cadres\t5" in out.stdout, out.stdout + out.stderr


@pytest.mark.parametrize(
    ("texts", "name", "words"),
    [
        (["DANH SÁCH CÁN BỘ, CÔNG CHỨC GIẢM TRONG NĂM 2025"], "", "GIẢM"),
        (["DANH SÁCH CÁN BỘ XÃ NẬM CUỔI GIẢM TRONG NĂM 2025"], "", "GIẢM"),
        (["Danh sách công chức đã nghỉ hưu"], "", "nghỉ hưu"),
        (["DANH SÁCH CÁN BỘ THÔI VIỆC NĂM 2025"], "", "THÔI VIỆC"),
        (["DANH SÁCH CÔNG CHỨC CHUYỂN ĐI"], "", "CHUYỂN ĐI"),
        (["DANH SÁCH CÁN BỘ"], "Giảm trong năm", "Giảm"),
        (["UBND XÃ NẬM GIẢM", "DANH SÁCH CÁN BỘ"], "DS CBCC", None),
        (["DANH SÁCH CÁN BỘ SẮP NGHỈ HƯU"], "", None),
        (["DANH SÁCH CÁN BỘ TĂNG, GIẢM"], "", None),
        (["DANH SÁCH CÁN BỘ"], "Tăng giảm", None),
        (["GIẢMTHIỂU"], "Giam", None),
        (["DANH SÁCH CÁN BỘ CẮT GIẢM THEO ĐỀ ÁN"], "", None),
        (["KẾ HOẠCH GIẢM THIỂU"], "", None),
    ],
)
def test_the_title_words_of_a_list_of_leavers(
    texts: list[str], name: str, words: str | None
) -> None:
    """The words a title line or a sheet's name says its people left by, whole words."""
    assert title_leavers(texts, name) == words


def _raws(left: list[bool], posts: list[int]) -> list[RawTable]:
    n = len(left)
    rows = pd.Series(range(3, 3 + n))
    ids = [f"DS{i:04d}" for i in range(n)]
    codes = [f"VT{p:03d}" for p in posts]
    distinct = list(dict.fromkeys(codes))
    days = ["01/06/2025" if gone else None for gone in left]
    first = [codes.index(c) for c in distinct]
    return [
        RawTable("cadres", pd.DataFrame({"cadre_id": ids, "left_date": days}), rows, "f"),
        RawTable(
            "positions",
            pd.DataFrame({"position_code": distinct, "quota": [codes.count(c) for c in distinct]}),
            pd.Series([3 + i for i in first]),
            "f",
        ),
        RawTable("assignments", pd.DataFrame({"cadre_id": ids, "position_code": codes}), rows, "f"),
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(1, 4)), min_size=1, max_size=12))
def test_the_quota_of_a_post_counts_who_stays(people: list[tuple[bool, int]]) -> None:
    """Each post's quota is its holders who stay; a post only leavers held is gone; every
    leaver's assignment is set aside and said on its row, every stayer's kept."""
    left, posts = [p[0] for p in people], [p[1] for p in people]
    raws = _raws(left, posts)
    said = posts_left(raws, DAY)
    stay = [f"VT{p:03d}" for p, gone in zip(posts, left, strict=True) if not gone]
    expected = {c: stay.count(c) for c in dict.fromkeys(f"VT{p:03d}" for p in posts) if c in stay}
    positions = raws[1].frame
    assert dict(zip(positions["position_code"], positions["quota"], strict=True)) == expected
    assert raws[2].frame["position_code"].tolist() == stay
    assert [p.row for p in said] == [3 + i for i, gone in enumerate(left) if gone]
    assert set(raws[2].frame["position_code"]) <= set(positions["position_code"])
    # a post's row is that of its first holder who stays
    first = {c: 3 + i for i, (p, gone) in reversed(list(enumerate(zip(posts, left, strict=True))))
             if not gone for c in [f"VT{p:03d}"]}  # fmt: skip
    assert dict(zip(positions["position_code"], raws[1].rows, strict=True)) == first
