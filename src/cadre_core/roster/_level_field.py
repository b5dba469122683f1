"""The field of study a qualification cell names after its level ("Đại học Luật").

Lists whose form asks for "trình độ chuyên môn (ghi rõ chuyên ngành)" write the level and
the field in one cell: "Đại học Luật", "Thạc sĩ Quản lý công", "ĐH (Luật)", "Đại học
chuyên ngành Luật". The level is read by the education column's own rewrite
(:data:`cadre_core.roster._values.VALUE_REWRITES`, "the level that leads"); this module
gives what follows it when that is a field, with the same refusals (a theory level, a
second level, a list, a degree under way: no level and no field), and never a mode or
place of study ("Đại học tại chức", "ĐH (văn bằng 2)") taken for a field.
"""

from __future__ import annotations

import re
import unicodedata

from cadre_core.roster._values import VALUE_ALIASES, VALUE_REWRITES, text_key

__all__ = ["field_after_level"]

# the level that leads, as the education column reads it (the rewrite's own pattern)
_LEAD = re.compile(VALUE_REWRITES["education"][-1][0])
_BRACKETED = re.compile(r"^\((.+)\)$")
# how or where a degree was taken, or that it is equivalent: no field
_NOT_FIELDS = (
    *VALUE_ALIASES["study_mode"],
    *VALUE_ALIASES["study_place"],
    "văn bằng 2",
    "văn bằng hai",
    "văn bằng ii",
    "vb2",
    "liên thông",
    "từ xa",
    "đào tạo từ xa",
    "tương đương",
)
# before or after a field, only the words that cannot end or start one ("Việt Nam học",
# "Văn hóa Việt Nam" are fields; "tt" is too short to tell)
_AROUND = [w for w in _NOT_FIELDS if len(w) > 3 and w != "việt nam"]
_MODE = "|".join(re.escape(w) for w in sorted(_AROUND, key=len, reverse=True))
_TRAILING_MODE = re.compile(rf"(?:\s*[-–,(]\s*|\s+)(?:hệ\s+)?(?:{_MODE})\s*\)?$", re.I)
_LEADING_MODE = re.compile(rf"^(?:hệ\s+)?(?:{_MODE})(?:\s*[-–,:]\s*|\s+)(?=\S)", re.I)
_FIELD_WORD = re.compile(r"^(?:chuyên\s+ngành|ngành)\b\s*:?\s*", re.I)
_NOT_A_FIELD = frozenset(text_key(w) for w in _NOT_FIELDS)


def field_after_level(text: str) -> str | None:
    """The field of study ``text`` names after its education level, or None (a level
    alone, a level and its mode of study, or a value whose level is not read).

    >>> field_after_level("Đại học Luật"), field_after_level("ĐH (Quản lý công)")
    ('Luật', 'Quản lý công')
    >>> field_after_level("Đại học chuyên ngành Luật"), field_after_level("Đại học tại chức")
    ('Luật', None)
    >>> field_after_level("Đại học Luật, Kinh tế") is None  # a list: neither level nor field
    True
    """
    clean = " ".join(unicodedata.normalize("NFC", text).split())
    key = text_key(clean)
    if len(key) != len(clean):  # a letter whose folded form is longer: positions differ
        clean = key
    if key in VALUE_ALIASES["education"]:
        return None
    bracketed = _BRACKETED.match(key)
    if bracketed is not None:
        clean, key = clean[1:-1].strip(), bracketed.group(1).strip()
    lead = _LEAD.match(key)
    if lead is None:
        return None
    rest = clean[lead.end(1) :].strip()
    if rest.startswith("(") and rest.endswith(")") and rest.count("(") == 1:
        rest = rest[1:-1]
    rest = rest.lstrip(" .:-–").strip()
    if text_key(rest) in _NOT_A_FIELD:
        return None
    rest = _TRAILING_MODE.sub("", rest).strip(" -–,")
    rest = _FIELD_WORD.sub("", _LEADING_MODE.sub("", rest)).strip()
    if not rest or text_key(rest) in _NOT_A_FIELD or text_key(rest).startswith("hệ "):
        return None
    return rest
