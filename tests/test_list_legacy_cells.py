"""Cells pasted from a TCVN3 (.VnTime) file into a Unicode list.

Before, a pasted cell of a coded column (ethnicity, level of degree, theory) was said
twice: once as legacy text ("it reads as 'Thái'") and once as a value that is not one of
the column's ("one of the 54 official ethnic groups", "one of trung_cap, cao_dang ...",
the codes themselves). Now it is said once, as legacy text, the useful sentence.

TCVN3 writes "ư" as the soft hyphen (U+00AD); the property below checks that every
letter of the label table and of the vocabulary comes back from its TCVN3 codes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import read_roster
from cadre_core.vocab._ethnic import ETHNIC_GROUPS
from cadre_core.vocab._labels import _LABELS
from cadre_core.vocab._vntext import TCVN3_TO_UNICODE, convert_tcvn3

#: the inverse of the module's table: each letter to its TCVN3 code
_TO_TCVN3 = {letter: code for code, letter in TCVN3_TO_UNICODE.items()}


def tcvn3(text: str) -> str:
    """``text`` as a .VnTime typist typed it: a toned capital, which has no code of its
    own, as its small letter's code."""
    nfc = unicodedata.normalize("NFC", text)
    return "".join(_TO_TCVN3.get(ch, _TO_TCVN3.get(ch.lower(), ch)) for ch in nfc)


HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ",
        "Trình độ chuyên môn", "Lý luận chính trị"]  # fmt: skip
PEOPLE = [
    ("Lò Văn Pấng", "12/03/1972", "Nam", "Thái", "Bí thư Đảng ủy xã", "Đại học", "Cao cấp"),
    ("Vàng Thị Mỷ", "05/07/1985", "Nữ", "Mông", "Phó Chủ tịch UBND xã", "Đại học",
     "Trung cấp"),
    ("Tao Văn Hùng", "20/01/1978", "Nam", "Thái", "Công chức Tư pháp - Hộ tịch", "Thạc sĩ",
     "Cao cấp"),
    ("Nguyễn Thị Hằng", "14/09/1990", "Nữ", "Kinh", "Chủ tịch UBND xã", "Đại học",
     "Trung cấp"),
    ("Sùng A Chứ", "02/11/1988", "Nam", "Mông", "Chủ tịch Hội Nông dân xã", "Cao đẳng",
     "Trung cấp"),
    ("Lường Thị Bình", "30/04/1995", "Nữ", "Mường", "Phó Bí thư Thường trực Đảng ủy xã",
     "Đại học", "Sơ cấp"),
    ("Giàng A Dế", "17/08/1993", "Nam", "Mông", "Công chức Văn phòng - Thống kê", "Đại học",
     "Cao cấp"),
]  # fmt: skip
PASTED = (3, 6)  # rows pasted from last year's .VnTime file: sheet rows 5 and 8


def _list(path: Path) -> Path:
    rows: list[list[Any]] = [["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"], HEAD]
    for i, person in enumerate(PEOPLE, 1):
        rows.append([i, *(tcvn3(v) if i in PASTED else v for v in person)])
    return sheet(path, rows)


def _problems(path: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    out = run("validate", str(path), "--format", "json", *args)
    assert "Traceback" not in out.stderr
    return out.returncode, json.loads(out.stdout)["problems"]


def test_a_pasted_cell_of_a_coded_column_is_said_once(tmp_path: Path) -> None:
    """Before: 'Th¸i', 'Cao cÊp', 'Th¹c sÜ' were each said as legacy text and again as
    'not one of' the column's values (the English listing the codes "trung_cap,
    cao_dang ..."). Now one error per cell, the legacy one, with what it reads as."""
    code, problems = _problems(_list(tmp_path / "dan.xlsx"))
    assert code == 2
    errors = [p for p in problems if p["severity"] == "error"]
    per_cell = Counter((p["row"], p["column"]) for p in errors)
    assert per_cell and max(per_cell.values()) == 1, per_cell
    assert {p["row"] for p in errors} == {5, 8}
    assert {p["key"] for p in errors} <= {"legacy_encoded", "legacy_encoded_cell"}
    coded = {(p["row"], p["column"].split(" (")[0]): p["args"]["good"] for p in errors
             if p["value"] is not None}  # fmt: skip
    assert coded[5, "Dân tộc"] == "'Thái'" and coded[8, "Dân tộc"] == "'Mường'"
    assert coded[5, "Lý luận chính trị"] == "'Cao cấp'"
    assert coded[5, "Trình độ chuyên môn"] == "'Thạc sĩ'"
    assert not re.search(r"trung_cap|cao_cap|dai_hoc", json.dumps(errors))


def test_a_coded_value_still_wrong_in_unicode_is_said(tmp_path: Path) -> None:
    """A Unicode cell that is no value of its column is said as before: only the cells
    said as legacy text are not said again."""
    path = _list(tmp_path / "dan.xlsx")
    rows: list[list[Any]] = [["DANH SÁCH CÁN BỘ (tính đến ngày 31/12/2025)"], HEAD,
                             [1, *PEOPLE[0][:3], "Người Sao Hỏa", *PEOPLE[0][4:]]]  # fmt: skip
    code, problems = _problems(sheet(path, rows))
    assert code == 2
    assert [(p["row"], p["column"].split(" (")[0]) for p in problems
            if p["severity"] == "error"] == [(3, "Dân tộc")]  # fmt: skip


def test_convert_reads_the_pasted_rows_and_leaves_the_others(tmp_path: Path) -> None:
    """With ``--legacy-text convert`` the two pasted rows are read right, the five others
    untouched (as before)."""
    path = _list(tmp_path / "dan.xlsx")
    code, problems = _problems(path, "--legacy-text", "convert")
    assert code == 0, [p for p in problems if p["severity"] == "error"]
    cadres = read_roster(path, legacy="convert").tables["cadres"]
    assert cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert cadres["ethnicity"].astype(str).tolist() == [p[3] for p in PEOPLE]
    theory = read_roster(path, legacy="convert").tables["theory"]["level"].astype(str)
    assert theory.tolist() == ["cao_cap", "trung_cap", "cao_cap", "trung_cap", "trung_cap",
                               "so_cap", "cao_cap"]  # fmt: skip


def test_the_reading_of_a_pasted_title_keeps_its_u_horn(tmp_path: Path) -> None:
    """Before: 'C«ng chøc T\\xad ph¸p - Hé tÞch' read as 'Công chức T pháp - Hộ tịch',
    'Phã BÝ th\\xad Th\\xadêng trùc' as 'Phó Bí th Thờng trực'."""
    _, problems = _problems(_list(tmp_path / "dan.xlsx"))
    titles = {p["args"]["good"] for p in problems if p["column"].startswith("Chức vụ")
              and p["key"] == "legacy_encoded"}  # fmt: skip
    assert titles == {"'Công chức Tư pháp - Hộ tịch'", "'Phó Bí thư Thường trực Đảng ủy xã'"}


# ------------------------------------------------------------- TCVN3 and back, a property


def _toned(ch: str) -> bool:
    """Whether a letter has a tone mark (in its decomposition)."""
    return any(m in unicodedata.normalize("NFD", ch) for m in "\u0300\u0301\u0303\u0309\u0323")


def _words() -> list[str]:
    """Every word of the label table's Vietnamese and of the ethnic groups' names, but a
    word with a toned capital (TCVN3 has no code for one: a typist types its small letter)."""
    text = " ".join([*(vi for vi, _ in _LABELS.values()), *(g.name for g in ETHNIC_GROUPS)])
    words = set(re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", text)))
    return sorted(w for w in words if not w.isascii()
                  and not any(c.isupper() and _toned(c) for c in w))  # fmt: skip


WORDS = _words()
SPECIAL = ["Ư", "Ơ", "Đ", "ư", "ơ", "đ", "Trường", "Thường trực", "Tư pháp", "Người", "Ươm",
           "Ơn", "Đức", "Đường", "TRƯỜNG", "NGƯỜI ƠI", "HƯNG", "THƯỜNG TRỰC", "ĐỪNG"]  # fmt: skip


def test_the_vocabulary_has_every_letter_of_tcvn3() -> None:
    """The words drawn from hold ư, ơ, đ, their capitals and every tone."""
    letters = set("".join(WORDS))
    assert set("ươđƯĐ") <= letters
    assert set("àảãáạừửữứự") <= letters


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + SPECIAL[:12]), min_size=1, max_size=6))
def test_tcvn3_and_back_is_the_text(words: list[str]) -> None:
    """Any Vietnamese text of the vocabulary typed in TCVN3 and converted back is the
    text (NFC), its ư (the soft hyphen), Ư, ơ, Ơ, đ, Đ and every tone."""
    text = unicodedata.normalize("NFC", " ".join(words))
    # (a text with no small ASCII letter is read in capitals when a word is: "MÃ THƯ"
    # typed "M· TH¦" is ambiguous, a capital's font draws "Ã" at the code of "ã")
    assume(any("a" <= ch <= "z" for ch in text) or text == text.upper())
    typed = tcvn3(text)
    assert "\xad" in typed or "ư" not in text
    assert convert_tcvn3(typed) == text


@given(st.sampled_from(SPECIAL[-5:]))
def test_a_word_in_capitals_with_u_horn_comes_back_in_capitals(word: str) -> None:
    """Text typed in capitals ('TRƯỜNG': its toned letter typed as the small letter's
    code) comes back in capitals, its Ư too."""
    assert convert_tcvn3(tcvn3(word)) == word
