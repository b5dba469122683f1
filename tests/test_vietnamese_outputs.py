"""No internal code and no English word in a Vietnamese output (issue 17, item 3).

The sample commune and a three-commune roster go through the real command in every
output a person reads in Vietnamese: the terminal table, the human-text fields of the JSON,
the visible text of the HTML report and every cell of every visible sheet of the xlsx
report; ``cadre validate`` too. Each text is split into words and no word may be a code of
the roster format (levels, post categories, blocs, topics, equipment items, ratings), a
finding's rule id, or one of a list of English words. Ids of people, positions and
targets (``MT019``, ``nq05.5a``) are allowed: they stand next to names.

The texts are read generically (all visible HTML text, all cell values), so the test keeps
working whatever the layout of the reports becomes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builders import three_communes
from hypothesis import given
from hypothesis import strategies as st

from cadre_core.vocab._enums import (
    Bloc,
    Category,
    EducationLevel,
    Gender,
    RatingLevel,
    TheoryLevel,
    TrainingTopic,
)
from cadre_core.vocab._labels import (
    LANGS,
    category_name,
    code_name,
    item_codes,
    item_name,
    level_name,
    rule_ids,
    rule_title,
    topic_name,
    words,
)

CADRE = str(Path(sys.executable).with_name("cadre"))
SAMPLE = Path(str(files("cadre_core") / "data" / "sample_commune"))
DAY = "2026-12-31"

#: Every code of the roster format and of the findings: none may reach a Vietnamese text.
CODES = (
    frozenset(
        str(code)
        for enum in (
            EducationLevel,
            TheoryLevel,
            RatingLevel,
            Gender,
            Bloc,
            Category,
            TrainingTopic,
        )
        for code in enum
    )
    | frozenset(item_codes())
    | frozenset(rule_ids())
)

#: English words that must not appear in a Vietnamese output (case-insensitive).
ENGLISH = frozenset(
    {
        "valid",
        "invalid",
        "problem",
        "problems",
        "computer",
        "phone",
        "none",
        "ok",
        "req",
        "required",
        "needs",
        "met",
        "not_met",
        "status",
        "target",
        "targets",
        "deadline",
        "shortfall",
        "excellent",
        "good",
        "complete",
        "incomplete",
        "rated",
        "suggestion",
    }
)

#: The JSON keys whose values people read (the ``*_en`` twins and machine keys excluded).
HUMAN_KEYS = frozenset(
    {"title", "message", "body", "subject_name", "subject_post", "requirement", "explanation"}
)

_WORD = re.compile(r"[\w.]+")


def leaks(texts: Iterable[str]) -> dict[str, str]:
    """Each forbidden word found -> the first text it is in."""
    found: dict[str, str] = {}
    for text in texts:
        for raw in _WORD.findall(text):
            word = raw.strip(".")
            if word in CODES or word.lower() in ENGLISH:
                found.setdefault(word, text[:200])
        if re.search(r"(?<!\w)req\.", text):
            found.setdefault("req.", text[:200])
    return found


class _Visible(HTMLParser):
    """The visible text of an HTML page (no script, style, template or hidden element)."""

    VOID = frozenset(
        [
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "param",
            "source",
            "track",
            "wbr",
        ]
    )

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        hidden = tag in ("script", "style", "template") or any(k == "hidden" for k, _ in attrs)
        self._stack.append(hidden or bool(self._stack and self._stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip() and not (self._stack and self._stack[-1]):
            self.texts.append(data.strip())


def html_texts(path: Path) -> list[str]:
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.texts


def xlsx_texts(path: Path) -> list[str]:
    """Every text cell of every visible sheet, and the sheet names."""
    book = openpyxl.load_workbook(path)
    out: list[str] = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        out.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            out += [v for v in row if isinstance(v, str) and v.strip()]
    return out


def json_texts(doc: Any) -> Iterator[str]:
    """The values of the human-text keys anywhere in a JSON document."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key in HUMAN_KEYS and isinstance(value, str):
                yield value
            else:
                yield from json_texts(value)
    elif isinstance(doc, list):
        for value in doc:
            yield from json_texts(value)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [CADRE, *args], capture_output=True, text=True, timeout=300, env=env, check=False
    )


@pytest.fixture(scope="module")
def rosters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    path = tmp_path_factory.mktemp("province") / "province.xlsx"
    three_communes().write(path)
    return {"sample": SAMPLE, "province": path}


@pytest.fixture(scope="module")
def outputs(rosters: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every Vietnamese output of both rosters, written once."""
    out: dict[str, Any] = {}
    folder = tmp_path_factory.mktemp("outputs")
    for name, roster in rosters.items():
        extra = ["--by", "commune"] if name == "province" else []
        for fmt in ("html", "xlsx"):
            target = folder / f"{name}.{fmt}"
            done = run("evaluate", str(roster), "--as-of", DAY, *extra, "-o", str(target))
            assert done.returncode == 0, done.stderr
            out[f"{name}-{fmt}"] = target
        done = run("evaluate", str(roster), "--as-of", DAY, *extra, "--format", "json")
        assert done.returncode == 0, done.stderr
        out[f"{name}-json"] = json.loads(done.stdout)
        done = run("evaluate", str(roster), "--as-of", DAY, *extra, "--format", "table")
        assert done.returncode in (0, 3), done.stderr
        out[f"{name}-table"] = done.stdout
    return out


ROSTERS = ("sample", "province")


@pytest.mark.parametrize("name", ROSTERS)
def test_no_code_in_the_json_texts(outputs: dict[str, Any], name: str) -> None:
    doc = outputs[f"{name}-json"]
    texts = list(json_texts(doc))
    assert texts
    assert leaks(texts) == {}


@pytest.mark.parametrize("name", ROSTERS)
def test_no_code_in_the_html_report(outputs: dict[str, Any], name: str) -> None:
    texts = html_texts(outputs[f"{name}-html"])
    assert any("Mường Than" in t for t in texts)
    assert leaks(texts) == {}


@pytest.mark.parametrize("name", ROSTERS)
def test_no_code_in_the_xlsx_report(outputs: dict[str, Any], name: str) -> None:
    texts = xlsx_texts(outputs[f"{name}-xlsx"])
    assert any("Mường Than" in t for t in texts)
    assert leaks(texts) == {}


@pytest.mark.parametrize("name", ROSTERS)
def test_no_code_in_the_terminal_table(outputs: dict[str, Any], name: str) -> None:
    text = outputs[f"{name}-table"]
    assert "Mường Than" in text
    assert leaks(text.splitlines()) == {}


def test_no_english_in_validate(rosters: dict[str, Path]) -> None:
    """``cadre validate`` speaks Vietnamese by default (no "valid roster", "problem(s)")."""
    done = run("validate", str(rosters["sample"]))
    assert done.returncode == 0, done.stderr
    assert leaks((done.stdout + done.stderr).splitlines()) == {}


def test_findings_say_names_titles_and_posts(outputs: dict[str, Any]) -> None:
    """Every finding has a rule title without code, and a named subject (a cadre by name
    and posts, a position by title, an agency by name); the rule id stays the key."""
    findings = [f for c in outputs["province-json"]["communes"] for f in c["findings"]]
    assert {f["subject_kind"] for f in findings} >= {"cadre", "position", "agency"}
    for f in findings:
        assert f["rule"].startswith("national.")
        assert f["title"] and f["title"] != f["rule"] and "_" not in f["title"]
        assert f["title_en"] and "_" not in f["title_en"]
        assert f["subject_name"], f
        if f["subject_kind"] == "cadre":
            assert f["subject_post"], f
        # a post named by its code in a message is a leak: every position code of the
        # roster is an id that may stand beside a name, never alone in a sentence
    local = [f for f in findings if f["rule"] == "national.local_key_post"]
    assert local and all("UBND-CT" not in f["message"] for f in local)
    assert {f["subject_name"] for f in local} >= {"Lò Văn Khánh"}


def test_the_html_findings_show_titles_and_names(outputs: dict[str, Any]) -> None:
    text = " ".join(html_texts(outputs["sample-html"]))
    assert "Người địa phương giữ chức danh chủ chốt" in text
    assert "Lò Văn Khánh" in text
    assert "máy vi tính: có 6/8" in text  # equipment by name, not "computer"


def test_pseudonymize_hides_the_subject_names(tmp_path: Path) -> None:
    """The names the findings now carry are pseudonymized like every other name."""
    key = tmp_path / "key"
    key.write_text("k" * 40)
    done = run(
        "evaluate", str(SAMPLE), "--as-of", DAY, "--format", "json",
        "--pseudonymize", "--pseudonym-key", str(key),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    names = [
        n
        for n in (SAMPLE / "cadres.csv").read_text(encoding="utf-8").splitlines()[1:]
        for n in [n.split(",")[1]]
    ]
    assert "Lò Văn Khánh" in names
    for name in names:
        assert name not in done.stdout
    cadres = [f for c in doc["communes"] for f in c["findings"] if f["subject_kind"] == "cadre"]
    assert cadres
    for f in cadres:
        assert f["subject_name"] == f["subject"]  # the pseudonym, never the name
        assert f["subject_post"]  # posts are not personal: kept
    plain = run("evaluate", str(SAMPLE), "--as-of", DAY, "--format", "json")
    assert "Lò Văn Khánh" in plain.stdout  # the test would see a leak


@pytest.mark.parametrize("spelling", ["31/12/2026", "31.12.2026", "31-12-2026", " 31/12/2026 "])
def test_as_of_accepts_the_roster_date_spellings(spelling: str) -> None:
    """``--as-of`` reads the days a roster's cells accept (one reading: parse_day)."""
    iso = run("evaluate", str(SAMPLE), "--as-of", DAY, "--format", "json")
    done = run("evaluate", str(SAMPLE), "--as-of", spelling, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["as_of"] == DAY
    assert done.stdout == iso.stdout


def test_as_of_refuses_a_day_that_does_not_exist() -> None:
    done = run("evaluate", str(SAMPLE), "--as-of", "31/02/2026", "--format", "json")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "31/02/2026" in done.stderr


# --------------------------------------------------------------------------- the words

LEVELS = [
    (kind, str(code))
    for kind, enum in (
        ("education", EducationLevel),
        ("theory", TheoryLevel),
        ("rating", RatingLevel),
    )
    for code in enum
]


@given(
    level=st.sampled_from([*LEVELS, ("education", None), ("theory", None), ("rating", None)]),
    lang=st.sampled_from(LANGS),
)
def test_every_level_has_a_name_in_every_language(level: tuple[str, str | None], lang: str):
    kind, code = level
    name = level_name(code, lang, kind)
    assert name.strip() and "_" not in name
    if code is not None:
        assert name != code or lang == "en"  # English may spell a code as a word


@given(
    code=st.sampled_from(
        [("category", str(c)) for c in Category if c != "other"]
        + [("topic", str(t)) for t in TrainingTopic]
        + [("item", i) for i in item_codes()]
        + [("rule", r) for r in rule_ids()]
    ),
    lang=st.sampled_from(LANGS),
)
def test_every_code_has_a_name_in_every_language(code: tuple[str, str], lang: str) -> None:
    family, value = code
    name = {
        "category": category_name,
        "topic": topic_name,
        "item": item_name,
        "rule": rule_title,
    }[family](value, lang)
    assert name.strip() and "_" not in name
    assert name != value or lang == "en"  # English may spell a code as a word ("law")
    assert code_name(value, lang) == name or family == "category"


def test_every_equipment_item_shipped_has_a_name() -> None:
    """Items of the built-in norm, the sample roster and the synthetic rosters."""
    from cadre_core.plugins.builtin import cadre_parameters
    from cadre_core.roster._synth_templates import EQUIPMENT_ITEMS

    norm = next(p for p in cadre_parameters() if p.key == "equipment_norm").default
    sample = {
        line.split(",")[1]
        for line in (SAMPLE / "equipment.csv").read_text(encoding="utf-8").splitlines()[1:]
    }
    for item in {*norm, *sample, *EQUIPMENT_ITEMS}:
        assert item in item_codes(), item


def test_parameter_values_read_as_words() -> None:
    assert words({"party_secretary": ["dai_hoc", "cao_cap"]}) == "Bí thư Đảng ủy: đại học, cao cấp"
    assert words(["data_governance", "e_records"], "en") == "data governance, electronic records"
    assert words("party_secretary;committee_chair") == "Bí thư Đảng ủy, Chủ tịch UBND"
    assert words("Ban Xây dựng Đảng; UBND") == "Ban Xây dựng Đảng; UBND"  # text stays
    assert leaks([words({"national.vacancy": "x", "excellent": 90})]) == {}
