"""A cadre whose degree or theory the input could not give is not judged on it.

Before, with ``--skip-invalid``, a degree cell ("Trình độ chuyên môn") or theory cell
("Lý luận chính trị") the reader refused was set aside, the cadre's level was unknown, and
the targets reading it (``nq05.5a``, ``nq05.2d``, ``nq05.5b``, ...) counted the cadre as not
meeting it: "1/5" where the list tells "1/4 judged, one unknown". Now the cadre is left out
of the population, the result lists them (``left_out``) and says why (``level_unknown``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from list_files import CADRE, run, sheet

import cadre_core
from cadre_core import Text, criteria
from cadre_core.engine._pipeline import _mask, member_mask
from cadre_core.features._frame import build_features
from cadre_core.roster import Roster, read_roster
from cadre_core.targets import Rule, Target
from cadre_core.testing.strategies import rosters
from cadre_core.vocab._enums import LEADERSHIP_CATEGORIES
from cadre_core.vocab._labels import label

AS_OF = "2026-12-31"
TITLE = ["ĐẢNG ỦY XÃ TÂN UYÊN", "DANH SÁCH CÁN BỘ XÃ TÂN UYÊN (tính đến ngày 31/12/2025)"]
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
HEADER += ["Lý luận chính trị"]
PEOPLE = [
    ["Lò Văn Khiêm", "11/02/1977", "Nam", "Bí thư Đảng ủy", "Thạc sĩ", "Cao cấp"],
    ["Tòng Thị Lả", "05/05/1982", "Nữ", "Phó Bí thư Đảng ủy", "Đại học", "Cao cấp"],
    ["Lò Thị Mai", "12/04/1984", "Nữ", "Chủ tịch HĐND xã", "Đại học", "Cao cấp"],
    ["Tao Văn Hùng", "20/01/1978", "Nam", "Chủ tịch UBND xã", "Đại học", "Cao cấp"],
    ["Nguyễn Thị Hằng", "14/09/1990", "Nữ", "Phó Chủ tịch UBND xã", "Đại học", "Cao cấp"],
]


def _list(path: Path, **cells: tuple[int, str]) -> Path:
    """The five leaders, with ``degree=(person, text)`` or ``theory=(person, text)``."""
    people = [list(p) for p in PEOPLE]
    for column, (who, text) in cells.items():
        people[who][4 if column == "degree" else 5] = text
    rows = [[n + 1, *p] for n, p in enumerate(people)]
    return sheet(path, [[TITLE[0]], [TITLE[1]], HEADER, *rows])


def _targets(path: Path, *more: str) -> dict[str, dict[str, Any]]:
    done = run("evaluate", str(path), "--as-of", AS_OF, "--plugin", "laichau", *more,
               "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    (commune,) = json.loads(done.stdout)["communes"]
    return {t["id"]: t for t in commune["targets"]}


def _id(path: Path, name: str) -> str:
    cadres = read_roster(path, skip_invalid=True).cadres
    return str(cadres.loc[cadres["full_name"] == name, "cadre_id"].iloc[0])


def _counts(t: dict[str, Any]) -> tuple[Any, ...]:
    return t["population"], t["satisfied"], t["required"], t["status"], t["failing"]


def _table_row(path: Path, target: str, lang: str) -> str:
    env = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1"}
    done = subprocess.run(
        [
            CADRE,
            "evaluate",
            str(path),
            "--as-of",
            AS_OF,
            "--plugin",
            "laichau",
            "--skip-invalid",
            "--lang",
            lang,
            "--format",
            "table",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return next(line for line in done.stdout.splitlines() if line.startswith(target + "\t"))


@pytest.fixture(autouse=True)
def _laichau() -> None:
    pytest.importorskip("cadre_laichau")


def test_a_degree_set_aside_is_left_out(tmp_path: Path) -> None:
    """Mai's degree cell is garbage: before, 5a was 1 of 5 with Mai failing (and 2d had
    her failing the post's standard). Now 5a is 1 of the 4 judged, Mai left out, and 2d
    judges the four others; the table says it in Vietnamese, with no internal code."""
    path = _list(tmp_path / "list.xlsx", degree=(2, "xyz"))
    done = run("validate", str(path))
    said = done.stdout + done.stderr  # the cell refused: what --skip-invalid sets aside
    assert done.returncode == 2 and "'xyz'" in said and "Trình độ chuyên môn" in said, said
    mai = _id(path, "Lò Thị Mai")
    t = _targets(path, "--skip-invalid")
    a5 = t["nq05.5a"]
    failing = sorted(_id(path, n) for n in ("Tòng Thị Lả", "Tao Văn Hùng", "Nguyễn Thị Hằng"))
    assert _counts(a5) == (4, 1, 3, "not_met", failing)
    assert (a5["left_out"], a5["left_out_reason"], a5["shortfall"]) == ([mai], "level_unknown", 2)
    d2 = t["nq05.2d"]
    assert _counts(d2) == (4, 4, 4, "met", [])
    assert (d2["left_out"], d2["left_out_reason"]) == ([mai], "level_unknown")
    # theory targets read no degree: Mai is judged on her theory
    assert "left_out" not in t["nq05.5b"] and "left_out" not in t["nq05.6b"]
    row = _table_row(path, "nq05.5a", "vi")
    assert f"chưa đạt (không tính 1: {label('level_unknown', 'vi')})" in row.lower(), row
    assert "level_unknown" not in row and "không rõ trình độ chuyên môn" in row
    assert "1 left out: education or political theory level unknown" in _table_row(
        path, "nq05.5a", "en"
    )


def test_a_theory_set_aside_is_left_out(tmp_path: Path) -> None:
    """Hằng's theory cell is garbage: before, 5b (vice-chairs: advanced theory) was "not
    met" by her alone and 2d counted her failing. Now 5b has no one to judge and says
    why; 2d leaves her out; 5a, reading degrees only, judges her as before."""
    path = _list(tmp_path / "list.xlsx", theory=(4, "xyz"))
    hang = _id(path, "Nguyễn Thị Hằng")
    t = _targets(path, "--skip-invalid")
    b5 = t["nq05.5b"]
    assert _counts(b5) == (0, 0, 0, "not_applicable", [])
    assert (b5["reason"], b5["left_out"], b5["left_out_reason"]) == (
        "level_unknown",
        [hang],
        "level_unknown",
    )
    d2 = t["nq05.2d"]
    assert _counts(d2) == (4, 4, 4, "met", [])
    assert (d2["left_out"], d2["left_out_reason"]) == ([hang], "level_unknown")
    assert _counts(t["nq05.5a"])[:2] == (5, 1) and "left_out" not in t["nq05.5a"]
    row = _table_row(path, "nq05.5b", "vi")
    assert f"không áp dụng ({label('level_unknown', 'vi')})" in row.lower(), row


def test_a_known_failure_is_still_judged(tmp_path: Path) -> None:
    """Hằng's theory is set aside but her degree (trung cấp) is below the post's standard:
    2d judges her failing, as before, and says the education alone."""
    path = _list(tmp_path / "list.xlsx", degree=(4, "Trung cấp"), theory=(4, "xyz"))
    hang = _id(path, "Nguyễn Thị Hằng")
    t = _targets(path, "--skip-invalid")
    assert _counts(t["nq05.2d"]) == (5, 4, 5, "not_met", [hang])
    assert "left_out" not in t["nq05.2d"]
    ev = cadre_core.evaluate(read_roster(path, skip_invalid=True), AS_OF, plugins=["laichau"])
    assert ev.features is not None
    explain = criteria.meets_post_standards().explain
    assert explain is not None
    said = explain(ev.features, pd.Index([hang]), "en")
    assert "education" in said[hang] and "theory" not in said[hang], said[hang]


def test_everyone_readable_is_as_before(tmp_path: Path) -> None:
    """Every cell readable: no result leaves anyone out, and the counts are those the
    targets gave before (the degree and theory of each leader as the list says)."""
    path = _list(tmp_path / "list.xlsx")
    t = _targets(path)
    assert not [i for i, r in t.items() if "left_out" in r or r.get("reason") == "level_unknown"]
    assert _counts(t["nq05.5a"])[:4] == (5, 1, 4, "not_met")
    assert _counts(t["nq05.2d"]) == (5, 5, 5, "met", [])
    assert _counts(t["nq05.5b"]) == (1, 1, 1, "met", [])
    assert t == _targets(path, "--skip-invalid")


_DEFAULTS = {c: ("dai_hoc", "cao_cap") for c in LEADERSHIP_CATEGORIES}
_LEADERS = criteria.holds_category(sorted(LEADERSHIP_CATEGORIES), Text("lãnh đạo", "leaders"))
_ACTIVE = criteria.everyone()
_CRITERIA = [
    criteria.education_at_least("thac_si"),
    criteria.education_at_least("dai_hoc"),
    criteria.theory_at_least("cao_cap"),
    criteria.theory_at_least("trung_cap"),
    criteria.meets_post_standards(),
    criteria.level_in(["dai_hoc", "none"], Text("đại học", "bachelor's")),
    criteria.level_in(["trung_cap"], Text("trung cấp", "intermediate"), kind="theory"),
]
_TARGETS = [
    Target.from_criteria(
        f"x.{n}", Text("x", "x"), "test", pop, crit, Rule.all(), dt.date(2030, 12, 31)
    )
    for n, crit in enumerate(_CRITERIA)
    for pop in (_LEADERS, _ACTIVE)
] + [
    Target.from_criteria(
        "x.fit",
        Text("x", "x"),
        "test",
        criteria.holds_position_with_fields(),
        criteria.fields_fit(),
        Rule.all(),
        dt.date(2030, 12, 31),
    )
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    roster=rosters(max_cadres=8, categories=sorted(LEADERSHIP_CATEGORIES)),
    data=st.data(),
)
def test_left_out_and_judged_make_the_old_population(roster: Roster, data: st.DataObject) -> None:
    """For random rosters and random cadres whose rows of a level table are set aside:
    the members left out and the members judged make the population of the roster with
    nothing set aside, never both; only cadres set aside are left out; and every judged
    member's verdict is the one the whole roster gives (what the input still says of
    them decides it)."""
    day = dt.date(2026, 12, 31)
    params = {"default_standards": _DEFAULTS}
    ids = roster.cadres["cadre_id"].astype(str).tolist()
    aside = data.draw(st.sets(st.sampled_from(ids)) if ids else st.just(set()))
    tables = data.draw(st.sampled_from([("degrees",), ("theory",), ("degrees", "theory")]))
    kept = {
        table: roster.tables[table][
            ~roster.tables[table]["cadre_id"].astype(str).isin(aside)
        ].reset_index(drop=True)
        for table in tables
    }
    after = attrs.evolve(
        roster,
        tables={**roster.tables, **kept},
        rows_aside=tuple((table, c) for table in tables for c in sorted(aside)),
    )
    whole, part = build_features(roster, day, params), build_features(after, day, params)
    index = whole.cadres.index
    assert part.cadres.index.equals(index)
    unknown = ~part.cadres["education_known"] | ~part.cadres["theory_known"]
    assert set(index[unknown.to_numpy()].astype(str)) == aside & set(index.astype(str))
    for target in _TARGETS:
        old = member_mask(target, "population", whole, index).to_numpy()
        raw = _mask(target, "population", part, index, "?").to_numpy()
        judged = member_mask(target, "population", part, index).to_numpy()
        assert target.unjudged is not None
        left = _mask(target, "unjudged", part, index, "?").to_numpy() & raw
        if target.left_out is None:  # a population reading no level is what it was
            assert np.array_equal(raw, old), target.id
            assert np.array_equal(judged | left, old) and not (judged & left).any(), target.id
        assert set(index[left].astype(str)) <= aside, target.id
        truth = member_mask(target, "criterion", whole, index).to_numpy()
        verdict = member_mask(target, "criterion", part, index).to_numpy()
        assert np.array_equal(verdict[judged], truth[judged]), target.id
        if not aside:
            assert not left.any() and np.array_equal(judged, old), target.id
