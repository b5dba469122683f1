"""``cadre schema``: print the published JSON Schemas, or check a document against one."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from cadre_core.cli._common import (
    InputError,
    _stdout,
    lang_option,
    os_reason,
    output_option,
    print_line,
    say,
    write_text,
)
from cadre_core.cli._help import HelpCommand
from cadre_core.vocab._labels import label

#: How many errors the message of an invalid document names.
_SHOWN = 3


def _read_document(path: str) -> Any:
    """The JSON in ``path`` (``-``: standard input); bad input raises :class:`InputError`."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(say("cannot_read", path=path, reason=os_reason(exc))) from None
    except UnicodeDecodeError:
        raise InputError(say("not_utf8_json", path=path)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            say("not_json", path=path, error=exc, line=exc.lineno, col=exc.colno)
        ) from None


def _check(path: str, name: str | None, strict: bool, lang: str = "vi") -> None:
    """Validate the document in ``path``: exit 0 when it follows its schema, else exit 2
    with the JSON paths of the first errors."""
    from cadre_core.engine._schema import json_schema, schema_errors, schema_for

    doc = _read_document(path)
    name = name or schema_for(doc)
    if name is None:
        raise InputError(say("schema_unknown_kind", path=path))
    schema = json_schema(name)
    errors = schema_errors(doc, name, strict=strict)
    if errors:
        shown = "; ".join(errors[:_SHOWN])
        more = say("schema_more", n=len(errors) - _SHOWN) if len(errors) > _SHOWN else ""
        raise InputError(
            say("schema_errors", path=path, name=name, id=schema["$id"], shown=shown, more=more)
        )
    version = doc.get("schema_version", "?") if isinstance(doc, dict) else "?"
    text = label("cli_schema_follows", lang)
    print_line(_stdout(), text.format(path=path, name=name, id=schema["$id"], version=version))


@click.command("schema", cls=HelpCommand, help="cli_help_schema")
@click.argument("name", required=False)
@output_option
@click.option("--list", "list_", is_flag=True, help="cli_help_schema_list")
@click.option(
    "--check",
    metavar="FILE",
    help="cli_help_schema_check",
)
@click.option(
    "--strict",
    is_flag=True,
    help="cli_help_schema_strict",
)
@lang_option
def schema_command(
    name: str | None,
    output: str | None,
    list_: bool,
    check: str | None,
    strict: bool,
    lang: str,
) -> None:
    """``cadre schema`` (its help: the label ``cli_help_schema``)."""
    from cadre_core.engine._schema import SchemaError, json_schema, schema_names, schema_text

    if name is not None and name not in schema_names():
        raise InputError(say("schema_unknown", name=repr(name), names=", ".join(schema_names())))
    if list_:
        for known in schema_names():
            schema = json_schema(known)
            title = schema["title"] if lang == "en" else label(f"cli_schema_title_{known}", lang)
            click.echo(f"{known}\t{schema['$id']}\t{title}")
        return
    if check is not None:
        _check(check, name, strict, lang)
        return
    try:
        text = schema_text(name or "evaluation")
    except SchemaError as exc:  # pragma: no cover - the name was checked above
        raise InputError(str(exc)) from None
    try:
        write_text(text, output)
    except OSError as exc:
        raise InputError(say("cannot_be_written", output=output, reason=os_reason(exc))) from None
