"""The ``cadre`` command line (see ``cli-contract.md``).

Exit codes: 0 success; 2 bad input (a message on standard error, never a traceback);
1 an internal error; 3 with ``--fail-on not-met`` when a target is not met.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.table import Table

from cadre_core.vocab._dates import parse_day

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_NOT_MET = 0, 1, 2, 3


class InputError(click.ClickException):
    """Bad input: exit 2 with a message."""

    exit_code = EXIT_INPUT

    def show(self, file: Any = None) -> None:
        click.echo(f"cadre: {self.message}", err=True)


def _stdout() -> Console:
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:  # piped output: wide enough for a readable table
        console = Console(highlight=False, soft_wrap=False, width=160)
    return console


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def _problems_table(problems: Sequence[Any], title: str) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold")
    for col in ("", "file", "table", "row", "column", "value", "expected", "suggestion"):
        table.add_column(col, overflow="fold")
    for p in problems:
        mark = "[red]✗[/]" if p.severity == "error" else "[yellow]![/]"
        table.add_row(
            mark,
            p.file,
            p.table or "",
            "" if p.row is None else str(p.row),
            p.column or "",
            "" if p.value is None else repr(p.value),
            p.expected,
            p.suggestion or "",
        )
    return table


def _read(path: str, legacy: str, skip_invalid: bool = False) -> Any:
    from cadre_core import RosterError, read_roster

    try:
        return read_roster(path, legacy=legacy, skip_invalid=skip_invalid)
    except RosterError as exc:
        errors = exc.errors
        console = _stderr()
        console.print(_problems_table(exc.problems, f"{len(errors)} problem(s) in {path}"))
        raise InputError(
            f"{path}: the roster is invalid ({len(errors)} problem(s)); see above"
        ) from None


def _as_of(value: str | None) -> dt.date:
    try:
        return parse_day(value, what="--as-of")
    except ValueError as exc:
        raise InputError(str(exc)) from None


skip_option = click.option(
    "--skip-invalid",
    is_flag=True,
    help="Set aside rows with errors (listed in every output) and use the rest.",
)

legacy_option = click.option(
    "--legacy-text",
    type=click.Choice(["error", "convert"]),
    default="error",
    show_default=True,
    help="What to do with text in the legacy TCVN3/VNI encodings.",
)


# Commands that live with their feature's package, imported only when used (the planner
# pulls in scipy): `cadre evaluate` does not pay for them.
LAZY_COMMANDS = {
    "plan": ("cadre_core.cli._plan", "plan_command"),
    "synth": ("cadre_core.cli._synth", "synth_command"),
    "new-plugin": ("cadre_core.scaffold", "new_plugin_command"),
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            import importlib

            module, attr = LAZY_COMMANDS[cmd_name]
            command: click.Command = getattr(importlib.import_module(module), attr)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cadre-core", prog_name="cadre")
def cli() -> None:
    """cadre: evaluate commune cadre-qualification targets (Lai Châu 05-NQ/TU and others)."""


@cli.command()
@click.argument("roster", type=click.Path())
@legacy_option
@skip_option
def validate(roster: str, legacy_text: str, skip_invalid: bool) -> None:
    """Read and check ROSTER; print every problem (exit 2) or the row counts (exit 0)."""
    r = _read(roster, legacy_text, skip_invalid)
    console = _stdout()
    if r.skipped:
        console.print(_problems_table(r.skipped, f"{len(r.skipped)} row(s) skipped"))
    warnings = [p for p in r.problems if p.severity != "error"]
    if warnings:
        console.print(_problems_table(warnings, f"{len(warnings)} warning(s)"))
    console.print(f"[green]✓[/] {roster}: valid roster")
    table = Table(header_style="bold")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in r.row_counts().items():
        table.add_row(name, str(n))
    console.print(table)


STATUS_STYLE = {"met": "green", "not_met": "red", "not_applicable": "dim"}
STATUS_VI = {"met": "đạt", "not_met": "chưa đạt", "not_applicable": "không áp dụng"}


def _print_table(ev: Any, lang: str) -> None:
    console = _stdout()
    for c in ev.communes:
        title = f"{c.commune} — {'as of' if lang == 'en' else 'tính đến'} {ev.as_of:%d/%m/%Y}"
        console.print(f"[bold]{title}[/]")
        table = Table(header_style="bold", show_lines=False)
        for col, just in (
            ("id", "left"),
            ("target" if lang == "en" else "chỉ tiêu", "left"),
            ("rule" if lang == "en" else "yêu cầu", "left"),
            ("n", "right"),
            ("ok", "right"),
            ("req.", "right"),
            ("short" if lang == "en" else "thiếu", "right"),
            ("status" if lang == "en" else "trạng thái", "left"),
            ("deadline" if lang == "en" else "thời hạn", "left"),
        ):
            table.add_column(col, justify=just)  # type: ignore[arg-type]
        for t in c.targets:
            status = t.status if lang == "en" else STATUS_VI[t.status]
            if t.overdue:
                status += " (overdue)" if lang == "en" else " (quá hạn)"
            if not t.attainable:
                status += " *"
            table.add_row(
                t.id,
                t.title.get(lang),
                t.rule.describe(lang),
                str(t.population),
                str(t.satisfied),
                str(t.required),
                str(t.shortfall),
                f"[{STATUS_STYLE[t.status]}]{status}[/]",
                f"{t.deadline:%d/%m/%Y}",
            )
        console.print(table)
        if c.unrated:
            label = "Unrated" if lang == "en" else "Chưa xếp loại"
            console.print(f"{label}: {', '.join(c.unrated)}")
        if c.findings:
            label = "Findings" if lang == "en" else "Phát hiện"
            console.print(f"{label}: {len(c.findings)}")


def _evaluate(
    roster: Any,
    as_of: dt.date,
    plugins: tuple[str, ...],
    params: str | None,
    by: str | None,
) -> Any:
    from cadre_core import ParameterError, PluginError, evaluate

    try:
        return evaluate(
            roster,
            as_of,
            plugins=plugins or None,
            params_file=params,
            by_commune=by == "commune",
        )
    except PluginError as exc:
        raise InputError(str(exc)) from None
    except ParameterError as exc:
        raise InputError(str(exc)) from None


def _evaluate_days(
    roster: Any,
    days: list[dt.date],
    plugins: tuple[str, ...],
    params: str | None,
    by: str | None,
    strict: bool = False,
) -> list[Any]:
    from cadre_core import ParameterError, PluginError, PluginHost, evaluate, make_plugin_manager

    try:
        host = PluginHost(make_plugin_manager(only=plugins or None), strict=strict or None)
        evs = [
            evaluate(roster, d, host=host, params_file=params, by_commune=by == "commune")
            for d in days
        ]
    except (PluginError, ParameterError) as exc:
        raise InputError(str(exc)) from None
    for warning in host.warnings:
        click.echo(f"cadre: warning: {warning}", err=True)
    return evs


def write_text(text: str | bytes, output: str | None) -> None:
    """Write ``text`` (or UTF-8 bytes) to the ``--output`` file, or to standard output
    without one."""
    if isinstance(text, bytes):
        buffer = getattr(sys.stdout, "buffer", None)
        if output:
            Path(output).write_bytes(text)
        elif buffer is None:  # a text-only stream (some embedding hosts)
            sys.stdout.write(text.decode("utf-8"))
        else:
            sys.stdout.flush()
            buffer.write(text)
            buffer.flush()
    elif output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _emit(ev: Any, fmt: str, output: str | None, lang: str) -> None:
    if fmt == "json":
        write_text(ev.to_json_bytes(), output)
        return
    if fmt in ("xlsx", "html"):
        if not output:
            raise InputError(f"--format {fmt} needs --output FILE")
        import importlib

        reports = importlib.import_module("cadre_core.reports")
        writer = reports.write_xlsx if fmt == "xlsx" else reports.write_html
        writer(ev, output, lang=lang, sections=reports.plugin_sections(ev))
        _stderr().print(f"wrote {output}")
        return
    _print_table(ev, lang)


def _key(path: str | None) -> bytes:
    from cadre_core.engine._privacy import PseudonymKeyError, load_key

    try:
        return load_key(path)
    except PseudonymKeyError as exc:
        raise InputError(str(exc)) from None


@cli.command()
@click.argument("roster", type=click.Path())
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    multiple=True,
    help="Day of the evaluation (default: today); repeat it for trend charts in xlsx/html.",
)
@click.option(
    "--plugin",
    "plugins",
    multiple=True,
    metavar="NAME",
    help="Use only this plugin (repeatable; default: all installed).",
)
@click.option("--params", type=click.Path(), help="TOML file of parameter overrides.")
@click.option("--by", type=click.Choice(["commune"]), help="One result per commune.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "xlsx", "html"]),
    help="Output format (default: table on a terminal, json otherwise).",
)
@click.option("--output", "-o", type=click.Path(), help="Write to this file.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option("--fail-on", type=click.Choice(["not-met"]), help="Exit 3 when a target is not met.")
@click.option(
    "--pseudonymize",
    is_flag=True,
    help="Replace names and birth dates in every output by keyed pseudonyms.",
)
@click.option(
    "--pseudonym-key",
    type=click.Path(),
    help="File holding the secret key (default: $CADRE_PSEUDONYM_KEY).",
)
@click.option("--strict", is_flag=True, help="Plugin warnings are errors (also CADRE_STRICT=1).")
@legacy_option
@skip_option
def evaluate(
    roster: str,
    as_of: tuple[str, ...],
    plugins: tuple[str, ...],
    params: str | None,
    by: str | None,
    fmt: str | None,
    output: str | None,
    lang: str,
    fail_on: str | None,
    pseudonymize: bool,
    pseudonym_key: str | None,
    strict: bool,
    legacy_text: str,
    skip_invalid: bool,
) -> None:
    """Evaluate every target of the selected plugins on ROSTER."""
    days = sorted({_as_of(d) for d in as_of}) or [_as_of(None)]
    key = _key(pseudonym_key) if pseudonymize else None
    r = _read(roster, legacy_text, skip_invalid)
    if r.skipped:
        _stderr().print(_problems_table(r.skipped, f"{len(r.skipped)} row(s) skipped"))
    evs = _evaluate_days(r, days, plugins, params, by, strict)
    if key is not None:
        from cadre_core.engine._privacy import pseudonymize as hide

        evs = [hide(e, key) for e in evs]
    ev = evs[-1]  # table and json show the last day; xlsx and html chart all of them
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    _emit(evs if fmt in ("xlsx", "html") and len(evs) > 1 else ev, fmt, output, lang)
    if fail_on == "not-met" and any(t.status == "not_met" for c in ev.communes for t in c.targets):
        sys.exit(EXIT_NOT_MET)


@cli.command()
@click.option(
    "--as-of", "as_of", metavar="YYYY-MM-DD", help="Day of the evaluation (default: 2026-12-31)."
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
def demo(as_of: str | None, fmt: str, lang: str) -> None:
    """Evaluate the sample Lai Châu commune shipped with the package."""
    from cadre_core import sample_roster

    day = _as_of(as_of or "2026-12-31")
    ev = _evaluate(sample_roster(), day, (), None, None)
    _emit(ev, fmt, None, lang)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def plugins(fmt: str) -> None:
    """List the installed plugins: version, targets, parameters and hooks."""
    from cadre_core import PluginError, PluginHost

    try:
        host = PluginHost()
        targets = host.targets()
        params = host.parameter_definitions()
    except PluginError as exc:
        raise InputError(str(exc)) from None
    data: list[dict[str, Any]] = []
    for info in host.plugins():
        data.append(
            {
                "name": info.name,
                "version": info.version,
                "targets": [t.id for p, t in targets if p == info.name],
                "parameters": [x.key for p, x in params if p == info.name],
                "hooks": list(info.hooks),
            }
        )
    if fmt == "json":
        sys.stdout.write(json.dumps({"plugins": data}, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title="cadre plugins", header_style="bold", show_lines=True)
    for col in ("name", "version", "targets", "parameters", "hooks"):
        table.add_column(col, overflow="fold")
    for d in data:
        table.add_row(
            d["name"],
            d["version"],
            ", ".join(d["targets"]),
            ", ".join(d["parameters"]),
            ", ".join(d["hooks"]),
        )
    _stdout().print(table)


@cli.command()
@click.argument("report", type=click.Path())
@click.argument("roster", type=click.Path())
@legacy_option
def verify(report: str, roster: str, legacy_text: str) -> None:
    """Re-run the evaluation a REPORT (json, html or xlsx) was made from on ROSTER.

    Exit 0 when the report still matches, 3 when it does not, 2 on bad input.
    """
    from cadre_core.reports._audit import ReportError, extract
    from cadre_core.reports._audit import verify as check

    try:
        doc = extract(report)
    except ReportError as exc:
        raise InputError(str(exc)) from None
    r = _read(roster, legacy_text)
    try:
        outcome = check(doc, r)
    except Exception as exc:
        from cadre_core import ParameterError, PluginError

        if isinstance(exc, (ParameterError, PluginError)):
            raise InputError(str(exc)) from None
        raise
    console = _stdout()
    if outcome.matches:
        console.print(f"[green]✓[/] {report} matches {roster} (as of {doc['as_of']})")
        return
    console.print(f"[red]✗[/] {report} no longer matches {roster}:")
    for d in outcome.differences:
        console.print(f"  - {d}")
    sys.exit(EXIT_NOT_MET)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Entry point of the ``cadre`` console script."""
    try:
        code = cli.main(
            args=list(argv) if argv is not None else None, prog_name="cadre", standalone_mode=False
        )
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code if isinstance(exc, InputError) else EXIT_INPUT)
    except click.exceptions.Abort:
        sys.exit(EXIT_INTERNAL)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:
        if os.environ.get("CADRE_DEBUG"):
            raise
        # the exception text may quote roster cells (personal data): name only its kind and place
        tb = exc.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        where = f" in {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}" if tb else ""
        click.echo(
            f"cadre: internal error: {type(exc).__name__}{where} (set CADRE_DEBUG=1 for details)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
