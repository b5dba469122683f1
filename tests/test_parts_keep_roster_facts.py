"""A part of a roster keeps what the reader set aside and the day a list describes.

Before, the dask engine (per partition of communes) and the planner's chunks made each
part's roster of its tables with the roster's name, what its input could not inform and
the posts held by a row set aside, and nothing else: a cadre whose degree cell
``--skip-invalid`` refused was found appointed below the standard, the commune's note on
who was not judged was missing, and a list's own day was said as the day of
appointment: findings the pandas engine does not give. Now a part is made with the whole
roster's facts (:class:`RosterFacts`), and its results equal the whole roster's.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from list_files import run, sheet, workbook

import cadre_core
from cadre_core.engine._dask import WHOLE_ONLY, RosterFacts, commune_partitions, evaluate_dask
from cadre_core.planner._parallel import _jobs
from cadre_core.roster import Roster, read_roster
from cadre_core.roster._problems import Problem
from cadre_core.testing.strategies import rosters

pytest.importorskip("distributed")

AS_OF = "2026-12-31"
RULE = "national.below_standard_on_appointment"
NOTE = "national.levels_unknown"
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
HEADER += ["Lý luận chính trị"]
#: Khiêm's degree cell and Lả's theory cell are refused (their rows set aside)
TAN_UYEN = [
    ["Lò Văn Khiêm", "11/02/1977", "Nam", "Bí thư Đảng ủy", "xyz", "Cao cấp"],
    ["Tòng Thị Lả", "05/05/1982", "Nữ", "Phó Chủ tịch UBND xã", "Trung cấp", "xyz"],
    ["Lò Thị Mai", "12/04/1984", "Nữ", "Chủ tịch HĐND xã", "Đại học", "Cao cấp"],
]
MUONG_KHOA = [["Lò Văn Sơn", "01/06/1980", "Nam", "Chủ tịch UBND xã", "Trung cấp", "Sơ cấp"]]


def _rows(commune: str, people: list[list[str]]) -> list[list[Any]]:
    """A commune's list: its title rows (the list's day 31/12/2025), header, people."""
    return [
        [f"ĐẢNG ỦY XÃ {commune.upper()}"],
        [f"DANH SÁCH CÁN BỘ XÃ {commune.upper()} (tính đến ngày 31/12/2025)"],
        HEADER,
        *[[n + 1, *p] for n, p in enumerate(people)],
    ]


def _one_commune(tmp_path: Path) -> Path:
    return sheet(tmp_path / "list.xlsx", _rows("Tân Uyên", TAN_UYEN))


def _two_communes(tmp_path: Path) -> Path:
    return workbook(
        tmp_path / "two.xlsx",
        [
            ("Tân Uyên", _rows("Tân Uyên", TAN_UYEN)),
            ("Mường Khoa", _rows("Mường Khoa", MUONG_KHOA)),
        ],
    )


def _findings(document: str) -> list[dict[str, Any]]:
    return [
        f
        for c in json.loads(document)["communes"]
        for f in c["findings"]
        if f["rule"] in (RULE, NOTE)
    ]


def test_dask_evaluation_of_a_list_with_rows_set_aside_equals_local(tmp_path: Path) -> None:
    """Before, the dask engine found Khiêm (whose degree cell was refused) appointed below
    the standard, judged Lả's refused theory cell, said the list's own day as the day of
    appointment and left out the note on who was not judged. Now its JSON is the local
    engine's, byte for byte."""
    roster = read_roster(_one_commune(tmp_path), skip_invalid=True)
    assert roster.rows_aside and roster.list_date == dt.date(2025, 12, 31)
    local = cadre_core.evaluate(roster, AS_OF).to_json()
    dask = cadre_core.evaluate(roster, AS_OF, engine="dask").to_json()
    assert dask == local
    found = _findings(dask)
    khiem = roster.cadres.loc[roster.cadres["full_name"] == "Lò Văn Khiêm", "cadre_id"].item()
    assert [f["rule"] for f in found].count(NOTE) == 1
    assert all(f["subject"] != khiem for f in found if f["rule"] == RULE)
    assert not any("31/12/2025" in f["message_en"] for f in found)


def test_cluster_evaluation_of_two_communes_equals_local(tmp_path: Path, dask_client: Any) -> None:
    """The same on a cluster of two worker processes, each commune its own partition (the
    facts travel to the workers): the JSON is the local engine's."""
    roster = read_roster(_two_communes(tmp_path), skip_invalid=True)
    assert len(roster.communes) == 2
    local = cadre_core.evaluate(roster, AS_OF, by_commune=True).to_json()
    got = evaluate_dask(roster, AS_OF, client=dask_client, npartitions=2)
    assert got.to_json() == local
    assert [f["rule"] for f in _findings(local)].count(NOTE) == 1


def test_plan_chunks_of_a_list_with_rows_set_aside(tmp_path: Path) -> None:
    """Each chunk of the planner is made with the whole roster's facts (before: its name,
    what the input could not inform and the posts held by a row set aside alone), and
    ``cadre plan --chunk 1 --workers 2`` writes the document of the plan without chunks."""
    path = _two_communes(tmp_path)
    roster = read_roster(path, skip_invalid=True)
    jobs = _jobs(roster, 1)
    assert len(jobs) == 2
    for job in jobs:
        assert job.facts is not None and job.tables is not None
        part = job.facts.roster(job.tables)
        assert part.rows_aside == roster.rows_aside
        assert part.list_date == roster.list_date
        assert part.informed == roster.informed and part.absent == roster.absent
    args = ("plan", str(path), "--skip-invalid", "--as-of", AS_OF, "--format", "json")
    whole = run(*args)
    chunked = run(*args, "--chunk", "1", "--workers", "2")
    assert whole.returncode == 0, whole.stderr
    assert chunked.returncode == 0, chunked.stderr
    assert chunked.stdout == whole.stdout


FACTS = tuple(f.name for f in attrs.fields(Roster) if f.name not in ("tables", *WHOLE_ONLY))


def _aside(scope: str, table: str) -> Problem:
    return Problem("r.xlsx", table, 3, "level", "xyz", "a level", scope=scope)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    roster=rosters(communes=st.integers(1, 3), max_cadres=8),
    day=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    scopes=st.lists(st.sampled_from(["row", "cell", "table"]), max_size=4),
    absent=st.sampled_from([(), ("trainings",), ("positions.accepted_fields",)]),
)
def test_every_part_keeps_every_fact(
    roster: Roster, day: dt.date | None, scopes: list[str], absent: tuple[str, ...]
) -> None:
    """Every part of any roster (any facts) is made with each fact of the whole roster but
    what only the whole roster's evaluation or plan reads; of what was set aside, the
    tables set aside whole travel, not the rows (told by ``rows_aside``); the facts
    pickle without the reader's problems."""
    ids = roster.cadres["cadre_id"].astype(str).tolist()
    skipped = tuple(_aside(s, "theory" if s == "table" else "degrees") for s in scopes)
    whole = attrs.evolve(
        roster,
        list_date=day,
        absent=absent,
        skipped=skipped,
        rows_aside=tuple(("degrees", c) for c in ids[::2]),
        held_aside=(("P9", day),),
        problems=tuple(_aside("column", "cadres") for _ in range(50)),
        records=("a.docx",),
        sources=("a.docx:00",),
        input_rows={"cadres": len(ids)},
    )
    facts = RosterFacts.of(whole)
    assert len(pickle.dumps(facts)) < len(pickle.dumps(whole.problems))
    for _, tables in commune_partitions(whole, 3):
        part = facts.roster(tables)
        for name in FACTS:
            if name == "skipped":
                kept = tuple(p for p in whole.skipped if p.scope == "table")
                assert part.skipped == kept
            else:
                assert getattr(part, name) == getattr(whole, name), name
        left = (part.problems, part.records, part.sources, dict(part.input_rows))
        assert left == ((), (), (), {})
