"""Key posts: local people in the posts that must go to someone from outside the locality
(KL 210-KL/TW; Chỉ thị 45-CT/TW)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from cadre_core.features._frame import Features
from cadre_core.findings._common import (
    _at,
    _build,
    _cadre_rows,
    _categories,
    _cited,
    _p,
    _post_titles,
    said,
)
from cadre_core.findings._finding import Finding
from cadre_core.findings._sources import KL210
from cadre_core.vocab._labels import label


def non_local_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """Local people holding a post that must go to someone from outside (KL 210-KL/TW)."""
    cats = _categories(
        params,
        "national.non_local_categories",
        "party_secretary;committee_chair;inspection_chair",
    )
    a = features.assignments
    key = np.flatnonzero(a["category"].isin(cats).to_numpy())
    local = _at(features.cadres["is_local"], _cadre_rows(features)[key])
    key = key[local.fillna(False).astype(bool).to_numpy()]
    f = a.iloc[key].drop_duplicates(["cadre_id", "position_code"])
    f = f.sort_values(["cadre_id", "position_code"]).reset_index(drop=True)
    if len(f) == 0:
        return []
    title = _post_titles(features, f["position_code"], f["category"])
    texts = said("finding_local_key_post", post=title)
    return _build(
        f,
        rule="national.local_key_post",
        severity="warning",
        kind="cadre",
        subject=f["cadre_id"],
        vi=texts["vi"],
        en=texts["en"],
        source=_cited(params, "national.local_key_post", KL210),
        body=str(_p(params, "national.key_post_body", label("body_key_posts"))),
        commune=f["commune"].astype(object),
    )


__all__ = ["non_local_findings"]
