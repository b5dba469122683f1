"""Filled forms as a JSON document (schema ``forms``), and under pseudonyms.

The document states ``schema_version``, the day, the roster, and per form its code,
title, source, columns (number, label, headings above it, the roster fields it reads),
blocks of rows (per commune, and the province with ``commune: null``) with their cells
(a count, a tick, a text, an ISO day, or ``null`` for a blank the roster cannot inform)
and the blank cells with the fields they lack; then what the reader set aside
(``skipped``) and did not read (``not_read``), as the evaluation document does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs

from cadre_core.engine._privacy import WITHHELD, Pseudonymizer
from cadre_core.engine._schema import SCHEMA_VERSION
from cadre_core.forms._fill import Cell, FilledForm, FilledRow, field_words
from cadre_core.targets._forms import FormColumn
from cadre_core.targets._target import Text


def _cell(value: Cell) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _form(filled: FilledForm, lang: str) -> dict[str, Any]:
    form = filled.form
    return {
        "code": form.code,
        "name": form.name.get(lang) if form.name is not None else form.code,
        "plugin": filled.plugin,
        "orientation": form.orientation,
        "title": filled.title(lang),
        "unit": form.unit_label.get(lang),
        "source": form.source,
        "columns": [
            {
                "number": c.number,
                "label": c.label.get(lang),
                "groups": [g.get(lang) for g in c.groups],
                "needs": list(c.needs),
            }
            for c in form.columns
        ],
        "blocks": [
            {
                "commune": b.commune,
                "rows": [
                    {
                        "number": r.number,
                        "label": r.label.get(lang),
                        "kind": r.kind,
                        "cells": [_cell(v) for v in r.cells],
                        **({"cadre_id": r.subject} if r.subject is not None else {}),
                    }
                    for r in b.rows
                ],
            }
            for b in filled.blocks
        ],
        "blanks": [
            {
                "row": b.row.get(lang) if b.row is not None else None,
                "column": b.column.get(lang),
                "column_number": b.column_number,
                "fields": list(b.fields),
                "missing": "; ".join(field_words(f, lang) for f in b.fields),
            }
            for b in filled.blanks
        ],
    }


def forms_document(forms: Sequence[FilledForm], lang: str = "vi") -> dict[str, Any]:
    """The JSON document of filled forms (schema ``forms``), labels in ``lang``.

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> doc = forms_document([cadre_core.compute_form(FORM_9C, f)])
    >>> doc["forms"][0]["code"], cadre_core.schema_errors(doc, "forms", strict=True)
    ('9C-BTCTW', [])
    """
    first = forms[0] if forms else None
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": first.as_of.isoformat() if first is not None else None,
        "roster": first.roster_name if first is not None else "",
        "lang": lang,
        "forms": [_form(f, lang) for f in forms],
        "skipped": [p.to_dict() for p in first.skipped] if first is not None else [],
        "not_read": [p.to_dict() for p in first.not_read] if first is not None else [],
    }


def forms_json(forms: Sequence[FilledForm], lang: str = "vi") -> bytes:
    """The bytes ``cadre forms --format json`` writes (and ``POST /v1/forms/{form}``
    answers): :func:`forms_document` as indented UTF-8 JSON, one newline at the end.

    >>> forms_json([]).splitlines()[1]
    b'  "schema_version": "1.0",'
    """
    from cadre_core.engine._json import dumps_bytes

    return dumps_bytes(forms_document(forms, lang), end="\n")


def pseudonymize_forms(forms: Sequence[FilledForm], hider: Pseudonymizer) -> list[FilledForm]:
    """The forms with every person named by their pseudonym and their days withheld
    (the counts are the same); what the reader set aside keeps no raw cell."""
    out = []
    for filled in forms:
        columns = filled.form.columns

        def hidden(row: FilledRow, columns: Sequence[FormColumn] = columns) -> FilledRow:
            if row.subject is None:
                return row
            alias = hider.id(row.subject)
            cells: list[Cell] = []
            for c, v in zip(columns, row.cells, strict=True):
                if c.value == "full_name" and v is not None:
                    cells.append(alias)
                elif isinstance(v, dt.date):
                    cells.append(WITHHELD)
                else:
                    cells.append(v)
            return attrs.evolve(row, label=Text(alias, alias), cells=tuple(cells), subject=alias)

        blocks = tuple(
            attrs.evolve(b, rows=tuple(hidden(r) for r in b.rows)) for b in filled.blocks
        )
        out.append(
            attrs.evolve(
                filled,
                blocks=blocks,
                skipped=tuple(hider.problem(p) for p in filled.skipped),
                not_read=tuple(hider.problem(p) for p in filled.not_read),
            )
        )
    return out


__all__ = ["forms_document", "forms_json", "pseudonymize_forms"]
