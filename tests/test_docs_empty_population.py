"""The result of a target whose population is empty, per rule, is what the docs say.

docs/targets.md and docs/plugins.md each hold a table "rule -> required, satisfied,
shortfall, status, attainable, overdue, failing" for a commune where no member is in the
population; this test evaluates one target per rule on such a commune (deadline passed)
and compares the JSON results with both tables. It also checks the "no data" case.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from builders import assign, cadre, roster

from cadre_core import Roster, Rule, Target, Text, criteria, hookimpl
from cadre_core.testing import evaluate_plugin

DOCS = Path(__file__).resolve().parent.parent / "docs"
RULES = {
    "all": Rule.all(),
    ">= p": Rule(">=", Fraction(3, 4)),
    "> p": Rule(">", Fraction(4, 5)),
    "any": Rule.any(),
}
VICE_CHAIRS = criteria.flag("is_vice_chair", Text("Phó Chủ tịch", "vice chairs"))
LEADERS = criteria.flag("is_leader", Text("lãnh đạo", "leaders"))
MASTERS = criteria.education_at_least("thac_si")


class Plugin:
    """One target per rule over the vice chairs (none in the roster), deadline passed;
    and one per rule over the leaders that reads the trainings."""

    @hookimpl
    def cadre_targets(self) -> list[Target]:
        out = []
        for k, (name, rule) in enumerate(RULES.items()):
            for prefix, pop, crit in (
                ("empty", VICE_CHAIRS, MASTERS),
                ("nodata", LEADERS, criteria.trained_in(["law"])),
            ):
                out.append(
                    Target.from_criteria(
                        id=f"doc.{prefix}{k}",
                        title=Text(name, name),
                        source="test",
                        population=pop,
                        criterion=crit,
                        rule=rule,
                        deadline=dt.date(2026, 6, 30),
                    )
                )
        return out


def _roster() -> Roster:
    # a party secretary and a professional: no vice chair, so the population is empty
    return roster(
        [cadre("A"), cadre("B")],
        [assign("A", "BT"), assign("B", "CV")],
        degrees=[{"cadre_id": "A", "level": "dai_hoc", "field": "Luật"}],
    )


def documented(page: str) -> dict[str, dict[str, Any]]:
    """The empty-population table of a page: rule -> the JSON values it states."""
    text = (DOCS / page).read_text(encoding="utf-8")
    header = re.search(r"^\| rule \| `required` .*$", text, re.MULTILINE)
    assert header, f"docs/{page} has no empty-population table"
    names = [c.strip().strip("`") for c in header.group(0).strip("|").split("|")][1:]
    out: dict[str, dict[str, Any]] = {}
    for line in text[header.end() :].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        values = [c if c.startswith("not_") else json.loads(c) for c in cells[1:]]
        out[cells[0]] = dict(zip(names, values, strict=True))
    return out


def _results(ev: Any, prefix: str) -> dict[str, dict[str, Any]]:
    commune = ev.to_dict()["communes"][0]
    return {t["title_en"]: t for t in commune["targets"] if t["id"].startswith(f"doc.{prefix}")}


@pytest.mark.parametrize("page", ["targets.md", "plugins.md"])
def test_empty_population_gives_what_the_page_says(page: str) -> None:
    table = documented(page)
    assert set(table) == set(RULES)
    ev = evaluate_plugin(Plugin(), _roster(), "2026-12-31", name="doc", findings=False)
    got = _results(ev, "empty")
    for rule, values in table.items():
        result = got[rule]
        assert result["population"] == 0
        assert {k: result[k] for k in values} == values, rule
        assert "reason" not in result


def test_the_tables_of_both_pages_agree() -> None:
    assert documented("targets.md") == documented("plugins.md")


def test_no_data_is_not_applicable_whatever_the_population() -> None:
    r = attrs.evolve(_roster(), absent=("trainings",))
    ev = evaluate_plugin(Plugin(), r, "2026-12-31", name="doc", findings=False)
    for rule, result in _results(ev, "nodata").items():
        assert result["population"] == 1  # the party secretary
        assert result["status"] == "not_applicable" and result["reason"] == "no_data"
        assert result["shortfall"] == 0 and result["overdue"] is False
        assert result["required"] == RULES[rule].required(1)  # from the population, as usual
