"""``cadre new-plugin`` / :func:`cadre_core.scaffold.scaffold` (fast checks; the install
and the generated tests run in ``test_plugin_install.py``)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cadre_core.cli._new_plugin import new_plugin_command
from cadre_core.scaffold import placeholders, scaffold
from cadre_core.testing import evaluate_plugin

EXPECTED = {
    ".gitignore",
    "README.md",
    "ci.sh",
    "pyproject.toml",
    "src/cadre_ha_giang/__init__.py",
    "src/cadre_ha_giang/py.typed",
    "tests/test_ha_giang.py",
}


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return scaffold("ha_giang", "Tỉnh Hà Giang", tmp_path)


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_writes_the_package(package: Path, tmp_path: Path) -> None:
    assert package == tmp_path / "cadre-ha-giang"
    assert files(package) == EXPECTED
    for path in package.rglob("*"):
        if path.is_file():
            assert "{{" not in path.read_text(encoding="utf-8"), path
    assert (package / "ci.sh").stat().st_mode & 0o111


def test_pyproject_declares_the_entry_point(package: Path) -> None:
    meta = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["name"] == "cadre-ha-giang"
    assert meta["project"]["entry-points"]["cadre"] == {"ha_giang": "cadre_ha_giang"}
    assert any(d.startswith("cadre-core") for d in meta["project"]["dependencies"])
    assert {"pytest>=8", "hypothesis>=6.100"} <= set(
        meta["project"]["optional-dependencies"]["test"]
    )
    assert meta["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["src/cadre_ha_giang"]


def test_ci_script_is_valid_bash(package: Path) -> None:
    proc = subprocess.run(["bash", "-n", str(package / "ci.sh")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture
def generated_module(package: Path) -> Iterator[object]:
    src = package / "src" / "cadre_ha_giang" / "__init__.py"
    spec = importlib.util.spec_from_file_location("cadre_ha_giang", src)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["cadre_ha_giang"] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["cadre_ha_giang"]


def test_generated_plugin_evaluates(generated_module: object) -> None:
    ev = evaluate_plugin(generated_module, name="ha_giang", findings=False)
    result = ev.communes[0].target("ha_giang.1")
    assert ev.features is not None
    leaders = ev.features.cadres[ev.features.cadres["is_leader"]]
    assert result.population == len(leaders) > 0
    assert result.satisfied == int((leaders["education_rank"] >= 3).sum())
    assert "Tỉnh Hà Giang" in result.source
    assert ev.params["ha_giang.1.min_education"] == "dai_hoc"


def test_generated_target_is_built_from_its_criteria(generated_module: Any) -> None:
    source = Path(generated_module.__file__).read_text(encoding="utf-8")
    assert "Target.from_criteria(" in source
    (target,) = generated_module.TARGETS
    assert target.population_text == generated_module.LEADERS.requirement
    assert target.requirement == generated_module.CRITERION_1.requirement


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(),
    reason="ruff missing",
)
def test_generated_code_is_lint_clean(package: Path) -> None:
    ruff = Path(sys.executable).parent / "ruff"
    exe = str(ruff) if ruff.exists() else "ruff"
    for args in (["check", "."], ["format", "--check", "."]):
        proc = subprocess.run([exe, *args], cwd=package, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("name", ["HaGiang", "1abc", "ha-giang", "", "hà_giang", "a b"])
def test_invalid_names_are_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="lower-case"):
        scaffold(name, None, tmp_path)
    assert not any(tmp_path.iterdir())


def test_existing_folder_is_refused(package: Path, tmp_path: Path) -> None:
    with pytest.raises(FileExistsError):
        scaffold("ha_giang", None, tmp_path)


def test_default_province() -> None:
    assert placeholders("lao_cai")["province"] == "Tỉnh Lao Cai"
    assert placeholders("lao_cai")["module"] == "cadre_lao_cai"


def test_command(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        new_plugin_command, ["dien_bien", "--province", "Tỉnh Điện Biên", "--output", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    root = tmp_path / "cadre-dien-bien"
    assert f"Đã tạo {root}" in result.output
    assert "Tỉnh Điện Biên" in (root / "README.md").read_text(encoding="utf-8")
    again = runner.invoke(new_plugin_command, ["dien_bien", "--output", str(tmp_path)])
    assert again.exit_code == 2
    assert "đã có và không trống" in again.output  # in the user's language
    again = runner.invoke(new_plugin_command, ["dien_bien", "-o", str(tmp_path), "--lang", "en"])
    assert again.exit_code == 2
    assert "already exists" in again.output
    bad = runner.invoke(new_plugin_command, ["Dien-Bien", "--output", str(tmp_path)])
    assert bad.exit_code == 2
    assert "chữ cái ASCII viết thường" in bad.output
    bad = runner.invoke(new_plugin_command, ["Dien-Bien", "-o", str(tmp_path), "--lang", "en"])
    assert bad.exit_code == 2
    assert "lower-case" in bad.output
