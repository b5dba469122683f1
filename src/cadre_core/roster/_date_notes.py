"""Why a value that is almost a day is not one: the note a refused date cell carries.

A clerk writes a year alone ("2005"), a month and year ("T7/2021"), the zero date of a
database export, a day or month written 00, a two-digit year ("5/9/85"), or a day of the
month or an age ("12") where a day belongs. None is a day the reader may guess; each is
refused with a note of its own (``problem_note_<key>`` in the label table) saying what
to write instead. :mod:`~cadre_core.roster._partial_dates` reads the first two as the
period's last day for a start-like column under ``--skip-invalid``.
"""

from __future__ import annotations

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
_NOTES = (("year", YEAR_ALONE), ("month_year", MONTH_YEAR), ("zero_day", _ZERO_DAY),
          ("day_or_age", _DAY_OR_AGE), ("two_digit_year", _TWO_DIGIT_YEAR),
          ("zero_parts", _ZERO_PARTS))  # fmt: skip


def date_note(text: str) -> tuple[str, str] | None:
    """Why ``text``, almost a day, is not one (asked once per distinct bad value): the
    key of its note in the label table (``problem_note_<key>``, its year the value) and
    its English text; None for a value that is no such near day.

    >>> date_note("2005")
    ('year', 'a year alone is not a day: give the day (e.g. 30/06/2005) or leave the cell blank')
    >>> [date_note(t)[0] for t in ("T7/2021", "12", "5/9/85", "00/00/1980")]
    ['month_year', 'day_or_age', 'two_digit_year', 'zero_parts']
    >>> date_note("Lò Văn An") is None
    True
    """
    for key, pattern in _NOTES:
        if pattern.fullmatch(text):
            return key, label(f"problem_note_{key}", "en").format(year=text)
    return None


__all__ = ["MONTH_YEAR", "YEAR_ALONE", "date_note"]
