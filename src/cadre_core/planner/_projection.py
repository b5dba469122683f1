"""Projection of a roster to future days, and "what-if" feature frames.

- :func:`project_roster`: the roster as it will be if nothing is done: every cadre leaves
  at the statutory retirement date (national schedule), qualifications already under way
  (award dates after the as-of day) count from their date, and each cadre's latest annual
  rating is assumed to hold for the years not yet rated (the only way to say anything
  about rating targets in the future; stated in every plan).
- :func:`what_if`: the raw feature frames of a day with one qualification (or two) given
  to every cadre at once: one build per programme, never per cadre.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.planner._catalogue import Programme
from cadre_core.roster._roster import Roster
from cadre_core.targets._fit import _fit_frame
from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._enums import EducationLevel, TheoryLevel
from cadre_core.vocab._retirement import retirement_dates


def retirement_of(roster: Roster) -> pd.Series:
    """Statutory retirement date per cadre (index ``cadre_id``; NaT when unknown)."""
    cad = roster.cadres
    dates = retirement_dates(cad["birth_date"], cad["gender"].astype(object))
    return pd.Series(dates.to_numpy(), index=pd.Index(cad["cadre_id"], name="cadre_id"))


def project_roster(roster: Roster, as_of: dt.date, horizon: int) -> Roster:
    """The roster as it will be up to 31/12 of ``horizon`` if nothing is done."""
    cad = roster.cadres
    retire = retirement_of(roster).to_numpy()
    leave = pd.Series(retire, index=cad.index) + pd.Timedelta(days=1)
    left = cad["left_date"]
    new_left = left.where(left.notna() & (left <= leave) | leave.isna(), leave)
    cadres = cad.assign(left_date=new_left.astype(left.dtype))

    rt = roster.ratings
    annual = rt[rt["quarter"].isna()]
    ratings = rt
    if len(annual):
        last = annual.sort_values(["cadre_id", "year"], kind="stable").drop_duplicates(
            "cadre_id", keep="last"
        )
        years = np.arange(int(last["year"].min()) + 1, horizon + 1)
        if len(years):
            grid = last.merge(pd.DataFrame({"y": years}), how="cross")
            grid = grid[grid["y"] > grid["year"].astype("int64")]
            extra = grid.assign(year=grid["y"].astype(rt["year"].dtype)).drop(columns="y")
            ratings = pd.concat([rt, extra[rt.columns]], ignore_index=True)
            ratings["rating"] = ratings["rating"].astype(rt["rating"].dtype)
    tables = {**roster.tables, "cadres": cadres, "ratings": ratings}
    return attrs.evolve(roster, tables=tables)


def busy_until(roster: Roster, as_of: dt.date) -> pd.Series:
    """Per cadre, the latest award date after ``as_of`` of a degree or theory certificate:
    a long programme under way (the cadre is away until then)."""
    day = pd.Timestamp(as_of)
    parts = [
        t.loc[t["awarded_date"] > day, ["cadre_id", "awarded_date"]]
        for t in (roster.degrees, roster.theory)
    ]
    parts = [
        p.astype({"cadre_id": object, "awarded_date": "datetime64[us]"}) for p in parts if len(p)
    ]
    if not parts:
        return pd.Series(dtype="datetime64[us]")
    both = pd.concat(parts, ignore_index=True)
    return both.groupby("cadre_id")["awarded_date"].max().astype("datetime64[us]")


def current_fields(roster: Roster, as_of: dt.date) -> pd.Series:
    """The field of each cadre's highest degree held on ``as_of`` (of those with a field).

    Levels rank as in :mod:`cadre_core.features._levels`: a level of unknown rank never hides
    a known one (it sorts below every known level)."""
    day = pd.Timestamp(as_of)
    d = roster.degrees
    d = d[d["awarded_date"].isna() | (d["awarded_date"] <= day)]
    rank = d["level"].astype(object).map(EducationLevel.ranks()).fillna(-1)
    d = d.assign(rank=rank)
    d = d[d["field"].notna()].sort_values(["cadre_id", "rank"], kind="stable")
    return d.drop_duplicates("cadre_id", keep="last").set_index("cadre_id")["field"].astype(object)


def position_fields(features: Features) -> pd.Series:
    """For each cadre in a position with accepted fields: the first field of the first
    (by code) such position the cadre does not fit yet (else of the first such position)."""
    a = features.assignments
    a = a[a["accepted_fields"].notna()].drop_duplicates(["cadre_id", "position_code"])
    if not len(a):
        return pd.Series(dtype=object)
    fit = _fit_frame(features).set_index(["cadre_id", "position_code"])["ok"]
    a = a.assign(ok=pd.MultiIndex.from_frame(a[["cadre_id", "position_code"]]).map(fit.to_dict()))
    a = a.sort_values(["cadre_id", "ok", "position_code"], kind="stable")
    first = a.drop_duplicates("cadre_id")
    field = first["accepted_fields"].astype(object).str.split(";").str[0].str.strip()
    return pd.Series(field.to_numpy(), index=first["cadre_id"].to_numpy(), dtype=object)


def grant_fields(programme: Programme, current: pd.Series, positional: pd.Series) -> pd.Series:
    """The field of the degree each cadre would receive from ``programme``."""
    if programme.kind != "degree":
        return pd.Series(dtype=object)
    return current if programme.field == "current" else positional


def what_if(
    raw: Features,
    programmes: Sequence[Programme],
    fields: Sequence[pd.Series],
) -> Features:
    """``raw`` (features before plugins) with every active cadre also holding the
    qualification of each programme (degree fields from ``fields``, aligned)."""
    c = raw.cadres.copy()
    degrees = raw.degrees
    trainings = raw.trainings
    for p, field in zip(programmes, fields, strict=True):
        if p.kind == "degree":
            rank = EducationLevel.ranks()[str(p.level)]
            f = field.reindex(c.index)
            has = f.notna().to_numpy()
            up = has & (c["education_rank"].to_numpy() < rank)
            c["education_rank"] = np.where(up, rank, c["education_rank"].to_numpy())
            c["education"] = c["education"].astype(object).where(~up, p.level)
            new = pd.DataFrame(
                {
                    "cadre_id": c.index[has],
                    "rank": np.full(int(has.sum()), rank, dtype="int64"),
                    "field_key": f[has].astype(str).str.casefold().to_numpy(),
                    "field_known": np.ones(int(has.sum()), dtype=bool),
                }
            )
            degrees = pd.concat([degrees, new], ignore_index=True)
        elif p.kind == "theory":
            rank = TheoryLevel.ranks()[str(p.level)]
            up = c["theory_rank"].to_numpy() < rank
            c["theory_rank"] = np.where(up, rank, c["theory_rank"].to_numpy())
            c["theory"] = c["theory"].astype(object).where(~up, p.level)
        else:
            for topic in p.topics:
                c[f"trained_{topic}"] = True
            new = pd.DataFrame(
                {
                    "cadre_id": np.repeat(c.index.to_numpy(), len(p.topics)),
                    "topic": np.tile(np.asarray(p.topics, dtype=object), len(c)),
                    "completed_date": pd.Timestamp(raw.as_of),
                }
            )
            trainings = pd.concat(
                [trainings, new.astype(trainings.dtypes.to_dict())], ignore_index=True
            )
    return attrs.evolve(raw, cadres=c, degrees=degrees, trainings=trainings)


def project(roster: Roster, *, as_of: dt.date | str, horizon: int) -> Roster:
    """The roster projected to 31/12 of ``horizon`` if nothing is done: statutory
    retirements, qualifications under way from their dates, latest ratings carried on."""
    return project_roster(roster, parse_day(as_of, what="as_of"), horizon)
