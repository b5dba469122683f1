"""A post whose holder's row ``--skip-invalid`` set aside is not a vacant post.

Before: the holder of "Chủ nhiệm Ủy ban Kiểm tra" had a bad appointment date; with
``--skip-invalid`` the row was set aside and listed, but nq05.1a then failed the post as "0
held, quota 1", and the national finding called it a vacancy, exactly as for a post
written "(Khuyết)". The planner would recruit for it. Now such a post (held by fewer than
its quota, an assignment row of it set aside and possibly in force on the day) is left
out of nq05.1a's population, listed in the result's ``left_out`` with the reason
``holder_set_aside``, and the finding ``national.holder_set_aside`` says that whether it
is filled cannot be told until the row is corrected. Through the real ``cadre`` command,
and as properties of the library.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadre_core import evaluate, read_roster, sample_roster
from cadre_core.criteria import positions_with_quota
from cadre_core.roster._province import read_rosters
from cadre_core.roster._set_aside import one_per_position

CADRE = str(Path(sys.executable).with_name("cadre"))
AS_OF = "2026-12-31"
POST = "UBKT-CN"  # held by MT007 alone in the sample commune, quota 1
SAMPLE = sample_roster()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=300, env=env)


def _csv(folder: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)


def _damaged(folder: Path, **cells: str) -> Path:
    """The sample commune as CSV tables, the assignment of ``POST`` given ``cells``."""
    folder = sample_roster().write(folder)
    asg = _csv(folder, "assignments")
    at = asg.index[asg["position_code"] == POST]
    assert len(at) == 1
    for column, value in cells.items():
        asg.loc[at, column] = value
    asg.to_csv(folder / "assignments.csv", index=False)
    return folder


def _evaluate(folder: Path, *more: str, as_of: str = AS_OF) -> dict[str, Any]:
    out = run("evaluate", str(folder), "--as-of", as_of, "--plugin", "laichau",
              "--skip-invalid", "--format", "json", *more)  # fmt: skip
    assert out.returncode == 0, out.stderr
    document: dict[str, Any] = json.loads(out.stdout)
    return document


def _target(doc: dict[str, Any], target: str = "nq05.1a") -> dict[str, Any]:
    found: dict[str, Any] = next(t for t in doc["communes"][0]["targets"] if t["id"] == target)
    return found


def _rules_of(doc: dict[str, Any], subject: str) -> list[str]:
    return [f["rule"] for f in doc["communes"][0]["findings"] if f["subject"] == subject]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _evaluate(sample_roster().write(tmp_path_factory.mktemp("clean") / "r"))


def test_a_post_whose_holder_was_set_aside_is_left_out_not_vacant(
    tmp_path: Path, clean: dict[str, Any]
) -> None:
    folder = _damaged(tmp_path / "r", start_date="2025-02-31")
    refused = run("validate", str(folder))
    assert refused.returncode == 2  # without --skip-invalid the bad date is refused
    doc = _evaluate(folder)
    [skipped] = doc["skipped"]
    assert (skipped["table"], skipped["column"], skipped["scope"]) == (
        "assignments", "start_date", "row")  # fmt: skip
    before, after = _target(clean), _target(doc)
    assert POST not in before["failing"] and "left_out" not in before
    assert after["left_out"] == [POST]
    assert after["left_out_reason"] == "holder_set_aside"
    assert POST not in after["failing"]
    assert after["population"] == before["population"] - 1
    assert after["satisfied"] == before["satisfied"] - 1
    assert after["failing"] == before["failing"]
    # the finding says the holder is unknown, never that the post is vacant
    assert _rules_of(doc, POST) == ["national.holder_set_aside"]
    finding = next(f for f in doc["communes"][0]["findings"] if f["subject"] == POST)
    assert finding["message"].startswith("Chưa rõ có đủ người so với biên chế (đọc được 0/1)")
    assert "--skip-invalid" in finding["message"]
    assert finding["subject_name"]  # the post is named, not only its code


def test_the_table_and_the_english_say_what_was_left_out(tmp_path: Path) -> None:
    folder = _damaged(tmp_path / "r", start_date="2025-02-31")
    out = run("--lang", "en", "evaluate", str(folder), "--as-of", AS_OF, "--plugin", "laichau",
              "--skip-invalid", "--format", "table")  # fmt: skip
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith("nq05.1a"))
    assert "(1 left out: the holder's assignment row had errors and was set aside" in line
    vi = run("evaluate", str(folder), "--as-of", AS_OF, "--plugin", "laichau",
             "--skip-invalid", "--format", "table")  # fmt: skip
    line = next(x for x in vi.stdout.splitlines() if x.startswith("nq05.1a"))
    assert "(không tính 1: dòng phân công người giữ vị trí có lỗi" in line
    assert "holder_set_aside" not in vi.stdout


def test_the_csv_says_what_was_left_out(tmp_path: Path) -> None:
    """The CSV for a spreadsheet had no column for what a population left out: it showed
    the smaller population alone. Now ``reason``, ``left_out`` and ``left_out_reason``
    follow ``failing``, as in the JSON."""
    folder = _damaged(tmp_path / "r", start_date="2025-02-31")
    out = run("evaluate", str(folder), "--as-of", AS_OF, "--plugin", "laichau",
              "--skip-invalid", "--format", "csv")  # fmt: skip
    assert out.returncode == 0, out.stderr
    frame = pd.read_csv(io.StringIO(out.stdout.lstrip("\ufeff")), dtype=str,
                        keep_default_na=False)  # fmt: skip
    assert list(frame.columns)[-4:] == ["failing", "reason", "left_out", "left_out_reason"]
    row = frame.set_index("id").loc["nq05.1a"]
    assert (row["left_out"], row["left_out_reason"], row["reason"]) == (
        POST, "holder_set_aside", "")  # fmt: skip
    assert POST not in row["failing"].split("; ")
    others = frame[frame["id"] != "nq05.1a"]
    assert (others["left_out"] == "").all() and (others["left_out_reason"] == "").all()
    ev = evaluate(read_roster(folder, skip_invalid=True), AS_OF, plugins=["laichau"])
    tidy = ev.to_frame().set_index("id")
    assert tidy.loc["nq05.1a", "left_out"] == [POST]
    assert tidy.loc["nq05.1b", "left_out"] == []
    assert pd.isna(tidy.loc["nq05.1b", "left_out_reason"])


def test_a_row_that_ended_before_the_day_leaves_the_post_vacant(tmp_path: Path) -> None:
    """The row set aside ended (its end date was read) before the as-of day: the post is
    vacant on that day whatever the row said."""
    folder = _damaged(tmp_path / "r", start_date="2020-02-31", end_date="2024-06-30")
    doc = _evaluate(folder)
    assert "left_out" not in _target(doc)
    assert POST in _target(doc)["failing"]
    assert _rules_of(doc, POST) == ["national.vacancy"]
    # the same row, still possibly in force on an earlier day: left out then
    early = _evaluate(folder, as_of="2024-06-30")
    assert _target(early)["left_out"] == [POST]


def test_a_bad_end_date_leaves_the_post_out(tmp_path: Path) -> None:
    """An end date that cannot be read may be in the future: the post is left out."""
    doc = _evaluate(_damaged(tmp_path / "r", end_date="31/13/2024"))
    assert _target(doc)["left_out"] == [POST]


def test_a_post_filled_by_the_rows_read_is_counted(tmp_path: Path) -> None:
    """A post whose quota the rows read fill is filled, whatever was set aside."""
    folder = sample_roster().write(tmp_path / "r")
    asg = _csv(folder, "assignments")
    extra = asg[asg["position_code"] == POST].assign(cadre_id="MT001", start_date="2025-02-31")
    pd.concat([asg, extra]).to_csv(folder / "assignments.csv", index=False)
    doc = _evaluate(folder)
    assert len(doc["skipped"]) == 1
    assert "left_out" not in _target(doc) and POST not in _target(doc)["failing"]
    assert _rules_of(doc, POST) == []


def test_a_cadre_set_aside_takes_the_knowledge_of_their_posts(tmp_path: Path) -> None:
    """A cadre row set aside (no name) takes its assignments with it, in a second round:
    the posts they held are left out, not vacant."""
    folder = sample_roster().write(tmp_path / "r")
    cadres = _csv(folder, "cadres")
    cadres.loc[cadres["cadre_id"] == "MT007", "full_name"] = ""
    cadres.to_csv(folder / "cadres.csv", index=False)
    doc = _evaluate(folder)
    assert {(p["table"], p["row"]) for p in doc["skipped"]} >= {("cadres", 8)}
    assert "assignments" in {p["table"] for p in doc["skipped"]}
    assert _target(doc)["left_out"] == [POST]
    assert _rules_of(doc, POST) == ["national.holder_set_aside"]


def test_a_vacant_post_is_still_vacant(tmp_path: Path) -> None:
    """A post no row ever held stays a vacancy beside one left out."""
    folder = _damaged(tmp_path / "r", start_date="2025-02-31")
    positions = _csv(folder, "positions")
    new = positions[positions["position_code"] == POST].assign(position_code="UBKT-CN2")
    pd.concat([positions, new]).to_csv(folder / "positions.csv", index=False)
    doc = _evaluate(folder)
    assert "UBKT-CN2" in _target(doc)["failing"]
    assert _rules_of(doc, "UBKT-CN2") == ["national.vacancy"]
    assert _target(doc)["left_out"] == [POST]


def test_a_list_with_a_bad_appointment_date(tmp_path: Path) -> None:
    """A one-row-per-person list: the person whose appointment date is not a day is set
    aside, and the post made from their row is left out of nq05.1a, not failed."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    rows = [
        ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"],
        ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Ngày bổ nhiệm", "Trình độ"],
        [1, "Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "01/07/2025", "Đại học"],
        [2, "Tao Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "31/02/2025", "Đại học"],
        [3, "Vàng A Chứ", "20/01/1990", "Nam", "Công chức Tư pháp - Hộ tịch", "01/07/2025",
         "Cao đẳng"],
    ]  # fmt: skip
    for row in rows:
        ws.append(row)
    path = tmp_path / "danh-sach.xlsx"
    wb.save(path)
    roster = read_roster(path, skip_invalid=True)
    assert len(roster.held_aside) == 1
    [(code, end)] = roster.held_aside
    assert end is None
    assert roster.positions.set_index("position_code").loc[code, "title"] == "Chủ tịch UBND xã"
    doc = _evaluate(path)
    assert _target(doc)["left_out"] == [code]
    assert code not in _target(doc)["failing"]
    assert _rules_of(doc, code) == ["national.holder_set_aside"]


def test_a_province_scopes_the_posts_set_aside(tmp_path: Path) -> None:
    """Two communes' folders read as one province: the post is scoped like every id."""
    one = _damaged(tmp_path / "a", start_date="2025-02-31")
    two = sample_roster().write(tmp_path / "b")
    agencies = _csv(two, "agencies").assign(commune="Xã Nậm Tăm")
    agencies.to_csv(two / "agencies.csv", index=False)
    roster = read_rosters([one, two], skip_invalid=True)
    [(code, _)] = roster.held_aside
    assert code.endswith("/" + POST) and code in set(roster.positions["position_code"])
    ev = evaluate(roster, AS_OF, plugins=["laichau"], by_commune=True)
    left = [t.left_out for c in ev.communes for t in c.targets if t.id == "nq05.1a"]
    assert sorted(left) == [(), (code,)]


def test_dask_and_pseudonyms_keep_what_was_left_out(tmp_path: Path) -> None:
    """The Dask engine gives the local engine's results; pseudonyms leave position codes."""
    pytest.importorskip("dask")
    roster = read_roster(_damaged(tmp_path / "r", start_date="2025-02-31"), skip_invalid=True)
    local = evaluate(roster, AS_OF, plugins=["laichau"], by_commune=True)
    on_dask = evaluate(roster, AS_OF, plugins=["laichau"], by_commune=True, engine="dask")
    assert local.communes == on_dask.communes
    assert local.communes[0].target("nq05.1a").left_out == (POST,)
    key = {"CADRE_PSEUDONYM_KEY": "a-test-key-of-32-bytes-0123456789"}
    out = subprocess.run(
        [CADRE, "evaluate", str(tmp_path / "r"), "--as-of", AS_OF, "--plugin", "laichau",
         "--skip-invalid", "--format", "json", "--pseudonymize"],
        capture_output=True, text=True, timeout=300, env={**os.environ, **key},
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert _target(json.loads(out.stdout))["left_out"] == [POST]


def test_features_say_which_posts_were_held_aside() -> None:
    roster = attrs.evolve(
        sample_roster(), held_aside=[(POST, None), ("DU-BT", dt.date(2020, 1, 1))]
    )
    ev = evaluate(roster, AS_OF, plugins=["laichau"])
    aside = ev.features.positions["held_aside"]
    assert aside.dtype == bool
    assert aside[aside].index.tolist() == [POST]  # DU-BT's row ended before the day
    # held by its quota in the rows read: counted, neither left out nor failed
    assert ev.communes[0].target("nq05.1a").left_out == ()


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["P1", "P2", "P3"]),
            st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))),
        ),
        max_size=8,
    )
)
def test_one_entry_per_position_with_its_latest_end(held: list[tuple[str, dt.date | None]]) -> None:
    out = one_per_position(held)
    assert [code for code, _ in out] == sorted({code for code, _ in held})
    for code, end in out:
        ends = [e for c, e in held if c == code]
        assert end == (None if None in ends else max(e for e in ends if e is not None))
    assert attrs.evolve(SAMPLE, held_aside=held).held_aside == out  # the Roster's own form


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 4), st.booleans()), min_size=1, max_size=20
    )
)
def test_the_population_and_the_left_out_split_the_posts_with_quota(
    posts: list[tuple[int, int, bool]],
) -> None:
    """Every post with a quota is either in the population or left out, never both; left
    out exactly when it is held aside and held by fewer than its quota."""
    frame = pd.DataFrame(posts, columns=["quota", "holders", "held_aside"])
    features = SimpleNamespace(positions=frame)
    criterion = positions_with_quota()
    assert criterion.left_out is not None
    population = criterion(features)  # type: ignore[arg-type]
    left = criterion.left_out.members(features)  # type: ignore[arg-type]
    assert not (population & left).any()
    assert ((population | left) == (frame["quota"] > 0)).all()
    expected = (frame["quota"] > 0) & frame["held_aside"] & (frame["holders"] < frame["quota"])
    assert (left == expected).all()
