"""Two small tools every stage from the feature frames up uses on whole columns.

- :func:`lookup`: the position of each id in a universe of ids (-1 when absent), one hash
  pass in Arrow (pandas' own index for ids that are not all text);
- :func:`per_value` / :func:`per_row` / :func:`map_values`: compute something once per
  *distinct* value (or distinct row) of a column and spread it back, the way to turn
  codes into ranks, names or sentences on millions of rows.

There is one implementation of each idea: features, criteria and findings call these.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def _arrow(values: pd.Series | pd.Index | np.ndarray) -> pa.Array | pa.ChunkedArray:
    """The values as an Arrow array (zero-copy for Arrow-backed strings)."""
    return pa.array(values, from_pandas=True)


def lookup(
    values: pd.Series | pd.Index | np.ndarray,
    universe: pd.Index,
    *,
    arrow_universe: pa.Array | pa.ChunkedArray | None = None,
) -> np.ndarray:
    """The position of each value in ``universe`` (-1 where absent or missing).

    Python-object ids in a unique object index use the index's own (cached) hash table;
    other text ids are hashed once in Arrow (``arrow_universe``, the universe already in
    Arrow, saves converting it again); ids Arrow cannot compare as one type (numbers mixed
    with text, say) use pandas too, where ``1`` is not ``"1"``.

    >>> lookup(pd.Series(["b", "x", None]), pd.Index(["a", "b"])).tolist()
    [1, -1, -1]
    >>> lookup(pd.Series([1, "b"], dtype=object), pd.Index(["1", "b"])).tolist()
    [-1, 1]
    """
    if not len(values) or not len(universe):
        return np.full(len(values), -1, dtype=np.int64)
    if values.dtype == object and universe.dtype == object and universe.is_unique:
        return np.asarray(universe.get_indexer(pd.Index(values)), dtype=np.int64)
    try:
        keys = _arrow(values)
        known = _arrow(universe) if arrow_universe is None else arrow_universe
        found = pc.index_in(keys, value_set=known.cast(keys.type))
    except (pa.ArrowException, TypeError, ValueError):
        return np.asarray(universe.get_indexer(pd.Index(values)), dtype=np.int64)
    return np.asarray(pc.fill_null(found, -1).to_numpy(zero_copy_only=False), dtype=np.int64)


def per_value(values: pd.Series, func: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``func(values)`` for an element-wise ``func``, computed once per distinct value
    (missing values included) and aligned on ``values``' index.

    >>> per_value(pd.Series(["a", "b", "a", None]), lambda s: s.str.upper()).tolist()
    ['A', 'B', 'A', nan]
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    done = func(pd.Series(uniques)).to_numpy()
    return pd.Series(done[codes], index=values.index, dtype=done.dtype)


def _objects(values: pd.Series, blank: object) -> pd.Series:
    """``values.astype(object).fillna(blank)``, each distinct value made a Python object
    once (a column of few distinct texts, such as communes, over many rows).

    >>> _objects(pd.Series(["a", None, "a"], dtype="str"), "z").tolist()
    ['a', 'z', 'a']
    """
    codes, distinct = pd.factorize(values)
    spelled = np.append(np.asarray(distinct, dtype=object), np.array([blank], dtype=object))
    return pd.Series(spelled[codes], index=values.index, dtype=object, name=values.name)


def map_values(values: pd.Series, mapping: Mapping[str, object]) -> pd.Series:
    """``values.astype(object).map(mapping)``, mapping each distinct value once (NaN where
    unmapped or missing).

    >>> map_values(pd.Series(["b", "a", "z"], dtype="category"), {"a": "x", "b": "y"}).tolist()
    ['y', 'x', nan]
    """

    def mapped(distinct: pd.Series) -> pd.Series:
        out: pd.Series = distinct.astype(object).map(mapping)
        return out.astype(object).where(out.notna(), np.nan)

    return per_value(values, mapped)


def per_row(frame: pd.DataFrame, func: Callable[[pd.DataFrame], pd.DataFrame]) -> pd.DataFrame:
    """``func(frame)`` for a row-wise ``func``, computed once per distinct row of
    ``frame`` (columns of few distinct values) and aligned on ``frame``'s index.

    >>> d = pd.DataFrame({"a": [1, 2, 1], "b": ["x", "y", "x"]})
    >>> per_row(d, lambda f: pd.DataFrame({"s": f["a"].astype(str) + f["b"]}))["s"].tolist()
    ['1x', '2y', '1x']
    """
    key = np.zeros(len(frame), dtype=np.int64)
    size = 1
    for col in frame.columns:
        codes, uniques = pd.factorize(frame[col], use_na_sentinel=False)
        width = max(len(uniques), 1)
        if size * width > 2**40:  # keep the combined key small
            key, _ = pd.factorize(key)
            size = int(key.max()) + 1
        key, size = key * width + codes, size * width
    # number the distinct rows in order of first appearance; pick each one's first row
    codes, _ = pd.factorize(key)
    seen = np.maximum.accumulate(codes)
    first = np.flatnonzero(np.concatenate([[True], codes[1:] > seen[:-1]])[: len(codes)])
    done = func(frame.iloc[first].reset_index(drop=True))
    for col in done.columns:  # texts as Python objects: cheap to spread and to list
        if isinstance(done[col].dtype, pd.StringDtype):
            done[col] = done[col].astype(object)
    out = done.iloc[codes]
    out.index = frame.index
    return out


__all__ = ["lookup", "map_values", "per_row", "per_value"]
