"""Packages whose names are imported when first used (``cadre_core.vocab._lazy``).

``import cadre_core`` imports no stage, and a stage package imports only the modules of the
names asked for: ``cadre --help`` does not import pandas, and ``cadre evaluate`` of a folder
of tables does not import the lists' reader, the synthetic roster, the forms or rich. These
tests keep the promise of each package's face: its ``_LAZY`` map and the imports mypy and
the API reference read (under ``if TYPE_CHECKING:``) name the same things, every name of
``__all__`` is there, and a stage's map names only its own modules (import-linter does not
see these imports: they are strings).
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

#: The packages whose faces are lazy, and the names they define themselves (not lazily).
LAZY_PACKAGES = {
    "cadre_core": set(),
    "cadre_core.vocab": set(),
    "cadre_core.roster": set(),
    "cadre_core.reports": None,  # defines the report writers itself
}


def _type_checking_imports(package: str) -> dict[str, str]:
    """What ``if TYPE_CHECKING:`` of the package's ``__init__`` imports, as ``_LAZY`` says
    it: a name -> ``module`` (same name), ``module:attribute`` or ``module:`` (a module)."""
    path = SRC / package.replace(".", "/") / "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if not (isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"):
            continue
        for imp in node.body:
            assert isinstance(imp, ast.ImportFrom), ast.unparse(imp)
            for alias in imp.names:
                name = alias.asname or alias.name
                folder = SRC / str(imp.module).replace(".", "/") / alias.name
                if folder.with_suffix(".py").exists() or (folder / "__init__.py").exists():
                    found[name] = f"{imp.module}.{alias.name}:"
                elif alias.asname:
                    found[name] = f"{imp.module}:{alias.name}"
                else:
                    found[name] = str(imp.module)
    return found


def _absolute(package: str, lazy: dict[str, str]) -> dict[str, str]:
    return {
        name: (package + where if where.startswith(".") else where) for name, where in lazy.items()
    }


@pytest.mark.parametrize("package", sorted(LAZY_PACKAGES))
def test_lazy_map_is_what_mypy_reads(package: str) -> None:
    module = importlib.import_module(package)
    lazy = _absolute(package, module._LAZY)
    typed = _type_checking_imports(package)
    # the root's stage packages, attributes once imported, are in the map alone
    extra = {n: w for n, w in lazy.items() if n not in typed}
    assert all(w == f"{package}.{n}:" for n, w in extra.items()), extra
    assert {n: w for n, w in lazy.items() if n in typed} == {
        n: w for n, w in typed.items() if n in lazy
    }
    missing = set(typed) - set(lazy) - {"ReportData"}  # (an annotation only)
    assert not missing, missing


@pytest.mark.parametrize("package", sorted(LAZY_PACKAGES))
def test_every_public_name_is_listed_and_resolves(package: str) -> None:
    module = importlib.import_module(package)
    assert set(module.__all__) <= set(dir(module))
    for name in module.__all__:
        assert getattr(module, name) is not None
    with pytest.raises(AttributeError, match="no_such_name"):
        module.no_such_name  # noqa: B018
    if LAZY_PACKAGES[package] is not None:  # a face: every name it publishes is lazy
        assert set(module.__all__) <= set(module._LAZY) | LAZY_PACKAGES[package]


@pytest.mark.parametrize("package", ["cadre_core.vocab", "cadre_core.roster", "cadre_core.reports"])
def test_a_stage_lazily_imports_only_its_own_modules(package: str) -> None:
    module = importlib.import_module(package)
    assert all(where.startswith(".") for where in module._LAZY.values())


def _modules_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return set(done.stdout.split("\n")[-2].split())


def test_import_and_help_import_no_stage() -> None:
    modules = _modules_after("import cadre_core")
    assert {m for m in modules if m.startswith("cadre_core")} == {
        "cadre_core",
        "cadre_core.vocab",
        "cadre_core.vocab._lazy",
    }
    help_ = _modules_after(
        "import contextlib, io\n"
        "from cadre_core.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])"
    )
    assert not {"pandas", "numpy", "pyarrow", "scipy"} & help_


def test_evaluating_a_folder_to_json_imports_what_it_uses(tmp_path: Path) -> None:
    """Not the lists' reader (Word documents), the synthetic roster, the forms, the
    reports' data nor rich (nothing is printed on a terminal)."""
    import cadre_core

    cadre_core.sample_roster().write(tmp_path / "r", format="parquet")
    modules = _modules_after(
        "from cadre_core.cli import main\n"
        "import contextlib\n"
        "with contextlib.suppress(SystemExit):\n"
        f"    main(['evaluate', {str(tmp_path / 'r')!r}, '--as-of', '2026-12-31',"
        f" '--plugin', 'province_template', '-o', {str(tmp_path / 'ev.json')!r}])"
    )
    assert (tmp_path / "ev.json").stat().st_size > 0
    assert "cadre_core.engine._pipeline" in modules
    unused = {
        "cadre_core.roster._flat",
        "cadre_core.roster._docx",
        "cadre_core.roster._synth",
        "cadre_core.plugins.builtin._forms",
        "cadre_core.reports._data",
        "cadre_core.planner",
        "cadre_core.forms",
        "rich",
        "scipy",
    }
    assert not unused & modules, unused & modules
