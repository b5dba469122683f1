"""A person's name header merged over two columns with nothing under it: the clerk's
way of keeping the given name in a column of its own ("Họ và tên" over "Lò Văn" |
"Pấng", to sort by it). The two columns are read as the name's two parts, as under a
header naming them ("Họ đệm" and "Tên"), and joined left to right. And a middle name's
column between the family's and the given name's ("Họ | Tên đệm | Tên"), joined in its
place (:func:`middle_of`).
"""

from __future__ import annotations

import re

import pandas as pd

from cadre_core.roster._schema import VALUE_ALIASES, header_key, text_key
from cadre_core.vocab._ethnic import ETHNIC_GROUPS

# a cell of a name's part: capitalised words of letters only ("Lò Văn", "Pấng", "LÒ
# VĂN"), never a number, a date, a post ("Bí thư Đảng ủy xã") or a note
_NAME_PART = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){0,3}$")
# the values of a coded column ("Nam", "Thái", "Đại học"): a column holding only these
# is that column, its header lost, even when one of them is also a given name
_CODED = frozenset(text_key(w) for words in VALUE_ALIASES.values() for w in words) | frozenset(
    text_key(g.name) for g in ETHNIC_GROUPS
)
_LOOKED_AT = 30  # the person rows looked at
# a middle name's own column between the family's and the given name's ("Họ | Tên đệm | Tên")
_MIDDLE = frozenset(header_key(x) for x in ("tên đệm", "đệm", "tên lót", "chữ đệm", "tên đệm/lót"))


def _names(cells: pd.Series) -> bool:
    words = cells.map(lambda v: " ".join(v.split()) if isinstance(v, str) else "")
    capitalised = words.str.split().map(lambda ws: all(w[:1].isupper() for w in ws))
    return bool((words.str.match(_NAME_PART) & capitalised).all())


def split_name(
    grid: pd.DataFrame, body: int, labels: list[tuple[str, ...]], name_at: int
) -> list[tuple[str, ...]]:
    """The labels of a one-row header (per column, ``labels``) with the person's name
    header at ``name_at`` over two columns: when the column right of it has no label and
    the two hold only names' words in the list's first rows (from ``body``), the two are
    labelled as the name's parts (the family and middle names, then the given name),
    under the name's own header; else ``labels`` as they are.

    >>> grid = pd.DataFrame([["STT", "Họ và tên", None, "Ngày sinh"],
    ...                      [1, "Lò Văn", "Pấng", "12/03/1980"]])
    >>> split_name(grid, 1, [("STT",), ("Họ và tên",), (), ("Ngày sinh",)], 1)[1:3]
    [('Họ và tên', 'Họ đệm'), ('Họ và tên', 'Tên')]
    >>> grid.iloc[1, 2] = "05/07/1982"
    >>> split_name(grid, 1, [("STT",), ("Họ và tên",), (), ("Ngày sinh",)], 1)[2]
    ()
    """
    right = name_at + 1
    if right >= len(labels) or labels[right] or len(labels[name_at]) != 1:
        return labels
    rows = grid.iloc[body : body + _LOOKED_AT]
    part = rows.iloc[:, right]
    filled = part.map(lambda v: not (v is None or v != v or (isinstance(v, str) and not v.strip())))
    # the rows with a second part: both cells names' words (group rows have none)
    coded = bool(part[filled].map(lambda v: text_key(str(v))).isin(_CODED).all())
    if (
        not bool(filled.any())
        or coded
        or not (_names(part[filled]) and _names(rows.iloc[:, name_at][filled]))
    ):
        return labels
    own = labels[name_at][0]
    # the header words the two-column name is known by (see name_parts)
    return [*labels[:name_at], (own, "Họ đệm"), (own, "Tên"), *labels[right + 1 :]]


def middle_of(labels: list[tuple[str, ...]] | tuple[tuple[str, ...], ...], pair: tuple[int, int]
              ) -> tuple[int, ...]:  # fmt: skip
    """The column of a name's middle part (``"Tên đệm"``, ``"Tên lót"``) between the family
    and given columns of ``pair`` (see ``name_parts``), as a tuple of none or one column.

    >>> middle_of([("STT",), ("Họ",), ("Tên đệm",), ("Tên",)], (1, 3))
    (2,)
    >>> middle_of([("STT",), ("Họ",), ("Quê quán",), ("Tên",)], (1, 3))
    ()
    """
    family, given = pair
    between = labels[family + 1] if given == family + 2 else ()
    return (family + 1,) if between and header_key(str(between[-1])) in _MIDDLE else ()
