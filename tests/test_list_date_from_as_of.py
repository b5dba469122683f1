"""A list that names no day is read as of the day the command is asked about.

Before: a list exported from HR software, its title "DANH SÁCH CÁN BỘ" with no "tính đến
ngày", no period and no signing line, stopped every command with "the list's date is
unknown: give --list-date", even ``cadre evaluate LIST --as-of 31/12/2026``, where the user
had just said which day they meant; and ``cadre plan`` said the same but had no
``--list-date`` to give. Now, with ``--as-of`` given (the first of several), such a list is
taken to be as of that day and a warning says so; a day the list names, and
``--list-date``, still win; without either the error stays. ``cadre plan`` takes
``--list-date``, ``cadre verify`` reproduces the day taken, and the service takes its
``as_of`` the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadre_core import read_roster
from cadre_core.roster._list_title import Undated
from cadre_core.roster._problems import RosterError

CADRE = str(Path(sys.executable).with_name("cadre"))
HEADER = "STT,Họ và tên,Ngày sinh,Giới tính,Chức vụ,Trình độ chuyên môn\n"
PEOPLE = (
    "1,Lò Văn An,12/03/1975,Nam,Bí thư Đảng ủy xã,Đại học\n"
    "2,Tao Thị Bình,05/07/1982,Nữ,Chủ tịch UBND xã,Đại học\n"
    "3,Vàng A Chứ,20/01/1990,Nam,Công chức Tư pháp - Hộ tịch,Cao đẳng\n"
)


def _list(folder: Path, *titles: str) -> Path:
    """A one-row-per-person CSV list with ``titles`` above its header."""
    path = folder / "danh-sach.csv"
    path.write_text("".join(f"{t}\n" for t in titles) + HEADER + PEOPLE, encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=300, env=env)


def _codes(problems: Any) -> list[str]:
    return [str(p.key) for p in problems]


def test_evaluate_takes_the_day_asked_and_says_so(tmp_path: Path) -> None:
    path = _list(tmp_path, "UBND XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ, CÔNG CHỨC")
    out = run("evaluate", str(path), "--as-of", "31/12/2026", "--plugin", "laichau",
              "--format", "json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    said = [w for w in doc["warnings"] if "--as-of" in w["message"]]
    assert [w["message"] for w in said] == [
        "danh-sach.csv: danh sách không ghi ngày nào (ở dòng tiêu đề, dòng ký hay sơ yếu lý "
        "lịch) nên được coi là tính đến 31/12/2026, ngày ghi ở --as-of; ghi --list-date nếu "
        "danh sách tính đến ngày khác"
    ]
    a1 = next(t for t in doc["communes"][0]["targets"] if t["id"] == "nq05.1a")
    assert a1["population"] == 3 and a1["satisfied"] == 3  # everyone in post on the day
    # in English, the same warning in English
    en = run("--lang", "en", "evaluate", str(path), "--as-of", "2026-12-31", "--plugin",
             "laichau", "--format", "table")  # fmt: skip
    assert en.returncode == 0, en.stderr
    assert "so it was taken to be as of 31/12/2026, the day given with --as-of" in en.stderr


def test_without_a_day_asked_the_list_is_still_refused(tmp_path: Path) -> None:
    path = _list(tmp_path, "DANH SÁCH CÁN BỘ, CÔNG CHỨC")
    out = run("evaluate", str(path), "--plugin", "laichau", "--format", "json")
    assert out.returncode == 2
    assert "chưa rõ ngày của danh sách: ghi --list-date" in out.stderr
    assert "Traceback" not in out.stderr
    with pytest.raises(RosterError) as err:
        read_roster(path)
    assert _codes(err.value.problems)[-1] == "list_date_unknown"


def test_the_first_of_several_days_is_taken(tmp_path: Path) -> None:
    """A trend of a list naming no day: the list is as of its first day, so that every
    post it lists is held on every later day."""
    path = _list(tmp_path, "DANH SÁCH CÁN BỘ, CÔNG CHỨC")
    out = run("evaluate", str(path), "--as-of", "2027-12-31", "--as-of", "2026-12-31",
              "--plugin", "laichau", "--format", "json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["days"] == ["2026-12-31", "2027-12-31"]
    for day in doc["evaluations"]:
        a1 = next(t for t in day["communes"][0]["targets"] if t["id"] == "nq05.1a")
        assert a1["population"] == 3 and a1["satisfied"] == 3
        assert any("31/12/2026, ngày ghi ở --as-of" in w["message"] for w in day["warnings"])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    asked=st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)),
    named=st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31))),
    given_day=st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31))),
)
def test_the_day_asked_gives_way_to_every_day_the_list_or_the_user_names(
    tmp_path: Path, asked: dt.date, named: dt.date | None, given_day: dt.date | None
) -> None:
    """--list-date first, then the day the title names, then the day asked (said)."""
    title = "DANH SÁCH CÁN BỘ" + ("" if named is None else f" (tính đến ngày {named:%d/%m/%Y})")
    path = _list(tmp_path, title)
    roster = read_roster(path, list_date=given_day or Undated(asked))
    assert roster.list_date == (given_day or named or asked)
    taken = "list_date_from_as_of" in _codes(roster.problems)
    assert taken == (given_day is None and named is None)


def test_plan_takes_list_date_and_the_day_asked(tmp_path: Path) -> None:
    """``cadre plan`` told the user to give --list-date, and had none. The list names no
    commune either: its posts belong to no agency, which stopped the planner with "cannot
    convert float NaN to integer" (exit 2, as if the input were bad); such posts are now
    in no agency's group of members away at once."""
    path = _list(tmp_path, "DANH SÁCH CÁN BỘ, CÔNG CHỨC")
    for args, day in (
        (("--list-date", "01/07/2025"), dt.date.today().isoformat()),
        (("--as-of", "2026-12-31"), "2026-12-31"),
    ):
        out = run("plan", str(path), *args, "--plugin", "laichau", "--format", "json",
                  "--horizon", "2030")  # fmt: skip
        assert out.returncode == 0, (args, out.stderr)
        doc = json.loads(out.stdout)
        assert doc["as_of"] == day
        assert {m for n in doc["needs"] for m in n["members"]} <= {"DS0003", "DS0004", "DS0005"}
        assert doc["needs"] and all(n["member_names"] for n in doc["needs"] if n["members"])
    refused = run("plan", str(path), "--plugin", "laichau", "--format", "json")
    assert refused.returncode == 2 and "--list-date" in refused.stderr


def test_verify_reads_the_list_as_the_evaluation_did(tmp_path: Path) -> None:
    path = _list(tmp_path, "DANH SÁCH CÁN BỘ, CÔNG CHỨC")
    report = tmp_path / "out.json"
    made = run("evaluate", str(path), "--as-of", "2026-12-31", "--plugin", "laichau",
               "-o", str(report))  # fmt: skip
    assert made.returncode == 0, made.stderr
    checked = run("verify", str(report), str(path))
    assert checked.returncode == 0, checked.stdout + checked.stderr
