"""The generated text committed in docs/*.md is what the code gives now.

Pages hold generated regions between ``<!-- cadre:NAME -->`` and ``<!-- /cadre:NAME -->``
(docs/hooks.py): written into the Markdown by ``python docs/hooks.py --write`` and again
at site build time by the same function. A failure here names the stale pages and the
command that refreshes them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from test_docs import load_hooks_module

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def hooks() -> ModuleType:
    return load_hooks_module()


def test_committed_generated_text_is_fresh(hooks: ModuleType) -> None:
    stale = hooks.stale_pages()
    assert not stale, (
        "generated text in "
        + ", ".join(str(p.relative_to(ROOT)) for p in stale)
        + f" is stale: run `{hooks.REFRESH_COMMAND}` and commit the result"
    )


def test_every_region_is_closed_and_known(hooks: ModuleType) -> None:
    pages = {p.name: p.read_text(encoding="utf-8") for p in hooks.pages()}
    assert {"targets.md", "roster-format.md"} <= set(pages)
    for text in pages.values():
        for name in hooks._START.findall(text):
            assert name in hooks.GENERATORS
            assert text.count(hooks.start_mark(name)) == text.count(hooks.end_mark(name)) == 1


def test_the_site_shows_what_the_repository_holds(hooks: ModuleType) -> None:
    for page in hooks.pages():
        text = page.read_text(encoding="utf-8")
        assert hooks.on_page_markdown(text, None, None, []) == text


def test_the_committed_targets_are_those_of_the_repository_plugins(hooks: ModuleType) -> None:
    host = hooks.doc_host()
    assert host.plugin_names() == ["cadre", *(name for name, _ in hooks.DOC_PLUGINS)]
    text = (ROOT / "docs" / "targets.md").read_text(encoding="utf-8")
    for plugin, target in host.targets():
        assert f"### `{target.id}`" in text and f"Plugin `{plugin}`" in text


def test_the_committed_targets_ignore_the_plugin_filters(
    hooks: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CADRE_DISABLE_PLUGINS", "laichau")
    assert hooks.render_targets() == hooks.render_targets_page(hooks.doc_host())
    assert "## Plugin `laichau`" in hooks.render_targets()


# ------------------------------------------------------------------- the mechanism
def test_fill_writes_between_the_markers_and_is_idempotent(hooks: ModuleType) -> None:
    calls: list[str] = []

    def one() -> str:
        calls.append("one")
        return "| a |\n|---|\n| 1 |\n"

    gens = {"one": one}
    page = "# T\n\n<!-- cadre:one -->\n\nold text\n\n<!-- /cadre:one -->\n\nafter\n"
    filled = hooks.fill(page, gens)
    assert (
        filled
        == "# T\n\n<!-- cadre:one -->\n\n| a |\n|---|\n| 1 |\n\n<!-- /cadre:one -->\n\nafter\n"
    )
    assert hooks.fill(filled, gens) == filled
    # an opening marker alone is filled and closed
    assert hooks.fill("<!-- cadre:one -->\n\nafter\n", gens) == filled.removeprefix("# T\n\n")
    # a marker quoted in a sentence or a code span is left alone
    quoted = "Write `<!-- cadre:one -->` on its own line.\n"
    assert hooks.fill(quoted, gens) == quoted


def test_an_unknown_marker_is_an_error(hooks: ModuleType) -> None:
    with pytest.raises(ValueError, match="no generator"):
        hooks.fill("<!-- cadre:nope -->\n", {"one": lambda: ""})


def test_generators_register_by_name(hooks: ModuleType, tmp_path: Path) -> None:
    @hooks.generator("test-extra")
    def extra() -> str:
        return "generated"

    try:
        assert hooks.GENERATORS["test-extra"] is extra
        with pytest.raises(ValueError, match="already registered"):
            hooks.generator("test-extra")(lambda: "other")
        page = tmp_path / "extra.md"
        page.write_text("# X\n\n<!-- cadre:test-extra -->\n", encoding="utf-8")
        assert hooks.stale_pages(tmp_path) == [page]
        assert hooks.stale_pages(tmp_path, write=True) == [page]
        assert hooks.stale_pages(tmp_path) == []
        assert "\ngenerated\n" in page.read_text(encoding="utf-8")
    finally:
        del hooks.GENERATORS["test-extra"]


def test_the_command_checks_the_pages() -> None:
    proc = subprocess.run(
        [sys.executable, "docs/hooks.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
