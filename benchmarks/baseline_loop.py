"""Baseline 1b: a *tuned* per-cadre Python loop over attrs objects.

One pass per table builds dictionaries of what each cadre holds on the day, then one pass
over the cadres counts all 18 targets at once: the fastest plain-Python loop we could
write (``baseline_naive.py`` is the loop written first, target by target). It implements
the 18 targets of ``nq05-targets.md`` with the default parameters, from the roster's
domain objects (``Roster.to_objects``), one cadre at a time, and returns the per-commune
counts as a tidy frame (commune, id, population, satisfied, required, status), like
:meth:`Evaluation.to_frame`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from fractions import Fraction
from typing import Any

import pandas as pd

from cadre_core import Roster

# ---- the 18 targets as plain data (the default parameters of the Lai Châu plugin)
PLAN_START = dt.date(2026, 1, 1)
TOPICS_2B = ("data_governance", "modern_management", "e_records")
TOPICS_3 = ("law", "ethics", "office_culture", "it", "digital_transformation", "innovation")
EDU = {"trung_cap": 1, "cao_dang": 2, "dai_hoc": 3, "thac_si": 4, "tien_si": 5}
THEORY = {"so_cap": 1, "trung_cap": 2, "cao_cap": 3, "cu_nhan": 3}
RATING = {"incomplete": 0, "complete": 1, "good": 2, "excellent": 3}
STANDING = frozenset(
    {
        "party_secretary",
        "party_deputy_secretary",
        "council_chair",
        "council_vice_chair",
        "committee_chair",
        "committee_vice_chair",
    }
)
VICE = frozenset({"council_vice_chair", "committee_vice_chair"})
DEPT = frozenset({"department_head", "department_deputy"})
LEADERSHIP = frozenset(STANDING | DEPT | {"inspection_chair", "front_chair"})
TOP = frozenset({"party_secretary", "party_deputy_secretary", "council_chair", "committee_chair"})
DEFAULT_STANDARD = {c: ("dai_hoc", "cao_cap" if c in TOP else "trung_cap") for c in LEADERSHIP}
EQUIPMENT_NORM = {"desk_set": (1, 0), "cabinet": (1, 0), "computer": (1, 0), "phone": (1, 0)}

# id -> (op, threshold)
RULES: dict[str, tuple[str, Fraction]] = {
    "nq05.1a": ("all", Fraction(1)),
    "nq05.1b": ("all", Fraction(1)),
    "nq05.2a": ("all", Fraction(1)),
    "nq05.2b": ("all", Fraction(1)),
    "nq05.2c": ("all", Fraction(1)),
    "nq05.2d": ("all", Fraction(1)),
    "nq05.3": (">=", Fraction(7, 10)),
    "nq05.4a": ("all", Fraction(1)),
    "nq05.4b": (">", Fraction(95, 100)),
    "nq05.5a": (">=", Fraction(3, 4)),
    "nq05.5b": ("all", Fraction(1)),
    "nq05.5c": ("any", Fraction(0)),
    "nq05.5d": ("any", Fraction(0)),
    "nq05.6a": (">=", Fraction(1, 4)),
    "nq05.6b": (">=", Fraction(1, 2)),
    "nq05.7a": ("all", Fraction(1)),
    "nq05.7b": (">", Fraction(4, 5)),
    "nq05.8": ("all", Fraction(1)),
}
IDS = tuple(RULES)


def required(target: str, n: int) -> int:
    """Members required to satisfy ``target`` in a population of ``n`` (exact)."""
    op, p = RULES[target]
    if op == "all":
        return n
    if op == "any":
        return 1
    exact = p * n
    if op == ">=":
        return -((-exact.numerator) // exact.denominator)
    return exact.numerator // exact.denominator + 1


def rating_year(day: dt.date) -> int:
    """The latest calendar year ended on or before ``day``."""
    return day.year if (day.month, day.day) == (12, 31) else day.year - 1


TABLES = (
    "cadres",
    "agencies",
    "positions",
    "assignments",
    "degrees",
    "theory",
    "trainings",
    "ratings",
    "equipment",
)


def load_objects(roster: Roster) -> dict[str, list[Any]]:
    """The roster's rows as attrs objects (the loop's input)."""
    return {t: roster.to_objects(t) for t in TABLES}


def _code(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def evaluate_loop(objects: dict[str, list[Any]], as_of: dt.date) -> pd.DataFrame:
    """Evaluate the 18 targets per commune with plain Python loops."""
    day = as_of
    agencies = {a.agency_code: a for a in objects["agencies"]}
    positions = {p.position_code: p for p in objects["positions"]}
    cadres = {c.cadre_id: c for c in objects["cadres"]}

    held: dict[str, set[str]] = defaultdict(set)
    for a in objects["assignments"]:
        c = cadres[a.cadre_id]
        if a.active_on(day) and (c.left_date is None or c.left_date > day):
            held[a.cadre_id].add(a.position_code)

    degrees: dict[str, list[Any]] = defaultdict(list)
    for d in objects["degrees"]:
        if d.awarded_date is None or d.awarded_date <= day:
            degrees[d.cadre_id].append(d)
    theory: dict[str, int] = defaultdict(int)
    for t in objects["theory"]:
        if t.awarded_date is None or t.awarded_date <= day:
            theory[t.cadre_id] = max(theory[t.cadre_id], THEORY[_code(t.level) or ""])
    topics: dict[str, set[str]] = defaultdict(set)
    for tr in objects["trainings"]:
        if PLAN_START <= tr.completed_date <= day:
            topics[tr.cadre_id].update(_code(x) or "" for x in tr.topics)
    year = rating_year(day)
    rating: dict[str, int] = {}
    for r in objects["ratings"]:
        if r.year == year and r.quarter is None:
            rating[r.cadre_id] = RATING[_code(r.rating) or ""]
    equipment: dict[tuple[str, str], int] = defaultdict(int)
    for e in objects["equipment"]:
        equipment[(e.agency_code, e.item)] += e.quantity

    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])

    def count(commune: str, target: str, ok: bool) -> None:
        cell = counts[(commune, target)]
        cell[0] += 1
        cell[1] += int(ok)

    holders: dict[str, int] = defaultdict(int)
    agency_staff: dict[str, set[str]] = defaultdict(set)
    communes: set[str] = {a.commune for a in agencies.values() if a.commune}
    for cid, codes in held.items():
        c = cadres[cid]
        first = min(codes)
        commune = agencies[positions[first].agency_code].commune
        cats = set()
        for code in codes:
            p = positions[code]
            holders[code] += 1
            agency_staff[p.agency_code or ""].add(cid)
            cats.add(_code(p.category))
        edu = max((EDU[_code(d.level) or ""] for d in degrees[cid]), default=0)
        th = theory.get(cid, 0)
        done = topics[cid]

        with_fields = [positions[code] for code in sorted(codes) if positions[code].accepted_fields]
        if with_fields:
            ok = True
            for p in with_fields:
                keys = {f.strip().casefold() for f in p.accepted_fields}
                need = EDU.get(_code(p.min_education) or "", 0)
                if not any(
                    (d.field or "").casefold() in keys and EDU[_code(d.level) or ""] >= need
                    for d in degrees[cid]
                ):
                    ok = False
            count(commune, "nq05.1b", ok)
        count(commune, "nq05.2a", "job_position" in done)
        count(commune, "nq05.2b", all(t in done for t in TOPICS_2B))
        count(commune, "nq05.2c", "two_tier_government" in done)
        count(commune, "nq05.3", all(t in done for t in TOPICS_3))
        if cats & LEADERSHIP:
            ok = True
            for code in codes:
                p = positions[code]
                cat = _code(p.category) or ""
                if cat not in DEFAULT_STANDARD:
                    continue
                ed_need = _code(p.min_education) or DEFAULT_STANDARD[cat][0]
                th_need = _code(p.min_theory) or DEFAULT_STANDARD[cat][1]
                if edu < EDU[ed_need] or th < THEORY[th_need]:
                    ok = False
            count(commune, "nq05.2d", ok)
        if cid in rating:
            count(commune, "nq05.4a", rating[cid] >= RATING["complete"])
            count(commune, "nq05.4b", rating[cid] >= RATING["good"])
        if cats & STANDING:
            count(commune, "nq05.5a", edu >= EDU["thac_si"])
            count(commune, "nq05.5c", _code(c.gender) == "female")
            count(commune, "nq05.5d", c.ethnicity is not None and c.ethnicity != "Kinh")
        if cats & VICE:
            count(commune, "nq05.5b", th >= THEORY["cao_cap"])
        if cats & DEPT:
            count(commune, "nq05.6a", edu >= EDU["thac_si"])
            count(commune, "nq05.6b", th >= THEORY["cao_cap"])
        if cats == {"professional"}:
            count(commune, "nq05.7a", edu >= EDU["dai_hoc"])
            count(commune, "nq05.7b", th >= THEORY["trung_cap"])

    for code, p in positions.items():
        if p.quota > 0:
            commune = agencies[p.agency_code].commune
            count(commune, "nq05.1a", holders.get(code, 0) >= p.quota)
    for code, a in agencies.items():
        staff = len(agency_staff.get(code, ()))
        if staff > 0:
            ok = all(
                equipment.get((code, item), 0) >= -((-staff * per_cadre) // 1) + per_agency
                for item, (per_cadre, per_agency) in EQUIPMENT_NORM.items()
            )
            count(a.commune, "nq05.8", ok)

    rows = []
    for commune in sorted(communes):
        for tid in IDS:
            n, s = counts.get((commune, tid), (0, 0))
            req = required(tid, n)
            status = "not_applicable" if n == 0 else ("met" if s >= req else "not_met")
            rows.append((commune, tid, n, s, req, status))
    return pd.DataFrame(
        rows, columns=["commune", "id", "population", "satisfied", "required", "status"]
    )
