"""The reader's fast paths for pyarrow-backed columns (parquet) give what the general paths give.

Reading a parquet roster cleans text in arrow (ASCII columns all at once, without the
whitespace regular expression when no value needs it), takes date columns as they are,
skips the legacy-encoding detector on ASCII columns and looks references up with
``pyarrow.compute.is_in``. Each shortcut rests on a fact checked here, and each must give
exactly the frames and problems of the general path (the same data as ``object`` columns).
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core import Roster, RosterError, read_roster
from cadre_core.roster import _normalize as nz
from cadre_core.roster._synth import synth_roster
from cadre_core.roster._validate import _unknown
from cadre_core.vocab._vntext import detect_legacy_encoding

TEXT = nz.TEXT_DTYPE

# ----------------------------------------------------------------------------- the facts


def test_whitespace_pattern_matches_exactly_ascii_tab_lf_ff_cr_and_space() -> None:
    """``\\s`` (RE2) is ``[\\t\\n\\f\\r ]``: other texts pass the regex unchanged."""
    chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
    arr = pa.array([f"a{c}b" for c in chars], pa.large_string())
    out = pc.replace_substring_regex(arr, r"\s+", " ").to_pylist()
    changed = {c for c, o in zip(chars, out, strict=True) if o != f"a{c}b"}
    assert changed == {"\t", "\n", "\x0c", "\r"}
    assert pc.replace_substring_regex(pa.array(["a  b", "a b"]), r"\s+", " ").to_pylist() == [
        "a b",
        "a b",
    ]


def test_nfc_leaves_ascii_text_unchanged() -> None:
    chars = [chr(i) for i in range(128)]
    texts = chars + [a + b for a in chars for b in chars]
    assert pc.utf8_normalize(pa.array(texts), "NFC").to_pylist() == texts
    assert all(unicodedata.normalize("NFC", t) == t for t in texts)


@settings(max_examples=200, deadline=None)
@given(st.sets(st.text(alphabet=st.characters(max_codepoint=127), max_size=12), max_size=30))
def test_ascii_values_are_never_legacy_text(values: set[str]) -> None:
    assert detect_legacy_encoding(values) is None


# ------------------------------------------------------------------------ column level

_PIECES = ["a", "B", "01", "-", "_", " ", "  ", "\t", "\n", "\r", "\x0c", "\x0b", "\xa0", "é"]
_PIECES += ["Đ", "\u2003", "\u200b", "1001.0", ""]
_PIECES += [unicodedata.normalize("NFD", t) for t in ("Lò", "Nguyễn", "ế", "Ư")]


def _texts(rnd: random.Random, n: int, pieces: list[str], distinct: int) -> list[str | None]:
    pool: list[str | None] = [
        "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 6))) for _ in range(distinct)
    ]
    pool.append(None)
    return [rnd.choice(pool) for _ in range(n)]


def _chunked(values: list[str | None], cuts: int) -> pd.Series:
    """A ``str`` column over several chunks, slices of one buffer (as parquet gives)."""
    whole = pa.array(values, pa.large_string())
    step = max(1, len(values) // cuts)
    chunks = [whole.slice(i, step) for i in range(0, len(values), step)]
    return pd.Series(pd.array(pa.chunked_array(chunks, pa.large_string()), dtype=TEXT))


@pytest.mark.parametrize("seed", range(40))
def test_text_cleaning_of_arrow_columns_matches_object_columns(seed: int) -> None:
    rnd = random.Random(seed)
    ascii_only = seed % 2 == 0
    pieces = [p for p in _PIECES if p.isascii()] if ascii_only else _PIECES
    if seed % 4 < 2:  # no runs of whitespace
        pieces = [p for p in pieces if p not in ("  ", "\t", "\n", "\r", "\x0c")]
    n = rnd.choice([10, 63, 64, 200, 3000])
    values = _texts(rnd, n, pieces, distinct=rnd.choice([3, 50, 5000]))
    column = _chunked(values, cuts=rnd.choice([1, 3, 7]))
    got = nz.to_text(column)
    want = nz.to_text(pd.Series(values, dtype=object))
    pd.testing.assert_series_equal(got, want, check_exact=True)
    assert got.dtype == TEXT
    assert nz.arrow_text(got) is not None and nz.arrow_text(got).type == pa.large_string()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=8)), max_size=40), st.integers(1, 5))
def test_run_search_never_misses_a_run(values: list[str | None], cuts: int) -> None:
    column = _chunked(values, cuts)
    data = nz.arrow_text(column)
    assert data is not None
    if not pc.replace_substring_regex(data, r"\s+", " ").equals(data):
        assert nz._runs_in(nz._text_bytes(data))


def test_sliced_chunks_are_searched_in_their_buffer() -> None:
    """Two chunks sliced from one buffer: its text is searched once, and whole."""
    whole = pa.array(["ab", "c\td", "ef"], pa.large_string())
    assert nz._runs_in(nz._text_bytes(pa.chunked_array([whole.slice(0, 1), whole.slice(1, 2)])))
    assert not nz._runs_in(
        nz._text_bytes(pa.chunked_array([pa.array(["a b", "c"], pa.large_string())]))
    )


@pytest.mark.parametrize("unit", ["ns", "us", "s"])
def test_date_columns_are_taken_as_they_are(unit: str) -> None:
    rng = np.random.default_rng(3)
    days = pd.to_datetime(rng.integers(0, 20000, 500), unit="D").astype(f"datetime64[{unit}]")
    raw = pd.Series(days).where(rng.random(500) > 0.1)
    got, issues = nz.normalise_date(raw)
    want, want_issues = nz._normalise_date(raw)  # the general path, by distinct values
    pd.testing.assert_series_equal(got, want, check_exact=True, check_names=False)
    pd.testing.assert_series_equal(issues.bad, want_issues.bad, check_names=False)
    assert issues.expected == want_issues.expected


@pytest.mark.parametrize("seed", range(10))
def test_reference_lookup_in_arrow_matches_the_index_lookup(seed: int) -> None:
    rnd = random.Random(seed)
    known_values = _texts(rnd, 300, ["X", "y", "1", "-", " "], distinct=120)
    columns = [
        _texts(rnd, rnd.choice([0, 5, 400]), ["X", "y", "1", "-", " ", "z"], distinct=150)
        for _ in range(4)
    ]
    known = _chunked(known_values, cuts=3)
    got = _unknown([_chunked(c, cuts=2) for c in columns], known)
    want = _unknown(
        [pd.Series(c, dtype=object) for c in columns], pd.Series(known_values, dtype=object)
    )
    assert len(got) == len(want) == len(columns)
    for g, w in zip(got, want, strict=True):
        pd.testing.assert_series_equal(g, w)
        assert g.dtype == bool


# ------------------------------------------------------------------------ roster level


def _messy(frames: dict[str, pd.DataFrame], seed: int) -> dict[str, pd.DataFrame]:
    """The tables as text, with spaces, tabs, NFD, case and a few broken cells."""
    rnd = random.Random(seed)
    out = {}
    for name, frame in frames.items():
        cols = {}
        for col in frame.columns:
            values = frame[col].astype(object).where(frame[col].notna(), None).tolist()
            cells: list[object] = []
            for v in values:
                if v is None:
                    cells.append(rnd.choice([None, "", "  "]))
                    continue
                text = v.strftime("%d/%m/%Y") if isinstance(v, pd.Timestamp) else str(v)
                r = rnd.random()
                if r < 0.05:
                    text = f" {text}\t"
                elif r < 0.1:
                    text = unicodedata.normalize("NFD", text)
                elif r < 0.12:
                    text = text.replace(" ", "  ")
                elif r < 0.125:
                    text = "??"
                cells.append(text)
            cols[col] = cells
        out[name] = pd.DataFrame(cols, dtype=object)
    return out


@pytest.mark.parametrize("seed", range(4))
def test_arrow_and_object_tables_read_alike(seed: int, tmp_path: Path) -> None:
    roster = synth_roster(2, seed=seed, validate=False)
    messy = _messy({n: f.head(400) for n, f in roster.tables.items()}, seed)
    if seed % 2:
        ratings = messy["ratings"]
        messy["ratings"] = pd.concat([ratings, ratings.head(3)], ignore_index=True)
        messy["cadres"].loc[2, "cadre_id"] = messy["cadres"].loc[5, "cadre_id"]
    as_text = {n: f.astype(TEXT) for n, f in messy.items()}

    def problems(frames: dict[str, pd.DataFrame]) -> list[str]:
        with pytest.raises(RosterError) as exc:
            Roster.from_frames(frames)
        return [repr(p) for p in exc.value.problems]

    assert problems(messy) == problems(as_text)  # the broken cells are reported alike
    a = Roster.from_frames(messy, skip_invalid=True)
    b = Roster.from_frames(as_text, skip_invalid=True)
    assert [repr(p) for p in a.skipped] == [repr(p) for p in b.skipped]
    assert a.accounting() == b.accounting()
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], check_exact=True)

    # and through parquet files (pyarrow columns), against the same tables as CSV
    for fmt in ("parquet", "csv"):
        folder = tmp_path / fmt
        folder.mkdir()
        for name, frame in as_text.items():
            if fmt == "parquet":
                frame.to_parquet(folder / f"{name}.parquet", index=False)
            else:
                frame.to_csv(folder / f"{name}.csv", index=False)

    def read_path(path: Path) -> tuple[list[tuple[object, ...]], Roster]:
        with pytest.raises(RosterError) as exc:
            read_roster(path)
        found = [(p.table, p.row, p.column, p.value, p.expected) for p in exc.value.problems]
        return found, read_roster(path, skip_invalid=True)

    (pq_problems, pq_roster), (csv_problems, csv_roster) = (
        read_path(tmp_path / "parquet"),
        read_path(tmp_path / "csv"),
    )
    # rows are numbered from the header line in CSV files only
    assert [(t, None if r is None else r - 1, *x) for t, r, *x in csv_problems] == pq_problems
    assert pq_roster == csv_roster
    assert pq_roster.accounting() == csv_roster.accounting()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.text(max_size=8)), max_size=40),
    st.integers(1, 5),
)
def test_unusual_search_never_misses_an_invisible_character_or_space(
    values: list[str | None], cuts: int
) -> None:
    """A column the search calls plain holds no invisible character and no other space."""
    from cadre_core.roster._values import INVISIBLE_CHARS, OTHER_SPACES

    data = nz.arrow_text(_chunked(values, cuts))
    assert data is not None
    if not nz._unusual_in(nz._text_bytes(data)):
        unusual = re.compile(f"[{INVISIBLE_CHARS}{OTHER_SPACES}]")  # (classes, with ranges)
        assert not any(unusual.search(v) for v in values if v)
