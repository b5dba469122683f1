"""The roster format as data: tables, columns, kinds and header aliases.

This module is the single description of ``roster-format.md`` that the reader, the
validator, the writer and the test strategies share. The values of coded columns (their
aliases, the conventions of real lists, the spellings refused on purpose) are in
:mod:`cadre_core.roster._values`, whose names this module re-exports.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from cadre_core.roster._header_key import header_key
from cadre_core.roster._values import (
    AMBIGUOUS_VALUES,
    ASCII_ALIASES,
    CODE_ENUMS,
    DISCIPLINE_LEVELS,
    FALSE_WORDS,
    TRUE_WORDS,
    VALUE_ALIASES,
    VALUE_REWRITES,
    ascii_key,
    text_key,
)

__all__ = [
    "AMBIGUOUS_VALUES",
    "ASCII_ALIASES",
    "CODE_ENUMS",
    "DISCIPLINE_LEVELS",
    "FALSE_WORDS",
    "FORM_FIELDS",
    "KINDS",
    "TABLES",
    "TABLE_BY_NAME",
    "TABLE_NAMES",
    "TRUE_WORDS",
    "VALUE_ALIASES",
    "VALUE_REWRITES",
    "Column",
    "Table",
    "ascii_key",
    "header_key",
    "text_key",
]

# Kinds of column. "code" columns hold one of an enum's codes; "topics" a ;-list of topic
# codes; "codes" a ;-list of the codes of the column's code list; "fields" a ;-list of free
# text; "decimal" an exact decimal number (Decimal); "indicator" an indicator code (the
# built-in codes by their aliases, or a plugin's code).
KINDS = (
    "id",
    "text",
    "date",
    "bool",
    "int",
    "code",
    "topics",
    "codes",
    "fields",
    "ethnicity",
    "decimal",
    "indicator",
)


@attrs.frozen
class Column:
    """One column of a roster table."""

    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    required: bool = False
    aliases: tuple[str, ...] = ()
    codes: str | None = None  # name of the value-alias table for "code" columns
    default: object = None
    description: str = ""


@attrs.frozen
class Table:
    """One roster table: its canonical columns and its key."""

    name: str
    columns: tuple[Column, ...]
    required: bool = False
    key: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        """Canonical column names in canonical order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """Return the column called ``name``."""
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _c(name: str, kind: str, *aliases: str, **kw: object) -> Column:
    return Column(name, kind, aliases=aliases, **kw)  # type: ignore[arg-type]


TABLES: tuple[Table, ...] = (
    Table(
        "cadres",
        (
            _c(
                "cadre_id",
                "id",
                "mã cán bộ",
                "mã cb",
                "mã số cán bộ",
                "ma can bo",
                # the civil-servant number or the personnel file number used as the id
                # (Phiếu cán bộ, công chức, viên chức; customs export lists)
                "số hiệu cán bộ",
                "số hiệu công chức",
                "số hiệu công chức, viên chức",
                "số hiệu cán bộ, công chức",
                "số hiệu công chức thừa hành",
                "mã công chức",
                "mã số công chức",
                "mã số hồ sơ",
                "mã hồ sơ",
                "số hồ sơ",
                required=True,
            ),
            _c(
                "full_name",
                "text",
                "họ và tên",
                "họ tên",
                "ho va ten",
                "họ và tên khai sinh",
                "họ tên khai sinh",
                "họ và tên cán bộ",
                "họ tên cán bộ",
                required=True,
            ),
            _c(
                "birth_date", "date", "ngày sinh", "ngày tháng năm sinh", "sinh ngày", required=True
            ),
            _c("gender", "code", "giới tính", "gioi tinh", "giới", "nam/nữ", codes="gender"),
            _c("ethnicity", "ethnicity", "dân tộc", "dan toc"),
            _c("is_local", "bool", "người địa phương", "là người địa phương", default=False),
            _c("left_date", "date", "ngày nghỉ", "ngày thôi việc", "ngày nghỉ việc"),
            # What the official forms count (roster-format.md, "Fields for the forms"):
            # optional, and Roster.informs says whether the input carried each one.
            _c(
                "party_join_date",
                "date",
                "ngày vào đảng",
                "ngày vào đảng chính thức",
                "ngày kết nạp đảng",
                "ngày vào đảng csvn",
                "ngày vào đảng cộng sản việt nam",
            ),
            _c("religion", "text", "tôn giáo", "ton giao"),
            _c(
                "grade",
                "code",
                "ngạch",
                "ngạch công chức",
                "mã ngạch",
                "mã số ngạch",
                "ngạch công chức, viên chức",
                "ngạch, bậc",
                codes="grade",
            ),
            _c(
                "state_management",
                "code",
                "trình độ qlnn",
                "qlnn",
                "quản lý nhà nước",
                "trình độ quản lý nhà nước",
                codes="state_management",
            ),
            _c("it_level", "code", "tin học", "trình độ tin học", codes="it_level"),
            _c(
                "foreign_language",
                "code",
                "ngoại ngữ",
                "trình độ ngoại ngữ",
                codes="language",
            ),
            _c(
                "ethnic_language",
                "bool",
                "tiếng dân tộc",
                "chứng chỉ tiếng dân tộc",
                "tiếng dân tộc thiểu số",
                default=False,
            ),
            _c(
                "general_education",
                "code",
                "trình độ văn hóa",
                "trình độ văn hoá",
                "giáo dục phổ thông",
                "trình độ giáo dục phổ thông",
                "văn hóa",
                "văn hoá",
                codes="general_education",
            ),
            _c("academic_title", "code", "học hàm", "chức danh khoa học", codes="academic_title"),
            _c(
                "professional_basic",
                "bool",
                "sơ cấp chuyên môn",
                "sơ cấp nghề",
                "chứng chỉ sơ cấp",
                default=False,
            ),
            _c(
                "insurance_start",
                "date",
                "ngày tham gia bhxh",
                "thời điểm bắt đầu đóng bhxh",
                "ngày bắt đầu đóng bhxh",
                "ngày tham gia bảo hiểm xã hội",
            ),
            _c(
                "party_committee",
                "bool",
                "cấp ủy",
                "cấp uỷ",
                "ủy viên bch",
                "uỷ viên bch",
                "ủy viên ban chấp hành",
                "uỷ viên ban chấp hành",
                default=False,
            ),
            _c(
                "party_standing",
                "bool",
                "ban thường vụ",
                "ủy viên btv",
                "uỷ viên btv",
                "ủy viên ban thường vụ",
                "uỷ viên ban thường vụ",
                default=False,
            ),
            _c(
                "inspection_committee",
                "bool",
                "ủy ban kiểm tra",
                "uỷ ban kiểm tra",
                "ủy viên ubkt",
                "uỷ viên ubkt",
                "ủy viên ủy ban kiểm tra",
                "uỷ viên uỷ ban kiểm tra",
                default=False,
            ),
            _c(
                "council_deputy",
                "codes",
                "đại biểu hđnd",
                "đại biểu hội đồng nhân dân",
                "đbhđnd",
                codes="council_level",
            ),
        ),
        required=True,
        key=("cadre_id",),
        aliases=("cán bộ", "danh sách cán bộ", "can bo", "cadre"),
    ),
    Table(
        "agencies",
        (
            _c("agency_code", "id", "mã cơ quan", "mã đơn vị", required=True),
            _c(
                "name",
                "text",
                "tên cơ quan",
                "tên đơn vị",
                # the unit a person works in, as one-row-per-person lists head it
                "đơn vị",
                "đơn vị công tác",
                "cơ quan",
                "cơ quan công tác",
                "phòng",
                "phòng (đơn vị)",
                "phòng ban",
                "phòng, ban",
                "phòng, ban đang công tác",
                "phòng, ban công tác",
            ),
            _c("commune", "text", "xã", "tên xã", "xã, phường", "đơn vị hành chính"),
            _c("bloc", "code", "khối", codes="bloc"),
            # the province of the commune (names the province in multi-commune reports)
            _c("province", "text", "tỉnh", "tỉnh, thành phố", "tỉnh/thành phố"),
        ),
        key=("agency_code",),
        aliases=("cơ quan", "đơn vị", "co quan", "agency"),
    ),
    Table(
        "positions",
        (
            _c("position_code", "id", "mã vị trí", "mã vtvl", "mã chức danh", required=True),
            _c(
                "title",
                "text",
                "tên vị trí",
                "chức danh",
                "tên vị trí việc làm",
                "chức vụ",
                "chức vụ hiện tại",
                "chức vụ hiện nay",
                "chức vụ, chức danh",
                "chức danh, chức vụ",
            ),
            _c("agency_code", "id", "mã cơ quan", "mã đơn vị"),
            _c("category", "code", "loại", "loại vị trí", "phân loại", codes="category"),
            _c("quota", "int", "biên chế", "số lượng", "chỉ tiêu biên chế", default=1),
            _c("min_education", "code", "trình độ tối thiểu", codes="education"),
            _c(
                "min_theory",
                "code",
                "llct tối thiểu",
                "lý luận chính trị tối thiểu",
                codes="theory",
            ),
            _c("accepted_fields", "fields", "chuyên ngành phù hợp", "ngành phù hợp"),
            _c("sensitive", "bool", "vị trí nhạy cảm", "nhạy cảm", default=False),
            _c("elected", "bool", "chức danh bầu cử", "bầu cử", "do bầu cử", default=False),
        ),
        required=True,
        key=("position_code",),
        aliases=("vị trí", "vị trí việc làm", "vi tri", "position"),
    ),
    Table(
        "assignments",
        (
            _c("cadre_id", "id", "mã cán bộ", "mã cb", required=True),
            _c("position_code", "id", "mã vị trí", "mã vtvl", required=True),
            _c("start_date", "date", "ngày bắt đầu", "từ ngày", "ngày bổ nhiệm", required=True),
            _c("end_date", "date", "ngày kết thúc", "đến ngày"),
            _c("rotation", "bool", "luân chuyển", "cán bộ luân chuyển", default=False),
        ),
        required=True,
        aliases=("phân công", "bố trí", "bổ nhiệm", "assignment"),
    ),
    Table(
        "degrees",
        (
            _c("cadre_id", "id", "mã cán bộ", "mã cb", required=True),
            _c(
                "level",
                "code",
                "trình độ",
                "trình độ chuyên môn",
                "trình độ chuyên môn cao nhất",
                "trình độ chuyên môn, nghiệp vụ",
                "trình độ đào tạo",
                "trình độ cm",
                "trình độ cmnv",
                codes="education",
                required=True,
            ),
            _c("field", "text", "chuyên ngành", "ngành", "ngành đào tạo", "chuyên ngành đào tạo"),
            _c(
                "awarded_date",
                "date",
                "ngày cấp",
                "ngày cấp bằng",
                "ngày tốt nghiệp",
                # a year alone is refused as a value (it is not a day): the header is read
                "năm tốt nghiệp",
            ),
            _c("study_place", "code", "nơi đào tạo", "hình thức đào tạo", codes="study_place"),
        ),
        aliases=("bằng cấp", "trình độ chuyên môn", "văn bằng", "degree"),
    ),
    Table(
        "theory",
        (
            _c("cadre_id", "id", "mã cán bộ", "mã cb", required=True),
            _c(
                "level",
                "code",
                "trình độ",
                "trình độ llct",
                "lý luận chính trị",
                "trình độ lý luận chính trị",
                "trình độ lý luận",
                "tđ llct",
                "llct",
                codes="theory",
                required=True,
            ),
            _c("awarded_date", "date", "ngày cấp", "ngày cấp bằng", "ngày tốt nghiệp"),
            _c("study_mode", "code", "hệ đào tạo", "hình thức học", codes="study_mode"),
        ),
        aliases=("lý luận chính trị", "llct", "ly luan chinh tri"),
    ),
    Table(
        "trainings",
        (
            _c("cadre_id", "id", "mã cán bộ", "mã cb", required=True),
            _c("topics", "topics", "nội dung", "chủ đề", "nội dung bồi dưỡng", required=True),
            _c("completed_date", "date", "ngày hoàn thành", "ngày kết thúc", required=True),
            _c("course", "text", "khóa học", "khoá học", "tên lớp", "tên khóa học"),
            _c("place", "code", "nơi bồi dưỡng", codes="study_place"),
        ),
        aliases=("bồi dưỡng", "đào tạo, bồi dưỡng", "training"),
    ),
    Table(
        "ratings",
        (
            _c("cadre_id", "id", "mã cán bộ", "mã cb", required=True),
            _c("year", "int", "năm", required=True),
            _c("quarter", "int", "quý"),
            _c(
                "rating",
                "code",
                "xếp loại",
                "kết quả xếp loại",
                "mức xếp loại",
                # the level the leader decides, not the self-rating ("tự xếp loại")
                "mức xếp loại của lãnh đạo",
                "xếp loại của lãnh đạo",
                "lãnh đạo xếp loại",
                "kết quả đánh giá, xếp loại",
                "kết quả đánh giá",
                "xếp loại chất lượng",
                "kết quả xếp loại chất lượng",
                "mức xếp loại chất lượng",
                codes="rating",
                required=True,
            ),
        ),
        aliases=("xếp loại", "đánh giá, xếp loại", "đánh giá", "rating"),
    ),
    Table(
        "equipment",
        (
            _c("agency_code", "id", "mã cơ quan", "mã đơn vị", required=True),
            _c(
                "item",
                "text",
                "trang thiết bị",
                "loại thiết bị",
                "thiết bị",
                "tên thiết bị",
                "tên trang thiết bị",
                "tên tài sản",
                "tài sản",
                required=True,
            ),
            _c("quantity", "int", "số lượng", required=True),
        ),
        aliases=("trang thiết bị", "thiết bị", "equipment item"),
    ),
    # Optional extensions (docs/roster-extensions.md): succession pools, quarterly scores
    # (Decree 335/2025/NĐ-CP) and discipline records.
    Table(
        "succession",
        (
            _c("cadre_id", "id", "mã cán bộ", "mã cb", required=True),
            _c(
                "position_code",
                "id",
                "mã vị trí",
                "mã chức danh",
                "chức danh quy hoạch",
                "mã chức danh quy hoạch",
                required=True,
            ),
            _c("term", "text", "nhiệm kỳ", "nhiệm kỳ quy hoạch", required=True),
            _c("added_date", "date", "ngày phê duyệt", "ngày đưa vào quy hoạch", "ngày quyết định"),
        ),
        aliases=("quy hoạch", "quy hoạch cán bộ", "danh sách quy hoạch", "quy hoach"),
    ),
    Table(
        "scores",
        (
            _c("cadre_id", "id", "mã cán bộ", "mã cb", required=True),
            _c("year", "int", "năm", required=True),
            _c("quarter", "int", "quý", required=True),
            _c("score", "int", "điểm", "tổng điểm", "điểm đánh giá", required=True),
        ),
        aliases=("điểm đánh giá", "điểm theo dõi, đánh giá", "theo dõi, đánh giá", "score"),
    ),
    Table(
        "discipline",
        (
            _c("cadre_id", "id", "mã cán bộ", "mã cb", required=True),
            _c("date", "date", "ngày", "ngày quyết định", "ngày kỷ luật", required=True),
            _c(
                "level",
                "code",
                "hình thức",
                "hình thức kỷ luật",
                "hình thức kl",
                "mức kỷ luật",
                codes="discipline",
                required=True,
            ),
        ),
        aliases=("kỷ luật", "ky luat", "kỷ luật cán bộ"),
    ),
    # Optional extensions for section II.2.b of the plan (docs/roster-extensions.md): the
    # commune's socio-economic indicators, citizens' satisfaction and the collectives'
    # ratings (Quy định 366-QĐ/TW).
    Table(
        "indicators",
        (
            _c("commune", "text", "xã", "tên xã", "xã, phường", "đơn vị hành chính"),
            _c("year", "int", "năm", required=True),
            _c("quarter", "int", "quý"),
            _c(
                "indicator",
                "indicator",
                "chỉ tiêu",
                "mã chỉ tiêu",
                "tên chỉ tiêu",
                "chỉ tiêu kinh tế - xã hội",
                required=True,
            ),
            _c(
                "plan",
                "decimal",
                "kế hoạch",
                "chỉ tiêu kế hoạch",
                "kế hoạch giao",
                "chỉ tiêu giao",
                "kế hoạch năm",
                "kh",
                required=True,
            ),
            _c(
                "actual",
                "decimal",
                "thực hiện",
                "kết quả thực hiện",
                "kết quả",
                "thực tế",
                "ước thực hiện",
                "th",
                required=True,
            ),
            _c("unit", "text", "đơn vị tính", "đvt"),
            _c("source", "text", "nguồn", "nguồn số liệu"),
        ),
        aliases=(
            "chỉ tiêu kt-xh",
            "chỉ tiêu kinh tế - xã hội",
            "chỉ tiêu kinh tế xã hội",
            "kết quả thực hiện chỉ tiêu",
            "chi tieu kt-xh",
            "indicator",
        ),
    ),
    Table(
        "satisfaction",
        (
            _c("commune", "text", "xã", "tên xã", "xã, phường", "đơn vị hành chính"),
            _c("year", "int", "năm", required=True),
            _c("quarter", "int", "quý"),
            _c("score", "decimal", "điểm hài lòng", "chỉ số hài lòng", "điểm"),
            _c("share", "decimal", "tỷ lệ hài lòng", "tỷ lệ người dân hài lòng", "tỷ lệ"),
            _c("source", "text", "nguồn", "nguồn khảo sát", "cuộc khảo sát"),
        ),
        aliases=(
            "sự hài lòng",
            "mức độ hài lòng",
            "sự hài lòng của người dân",
            "khảo sát sự hài lòng",
            "su hai long",
        ),
    ),
    Table(
        "unit_ratings",
        (
            _c("agency_code", "id", "mã cơ quan", "mã đơn vị", required=True),
            _c("year", "int", "năm", required=True),
            _c("quarter", "int", "quý"),
            _c(
                "rating",
                "code",
                "xếp loại",
                "kết quả xếp loại",
                "mức xếp loại",
                "xếp loại chất lượng",
                codes="rating",
                required=True,
            ),
        ),
        aliases=(
            "xếp loại tập thể",
            "xếp loại chất lượng tập thể",
            "xếp loại cơ quan, đơn vị",
            "xep loai tap the",
            "unit rating",
        ),
    ),
)

TABLE_BY_NAME: Mapping[str, Table] = {t.name: t for t in TABLES}
TABLE_NAMES: tuple[str, ...] = tuple(t.name for t in TABLES)

FORM_FIELDS: tuple[str, ...] = (
    "cadres.party_join_date",
    "cadres.religion",
    "cadres.grade",
    "cadres.state_management",
    "cadres.it_level",
    "cadres.foreign_language",
    "cadres.ethnic_language",
    "cadres.general_education",
    "cadres.academic_title",
    "cadres.professional_basic",
    "cadres.insurance_start",
    "cadres.party_committee",
    "cadres.party_standing",
    "cadres.inspection_committee",
    "cadres.council_deputy",
    "positions.elected",
    "assignments.rotation",
    "degrees.study_place",
    "theory.study_mode",
    "trainings.place",
)
"""The optional columns (``table.column``) added for the official forms: whether a roster
has each one is :meth:`Roster.informs`."""
