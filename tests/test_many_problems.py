"""Thousands of problems: the terminal shows a bounded table, the files list every one.

A roster with 5,000 invalid birth dates (and one formula-looking gender) goes through the
real ``cadre validate`` and ``cadre evaluate --skip-invalid``: the terminal tables show
at most :data:`~cadre_core.cli._common.PROBLEMS_PER_KIND` problems of each kind and count
the rest in one line, with the total; ``cadre validate --format json`` and ``--format
csv`` list all 5,000 (the CSV with formula-looking cells made inert), and the JSON gives
each table's accounting (rows read == kept + skipped). Nothing here measures time: a
table of 5,000 rows is what made a 200,000-row roster take minutes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

import pandas as pd
import pytest

BAD = 5000
MAX_LINES = 120  # 11 problems shown, their folded cells, the counting line, the title


def _cadre(exe: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("CADRE_DEBUG", None)
    return subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def many_bad_dates(cadre_exe: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic CSV roster with 5,000 invalid birth dates and one bad gender."""
    folder = tmp_path_factory.mktemp("many") / "roster"
    done = _cadre(cadre_exe, "synth", str(folder), "--communes", "125", "--format", "csv")
    assert done.returncode == 0, done.stderr
    cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
    assert len(cadres) > BAD
    cadres.loc[: BAD - 1, "birth_date"] = "31/02/1980"
    cadres.loc[BAD, "gender"] = "=robot"
    cadres.to_csv(folder / "cadres.csv", index=False)
    return folder


def test_terminal_table_is_bounded_and_counts_the_rest(
    cadre_exe: Path, many_bad_dates: Path
) -> None:
    """``cadre validate``: a few lines, the other 4,990 dates counted, the total given."""
    done = _cadre(cadre_exe, "validate", str(many_bad_dates))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) < MAX_LINES, len(lines)
    text = " ".join(done.stderr.split())
    assert "5001 lỗi trong" in text  # the title: every error counted
    assert "… và 4.990 lỗi cùng loại ở birth_date (Ngày sinh)" in text
    assert "/5.001 lỗi" in text  # the caption: every problem (the province column is read)
    assert "--format json" in text  # where to find every one
    assert "'=robot'" in text  # another kind is still shown
    assert lines[-1].startswith("cadre: ")


def test_json_lists_every_problem(cadre_exe: Path, many_bad_dates: Path) -> None:
    """``cadre validate --format json`` lists all 5,000 bad dates (and exits 2)."""
    done = _cadre(cadre_exe, "validate", str(many_bad_dates), "--format", "json")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("cadre: ")
    doc = json.loads(done.stdout)
    assert doc["valid"] is False and doc["tables"] == {}
    dates = [p for p in doc["problems"] if p["column"] == "birth_date"]
    assert len(dates) == BAD
    assert sorted(p["row"] for p in dates) == list(range(2, BAD + 2))  # CSV line numbers
    assert all(p["severity"] == "error" and p["value"] == "31/02/1980" for p in dates)


def test_csv_lists_every_problem_inert(
    cadre_exe: Path, many_bad_dates: Path, tmp_path: Path
) -> None:
    """``cadre validate --format csv -o FILE`` lists every problem, one per line; a value
    that a spreadsheet would run as a formula is written with a leading quote."""
    out = tmp_path / "problems.csv"
    done = _cadre(
        cadre_exe, "validate", str(many_bad_dates), "--format", "csv", "--output", str(out)
    )
    assert done.returncode == 2
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sum(r["column"] == "birth_date" for r in rows) == BAD
    assert [r["value"] for r in rows if r["column"] == "gender"] == ["'=robot"]
    assert all(not r["value"].startswith(("=", "+", "-", "@")) for r in rows)


def test_skip_invalid_json_accounts_for_every_row(cadre_exe: Path, many_bad_dates: Path) -> None:
    """With ``--skip-invalid`` the JSON lists the 5,001 cells set aside (their rows kept)
    and each table's accounting; the terminal list of ``cadre evaluate`` stays bounded."""
    done = _cadre(cadre_exe, "validate", str(many_bad_dates), "--skip-invalid", "--format", "json")
    assert done.returncode == 0, done.stderr[-2000:]
    doc = json.loads(done.stdout)
    cadres = doc["tables"]["cadres"]
    total = len(pd.read_csv(many_bad_dates / "cadres.csv", dtype=str))
    assert cadres["read"] == total
    assert cadres["cells"] == BAD + 1  # optional cells: set aside, their rows kept
    assert cadres["read"] == cadres["kept"] + cadres["skipped"] == total
    for table, counts in doc["tables"].items():
        assert counts["read"] == counts["kept"] + counts["skipped"], table
    set_aside = [p for p in doc["problems"] if p["table"] == "cadres" and p["scope"] == "cell"]
    assert len(set_aside) == BAD + 1
    ev = _cadre(
        cadre_exe,
        "evaluate",
        str(many_bad_dates),
        "--skip-invalid",
        "--as-of",
        "2026-12-31",
        "--format",
        "json",
        "--plugin",
        "laichau",
    )
    assert ev.returncode == 0, ev.stderr[-2000:]
    assert len(ev.stderr.splitlines()) < 4 * MAX_LINES  # a few bounded tables
    assert "4.990 lỗi cùng loại ở birth_date (Ngày sinh)" in " ".join(ev.stderr.split())
    skipped = json.loads(ev.stdout)["skipped"]
    assert sum(s["table"] == "cadres" for s in skipped) == BAD + 1
