"""Layouts of official forms and statistical lists: a level marked in its own column, a
header naming whose field it is, the row numbering the columns.

Statistical lists of cadres ("Trình độ chuyên môn" over "Trung cấp | Cao đẳng | Đại học |
Thạc sĩ", "Lý luận chính trị" over "Sơ cấp | Trung cấp | Cao cấp") put an "x" under the
level each person holds. Such columns were listed as not read, and the degrees and the
theory were left unknown. They are read as the level their header names; under a degree's
level, words instead of a mark are the degree's field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_flat_lists import lists, write_list

from cadre_core import read_roster
from cadre_core.roster import _normalize as nz

LEVELS = {
    "education": ("Trình độ chuyên môn", {"trung_cap": "Trung cấp", "cao_dang": "Cao đẳng",
                  "dai_hoc": "Đại học", "thac_si": "Thạc sĩ", "tien_si": "Tiến sĩ"}),
    "theory": ("Lý luận chính trị", {"so_cap": "Sơ cấp", "trung_cap": "Trung cấp",
               "cao_cap": "Cao cấp", "cu_nhan": "Cử nhân"}),
}  # fmt: skip
MARKS = st.sampled_from(["x", "X", "✓", "1", "có", " x "])


def _code(spelled: object, family: str) -> object:
    if spelled is None:
        return None
    return nz.normalise_code(pd.Series([spelled], dtype=object), codes=family)[0].iloc[0]


@settings(max_examples=20, deadline=None)
@given(case=lists(), data=st.data())
def test_levels_marked_in_their_columns_read_as_written_out(
    case: Any, data: st.DataObject, tmp_path_factory: Any
) -> None:
    """Any list the list tests write, its degree and theory written instead as marks
    under their levels: the same roster as the list that writes them out."""
    _, day, people, spec = case
    folder = tmp_path_factory.mktemp("marks")
    title = ("ỦY BAN NHÂN DÂN", f"DANH SÁCH CÁN BỘ tính đến ngày {day:%d/%m/%Y}")
    write_list(folder / "chu.xlsx", people, title=title, **spec)
    columns = [c for c in spec["columns"] if c[2] not in LEVELS]
    marked = [dict(p) for p in people]
    for family, (top, names) in LEVELS.items():
        if not any(c[2] == family for c in spec["columns"]):
            continue
        for code, name in names.items():
            columns.append((top, name, f"{family}:{code}"))
        for p in marked:
            held = _code(p[family], family)
            for code in names:
                p[f"{family}:{code}"] = data.draw(MARKS) if held == code else None
    write_list(folder / "dau.xlsx", marked, title=title, columns=columns, groups=spec["groups"])
    want, got = read_roster(folder / "chu.xlsx"), read_roster(folder / "dau.xlsx")
    for table in ("cadres", "degrees", "theory", "assignments"):
        if table not in want.tables:
            assert table not in got.tables or got.tables[table].empty
            continue
        a, b = want.tables[table], got.tables[table]
        for column in ("level", "cadre_id"):
            if column in a:
                assert a[column].astype(str).tolist() == b[column].astype(str).tolist(), table
    assert not [p for p in got.problems if p.key == "column_not_read" and "/" in str(p.column)]


def test_marks_words_no_marks_and_two_marks(tmp_path: Path) -> None:
    """Words under a degree's level are its field; "0", "-" or "không" mark nothing; of
    two marks, the higher level is held; the gender too may be marked ("Giới tính" over
    "Nam" and "Nữ")."""
    people = [
        {"name": "Lò Văn An", "birth": "12/03/1975", "e:dai_hoc": "Luật", "t:cao_cap": "x",
         "male": "x"},
        {"name": "Lò Thị Bình", "birth": "01/07/1988", "e:dai_hoc": "x", "e:thac_si": "x",
         "t:so_cap": "-", "t:trung_cap": "x", "female": "x"},
        {"name": "Vàng A Chu", "birth": "20/10/1990", "e:dai_hoc": "0", "t:so_cap": "không",
         "male": "X"},
    ]  # fmt: skip
    columns = [("STT", None, "stt"), ("Họ và tên", None, "name"), ("Ngày sinh", None, "birth"),
               ("Giới tính", "Nam", "male"), ("Giới tính", "Nữ", "female")]  # fmt: skip
    columns += [("Trình độ chuyên môn", n, f"e:{c}") for c, n in LEVELS["education"][1].items()]
    columns += [("Lý luận chính trị", n, f"t:{c}") for c, n in LEVELS["theory"][1].items()]
    path = tmp_path / "ds.xlsx"
    write_list(path, people, title=("DANH SÁCH CÁN BỘ tính đến ngày 31/12/2025",),
               columns=columns)  # fmt: skip
    roster = read_roster(path)
    names = roster.cadres.set_index("cadre_id")["full_name"]
    degrees = roster.tables["degrees"].assign(name=lambda f: f["cadre_id"].map(names))
    theory = roster.tables["theory"].assign(name=lambda f: f["cadre_id"].map(names))
    assert roster.cadres.set_index("full_name")["gender"].astype(str).to_dict() == {
        "Lò Văn An": "male", "Lò Thị Bình": "female", "Vàng A Chu": "male"}  # fmt: skip
    assert degrees.set_index("name")["level"].to_dict() == {
        "Lò Văn An": "dai_hoc", "Lò Thị Bình": "thac_si"}  # fmt: skip
    assert degrees.set_index("name")["field"].to_dict()["Lò Văn An"] == "Luật"
    assert theory.set_index("name")["level"].to_dict() == {
        "Lò Văn An": "cao_cap", "Lò Thị Bình": "trung_cap"}  # fmt: skip


@pytest.mark.parametrize(
    ("parents", "leaf", "column", "mark"),
    [
        (["Trình độ chuyên môn"], "Đại học", "level", "dai_hoc"),
        (["Trình độ", "Lý luận chính trị"], "Trung cấp", "level", "trung_cap"),
        (["Quản lý nhà nước"], "Chuyên viên chính", "state_management", "chuyen_vien_chinh"),
        (["Trình độ"], "Chuyên môn", "level", None),  # a header, not a level
        (["Giới tính"], "Nữ", "gender", "female"),
        (["Ngày sinh"], "Nữ", "birth_date", None),  # a birth day under the gender
    ],
)
def test_the_nearest_header_names_the_level(
    parents: list[str], leaf: str, column: str, mark: str | None
) -> None:
    from cadre_core.roster._flat_header import resolve

    field = resolve([*parents, leaf])
    assert field is not None and (field.column, field.mark) == (column, mark)
    if parents[-1] == "Lý luận chính trị":
        assert field.table == "theory"


@pytest.mark.parametrize(
    ("labels", "year"),
    [
        (["Đánh giá, xếp loại CBCC"], None),
        (["Xếp loại cán bộ, công chức năm 2024"], 2024),
        (["Kết quả đánh giá, xếp loại CBCCVC", "Năm 2023"], 2023),
        (["Xếp loại đánh giá"], None),
    ],
)
def test_a_rating_header_naming_whose_rating_it_is(labels: list[str], year: int | None) -> None:
    """A header followed by the people it is of ("CBCC", "cán bộ, công chức") is the
    header's own field; its year is the rating's."""
    from cadre_core.roster._flat_header import resolve

    field = resolve(labels)
    assert field is not None and (field.table, field.column, field.year) == (
        "ratings", "rating", year)  # fmt: skip


@pytest.mark.parametrize(
    "numbers",
    [["(1)", "(2)", "(3)", "(4)", "(5)"], ["A", "B", "1", "2", "3"], [1, 2, 3, 4, 5],
     ["1", "2", "3", "4", "5=3+4"], ["[1]", "[2]", "[3]", "[4]", "[5]"]],
    ids=["brackets", "letters", "numbers", "sum", "square"],
)  # fmt: skip
def test_the_column_numbers_official_forms_print_under_the_header(
    tmp_path: Path, numbers: list[object]
) -> None:
    """The row numbering the columns under the header is no person, however a form
    numbers them."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ TẢ LÈNG (tính đến ngày 31/12/2025)"])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Trình độ chuyên môn"])
    ws.append(numbers)
    ws.append([1, "Lò Văn An", "12/03/1975", "Chủ tịch UBND xã", "Đại học"])
    ws.append([2, "Trần Thị Bình", "01/07/1988", "Công chức Văn phòng - Thống kê", "Thạc sĩ"])
    wb.save(tmp_path / "ds.xlsx")
    roster = read_roster(tmp_path / "ds.xlsx")
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Trần Thị Bình"]
    assert not [p for p in roster.problems if p.key == "row_no_person"]


def test_total_rows_are_no_people_and_end_nothing(tmp_path: Path) -> None:
    """ "Tổng số" above the people, "Cộng" after each group (with its counts), "Tổng
    cộng" at the end: no person, no group, and the people after a total are read; the
    rows are named in one warning. A comrade's "Đ/c" is no part of the name."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ TẢ LÈNG (tính đến ngày 31/12/2025)"])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Trình độ chuyên môn"])
    ws.append([None, "Tổng số: 3 người", 3, None, None])
    ws.append(["I", "Khối Đảng", None, None, None])
    ws.append([1, "Đ/c Lò Văn An", "12/03/1975", "Bí thư Đảng ủy", "Đại học"])
    ws.append([None, "Cộng: 1 người", 1, None, None])
    ws.append(["II", "Khối chính quyền", None, None, None])
    ws.append([2, "Trần Văn Bình", "01/07/1988", "Chủ tịch UBND xã", "Thạc sĩ"])
    ws.append([3, "đ/c Lò Thị Cúc", "01/07/1990", "Công chức Văn phòng - Thống kê", "Đại học"])
    ws.append([None, "Cộng", 2, None, None])
    ws.append([None, "Tổng cộng", 3, None, None])
    ws.append([None, "Người lập biểu", None, None, None])
    wb.save(tmp_path / "ds.xlsx")
    roster = read_roster(tmp_path / "ds.xlsx")
    assert roster.cadres["full_name"].tolist() == ["Lò Văn An", "Trần Văn Bình", "Lò Thị Cúc"]
    (said,) = [p for p in roster.problems if p.key == "subtotal_rows"]
    assert dict(said.args)["rows"] == "3, 6, 10, 11"
    assert not [p for p in roster.problems if p.key == "row_no_person"]


def test_a_workbook_of_one_sheet_per_commune(tmp_path: Path) -> None:
    """Each sheet's title rows name its own commune, and its people are of that commune
    (they were all put in the first sheet's); a sheet naming none is of the file's."""
    import openpyxl

    import cadre_core

    wb = openpyxl.Workbook()
    sheets = [("TẢ LÈNG", ["Lò Văn An"]), ("BẢN HON", ["Trần Thị Bình", "Vàng A Chu"]),
              (None, ["Lò Thị Dung"])]  # fmt: skip
    for n, (commune, people) in enumerate(sheets):
        ws = wb.active if n == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = f"Trang {n + 1}"
        if commune is not None:
            ws.append([f"ỦY BAN NHÂN DÂN XÃ {commune}"])
        ws.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC (tính đến ngày 31/12/2025)"])
        ws.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ"])
        for i, name in enumerate(people):
            ws.append([i + 1, name, f"0{i + 1}/03/1980", "Chủ tịch UBND xã"])
    wb.save(tmp_path / "ds.xlsx")
    roster = read_roster(tmp_path / "ds.xlsx")
    ev = cadre_core.evaluate(roster, "2026-12-31", by_commune=True, findings=False)
    assert sorted(c.commune for c in ev.communes) == ["Xã Bản Hon", "Xã Tả Lèng"]
    t = roster.tables
    where = (
        t["assignments"]
        .merge(t["positions"], on="position_code")
        .merge(t["agencies"], on="agency_code")
        .merge(t["cadres"], on="cadre_id")
        .set_index("full_name")["commune"]
        .to_dict()
    )
    assert where == {"Lò Văn An": "Xã Tả Lèng", "Trần Thị Bình": "Xã Bản Hon",
                     "Vàng A Chu": "Xã Bản Hon", "Lò Thị Dung": "Xã Tả Lèng"}  # fmt: skip


def test_sheets_naming_different_days_are_said(tmp_path: Path) -> None:
    """A workbook whose sheets' titles name different days is read on one of them (the
    first named), and that is said with every sheet's day; ``--list-date`` silences it."""
    import openpyxl

    wb = openpyxl.Workbook()
    for n, (commune, day) in enumerate([("TẢ LÈNG", "31/12/2025"), ("BẢN HON", "30/06/2025")]):
        ws = wb.active if n == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = commune.title()
        ws.append([f"ỦY BAN NHÂN DÂN XÃ {commune}"])
        ws.append([f"DANH SÁCH CÁN BỘ, CÔNG CHỨC (tính đến ngày {day})"])
        ws.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ"])
        ws.append([1, f"Lò Văn {n}", "12/03/1975", "Chủ tịch UBND xã"])
    wb.save(tmp_path / "ds.xlsx")
    roster = read_roster(tmp_path / "ds.xlsx")
    (said,) = [p for p in roster.problems if p.key == "list_days_differ"]
    assert dict(said.args)["days"] == "31/12/2025 ('Tả Lèng'), 30/06/2025 ('Bản Hon')"
    assert str(roster.list_date) == "2025-12-31"
    given = read_roster(tmp_path / "ds.xlsx", list_date="2025-06-30")
    assert not [p for p in given.problems if p.key == "list_days_differ"]
