"""The spellings of position titles (the ``category`` code list) in commune lists since
the 2025 two-tier reform: each category's titles, and the rewrites tried on a title that is
not one (abbreviations, the unit or body named after the title)."""

from __future__ import annotations

from cadre_core.vocab._enums import Category


def _mass_org_posts(deputy: str) -> tuple[str, ...]:
    """The head (``deputy=""``) or deputy (``"phó "``) of a socio-political organisation
    of the commune: Hội Liên hiệp Phụ nữ, Hội Nông dân, Hội Cựu chiến binh (chủ tịch) and
    Đoàn Thanh niên Cộng sản Hồ Chí Minh (bí thư)."""
    chairs = (
        "hội phụ nữ",
        "hội lhpn",
        "hội liên hiệp phụ nữ",
        "hội nông dân",
        "hội nd",
        "hội cựu chiến binh",
        "hội ccb",
    )
    youth = (
        "đoàn thanh niên",
        "đoàn tn",
        "đoàn tncs hồ chí minh",
        "đoàn thanh niên cộng sản hồ chí minh",
        "đoàn xã",
        "xã đoàn",
        "đoàn",
    )
    return (
        *(f"{deputy}chủ tịch {body}" for body in chairs),
        *(f"{deputy}bí thư {body}" for body in youth),
    )


#: Every spelling read as each category (keys as :func:`text_key` gives them).
CATEGORY_SPELLINGS: dict[str, tuple[str, ...]] = {
    Category.PARTY_SECRETARY: ("bí thư", "bí thư đảng ủy", "bí thư đảng uỷ"),
    Category.PARTY_DEPUTY_SECRETARY: (
        "phó bí thư",
        "phó bí thư đảng ủy",
        "phó bí thư đảng uỷ",
    ),
    Category.COUNCIL_CHAIR: ("chủ tịch hđnd", "chủ tịch hội đồng nhân dân"),
    Category.COUNCIL_VICE_CHAIR: ("phó chủ tịch hđnd", "phó chủ tịch hội đồng nhân dân"),
    Category.COMMITTEE_CHAIR: (
        "chủ tịch ubnd",
        "chủ tịch ủy ban nhân dân",
        "chủ tịch uỷ ban nhân dân",
    ),
    Category.COMMITTEE_VICE_CHAIR: (
        "phó chủ tịch ubnd",
        "phó chủ tịch ủy ban nhân dân",
        "phó chủ tịch uỷ ban nhân dân",
    ),
    Category.INSPECTION_CHAIR: (
        "chủ nhiệm ubkt",
        "chủ nhiệm ủy ban kiểm tra",
        "chủ nhiệm uỷ ban kiểm tra",
    ),
    Category.FRONT_CHAIR: ("chủ tịch ubmttq", "chủ tịch mttq", "chủ tịch ủy ban mttq"),
    Category.DEPARTMENT_HEAD: ("trưởng phòng", "trưởng ban", "chánh văn phòng", "giám đốc"),
    Category.DEPARTMENT_DEPUTY: (
        "phó trưởng phòng",
        "phó trưởng ban",
        "phó chánh văn phòng",
        "phó giám đốc",
        "phó phòng",
        "phó ban",
    ),
    Category.PROFESSIONAL: (
        "chuyên viên",
        "công chức",
        "công chức chuyên môn",
        "chuyên môn",
        "công chức thừa hành",
        "nhân viên chuyên môn",
        # the civil servant of the Party's inspection committee, as chuyên viên elsewhere
        "kiểm tra viên",
        # commune civil-servant titles (Luật Cán bộ, công chức 2008, Điều 61;
        # Nghị định 33/2023/NĐ-CP)
        "kế toán",
        "tài chính - kế toán",
        "tài chính kế toán",
        "tư pháp - hộ tịch",
        "tư pháp hộ tịch",
        "văn phòng - thống kê",
        "văn phòng thống kê",
        "văn hóa - xã hội",
        "văn hoá - xã hội",
        "văn hóa xã hội",
        "văn hoá xã hội",
        "địa chính - xây dựng",
        "địa chính - xây dựng - đô thị và môi trường",
        "địa chính - nông nghiệp - xây dựng và môi trường",
    ),
    Category.OTHER: ("khác", "chức vụ khác", "chức danh khác"),
    Category.FRONT_VICE_CHAIR: (
        "phó chủ tịch ubmttq",
        "phó chủ tịch mttq",
        "phó chủ tịch ủy ban mttq",
        "phó chủ tịch uỷ ban mttq",
        "phó chủ tịch ủy ban mặt trận tổ quốc",
        "phó chủ tịch uỷ ban mặt trận tổ quốc",
        "phó chủ tịch ubmttq việt nam",
    ),
    Category.MASS_ORG_HEAD: _mass_org_posts(""),
    Category.MASS_ORG_DEPUTY: _mass_org_posts("phó "),
}

#: Ordered rewrites of a title's key (see ``VALUE_REWRITES``); ``WHOLE_BRACKETS`` first.
CATEGORY_REWRITES: tuple[tuple[str, str], ...] = (
    (r"^p\.\s*", "phó "),
    (r"\bvp\b", "văn phòng"),
    # the abbreviated titles of commune lists, only with the body after them (a bare
    # "CT" or "PCT" stays unread): "CT UBND", "PCT HĐND", "BT ĐU", "PBT", "TP Kinh tế"
    (r"^p(ct|bt|tp|cvp|gđ)\b", r"phó \1"),
    (r"^(phó )?ct\b\.?\s*(?=\S)", r"\1chủ tịch "),
    # "CVP HĐND-UBND", "PCVP Đảng ủy" (chánh văn phòng), "GĐ Trung tâm PVHCC", "PGĐ ..."
    # (giám đốc): the department's head or deputy, read as the title written out
    (r"^(phó )?cvp\b\.?\s*(?=\S)", r"\1chánh văn phòng "),
    (r"^(phó )?gđ\b\.?\s*(?=\S)", r"\1giám đốc "),
    (r"^(phó )?bt\b\.?\s*(?=\S)", r"\1bí thư "),
    (r"^(phó )?tp\b\.?\s*(?=\S)", r"\1trưởng phòng "),
    (r"^cn\b\.?\s*(?=ubkt|ủy ban kiểm tra|uỷ ban kiểm tra)", "chủ nhiệm "),
    (r"\bđu\b", "đảng ủy"),
    (r"\bmặt trận tổ quốc\b", "mttq"),
    (r"\b(ub)?\s*mttq\s*vn\b", r"\1mttq"),
    (r"\bub\s+mttq\b", "ubmttq"),
    (r"\s+(?:xã|phường|thị trấn|đặc khu)(?:\s.*)?$", ""),
    # the commune's bodies named after a title since the 2025 reform: "Chủ nhiệm Ủy ban
    # Kiểm tra Đảng ủy", "Chủ tịch Ủy ban MTTQ Việt Nam", "Phó Bí thư Thường trực"
    (r"\s+đảng (?:ủy|uỷ|bộ)$", ""),
    (r"\b((?:ub)?mttq|mặt trận tổ quốc)\s+việt nam\b", r"\1"),
    (r"^(phó bí thư|bí thư) thường trực$", r"\1"),
    # a department's head or deputy, a civil servant, followed by the department or the
    # duty: "Trưởng phòng Kinh tế", "Chánh Văn phòng HĐND và UBND", "Giám đốc Trung tâm
    # Phục vụ hành chính công", "Công chức Tư pháp - Hộ tịch", "Chuyên viên Phòng Kinh tế"
    (
        r"^(phó trưởng phòng|trưởng phòng|phó trưởng ban|trưởng ban|phó chánh văn phòng|"
        r"chánh văn phòng|phó giám đốc|giám đốc|phó phòng|phó ban)\s+\S.*$",
        r"\1",
    ),
    (r"^(?:công chức|chuyên viên|kiểm tra viên)\s+\S.*$", "công chức"),
)
