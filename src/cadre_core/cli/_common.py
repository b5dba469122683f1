"""What several ``cadre`` commands share: exit codes, the input error, consoles, the
problem table, reading a roster, ``--as-of``, writing output, the common options, and the
printing of an evaluation (``evaluate`` and ``demo``).

Only click, rich and the vocabulary are imported here; the stages a command needs are
imported inside the function that uses them, so that ``cadre --help`` stays light.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._labels import label

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_NOT_MET = 0, 1, 2, 3


class InputError(click.ClickException):
    """Bad input: exit 2 with a message."""

    exit_code = EXIT_INPUT

    def show(self, file: Any = None) -> None:
        """Print ``cadre: message`` on standard error."""
        click.echo(f"cadre: {self.message}", err=True)


def _stdout() -> Console:
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:  # piped output: wide enough for a readable table
        console = Console(highlight=False, soft_wrap=False, width=160)
    return console


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


PROBLEMS_PER_KIND = 10
"""Problems of one kind (file, table, column, what was expected) shown in a terminal
table; the rest of that kind are counted in one line."""

PROBLEMS_SHOWN = 200
"""At most this many problems in one terminal table (and as many lines counting the rest
of each kind); ``cadre validate --format json|csv`` lists every problem."""


def _kind(p: Any) -> tuple[Any, ...]:
    return (p.file, p.table, p.column, p.severity, p.scope, p.expected)


def _problems_table(
    problems: Sequence[Any],
    title: str,
    per_kind: int = PROBLEMS_PER_KIND,
    most: int = PROBLEMS_SHOWN,
) -> Table:
    """The problems as a rich table for a terminal: the first ``per_kind`` of each kind
    (file, table, column, what was expected), at most ``most`` in all, then one line per
    kind counting the rest ("… and 199,990 more in cadres.birth_date"): a roster with
    200,000 bad dates gives a table of a few lines, not 200,000 (the title and the caption
    give the totals)."""
    table = Table(title=title, show_lines=False, header_style="bold")
    for col in ("", "file", "table", "row", "column", "value", "expected", "suggestion"):
        table.add_column(col, overflow="fold")
    counts: dict[tuple[Any, ...], int] = {}
    shown: dict[tuple[Any, ...], int] = {}
    total = 0
    for p in problems:  # one pass, no row built for what is not shown
        key = _kind(p)
        n = counts[key] = counts.get(key, 0) + 1
        if n > per_kind or total >= most:
            continue
        shown[key] = shown.get(key, 0) + 1
        total += 1
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
    rest = [(key, n - shown.get(key, 0)) for key, n in counts.items() if n > shown.get(key, 0)]
    for (file, tab, column, _, _, expected), n in rest[:most]:
        where = ".".join(str(w) for w in (tab, column) if w) or str(file)
        table.add_row(
            "",
            file,
            tab or "",
            "",
            column or "",
            "",
            f"… and {n:,} more in {where}: {expected}",
            "",
        )
    if len(rest) > most:
        more = sum(n for _, n in rest[most:])
        table.add_row(
            "", "", "", "", "", "", f"… and {more:,} more of {len(rest) - most:,} other kinds", ""
        )
    if rest:
        hidden = sum(n for _, n in rest)
        table.caption = (
            f"{len(problems) - hidden:,} of {len(problems):,} problems shown; "
            "cadre validate --format json (or csv) lists every one"
        )
    return table


def _layout(file: str | None, plugins: Sequence[str] = (), keep_going: bool = False) -> Any:
    """The layout in force: the installed (or ``--plugin``) plugins' layouts combined, then
    the ``--layout`` file's; a bad layout or a clash is an :class:`InputError`.
    ``keep_going`` leaves out a failing plugin (the evaluation names it)."""
    from cadre_core.plugins._host import PluginError, PluginHost, make_plugin_manager
    from cadre_core.roster._layout import LayoutError, merge_layouts, read_layout

    try:
        own = read_layout(file) if file else None
        host = PluginHost(make_plugin_manager(only=plugins or None, keep_going=keep_going))
        return merge_layouts(host.without_failing(host.layouts, keep_going=keep_going), own)
    except (LayoutError, PluginError) as exc:
        raise InputError(str(exc)) from None


def _read(
    path: str | Sequence[str],
    legacy: str,
    skip_invalid: bool = False,
    list_date: str | None = None,
    layout: Any = None,
    strict_columns: bool = False,
    withhold: bool = False,
    report: Callable[[Sequence[Any]], None] | None = None,
) -> Any:
    """The roster at ``path`` (or, for several paths or a folder of workbooks, the
    province roster they make), read with ``layout`` (see :func:`_layout`); when it is
    invalid, its problems (their raw cells withheld with ``withhold``, under pseudonyms)
    given to ``report`` (by default, a table on standard error) and an
    :class:`InputError`."""
    from cadre_core.roster._problems import RosterError
    from cadre_core.roster._province import read_rosters

    paths = [path] if isinstance(path, str) else list(path)
    shown = ", ".join(paths)
    try:
        return read_rosters(
            paths,
            legacy=legacy,
            skip_invalid=skip_invalid,
            list_date=list_date,
            layout=layout,
            strict_columns=strict_columns,
        )
    except RosterError as exc:
        errors = exc.errors
        problems = exc.problems
        if withhold:
            from cadre_core.engine._privacy import withheld

            problems = tuple(withheld(p) for p in problems)
        if report is not None:
            report(problems)
        else:
            title = f"{len(errors)} problem(s) in {shown}"
            _stderr().print(_problems_table(problems, title))
        raise InputError(
            f"{shown}: the roster is invalid ({len(errors)} problem(s)); see above"
        ) from None


def _list_date(value: str | None) -> str | None:
    """The day of ``--list-date`` as ISO text; a bad day is an :class:`InputError`."""
    if value is None:
        return None
    try:
        return parse_day(value, what="--list-date").isoformat()
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _as_of(value: str | None) -> dt.date:
    """The day of ``--as-of`` (today without one); a bad day is an :class:`InputError`."""
    try:
        return parse_day(value, what="--as-of")
    except ValueError as exc:
        raise InputError(str(exc)) from None


def write_text(text: str | bytes, output: str | None) -> None:
    """Write ``text`` (or UTF-8 bytes) to the ``--output`` file, whole or not at all (see
    :func:`writing`), or to standard output without one."""
    if output:
        from cadre_core.vocab._files import write_atomic

        with writing(output):
            write_atomic(output, text)
    elif isinstance(text, bytes):
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream (some embedding hosts)
            sys.stdout.write(text.decode("utf-8"))
        else:
            sys.stdout.flush()
            buffer.write(text)
            buffer.flush()
    else:
        sys.stdout.write(text)


def _os_error(exc: BaseException) -> OSError | None:
    """The :class:`OSError` behind ``exc``: itself, its first argument (xlsxwriter wraps
    one so) or its cause; ``None`` when there is none."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError):
            return seen
        if seen.args and isinstance(seen.args[0], OSError):
            return seen.args[0]
        seen = seen.__cause__ or (None if seen.__suppress_context__ else seen.__context__)
    return None


@contextlib.contextmanager
def writing(output: str | Path) -> Iterator[None]:
    """Turn a failure to write ``output`` (no such folder, no permission, a full disk)
    into an :class:`InputError` naming the path and the reason (exit 2)."""
    try:
        yield
    except click.ClickException:
        raise
    except Exception as exc:
        error = _os_error(exc)
        if error is None:
            raise
        reason = error.strerror or type(error).__name__
        raise InputError(f"{output}: cannot write the output: {reason}") from None


def _same(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` (both resolved) are one file or folder: the same inode when
    both exist (hard links, case-insensitive file systems), else the same normalised path."""
    try:
        return a.samefile(b)
    except OSError:
        return os.path.normcase(a) == os.path.normcase(b)


def check_output(
    output: str | Path | None, inputs: Sequence[str | Path | None], *, folder: bool = False
) -> None:
    """Refuse (exit 2, with a sentence) an ``--output`` that would destroy an input or
    cannot be written: the path of an input, or a path inside an input folder (symlinks,
    ``..`` and letter case resolved); an existing folder (unless ``folder``); a missing
    parent folder; a parent that is not a writable folder. Called before the work starts."""
    if not output:
        return
    out = Path(output).expanduser().resolve()
    for given in inputs:
        if not given:
            continue
        source = Path(given).expanduser().resolve()
        if any(_same(p, source) for p in (out, *out.parents)):
            what = "is" if _same(out, source) else "is inside"
            raise InputError(
                f"{output}: the output {what} the input {given}; "
                "choose another output path (an input is never overwritten)"
            )
    if out.is_dir() and not folder:
        raise InputError(f"{output}: is a folder; give a file name for the output")
    if out.exists() and folder and not out.is_dir():
        raise InputError(f"{output}: is a file, not a folder")
    parent = out.parent
    if not parent.is_dir():
        raise InputError(
            f"{output}: the folder {parent} does not exist; create it first or choose another"
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"{output}: cannot write the output: the folder {parent} is read-only")


FORMAT_SUFFIXES = {
    ".json": "json",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}


def output_format(fmt: str | None, output: str | None) -> str:
    """The format of a report or plan: ``--format``, else the one the ``--output`` suffix
    names (``.json``, ``.xlsx``, ``.html``), else a table on a terminal and JSON
    otherwise. A ``--format`` that contradicts the suffix is an :class:`InputError`."""
    named = FORMAT_SUFFIXES.get(Path(output).suffix.lower()) if output else None
    if fmt is None:
        return named or ("table" if sys.stdout.isatty() else "json")
    if output and fmt == "table":
        raise InputError(
            f"--format table prints to the terminal and writes no file; for {output} "
            "give --format json, xlsx or html"
        )
    if named is not None and named != fmt:
        raise InputError(
            f"--format {fmt} contradicts the output name {output} (a .{named} file); "
            f"give --format {named}, or an output name ending in .{fmt}"
        )
    return fmt


skip_option = click.option(
    "--skip-invalid",
    is_flag=True,
    help="Set aside rows with errors (listed in every output) and use the rest.",
)

strict_columns_option = click.option(
    "--strict-columns",
    is_flag=True,
    help="A column that is not a header of its table is an error (default: listed as not read).",
)


def set_aside_title(problems: Sequence[Any]) -> str:
    """The title of the list of what ``--skip-invalid`` set aside: rows, cells, tables."""
    counts = {scope: sum(p.scope == scope for p in problems) for scope in ("cell", "table")}
    rows = len(problems) - sum(counts.values())
    return (
        f"skipped by --skip-invalid: {rows} row problem(s), {counts['cell']} cell(s), "
        f"{counts['table']} table(s)"
    )


def print_set_aside_and_not_read(roster: Any, console: Console) -> None:
    """List what ``--skip-invalid`` set aside and what was not read (columns, sheets)."""
    if roster.skipped:
        console.print(_problems_table(roster.skipped, set_aside_title(roster.skipped)))
    if roster.not_read:
        title = f"not read: {len(roster.not_read)} column(s) or sheet(s)"
        console.print(_problems_table(roster.not_read, title))


legacy_option = click.option(
    "--legacy-text",
    type=click.Choice(["error", "convert"]),
    default="error",
    show_default=True,
    help="What to do with damaged text: legacy TCVN3/VNI encodings, double-encoded UTF-8.",
)

list_date_option = click.option(
    "--list-date",
    "list_date",
    metavar="YYYY-MM-DD",
    help="The day a one-row-per-person list describes (default: the day its title names).",
)

rosters_argument = click.argument("roster", nargs=-1, required=True, type=click.Path())

lang_option = click.option(
    "--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True
)

layout_option = click.option(
    "--layout",
    type=click.Path(),
    metavar="FILE",
    help="TOML layout profile: this list's sheet names, headers and values mapped to "
    "canonical ones (docs/layouts.md); it wins over the plugins' layouts.",
)

params_option = click.option(
    "--params", type=click.Path(), help="TOML file of parameter overrides."
)

_OUTPUT_HELP = (
    "Write to this file, whole or not at all (never an input, never a folder; its folder "
    "must exist)."
)

output_option = click.option("--output", "-o", type=click.Path(), help=_OUTPUT_HELP)

report_output_option = click.option(
    "--output",
    "-o",
    type=click.Path(),
    help=f"{_OUTPUT_HELP} Its suffix (.json, .xlsx, .html, .pdf) gives the format when --format "
    "is not given; a --format that contradicts it is refused.",
)

report_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "xlsx", "html", "pdf"]),
    help="Output format (default: the one the --output suffix names, else table on a "
    "terminal and json otherwise).",
)


STATUS_STYLE = {"met": "green", "not_met": "red", "not_applicable": "dim"}


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
            status = label(t.status, lang).lower()
            if t.overdue:
                status += f" ({label('overdue', lang)})"
            if t.reason:
                status += f" ({label(t.reason, lang)})"
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
            heading = "Unrated" if lang == "en" else "Chưa xếp loại"
            console.print(f"{heading}: {', '.join(c.unrated)}")
        if c.findings:
            heading = "Findings" if lang == "en" else "Phát hiện"
            console.print(f"{heading}: {len(c.findings)}")


def _emit(ev: Any, fmt: str, output: str | None, lang: str) -> None:
    """Write an evaluation (or, for xlsx and html, several) in format ``fmt``."""
    if fmt == "json":
        write_text(ev.to_json_bytes(), output)
        return
    if fmt in ("xlsx", "html", "pdf"):
        if not output:
            raise InputError(f"--format {fmt} needs --output FILE")
        from cadre_core.reports import plugin_sections, write_html, write_pdf, write_xlsx
        from cadre_core.vocab._pdf import PdfUnavailable

        writer = {"xlsx": write_xlsx, "html": write_html, "pdf": write_pdf}[fmt]
        sections = plugin_sections(ev)
        try:
            with writing(output):
                writer(ev, output, lang=lang, sections=sections)
        except PdfUnavailable as exc:
            raise InputError(str(exc)) from None
        _stderr().print(f"wrote {output}")
        return
    _print_table(ev, lang)
