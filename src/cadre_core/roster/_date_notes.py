"""Why a value that is almost a day is not one: the note a refused date cell carries.

A clerk writes a year alone ("2005"), a month and year ("T7/2021"), the zero date of a
database export, a day or month written 00, a two-digit year ("5/9/85"), or a day of the
month or an age ("12") where a day belongs. None is a day the reader may guess; each is
refused with a note of its own (``problem_note_<key>`` in the label table) saying what
to write instead. :mod:`~cadre_core.roster._partial_dates` reads the first two as the
period's last day for a start-like column under ``--skip-invalid``.

A day written the English way ("14-Sep-1990", a spreadsheet's English display) and a
spreadsheet's day number kept as text ("28510") are no spelling the roster format allows
(a spreadsheet date, ISO or day-first figures): each stays refused, with its note and a
warning saying the day it looks like (:func:`reads_as`), for the clerk to type.
"""

from __future__ import annotations

import datetime as dt
import re

from cadre_core.vocab._labels import label

YEAR_ALONE = re.compile(r"\d{4}")
"""A year alone: ``2005``."""
MONTH_YEAR = re.compile(r"(?:t\.?\s*|tháng\s*)?\d{1,2}\s*(?:[/.\-]|\s+năm)\s*\d{4}", re.IGNORECASE)
"""A month and year: ``6/2021``, ``T7/2021``, ``tháng 10/2020``, ``Tháng 10 năm 2020``."""
_ZERO_DAY = re.compile(r"0{4}-00-00(?: 00:00:00)?")
# a day or a month written 00 by a clerk who did not know it: "00/00/1980", "00/05/1980"
_ZERO_PARTS = re.compile(r"0{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}")
_DAY_OR_AGE = re.compile(r"\d{1,3}")  # "12" in a birth date's column: its day, or an age
# a day with a two-digit year, typed in a hurry: "5/9/85", "12-3-78", "01.10.05"
_TWO_DIGIT_YEAR = re.compile(r"\d{1,2}\s*([/.\-])\s*\d{1,2}\s*\1\s*\d{2}")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a day, the month's English name (abbreviated or whole, any case) and a year: Excel's
# English display "14-Sep-90", "30-Apr-1995", also "14 Sep 1990", "14-Sept-1990"
_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_ENGLISH_DAY = re.compile(
    rf"(\d{{1,2}})\s*[-/\s]\s*({_MONTH_NAMES})\.?\s*[-/\s,]\s*(\d{{4}}|\d{{2}})", re.IGNORECASE
)
_SERIAL_TEXT = re.compile(r"\d{5}")  # a day number of a spreadsheet, kept as text
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_NOTES = (("year", YEAR_ALONE), ("month_year", MONTH_YEAR), ("zero_day", _ZERO_DAY),
          ("day_or_age", _DAY_OR_AGE), ("two_digit_year", _TWO_DIGIT_YEAR),
          ("zero_parts", _ZERO_PARTS), ("english_day", _ENGLISH_DAY))  # fmt: skip


def _english_day(text: str) -> tuple[int, int, str] | None:
    """Day, month and year figures of a day written the English way, None for another
    value or a day no calendar has ("31-Feb-1990")."""
    found = _ENGLISH_DAY.fullmatch(text)
    if found is None:
        return None
    day, month, year = int(found[1]), _MONTHS.index(found[2][:3].casefold()) + 1, found[3]
    try:
        dt.date(int(year) if len(year) == 4 else 2000, month, day)
    except ValueError:
        return None
    return day, month, year


def reads_as(
    text: str, serials: range | None = None
) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """The day a refused ``text`` looks like, for the warning that says it: the key of
    the warning (``problem_<key>``) and its arguments; None for a value that is no such
    day. A day number kept as text is one only in a workbook's column (``serials``: the
    day numbers read as days there).

    >>> reads_as("14-Sep-1990")
    ('date_english_day', (('written', "'14-Sep-1990'"), ('day', '14/09/1990')))
    >>> reads_as("14-SEP-90")
    ('date_english_day_short', (('written', "'14-SEP-90'"), ('day', '14/09'), ('year', '90')))
    >>> reads_as("28510", range(3654, 2958466))
    ('date_serial_text', (('written', "'28510'"), ('day', '20/01/1978')))
    >>> reads_as("28510") is None, reads_as("31-Feb-1990") is None, reads_as("1-Mayor-1990") is None
    (True, True, True)
    """
    written = ("written", repr(text))
    english = _english_day(text)
    if english is not None:
        day, month, year = english
        if len(year) == 2:
            return "date_english_day_short", (
                written,
                ("day", f"{day:02d}/{month:02d}"),
                ("year", year),
            )
        return "date_english_day", (written, ("day", f"{day:02d}/{month:02d}/{year}"))
    if serials is not None and _SERIAL_TEXT.fullmatch(text) and int(text) in serials:
        day_read = _EXCEL_EPOCH + dt.timedelta(days=int(text))
        return "date_serial_text", (written, ("day", day_read.strftime("%d/%m/%Y")))
    return None


def date_note(text: str, *, serials: range | None = None) -> tuple[str, str] | None:
    """Why ``text``, almost a day, is not one (asked once per distinct bad value): the
    key of its note in the label table (``problem_note_<key>``, its year the value) and
    its English text; None for a value that is no such near day. A day number kept as
    text has a note only in a workbook's column (``serials``, as :func:`reads_as`).

    >>> date_note("2005")
    ('year', 'a year alone is not a day: give the day (e.g. 30/06/2005) or leave the cell blank')
    >>> [date_note(t)[0] for t in ("T7/2021", "12", "5/9/85", "00/00/1980")]
    ['month_year', 'day_or_age', 'two_digit_year', 'zero_parts']
    >>> date_note("Lò Văn An") is None
    True
    >>> date_note("30-Apr-1995")[0], date_note("28510", serials=range(3654, 2958466))[0]
    ('english_day', 'serial_text')
    """
    for key, pattern in _NOTES:
        if pattern.fullmatch(text) and (key != "english_day" or _english_day(text)):
            return key, label(f"problem_note_{key}", "en").format(year=text)
    if reads_as(text, serials) is not None:  # a day number kept as text
        return "serial_text", label("problem_note_serial_text", "en").format(year=text)
    return None


__all__ = ["MONTH_YEAR", "YEAR_ALONE", "date_note", "reads_as"]
