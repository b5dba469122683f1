"""``cadre synth``: write a synthetic roster of N communes (for benchmarks and demos)."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import click

from cadre_core.cli._common import (
    InputError,
    check_output,
    count,
    lang_option,
    say,
    writing,
)
from cadre_core.cli._help import HelpCommand
from cadre_core.vocab._labels import fmt_decimal, label


@click.command("synth", cls=HelpCommand, help="cli_help_synth")
@click.option("--communes", type=click.IntRange(min=1), default=1, show_default=True,
              help="cli_help_synth_communes")  # fmt: skip
@click.option("--seed", type=int, default=0, show_default=True, help="cli_help_synth_seed")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "xlsx"]), default=None,
              help="cli_help_synth_format")  # fmt: skip
@click.argument("out", type=click.Path(path_type=Path))
@lang_option
def synth_command(communes: int, seed: int, fmt: str | None, out: Path, lang: str) -> None:
    """``cadre synth`` (its help: the label ``cli_help_synth``)."""
    from cadre_core.roster._synth import synth_roster  # pandas: not for ``cadre --help``

    if fmt is None:
        fmt = "xlsx" if out.suffix.lower() == ".xlsx" else "parquet"
    if fmt == "xlsx" and communes > 50:
        raise click.UsageError(say("synth_xlsx_large"))
    if fmt == "xlsx":
        check_output(out, [])
    elif out.exists() and not out.is_dir():
        raise InputError(say("synth_file", out=out, fmt=fmt))
    start = time.perf_counter()
    roster = synth_roster(communes, seed, validate=False, name=out.stem)
    with writing(out):
        roster.write(out, format=fmt)
    counts = roster.row_counts()
    seconds = fmt_decimal(Decimal(f"{time.perf_counter() - start:.1f}"), lang)
    text = label("cli_synth_done", lang).format(
        communes=count(communes, lang),
        cadres=count(counts["cadres"], lang),
        rows=count(sum(counts.values()), lang),
        out=out,
        fmt=fmt,
        seconds=seconds,
    )
    click.echo(text)
