"""Lists kept in older Word files: Word 97-2003 ``.doc``, the RTF systems "export to
Word", and Word's "Web Page" saved as ``.doc``.

The ``.doc`` and RTF files are made here by LibreOffice from the Word list of
:mod:`test_docx_lists`, as an office's older Word would have saved it; ``cadre`` converts
them back with LibreOffice (a profile of its own, the user's file untouched) and reads
them as that list. Where LibreOffice is missing they are refused with how to save them as
``.docx`` (``test_docx_lists.py::test_an_old_word_doc_is_refused_with_how_to_save_it``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import SOFFICE, libreoffice_convert
from test_docx_lists import ISSUER, PEOPLE, SIGNED, TITLE, list_rows, run, write_list
from test_web_lists import write_html

import cadre_core
from cadre_core.roster._sniff import file_kind

needs_office = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is missing")


def _facts(roster: cadre_core.Roster) -> dict[str, tuple[object, ...]]:
    """What the list says of each person: birth date, gender, degree and field."""
    degrees = roster.degrees.set_index("cadre_id")
    return {
        row.full_name: (
            row.birth_date,
            row.gender,
            degrees["level"].get(row.cadre_id),
            degrees["field"].get(row.cadre_id),
        )
        for row in roster.cadres.itertuples()
    }


@needs_office
@pytest.mark.parametrize("kind", ["doc", "rtf"])
def test_an_older_word_file_reads_as_the_same_list(tmp_path: Path, kind: str) -> None:
    docx = tmp_path / "trich-ngang.docx"
    write_list(docx)
    old = libreoffice_convert(docx, kind, tmp_path / "saved")
    assert file_kind(old) == ("ole2" if kind == "doc" else "rtf")
    before = hashlib.sha256(old.read_bytes()).hexdigest()
    roster = cadre_core.read_roster(old)
    reference = cadre_core.read_roster(docx)
    assert _facts(roster) == _facts(reference)
    assert len(roster.cadres) == len(PEOPLE)
    assert roster.list_date == reference.list_date and roster.communes == reference.communes
    assert hashlib.sha256(old.read_bytes()).hexdigest() == before  # never written to
    assert sorted(p.name for p in old.parent.iterdir() if p.is_file()) == [old.name]
    done = run("evaluate", str(old), "--as-of", "31/12/2025", "--plugin", "laichau")
    assert done.returncode == 0, done.stdout + done.stderr


@needs_office
def test_an_rtf_document_with_no_list_says_so(tmp_path: Path) -> None:
    path = tmp_path / "cong-van.rtf"
    path.write_text("{\\rtf1\\ansi Kính gửi: Đảng ủy xã\\par}", encoding="ascii", errors="replace")
    done = run("validate", str(path), "--lang", "en")
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in said, said
    assert "no table of the document holds a list of people" in said


@needs_office
def test_a_doc_libreoffice_cannot_convert_is_exit_2_saying_how_to_save_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hong.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))  # an empty OLE2 file
    done = run("validate", str(path))
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in said, said
    errors = [line for line in said.splitlines() if line.startswith("Lỗi\t")]
    assert len(errors) == 1 and "hong.doc" in errors[0], said
    assert "Tài liệu Word (*.docx)" in errors[0]
    with pytest.raises(cadre_core.RosterError) as caught:
        cadre_core.read_roster(path)
    assert [p.key for p in caught.value.problems] == ["doc_not_converted"]


def test_words_web_page_saved_as_doc_is_read_as_a_page(tmp_path: Path) -> None:
    rows, merges = list_rows()
    path = tmp_path / "trang-web.doc"
    write_html(path, [ISSUER, *TITLE, (rows, merges), *SIGNED])
    roster = cadre_core.read_roster(path)
    assert len(roster.cadres) == len(PEOPLE)
    (note,) = [p for p in roster.problems if p.key == "read_as_kind"]
    assert "một trang web (HTML)" in note.describe("vi")
