"""Findings: facts about a person, a position, an agency or a commune that a named body
must act on, each with its legal source.

The national findings come in families, one module each: retirement
(``_retirement``), key posts (``_key_posts``), standards on appointment
(``_standards``), rotation (``_rotation``), quota (``_quota``), succession pools
(``_succession``) and ratings (``_ratings``); ``_common`` holds what they share and
``_national`` composes them into :func:`national_findings`, which the built-in plugin's
``cadre_findings`` hook calls. The legal sources they cite are national law
(``_sources``); a province adds its own plan's clauses through the
``national.plan_citations`` parameter. This package imports the feature frames, the
targets' criteria and the vocabulary, never the plugins.
"""

from cadre_core.findings._finding import Finding, Severity, SubjectKind
from cadre_core.findings._national import RULES, national_findings
from cadre_core.findings._sources import (
    KL210,
    QD377,
    QD377_CAPS,
    QD377_MIX,
    QD377_TERM,
    QUOTA,
    RETIREMENT_SOURCE,
    ROTATION,
    STANDARDS,
)

__all__ = [
    "KL210",
    "QD377",
    "QD377_CAPS",
    "QD377_MIX",
    "QD377_TERM",
    "QUOTA",
    "RETIREMENT_SOURCE",
    "ROTATION",
    "RULES",
    "STANDARDS",
    "Finding",
    "Severity",
    "SubjectKind",
    "national_findings",
]
