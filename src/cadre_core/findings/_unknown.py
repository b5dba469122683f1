"""The cadres a finding rule could not judge because a level the input cannot tell is
unknown, not absent (:mod:`cadre_core.features._known`): the rule abstains for them on
that level, and one finding per commune (``national.levels_unknown``, subject the commune)
says how many and why, once per rule that abstained."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.features._known import KNOWN_COLUMNS
from cadre_core.findings._common import _build, _cited, said
from cadre_core.findings._finding import Finding
from cadre_core.vocab._labels import label, rule_title

RULE = "national.levels_unknown"


def level_known(features: Features, table: str, rows: np.ndarray) -> np.ndarray:
    """Whether the level in ``table`` (``"degrees"``, ``"theory"``) of the cadre at each
    row of ``features.cadres`` in ``rows`` is known (-1, a cadre not on the roll: known,
    as features built without the column say of everyone).

    >>> import cadre_core
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> level_known(f, "theory", np.array([0, -1])).tolist()
    [True, True]
    """
    column = KNOWN_COLUMNS[table]
    if column not in features.cadres:
        return np.ones(len(rows), dtype=bool)
    known = np.append(features.cadres[column].to_numpy(dtype=bool), True)
    return np.asarray(known[rows], dtype=bool)


def _words(keys: pd.Series, prefix: str, lang: str) -> pd.Series:
    """The label ``prefix + key`` of each key in ``lang`` (one look-up per distinct key)."""
    return keys.map({k: label(prefix + k, lang) for k in keys.unique()}).astype(object)


def not_judged(
    features: Features,
    params: Mapping[str, Any],
    rule: str,
    unknown: pd.DataFrame,
    source: str,
) -> list[Finding]:
    """One ``national.levels_unknown`` finding per commune of ``unknown`` (columns
    ``cadre_id``, ``commune`` and ``table``, the level table whose level ``rule`` could
    not judge): how many cadres, their ids, and why (the input has no such column, or
    ``--skip-invalid`` set their rows or cells aside), per level; ``source``: the legal
    text ``rule`` applies."""
    if not len(unknown):
        return []
    u = unknown[["commune", "table", "cadre_id"]].astype(object).fillna("").astype(str)
    u = u.drop_duplicates()
    by = u.sort_values(["commune", "table", "cadre_id"]).groupby(["commune", "table"])["cadre_id"]
    parts = pd.DataFrame({"n": by.size(), "ids": by.agg(", ".join)}).reset_index()
    read = {t: features.informs(f"{t}.level") for t in KNOWN_COLUMNS}
    why = parts["table"].map(lambda t: "level_set_aside" if read[t] else "level_not_read")
    each = said(
        "finding_levels_unknown_part",
        what={lang: _words(parts["table"], "level_of_", lang) for lang in ("vi", "en")},
        n=parts["n"].astype(str),
        why={lang: _words(why, "", lang) for lang in ("vi", "en")},
        ids=parts["ids"],
    )
    joined = {
        lang: pd.Series(each[lang].to_numpy(), index=parts.index)
        .groupby(parts["commune"].to_numpy(), sort=True)
        .agg("; ".join)
        for lang in ("vi", "en")
    }
    communes = pd.Series(joined["vi"].index, dtype=object)
    texts = said(
        "finding_levels_unknown",
        rule={lang: rule_title(rule, lang) for lang in ("vi", "en")},
        parts={lang: pd.Series(joined[lang].to_numpy(), dtype=object) for lang in ("vi", "en")},
    )
    return _build(
        pd.DataFrame({"commune": communes}),
        rule=RULE,
        severity="warning",
        kind="commune",
        subject=communes,
        vi=texts["vi"],
        en=texts["en"],
        source=_cited(params, RULE, source),
        body="",
        commune=communes,
    )


__all__ = ["RULE", "level_known", "not_judged"]
