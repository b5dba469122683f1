"""What training cannot do for a target, and why: the :class:`Need` lines of a plan.

A target still not met at its deadline with the plan becomes a need: ``recruit`` (posts
to fill, or cadres to recruit when training falls short), ``appoint`` (every member is a
leader: appoint or transfer someone who qualifies), ``purchase`` (an agency target) or
``infeasible`` (the rule cannot be met with so few members, or no training helps). For
cadres, each failing member who was not trained gets the nearest miss of the ways that
would have helped (:data:`REASONS`, in the order of :data:`REASON_ORDER`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.planner._problem import Covers
from cadre_core.planner._result import Need, NeedKind, TargetProjection
from cadre_core.planner._targets import TargetAtDeadline
from cadre_core.plugins._guard import explanations
from cadre_core.targets._target import Target, Text

REASONS: dict[str, Text] = {
    "none": Text(
        "không chương trình nào trong danh mục đáp ứng được", "no programme in the catalogue helps"
    ),
    "prereq": Text("chưa đủ điều kiện đầu vào", "does not meet the entry requirement"),
    "age": Text("quá tuổi cử đi đào tạo", "over the age limit for sponsored study"),
    "retire": Text("nghỉ hưu trước khi học xong", "retires before finishing"),
    "busy": Text("đang học một chương trình dài hạn khác", "already in a long programme"),
    "late": Text("không thể học xong trước thời hạn", "cannot finish before the deadline"),
    "limits": Text(
        "vướng giới hạn tỷ lệ vắng mặt của cơ quan, một chương trình dài hạn một lúc, "
        "ngân sách hoặc chỉ tiêu năm",
        "held back by the agency's away share, one long programme at a time, the budget "
        "or the yearly seats",
    ),
}
REASON_ORDER = ["none", "prereq", "age", "retire", "busy", "late", "limits"]


def reasons(demand: Covers, opts: pd.DataFrame, covered: np.ndarray) -> pd.DataFrame:
    """Why each uncovered (key, cadre) was not trained: its nearest miss (the furthest
    along :data:`REASON_ORDER` of the ways that would have helped); ``opts`` are every
    option with its ``why``, ``covered`` the solution's covered covers."""
    covers, singles, pairs = demand.covers, demand.singles, demand.pairs
    open_ = covers[~covered] if len(covers) else covers
    progs = pd.concat(
        [
            singles[["cover", "programme"]],
            pairs[["cover", "p1"]].rename(columns={"p1": "programme"}),
            pairs[["cover", "p2"]].rename(columns={"p2": "programme"}),
        ]
    )
    m = open_.merge(progs, on="cover").merge(
        opts[["cadre_id", "programme", "end", "why"]], on=["cadre_id", "programme"], how="left"
    )
    why = pd.Series("limits", index=m.index, dtype=object)
    why[m["end"] > m["deadline"]] = "late"
    has = m["why"].notna() & (m["why"] != "")
    why[has] = m.loc[has, "why"]
    why[m["end"].isna()] = "late"
    m = m.assign(stage=why.map({w: i for i, w in enumerate(REASON_ORDER)}))
    best = m.groupby(["key", "cadre_id"])["stage"].max()
    return best.map(dict(enumerate(REASON_ORDER))).rename("reason").reset_index()


def need(
    t: Target,
    proj: TargetProjection,
    ev: TargetAtDeadline,
    feats: Features,
    misses: pd.DataFrame,
    keys: list[tuple[str, str]],
    plugin: str = "?",
) -> Need:
    """The need of target ``t`` (of ``plugin``) not met in ``proj.commune`` with the plan:
    ``ev`` is the target on ``feats`` (the roster with the plan, at the deadline),
    ``misses`` the :func:`reasons` and ``keys`` the problem's (target id, commune) keys."""
    count = (
        proj.required - proj.satisfied_after
        if proj.required <= proj.population
        else (proj.population - proj.satisfied_after)
    )
    failing = ev.frame_index[(ev.pop & ~ev.sat & (ev.key == proj.commune)).to_numpy()]
    ids = tuple(sorted(failing.astype(str)))
    head_vi = (
        f"{t.id} ({t.title.vi}): dự kiến đến {proj.deadline:%d/%m/%Y} đạt {proj.satisfied_after}"
        f"/{proj.required} yêu cầu, thiếu {count}"
    )
    head_en = (
        f"{t.id} ({t.title.en}): by {proj.deadline:%d/%m/%Y} {proj.satisfied_after} of "
        f"{proj.required} required, {count} short"
    )
    req_vi, req_en = t.requirement.vi or t.title.vi, t.requirement.en or t.title.en
    pop_vi, pop_en = t.population_text.vi, t.population_text.en
    if proj.required > proj.population:
        return Need(
            t.id,
            proj.commune,
            "infeasible",
            count,
            f"{head_vi}. Quy tắc không thể đạt với {proj.population} thành viên (cần "
            f"{proj.required}).",
            f"{head_en}. The rule cannot be met by {proj.population} members (needs "
            f"{proj.required}).",
            ids,
        )
    detail = ""
    if t.explain is not None and len(failing):
        expl, expl_en = (
            explanations(plugin, t, feats, failing, lang).reindex(failing).astype(object)
            for lang in ("vi", "en")
        )
        expl, expl_en = expl.fillna(""), expl_en.fillna("")
        detail = "; ".join(f"{i}: {e}" for i, e in zip(failing.astype(str), expl, strict=True))
        detail_en = "; ".join(
            f"{i}: {e}" for i, e in zip(failing.astype(str), expl_en, strict=True)
        )
    else:
        detail_en = ""
    if t.unit == "positions":
        return Need(
            t.id,
            proj.commune,
            "recruit",
            count,
            f"{head_vi}. Đào tạo không giải quyết được; cần tuyển dụng, bố trí thêm người cho "
            f"{count} vị trí: {detail}.",
            f"{head_en}. Training cannot fill posts; recruit or assign staff for {count} "
            f"position(s): {detail_en}.",
            ids,
        )
    if t.unit == "agencies":
        return Need(
            t.id,
            proj.commune,
            "purchase",
            count,
            f"{head_vi}. Đào tạo không giải quyết được; cần đầu tư, mua sắm cho {count} cơ "
            f"quan: {detail}.",
            f"{head_en}. Not a training matter; purchase for {count} agency(ies): {detail_en}.",
            ids,
        )
    mine = {i for i, (tid, c) in enumerate(keys) if tid == t.id and c == proj.commune}
    why = misses[misses["key"].isin(mine)]["reason"].value_counts()
    untrained = len(failing) - int(why.sum())
    parts_vi, parts_en = [], []
    if untrained > 0 and not proj.trainable:
        parts_vi.append(f"{untrained} người: {REASONS['none'].vi}")
        parts_en.append(f"{untrained}: {REASONS['none'].en}")
    for w in REASON_ORDER:
        if w in why.index:
            parts_vi.append(f"{int(why[w])} người: {REASONS[w].vi}")
            parts_en.append(f"{int(why[w])}: {REASONS[w].en}")
    cause_vi = "; ".join(parts_vi) or REASONS["none"].vi
    cause_en = "; ".join(parts_en) or REASONS["none"].en
    leaders = "is_leader" in feats.cadres and bool(
        feats.cadres["is_leader"]
        .reindex(ev.frame_index[(ev.pop & (ev.key == proj.commune)).to_numpy()])
        .all()
    )
    if leaders:
        kind: NeedKind = "appoint"
        act_vi = f"bổ nhiệm, điều động hoặc kiện toàn {count} người {req_vi} vào {pop_vi}"
        act_en = f"appoint or transfer {count} person(s) who meet '{req_en}' into the {pop_en}"
    elif proj.trainable:
        kind = "recruit"
        act_vi = f"tuyển dụng hoặc bố trí {count} người {req_vi} ({pop_vi})"
        act_en = f"recruit or assign {count} person(s) who meet '{req_en}' ({pop_en})"
    else:
        kind = "infeasible"
        act_vi = (
            f"giải pháp ngoài đào tạo (đánh giá, bố trí lại, tuyển dụng) cho {count} người "
            f"trong {pop_vi} chưa đạt: {req_vi}"
        )
        act_en = (
            f"measures other than training (appraisal, reassignment, recruitment) for {count} "
            f"of the {pop_en} not meeting '{req_en}'"
        )
    return Need(
        t.id,
        proj.commune,
        kind,
        count,
        f"{head_vi}. Đào tạo không đủ: {cause_vi}. Cần {act_vi}.",
        f"{head_en}. Training falls short: {cause_en}. Needed: {act_en}.",
        ids,
    )


__all__ = ["REASONS", "REASON_ORDER", "need", "reasons"]
