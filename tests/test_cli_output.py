"""What the command line prints, through the real console script: piped tables as plain
lines, words from the label table, every ``--as-of`` day in one JSON document, CSV."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from cadre_core import sample_roster
from cadre_core.engine import schema_errors
from cadre_core.vocab._tables import show_table

CADRE = str(Path(sys.executable).with_name("cadre"))
BOX = re.compile("[│┃┏┓┗┛┡┩━─┼╇┠╂]")
ANSI = "\x1b["
DAYS = ("--as-of", "2026-06-30", "--as-of", "31/12/2026")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``cadre`` with standard output and error piped (not a terminal)."""
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def sample_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.xlsx"
    sample_roster().write(path)
    return path


@pytest.fixture(scope="module")
def bad_dates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample as CSV tables with five unreadable birth dates."""
    folder = tmp_path_factory.mktemp("bad") / "roster"
    sample_roster().write(folder, format="csv")
    path = folder / "cadres.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    col = header.index("birth_date")
    for i in range(1, 6):
        cells = text[i].split(",")
        cells[col] = "ngày không rõ"
        text[i] = ",".join(cells)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return folder


def _plain(text: str) -> None:
    assert not BOX.search(text), text
    assert ANSI not in text


def test_validate_problems_piped_one_per_line(bad_dates: Path) -> None:
    done = run("validate", str(bad_dates))
    assert done.returncode == 2
    _plain(done.stderr)
    lines = done.stderr.splitlines()
    assert lines[0] == f"5 lỗi trong {bad_dates}"
    assert lines[1].split("\t") == [
        "Mức", "Tệp", "Bảng", "Dòng", "Cột", "Giá trị", "Yêu cầu", "Gợi ý",
    ]  # fmt: skip
    problems = [line.split("\t") for line in lines if line.startswith("Lỗi\t")]
    assert len(problems) == 5  # one problem per line, nothing folded onto the next
    for cells in problems:
        assert len(cells) == 8
        # whole words, never split; the table and the column with their Vietnamese words
        assert cells[2:5:2] == ["cadres (Cán bộ)", "birth_date (Ngày sinh)"]
        assert cells[5] == "'ngày không rõ'"
    assert "danh sách không hợp lệ (5 lỗi)" in lines[-1]
    assert "problem(s)" not in done.stderr


def test_validate_words_in_each_language(sample_xlsx: Path) -> None:
    vi = run("validate", str(sample_xlsx))
    assert vi.returncode == 0, vi.stderr
    _plain(vi.stdout)
    assert f"✓ Danh sách hợp lệ: {sample_xlsx}" in vi.stdout
    assert "Bảng\tSố dòng" in vi.stdout and "\nLý luận chính trị\t44\n" in vi.stdout
    for english in ("valid roster", "table", "rows", "cadres"):
        assert english not in vi.stdout.replace(str(sample_xlsx), ""), english
    en = run("validate", str(sample_xlsx), "--lang", "en")
    assert "Valid roster" in en.stdout and "Table\tRows" in en.stdout


def test_evaluate_table_piped_in_vietnamese(sample_xlsx: Path) -> None:
    done = run("evaluate", str(sample_xlsx), "--format", "table", "--as-of", "31/12/2026")
    assert done.returncode == 0, done.stderr
    _plain(done.stdout)
    lines = done.stdout.splitlines()
    assert lines[0] == "Xã Mường Than — tính đến ngày 31/12/2026"
    assert lines[1].split("\t") == [
        "Mã", "Chỉ tiêu", "Yêu cầu", "Số đối tượng", "Số đạt", "Số cần đạt", "Còn thiếu",
        "Trạng thái", "Thời hạn",
    ]  # fmt: skip
    rows = [line.split("\t") for line in lines if line.startswith("nq05.")]
    assert len(rows) == 18 and all(len(r) == 9 for r in rows)
    assert {r[7] for r in rows} <= {"đạt", "chưa đạt", "không áp dụng", "chưa đạt (quá hạn)"}
    # a person must act on it: the unrated cadre by name and post, not by id alone
    assert "Chưa xếp loại: Lò Thị Hoài Thu, Công chức Nông nghiệp - Môi trường (MT034)" in lines
    assert any(line.startswith("Số phát hiện cần xử lý: ") for line in lines)
    for code in ("req.", "\tok\t", "not_met", "Unrated", "Findings"):
        assert code not in done.stdout, code


def test_plugins_piped_one_line_each() -> None:
    done = run("plugins")
    assert done.returncode == 0, done.stderr
    _plain(done.stdout)
    lines = done.stdout.splitlines()
    assert lines[:2] == [
        "Các plugin đã cài đặt",
        "Tên\tTỉnh — nội dung\tPhiên bản\tChỉ tiêu\tThông số\tĐiểm mở rộng",
    ]
    laichau = next(line.split("\t") for line in lines if line.startswith("laichau\t"))
    assert laichau[1].startswith("Tỉnh Lai Châu — ") and "nq05.5a" in laichau[3]
    template = next(line for line in lines if line.startswith("province_template"))
    assert "(ví dụ: chỉ dùng khi ghi rõ --plugin)" in template


def test_several_days_make_one_json_document(sample_xlsx: Path, tmp_path: Path) -> None:
    done = run("evaluate", str(sample_xlsx), *DAYS, "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert schema_errors(doc, "evaluations", strict=True) == []
    assert doc["days"] == ["2026-06-30", "2026-12-31"]
    assert [e["as_of"] for e in doc["evaluations"]] == doc["days"]
    assert all(len(e["communes"][0]["targets"]) == 18 for e in doc["evaluations"])
    # each day's document is what that day alone gives (its options list both days)
    alone = json.loads(run("evaluate", str(sample_xlsx), "--as-of", "2026-06-30").stdout)
    first = doc["evaluations"][0]
    assert first["communes"] == alone["communes"]
    assert first["audit"]["options"]["days"] == doc["days"]
    # -o x.json writes the same document
    out = tmp_path / "days.json"
    assert run("evaluate", str(sample_xlsx), *DAYS, "-o", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == doc
    # one day: the evaluation document itself, as before (the contract)
    assert "as_of" in alone and "days" not in alone


def test_messages_on_a_pipe_are_one_line_each_however_long(
    sample_xlsx: Path, tmp_path: Path
) -> None:
    """A message naming long paths is never broken at the console's width on a pipe: a
    script reading the output finds each message on its own line."""
    folder = tmp_path / ("thư-mục-báo-cáo-của-xã-" * 8)
    folder.mkdir()
    roster = folder / "danh-sách.xlsx"
    roster.write_bytes(sample_xlsx.read_bytes())
    report = folder / "báo-cáo-nhiều-ngày.json"
    assert run("evaluate", str(roster), *DAYS, "-o", str(report)).returncode == 0
    ok = run("verify", str(report), str(roster))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    line = next(x for x in ok.stdout.splitlines() if x.startswith("✓"))
    assert str(report) in line and str(roster) in line and "30/06/2026, 31/12/2026" in line
    assert len(line) > 300  # longer than any console width
    valid = run("validate", str(roster))
    assert any(str(roster) in x and x.startswith("✓") for x in valid.stdout.splitlines())


def test_verify_checks_every_day_of_a_json(sample_xlsx: Path, tmp_path: Path) -> None:
    report = tmp_path / "days.json"
    assert run("evaluate", str(sample_xlsx), *DAYS, "-o", str(report)).returncode == 0
    ok = run("verify", str(report), str(sample_xlsx))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "khớp với" in ok.stdout and "30/06/2026, 31/12/2026" in ok.stdout
    doc = json.loads(report.read_text(encoding="utf-8"))
    doc["evaluations"][0]["communes"][0]["targets"][0]["satisfied"] += 1
    report.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    changed = run("verify", str(report), str(sample_xlsx))
    assert changed.returncode == 3, changed.stdout + changed.stderr
    assert "không còn khớp với" in changed.stdout
    assert "2026-06-30: " in changed.stdout and "2026-12-31: " not in changed.stdout


@pytest.mark.parametrize("how", ["suffix", "format"])
def test_csv_one_row_per_day_commune_target(sample_xlsx: Path, tmp_path: Path, how: str) -> None:
    if how == "suffix":
        out = tmp_path / "ket-qua.csv"
        done = run("evaluate", str(sample_xlsx), *DAYS, "-o", str(out))
        data = out.read_bytes()
    else:
        done = subprocess.run(
            [CADRE, "evaluate", str(sample_xlsx), *DAYS, "--format", "csv"],
            capture_output=True,
            timeout=300,
        )
        data = done.stdout
    assert done.returncode == 0, done.stderr
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads Vietnamese right
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 2 * 18
    assert {r["as_of"] for r in rows} == {"2026-06-30", "2026-12-31"}
    first = rows[0]
    assert list(first)[:4] == ["as_of", "commune", "id", "title"]
    assert first["commune"] == "Xã Mường Than"
    assert first["title"] == "Bố trí đủ cán bộ theo vị trí việc làm"
    for key in ("population", "satisfied", "required", "shortfall"):
        assert first[key].isdigit()


def test_csv_is_refused_where_it_is_not_written(sample_xlsx: Path, tmp_path: Path) -> None:
    done = run("plan", str(sample_xlsx), "-o", str(tmp_path / "plan.csv"))
    assert done.returncode == 2
    assert "csv" in done.stderr and "Traceback" not in done.stderr
    clash = run("evaluate", str(sample_xlsx), "--format", "json", "-o", str(tmp_path / "a.csv"))
    assert clash.returncode == 2 and "không khớp với tên tệp kết quả" in clash.stderr


def test_show_table_draws_a_table_on_a_terminal_and_keeps_markup_as_text() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    show_table("Tiêu đề", ["Mã", "Giá trị"], [["a", "[red]x[/]"]], console=console)
    text = out.getvalue()
    assert "Tiêu đề" in text and BOX.search(text) and "[red]x[/]" in text
    plain = io.StringIO()
    show_table("", ["Mã"], [["dòng\tmột\ndòng hai"]], console=Console(file=plain))
    assert plain.getvalue() == "Mã\ndòng một dòng hai\n"


# ---------------------------------------------------------------- tables on a terminal

HEADS = ["Mã", "Chỉ tiêu", "Yêu cầu", "Số đối tượng", "Số đạt", "Trạng thái", "Thời hạn"]
ROW = ["nq05.1a", "Bố trí đủ cán bộ theo vị trí việc làm", "tất cả", 34, 32, "chưa đạt",
       "31/12/2026"]  # fmt: skip


def _drawn(width: int, heads: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    show_table("Xã Mường Than", heads, rows, console=Console(file=out, force_terminal=True,
                                                           width=width, color_system=None))  # fmt: skip
    return out.getvalue()


def test_a_code_a_number_and_a_day_are_never_broken_on_a_terminal() -> None:
    """Short values keep their line; the long column wraps between its words."""
    text = _drawn(90, HEADS, [ROW])
    assert BOX.search(text)
    for value in ("nq05.1a", "31/12/2026", "chưa đạt"):
        assert value in text, text
    assert "Bố trí đủ cán bộ" in text and "việc" in text and "vi\n" not in text


def test_a_table_too_wide_for_the_terminal_is_one_block_per_row() -> None:
    """Where the columns cannot stand side by side, each row is a block of "header:
    value" lines: every header and every value, nothing broken."""
    text = _drawn(50, HEADS, [ROW, ROW])
    assert not re.search("[│┃┏┓]", text)
    for head, value in zip(HEADS, ROW, strict=True):
        assert re.search(rf"{re.escape(head)}:\s+{re.escape(str(value)[:12])}", text), head
    assert text.count("Mã:") == 2


@settings(max_examples=60, deadline=None)
@given(
    width=st.integers(40, 200),
    rows=st.lists(
        st.tuples(
            st.from_regex(r"[A-Z]{2}[0-9]{3}", fullmatch=True),
            st.lists(st.sampled_from(["cán", "bộ", "trình", "độ", "đại", "học", "xã"]),
                     min_size=1, max_size=12).map(" ".join),
            st.dates().map(lambda d: f"{d:%d/%m/%Y}"),
        ),
        min_size=1, max_size=4,
    ),
)  # fmt: skip
def test_short_values_come_back_whole_at_any_width(
    width: int, rows: list[tuple[str, str, str]]
) -> None:
    text = _drawn(width, ["Mã", "Nội dung", "Ngày"], [list(r) for r in rows])
    for code, _, day in rows:
        assert code in text and day in text


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("columns", [80, 60])
def test_the_console_script_on_a_narrow_terminal_keeps_codes_and_days_whole(
    tmp_path: Path, columns: int
) -> None:
    """``cadre evaluate`` on a real pseudo-terminal of 80 and 60 columns: every target's
    code and deadline shown whole (never ``nq0`` then ``5.5b``, ``31/12`` then ``/2030``)."""
    from test_progress import on_terminal

    from cadre_core import sample_roster

    workbook = sample_roster().write(tmp_path / "xa.xlsx")
    code, shown, _ = on_terminal(
        "evaluate", str(workbook), "--plugin", "laichau", "--as-of", "2026-12-31",
        "--format", "table", columns=columns,
    )  # fmt: skip
    assert code in (0, 1), shown
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)  # the terminal's colours left out
    for target in ("nq05.1a", "nq05.5b", "nq05.7b"):
        assert target in text, target
    assert "31/12/2030" in text or "31/12/2028" in text
    assert not re.search(r"\bnq0\s*$", text, re.M)
