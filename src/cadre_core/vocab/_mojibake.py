"""Detection and repair of double-encoded UTF-8 ("mojibake"): UTF-8 bytes read as cp1252.

The commonest damage of exported Vietnamese data (MySQL dumps, CSV opened with the wrong
encoding): ``"Nguyễn"`` stored as the UTF-8 bytes ``4E 67 75 79 E1 BB 85 6E`` and read back
one byte per character, ``"Nguyá»…n"``. Unlike the legacy 8-bit encodings
(:mod:`cadre_core.vocab._vntext`), it can be told value by value, and ``ftfy`` (the
maintained library for it) does both the telling and the undoing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import pandas as pd

__all__ = ["fix_double_encoded"]


def _distinct_strings(values: Iterable[object]) -> set[str]:
    return {v for v in values if isinstance(v, str)}


def _undo_double_encoding(text: str) -> str:
    """``text`` with double-encoded UTF-8 undone, or unchanged when it shows none.

    >>> _undo_double_encoding("Nguyá»…n Thá»‹ Kim")
    'Nguyễn Thị Kim'
    >>> _undo_double_encoding("Nguyễn Thị Kim")
    'Nguyễn Thị Kim'
    """
    import ftfy
    from ftfy.badness import is_bad

    if text.isascii() or not is_bad(text):
        return text
    fixed = ftfy.fix_encoding(text)
    if fixed != text and not _shows_as(fixed, text):
        # ftfy repaired more than one double encoding (e.g. read "Â " as a damaged
        # no-break space): keep only the exact inverse of the double encoding
        fixed = _undo_cp1252(text)
    return unicodedata.normalize("NFC", fixed) if fixed != text else text


def _shows_as(fixed: str, text: str) -> bool:
    """Whether ``fixed``'s UTF-8 bytes read as cp1252 (sloppy) are exactly ``text``."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)

    try:
        return fixed.encode("utf-8").decode("sloppy-windows-1252") == text
    except UnicodeDecodeError:
        return False


# A character UTF-8 encodes in two bytes or more shows, read as cp1252, as a lead byte
# (Â..ô) followed by a continuation byte (0x80..0xBF: the cp1252 letters and signs of
# 0x80..0x9F, C1 controls where cp1252 has none, and ¡..¿ / NBSP). Text without such a pair
# cannot be double-encoded; correct Vietnamese almost never has one.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122"
)
_MAYBE_DOUBLE_ENCODED = f"[\u00c2-\u00f4][{_CONTINUATION}]"


def _maybe_double_encoded(values: pd.Series) -> list[str]:
    """The distinct values of ``values`` that could be double-encoded UTF-8 (one
    vectorised regex over the column; ftfy then looks at these only)."""
    try:
        hit = values.str.contains(_MAYBE_DOUBLE_ENCODED, regex=True)
    except (AttributeError, TypeError):  # no text at all
        return []
    hit = hit.fillna(False).astype(bool)
    if not hit.any():
        return []
    return sorted(_distinct_strings(values[hit].unique()))


def _undo_cp1252(text: str) -> str:
    """``text`` read back as the UTF-8 bytes it was shown from (cp1252, with the bytes
    cp1252 leaves undefined as Latin-1: ftfy's ``sloppy-windows-1252``), or unchanged
    when those bytes are not UTF-8."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)

    if text.isascii():
        return text
    try:
        undone = text.encode("sloppy-windows-1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return unicodedata.normalize("NFC", undone)


def fix_double_encoded(values: pd.Series) -> tuple[pd.Series, dict[str, str]]:
    """Repair UTF-8 text that was decoded as cp1252/latin-1 ("mojibake") in a column.

    Exported Vietnamese data is often stored this way: ``"Nguyễn"`` is written as the
    UTF-8 bytes ``4E 67 75 79 E1 BB 85 6E`` and read back one byte per character,
    ``"Nguyá»…n"``. The detection and repair are ``ftfy``'s (a value counts only when ftfy
    finds it badly encoded *and* can undo it), run once per distinct string value; the
    result is mapped back onto the rows. Returns the repaired column and the mapping of
    each damaged value to its repair (empty when the column is sound, and then the column
    comes back unchanged). Correct Vietnamese, ASCII and legacy TCVN3/VNI text are left
    alone. Once ftfy has found damage in a column, the column is known to be damaged, and
    its other values whose characters are exactly the cp1252 reading of UTF-8 bytes are
    repaired too (ftfy alone leaves a short value such as ``"á»§"`` unsure); a column
    whose only damage is one such short value is not reported.

    >>> fixed, damaged = fix_double_encoded(pd.Series(["Tháº¡c sÄ©", "Thạc sĩ", "ThS"]))
    >>> fixed.tolist(), damaged
    (['Thạc sĩ', 'Thạc sĩ', 'ThS'], {'Tháº¡c sÄ©': 'Thạc sĩ'})
    """
    source = values.astype(object) if isinstance(values.dtype, pd.CategoricalDtype) else values
    candidates = _maybe_double_encoded(source)
    mapping = {v: f for v in candidates if (f := _undo_double_encoding(v)) != v}
    if not mapping:
        return values, {}
    for v in candidates:
        if v not in mapping and (f := _undo_cp1252(v)) != v:
            mapping[v] = f
    changed = source.isin(list(mapping))
    fixed = source.where(~changed, source.map(mapping))
    if source is not values:
        fixed = fixed.astype("category")
    return fixed, dict(sorted(mapping.items()))
