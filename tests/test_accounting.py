"""Nothing is lost: every input row is kept or listed as skipped, with its reason.

Property (``test_every_row_is_kept_or_skipped``, 30 examples): a valid roster from
:func:`cadre_core.testing.strategies.rosters` gets bad cells in random rows of random
tables; read with ``skip_invalid=True``, every table's ``accounting()`` adds up
(``read == kept + skipped``), the kept rows are exactly the rows not skipped, every
damaged row is listed (set aside, or its bad optional cell set aside and the row kept),
every skipped problem has a table, a row and a reason, and the evaluation's JSON lists
every skipped row and cell. By default (``skip_invalid=False``) the same roster is refused.
Then the reports: ``cadre evaluate --skip-invalid`` lists skipped rows in every format.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadre_core import Roster, RosterError, evaluate
from cadre_core.testing.strategies import rosters

AS_OF = dt.date(2026, 12, 31)

# cells that can never be valid in these columns
BAD_CELLS: dict[str, list[tuple[str, Any]]] = {
    "cadres": [("birth_date", "hôm qua"), ("gender", "không rõ"), ("cadre_id", None)],
    "agencies": [("bloc", "khối lạ")],
    "positions": [("quota", "nhiều"), ("category", "???")],
    "assignments": [("start_date", "31/02/2020")],
    "degrees": [("level", "bằng lái xe")],  # ("Thac si x" is read: a master's, field x)
    "ratings": [("year", "năm ngoái"), ("rating", "giỏi lắm")],
    "trainings": [("topics", "bơi lội")],
}


@st.composite
def damaged(draw: st.DrawFn) -> tuple[dict[str, pd.DataFrame], dict[str, set[int]]]:
    """Raw frames of a valid roster with bad cells in some rows, and the damaged rows
    (1-based record numbers) per table."""
    roster = draw(rosters(min_cadres=2, max_cadres=8))
    frames = {name: f.astype(object) for name, f in roster.tables.items()}
    hit: dict[str, set[int]] = {}
    tables = [t for t in BAD_CELLS if len(frames[t])]
    for table in draw(st.lists(st.sampled_from(tables), min_size=1, max_size=4)):
        frame = frames[table]
        i = draw(st.integers(0, len(frame) - 1))
        column, value = draw(st.sampled_from(BAD_CELLS[table]))
        frame.loc[i, column] = value
        hit.setdefault(table, set()).add(i + 1)
    return frames, hit


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=damaged())
def test_every_row_is_kept_or_skipped(
    case: tuple[dict[str, pd.DataFrame], dict[str, set[int]]],
) -> None:
    """read == kept + skipped per table; kept rows are the ones not skipped; reasons."""
    frames, hit = case
    with pytest.raises(RosterError):
        Roster.from_frames(frames)  # refused by default
    roster = Roster.from_frames(frames, skip_invalid=True)
    accounting = roster.accounting()
    skipped_rows: dict[str, set[int]] = {}
    cells: dict[str, list[int]] = {}
    for p in roster.skipped:
        assert p.table and p.row is not None and p.expected.strip()
        assert p.severity == "error"
        assert p.scope in ("row", "cell")
        if p.scope == "cell":  # a bad optional cell: the cell is set aside, the row kept
            cells.setdefault(p.table, []).append(p.row)
        else:
            skipped_rows.setdefault(p.table, set()).add(p.row)
    for table, frame in frames.items():
        counts = accounting[table]
        assert counts["read"] == len(frame)
        assert counts["read"] == counts["kept"] + counts["skipped"], table
        assert counts["skipped"] == len(skipped_rows.get(table, set()))
        assert counts["cells"] == len(cells.get(table, []))
        # every damaged row is set aside, or its damaged cell is (others may follow: rows
        # referring to a row set aside)
        listed = skipped_rows.get(table, set()) | set(cells.get(table, []))
        assert hit.get(table, set()) <= listed
    # the kept cadres are exactly the ones whose rows were not skipped, in order
    ids = frames["cadres"]["cadre_id"].reset_index(drop=True)
    keep = [i for i in range(len(ids)) if i + 1 not in skipped_rows.get("cadres", set())]
    expected = [str(ids[i]) for i in keep]
    assert roster.cadres["cadre_id"].astype(str).tolist() == expected
    # the evaluation carries the skipped rows, one entry per problem
    doc = evaluate(roster, AS_OF, findings=False).to_dict()
    assert len(doc["skipped"]) == len(roster.skipped)
    listed = {(s["table"], s["row"]) for s in doc["skipped"]}
    assert listed == {(p.table, p.row) for p in roster.skipped}


# --------------------------------------------------------------------------- the outputs


@pytest.fixture(scope="module")
def skipped_roster(tmp_path_factory: pytest.TempPathFactory, sample: Roster) -> Path:
    """The sample commune as CSV with one bad rating level and one bad birth date."""
    folder = sample.write(tmp_path_factory.mktemp("skip") / "roster")
    ratings = pd.read_csv(folder / "ratings.csv", dtype=str, keep_default_na=False)
    ratings.loc[3, "rating"] = "giỏi lắm"
    ratings.to_csv(folder / "ratings.csv", index=False)
    cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
    cadres.loc[5, "birth_date"] = "hôm qua"
    cadres.to_csv(folder / "cadres.csv", index=False)
    return folder


def _evaluate(exe: Path, roster: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [str(exe), "evaluate", str(roster), "--as-of", "2026-12-31", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_invalid_roster_is_refused_by_default(cadre_exe: Path, skipped_roster: Path) -> None:
    """Without --skip-invalid, an invalid roster is refused (exit 2)."""
    done = _evaluate(cadre_exe, skipped_roster, "--format", "json")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_json_lists_skipped_rows(cadre_exe: Path, skipped_roster: Path) -> None:
    """--skip-invalid evaluates the rest and the JSON lists each skipped row's reason."""
    done = _evaluate(cadre_exe, skipped_roster, "--skip-invalid", "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    rows = {(s["table"], s["row"]) for s in doc["skipped"]}
    assert ("ratings", 5) in rows  # record 4 = line 5 of the CSV
    assert ("cadres", 7) in rows
    assert all(s["expected"] for s in doc["skipped"])
    assert "Bỏ qua theo --skip-invalid" in done.stderr  # and the run says so


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["xlsx", "html"])
def test_reports_show_skipped_rows(
    cadre_exe: Path, skipped_roster: Path, tmp_path: Path, fmt: str
) -> None:
    """The reports show the skipped rows where people read (not only in hidden data)."""
    out = tmp_path / f"report.{fmt}"
    done = _evaluate(
        cadre_exe, skipped_roster, "--skip-invalid", "--format", fmt, "--output", str(out)
    )
    assert done.returncode == 0, done.stderr
    if fmt == "html":
        import re

        page = out.read_text(encoding="utf-8")
        visible = re.sub(r'<div id="cadre-evaluation".*?</div>', "", page, flags=re.S)
        assert "giỏi lắm" in visible and "ratings" in visible
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
        assert any("giỏi lắm" in t for t in texts)
