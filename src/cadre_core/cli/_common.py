"""What several ``cadre`` commands share: exit codes, the input error, consoles, the
problem table, reading a roster, ``--as-of``, writing output, the common options and the
progress bars. How an evaluation is printed or written (``evaluate`` and ``demo``) is
:mod:`cadre_core.cli._evaluation_output`.

Only click and the vocabulary are imported here; rich and the stages a command needs are
imported inside the function that uses them, so that ``cadre --help`` stays light and a
command that prints nothing on a terminal does not pay for rich.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cadre_core.cli._help import env_lang
from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._labels import label
from cadre_core.vocab._told import told

if TYPE_CHECKING:
    from rich.console import Console

    from cadre_core.roster._list_title import Undated

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_NOT_MET = 0, 1, 2, 3

_F = TypeVar("_F", bound=Callable[..., Any])


_LANG = ["vi"]


def current_lang() -> str:
    """The ``--lang`` of the command that is running (Vietnamese, the default, until its
    options are read, and for a command without the option)."""
    return _LANG[0]


def _remember_lang(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Keep ``--lang`` for the sentences the command and :func:`cadre_core.cli.main` say."""
    _LANG[0] = value
    return value


def say(key: str, **args: object) -> str:
    """The command-line sentence ``cli_<key>`` in the running command's language.

    >>> _LANG[0] = "vi"  # (what the command's --lang option keeps)
    >>> say("format_needs_output", fmt="pdf")
    '--format pdf cần --output TỆP.pdf'
    """
    return label(f"cli_{key}", current_lang()).format(**args)


def tell(error: BaseException) -> str:
    """An error in the running command's language: its sentence in the label table when
    it carries one (:func:`cadre_core.vocab._told.told`), else its own text."""
    return told(error, current_lang())


def whole_count(value: str | None, option: str) -> int | None:
    """``--workers 4``, ``--chunk 64``: a whole number, at least 1 (``None`` when the
    option is not given); anything else is an :class:`InputError` naming the option.

    >>> whole_count("4", "--workers"), whole_count(None, "--workers")
    (4, None)
    """
    if value is None:
        return None
    text = value.strip()
    if not text.isdigit() or int(text) < 1:
        raise InputError(say("count", option=option, value=repr(value)))
    return int(text)


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in the running command's language.

    >>> import errno
    >>> _LANG[0] = "vi"
    >>> os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    'không có thư mục hoặc tệp này'
    """
    import errno as codes

    reason = error.strerror or type(error).__name__
    name = codes.errorcode.get(error.errno or 0, "")
    if name in ("ENOENT", "EACCES", "EPERM", "ENOSPC", "EROFS", "EISDIR", "ENOTDIR"):
        return reason if current_lang() == "en" else say(f"os_{name}")
    return say("os_other", errno=name or error.errno, reason=reason)


class InputError(click.ClickException):
    """Bad input: exit 2 with a message."""

    exit_code = EXIT_INPUT

    def show(self, file: Any = None) -> None:
        """Print ``cadre: message`` on standard error."""
        click.echo(f"cadre: {self.message}", err=True)


def _stdout() -> Console:
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:  # piped output: wide enough for a readable table
        console = Console(highlight=False, soft_wrap=False, width=160)
    return console


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def print_line(console: Console, text: str) -> None:
    """One line of plain text (a message naming files, an entry of a list) as it is: rich
    never breaks it at the console's width, so on a pipe each message stays one line for
    whatever reads it (a script, ``grep``, a log); a terminal folds it itself."""
    console.print(text, markup=False, highlight=False, soft_wrap=True)


PROBLEMS_PER_KIND = 10
"""Problems of one kind (file, table, column, what was expected) shown in a terminal
table; the rest of that kind are counted in one line."""

PROBLEMS_SHOWN = 200
"""At most this many problems in one terminal table (and as many lines counting the rest
of each kind); ``cadre validate --format json|csv`` lists every problem."""


def _kind(p: Any) -> tuple[Any, ...]:
    return (p.file, p.table, p.column, p.severity, p.scope, p.expected)


def count(n: int, lang: str = "vi") -> str:
    """A count with thousands grouped as the language writes them.

    >>> count(4990), count(4990, "en")
    ('4.990', '4,990')
    """
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text


def problem_rows(
    problems: Sequence[Any],
    lang: str = "vi",
    per_kind: int = PROBLEMS_PER_KIND,
    most: int = PROBLEMS_SHOWN,
) -> tuple[list[str], list[list[object]], str | None]:
    """The headers, rows and caption of a problems table: the first ``per_kind`` of each
    kind (file, table, column, what was expected), at most ``most`` in all, then one line
    per kind counting the rest ("… and 199,990 more in cadres.birth_date"): a roster with
    200,000 bad dates gives a table of a few lines, not 200,000 (the title and the caption
    give the totals). The caption is ``None`` when every problem is shown."""
    headers = [
        label(k, lang)
        for k in (
            "cli_col_mark",
            "col_file",
            "col_table",
            "col_row",
            "col_column",
            "col_value",
            "cli_col_expected",
            "cli_col_suggestion",
        )
    ]
    from rich.text import Text

    marks = {
        "error": Text(label("cli_mark_error", lang), style="red"),
        "warning": Text(label("cli_mark_warning", lang), style="yellow"),
    }
    from cadre_core.roster._problems import column_words, file_words, table_words

    rows: list[list[object]] = []
    counts: dict[tuple[Any, ...], int] = {}
    shown: dict[tuple[Any, ...], int] = {}
    first: dict[tuple[Any, ...], Any] = {}
    total = 0
    for p in problems:  # one pass, no row built for what is not shown
        key = _kind(p)
        n = counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, p)
        if n > per_kind or total >= most:
            continue
        shown[key] = shown.get(key, 0) + 1
        total += 1
        rows.append(
            [
                marks["error" if p.severity == "error" else "warning"],
                file_words(p.file, lang),
                table_words(p.table, lang),
                "" if p.row is None else str(p.row),
                column_words(p.table, p.column, lang),
                "" if p.value is None else repr(p.value),
                p.expectation(lang),
                p.hint(lang) or "",
            ]
        )
    rest = [(key, n - shown.get(key, 0)) for key, n in counts.items() if n > shown.get(key, 0)]
    for key, n in rest[:most]:
        file, tab, column = key[:3]
        # the column as the row beside it names it (its header, in the output's language)
        where = (
            column_words(tab, column, lang) or table_words(tab, lang) or file_words(file, lang)
            if lang != "en"
            else ".".join(str(w) for w in (tab, column) if w) or str(file)
        )
        more = label("cli_more_of_kind", lang).format(
            n=count(n, lang), where=where, expected=first[key].expectation(lang)
        )
        rows.append(
            [
                "",
                file_words(file, lang),
                table_words(tab, lang),
                "",
                column_words(tab, column, lang),
                "",
                more,
                "",
            ]
        )
    if len(rest) > most:
        more_n = sum(n for _, n in rest[most:])
        text = label("cli_more_kinds", lang).format(
            n=count(more_n, lang), kinds=count(len(rest) - most, lang)
        )
        rows.append(["", "", "", "", "", "", text, ""])
    caption = None
    if rest:
        hidden = sum(n for _, n in rest)
        caption = label("cli_shown_of", lang).format(
            shown=count(len(problems) - hidden, lang), total=count(len(problems), lang)
        )
    return headers, rows, caption


def show_problems(problems: Sequence[Any], title: str, console: Console, lang: str = "vi") -> None:
    """Print the problems (see :func:`problem_rows`) with :func:`show_table` on
    ``console``: a table on a terminal, one problem per line otherwise."""
    from cadre_core.vocab._tables import show_table

    headers, rows, caption = problem_rows(problems, lang)
    show_table(title, headers, rows, console=console)
    if caption:
        console.file.write(f"{caption}\n")
        console.file.flush()


def _layout(file: str | None, plugins: Sequence[str] = (), keep_going: bool = False) -> Any:
    """The layout in force: the installed (or ``--plugin``) plugins' layouts combined, then
    the ``--layout`` file's; a bad layout or a clash is an :class:`InputError`.
    ``keep_going`` leaves out a failing plugin (the evaluation names it)."""
    from cadre_core.engine._documents import layout_in_force
    from cadre_core.plugins._host import PluginError
    from cadre_core.roster._layout import LayoutError

    try:
        return layout_in_force(file, plugins, keep_going)
    except (LayoutError, PluginError) as exc:
        raise InputError(tell(exc)) from None


def _read(
    path: str | Sequence[str],
    legacy: str,
    skip_invalid: bool = False,
    list_date: str | Undated | None = None,
    layout: Any = None,
    strict_columns: bool = False,
    withhold: bool = False,
    report: Callable[[Sequence[Any]], None] | None = None,
    lang: str = "vi",
) -> Any:
    """The roster at ``path`` (or, for several paths or a folder of workbooks, the
    province roster they make), read with ``layout`` (see :func:`_layout`); when it is
    invalid, its problems (their raw cells withheld with ``withhold``, under pseudonyms)
    given to ``report`` (by default, a table on standard error) and an
    :class:`InputError`."""
    from cadre_core.cli._privacy import withheld_paths
    from cadre_core.roster._problems import RosterError
    from cadre_core.roster._province import read_rosters

    paths = [path] if isinstance(path, str) else list(path)
    shown = ", ".join(withheld_paths(paths) if withhold else paths)  # a record: its person
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
            from cadre_core.roster._record import record_names

            records = record_names(paths)
            problems = tuple(withheld(p, records) for p in problems)
        if report is not None:
            report(problems)
        else:
            title = label("cli_problems_in", lang).format(n=len(errors), where=shown)
            show_problems(problems, title, _stderr(), lang)
        raise InputError(label("cli_invalid", lang).format(where=shown, n=len(errors))) from None


def _list_date(value: str | None) -> str | None:
    """The day of ``--list-date`` as ISO text; a bad day is an :class:`InputError`."""
    if value is None:
        return None
    try:
        return parse_day(value, what="--list-date").isoformat()
    except ValueError as exc:
        raise InputError(
            say("bad_day", option="--list-date", value=repr(value), text=exc)
        ) from None


def list_day(value: str | None, days: Sequence[dt.date]) -> str | Undated | None:
    """What a command reads a list with as its day: ``--list-date`` (checked, see
    :func:`_list_date`), else the first of the ``--as-of`` days given, taken only when
    the list names no day (:class:`~cadre_core.roster._list_title.Undated`, said as a
    warning), else None (a list that names no day is then an error)."""
    given = _list_date(value)
    if given is not None or not days:
        return given
    from cadre_core.roster._list_title import Undated

    return Undated(min(days))


def _as_of(value: str | None) -> dt.date:
    """The day of ``--as-of`` (today without one); a bad day is an :class:`InputError`."""
    try:
        return parse_day(value, what="--as-of")
    except ValueError as exc:
        raise InputError(say("bad_day", option="--as-of", value=repr(value), text=exc)) from None


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
        raise InputError(say("cannot_write", output=output, reason=os_reason(error))) from None


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
            what = "is_input" if _same(out, source) else "inside_input"
            raise InputError(say(f"output_{what}", output=output, given=given))
    if out.is_dir() and not folder:
        raise InputError(say("output_is_folder", output=output))
    if out.exists() and folder and not out.is_dir():
        raise InputError(say("output_is_file", output=output))
    parent = out.parent
    if not parent.is_dir():
        raise InputError(say("output_no_folder", output=output, parent=parent))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(say("output_read_only", output=output, parent=parent))


FORMAT_SUFFIXES = {
    ".json": "json",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".csv": "csv",
    ".docx": "docx",
}


def output_format(fmt: str | None, output: str | None, *, refused: Sequence[str] = ("csv",)) -> str:
    """The format of a report or plan: ``--format``, else the one the ``--output`` suffix
    names (:data:`FORMAT_SUFFIXES`), else JSON into a file of another name, else a table
    on a terminal and JSON otherwise (a file is never a table, whatever the terminal). A
    ``--format`` that contradicts the suffix, or a format in ``refused`` (what the
    command cannot write: by default csv, which only ``cadre evaluate`` writes), is an
    :class:`InputError`.

    >>> output_format(None, "ket-qua.txt"), output_format(None, "bao-cao.docx")
    ('json', 'docx')
    """
    named = FORMAT_SUFFIXES.get(Path(output).suffix.lower()) if output else None
    chosen = fmt or named
    if chosen in refused:
        raise InputError(say("format_refused", fmt=chosen))
    if fmt is None:
        if named is not None or output:
            return named or "json"
        return "table" if sys.stdout.isatty() else "json"
    if output and fmt == "table":
        raise InputError(say("format_table_file", output=output))
    if named is not None and named != fmt:
        raise InputError(say("format_clash", fmt=fmt, output=output, named=named))
    return fmt


skip_option = click.option(
    "--skip-invalid",
    is_flag=True,
    help="cli_help_skip_invalid",
)

strict_columns_option = click.option(
    "--strict-columns",
    is_flag=True,
    help="cli_help_strict_columns",
)


def set_aside_title(problems: Sequence[Any], lang: str = "vi") -> str:
    """The title of the list of what ``--skip-invalid`` set aside: rows, cells, tables."""
    counts = {scope: sum(p.scope == scope for p in problems) for scope in ("cell", "table")}
    rows = len(problems) - sum(counts.values())
    return label("cli_set_aside", lang).format(
        rows=rows, cells=counts["cell"], tables=counts["table"]
    )


def print_set_aside_and_not_read(roster: Any, console: Console, lang: str = "vi") -> None:
    """List what ``--skip-invalid`` set aside and what was not read (columns, sheets)."""
    if roster.skipped:
        show_problems(roster.skipped, set_aside_title(roster.skipped, lang), console, lang)
    if roster.not_read:
        title = label("cli_not_read", lang).format(n=len(roster.not_read))
        show_problems(roster.not_read, title, console, lang)


def print_reader_notes(roster: Any, hider: Any, lang: str = "vi") -> None:
    """What the reader noted, set aside and did not read in ``roster``, on standard error
    as ``cadre validate`` prints it (every output lists it too); under ``hider``'s
    pseudonyms with the raw cells withheld and the texts scrubbed."""
    from types import SimpleNamespace

    warnings, shown = roster.warnings, roster
    if hider is not None:
        warnings = tuple(hider.problem(p) for p in warnings)
        shown = SimpleNamespace(
            skipped=[hider.problem(p) for p in roster.skipped],
            not_read=[hider.problem(p) for p in roster.not_read],
        )
    if warnings:
        title = label("cli_warnings", lang).format(n=len(warnings))
        show_problems(warnings, title, _stderr(), lang)
    if shown.skipped or shown.not_read:  # (a console, hence rich, only to say something)
        print_set_aside_and_not_read(shown, _stderr(), lang)


legacy_option = click.option(
    "--legacy-text",
    type=click.Choice(["error", "convert"]),
    default="error",
    show_default=True,
    help="cli_help_legacy_text",
)

list_date_option = click.option(
    "--list-date",
    "list_date",
    metavar="YYYY-MM-DD",
    help="cli_help_list_date",
)

rosters_argument = click.argument("roster", nargs=-1, required=True, type=click.Path())


def language_option(help_key: str = "cli_help_lang") -> Callable[[_F], _F]:
    """A command's ``--lang`` (its help the label ``help_key``): the language of what the
    command says, kept for :func:`say` and :func:`tell`; ``$CADRE_LANG`` by default."""
    return click.option(
        "--lang",
        type=click.Choice(["vi", "en"]),
        default=env_lang,  # $CADRE_LANG, else vi (a group's --lang comes first: default_map)
        show_default="vi",
        is_eager=True,
        callback=_remember_lang,
        help=help_key,
    )


lang_option = language_option()

#: ``--format table|json`` of the commands that print a table or a JSON document only
#: (``cadre demo``, ``cadre plugins``): a table by default.
table_json_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    help="cli_help_format_table_json",
)

layout_option = click.option(
    "--layout",
    type=click.Path(),
    metavar="FILE",
    help="cli_help_layout",
)

params_option = click.option("--params", type=click.Path(), help="cli_help_params")

output_option = click.option("--output", "-o", type=click.Path(), help="cli_help_output")

report_output_option = click.option(
    "--output",
    "-o",
    type=click.Path(),
    help="cli_help_report_output",
)

report_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "xlsx", "html", "pdf", "docx"]),
    help="cli_help_format",
)


@contextlib.contextmanager
def progress_bars(lang: str, *, shown: bool = True) -> Iterator[None]:
    """Show the progress the stages report (:mod:`cadre_core.vocab._progress`) as rich
    progress bars on standard error, only when ``shown`` and both standard output and
    standard error are terminals (never when piped, never into a document)."""
    from cadre_core.vocab._progress import Advance, reporting

    if not (shown and sys.stdout.isatty() and sys.stderr.isatty()):
        yield
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    bars = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_stderr(),
        transient=True,
        redirect_stdout=False,  # standard output holds what the command writes
    )

    @contextlib.contextmanager
    def reporter(key: str, total: int | None) -> Iterator[Advance]:
        task_id = bars.add_task(label(key, lang), total=total)

        def advance(steps: int) -> None:
            bars.advance(task_id, steps)

        try:
            yield advance
        finally:
            bars.remove_task(task_id)

    with bars, reporting(reporter):
        yield
