"""The same spelling typed the ways real files carry it is read the same, and what names no
single code stays refused.

Real rosters carry invisible characters (a zero-width space or byte-order mark pasted into a
cell), no-break spaces, a full stop or colon after a value, dotted abbreviations ("Th.S",
"Đ.học"), abbreviated titles ("CT UBND", "PCT HĐND", "BT ĐU") and numbered or marked headers
("1. Họ và tên", "Ngày sinh (dd/mm/yyyy):"). These tests state the rules, not a list.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core.roster._normalize import normalise_code, normalise_topics, to_text
from cadre_core.roster._schema import (
    AMBIGUOUS_VALUES,
    ASCII_ALIASES,
    TABLES,
    VALUE_ALIASES,
    ascii_key,
    header_key,
    text_key,
)


def read(codes: str, *values: str) -> list[str | None]:
    out, _ = normalise_code(pd.Series(list(values), dtype=object), codes=codes)
    return [None if pd.isna(v) else str(v) for v in out]


def note(codes: str, value: str) -> str | None:
    out, issues = normalise_code(pd.Series([value], dtype=object), codes=codes)
    assert pd.isna(out.iloc[0]), f"{value!r} was read as {out.iloc[0]}"
    return next(iter(issues.notes.values()), None)


# ------------------------------------------------------------------------------ text


def test_invisible_characters_and_unicode_spaces_are_cleaned_from_text() -> None:
    raw = ["Đ\u200bại\u00a0học", "\ufeffCao  đẳng", "Lò\u2003Văn\u202fBiên", "a\u2060b", None]
    assert to_text(pd.Series(raw, dtype=object)).tolist()[:4] == [
        "Đại học",
        "Cao đẳng",
        "Lò Văn Biên",
        "ab",
    ]
    assert text_key("\ufeffThạc\u00a0sĩ\u200b ") == "thạc sĩ"


def test_a_value_with_a_full_stop_or_colon_after_it_is_the_value() -> None:
    assert read("education", "Đại học.", "Thạc sĩ (tương đương).", "ThS.", "CĐ:") == [
        "dai_hoc",
        "thac_si",
        "thac_si",
        "cao_dang",
    ]
    assert read("discipline", "Khiển trách;") == ["khien_trach"]
    # what was refused with a note still is, with the same note
    assert note("education", "Sơ cấp.") == note("education", "Sơ cấp")
    assert note("education", "CN.") is not None  # cử nhân or công nhân


def test_dotted_abbreviations() -> None:
    assert read("education", "Th.S", "Th.s", "T.S", "Đ.H", "C.Đ", "Đ.học", "T.cấp") == [
        "thac_si",
        "thac_si",
        "tien_si",
        "dai_hoc",
        "cao_dang",
        "dai_hoc",
        "trung_cap",
    ]
    assert read("theory", "C.Cấp", "T.Cấp", "S.cấp") == ["cao_cap", "trung_cap", "so_cap"]
    # a letter that starts no level, or two levels (cao đẳng / cao cấp are other lists)
    assert read("education", "S.C", "X.học", "C.cấp") == [None, None, None]


def test_a_level_glued_to_the_letters_of_its_mode_or_a_teachers_degree() -> None:
    """The level, from "ĐHCQ" (đại học chính quy), "CĐSP" (cao đẳng sư phạm), "ĐH (TC)"
    (tại chức, not a second level). Letters of a subject that is no mode, a political-theory
    level and an ambiguous or uncounted level stay unread."""
    glued = ["ĐHCQ", "ĐHTC", "ĐHVB2", "ĐHVLVH", "ĐHSP", "CĐSP", "CĐCQ", "TCSP", "TCCQ"]
    assert read("education", *glued) == ["dai_hoc"] * 5 + ["cao_dang"] * 2 + ["trung_cap"] * 2
    bracketed = ["ĐH (TC)", "Đại học(TC)", "ĐH(VB2)", "Thạc sĩ (CQ)", "CĐ (SP)"]
    assert read("education", *bracketed) == ["dai_hoc"] * 3 + ["thac_si", "cao_dang"]
    assert read("education", "TCCT", "ĐHKT", "CN (TC)", "Sơ cấp (CQ)", "ĐH TC") == [None] * 5


def test_abbreviated_titles_with_their_body() -> None:
    cases = {
        "CT UBND": "committee_chair",
        "CT.UBND xã": "committee_chair",
        "PCT UBND": "committee_vice_chair",
        "Phó CT UBND": "committee_vice_chair",
        "CT HĐND": "council_chair",
        "PCT HĐND phường": "council_vice_chair",
        "BT ĐU": "party_secretary",
        "Bí thư ĐU": "party_secretary",
        "Bí thư Đảng bộ xã": "party_secretary",
        "PBT ĐU": "party_deputy_secretary",
        "Phó BT Đảng ủy": "party_deputy_secretary",
        "CT UBMTTQ": "front_chair",
        "Chủ tịch UB MTTQ": "front_chair",
        "Chủ tịch UBMTTQVN xã": "front_chair",
        "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã": "front_chair",
        "PCT MTTQ": "front_vice_chair",
        "CN UBKT": "inspection_chair",
        "TP Kinh tế": "department_head",
        "PTP Kinh tế": "department_deputy",
    }
    assert read("category", *cases) == list(cases.values())


def test_an_abbreviation_without_its_body_stays_refused() -> None:
    # which chair, which secretary? a branch secretary (chi bộ) is no commune post
    for title in ("CT", "PCT", "BT", "PBT", "TP", "CT.", "Chủ tịch UB", "Bí thư chi bộ"):
        assert read("category", title) == [None], title
    assert note("category", "Chủ tịch.") is not None


def test_rating_abbreviations_inside_a_wording() -> None:
    assert read(
        "rating", "HT XSNV", "HT xuất sắc NV", "HT tốt NV", "HTNV nhưng còn hạn chế", "Không HTNV"
    ) == ["excellent", "excellent", "good", "complete", "incomplete"]
    # no level, or two
    assert read("rating", "HT?", "Tốt", "Hoàn thành tốt, xuất sắc", "Khá") == [None] * 4
    assert note("rating", "Không xếp loại.") is not None


def test_theory_levels_glued_to_their_subject_or_with_a_study_mode() -> None:
    assert read("theory", "CCLLCT", "TCLLCT", "SCLLCT", "CNCT", "Cao cấp (tại chức)") == [
        "cao_cap",
        "trung_cap",
        "so_cap",
        "cu_nhan",
        "cao_cap",
    ]
    # a course under way is no level; a form heading names two
    assert read("theory", "Cao cấp (đang học)", "Cao cấp, cử nhân.") == [None, None]


def test_topics_and_measures_after_the_words_for_them() -> None:
    topics = ["Bồi dưỡng QLNN", "Kiến thức QLNN", "QLNN ngạch chuyên viên", "Lớp học"]
    topics += ["Chính quyền địa phương 2 cấp", "Quản lý nhà nước về đất đai"]
    out, _ = normalise_topics(pd.Series(topics, dtype=object))
    assert [None if pd.isna(v) else v for v in out] == [
        "state_management",
        "state_management",
        "state_management",
        None,
        "two_tier_government",
        None,
    ]
    assert read(
        "discipline", "Kỷ luật khiển trách", "Hình thức: Cảnh cáo", "Khai trừ ra khỏi Đảng"
    ) == ["khien_trach", "canh_cao", "khai_tru"]
    assert read("discipline", "Kỷ luật", "Không", "Nhắc nhở") == [None] * 3


def test_gender_words_and_a_programme_that_is_no_level() -> None:
    assert read("gender", "Nam giới", "Nữ giới") == ["male", "female"]
    # "Cao học" (the master's programme) may be a course under way: not guessed
    assert read("education", "Cao học") == [None]


# --------------------------------------------------------------------------- headers


def test_numbered_and_marked_headers() -> None:
    for header in ("1. Họ và tên", "(1) Họ và tên", "1) Họ và tên", "[1] Họ và tên"):
        assert header_key(header) == "họ và tên", header
    for header in ("Họ và tên (*)", "Họ và tên:", "Họ và tên.", "\u200bHọ\u00a0và tên"):
        assert header_key(header) == "họ và tên", header
    assert header_key("Ngày sinh (dd/mm/yyyy):") == "ngày sinh"
    assert header_key("Giới tính (Nam/Nữ)") == header_key("Giới tính")
    assert header_key("Ngày/tháng/năm sinh") == header_key("Ngày tháng năm sinh")
    # the year of a column stays (the one-row-per-person reader reads it)
    assert header_key("Xếp loại năm 2024") == "xếp loại năm 2024"
    # the self-rating is no spelling of the rating column
    ratings = next(t for t in TABLES if t.name == "ratings").column("rating")
    assert header_key("Tự xếp loại") not in {header_key(a) for a in ratings.aliases}


# ------------------------------------------------------------------- the general rules

_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
_SPACES = (" ", "  ", "\u00a0", "\u2003", "\u202f", " \t")


@st.composite
def _as_typed(draw: st.DrawFn, text: str) -> str:
    """``text`` as a file may carry it: invisible characters anywhere, any space for a
    space, another case, NFC or NFD, and a full stop, colon, semicolon or comma after it."""
    out = []
    for ch in text:
        if ch == " ":
            ch = draw(st.sampled_from(_SPACES))
        elif draw(st.booleans()):
            ch = ch.upper()
        if draw(st.integers(0, 5)) == 0:
            ch += draw(st.sampled_from(_INVISIBLE))
        out.append(ch)
    typed = "".join(out) + draw(st.sampled_from(("", ".", ":", ";", ",", " .")))
    return unicodedata.normalize(draw(st.sampled_from(("NFC", "NFD"))), typed)


def _every_alias() -> list[tuple[str, str, str]]:
    return [
        (codes, alias, code)
        for codes, aliases in VALUE_ALIASES.items()
        for alias, code in aliases.items()
        if codes != "indicator"  # (dotted codes: a full stop after one is another code)
    ]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_alias_as_a_file_carries_it_is_read_the_same(data: st.DataObject) -> None:
    codes, alias, code = data.draw(st.sampled_from(_every_alias()))
    variant = data.draw(_as_typed(alias))
    assert read(codes, variant) == [code], (codes, alias, variant)


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OPEN = r"(?![\w\u0300-\u036f])"  # nothing after the pair: no final consonant
_FIRST = re.compile(rf"(?<![qQ])([oOuU])([{_TONES}])([aAeEyY]){_OPEN}")
_SECOND = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}]){_OPEN}")


def _tone_moved(text: str) -> str:
    """``hòa`` <-> ``hoà``, ``thủy`` <-> ``thuỷ``: the tone mark of an open ``oa``/``oe``/
    ``uy`` on the other vowel (the two placements Vietnamese text is written with)."""
    nfd = unicodedata.normalize("NFD", text)
    moved = _FIRST.sub(r"\1\3\2", nfd)
    if moved == nfd:
        moved = _SECOND.sub(r"\1\3\2", nfd)
    return unicodedata.normalize("NFC", moved)


def test_tone_moved_swaps_the_two_placements() -> None:
    assert _tone_moved("văn hóa") == "văn hoá"
    assert _tone_moved("văn hoá") == "văn hóa"
    assert _tone_moved("ủy ban") == "uỷ ban"
    assert _tone_moved("hoàng") == "hoàng"  # (a final consonant: one placement)
    assert _tone_moved("thủy") == "thuỷ"
    assert _tone_moved("quý") == "quý"


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_either_tone_placement_of_a_spelling_is_read_the_same(data: st.DataObject) -> None:
    # a spelling whose diacritic-free key names one code reads the same with its tone
    # mark on either vowel ("hòa"/"hoà", "thủy"/"thuỷ")
    pairs = [
        (codes, alias, code)
        for codes, alias, code in _every_alias()
        if ASCII_ALIASES[codes].get(ascii_key(alias)) == code and _tone_moved(alias) != alias
    ]
    codes, alias, code = data.draw(st.sampled_from(pairs))
    assert read(codes, _tone_moved(alias)) == [code], (codes, alias)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_header_numbered_marked_or_spaced_keeps_its_key(data: st.DataObject) -> None:
    table = data.draw(st.sampled_from(TABLES))
    column = data.draw(st.sampled_from(table.columns))
    header = data.draw(st.sampled_from((column.name, *column.aliases)))
    prefix = data.draw(st.sampled_from(("", "1. ", "(12) ", "3) ", "[2] ", "a) ")))
    suffix = data.draw(st.sampled_from(("", " (*)", "*", ":", ".", " (dd/mm/yyyy)")))
    spaced = "".join(
        data.draw(st.sampled_from(("\n", " ", "\u00a0"))) if ch == " " else ch for ch in header
    )
    invisible = data.draw(st.sampled_from(("", *_INVISIBLE)))
    variant = invisible + prefix + spaced.upper() + suffix
    assert header_key(variant) == header_key(header), (header, variant)


def test_every_refused_value_is_still_refused_with_a_full_stop() -> None:
    for codes, values in AMBIGUOUS_VALUES.items():
        for value in values:
            assert read(codes, value + ".") == [None], (codes, value)


def test_branches_of_a_group_are_the_group() -> None:
    from cadre_core.vocab._ethnic import canonical_ethnicity

    for name, group in (("Thái Đen", "Thái"), ("Thái trắng", "Thái"), ("Dao đỏ", "Dao")):
        assert canonical_ethnicity(name) == group
    assert canonical_ethnicity("Dao Quần Chẹt") == "Dao"
    assert canonical_ethnicity("Thái Lan") is None  # a nationality, not a group


def test_more_real_headers() -> None:
    theory = next(t for t in TABLES if t.name == "theory").column("level")
    cadres = next(t for t in TABLES if t.name == "cadres").column("full_name")
    assert {header_key("Trình độ lý luận"), header_key("TĐ LLCT")} <= {
        header_key(a) for a in theory.aliases
    }
    assert header_key("1. Họ và tên cán bộ") in {header_key(a) for a in cadres.aliases}


def test_abbreviated_words_in_headers_are_the_words() -> None:
    """ "CM", "TĐCM", "LLCT", "CBCC"... in a header read as the words they stand for, on
    both sides of the comparison; "CT" only after "lý luận" (elsewhere it is a chair)."""
    from cadre_core.roster._flat_header import _candidates

    degrees = ("degrees", "level")
    theory = ("theory", "level")
    for header, field in (
        ("TĐCM", degrees),
        ("Trình độ CM", degrees),
        ("Trình độ CMNV", degrees),
        ("TĐ chuyên môn", degrees),
        ("Lý luận CT", theory),
        ("Trình độ LLCT", theory),
        ("Mã số CBCC", ("cadres", "cadre_id")),
        ("Chuyên ngành đào tạo cao nhất", ("degrees", "field")),
        ("Ngày bổ nhiệm, phê chuẩn", ("assignments", "start_date")),
    ):
        assert field in _candidates(header)[0], header
    assert header_key("CT UBND") == "ct ubnd"  # a chair's post, not "chính trị"
    # no two columns of a table come to share a key through the abbreviations
    for table in TABLES:
        owners: dict[str, set[str]] = {}
        for column in table.columns:
            for spelling in (column.name, *column.aliases):
                owners.setdefault(header_key(spelling), set()).add(column.name)
        assert all(len(names) == 1 for names in owners.values()), table.name
