"""The posts of the people a list says have left (:mod:`cadre_core.roster._flat`).

A list is a snapshot of its staff on its day: a person whose left date ("Thời gian giảm",
"Ngày nghỉ hưu"; a staffing report's page of leavers,
:func:`~cadre_core.roster._flat_sheets.leaver_sheets`) is on or before that day holds
no post on it. Their rows still give the person (with the day they left) but no
assignment, and a post only they held is no post of the list (a post another person on
the list holds counts that one alone in its quota); each post set aside is said on its
row (:func:`posts_left`).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pandas as pd

from cadre_core.roster._normalize import normalise_date
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._reader import RawTable
from cadre_core.vocab._labels import fmt_date


def posts_left(raws: list[RawTable], day: dt.date) -> list[Problem]:
    """Set aside, in the raw tables ``raws`` of a list (replaced in place), the
    assignments of the people whose left date is on or before the list's ``day``, and
    the posts no one else holds (the others' quotas counting only those who stay); a
    warning on each row whose post is so set aside.

    >>> def raw(name, **cols):
    ...     return RawTable(name, pd.DataFrame(cols), pd.Series([3, 4]), "ds.xlsx")
    >>> raws = [raw("cadres", cadre_id=["DS0003", "DS0004"], left_date=[None, "01/06/2025"]),
    ...         raw("positions", position_code=["VT001", "VT002"], quota=[1, 1]),
    ...         raw("assignments", cadre_id=["DS0003", "DS0004"], position_code=["VT001", "VT002"])]
    >>> said = posts_left(raws, dt.date(2025, 12, 31))
    >>> raws[1].frame["position_code"].tolist(), raws[2].frame["cadre_id"].tolist()
    (['VT001'], ['DS0003'])
    >>> [(p.row, p.key, dict(p.args)["day"]) for p in said]
    [(4, 'left_post_not_held', '01/06/2025')]
    """
    at = {r.name: i for i, r in enumerate(raws)}
    if not {"cadres", "assignments"} <= at.keys():
        return []
    cadres, asg = raws[at["cadres"]], raws[at["assignments"]]
    if "left_date" not in cadres.frame or "cadre_id" not in asg.frame:
        return []
    left = normalise_date(cadres.frame["left_date"].astype(object), serials=cadres.serials)[0]
    left = pd.to_datetime(left, errors="coerce")
    gone = (left <= pd.Timestamp(day)).fillna(False).to_numpy(dtype=bool)
    if not gone.any():
        return []
    left_on = pd.Series(left[gone].to_numpy(), index=cadres.frame["cadre_id"][gone].to_numpy())
    left_on = left_on[~left_on.index.duplicated()]
    out = asg.frame["cadre_id"].isin(left_on.index).to_numpy(dtype=bool)
    if not out.any():
        return []
    codes = asg.frame["position_code"]
    said = [
        problem(asg.file, "cadres", int(row), "left_date", None, "left_post_not_held",
                severity="warning", day=fmt_date(left_on[who].date()))
        for row, who in zip(asg.rows[out], asg.frame["cadre_id"][out], strict=True)
    ]  # fmt: skip
    raws[at["assignments"]] = attrs.evolve(
        asg,
        frame=asg.frame[~out].reset_index(drop=True),
        rows=asg.rows[~out].reset_index(drop=True),
    )
    if "positions" in at:
        pos = raws[at["positions"]]
        code = pos.frame["position_code"]
        held_by_left = code.map(codes[out].value_counts()).fillna(0)
        stays = code.map(pd.Series(asg.rows[~out].to_numpy(), index=codes[~out].to_numpy())
                         .groupby(level=0).first())  # fmt: skip
        keep = ((held_by_left == 0) | stays.notna()).to_numpy(dtype=bool)
        frame = pos.frame.copy()
        if "quota" in frame:
            quota = pd.to_numeric(frame["quota"], errors="coerce")
            less = (quota - held_by_left).round().astype("Int64").astype(object)
            frame["quota"] = less.where(quota.notna(), frame["quota"])
        rows = pos.rows.where(stays.isna().to_numpy(), stays.to_numpy())
        raws[at["positions"]] = attrs.evolve(
            pos, frame=frame[keep].reset_index(drop=True), rows=rows[keep].reset_index(drop=True)
        )
    return said


__all__ = ["posts_left"]
