"""``--skip-invalid`` without cascades: a bad optional cell (a position's category) sets
that cell aside, not the position and every assignment to it; an optional table with an
unknown required header is set aside whole and says so, instead of blocking everything;
a missing birth date keeps the cadre. The accounting still adds up (rows read = rows kept
+ rows set aside, each listed) and the cells set aside are listed too. Through the real
``cadre`` command, and as a property of the library.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadre_core import Roster, sample_roster
from cadre_core.testing.strategies import rosters

CADRE = str(Path(sys.executable).with_name("cadre"))
AS_OF = "2026-12-31"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=300, env=env)


def _csv(folder: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_roster().write(tmp_path_factory.mktemp("clean") / "roster")


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with a real title as a position's category, a blank birth date, and the
    ratings under a real header the format does not know."""
    folder = sample_roster().write(tmp_path_factory.mktemp("cascade") / "roster")
    positions = _csv(folder, "positions")
    held = set(_csv(folder, "assignments")["position_code"])
    at = next(i for i, code in enumerate(positions["position_code"]) if code in held)
    positions.loc[at, "category"] = "Tổ trưởng tổ dân phố"  # no category of the format
    positions.to_csv(folder / "positions.csv", index=False)
    cadres = _csv(folder, "cadres")
    cadres.loc[2, "birth_date"] = ""
    cadres.to_csv(folder / "cadres.csv", index=False)
    ratings = _csv(folder, "ratings").rename(columns={"rating": "Mức xếp loại do Thủ trưởng chấm"})
    ratings.to_csv(folder / "ratings.csv", index=False)
    return folder


def _evaluate(folder: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    done = run("evaluate", str(folder), "--as-of", AS_OF, "--format", "json", *args)
    return done, (json.loads(done.stdout) if done.returncode == 0 else {})


def test_refused_by_default(damaged: Path) -> None:
    done = run("evaluate", str(damaged), "--as-of", AS_OF)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_nothing_cascades(damaged: Path, clean: Path) -> None:
    done, doc = _evaluate(damaged, "--skip-invalid")
    assert done.returncode == 0, done.stderr
    aside = {(s["table"], s["row"], s["scope"]) for s in doc["skipped"]}
    ratings_rows = len(_csv(clean, "ratings"))
    # the category cell and the birth date cell, and the ratings table: nothing else
    assert ("cadres", 4, "cell") in aside
    assert ("ratings", None, "table") in aside
    assert sum(scope == "cell" for _, _, scope in aside) == 2
    assert not any(scope == "row" for _, _, scope in aside)
    table = next(s for s in doc["skipped"] if s["scope"] == "table")
    assert "Mức xếp loại do Thủ trưởng chấm" in table["suggestion"]  # the header it should be
    # every position, assignment and cadre is still there
    counts = run("validate", str(damaged), "--skip-invalid")
    assert counts.returncode == 0, counts.stderr
    lines = counts.stdout.splitlines()  # piped: "table<TAB>rows", tables by their names
    clean_counts = run("validate", str(clean)).stdout.splitlines()
    for table_name, shown in (
        ("cadres", "Cán bộ"),
        ("positions", "Vị trí việc làm"),
        ("assignments", "Phân công, bố trí"),
    ):
        n = len(_csv(clean, table_name))
        assert f"{shown}\t{n}" in lines and f"{shown}\t{n}" in clean_counts
    assert "Xếp loại chất lượng\t0" in lines and ratings_rows > 0  # ratings
    assert "Bỏ qua theo --skip-invalid: 0 lỗi dòng, 2 ô, 1 bảng" in lines
    # the cadre without a birth date is kept and listed as of unknown age
    who = _csv(clean, "cadres").loc[2, "cadre_id"]
    unknown = [
        f["subject"]
        for c in doc["communes"]
        for f in c["findings"]
        if f["rule"] == "national.age_unknown"
    ]
    assert unknown == [who]
    # targets that do not read ratings keep their populations
    base = {
        (c["commune"], t["id"]): t["population"]
        for c in _evaluate(clean)[1]["communes"]
        for t in c["targets"]
    }
    for c in doc["communes"]:
        for t in c["targets"]:
            if t["id"].endswith(("1a", "1b", "7a")):
                assert t["population"] == base[c["commune"], t["id"]], t["id"]


@pytest.mark.parametrize("fmt", ["xlsx", "html"])
def test_reports_list_cells_and_tables_set_aside(damaged: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"r.{fmt}"
    done = run(
        "evaluate", str(damaged), "--as-of", AS_OF, "--skip-invalid", "--format", fmt,
        "--lang", "en", "--output", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    if fmt == "html":
        page = out.read_text(encoding="utf-8")
        assert (
            "cell (row kept)" in page and "whole table" in page and "Tổ trưởng tổ dân phố" in page
        )
    else:
        import openpyxl

        wb = openpyxl.load_workbook(out, read_only=True)
        texts = {
            str(v)
            for ws in wb.worksheets
            for row in ws.iter_rows(values_only=True)
            for v in row
            if v is not None
        }
        assert {"cell (row kept)", "whole table", "Tổ trưởng tổ dân phố"} <= texts


# --------------------------------------------------------------------------- property

OPTIONAL_BAD = {
    "cadres": [("gender", "không rõ"), ("birth_date", None), ("ethnicity", "???")],
    "positions": [("category", "???"), ("min_education", "giỏi")],
    "agencies": [("bloc", "khối lạ")],
}


@st.composite
def damaged_cells(draw: st.DrawFn) -> tuple[dict[str, pd.DataFrame], set[tuple[str, str, int]]]:
    roster = draw(rosters(min_cadres=2, max_cadres=8))
    frames = {name: f.astype(object) for name, f in roster.tables.items()}
    hit: set[tuple[str, str, int]] = set()
    tables = [t for t in OPTIONAL_BAD if len(frames[t])]
    for table in draw(st.lists(st.sampled_from(tables), min_size=1, max_size=4)):
        frame = frames[table]
        i = draw(st.integers(0, len(frame) - 1))
        column, value = draw(st.sampled_from(OPTIONAL_BAD[table]))
        frame.loc[i, column] = value
        hit.add((table, column, i + 1))
    return frames, hit


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=damaged_cells())
def test_bad_optional_cells_never_cost_a_row(
    case: tuple[dict[str, pd.DataFrame], set[tuple[str, str, int]]],
) -> None:
    """Bad optional cells (and blank birth dates) keep every row of every table; each is
    listed once as a cell set aside and is blank in the roster; the accounting adds up."""
    frames, hit = case
    roster = Roster.from_frames(frames, skip_invalid=True)
    for table, frame in frames.items():
        counts = roster.accounting()[table]
        assert counts["read"] == counts["kept"] == len(frame)
        assert counts["skipped"] == 0
    listed = {(p.table, p.column, p.row) for p in roster.skipped}
    assert all(p.scope == "cell" for p in roster.skipped)
    assert len(listed) == len(roster.skipped)
    assert listed == hit
    for table, column, row in hit:
        assert pd.isna(roster.tables[table][column].iloc[row - 1])
    from cadre_core import evaluate

    doc = evaluate(roster, dt.date(2026, 12, 31), findings=True).to_dict()
    assert {(s["table"], s["column"], s["row"]) for s in doc["skipped"]} == hit


def test_unknown_age_is_not_young_in_a_succession_pool() -> None:
    """A pool whose members all lack a birth date has 0 young candidates, not all young."""
    from cadre_core import evaluate

    sample = sample_roster()
    frames = {name: f.astype(object) for name, f in sample.tables.items()}
    pool = set(frames["succession"]["cadre_id"])
    cadres = frames["cadres"]
    cadres.loc[cadres["cadre_id"].isin(pool), "birth_date"] = None
    roster = Roster.from_frames(frames, skip_invalid=True)
    assert len(roster.cadres) == len(sample.cadres)  # every cadre kept
    assert {p.scope for p in roster.skipped} == {"cell"}
    ev = evaluate(roster, dt.date(2026, 12, 31))
    young = [
        f.message_en
        for c in ev.communes
        for f in c.findings
        if f.rule == "national.succession_pool_young"
    ]
    assert young and all(" has 0/" in m for m in young)
    unknown = {
        f.subject for c in ev.communes for f in c.findings if f.rule == "national.age_unknown"
    }
    active = set(ev.features.cadres.index) if ev.features is not None else set()
    assert unknown == pool & active
