"""Baseline 2: the per-commune, per-target loop an in-house developer writes first.

Where ``baseline_loop.py`` is a *tuned* loop (one pass per table building lookups, then
one pass over the cadres computing all 18 targets at once), this is the code written
target by target from the resolution's text, commune by commune::

    for commune in communes:
        for target in TARGETS:
            population, satisfied = target_fn(commune)

The attrs objects (``Roster.to_objects``, see ``baseline_loop.load_objects``) are
grouped once: per commune its agencies, positions and active cadres; per cadre its own
assignments, degrees, theory certificates, trainings and ratings; per position its
assignments; per agency its positions and equipment. Each target function then loops
over the commune's members and derives what it needs from each member's own records
with small helpers (``highest_education``, ``positions_held``, ``trained_in``, ...),
so a fact such as a cadre's education is recomputed by every target that uses it.
Nothing scans the whole roster inside the loops.

The rules, constants and exact thresholds are those of ``baseline_loop`` (imported, not
copied); the output is the same tidy frame (commune, id, population, satisfied,
required, status), and ``tests/test_baselines.py`` checks it against the engine.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import pandas as pd
from baseline_loop import (
    DEFAULT_STANDARD,
    DEPT,
    EDU,
    EQUIPMENT_NORM,
    IDS,
    LEADERSHIP,
    PLAN_START,
    RATING,
    STANDING,
    THEORY,
    TOPICS_2B,
    TOPICS_3,
    VICE,
    _code,
    rating_year,
    required,
)


class Records:
    """The roster's objects grouped once: lookups by code and each owner's own rows."""

    def __init__(self, objects: dict[str, list[Any]], day: dt.date) -> None:
        self.day = day
        self.agencies = {a.agency_code: a for a in objects["agencies"]}
        self.positions = {p.position_code: p for p in objects["positions"]}
        self.cadres = {c.cadre_id: c for c in objects["cadres"]}
        self.assignments: dict[str, list[Any]] = defaultdict(list)  # by cadre
        self.holders: dict[str, list[Any]] = defaultdict(list)  # assignments by position
        for a in objects["assignments"]:
            self.assignments[a.cadre_id].append(a)
            self.holders[a.position_code].append(a)
        self.degrees: dict[str, list[Any]] = defaultdict(list)
        for d in objects["degrees"]:
            self.degrees[d.cadre_id].append(d)
        self.theory: dict[str, list[Any]] = defaultdict(list)
        for t in objects["theory"]:
            self.theory[t.cadre_id].append(t)
        self.trainings: dict[str, list[Any]] = defaultdict(list)
        for tr in objects["trainings"]:
            self.trainings[tr.cadre_id].append(tr)
        self.ratings: dict[str, list[Any]] = defaultdict(list)
        for r in objects["ratings"]:
            self.ratings[r.cadre_id].append(r)
        self.equipment: dict[str, list[Any]] = defaultdict(list)
        for e in objects["equipment"]:
            self.equipment[e.agency_code].append(e)
        self.agency_positions: dict[str, list[Any]] = defaultdict(list)
        for p in objects["positions"]:
            self.agency_positions[p.agency_code or ""].append(p)


class Commune:
    """One commune's members: its agencies, its positions and its active cadres."""

    def __init__(self, name: str, records: Records) -> None:
        self.name = name
        self.records = records
        self.day = records.day
        self.agencies: list[Any] = []
        self.positions: list[Any] = []
        self.cadres: list[Any] = []


# ---- helpers: one fact about one cadre, from that cadre's own records


def is_current(cadre: Any, day: dt.date) -> bool:
    """Whether the cadre has not left on ``day``."""
    return cadre.left_date is None or cadre.left_date > day


def positions_held(rec: Records, cadre: Any, day: dt.date) -> list[Any]:
    """The distinct positions the cadre holds on ``day`` (by position code)."""
    codes = sorted({a.position_code for a in rec.assignments[cadre.cadre_id] if a.active_on(day)})
    return [rec.positions[code] for code in codes]


def categories_held(rec: Records, cadre: Any, day: dt.date) -> set[str | None]:
    """The categories of the positions the cadre holds on ``day``."""
    return {_code(p.category) for p in positions_held(rec, cadre, day)}


def degrees_on(rec: Records, cadre: Any, day: dt.date) -> list[Any]:
    """The cadre's degrees awarded on or before ``day`` (or undated)."""
    return [
        d for d in rec.degrees[cadre.cadre_id] if d.awarded_date is None or d.awarded_date <= day
    ]


def highest_education(rec: Records, cadre: Any, day: dt.date) -> int:
    """The rank of the cadre's highest degree on ``day`` (0 when none)."""
    return max((EDU[_code(d.level) or ""] for d in degrees_on(rec, cadre, day)), default=0)


def theory_level(rec: Records, cadre: Any, day: dt.date) -> int:
    """The rank of the cadre's highest political-theory level on ``day`` (0 when none)."""
    best = 0
    for t in rec.theory[cadre.cadre_id]:
        if t.awarded_date is None or t.awarded_date <= day:
            best = max(best, THEORY[_code(t.level) or ""])
    return best


def trained_in(rec: Records, cadre: Any, topic: str, start: dt.date, day: dt.date) -> bool:
    """Whether the cadre completed a training covering ``topic`` within [start, day]."""
    for tr in rec.trainings[cadre.cadre_id]:
        if start <= tr.completed_date <= day and any(_code(x) == topic for x in tr.topics):
            return True
    return False


def annual_rating(rec: Records, cadre: Any, year: int) -> int | None:
    """The rank of the cadre's annual rating for ``year`` (None when unrated)."""
    found = None
    for r in rec.ratings[cadre.cadre_id]:
        if r.year == year and r.quarter is None:
            found = RATING[_code(r.rating) or ""]
    return found


def has_fitting_degree(rec: Records, cadre: Any, position: Any, day: dt.date) -> bool:
    """Whether a degree on ``day`` is in one of the position's fields at its level."""
    keys = {f.strip().casefold() for f in position.accepted_fields}
    need = EDU.get(_code(position.min_education) or "", 0)
    return any(
        (d.field or "").casefold() in keys and EDU[_code(d.level) or ""] >= need
        for d in degrees_on(rec, cadre, day)
    )


def active_holders(rec: Records, position: Any, day: dt.date) -> set[str]:
    """The distinct active cadres holding ``position`` on ``day``."""
    return {
        a.cadre_id
        for a in rec.holders[position.position_code]
        if a.active_on(day) and is_current(rec.cadres[a.cadre_id], day)
    }


# ---- the 18 targets, each written from its row of the resolution: (population, satisfied)

Count = tuple[int, int]


def t_1a(c: Commune) -> Count:
    """Positions with a quota filled by at least that many active holders."""
    n = s = 0
    for p in c.positions:
        if p.quota > 0:
            n += 1
            s += len(active_holders(c.records, p, c.day)) >= p.quota
    return n, s


def t_1b(c: Commune) -> Count:
    """Cadres holding positions with accepted fields have a fitting degree for each."""
    n = s = 0
    for cadre in c.cadres:
        fielded = [p for p in positions_held(c.records, cadre, c.day) if p.accepted_fields]
        if fielded:
            n += 1
            s += all(has_fitting_degree(c.records, cadre, p, c.day) for p in fielded)
    return n, s


def _trained_all(c: Commune, topics: tuple[str, ...]) -> Count:
    n = s = 0
    for cadre in c.cadres:
        n += 1
        s += all(trained_in(c.records, cadre, t, PLAN_START, c.day) for t in topics)
    return n, s


def t_2a(c: Commune) -> Count:
    """Active cadres trained on their job position in the plan period."""
    return _trained_all(c, ("job_position",))


def t_2b(c: Commune) -> Count:
    """Active cadres trained on data governance, modern management and e-records."""
    return _trained_all(c, TOPICS_2B)


def t_2c(c: Commune) -> Count:
    """Active cadres trained on the two-tier local government."""
    return _trained_all(c, ("two_tier_government",))


def t_2d(c: Commune) -> Count:
    """Leaders meet the education and theory standard of every leadership post held."""
    n = s = 0
    for cadre in c.cadres:
        held = positions_held(c.records, cadre, c.day)
        if not {_code(p.category) for p in held} & LEADERSHIP:
            continue
        n += 1
        edu = highest_education(c.records, cadre, c.day)
        th = theory_level(c.records, cadre, c.day)
        ok = True
        for p in held:
            cat = _code(p.category) or ""
            if cat in DEFAULT_STANDARD:
                ed_need = _code(p.min_education) or DEFAULT_STANDARD[cat][0]
                th_need = _code(p.min_theory) or DEFAULT_STANDARD[cat][1]
                if edu < EDU[ed_need] or th < THEORY[th_need]:
                    ok = False
        s += ok
    return n, s


def t_3(c: Commune) -> Count:
    """Active cadres trained on all six topics of target 3."""
    return _trained_all(c, TOPICS_3)


def _rated(c: Commune, at_least: str) -> Count:
    n = s = 0
    year = rating_year(c.day)
    for cadre in c.cadres:
        r = annual_rating(c.records, cadre, year)
        if r is not None:
            n += 1
            s += r >= RATING[at_least]
    return n, s


def t_4a(c: Commune) -> Count:
    """Rated cadres rated at least 'complete'."""
    return _rated(c, "complete")


def t_4b(c: Commune) -> Count:
    """Rated cadres rated at least 'good'."""
    return _rated(c, "good")


def _education_of(c: Commune, group: frozenset[str], rank: int) -> Count:
    n = s = 0
    for cadre in c.cadres:
        if categories_held(c.records, cadre, c.day) & group:
            n += 1
            s += highest_education(c.records, cadre, c.day) >= rank
    return n, s


def _theory_of(c: Commune, group: frozenset[str], rank: int) -> Count:
    n = s = 0
    for cadre in c.cadres:
        if categories_held(c.records, cadre, c.day) & group:
            n += 1
            s += theory_level(c.records, cadre, c.day) >= rank
    return n, s


def t_5a(c: Commune) -> Count:
    """Standing leadership with a master's degree or higher."""
    return _education_of(c, STANDING, EDU["thac_si"])


def t_5b(c: Commune) -> Count:
    """Vice-chairs with advanced political theory."""
    return _theory_of(c, VICE, THEORY["cao_cap"])


def t_5c(c: Commune) -> Count:
    """Standing leadership members who are women."""
    n = s = 0
    for cadre in c.cadres:
        if categories_held(c.records, cadre, c.day) & STANDING:
            n += 1
            s += _code(cadre.gender) == "female"
    return n, s


def t_5d(c: Commune) -> Count:
    """Standing leadership members from an ethnic minority."""
    n = s = 0
    for cadre in c.cadres:
        if categories_held(c.records, cadre, c.day) & STANDING:
            n += 1
            s += cadre.ethnicity is not None and cadre.ethnicity != "Kinh"
    return n, s


def t_6a(c: Commune) -> Count:
    """Department leaders with a master's degree or higher."""
    return _education_of(c, DEPT, EDU["thac_si"])


def t_6b(c: Commune) -> Count:
    """Department leaders with advanced political theory."""
    return _theory_of(c, DEPT, THEORY["cao_cap"])


def _professionals(c: Commune) -> list[Any]:
    return [
        cadre for cadre in c.cadres if categories_held(c.records, cadre, c.day) == {"professional"}
    ]


def t_7a(c: Commune) -> Count:
    """Professionals with a university degree or higher."""
    members = _professionals(c)
    ok = sum(highest_education(c.records, m, c.day) >= EDU["dai_hoc"] for m in members)
    return len(members), ok


def t_7b(c: Commune) -> Count:
    """Professionals with intermediate political theory or higher."""
    members = _professionals(c)
    ok = sum(theory_level(c.records, m, c.day) >= THEORY["trung_cap"] for m in members)
    return len(members), ok


def t_8(c: Commune) -> Count:
    """Agencies with active staff have every item of the equipment norm."""
    n = s = 0
    rec = c.records
    for agency in c.agencies:
        staff: set[str] = set()
        for p in rec.agency_positions[agency.agency_code]:
            staff |= active_holders(rec, p, c.day)
        if not staff:
            continue
        n += 1
        ok = True
        for item, (per_cadre, per_agency) in EQUIPMENT_NORM.items():
            have = sum(e.quantity for e in rec.equipment[agency.agency_code] if e.item == item)
            if have < -((-len(staff) * per_cadre) // 1) + per_agency:
                ok = False
        s += ok
    return n, s


TARGETS: dict[str, Callable[[Commune], Count]] = {
    "nq05.1a": t_1a,
    "nq05.1b": t_1b,
    "nq05.2a": t_2a,
    "nq05.2b": t_2b,
    "nq05.2c": t_2c,
    "nq05.2d": t_2d,
    "nq05.3": t_3,
    "nq05.4a": t_4a,
    "nq05.4b": t_4b,
    "nq05.5a": t_5a,
    "nq05.5b": t_5b,
    "nq05.5c": t_5c,
    "nq05.5d": t_5d,
    "nq05.6a": t_6a,
    "nq05.6b": t_6b,
    "nq05.7a": t_7a,
    "nq05.7b": t_7b,
    "nq05.8": t_8,
}
assert tuple(TARGETS) == IDS


def group_communes(rec: Records) -> dict[str, Commune]:
    """Each commune's agencies, positions and active cadres (a cadre's commune is that
    of the agency of its first active position, by position code)."""
    communes = {a.commune: Commune(a.commune, rec) for a in rec.agencies.values() if a.commune}
    for a in rec.agencies.values():
        if a.commune in communes:
            communes[a.commune].agencies.append(a)
    for p in rec.positions.values():
        agency = rec.agencies.get(p.agency_code)
        if agency is not None and agency.commune in communes:
            communes[agency.commune].positions.append(p)
    day = rec.day
    for cadre in rec.cadres.values():
        if not is_current(cadre, day):
            continue
        held = positions_held(rec, cadre, day)
        if not held:
            continue
        commune = rec.agencies[held[0].agency_code].commune
        if commune in communes:
            communes[commune].cadres.append(cadre)
    return communes


def evaluate_naive(objects: dict[str, list[Any]], as_of: dt.date) -> pd.DataFrame:
    """Evaluate the 18 targets commune by commune, target by target, with plain loops."""
    communes = group_communes(Records(objects, as_of))
    rows = []
    for name in sorted(communes):
        commune = communes[name]
        for tid, target_fn in TARGETS.items():
            n, s = target_fn(commune)
            req = required(tid, n)
            status = "not_applicable" if n == 0 else ("met" if s >= req else "not_met")
            rows.append((name, tid, n, s, req, status))
    return pd.DataFrame(
        rows, columns=["commune", "id", "population", "satisfied", "required", "status"]
    )
