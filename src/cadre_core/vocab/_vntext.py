"""Detection and repair of legacy 8-bit Vietnamese text (TCVN3/ABC and VNI Windows).

Old commune rosters were typed before Unicode was common, with fonts that map
Vietnamese letters onto the upper half of an 8-bit code page.  When such a file
is opened as Unicode (xlsx cells, or a csv read as cp1252/latin-1) each legacy
byte shows up as the cp1252 character with the same code, so the text looks like
garbage.  The two encodings found in practice are:

TCVN3 (TCVN 5712:1993 "VN3", the *ABC* fonts ``.VnTime``, ``.VnArial``...)
    Single-byte.  Every lowercase letter, toned or not, has its own byte in
    ``0xA1..0xFE``; only the seven untoned uppercase letters ``Ă Â Ê Ô Ơ Ư Đ``
    have uppercase codes (``0xA1..0xA7``).  Uppercase *toned* letters were typed
    with the all-caps font variants (``.VnTimeH``), which draw capitals at the
    lowercase code points, so the bytes do not record the case.  We therefore
    convert them to the lowercase toned letter, except that a text that is
    visibly typed in capitals (no lowercase ASCII letter, and a word with at
    least two capitals that contains legacy characters, e.g. ``"HOµNG"``) is
    upper-cased as a whole (``"HOÀNG"``).  ``"Hoµng ThÞ Lan"`` is
    ``"Hoàng Thị Lan"``; ``"§¶ng ñy"`` is ``"Đảng ủy"``; ``ư`` is the soft
    hyphen ``U+00AD``.

VNI Windows (``VNI-Times``...)
    A base letter followed by one modifier byte, modifiers in ``0xC0..0xFF``
    (lowercase) with uppercase twins 0x20 lower: tone marks ``ø`` (huyền),
    ``ù`` (sắc), ``û`` (hỏi), ``õ`` (ngã), ``ï`` (nặng); ``â`` circumflex
    (``aâ`` = ``â``, ``eâ`` = ``ê``, ``oâ`` = ``ô``) and ``à á å ã ä`` circumflex
    plus tone; ``ê`` breve (``aê`` = ``ă``) and ``è é ú ü ë`` breve plus tone.
    Some letters are single bytes: ``ô`` = ``ơ``, ``ö`` = ``ư``, ``ñ`` = ``đ``,
    ``ì í æ ó ò`` = ``ì í ỉ ĩ ị`` and ``î`` = ``ỵ``.  ``"Hoaøng Thò Lan"`` is
    ``"Hoàng Thị Lan"``, ``"Tröôøng"`` is ``"Trường"``.  Uppercase letters are an
    uppercase base with an uppercase modifier (``"NGUYEÃN"``).

Detection (:func:`detect_legacy_encoding`) works on a whole column, as a short value
(``"Thò"``) cannot be told from correct text; a value alone (:func:`legacy_values`:
rows pasted from an old file) is legacy only when it cannot be correct as it stands.
It sets aside ASCII values (neutral) and values with characters that a cp1252 decoding
cannot produce (``ă ơ ư đ ạ`` ..., NFD's combining marks), certainly Unicode.  Of the
rest it keeps the *suspicious* values: with *marker* characters an encoding uses that
correct Vietnamese never has (``µ ¶ § ©`` ... for TCVN3, ``ø ï ö ñ`` ... and pairs such
as ``eâ`` for VNI), or not Vietnamese as they stand (``"Cùu chiÕn"``).  An encoding wins
if it turns (nearly) all of them into well-formed Vietnamese syllables: an initial
consonant, a known vowel cluster, a final consonant, at most one tone, only sắc/nặng
before ``c ch p t``, the ``k/c``, ``gh/g``, ``ngh/ng`` spelling rules.  Values
plausible both ways (``"Thò"``, ``"Hòa"``) prove nothing.
A tie between the encodings, or too little evidence, gives ``None``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Literal, TypeAlias

import attrs
import pandas as pd

__all__ = [
    "INVISIBLE_CHARS",
    "OTHER_SPACES",
    "UNUSUAL_LEAD_BYTES",
    "LegacyEncoding",
    "convert_tcvn3",
    "convert_vni",
    "detect_legacy_encoding",
    "fix_legacy_text",
    "legacy_font",
    "legacy_mapping",
    "legacy_values",
    "read_in_font",
    "shown_in_capitals",
    "tcvn3_capitals",
]

LegacyEncoding: TypeAlias = Literal["tcvn3", "vni"]

# ----------------------------------------------------------------------------- TCVN3

# Unicode letters in the order of their TCVN3 codes below.  Toned groups are in the
# TCVN3 order: huyền, hỏi, ngã, sắc, nặng.
_TCVN3_LETTERS = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
_TCVN3_CODES = (
    *range(0xA1, 0xA8),  # Ă Â Ê Ô Ơ Ư Đ
    *range(0xA8, 0xAF),  # ă â ê ô ơ ư(soft hyphen) đ
    *range(0xB5, 0xBA),  # à ả ã á ạ
    0xBB, 0xBC, 0xBD, 0xBE, 0xC6,  # ằ ẳ ẵ ắ ặ
    *range(0xC7, 0xCC),  # ầ ẩ ẫ ấ ậ
    0xCC, 0xCE, 0xCF, 0xD0, 0xD1,  # è ẻ ẽ é ẹ
    *range(0xD2, 0xD7),  # ề ể ễ ế ệ
    0xD7, 0xD8, 0xDC, 0xDD, 0xDE,  # ì ỉ ĩ í ị
    0xDF, 0xE1, 0xE2, 0xE3, 0xE4,  # ò ỏ õ ó ọ
    *range(0xE5, 0xEA),  # ồ ổ ỗ ố ộ
    *range(0xEA, 0xEF),  # ờ ở ỡ ớ ợ
    0xEF, 0xF1, 0xF2, 0xF3, 0xF4,  # ù ủ ũ ú ụ
    *range(0xF5, 0xFA),  # ừ ử ữ ứ ự
    *range(0xFA, 0xFF),  # ỳ ỷ ỹ ý ỵ
)  # fmt: skip
assert len(_TCVN3_LETTERS) == len(_TCVN3_CODES) == len(set(_TCVN3_CODES)) == 74

#: TCVN3 character (as decoded with cp1252, identical to latin-1 in 0xA1..0xFE) -> letter.
TCVN3_TO_UNICODE: dict[str, str] = {
    chr(code): letter for code, letter in zip(_TCVN3_CODES, _TCVN3_LETTERS, strict=True)
}
_TCVN3_TRANSLATION = str.maketrans(TCVN3_TO_UNICODE)
#: the TCVN3 codes of the toned letters (à ... ỵ): they have no capital codes, so a
#: capital typed with a capitals' font (".VnTimeH") is stored as its small letter's
TCVN3_TONED: frozenset[str] = frozenset(
    k for k, v in TCVN3_TO_UNICODE.items() if v.lower() not in "ăâêôơưđ"
)
_TCVN3_UPPER = frozenset("¡¢£¤¥¦§")

# ------------------------------------------------------------------------------- VNI

_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_TONES = (_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT)
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

_VNI_TONE = "øùûõï"  # huyền, sắc, hỏi, ngã, nặng (same order as _TONES)
_VNI_CIRCUMFLEX_TONE = "àáåãä"
_VNI_BREVE_TONE = "èéúüë"
_VNI_I = "ìíæóò"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _build_vni() -> dict[str, str]:
    lower: dict[str, str] = {"ñ": "đ", "ô": "ơ", "ö": "ư", "î": "ỵ"}
    for modifier, tone in zip(_VNI_I, _TONES, strict=True):
        lower[modifier] = _nfc("i" + tone)
    # plain vowels (ô is VNI for ơ, ö for ư) with the five tones
    for base, letter in zip("aeouyôö", "aeouyơư", strict=True):
        for modifier, tone in zip(_VNI_TONE, _TONES, strict=True):
            if base == "y" and tone == _DOT:
                continue  # ỵ is the single byte î
            lower[base + modifier] = _nfc(letter + tone)
    for base in "aeo":
        lower[base + "â"] = _nfc(base + _CIRCUMFLEX)
        for modifier, tone in zip(_VNI_CIRCUMFLEX_TONE, _TONES, strict=True):
            lower[base + modifier] = _nfc(base + _CIRCUMFLEX + tone)
    lower["aê"] = _nfc("a" + _BREVE)
    for modifier, tone in zip(_VNI_BREVE_TONE, _TONES, strict=True):
        lower["a" + modifier] = _nfc("a" + _BREVE + tone)

    table: dict[str, str] = {}
    for seq, letter in lower.items():
        table[seq] = letter
        table[seq.upper()] = letter.upper()
        if len(seq) == 2:
            # the case of the letter is the case of the base; accept either modifier case
            table[seq[0] + seq[1].upper()] = letter
            table[seq[0].upper() + seq[1]] = letter.upper()
    return table


#: VNI sequence (one or two cp1252 characters) -> Unicode letter.
VNI_TO_UNICODE: dict[str, str] = _build_vni()
_VNI_PATTERN = re.compile(
    "|".join(re.escape(seq) for seq in sorted(VNI_TO_UNICODE, key=len, reverse=True))
)

# ------------------------------------------------------------------------- conversion


def convert_tcvn3(text: str) -> str:
    """Convert TCVN3 (ABC) text, as decoded with cp1252/latin-1, to Unicode NFC.

    Uppercase toned letters share the lowercase codes in TCVN3 (they come from the
    ``.VnTimeH`` capital fonts), so they convert to lowercase, unless the text is
    visibly written in capitals, in which case the whole text is upper-cased.

    >>> convert_tcvn3("Hoµng ThÞ Lan")
    'Hoàng Thị Lan'
    >>> convert_tcvn3("§¶ng ñy x· T©n LËp")
    'Đảng ủy xã Tân Lập'
    >>> convert_tcvn3("NGUYÔN V¡N HïNG")
    'NGUYỄN VĂN HÙNG'
    """
    converted = text.translate(_TCVN3_TRANSLATION)
    if converted != text and _typed_in_capitals(text):
        converted = converted.upper()
    return _nfc(converted)


def _typed_in_capitals(text: str) -> bool:
    """Whether TCVN3 ``text`` is visibly typed in capitals: no small ASCII letter, and a
    word with two capitals and a legacy letter ("HOµNG"), or no small untoned letter
    either, a toned letter and a word of three capitals (".VnTimeH" text as shown, "ñY
    BAN"; "§ç Hµ" is "Đỗ Hà", "TP Hµ" is "TP Hà")."""
    if any("a" <= ch <= "z" for ch in text):
        return False
    for word in text.split():
        capitals = sum(1 for ch in word if "A" <= ch <= "Z" or ch in _TCVN3_UPPER)
        if capitals >= 2 and any(ch in TCVN3_TO_UNICODE for ch in word):
            return True
    if not _TCVN3_SMALL_UNTONED.isdisjoint(text):
        return False
    return not TCVN3_TONED.isdisjoint(text) and any(
        sum(1 for ch in word if "A" <= ch <= "Z" or ch in _TCVN3_UPPER) >= 3
        for word in text.split()
    )


#: the TCVN3 codes of the small untoned letters (ă â ê ô ơ ư đ) and of their capitals
_TCVN3_SMALL_UNTONED = frozenset("¨©ª«¬\u00ad®")
_SHOWN_IN_CAPITALS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyz¨©ª«¬\u00ad®", "ABCDEFGHIJKLMNOPQRSTUVWXYZ¡¢£¤¥¦§"
)
# TCVN3's fonts are named ".VnTime", ".VnArial NarrowH" ... (capitals' fonts end in "H");
# VNI's "VNI-Times", "VNI-Helve" ...
_TCVN3_FONT = re.compile(r"\s*\.?vn", re.IGNORECASE)
_VNI_FONT = re.compile(r"\s*vni[- _]", re.IGNORECASE)


def legacy_font(font: str | None) -> tuple[LegacyEncoding, bool] | None:
    """The legacy encoding a font of that name draws (TCVN3 ``.Vn…`` fonts, VNI ``VNI-…``
    fonts) and whether it is a TCVN3 capitals' font (``.Vn…H``: it draws capitals at the
    small letters' codes); None for any other font.

    >>> legacy_font(".VnTimeH"), legacy_font(".VnTime"), legacy_font("VNI-Times")
    (('tcvn3', True), ('tcvn3', False), ('vni', False))
    >>> legacy_font(".VnCentury SchoolbookH"), legacy_font("Times New Roman")
    (('tcvn3', True), None)
    """
    if not font:
        return None
    if _VNI_FONT.match(font):
        return "vni", False
    if _TCVN3_FONT.match(font):
        return "tcvn3", font.rstrip().endswith("H")
    return None


def shown_in_capitals(text: str) -> str:
    """TCVN3 ``text`` typed in a capitals' font (``.VnTimeH``) as the font shows it: its
    ASCII and untoned small letters in their capital codes (the toned letters have none:
    :func:`convert_tcvn3` then reads the text as typed in capitals). Text that is certainly
    Unicode already is returned as it is.

    >>> shown_in_capitals("nguyÔn v¨n an"), convert_tcvn3(shown_in_capitals("x· khun h¸"))
    ('NGUYÔN V¡N AN', 'XÃ KHUN HÁ')
    """
    if _is_unicode_text(text):
        return text
    return text.translate(_SHOWN_IN_CAPITALS)


def read_in_font(text: str, encoding: LegacyEncoding, capitals: bool = False) -> str:
    """Text typed in a legacy font of ``encoding`` as the font shows it, in Unicode NFC:
    in capitals for a TCVN3 capitals' font (``capitals``, ``.VnTimeH``). Text that is
    certainly Unicode already is returned as it is.

    >>> read_in_font("nguyÔn v¨n an", "tcvn3", capitals=True), read_in_font("Thò", "vni")
    ('NGUYỄN VĂN AN', 'Thị')
    """
    if _is_unicode_text(text):
        return text
    if encoding == "vni":
        return convert_vni(text)
    return convert_tcvn3(text).upper() if capitals else convert_tcvn3(text)


def tcvn3_capitals(typed: str, read: str) -> str:
    """``read`` (TCVN3 text ``typed``, converted) with the capitals TCVN3 cannot keep: its
    toned letters have no capital codes (a capitals' font draws the small letters' codes),
    so a word that starts with one starts with a capital when it starts the text ("Ủy ban
    Kiểm tra" typed "ñy ban KiÓm tra") or stands in a name of capitalised words, two at
    least ("Lê Thị Ánh" typed "Lª ThÞ ¸nh"; "Đảng ủy" stays). The one rule of every
    reading of TCVN3 text.

    >>> tcvn3_capitals("Lª ThÞ ¸nh", "Lê Thị ánh"), tcvn3_capitals("ñy ban", "ủy ban")
    ('Lê Thị Ánh', 'Ủy ban')
    >>> tcvn3_capitals("§¶ng viªn", "Đảng viên"), tcvn3_capitals("§¶ng ñy", "Đảng ủy")
    ('Đảng viên', 'Đảng ủy')
    """
    pairs = list(zip(typed.split(" "), read.split(" "), strict=False))
    if len(pairs) != len(read.split(" ")):
        return read
    ambiguous = [bool(t) and t[0] in TCVN3_TONED for t, _ in pairs]
    others = [r for (_, r), a in zip(pairs, ambiguous, strict=True) if not a and r[:1].isalpha()]
    named = len(others) >= 2 and all(r[:1].isupper() for r in others)
    words = [
        r[:1].upper() + r[1:] if a and (i == 0 or named) else r
        for i, ((_, r), a) in enumerate(zip(pairs, ambiguous, strict=True))
    ]
    return " ".join(words)


def convert_vni(text: str) -> str:
    """Convert VNI Windows text, as decoded with cp1252/latin-1, to Unicode NFC.

    Modifier characters that do not follow a letter they can modify are kept.

    >>> convert_vni("Hoaøng Thò Lan")
    'Hoàng Thị Lan'
    >>> convert_vni("Tröôøng Ñaïi hoïc")
    'Trường Đại học'
    >>> convert_vni("NGUYEÃN VAÊN AÂN")
    'NGUYỄN VĂN ÂN'
    """
    return _nfc(_VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m.group()], text))


_CONVERTERS: dict[LegacyEncoding, Callable[[str], str]] = {
    "tcvn3": convert_tcvn3,
    "vni": convert_vni,
}

# -------------------------------------------------------------------------- detection

# Vietnamese letters that exist in latin-1: legacy text may contain them too, so they
# prove nothing either way.
_VIET_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_MARKER_CHARS: dict[LegacyEncoding, frozenset[str]] = {
    "tcvn3": frozenset(TCVN3_TO_UNICODE) - _VIET_LATIN1,
    "vni": frozenset(ch for seq in VNI_TO_UNICODE for ch in seq if not ch.isascii()) - _VIET_LATIN1,
}
# VNI pairs made only of Vietnamese-looking characters ("eâ", "aê", "eã") that never
# occur in Unicode Vietnamese; "oà", "oá", "oã" are left out (old-style "hoà", "hoá"),
# and so is a pair right after "q" ("quõi" is a possible Unicode spelling).
_VNI_MARKER_PAIRS = re.compile(
    "(?<![qQ])(?:"
    + "|".join(
        re.escape(seq)
        for seq in sorted(VNI_TO_UNICODE)
        if len(seq) == 2 and seq[1] in _VIET_LATIN1 and not (seq[0] in "oO" and seq[1] in "àáãÀÁÃ")
    )
    + ")"
)


def _has_markers(encoding: LegacyEncoding, text: str) -> bool:
    """Whether the text has characters (or VNI pairs) that correct Vietnamese never has."""
    if not _MARKER_CHARS[encoding].isdisjoint(text):
        return True
    return encoding == "vni" and _VNI_MARKER_PAIRS.search(text) is not None


# Characters a cp1252 decoding can produce above latin-1 (curly quotes, dashes ...).
_CP1252_EXTRA = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))

# rhymes that take no final consonant
_VOWEL_OPEN = (
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
    "ưa", "ưi", "ưu", "uơ", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi",
    "ươu", "uya", "uyu",
)  # fmt: skip
# nuclei with an optional final consonant
_VOWEL_CODA_OPTIONAL = ("a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy")
# nuclei that need a final consonant
_VOWEL_CODA_REQUIRED = ("ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo")
_CODA = "(?:ch|nh|ng|c|k|m|n|p|t)"  # k: Tây Nguyên names (Đắk Lắk)


def _alternation(items: tuple[str, ...]) -> str:
    return "(?:" + "|".join(sorted(items, key=len, reverse=True)) + ")"


_SYLLABLE = re.compile(
    "(?:gi|qu|[bcdđghklmnprstvxfjwz]{1,3})?"
    f"(?:{_alternation(_VOWEL_OPEN)}"
    f"|{_alternation(_VOWEL_CODA_OPTIONAL)}{_CODA}?"
    f"|{_alternation(_VOWEL_CODA_REQUIRED)}{_CODA})"
)
_STOP_CODA = re.compile("(?:c|ch|k|p|t)$")
# spelling rules: gh/ngh only before i e ê, c never before them (k is used there)
_BAD_SPELLING = re.compile("n?gh[^ieê]|c[ieêy]")
_TONE_SET = frozenset(_TONES)
_TOKEN_SPLIT = re.compile(r"[\s\d!-/:-@\[-`{-~\u2010-\u2015\u2018-\u201f\u2026]+")

# Very frequent syllables of names and of local-government titles: only used to
# break a tie when a text makes sense in both encodings.
_COMMON = frozenset(
    (
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
        "hồ", "ngô", "dương", "lý", "đinh", "văn", "thị", "hữu", "đức", "minh", "thanh", "hương",
        "hồng", "ngọc", "anh", "tuấn", "hùng", "dũng", "quang", "thành", "trung", "hải", "hà",
        "hoa", "lan", "mai", "thu", "thủy", "xuân", "hòa", "bình", "tân", "an", "sơn", "xã",
        "huyện", "tỉnh", "phường", "thôn", "bản", "ủy", "ban", "nhân", "dân", "đảng", "bí", "thư",
        "chủ", "tịch", "phó", "trưởng", "công", "quân", "sự", "hội", "cựu", "chiến", "binh", "phụ",
        "nữ", "đoàn", "niên", "đại", "học", "cao", "đẳng", "cấp", "thạc", "sĩ", "tiến", "kinh",
        "tày", "thái", "mường", "nùng", "mông", "dao",
    )
)  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def _is_syllable(token: str) -> bool:
    """Whether a token is a well-formed Vietnamese syllable (any case, NFC or NFD)."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    tones = [ch for ch in decomposed if ch in _TONE_SET]
    if len(tones) > 1:
        return False
    base = _nfc("".join(ch for ch in decomposed if ch not in _TONE_SET))
    if _SYLLABLE.fullmatch(base) is None or _BAD_SPELLING.match(base) is not None:
        return False
    return not (_STOP_CODA.search(base) and (not tones or tones[0] not in (_ACUTE, _DOT)))


@attrs.frozen
class _Plausibility:
    tokens: int  # tokens with non-ASCII letters
    valid: int  # ... of which are Vietnamese syllables
    strong: int  # ... valid, with at least two letters, one of them ASCII
    common: int  # ... valid and among the most frequent syllables

    @property
    def ok(self) -> bool:
        return self.tokens > 0 and self.valid >= 0.8 * self.tokens


def _is_acronym(token: str) -> bool:
    """Whether a token is an abbreviation in capitals with a "Đ" ("HĐND", "ĐBQH"): no
    syllable, and no evidence either way."""
    return len(token) >= 2 and token.isupper() and all(ch.isascii() or ch == "Đ" for ch in token)


def _plausibility(text: str) -> _Plausibility:
    tokens = valid = strong = common = 0
    for token in _TOKEN_SPLIT.split(text):
        if token.isascii() or _is_acronym(token):
            continue
        tokens += 1
        if _is_syllable(token):
            valid += 1
            strong += len(token) >= 2 and any(ch.isascii() for ch in token)
            common += _nfc(token.lower()) in _COMMON
    return _Plausibility(tokens, valid, strong, common)


def _is_unicode_text(text: str) -> bool:
    """Whether the text has a character that no cp1252/latin-1 decoding produces."""
    return any(ord(ch) > 0xFF and ch not in _CP1252_EXTRA for ch in text)


def _is_evidence(encoding: LegacyEncoding, value: str, converted: str) -> bool:
    """Whether a value changed by the conversion can only be legacy text.

    It can if it has the encoding's markers, or if it is not Vietnamese as it stands
    (``"Cùu chiÕn"`` is TCVN3 for ``"Cựu chiến"``).  A value such as ``"Thò"`` that is
    plausible both ways proves nothing.
    """
    if converted == value:
        return False
    return _has_markers(encoding, value) or not _plausibility(value).ok


_MAX_SAMPLE = 5000  # distinct values examined by the detector


def _sample(distinct: set[str]) -> list[str]:
    """At most ``_MAX_SAMPLE`` distinct values, evenly spread and deterministic."""
    ordered = sorted(distinct)
    if len(ordered) <= _MAX_SAMPLE:
        return ordered
    step = len(ordered) / _MAX_SAMPLE
    return [ordered[int(i * step)] for i in range(_MAX_SAMPLE)]


def _detect(distinct: set[str]) -> LegacyEncoding | None:
    unicode_values = 0
    candidates: list[str] = []
    for value in _sample(distinct):
        if value.isascii():
            continue
        if _is_unicode_text(value):
            unicode_values += 1
        else:
            candidates.append(value)

    # Values that cannot be correct Vietnamese as they stand.  Each encoding must turn
    # (nearly) all of them into Vietnamese, not just the ones it happens to change.
    suspicious = [
        value
        for value in candidates
        if not _plausibility(value).ok or any(_has_markers(e, value) for e in _CONVERTERS)
    ]
    scores: dict[LegacyEncoding, tuple[float, int, int]] = {}
    for encoding, convert in _CONVERTERS.items():
        converted = [convert(value) for value in suspicious]
        if not any(
            _is_evidence(encoding, v, c) for v, c in zip(suspicious, converted, strict=True)
        ):
            continue
        results = [_plausibility(text) for text in converted]
        good = [r for r in results if r.ok]
        strong = sum(r.strong for r in good)
        if len(good) < 0.8 * len(results) or strong == 0 or unicode_values > len(good):
            continue
        if strong == 1 and any(r.valid < r.tokens for r in results):
            continue  # thin evidence must be flawless
        scores[encoding] = (len(good) / len(results), sum(r.common for r in good), strong)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None  # nothing, or a tie: do not guess
    return ranked[0][0]


def _distinct_strings(values: Iterable[object]) -> set[str]:
    return {v for v in values if isinstance(v, str)}


def detect_legacy_encoding(values: Iterable[str]) -> LegacyEncoding | None:
    """Decide whether a whole column is TCVN3, VNI or neither (``None``).

    Of the distinct strings, at least 80% of the suspicious ones (characters or VNI
    pairs correct Vietnamese never has, or not Vietnamese as they stand) convert to
    Vietnamese syllables, the encoding changes one, the converted text has a syllable of
    two letters or more (if only one, no ill-formed word), values certainly Unicode are
    not the majority, the other encoding fits less well. ASCII, English and correct
    Vietnamese (NFC or NFD) never are.

    >>> detect_legacy_encoding(["NguyÔn V¨n An", "Lª ThÞ Hoa", "C001"])
    'tcvn3'
    >>> detect_legacy_encoding(["Nguyeãn Vaên An", "Leâ Thò Hoa"])
    'vni'
    >>> detect_legacy_encoding(["Nguyễn Văn An", "Lê Thị Hoa", "dai_hoc"]) is None
    True
    """
    return _detect(_distinct_strings(values))


def _reading(value: str, encodings: Iterable[LegacyEncoding]) -> tuple[LegacyEncoding, str] | None:
    """The encoding ``value`` alone is certainly typed in and what it reads as: it cannot
    be correct as it stands (:func:`_is_evidence`) and converts to Vietnamese syllables;
    None if it may be correct text, or fits two encodings alike.

    >>> _reading("Th¸i", ("tcvn3", "vni")), _reading("Thái", ("tcvn3", "vni"))
    (('tcvn3', 'Thái'), None)
    """
    found = []
    if not any(_has_markers(e, value) for e in encodings) and _plausibility(value).ok:
        return None  # correct as it stands (the cheap answer of most values)
    for encoding in encodings:
        read = _CONVERTERS[encoding](value)
        if _is_evidence(encoding, value, read) and (fit := _plausibility(read)).ok:
            found.append(((_has_markers(encoding, value), fit.common, fit.valid), encoding, read))
    found.sort(reverse=True)
    if not found or (len(found) > 1 and found[0][0] == found[1][0]):
        return None
    return found[0][1], tcvn3_capitals(value, found[0][2]) if found[0][1] == "tcvn3" else found[0][
        2
    ]


def legacy_values(
    values: Iterable[object], alone: bool = True
) -> tuple[dict[str, str], LegacyEncoding | None, bool]:
    """What each of ``values`` typed in a legacy encoding reads as in Unicode NFC (the values
    a conversion changes), the encoding (of most) and whether ``values`` are legacy as a
    whole (:func:`detect_legacy_encoding`, and no value correct text: certainly Unicode, or
    another's reading). Then every value is converted but one likelier as it stands
    ("Thái" is no "Thỏi"); else a value only when it cannot be correct as it stands and
    reads as Vietnamese (rows pasted from an old file into a Unicode list), if ``alone`` or
    the values are legacy as a whole. TCVN3 text gets its capitals (:func:`tcvn3_capitals`).

    >>> legacy_values(["Thái", "Th¸i", "Mông", "Kinh"])
    ({'Th¸i': 'Thái'}, 'tcvn3', False)
    >>> legacy_values(["Hä vµ tªn", "Lª ThÞ Hoa"])[1:]
    ('tcvn3', True)
    """
    distinct = _distinct_strings(values)
    encoding = _detect(distinct)
    if encoding is None and not alone:
        return {}, None, False
    legacy = sorted(v for v in distinct if not v.isascii() and not _is_unicode_text(v))
    encodings = tuple(_CONVERTERS) if encoding is None else (encoding,)
    found = {v: r for v in legacy if (r := _reading(v, encodings)) is not None}
    mapping = {v: read for v, (_, read) in found.items()}
    whole = len(legacy) == sum(not v.isascii() for v in distinct)
    if encoding is not None and whole and set(mapping.values()).isdisjoint(legacy):
        for value in (v for v in legacy if v not in mapping):
            read, fit = _CONVERTERS[encoding](value), _plausibility(value)
            if read != value and not (
                fit.valid == fit.tokens and fit.common > _plausibility(read).common
            ):
                mapping[value] = tcvn3_capitals(value, read) if encoding == "tcvn3" else read
    else:
        whole = False
    kinds = [found[v][0] if v in found else encoding for v in mapping]
    return mapping, max(set(kinds), key=kinds.count) if kinds else None, whole and bool(mapping)


def legacy_mapping(values: Iterable[object]) -> tuple[dict[str, str], LegacyEncoding | None]:
    """What each of ``values`` reads as when they are typed in a legacy encoding taken as a
    whole (:func:`legacy_values`, not value by value), and the encoding.

    >>> legacy_mapping(["Hä vµ tªn", "Ngµy sinh", "STT", "Lª ThÞ Hoa"])
    ({'Hä vµ tªn': 'Họ và tên', 'Lª ThÞ Hoa': 'Lê Thị Hoa', 'Ngµy sinh': 'Ngày sinh'}, 'tcvn3')
    """
    return legacy_values(values, alone=False)[:2]


def fix_legacy_text(values: pd.Series) -> tuple[pd.Series, LegacyEncoding | None]:
    """A column's values typed in TCVN3 or VNI converted to Unicode NFC (its distinct
    values, as a whole and each alone: :func:`legacy_values`), and the encoding; the Series
    unchanged with ``None`` when it has none. Missing, non-string and Unicode values are
    never touched. A categorical Series comes back categorical."""
    mapping, encoding, _ = legacy_values(values.dropna().unique())
    if not mapping:
        return values, encoding
    source = values.astype(object) if isinstance(values.dtype, pd.CategoricalDtype) else values
    changed = source.isin(list(mapping))
    fixed = source.where(~changed, source.map(mapping))
    if source is not values:
        fixed = fixed.astype("category")
    return fixed, encoding


# ------------------------------------------------------------------ invisible characters

# Every invisible formatting character (Unicode category Cf, as of Unicode 14): the soft
# hyphen a web page leaves inside a word, zero-width space, non-joiner and joiner, the
# bidirectional marks and isolates, word joiner, the byte-order mark, the interlinear
# annotation and tag characters, ... (tests/test_list_value_spellings_more.py checks the
# ranges against ``unicodedata``)
_FORMAT_RANGES = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD),
    (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
    (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)  # fmt: skip
#: Characters real files carry that print as nothing (every format character, Unicode
#: category Cf: soft hyphen, zero-width space and joiners, bidirectional marks, word
#: joiner, byte-order mark ... left inside a cell by copy and paste from the web), as the
#: ranges of a regular expression's class. Text is read without them.
INVISIBLE_CHARS = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in _FORMAT_RANGES)
#: Spaces other than the ASCII ones (no-break, the typographic spaces, ideographic):
#: text reads them as a plain space.
OTHER_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"


def _lead_bytes() -> tuple[bytes, ...]:
    """The first two UTF-8 bytes (all of a two-byte one) of every invisible character and
    other space: a text holding none of them holds none of those characters."""
    spaces = [(0x00A0, 0x00A0), (0x1680, 0x1680), (0x2000, 0x200A), (0x202F, 0x202F),
              (0x205F, 0x205F), (0x3000, 0x3000)]  # fmt: skip
    found = {chr(c).encode()[:2] for a, b in (*_FORMAT_RANGES, *spaces) for c in range(a, b + 1)}
    # a first byte that leads five or more of them (Arabic's): that byte alone, searched once
    many = {p[:1] for p in found if sum(q[:1] == p[:1] for q in found) >= 5}
    return tuple(sorted({p[:1] if p[:1] in many else p for p in found}))


#: The leading UTF-8 bytes of :data:`INVISIBLE_CHARS` and :data:`OTHER_SPACES` (the cheap
#: search that tells a column needs no cleaning of them).
UNUSUAL_LEAD_BYTES = _lead_bytes()
