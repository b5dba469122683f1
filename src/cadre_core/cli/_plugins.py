"""``cadre plugins``: list the installed plugins, the broken ones included."""

from __future__ import annotations

import json
import sys

import click
from rich.text import Text

from cadre_core.cli._common import (
    EXIT_INPUT,
    _stdout,
    lang_option,
    say,
    table_json_option,
)
from cadre_core.cli._help import HelpCommand
from cadre_core.vocab._labels import label
from cadre_core.vocab._tables import show_table


def _hook_words(hook: str, lang: str) -> str:
    """A hook as ``cadre plugins`` shows it: in Vietnamese by what it gives (its label
    ``hook_<name>``), in English by its name; a hook the label table lacks by its name.

    >>> _hook_words("cadre_targets", "vi"), _hook_words("cadre_targets", "en")
    ('chỉ tiêu', 'cadre_targets')
    """
    try:
        return label(f"hook_{hook}", lang)
    except KeyError:
        return hook


@click.command("plugins", cls=HelpCommand, help="cli_help_plugins")
@table_json_option
@lang_option
def plugins_command(fmt: str, lang: str) -> None:
    """``cadre plugins`` (its help: the label ``cli_help_plugins``)."""
    from cadre_core.engine._documents import listing
    from cadre_core.plugins._host import PluginHost
    from cadre_core.plugins._loading import make_plugin_manager

    host = PluginHost(make_plugin_manager(keep_going=True, examples=True), strict=False)
    doc = listing(host)
    data = doc["plugins"]
    if fmt == "json":
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        keys = ("cli_col_name", "cli_col_province", "col_version", "cli_col_targets")
        headers = [label(k, lang) for k in (*keys, "cli_col_parameters", "cli_col_hooks")]
        rows: list[list[object]] = []
        for d in data:
            name = d["name"] + (f" {label('cli_example_plugin', lang)}" if d["example"] else "")
            about = " — ".join(x for x in (d.get("province"), d.get("description")) if x)
            if d["status"] == "failed":
                failed = label("cli_plugin_failed", lang).format(error=d["error"])
                rows.append([Text(name, style="red"), "", d["version"] or "", Text(failed, "red")])
                rows[-1] += ["", ""]
                continue
            rows.append(
                [
                    name,
                    about,
                    d["version"],
                    ", ".join(d["targets"]),
                    ", ".join(d["parameters"]),
                    ", ".join(_hook_words(h, lang) for h in d["hooks"]),
                ]
            )
        show_table(label("cli_plugins_title", lang), headers, rows, console=_stdout())
    for warning in host.warnings:
        click.echo(f"cadre: {say('prefix_warning')}{warning}", err=True)
    if host.failures:
        for error in host.failures:
            click.echo(f"cadre: {say('prefix_error')}{error}", err=True)
        sys.exit(EXIT_INPUT)
