"""What the input tells and what it cannot: whether each cadre's degree level and theory
level are known, and whether an assignment's start is a day the input gave.

A qualification the input cannot tell is unknown, not absent. A cadre's level is unknown
when the roster informs no such table (no column for it: :meth:`Roster.informs`), when
``--skip-invalid`` set that table aside whole, or when it set aside a row of that table
about the cadre or the row's level cell (:attr:`Roster.rows_aside`). A finding that judges
a level abstains for such a cadre on that level; a target whose criterion reads it leaves
the cadre out of its population (:func:`level_unknown`).

A one-row-per-person list that gives no start day (no column, or a blank cell) has its
assignments start on the list's own day (:attr:`Roster.list_date`): a start on that day is
not said as the day of appointment.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from cadre_core.features._frame import Features
    from cadre_core.roster._roster import Roster

#: the feature column (on ``cadres``) saying whether a level is known, per level table
KNOWN_COLUMNS = {"degrees": "education_known", "theory": "theory_known"}


def level_known(roster: Roster, table: str, cadre_ids: pd.Index) -> np.ndarray:
    """Per cadre of ``cadre_ids``: whether the roster tells its level in ``table``
    (``"degrees"`` or ``"theory"``; see the module docstring).

    >>> import cadre_core
    >>> r = cadre_core.sample_roster()
    >>> level_known(r, "theory", pd.Index(r.cadres["cadre_id"][:2])).tolist()
    [True, True]
    """
    whole = any(p.table == table and p.scope == "table" for p in roster.skipped)
    if whole or not roster.informs(f"{table}.level"):
        return np.zeros(len(cadre_ids), dtype=bool)
    aside = {cadre for t, cadre in roster.rows_aside if t == table}
    return np.asarray(~cadre_ids.astype(object).isin(aside), dtype=bool)


def level_unknown(features: Features, table: str) -> np.ndarray:
    """Per active cadre (``features.cadres``): whether its level in ``table``
    (``"degrees"`` or ``"theory"``) is unknown though the input has the level's column:
    ``--skip-invalid`` set aside the cadre's row or level cell, or the table whole. A level
    the input has no column for is not counted here (a target reading it has no data), nor
    is a blank cell of such a column (a known "none").

    >>> import cadre_core
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> int(level_unknown(f, "degrees").sum()), int(level_unknown(f, "theory").sum())
    (0, 0)
    """
    column = KNOWN_COLUMNS[table]
    if column not in features.cadres or not features.informs(f"{table}.level"):
        return np.zeros(len(features.cadres), dtype=bool)
    return np.asarray(~features.cadres[column].to_numpy(dtype=bool), dtype=bool)


def start_given(starts: pd.Series, list_date: dt.date | None) -> np.ndarray:
    """Per assignment start: whether it is a day the input gave, not the list's own day
    the reader put where a list gives none (``list_date``; None: not a list, all given).

    >>> s = pd.Series(pd.to_datetime(["2021-03-01", "2025-12-31"]))
    >>> start_given(s, dt.date(2025, 12, 31)).tolist(), start_given(s, None).tolist()
    ([True, False], [True, True])
    """
    if list_date is None:
        return np.ones(len(starts), dtype=bool)
    return np.asarray((starts != pd.Timestamp(list_date)).to_numpy(), dtype=bool)


__all__ = ["KNOWN_COLUMNS", "level_known", "level_unknown", "start_given"]
