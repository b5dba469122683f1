"""People's names as offices write them: a form of address before the name ("Ông Lò Văn
An", "Bà …", "Ô. …", "B. …") and names typed wholly in capitals ("LÒ VĂN AN").

Each list is built here (openpyxl, python-docx), read through ``read_roster`` and through
the real ``cadre`` command; each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cadre_core.roster import read_roster
from cadre_core.roster._names import (
    FAMILY_NAMES,
    in_capitals,
    without_address,
    without_end_punctuation,
)
from cadre_core.roster._synth_templates import FAMILY, OTHER_FAMILY
from cadre_core.testing.strategies._common import _FAMILY as STRATEGY_FAMILY

CADRE = str(Path(sys.executable).with_name("cadre"))
DAY = dt.date(2025, 12, 31)
TITLE = ("ỦY BAN NHÂN DÂN XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)")
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real ``cadre`` command, in English, on a wide terminal."""
    environ = {**os.environ, "COLUMNS": "400", **env}
    return subprocess.run(
        [CADRE, *args, "--lang", "en"], capture_output=True, text=True, timeout=240, env=environ
    )


def workbook(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """A workbook of ``sheets`` (name -> rows from A1; ``None``: a blank cell)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for i, row in enumerate(rows, 1):
            for j, value in enumerate(row, 1):
                if value is not None:
                    ws.cell(i, j, value)
    wb.save(path)
    return path


def listed(path: Path, people: Sequence[Sequence[Any]]) -> Path:
    """A list of one sheet: the title, the header and ``people``."""
    return workbook(path, {"Danh sách": [*[[t] for t in TITLE], HEAD, *people]})


def names_read(path: Path) -> list[str]:
    roster = read_roster(path, skip_invalid=True, list_date=DAY)
    return [str(n) for n in roster.tables["cadres"]["full_name"]]


def warnings_of(out: subprocess.CompletedProcess[str], words: str) -> list[list[str]]:
    """The table's lines of ``cadre validate`` holding ``words``, as their cells."""
    return [line.split("\t") for line in out.stdout.splitlines() if words in line]


# ---------------------------------------------------------------- a form of address


def test_a_form_of_address_before_a_full_name_is_left_out(tmp_path: Path) -> None:
    """Before: "Ông Lò Văn An" and "Bà Lường Thị Bình" were read with "Ông" and "Bà" as
    part of the name (so the same person written "Lò Văn An" elsewhere was another
    name). Now the form of address before a full name (a known family name and a word
    more) is left out, as "Đ/c" is; "Ông Ích Khiêm" (Ông is a family name too) keeps
    it, with a warning naming the row; a family name that starts like one ("Bàn") is
    never cut."""
    people = [
        [1, "Ông Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"],
        [2, "Bà Lường Thị Bình", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Đại học"],
        [3, "Ô. Vàng A Chứ", "20/01/1990", "Nam", "Phó Chủ tịch UBND xã", "Cao đẳng"],
        [4, "B.Tao Thị Dung", "02/02/1988", "Nữ", "Công chức Văn phòng - Thống kê", "Đại học"],
        [5, "Ông Ích Khiêm", "03/03/1980", "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học"],
        [6, "Bàn Văn Sơn", "04/04/1985", "Nam", "Công chức Địa chính - Xây dựng", "Đại học"],
        [7, "Đồng chí Y Ngọc Niê", "05/05/1979", "Nam", "Phó Bí thư Đảng ủy xã", "Đại học"],
        [8, "Bà H'Hen Niê", "06/06/1991", "Nữ", "Công chức Tài chính - Kế toán", "Đại học"],
    ]
    path = listed(tmp_path / "ong-ba.xlsx", people)
    assert names_read(path) == [
        "Lò Văn An", "Lường Thị Bình", "Vàng A Chứ", "Tao Thị Dung", "Ông Ích Khiêm",
        "Bàn Văn Sơn", "Y Ngọc Niê", "H'Hen Niê",
    ]  # fmt: skip
    roster = read_roster(path, list_date=DAY)
    said = [(p.row, p.column, p.severity, dict(p.args)) for p in roster.problems
            if p.key == "name_address_kept"]  # fmt: skip
    assert said == [(8, "Họ và tên (column B)", "warning", {"cell": "'Ông'"})]
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stdout + out.stderr
    kept = warnings_of(out, "begins with 'Ông'")
    assert [(c[0], c[2], c[3], c[4]) for c in kept] == [
        ("Warning", "cadres", "8", "Họ và tên (column B)")
    ]
    assert (
        "kept as part of the name because what follows does not begin with a known" in (kept[0][6])
    )
    assert not warnings_of(out, "begins with 'B")  # nothing else said of the names


def test_the_same_person_written_with_and_without_a_form_of_address_is_one_name(
    tmp_path: Path,
) -> None:
    """Before: "Ông Lò Văn An" on the Party's sheet and "LÒ VĂN AN" on the government's,
    born the same day, were two names, so the check of one person listed twice did not
    see them. Now both read "Lò Văn An" and the second row is said."""
    party = [
        *[[t] for t in TITLE],
        HEAD,
        [1, "Ông Lò Văn An", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học"],
    ]
    state = [*[[t] for t in TITLE], HEAD,
             [1, "LÒ VĂN AN", "12/03/1975", "Nam", "Chủ tịch UBND xã", "Đại học"],
             [2, "BÀ TAO THỊ BÌNH", "05/07/1982", "Nữ", "Phó Chủ tịch UBND xã", "Đại học"]]  # fmt: skip
    path = workbook(tmp_path / "hai-khoi.xlsx", {"Khối Đảng": party, "Khối chính quyền": state})
    assert names_read(path) == ["Lò Văn An", "Lò Văn An", "Tao Thị Bình"]
    roster = read_roster(path, list_date=DAY)
    twice = [(p.row, dict(p.args)) for p in roster.problems if p.key.startswith("same_person")]
    assert twice == [(4, {"row": "4", "sheet": "'Khối Đảng'"})]


# ---------------------------------------------------------------- names in capitals


def test_names_in_capitals_are_written_as_names(tmp_path: Path) -> None:
    """Before: a list typed with caps lock kept "LÒ VĂN AN" in capitals in every output,
    while a personal record's "LÒ VĂN AN" was read "Lò Văn An". Now a name wholly in
    capitals is written as a name (Đ, the tones and the Ê Đê "Y", "H'" included); a
    name in small letters or mixed ("Lò Văn AN") is as typed, and so is a vacant
    post's "(KHUYẾT)", said as typed."""
    people = [
        [1, "LÒ VĂN AN", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"],
        [2, "ĐINH THỊ ĐÀO", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Đại học"],
        [3, "Y NGỌC NIÊ", "20/01/1990", "Nam", "Phó Chủ tịch UBND xã", "Cao đẳng"],
        [4, "H'HEN NIÊ", "02/02/1988", "Nữ", "Công chức Văn phòng - Thống kê", "Đại học"],
        [5, "Lò Văn AN", "03/03/1980", "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học"],
        [6, "Đ/c GIÀNG A PÁO", "04/04/1985", "Nam", "Công chức Địa chính - Xây dựng", "Đại học"],
        [7, "ÔNG LƯỜNG VĂN ƯƠNG", "05/05/1979", "Nam", "Phó Bí thư Đảng ủy xã", "Đại học"],
        [8, "(KHUYẾT)", None, None, "Phó Chủ tịch HĐND xã", None],
    ]
    path = listed(tmp_path / "in-hoa.xlsx", people)
    assert names_read(path) == [
        "Lò Văn An", "Đinh Thị Đào", "Y Ngọc Niê", "H'Hen Niê", "Lò Văn AN", "Giàng A Páo",
        "Lường Văn Ương",
    ]  # fmt: skip
    out = run("validate", str(path), "--list-date", "31/12/2025")
    assert out.returncode == 0, out.stdout + out.stderr
    vacant = warnings_of(out, "vacant post")
    assert [(c[3], c[6]) for c in vacant] == [
        ("11", "this row names a vacant post ('(KHUYẾT)'): the post was read, and no person")
    ]
    assert "LÒ VĂN AN" not in out.stdout and "Lò Văn An" not in out.stdout  # no name said


def test_a_word_list_in_capitals_and_a_record_read_the_same_name(tmp_path: Path) -> None:
    """Before: the same "LÒ VĂN AN" was "Lò Văn An" from a personal record and "LÒ VĂN
    AN" from a Word list. Both now go through the one helper."""
    d = docx.Document()
    d.add_paragraph(TITLE[0])
    d.add_paragraph(TITLE[1])
    table = d.add_table(rows=2, cols=len(HEAD))
    person = ["1", "LÒ VĂN AN", "12/05/1980", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"]
    for j, (h, v) in enumerate(zip(HEAD, person, strict=True)):
        table.cell(0, j).text = h
        table.cell(1, j).text = v
    d.save(tmp_path / "danh-sach.docx")
    record = docx.Document()
    for line in ["UBND XÃ NẬM TĂM", "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC",
                 "Số hiệu cán bộ, công chức: NT-001",
                 "1) Họ và tên khai sinh (viết chữ in hoa): LÒ VĂN AN",
                 "3) Sinh ngày: 12 tháng 5 năm 1980, Giới tính (nam, nữ): Nam",
                 "Nậm Tăm, ngày 15 tháng 01 năm 2026"]:  # fmt: skip
        record.add_paragraph(line)
    record.save(tmp_path / "ly-lich.docx")
    assert names_read(tmp_path / "danh-sach.docx") == ["Lò Văn An"]
    assert names_read(tmp_path / "ly-lich.docx") == ["Lò Văn An"]
    for name in ("danh-sach.docx", "ly-lich.docx"):
        out = tmp_path / f"{name}.json"
        done = run("evaluate", str(tmp_path / name), "--as-of", "2025-12-31", "--list-date",
                   "31/12/2025", "--plugin", "laichau", "--format", "json", "-o", str(out))  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        json.loads(out.read_text(encoding="utf-8"))  # the contract's JSON


def test_pseudonyms_hide_a_name_typed_in_capitals(tmp_path: Path) -> None:
    """A name read from capitals is hidden by ``--pseudonymize`` in either spelling (the
    pseudonymiser folds case): neither "LÒ VĂN AN" nor "Lò Văn An" is in any output."""
    people = [[1, "LÒ VĂN AN", "12/03/1975", "Nam", "Bí thư Đảng ủy xã", "Đại học Luật"],
              [2, "Bà TAO THỊ BÌNH", "05/07/1982", "Nữ", "Chủ tịch UBND xã", "Đại học"]]  # fmt: skip
    path = listed(tmp_path / "an.xlsx", people)
    out = tmp_path / "an.json"
    done = run("evaluate", str(path), "--as-of", "2025-12-31", "--plugin", "laichau",
               "--format", "json", "-o", str(out), "--pseudonymize",
               CADRE_PSEUDONYM_KEY="k" * 8 + "secret-key-for-tests")  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    text = out.read_text(encoding="utf-8") + done.stdout + done.stderr
    for secret in ("LÒ VĂN AN", "Lò Văn An", "TAO THỊ BÌNH", "Tao Thị Bình"):
        assert secret not in text


# ---------------------------------------------------------------- the helpers' properties

_VIET = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
_LETTERS = _VIET + _VIET.lower()
_WORD = st.text(st.sampled_from(_LETTERS + "'’-"), min_size=1, max_size=8)
_NAMES = st.lists(_WORD, min_size=1, max_size=5).map(" ".join)
_ANY = st.one_of(_NAMES, st.text(max_size=20))


def _column(values: Sequence[object]) -> pd.Series:
    return pd.Series(list(values), dtype=object)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ANY, st.none(), st.integers(0, 99)), max_size=12))
def test_capitals_are_idempotent_and_keep_the_letters(values: list[object]) -> None:
    """Written once or twice, a name is the same; a name not wholly in capitals is never
    changed; the letters are the same, case-folded."""
    once = in_capitals(_column(values))
    assert once.tolist() == in_capitals(once).tolist()
    for before, after in zip(values, once, strict=True):
        if not isinstance(before, str) or not before.isupper():
            assert after is before or after == before
            continue
        nfc = unicodedata.normalize("NFC", before)
        assert unicodedata.normalize("NFC", str(after).casefold()) == unicodedata.normalize(
            "NFC", nfc.casefold()
        )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ANY, st.none()), max_size=12))
def test_capitals_of_every_name_keep_the_letters(values: list[object]) -> None:
    """``every`` (a record in a legacy font) writes each name as a name; idempotent too."""
    once = in_capitals(_column(values), every=True)
    assert once.tolist() == in_capitals(once, every=True).tolist()
    for before, after in zip(values, once, strict=True):
        if isinstance(before, str):
            assert str(after).casefold() == unicodedata.normalize("NFC", before).casefold()
        else:
            assert after is before


_ADDRESSES = st.sampled_from(["Ông", "Bà", "ÔNG", "bà", "Ô.", "B.", "Ô. ", "Đồng chí"])


@settings(max_examples=300, deadline=None)
@given(address=_ADDRESSES, family=st.sampled_from(FAMILY_NAMES), rest=_NAMES)
def test_a_form_of_address_before_a_family_name_is_left_out(
    address: str, family: str, rest: str
) -> None:
    """Before a known family name and a word more, the form of address is left out and
    the rest is as written; once left out, reading again changes nothing."""
    assume(not re.match(r"(?i)(?:ông|bà|chí|[ôb]\.)(?:\s|$)", rest))  # no second address
    spacer = "" if address.endswith(".") else " "
    name = f"{address}{spacer}{family} {rest}"
    kept, begins = without_address(_column([name]))
    assert kept.tolist() == [f"{family} {rest}"]
    assert begins.tolist() == [None]
    assert without_address(kept)[0].tolist() == kept.tolist()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ANY, st.none(), st.integers(0, 99)), max_size=12))
def test_leaving_out_a_form_of_address_keeps_the_rest(values: list[object]) -> None:
    """Idempotent; the name read is the end of the name written (without the punctuation
    after its last word, no part of it); a cell of no text, or a name that begins with no
    form of address, is as it is (but for that punctuation)."""
    kept, begins = without_address(_column(values))
    assert without_address(kept)[0].tolist() == kept.tolist()
    for before, after, word in zip(values, kept, begins, strict=True):
        if not isinstance(before, str):
            assert after is before and word is None
            continue
        written = str(without_end_punctuation(_column([before]))[0])
        assert written.endswith(str(after))
        if word is not None:
            assert after == written


@pytest.mark.parametrize(
    "family",
    sorted(
        {*(n for names in FAMILY.values() for n in names), *OTHER_FAMILY, *STRATEGY_FAMILY} - {"H'"}
    ),
)
def test_the_family_names_of_the_synthetic_rosters_are_known(family: str) -> None:
    """Every family name the synthetic rosters and the test strategies give a person
    (those of the peoples of Lai Châu among them) is one a form of address is left out
    before, so "Ông …" of a synthetic roster reads as its person's name."""
    kept, _ = without_address(_column([f"Ông {family} Văn An"]))
    assert kept.tolist() == [f"{family} Văn An"]
