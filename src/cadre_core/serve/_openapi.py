"""The service's OpenAPI document: the request body of a roster, the refusals and the audit
headers each operation names, and the published JSON Schemas lifted into its components
(:func:`_openapi` builds the document once for :func:`~cadre_core.serve._app.create_app`)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

JSON = "application/json"

_ROSTER_BODY = {
    "required": True,
    "description": "The roster: a workbook (.xlsx, .ods), a one-row-per-person list (.csv, "
    "or a Word .docx table) or a zip of CSV/parquet tables in the multipart field `roster`, "
    "or the tables as JSON (table name: list of rows).",
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["roster"],
                "properties": {"roster": {"type": "string", "format": "binary"}},
            }
        },
        JSON: {
            "schema": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": {
                            "type": ["string", "number", "integer", "boolean", "null"]
                        },
                    },
                },
            },
            "example": {"cadres": [{"cadre_id": "CB001", "full_name": "Nguyễn Văn A"}]},
        },
    },
}

_ERROR_SCHEMA = {
    "type": "object",
    "required": ["status", "error"],
    "properties": {
        "status": {"type": "integer", "description": "The HTTP status."},
        "error": {"type": "string", "description": "What went wrong, in one sentence."},
        "plugin": {"type": "string", "description": "The plugin that failed (500)."},
    },
}


def _component(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _doc(name: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {JSON: {"schema": {"$ref": f"#/components/schemas/{_component(name)}"}}},
    }


_AUDIT = {
    "X-Cadre-Tool": {
        "description": "The program and its version (`cadre-core 0.1.0`).",
        "schema": {"type": "string"},
    },
    "X-Cadre-Inputs": {
        "description": "The roster read, as `NAME:SHA256` (the upload's name, or "
        "`tables.json`, and the SHA-256 of its bytes).",
        "schema": {"type": "string"},
    },
    "X-Cadre-As-Of": {
        "description": "The days of the answer, comma-separated (empty for a validation).",
        "schema": {"type": "string"},
    },
}


def _audited(response: dict[str, Any]) -> dict[str, Any]:
    return {**response, "headers": _AUDIT}


_REFUSALS: dict[int | str, dict[str, Any]] = {
    "400": _error("A query parameter or the JSON tables are wrong."),
    "401": _error("No token, or a token the service does not accept."),
    "403": _error("A plugin this service does not allow."),
    "413": _error("The request is larger than the service's limit."),
    "422": _doc("validation", "The roster was refused: every problem (file, table, row, column)."),
    "500": _error("A plugin failed (named), or the service itself."),
    "504": _error("The work took longer than the service's time limit."),
}


def _components() -> dict[str, Any]:
    """The published JSON Schemas as OpenAPI components (``$defs`` lifted, references
    rewritten), and the refusal's schema."""
    from cadre_core.engine._schema import json_schema, schema_names

    out: dict[str, Any] = {"Error": _ERROR_SCHEMA}
    ids = {f"urn:cadre-core:schema:{n}:1": _component(n) for n in schema_names()}

    def rewrite(node: Any, name: str) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                target = f"{_component(name)}{_component(ref.removeprefix('#/$defs/'))}"
                node = {**node, "$ref": f"#/components/schemas/{target}"}
            elif isinstance(ref, str) and ref in ids:
                node = {**node, "$ref": f"#/components/schemas/{ids[ref]}"}
            return {k: rewrite(v, name) for k, v in node.items() if k not in ("$schema", "$id")}
        if isinstance(node, list):
            return [rewrite(v, name) for v in node]
        return node

    for name in schema_names():
        schema = copy.deepcopy(json_schema(name))
        for key, sub in schema.pop("$defs", {}).items():
            out[f"{_component(name)}{_component(key)}"] = rewrite(sub, name)
        out[_component(name)] = rewrite(schema, name)
    return out


def _openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            doc = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            schemas = doc.setdefault("components", {}).setdefault("schemas", {})
            schemas.update(_components())
            app.openapi_schema = doc
        return app.openapi_schema

    return build
