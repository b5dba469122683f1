"""The help of the command line speaks the user's language: Vietnamese by default, English
with ``--lang en`` anywhere on the command line or ``CADRE_LANG=en``; every text of it is a
key of the label table."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from cadre_core import cli
from cadre_core.cli._help import HelpCommand
from cadre_core.vocab._labels import _LABELS, label

CADRE = str(Path(sys.executable).with_name("cadre"))

#: click's own English words, which the Vietnamese help says in Vietnamese.
CLICK_WORDS = ("Usage:", "Options:", "Commands:", "Show this message and exit.", "[default:")


def _commands() -> dict[str, click.Command]:
    """Every command of the ``cadre`` group, as the group lists it."""
    ctx = click.Context(cli.cli)
    found = {name: cli.cli.get_command(ctx, name) for name in cli.cli.list_commands(ctx)}
    return {name: command for name, command in found.items() if command is not None}


COMMANDS = _commands()


def _keys(command: click.Command) -> list[str]:
    """The help keys of a command: its own and its options' (the help option's too)."""
    ctx = click.Context(command)
    params = [p for p in command.get_params(ctx) if isinstance(p, click.Option) and p.help]
    return [k for k in (command.help, *(p.help for p in params)) if k is not None]


def run(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    """``cadre ARGS`` through the console script, ``$CADRE_LANG`` set to ``lang`` (unset
    with ``None``); wide enough that no sentence of the help is folded."""
    env = {k: v for k, v in os.environ.items() if k != "CADRE_LANG"}
    env["COLUMNS"] = "1000"
    if lang is not None:
        env["CADRE_LANG"] = lang
    return subprocess.run(
        [CADRE, *args], capture_output=True, text=True, timeout=120, env=env, check=False
    )


def _flat(text: str) -> str:
    """The help with every run of spaces and line breaks one space, and a word click
    folded after a hyphen whole again."""
    return " ".join(re.sub(r"-\n\s*", "-", text).split())


def _sentences(command: click.Command, lang: str) -> list[str]:
    """The help texts of a command and its options in ``lang``, each paragraph alone."""
    texts = [label(key, lang) for key in _keys(command)]
    return [_flat(p) for text in texts for p in text.split("\n\n")]


def test_the_console_script_runs_this_package() -> None:
    code = "import cadre_core, sys; print(cadre_core.__file__)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    package = Path(cli.__file__).resolve().parents[1]
    assert Path(out.stdout.strip()).resolve() == package / "__init__.py"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_is_vietnamese_by_default(name: str) -> None:
    out = run(name, "--help")
    assert out.returncode == 0, out.stderr
    help_ = _flat(out.stdout)
    english = [s for s in _sentences(COMMANDS[name], "en") if s in help_]
    assert not english, english
    assert not [w for w in CLICK_WORDS if w in help_]
    for sentence in _sentences(COMMANDS[name], "vi"):
        assert sentence in help_
    assert help_.startswith(f"{label('cli_help_usage', 'vi')} cadre {name} ")
    assert f"{label('cli_help_section_options', 'vi')}:" in help_


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize(
    "how",
    [
        ("--lang", "en", "{name}", "--help"),
        ("{name}", "--lang", "en", "--help"),
        ("{name}", "--help", "--lang=en"),
        ("{name}", "-h", "env"),
    ],
    ids=["group", "before", "after", "env"],
)
def test_help_is_english_when_asked(name: str, how: tuple[str, ...]) -> None:
    args = [a.format(name=name) for a in how if a != "env"]
    out = run(*args, lang="en" if "env" in how else None)
    assert out.returncode == 0, out.stderr
    help_ = _flat(out.stdout)
    assert help_.startswith(f"Usage: cadre {name} ")
    assert "Options:" in help_ and "Show this message and exit." in help_
    missing = [s for s in _sentences(COMMANDS[name], "en") if s not in help_]
    assert not missing, missing


def test_the_command_line_wins_over_the_environment() -> None:
    out = run("validate", "--lang", "vi", "--help", lang="en")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(label("cli_help_usage", "vi"))


def test_every_help_is_a_label_in_both_languages() -> None:
    """Every command (the group too) and every option with help names a key of the label
    table, with a Vietnamese and an English text."""
    commands = {"cadre": cli.cli, **COMMANDS}
    for name, command in commands.items():
        assert isinstance(command, HelpCommand), name
        assert command.help, name
        for key in _keys(command):
            assert key.startswith("cli_help_") and key in _LABELS, (name, key)
            vi, en = _LABELS[key]
            assert vi.strip() and en.strip() and vi != en, (name, key)


def test_every_visible_option_has_help() -> None:
    """An option the help lists without a word of help leaves the user guessing: every
    option that is not hidden has one (``cadre demo --format`` had none)."""
    commands = {"cadre": cli.cli, **COMMANDS}
    missing: list[tuple[str, list[str]]] = []
    for name, command in commands.items():
        ctx = click.Context(command, info_name=name)
        for param in command.get_params(ctx):
            if isinstance(param, click.Option) and not param.hidden:
                missing.extend([(name, param.opts)] if not param.help else [])
    assert not missing


def test_cadre_help_lists_the_commands_in_vietnamese() -> None:
    out = run("--help")
    assert out.returncode == 0, out.stderr
    heading = f"{label('cli_help_section_commands', 'vi')}:"
    lines = out.stdout.split(heading, 1)[1].strip("\n").splitlines()
    assert [line.split()[0] for line in lines] == sorted(COMMANDS)
    for line in lines:
        name, summary = line.split(maxsplit=1)
        text = _flat(label(f"cli_help_{name.replace('-', '_')}", "vi"))
        assert text.startswith(summary.removesuffix("...")), (name, summary)
    assert _flat(label("cli_help_cadre", "vi")) in _flat(out.stdout)


def test_the_group_lang_is_every_command_lang() -> None:
    """``cadre --lang en COMMAND`` speaks English, as ``cadre COMMAND --lang en`` does."""
    english = run("--lang", "en", "validate", "no-such-roster.xlsx")
    vietnamese = run("validate", "no-such-roster.xlsx")
    assert english.returncode == vietnamese.returncode == 2
    assert "no such file or folder" in english.stdout + english.stderr
    assert "không có tệp hoặc thư mục này" in vietnamese.stdout + vietnamese.stderr


# ------------------------------------------------------------------ usage errors


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("evaluate", "--nosuch"), "Lỗi: không có tùy chọn '--nosuch'"),
        (
            ("evaluate", "x", "--form", "9C"),
            "Lỗi: không có tùy chọn '--form'; có phải là '--format'?",
        ),
        (("evaluate",), "Lỗi: thiếu đối số DANH_SÁCH..."),  # the usage line's metavar
        (("evaluat",), "Lỗi: không có lệnh 'evaluat' (cadre --help liệt kê các lệnh)"),
        (("evaluate", "x", "--format", "xx"), "Lỗi: giá trị 'xx' của --format không phải là một"),
        (("evaluate", "x", "--as-of"), "Lỗi: tùy chọn '--as-of' cần một giá trị"),
        (("validate", "x", "--lang", "fr"), "Lỗi: giá trị 'fr' của --lang không phải là một"),
    ],
)
def test_a_usage_error_is_said_in_vietnamese(args: tuple[str, ...], said: str) -> None:
    done = run(*args)
    assert done.returncode == 2, done.stderr
    assert said in done.stderr, done.stderr
    for english in ("Error:", "Try '", "Usage:", "No such", "Missing", "requires", "Invalid"):
        assert english not in done.stderr, done.stderr
    if "--as-of" not in args:  # an error that knows its command says where the help is
        command = "cadre" if args[0] == "evaluat" else f"cadre {args[0]}"
        assert f"Xem '{command} --help' để biết cách dùng." in done.stderr


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_usage_error_in_english_is_clicks_own(how: str) -> None:
    args = ("evaluate", "--nosuch", *(("--lang", "en") if how == "option" else ()))
    done = run(*args, lang="en" if how == "environment" else None)
    assert done.returncode == 2
    assert "Try 'cadre evaluate --help' for help." in done.stderr
    assert "Error: No such option '--nosuch'." in done.stderr
    assert "Lỗi" not in done.stderr


@pytest.mark.parametrize(
    ("message", "vi"),
    [
        ("No such option '--x'.", "không có tùy chọn '--x'"),
        (
            "No such option '--as-o'. (Did you mean one of: '--as-of', '--fail-on'?)",
            "không có tùy chọn '--as-o'; có phải là '--as-of', '--fail-on'?",
        ),
        ("Missing option '--out'.", "thiếu tùy chọn '--out'"),
        ("Option '--pair' requires 2 arguments.", "tùy chọn '--pair' cần 2 giá trị"),
        ("Got unexpected extra arguments (a b)", "thừa đối số: a b"),
        ("Got unexpected extra argument (a)", "thừa đối số: a"),
        ("Invalid value for '--workers': 'x' is not a valid integer.",
         "giá trị 'x' của --workers không phải là một số nguyên"),
        ("Invalid value for '--price': 'x' is not a valid float.",
         "giá trị 'x' của --price không phải là một số"),
        ("Invalid value for 'DAY': something else", "giá trị không hợp lệ cho NGÀY: something else"),
        ("a command's own sentence", "a command's own sentence"),  # said as it is
    ],
)  # fmt: skip
def test_clicks_usage_errors_have_their_vietnamese(message: str, vi: str) -> None:
    from cadre_core.cli._help import usage_error_text

    assert usage_error_text(message, "vi") == vi
    assert usage_error_text(message, "en") == message


SAMPLE = str(Path(cli.__file__).resolve().parents[1] / "data" / "sample_commune")


@pytest.mark.parametrize(
    ("args", "env", "english"),
    [
        ((), "en", True),  # the environment's language is every command's default
        ((), "EN", True),
        ((), None, False),
        ((), "fr", False),  # a language the tool does not speak: Vietnamese
        (("--lang", "vi"), "en", False),  # the command line wins
        (("--lang", "en"), "vi", True),
    ],
)
def test_cadre_lang_is_the_default_language_of_every_output(
    args: tuple[str, ...], env: str | None, english: bool
) -> None:
    done = run("validate", SAMPLE, *args, lang=env)
    assert done.returncode == 0, done.stderr
    assert ("Valid roster" in done.stdout) is english
    assert ("Danh sách hợp lệ" in done.stdout) is not english


def test_the_groups_lang_wins_over_the_environment() -> None:
    done = run("--lang", "en", "validate", SAMPLE, lang="vi")
    assert done.returncode == 0, done.stderr
    assert "Valid roster" in done.stdout
