"""A person listed twice in two lists of one sheet ("I. Cán bộ" and "II. Công chức", one
under the other, each under its own header).

Before, the warning called the first row one "of sheet 'Danh sách'", the very sheet the
warning is on, as if it were another sheet. Now it says the row is on this same sheet, in
another list of it; the warning's own row and the row it names are the sheet's rows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from list_files import run, sheet, workbook

from cadre_core.vocab._labels import label

HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ"]
ROWS: list[list[Any]] = [
    ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"],
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"],
    [],
    ["I. Cán bộ"],
    HEAD,
    [1, "Lò Văn Pấng", "12/03/1972", "Nam", "Thái", "Bí thư Đảng ủy xã"],  # row 6
    [2, "Vàng Thị Mỷ", "05/07/1985", "Nữ", "Mông", "Chủ tịch UBND xã"],
    [],
    ["II. Công chức"],
    [*HEAD[:5], "Chức danh", "Trình độ chuyên môn"],
    [1, "Nguyễn Thị Hằng", "14/09/1990", "Nữ", "Kinh", "Công chức Tư pháp - Hộ tịch", "Đại học"],
    [2, "LÒ VĂN PẤNG", "12/03/1972", "Nam", "Thái", "Công chức Văn phòng - Thống kê",
     "Đại học"],  # row 12: the same person
]  # fmt: skip


def _twice(path: Path) -> list[dict[str, Any]]:
    out = run("validate", str(path), "--format", "json")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    return [p for p in json.loads(out.stdout)["problems"] if p["key"].startswith("same_person")]


def test_the_same_person_in_two_lists_of_one_sheet(tmp_path: Path) -> None:
    """Before: "the same name and birth date as row 6 of sheet 'Danh sách'" on row 12 of
    'Danh sách'. Now: row 12's warning names row 6 of this same sheet."""
    said = _twice(sheet(tmp_path / "hai-bang.xlsx", ROWS))
    assert [(p["key"], p["row"], p["args"]) for p in said] == [
        ("same_person_list", 12, {"row": "6"})
    ]
    assert said[0]["file"] == "hai-bang.xlsx, sheet 'Danh sách'"
    assert "row 6 of this same sheet" in said[0]["expected"]
    assert "of sheet 'Danh sách'" not in said[0]["message"]


def test_the_sentence_in_both_languages() -> None:
    """The sentence names the row and says it is of the same sheet, in Vietnamese too."""
    vi = label("problem_same_person_list", "vi").format(row="6")
    en = label("problem_same_person_list", "en").format(row="6")
    assert "dòng 6 của chính trang tính này" in vi and "row 6 of this same sheet" in en


def test_the_same_person_on_two_sheets_still_names_the_sheet(tmp_path: Path) -> None:
    """Two sheets of one workbook: the other sheet is named, as before."""
    first = [*ROWS[:2], HEAD, ROWS[5], ROWS[6]]
    second = [*ROWS[:2], ROWS[9], ROWS[10], ROWS[11]]
    said = _twice(workbook(tmp_path / "hai-trang.xlsx", [("Cán bộ", first), ("Công chức", second)]))
    assert [(p["key"], p["row"], p["args"]) for p in said] == [
        ("same_person_sheet", 5, {"row": "4", "sheet": "'Cán bộ'"})
    ]
