"""Workbooks and Word documents protected by a password ("Mã hóa bằng mật khẩu").

Offices lock personnel files. Such a file is no longer a zip of XML parts but an OLE2
compound file holding the encrypted package, so the engines only say "not a zip" or
"cannot detect the file format". ``cadre`` says instead that the file has a password and
how to remove it. The locked files are made here with msoffcrypto-tool (the encryption
Excel and Word use, "Agile" AES-256), from a list the tests of the lists write.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from test_docx_lists import ISSUER, TITLE, run, write_list

import cadre_core
from cadre_core.roster._sniff import file_kind, is_encrypted

msoffcrypto = pytest.importorskip("msoffcrypto")


def _lock(plain: Path, locked: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("mat-khau-2025", target)


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for line in (ISSUER, *TITLE):
        ws.append([line])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Trình độ chuyên môn"])
    ws.append([1, "Lò Văn An", "12/03/1975", "Bí thư Đảng ủy", "Đại học Luật"])
    wb.save(path)
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_a_locked_file_is_exit_2_saying_it_has_a_password(tmp_path: Path, suffix: str) -> None:
    plain = tmp_path / f"mo{suffix}"
    if suffix == ".xlsx":
        _workbook(plain)
    else:
        write_list(plain)
    assert len(cadre_core.read_roster(plain).cadres) >= 1  # readable before it is locked
    locked = tmp_path / f"khoa{suffix}"
    _lock(plain, locked)
    assert file_kind(locked) == "ole2" and is_encrypted(locked)
    assert not is_encrypted(plain)
    for lang, words in (("vi", "mật khẩu"), ("en", "password")):
        done = run("validate", str(locked), "--lang", lang)
        said = done.stdout + done.stderr
        assert done.returncode == 2 and "Traceback" not in said, said
        assert f"khoa{suffix}" in said and words in said, said
    with pytest.raises(cadre_core.RosterError) as caught:
        cadre_core.read_roster(locked)
    (error,) = caught.value.errors
    assert error.key in ("workbook_password", "docx_password")


def test_an_ordinary_ole2_workbook_is_not_taken_for_a_locked_one(tmp_path: Path) -> None:
    real = Path(__file__).parents[2] / "shared" / "realworld" / "real" / "S2" / "FILEMAU.xls"
    if not real.exists():
        pytest.skip("the real-world kit is not beside the checkout")
    assert file_kind(real) == "ole2" and not is_encrypted(real)


def test_the_encrypted_package_is_found_anywhere_in_the_file(tmp_path: Path) -> None:
    name = "EncryptedPackage".encode("utf-16-le")
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    for at in (512, (1 << 20) - 10, 3 << 20):  # inside a chunk, across two, far in
        data = io.BytesIO(head + bytes(at - len(head)) + name + bytes(100))
        path = tmp_path / f"f{at}.xlsx"
        path.write_bytes(data.getvalue())
        assert is_encrypted(path), at
    (tmp_path / "plain.bin").write_bytes(head + bytes(4000))
    assert not is_encrypted(tmp_path / "plain.bin")
