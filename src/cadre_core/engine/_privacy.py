"""Personal data: stable pseudonyms for names and birth dates in every output.

A pseudonym is a keyed hash (HMAC-SHA256) of the cadre id with a secret the user
provides: the same key gives the same pseudonyms across runs (so reports can be compared),
and without the key nobody can link a pseudonym back to a person.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

import attrs
import numpy as np
import pandas as pd

from cadre_core.engine._pipeline import Evaluation

KEY_ENV = "CADRE_PSEUDONYM_KEY"


class PseudonymKeyError(ValueError):
    """No usable secret key for pseudonyms."""


def load_key(path: str | None = None) -> bytes:
    """The secret key: the content of ``path``, else the ``CADRE_PSEUDONYM_KEY`` variable.

    The key must have at least 16 bytes.
    """
    if path is not None:
        try:
            key = Path(path).read_bytes().strip()
        except OSError as exc:
            raise PseudonymKeyError(f"cannot read the key file {path}: {exc.strerror}") from None
    else:
        key = os.environ.get(KEY_ENV, "").encode("utf-8")
    if len(key) < 16:
        raise PseudonymKeyError(
            f"pseudonyms need a secret key of at least 16 bytes ({KEY_ENV} or a key file)"
        )
    return key


def pseudonyms(ids: pd.Series, key: bytes, prefix: str = "CB") -> pd.Series:
    """A stable pseudonym per id, e.g. ``CB-1f3a9c2e`` (one hash per distinct id).

    >>> pseudonyms(pd.Series(["C001", "C001"]), b"0123456789abcdef").nunique()
    1
    """
    distinct = pd.Series(ids.dropna().astype(str).unique())
    digests = {
        v: f"{prefix}-" + hmac.new(key, v.encode("utf-8"), hashlib.sha256).hexdigest()[:10]
        for v in distinct
    }
    return pd.Series(ids.astype(object).map(digests), index=ids.index, dtype=object)


def pseudonymize(evaluation: Evaluation, key: bytes) -> Evaluation:
    """An evaluation whose outputs carry pseudonyms instead of names and no birth dates.

    Counts, statuses and ids are unchanged; only what reports print about people changes.
    """
    features = evaluation.features
    if features is None:
        return evaluation
    cadres = features.cadres.copy()
    cadres["full_name"] = pseudonyms(cadres.index.to_series(), key).to_numpy()
    cadres["birth_date"] = np.datetime64("NaT", "us")
    tables = dict(features.tables)
    if "cadres" in tables:
        raw = tables["cadres"].copy()
        raw["full_name"] = pseudonyms(raw["cadre_id"], key).to_numpy()
        raw["birth_date"] = np.datetime64("NaT", "us")
        tables["cadres"] = raw
    return attrs.evolve(evaluation, features=attrs.evolve(features, cadres=cadres, tables=tables))
