"""The national findings' fast paths give what the plain pandas formulation gives.

``cadre_core.findings`` joins on integer codes, hashes text ids in Arrow,
computes texts once per distinct value and shares work between its rules during one
:func:`national_findings` call. Each test compares one of these with the direct pandas
formulation (string merges, ``Series.map``, full sorts) on frames with duplicates, missing
values, unknown ids and both text storages; the last ones compare the whole rule set with
and without the shared work.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import attrs
import numpy as np
import pandas as pd
import pytest

from cadre_core import evaluate
from cadre_core.features import _keys
from cadre_core.features._frame import Features
from cadre_core.findings import (
    RULES,
    _common,
    _quota,
    _ratings,
    _retirement,
    _standards,
    national_findings,
)
from cadre_core.roster._synth import synth_roster
from cadre_core.vocab._enums import EducationLevel

SEEDS = [0, 1, 2, 3]


def _ids(rng: np.random.Generator, n: int, pool: int) -> np.ndarray:
    return np.array([f"C{i:04d}" for i in rng.integers(0, pool, n)], dtype=object)


def _dates(rng: np.random.Generator, n: int, missing: float = 0.1) -> pd.Series:
    days = rng.integers(0, 40 * 365, n)
    out = pd.Series(pd.Timestamp("1960-01-01") + pd.to_timedelta(days, unit="D"))
    out[rng.random(n) < missing] = pd.NaT
    return out.astype("datetime64[us]")


def _cadres(ids: list[str]) -> pd.DataFrame:
    return pd.DataFrame(index=pd.Index(ids, dtype=object, name="cadre_id"))


# ------------------------------------------------------------------------------ lookups
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("storage", ["object", "str"])
def test_locate_is_get_indexer(seed: int, storage: str) -> None:
    rng = np.random.default_rng(seed)
    cadres = _cadres(sorted({f"C{i:04d}" for i in rng.integers(0, 300, 200)}))
    parts = []
    for n in (0, 50, 400):
        ids = pd.Series(_ids(rng, n, 400))  # some ids are not cadres
        ids[rng.random(n) < 0.05] = np.nan
        parts.append(ids.astype(storage) if storage == "str" else ids)
    features: Any = SimpleNamespace(cadres=cadres)
    for got, part in zip(_common._locate(features, parts), parts, strict=True):
        assert got.tolist() == cadres.index.get_indexer(pd.Index(part)).tolist()


def test_locate_with_ids_that_are_not_text() -> None:
    features: Any = SimpleNamespace(cadres=_cadres(["1", "2", "C3"]))
    parts = [pd.Series([1, 2, "C3", "2"], dtype=object), pd.Series(["C3", "1"], dtype="str")]
    assert [x.tolist() for x in _common._locate(features, parts)] == [[-1, -1, 2, 1], [2, 0]]


# ---------------------------------------------------------------------- first position
def _assignments(rng: np.random.Generator, n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "cadre_id": _ids(rng, n, 120),
            "position_code": np.array([f"P{i:02d}" for i in rng.integers(0, 30, n)], object),
            "agency_code": np.array([f"A{i}" for i in rng.integers(0, 9, n)], dtype=object),
            "bloc": pd.Categorical(
                rng.choice(["party_front", "government"], n), ["party_front", "government"]
            ),
        }
    )


def _home_reference(features: Any) -> pd.DataFrame:
    """The first active position of each cadre by a full stable sort (the old way)."""
    a = features.assignments.sort_values(["cadre_id", "position_code"], kind="stable")
    first = a.drop_duplicates("cadre_id").set_index("cadre_id")
    return pd.DataFrame(
        {
            "agency_code": first["agency_code"].astype(object),
            "bloc": first["bloc"].astype(object),
        }
    ).reindex(features.cadres.index)


@pytest.mark.parametrize("seed", SEEDS)
def test_cadre_home_is_the_first_position_by_code(seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = _assignments(rng, 300)  # cadres with 0, 1 or several positions, ties included
    cadres = _cadres(sorted({f"C{i:04d}" for i in rng.integers(0, 150, 110)}))
    features: Any = SimpleNamespace(assignments=a, cadres=cadres)
    pd.testing.assert_frame_equal(_common._cadre_home(features), _home_reference(features))


# ----------------------------------------------------------------- levels on a given day
def _held_on_reference(
    table: pd.DataFrame, pairs: pd.DataFrame, ranks: dict[str, int]
) -> pd.Series:
    """Highest rank held on each pair's start date, by a string merge (the old way)."""
    t = pd.DataFrame(
        {
            "cadre_id": table["cadre_id"],
            "rank": table["level"].astype(object).map(ranks).fillna(0).astype("int64"),
            "awarded": table["awarded_date"],
        }
    )
    m = pairs[["cadre_id", "start_date"]].reset_index().merge(t, on="cadre_id", how="left")
    held = m["awarded"].isna() | (m["awarded"] <= m["start_date"])
    m["rank"] = m["rank"].where(held & m["rank"].notna(), 0)
    best = m.groupby("index")["rank"].max()
    return best.reindex(pairs.index, fill_value=0).astype("int64")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("storage", ["object", "str"])
def test_held_on_is_the_merge(seed: int, storage: str) -> None:
    rng = np.random.default_rng(seed)
    pairs = pd.DataFrame({"cadre_id": _ids(rng, 200, 150), "start_date": _dates(rng, 200)})
    levels = [*EducationLevel.ranks(), "unknown"]
    table = pd.DataFrame(
        {
            "cadre_id": pd.Series(_ids(rng, 400, 200)).astype(storage),
            "level": pd.Categorical(rng.choice(levels, 400)),
            "awarded_date": _dates(rng, 400, missing=0.2),
        }
    )
    table.loc[table.index[:5], "level"] = np.nan
    ranks = EducationLevel.ranks()
    expected = _held_on_reference(table, pairs, ranks)
    pd.testing.assert_series_equal(_standards._held_on(table, pairs, ranks), expected)
    # joined on the rows of a roll of cadres, as standards_findings does
    keys = pd.Index(sorted({*pairs["cadre_id"], *_ids(rng, 50, 300)}), dtype=object)
    join = (keys.get_indexer(pairs["cadre_id"]), keys.get_indexer(pd.Index(table["cadre_id"])))
    pd.testing.assert_series_equal(_standards._held_on(table, pairs, ranks, join), expected)


# --------------------------------------------------------------- once per distinct value
def test_per_row_and_per_value_are_the_direct_computation() -> None:
    rng = np.random.default_rng(7)
    n = 500
    frame = pd.DataFrame(
        {
            "flag": rng.random(n) < 0.5,
            "level": pd.Categorical(rng.choice(["a", "b", "c"], n)),
            "name": pd.Series(rng.choice(["x", "y", "z"], n), dtype=object),
            "count": rng.integers(0, 4, n),
        },
        index=pd.Index([f"R{i}" for i in range(n)]),
    )
    frame.loc[frame.index[::7], "name"] = np.nan
    frame.loc[frame.index[::11], "level"] = np.nan

    def texts(d: pd.DataFrame) -> pd.DataFrame:
        level = d["level"].astype(object).fillna("-")
        return pd.DataFrame(
            {
                "text": np.where(d["flag"], "yes ", "no ") + level + "/" + d["count"].astype(str),
                "name": d["name"] + "!",
                "n": d["count"] * 2,
            },
            index=d.index,
        )

    got = _keys.per_row(frame, texts)
    expected = texts(frame)
    assert got.index.equals(frame.index)
    for col in expected:
        assert got[col].tolist() == pytest.approx(expected[col].tolist(), nan_ok=True)
    dates = _dates(rng, n)
    assert _common._month(dates).tolist() == dates.dt.strftime("%m/%Y").astype(object).tolist()


# ------------------------------------------------------------------------- retirement
@pytest.mark.parametrize("seed", SEEDS)
def test_retiring_before_keeps_every_retirement_before_the_day(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 2000
    cadres = pd.DataFrame(
        {
            "birth_date": _dates(rng, n),
            "gender": pd.Categorical(rng.choice(["male", "female", "other"], n)),
        },
        index=pd.Index([f"C{i:05d}" for i in range(n)], name="cadre_id"),
    )
    features: Any = SimpleNamespace(cadres=cadres)
    every = _retirement.cadre_retirement(features)
    for day in ("2021-01-01", "2026-12-31", "2030-12-31"):
        rows, ret = _retirement._retiring_before(features, pd.Timestamp(day))
        assert ret.index.equals(cadres.index[rows])
        pd.testing.assert_series_equal(ret, every.iloc[rows], check_names=False)
        before = every.notna() & (every < pd.Timestamp(day))
        assert set(every.index[before]) <= set(ret.index)


# ---------------------------------------------------------------------------- ratings
@pytest.mark.parametrize("seed", SEEDS)
def test_recorded_ratings_are_the_last_annual_ones(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 600
    ratings = pd.DataFrame(
        {
            "cadre_id": pd.Series(_ids(rng, n, 90)).astype("str"),
            "year": pd.array(rng.integers(2023, 2028, n), dtype="Int64"),
            "quarter": pd.array(rng.choice([1, 2, 3, 4, None, None], n), dtype="Int64"),
            "rating": pd.Categorical(rng.choice(["excellent", "good", "complete"], n)),
        }
    )
    cadres = _cadres(sorted({f"C{i:04d}" for i in rng.integers(0, 100, 70)}))
    features: Any = SimpleNamespace(cadres=cadres, tables={"ratings": ratings})
    rows, crow, year = _ratings._recorded(features, 2025, 2026) or ([], [], [])
    # the old way: the last annual rating per (cadre, year), then the years and the roll
    annual = ratings[ratings["quarter"].isna()].drop_duplicates(["cadre_id", "year"], keep="last")
    annual = annual[
        (annual["year"] >= 2025) & (annual["year"] <= 2026) & annual["cadre_id"].isin(cadres.index)
    ]
    assert list(rows) == annual.index.tolist()
    assert list(year) == annual["year"].tolist()
    assert cadres.index[crow].tolist() == annual["cadre_id"].tolist()


# ------------------------------------------------------------------- whole rule set
def _national(communes: int, seed: int) -> tuple[Features, dict[str, Any]]:
    ev = evaluate(synth_roster(communes, seed=seed, validate=False), "2026-12-31", findings=False)
    return ev.features, dict(ev.params)


def _shuffled_with_duplicates(features: Features) -> Features:
    """Assignments in another order, some (cadre, position) pairs twice, and positions
    whose codes repeat: the orders that the fast paths must not depend on."""
    a = features.assignments
    twice = a.sample(frac=0.05, random_state=1).assign(
        start_date=lambda d: d["start_date"] - pd.Timedelta(days=500)
    )
    a = pd.concat([a, twice]).sample(frac=1.0, random_state=2).reset_index(drop=True)
    return attrs.evolve(features, assignments=a)


@pytest.mark.parametrize("variant", ["plain", "shuffled", "commune cap", "no deadlines"])
def test_rules_alone_give_what_the_shared_pass_gives(variant: str) -> None:
    features, params = _national(6, seed=5)
    if variant == "shuffled":
        features = _shuffled_with_duplicates(features)
    elif variant == "commune cap":
        params = {**params, "nd335.cap_scope": "commune"}
    elif variant == "no deadlines":
        params = {k: v for k, v in params.items() if not k.endswith(".deadline")}
    together = national_findings(features, params)
    alone = [f for rule in RULES for f in rule(features, params)]
    assert together == alone
    assert {f.rule for f in together} >= {
        "national.below_standard_on_appointment",
        "national.vacancy",
        "national.excellent_over_cap",
    }


def test_quota_order_with_repeated_position_codes() -> None:
    features, params = _national(3, seed=2)
    p = features.positions
    repeated = attrs.evolve(features, positions=pd.concat([p, p.iloc[:15]]))
    for feats in (features, repeated):
        found = _quota.quota_findings(feats, params)
        full = feats.positions.sort_index()
        quota = full["quota"].fillna(1).astype("int64")
        for rule, mask in (
            ("national.vacancy", full["holders"] < quota),
            ("national.surplus", full["holders"] > quota),
        ):
            assert [f.subject for f in found if f.rule == rule] == list(full.index[mask])


def test_retirement_findings_before_the_roll_exists() -> None:
    """A roster whose cadres all retire after every deadline gives no retirement finding."""
    features, params = _national(2, seed=3)
    young = features.cadres.assign(birth_date=pd.Timestamp("2000-01-01"))
    feats = attrs.evolve(features, cadres=young)
    params = {**params, "x.deadline": dt.date(2040, 1, 1)}
    assert _retirement.retirement_findings(feats, params) == []
