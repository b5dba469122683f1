"""Generated documentation: the parts of pages that are written from the code.

A page asks for generated text with a pair of markers; the text between them is written
by a registered generator, both into the Markdown file itself (so that the page reads in
the repository) and again when the site is built (MkDocs ``on_page_markdown``)::

    <!-- cadre:targets -->

    ... generated text, never edited by hand ...

    <!-- /cadre:targets -->

Markers count only on a line of their own; an opening marker without its closing one
is closed when the page is written.

Generators, by marker name (:data:`GENERATORS`):

- ``targets`` (in ``targets.md``): every target of the built-in plugin and the province
  plugins of this repository (:data:`DOC_PLUGINS`), with every parameter;
- ``columns`` and ``aliases`` (in ``roster-format.md``): the tables, columns, header
  aliases and value aliases of the roster schema.

Add one with :func:`generator`::

    @generator("json-schema")
    def render_json_schema() -> str:
        return "..."  # Markdown

Refresh the committed text with ``python docs/hooks.py --write`` (``--check`` lists the
stale pages and exits 1); ``tests/test_docs_generated.py`` fails while a page is stale.

The part of ``json.md`` between its markers is regenerated from the published JSON
Schemas by ``docs/json_reference.py`` (committed generated too; ``tests/test_json_schema.py``
fails when it is stale).

Pages that other work streams write (performance, security, roster extensions) get a
short generated placeholder while their file does not exist yet, so the navigation and
``mkdocs build --strict`` never break.

The ``render_*`` functions are plain functions of the code; ``tests/test_docs.py`` calls
them directly.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent

#: The command that rewrites the generated text of every page (run from the repository).
REFRESH_COMMAND = "python docs/hooks.py --write"

#: Generators by marker name: ``<!-- cadre:NAME -->`` ... ``<!-- /cadre:NAME -->`` on a
#: page is filled with ``GENERATORS[NAME]()`` (Markdown text). Register with
#: :func:`generator`.
GENERATORS: dict[str, Callable[[], str]] = {}

#: The plugins whose targets the committed targets reference lists, besides the built-in
#: plugin: the province plugins of this repository (CI installs the same ones), by plugin
#: name and module. Imported directly, so that neither another installed plugin nor
#: ``CADRE_LOAD_PLUGINS``/``CADRE_DISABLE_PLUGINS`` changes the page.
DOC_PLUGINS: tuple[tuple[str, str], ...] = (
    ("laichau", "cadre_laichau"),
    ("province_template", "cadre_province_template"),
)


def start_mark(name: str) -> str:
    """The marker that opens the generated text of ``name``."""
    return f"<!-- cadre:{name} -->"


def end_mark(name: str) -> str:
    """The marker that closes the generated text of ``name``."""
    return f"<!-- /cadre:{name} -->"


TARGETS_MARK = start_mark("targets")
COLUMNS_MARK = start_mark("columns")
ALIASES_MARK = start_mark("aliases")

# markers count only on a line of their own (not quoted in a sentence or a code span)
_START = re.compile(r"^<!-- cadre:([\w.-]+) -->[ \t]*$", re.MULTILINE)


def _end(name: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(end_mark(name))}[ \t]*$", re.MULTILINE)


def generator(name: str) -> Callable[[Callable[[], str]], Callable[[], str]]:
    """Register a function (no argument, returns Markdown) as the generator of the
    markers ``<!-- cadre:NAME -->`` ... ``<!-- /cadre:NAME -->``."""

    def register(fn: Callable[[], str]) -> Callable[[], str]:
        if name in GENERATORS and GENERATORS[name] is not fn:
            raise ValueError(f"a generator is already registered for {start_mark(name)}")
        GENERATORS[name] = fn
        return fn

    return register


def fill(text: str, generators: Mapping[str, Callable[[], str]] | None = None) -> str:
    """``text`` with the region of every marker filled by its generator.

    A region runs from ``<!-- cadre:NAME -->`` to ``<!-- /cadre:NAME -->``; an opening
    marker without its closing one is filled and closed. A marker no generator knows is an
    error (a misspelt marker would otherwise stay empty). Each generator runs once.
    """
    generators = GENERATORS if generators is None else generators
    out: list[str] = []
    at = 0
    made: dict[str, str] = {}
    for m in _START.finditer(text):
        if m.start() < at:  # inside a region already replaced
            continue
        name = m.group(1)
        if name not in generators:
            known = ", ".join(sorted(generators))
            raise ValueError(f"{m.group(0)}: no generator of that name (known: {known})")
        close = _end(name).search(text, m.end())
        nxt = _START.search(text, m.end())
        if close is None or (nxt is not None and nxt.start() < close.start()):
            end = m.end()  # no closing marker (yet): insert one
        else:
            end = close.end()
        if name not in made:
            made[name] = generators[name]().strip("\n")
        out.append(text[at : m.start()])
        out.append(f"{start_mark(name)}\n\n{made[name]}\n\n{end_mark(name)}")
        at = end
    out.append(text[at:])
    return "".join(out)


def pages(docs: Path = DOCS) -> list[Path]:
    """The Markdown pages under ``docs`` that hold a generation marker."""
    return sorted(p for p in docs.rglob("*.md") if _START.search(p.read_text(encoding="utf-8")))


def stale_pages(docs: Path = DOCS, *, write: bool = False) -> list[Path]:
    """The pages whose committed generated text differs from what the code gives now;
    with ``write``, rewrite them."""
    stale = []
    for page in pages(docs):
        text = page.read_text(encoding="utf-8")
        fresh = fill(text)
        if fresh != text:
            stale.append(page)
            if write:
                page.write_text(fresh, encoding="utf-8", newline="\n")
    return stale


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


def doc_host() -> Any:
    """The plugin host of the committed pages: the built-in plugin and :data:`DOC_PLUGINS`."""
    import importlib

    from cadre_core import PluginHost
    from cadre_core.plugins._host import make_plugin_manager

    extra = []
    for name, module in DOC_PLUGINS:
        try:
            extra.append((name, importlib.import_module(module)))
        except ImportError as exc:
            raise RuntimeError(
                f"the docs list the targets of plugin {name!r} ({module}), which is not "
                "installed: pip install -e plugins/cadre-laichau "
                "-e plugins/cadre-province-template"
            ) from exc
    return PluginHost(make_plugin_manager(entry_points=False, extra=extra))


@generator("targets")
def render_targets() -> str:
    """The targets reference of the committed page (:func:`doc_host`)."""
    return render_targets_page(doc_host())


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


@generator("columns")
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


@generator("aliases")
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
    """Fill every generated region afresh (the same text :func:`stale_pages` writes)."""
    markdown = fill(markdown)
    if page is not None and page.file.src_uri == "json.md":
        markdown = _json_reference().update(markdown)
    return markdown


def _json_reference() -> Any:
    """``docs/json_reference.py``, loaded by path (MkDocs loads this file the same way)."""
    import importlib.util

    path = Path(__file__).resolve().parent / "json_reference.py"
    spec = importlib.util.spec_from_file_location("cadre_docs_json_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ command line
def main(argv: Sequence[str] | None = None) -> int:
    """``python docs/hooks.py --write`` rewrites the generated text of every page;
    ``--check`` lists the stale pages and exits 1 when there are any."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rewrite the stale pages")
    mode.add_argument("--check", action="store_true", help="list the stale pages, exit 1 if any")
    args = parser.parse_args(argv)
    stale = stale_pages(write=args.write)
    for page in stale:
        print(f"{'rewrote' if args.write else 'stale'}: {page.relative_to(DOCS.parent)}")
    if args.check and stale:
        print(f"refresh with: {REFRESH_COMMAND}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
