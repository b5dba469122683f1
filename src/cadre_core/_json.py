"""JSON text for large documents, byte-identical to ``json.dumps(..., indent=2)``.

The standard library's encoder falls back to pure Python as soon as ``indent`` is set,
which costs seconds on a national evaluation (60,000 target results). orjson writes the
same text (UTF-8, two-space indent, ``": "`` and ``","`` separators, the same string
escapes) about twenty times faster, except for floats, which it spells differently
(``1e-5`` where Python writes ``1e-05``). So a document is written in two parts: the
part known to hold no floats (``fast``) by orjson, the rest by the standard library,
and the first is spliced into the second. ``tests/test_json_text.py`` checks the
equivalence on generated documents.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

try:  # a declared dependency; the standard library is the exact fallback
    import orjson
except ImportError:  # pragma: no cover - only without the dependency
    orjson = None  # type: ignore[assignment]


def _member_text(key: str, value: Any) -> str | None:
    """``value`` as the indented JSON text it has as member ``key`` of a top-level object."""
    if orjson is None:
        return None
    try:
        text = orjson.dumps({key: value}, option=orjson.OPT_INDENT_2).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):  # e.g. a lone surrogate: let json decide
        return None
    # '{\n  "key": VALUE\n}': VALUE is already indented one level, as a member
    start = len("{\n  ") + len(json.dumps(key, ensure_ascii=False)) + len(": ")
    return text[start : -len("\n}")]


def dumps(doc: Mapping[str, Any], *, indent: int | None = 2, fast: str | None = None) -> str:
    """``json.dumps(doc, ensure_ascii=False, indent=indent)``, with ``doc[fast]`` (a value
    that holds no float) written by orjson when ``indent`` is 2.

    >>> dumps({"a": 1.5e-05, "rows": [{"x": "ă", "y": []}]}, fast="rows")
    '{\\n  "a": 1.5e-05,\\n  "rows": [\\n    {\\n      "x": "ă",\\n      "y": []\\n    }\\n  ]\\n}'
    """
    if indent != 2 or fast is None or fast not in doc:
        return json.dumps(doc, ensure_ascii=False, indent=indent)
    body = _member_text(fast, doc[fast])
    if body is None:
        return json.dumps(doc, ensure_ascii=False, indent=indent)
    marker = f"cadre-json-{uuid.uuid4().hex}"
    head = json.dumps({**doc, fast: marker}, ensure_ascii=False, indent=indent)
    return head.replace(json.dumps(marker), body, 1)


__all__ = ["dumps"]
