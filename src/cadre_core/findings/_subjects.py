"""Who or what a finding is about, in words: a cadre's name and posts, a position's title,
an agency's name, read from the roster once per evaluation.

The same words name the members of a target in the reports (:func:`unit_names`,
:func:`cadre_posts`), so a person reads the same name for the same id everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.findings._finding import Finding

#: The column that names a member of each unit.
NAME_COLUMNS = {"cadres": "full_name", "positions": "title", "agencies": "name"}

#: The unit of each kind of finding subject that the roster names.
_UNIT_OF_KIND = {"cadre": "cadres", "position": "positions", "agency": "agencies"}


def unit_names(features: Features, unit: str) -> pd.Series:
    """Per member of ``unit`` (ids as text): its name or title ('' when the roster has
    none)."""
    frame = features.unit_frame(unit)
    col = NAME_COLUMNS[unit]
    names = frame[col].astype(object) if col in frame else pd.Series("", index=frame.index)
    names = pd.Series(names.to_numpy(dtype=object), index=frame.index.astype(str), dtype=object)
    return names.fillna("")


def cadre_posts(features: Features) -> pd.Series:
    """Per cadre holding a post on the day (ids as text): the titles of its posts, in the
    order of their codes, ``"; "``-joined (a post without a title by its code)."""
    a = features.assignments[["cadre_id", "position_code"]].drop_duplicates()
    a = a.sort_values(["cadre_id", "position_code"])
    titles = a["position_code"].map(features.positions["title"].astype(object))
    titles = titles.fillna(a["position_code"]).astype(str)
    out: pd.Series = titles.groupby(a["cadre_id"].astype(str).to_numpy()).agg("; ".join)
    return out


def name_subjects(findings: Sequence[Finding], features: Features) -> list[Finding]:
    """``findings`` with ``subject_name`` (and a cadre's ``subject_post``) filled from the
    roster wherever the rule left them blank; a subject the roster does not know keeps
    blank names (its id is printed)."""
    todo = [i for i, f in enumerate(findings) if not f.subject_name]
    if not todo:
        return list(findings)
    frame = pd.DataFrame(
        {
            "kind": [findings[i].subject_kind for i in todo],
            "subject": [str(findings[i].subject) for i in todo],
        }
    )
    name = pd.Series("", index=frame.index, dtype=object)
    post = pd.Series("", index=frame.index, dtype=object)
    for kind, unit in _UNIT_OF_KIND.items():
        sel = frame["kind"] == kind
        if not sel.any():
            continue
        subjects = frame.loc[sel, "subject"]
        names = unit_names(features, unit)
        names = names[~names.index.duplicated()]  # a code twice: its first name
        name[sel] = subjects.map(names).fillna("")
        if unit == "cadres":
            post[sel] = subjects.map(cadre_posts(features)).fillna("")
    communes = frame["kind"] == "commune"
    name[communes] = frame.loc[communes, "subject"]
    out = list(findings)
    for i, n, p in zip(todo, name.tolist(), post.tolist(), strict=True):
        if n or p:
            out[i] = attrs.evolve(out[i], subject_name=str(n), subject_post=str(p))
    return out


__all__ = ["cadre_posts", "name_subjects", "unit_names"]
