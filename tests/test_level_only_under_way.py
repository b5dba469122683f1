"""A list's level cell that names only a level still being studied ("Đang học đại học",
"Ths (đang học)", "đang học ThS", "Chuyên viên chính (đang học)"): no level is held yet.

Each list is built here and read through the real ``cadre`` command and ``read_roster``;
each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import read_roster
from cadre_core.roster._held_levels import LIST_LEVELS, only_under_way
from cadre_core.roster._values import CODE_ENUMS
from cadre_core.vocab._labels import level_name

D = dt.datetime
DAY = "31/12/2025"
TITLE = [["ĐẢNG ỦY XÃ TAM ĐƯỜNG"], ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"]]
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
        "Chuyên ngành", "Lý luận chính trị", "Quản lý nhà nước"]  # fmt: skip
ROWS: list[list[object]] = [
    ["Lò Văn Khiêm", D(1977, 2, 11), "Nam", "Bí thư Đảng ủy", "Đang học đại học", "Luật",
     "Cao cấp", "Chuyên viên"],
    ["Tòng Thị Lả", D(1982, 5, 5), "Nữ", "Phó Chủ tịch UBND xã", "Đại học", "Kế toán",
     "Trung cấp (đang học)", "Chuyên viên chính (đang học)"],
    ["Giàng A Vư", D(1990, 8, 18), "Nam", "Công chức Tư pháp - Hộ tịch", "Ths (đang học)",
     None, None, None],
    ["Sùng Thị Dế", D(1988, 11, 3), "Nữ", "Phó Bí thư Đảng ủy", "đang học ThS", None,
     "Đang học Trung cấp", None],
]  # fmt: skip


def _list(path: Path) -> Path:
    people = [[i, *r] for i, r in enumerate(ROWS, 1)]
    return sheet(path, [*TITLE, HEAD, *people])


def test_a_cell_of_only_a_level_under_way_is_blank_with_a_warning(tmp_path: Path) -> None:
    """Before, each cell naming only a level still being studied was refused as an
    unreadable value: `cadre validate` exited 2 (with --skip-invalid the degree or theory
    row was set aside as an error, the state management cell too). Now the cell holds no
    level: it is read as blank, with a warning naming its row and column, and exit 0."""
    path = _list(tmp_path / "dang_hoc.xlsx")
    out = run("validate", str(path), "--list-date", DAY, "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    problems = json.loads(out.stdout)["problems"]
    said = sorted(
        (p["table"], p["row"], p["column"].split(" (column")[0], p["severity"])
        for p in problems
        if p["key"] == "level_not_yet_held"
    )
    assert said == [
        ("cadres", 5, "Quản lý nhà nước", "warning"),
        ("degrees", 4, "Trình độ chuyên môn", "warning"),
        ("degrees", 6, "Trình độ chuyên môn", "warning"),
        ("degrees", 7, "Trình độ chuyên môn", "warning"),
        ("theory", 5, "Lý luận chính trị", "warning"),
        ("theory", 7, "Lý luận chính trị", "warning"),
    ]
    assert not [p for p in problems if p["severity"] == "error"]
    table = run("validate", str(path), "--list-date", DAY)
    assert table.returncode == 0, table.stdout + table.stderr
    assert "'Ths (đang học)' names only a level still being studied" in table.stdout
    assert "the cell was read as blank" in table.stdout


def test_the_person_of_a_level_under_way_holds_no_level(tmp_path: Path) -> None:
    """Before, the roster could not be read without setting the rows aside. Now the
    person whose only level is under way has no degree, no theory level and no state
    management level (blank), the course's field goes with its level, and the others keep
    theirs."""
    roster = read_roster(_list(tmp_path / "dang_hoc.xlsx"), list_date=DAY)
    t = roster.tables
    names = t["cadres"].set_index("cadre_id")["full_name"]
    degrees = {names[c]: (str(lv), f) for c, lv, f in
               zip(t["degrees"]["cadre_id"], t["degrees"]["level"], t["degrees"]["field"],
                   strict=True)}  # fmt: skip
    assert degrees == {"Tòng Thị Lả": ("dai_hoc", "Kế toán")}
    theory = {names[c]: str(lv) for c, lv in zip(t["theory"]["cadre_id"], t["theory"]["level"],
                                                  strict=True)}  # fmt: skip
    assert theory == {"Lò Văn Khiêm": "cao_cap"}
    qlnn = dict(zip(t["cadres"]["full_name"], t["cadres"]["state_management"], strict=True))
    assert str(qlnn["Lò Văn Khiêm"]) == "chuyen_vien"
    assert pd.isna(qlnn["Tòng Thị Lả"])
    assert roster.skipped == ()


_MARKS = ["{} (đang học)", "Đang học {}", "đang học {}", "{} - đang học", "{} (đang theo học)"]


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from([(k, c) for k in ("education", "theory") for c in CODE_ENUMS[k]]),
    st.sampled_from(_MARKS),
)
def test_every_level_under_way_alone_is_none_held(level: tuple[str, str], mark: str) -> None:
    """Every level of the degree and theory lists, written under way alone in any of the
    ways lists write it, holds none; written without the mark, it is held."""
    codes, code = level
    name = level_name(code, "vi", codes)
    cells = pd.Series([mark.format(name), name, None])
    assert only_under_way(cells, codes).tolist() == [True, False, False]


def test_the_list_level_columns() -> None:
    """The columns read so: the degree's and theory level's, and the form's optional
    levels."""
    assert LIST_LEVELS == {
        "cadres.state_management": "state_management",
        "cadres.it_level": "it_level",
        "cadres.foreign_language": "language",
        "cadres.general_education": "general_education",
        "degrees.level": "education",
        "theory.level": "theory",
    }
