"""Reproducibility: every report carries its evaluation as JSON, and ``cadre verify``
re-runs the evaluation and says whether the report still matches.

- JSON output is the evaluation itself (with its ``audit`` block);
- HTML reports embed it, HTML-escaped, in ``<div id="cadre-evaluation" hidden>`` (no
  script element at all: the report runs no code);
- xlsx reports embed it in a hidden sheet ``_evaluation`` (column A, in chunks).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from cadre_core.engine._pipeline import Evaluation, evaluate
from cadre_core.roster._roster import Roster

HTML_ID = "cadre-evaluation"
XLSX_SHEET = "_evaluation"
_CHUNK = 30000  # below Excel's 32,767 characters per cell


def html_block(evaluation: Evaluation) -> str:
    """The hidden element embedding the evaluation's JSON (escaped) in an HTML report."""
    text = html.escape(evaluation.to_json(indent=None).strip(), quote=True)
    return f'<div id="{HTML_ID}" hidden data-format="json">{text}</div>'


def xlsx_sheet(workbook: Any, evaluation: Evaluation) -> None:
    """Add the hidden ``_evaluation`` sheet to an xlsxwriter workbook."""
    sheet = workbook.add_worksheet(XLSX_SHEET)
    text = evaluation.to_json(indent=None).strip()
    for i in range(0, len(text), _CHUNK):
        sheet.write_string(i // _CHUNK, 0, text[i : i + _CHUNK])
    sheet.hide()


class ReportError(ValueError):
    """A file is not a report this tool wrote, or carries no evaluation."""


def extract(path: str | Path) -> dict[str, Any]:
    """The evaluation JSON embedded in a report (``.json``, ``.html`` or ``.xlsx``)."""
    p = Path(path)
    try:
        if p.suffix.lower() == ".json":
            data = json.loads(p.read_text(encoding="utf-8"))
        elif p.suffix.lower() in (".html", ".htm"):
            page = p.read_text(encoding="utf-8")
            m = re.search(rf'<div id="{HTML_ID}" hidden data-format="json">(.*?)</div>', page, re.S)
            if m is None:
                raise ReportError(f"{p.name}: no embedded evaluation (not a cadre report?)")
            data = json.loads(html.unescape(m.group(1)))
        elif p.suffix.lower() == ".xlsx":
            import openpyxl

            wb = openpyxl.load_workbook(p, read_only=True)
            if XLSX_SHEET not in wb.sheetnames:
                raise ReportError(f"{p.name}: no {XLSX_SHEET} sheet (not a cadre report?)")
            cells = [r[0] for r in wb[XLSX_SHEET].iter_rows(values_only=True) if r and r[0]]
            data = json.loads("".join(str(c) for c in cells))
        else:
            raise ReportError(f"{p.name}: a report is a .json, .html or .xlsx file")
    except OSError as exc:
        raise ReportError(f"{p.name}: cannot be read ({exc.strerror})") from None
    except (ValueError, KeyError) as exc:
        if isinstance(exc, ReportError):
            raise
        raise ReportError(f"{p.name}: the embedded evaluation is not valid JSON") from None
    if not isinstance(data, Mapping) or "communes" not in data or "as_of" not in data:
        raise ReportError(f"{p.name}: not a cadre evaluation")
    return dict(data)


@attrs.frozen
class Verification:
    """The outcome of :func:`verify`."""

    matches: bool
    differences: tuple[str, ...]


def verify(report: Mapping[str, Any], roster: Roster) -> Verification:
    """Re-run the evaluation a report describes on ``roster`` and compare the results."""
    diffs: list[str] = []
    audit = report.get("audit", {})
    if audit.get("inputs") and list(audit["inputs"]) != list(roster.sources):
        diffs.append("the roster's files differ from the ones the report was made from")
    plugins = [p["name"] for p in report.get("plugins", []) if p["name"] != "cadre"]
    overrides = {
        k: v["value"]
        for k, v in report.get("parameters", {}).items()
        if not str(v.get("from", "")).startswith("plugin ")
    }
    by_commune = len(report["communes"]) > 1
    again = evaluate(
        roster, report["as_of"], plugins=plugins, params=overrides, by_commune=by_commune
    ).to_dict()
    versions = {p["name"]: p["version"] for p in report.get("plugins", [])}
    now = {p["name"]: p["version"] for p in again["plugins"]}
    if versions != now:
        diffs.append(f"plugin versions differ: report {versions}, installed {now}")
    old = {c["commune"]: c for c in report["communes"]}
    new = {c["commune"]: c for c in again["communes"]}
    if set(old) != set(new):
        diffs.append(f"communes differ: {sorted(old)} vs {sorted(new)}")
    for name in sorted(set(old) & set(new)):
        a = {t["id"]: t for t in old[name]["targets"]}
        b = {t["id"]: t for t in new[name]["targets"]}
        for tid in sorted(set(a) | set(b)):
            if a.get(tid) != b.get(tid):
                keys = sorted(
                    k
                    for k in set(a.get(tid, {})) | set(b.get(tid, {}))
                    if a.get(tid, {}).get(k) != b.get(tid, {}).get(k)
                )
                diffs.append(f"{name}: target {tid} differs in {', '.join(keys)}")
        if old[name].get("unrated") != new[name].get("unrated"):
            diffs.append(f"{name}: unrated cadres differ")
        if old[name].get("findings") != new[name].get("findings"):
            diffs.append(f"{name}: findings differ")
    return Verification(not diffs, tuple(diffs))
