"""The optional tables of the roster format (``docs/roster-extensions.md``): succession
pools, quarterly scores (Decree 335/2025/NĐ-CP), discipline records, and for section
II.2.b of the plan the commune's socio-economic indicators, citizens' satisfaction and
the collectives' ratings. :data:`cadre_core.roster._schema.TABLES` lists them after the
core tables."""

from __future__ import annotations

from cadre_core.roster._columns import Table, cadre_id
from cadre_core.roster._columns import column as _c

__all__ = ["EXTENSION_TABLES"]

EXTENSION_TABLES: tuple[Table, ...] = (
    # succession pools, quarterly scores (Decree 335/2025/NĐ-CP) and discipline records
    Table(
        "succession",
        (
            cadre_id(),
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
            cadre_id(),
            _c("year", "int", "năm", required=True),
            _c("quarter", "int", "quý", required=True),
            _c("score", "int", "điểm", "tổng điểm", "điểm đánh giá", required=True),
        ),
        aliases=("điểm đánh giá", "điểm theo dõi, đánh giá", "theo dõi, đánh giá", "score"),
    ),
    Table(
        "discipline",
        (
            cadre_id(),
            _c(
                "date",
                "date",
                "ngày",
                "ngày quyết định",
                "ngày kỷ luật",
                "ngày ký quyết định",
                required=True,
            ),
            _c(
                "level",
                "code",
                "hình thức",
                "hình thức kỷ luật",
                "hình thức kl",
                "mức kỷ luật",
                "kỷ luật",
                "hình thức xử lý kỷ luật",
                "hình thức xử lý",
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
