"""Who a plan names: each line's cadre by name, post and agency; each need's members by name.

A plan is signed by a person and carried out by others: every line says whom it sends (the
cadre's full name, the titles of the posts the cadre holds on the plan's day and their
agencies), and a need that lists members lists their names too. A cadre whose first
assignment starts after the plan's day (someone joining) is named by that future post.
Everything is looked up once, by id, over the roster's tables (never per line).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs
import pandas as pd

from cadre_core.planner._result import Plan
from cadre_core.roster._roster import Roster


def _joined(values: pd.Series, by: pd.Series) -> pd.Series:
    """The distinct non-blank ``values`` of each ``by`` joined with ``"; "`` (in order)."""
    frame = pd.DataFrame({"by": by.to_numpy(), "v": values.astype(object).to_numpy()})
    frame = frame[frame["v"].notna() & (frame["v"].astype(str).str.strip() != "")]
    frame = frame.drop_duplicates()
    return frame.groupby("by", sort=False)["v"].agg(lambda s: "; ".join(map(str, s)))


def people(roster: Roster, ids: Iterable[str], day: dt.date) -> pd.DataFrame:
    """``name``, ``post`` and ``agency`` of each cadre of ``ids`` (index: the id).

    The posts are those the cadre holds on ``day``, by position code; a cadre who holds
    none then but has an assignment starting later is given the first of those (by start,
    then code). A cadre the roster does not know gets blanks.
    """
    wanted = pd.Index(pd.unique(pd.Series(list(ids), dtype=object).astype(str)), dtype=object)
    out = pd.DataFrame({"name": "", "post": "", "agency": ""}, index=wanted, dtype=object)
    if not len(wanted):
        return out
    cad = roster.cadres
    names = pd.Series(
        cad["full_name"].astype(object).to_numpy(), index=cad["cadre_id"].astype(str).to_numpy()
    )
    names = names[~names.index.duplicated()]
    out["name"] = names.reindex(wanted).fillna("").astype(object).to_numpy()

    asg = roster.assignments
    asg = asg[asg["cadre_id"].astype(str).isin(wanted)]
    stamp = pd.Timestamp(day)
    start = pd.to_datetime(asg["start_date"])
    end = pd.to_datetime(asg["end_date"])
    now = (start <= stamp) & (end.isna() | (end >= stamp))
    later = start > stamp
    frame = pd.DataFrame(
        {
            "cadre_id": asg["cadre_id"].astype(str).to_numpy(),
            "position_code": asg["position_code"].astype(str).to_numpy(),
            "start": start.to_numpy(),
            "now": now.to_numpy(),
            "later": later.to_numpy(),
        }
    )
    held = frame[frame["now"]]
    future = frame[frame["later"] & ~frame["cadre_id"].isin(held["cadre_id"])]
    first = future.sort_values(["cadre_id", "start", "position_code"]).drop_duplicates("cadre_id")
    posts = pd.concat([held, first]).sort_values(["cadre_id", "position_code"], kind="stable")
    if not len(posts):
        return out

    pos = roster.positions
    codes = pos["position_code"].astype(str).to_numpy()
    titles = pd.Series(pos["title"].astype(object).to_numpy(), index=codes)
    agency_of = pd.Series(pos["agency_code"].astype(object).to_numpy(), index=codes)
    titles = titles[~titles.index.duplicated()]
    agency_of = agency_of[~agency_of.index.duplicated()]
    ag = roster.agencies
    agency_names = pd.Series(
        ag["name"].astype(object).to_numpy() if "name" in ag else ag["agency_code"].to_numpy(),
        index=ag["agency_code"].astype(str).to_numpy(),
        dtype=object,
    )
    agency_names = agency_names[~agency_names.index.duplicated()]
    agency_code = posts["position_code"].map(agency_of).astype(object)
    agency = agency_code.map(agency_names).astype(object)
    agency = agency.where(agency.notna(), agency_code)
    title = posts["position_code"].map(titles).astype(object)
    title = title.where(title.notna(), posts["position_code"])
    out["post"] = _joined(title, posts["cadre_id"]).reindex(wanted).fillna("").to_numpy()
    out["agency"] = _joined(agency, posts["cadre_id"]).reindex(wanted).fillna("").to_numpy()
    return out


def member_names(roster: Roster, unit: str, members: Iterable[str]) -> pd.Series:
    """The name of each member of ``unit`` (index: the member's id): a cadre's full name,
    a position's title, an agency's name; blank when the roster does not know it."""
    table, key, col = {
        "cadres": ("cadres", "cadre_id", "full_name"),
        "positions": ("positions", "position_code", "title"),
        "agencies": ("agencies", "agency_code", "name"),
    }.get(unit, ("", "", ""))
    wanted = pd.Index(pd.unique(pd.Series(list(members), dtype=object).astype(str)), dtype=object)
    frame = roster.tables.get(table) if table else None
    if frame is None or col not in frame or key not in frame:
        return pd.Series("", index=wanted, dtype=object)
    names = pd.Series(frame[col].astype(object).to_numpy(), index=frame[key].astype(str).to_numpy())
    names = names[~names.index.duplicated()]
    return names.reindex(wanted).fillna("").astype(object)


def with_people(plan: Plan, roster: Roster, units: Mapping[str, str]) -> Plan:
    """``plan`` with every line's name, post and agency (on the plan's day) and every
    need's member names; ``units`` gives each target's unit (cadres, positions, agencies)."""
    who = people(roster, (x.cadre_id for x in plan.lines), plan.as_of)
    name, post, agency = (who[c].to_dict() for c in ("name", "post", "agency"))
    lines = tuple(
        attrs.evolve(x, name=name[x.cadre_id], post=post[x.cadre_id], agency=agency[x.cadre_id])
        for x in plan.lines
    )
    by_unit: dict[str, list[str]] = {}
    for n in plan.needs:
        by_unit.setdefault(units.get(n.target_id, "cadres"), []).extend(n.members)
    known = {u: member_names(roster, u, ids).to_dict() for u, ids in by_unit.items()}
    needs = tuple(
        attrs.evolve(
            n,
            member_names=tuple(
                known[units.get(n.target_id, "cadres")].get(m, "") for m in n.members
            ),
        )
        for n in plan.needs
    )
    return attrs.evolve(plan, lines=lines, needs=needs)


__all__ = ["member_names", "people", "with_people"]
