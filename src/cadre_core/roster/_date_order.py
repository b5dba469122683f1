"""The order of a date column's figures: day first, as Vietnamese forms write them, or month
first, as software set to English (US) exports them (.NET's ``M/d/yyyy h:mm:ss AM``:
``3/12/1978 12:00:00 AM`` is 12 March 1978).

The order is told once per column (of one file's table or list), never per cell, from all
its values at once (pyarrow, no Python per value):

- a value whose second number is above 12 (``1/25/1983``) can only be month first, one
  whose first number is above 12 (``25/1/1983``), or written with Vietnamese words
  (``ngày 3/12/1978``, a time ``… SA``), only day first;
- a column with values that can only be month first and none that can only be day first
  is read month first, said once in a warning with an example;
- a column with both is read day first, as always: each value that reads only month first
  is an error, and a warning says that the column mixes the two orders;
- a column whose every value reads both ways, written with an English AM/PM time (as the
  US export writes it), is read day first, said in a warning: an English AM/PM is no proof
  (software formatting ``dd/MM/yyyy hh:mm:ss tt`` with the invariant culture, or set to
  Australian English, writes it after a day first, and the reader has read
  ``03/12/1978 12:00:00 AM`` day first all along), unless another date column of the same
  table, written with an English AM/PM too, is month first by its own figures: one export
  writes all its dates alike (:func:`~cadre_core.roster._normalize.normalise_dates`);
- any other column is day first, as always.

A spreadsheet set to English (US) turns a day typed the Vietnamese way into a real date
month first wherever it can be one (``12/03/1978`` becomes 3 December 1978) and keeps the
others as text (``25/03/1978``: no 25th month). A column holding both real dates and text
days is said once in a warning with an example of each (a real date as stored, and the
day it is if it was typed day first), when all its values agree: some text day can only
be day first (its first number above 12), none reads both ways or only month first, every
real date has a day of the month of 12 or less (it could be a day turned so) and some has
a day other than its month. The real dates are still read as stored, as the roster format
says a spreadsheet date is: on a short column the pattern can be chance, and the office
must type the dates again, which only it can do.
"""

from __future__ import annotations

import attrs
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cadre_core.roster._problems import Problem, problem
from cadre_core.vocab._dates import ENGLISH_MARKS, FIGURES_DAY

DAY_FIRST = "day_first"
MONTH_FIRST = "month_first"
MIXED = "mixed"
UNKNOWN = "unknown"  # every value reads both ways, written with an English AM/PM


@attrs.frozen
class Said:
    """A warning about a whole column: the label ``problem_<key>`` with ``args``, placed
    on the cell at position ``at`` of the column (its example), or on none."""

    key: str
    at: int | None = None
    args: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class DateOrder:
    """What a date column's figures tell of their order: ``kind`` (day first, month first,
    mixed, or unknown: every value reads both ways and an English AM/PM is written),
    whether some value has an English AM/PM, whether the column is read month first,
    whether its real dates look typed day first and turned month first by a spreadsheet
    (``swapped``: said, still read as stored), and the warning that says so."""

    kind: str
    english: bool
    month_first: bool
    said: tuple[Said, ...] = ()
    swapped: bool = False  # the real dates look typed day first, turned month first


#: the unit real dates are read in (a date column's)
DAYS = "datetime64[us]"
_DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def _valid(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Which (year, month, day) are days of the calendar, all at once.

    >>> _valid(np.array([2024, 2023, 2000]), np.array([2, 2, 13]), np.array([29, 29, 1])).tolist()
    [True, False, False]
    """
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    m = np.clip(month, 1, 12)
    last = _DAYS_IN_MONTH[m - 1] + ((m == 2) & leap)
    valid: np.ndarray = (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= last)
    return valid


def _number(parts: pa.StructArray, name: str) -> np.ndarray:
    """A number of the matches (0 where none)."""
    values = pc.cast(pc.struct_field(parts, name), pa.int64())
    return np.asarray(pc.fill_null(values, 0).to_numpy(zero_copy_only=False))


def _among(values: pa.Array, words: tuple[str, ...]) -> np.ndarray:
    """Which values (in capitals) are among ``words`` (False where none)."""
    found = pc.is_in(pc.utf8_upper(values), value_set=pa.array(words, pa.large_string()))
    return np.asarray(pc.fill_null(found, False).to_numpy(zero_copy_only=False), dtype=bool)


def _shown(day: int, month: int, year: int) -> str:
    return f"{day:02d}/{month:02d}/{year}"


def column_order(
    text: pd.Series, month_first: bool | None = None, real: pd.Series | None = None
) -> DateOrder:
    """The order of the days in figures of a column of cleaned text (blanks missing), told
    from all its values at once (see the module); ``month_first=True`` reads a column whose
    every value reads both ways month first (another column of its table, written alike,
    is month first). ``real``: the column's real date cells, position by position with
    ``text`` (missing where a cell is not one), told whether a spreadsheet set to English
    (US) turned them month first.

    >>> column_order(pd.Series(["3/12/1978 12:00:00 AM", "1/25/1983 12:00:00 AM"])).kind
    'month_first'
    >>> column_order(pd.Series(["3/12/1978", "25/01/1983", None])).kind
    'day_first'
    >>> real = pd.Series(pd.to_datetime([None, "1978-12-03"]))
    >>> column_order(pd.Series(["25/03/1978", None]), real=real).swapped
    True
    """
    arr = pa.array(text, type=pa.large_string(), from_pandas=True)
    parts = pc.extract_regex(arr, FIGURES_DAY)
    if parts.null_count == len(parts):
        return DateOrder(DAY_FIRST, english=False, month_first=False)
    found = np.asarray(parts.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    a, b, y = (_number(parts, n) for n in ("a", "b", "y"))
    mark = pc.struct_field(parts, "mark")
    said_words = pc.fill_null(pc.not_equal(pc.struct_field(parts, "words"), ""), False)
    words = np.asarray(said_words.to_numpy(zero_copy_only=False), dtype=bool)
    english = found & _among(mark, ENGLISH_MARKS)
    vietnamese = found & (words | _among(mark, ("SA", "CH")))
    day_first = found & _valid(y, b, a)
    month_day = found & _valid(y, a, b) & ~vietnamese
    only_month = month_day & ~day_first
    only_day = day_first & ~month_day
    either = day_first & month_day & (a != b)  # (3/3/1978 is the same day either way)
    has_english = bool(english.any())
    if real is not None and not only_month.any():
        turned = _turned(real, text, found & day_first, a, b, y)
        if turned is not None:
            return DateOrder(DAY_FIRST, has_english, False, (turned,), swapped=True)
    if only_month.any() and not only_day.any():
        at = int(np.flatnonzero(either if either.any() else only_month)[0])
        return DateOrder(
            MONTH_FIRST, has_english, True, (_example("date_month_first", at, a, b, y, text, True),)
        )
    if only_month.any():
        first_month, first_day = (int(np.flatnonzero(m)[0]) for m in (only_month, only_day))
        args = (
            ("month_example", repr(str(text.iloc[first_month]))),
            ("day_example", repr(str(text.iloc[first_day]))),
        )
        return DateOrder(MIXED, has_english, False, (Said("date_mixed_order", first_month, args),))
    if has_english and not only_day.any() and either.any():
        at = int(np.flatnonzero(either & english if (either & english).any() else either)[0])
        key = "date_month_first_table" if month_first else "date_order_unknown"
        said = _example(key, at, a, b, y, text, bool(month_first))
        return DateOrder(UNKNOWN, True, bool(month_first), (said,))
    return DateOrder(DAY_FIRST, has_english, False)


def _example(
    key: str,
    at: int,
    a: np.ndarray,
    b: np.ndarray,
    y: np.ndarray,
    text: pd.Series,
    month_first: bool,
) -> Said:
    """The warning ``key`` on the value at ``at``, with the value and the day it is read as
    (``'3/12/1978 12:00:00 AM'`` and ``12/03/1978``, as Vietnamese forms write a day)."""
    day, month = (int(b[at]), int(a[at])) if month_first else (int(a[at]), int(b[at]))
    args = (("written", repr(str(text.iloc[at]))), ("day", _shown(day, month, int(y[at]))))
    return Said(key, at, args)


def _turned(
    real: pd.Series,
    text: pd.Series,
    day_first: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    y: np.ndarray,
) -> Said | None:
    """The warning that the real dates ``real`` were typed day first and turned month
    first by a spreadsheet set to English (US), on the first that has a day other than its
    month, or None when the column's values do not all say so (see the module)."""
    arr = real.to_numpy(dtype=DAYS)
    is_real = ~np.isnat(arr)
    year, month, day = _parts(arr)
    typed = day_first & (a > 12)  # kept as text: no month is above 12
    both = day_first & _valid(y, a, b) & (a != b)
    turned = is_real & (day != month)
    if not typed.any() or both.any() or (is_real & (day > 12)).any() or not turned.any():
        return None
    at, example = int(np.flatnonzero(turned)[0]), int(np.flatnonzero(typed)[0])
    read = _shown(int(month[at]), int(day[at]), int(year[at].astype(np.int64)) + 1970)
    args = (
        ("written", str(arr[at].astype("datetime64[D]"))),  # as stored: 1978-12-03
        ("day", read),
        ("day_example", repr(str(text.iloc[example]))),
    )
    return Said("date_locale_swapped", at, args)


def _parts(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The year's start, the month (1 to 12) and the day of the month of each datetime
    (meaningless where missing)."""
    year = arr.astype("datetime64[Y]")
    start = arr.astype("datetime64[M]")
    month = (start - year).astype(np.int64) + 1
    day = (arr.astype("datetime64[D]") - start).astype(np.int64) + 1
    return year, month, day


def said_problems(
    said: tuple[Said, ...], file: str, table: str, rows: pd.Series, column: str
) -> list[Problem]:
    """The warnings about a column of ``table`` in ``file``, each on the row (``rows``:
    the rows' numbers, by position) of its cell.

    >>> (p,) = said_problems((Said("date_month_first", 1, (("written", "'1/25/1983'"),
    ...     ("day", "25/01/1983"))),), "a.csv", "cadres", pd.Series([2, 3]), "Ngày sinh")
    >>> p.row, p.severity, p.expected.endswith("'1/25/1983' read as 25/01/1983")
    (3, 'warning', True)
    """
    return [
        problem(
            file,
            table,
            None if s.at is None else int(rows.iloc[s.at]),
            column,
            None,
            s.key,
            severity="warning",
            **dict(s.args),
        )
        for s in said
    ]


__all__ = [
    "DAY_FIRST",
    "MIXED",
    "MONTH_FIRST",
    "UNKNOWN",
    "DateOrder",
    "Said",
    "column_order",
    "said_problems",
]
