"""Fuzzing the reader: random corruptions of valid rosters raise only ``RosterError``.

A valid roster from :func:`cadre_core.testing.strategies.rosters` is written with
:meth:`Roster.write` (an ``.xlsx`` workbook or a folder of CSV), then broken with
openpyxl or at the byte level: wrong types, junk Unicode, huge numbers, formula text,
empty, missing or extra sheets, merged cells, repeated header rows, hidden rows, cells
with only spaces, formatting as far as row 1,048,576, values in far cells, bad bytes in
CSV. Reading must either give a roster (whose accounting adds up) or raise
:class:`RosterError`: any other exception fails the test. A subset goes through the real
``cadre validate`` and ``cadre evaluate``, which must agree with the API: exit 0 when
it reads the roster, 2 (with a message, no traceback) when it does not.

Example counts: ``test_api_raises_only_roster_error`` 40 (xlsx),
``test_csv_corruption_raises_only_roster_error`` 30, ``test_cli_answers_with_exit_2`` 6
(slow: each run starts the console script), ``test_api_accounts_for_every_row`` 10 per
format and ``test_cli_fuzz_exit_0_or_2_and_accounting`` 15 per format (slow): junk cells
in rosters written as csv, xlsx and parquet, every input row kept or skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font

from cadre_core import Roster, RosterError, read_roster
from cadre_core.roster._writer import plain, write_roster
from cadre_core.testing.strategies import messy_frames, rosters


def fuzz_settings(examples: int) -> settings:
    """Settings of the fuzz tests: no deadline (files are written), ``examples`` examples."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


NASTY_TEXT = st.sampled_from(
    [
        "=1+1",
        '=HYPERLINK("http://x.invalid","y")',
        "+SUM(A1:A9)",
        "-2+3",
        "@cmd",
        "\t=tab",
        "\r=cr",
        "   ",
        "\u00a0\u2003",
        "\u202eRTL\u202c",
        "zero\u200bwidth",
        "👩\u200d👩\u200d👧",
        "\ufeffBOM",
        "ﷺ" * 30,
        "x" * 5000,
        "NULL",
        "nan",
        "None",
        "#N/A",
        "TRUE",
        "1e308",
        "-0",
        "2026-02-30",
        "31/02/1980",
        "Mo\u0302ng",  # NFD
    ]
)
NASTY_VALUE: st.SearchStrategy[Any] = st.one_of(
    NASTY_TEXT,
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=40
    ),  # openpyxl refuses control characters and surrogates
    st.sampled_from([1e308, -1e308, 2**62, -(2**62), 1e-308, 0, -1, 3.5, True, False]),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)),
    st.just(None),
)


# --------------------------------------------------------------------------- xlsx ops

Op = Callable[[openpyxl.Workbook], None]


def _sheet(wb: openpyxl.Workbook, i: int) -> Any:
    return wb.worksheets[i % len(wb.worksheets)]


@st.composite
def xlsx_ops(draw: st.DrawFn) -> Op:
    """One corruption of a workbook."""
    kind = draw(
        st.sampled_from(
            [
                "cell",
                "cell",
                "cell",
                "header",
                "merge",
                "repeat_header",
                "hide",
                "far_format",
                "far_value",
                "blank_rows",
                "delete_sheet",
                "extra_sheet",
                "empty_sheet",
                "rename_sheet",
                "delete_column",
                "clear_sheet",
            ]
        )
    )
    s = draw(st.integers(0, 20))
    row = draw(st.integers(1, 30))
    col = draw(st.integers(1, 12))
    value = draw(NASTY_VALUE)
    span = draw(st.integers(1, 4))
    title = draw(st.sampled_from(["Sheet2", "Ghi chú", "Cán bộ", "ratings", "cadres (2)", "Ｘ"]))

    def op(wb: openpyxl.Workbook) -> None:
        ws = _sheet(wb, s)
        if kind == "cell":
            ws.cell(row=row + 1, column=col, value=value)
        elif kind == "header":
            ws.cell(row=1, column=col, value=value)
        elif kind == "merge":
            ws.merge_cells(start_row=row, start_column=col, end_row=row + span, end_column=col + 1)
        elif kind == "repeat_header":
            header = [c.value for c in ws[1]]
            ws.insert_rows(row + 1)
            for i, v in enumerate(header, start=1):
                ws.cell(row=row + 1, column=i, value=v)
        elif kind == "hide":
            ws.row_dimensions[row].hidden = True
        elif kind == "far_format":
            ws.cell(row=1048576, column=col * 1000).font = Font(bold=True)
        elif kind == "far_value":
            ws.cell(row=1048576 - row, column=16384 - col, value="x")
        elif kind == "blank_rows":
            ws.insert_rows(row + 1, amount=span)
        elif kind == "delete_sheet" and len(wb.worksheets) > 1:
            wb.remove(ws)
        elif kind == "extra_sheet":
            extra = wb.create_sheet(title)
            extra.append(["cadre_id", "full_name"])
            extra.append(["X1", value if not isinstance(value, dt.datetime) else "x"])
        elif kind == "empty_sheet":
            wb.create_sheet("Trống")
        elif kind == "rename_sheet":
            ws.title = "Sheet" + str(s)
        elif kind == "delete_column":
            ws.delete_cols(col)
        elif kind == "clear_sheet":
            ws.delete_rows(1, ws.max_row)

    op.__name__ = f"{kind}(sheet={s}, row={row}, col={col}, value={value!r:.40})"
    return op


def _read_only_roster_error(path: Path) -> Roster | None:
    """The roster at ``path``, or None when it is refused with ``RosterError``."""
    try:
        roster = read_roster(path)
    except RosterError as exc:
        assert exc.errors, "a RosterError without an error"
        for p in exc.problems:
            assert p.describe()  # every problem can be shown
        return None
    except Exception as exc:  # anything else is a bug
        pytest.fail(f"read_roster raised {type(exc).__name__}: {exc}")
    for table, counts in roster.accounting().items():
        assert counts["read"] == counts["kept"] + counts["skipped"], table
    return roster


def _write_corrupted(roster: Roster, ops: list[Op], folder: Path) -> Path:
    path = folder / "roster.xlsx"
    roster.write(path)
    wb = openpyxl.load_workbook(path)
    # Cells far out (row 1,048,576) go in last: openpyxl's insert_rows/delete_cols move every
    # cell up to the last one, so a far cell first made a single example take minutes and
    # over 10 GB. The file read back holds the same corruptions either way.
    for op in sorted(ops, key=lambda op: op.__name__.startswith("far_")):
        try:
            op(wb)
        except (ValueError, AttributeError):  # openpyxl refuses some edits: overlapping
            continue  # merges, a value into a cell an earlier op merged (read-only)
    if not wb.worksheets:
        wb.create_sheet("Sheet1")
    wb.save(path)
    return path


@fuzz_settings(40)
@given(roster=rosters(max_cadres=5), ops=st.lists(xlsx_ops(), min_size=1, max_size=4))
def test_api_raises_only_roster_error(roster: Roster, ops: list[Op]) -> None:
    """A corrupted workbook is read or refused with ``RosterError``; nothing else."""
    with tempfile.TemporaryDirectory() as d:
        path = _write_corrupted(roster, ops, Path(d))
        _read_only_roster_error(path)


# --------------------------------------------------------------------------- csv ops


@st.composite
def csv_ops(draw: st.DrawFn) -> Callable[[bytes], bytes]:
    """One corruption of a CSV file's bytes."""
    kind = draw(
        st.sampled_from(
            ["insert", "truncate", "latin1", "nul", "quote", "extra_cells", "header_only", "crlf"]
        )
    )
    at = draw(st.floats(0, 1))
    junk = draw(st.binary(min_size=1, max_size=12))
    text = draw(NASTY_TEXT)

    def op(data: bytes) -> bytes:
        i = int(len(data) * at)
        if kind == "insert":
            return data[:i] + junk + data[i:]
        if kind == "truncate":
            return data[:i]
        if kind == "latin1":
            return data.decode("utf-8", errors="replace").encode("cp1258", errors="replace")
        if kind == "nul":
            return data[:i] + b"\x00" + data[i:]
        if kind == "quote":
            return data[:i] + b'"' + data[i:]
        if kind == "extra_cells":
            lines = data.split(b"\n")
            j = int(len(lines) * at) % max(1, len(lines))
            lines[j] += b"," + text.encode("utf-8", "surrogatepass")
            return b"\n".join(lines)
        if kind == "header_only":
            return data.split(b"\n")[0] + b"\n"
        return data.replace(b"\n", b"\r\n")

    return op


TABLES_FOR_CSV = ["cadres", "agencies", "positions", "assignments", "degrees", "ratings"]


@fuzz_settings(30)
@given(
    roster=rosters(max_cadres=5),
    table=st.sampled_from(TABLES_FOR_CSV),
    ops=st.lists(csv_ops(), min_size=1, max_size=3),
)
def test_csv_corruption_raises_only_roster_error(
    roster: Roster, table: str, ops: list[Callable[[bytes], bytes]]
) -> None:
    """A corrupted CSV table is read or refused with ``RosterError``; nothing else."""
    with tempfile.TemporaryDirectory() as d:
        folder = roster.write(Path(d) / "roster")
        f = folder / f"{table}.csv"
        data = f.read_bytes()
        for op in ops:
            data = op(data)
        f.write_bytes(data)
        _read_only_roster_error(folder)


# --------------------------------------------------------------------------- the CLI


def _cli(exe: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("CADRE_DEBUG", None)
    return subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        errors="replace",
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@fuzz_settings(6)
@given(
    roster=rosters(max_cadres=4),
    ops=st.lists(xlsx_ops(), min_size=1, max_size=3),
    command=st.sampled_from(["validate", "evaluate"]),
)
def test_cli_answers_with_exit_2(
    cadre_exe: Path, roster: Roster, ops: list[Op], command: str
) -> None:
    """The console script agrees with the API: 0 when it reads, else 2 and a message."""
    with tempfile.TemporaryDirectory() as d:
        path = _write_corrupted(roster, ops, Path(d))
        accepted = _read_only_roster_error(path) is not None
        args = [command, str(path)]
        if command == "evaluate":
            args += ["--as-of", "2026-12-31", "--format", "json", "--plugin", "laichau"]
        done = _cli(cadre_exe, *args)
        out = done.stdout + done.stderr
        assert "Traceback" not in out
        assert done.returncode == (0 if accepted else 2), out[-3000:]
        if not accepted:
            assert done.stderr.strip().splitlines()[-1].startswith("cadre: ")


# --------------------------------------------------------------------------- three formats

JUNK_CELL: st.SearchStrategy[Any] = st.one_of(
    NASTY_TEXT,
    st.sampled_from(
        [
            None,
            "",
            "   ",
            1e308,
            -1e308,
            2**62,
            -(2**62),
            10**30,
            -1,
            3.5,
            True,
            "0001-01-01",
            "9999-12-31",
            "1800-01-01",
            "31/12/9999",
            "00/00/0000",
            "99999",
            "-99999",
            "1e400",
        ]
    ),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.integers(min_value=-(10**12), max_value=10**12),
)
"""A cell that may be of the wrong type, huge, blank, Unicode junk or a day out of range."""


@st.composite
def mutated_frames(draw: st.DrawFn) -> dict[str, pd.DataFrame]:
    """The tables of a valid roster (canonical, or typed by a clerk: :func:`messy_frames`)
    with random cells replaced by :data:`JUNK_CELL` values."""
    roster = draw(rosters(max_cadres=5))
    if draw(st.booleans()):
        frames = {n: f.copy() for n, f in draw(messy_frames(roster)).items()}
    else:
        frames = {n: plain(f).astype(object) for n, f in roster.tables.items()}
    filled = [n for n, f in frames.items() if len(f) and len(f.columns)]
    for _ in range(draw(st.integers(1, 6))):
        frame = frames[draw(st.sampled_from(filled))]
        i = draw(st.integers(0, len(frame) - 1))
        j = draw(st.integers(0, len(frame.columns) - 1))
        frame.iat[i, j] = draw(JUNK_CELL)
    return frames


def _write_fuzzed(frames: dict[str, pd.DataFrame], fmt: str, folder: Path) -> Path:
    """Write the frames with the project's writer as ``fmt``; for parquet, whose columns
    have one type, a column of mixed (or too large) values is written as text."""
    if fmt == "parquet":
        frames = {n: _one_type(f) for n, f in frames.items()}
    path = folder / ("roster.xlsx" if fmt == "xlsx" else "roster")
    return write_roster(Roster(frames), path, format=fmt)


def _one_type(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for c in out.columns:
        values = out[c].dropna()
        kinds = {type(v) for v in values}
        big = any(isinstance(v, int) and abs(v) >= 2**63 for v in values)
        if len(kinds) > 1 or big:
            out[c] = out[c].map(lambda v: None if v is None else str(v)).astype(object)
    return out


def _input_rows(frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    return {n: len(f) for n, f in frames.items()}


FORMATS = ["csv", "xlsx", "parquet"]


@pytest.mark.parametrize("fmt", FORMATS)
@fuzz_settings(10)
@given(frames=mutated_frames())
def test_api_accounts_for_every_row(fmt: str, frames: dict[str, pd.DataFrame]) -> None:
    """Every fuzzed roster (csv folder, xlsx, parquet folder), read with ``skip_invalid``,
    is read or refused with ``RosterError``; read, every input row is kept or skipped."""
    with tempfile.TemporaryDirectory() as d:
        path = _write_fuzzed(frames, fmt, Path(d))
        try:
            roster = read_roster(path, skip_invalid=True)
        except RosterError as exc:
            assert exc.errors
            return
        except Exception as exc:  # anything else is a bug
            pytest.fail(f"read_roster raised {type(exc).__name__}: {exc}")
        for table, counts in roster.accounting().items():
            assert counts["read"] == _input_rows(frames)[table], table
            assert counts["read"] == counts["kept"] + counts["skipped"], table


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
@fuzz_settings(15)
@given(frames=mutated_frames())
def test_cli_fuzz_exit_0_or_2_and_accounting(
    cadre_exe: Path, fmt: str, frames: dict[str, pd.DataFrame]
) -> None:
    """Through the real commands, every fuzzed roster in every format: ``cadre validate
    --skip-invalid --format json`` and ``cadre evaluate --skip-invalid --format json`` exit
    0 or 2 (never 1, never a traceback) and agree; when read, every input row of every
    table is kept or skipped (the JSON's accounting) and evaluate lists what was skipped."""
    with tempfile.TemporaryDirectory() as d:
        path = _write_fuzzed(frames, fmt, Path(d))
        checked = _cli(cadre_exe, "validate", str(path), "--skip-invalid", "--format", "json")
        evaluated = _cli(
            cadre_exe,
            "evaluate",
            str(path),
            "--skip-invalid",
            "--as-of",
            "2026-12-31",
            "--format",
            "json",
        )
        for done in (checked, evaluated):
            assert done.returncode in (0, 2), done.stderr[-3000:]
            assert (
                "Traceback" not in done.stderr
                and "internal error" not in done.stderr
                and "lỗi nội bộ" not in done.stderr
            )
            if done.returncode == 2:
                assert done.stderr.strip().splitlines()[-1].startswith("cadre: ")
        assert checked.returncode == evaluated.returncode, evaluated.stderr[-3000:]
        doc = json.loads(checked.stdout)
        assert doc["valid"] is (checked.returncode == 0)
        if not doc["valid"]:
            assert any(p["severity"] == "error" for p in doc["problems"])
            return
        rows = _input_rows(frames)
        for table, counts in doc["tables"].items():
            assert counts["read"] == rows[table], table
            assert counts["read"] == counts["kept"] + counts["skipped"], table
        skipped = json.loads(evaluated.stdout)["skipped"]
        listed = [p for p in doc["problems"] if p["scope"] in ("row", "cell", "table")]
        assert len(skipped) == len(listed)
