"""Every document of a plan lists what the reader set aside, did not read and noted in the
roster it plans, as the evaluation's reports and the forms' notes do (JSON ``skipped``,
``not_read``, ``warnings``; a section of the page, the Word document and the PDF; a sheet
of the workbook), and says it on standard error."""

from __future__ import annotations

import csv
import json
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from cadre_core.vocab._labels import label

#: a column the list format has no place for, and a birth day that is no day
UNKNOWN_COLUMN = "Sở thích"
BAD_DAY = "31/02/1980"


def _list(tmp_path: Path) -> Path:
    path = tmp_path / "Xã Mường Than.csv"
    people = [
        ("Lò Văn An", "12/03/1975", "Nam", "Chủ tịch UBND xã", "Đại học", "Trung cấp", "đọc sách"),
        ("Lò Thị Bích", BAD_DAY, "Nữ", "Phó Chủ tịch UBND xã", "Đại học", "Trung cấp", "hát"),
        ("Tòng Văn Cương", "21/11/1982", "Nam", "Công chức Tư pháp - Hộ tịch", "Cao đẳng",
         "Sơ cấp", ""),
    ]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["DANH SÁCH CÁN BỘ XÃ MƯỜNG THAN (tính đến ngày 31/12/2026)"])
        w.writerow(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ",
                    "Trình độ chuyên môn", "Lý luận chính trị", UNKNOWN_COLUMN])  # fmt: skip
        w.writerows([i, *p] for i, p in enumerate(people, start=1))
    return path


def _plan(
    cadre_exe: Path, roster: Path, out: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(cadre_exe), "plan", str(roster), "--plugin", "laichau", "--as-of", "2026-12-31",
         "--skip-invalid", "-o", str(out), *extra],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_the_plans_json_lists_what_was_set_aside_and_not_read(
    tmp_path: Path, cadre_exe: Path
) -> None:
    out = tmp_path / "ke-hoach.json"
    done = _plan(cadre_exe, _list(tmp_path), out)
    assert done.returncode == 0, done.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    (skipped,) = [p for p in doc["skipped"] if p["value"] == BAD_DAY]
    assert skipped["column"].startswith("Ngày sinh")
    # a list's column of no field is a warning of the list's reader
    unread = [p for p in doc["warnings"] if p["key"] == "column_not_read"]
    assert [p["column"].split(" (")[0] for p in unread] == [UNKNOWN_COLUMN]
    assert doc["not_read"] == []
    # said on standard error too, as `cadre evaluate` says it
    assert UNKNOWN_COLUMN in done.stderr and BAD_DAY in done.stderr


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_every_document_of_the_plan_lists_them(tmp_path: Path, cadre_exe: Path, fmt: str) -> None:
    out = tmp_path / f"ke-hoach.{fmt}"
    done = _plan(cadre_exe, _list(tmp_path), out)
    assert done.returncode == 0, done.stderr
    if fmt == "html":
        text = out.read_text(encoding="utf-8")
    elif fmt == "docx":
        document = docx.Document(str(out))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        text = "\n".join([p.text for p in document.paragraphs] + cells)
    else:
        with zipfile.ZipFile(out) as book:
            text = " ".join(book.read(n).decode("utf-8") for n in book.namelist())
        assert "Dữ liệu không dùng" in text  # the sheet's name
    titles = [label("skipped_title", "vi"), label("warnings_title", "vi")]
    for words in (*titles, UNKNOWN_COLUMN, BAD_DAY):
        assert words in text, words
    if fmt == "html":  # before the signatures, after the assumptions
        assert text.index("Giả định") < text.index(UNKNOWN_COLUMN) < text.index("NGƯỜI LẬP")


def test_under_pseudonyms_the_plan_lists_them_without_their_cells(
    tmp_path: Path, cadre_exe: Path
) -> None:
    key = tmp_path / "key"
    key.write_text("a secret key of the office, 32 bytes")
    out = tmp_path / "ke-hoach.json"
    done = _plan(cadre_exe, _list(tmp_path), out, "--pseudonymize", "--pseudonym-key", str(key))
    assert done.returncode == 0, done.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["skipped"] and all(p["value"] == "[withheld]" for p in doc["skipped"])
    text = out.read_text(encoding="utf-8") + done.stderr
    assert BAD_DAY not in text and "Lò Thị Bích" not in text
