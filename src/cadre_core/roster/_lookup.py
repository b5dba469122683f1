"""How the text of a coded cell finds its code: the keys of values, the aliases, the
rewrites and diacritic-free keys of each code list, and the suggestion for a value that
names none (the spellings themselves are in :mod:`cadre_core.roster._values`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping

import pandas as pd

from cadre_core.roster._values import (
    AMBIGUOUS_VALUES,
    ASCII_ALIASES,
    VALUE_ALIASES,
    VALUE_REWRITES,
    ascii_key,
)


def keys_of(text: pd.Series) -> pd.Series:
    """Vectorised :func:`cadre_core.roster._schema.text_key` of a text column."""
    return text.str.casefold()


def _rewritten(key: str, codes: str) -> str | None:
    """The code a key names through its diacritic-free key, or once rewritten by the
    rewrites of its code list (tried in order, each on the result of the last)."""
    aliases = VALUE_ALIASES[codes]
    plain = ASCII_ALIASES[codes]
    found = plain.get(ascii_key(key))
    for pattern, replacement in VALUE_REWRITES.get(codes, ()):
        if found is not None:
            break
        key = re.sub(pattern, replacement, key).strip()
        found = aliases.get(key) or plain.get(ascii_key(key))
    return found


# a dot between two letters: "Th.S", "Đ.H", "CT.UBND"
_INNER_DOT = re.compile(r"(?<=\w)\.(?=\w)")
# one letter and a dot for the first word: "Đ.học", "T.cấp", "C.Cấp"
_INITIAL = re.compile(r"^(\w)\.\s*(\S.*)$")


def _by_initial(key: str, codes: str) -> str | None:
    """The code of "X.rest" when the aliases whose first word starts with X and whose
    other words are ``rest`` all name one code (``đ.học`` -> ``đại học``)."""
    m = _INITIAL.match(key)
    if m is None:
        return None
    letter, rest = m.groups()
    found = {
        code
        for alias, code in VALUE_ALIASES[codes].items()
        if alias.startswith(letter) and alias.partition(" ")[2] == rest
    }
    return next(iter(found)) if len(found) == 1 else None


def _code_of(key: str, codes: str) -> str | None:
    """The code a value key names through the rewrites and diacritic-free keys of its code
    list, or None (called once per distinct key that is not an alias). A key with a dot
    between letters is also tried without the dots (``th.s``) and with spaces for them
    (``ct.ubnd``), then as the initial of a word (``đ.học``)."""
    found = _rewritten(key, codes)
    if found is None and _INNER_DOT.search(key):
        aliases = VALUE_ALIASES[codes]
        for dotless in (_INNER_DOT.sub("", key), _INNER_DOT.sub(" ", key)):
            found = aliases.get(dotless) or _rewritten(dotless, codes)
            if found is not None:
                break
        found = found or _by_initial(key, codes)
    return found


# what ends a value's key without being part of it: a full stop, colon, semicolon or comma
# after the last word ("Đại học.", "Khiển trách;")
_TRAILING = r"(?<=[\w)])[\s.:;,]+$"


def code_keys(text: pd.Series) -> pd.Series:
    """The keys of a coded column's text (:func:`keys_of`) without trailing punctuation."""
    keys = keys_of(text)
    return keys.str.replace(_TRAILING, "", regex=True)


def lookup_codes(keys: pd.Series, codes: str) -> pd.Series:
    """The code each value key (:func:`code_keys`) names in the code list ``codes``: an
    alias; else, once per distinct key, the same key rewritten (abbreviations, a
    bracketed value, a unit after a title) or typed without diacritics, when that names
    a single code. Keys known to be ambiguous (:data:`AMBIGUOUS_VALUES`) stay unread.

    >>> lookup_codes(pd.Series(["cao dẳng", "tc", "sơ cấp", "th.s", "đ.học"]), "education").tolist()
    ['cao_dang', 'trung_cap', nan, 'thac_si', 'dai_hoc']
    """
    mapped = keys.map(VALUE_ALIASES[codes]).astype(object)
    rest = keys.notna() & mapped.isna() & ~keys.isin(list(AMBIGUOUS_VALUES.get(codes, {})))
    if bool(rest.any()):
        distinct = keys[rest].unique()
        found = {k: _code_of(str(k), codes) for k in distinct}
        mapped[rest] = keys[rest].map(found)
    return mapped


def _compatible(value: str, candidate: str) -> bool:
    """Whether ``candidate`` reads as a typo of ``value`` (both diacritic-free keys): the
    same number of words, each close to its counterpart. A near spelling with a word
    more, less or different ("không đánh giá" ~ "không hoàn thành", "hiệu trưởng" ~
    "phó trưởng ban") names something else and is never suggested."""
    words, others = value.split(), candidate.split()
    return len(words) == len(others) and all(
        w == o or _ratio(w, o) >= 0.6 for w, o in zip(words, others, strict=True)
    )


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def suggester(choices: Mapping[str, str]) -> Callable[[str], str | None]:
    """Closest code for a bad value, by its diacritic-free spelling; None rather than a
    code the value does not read as (a wrong suggestion misleads more than none)."""
    by_ascii: dict[str, str] = {}
    for key, code in choices.items():
        by_ascii.setdefault(ascii_key(key), code)
        by_ascii.setdefault(ascii_key(code.replace("_", " ")), code)

    def suggest(value: str) -> str | None:
        key = ascii_key(value.replace("_", " "))
        if key in by_ascii:
            return by_ascii[key]
        close = difflib.get_close_matches(key, list(by_ascii), n=5, cutoff=0.6)
        fits = [(_ratio(key, c), by_ascii[c]) for c in close if _compatible(key, c)]
        if not fits:
            return None
        best, code = fits[0]
        rivals = {other for ratio, other in fits if ratio >= best - 0.05}
        return code if rivals == {code} else None  # two codes equally near: none

    return suggest
