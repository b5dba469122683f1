"""Target nq05.2d ("leaders meet the standards of their posts") on a list that has no
place for a level.

Before, a one-row-per-person list without a political-theory column ("Lý luận chính
trị") had every leader's theory taken as "none": nq05.2d was "not met", 0 of its leaders
satisfying it, though the list says nothing of their theory (and most held the degree
their post asks for). Now the target reads both levels, and a list without either column
gives it no data (``not_applicable``, reason ``no_data``), as nq05.5b and nq05.7b already
were. A list with the column keeps a blank cell as "none": unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from list_files import run, sheet

import cadre_core
from cadre_core import criteria
from cadre_core.roster import read_roster

AS_OF = "2026-12-31"
TITLE = [["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"], ["DANH SÁCH CÁN BỘ XÃ (tính đến ngày 31/12/2025)"]]
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"]
# name, birth, gender, post, degree, theory (None: a blank cell)
PEOPLE = [
    ("Lò Văn Pấng", "12/03/1972", "Nam", "Bí thư Đảng ủy xã", "Đại học", "Cao cấp"),
    ("Tao Văn Hùng", "20/01/1978", "Nam", "Chủ tịch UBND xã", "Thạc sĩ", "Cao cấp"),
    ("Nguyễn Thị Hằng", "14/09/1990", "Nữ", "Phó Chủ tịch UBND xã", "Đại học", None),
    (
        "Sùng A Chứ",
        "02/11/1988",
        "Nam",
        "Chủ tịch Ủy ban MTTQ Việt Nam xã",
        "Cao đẳng",
        "Trung cấp",
    ),
]


def _list(path: Path, *, degree: bool = True, theory: bool = True) -> Path:
    """The four leaders of Nậm Tăm, with or without the degree and the theory column."""
    header = HEADER + ["Trình độ chuyên môn"] * degree + ["Lý luận chính trị"] * theory
    rows = [[n, *p[:4]] + [p[4]] * degree + [p[5]] * theory for n, p in enumerate(PEOPLE, 1)]
    return sheet(path, [*TITLE, header, *rows])


def _targets(path: Path) -> dict[str, dict[str, Any]]:
    """The targets ``cadre evaluate --format json`` gives the list's one commune, by id."""
    out = run("evaluate", str(path), "--as-of", AS_OF, "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    (commune,) = json.loads(out.stdout)["communes"]
    return {t["id"]: t for t in commune["targets"]}


def test_no_theory_column_is_no_data(tmp_path: Path) -> None:
    """Without a theory column, nq05.2d was "not met" (0 of 4); now it is not applicable
    for want of data, like the other targets that read the theory level."""
    got = _targets(_list(tmp_path / "no_theory.xlsx", theory=False))
    for target in ("nq05.2d", "nq05.5b", "nq05.7b"):
        assert (got[target]["status"], got[target].get("reason")) == ("not_applicable", "no_data")
    # the degree column is read: targets reading the degree alone are still counted
    assert got["nq05.5a"]["status"] in ("met", "not_met")
    assert "reason" not in got["nq05.5a"]


def test_with_theory_column_unchanged(tmp_path: Path) -> None:
    """With the column, a blank theory cell is still "none": Hằng (blank, post asking for
    trung cấp) and Chứ (cao đẳng, the post asking for đại học) fail; the others meet it."""
    got = _targets(_list(tmp_path / "theory.xlsx"))["nq05.2d"]
    assert (got["status"], got.get("reason")) == ("not_met", None)
    assert (got["population"], got["satisfied"], len(got["failing"])) == (4, 2, 2)


@pytest.mark.parametrize(("degree", "theory"), [(True, True), (True, False), (False, True)])
def test_either_level_missing_is_no_data(tmp_path: Path, degree: bool, theory: bool) -> None:
    """The same through the library: a list missing either level's column gives nq05.2d
    no data; a list with both is counted."""
    roster = read_roster(_list(tmp_path / "l.xlsx", degree=degree, theory=theory))
    ev = cadre_core.evaluate(roster, AS_OF)
    (result,) = [r for c in ev.communes for r in c.targets if r.id == "nq05.2d"]
    no_data = not (degree and theory)
    assert (result.status == "not_applicable", result.reason == "no_data") == (no_data, no_data)
    assert criteria.meets_post_standards().reads == ("degrees", "theory")
