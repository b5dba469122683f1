"""The published JSON Schemas (draft 2020-12) of the JSON documents ``cadre`` writes.

The schemas ship in the package as ``cadre_core/data/schema/NAME.schema.json``, one file
per kind of document: ``evaluation`` (``cadre evaluate --format json``, the evaluation
embedded in reports), ``plan`` (``cadre plan --format json``), ``plugins`` (``cadre
plugins --format json``) and ``validation`` (``cadre validate --format json``). A new kind of document
is one more file in that folder: :func:`schema_names` lists whatever is there.

Every document carries ``"schema_version": "MAJOR.MINOR"`` (:data:`SCHEMA_VERSION`);
every schema's ``$id`` is ``urn:cadre-core:schema:NAME:MAJOR``. The minor version grows
when keys are added (the contract allows it); the major version, and with it the
``$id``, would change only if a key were renamed, dropped or changed in meaning.

The published schemas leave objects open to keys they do not list, so that a reader
holding the schema of 1.0 still accepts a document of 1.1; ``strict=True`` closes every
object that lists its keys (what the project's own tests use: every key written is
documented). Validation uses ``jsonschema``, imported only when a document is checked.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Mapping
from importlib.resources import files
from typing import Any

#: The version of the JSON contract every document states in ``schema_version``.
SCHEMA_VERSION = "1.0"

#: The ``$id`` of schema NAME is ``ID_PREFIX + NAME + ":" + major version``.
ID_PREFIX = "urn:cadre-core:schema:"

_SUFFIX = ".schema.json"


class SchemaError(ValueError):
    """An unknown schema name."""


def schema_names() -> tuple[str, ...]:
    """The names of the published schemas, sorted.

    >>> schema_names()
    ('evaluation', 'evaluations', 'forms', 'plan', 'plugins', 'validation')
    """
    folder = files("cadre_core") / "data" / "schema"
    return tuple(
        sorted(p.name.removesuffix(_SUFFIX) for p in folder.iterdir() if p.name.endswith(_SUFFIX))
    )


@functools.cache
def schema_text(name: str = "evaluation") -> str:
    """The text of schema ``name`` exactly as shipped (what ``cadre schema`` prints).

    >>> schema_text("plan").startswith("{")
    True
    """
    if name not in schema_names():
        raise SchemaError(f"unknown schema {name!r}: the schemas are {', '.join(schema_names())}")
    return (files("cadre_core") / "data" / "schema" / f"{name}{_SUFFIX}").read_text("utf-8")


def _closed(node: Any) -> Any:
    """``node`` with ``additionalProperties: false`` on every object that lists its keys."""
    if isinstance(node, dict):
        out = {k: _closed(v) for k, v in node.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(node, list):
        return [_closed(v) for v in node]
    return node


@functools.cache
def _loaded(name: str, strict: bool) -> Mapping[str, Any]:
    schema: dict[str, Any] = json.loads(schema_text(name))
    return _closed(schema) if strict else schema


def json_schema(name: str = "evaluation", *, strict: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the documents of kind ``name``, as a new dict.

    ``strict=True`` refuses keys the schema does not document (see the module docstring).

    >>> schema = cadre_core.json_schema()
    >>> schema["$id"], "communes" in schema["required"]
    ('urn:cadre-core:schema:evaluation:1', True)
    >>> cadre_core.json_schema("plan")["title"]
    'Plan'
    """
    return copy.deepcopy(dict(_loaded(name, strict)))


def schema_for(doc: Any) -> str | None:
    """The name of the schema a document follows, told by its keys (the schema whose
    required keys it holds, the most specific first); ``None`` for a document without
    ``schema_version`` or of no published kind.

    >>> schema_for(cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").to_dict())
    'evaluation'
    >>> schema_for({"as_of": "2026-12-31"}) is None
    True
    """
    if not isinstance(doc, Mapping) or "schema_version" not in doc:
        return None
    fits = []
    for name in schema_names():
        required = set(_loaded(name, False).get("required", ()))
        if required <= set(doc):
            fits.append((-len(required), name))
    return min(fits)[1] if fits else None


@functools.cache
def _validator(name: str, strict: bool) -> Any:
    import jsonschema
    from referencing import Registry, Resource

    # every published schema by its $id: a document may embed another (evaluations)
    registry: Any = Registry().with_resources(
        (str(_loaded(n, strict)["$id"]), Resource.from_contents(dict(_loaded(n, strict))))
        for n in schema_names()
    )
    cls = jsonschema.Draft202012Validator
    return cls(_loaded(name, strict), format_checker=cls.FORMAT_CHECKER, registry=registry)


def schema_errors(doc: Any, name: str | None = None, *, strict: bool = False) -> list[str]:
    """Every way ``doc`` departs from schema ``name`` (default: the one :func:`schema_for`
    tells), as ``"JSON path: message"`` lines sorted by path; empty when it is valid.

    >>> ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31")
    >>> cadre_core.schema_errors(ev.to_dict(), strict=True)
    []
    >>> doc = ev.to_dict() | {"as_of": "2026-13-01"}
    >>> cadre_core.schema_errors(doc)
    ["$.as_of: '2026-13-01' is not a 'date'"]
    """
    if name is None:
        name = schema_for(doc)
        if name is None:
            return ["$: not a cadre document (no schema_version, or keys of no known kind)"]
    errors = _validator(name, strict).iter_errors(doc)
    found = sorted((_path_key(e.absolute_path), e.json_path, e.message) for e in errors)
    return [f"{path}: {message}" for _, path, message in found]


def _path_key(path: Any) -> list[tuple[int, int, str]]:
    """A sort key of a JSON path: indices by number, keys by text."""
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in path]


__all__ = [
    "ID_PREFIX",
    "SCHEMA_VERSION",
    "SchemaError",
    "json_schema",
    "schema_errors",
    "schema_for",
    "schema_names",
    "schema_text",
]
