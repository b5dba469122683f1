"""``cadre validate`` on every roster of the nasty corpus (``tests/data/nasty/``).

Each file is broken in one way a real workbook can be (see ``tests/make_nasty.py``). The
real console script answers each with exit 0 (a valid roster) or 2 (a message), never 1
and never a traceback, within 30 seconds and under a 2 GB address-space limit. The
processes run a few at a time, so the whole corpus takes about as long as its slowest
files.
"""

from __future__ import annotations

import os
import resource
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest

CORPUS = Path(__file__).resolve().parent / "data" / "nasty"
CASES = sorted(p.name for p in CORPUS.iterdir()) if CORPUS.exists() else []
MEMORY = 2 * 1024**3
TIME_LIMIT = 30.0

# what some files must give (the others: 0 or 2)
EXPECTED = {
    "csv_bom_crlf": 0,  # UTF-8 with BOM and CRLF is a valid roster
    "hidden_rows.xlsx": 0,  # hidden rows and sheets are read like the others
    "formatting_million_rows.xlsx": 0,  # formatting without values is not data
    "lying_dimension.xlsx": 0,
    "zip_bomb_160mb.xlsx": 0,  # blank padding, read within the limits
    "csv_latin1": 2,
    "csv_unclosed_quote": 2,
    "duplicate_header_columns.xlsx": 2,
    "empty_workbook.xlsx": 2,
    "extra_sheets.xlsx": 2,
    "value_in_last_cell.xlsx": 2,
    "implicit_places.xlsx": 2,
    "repeat_bomb.ods": 2,
    "zip_bomb_1gb.xlsx": 2,
    "not_a_zip.xlsx": 2,
    "zero_bytes.xlsx": 2,
    "lone_surrogate.xlsx": 2,
    "truncated_sheet_xml.xlsx": 2,
    "huge_numbers.xlsx": 2,
    "only_spaces.xlsx": 2,
    "merged_cells.xlsx": 2,
    "repeated_header.xlsx": 2,
}
# words the message must contain
WORDS = {
    "value_in_last_cell.xlsx": "cells",
    "repeat_bomb.ods": "cells",
    "zip_bomb_1gb.xlsx": "decompressed",
    "csv_latin1": "UTF-8",
    "duplicate_header_columns.xlsx": "second column",
}


@attrs.frozen
class Run:
    """One finished ``cadre validate``."""

    code: int
    seconds: float
    stdout: str
    stderr: str


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _validate(exe: Path, path: Path) -> Run:
    env = {**os.environ, "COLUMNS": "300", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("CADRE_DEBUG", None)
    start = time.perf_counter()
    try:
        done = subprocess.run(
            # in English: the words below name the guard's exact reason, which the
            # Vietnamese sentence gives as one general refusal (tests/test_vietnamese_problems.py)
            [str(exe), "validate", str(path), "--lang", "en"],
            capture_output=True,
            text=True,
            errors="replace",
            env=env,
            timeout=TIME_LIMIT * 2,
            preexec_fn=_limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Run(-999, TIME_LIMIT * 2, "", "timed out")
    return Run(done.returncode, time.perf_counter() - start, done.stdout, done.stderr)


@pytest.fixture(scope="module")
def runs(cadre_exe: Path) -> dict[str, Run]:
    """Every file of the corpus through ``cadre validate``, a few processes at a time."""
    with ThreadPoolExecutor(max_workers=max(2, min(8, (os.cpu_count() or 2)))) as pool:
        futures = {name: pool.submit(_validate, cadre_exe, CORPUS / name) for name in CASES}
        return {name: f.result() for name, f in futures.items()}


def test_corpus_is_small_and_complete() -> None:
    """The corpus is committed, small on disk, and covers every kind of nastiness."""
    assert len(CASES) >= 25
    for p in CORPUS.rglob("*"):
        if p.is_file():
            assert p.stat().st_size < 200_000, p
    assert set(EXPECTED) <= set(CASES)


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_validate_answers_cleanly(runs: dict[str, Run], name: str) -> None:
    """Exit 0 or 2 with a message, no traceback, in bounded time and memory."""
    run = runs[name]
    out = run.stdout + run.stderr
    assert run.code != -999, f"{name}: no answer within {TIME_LIMIT * 2:.0f} s"
    assert run.code in (0, 2), f"{name}: exit {run.code}\n{out[-2000:]}"
    assert "Traceback" not in out
    assert "memory allocation" not in out  # a native allocation failure (abort)
    assert run.seconds < TIME_LIMIT, f"{name}: {run.seconds:.1f} s"
    if run.code == 2:
        assert run.stderr.strip().splitlines()[-1].startswith("cadre: ")
    else:
        assert "Valid roster" in run.stdout
    if name in EXPECTED:
        assert run.code == EXPECTED[name], f"{name}: exit {run.code}\n{out[-2000:]}"
    if name in WORDS:
        assert WORDS[name] in out


@pytest.mark.slow
def test_single_legacy_value_is_not_silently_accepted(runs: dict[str, Run]) -> None:
    """A lone TCVN3-typed name in a Unicode column must not pass silently."""
    assert runs["csv_tcvn3_text"].code == 2
