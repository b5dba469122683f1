"""The people a list's notes column ("Ghi chú") says have left (:mod:`cadre_core.roster._flat`).

A clerk keeps the list and, rather than delete a person who retired or moved, writes it
in the notes: "Nghỉ hưu trước tuổi theo NĐ 178 từ 01/01/2026", "Chuyển công tác từ
15/02/2026", "Thôi việc từ tháng 3/2026". A leaving phrase ("nghỉ hưu", "nghỉ chế độ",
"nghỉ theo NĐ 178/2024", "chuyển công tác", "thôi việc", "nghỉ việc", "chuyển đi", "đã
nghỉ") followed by "(kể) từ (ngày)" and a day, or by the day right after it, gives the
day the person leaves (a month: its first day), read as a left date column would be
(:mod:`cadre_core.roster._flat_left` ends the posts of who left on or before the list's
day; a later day is the evaluation's to weigh). Each note read is said on its row; a
leaving phrase naming no day is said and the person kept (no day is guessed). The words
are compared without their marks ("Nghi huu tu 01/10/2025" too), over the whole column.
A temporary absence ("nghỉ thai sản", "nghỉ việc riêng") and a negated one ("chưa nghỉ
hưu") are no leaving.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from cadre_core.roster import _normalize as nz
from cadre_core.roster._flat_header import header_label
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._row_marks import notes_column
from cadre_core.vocab._labels import fmt_date
from cadre_core.vocab._marks import unmarked

if TYPE_CHECKING:
    from cadre_core.roster._flat_header import Header

LEFT_DATE = ("cadres", "left_date")

# the words a note says a person left or leaves with (compared without marks, lower case);
# never a temporary absence, nor a negated or a future-age one ("chưa đến tuổi nghỉ hưu")
_PHRASE = (
    r"(?<!chua )(?<!khong )(?<!chua den tuoi )(?<!chua toi tuoi )(?<!chua du tuoi )\b(?:"
    r"nghi huu|nghi (?:theo |cho )?che do|nghi cho huu"
    r"|nghi theo (?:nd|nghi dinh)\s*(?:so\s*)?178"
    r"|chuyen cong tac(?!\s+ve\s+(?:xa|day|don vi))|thoi viec|nghi viec(?!\s+rieng)"
    r"|chuyen di(?!\s+hoc)"
    r"|da nghi(?!\s*(?:thai san|om|phep|viec rieng|khong luong|duong|de|sinh|tam))"
    r")\b"
)
# a day (dd/mm/yyyy, "ngày 1 tháng 7 năm 2025") or a month (mm/yyyy: its first day)
_WHEN = (
    r"(?<![\d/.-])(?:"
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+thang\s+(?P<m2>\d{1,2})\s+nam\s+(?P<y2>\d{4})"
    r"|(?:thang\s*)?(?P<m3>\d{1,2})\s*[/.-]\s*(?P<y3>\d{4})"
    r"|thang\s+(?P<m4>\d{1,2})\s+nam\s+(?P<y4>\d{4})"
    r")(?![\d/])"
)
# the phrase, then "(kể) từ (ngày)" and a day anywhere after it, else a day right after it
_NOTE = re.compile(
    rf"(?P<p>{_PHRASE})"
    rf"(?:(?:.*?(?:\bke\s+)?\btu\s+(?:ngay\s+)?|\s*[:,(-]?\s*(?:vao\s+)?(?:ngay\s+)?){_WHEN})?"
)


# each letter with a mark by the letter without it (:func:`unmarked`), a mark alone dropped
_UNMARK = str.maketrans(
    {
        **{ch: plain for ch in map(chr, range(0xC0, 0x1EFA))
           if (plain := unmarked(ch)) != ch and len(plain) == 1},
        **dict.fromkeys(map(chr, range(0x300, 0x370))),
    }
)  # fmt: skip


def _keys(notes: pd.Series) -> pd.Series:
    """The notes (text) in lower case without their marks, over the column."""
    return nz.keys_of(notes).str.translate(_UNMARK)


def leaving_notes(notes: pd.Series) -> pd.DataFrame:
    """For each note of ``notes`` whether it says its person left or leaves (``leaves``)
    and the day it names (``day``; NaT: none, or none that is a day), on ``notes``' index.

    >>> out = leaving_notes(pd.Series(["Nghỉ hưu trước tuổi theo NĐ 178 từ 01/01/2026",
    ...                                "Chuyen cong tac tu thang 3/2026", "Thôi việc",
    ...                                "Kiêm Chủ tịch HĐND xã", "Nghỉ thai sản", None]))
    >>> out["leaves"].tolist()
    [True, True, True, False, False, False]
    >>> [None if pd.isna(d) else d.date().isoformat() for d in out["day"]]
    ['2026-01-01', '2026-03-01', None, None, None, None]
    """
    codes, distinct = pd.factorize(nz.to_text(notes.astype(object)))  # each note once
    once = _keys(pd.Series(distinct, dtype=object)).str.extract(_NOTE)
    found = pd.concat([once, pd.DataFrame([[None] * once.shape[1]], columns=once.columns)])
    found = found.iloc[codes].set_axis(notes.index)  # a blank (code -1): the row of None
    leaves = found["p"].notna()

    def first(*names: str) -> pd.Series:
        out = found[names[0]]
        for name in names[1:]:
            out = out.fillna(found[name])
        return pd.to_numeric(out, errors="coerce")

    month_only = found["m3"].notna() | found["m4"].notna()
    day = first("d", "d2").where(~month_only, 1)
    parts = pd.DataFrame(
        {"year": first("y", "y2", "y3", "y4"), "month": first("m", "m2", "m3", "m4"), "day": day}
    )
    dated = parts.notna().all(axis=1)
    when = pd.Series(pd.NaT, index=notes.index, dtype="datetime64[ns]")
    if bool(dated.any()):
        when[dated] = pd.to_datetime(parts[dated].astype("int64"), errors="coerce")
    return pd.DataFrame({"leaves": leaves.to_numpy(dtype=bool), "day": when}, index=notes.index)


def notes_left(
    header: Header,
    body: pd.DataFrame,
    person: pd.Series,
    cols: dict[tuple[str, str], pd.Series],
    places: dict[tuple[str, str], str],
    problems: list[Problem],
    where: str,
    first: int,
) -> list[Problem]:
    """Read the notes column of a sheet's ``body`` (its rows under ``header``; the row
    ``i`` is the sheet's row ``i + first``) for the people who left: the day a note of a
    ``person`` row names is their left date in ``cols`` (where the list gives none; its
    place, the notes column, in ``places``), each note said on its row, a leaving note
    with no day said and not read as a day. ``problems`` is returned with the notes column
    no longer said as not read, or said as partly read when some other note is in it.

    >>> from cadre_core.roster._flat_header import Header
    >>> header = Header(0, 1, (("Họ và tên",), ("Ghi chú",)))
    >>> body = pd.DataFrame({0: ["Lò Văn A", "Lò Văn B"], 1: ["Nghỉ hưu từ 01/10/2026", None]},
    ...                     index=[1, 2])
    >>> cols = {("cadres", "full_name"): body[0]}
    >>> said = notes_left(header, body, pd.Series(True, index=body.index), cols, {}, [],
    ...                   "ds.xlsx", 1)
    >>> cols[LEFT_DATE].tolist(), [(p.row, p.key, dict(p.args)["day"]) for p in said]
    (['2026-10-01', None], [(2, 'note_left', '01/10/2026')])
    """
    j = notes_column(header)
    if j is None or not bool(person.any()):
        return problems
    notes = body[j][person.to_numpy(dtype=bool)]
    read = leaving_notes(notes)
    leaves = read["leaves"]
    if not bool(leaves.any()):
        return problems
    column = header_label(header.labels[j], j)
    day = read["day"]
    had = cols.get(LEFT_DATE)
    blank = pd.Series(True, index=notes.index) if had is None else nz.to_text(had).isna()
    noted = leaves & blank.reindex(notes.index, fill_value=False)  # the list's own day first
    apply = noted & day.notna()
    if bool(apply.any()):
        iso = day.dt.strftime("%Y-%m-%d").astype(object).where(apply, None)
        cols[LEFT_DATE] = iso if had is None else had.astype(object).where(~apply, iso)
        places.setdefault(LEFT_DATE, column)
    names = cols.get(("cadres", "full_name"))
    said: list[Problem] = []
    for i in noted[noted].index:  # one warning per note read
        who = names.get(i) if names is not None else None
        who = " ".join(who.split()) if isinstance(who, str) else ""
        note = repr(" ".join(str(notes[i]).split()))
        if pd.isna(day[i]):
            said.append(problem(where, None, int(i) + first, column, None, "note_left_no_day",
                                severity="warning", person=repr(who), note=note))  # fmt: skip
        else:
            said.append(problem(where, None, int(i) + first, column, None, "note_left",
                                severity="warning", person=repr(who), note=note,
                                day=fmt_date(day[i].date())))  # fmt: skip
    kept = [p for p in problems
            if not (p.key == "column_not_read" and p.column == column and p.row is None)]  # fmt: skip
    other = int((nz.to_text(notes.astype(object)).notna() & ~leaves).sum())
    if other:
        kept.append(problem(where, None, None, column, None, "notes_partly_read",
                            severity="warning", count=other))  # fmt: skip
    return kept + said


__all__ = ["LEFT_DATE", "leaving_notes", "notes_left"]
