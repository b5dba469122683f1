"""``cadre validate`` on broken rosters (one problem each), on the sample and on conformance.

Every broken roster must give exit code 2, no traceback, and a problem line naming the
table, the row as the user sees it, the column, the offending value and the suggestion
when there is one. The real console script is run, as a user would.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import attrs
import pandas as pd
import pytest
from broken import CASES, Case, Expect

from cadre_core import Roster, read_roster

CONFORMANCE = Path(__file__).resolve().parents[2] / "shared" / "conformance"
FORMS = ("roster_clean.xlsx", "roster_messy.xlsx", "csv")


def _cases() -> list[object]:
    known: dict[str, str] = {}
    out: list[object] = []
    for case in CASES:
        marks = (
            [pytest.mark.xfail(strict=True, reason=known[case.name])] if case.name in known else []
        )
        out.append(pytest.param(case, id=case.name, marks=marks))
    return out


def run_validate(exe: Path, path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``cadre validate PATH`` with a wide terminal, so each problem is one line."""
    env = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run(
        [str(exe), "validate", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def problem_lines(output: str) -> list[list[str]]:
    """The cells of every problem line of the table(s) in ``output`` (piped: one problem
    per line, its cells separated by tabs)."""
    rows = []
    for line in output.splitlines():
        cells = line.split("\t")
        if len(cells) == 8 and cells[0] in ("Lỗi", "Lưu ý"):
            rows.append(cells)
    return rows


def _matches(cells: list[str], e: Expect) -> bool:
    # columns: mark, file, table, row, column, value, expected, suggestion
    _, _, table, row, column, value, _, suggestion = cells[:8]
    line = " ".join(cells)
    # a table and a canonical column are shown with their Vietnamese words:
    # "cadres (Cán bộ)", "gender (Giới tính)"; a user's header as "Ngày sinh (birth_date)"
    return (
        (e.table is None or table == e.table or table.startswith(f"{e.table} ("))
        and (e.row is None or row == str(e.row))
        and (
            e.column is None
            or column == e.column
            or column.endswith(f"({e.column})")
            or column.startswith(f"{e.column} (")
        )
        and (e.value is None or value == repr(e.value))
        and (e.suggestion is None or suggestion == e.suggestion)
        and all(w in line for w in e.words)
    )


def assert_reported(result: subprocess.CompletedProcess[str], expect: tuple[Expect, ...]) -> None:
    """Exit 2, no traceback, and every expected problem named on one line."""
    both = result.stdout + result.stderr
    assert "Traceback" not in both, both
    assert result.returncode == 2, both
    lines = problem_lines(result.stderr)
    assert lines, result.stderr
    for e in expect:
        assert any(_matches(cells, e) for cells in lines), f"{e} not in:\n{result.stderr}"


@pytest.mark.parametrize("case", _cases())
def test_broken_roster_is_reported(case: Case, tmp_path: Path, cadre_exe: Path) -> None:
    path = case.make(tmp_path)
    assert_reported(run_validate(cadre_exe, path), case.expect)


def test_duplicate_id_names_the_value(tmp_path: Path, cadre_exe: Path) -> None:
    case = next(c for c in CASES if c.name == "duplicate_id")
    expect = (Expect(table="cadres", row=5, column="cadre_id", value="MT001"),)
    assert_reported(run_validate(cadre_exe, case.make(tmp_path)), expect)


@pytest.mark.parametrize(
    "name,file", [("csv_missing_table", "roster"), ("empty_workbook", "empty.xlsx")]
)
def test_missing_table_names_the_users_file(
    name: str, file: str, tmp_path: Path, cadre_exe: Path
) -> None:
    case = next(c for c in CASES if c.name == name)
    result = run_validate(cadre_exe, case.make(tmp_path))
    assert result.returncode == 2
    files = {cells[1] for cells in problem_lines(result.stderr)}
    assert files == {file}, result.stderr


def test_collect_all_in_process(tmp_path: Path) -> None:
    """Cell-level and cross-table problems are all listed together (collect-all)."""
    from cadre_core import RosterError

    case = next(c for c in CASES if c.name == "several_problems")
    with pytest.raises(RosterError) as err:
        read_roster(case.make(tmp_path))
    located = {(p.table, p.row, p.column) for p in err.value.errors}
    assert {
        ("cadres", 5, "cadre_id"),
        ("assignments", 4, "cadre_id"),
        ("degrees", 3, "level"),
        ("assignments", 6, "start_date"),
        ("positions", 9, "quota"),
    } <= located


def test_all_blank_accepted_fields_is_valid(
    sample: Roster, tmp_path: Path, cadre_exe: Path
) -> None:
    folder = tmp_path / "roster"
    sample.write(folder, format="csv")
    positions = pd.read_csv(folder / "positions.csv", dtype=str, keep_default_na=False)
    positions["accepted_fields"] = ""
    positions.to_csv(folder / "positions.csv", index=False)
    result = run_validate(cadre_exe, folder)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_all_blank_topics_is_reported(sample: Roster, tmp_path: Path, cadre_exe: Path) -> None:
    folder = tmp_path / "roster"
    sample.write(folder, format="csv")
    trainings = pd.read_csv(folder / "trainings.csv", dtype=str, keep_default_na=False)
    trainings["topics"] = ""
    trainings.to_csv(folder / "trainings.csv", index=False)
    assert_reported(
        run_validate(cadre_exe, folder), (Expect(table="trainings", row=2, column="topics"),)
    )


# ------------------------------------------------------------------- valid rosters


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "parquet"])
def test_sample_validates(fmt: str, sample: Roster, tmp_path: Path, cadre_exe: Path) -> None:
    path = tmp_path / ("roster.xlsx" if fmt == "xlsx" else "roster")
    sample.write(path, format=fmt)
    result = run_validate(cadre_exe, path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Danh sách hợp lệ" in result.stdout
    assert read_roster(path) == sample


def _conformance_cases() -> list[Path]:
    if not CONFORMANCE.is_dir():
        return []
    return sorted(p for p in CONFORMANCE.iterdir() if p.is_dir())


needs_conformance = pytest.mark.skipif(
    not _conformance_cases(), reason="no conformance cases in ../shared/conformance"
)


@needs_conformance
@pytest.mark.parametrize("case", _conformance_cases(), ids=lambda p: p.name)
@pytest.mark.parametrize("form", FORMS)
def test_conformance_form_validates(case: Path, form: str, cadre_exe: Path) -> None:
    path = case / form
    if not path.exists():
        pytest.skip(f"{case.name} has no {form}")
    result = run_validate(cadre_exe, path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@needs_conformance
@pytest.mark.parametrize("case", _conformance_cases(), ids=lambda p: p.name)
def test_conformance_forms_read_equal(case: Path) -> None:
    forms = {f: read_roster(case / f) for f in FORMS if (case / f).exists()}
    clean = forms.pop("roster_clean.xlsx")
    for form, roster in forms.items():
        assert roster == clean, f"{form} differs from roster_clean.xlsx in {clean.diff(roster)}"


def test_problem_rows_parse() -> None:
    """The parser of the CLI's problem table reads what the problem table prints."""
    text = "Lỗi\tr.xlsx\tdegrees\t3\tlevel\t'Thac si'\tone of …\tthac_si"
    assert _matches(
        problem_lines(text)[0],
        attrs.evolve(Expect(), table="degrees", row=3, value="Thac si", suggestion="thac_si"),
    )
