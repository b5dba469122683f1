"""Rotation: cadres in a sensitive position for the full rotation period or longer
(Anti-Corruption Law 2018 Art. 25; Decree 59/2019/NĐ-CP)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cadre_core.features._frame import Features
from cadre_core.findings._common import (
    _body_of_bloc,
    _build,
    _cited,
    _dates_text,
    _p,
    _post_titles,
    full_years,
    said,
)
from cadre_core.findings._finding import Finding
from cadre_core.findings._sources import ROTATION


def rotation_years(params: Mapping[str, Any]) -> int:
    """The rotation period in force (``national.rotation_years``, 2 to 5 years)."""
    years = int(_p(params, "national.rotation_years", 5))
    if not 2 <= years <= 5:
        raise ValueError(
            f"national.rotation_years must be from 2 to 5 (Anti-Corruption Law 2018 Art. 25), "
            f"not {years}"
        )
    return years


def rotation_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """Cadres in a sensitive position for the full rotation period or longer."""
    years = rotation_years(params)
    a = features.assignments
    s = a[a["sensitive"].fillna(False).astype(bool)].drop_duplicates(["cadre_id", "position_code"])
    f = s[full_years(s["start_date"], features.as_of) >= years].sort_values(
        ["cadre_id", "position_code"]
    )
    f = f.reset_index(drop=True)
    if len(f) == 0:
        return []
    start = _dates_text(f["start_date"], "%d/%m/%Y")
    post = _post_titles(features, f["position_code"], f.get("category"))
    texts = said("finding_rotation_overdue", post=post, start=start, years=years)
    return _build(
        f,
        rule="national.rotation_overdue",
        severity="warning",
        kind="cadre",
        subject=f["cadre_id"],
        vi=texts["vi"],
        en=texts["en"],
        source=_cited(params, "national.rotation_overdue", ROTATION),
        body=_body_of_bloc(f["bloc"], bodies),
        commune=f["commune"].astype(object),
    )


__all__ = ["rotation_findings", "rotation_years"]
