"""Many workbooks, one province: one file per commune, any mix of layouts.

Three communes in three layouts (a normalised workbook, an exported list with merged
headers and group rows, a typed CSV list) with a cadre id that two of them share, read
through the real ``cadre`` command as one province roster.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_flat_lists import EXPORT_COLUMNS, PEOPLE, PLUGIN, TITLE, run, write_list

import cadre_core
from cadre_core.roster._province import read_rosters

CSV_LIST = (
    "DANH SÁCH CÁN BỘ, CÔNG CHỨC\n"
    "STT,Họ và tên,Ngày sinh,Giới tính,Chức vụ,Trình độ chuyên môn,Lý luận chính trị\n"
    "1,Lò Văn D,12/03/1979,Nam,Chủ tịch UBND,Đại học,Cao cấp\n"
    "2,Lò Thị E,05/09/1991,Nữ,Chuyên viên,Thạc sĩ,\n"
)


@pytest.fixture
def province(tmp_path: Path) -> Path:
    folder = tmp_path / "communes"
    folder.mkdir()
    cadre_core.sample_roster().write(folder / "muong-than.xlsx")  # Xã Mường Than, MT001...
    people = [dict(p, id=f"MT00{i + 1}") for i, p in enumerate(PEOPLE)]  # the same ids
    columns = (("Mã cán bộ", None, "id"), *EXPORT_COLUMNS)
    write_list(folder / "nam-tam.xlsx", people, title=TITLE, columns=columns, groups="agency")
    (folder / "Xã Ta Gia.csv").write_text(CSV_LIST, encoding="utf-8")
    return folder


def test_three_layouts_make_one_province(province: Path) -> None:
    files = sorted(str(p) for p in province.iterdir())
    done = run("evaluate", *files, *PLUGIN, "--list-date", "2025-12-31", "--as-of",
               "2025-12-31", "--by", "commune", "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    communes = {c["commune"] for c in json.loads(done.stdout)["communes"]}
    assert communes == {"Xã Mường Than", "Xã Nậm Tăm", "Xã Ta Gia"}
    # where each commune came from is said
    assert "dòng tiêu đề" in done.stderr and "tên tệp" in done.stderr


def test_a_folder_of_workbooks_is_a_province(province: Path) -> None:
    done = run("validate", str(province), "--list-date", "31/12/2025")
    assert done.returncode == 0, done.stderr
    assert "Danh sách hợp lệ" in done.stdout
    done = run("evaluate", str(province), *PLUGIN, "--list-date", "31/12/2025", "--by",
               "commune", "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["communes"]) == 3
    assert "tên tệp" in done.stderr


def test_ids_are_scoped_by_commune(province: Path) -> None:
    roster = read_rosters([province], list_date="2025-12-31")
    assert len(roster.cadres) == 43 + 3 + 2
    ids = set(roster.cadres["cadre_id"])
    assert {"Xã Mường Than/MT001", "Xã Nậm Tăm/MT001"} <= ids  # two people
    assert roster.cadres["cadre_id"].is_unique
    named = dict(zip(roster.cadres["cadre_id"], roster.cadres["full_name"], strict=True))
    assert named["Xã Nậm Tăm/MT001"] == "Lò Văn A"
    # every assignment points at a position of its own commune
    posts = roster.assignments["position_code"].str.split("/").str[0]
    people = roster.assignments["cadre_id"].str.split("/").str[0]
    assert (posts == people).all()
    assert sorted(roster.communes) == ["Xã Mường Than", "Xã Nậm Tăm", "Xã Ta Gia"]
    notes = [p.expected for p in roster.problems if p.severity == "warning"]
    assert any("from its file name" in n and "Xã Ta Gia" in n for n in notes)
    assert any("title rows" in n and "Xã Nậm Tăm" in n for n in notes)


def test_a_bad_file_among_many_is_named(province: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(province, bad)
    (bad / "Xã Ta Gia.csv").write_text(CSV_LIST.replace("Đại học", "Đại hoc xyz"), encoding="utf-8")
    with pytest.raises(cadre_core.RosterError) as caught:
        read_rosters([bad], list_date="2025-12-31")
    (problem,) = caught.value.errors
    assert problem.file == "Xã Ta Gia.csv" and problem.row == 3
    assert problem.column == "Trình độ chuyên môn (column F)"
    done = run("evaluate", str(bad), *PLUGIN, "--list-date", "2025-12-31")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_the_same_commune_twice_is_refused(province: Path) -> None:
    twice = province / "muong-than-copy.xlsx"
    shutil.copy(province / "muong-than.xlsx", twice)
    with pytest.raises(cadre_core.RosterError, match="one file per commune"):
        read_rosters([province], list_date="2025-12-31")
