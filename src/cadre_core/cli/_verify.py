"""``cadre verify``: re-run the evaluation a report was made from and compare."""

from __future__ import annotations

import sys

import click

from cadre_core.cli._common import (
    EXIT_NOT_MET,
    InputError,
    _layout,
    _read,
    _stdout,
    layout_option,
    legacy_option,
)


@click.command("verify")
@click.argument("report", type=click.Path())
@click.argument("roster", type=click.Path())
@legacy_option
@layout_option
def verify_command(report: str, roster: str, legacy_text: str, layout: str | None) -> None:
    """Re-run the evaluation a REPORT (json, html or xlsx) was made from on ROSTER.

    Exit 0 when the report still matches, 3 when it does not, 2 on bad input.
    """
    from cadre_core.plugins._host import PluginError
    from cadre_core.reports._audit import ReportError, extract
    from cadre_core.reports._audit import verify as check
    from cadre_core.targets._params import ParameterError

    try:
        doc = extract(report)
    except ReportError as exc:
        raise InputError(str(exc)) from None
    r = _read(roster, legacy_text, layout=_layout(layout))
    try:
        outcome = check(doc, r)
    except (ParameterError, PluginError) as exc:
        raise InputError(str(exc)) from None
    console = _stdout()
    if outcome.matches:
        console.print(f"[green]✓[/] {report} matches {roster} (as of {doc['as_of']})")
        return
    console.print(f"[red]✗[/] {report} no longer matches {roster}:")
    for d in outcome.differences:
        console.print(f"  - {d}")
    sys.exit(EXIT_NOT_MET)
