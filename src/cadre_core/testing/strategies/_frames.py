"""Domain objects to canonical typed frames, without validation."""

from __future__ import annotations

import enum
from collections.abc import Sequence
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
