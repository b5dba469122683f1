"""National rules of section II.2 of the plan that are not percentages: findings.

Each rule is a function ``(features, params) -> list[Finding]``: it filters feature
frames with vectorised pandas and builds one :class:`Finding` per flagged subject. The
built-in plugin's ``cadre_findings`` hook calls :func:`national_findings`.

Optional roster tables (``succession``, ``scores``, ``discipline``) are read from
``features.tables`` when present; an absent or empty table yields no finding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from cadre_core._enums import LEADERSHIP_CATEGORIES, EducationLevel, TheoryLevel
from cadre_core._features import Features
from cadre_core._findings import Finding, Severity, SubjectKind
from cadre_core._retirement import LEGAL_SOURCE as RETIREMENT_SOURCE
from cadre_core._retirement import retirement_dates
from cadre_core._scores import ND335_BANDS, ND335_CAP, ND335_DISCIPLINE, aggregate_scores

# ----------------------------------------------------------------------------- sources
KL210 = (
    "Kết luận 210-KL/TW (12/11/2025); Chỉ thị 45-CT/TW: bố trí Bí thư cấp ủy, Chủ tịch "
    "UBND, Chủ nhiệm Ủy ban Kiểm tra không phải người địa phương"
)
STANDARDS = (
    "Kế hoạch thực hiện Nghị quyết 05-NQ/TU, mục II.1.2 (2): 100% cán bộ đáp ứng tiêu chuẩn "
    "sau khi bổ nhiệm; Quy định 365-QĐ/TW (30/08/2025); Nghị định 33/2023/NĐ-CP Điều 8(3)"
)
ROTATION = (
    "Luật Phòng, chống tham nhũng 2018 Điều 25 (định kỳ chuyển đổi vị trí công tác từ đủ "
    "02 năm đến 05 năm); Nghị định 59/2019/NĐ-CP (danh mục vị trí)"
)
QUOTA = (
    "Kế hoạch thực hiện Nghị quyết 05-NQ/TU, mục II.2 a): bố trí theo vị trí việc làm và "
    "biên chế được giao"
)
QD377 = "Quy định 377-QĐ/TW (08/10/2025) về quy hoạch cán bộ"
QD377_CAPS = (
    f"{QD377}: mỗi chức danh quy hoạch không quá 3 cán bộ, mỗi cán bộ không quá 3 chức danh"
)
QD377_TERM = f"{QD377}: cán bộ quy hoạch phải còn đủ tuổi công tác trọn một nhiệm kỳ"
QD377_MIX = (
    f"{QD377}: bảo đảm tỷ lệ cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số; "
    "Kế hoạch thực hiện Nghị quyết 05-NQ/TU, mục II.2 c)"
)

DEFAULT_BODIES: Mapping[str, str] = {
    "party_front": "Ban Xây dựng Đảng",
    "government": "Ủy ban nhân dân xã",
}
KEY_POST_BODY = "Ban Thường vụ Đảng ủy xã"

CATEGORY_VI: Mapping[str, str] = {
    "party_secretary": "Bí thư Đảng ủy",
    "committee_chair": "Chủ tịch UBND",
    "inspection_chair": "Chủ nhiệm Ủy ban Kiểm tra",
    "party_deputy_secretary": "Phó Bí thư Đảng ủy",
    "council_chair": "Chủ tịch HĐND",
    "council_vice_chair": "Phó Chủ tịch HĐND",
    "committee_vice_chair": "Phó Chủ tịch UBND",
    "front_chair": "Chủ tịch UBMTTQ",
    "department_head": "trưởng phòng, ban",
    "department_deputy": "phó trưởng phòng, ban",
}
LEVEL_VI: Mapping[str, str] = {
    "excellent": "hoàn thành xuất sắc nhiệm vụ",
    "good": "hoàn thành tốt nhiệm vụ",
    "complete": "hoàn thành nhiệm vụ",
    "incomplete": "không hoàn thành nhiệm vụ",
}


# ----------------------------------------------------------------------------- helpers
def _p(params: Mapping[str, Any], key: str, default: Any) -> Any:
    return params.get(key, default)


def _table(features: Features, name: str) -> pd.DataFrame | None:
    tables: Mapping[str, pd.DataFrame] = getattr(features, "tables", {}) or {}
    frame = tables.get(name)
    return frame if frame is not None and len(frame) else None


def _bodies() -> Mapping[str, str]:
    from cadre_core import _builtin

    return {**DEFAULT_BODIES, **_builtin.cadre_responsible_bodies()}


def _cadre_home(features: Features) -> pd.DataFrame:
    """Per active cadre: the agency and bloc of its first active position (by code)."""
    a = features.assignments.sort_values(["cadre_id", "position_code"], kind="stable")
    first = a.drop_duplicates("cadre_id").set_index("cadre_id")
    return pd.DataFrame(
        {
            "agency_code": first["agency_code"].astype(object),
            "bloc": first["bloc"].astype(object),
        }
    ).reindex(features.cadres.index)


def _body_of_bloc(bloc: pd.Series) -> pd.Series:
    bodies = _bodies()
    return bloc.astype(object).map(bodies).fillna(bodies.get("government", "")).astype(object)


def _build(
    frame: pd.DataFrame,
    *,
    rule: str,
    severity: Severity | pd.Series,
    kind: SubjectKind,
    subject: pd.Series,
    vi: pd.Series,
    en: pd.Series,
    source: str,
    body: str | pd.Series,
    commune: pd.Series,
) -> list[Finding]:
    """One finding per row of ``frame`` (a loop over flagged rows only)."""
    n = len(frame)
    if n == 0:
        return []
    sev = severity if isinstance(severity, pd.Series) else pd.Series([severity] * n)
    bod = body if isinstance(body, pd.Series) else pd.Series([body] * n)
    cols = zip(
        sev.astype(str).tolist(),
        subject.astype(str).tolist(),
        vi.astype(str).tolist(),
        en.astype(str).tolist(),
        bod.fillna("").astype(str).tolist(),
        commune.fillna("").astype(str).tolist(),
        strict=True,
    )
    return [
        Finding(rule, s, kind, subj, v, e, source, b, commune=c) for s, subj, v, e, b, c in cols
    ]


def _month(dates: pd.Series) -> pd.Series:
    out: pd.Series = dates.dt.strftime("%m/%Y").astype(object)
    return out


def _join(x: np.ndarray, y: np.ndarray) -> pd.Series:
    """Element-wise ``", "``-join of two text arrays, skipping blanks."""
    return pd.Series(
        [", ".join(p for p in pair if p) for pair in zip(x, y, strict=True)], dtype=object
    )


def full_years(start: pd.Series, day: dt.date) -> pd.Series:
    """Whole years from each date in ``start`` to ``day`` (vectorised; NaT gives -1)."""
    before = (start.dt.month > day.month) | (
        (start.dt.month == day.month) & (start.dt.day > day.day)
    )
    years = day.year - start.dt.year - before.astype("int64")
    out: pd.Series = years.fillna(-1).astype("int64")
    return out


def _categories(params: Mapping[str, Any], key: str, default: str) -> list[str]:
    raw = _p(params, key, default)
    items = raw.split(";") if isinstance(raw, str) else list(raw)
    return [str(x).strip() for x in items if str(x).strip()]


# ---------------------------------------------------------------------------- retirement
def deadlines(params: Mapping[str, Any]) -> dict[str, dt.date]:
    """Target id -> deadline, from the parameters whose key ends in ``.deadline``."""
    out = {}
    for key in params:
        if key.endswith(".deadline"):
            value = params[key]
            if isinstance(value, dt.date):
                out[key.removesuffix(".deadline")] = value
    return out


def safe_retirement_dates(birth: pd.Series, gender: pd.Series) -> pd.Series:
    """:func:`retirement_dates` restricted to rows with a birth date and a known gender
    (NaT elsewhere), aligned on ``birth``'s index."""
    g = gender.astype(object)
    known = birth.notna() & g.isin(["male", "female"])
    out = pd.Series(pd.NaT, index=birth.index, dtype="datetime64[us]")
    if known.any():
        dates = retirement_dates(birth[known], g[known])
        out[known] = dates.to_numpy(dtype="datetime64[us]")
    return out


def cadre_retirement(features: Features) -> pd.Series:
    """Statutory retirement date of each active cadre (the planner's function)."""
    c = features.cadres
    return safe_retirement_dates(c["birth_date"], c["gender"])


def retirement_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Active cadres past retirement, and cadres retiring before a target's deadline."""
    c = features.cadres
    if len(c) == 0:
        return []
    ret = cadre_retirement(features)
    day = pd.Timestamp(features.as_of)
    home = _cadre_home(features)
    out: list[Finding] = []

    past = ret.notna() & (ret < day)
    f = pd.DataFrame({"ret": ret[past]})
    out += (
        []
        if len(f) == 0
        else _build(
            f,
            rule="national.past_retirement_age",
            severity="warning",
            kind="cadre",
            subject=f.index.to_series(),
            vi="Đã đến tuổi nghỉ hưu từ tháng " + _month(f["ret"]) + " nhưng vẫn đang công tác",
            en="Reached retirement age in " + _month(f["ret"]) + " but is still in post",
            source=RETIREMENT_SOURCE,
            body=_body_of_bloc(home.loc[f.index, "bloc"]),
            commune=c.loc[f.index, "commune"],
        )
    )

    dl = deadlines(params)
    if not dl:
        return out
    latest = pd.Timestamp(max(dl.values()))
    soon = ret.notna() & (ret >= day) & (ret < latest)
    f = pd.DataFrame({"ret": ret[soon]})
    if len(f):
        ids = sorted(dl)
        when = np.array([pd.Timestamp(dl[i]) for i in ids], dtype="datetime64[us]")
        after = f["ret"].to_numpy(dtype="datetime64[us]")[:, None] < when[None, :]
        names = np.array(ids, dtype=object)
        lists = pd.Series([", ".join(names[row]) for row in after], index=f.index, dtype=object)
        out += _build(
            f,
            rule="national.retires_before_deadline",
            severity="warning",
            kind="cadre",
            subject=f.index.to_series(),
            vi="Đến tuổi nghỉ hưu tháng "
            + _month(f["ret"])
            + ", trước thời hạn của mục tiêu: "
            + lists,
            en="Reaches retirement age in "
            + _month(f["ret"])
            + ", before the deadline of targets: "
            + lists,
            source=RETIREMENT_SOURCE,
            body=_body_of_bloc(home.loc[f.index, "bloc"]),
            commune=c.loc[f.index, "commune"],
        )
    return out


# ---------------------------------------------------------------------------- key posts
def non_local_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Local people holding a post that must go to someone from outside (KL 210-KL/TW)."""
    cats = _categories(
        params,
        "national.non_local_categories",
        "party_secretary;committee_chair;inspection_chair",
    )
    a = features.assignments
    local = a["cadre_id"].map(features.cadres["is_local"]).fillna(False).astype(bool)
    f = a[a["category"].astype(object).isin(cats) & local].drop_duplicates(
        ["cadre_id", "position_code"]
    )
    f = f.sort_values(["cadre_id", "position_code"]).reset_index(drop=True)
    if len(f) == 0:
        return []
    title = (
        f["position_code"]
        .map(features.positions["title"].astype(object))
        .fillna(f["category"].astype(object).map(CATEGORY_VI))
    )
    return _build(
        f,
        rule="national.local_key_post",
        severity="warning",
        kind="cadre",
        subject=f["cadre_id"],
        vi="Là người địa phương nhưng giữ chức danh " + title + " (" + f["position_code"] + ")",
        en="Is a local person holding " + f["position_code"] + ", a post for a non-local cadre",
        source=KL210,
        body=str(_p(params, "national.key_post_body", KEY_POST_BODY)),
        commune=f["commune"].astype(object),
    )


# ---------------------------------------------------------------------------- standards
def _held_on(
    table: pd.DataFrame | None, pairs: pd.DataFrame, ranks: Mapping[str, int]
) -> pd.Series:
    """Highest rank held by each (cadre_id, start_date) pair on its start date."""
    if table is None:
        return pd.Series(0, index=pairs.index, dtype="int64")
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


def standards_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Leaders who were below their post's standard on the day of appointment.

    The standard is the position's ``min_education``/``min_theory`` or, when blank, the
    ``default_standards`` parameter of its category (if a plugin declares it). Severity is
    ``error`` when the gap remains on the as-of day, ``info`` when it has since closed.
    """
    a = features.assignments
    lead = a[a["category"].astype(object).isin(sorted(LEADERSHIP_CATEGORIES))]
    lead = lead.drop_duplicates(["cadre_id", "position_code"]).reset_index(drop=True)
    if len(lead) == 0:
        return []
    defaults: Mapping[str, tuple[str | None, str | None]] = _p(params, "default_standards", {})
    cat = lead["category"].astype(object)
    ed_need = (
        lead["min_education"].astype(object).fillna(cat.map({k: v[0] for k, v in defaults.items()}))
    )
    th_need = (
        lead["min_theory"].astype(object).fillna(cat.map({k: v[1] for k, v in defaults.items()}))
    )
    ed_rank = ed_need.map(EducationLevel.ranks()).fillna(0).astype("int64")
    th_rank = th_need.map(TheoryLevel.ranks()).fillna(0).astype("int64")
    ed_then = _held_on(_table(features, "degrees"), lead, EducationLevel.ranks())
    th_then = _held_on(_table(features, "theory"), lead, TheoryLevel.ranks())
    ed_gap = ed_then < ed_rank
    th_gap = th_then < th_rank
    bad = ed_gap | th_gap
    if not bad.any():
        return []
    c = features.cadres
    ed_now = lead["cadre_id"].map(c["education_rank"]).fillna(0)
    th_now = lead["cadre_id"].map(c["theory_rank"]).fillna(0)
    still = (ed_gap & (ed_now < ed_rank)) | (th_gap & (th_now < th_rank))
    f = lead[bad].assign(
        ed_gap=ed_gap[bad],
        th_gap=th_gap[bad],
        ed_need=ed_need[bad],
        th_need=th_need[bad],
        still=still[bad],
    )
    f = f.sort_values(["cadre_id", "position_code"]).reset_index(drop=True)
    ed_vi = np.where(f["ed_gap"], "trình độ chuyên môn dưới " + f["ed_need"].astype(str), "")
    th_vi = np.where(f["th_gap"], "LLCT dưới " + f["th_need"].astype(str), "")
    ed_en = np.where(f["ed_gap"], "education below " + f["ed_need"].astype(str), "")
    th_en = np.where(f["th_gap"], "political theory below " + f["th_need"].astype(str), "")
    state_vi = pd.Series(np.where(f["still"], "; đến nay vẫn chưa đạt", "; nay đã đạt"))
    state_en = pd.Series(np.where(f["still"], "; still below", "; met since"))
    start = f["start_date"].dt.strftime("%d/%m/%Y").astype(object)
    return _build(
        f,
        rule="national.below_standard_on_appointment",
        severity=pd.Series(np.where(f["still"], "error", "info")),
        kind="cadre",
        subject=f["cadre_id"],
        vi="Bổ nhiệm vào "
        + f["position_code"]
        + " ngày "
        + start
        + " khi chưa đạt tiêu chuẩn ("
        + _join(ed_vi, th_vi)
        + ")"
        + state_vi,
        en="Appointed to "
        + f["position_code"]
        + " on "
        + start
        + " below the post's standard ("
        + _join(ed_en, th_en)
        + ")"
        + state_en,
        source=STANDARDS,
        body=_body_of_bloc(f["bloc"]),
        commune=f["commune"].astype(object),
    )


# ----------------------------------------------------------------------------- rotation
def rotation_years(params: Mapping[str, Any]) -> int:
    """The rotation period in force (``national.rotation_years``, 2 to 5 years)."""
    years = int(_p(params, "national.rotation_years", 5))
    if not 2 <= years <= 5:
        raise ValueError(
            f"national.rotation_years must be from 2 to 5 (Anti-Corruption Law 2018 Art. 25), "
            f"not {years}"
        )
    return years


def rotation_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Cadres in a sensitive position for the full rotation period or longer."""
    years = rotation_years(params)
    a = features.assignments
    s = a[a["sensitive"].fillna(False).astype(bool)].drop_duplicates(["cadre_id", "position_code"])
    f = s[full_years(s["start_date"], features.as_of) >= years].sort_values(
        ["cadre_id", "position_code"]
    )
    f = f.reset_index(drop=True)
    if len(f) == 0:
        return []
    start = f["start_date"].dt.strftime("%d/%m/%Y").astype(object)
    return _build(
        f,
        rule="national.rotation_overdue",
        severity="warning",
        kind="cadre",
        subject=f["cadre_id"],
        vi="Giữ vị trí nhạy cảm "
        + f["position_code"]
        + " từ "
        + start
        + f", đã đủ {years} năm: phải chuyển đổi vị trí công tác",
        en="In sensitive post "
        + f["position_code"]
        + " since "
        + start
        + f", {years} years or more: due for rotation",
        source=ROTATION,
        body=_body_of_bloc(f["bloc"]),
        commune=f["commune"].astype(object),
    )


# -------------------------------------------------------------------------------- quota
def quota_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Positions with fewer holders than their quota (vacancy) or more (surplus)."""
    p = features.positions.sort_index()
    p = p.assign(
        quota=p["quota"].fillna(1).astype("int64"), holders=p["holders"].astype("int64")
    ).reset_index()
    out: list[Finding] = []
    for rule, mask, sev, vi, en in (
        ("national.vacancy", p["holders"] < p["quota"], "warning", "Thiếu", "short of"),
        ("national.surplus", p["holders"] > p["quota"], "info", "Thừa", "over"),
    ):
        f = p[mask].reset_index(drop=True)
        h = f["holders"].astype(str)
        q = f["quota"].astype(str)
        diff = (f["holders"] - f["quota"]).abs().astype(str)
        out += _build(
            f,
            rule=rule,
            severity=sev,  # type: ignore[arg-type]
            kind="position",
            subject=f["position_code"],
            vi=vi + " " + diff + " người so với biên chế (có " + h + "/" + q + ")",
            en=diff + " " + en + " the quota (" + h + " held, quota " + q + ")",
            source=QUOTA,
            body=_body_of_bloc(f["bloc"]),
            commune=f["commune"].astype(object),
        )
    return out


# --------------------------------------------------------------------------- succession
def _term_years(term: pd.Series) -> pd.DataFrame:
    parts = term.astype(str).str.extract(r"(\d{4})\D+(\d{4})")
    return pd.DataFrame(
        {
            "term_start": pd.to_numeric(parts[0], errors="coerce"),
            "term_end": pd.to_numeric(parts[1], errors="coerce"),
        },
        index=term.index,
    )


def succession_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Succession pools (QĐ 377-QĐ/TW): caps, full-term age and the pool's mix.

    Only pools of terms not yet ended (end year >= the as-of year) and candidates on the
    roster are considered.
    """
    s = _table(features, "succession")
    if s is None:
        return []
    s = s.dropna(subset=["cadre_id", "position_code", "term"]).drop_duplicates(
        ["cadre_id", "position_code", "term"]
    )
    s = pd.concat([s.reset_index(drop=True), _term_years(s["term"]).reset_index(drop=True)], axis=1)
    s = s[s["term_end"].notna() & (s["term_end"] >= features.as_of.year)]
    cadres = features.tables.get("cadres") if hasattr(features, "tables") else None
    people = (cadres if cadres is not None else features.cadres.reset_index()).set_index("cadre_id")
    s = s[s["cadre_id"].isin(people.index)].reset_index(drop=True)
    if len(s) == 0:
        return []
    pos = features.positions
    s["commune"] = (
        s["position_code"].map(pos["commune"].astype(object)).fillna(features.roster_name)
    )
    body = _bodies()["party_front"]
    out: list[Finding] = []

    max_cand = int(_p(params, "national.succession.max_candidates", 3))
    per_title = s.groupby(["position_code", "term"], sort=True).agg(
        n=("cadre_id", "nunique"), commune=("commune", "first")
    )
    f = per_title[per_title["n"] > max_cand].reset_index()
    out += _build(
        f,
        rule="national.succession_too_many_candidates",
        severity="error",
        kind="position",
        subject=f["position_code"],
        vi="Quy hoạch "
        + f["n"].astype(str)
        + f" người (tối đa {max_cand}) cho nhiệm kỳ "
        + f["term"].astype(str),
        en=f["n"].astype(str)
        + f" candidates (at most {max_cand}) planned for term "
        + f["term"].astype(str),
        source=QD377_CAPS,
        body=body,
        commune=f["commune"],
    )

    max_titles = int(_p(params, "national.succession.max_titles", 3))
    per_cadre = s.groupby(["cadre_id", "term"], sort=True).agg(
        n=("position_code", "nunique"), commune=("commune", "first")
    )
    f = per_cadre[per_cadre["n"] > max_titles].reset_index()
    out += _build(
        f,
        rule="national.succession_too_many_titles",
        severity="error",
        kind="cadre",
        subject=f["cadre_id"],
        vi="Được quy hoạch "
        + f["n"].astype(str)
        + f" chức danh (tối đa {max_titles}) nhiệm kỳ "
        + f["term"].astype(str),
        en="Planned for "
        + f["n"].astype(str)
        + f" titles (at most {max_titles}) in term "
        + f["term"].astype(str),
        source=QD377_CAPS,
        body=body,
        commune=f["commune"],
    )

    # retiring before serving a full term from the term's start
    months = int(_p(params, "national.succession.full_term_months", 60))
    ppl = people.loc[s["cadre_id"]]
    ret = safe_retirement_dates(
        ppl["birth_date"].reset_index(drop=True), ppl["gender"].reset_index(drop=True)
    )
    # retirement (a month end) before the first day of month ``months`` after January of
    # the term's first year, compared as month indices
    ret_month = ret.dt.year * 12 + ret.dt.month - 1
    need_month = s["term_start"].astype("int64") * 12 + months
    short = ret.notna() & (ret_month < need_month).fillna(False).astype(bool)
    f = s[short].assign(ret=ret[short]).drop_duplicates(["cadre_id", "term"]).reset_index(drop=True)
    out += (
        []
        if len(f) == 0
        else _build(
            f,
            rule="national.succession_retires_in_term",
            severity="warning",
            kind="cadre",
            subject=f["cadre_id"],
            vi="Quy hoạch nhiệm kỳ "
            + f["term"].astype(str)
            + " nhưng đến tuổi nghỉ hưu tháng "
            + _month(f["ret"])
            + f", không đủ {months} tháng công tác",
            en="Planned for term "
            + f["term"].astype(str)
            + " but reaches retirement age in "
            + _month(f["ret"])
            + f", short of {months} months in post",
            source=QD377_TERM + "; " + RETIREMENT_SOURCE,
            body=body,
            commune=f["commune"],
        )
    )

    # the pool's mix: young, female, ethnic minority
    young_age = int(_p(params, "national.succession.young_age", 35))
    birth = ppl["birth_date"].reset_index(drop=True)
    young = full_years(birth, features.as_of) < young_age
    mix = pd.DataFrame(
        {
            "commune": s["commune"],
            "term": s["term"],
            "cadre_id": s["cadre_id"],
            "young": young.to_numpy(),
            "female": (ppl["gender"].astype(object) == "female").to_numpy(),
            "minority": (
                ppl["ethnicity"].notna() & (ppl["ethnicity"].astype(object) != "Kinh")
            ).to_numpy(),
        }
    ).drop_duplicates(["commune", "term", "cadre_id"])
    pools = mix.groupby(["commune", "term"], sort=True).agg(
        n=("cadre_id", "size"),
        young=("young", "sum"),
        female=("female", "sum"),
        minority=("minority", "sum"),
    )
    labels = {
        "young": (f"cán bộ trẻ (dưới {young_age} tuổi)", f"young (under {young_age})"),
        "female": ("cán bộ nữ", "female"),
        "minority": ("cán bộ người dân tộc thiểu số", "ethnic-minority"),
    }
    for group, (vi, en) in labels.items():
        ratio = Fraction(_p(params, f"national.succession.min_{group}", Fraction(0)))
        k = pools[group].to_numpy(dtype="int64")
        n = pools["n"].to_numpy(dtype="int64")
        low = (k == 0) | (k * ratio.denominator < ratio.numerator * n)
        f = pools[low].reset_index()
        out += _build(
            f,
            rule=f"national.succession_pool_{group}",
            severity="info",
            kind="commune",
            subject=f["commune"],
            vi="Nguồn quy hoạch nhiệm kỳ "
            + f["term"].astype(str)
            + " có "
            + f[group].astype(str)
            + "/"
            + f["n"].astype(str)
            + " "
            + vi
            + (f" (cần ít nhất {ratio})" if ratio else ""),
            en="Succession pool for term "
            + f["term"].astype(str)
            + " has "
            + f[group].astype(str)
            + "/"
            + f["n"].astype(str)
            + " "
            + en
            + " candidates"
            + (f" (needs at least {ratio})" if ratio else ""),
            source=QD377_MIX,
            body=body,
            commune=f["commune"],
        )
    return out


# ------------------------------------------------------------------------------ ratings
Aggregator = Callable[[pd.DataFrame, pd.DataFrame, Mapping[str, Any]], pd.DataFrame]


def annual_levels(
    features: Features, params: Mapping[str, Any], aggregate: Aggregator = aggregate_scores
) -> pd.DataFrame | None:
    """Annual levels from the ``scores`` and ``discipline`` tables.

    A host that implements the ``cadre_rating_aggregation`` hook may put its result in
    ``features.tables["annual_scores"]``; it is used as is. Otherwise ``aggregate``
    (Decree 335's default) runs.
    """
    ready = _table(features, "annual_scores")
    if ready is not None:
        return ready
    scores = _table(features, "scores")
    discipline = _table(features, "discipline")
    if scores is None and discipline is None:
        return None
    empty_s = pd.DataFrame(
        {
            "cadre_id": pd.Series(dtype=object),
            "year": pd.Series(dtype="Int64"),
            "quarter": pd.Series(dtype="Int64"),
            "score": pd.Series(dtype="Int64"),
        }
    )
    empty_d = pd.DataFrame(
        {
            "cadre_id": pd.Series(dtype=object),
            "date": pd.Series(dtype="datetime64[us]"),
            "level": pd.Series(dtype=object),
        }
    )
    return aggregate(
        scores if scores is not None else empty_s,
        discipline if discipline is not None else empty_d,
        params,
    )


def _annual_ratings(features: Features) -> pd.DataFrame | None:
    r = _table(features, "ratings")
    if r is None:
        return None
    annual = r[r["quarter"].isna()].drop_duplicates(["cadre_id", "year"], keep="last")
    return pd.DataFrame(
        {
            "cadre_id": annual["cadre_id"].astype(object),
            "year": annual["year"].astype("int64"),
            "rating": annual["rating"].astype(object),
        }
    ).reset_index(drop=True)


def rating_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Annual ratings contradicting the scores, and agencies over the 20% excellent cap."""
    from cadre_core._scores import excellent_cap_check

    first = int(_p(params, "nd335.first_year", 2026))
    last = features.rating_year
    c = features.cadres
    home = _cadre_home(features)
    out: list[Finding] = []
    recorded = _annual_ratings(features)
    if recorded is not None:
        recorded = recorded[
            (recorded["year"] >= first)
            & (recorded["year"] <= last)
            & recorded["cadre_id"].isin(c.index)
        ]
    levels = annual_levels(features, params)
    if levels is not None and recorded is not None:
        lv = levels[["cadre_id", "year", "level", "score", "disciplined"]].assign(
            cadre_id=levels["cadre_id"].astype(object), year=levels["year"].astype("int64")
        )
        m = recorded.merge(lv, on=["cadre_id", "year"], how="inner")
        m = m[m["level"].notna() & (m["rating"] != m["level"])]
        m = m.sort_values(["cadre_id", "year"]).reset_index(drop=True)
        for disciplined, source in ((False, ND335_BANDS), (True, ND335_DISCIPLINE)):
            g = m[m["disciplined"] == disciplined].reset_index(drop=True)
            if len(g) == 0:
                continue
            level_vi = g["level"].map(LEVEL_VI)
            if disciplined:
                why_vi = "bị kỷ luật trong năm nên phải là " + level_vi
                why_en = "disciplined in that year, so must be " + g["level"].astype(str)
            else:
                why_vi = (
                    "điểm bình quân " + g["score"].map("{:g}".format) + " tương ứng " + level_vi
                )
                why_en = "mean score " + g["score"].map("{:g}".format) + " gives " + g["level"]
            out += _build(
                g,
                rule="national.rating_contradicts_scores",
                severity="error" if disciplined else "warning",
                kind="cadre",
                subject=g["cadre_id"],
                vi="Xếp loại năm "
                + g["year"].astype(str)
                + " là "
                + g["rating"].map(LEVEL_VI)
                + " nhưng "
                + why_vi,
                en="The " + g["year"].astype(str) + " rating is " + g["rating"] + " but " + why_en,
                source=source,
                body=_body_of_bloc(home.loc[g["cadre_id"], "bloc"].reset_index(drop=True)),
                commune=c.loc[g["cadre_id"], "commune"].reset_index(drop=True),
            )

    if recorded is not None and len(recorded):
        cap = Fraction(_p(params, "nd335.excellent_cap", Fraction(1, 5)))
        scope = str(_p(params, "nd335.cap_scope", "agency"))
        if scope not in ("agency", "commune"):
            raise ValueError(f"nd335.cap_scope must be agency or commune, not {scope!r}")
        group = home["agency_code"] if scope == "agency" else c["commune"].astype(object)
        counts = excellent_cap_check(recorded, group, cap)
        f = counts[counts["over"]].reset_index(drop=True)
        if scope == "agency":
            ag = features.agencies
            commune = f["group"].map(ag["commune"].astype(object)) if "commune" in ag else None
            bloc = f["group"].map(ag["bloc"].astype(object))
        else:
            commune, bloc = f["group"], pd.Series(["government"] * len(f), dtype=object)
        out += _build(
            f,
            rule="national.excellent_over_cap",
            severity="error",
            kind="agency" if scope == "agency" else "commune",
            subject=f["group"],
            vi="Năm "
            + f["year"].astype(str)
            + ": "
            + f["excellent"].astype(str)
            + " người hoàn thành xuất sắc, vượt mức "
            + f["allowed"].astype(str)
            + f" ({cap} của "
            + f["good"].astype(str)
            + " người hoàn thành tốt)",
            en=f["year"].astype(str)
            + ": "
            + f["excellent"].astype(str)
            + " rated excellent, above the cap of "
            + f["allowed"].astype(str)
            + f" ({cap} of "
            + f["good"].astype(str)
            + " rated good)",
            source=ND335_CAP,
            body=_body_of_bloc(bloc),
            commune=commune if commune is not None else pd.Series([""] * len(f)),
        )
    return out


# ---------------------------------------------------------------------------------- all
RULES: Sequence[Callable[[Features, Mapping[str, Any]], list[Finding]]] = (
    retirement_findings,
    non_local_findings,
    standards_findings,
    rotation_findings,
    quota_findings,
    succession_findings,
    rating_findings,
)


def national_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Every national rule's findings for the as-of day."""
    out: list[Finding] = []
    for rule in RULES:
        out.extend(rule(features, params))
    return out


__all__ = [
    "KEY_POST_BODY",
    "RULES",
    "annual_levels",
    "cadre_retirement",
    "deadlines",
    "national_findings",
    "non_local_findings",
    "quota_findings",
    "rating_findings",
    "retirement_findings",
    "rotation_findings",
    "rotation_years",
    "safe_retirement_dates",
    "standards_findings",
    "succession_findings",
]
