"""Tests of legacy Vietnamese text (TCVN3/ABC and VNI Windows) detection and repair."""

from __future__ import annotations

import importlib
import importlib.util
import unicodedata

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

vntext = importlib.import_module("cadre_core.vocab._vntext")
convert_tcvn3 = vntext.convert_tcvn3
convert_vni = vntext.convert_vni
detect_legacy_encoding = vntext.detect_legacy_encoding
fix_legacy_text = vntext.fix_legacy_text

# ------------------------------------------------------------------ reference encoders
# Written independently of the module: from the published code charts.

_TONE_NAMES = ("grave", "hook", "tilde", "acute", "dot")  # TCVN3 chart order
_TCVN3_CHART = {
    # base: (untoned code, grave, hook, tilde, acute, dot)
    "a": (0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_COMBINING = {
    "grave": "\u0300",
    "hook": "\u0309",
    "tilde": "\u0303",
    "acute": "\u0301",
    "dot": "\u0323",
}
_TCVN3_ENCODE: dict[str, str] = {"đ": "\xae", "Đ": "\xa7"}
for _base, _codes in _TCVN3_CHART.items():
    _TCVN3_ENCODE[_base] = chr(_codes[0])
    for _tone, _code in zip(_TONE_NAMES, _codes[1:], strict=True):
        _letter = unicodedata.normalize("NFC", _base + _COMBINING[_tone])
        _TCVN3_ENCODE[_letter] = chr(_code)
        # capitals share the lowercase codes (.VnTimeH fonts)
        _TCVN3_ENCODE[_letter.upper()] = chr(_code)
for _upper, _code in zip("ĂÂÊÔƠƯ", range(0xA1, 0xA7), strict=True):
    _TCVN3_ENCODE[_upper] = chr(_code)

# VNI: base letter + modifier. Tone modifiers: huyền ø, sắc ù, hỏi û, ngã õ, nặng ï.
_VNI_TONES = {"grave": "ø", "acute": "ù", "hook": "û", "tilde": "õ", "dot": "ï"}
_VNI_CIRC = {"": "â", "grave": "à", "acute": "á", "hook": "å", "tilde": "ã", "dot": "ä"}
_VNI_BREVE = {"": "ê", "grave": "è", "acute": "é", "hook": "ú", "tilde": "ü", "dot": "ë"}
_VNI_I = {"": "i", "grave": "ì", "acute": "í", "hook": "æ", "tilde": "ó", "dot": "ò"}


def _vni_letter(letter: str) -> str:
    decomposed = unicodedata.normalize("NFD", letter.lower())
    tone = next((name for name, mark in _COMBINING.items() if mark in decomposed), "")
    rest = "".join(ch for ch in decomposed if ch != _COMBINING.get(tone))
    base = unicodedata.normalize("NFC", rest)
    if base == "đ":
        out = "ñ"
    elif base == "i":
        out = _VNI_I[tone]
    elif base == "y" and tone == "dot":
        out = "î"
    elif base in ("â", "ê", "ô"):
        out = base.replace("â", "a").replace("ê", "e").replace("ô", "o") + _VNI_CIRC[tone]
    elif base == "ă":
        out = "a" + _VNI_BREVE[tone]
    elif base in ("ơ", "ư"):
        out = ("ô" if base == "ơ" else "ö") + _VNI_TONES.get(tone, "")
    elif base in "aeouy":
        out = base + _VNI_TONES.get(tone, "")
    else:
        out = letter.lower()
    return out.upper() if letter.isupper() else out


def encode_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 as decoded with cp1252."""
    return "".join(_TCVN3_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def encode_vni(text: str) -> str:
    """Unicode -> VNI Windows as decoded with cp1252."""
    return "".join(
        ch if ch.isascii() else _vni_letter(ch) for ch in unicodedata.normalize("NFC", text)
    )


# ---------------------------------------------------------------------------- the table
# (Unicode, TCVN3 literal, VNI literal), the literals typed by hand from the charts.
WORDS: list[tuple[str, str, str]] = [
    ("Hoàng Thị Lan", "Hoµng ThÞ Lan", "Hoaøng Thò Lan"),
    ("Lai Châu", "Lai Ch©u", "Lai Chaâu"),
    ("Đảng ủy", "§¶ng ñy", "Ñaûng uûy"),
    ("Nguyễn Văn Hùng", "NguyÔn V¨n Hïng", "Nguyeãn Vaên Huøng"),
    ("Trường Đại học", "Tr\xadêng §¹i häc", "Tröôøng Ñaïi hoïc"),
    (
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Céng hßa x· héi chñ nghÜa ViÖt Nam",
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
    ),
    (
        "Độc lập - Tự do - Hạnh phúc",
        "§éc lËp - Tù do - H¹nh phóc",
        "Ñoäc laäp - Töï do - Haïnh phuùc",
    ),
    ("Đà Nẵng", "§µ N½ng", "Ñaø Naüng"),
    ("Thành phố Hồ Chí Minh", "Thµnh phè Hå ChÝ Minh", "Thaønh phoá Hoà Chí Minh"),
    ("Hà Tĩnh", "Hµ TÜnh", "Haø Tónh"),
    ("Quảng Ngãi", "Qu¶ng Ng·i", "Quaûng Ngaõi"),
    ("Đắk Lắk", "§¾k L¾k", "Ñaék Laék"),
    ("Bạc Liêu", "B¹c Liªu", "Baïc Lieâu"),
    ("Thừa Thiên Huế", "Thõa Thiªn HuÕ", "Thöøa Thieân Hueá"),
    ("Ân Thi", "¢n Thi", "AÂn Thi"),
    ("Ông Văn Ơn", "¤ng V¨n ¥n", "OÂng Vaên Ôn"),
    ("Ưu tú", "¦u tó", "Öu tuù"),
    ("Ăn uống", "¡n uèng", "AÊn uoáng"),
    ("Êm đềm", "£m ®Òm", "EÂm ñeàm"),
    ("Trần Thị Bích Ngọc", "TrÇn ThÞ BÝch Ngäc", "Traàn Thò Bích Ngoïc"),
    ("Phạm Quỳnh Anh", "Ph¹m Quúnh Anh", "Phaïm Quyønh Anh"),
    ("Lê Thị Thủy", "Lª ThÞ Thñy", "Leâ Thò Thuûy"),
    ("Đỗ Mạnh Cường", "§ç M¹nh C\xadêng", "Ñoã Maïnh Cöôøng"),
    ("Bùi Xuân Trường", "Bïi Xu©n Tr\xadêng", "Buøi Xuaân Tröôøng"),
    ("Vũ Thị Hương", "Vò ThÞ H\xad¬ng", "Vuõ Thò Höông"),
    ("Lý Thường Kiệt", "Lý Th\xadêng KiÖt", "Lyù Thöôøng Kieät"),
    ("Cao đẳng sư phạm", "Cao ®¼ng s\xad ph¹m", "Cao ñaúng sö phaïm"),
    ("Thạc sĩ quản lý giáo dục", "Th¹c sÜ qu¶n lý gi¸o dôc", "Thaïc só quaûn lyù giaùo duïc"),
    ("Phó Chủ tịch", "Phã Chñ tÞch", "Phoù Chuû tòch"),
    ("Bí thư Đảng ủy", "BÝ th\xad §¶ng ñy", "Bí thö Ñaûng uûy"),
    ("Huỳnh Thị Mỹ Dung", "Huúnh ThÞ Mü Dung", "Huyønh Thò Myõ Dung"),
    ("Kỳ Sơn", "Kú S¬n", "Kyø Sôn"),
    ("Mường Tè", "M\xadêng TÌ", "Möôøng Teø"),
    ("Lò Văn Biên", "Lß V¨n Biªn", "Loø Vaên Bieân"),
    ("Nguyễn Thị Thúy Hằng", "NguyÔn ThÞ Thóy H»ng", "Nguyeãn Thò Thuùy Haèng"),
    ("Hội Liên hiệp Phụ nữ", "Héi Liªn hiÖp Phô n÷", "Hoäi Lieân hieäp Phuï nöõ"),
    ("Cựu chiến binh", "Cùu chiÕn binh", "Cöïu chieán binh"),
    ("Nghỉ hưu", "NghØ h\xadu", "Nghæ höu"),
    ("Kỹ sư", "Kü s\xad", "Kyõ sö"),
    ("Thị Mỵ", "ThÞ Mþ", "Thò Mî"),
    ("Trẻ vẽ mẹ kể nhỏ", "TrÎ vÏ mÑ kÓ nhá", "Treû veõ meï keå nhoû"),
    ("Tổ lỡ bở lợi lớp", "Tæ lì bë lîi líp", "Toå lôõ bôû lôïi lôùp"),
    ("Sử hỷ bé nền cấp mẫn cẩm", "Sö hû bÐ nÒn cÊp mÉn cÈm", "Söû hyû beù neàn caáp maãn caåm"),
    ("Đặng Thị Hằng", "§Æng ThÞ H»ng", "Ñaëng Thò Haèng"),
    ("Bình Đức Võ", "B×nh §øc Vâ", "Bình Ñöùc Voõ"),
    ("Ngừa ẵm ỗ", "Ngõa ½m ç", "Ngöøa aüm oã"),
    ("Công an xã", "C«ng an x·", "Coâng an xaõ"),
]

_IDS = [w[0] for w in WORDS]


def test_table_covers_every_lowercase_letter() -> None:
    letters = {ch for word, _, _ in WORDS for ch in word.lower() if not ch.isascii()}
    expected = {ch for ch in _TCVN3_ENCODE if ch.islower() and not ch.isascii()}
    assert len(expected) == 67
    assert expected - letters == set()


def test_table_has_every_tcvn3_code() -> None:
    used = {ch for _, legacy, _ in WORDS for ch in legacy if not ch.isascii()}
    missing = {ch for ch in _TCVN3_ENCODE.values() if not ch.isascii()} - used
    # every TCVN3 character used in the charts appears in at least one literal
    assert not missing, sorted(missing)


@pytest.mark.parametrize(("unicode", "tcvn3", "vni"), WORDS, ids=_IDS)
def test_tcvn3_literals(unicode: str, tcvn3: str, vni: str) -> None:
    assert convert_tcvn3(tcvn3) == unicode
    assert encode_tcvn3(unicode) == tcvn3


@pytest.mark.parametrize(("unicode", "tcvn3", "vni"), WORDS, ids=_IDS)
def test_vni_literals(unicode: str, tcvn3: str, vni: str) -> None:
    assert convert_vni(vni) == unicode
    assert encode_vni(unicode) == vni


def test_literals_are_cp1252_text() -> None:
    # the legacy strings are exactly what a cp1252 decoding of legacy bytes gives
    for _, tcvn3, vni in WORDS:
        assert tcvn3.encode("cp1252").decode("cp1252") == tcvn3
        assert vni.encode("cp1252").decode("cp1252") == vni


def test_output_is_nfc() -> None:
    for unicode, tcvn3, vni in WORDS:
        assert unicodedata.is_normalized("NFC", convert_tcvn3(tcvn3))
        assert unicodedata.is_normalized("NFC", convert_vni(vni))
        assert unicodedata.is_normalized("NFC", unicode)


def test_vni_uppercase() -> None:
    assert convert_vni("NGUYEÃN THÒ ÑAÏI HOÏC") == "NGUYỄN THỊ ĐẠI HỌC"
    assert convert_vni("TRÖÔØNG THCS MÖÔØNG TEØ") == "TRƯỜNG THCS MƯỜNG TÈ"
    assert convert_vni(encode_vni("ỲỶỸỴ ẰẲẴẮẶ ƠỚỜỞỠỢ")) == "ỲỶỸỴ ẰẲẴẮẶ ƠỚỜỞỠỢ"
    assert encode_vni("ĐẠI HỌC") == "ÑAÏI HOÏC"


def test_tcvn3_capitals() -> None:
    # .VnTimeH text: toned capitals share the lowercase codes
    assert convert_tcvn3("NGUYÔN V¡N HïNG") == "NGUYỄN VĂN HÙNG"
    assert convert_tcvn3("UBND X· T©N LËP") == "UBND XÃ TÂN LẬP"
    assert convert_tcvn3("TR\xadêNG §¹I HäC") == "TRƯỜNG ĐẠI HỌC"
    # a mixed-case text keeps lowercase tones; short names are not taken for capitals
    assert convert_tcvn3("§ç Hµ") == "Đỗ Hà"
    assert convert_tcvn3("Lª Hµ Vò") == "Lê Hà Vũ"
    assert convert_tcvn3("TP Hµ") == "TP Hà"
    assert convert_tcvn3("HOµng") == "HOàng"


def test_ascii_and_unknown_characters_pass_through() -> None:
    for text in ("C001", "dai_hoc", "Nam 1990 - 2020", ""):
        assert convert_tcvn3(text) == text
        assert convert_vni(text) == text
    assert convert_vni("ø") == "ø"  # a modifier without a base letter


# ---------------------------------------------------------------------------- detection

TCVN3_COLUMN = [w[1] for w in WORDS]
VNI_COLUMN = [w[2] for w in WORDS]
UNICODE_COLUMN = [w[0] for w in WORDS]


def test_detect_legacy_columns() -> None:
    assert detect_legacy_encoding(TCVN3_COLUMN) == "tcvn3"
    assert detect_legacy_encoding(VNI_COLUMN) == "vni"


@pytest.mark.parametrize(("unicode", "tcvn3", "vni"), WORDS, ids=_IDS)
def test_detect_single_value_columns(unicode: str, tcvn3: str, vni: str) -> None:
    # a value with at least two syllables changed by the encoding is enough
    assert detect_legacy_encoding([unicode]) is None
    if sum(not w.isascii() for w in tcvn3.split()) >= 2:
        assert detect_legacy_encoding([tcvn3, "C001"]) == "tcvn3"
    if sum(not w.isascii() for w in vni.split()) >= 2:
        assert detect_legacy_encoding([vni, "C001"]) == "vni"


def test_detect_short_names_column() -> None:
    assert detect_legacy_encoding(["Lª", "Hµ", "Vò", "Nam"]) == "tcvn3"
    assert detect_legacy_encoding(["Leâ", "Haø", "Thò", "Nam"]) == "vni"
    assert detect_legacy_encoding(["Nguyeãn Vaên An", "Leâ Thò Hoa"]) == "vni"
    assert detect_legacy_encoding(["Kinh", "Tµy", "Th¸i", "M\xadêng"]) == "tcvn3"
    assert detect_legacy_encoding(["Kinh", "Taøy", "Thaùi", "Möôøng"]) == "vni"


@pytest.mark.parametrize(
    "column",
    [
        UNICODE_COLUMN,
        [unicodedata.normalize("NFD", w) for w in UNICODE_COLUMN],
        ["Hòa", "Lê", "Thái", "Tú", "Hà", "Lý", "Vũ", "Thị"],
        ["Hòa", "Hoà", "Hoá", "Thuý", "Khoẻ", "Tuân"],
        ["C001", "C002", "dai_hoc", "thac_si", "nam", "nu"],
        ["1", "2.5", "1990", "-3", "1e5", "12/03/1990"],
        ["Manager", "Director of Finance", "Party Secretary", "N/A"],
        ["Café", "naïve", "Müller", "Straße", "São Paulo", "Muñoz", "Ærø", "Noël", "Raúl"],
        ["© 2020 ACME", "20×30", "5 µg", "½ day", "§ 12", "x · y", "« quote »"],
        [],
        [""],
    ],
    ids=[
        "nfc",
        "nfd",
        "latin1-vietnamese",
        "old-style-tones",
        "codes",
        "numbers",
        "english",
        "european",
        "symbols",
        "empty",
        "blank",
    ],
)
def test_not_detected(column: list[str]) -> None:
    assert detect_legacy_encoding(column) is None


def test_unicode_majority_wins() -> None:
    column = [*UNICODE_COLUMN, TCVN3_COLUMN[0]]
    assert detect_legacy_encoding(column) is None
    column = [*TCVN3_COLUMN, UNICODE_COLUMN[0]]
    assert detect_legacy_encoding(column) == "tcvn3"


def test_detect_accepts_any_iterable() -> None:
    assert detect_legacy_encoding(iter(TCVN3_COLUMN)) == "tcvn3"
    assert detect_legacy_encoding(pd.Series(VNI_COLUMN)) == "vni"


# ----------------------------------------------------------------------- fix_legacy_text


def test_fix_tcvn3_series() -> None:
    raw = pd.Series(
        ["NguyÔn V¨n An", None, "Lª ThÞ Hoa", "Lª ThÞ Hoa", "C001"], index=[5, 6, 7, 8, 9]
    )
    fixed, encoding = fix_legacy_text(raw)
    assert encoding == "tcvn3"
    assert fixed.index.equals(raw.index)
    assert fixed.tolist()[:1] == ["Nguyễn Văn An"]
    assert pd.isna(fixed[6])
    assert fixed[[7, 8, 9]].tolist() == ["Lê Thị Hoa", "Lê Thị Hoa", "C001"]


def test_fix_vni_object_series_keeps_non_strings() -> None:
    raw = pd.Series(["Hoaøng Thò Lan", 3, None, 2.5, "Tröôøng Ñaïi hoïc"], dtype=object)
    fixed, encoding = fix_legacy_text(raw)
    assert encoding == "vni"
    assert fixed.tolist()[0] == "Hoàng Thị Lan"
    assert fixed[1] == 3 and fixed[3] == 2.5 and fixed[2] is None
    assert fixed[4] == "Trường Đại học"


def test_fix_categorical_series() -> None:
    raw = pd.Series(["Lai Ch©u", "Lai Ch©u", "§iÖn Biªn", None], dtype="category")
    fixed, encoding = fix_legacy_text(raw)
    assert encoding == "tcvn3"
    assert isinstance(fixed.dtype, pd.CategoricalDtype)
    assert fixed.tolist()[:3] == ["Lai Châu", "Lai Châu", "Điện Biên"]
    assert pd.isna(fixed.iloc[3])


def test_fix_single_value_column() -> None:
    raw = pd.Series(["Lai Ch©u"] * 50)
    fixed, encoding = fix_legacy_text(raw)
    assert encoding == "tcvn3"
    assert set(fixed) == {"Lai Châu"}


def test_fix_leaves_unicode_untouched() -> None:
    raw = pd.Series(UNICODE_COLUMN)
    fixed, encoding = fix_legacy_text(raw)
    assert encoding is None
    assert fixed is raw


def test_fix_mixed_column_keeps_unicode_values() -> None:
    raw = pd.Series([*TCVN3_COLUMN[:10], "Nguyễn Văn Ấn"])
    fixed, encoding = fix_legacy_text(raw)
    assert encoding == "tcvn3"
    assert fixed.tolist() == [*UNICODE_COLUMN[:10], "Nguyễn Văn Ấn"]


def test_fix_converts_each_distinct_value_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = vntext.convert_tcvn3

    def counting(text: str) -> str:
        calls.append(text)
        return str(original(text))

    monkeypatch.setitem(vntext._CONVERTERS, "tcvn3", counting)
    raw = pd.Series(TCVN3_COLUMN[:5] * 2000)
    fixed, encoding = fix_legacy_text(raw)
    assert encoding == "tcvn3"
    assert fixed.tolist() == UNICODE_COLUMN[:5] * 2000
    assert len(calls) <= 2 * 5  # once for detection, once for conversion


# ---------------------------------------------------------------------------- properties

_LOWER = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONED = "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
_LETTERS = _LOWER + _TONED + "fjwz"
_CAPITALS = "ABCDEGHIKLMNOPQRSTUVXYĂÂÊÔƠƯĐ"  # capitals TCVN3 can write

_words = st.text(alphabet=_LETTERS, min_size=1, max_size=7)
_capitalised = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(_CAPITALS) | st.sampled_from(_LETTERS),
    st.text(alphabet=_LETTERS, max_size=6),
)
_texts = st.lists(_words | _capitalised, min_size=1, max_size=6).map(" ".join)
_any_case_texts = st.lists(
    st.text(alphabet=_LETTERS + _LETTERS.upper() + " 0123456789-.,", min_size=1, max_size=12),
    min_size=1,
    max_size=6,
).map(" ".join)


# Well-formed Vietnamese syllables: initial + rhyme (nucleus + final) + tone, the tone
# on one of the vowels where Vietnamese spelling allows it (old and new styles).
_INITIALS = ("", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh")
_INITIALS += ("ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
_OPEN = {"ai": 0, "ao": 0, "au": 0, "ay": 0, "âu": 0, "ây": 0, "eo": 0, "êu": 0, "ia": 0}
_OPEN |= {"iu": 0, "oi": 0, "ôi": 0, "ơi": 0, "ua": 0, "ui": 0, "ưa": 0, "ưi": 0, "ưu": 0}
_OPEN |= {"iêu": 1, "yêu": 1, "oai": 1, "oay": 1, "uôi": 1, "ươi": 1, "ươu": 1, "uya": 1}
_NUCLEI = {"a": 0, "e": 0, "ê": 0, "i": 0, "o": 0, "ô": 0, "ơ": 0, "u": 0, "ư": 0, "y": 0}
_NUCLEI |= {"oa": 1, "oe": 1, "uê": 1, "uy": 1, "ă": 0, "â": 0, "iê": 1, "uô": 1, "ươ": 1}
_CLOSED_ONLY = {"ă", "â", "iê", "uô", "ươ"}
_FINALS = ("c", "ch", "m", "n", "ng", "nh", "p", "t")
_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


@st.composite
def _syllables(draw: st.DrawFn) -> str:
    initial = draw(st.sampled_from(_INITIALS))
    if draw(st.booleans()):
        nucleus = draw(st.sampled_from(sorted(_OPEN)))
        final, where = "", {_OPEN[nucleus]}
    else:
        nucleus = draw(st.sampled_from(sorted(_NUCLEI)))
        allowed = _FINALS if nucleus in _CLOSED_ONLY else ("", *_FINALS)
        final = draw(st.sampled_from(allowed))
        where = {_NUCLEI[nucleus]}
        if nucleus in ("oa", "oe", "uy") and not final:
            where = {0, 1}  # hòa / hoà
    if nucleus[0] in "ieêy" and initial == "c":  # spelling: k, gh, ngh before i e ê
        initial = "k"
    if nucleus[0] in "ieê" and initial in ("g", "ng"):
        initial += "h"
    stop = final in ("c", "ch", "p", "t")
    mark = draw(st.sampled_from(("\u0301", "\u0323") if stop else _MARKS))
    at = draw(st.sampled_from(sorted(where)))
    toned = nucleus[: at + 1] + mark + nucleus[at + 1 :]
    syllable = unicodedata.normalize("NFC", initial + toned + final)
    case = draw(st.sampled_from(("lower", "title", "upper")))
    return {"lower": syllable, "title": syllable[:1].upper() + syllable[1:]}.get(
        case, syllable.upper()
    )


_vietnamese_texts = st.lists(_syllables(), min_size=1, max_size=5).map(" ".join)


@pytest.mark.parametrize(
    "word", ["Nguyễn", "Văn", "Thị", "Hòa", "Hoà", "Quyết", "Giữ", "NGHIÊNG", "Đắk", "khuya"]
)
def test_syllable_checker_accepts_vietnamese(word: str) -> None:
    assert vntext._is_syllable(word)
    assert vntext._is_syllable(unicodedata.normalize("NFD", word))


@pytest.mark.parametrize("word", ["Hoaứng", "Nguyeón", "nghổ", "cê", "ảt", "bat", "hòá", "µg"])
def test_syllable_checker_rejects_garbage(word: str) -> None:
    assert not vntext._is_syllable(word)


@settings(max_examples=200, deadline=None)
@given(st.lists(_vietnamese_texts, min_size=1, max_size=8), st.sampled_from(["NFC", "NFD"]))
def test_vietnamese_unicode_is_never_detected(column: list[str], form: str) -> None:
    normalised = [unicodedata.normalize(form, text) for text in column]  # type: ignore[arg-type]
    assert all(vntext._plausibility(t).valid == vntext._plausibility(t).tokens for t in normalised)
    assert detect_legacy_encoding(normalised) is None
    series = pd.Series(normalised)
    fixed, encoding = fix_legacy_text(series)
    assert encoding is None and fixed is series


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_tcvn3_round_trip(text: str) -> None:
    assert convert_tcvn3(encode_tcvn3(text)) == text


@settings(max_examples=300, deadline=None)
@given(_any_case_texts)
def test_vni_round_trip(text: str) -> None:
    assert convert_vni(encode_vni(text)) == unicodedata.normalize("NFC", text)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(WORDS), st.sampled_from(WORDS))
def test_legacy_pairs_are_detected(
    first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    assert detect_legacy_encoding([first[1], second[1]]) == "tcvn3"
    assert detect_legacy_encoding([first[2], second[2]]) == "vni"
