"""One pipeline, two backends: the shape that keeps them giving the same evaluation."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import cadre_core
from cadre_core import evaluate, sample_roster
from cadre_core.engine import _pipeline

ENGINE = Path(_pipeline.__file__).resolve().parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_the_pipeline_never_imports_a_backend() -> None:
    text = (ENGINE / "_pipeline.py").read_text(encoding="utf-8")
    assert not any("_dask" in name for name in _imports(ENGINE / "_pipeline.py"))
    assert "import_module" not in text  # no import by name either
    assert "cadre_core.engine._pipeline" in _imports(ENGINE / "_dask.py")


def test_one_place_builds_an_evaluation() -> None:
    calls = [
        (path.name, node.lineno)
        for path in sorted(ENGINE.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "Evaluation"
    ]
    assert [name for name, _ in calls] == ["_pipeline.py"]


def test_both_backends_are_registered_by_name() -> None:
    assert {"pandas", "dask"} <= set(_pipeline._ENGINES)


def test_an_unknown_engine_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="'pandas' or 'dask', not 'spark'"):
        evaluate(sample_roster(), "2026-12-31", engine="spark")


def test_evaluate_keeps_its_signature() -> None:
    params = inspect.signature(cadre_core.evaluate).parameters
    assert list(params) == [
        "roster",
        "as_of",
        "plugins",
        "params_file",
        "params",
        "by_commune",
        "host",
        "findings",
        "engine",
        "keep_going",
    ]
    assert params["engine"].default == "pandas"
    assert params["keep_going"].default is False
