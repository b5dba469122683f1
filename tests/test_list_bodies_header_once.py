"""A workbook's sheets: each header found once; one table of the commune's bodies, the
police and the military command among them; the body handed on by the sheet's number.

Before, the first rows of every sheet were searched for the list's header three or four
times (the leavers' check, the examples' check, the hidden columns, the bodies), and
each header cell's key was worked out again for every spelling it was compared with; a
workbook of one sheet per body with a sheet "Công an xã" or "Ban CHQS xã" named no body
there, so that none of its sheets gave its people an agency (one agency for the commune,
nothing said); and the body travelled in the grid's pandas ``attrs``, copied by every
frame pandas derived from it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, workbook

from cadre_core.roster import _flat_hidden, _flat_sheets, read_roster
from cadre_core.roster._flat_bodies import body_named
from cadre_core.roster._flat_header import find_header
from cadre_core.roster._grid import Grid
from cadre_core.roster._header_key import header_key
from cadre_core.vocab._bodies import COMMUNE_BODIES
from cadre_core.vocab._enums import Bloc

ISSUER = ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"]
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ",
        "Trình độ chuyên môn", "Lý luận chính trị"]  # fmt: skip
PEOPLE: dict[str, list[list[Any]]] = {
    "Đảng ủy": [["Lò Văn Pấng", "12/03/1972", "Nam", "Thái", "Bí thư Đảng ủy xã",
                 "Đại học Luật", "Cao cấp"]],
    "UBND xã": [["Tao Văn Hùng", "20/01/1978", "Nam", "Thái", "Chủ tịch UBND xã",
                 "Thạc sĩ Quản lý công", "Cao cấp"]],
    "Công an xã": [["Vàng A Dình", "14/06/1986", "Nam", "Mông", "Trưởng Công an xã",
                    "Đại học An ninh", "Trung cấp"]],
    "Ban CHQS xã": [["Lường Văn Ọi", "02/09/1983", "Nam", "Thái",
                     "Chỉ huy trưởng Ban CHQS xã", "Đại học Quân sự", "Trung cấp"]],
}  # fmt: skip


def _rows(people: list[list[Any]]) -> list[list[Any]]:
    return [ISSUER, ["DANH SÁCH CÁN BỘ, CÔNG CHỨC (tính đến ngày 31/12/2025)"], HEAD,
            *[[i, *p] for i, p in enumerate(people, 1)]]  # fmt: skip


def _grid(name: str, people: list[list[Any]]) -> Grid:
    rows = _rows(people)
    return Grid(name, pd.DataFrame([[*r, *[None] * (len(HEAD) - len(r))] for r in rows]), [])


def test_each_sheets_header_is_found_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: three searches a sheet (leavers, examples, bodies), four with a hidden
    column; now one, the bodies given by the sheet's name."""
    calls: list[int] = []

    def counted(cells: pd.DataFrame) -> Any:
        calls.append(len(cells))
        return find_header(cells)

    monkeypatch.setattr(_flat_sheets, "find_header", counted)
    monkeypatch.setattr(_flat_hidden, "find_header", counted)
    grids = [_grid(name, people) for name, people in PEOPLE.items()]
    kept, said, bodies = _flat_sheets.shown_sheets(grids, "ds.xlsx")
    assert len(calls) == len(grids) and [g.name for g in kept] == list(PEOPLE)
    assert {s: (a.name, a.bloc) for s, a in bodies.items()} == {
        "Đảng ủy": ("Đảng ủy", "party_front"), "UBND xã": ("UBND xã", "government"),
        "Công an xã": ("Công an xã", None), "Ban CHQS xã": ("Ban CHQS xã", None),
    }  # fmt: skip
    assert not said and not any(g.cells.attrs for g in kept)  # nothing rides on the grid


@pytest.mark.parametrize(
    "name",
    ["Công an xã", "Công an", "CÔNG AN XÃ NẬM TĂM", "Ban Chỉ huy Quân sự xã", "Ban CHQS xã",
     "BCHQS", "BCH Quân sự", "Quân sự", "Cơ quan Quân sự xã"],
)  # fmt: skip
def test_police_and_military_are_bodies_of_neither_bloc(name: str) -> None:
    """Before: None (no body), which turned off the bodies of every other sheet."""
    assert body_named(name) == (" ".join(name.split()), None)


@pytest.mark.parametrize("name", ["Quân sự quốc phòng 2025", "Công an tỉnh Lai Châu", "An ninh"])
def test_other_names_are_no_police_nor_military_body(name: str) -> None:
    """A name that only begins with the words names no body."""
    assert body_named(name) is None


def test_one_table_of_bodies_with_the_blocs_codes() -> None:
    """Every body of the table is of a bloc of the roster format, or of none."""
    assert {bloc for _, bloc in COMMUNE_BODIES} == {*Bloc.codes(), None}


def test_police_and_military_sheets_read_in_their_own_agency(tmp_path: Path) -> None:
    """Before: every person in one agency "Xã Nậm Tăm" with no bloc, and nothing said of
    the sheets. Now the Party's and the People's Committee's people are in their bodies'
    blocs; the police's and the military command's in an agency named by their sheet,
    with no bloc, each listed in the warning naming each sheet's agency."""
    path = workbook(tmp_path / "co_quan.xlsx", [(n, _rows(p)) for n, p in PEOPLE.items()])
    roster = read_roster(path)
    held = roster.assignments.merge(roster.positions, on="position_code")
    held = held.merge(roster.agencies, on="agency_code", suffixes=("", "_agency"))
    held = held.merge(roster.cadres[["cadre_id", "full_name"]], on="cadre_id")
    got = {r.full_name: (r.name, r.bloc if isinstance(r.bloc, str) else None)
           for r in held.itertuples()}  # fmt: skip
    assert got == {
        "Lò Văn Pấng": ("Đảng ủy", "party_front"), "Tao Văn Hùng": ("UBND xã", "government"),
        "Vàng A Dình": ("Công an xã", None), "Lường Văn Ọi": ("Ban CHQS xã", None),
    }  # fmt: skip
    out = tmp_path / "out.json"
    done = run("validate", str(path), "--format", "json", "-o", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    text = out.read_text(encoding="utf-8")
    said = [p for p in json.loads(text)["problems"] if p["key"] == "agency_from_sheet"]
    assert len(said) == 1, said
    assert "'Công an xã' → 'Công an xã'" in said[0]["message"]
    assert "'Ban CHQS xã' → 'Ban CHQS xã'" in said[0]["message"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="Họ và tên (*):/ 1.NgàysinhTĐCMđĐ\u00a0\u200b", max_size=24))
def test_header_key_remembered_is_the_key_worked_out(text: str) -> None:
    """The key remembered for a text is the one worked out afresh, asked twice or once."""
    fresh = header_key.__wrapped__(text)
    assert header_key(text) == fresh and header_key(text) == fresh
