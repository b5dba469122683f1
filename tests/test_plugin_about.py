"""What a plugin says of itself (``cadre_about``): its province, a one-line description and
whether it is an example, shown by ``cadre plugins`` and kept out of results unless named."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cadre_core as cc
from cadre_core.scaffold import scaffold
from cadre_core.vocab._labels import label

CADRE = str(Path(sys.executable).parent / "cadre")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=120)


def test_plugins_json_gives_province_description_and_example() -> None:
    out = run("plugins", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = {p["name"]: p for p in json.loads(out.stdout)["plugins"]}
    assert data["laichau"]["province"] == "Tỉnh Lai Châu"
    assert "05-NQ/TU" in data["laichau"]["description"]
    assert data["laichau"]["example"] is False
    assert data["province_template"]["province"] == "Tỉnh Mẫu"
    assert data["province_template"]["example"] is True
    assert data["cadre"]["province"] is None  # national rules govern no one province
    assert data["cadre"]["description"]


def test_plugins_table_shows_province_description_and_example() -> None:
    out = run("plugins")
    assert out.returncode == 0, out.stderr
    text = " ".join(out.stdout.split())
    for words in ("Tỉnh Lai Châu", "Tỉnh Mẫu", label("cli_example_plugin", "vi")):
        assert words in text, words
    lines = [line for line in out.stdout.splitlines() if line.startswith("laichau")]
    assert len(lines) == 1 and "Tỉnh Lai Châu" in lines[0]  # piped: one plugin, one line


@given(st.text(max_size=30))
def test_about_keeps_the_province_without_surrounding_blanks(text: str) -> None:
    about = cc.About(prefixes=("x",), province=f"  {text}\t")
    assert about.province == text.strip()


@pytest.mark.parametrize("field", ["province", "description"])
def test_about_refuses_what_is_not_text(field: str) -> None:
    with pytest.raises(TypeError, match="text, not int"):
        cc.About(prefixes=("x",), **{field: 3})  # type: ignore[arg-type]


@pytest.fixture
def scaffolded(tmp_path: Path) -> Iterator[ModuleType]:
    root = scaffold("ha_giang", "Tỉnh Hà Giang", tmp_path)
    path = root / "src" / "cadre_ha_giang" / "__init__.py"
    spec = importlib.util.spec_from_file_location("cadre_ha_giang", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["cadre_ha_giang"] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["cadre_ha_giang"]


def test_a_scaffolded_plugin_is_an_example_of_its_province(scaffolded: ModuleType) -> None:
    about = scaffolded.cadre_about()
    assert about == cc.About(
        prefixes=("ha_giang",),
        example=True,
        province="Tỉnh Hà Giang",
        description=about.description,
    )
    assert "Tỉnh Hà Giang" in about.description
