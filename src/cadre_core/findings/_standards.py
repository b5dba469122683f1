"""Standards: leaders who were below their post's standard on the day of appointment
(QĐ 365-QĐ/TW; Decree 33/2023/NĐ-CP Art. 8(3)).

The post's standard and the comparison are the criteria's (:func:`post_minimums`,
:func:`meets_minimum`, also behind ``criteria.meets_post_standards``); the level held on
the day of appointment is the feature frames' rule
(:func:`~cadre_core.features._levels.levels_held`), applied to that day.

A level the input cannot tell (no such column, or its row or cell set aside by
``--skip-invalid``: :mod:`cadre_core.features._known`) is unknown, not absent: the rule
abstains for that cadre on that level (the other level is still judged), and
``national.levels_unknown`` says once per commune how many it could not judge and why. A
start the list did not give (the reader's fill, the list's own day) is not said as the day
of appointment.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.features._keys import lookup, per_row, per_value
from cadre_core.features._levels import levels_held
from cadre_core.findings._common import (
    _at,
    _body_of_bloc,
    _build,
    _cadre_rows,
    _cited,
    _dates_text,
    _locate,
    _p,
    _post_titles,
    _table,
    said,
)
from cadre_core.findings._finding import Finding
from cadre_core.findings._sources import STANDARDS
from cadre_core.findings._unknown import level_known, not_judged
from cadre_core.targets._criteria import meets_minimum, post_minimums
from cadre_core.targets._target import Text
from cadre_core.vocab._enums import LEADERSHIP_CATEGORIES, EducationLevel, TheoryLevel
from cadre_core.vocab._labels import level_name


def _held_on(
    table: pd.DataFrame | None,
    pairs: pd.DataFrame,
    ranks: Mapping[str, int],
    join: tuple[np.ndarray, np.ndarray] | None = None,
) -> pd.Series:
    """Highest known rank held by each (cadre_id, start_date) pair on its start date.

    The table's rows are joined to the pairs on integer codes of the cadre ids: ``join``
    may give them (the pairs' codes, the table's codes; -1 for none), else they are the
    positions among the pairs' distinct cadre ids.
    """
    if table is None:
        return pd.Series(0, index=pairs.index, dtype="int64")
    if join is None:
        codes, uniques = pd.factorize(pairs["cadre_id"])
        tcode = lookup(table["cadre_id"], pd.Index(uniques))
    else:
        codes, tcode = join
    days = pairs["start_date"].to_numpy(dtype="datetime64[us]")
    rank, _ = levels_held(table, ranks, tcode, codes, days)
    return pd.Series(rank, index=pairs.index, name="rank")


def _words(levels: pd.Series, lang: str, kind: str = "education") -> pd.Series:
    """Level codes in words (the label table), one look-up per distinct code."""
    return per_value(levels, lambda v: v.map(lambda c: level_name(c, lang, kind)).astype(object))


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
    used = ["cadre_id", "position_code", "start_date", "start_given", "category", "min_education"]
    used += ["min_theory", "bloc", "commune"]
    return a[[c for c in used if c in a]].iloc[rows].reset_index(drop=True), crow[rows]


def standards_findings(
    features: Features, params: Mapping[str, Any], bodies: Mapping[str, str] | None = None
) -> list[Finding]:
    """Leaders who were below their post's standard on the day of appointment.

    The standard is the position's ``min_education``/``min_theory`` or, when blank, the
    ``default_standards`` parameter of its category (if a plugin declares it). Severity is
    ``error`` when the gap remains on the as-of day, ``info`` when it has since closed. A
    level that is unknown is not judged (see the module docstring), and the cadres not
    judged are said by ``national.levels_unknown``.
    """
    lead, crow = _leaders(features)
    if len(lead) == 0:
        return []
    defaults: Mapping[str, tuple[str | None, str | None]] = _p(params, "default_standards", {})
    need = post_minimums(lead, defaults)
    ed_rank, th_rank = need["ed_rank"].to_numpy(), need["th_rank"].to_numpy()
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
    # unknown, not absent: a level the input cannot tell is not judged
    ed_known, th_known = (
        level_known(features, "degrees", crow),
        level_known(features, "theory", crow),
    )
    ed_gap = ~meets_minimum(ed_then, ed_rank) & ed_known
    th_gap = ~meets_minimum(th_then, th_rank) & th_known
    rule = "national.below_standard_on_appointment"
    source = _cited(params, rule, STANDARDS)
    unknown = pd.concat(
        [
            lead.loc[(need > 0) & ~known, ["cadre_id", "commune"]].assign(table=table)
            for table, need, known in (
                ("degrees", ed_rank, ed_known),
                ("theory", th_rank, th_known),
            )
        ]
    )
    notes = not_judged(features, params, rule, unknown, source)
    bad = ed_gap | th_gap
    if not bad.any():
        return notes
    # on the as-of day: the ranks of the feature frames (the same rule, on that day)
    ed_now = _at(c["education_rank"], crow[bad]).fillna(0).to_numpy()
    th_now = _at(c["theory_rank"], crow[bad]).fillna(0).to_numpy()
    ed_short, th_short = ed_gap[bad], th_gap[bad]
    still = (ed_short & ~meets_minimum(ed_now, ed_rank[bad])) | (
        th_short & ~meets_minimum(th_now, th_rank[bad])
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
        ed = said(
            "finding_below_standard_education",
            level={lang: _words(d["ed_need"], lang) for lang in ("vi", "en")},
        )
        th = said(
            "finding_below_standard_theory",
            level={lang: _words(d["th_need"], lang, "theory") for lang in ("vi", "en")},
        )
        still = Text.of("finding_below_standard_still")
        met = Text.of("finding_below_standard_met")
        return pd.DataFrame(
            {
                **{
                    f"gaps_{lang}": _join(
                        np.where(d["ed_gap"], ed[lang], ""), np.where(d["th_gap"], th[lang], "")
                    )
                    for lang in ("vi", "en")
                },
                **{
                    f"state_{lang}": pd.Series(
                        np.where(d["still"], still.get(lang), met.get(lang)), dtype=object
                    )
                    for lang in ("vi", "en")
                },
                "severity": np.where(d["still"], "error", "info"),
            }
        )

    why = per_row(f[["ed_gap", "ed_need", "th_gap", "th_need", "still"]], reasons)
    start = _dates_text(f["start_date"], "%d/%m/%Y")
    post = _post_titles(features, f["position_code"], f.get("category"))
    fields = {
        "post": post,
        "gaps": {lang: why[f"gaps_{lang}"] for lang in ("vi", "en")},
        "state": {lang: why[f"state_{lang}"] for lang in ("vi", "en")},
    }
    dated = said("finding_below_standard", start=start, **fields)
    undated = said("finding_below_standard_no_day", **fields)
    # a start the list did not give (the list's own day, the reader's fill) is not said
    given = f["start_given"].to_numpy(dtype=bool) if "start_given" in f else np.ones(len(f), bool)
    texts = {lang: dated[lang].where(given, undated[lang]) for lang in ("vi", "en")}
    return (
        _build(
            f,
            rule=rule,
            severity=why["severity"],
            kind="cadre",
            subject=f["cadre_id"],
            vi=texts["vi"],
            en=texts["en"],
            source=source,
            body=_body_of_bloc(f["bloc"], bodies),
            commune=f["commune"].astype(object),
        )
        + notes
    )


__all__ = ["standards_findings"]
