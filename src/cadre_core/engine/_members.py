"""The members of a target's unit per commune: which communes an evaluation reports on, and
each member's commune, to count and list members of every commune in one pass."""

from __future__ import annotations

import attrs
import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.features._keys import lookup as _lookup


def _commune_keys(features: Features, by_commune: bool) -> tuple[list[str], bool]:
    found: set[str] = set()
    for frame in (features.cadres, features.positions, features.agencies):
        if "commune" in frame:
            found.update(str(c) for c in frame["commune"].dropna().unique())
    names = sorted(found)
    names = [n for n in names if n]
    if by_commune or len(names) > 1:
        return names or [features.roster_name], True
    return [names[0] if names else features.roster_name], False


@attrs.frozen
class _Members:
    """The members of one unit: their ids and the position of their commune in the list."""

    ids: np.ndarray
    codes: np.ndarray

    @classmethod
    def of(cls, frame: pd.DataFrame, communes: list[str], grouped: bool) -> _Members:
        index = frame.index if frame.index.inferred_type == "string" else frame.index.astype(str)
        ids = index.to_numpy(dtype=object)
        if grouped:
            commune = frame["commune"]
            codes = np.where(commune.isna().to_numpy(), 0, _lookup(commune, pd.Index(communes)))
        else:
            codes = np.zeros(len(frame), dtype=np.int64)
        return cls(ids, codes)

    def count(self, mask: np.ndarray, size: int) -> np.ndarray:
        """Members per commune where ``mask`` holds (one pass, all communes)."""
        return np.bincount(self.codes[mask], minlength=size).astype(np.int64)

    def lists(self, mask: np.ndarray, size: int) -> list[tuple[str, ...]]:
        """Sorted member ids per commune where ``mask`` holds."""
        ids, codes = self.ids[mask], self.codes[mask]
        order = np.lexsort((ids, codes))
        ids, codes = ids[order], codes[order]
        bounds = np.searchsorted(codes, np.arange(size + 1)).tolist()
        flat = ids.tolist()  # slicing a list is much cheaper than slicing an object array
        return [tuple(flat[bounds[i] : bounds[i + 1]]) for i in range(size)]
