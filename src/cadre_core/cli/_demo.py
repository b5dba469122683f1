"""``cadre demo``: evaluate the sample Lai Châu commune shipped with the package."""

from __future__ import annotations

import click

from cadre_core.cli._common import (
    InputError,
    _as_of,
    check_output,
    lang_option,
    output_format,
    progress_bars,
    table_json_option,
    tell,
)
from cadre_core.cli._evaluation_output import _emit
from cadre_core.cli._help import HelpCommand


@click.command("demo", cls=HelpCommand, help="cli_help_demo")
@click.option(
    "--as-of",
    "as_of",
    metavar="DAY",
    help="cli_help_demo_as_of",
)
@table_json_option
@click.option("--output", "-o", type=click.Path(), help="cli_help_demo_output")
@lang_option
def demo_command(as_of: str | None, fmt: str, output: str | None, lang: str) -> None:
    """``cadre demo`` (its help: the label ``cli_help_demo``); with ``--output``, the
    sample's report in the format the file's suffix names (``--format json`` too)."""
    from cadre_core.engine._pipeline import evaluate
    from cadre_core.plugins._host import PluginError
    from cadre_core.roster._roster import sample_roster
    from cadre_core.targets._params import ParameterError

    day = _as_of(as_of or "2026-12-31")
    if output:
        check_output(output, [])
        fmt = output_format(None if fmt == "table" else fmt, output)
    try:
        with progress_bars(lang, shown=fmt != "json"):
            ev = evaluate(sample_roster(), day)
    except (PluginError, ParameterError) as exc:
        raise InputError(tell(exc)) from None
    _emit(ev, fmt, output, lang)
