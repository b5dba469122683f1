"""The Lai Châu plugin: its 18 targets, their clauses, thresholds and deadlines."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path

import cadre_laichau
import pytest

from cadre_core import Rule, evaluate, read_roster, sample_roster
from cadre_core.testing import evaluate_plugin

SPEC = {  # id: (op, threshold, deadline) from nq05-targets.md
    "nq05.1a": ("all", 1, "2026-12-31"),
    "nq05.1b": ("all", 1, "2028-12-31"),
    "nq05.2a": ("all", 1, "2030-12-31"),
    "nq05.2b": ("all", 1, "2030-12-31"),
    "nq05.2c": ("all", 1, "2030-12-31"),
    "nq05.2d": ("all", 1, "2030-12-31"),
    "nq05.3": (">=", Fraction(7, 10), "2030-12-31"),
    "nq05.4a": ("all", 1, "2030-12-31"),
    "nq05.4b": (">", Fraction(95, 100), "2030-12-31"),
    "nq05.5a": (">=", Fraction(3, 4), "2030-12-31"),
    "nq05.5b": ("all", 1, "2030-12-31"),
    "nq05.5c": ("any", 0, "2030-12-31"),
    "nq05.5d": ("any", 0, "2030-12-31"),
    "nq05.6a": (">=", Fraction(1, 4), "2030-12-31"),
    "nq05.6b": (">=", Fraction(1, 2), "2030-12-31"),
    "nq05.7a": ("all", 1, "2030-12-31"),
    "nq05.7b": (">", Fraction(4, 5), "2030-12-31"),
    "nq05.8": ("all", 1, "2030-12-31"),
}
UNITS = {"nq05.1a": "positions", "nq05.8": "agencies"}
CONFORMANCE = Path(__file__).resolve().parents[4] / "shared" / "conformance"


def test_eighteen_targets_with_rules_and_deadlines():
    targets = {t.id: t for t in cadre_laichau.targets()}
    assert list(targets) == list(SPEC)
    for tid, (op, value, deadline) in SPEC.items():
        t = targets[tid]
        assert t.rule == Rule(op, Fraction(value)), tid
        assert t.deadline == dt.date.fromisoformat(deadline), tid
        assert t.unit == UNITS.get(tid, "cadres"), tid


def test_every_target_cites_its_clause_in_vietnamese():
    for t in cadre_laichau.targets():
        clause = t.id.split(".")[1].rstrip("abcd")
        assert f"({clause})" in t.source
        assert "05-NQ/TU" in t.source
        assert t.title.vi and t.title.en


def test_parameters_have_sources():
    for p in cadre_laichau.cadre_parameters():
        assert p.source, p.key


def test_evaluates_through_the_testing_kit():
    ev = evaluate_plugin(cadre_laichau, name="laichau")
    assert [t.id for t in ev.communes[0].targets] == list(SPEC)


def test_plan_start_moves_the_training_window():
    r = sample_roster()
    before = evaluate(r, "2026-12-31", plugins=["laichau"]).communes[0].target("nq05.2a")
    later = evaluate(r, "2026-12-31", plugins=["laichau"], params={"plan_start": "2026-12-01"})
    assert later.communes[0].target("nq05.2a").satisfied <= before.satisfied


@pytest.mark.skipif(not CONFORMANCE.exists(), reason="shared conformance cases not present")
def test_conformance_through_the_api():
    for case in sorted(p for p in CONFORMANCE.iterdir() if p.is_dir()):
        roster = read_roster(case / "csv")
        for expected_file in sorted(case.glob("expected_*.json")):
            expected = json.loads(expected_file.read_text())
            got = evaluate(roster, expected["as_of"], plugins=["laichau"]).communes[0]
            for want in expected["targets"]:
                t = got.target(want["id"])
                assert (t.population, t.satisfied, t.required, t.status, list(t.failing)) == (
                    want["population"],
                    want["satisfied"],
                    want["required"],
                    want["status"],
                    want["failing"],
                ), (case.name, expected["as_of"], want["id"])
            assert list(got.unrated) == expected["unrated"]
