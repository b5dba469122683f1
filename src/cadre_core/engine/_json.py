"""JSON text for large documents, byte-identical to ``json.dumps(..., indent=2)``.

The standard library's encoder falls back to pure Python as soon as ``indent`` is set,
which costs seconds on a national evaluation (60,000 target results). orjson writes the
same text (UTF-8, two-space indent, ``": "`` and ``","`` separators, the same string
escapes) about twenty times faster, except for floats, which it spells differently
(``1e-5`` where Python writes ``1e-05``). So a document is written in parts: the
members known to hold no floats (``fast``: one or several) by orjson, the rest by the
standard library, and the first spliced into the second at their places.
``tests/test_json_text.py`` checks the equivalence on generated documents.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

try:  # a declared dependency; the standard library is the exact fallback
    import orjson
except ImportError:  # pragma: no cover - only without the dependency
    orjson = None  # type: ignore[assignment]


def _member_bytes(key: str, value: Any) -> memoryview | None:
    """``value`` as the indented UTF-8 JSON it has as member ``key`` of a top-level object
    (a view into orjson's output: no copy)."""
    if orjson is None:
        return None
    try:
        text = orjson.dumps({key: value}, option=orjson.OPT_INDENT_2)
    except (TypeError, orjson.JSONEncodeError):  # e.g. a lone surrogate: let json decide
        return None
    # b'{\n  "key": VALUE\n}': VALUE is already indented one level, as a member
    start = len(b"{\n  ") + len(json.dumps(key, ensure_ascii=False).encode("utf-8")) + 2
    return memoryview(text)[start : -len(b"\n}")]


Fast = str | Sequence[str] | None
"""The members of a document known to hold no float: one name, several, or none."""


def _fast_names(doc: Mapping[str, Any], fast: Fast) -> list[str]:
    """The members of ``doc`` named by ``fast``, in the document's order."""
    named = {fast} if isinstance(fast, str) else set(fast or ())
    return [key for key in doc if key in named]


def dumps_parts(
    doc: Mapping[str, Any], *, indent: int | None = 2, fast: Fast = None, end: str = ""
) -> list[bytes | memoryview]:
    r"""The UTF-8 text of :func:`dumps_bytes` as the parts it is assembled from (joined,
    they are that text): written one after the other, a national evaluation (about
    100 MB) is never copied into one buffer. ``fast`` names the members (one or several)
    that hold no float, written by orjson.

    >>> b"".join(dumps_parts({"a": 1, "rows": [2]}, fast="rows", end="\n"))
    b'{\n  "a": 1,\n  "rows": [\n    2\n  ]\n}\n'
    >>> b"".join(dumps_parts({"x": [1], "a": 0.5, "y": {}}, fast=("y", "x")))
    b'{\n  "x": [\n    1\n  ],\n  "a": 0.5,\n  "y": {}\n}'
    """
    bodies: dict[str, memoryview] = {}
    if indent == 2:
        for key in _fast_names(doc, fast):
            body = _member_bytes(key, doc[key])
            if body is not None:
                bodies[key] = body
    if not bodies:
        return [(json.dumps(doc, ensure_ascii=False, indent=indent) + end).encode("utf-8")]
    markers = {key: json.dumps(f"cadre-json-{uuid.uuid4().hex}") for key in bodies}
    head = json.dumps(
        {**doc, **{key: json.loads(m) for key, m in markers.items()}},
        ensure_ascii=False,
        indent=indent,
    )
    parts: list[bytes | memoryview] = []
    for key, body in bodies.items():  # in the document's order, as in ``head``
        before, head = head.split(markers[key], 1)
        parts += [before.encode("utf-8"), body]
    parts.append((head + end).encode("utf-8"))
    return parts


def dumps_bytes(
    doc: Mapping[str, Any], *, indent: int | None = 2, fast: Fast = None, end: str = ""
) -> bytes:
    r"""``(json.dumps(doc, ensure_ascii=False, indent=indent) + end).encode("utf-8")``,
    with the members ``fast`` names (values that hold no float) written by orjson when
    ``indent`` is 2.

    The text is assembled once, from its parts (:func:`dumps_parts`), with no
    intermediate copies of the large parts (a national evaluation is about 100 MB).

    >>> dumps_bytes({"a": 1.5e-05, "rows": [{"x": "ă", "y": []}]}, fast="rows", end="\n")
    b'{\n  "a": 1.5e-05,\n  "rows": [\n    {\n      "x": "\xc4\x83",\n      "y": []\n    }\n  ]\n}\n'
    """
    parts = dumps_parts(doc, indent=indent, fast=fast, end=end)
    return parts[0] if len(parts) == 1 and isinstance(parts[0], bytes) else b"".join(parts)


def dumps(
    doc: Mapping[str, Any], *, indent: int | None = 2, fast: Fast = None, end: str = ""
) -> str:
    r"""``json.dumps(doc, ensure_ascii=False, indent=indent) + end``, with the members
    ``fast`` names written by orjson (see :func:`dumps_bytes`).

    >>> dumps({"a": 1.5e-05, "rows": [{"x": "ă", "y": []}]}, fast="rows")
    '{\n  "a": 1.5e-05,\n  "rows": [\n    {\n      "x": "ă",\n      "y": []\n    }\n  ]\n}'
    """
    if indent != 2 or not _fast_names(doc, fast):
        return json.dumps(doc, ensure_ascii=False, indent=indent) + end
    try:
        return dumps_bytes(doc, indent=indent, fast=fast, end=end).decode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the standard library's text, as is
        return json.dumps(doc, ensure_ascii=False, indent=indent) + end


__all__ = ["Fast", "dumps", "dumps_bytes", "dumps_parts"]
