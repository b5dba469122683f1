"""``cadre evaluate``: evaluate every target of the selected plugins on a roster."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import click

from cadre_core.cli._common import (
    EXIT_NOT_MET,
    InputError,
    _as_of,
    _layout,
    _list_date,
    _read,
    check_output,
    current_lang,
    lang_option,
    layout_option,
    legacy_option,
    list_date_option,
    list_day,
    output_format,
    params_option,
    print_reader_notes,
    progress_bars,
    report_format_option,
    report_output_option,
    rosters_argument,
    say,
    skip_option,
    strict_columns_option,
    tell,
    whole_count,
    writing,
)
from cadre_core.cli._evaluation_output import _emit
from cadre_core.cli._help import HelpCommand
from cadre_core.cli._privacy import key_or_exit, plugin_output, pseudonym_options, pseudonymizer
from cadre_core.vocab._progress import task


def _evaluate_days(
    roster: Any,
    days: list[dt.date],
    plugins: tuple[str, ...],
    params: str | None,
    by: str | None,
    strict: bool = False,
    keep_going: bool = False,
    overrides: dict[str, Any] | None = None,
    scrub: Callable[[str], str] = str,
    features_of: str = "every",
) -> list[Any]:
    """One evaluation per day, the plugins loaded once and what does not depend on the day
    computed once (:func:`~cadre_core.engine.evaluate_days`); their warnings on standard
    error. ``overrides`` are parameter values given as arguments (``cadre verify``).

    With ``keep_going`` a failing plugin is left out of every day (the days are evaluated
    again when it fails on a later one), and named on standard error. What a plugin says
    (warnings, errors) goes through ``scrub`` (under pseudonyms: no id, name or birth
    date of the roster)."""
    from cadre_core.cli._trend_json import error_sentence, plugin_host, stopping_errors
    from cadre_core.engine._pipeline import evaluate_days

    try:
        host = plugin_host(plugins, strict, keep_going)
        with task("progress_days", len(days)) as advance:
            shown = [0]  # a pass that starts again without a failing plugin: the bar stays full

            def step(n: int) -> None:
                if shown[0] < len(days):
                    shown[0] += n
                    advance(n)

            # with keep_going, a plugin failing on any day is left out of every day
            evs = evaluate_days(
                roster,
                days,
                host=host,
                params_file=params,
                params=overrides,
                by_commune=by == "commune",
                keep_going=keep_going,
                on_day=step,
                features_of=features_of,
            )
    except stopping_errors() as exc:
        raise InputError(scrub(error_sentence(exc, current_lang(), keep_going))) from None
    plugin_warnings(host.warnings, scrub)
    for error in host.failures:
        click.echo(f"cadre: {say('prefix_left_out')}{scrub(tell(error))}", err=True)
    return evs


def _sha256_if_read(path: str | None) -> str | None:
    """The SHA-256 of a parameter file for the audit, ``None`` when it cannot be read:
    the evaluation, which reads it next, then stops with the sentence that says why."""
    from cadre_core.reports._audit import file_sha256

    if path is None:
        return None
    try:
        return file_sha256(path)
    except OSError:
        return None


def plugin_warnings(warnings: list[str], scrub: Callable[[str], str]) -> None:
    """The plugins' warnings on standard error (through ``scrub``: under pseudonyms)."""
    for warning in warnings:
        click.echo(f"cadre: {say('prefix_warning')}{scrub(str(warning))}", err=True)


def one_commune(evs: list[Any], commune: str | None) -> list[Any]:
    """The evaluations kept to ``commune``'s results (``--commune``: a commune's detailed
    report from a province roster); an unknown commune is an :class:`InputError`."""
    if commune is None:
        return evs
    import attrs

    known = [c.commune for c in evs[-1].communes]
    if commune not in known:
        shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
        raise InputError(say("no_such_commune", commune=repr(commune), shown=shown))
    return [
        attrs.evolve(e, communes=tuple(c for c in e.communes if c.commune == commune)) for e in evs
    ]


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _without_cyclic_gc(command: Callable[_P, _R]) -> Callable[_P, _R]:
    """``command`` run with Python's cyclic garbage collector paused
    (:func:`cadre_core.vocab._gc.paused_gc`), and restored when it ends.

    A national evaluation builds about a million objects, and the collector walks them
    again and again (0.37 s of its 6 CPU seconds, 0.19 s of it in one pass over the
    finished results) to find reference cycles there are almost none of: one collection at
    the end finds about 3,000 unreachable objects, and the process peaks at the same memory
    with the collector paused (a trend of four national days as well). Reference counting
    still frees everything else at once.
    """

    @functools.wraps(command)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        from cadre_core.vocab._gc import paused_gc

        with paused_gc():
            return command(*args, **kwargs)

    return run


@click.command("evaluate", cls=HelpCommand, help="cli_help_evaluate")
@rosters_argument
@click.option(
    "--as-of",
    "as_of",
    metavar="DAY",
    multiple=True,
    help="cli_help_evaluate_as_of",
)
@click.option(
    "--plugin",
    "plugins",
    multiple=True,
    metavar="NAME",
    help="cli_help_plugin",
)
@params_option
@click.option("--by", type=click.Choice(["commune"]), help="cli_help_evaluate_by")
@click.option(
    "--commune",
    metavar="NAME",
    help="cli_help_evaluate_commune",
)
@report_format_option
@report_output_option
@lang_option
@click.option("--fail-on", type=click.Choice(["not-met"]), help="cli_help_evaluate_fail_on")
@pseudonym_options
@click.option("--strict", is_flag=True, help="cli_help_evaluate_strict")
@click.option(
    "--keep-going",
    is_flag=True,
    help="cli_help_evaluate_keep_going",
)
@click.option(
    "--workers",
    metavar="N",
    help="cli_help_evaluate_workers",
)
@legacy_option
@skip_option
@layout_option
@strict_columns_option
@list_date_option
@_without_cyclic_gc
def evaluate_command(
    roster: tuple[str, ...],
    as_of: tuple[str, ...],
    plugins: tuple[str, ...],
    params: str | None,
    by: str | None,
    commune: str | None,
    fmt: str | None,
    output: str | None,
    lang: str,
    fail_on: str | None,
    pseudonymize: bool,
    pseudonym_key: str | None,
    strict: bool,
    keep_going: bool,
    workers: str | None,
    legacy_text: str,
    skip_invalid: bool,
    layout: str | None,
    strict_columns: bool,
    list_date: str | None,
) -> None:
    """``cadre evaluate`` (its help: the label ``cli_help_evaluate``)."""
    check_output(output, [*roster, params, layout, pseudonym_key])
    fmt = output_format(fmt, output, refused=())
    key = key_or_exit(pseudonymize, pseudonym_key)
    # progress bars on a terminal only, never over a document written to standard output
    bars = functools.partial(progress_bars, lang, shown=bool(output) or fmt not in ("json", "csv"))
    given = sorted({_as_of(d) for d in as_of})
    with bars(), plugin_output():  # a plugin's layout hook may print: never into the JSON
        r = _read(
            roster,
            legacy_text,
            skip_invalid,
            list_day(list_date, given),
            layout=_layout(layout, plugins, keep_going),
            strict_columns=strict_columns,
            withhold=key is not None,
            lang=lang,
        )
    hider = pseudonymizer(key, r)
    scrub: Callable[[str], str] = str if hider is None else hider.scrub
    # a list is a snapshot: without --as-of it is evaluated on its own day
    days = given or [r.list_date or _as_of(None)]

    print_reader_notes(r, hider, lang)
    by = "commune" if commune is not None else by
    from cadre_core.cli._trend_json import DayRun, not_met, trend_workers, write_trend_json
    from cadre_core.reports._audit import audit_options, file_sha256

    options = audit_options(  # how the roster was read and the report made, for `cadre verify`
        r,
        days,
        skip_invalid=skip_invalid,
        legacy_text=legacy_text,
        strict_columns=strict_columns,
        list_date=_list_date(list_date),
        layout_sha256=file_sha256(layout) if layout else None,
        params_sha256=_sha256_if_read(params),
        plugins=list(plugins),
        by=by,
        commune=commune,
        keep_going=keep_going,
        lang=lang,
        pseudonymized=key is not None,
    )
    run = DayRun(plugins, params, by, strict, options, hider)
    n_workers = whole_count(workers, "--workers")
    if fmt == "json" and output and len(days) > 1 and commune is None and not keep_going:
        # a trend's document: written day by day, by several processes on a large roster
        workers_used = trend_workers(n_workers, len(days), len(r.cadres))
        with (
            bars(),
            plugin_output(scrub),
            writing(output),
            task("progress_days", len(days)) as advance,
        ):
            written = write_trend_json(
                r, days, output, run, lang=lang, workers=workers_used, scrub=scrub, on_day=advance
            )
        plugin_warnings(written.warnings, scrub)
        if fail_on == "not-met" and written.last_not_met:
            sys.exit(EXIT_NOT_MET)
        return
    if n_workers is not None and n_workers > 1:
        click.echo(f"cadre: {say('prefix_warning')}{say('workers_unused')}", err=True)
    with bars(), plugin_output(scrub):  # what plugins print goes to standard error
        # a trend's earlier days are read for their results only (reports, JSON): their
        # feature frames go as soon as the next day is done
        evs = _evaluate_days(
            r, days, plugins, params, by, strict, keep_going, scrub=scrub, features_of="last"
        )
    evs = [run.finished(e) for e in one_commune(evs, commune)]
    ev = evs[-1]  # --fail-on looks at the last day; every output shows every day
    if fmt in (
        "xlsx",
        "html",
        "pdf",
        "docx",
    ):  # plugins explain and add sections while it is written
        with bars(), plugin_output(scrub):
            _emit(evs, fmt, output, lang)
    else:
        _emit(evs, fmt, output, lang)
    if fail_on == "not-met" and not_met(ev):
        sys.exit(EXIT_NOT_MET)
