"""Columns of a one-row-per-person list read together as one field: the parts of one date
in sibling columns ("Ngày sinh | Tháng sinh | Năm sinh"), and which second column of a
field is read with the first rather than said as a second column of it
(:func:`cadre_core.roster._flat._read_sheet`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cadre_core.roster._flat_header import _DATE_PART_WORDS, Field, resolve
from cadre_core.roster._schema import header_key
from cadre_core.vocab._marks import unmarked

# a header naming one part of a date and the date after it: "Tháng sinh", "Năm vào Đảng";
# typed without diacritics, "Thang sinh", "Nam sinh" (a year's "Năm" beside "Ngay sinh")
_PART_OF = re.compile(r"^(ngày|tháng|năm|ngay|thang|nam)\s+(\S.*)$")
_PART_WORDS = {**_DATE_PART_WORDS, **{unmarked(k): v for k, v in _DATE_PART_WORDS.items()}}


def sibling_date_parts(
    labels: Sequence[Sequence[str]], fields: Sequence[Field | None]
) -> list[Field | None]:
    """The fields of a list's columns (``fields``, :func:`resolve` of each of ``labels``)
    with the parts of one date written in three sibling columns, under no header of their
    own: "Ngày sinh | Tháng sinh | Năm sinh" (each naming its part and the same date), or
    "Ngày sinh | Tháng | Năm" (a date's day, then a month and a year alone). Each is read
    as its part (``Field.part``) of the date "Ngày ..." names, as under "Ngày tháng năm
    sinh"; three columns that do not name one date's three parts, each once, are left as
    they are.

    >>> labels = [("Ngày sinh",), ("Tháng sinh",), ("Năm sinh",), ("Năm",)]
    >>> [f.part for f in sibling_date_parts(labels, [resolve(x) for x in labels])[:3]]
    ['day', 'month', 'year']
    >>> labels = [("Ngày vào Đảng",), ("Tháng",), ("Năm",)]
    >>> [(f.column, f.part) for f in sibling_date_parts(labels, [resolve(x) for x in labels])]
    [('party_join_date', 'day'), ('party_join_date', 'month'), ('party_join_date', 'year')]
    >>> labels = [("Ngay sinh",), ("Thang sinh",), ("Nam sinh",)]
    >>> [f.part for f in sibling_date_parts(labels, [resolve(x) for x in labels])]
    ['day', 'month', 'year']
    >>> labels = [("Năm sinh",), ("Tháng",), ("Năm",)]
    >>> sibling_date_parts(labels, [resolve(x) for x in labels])[0].part is None
    True
    """
    out = list(fields)
    keys = [header_key(lab[-1]) if lab else "" for lab in labels]
    for j in range(len(labels) - 2):
        trio = (j, j + 1, j + 2)
        if any(not labels[k] or ((f := out[k]) is not None and f.part) for k in trio):
            continue
        if len({tuple(labels[k][:-1]) for k in trio}) != 1:  # siblings: the same parents
            continue
        found = [_PART_OF.match(keys[k]) for k in trio]
        first = found[0]
        if first is None or _PART_WORDS[first.group(1)] != "day":
            continue
        if all(m is not None for m in found):  # "Ngày sinh | Tháng sinh | Năm sinh"
            words = [_PART_WORDS[m.group(1)] for m in found if m is not None]
            # the same date, each header with its marks or each without ("Ngay sinh")
            if (
                len({m.group(2) for m in found if m is not None}) != 1
                or len({m.group(1) == unmarked(m.group(1)) for m in found if m is not None}) != 1
            ):
                continue
        elif keys[j + 1 : j + 3] in (
            ["tháng", "năm"],
            ["thang", "nam"],
        ):  # "Ngày sinh | Tháng | Năm"
            words = ["day", "month", "year"]
        else:
            continue
        date = resolve([*labels[j][:-1], f"{first.group(1)} {first.group(2)}"])
        if sorted(words) != sorted(_DATE_PART_WORDS.values()) or date is None:
            continue
        if not (date.column == "birth_date" or date.column.endswith("_date")):
            continue
        for k, word in zip(trio, words, strict=True):
            out[k] = Field(date.table, date.column, part=word)
    return out


def read_together(field: Field, chosen: Sequence[Field]) -> bool:
    """Whether a column of ``field`` is read with the columns ``chosen`` for its field
    before it, rather than said as a second column of it: a rating of another year, a
    date's part not yet read, a level marked in its own column, a birth date under a
    gender ("Ngày sinh" over "Nam" | "Nữ"). A second birth date beside the first, or a
    part beside a whole date, is a second column.

    >>> day, whole = Field("cadres", "birth_date", part="day"), Field("cadres", "birth_date")
    >>> read_together(Field("cadres", "birth_date", part="year"), [day]), read_together(whole, [whole])
    (True, False)
    >>> read_together(day, [whole]), read_together(Field("cadres", "birth_date", gender="female"),
    ...     [Field("cadres", "birth_date", gender="male")])
    (False, True)
    """
    if field.column == "rating":
        return True
    if field.part is not None or any(f.part is not None for f in chosen):
        return field.part is not None and all(f.part not in (None, field.part) for f in chosen)
    if field.mark is not None:
        return all(f.mark is not None for f in chosen)
    if field.column == "birth_date":
        return field.gender is not None and all(f.gender is not None for f in chosen)
    return False
