"""What the service answers when it cannot do what was asked: a status and a sentence from
the label table (``serve_*`` keys), in the request's language; a refused roster answers
the validation document instead (every problem, as ``cadre validate --format json``)."""

from __future__ import annotations

from typing import Any

from cadre_core.vocab._labels import label


class ServiceError(Exception):
    """A request the service refuses: ``status``, the label ``key`` of its sentence and
    the ``fields`` the sentence names (``problems`` and ``inputs`` for a refused roster,
    ``plugin`` for a failing plugin).

    >>> err = ServiceError(413, "serve_too_large", limit=50)
    >>> err.status, err.sentence("en")
    (413, 'the request is larger than the limit of 50 MB')
    """

    def __init__(self, status: int, key: str, **fields: Any) -> None:
        super().__init__(status, key, fields)
        self.status = status
        self.key = key
        self.fields = fields

    def sentence(self, lang: str = "vi") -> str:
        """The sentence in ``lang``; a ``why`` field that is a label key is said too."""
        fields = dict(self.fields)
        why = fields.get("why")
        if isinstance(why, str) and why.isidentifier():
            fields["why"] = label(f"serve_why_{why}", lang)
        return label(self.key, lang).format(**fields)

    def body(self, lang: str = "vi") -> dict[str, Any]:
        """The JSON answer: ``{"status", "error"}`` (and ``plugin`` naming a failing
        plugin), or the validation document of a refused roster."""
        if self.key == "serve_invalid_roster":
            from cadre_core.engine._documents import validation_document

            problems, inputs = self.fields["problems"], self.fields["inputs"]
            return validation_document(problems, inputs, valid=False, lang=lang)
        out: dict[str, Any] = {"status": self.status, "error": self.sentence(lang)}
        if "plugin" in self.fields:
            out["plugin"] = self.fields["plugin"]
        return out


__all__ = ["ServiceError"]
