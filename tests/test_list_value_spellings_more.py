"""More value spellings of real commune lists: abbreviated department titles ("CVP
HĐND-UBND", "PGĐ Trung tâm PVHCC"), an invisible soft hyphen pasted from the web inside a
title or a name, the "Tiếng dân tộc" yes/no field answered by naming the language, and a
degree or theory cell naming two levels or one still being studied ("Đại học Luật; Thạc sĩ
QLKT", "Cao cấp (đang học)").

Each list is built here and read through ``read_roster`` and the real ``cadre`` command;
each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import read_roster
from cadre_core.roster._held_levels import held_level
from cadre_core.roster._normalize import normalise_bool, normalise_code, to_text
from cadre_core.roster._values import INVISIBLE_CHARS, text_key
from cadre_core.roster._values_forms import names_ethnic_language
from cadre_core.vocab._labels import label

D = dt.datetime
DAY = "31/12/2025"
TITLE = [["ĐẢNG ỦY XÃ TAM ĐƯỜNG"], ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"]]
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
        "Lý luận chính trị"]  # fmt: skip
FORMAT_CHARS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]


def _list(path: Path, rows: list[list[object]], head: list[str] = HEAD) -> Path:
    people = [[i, *r] for i, r in enumerate(rows, 1)]
    return sheet(path, [*TITLE, head, *people])


def _categories(path: Path) -> dict[str, str | None]:
    tables = read_roster(path, skip_invalid=True).tables
    held = tables["assignments"].merge(tables["positions"], on="position_code")
    return {
        str(t): None if pd.isna(c) else str(c)
        for t, c in zip(held["title"], held["category"], strict=True)
    }


# ------------------------------------------------------------------- 1. abbreviated posts


def test_abbreviated_office_and_centre_titles_read_as_written_out(tmp_path: Path) -> None:
    """Before, "CVP HĐND-UBND", "Phó CVP HĐND-UBND", "PCVP Đảng ủy", "GĐ Trung tâm
    PVHCC" and "PGĐ ..." were left without category (with a warning that read as if the
    post were known), while the same titles written out were department heads/deputies."""
    titles = {
        "CVP HĐND-UBND": "department_head",
        "CVP HĐND và UBND": "department_head",
        "Chánh Văn phòng HĐND và UBND": "department_head",
        "Phó CVP HĐND-UBND": "department_deputy",
        "PCVP Đảng ủy": "department_deputy",
        "Phó Chánh văn phòng Đảng ủy": "department_deputy",
        "GĐ Trung tâm PVHCC": "department_head",
        "Giám đốc Trung tâm Phục vụ hành chính công": "department_head",
        "PGĐ Trung tâm PVHCC": "department_deputy",
        "Phó Giám đốc Trung tâm Phục vụ hành chính công": "department_deputy",
        "Trưởng CA xã": None,  # (the full spelling is of no category either)
    }
    rows: list[list[object]] = [
        [f"Lò Văn A{i}", D(1980, 1, 1), "Nam", t, "Đại học", "Trung cấp"]
        for i, t in enumerate(titles)
    ]
    path = _list(tmp_path / "posts.xlsx", rows)
    assert _categories(path) == titles
    warned = [p for p in read_roster(path, skip_invalid=True).problems
              if p.key == "unknown_category"]  # fmt: skip
    assert [(p.row, p.value) for p in warned] == [(14, "Trưởng CA xã")]
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "'Trưởng CA xã'" in out.stdout and "this title was not recognised" in out.stdout
    assert "'CVP HĐND-UBND'" not in out.stdout


def test_the_unknown_title_warning_says_the_title_was_not_recognised() -> None:
    """Before, the warning read "một chức vụ thuộc loại đã biết" / "a title of a known
    category", as if the post were known."""
    vi, en = label("problem_unknown_category", "vi"), label("problem_unknown_category", "en")
    assert "không được nhận ra" in vi and "đã biết;" not in vi
    assert "not recognised" in en and "of a known category" not in en


# --------------------------------------------------------------- 2. invisible characters


def test_the_invisible_characters_are_every_format_character() -> None:
    """Before, only five invisible characters were dropped: the soft hyphen (U+00AD) and
    the bidirectional marks stayed inside keys and names."""
    import re

    pattern = re.compile(f"[{INVISIBLE_CHARS}]")
    assert [c for c in FORMAT_CHARS if not pattern.fullmatch(c)] == []
    assert [c for c in map(chr, range(0x3000)) if pattern.fullmatch(c)] == [
        c for c in FORMAT_CHARS if ord(c) < 0x3000
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["Chủ tịch UBND xã", "Đại học", "Lò Văn Thẳm", "Thạc sĩ QLKT"]),
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from(FORMAT_CHARS)), max_size=4),
)
def test_a_format_character_anywhere_gives_the_same_key_and_text(
    text: str, inserted: list[tuple[int, str]]
) -> None:
    """Any format character inserted anywhere leaves the key and the cleaned text (a
    name's) as without it; before, a soft hyphen made another key and another name."""
    spoiled = text
    for at, ch in inserted:
        spoiled = spoiled[: at % (len(spoiled) + 1)] + ch + spoiled[at % (len(spoiled) + 1) :]
    assert text_key(spoiled) == text_key(text)
    cleaned = to_text(pd.Series([spoiled, text] * 40, dtype=object))  # (the distinct path)
    assert cleaned.tolist() == [text] * 80
    assert to_text(pd.Series([spoiled], dtype=object)).tolist() == [text]


def test_a_soft_hyphen_from_the_web_in_a_title_and_a_name(tmp_path: Path) -> None:
    """Before, "Chủ tịch UBND\\u00ad xã" (a soft hyphen pasted from a web page) was left
    without category, and a name holding one was another name."""
    rows: list[list[object]] = [
        ["Lò\u00adVăn Thẳm", D(1972, 4, 2), "Nam", "Chủ tịch UBND\u00ad xã", "Đại học", None],
        ["Tòng Văn\u200e Biên", D(1975, 8, 19), "Nam", "Phó Bí\u00ad thư Đảng ủy", "Đại học",
         None],
    ]  # fmt: skip
    path = _list(tmp_path / "web.xlsx", rows)
    roster = read_roster(path, skip_invalid=True)
    assert sorted(roster.tables["cadres"]["full_name"]) == ["LòVăn Thẳm", "Tòng Văn Biên"]
    assert sorted(roster.tables["positions"]["category"]) == [
        "committee_chair", "party_deputy_secretary"]  # fmt: skip
    assert [
        p.key for p in roster.problems if p.severity != "warning" or p.table == "positions"
    ] == []
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 0 and "not recognised" not in out.stdout, out.stdout


# ------------------------------------------------------------- 3. the ethnic language


def test_a_language_named_in_the_ethnic_language_field_is_yes(tmp_path: Path) -> None:
    """Before, "Thái", "tiếng Dao", "Hmông" in the "Tiếng dân tộc" column refused the
    whole list (a yes/no value expected)."""
    head = [*HEAD[:5], "Tiếng dân tộc"]
    langs = ["Thái", "Mông", "tiếng Dao", "Hmông", "x", None, "Không", "Tiếng Thái, Mông"]
    rows: list[list[object]] = [
        [f"Lò Văn A{i}", D(1980, 1, 1), "Nam", "Công chức Văn phòng - Thống kê", v]
        for i, v in enumerate(langs)
    ]
    path = _list(tmp_path / "lang.xlsx", rows, head)
    cadres = read_roster(path, list_date=DAY).tables["cadres"].sort_values("full_name")
    assert cadres["ethnic_language"].tolist() == [True, True, True, True, True, False, False,
                                                  True]  # fmt: skip
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 0, out.stdout + out.stderr


def test_only_the_ethnic_language_field_reads_a_language_as_yes() -> None:
    """A language's name is no yes in another yes/no column, nor is English or Kinh in
    this one."""
    cells = pd.Series(["Thái", "tiếng Mông", "Kinh", "tiếng Anh", "có", None], dtype=object)
    yes, issues = normalise_bool(cells.rename("ethnic_language"))
    assert yes.tolist() == [True, True, False, False, True, False]
    assert issues.bad.tolist() == [False, False, True, True, False, False]
    _, other = normalise_bool(cells.rename("professional_basic"))
    assert other.bad.tolist() == [True, True, True, True, False, False]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["thái", "mông", "dao", "tày", "nùng", "khơ mú", "hà nhì", "lự"]),
       st.sampled_from(["", "tiếng ", "Tiếng "]))  # fmt: skip
def test_every_minority_language_with_or_without_tieng(name: str, word: str) -> None:
    """Each minority's language, with or without "tiếng", names one."""
    assert names_ethnic_language(text_key(word + name))


# -------------------------------------------------------- 4. two levels, one under way


def test_two_levels_and_levels_under_way_in_one_cell(tmp_path: Path) -> None:
    """Before, every one of these cells refused the whole list ("one of trung_cap, ...").
    Now the highest level held is read with its field; a level under way ("đang học") is
    not held: a warning names the cell, and a cell naming only levels under way holds no
    level (it was refused with a note until it was read as blank, with a warning)."""
    rows: list[list[object]] = [
        ["Lò Văn Khiêm", D(1977, 2, 11), "Nam", "Bí thư Đảng ủy", "Đại học Luật; Thạc sĩ QLKT",
         "Cao cấp"],
        ["Tòng Thị Lả", D(1982, 5, 5), "Nữ", "Phó Chủ tịch UBND xã",
         "Cao đẳng Kế toán, Đại học Kế toán", "Trung cấp; Cao cấp (đang học)"],
        ["Giàng A Vư", D(1990, 8, 18), "Nam", "Công chức Tư pháp - Hộ tịch",
         "Trung cấp Luật; Đại học Luật (đang học)", None],
        ["Sùng Thị Dế", D(1988, 11, 3), "Nữ", "Phó Bí thư Đảng ủy", "ĐH Luật, Ths QLC",
         "Cử nhân chính trị"],
        ["Lò Thị Mai", D(1984, 4, 12), "Nữ", "Chủ tịch HĐND xã", "Đại học Luật\nThạc sĩ QLKT",
         "Trung cấp"],
        ["Vàng A Dình", D(1993, 1, 27), "Nam", "Công chức Văn hóa - Xã hội",
         "Đại học; Thạc sĩ - đang học", "Cao cấp (đang học)"],
    ]  # fmt: skip
    path = _list(tmp_path / "levels.xlsx", rows)
    roster = read_roster(path)  # (the theory cell of only a level under way: blank)
    said = sorted((p.key, p.table, p.row, p.severity, dict(p.args).get("note_key"))
                  for p in roster.problems if p.table in ("degrees", "theory"))  # fmt: skip
    assert said == [
        ("level_not_yet_held", "theory", 9, "warning", None),
        ("level_under_way", "degrees", 6, "warning", None),
        ("level_under_way", "degrees", 9, "warning", None),
        ("level_under_way", "theory", 5, "warning", None),
    ]
    t = roster.tables
    names = t["cadres"].set_index("cadre_id")["full_name"]
    degrees = {names[c]: (str(lv), None if pd.isna(f) else f) for c, lv, f in
               zip(t["degrees"]["cadre_id"], t["degrees"]["level"], t["degrees"]["field"],
                   strict=True)}  # fmt: skip
    assert degrees == {
        "Lò Văn Khiêm": ("thac_si", "QLKT"),
        "Tòng Thị Lả": ("dai_hoc", "Kế toán"),
        "Giàng A Vư": ("trung_cap", "Luật"),
        "Sùng Thị Dế": ("thac_si", "QLC"),
        "Lò Thị Mai": ("thac_si", "QLKT"),
        "Vàng A Dình": ("dai_hoc", None),
    }
    theory = {names[c]: str(lv) for c, lv in zip(t["theory"]["cadre_id"], t["theory"]["level"],
                                                  strict=True)}  # fmt: skip
    assert theory == {"Lò Văn Khiêm": "cao_cap", "Tòng Thị Lả": "trung_cap",
                      "Sùng Thị Dế": "cu_nhan", "Lò Thị Mai": "trung_cap"}  # fmt: skip
    out = run("validate", str(path), "--list-date", DAY)
    assert out.returncode == 0, out.stdout + out.stderr
    text = out.stdout + out.stderr
    assert "'Trung cấp Luật; Đại học Luật (đang học)' names a level still being studied" in text
    assert "only the highest level held was read, 'Trung cấp Luật'" in text
    assert "'Cao cấp (đang học)' names only a level still being studied" in text
    skipped = run("validate", str(path), "--list-date", DAY, "--skip-invalid", "--format", "json")
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "level_under_way" in json.dumps(json.loads(skipped.stdout))


def test_held_level_of_cells_that_are_read_as_before() -> None:
    """Cells of one level, or whose parts are not all levels, are read as before."""
    for cell in ("Đại học", "Đại học Luật, Kinh tế", "Thạc sĩ đại học", "Cao đẳng đại học",
                 "Trung cấp, Cao đẳng, Đại học, Thạc sĩ, Tiến sĩ", "ĐH (TC)",
                 "Thạc sỹ, tiến sỹ", "Đại học, Thạc sĩ"):  # fmt: skip
        assert held_level(cell, "education") is None, cell


LEVELS = {"Trung cấp": "trung_cap", "Cao đẳng": "cao_dang", "Đại học": "dai_hoc",
          "Thạc sĩ": "thac_si", "Tiến sĩ": "tien_si"}  # fmt: skip
ORDER = list(LEVELS.values())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(list(LEVELS)), st.booleans(),
                  st.sampled_from(["", " Luật", " Kế toán"])),
        min_size=2, max_size=3,
    ),
    st.sampled_from(["; ", ", ", " và ", "\n"]),
    st.sampled_from([" (đang học)", " - đang học", " đang theo học"]),
)  # fmt: skip
def test_the_highest_level_held_is_read(
    parts: list[tuple[str, bool, str]], joint: str, mark: str
) -> None:
    """Whatever levels a cell joins, the level read is the highest of those not under
    way; none held (every one under way) is refused."""
    choices = not any(u or f for _, u, f in parts)  # (bare levels: a form's choices)
    cell = joint.join(f"{lv}{f}{mark if u else ''}" for lv, u, f in parts)
    held = [LEVELS[lv] for lv, u, _ in parts if not u]
    read, issues = normalise_code(pd.Series([cell]), codes="education")
    if joint == "\n" and any(not f and not u for _, u, f in parts[:-1]):
        return  # (a bare level then a line: one level's words, not guessed)
    if choices:
        assert bool(issues.bad[0]), cell
    elif held:
        assert str(read[0]) == max(held, key=ORDER.index), cell
    else:
        assert bool(issues.bad[0]), cell
