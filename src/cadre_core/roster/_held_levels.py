"""The level a qualification cell says is held, when it names several or one under way.

Clerks record a person's whole path in one degree or theory cell: two levels ("Đại học
Luật; Thạc sĩ QLKT", "ĐH Luật, Ths QLC", one per line) and a course not finished ("Đại học
Luật (đang học)", "Thạc sĩ - đang học", "Đang học Trung cấp", "Cao cấp (đang theo
học)"). A level under way is not held (no diploma yet): the cell gives the highest level
held, with what the cell writes after it (its field), and a warning names the cell that
had a level under way. A cell whose every level is under way holds none: in a list (or a
record) it is read as blank, no level held, with a warning naming the cell
(:func:`not_yet_held`: a degree's or a theory level's row is then no row, as for a blank
cell; so too in the optional level columns, "Chuyên viên chính (đang học)"); in a table of
its own, where no row is to be written for it, it is refused with a note that says so (as
"Chưa có" is: the cell is to be left blank).

A cell is read so only when each of its parts is a level of the column's own list (a part
that names none, "Đại học Luật, Kinh tế", leaves the cell as it is: refused as before).
"""

from __future__ import annotations

import re
import unicodedata

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._date_order import Said
from cadre_core.roster._lookup import code_keys, lookup_codes
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._schema import TABLE_BY_NAME
from cadre_core.roster._values import CODE_ENUMS, VALUE_ALIASES, text_key
from cadre_core.roster._values_forms import NONE_HELD_CODES

__all__ = [
    "LEVEL_CODES",
    "LIST_LEVELS",
    "UNDER_WAY_NOTE",
    "Held",
    "HeldCells",
    "held_level",
    "held_levels",
    "not_yet_held",
    "only_under_way",
]

#: The code lists of levels a cell may name several of: degrees and political theory.
LEVEL_CODES = ("education", "theory")

# "đang học", "đang theo học": (a level) being studied
_UNDER_WAY = r"đang\s+(?:theo\s+)?học"
# the words that say a part is under way, in brackets, after a dash or a colon, or before
_MARK = re.compile(rf"\(\s*{_UNDER_WAY}\s*\)|[-–:]?\s*{_UNDER_WAY}\s*:?", re.IGNORECASE)
# what joins the parts of a cell: separators and "và"
_JOINS = " \t;,/+&-–.:"
_TRAILING_AND = re.compile(r"\s+và$")


def _levels(codes: str) -> str:
    keys = [k for k in VALUE_ALIASES[codes] if "_" not in k and "(" not in k]
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


# where a level starts a part: at the start, or after a space or a separator (not inside a
# bracket, where "TC" is the mode of study: "ĐH (TC)")
_STARTS = {
    codes: re.compile(rf"(?:^|(?<=[\s;,/+&\-–]))(?:{_levels(codes)})(?!\w)")
    for codes in LEVEL_CODES
}
# "đang học" before a level, at the start of the cell or after a separator, is the part's
# ("Đang học Trung cấp"; after a level, "Trung cấp - đang học Cao cấp", it is that level's)
_UNDER_WAY_BEFORE = re.compile(rf"(?:^|[;,/+&]\s*)({_UNDER_WAY})\s+$")


def _start(key: str, at: int) -> int:
    before = _UNDER_WAY_BEFORE.search(key[:at])
    return at if before is None else before.start(1)


@attrs.frozen
class Held:
    """What a cell that names several levels, or one under way, holds: ``text``, the part
    naming the highest level held as written (None: no level held), and whether some
    level was under way."""

    text: str | None
    under_way: bool


def held_level(text: str, codes: str) -> Held | None:
    """The level held in a cell of the ``codes`` list (``education`` or ``theory``) that
    names several levels or one under way, or None for any other cell (read as it is).

    >>> held_level("Đại học Luật; Thạc sĩ QLKT", "education")
    Held(text='Thạc sĩ QLKT', under_way=False)
    >>> held_level("Trung cấp Luật; Đại học Luật (đang học)", "education")
    Held(text='Trung cấp Luật', under_way=True)
    >>> held_level("Cao cấp (đang học)", "theory")
    Held(text=None, under_way=True)
    >>> held_level("Đại học Luật, Kinh tế", "education") is None
    True
    """
    clean = " ".join(unicodedata.normalize("NFC", text).split())
    key = text_key(clean)
    if len(key) != len(clean):  # a letter whose folded form is longer: positions differ
        clean = key
    starts = [_start(key, m.start()) for m in _STARTS[codes].finditer(key)]
    if not starts or key[: starts[0]].strip(_JOINS):
        return None
    parts = [clean[a:b] for a, b in zip(starts, [*starts[1:], len(clean)], strict=True)]
    under_way = [_MARK.search(text_key(p)) is not None for p in parts]
    if len(parts) < 2 and not any(under_way):
        return None
    words = [_TRAILING_AND.sub("", _MARK.sub(" ", p).strip(_JOINS)).strip(_JOINS) for p in parts]
    found = lookup_codes(code_keys(pd.Series(words, dtype=object)), codes)
    if bool(found.isna().any()):
        return None  # a part that names no level: the cell as it is
    bare = [text_key(w) in VALUE_ALIASES[codes] for w in words]
    if not _parts_apart(key, starts, bare, under_way):
        return None
    order = CODE_ENUMS[codes]
    held = [
        (order.index(str(c)), w) for c, w, u in zip(found, words, under_way, strict=True) if not u
    ]
    return Held(max(held)[1] if held else None, any(under_way))


def _parts_apart(key: str, starts: list[int], bare: list[bool], under_way: list[bool]) -> bool:
    """Whether the parts of a cell are levels held one after the other, not one level's
    words ("Thạc sĩ đại học", "Cao đẳng đại học": not guessed) nor a list of choices: a
    part follows a separator (";", ",", "/", "+", "và"; a line is read as a space), a level
    with its field ("Đại học Luật Thạc sĩ QLKT", two lines), or is or follows one under
    way ("Đại học Thạc sĩ (đang học)"); levels with nothing
    else ("Thạc sỹ, tiến sỹ", "Trung cấp, Cao đẳng, Đại học"): the choices of a form."""
    if all(bare) and not any(under_way):
        return False
    for i, at in enumerate(starts[1:], 1):
        before = key[:at].rstrip()
        joined = before.endswith(tuple(";,/+&")) or before.endswith(" và")
        if not joined and bare[i - 1] and not (under_way[i - 1] or under_way[i]):
            return False
    return True


#: The note on a cell of a table of its own that names only levels under way (refused: no
#: level is held yet; a list's is read as blank, :func:`not_yet_held`).
UNDER_WAY_NOTE = "a level still being studied is not held: leave the cell blank until the diploma"


@attrs.frozen
class HeldCells:
    """A level column read by :func:`held_levels`: its cells, the warnings on the cells
    that had a level under way besides one held, and the notes (by value key, and their
    label keys) of the cells that name only levels under way, left to be refused."""

    text: pd.Series
    said: tuple[Said, ...] = ()
    notes: dict[str, str] = attrs.field(factory=dict)
    note_keys: dict[str, str] = attrs.field(factory=dict)


def held_levels(text: pd.Series, codes: str) -> HeldCells:
    """The cells of a ``codes`` column (text, :func:`~cadre_core.roster._normalize.to_text`)
    with each cell that names several levels, or one under way besides one held, replaced
    by the highest level held (:func:`held_level`) and a warning (``level_under_way``) on
    each cell that had a level under way. A cell that names only levels under way is left
    as it is, to be refused with a note (no level is held: the cell is to be blank). Each
    distinct cell is read once; any other column is returned as it is.

    >>> held = held_levels(pd.Series(["Đại học", "ĐH Luật, Ths QLC", "Ths (đang học)",
    ...                               "ĐH; ThS (đang học)"]), "education")
    >>> held.text.tolist(), [(s.key, s.at) for s in held.said], list(held.note_keys.items())
    (['Đại học', 'Ths QLC', 'Ths (đang học)', 'ĐH'], [('level_under_way', 3)], \
[('ths (đang học)', 'level_under_way')])
    """
    if codes not in LEVEL_CODES or not bool(text.notna().any()):
        return HeldCells(text)
    read = {v: held_level(str(v), codes) for v in text.dropna().unique()}
    found = {v: h for v, h in read.items() if h is not None and h.text is not None}
    none_held = [text_key(str(v)) for v, h in read.items() if h is not None and h.text is None]
    notes = dict.fromkeys(none_held, UNDER_WAY_NOTE)
    note_keys = dict.fromkeys(none_held, "level_under_way")
    if not found:
        return HeldCells(text, (), notes, note_keys)
    hit = text.isin(list(found)).to_numpy(dtype=bool)
    out = text.astype(object).copy()
    out[hit] = text[hit].map({v: h.text for v, h in found.items()}).astype(object)
    said = tuple(
        Said(
            "level_under_way", int(at), (("cell", repr(str(v))), ("held", repr(str(found[v].text))))
        )
        for at, v in zip(np.flatnonzero(hit), text[hit], strict=True)
        if found[v].under_way
    )
    return HeldCells(out, said, notes, note_keys)


#: The level columns of a list (``table.column``: their code list) whose cell naming only
#: levels under way is read as blank by :func:`not_yet_held`: a degree's and a theory
#: level's, and the optional levels of the form (state management, IT, language, schooling).
LIST_LEVELS: dict[str, str] = {
    f"{table}.{c.name}": c.codes
    for table in ("cadres", "degrees", "theory")
    for c in TABLE_BY_NAME[table].columns
    if c.kind == "code" and c.codes in (*LEVEL_CODES, *NONE_HELD_CODES)
}


def _only_under_way(text: str, codes: str) -> bool:
    if codes in LEVEL_CODES:
        held = held_level(text, codes)
        return held is not None and held.text is None
    key = text_key(" ".join(unicodedata.normalize("NFC", text).split()))
    if _MARK.search(key) is None:
        return False
    rest = pd.Series([_MARK.sub(" ", key).strip(_JOINS)], dtype=object)
    return bool(rest[0]) and bool(lookup_codes(code_keys(rest), codes).notna().all())


def only_under_way(cells: pd.Series, codes: str) -> pd.Series:
    """Which cells of a ``codes`` column name only levels still being studied ("Ths (đang
    học)", "Đang học Trung cấp", "Chuyên viên chính (đang học)"): no level is held yet.
    Each distinct cell is read once.

    >>> only_under_way(pd.Series(["Đang học đại học", "ĐH; ThS (đang học)", None, "ThS"]),
    ...                "education").tolist()
    [True, False, False, False]
    >>> only_under_way(pd.Series(["Chuyên viên chính (đang học)", "Chuyên viên"]),
    ...                "state_management").tolist()
    [True, False]
    """
    filled = cells.dropna()
    distinct = filled.astype(str).unique()
    found = [v for v in distinct if _only_under_way(str(v), codes)]
    if not found:
        return pd.Series(False, index=cells.index)
    hit = pd.Series(False, index=cells.index)
    hit[filled.index] = filled.astype(str).isin(found).to_numpy(dtype=bool)
    return hit


def not_yet_held(people: pd.DataFrame, rows: pd.Series, file: str, problems: list[Problem]) -> None:
    """Blank, in the person rows of a list (``people``: ``table.column`` cells, ``rows``:
    their row numbers), each level cell of :data:`LIST_LEVELS` that names only levels still
    being studied, with a warning (``level_not_yet_held``) naming the cell: no level is held
    yet. A degree or a theory level under way is no row of its table: the row's other cells
    of that table (the course's field, day, place) are blanked with it."""
    for name, codes in LIST_LEVELS.items():
        if name not in people:
            continue
        hit = only_under_way(people[name], codes)
        if not bool(hit.any()):
            continue
        table, _, column = name.partition(".")
        for at, cell in zip(rows[hit], people.loc[hit, name], strict=True):
            problems.append(
                problem(file, table, int(at), column, None, "level_not_yet_held",
                        severity="warning", cell=repr(str(cell)))
            )  # fmt: skip
        blank = (
            [name] if table == "cadres" else [c for c in people if str(c).startswith(f"{table}.")]
        )
        people.loc[hit, blank] = None
