"""A start-like day written as a month or a year alone ("T7/2021", "6/2021", "tháng
10/2020", "2021"), read under ``skip_invalid`` as the last day of that period.

A strict read refuses such a cell (a month or a year is not a day: the note of the date
error says so). With ``skip_invalid``, a cell of a column saying since when something is
held (:data:`~cadre_core.roster._schema.START_LIKE_DATES`: a post's start, a degree's
award...) is read as the period's last day, the conservative reading (the post or the
degree is held at least from then), and the row is kept, with a warning saying what was
read; setting the row aside instead would take a commune chair's post or a master's
degree out of every count. A period whose last day is after the day the roster
describes is not read (the row is set aside, as before). Every column is worked on
whole, never row by row."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

import attrs
import pandas as pd

from cadre_core.roster._date_notes import MONTH_YEAR, YEAR_ALONE
from cadre_core.roster._normalize import DATE_DTYPE, to_text
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._reader import RawTable
from cadre_core.roster._schema import START_LIKE_DATES, TABLE_BY_NAME
from cadre_core.roster._validate import _rename
from cadre_core.vocab._labels import fmt_date

__all__ = ["PARTIAL_NOTES", "last_days", "read_partial_days"]

#: The notes of a date error (``problem_note_<key>``) naming a month or a year alone.
PARTIAL_NOTES = frozenset({"year", "month_year"})

# the month (when written) and the year the cell ends with: "T7/2021", "6/2021",
# "tháng 10 năm 2020", "2021"
_PERIOD = re.compile(r"(?:(\d{1,2})\D+)?(\d{4})\s*$")
_FIRST_YEAR = 1900


def last_days(raw: pd.Series, until: dt.date) -> tuple[pd.Series, pd.Series]:
    """The last day of the month or year each cell of ``raw`` names alone (NaT for any
    other cell, for a month that is none, and for a period ending after ``until``), and
    whether the cell named a month (else a year).

    >>> days, month = last_days(pd.Series(["T7/2021", "2021", "6/2021", "tháng 2 năm 2024",
    ...                                    2005, "13/2020", "2026", "01/07/2021", None]),
    ...                         dt.date(2025, 12, 31))
    >>> [None if pd.isna(d) else fmt_date(d) for d in days]
    ['31/07/2021', '31/12/2021', '30/06/2021', '29/02/2024', '31/12/2005', None, None, None, None]
    >>> month.tolist()[:5]
    [True, False, True, True, False]
    """
    text = to_text(raw.astype(object))
    parts = text.str.extract(_PERIOD)
    # only a month and a year or a year alone, as the strict read's note names them
    alone = (text.str.fullmatch(MONTH_YEAR) | text.str.fullmatch(YEAR_ALONE)).fillna(False)
    alone = alone.astype(bool)
    year = pd.to_numeric(parts[1].where(alone), errors="coerce")
    month_given = parts[0].notna() & alone
    month = pd.to_numeric(parts[0].where(month_given), errors="coerce")
    ok = year.ge(_FIRST_YEAR) & (~month_given | month.between(1, 12))
    start = pd.to_datetime(
        pd.DataFrame(
            {
                "year": year.where(ok, 2000),
                "month": month.where(month_given & ok, 12).fillna(12),
                "day": 1,
            }
        ),
        errors="coerce",
    )
    last = (start + pd.offsets.MonthEnd(0)).where(ok)
    last = last.where(last <= pd.Timestamp(until))
    return last.astype(DATE_DTYPE), month_given


@attrs.frozen
class PartialRead:
    """What :func:`read_partial_days` read: the day put in each cell (by table, then
    canonical column, a series of days by sheet row) and the warnings saying so, each
    for the table, row and canonical column it is at."""

    days: Mapping[str, Mapping[str, pd.Series]]
    said: Mapping[tuple[str, str, int], Problem]

    def fill(self, raw: RawTable) -> RawTable:
        """``raw`` with the days read put in their cells (the raw cells they replace)."""
        columns = self.days.get(raw.name)
        if not columns:
            return raw
        frame = raw.frame.copy()
        labels = list(_rename(raw, TABLE_BY_NAME[raw.name])[0].columns)
        for column, days in columns.items():
            pos = labels.index(column)
            put = raw.rows.map(days)
            at = put.notna().to_numpy()
            cells = frame.iloc[:, pos].astype(object)
            frame.isetitem(pos, cells.where(~at, put.astype(object).to_numpy()).to_numpy())
        return attrs.evolve(raw, frame=frame)


def read_partial_days(
    raws: Iterable[RawTable], errors: Iterable[tuple[Problem, str]], until: dt.date
) -> PartialRead:
    """The start-like cells of ``errors`` (each error with its canonical column) that
    name a month or a year alone, read as the period's last day when it is on or before
    ``until`` (the day the roster describes), with a warning for each (scope ``"cell"``):
    "'T7/2021' is not a whole day: read as 31/07/2021, the last day of that month".

    Only the date errors whose note names a month or a year alone are read, so that a
    strict read refuses exactly what this reads."""
    wanted: dict[tuple[str, str], dict[int, Problem]] = {}
    for p, column in errors:
        notes = dict(p.args).get("note_key")
        if p.table is None or p.row is None or p.key != "date" or notes not in PARTIAL_NOTES:
            continue
        if (p.table, column) in START_LIKE_DATES:
            wanted.setdefault((p.table, column), {})[p.row] = p
    by_name = {r.name: r for r in raws}
    days: dict[str, dict[str, pd.Series]] = {}
    said: dict[tuple[str, str, int], Problem] = {}
    for (table, column), found in wanted.items():
        raw = by_name.get(table)
        if raw is None:
            continue
        labels = list(_rename(raw, TABLE_BY_NAME[table])[0].columns)
        if column not in labels:
            continue
        at = raw.rows.isin(list(found)).to_numpy()
        cells = raw.frame.iloc[at, labels.index(column)].reset_index(drop=True)
        rows = raw.rows[at].reset_index(drop=True)
        read, month = last_days(cells, until)
        got = read.notna().to_numpy()
        if not got.any():
            continue
        days.setdefault(table, {})[column] = pd.Series(
            read[got].to_numpy(), index=rows[got].to_numpy()
        )
        made: dict[tuple[str, str], Problem] = {}  # one sentence per day and period
        for row, day, by_month in zip(
            rows[got].tolist(), read[got].tolist(), month[got].tolist(), strict=True
        ):
            error = found[int(row)]
            key = ("partial_month" if by_month else "partial_year", fmt_date(day.date()))
            if key not in made:
                made[key] = problem(
                    error.file, table, int(row), error.column, error.value, key[0],
                    severity="warning", scope="cell", day=key[1],
                )  # fmt: skip
            said[table, column, int(row)] = attrs.evolve(
                made[key], file=error.file, row=int(row), column=error.column, value=error.value
            )
    return PartialRead(days, said)
