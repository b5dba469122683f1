"""The documentation keeps up with the code.

- every hook of ``cadre_core.hookspecs`` has a heading ``cadre_x(a, b)`` in
  ``docs/plugins.md`` with the exact signature, its return type and an example;
- the generated targets reference lists every registered target and parameter;
- the generated roster tables list every table, column and coded value;
- the site builds with ``mkdocs build --strict`` (slow).
"""

from __future__ import annotations

import importlib.util
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cadre_core import PluginHost, hookspecs
from cadre_core.roster._schema import TABLES, VALUE_ALIASES
from cadre_core.testing import temporary_plugin

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HEADING = re.compile(r"^#{2,4}\s+`?(cadre_\w+)\(([^)]*)\)`?\s*$", re.MULTILINE)


def hookspec_signatures() -> dict[str, inspect.Signature]:
    """Every hookspec of the project, by name."""
    marker = f"{hookspecs.PROJECT}_spec"
    return {
        name: inspect.signature(fn)
        for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(fn, marker)
    }


def documented_hooks(text: str) -> dict[str, list[str]]:
    """Hook headings of a page: name -> argument names."""
    found: dict[str, list[str]] = {}
    for name, args in HEADING.findall(text):
        assert name not in found, f"hook {name} is documented twice"
        found[name] = [a.strip() for a in args.split(",") if a.strip()]
    return found


def sections(text: str) -> dict[str, str]:
    """The text under each hook heading, up to the next heading of the same or upper level."""
    out: dict[str, str] = {}
    matches = list(HEADING.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        nxt = re.search(r"^#{1,3}\s", text[m.end() : end], re.MULTILINE)
        out[m.group(1)] = text[m.end() : m.end() + nxt.start()] if nxt else text[m.end() : end]
    return out


def load_hooks_module() -> ModuleType:
    """``docs/hooks.py`` as a module."""
    spec = importlib.util.spec_from_file_location("cadre_docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------------ hooks page
def test_there_are_hookspecs() -> None:
    specs = hookspec_signatures()
    assert {"cadre_targets", "cadre_parameters", "cadre_features"} <= set(specs)


def test_every_hook_documented_with_its_signature() -> None:
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    documented = documented_hooks(text)
    for name, sig in hookspec_signatures().items():
        assert name in documented, f"hook {name} is not documented in docs/plugins.md"
        assert documented[name] == list(sig.parameters), (
            f"docs/plugins.md documents {name}({', '.join(documented[name])}), "
            f"but the hookspec is {name}{sig}"
        )
    stale = set(documented) - set(hookspec_signatures())
    assert not stale, f"docs/plugins.md documents hooks that do not exist: {sorted(stale)}"


def test_every_hook_section_has_return_type_and_example() -> None:
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    body = sections(text)
    for name, sig in hookspec_signatures().items():
        section = body[name]
        returns = sig.return_annotation
        assert isinstance(returns, str)  # the hookspecs use postponed annotations
        assert f"**Returns** `{returns}`" in section, f"{name}: return type {returns} missing"
        assert "```python" in section, f"{name}: no example"
        assert re.search(rf"def {name}\(", section), f"{name}: the example does not define it"


def test_heading_parser_catches_a_wrong_signature() -> None:
    assert documented_hooks("### `cadre_findings(features)`\n") == {"cadre_findings": ["features"]}
    assert documented_hooks("## cadre_targets()\n") == {"cadre_targets": []}


def test_plugins_page_states_order_and_override_rules() -> None:
    text = " ".join((DOCS / "plugins.md").read_text(encoding="utf-8").split())
    for phrase in (
        "The built-in plugin `cadre` first, then installed plugins sorted by name",
        "is an error that blames the newcomer, names the owner and the key, and advises "
        '`replaces="<owner>"`',
        "adding a column that exists is an error unless the value is "
        '`Column(values, replaces="<owner>")`',
        "`cadre evaluate --keep-going`",
    ):
        assert phrase in text
    assert "(template-plugin.md)" in text


# --------------------------------------------------------------- generated pages
def test_targets_page_lists_every_registered_target_and_parameter() -> None:
    hooks = load_hooks_module()
    host = PluginHost()
    page = hooks.render_targets_page(host)
    registered = host.targets()
    assert registered, "no plugin with targets is installed"
    for plugin, target in registered:
        assert f"### `{target.id}`" in page
        assert target.title.vi in page and target.title.en in page
        assert f"Plugin `{plugin}`" in page
        assert target.deadline.isoformat() in page
    for key in host.params(registered).definitions:
        assert f"| `{key}` |" in page


def test_targets_page_follows_the_installed_plugins() -> None:
    import cadre_laichau

    hooks = load_hooks_module()
    with temporary_plugin(cadre_laichau, name="laichau-copy") as host:
        page = hooks.render_targets_page(host)
    assert "## Plugin `laichau-copy`" in page
    assert "### `nq05.5a`" in page and "≥ 75% (`>= 3/4`" in page


def test_roster_tables_are_generated_from_the_schema() -> None:
    hooks = load_hooks_module()
    columns = hooks.render_columns()
    for table in TABLES:
        assert f"### `{table.name}`" in columns
        for col in table.columns:
            assert f"| `{col.name}` |" in columns
    aliases = hooks.render_aliases()
    for kind, table in VALUE_ALIASES.items():
        assert f"### `{kind}`" in aliases
        for code in set(table.values()):
            assert f"| `{code}` |" in aliases


def test_markers_are_on_the_pages() -> None:
    hooks = load_hooks_module()
    assert hooks.TARGETS_MARK in (DOCS / "targets.md").read_text(encoding="utf-8")
    roster = (DOCS / "roster-format.md").read_text(encoding="utf-8")
    assert hooks.COLUMNS_MARK in roster and hooks.ALIASES_MARK in roster


def test_changelog_has_an_unreleased_section() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Unreleased" in text
    assert '--8<-- "CHANGELOG.md"' in (DOCS / "changelog.md").read_text(encoding="utf-8")


# ------------------------------------------------------------------------ the build
@pytest.mark.slow
def test_site_builds_strict(tmp_path: Path) -> None:
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None:
        pytest.skip("mkdocs-material is not installed")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "WARNING" not in proc.stderr, proc.stderr[-4000:]
    targets = (site / "targets" / "index.html").read_text(encoding="utf-8")
    for _, target in PluginHost().targets():
        assert target.id in targets
    plugins = (site / "plugins" / "index.html").read_text(encoding="utf-8")
    for name in hookspec_signatures():
        assert name in plugins
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert "evaluate" in api and "temporary_plugin" in api
    assert "## Unreleased" not in (site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "Unreleased" in (site / "changelog" / "index.html").read_text(encoding="utf-8")
