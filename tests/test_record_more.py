"""Personal records ("Sơ yếu lý lịch", form 2C-BNV/2008), more of the form: the yearly
ratings section, a current post of two posts dated by the work history, and the optional
levels filled in as none held.

Each record is written here as an office fills the form in Word (the fields of
:func:`test_personal_records._fields`, then the sections), with the part under test
changed.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pandas as pd
import pytest
from test_personal_records import AN, PRIVATE, _fields, _table

from cadre_core import RosterError, read_roster
from cadre_core.roster._grid import Text
from cadre_core.roster._record import record_grid

TWO_POSTS = "Phó Bí thư Đảng ủy, Chủ tịch UBND xã"
RATINGS_HEAD = "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC HẰNG NĂM"
RATING_ROWS = [["Năm", "Kết quả đánh giá, xếp loại"], ["2023", "Hoàn thành tốt nhiệm vụ"],
               ["2024", "Hoàn thành xuất sắc nhiệm vụ"]]  # fmt: skip


def _record(
    path: Path,
    *,
    fields: dict[str, str] | None = None,
    works: list[list[str]] | None = None,
    ratings: list[list[str]] | list[str] | None = None,
    ratings_head: str = RATINGS_HEAD,
    ratings_last: bool = False,
) -> Path:
    """A record of An saved at ``path``: the form's fields (a line starting with a key of
    ``fields`` replaced by its value), the training, work (``works``: its rows), family
    and salary sections, the ratings section (``ratings``: a table's rows, or lines)
    after the family's (or, ``ratings_last``, just before the signatures), and the
    signatures."""
    d = docx.Document()
    _table(d, [["Cơ quan, đơn vị có thẩm quyền quản lý CBCC: Đảng ủy xã Tả Lèng",
                f"Số hiệu cán bộ, công chức: {AN['id']}"],
               ["Cơ quan, đơn vị sử dụng CBCC: UBND xã Tả Lèng", ""]])  # fmt: skip
    d.add_paragraph("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC")
    for line in _fields({**AN, "title": TWO_POSTS}):
        start = next((k for k in fields or {} if line.startswith(k)), None)
        d.add_paragraph(line if start is None else (fields or {})[start])
    d.add_paragraph("27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ")
    _table(d, [["Tên trường", "Chuyên ngành đào tạo, bồi dưỡng", "Từ tháng, năm - đến tháng, năm",
                "Hình thức đào tạo", "Văn bằng, chứng chỉ, trình độ gì"],
               ["Trường Đại học Luật Hà Nội", "Luật", "09/1993 - 06/1997", "Chính quy",
                "Cử nhân"]])  # fmt: skip
    d.add_paragraph("28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC")
    _table(d, [["Từ tháng, năm đến tháng, năm", "Chức danh, chức vụ, đơn vị công tác"],
               *(works or [["03/2010 - 02/2021", "Phó Chủ tịch UBND xã Tả Lèng"],
                           ["03/2021 - nay", f"{TWO_POSTS} Tả Lèng"]])])  # fmt: skip
    d.add_paragraph("30) QUAN HỆ GIA ĐÌNH")
    _table(d, [["Mối quan hệ", "Họ và tên", "Năm sinh", "Quê quán, nghề nghiệp"],
               ["Bố", "Lò Văn Bố", "1950", "Làm ruộng"]])  # fmt: skip

    def rated() -> None:
        if ratings is None:
            return
        d.add_paragraph(ratings_head)
        if ratings and isinstance(ratings[0], list):
            _table(d, ratings)  # type: ignore[arg-type]
        else:
            for line in ratings:
                d.add_paragraph(str(line))

    if not ratings_last:
        rated()
    d.add_paragraph("31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC")
    _table(d, [["Tháng/năm", "01/2020", "01/2023"], ["Mã ngạch/bậc", "01.003/2", "01.003/3"]])
    if ratings_last:
        rated()
    _table(d, [["Người khai", AN["signed"]],
               ["Tôi xin cam đoan những lời khai trên đây là đúng sự thật",
                "Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC"]])  # fmt: skip
    d.save(str(path))
    return path


def _not_read(roster: object) -> str:
    """The fields and sections the record's not-read warning names."""
    said = next(p for p in roster.not_read if p.key == "record_not_read")  # type: ignore[attr-defined]
    return str(dict(said.args)["fields"])


def _ratings(roster: object) -> list[list[object]]:
    frame = roster.ratings.sort_values("year")  # type: ignore[attr-defined]
    return frame[["cadre_id", "year", "rating"]].astype(object).to_numpy().tolist()


# ----------------------------------------------------------------------- yearly ratings


@pytest.mark.parametrize(
    ("ratings", "last"),
    [
        (RATING_ROWS, False),
        (RATING_ROWS, True),  # the last section: the signatures after it are no rating
        (["- Năm 2023: Hoàn thành tốt nhiệm vụ.", "- Năm 2024: Hoàn thành xuất sắc nhiệm vụ"], False),
        ([["Năm", "2023", "2024"],
          ["Xếp loại", "Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ"]], False),
        ([["STT", "Năm", "Kết quả xếp loại"], ["1", "2023", "Hoàn thành tốt nhiệm vụ"],
          ["2", "2024", "Hoàn thành xuất sắc nhiệm vụ"], ["3", "2025", ""]], False),
    ],
    ids=["table", "last", "lines", "years-in-a-row", "numbered"],
)  # fmt: skip
def test_the_ratings_section_is_the_records_ratings(
    tmp_path: Path, ratings: list[list[str]], last: bool
) -> None:
    """Each year of the section "Kết quả đánh giá, xếp loại cán bộ, công chức hằng năm"
    and its rating is a rating of the record's person, its spelling read as in any list;
    the section, wholly read, is not named among what was not read (a year with no
    rating gives nothing, and leaves nothing unread)."""
    roster = read_roster(_record(tmp_path / "an.docx", ratings=ratings, ratings_last=last))
    assert _ratings(roster) == [["TL-001", 2023, "good"], ["TL-001", 2024, "excellent"]]
    unread = _not_read(roster)
    assert "Kết quả đánh giá" not in unread
    assert "Quan hệ gia đình" in unread and "Diễn biến quá trình lương" in unread
    tables = " ".join(f.astype(str).to_csv() for f in roster.tables.values())
    assert not [p for p in PRIVATE if p in tables]


def test_a_ratings_line_not_read_names_the_section(tmp_path: Path) -> None:
    """A line of the ratings section that names no year and its rating (a note, two
    years on one line), or a year rated twice otherwise, names the section among what
    was not read; the lines read are still read."""
    lines = ["Năm 2023: Hoàn thành tốt nhiệm vụ", "Năm 2024: Hoàn thành xuất sắc nhiệm vụ",
             "Năm 2021: Hoàn thành nhiệm vụ; năm 2022: Hoàn thành tốt nhiệm vụ",
             "Năm 2023: Hoàn thành nhiệm vụ", "Ghi chú: năm 2020 nghỉ thai sản"]  # fmt: skip
    for n in range(2, len(lines)):
        path = _record(tmp_path / f"an{n}.docx", ratings=[*lines[:2], lines[n]])
        roster = read_roster(path)
        assert _ratings(roster) == [["TL-001", 2023, "good"], ["TL-001", 2024, "excellent"]]
        assert "Kết quả đánh giá, xếp loại" in _not_read(roster), lines[n]


def test_the_ratings_section_is_found_whatever_its_heading(tmp_path: Path) -> None:
    """A heading numbered in Roman numerals ("V.") or shorter ("Kết quả xếp loại")
    starts the section; a field naming a year's rating among the form's fields starts
    none (the fields after it are read)."""
    for n, head in enumerate(["V. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI HẰNG NĂM", "33) Kết quả xếp loại:"]):
        roster = read_roster(_record(tmp_path / f"an{n}.docx", ratings=RATING_ROWS,
                                     ratings_head=head))  # fmt: skip
        assert _ratings(roster) == [["TL-001", 2023, "good"], ["TL-001", 2024, "excellent"]]
    field = {"13) Công việc chính được giao": "13) Kết quả xếp loại năm 2024: Hoàn thành tốt"}
    roster = read_roster(_record(tmp_path / "field.docx", fields=field))
    assert roster.cadres["state_management"].tolist() == ["chuyen_vien"]  # read after it
    assert roster.ratings.empty


def test_a_rating_refused_in_a_list_is_refused_in_a_record(tmp_path: Path) -> None:
    """A rating no list reads ("Không xếp loại": not rated) is an error naming the record
    and the year's rating, with the list's note; nothing is left out unsaid."""
    rows = [*RATING_ROWS, ["2022", "Không xếp loại"]]
    with pytest.raises(RosterError) as caught:
        read_roster(_record(tmp_path / "an.docx", ratings=rows))
    (bad,) = [p for p in caught.value.problems if p.severity == "error"]
    assert (bad.file, bad.column, bad.value) == ("an.docx", "Xếp loại năm 2022", "Không xếp loại")
    assert dict(bad.args)["note_key"] == "not_rated"  # the list's note


def test_a_record_without_a_ratings_section_has_no_ratings(tmp_path: Path) -> None:
    roster = read_roster(_record(tmp_path / "an.docx"))
    assert roster.ratings.empty
    assert "ratings" in roster.absent


def test_the_ratings_section_of_a_record_given_as_lines() -> None:
    """The record's grid holds a rating header per year rated, after the form's."""
    lines = ["SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", "1) Họ và tên khai sinh: LÒ VĂN AN",
             RATINGS_HEAD, "Năm 2024: Hoàn thành tốt nhiệm vụ", "Năm 2023: Hoàn thành nhiệm vụ"]  # fmt: skip
    grid = record_grid("an.docx", [Text(lines)])
    assert grid is not None
    header, row = grid.cells.iloc[-2].tolist(), grid.cells.iloc[-1].tolist()
    assert header[-2:] == ["Xếp loại năm 2023", "Xếp loại năm 2024"]
    assert row[-2:] == ["Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ"]
    assert grid.unread == ()


# ------------------------------------------------------------ the current post's start


def test_the_work_history_dates_each_of_two_posts_held(tmp_path: Path) -> None:
    """A current post of two posts ("Phó Bí thư Đảng ủy, Chủ tịch UBND xã", two
    assignments) is dated by the row still going on naming both, each of them; a row
    naming the deputy's post of one ("Phó Chủ tịch UBND xã") dates nothing."""
    roster = read_roster(_record(tmp_path / "an.docx"))
    assignments = roster.tables["assignments"]
    assert len(assignments) == 2
    assert assignments["start_date"].tolist() == [pd.Timestamp(2021, 3, 1)] * 2
    works = [["03/2021 - nay", "Phó Bí thư Đảng ủy, Phó Chủ tịch UBND xã Tả Lèng"]]
    roster = read_roster(_record(tmp_path / "other.docx", works=works))
    start = roster.tables["assignments"]["start_date"]
    assert start.tolist() == [pd.Timestamp(roster.list_date)] * 2


# ------------------------------------------------------- optional levels, none held

_NONE = ["Chưa", "Không", "Chưa qua đào tạo", "Không có", "Chưa có", "(chưa có)"]


@pytest.mark.parametrize("none", _NONE)
def test_an_optional_level_none_held_is_blank(tmp_path: Path, none: str) -> None:
    """State management, a foreign language, IT and general education written as none
    held ("Quản lý nhà nước: Chưa", "Ngoại ngữ: Không") are blank: no level, no error."""
    fields = {
        "15.1-": f"15.1- Trình độ giáo dục phổ thông: {none}",
        "15.3-": f"15.3- Lý luận chính trị: Cao cấp          15.4- Quản lý nhà nước: {none}",
        "15.5-": f"15.5- Ngoại ngữ: {none}, 15.6- Tin học: {none}.",
    }
    roster = read_roster(_record(tmp_path / "an.docx", fields=fields))
    (cadre,) = roster.cadres.itertuples()
    for column in ("general_education", "state_management", "foreign_language", "it_level"):
        assert pd.isna(getattr(cadre, column)), column
    assert not [p for p in roster.problems if p.severity == "error"]
    assert roster.theory["level"].tolist() == ["cao_cap"]


@pytest.mark.parametrize(
    ("line", "column"),
    [("15.2- Trình độ chuyên môn cao nhất: Chưa qua đào tạo", "Trình độ chuyên môn cao nhất"),
     ("15.3- Lý luận chính trị: Không", "Lý luận chính trị")],
)  # fmt: skip
def test_a_degree_or_theory_none_held_stays_refused(tmp_path: Path, line: str, column: str) -> None:
    """The degree's and the theory's "none" stay refused on purpose, with the note of a
    list ("no degree: omit the row")."""
    with pytest.raises(RosterError) as caught:
        read_roster(_record(tmp_path / "an.docx", fields={line[:5]: line}))
    (bad,) = [p for p in caught.value.problems if p.severity == "error"]
    assert bad.column == column
    assert dict(bad.args)["note_key"] in {"no_degree", "no_level"}


def test_a_level_held_is_still_read(tmp_path: Path) -> None:
    """A level that only starts with a none-word's letters is a level, read as one."""
    fields = {"15.5-": "15.5- Ngoại ngữ: Tiếng Anh B, 15.6- Tin học: Chứng chỉ B"}
    roster = read_roster(_record(tmp_path / "an.docx", fields=fields))
    assert roster.cadres[["foreign_language", "it_level"]].notna().all(axis=None)
