"""The 54 ethnic groups of Vietnam and the spellings used for them in rosters.

The list and its order numbers are those of the General Statistics Office
(:data:`LEGAL_SOURCE`), still used as the ethnicity code in statistics and in
personnel records.  Names are written the way current GSO publications write
them (words separated by spaces rather than the hyphens of 1979, ``Mông`` for
``Hmông (Mèo)``), in Unicode NFC.

Rosters spell the names in many ways ("H'Mông", "Hmông", "Mông (Mèo)", "Khmer",
"Ê-đê", "Bru - Vân Kiều", with or without diacritics).  :func:`ethnic_key`
reduces a spelling to a comparison key and :data:`ETHNIC_ALIASES` maps the keys
of all known spellings to the official name.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import attrs

from cadre_core.vocab._marks import unmarked

__all__ = [
    "ETHNIC_ALIASES",
    "ETHNIC_GROUPS",
    "KINH",
    "LEGAL_SOURCE",
    "EthnicGroup",
    "canonical_ethnicity",
    "ethnic_key",
    "is_minority",
    "suggest_ethnicity",
]

LEGAL_SOURCE = (
    "Danh mục các dân tộc Việt Nam ban hành kèm theo Quyết định số 121-TCTK/PPCĐ "
    "ngày 02/3/1979 của Tổng cục trưởng Tổng cục Thống kê"
)


@attrs.frozen(slots=True)
class EthnicGroup:
    """One of the 54 official ethnic groups: its order number and official name.

    >>> ETHNIC_GROUPS[2]
    EthnicGroup(code=3, name='Thái')
    """

    code: int
    name: str


# name -> other spellings (the official name itself and diacritic-free forms are added
# automatically).  Order = official order number.
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Kinh", ("Kinh (Việt)", "Việt", "Viet")),
    ("Tày", ()),
    ("Thái", ("Thái Đen", "Thái Trắng")),  # the two branches (Tai Dam, Tai Don)
    ("Hoa", ("Hoa (Hán)", "Hán", "Người Hoa")),
    ("Khơ Me", ("Khơ-me", "Khmer", "Khơme", "Khơ Me Krôm", "Khmer Krom", "Khơ-me Krôm")),
    ("Mường", ()),
    ("Nùng", ()),
    ("Mông", ("H'Mông", "Hmông", "HMông", "H Mông", "Mèo", "Hmông (Mèo)", "Mông (Mèo)")),
    # the Dao branches by dress, as local lists name them
    (
        "Dao",
        (
            "Mán",
            "Dao Đỏ",
            "Dao Tiền",
            "Dao Quần Chẹt",
            "Dao Quần Trắng",
            "Dao Thanh Y",
            "Dao Lô Gang",
        ),
    ),
    ("Gia Rai", ("Gia-rai", "Gia Lai", "Giarai", "Jrai", "Jarai")),
    ("Ngái", ()),
    ("Ê Đê", ("Ê-đê", "Êđê", "Ede", "Rhađê", "Ra Đê")),
    ("Ba Na", ("Ba-na", "Bana", "Bahnar")),
    ("Xơ Đăng", ("Xơ-đăng", "Xu Đăng", "Xê Đăng", "Sơ Đăng", "Sedang")),
    ("Sán Chay", ("Cao Lan", "Sán Chỉ", "Cao Lan - Sán Chỉ", "Sán Chay (Cao Lan - Sán Chỉ)")),
    ("Cơ Ho", ("Cơ-ho", "Kơ Ho", "K'Ho", "Koho", "Cờ Ho")),
    ("Chăm", ("Chàm", "Chăm (Chàm)", "Chăm Hroi")),
    ("Sán Dìu", ("Sán Déo",)),
    ("Hrê", ("H'Rê", "H`Rê", "HRê", "H Rê")),
    ("Mnông", ("M'Nông", "M`Nông", "M.Nông", "M Nông", "Mơ Nông")),
    ("Ra Glai", ("Ra-glai", "Raglai", "Raglay", "Ra Glay")),
    ("Xtiêng", ("XTiêng", "X'Tiêng", "Stiêng", "Xa Điêng")),
    ("Bru-Vân Kiều", ("Bru", "Vân Kiều", "Bru Vân Kiều", "Bru - Vân Kiều", "Bru-Vân-Kiều")),
    ("Thổ", ()),
    ("Giáy", ("Dáy", "Nhắng")),
    ("Cơ Tu", ("Cơ-tu", "Ka Tu", "Katu", "Cờ Tu")),
    ("Gié Triêng", ("Gié-Triêng", "Giẻ Triêng", "Giẻ-Triêng", "Giẻ", "Gié", "Triêng")),
    ("Mạ", ()),
    ("Khơ Mú", ("Khơ-mú", "Khmú", "Khơmú", "Khmu", "Xá Cẩu")),
    ("Co", ("Cor",)),
    ("Tà Ôi", ("Tà-ôi", "Tà Ổi", "Pa Kô", "Pa-kô", "Pacoh", "Pa Cô")),
    ("Chơ Ro", ("Chơ-ro", "Chro", "Châu Ro")),
    ("Kháng", ()),
    ("Xinh Mun", ("Xinh-mun", "Puộc")),
    ("Hà Nhì", ("U Ni", "Xá U Ni")),
    ("Chu Ru", ("Chu-ru", "Churu", "Chơ Ru")),
    ("Lào", ()),
    ("La Chí", ()),
    ("La Ha", ()),
    ("Phù Lá", ("Phù La",)),
    ("La Hủ", ()),
    ("Lự", ("Lù",)),
    ("Lô Lô", ()),
    ("Chứt", ("Rục", "Sách", "Arem")),
    ("Mảng", ("Máng", "Mảng Ư")),
    ("Pà Thẻn", ("Pò Thẻn", "Pà Hưng", "Pá Hưng")),
    ("Cơ Lao", ("Cờ Lao", "Cơ-lao")),
    ("Cống", ()),
    ("Bố Y", ("Bố-y", "Bu Y", "Chủng Chá")),
    ("Si La", ()),
    ("Pu Péo", ("Pupéo", "Ka Pèo")),
    ("Brâu", ("B Râu", "B'Râu", "Brao")),
    ("Ơ Đu", ("Tày Hạt",)),
    ("Rơ Măm", ("Rơ-măm", "Rơ - Măm", "Romam")),
)

#: The 54 official groups, in official order (``code`` 1..54, Kinh = 1).
ETHNIC_GROUPS: tuple[EthnicGroup, ...] = tuple(
    EthnicGroup(code, unicodedata.normalize("NFC", name))
    for code, (name, _) in enumerate(_GROUPS, start=1)
)
KINH = ETHNIC_GROUPS[0].name

_PARENTHESISED = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")
_IGNORED = re.compile(r"[\s'`´‘’ʼ.\-‐‑‒–—_]+")


def ethnic_key(text: str) -> str:
    """The comparison key of an ethnic group's spelling.

    NFC, case-folded (``Đ`` -> ``đ``), without parenthesised parts and without
    spaces, apostrophes, backticks, dots, hyphens and dashes.

    >>> ethnic_key("H'Mông") == ethnic_key("Hmông") == ethnic_key("H Mông")
    True
    >>> ethnic_key("Mông (Mèo)")
    'mông'
    """
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    return _IGNORED.sub("", _PARENTHESISED.sub("", folded))


def _build_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for group, (_, variants) in zip(ETHNIC_GROUPS, _GROUPS, strict=True):
        for spelling in (group.name, *variants):
            key = ethnic_key(spelling)
            if aliases.setdefault(key, group.name) != group.name:
                raise ValueError(f"ethnic alias {spelling!r} is ambiguous")
    # diacritic-free forms, unless two groups share one
    folded: dict[str, set[str]] = {}
    for key, name in aliases.items():
        folded.setdefault(unmarked(key), set()).add(name)
    for key, names in folded.items():
        if len(names) == 1 and key not in aliases:
            aliases[key] = next(iter(names))
    return aliases


#: ``ethnic_key`` of every known spelling -> official name.
ETHNIC_ALIASES: dict[str, str] = _build_aliases()
_BY_ASCII: dict[str, str] = {key: name for key, name in ETHNIC_ALIASES.items() if key.isascii()}
_PREFIXES = ("dântộc", "dantoc", "người", "nguoi")


def _group_key(text: str) -> str:
    key = ethnic_key(text)
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def canonical_ethnicity(text: str) -> str | None:
    """The official name for a spelling of an ethnic group, or ``None`` if unknown.

    A leading "dân tộc" or "người" is ignored.  A spelling with wrong diacritics is
    accepted when its diacritic-free form belongs to a single group.

    >>> canonical_ethnicity("H'mông"), canonical_ethnicity("Kinh(việt)")
    ('Mông', 'Kinh')
    >>> canonical_ethnicity("Người nước ngoài") is None
    True
    """
    key = _group_key(text)
    found = ETHNIC_ALIASES.get(key)
    if found is None:
        found = _BY_ASCII.get(unmarked(key))
    return found


def suggest_ethnicity(text: str) -> str | None:
    """The official name closest to an unknown spelling (for error messages), if any."""
    found = canonical_ethnicity(text)
    if found is not None:
        return found
    key = unmarked(_group_key(text))
    if not key:
        return None
    close = difflib.get_close_matches(key, list(_BY_ASCII), n=1, cutoff=0.7)
    return _BY_ASCII[close[0]] if close else None


def is_minority(name: str) -> bool:
    """Whether an ethnic group (any known spelling) is an ethnic minority (not Kinh).

    Unknown spellings are not minorities: the caller validates the name first.

    >>> is_minority("H'Mông"), is_minority("Kinh (Việt)"), is_minority("Martian")
    (True, False, False)
    """
    canonical = canonical_ethnicity(name)
    return canonical is not None and canonical != KINH
