"""Decree 335/2025/NĐ-CP: score bands, discipline override, the 20% excellent cap."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core.vocab._scores import aggregate_scores, bands_of, excellent_cap_check, score_levels


def _scores(rows: list[tuple[str, int, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["cadre_id", "year", "quarter", "score"]).astype(
        {"year": "Int64", "quarter": "Int64", "score": "Int64"}
    )


def _discipline(rows: list[tuple[str, str, str]] | None = None) -> pd.DataFrame:
    rows = rows or []
    return pd.DataFrame(
        {
            "cadre_id": pd.Series([r[0] for r in rows], dtype=object),
            "date": pd.to_datetime(pd.Series([r[1] for r in rows], dtype=object)),
            "level": pd.Series([r[2] for r in rows], dtype=object),
        }
    )


@pytest.mark.parametrize(
    ("quarterly", "level"),
    [
        ([90, 90, 90, 90], "excellent"),  # ">= 90": 90 is excellent
        ([89, 90, 90, 90], "good"),  # mean 89.75 is "70 to under 90"
        ([70, 70, 70, 70], "good"),
        ([69, 70, 70, 70], "complete"),  # 69.75
        ([50, 50, 50, 50], "complete"),
        ([49, 50, 50, 50], "incomplete"),  # 49.75 is "under 50"
        ([0, 0, 0, 0], "incomplete"),
        ([100, 100, 100, 100], "excellent"),
        ([100, 80], "excellent"),  # two scored quarters: mean 90
    ],
)
def test_bands_from_the_decree(quarterly: list[int], level: str) -> None:
    s = _scores([("A", 2026, q + 1, v) for q, v in enumerate(quarterly)])
    out = aggregate_scores(s, _discipline(), {})
    assert out["level"].tolist() == [level]
    assert out["quarters"].tolist() == [len(quarterly)]
    assert out["total"].tolist() == [sum(quarterly)]


def test_discipline_in_the_year_forces_incomplete() -> None:
    """Khiển trách or heavier in the rated year: not completed, whatever the score."""
    s = _scores([("A", y, q, 95) for y in (2025, 2026) for q in (1, 2, 3, 4)])
    d = _discipline([("A", "2026-03-02", "khien_trach")])
    out = aggregate_scores(s, d, {}).set_index("year")
    assert out.loc[2026, "score_level"] == "excellent"
    assert out.loc[2026, "level"] == "incomplete"
    assert bool(out.loc[2026, "disciplined"])
    assert out.loc[2025, "level"] == "excellent"  # another year is not affected


def test_discipline_without_scores_still_yields_a_row() -> None:
    out = aggregate_scores(_scores([]), _discipline([("B", "2026-05-05", "canh_cao")]), {})
    assert out[["cadre_id", "year", "quarters", "level"]].values.tolist() == [
        ["B", 2026, 0, "incomplete"]
    ]


def test_repeated_quarter_keeps_last_row() -> None:
    s = _scores([("A", 2026, 1, 10), ("A", 2026, 1, 95)])
    out = aggregate_scores(s, _discipline(), {})
    assert out["total"].tolist() == [95] and out["quarters"].tolist() == [1]


def test_bands_are_parameters() -> None:
    s = _scores([("A", 2026, 1, 85)])
    assert aggregate_scores(s, _discipline(), {})["level"].tolist() == ["good"]
    params = {"nd335.bands": {"excellent": 85, "good": 70, "complete": 50}}
    assert aggregate_scores(s, _discipline(), params)["level"].tolist() == ["excellent"]
    # exact fractions as floors: 170/2 = 85 >= "169/2"
    params = {"nd335.bands": {"excellent": "169/2", "good": 70, "complete": 50}}
    assert aggregate_scores(s, _discipline(), params)["level"].tolist() == ["excellent"]


@pytest.mark.parametrize(
    "bands",
    [
        {"excellent": 90, "good": 70},
        {"excellent": 70, "good": 90, "complete": 50},
        {"excellent": 101, "good": 70, "complete": 50},
    ],
)
def test_bad_bands_are_refused(bands: dict[str, int]) -> None:
    with pytest.raises(ValueError, match=r"nd335\.bands"):
        bands_of({"nd335.bands": bands})


def _ratings(levels: list[str]) -> pd.DataFrame:
    ids = [f"C{i}" for i in range(len(levels))]
    return pd.DataFrame({"cadre_id": ids, "year": 2026, "rating": levels})


@pytest.mark.parametrize(
    ("excellent", "good", "over"),
    [(0, 0, False), (1, 0, True), (1, 4, True), (1, 5, False), (2, 10, False), (3, 10, True)],
)
def test_cap_examples(excellent: int, good: int, over: bool) -> None:
    """At most 20% of the number rated good in the same agency."""
    r = _ratings(["excellent"] * excellent + ["good"] * good + ["complete"])
    group = pd.Series("X", index=r["cadre_id"])
    out = excellent_cap_check(r, group, Fraction(1, 5))
    assert out["over"].tolist() == [over]
    assert out["allowed"].tolist() == [good // 5]


@settings(deadline=None)
@given(
    st.lists(st.sampled_from(["excellent", "good", "complete", "incomplete"]), max_size=40),
    st.fractions(min_value=0, max_value=1, max_denominator=1000),
)
def test_cap_property(levels: list[str], cap: Fraction) -> None:
    """Property: the check flags exactly when excellent > cap * good."""
    r = _ratings(levels)
    out = excellent_cap_check(r, pd.Series("X", index=r["cadre_id"]), cap)
    e, g = levels.count("excellent"), levels.count("good")
    if not levels:
        assert len(out) == 0
        return
    assert bool(out["over"].iloc[0]) == (Fraction(e) > cap * g)
    assert out["allowed"].iloc[0] == int(cap * g)


@settings(deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=4),
    st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=4),
)
def test_bands_are_monotone(a: list[int], b: list[int]) -> None:
    """Property: a higher mean never gets a lower level; the level matches the mean."""
    rank = {"incomplete": 0, "complete": 1, "good": 2, "excellent": 3}
    levels = score_levels(pd.Series([sum(a), sum(b)]), pd.Series([len(a), len(b)]), {}).tolist()
    ma, mb = Fraction(sum(a), len(a)), Fraction(sum(b), len(b))
    if ma <= mb:
        assert rank[levels[0]] <= rank[levels[1]]
    expected = (
        "excellent"
        if ma >= 90
        else "good"
        if ma >= 70
        else "complete"
        if ma >= 50
        else ("incomplete")
    )
    assert levels[0] == expected
