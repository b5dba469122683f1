"""A roster folder is read file by file as the user sees it, through the real ``cadre``
command: two files for one table are refused (naming both), only the table files are
opened and hashed (the others are listed as not read, never opened), a pipe, a device or a
folder named like a table is refused before it is opened, a row of blank cells is not a
row, and a problem names the line where its record starts (blank lines and multi-line
cells included).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from cadre_core import sample_roster

CADRE = str(Path(sys.executable).with_name("cadre"))


def run(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1"}
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=timeout, env=env)


def _flat(done: subprocess.CompletedProcess[str]) -> str:
    return " ".join((done.stdout + done.stderr).split())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample commune as a folder of CSV tables."""
    return sample_roster().write(tmp_path / "roster")


def _evaluate_json(roster: Path) -> dict:
    done = run("evaluate", str(roster), "--format", "json", "--as-of", "2025-06-01")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# ------------------------------------------------------------ item 3: two files, one table


@pytest.mark.parametrize("other", ["văn bằng.csv", "Degrees.csv"])
def test_two_csv_files_for_one_table_are_refused(folder: Path, other: str) -> None:
    (folder / other).write_bytes((folder / "degrees.csv").read_bytes())
    for command in ("validate", "evaluate"):
        done = run(command, str(folder))
        assert done.returncode == 2, done.stdout + done.stderr
        out = _flat(done)
        assert "'degrees.csv'" in out and repr(other) in out and "degrees" in out
        assert "cùng chứa bảng này" in out
        assert "Traceback" not in done.stderr


def test_a_csv_and_a_parquet_file_for_one_table_are_refused(folder: Path) -> None:
    pd.read_csv(folder / "degrees.csv", dtype=str).to_parquet(folder / "degrees.parquet")
    done = run("validate", str(folder))
    assert done.returncode == 2
    out = _flat(done)
    assert "các tệp 'degrees.csv' và 'degrees.parquet' cùng chứa bảng này" in out


# ---------------------------------------------- item 14: only the tables are opened, hashed


def test_unrelated_files_are_listed_not_read_and_never_hashed(folder: Path) -> None:
    (folder / "ghi chú.txt").write_text("notes", encoding="utf-8")
    with (folder / "archive.bin").open("wb") as f:  # sparse: 3 GB of nothing on disk
        f.truncate(3 * 1024**3)
    (folder / "old").mkdir()
    report = _evaluate_json(folder)
    inputs = report["audit"]["inputs"]
    assert {i.split(":")[0] for i in inputs} == {f"{t}.csv" for t in _tables(folder)}
    not_read = {p["file"] for p in report["not_read"]}
    assert {"roster/ghi chú.txt", "roster/archive.bin", "roster/old"} <= not_read
    done = run("validate", str(folder))
    assert done.returncode == 0, done.stdout
    assert "archive.bin" in _flat(done)


def _tables(folder: Path) -> list[str]:
    return [p.stem for p in folder.glob("*.csv")]


def test_an_unreadable_unrelated_file_is_not_opened(folder: Path) -> None:
    if os.geteuid() == 0:  # root reads anything: a file it cannot read is a dangling link
        (folder / "secret.txt").symlink_to(folder / "nowhere")
    else:
        (folder / "secret.txt").write_text("x", encoding="utf-8")
        (folder / "secret.txt").chmod(0)
    report = _evaluate_json(folder)
    assert "roster/secret.txt" in {p["file"] for p in report["not_read"]}


# ----------------------------------------------------- item 15: pipes, devices, folders


def test_a_table_linked_to_a_device_is_refused(folder: Path) -> None:
    (folder / "degrees.csv").unlink()
    (folder / "degrees.csv").symlink_to("/dev/zero")
    done = run("validate", str(folder), timeout=60)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "degrees.csv" in _flat(done) and "thiết bị, không phải tệp thông thường" in _flat(done)


def test_a_pipe_named_like_a_table_is_refused(folder: Path) -> None:
    (folder / "ratings.csv").unlink()
    os.mkfifo(folder / "ratings.csv")
    for command in ("validate", "evaluate"):
        done = run(command, str(folder), timeout=60)
        assert done.returncode == 2, done.stdout + done.stderr
        assert "ratings.csv" in _flat(done) and "ống dẫn (FIFO)" in _flat(done)


def test_a_folder_named_like_a_table_is_refused(folder: Path) -> None:
    (folder / "trainings.csv").unlink()
    (folder / "trainings.csv").mkdir()
    done = run("validate", str(folder))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "trainings.csv" in _flat(done) and "đây là một thư mục" in _flat(done)


def test_a_pipe_given_as_the_roster_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "xa.xlsx")
    done = run("validate", str(tmp_path / "xa.xlsx"), timeout=60)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "xa.xlsx" in _flat(done) and "ống dẫn (FIFO)" in _flat(done)


def test_a_table_linked_to_a_regular_file_is_read(folder: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "kept" / "bằng cấp.csv"
    elsewhere.parent.mkdir()
    (folder / "degrees.csv").rename(elsewhere)
    (folder / "degrees.csv").symlink_to(elsewhere)
    done = run("validate", str(folder))
    assert done.returncode == 0, done.stdout + done.stderr


# ------------------------------------------------------------- item 23: blank rows


def _counts(done: subprocess.CompletedProcess[str]) -> dict[str, int]:
    counts = {}
    for line in done.stdout.splitlines():  # piped: "table name<TAB>rows" per line
        cells = line.split("\t")
        if len(cells) == 2 and cells[1].isdigit():
            counts[cells[0]] = int(cells[1])
    return counts


def test_a_row_of_blank_cells_is_not_a_row_in_csv(folder: Path) -> None:
    before = _counts(run("validate", str(folder)))
    lines = (folder / "degrees.csv").read_text(encoding="utf-8").splitlines()
    width = lines[0].count(",")
    blank = "," * width
    lines[3:3] = [blank, " " + blank + " "]
    lines.append(blank)
    (folder / "degrees.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run("validate", str(folder))
    assert done.returncode == 0, done.stdout
    assert _counts(done) == before and before["Bằng cấp chuyên môn"] > 0  # degrees
    report = _evaluate_json(folder)
    assert report["skipped"] == []


def test_a_row_of_blank_cells_is_not_a_row_in_parquet(tmp_path: Path) -> None:
    folder = sample_roster().write(tmp_path / "roster", format="parquet")
    before = _counts(run("validate", str(folder)))
    degrees = pd.read_parquet(folder / "degrees.parquet")
    blank = pd.DataFrame([[None] * degrees.shape[1]], columns=degrees.columns)
    pd.concat([degrees.iloc[:2], blank, degrees.iloc[2:]]).to_parquet(folder / "degrees.parquet")
    done = run("validate", str(folder))
    assert done.returncode == 0, done.stdout
    assert _counts(done) == before


def test_a_row_of_blank_cells_is_not_a_row_in_xlsx(tmp_path: Path) -> None:
    path = sample_roster().write(tmp_path / "r.xlsx")
    before = _counts(run("validate", str(path)))
    book = openpyxl.load_workbook(path)
    sheet = book["degrees"]
    sheet.insert_rows(4)
    for cell in sheet[4]:
        cell.value = " "
    book.save(path)
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout
    assert _counts(done) == before


# ---------------------------------------------------- item 24: CSV rows are lines


def test_csv_problem_names_the_line_after_blank_lines_and_multiline_cells(folder: Path) -> None:
    cadres = pd.read_csv(folder / "cadres.csv", dtype=str, keep_default_na=False)
    cadres.loc[2, "full_name"] = "Đỗ Mạnh\nCường"  # a quoted cell over two lines
    cadres.loc[9, "gender"] = "robot"
    text = cadres.to_csv(index=False, lineterminator="\n")
    lines = text.split("\n")
    lines.insert(5, "")  # a blank line before the bad value
    (folder / "cadres.csv").write_text("\n".join(lines), encoding="utf-8")
    expected = lines.index(next(x for x in lines if ",robot," in x)) + 1
    assert expected == 13  # header, 9 records (one over two lines) and a blank line before
    done = run("validate", str(folder))
    assert done.returncode == 2
    problem = [x for x in (done.stdout + done.stderr).splitlines() if "robot" in x]
    assert problem and problem[0].split("\t")[3] == str(expected), done.stdout + done.stderr
    skipped = run("evaluate", str(folder), "--skip-invalid", "--format", "json")
    assert skipped.returncode == 0, skipped.stderr
    rows = [p["row"] for p in json.loads(skipped.stdout)["skipped"] if p["table"] == "cadres"]
    assert expected in rows


def _cp1258(text: str) -> bytes:
    """``text`` in code page 1258 as a careful writer puts it: a letter the page lacks is
    one it has (â, ơ, ư, ă, ê, ô, đ) and a combining tone mark."""
    import unicodedata

    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        for i, mark in enumerate(marks):
            joined = unicodedata.normalize("NFC", base + mark)
            if len(joined) == 1:
                try:
                    out += joined.encode("cp1258")
                except UnicodeEncodeError:
                    continue
                out += "".join(marks[:i] + marks[i + 1 :]).encode("cp1258")
                break
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


def _results(done: subprocess.CompletedProcess[str]) -> dict[str, object]:
    doc = json.loads(done.stdout)
    return {k: v for k, v in doc.items() if k not in ("warnings", "audit")}


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("windows-1258", ";"),
        ("windows-1258", ","),
        ("utf-16", "\t"),
        ("utf-8", ";"),
        ("utf-8", "\t"),
    ],
)
def test_a_csv_table_in_another_encoding_or_delimiter_reads_the_same(
    folder: Path, encoding: str, delimiter: str
) -> None:
    plain = run("evaluate", str(folder), "--format", "json", "--lang", "en")
    assert plain.returncode == 0, plain.stderr
    cadres = folder / "cadres.csv"
    text = pd.read_csv(cadres, dtype=str, keep_default_na=False).to_csv(sep=delimiter, index=False)
    data = {"windows-1258": _cp1258, "utf-16": lambda t: t.encode("utf-16"),
            "utf-8": lambda t: t.encode("utf-8")}[encoding](text)  # fmt: skip
    cadres.write_bytes(data)
    done = run("evaluate", str(folder), "--format", "json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert _results(done) == _results(plain)  # every name and accent read back
    warned = [w["message"] for w in json.loads(done.stdout)["warnings"]]
    assert any("read as Windows-1258" in w for w in warned) == (encoding == "windows-1258")


def test_a_windows_1258_table_is_said_in_vietnamese(folder: Path) -> None:
    cadres = folder / "cadres.csv"
    cadres.write_bytes(_cp1258(cadres.read_text(encoding="utf-8")))
    sentence = (
        "tệp không phải chữ UTF-8 nên được đọc như chữ Windows-1258 (Excel lưu 'CSV' trên "
        "Windows tiếng Việt): hãy kiểm tra dấu tiếng Việt, hoặc lưu lại dưới dạng 'CSV UTF-8'"
    )
    done = run("validate", str(folder))  # Vietnamese, the default
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    warned = [line.split("\t") for line in said.splitlines() if line.startswith("Lưu ý\t")]
    assert [(w[1], w[2], w[6]) for w in warned] == [
        ("roster/cadres.csv", "cadres (Cán bộ)", sentence)
    ], said
    ev = run("evaluate", str(folder), "--format", "json", "--lang", "vi")
    assert ev.returncode == 0, ev.stderr
    messages = [w["message"] for w in json.loads(ev.stdout)["warnings"]]
    assert [m for m in messages if "Windows-1258" in m] == [
        f"roster/cadres.csv, bảng cadres (Cán bộ): {sentence}"
    ], messages
    for text in (said, ev.stderr, *messages):
        assert "read_as_1258" not in text and "problem_" not in text and "{" not in text


def test_a_windows_1258_csv_that_lost_its_letters_is_refused(folder: Path) -> None:
    cadres = folder / "cadres.csv"
    # Excel's "CSV" writes "?" for each letter the code page lacks: the names are lost
    cadres.write_bytes(cadres.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    done = run("validate", str(folder), "--lang", "en")
    assert done.returncode == 2
    assert "not UTF-8 text" in _flat(done) and "CSV UTF-8" in _flat(done)


def refused_as_not_utf8(done: subprocess.CompletedProcess[str], name: str) -> str:
    """What the command said, checked to be exit 2 with the sentence "not UTF-8 text"
    naming the file ``name`` first, and no traceback."""
    said = done.stdout + done.stderr
    assert done.returncode == 2, said
    assert "Traceback" not in said
    refused = [x for x in said.splitlines() if "not UTF-8 text" in x]
    assert refused and name in refused[0], said
    return said


@pytest.mark.parametrize("ascii_only", [False, True])
def test_a_csv_table_in_utf_16_without_its_byte_order_mark_is_refused(
    folder: Path, ascii_only: bool
) -> None:
    cadres = folder / "cadres.csv"
    # read as Windows-1258 it would be text full of NULs, every header unknown; of ASCII
    # letters only, it is even valid UTF-8 (a NUL is)
    text = cadres.read_text(encoding="utf-8")
    if ascii_only:
        text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
        text = text.encode("ascii", "ignore").decode("ascii")
    cadres.write_bytes(text.encode("utf-16-le"))
    said = refused_as_not_utf8(run("validate", str(folder), "--lang", "en"), "cadres.csv")
    assert "Windows-1258" not in said


def test_lists_inside_cells_do_not_make_their_separator_the_delimiter(folder: Path) -> None:
    # topics are "law;ethics;it": more semicolons than commas on a line, still a comma table
    trainings = pd.read_csv(folder / "trainings.csv", dtype=str, keep_default_na=False)
    trainings["topics"] = "law;ethics;office_culture;it;digital_transformation;innovation"
    trainings.to_csv(folder / "trainings.csv", index=False)
    done = run("validate", str(folder), "--lang", "en")
    assert done.returncode == 0, _flat(done)


@pytest.mark.parametrize("name", ["danh-sach.csv", "ho-so.xlsx", "thu-muc", "bang.xls"])
@pytest.mark.parametrize("command", ["validate", "evaluate", "forms"])
def test_a_missing_roster_is_one_sentence_whatever_its_suffix(
    tmp_path: Path, name: str, command: str
) -> None:
    """A path that does not exist is said to be missing, once: a missing .csv list was
    "not a readable .csv list" and "no sheet holds a list"."""
    missing = tmp_path / name
    done = run(command, str(missing), "--lang", "en")
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in said, said
    errors = [x for x in said.splitlines() if x.startswith("Error\t")]
    assert len(errors) == 1 and "no such file or folder" in errors[0], said
    assert str(missing) in errors[0]
