"""A person's name written over two columns under one "Họ và tên" merged across them,
with no header under it ("Lò Văn" | "Pấng": clerks keep the given name apart to sort by
it).

Before, only the first column was read: every name lost its given name ("Lò Văn"), two
people "Lò Văn Pấng" and "Lò Văn Hùng" became two "Lò Văn", and the only word was that
the second column was not read. Now the two columns are the name's parts, joined left to
right with one space, as under a header naming them ("Họ đệm", "Tên"), and the join is
said once in a warning.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import read_roster

TITLE = ("ỦY BAN NHÂN DÂN XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)")
HEAD = ["STT", "Họ và tên", None, "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ",
        "Trình độ chuyên môn", "Lý luận chính trị"]  # fmt: skip
PEOPLE = [
    ("Lò Văn Pấng", "12/03/1972", "Nam", "Thái", "Bí thư Đảng ủy xã", "Đại học", "Cao cấp"),
    ("Vàng Thị Mỷ", "05/07/1985", "Nữ", "Mông", "Phó Chủ tịch UBND xã", "Đại học",
     "Trung cấp"),
    ("Lò Văn Hùng", "20/01/1978", "Nam", "Thái", "Công chức Tư pháp - Hộ tịch", "Thạc sĩ",
     "Cao cấp"),
    ("Sùng A Chứ", "02/11/1988", "Nam", "Mông", "Chủ tịch Hội Nông dân xã", "Cao đẳng",
     "Trung cấp"),
]  # fmt: skip
MERGED = ("B3:C3",)  # "Họ và tên" over columns B and C, on the header row (row 3)


def _rows(people: list[tuple[Any, ...]], split: list[int] | None = None) -> list[list[Any]]:
    """The list of ``people``, each name cut after its ``split`` words (all but the last)."""
    rows: list[list[Any]] = [[t] for t in TITLE] + [list(HEAD)]
    for n, (name, *rest) in enumerate(people):
        words = name.split()
        at = len(words) - 1 if split is None else split[n]
        rows.append([n + 1, " ".join(words[:at]) or None, " ".join(words[at:]) or None, *rest])
    return rows


def _names(path: Path) -> list[str]:
    return [str(v) for v in read_roster(path).tables["cadres"]["full_name"]]


def test_merged_name_header_reads_both_parts(tmp_path: Path) -> None:
    """Before: "Lò Văn", "Vàng Thị" ... (the given name dropped)."""
    path = sheet(tmp_path / "ds.xlsx", _rows(PEOPLE), merged=MERGED)
    assert _names(path) == [p[0] for p in PEOPLE]


def test_namesakes_by_family_and_middle_stay_two_people(tmp_path: Path) -> None:
    """Before: "Lò Văn Pấng" and "Lò Văn Hùng" were both read as "Lò Văn", and the
    evaluation named people by half their names."""
    path = sheet(tmp_path / "ds.xlsx", _rows(PEOPLE), merged=MERGED)
    done = run("evaluate", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    said = {v for v in _values(report, "subject_name")}
    assert said <= {p[0] for p in PEOPLE}
    assert "not read" not in done.stderr
    # the join is said once, naming both columns
    checked = run("validate", str(path))
    assert checked.stdout.count("two columns under one merged header") == 1
    assert "(column B) + " in checked.stdout and "(column C)" in checked.stdout


def _values(node: object, key: str) -> list[object]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == key] + [
            x for v in node.values() for x in _values(v, key)
        ]
    if isinstance(node, list):
        return [x for v in node for x in _values(v, key)]
    return []


def test_blank_part_is_skipped(tmp_path: Path) -> None:
    """A name typed whole in the first column, the second blank: read as typed, with no
    space added."""
    rows = _rows(PEOPLE)
    rows[3][1:3] = ["Lò Văn Pấng", None]
    path = sheet(tmp_path / "ds.xlsx", rows, merged=MERGED)
    assert _names(path)[0] == "Lò Văn Pấng"


def test_unlabelled_dates_beside_the_name_are_no_part_of_it(tmp_path: Path) -> None:
    """A column with no header beside the name holding days is not the name's: said as
    not read, as before."""
    rows = _rows(PEOPLE)
    for row in rows[3:]:
        row[1], row[2] = f"{row[1]} {row[2]}", row[3]
    path = sheet(tmp_path / "ds.xlsx", rows)
    assert _names(path) == [p[0] for p in PEOPLE]
    done = run("validate", str(path))
    assert "(column C)" in done.stdout + done.stderr


@pytest.mark.parametrize("column", [4, 5])  # the ethnic group's, the post's
def test_unlabelled_words_beside_the_name_are_no_part_of_it(tmp_path: Path, column: int) -> None:
    """A column with no header beside the name holding ethnic groups ("Thái", "Mông") or
    posts ("Bí thư Đảng ủy xã") is not the name's given name."""
    rows = _rows(PEOPLE)
    for row in rows[3:]:
        row[1], row[2] = f"{row[1]} {row[2]}", row[column + 1]
    path = sheet(tmp_path / "ds.xlsx", rows)
    assert _names(path) == [p[0] for p in PEOPLE]


def test_named_parts_under_the_merge_unchanged(tmp_path: Path) -> None:
    """The two-row layout ("Họ đệm" | "Tên" under the merge) reads as before."""
    rows = _rows(PEOPLE)
    rows.insert(3, [None, "Họ đệm", "Tên"])
    path = sheet(tmp_path / "ds.xlsx", rows, merged=("B3:C3", "A3:A4", "D3:D4"))
    assert _names(path) == [p[0] for p in PEOPLE]


_SYLLABLE = st.sampled_from(["Lò", "Văn", "Pấng", "Thị", "Mỷ", "Sùng", "A", "Chứ", "Giàng",
                             "Dế", "Nguyễn", "Hằng", "Lường", "Bình", "Đức", "Quàng"])  # fmt: skip


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_split_reads_back_whole(tmp_path: Path, data: st.DataObject) -> None:
    """Names of 2 to 4 words, cut anywhere between two words, read back whole."""
    names = data.draw(
        st.lists(st.lists(_SYLLABLE, min_size=2, max_size=4).map(" ".join), min_size=2,
                 max_size=4, unique=True)
    )  # fmt: skip
    split = [data.draw(st.integers(1, len(n.split()) - 1)) for n in names]
    people = [(n, *PEOPLE[k % len(PEOPLE)][1:]) for k, n in enumerate(names)]
    path = sheet(tmp_path / "ds.xlsx", _rows(people, split), merged=MERGED)
    assert _names(path) == names


def test_family_middle_given_in_three_columns(tmp_path: Path) -> None:
    """ "Họ | Tên đệm | Tên" (HR exports). Before, the middle name was dropped ("Lò Pấng")
    and its column said as not read."""
    rows: list[list[Any]] = [[t] for t in TITLE]
    rows.append(["STT", "Họ", "Tên đệm", "Tên", *HEAD[3:]])
    for n, (name, *rest) in enumerate(PEOPLE):
        words = name.split()
        rows.append([n + 1, words[0], " ".join(words[1:-1]), words[-1], *rest])
    path = sheet(tmp_path / "ds.xlsx", rows)
    assert _names(path) == [p[0] for p in PEOPLE]
    checked = run("validate", str(path))
    assert checked.returncode == 0 and "not read" not in checked.stdout
    # a column between the two that is no middle name is no part of the name: said
    rows[len(TITLE)][2] = "Quê quán"
    other = sheet(path.with_name("que.xlsx"), rows)
    assert _names(other) == [f"{p[0].split()[0]} {p[0].split()[-1]}" for p in PEOPLE]
    assert "Quê quán (column C)" in run("validate", str(other)).stdout
