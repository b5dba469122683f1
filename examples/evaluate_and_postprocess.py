"""Evaluate the sample commune from Python and post-process the results with pandas.

Run: ``python examples/evaluate_and_postprocess.py [YYYY-MM-DD]``
"""

from __future__ import annotations

import sys
from fractions import Fraction

import pandas as pd

import cadre_core


def summarise(evaluation: cadre_core.Evaluation) -> dict[str, pd.DataFrame]:
    """Three views of an evaluation: status counts, the gaps, the cadres most behind."""
    frame = evaluation.to_frame()  # one row per (commune, target)

    status = frame.groupby("status", observed=False).size().rename("targets").to_frame()

    gaps = frame[frame["status"] == "not_met"].copy()
    # Exact ratio satisfied/population, shown as a percentage only at the end.
    gaps["ratio"] = [
        Fraction(s, n) for s, n in zip(gaps["satisfied"], gaps["population"], strict=True)
    ]
    gaps["ratio_pct"] = [f"{float(r) * 100:.0f}%" for r in gaps["ratio"]]
    gaps = gaps.sort_values(["shortfall", "id"], ascending=[False, True])[
        ["id", "title", "population", "satisfied", "required", "shortfall", "ratio_pct", "deadline"]
    ]

    # Cadres who fall short of the most unmet targets (ids only: no personal data).
    unmet = frame[(frame["unit"] == "cadres") & (frame["status"] == "not_met")]
    cadre_rows = unmet[["id", "failing"]].explode("failing")
    behind = (
        cadre_rows.dropna()
        .rename(columns={"failing": "cadre_id"})
        .groupby("cadre_id")["id"]
        .agg(targets="count", ids=lambda ids: ", ".join(sorted(ids)))
        .sort_values(["targets"], ascending=False)
        .head(5)
    )
    return {"status": status, "gaps": gaps, "behind": behind}


def main(argv: list[str]) -> int:
    """Evaluate the sample commune as of the day given (default 2026-12-31) and print."""
    as_of = argv[1] if len(argv) > 1 else "2026-12-31"
    evaluation = cadre_core.evaluate(cadre_core.sample_roster(), as_of)
    views = summarise(evaluation)
    print(f"{evaluation.communes[0].commune} as of {evaluation.as_of}")
    with pd.option_context("display.width", 160, "display.max_colwidth", 50):
        for name, view in views.items():
            print(f"\n== {name} ==")
            print(view.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
