"""Generic criteria over the roster's fields, for targets and the official forms.

A value of a column in a set, an age band, a boolean field, a category held, a level held,
a record of the reporting year, and their combinations. Each says which roster fields it
reads (:attr:`Criterion.reads`, ``table.column``), so that a count over a field the input
did not inform is left blank rather than given as zero. Published to plugin authors with
the other criteria as :mod:`cadre_core.criteria`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.features._known import level_unknown
from cadre_core.targets._criteria import Criterion
from cadre_core.targets._target import LEVEL_UNKNOWN, LeftOut, Text
from cadre_core.vocab._labels import LANGS, label

__all__ = [
    "age_between",
    "all_of",
    "any_of",
    "assignment_flag",
    "awarded_in_year",
    "everyone",
    "field_flag",
    "holds_category",
    "level_in",
    "list_contains",
    "negated",
    "not_informed",
    "number_between",
    "past_retirement_age",
    "planned_for",
    "trained_in_year",
    "value_in",
]


def everyone(requirement: Text | None = None, *, unit: str = "cadres") -> Criterion:
    """Population: every member of the unit (every active cadre by default).

    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> int(everyone()(f).sum()) == len(f.cadres)
    True
    """
    text = requirement or Text.of("crit_total")
    return Criterion(lambda f: pd.Series(True, index=f.unit_frame(unit).index, dtype=bool), text)


def age_between(low: int | None = None, high: int | None = None) -> Criterion:
    """Whole years of age on the as-of day within ``low``..``high`` (both inclusive; None:
    open). An unknown birth date is in no band.

    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> young, old = age_between(None, 40)(f), age_between(41, None)(f)
    >>> bool((young ^ old).all())
    True
    """
    if low is None and high is None:
        raise ValueError("give low, high or both")

    def fn(features: Features) -> pd.Series:
        age = features.cadres["age"]  # whole years on the day (the feature frame's)
        ok = pd.Series(True, index=age.index)
        if low is not None:
            ok &= age >= low
        if high is not None:
            ok &= age <= high
        return ok.fillna(False).astype(bool)

    if low is None:
        text = Text.of("crit_aged_under", high=high)
    elif high is None:
        text = Text.of("crit_aged_over", low=low)
    else:
        text = Text.of("crit_aged_between", low=low, high=high)
    return Criterion(fn, text, reads=("cadres.birth_date",))


def value_in(
    column: str, codes: Sequence[str], requirement: Text, field: str, *, unit: str = "cadres"
) -> Criterion:
    """The unit frame's ``column`` holds one of ``codes`` (a blank is ``none``, counted
    only when ``none`` is among them); ``field`` is the roster field it comes from
    ("cadres.grade").

    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> c = value_in("education", ["dai_hoc"], Text("đại học", "university"), "degrees.level")
    >>> c.reads, int(c(f).sum()) == int((f.cadres["education"] == "dai_hoc").sum())
    (('degrees.level',), True)
    """
    wanted = list(codes)

    def fn(features: Features) -> pd.Series:
        frame = features.unit_frame(unit)
        if column not in frame.columns:
            return pd.Series(False, index=frame.index, dtype=bool)
        have = frame[column].astype(object)
        ok = have.isin(wanted)
        if "none" in wanted:
            ok |= have.isna()
        return pd.Series(ok.to_numpy(dtype=bool), index=frame.index)

    return Criterion(fn, requirement, reads=(field,))


def field_flag(column: str, requirement: Text, field: str, *, unit: str = "cadres") -> Criterion:
    """A boolean column of the unit frame (missing = no) read from roster field ``field``.

    >>> field_flag("is_female", Text("nữ", "women"), "cadres.gender").reads
    ('cadres.gender',)
    """

    def fn(features: Features) -> pd.Series:
        frame = features.unit_frame(unit)
        if column not in frame.columns:
            return pd.Series(False, index=frame.index, dtype=bool)
        return frame[column].astype("boolean").fillna(False).astype(bool)

    return Criterion(fn, requirement, reads=(field,))


def number_between(
    column: str, low: int | None, high: int | None, requirement: Text, field: str
) -> Criterion:
    """A whole-number cadre column within ``low``..``high`` (inclusive; None: open).

    >>> number_between("insurance_years", 15, 20, Text("15-20", "15-20"), "x.y").reads
    ('x.y',)
    """

    def fn(features: Features) -> pd.Series:
        c = features.cadres
        if column not in c.columns:
            return pd.Series(False, index=c.index, dtype=bool)
        v = pd.to_numeric(c[column], errors="coerce")
        ok = v.notna()
        if low is not None:
            ok &= v >= low
        if high is not None:
            ok &= v <= high
        return ok.fillna(False).astype(bool)

    return Criterion(fn, requirement, reads=(field,))


def list_contains(column: str, code: str, requirement: Text, field: str) -> Criterion:
    """A ``;``-list cadre column (``council_deputy``: ``commune;district``) holds ``code``.

    >>> list_contains("council_deputy", "commune", Text("xã", "commune"), "c.d").reads
    ('c.d',)
    """

    def fn(features: Features) -> pd.Series:
        c = features.cadres
        if column not in c.columns:
            return pd.Series(False, index=c.index, dtype=bool)
        text = ";" + c[column].astype(object).fillna("").astype(str).str.replace(" ", "") + ";"
        return pd.Series(
            text.str.contains(f";{code};", regex=False).to_numpy(dtype=bool), index=c.index
        )

    return Criterion(fn, requirement, reads=(field,))


def holds_category(categories: Sequence[str], requirement: Text) -> Criterion:
    """Holds, on the day, a post of one of the position ``categories``.

    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> int(holds_category(["party_secretary"], Text("Bí thư", "Secretary"))(f).sum())
    1
    """
    cols = [f"holds_{c}" for c in categories]

    def fn(features: Features) -> pd.Series:
        c = features.cadres
        have = [col for col in cols if col in c.columns]
        if not have:
            return pd.Series(False, index=c.index, dtype=bool)
        return c[have].any(axis=1).astype(bool)

    return Criterion(fn, requirement, reads=("positions.category",))


def level_in(levels: Sequence[str], requirement: Text, *, kind: str = "education") -> Criterion:
    """The highest degree (``kind`` ``education``) or theory level (``theory``) held on
    the day is one of ``levels``; none held is ``none`` in ``levels``. A cadre whose level
    ``--skip-invalid`` set aside is not judged (:attr:`Criterion.unjudged`).

    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> none = level_in(["none"], Text("chưa qua đào tạo", "no degree"))
    >>> int(none(f).sum()) == int(f.cadres["education"].isna().sum())
    True
    >>> int(none.unjudged.members(f).sum()), none.unjudged.reason
    (0, 'level_unknown')
    """
    column, table = ("theory", "theory") if kind == "theory" else ("education", "degrees")
    wanted = [v for v in levels if v != "none"]

    def fn(features: Features) -> pd.Series:
        have = features.cadres[column].astype(object)
        ok = have.isin(wanted)
        if "none" in levels:
            ok |= have.isna()
        return pd.Series(ok.to_numpy(dtype=bool), index=have.index)

    def unjudged(features: Features) -> pd.Series:
        return pd.Series(level_unknown(features, table), index=features.cadres.index)

    return Criterion(
        fn, requirement, reads=(f"{table}.level",), unjudged=LeftOut(unjudged, LEVEL_UNKNOWN)
    )


def _year_window(features: Features) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The reporting year of a form: 1 January of the as-of day's year to the day."""
    day = pd.Timestamp(features.as_of)
    return pd.Timestamp(day.year, 1, 1), day


def _per_cadre(features: Features, cadre_ids: pd.Series) -> pd.Series:
    """Per active cadre: is it among ``cadre_ids``?"""
    index = features.cadres.index
    return pd.Series(index.isin(pd.Index(cadre_ids.astype(object))), index=index)


def _where(rows: pd.DataFrame, column: str, values: Sequence[str] | None) -> pd.Series:
    """Rows whose ``column`` holds one of ``values`` (every row for None; none when the
    table has no such column)."""
    if values is None:
        return pd.Series(True, index=rows.index)
    if column not in rows.columns:
        return pd.Series(False, index=rows.index)
    return rows[column].astype(object).isin(list(values))


def awarded_in_year(
    table: str,
    levels: Sequence[str],
    requirement: Text,
    *,
    column: str | None = None,
    values: Sequence[str] | None = None,
) -> Criterion:
    """A ``degrees`` or ``theory`` record of one of ``levels`` awarded in the reporting
    year (1 January of the as-of day's year to the day), optionally with ``column`` (the
    degree's ``study_place``, the theory's ``study_mode``) one of ``values``.

    >>> c = awarded_in_year("theory", ["trung_cap"], Text("TC", "TC"), column="study_mode",
    ...                     values=["full_time"])
    >>> c.reads
    ('theory.awarded_date', 'theory.study_mode')
    """

    def fn(features: Features) -> pd.Series:
        rows = features.tables.get(table)
        if rows is None or not len(rows):
            return pd.Series(False, index=features.cadres.index, dtype=bool)
        start, end = _year_window(features)
        when = rows["awarded_date"]
        ok = (when >= start) & (when <= end) & rows["level"].astype(object).isin(list(levels))
        ok &= _where(rows, column or "", values)
        return _per_cadre(features, rows.loc[ok.fillna(False).astype(bool), "cadre_id"])

    reads = (f"{table}.awarded_date",) + ((f"{table}.{column}",) if column else ())
    return Criterion(fn, requirement, reads=reads)


def trained_in_year(
    topics: Sequence[str],
    requirement: Text,
    *,
    places: Sequence[str] | None = None,
    ever: bool = False,
) -> Criterion:
    """A training completed in the reporting year (``ever``: on or before the day)
    covering one of ``topics``, optionally held in one of ``places`` (the training's
    ``place``: ``domestic``, ``abroad``).

    >>> trained_in_year(["it"], Text("Tin học", "IT")).reads
    ('trainings.topics',)
    """

    def fn(features: Features) -> pd.Series:
        rows = features.tables.get("trainings")
        if rows is None or not len(rows):
            return pd.Series(False, index=features.cadres.index, dtype=bool)
        start, end = _year_window(features)
        start = pd.Timestamp.min if ever else start
        when = rows["completed_date"]
        listed = ";" + rows["topics"].astype(object).fillna("").astype(str) + ";"
        about = pd.Series(False, index=rows.index)
        for topic in topics:  # one vectorised pass per topic of the form's row
            about |= listed.str.contains(f";{topic};", regex=False)
        ok = (when >= start) & (when <= end) & about & _where(rows, "place", places)
        return _per_cadre(features, rows.loc[ok.fillna(False).astype(bool), "cadre_id"])

    reads = ("trainings.topics",) + (("trainings.place",) if places is not None else ())
    return Criterion(fn, requirement, reads=reads)


def planned_for(categories: Sequence[str], requirement: Text) -> Criterion:
    """Population: cadres in the succession pool (approved on or before the day) of a
    post of one of the position ``categories``.

    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> int(planned_for(["party_secretary"], Text("Bí thư", "Secretary"))(f).sum()) >= 1
    True
    """

    def fn(features: Features) -> pd.Series:
        pool = features.tables.get("succession")
        if pool is None or not len(pool):
            return pd.Series(False, index=features.cadres.index, dtype=bool)
        day = pd.Timestamp(features.as_of)
        cat = (
            pool["position_code"].astype(object).map(features.positions["category"].astype(object))
        )
        ok = cat.isin(list(categories))
        if "added_date" in pool.columns:
            ok &= pool["added_date"].isna() | (pool["added_date"] <= day)
        return _per_cadre(features, pool.loc[ok.fillna(False).astype(bool), "cadre_id"])

    return Criterion(fn, requirement, reads=("succession", "positions.category"))


def past_retirement_age() -> Criterion:
    """Past the statutory retirement age on the day (Decree 135/2020, by birth month).

    >>> past_retirement_age().reads
    ('cadres.birth_date', 'cadres.gender')
    """
    from cadre_core.vocab._retirement import retirement_dates

    def fn(features: Features) -> pd.Series:
        c = features.cadres
        gender = c["gender"].astype(object)
        known = c["birth_date"].notna() & gender.isin(["male", "female"])
        past = pd.Series(False, index=c.index, dtype=bool)
        if known.any():
            when = retirement_dates(c.loc[known, "birth_date"], gender[known])
            past[known] = np.asarray(when < pd.Timestamp(features.as_of), dtype=bool)
        return past

    return Criterion(
        fn,
        Text.of("crit_past_retirement"),
        reads=("cadres.birth_date", "cadres.gender"),
    )


def not_informed(field: str, requirement: Text) -> Criterion:
    """A count the roster format has no field for (``field`` names it, e.g.
    ``trainings.subject_group``): every cell that uses it is left blank and listed.

    >>> not_informed("trainings.subject_group", Text("đối tượng 1", "group 1")).reads
    ('trainings.subject_group',)
    """
    return Criterion(
        lambda f: pd.Series(False, index=f.cadres.index, dtype=bool), requirement, reads=(field,)
    )


def _joined(word: str, criteria: Sequence[Criterion]) -> Text:
    """The requirements of ``criteria`` joined by the label ``word`` (and, or)."""
    vi, en = (label(word, lang).join(c.requirement.get(lang) for c in criteria) for lang in LANGS)
    return Text(vi, en)


def all_of(*criteria: Criterion, requirement: Text | None = None) -> Criterion:
    """Every one of ``criteria`` holds (their fields all read).

    >>> from cadre_core.criteria import is_female, is_minority
    >>> both = all_of(is_female(), is_minority())
    >>> both.reads, both.requirement.vi
    (('cadres.gender', 'cadres.ethnicity'), 'là nữ và là người dân tộc thiểu số')
    """
    if not criteria:
        raise ValueError("give at least one criterion")

    def fn(features: Features) -> pd.Series:
        out = criteria[0](features).astype(bool)
        for c in criteria[1:]:
            out = out & c(features).astype(bool)
        return out

    text = requirement or _joined("crit_and", criteria)
    reads = tuple(dict.fromkeys(r for c in criteria for r in c.reads))
    return Criterion(fn, text, reads=reads)


def any_of(*criteria: Criterion, requirement: Text | None = None) -> Criterion:
    """At least one of ``criteria`` holds (their fields all read).

    >>> from cadre_core.criteria import is_female, is_minority
    >>> any_of(is_female(), is_minority()).requirement.en
    'is a woman or belongs to an ethnic minority'
    """
    if not criteria:
        raise ValueError("give at least one criterion")

    def fn(features: Features) -> pd.Series:
        out = criteria[0](features).astype(bool)
        for c in criteria[1:]:
            out = out | c(features).astype(bool)
        return out

    text = requirement or _joined("crit_or", criteria)
    reads = tuple(dict.fromkeys(r for c in criteria for r in c.reads))
    return Criterion(fn, text, reads=reads)


def negated(criterion: Criterion, requirement: Text) -> Criterion:
    """``criterion`` does not hold (same fields read).

    >>> negated(cadre_core.criteria.is_female(), Text("là nam", "is a man")).reads
    ('cadres.gender',)
    """
    return Criterion(lambda f: ~criterion(f).astype(bool), requirement, reads=criterion.reads)


def assignment_flag(column: str, requirement: Text, field: str) -> Criterion:
    """Holds, on the day, an assignment whose boolean ``column`` is set (``rotation``).

    >>> assignment_flag("rotation", Text("luân chuyển", "rotated"), "assignments.rotation").reads
    ('assignments.rotation',)
    """

    def fn(features: Features) -> pd.Series:
        a = features.assignments
        if column not in a.columns:
            return pd.Series(False, index=features.cadres.index, dtype=bool)
        on = a[column].astype("boolean").fillna(False).astype(bool)
        return _per_cadre(features, a.loc[on, "cadre_id"])

    return Criterion(fn, requirement, reads=(field,))
