"""``cadre validate --pseudonymize``: the report of a list's problems quotes no cadre id,
full name, birth day or raw cell of the list, as ``cadre evaluate --pseudonymize`` does,
and still says every problem (its row, column and kind).

Each list is built here and checked through the real ``cadre`` command; each test says
what was wrong before.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from list_files import run, sheet

D = dt.datetime
KEY = "k" * 24
TITLE = [["ĐẢNG ỦY XÃ TAM ĐƯỜNG"], ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"]]
HEAD = ["STT", "Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ",
        "Trình độ chuyên môn"]  # fmt: skip
ROWS: list[list[object]] = [
    ["KH0417", "Lò Văn Khiêm", D(1977, 2, 11), "Nam", "Bí thư Đảng ủy", "Đại học"],
    ["KH0418", "Tòng Thị Lả (nghỉ thai sản)", D(1982, 5, 5), "Nữ", "Phó Chủ tịch UBND xã",
     "Ths (đang học)"],
    ["KH0419", "Giàng A Vư", "31/02/1990", "Nam", "Công chức Tư pháp - Hộ tịch",
     "Đại hoc xyz Luật"],
    ["KH0419", "Sùng Thị Dế", D(1988, 11, 3), "Nữ", "Phó Bí thư Đảng ủy", "Thạc sĩ"],
]  # fmt: skip
PERSONAL = [
    "KH0417", "KH0418", "KH0419", "Lò Văn Khiêm", "Tòng Thị Lả", "Giàng A Vư", "Sùng Thị Dế",
    "nghỉ thai sản", "1977-02-11", "11/02/1977", "1982-05-05", "05/05/1982", "31/02/1990",
    "1988-11-03", "03/11/1988", "Đại hoc xyz",
]  # fmt: skip


@pytest.fixture
def roster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CADRE_PSEUDONYM_KEY", KEY)
    people = [[i, *r] for i, r in enumerate(ROWS, 1)]
    return sheet(tmp_path / "danh_sach.xlsx", [*TITLE, HEAD, *people])


def _quoted(text: str) -> list[str]:
    return [s for s in PERSONAL if s.lower() in text.lower()]


def _said(doc: str) -> list[tuple[object, ...]]:
    return sorted(
        (str(p["table"]), p["row"] or 0, str(p["column"]), p["key"], p["severity"])
        for p in json.loads(doc)["problems"]
    )


def test_validate_json_under_pseudonyms_quotes_no_one(roster: Path) -> None:
    """Before, `cadre validate` had no --pseudonymize (click refused it, exit 2) and its
    report quoted the list's ids, names, birth days and cells. Now the same problems, at
    the same rows and columns, quote none of them."""
    plain = run("validate", str(roster), "--skip-invalid", "--format", "json")
    assert plain.returncode == 0, plain.stderr
    assert _quoted(plain.stdout)  # (what there is to hide)
    hidden = run("validate", str(roster), "--skip-invalid", "--format", "json", "--pseudonymize")
    assert hidden.returncode == 0, hidden.stderr
    assert _quoted(hidden.stdout + hidden.stderr) == []
    assert _said(hidden.stdout) == _said(plain.stdout)
    keys = {(p[3], p[1]) for p in _said(hidden.stdout)}
    assert {("date", 6), ("unique_id", 7), ("one_of_education", 6), ("name_status", 5),
            ("level_not_yet_held", 5)} <= keys  # fmt: skip
    assert "[withheld]" in hidden.stdout


def test_validate_table_csv_and_output_file_under_pseudonyms(roster: Path) -> None:
    """The terminal table, the CSV and an --output file quote no one either, and still
    list each problem."""
    table = run("validate", str(roster), "--skip-invalid", "--pseudonymize")
    assert table.returncode == 0, table.stderr
    assert _quoted(table.stdout + table.stderr) == []
    assert "Ngày sinh (column D)" in table.stdout and "Mã cán bộ (column B)" in table.stdout
    out = roster.with_name("problems.csv")
    written = run("validate", str(roster), "--skip-invalid", "--pseudonymize",
                  "--format", "csv", "-o", str(out))  # fmt: skip
    assert written.returncode == 0, written.stderr
    text = out.read_text(encoding="utf-8")
    assert _quoted(text + written.stdout + written.stderr) == []
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {(r["table"], r["row"], r["value"]) for r in rows if r["row"] == "6"} == {
        ("cadres", "6", "[withheld]"),
        ("degrees", "6", "[withheld]"),
    }


def test_a_refused_list_under_pseudonyms(roster: Path) -> None:
    """A list refused (exit 2) under pseudonyms lists its problems with the cells
    withheld, in the table on standard error and in JSON."""
    table = run("validate", str(roster), "--pseudonymize")
    assert table.returncode == 2
    assert _quoted(table.stdout + table.stderr) == []
    assert "a unique id" in table.stderr and "Traceback" not in table.stderr
    doc = run("validate", str(roster), "--pseudonymize", "--format", "json")
    assert doc.returncode == 2
    assert _quoted(doc.stdout + doc.stderr) == []
    assert json.loads(doc.stdout)["valid"] is False
    errors = [(p[0], p[1], p[3]) for p in _said(doc.stdout) if p[4] == "error"]
    assert errors == [("cadres", 6, "date"), ("cadres", 7, "unique_id"),
                      ("degrees", 6, "one_of_education")]  # fmt: skip


def test_a_key_is_needed(roster: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As for `cadre evaluate`: no key, or a key shorter than 16 bytes, is bad input (exit
    2 with a sentence), and --suggest-layout, which writes the list's values as they are,
    is not run under pseudonyms."""
    monkeypatch.delenv("CADRE_PSEUDONYM_KEY")
    none = run("validate", str(roster), "--pseudonymize")
    assert none.returncode == 2 and "Traceback" not in none.stderr
    assert "CADRE_PSEUDONYM_KEY" in none.stderr
    short = roster.with_name("short.key")
    short.write_text("tiny", encoding="utf-8")
    too_short = run("validate", str(roster), "--pseudonymize", "--pseudonym-key", str(short))
    assert too_short.returncode == 2 and "Traceback" not in too_short.stderr
    given = roster.with_name("good.key")
    given.write_text(KEY, encoding="utf-8")
    ok = run("validate", str(roster), "--skip-invalid", "--pseudonymize",
             "--pseudonym-key", str(given))  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    over_key = run("validate", str(roster), "--pseudonymize", "--pseudonym-key", str(given),
                   "-o", str(given))  # fmt: skip
    assert over_key.returncode == 2 and given.read_text(encoding="utf-8") == KEY
    layout = run("validate", str(roster), "--suggest-layout", "--pseudonymize")
    assert layout.returncode == 2 and "--suggest-layout" in layout.stderr
