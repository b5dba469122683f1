"""``cadre validate``: read and check a roster."""

from __future__ import annotations

import click
from rich.table import Table

from cadre_core.cli._common import (
    _list_date,
    _problems_table,
    _read,
    _stdout,
    legacy_option,
    list_date_option,
    rosters_argument,
    skip_option,
)


@click.command("validate")
@rosters_argument
@legacy_option
@skip_option
@list_date_option
def validate_command(
    roster: tuple[str, ...], legacy_text: str, skip_invalid: bool, list_date: str | None
) -> None:
    """Read and check ROSTER (several, or a folder of workbooks: one province); print every
    problem (exit 2) or the row counts (exit 0)."""
    r = _read(roster, legacy_text, skip_invalid, _list_date(list_date))
    console = _stdout()
    if r.skipped:
        console.print(_problems_table(r.skipped, f"{len(r.skipped)} row(s) skipped"))
    warnings = [p for p in r.problems if p.severity != "error"]
    if warnings:
        console.print(_problems_table(warnings, f"{len(warnings)} warning(s)"))
    console.print(f"[green]✓[/] {', '.join(roster)}: valid roster")
    table = Table(header_style="bold")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in r.row_counts().items():
        table.add_row(name, str(n))
    console.print(table)
