"""Lists whose values are typed without diacritics, as a clerk with no Vietnamese
keyboard types them: posts ("Bi thu Dang uy xa", "Chu tich UBND xa", "Cong chuc Tu phap -
Ho tich"), degrees with their field ("Dai hoc Luat", "Thac si Quan ly cong"), theory
levels ("Cao cap"), a birth day in three columns ("Ngay sinh | Thang sinh | Nam sinh")
and a title saying the list is of leavers ("DANH SACH CAN BO NGHI HUU").

Before, the headers and the title line were read without diacritics, but a post followed
by its body or its commune ("Bi thu Dang uy xa", "Chu tich UBND xa", "Pho Bi thu Thuong
truc Dang uy", "Cong chuc Van phong - Thong ke") was given no category, a degree with its
field ("Dai hoc Luat", "Cao dang Su pham") was refused, the three birth-day columns were
not read together (every person of an unknown age) and a leavers' title was read as a
list of staff. Now each reads as its accented spelling does, where the spelling without
diacritics names one code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import read_roster
from cadre_core.roster._lookup import code_keys, lookup_codes
from cadre_core.roster._values import ASCII_ALIASES, VALUE_ALIASES, ascii_key
from cadre_core.vocab._marks import unmarked

TITLE = ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"]
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Tháng sinh", "Năm sinh", "Giới tính", "Dân tộc",
        "Chức vụ", "Trình độ chuyên môn", "Lý luận chính trị"]  # fmt: skip
PEOPLE = [
    [1, "Lò Văn Pấng", 12, 3, 1972, "Nam", "Thái", "Bí thư Đảng ủy xã", "Đại học Luật",
     "Cao cấp"],
    [2, "Nguyễn Thị Hằng", 14, 9, 1990, "Nữ", "Kinh", "Phó Bí thư Thường trực Đảng ủy",
     "Thạc sĩ Quản lý công", "Trung cấp"],
    [3, "Sùng A Chứ", 2, 11, 1988, "Nam", "Mông", "Chủ tịch UBND xã", "Cao đẳng Sư phạm",
     "Sơ cấp"],
    [4, "Lường Thị Dung", 20, 1, 1979, "Nữ", "Thái", "Phó Chủ tịch UBND", "Đại học Kinh tế",
     "Cao cấp"],
    [5, "Tao Văn Dũng", 8, 6, 1983, "Nam", "Dao", "Chủ tịch UB MTTQ xã", "Trung cấp",
     "Trung cấp"],
    [6, "Đỗ Thị Hoa", 30, 4, 1995, "Nữ", "Kinh", "Công chức Văn phòng - Thống kê",
     "Đại học Hành chính", None],
    [7, "Giàng A Lử", 15, 12, 1992, "Nam", "Mông", "Công chức Tư pháp - Hộ tịch",
     "Đại học Luật", "Sơ cấp"],
    [8, "Hoàng Văn Tiến", 1, 7, 1968, "Nam", "Tày", "Chủ tịch HĐND xã", "Thạc sĩ",
     "Cao cấp"],
]  # fmt: skip


def _plain(value: Any) -> Any:
    """``value`` typed without diacritics, its case kept ("Đ" is "D")."""
    return unmarked(value) if isinstance(value, str) else value


def _list(path: Path, *, plain: bool) -> Path:
    rows: list[list[Any]] = [[t] for t in TITLE] + [HEAD, *PEOPLE]
    if plain:
        rows = [[_plain(c) for c in row] for row in rows]
    return sheet(path, rows)


def _evaluated(path: Path) -> dict[str, Any]:
    out = run("evaluate", str(path), "--as-of", "2026-12-31", "--format", "json")
    assert "Traceback" not in out.stderr
    assert out.returncode == 0, out.stdout + out.stderr
    return dict(json.loads(out.stdout))


def _tables(path: Path) -> dict[str, pd.DataFrame]:
    return dict(read_roster(path, skip_invalid=True).tables)


def _facts(doc: dict[str, Any]) -> list[Any]:
    """What ``cadre evaluate`` says of a list: each target's counts, commune by commune."""
    counts = ("population", "satisfied", "required", "shortfall", "status", "failing")
    return [(t["id"], [t[k] for k in counts]) for c in doc["communes"] for t in c["targets"]]


def test_the_list_without_diacritics_reads_as_the_list_with_them(tmp_path: Path) -> None:
    """Before: the posts after which a body or the commune is named got no category, the
    degrees with their field were refused and the birth days were not read. Now the list
    typed without diacritics gives the accented list's categories, levels, fields (as
    typed), theory levels and birth days."""
    accented = _tables(_list(tmp_path / "co_dau.xlsx", plain=False))
    plain = _tables(_list(tmp_path / "khong_dau.xlsx", plain=True))
    for table, columns in (
        ("cadres", ["birth_date", "gender"]),
        ("positions", ["category"]),
        ("degrees", ["cadre_id", "level"]),
        ("theory", ["cadre_id", "level"]),
    ):
        assert accented[table][columns].equals(plain[table][columns]), table
    assert accented["positions"]["category"].notna().all()
    assert accented["cadres"]["birth_date"].notna().all()
    fields = [accented["degrees"]["field"], plain["degrees"]["field"]]
    assert [ascii_key(f) if isinstance(f, str) else f for f in fields[0]] == [
        ascii_key(f) if isinstance(f, str) else f for f in fields[1]
    ]
    assert fields[1].tolist()[:3] == ["Luat", "Quan ly cong", "Su pham"]


def test_cadre_evaluate_gives_the_same_counts(tmp_path: Path) -> None:
    """Through the real ``cadre evaluate --as-of 2026-12-31``: the list without diacritics
    is counted as the list with them is, target by target."""
    accented = _evaluated(_list(tmp_path / "co_dau.xlsx", plain=False))
    plain = _evaluated(_list(tmp_path / "khong_dau.xlsx", plain=True))
    assert _facts(accented), accented.keys()
    assert _facts(plain) == _facts(accented)


def test_a_leavers_title_without_diacritics_is_read(tmp_path: Path) -> None:
    """Before: "DANH SACH CAN BO NGHI HUU NAM 2025" was read as a list of staff. Now it is
    a list of leavers, as "NGHỈ HƯU" is; "giam" alone (giám, giảm or giam) and "Giam doc"
    (the director) say nothing of it, "giam trong nam" does."""
    from cadre_core.roster._list_title import title_leavers

    assert title_leavers(["UBND XA NAM TAM", "DANH SACH CAN BO NGHI HUU NAM 2025"]) == "NGHI HUU"
    assert title_leavers(["DANH SACH CAN BO THOI VIEC"]) == "THOI VIEC"
    assert title_leavers(["DANH SACH CAN BO GIAM TRONG NAM 2025"]) == "GIAM"
    for title in ("DANH SACH GIAM DOC, PHO GIAM DOC", "DANH SACH CAN BO DEN TUOI NGHI HUU",
                  "DANH SACH CAN BO TANG, GIAM NAM 2025", "UBND XA NAM GIAM"):  # fmt: skip
        assert title_leavers([title]) is None, title
    assert title_leavers(["DANH SACH CAN BO"], "Giam") is None


def _ambiguous(codes: str) -> set[str]:
    """The diacritic-free keys two codes of the list share: never read by them."""
    found: dict[str, set[str]] = {}
    for key, code in VALUE_ALIASES[codes].items():
        found.setdefault(ascii_key(key), set()).add(code)
    return {key for key, named in found.items() if len(named) > 1}


@given(st.data())
def test_every_title_and_degree_reads_the_same_without_diacritics(data: st.DataObject) -> None:
    """Every spelling of a post, a degree or a theory level, typed without diacritics (and
    followed by the commune or a field, where the list allows it), reads as the spelling
    with them, unless two codes share the spelling without diacritics."""
    codes = data.draw(st.sampled_from(["category", "education", "theory"]))
    aliases = VALUE_ALIASES[codes]
    key = data.draw(st.sampled_from(sorted(k for k in aliases if "_" not in k)))
    if ascii_key(key) in _ambiguous(codes):
        assert ascii_key(key) not in ASCII_ALIASES[codes]
        return
    plain = unmarked(key)
    read = lookup_codes(code_keys(pd.Series([plain, plain.upper()])), codes).tolist()
    assert read == [aliases[key]] * 2, (key, plain)
    if codes == "category" and not key.endswith(("xã", "khác", "ban")):
        tail = f"{plain} xa"
        accented = lookup_codes(code_keys(pd.Series([f"{key} xã"])), codes).tolist()
        assert lookup_codes(code_keys(pd.Series([tail])), codes).tolist() == accented
    if codes == "education" and " " in key and "(" not in key:
        with_field = [f"{key} Luật", f"{plain} Luat"]
        got = lookup_codes(code_keys(pd.Series(with_field)), codes).tolist()
        assert got[0] == got[1], with_field


def test_accented_spellings_read_as_before() -> None:
    """The rewrites without diacritics come after those with them: a post, a degree, a
    theory level with diacritics reads as before, and what was refused stays refused."""
    cases = {
        "category": {"Bí thư Đảng ủy xã": "party_secretary", "Chủ tịch": None,
                     "Phó Chủ tịch Thường trực HĐND": "council_vice_chair",
                     "Công chức Văn hóa - Xã hội": "professional"},
        "education": {"Đại học Luật": "dai_hoc", "Đại học Xây dựng Đảng": "dai_hoc",
                      "Trung cấp chính trị": None, "CN kỹ thuật": None,
                      "Thạc sĩ (đang học)": None},
        "theory": {"Cao cấp": "cao_cap", "Trung cấp chính trị - hành chính": "trung_cap"},
    }  # fmt: skip
    for codes, spellings in cases.items():
        got = lookup_codes(code_keys(pd.Series(list(spellings))), codes)
        assert [None if pd.isna(c) else c for c in got] == list(spellings.values()), codes


def test_plain_spellings_refused_on_purpose_stay_refused() -> None:
    """Typed without diacritics, a post of no one body ("Chu tich"), a worker's letters
    ("CN ky thuat") and a degree under way stay unread, as with diacritics."""
    assert lookup_codes(code_keys(pd.Series(["Chu tich", "Chu tich xa"])), "category").isna().all()
    education = ["CN ky thuat", "Thac si (dang hoc)", "Trung cap chinh tri", "So cap"]
    assert lookup_codes(code_keys(pd.Series(education)), "education").isna().all()
