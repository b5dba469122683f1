"""Lists whose headers and title are typed without diacritics, as a clerk with no
Vietnamese keyboard types them ("Ho va ten", "Ngay sinh", "Chuc vu", "Trinh do chuyen
mon", "UY BAN NHAN DAN XA NAM TAM", "tinh den ngay 31/12/2025").

Before, only "Ho va ten", "Gioi tinh" and "Dan toc" were read (three spellings listed
without diacritics): "Ngay sinh", "Chuc vu", "Trinh do chuyen mon", "Chuyen nganh" and
"Ly luan chinh tri" were each "not read", and the title's day and commune were lost
(``cadre validate`` refused the list, "the list's date is unknown"). Now a header written
without any diacritic is read by the diacritic-free key of the known headers when that key
is one field's ("Nam" is the year's "Năm" or the gender: not guessed), and a title line
without diacritics by the title's patterns without theirs. A header with diacritics is
read as before.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import read_roster
from cadre_core.roster._flat_header import _PLAIN_KEYS, FIELD_KEYS, _candidates
from cadre_core.roster._list_title import title_commune, title_day, title_period
from cadre_core.roster._schema import ascii_key

TITLE = ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"]
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ",
        "Trình độ chuyên môn", "Chuyên ngành", "Lý luận chính trị"]  # fmt: skip
PEOPLE = [
    [1, "Lò Văn Pấng", "12/03/1972", "Nam", "Thái", "Bí thư Đảng ủy xã", "Đại học", "Luật",
     "Cao cấp"],
    [2, "Nguyễn Thị Hằng", "14/09/1990", "Nữ", "Kinh", "Phó Chủ tịch UBND xã", "Thạc sĩ",
     "Nông nghiệp", "Trung cấp"],
    [3, "Sùng A Chứ", "02/11/1988", "Nam", "Mông", "Chủ tịch Ủy ban MTTQ Việt Nam xã",
     "Cao đẳng", "Sư phạm", None],
]  # fmt: skip


def _plain(value: Any) -> Any:
    """``value`` typed without diacritics, its case kept ("Đ" is "D")."""
    if not isinstance(value, str):
        return value
    out = []
    for word in value.split(" "):
        bare = ascii_key(word)
        out.append(
            bare.upper() if word.isupper() else bare.capitalize() if word[:1].isupper() else bare
        )
    return " ".join(out)


def _list(path: Path, *, plain: bool, head: list[str] = HEAD) -> Path:
    rows: list[list[Any]] = [[t] for t in TITLE] + [head, *PEOPLE]
    if plain:
        rows = [[t] for t in map(_plain, TITLE)] + [[_plain(h) for h in head], *PEOPLE]
    return sheet(path, rows)


def _not_read(path: Path) -> list[str]:
    """The columns ``cadre validate`` says it did not read."""
    out = run("validate", str(path), "--format", "json")
    assert "Traceback" not in out.stderr
    doc = json.loads(out.stdout)
    assert doc["valid"] is True, out.stdout
    return [p["column"] for p in doc["problems"] if p["key"] == "column_not_read"]


def _evaluated(path: Path) -> dict[str, Any]:
    """``cadre evaluate --format json`` of ``path`` on the list's own day."""
    out = run("evaluate", str(path), "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    return dict(json.loads(out.stdout))


def _read(path: Path) -> dict[str, pd.DataFrame]:
    return dict(read_roster(path, skip_invalid=True).tables)


def test_headers_and_title_without_diacritics_are_read(tmp_path: Path) -> None:
    """Before: five columns not read, the list refused for want of a day, the commune
    named after the file. Now every column is read, as of 31/12/2025, in Xa Nam Tam."""
    path = _list(tmp_path / "khong_dau.xlsx", plain=True)
    assert _not_read(path) == []
    got = _evaluated(path)
    assert got["as_of"] == "2025-12-31"
    assert [c["commune"] for c in got["communes"]] == ["Xa Nam Tam"]
    tables = _read(path)
    cadres = tables["cadres"].set_index("full_name")
    assert cadres["birth_date"].tolist() == [
        pd.Timestamp("1972-03-12"), pd.Timestamp("1990-09-14"), pd.Timestamp("1988-11-02")
    ]  # fmt: skip
    assert cadres["gender"].tolist() == ["male", "female", "male"]
    posts = tables["positions"].set_index("position_code")["title"]
    assert sorted(posts) == sorted(str(p[5]) for p in PEOPLE)
    degrees = tables["degrees"].sort_values("cadre_id")
    assert degrees["level"].tolist() == ["dai_hoc", "thac_si", "cao_dang"]
    assert degrees["field"].tolist() == ["Luật", "Nông nghiệp", "Sư phạm"]
    assert sorted(tables["theory"]["level"]) == ["cao_cap", "trung_cap"]


def test_the_same_list_with_diacritics_reads_as_before(tmp_path: Path) -> None:
    """The list with its diacritics: the same people, days and levels, its commune as
    written, its posts recognised (their categories set)."""
    accented = _read(_list(tmp_path / "co_dau.xlsx", plain=False))
    plain = _read(_list(tmp_path / "khong_dau.xlsx", plain=True))
    for table, columns in (("cadres", ["birth_date", "gender"]), ("degrees", ["level", "field"]),
                           ("theory", ["level"])):  # fmt: skip
        assert accented[table][columns].equals(plain[table][columns]), table
    assert accented["agencies"]["commune"].tolist() == ["Xã Nậm Tăm"]
    assert accented["positions"]["category"].notna().all()
    assert _not_read(_list(tmp_path / "co_dau2.xlsx", plain=False)) == []


@pytest.mark.parametrize("header", ["Ngáy sinh", "Chúc vu"])
def test_a_header_with_wrong_diacritics_is_not_matched_without_them(
    tmp_path: Path, header: str
) -> None:
    """A header with diacritics is matched as written, as before: a wrong mark ("Ngáy
    sinh", "Chúc vu") is not read by the key without them, and is said."""
    head = [header if ascii_key(h) == ascii_key(header) else h for h in HEAD]
    path = _list(tmp_path / "sai_dau.xlsx", plain=False, head=head)
    out = run("validate", str(path), "--list-date", "31/12/2025", "--format", "json")
    said = [
        p["column"] for p in json.loads(out.stdout)["problems"] if p["key"] == "column_not_read"
    ]
    assert [c for c in said if c.startswith(header)], out.stdout


def test_a_key_two_fields_share_is_not_guessed(tmp_path: Path) -> None:
    """Without diacritics "Nam" is the year's "Năm" and a gender's "Nam": under "Xep
    loai" it is not taken for the year, but said as not read, as before."""
    assert _candidates("Nam") == ([], None)
    assert "nam" not in _PLAIN_KEYS
    rows = [
        [_plain(TITLE[0])], [_plain(TITLE[1])],
        ["STT", "Ho va ten", "Ngay sinh", "Xep loai", None],
        [None, None, None, "Nam", "Muc"],
        [1, "Lo Van Pang", "12/03/1972", 2024, "Hoàn thành tốt nhiệm vụ"],
    ]  # fmt: skip
    path = sheet(tmp_path / "nam.xlsx", rows, merged=["D3:E3"])
    assert "Xep loai / Nam (column D)" in _not_read(path)
    assert _read(path)["ratings"].empty


@given(st.sampled_from(sorted(FIELD_KEYS)))
def test_every_known_header_reads_the_same_without_diacritics(key: str) -> None:
    """Each known header, typed without diacritics, names its field, unless its key
    without them is another field's too."""
    bare = ascii_key(key)
    if bare in _PLAIN_KEYS:
        assert _candidates(bare)[0][0] == FIELD_KEYS[key][0]


TITLES = [
    "ỦY BAN NHÂN DÂN XÃ NẬM TĂM",
    "Đảng ủy xã Nậm Tăm báo cáo danh sách như sau:",
    "DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)",
    "Lai Châu, ngày 15 tháng 01 năm 2026",
    "Tính đến tháng 12/2025",
    "Quý II/2024",
    "6 tháng đầu năm 2025",
    "UBND XÃ NẬM CUỔI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "UBND XÃ TẢ NAM NĂM 2025",
]


@given(st.lists(st.sampled_from(TITLES), min_size=1, max_size=4))
def test_title_reads_the_same_without_diacritics(texts: list[str]) -> None:
    """The title rows typed without diacritics name the same day, period and commune (its
    name without diacritics)."""
    bare = [_plain(t) for t in texts]
    assert title_day(bare) == title_day(texts)
    assert title_day(bare, signed=False) == title_day(texts, signed=False)
    period, bare_period = title_period(texts), title_period(bare)
    assert (period and period[0]) == (bare_period and bare_period[0])
    commune = title_commune(texts)
    assert title_commune(bare) == (None if commune is None else ascii_key(commune).title())


def test_the_day_a_list_is_signed_without_diacritics() -> None:
    """A line "ngay 15 thang 01 nam 2026" alone is the signing day, as with diacritics."""
    assert title_day(["Nam Tam, ngay 15 thang 01 nam 2026"]) == dt.date(2026, 1, 15)
