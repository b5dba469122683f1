"""The fast JSON writer gives exactly the standard library's text."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

import cadre_core
from cadre_core.engine import _json

# float-free JSON values, with every kind of character in strings and keys
_scalars = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text()
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
_floats = st.floats(allow_nan=False, allow_infinity=False)


@given(fast=_values, rest=st.dictionaries(st.text(), _values | _floats, max_size=4))
def test_dumps_is_the_standard_text(fast: object, rest: dict[str, object]) -> None:
    doc = {**rest, "communes": fast}
    expected = json.dumps(doc, ensure_ascii=False, indent=2)
    assert _json.dumps(doc, fast="communes") == expected


@given(fast=_values, rest=st.dictionaries(st.text(), _values | _floats, max_size=4))
def test_dumps_bytes_is_the_standard_text_encoded(fast: object, rest: dict[str, object]) -> None:
    doc = {**rest, "communes": fast}
    expected = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    try:
        encoded = expected.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate cannot be UTF-8, either way
        return
    assert _json.dumps_bytes(doc, fast="communes", end="\n") == encoded
    assert _json.dumps(doc, fast="communes", end="\n") == expected


@given(
    first=_values,
    second=_values,
    rest=st.dictionaries(st.text(), _values | _floats, max_size=4),
    order=st.permutations(["communes", "indicators", "*"]),
)
def test_several_fast_members_are_the_standard_text(
    first: object, second: object, rest: dict[str, object], order: list[str]
) -> None:
    """Two float-free members, anywhere among the others, both written by orjson."""
    given = {"communes": first, "indicators": second}
    doc: dict[str, object] = {}
    for key in order:
        doc.update(rest if key == "*" else {key: given[key]})
    expected = json.dumps(doc, ensure_ascii=False, indent=2)
    assert _json.dumps(doc, fast=("indicators", "communes")) == expected
    try:
        encoded = (expected + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return
    parts = _json.dumps_parts(doc, fast=("indicators", "communes"), end="\n")
    assert b"".join(parts) == encoded


@given(doc=st.dictionaries(st.text(), _values | _floats, max_size=4))
def test_dumps_without_fast_part_or_indent(doc: dict[str, object]) -> None:
    assert _json.dumps(doc) == json.dumps(doc, ensure_ascii=False, indent=2)
    assert _json.dumps(doc, indent=None, fast="x") == json.dumps(doc, ensure_ascii=False)


def test_lone_surrogate_falls_back_to_the_standard_library() -> None:
    doc = {"communes": ["\ud800"], "a": 1}
    assert _json.dumps(doc, fast="communes") == json.dumps(doc, ensure_ascii=False, indent=2)


def test_evaluation_json_is_the_standard_text() -> None:
    ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31", plugins=["laichau"])
    expected = json.dumps(ev.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert ev.to_json() == expected
    assert ev.to_json_bytes() == expected.encode("utf-8")
