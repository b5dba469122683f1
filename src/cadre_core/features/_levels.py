"""The one rule for "the highest level a cadre held on a day" (degrees, political theory).

A row of the ``degrees`` or ``theory`` table is *held* on day D when its ``awarded_date``
is blank or on or before D. Of the levels held:

- the **rank** is the highest *known* rank (0 when the cadre holds no level of known
  rank). A level whose rank is unknown (a spelling no code list knows, which validation
  reports) never proves a qualification and never hides a known one the cadre holds;
- the **level** is the level of that rank; among levels of equal rank (``cao_cap`` and
  ``cu_nhan``) the later one in the level column's order. A cadre who holds only levels
  of unknown rank shows the last of them (rank 0), so that explanations print what the
  roster says; a blank level is no level at all.

The feature frames use it for the as-of day (:func:`level_on`); the standards findings
use it for the day of each appointment (:func:`levels_held` with one day per query).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from cadre_core.features._keys import lookup


def _as_categorical(level: pd.Series) -> pd.Series:
    if isinstance(level.dtype, pd.CategoricalDtype):
        return level
    return level.astype(pd.CategoricalDtype(sorted(level.dropna().unique())))


def levels_held(
    table: pd.DataFrame,
    ranks: Mapping[str, int],
    table_subject: np.ndarray,
    subject: np.ndarray,
    days: pd.Timestamp | np.ndarray,
) -> tuple[np.ndarray, pd.Series]:
    """Per query: the highest known rank held on its day, and that level.

    ``table`` has ``level`` and ``awarded_date``; ``table_subject`` gives each of its rows
    an integer cadre code and ``subject`` each query's cadre code (-1: none); ``days`` is
    one day for every query or one per query. Returns the ranks (int64, 0 when none) and
    the levels (a Series of the table's level dtype, missing when none), in query order.

    >>> t = pd.DataFrame({"level": ["dai_hoc", "xyz", "thac_si"],
    ...                   "awarded_date": pd.to_datetime(["2001-01-01", None, "2030-01-01"])})
    >>> rank, level = levels_held(t, {"dai_hoc": 3, "thac_si": 4}, np.array([0, 0, 0]),
    ...                           np.array([0, 1]), pd.Timestamp("2026-12-31"))
    >>> rank.tolist(), level.iloc[0], bool(pd.isna(level.iloc[1]))
    ([3, 0], 'dai_hoc', True)
    """
    level = _as_categorical(table["level"])
    categories = level.cat.categories
    n = len(categories)
    codes = level.cat.codes.to_numpy().astype(np.int64)  # -1: a blank level
    known = np.array([ranks.get(str(c), -1) for c in categories] + [-1], dtype=np.int64)
    # a known level sorts above every level of unknown rank (order 0), by rank; equal
    # ranks by the column's order: the per-query maximum of ``key`` is the answer
    order = np.where(known >= 0, known + 1, 0)
    subject = np.asarray(subject, dtype=np.int64)
    tcode = np.asarray(table_subject, dtype=np.int64)
    q = len(subject)
    # the table's rows of the queried cadres, grouped by cadre code
    wanted = np.zeros(max(subject.max(initial=-1), tcode.max(initial=-1)) + 2, dtype=bool)
    wanted[subject[subject >= 0]] = True  # (the last slot answers code -1)
    trows = np.flatnonzero(wanted[tcode] & (codes >= 0))
    trows = trows[np.argsort(tcode[trows], kind="stable")]
    tsorted = tcode[trows]
    lo = np.searchsorted(tsorted, subject, "left")
    count = np.where(subject >= 0, np.searchsorted(tsorted, subject, "right") - lo, 0)
    best = np.full(q, -1, dtype=np.int64)
    total = int(count.sum())
    if total:
        # one line per (query, table row) of the same cadre, each query's lines contiguous
        query = np.repeat(np.arange(q), count)
        begin = np.cumsum(count) - count
        rows = trows[np.arange(total) - np.repeat(begin - lo, count)]
        awarded = table["awarded_date"].to_numpy(dtype="datetime64[us]")[rows]
        day: np.ndarray = (
            np.asarray(days, dtype="datetime64[us]")[query]
            if isinstance(days, np.ndarray)
            else np.asarray(pd.Timestamp(days).to_datetime64()).astype("datetime64[us]")
        )
        held = np.isnat(awarded) | (awarded <= day)
        code = codes[rows]
        value = np.where(held, order[code] * (n + 1) + code, -1)
        has = count > 0
        best[has] = np.maximum.reduceat(value, begin[has])
    found = best >= 0
    top_code = np.where(found, best % (n + 1), n)
    rank = np.where(found, np.maximum(known[top_code], 0), 0).astype(np.int64)
    top_code = np.where(top_code < n, top_code, -1)
    if isinstance(table["level"].dtype, pd.CategoricalDtype):
        dtype = pd.CategoricalDtype(categories, ordered=level.cat.ordered)
        top = pd.Series(pd.Categorical.from_codes(top_code, dtype=dtype))
    else:
        names = np.array([*categories, None], dtype=object)
        top = pd.Series(names[top_code], dtype=table["level"].dtype)
    return rank, top


def level_on(
    table: pd.DataFrame, day: pd.Timestamp, ranks: Mapping[str, int], index: pd.Index
) -> tuple[np.ndarray, pd.Series]:
    """Highest level held on ``day`` by each cadre of ``index``: its rank (0 when none
    of known rank) and the level (see the module docstring for the rule)."""
    rank, top = levels_held(
        table, ranks, lookup(table["cadre_id"], index), np.arange(len(index)), day
    )
    top.index = index
    return rank, top


__all__ = ["level_on", "levels_held"]
