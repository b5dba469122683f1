"""The audit's table digests are the same bytes as hashing each table's text at once.

:func:`cadre_core.reports._audit.table_digests` converts and hashes each distinct value of
a coded column once; the digests are in every evaluation's JSON, so they must stay what
the direct formulation below (the whole frame's ``astype(str)``, hashed by pandas) gives,
on every kind of column a table may hold: categories, yes/no, whole numbers with missing
values, days and times of day, text with missing values, decimals (``0.0`` and ``-0.0``),
free-form objects (``1``, ``1.0`` and ``True``) and two columns with one name.
"""

from __future__ import annotations

import hashlib
import json
from types import SimpleNamespace
from typing import Any

import hypothesis.strategies as st
import numpy as np
import pandas as pd
from hypothesis import given, settings

from cadre_core import sample_roster
from cadre_core.reports._audit import table_digests


def _reference(roster: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in sorted(roster.tables):
        frame = roster.tables[name]
        h = hashlib.sha256(json.dumps([str(c) for c in frame.columns]).encode("utf-8"))
        if len(frame):
            h.update(
                pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy().tobytes()
            )
        out[name] = h.hexdigest()
    return out


_DAYS = [pd.Timestamp("2020-01-01"), pd.Timestamp("1999-12-31"), pd.NaT]
_TIMES = [*_DAYS, pd.Timestamp("2020-01-01 10:30")]


def _column(kind: str, picks: list[int]) -> Any:
    def pick(values: list[Any]) -> list[Any]:
        return [values[i % len(values)] for i in picks]

    if kind == "category":
        return pd.Categorical(pick(["dai_hoc", "thac_si", None]), categories=["dai_hoc", "thac_si"])
    if kind == "bool":
        return np.array(pick([True, False]), dtype=bool)
    if kind == "Int64":
        return pd.array(pick([1, 2, None, 2026]), dtype="Int64")
    if kind == "int":
        return np.array(pick([0, -1, 7]), dtype="int64")
    if kind == "days":
        return pd.array(pick(_DAYS), dtype="datetime64[us]")
    if kind == "times":
        return pd.array(pick(_TIMES), dtype="datetime64[us]")
    if kind == "str":
        return pd.array(pick(["Lò Văn A", "", None, "C001"]), dtype="str")
    if kind == "float":
        return np.array(pick([0.0, -0.0, 1.5, np.nan]), dtype=float)
    return np.array(pick([1, 1.0, True, "1", None]), dtype=object)


_KINDS = ["category", "bool", "Int64", "int", "days", "times", "str", "float", "object"]


@st.composite
def tables(draw: st.DrawFn) -> dict[str, pd.DataFrame]:
    out = {}
    for name in draw(st.lists(st.sampled_from(["cadres", "ratings", "degrees"]), unique=True)):
        n = draw(st.integers(0, 12))
        kinds = draw(st.lists(st.sampled_from(_KINDS), max_size=5))
        names = draw(
            st.lists(
                st.sampled_from(["a", "b", "c", "d"]), min_size=len(kinds), max_size=len(kinds)
            )
        )
        columns = [
            _column(k, draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))) for k in kinds
        ]
        frame = pd.DataFrame(dict(enumerate(columns)), index=range(n))
        frame.columns = pd.Index(names, dtype=object)  # a name twice: two columns
        out[name] = frame
    return out


@settings(max_examples=300, deadline=None)
@given(tables())
def test_table_digests_are_the_reference(frames: dict[str, pd.DataFrame]) -> None:
    roster = SimpleNamespace(tables=frames)
    assert table_digests(roster) == _reference(roster)  # type: ignore[arg-type]


def test_table_digests_of_the_sample_are_the_reference() -> None:
    roster = sample_roster()
    assert table_digests(roster) == _reference(roster)
