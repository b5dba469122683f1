"""A plan applied to a roster: each line's qualification added at its completion date."""

from __future__ import annotations

import attrs
import pandas as pd

from cadre_core.planner._result import Plan
from cadre_core.roster._roster import Roster


def apply_plan(roster: Roster, plan: Plan) -> Roster:
    """``roster`` with every plan line's qualification added at its completion date:
    a ``degrees`` row (level, field), a ``theory`` row, or a ``trainings`` row (topics)."""
    if not plan.lines:
        return roster
    progs = {p.code: p for p in plan.catalogue}
    lines = pd.DataFrame(
        {
            "cadre_id": [x.cadre_id for x in plan.lines],
            "programme": [x.programme for x in plan.lines],
            "end": pd.to_datetime([x.end_date for x in plan.lines]).astype("datetime64[us]"),
            "field": [x.field for x in plan.lines],
        }
    )
    kind = lines["programme"].map({c: p.kind for c, p in progs.items()})
    level = lines["programme"].map({c: p.level for c, p in progs.items()})
    tables: dict[str, pd.DataFrame] = {}
    deg = lines[kind == "degree"]
    if len(deg):
        old = roster.degrees
        new = pd.DataFrame(
            {
                "cadre_id": deg["cadre_id"].to_numpy(),
                "level": level[kind == "degree"].to_numpy(),
                "field": deg["field"].to_numpy(),
                "awarded_date": deg["end"].to_numpy(),
            }
        )
        tables["degrees"] = _append(old, new)
    th = lines[kind == "theory"]
    if len(th):
        new = pd.DataFrame(
            {
                "cadre_id": th["cadre_id"].to_numpy(),
                "level": level[kind == "theory"].to_numpy(),
                "awarded_date": th["end"].to_numpy(),
            }
        )
        tables["theory"] = _append(roster.theory, new)
    tr = lines[kind == "training"]
    if len(tr):
        new = pd.DataFrame(
            {
                "cadre_id": tr["cadre_id"].to_numpy(),
                "topics": tr["programme"].map({c: ";".join(p.topics) for c, p in progs.items()}),
                "completed_date": tr["end"].to_numpy(),
                "course": tr["programme"].map({c: p.name.vi for c, p in progs.items()}),
            }
        )
        tables["trainings"] = _append(roster.trainings, new)
    return attrs.evolve(roster, tables={**roster.tables, **tables})


def _append(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Rows appended with the old table's dtypes (categories kept)."""
    new = new.reindex(columns=old.columns)
    out = pd.concat([old, new.astype(old.dtypes.to_dict())], ignore_index=True)
    return out.astype(old.dtypes.to_dict())


__all__ = ["apply_plan"]
