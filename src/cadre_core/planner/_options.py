"""The options: every (cadre, programme, intake) in the horizon, and why one may not be taken.

An option starts on the 1st of an intake month after the as-of day and ends on the last
day of the programme's last month, by 31/12 of the horizon year. Its ``why`` is empty when
the cadre may take it, else the first reason it may not, in this order: ``prereq`` (the
programme's education entry requirement, or a theory level the cadre neither holds nor
can reach through another programme of the catalogue), ``age`` (completed years at the
start above the programme's age limit), ``joins`` (starts before the cadre takes up a
post: a cadre joining later may start from then), ``retire`` (ends after the statutory
retirement, or on or after the day the cadre leaves), ``busy`` (starts while a programme
already under way has not ended).

A theory level the cadre lacks but another programme grants is a *requirement*
(:func:`requirements`): the option stays open and the model takes it only after one of
those programmes has ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.planner._catalogue import Programme
from cadre_core.planner._projection import busy_until, retirement_of
from cadre_core.planner._targets import Communes
from cadre_core.roster._roster import Roster
from cadre_core.vocab._enums import EducationLevel, TheoryLevel


def month_end(start: pd.Series, months: pd.Series) -> pd.Series:
    """Last day of the ``months``-th month from ``start`` (the 1st of a month).

    >>> month_end(pd.Series(pd.to_datetime(["2027-09-01"])), pd.Series([24])).dt.date.tolist()
    [datetime.date(2029, 8, 31)]
    """
    idx = start.dt.year * 12 + start.dt.month - 1 + months
    first = pd.to_datetime(pd.DataFrame({"year": idx // 12, "month": idx % 12 + 1, "day": 1}))
    return (first - pd.Timedelta(days=1)).astype("datetime64[us]")


def intakes(progs: Iterable[Programme], day: dt.date, horizon: int) -> pd.DataFrame:
    """Every intake of every programme that starts after ``day`` and ends by 31/12 of
    ``horizon``: programme, year, month, months, cost, long, start, end."""
    years = range(day.year, horizon + 1)
    grid = pd.DataFrame(
        [(p.code, y, m, p.months, p.cost, p.long) for p in progs for y in years for m in p.intakes],
        columns=["programme", "year", "month", "months", "cost", "long"],
    )
    grid["start"] = pd.to_datetime(
        pd.DataFrame({"year": grid["year"], "month": grid["month"], "day": 1})
    ).astype("datetime64[us]")
    grid["end"] = month_end(grid["start"], grid["months"])
    return grid[
        (grid["start"] > pd.Timestamp(day)) & (grid["end"] <= pd.Timestamp(horizon, 12, 31))
    ]


def people(
    roster: Roster,
    frames: Iterable[Features],
    day: dt.date,
    communes: Communes,
    succession: Iterable[str] | None,
) -> pd.DataFrame:
    """The cadres active on ``day`` or on a later day of ``frames`` (feature frames of
    the as-of day and of the deadlines; the first frame a cadre is active in gives the
    values): id, commune, birth, education and theory ranks, the day the cadre takes up
    a post when after ``day`` (``joins``), retirement, leaving day, end of a programme
    under way (``busy``), and whether they are in the succession plan (``succession``,
    or a ``succession`` table of the roster)."""
    parts = [
        pd.DataFrame(
            {
                "cadre_id": f.cadres.index.astype(str),
                "commune": communes.of_rows(f.cadres).to_numpy(),
                "birth": f.cadres["birth_date"].to_numpy(),
                "edu": f.cadres["education_rank"].to_numpy(),
                "theory": f.cadres["theory_rank"].to_numpy(),
                "left": f.cadres["left_date"].astype("datetime64[us]").to_numpy(),
            }
        )
        for f in frames
    ]
    out = pd.concat(parts, ignore_index=True).drop_duplicates("cadre_id").reset_index(drop=True)
    out = out.astype({"cadre_id": object, "edu": "float64", "theory": "float64"})
    asg = roster.assignments
    first = (
        asg.astype({"cadre_id": object})
        .groupby("cadre_id")["start_date"]
        .min()
        .astype("datetime64[us]")
    )
    joins = out["cadre_id"].map(first).astype("datetime64[us]")
    out["joins"] = joins.where(joins > pd.Timestamp(day))
    retire = retirement_of(roster)
    out["retire"] = out["cadre_id"].map(retire).astype("datetime64[us]")
    under_way = busy_until(roster, day)
    out["busy"] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[us]")
    if len(under_way):
        out["busy"] = out["cadre_id"].map(under_way).astype("datetime64[us]")
    succ = set(succession or ())
    table = roster.tables.get("succession")
    if table is not None and "cadre_id" in table:
        succ |= set(table["cadre_id"].dropna().astype(str))
    out["succession"] = out["cadre_id"].isin(succ)
    return out


def _theory_needs(progs: tuple[Programme, ...]) -> pd.DataFrame:
    """Per programme with ``min_theory``: its required rank and the theory programmes of
    the catalogue that grant that rank (below the programme's own level)."""
    ranks = TheoryLevel.ranks()
    rows: list[tuple[str, int, str | None]] = []
    for p in progs:
        if p.min_theory is None:
            continue
        need = ranks[p.min_theory]
        own = ranks.get(str(p.level), 99) if p.kind == "theory" else 99
        for q in progs:
            if q.kind == "theory" and q.min_theory is None and need <= ranks[str(q.level)] < own:
                rows.append((p.code, need, q.code))
        if not any(r[0] == p.code for r in rows):
            rows.append((p.code, need, None))
    return pd.DataFrame(rows, columns=["programme", "min_theory", "by"])


def requirements(persons: pd.DataFrame, progs: Iterable[Programme]) -> pd.DataFrame:
    """(cadre_id, programme, by): the cadre lacks the theory level the programme needs,
    and ``by`` (a theory programme of the catalogue) grants it: an option of the
    programme may be taken only after one of ``by`` has ended."""
    needs = _theory_needs(tuple(progs)).dropna(subset=["by"])
    m = persons[["cadre_id", "theory"]].merge(needs, how="cross")
    m = m[m["theory"] < m["min_theory"]]
    return m[["cadre_id", "programme", "by"]].astype(object).reset_index(drop=True)


def options(
    persons: pd.DataFrame, progs: Iterable[Programme], day: dt.date, horizon: int
) -> pd.DataFrame:
    """Every person crossed with every intake, with ``why`` it may not be taken ("" = it may)."""
    progs = tuple(progs)
    opts = persons.merge(intakes(progs, day, horizon), how="cross")
    ranks = EducationLevel.ranks()
    meta = pd.DataFrame(
        {
            "programme": [p.code for p in progs],
            "min_edu": [ranks.get(p.min_education or "", 0) for p in progs],
            "below_edu": [ranks.get(p.below_education or "", 99) for p in progs],
            "max_age": [p.max_age if p.max_age is not None else 999 for p in progs],
        }
    )
    opts = opts.merge(meta, on="programme")
    age = (
        opts["start"].dt.year
        - opts["birth"].dt.year
        - (
            (opts["start"].dt.month * 100 + opts["start"].dt.day)
            < (opts["birth"].dt.month * 100 + opts["birth"].dt.day)
        ).astype("int64")
    )
    opts["why"] = ""
    opts.loc[(opts["edu"] < opts["min_edu"]) | (opts["edu"] >= opts["below_edu"]), "why"] = "prereq"
    gates = _theory_needs(progs)
    unreachable = gates[gates["by"].isna()].set_index("programme")["min_theory"]
    floor = opts["programme"].map(unreachable.to_dict()).astype("float64").fillna(-1)
    lacks = opts["theory"] < floor
    opts.loc[(opts["why"] == "") & lacks, "why"] = "prereq"
    opts.loc[(opts["why"] == "") & (age > opts["max_age"]), "why"] = "age"
    opts.loc[(opts["why"] == "") & (opts["start"] < opts["joins"]), "why"] = "joins"
    off = opts["retire"].notna() & (opts["end"] > opts["retire"])
    off |= opts["left"].notna() & (opts["end"] >= opts["left"])
    opts.loc[(opts["why"] == "") & off, "why"] = "retire"
    busy = opts["busy"].notna() & (opts["start"] <= opts["busy"])
    opts.loc[(opts["why"] == "") & busy, "why"] = "busy"
    return opts


__all__ = ["intakes", "month_end", "options", "people", "requirements"]
