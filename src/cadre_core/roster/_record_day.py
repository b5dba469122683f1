"""The day a personal record ("Sơ yếu lý lịch") describes: the day it was signed.

A record names the day it was signed in words, under its fields ("Tả Lèng, ngày 15 tháng
01 năm 2026"), in its body or its page footer. That line is the first of the record's
title rows (:func:`~cadre_core.roster._record.record_grid`), blank when there is none, and
its day the record's (:func:`record_day`); a folder of records is as of the latest day one
was signed (:func:`signed_day`). No other day is the record's: not a birth day, not a day
above the form's title, and not the day of a legal document the form names (the decision
it was issued by, "Mẫu 2C-BNV/2008 ban hành kèm theo Quyết định số 02/2008/QĐ-BNV ngày
06/10/2008", :func:`without_issued_days`), wherever it is written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

from cadre_core.roster._grid import Grid
from cadre_core.roster._list_title import title_day
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._record_sections import _key
from cadre_core.vocab._labels import fmt_date

_BORN = re.compile(r"sinh\W*$")  # "Sinh ngày 12 tháng 5 năm 1980" names no signing
_SIGNED = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*năm\s+\d{4}")
# the day of a legal document a text names, never the day a record or a list was signed:
# "(ban hành kèm theo) Quyết định số 02/2008/QĐ-BNV ngày 06/10/2008", "Hướng dẫn số
# 15-HD/TCTW ngày 21 tháng 11 năm 2022": the document's kind, its number, then "ngày" and
# the day; the body that issued it may stand before "ngày", after "của" ("Quyết định số
# 12/QĐ-UBND của Chủ tịch UBND tỉnh ngày 05/3/2024"), in words with no comma, colon or
# bracket: a signing line ("UBND xã Tả Lèng, ngày 10 tháng 10 năm 2025") names no document.
# A comma may stand before "ngày" ("Quyết định số 1234/QĐ-UBND, ngày 05 tháng 3 năm 2025",
# "... của Chủ tịch UBND tỉnh, ngày ..."), and a colon after the kind's "số" ("Quyết định
# số: 1234/QĐ-UBND"); a bare "Số: 125/BC-UBND" is a document's own number, as its header
# writes it, never one it cites
_CITED = r"(?:[^\S\t]*,[^\S\t]*|[^\S\t]+)"  # between a number or a body and "ngày"
_ISSUED = re.compile(
    r"(?:\b(?:quyết\s+định|thông\s+tư(?:\s+liên\s+tịch)?|nghị\s+định|nghị\s+quyết|chỉ\s+thị"
    r"|hướng\s+dẫn|công\s+văn|qđ|tt|nđ|nq)\b[^\S\t]*(?:số[^\S\t]*:?[^\S\t]*)?"
    rf"(?:\S*\d[^\s,]*{_CITED})?|\bsố[^\S\t]+\S*\d[^\s,]*{_CITED})"
    rf"(?:của[^\S\t]+[^\t,;:()]*?{_CITED})?ngày[^\S\t]*"
    r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*năm\s+\d{4})",
    re.IGNORECASE,
)
_EDGES = " \t,;:.-–"


def without_issued_days(text: str) -> str:
    """``text`` without the days of the legal documents it names (the decision a form was
    issued by, "Quyết định số 02/2008/QĐ-BNV ngày 06/10/2008"): what is left may name the
    day a document was signed, those never do. A text naming none is returned as it is.

    >>> without_issued_days("Mẫu 2C ban hành kèm theo Quyết định số 02/2008/QĐ-BNV ngày "
    ...                     "06 tháng 10 năm 2008 của Bộ trưởng Bộ Nội vụ")
    'Mẫu 2C ban hành kèm theo của Bộ trưởng Bộ Nội vụ'
    >>> without_issued_days("Theo Quyết định số 12/QĐ-UBND của Chủ tịch UBND tỉnh ngày 05/3/2024")
    'Theo'
    >>> without_issued_days("Tả Lèng, ngày 15 tháng 01 năm 2026")
    'Tả Lèng, ngày 15 tháng 01 năm 2026'

    A comma before "ngày", with or without spaces, and a colon after "số" cite the same:

    >>> without_issued_days("Theo Quyết định số 1234/QĐ-UBND, ngày 05 tháng 3 năm 2025 "
    ...                     "của UBND tỉnh")
    'Theo của UBND tỉnh'
    >>> [without_issued_days(f"Quyết định số{s}ngày 05/3/2025") for s in
    ...  (" 1234/QĐ-UBND ,", " 1234/QĐ-UBND,", ": 1234/QĐ-UBND, ")]
    ['', '', '']
    >>> without_issued_days("Quyết định số 12/QĐ-UBND của Chủ tịch UBND tỉnh, ngày 05/3/2024")
    ''
    >>> without_issued_days("Số: 125/BC-UBND, ngày 05 tháng 3 năm 2025")
    'Số: 125/BC-UBND, ngày 05 tháng 3 năm 2025'
    """
    composed = unicodedata.normalize("NFC", text)
    if _ISSUED.search(composed) is None:
        return text
    return re.sub(r" {2,}", " ", _ISSUED.sub("", composed)).strip(_EDGES)


def dated_lines(texts: Sequence[str]) -> list[str]:
    """A list's title or signature rows ``texts`` as the day and the period it is as of are
    read from them (:func:`~cadre_core.roster._list_title.title_day`, ``title_period``):
    without the legal documents' days (:func:`without_issued_days`), whose day is never
    the list's, nor their year its period.

    >>> dated_lines(["UBND XÃ DÀO SAN", "(Ban hành kèm theo Thông tư số 11/2012/TT-BNV "
    ...              "ngày 17 tháng 12 năm 2012 của Bộ Nội vụ)"])
    ['UBND XÃ DÀO SAN', '(Ban hành kèm theo của Bộ Nội vụ)']
    """
    return [without_issued_days(text) for text in texts]


def signing_cell(lines: Sequence[str]) -> tuple[str, str] | None:
    """The last cell of ``lines`` (a record's lines after its title, a line's cells split
    at its tabs) naming a day in words ("..., ngày 15 tháng 01 năm 2026"), other than a
    field's (a birth day) and a legal document's (:func:`without_issued_days`): the line
    the record was signed on, as written and without the documents' days; None when none.

    >>> signing_cell(["Sinh ngày 12 tháng 5 năm 1980", "Tả Lèng, ngày 15 tháng 01 năm 2026",
    ...               "Ban hành kèm theo Quyết định số 02/2008/QĐ-BNV ngày 06 tháng 10 năm 2008"])
    ('Tả Lèng, ngày 15 tháng 01 năm 2026', 'Tả Lèng, ngày 15 tháng 01 năm 2026')
    """
    for line in reversed(lines):
        for cell in line.split("\t"):
            text = without_issued_days(cell)
            key = _key(text)
            m = _SIGNED.search(key)
            if m is not None and not _BORN.search(key[: m.start()]):
                return cell, text
    return None


def record_day(grid: Grid) -> dt.date | None:
    """The day the record of ``grid`` (:func:`~cadre_core.roster._record.record_grid`) was
    signed: its first title row, the line it was signed on after the form's title
    (:func:`signing_cell`); None when it was signed on none. A day above the title (the
    decision the form was issued by, in the form's head or a page header) is never the
    record's, even when the record was signed on no line.

    >>> from cadre_core.roster._grid import Text
    >>> from cadre_core.roster._record import record_grid
    >>> head = ["Ban hành kèm theo Quyết định số 02/2008/QĐ-BNV ngày 06 tháng 10 năm 2008",
    ...         "SƠ YẾU LÝ LỊCH", "1) Họ và tên: LÒ VĂN AN"]
    >>> record_day(record_grid("an.docx", [Text(head)]))
    >>> record_day(record_grid("an.docx", [Text([*head, "Tả Lèng, ngày 15 tháng 01 năm 2026"])]))
    datetime.date(2026, 1, 15)
    """
    first = grid.cells.iat[0, 0] if grid.record and grid.top > 0 else None
    return title_day(dated_lines([first])) if isinstance(first, str) else None


def signed_day(file: str, days: Sequence[dt.date]) -> tuple[dt.date | None, list[Problem]]:
    """The day a list of records is as of: the latest of the ``days`` they were signed,
    said in a warning with the first (a record signed long before may be out of date);
    None when none was signed.

    >>> day, (said,) = signed_day("ho-so", [dt.date(2026, 1, 15), dt.date(2026, 3, 20)])
    >>> day, said.key
    (datetime.date(2026, 3, 20), 'record_day')
    """
    if not days:
        return None, []
    day = max(days)
    said = problem(file, None, None, None, None, "record_day", severity="warning",
                   day=fmt_date(day), signed=len(days), first=fmt_date(min(days)),
                   last=fmt_date(day))  # fmt: skip
    return day, [said]


__all__ = ["dated_lines", "record_day", "signed_day", "signing_cell", "without_issued_days"]
