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
HQHT = REALWORLD / "hqht_xuat_asis.xlsx"
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
    if not HQHT.exists():
        pytest.skip("the real-world rosters are not beside the project")
    for command in ("validate", "evaluate"):  # no day given: the list's is unknown
        out = run(command, str(HQHT))
        both = out.stdout + out.stderr
        assert out.returncode == 2, both
        assert english_in(both, HQHT) == [], both
        assert "chưa rõ ngày của danh sách" in both
        # a column not read: by its sheet, its header and its letter
        assert "trang tính 'Danh sách cán bộ'" in both and "(cột K)" in both
    # with --as-of, the list is taken as of that day, said in Vietnamese
    out = run("evaluate", str(HQHT), "--as-of", DAY, "--format", "table")
    both = out.stdout + out.stderr
    assert out.returncode in (0, 3), both  # 3: a target not met, no refusal
    assert english_in(both, HQHT) == [], both
    assert "chưa rõ ngày của danh sách" not in both
    day = f"{DAY[8:10]}/{DAY[5:7]}/{DAY[:4]}"
    assert (
        f"danh sách không ghi ngày nào (ở dòng tiêu đề, dòng ký hay sơ yếu lý lịch) nên được coi là tính đến {day}"
        in both
    )
    assert "trang tính 'Danh sách cán bộ'" in both and "(cột K)" in both
    en = run("validate", str(HQHT), "--lang", "en")
    assert "the list's date is unknown: give --list-date" in en.stderr + en.stdout


def test_a_real_months_report_is_read_on_the_months_last_day_said_in_vietnamese() -> None:
    if not HAIQUAN.exists():
        pytest.skip("the real-world rosters are not beside the project")
    said = "ngày của danh sách được lấy là 30/04/2025, ngày cuối của kỳ 'Tháng 04/2025'"
    for command in ("validate", "evaluate"):
        out = run(command, str(HAIQUAN), *(("--as-of", DAY) if command == "evaluate" else ()))
        both = out.stdout + out.stderr
        assert out.returncode == 2, both  # its rows have no birth date, some no rating
        assert english_in(both, HAIQUAN) == [], both
        assert said in both and "chưa rõ ngày của danh sách" not in both
        assert "trang tính 'Danh sách cán bộ'" in both and "(cột E)" in both
    kept = run("evaluate", str(HAIQUAN), "--skip-invalid", "--format", "json")
    assert kept.returncode == 0, kept.stderr
    doc = json.loads(kept.stdout)
    assert doc["as_of"] == "2025-04-30"
    assert any(said in w["message"] for w in doc["warnings"]), doc["warnings"]
    en = run("validate", str(HAIQUAN), "--lang", "en")
    assert (
        "the list's date was taken as 30/04/2025, the last day of the period 'Tháng 04/2025'"
        in (en.stderr + en.stdout)
    )
    given = run("validate", str(HAIQUAN), "--list-date", "15/04/2025")
    assert "ngày cuối của kỳ" not in given.stdout + given.stderr  # --list-date wins, unsaid


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


# ------------------------------------------------ errors of the other stages (vocab._told)

#: a plugin whose criterion raises, and one whose hook returns one target, not a list
_PLUGINS = {
    "vi17_raising": """
def broken(features):
    return features.cadres["no_such_column"] > 1

@hookimpl
def cadre_targets():
    return [target("vi17_raising.1", broken)]
""",
    "vi17_bare": """
@hookimpl
def cadre_targets():
    return target("vi17_bare.1", criteria.is_female())
""",
}

_PLUGIN_HEAD = """\
import datetime as dt
from fractions import Fraction

from cadre_core import Rule, Target, Text, criteria, hookimpl

ACTIVE = criteria.flag("is_active", Text("cán bộ", "cadres"))


def target(tid, criterion):
    return Target(
        id=tid, title=Text("Thử", "Test"), source="Công văn thử nghiệm", unit="cadres",
        population=ACTIVE, criterion=criterion, rule=Rule(">=", Fraction(1, 2)),
        deadline=dt.date(2030, 12, 31),
    )
"""


def _site(root: Path) -> Path:
    """The plugins of :data:`_PLUGINS` installed (a package and its ``.dist-info``), and a
    ``weasyprint`` that cannot be imported, in ``root``: a folder to put on PYTHONPATH."""
    for name, body in _PLUGINS.items():
        (root / f"cadre_{name}").mkdir(parents=True)
        (root / f"cadre_{name}" / "__init__.py").write_text(_PLUGIN_HEAD + body, "utf-8")
        info = root / f"cadre_{name}-0.0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: cadre-{name}\nVersion: 0.0.1\n", "utf-8"
        )
        (info / "entry_points.txt").write_text(f"[cadre]\n{name} = cadre_{name}\n", "utf-8")
    return root


def _no_pdf(root: Path, error: str) -> Path:
    """A folder with a ``weasyprint`` whose import raises ``error`` (as a machine without
    the package, or without Pango, does)."""
    (root / "weasyprint").mkdir(parents=True)
    (root / "weasyprint" / "__init__.py").write_text(f"raise {error}\n", "utf-8")
    return root


#: (name, files to write in the test's folder, the command's arguments (``{dir}``: that
#: folder, ``{roster}``: a good roster in it), what goes on PYTHONPATH (``site``: the
#: plugins of :data:`_PLUGINS`; ``nopdf``/``nopango``: a weasyprint that fails), extra
#: environment, words the Vietnamese sentence holds, the English sentence of --lang en)
ERRORS = [
    (
        "layout_not_a_table",
        {"bad.toml": '[sheets]\n"DS" = "cadre"\n'},
        ["validate", "{roster}", "--layout", "{dir}/bad.toml"],
        None,
        {},
        ["khóa sheets.'DS'", "'cadre' không phải là bảng của danh sách; có phải là cadres?"],
        "/bad.toml, key sheets.'DS': 'cadre' is not a roster table; did you mean cadres?",
    ),
    (
        "layout_unknown_key",
        {"bad.toml": '[header]\n"Mã NV" = "cadres.cadre_id"\n'},
        ["validate", "{roster}", "--layout", "{dir}/bad.toml"],
        None,
        {},
        ["khóa 'header'", "không phải khóa của hồ sơ bố cục", "có phải là headers?"],
        "/bad.toml, key 'header': not a layout key (keys: name, list_date, sheets, headers, "
        "values); did you mean headers?",
    ),
    (
        "layout_no_column",
        {"bad.toml": '[headers]\n"Mã NV" = "cadres.cadre_idx"\n'},
        ["evaluate", "{roster}", "--layout", "{dir}/bad.toml", "--format", "json"],
        None,
        {},
        ["bảng cadres không có cột 'cadre_idx'", "có phải là cadres.cadre_id?"],
        "/bad.toml, key headers.'Mã NV': 'cadres.cadre_idx': table cadres has no column "
        "'cadre_idx'; did you mean cadres.cadre_id?",
    ),
    (
        "layout_not_toml",
        {"bad.toml": '[headers\n"Mã NV" = "cadres.cadre_id"\n'},
        ["validate", "{roster}", "--layout", "{dir}/bad.toml"],
        None,
        {},
        ["không phải hồ sơ bố cục TOML hợp lệ (dòng 1, cột"],
        "/bad.toml: not a valid TOML layout: ",
    ),
    (
        "layout_missing",
        {},
        ["validate", "{roster}", "--layout", "{dir}/none.toml"],
        None,
        {},
        ["không đọc được hồ sơ bố cục (không có thư mục hoặc tệp này)"],
        "/none.toml: the layout cannot be read (No such file or directory)",
    ),
    (
        "params_unknown_key",
        {"p.toml": "nope = 1\n"},
        ["evaluate", "{roster}", "--params", "{dir}/p.toml", "--format", "json"],
        None,
        {},
        ["không có thông số 'nope' (tệp "],
        "cadre: unknown parameter 'nope' (file ",
    ),
    (
        "params_wrong_type",
        {"p.toml": '"nq05.5a.threshold" = "abc"\n'},
        ["evaluate", "{roster}", "--params", "{dir}/p.toml", "--format", "json"],
        None,
        {},
        ["thông số 'nq05.5a.threshold'", "'abc' không phải là tỷ lệ (viết 3/4, 75% hoặc 0.75)"],
        "/p.toml): 'abc' is not a fraction (write 3/4, 75% or 0.75)",
    ),
    (
        "params_out_of_range",
        {"p.toml": '"nq05.5a.threshold" = "3/2"\n'},
        ["plan", "{roster}", "--params", "{dir}/p.toml", "--format", "json"],
        None,
        {},
        ["3/2 lớn hơn giá trị lớn nhất được phép 1"],
        "/p.toml): 3/2 is above the largest allowed value 1",
    ),
    (
        "params_not_toml",
        {"p.toml": "x = [\n"},
        ["evaluate", "{roster}", "--params", "{dir}/p.toml", "--format", "json"],
        None,
        {},
        ["không phải tệp TOML hợp lệ"],
        "/p.toml: not a valid TOML file: ",
    ),
    (
        "plugin_not_installed",
        {},
        ["evaluate", "{roster}", "--plugin", "nope", "--format", "json"],
        None,
        {},
        ["phần bổ trợ 'nope': chưa được cài đặt (đã cài: "],
        "cadre: plugin 'nope': is not installed (installed: ",
    ),
    (
        "plugin_raises",
        {},
        ["evaluate", "{roster}", "--format", "json"],
        "site",
        {"CADRE_LOAD_PLUGINS": "laichau,vi17_raising"},
        [
            "phần bổ trợ 'vi17_raising', chỉ tiêu 'vi17_raising.1'",
            "hàm tiêu chí của chỉ tiêu gặp lỗi KeyError: 'no_such_column'",
        ],
        "plugin 'vi17_raising', target 'vi17_raising.1': its criterion raised KeyError: "
        "'no_such_column'",
    ),
    (
        "plugin_wrong_type",
        {},
        ["evaluate", "{roster}", "--format", "json"],
        "site",
        {"CADRE_LOAD_PLUGINS": "laichau,vi17_bare"},
        [
            "phần bổ trợ 'vi17_bare', hàm móc cadre_targets",
            "trả về một Target, không phải danh sách Target: hãy trả về [giá_trị]",
        ],
        "plugin 'vi17_bare', hook cadre_targets: returned one Target, not a list of Target: "
        "return [value]",
    ),
    (
        "pseudonym_key_short",
        {"key.txt": "short\n"},
        ["evaluate", "{roster}", "--pseudonymize", "--pseudonym-key", "{dir}/key.txt"],
        None,
        {},
        ["bí danh cần một khóa bí mật dài ít nhất 16 byte (CADRE_PSEUDONYM_KEY hoặc"],
        "cadre: pseudonyms need a secret key of at least 16 bytes (CADRE_PSEUDONYM_KEY or a "
        "key file)",
    ),
    (
        "pseudonym_key_missing",
        {},
        ["plan", "{roster}", "--pseudonymize", "--pseudonym-key", "{dir}/none.key"],
        None,
        {},
        ["không đọc được tệp khóa", "không có thư mục hoặc tệp này"],
        "/none.key: No such file or directory",
    ),
    (
        "pdf_no_package",
        {},
        ["evaluate", "{roster}", "-o", "{dir}/r.pdf"],
        "nopdf",
        {},
        ["Xuất PDF cần gói Python weasyprint", "chọn --format html rồi in từ trình duyệt"],
        "cadre: PDF output needs the Python package weasyprint (pip install weasyprint); it "
        "could not be imported: no weasyprint here",
    ),
    (
        "pdf_no_pango",
        {},
        ["plan", "{roster}", "-o", "{dir}/p.pdf"],
        "nopango",
        {},
        ["Xuất PDF cần các thư viện dàn chữ Pango", "apt-get install libpango-1.0-0"],
        "cadre: PDF output needs the Pango text layout libraries, which could not be loaded "
        "(no pango here); install them (Debian/Ubuntu: apt-get install ",
    ),
    (
        "budget_not_a_number",
        {},
        ["plan", "{roster}", "--budget", "abc", "--format", "json"],
        None,
        {},
        ["--budget 'abc': số tiền: 'abc' không phải là số nguyên; hãy ghi một số tiền"],
        "cadre: --budget 'abc': amount: 'abc' is not a whole number; give a whole amount in "
        "VND (0 or more) or YEAR=AMOUNT,YEAR=AMOUNT",
    ),
    (
        "budget_year_twice",
        {},
        ["plan", "{roster}", "--budget", "2027=5,2027=6", "--format", "json"],
        None,
        {},
        ["năm 2027 được ghi hai lần"],
        "cadre: --budget '2027=5,2027=6': the year 2027 is given twice; give a whole amount",
    ),
    (
        "budget_negative",
        {},
        ["plan", "{roster}", "--budget", "2027=-5", "--format", "json"],
        None,
        {},
        ["số tiền của năm 2027: -5 là số âm"],
        "cadre: --budget '2027=-5': amount for 2027: -5 is negative; give a whole amount",
    ),
]


@pytest.fixture(scope="module")
def error_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The folders put on PYTHONPATH by :data:`ERRORS`, and a good roster."""
    root = tmp_path_factory.mktemp("errors")
    return {
        "site": _site(root / "site"),
        "nopdf": _no_pdf(root / "nopdf", 'ImportError("no weasyprint here")'),
        "nopango": _no_pdf(root / "nopango", 'OSError("no pango here")'),
        "roster": _folder(root),
    }


@pytest.mark.parametrize(
    ("files", "args", "path", "env", "words", "english"),
    [c[1:] for c in ERRORS],
    ids=[c[0] for c in ERRORS],
)
def test_errors_of_layouts_plugins_parameters_keys_pdf_and_budget_follow_lang(
    error_site: dict[str, Path],
    tmp_path: Path,
    files: dict[str, str],
    args: list[str],
    path: str | None,
    env: dict[str, str],
    words: list[str],
    english: str,
) -> None:
    """Each error a command prints (exit 2): in Vietnamese (the default) with none of the
    English words, and with ``--lang en`` the English sentence of earlier versions."""
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    argv = [a.format(dir=tmp_path, roster=error_site["roster"]) for a in args]
    full = {k: v for k, v in os.environ.items() if not k.startswith("CADRE_")}
    full.update(COLUMNS="400", NO_COLOR="1", **env)
    if path is not None:
        full["PYTHONPATH"] = str(error_site[path])

    def cadre(*more: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [CADRE, *argv, *([] if argv[0] == "validate" else ["--as-of", DAY]), *more],
            capture_output=True,
            text=True,
            timeout=300,
            env=full,
            check=False,
        )

    vi = cadre()
    assert vi.returncode == 2, vi.stderr
    assert "Traceback" not in vi.stderr
    for w in words:
        assert w in vi.stderr, vi.stderr
    hidden = [tmp_path, error_site["roster"], *error_site.values()]
    assert english_in(vi.stderr, *hidden) == [], vi.stderr
    en = cadre("--lang", "en")
    assert en.returncode == 2, en.stderr
    assert english in en.stderr, en.stderr
