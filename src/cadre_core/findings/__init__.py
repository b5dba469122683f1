"""Stage 5, findings: facts about a person, a post or an agency that a named body must act on.

Owns :class:`Finding` with its :data:`Severity` and :data:`SubjectKind` (:mod:`._finding`)
and the national findings (retirement, key posts, standards, rotation, quota, succession,
ratings), composed by :func:`national_findings`, each citing the national law it applies
(decrees, QĐ/KL of the Central Committee). The built-in plugin hands them to the engine
through the ``cadre_findings`` hook, as any province plugin would.

May import: :mod:`cadre_core.targets`, :mod:`cadre_core.features`, :mod:`cadre_core.roster`
and :mod:`cadre_core.vocab`; never :mod:`cadre_core.plugins` (the responsible bodies are
handed in; see ``docs/architecture.md``).
"""

from cadre_core.findings._finding import Finding, Severity, SubjectKind
from cadre_core.findings._national import (
    KL210,
    QD377,
    QD377_CAPS,
    QD377_TERM,
    ROTATION,
    national_findings,
)

__all__ = [
    "KL210",
    "QD377",
    "QD377_CAPS",
    "QD377_TERM",
    "ROTATION",
    "Finding",
    "Severity",
    "SubjectKind",
    "national_findings",
]
