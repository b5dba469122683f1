"""Nothing is dropped silently: a column that is not a header of its table, and a sheet or
file that is not a roster table, is reported by ``cadre validate`` and listed in every
output of ``cadre evaluate`` (JSON ``not_read``, the xlsx and html "not read" section)
with its best guess; ``--strict-columns`` makes an unknown column an error (exit 2,
naming file, table and column). Through the real ``cadre`` command.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core import sample_roster
from cadre_core.roster._reader import guess_header, header_keys
from cadre_core.roster._schema import TABLES, text_key

CADRE = str(Path(sys.executable).with_name("cadre"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample commune as CSV with the header ``Ngành nghề \\nđào tạo`` (no alias) for the degree's
    field, a notes column nobody can place, and a file that is no roster table."""
    folder = sample_roster().write(tmp_path_factory.mktemp("unread") / "roster")
    degrees = pd.read_csv(folder / "degrees.csv", dtype=str, keep_default_na=False)
    degrees = degrees.rename(columns={"field": "Ngành nghề \nđào tạo"})
    degrees.to_csv(folder / "degrees.csv", index=False)
    cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
    cadres["Ghi chú"] = "x"
    cadres.to_csv(folder / "cadres.csv", index=False)
    (folder / "ghi_chu.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return folder


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_validate_lists_what_was_not_read(roster: Path) -> None:
    done = run("validate", str(roster))
    assert done.returncode == 0, done.stderr
    out = _flat(done.stdout)
    assert "Không đọc: 3 cột hoặc trang tính" in out
    assert "Ghi chú" in out and "không có tiêu đề nào gần giống" in out
    assert "gần nhất: field (Chuyên ngành)" in out  # the real header's best canonical guess
    assert "ghi_chu.csv" in out


def test_strict_columns_makes_it_an_error(roster: Path) -> None:
    for command in ("validate", "evaluate"):
        done = run(command, str(roster), "--strict-columns", "--skip-invalid")
        assert done.returncode == 2, done.stdout
        assert "Traceback" not in done.stderr
        err = _flat(done.stderr)
        assert "không phải là cột của bảng degrees" in err and "roster/degrees.csv" in err
        assert "không phải là cột của bảng cadres" in err and "Ghi chú" in err
        assert "danh sách không hợp lệ (2 lỗi)" in err  # the file is only listed


def test_json_lists_not_read_with_best_guess(roster: Path) -> None:
    done = run("evaluate", str(roster), "--as-of", "2026-12-31", "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    for key in ("as_of", "plugins", "communes", "parameters", "skipped", "audit"):
        assert key in doc  # nothing renamed
    listed = {(p["table"], p["column"]): p for p in doc["not_read"]}
    assert listed["degrees", "Ngành nghề \nđào tạo"]["suggestion"] == "field"
    assert listed["cadres", "Ghi chú"]["suggestion"] is None
    assert {p["scope"] for p in doc["not_read"]} == {"column", "sheet"}
    assert "Không đọc" in _flat(done.stderr)  # and the run says so


@pytest.mark.parametrize("fmt", ["xlsx", "html"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_reports_list_not_read(roster: Path, tmp_path: Path, fmt: str, lang: str) -> None:
    out = tmp_path / f"report.{fmt}"
    done = run(
        "evaluate", str(roster), "--as-of", "2026-12-31", "--format", fmt, "--lang", lang,
        "--output", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    from cadre_core.vocab._labels import label

    title = label("not_read_title", lang)
    if fmt == "html":
        page = out.read_text(encoding="utf-8")
        visible = re.sub(r'<div id="cadre-evaluation".*?</div>', "", page, flags=re.S)
        assert title in visible and "Ghi chú" in visible and "ghi_chu.csv" in visible
    else:
        import openpyxl

        wb = openpyxl.load_workbook(out, read_only=True)
        texts = [
            str(v)
            for ws in wb.worksheets
            if ws.sheet_state == "visible"
            for row in ws.iter_rows(values_only=True)
            for v in row
            if v is not None
        ]
        guess = "field" if lang == "en" else "field (Chuyên ngành)"  # the guess in words
        assert title in texts and "Ghi chú" in texts and guess in texts


def test_a_clean_roster_lists_nothing(tmp_path: Path) -> None:
    folder = sample_roster().write(tmp_path / "roster")
    done = run("evaluate", str(folder), "--as-of", "2026-12-31", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["not_read"] == []
    assert run("validate", str(folder), "--strict-columns").returncode == 0


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_a_known_spelling_with_a_typo_is_guessed(data: st.DataObject) -> None:
    """A known header spelling with one letter dropped is guessed as its own column."""
    table = data.draw(st.sampled_from(TABLES))
    known = header_keys(table)
    spelling = data.draw(st.sampled_from(sorted(k for k in known if len(k) >= 8)))
    at = data.draw(st.integers(1, len(spelling) - 2))
    typo = spelling[:at] + spelling[at + 1 :]
    guess = guess_header(typo, table)
    if text_key(typo) in known:  # the typo is itself a known spelling
        return
    assert guess is not None
    assert guess[1] >= 60
    # the guess is a column with a spelling as close as the one we damaged
    assert guess[0] == known[spelling] or guess[1] >= 85
