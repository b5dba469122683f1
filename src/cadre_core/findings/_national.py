"""The national findings: every family's rules, composed.

Each family is a module of rules ``(features, params, bodies) -> list[Finding]`` that
filter feature frames with vectorised pandas and build one :class:`Finding` per flagged
subject: retirement, key posts, standards, rotation, quota, succession, ratings. The
built-in plugin's ``cadre_findings`` hook calls :func:`national_findings` with the
responsible bodies the host merged from every plugin.

During one :func:`national_findings` call the rules share work (each cadre's home
position, its row on the roll); the findings are the same as those of each rule called
alone and of the direct pandas formulation (``tests/test_national_findings_perf_equiv.py``).

Optional roster tables (``succession``, ``scores``, ``discipline``) are read from
``features.tables`` when present; an absent or empty table yields no finding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cadre_core.features._frame import Features
from cadre_core.findings._common import _SHARED, Rule
from cadre_core.findings._finding import Finding
from cadre_core.findings._indicators import indicator_findings
from cadre_core.findings._key_posts import non_local_findings
from cadre_core.findings._quota import quota_findings
from cadre_core.findings._ratings import rating_findings
from cadre_core.findings._retirement import retirement_findings
from cadre_core.findings._rotation import rotation_findings
from cadre_core.findings._standards import standards_findings
from cadre_core.findings._succession import succession_findings

RULES: Sequence[Rule] = (
    retirement_findings,
    non_local_findings,
    standards_findings,
    rotation_findings,
    quota_findings,
    succession_findings,
    rating_findings,
    indicator_findings,
)


def national_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """Every national rule's findings for the as-of day.

    ``bodies`` maps a bloc to the body that must act (the host's merged
    ``cadre_responsible_bodies``); blocs it leaves out keep the built-in bodies.
    """
    out: list[Finding] = []
    token = _SHARED.set({"features": features})
    try:
        for rule in RULES:
            out.extend(rule(features, params, bodies))
    finally:
        _SHARED.reset(token)
    return out


__all__ = ["RULES", "national_findings"]
