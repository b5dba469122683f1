"""The feature frames of a roster on a day: computed once per evaluation, vectorised.

:class:`Features` holds, for the as-of day D:

- ``cadres``: one row per *active* cadre (index ``cadre_id``) with ``commune``,
  ``education_rank``/``education``, ``theory_rank``/``theory``, ``rating``/``rating_rank``
  (the annual rating of the rating year), ``trained_<topic>`` flags for the training
  window, one ``holds_<category>`` flag per position category, and the population flags
  added by the built-in plugin and any province plugin (``cadre_features`` hook);
- ``assignments``: the active assignments of active cadres joined with their positions;
- ``positions``: every position (index ``position_code``) with ``holders`` on D;
- ``agencies``: every agency (index ``agency_code``) with ``active_cadres`` on D;
- ``trainings``: trainings in the window, one row per (training, topic);
- ``degrees``: degrees held on D with ``rank`` and ``field_key``;
- ``equipment``: quantity per (agency, item), duplicates summed;
- ``tables``: the roster's canonical tables, for plugins that need raw rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs
import numpy as np
import pandas as pd

from cadre_core._enums import Category, EducationLevel, RatingLevel, TheoryLevel, TrainingTopic
from cadre_core._params import Params

if TYPE_CHECKING:
    from cadre_core._roster import Roster

NO_COMMUNE = ""


def rating_year(as_of: dt.date) -> int:
    """The latest calendar year that has ended on or before ``as_of``.

    >>> rating_year(dt.date(2026, 12, 31)), rating_year(dt.date(2026, 6, 30))
    (2026, 2025)
    """
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


@attrs.frozen
class Features:
    """Feature frames of a roster as of one day (see the module docstring).

    >>> ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31", plugins=["laichau"])
    >>> f = ev.features
    >>> f.as_of, f.rating_year, len(f.cadres)
    (datetime.date(2026, 12, 31), 2026, 41)
    >>> int(f.cadres["is_female"].sum()), int(f.cadres["is_minority"].sum())
    (17, 34)
    """

    as_of: dt.date
    params: Params
    cadres: pd.DataFrame
    assignments: pd.DataFrame
    positions: pd.DataFrame
    agencies: pd.DataFrame
    trainings: pd.DataFrame
    roster_name: str
    degrees: pd.DataFrame
    equipment: pd.DataFrame
    tables: Mapping[str, pd.DataFrame] = attrs.field(factory=dict, repr=False)

    @property
    def rating_year(self) -> int:
        """The rating year on the as-of day."""
        return rating_year(self.as_of)

    def unit_frame(self, unit: str) -> pd.DataFrame:
        """The frame whose rows are the members of a target's ``unit``."""
        return {"cadres": self.cadres, "positions": self.positions, "agencies": self.agencies}[unit]

    def with_cadre_columns(self, columns: dict[str, pd.Series]) -> Features:
        """A copy with derived columns added to ``cadres`` (aligned on ``cadre_id``)."""
        extra = pd.DataFrame(columns, index=self.cadres.index)
        return attrs.evolve(self, cadres=pd.concat([self.cadres, extra], axis=1))


def _level_on(table: pd.DataFrame, day: pd.Timestamp, ranks: dict[str, int]) -> pd.DataFrame:
    """Highest level held on ``day`` per cadre: blank award dates count as held before."""
    held = table[table["awarded_date"].isna() | (table["awarded_date"] <= day)]
    rank = held["level"].astype(object).map(ranks)
    frame = pd.DataFrame({"cadre_id": held["cadre_id"], "rank": rank, "level": held["level"]})
    frame = frame.sort_values(["cadre_id", "rank", "level"], kind="stable")
    top = frame.drop_duplicates("cadre_id", keep="last").set_index("cadre_id")
    return top


def _indicator(
    ids: pd.Series, values: pd.Series, index: pd.Index, codes: tuple[str, ...], prefix: str
) -> pd.DataFrame:
    """Boolean frame (index x codes): does some row pair an id with that code? One pass."""
    rows = index.get_indexer(pd.Index(ids.astype(object)))
    cols = pd.Index(codes).get_indexer(pd.Index(values.astype(object)))
    ok = (rows >= 0) & (cols >= 0)
    matrix = np.zeros((len(index), len(codes)), dtype=bool)
    matrix[rows[ok], cols[ok]] = True
    return pd.DataFrame(matrix, index=index, columns=[prefix + c for c in codes])


def _ordered(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Small optional tables sorted by all their columns, so that plugins reading raw rows
    see the same order whatever the order of the input file."""
    out = dict(tables)
    for name in ("succession", "scores", "discipline"):
        frame = tables.get(name)
        if frame is not None and len(frame):
            out[name] = frame.sort_values(list(frame.columns), kind="stable").reset_index(drop=True)
    return out


def _explode_topics(trainings: pd.DataFrame) -> pd.DataFrame:
    """One row per (training, topic); each distinct topic list is split once."""
    codes, distinct = pd.factorize(trainings["topics"], use_na_sentinel=True)
    lists = pd.DataFrame(
        {"code": np.arange(len(distinct)), "topic": [str(v).split(";") for v in distinct]}
    ).explode("topic")
    rows = pd.DataFrame(
        {
            "cadre_id": trainings["cadre_id"].to_numpy(),
            "completed_date": trainings["completed_date"].to_numpy(),
            "code": codes,
        }
    )
    merged = rows.merge(lists, on="code", how="inner", sort=False)
    return merged[["cadre_id", "topic", "completed_date"]].reset_index(drop=True)


def _field_key(s: pd.Series) -> pd.Series:
    return s.str.casefold()


def build_features(roster: Roster, as_of: dt.date, params: Params) -> Features:
    """Compute the feature frames of ``roster`` on ``as_of`` (no per-cadre Python loop)."""
    day = pd.Timestamp(as_of)
    cad = roster.cadres
    pos = roster.positions
    ag = roster.agencies

    # positions joined with their agency's commune and bloc
    agencies = ag.set_index("agency_code")
    positions = pos.set_index("position_code")
    positions = positions.join(agencies[["commune", "bloc"]], on="agency_code")
    positions["commune"] = positions["commune"].fillna(
        roster.name if len(ag) == 0 or ag["commune"].isna().all() else NO_COMMUNE
    )
    if len(ag) and ag["commune"].notna().any():
        only = ag["commune"].dropna().unique()
        if len(only) == 1:
            positions["commune"] = positions["commune"].replace(NO_COMMUNE, only[0])

    # active cadres and assignments
    asg = roster.assignments
    on = (asg["start_date"] <= day) & (asg["end_date"].isna() | (asg["end_date"] >= day))
    present = cad.set_index("cadre_id")
    stayed = present["left_date"].isna() | (present["left_date"] > day)
    active_asg = asg[on & asg["cadre_id"].map(stayed).fillna(False).astype(bool)]
    # a canonical order, so that nothing downstream depends on the order of the input rows
    active_asg = active_asg.sort_values(["cadre_id", "position_code", "start_date"], kind="stable")
    active_asg = active_asg.join(
        positions[
            [
                "category",
                "agency_code",
                "quota",
                "min_education",
                "min_theory",
                "accepted_fields",
                "sensitive",
                "commune",
                "bloc",
            ]
        ],
        on="position_code",
    ).reset_index(drop=True)
    active_ids = pd.Index(active_asg["cadre_id"].unique()).sort_values()
    cadres = present.loc[active_ids].copy()
    cadres.index.name = "cadre_id"

    # commune of each cadre: the commune of its first active position (by code)
    first = active_asg.sort_values(["cadre_id", "position_code"]).drop_duplicates("cadre_id")
    cadres["commune"] = first.set_index("cadre_id")["commune"].reindex(cadres.index)

    # holdings per category
    held = _indicator(
        active_asg["cadre_id"], active_asg["category"], cadres.index, Category.codes(), "holds_"
    )
    cadres = pd.concat([cadres, held], axis=1)
    counts = active_asg.groupby("cadre_id").size()
    cadres["active_positions"] = counts.reindex(cadres.index, fill_value=0).astype("int64")

    # education and theory on D
    ed = _level_on(roster.degrees, day, EducationLevel.ranks())
    th = _level_on(roster.theory, day, TheoryLevel.ranks())
    cadres["education_rank"] = ed["rank"].reindex(cadres.index).fillna(0).astype("int64")
    cadres["education"] = ed["level"].reindex(cadres.index)
    cadres["theory_rank"] = th["rank"].reindex(cadres.index).fillna(0).astype("int64")
    cadres["theory"] = th["level"].reindex(cadres.index)

    # trainings in the window [plan_start, D]
    start = pd.Timestamp(params["plan_start"]) if "plan_start" in params else pd.Timestamp.min
    tr = roster.trainings
    tr = tr[(tr["completed_date"] >= start) & (tr["completed_date"] <= day)]
    topics = _explode_topics(tr)
    done = _indicator(
        topics["cadre_id"], topics["topic"], cadres.index, TrainingTopic.codes(), "trained_"
    )
    cadres = pd.concat([cadres, done], axis=1)

    # annual rating of the rating year
    year = rating_year(as_of)
    rt = roster.ratings
    annual = rt[(rt["year"] == year) & rt["quarter"].isna()].drop_duplicates(
        "cadre_id", keep="last"
    )
    rating = annual.set_index("cadre_id")["rating"].reindex(cadres.index)
    cadres["rating"] = rating
    cadres["rating_rank"] = (
        rating.astype(object).map(RatingLevel.ranks()).astype("float64").astype("Int64")
    )
    cadres["is_rated"] = rating.notna().to_numpy()
    cadres["is_female"] = (cadres["gender"] == "female").fillna(False).astype(bool)
    cadres["is_minority"] = (cadres["ethnicity"].notna() & (cadres["ethnicity"] != "Kinh")).astype(
        bool
    )

    # per position: distinct active holders; per agency: distinct active cadres
    holders = (
        active_asg.drop_duplicates(["position_code", "cadre_id"]).groupby("position_code").size()
    )
    positions["holders"] = holders.reindex(positions.index, fill_value=0).astype("int64")
    per_agency = (
        active_asg.drop_duplicates(["agency_code", "cadre_id"]).groupby("agency_code").size()
    )
    agencies["active_cadres"] = per_agency.reindex(agencies.index, fill_value=0).astype("int64")
    if "commune" in agencies:
        agencies["commune"] = (
            agencies["commune"]
            .astype(object)
            .fillna(positions["commune"].iloc[0] if len(positions) else roster.name)
        )
    for frame in (cadres, positions):
        frame["commune"] = frame["commune"].astype(object).fillna(roster.name)
    active_asg["field_keys"] = _field_key(active_asg["accepted_fields"])
    # ids as plain Python strings: index look-ups and joins on them are hash-table fast
    for frame in (cadres, positions, agencies):
        frame.index = frame.index.astype(object)
    for col in ("cadre_id", "position_code", "agency_code"):
        active_asg[col] = active_asg[col].astype(object)

    return Features(
        as_of=as_of,
        params=params,
        cadres=cadres,
        assignments=active_asg,
        positions=positions,
        agencies=agencies,
        trainings=topics,
        roster_name=roster.name,
        degrees=degrees_on(roster.degrees, as_of),
        equipment=roster.equipment.groupby(["agency_code", "item"], observed=True)["quantity"]
        .sum()
        .reset_index(),
        tables=_ordered(roster.tables),
    )


def degrees_on(roster_degrees: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Degrees held on ``as_of`` with their rank and field key."""
    day = pd.Timestamp(as_of)
    held = roster_degrees[
        roster_degrees["awarded_date"].isna() | (roster_degrees["awarded_date"] <= day)
    ]
    return pd.DataFrame(
        {
            "cadre_id": held["cadre_id"],
            "rank": held["level"].astype(object).map(EducationLevel.ranks()).astype("int64"),
            "field_key": _field_key(held["field"]),
        }
    )


__all__ = ["Features", "build_features", "degrees_on", "np", "rating_year"]
