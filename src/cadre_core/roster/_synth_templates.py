"""What a synthetic commune is made of: its bodies and posts, people's names and ethnic mixes.

The templates :mod:`cadre_core.roster._synth` draws from: the agencies and posts of a
two-tier commune with their quotas and standards, the ethnic mixes of mountain communes and
of the country, family, middle and given names per group, fields of study, training
courses, equipment items and the days the generator works around. Data only; the drawing
is in :mod:`._synth`.
"""

from __future__ import annotations

import numpy as np

# (code, name, bloc)
AGENCIES: tuple[tuple[str, str, str], ...] = (
    ("DU", "Đảng ủy xã", "party_front"),
    ("UBKT", "Ủy ban Kiểm tra Đảng ủy", "party_front"),
    ("BXD", "Ban Xây dựng Đảng", "party_front"),
    ("VPDU", "Văn phòng Đảng ủy", "party_front"),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "party_front"),
    ("HDND", "Hội đồng nhân dân xã", "government"),
    ("UBND", "Ủy ban nhân dân xã", "government"),
    ("VPHU", "Văn phòng HĐND - UBND", "government"),
    ("PKT", "Phòng Kinh tế", "government"),
    ("PVHXH", "Phòng Văn hóa - Xã hội", "government"),
    ("TTHCC", "Trung tâm Phục vụ hành chính công", "government"),
)

_LAW = "Luật"
# (suffix, title, agency, category, quota min, quota max, min_education, min_theory,
#  accepted fields, sensitive)
POSITIONS: tuple[tuple[str, str, str, str, int, int, str, str, str, bool], ...] = (
    ("DU-BT", "Bí thư Đảng ủy", "DU", "party_secretary", 1, 1, "dai_hoc", "cao_cap", "", False),
    ("DU-PBT", "Phó Bí thư Đảng ủy", "DU", "party_deputy_secretary", 2, 2, "dai_hoc", "cao_cap", "", False),
    ("UBKT-CN", "Chủ nhiệm Ủy ban Kiểm tra", "UBKT", "inspection_chair", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("UBKT-PCN", "Phó Chủ nhiệm Ủy ban Kiểm tra", "UBKT", "department_deputy", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("UBKT-KTV", "Kiểm tra viên", "UBKT", "professional", 1, 1, "dai_hoc", "", "Luật;Kế toán;Kinh tế;Xây dựng Đảng và Chính quyền nhà nước", False),
    ("BXD-TB", "Trưởng Ban Xây dựng Đảng", "BXD", "department_head", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("BXD-PTB", "Phó Trưởng Ban Xây dựng Đảng", "BXD", "department_deputy", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("BXD-CV", "Chuyên viên Ban Xây dựng Đảng", "BXD", "professional", 1, 1, "", "", "", False),
    ("VPDU-CVP", "Chánh Văn phòng Đảng ủy", "VPDU", "department_head", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("VPDU-CV", "Chuyên viên Văn phòng Đảng ủy", "VPDU", "professional", 1, 2, "", "", "", False),
    ("MTTQ-CT", "Chủ tịch Ủy ban MTTQ Việt Nam xã", "MTTQ", "front_chair", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("MTTQ-PCT", "Phó Chủ tịch Ủy ban MTTQ", "MTTQ", "department_deputy", 1, 2, "", "", "", False),
    ("MTTQ-CV", "Chuyên viên Ủy ban MTTQ", "MTTQ", "professional", 1, 1, "", "", "", False),
    ("HDND-CT", "Chủ tịch HĐND xã", "HDND", "council_chair", 1, 1, "dai_hoc", "cao_cap", "", False),
    ("HDND-PCT", "Phó Chủ tịch HĐND xã", "HDND", "council_vice_chair", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("UBND-CT", "Chủ tịch UBND xã", "UBND", "committee_chair", 1, 1, "dai_hoc", "cao_cap", "", False),
    ("UBND-PCT", "Phó Chủ tịch UBND xã", "UBND", "committee_vice_chair", 2, 2, "dai_hoc", "trung_cap", "", False),
    ("VPHU-CVP", "Chánh Văn phòng HĐND - UBND", "VPHU", "department_head", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("VPHU-PCVP", "Phó Chánh Văn phòng HĐND - UBND", "VPHU", "department_deputy", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("VPHU-TPHT", "Công chức Tư pháp - Hộ tịch", "VPHU", "professional", 1, 2, "dai_hoc", "", _LAW, True),
    ("VPHU-VT", "Công chức Văn thư - Lưu trữ", "VPHU", "professional", 1, 1, "dai_hoc", "", "Lưu trữ học;Văn thư - Lưu trữ;Hành chính học", False),
    ("VPHU-VP", "Công chức Văn phòng - Thống kê", "VPHU", "professional", 1, 2, "", "", "", False),
    ("PKT-TP", "Trưởng phòng Kinh tế", "PKT", "department_head", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("PKT-PTP", "Phó Trưởng phòng Kinh tế", "PKT", "department_deputy", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("PKT-DC", "Công chức Địa chính - Đất đai", "PKT", "professional", 1, 3, "dai_hoc", "", "Quản lý đất đai;Địa chính;Trắc địa - Bản đồ", True),
    ("PKT-TCKT", "Công chức Tài chính - Kế toán", "PKT", "professional", 1, 2, "dai_hoc", "", "Kế toán;Tài chính - Ngân hàng;Kinh tế", True),
    ("PKT-NN", "Công chức Nông nghiệp - Môi trường", "PKT", "professional", 1, 2, "", "", "Nông học;Lâm sinh;Chăn nuôi - Thú y;Quản lý tài nguyên và môi trường", False),
    ("PKT-XD", "Công chức Xây dựng - Giao thông", "PKT", "professional", 1, 2, "dai_hoc", "", "Kỹ thuật xây dựng;Xây dựng cầu đường;Kinh tế xây dựng", False),
    ("PVHXH-TP", "Trưởng phòng Văn hóa - Xã hội", "PVHXH", "department_head", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("PVHXH-PTP", "Phó Trưởng phòng Văn hóa - Xã hội", "PVHXH", "department_deputy", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("PVHXH-VH", "Công chức Văn hóa - Thông tin", "PVHXH", "professional", 1, 2, "dai_hoc", "", "Văn hóa học;Quản lý văn hóa;Công tác xã hội;Xã hội học", False),
    ("PVHXH-LDXH", "Công chức Lao động - Chính sách xã hội", "PVHXH", "professional", 1, 2, "", "", "Công tác xã hội;Luật;Kinh tế lao động", False),
    ("PVHXH-GD", "Công chức Giáo dục - Y tế", "PVHXH", "professional", 1, 1, "", "", "", False),
    ("TTHCC-GD", "Giám đốc Trung tâm Phục vụ hành chính công", "TTHCC", "department_head", 1, 1, "dai_hoc", "trung_cap", "", False),
    ("TTHCC-PGD", "Phó Giám đốc Trung tâm Phục vụ hành chính công", "TTHCC", "department_deputy", 1, 1, "", "", "", False),
    ("TTHCC-MC", "Công chức tiếp nhận và trả kết quả", "TTHCC", "professional", 1, 2, "", "", "", False),
)  # fmt: skip

STANDING = frozenset(
    (
        "party_secretary",
        "party_deputy_secretary",
        "council_chair",
        "council_vice_chair",
        "committee_chair",
        "committee_vice_chair",
    )
)
NOT_LOCAL = frozenset(("party_secretary", "committee_chair", "inspection_chair"))

# Ethnic mixes (share of cadres). Mountain communes: after Lai Châu's population
# (Thái, Mông, Kinh, Dao, Hà Nhì, Giáy, Lự, Khơ Mú, La Hủ, ...); elsewhere the national
# mix (Kinh about 85%), as commune cadres reflect their communes.
MOUNTAIN_MIX: tuple[tuple[str, float], ...] = (
    ("Thái", 0.31),
    ("Mông", 0.22),
    ("Kinh", 0.17),
    ("Dao", 0.12),
    ("Hà Nhì", 0.05),
    ("Giáy", 0.035),
    ("Lự", 0.015),
    ("Khơ Mú", 0.015),
    ("La Hủ", 0.015),
    ("Tày", 0.02),
    ("Cống", 0.005),
    ("Mảng", 0.005),
    ("Si La", 0.002),
    ("Nùng", 0.013),
    ("Mường", 0.008),
)
NATIONAL_MIX: tuple[tuple[str, float], ...] = (
    ("Kinh", 0.85),
    ("Tày", 0.022),
    ("Thái", 0.02),
    ("Mường", 0.017),
    ("Khơ Me", 0.014),
    ("Mông", 0.012),
    ("Nùng", 0.011),
    ("Dao", 0.009),
    ("Hoa", 0.007),
    ("Gia Rai", 0.006),
    ("Ê Đê", 0.005),
    ("Ba Na", 0.004),
    ("Sán Chay", 0.003),
    ("Chăm", 0.003),
    ("Cơ Ho", 0.003),
    ("Xơ Đăng", 0.003),
    ("Sán Dìu", 0.003),
    ("Hrê", 0.002),
    ("Ra Glai", 0.002),
    ("Mnông", 0.002),
    ("Thổ", 0.002),
)

FAMILY: dict[str, tuple[str, ...]] = {
    "Kinh": ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Phan"),
    "Thái": ("Lò", "Tòng", "Lường", "Quàng", "Cầm", "Điêu", "Hoàng", "Vì", "Lù"),
    "Mông": ("Giàng", "Vàng", "Thào", "Sùng", "Lầu", "Mùa", "Lý", "Hờ", "Sình"),
    "Dao": ("Triệu", "Phàn", "Tẩn", "Lý", "Đặng", "Chảo", "Bàn"),
    "Hà Nhì": ("Chu", "Lỳ", "Pờ", "Phu", "Lò", "Ly"),
    "Giáy": ("Hoàng", "Lù", "Vàng", "Lò"),
    "Lự": ("Tao", "Lò", "Lường"),
    "Khơ Mú": ("Lò", "Cút", "Vi"),
    "La Hủ": ("Lý", "Chang", "Pờ"),
    "Tày": ("Hoàng", "Nông", "Ma", "Lục", "Hà"),
    "Nùng": ("Nông", "Hoàng", "Lương", "Chu"),
    "Mường": ("Bùi", "Đinh", "Quách", "Hà"),
    "Khơ Me": ("Thạch", "Sơn", "Kim", "Danh", "Lâm"),
    "Hoa": ("Lâm", "Trương", "Quách", "Lý"),
}
OTHER_FAMILY = ("Rơ Châm", "Y", "H'", "Đinh", "Lý", "Hà", "Nguyễn")
MALE_MIDDLE = ("Văn", "Văn", "Đức", "Minh", "Quang", "Xuân")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh")
MALE_GIVEN = (
    "Cường", "Khánh", "Dũng", "Hùng", "Sơn", "Thắng", "Hải", "Tuấn", "Chiến", "Biên",
    "Phong", "Long", "Sử", "Páo", "Chứ", "Dế", "Lả", "Xuân", "Thành", "Quyết", "Mạnh",
)  # fmt: skip
FEMALE_GIVEN = (
    "Hương", "Mỷ", "Lan", "Mai", "Hoa", "Thủy", "Hằng", "Dung", "Nga", "Linh", "Sua",
    "Máy", "Xuân", "Phương", "Thảo", "Ánh", "Yến", "Chi", "Doa",
)  # fmt: skip

MOUNTAIN_SYLLABLES = (
    ("Mường", "Nậm", "Pa", "Tà", "Sìn", "Bum", "Phìn", "Khun", "Ka", "Mù", "Tung", "Hua",
     "Pú", "Huổi", "Bản", "Nà", "Lản", "Dào", "Thu", "Sì", "Tả", "Lê", "Pắc", "Xá"),
    ("Than", "Tè", "Hồ", "Xì", "Sáng", "Hô", "Ma", "Cả", "Lùng", "Chải", "Luông", "Bum",
     "Khao", "Nhé", "Lang", "Tòng", "San", "Hăn", "Mạ", "Cuổi", "Sọ", "Pì", "Vàng", "Ngà"),
)  # fmt: skip
PLAIN_SYLLABLES = (
    ("Tân", "Hòa", "An", "Phú", "Bình", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Quảng",
     "Hưng", "Vĩnh", "Long", "Thuận", "Mỹ", "Yên", "Hồng", "Kim", "Định", "Xuân", "Đại"),
    ("Phú", "Lợi", "Thành", "Hưng", "Bình", "Lộc", "Phước", "Hòa", "Sơn", "Thịnh", "An",
     "Mỹ", "Tiến", "Hiệp", "Trung", "Hải", "Đức", "Vinh", "Khánh", "Dương", "Lâm", "Tân"),
)  # fmt: skip

FIELDS = (
    "Luật", "Kinh tế", "Kế toán", "Hành chính học", "Quản lý nhà nước", "Chính trị học",
    "Xây dựng Đảng và Chính quyền nhà nước", "Công nghệ thông tin", "Sư phạm Ngữ văn",
    "Nông học", "Quản lý đất đai", "Công tác xã hội", "Quản lý kinh tế", "Văn hóa học",
)  # fmt: skip
MASTER_FIELDS = ("Quản lý công", "Quản lý kinh tế", "Chính trị học", "Luật", "Quản lý nhà nước")

# (topics, course, weight)
COURSES: tuple[tuple[str, str, float], ...] = (
    ("two_tier_government;state_management", "Bồi dưỡng vận hành chính quyền địa phương hai cấp", 0.2),
    ("job_position", "Bồi dưỡng theo tiêu chuẩn vị trí việc làm", 0.2),
    ("data_governance;modern_management", "Bồi dưỡng quản trị dữ liệu và quản lý hiện đại", 0.10),
    ("e_records;it", "Xử lý hồ sơ công việc trên môi trường điện tử", 0.11),
    ("it;digital_transformation", "Bình dân học vụ số", 0.12),
    ("law;ethics;office_culture", "Cập nhật pháp luật, đạo đức công vụ, văn hóa công sở", 0.12),
    ("innovation;digital_transformation", "Đổi mới sáng tạo trong khu vực công", 0.09),
    ("law;ethics;office_culture;it;digital_transformation;innovation", "Lớp cập nhật kiến thức tổng hợp 2026", 0.06),
    ("state_management", "Bồi dưỡng quản lý nhà nước", 0.04),
    ("retraining", "Đào tạo lại chuyên môn", 0.02),
    ("other", "Tập huấn nghiệp vụ", 0.02),
)  # fmt: skip

EQUIPMENT_ITEMS = ("desk_set", "cabinet", "computer", "phone", "printer")

MERGER = np.datetime64("2025-07-01", "D")
RATING_YEARS = (2024, 2025, 2026)
QUARTER_YEAR = 2026

__all__ = [
    "AGENCIES",
    "COURSES",
    "EQUIPMENT_ITEMS",
    "FAMILY",
    "FEMALE_GIVEN",
    "FEMALE_MIDDLE",
    "FIELDS",
    "MALE_GIVEN",
    "MALE_MIDDLE",
    "MASTER_FIELDS",
    "MERGER",
    "MOUNTAIN_MIX",
    "MOUNTAIN_SYLLABLES",
    "NATIONAL_MIX",
    "NOT_LOCAL",
    "OTHER_FAMILY",
    "PLAIN_SYLLABLES",
    "POSITIONS",
    "QUARTER_YEAR",
    "RATING_YEARS",
    "STANDING",
]
