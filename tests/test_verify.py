"""``cadre verify REPORT ROSTER``: a report still matches, or the difference is named.

Reports of every format carry their evaluation (JSON itself, HTML hidden element, xlsx
hidden sheet) with an ``audit`` block; verify re-runs it on the roster: exit 0 when it
matches, 3 with the differences named when it does not, 2 for a file that is not a report.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from cadre_core import Roster

pytestmark = pytest.mark.slow  # every test runs the console script (about 3 s a start)


def _cadre(exe: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "300", "NO_COLOR": "1"}
    env.pop("CADRE_DEBUG", None)
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def made(
    cadre_exe: Path, sample: Roster, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The sample commune as CSV and its reports in json, html and xlsx."""
    root = tmp_path_factory.mktemp("verify")
    roster = sample.write(root / "roster")
    out = {"roster": roster}
    for fmt in ("json", "html", "xlsx"):
        path = root / f"report.{fmt}"
        done = _cadre(
            cadre_exe, "evaluate", str(roster), "--as-of", "2026-12-31", "--plugin", "laichau",
            "--format", fmt, "--output", str(path),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        out[fmt] = path
    return out


@pytest.mark.parametrize("fmt", ["json", "html", "xlsx"])
def test_report_matches_its_roster(cadre_exe: Path, made: dict[str, Path], fmt: str) -> None:
    """An untouched report matches (exit 0)."""
    done = _cadre(cadre_exe, "verify", str(made[fmt]), str(made["roster"]))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "khớp với" in done.stdout


def test_json_report_has_an_audit_block(made: dict[str, Path]) -> None:
    """The audit block names the tool, plugins, as-of day and every input file's hash."""
    doc = json.loads(made["json"].read_text(encoding="utf-8"))
    audit = doc["audit"]
    assert audit["tool"].startswith("cadre-core ")
    assert audit["as_of"] == "2026-12-31"
    assert "laichau" in audit["plugins"]
    assert any(i.startswith("cadres.csv:") and len(i.split(":")[1]) == 64 for i in audit["inputs"])


@pytest.fixture(scope="module")
def changed(made: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The roster with one rating changed (so at least one target's counts change)."""
    folder = tmp_path_factory.mktemp("changed") / "roster"
    shutil.copytree(made["roster"], folder)
    degrees = pd.read_csv(folder / "degrees.csv", dtype=str, keep_default_na=False)
    degrees["level"] = "trung_cap"  # every degree becomes the lowest level
    degrees.to_csv(folder / "degrees.csv", index=False)
    return folder


@pytest.mark.parametrize("fmt", ["json", "html", "xlsx"])
def test_changed_roster_is_reported(
    cadre_exe: Path, made: dict[str, Path], changed: Path, fmt: str
) -> None:
    """A changed value: exit 3, naming the changed inputs and the targets that differ."""
    done = _cadre(cadre_exe, "verify", str(made[fmt]), str(changed))
    assert done.returncode == 3, done.stdout + done.stderr
    assert "không còn khớp với" in done.stdout
    assert "các tệp của danh sách khác với các tệp đã dùng để lập báo cáo" in done.stdout
    assert "chỉ tiêu" in done.stdout and "khác nhau ở" in done.stdout
    assert "Traceback" not in done.stderr


def test_tampered_report_is_reported(
    cadre_exe: Path, made: dict[str, Path], tmp_path: Path
) -> None:
    """Editing a count in the report itself is caught too."""
    doc = json.loads(made["json"].read_text(encoding="utf-8"))
    target = doc["communes"][0]["targets"][0]
    target["satisfied"] = int(target["satisfied"]) + 1
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    done = _cadre(cadre_exe, "verify", str(forged), str(made["roster"]))
    assert done.returncode == 3
    said = f"chỉ tiêu {target['id']} khác nhau ở"
    assert said in done.stdout and "Số đạt" in done.stdout  # the report's column


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.json", '{"hello": 1}'),
        ("broken.json", "{not json"),
        ("page.html", "<html><body>hi</body></html>"),
        ("sheet.xlsx", None),
        ("notes.txt", "text"),
        ("missing.json", ""),
    ],
)
def test_non_report_is_bad_input(
    cadre_exe: Path,
    made: dict[str, Path],
    sample: Roster,
    tmp_path: Path,
    name: str,
    content: str | None,
) -> None:
    """A file that is not a report (or is missing): exit 2 with a message."""
    path = tmp_path / name
    if content is None:
        sample.write(path)  # a roster workbook, not a report
    elif name != "missing.json":
        path.write_text(content, encoding="utf-8")
    done = _cadre(cadre_exe, "verify", str(path), str(made["roster"]))
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip().startswith("cadre: ")
    assert "Traceback" not in done.stderr
