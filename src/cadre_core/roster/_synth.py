"""Synthetic rosters of any number of communes, generated with vectorised numpy.

The generator writes what a province or a ministry would hold: every commune has the
bodies of the two-tier commune (Party committee, inspection committee, People's Council
and Committee, Fatherland Front, offices and departments), one Party Secretary, two
deputies, council and committee chairs and vice-chairs, department heads and deputies
and some twenty professional posts, staffed at realistic rates (a few vacancies, a few
surplus holders from merged communes, the secretary often also chairing the council).
People are fictional; ethnic groups follow a Lai Châu-like mix in mountain communes and
the national mix elsewhere; degrees, political theory, trainings (2025-2027), annual and
quarterly ratings (2024-2026) and equipment follow plausible distributions. The templates
(bodies, posts, names, ethnic mixes, courses) are data in :mod:`._synth_templates`.

The same ``(communes, seed)`` always gives the same tables. 3,321 communes (the
country's commune-level units, about 130,000 cadres) take a few seconds.

>>> t = synth_tables(2, seed=1)
>>> sorted(t["agencies"]["commune"].unique().tolist()) == sorted(set(t["agencies"]["commune"]))
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from cadre_core.roster._roster import Roster
from cadre_core.roster._schema import TABLE_BY_NAME
from cadre_core.roster._synth_templates import (
    AGENCIES,
    COURSES,
    EQUIPMENT_ITEMS,
    FAMILY,
    FEMALE_GIVEN,
    FEMALE_MIDDLE,
    FIELDS,
    MALE_GIVEN,
    MALE_MIDDLE,
    MASTER_FIELDS,
    MERGER,
    MOUNTAIN_MIX,
    MOUNTAIN_SYLLABLES,
    NATIONAL_MIX,
    NOT_LOCAL,
    OTHER_FAMILY,
    PLAIN_SYLLABLES,
    POSITIONS,
    QUARTER_YEAR,
    RATING_YEARS,
    STANDING,
)
from cadre_core.roster._validate import empty_frame
from cadre_core.vocab._enums import EducationLevel, TheoryLevel, TrainingTopic

Array = npt.NDArray[Any]


# ---------------------------------------------------------------------------- helpers


def _days(start: str, end: str, size: int, rng: np.random.Generator) -> Array:
    """Uniform random days in [start, end] as datetime64[D]."""
    lo = np.datetime64(start, "D")
    hi = np.datetime64(end, "D")
    return lo + rng.integers(0, int((hi - lo).astype(int)) + 1, size=size)


def _topic_list(topics: str) -> str:
    """Topics in the canonical order of :class:`TrainingTopic`."""
    order = TrainingTopic.codes()
    return ";".join(sorted(set(topics.split(";")), key=order.index))


class _Coded(NamedTuple):
    """A text column as a vocabulary and indices into it (built without Python objects)."""

    vocab: Array | tuple[str, ...]
    idx: Array

    def __len__(self) -> int:
        return len(self.idx)


def _text_array(values: Any, dtype: Any) -> Any:
    """Values (an object array or :class:`_Coded`) as a pandas text array; "" is missing."""
    if isinstance(values, _Coded):
        vocab = np.asarray(values.vocab, dtype=object).copy()
        vocab[vocab == ""] = None
        dictionary = pa.array(vocab, type=pa.large_string(), from_pandas=True)
        indices = pa.array(np.asarray(values.idx, dtype=np.int32))
        arrow = pa.DictionaryArray.from_arrays(indices, dictionary).cast(pa.large_string())
    else:
        arr = np.asarray(values, dtype=object).copy()
        arr[arr == ""] = None
        arrow = pa.array(arr, type=pa.large_string(), from_pandas=True)
    return pd.array(arrow, dtype=dtype)


def _pick(values: tuple[str, ...], idx: Array) -> Array:
    return np.asarray(values, dtype=object)[idx]


def _cat_mix(mix: tuple[tuple[str, float], ...], size: int, rng: np.random.Generator) -> Array:
    names = [m[0] for m in mix]
    p = np.array([m[1] for m in mix], dtype=float)
    return np.asarray(names, dtype=object)[rng.choice(len(names), size=size, p=p / p.sum())]


def _join(*parts: Array | str) -> Array:
    """Element-wise string concatenation of object arrays (and constant strings)."""
    out = pd.Series(parts[0] if not isinstance(parts[0], str) else [parts[0]], dtype=object)
    for p in parts[1:]:
        out = out + (p if isinstance(p, str) else pd.Series(p, dtype=object))
    return out.to_numpy(dtype=object)


def _numbered(prefix: Array, number: Array, width: int) -> Array:
    nums = pd.Series(number).astype(str).str.zfill(width).to_numpy(dtype=object)
    return _join(prefix, nums)


def commune_names(communes: int, rng: np.random.Generator, mountain: Array) -> list[str]:
    """Distinct, plausible commune names: mountain-style names for mountain communes."""
    out: list[str] = []
    pools = []
    for syl in (PLAIN_SYLLABLES, MOUNTAIN_SYLLABLES):
        combos = [f"{a} {b}" for a in syl[0] for b in syl[1] if a != b]
        pools.append([combos[i] for i in rng.permutation(len(combos))])
    used = [0, 0]
    for m in mountain.tolist():
        k = int(bool(m))
        pool = pools[k]
        base = pool[used[k] % len(pool)]
        round_ = used[k] // len(pool)
        used[k] += 1
        kind = "Phường" if (not m and used[k] % 9 == 0) else "Xã"
        out.append(f"{kind} {base}" + (f" {round_ + 1}" if round_ else ""))
    # a name may repeat across "Xã"/"Phường" variants only with a different prefix; make sure
    seen: dict[str, int] = {}
    for i, n in enumerate(out):
        if n in seen:
            seen[n] += 1
            out[i] = f"{n} ({seen[n]})"
        else:
            seen[n] = 0
    return out


def _canonical(name: str, data: dict[str, Any]) -> pd.DataFrame:
    """A frame with the canonical columns and dtypes of table ``name``."""
    empty = empty_frame(TABLE_BY_NAME[name])
    n = len(next(iter(data.values())))
    cols: dict[str, Any] = {}
    for c in empty.columns:
        dtype = empty[c].dtype
        values = data.get(c)
        if values is None:
            cols[c] = pd.Series([None] * n, dtype=object).astype(dtype)
        elif isinstance(dtype, pd.CategoricalDtype):
            if isinstance(values, _Coded):
                vocab = pd.Index(dtype.categories).get_indexer(
                    np.asarray(values.vocab, dtype=object)
                )
                codes = vocab[values.idx]
            else:
                codes = pd.Index(dtype.categories).get_indexer(np.asarray(values, dtype=object))
            cols[c] = pd.Categorical.from_codes(codes, dtype=dtype)
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            cols[c] = np.asarray(values).astype("datetime64[us]")
        elif pd.api.types.is_string_dtype(dtype):
            cols[c] = _text_array(values, dtype)
        else:
            cols[c] = pd.array(values, dtype=dtype)
    for k, v in data.items():
        if k not in cols:
            cols[k] = _text_array(v, pd.StringDtype(na_value=np.nan))
    return pd.DataFrame(cols)


# ---------------------------------------------------------------------------- generator


def synth_tables(
    communes: int, seed: int = 0, *, mountain_share: float = 0.35
) -> dict[str, pd.DataFrame]:
    """Canonical roster tables of ``communes`` synthetic communes (same seed, same tables).

    About 39 cadres per commune; one row per person in ``cadres``, their positions,
    assignments (current ones from the 2025-07-01 merger or later, plus some ended
    pre-merger ones), degrees, political theory, trainings 2025-2027, annual ratings
    2024-2026 and quarterly ratings of 2026, and equipment per agency. ``agencies``
    carries an extra ``province`` column for province roll-ups. ``mountain_share`` is
    the share of communes with a Lai Châu-like ethnic mix (the others get the national mix).
    """
    if communes < 1:
        raise ValueError("communes must be at least 1")
    rng = np.random.default_rng(seed)
    C = int(communes)
    mountain = rng.random(C) < mountain_share
    names = np.asarray(commune_names(C, rng, mountain), dtype=object)
    ccode = _numbered(np.full(C, "X", dtype=object), np.arange(1, C + 1), 4)
    province = np.where(
        mountain,
        "Tỉnh Lai Châu",
        _numbered(np.full(C, "Tỉnh ", dtype=object), 1 + (np.arange(C) * 33) // max(C, 1), 2),
    )

    # agencies --------------------------------------------------------------------
    A = len(AGENCIES)
    ag_c = np.repeat(np.arange(C), A)
    ag_t = np.tile(np.arange(A), C)
    ag_suffix = _pick(tuple(a[0] for a in AGENCIES), ag_t)
    agencies = {
        "agency_code": _join(ccode[ag_c], "-", ag_suffix),
        "name": _pick(tuple(a[1] for a in AGENCIES), ag_t),
        "commune": names[ag_c],
        "bloc": _pick(tuple(a[2] for a in AGENCIES), ag_t),
        "province": province[ag_c],
    }
    agency_index = {a[0]: i for i, a in enumerate(AGENCIES)}

    # positions -------------------------------------------------------------------
    P = len(POSITIONS)
    tpl = {
        k: np.asarray([p[i] for p in POSITIONS], dtype=object)
        for i, k in enumerate(
            ("suffix", "title", "agency", "category", "qlo", "qhi", "ed", "th", "fields", "sens")
        )
    }
    qlo = tpl["qlo"].astype(np.int64)
    qhi = tpl["qhi"].astype(np.int64)
    p_c = np.repeat(np.arange(C), P)
    p_t = np.tile(np.arange(P), C)
    quota = qlo[p_t] + (rng.random(C * P) * (qhi - qlo + 1)[p_t]).astype(np.int64)
    p_agency_row = p_c * A + np.array([agency_index[a] for a in tpl["agency"]])[p_t]
    pos_code = _join(ccode[p_c], "-", tpl["suffix"][p_t])
    positions = {
        "position_code": pos_code,
        "title": tpl["title"][p_t],
        "agency_code": agencies["agency_code"][p_agency_row],
        "category": tpl["category"][p_t],
        "quota": quota,
        "min_education": tpl["ed"][p_t],
        "min_theory": tpl["th"][p_t],
        "accepted_fields": np.asarray([f.replace(";", "; ") for f in tpl["fields"]], dtype=object)[
            p_t
        ],
        "sensitive": tpl["sens"][p_t].astype(bool),
    }
    category_t = tpl["category"]
    is_prof_t = category_t == "professional"
    is_standing_t = np.isin(category_t, list(STANDING))

    # slots: one per unit of quota; most filled, a few surplus holders -------------------
    slot_pos = np.repeat(np.arange(C * P), quota)
    surplus = np.flatnonzero(is_prof_t[p_t] & (rng.random(C * P) < 0.03))
    slot_pos = np.sort(np.concatenate([slot_pos, surplus]), kind="stable")
    st = p_t[slot_pos]
    fill_p = np.where(is_prof_t[st], 0.93, 0.97)
    filled = rng.random(len(slot_pos)) < fill_p
    slot_pos = slot_pos[filled]
    st = p_t[slot_pos]
    sc = p_c[slot_pos]
    # the secretary also chairs the council in most communes
    sec_t = int(np.flatnonzero(category_t == "party_secretary")[0])
    chair_t = int(np.flatnonzero(category_t == "council_chair")[0])
    doubles = rng.random(C) < 0.6
    has_sec = np.zeros(C, dtype=bool)
    has_sec[sc[st == sec_t]] = True
    doubled_slot = (st == chair_t) & doubles[sc] & has_sec[sc]
    own = ~doubled_slot  # slots that bring their own cadre
    n_cad = int(own.sum())
    cad_slot = np.flatnonzero(own)
    cad_c = sc[cad_slot]
    cad_t = st[cad_slot]
    first = np.searchsorted(cad_c, np.arange(C))
    ordinal = np.arange(n_cad) - first[cad_c] + 1
    cadre_id = _numbered(_join(ccode[cad_c], "-"), ordinal, 3)
    slot_cadre = np.full(len(slot_pos), -1, dtype=np.int64)
    slot_cadre[cad_slot] = np.arange(n_cad)
    sec_cadre = np.full(C, -1, dtype=np.int64)
    sec_cadre[sc[own & (st == sec_t)]] = slot_cadre[own & (st == sec_t)]
    slot_cadre[doubled_slot] = sec_cadre[sc[doubled_slot]]

    # people ------------------------------------------------------------------------
    cat = category_t[cad_t]
    leader = ~is_prof_t[cad_t]
    standing = is_standing_t[cad_t]
    p_female = np.where(standing, 0.22, np.where(leader, 0.3, 0.47))
    female = rng.random(n_cad) < p_female
    cad_mountain = mountain[cad_c]
    eth = np.where(
        cad_mountain,
        _cat_mix(MOUNTAIN_MIX, n_cad, rng),
        _cat_mix(NATIONAL_MIX, n_cad, rng),
    )
    family = np.empty(n_cad, dtype=object)
    u = rng.random(n_cad)
    for group in np.unique(eth):  # one pass per ethnic group, not per person
        m = eth == group
        pool = FAMILY.get(str(group), OTHER_FAMILY)
        family[m] = _pick(pool, (u[m] * len(pool)).astype(np.int64))
    middle = np.where(
        female,
        _pick(FEMALE_MIDDLE, rng.integers(0, len(FEMALE_MIDDLE), n_cad)),
        _pick(MALE_MIDDLE, rng.integers(0, len(MALE_MIDDLE), n_cad)),
    )
    given = np.where(
        female,
        _pick(FEMALE_GIVEN, rng.integers(0, len(FEMALE_GIVEN), n_cad)),
        _pick(MALE_GIVEN, rng.integers(0, len(MALE_GIVEN), n_cad)),
    )
    full_name = _join(family, " ", middle, " ", given)
    age_days = np.where(
        leader,
        rng.integers(35 * 365, 58 * 365, n_cad),
        rng.integers(24 * 365, 56 * 365, n_cad),
    )
    birth = np.datetime64("2026-07-01", "D") - age_days
    not_local = np.isin(cat, list(NOT_LOCAL))
    is_local = np.where(not_local, rng.random(n_cad) < 0.1, rng.random(n_cad) < 0.6)
    recruit = rng.random(n_cad) < 0.08
    start = np.where(recruit, _days("2025-08-01", "2026-10-31", n_cad, rng), MERGER)
    left = rng.random(n_cad) < 0.015
    left_date = np.where(left, start + rng.integers(30, 420, n_cad), np.datetime64("NaT"))
    cadres = {
        "cadre_id": cadre_id,
        "full_name": full_name,
        "birth_date": birth,
        "gender": np.where(female, "female", "male"),
        "ethnicity": eth,
        "is_local": is_local,
        "left_date": left_date,
    }

    # assignments: current ones, plus ended pre-merger ones ----------------------------
    s_cad = slot_cadre
    s_start = start[s_cad]
    s_end = left_date[s_cad]
    hist = np.flatnonzero(rng.random(n_cad) < 0.06)
    h_pos = cad_c[hist] * P + rng.integers(0, P, len(hist))
    a_cad = np.concatenate([s_cad, hist])
    a_pos = np.concatenate([slot_pos, h_pos])
    a_start = np.concatenate([s_start, _days("2020-01-01", "2024-12-31", len(hist), rng)])
    a_end = np.concatenate([s_end, np.full(len(hist), np.datetime64("2025-06-30", "D"))]).astype(
        "datetime64[D]"
    )
    order = np.lexsort((a_pos, a_cad))
    assignments = {
        "cadre_id": _Coded(cadre_id, a_cad[order]),
        "position_code": _Coded(pos_code, a_pos[order]),
        "start_date": a_start[order],
        "end_date": a_end[order],
    }

    # degrees ----------------------------------------------------------------------
    ed_codes = EducationLevel.codes()  # trung_cap, cao_dang, dai_hoc, thac_si, tien_si
    p_leader = np.array([0.02, 0.02, 0.56, 0.38, 0.02])
    p_prof = np.array([0.06, 0.06, 0.80, 0.08, 0.0])
    top = np.where(
        leader,
        rng.choice(5, n_cad, p=p_leader),
        rng.choice(5, n_cad, p=p_prof),
    )
    # first degree's field: fitting the post's accepted fields 80% of the time
    fields_t = [f.split(";") if f else [] for f in tpl["fields"]]
    width = max(1, max(len(f) for f in fields_t))
    grid = np.full((P, width), "", dtype=object)
    counts = np.zeros(P, dtype=np.int64)
    for i, f in enumerate(fields_t):  # the template's posts, not the cadres
        grid[i, : len(f)] = f
        counts[i] = len(f)
    fit_n = counts[cad_t]
    fits = (fit_n > 0) & (rng.random(n_cad) < 0.8)
    fit_field = grid[cad_t, (rng.random(n_cad) * np.maximum(fit_n, 1)).astype(np.int64)]
    any_field = _pick(FIELDS, rng.integers(0, len(FIELDS), n_cad))
    field1 = np.where(fits, fit_field, any_field)
    first_level = np.minimum(top, 2)  # a master's holder also has a bachelor's
    first_date = np.where(
        rng.random(n_cad) < 0.45,
        np.datetime64("NaT"),
        _days("1992-06-01", "2020-12-31", n_cad, rng),
    )
    post = np.flatnonzero(top >= 3)
    post_date = np.where(
        rng.random(len(post)) < 0.06,
        _days("2027-01-15", "2028-06-30", len(post), rng),  # still studying
        _days("2010-01-01", "2025-12-31", len(post), rng),
    )
    deg_cad = np.concatenate([np.arange(n_cad), post])
    deg_level = np.concatenate([first_level, top[post]])
    deg_field = np.concatenate(
        [field1, _pick(MASTER_FIELDS, rng.integers(0, len(MASTER_FIELDS), len(post)))]
    )
    deg_date = np.concatenate([first_date, post_date])
    order = np.argsort(deg_cad, kind="stable")
    degrees = {
        "cadre_id": _Coded(cadre_id, deg_cad[order]),
        "level": _Coded(ed_codes, deg_level[order]),
        "field": deg_field[order],
        "awarded_date": deg_date[order],
    }

    # political theory -------------------------------------------------------------
    th_codes = TheoryLevel.codes()  # so_cap, trung_cap, cao_cap, cu_nhan, + none
    t_lead = np.array([0.0, 0.40, 0.52, 0.06, 0.02])
    t_stand = np.array([0.0, 0.22, 0.68, 0.08, 0.02])
    t_prof = np.array([0.12, 0.74, 0.03, 0.01, 0.10])
    u = rng.random(n_cad)
    cum = np.where(
        standing[:, None],
        np.cumsum(t_stand)[None, :],
        np.where(leader[:, None], np.cumsum(t_lead)[None, :], np.cumsum(t_prof)[None, :]),
    )
    th = (u[:, None] >= cum).sum(axis=1)  # 0..4, 4 = none
    has_th = th < 4
    t_cad = np.flatnonzero(has_th)
    t_date = np.where(
        rng.random(len(t_cad)) < 0.5,
        np.datetime64("NaT"),
        np.where(
            rng.random(len(t_cad)) < 0.05,
            _days("2027-01-15", "2028-12-31", len(t_cad), rng),  # in a course now
            _days("2000-01-01", "2025-12-31", len(t_cad), rng),
        ),
    )
    upgraded = t_cad[(th[t_cad] >= 2) & (rng.random(len(t_cad)) < 0.4)]
    th_cad = np.concatenate([t_cad, upgraded])
    th_level = np.concatenate([th[t_cad], np.ones(len(upgraded), dtype=np.int64)])
    th_date = np.concatenate(
        [t_date, _days("1998-01-01", "2012-12-31", len(upgraded), rng)]
    ).astype("datetime64[D]")
    order = np.argsort(th_cad, kind="stable")
    theory = {
        "cadre_id": _Coded(cadre_id, th_cad[order]),
        "level": _Coded(th_codes, th_level[order]),
        "awarded_date": th_date[order],
    }

    # trainings 2025-2027 --------------------------------------------------------------
    n_tr = rng.poisson(3.2, n_cad)
    tr_cad = np.repeat(np.arange(n_cad), n_tr)
    w = np.array([c[2] for c in COURSES])
    course = rng.choice(len(COURSES), len(tr_cad), p=w / w.sum())
    trainings = {
        "cadre_id": _Coded(cadre_id, tr_cad),
        "topics": _Coded(tuple(_topic_list(c[0]) for c in COURSES), course),
        "completed_date": np.where(
            rng.random(len(tr_cad)) < 0.75,
            _days("2026-01-05", "2026-12-20", len(tr_cad), rng),
            _days("2025-07-15", "2027-12-15", len(tr_cad), rng),
        ),
        "course": _Coded(tuple(c[1] for c in COURSES), course),
    }

    # ratings: annual 2024-2026, quarterly 2026 -------------------------------------------
    quality = rng.normal(0.0, 1.0, n_cad)
    rows_cad: list[Array] = []
    rows_year: list[Array] = []
    rows_q: list[Array] = []
    for year in RATING_YEARS:
        rated = rng.random(n_cad) < (0.96 if year < 2026 else 0.97)
        if year < 2026:
            rated &= ~(recruit & (start > np.datetime64(f"{year}-06-30", "D")))
        idx = np.flatnonzero(rated)
        rows_cad.append(idx)
        rows_year.append(np.full(len(idx), year))
        rows_q.append(np.zeros(len(idx), dtype=np.int64))
    for q in range(1, 5):
        idx = np.flatnonzero(rng.random(n_cad) < 0.8)
        rows_cad.append(idx)
        rows_year.append(np.full(len(idx), QUARTER_YEAR))
        rows_q.append(np.full(len(idx), q))
    r_cad = np.concatenate(rows_cad)
    score = quality[r_cad] + rng.normal(0.0, 0.6, len(r_cad))
    # about 15% excellent, 68% good, 15% complete, 2% incomplete
    level = np.searchsorted(np.array([-2.3, -0.95, 1.15]), score)
    r_year = np.concatenate(rows_year)
    r_q = np.concatenate(rows_q)
    order = np.lexsort((r_q, r_year, r_cad))
    ratings = {
        "cadre_id": _Coded(cadre_id, r_cad[order]),
        "year": r_year[order],
        "quarter": pd.array(np.where(r_q[order] == 0, np.nan, r_q[order]), dtype="Int64"),
        "rating": _Coded(("incomplete", "complete", "good", "excellent"), level[order]),
    }

    # equipment: about one of each item per active cadre ---------------------------------
    a_agency = p_agency_row[slot_pos]
    current = ~left[s_cad]
    pair = np.unique(a_agency[current] * (n_cad + 1) + s_cad[current])
    staff = np.bincount(pair // (n_cad + 1), minlength=C * A)
    n_items = len(EQUIPMENT_ITEMS)
    e_ag = np.repeat(np.arange(C * A), n_items)
    e_it = np.tile(np.arange(n_items), C * A)
    base = np.where(e_it == n_items - 1, 1, staff[e_ag])
    qty = np.maximum(0, base + rng.choice(np.array([-1, 0, 1]), len(e_ag), p=[0.1, 0.6, 0.3]))
    keep = rng.random(len(e_ag)) >= 0.04
    equipment = {
        "agency_code": _Coded(agencies["agency_code"], e_ag[keep]),
        "item": _Coded(EQUIPMENT_ITEMS, e_it[keep]),
        "quantity": qty[keep],
    }

    _form_fields(
        np.random.default_rng([seed, 18]),
        cadres,
        positions,
        assignments,
        degrees,
        theory,
        trainings,
        leader=leader,
        standing=standing,
        category=cat,
        top_degree=top,
        start=start,
        mountain=cad_mountain,
    )
    data = {
        "cadres": cadres,
        "agencies": agencies,
        "positions": positions,
        "assignments": assignments,
        "degrees": degrees,
        "theory": theory,
        "trainings": trainings,
        "ratings": ratings,
        "equipment": equipment,
    }
    return {name: _canonical(name, frame) for name, frame in data.items()}


ELECTED = frozenset(
    (
        "party_secretary",
        "party_deputy_secretary",
        "council_chair",
        "council_vice_chair",
        "committee_chair",
        "committee_vice_chair",
        "inspection_chair",
        "front_chair",
        "front_vice_chair",
        "mass_org_head",
        "mass_org_deputy",
    )
)
"""Categories of the posts filled by election (cán bộ): ``positions.elected``."""

# grade by the highest degree (trung_cap, cao_dang, dai_hoc, thac_si, tien_si)
_GRADE_BY_DEGREE = ("can_su", "can_su", "chuyen_vien", "chuyen_vien_chinh", "chuyen_vien_chinh")


def _form_fields(
    rng: np.random.Generator,
    cadres: dict[str, Any],
    positions: dict[str, Any],
    assignments: dict[str, Any],
    degrees: dict[str, Any],
    theory: dict[str, Any],
    trainings: dict[str, Any],
    *,
    leader: Array,
    standing: Array,
    category: Array,
    top_degree: Array,
    start: Array,
    mountain: Array,
) -> None:
    """Add the fields the official forms count to the generated tables (in place), drawn
    from their own generator so that the other values of a seed stay as they were."""
    n = len(leader)
    nat = np.datetime64("NaT")
    birth = cadres["birth_date"].astype("datetime64[D]")
    member = leader | (rng.random(n) < 0.55)
    joined = birth + rng.integers(20 * 365, 32 * 365, n)
    cadres["party_join_date"] = np.where(member, np.minimum(joined, start - 30), nat)
    faith = _pick(("Phật giáo", "Công giáo", "Tin lành"), rng.integers(0, 3, n))
    cadres["religion"] = np.where(rng.random(n) < 0.08, faith, "Không")
    elected = np.isin(category, list(ELECTED))
    grades = np.asarray(_GRADE_BY_DEGREE, dtype=object)[top_degree]
    blank = np.full(n, None, dtype=object)
    cadres["grade"] = np.where(elected, blank, grades)
    state = np.where(leader, "chuyen_vien_chinh", "chuyen_vien")
    cadres["state_management"] = np.where(
        rng.random(n) < np.where(leader, 0.85, 0.55), state, blank
    )
    it = np.asarray(("co_ban", "nang_cao", "trung_cap_tro_len", None), dtype=object)
    cadres["it_level"] = it[rng.choice(4, n, p=[0.6, 0.2, 0.05, 0.15])]
    language = np.asarray(("chung_chi", "dai_hoc", None), dtype=object)
    cadres["foreign_language"] = language[rng.choice(3, n, p=[0.65, 0.03, 0.32])]
    cadres["ethnic_language"] = (cadres["ethnicity"] == "Kinh") & mountain & (rng.random(n) < 0.4)
    cadres["general_education"] = np.where(rng.random(n) < 0.97, "thpt", "thcs")
    cadres["professional_basic"] = rng.random(n) < 0.03
    insured = birth + rng.integers(21 * 365, 27 * 365, n)
    cadres["insurance_start"] = np.minimum(insured, start)
    cadres["party_committee"] = member & (standing | (leader & (rng.random(n) < 0.6)))
    cadres["party_standing"] = standing & member
    cadres["inspection_committee"] = member & (
        (category == "inspection_chair") | (rng.random(n) < 0.03)
    )
    deputy = (leader & (rng.random(n) < 0.5)) | standing
    higher = rng.random(n) < 0.05
    cadres["council_deputy"] = np.where(
        deputy, np.where(higher, "commune;province", "commune"), blank
    )
    positions["elected"] = np.isin(positions["category"], list(ELECTED))
    rows = len(assignments["start_date"])
    assignments["rotation"] = rng.random(rows) < 0.02
    places = np.asarray(("domestic", "abroad", "joint"), dtype=object)
    degrees["study_place"] = places[
        rng.choice(3, len(degrees["awarded_date"]), p=[0.97, 0.02, 0.01])
    ]
    modes = np.asarray(("full_time", "part_time"), dtype=object)
    theory["study_mode"] = modes[rng.choice(2, len(theory["awarded_date"]), p=[0.3, 0.7])]
    trainings["place"] = np.full(len(trainings["completed_date"]), "domestic", dtype=object)


def synth_roster(
    communes: int, seed: int = 0, *, validate: bool = True, name: str | None = None
) -> Roster:
    """A synthetic :class:`Roster` of ``communes`` communes (see :func:`synth_tables`).

    ``validate=False`` skips the reader's validation (the tables are canonical by
    construction); the default validates like any other roster.
    """
    tables = synth_tables(communes, seed)
    label = name or f"synth-{communes}-{seed}"
    if validate:
        return Roster.from_frames(tables, name=label)
    return Roster(tables, name=label)


def synth_date_range() -> tuple[dt.date, dt.date]:
    """The span of the generated dates that matter to evaluations (for as-of choices)."""
    return dt.date(2025, 7, 1), dt.date(2027, 12, 31)


__all__ = ["AGENCIES", "POSITIONS", "commune_names", "synth_roster", "synth_tables"]
