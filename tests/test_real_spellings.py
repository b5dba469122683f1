"""The conventions of real rosters are read, and what cannot be read is refused honestly.

These tests state the conventions (abbreviations, the long rating wordings, letter
grades, titles followed by their unit, diacritic typos, real headers), not the rows of any
list of real spellings: any spelling that follows a convention is read the same way.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core.roster._normalize import normalise_code, normalise_topics
from cadre_core.roster._schema import (
    AMBIGUOUS_VALUES,
    ASCII_ALIASES,
    VALUE_ALIASES,
    ascii_key,
    header_key,
    text_key,
)
from cadre_core.roster._values_forms import SPECIALISED_CODES, SPECIALISED_ROLES

CADRE = str(Path(sys.executable).with_name("cadre"))
REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"


def read(codes: str, *values: str) -> list[str | None]:
    """What a coded column holding ``values`` is read as (None: refused)."""
    out, _ = normalise_code(pd.Series(list(values), dtype=object), codes=codes)
    return [None if pd.isna(v) else str(v) for v in out]


def refusal(codes: str, value: str) -> tuple[str | None, str | None]:
    """(suggestion, note) given for a refused value."""
    out, issues = normalise_code(pd.Series([value], dtype=object), codes=codes)
    assert pd.isna(out.iloc[0]), f"{value!r} was read as {out.iloc[0]}"
    note = issues.notes.get(text_key(value))
    suggestion = None if note or issues.suggest is None else issues.suggest(value)
    return suggestion, note


def run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=120, **kw)


# ------------------------------------------------------------------------ conventions


@pytest.mark.parametrize(
    ("spellings", "code"),
    [
        (("TC", "tc", "Tc", "TCCN", "TC Chuyên Nghiệp", "Trung cấp chuyên nghiệp"), "trung_cap"),
        (("CĐ", "cđ", "CD", "Cao dẳng", "CAO ĐẲNG", "Cao dang"), "cao_dang"),
        (("ĐH", "CN ĐH", "CN DH", "KS ĐH", "KS DH", "Kỹ sư", "Cử nhân đại học"), "dai_hoc"),
        (("TSKH", "Tiến sĩ khoa học", "Tiến Sỹ Khoa Học", "tskh"), "tien_si"),
    ],
)
def test_education_abbreviations_in_any_case(spellings: tuple[str, ...], code: str) -> None:
    assert read("education", *spellings) == [code] * len(spellings)


_LEVEL_WORDS = {
    "Đại học": "dai_hoc", "ĐH": "dai_hoc", "Cử nhân": "dai_hoc", "Kỹ sư": "dai_hoc",
    "Bác sĩ": "dai_hoc", "Cao đẳng": "cao_dang", "CĐ": "cao_dang", "Trung cấp": "trung_cap",
    "TC": "trung_cap", "Thạc sĩ": "thac_si", "ThS.": "thac_si", "Tiến sĩ": "tien_si",
    "TS.": "tien_si",
}  # fmt: skip
_STUDY_FIELDS = ["Luật", "Kinh tế", "Quản lý nhà nước", "Nông nghiệp", "kế toán", "Sư phạm Toán",
                 "tại chức", "chính quy", "văn bằng 2", "Hành chính công"]  # fmt: skip


@given(
    level=st.sampled_from(sorted(_LEVEL_WORDS)),
    field=st.sampled_from(_STUDY_FIELDS),
    joint=st.sampled_from(["{} {}", "{} - {}", "{}: {}", "{} ({})", "{}  {}"]),
)
def test_a_level_followed_by_its_field_or_mode_is_the_level(
    level: str, field: str, joint: str
) -> None:
    # "Đại học Luật", "Thạc sĩ Quản lý nhà nước", "Trung cấp kế toán", "Đại học (tại chức)"
    assert read("education", joint.format(level, field)) == [_LEVEL_WORDS[level]]


def test_what_follows_a_level_may_make_it_another_or_none() -> None:
    for value in (
        "Trung cấp chính trị",  # a theory level, in the education column
        "Trung cấp LLCT",
        "Bác sĩ chuyên khoa II",  # a specialist's degree: above the level word
        "Bác sĩ CKI",
        "Đại học (đang học)",  # under way: not held
        "Thạc sĩ (đang học)",
        "Đại học, Thạc sĩ",  # two levels
        "Đại học Luật, Kinh tế",  # a list
        "Đại học/Cao cấp",
        "Thạc sĩ đại học",  # two levels, the first no profession: not guessed
        "Cao đẳng đại học",
        "Đại học trở lên",  # a form's heading, not a person's level
    ):
        assert read("education", value) == [None], value


def test_a_profession_followed_by_the_level_it_was_trained_at_is_that_level() -> None:
    # "Dược sĩ trung học" is a pharmacist of the secondary (trung cấp) level: it was read
    # as a university degree (the profession word led, "trung học" taken for a field)
    assert read(
        "education", "Dược sĩ trung học", "Dược sĩ trung cấp", "Dược sĩ đại học",
        "Kỹ sư cao đẳng", "Cử nhân cao đẳng", "Điều dưỡng trung học", "Y sĩ", "Y sĩ đa khoa",
        "Bác sĩ đa khoa", "Sau đại học",
    ) == ["trung_cap", "trung_cap", "dai_hoc", "cao_dang", "cao_dang", "trung_cap",
          "trung_cap", "trung_cap", "dai_hoc", "thac_si"]  # fmt: skip
    from cadre_core.roster._level_field import field_after_level

    assert [field_after_level(v) for v in ("Dược sĩ trung học", "Kỹ sư cao đẳng")] == [None, None]
    assert field_after_level("Y sĩ đa khoa") == "đa khoa"


def test_a_level_glued_to_its_mode_then_a_field_is_the_level() -> None:
    # "ĐHSP Toán": the level's letters and the teachers' mode, glued, then the subject
    assert read("education", "ĐHSP Toán", "CĐSP Mầm non", "ĐHTC Luật", "ĐHSP Toán, Lý") == [
        "dai_hoc", "cao_dang", "dai_hoc", None,
    ]  # fmt: skip
    from cadre_core.roster._level_field import field_after_level

    # the teachers' mode names the field; another mode does not
    assert [field_after_level(v) for v in ("ĐHSP Toán", "CĐSP Mầm non", "ĐHTC Luật")] == [
        "Sư phạm Toán", "Sư phạm Mầm non", "Luật",
    ]  # fmt: skip


def test_theory_levels_with_the_words_that_say_theory() -> None:
    assert read(
        "theory", "TC LLCT", "CC LLCT", "Cử nhân CT", "Sơ cấp chính trị",
        "Trung cấp chính trị - hành chính", "Cao cấp lý luận chính trị - hành chính",
        "Cao cấp LLCT-HC",
    ) == ["trung_cap", "cao_cap", "cu_nhan", "so_cap", "trung_cap", "cao_cap", "cao_cap"]  # fmt: skip
    assert read("theory", "TC Kế toán") == [None]  # a degree's field: not a theory level


def test_theory_words_shortened_or_a_mode_of_study_after_the_level() -> None:
    assert read(
        "theory", "Cao cấp lý luận", "Trung cấp LL chính trị", "Cao cấp LL CT",
        "Cao cấp (hệ tập trung)", "Cử nhân lý luận",
    ) == ["cao_cap", "trung_cap", "cao_cap", "cao_cap", "cu_nhan"]  # fmt: skip
    # in an education column the theory words still refuse the level
    assert read("education", "Trung cấp lý luận") == [None]


def test_a_rating_of_the_duties_given_and_a_measure_of_the_party() -> None:
    assert read(
        "rating", "Hoàn thành tốt nhiệm vụ được giao", "Hoàn thành xuất sắc nhiệm vụ được giao",
        "Hoàn thành chức trách, nhiệm vụ được giao", "Không hoàn thành nhiệm vụ được giao",
    ) == ["good", "excellent", "complete", "incomplete"]  # fmt: skip
    assert read(
        "discipline", "Khiển trách (Đảng)", "Khiển trách về Đảng", "Cảnh cáo - chính quyền"
    ) == ["khien_trach", "khien_trach", "canh_cao"]
    assert read("discipline", "Đảng") == [None]


def test_a_doctorate_of_science_ranks_as_the_highest_level() -> None:
    from cadre_core.vocab import EducationLevel

    (code,) = read("education", "TSKH")
    assert EducationLevel(code).rank == max(EducationLevel.ranks().values())


def test_theory_column_heads_are_read_in_a_theory_column() -> None:
    assert read("theory", "SC", "TC", "CC", "CN", "sc", "Cc") == [
        "so_cap",
        "trung_cap",
        "cao_cap",
        "cu_nhan",
        "so_cap",
        "cao_cap",
    ]


def test_the_same_abbreviation_is_read_by_its_column() -> None:
    # TC is trung cấp in both columns; CN is cử nhân chính trị in a theory column, but in an
    # education column it may be cử nhân or công nhân (below trung cấp): refused, with a note
    assert read("education", "TC") == ["trung_cap"]
    assert read("theory", "TC") == ["trung_cap"]
    assert read("theory", "CN") == ["cu_nhan"]
    suggestion, note = refusal("education", "CN")
    assert suggestion is None and note
    # SC (sơ cấp) is a theory level, and below the education levels counted
    suggestion, note = refusal("education", "SC")
    assert suggestion is None and note and "below" in note


@pytest.mark.parametrize(
    ("level", "code"),
    [
        ("Hoàn thành xuất sắc", "excellent"),
        ("Hoàn thành tốt", "good"),
        ("Hoàn thành", "complete"),
        ("Không hoàn thành", "incomplete"),
        ("Chưa hoàn thành", "incomplete"),
    ],
)
def test_every_rating_wording(level: str, code: str) -> None:
    spellings = [
        f"{level} nhiệm vụ",
        f"{level} chức trách, nhiệm vụ",
        f"{level} chức trách nhiệm vụ",
        f"{level.upper()} CHỨC TRÁCH, NHIỆM VỤ",
    ]
    assert read("rating", *spellings) == [code] * len(spellings)


def test_rating_abbreviations_and_letter_grades_follow_the_four_levels() -> None:
    assert read("rating", "HTXS", "HTT", "HT", "KHT") == [
        "excellent",
        "good",
        "complete",
        "incomplete",
    ]
    assert read("rating", "A", "B", "C", "D", "a", "d") == [
        "excellent",
        "good",
        "complete",
        "incomplete",
        "excellent",
        "incomplete",
    ]


def test_rating_wordings_with_their_abbreviation_year_or_letter() -> None:
    assert read(
        "rating", "HTXS NV", "HTT NV", "Hoàn thành xuất sắc nhiệm vụ (HTXSNV)",
        "Hoàn thành tốt nhiệm vụ năm 2024", "Loại A", "Loại D",
        "Hoàn thành nhiệm vụ nhưng còn hạn chế", "Hoàn thành nhiệm vụ, nhưng còn hạn chế về năng lực",
    ) == ["excellent", "good", "excellent", "good", "excellent", "incomplete", "complete",
          "complete"]  # fmt: skip
    assert read("rating", "Tốt", "Khá", "Loại E") == [None] * 3  # other scales: not guessed


@pytest.mark.parametrize("unit", ["xã", "phường", "đặc khu", "thị trấn", "xã Mường Than", "Phường"])
def test_a_title_followed_by_its_unit(unit: str) -> None:
    titles = {
        "Chủ tịch UBND": "committee_chair",
        "Phó Chủ tịch UBND": "committee_vice_chair",
        "Chủ tịch HĐND": "council_chair",
        "Phó Chủ tịch HĐND": "council_vice_chair",
        "Bí thư Đảng ủy": "party_secretary",
        "Phó Bí thư Đảng uỷ": "party_deputy_secretary",
        "Chủ tịch Ủy ban nhân dân": "committee_chair",
    }
    assert read("category", *(f"{t} {unit}" for t in titles)) == list(titles.values())


_HEADS = {
    "Trưởng phòng": "department_head", "Phó Trưởng phòng": "department_deputy",
    "Chánh Văn phòng": "department_head", "Phó Chánh Văn phòng": "department_deputy",
    "Giám đốc": "department_head", "Phó Giám đốc": "department_deputy",
    "Trưởng ban": "department_head", "Phó Trưởng ban": "department_deputy",
    "Công chức": "professional", "Chuyên viên": "professional",
}  # fmt: skip
_UNITS = ["Kinh tế", "Văn hóa - Xã hội", "HĐND và UBND", "Đảng ủy", "Trung tâm Phục vụ hành chính công",
          "Xây dựng Đảng", "Tư pháp - Hộ tịch", "Phòng Kinh tế xã Mường Than"]  # fmt: skip


@given(head=st.sampled_from(sorted(_HEADS)), unit=st.sampled_from(_UNITS))
def test_a_department_title_followed_by_its_department(head: str, unit: str) -> None:
    # the commune's departments since the 2025 reform, named after the title
    assert read("category", f"{head} {unit}") == [_HEADS[head]]


def test_commune_bodies_named_after_a_title() -> None:
    assert read(
        "category", "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", "Chủ tịch Ủy ban MTTQ Việt Nam xã",
        "Phó Bí thư Thường trực Đảng ủy", "Bí thư Đảng ủy xã",
    ) == ["inspection_chair", "front_chair", "party_deputy_secretary", "party_secretary"]  # fmt: skip
    assert read("category", "Chủ nhiệm UBKT", "P. Chủ nhiệm UBKT") == ["inspection_chair", None]
    # posts of no category of the resolution stay unread, with their warning (the spec's
    # categories have an inspection chair, no deputy: the deputy is not guessed a
    # department's, however the body is spelled)
    for value in ("Chỉ huy trưởng Ban CHQS xã", "Trưởng Công an xã", "Phó Chủ nhiệm UBKT",
                  "Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", "Phó Chủ nhiệm UBKT Đảng ủy xã",
                  "Đội trưởng", "Hiệu trưởng", "Chi cục trưởng"):  # fmt: skip
        assert read("category", value) == [None], value


def test_a_unit_does_not_make_an_ambiguous_title_readable() -> None:
    for value in ("Chủ tịch xã", "Phó chủ tịch phường", "Cán bộ xã"):
        assert read("category", value) == [None]


def test_title_abbreviations_and_brackets() -> None:
    assert (
        read("category", "P. chánh VP", "P.Chánh văn phòng", "Phó Ban", "Phó Phòng")
        == ["department_deputy"] * 4
    )
    assert read("category", "(Chức Vụ Khác)", "(Khác)") == ["other", "other"]
    assert (
        read("category", "Công chức thừa hành", "Nhân viên chuyên môn", "Kế toán")
        == ["professional"] * 3
    )


_TIERS = {
    "cao cấp": "chuyen_vien_cao_cap",
    "chính": "chuyen_vien_chinh",
    "": "chuyen_vien",
    "trung cấp": "can_su",
}
_FIELDS = st.sampled_from(
    ["", "hải quan", "Hải quan", "thuế", "thị trường", "ngân hàng", "nhà nước"]
)


@given(
    role=st.sampled_from(SPECIALISED_ROLES),
    tier=st.sampled_from(sorted(_TIERS)),
    field=_FIELDS,
    after=st.booleans(),
    case=st.sampled_from([str, str.upper, str.title]),
)
def test_a_specialised_grade_is_read_as_the_grade_of_its_tier(
    role: str, tier: str, field: str, after: bool, case: Callable[[str], str]
) -> None:
    # "Kiểm tra viên chính Hải quan", "kiểm tra viên hải quan chính", "KẾ TOÁN VIÊN"
    words = [role, field, tier] if after else [role, tier, field]
    value = case(" ".join(w for w in words if w))
    assert read("grade", value, f"Ngạch: {value}") == [_TIERS[tier]] * 2


def test_specialised_grades_of_real_lists_and_their_codes() -> None:
    # a customs office's export: the grade's name, and its code (mã số ngạch) beside it
    assert read(
        "grade", "Kiểm tra viên Hải quan", "Kiểm tra viên trung cấp Hải quan",
        "Nhân viên văn thư", "Nhân viên Hải quan", "Kiểm soát viên chính thuế",
        "Lái xe cơ quan",
    ) == ["chuyen_vien", "can_su", "nhan_vien", "nhan_vien", "chuyen_vien_chinh", "nhan_vien"]  # fmt: skip
    for grade, codes in SPECIALISED_CODES.items():
        assert read("grade", *codes) == [grade.value] * len(codes)


def test_a_specialised_grade_of_another_tier_or_role_is_not_guessed() -> None:
    # "sơ cấp" is a tier of its own; "tài chính" is a field, not the tier "chính";
    # an enforcement officer's "trung cấp" is not the tier of cán sự; a technician's
    # grade names no tier
    for value in (
        "Kế toán viên sơ cấp",
        "Kiểm tra viên tài chính",
        "Chấp hành viên trung cấp",
        "Kiểm sát viên sơ cấp",
        "Kỹ thuật viên",
    ):
        assert read("grade", value) == [None], value


def test_gender_and_topic_conventions() -> None:
    assert read("gender", "Nu", "NU", "nữ", "Nam") == ["female", "female", "female", "male"]
    out, issues = normalise_topics(pd.Series(["Tin học", "tin học; Quản lý nhà nước"]))
    assert out.tolist() == ["it", "it;state_management"]
    assert not issues.bad.any()


def test_a_topic_named_with_its_certificate_level_or_learners_is_the_topic() -> None:
    # the certificate or course before the topic, its level or group of learners after it
    out, issues = normalise_topics(
        pd.Series(
            [
                "Ứng dụng CNTT cơ bản",
                "Chứng chỉ tin học B",
                "Tin học nâng cao",
                "Bồi dưỡng kiến thức QP-AN đối tượng 3",
                "Khóa bồi dưỡng QLNN; Tiếng Anh trình độ B",
                "Tin học ứng dụng",
            ]
        )
    )
    assert out.tolist() == [
        "it", "it", "it", "defence_security", "state_management;foreign_language", "it",
    ]  # fmt: skip
    assert not issues.bad.any()
    # the words alone name no topic
    assert normalise_topics(pd.Series(["Chứng chỉ B"]))[1].bad.all()


# ------------------------------------------------------- variants of canonical spellings

_TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def _unique_spellings() -> list[tuple[str, str, str]]:
    """(code list, alias, code) for every alias whose diacritic-free key names one code."""
    return [
        (codes, alias, code)
        for codes, aliases in VALUE_ALIASES.items()
        for alias, code in aliases.items()
        if ASCII_ALIASES[codes].get(ascii_key(alias)) == code
    ]


@st.composite
def _typo(draw: st.DrawFn, text: str) -> str:
    """``text`` with random case, spacing and diacritic typos (marks dropped or changed,
    đ typed as d)."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            change = draw(st.sampled_from(("keep", "drop", "swap")))
            if change == "drop":
                continue
            if change == "swap" and ch in _TONES:
                ch = draw(st.sampled_from(_TONES))
        elif ch == "đ" and draw(st.booleans()):
            ch = "d"
        elif ch == " ":
            ch = draw(st.sampled_from((" ", "  ", "\n", " \t")))
        if draw(st.booleans()):
            ch = ch.upper()
        out.append(ch)
    pad = draw(st.sampled_from(("", " ", "  ")))
    return pad + unicodedata.normalize("NFC", "".join(out)) + pad


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_variant_of_a_spelling_with_a_unique_key_is_read_the_same(data: st.DataObject) -> None:
    codes, alias, code = data.draw(st.sampled_from(_unique_spellings()))
    variant = data.draw(_typo(alias))
    assert read(codes, variant) == [code], (codes, alias, variant)


def test_a_key_two_codes_share_is_not_guessed() -> None:
    # "cử nhân" is dai_hoc as a degree and cu_nhan in theory, but within one column a
    # diacritic-free key shared by two codes is never read
    for codes, aliases in VALUE_ALIASES.items():
        by_ascii: dict[str, set[str]] = {}
        for alias, code in aliases.items():
            by_ascii.setdefault(ascii_key(alias), set()).add(code)
        for key, found in by_ascii.items():
            if len(found) > 1:
                assert key not in ASCII_ALIASES[codes]


# ---------------------------------------------------------------- honest refusals


@pytest.mark.parametrize(
    ("codes", "value", "wrong"),
    [
        ("rating", "Không đánh giá", "incomplete"),
        ("rating", "KHÔNG PHÂN LOẠI", "incomplete"),
        ("rating", "Không xếp loại", "incomplete"),
        ("category", "Hiệu trưởng", "department_deputy"),
        ("category", "Đội trưởng", "department_deputy"),
        ("category", "Tổ trưởng", "department_deputy"),
        ("category", "Phó Tổ trưởng", "department_deputy"),
        ("education", "Dưới cao đẳng", "cao_dang"),
        ("education", "Thạc sỹ, tiến sỹ", "thac_si"),
        ("gender", "1", "male"),
    ],
)
def test_a_refused_value_is_never_suggested_as_a_contradicting_code(
    codes: str, value: str, wrong: str
) -> None:
    suggestion, _ = refusal(codes, value)
    assert suggestion != wrong


def test_values_the_old_suggester_got_wrong_are_now_read_right() -> None:
    assert read("rating", "Chưa hoàn thành chức trách, nhiệm vụ") == ["incomplete"]
    assert read("rating", "Hoàn thành chức trách, nhiệm vụ") == ["complete"]
    assert read("education", "Tiến Sỹ Khoa Học") == ["tien_si"]


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_word_more_never_suggests_the_code_without_it(data: st.DataObject) -> None:
    """'không', 'chưa' or 'phó' before a spelling, or a word after it, changes what it
    names: when that is not itself a known spelling, its suggestion is never the code of
    the spelling it was made from."""
    codes = data.draw(st.sampled_from(("rating", "education", "theory", "category")))
    alias, code = data.draw(st.sampled_from(sorted(VALUE_ALIASES[codes].items())))
    extra = data.draw(st.sampled_from(("không", "chưa", "phó", "trưởng", "đội", "tổ")))
    value = data.draw(st.sampled_from((f"{extra} {alias}", f"{alias} {extra}")))
    if read(codes, value) != [None]:
        return  # itself a known spelling (e.g. "phó" + "trưởng phòng")
    suggestion, _ = refusal(codes, value)
    assert suggestion != code, (value, suggestion)


def test_a_typo_still_gets_its_suggestion() -> None:
    assert refusal("education", "Thạc sĩi")[0] == "thac_si"
    assert refusal("rating", "Hoàn thàn tốt nhiệm vụ")[0] == "good"
    assert refusal("category", "Chủ tich UBNDD")[0] == "committee_chair"


def test_every_ambiguous_value_is_refused_with_its_note() -> None:
    for codes, notes in AMBIGUOUS_VALUES.items():
        for key, note in notes.items():
            suggestion, found = refusal(codes, key)
            assert found == note and suggestion is None, (codes, key)


# ------------------------------------------------------------------------ headers


def test_header_keys_fold_layout_not_words() -> None:
    assert header_key("Ngành \nđào tạo") == header_key("Ngành đào tạo")
    assert header_key("Ngày, tháng, năm sinh") == header_key("Ngày tháng\nnăm sinh")
    for hint in ("(d/m/Y)", "(dd/mm/yyyy)", "(ngày/tháng/năm)", " (DD-MM-YYYY)"):
        assert header_key(f"Ngày sinh {hint}") == "ngày sinh"
    assert header_key("Phòng (Đơn Vị)") == "phòng (đơn vị)"  # not a format hint: kept
    assert header_key("Tự xếp loại") != header_key("Mức xếp loại")


#: Header spellings of real lists and forms, each with the (table, column) it names: the
#: tables format reads them on their table, a one-row-per-person list on its one sheet.
_REAL_HEADERS = {
    "Họ và tên CBCC": ("cadres", "full_name"),
    "HỌ VÀ TÊN CÁN BỘ, CÔNG CHỨC": ("cadres", "full_name"),
    "Mã CBCC": ("cadres", "cadre_id"),
    "Mã định danh": ("cadres", "cadre_id"),
    "Năm sinh": ("cadres", "birth_date"),
    "Chức vụ (chức danh) hiện tại": ("positions", "title"),
    "Chức vụ đang đảm nhiệm": ("positions", "title"),
    "Cơ quan, đơn vị công tác": ("agencies", "name"),
    "Nơi công tác": ("agencies", "name"),
    "Ngày giữ chức vụ": ("assignments", "start_date"),
    "Ngày bầu, bổ nhiệm": ("assignments", "start_date"),
    "Chuyên môn": ("degrees", "level"),
    "Văn bằng": ("degrees", "level"),
    "Ngành học": ("degrees", "field"),
    "Trình độ chính trị": ("theory", "level"),
    "Chính trị": ("theory", "level"),
    "Năm đánh giá": ("ratings", "year"),
    "Kỷ luật": ("discipline", "level"),
    "SL": ("equipment", "quantity"),
    "Số lượng (cái)": ("equipment", "quantity"),
    # what a header says of its column without naming another
    "Họ và tên (chữ in hoa)": ("cadres", "full_name"),
    "Trình độ LLCT (cao nhất)": ("theory", "level"),
    "Lý luận chính trị cao nhất": ("theory", "level"),
    "Chức danh đang đảm nhiệm": ("positions", "title"),
    "Đơn vị công tác hiện tại": ("agencies", "name"),
    "Ngày bổ nhiệm (bầu)": ("assignments", "start_date"),
    "Ngày bổ nhiệm vào chức vụ hiện tại": ("assignments", "start_date"),
    "Hình thức kỷ luật (nếu có)": ("discipline", "level"),
    "Ngày QĐ": ("discipline", "date"),
    "Mức xếp loại (cấp có thẩm quyền)": ("ratings", "rating"),
    "Mức độ hoàn thành nhiệm vụ": ("ratings", "rating"),
    "Kết quả phân loại": ("ratings", "rating"),
    "Phái": ("cadres", "gender"),
    "Thành phần dân tộc": ("cadres", "ethnicity"),
    "Học vị": ("degrees", "level"),
    "Năm cấp bằng": ("degrees", "awarded_date"),
}


@pytest.mark.parametrize("header", sorted(_REAL_HEADERS))
def test_real_header_spellings_name_their_column(header: str) -> None:
    from cadre_core.roster._flat_header import FIELD_KEYS
    from cadre_core.roster._reader import header_keys
    from cadre_core.roster._schema import TABLE_BY_NAME

    table, column = _REAL_HEADERS[header]
    assert header_keys(TABLE_BY_NAME[table])[header_key(header)] == column
    if table not in ("discipline", "equipment"):  # not fields of a person's row
        assert FIELD_KEYS[header_key(header)][0] == (table, column)


def test_flat_list_spellings_are_the_roster_formats_own() -> None:
    # one table of header spellings: a flat list adds only its row number's column
    from cadre_core.roster._flat_header import FLAT_ALIASES, SKIP

    assert {field for field, _ in FLAT_ALIASES.values()} == {SKIP}


def _write(folder: Path, name: str, header: list[str], rows: list[list[object]]) -> None:
    with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def _real_roster(folder: Path, rating: str = "HTT") -> Path:
    """A roster with the headers and spellings of real lists, none of them canonical."""
    folder.mkdir(parents=True, exist_ok=True)
    _write(
        folder,
        "cadres",
        [
            "Số hiệu công chức, viên chức",
            "Họ và tên khai sinh",
            "Ngày, tháng, năm sinh",
            "Giới tính",
        ],
        [["CB01", "Cán bộ 01", "17/7/1986", "Nu"], ["CB02", "Cán bộ 02", "1980-01-01", "Nam"]],
    )
    _write(
        folder,
        "agencies",
        ["Mã đơn vị", "Đơn vị", "Xã", "Khối"],
        [["UB", "Ủy ban nhân dân phường", "Phường Thử", "Khối chính quyền"]],
    )
    _write(
        folder,
        "positions",
        ["Mã vị trí", "Chức vụ", "Mã đơn vị", "Loại"],
        [
            ["CT", "Chủ tịch UBND phường", "UB", "Chủ tịch UBND phường"],
            ["KT", "Kế toán", "UB", "Kế toán"],
        ],
    )
    _write(
        folder,
        "assignments",
        ["Mã cán bộ", "Mã vị trí", "Ngày bổ nhiệm"],
        [["CB01", "CT", "01/07/2025"], ["CB02", "KT", "01/07/2025"]],
    )
    _write(
        folder,
        "degrees",
        ["Mã cán bộ", "Trình độ chuyên môn cao nhất", "Ngành \nđào tạo"],
        [["CB01", "CN ĐH", "Luật"], ["CB02", "TCCN", "Kế toán"]],
    )
    _write(folder, "theory", ["Mã cán bộ", "Trình độ lý luận chính trị"], [["CB01", "CC"]])
    _write(
        folder,
        "ratings",
        ["Mã cán bộ", "Năm", "Mức xếp loại của Lãnh đạo"],
        [["CB01", 2025, rating], ["CB02", 2025, "Hoàn thành chức trách, nhiệm vụ"]],
    )
    return folder


def test_a_roster_in_real_headers_and_spellings_is_read_whole(tmp_path: Path) -> None:
    from cadre_core import read_roster

    path = _real_roster(tmp_path / "r")
    out = run("validate", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    roster = read_roster(path)
    t = roster.tables
    assert t["cadres"]["gender"].astype(str).tolist() == ["female", "male"]
    assert t["cadres"]["birth_date"].iloc[0] == pd.Timestamp("1986-07-17")
    assert t["positions"]["category"].astype(str).tolist() == ["committee_chair", "professional"]
    assert t["positions"]["title"].tolist() == ["Chủ tịch UBND phường", "Kế toán"]
    assert t["agencies"]["name"].tolist() == ["Ủy ban nhân dân phường"]
    assert t["degrees"]["level"].astype(str).tolist() == ["dai_hoc", "trung_cap"]
    assert t["degrees"]["field"].tolist() == ["Luật", "Kế toán"]
    assert t["theory"]["level"].astype(str).tolist() == ["cao_cap"]
    assert t["ratings"]["rating"].astype(str).tolist() == ["good", "complete"]


def test_qualified_headers_and_professions_through_the_command(tmp_path: Path) -> None:
    # headers with a qualifier and values newly read, through the console script
    from cadre_core import read_roster

    path = _real_roster(tmp_path / "r")
    _write(
        path,
        "degrees",
        ["Mã CBCC", "Trình độ chuyên môn (cao nhất)", "Ngành học", "Năm cấp bằng"],
        [["CB01", "ĐHSP Toán", "", "15/06/2008."], ["CB02", "Dược sĩ trung học", "Dược", ""]],
    )
    _write(
        path,
        "theory",
        ["Mã CBCC", "Lý luận chính trị cao nhất"],
        [["CB01", "Cao cấp lý luận"]],
    )
    out = run("validate", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    t = read_roster(path).tables
    assert t["degrees"]["level"].astype(str).tolist() == ["dai_hoc", "trung_cap"]
    # a blank cell of a field column is an unknown field (a table with one does not
    # read the level cell's subject)
    assert pd.isna(t["degrees"]["field"].iloc[0]) and t["degrees"]["field"].iloc[1] == "Dược"
    assert t["degrees"]["awarded_date"].iloc[0] == pd.Timestamp("2008-06-15")
    assert t["theory"]["level"].astype(str).tolist() == ["cao_cap"]


def test_not_rated_is_refused_with_a_note_and_no_guess(tmp_path: Path) -> None:
    path = _real_roster(tmp_path / "r", rating="Không đánh giá")
    out = run("validate", str(path), env=dict(os.environ, COLUMNS="400", NO_COLOR="1"))
    both = out.stdout + out.stderr
    assert out.returncode == 2, both
    assert "Traceback" not in both
    line = next(x for x in both.splitlines() if "Không đánh giá" in x)
    assert "ratings" in line and "chưa được xếp loại" in line
    assert line.split("\t")[-1] == ""  # the suggestion cell (the last) is empty


# ------------------------------------------------------------- the real-world kit


def _kit() -> object:
    script = REALWORLD / "check_realworld.py"
    if not script.exists():
        pytest.skip("the real-world kit is not next to this checkout")
    spec = importlib.util.spec_from_file_location("check_realworld", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_real_world_spellings_and_headers(tmp_path: Path) -> None:
    """The spellings and headers parts of the real-world check (its rosters part and the
    detection of double-encoded text in free-text columns are other work)."""
    kit = _kit()
    tool = kit.Tool(CADRE)  # type: ignore[attr-defined]
    spellings = kit.check_spellings(tool, tmp_path, False)  # type: ignore[attr-defined]
    failed = [
        (r["category"], r["spelling"], r["outcome"], r.get("value"))
        for r in spellings
        if not r["pass"] and r["category"] != "encoding"
    ]
    assert not failed
    headers = kit.check_headers(tool, tmp_path)  # type: ignore[attr-defined]
    assert [h["header"] for h in headers if not h["pass"]] == []


def test_a_year_in_a_workbook_date_column_is_never_a_day_of_1905(tmp_path: Path) -> None:
    """A graduation year typed as a number under "Năm tốt nghiệp" is refused with a note,
    not read as the spreadsheet serial of a day in 1905."""
    import openpyxl

    from cadre_core import sample_roster

    path = tmp_path / "r.xlsx"
    sample_roster().write(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["degrees"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("awarded_date") + 1, value=2005)
    ws.cell(row=1, column=header.index("awarded_date") + 1, value="Năm tốt nghiệp")
    wb.save(path)
    out = run("validate", str(path), env=dict(os.environ, COLUMNS="400", NO_COLOR="1"))
    both = out.stdout + out.stderr
    assert out.returncode == 2, both
    line = next(x for x in both.splitlines() if "'2005'" in x)
    assert "degrees" in line and "năm không phải là ngày" in line


def test_a_customs_export_as_it_is_reads_with_its_list_date_only() -> None:
    """The example of ``docs/reading-real-lists.md``: a real customs export, untouched,
    whose ``Ngạch`` column holds specialised grades (kiểm tra viên hải quan …)."""
    roster = REALWORLD / "rosters" / "hqht_xuat_asis.xlsx"
    if not roster.exists():
        pytest.skip("the real-world kit is not next to this checkout")
    done = subprocess.run(
        [CADRE, "validate", str(roster), "--list-date", "31/12/2025", "--lang", "en"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert "Ngạch (column J)" not in said  # read: every grade of the list
    assert "Ngạch Công chức thừa hành (column I)" in said  # the codes beside: listed, unread


_DAY_FORMS = (
    "{d}/{m}/{y}",
    "{d:02d}/{m:02d}/{y}",
    "{d} / {m} / {y}",
    "{d:02d}.{m:02d}.{y}",
    "ngày {d} tháng {m} năm {y}",
    "{d} tháng {m} năm {y}",
    "Ngày {d:02d} Tháng {m:02d} Năm {y}",
    "{d:02d}/{m:02d}/{y} 00:00:00",
    "{d:02d}/{m:02d}/{y} 12:00:00 SA",
    "{y}/{m:02d}/{d:02d}",
    "{y}-{m:02d}-{d:02d}T00:00:00",
    "{d:02d}/{m:02d}/{y}.",  # a full stop typed after the day
    "{d}/{m}/{y};",
)


@given(day=st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), form=st.sampled_from(_DAY_FORMS))
def test_a_day_in_any_of_its_written_forms_is_that_day(day: dt.date, form: str) -> None:
    from cadre_core.roster._normalize import normalise_date
    from cadre_core.vocab import parse_day

    value = form.format(d=day.day, m=day.month, y=day.year)
    read, issues = normalise_date(pd.Series([value], dtype=object))
    assert read.iloc[0] == pd.Timestamp(day) and not issues.bad.any(), value
    assert parse_day(value) == day  # --as-of, --list-date and list titles read it alike


def test_what_is_not_a_day_stays_unread() -> None:
    from cadre_core.roster._normalize import normalise_date

    values = [
        "12/3/80",  # which century?
        "03/1980",  # a month
        "11/03/1980 17:00:00",  # a time that is not midnight: often a Vietnamese midnight in UTC
        "1980-03-11 17:00:00",
        "31/12/2025 12:00:00 CH",  # noon
        "12/03/1980 (âm lịch)",  # a lunar calendar day
    ]
    read, issues = normalise_date(pd.Series(values, dtype=object))
    assert read.isna().all() and issues.bad.all()
