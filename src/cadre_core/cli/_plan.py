"""``cadre plan``: the training plan of a roster."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, Any

import click

from cadre_core.cli._common import (
    InputError,
    _as_of,
    _layout,
    _read,
    check_output,
    lang_option,
    layout_option,
    list_date_option,
    list_day,
    output_format,
    params_option,
    print_reader_notes,
    progress_bars,
    report_format_option,
    report_output_option,
    say,
    skip_option,
    tell,
    whole_count,
    writing,
)
from cadre_core.cli._help import HelpCommand
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


def _province_budget(value: str | None) -> int | None:
    """``--province-budget 90000000000``: a whole, non-negative amount in VND a year."""
    if value is None:
        return None
    from cadre_core.planner._params import amount

    try:
        return amount(
            value.replace("_", "").replace(" ", ""), told_error(ValueError, "budget_amount")
        )
    except ValueError as exc:
        raise InputError(say("plan_province_budget", value=repr(value), why=tell(exc))) from None


@contextlib.contextmanager
def _scheduler(address: str | None, engine: str) -> Iterator[Any]:
    """The client of the Dask scheduler at ``address`` (``None`` without one), closed at
    the end; a scheduler that cannot be reached is bad input."""
    if address is None:
        yield None
        return
    if engine != "dask":
        raise InputError(say("plan_scheduler_local"))
    try:
        import distributed
    except ImportError:
        raise InputError(say("plan_dask_missing")) from None
    try:
        client = distributed.Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, ValueError, TypeError):
        raise InputError(say("plan_scheduler", value=repr(address))) from None
    with client:
        yield client


@contextlib.contextmanager
def _spool(wanted: bool) -> Iterator[IO[str] | None]:
    """A temporary file to hold a document meant for standard output until it is whole
    (``None`` when not ``wanted``)."""
    if not wanted:
        yield None
        return
    with tempfile.TemporaryFile("w+", encoding="utf-8") as handle:
        yield handle


@click.command("plan", cls=HelpCommand, help="cli_help_plan")
@click.argument("roster", type=click.Path())
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="cli_help_plan_as_of")
@click.option("--horizon", type=int, metavar="YEAR", help="cli_help_plan_horizon")
@click.option("--budget", metavar="VND|YEAR=VND,...", help="cli_help_plan_budget")
@click.option(
    "--province-budget",
    "province_budget",
    metavar="VND",
    help="cli_help_plan_province_budget",
)
@click.option("--workers", metavar="N", help="cli_help_plan_workers")
@click.option("--chunk", metavar="N", help="cli_help_plan_chunk")
@click.option("--engine", metavar="local|dask", help="cli_help_plan_engine")
@click.option("--scheduler", metavar="ADDRESS", help="cli_help_plan_scheduler")
@report_format_option
@report_output_option
@click.option("--plugin", "plugins", multiple=True, metavar="NAME", help="cli_help_plan_plugin")
@params_option
@lang_option
@layout_option
@list_date_option
@pseudonym_options
@skip_option
def plan_command(
    roster: str,
    as_of: str | None,
    horizon: int | None,
    budget: str | None,
    province_budget: str | None,
    workers: str | None,
    chunk: str | None,
    engine: str | None,
    scheduler: str | None,
    fmt: str | None,
    output: str | None,
    plugins: tuple[str, ...],
    params: str | None,
    lang: str,
    layout: str | None,
    list_date: str | None,
    pseudonymize: bool,
    pseudonym_key: str | None,
    skip_invalid: bool,
) -> None:
    """``cadre plan`` (its help: the label ``cli_help_plan``)."""
    from cadre_core.planner import _report
    from cadre_core.planner._parallel import CHUNK, ENGINES, planned
    from cadre_core.planner._result import merge_plans, write_plan_json
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
    province = _province_budget(province_budget)
    n_workers = whole_count(workers, "--workers")
    chunk_size = whole_count(chunk, "--chunk") or CHUNK
    engine = engine or ("dask" if scheduler else "local")
    if engine not in ENGINES:
        raise InputError(say("plan_engine", value=repr(engine)))
    key = key_or_exit(pseudonymize, pseudonym_key)
    with plugin_output():  # a plugin's layout hook may print: never into the JSON
        r = _read(
            roster,
            "error",
            skip_invalid,
            list_day(list_date, [day] if as_of else []),
            layout=_layout(layout, plugins),
            withhold=key is not None,
            lang=lang,
        )
    hider = pseudonymizer(key, r)
    print_reader_notes(r, hider, lang)
    with _spool(fmt == "json" and not output) as spool:
        try:  # progress bars on a terminal only, never over a document on standard output
            shown = bool(output) or fmt not in ("json", "csv")
            with (
                progress_bars(lang, shown=shown),
                plugin_output(None if hider is None else hider.scrub),
                _scheduler(scheduler, engine) as client,
                planned(
                    r,
                    as_of=day,
                    horizon=horizon,
                    budget=money,
                    plugins=plugins or None,
                    params_file=params,
                    workers=n_workers,
                    engine=engine,
                    client=client,
                    province_budget=province,
                    chunk_size=chunk_size,
                ) as parts,
            ):
                if hider is not None:
                    from cadre_core.planner._privacy import pseudonymize_plan

                    parts = (pseudonymize_plan(p, hider) for p in parts)
                if spool is not None:  # standard output: the document once it is whole
                    write_plan_json(parts, spool)
                elif fmt == "json":  # streamed to the file as communes are planned
                    from cadre_core.vocab._files import replacing

                    with (
                        writing(str(output)),
                        replacing(str(output)) as tmp,
                        open(tmp, "w", encoding="utf-8") as handle,
                    ):
                        write_plan_json(parts, handle)
                    return
                else:
                    result = merge_plans(list(parts))
        except (PluginError, ParameterError, ValueError) as exc:
            raise InputError(tell(exc) if hider is None else hider.scrub(tell(exc))) from None
        except ImportError:
            raise InputError(say("plan_dask_missing")) from None
        if spool is not None:
            spool.seek(0)
            shutil.copyfileobj(spool, sys.stdout)
            return
    if fmt in ("xlsx", "html", "pdf", "docx"):
        if not output:
            raise InputError(say("format_needs_output", fmt=fmt))
        from cadre_core.vocab._pdf import PdfUnavailable

        try:
            with writing(output):
                if fmt == "xlsx":
                    _report.write_xlsx(result, output)
                elif fmt == "html":
                    _report.write_html(result, output, lang)
                elif fmt == "docx":
                    from cadre_core.planner._docx import write_docx

                    write_docx(result, output, lang)
                else:
                    _report.write_pdf(result, output, lang)
        except PdfUnavailable as exc:
            raise InputError(tell(exc)) from None
        click.echo(label("cli_wrote", lang).format(path=output), err=True)
        return
    _report.print_table(result, lang)
