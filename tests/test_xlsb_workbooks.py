"""Excel binary workbooks (``.xlsb``): read by calamine after they are measured.

calamine builds a sheet's whole grid before Python sees it, so an ``.xlsb`` is measured
first from its records (:mod:`cadre_core.roster._xlsb`): a cell far out, a lying
dimension or directory, or a zip bomb is refused with a sentence naming the file and the
sheet. The workbooks are written by :mod:`xlsb_writer` from the specification (nothing
on the machine saves one); LibreOffice, where installed, reads one back as a check.
Commands run through the real ``cadre`` console script.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_docx_lists import (
    CADRE,
    PEOPLE,
    SIGNED,
    Cell,
    Merge,
    as_sheet,
    assert_same_roster,
    list_rows,
    run,
    tables,
    write_xlsx,
)
from test_web_lists import ABOVE
from xlsb_writer import record, sheet_part, write_xlsb

import cadre_core
from cadre_core.roster._guards import MAX_SHEET_CELLS, _check_workbook_size
from cadre_core.roster._sheets import read_sheets
from cadre_core.roster._xlsb import _records, _whole_records, measure
from cadre_core.serve._inputs import save_upload


def _the_list(folder: Path) -> tuple[Path, Path]:
    """The commune's list as an ``.xlsb`` and as an ``.xlsx`` (the reference)."""
    rows, merges = list_rows()
    grid = as_sheet(ABOVE, rows, SIGNED)
    moved = [(r0 + len(ABOVE), c0, r1 + len(ABOVE), c1) for r0, c0, r1, c1 in merges]
    write_xlsx(folder / "book.xlsx", grid, moved)
    return write_xlsb(folder / "danh-sach.xlsb", {"Danh sách": (grid, moved)}), folder / "book.xlsx"


def test_a_list_in_an_xlsb_reads_as_the_same_list_in_an_xlsx(tmp_path: Path) -> None:
    path, book = _the_list(tmp_path)
    roster, reference = cadre_core.read_roster(path), cadre_core.read_roster(book)
    assert_same_roster(roster, reference)
    assert roster.communes == ["Xã Mường Than"]
    assert sorted(roster.cadres["full_name"]) == sorted(str(p[1]) for p in PEOPLE)
    assert not [p for p in roster.problems if p.key == "read_as_kind"]
    _, merged = read_sheets(path)
    assert merged["Danh sách"] == sorted(read_sheets(book)[1]["Danh sách"])


def test_a_roster_of_tables_saved_as_xlsb_reads_as_the_workbook(tmp_path: Path) -> None:
    book = cadre_core.sample_roster().write(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(book)
    sheets = {
        ws.title: ([list(r) for r in ws.iter_rows(values_only=True)], []) for ws in wb.worksheets
    }
    path = write_xlsb(tmp_path / "r.xlsb", sheets)
    from_xlsb, from_book = cadre_core.read_roster(path), cadre_core.read_roster(book)
    assert from_xlsb.row_counts() == from_book.row_counts()
    for table, frame in from_book.tables.items():
        assert frame.equals(from_xlsb.tables[table]), table


def test_validate_and_evaluate_an_xlsb_through_the_command(tmp_path: Path) -> None:
    path, _ = _the_list(tmp_path)
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    done = run("evaluate", str(path), "--as-of", "31/12/2025", "--plugin", "laichau",
               "--format", "json", "--lang", "en")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [c["commune"] for c in json.loads(done.stdout)["communes"]] == ["Xã Mường Than"]


def test_libreoffice_reads_the_written_xlsb_as_calamine_does(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed: the check of the test's own writer is not run")
    path, _ = _the_list(tmp_path)
    done = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path),
         str(path)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    out = tmp_path / "danh-sach.csv"
    assert out.exists(), done.stderr
    text = out.read_text(encoding="utf-8")
    for person in PEOPLE:
        assert str(person[1]) in text


# ------------------------------------------------------------------ what is refused


def _far(tmp_path: Path, column: int, *, dimension: tuple[int, int, int, int] | None) -> Path:
    strings: dict[str, int] = {}
    body = sheet_part([["Họ và tên"], ["Lò Văn An"]], [], strings, dimension=dimension)
    far = record(0x00, struct.pack("<IIHBBBI", 5, 0, 300, 0, 0, 0, 0))
    far += record(0x05, struct.pack("<IId", column, 0, 1.0))
    body = body.replace(record(0x92), far + record(0x92))
    sheets = {"DS xã": ([["Họ và tên"], ["Lò Văn An"]], [])}
    return write_xlsb(tmp_path / "xa.xlsb", sheets, parts={"1": body})


@pytest.mark.parametrize("dimension", [None, (0, 1, 0, 0)])
def test_a_value_far_out_is_refused_before_a_grid_is_built(
    tmp_path: Path, dimension: tuple[int, int, int, int] | None
) -> None:
    """One number in column 4,000,000,000, whatever dimension the sheet states."""
    path = _far(tmp_path, 4_000_000_000, dimension=dimension)
    assert path.stat().st_size < 5000
    why = _check_workbook_size(path)
    assert why is not None and "'DS xã'" in why and f"{MAX_SHEET_CELLS:,}" in why
    for lang in ("en", "vi"):
        done = run("validate", str(path), "--lang", lang)
        said = done.stdout + done.stderr
        assert done.returncode == 2 and "Traceback" not in said, said
        assert "xa.xlsb" in said
    assert "sheet 'DS xã'" in run("validate", str(path), "--lang", "en").stderr


def test_a_huge_stated_dimension_with_few_cells_is_read(tmp_path: Path) -> None:
    path = _far(tmp_path, 3, dimension=(0, 1_048_575, 0, 16_383))
    assert _check_workbook_size(path) is None
    cells, _ = measure(path)
    assert cells == 6 * 4
    assert read_sheets(path)[0]["DS xã"].shape == (6, 4)


@pytest.mark.parametrize("lie", [False, True])
def test_a_zip_bomb_is_refused_even_when_its_directory_lies(tmp_path: Path, lie: bool) -> None:
    path = write_xlsb(tmp_path / "bom.xlsb", {"DS": ([["Họ và tên"]], [])})
    bomb = tmp_path / "bom2.xlsb"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in source.infolist():
            zf.writestr(info.filename, source.read(info.filename))
        with zf.open("xl/media/image1.bin", "w") as f:
            block = bytes(1 << 24)
            for _ in range(33):  # 528 MiB of zeros, about half a megabyte packed
                f.write(block)
    if lie:  # the local header and the directory say the part is 100 bytes
        data = bytearray(bomb.read_bytes())
        with zipfile.ZipFile(bomb) as zf:
            info = zf.getinfo("xl/media/image1.bin")
        data[info.header_offset + 22 : info.header_offset + 26] = struct.pack("<I", 100)
        at = data.find(b"PK\x01\x02")
        while data[at + 46 : at + 46 + len(info.filename)] != info.filename.encode():
            at = data.find(b"PK\x01\x02", at + 1)
        data[at + 24 : at + 28] = struct.pack("<I", 100)
        bomb.write_bytes(bytes(data))
        with zipfile.ZipFile(bomb) as zf:
            assert zf.getinfo("xl/media/image1.bin").file_size == 100
    why = _check_workbook_size(bomb)
    assert why is not None and "decompressed" in why
    done = run("validate", str(bomb), "--lang", "en")
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in said and "bom2.xlsb" in said, said


def test_a_damaged_xlsb_is_exit_2_with_a_sentence(tmp_path: Path) -> None:
    strings: dict[str, int] = {}
    body = sheet_part([["Họ và tên"], ["Lò Văn An"]], [], strings)
    body = body.replace(record(0x07, struct.pack("<III", 0, 0, 1)),
                        record(0x07, struct.pack("<III", 0, 0, 999)))  # fmt: skip
    path = write_xlsb(tmp_path / "hong.xlsb", {"DS": ([["x"]], [])}, parts={"1": body + b"\x07"})
    done = run("validate", str(path), "--lang", "en")
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in said and "hong.xlsb" in said, said
    assert "damaged" in said and "panicked" not in said, said  # found before calamine reads


# ------------------------------------------------------------------ uploads and privacy


@pytest.mark.parametrize("filename", ["roster", "danh-sach.xlsb"])
def test_an_uploaded_xlsb_is_read_whatever_its_name(tmp_path: Path, filename: str) -> None:
    source, _ = _the_list(tmp_path)
    folder = tmp_path / "up"
    folder.mkdir()
    path, _ = save_upload(source.read_bytes(), filename, folder)
    assert path.suffix == ".xlsb"
    assert len(cadre_core.read_roster(path).cadres) == len(PEOPLE)


def test_pseudonymized_outputs_of_an_xlsb_hold_no_name(tmp_path: Path) -> None:
    from test_privacy import _leaks, _run

    path, _ = _the_list(tmp_path)
    names = [str(p[1]) for p in PEOPLE]
    args = ["evaluate", str(path), "--as-of", "2025-12-31", "--plugin", "laichau"]
    out = tmp_path / "bao-cao.html"
    plain = _run(Path(CADRE), *args, "--format", "html", "--output", str(out))
    assert plain.returncode == 0, plain.stderr
    assert _leaks(out.read_text(encoding="utf-8"), names), "no name in the plain report"
    hidden = _run(Path(CADRE), *args, "--format", "html", "--output", str(out), "--pseudonymize")
    assert hidden.returncode == 0, hidden.stderr
    assert not _leaks(out.read_text(encoding="utf-8") + hidden.stdout + hidden.stderr, names)


# ------------------------------------------------------------------ any grid, any split


@settings(max_examples=30, deadline=None)
@given(case=tables())
def test_any_grid_written_into_an_xlsb_comes_back_measured(
    case: tuple[list[str], list[list[Cell]], list[Merge]], tmp_path_factory: Any
) -> None:
    above, rows, merges = case
    grid = as_sheet(above, rows, [])
    top = len(above)
    moved = sorted((r0 + top, c0, r1 + top, c1) for r0, c0, r1, c1 in merges)
    path = write_xlsb(tmp_path_factory.mktemp("g") / "g.xlsb", {"Trang 1": (grid, moved)})
    cells, merged = measure(path)
    filled = [(r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if v is not None]
    assert cells == (max(r for r, _ in filled) + 1) * (max(c for _, c in filled) + 1)
    assert merged == {"Trang 1": moved}
    sheets, by_sheet = read_sheets(path)
    book = path.with_suffix(".xlsx")
    write_xlsx(book, grid, moved)
    (same,) = read_sheets(book)[0].values()  # the same grid in an .xlsx reads the same
    assert sheets["Trang 1"].astype(object).equals(same.astype(object))
    assert by_sheet["Trang 1"] == moved


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 300), min_size=1, max_size=40),
    kinds=st.lists(st.integers(0, 0x3FFF), min_size=40, max_size=40),
    cuts=st.lists(st.integers(1, 50), min_size=1, max_size=200),
)
def test_records_read_in_any_pieces_are_the_records(
    sizes: list[int], kinds: list[int], cuts: list[int]
) -> None:
    data = b"".join(
        record(kind, bytes(range(size % 256)) * (size // 256 + 1))
        for kind, size in zip(kinds, sizes, strict=False)
    )
    whole = [(kind, len(payload), payload[:16]) for kind, payload in _whole_records(data)]
    pieces, at = [], 0
    for cut in cuts * (len(data) // max(sum(cuts), 1) + 1):
        pieces.append(data[at : at + cut])
        at += cut
    pieces.append(data[at:])
    assert list(_records(iter(pieces))) == whole
    assert [k for k, *_ in whole] == kinds[: len(sizes)]
