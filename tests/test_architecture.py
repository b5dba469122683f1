"""The architecture of docs/architecture.md, guarded by the suite.

The import contracts live in ``pyproject.toml`` (``[tool.importlinter]``) and are checked by
``lint-imports`` (in ``.ci/run`` too); these tests run the same check, make sure every stage
package is placed in the layers, that no contract is loosened with ignored imports, and that
each stage package publishes its names with a docstring and ``__all__``.
"""

from __future__ import annotations

import importlib
import inspect
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "cadre_core"

#: The stage packages whose ``__init__`` is their public face (docs/architecture.md).
FACES = ("vocab", "roster", "features", "targets", "findings", "plugins")


def _contracts() -> list[dict[str, Any]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, Any]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def _contract(contract_id: str) -> dict[str, Any]:
    return next(c for c in _contracts() if c.get("id") == contract_id)


def _lint_imports() -> str:
    try:
        importlib.import_module("importlinter")
    except ImportError:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    beside = Path(sys.executable).with_name("lint-imports")
    found = str(beside) if beside.exists() else shutil.which("lint-imports")
    if found is None:
        pytest.skip("import-linter is installed but its lint-imports script is not on PATH")
    return found


def test_import_contracts_are_kept() -> None:
    """``lint-imports`` keeps every contract: layers, no province, no root facade."""
    result = subprocess.run(
        [_lint_imports(), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_stage_package_is_a_layer() -> None:
    """A new subpackage of cadre_core must be placed in the layers before it can be used."""
    layers = _contract("layers")["layers"]
    placed = {name.strip() for layer in layers for name in layer.split("|")}
    packages = {
        f"cadre_core.{p.parent.name}"
        for p in PACKAGE.glob("*/__init__.py")
        if not p.parent.name.startswith("_")
    }
    assert packages <= placed, f"not in the layers contract: {sorted(packages - placed)}"
    assert placed <= packages, f"layers that do not exist: {sorted(placed - packages)}"


def test_contracts_are_not_loosened() -> None:
    """No contract ignores an import: a violation is fixed in the code, never whitelisted."""
    for contract in _contracts():
        assert not contract.get("ignore_imports"), contract["id"]
    assert set(_contract("no-province")["forbidden_modules"]) == {
        "cadre_laichau",
        "cadre_province_template",
    }
    assert _contract("layers")["layers"][-1] == "cadre_core.vocab"


@pytest.mark.parametrize("name", FACES)
def test_stage_package_face(name: str) -> None:
    """Each stage says what it owns and may import, and publishes names it defines itself."""
    package = importlib.import_module(f"cadre_core.{name}")
    doc = inspect.getdoc(package) or ""
    assert "May import" in doc, f"cadre_core.{name} must say what it may import"
    public = package.__all__
    assert public == sorted(set(public), key=public.index), "no duplicates in __all__"
    for attr in public:
        value = getattr(package, attr)
        assert not inspect.ismodule(value), f"cadre_core.{name}.{attr} is a module"
        if inspect.isclass(value) or inspect.isroutine(value):
            assert value.__module__.startswith(f"cadre_core.{name}."), (
                f"cadre_core.{name}.{attr} comes from {value.__module__}, not from this stage"
            )


def test_architecture_page_describes_every_stage_and_is_linked() -> None:
    """docs/architecture.md has a paragraph per stage and is reachable from the docs and README."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    headings = [line for line in page.splitlines() if line.startswith("### ")]
    for stage in (p.parent.name for p in PACKAGE.glob("*/__init__.py")):
        assert any(f"`cadre_core.{stage}`" in h for h in headings), stage
    assert "architecture.md" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "architecture.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/architecture.md" in readme.split("## Layout", 1)[1]


#: "About 600 lines": a module longer than this is split, or the architecture page says why not.
LONG_MODULE = 650


def test_long_modules_are_explained() -> None:
    """No module in src/ is longer than about 600 lines unless the architecture page explains it."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    explained = page.split("## Long modules", 1)[1]
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > LONG_MODULE
    }
    unexplained = {path: n for path, n in long.items() if f"`{path}`" not in explained}
    assert not unexplained, (
        f"split these modules or explain them in docs/architecture.md: {unexplained}"
    )
