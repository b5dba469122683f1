"""The socio-economic indicators and citizens' satisfaction beside the targets (section
II.2.b of a plan): report sections for the HTML/PDF page (one commune or a province) and
the Excel sheet "Chỉ tiêu KT-XH" (plan, actual and scores as exact numbers: numbers in the
workbook, decimal text on the page), built from the evaluation's features through the
findings' own computation (:func:`~cadre_core.findings._indicators.indicator_rows`).
"""

from __future__ import annotations

import pandas as pd

from cadre_core.engine._results import Evaluation
from cadre_core.findings._indicators import (
    attainment,
    fill,
    indicator_rows,
    of_communes,
    period_text,
    satisfaction_rows,
    share_text,
)
from cadre_core.plugins._sections import ReportSection
from cadre_core.vocab._labels import label


def indicator_sections(evaluation: Evaluation, lang: str = "vi") -> list[ReportSection]:
    """The indicators section (a compact table per commune and period: indicator, plan,
    actual, unit, attained, and the period's share met) and, when the roster has
    surveys, the satisfaction section. Without indicators, a section that says so (no
    empty table).

    >>> import cadre_core
    >>> ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31")
    >>> [s.title for s in indicator_sections(ev)]
    ['Chỉ tiêu KT-XH', 'Sự hài lòng của người dân']
    """
    features = evaluation.features
    names = [c.commune for c in evaluation.communes]
    rows = of_communes(indicator_rows(features) if features is not None else None, names)
    sat = of_communes(satisfaction_rows(features) if features is not None else None, names)
    title = label("indicator_sheet", lang)
    out: list[ReportSection] = []
    if rows is None:
        note = label("indicator_none", lang)
        if sat is None:
            note += " " + label("satisfaction_none", lang)
        out.append(ReportSection(title, pd.DataFrame(), note))
    else:
        per = attainment(rows)
        per["_q"] = per["quarter"].fillna(0).astype("int64")
        per["text"] = (
            per["met"].astype(str)
            + "/"
            + per["total"].astype(str)
            + " ("
            + share_text(per["share"], lang)
            + ")"
        )
        keyed = rows.assign(_q=rows["quarter"].fillna(0).astype("int64")).merge(
            per[["commune", "year", "_q", "text"]], on=["commune", "year", "_q"], how="left"
        )
        table = pd.DataFrame(
            {
                label("indicator_col_commune", lang): keyed["commune"],
                label("indicator_col_period", lang): period_text(
                    keyed["year"], keyed["quarter"], lang
                ),
                label("indicator_col_indicator", lang): keyed[f"name_{lang}"],
                label("indicator_col_plan", lang): keyed["plan"],
                label("indicator_col_actual", lang): keyed["actual"],
                label("indicator_col_unit", lang): keyed[f"unit_{lang}"],
                label("indicator_col_attained", lang): keyed["attained"].map(
                    {True: label("indicator_met", lang), False: label("indicator_missed", lang)}
                ),
                label("indicator_col_share", lang): keyed["text"],
            }
        )
        summary = fill(
            label("indicator_summary", lang),
            period=per["commune"].astype(str)
            + " – "
            + period_text(per["year"], per["quarter"], lang),
            met=per["met"],
            total=per["total"],
            share=share_text(per["share"], lang),
        )
        note = label("indicator_section", lang) + ". " + "; ".join(summary.tolist()) + "."
        out.append(ReportSection(title, table, note))
    if sat is not None:
        shares = sat["share"]
        known = shares.notna()
        share_words = pd.Series([""] * len(sat), dtype=object)
        share_words[known.to_numpy()] = share_text(
            shares[known].astype(float).reset_index(drop=True), lang
        ).to_numpy()
        table = pd.DataFrame(
            {
                label("indicator_col_commune", lang): sat["commune"],
                label("indicator_col_period", lang): period_text(sat["year"], sat["quarter"], lang),
                label("satisfaction_col_score", lang): sat["score"],
                label("satisfaction_col_share", lang): share_words,
                label("satisfaction_col_source", lang): sat["source"],
            }
        )
        out.append(ReportSection(label("satisfaction_section", lang), table))
    return out


__all__ = ["indicator_sections"]
