"""Title rows written in decomposed Unicode (NFD), as a Mac saves a list.

Before, the title rows' patterns ran on the text as saved: a list whose every text was
NFD (each tone mark a character of its own) had its headers and values read, but not its
title. ``cadre validate`` refused it, "the list's date is unknown", though its title said
"tính đến ngày 31/12/2025", and ``cadre evaluate --as-of`` named its commune after the
file. Now the title rows are read in NFC: the same day and commune as the list in NFC.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any, Literal

from hypothesis import given
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster._list_title import title_commune, title_day, title_leavers, title_period

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
PEOPLE = [
    [1, "Lò Văn Pấng", "12/03/1972", "Nam", "Bí thư Đảng ủy xã", "Đại học"],
    [2, "Nguyễn Thị Hằng", "14/09/1990", "Nữ", "Phó Chủ tịch UBND xã", "Đại học"],
]


def _nfd(rows: list[list[Any]]) -> list[list[Any]]:
    return [[unicodedata.normalize("NFD", v) if isinstance(v, str) else v for v in r] for r in rows]


def _list(path: Path, title: list[str], *, nfd: bool) -> Path:
    rows: list[list[Any]] = [[t] for t in title] + [HEADER, *PEOPLE]
    return sheet(path, _nfd(rows) if nfd else rows)


def _evaluated(path: Path) -> dict[str, Any]:
    """``cadre evaluate --format json`` of ``path`` on the list's own day."""
    out = run("evaluate", str(path), "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    return dict(json.loads(out.stdout))


def test_nfd_title_names_day_and_commune(tmp_path: Path) -> None:
    """The NFD list was refused by ``validate`` (no day) and named after its file; now it
    reads as the NFC list does: as of 31/12/2025, commune Xã Nậm Tăm."""
    title = ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ XÃ (tính đến ngày 31/12/2025)"]
    nfd = _list(tmp_path / "mac_nfd.xlsx", title, nfd=True)
    assert unicodedata.is_normalized("NFD", title[0]) is False  # the test writes NFD indeed
    checked = run("validate", str(nfd), "--format", "json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "list_date_unknown" not in checked.stdout
    got = _evaluated(nfd)
    want = _evaluated(_list(tmp_path / "nfc.xlsx", title, nfd=False))
    assert got["as_of"] == want["as_of"] == "2025-12-31"
    assert [c["commune"] for c in got["communes"]] == ["Xã Nậm Tăm"]
    assert [c["commune"] for c in want["communes"]] == ["Xã Nậm Tăm"]


def test_nfd_title_names_period(tmp_path: Path) -> None:
    """A title naming a period, not a day ("Tháng 04/2025"), written NFD: its last day."""
    title = ["UBND XÃ MƯỜNG THAN", "DANH SÁCH CÁN BỘ, CÔNG CHỨC", "Tháng 04/2025"]
    got = _evaluated(_list(tmp_path / "period_nfd.xlsx", title, nfd=True))
    assert got["as_of"] == "2025-04-30"
    assert [c["commune"] for c in got["communes"]] == ["Xã Mường Than"]


TITLES = [
    "ỦY BAN NHÂN DÂN XÃ NẬM TĂM",
    "Đảng ủy xã Nậm Tăm báo cáo danh sách như sau:",
    "DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)",
    "Lai Châu, ngày 15 tháng 01 năm 2026",
    "Tính đến tháng 12/2025",
    "Quý II/2024",
    "6 tháng đầu năm 2025",
    "DANH SÁCH CÁN BỘ, CÔNG CHỨC GIẢM TRONG NĂM 2025",
    "UBND XÃ NẬM CUỔI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
]


@given(st.lists(st.sampled_from(TITLES), min_size=1, max_size=4), st.sampled_from(["NFD", "NFKD"]))
def test_title_read_whatever_the_form(texts: list[str], form: Literal["NFD", "NFKD"]) -> None:
    """Each title reading gives the same answer for the title rows in any Unicode form."""
    saved = [unicodedata.normalize(form, t) for t in texts]
    assert title_day(saved) == title_day(texts)
    assert title_day(saved, signed=False) == title_day(texts, signed=False)
    assert title_period(saved) == title_period(texts)
    assert title_commune(saved) == title_commune(texts)
    assert title_leavers(saved) == title_leavers(texts)
