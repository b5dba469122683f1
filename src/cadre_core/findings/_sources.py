"""The legal sources the national findings cite: national law only.

Decrees of the Government, and rules (QĐ), conclusions (KL) and directives (CT) of the
Party Central Committee. A province whose plan restates a rule may add its own clause to
a finding's source through the ``national.plan_citations`` parameter (rule id -> text);
the core never cites a province's plan.
"""

from __future__ import annotations

from cadre_core.vocab._retirement import LEGAL_SOURCE as RETIREMENT_SOURCE

KL210 = (
    "Kết luận 210-KL/TW (12/11/2025); Chỉ thị 45-CT/TW: bố trí Bí thư cấp ủy, Chủ tịch "
    "UBND, Chủ nhiệm Ủy ban Kiểm tra không phải người địa phương"
)
STANDARDS = (
    "Quy định 365-QĐ/TW (30/08/2025): tiêu chuẩn chức danh áp dụng khi bổ nhiệm cán bộ lãnh "
    "đạo, quản lý; Nghị định 33/2023/NĐ-CP Điều 8(3)"
)
ROTATION = (
    "Luật Phòng, chống tham nhũng 2018 Điều 25 (định kỳ chuyển đổi vị trí công tác từ đủ "
    "02 năm đến 05 năm); Nghị định 59/2019/NĐ-CP (danh mục vị trí)"
)
QUOTA = (
    "Nghị định 62/2020/NĐ-CP (biên chế công chức); Nghị định 361/2025/NĐ-CP (vị trí việc làm "
    "công chức): bố trí người theo vị trí việc làm và biên chế được giao"
)
QD377 = "Quy định 377-QĐ/TW (08/10/2025) về quy hoạch cán bộ"
QD377_CAPS = (
    f"{QD377}: mỗi chức danh quy hoạch không quá 3 cán bộ, mỗi cán bộ không quá 3 chức danh"
)
QD377_TERM = f"{QD377}: cán bộ quy hoạch phải còn đủ tuổi công tác trọn một nhiệm kỳ"
QD377_MIX = f"{QD377}: bảo đảm tỷ lệ cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số"
QD366 = (
    "Quy định 366-QĐ/TW (30/08/2025) của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại "
    "chất lượng đối với tập thể, cá nhân trong hệ thống chính trị (thay thế Quy định "
    "124-QĐ/TW ngày 04/10/2023)"
)
QD366_LEADER = (
    f"{QD366}: kết quả xếp loại chất lượng của người đứng đầu không cao hơn mức xếp loại "
    "của tập thể do mình lãnh đạo, quản lý (nguyên tắc đã có tại Quy định 124-QĐ/TW)"
)
QD366_INDICATORS = (
    f"{QD366}: đánh giá dựa trên kết quả, sản phẩm cụ thể, kết hợp tiêu chí định lượng về "
    "kết quả thực hiện nhiệm vụ; chỉ tiêu kinh tế - xã hội của địa phương theo kế hoạch "
    "của tỉnh"
)

__all__ = [
    "KL210",
    "QD366",
    "QD366_INDICATORS",
    "QD366_LEADER",
    "QD377",
    "QD377_CAPS",
    "QD377_MIX",
    "QD377_TERM",
    "QUOTA",
    "RETIREMENT_SOURCE",
    "ROTATION",
    "STANDARDS",
]
