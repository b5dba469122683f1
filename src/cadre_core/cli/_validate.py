"""``cadre validate``: read and check a roster, or suggest a layout profile for it.

On a terminal (``--format table``) the problems are a table capped per kind (see
:func:`cadre_core.cli._common.problem_rows`), one problem per line when piped;
``--format json`` and ``--format csv`` list every problem, written in one pass. Under
``--pseudonymize`` (as ``cadre evaluate``) every problem has its raw cell withheld and its
texts scrubbed: no cadre id, full name or birth date of the list is quoted.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from types import SimpleNamespace
from typing import IO, Any

import click

from cadre_core.cli._common import (
    InputError,
    _layout,
    _list_date,
    _read,
    _stderr,
    _stdout,
    check_output,
    lang_option,
    layout_option,
    legacy_option,
    list_date_option,
    output_option,
    print_line,
    print_set_aside_and_not_read,
    rosters_argument,
    say,
    show_problems,
    skip_option,
    strict_columns_option,
    write_text,
)
from cadre_core.cli._evaluation_output import inert
from cadre_core.cli._help import HelpCommand
from cadre_core.cli._privacy import key_or_exit, pseudonym_options, pseudonymizer, withheld_paths
from cadre_core.vocab._labels import label
from cadre_core.vocab._tables import show_table

PROBLEM_FIELDS = (
    "file",
    "table",
    "row",
    "column",
    "value",
    "expected",
    "suggestion",
    "severity",
    "scope",
    "message",
)
"""The columns of ``cadre validate --format csv``: the fields of a problem, then the whole
problem as one sentence in the command's ``--lang`` (``message``)."""


def _open_output(output: str | None, stack: ExitStack) -> IO[str]:
    """The ``--output`` file, or standard output, as a UTF-8 text stream closed (standard
    output flushed and left open) when ``stack`` closes."""
    if output:
        return stack.enter_context(open(output, "w", encoding="utf-8", newline=""))
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (some embedding hosts)
        return sys.stdout
    sys.stdout.flush()
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    stack.callback(wrapper.detach)  # runs last: standard output stays open
    stack.callback(wrapper.flush)
    return wrapper


def _write_problems(
    fmt: str,
    output: str | None,
    problems: Sequence[Any],
    *,
    valid: bool,
    inputs: Sequence[str],
    tables: dict[str, dict[str, int]],
    lang: str = "vi",
) -> None:
    """Write every problem as JSON (with ``valid``, the inputs and, for a roster read, each
    table's accounting: rows read, kept, skipped, cells set aside) or as CSV (one line per
    problem, cells kept inert for spreadsheets); each problem's ``message`` in ``lang``."""
    with ExitStack() as stack:
        if fmt == "json":
            from cadre_core.engine._documents import validation_document
            from cadre_core.engine._json import dumps_bytes

            doc = validation_document(problems, inputs, valid=valid, tables=tables, lang=lang)
            write_text(dumps_bytes(doc, fast="problems", end="\n"), output)
            return
        stream = _open_output(output, stack)
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(PROBLEM_FIELDS)
        fields = PROBLEM_FIELDS[:-1]
        writer.writerows(
            [*(inert(getattr(p, field)) for field in fields), inert(p.describe(lang))]
            for p in problems
        )


def _suggest(
    rosters: tuple[str, ...], layout: str | None, output: str | None, lang: str = "vi"
) -> None:
    """Write a starter layout profile for ROSTER (``--suggest-layout``): one file at a time."""
    from cadre_core.roster._layout_suggest import suggest_layout

    if len(rosters) != 1:
        raise InputError(say("suggest_one"))
    roster = rosters[0]
    check_output(output, [roster, layout])
    found = suggest_layout(roster, _layout(layout))
    if found is None:
        raise InputError(say("suggest_nothing", roster=roster))
    write_text(found, output)
    if output:
        print_line(_stderr(), label("cli_suggested_layout", lang).format(path=output))


@click.command("validate", cls=HelpCommand, help="cli_help_validate")
@rosters_argument
@legacy_option
@skip_option
@layout_option
@click.option(
    "--suggest-layout",
    is_flag=True,
    help="cli_help_validate_suggest_layout",
)
@output_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="cli_help_validate_format",
)
@strict_columns_option
@list_date_option
@pseudonym_options
@lang_option
def validate_command(
    roster: tuple[str, ...],
    legacy_text: str,
    skip_invalid: bool,
    layout: str | None,
    suggest_layout: bool,
    output: str | None,
    fmt: str,
    strict_columns: bool,
    list_date: str | None,
    pseudonymize: bool,
    pseudonym_key: str | None,
    lang: str,
) -> None:
    """``cadre validate`` (its help: the label ``cli_help_validate``)."""
    if suggest_layout:
        if pseudonymize:  # the layout quotes the list's headers and values as written
            raise InputError(say("suggest_not_pseudonymized"))
        _suggest(roster, layout, output, lang)
        return
    if pseudonymize:  # (the key file is an input: never written over)
        check_output(output, [*roster, layout, pseudonym_key])
    key = key_or_exit(pseudonymize, pseudonym_key)
    inputs = withheld_paths(roster) if key is not None else list(roster)

    def refused(problems: Sequence[Any]) -> None:
        _write_problems(fmt, output, problems, valid=False, inputs=inputs, tables={}, lang=lang)

    r = _read(
        roster,
        legacy_text,
        skip_invalid,
        _list_date(list_date),
        layout=_layout(layout),
        strict_columns=strict_columns,
        withhold=key is not None,
        report=None if fmt == "table" else refused,
        lang=lang,
    )
    hider = pseudonymizer(key, r)
    shown = r if hider is None else _hidden(r, hider)
    inputs = list(roster) if hider is None else [hider.scrub(p) for p in roster]
    if fmt != "table":
        problems = [*shown.skipped, *shown.problems]
        tables = r.accounting()
        _write_problems(fmt, output, problems, valid=True, inputs=inputs, tables=tables, lang=lang)
        return
    console = _stdout()
    print_set_aside_and_not_read(shown, console, lang)
    warnings = [p for p in shown.problems if p.severity != "error" and p not in shown.not_read]
    if warnings:
        show_problems(warnings, label("cli_warnings", lang).format(n=len(warnings)), console, lang)
    print_line(console, f"✓ {label('cli_valid', lang)}: {', '.join(inputs)}")
    rows = [[label(f"roster_table_{name}", lang), n] for name, n in r.row_counts().items()]
    headers = [label("col_table", lang), label("cli_col_rows", lang)]
    show_table(label("cli_row_counts", lang), headers, rows, console=console)


def _hidden(roster: Any, hider: Any) -> Any:
    """What ``cadre validate`` says of ``roster`` under ``hider``'s pseudonyms: its
    problems, those of what was set aside and not read, each with its raw cell withheld
    and its texts scrubbed (as ``cadre evaluate`` says them)."""
    problems = [hider.problem(p) for p in roster.problems]
    not_read = [hider.problem(p) for p in roster.not_read]
    return SimpleNamespace(
        problems=problems, skipped=[hider.problem(p) for p in roster.skipped], not_read=not_read
    )
