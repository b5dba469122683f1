"""Blank rows are found column by column, over the rows still blank so far.

``_without_blank_rows`` stops at the first column filled everywhere (an id) instead of
measuring every cell of a table; the rows it leaves out must stay exactly those whose
every cell is blank (missing, or text of whitespace alone), whatever the column order,
the kinds of cells and the duplicated headers. The reference is the whole-grid test.
"""

from __future__ import annotations

import hypothesis.strategies as st
import numpy as np
import pandas as pd
from hypothesis import given, settings

from cadre_core.roster._reader import _blank_cells, _without_blank_rows


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(0, 12))
    width = draw(st.integers(0, 4))
    kinds = draw(
        st.lists(st.sampled_from(["object", "str", "float"]), min_size=width, max_size=width)
    )
    columns = {}
    for i, kind in enumerate(kinds):
        if kind == "float":
            values = draw(st.lists(st.sampled_from([np.nan, 1.5]), min_size=n, max_size=n))
            columns[i] = pd.Series(values, dtype=float)
        else:
            values = draw(
                st.lists(
                    st.sampled_from([None, "", "  ", "\t", "C001", " x "]), min_size=n, max_size=n
                )
            )
            columns[i] = pd.Series(values, dtype=kind)
    frame = pd.DataFrame(columns, index=range(n))
    frame.columns = pd.Index(["a"] * width, dtype=object)  # one header twice: by position
    return frame


@settings(max_examples=300, deadline=None)
@given(frames())
def test_blank_rows_are_the_rows_of_blank_cells(frame: pd.DataFrame) -> None:
    rows = pd.Series(np.arange(len(frame)) + 1)
    kept, kept_rows = _without_blank_rows(frame, rows)
    if frame.shape[1] == 0 or frame.empty:
        assert kept is frame
        return
    keep = ~_blank_cells(frame).all(axis=1).to_numpy()
    assert kept_rows.tolist() == rows[keep].tolist()
    pd.testing.assert_frame_equal(kept, frame[keep].reset_index(drop=True))


def test_a_filled_first_column_keeps_every_row() -> None:
    frame = pd.DataFrame({"id": ["C1", "C2"], "name": [None, "  "]})
    rows = pd.Series([2, 3])
    kept, kept_rows = _without_blank_rows(frame, rows)
    assert kept is frame and kept_rows is rows


def test_a_row_blank_in_every_column_is_left_out_whatever_the_order() -> None:
    frame = pd.DataFrame({"name": [None, "Lò Văn A", " "], "id": [" ", None, "\t"]})
    kept, kept_rows = _without_blank_rows(frame, pd.Series([2, 3, 4]))
    assert kept_rows.tolist() == [3]
    assert kept["name"].tolist() == ["Lò Văn A"]
