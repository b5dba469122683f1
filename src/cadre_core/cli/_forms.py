"""``cadre forms``: the official reporting forms filled from a roster on a day."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

import click

from cadre_core.cli._common import (
    InputError,
    _as_of,
    _layout,
    _read,
    _stderr,
    _stdout,
    check_output,
    lang_option,
    layout_option,
    legacy_option,
    list_date_option,
    list_day,
    output_format,
    params_option,
    print_line,
    print_set_aside_and_not_read,
    progress_bars,
    say,
    skip_option,
    strict_columns_option,
    tell,
    write_text,
)
from cadre_core.cli._help import HelpCommand
from cadre_core.cli._privacy import key_or_exit, plugin_output, pseudonym_options, pseudonymizer
from cadre_core.vocab._labels import label
from cadre_core.vocab._progress import task


def _host(plugins: Sequence[str]) -> Any:
    from cadre_core.plugins._host import PluginError, PluginHost, make_plugin_manager

    try:
        return PluginHost(make_plugin_manager(only=plugins or None))
    except PluginError as exc:
        raise InputError(tell(exc)) from None


def _chosen(host: Any, codes: Sequence[str], lang: str) -> list[tuple[str, Any]]:
    """The forms asked for (every form without ``--form``), in the order asked; an
    unknown code is an :class:`InputError` naming the known ones."""
    from cadre_core.forms import UnknownFormError, choose_forms
    from cadre_core.plugins._host import PluginError

    try:
        return choose_forms(host.forms(), codes)
    except PluginError as exc:
        raise InputError(tell(exc)) from None
    except UnknownFormError as exc:
        known = ", ".join(exc.known)
        raise InputError(label("forms_unknown", lang).format(code=exc.code, known=known)) from None


def _list(host: Any, lang: str) -> None:
    """Every form the plugins declare: code, name, plugin and source."""
    console = _stdout()
    print_line(console, label("forms_list_title", lang))
    from cadre_core.plugins._loading import BUILTIN

    for plugin, form in _chosen(host, (), lang):
        name = form.name.get(lang) if form.name is not None else ""
        who = label("plugin_builtin", lang) if plugin == BUILTIN else plugin
        print_line(console, f"  {form.code}  {name} ({who}): {form.source}")


def _cell(value: Any, lang: str) -> str:
    """A cell on the terminal: a tick of a person's row as the printed form marks it in
    Vietnamese ("x" or nothing; ``True``/``False`` in English, as it always was)."""
    if value is None:
        return ""
    if isinstance(value, bool) and lang != "en":
        return "x" if value else ""
    return str(value)


def _print_forms(filled: Sequence[Any], lang: str) -> None:
    """Each form's cells on the terminal: its rows, per commune, by column number."""
    console = _stdout()
    for one in filled:
        print_line(console, " ".join(one.title(lang)) + f" ({one.form.code})")
        numbers = " | ".join(c.number for c in one.form.columns)
        for block in one.blocks:
            where = block.commune or label("forms_province", lang)
            print_line(console, f"  {where}: {numbers}")
            for row in block.rows:
                if not row.cells:
                    continue
                cells = " | ".join(_cell(v, lang) for v in row.cells)
                print_line(console, f"    {row.number} {row.label.get(lang)}: {cells}")


@click.command("forms", cls=HelpCommand, help="cli_help_forms")
@click.argument("roster", nargs=-1, type=click.Path())
@click.option(
    "--as-of",
    "as_of",
    metavar="DAY",
    help="cli_help_forms_as_of",
)
@click.option(
    "--form",
    "codes",
    multiple=True,
    metavar="CODE",
    help="cli_help_forms_form",
)
@click.option("--list", "listing", is_flag=True, help="cli_help_forms_list")
@click.option(
    "--by",
    type=click.Choice(["commune", "province"]),
    default="commune",
    help="cli_help_forms_by",
)
@click.option(
    "--plugin",
    "plugins",
    multiple=True,
    metavar="NAME",
    help="cli_help_plugin",
)
@params_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "xlsx", "html", "pdf", "docx"]),
    help="cli_help_forms_format",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(),
    help="cli_help_forms_output",
)
@lang_option
@pseudonym_options
@legacy_option
@skip_option
@layout_option
@strict_columns_option
@list_date_option
def forms_command(
    roster: tuple[str, ...],
    as_of: str | None,
    codes: tuple[str, ...],
    listing: bool,
    by: str,
    plugins: tuple[str, ...],
    params: str | None,
    fmt: str | None,
    output: str | None,
    lang: str,
    pseudonymize: bool,
    pseudonym_key: str | None,
    legacy_text: str,
    skip_invalid: bool,
    layout: str | None,
    strict_columns: bool,
    list_date: str | None,
) -> None:
    """``cadre forms`` (its help: the label ``cli_help_forms``)."""
    if listing:
        _list(_host(plugins), lang)
        return
    if not roster:
        raise InputError(label("forms_needs_roster", lang))
    check_output(output, [*roster, params, layout, pseudonym_key])
    fmt = output_format(fmt, output, refused=("csv",))
    if fmt in ("xlsx", "html", "pdf", "docx") and not output:
        raise InputError(say("format_needs_output", fmt=fmt))
    key = key_or_exit(pseudonymize, pseudonym_key)
    bars = functools.partial(progress_bars, lang, shown=bool(output) or fmt != "json")
    with bars(), plugin_output():
        r = _read(
            roster,
            legacy_text,
            skip_invalid,
            list_day(list_date, [_as_of(as_of)] if as_of else []),
            layout=_layout(layout, plugins),
            strict_columns=strict_columns,
            withhold=key is not None,
            lang=lang,
        )
    hider = pseudonymizer(key, r)
    shown: Any = r
    if hider is not None:
        from types import SimpleNamespace

        shown = SimpleNamespace(
            skipped=[hider.problem(p) for p in r.skipped],
            not_read=[hider.problem(p) for p in r.not_read],
        )
    print_set_aside_and_not_read(shown, _stderr(), lang)
    day = _as_of(as_of) if as_of else (r.list_date or _as_of(None))
    host = _host(plugins)
    chosen = _chosen(host, codes, lang)
    with bars():  # one step per form filled
        filled = _fill(host, r, day, params, chosen, by)
    if hider is not None:
        from cadre_core.forms import pseudonymize_forms

        filled = pseudonymize_forms(filled, hider)
    _emit(filled, fmt, output, lang, bars)


def _fill(
    host: Any, roster: Any, day: Any, params: str | None, chosen: list[Any], by: str
) -> list[Any]:
    """Each chosen form filled from the feature frame of ``day``, each commune's block
    then the province's total or the province's total alone (``by``)
    (:func:`cadre_core.forms.fill_forms`, as the service fills them)."""
    from cadre_core.forms import fill_forms
    from cadre_core.plugins._host import PluginError
    from cadre_core.targets._params import ParameterError

    try:
        with plugin_output(), task("progress_evaluating", len(chosen)) as advance:
            out = fill_forms(host, roster, day, chosen, params_file=params, advance=advance, by=by)
    except (PluginError, ParameterError) as exc:
        raise InputError(tell(exc)) from None
    for warning in host.warnings:
        click.echo(f"cadre: {say('prefix_warning')}{warning}", err=True)
    return out


def _emit(
    filled: list[Any],
    fmt: str,
    output: str | None,
    lang: str,
    bars: Callable[[], AbstractContextManager[None]],
) -> None:
    """The forms on the terminal (``table``), or written as ``fmt``
    (:func:`cadre_core.forms.render_forms`, under the progress ``bars``: a PDF one step
    per document) to ``output`` (JSON: perhaps standard output), a PDF by
    :func:`~cadre_core.forms.pdf_workers` processes."""
    if fmt == "table":
        _print_forms(filled, lang)
        return
    from cadre_core.forms import render_forms
    from cadre_core.vocab._pdf import PdfUnavailable

    sections: list[Any] = []
    if fmt != "json" and filled:  # what the reader set aside and did not read, in the notes
        from cadre_core.reports import not_read_section, skipped_section

        sections = [*skipped_section(filled[0], lang), *not_read_section(filled[0], lang)]
    try:
        with bars():
            data = render_forms(filled, fmt, lang=lang, sections=sections, workers=None)
    except PdfUnavailable as exc:
        raise InputError(tell(exc)) from None
    write_text(data, output)
    if fmt != "json":
        print_line(_stderr(), label("cli_wrote", lang).format(path=output))
