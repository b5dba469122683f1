"""``cadre validate``: read and check a roster, or suggest a layout profile for it."""

from __future__ import annotations

import click
from rich.table import Table

from cadre_core.cli._common import (
    InputError,
    _layout,
    _list_date,
    _problems_table,
    _read,
    _stderr,
    _stdout,
    check_output,
    layout_option,
    legacy_option,
    list_date_option,
    output_option,
    print_set_aside_and_not_read,
    rosters_argument,
    skip_option,
    strict_columns_option,
    write_text,
)


def _suggest(rosters: tuple[str, ...], layout: str | None, output: str | None) -> None:
    """Write a starter layout profile for ROSTER (``--suggest-layout``): one file at a time."""
    from cadre_core.roster._layout_suggest import suggest_layout

    if len(rosters) != 1:
        raise InputError("--suggest-layout reads one roster at a time; give one file or folder")
    roster = rosters[0]
    check_output(output, [roster, layout])
    found = suggest_layout(roster, _layout(layout))
    if found is None:
        raise InputError(f"{roster}: no roster table could be read to suggest a layout from")
    write_text(found, output)
    if output:
        _stderr().print(f"wrote {output}: check every line, then use --layout {output}")


@click.command("validate")
@rosters_argument
@legacy_option
@skip_option
@layout_option
@click.option(
    "--suggest-layout",
    is_flag=True,
    help="Write a starter layout profile (TOML) for ROSTER's unknown headers and values, "
    "with the best guesses and their scores, for a person to confirm.",
)
@output_option
@strict_columns_option
@list_date_option
def validate_command(
    roster: tuple[str, ...],
    legacy_text: str,
    skip_invalid: bool,
    layout: str | None,
    suggest_layout: bool,
    output: str | None,
    strict_columns: bool,
    list_date: str | None,
) -> None:
    """Read and check ROSTER (several, or a folder of workbooks: one province); print every
    problem (exit 2) or the row counts (exit 0)."""
    if suggest_layout:
        _suggest(roster, layout, output)
        return
    r = _read(
        roster,
        legacy_text,
        skip_invalid,
        _list_date(list_date),
        layout=_layout(layout),
        strict_columns=strict_columns,
    )
    console = _stdout()
    print_set_aside_and_not_read(r, console)
    warnings = [p for p in r.problems if p.severity != "error" and p not in r.not_read]
    if warnings:
        console.print(_problems_table(warnings, f"{len(warnings)} warning(s)"))
    console.print(f"[green]✓[/] {', '.join(roster)}: valid roster")
    table = Table(header_style="bold")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in r.row_counts().items():
        table.add_row(name, str(n))
    console.print(table)
