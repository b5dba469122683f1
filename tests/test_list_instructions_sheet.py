"""A province's template as the Home Affairs office sends it out, filled in by a commune:
a first sheet "Hướng dẫn" explaining each column and showing a filled example ("Ví dụ:"
over the list's own header and a made-up "Nguyễn Văn A"), then the commune's list; and
names typed with a full stop after them ("Sùng Thị Mai.").

Each workbook is built here as the office keeps it and read through ``read_roster`` and
the real ``cadre`` command; each test says what was wrong before.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from list_files import CADRE, run, sheet, workbook

from cadre_core.roster import read_roster
from cadre_core.roster._list_title import title_example
from cadre_core.roster._names import without_end_punctuation

D = dt.datetime
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
STAFF = [
    ["Lò Văn Thanh", D(1974, 11, 11), "Nam", "Bí thư Đảng ủy", "Đại học"],
    ["Tòng Thị Sương", D(1982, 3, 30), "Nữ", "Chủ tịch UBND xã", "Thạc sĩ"],
    ["Lò Văn Nọi", D(1987, 7, 4), "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học"],
    ["Hoàng Thị Lan", D(1993, 12, 9), "Nữ", "Công chức Tài chính - Kế toán", "Đại học"],
]
NAMES = [p[0] for p in STAFF]
THE_LIST = [
    ["UBND XÃ THAN UYÊN"],
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ THAN UYÊN (tính đến ngày 31/12/2025)"],
    HEAD,
    *[[i, *p] for i, p in enumerate(STAFF, 1)],
]
EXAMPLE = [1, "Nguyễn Văn A", D(1980, 1, 1), "Nam", "Công chức Tư pháp - Hộ tịch", "Đại học"]
GUIDE = [
    ["HƯỚNG DẪN GHI BIỂU DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ"],
    ["(Kèm theo Công văn số 1234/SNV-CCVC ngày 15/11/2025 của Sở Nội vụ)"],
    [],
    ["TT", "Cột", "Hướng dẫn ghi"],
    [1, "Họ và tên", "Ghi đầy đủ họ, chữ đệm và tên theo CCCD"],
    [2, "Ngày sinh", "Ghi theo định dạng ngày/tháng/năm (dd/mm/yyyy)"],
    [3, "Giới tính", "Ghi Nam hoặc Nữ"],
    [4, "Chức vụ", "Ghi chức vụ hiện đang đảm nhiệm"],
    [5, "Trình độ chuyên môn", "Trung cấp, Cao đẳng, Đại học, Thạc sĩ, Tiến sĩ"],
    [],
    ["Ví dụ:"],
    HEAD,
    EXAMPLE,
]  # the example person on row 13


def in_vietnamese(*args: str) -> str:
    """What the real ``cadre`` command prints in Vietnamese, on a wide terminal."""
    env = {**os.environ, "COLUMNS": "400"}
    out = subprocess.run(
        [CADRE, *args, "--lang", "vi"], capture_output=True, text=True, timeout=120, env=env
    )
    return out.stdout


def said(path: Path) -> list[tuple[str, str | None, dict[str, str]]]:
    """``cadre validate --format json`` of ``path`` (it must pass): each problem's code,
    table (a sheet's name) and arguments."""
    out = run("validate", str(path), "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    return [(p["key"], p["table"], p["args"]) for p in json.loads(out.stdout)["problems"]]


def test_the_templates_example_person_is_no_staff(tmp_path: Path) -> None:
    """Before: the made-up "Nguyễn Văn A" of the "Hướng dẫn" sheet's example was read as a
    fifth cadre (DS0014, holding "Công chức Tư pháp - Hộ tịch"), without a word: every
    count was wrong. Now the sheet is not read, the commune's list being on another, and
    a warning names it, why, and the row of the person not read."""
    path = workbook(tmp_path / "bieu_mau.xlsx", [("Hướng dẫn", GUIDE), ("Danh sách", THE_LIST)])
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == NAMES
    assert roster.positions["title"].tolist() == [p[3] for p in STAFF]
    assert roster.list_date == dt.date(2025, 12, 31)
    assert [(p.key, p.file, p.table, p.row, p.severity, p.scope, dict(p.args))
            for p in roster.problems if p.key != "commune_from_title"] == [
        ("example_sheet_not_read", "bieu_mau.xlsx", "Hướng dẫn", None, "warning", "sheet",
         {"words": "'Hướng dẫn'", "rows": "13"}),
    ]  # fmt: skip
    out = run("validate", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Cadres\t4" in out.stdout and "Assignments\t4" in out.stdout
    assert (
        "this sheet's name or the line right above its header says 'Hướng dẫn': it holds "
        "instructions or an example, not the unit's list; another sheet holds a list of "
        "people, so the people on rows 13 of this sheet were not read"
    ) in out.stdout
    vi = in_vietnamese("validate", str(path))
    assert "những người ở dòng 13 của trang tính này không được đọc" in vi


def test_a_line_vi_du_over_a_header_sets_the_sheet_aside(tmp_path: Path) -> None:
    """Before: an example under a line "Ví dụ:" on a sheet named as any other ("Sheet1")
    was read as people of the list. Now the line right above the header says it is an
    example: the sheet is not read while another holds the list, and said; a hint that
    goes on after its colon ("Ví dụ: 01/01/1980") says nothing of its sheet."""
    example = [["Cách điền biểu:"], ["VD:"], [], HEAD, EXAMPLE]
    hinted = [["Ghi ngày sinh theo ngày/tháng/năm, ví dụ:"], ["Ví dụ: 01/01/1980"], *THE_LIST]
    path = workbook(tmp_path / "ds.xlsx", [("Sheet1", example), ("DS 2025", hinted)])
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == NAMES
    assert [(k, t, a) for k, t, a in said(path) if k.startswith("example")] == [
        ("example_sheet_not_read", "Sheet1", {"words": "'VD:'", "rows": "5"})
    ]


def test_a_list_only_on_an_example_sheet_is_read_and_said(tmp_path: Path) -> None:
    """Before: nothing was said of it. A workbook whose only list is on a sheet named as
    an example ("Mẫu ví dụ", a commune that filled the template's example sheet) is read,
    nothing being dropped, with a warning asking to check its people are the unit's."""
    path = workbook(tmp_path / "mau.xlsx", [("Giải thích", GUIDE[:9]), ("Mẫu ví dụ", THE_LIST)])
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == NAMES
    assert [(p.key, p.table, p.scope, dict(p.args)) for p in roster.problems
            if p.key.startswith("example")] == [
        ("example_sheet_read", "Mẫu ví dụ", None, {"words": "'ví dụ'", "rows": "4, 5, 6, 7"}),
    ]  # fmt: skip
    out = run("validate", str(path))
    assert out.returncode == 0 and "Cadres\t4" in out.stdout, out.stdout + out.stderr
    assert "its list was read because no other sheet holds a list of people" in out.stdout


def test_a_form_number_a_contract_sheet_and_a_guidance_cited_are_lists(tmp_path: Path) -> None:
    """A sheet named by its form's number ("Mẫu 01"), a sheet of contract staff ("HĐ 68":
    "HĐ" is no "HD") and one made as a guidance says ("DS theo HD 26") are lists like any:
    all three are read, nothing said of an example."""
    contract = [HEAD, [1, "Lò Thị Mây", D(1997, 1, 8), "Nữ", "Văn thư", "Cao đẳng"]]
    other = [HEAD, [1, "Pờ Thị Gió", D(1990, 2, 22), "Nữ", "Công chức Văn hóa - Xã hội", "Đại học"]]
    path = workbook(
        tmp_path / "mau_01.xlsx",
        [("Mẫu 01", THE_LIST), ("HĐ 68", contract), ("DS theo HD 26", other)],
    )
    roster = read_roster(path, skip_invalid=True)
    assert roster.cadres["full_name"].tolist() == [*NAMES, "Lò Thị Mây", "Pờ Thị Gió"]
    assert [k for k, _, _ in said(path) if k.startswith("example")] == []


@pytest.mark.parametrize(
    ("name", "above", "words"),
    [
        ("Hướng dẫn", "", "Hướng dẫn"),
        ("HUONG DAN", "", "HUONG DAN"),
        ("HD", "", "HD"),
        ("HDSD", "", "HDSD"),
        ("Ví dụ", "", "Ví dụ"),
        ("Cách ghi", "", "Cách ghi"),
        ("Giải thích", "", "Giải thích"),
        ("Instructions", "", "Instructions"),
        ("Example 1", "", "Example"),
        ("Danh sách", "Ví dụ minh họa:", "Ví dụ minh họa:"),
        ("Danh sách", " VD : ", "VD :"),
        ("Mẫu 01", "", None),
        ("HĐ 68", "", None),
        ("Hướng dẫn số 26", "", None),
        ("05-HD-BTCTW", "", None),
        ("Danh sách", "Ví dụ: 01/01/1980", None),
        ("Khối chính quyền", "DANH SÁCH CÁN BỘ", None),
    ],
)
def test_what_says_instructions_or_an_example(name: str, above: str, words: str | None) -> None:
    """The words of a sheet's name (whole words of its diacritic-free key) or of the line
    right above its header that say it holds instructions or an example, and those that
    do not: a form's number, a contract, a guidance document cited by its number."""
    assert title_example(name, above) == words


_WORD = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậ", min_size=1, max_size=6)


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(_WORD, min_size=2, max_size=4),
    stop=st.text(alphabet=".,;:", min_size=1, max_size=3),
    space=st.sampled_from(["", " ", "  "]),
)
def test_punctuation_after_a_name_is_no_part_of_it(words: list[str], stop: str, space: str) -> None:
    """Any full stop, comma, semicolon or colon typed after a name's last word, spaced or
    not, is left out, and the name without it is as it is."""
    name = " ".join(w.capitalize() for w in words)
    out = without_end_punctuation(pd.Series([name + space + stop, name], dtype=object))
    assert out.tolist() == [name, name]


def test_a_full_stop_after_a_name_is_left_out(tmp_path: Path) -> None:
    """Before: "Sùng Thị Mai." was read with its full stop, another name than "Sùng Thị
    Mai" in every count and look-up (the same person on another list did not match). Now
    the punctuation after a name's last word is left out ("Lò Văn An;" and "TÒNG THỊ XUÂN,"
    as well), unsaid (nothing of the person is in it); a footnote's mark before it is still
    read as one, and the same name and day of birth on two rows is said as ever."""
    rows = [
        ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ SÌN HỒ (tính đến ngày 31/12/2025)"],
        HEAD,
        [1, "Sùng Thị Mai.", D(1992, 7, 1), "Nữ", "Công chức Văn hóa - Xã hội", "Đại học"],
        [2, "Lò Văn An;", D(1978, 3, 12), "Nam", "Bí thư Đảng ủy", "Đại học"],
        [3, "TÒNG THỊ XUÂN,", D(1985, 9, 5), "Nữ", "Phó Chủ tịch UBND xã", "Đại học"],
        [4, "Lê Thị Hiền (*).", D(1990, 1, 1), "Nữ", "Chủ tịch UBND xã", "Đại học"],
        [5, "Sùng Thị Mai", D(1992, 7, 1), "Nữ", "Công chức Tư pháp - Hộ tịch", "Đại học"],
    ]
    path = sheet(tmp_path / "ds.xlsx", rows)
    roster = read_roster(path)
    assert roster.cadres["full_name"].tolist() == [
        "Sùng Thị Mai", "Lò Văn An", "Tòng Thị Xuân", "Lê Thị Hiền", "Sùng Thị Mai",
    ]  # fmt: skip
    assert [(p.key, p.row, dict(p.args)) for p in roster.problems] == [
        ("same_person_row", 7, {"row": "3"}),
        ("name_mark", 6, {"cell": "'Lê Thị Hiền (*)'", "mark": "'(*)'"}),
        ("commune_from_title", None, {"commune": "'Xã Sìn Hồ'"}),
    ]
    assert sorted((k, a["row"] if k == "same_person_row" else a["mark"])
                  for k, _, a in said(path) if k.startswith(("name", "same"))) == [
        ("name_mark", "'(*)'"), ("same_person_row", "3"),
    ]  # fmt: skip
