"""The vectorised naming of finding subjects gives what the plain pandas formulation gives.

:func:`cadre_core.findings.name_subjects` and :func:`cadre_core.findings.cadre_posts` join
each cadre's post titles with pyarrow and look names up only for the subjects named; the
reference below is the direct formulation (a Python ``"; ".join`` per cadre, ``Series.map``
over every member), kept here to compare against on random small rosters: duplicated ids,
missing names and titles, unknown subjects, both text storages.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

import attrs
import hypothesis.strategies as st
import numpy as np
import pandas as pd
from hypothesis import given, settings

from cadre_core.findings import Finding, cadre_posts, name_subjects

_UNIT_OF_KIND = {"cadre": "cadres", "position": "positions", "agency": "agencies"}
_NAME_COLUMNS = {"cadres": "full_name", "positions": "title", "agencies": "name"}


# ------------------------------------------------------------------------------ reference
def _ref_unit_names(features: Any, unit: str) -> pd.Series:
    frame = features.unit_frame(unit)
    col = _NAME_COLUMNS[unit]
    names = frame[col].astype(object) if col in frame else pd.Series("", index=frame.index)
    names = pd.Series(names.to_numpy(dtype=object), index=frame.index.astype(str), dtype=object)
    return names.fillna("")


def _ref_cadre_posts(features: Any) -> pd.Series:
    a = features.assignments[["cadre_id", "position_code"]].drop_duplicates()
    a = a.sort_values(["cadre_id", "position_code"])
    titles = a["position_code"].map(features.positions["title"].astype(object))
    titles = titles.fillna(a["position_code"]).astype(str)
    out: pd.Series = titles.groupby(a["cadre_id"].astype(str).to_numpy()).agg("; ".join)
    return out


def _ref_name_subjects(findings: Sequence[Finding], features: Any) -> list[Finding]:
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
        names = _ref_unit_names(features, unit)
        names = names[~names.index.duplicated()]
        name[sel] = subjects.map(names).astype(object).fillna("")
        if unit == "cadres":
            post[sel] = subjects.map(_ref_cadre_posts(features)).astype(object).fillna("")
    communes = frame["kind"] == "commune"
    name[communes] = frame.loc[communes, "subject"]
    out = list(findings)
    for i, n, p in zip(todo, name.tolist(), post.tolist(), strict=True):
        if n or p:
            out[i] = attrs.evolve(out[i], subject_name=str(n), subject_post=str(p))
    return out


# ------------------------------------------------------------------------------ rosters
_IDS = st.sampled_from(["C1", "C2", "C3", "C10", "X", "Đ1"])
_CODES = st.sampled_from(["P1", "P2", "P10", "Q", "PX"])
_AGENCIES = st.sampled_from(["A1", "A2", "B"])
_TEXT = st.one_of(st.none(), st.sampled_from(["", "Lò Văn A", "Chủ tịch", "Trưởng; phó", "a"]))


@st.composite
def rosters(draw: st.DrawFn) -> tuple[Any, list[Finding]]:
    storage = draw(st.sampled_from(["object", "str"]))

    def column(values: list[Any]) -> pd.Series:
        return pd.Series(values, dtype=storage)

    def unit(ids_st: st.SearchStrategy[str], col: str, name: str, unique: bool) -> pd.DataFrame:
        ids = draw(st.lists(ids_st, max_size=6, unique=unique))
        names = draw(st.lists(_TEXT, min_size=len(ids), max_size=len(ids)))
        frame = pd.DataFrame({col: column(names)} if draw(st.booleans()) else {})
        frame.index = pd.Index(ids, dtype=storage, name=name)
        return frame if len(frame.columns) else pd.DataFrame(index=frame.index)

    cadres = unit(_IDS, "full_name", "cadre_id", False)
    positions = unit(_CODES, "title", "position_code", True)  # codes are unique
    if "title" not in positions:
        positions["title"] = pd.Series(dtype=storage)
    agencies = unit(_AGENCIES, "name", "agency_code", False)
    pairs = draw(st.lists(st.tuples(_IDS, _CODES), max_size=10))
    assignments = pd.DataFrame(
        {
            "cadre_id": column([c for c, _ in pairs]),
            "position_code": column([p for _, p in pairs]),
        }
    )
    frames = {"cadres": cadres, "positions": positions, "agencies": agencies}
    features = SimpleNamespace(
        assignments=assignments, positions=positions, unit_frame=frames.__getitem__
    )
    kinds = st.sampled_from(["cadre", "position", "agency", "commune"])
    subjects = st.one_of(_IDS, _CODES, _AGENCIES, st.sampled_from(["Xã A", "?"]))
    findings = [
        Finding(
            "national.x",
            "warning",
            kind,
            subject,
            "vi",
            "en",
            "source",
            subject_name=named,
        )
        for kind, subject, named in draw(
            st.lists(st.tuples(kinds, subjects, st.sampled_from(["", "", "Đã có tên"])))
        )
    ]
    return features, findings


@settings(max_examples=300, deadline=None)
@given(rosters())
def test_name_subjects_is_the_reference(case: tuple[Any, list[Finding]]) -> None:
    features, findings = case
    assert name_subjects(findings, features) == _ref_name_subjects(findings, features)


@settings(max_examples=300, deadline=None)
@given(rosters())
def test_cadre_posts_is_the_reference(case: tuple[Any, list[Finding]]) -> None:
    features, _ = case
    got = cadre_posts(features)
    want = _ref_cadre_posts(features)
    assert got.to_dict() == want.to_dict()
    assert list(got.index) == list(want.index)  # sorted by id as text, like the groupby


def test_cadre_posts_joins_titles_in_code_order() -> None:
    positions = pd.DataFrame(
        {"title": ["Phó Chủ tịch", None, "Chủ tịch"]},
        index=pd.Index(["P2", "P1", "P0"], name="position_code"),
    )
    assignments = pd.DataFrame(
        {
            "cadre_id": ["C1", "C1", "C1", "C2", "C1"],
            "position_code": ["P2", "P1", "P0", "P9", "P2"],
        }
    )
    features = SimpleNamespace(assignments=assignments, positions=positions)
    got = cadre_posts(features).to_dict()
    assert got == {"C1": "Chủ tịch; P1; Phó Chủ tịch", "C2": "P9"}


@settings(max_examples=200, deadline=None)
@given(rosters(), st.lists(_IDS, max_size=4))
def test_cadre_posts_of_some_cadres_are_theirs(
    case: tuple[Any, list[Finding]], only: list[str]
) -> None:
    features, _ = case
    got = cadre_posts(features, np.array(only, dtype=object)).to_dict()
    want = _ref_cadre_posts(features).to_dict()
    assert got == {k: v for k, v in want.items() if k in only}
