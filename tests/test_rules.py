"""Exact rule arithmetic: ``Rule.required`` against a Fraction oracle, and through ``evaluate``."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core import (
    Assignment,
    Cadre,
    Degree,
    Gender,
    ParameterError,
    PluginHost,
    Position,
    Roster,
    Rule,
    TheoryCertificate,
    evaluate,
)
from cadre_core.roster._schema import TABLE_NAMES
from cadre_core.testing import strategies as cst
from cadre_core.testing.strategies import canonical_frame

AS_OF = dt.date(2026, 12, 31)


def oracle(op: str, p: Fraction, n: int) -> int:
    """The least s with s/n >= p (or > p), by the definition, in Fractions."""
    if op == "all":
        return n
    if op == "any":
        return 1
    product = p * n
    if op == ">=":
        return math.ceil(product)
    return math.floor(product) + 1


sizes = st.one_of(st.integers(0, 200), st.integers(0, 10**7), st.just(90))
thresholds = cst.fractions(min_value=0, max_value=3, max_denominator=1000)


@given(op=st.sampled_from([">=", ">"]), p=thresholds, n=sizes)
def test_required_equals_fraction_oracle(op: str, p: Fraction, n: int) -> None:
    assert Rule(op, p).required(n) == oracle(op, p, n)  # type: ignore[arg-type]


@given(op=st.sampled_from([">=", ">"]), p=thresholds, n=st.integers(1, 10**6))
def test_required_is_minimal(op: str, p: Fraction, n: int) -> None:
    """``required`` members meet the rule and one fewer do not (exact comparisons)."""
    req = Rule(op, p).required(n)  # type: ignore[arg-type]
    meets = (lambda s: Fraction(s, n) >= p) if op == ">=" else (lambda s: Fraction(s, n) > p)
    assert meets(req)
    assert not meets(req - 1)


@given(op=st.sampled_from([">=", ">"]), p=thresholds, n=st.lists(st.integers(0, 10**6)))
def test_required_many_matches_required(op: str, p: Fraction, n: list[int]) -> None:
    rule = Rule(op, p)  # type: ignore[arg-type]
    many = rule.required_many(np.asarray(n, dtype=np.int64))
    assert [int(x) for x in many] == [rule.required(k) for k in n]


def test_required_for_huge_populations_is_exact() -> None:
    rule = Rule(">", Fraction(999_999_999, 1_000_000_000))
    n = 2**40
    assert rule.required(n) == oracle(">", rule.value, n)


@pytest.mark.parametrize(
    "op,p,n,required",
    [
        (">", Fraction(7, 10), 90, 64),  # int(0.7 * 90) + 1 == 63 in floats
        (">=", Fraction(7, 10), 90, 63),  # 0.7 * 90 == 62.99999999999999
        (">", Fraction(95, 100), 20, 20),
        (">", Fraction(95, 100), 40, 39),
        (">", Fraction(95, 100), 100, 96),
        (">=", Fraction(3, 4), 4, 3),
        (">=", Fraction(3, 4), 5, 4),
        (">", Fraction(4, 5), 5, 5),
        (">", Fraction(4, 5), 10, 9),
        (">=", Fraction(1, 4), 1, 1),
        (">=", Fraction(1, 2), 0, 0),
        (">", Fraction(1), 5, 6),  # "more than 100%": cannot be met
        ("all", Fraction(1), 7, 7),
        ("any", Fraction(0), 7, 1),
    ],
)
def test_known_values(op: str, p: Fraction, n: int, required: int) -> None:
    assert Rule(op, p).required(n) == required  # type: ignore[arg-type]


def test_float_threshold_is_refused() -> None:
    with pytest.raises(TypeError):
        Rule(">=", 0.7)  # type: ignore[arg-type]


# ------------------------------------------------------------------ through evaluate


def _roster(
    n: int,
    s: int,
    *,
    category: str = "party_deputy_secretary",
    degree: str = "thac_si",
    theory: str = "cao_cap",
    female: int = 0,
) -> Roster:
    """``n`` active cadres each holding a ``category`` position; ``s`` of them qualified."""
    cadres, positions, assignments, degrees, theories = [], [], [], [], []
    for i in range(n):
        cid = f"C{i:03d}"
        gender = Gender.FEMALE if i < female else Gender.MALE
        cadres.append(Cadre(cid, "Lò Văn Biên", dt.date(1980, 1, 1), gender, "Thái"))
        positions.append(Position(f"P{i:03d}", category=category, quota=1))  # type: ignore[arg-type]
        assignments.append(Assignment(cid, f"P{i:03d}", dt.date(2025, 7, 1)))
        if i < s:
            degrees.append(Degree(cid, degree, "Luật"))  # type: ignore[arg-type]
            theories.append(TheoryCertificate(cid, theory))  # type: ignore[arg-type]
    if n == 0:  # a commune with a position of another category only
        cadres.append(Cadre("X1", "Lò Thị Say", dt.date(1990, 1, 1), Gender.FEMALE, "Thái"))
        positions.append(Position("PX", category="other", quota=1))  # type: ignore[arg-type]
        assignments.append(Assignment("X1", "PX", dt.date(2025, 7, 1)))
    objects = {
        "cadres": cadres,
        "positions": positions,
        "assignments": assignments,
        "degrees": degrees,
        "theory": theories,
    }
    frames = {t: canonical_frame(t, objects.get(t, [])) for t in TABLE_NAMES}
    return Roster(frames, name="Xã Thử")


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(0, 12),
    data=st.data(),
    p=cst.fractions(min_value=0, max_value=Fraction(3, 2), max_denominator=100),
    op_target=st.sampled_from([(">=", "nq05.5a"), (">", "nq05.7b")]),
)
def test_threshold_rules_through_evaluate(
    n: int, data: st.DataObject, p: Fraction, op_target: tuple[str, str], laichau: PluginHost
) -> None:
    op, target = op_target
    s = data.draw(st.integers(0, n))
    if target == "nq05.5a":
        roster = _roster(n, s)
    else:
        roster = _roster(n, s, category="professional", theory="trung_cap")
    if p > 1:  # a threshold is a share: a parameter above 100% is refused, naming it
        with pytest.raises(ParameterError, match=rf"'{target}\.threshold' \(argument\)"):
            evaluate(roster, AS_OF, host=laichau, params={f"{target}.threshold": str(p)})
        return
    ev = evaluate(roster, AS_OF, host=laichau, params={f"{target}.threshold": str(p)})
    res = ev.communes[0].target(target)
    required = oracle(op, p, n)
    assert (res.population, res.satisfied, res.required) == (n, s, required)
    assert res.rule.op == op and res.rule.value == p
    assert res.attainable == (required <= n)
    if n == 0:
        assert (res.status, res.shortfall) == ("not_applicable", 0)
    else:
        assert res.status == ("met" if s >= required else "not_met")
        assert res.shortfall == max(0, required - s)
        # minimality, end to end: one satisfying member fewer is not enough
        if s == required and s > 0:
            fewer = (
                _roster(n, s - 1)
                if target == "nq05.5a"
                else _roster(n, s - 1, category="professional", theory="trung_cap")
            )
            ev2 = evaluate(fewer, AS_OF, host=laichau, params={f"{target}.threshold": str(p)})
            assert ev2.communes[0].target(target).status == "not_met"


@settings(max_examples=15, deadline=None)
@given(n=st.integers(0, 8), data=st.data())
def test_all_and_any_through_evaluate(n: int, data: st.DataObject, laichau: PluginHost) -> None:
    s = data.draw(st.integers(0, n))
    women = data.draw(st.integers(0, n))
    roster = _roster(n, s, category="committee_vice_chair", female=women)
    ev = evaluate(roster, AS_OF, host=laichau)
    every = ev.communes[0].target("nq05.5b")  # vice-chairs: theory cao_cap, all
    some = ev.communes[0].target("nq05.5c")  # standing: a woman, any
    assert (every.population, every.satisfied, every.required) == (n, s, n)
    assert (some.population, some.satisfied, some.required) == (n, women, 1)
    if n == 0:
        for res in (every, some):
            assert (res.status, res.shortfall) == ("not_applicable", 0)
    else:
        assert every.status == ("met" if s == n else "not_met")
        assert every.shortfall == n - s
        assert some.status == ("met" if women else "not_met")
        assert some.shortfall == (0 if women else 1)


def test_no_vice_chairs_is_not_applicable(laichau: PluginHost) -> None:
    roster = _roster(3, 3, category="professional")
    res = evaluate(roster, AS_OF, host=laichau).communes[0].target("nq05.5b")
    assert (res.population, res.status, res.shortfall) == (0, "not_applicable", 0)
    assert res.failing == ()
