"""The core's criteria, plans and findings take their words from the label table
(vocab/_labels.py).

What a criterion requires and what a failing member lacks are labels (``crit_*``), built
into a :class:`Text` by :meth:`Text.of` or formatted in the caller's language, as are what
a plan's need says (``plan_reason_*``) and what a finding says (``finding_*``, filled
column by column in each language): no Vietnamese string is written in the code of
``cadre_core.targets``, of the planner's needs or of the findings (docstrings aside), so
that the wording is reviewed in one place. The findings' legal sources
(findings/_sources.py) are citations, written as they are. Plugins still ship their own
words as ``Text``.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from cadre_core.criteria import all_of, any_of, is_female, is_minority
from cadre_core.targets._target import Text
from cadre_core.vocab._labels import _LABELS

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cadre_core"
#: A letter only Vietnamese writes (the ASCII letters of a code never match).
VIETNAMESE = re.compile(r"[À-ỹĐđ]")
#: The code whose words all come from the label table: the targets, the planner's needs
#: and results, and the findings (their legal sources aside: citations, not wording).
WORDLESS = [
    *sorted((PACKAGE / "targets").glob("*.py")),
    PACKAGE / "planner" / "_needs.py",
    PACKAGE / "planner" / "_result.py",
    *sorted(p for p in (PACKAGE / "findings").glob("*.py") if p.name != "_sources.py"),
]
#: The families of labels these modules read.
FAMILIES = (
    "crit_",
    "threshold_",
    "programme_",
    "plan_assumption_",
    "plan_reason_",
    "forms_",
    "finding_",
)


def _docstrings(tree: ast.AST) -> set[int]:
    """The docstrings: a module's, class's or function's, and a string standing alone as a
    statement (an attribute's docstring, after its assignment): never printed."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def vietnamese_literals(source: str) -> list[tuple[int, str]]:
    """The string literals of ``source`` (f-string parts too) with a Vietnamese letter,
    docstrings aside, as (line, text)."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and VIETNAMESE.search(node.value)
    ]


def test_the_scan_finds_the_literals_of_a_text_and_of_an_f_string_not_a_docstring() -> None:
    source = (
        'def f(low):\n    "Trả về."\n    return Text(f"từ {low} tuổi trở lên", f"aged {low}")\n'
        'y = "cần" if a else "needs"\n'
        'HEADS = "a;b"\n"""Người đứng đầu."""\n'
    )
    assert sorted({line for line, _ in vietnamese_literals(source)}) == [3, 4]


@pytest.mark.parametrize("path", WORDLESS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_vietnamese_words_in_the_code_of_the_targets_plan_and_findings(path: Path) -> None:
    found = vietnamese_literals(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name}: move these words to vocab/_labels.py: {found}"


def test_the_default_catalogue_names_its_programmes_from_the_table() -> None:
    """The programmes' legal sources are citations, written as they are; their names are
    labels."""
    tree = ast.parse((PACKAGE / "planner" / "_catalogue.py").read_text(encoding="utf-8"))
    texts = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "Text"
        and any(
            isinstance(arg, ast.Constant | ast.JoinedStr) and VIETNAMESE.search(ast.unparse(arg))
            for arg in node.args
        )
    ]
    assert not texts, texts


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", [k for k in _LABELS if k.startswith(FAMILIES)])
def test_each_criterion_label_has_both_languages_with_the_same_fields(key: str) -> None:
    vi, en = _LABELS[key]
    assert vi.strip() and en.strip(), key
    assert _fields(vi) == _fields(en), key


def test_a_text_of_the_table_fills_each_language_with_its_own_words() -> None:
    text = Text.of("crit_at_least", what=Text.of("crit_education"), levels=Text("đại học", "x"))
    assert text == Text("Trình độ từ đại học trở lên", "Education x or higher")
    assert Text.of("crit_aged_between", low=30, high=45).vi == "từ 30 đến 45 tuổi"


def test_requirements_combine_in_each_language() -> None:
    assert all_of(is_female(), is_minority()).requirement == Text(
        "là nữ và là người dân tộc thiểu số", "is a woman and belongs to an ethnic minority"
    )
    assert any_of(is_female(), is_minority()).requirement.vi == (
        "là nữ hoặc là người dân tộc thiểu số"
    )


def test_without_a_plan_start_trainings_count_from_the_term_in_each_language() -> None:
    """A plugin without ``plan_start``: who has not been trained is told "since the start
    of the term" in English and "từ đầu kỳ" in Vietnamese (the English used to carry the
    Vietnamese words)."""
    import cadre_core
    from cadre_core.targets._criteria import trained_in

    ev = cadre_core.evaluate(
        cadre_core.sample_roster(), "2026-12-31", plugins=["province_template"]
    )
    features = ev.features
    assert features is not None and features.params.get("plan_start") is None
    criterion = trained_in(["it"])
    assert criterion.explain is not None
    ids = features.cadres.index[~criterion.fn(features)]
    assert len(ids)
    english = criterion.explain(features, ids, "en")
    vietnamese = criterion.explain(features, ids, "vi")
    assert all(t.endswith(" since the start of the term") for t in english)
    assert not any("đầu kỳ" in t for t in english)
    assert all(t.endswith(" từ đầu kỳ") for t in vietnamese)


def test_a_finding_message_is_filled_per_row_in_each_language() -> None:
    """A finding's label is filled column by column: a Series per row, a Text or a mapping
    per language, one value for every row."""
    import pandas as pd

    from cadre_core.findings._common import said

    texts = said(
        "finding_succession_pool_at_least",
        term=pd.Series(["2026-2031", "2031-2036"]),
        count=pd.Series(["0", "1"]),
        n=pd.Series(["3", "4"]),
        group=Text.of("finding_pool_young", age=35),
        least="1/2",
    )
    assert texts["vi"].tolist() == [
        "Nguồn quy hoạch nhiệm kỳ 2026-2031 có 0/3 cán bộ trẻ (dưới 35 tuổi) (cần ít nhất 1/2)",
        "Nguồn quy hoạch nhiệm kỳ 2031-2036 có 1/4 cán bộ trẻ (dưới 35 tuổi) (cần ít nhất 1/2)",
    ]
    assert texts["en"].tolist()[0] == (
        "Succession pool for term 2026-2031 has 0/3 young (under 35) candidates "
        "(needs at least 1/2)"
    )
    levels = {"vi": pd.Series(["đại học"]), "en": pd.Series(["university"])}
    gap = said("finding_below_standard_education", level=levels)
    assert (gap["vi"].tolist(), gap["en"].tolist()) == (
        ["trình độ chuyên môn dưới đại học"],
        ["education below university"],
    )
