"""``cadre plugins``: list the installed plugins."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.table import Table

from cadre_core.cli._common import InputError, _stdout


@click.command("plugins")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def plugins_command(fmt: str) -> None:
    """List the installed plugins: version, targets, parameters and hooks."""
    from cadre_core.plugins._host import PluginError, PluginHost

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
