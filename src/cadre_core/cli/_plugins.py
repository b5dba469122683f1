"""``cadre plugins``: list the installed plugins, the broken ones included."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.text import Text

from cadre_core.cli._common import (
    EXIT_INPUT,
    _stdout,
    lang_option,
    say,
)
from cadre_core.vocab._labels import label
from cadre_core.vocab._tables import show_table


def _registries(host: Any) -> tuple[list[Any], list[Any], Any]:
    """Targets, declared parameters and parameters in force, leaving out (and recording
    in ``host.failures``) every plugin that fails while giving them."""

    def registries() -> tuple[list[Any], list[Any], Any]:
        targets = host.targets()
        return targets, host.parameter_definitions(), host.params(targets)

    return host.without_failing(registries)  # type: ignore[no-any-return]


def _target(plugin: str, t: Any) -> dict[str, Any]:
    return {
        "id": t.id,
        "title": t.title.vi,
        "title_en": t.title.en,
        "source": t.source,
        "unit": t.unit,
        "population": t.population_text.vi,
        "population_en": t.population_text.en,
        "requirement": t.requirement.vi,
        "requirement_en": t.requirement.en,
        "rule": {"op": t.rule.op, "value": t.rule.text()},
        "threshold_parameter": t.threshold_key if t.rule.op in (">=", ">") else None,
        "deadline": t.deadline.isoformat(),
        "deadline_parameter": t.deadline_key,
        "bloc": t.bloc,
        "replaces": t.replaces,
        "plugin": plugin,
    }


def listing(host: Any) -> dict[str, Any]:
    """What ``cadre plugins --format json`` prints: every plugin (loaded or failed) with
    its version, whether it is an example, its prefixes, hooks, targets (ids, and in
    ``target_definitions`` everything the targets reference shows) and parameters (keys,
    and in ``parameter_definitions`` default, kind, description and source)."""
    from cadre_core.engine._schema import SCHEMA_VERSION
    from cadre_core.targets._params import jsonable

    targets, declared, params = _registries(host)
    owner = {p.key: plugin for plugin, p in declared}
    for plugin, t in targets:
        for key in (t.threshold_key, t.deadline_key):
            owner.setdefault(key, plugin)
    data: list[dict[str, Any]] = []
    for info in host.plugins():
        about = host.about(info.name)
        keys = sorted(k for k in params.definitions if owner.get(k) == info.name)
        data.append(
            {
                "name": info.name,
                "version": info.version,
                "status": "loaded",
                "error": None,
                "example": about.example,
                "province": about.province or None,
                "description": about.description or None,
                "prefixes": list(about.prefixes),
                "hooks": list(info.hooks),
                "targets": [t.id for p, t in targets if p == info.name],
                "parameters": [x.key for p, x in declared if p == info.name],
                "target_definitions": [_target(p, t) for p, t in targets if p == info.name],
                "parameter_definitions": [
                    {
                        "key": k,
                        "default": jsonable(params.definitions[k].default),
                        "kind": params.definitions[k].kind,
                        "description": params.definitions[k].description,
                        "source": params.definitions[k].source,
                        "replaces": params.definitions[k].replaces,
                    }
                    for k in keys
                ],
            }
        )
    for error in host.failures:
        data.append(
            {
                "name": error.plugin,
                "version": getattr(host.pm, "_cadre_versions", {}).get(error.plugin),
                "status": "failed",
                "error": str(error),
                "example": None,
                "province": None,
                "description": None,
                "prefixes": [],
                "hooks": [],
                "targets": [],
                "parameters": [],
                "target_definitions": [],
                "parameter_definitions": [],
            }
        )
    return {"schema_version": SCHEMA_VERSION, "plugins": data}


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


@click.command("plugins")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@lang_option
def plugins_command(fmt: str, lang: str) -> None:
    """List the installed plugins: version, targets, parameters and hooks.

    A plugin that cannot be loaded or fails while giving its targets or parameters is
    listed with its error, after the others; the command then exits 2."""
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
