"""Reader problems and command-line sentences in Vietnamese (issue 17): a bad roster read by
the real ``cadre`` command in Vietnamese (the default) is told in Vietnamese, naming the
file, table, row and column by the user's words, with no English word; ``--lang en`` keeps
the English sentences as they were."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadre_core import sample_roster
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._schema import TABLE_BY_NAME, TABLE_NAMES

CADRE = str(Path(sys.executable).with_name("cadre"))
REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "rosters"
HAIQUAN = REALWORLD / "haiquan_bangtonghop_asis.xlsx"
DAY = "2026-12-31"

#: English words and phrases of the messages before they were said in Vietnamese: none
#: may reach a Vietnamese output.
ENGLISH = (
    "table",
    "row",
    "column",
    "is not",
    "did you mean",
    "error",
    "warning",
    "expected",
    "missing",
    "unknown",
    "not read",
    "sheet",
    "duplicate",
    "required",
    "listed in",
    "one of",
    "a date",
    "invalid",
    "problem",
    "cannot",
    "folder",
    "file",
    "the",
    "wrote",
    "left out",
    "internal",
    "differ",
    "report",
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="400", NO_COLOR="1")
    return subprocess.run(
        [CADRE, *args], capture_output=True, text=True, timeout=300, env=env, check=False
    )


def english_in(text: str, *hidden: Path | str) -> list[str]:
    """The English words of :data:`ENGLISH` in ``text`` (whole words, any case), once the
    paths the test chose (``hidden``) are taken out."""
    for h in sorted(map(str, hidden), key=len, reverse=True):
        text = text.replace(h, "<path>")
    return [w for w in ENGLISH if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.I)]


# ------------------------------------------------------------------ a bad roster folder


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "danhsach"
    sample_roster().write(folder, format="csv")
    return folder


def _edit(folder: Path, table: str, change: Callable[[list[list[str]]], None]) -> None:
    path = folder / f"{table}.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    change(rows)
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


def _cell(table: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        def put(rows: list[list[str]]) -> None:
            rows[row - 1][rows[0].index(column)] = value

        _edit(folder, table, put)

    return change


def _drop_column(table: str, column: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        def drop(rows: list[list[str]]) -> None:
            at = rows[0].index(column)
            for r in rows:
                del r[at]

        _edit(folder, table, drop)

    return change


def _drop_table(table: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        (folder / f"{table}.csv").unlink()

    return change


def _duplicate_id(folder: Path) -> None:
    def dup(rows: list[list[str]]) -> None:
        rows.append(list(rows[3]))

    _edit(folder, "agencies", dup)


#: the headers the sample's cadres table is written with, less full_name (the dropped column)
_HEADERS_LEFT = ", ".join(c for c in sample_roster().tables["cadres"].columns if c != "full_name")

#: (name, the change, words the Vietnamese sentence must hold, the English sentence of
#: ``--lang en``, exactly as before, and the cells of the problem's line in the terminal's
#: table: file, table, row, column)
CASES = [
    (
        "unknown_value",
        _cell("cadres", 3, "gender", "robot"),
        ("cadres.csv", "bảng cadres (Cán bộ)", "dòng 3", "cột gender (Giới tính)", "Nam, Nữ"),
        "danhsach/cadres.csv, table cadres, row 3, column gender: 'robot' is not one of male, "
        "female",
        ("danhsach/cadres.csv", "cadres (Cán bộ)", "3", "gender (Giới tính)", "'robot'"),
    ),
    (
        "suggestion",
        _cell("degrees", 2, "level", "Thac sii"),
        ("degrees.csv", "dòng 2", "cột level", "một trình độ chuyên môn:", "có phải là 'Thạc sĩ'"),
        "danhsach/degrees.csv, table degrees, row 2, column level: 'Thac sii' is not one of "
        "trung_cap, cao_dang, dai_hoc, thac_si, tien_si; did you mean thac_si?",
        ("danhsach/degrees.csv", "degrees (Bằng cấp chuyên môn)", "2", "level", "'Thạc sĩ'"),
    ),
    (
        "bad_date",
        _cell("cadres", 4, "birth_date", "31/02/1980"),
        ("cadres.csv", "dòng 4", "cột birth_date (Ngày sinh)", "một ngày"),
        "danhsach/cadres.csv, table cadres, row 4, column birth_date: '31/02/1980' is not a date "
        "(a spreadsheet date, 2026-03-01 or 01/03/2026)",
        ("danhsach/cadres.csv", "cadres (Cán bộ)", "4", "birth_date (Ngày sinh)", "'31/02/1980'"),
    ),
    (
        "year_alone",
        _cell("cadres", 4, "birth_date", "1980"),
        ("dòng 4", "năm không phải là ngày", "30/06/1980"),
        "danhsach/cadres.csv, table cadres, row 4, column birth_date: '1980' is not a date (a "
        "spreadsheet date, 2026-03-01 or 01/03/2026) (a year alone is not a day: give the day "
        "(e.g. 30/06/1980) or leave the cell blank)",
        ("danhsach/cadres.csv", "cadres (Cán bộ)", "4", "birth_date (Ngày sinh)", "30/06/1980"),
    ),
    (
        "missing_column",
        _drop_column("cadres", "full_name"),
        ("cadres.csv", "bảng cadres (Cán bộ)", "cột full_name (Họ và tên)", "thiếu cột bắt buộc"),
        "danhsach/cadres.csv, table cadres, column full_name: required column full_name is "
        f"missing (headers found: {_HEADERS_LEFT})",
        ("danhsach/cadres.csv", "cadres (Cán bộ)", "full_name (Họ và tên)", "thiếu cột"),
    ),
    (
        "duplicate_id",
        _duplicate_id,
        ("agencies.csv", "bảng agencies (Cơ quan, đơn vị)", "cột agency_code", "trùng"),
        None,
        ("danhsach/agencies.csv", "agencies (Cơ quan, đơn vị)", "agency_code (", "trùng"),
    ),
    (
        "unknown_reference",
        _cell("degrees", 3, "cadre_id", "ZZ999"),
        ("degrees.csv", "dòng 3", "cột cadre_id (Mã cán bộ)", "có trong bảng cadres (Cán bộ)"),
        "danhsach/degrees.csv, table degrees, row 3, column cadre_id: 'ZZ999' is not a cadre_id "
        "listed in cadres",
        ("danhsach/degrees.csv", "degrees (Bằng cấp chuyên môn)", "3", "cadre_id (Mã cán bộ)"),
    ),
    (
        "missing_table",
        _drop_table("positions"),
        ("danhsach", "bảng positions (Vị trí việc làm)", "thiếu bảng bắt buộc"),
        "danhsach, table positions: required table positions is missing",
        ("danhsach", "positions (Vị trí việc làm)", "thiếu bảng bắt buộc"),
    ),
]


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def bad_roster(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    name, change, words, english, cells = request.param
    folder = _folder(tmp_path_factory.mktemp(name))
    change(folder)
    return folder, words, english, cells


@pytest.mark.parametrize("command", ["validate", "evaluate"])
def test_a_bad_roster_is_told_in_vietnamese(bad_roster, command: str) -> None:
    folder, _, _, cells = bad_roster
    extra = ("--as-of", DAY, "--format", "table") if command == "evaluate" else ()
    out = run(command, str(folder), *extra)
    both = out.stdout + out.stderr
    assert out.returncode == 2, both
    assert "Traceback" not in both
    assert english_in(both, folder.parent) == [], both
    lines = both.splitlines()
    assert "Mức\tTệp\tBảng\tDòng\tCột\tGiá trị\tYêu cầu\tGợi ý" in lines, both
    found = [x.split("\t") for x in lines if x.startswith("Lỗi\t")]
    assert any(all(any(c in cell for cell in line) for c in cells) for line in found), both


def test_validate_json_and_csv_say_each_problem_in_the_chosen_language(bad_roster) -> None:
    folder, words, english, _ = bad_roster
    vi = json.loads(run("validate", str(folder), "--format", "json").stdout)
    en = json.loads(run("validate", str(folder), "--format", "json", "--lang", "en").stdout)
    assert [{k: v for k, v in p.items() if k != "message"} for p in vi["problems"]] == [
        {k: v for k, v in p.items() if k != "message"} for p in en["problems"]
    ]  # every other key and its meaning kept
    errors = [p for p in vi["problems"] if p["severity"] == "error"]
    assert errors
    for p in vi["problems"]:
        assert english_in(p["message"], folder.parent) == [], p["message"]
        assert p["key"], p
        if p["row"] is not None:
            assert f"dòng {p['row']}" in p["message"]
    messages = "\n".join(p["message"] for p in vi["problems"])
    for w in words:
        assert w in messages
    for p in en["problems"]:  # English: the sentence of Problem.describe, as before
        assert p["message"] == Problem.from_dict(p).describe()
    if english is not None:
        assert english in [p["message"] for p in en["problems"]]
    rows = list(csv.DictReader(run("validate", str(folder), "--format", "csv").stdout.splitlines()))
    assert [r["message"] for r in rows] == [p["message"] for p in vi["problems"]]


def test_a_real_held_list_without_a_day_is_told_in_vietnamese() -> None:
    if not HAIQUAN.exists():
        pytest.skip("the real-world rosters are not beside the project")
    for command in ("validate", "evaluate"):
        out = run(command, str(HAIQUAN), *(("--as-of", DAY) if command == "evaluate" else ()))
        both = out.stdout + out.stderr
        assert out.returncode == 2, both
        assert english_in(both, HAIQUAN) == [], both
        assert "chưa rõ ngày của danh sách" in both
        # a column not read: by its sheet, its header and its letter
        assert "trang tính 'Danh sách cán bộ'" in both and "(cột E)" in both
    en = run("validate", str(HAIQUAN), "--lang", "en")
    assert "the list's date is unknown: give --list-date" in en.stderr + en.stdout


# ----------------------------------------------------- a problem from random coordinates


def _old_describe(p: Problem) -> str:
    """``Problem.describe`` as every version before the Vietnamese sentences wrote it."""
    where = [p.file]
    if p.table:
        where.append(f"table {p.table}")
    if p.row is not None:
        where.append(f"row {p.row}")
    if p.column:
        where.append(f"column {p.column}")
    text = ", ".join(where) + ": "
    if p.value is not None:
        text += f"{p.value!r} is not {p.expected}"
    else:
        text += p.expected
    if p.suggestion:
        text += f"; did you mean {p.suggestion}?"
    return text


KEYS = {  # a sentence of the label table and its arguments
    "value_required": {},
    "unique_id": {},
    "whole_number": {},
    "date": {},
    "one_of": {"codes": "male;female", "family": "gender"},
    "one_of_education": {"codes": "trung_cap;dai_hoc", "family": "education"},
    "listed_in": {"column": "cadre_id", "target": "cadres"},
    "column_not_read": {},
}


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    table = draw(st.sampled_from(TABLE_NAMES))
    column = draw(st.sampled_from(TABLE_BY_NAME[table].column_names))
    key = draw(st.sampled_from(sorted(KEYS)))
    return problem(
        draw(st.from_regex(r"[a-z]{1,8}\.(csv|xlsx)", fullmatch=True)),
        table,
        draw(st.integers(1, 10**6)),
        column,
        draw(st.none() | st.text(max_size=12)),
        key,
        draw(st.none() | st.sampled_from(["thac_si", "male", "cadres"])),
        severity=draw(st.sampled_from(["error", "warning"])),
        **KEYS[key],
    )


@given(problems())
def test_any_problem_names_its_row_and_column_in_vietnamese(p: Problem) -> None:
    vi = p.describe("vi")
    assert p.row is not None and p.column is not None and p.table is not None
    assert f", dòng {p.row}, " in vi
    header = [a for a in TABLE_BY_NAME[p.table].column(p.column).aliases if not a.isascii()]
    if header:
        assert f"cột {p.column} ({header[0][:1].upper()}{header[0][1:]})" in vi
    assert p.describe("en") == p.describe() == _old_describe(p)
    assert Problem.from_dict(p.to_dict("en")) == p


# ----------------------------------------------------------- command-line sentences


@pytest.fixture(scope="module")
def sample_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mau") / "mau.xlsx"
    sample_roster().write(path)
    return path


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ("evaluate", "{roster}", "-o", "{tmp}/khong/r.json"),
            "không tồn tại; hãy tạo thư mục trước",
            "does not exist; create it first or choose another",
        ),
        (
            ("evaluate", "{roster}", "--as-of", "31/13/2026"),
            "không phải là một ngày",
            "is not a day",
        ),
        (
            ("evaluate", "{roster}", "--as-of", DAY, "--format", "xlsx"),
            "--format xlsx cần --output TỆP",
            "--format xlsx needs --output FILE",
        ),
        (
            ("evaluate", "{roster}", "--format", "json", "-o", "{tmp}/r.xlsx"),
            "không khớp với tên tệp kết quả",
            "contradicts the output name",
        ),
        (
            ("evaluate", "{roster}", "--as-of", DAY, "--commune", "Không Có"),
            "danh sách không có xã này",
            "no such commune in the roster",
        ),
        (
            ("plan", "{roster}", "--as-of", DAY, "--horizon", "2020"),
            "ở trước năm của --as-of",
            "is before the year of --as-of",
        ),
        (
            ("schema", "--check", "{roster}"),
            "không phải là chữ UTF-8",
            "not UTF-8 text",
        ),
    ],
)
def test_command_line_sentences_follow_lang(
    args: tuple[str, ...], vi: str, en: str, sample_xlsx: Path, tmp_path: Path
) -> None:
    shown = [a.format(roster=sample_xlsx, tmp=tmp_path) for a in args]
    said = run(*shown)
    assert said.returncode == 2, said.stderr
    assert vi in said.stderr, said.stderr
    assert english_in(said.stderr, sample_xlsx, tmp_path) == [], said.stderr
    english = run(*shown, "--lang", "en")
    assert english.returncode == 2
    assert en in english.stderr, english.stderr


def test_plugins_names_hooks_in_vietnamese_and_keeps_the_code_in_json() -> None:
    table = run("plugins", "--format", "table")
    assert "chỉ tiêu" in table.stdout and "cadre_targets" not in table.stdout
    assert "cadre_targets" in run("plugins", "--format", "table", "--lang", "en").stdout
    doc = json.loads(run("plugins", "--format", "json").stdout)
    assert any("cadre_targets" in p["hooks"] for p in doc["plugins"])


def test_verify_says_its_differences_in_vietnamese(tmp_path: Path) -> None:
    roster = tmp_path / "xa.xlsx"
    sample_roster().write(roster)
    report = tmp_path / "bao_cao.json"
    done = run("evaluate", str(roster), "--as-of", DAY, "-o", str(report))
    assert done.returncode == 0, done.stderr
    tables = dict(sample_roster().tables)
    tables["cadres"] = tables["cadres"].iloc[1:]
    changed = tmp_path / "moi"
    changed.mkdir()
    from cadre_core import Roster

    Roster.from_frames(tables, skip_invalid=True).write(changed / "xa.xlsx")
    vi = run("verify", str(report), str(changed / "xa.xlsx"))
    assert vi.returncode == 3, vi.stderr
    assert "không còn khớp" in vi.stdout
    assert "các tệp của danh sách khác với các tệp đã dùng để lập báo cáo" in vi.stdout
    assert "chỉ tiêu" in vi.stdout and "khác nhau ở" in vi.stdout
    assert english_in(vi.stdout, tmp_path) == [], vi.stdout
    en = run("verify", str(report), str(changed / "xa.xlsx"), "--lang", "en")
    assert en.returncode == 3
    assert "the roster's files differ from the ones the report was made from" in en.stdout
    assert "differs in" in en.stdout
