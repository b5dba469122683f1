"""Stage 5, findings: facts about a person, a post, an agency or a commune that a named body
must act on, each with its legal source.

Owns :class:`Finding` with its :data:`Severity` and :data:`SubjectKind` (``_finding``) and the
national findings in families, one module each: retirement (``_retirement``), key posts
(``_key_posts``), standards on appointment (``_standards``), rotation (``_rotation``), quota
(``_quota``), succession pools (``_succession``) and ratings (``_ratings``); ``_subjects`` names each finding's subject
(a cadre's name and posts, a position's title, an agency's name); ``_common`` holds
what they share and ``_national`` composes them into :func:`national_findings`, which the
built-in plugin's ``cadre_findings`` hook calls, as any province plugin would. The legal
sources they cite are national law (``_sources``: decrees, QĐ/KL of the Central Committee); a
province adds its own plan's clauses through the ``national.plan_citations`` parameter.

May import: :mod:`cadre_core.targets`, :mod:`cadre_core.features`, :mod:`cadre_core.roster`
and :mod:`cadre_core.vocab`; never :mod:`cadre_core.plugins` (the responsible bodies are
handed in; see ``docs/architecture.md``).
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
from cadre_core.findings._subjects import cadre_posts, name_subjects, unit_names

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
    "cadre_posts",
    "name_subjects",
    "national_findings",
    "unit_names",
]
