"""MkDocs hooks: pages generated from the code, so they never drift from it.

- ``<!-- cadre:targets -->`` (in ``targets.md``) becomes the list of every target of every
  installed plugin, with its parameters, read from the plugin host at build time;
- ``<!-- cadre:columns -->`` and ``<!-- cadre:aliases -->`` (in ``roster-format.md``)
  become the tables, columns, header aliases and value aliases of the roster schema;
- the part of ``json.md`` between its markers is regenerated from the published JSON
  Schemas by ``docs/json_reference.py`` (the page is committed generated, so it reads on
  GitHub too; ``tests/test_json_schema.py`` fails when it is stale);
- pages that other work streams write (performance, security, roster extensions) get a
  short generated placeholder while their file does not exist yet, so the navigation
  and ``mkdocs build --strict`` never break.

The ``render_*`` functions are plain functions of the code; ``tests/test_docs.py`` calls
them directly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

TARGETS_MARK = "<!-- cadre:targets -->"
COLUMNS_MARK = "<!-- cadre:columns -->"
ALIASES_MARK = "<!-- cadre:aliases -->"

#: Pages other engineers write; a placeholder is generated only while the file is missing.
OPTIONAL_PAGES: Mapping[str, str] = {
    "performance.md": "# Performance\n\nThis page is being written.\n",
    "security.md": "# Security\n\nThis page is being written.\n",
    "roster-extensions.md": "# Roster extensions\n\nThis page is being written.\n",
}


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def _value(value: Any) -> str:
    """A parameter value as short inline code."""
    from cadre_core.targets._params import jsonable

    raw = jsonable(value)
    if isinstance(raw, str):
        return f"`{raw}`"
    if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
        return ", ".join(f"`{x}`" for x in raw)
    return f"`{json.dumps(raw, ensure_ascii=False)}`"


def render_targets_page(host: Any = None) -> str:
    """Markdown listing every target of every loaded plugin, then every parameter.

    ``host`` is a :class:`cadre_core.PluginHost` (default: every installed plugin).
    """
    from cadre_core import PluginHost

    host = host if host is not None else PluginHost()
    registered = host.targets()
    params = host.params(registered)
    declared = {p.key: plugin for plugin, p in host.parameter_definitions()}
    versions = {info.name: info.version for info in host.plugins()}
    out: list[str] = []
    by_plugin: dict[str, list[Any]] = {}
    for plugin, target in registered:
        by_plugin.setdefault(plugin, []).append(target)
    out.append(
        f"{len(registered)} targets from {len(by_plugin)} plugin(s): "
        + ", ".join(f"`{p}` {versions.get(p, '')}".strip() for p in by_plugin)
        + "."
    )
    for plugin, targets in by_plugin.items():
        out.append(f"\n## Plugin `{plugin}`\n")
        for t in targets:
            rule = t.rule.describe("en")
            if t.rule.op in (">=", ">"):
                rule += f" (`{t.rule.op} {t.rule.text()}`, parameter `{t.threshold_key}`)"
            out.append(f"### `{t.id}` {{#{t.id.replace('.', '-')}}}\n")
            out.append("| | |\n|---|---|")
            out.append(f"| Title (vi) | {_cell(t.title.vi)} |")
            out.append(f"| Title (en) | {_cell(t.title.en)} |")
            out.append(f"| Unit | {t.unit} |")
            out.append(
                f"| Population | {_cell(t.population_text.vi)} / {_cell(t.population_text.en)} |"
            )
            out.append(f"| Requirement | {_cell(t.requirement.vi)} / {_cell(t.requirement.en)} |")
            out.append(f"| Rule | {rule} |")
            out.append(f"| Deadline | {t.deadline.isoformat()} (parameter `{t.deadline_key}`) |")
            out.append(f"| Source | {_cell(t.source)} |")
            out.append(f"| Plugin | `{plugin}` |\n")
    out.append("\n## Parameters\n")
    out.append(
        "Every value in force can be overridden in a TOML file passed with `--params` "
        "(or `params=` in Python). Thresholds and deadlines are derived from each target.\n"
    )
    out.append("| key | default | kind | plugin | description | source |")
    out.append("|---|---|---|---|---|---|")
    for key in sorted(params.definitions):
        p = params.definitions[key]
        plugin = declared.get(key, params.origin(key).removeprefix("plugin "))
        out.append(
            f"| `{key}` | {_cell(_value(p.default))} | {p.kind} | `{plugin}` | "
            f"{_cell(p.description)} | {_cell(p.source)} |"
        )
    return "\n".join(out) + "\n"


def render_columns() -> str:
    """Markdown: every roster table with its columns, kinds and header aliases."""
    from cadre_core.roster._schema import TABLES

    out: list[str] = []
    for table in TABLES:
        required = "required" if table.required else "optional"
        aliases = ", ".join(f"`{a}`" for a in table.aliases)
        out.append(f"### `{table.name}` ({required})\n")
        if aliases:
            out.append(f"Sheet or file name aliases: {aliases}.\n")
        out.append("| column | kind | required | header aliases |")
        out.append("|---|---|---|---|")
        for c in table.columns:
            kind = c.kind + (f" (`{c.codes}` codes)" if c.codes else "")
            names = ", ".join(f"`{_cell(a)}`" for a in c.aliases)
            out.append(f"| `{c.name}` | {kind} | {'yes' if c.required else ''} | {names} |")
        out.append("")
    return "\n".join(out) + "\n"


def render_aliases() -> str:
    """Markdown: every coded value and the spellings read as it (after normalisation)."""
    from cadre_core.roster._schema import VALUE_ALIASES

    out: list[str] = []
    for kind, table in VALUE_ALIASES.items():
        grouped: dict[str, list[str]] = {}
        for alias, code in table.items():
            grouped.setdefault(str(code), []).append(alias)
        out.append(f"### `{kind}`\n")
        out.append("| code | also read as |")
        out.append("|---|---|")
        for code, aliases in grouped.items():
            others = ", ".join(f"`{_cell(a)}`" for a in sorted(set(aliases)) if a != code)
            out.append(f"| `{code}` | {others} |")
        out.append("")
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------- mkdocs hooks
def on_files(files: Any, config: Any) -> Any:
    """Add a placeholder for each optional page that does not exist yet."""
    from mkdocs.structure.files import File

    present = {f.src_uri for f in files}
    for name, content in OPTIONAL_PAGES.items():
        if name not in present:
            files.append(File.generated(config, name, content=content))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Iterable[Any]) -> str:
    """Replace the generation markers by the generated Markdown."""
    if TARGETS_MARK in markdown:
        markdown = markdown.replace(TARGETS_MARK, render_targets_page())
    if COLUMNS_MARK in markdown:
        markdown = markdown.replace(COLUMNS_MARK, render_columns())
    if ALIASES_MARK in markdown:
        markdown = markdown.replace(ALIASES_MARK, render_aliases())
    if page.file.src_uri == "json.md":
        markdown = _json_reference().update(markdown)
    return markdown


def _json_reference() -> Any:
    """``docs/json_reference.py``, loaded by path (MkDocs loads this file the same way)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent / "json_reference.py"
    spec = importlib.util.spec_from_file_location("cadre_docs_json_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
