"""Normalisation of raw roster columns into canonical, typed pandas columns.

Each function takes a raw column (object, str or typed) and returns the canonical column
and a :class:`ColumnIssues` describing the cells that could not be read. Everything is
vectorised over the column; Python-level work happens once per *distinct* bad value
(for suggestions), never once per row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Final

import attrs
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cadre_core.roster._date_notes import date_note, reads_as
from cadre_core.roster._date_order import UNKNOWN, DateOrder, Said, column_order
from cadre_core.roster._held_levels import held_levels
from cadre_core.roster._lookup import code_keys, lookup_codes, suggester
from cadre_core.roster._lookup import keys_of as keys_of  # (read as nz.keys_of)
from cadre_core.roster._values import (
    _BELOW,
    _NO_DEGREE,
    _NO_LEVEL,
    _NOT_RATED,
    AMBIGUOUS_VALUES,
    CODE_ENUMS,
    FALSE_WORDS,
    INVISIBLE_CHARS,
    OTHER_SPACES,
    TRUE_WORDS,
    VALUE_ALIASES,
)
from cadre_core.roster._values import UNUSUAL_LEAD_BYTES as _UNUSUAL_BYTES  # (lead bytes)
from cadre_core.roster._values_forms import FIELD_YES, NO_LEVEL_HELD, NONE_HELD_CODES
from cadre_core.vocab._dates import DAY_FIRST, DAY_WORDS, ISO_DAY

DATE_DTYPE: Final = "datetime64[us]"
TEXT_DTYPE = pd.StringDtype(na_value=np.nan)
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
#: the first spreadsheet day serial read as a day (1910-01-01): a list's dates are days of
#: living people's lives, and a smaller number is a day of the month, an age or a year
SERIAL_FLOOR: Final = (pd.Timestamp("1910-01-01") - EXCEL_EPOCH).days


@attrs.frozen
class ColumnIssues:
    """Cells of one column that could not be normalised."""

    bad: pd.Series  # boolean mask over the column's index
    expected: str
    suggest: Callable[[str], str | None] | None = None
    notes: Mapping[str, str] = attrs.field(factory=dict)  # value key -> specific message
    # the sentence of ``expected`` in the label table (``problem_<key>``) and its values
    key: str | None = None
    args: tuple[tuple[str, str], ...] = ()
    note_keys: Mapping[str, str] = attrs.field(factory=dict)  # value key -> note's label key
    # warnings about the whole column (the order of its dates), each on the cell at its
    # position (``Said.at``), and the order its dates were read in
    said: tuple[Said, ...] = ()
    date_order: DateOrder | None = None


def _no_issues(index: pd.Index, expected: str) -> ColumnIssues:
    return ColumnIssues(pd.Series(False, index=index), expected)


def _is_date(value: object) -> bool:
    return isinstance(value, (dt.date, pd.Timestamp)) and bool(pd.notna(value))


def _to_text(raw: pd.Series) -> pd.Series:
    """Turn raw cells into NFC text with collapsed whitespace; blanks become missing.

    Whole numbers read from a spreadsheet (``1001.0``) become ``"1001"``.

    >>> _to_text(pd.Series(["  Lò  Văn\\tBiên ", None, 12.0, ""])).tolist()
    ['Lò Văn Biên', nan, '12', nan]
    """
    s = raw
    if s.dtype == object:
        # (infinities are not whole numbers: they stay text, "inf", refused where a
        # number or a day is expected)
        is_float = s.map(lambda v: isinstance(v, float) and np.isfinite(v) and v == int(v))
        if bool(is_float.any()):
            s = s.where(~is_float, s[is_float].map(lambda v: str(int(v))))
        is_dt = s.map(_is_date)
        if bool(is_dt.any()):
            s = s.where(~is_dt, s[is_dt].map(lambda v: pd.Timestamp(v).strftime("%Y-%m-%d")))
    text = s.astype(TEXT_DTYPE)
    arr = pa.array(text, type=pa.large_string(), from_pandas=True)
    return _finish(_collapse(pc.utf8_normalize(arr, "NFC")), raw.index)


# What the ``\s+`` pattern of pyarrow's regular expressions (RE2) matches: ASCII tab, line
# feed, form feed, carriage return and space, no other character (tests/test_reader_fast_paths.py).
# Replacing its runs by one space changes exactly the texts holding one of them, or two
# spaces in a row.
_CONTROLS = (b"\t", b"\n", b"\x0c", b"\r")


#: a text of 8-bit codes (no character above U+00FF) with a soft hyphen and another code
#: above ASCII: typed in TCVN3, its soft hyphen is the letter "ư"
_TCVN3_U_HORN = (
    r"^[\x00-\xff]*(?:\xad[\x00-\xff]*[\x80-\xac\xae-\xff]"
    r"|[\x80-\xac\xae-\xff][\x00-\xff]*\xad)[\x00-\xff]*$"
)


def _collapse(arr: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Runs of whitespace as one space, a no-break or other Unicode space as a space, and
    the invisible characters (zero-width space, byte-order mark ...) removed. The regular
    expressions (the costly part of cleaning text) run only when some value may need them:
    the UTF-8 bytes of the values are searched first (these ASCII bytes are never part of
    another character)."""
    texts = _text_bytes(arr)
    if _unusual_in(texts):
        # (text in 8-bit codes with a soft hyphen keeps it: TCVN3's "ư", said or converted
        # when the legacy text is found)
        legacy = pc.match_substring_regex(arr, _TCVN3_U_HORN)
        cleaned = pc.replace_substring_regex(arr, f"[{INVISIBLE_CHARS}]", "")
        arr = pc.if_else(pc.fill_null(legacy, False), arr, cleaned)
        arr = pc.replace_substring_regex(arr, f"[{OTHER_SPACES}]", " ")
        texts = _text_bytes(arr)
    if _runs_in(texts):
        return pc.replace_substring_regex(arr, r"\s+", " ")
    return arr


def _text_bytes(arr: pa.Array | pa.ChunkedArray) -> list[bytes] | None:
    """The UTF-8 bytes of the text of ``arr``, once per distinct data buffer (chunks are
    often slices of one buffer, which holds all their text); None for a layout that keeps
    its text elsewhere (not searched)."""
    if arr.type not in (pa.string(), pa.large_string()):
        return None
    chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
    seen, out = set(), []
    for chunk in chunks:
        data = chunk.buffers()[2]
        if data is None or (data.address, data.size) in seen:
            continue
        seen.add((data.address, data.size))
        out.append(data.to_pybytes())
    return out


def _unusual_in(texts: list[bytes] | None) -> bool:
    """Whether some text (:func:`_text_bytes`) may hold an invisible character or a
    space other than the ASCII ones."""
    return texts is None or any(b in values for values in texts for b in _UNUSUAL_BYTES)


def _runs_in(texts: list[bytes] | None) -> bool:
    """Whether some text (:func:`_text_bytes`) may hold whitespace that is not a single
    space (a control character, or two spaces; the second search is the slower one)."""
    return texts is None or any(
        any(b in values for b in _CONTROLS) or (b" " in values and b"  " in values)
        for values in texts
    )


def _all_ascii(data: pa.ChunkedArray) -> bool:
    return pc.all(pc.string_is_ascii(data)).as_py() is not False


def ascii_text(values: pd.Series) -> bool:
    """Whether ``values`` is a pyarrow-backed text column whose values are all ASCII."""
    data = arrow_text(values)
    return data is not None and _all_ascii(data)


def _plain_ascii(data: pa.ChunkedArray) -> bool:
    """Whether all values are ASCII without runs of whitespace (so NFC-normalised and
    collapsed already: the NFC form of ASCII text is itself)."""
    return _all_ascii(data) and not _runs_in(_text_bytes(data))


def _finish(arr: pa.Array, index: pd.Index) -> pd.Series:
    """Trimmed text, blanks as missing, as a text column on ``index``."""
    arr = pc.utf8_trim_whitespace(arr)
    arr = pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.large_string()), arr)
    out = pd.Series(arr.to_pandas(), dtype=TEXT_DTYPE)
    out.index = index
    return out


def arrow_text(values: pd.Series) -> pa.ChunkedArray | None:
    """The arrow data of a pyarrow-backed text column (``str`` dtype), or None for others."""
    dtype = values.dtype
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        data: pa.ChunkedArray = values.array.__arrow_array__()
        if data.type in (pa.string(), pa.large_string()):  # values in one data buffer
            return data
    return None


_FEW = 64  # rows: shorter columns are cleaned value by value, without shortcuts


def _distinct_values(raw: pd.Series) -> tuple[np.ndarray, pd.Series] | None:
    """Codes and distinct values (plus one missing value last), or None when the column
    has so many distinct values that working on them would not pay."""
    if len(raw) < _FEW:
        return None
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    if 2 * len(uniques) > len(raw):
        return None
    found = arrow_text(pd.Series(uniques)) if raw.dtype == TEXT_DTYPE else None
    if found is not None:  # pyarrow text: the distinct values stay in arrow
        values = found.combine_chunks().cast(pa.large_string())
        values = pa.concat_arrays([values, pa.nulls(1, pa.large_string())])
        distinct = pd.Series(pd.array(values, dtype=TEXT_DTYPE))
        return np.where(codes < 0, len(uniques), codes), distinct
    distinct = pd.Series([*np.asarray(uniques, dtype=object), None], dtype=object)
    if raw.dtype != object and not isinstance(raw.dtype, pd.CategoricalDtype):
        with contextlib.suppress(TypeError, ValueError):
            distinct = distinct.astype(raw.dtype)
    return np.where(codes < 0, len(uniques), codes), distinct


def _expand(values: pd.Series, codes: np.ndarray, index: pd.Index) -> pd.Series:
    out = values.take(codes)
    out.index = index
    return out


def to_text(raw: pd.Series) -> pd.Series:
    """Turn raw cells into NFC text with collapsed whitespace; blanks become missing.

    Each distinct value is cleaned once. Whole numbers read from a spreadsheet (``1001.0``)
    become ``"1001"``.

    >>> to_text(pd.Series(["  Lò  Văn\\tBiên ", None, 12.0, ""])).tolist()
    ['Lò Văn Biên', nan, '12', nan]
    """
    data = arrow_text(raw) if raw.dtype == TEXT_DTYPE and len(raw) >= _FEW else None
    if data is not None and _plain_ascii(data):
        # pyarrow text (parquet) in ASCII without runs of whitespace, such as codes: NFC
        # and collapsing whitespace leave it as it is, trimming remains (over the whole
        # column, cheaper than finding its distinct values)
        return _finish(data.combine_chunks().cast(pa.large_string()), raw.index)
    found = _distinct_values(raw)
    if found is None:
        return _to_text(raw)
    codes, distinct = found
    return _expand(_to_text(distinct), codes, raw.index)


Normaliser = Callable[..., tuple[pd.Series, "ColumnIssues"]]


def per_distinct(fn: Normaliser) -> Normaliser:
    """Run a column normaliser on the column's distinct values and spread the result back:
    the Python-level work of normalisation is paid once per distinct value."""

    def run(raw: pd.Series, **kwargs: object) -> tuple[pd.Series, ColumnIssues]:
        found = _distinct_values(raw)
        if found is None:
            return fn(raw, **kwargs)
        codes, distinct = found
        values, issues = fn(distinct.reset_index(drop=True), **kwargs)
        bad = pd.Series(issues.bad.to_numpy()[codes], index=raw.index)
        # a warning's cell: the first row holding its distinct value
        said = tuple(
            s if s.at is None else attrs.evolve(s, at=int(np.flatnonzero(codes == s.at)[0]))
            for s in issues.said
        )
        return _expand(values, codes, raw.index), attrs.evolve(issues, bad=bad, said=said)

    run.__name__ = fn.__name__
    run.__doc__ = fn.__doc__
    return run


@per_distinct
def normalise_code(raw: pd.Series, codes: str) -> tuple[pd.Series, ColumnIssues]:
    """Map aliases (any case, NFC or NFD) to canonical codes as a categorical column."""
    aliases = VALUE_ALIASES[codes]
    text = to_text(raw)
    if codes in NONE_HELD_CODES:  # "Chưa", "Không có": no level held, a blank cell
        text = text.mask(keys_of(text).isin(NO_LEVEL_HELD))
    text = (held := held_levels(text, codes)).text  # "Đại học; Thạc sĩ (đang học)"
    keys = code_keys(text)
    mapped = lookup_codes(keys, codes)
    bad = text.notna() & mapped.isna()
    cat = pd.CategoricalDtype(list(CODE_ENUMS[codes]))
    out = mapped.astype(cat)
    notes = {}
    ambiguous = AMBIGUOUS_VALUES.get(codes, {})
    if bool(bad.any()) and ambiguous:
        notes = {k: v for k, v in ambiguous.items() if bool((keys[bad] == k).any())}
    expected = f"one of {', '.join(CODE_ENUMS[codes])}"
    key = f"one_of_{codes}" if codes in _NAMED_FAMILIES else "one_of"
    args = (("codes", ";".join(CODE_ENUMS[codes])), ("family", codes))
    note_keys = {k: _NOTE_KEYS.get(v, "ambiguous") for k, v in notes.items()} | held.note_keys
    notes |= held.notes
    issues = ColumnIssues(bad, expected, suggester(aliases), notes, key, args, note_keys)
    return out, attrs.evolve(issues, said=held.said)


# the notes of values that are no level (roster._values), by their sentence's key
_NOTE_KEYS = {
    _NO_DEGREE: "no_degree",
    _NO_LEVEL: "no_level",
    _NOT_RATED: "not_rated",
    _BELOW: "below",
}

# coded columns whose expected values the label table says with their own noun
_NAMED_FAMILIES = ("education", "theory", "rating", "category", "discipline")


def normalise_bool(raw: pd.Series) -> tuple[pd.Series, ColumnIssues]:
    """Booleans from true/false, 1/0, x/blank, có/không (blank is false); in a column of
    ``FIELD_YES`` (``raw.name``), a cell naming what it asks ("Tiếng dân tộc": "Thái")."""
    return _bool(raw, yes=FIELD_YES.get(str(raw.name)))


@per_distinct
def _bool(raw: pd.Series, yes: Callable[[str], bool] | None) -> tuple[pd.Series, ColumnIssues]:
    keys = keys_of(to_text(raw)).fillna("")
    true = keys.isin(TRUE_WORDS) | (keys.map(yes).astype(bool) if yes else False)
    bad = ~true & ~keys.isin(FALSE_WORDS)
    return true.astype(bool), ColumnIssues(
        bad, "a yes/no value (x or blank, có/không, true/false, 1/0)", key="yes_no"
    )


@per_distinct
def normalise_int(raw: pd.Series) -> tuple[pd.Series, ColumnIssues]:
    """Whole numbers; ``3.0`` is accepted, ``3.5`` and text are not."""
    text = to_text(raw)
    num = pd.to_numeric(text, errors="coerce")
    whole = num.notna() & (num == np.floor(num)) & (num.abs() < 2**53)
    bad = text.notna() & ~whole
    out = num.where(whole).astype("Int64")
    return out, ColumnIssues(bad, "a whole number", key="whole_number")


_ISO = re.compile(ISO_DAY, re.IGNORECASE)
_DAY_FIRST = re.compile(DAY_FIRST, re.IGNORECASE)
_DAY_WORDS = re.compile(DAY_WORDS, re.IGNORECASE)
# ISO 8601's basic format, figures only (19780312): a database's date exported as a number
_BASIC_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
#: the whole numbers a date column reads as year, month and day (yyyymmdd), never serials
_BASIC_RANGE: Final = (19000101, 21001231)
# the apostrophe a clerk types (or an export writes) before a day to keep it text
_TEXT_MARK = r"^['‘’`]\s*"


def normalise_date(
    raw: pd.Series, *, serials: bool = False, month_first: bool | None = None
) -> tuple[pd.Series, ColumnIssues]:
    """Dates from spreadsheet dates, ISO text (2026-03-01) or day-first text (01/03/2026);
    a column whose figures are month first (``3/12/1978 12:00:00 AM``, told from the whole
    column: :mod:`~cadre_core.roster._date_order`) is read so, with a warning.

    With ``serials`` (workbooks only), plain numbers are Excel day serials, of a day from
    1910-01-01 (:data:`SERIAL_FLOOR`; a smaller number is refused, with a note). With
    ``month_first``, a column whose every value reads both ways is read month first.
    """
    if pd.api.types.is_datetime64_any_dtype(raw.dtype):
        return _dates(raw)  # a date column already (parquet): nothing to do per value
    return _normalise_date(raw, serials=serials, month_first=month_first)


def normalise_dates(
    columns: Mapping[str, pd.Series], *, serials: bool = False
) -> dict[str, tuple[pd.Series, ColumnIssues]]:
    """The date columns of one table (:func:`normalise_date`), each in the order of its
    figures. A column whose every value reads both ways, written with an English AM/PM
    time, is read month first when another column of the table, written with one too, is
    month first by its own figures: one export writes all its dates alike.

    >>> read = normalise_dates({"born": pd.Series(["1/25/1983 12:00:00 AM"]),
    ...                         "joined": pd.Series(["5/7/2001 12:00:00 AM"])})
    >>> [str(read[c][0][0].date()) for c in ("born", "joined")]
    ['1983-01-25', '2001-05-07']
    """
    done = {name: normalise_date(raw, serials=serials) for name, raw in columns.items()}
    orders = {name: issues.date_order for name, (_, issues) in done.items()}
    if any(o is not None and o.month_first and o.english for o in orders.values()):
        for name, order in orders.items():
            if order is not None and order.kind == UNKNOWN:
                done[name] = normalise_date(columns[name], serials=serials, month_first=True)
    return done


VIETNAM_TIME = "Asia/Ho_Chi_Minh"


def _dates(raw: pd.Series) -> tuple[pd.Series, ColumnIssues]:
    """A column of datetimes as days. A column with a time zone (parquet written from
    ``tz_localize``) gives each value's calendar day in its own zone when every value is
    a midnight there (dates stored with a zone), else its calendar day in Vietnam time
    (instants, such as UTC timestamps of Vietnamese midnights).

    >>> days = pd.to_datetime(pd.Series(["2000-01-31", None]))
    >>> _dates(days.dt.tz_localize("Asia/Ho_Chi_Minh"))[0].tolist()
    [Timestamp('2000-01-31 00:00:00'), NaT]
    >>> _dates(days.dt.tz_localize(VIETNAM_TIME).dt.tz_convert("UTC"))[0].tolist()
    [Timestamp('2000-01-31 00:00:00'), NaT]
    """
    if isinstance(raw.dtype, pd.DatetimeTZDtype):
        local = raw.dt.tz_localize(None)
        if not bool((local.dropna() == local.dropna().dt.normalize()).all()):
            local = raw.dt.tz_convert(VIETNAM_TIME).dt.tz_localize(None).dt.normalize()
        raw = local
    return raw.astype(DATE_DTYPE), _no_issues(raw.index, "a date")


@per_distinct
def _normalise_date(
    raw: pd.Series, *, serials: bool = False, month_first: bool | None = None
) -> tuple[pd.Series, ColumnIssues]:
    out = pd.Series(pd.NaT, index=raw.index, dtype=DATE_DTYPE)
    if pd.api.types.is_datetime64_any_dtype(raw.dtype):
        return _dates(raw)
    bad = pd.Series(False, index=raw.index)
    rest, real = raw, out.copy()  # real: the real date cells (told turned or not below)
    if raw.dtype == object:
        is_dt = raw.map(_is_date)
        if bool(is_dt.any()):
            conv = pd.to_datetime(raw[is_dt].map(pd.Timestamp)).astype(DATE_DTYPE)
            out[is_dt] = real[is_dt] = conv
            rest = raw.where(~is_dt, None)
        if serials:
            is_num = rest.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
            is_num &= rest.notna()
            if bool(is_num.any()):
                days = pd.to_numeric(rest[is_num], errors="coerce")
                # 19780312: a day's figures (yyyymmdd), read as text below
                basic = days.between(*_BASIC_RANGE) & (days == np.floor(days))
                is_num &= ~basic.reindex(raw.index, fill_value=False)
                days = days[~basic]
                # a serial of a day before 1910 is none a list means: 1900 to 2100 is
                # a year, 12 a day of the month or an age (refused with the notes below)
                ok = (days >= SERIAL_FLOOR) & (days < 2958466)
                out[is_num & ok.reindex(raw.index, fill_value=False)] = (
                    EXCEL_EPOCH + pd.to_timedelta(days[ok].astype(float).round(), unit="D")
                ).astype(DATE_DTYPE)
                bad |= is_num & ~ok.reindex(raw.index, fill_value=False)
                rest = rest.where(~is_num, None)
    text = to_text(rest).str.replace(_TEXT_MARK, "", regex=True)
    has = text.notna()
    told = column_order(text, month_first, real)  # figures day first, or month first
    figures = (2, 0, 1) if told.month_first else (2, 1, 0)
    spellings = ((_ISO, (0, 1, 2)), (_DAY_FIRST, figures), (_DAY_WORDS, (2, 1, 0)),
                 (_BASIC_DAY, (0, 1, 2)))  # fmt: skip
    for pattern, order in spellings:
        if not bool(has.any()):
            break
        parts = text[has].str.extract(pattern)  # the values no earlier spelling read
        found = parts[parts[0].notna()]
        if len(found):
            m = pd.Series(raw.index.isin(found.index), index=raw.index)
            frame = pd.DataFrame(
                {
                    "year": found[order[0]].astype(int),
                    "month": found[order[1]].astype(int),
                    "day": found[order[2]].astype(int),
                }
            )
            parsed = pd.to_datetime(frame, errors="coerce")
            out[m] = parsed.astype(DATE_DTYPE)
            bad |= m & parsed.reindex(raw.index).isna()
            has &= ~m
    bad |= has
    notes: dict[str, str] = {}
    note_keys: dict[str, str] = {}
    said = told.said
    if bool(bad.any()):
        shown = to_text(raw[bad].astype(object))
        first = (shown.notna() & ~shown.duplicated()).to_numpy()
        numbers = range(SERIAL_FLOOR, 2958466) if serials else None  # the serials read
        for at, value in zip(np.flatnonzero(bad.to_numpy())[first], shown[first], strict=True):
            if (note := date_note(str(value), serials=numbers)) is not None:
                notes[str(value).casefold()], note_keys[str(value).casefold()] = note[1], note[0]
            if (seen := reads_as(str(value), numbers)) is not None:  # "14-Sep-1990", "28510"
                said += (Said(seen[0], int(at), seen[1]),)
    return out, ColumnIssues(
        bad,
        "a date (a spreadsheet date, 2026-03-01 or 01/03/2026)",
        notes=notes,
        key="date",
        note_keys=note_keys,
        said=said,
        date_order=told,
    )


def split_list(text: pd.Series) -> pd.Series:
    """Explode ``a; b,c`` lists into one stripped item per row (index repeated)."""
    items = text.str.split(r"[;,\n]").explode().astype(TEXT_DTYPE)
    items = items.str.strip()
    return items[items.notna() & (items != "")]


def _code_list(raw: pd.Series, codes: str) -> tuple[pd.Series, ColumnIssues]:
    """``;``-lists of the codes of ``codes`` to canonical ``;``-joined codes, in the code
    list's order, without repeats."""
    text = to_text(raw)
    aliases = VALUE_ALIASES[codes]
    items = split_list(text)
    mapped = lookup_codes(code_keys(items), codes)
    bad_rows = mapped.isna().groupby(level=0).any().reindex(text.index, fill_value=False)
    order = {c: i for i, c in enumerate(CODE_ENUMS[codes])}
    good = mapped.dropna().to_frame("code")
    good["o"] = good["code"].map(order)
    good = good.reset_index().drop_duplicates().sort_values(["index", "o"])
    joined = good.groupby("index")["code"].agg(";".join)
    out = joined.reindex(text.index).astype(TEXT_DTYPE)
    expected = "codes separated by ';' (" + ", ".join(CODE_ENUMS[codes]) + ")"
    if codes == "topic":
        expected = "topic " + expected
    args = (("codes", ";".join(CODE_ENUMS[codes])), ("family", codes))
    return out, ColumnIssues(
        bad_rows | (text.isna() & False),
        expected,
        suggester(aliases),
        key="topics" if codes == "topic" else "codes",
        args=args,
    )


@per_distinct
def normalise_topics(raw: pd.Series) -> tuple[pd.Series, ColumnIssues]:
    """Topic lists to canonical ``;``-joined codes in the enum's order, without repeats."""
    return _code_list(raw, "topic")


@per_distinct
def normalise_code_list(raw: pd.Series, codes: str) -> tuple[pd.Series, ColumnIssues]:
    """Lists of codes (``xã; huyện``) to canonical ``;``-joined codes in the order of the
    code list ``codes``, without repeats.

    >>> normalise_code_list(pd.Series(["HĐND huyện; xã", None]), codes="council_level")[0].tolist()
    ['commune;district', nan]
    """
    return _code_list(raw, codes)


@per_distinct
def normalise_fields(raw: pd.Series) -> tuple[pd.Series, ColumnIssues]:
    """Free-text lists, stored canonically as ``a; b``."""
    text = to_text(raw)
    items = split_list(text)
    joined = items.groupby(level=0).agg("; ".join)
    out = joined.reindex(text.index).astype(TEXT_DTYPE)
    return out, _no_issues(raw.index, "a list of fields")


@per_distinct
def normalise_ethnicity(raw: pd.Series) -> tuple[pd.Series, ColumnIssues]:
    """Official ethnic-group names from their spelling variants (one lookup per distinct value)."""
    from cadre_core.vocab._ethnic import ETHNIC_GROUPS, canonical_ethnicity, suggest_ethnicity

    text = to_text(raw)
    distinct = pd.Series(text.dropna().unique())
    lookup = dict(zip(distinct, distinct.map(canonical_ethnicity), strict=True))
    mapped = text.map(lookup)
    bad = text.notna() & mapped.isna()
    cat = pd.CategoricalDtype([g.name for g in ETHNIC_GROUPS])
    return mapped.astype(cat), ColumnIssues(
        bad, "one of the 54 official ethnic groups", suggest_ethnicity, key="ethnicity"
    )


def normalise_id(raw: pd.Series) -> tuple[pd.Series, ColumnIssues]:
    """Identifiers: text without surrounding spaces; case is kept."""
    return to_text(raw), _no_issues(raw.index, "an identifier")


def normalise_text(raw: pd.Series) -> tuple[pd.Series, ColumnIssues]:
    """Free text, NFC with collapsed whitespace."""
    return to_text(raw), _no_issues(raw.index, "text")


_DECIMAL = re.compile(r"[+-]?(\d+([.,]\d+)?|[.,]\d+)")


@per_distinct
def normalise_decimal(raw: pd.Series) -> tuple[pd.Series, ColumnIssues]:
    """Exact decimal numbers (:class:`decimal.Decimal`, never floats): ``6.5`` or the
    Vietnamese ``6,5`` (one separator, the decimal point; no thousands separators). A
    spreadsheet number is read by its shortest spelling (``6.5``, not ``6.4999…``).

    >>> normalise_decimal(pd.Series(["6,5", 12.0, "1.234.567", None]))[0].tolist()
    [Decimal('6.5'), Decimal('12'), None, None]
    """
    from decimal import Decimal

    text = to_text(raw)
    ok = text.notna() & text.str.fullmatch(_DECIMAL).fillna(False).astype(bool)
    values = text.where(ok).str.replace(",", ".", regex=False)
    out = pd.Series(
        [Decimal(v) if isinstance(v, str) else None for v in values], index=raw.index, dtype=object
    )
    return out, ColumnIssues(
        text.notna() & ~ok,
        "a number (6.5 or 6,5: one decimal separator, no thousands separators)",
    )


#: An indicator code a plugin may declare (``forest_cover``, ``lc.tourism``).
INDICATOR_CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*")


@per_distinct
def normalise_indicator(raw: pd.Series) -> tuple[pd.Series, ColumnIssues]:
    """Indicator codes: the built-in indicators by any of their spellings; a value written
    as a code (``forest_cover``) is kept for the plugins that declare more indicators (the
    evaluation checks them); other words are an error with the closest indicator.

    >>> normalise_indicator(pd.Series(["Thu ngân sách", "forest_cover", "GDP xanh"]))[0].tolist()
    ['budget_revenue', 'forest_cover', nan]
    """
    text = to_text(raw)
    keys = keys_of(text)
    mapped = lookup_codes(keys, "indicator")
    coded = keys.str.fullmatch(INDICATOR_CODE).fillna(False).astype(bool)
    out = mapped.where(mapped.notna(), keys.where(coded)).astype(object)
    bad = text.notna() & out.isna()
    expected = f"one of {', '.join(CODE_ENUMS['indicator'])} (or a code a plugin declares)"
    return out, ColumnIssues(bad, expected, suggester(VALUE_ALIASES["indicator"]))
