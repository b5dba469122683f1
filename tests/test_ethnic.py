"""Tests of the official list of Vietnam's 54 ethnic groups and its aliases."""

from __future__ import annotations

import importlib
import importlib.util
import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

ethnic = importlib.import_module("cadre_core.vocab._ethnic")
ETHNIC_GROUPS = ethnic.ETHNIC_GROUPS
ETHNIC_ALIASES = ethnic.ETHNIC_ALIASES
canonical_ethnicity = ethnic.canonical_ethnicity
suggest_ethnicity = ethnic.suggest_ethnicity
ethnic_key = ethnic.ethnic_key
is_minority = ethnic.is_minority

NAMES = [group.name for group in ETHNIC_GROUPS]


def test_fifty_four_groups_in_official_order() -> None:
    assert len(ETHNIC_GROUPS) == 54
    assert [g.code for g in ETHNIC_GROUPS] == list(range(1, 55))
    assert len(set(NAMES)) == 54
    assert ETHNIC_GROUPS[0].name == "Kinh"
    by_code = {g.code: g.name for g in ETHNIC_GROUPS}
    # spot checks against the GSO list
    assert by_code[2] == "Tày"
    assert by_code[3] == "Thái"
    assert by_code[4] == "Hoa"
    assert by_code[6] == "Mường"
    assert by_code[8] == "Mông"
    assert by_code[11] == "Ngái"
    assert by_code[29] == "Khơ Mú"
    assert by_code[35] == "Hà Nhì"
    assert by_code[42] == "Lự"
    assert by_code[45] == "Mảng"
    assert by_code[49] == "Bố Y"
    assert by_code[54] == "Rơ Măm"


def test_names_are_nfc_and_groups_frozen() -> None:
    for group in ETHNIC_GROUPS:
        assert unicodedata.is_normalized("NFC", group.name)
        assert group.name == group.name.strip()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ETHNIC_GROUPS[0].name = "Việt"
    assert not hasattr(ETHNIC_GROUPS[0], "__dict__")  # slotted


def test_legal_source() -> None:
    assert "121-TCTK/PPCĐ" in ethnic.LEGAL_SOURCE
    assert "02/3/1979" in ethnic.LEGAL_SOURCE
    assert "Tổng cục Thống kê" in ethnic.LEGAL_SOURCE


def test_aliases_map_to_official_names() -> None:
    assert set(ETHNIC_ALIASES.values()) == set(NAMES)
    for key, name in ETHNIC_ALIASES.items():
        assert key == ethnic_key(key), key
        assert name in NAMES


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Mông (mèo)", "mông"),
        ("Kinh(việt)", "kinh"),
        ("Chăm (chàm)", "chăm"),
        ("H'Mông", "hmông"),
        ("HMông", "hmông"),
        ("H Mông", "hmông"),
        ("H`Mông", "hmông"),
        ("M.Nông", "mnông"),
        ("Bru - Vân Kiều", "bruvânkiều"),
        ("ĐÊ", "đê"),
        ("  Ê-đê ", "êđê"),
    ],
)
def test_ethnic_key(text: str, key: str) -> None:
    assert ethnic_key(text) == key


VARIANTS: dict[str, list[str]] = {
    "Kinh": ["Kinh", "Kinh(việt)", "Kinh (Việt)", "KINH", "kinh", "Việt"],
    "Mông": ["Mông (mèo)", "H'Mông", "Hmông", "HMông", "H Mông", "Mèo", "Mong", "H'mong"],
    "Khơ Mú": ["Khơ Mú", "Khmú", "Khơ-mú", "Khơ mú", "Kho Mu"],
    "Khơ Me": ["Khơ-me", "Khơ me", "Khmer", "KHMER"],
    "Gia Rai": ["Gia lai", "Gia Rai", "Gia-rai", "Jrai"],
    "Ê Đê": ["Ê-đê", "Ê Đê", "Ede", "Êđê", "ê đê"],
    "Ba Na": ["Ba-Na", "Bana", "Ba Na"],
    "Xơ Đăng": ["Xơ-Đăng", "Xu đăng", "Xơ Đăng"],
    "Hrê": ["HRê", "H`Rê", "H'rê", "Hrê"],
    "Mnông": ["M.Nông", "M`Nông", "Mnông", "M'Nông"],
    "Ra Glai": ["Raglai", "Ra Glai", "Ra-glai"],
    "Xtiêng": ["XTiêng", "Xtiêng", "Stiêng"],
    "Bru-Vân Kiều": ["Bru - Vân Kiều", "Bru", "Vân Kiều", "Bru Vân Kiều"],
    "Phù Lá": ["Phù Lá", "Phù La"],
    "Lự": ["Lự", "Lù"],
    "Mảng": ["Mảng", "Máng"],
    "Pà Thẻn": ["Pà Thẻn", "Pò Thẻn"],
    "Brâu": ["B Râu", "Brâu"],
    "Rơ Măm": ["Rơ - Măm", "Rơ măm", "Rơ-măm"],
    "Chơ Ro": ["Chơ - Ro", "Chơ Ro"],
    "Thái": ["Thái", "Thai"],
    "Tày": ["Tày", "Tay"],
    "Nùng": ["Nùng", "Nung"],
    "Dao": ["Dao", "Mán"],
    "Hà Nhì": ["Hà Nhì", "Ha Nhi"],
    "Giáy": ["Giáy", "Giay"],
    "La Hủ": ["La Hủ", "La Hu"],
    "Cống": ["Cống"],
    "Si La": ["Si La"],
    "Lào": ["Lào"],
    "Kháng": ["Kháng"],
    "Lô Lô": ["Lô Lô"],
    "Bố Y": ["Bố Y"],
    "Hoa": ["Hoa", "Hoa (Hán)"],
    "Sán Chay": ["Sán Chay", "Cao Lan"],
    "Sán Dìu": ["Sán Dìu"],
    "Ngái": ["Ngái"],
    "Gié Triêng": ["Gié Triêng", "Giẻ Triêng", "Gié-Triêng"],
    "Co": ["Co"],
    "Cơ Tu": ["Cơ Tu", "Cơ-tu"],
    "Tà Ôi": ["Tà Ôi", "Pa Kô", "Tà-ôi"],
    "Cơ Ho": ["Cơ Ho", "Cơ-ho"],
    "Chứt": ["Chứt"],
    "Ơ Đu": ["Ơ Đu", "Ơ-đu"],
    "Pu Péo": ["Pu Péo"],
    "La Chí": ["La Chí"],
    "La Ha": ["La Ha"],
    "Cơ Lao": ["Cơ Lao", "Cờ Lao"],
    "Mạ": ["Mạ"],
    "Xinh Mun": ["Xinh Mun", "Xinh-mun"],
    "Thổ": ["Thổ"],
    "Chu Ru": ["Chu Ru", "Chu-ru"],
    "Chăm": ["Chăm (chàm)", "Chàm", "Chăm"],
    "Mường": ["Mường", "Muong"],
}


@pytest.mark.parametrize(
    ("variant", "name"),
    [(variant, name) for name, variants in VARIANTS.items() for variant in variants],
)
def test_variants(variant: str, name: str) -> None:
    assert name in NAMES
    assert canonical_ethnicity(variant) == name
    assert canonical_ethnicity(unicodedata.normalize("NFD", variant)) == name


def test_every_group_has_variant_tests() -> None:
    assert set(VARIANTS) == set(NAMES)


@pytest.mark.parametrize("text", ["Người nước ngoài", "", "   ", "Khác", "Pháp", "C001", "(Kinh)"])
def test_unknown(text: str) -> None:
    assert canonical_ethnicity(text) is None


def test_prefixes_are_ignored() -> None:
    assert canonical_ethnicity("Dân tộc Tày") == "Tày"
    assert canonical_ethnicity("dân tộc Kinh") == "Kinh"
    assert canonical_ethnicity("Người Hoa") == "Hoa"


def test_suggest() -> None:
    assert suggest_ethnicity("Mươn") == "Mường"
    assert suggest_ethnicity("Hmog") == "Mông"
    assert suggest_ethnicity("Ê Đêê") == "Ê Đê"
    assert suggest_ethnicity("Tày") == "Tày"
    assert suggest_ethnicity("xyz") is None
    assert suggest_ethnicity("") is None
    assert suggest_ethnicity("Người nước ngoài") is None


def test_is_minority() -> None:
    assert not is_minority("Kinh")
    assert not is_minority("kinh (việt)")
    assert is_minority("Tày")
    assert is_minority("H'Mông")
    assert sum(is_minority(name) for name in NAMES) == 53
    assert not is_minority("Người nước ngoài")  # unknown spellings are not minorities


@given(
    st.sampled_from(NAMES),
    st.sampled_from(["NFC", "NFD"]),
    st.sampled_from([str, str.upper, str.lower, str.title, str.casefold]),
    st.sampled_from(["", " ", "  "]),
)
def test_official_names_map_to_themselves(name: str, form: str, case, pad: str) -> None:  # type: ignore[no-untyped-def]
    text = pad + unicodedata.normalize(form, case(name)) + pad  # type: ignore[arg-type]
    assert canonical_ethnicity(text) == name
    assert suggest_ethnicity(text) == name


def test_official_names_exhaustively() -> None:
    for name in NAMES:
        for form in ("NFC", "NFD", "NFKC", "NFKD"):
            for text in (name, name.upper(), name.lower()):
                assert canonical_ethnicity(unicodedata.normalize(form, text)) == name
