"""``docs/walkthrough.md`` works: its ``bash`` blocks run, in order, in a copy of the repo.

The blocks run in one bash process (as a reader runs them in one shell) with
``set -euo pipefail``, so any failing command fails the test. uv comes from this
environment; the fresh ``.venv`` of the copy is built from uv's cache in seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WALKTHROUGH = ROOT / "docs" / "walkthrough.md"
BLOCK = re.compile(r"^```bash\n(.*?)^```$", re.MULTILINE | re.DOTALL)
IGNORE = shutil.ignore_patterns(
    ".venv",
    ".git",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    ".benchmarks",
    "site",
    "*.egg-info",
    "build",
    "dist",
)


def bash_blocks(text: str) -> list[str]:
    """The ``bash`` fenced blocks of a Markdown page, in order."""
    return BLOCK.findall(text)


def script() -> str:
    """The walkthrough's commands as one bash script."""
    blocks = bash_blocks(WALKTHROUGH.read_text(encoding="utf-8"))
    return "set -euo pipefail\nset -x\n" + "\n".join(blocks)


def test_walkthrough_has_the_steps() -> None:
    blocks = bash_blocks(WALKTHROUGH.read_text(encoding="utf-8"))
    text = "\n".join(blocks)
    assert len(blocks) >= 6
    for command in (
        "uv venv",
        "cadre demo",
        "cadre new-plugin hagiang",
        "uv pip install -q --python .venv/bin/python -e plugins/cadre-hagiang",
        "--params local.toml",
        "pytest -q plugins/cadre-hagiang",
    ):
        assert command in text
    assert "git clone" not in text  # shown, but not run: the test runs in a copy


@pytest.mark.slow
def test_walkthrough_runs(tmp_path: Path) -> None:
    uv = Path(sys.executable).parent / "uv"
    uv_path = str(uv) if uv.exists() else shutil.which("uv")
    if uv_path is None:
        pytest.skip("uv is not installed")
    repo = tmp_path / "cadre_core"
    shutil.copytree(ROOT, repo, ignore=IGNORE, symlinks=True)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "uv").symlink_to(uv_path)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"VIRTUAL_ENV", "PYTHONPATH", "CADRE_LOAD_PLUGINS", "CADRE_DISABLE_PLUGINS"}
    }
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["UV_PYTHON"] = sys.executable
    proc = subprocess.run(
        ["bash", "-c", script()],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    out = proc.stdout
    assert '"name": "hagiang"' in out
    assert "hagiang.2" in out  # the target added in step 3 is evaluated
    assert '"from": "file local.toml"' in out
    assert re.search(r"\b6 passed\b", out), out[-2000:]  # 5 generated tests + the one added
    assert (repo / "result.json").exists()
