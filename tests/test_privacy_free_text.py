"""Under ``--pseudonymize`` no free text of the input's people reaches an output.

A problem's arguments (``cell``, ``note``, ``person``...) are printed in its sentence and
written in the JSON, xlsx and HTML outputs. Before, only ``person`` was withheld under
pseudonyms: a note under the table ("Ghi chú: (*) Đồng chí Tao Văn Dình đang đi học"), a
struck-through person's note ("Nghỉ hưu từ 01/10/2025 - Pờ Dần Xè") and a status note
after a name ("VÀNG THỊ MỶ (nghỉ thai sản)") were written whole in every output. Now every
argument is declared, in one table (:data:`cadre_core.engine._privacy.FREE_TEXT`), as text
of the input's people or not, and the first are withheld (or the pseudonym, when exactly
a cadre's name). Each list is built here with openpyxl and read through ``read_roster``
and the real ``cadre`` command.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import string
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import CADRE, run
from openpyxl.styles import Font

from cadre_core.engine._privacy import (
    FREE_TEXT,
    WITHHELD,
    Pseudonymizer,
    free_text,
    hide_free_text,
    withheld,
)
from cadre_core.roster import read_roster
from cadre_core.roster._problems import Problem, problem
from cadre_core.vocab._labels import _LABELS

KEY = "0123456789abcdef-free-text"
D = dt.datetime
ROWS = [
    ["ỦY BAN NHÂN DÂN XÃ MƯỜNG TÈ"],
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ"],
    ["(tính đến ngày 31/12/2025)"],
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn",
     "Lý luận chính trị", "Ghi chú"],
    [1, "Pờ Dần Xè", D(1969, 3, 8), "Nam", "Bí thư Đảng ủy", "Đại học", "Cao cấp",
     "Nghỉ hưu từ 01/10/2025 - Pờ Dần Xè"],  # struck through: row 5
    [2, "Lỳ Phì Cà", D(1976, 5, 19), "Nam", "Bí thư Đảng ủy", "Đại học", "Cao cấp", None],
    [3, "Chu Thị Mè", D(1983, 8, 27), "Nữ", "Chủ tịch UBND xã", "Đại học", "Cao cấp", None],
    [4, "VÀNG THỊ MỶ (nghỉ thai sản)", D(1995, 11, 11), "Nữ", "Công chức Văn hóa - Xã hội",
     "Đại học", None, None],
    [5, "Hảng Thị Sua", D(1990, 9, 15), "Nữ", "Phó Chủ tịch UBND xã", "Đại học", "Trung cấp",
     None],
    [None],
    ["Ghi chú: (*) Đồng chí Tao Văn Dình đang đi học"],  # row 11
    [None, None, None, None, "Mường Tè, ngày 05 tháng 01 năm 2026"],
]  # fmt: skip
#: what the outputs must not quote under pseudonyms: names, notes and birth dates
NAMES = ["Pờ Dần Xè", "VÀNG THỊ MỶ", "Vàng Thị Mỷ", "Lỳ Phì Cà", "Tao Văn Dình"]
NOTES = ["Nghỉ hưu từ 01/10/2025", "nghỉ thai sản", "đang đi học"]
BIRTHS = ["1995-11-11", "11/11/1995", "1976-05-19", "19/05/1976"]


def book(path: Path) -> Path:
    """The list of :data:`ROWS`, the row of Pờ Dần Xè (row 5) struck through."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DS 2025"
    for i, row in enumerate(ROWS, 1):
        for j, value in enumerate(row, 1):
            if value is not None:
                ws.cell(i, j, value)
    for j in range(1, 9):
        ws.cell(5, j).font = Font(strike=True)
    wb.save(path)
    return path


def text_of(path: Path) -> str:
    """A file's text as a reader would search it: an xlsx's XML parts, an HTML page with
    its entities read, in NFC, lower case."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            raw = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    else:
        raw = path.read_text("utf-8")
    return unicodedata.normalize("NFC", html.unescape(raw)).casefold()


def quoted(text: str, needles: list[str]) -> list[str]:
    """The needles ``text`` (already folded) quotes."""
    return [n for n in needles if unicodedata.normalize("NFC", n).casefold() in text]


def outputs(tmp_path: Path, command: list[str], suffixes: list[str], *, hide: bool) -> str:
    """Every output of ``cadre <command> -o out.<suffix>`` for each suffix (the file,
    standard output and error), with ``--pseudonymize`` when ``hide``, folded."""
    texts = []
    for suffix in suffixes:
        out = tmp_path / f"{'hidden' if hide else 'plain'}-{command[0]}.{suffix}"
        done = run(*command, "-o", str(out), *(["--pseudonymize"] if hide else []))
        assert done.returncode == 0, done.stdout + done.stderr
        texts += [text_of(out), done.stdout.casefold(), done.stderr.casefold()]
    return unicodedata.normalize("NFC", "\n".join(texts))


@pytest.fixture
def listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The list, with the pseudonym key in the environment."""
    monkeypatch.setenv("CADRE_PSEUDONYM_KEY", KEY)
    return book(tmp_path / "ds.xlsx")


def test_the_list_says_the_notes_it_does_not_read(listed: Path) -> None:
    """The list's problems do quote the notes (what the outputs below must hide): a note
    under the table, a struck-through person's note, a status note after a name."""
    roster = read_roster(listed, skip_invalid=True, list_date=dt.date(2025, 12, 31))
    said = {p.key: dict(p.args) for p in roster.warnings}
    assert said["list_note_not_read"] == {
        "cell": "'Ghi chú: (*) Đồng chí Tao Văn Dình đang đi học'"
    }
    assert said["struck_person"] == {
        "person": "'Pờ Dần Xè'",
        "note_key": "marked_note",
        "note": "'Nghỉ hưu từ 01/10/2025 - Pờ Dần Xè'",
    }
    assert said["name_status"] == {
        "cell": "'VÀNG THỊ MỶ (nghỉ thai sản)'",
        "note": "'nghỉ thai sản'",
    }
    hider = Pseudonymizer.of(roster.cadres, KEY.encode())
    for p in roster.warnings:
        hidden = hider.problem(p)
        text = " ".join(
            [hidden.describe("vi"), hidden.describe("en"), json.dumps(hidden.to_dict())]
        )
        assert quoted(unicodedata.normalize("NFC", text).casefold(), NAMES + NOTES) == []
    hidden_args = {p.key: dict(hider.problem(p).args) for p in roster.warnings}
    assert hidden_args["list_note_not_read"] == {"cell": WITHHELD}
    assert hidden_args["struck_person"] == {
        "person": WITHHELD,
        "note_key": "marked_note",
        "note": WITHHELD,
    }
    assert hidden_args["name_status"] == {"cell": WITHHELD, "note": WITHHELD}
    # names of the commune, columns and sheets are no one's: kept
    assert hidden_args["commune_from_title"] == {"commune": "'Xã Mường Tè'"}


def test_evaluate_hides_notes_names_and_births_in_every_output(
    listed: Path, tmp_path: Path
) -> None:
    """Before: ``cadre evaluate --pseudonymize`` wrote the note under the table, the
    struck-through person's name-bearing note and the status note after a name in the
    JSON, the xlsx and the HTML report and on standard error. Now none of them quotes a
    name, a note or a birth date; without pseudonyms the same run quotes them all (the
    test is not vacuous)."""
    command = ["evaluate", str(listed), "--as-of", "2026-06-01", "--list-date", "2025-12-31",
               "--skip-invalid"]  # fmt: skip
    suffixes = ["json", "xlsx", "html"]
    plain = outputs(tmp_path, command, suffixes, hide=False)
    assert quoted(plain, NAMES + NOTES) == NAMES + NOTES
    hidden = outputs(tmp_path, command, suffixes, hide=True)
    assert quoted(hidden, NAMES + NOTES + BIRTHS) == []
    assert WITHHELD in hidden
    doc = json.loads((tmp_path / "hidden-evaluate.json").read_text("utf-8"))
    notes = [p for p in doc["warnings"] if p["key"] == "list_note_not_read"]
    assert [(p["row"], p["args"]) for p in notes] == [(11, {"cell": WITHHELD})]
    assert "note under the list ([withheld])" in notes[0]["expected"]


def test_forms_and_plan_hide_them_too(listed: Path, tmp_path: Path) -> None:
    """Before: ``cadre plan --pseudonymize -o plan.json`` listed the same notes among its
    problems. Now neither ``cadre forms`` nor ``cadre plan`` quotes a name, a note or a
    birth date under pseudonyms, while without them forms name the people and their
    birth dates, and the plan quotes the notes."""
    forms = ["forms", str(listed), "--as-of", "2025-12-31", "--skip-invalid"]
    plain = outputs(tmp_path, forms, ["json"], hide=False)
    assert quoted(plain, ["Vàng Thị Mỷ", "Lỳ Phì Cà", "1995-11-11"]) == [
        "Vàng Thị Mỷ", "Lỳ Phì Cà", "1995-11-11"]  # fmt: skip
    assert quoted(outputs(tmp_path, forms, ["json"], hide=True), NAMES + NOTES + BIRTHS) == []
    plan = ["plan", str(listed)]
    assert quoted(outputs(tmp_path, plan, ["json"], hide=False), NOTES) == NOTES
    assert quoted(outputs(tmp_path, plan, ["json"], hide=True), NAMES + NOTES + BIRTHS) == []


def test_an_argument_that_is_exactly_a_cadres_name_becomes_the_pseudonym() -> None:
    """A free-text argument that is exactly a cadre's id or name (any case, quoted) is
    the pseudonym, so that the problem still says whom it is about; any other text is
    withheld."""
    cadres = pd.DataFrame({"cadre_id": ["MT001", "MT002"],
                           "full_name": ["Lò Văn An", "Chu Thị Mè"]})  # fmt: skip
    hider = Pseudonymizer.of(cadres, KEY.encode())
    same = problem("ds.xlsx", "cadres", None, "cadre_id", None, "ambiguous_id",
                   column="cadre_id", value="'MT001'", rows="4, 9", target="cadres")  # fmt: skip
    said = hider.problem(same)
    assert dict(said.args)["value"] == f"'{hider.id('MT001')}'"
    assert "MT001" not in said.describe("vi") + said.describe("en")
    status = problem("ds.xlsx", "cadres", 7, "full_name", None, "name_status",
                     cell="'LÒ VĂN AN (đi học)'", note="'đi học'")  # fmt: skip
    assert dict(hider.problem(status).args) == {"cell": WITHHELD, "note": WITHHELD}
    named = problem("ds.xlsx", None, 8, None, None, "name_second_line", cell="'chu thị mè'")
    assert dict(hider.problem(named).args) == {"cell": f"'{hider.id('MT002')}'"}


def test_without_a_roster_every_free_text_is_withheld() -> None:
    """A roster that could not be read has no names to key: its problems' free texts are
    withheld whole (``withheld``), the places of cells kept."""
    note = problem("ds.xlsx", None, 12, None, None, "list_note_not_read",
                   cell="'Ghi chú: đ/c Lò Văn An đi học'")  # fmt: skip
    out = withheld(note)
    assert dict(out.args) == {"cell": WITHHELD}
    assert "Lò Văn An" not in out.describe("vi") + out.describe("en")
    formula = problem("ds.xlsx", None, 3, None, None, "formula_not_read", cell="B3")
    assert withheld(formula) == formula


def _placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


#: the labels that frame every problem's sentence: their ``{}`` are its place (file, row,
#: column names), its value (withheld under pseudonyms) or its suggestion (scrubbed)
FRAMES = {"table", "sheet", "row", "column", "column_n", "is_not", "did_you_mean", "and_more"}


def test_every_argument_of_every_problem_is_declared() -> None:
    """Before: an argument was withheld only when named in a list of special cases
    (``person``), and a new problem quoting a cell went out whole. Now every placeholder of
    every ``problem_*`` label is declared in :data:`FREE_TEXT` as text of the input's
    people or not, for every code that names it when the answer depends on the code; a
    new problem with an undeclared argument fails here."""
    undeclared = []
    for name, texts in _LABELS.items():
        if not name.startswith("problem_"):
            continue
        code = name.removeprefix("problem_")
        for field in set().union(*(_placeholders(t) for t in texts)):
            if field == "":
                assert code in FRAMES, name
                continue
            said = FREE_TEXT.get(field)
            if said is None or (not isinstance(said, bool) and code not in said):
                undeclared.append((code, field))
    assert undeclared == []
    for field, said in FREE_TEXT.items():
        if not isinstance(said, bool):
            unknown = [c for c in said if f"problem_{c}" not in _LABELS]
            assert unknown == [], field
            named = [c for c in said if field in set().union(
                *(_placeholders(t) for t in _LABELS[f"problem_{c}"]))]  # fmt: skip
            assert named == list(said), field


def test_the_audit_of_the_arguments() -> None:
    """The arguments that can hold text of the input's people (the audit): a note under
    the table, a name cell's second line, status and mark, a vacant post's cell, a field
    named in a qualification cell, a struck or hidden person and their note, a date as its
    cell writes it, a legacy-encoded cell, a first row read as headers, a value several
    rows hold; and not: a cell's place, the list's own days, a sheet's name."""
    personal = [
        ("list_note_not_read", "cell"), ("name_second_line", "cell"),
        ("name_address_kept", "cell"), ("vacant_post", "cell"), ("name_mark", "cell"),
        ("name_status", "cell"), ("name_status", "note"), ("field_disagrees", "cell"),
        ("struck_person", "person"), ("hidden_person", "person"),
        ("note_marked_note", "note"), ("post_not_read", "posts"),
        ("date_month_first", "written"), ("date_month_first", "day"),
        ("date_order_unknown", "written"), ("date_mixed_order", "day_example"),
        ("date_mixed_order", "month_example"), ("partial_month", "day"),
        ("partial_year", "day"), ("left_post_not_held", "day"), ("note_year", "year"),
        ("example", "bad"), ("example", "good"), ("note_reads_as", "good"),
        ("required_column", "headers"), ("ambiguous_id", "value"),
        ("ambiguous_reference", "value"), ("same_person_record", "sheet"),
        ("level_under_way", "cell"),
    ]  # fmt: skip
    assert [a for a in personal if not free_text(*a)] == []
    plain = [
        ("formula_not_read", "cell"), ("error_cell_not_read", "cell"), ("record_day", "day"),
        ("list_date_from_as_of", "day"), ("sheet_not_table", "sheet"),
        ("commune_from_title", "commune"), ("one_of", "codes"), ("name_mark", "mark"),
        ("bad_list_date", "value"), ("struck_person", "note_key"),
        ("level_under_way", "held"), ("example_sheet_not_read", "words"),
    ]  # fmt: skip
    assert [a for a in plain if free_text(*a)] == []
    assert free_text("a_new_code", "a_new_argument") is True  # undeclared: withheld


_CELL = st.text(alphabet=st.characters(categories=["L", "N", "Zs", "P"]), max_size=40)


@settings(max_examples=60, deadline=None)
@given(before=_CELL, after=_CELL)
def test_a_free_text_never_survives_in_any_language(before: str, after: str) -> None:
    """Whatever a note says around a name, neither the name nor the note is left in the
    problem's sentences (vi, en), its arguments or its JSON once withheld."""
    secret = "Ghi chú QXZWV"
    cell = repr(f"{before}{secret}{after}")
    for key, args in [
        ("list_note_not_read", {"cell": cell}),
        ("name_status", {"cell": cell, "note": cell}),
        ("struck_person", {"person": cell, "note_key": "marked_note", "note": cell}),
    ]:
        p = hide_free_text(problem("ds.xlsx", None, 9, None, None, key, **args))
        text = " ".join([p.describe("vi"), p.describe("en"), json.dumps(p.to_dict("vi"))])
        assert "QXZWV" not in text


def test_a_problem_without_a_label_keeps_its_english_in_step() -> None:
    """A problem made before keys (no label to say it again) has each withheld argument
    replaced in its English sentence."""
    old = Problem("ds.xlsx", None, 8, None, None, "'Lò Văn Xôm' was not read",
                  args=(("person", "'Lò Văn Xôm'"),))  # fmt: skip
    out = hide_free_text(old)
    assert (dict(out.args), out.expected) == ({"person": WITHHELD}, "[withheld] was not read")


def test_the_real_command_without_a_key_is_refused(listed: Path) -> None:
    """The pseudonyms need the key: without it the command stops with a message, no
    traceback and no output."""
    env = {k: v for k, v in os.environ.items() if k != "CADRE_PSEUDONYM_KEY"}
    done = subprocess.run(
        [CADRE, "evaluate", str(listed), "--pseudonymize", "--format", "json", "--lang", "en"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and done.stdout == ""
