"""More degree and theory spellings of commune lists: "CN Hành chính" (CN with a field
after it: a cử nhân), the teachers' letters alone ("CĐSP", "ĐHSP") keeping their field
"Sư phạm", theory "Sơ cấp LL", and values typed without diacritics under accented headers
("Dai hoc", "Cao cap", "Nu", "Thai").

Each list is built here and read through ``read_roster`` and the real ``cadre`` command;
each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import read_roster
from cadre_core.roster._level_field import field_after_level
from cadre_core.roster._lookup import lookup_codes
from cadre_core.roster._values import (
    ASCII_ALIASES,
    VALUE_ALIASES,
    _ascii_unique,
    ascii_key,
    text_key,
)

D = dt.datetime
DAY = "31/12/2025"
TITLE = [
    ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"],
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"],
]
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ",
        "Trình độ chuyên môn", "Lý luận chính trị"]  # fmt: skip


def _list(path: Path, rows: list[list[object]]) -> Path:
    people = [[i, *r] for i, r in enumerate(rows, 1)]
    return sheet(path, [*TITLE, HEAD, *people])


def _person(i: int, degree: object, theory: object = "Trung cấp") -> list[object]:
    return [f"Lò Văn A{i}", D(1980, 1, 1 + i), "Nam", "Thái", "Công chức Tư pháp - Hộ tịch",
            degree, theory]  # fmt: skip


def _read(path: Path) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    t = read_roster(path, list_date=DAY).tables
    names = t["cadres"].set_index("cadre_id")["full_name"]
    degrees = {
        names[c]: (str(lv), None if pd.isna(f) else str(f))
        for c, lv, f in zip(
            t["degrees"]["cadre_id"], t["degrees"]["level"], t["degrees"]["field"], strict=True
        )
    }
    theory = {
        names[c]: str(lv)
        for c, lv in zip(t["theory"]["cadre_id"], t["theory"]["level"], strict=True)
    }
    return degrees, theory


# ----------------------------------------------------------- 1-2. CN + field, CĐSP, ĐHSP


DEGREES = {
    "CN Hành chính": ("dai_hoc", "Hành chính"),
    "CN Luật": ("dai_hoc", "Luật"),
    "CN. Kinh tế": ("dai_hoc", "Kinh tế"),
    "CĐSP": ("cao_dang", "Sư phạm"),
    "ĐHSP": ("dai_hoc", "Sư phạm"),
    "TCSP": ("trung_cap", "Sư phạm"),
    "ĐHSP Toán": ("dai_hoc", "Sư phạm Toán"),
    "CN ĐH": ("dai_hoc", None),
}


def test_cn_with_a_field_and_teachers_letters_read_with_their_field(tmp_path: Path) -> None:
    """Before, "CN Hành chính" was refused ("cn" may be công nhân even with a field after
    it) and "CĐSP" / "ĐHSP" were read as their level with no field: "Sư phạm" was lost
    without a word."""
    path = _list(tmp_path / "degrees.xlsx", [_person(i, d) for i, d in enumerate(DEGREES)])
    degrees, _ = _read(path)
    assert degrees == {f"Lò Văn A{i}": want for i, want in enumerate(DEGREES.values())}
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 0, out.stdout + out.stderr
    done = run("evaluate", str(path), "--as-of", "2026-12-31", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)


def test_cn_alone_or_before_a_workers_words_is_still_refused(tmp_path: Path) -> None:
    """A bare "CN", and "CN kỹ thuật" / "CN bậc 3" (công nhân), stay refused, with a
    sentence naming the row and the column, as before."""
    for n, cell in enumerate(("CN", "CN kỹ thuật", "CN bậc 3", "CN chính trị")):
        path = _list(tmp_path / f"cn{n}.xlsx", [_person(0, "Đại học Luật"), _person(1, cell)])
        out = run("validate", str(path), "--list-date", DAY)
        assert out.returncode == 2, (cell, out.stdout + out.stderr)
        assert "Traceback" not in out.stderr
        assert f"'{cell}'" in out.stdout + out.stderr, out.stdout + out.stderr


def test_field_after_cn_is_what_follows_unless_it_names_a_worker() -> None:
    """The field after "CN" is the text that follows; a worker's words give none."""
    assert field_after_level("CN Quản lý công") == "Quản lý công"
    assert field_after_level("CN") is None
    assert field_after_level("CN kỹ thuật") is None
    keys = pd.Series(["cn", "cn kỹ thuật", "cn lành nghề", "cn hành chính"])
    found = lookup_codes(keys, "education")
    assert [None if pd.isna(c) else c for c in found] == [None, None, None, "dai_hoc"]


FIELD_WORDS = st.sampled_from(
    ["Luật", "Hành chính", "Kinh tế", "Quản lý công", "Nông nghiệp", "Kế toán", "Xã hội học"]
)


@given(field=FIELD_WORDS, glue=st.sampled_from([" ", "  ", ". ", ": ", " - "]))
def test_cn_then_a_field_is_a_bachelor_with_that_field(field: str, glue: str) -> None:
    """Whatever joins them, "CN" then a field is dai_hoc with that field."""
    cell = f"CN{glue}{field}"
    assert field_after_level(cell) == field
    assert lookup_codes(pd.Series([text_key(cell)]), "education").tolist() == ["dai_hoc"]


# ------------------------------------------------------------------ 3. theory "LL"


def test_theory_level_then_ll_reads_as_the_level(tmp_path: Path) -> None:
    """Before, "Sơ cấp LL" was refused though "Sơ cấp LLCT" and "Sơ cấp lý luận" were
    read: "LL" alone (or "L.L") was not taken for the theory words."""
    cells = {"Sơ cấp LL": "so_cap", "Trung cấp LL": "trung_cap", "Cao cấp L.L": "cao_cap",
             "Cao cấp LL CT": "cao_cap"}  # fmt: skip
    rows = [_person(i, "Đại học Luật", c) for i, c in enumerate(cells)]
    path = _list(tmp_path / "theory.xlsx", rows)
    _, theory = _read(path)
    assert theory == {f"Lò Văn A{i}": want for i, want in enumerate(cells.values())}
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 0, out.stdout + out.stderr


# ------------------------------------------------------- 4. values without diacritics


def test_values_typed_without_diacritics_under_accented_headers(tmp_path: Path) -> None:
    """Levels, theory, gender and ethnicity typed without diacritics ("Dai hoc", "Cao
    cap", "Nu", "Thai") are read by their diacritic-free key under accented headers."""
    rows: list[list[object]] = [
        ["Lò Văn Pấng", D(1972, 3, 12), "Nam", "Thai", "Bí thư Đảng ủy xã", "Dai hoc", "Cao cap"],
        ["Vàng Thị Mỷ", D(1980, 5, 2), "Nu", "Kinh", "Phó Bí thư Đảng ủy xã", "Thac si", "So cap"],
        ["Tao Văn Hùng", D(1978, 1, 20), "Nam", "Thai", "Chủ tịch UBND xã", "Cao dang",
         "Trung cap"],
        ["Hà Thị Liên", D(1985, 7, 5), "Nu", "Kinh", "Công chức Văn hóa - Xã hội", "Trung cap",
         None],
    ]  # fmt: skip
    path = _list(tmp_path / "plain.xlsx", rows)
    t = read_roster(path, list_date=DAY).tables
    cadres = t["cadres"].set_index("cadre_id")
    names = cadres["full_name"]
    assert {names[c]: str(g) for c, g in cadres["gender"].items()} == {
        "Lò Văn Pấng": "male", "Vàng Thị Mỷ": "female", "Tao Văn Hùng": "male",
        "Hà Thị Liên": "female",
    }  # fmt: skip
    assert sorted(str(e) for e in cadres["ethnicity"]) == ["Kinh", "Kinh", "Thái", "Thái"]
    degrees, theory = _read(path)
    assert {n: lv for n, (lv, _) in degrees.items()} == {
        "Lò Văn Pấng": "dai_hoc", "Vàng Thị Mỷ": "thac_si", "Tao Văn Hùng": "cao_dang",
        "Hà Thị Liên": "trung_cap",
    }  # fmt: skip
    assert theory == {"Lò Văn Pấng": "cao_cap", "Vàng Thị Mỷ": "so_cap",
                      "Tao Văn Hùng": "trung_cap"}  # fmt: skip
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 0, out.stdout + out.stderr


@given(st.sampled_from(sorted(VALUE_ALIASES)), st.data())
def test_diacritic_free_key_never_names_a_key_two_codes_share(
    codes: str, data: st.DataObject
) -> None:
    """A diacritic-free key is read only when every spelling with that key names one code."""
    aliases = VALUE_ALIASES[codes]
    key = data.draw(st.sampled_from(sorted(aliases)))
    plain = ascii_key(key)
    sharing = {code for k, code in aliases.items() if ascii_key(k) == plain}
    if len(sharing) == 1:
        assert ASCII_ALIASES[codes][plain] == aliases[key]
    else:
        assert plain not in ASCII_ALIASES[codes]


@given(
    st.dictionaries(
        st.sampled_from(["cao đẳng", "cao dẳng", "cao dang", "sơ cấp", "so cap", "số cấp", "nu"]),
        st.sampled_from(["a", "b", "c"]),
        min_size=1,
    )
)
def test_ascii_unique_drops_every_key_two_codes_share(aliases: dict[str, str]) -> None:
    """Of any alias table, the diacritic-free keys kept name one code each."""
    kept = _ascii_unique(aliases)
    for key, code in aliases.items():
        shared = {c for k, c in aliases.items() if ascii_key(k) == ascii_key(key)}
        assert kept.get(ascii_key(key)) == (code if len(shared) == 1 else None)
