"""One rule for "the highest level held on a day" (``cadre_core.features._levels``).

The feature frames (education and theory on the as-of day) and the standards findings
(education and theory on the day of each appointment) both use it. An unknown level never
proves a qualification and never hides a known one; a blank level is no level.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core.features._levels import level_on, levels_held
from cadre_core.findings._standards import _held_on
from cadre_core.vocab._enums import EducationLevel, TheoryLevel

DAY = pd.Timestamp("2026-12-31")
ED = EducationLevel.ranks()


def _table(rows: list[tuple[str, str | None, str | None]], *, categorical: bool) -> pd.DataFrame:
    t = pd.DataFrame(rows, columns=["cadre_id", "level", "awarded_date"])
    t["awarded_date"] = pd.to_datetime(t["awarded_date"]).astype("datetime64[us]")
    if categorical:
        t["level"] = t["level"].astype("category")
    return t


def _both(
    table: pd.DataFrame, ids: list[str], ranks: dict[str, int]
) -> tuple[list[int], list[int]]:
    """The ranks on DAY by the feature frames' call and by the findings' call."""
    rank, _ = level_on(table, DAY, ranks, pd.Index(ids, dtype=object))
    pairs = pd.DataFrame({"cadre_id": ids, "start_date": [DAY] * len(ids)})
    pairs["start_date"] = pairs["start_date"].astype("datetime64[us]")
    return rank.tolist(), _held_on(table, pairs, ranks).tolist()


def test_an_unknown_level_neither_proves_nor_hides() -> None:
    for categorical in (False, True):
        t = _table(
            [
                ("A", "dai_hoc", "2010-01-01"),
                ("A", "tien_si_danh_du", None),  # unknown rank: not a qualification
                ("B", "tien_si_danh_du", "2010-01-01"),  # only an unknown level
                ("C", "thac_si", "2010-01-01"),
                ("C", None, None),  # a blank level: no level at all
                ("D", "thac_si", "2030-01-01"),  # not yet awarded on DAY
            ],
            categorical=categorical,
        )
        ids = ["A", "B", "C", "D", "E"]
        features_rank, findings_rank = _both(t, ids, ED)
        assert features_rank == findings_rank == [ED["dai_hoc"], 0, ED["thac_si"], 0, 0]
        _, level = level_on(t, DAY, ED, pd.Index(ids, dtype=object))
        shown = [None if pd.isna(x) else str(x) for x in level]
        # the level shown is the known one; with none known, the spelling the roster has
        assert shown == ["dai_hoc", "tien_si_danh_du", "thac_si", None, None]


def test_equal_ranks_show_the_later_level_of_the_column() -> None:
    """cao_cap and cu_nhan share a rank: the later category is shown, the rank is theirs."""
    t = _table([("A", "cu_nhan", None), ("A", "cao_cap", None)], categorical=True)
    t["level"] = t["level"].cat.set_categories(list(TheoryLevel.ranks()))
    rank, level = level_on(t, DAY, TheoryLevel.ranks(), pd.Index(["A"], dtype=object))
    assert rank.tolist() == [TheoryLevel.ranks()["cao_cap"]] and level.tolist() == ["cu_nhan"]


def test_one_day_per_query() -> None:
    t = _table(
        [("A", "trung_cap", "2000-01-01"), ("A", "dai_hoc", "2020-01-01")], categorical=False
    )
    days = np.array(["2010-01-01", "2025-01-01", "1990-01-01"], dtype="datetime64[us]")
    rank, _ = levels_held(t, ED, np.zeros(2, dtype=np.int64), np.zeros(3, dtype=np.int64), days)
    assert rank.tolist() == [ED["trung_cap"], ED["dai_hoc"], 0]


_LEVELS = [*ED, "unknown_a", "unknown_b", None]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "C", "D"]),
            st.sampled_from(_LEVELS),
            st.one_of(st.none(), st.integers(min_value=-3000, max_value=3000)),
        ),
        max_size=25,
    ),
    st.booleans(),
    st.lists(st.sampled_from(["A", "B", "C", "D", "E"]), min_size=1, max_size=6),
)
def test_feature_frames_and_findings_agree(
    rows: list[tuple[str, str | None, int | None]], categorical: bool, ids: list[str]
) -> None:
    """Property: on the same day, the feature frames' rank and the standards findings'
    rank are the same, and it is the highest known rank held (0 when none)."""
    data = [
        (c, lvl, None if d is None else str((DAY + pd.Timedelta(days=d)).date()))
        for c, lvl, d in rows
    ]
    t = _table(data, categorical=categorical)
    ids = list(dict.fromkeys(ids))  # the roll of cadres has unique ids
    features_rank, findings_rank = _both(t, ids, ED)
    assert features_rank == findings_rank
    expected = [
        max(
            [ED[lvl] for c, lvl, d in rows if c == cid and lvl in ED and (d is None or d <= 0)],
            default=0,
        )
        for cid in ids
    ]
    assert features_rank == expected


def test_planner_degree_field_follows_the_level_rule():
    """The planner's "field of the highest degree" lets no unknown level hide a known one."""
    import datetime as dt
    import types

    from cadre_core.planner._projection import current_fields

    degrees = pd.DataFrame(
        {
            "cadre_id": ["A", "A", "B"],
            "level": ["dai_hoc", "bằng lạ", "bằng lạ"],
            "field": ["Luật", "Kế toán", "Nông nghiệp"],
            "awarded_date": pd.to_datetime(["2010-01-01", "2015-01-01", "2015-01-01"]),
        }
    )
    fields = current_fields(types.SimpleNamespace(degrees=degrees), dt.date(2026, 12, 31))
    assert fields.to_dict() == {"A": "Luật", "B": "Nông nghiệp"}
