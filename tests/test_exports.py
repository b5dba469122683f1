"""Public faces: every ``__all__`` names something the module defines, of this project.

A name in ``__all__`` is a promise (``from m import *``, the API reference, mypy's
re-export rule): it must exist, must not be a module (``np``, ``pd``) unless it is the
package's own public submodule, and a class or function must come from ``cadre_core``,
not from a third-party library.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
import types
from pathlib import Path

import pytest

import cadre_core

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(cadre_core.__path__, "cadre_core.")
    if ".scaffold.template" not in m.name
)


def _problems(name: str) -> list[str]:
    module = importlib.import_module(name)
    found = []
    for export in getattr(module, "__all__", ()):
        if not hasattr(module, export):
            found.append(f"{export}: not defined")
            continue
        obj = getattr(module, export)
        if isinstance(obj, types.ModuleType):
            if obj.__name__ != f"{name}.{export}" or export.startswith("_"):
                found.append(f"{export}: the module {obj.__name__}")
        elif inspect.isclass(obj) or inspect.isroutine(obj):
            origin = getattr(obj, "__module__", "") or ""
            if not origin.startswith("cadre_core"):
                found.append(f"{export}: {origin}.{getattr(obj, '__qualname__', '')}")
    return found


@pytest.mark.parametrize("name", ["cadre_core", *MODULES])
def test_all_names_are_defined_here_and_ours(name: str) -> None:
    assert _problems(name) == []


def test_the_check_catches_a_third_party_export() -> None:
    fake = types.ModuleType("cadre_core._fake")
    fake.__all__ = ["np", "DataFrame", "missing"]  # type: ignore[attr-defined]
    fake.np = importlib.import_module("numpy")  # type: ignore[attr-defined]
    fake.DataFrame = importlib.import_module("pandas").DataFrame  # type: ignore[attr-defined]
    sys.modules["cadre_core._fake"] = fake
    try:
        assert len(_problems("cadre_core._fake")) == 3
    finally:
        del sys.modules["cadre_core._fake"]


def test_plugin_info_is_public() -> None:
    ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31")
    assert "PluginInfo" in cadre_core.__all__
    assert all(isinstance(p, cadre_core.PluginInfo) for p in ev.plugins)


def test_the_engine_package_exports_its_public_names() -> None:
    from cadre_core import engine

    assert engine.__doc__ and engine.__doc__.strip()
    assert {"evaluate", "evaluate_dask", "Evaluation", "CommuneResult", "TargetResult"} <= set(
        engine.__all__
    )
    assert engine.evaluate is cadre_core.evaluate
    assert engine.Evaluation is cadre_core.Evaluation


def test_docs_name_public_paths_only() -> None:
    docs = Path(__file__).resolve().parent.parent / "docs"
    private = [
        f"{page.name}: {line.strip()}"
        for page in sorted(docs.glob("*.md"))
        for line in page.read_text(encoding="utf-8").splitlines()
        if "evaluate_dask" in line and "engine._dask" in line
    ]
    assert private == []
    assert "cadre_core.engine.evaluate_dask" in (docs / "performance.md").read_text("utf-8")
