"""``cadre plan``: the training plan of a roster."""

from __future__ import annotations

import click

from cadre_core.cli._common import (
    InputError,
    _as_of,
    _layout,
    _read,
    check_output,
    lang_option,
    layout_option,
    output_format,
    params_option,
    progress_bars,
    report_format_option,
    report_output_option,
    say,
    skip_option,
    tell,
    write_text,
    writing,
)
from cadre_core.cli._privacy import key_or_exit, plugin_output, pseudonym_options, pseudonymizer
from cadre_core.vocab._labels import label
from cadre_core.vocab._told import told_error

#: The most years a plan may look ahead of its as-of day.
MAX_YEARS = 100


def _budget(value: str | None) -> int | dict[int, int] | None:
    """``--budget 500000000`` (every year) or ``--budget 2027=300000000,2028=400000000``:
    whole, non-negative amounts, each year once."""
    if value is None:
        return None
    from cadre_core.planner._params import amount

    text = value.replace("_", "").replace(" ", "")
    try:
        if "=" not in text:
            return amount(text, told_error(ValueError, "budget_amount"))
        out: dict[int, int] = {}
        for part in text.split(","):
            if part.count("=") != 1:
                raise told_error(ValueError, "budget_not_pair", part=repr(part))
            year, money = part.split("=")
            y = amount(year, told_error(ValueError, "budget_year"), least=1)
            if y in out:
                raise told_error(ValueError, "budget_year_twice", year=y)
            out[y] = amount(money, told_error(ValueError, "budget_amount_for", year=y))
        return out
    except ValueError as exc:
        raise InputError(
            tell(told_error(ValueError, "budget", value=repr(value), why=exc))
        ) from None


@click.command("plan")
@click.argument("roster", type=click.Path())
@click.option(
    "--as-of", "as_of", metavar="YYYY-MM-DD", help="Day the plan starts (default: today)."
)
@click.option("--horizon", type=int, metavar="YEAR", help="Last year (default: latest deadline).")
@click.option("--budget", metavar="VND|YEAR=VND,...", help="Yearly budget per commune.")
@report_format_option
@report_output_option
@click.option("--plugin", "plugins", multiple=True, metavar="NAME", help="Use only this plugin.")
@params_option
@lang_option
@layout_option
@pseudonym_options
@skip_option
def plan_command(
    roster: str,
    as_of: str | None,
    horizon: int | None,
    budget: str | None,
    fmt: str | None,
    output: str | None,
    plugins: tuple[str, ...],
    params: str | None,
    lang: str,
    layout: str | None,
    pseudonymize: bool,
    pseudonym_key: str | None,
    skip_invalid: bool,
) -> None:
    """Plan who to train in which programme and when so that every target is met."""
    from cadre_core.planner import _report, plan
    from cadre_core.plugins._host import PluginError
    from cadre_core.targets._params import ParameterError

    check_output(output, [roster, params, layout, pseudonym_key])
    fmt = output_format(fmt, output)
    day = _as_of(as_of)
    if horizon is not None and horizon < day.year:
        raise InputError(say("horizon_before", horizon=horizon))
    if horizon is not None and horizon > day.year + MAX_YEARS:
        raise InputError(say("horizon_far", horizon=horizon, years=MAX_YEARS))
    money = _budget(budget)
    key = key_or_exit(pseudonymize, pseudonym_key)
    with plugin_output():  # a plugin's layout hook may print: never into the JSON
        r = _read(
            roster,
            "error",
            skip_invalid,
            layout=_layout(layout, plugins),
            withhold=key is not None,
            lang=lang,
        )
    hider = pseudonymizer(key, r)
    try:  # progress bars on a terminal only, never over a document on standard output
        shown = bool(output) or fmt not in ("json", "csv")
        with (
            progress_bars(lang, shown=shown),
            plugin_output(None if hider is None else hider.scrub),
        ):
            result = plan(
                r,
                as_of=day,
                horizon=horizon,
                budget=money,
                plugins=plugins or None,
                params_file=params,
            )
    except (PluginError, ParameterError, ValueError) as exc:
        raise InputError(tell(exc) if hider is None else hider.scrub(tell(exc))) from None
    if hider is not None:
        from cadre_core.planner._privacy import pseudonymize_plan

        result = pseudonymize_plan(result, hider)
    if fmt == "json":
        write_text(result.to_json(), output)
        return
    if fmt in ("xlsx", "html", "pdf"):
        if not output:
            raise InputError(say("format_needs_output", fmt=fmt))
        from cadre_core.vocab._pdf import PdfUnavailable

        try:
            with writing(output):
                if fmt == "xlsx":
                    _report.write_xlsx(result, output)
                elif fmt == "html":
                    _report.write_html(result, output, lang)
                else:
                    _report.write_pdf(result, output, lang)
        except PdfUnavailable as exc:
            raise InputError(tell(exc)) from None
        click.echo(label("cli_wrote", lang).format(path=output), err=True)
        return
    _report.print_table(result, lang)
