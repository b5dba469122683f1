"""Every script in ``examples/`` runs and does what its docstring says."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(script: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run an example with this interpreter; fail with its output when it fails."""
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=EXAMPLES.parent,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def load(script: str) -> ModuleType:
    """Import an example as a module (without running its ``main``)."""
    spec = importlib.util.spec_from_file_location(f"example_{Path(script).stem}", EXAMPLES / script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_example_is_tested() -> None:
    tested = {
        "evaluate_and_postprocess.py",
        "write_a_plugin.py",
        "property_test_custom_target.py",
        "web_endpoint.py",
    }
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_evaluate_and_postprocess() -> None:
    out = run("evaluate_and_postprocess.py", "2026-12-31").stdout
    assert "Xã Mường Than as of 2026-12-31" in out
    assert "== status ==" in out and "== gaps ==" in out and "== behind ==" in out
    assert "nq05.5a" in out


def test_evaluate_and_postprocess_summary_matches_evaluation() -> None:
    import cadre_core

    example = load("evaluate_and_postprocess.py")
    ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31", plugins=["laichau"])
    views = example.summarise(ev)
    frame = ev.to_frame()
    assert views["status"]["targets"].sum() == len(frame)
    assert set(views["gaps"]["id"]) == set(frame.loc[frame["status"] == "not_met", "id"])
    assert list(views["gaps"]["shortfall"]) == sorted(views["gaps"]["shortfall"], reverse=True)


def test_write_a_plugin() -> None:
    out = run("write_a_plugin.py").stdout
    assert "demo.local:" in out
    assert "nq05.5a: threshold 2/3 (from plugin demo)" in out


@pytest.mark.slow
def test_property_test_custom_target_as_script() -> None:
    out = run("property_test_custom_target.py", timeout=300).stdout
    assert "property held" in out


def test_web_endpoint(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    import cadre_core

    example = load("web_endpoint.py")
    workbook = tmp_path / "xa.xlsx"
    cadre_core.sample_roster().write(workbook)
    upload = {"roster": ("xa.xlsx", workbook.read_bytes())}
    with TestClient(example.make_app()) as client:
        assert client.get("/").json() == {"cadre": "/cadre/docs"}
        got = client.post("/cadre/v1/evaluate", params={"as_of": "2026-12-31"}, files=upload)
        assert got.status_code == 200
        assert got.headers["content-type"].startswith("application/json")
        doc = got.json()
        assert doc["as_of"] == "2026-12-31"
        assert "nq05.5a" in {t["id"] for t in doc["communes"][0]["targets"]}
        bad = client.post("/cadre/v1/evaluate", params={"as_of": "31-13-2026"}, files=upload)
        assert bad.status_code == 400 and "as_of" in bad.json()["error"]
        other = client.post(
            "/cadre/v1/evaluate", params={"plugin": "province_template"}, files=upload
        )
        assert other.status_code == 403  # the integrator allows laichau only
