"""``cadre new-plugin``: write a new province plugin package (see :mod:`cadre_core.scaffold`)."""

from __future__ import annotations

import click

from cadre_core.cli._common import InputError, lang_option, tell, writing
from cadre_core.cli._help import HelpCommand
from cadre_core.vocab._labels import label


@click.command("new-plugin", cls=HelpCommand, help="cli_help_new_plugin")
@click.argument("name")
@click.option(
    "--province",
    metavar="TEXT",
    help="cli_help_new_plugin_province",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="cli_help_new_plugin_output",
)
@lang_option
def new_plugin_command(name: str, province: str | None, output: str, lang: str) -> None:
    """``cadre new-plugin`` (its help: the label ``cli_help_new_plugin``)."""
    from cadre_core.scaffold import placeholders, scaffold

    with writing(output):
        try:
            root = scaffold(name, province, output)
        except (ValueError, FileExistsError) as exc:
            raise InputError(tell(exc)) from None
    values = placeholders(name, province)
    click.echo(label("cli_created", lang).format(path=root))
    click.echo(label("cli_next_steps", lang))
    click.echo(f"  cd {root}")
    click.echo(f'  pip install -e ".[test]"   # {label("cli_or_ci", lang)}')
    lists = label("cli_lists_plugin", lang).format(name=values["name"])
    click.echo(f"  cadre plugins              # {lists}")
    click.echo("  pytest")
