"""Personal records ("Sơ yếu lý lịch", form 2C-BNV/2008) mail-merged into ONE Word file, a
page break between records, as an office prints its cadres' forms from one template.

Before, such a document was read as one person: the reader kept each label the first time
only and made one row per document, so `cadre validate` said "✓ Valid roster, Cadres 1"
and the other people were lost without a word. Now the document is cut where the form
starts again (its title, or the label its fields start with) into one record each, read
as a folder of the same records is; a field written twice in one record with no new start
between is refused, naming the field.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pandas as pd
from docx.enum.text import WD_BREAK
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from list_files import run

from cadre_core import read_roster

PEOPLE = [
    {"id": "TL-001", "name": "Lò Văn An", "birth": "12 tháng 5 năm 1975", "gender": "Nam",
     "ethnic": "Giáy", "title": "Bí thư Đảng ủy", "degree": "Đại học Luật",
     "theory": "Cao cấp", "signed": "Tả Lèng, ngày 15 tháng 01 năm 2026"},
    {"id": "TL-002", "name": "Trần Thị Bình", "birth": "03/07/1988", "gender": "Nữ",
     "ethnic": "Kinh", "title": "Chủ tịch UBND xã", "degree": "Thạc sĩ Quản lý kinh tế",
     "theory": "Cao cấp", "signed": "Tả Lèng, ngày 20 tháng 3 năm 2026"},
    {"id": "TL-003", "name": "Vàng A Chu", "birth": "1/1/1990", "gender": "Nam",
     "ethnic": "Mông", "title": "Công chức Văn phòng - Thống kê", "degree": "Cao đẳng Kế toán",
     "theory": "Trung cấp", "signed": "Tả Lèng, ngày 02 tháng 02 năm 2026"},
]  # fmt: skip


def _table(d: object, rows: list[list[str]]) -> None:
    table = d.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def _fields(p: dict[str, str]) -> list[str]:
    return [
        f"1) Họ và tên khai sinh (viết chữ in hoa): {p['name'].upper()}",
        "2) Tên gọi khác: Không",
        f"3) Sinh ngày: {p['birth']}, Giới tính (nam, nữ): {p['gender']}",
        "4) Nơi sinh: Xã Tả Lèng, Huyện Tam Đường, Tỉnh Lai Châu",
        f"6) Dân tộc: {p['ethnic']}, 7) Tôn giáo: Không",
        f"12) Chức vụ (chức danh) hiện tại: {p['title']}",
        "15.1- Trình độ giáo dục phổ thông: 12/12",
        f"15.2- Trình độ chuyên môn cao nhất: {p['degree']}",
        f"15.3- Lý luận chính trị: {p['theory']}",
    ]


def _record(d: object, p: dict[str, str], *, title: bool = True) -> None:
    """One record of ``p`` added to ``d`` as the form lays it out: the head's table, the
    title, the numbered fields, the family section and the signatures."""
    _table(d, [["Cơ quan, đơn vị có thẩm quyền quản lý CBCC: Đảng ủy xã Tả Lèng",
                f"Số hiệu cán bộ, công chức: {p['id']}"],
               ["Cơ quan, đơn vị sử dụng CBCC: UBND xã Tả Lèng", ""]])  # fmt: skip
    if title:
        d.add_paragraph("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC")  # type: ignore[attr-defined]
    for line in _fields(p):
        d.add_paragraph(line)  # type: ignore[attr-defined]
    d.add_paragraph("30) QUAN HỆ GIA ĐÌNH")  # type: ignore[attr-defined]
    _table(d, [["Mối quan hệ", "Họ và tên", "Năm sinh", "Quê quán, nghề nghiệp"],
               ["Bố", "Lò Văn Bố", "1950", "Làm ruộng"]])  # fmt: skip
    _table(d, [["Người khai", p["signed"]],
               ["Tôi xin cam đoan những lời khai trên đây là đúng sự thật",
                "Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC"]])  # fmt: skip


def merged(path: Path, people: list[dict[str, str]], *, titles: bool = True) -> Path:
    """The records of ``people`` mail-merged into one document, a page break between; the
    title above the first only unless ``titles``."""
    d = docx.Document()
    for k, p in enumerate(people):
        _record(d, p, title=titles or k == 0)
        if k < len(people) - 1:
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.save(str(path))
    return path


def folder(path: Path, people: list[dict[str, str]]) -> Path:
    """A folder of one document per person, each the same record alone."""
    path.mkdir()
    for p in people:
        merged(path / f"{p['id']}.docx", [p])
    return path


def _tables(path: Path) -> dict[str, pd.DataFrame]:
    roster = read_roster(path, skip_invalid=True)
    return {name: table.reset_index(drop=True) for name, table in roster.tables.items()}


def test_three_records_in_one_document_are_three_cadres(tmp_path: Path) -> None:
    """Before, `cadre validate` said "✓ Valid roster", Cadres 1: the first record's person
    alone; now each record is its own person, with its own name, birth day, post, degree."""
    path = merged(tmp_path / "ho-so-tron.docx", PEOPLE)
    done = run("validate", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Cadres\t3" in done.stdout
    tables = _tables(path)
    cadres = tables["cadres"].set_index("cadre_id")
    assert cadres["full_name"].to_dict() == {p["id"]: p["name"] for p in PEOPLE}
    assert cadres["birth_date"].dt.strftime("%d/%m/%Y").to_dict() == {
        "TL-001": "12/05/1975", "TL-002": "03/07/1988", "TL-003": "01/01/1990"}  # fmt: skip
    degrees = tables["degrees"].set_index("cadre_id")["level"].to_dict()
    assert degrees == {"TL-001": "dai_hoc", "TL-002": "thac_si", "TL-003": "cao_dang"}
    held = tables["assignments"].merge(tables["positions"], on="position_code")
    titles = held.groupby("cadre_id")["title"].apply(set).to_dict()
    assert titles == {p["id"]: {p["title"]} for p in PEOPLE}


def test_evaluate_json_counts_three_cadres_as_the_folder_does(tmp_path: Path) -> None:
    """Before, `cadre evaluate --format json` put every target on one person; now the
    merged document's targets are the folder's of the same records."""
    path = merged(tmp_path / "ho-so-tron.docx", PEOPLE)
    done = run("evaluate", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)["communes"]
    assert set(got[0]["unrated"]) == {"TL-001", "TL-002", "TL-003"}
    same = run("evaluate", str(folder(tmp_path / "ho-so", PEOPLE)), "--format", "json")
    assert got == json.loads(same.stdout)["communes"]


def test_one_record_alone_reads_as_before(tmp_path: Path) -> None:
    """One record in a document is read as it was (its name, no record's place): the
    evaluation JSON is the one of a folder holding it alone, and the problems name the
    file itself."""
    path = merged(tmp_path / "an.docx", PEOPLE[:1])
    done = run("evaluate", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["communes"][0]["unrated"] == ["TL-001"]
    same = run("evaluate", str(folder(tmp_path / "ho-so", PEOPLE[:1])), "--format", "json")
    assert got["communes"] == json.loads(same.stdout)["communes"]
    assert "Hồ sơ" not in done.stderr and "an.docx" in done.stderr


def test_title_kept_once_the_name_label_starts_each_record(tmp_path: Path) -> None:
    """The title above the first record alone: each "1) Họ và tên" starts a record."""
    path = merged(tmp_path / "ho-so-tron.docx", PEOPLE, titles=False)
    tables = _tables(path)
    names = tables["cadres"].set_index("cadre_id")["full_name"].to_dict()
    assert names == {p["id"]: p["name"] for p in PEOPLE}


def test_a_field_twice_in_one_record_is_refused(tmp_path: Path) -> None:
    """Before, a second "Sinh ngày" in one record was dropped, the first kept in silence;
    now the document is refused (exit 2) with a sentence naming the file and the field."""
    d = docx.Document()
    d.add_paragraph("Số hiệu cán bộ, công chức: TL-001")
    d.add_paragraph("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC")
    for line in _fields(PEOPLE[0]):
        d.add_paragraph(line)
    d.add_paragraph("3) Sinh ngày: 03/07/1988, Giới tính (nam, nữ): Nữ")
    path = tmp_path / "hai-lan.docx"
    d.save(str(path))
    done = run("validate", str(path))
    assert done.returncode == 2
    out = " ".join((done.stdout + done.stderr).split())
    assert "hai-lan.docx" in out
    assert "the field Sinh ngày is filled in twice" in out
    assert "Traceback" not in done.stderr


def test_the_same_field_again_with_the_same_value_is_no_refusal(tmp_path: Path) -> None:
    """A field written again with the same value loses nothing: read as before."""
    d = docx.Document()
    d.add_paragraph("Số hiệu cán bộ, công chức: TL-001")
    d.add_paragraph("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC")
    for line in _fields(PEOPLE[0]):
        d.add_paragraph(line)
    d.add_paragraph("Dân tộc: Giáy")
    d.add_paragraph(PEOPLE[0]["signed"])
    path = tmp_path / "mot-lan.docx"
    d.save(str(path))
    assert list(_tables(path)["cadres"]["full_name"]) == ["Lò Văn An"]


def test_a_relatives_fields_in_the_family_section_start_no_record(tmp_path: Path) -> None:
    """A family section writing each relative as the form's fields ("- Họ và tên: ...,
    Sinh ngày: ..., Dân tộc: ..., Chức vụ: ...") under a title kept once is one person's
    record, never a record per relative, nor a field written twice."""
    d = docx.Document()
    d.add_paragraph("Số hiệu cán bộ, công chức: TL-001")
    d.add_paragraph("SƠ YẾU LÝ LỊCH")
    for line in _fields(PEOPLE[0]):
        d.add_paragraph(line)
    d.add_paragraph("VI. QUAN HỆ GIA ĐÌNH")
    for who in ("Lò Văn Bố", "Lò Thị Mẹ"):
        d.add_paragraph(
            f"- Họ và tên: {who}, Sinh ngày: 01/01/1950, Dân tộc: Giáy, Chức vụ: Nông dân"
        )
    d.add_paragraph(PEOPLE[0]["signed"])
    path = tmp_path / "gia-dinh.docx"
    d.save(str(path))
    assert list(_tables(path)["cadres"]["full_name"]) == ["Lò Văn An"]


def test_a_merged_document_in_a_folder_of_records(tmp_path: Path) -> None:
    """A folder holding one merged document and one record alone: every person, each
    merged record named by its file and its place."""
    where = folder(tmp_path / "ho-so", PEOPLE[2:])
    merged(where / "tron.docx", PEOPLE[:2])
    names = _tables(where)["cadres"]["full_name"].tolist()
    assert sorted(names) == sorted(p["name"] for p in PEOPLE)


_PERSON = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["Lò Văn Pấng", "Vàng Thị Mỷ", "Tao Văn Hùng", "Hà Thị Liên"]),
        "birth": st.dates(min_value=pd.Timestamp("1965-01-01").date(),
                          max_value=pd.Timestamp("2000-12-31").date()).map(
            lambda d: d.strftime("%d/%m/%Y")),
        "gender": st.sampled_from(["Nam", "Nữ"]),
        "ethnic": st.sampled_from(["Thái", "Mông", "Kinh", "Dao"]),
        "title": st.sampled_from(["Bí thư Đảng ủy", "Chủ tịch UBND xã",
                                  "Công chức Tư pháp - Hộ tịch", "Phó Chủ tịch HĐND xã"]),
        "degree": st.sampled_from(["Đại học Luật", "Cao đẳng Sư phạm", "Thạc sĩ Quản lý công",
                                   "Trung cấp Văn hóa"]),
        "theory": st.sampled_from(["Cao cấp", "Trung cấp", "Sơ cấp"]),
        "signed": st.sampled_from(["Tả Lèng, ngày 15 tháng 01 năm 2026",
                                   "Tả Lèng, ngày 02 tháng 02 năm 2026"]),
    }
)  # fmt: skip


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=st.lists(_PERSON, min_size=1, max_size=4), titles=st.booleans())
def test_joined_records_read_as_the_folder_of_them(
    tmp_path_factory: object, people: list[dict[str, str]], titles: bool
) -> None:
    """N records joined in one document give the roster tables N separate documents give
    (the same people, posts, degrees, theory), whatever the records hold."""
    base = tmp_path_factory.mktemp("joined")  # type: ignore[attr-defined]
    people = [{**p, "id": f"NT-{k:03d}"} for k, p in enumerate(people, 1)]
    one = _tables(merged(base / "tron.docx", people, titles=titles))
    many = _tables(folder(base / "ho-so", people))
    assert one.keys() == many.keys()
    for name in one:
        pd.testing.assert_frame_equal(one[name], many[name], check_dtype=False, obj=name)
