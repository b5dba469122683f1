"""National rules of section II.2 of the plan that are not percentages: findings.

Each rule is a function ``(features, params) -> list[Finding]``: it filters feature
frames with vectorised pandas and builds one :class:`Finding` per flagged subject. The
built-in plugin's ``cadre_findings`` hook calls :func:`national_findings`.

At national scale (millions of rows) the rules join on integer row codes rather than on
id strings, write each distinct message once, and share work (each cadre's home
position, its row on the roll) during one :func:`national_findings` call; the findings
are the same as those of the direct pandas formulation
(``tests/test_national_findings_perf_equiv.py``).

Optional roster tables (``succession``, ``scores``, ``discipline``) are read from
``features.tables`` when present; an absent or empty table yields no finding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from fractions import Fraction
from functools import partial
from itertools import repeat
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.findings._finding import Finding, Severity, SubjectKind
from cadre_core.vocab._enums import LEADERSHIP_CATEGORIES, EducationLevel, TheoryLevel
from cadre_core.vocab._retirement import _SCHEDULE, retirement_dates
from cadre_core.vocab._retirement import LEGAL_SOURCE as RETIREMENT_SOURCE
from cadre_core.vocab._scores import ND335_BANDS, ND335_CAP, ND335_DISCIPLINE, aggregate_scores

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
_T = TypeVar("_T")

# Work shared by the rules during one :func:`national_findings` call (e.g. each cadre's
# home position), keyed by name; ``None`` outside such a call, where each rule computes
# what it needs itself.
_SHARED: ContextVar[dict[str, Any] | None] = ContextVar("national_findings_shared", default=None)


def _shared(features: Features, key: str, make: Callable[[], _T]) -> _T:
    """``make()``, computed once per :func:`national_findings` call on ``features``."""
    store = _SHARED.get()
    if store is None or store.get("features") is not features:
        return make()
    if key not in store:
        store[key] = make()
    value: _T = store[key]
    return value


def _p(params: Mapping[str, Any], key: str, default: Any) -> Any:
    return params.get(key, default)


def _table(features: Features, name: str) -> pd.DataFrame | None:
    tables: Mapping[str, pd.DataFrame] = getattr(features, "tables", {}) or {}
    frame = tables.get(name)
    return frame if frame is not None and len(frame) else None


def _bodies() -> Mapping[str, str]:
    from cadre_core.plugins import builtin as _builtin

    return {**DEFAULT_BODIES, **_builtin.cadre_responsible_bodies()}


def _per_value(values: pd.Series, func: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``func(values)`` for an element-wise ``func``, computed once per distinct value
    (missing values included) and aligned on ``values``' index."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    done = func(pd.Series(uniques)).to_numpy()
    return pd.Series(done[codes], index=values.index, dtype=done.dtype)


def _per_row(frame: pd.DataFrame, func: Callable[[pd.DataFrame], pd.DataFrame]) -> pd.DataFrame:
    """``func(frame)`` for a row-wise ``func``, computed once per distinct row of
    ``frame`` (columns of few distinct values) and aligned on ``frame``'s index."""
    key = np.zeros(len(frame), dtype=np.int64)
    size = 1
    for col in frame.columns:
        codes, uniques = pd.factorize(frame[col], use_na_sentinel=False)
        width = max(len(uniques), 1)
        if size * width > 2**40:  # keep the combined key small
            key, _ = pd.factorize(key)
            size = int(key.max()) + 1
        key, size = key * width + codes, size * width
    # number the distinct rows in order of first appearance; pick each one's first row
    codes, _ = pd.factorize(key)
    seen = np.maximum.accumulate(codes)
    first = np.flatnonzero(np.concatenate([[True], codes[1:] > seen[:-1]])[: len(codes)])
    done = func(frame.iloc[first].reset_index(drop=True))
    for col in done.columns:  # texts as Python objects: cheap to spread and to list
        if isinstance(done[col].dtype, pd.StringDtype):
            done[col] = done[col].astype(object)
    out = done.iloc[codes]
    out.index = frame.index
    return out


def _at(values: pd.Series, rows: np.ndarray) -> pd.Series:
    """``values`` at positions ``rows``, missing where a row is -1 (what ``Series.map``
    gives for unmatched keys)."""
    return pd.Series(rows).map(values.reset_index(drop=True))


def _texts(values: pd.Series | pd.Index) -> pd.Series | None:
    """``values`` as an Arrow-backed text Series when they are all text (or missing)."""
    s = values if isinstance(values, pd.Series) else pd.Series(values, copy=False)
    if s.dtype == object and pd.api.types.infer_dtype(s, skipna=False) != "string":
        return None
    if s.dtype != object and not isinstance(s.dtype, pd.StringDtype):
        return None
    try:
        return s.astype("str").reset_index(drop=True)
    except (ValueError, TypeError):  # e.g. text that is not valid Unicode
        return None


def _locate(features: Features, parts: Sequence[pd.Series]) -> list[np.ndarray]:
    """``features.cadres.index.get_indexer(part)`` for each part (cadre ids).

    Parts held as Arrow text are hashed together in Arrow with the cadre ids (converted
    once per :func:`national_findings` call); Python-object parts use the index's own
    (cached) hash table.
    """
    keys = features.cadres.index
    out: list[np.ndarray | None] = [None] * len(parts)
    arrow = [i for i, part in enumerate(parts) if isinstance(part.dtype, pd.StringDtype)]
    known = _shared(features, "cadre_ids", lambda: _texts(keys)) if arrow else None
    texts = [_texts(parts[i]) for i in arrow]
    if known is not None and all(t is not None for t in texts):
        codes, _ = pd.factorize(pd.concat([known, *texts], ignore_index=True))
        n = len(keys)
        if np.array_equal(codes[:n], np.arange(n)):  # else ids not unique: pandas decides
            ends = np.cumsum([len(parts[i]) for i in arrow])
            for i, rows in zip(arrow, np.split(codes[n:].astype(np.int64), ends[:-1]), strict=True):
                rows[rows >= n] = -1  # first seen after the cadres: not a cadre
                out[i] = rows
    return [
        keys.get_indexer(pd.Index(part)) if rows is None else rows
        for part, rows in zip(parts, out, strict=True)
    ]


def _cadre_rows(features: Features) -> np.ndarray:
    """The row of ``features.cadres`` of each assignment's cadre (-1 when absent)."""
    return _shared(
        features, "cadre_rows", lambda: _locate(features, [features.assignments["cadre_id"]])[0]
    )


def _home_rows(features: Features) -> np.ndarray:
    """Per active cadre: the assignment row of its first active position by code (the
    first such row on ties), -1 when it has none.

    Only cadres with several assignments need sorting; the others' home is their one row.
    """

    def make() -> np.ndarray:
        crow = _cadre_rows(features)
        n = len(features.cadres)
        home = np.full(n, -1, dtype=np.int64)
        ok = np.flatnonzero(crow >= 0)
        count = np.bincount(crow[ok], minlength=n)[crow[ok]]
        single = ok[count == 1]
        home[crow[single]] = single
        multi = ok[count > 1]
        if len(multi):
            sub = features.assignments[["cadre_id", "position_code"]].iloc[multi].assign(_row=multi)
            sub = sub.sort_values(["cadre_id", "position_code"], kind="stable")
            first = sub.drop_duplicates("cadre_id")["_row"].to_numpy()
            home[crow[first]] = first
        return home

    return _shared(features, "home_rows", make)


def _cadre_home(features: Features) -> pd.DataFrame:
    """Per active cadre: the agency and bloc of its first active position (by code)."""

    def make() -> pd.DataFrame:
        a = features.assignments
        rows = _home_rows(features)
        home = pd.DataFrame(
            {
                "agency_code": _at(a["agency_code"], rows).astype(object),
                "bloc": _at(a["bloc"], rows).astype(object),
            }
        )
        home.index = features.cadres.index
        return home

    return _shared(features, "cadre_home", make)


def _body_of_bloc(bloc: pd.Series) -> pd.Series:
    bodies = _bodies()

    def body(values: pd.Series) -> pd.Series:
        out: pd.Series = (
            values.astype(object).map(bodies).fillna(bodies.get("government", "")).astype(object)
        )
        return out

    return _per_value(bloc, body)


def _text(values: pd.Series) -> list[Any]:
    """``values.astype(str).tolist()``, without the round trip when all values are str."""
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=False) == "string":
        return values.tolist()
    return values.astype(str).tolist()


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
    """One finding per row of ``frame``: the texts are prepared column by column, then
    the objects are made in one pass over the prepared lists."""
    n = len(frame)
    if n == 0:
        return []
    sev = _text(severity) if isinstance(severity, pd.Series) else [str(severity)] * n
    bod = _text(body.fillna("")) if isinstance(body, pd.Series) else [_blank(body)] * n
    cols = (sev, _text(subject), _text(vi), _text(en), bod, _text(commune.fillna("")))
    if len({len(col) for col in cols}) != 1:
        raise ValueError(f"finding columns of different lengths for {rule}")
    return list(
        map(Finding, repeat(rule), cols[0], repeat(kind), *cols[1:4], repeat(source), *cols[4:])
    )


def _blank(value: str) -> str:
    return "" if pd.isna(value) else str(value)


def _dates_text(dates: pd.Series, fmt: str) -> pd.Series:
    """``dates.dt.strftime(fmt)`` as objects, formatting each distinct date once."""

    def text(values: pd.Series) -> pd.Series:
        out: pd.Series = values.dt.strftime(fmt).astype(object)
        return out

    return _per_value(dates, text)


def _month(dates: pd.Series) -> pd.Series:
    return _dates_text(dates, "%m/%Y")


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


def _retiring_before(features: Features, day: pd.Timestamp) -> tuple[np.ndarray, pd.Series]:
    """The rows of ``features.cadres`` of the cadres who may retire before ``day`` (those
    reaching the youngest statutory age by then) and their retirement dates (as
    :func:`cadre_retirement` gives them)."""
    c = features.cadres
    birth = c["birth_date"]
    youngest = min(base for base, *_ in _SCHEDULE.values())  # months
    # retirement falls in the month the age is reached, so born in a later month is later
    last_month = day.to_datetime64().astype("datetime64[M]") - np.timedelta64(youngest, "M")
    old = birth.to_numpy(dtype="datetime64[M]") <= last_month
    rows = np.flatnonzero(old)

    def dates(d: pd.DataFrame) -> pd.DataFrame:
        return safe_retirement_dates(d["birth"], d["gender"]).to_frame("ret")

    people = pd.DataFrame(
        {
            "birth": birth.iloc[rows].reset_index(drop=True),
            "gender": c["gender"].iloc[rows].reset_index(drop=True),
        }
    )
    ret = _per_row(people, dates)["ret"]
    ret.index = c.index[rows]
    return rows, ret


def retirement_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Active cadres past retirement, and cadres retiring before a target's deadline."""
    c = features.cadres
    if len(c) == 0:
        return []
    day = pd.Timestamp(features.as_of)
    dl = deadlines(params)
    latest = pd.Timestamp(max(dl.values())) if dl else day
    row, ret = _retiring_before(features, max(day, latest))
    home = _home_rows(features)
    bloc = features.assignments["bloc"]
    out: list[Finding] = []

    def past_texts(d: pd.DataFrame) -> pd.DataFrame:
        month = _month(d["ret"])
        return pd.DataFrame(
            {
                "vi": "Đã đến tuổi nghỉ hưu từ tháng " + month + " nhưng vẫn đang công tác",
                "en": "Reached retirement age in " + month + " but is still in post",
            }
        )

    past = (ret.notna() & (ret < day)).to_numpy()
    f = pd.DataFrame({"ret": ret[past]})
    if len(f):
        texts = _per_row(f, past_texts)
        out += _build(
            f,
            rule="national.past_retirement_age",
            severity="warning",
            kind="cadre",
            subject=f.index.to_series(),
            vi=texts["vi"],
            en=texts["en"],
            source=RETIREMENT_SOURCE,
            body=_body_of_bloc(_at(bloc, home[row[past]])),
            commune=c["commune"].iloc[row[past]],
        )

    if not dl:
        return out
    soon = (ret.notna() & (ret >= day) & (ret < latest)).to_numpy()
    f = pd.DataFrame({"ret": ret[soon]})
    if len(f):
        ids = sorted(dl)
        when = np.array([pd.Timestamp(dl[i]) for i in ids], dtype="datetime64[us]")
        names = np.array(ids, dtype=object)

        def soon_texts(d: pd.DataFrame) -> pd.DataFrame:
            after = d["ret"].to_numpy(dtype="datetime64[us]")[:, None] < when[None, :]
            lists = pd.Series([", ".join(names[hit]) for hit in after], dtype=object)
            month = _month(d["ret"])
            return pd.DataFrame(
                {
                    "vi": "Đến tuổi nghỉ hưu tháng "
                    + month
                    + ", trước thời hạn của mục tiêu: "
                    + lists,
                    "en": "Reaches retirement age in "
                    + month
                    + ", before the deadline of targets: "
                    + lists,
                }
            )

        texts = _per_row(f, soon_texts)
        out += _build(
            f,
            rule="national.retires_before_deadline",
            severity="warning",
            kind="cadre",
            subject=f.index.to_series(),
            vi=texts["vi"],
            en=texts["en"],
            source=RETIREMENT_SOURCE,
            body=_body_of_bloc(_at(bloc, home[row[soon]])),
            commune=c["commune"].iloc[row[soon]],
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
    key = np.flatnonzero(a["category"].isin(cats).to_numpy())
    local = _at(features.cadres["is_local"], _cadre_rows(features)[key])
    key = key[local.fillna(False).astype(bool).to_numpy()]
    f = a.iloc[key].drop_duplicates(["cadre_id", "position_code"])
    f = f.sort_values(["cadre_id", "position_code"]).reset_index(drop=True)
    if len(f) == 0:
        return []
    pos = features.positions
    title = (
        _at(pos["title"], pos.index.get_indexer(pd.Index(f["position_code"])))
        .astype(object)
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
    table: pd.DataFrame | None,
    pairs: pd.DataFrame,
    ranks: Mapping[str, int],
    join: tuple[np.ndarray, np.ndarray] | None = None,
) -> pd.Series:
    """Highest rank held by each (cadre_id, start_date) pair on its start date.

    The table's rows are joined to the pairs on integer codes of the cadre ids: ``join``
    may give them (the pairs' codes, the table's codes; -1 for none), else they are the
    positions among the pairs' distinct cadre ids.
    """
    if table is None:
        return pd.Series(0, index=pairs.index, dtype="int64")
    if join is None:
        codes, uniques = pd.factorize(pairs["cadre_id"])
        tcode = pd.Index(uniques).get_indexer(table["cadre_id"])
    else:
        codes, tcode = join
    n = len(pairs)
    # the table's rows of the pairs' cadres, grouped by cadre code
    wanted = np.zeros(max(codes.max(initial=-1), tcode.max(initial=-1)) + 2, dtype=bool)
    # (the last slot answers code -1)
    wanted[codes[codes >= 0]] = True
    trows = np.flatnonzero(wanted[tcode])
    trows = trows[np.argsort(tcode[trows], kind="stable")]
    tsorted = tcode[trows]
    lo = np.searchsorted(tsorted, codes, "left")
    count = np.searchsorted(tsorted, codes, "right") - lo
    best = np.zeros(n, dtype=np.int64)
    total = int(count.sum())
    if total == 0:
        return pd.Series(best, index=pairs.index, name="rank")
    # one line per (pair, table row) of the same cadre, the pairs' lines contiguous
    pair = np.repeat(np.arange(n), count)
    begin = np.cumsum(count) - count
    rows = trows[np.arange(total) - np.repeat(begin - lo, count)]

    def rank_of(level: pd.Series) -> pd.Series:
        out: pd.Series = level.astype(object).map(ranks).fillna(0).astype("int64")
        return out

    rank = _per_value(table["level"].iloc[rows], rank_of).to_numpy()
    awarded = table["awarded_date"].iloc[rows].reset_index(drop=True)
    start = pairs["start_date"].iloc[pair].reset_index(drop=True)
    held = (awarded.isna() | (awarded <= start)).to_numpy()
    value = np.where(held, rank, 0)
    has = count > 0
    best[has] = np.maximum.reduceat(value, begin[has])
    return pd.Series(best, index=pairs.index, name="rank")


def _join(x: np.ndarray, y: np.ndarray) -> pd.Series:
    """Element-wise ``", "``-join of two text arrays, skipping blanks."""
    return pd.Series(
        [", ".join(p for p in pair if p) for pair in zip(x, y, strict=True)], dtype=object
    )


def _leaders(features: Features) -> tuple[pd.DataFrame, np.ndarray]:
    """Leadership assignments, one per (cadre_id, position_code) (the first), and the row
    of ``features.cadres`` of each one's cadre (-1 when absent)."""
    a = features.assignments
    crow = _cadre_rows(features)
    rows = np.flatnonzero(a["category"].isin(sorted(LEADERSHIP_CATEGORIES)).to_numpy())
    # a duplicate pair needs a cadre with several assignments (or one not on the roll)
    count = np.bincount(crow[crow >= 0], minlength=len(features.cadres) + 1)
    several = (crow < 0) | (count[crow] > 1)
    maybe = rows[several[rows]]
    dup = np.zeros(len(a), dtype=bool)
    dup[maybe[a.iloc[maybe].duplicated(["cadre_id", "position_code"]).to_numpy()]] = True
    rows = rows[~dup[rows]]
    used = ["cadre_id", "position_code", "start_date", "category", "min_education"]
    used += ["min_theory", "bloc", "commune"]
    return a[[c for c in used if c in a]].iloc[rows].reset_index(drop=True), crow[rows]


def standards_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Leaders who were below their post's standard on the day of appointment.

    The standard is the position's ``min_education``/``min_theory`` or, when blank, the
    ``default_standards`` parameter of its category (if a plugin declares it). Severity is
    ``error`` when the gap remains on the as-of day, ``info`` when it has since closed.
    """
    lead, crow = _leaders(features)
    if len(lead) == 0:
        return []
    defaults: Mapping[str, tuple[str | None, str | None]] = _p(params, "default_standards", {})

    def needs(d: pd.DataFrame) -> pd.DataFrame:
        cat = d["category"].astype(object)
        ed_need = (
            d["min_education"]
            .astype(object)
            .fillna(cat.map({k: v[0] for k, v in defaults.items()}))
        )
        th_need = (
            d["min_theory"].astype(object).fillna(cat.map({k: v[1] for k, v in defaults.items()}))
        )
        return pd.DataFrame(
            {
                "ed_need": ed_need,
                "th_need": th_need,
                "ed_rank": ed_need.map(EducationLevel.ranks()).fillna(0).astype("int64"),
                "th_rank": th_need.map(TheoryLevel.ranks()).fillna(0).astype("int64"),
            }
        )

    need = _per_row(lead[["category", "min_education", "min_theory"]], needs)
    ed_rank, th_rank = need["ed_rank"], need["th_rank"]
    c = features.cadres
    degrees, theory = _table(features, "degrees"), _table(features, "theory")
    ed_join = th_join = None
    if (crow >= 0).all():  # join on the cadres' rows
        tables = [t for t in (degrees, theory) if t is not None]
        rows = iter(_locate(features, [t["cadre_id"] for t in tables]))
        ed_join = (crow, next(rows)) if degrees is not None else None
        th_join = (crow, next(rows)) if theory is not None else None
    ed_then = _held_on(degrees, lead, EducationLevel.ranks(), ed_join)
    th_then = _held_on(theory, lead, TheoryLevel.ranks(), th_join)
    ed_gap = ed_then < ed_rank
    th_gap = th_then < th_rank
    bad = (ed_gap | th_gap).to_numpy()
    if not bad.any():
        return []
    ed_now = _at(c["education_rank"], crow[bad]).fillna(0).to_numpy()
    th_now = _at(c["theory_rank"], crow[bad]).fillna(0).to_numpy()
    ed_short, th_short = ed_gap.to_numpy()[bad], th_gap.to_numpy()[bad]
    still = (ed_short & (ed_now < ed_rank.to_numpy()[bad])) | (
        th_short & (th_now < th_rank.to_numpy()[bad])
    )
    f = lead[bad].assign(
        ed_gap=ed_short,
        th_gap=th_short,
        ed_need=need["ed_need"][bad],
        th_need=need["th_need"][bad],
        still=still,
    )
    f = f.sort_values(["cadre_id", "position_code"]).reset_index(drop=True)

    def reasons(d: pd.DataFrame) -> pd.DataFrame:
        ed_vi = np.where(d["ed_gap"], "trình độ chuyên môn dưới " + d["ed_need"].astype(str), "")
        th_vi = np.where(d["th_gap"], "LLCT dưới " + d["th_need"].astype(str), "")
        ed_en = np.where(d["ed_gap"], "education below " + d["ed_need"].astype(str), "")
        th_en = np.where(d["th_gap"], "political theory below " + d["th_need"].astype(str), "")
        state_vi = pd.Series(
            np.where(d["still"], "; đến nay vẫn chưa đạt", "; nay đã đạt"), dtype=object
        )
        state_en = pd.Series(np.where(d["still"], "; still below", "; met since"), dtype=object)
        return pd.DataFrame(
            {
                "vi": " khi chưa đạt tiêu chuẩn (" + _join(ed_vi, th_vi) + ")" + state_vi,
                "en": " below the post's standard (" + _join(ed_en, th_en) + ")" + state_en,
                "severity": np.where(d["still"], "error", "info"),
            }
        )

    why = _per_row(f[["ed_gap", "ed_need", "th_gap", "th_need", "still"]], reasons)
    start = _dates_text(f["start_date"], "%d/%m/%Y")
    return _build(
        f,
        rule="national.below_standard_on_appointment",
        severity=why["severity"],
        kind="cadre",
        subject=f["cadre_id"],
        vi="Bổ nhiệm vào " + f["position_code"] + " ngày " + start + why["vi"],
        en="Appointed to " + f["position_code"] + " on " + start + why["en"],
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
    start = _dates_text(f["start_date"], "%d/%m/%Y")
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
def _quota_texts(d: pd.DataFrame, vi: str, en: str) -> pd.DataFrame:
    h = d["holders"].astype(str)
    q = d["quota"].astype(str)
    diff = (d["holders"] - d["quota"]).abs().astype(str)
    return pd.DataFrame(
        {
            "vi": vi + " " + diff + " người so với biên chế (có " + h + "/" + q + ")",
            "en": diff + " " + en + " the quota (" + h + " held, quota " + q + ")",
        }
    )


def quota_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Positions with fewer holders than their quota (vacancy) or more (surplus)."""
    p = features.positions
    p = p[[c for c in ("quota", "holders", "bloc", "commune") if c in p]]
    # unique codes: sorting the flagged positions alone gives the order of a full sort
    whole = not p.index.is_unique
    if whole:
        p = p.sort_index()
    quota = p["quota"].fillna(1).astype("int64").to_numpy()
    holders = p["holders"].astype("int64").to_numpy()
    out: list[Finding] = []
    for rule, mask, sev, vi, en in (
        ("national.vacancy", holders < quota, "warning", "Thiếu", "short of"),
        ("national.surplus", holders > quota, "info", "Thừa", "over"),
    ):
        rows = np.flatnonzero(mask)
        f = p.iloc[rows].assign(quota=quota[rows], holders=holders[rows])
        f = (f if whole else f.sort_index()).reset_index()
        texts = _per_row(f[["holders", "quota"]], partial(_quota_texts, vi=vi, en=en))
        out += _build(
            f,
            rule=rule,
            severity=sev,  # type: ignore[arg-type]
            kind="position",
            subject=f["position_code"],
            vi=texts["vi"],
            en=texts["en"],
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


def _recorded(
    features: Features, first: int, last: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The annual ratings (blank quarter) of years ``first`` to ``last`` of the active
    cadres, the last one per cadre and year: their rows in the ``ratings`` table, their
    cadres' rows in ``features.cadres`` and their years. ``None`` without a ``ratings``
    table."""
    r = _table(features, "ratings")
    if r is None:
        return None
    rows = np.flatnonzero(r["quarter"].isna().to_numpy())
    year = r["year"].iloc[rows].astype("int64").to_numpy()
    # the filters bear on the (cadre_id, year) key only: filtering before keeping the last
    # rating per key keeps the same ratings
    when = (year >= first) & (year <= last)
    rows, year = rows[when], year[when]
    crow = _locate(features, [r["cadre_id"].iloc[rows]])[0]
    known = crow >= 0
    rows, year, crow = rows[known], year[known], crow[known]
    kept = ~pd.DataFrame({"cadre": crow, "year": year}).duplicated(keep="last").to_numpy()
    return rows[kept], crow[kept], year[kept]


def _cap_texts(d: pd.DataFrame, cap: Fraction) -> pd.DataFrame:
    year, excellent = d["year"].astype(str), d["excellent"].astype(str)
    allowed, good = d["allowed"].astype(str), d["good"].astype(str)
    return pd.DataFrame(
        {
            "vi": "Năm "
            + year
            + ": "
            + excellent
            + " người hoàn thành xuất sắc, vượt mức "
            + allowed
            + f" ({cap} của "
            + good
            + " người hoàn thành tốt)",
            "en": year
            + ": "
            + excellent
            + " rated excellent, above the cap of "
            + allowed
            + f" ({cap} of "
            + good
            + " rated good)",
        }
    )


def rating_findings(features: Features, params: Mapping[str, Any]) -> list[Finding]:
    """Annual ratings contradicting the scores, and agencies over the 20% excellent cap."""
    from cadre_core.vocab._scores import excellent_cap_check

    first = int(_p(params, "nd335.first_year", 2026))
    last = features.rating_year
    c = features.cadres
    out: list[Finding] = []
    found = _recorded(features, first, last)
    ratings = _table(features, "ratings")
    levels = annual_levels(features, params)
    if levels is not None and found is not None and ratings is not None:
        home = _cadre_home(features)
        rows, _, year = found
        recorded = pd.DataFrame(
            {
                "cadre_id": ratings["cadre_id"].iloc[rows].astype(object).reset_index(drop=True),
                "year": year,
                "rating": ratings["rating"].iloc[rows].astype(object).reset_index(drop=True),
            }
        )
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

    if found is not None and ratings is not None and len(found[0]):
        rows, crow, year = found
        cap = Fraction(_p(params, "nd335.excellent_cap", Fraction(1, 5)))
        scope = str(_p(params, "nd335.cap_scope", "agency"))
        if scope not in ("agency", "commune"):
            raise ValueError(f"nd335.cap_scope must be agency or commune, not {scope!r}")
        # groups as integer codes in the order of their names (the agency of each cadre's
        # home position, or its commune) and cadres as their rows: the check finds the
        # same groups in the same order as with the names
        if scope == "agency":
            agency = features.assignments["agency_code"]
            text = _texts(agency)  # sorted the same, but hashed in Arrow
            by_row, names = pd.factorize(agency if text is None else text, sort=True)
            home_row = _home_rows(features)
            code: np.ndarray = np.where(home_row >= 0, by_row[home_row], -1)
        else:
            code, names = pd.factorize(c["commune"].astype(object), sort=True)
        rating = ratings["rating"].iloc[rows]
        # a rating neither excellent nor good counts for neither, and a group without
        # such ratings is never over the cap
        counted = (code[crow] >= 0) & rating.isin(["excellent", "good"]).to_numpy()
        counts = excellent_cap_check(
            pd.DataFrame(
                {
                    "cadre_id": crow[counted],
                    "year": year[counted],
                    "rating": rating[counted].astype(object).reset_index(drop=True),
                }
            ),
            pd.Series(code),
            cap,
        )
        f = counts[counts["over"]].reset_index(drop=True)
        f["group"] = pd.Series(
            np.asarray(names, dtype=object)[f["group"].to_numpy(dtype=np.int64)], dtype=object
        )
        if scope == "agency":
            ag = features.agencies
            at = ag.index.get_indexer(pd.Index(f["group"]))
            commune = _at(ag["commune"], at).astype(object) if "commune" in ag else None
            bloc = _at(ag["bloc"], at).astype(object)
        else:
            commune, bloc = f["group"], pd.Series(["government"] * len(f), dtype=object)
        texts = _per_row(f[["year", "excellent", "allowed", "good"]], lambda d: _cap_texts(d, cap))
        out += _build(
            f,
            rule="national.excellent_over_cap",
            severity="error",
            kind="agency" if scope == "agency" else "commune",
            subject=f["group"],
            vi=texts["vi"],
            en=texts["en"],
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
    token = _SHARED.set({"features": features})
    try:
        for rule in RULES:
            out.extend(rule(features, params))
    finally:
        _SHARED.reset(token)
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
