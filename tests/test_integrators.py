"""The integrator's API: ``docs/integrators.md`` runs, and its names are ``cadre_core``'s."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import cadre_core

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "integrators.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
NAMES = ("Plan", "plan", "write_html", "write_xlsx", "write_plan_html", "write_plan_xlsx")


def test_the_page_is_in_the_site_navigation() -> None:
    assert "integrators.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = PAGE.read_text(encoding="utf-8")
    for step in ("Roster.from_frames", "evaluate(", "write_xlsx", "write_html", "plan("):
        assert step in text, step


def test_the_page_examples_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One example per step (frames, evaluation, report, plan), run as a reader runs them:
    in one session, in an empty folder; the files they write are there afterwards."""
    blocks = BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    assert len(blocks) == 4
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "integrators"}
    for i, block in enumerate(blocks, start=1):
        exec(compile(block, f"{PAGE.name} example {i}", "exec"), namespace)
    for name in ("bao-cao.xlsx", "bao-cao.html", "ke-hoach.xlsx", "ke-hoach.html"):
        assert (tmp_path / name).stat().st_size > 0, name
    plan = namespace["p"]
    assert isinstance(plan, cadre_core.Plan) and plan.lines


def test_writers_and_planner_are_public_and_imported_on_first_use() -> None:
    for name in NAMES:
        assert name in cadre_core.__all__ and name in dir(cadre_core)
    from cadre_core.planner import Plan, plan
    from cadre_core.reports import write_html, write_xlsx

    assert (cadre_core.plan, cadre_core.Plan) == (plan, Plan)
    assert (cadre_core.write_xlsx, cadre_core.write_html) == (write_xlsx, write_html)
    with pytest.raises(AttributeError):
        cadre_core.no_such_name  # noqa: B018
    # import cadre_core alone does not load the planner (scipy) nor the report writers
    code = (
        "import sys, cadre_core; "
        "print(sorted(m for m in ('scipy', 'cadre_core.planner', 'cadre_core.reports') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
