"""The header of a one-row-per-person list: where it is and what each column holds.

A list exported by a cadre system or typed by a clerk ("danh sách trích ngang") has title
rows above its header, a header over one to three rows with merged cells (``Ngày sinh``
over ``Nam``/``Nữ``, ``Trình độ`` over ``Chuyên môn``/``LLCT``), sometimes a row of column
numbers under it. The header is found by content (the row whose non-empty cells are most
often known headers), never by position. Header spellings are the roster format's own
aliases (:mod:`cadre_core.roster._schema`) plus the few that only a flat list has.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._flat_names import split_name
from cadre_core.roster._schema import TABLE_BY_NAME, VALUE_ALIASES, ascii_key, header_key, text_key
from cadre_core.vocab._marks import unmarked

# The columns a flat list can inform, in priority order (the first table that knows a
# header spelling takes it: "trình độ" is an education level before a theory level).
FLAT_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cadres", ("cadre_id", "full_name", "birth_date", "gender", "ethnicity", "is_local",
                "left_date",
                # the fields the official forms count (roster-format.md)
                "party_join_date", "religion", "grade", "state_management", "it_level",
                "foreign_language", "ethnic_language", "general_education", "academic_title",
                "professional_basic", "insurance_start", "party_committee", "party_standing",
                "inspection_committee", "council_deputy")),
    ("positions", ("position_code", "title", "category", "elected")),
    ("agencies", ("name", "commune", "bloc")),
    ("assignments", ("start_date", "end_date", "rotation")),
    ("degrees", ("level", "field", "awarded_date", "study_place")),
    ("theory", ("level", "awarded_date", "study_mode")),
    ("ratings", ("rating", "year")),
)  # fmt: skip

SKIP = "skip"  # the STT column: a row number, not data

# Spellings only a flat list uses: the row number's column. Every header naming a field is
# the roster format's own alias (roster/_schema.py), read the same in both formats.
FLAT_ALIASES: Mapping[str, tuple[str, str]] = {
    header_key(k): v
    for k, v in {
        "stt": (SKIP, ""),
        "tt": (SKIP, ""),
        "số tt": (SKIP, ""),
        "số thứ tự": (SKIP, ""),
    }.items()
}


def _field_keys() -> dict[str, list[tuple[str, str]]]:
    """Every header key a flat list accepts, with its candidate (table, column)s."""
    keys: dict[str, list[tuple[str, str]]] = {}
    for table, columns in FLAT_COLUMNS:
        for col in TABLE_BY_NAME[table].columns:
            if col.name not in columns:
                continue
            for spelling in (col.name, *col.aliases):
                fields = keys.setdefault(header_key(spelling), [])
                if (table, col.name) not in fields:  # "sinh ngày" is "ngày sinh"'s key
                    fields.append((table, col.name))
    for key, field in FLAT_ALIASES.items():
        keys.setdefault(key, []).append(field)
    return keys


FIELD_KEYS = _field_keys()


def _plain_keys(
    keys: Mapping[str, list[tuple[str, str]]],
) -> dict[str, list[tuple[str, str]]]:
    """The header keys ``keys`` by their diacritic-free keys, for the keys no two headers
    of other fields share (``ma cb``: ``mã cb``; not ``nam``, the year's ``năm`` and the
    gender's ``nam``): a header written without diacritics is read by them.

    >>> year, gender = [("ratings", "year")], [("cadres", "gender")]
    >>> _plain_keys({"năm": year, "nam": gender, "mã cb": [("cadres", "cadre_id")]})
    {'ma cb': [('cadres', 'cadre_id')]}
    """
    found: dict[str, list[list[tuple[str, str]]]] = {}
    for key, fields in keys.items():
        found.setdefault(ascii_key(key), []).append(fields)
    return {k: v[0] for k, v in found.items() if all(f == v[0] for f in v)}


GENDER_WORDS = VALUE_ALIASES["gender"]
# the gender words ("Nam" | "Nữ" under "Ngày sinh"), which a header without diacritics
# may also be ("Nam": "Năm" or the gender): no field, but no key of a field's either
_GENDER_WORD = ("", "gender word")
_PLAIN_KEYS = {
    k: v
    for k, v in _plain_keys(
        {**{text_key(w): [_GENDER_WORD] for w in GENDER_WORDS}, **FIELD_KEYS}
    ).items()
    if v != [_GENDER_WORD]
}


def _unmarked(text: str) -> bool:
    """Whether a header is written without any Vietnamese diacritic ("Ngay sinh").

    >>> _unmarked("Ngay sinh"), _unmarked("Ngày sinh"), _unmarked("Dang vien")
    (True, False, True)
    """
    key = text_key(text)
    return unmarked(key) == key


def _known(key: str, plain: bool) -> list[tuple[str, str]]:
    """The fields of a header key; for a header written without diacritics (``plain``),
    also those its diacritic-free key names, when they are one field's."""
    found = FIELD_KEYS.get(key, [])
    if not found and plain:
        found = _PLAIN_KEYS.get(ascii_key(key), [])
    return found


# a database's own name of a field, as an export heads its columns: "MaCB", "HoTen",
# "NgaySinh", "Ngay_Sinh" (letters and digits, its words glued in capitals or by "_")
_DATABASE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])|_")
_YEAR = re.compile(r"(?:\bnăm\s*)?\b((?:19|20)\d{2})\b")
_PLAIN_YEAR = re.compile(r"(?:\bnam\s*)?\b((?:19|20)\d{2})\b")  # "Xep loai nam 2024"
_PAREN = re.compile(r"\([^)]*\)")


#: the parts of a date written in three columns, under one header ("Ngày tháng năm sinh"
#: over "Ngày", "Tháng", "Năm"), in the order a day is written
DATE_PARTS = ("day", "month", "year")
_DATE_PART_WORDS = {"ngày": "day", "tháng": "month", "năm": "year"}
# the same without diacritics, under a header naming the three ("Ngay thang nam sinh")
_PLAIN_PARTS = {ascii_key(k): v for k, v in _DATE_PART_WORDS.items()}
_PARTS_NAMED = re.compile(r"^ngay thang nam\b")


@attrs.frozen
class Field:
    """What one column of a flat list holds: a canonical (table, column), maybe a gender
    (a birth date under ``Nam``/``Nữ``), a year (a rating under ``Xếp loại năm 2025``), a
    part of a date written in three columns (``part``: one of :data:`DATE_PARTS`) or the
    code of a level marked in its own column (``mark``: "Trình độ chuyên môn" over
    "Cao đẳng", "Đại học", "Thạc sĩ", an "x" under the level held, :data:`MARKED`)."""

    table: str
    column: str
    gender: str | None = None
    year: int | None = None
    part: str | None = None
    mark: str | None = None


#: the coded columns a list may write as one column per level, a mark ("x") in the level
#: held, with the code list their levels come from
MARKED: Mapping[tuple[str, str], str] = {
    ("cadres", "gender"): "gender",
    ("degrees", "level"): "education",
    ("theory", "level"): "theory",
    ("cadres", "state_management"): "state_management",
    ("cadres", "it_level"): "it_level",
    ("cadres", "general_education"): "general_education",
}


def _marked(parent_fields: Sequence[tuple[str, str]], leaf: str) -> Field | None:
    """The field of a column headed by a level (``leaf``) under a coded column's header,
    with that level's code as its mark; None when ``leaf`` names no level of it."""
    from cadre_core.roster import _normalize as nz

    for table, column in reversed(parent_fields):  # the nearest header first
        family = MARKED.get((table, column))
        if family is None:
            continue
        code = nz.normalise_code(pd.Series([leaf], dtype=object), codes=family)[0].iloc[0]
        if isinstance(code, str):
            return Field(table, column, mark=code)
    return None


# whose a header's field is, after it: "Đánh giá, xếp loại CBCC", "Xếp loại cán bộ, công
# chức năm 2024" (the field of the people the list is of: the same field)
_OF_WHOM = re.compile(
    r"\s+(?:của\s+)?(?:cán bộ công chức(?: viên chức)?|cbcc(?:vc)?|cbccvc|công chức"
    r"(?: viên chức)?|viên chức|cán bộ)$"
)


NAME_AND_POST = re.compile(
    r"^(?:họ và tên|họ tên)(?: cán bộ| cbcc)?\s*[,;/–-]?\s*(?:và )?(?:chức vụ|chức danh)"
    r"(?: hiện tại| hiện nay)?$"
)
"""A header of the name and, on the cell's next line, the post ("Họ và tên, chức vụ")."""


# a header of the day made a full member of the Party, in its diacritic-free words
_FULL_MEMBER = re.compile(r"\bdang\b.*\bchinh thuc\b")
# the day admitted said after the day of joining ("Ngày vào Đảng dự bị"): the same day
_ADMITTED = re.compile(r"\s+(?:ngày\s+)?(?:dự bị|kết nạp)$")


def _candidates(label: str) -> tuple[list[tuple[str, str]], int | None]:
    """The fields a header label may denote, trying the label, then without a year or a
    parenthesis (``Ngày sinh (d/m/Y)``), then without the people it is of after it
    (``Xếp loại CBCC năm 2024``).

    >>> _candidates("Đánh giá, xếp loại cán bộ, công chức năm 2024")
    ([('ratings', 'rating')], 2024)

    The day made a full member of the Party ("Ngày vào Đảng chính thức", "Ngày vào Đảng
    (chính thức)", "NgayVaoDangChinhThuc"), a year after the day admitted, denotes none:
    a roster's ``party_join_date`` is the day admitted (:data:`_PARTY_DAYS`), which a
    header may say after the day of joining ("Ngày vào Đảng dự bị").

    >>> _candidates("Ngày vào Đảng chính thức"), _candidates("Ngày vào Đảng dự bị")
    (([], None), ([('cadres', 'party_join_date')], None))

    A header written without diacritics is read by its diacritic-free key when that key
    is one field's (:data:`_PLAIN_KEYS`); one with diacritics only as it is written.

    >>> _candidates("Ngay sinh"), _candidates("Xep loai nam 2024"), _candidates("Ngáy sinh")
    (([('cadres', 'birth_date')], None), ([('ratings', 'rating')], 2024), ([], None))
    """
    key = header_key(label)
    if _FULL_MEMBER.search(ascii_key(header_key(_GLUED.sub(" ", label)))) is not None:
        return [], None
    unmarked = _unmarked(label)
    if found := _known(key, unmarked):
        return found, None
    if ("cadres", "party_join_date") in FIELD_KEYS.get(_ADMITTED.sub("", key), []):
        return [("cadres", "party_join_date")], None
    year_of = _PLAIN_YEAR if unmarked else _YEAR
    year_match = year_of.search(key)
    year = int(year_match.group(1)) if year_match else None
    plain = header_key(_PAREN.sub(" ", year_of.sub(" ", key)))
    if found := _known(plain, unmarked):
        return found, year
    whose = _OF_WHOM.sub("", plain)
    if whose != plain and (found := _known(whose, unmarked)):
        return found, year
    return _database_field(label), None


def _database_field(label: str) -> list[tuple[str, str]]:
    """The fields of a header that is a database's name of one ("MaCB", "NgaySinh",
    "Ho_Ten"): its words apart, read by their diacritic-free key when that key is a
    header's that no header of another field shares; none for any other header.

    >>> _database_field("MaCB"), _database_field("NgaySinh"), _database_field("Ngay sinh")
    ([('cadres', 'cadre_id')], [('cadres', 'birth_date')], [])
    """
    text = label.strip()
    if _DATABASE_NAME.match(text) is None or _GLUED.search(text) is None:
        return []
    return _PLAIN_KEYS.get(ascii_key(header_key(_GLUED.sub(" ", text))), [])


# A name written in two columns: the family and middle names, then the given name (HR
# systems' exports; or "Họ và tên" merged over "Họ đệm" and "Tên").
_FAMILY = frozenset(
    header_key(x)
    for x in ("họ", "họ đệm", "họ và đệm", "họ và tên đệm", "họ và chữ đệm", "họ tên đệm",
              "họ và tên lót", "họ lót", "họ, tên đệm")
)  # fmt: skip
_GIVEN = frozenset(header_key(x) for x in ("tên", "tên gọi"))


def name_parts(labels: Sequence[Sequence[object]]) -> tuple[int, int] | None:
    """The columns of a name written in two, ``(family, given)``: a column labelled as the
    family and middle names and, one or two columns to its right, the given name's; None
    when there is no such pair.

    >>> name_parts([("STT",), ("Họ và tên", "Họ đệm"), ("Họ và tên", "Tên"), ("Ngày sinh",)])
    (1, 2)
    >>> name_parts([("STT",), ("Tên",), ("Họ",)]) is None
    True
    """
    leaves = [
        header_key(str(lab[-1])) if len(lab) and not _blank(lab[-1]) else "" for lab in labels
    ]
    for j, leaf in enumerate(leaves):
        if leaf in _FAMILY:
            for k in range(j + 1, min(j + 3, len(leaves))):
                if leaves[k] in _GIVEN:
                    return j, k
    return None


def is_header(value: object) -> bool:
    """Whether a cell is a known header spelling of a flat list (or a ``Nam``/``Nữ``)."""
    return isinstance(value, str) and (
        bool(_candidates(value)[0]) or text_key(value) in GENDER_WORDS
    )


def marked_levels(
    key: tuple[str, str], body: pd.DataFrame, filled: pd.DataFrame, marks: Mapping[int, str]
) -> dict[tuple[str, str], pd.Series]:
    """The level each row of ``body`` holds in the coded column ``key`` written as one
    column per level (``marks``: column -> level code): the level of a column whose cell is
    filled, other than with a "no" ("0", "-", "không"); of two, the higher. Under a degree's
    level a cell holding words, no mark ("x", "1", "có", "✓"), is the degree's field too
    ("Luật" under "Đại học"), given as ``("degrees", "field")``. A gender written in the
    column of one gender alone ("Nữ", an "x" for each woman) is the other where not marked.

    >>> body = pd.DataFrame({5: ["x", None, "Luật"], 6: [None, "X", "x"]})
    >>> got = marked_levels(("degrees", "level"), body, body.notna(), {5: "dai_hoc", 6: "thac_si"})
    >>> got["degrees", "level"].tolist(), got["degrees", "field"].tolist()
    (['dai_hoc', 'thac_si', 'thac_si'], [None, None, 'Luật'])
    >>> marked_levels(("cadres", "gender"), body, body.notna(), {6: "female"})[
    ...     "cadres", "gender"].tolist()
    ['male', 'female', 'female']
    """
    from cadre_core.roster import _normalize as nz
    from cadre_core.roster._values import CODE_ENUMS, FALSE_WORDS, TRUE_WORDS

    order = CODE_ENUMS[MARKED[key]]
    level = pd.Series(None, index=body.index, dtype=object)
    field = pd.Series(None, index=body.index, dtype=object)
    for j, code in sorted(marks.items(), key=lambda m: order.index(m[1])):  # the highest last
        text = nz.to_text(body[j])
        keys = nz.keys_of(text)
        on = filled[j] & ~keys.isin(FALSE_WORDS)
        level = level.where(~on, code)
        words = on & ~keys.isin(TRUE_WORDS) & text.str.contains(r"[^\W\d_]", na=False)
        field = field.where(~words, text)
    if key == ("cadres", "gender") and len(set(marks.values())) == 1:
        # one column for one gender ("Nữ" marked for each woman, as forms count "trong
        # đó nữ"): every person is of one of the two, so one not marked is of the other
        other = next(code for code in order if code not in marks.values())
        level = level.where(level.notna(), other)
    out = {key: level}
    if key == ("degrees", "level") and bool(field.notna().any()):
        out["degrees", "field"] = field.where(field.notna(), None)
    return out


# A column of one gender, marked for each person of it ("Nữ", "Trong đó: Nữ", as forms
# count women): the column of the gender it names (:func:`marked_levels`: x is that
# gender, a blank the other)
_GENDER_COLUMN = re.compile(r"^(?:trong đó\s+)?(nam|nữ)(?:\s+giới)?$")
# the days of joining the Party under "Ngày vào Đảng": admitted (dự bị: a member from that
# day, the 2C form's "Ngày vào Đảng"), and made a full member (chính thức) a year later
_PARTY_DAYS = {
    header_key(k): v
    for k, v in {"dự bị": True, "ngày dự bị": True, "kết nạp": True, "ngày kết nạp": True,
                 "chính thức": False, "ngày chính thức": False}.items()
}  # fmt: skip
# the spheres a post is of, as sub-columns under "Chức vụ" ("Đảng | Chính quyền | Đoàn
# thể" in a Party committee's list of commune leaders): each a column of posts
_POST_SPHERES = frozenset(
    header_key(k)
    for k in ("đảng", "chính quyền", "đoàn thể", "mặt trận", "mặt trận, đoàn thể",
              "mttq", "mttq, đoàn thể", "mttq và các đoàn thể", "kiêm nhiệm")
)  # fmt: skip


def resolve(labels: Sequence[str]) -> Field | None:
    """The field of a column from its header labels, top first (``None``: not read).

    >>> resolve(["Ngày tháng năm sinh", "Năm"])
    Field(table='cadres', column='birth_date', gender=None, year=None, part='year', mark=None)
    >>> resolve(["Năm sinh", "Nữ"]).gender
    'female'
    >>> resolve(["Ngay thang nam sinh", "Nam"]).part, resolve(["Ngay sinh", "Nam"]).gender
    ('year', 'male')
    >>> resolve(["Chức vụ", "Đoàn thể"])
    Field(table='positions', column='title', gender=None, year=None, part=None, mark=None)
    """
    if not labels:
        return None
    leaf, parents = labels[-1], labels[:-1]
    parent_fields = [f for p in parents for f in _candidates(p)[0]]
    part = _DATE_PART_WORDS.get(text_key(leaf))
    if part is None and parents and all(_unmarked(x) for x in labels):
        # "Ngay thang nam sinh" over "Ngay" | "Thang" | "Nam": parts, "Nam" no gender
        named = _PARTS_NAMED.match(ascii_key(header_key(parents[-1]))) is not None
        part = _PLAIN_PARTS.get(text_key(leaf)) if named else None
    gender = GENDER_WORDS.get(text_key(leaf)) if part is None else None
    if gender is not None and ("cadres", "birth_date") in parent_fields:
        return Field("cadres", "birth_date", gender=gender)
    if not parent_fields and (alone := _GENDER_COLUMN.match(header_key(leaf))) is not None:
        # "Nữ" (or "Trong đó nữ", "Nam") alone: a mark in the column of one gender
        return Field("cadres", "gender", mark=GENDER_WORDS[alone.group(1)])
    if ("cadres", "party_join_date") in parent_fields and header_key(leaf) in _PARTY_DAYS:
        # "Ngày vào Đảng" over "Dự bị" | "Chính thức": the day admitted is the day of
        # joining; the day made a full member is a day the roster does not hold
        return Field("cadres", "party_join_date") if _PARTY_DAYS[header_key(leaf)] else None
    dated = [(t, c) for t, c in parent_fields if c == "birth_date" or c.endswith("_date")]
    if part is not None and dated:  # "Ngày tháng năm sinh" over "Ngày", "Tháng", "Năm"
        return Field(*dated[0], part=part)
    found, year = _candidates(leaf)
    if not found and NAME_AND_POST.match(header_key(leaf)):  # the post on the next line
        found = [("cadres", "full_name")]
    if not found and parents and (marked := _marked(parent_fields, leaf)) is not None:
        return marked  # "Trình độ chuyên môn" over "Đại học": an "x" under the level held
    if not found and parents:
        found, year = _candidates(f"{parents[-1]} {leaf}")
    if not found and ("positions", "title") in parent_fields and header_key(leaf) in _POST_SPHERES:
        return Field("positions", "title")  # "Chức vụ" over "Đảng": the Party's posts
    if not found and not parents:
        return None
    if found:
        tables = {t for t, _ in parent_fields}
        table, column = next(((t, c) for t, c in found if t in tables), found[0])
        if year is None:
            year = next((y for p in parents if (y := _candidates(p)[1]) is not None), None)
        return Field(table, column, year=year)
    return None


def _blank(value: object) -> bool:
    if value is None or value is pd.NaT:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


_COLUMN_NUMBER = re.compile(r"^[(\[]?\s*(\d{1,3})\s*[)\].]?\s*(?:=.*)?$")
_COLUMN_LETTER = re.compile(r"^[(\[]?\s*([A-Z])\s*[)\]]?$")


def _numbering(cells: list[object]) -> bool:
    """A row of column numbers printed under a header, as official forms number them:
    "1, 2, 3", "(1), (2), (3)", "A, B, 1, 2" (letters first, in order, for the columns of
    text), "4 = 2 + 3" (a column summing others).

    >>> _numbering(["(1)", "(2)", "(3)"]), _numbering(["A", "B", 1, 2, "3=1+2"])
    (True, True)
    >>> _numbering(["1", "Lò Văn An"]), _numbering(["B", "A"]), _numbering([3, 1])
    (False, False, False)
    """
    filled = [c for c in cells if not _blank(c)]
    if len(filled) < 2:
        return False
    letters: list[str] = []
    numbers: list[float] = []
    for cell in filled:
        text = str(cell).strip()
        try:
            numbers.append(float(text))
            continue
        except ValueError:
            pass
        if (m := _COLUMN_NUMBER.match(text)) is not None:
            numbers.append(float(m.group(1)))
        elif not numbers and (m := _COLUMN_LETTER.match(text)) is not None:
            letters.append(m.group(1))
        else:
            return False
    in_order = letters == [chr(ord("A") + i) for i in range(len(letters))]
    whole = all(n.is_integer() for n in numbers) and numbers == sorted(numbers)
    return in_order and whole and not any(_is_year(n) for n in numbers)


def _is_year(value: object) -> bool:
    """A year written as a header label (``2024`` under ``Xếp loại``), not a column number.

    >>> _is_year(2024), _is_year("2023"), _is_year(2024.0), _is_year(3), _is_year("Năm")
    (True, True, True, False, False)
    """
    try:
        number = float(str(value).strip())
    except ValueError:
        return False
    return number.is_integer() and 1900 <= number <= 2100


def _label_text(value: object) -> str:
    """A header cell's text (a year read as a number is written as one: ``2024``)."""
    if _blank(value):
        return ""
    if _is_year(value):
        return str(int(float(str(value).strip())))
    return str(value).strip()


@attrs.frozen
class Header:
    """The header block found in a sheet: its rows and the label chain of every column."""

    top: int  # index of the first header row in the grid
    body: int  # index of the first row after the header (and its numbering row)
    labels: tuple[tuple[str, ...], ...]  # per column, labels top first (merged filled in)


def find_header(grid: pd.DataFrame, name_column: str = "full_name") -> Header | None:
    """The header block of a sheet, found by content among its first 30 rows.

    The header row is the one with the most known header cells, at least two, with a
    person's name among them (real headers carry many labels no roster reads); up to two
    rows below it that hold only labels (``Nam``, ``Nữ``, ``Chuyên ngành``) continue it.
    """
    cells = grid.iloc[:30].to_numpy(dtype=object)
    best, best_hits, name_at = -1, 1, 0
    for i, row in enumerate(cells):
        filled = [c for c in row if not _blank(c)]
        hits = sum(is_header(c) for c in filled)
        names = [
            j
            for j, c in enumerate(row)
            if isinstance(c, str) and (f := resolve([c])) is not None and f.column == name_column
        ]
        if not names and name_column == "full_name":  # a name in two columns
            pair = name_parts([(c,) for c in row])
            names = [pair[0]] if pair is not None else []
            hits += len(names)
        if names and hits > best_hits:
            best, best_hits, name_at = i, hits, names[0]
    if best < 0:
        return None
    rows = [best]
    end = best + 1
    for k in range(best + 1, min(best + 4, len(grid))):
        line: list[object] = list(grid.iloc[k])
        if all(_blank(c) for c in line):
            continue
        if _numbering(line):
            end = k + 1
            break
        filled = [c for c in line if not _blank(c)]
        # the name's header spans the header rows: a row with a name is a person, unless
        # it names the name's two parts under it ("Họ đệm", "Tên")
        parts = name_parts([(c,) for c in line]) if name_column == "full_name" else None
        under_name = _blank(line[name_at]) or (parts is not None and parts[0] == name_at)
        labels_only = all(isinstance(c, str) or _is_year(c) for c in filled) and under_name
        if labels_only and (len(filled) >= 2 or any(is_header(c) for c in filled)):
            rows.append(k)
            end = k + 1
            continue
        break
    width = grid.shape[1]
    block = [[_label_text(v) for v in grid.iloc[r]] for r in rows]
    # a merged label covers the columns to its right that are blank on its row and
    # labelled below it
    for level in range(len(block) - 1):
        carried = ""
        for j in range(width):
            below = any(block[lv][j] for lv in range(level + 1, len(block)))
            if block[level][j]:
                carried = block[level][j]
            elif below and carried:
                block[level][j] = carried
            else:
                carried = ""
    labels = [tuple(block[lv][j] for lv in range(len(block)) if block[lv][j])
              for j in range(width)]  # fmt: skip
    if len(rows) == 1 and name_column == "full_name":  # "Họ và tên" over two columns
        labels = split_name(grid, end, labels, name_at)
    return Header(best, end, tuple(labels))


def cell_key(value: object) -> str:
    """The comparison key of a cell (:func:`~cadre_core.roster._values.text_key` of its
    text), blank for a blank cell: two header rows are the same when their keys are.

    >>> [cell_key(v) for v in ("  Họ và  TÊN ", None, float("nan"), " ", 3)]
    ['họ và tên', '', '', '', '3']
    """
    return "" if _blank(value) else text_key(str(value))


def header_rows(
    body: pd.DataFrame,
    top: Sequence[object],
    name_column: str = "full_name",
    under: Sequence[Sequence[object]] = (),
) -> tuple[pd.Series, pd.Series]:
    """The rows of a list's ``body`` that are a list's header themselves (a person's name
    header and at least one other known header): ``again``, the list's own top header row
    ``top`` repeated (the same labels in the same columns, as exports print it on each
    page), and ``other``, the header of another list below the first (a second table on
    the sheet: salaries under the people).

    A row of column numbers (1, 2, 3 ...) under a repeated header is part of it, and so are
    the rows of the header's ``under`` it (its second and third rows, ``Nam``/``Nữ`` under
    ``Ngày sinh``) repeated with it: rows of labels only, each one of the header's own in
    its column (a label merged down is read again on each of its rows).

    >>> body = pd.DataFrame([["1", "Lò Văn A", "Đại học"], ["TT", "Họ và tên", "Trình độ"],
    ...                      [1, 2, 3], ["TT", "Họ và tên", "Bậc lương"]])
    >>> again, other = header_rows(body, ["TT", "Họ và tên", "Trình độ"])
    >>> again.tolist(), other.tolist()
    ([False, True, True, False], [False, False, False, True])
    """
    cells = pd.unique(body.to_numpy(dtype=object).ravel())
    strings = [v for v in cells if isinstance(v, str)]
    names = [v for v in strings if (f := resolve([v])) is not None and f.column == name_column]
    if not names:
        none = pd.Series(False, index=body.index)
        return none, none
    known = [v for v in strings if is_header(v)]
    candidate = body.isin(names).any(axis=1) & (body.isin(known).sum(axis=1) >= 2)
    own = [cell_key(v) for v in top]
    same = pd.Series(False, index=body.index)
    for i in candidate[candidate].index:
        same[i] = [cell_key(v) for v in body.loc[i]] == own
    again = candidate & same
    own_cols = [{k for k in (cell_key(row[j]) if j < len(row) else "" for row in (top, *under))}
                for j in range(body.shape[1])]  # fmt: skip
    for at in np.flatnonzero(again.to_numpy()):  # the header's rows under it, repeated
        below = int(at) + 1
        for _ in under:
            if below >= len(body) or _numbering(list(body.iloc[below])):
                break
            line = list(body.iloc[below])
            if not all(_blank(c) or (isinstance(c, str) and cell_key(c) in own_cols[j])
                       for j, c in enumerate(line)):  # fmt: skip
                break
            again.iloc[below] = True
            below += 1
        # and the row of column numbers under it
        while below < len(body) and all(_blank(c) for c in body.iloc[below]):
            below += 1
        if below < len(body) and _numbering(list(body.iloc[below])):
            again.iloc[below] = True
    return again, candidate & ~same


def _letters(index: int) -> str:
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def header_label(labels: Sequence[str], index: int, last: int | None = None) -> str:
    """A column's header as the user reads it: ``Ngày sinh / Nữ (column F)``; with
    ``last``, the columns from ``index`` to ``last`` (``Ngày sinh / Ngày + Tháng + Năm
    (column C–E)``).

    >>> header_label(["Ngày sinh", "Nữ"], 5), header_label(["Năm sinh"], 2, 4)
    ('Ngày sinh / Nữ (column F)', 'Năm sinh (column C–E)')
    """
    text = " / ".join(" ".join(s.split()) for s in labels) or "(no header)"
    letters = _letters(index)
    if last is not None and last != index:
        letters = f"{letters}–{_letters(last)}"
    return f"{text} (column {letters})"
