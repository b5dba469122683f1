"""Personal records ("Sơ yếu lý lịch", the forms 2C-BNV/2008 and 2C/TCTW-98): one Word
document per person, as an office keeps its cadres' files, read as a list of one person.

A record is a form of numbered labels, each followed by its value on the same line: "3)
Sinh ngày: 12 tháng 5 năm 1980, Giới tính (nam, nữ): Nam", "15.3- Lý luận chính trị:
Trung cấp 15.4- Quản lý nhà nước: Chuyên viên". Some offices keep it as a table of a label
cell and a value cell. Each label the roster format knows gives a column of a one-row
list, under the header the list reader reads (:data:`_LABELS`); the list reader does the
rest, as for any list (values, titles held together, the commune, problems placed by
field). The lines before the title (the body that uses the cadre: "UBND xã Tả Lèng") are
the list's title rows, and the day the record was signed ("..., ngày 15 tháng 01 năm
2026", after the title) the day it is as of (:mod:`cadre_core.roster._record_day`), unless
``--list-date`` says another.

Only the labels of :data:`_LABELS` with a header are read, and only from the fields before
the first of the form's sections (training, work, family, ratings, salary); of the
sections, only the training table, the work history and the yearly ratings are read
(:mod:`cadre_core.roster._record_sections`): the studies date the highest degree and the
political theory, the courses are the person's trainings, the row still going on dates
the post held now, each year's rating is a rating of the person. An optional level
written as none held ("Quản lý nhà nước: Chưa", "Ngoại ngữ: Không") is a blank field. Every other label met (also one of no known field, which ends
the value before it) and every section not wholly read is named, without its value, in
one warning (:func:`not_read`): no address, identity number or relative's name is ever
taken in. A folder of records (:func:`record_folder`) is one commune's list, one record
per person.

What a reader of the printed page sees around the document's own paragraphs and tables
(:class:`Around`: its page headers above them, a text box where it is anchored, a page
footer holding the signing line under them, as the Word reader places them for a list
too) is read with them: the bodies, the cadre's number and the day signed are found
there as in the document's own lines, each of its lines a line of its own (a photo box's
"Ảnh màu 4x6" is never a field's value). A title kept only there (a page header, a text
box) makes a record of a document whose own lines fill in the name's field, in a paragraph
or a table that is no list (:func:`is_record`): a list's header row names no person.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs
import pandas as pd

from cadre_core.roster._grid import Grid, Table, Text, unicode_blocks
from cadre_core.roster._names import in_capitals
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._record_day import signing_cell
from cadre_core.roster._record_sections import (
    _RATED,
    _STUDIES,
    _WORKS,
    COURSE_COLUMNS,
    DEGREE_DAY,
    POST_DAY,
    THEORY_DAY,
    _awarded,
    _courses,
    _key,
    _post_since,
    _ratings,
    _rows,
    topics_named,
)
from cadre_core.roster._sniff import WORD_SUFFIXES, file_kind, folder_lists

# (header the list reader reads, or None: not read; the form's name of the field; the
# label's spellings, casefolded, as a regular expression). At one place the first that
# matches wins, so a longer label comes before one it holds ("phụ cấp chức vụ" before
# "chức vụ").
_CBCC = r"(?:\s+(?:cán\s+bộ,?\s*công\s+chức(?:,?\s*viên\s+chức)?|cbccvc|cbcc))?"
_LABELS: tuple[tuple[str | None, str, str], ...] = (
    ("Số hiệu cán bộ, công chức", "Số hiệu cán bộ, công chức",
     r"số\s+hiệu\s+(?:cán\s+bộ(?:,?\s*công\s+chức(?:,?\s*viên\s+chức)?)?|cbccvc|cbcc)"),
    ("Cơ quan, đơn vị", "Cơ quan, đơn vị sử dụng", r"cơ\s+quan,?\s*đơn\s+vị\s+sử\s+dụng" + _CBCC),
    (None, "Cơ quan, đơn vị quản lý",
     r"cơ\s+quan,?\s*đơn\s+vị\s+(?:có\s+thẩm\s+quyền\s+)?quản\s+lý" + _CBCC),
    ("Họ và tên", "Họ và tên",
     r"họ\s+và\s+tên\s+(?:khai\s+sinh|đang\s+dùng)|họ\s+và\s+tên|họ\s+tên"),
    (None, "Tên gọi khác", r"tên\s+gọi\s+khác|bí\s+danh"),
    ("Ngày sinh", "Sinh ngày",
     r"sinh\s+ngày|ngày,?\s*tháng,?\s*năm\s+sinh|ngày\s+sinh"),
    ("Giới tính", "Giới tính", r"giới\s+tính"),
    (None, "Nơi sinh", r"nơi\s+sinh"),
    (None, "Quê quán", r"quê\s+quán"),
    ("Dân tộc", "Dân tộc", r"dân\s+tộc"),
    ("Tôn giáo", "Tôn giáo", r"tôn\s+giáo"),
    (None, "Nơi đăng ký hộ khẩu thường trú",
     r"nơi\s+đăng\s+ký\s+hộ\s+khẩu\s+thường\s+trú|hộ\s+khẩu\s+thường\s+trú|nơi\s+thường\s+trú"),
    (None, "Nơi ở hiện nay", r"nơi\s+ở\s+hiện\s+nay|chỗ\s+ở\s+hiện\s+nay"),
    (None, "Nghề nghiệp khi được tuyển dụng", r"nghề\s+nghiệp\s+khi\s+được\s+tuyển\s+dụng"),
    (None, "Ngày tuyển dụng", r"ngày\s+(?:được\s+)?tuyển\s+dụng"),
    (None, "Cơ quan tuyển dụng", r"cơ\s+quan\s+tuyển\s+dụng"),
    (None, "Phụ cấp chức vụ", r"phụ\s+cấp\s+chức\s+vụ"),
    # 2C-BNV/2008 "Chức vụ (chức danh) hiện tại"; 2C/TCTW-98 "Chức vụ hiện nay", "Chức vụ
    # (Đảng, chính quyền, đoàn thể)" (a bracket after a label is the label's)
    ("Chức vụ hiện tại", "Chức vụ (chức danh) hiện tại",
     r"chức\s+vụ\s*(?:\(\s*chức\s+danh\s*\)\s*)?hiện\s+(?:tại|nay)"
     r"|chức\s+vụ\s*\(\s*chức\s+danh\s*\)|chức\s+vụ|chức\s+danh"),
    ("Cơ quan, đơn vị", "Đơn vị công tác", r"(?:cơ\s+quan,?\s*)?đơn\s+vị\s+công\s+tác(?:\s+hiện\s+nay)?"),
    (None, "Công việc chính được giao", r"công\s+việc\s+chính\s+được\s+giao"),
    ("Ngạch công chức", "Ngạch công chức",
     r"ngạch\s+(?:công\s+chức|cán\s+bộ)(?:\s*\(\s*viên\s+chức\s*\))?|ngạch"),
    ("Mã ngạch", "Mã ngạch", r"mã\s+ngạch"),
    (None, "Bậc lương", r"bậc\s+lương"),
    (None, "Hệ số", r"hệ\s+số(?:\s+lương)?"),
    (None, "Ngày hưởng", r"ngày\s+hưởng"),
    (None, "Phụ cấp khác", r"phụ\s+cấp\s+khác"),
    ("Trình độ giáo dục phổ thông", "Trình độ giáo dục phổ thông",
     r"trình\s+độ\s+giáo\s+dục\s+phổ\s+thông|giáo\s+dục\s+phổ\s+thông|trình\s+độ\s+văn\s+hóa"),
    ("Trình độ chuyên môn cao nhất", "Trình độ chuyên môn cao nhất",
     r"trình\s+độ\s+chuyên\s+môn(?:,?\s*nghiệp\s+vụ)?(?:\s+cao\s+nhất)?"
     r"|chuyên\s+môn,?\s*nghiệp\s+vụ"),
    ("Lý luận chính trị", "Lý luận chính trị", r"(?:trình\s+độ\s+)?lý\s+luận\s+chính\s+trị"),
    ("Quản lý nhà nước", "Quản lý nhà nước", r"quản\s+lý\s+nhà\s+nước"),
    ("Ngoại ngữ", "Ngoại ngữ", r"ngoại\s+ngữ"),
    ("Tin học", "Tin học", r"tin\s+học"),
    ("Ngày vào Đảng", "Ngày vào Đảng",
     r"ngày\s+vào\s+đảng(?:\s+cộng\s+sản\s+việt\s+nam|\s+csvn)?"),
    (None, "Ngày chính thức", r"ngày\s+chính\s+thức"),
    (None, "Ngày tham gia tổ chức chính trị - xã hội",
     r"ngày\s+tham\s+gia\s+(?:các\s+)?tổ\s+chức\s+chính\s+trị\s*-\s*xã\s+hội"),
    (None, "Ngày nhập ngũ", r"ngày\s+nhập\s+ngũ"),
    (None, "Ngày xuất ngũ", r"ngày\s+xuất\s+ngũ"),
    (None, "Quân hàm cao nhất", r"quân\s+hàm\s+cao\s+nhất"),
    (None, "Danh hiệu được phong tặng cao nhất", r"danh\s+hiệu\s+được\s+phong\s+tặng\s+cao\s+nhất"),
    (None, "Sở trường công tác", r"sở\s+trường\s+công\s+tác"),
    (None, "Khen thưởng", r"khen\s+thưởng"),
    (None, "Kỷ luật", r"kỷ\s+luật"),
    (None, "Tình trạng sức khỏe", r"tình\s+trạng\s+sức\s+kh(?:ỏe|oẻ)"),
    (None, "Chiều cao", r"chiều\s+cao"),
    (None, "Cân nặng", r"cân\s+nặng"),
    (None, "Nhóm máu", r"nhóm\s+máu"),
    (None, "Là thương binh hạng", r"là\s+thương\s+binh\s+hạng"),
    (None, "Là con gia đình chính sách", r"là\s+con\s+gia\s+đình\s+chính\s+sách"),
    (None, "Số chứng minh nhân dân",
     r"số\s+(?:chứng\s+minh\s+nhân\s+dân|cmnd|căn\s+cước(?:\s+công\s+dân)?|cccd"
     r"|định\s+danh\s+cá\s+nhân)"),
    (None, "Ngày cấp", r"ngày\s+cấp"),
    (None, "Nơi cấp", r"nơi\s+cấp"),
    (None, "Số sổ BHXH", r"số\s+sổ\s+(?:bhxh|bảo\s+hiểm\s+xã\s+hội)"),
)  # fmt: skip

#: the headers of the one-row list a record gives, in the form's order
HEADERS: tuple[str, ...] = (
    *dict.fromkeys(h for h, _, _ in _LABELS if h is not None),
    DEGREE_DAY,
    THEORY_DAY,
    POST_DAY,
)

# a label is one where a field starts (the line's start, its number "15.3-", "7)", or a
# comma, semicolon, tab or wide gap before it) and is followed by its colon or a cell's
# end: "Đại học Quản lý nhà nước" is a value, not the label "Quản lý nhà nước"
_NUMBER = r"\d{1,2}(?:\.\d{1,2})?\s*[).\-/]"
_LABEL = re.compile(
    rf"(?:^|(?<=[,;\t\n])|(?<=\s\s)|(?<=[.…]\s)|(?<=[.…])|(?:{_NUMBER})|(?<=\s)(?={_NUMBER}))"
    rf"\s*(?:{_NUMBER})?\s*(?:[-–•+*]\s*)?"
    r"(?P<label>" + "|".join(f"(?P<f{i}>{p})" for i, (_, _, p) in enumerate(_LABELS)) + r")"
    r"(?:\s*\([^()\t\n]*\))?\s*(?::|(?=[\t\n])|$)"
)
# a label of no field this reader knows ("Thành phần gia đình xuất thân:"): where a field
# starts, a few words without digits and their colon; it ends the value before it and is
# named among what was not read. After a line's start, a semicolon, a tab or a wide gap
# it may hold a comma ("Học hàm, học vị:"); after a comma it may not (a post "Bí thư Đảng
# ủy, Chủ tịch HĐND xã" is no label's start)
_OTHER = tuple(
    re.compile(
        rf"{anchor}\s*(?:{_NUMBER})?\s*(?:[-–•+*]\s*)?"
        rf"(?P<label>[^\W\d_][^:;\t\n\d(){comma}]{{1,60}}?)(?:\s*\([^()\t\n]*\))?\s*:"
    )
    for anchor, comma in ((r"(?:^|(?<=[;\t\n])|(?<=\s\s))", ""), ("(?<=,)", ","))
)
# the form's sections after its fields: read no further (a relative's name is no cadre's)
_SECTIONS = re.compile(
    r"^\s*(?:[ivx]+|\d{1,2})?\s*[).\-/]?\s*(?P<name>đào\s+tạo,?\s*bồi\s+dưỡng"
    r"|tóm\s+tắt\s+quá\s+trình\s+công\s+tác|đặc\s+điểm\s+lịch\s+sử\s+bản\s+thân"
    r"|quan\s+hệ\s+gia\s+đình|diễn\s+biến\s+quá\s+trình\s+lương"
    r"|nhận\s+xét,?\s*đánh\s+giá\s+của\s+cơ\s+quan|quá\s+trình\s+công\s+tác"
    # the yearly ratings' heading, not a field of them ("Kết quả xếp loại năm 2024: ...")
    r"|kết\s+quả\s+(?:đánh\s+giá|xếp\s+loại|phân\s+loại)(?:,?\s*(?:xếp|phân)\s+loại)?"
    r"(?=[^:]*:?\s*$))"
)
_TITLE = re.compile(r"sơ\s+yếu\s+lý\s+lịch|lý\s+lịch\s+(?:cán\s+bộ|công\s+chức|trích\s+ngang)")
_DOTS = re.compile(r"(?:\.{2,}|…+)")
_EDGES = " \t,;:.-–"
_NAME_FIELD = next(i for i, (h, _, _) in enumerate(_LABELS) if h == "Họ và tên")


@attrs.frozen
class Around(Text):
    """Lines a reader of the printed page sees around a document's own paragraphs and
    tables: a page header's, a page footer's, a text box's. Read where they stand, as a
    list's title and signature lines and as a record's lines (:func:`record_grid`), never
    as a cell of a table; a title among them makes a record only of a document whose own
    lines fill in the name's field (:func:`is_record`)."""


def _lines(blocks: Iterable[Text | Table]) -> list[str]:
    """The document's lines in order: its paragraphs' lines, and each table row's cells
    joined by a tab (a label cell and its value cell make one line), a cell's paragraphs
    by a line break (:func:`_apart`, :func:`_joined`)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Text):
            out.extend(block.lines)
            continue
        for row in block.cells.itertuples(index=False):
            cells = ["\n".join(" ".join(p.split()) for p in str(v).splitlines() if p.strip())
                     for v in row if isinstance(v, str) and v.strip()]  # fmt: skip
            if cells:
                out.append("\t".join(cells))
    return [unicodedata.normalize("NFC", line) for line in out]


def _apart(line: str) -> str:
    """A line of :func:`_lines` as its head and its signing cell are read: each paragraph
    of a cell a cell of its own ("Đảng bộ: Xã Tả Lèng" over "Chi bộ: Cơ quan Đảng ủy" in
    the form's head cell: a commune's name ends with its paragraph).

    >>> _apart("Mẫu 2C-BNV/2008\\nSố hiệu cán bộ, công chức: TL-01")
    'Mẫu 2C-BNV/2008\\tSố hiệu cán bộ, công chức: TL-01'
    """
    return line.replace("\n", "\t")


def _joined(line: str) -> str:
    """A line of :func:`_lines` as a section's table reads it: a cell's paragraphs one
    text, a row's cells apart ("Cử nhân" over "Luật" is "Cử nhân Luật")."""
    return line.replace("\n", " ")


def _value(text: str) -> str | None:
    """The value written after a label, ``text`` up to the next label: the rest of the
    label's cell (its paragraphs under the label's too), when it holds one; else the
    cells after it (a label cell's value cell). A value never runs into the next cell
    ("Cơ quan, đơn vị sử dụng CBCC: UBND xã Tả Lèng" beside "Mẫu 2C-BNV/2008").

    >>> _value(": UBND xã Tả Lèng\\tMẫu 2C-BNV/2008\\n"), _value("\\tĐại học\\nLuật")
    ('UBND xã Tả Lèng', 'Đại học Luật')
    """
    return _clean(text.split("\t", 1)[0]) or _clean(text)


def _clean(value: str) -> str | None:
    """A field's value without the form's dot leaders and the punctuation around it."""
    text = " ".join(_DOTS.sub(" ", value).split()).strip(_EDGES)
    return text or None


def is_record(blocks: Sequence[Text | Table]) -> bool:
    """Whether a document's ``blocks`` are a personal record: a title "Sơ yếu lý lịch" (or
    "Lý lịch cán bộ") among its first lines and a name among its labels, in its own
    paragraphs and tables; or a title only in what is :class:`Around` them (a page header,
    a text box) with the name's field filled in in its own lines (:func:`_titled_around`).

    >>> is_record([Text(["SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", "1) Họ và tên khai sinh: LÒ VĂN AN"])])
    True
    >>> is_record([Text(["DANH SÁCH CÁN BỘ", "Họ và tên: Lò Văn An"])])
    False
    >>> is_record([Around(["SƠ YẾU LÝ LỊCH"]), Text(["1) Họ và tên khai sinh: LÒ VĂN AN"])])
    True
    """
    given = list(blocks)
    return _recorded(given, given, [_lines([block]) for block in given]) is not None


def _recorded(
    given: Sequence[Text | Table], shown: Sequence[Text | Table], each: list[list[str]]
) -> bool | None:
    """:func:`is_record` of a document's ``given`` blocks (``shown``: as read, converted
    from a legacy font; ``each``: their lines): False when it is a record titled in its own
    lines, True when titled only around them, None when it is no record."""
    own = [line for block, in_it in zip(given, each, strict=True)
           if not isinstance(block, Around) for line in in_it]  # fmt: skip
    if _titled(own):
        return False
    return True if _titled_around(given, shown, each) else None


def _titled(lines: list[str]) -> bool:
    """:func:`is_record` of a document's lines: the title, and the name's label holding a
    value, dot leaders to fill, or the rest of its line. A name label followed at once by
    another label is a column of a list's header row ("STT, Họ và tên, Ngày sinh..." under
    "LÝ LỊCH TRÍCH NGANG CÁN BỘ"): a list of people, not one person's record.

    >>> _titled(["LÝ LỊCH TRÍCH NGANG CÁN BỘ", "1) Họ và tên: Lò Văn An", "2) Sinh ngày: 1/2/1980"])
    True
    >>> _titled(["LÝ LỊCH TRÍCH NGANG CÁN BỘ", "STT\tHọ và tên\tSinh ngày\tQuê quán"])
    False
    """
    head = [_key(_apart(line)) for line in lines[:40]]
    return any(_TITLE.search(line) for line in head) and _named(head)


def _named(keys: list[str], *, filled: bool = False) -> bool:
    """Whether the name's label is among the lines ``keys`` (casefolded) holding a value or
    dot leaders to fill, or, unless ``filled``, alone at its line's end."""
    for line in keys:
        marks = list(_LABEL.finditer(line))
        for n, m in enumerate(marks):
            if m.group(f"f{_NAME_FIELD}") is None:
                continue
            stop = marks[n + 1].start() if n + 1 < len(marks) else None
            rest = line[m.end() : stop]
            if (stop is None and not filled) or _clean(rest) or _DOTS.search(rest):
                return True
    return False


def _titled_around(
    given: Sequence[Text | Table], shown: Sequence[Text | Table], each: list[list[str]]
) -> bool:
    """Whether a document whose own lines hold no title is a record titled in what is
    around them: the title among its first lines as a reader sees them (a page header's
    above the body, a text box's where it is anchored) and, among its own first lines, the
    name's field filled in, in a paragraph or in a table that is no list (the list reader
    finds no header in it: "STT, Họ và tên, Năm sinh" under a page header "LÝ LỊCH TRÍCH
    NGANG" names a column, not a person)."""
    from cadre_core.roster._flat_header import find_header

    if not any(_TITLE.search(_key(line)) for line in [x for in_it in each for x in in_it][:40]):
        return False
    seen = 0
    for block, read, in_it in zip(given, shown, each, strict=True):
        if seen >= 40:
            break
        if isinstance(block, Around):
            continue
        seen += len(in_it)
        if isinstance(read, Table) and find_header(read.cells) is not None:
            continue
        if _named([_key(_apart(line)) for line in in_it], filled=True):
            return True
    return False


def _fields(
    lines: list[str], *, head: bool = False, again: dict[int, list[str | None]] | None = None
) -> tuple[dict[int, str | None], list[str], dict[str, list[str]], list[str]]:
    """The fields of a record's ``lines``: each label met (its index in :data:`_LABELS`,
    the first time only; each later time's value in ``again``, when given) with its value,
    the lines before the title (``head``: a title
    kept above the body, in a page header or a text box, and the lines before the name's
    field under it too: the form's head), the sections met after the fields (each with
    its lines), and the labels of no known field met."""
    found: dict[int, str | None] = {}
    lead: list[str] = []
    sections: dict[str, list[str]] = {}
    others: list[str] = []
    titled = False
    for line in lines:  # a cell's paragraphs apart (labels start after "\n"), but in a section
        key = _key(line)
        section = _SECTIONS.match(key)
        if section is not None and titled:
            words = " ".join(line[section.start("name") : section.end("name")].split())
            sections.setdefault(words.capitalize() if words.isupper() else words, [])
            continue
        if sections:
            sections[next(reversed(sections))].append(_joined(line))
            continue
        if not titled and _TITLE.search(key):
            titled = True
            continue
        marks: list[tuple[int, int, int | None]] = [
            (m.start(), m.end(), next(int(k[1:]) for k, v in m.groupdict().items()
                                      if v is not None and k != "label"))
            for m in _LABEL.finditer(key)
        ]  # fmt: skip
        named = _NAME_FIELD in found or any(f == _NAME_FIELD for _, _, f in marks)
        heading = not titled or (head and not named)
        if heading and not marks:
            lead.append(line)
            continue
        if titled:  # labels of no known field end the value before them
            found_other = sorted(
                (m for p in _OTHER for m in p.finditer(key)), key=lambda m: m.start()
            )
            for m in found_other:
                spans = [(s, e) for s, e, _ in marks]
                if "  " not in m.group("label") and not any(
                    s <= m.start("label") < e or m.start() <= s < m.end() for s, e in spans
                ):
                    marks.append((m.start(), m.end(), None))
                    others.append(" ".join(line[m.start("label") : m.end("label")].split()))
            marks.sort()
        for n, (_, end, field) in enumerate(marks):
            stop = marks[n + 1][0] if n + 1 < len(marks) else len(line)
            if field is not None and field not in found:
                found[field] = _value(line[end:stop])
            elif field is not None and again is not None:
                again.setdefault(field, []).append(_value(line[end:stop]))
        if heading and marks:
            lead.append(line)
    return found, lead, sections, list(dict.fromkeys(others))


def _signed(lines: list[str]) -> tuple[str, str] | None:
    """The line after the form's title the record was signed on (:func:`signing_cell`)."""
    start = next((i for i, line in enumerate(lines) if _TITLE.search(_key(line))), len(lines))
    return signing_cell([_apart(line) for line in lines[start:]])


def record_grid(name: str, blocks: Sequence[Text | Table]) -> Grid | None:
    """The record in ``blocks`` as the grid of a one-row list named ``name``: its title
    rows (the line it was signed on, blank when it was signed on none, then the lines
    before the form's title, the bodies named by its labels), the header row
    (:data:`HEADERS`, then a rating header per year rated: "Xếp loại năm 2024") and the
    person's row, with the names of the fields and sections met and not read
    (``unread``); None when ``blocks`` are no
    record (:func:`is_record`), their lines read once for both. The lines of an
    :class:`Around` block (a page header, a text box, a page footer) are read where they
    stand, as the document's own; under a title kept there, the lines before the name's
    field are the form's head, as the lines above a title in the body are.

    >>> lines = ["UBND XÃ TẢ LÈNG", "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC",
    ...          "1) Họ và tên khai sinh (viết chữ in hoa): LÒ VĂN AN",
    ...          "3) Sinh ngày: 12 tháng 5 năm 1980, Giới tính (nam, nữ): Nam",
    ...          "4) Nơi sinh: Tả Lèng", "Tả Lèng, ngày 15 tháng 01 năm 2026"]
    >>> grid = record_grid("an.docx", [Text(lines)])
    >>> grid is not None and (grid.cells.iloc[-1].dropna().tolist(), grid.unread)
    (['Lò Văn An', '12 tháng 5 năm 1980', 'Nam'], ('Nơi sinh',))
    >>> grid.cells[0].tolist()[:2]
    ['Tả Lèng, ngày 15 tháng 01 năm 2026', 'UBND XÃ TẢ LÈNG']
    """
    given = list(blocks)
    shown, legacy = unicode_blocks(given)  # a record typed in a legacy font
    each = [_lines([block]) for block in shown]
    around = _recorded(given, shown, each)
    if around is None:
        return None
    lines = [line for in_it in each for line in in_it]
    found, lead, sections, others = _fields(lines, head=around)
    studies = next((v for k, v in sections.items() if _STUDIES.match(_key(k))), [])
    values: dict[str, str | None] = {}
    unread: list[str] = list(others)
    for field, value in found.items():
        header, form_name, _ = _LABELS[field]
        if header is None or (value is not None and header in values):  # the first one's
            unread.append(form_name)
        elif value is not None:
            values[header] = value
    name_value = values.get("Họ và tên")
    if name_value is not None:
        # the form asks for capitals; a legacy font's capitals are not told from its small
        # letters ("Lß V¡N AN" reads as "Lò VĂN AN")
        written = in_capitals(pd.Series([name_value], dtype=object), every=legacy is not None)
        values["Họ và tên"] = str(written.iloc[0])
    if values.get("Ngạch công chức") is None and "Mã ngạch" in values:
        values["Ngạch công chức"] = values["Mã ngạch"]
    values.pop("Mã ngạch", None)
    dated, used = _awarded(values, studies)
    courses, taken = _courses(studies)
    used += taken
    values.update(dated)
    works = next((v for k, v in sections.items() if _WORKS.match(_key(k))), [])
    values[POST_DAY] = _post_since(values.get("Chức vụ hiện tại"), works)
    signed = _signed(lines)
    rated = next((v for k, v in sections.items() if _RATED.match(_key(k))), None)
    ratings: dict[str, str] = {}
    whole = True
    if rated is not None:  # its lines before the signatures, when it is the last section
        signing = (n for n, line in enumerate(rated)  # its cell, or a paragraph of it
                   if signed is not None and any(signed[0] in c for c in line.split("\t")))  # fmt: skip
        ratings, whole = _ratings(rated[: next(signing, len(rated))])
    values.update(ratings)
    unread += [
        s
        for s, rows in sections.items()
        if not (rows is studies and used >= _rows(rows)) and not (rows is rated and whole)
    ]
    headers = [*(h for h in HEADERS if h != "Mã ngạch"), *ratings]
    # the line it was signed on first, blank when none: the day it describes (record_day),
    # never a day a line above its title names (the decision its form was issued by, in a
    # page header); a row of the head's table is its cells, each a title line of its own
    title: list[str | None] = [None if signed is None else signed[1]]
    title += [cell for line in lead for cell in _apart(line).split("\t")]
    width = len(headers)
    rows: list[list[str | None]] = [[line, *[None] * (width - 1)] for line in title]
    rows += [list(headers), [values.get(h) for h in headers]]
    cells = pd.DataFrame(rows, dtype=object)
    return Grid(name, cells, [], top=len(title), record=True, unread=tuple(unread),
                legacy=legacy, courses=courses)  # fmt: skip


def not_read(file: str, unread: dict[str, Sequence[str]]) -> Problem | None:
    """One warning naming the fields and sections of the records in ``unread`` (record
    file -> names) that were met and not read, with how many records held each when not
    all did; None when there are none.

    >>> not_read("ho-so", {"a.docx": ["Nơi sinh"], "b.docx": ["Nơi sinh", "Kỷ luật"]}).args
    (('fields', 'Nơi sinh, Kỷ luật (1)'), ('records', '2'))
    """
    counts: dict[str, int] = {}
    for names in unread.values():
        for n in dict.fromkeys(names):
            counts[n] = counts.get(n, 0) + 1
    if not counts:
        return None
    every = len(unread)
    fields = ", ".join(n if k == every else f"{n} ({k})" for n, k in counts.items())
    return problem(file, None, None, None, None, "record_not_read", severity="warning",
                   scope="column", fields=fields, records=every)  # fmt: skip


def _spelled(title: str, widths: Iterable[str]) -> list[re.Pattern[bytes]]:
    """Byte patterns of ``title`` (letters, a space, a set of letters in brackets) as a
    Word 97-2003 document stores its text, one per character width (``cp1252``: the 8-bit
    runs, ``utf-16-le``: the others)."""
    parts = re.findall(r"\[[^\]]+\]| |.", title)
    out = []
    for width in widths:
        pattern = b""
        for part in parts:
            if part == " ":
                pattern += re.escape(" ".encode(width)) + b"+"
                continue
            letters = part.strip("[]")
            pattern += b"(?:" + b"|".join(re.escape(c.encode(width)) for c in letters) + b")"
        out.append(re.compile(pattern))
    return out


# "lý lịch" in a Word 97-2003 document: in Unicode (any case), typed in TCVN3 (the
# capitals' font ".VnTimeH" draws the lower-case codes as capitals) or in VNI
_TITLE_BYTES = (
    *_spelled("[lL][ýÝ] [lL][ịỊ][cC][hH]", ("utf-16-le",)),
    *_spelled("[lL]ý [lL]Þ[cC][hH]", ("cp1252", "utf-16-le")),
    *_spelled("[lL][yY][ùÙ] [lL][òÒ][cC][hH]", ("cp1252", "utf-16-le")),
)


def is_record_file(path: Path) -> bool:
    """Whether the Word document at ``path`` looks like a personal record, from its text
    without reading it as a list: a ``.docx`` whose text names "Sơ yếu lý lịch" (or
    "Lý lịch cán bộ"), also typed in a legacy font (TCVN3, VNI), or a Word 97-2003
    ``.doc`` holding "lý lịch" as Word stores it. Nothing is converted; a damaged file is
    no record (the reader says why)."""
    from cadre_core.vocab._vntext import convert_tcvn3, convert_vni

    if path.suffix.lower() not in WORD_SUFFIXES or not path.is_file():
        return False
    kind = file_kind(path)
    try:
        if kind == "zip":
            with zipfile.ZipFile(path) as z:
                info = z.getinfo("word/document.xml")
                if info.file_size > 64 << 20:
                    return False
                # the body, and the page headers a title may be kept in
                heads = [i for i in z.infolist()
                         if re.fullmatch(r"word/header\d*\.xml", i.filename)
                         and i.file_size <= 1 << 20]  # fmt: skip
                xml = "".join(z.read(i).decode("utf-8", "replace")[: 1 << 20]
                              for i in [*heads, info])  # fmt: skip
            text = re.sub(r"<[^>]+>", "", xml)
            return any(
                _TITLE.search(_key(spelled)) is not None
                for spelled in (text, convert_tcvn3(text), convert_vni(text))
            )
        if kind == "ole2":
            with path.open("rb") as fh:
                head = fh.read(1 << 20)
            return any(t.search(head) is not None for t in _TITLE_BYTES)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    return False


def record_names(paths: Iterable[str | Path]) -> tuple[str, ...]:
    """The names of the personal records among ``paths`` (a record, or a folder of
    records, :func:`record_folder`), found without reading them as lists: what
    pseudonyms hide when a roster could not be read.

    >>> record_names(["danh-sach.xlsx"])
    ()
    """
    names: list[str] = []
    for given in paths:
        p = Path(given)
        files = record_folder(p) or [] if p.is_dir() else [p]
        names.extend(f.name for f in files if is_record_file(f))
    return tuple(names)


def record_folder(path: Path) -> list[Path] | None:
    """The Word documents of the folder at ``path`` when it is a folder of personal records
    (one commune's, one document per person): some are records, and it holds no other
    list (:func:`~cadre_core.roster._sniff.folder_lists`: a workbook, a CSV file, a web
    page); else None. A photo or a note beside them is left alone.

    >>> import tempfile
    >>> record_folder(Path(tempfile.mkdtemp())) is None
    True
    """
    if not path.is_dir():
        return None
    files = folder_lists(path)
    words = [f for f in files if f.suffix.lower() in WORD_SUFFIXES]
    if not words or len(words) != len(files):
        return None
    if not any(is_record_file(f) for f in words):
        return None
    return words


__all__ = [
    "COURSE_COLUMNS",
    "HEADERS",
    "POST_DAY",
    "Around",
    "is_record",
    "is_record_file",
    "not_read",
    "record_folder",
    "record_grid",
    "record_names",
    "topics_named",
]
