"""Days: the one reading of a day written by a person (``--as-of``, a parameter, an API call).

A roster's date columns accept the same spellings (``roster._normalize`` uses these patterns,
vectorised); this module reads one value.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "DATE_SPELLINGS",
    "DAY_FIRST",
    "DAY_FIRST_BODY",
    "DAY_WORDS",
    "DAY_WORDS_BODY",
    "ENGLISH_MARKS",
    "FIGURES_DAY",
    "ISO_DAY",
    "parse_day",
]

# A midnight time part after a day, as spreadsheets and systems write it ("00:00",
# "00:00:00.000", "0:00", "12:00:00 SA": SA/CH are the Vietnamese AM/PM). Any other time
# is refused: a date column holding 17:00 is often a Vietnamese midnight written in UTC,
# the day before.
_MIDNIGHT = r"(?:[ T](?:0?0:00(?::00(?:\.0+)?)?|12:00(?::00)?\s*(?:SA|AM)))?"
# A full stop, comma or semicolon a clerk typed after a whole day ("15/03/1980.")
_END = r"\s*[.,;]?$"
#: ISO ``2026-12-31`` (also ``2026/12/31``; a midnight time part is accepted).
ISO_DAY = rf"^(\d{{4}})[-/](\d{{1,2}})[-/](\d{{1,2}}){_MIDNIGHT}{_END}"
#: A day first, as Vietnamese forms write it, inside a longer text (a list's title); groups
#: day, month, year: ``31/12/2026``, ``31-12-2026``, ``31.12.2026``, ``31 / 12 / 2026``,
#: ``ngày 31/12/2026``.
DAY_FIRST_BODY = r"(?:ngày\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})"
#: A day first in words inside a longer text; groups day, month, year: ``ngày 31 tháng 12
#: năm 2026``, ``31 tháng 12 năm 2026``.
DAY_WORDS_BODY = r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})"
#: Day first, a whole value (:data:`DAY_FIRST_BODY`, a midnight time part accepted):
#: ``31/12/2026``, ``ngày 31/12/2026``, ``31/12/2026 00:00``.
DAY_FIRST = rf"^{DAY_FIRST_BODY}{_MIDNIGHT}{_END}"
#: Day first in words, a whole value (:data:`DAY_WORDS_BODY`).
DAY_WORDS = rf"^{DAY_WORDS_BODY}{_END}"
#: How the accepted spellings are named in messages.
DATE_SPELLINGS = "2026-12-31 or 31/12/2026"
#: A day in figures, perhaps with a time, as a whole value, for telling the order of a
#: column's days (``roster._date_order``; RE2 syntax, for pyarrow): ``a`` and ``b`` the
#: first two numbers (day and month, or month and day), ``y`` the year, ``words`` the word
#: "ngày" before them, ``mark`` the AM/PM marker of the time: ``3/12/1978 12:00:00 AM``,
#: ``ngày 03/12/1978``, ``03/12/1978 8:30 SA``.
FIGURES_DAY = (
    r"(?i)^(?P<words>ngày\s*)?(?P<a>\d{1,2})\s*[/.\-]\s*(?P<b>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?P<mark>AM|PM|SA|CH)?)?\s*[.,;]?$"
)
#: The AM/PM markers of a time written in English (``en-US``: ``3/12/1978 12:00:00 AM``),
#: as opposed to the Vietnamese ``SA`` (sáng) and ``CH`` (chiều).
ENGLISH_MARKS = ("AM", "PM")

_ISO_RE = re.compile(ISO_DAY, re.IGNORECASE)
_DAY_FIRST_RE = re.compile(DAY_FIRST, re.IGNORECASE)
_DAY_WORDS_RE = re.compile(DAY_WORDS, re.IGNORECASE)


def parse_day(value: dt.date | str | None, *, what: str = "date") -> dt.date:
    """The day ``value`` names: a ``date`` (a ``datetime`` gives its day), an ISO day or a
    day-first day; ``None`` is today.

    Raises ``ValueError`` naming ``what`` and the accepted spellings otherwise.

    >>> parse_day("2026-12-31"), parse_day("31/12/2026"), parse_day(" 1.7.2025 ")
    (datetime.date(2026, 12, 31), datetime.date(2026, 12, 31), datetime.date(2025, 7, 1))
    >>> parse_day("ngày 1 tháng 7 năm 2025"), parse_day("01/07/2025 00:00:00")
    (datetime.date(2025, 7, 1), datetime.date(2025, 7, 1))
    >>> parse_day(dt.datetime(2026, 6, 30, 8, 0))
    datetime.date(2026, 6, 30)
    >>> parse_day("31/02/2026", what="--as-of")
    Traceback (most recent call last):
    ...
    ValueError: --as-of '31/02/2026' is not a day (2026-12-31 or 31/12/2026)
    """
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        iso = _ISO_RE.match(text)
        dmy = _DAY_FIRST_RE.match(text) or _DAY_WORDS_RE.match(text)
        try:
            if iso:
                return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
            if dmy:
                return dt.date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
        except ValueError:
            pass
    raise ValueError(f"{what} {value!r} is not a day ({DATE_SPELLINGS})")
