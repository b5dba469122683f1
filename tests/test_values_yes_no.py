"""The words of a yes/no cell: one table, read the same by every column that asks.

The "tiếng dân tộc" column's test of a language named kept its own copy of the answer
words ("có", "không"), apart from the yes/no table the other columns read; each test
says what the one table keeps.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from cadre_core.roster._normalize import normalise_bool
from cadre_core.roster._values import FALSE_WORDS, TRUE_WORDS, text_key
from cadre_core.roster._values_forms import names_ethnic_language

ANSWERS = sorted(TRUE_WORDS | FALSE_WORDS - {""}) + ["co", "khong"]  # (blank: no part)


def test_yes_no_words_are_keys() -> None:
    """The table is compared with cells' keys: a word not written as its own key (a
    capital, a composed accent) would never match."""
    assert all(text_key(w) == w for w in TRUE_WORDS | FALSE_WORDS)
    assert not TRUE_WORDS & FALSE_WORDS


@given(st.sampled_from(ANSWERS), st.lists(st.sampled_from(["thái", "tiếng mông", "dao"])))
def test_an_answer_names_no_language(answer: str, languages: list[str]) -> None:
    """The answer "có", and "co" without its accents, are the Co people's name too: a cell
    answering yes or no, alone or beside languages, was to name no language, whichever
    yes/no word it used."""
    assert not names_ethnic_language(", ".join([*languages, answer]))


def test_ethnic_language_column_reads_yes_no_and_languages() -> None:
    """The column reads every yes/no word as the other yes/no columns do, a language
    named as yes, and an answer typed without its accents ("co", "khong") as no value."""
    raw = pd.Series(["x", "Có", "không", "", "Thái", "co", "khong"], name="ethnic_language")
    got, issues = normalise_bool(raw)
    assert got.tolist() == [True, True, False, False, True, False, False]
    assert issues.bad.tolist() == [False] * 5 + [True, True]
    plain = normalise_bool(raw.rename("is_local"))
    assert plain[0].tolist() == [True, True, False, False, False, False, False]
    assert plain[1].bad.tolist() == [False] * 4 + [True] * 3
