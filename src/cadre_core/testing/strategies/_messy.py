"""A roster rendered the way a commune clerk might type it: spellings, case, dates, blanks."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import pandas as pd
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from cadre_core.roster._roster import Roster
from cadre_core.roster._schema import TABLE_BY_NAME, TABLE_NAMES, VALUE_ALIASES
from cadre_core.vocab._ethnic import ETHNIC_ALIASES, canonical_ethnicity

_MESSY_TRUE = ("x", "X", "có", "Có", "1", "true", "TRUE")
_MESSY_FALSE = ("", "không", "Không", "0", "false")


@cache
def _value_spellings(codes: str) -> Mapping[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for alias, code in VALUE_ALIASES[codes].items():
        out.setdefault(code, []).append(alias)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _ethnic_spellings(name: str) -> tuple[str, ...]:
    found = [k for k, v in ETHNIC_ALIASES.items() if v == name]
    found += [name, name.upper(), name.lower()]
    return tuple(s for s in dict.fromkeys(found) if canonical_ethnicity(s) == name)


def _recase(text: str, rnd: random.Random) -> str:
    style = rnd.randrange(4)
    if style == 1:
        return text.upper()
    if style == 2:
        return text[:1].upper() + text[1:]
    return text


def _nfd(text: str, rnd: random.Random) -> str:
    return unicodedata.normalize("NFD", text) if rnd.random() < 0.5 else text


def _messy_date(value: pd.Timestamp, rnd: random.Random) -> object:
    style = rnd.randrange(5)
    if style == 0:
        return value.to_pydatetime()
    if style == 1:
        return value.date().isoformat()
    if style == 2:
        return f"{value.day}/{value.month}/{value.year}"
    return value.strftime("%d/%m/%Y")


def _messy_cell(kind: str, codes: str | None, value: Any, rnd: random.Random) -> object:
    if kind == "bool":
        return rnd.choice(_MESSY_TRUE if value else _MESSY_FALSE)
    if value is None or value is pd.NA or value is pd.NaT or value != value:
        return rnd.choice([None, "", "  "])
    if kind == "date":
        return _messy_date(pd.Timestamp(str(value)), rnd)
    if kind == "int":
        number = int(str(value))
        return rnd.choice([number, str(number), float(number), f" {number} "])
    text = str(value)
    if kind == "code":
        assert codes is not None
        return _nfd(_recase(rnd.choice(_value_spellings(codes)[text]), rnd), rnd)
    if kind == "ethnicity":
        return _nfd(rnd.choice(_ethnic_spellings(text)), rnd)
    if kind in ("topics", "codes"):
        spellings = _value_spellings("topic" if kind == "topics" else str(codes))
        items = [rnd.choice(spellings[t]) for t in text.split(";")]
        if rnd.random() < 0.3:
            items.append(items[0])
        rnd.shuffle(items)
        return _nfd(rnd.choice([";", "; ", ", ", " ; "]).join(items), rnd)
    if kind == "fields":
        return _nfd(rnd.choice([";", ", ", " ; "]).join(text.split("; ")), rnd)
    if kind == "id":
        return rnd.choice([text, f" {text} ", text])
    return _nfd(rnd.choice([text, f" {text}", text.replace(" ", "  ")]), rnd)


def messy_frames(roster: Roster) -> SearchStrategy[dict[str, pd.DataFrame]]:
    """The roster's tables as a commune clerk might type them; they read back equal.

    Headers become Vietnamese aliases from the schema (any case, NFC or NFD); codes become
    value aliases ("Nữ", "Thạc sỹ", "HTXSNV", ...); booleans "x"/blank, "có"/"không" or
    1/0; dates real dates, ISO text or day-first text ("01/03/2026", "1/3/2026"); numbers
    text or floats; about half of the text cells NFD; blanks ``None``, "" or spaces; topic
    lists and other code lists shuffled, repeated and separated by ";" or ",". Row order
    is kept, so
    ``Roster.from_frames(frames) == roster``.
    """

    def header(col: Any, rnd: random.Random) -> str:
        names = [col.name, *col.aliases]
        choice = rnd.choice(names[1:] or names)
        return _nfd(_recase(choice, rnd), rnd)

    def render(seeds: Sequence[int]) -> dict[str, pd.DataFrame]:
        out: dict[str, pd.DataFrame] = {}
        for seed, tname in zip(seeds, TABLE_NAMES, strict=True):
            rnd = random.Random(seed)
            table = TABLE_BY_NAME[tname]
            frame = roster.tables[tname]
            cols: dict[str, list[object]] = {}
            for col in table.columns:
                values = frame[col.name].astype(object).tolist()
                cells = [_messy_cell(col.kind, col.codes, v, rnd) for v in values]
                cols[header(col, rnd)] = cells
            out[tname] = pd.DataFrame(cols, dtype=object)
        return out

    seeds = st.lists(
        st.integers(0, 2**32 - 1), min_size=len(TABLE_NAMES), max_size=len(TABLE_NAMES)
    )
    return seeds.map(render)
