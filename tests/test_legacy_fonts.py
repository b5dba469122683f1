"""Lists and personal records typed in a legacy Vietnamese font (TCVN3 ".VnTime", VNI
"VNI-Times"), as old commune offices still keep them.

Such a file's headers are legacy text too, so no header was found and nothing was read,
even with ``--legacy-text convert``. Now the whole sheet (or document) is told at once:
by default it is one error naming the file and the sheet, with a header as the example
(never a person's data); with ``--legacy-text convert`` it reads as its Unicode twin, with
a warning. A Unicode sheet is never touched.
"""

from __future__ import annotations

import os
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pandas as pd
import pytest
from conftest import SOFFICE
from hypothesis import given, settings
from hypothesis import strategies as st
from test_flat_lists import lists, write_list
from test_personal_records import AN, BINH, CHU, write_record
from test_vntext import _vietnamese_texts, encode_tcvn3, encode_vni

from cadre_core import Roster, RosterError, read_roster
from cadre_core.roster._csv import decode_text
from cadre_core.roster._grid import Grid, Table, Text, unicode_blocks, unicode_grid
from cadre_core.roster._record import _TITLE_BYTES, is_record_file

ENCODERS: dict[str, Callable[[str], str]] = {"TCVN3": encode_tcvn3, "VNI": encode_vni}
DAY = "31/12/2025"
TITLE = ("ỦY BAN NHÂN DÂN XÃ TẢ LÈNG", f"DANH SÁCH CÁN BỘ, CÔNG CHỨC (tính đến ngày {DAY})")
COLUMNS = [("STT", None, "stt"), ("Họ và tên", None, "name"), ("Ngày sinh", None, "birth"),
           ("Giới tính", None, "gender"), ("Chức vụ", None, "title"),
           ("Trình độ chuyên môn", None, "education"), ("Lý luận chính trị", None, "theory")]  # fmt: skip
PEOPLE = [
    {"name": "Lò Văn An", "birth": "12/03/1975", "gender": "Nam", "title": "Chủ tịch UBND xã",
     "education": "Đại học Luật", "theory": "Cao cấp"},
    {"name": "Trần Thị Bình", "birth": "01/07/1988", "gender": "Nữ",
     "title": "Công chức Văn phòng - Thống kê", "education": "Đại học Quản lý nhà nước",
     "theory": "Sơ cấp"},
    {"name": "Vàng A Chu", "birth": "20/10/1990", "gender": "Nam",
     "title": "Chỉ huy trưởng Quân sự", "education": "Trung cấp Quân sự", "theory": "Trung cấp"},
]  # fmt: skip


def _legacy_workbook(unicode: Path, out: Path, encode: Callable[[str], str]) -> Path:
    """The workbook at ``unicode`` with every text cell typed in a legacy font."""
    wb = openpyxl.load_workbook(unicode)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = encode(cell.value)
    wb.save(out)
    return out


def _legacy_document(unicode: Path, out: Path, encode: Callable[[str], str]) -> Path:
    """The Word document at ``unicode`` with every run typed in a legacy font."""
    d = docx.Document(str(unicode))

    def paragraphs(container: Any) -> Any:
        yield from container.paragraphs
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from paragraphs(cell)

    for p in paragraphs(d):
        for run in p.runs:
            run.text = encode(run.text)
    d.save(str(out))
    return out


def _tables(roster: Roster) -> dict[str, pd.DataFrame]:
    return {name: frame.reset_index(drop=True) for name, frame in roster.tables.items()}


def _assert_same(a: Roster, b: Roster) -> None:
    left, right = _tables(a), _tables(b)
    assert sorted(left) == sorted(right)
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def _keys(problems: Any, severity: str) -> list[str]:
    return [str(p.key) for p in problems if p.severity == severity]


@settings(max_examples=12, deadline=None)
@given(case=lists(), encoding=st.sampled_from(sorted(ENCODERS)))
def test_a_list_typed_in_a_legacy_font_reads_as_its_unicode_twin(
    case: Any, encoding: str, tmp_path_factory: Any
) -> None:
    """Any list the list tests write (headers merged or not, any spelling of its values)
    typed in TCVN3 or VNI: refused whole by default, one error naming its file and sheet;
    with ``legacy="convert"`` the same roster as the list in Unicode, one warning."""
    _, day, people, spec = case
    folder = tmp_path_factory.mktemp("legacy")
    title = ("ỦY BAN NHÂN DÂN", f"DANH SÁCH CÁN BỘ tính đến ngày {day:%d/%m/%Y}")
    write_list(folder / "unicode.xlsx", people, title=title, **spec)
    typed = _legacy_workbook(folder / "unicode.xlsx", folder / "cu.xlsx", ENCODERS[encoding])
    unicode = read_roster(folder / "unicode.xlsx")
    with pytest.raises(RosterError) as refused:
        read_roster(typed)
    (error,) = [p for p in refused.value.problems if p.severity == "error"]
    assert (error.key, error.file, error.table) == ("legacy_sheet_found", "cu.xlsx", "Danh sách")
    assert encoding in error.describe()
    converted = read_roster(typed, legacy="convert")
    _assert_same(unicode, converted)
    legacy_said = [k for k in _keys(converted.problems, "warning") if k.startswith("legacy")]
    assert legacy_said == ["legacy_sheet_converted"]
    assert converted.list_date == unicode.list_date == day


@pytest.mark.parametrize("encoding", sorted(ENCODERS))
def test_a_legacy_list_through_the_console_script(
    tmp_path: Path, cadre_exe: Path, encoding: str
) -> None:
    """Exit 2 with one sentence naming the file, the sheet, the encoding and a header as
    typed and as read; exit 0 with ``--legacy-text convert``, the same people read."""
    write_list(tmp_path / "ds.xlsx", PEOPLE, title=TITLE, columns=COLUMNS)
    typed = _legacy_workbook(tmp_path / "ds.xlsx", tmp_path / "ds-cu.xlsx", ENCODERS[encoding])
    refused = subprocess.run(
        [str(cadre_exe), "validate", str(typed)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "COLUMNS": "400"},
    )  # fmt: skip
    assert refused.returncode == 2, refused.stdout + refused.stderr
    out = refused.stdout + refused.stderr
    assert "Traceback" not in out
    (line,) = [ln for ln in out.splitlines() if ln.startswith("Lỗi\t")]
    assert "ds-cu.xlsx\tDanh sách" in line and f"bảng mã cũ {encoding}" in line
    assert f"'{ENCODERS[encoding]('Họ và tên')}' được đọc là 'Họ và tên'" in line
    assert "--legacy-text convert" in line
    for person in PEOPLE:  # a header is the example, never a person's data
        assert ENCODERS[encoding](person["name"]) not in out and person["name"] not in out
    done = subprocess.run(
        [str(cadre_exe), "validate", str(typed), "--legacy-text", "convert"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "400"},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "đã được chuyển sang Unicode để đọc" in done.stdout + done.stderr
    _assert_same(read_roster(tmp_path / "ds.xlsx"), read_roster(typed, legacy="convert"))


def test_a_legacy_word_table_csv_and_web_page_read_as_in_unicode(tmp_path: Path) -> None:
    """The other kinds of lists: a Word table, a CSV file of legacy bytes (no Windows-1258
    text: read byte for byte), a web page saved as ``.xls``."""
    encode = encode_tcvn3
    header = [c[0] for c in COLUMNS]
    rows = [header] + [[str(i + 1), *(p[k] for _, _, k in COLUMNS[1:])] for i, p in
                       enumerate(PEOPLE)]  # fmt: skip
    # a Word table
    d = docx.Document()
    for line in TITLE:
        d.add_paragraph(line)
    table = d.add_table(rows=len(rows), cols=len(header))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    d.save(str(tmp_path / "ds.docx"))
    _legacy_document(tmp_path / "ds.docx", tmp_path / "ds-cu.docx", encode)
    # CSV, in Unicode and as the legacy font's bytes
    lines = [f'"{TITLE[0]}"', f'"{TITLE[1]}"', *(",".join(row) for row in rows)]
    (tmp_path / "ds.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "ds-cu.csv").write_bytes(encode("\n".join(lines) + "\n").encode("latin-1"))
    # a web page saved as a workbook
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = f"<html><body><p>{TITLE[0]}</p><p>{TITLE[1]}</p><table>{cells}</table></body></html>"
    (tmp_path / "ds.xls").write_text(page, encoding="utf-8")
    (tmp_path / "ds-cu.xls").write_bytes(encode(page).encode("cp1252"))
    for kind, where in (("docx", "Bảng 1"), ("csv", None), ("xls", "Bảng 1")):
        typed = tmp_path / f"ds-cu.{kind}"
        with pytest.raises(RosterError) as refused:
            read_roster(typed)
        assert [(p.key, p.table) for p in refused.value.problems if p.severity == "error"] == [
            ("legacy_sheet_found", where)
        ], kind
        _assert_same(read_roster(tmp_path / f"ds.{kind}"), read_roster(typed, legacy="convert"))
    assert decode_text((tmp_path / "ds-cu.csv").read_bytes())[1] == "legacy"


def test_records_typed_in_a_legacy_font(tmp_path: Path) -> None:
    """A folder of personal records typed in TCVN3 or VNI: one error for them all (their
    count, no record's line: each holds a person), and with ``convert`` the folder in
    Unicode's roster; the name the form asks in capitals reads in its case."""
    unicode = tmp_path / "ho-so"
    unicode.mkdir()
    for person in (AN, BINH, CHU):
        write_record(unicode / f"{person['id']}.docx", person)
    want = read_roster(unicode)
    for encoding, encode in ENCODERS.items():
        typed = tmp_path / f"ho-so-{encoding}"
        typed.mkdir()
        for f in unicode.iterdir():
            _legacy_document(f, typed / f.name, encode)
            assert is_record_file(typed / f.name)
        with pytest.raises(RosterError) as refused:
            read_roster(typed)
        (error,) = [p for p in refused.value.problems if p.severity == "error"]
        assert error.key == "legacy_records_found" and dict(error.args)["records"] == "3"
        got = read_roster(typed, legacy="convert")
        assert sorted(got.cadres["full_name"]) == sorted(want.cadres["full_name"])
        _assert_same(want, got)
        assert "legacy_records_converted" in _keys(got.problems, "warning")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is missing")
def test_a_legacy_record_kept_as_word_97_is_a_record(tmp_path: Path) -> None:
    """The ``.doc`` an old office kept: told a record from its bytes, read converted."""
    write_record(tmp_path / "an.docx", AN)
    folder = tmp_path / "ho-so"
    folder.mkdir()
    _legacy_document(tmp_path / "an.docx", tmp_path / "an-cu.docx", encode_tcvn3)
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "doc", "--outdir", str(folder), str(tmp_path / "an-cu.docx")],
        capture_output=True, timeout=240, check=True,
    )  # fmt: skip
    assert is_record_file(folder / "an-cu.doc")
    got = read_roster(folder, legacy="convert")
    assert got.cadres["full_name"].tolist() == ["Lò Văn An"]


@pytest.mark.parametrize("width", ["cp1252", "utf-16-le"])
@pytest.mark.parametrize(
    "typed", ["lý lÞch", "Lý LÞCH", "LÝ LỊCH", "Lý lịch", "lyù lòch", "LYÙ LÒCH"]
)
def test_a_word_97_record_title_in_any_font(width: str, typed: str) -> None:
    """ "Lý lịch" as a Word 97-2003 document stores it: Unicode (two bytes a letter), or
    typed in TCVN3 or VNI (stored one byte a letter when it can be)."""
    try:
        stored = b"\x00\x01" + typed.encode(width) + b"\x00"
    except UnicodeEncodeError:
        pytest.skip("not stored so")
    assert any(t.search(stored) for t in _TITLE_BYTES)


@settings(max_examples=150, deadline=None)
@given(st.lists(_vietnamese_texts, min_size=1, max_size=12), st.sampled_from(["NFC", "NFD"]))
def test_a_unicode_sheet_is_never_touched(texts: list[str], form: str) -> None:
    """Vietnamese in Unicode (composed or not), in cells and in a document's lines, is
    never taken for a legacy font: the grid and blocks come back as they were."""
    values = [unicodedata.normalize(form, t) for t in texts]  # type: ignore[arg-type]
    grid = Grid("DS", pd.DataFrame([values, ["Họ và tên", *values[1:]]]), [])
    assert unicode_grid(grid) is grid
    blocks = [Text(values), Table(pd.DataFrame([values]), [], values)]
    kept, found = unicode_blocks(blocks)
    assert found is None and kept == blocks


@settings(max_examples=60, deadline=None)
@given(st.lists(_vietnamese_texts, min_size=3, max_size=12), st.sampled_from(sorted(ENCODERS)))
def test_a_sheet_typed_in_a_legacy_font_is_found_and_read(texts: list[str], encoding: str) -> None:
    """Vietnamese typed in TCVN3 or VNI, with the list's headers: found as that encoding
    on the whole sheet, and read back as the Unicode typed (TCVN3: but for the case of a
    toned capital, which its codes do not keep)."""
    values = [unicodedata.normalize("NFC", t) for t in ["Họ và tên", "Ngày sinh", *texts]]
    encode = ENCODERS[encoding]
    grid = Grid("DS", pd.DataFrame([[encode(v) for v in values]]), [])
    read = unicode_grid(grid)
    assert read.legacy is not None and read.legacy.encoding == encoding.casefold()
    got = read.cells.iloc[0].tolist()
    assert [g.casefold() for g in got] == [v.casefold() for v in values]
    assert (read.legacy.bad, read.legacy.good) == (encode("Họ và tên"), "Họ và tên")


def _double_encoded(text: str) -> str:
    """``text``'s UTF-8 bytes read one by one as Windows-1252 (its undefined bytes as
    Latin-1), as a system that exported UTF-8 and read it back shows it."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)

    return text.encode("utf-8").decode("sloppy-windows-1252")


def test_a_list_exported_as_double_encoded_utf8_reads_as_in_unicode(tmp_path: Path) -> None:
    """A list whose every text, its header too, is UTF-8 read as Windows-1252: one error
    naming the file (a header as the example), or read repaired with ``convert``; a list
    with a few damaged cells under a sound header keeps the cell's own error, its row."""
    header = [c[0] for c in COLUMNS]
    rows = [header] + [[str(i + 1), *(p[k] for _, _, k in COLUMNS[1:])] for i, p in
                       enumerate(PEOPLE)]  # fmt: skip
    lines = [f'"{TITLE[0]}"', f'"{TITLE[1]}"', *(",".join(row) for row in rows)]
    text = "\n".join(lines) + "\n"
    (tmp_path / "ds.csv").write_text(text, encoding="utf-8")
    typed = tmp_path / "ds-x2.csv"
    typed.write_text(_double_encoded(text), encoding="utf-8")
    with pytest.raises(RosterError) as refused:
        read_roster(typed)
    (error,) = [p for p in refused.value.problems if p.severity == "error"]
    assert error.key == "double_sheet_found" and error.file == "ds-x2.csv"
    assert "'Họ và tên'" in error.describe("vi")
    converted = read_roster(typed, legacy="convert")
    _assert_same(read_roster(tmp_path / "ds.csv"), converted)
    assert "double_sheet_converted" in _keys(converted.problems, "warning")
    one = tmp_path / "ds-one.csv"  # one damaged name under a sound header
    one.write_text(text.replace("Trần Thị Bình", _double_encoded("Trần Thị Bình")), "utf-8")
    with pytest.raises(RosterError) as cell:
        read_roster(one)
    (error,) = [p for p in cell.value.problems if p.severity == "error"]
    assert (error.key, error.row) == ("double_encoded_cell", 5)
