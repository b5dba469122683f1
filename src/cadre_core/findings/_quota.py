"""Quota: positions with fewer holders than their quota (vacancy) or more (surplus), and
those held by fewer where a holder's row was set aside (not known to be vacant)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features, holder_unknown
from cadre_core.features._keys import per_row
from cadre_core.findings._common import _body_of_bloc, _build, _cited, said
from cadre_core.findings._finding import Finding
from cadre_core.findings._sources import QUOTA


def _quota_texts(d: pd.DataFrame, key: str) -> pd.DataFrame:
    diff = (d["holders"] - d["quota"]).abs().astype(str)
    texts = said(key, diff=diff, held=d["holders"].astype(str), quota=d["quota"].astype(str))
    return pd.DataFrame(texts)


def quota_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """Positions with fewer holders than their quota (vacancy) or more (surplus).

    A position held by fewer than its quota where an assignment row of it was set aside by
    ``--skip-invalid`` (``held_aside``) is not said vacant: ``national.holder_set_aside``
    says that whether it is filled cannot be told until that row is corrected."""
    p = features.positions
    p = p[[c for c in ("quota", "holders", "held_aside", "bloc", "commune") if c in p]]
    # unique codes: sorting the flagged positions alone gives the order of a full sort
    whole = not p.index.is_unique
    if whole:
        p = p.sort_index()
    quota = p["quota"].fillna(1).astype("int64").to_numpy()
    holders = p["holders"].astype("int64").to_numpy()
    aside = holder_unknown(p).to_numpy(dtype=bool)
    out: list[Finding] = []
    for rule, mask, sev, key in (
        ("national.vacancy", (holders < quota) & ~aside, "warning", "finding_vacancy"),
        ("national.holder_set_aside", aside, "warning", "finding_holder_set_aside"),
        ("national.surplus", holders > quota, "info", "finding_surplus"),
    ):
        rows = np.flatnonzero(mask)
        f = p.iloc[rows].assign(quota=quota[rows], holders=holders[rows])
        f = (f if whole else f.sort_index()).reset_index()
        texts = per_row(f[["holders", "quota"]], partial(_quota_texts, key=key))
        out += _build(
            f,
            rule=rule,
            severity=sev,  # type: ignore[arg-type]
            kind="position",
            subject=f["position_code"],
            vi=texts["vi"],
            en=texts["en"],
            source=_cited(params, rule, QUOTA),
            body=_body_of_bloc(f["bloc"], bodies),
            commune=f["commune"].astype(object),
        )
    return out


__all__ = ["quota_findings"]
