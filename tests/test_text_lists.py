"""Lists kept as tab-separated text: what Excel writes with "Save as > Unicode Text
(*.txt)" (UTF-16 with a byte-order mark, CRLF, a cell holding a line break or a tab in
double quotes) and "Text (Tab delimited) (*.txt)" (the Windows code page, 1258 on a
Vietnamese system), and what other systems export as ``.tsv``. Each reads to the roster
the same list gives in a workbook; a note kept as ``.txt`` beside communes' lists is left
alone. Commands run through the real ``cadre`` console script.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from test_docx_lists import Cell, assert_same_roster, run
from test_roster_folder_files import _cp1258
from test_web_lists import _the_list

import cadre_core
from cadre_core.roster._province import roster_files
from cadre_core.roster._sniff import named_as, source_of, tab_separated


def tab_text(grid: Sequence[Sequence[Cell]]) -> str:
    """The grid as Excel's text exports write it: tabs between cells, CRLF after each
    row, a cell with a line break, a tab or a quote in double quotes."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\r\n")
    writer.writerows([["" if v is None else v for v in row] for row in grid])
    return out.getvalue()


def _write(path: Path, grid: Sequence[Sequence[Cell]], encoding: str) -> Path:
    text = tab_text(grid)
    data = _cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("unicode-text.txt", "utf-16"),  # Excel's "Unicode Text": UTF-16 with its BOM
        ("tab-delimited.txt", "cp1258"),  # Excel's "Text (Tab delimited)" on Vietnamese Windows
        ("xuat.tsv", "utf-8"),
        ("XUAT.TXT", "utf-8-sig"),
    ],
)
def test_a_list_saved_as_text_reads_as_the_same_list_in_a_workbook(
    tmp_path: Path, name: str, encoding: str
) -> None:
    grid, _, book = _the_list(tmp_path)
    path = _write(tmp_path / name, grid, encoding)
    assert source_of(path) == named_as(path) == "csv" and tab_separated(path)
    roster = cadre_core.read_roster(path)
    assert_same_roster(roster, cadre_core.read_roster(book))
    assert not [p for p in roster.problems if p.key == "read_as_kind"]
    said = {p.key for p in roster.problems}
    assert ("read_as_1258" in said) == (encoding == "cp1258")  # read, and how it was said


def test_validate_and_evaluate_a_text_list_through_the_command(tmp_path: Path) -> None:
    grid, _, _ = _the_list(tmp_path)
    path = _write(tmp_path / "danh-sach.txt", grid, "utf-16")
    done = run("validate", str(path))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "ket-qua.json"
    done = run("evaluate", str(path), "--as-of", "2026-12-31", "-o", str(out))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert out.stat().st_size > 0


def test_a_workbook_or_a_page_saved_as_txt_is_read_as_what_it_holds(tmp_path: Path) -> None:
    _, _, book = _the_list(tmp_path)
    saved = tmp_path / "that-ra-la-xlsx.txt"
    saved.write_bytes(book.read_bytes())
    assert source_of(saved) == "workbook"
    roster = cadre_core.read_roster(saved)
    assert_same_roster(roster, cadre_core.read_roster(book))
    (note,) = [p for p in roster.problems if p.key == "read_as_kind"]
    assert note.severity == "warning" and ".txt" in note.describe("vi")


def test_a_note_beside_communes_lists_is_left_alone(tmp_path: Path) -> None:
    """A folder of communes' lists: a ``.txt`` that is a tab-separated list is one of them;
    a note (text with no tab in its first line) is not read as a list."""
    grid, _, _ = _the_list(tmp_path)
    folder = tmp_path / "cac-xa"
    folder.mkdir()
    _write(folder / "xa-muong-than.txt", grid, "utf-16")
    (folder / "ghi-chu.txt").write_text("Danh sách gửi ngày 05/11/2025.\nNgười gửi: Lò Thị Hoa\n")
    files = roster_files([folder])
    assert [f.name for f in files] == ["xa-muong-than.txt"]


def test_a_text_file_that_is_no_list_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "ghi-chu.txt"
    path.write_text("Ghi chú: gửi danh sách trước ngày 15/12\n", encoding="utf-8")
    done = run("validate", str(path))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "ghi-chu.txt" in done.stderr + done.stdout


@pytest.mark.parametrize("filename", ["danh-sach.txt", "xuat.tsv", None])
def test_an_uploaded_text_list_is_read(tmp_path: Path, filename: str | None) -> None:
    """The service takes a text list as the command line does: by its name, or by its
    bytes when it comes with none."""
    from cadre_core.serve._inputs import save_upload

    grid, _, book = _the_list(tmp_path)
    data = _write(tmp_path / "ds.txt", grid, "utf-16").read_bytes()
    folder = tmp_path / "up"
    folder.mkdir()
    path, digest = save_upload(data, filename, folder)
    assert digest.endswith(":" + hashlib.sha256(data).hexdigest())
    assert_same_roster(cadre_core.read_roster(path), cadre_core.read_roster(book))
