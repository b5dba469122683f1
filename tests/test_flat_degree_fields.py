"""A qualification cell that holds the level and the field ("Đại học Luật") in a list.

Lists whose form asks for "trình độ chuyên môn (ghi rõ chuyên ngành)" write both in one
cell. The level and the field are read; a separate field column, where filled, wins (a
different field in the cell is a warning); and where neither names a field, the field is
unknown, row by row: a target over fitting fields evaluates the rows whose field is known
and leaves the others out, never reading a blank as "no fitting field".
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core import Roster, criteria, hookimpl
from cadre_core.roster._level_field import field_after_level
from cadre_core.roster._roster import read_list
from cadre_core.roster._schema import VALUE_ALIASES
from cadre_core.targets import Rule, Target, Text
from cadre_core.testing import evaluate_plugin

CADRE = str(Path(sys.executable).with_name("cadre"))
DAY = "31/12/2025"


def write_csv(path: Path, cells: list[str | None], fields: list[str | None] | None = None) -> Path:
    """A CSV list: one person per qualification cell (and field cell, when given)."""
    header = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Trình độ chuyên môn"]
    if fields is not None:
        header.append("Chuyên ngành")
    lines = [",".join(header)]
    for i, cell in enumerate(cells):
        row = [str(i + 1), f"Lò Văn {chr(65 + i)}", "12/03/1980", "Chuyên viên", cell or ""]
        if fields is not None:
            row.append(fields[i] or "")
        lines.append(",".join(f'"{c}"' for c in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def degrees(roster: Roster) -> list[tuple[str, Any]]:
    d = roster.degrees.sort_values("cadre_id")
    return [
        (str(lv), None if pd.isna(f) else f) for lv, f in zip(d["level"], d["field"], strict=True)
    ]


@pytest.mark.parametrize(
    ("cell", "level", "field"),
    [
        ("Đại học Luật", "dai_hoc", "Luật"),
        ("Thạc sĩ Quản lý công", "thac_si", "Quản lý công"),
        ("Cử nhân Kinh tế", "dai_hoc", "Kinh tế"),
        ("ĐH Luật", "dai_hoc", "Luật"),
        ("Đại học (Luật)", "dai_hoc", "Luật"),
        ("Đại học chuyên ngành Luật", "dai_hoc", "Luật"),
        ("Đại học Luật (tại chức)", "dai_hoc", "Luật"),  # the mode of study is no field
        ("Đại học tại chức", "dai_hoc", None),
        ("ĐH (văn bằng 2)", "dai_hoc", None),
        ("Đại học", "dai_hoc", None),
    ],
)
def test_a_qualification_cell_gives_its_level_and_field(
    tmp_path: Path, cell: str, level: str, field: str | None
) -> None:
    roster = read_list(write_csv(tmp_path / "list.csv", [cell]), list_date=DAY)
    assert degrees(roster) == [(level, field)]


def test_a_cell_refused_as_a_level_names_no_field() -> None:
    for cell in ("Đại học Luật, Kinh tế", "Trung cấp chính trị", "Đại học (đang học)"):
        assert field_after_level(cell) is None, cell


def test_the_field_column_wins_and_a_different_field_in_the_cell_is_said(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        ["Đại học Luật", "Đại học Luật", "Đại học Kinh tế", "Đại học"],
        ["Luật", None, "Kế toán", None],
    )
    roster = read_list(path, list_date=DAY)
    assert degrees(roster) == [
        ("dai_hoc", "Luật"),
        ("dai_hoc", "Luật"),  # a blank field cell: the qualification cell's
        ("dai_hoc", "Kế toán"),  # both given, different: the column's, said
        ("dai_hoc", None),
    ]
    said = [p for p in roster.problems if p.key == "field_disagrees"]
    assert [(p.row, p.column, p.value) for p in said] == [(4, "Chuyên ngành (column F)", "Kế toán")]
    assert "'Kinh tế'" in said[0].expected
    assert roster.informs("degrees.field")  # a field column: a blank is a known blank


def test_fields_from_cells_inform_the_field_cell_by_cell(tmp_path: Path) -> None:
    only_cells = read_list(
        write_csv(tmp_path / "a.csv", ["Đại học Luật", "Đại học"]), list_date=DAY
    )
    assert not only_cells.informs("degrees.field")  # not as a whole column
    assert degrees(only_cells) == [("dai_hoc", "Luật"), ("dai_hoc", None)]
    none = read_list(write_csv(tmp_path / "b.csv", ["Đại học", "Thạc sĩ"]), list_date=DAY)
    assert not none.informs("degrees.field")
    assert none.degrees["field"].isna().all()


class FittingFields:
    """A target over fitting fields (as a province's "chuyên môn phù hợp vị trí")."""

    @hookimpl
    def cadre_targets(self) -> list[Target]:
        return [
            Target.from_criteria(
                "t.fit",
                Text("chuyên môn phù hợp", "fitting field"),
                "test",
                criteria.holds_position_with_fields(),
                criteria.fields_fit(),
                Rule.all(),
                dt.date(2030, 12, 31),
            )
        ]


def _fit(roster: Roster) -> Any:
    ev = evaluate_plugin(FittingFields(), roster, "2025-12-31", name="fit", findings=False)
    (result,) = [t for c in ev.communes for t in c.targets if t.id == "t.fit"]
    return result


def _with_fields(roster: Roster, fields: str) -> Roster:
    """``roster`` with every position asking for ``fields`` (a list has none)."""
    return roster.with_tables(positions=roster.positions.assign(accepted_fields=fields))


def test_a_known_field_is_evaluated_and_an_unknown_one_left_out(tmp_path: Path) -> None:
    cells = ["Đại học Luật", "Cử nhân Kinh tế", "Đại học", "Thạc sĩ (Luật)"]
    listed = read_list(write_csv(tmp_path / "list.csv", cells), list_date=DAY)
    # as read, a list has no positions' accepted fields: no data, as before
    assert (_fit(listed).status, _fit(listed).reason) == ("not_applicable", "no_data")
    result = _fit(_with_fields(listed, "Luật"))
    # Luật twice fits, Kinh tế does not; "Đại học" alone is unknown: neither
    assert (result.population, result.satisfied, result.status) == (3, 2, "not_met")
    assert result.failing == ("DS0003",)


def test_no_field_anywhere_stays_unknown(tmp_path: Path) -> None:
    listed = read_list(write_csv(tmp_path / "list.csv", ["Đại học", "Thạc sĩ"]), list_date=DAY)
    result = _fit(_with_fields(listed, "Luật"))
    assert (result.population, result.satisfied, result.status) == (0, 0, "not_applicable")


def test_a_blank_field_of_a_field_column_is_known_not_to_fit(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", ["Đại học", "Đại học"], ["Luật", None])
    result = _fit(_with_fields(read_list(path, list_date=DAY), "Luật"))
    assert (result.population, result.satisfied, result.status) == (2, 1, "not_met")


_LEVELS = sorted(k for k in VALUE_ALIASES["education"] if "_" not in k and "(" not in k)
_FIELDS = (
    "Luật", "Kinh tế", "Quản lý công", "Quản lý nhà nước", "Kế toán", "Nông nghiệp",
    "Sư phạm Toán", "Hành chính công", "Công nghệ thông tin", "Tài chính - Ngân hàng",
    "Quản trị kinh doanh", "Xây dựng Đảng", "Việt Nam học",
)  # fmt: skip
_JOINTS = ("{} {}", "{} ({})", "{} - {}", "{}: {}", "{} chuyên ngành {}", "{} ngành {}")


@settings(max_examples=40, deadline=None)
@given(
    level=st.sampled_from(_LEVELS),
    field=st.sampled_from(_FIELDS),
    joint=st.sampled_from(_JOINTS),
    upper=st.booleans(),
)
def test_any_level_and_field_in_one_cell_read_as_both(
    tmp_path_factory: Any, level: str, field: str, joint: str, upper: bool
) -> None:
    cell = joint.format(level.upper() if upper else level, field)
    path = write_csv(tmp_path_factory.mktemp("list") / "list.csv", [cell])
    assert degrees(read_list(path, list_date=DAY)) == [(VALUE_ALIASES["education"][level], field)]


def test_evaluate_and_validate_read_the_field_through_the_command(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", ["Đại học Luật", "Đại học Kinh tế"], [None, "Kế toán"])
    env = {**os.environ, "COLUMNS": "400"}
    done = subprocess.run(
        [CADRE, "validate", str(path), "--list-date", DAY, "--lang", "en"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the qualification cell names the field 'Kinh tế'" in done.stdout
    done = subprocess.run(
        [CADRE, "evaluate", str(path), "--list-date", DAY, "--format", "json",
         "--plugin", "province_template"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["communes"]
