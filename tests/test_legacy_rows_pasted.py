"""Rows pasted from last year's .VnTime (TCVN3) file into a Unicode list: every cell of
those rows holds TCVN3 bytes ("Tao V¨n Hïng", "Chñ tÞch UBND x·", "Th¸i", "Cao cÊp").

Before, the legacy text was decided column by column: a column where the Unicode values
are the majority (the names, the titles, the fields) was not found legacy at all, so
"Tao V¨n Hïng" was accepted without a word; the ethnicity column (whose "á", "ô" are
TCVN3 codes too) was found legacy as a whole, its error quoting a correct value as the
example ("'Thái' reads as 'Thỏi'"), and ``--legacy-text convert`` converted the whole
column, turning the clean rows' "Thái" into "Thỏi" and "Mông" into "Mụng". Now each value
is decided alone as well: a value is legacy when it cannot be correct as it stands and
reads as Vietnamese, never when it is well-formed Unicode; by default each such cell is
an error naming its row and column (with the value and what it reads as, outside the
names), and ``--legacy-text convert`` converts those values only. A sheet typed in a
legacy font as a whole is found and read as before.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import run, sheet

from cadre_core.roster import read_roster
from cadre_core.vocab._vntext import TCVN3_TO_UNICODE, VNI_TO_UNICODE, legacy_values

_TO_TCVN3 = {letter: code for code, letter in TCVN3_TO_UNICODE.items()}
_TO_VNI = {
    letter: seq
    for seq, letter in sorted(VNI_TO_UNICODE.items(), reverse=True)
    if seq in (seq.lower(), seq.upper())
}


def tcvn3(text: str) -> str:
    """``text`` as a .VnTime typist typed it (a toned capital as its small letter)."""
    nfc = unicodedata.normalize("NFC", text)
    return "".join(_TO_TCVN3.get(ch, _TO_TCVN3.get(ch.lower(), ch)) for ch in nfc)


def vni(text: str) -> str:
    """``text`` as typed in a VNI-Times font."""
    return "".join(_TO_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


TITLE = ["ỦY BAN NHÂN DÂN XÃ NẬM TĂM", "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ (tính đến ngày 31/12/2025)"]
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ",
        "Trình độ chuyên môn", "Chuyên ngành", "Lý luận chính trị"]  # fmt: skip
PEOPLE = [
    ("Lò Văn Pấng", "12/03/1972", "Nam", "Thái", "Bí thư Đảng ủy xã", "Đại học", "Luật",
     "Cao cấp"),
    ("Vàng Thị Mỷ", "05/07/1985", "Nữ", "Mông", "Phó Bí thư Thường trực Đảng ủy xã",
     "Đại học", "Kinh tế", "Cao cấp"),
    ("Tao Văn Hùng", "20/01/1978", "Nam", "Thái", "Chủ tịch UBND xã", "Thạc sĩ",
     "Quản lý công", "Cao cấp"),
    ("Nguyễn Thị Hằng", "14/09/1990", "Nữ", "Kinh", "Phó Chủ tịch UBND xã", "Đại học",
     "Nông nghiệp", "Trung cấp"),
    ("Sùng A Chứ", "02/11/1988", "Nam", "Mông", "Chủ tịch Ủy ban MTTQ Việt Nam xã",
     "Cao đẳng", "Sư phạm", "Trung cấp"),
    ("Lường Thị Bình", "30/04/1995", "Nữ", "Thái", "Công chức Văn phòng - Thống kê",
     "Đại học", "Hành chính", "Sơ cấp"),
    ("Giàng A Dế", "17/08/1993", "Nam", "Mông", "Công chức Tư pháp - Hộ tịch", "Đại học",
     "Luật", None),
    ("Hà Thị Liên", "25/12/1998", "Nữ", "Dao", "Công chức Văn hóa - Xã hội", "Trung cấp",
     "Văn hóa", None),
]  # fmt: skip
PASTED = (3, 5, 7)  # the rows copied from last year's .VnTime file (sheet rows 6, 8, 10)


def _list(path: Path, encode: Any = None, pasted: tuple[int, ...] = PASTED) -> Path:
    """The list of probe 90b: pasted rows typed in TCVN3 among Unicode ones; with
    ``encode``, every text of the sheet (title, header, rows) so typed."""
    whole = encode is not None
    enc = encode or tcvn3
    rows: list[list[Any]] = [[enc(t) if whole else t] for t in TITLE]
    rows.append([enc(h) if whole else h for h in HEAD])
    for i, person in enumerate(PEOPLE, 1):
        typed = whole or i in pasted
        rows.append([i, *(enc(v) if typed and isinstance(v, str) else v for v in person)])
    return sheet(path, rows)


def _validate(path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    out = run("validate", str(path), "--format", "json", *args)
    assert "Traceback" not in out.stderr
    return out.returncode, json.loads(out.stdout)


def test_pasted_rows_are_said_with_their_rows_and_a_legacy_example(tmp_path: Path) -> None:
    """Before: the names, titles and fields in TCVN3 passed without a word and the
    ethnicity's error quoted 'Thái' (correct) as reading 'Thỏi'. Now each cell of the
    pasted rows is an error naming its row and column, its value TCVN3 and what it
    reads as; no Unicode cell is said to be legacy."""
    code, doc = _validate(_list(tmp_path / "90b.xlsx"))
    assert code == 2 and doc["valid"] is False
    said = [p for p in doc["problems"] if p["key"] in ("legacy_encoded", "legacy_encoded_cell")]
    assert {p["row"] for p in said} == {6, 8, 10}
    columns = {p["column"].split(" (")[0] for p in said}
    assert {"Họ và tên", "Dân tộc", "Chức vụ", "Trình độ chuyên môn", "Chuyên ngành",
            "Lý luận chính trị"} <= columns  # fmt: skip
    names = [p for p in said if p["column"].startswith("Họ và tên")]
    assert len(names) == 3 and all(p["value"] is None for p in names)  # a name is not quoted
    assert all(p["severity"] == "error" and p["args"]["encoding"] == "TCVN3" for p in said)
    quoted = [p for p in said if p["value"] is not None]
    for p in quoted:  # (a value is shown with its soft hyphen, TCVN3's "ư")
        good = p["args"]["good"].strip("'")
        assert p["value"] != good and tcvn3(good) == p["value"]
        if not p["column"].startswith("Chức vụ"):
            assert good in {v for person in PEOPLE for v in person}
    ethnicity = {(p["row"], p["value"], p["args"]["good"]) for p in quoted
                 if p["column"].startswith("Dân tộc")}  # fmt: skip
    assert ethnicity == {(6, "Th¸i", "'Thái'"), (8, "M«ng", "'Mông'"), (10, "M«ng", "'Mông'")}
    assert "Thỏi" not in json.dumps(doc, ensure_ascii=False)
    assert not any(p["key"] == "legacy_text_found" for p in doc["problems"])


def test_convert_converts_the_pasted_rows_only(tmp_path: Path) -> None:
    """Before: ``--legacy-text convert`` turned the clean rows' 'Thái' into 'Thỏi' and
    'Mông' into 'Mụng', and left the TCVN3 names, titles and theory as they were. Now the
    pasted rows are read as Unicode, the others untouched, and the posts get their
    categories."""
    path = _list(tmp_path / "90b.xlsx")
    code, doc = _validate(path, "--legacy-text", "convert")
    assert code == 0 and doc["valid"] is True
    assert [p["key"] for p in doc["problems"] if p["severity"] == "error"] == []
    assert any(p["key"] == "legacy_cells_converted" for p in doc["problems"])
    tables = read_roster(path, legacy="convert").tables
    cadres = tables["cadres"]
    assert cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
    assert cadres["ethnicity"].astype(str).tolist() == [p[3] for p in PEOPLE]
    positions = tables["positions"]
    # (TCVN3 keeps no toned capital: "Ủy" inside a title reads "ủy")
    assert sorted(positions["title"].str.lower()) == sorted(p[4].lower() for p in PEOPLE)
    assert positions["category"].notna().all()
    theory = tables["theory"]["level"].astype(str).tolist()
    assert theory == ["cao_cap", "cao_cap", "cao_cap", "trung_cap", "trung_cap", "so_cap"]
    fields = set(tables["degrees"]["field"].dropna().astype(str))
    assert {"Quản lý công", "Sư phạm", "Luật"} <= fields
    out = run("evaluate", str(path), "--legacy-text", "convert", "--as-of", "2026-12-31",
              "--format", "json", "-o", str(tmp_path / "e.json"))  # fmt: skip
    assert out.returncode == 0, out.stderr
    targets = {t["id"]: t for c in json.loads((tmp_path / "e.json").read_text())["communes"]
               for t in c["targets"]}  # fmt: skip
    assert (targets["nq05.5a"]["population"], targets["nq05.5a"]["satisfied"]) == (4, 1)
    assert (targets["nq05.5d"]["population"], targets["nq05.5d"]["satisfied"]) == (4, 3)


def test_a_sheet_typed_in_a_legacy_font_is_read_as_before(tmp_path: Path) -> None:
    """Lists 90 (.VnTime) and 91 (VNI-Times), every text legacy: one error for the
    sheet with a header as the example, and read whole with ``convert``, as before."""
    for encoding, encode in (("TCVN3", tcvn3), ("VNI", vni)):
        path = _list(tmp_path / f"{encoding}.xlsx", encode)
        code, doc = _validate(path)
        errors = [p for p in doc["problems"] if p["severity"] == "error"]
        assert code == 2 and [p["key"] for p in errors] == ["legacy_sheet_found"]
        assert errors[0]["args"]["encoding"] == encoding
        code, doc = _validate(path, "--legacy-text", "convert")
        assert code == 0, doc["problems"]
        cadres = read_roster(path, legacy="convert").tables["cadres"]
        assert cadres["full_name"].tolist() == [p[0] for p in PEOPLE]
        assert cadres["ethnicity"].astype(str).tolist() == [p[3] for p in PEOPLE]


_WORDS = [p[0] for p in PEOPLE] + [p[4] for p in PEOPLE] + [p[7] for p in PEOPLE if p[7]] + [
    "Thái", "Mông", "Tày", "Nùng", "Mường", "Hà Nội", "Lê Thị Hoa", "Hoàng Văn Sơn",
    "Đỗ Mạnh Cường", "Bế Thị Ánh", "Chánh Văn phòng", "Phó Trưởng Công an xã",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12, unique=True),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4, unique=True),
)
def test_a_unicode_value_is_never_converted(clean: list[str], pasted: list[str]) -> None:
    """Whatever Unicode values a column holds beside values pasted in TCVN3, no Unicode
    value is converted, and each pasted value the encoding changes reads as it was."""
    typed = {tcvn3(v): v for v in pasted if tcvn3(v) != v}
    mapping, encoding, _ = legacy_values([*clean, *typed])
    assert not set(mapping) & set(clean)
    for value, read in mapping.items():
        assert (typed.get(value) or "").lower() == read.lower()  # (TCVN3 keeps no "Ủ")
    if len(typed) > len(clean):
        assert encoding in (None, "tcvn3")
