"""Findings: facts about a person, a position or an agency that a named body must act on."""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

import attrs

from cadre_core.vocab._labels import label, rule_title

SubjectKind = Literal["cadre", "position", "agency", "commune"]
Severity = Literal["info", "warning", "error"]


@attrs.frozen
class Finding:
    """One finding, with its legal source and the body that must act.

    ``rule`` is the machine key; people read :meth:`title` (the rule's title: the
    finding's own ``title_vi``/``title_en`` when its plugin gives one, else the label
    table's). ``subject`` is an id; ``subject_name`` and ``subject_post`` say who or what
    it is (a cadre's name and posts, a position's title, an agency's name), filled from the
    roster by :func:`~cadre_core.findings.name_subjects` when the rule leaves them blank.

    >>> f = Finding("national.vacancy", "warning", "position", "UB-PCT", "Thiếu 1 người",
    ...             "1 short", "Luật ...", "UBND xã", commune="Xã A",
    ...             subject_name="Phó Chủ tịch UBND")
    >>> f.subject, f.title(), f.subject_text()
    ('UB-PCT', 'Thiếu người so với biên chế', 'Phó Chủ tịch UBND (UB-PCT)')
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
    #: who or what the subject is: a cadre's full name, a position's title, an agency's name
    subject_name: str = ""
    #: a cadre's posts (titles, "; "-joined); blank for other subjects
    subject_post: str = ""
    #: the rule's title, when the plugin that wrote the finding gives one
    title_vi: str = ""
    title_en: str = ""

    def named(self, name: str, post: str = "") -> Finding:
        """This finding with ``subject_name`` and ``subject_post`` given (what
        ``attrs.evolve`` does, without its generic per-field work: the national findings
        are named tens of thousands at a time).

        >>> f = Finding("national.vacancy", "warning", "position", "UB-PCT", "", "", "")
        >>> f.named("Phó Chủ tịch UBND").subject_text()
        'Phó Chủ tịch UBND (UB-PCT)'
        """
        return Finding(
            self.rule,
            self.severity,
            self.subject_kind,
            self.subject,
            self.message_vi,
            self.message_en,
            self.source,
            self.body,
            self.commune,
            name,
            post,
            self.title_vi,
            self.title_en,
        )

    def title(self, lang: str = "vi") -> str:
        """The rule's title in ``lang``: the finding's own, else the label table's (the
        rule id only for a rule nobody names)."""
        own = self.title_en if lang == "en" else self.title_vi
        return own or _rule_titles(self.rule)[lang == "en"]

    def subject_text(self, lang: str = "vi") -> str:
        """The subject as a person reads it: name, post and id (``Lò Văn A, Phó Chủ tịch
        UBND (C001)``); the id alone when no name is known, the name alone for a commune."""
        if not self.subject_name or self.subject_name == self.subject:
            return self.subject
        key = "subject_named" if self.subject_post else "subject_named_no_post"
        return label(key, lang).format(
            name=self.subject_name, post=self.subject_post, id=self.subject
        )

    def to_json(self) -> dict[str, Any]:
        """The finding as the JSON contract's ``findings`` item (the titles of
        :meth:`title`, the label table's read once per rule)."""
        vi, en = self.title_vi, self.title_en
        if not (vi and en):
            table_vi, table_en = _rule_titles(self.rule)
            vi, en = vi or table_vi, en or table_en
        return {
            "rule": self.rule,
            "title": vi,
            "title_en": en,
            "severity": self.severity,
            "subject_kind": self.subject_kind,
            "subject": self.subject,
            "subject_name": self.subject_name,
            "subject_post": self.subject_post,
            "message": self.message_vi,
            "message_en": self.message_en,
            "source": self.source,
            "body": self.body,
        }


@cache
def _rule_titles(rule: str) -> tuple[str, str]:
    """The label table's title of ``rule`` in Vietnamese and English (the table does not
    change while the program runs)."""
    return rule_title(rule, "vi"), rule_title(rule, "en")
