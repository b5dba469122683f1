"""``cadre validate``: read and check a roster."""

from __future__ import annotations

import click
from rich.table import Table

from cadre_core.cli._common import (
    _problems_table,
    _read,
    _stdout,
    legacy_option,
    print_set_aside_and_not_read,
    skip_option,
    strict_columns_option,
)


@click.command("validate")
@click.argument("roster", type=click.Path())
@legacy_option
@skip_option
@strict_columns_option
def validate_command(
    roster: str, legacy_text: str, skip_invalid: bool, strict_columns: bool
) -> None:
    """Read and check ROSTER; print every problem (exit 2) or the row counts (exit 0)."""
    r = _read(roster, legacy_text, skip_invalid, strict_columns)
    console = _stdout()
    print_set_aside_and_not_read(r, console)
    warnings = [p for p in r.problems if p.severity != "error" and p not in r.not_read]
    if warnings:
        console.print(_problems_table(warnings, f"{len(warnings)} warning(s)"))
    console.print(f"[green]✓[/] {roster}: valid roster")
    table = Table(header_style="bold")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in r.row_counts().items():
        table.add_row(name, str(n))
    console.print(table)
