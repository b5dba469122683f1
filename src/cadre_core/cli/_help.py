"""The help of the command line in the user's language.

Every command's help and every option's ``help=`` is a key of the label table
(``cli_help_<command>``, ``cli_help_<command>_<option>``, ``cli_help_<option>`` for an
option several commands share). click builds the help before it reads ``--lang``, so the
keys are turned into text only when the help is formatted, in the language of
:func:`help_lang`: ``--lang en`` (or ``--lang=en``) anywhere on the command line, else
``$CADRE_LANG``, else Vietnamese, the default of every output. click's own words (the
usage prefix, the section headings, ``[default: ...]``, the help and version options)
follow it.

Only click and the vocabulary are imported here, so that ``cadre --help`` stays light.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import click

from cadre_core.vocab._labels import LANGS, label

LANG_ENV = "CADRE_LANG"
"""The environment variable naming the language of the help (``vi`` or ``en``)."""

_META = "cadre_core.help_lang"

#: click's section headings (as click writes them) and their keys in the label table.
_HEADINGS = {
    "Options": "cli_help_section_options",
    "Commands": "cli_help_section_commands",
    "Positional arguments": "cli_help_section_arguments",
}


def lang_in(args: Sequence[str]) -> str | None:
    """The last ``--lang`` of a command line (``None`` without one, or with a language
    that is not ``vi`` or ``en``; the command then says why).

    >>> lang_in(["evaluate", "x.xlsx", "--lang", "en", "--help"]), lang_in(["--lang=vi"])
    ('en', 'vi')
    >>> lang_in(["--help"]) is None
    True
    """
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGS:
            found = value
    return found


def _without_lang(args: list[str]) -> list[str]:
    """The command line without its ``--lang`` options (``--lang en``, ``--lang=en``)."""
    kept: list[str] = []
    skip = False
    for arg in args:
        if skip or arg.startswith("--lang="):
            skip = False
            continue
        skip = arg == "--lang"
        if not skip:
            kept.append(arg)
    return kept


def env_lang() -> str:
    """The language ``$CADRE_LANG`` names (``vi`` or ``en``, any case), else ``vi``: the
    default of every command's ``--lang`` and of the help.

    >>> os.environ.pop(LANG_ENV, None) and None
    >>> env_lang()
    'vi'
    """
    env = os.environ.get(LANG_ENV, "").strip().lower()
    return env if env in LANGS else "vi"


def help_lang(ctx: click.Context | None = None) -> str:
    """The language of the help: the command line's ``--lang`` (kept by
    :class:`HelpCommand` when it reads its arguments), else ``$CADRE_LANG``, else ``vi``.

    >>> ctx = click.Context(click.Command("x"))
    >>> ctx.meta[_META] = "en"
    >>> help_lang(ctx)
    'en'

    """
    given = ctx.meta.get(_META) if ctx is not None else None
    if given in LANGS:
        return str(given)
    return env_lang()


def help_text(key: str | None, lang: str) -> str | None:
    """The text of a help key in ``lang``; a text that is not a key is given as it is.

    >>> help_text("cli_help_params", "en"), help_text("Random text.", "vi")
    ('TOML file of parameter overrides.', 'Random text.')
    """
    if key is None:
        return None
    try:
        return label(key, lang)
    except KeyError:
        return key


@contextlib.contextmanager
def _speaking(things: Sequence[Any], lang: str) -> Iterator[None]:
    """The ``help`` of each command or parameter of ``things`` as text in ``lang`` for the
    time of the block, then the key again."""
    kept = [(thing, thing.help) for thing in things]
    try:
        for thing, key in kept:
            thing.help = help_text(key, lang)
        yield
    finally:
        for thing, key in kept:
            thing.help = key


class _Formatter(click.HelpFormatter):
    """click's help formatter with its own words in the language of the help."""

    def __init__(self, lang: str, **options: Any) -> None:
        super().__init__(**options)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, led by the language's word for it, its metavars in the
        language (``[TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...``)."""
        if prefix is None:
            prefix = f"{label('cli_help_usage', self.lang)} "
        super().write_usage(prog, metavar_text(args, self.lang), prefix)

    def write_heading(self, heading: str) -> None:
        """A section heading (``Options``, ``Commands``) in the language of the help."""
        key = _HEADINGS.get(heading)
        super().write_heading(label(key, self.lang) if key else heading)

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """The options (or commands) and their help; ``[default: x]``, an option's
        metavar and its range in the language."""
        said = f"[{label('cli_help_default', self.lang)}: "
        rows = [
            (
                metavar_text(term, self.lang),
                _ranges_said(text.replace("[default: ", said), self.lang),
            )
            for term, text in rows
        ]
        super().write_dl(rows, col_max, col_spacing)


class _Context(click.Context):
    """A context whose help formatter speaks the language of the help."""

    def make_formatter(self) -> click.HelpFormatter:
        """The help formatter, in :func:`help_lang`."""
        return _Formatter(
            help_lang(self), width=self.terminal_width, max_width=self.max_content_width
        )


#: A metavar word of a usage line, an option or an error (``ROSTER``, ``INTEGER RANGE``):
#: the label ``cli_metavar_<word>`` says it in the user's language, when there is one.
_METAVAR = re.compile(r"\b[A-Z]+(?: RANGE)?\b")


def metavar_text(text: str, lang: str) -> str:
    """The metavars of a usage line, an option's name or a parameter in an error
    (``[OPTIONS] ROSTER...``, ``--as-of DAY``) in ``lang``; a word with no label (``N``,
    ``VND``, ``YYYY-MM-DD``) and the choices (``[vi|en]``) are kept.

    >>> metavar_text("[OPTIONS] COMMAND [ARGS]...", "vi")
    '[TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...'
    >>> metavar_text("--communes INTEGER RANGE", "vi"), metavar_text("--workers N", "vi")
    ('--communes SỐ_NGUYÊN', '--workers N')
    >>> metavar_text("[OPTIONS] ROSTER...", "en")
    '[OPTIONS] ROSTER...'
    """
    if lang == "en":
        return text

    def said(m: re.Match[str]) -> str:
        try:
            return label(f"cli_metavar_{m[0].lower().replace(' ', '_')}", lang)
        except KeyError:
            return m[0]

    return _METAVAR.sub(said, text)


#: click's description of a numeric range (``x>=1``, ``0<=x<65536``), alone or in the
#: brackets after an option's help (``[default: 1; x>=1]``)
_ONE_SIDE = re.compile(r"x(>=|>|<=|<)(-?[\d.]+)")
_TWO_SIDES = re.compile(r"(-?[\d.]+)(<=|<)x(<=|<)(-?[\d.]+)")
_IN_BRACKETS = re.compile(r"(?<=[\[ ])(x(?:>=|>|<=|<)-?[\d.]+|-?[\d.]+<=?x<=?-?[\d.]+)(?=[\];])")
_BOUNDS = {">=": "at_least", ">": "more_than", "<=": "at_most", "<": "less_than"}


def range_words(text: str, lang: str) -> str:
    """click's description of a numeric range in words of ``lang`` (click's own in
    English); a text that is not one is given as it is.

    >>> range_words("x>=1", "vi"), range_words("0<=x<=65535", "vi"), range_words("x>=1", "en")
    ('từ 1 trở lên', 'từ 0 đến 65535', 'x>=1')
    >>> range_words("0<x<1", "vi")
    'lớn hơn 0 và nhỏ hơn 1'
    """
    if lang == "en":
        return text
    one = _ONE_SIDE.fullmatch(text)
    if one is not None:
        return label(f"cli_range_{_BOUNDS[one[1]]}", lang).format(one[2])
    two = _TWO_SIDES.fullmatch(text)
    if two is None:
        return text
    low, low_op, high_op, high = two.groups()
    if low_op == high_op == "<=":
        return label("cli_range_between", lang).format(low, high)
    low_said = label(f"cli_range_{_BOUNDS[low_op.replace('<', '>')]}", lang).format(low)
    high_said = label(f"cli_range_{_BOUNDS[high_op]}", lang).format(high)
    return label("cli_range_both", lang).format(low_said, high_said)


def _ranges_said(text: str, lang: str) -> str:
    """An option's help with the range in its brackets (``[default: 1; x>=1]``) in words."""
    if lang == "en":
        return text
    return _IN_BRACKETS.sub(lambda m: range_words(m[0], lang), text)


#: click's usage errors as click words them, and the label of each in the user's language
#: (the groups of the pattern fill the label's ``{0}``, ``{1}``; a group named ``hint``
#: names a parameter, its metavar said in the language too); a message of no pattern here
#: (a command's own) is said as it is
_USAGE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), key)
    for pattern, key in (
        (r"^No such option '(.+?)'\. Did you mean ('.+?')\?$", "cli_error_no_option_near"),
        (r"^No such option '(.+?)'\. \(Did you mean one of: (.+)\?\)$", "cli_error_no_option_near"),
        (r"^No such option '?(.+?)'?\.?$", "cli_error_no_option"),
        (r"^No such command '(.+?)'\.$", "cli_error_no_command"),
        (r"^Missing command\.$", "cli_error_missing_command"),
        (r"^Missing argument '(?P<hint>.+?)'\.$", "cli_error_missing_argument"),
        (r"^Missing option '(?P<hint>.+?)'\.$", "cli_error_missing_option"),
        (r"^Option '(.+?)' requires an argument\.$", "cli_error_needs_value"),
        (r"^Option '(.+?)' requires (\d+) arguments\.$", "cli_error_needs_values"),
        (r"^Option '(.+?)' does not take a value\.$", "cli_error_takes_no_value"),
        (r"^Got unexpected extra arguments? \((.+)\)$", "cli_error_extra_arguments"),
    )
)

#: ``Invalid value for 'HINT': WHY`` (the hint: ``'--output' / '-o'``, ``'ROSTER...'``)
_INVALID_VALUE = re.compile(r"^Invalid value for (?P<hint>'.+?'(?: / '.+?')*): (?P<why>.+)$", re.S)

#: why click refused a value, and the label saying it with the parameter (``{0}``) and the
#: groups of the pattern (``{1}``, ``{2}``); a range is said in words, the kind of a path
#: (``File``, ``Directory``, ``Path``) by its label ``cli_path_<kind>``
_VALUE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), key)
    for pattern, key in (
        (r"^'(.*?)' is not one of (.+)\.$", "cli_error_not_one_of"),
        (r"^'(.*?)' is not a valid integer(?: range)?\.$", "cli_error_not_integer"),
        (r"^'(.*?)' is not a valid float(?: range)?\.$", "cli_error_not_number"),
        (r"^(\S+) is not in the range (?P<range>\S+)\.$", "cli_error_not_in_range"),
        (r"^(?P<kind>File|Directory|Path) '(.*)' does not exist\.$", "cli_error_path_missing"),
        (r"^(?P<kind>File|Directory|Path) '(.*)' is a file\.$", "cli_error_path_is_file"),
        (r"^(?P<kind>File|Directory|Path) '(.*)' is a directory\.$", "cli_error_path_is_dir"),
        (r"^(?P<kind>File|Directory|Path) '(.*)' is not readable\.$", "cli_error_path_unreadable"),
        (r"^(?P<kind>File|Directory|Path) '(.*)' is not writable\.$", "cli_error_path_unwritable"),
        (
            r"^(?P<kind>File|Directory|Path) '(.*)' is not executable\.$",
            "cli_error_path_not_executable",
        ),
        (r"^'(.*?)' is not (.+)\.$", "cli_error_not_the_choice"),  # a choice of one
    )
)


def _hint(text: str, lang: str) -> str:
    """A parameter as click names it in an error, without its quotes and its metavar in
    ``lang`` (``'--output' / '-o'``: ``--output / -o``; ``'ROSTER...'``: ``DANH_SÁCH...``)."""
    return metavar_text(re.sub(r"'([^']*)'", r"\1", text), lang)


def _groups(m: re.Match[str], lang: str) -> list[str]:
    """The groups of a matched error, the parameter, the range and the path's kind said."""
    said = {
        "hint": lambda g: _hint(g, lang),
        "range": lambda g: range_words(g, lang),
        "kind": lambda g: label(f"cli_path_{g.lower()}", lang),
    }
    names = {index: name for name, index in m.re.groupindex.items()}
    return [said[names[i]](g) if i in names else g for i, g in enumerate(m.groups(""), start=1)]


def usage_error_text(message: str, lang: str) -> str:
    """click's usage error ``message`` in ``lang`` (click words its errors in English).

    >>> usage_error_text("No such option '--form'. Did you mean '--format'?", "vi")
    "không có tùy chọn '--form'; có phải là '--format'?"
    >>> usage_error_text("Invalid value for '--communes': -3 is not in the range x>=1.", "vi")
    'giá trị -3 của --communes phải từ 1 trở lên'
    >>> usage_error_text("Missing argument 'ROSTER...'.", "vi")
    'thiếu đối số DANH_SÁCH...'
    >>> usage_error_text("Missing argument 'ROSTER...'.", "en")
    "Missing argument 'ROSTER...'."
    """
    if lang == "en":
        return message
    for pattern, key in _USAGE_ERRORS:
        m = pattern.match(message)
        if m is not None:
            return label(key, lang).format(*_groups(m, lang))
    invalid = _INVALID_VALUE.match(message)
    if invalid is None:
        return message
    hint = _hint(invalid["hint"], lang)
    for pattern, key in _VALUE_ERRORS:
        m = pattern.match(invalid["why"])
        if m is not None:
            return label(key, lang).format(hint, *_groups(m, lang))
    return label("cli_error_invalid_value", lang).format(hint, invalid["why"])


def _show_usage_error(error: click.UsageError, lang: str, file: Any = None) -> None:
    """click's ``UsageError.show`` in ``lang``: the usage line and where to find the help
    (when the error knows its command), then the error."""
    ctx = error.ctx
    if ctx is not None:
        ctx.meta[_META] = lang  # the usage line in the error's language
    if lang == "en":
        click.UsageError.show(error, file)
        return
    if ctx is not None:
        click.echo(ctx.get_usage(), file=file, err=file is None)
        hint = label("cli_error_try_help", lang).format(
            command=ctx.command_path, option=max(ctx.help_option_names, key=len)
        )
        click.echo(f"{hint}\n", file=file, err=file is None)
    said = label("cli_error", lang).format(message=usage_error_text(error.format_message(), lang))
    click.echo(said, file=file, err=file is None)


def speak_usage_error(error: click.UsageError, args: Sequence[str]) -> None:
    """Make ``error`` show itself in the language of the help of ``args`` (its own
    ``--lang``, else that of the context, else ``$CADRE_LANG``, else Vietnamese); an
    error already made so keeps its language.

    >>> import io
    >>> error, shown = click.UsageError("Missing command."), io.StringIO()
    >>> speak_usage_error(error, ["--lang", "vi"])
    >>> error.show(shown)
    >>> shown.getvalue()
    'Lỗi: thiếu lệnh (cadre --help liệt kê các lệnh)\\n'
    """
    if "show" in vars(error):
        return
    lang = lang_in(args) or help_lang(error.ctx)
    error.show = functools.partial(_show_usage_error, error, lang)  # type: ignore[method-assign]


class HelpCommand(click.Command):
    """A ``cadre`` command whose help (its own, its options', click's words) is written in
    the language of :func:`help_lang` from the keys of the label table."""

    context_class = _Context

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Keep the command line's ``--lang`` for the help (before ``--help`` is read); a
        command without the option (``cadre serve``) takes it with ``--help`` too."""
        lang = lang_in(args)
        if lang is not None:
            ctx.meta[_META] = lang
            asked = set(ctx.help_option_names) & set(args)
            if asked and not any(param.name == "lang" for param in self.params):
                args = _without_lang(args)
        return super().parse_args(ctx, args)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """click's context; a usage error in the arguments is said in the language of
        the help (:func:`usage_error_text`)."""
        given = list(args)  # click's parser consumes ``args``
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            speak_usage_error(error, given)
            raise

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """click's ``--help``, its help a key of the label table."""
        made = self._help_option is None
        option = super().get_help_option(ctx)
        if made and option is not None:
            option.help = "cli_help_help"
        return option

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The help, every key in it given as text in the language of the help."""
        things = [self, *self.get_params(ctx), *self._listed(ctx)]
        with _speaking(things, help_lang(ctx)):
            super().format_help(ctx, formatter)

    def _listed(self, ctx: click.Context) -> list[click.Command]:
        """The commands the help lists (a group's; none for a command)."""
        return []


class HelpGroup(HelpCommand, click.Group):
    """The ``cadre`` group: a :class:`HelpCommand` that lists its commands' summaries in
    the language of the help."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """click's look-up of the command; no such command is said in the language of
        the help."""
        given = [*ctx.args, *args]
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            speak_usage_error(error, given)
            raise

    def _listed(self, ctx: click.Context) -> list[click.Command]:
        commands = (self.get_command(ctx, name) for name in self.list_commands(ctx))
        return [command for command in commands if command is not None]
