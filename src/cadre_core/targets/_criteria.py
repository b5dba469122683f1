"""Reusable, vectorised criteria and populations for targets, with their explanations.

A :class:`Criterion` is a predicate over :class:`~cadre_core.Features` that also knows
what it requires, in words, and how to say per failing member what is missing. Province
plugins compose them; the reports read the explanations, so no text is hand-written per
target.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs
import numpy as np
import pandas as pd

from cadre_core.features._frame import Features, holder_unknown
from cadre_core.features._keys import lookup, per_row
from cadre_core.features._known import level_unknown
from cadre_core.targets._target import LEVEL_UNKNOWN, LeftOut, Text
from cadre_core.vocab._enums import EducationLevel, RatingLevel, TheoryLevel
from cadre_core.vocab._labels import item_name, levels_name, topic_name
from cadre_core.vocab._labels import label as label_text
from cadre_core.vocab._labels import level_name as level_name

Explain = Callable[[Features, pd.Index, str], pd.Series]


def _levels_text(levels: Sequence[str], lang: str, kind: str = "education") -> str:
    return levels_name(levels, lang, kind)


def _mapped(values: pd.Series, texts: dict[object, str]) -> pd.Series:
    """Map each value to its text (one text per distinct value, built by the caller)."""
    return pd.Series(values.map(texts), index=values.index, dtype=object)


@attrs.frozen
class Criterion:
    """A vectorised predicate with its requirement in words and an explainer."""

    fn: Callable[[Features], pd.Series]
    requirement: Text
    explain: Explain | None = None
    # the roster tables (or "table.column") it reads: a target reading one the input
    # could not inform (Roster.absent) is not applicable for want of data
    reads: tuple[str, ...] = ()
    # for a population: the members it leaves out because the input cannot tell, and why
    left_out: LeftOut | None = None
    # for a criterion: the members whose verdict the input cannot tell (a level it reads
    # was set aside), and why; a target leaves them out of its population
    unjudged: LeftOut | None = None

    def __call__(self, features: Features) -> pd.Series:
        return self.fn(features)


def flag(column: str, requirement: Text, *, unit: str = "cadres") -> Criterion:
    """A boolean column of the unit frame as a criterion or population."""

    def fn(features: Features) -> pd.Series:
        return features.unit_frame(unit)[column].fillna(False).astype(bool)

    return Criterion(fn, requirement)


def _ranked_at_least(
    rank_col: str,
    level_col: str,
    minimum: str,
    ranks: dict[str, int],
    equal: Sequence[str],
    label: Text,
    kind: str = "education",
    table: str = "degrees",
) -> Criterion:
    need = ranks[minimum]
    wanted = [c for c, r in ranks.items() if r == need] if equal else [minimum]

    def fn(features: Features) -> pd.Series:
        return features.cadres[rank_col].fillna(0) >= need

    def unjudged(features: Features) -> pd.Series:
        # a level held reaches the minimum whatever was set aside; else it is unknown
        unknown = pd.Series(level_unknown(features, table), index=features.cadres.index)
        return unknown & ~fn(features)

    def explain(features: Features, ids: pd.Index, lang: str) -> pd.Series:
        have = features.cadres.loc[ids, level_col].astype(object).fillna("")
        need_text = _levels_text(wanted, lang, kind)
        template = label_text("crit_needs", lang)
        texts = {
            h: template.format(
                have=f"{label.get(lang)} {level_name(h, lang, kind)}"
                if h
                else _capital(level_name(None, lang, kind)),
                need=need_text,
            )
            for h in have.unique()
        }
        return _mapped(have, texts)

    levels = Text(_levels_text(wanted, "vi", kind), _levels_text(wanted, "en", kind))
    return Criterion(
        fn,
        Text.of("crit_at_least", what=label, levels=levels),
        explain,
        unjudged=LeftOut(unjudged, LEVEL_UNKNOWN),
    )


def _capital(text: str) -> str:
    """``text`` with its first letter upper-case (a sentence that opens an explanation)."""
    return text[:1].upper() + text[1:]


def need_text_vi(levels: Sequence[str]) -> str:
    """Levels joined in Vietnamese ("cao cấp hoặc cử nhân")."""
    return _levels_text(levels, "vi")


def need_text_en(levels: Sequence[str]) -> str:
    """Levels joined in English."""
    return _levels_text(levels, "en")


def _reading(tables: tuple[str, ...], criterion: Criterion) -> Criterion:
    """``criterion`` declaring the roster tables it reads."""
    return attrs.evolve(criterion, reads=tables)


def education_at_least(level: str) -> Criterion:
    """Highest degree on the day at least ``level`` (EducationLevel code). A cadre below it
    whose degree ``--skip-invalid`` set aside is not judged (:attr:`Criterion.unjudged`).

    >>> education_at_least("thac_si").unjudged.reason
    'level_unknown'
    """
    return _reading(
        ("degrees",),
        _ranked_at_least(
            "education_rank",
            "education",
            EducationLevel(level).value,
            EducationLevel.ranks(),
            (),
            Text.of("crit_education"),
        ),
    )


def theory_at_least(level: str) -> Criterion:
    """Political theory on the day at least ``level``; equal ranks count (cao cấp = cử nhân).
    A cadre below it whose theory ``--skip-invalid`` set aside is not judged."""
    return _reading(
        ("theory",),
        _ranked_at_least(
            "theory_rank",
            "theory",
            TheoryLevel(level).value,
            TheoryLevel.ranks(),
            ("equal",),
            Text.of("crit_theory"),
            "theory",
            "theory",
        ),
    )


def rating_at_least(level: str) -> Criterion:
    """Annual rating of the rating year at least ``level``."""
    need = RatingLevel(level).rank

    def fn(features: Features) -> pd.Series:
        return features.cadres["rating_rank"].fillna(-1).astype("int64") >= need

    def explain(features: Features, ids: pd.Index, lang: str) -> pd.Series:
        have = features.cadres.loc[ids, "rating"].astype(object).fillna("")
        y = features.rating_year

        need_text = level_name(level, lang, "rating")

        def said(h: str) -> str:
            if not h:  # no rating for the year: say so, not "rated none"
                return label_text("crit_rating_none", lang).format(year=y, need=need_text)
            return label_text("crit_rating_have", lang).format(
                year=y, have=level_name(h, lang, "rating"), need=need_text
            )

        texts = {h: said(h) for h in have.unique()}
        return _mapped(have, texts)

    named = Text(level_name(level, "vi"), level_name(level, "en"))
    return Criterion(fn, Text.of("crit_rating_at_least", level=named), explain, reads=("ratings",))


def _since(features: Features, lang: str) -> str:
    """Since when trainings count: the plan's start (dd/mm/yyyy), else the start of the
    term in ``lang``."""
    start = features.params.get("plan_start")
    if start is not None:
        return str(start.strftime("%d/%m/%Y"))
    return label_text("crit_since_start", lang)


def trained_in(topics: Sequence[str] | None = None, *, param: str | None = None) -> Criterion:
    """Trainings in the window covering every topic (a fixed list or a ``topics`` parameter)."""
    if (topics is None) == (param is None):
        raise ValueError("give either topics or param")

    def wanted(features: Features) -> tuple[str, ...]:
        return tuple(topics) if topics is not None else tuple(features.params[str(param)])

    def fn(features: Features) -> pd.Series:
        cols = [f"trained_{t}" for t in wanted(features)]
        return features.cadres[cols].all(axis=1)

    def explain(features: Features, ids: pd.Index, lang: str) -> pd.Series:
        ws = wanted(features)
        done = features.cadres.loc[ids, [f"trained_{t}" for t in ws]]
        since = _since(features, lang)
        names = [topic_name(t, lang) for t in ws]
        missing = pd.Series("", index=ids, dtype=object)
        for name, col in zip(names, done.columns, strict=True):  # one pass per topic
            gap = ~done[col].to_numpy()
            missing[gap] = missing[gap] + ", " + name
        missing = missing.str.removeprefix(", ")
        template = label_text("crit_not_trained", lang)
        return _mapped(
            missing, {m: template.format(topics=m, since=since) for m in missing.unique()}
        )

    if topics is not None:
        names = Text(
            ", ".join(topic_name(t, "vi") for t in topics),
            ", ".join(topic_name(t, "en") for t in topics),
        )
        requirement = Text.of("crit_trained_in", topics=names)
    else:  # the list is a parameter: its value is known only at evaluation time
        requirement = Text.of("crit_trained_in_all")
    return Criterion(fn, requirement, explain, reads=("trainings",))


def is_female() -> Criterion:
    """Gender ``female``."""
    return _reading(("cadres.gender",), flag("is_female", Text.of("crit_female")))


def is_minority() -> Criterion:
    """Ethnicity other than Kinh."""
    return _reading(("cadres.ethnicity",), flag("is_minority", Text.of("crit_minority")))


def positions_filled() -> Criterion:
    """Positions whose distinct active holders reach the quota."""

    def fn(features: Features) -> pd.Series:
        p = features.positions
        return p["holders"] >= p["quota"]

    def explain(features: Features, ids: pd.Index, lang: str) -> pd.Series:
        p = features.positions.loc[ids]
        template = label_text("crit_holders", lang)
        return pd.Series(
            [
                template.format(holders=h, quota=q)
                for h, q in zip(p["holders"], p["quota"], strict=True)
            ],
            index=ids,
            dtype=object,
        )

    return Criterion(fn, Text.of("crit_staffed"), explain)


def _all_per_cadre(cadre_ids: pd.Series, ok: np.ndarray, index: pd.Index, empty: bool) -> pd.Series:
    """Per cadre of ``index``: do all its rows hold (``empty`` for a cadre with none)?"""
    at = lookup(cadre_ids, index)
    known = at >= 0
    rows = np.bincount(at[known], minlength=len(index))
    bad = np.bincount(at[known & ~ok], minlength=len(index))
    return pd.Series(np.where(rows > 0, bad == 0, empty), index=index)


def post_minimums(
    rows: pd.DataFrame, defaults: Mapping[str, tuple[str | None, str | None]]
) -> pd.DataFrame:
    """The education and theory each post requires, aligned on ``rows``.

    ``rows`` has the post's ``category``, ``min_education`` and ``min_theory``; a blank
    minimum is the default standard of its category (``defaults``: category ->
    (education, theory), the ``default_standards`` parameter). Returns ``ed_need`` and
    ``th_need`` (codes, missing when none) and ``ed_rank`` and ``th_rank`` (their ranks, 0
    when none or unknown), computed once per distinct post.

    >>> rows = pd.DataFrame({"category": ["department_head", "professional"],
    ...                      "min_education": [None, "dai_hoc"], "min_theory": [None, None]})
    >>> post_minimums(rows, {"department_head": ("dai_hoc", "trung_cap")}).values.tolist()
    [['dai_hoc', 'trung_cap', 3, 2], ['dai_hoc', nan, 3, 0]]
    """
    ed_default = {k: v[0] for k, v in defaults.items()}
    th_default = {k: v[1] for k, v in defaults.items()}

    def needs(d: pd.DataFrame) -> pd.DataFrame:
        cat = d["category"].astype(object)
        ed_need = (
            d["min_education"].astype(object).where(d["min_education"].notna(), cat.map(ed_default))
        )
        th_need = d["min_theory"].astype(object).where(d["min_theory"].notna(), cat.map(th_default))
        return pd.DataFrame(
            {
                "ed_need": ed_need,
                "th_need": th_need,
                "ed_rank": ed_need.map(EducationLevel.ranks()).astype("float64").fillna(0),
                "th_rank": th_need.map(TheoryLevel.ranks()).astype("float64").fillna(0),
            }
        ).astype({"ed_rank": "int64", "th_rank": "int64"})

    return per_row(rows[["category", "min_education", "min_theory"]], needs)


def meets_minimum(have: pd.Series | np.ndarray, need_rank: pd.Series | np.ndarray) -> np.ndarray:
    """Does the rank held reach the rank a post requires? A missing rank held (a cadre
    not on the roll) does not.

    >>> meets_minimum(np.array([3.0, 1.0, np.nan]), np.array([3, 2, 0])).tolist()
    [True, False, False]
    """
    return np.asarray(np.asarray(have, dtype="float64") >= np.asarray(need_rank), dtype=bool)


def _standards_frame(features: Features, param: str) -> pd.DataFrame:
    """Per (cadre, leadership position held): the education and theory needed and held,
    whether each is met (``ed_ok``, ``th_ok``) and whether the cadre's level is known
    (``ed_known``, ``th_known``: not set aside, :func:`level_unknown`)."""
    defaults = features.params[param]
    a = features.assignments
    lead = a[a["category"].isin(list(defaults))].drop_duplicates(["cadre_id", "position_code"])
    need = post_minimums(lead, defaults)
    c = features.cadres
    at = lookup(lead["cadre_id"], c.index)

    def have(column: str) -> np.ndarray:
        values = np.append(c[column].to_numpy(dtype="float64"), np.nan)
        return np.asarray(values[at], dtype="float64")  # -1: not an active cadre

    def known(table: str) -> np.ndarray:
        return np.asarray(np.append(~level_unknown(features, table), True)[at], dtype=bool)

    out = pd.DataFrame(
        {
            "cadre_id": lead["cadre_id"],
            "position_code": lead["position_code"],
            "ed_need": need["ed_need"],
            "th_need": need["th_need"],
            "ed_have": have("education_rank"),
            "th_have": have("theory_rank"),
        }
    )
    out["ed_ok"] = meets_minimum(out["ed_have"], need["ed_rank"])
    out["th_ok"] = meets_minimum(out["th_have"], need["th_rank"])
    out["ok"] = out["ed_ok"] & out["th_ok"]
    out["ed_known"] = known("degrees")
    out["th_known"] = known("theory")
    # a level not met is a known failure when the level is known, else the verdict's gap
    out["fails"] = (~out["ed_ok"] & out["ed_known"]) | (~out["th_ok"] & out["th_known"])
    out["unknown"] = (~out["ed_ok"] & ~out["ed_known"]) | (~out["th_ok"] & ~out["th_known"])
    return out


def _standards(features: Features, param: str) -> pd.DataFrame:
    """:func:`_standards_frame` of ``features``, computed once for all that read it."""
    return features.once(f"post_standards:{param}", lambda f: _standards_frame(f, param))


def meets_post_standards(param: str = "default_standards") -> Criterion:
    """For every leadership position held: education and theory at least the position's
    minimum (blank = the default standard of its category, parameter ``param``).

    It reads both levels: a target over an input that has no place for either (a list
    without a political-theory column) is not applicable for want of data, never "not
    met" by everyone. A blank level of an input that has its column stays "none". A cadre
    with no known failure, one of whose levels not met was set aside by
    ``--skip-invalid``, is not judged (:attr:`Criterion.unjudged`); the explanation of a
    cadre that fails says the known failures only.

    >>> meets_post_standards().reads, meets_post_standards().unjudged.reason
    (('degrees', 'theory'), 'level_unknown')
    """

    def fn(features: Features) -> pd.Series:
        per = _standards(features, param)
        return _all_per_cadre(per["cadre_id"], per["ok"].to_numpy(), features.cadres.index, True)

    def unjudged(features: Features) -> pd.Series:
        per = _standards(features, param)
        index = features.cadres.index
        fails = ~_all_per_cadre(per["cadre_id"], ~per["fails"].to_numpy(), index, True)
        unknown = ~_all_per_cadre(per["cadre_id"], ~per["unknown"].to_numpy(), index, True)
        return unknown & ~fails

    def explain(features: Features, ids: pd.Index, lang: str) -> pd.Series:
        per = _standards(features, param)
        per = per[~per["ok"] & per["cadre_id"].isin(ids)]
        # the known failures of a cadre that has one; every level not met of any other
        sure = per["cadre_id"].isin(per.loc[per["fails"], "cadre_id"])
        per = per.assign(
            ed_said=~per["ed_ok"] & (per["ed_known"] | ~sure),
            th_said=~per["th_ok"] & (per["th_known"] | ~sure),
        )[per["fails"] | ~sure]
        c = features.cadres
        title = per["position_code"].map(features.positions["title"].astype(object))
        parts = []
        for r, t in zip(per.itertuples(index=False), title, strict=True):
            bits = []
            if r.ed_said:
                have = level_name(c.at[r.cadre_id, "education"], lang)
                bits.append(
                    label_text("crit_post_education", lang).format(
                        have=have, need=level_name(r.ed_need, lang)
                    )
                )
            if r.th_said:
                have = level_name(c.at[r.cadre_id, "theory"], lang, "theory")
                need = _levels_text(
                    [
                        k
                        for k, v in TheoryLevel.ranks().items()
                        if v == TheoryLevel.ranks()[str(r.th_need)]
                    ],
                    lang,
                    "theory",
                )
                bits.append(label_text("crit_post_theory", lang).format(have=have, need=need))
            parts.append(f"{t}: " + "; ".join(bits))
        return (
            pd.Series(parts, index=per["cadre_id"].to_numpy(), dtype=object)
            .groupby(level=0)
            .agg("; ".join)
            .reindex(ids)
        )

    return _reading(
        ("degrees", "theory"),
        Criterion(
            fn,
            Text.of("crit_post_standards"),
            explain,
            unjudged=LeftOut(unjudged, LEVEL_UNKNOWN),
        ),
    )


def _equipment_frame(features: Features, param: str) -> pd.DataFrame:
    norm = features.params[param]
    ag = features.agencies
    items = pd.DataFrame(
        {
            "item": list(norm),
            "num": [v[0].numerator for v in norm.values()],
            "den": [v[0].denominator for v in norm.values()],
            "per_agency": [v[1] for v in norm.values()],
        }
    )
    grid = pd.DataFrame({"agency_code": ag.index, "n": ag["active_cadres"].to_numpy()}).merge(
        items, how="cross"
    )
    # ceil(per_cadre * n) + per_agency, in exact integer arithmetic
    grid["needed"] = -((-grid["n"] * grid["num"]) // grid["den"]) + grid["per_agency"]
    have = features.equipment.rename(columns={"quantity": "have"})
    grid = grid.merge(have, on=["agency_code", "item"], how="left")
    grid["have"] = grid["have"].fillna(0).astype("int64")
    grid["ok"] = grid["have"] >= grid["needed"]
    return grid


def equipped(param: str = "equipment_norm") -> Criterion:
    """Agencies holding, for every item of the norm, at least
    ``ceil(per_cadre x active cadres) + per_agency``."""

    def fn(features: Features) -> pd.Series:
        grid = _equipment_frame(features, param)
        return (
            grid.groupby("agency_code")["ok"]
            .all()
            .reindex(features.agencies.index, fill_value=True)
        )

    def explain(features: Features, ids: pd.Index, lang: str) -> pd.Series:
        grid = _equipment_frame(features, param)
        bad = grid[~grid["ok"] & grid["agency_code"].isin(ids)]
        names = features.params.get("equipment_names") or {}
        template = label_text("equipment_have", lang)

        # one text per distinct (item, have, needed): the items by their names, not codes
        def texts(d: pd.DataFrame) -> pd.DataFrame:
            return pd.DataFrame(
                {
                    "text": [
                        template.format(item=item_name(i, lang, names), have=h, needed=n)
                        for i, h, n in zip(d["item"], d["have"], d["needed"], strict=True)
                    ]
                },
                dtype=object,
            )

        msg = per_row(bad[["item", "have", "needed"]], texts)["text"]
        return msg.groupby(bad["agency_code"].to_numpy()).agg(", ".join).reindex(ids)

    return Criterion(
        fn,
        Text.of("crit_equipped"),
        explain,
        reads=("equipment",),
    )


def agencies_with_cadres() -> Criterion:
    """Population: agencies with at least one active cadre."""
    return Criterion(
        lambda f: f.agencies["active_cadres"] > 0,
        Text.of("crit_agencies_active"),
    )


def positions_with_quota() -> Criterion:
    """Population: positions with a quota above zero.

    A position held by fewer than its quota, where an assignment row of it was set aside
    by ``--skip-invalid`` (``held_aside``), is left out (:class:`LeftOut`, the reason
    ``holder_set_aside``): whether it is filled cannot be told, and it is never counted
    vacant for a row that was not read."""

    def unknown(f: Features) -> pd.Series:
        return (f.positions["quota"] > 0) & holder_unknown(f.positions)

    return Criterion(
        lambda f: (f.positions["quota"] > 0) & ~unknown(f),
        Text.of("crit_positions_quota"),
        left_out=LeftOut(unknown, "holder_set_aside"),
    )
