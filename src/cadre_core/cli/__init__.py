"""The ``cadre`` command line (see ``cli-contract.md``).

Exit codes: 0 success; 2 bad input (a message on standard error, never a traceback);
1 an internal error; 3 with ``--fail-on not-met`` when a target is not met.

This module holds the command group and :func:`main`. Each command lives in its own
module (``_validate``, ``_evaluate``, ``_forms``, ``_verify``, ``_plugins``, ``_demo``,
``_new_plugin``, ``_plan``, ``_schema``, ``_serve``, ``_synth``), imported only when the group needs it; what
several commands share is in ``_common``, and the help in the user's language in
``_help``.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from concurrent.futures import BrokenExecutor
from pathlib import Path
from typing import NoReturn

import click

from cadre_core.cli._common import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    InputError,
    say,
    tell,
)
from cadre_core.cli._help import HelpGroup, help_lang, speak_usage_error
from cadre_core.vocab._labels import label

# Every command, as (module, attribute), imported only when it is run or listed: a command
# imports the stages it needs when it runs, so `cadre evaluate` does not pay for the
# planner (scipy).
COMMANDS = {
    "demo": ("cadre_core.cli._demo", "demo_command"),
    "evaluate": ("cadre_core.cli._evaluate", "evaluate_command"),
    "forms": ("cadre_core.cli._forms", "forms_command"),
    "new-plugin": ("cadre_core.cli._new_plugin", "new_plugin_command"),
    "plan": ("cadre_core.cli._plan", "plan_command"),
    "plugins": ("cadre_core.cli._plugins", "plugins_command"),
    "schema": ("cadre_core.cli._schema", "schema_command"),
    "serve": ("cadre_core.cli._serve", "serve_command"),
    "synth": ("cadre_core.cli._synth", "synth_command"),
    "validate": ("cadre_core.cli._validate", "validate_command"),
    "verify": ("cadre_core.cli._verify", "verify_command"),
}


class _LazyGroup(HelpGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command


def _every_command_speaks(ctx: click.Context, param: click.Parameter, lang: str | None) -> None:
    """``cadre --lang en COMMAND``: the command's ``--lang`` defaults to the group's."""
    if lang is not None:
        ctx.default_map = {**(ctx.default_map or {}), **{name: {"lang": lang} for name in COMMANDS}}


def _version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``cadre --version``: the version, said in the language of the help."""
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    said = label("cli_version", help_lang(ctx)).format(prog="cadre", version=version("cadre-core"))
    click.echo(said)
    ctx.exit()


@click.group(
    cls=_LazyGroup,
    help="cli_help_cadre",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="cli_help_version",
)
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    is_eager=True,
    expose_value=False,
    callback=_every_command_speaks,
    help="cli_help_lang",
)
def cli() -> None:
    """The ``cadre`` group: its help is the label ``cli_help_cadre``."""


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Entry point of the ``cadre`` console script."""
    given = list(argv) if argv is not None else None
    try:
        code = cli.main(args=given, prog_name="cadre", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        if isinstance(exc, click.UsageError):  # one a command raised, or "Missing command."
            speak_usage_error(exc, sys.argv[1:] if given is None else given)
        exc.show()
        sys.exit(exc.exit_code if isinstance(exc, InputError) else EXIT_INPUT)
    except click.exceptions.Abort:
        sys.exit(EXIT_INTERNAL)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except (BrokenExecutor, MemoryError) as exc:
        # the machine, not the input or the code: a worker killed (out of memory), or this
        # process out of memory; a file being written is never left half-written (atomic)
        key = "out_of_memory" if isinstance(exc, MemoryError) else "worker_lost"
        click.echo(f"cadre: {say('prefix_error')}{say(key)}", err=True)
        sys.exit(EXIT_INTERNAL)
    except Exception as exc:
        from cadre_core.plugins._errors import PluginError

        if isinstance(exc, PluginError):  # a bad plugin is bad input, wherever it fails
            click.echo(f"cadre: {say('prefix_error')}{tell(exc)}", err=True)
            sys.exit(EXIT_INPUT)
        if os.environ.get("CADRE_DEBUG"):
            raise
        # the exception text may quote roster cells (personal data): name only its kind and place
        tb = exc.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        kind = type(exc).__name__
        if tb is None:
            said = say("internal_error_nowhere", kind=kind)
        else:
            place = f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
            said = say("internal_error", kind=kind, place=place)
        click.echo(f"cadre: {said}", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
