"""A workbook keeping one sheet per body of the commune ("Đảng ủy", "HĐND xã", "UBND xã",
"UBMTTQ"), with no agency column nor group rows: each sheet's people in its body.

Before, such a workbook was read as ONE agency named after the commune, with no bloc and
no word: nq05.8 (per agency) counted 1, per-agency caps saw one agency of everyone. Each
list is built here as an office keeps it and read through ``read_roster`` and the real
``cadre`` command; workbooks whose sheets are communes, months or "Sheet1", "Sheet2" are
read as before.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, workbook

from cadre_core.roster import read_roster
from cadre_core.roster._flat_bodies import body_named

ISSUER = ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"]
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ",
        "Trình độ chuyên môn", "Lý luận chính trị"]  # fmt: skip
BODIES: dict[str, list[list[Any]]] = {
    "Đảng ủy": [
        ["Lò Văn Pấng", "12/03/1972", "Nam", "Thái", "Bí thư Đảng ủy xã", "Đại học Luật",
         "Cao cấp"],
        ["Vàng Thị Mỷ", "05/07/1985", "Nữ", "Mông", "Phó Bí thư Thường trực Đảng ủy xã",
         "Đại học Kinh tế", "Cao cấp"],
    ],
    "HĐND xã": [
        ["Đèo Văn Khiêm", "03/10/1976", "Nam", "Thái", "Phó Chủ tịch HĐND xã", "Đại học Luật",
         "Cao cấp"],
    ],
    "UBND xã": [
        ["Tao Văn Hùng", "20/01/1978", "Nam", "Thái", "Chủ tịch UBND xã",
         "Thạc sĩ Quản lý công", "Cao cấp"],
        ["Lường Thị Bình", "30/04/1995", "Nữ", "Thái", "Công chức Văn phòng - Thống kê",
         "Đại học Hành chính", None],
    ],
    "UBMTTQ": [
        ["Sùng A Chứ", "02/11/1988", "Nam", "Mông", "Chủ tịch Ủy ban MTTQ Việt Nam xã",
         "Cao đẳng Sư phạm", "Trung cấp"],
    ],
}  # fmt: skip
BLOC = {"Đảng ủy": "party_front", "HĐND xã": "government", "UBND xã": "government",
        "UBMTTQ": "party_front"}  # fmt: skip


def _rows(title: str, people: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """A sheet: the issuer, the list's title line, the header and its people."""
    return [ISSUER, [f"{title} (tính đến ngày 31/12/2025)"], HEAD,
            *[[i, *p] for i, p in enumerate(people, 1)]]  # fmt: skip


def _book(path: Path, names: Sequence[str], titles: Sequence[str] | None = None) -> Path:
    """The people of :data:`BODIES`, one sheet per body, named ``names`` and titled
    ``titles`` (by default "DANH SÁCH CÁN BỘ, CÔNG CHỨC" and the body in capitals)."""
    titles = titles or [f"DANH SÁCH CÁN BỘ, CÔNG CHỨC {b.upper()}" for b in BODIES]
    sheets = [(n, _rows(t, people)) for n, t, people in zip(names, titles, BODIES.values(),
                                                              strict=True)]  # fmt: skip
    return workbook(path, sheets)


def _agency_of(path: Path) -> pd.DataFrame:
    """Each person's agency name, commune and bloc, by name."""
    roster = read_roster(path)
    held = roster.assignments.merge(roster.positions, on="position_code")
    held = held.merge(roster.agencies, on="agency_code", suffixes=("", "_agency"))
    held = held.merge(roster.cadres[["cadre_id", "full_name"]], on="cadre_id")
    frame: pd.DataFrame = held.set_index("full_name")[["name", "commune", "bloc"]]
    return frame.astype(object)


def _evaluate(path: Path) -> dict[str, Any]:
    out = path.with_suffix(".json")
    done = run("evaluate", str(path), "--as-of", "2026-12-31", "--format", "json", "-o", str(out))
    assert done.returncode == 0, done.stderr + done.stdout
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def _expected(names: Sequence[str]) -> dict[str, list[Any]]:
    return {
        p[0]: [name, "Xã Nậm Tăm", BLOC[body]]
        for name, (body, people) in zip(names, BODIES.items(), strict=True)
        for p in people
    }


def test_sheet_per_body_gives_an_agency_per_sheet(tmp_path: Path) -> None:
    """Before: one agency "Xã Nậm Tăm" with no bloc, nq05.8 population 1 (truth 4)."""
    path = _book(tmp_path / "co_quan.xlsx", list(BODIES))
    got = _agency_of(path)
    assert {k: list(v) for k, v in got.iterrows()} == _expected(list(BODIES))
    result = _evaluate(path)
    (commune,) = result["communes"]
    (nq058,) = [t for t in commune["targets"] if t["id"] == "nq05.8"]
    assert nq058["population"] == 4
    (said,) = [w for w in result["warnings"] if w["key"] == "agency_from_sheet"]
    assert "'Đảng ủy' → 'Đảng ủy'" in said["message"] and "'UBMTTQ' → 'UBMTTQ'" in said["message"]


def test_title_rows_name_the_body_of_sheets_named_otherwise(tmp_path: Path) -> None:
    """Sheets "Sheet1".."Sheet4" titled "DANH SÁCH CÁN BỘ ĐẢNG ỦY XÃ" etc.: the title's body.
    Before: one agency for the commune."""
    titles = ["DANH SÁCH CÁN BỘ ĐẢNG ỦY XÃ", "DANH SÁCH CÁN BỘ HĐND XÃ",
              "DANH SÁCH CÁN BỘ, CÔNG CHỨC UBND XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ ỦY BAN MTTQ XÃ"]  # fmt: skip
    path = _book(tmp_path / "tieu_de.xlsx", ["Sheet1", "Sheet2", "Sheet3", "Sheet4"], titles)
    got = _agency_of(path)
    assert dict(zip(got.index, got["name"], strict=True)) == {
        "Lò Văn Pấng": "ĐẢNG ỦY XÃ", "Vàng Thị Mỷ": "ĐẢNG ỦY XÃ", "Đèo Văn Khiêm": "HĐND XÃ",
        "Tao Văn Hùng": "UBND XÃ NẬM TĂM", "Lường Thị Bình": "UBND XÃ NẬM TĂM",
        "Sùng A Chứ": "ỦY BAN MTTQ XÃ",
    }  # fmt: skip
    assert set(got["commune"]) == {"Xã Nậm Tăm"}
    assert dict(zip(got.index, got["bloc"], strict=True))["Đèo Văn Khiêm"] == "government"


@pytest.mark.parametrize(
    "names",
    [
        ["Sheet1", "Sheet2", "Sheet3", "Sheet4"],
        ["Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4"],
        ["Đảng ủy", "HĐND xã", "UBND xã", "Sheet4"],  # not every sheet names a body
    ],
)
def test_sheets_naming_no_body_read_as_before(tmp_path: Path, names: list[str]) -> None:
    """Sheets named otherwise (and titled "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ"): one agency for
    the commune, no bloc, as before."""
    titles = ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ"] * 4
    path = _book(tmp_path / "khac.xlsx", names, titles)
    got = _agency_of(path)
    assert set(got["name"]) == {"Xã Nậm Tăm"} and got["bloc"].isna().all()
    assert not [p for p in read_roster(path).problems if p.key == "agency_from_sheet"]


def test_sheets_of_communes_read_as_before(tmp_path: Path) -> None:
    """A workbook of one sheet per commune, titled by a body ("DANH SÁCH CÁN BỘ UBND XÃ",
    "... ĐẢNG ỦY XÃ") under each commune's issuer: an agency per commune, as before."""
    sheets = [
        (name, [[f"ỦY BAN NHÂN DÂN {name.upper()}"],
                [f"DANH SÁCH CÁN BỘ {body.upper()} (tính đến ngày 31/12/2025)"], HEAD,
                *[[i, *p] for i, p in enumerate(BODIES[body], 1)]])
        for name, body in [("Xã Nậm Tăm", "UBND xã"), ("Xã Nậm Cuổi", "Đảng ủy")]
    ]  # fmt: skip
    path = workbook(tmp_path / "xa.xlsx", sheets)
    got = _agency_of(path)
    assert set(zip(got["name"], got["commune"], strict=True)) == {
        ("Xã Nậm Tăm", "Xã Nậm Tăm"), ("Xã Nậm Cuổi", "Xã Nậm Cuổi")}  # fmt: skip


def test_an_agency_column_wins(tmp_path: Path) -> None:
    """A row naming its agency keeps it; the sheet's body is for rows giving none."""
    head = [*HEAD, "Đơn vị"]
    sheets = [
        (name, [ISSUER, ["DANH SÁCH (tính đến ngày 31/12/2025)"], head,
                *[[i, *p, "Văn phòng Đảng ủy" if p[0] == "Vàng Thị Mỷ" else None]
                  for i, p in enumerate(people, 1)]])
        for name, people in BODIES.items()
    ]  # fmt: skip
    got = _agency_of(workbook(tmp_path / "cot.xlsx", sheets))
    names = dict(zip(got.index, got["name"], strict=True))
    assert names["Vàng Thị Mỷ"] == "Văn phòng Đảng ủy"
    assert names["Lò Văn Pấng"] == "Đảng ủy" and names["Sùng A Chứ"] == "UBMTTQ"


@settings(max_examples=40, deadline=None)
@given(
    body=st.sampled_from(["Đảng ủy", "Đảng uỷ", "HĐND", "UBND", "UBMTTQ", "MTTQ",
                          "Ủy ban MTTQ Việt Nam", "Văn phòng HĐND - UBND", "Hội Nông dân"]),
    place=st.sampled_from(["", " xã", " xã Nậm Tăm", " phường Tân Phong"]),
    case=st.sampled_from([str, str.upper]),
)  # fmt: skip
def test_body_named_whatever_the_place_and_case(body: str, place: str, case: Any) -> None:
    """A body's name, with or without its place, in any case, names a body and its bloc."""
    found = body_named(case(body + place))
    assert found is not None and found[0] == case(body + place)
    assert found[1] in ("party_front", "government")


@pytest.mark.parametrize("name", ["Xã Nậm Tăm", "Tháng 12", "Sheet1", "2025", "Tổng hợp",
                                  "DS cán bộ", "Phường 3", "Văn hóa - xã hội"])  # fmt: skip
def test_other_names_name_no_body(name: str) -> None:
    assert body_named(name) is None
