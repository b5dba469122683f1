"""Findings: facts about a person, a position or an agency that a named body must act on."""

from __future__ import annotations

from typing import Any, Literal

import attrs

SubjectKind = Literal["cadre", "position", "agency", "commune"]
Severity = Literal["info", "warning", "error"]


@attrs.frozen
class Finding:
    """One finding, with its legal source and the body that must act.

    >>> Finding("demo.rule", "warning", "cadre", "C001", "thông điệp", "message", "Luật ...",
    ...         "UBND xã", commune="Xã A").subject
    'C001'
    """

    rule: str
    severity: Severity = attrs.field(validator=attrs.validators.in_(("info", "warning", "error")))
    subject_kind: SubjectKind = attrs.field(
        validator=attrs.validators.in_(("cadre", "position", "agency", "commune"))
    )
    subject: str
    message_vi: str
    message_en: str
    source: str
    body: str = ""
    commune: str = ""

    def to_json(self) -> dict[str, Any]:
        """The finding as the JSON contract's ``findings`` item."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "subject_kind": self.subject_kind,
            "subject": self.subject,
            "message": self.message_vi,
            "message_en": self.message_en,
            "source": self.source,
            "body": self.body,
        }
