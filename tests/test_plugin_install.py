"""Plugins installed the way users install them: fresh virtual environments (slow).

(a) An out-of-tree plugin package, built in a temporary folder, is found through its
    ``cadre`` entry point by the ``cadre`` command of a fresh environment; its parameter
    with ``replaces="laichau"`` changes Lai Châu's threshold in the JSON output.
(b) A package written by ``cadre new-plugin`` installs and passes its own tests with its
    own ``ci.sh``.

uv makes a fresh environment take seconds (its cache is shared); without uv the tests
fall back to ``python -m venv`` and pip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
LAICHAU = ROOT / "plugins" / "cadre-laichau"
SAMPLE = ROOT / "src" / "cadre_core" / "data" / "sample_commune"


def find_uv() -> str | None:
    """The uv binary next to this interpreter or on PATH."""
    local = Path(sys.executable).parent / "uv"
    return str(local) if local.exists() else shutil.which("uv")


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without the running venv or plugin filters."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"VIRTUAL_ENV", "PYTHONPATH", "CADRE_LOAD_PLUGINS", "CADRE_DISABLE_PLUGINS"}
    }
    env.update(extra)
    return env


def sh(*cmd: str | Path, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a command; fail the test with its output when it fails."""
    proc = subprocess.run(
        [str(c) for c in cmd],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=clean_env(**env),
        timeout=900,
    )
    assert proc.returncode == 0, f"{cmd} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


def fresh_venv(path: Path, *packages: str | Path) -> Path:
    """A new virtual environment at ``path`` with ``packages`` (pip arguments) installed."""
    uv = find_uv()
    if uv:
        sh(uv, "venv", "-q", "--python", sys.executable, path)
        python = path / "bin" / "python"
        sh(uv, "pip", "install", "-q", "--python", python, *packages)
    else:
        sh(sys.executable, "-m", "venv", path)
        python = path / "bin" / "python"
        sh(python, "-m", "pip", "install", "-q", *packages)
    return python


TINY_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.25"]
build-backend = "hatchling.build"

[project]
name = "cadre-tiny"
version = "0.3.0"
requires-python = ">=3.11"
dependencies = ["cadre-core"]

[project.entry-points.cadre]
tiny = "cadre_tiny"

[tool.hatch.build.targets.wheel]
packages = ["src/cadre_tiny"]
"""

TINY_MODULE = '''\
"""A tiny out-of-tree plugin: overrides Lai Châu's 5a threshold and adds a target."""

import datetime as dt

from cadre_core import Parameter, Rule, Target, Text, criteria, hookimpl

FEMALE = criteria.is_female()
ACTIVE = criteria.flag("is_active", Text("cán bộ", "cadres"))


@hookimpl
def cadre_parameters():
    return [
        Parameter(
            "nq05.5a.threshold", "4/5", "fraction",
            "Tiny province applies 80% to target 5a", "Công văn số 1 (thử nghiệm)",
            replaces="laichau",
        )
    ]


@hookimpl
def cadre_targets():
    return [
        Target(
            id="tiny.1", title=Text("Có cán bộ nữ", "Has a woman"), source="Thử nghiệm",
            unit="cadres", population=ACTIVE, criterion=FEMALE, rule=Rule.any(),
            deadline=dt.date(2030, 12, 31),
        )
    ]
'''


def write_tiny_plugin(root: Path) -> Path:
    """The tiny plugin's package folder."""
    pkg = root / "cadre-tiny"
    (pkg / "src" / "cadre_tiny").mkdir(parents=True)
    (pkg / "pyproject.toml").write_text(TINY_PYPROJECT, encoding="utf-8")
    (pkg / "src" / "cadre_tiny" / "__init__.py").write_text(TINY_MODULE, encoding="utf-8")
    return pkg


def target(doc: dict[str, Any], tid: str) -> dict[str, Any]:
    """One target of the first commune of a JSON document."""
    found: dict[str, Any] = next(t for t in doc["communes"][0]["targets"] if t["id"] == tid)
    return found


def test_out_of_tree_plugin_is_discovered_and_overrides(tmp_path: Path) -> None:
    pkg = write_tiny_plugin(tmp_path)
    python = fresh_venv(tmp_path / "venv", "-e", ROOT, "-e", LAICHAU, pkg)
    cadre = python.parent / "cadre"

    listing = json.loads(sh(cadre, "plugins", "--format", "json").stdout)
    plugins = {p["name"]: p for p in listing["plugins"]}
    assert list(plugins) == ["cadre", "laichau", "tiny"]  # built-in first, then by name
    assert plugins["tiny"]["version"] == "0.3.0"  # read from the installed distribution
    assert plugins["tiny"]["targets"] == ["tiny.1"]
    assert plugins["tiny"]["parameters"] == ["nq05.5a.threshold"]
    assert set(plugins["tiny"]["hooks"]) == {"cadre_parameters", "cadre_targets"}

    args = ("evaluate", SAMPLE, "--as-of", "2026-12-31", "--format", "json")
    with_tiny = json.loads(sh(cadre, *args).stdout)
    without = json.loads(sh(cadre, *args, CADRE_DISABLE_PLUGINS="tiny").stdout)

    assert target(without, "nq05.5a")["rule"] == {"op": ">=", "value": "3/4"}
    overridden = target(with_tiny, "nq05.5a")
    assert overridden["rule"] == {"op": ">=", "value": "4/5"}
    population = overridden["population"]
    assert overridden["required"] == -((-population * 4) // 5)
    assert with_tiny["parameters"]["nq05.5a.threshold"] == {"value": "4/5", "from": "plugin tiny"}
    assert target(with_tiny, "tiny.1")["plugin"] == "tiny"
    assert "tiny" in {p["name"] for p in with_tiny["plugins"]}
    # Every other Lai Châu result is unchanged.
    for t in without["communes"][0]["targets"]:
        if t["id"] != "nq05.5a":
            assert target(with_tiny, t["id"]) == t


def test_scaffolded_plugin_installs_and_passes_its_tests(tmp_path: Path) -> None:
    python = fresh_venv(tmp_path / "venv", "-e", ROOT)
    cadre = python.parent / "cadre"
    out = sh(
        cadre, "new-plugin", "hagiang", "--province", "Tỉnh Hà Giang", "--output", tmp_path
    ).stdout
    pkg = tmp_path / "cadre-hagiang"
    assert f"Đã tạo {pkg}" in out
    assert (pkg / "ci.sh").stat().st_mode & 0o111

    # The plugin's own CI script: a fresh environment of its own, the core from this
    # checkout, the plugin with its test extra, then its tests.
    path = os.environ.get("PATH", "")
    uv = find_uv()
    if uv:
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        (bin_dir / "uv").symlink_to(uv)
        path = f"{bin_dir}{os.pathsep}{path}"
    proc = sh("bash", pkg / "ci.sh", CADRE_CORE=str(ROOT), PYTHON=sys.executable, PATH=path)
    assert "5 passed" in proc.stdout, proc.stdout

    listing = json.loads(sh(pkg / ".venv" / "bin" / "cadre", "plugins", "--format", "json").stdout)
    plugins = {p["name"]: p for p in listing["plugins"]}
    assert plugins["hagiang"]["targets"] == ["hagiang.1"]
    assert plugins["hagiang"]["parameters"] == ["hagiang.1.min_education"]
    # a scaffold is an example of its province until its author says otherwise
    assert plugins["hagiang"]["example"] is True
    assert plugins["hagiang"]["province"].startswith("Tỉnh")
