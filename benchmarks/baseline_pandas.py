"""Baseline 2: a minimal hand-written pandas implementation of the 18 targets.

What a pandas-fluent developer writes for one resolution, with the default parameters
hard-coded: one boolean column per population and criterion over the active cadres,
per-commune counts by a single ``groupby``, exact required counts with integer
arithmetic. It returns the same tidy frame as ``baseline_loop.evaluate_loop``. It
builds no result objects and no failing lists: it is the practical lower bound.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
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
    RULES,
    STANDING,
    THEORY,
    TOPICS_2B,
    TOPICS_3,
    VICE,
    rating_year,
)


def _top_rank(table: pd.DataFrame, day: pd.Timestamp, ranks: Mapping[str, int]) -> pd.Series:
    held = table[table["awarded_date"].isna() | (table["awarded_date"] <= day)]
    rank = held["level"].astype(object).map(ranks)
    return rank.groupby(held["cadre_id"]).max()


def evaluate_pandas(tables: Mapping[str, pd.DataFrame], as_of: dt.date) -> pd.DataFrame:
    """Evaluate the 18 targets per commune from canonical frames (``roster.tables``)."""
    day = pd.Timestamp(as_of)
    cad = tables["cadres"].set_index("cadre_id")
    ag = tables["agencies"].set_index("agency_code")
    pos = tables["positions"].set_index("position_code")
    pos = pos.join(ag["commune"], on="agency_code")

    asg = tables["assignments"]
    left = asg["cadre_id"].map(cad["left_date"])
    on = (
        (asg["start_date"] <= day)
        & (asg["end_date"].isna() | (asg["end_date"] >= day))
        & (left.isna() | (left > day))
    )
    act = asg.loc[on, ["cadre_id", "position_code"]].drop_duplicates()
    act = act.join(
        pos[["category", "agency_code", "commune", "min_education", "min_theory"]],
        on="position_code",
    )
    act["accepted_fields"] = act["position_code"].map(pos["accepted_fields"])
    act["category"] = act["category"].astype(object)
    ids = pd.Index(np.sort(act["cadre_id"].unique()))
    c = pd.DataFrame(index=ids)
    c["commune"] = (
        act.sort_values("position_code")
        .drop_duplicates("cadre_id")
        .set_index("cadre_id")["commune"]
    )
    hold = pd.crosstab(act["cadre_id"], act["category"]).reindex(ids, fill_value=0) > 0

    def holds(cats: frozenset[str]) -> pd.Series:
        cols = [x for x in cats if x in hold.columns]
        return hold[cols].any(axis=1) if cols else pd.Series(False, index=ids)

    edu = _top_rank(tables["degrees"], day, EDU).reindex(ids).fillna(0)
    th = _top_rank(tables["theory"], day, THEORY).reindex(ids).fillna(0)

    tr = tables["trainings"]
    tr = tr[(tr["completed_date"] >= pd.Timestamp(PLAN_START)) & (tr["completed_date"] <= day)]
    topics = tr["topics"].str.get_dummies(sep=";").groupby(tr["cadre_id"]).max() > 0
    topics = topics.reindex(ids, fill_value=False)

    def trained(wanted: tuple[str, ...]) -> pd.Series:
        if not all(t in topics.columns for t in wanted):
            return pd.Series(False, index=ids)
        return topics[list(wanted)].all(axis=1)

    rt = tables["ratings"]
    annual = rt[(rt["year"] == rating_year(as_of)) & rt["quarter"].isna()]
    annual = annual.drop_duplicates("cadre_id", keep="last").set_index("cadre_id")
    rating = annual["rating"].astype(object).map(RATING).reindex(ids)
    rated = rating.notna()

    # 1b: every held position with accepted fields has a fitting degree held on D
    fa = act[act["accepted_fields"].notna()].copy()
    fa["need"] = fa["min_education"].astype(object).map(EDU).fillna(0)
    fa["key"] = fa["accepted_fields"].str.casefold().str.split(";")
    fa = fa.explode("key")
    fa["key"] = fa["key"].str.strip()
    dg = tables["degrees"]
    dg = dg[dg["awarded_date"].isna() | (dg["awarded_date"] <= day)]
    dg = pd.DataFrame(
        {
            "cadre_id": dg["cadre_id"],
            "key": dg["field"].str.casefold(),
            "rank": dg["level"].astype(object).map(EDU),
        }
    )
    m = fa.merge(dg, on=["cadre_id", "key"], how="left")
    m["ok"] = m["rank"].fillna(-1) >= m["need"]
    fit = m.groupby(["cadre_id", "position_code"])["ok"].any().groupby(level=0).all()

    # 2d: every leadership post held meets its standard (blank = the category default)
    ld = act[act["category"].isin(list(LEADERSHIP))]
    ed_need = (
        ld["min_education"]
        .astype(object)
        .fillna(ld["category"].map({k: v[0] for k, v in DEFAULT_STANDARD.items()}))
    )
    th_need = (
        ld["min_theory"]
        .astype(object)
        .fillna(ld["category"].map({k: v[1] for k, v in DEFAULT_STANDARD.items()}))
    )
    ok = (ld["cadre_id"].map(edu) >= ed_need.map(EDU)) & (
        ld["cadre_id"].map(th) >= th_need.map(THEORY)
    )
    standards = ok.groupby(ld["cadre_id"]).all()

    leader = holds(LEADERSHIP)
    standing = holds(STANDING)
    dept = holds(DEPT)
    prof = hold.get("professional", pd.Series(False, index=ids)) & ~holds(
        frozenset(hold.columns) - {"professional"}
    )
    female = cad["gender"].reindex(ids).astype(object).eq("female")
    minority = cad["ethnicity"].reindex(ids).astype(object).fillna("Kinh").ne("Kinh")
    all_ = pd.Series(True, index=ids)
    cadre_targets = {
        "nq05.1b": (ids.isin(fa["cadre_id"]), fit.reindex(ids, fill_value=False)),
        "nq05.2a": (all_, trained(("job_position",))),
        "nq05.2b": (all_, trained(TOPICS_2B)),
        "nq05.2c": (all_, trained(("two_tier_government",))),
        "nq05.2d": (leader, standards.reindex(ids, fill_value=True)),
        "nq05.3": (all_, trained(TOPICS_3)),
        "nq05.4a": (rated, rating >= RATING["complete"]),
        "nq05.4b": (rated, rating >= RATING["good"]),
        "nq05.5a": (standing, edu >= EDU["thac_si"]),
        "nq05.5b": (holds(VICE), th >= THEORY["cao_cap"]),
        "nq05.5c": (standing, female),
        "nq05.5d": (standing, minority),
        "nq05.6a": (dept, edu >= EDU["thac_si"]),
        "nq05.6b": (dept, th >= THEORY["cao_cap"]),
        "nq05.7a": (prof, edu >= EDU["dai_hoc"]),
        "nq05.7b": (prof, th >= THEORY["trung_cap"]),
    }
    frame = pd.DataFrame({"commune": c["commune"]})
    for tid, (pop, sat) in cadre_targets.items():
        pop = pd.Series(np.asarray(pop, dtype=bool), index=ids)
        frame[f"{tid}|n"] = pop
        frame[f"{tid}|s"] = pop & np.asarray(sat.fillna(False), dtype=bool)
    per_cadre = frame.groupby("commune").sum()

    # 1a: positions with quota > 0 filled by distinct active holders
    holders = act.groupby("position_code").size().reindex(pos.index, fill_value=0)
    pf = pd.DataFrame(
        {
            "commune": pos["commune"],
            "nq05.1a|n": pos["quota"] > 0,
            "nq05.1a|s": (pos["quota"] > 0) & (holders >= pos["quota"]),
        }
    )
    per_pos = pf.groupby("commune").sum()

    # 8: agencies with active cadres hold ceil(per_cadre * n) + per_agency of each item
    staff = act.drop_duplicates(["agency_code", "cadre_id"]).groupby("agency_code").size()
    staff = staff.reindex(ag.index, fill_value=0)
    eq = tables["equipment"].groupby(["agency_code", "item"], observed=True)["quantity"].sum()
    have = eq.unstack(fill_value=0).reindex(ag.index, fill_value=0)
    equipped = pd.Series(True, index=ag.index)
    for item, (per_head, per_agency) in EQUIPMENT_NORM.items():
        got = have[item] if item in have.columns else pd.Series(0, index=ag.index)
        equipped &= got >= -((-staff * per_head) // 1) + per_agency
    af = pd.DataFrame(
        {"commune": ag["commune"], "nq05.8|n": staff > 0, "nq05.8|s": (staff > 0) & equipped}
    )
    per_ag = af.groupby("commune").sum()

    wide = pd.concat([per_cadre, per_pos, per_ag], axis=1).fillna(0).astype("int64")
    wide.columns = pd.MultiIndex.from_tuples([tuple(x.split("|")) for x in wide.columns])
    long = wide.stack(level=0, future_stack=True)
    long.index.names = ["commune", "id"]
    long = long.reset_index()
    long = long.rename(columns={"n": "population", "s": "satisfied"})
    long = long.set_index(["commune", "id"]).reindex(
        pd.MultiIndex.from_product([sorted(wide.index), IDS], names=["commune", "id"]),
        fill_value=0,
    )
    long = long.reset_index()
    n = long["population"].to_numpy()
    req = np.empty(len(long), dtype=np.int64)
    for tid, (op, p) in RULES.items():  # one vectorised step per target
        sel = (long["id"] == tid).to_numpy()
        if op == "all":
            req[sel] = n[sel]
        elif op == "any":
            req[sel] = 1
        elif op == ">=":
            req[sel] = -((-n[sel] * p.numerator) // p.denominator)
        else:
            req[sel] = (n[sel] * p.numerator) // p.denominator + 1
    long["required"] = req
    long["status"] = np.where(
        n == 0,
        "not_applicable",
        np.where(long["satisfied"].to_numpy() >= req, "met", "not_met"),
    )
    return long[["commune", "id", "population", "satisfied", "required", "status"]]
