"""Domain objects to canonical typed frames, without validation."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.roster._schema import TABLE_BY_NAME
from cadre_core.roster._validate import empty_frame


@cache
def _empty(table: str) -> pd.DataFrame:
    return empty_frame(TABLE_BY_NAME[table])


def _column(values: list[Any], dtype: Any) -> Any:
    if isinstance(dtype, pd.CategoricalDtype):
        return pd.Categorical(values, dtype=dtype)
    if dtype is np.dtype(bool):
        return np.asarray(values, dtype=bool)
    if str(dtype).startswith("datetime64"):
        return np.array(
            [np.datetime64("NaT") if v is None else np.datetime64(v, "us") for v in values],
            dtype=dtype,
        )
    return pd.array(values, dtype=dtype)


def _value(value: Any) -> Any:
    if isinstance(value, tuple):
        return ";".join(str(x) for x in value) if value else None
    if isinstance(value, enum.Enum):
        return value.value
    return value


def canonical_frame(table: str, objects: Sequence[Any]) -> pd.DataFrame:
    """Domain objects to ``table``'s canonical typed frame, without validation.

    The objects must already be valid and canonical (NFC text with single spaces,
    official ethnic names, topics in code order); the result then equals what
    :meth:`Roster.from_frames` makes of them.
    """
    empty = _empty(table)
    if not objects:
        return empty
    columns: dict[str, Any] = {}
    for name, dtype in empty.dtypes.items():
        values = [_value(getattr(o, str(name))) for o in objects]
        if name == "accepted_fields":
            values = [None if v is None else v.replace(";", "; ") for v in values]
        columns[str(name)] = _column(values, dtype)
    return pd.DataFrame(columns)


def _blank(dtype: Any, rows: int) -> Any:
    """A blank column of ``dtype`` (False for yes/no columns), built without a value per
    row (most columns a builder leaves out are blank)."""
    if isinstance(dtype, pd.CategoricalDtype):
        return pd.Categorical.from_codes(np.full(rows, -1, dtype=np.int64), dtype=dtype)
    if dtype is np.dtype(bool):
        return np.zeros(rows, dtype=bool)
    if str(dtype).startswith("datetime64"):
        return np.full(rows, np.datetime64("NaT"), dtype=dtype)
    return pd.array([None] * rows, dtype=dtype)


def columns_frame(table: str, columns: Mapping[str, Any], rows: int) -> pd.DataFrame:
    """Whole columns (sequences or arrays of canonical values, ``None`` for blank) to
    ``table``'s canonical typed frame, without validation and without a per-row object.

    Columns left out are blank. Dates may be ``datetime64`` arrays (``NaT`` for blank).

    >>> columns_frame("ratings", {"cadre_id": ["C1"], "year": [2026], "rating": ["good"]}, 1)
    ... # doctest: +NORMALIZE_WHITESPACE
      cadre_id  year  quarter rating
    0       C1  2026     <NA>   good
    """
    empty = _empty(table)
    if rows == 0:
        return empty
    out: dict[str, Any] = {}
    for name, dtype in empty.dtypes.items():
        values = columns.get(str(name))
        if values is None:
            out[str(name)] = _blank(dtype, rows)
            continue
        if str(dtype).startswith("datetime64"):
            if isinstance(values, np.ndarray) and values.dtype.kind == "M":
                out[str(name)] = values.astype(dtype)
            else:
                out[str(name)] = _column(list(values), dtype)
        elif isinstance(dtype, pd.CategoricalDtype):
            out[str(name)] = pd.Categorical(values, dtype=dtype)
        elif dtype is np.dtype(bool):
            out[str(name)] = np.asarray(values, dtype=bool)
        else:
            out[str(name)] = pd.array(list(values), dtype=dtype)
    return pd.DataFrame(out)
