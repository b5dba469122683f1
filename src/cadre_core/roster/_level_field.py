"""The field of study a qualification cell names after its level ("Đại học Luật").

Lists whose form asks for "trình độ chuyên môn (ghi rõ chuyên ngành)" write the level and
the field in one cell: "Đại học Luật", "Thạc sĩ Quản lý công", "ĐH (Luật)", "Đại học
chuyên ngành Luật". The level is read by the education column's own rewrite
(:data:`cadre_core.roster._values.VALUE_REWRITES`, "the level that leads"); this module
gives what follows it when that is a field, with the same refusals (a theory level, a
list: no level and no field; of a cell naming several levels or one under way, the field
of the level held, :mod:`~cadre_core.roster._held_levels`), and never a mode or place of
study ("Đại học tại chức", "ĐH (văn bằng 2)") taken for a field.

Where a table has no field column, the fields read this way inform the field cell by cell:
a cell that names none leaves its degree's field unknown, not "no field". A roster that
knows its fields so is written back the same way (:func:`level_cells`).
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from cadre_core.roster import _normalize as nz
from cadre_core.roster._held_levels import held_level
from cadre_core.roster._values import (
    BACHELOR_LETTERS,
    GLUED_LEVEL,
    VALUE_ALIASES,
    VALUE_REWRITES,
    text_key,
)
from cadre_core.vocab._labels import level_name

__all__ = ["field_after_level", "fields_named", "level_cells"]

# the level that leads, as the education column reads it (the rewrite's own pattern)
_LEAD = re.compile(VALUE_REWRITES["education"][-1][0])
# the level's letters glued to the mode's, then the subject ("ĐHSP Toán"); the teachers'
# mode names the field
_GLUED = re.compile(GLUED_LEVEL)
# "CĐSP", "ĐHSP": a teachers' degree, the letters alone
_TEACHERS_LETTERS = re.compile(r"^(?:đh|cđ|tc)sp$")
# "CN Hành chính": cử nhân, then the field (the education column's own reading)
_BACHELOR = re.compile(BACHELOR_LETTERS)
_BACHELOR_WORDS = "cử nhân"
_TEACHERS_MODE = "sp"  # sư phạm: a teachers' degree, whose subject is taught
_TEACHING = "Sư phạm"
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
    >>> field_after_level("Đại học Luật; Thạc sĩ QLKT (đang học)")  # the level held's
    'Luật'
    >>> field_after_level("CN Hành chính"), field_after_level("CĐSP")
    ('Hành chính', 'Sư phạm')
    """
    held = held_level(text, "education")  # several levels, or one under way
    if held is not None and held.text is None:
        return None
    clean = " ".join(unicodedata.normalize("NFC", (held and held.text) or text).split())
    key = text_key(clean)
    if len(key) != len(clean):  # a letter whose folded form is longer: positions differ
        clean = key
    if _TEACHERS_LETTERS.match(key):
        return _TEACHING
    bachelor = _BACHELOR.match(key)
    if bachelor is not None:
        clean, key = _BACHELOR_WORDS + clean[2:], _BACHELOR_WORDS + key[2:]
    if key in VALUE_ALIASES["education"]:
        return None
    bracketed = _BRACKETED.match(key)
    if bracketed is not None:
        clean, key = clean[1:-1].strip(), bracketed.group(1).strip()
    lead = _LEAD.match(key)
    if lead is None:
        return _glued_field(clean, key)
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


def _glued_field(clean: str, key: str) -> str | None:
    """The subject after a level's letters glued to the mode's ("ĐHSP Toán": "Sư phạm
    Toán", "ĐHTC Luật": "Luật"), or None.

    >>> _glued_field("ĐHSP Toán", "đhsp toán"), _glued_field("ĐHTC Luật", "đhtc luật")
    ('Sư phạm Toán', 'Luật')
    """
    glued = _GLUED.match(key)
    if glued is None:
        return None
    subject = clean[glued.start(3) :].strip()
    return f"{_TEACHING} {subject}" if glued.group(2) == _TEACHERS_MODE else subject


def fields_named(levels: pd.Series) -> pd.Series:
    """The field each qualification cell of ``levels`` names after its level
    (:func:`field_after_level`), as the reader keeps text; missing where a cell names none.
    Each distinct cell is read once.

    >>> fields_named(pd.Series(["Đại học Luật", "Đại học", None, "ĐH (Quản lý  công)"])).tolist()
    ['Luật', nan, nan, 'Quản lý công']
    """
    text = nz.to_text(levels)
    named = text.map({v: field_after_level(str(v)) for v in text.dropna().unique()})
    named = named.astype(object)
    return nz.to_text(named.where(named.notna(), None))


# how a cell joins a level's words and a field, in order of preference: each is read back
# as both by the education column and fields_named, or the next one is tried
_JOINTS = ("{} {}", "{} ({})", "{} chuyên ngành {}")


def level_cells(levels: pd.Series, fields: pd.Series) -> pd.Series:
    """The qualification cells that say each degree's level (an education code) and field as
    a list writes them ("Đại học Luật"): the education column reads the level and
    :func:`fields_named` the field back from each. Where the field is missing, the level's
    code alone. Each distinct (level, field) is made once.

    Raises :class:`ValueError` for a field that no such cell gives back as it is (one
    holding a comma or a slash reads as a list of levels, and is refused).

    >>> level_cells(pd.Series(["dai_hoc", "thac_si", "dai_hoc"]),
    ...             pd.Series(["Luật", None, "Quản lý công"])).tolist()
    ['Đại học Luật', 'thac_si', 'Đại học Quản lý công']
    """
    codes = levels.astype(object)
    pairs = pd.DataFrame({"level": codes, "field": fields.astype(object)})
    pairs = pairs[pairs["field"].notna()].drop_duplicates()
    # the level's words as a list writes them, first letter upper-case ("Đại học")
    names = {c: level_name(str(c), "vi") for c in pairs["level"].unique()}
    words = pairs["level"].map({c: n[:1].upper() + n[1:] for c, n in names.items()})
    made = pd.Series(None, index=pairs.index, dtype=object)
    for joint in _JOINTS:
        todo = made.isna()
        if not bool(todo.any()):
            break
        cells = pd.Series(
            [
                joint.format(w, f)
                for w, f in zip(words[todo], pairs.loc[todo, "field"], strict=True)
            ],
            index=pairs.index[todo],
            dtype=object,
        )
        level_read = nz.normalise_code(cells, codes="education")[0].astype(object)
        good = (level_read == pairs.loc[todo, "level"]) & (
            fields_named(cells) == pairs.loc[todo, "field"]
        )
        made[cells.index[good.to_numpy()]] = cells[good]
    if bool(made.isna().any()):
        at = made.index[made.isna()][0]
        field, level = str(pairs.at[at, "field"]), str(pairs.at[at, "level"])
        raise ValueError(
            f"the field {field!r} of a {level} degree cannot "
            "be written in its qualification cell (no field column: the roster knows its "
            "fields cell by cell)"
        )
    key = pd.MultiIndex.from_frame(pairs[["level", "field"]])
    lookup = pd.Series(made.to_numpy(), index=key)
    given = pd.MultiIndex.from_arrays([codes, fields.astype(object)])
    out = pd.Series(lookup.reindex(given).to_numpy(), index=levels.index, dtype=object)
    return out.where(fields.notna(), codes)
