"""The national evaluation's faster steps give what the steps they replace gave.

Before, naming findings' subjects converted every assignment's cadre id to text and
hashed it against the subjects, gave every assignment row its post title through a
``Series.map`` and sorted the rows as text; the feature frames turned every cadre's and
post's commune into a Python object one row at a time, and every finding's two titles
were looked up in the label table once per finding. Each is now done once per distinct
value; these tests compare them with the direct formulation.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import hypothesis.strategies as st
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings

from cadre_core.features._keys import _objects
from cadre_core.findings import Finding, cadre_posts
from cadre_core.vocab._labels import rule_title

_TEXT = st.one_of(st.none(), st.sampled_from(["", "Xã A", "xã a", "Đ", "B"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, max_size=12), st.sampled_from(["object", "str"]), _TEXT)
def test_objects_is_astype_object_fillna(values: list[Any], storage: str, blank: Any) -> None:
    """Each distinct value made an object once: the same values, missing ones filled."""
    s = pd.Series(values, dtype=storage, index=pd.RangeIndex(len(values)) * 2, name="commune")
    got = _objects(s, blank)
    want = s.astype(object).fillna(blank)
    assert got.dtype == object and got.name == "commune"
    assert list(got.index) == list(want.index)
    assert [None if pd.isna(v) else v for v in got] == [None if pd.isna(v) else v for v in want]


def _ref_posts(features: Any, only: list[str]) -> dict[str, str]:
    """The formulation before: rows filtered as text, sorted, titles by ``Series.map``."""
    a = features.assignments[["cadre_id", "position_code"]]
    a = a[a["cadre_id"].astype(str).isin(only).to_numpy()].drop_duplicates()
    a = a.sort_values(["cadre_id", "position_code"])
    titles = a["position_code"].map(features.positions["title"].astype(object)).astype(object)
    titles = titles.fillna(a["position_code"].astype(object)).astype(str)
    codes, ids = pd.factorize(a["cadre_id"].astype(str).to_numpy(), sort=True)
    order = np.argsort(codes, kind="stable")
    offsets = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum(np.bincount(codes, minlength=len(ids)), out=offsets[1:])
    lists = pa.ListArray.from_arrays(
        pa.array(offsets), pa.array(titles.to_numpy(dtype=object)[order], type=pa.string())
    )
    return dict(zip(ids, pc.binary_join(lists, "; ").to_pylist(), strict=True))


def test_cadre_posts_of_subjects_absent_or_twice() -> None:
    """Subjects asked twice or holding no post: each holder once, the others absent."""
    positions = pd.DataFrame(
        {"title": ["Chủ tịch", None]}, index=pd.Index(["P2", "P1"], dtype="str")
    )
    assignments = pd.DataFrame(
        {
            "cadre_id": pd.Series(["C2", "C1", "C1", "C3", "C1"], dtype=object),
            "position_code": pd.Series(["P2", "P2", "P1", "P9", "P2"], dtype=object),
        }
    )
    features = SimpleNamespace(assignments=assignments, positions=positions)
    only = ["C1", "C1", "nobody", "C3"]
    got = cadre_posts(features, np.array(only, dtype=object)).to_dict()
    assert got == {"C1": "P1; Chủ tịch", "C3": "P9"} == _ref_posts(features, only)


def test_cadre_posts_with_a_blank_code_as_before() -> None:
    """A blank post code (never in a roster read) gives what it gave before."""
    positions = pd.DataFrame({"title": ["Chủ tịch"]}, index=pd.Index(["P2"], dtype=object))
    assignments = pd.DataFrame(
        {
            "cadre_id": pd.Series(["C1", "C1", "C2"], dtype=object),
            "position_code": pd.Series([None, "P2", "P2"], dtype=object),
        }
    )
    features = SimpleNamespace(assignments=assignments, positions=positions)
    only = ["C1", "C2"]
    assert _outcome(lambda: cadre_posts(features, np.array(only, dtype=object)).to_dict()) == (
        _outcome(lambda: _ref_posts(features, only))
    )


def _outcome(work: Callable[[], object]) -> object:
    """What ``work`` gives, or the type of what it raises."""
    try:
        return work()
    except Exception as exc:
        return type(exc)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["national.vacancy", "national.surplus", "plugin.own_rule"]),
    st.sampled_from(["", "Tiêu đề riêng"]),
    st.sampled_from(["", "Own title"]),
)
def test_finding_json_titles_are_its_titles(rule: str, vi: str, en: str) -> None:
    """The titles read once per rule are the finding's own, else the label table's."""
    f = Finding(rule, "info", "cadre", "C1", "m", "m", "s", title_vi=vi, title_en=en)
    item = f.to_json()
    assert (item["title"], item["title_en"]) == (f.title("vi"), f.title("en"))
    assert item["title"] == (vi or rule_title(rule, "vi"))
    assert item["title_en"] == (en or rule_title(rule, "en"))
