"""Files that hold no list, whatever their names: a PDF printed from the list, a photo or
a scan of it, the lists inside a compressed archive. Each is refused (exit 2) with a
sentence saying what the file is and what to read instead; each test says what was said
before."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import CADRE, run

from cadre_core.roster import RosterError, read_roster
from cadre_core.roster._sniff import foreign_file

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(64)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(32)
RAR = b"Rar!\x1a\x07\x01\x00" + bytes(64)


@pytest.mark.parametrize(
    ("name", "data", "key", "words"),
    [
        ("danh-sach.pdf", PDF, "pdf_file", "this file is a PDF document, not a list"),
        ("anh-chup.jpg", JPEG, "picture_file", "this file is a picture (a photo or a scan)"),
        ("danh-sach.xlsx", JPEG, "picture_file", "this file is a picture (a photo or a scan)"),
        ("danh-sach.xlsx", PNG, "picture_file", "this file is a picture (a photo or a scan)"),
        ("IMG_0012.HEIC", HEIC, "picture_file", "this file is a picture (a photo or a scan)"),
        ("danh-sach.xls", PDF, "pdf_file", "this file is a PDF document, not a list"),
        ("cac-xa.rar", RAR, "archive_file", "this file is a compressed archive"),
    ],
)
def test_a_file_that_holds_no_list_is_named_for_what_it_is(
    tmp_path: Path, name: str, data: bytes, key: str, words: str
) -> None:
    """Before: a PDF or a photo given as the list was refused with the list of formats a
    roster may be kept in ("a roster is a workbook (.xlsx, …)"), and a photo saved as
    ``danh-sach.xlsx`` with "not a readable .xlsx workbook (the file is not a zip
    container): CalamineError": neither said what the clerk had given."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(RosterError) as refused:
        read_roster(path, list_date="31/12/2025")
    assert [p.key for p in refused.value.problems] == [key]
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert words in out.stdout + out.stderr and "CalamineError" not in out.stderr
    vi = subprocess.run([CADRE, "validate", str(path), "--lang", "vi"], capture_output=True,
                        text=True, timeout=120, env={**os.environ, "COLUMNS": "400"})  # fmt: skip
    assert vi.returncode == 2 and "không phải danh sách" in vi.stdout + vi.stderr


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=0, max_size=64))
def test_only_the_magic_bytes_make_a_file_foreign(data: bytes) -> None:
    """A file is foreign only when it begins with the bytes of a PDF, a picture or an
    archive; a text or workbook beginning never is (no list is refused for its first
    bytes by chance)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.csv"
        path.write_bytes(b"STT;H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan\n" + data)
        assert foreign_file(path) is None
        path.write_bytes(b"PK\x03\x04" + data)
        assert foreign_file(path) is None
        path.write_bytes(PDF[:5] + data)
        assert foreign_file(path) == "pdf_file"
