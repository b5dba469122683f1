"""``cadre demo``: evaluate the sample Lai Châu commune shipped with the package."""

from __future__ import annotations

import click

from cadre_core.cli._common import InputError, _as_of, lang_option, progress_bars, tell
from cadre_core.cli._evaluation_output import _emit


@click.command("demo")
@click.option(
    "--as-of",
    "as_of",
    metavar="DAY",
    help="Day of the evaluation, YYYY-MM-DD or DD/MM/YYYY (default: 2026-12-31).",
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
        with progress_bars(lang, shown=fmt != "json"):
            ev = evaluate(sample_roster(), day)
    except (PluginError, ParameterError) as exc:
        raise InputError(tell(exc)) from None
    _emit(ev, fmt, None, lang)
