"""``cadre demo``: evaluate the sample Lai Châu commune shipped with the package."""

from __future__ import annotations

import click

from cadre_core.cli._common import InputError, _as_of, _emit, lang_option


@click.command("demo")
@click.option(
    "--as-of", "as_of", metavar="YYYY-MM-DD", help="Day of the evaluation (default: 2026-12-31)."
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@lang_option
def demo_command(as_of: str | None, fmt: str, lang: str) -> None:
    """Evaluate the sample Lai Châu commune shipped with the package."""
    from cadre_core.engine._pipeline import evaluate
    from cadre_core.plugins._host import PluginError
    from cadre_core.roster._roster import sample_roster
    from cadre_core.targets._params import ParameterError

    day = _as_of(as_of or "2026-12-31")
    try:
        ev = evaluate(sample_roster(), day)
    except (PluginError, ParameterError) as exc:
        raise InputError(str(exc)) from None
    _emit(ev, fmt, None, lang)
