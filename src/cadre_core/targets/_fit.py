"""The fit of degrees to posts: whether each cadre holds, on the day, a degree fitting the
fields of every post it holds that asks for fields (target 1b of a resolution, "chuyên
môn phù hợp vị trí việc làm"), as a criterion and its population.

The fit is one frame per (cadre, post with accepted fields), computed once per feature
frames (:meth:`Features.once`) and read by the population, the criterion and who the
population leaves out. A degree whose field the input does not give fits no field, and
its holder's fit is unknown: left out of the population (:class:`LeftOut`), with the
reason ``fields_unknown`` when no one is left.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.features._keys import lookup, map_values
from cadre_core.features._known import level_unknown
from cadre_core.targets._criteria import Criterion, _all_per_cadre
from cadre_core.targets._target import LEVEL_UNKNOWN, LeftOut, Text
from cadre_core.vocab._enums import EducationLevel
from cadre_core.vocab._labels import label

__all__ = ["fields_fit", "holds_position_with_fields"]


def _fit_frame(features: Features) -> pd.DataFrame:
    """Per (cadre, position with accepted fields), in that order: does the cadre hold, on
    the day, a degree of at least the position's minimum level in one of its fields
    (``ok``)? And where not, is that unknown (``unknown``): a degree of that level whose
    field is unknown (``field_known`` false) might be in one.

    Integer work throughout: each distinct field list is split once, and (cadre, field)
    pairs are integer keys looked up against the best degree rank per pair.
    """
    a = features.assignments
    a = a[a["accepted_fields"].notna()].drop_duplicates(["cadre_id", "position_code"])
    # each distinct list of fields, split once
    list_code, lists = pd.factorize(a["field_keys"])
    split = [[f.strip() for f in str(v).split(";")] for v in lists]
    deg = features.degrees
    deg_code, deg_fields = pd.factorize(deg["field_key"])
    wanted = [f for fs in split for f in fs]
    vocab = pd.Index(pd.unique(pd.Index(wanted + list(deg_fields), dtype=object)))
    per_list = np.array([len(fs) for fs in split] + [0], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(per_list)])
    flat = vocab.get_indexer(pd.Index(wanted, dtype=object))
    counts = per_list[list_code]
    row = np.repeat(np.arange(len(a)), counts)
    k = np.arange(len(row)) - np.repeat(np.cumsum(counts) - counts, counts)
    field = flat[starts[list_code[row]] + k] if len(row) else np.zeros(0, dtype=np.int64)
    # best degree rank per (active cadre, field), as integer keys
    index = features.cadres.index
    width = len(vocab) + 1
    deg_field = np.append(vocab.get_indexer(pd.Index(deg_fields, dtype=object)), -1)[deg_code]
    deg_cadre = lookup(deg["cadre_id"], index)
    mine = (deg_cadre >= 0) & (deg_field >= 0)
    d_key = deg_cadre[mine] * width + deg_field[mine]
    best = pd.Series(deg["rank"].to_numpy(dtype=np.int64)[mine]).groupby(d_key).max()
    a_cadre = lookup(a["cadre_id"], index)
    at = best.index.get_indexer(pd.Index(a_cadre[row] * width + field))
    # -1 (no such degree) picks the sentinel -1 appended after the best ranks
    have = np.where(a_cadre[row] >= 0, np.append(best.to_numpy(), -1)[at], -1)
    need = _ranks_of(a["min_education"], EducationLevel.ranks())
    ok_pair = have >= need[row]
    ok = np.bincount(row[ok_pair], minlength=len(a)) > 0
    # the best rank of a degree whose field is unknown, per active cadre (-1: none)
    known = deg["field_known"].fillna(True) if "field_known" in deg else None
    blind = (deg_cadre >= 0) & (False if known is None else ~known.to_numpy(dtype=bool))
    unknown_rank = np.full(len(index) + 1, -1, dtype=np.int64)
    np.maximum.at(unknown_rank, deg_cadre[blind], deg["rank"].to_numpy(dtype=np.int64)[blind])
    unknown = ~ok & (unknown_rank[a_cadre] >= need)
    out = pd.DataFrame(
        {
            "cadre_id": a["cadre_id"].to_numpy(dtype=object),
            "position_code": a["position_code"].to_numpy(dtype=object),
            "ok": ok,
            "unknown": unknown,
        }
    )
    return out.sort_values(["cadre_id", "position_code"], kind="stable").reset_index(drop=True)


def _ranks_of(levels: pd.Series, ranks: dict[str, int]) -> np.ndarray:
    """The rank of each level (0 where blank or unknown), mapping each category once."""
    mapped = map_values(levels, ranks).astype("float64")
    return np.asarray(mapped.fillna(0).to_numpy(dtype=np.int64))


def _fit(features: Features) -> pd.DataFrame:
    """:func:`_fit_frame` of ``features``, computed once for all that read it."""
    return features.once("fields_fit", _fit_frame)


def _holders(features: Features) -> tuple[np.ndarray, np.ndarray]:
    """Per active cadre (``features.cadres``): does it hold an active post with accepted
    fields, and is its fit unknown (no post it holds known not to fit, and one that might fit
    in the field of a degree whose field is unknown)? Computed once."""

    def make(f: Features) -> tuple[np.ndarray, np.ndarray]:
        a = f.assignments
        ids = a.loc[a["accepted_fields"].notna(), "cadre_id"].unique()
        per = _fit(f)
        failed = per.loc[~per["ok"] & ~per["unknown"], "cadre_id"]
        unknown = per.loc[per["unknown"] & ~per["cadre_id"].isin(failed), "cadre_id"]
        index = f.cadres.index
        return np.asarray(index.isin(ids)), np.asarray(index.isin(unknown))

    return features.once("fields_fit_holders", make)


def fields_fit() -> Criterion:
    """For every active position with accepted fields: a degree on the day, at least the
    position's minimum level, in one of its fields. A degree whose field is unknown fits
    no field; :func:`holds_position_with_fields` leaves its holder out (unknown). A cadre
    that does not fit, whose degree ``--skip-invalid`` set aside, is not judged
    (:attr:`Criterion.unjudged`): the degree set aside might fit.

    >>> fields_fit().reads, fields_fit().unjudged.reason
    (('degrees', 'positions.accepted_fields'), 'level_unknown')
    """

    def fn(features: Features) -> pd.Series:
        per = _fit(features)
        return _all_per_cadre(per["cadre_id"], per["ok"].to_numpy(), features.cadres.index, False)

    def unjudged(features: Features) -> pd.Series:
        unknown = pd.Series(level_unknown(features, "degrees"), index=features.cadres.index)
        return unknown & ~fn(features)

    def explain(features: Features, ids: pd.Index, lang: str) -> pd.Series:
        per = _fit(features)
        bad = per[~per["ok"] & per["cadre_id"].isin(ids)]
        pos = features.positions["title"].astype(object).fillna("")
        fld = features.positions["accepted_fields"].astype(object).fillna("")
        template = label("crit_fields_fit_missing", lang)
        said = {
            code: template.format(post=pos[code], fields=fld[code])
            for code in bad["position_code"].unique()
        }
        msg = bad["position_code"].map(said).astype(object)
        return msg.groupby(bad["cadre_id"]).agg("; ".join).reindex(ids)

    return Criterion(
        fn,
        Text.of("crit_fields_fit"),
        explain,
        reads=("degrees", "positions.accepted_fields"),
        unjudged=LeftOut(unjudged, LEVEL_UNKNOWN),
    )


def holds_position_with_fields() -> Criterion:
    """Population: active cadres holding an active position with accepted fields, but
    those whose fit is unknown: no post of theirs is known not to fit, and one might fit
    in the field of a degree whose field is unknown (a list that writes "Đại học" for
    one person and "Đại học Luật" for another tells the field of the second only). Those
    it leaves out are its :attr:`Criterion.left_out`, with the reason ``fields_unknown``.

    >>> pop = holds_position_with_fields()
    >>> pop.reads, pop.left_out.reason
    (('positions.accepted_fields',), 'fields_unknown')
    """

    def fn(features: Features) -> pd.Series:
        holds, unknown = _holders(features)
        return pd.Series(holds & ~unknown, index=features.cadres.index)

    def unknown(features: Features) -> pd.Series:
        return pd.Series(_holders(features)[1].copy(), index=features.cadres.index)

    return Criterion(
        fn,
        Text.of("crit_fields_holders"),
        reads=("positions.accepted_fields",),
        left_out=LeftOut(unknown, "fields_unknown"),
    )
