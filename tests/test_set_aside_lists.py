"""``--skip-invalid`` on one-row-per-person lists and on duplicate ids.

A bad optional cell of a cadre that the official forms count (the day of joining the
Party, ...) is set aside alone: the person, their post and degree stay. A duplicate
"Mã cán bộ" sets aside its row and every row made from it (the post, the degree, the
rating of that row), never attaching them to the other person of the same id; in the
tables format, where the rows that refer to a duplicated id cannot be told apart, they
are set aside with every row holding the id, each said.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from cadre_core import Roster
from cadre_core.roster import RosterError, read_roster
from cadre_core.roster._problems import Problem

DAY = dt.date(2025, 12, 31)
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
TITLES = [
    "Công chức Tư pháp - Hộ tịch",
    "Công chức Văn phòng - Thống kê",
    "Công chức Tài chính - Kế toán",
    "Công chức Văn hóa - Xã hội",
]
NAMES = ["Lò Văn An", "Tao Thị Bình", "Vàng A Chứ", "Giàng Thị Dung"]


def _book(path: Path, head: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    """A list of one sheet: the header on row 1, a person on each row below."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách"
    ws.append(list(head))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _person(i: int, *more: Any) -> list[Any]:
    """The person of list row ``i + 2``: STT, name, birth, gender, title, degree."""
    gender = "Nam" if i % 2 == 0 else "Nữ"
    return [i + 1, NAMES[i], f"1{i}/03/198{i}", gender, TITLES[i], "Đại học Luật", *more]


def _read(path: Path) -> Roster:
    return read_roster(path, list_date=DAY, skip_invalid=True)


def _aside(roster: Roster) -> set[tuple[str | None, int | None, str | None, str | None]]:
    return {(p.table, p.row, p.scope, p.key) for p in roster.skipped}


# ------------------------------------------------------- A: a bad optional cell alone


@pytest.mark.parametrize(
    ("header", "column", "bad"),
    [
        # (eight figures that are a day, 20100501, read as one: ISO's basic format)
        ("Ngày vào Đảng", "party_join_date", ["2010", "5/2012", 20101399]),
        ("Ngày tham gia BHXH", "insurance_start", ["2015", "7/2016", 20171301]),
        ("Cấp ủy", "party_committee", ["có lẽ", "??", "chưa rõ"]),
    ],
)
def test_a_bad_optional_cadre_cell_keeps_the_person(
    tmp_path: Path, header: str, column: str, bad: list[Any]
) -> None:
    good = "01/05/2010" if column != "party_committee" else "x"
    rows = [_person(i, v) for i, v in enumerate([*bad, good])]
    path = _book(tmp_path / "ds.xlsx", [*HEAD, header], rows)
    with pytest.raises(RosterError) as said:
        read_roster(path, list_date=DAY)
    errors = [(p.row, p.column) for p in said.value.errors]
    assert errors == [(r, f"{header} (column G)") for r in (2, 3, 4)]

    roster = _read(path)
    # every person, their post and degree kept
    assert roster.cadres["full_name"].tolist() == NAMES
    assert sorted(roster.assignments["cadre_id"]) == sorted(roster.cadres["cadre_id"])
    assert sorted(roster.degrees["cadre_id"]) == sorted(roster.cadres["cadre_id"])
    # the bad cells set aside, each said, and nothing else
    assert {(p.row, p.column, p.scope) for p in roster.skipped} == {
        (r, f"{header} (column G)", "cell") for r in (2, 3, 4)
    }
    assert all(p.table == "cadres" for p in roster.skipped)
    values = roster.cadres[column].tolist()
    if column == "party_committee":
        assert values == [False, False, False, True]  # a blank yes/no cell reads as "no"
    else:
        assert [pd.isna(v) for v in values] == [True, True, True, False]
    counts = roster.accounting()
    assert counts["cadres"] == {"read": 4, "kept": 4, "skipped": 0, "cells": 3}
    assert counts["assignments"]["skipped"] == counts["degrees"]["skipped"] == 0


def test_the_probe_list_of_optional_cells(tmp_path: Path) -> None:
    """The list of the report: a year as a Party day, a bad IT level and grade, a birth
    date that is no day: four cells set aside, four people kept."""
    head = [*HEAD, "Ngày vào Đảng", "Tin học", "Ngạch"]
    cells = [("2010", "A", "Chuyên viên"), ("01/05/2010", "Tin học bằng X", "Chuyên viên"),
             ("01/05/2010", "A", "Chuyên viên xịn"), ("01/05/2010", "A", "Chuyên viên")]  # fmt: skip
    rows = [_person(i, *c) for i, c in enumerate(cells)]
    rows[3][2] = "12/3/80"
    roster = _read(_book(tmp_path / "ds.xlsx", head, rows))
    assert len(roster.cadres) == len(roster.assignments) == len(roster.degrees) == 4
    assert {(p.row, p.column.split(" (")[0]) for p in roster.skipped if p.column} == {
        (2, "Ngày vào Đảng"),
        (3, "Tin học"),
        (4, "Ngạch"),
        (5, "Ngày sinh"),
    }
    assert {p.scope for p in roster.skipped} == {"cell"}


def test_a_bad_left_date_still_sets_the_row_aside_with_its_rows(tmp_path: Path) -> None:
    """A blank day of leaving would say the person is still in post: the row goes, and
    the rows made from it go with it, each said as such."""
    rows = [_person(i, v) for i, v in enumerate([None, "5/2024", None])]
    roster = _read(_book(tmp_path / "ds.xlsx", [*HEAD, "Ngày nghỉ việc"], rows))
    assert roster.cadres["full_name"].tolist() == [NAMES[0], NAMES[2]]
    assert set(roster.assignments["cadre_id"]) == set(roster.cadres["cadre_id"])
    assert set(roster.degrees["cadre_id"]) == set(roster.cadres["cadre_id"])
    assert _aside(roster) == {
        ("cadres", 3, "row", "date"),
        ("assignments", 3, "row", "with_its_row"),
        ("degrees", 3, "row", "with_its_row"),
    }


# ------------------------------------------------------- B: a duplicate id in a list


def _duplicate_list(tmp_path: Path) -> Path:
    head = ["STT", "Mã cán bộ", *HEAD[1:], "Lý luận chính trị", "Xếp loại năm 2025"]
    people = [
        (1001, "Trung cấp", "Hoàn thành tốt nhiệm vụ"),
        (1002, "Sơ cấp", "Hoàn thành nhiệm vụ"),
        (1003, None, "Hoàn thành nhiệm vụ"),
        (1001, "Cao cấp", "Hoàn thành xuất sắc nhiệm vụ"),  # row 5: the id of row 2
    ]
    rows = []
    for i, (cid, theory, rating) in enumerate(people):
        stt, *rest = _person(i)
        rows.append([stt, cid, *rest, theory, rating])
    rows[3][6] = "Cao đẳng Kế toán"
    return _book(tmp_path / "ds.xlsx", head, rows)


def test_a_duplicate_id_in_a_list_is_said_by_validate(tmp_path: Path) -> None:
    with pytest.raises(RosterError) as said:
        read_roster(_duplicate_list(tmp_path), list_date=DAY)
    # (and the second rating of the year for that id)
    assert [(p.table, p.row, p.key) for p in said.value.errors] == [
        ("cadres", 5, "unique_id"),
        ("ratings", 5, "single_rating"),
    ]


def test_a_duplicate_id_in_a_list_sets_aside_the_rows_made_from_its_row(tmp_path: Path) -> None:
    roster = _read(_duplicate_list(tmp_path))
    cadres = roster.cadres.set_index("cadre_id")["full_name"]
    assert cadres.to_dict() == {"1001": NAMES[0], "1002": NAMES[1], "1003": NAMES[2]}
    # the person of row 2 keeps their own post, degree, theory and rating, and no other
    titles = roster.positions.set_index("position_code")["title"]
    held = roster.assignments.groupby("cadre_id")["position_code"].agg(list)
    assert {c: [titles[p] for p in ps] for c, ps in held.items()} == {
        "1001": [TITLES[0]],
        "1002": [TITLES[1]],
        "1003": [TITLES[2]],
    }
    degrees = roster.degrees.set_index("cadre_id")
    assert degrees.index.tolist() == ["1001", "1002", "1003"]
    assert degrees.loc["1001", "level"] == "dai_hoc"
    assert roster.theory.set_index("cadre_id")["level"].to_dict() == {
        "1001": "trung_cap",
        "1002": "so_cap",
    }
    assert roster.ratings.set_index("cadre_id")["rating"].to_dict()["1001"] == "good"
    assert len(roster.ratings) == 3
    # the duplicate and every row made from row 5, each said
    assert _aside(roster) == {
        ("cadres", 5, "row", "unique_id"),
        ("assignments", 5, "row", "with_its_row"),
        ("degrees", 5, "row", "with_its_row"),
        ("theory", 5, "row", "with_its_row"),
        ("ratings", 5, "row", "single_rating"),  # set aside for its own error already
    }
    made = [p for p in roster.skipped if p.key == "with_its_row"]
    assert all(p.column == "Mã cán bộ (column B)" for p in made)
    assert all("sheet 'Danh sách'" in p.file for p in made)
    assert "set aside with the row of cadres it was made from" in made[0].describe()
    assert "bỏ qua cùng với dòng cadres (Cán bộ)" in made[0].describe("vi")
    for table in ("cadres", "assignments", "degrees", "theory", "ratings"):
        counts = roster.accounting()[table]
        assert counts["read"] == counts["kept"] + counts["skipped"]
        assert counts["skipped"] == 1, table


def test_a_list_without_ids_sets_aside_a_persons_rows_with_them(tmp_path: Path) -> None:
    """A person set aside (a name missing) takes the post and degree made from their row,
    said as such, rather than as references to an id the list never held."""
    rows = [_person(i) for i in range(3)]
    rows[1][1] = None
    roster = _read(_book(tmp_path / "ds.xlsx", HEAD, rows))
    assert roster.cadres["full_name"].tolist() == [NAMES[0], NAMES[2]]
    assert _aside(roster) == {
        ("cadres", 3, "row", "value_required"),
        ("assignments", 3, "row", "with_its_row"),
        ("degrees", 3, "row", "with_its_row"),
    }


# ------------------------------------------------------- B: a duplicate id in tables


def _tables(**changes: pd.DataFrame) -> dict[str, pd.DataFrame]:
    frames = {
        "agencies": pd.DataFrame({"agency_code": ["UB", "DU"], "name": ["UBND", "Đảng ủy"]}),
        "positions": pd.DataFrame(
            {
                "position_code": ["CT", "BT", "CV"],
                "title": ["Chủ tịch UBND", "Bí thư", "Chuyên viên"],
                "agency_code": ["UB", "DU", "UB"],
                "category": ["committee_chair", "party_secretary", "professional"],
            }
        ),
        "cadres": pd.DataFrame(
            {
                "cadre_id": ["C1", "C2", "C3", "C1"],
                "full_name": ["Lò Văn An", "Tao Thị Bình", "Vàng A Chứ", "Giàng Thị Dung"],
                "birth_date": ["1975-03-12", "1982-07-05", "1990-01-20", "1988-11-30"],
            }
        ),
        "assignments": pd.DataFrame(
            {
                "cadre_id": ["C1", "C2", "C3", "C1"],
                "position_code": ["CT", "BT", "CV", "CV"],
                "start_date": "2025-07-01",
            }
        ),
        "degrees": pd.DataFrame({"cadre_id": ["C1", "C2", "C1"], "level": "dai_hoc"}),
    }
    return {**frames, **changes}


def _said(roster: Roster, key: str) -> list[Problem]:
    return [p for p in roster.skipped if p.key == key]


def test_a_duplicate_cadre_id_in_tables_sets_aside_everything_of_that_id() -> None:
    """The rows that refer to a duplicated id cannot be told apart: they are set aside,
    with both rows holding the id, each saying why; the rest is kept."""
    with pytest.raises(RosterError) as said:
        Roster.from_frames(_tables())
    assert [(p.table, p.row, p.key) for p in said.value.errors] == [("cadres", 4, "unique_id")]

    roster = Roster.from_frames(_tables(), skip_invalid=True)
    assert roster.cadres["cadre_id"].tolist() == ["C2", "C3"]
    assert roster.assignments["cadre_id"].tolist() == ["C2", "C3"]
    assert roster.degrees["cadre_id"].tolist() == ["C2"]
    assert _aside(roster) == {
        ("cadres", 4, "row", "unique_id"),
        ("cadres", 1, "row", "ambiguous_id"),
        ("assignments", 1, "row", "ambiguous_reference"),
        ("assignments", 4, "row", "ambiguous_reference"),
        ("degrees", 1, "row", "ambiguous_reference"),
        ("degrees", 3, "row", "ambiguous_reference"),
    }
    refer = _said(roster, "ambiguous_reference")[0]
    assert dict(refer.args)["rows"] == "1, 4" and dict(refer.args)["value"] == "'C1'"
    assert refer.describe() == (
        "<assignments DataFrame>, table assignments, row 1, column cadre_id: set aside: "
        "cadre_id 'C1' is held by several rows of cadres (rows 1, 4), and which of them "
        "this row belongs to cannot be told"
    )
    assert "không thể biết dòng này thuộc về dòng nào" in refer.describe("vi")
    first = _said(roster, "ambiguous_id")[0]
    assert "rows 1, 4 of cadres all hold cadre_id 'C1'" in first.describe()
    counts = roster.accounting()
    assert counts["cadres"] == {"read": 4, "kept": 2, "skipped": 2, "cells": 0}
    assert counts["assignments"]["skipped"] == 2 and counts["degrees"]["skipped"] == 2


def test_a_duplicate_id_nothing_refers_to_keeps_the_first_row() -> None:
    frames = _tables(
        assignments=_tables()["assignments"].iloc[[1, 2]],
        degrees=_tables()["degrees"].iloc[[1]],
    )
    roster = Roster.from_frames(frames, skip_invalid=True)
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Tao Thị Bình", "Vàng A Chứ"]
    assert _aside(roster) == {("cadres", 4, "row", "unique_id")}


def test_a_duplicate_position_code_in_tables_sets_aside_its_assignments() -> None:
    positions = _tables()["positions"]
    twice = pd.concat([positions, positions.iloc[[2]].assign(title="Công chức")])
    roster = Roster.from_frames(
        _tables(
            positions=twice,
            cadres=_tables()["cadres"].iloc[:3],
            assignments=_tables()["assignments"].iloc[:3],
            degrees=_tables()["degrees"].iloc[:2],
        ),
        skip_invalid=True,
    )
    assert roster.positions["position_code"].tolist() == ["CT", "BT"]
    assert roster.assignments["position_code"].tolist() == ["CT", "BT"]
    assert len(roster.cadres) == 3  # the person of the ambiguous post is kept
    assert _aside(roster) == {
        ("positions", 4, "row", "unique_id"),
        ("positions", 3, "row", "ambiguous_id"),
        ("assignments", 3, "row", "ambiguous_reference"),
    }


def test_a_duplicate_agency_code_sets_aside_its_positions_then_their_posts() -> None:
    agencies = _tables()["agencies"]
    frames = _tables(
        agencies=pd.concat([agencies, agencies.iloc[[1]].assign(name="Đảng ủy xã")]),
        cadres=_tables()["cadres"].iloc[:3],
        assignments=_tables()["assignments"].iloc[:3],
        degrees=_tables()["degrees"].iloc[:2],
    )
    roster = Roster.from_frames(frames, skip_invalid=True)
    assert roster.agencies["agency_code"].tolist() == ["UB"]
    assert roster.positions["position_code"].tolist() == ["CT", "CV"]
    assert roster.assignments["position_code"].tolist() == ["CT", "CV"]
    assert _aside(roster) == {
        ("agencies", 3, "row", "unique_id"),
        ("agencies", 2, "row", "ambiguous_id"),
        ("positions", 2, "row", "ambiguous_reference"),
        ("assignments", 2, "row", "listed_in"),  # its position set aside: said next round
    }


def test_a_duplicate_id_in_a_workbook_of_tables(tmp_path: Path) -> None:
    """The same through a workbook of tables read from disk: rows as the sheets number
    them (the header on row 1)."""
    path = tmp_path / "r.xlsx"
    with pd.ExcelWriter(path) as out:
        for name, frame in _tables().items():
            frame.to_excel(out, sheet_name=name, index=False)
    roster = read_roster(path, skip_invalid=True)
    assert roster.cadres["cadre_id"].tolist() == ["C2", "C3"]
    assert _aside(roster) == {
        ("cadres", 5, "row", "unique_id"),
        ("cadres", 2, "row", "ambiguous_id"),
        ("assignments", 2, "row", "ambiguous_reference"),
        ("assignments", 5, "row", "ambiguous_reference"),
        ("degrees", 2, "row", "ambiguous_reference"),
        ("degrees", 4, "row", "ambiguous_reference"),
    }
    assert all(dict(p.args).get("rows", "2, 5") == "2, 5" for p in roster.skipped)
