"""The one way a text loses its Vietnamese marks: the letters a clerk with no Vietnamese
keyboard types ("Bí thư Đảng ủy" is "Bi thu Dang uy"), for every comparison of a text
typed without diacritics (a value's key, a header's, a title line's, an ethnic group's).
"""

from __future__ import annotations

import unicodedata

__all__ = ["UNMARKING", "either_unmarked", "unmarked"]

_BARRED = str.maketrans({"đ": "d", "Đ": "D"})


def unmarked(text: str) -> str:
    """``text`` without its marks (tones, breve, circumflex, horn; "Đ" is "D"), its case
    kept, one letter for each letter of ``text`` in NFC (composed or not, the same).

    >>> unmarked("Tính đến ngày"), unmarked("ỦY BAN XÃ NẬM TĂM"), unmarked("Người")
    ('Tinh den ngay', 'UY BAN XA NAM TAM', 'Nguoi')
    >>> unmarked(unicodedata.normalize("NFD", "Đảng ủy")) == unmarked("Đảng ủy") == "Dang uy"
    True
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_BARRED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def either_unmarked(pattern: str) -> str:
    """A regular expression's alternation, then the same without the marks of its words
    (``k[ỹĩ] sư`` also ``k[yi] su``): the words of a text typed without diacritics.

    >>> either_unmarked("sơ cấp|ck"), either_unmarked("tc")
    ('sơ cấp|ck|so cap|ck', 'tc')
    """
    plain = unmarked(pattern)
    return pattern if plain == pattern else f"{pattern}|{plain}"


# the lower-case letters with a mark, by the letter without it
_MARKED: dict[str, list[str]] = {}
for _code in range(0xC0, 0x1EFA):
    _ch = chr(_code)
    if _ch.islower() and len(unmarked(_ch)) == 1 and unmarked(_ch) != _ch:
        _MARKED.setdefault(unmarked(_ch), []).append(_ch)

#: The substitutions (pattern, replacement) that, in order, turn a lower-case text in NFC
#: into the same without marks (:func:`unmarked`), for a chain of regular-expression
#: rewrites: each marked letter by its letter, then a mark left alone dropped.
UNMARKING: tuple[tuple[str, str], ...] = (
    *((f"[{''.join(chars)}]", base) for base, chars in sorted(_MARKED.items())),
    ("[\u0300-\u036f]", ""),
)
