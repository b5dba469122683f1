#!/usr/bin/env python3
"""Generate the fictional sample commune shipped with cadre_core.

Writes the canonical CSV tables of roster-format.md (cadres, agencies, positions,
assignments, degrees, theory, trainings, ratings, equipment) into
``src/cadre_core/data/sample_commune/``.

The commune ("Xã Mường Than", Lai Châu) and every person in it are invented. The data
is built by hand where it matters (who holds which post, which qualification gaps
exist) and filled in with ``random.Random(2026)`` elsewhere (birthdays, which optional
courses someone attended, quarterly ratings), so every run writes byte-identical files.

Stdlib only. Usage::

    python scripts/make_sample_commune.py [OUTPUT_DIR]
"""

from __future__ import annotations

import csv
import random
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

COMMUNE = "Xã Mường Than"
SEED = 2026
REFORM_DAY = "2025-07-01"  # the two-tier local government starts
AS_OF_DAYS = (date(2026, 6, 30), date(2026, 12, 31))

OUT_DEFAULT = (
    Path(__file__).resolve().parent.parent / "src" / "cadre_core" / "data" / "sample_commune"
)

# --------------------------------------------------------------------------- agencies
# (agency_code, name, bloc)
AGENCIES = [
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
]

# --------------------------------------------------------------------------- positions
F_LAW = "Luật"
F_LAND = "Quản lý đất đai;Địa chính;Trắc địa - Bản đồ"
F_FIN = "Kế toán;Tài chính - Ngân hàng;Kinh tế"
F_AGRI = "Nông học;Lâm sinh;Chăn nuôi - Thú y;Quản lý tài nguyên và môi trường"
F_CULT = "Văn hóa học;Quản lý văn hóa;Công tác xã hội;Xã hội học"
F_SOC = "Công tác xã hội;Luật;Kinh tế lao động"
F_ARCH = "Lưu trữ học;Văn thư - Lưu trữ;Hành chính học"
F_INSP = "Luật;Kế toán;Kinh tế;Xây dựng Đảng và Chính quyền nhà nước"
F_BUILD = "Kỹ thuật xây dựng;Xây dựng cầu đường;Kinh tế xây dựng"

# (code, title, agency, category, quota, min_education, min_theory, accepted, sensitive)
POSITIONS = [
    ("DU-BT", "Bí thư Đảng ủy", "DU", "party_secretary", 1, "dai_hoc", "cao_cap", "", False),
    (
        "DU-PBT",
        "Phó Bí thư Đảng ủy",
        "DU",
        "party_deputy_secretary",
        2,
        "dai_hoc",
        "cao_cap",
        "",
        False,
    ),
    (
        "UBKT-CN",
        "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy",
        "UBKT",
        "inspection_chair",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    (
        "UBKT-PCN",
        "Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy",
        "UBKT",
        "department_deputy",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    ("UBKT-KTV", "Kiểm tra viên", "UBKT", "professional", 2, "dai_hoc", "", F_INSP, False),
    (
        "BXD-TB",
        "Trưởng Ban Xây dựng Đảng",
        "BXD",
        "department_head",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    (
        "BXD-PTB",
        "Phó Trưởng Ban Xây dựng Đảng",
        "BXD",
        "department_deputy",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    ("BXD-CV", "Chuyên viên Ban Xây dựng Đảng", "BXD", "professional", 1, "", "", "", False),
    (
        "VPDU-CVP",
        "Chánh Văn phòng Đảng ủy",
        "VPDU",
        "department_head",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    ("VPDU-CV", "Chuyên viên Văn phòng Đảng ủy", "VPDU", "professional", 2, "", "", "", False),
    (
        "MTTQ-CT",
        "Chủ tịch Ủy ban MTTQ Việt Nam xã",
        "MTTQ",
        "front_chair",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    # Deputy chairs of the Front who also chair a mass organisation: standards left blank
    # on purpose, so the plugin's default standard for the category applies.
    (
        "MTTQ-PCT",
        "Phó Chủ tịch Ủy ban MTTQ kiêm Chủ tịch hội, đoàn thể",
        "MTTQ",
        "department_deputy",
        2,
        "",
        "",
        "",
        False,
    ),
    ("MTTQ-CV", "Chuyên viên Ủy ban MTTQ", "MTTQ", "professional", 1, "", "", "", False),
    ("HDND-CT", "Chủ tịch HĐND xã", "HDND", "council_chair", 1, "dai_hoc", "cao_cap", "", False),
    (
        "HDND-PCT",
        "Phó Chủ tịch HĐND xã",
        "HDND",
        "council_vice_chair",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    ("UBND-CT", "Chủ tịch UBND xã", "UBND", "committee_chair", 1, "dai_hoc", "cao_cap", "", False),
    (
        "UBND-PCT",
        "Phó Chủ tịch UBND xã",
        "UBND",
        "committee_vice_chair",
        2,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    (
        "VPHU-CVP",
        "Chánh Văn phòng HĐND - UBND",
        "VPHU",
        "department_head",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    (
        "VPHU-PCVP",
        "Phó Chánh Văn phòng HĐND - UBND",
        "VPHU",
        "department_deputy",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    (
        "VPHU-TPHT",
        "Công chức Tư pháp - Hộ tịch",
        "VPHU",
        "professional",
        2,
        "dai_hoc",
        "",
        F_LAW,
        True,
    ),
    (
        "VPHU-VT",
        "Công chức Văn thư - Lưu trữ",
        "VPHU",
        "professional",
        1,
        "dai_hoc",
        "",
        F_ARCH,
        False,
    ),
    (
        "PKT-TP",
        "Trưởng phòng Kinh tế",
        "PKT",
        "department_head",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    (
        "PKT-PTP",
        "Phó Trưởng phòng Kinh tế",
        "PKT",
        "department_deputy",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    (
        "PKT-DC",
        "Công chức Địa chính - Đất đai",
        "PKT",
        "professional",
        2,
        "dai_hoc",
        "",
        F_LAND,
        True,
    ),
    (
        "PKT-TCKT",
        "Công chức Tài chính - Kế toán",
        "PKT",
        "professional",
        2,
        "dai_hoc",
        "",
        F_FIN,
        True,
    ),
    (
        "PKT-NN",
        "Công chức Nông nghiệp - Môi trường",
        "PKT",
        "professional",
        2,
        "",
        "",
        F_AGRI,
        False,
    ),
    (
        "PKT-XD",
        "Công chức Xây dựng - Giao thông",
        "PKT",
        "professional",
        1,
        "dai_hoc",
        "",
        F_BUILD,
        False,
    ),  # left vacant on purpose
    (
        "PVHXH-TP",
        "Trưởng phòng Văn hóa - Xã hội",
        "PVHXH",
        "department_head",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    (
        "PVHXH-PTP",
        "Phó Trưởng phòng Văn hóa - Xã hội",
        "PVHXH",
        "department_deputy",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    (
        "PVHXH-VH",
        "Công chức Văn hóa - Thông tin",
        "PVHXH",
        "professional",
        2,
        "dai_hoc",
        "",
        F_CULT,
        False,
    ),
    (
        "PVHXH-LDXH",
        "Công chức Lao động - Chính sách xã hội",
        "PVHXH",
        "professional",
        1,
        "",
        "",
        F_SOC,
        False,
    ),
    (
        "TTHCC-GD",
        "Giám đốc Trung tâm Phục vụ hành chính công",
        "TTHCC",
        "department_head",
        1,
        "dai_hoc",
        "trung_cap",
        "",
        False,
    ),
    (
        "TTHCC-PGD",
        "Phó Giám đốc Trung tâm Phục vụ hành chính công",
        "TTHCC",
        "department_deputy",
        1,
        "",
        "",
        "",
        False,
    ),
    (
        "TTHCC-MC",
        "Công chức tiếp nhận và trả kết quả (một cửa)",
        "TTHCC",
        "professional",
        2,
        "",
        "",
        "",
        False,
    ),  # 3 holders after the merger: over quota on purpose
]

# --------------------------------------------------------------------------- people
# Each person: id, name, gender, ethnicity, is_local, birth year, left_date,
# assignments [(position, start, end)], degrees [(level, field, awarded)],
# theory [(level, awarded)], and a rating profile:
#   "+"  strong (good/excellent), "=" average (good, sometimes complete),
#   "-"  weak (complete), plus per-year overrides in RATING_OVERRIDES.
R = REFORM_DAY
PEOPLE = [
    # --- standing leadership -----------------------------------------------------
    dict(
        id="MT001",
        name="Đỗ Mạnh Cường",
        g="male",
        eth="Kinh",
        local=False,
        by=1974,
        asg=[("DU-BT", R, ""), ("HDND-CT", R, "")],
        deg=[("dai_hoc", "Luật", ""), ("thac_si", "Quản lý công", "2018-10-15")],
        th=[("cao_cap", "")],
        prof="+",
    ),
    dict(
        id="MT002",
        name="Giàng Thị Mỷ",
        g="female",
        eth="Mông",
        local=True,
        by=1978,
        asg=[("DU-PBT", R, "")],
        deg=[
            ("dai_hoc", "Xây dựng Đảng và Chính quyền nhà nước", ""),
            ("thac_si", "Chính trị học", "2020-06-30"),
        ],
        th=[("cao_cap", "2016-12-20")],
        prof="+",
    ),
    # the People's Committee chair is a local man: a finding (must be non-local)
    dict(
        id="MT003",
        name="Lò Văn Khánh",
        g="male",
        eth="Thái",
        local=True,
        by=1979,
        asg=[("DU-PBT", R, ""), ("UBND-CT", R, "")],
        deg=[
            ("dai_hoc", "Kinh tế nông nghiệp", ""),
            ("thac_si", "Quản lý kinh tế", "2027-06-30"),
        ],  # still studying
        th=[("cu_nhan", "")],
        prof="+",
    ),
    dict(
        id="MT004",
        name="Tòng Thị Hương",
        g="female",
        eth="Thái",
        local=True,
        by=1982,
        asg=[("HDND-PCT", R, "")],
        deg=[("dai_hoc", "Luật", "2008-06-15")],
        th=[("trung_cap", "2011-05-20"), ("cao_cap", "2019-12-20")],
        prof="+",
    ),
    dict(
        id="MT005",
        name="Vàng A Chứ",
        g="male",
        eth="Mông",
        local=True,
        by=1981,
        asg=[("UBND-PCT", R, "")],
        deg=[("dai_hoc", "Kinh tế", "2006-07-01")],
        th=[("cu_nhan", "")],
        prof="=",
    ),
    # vice chair with only intermediate theory (target 5b); master's late in 2026
    dict(
        id="MT006",
        name="Nguyễn Thị Thu Hà",
        g="female",
        eth="Kinh",
        local=False,
        by=1985,
        asg=[("UBND-PCT", R, ""), ("TTHCC-GD", R, "")],
        deg=[
            ("dai_hoc", "Sư phạm Ngữ văn", "2007-06-30"),
            ("thac_si", "Quản lý giáo dục", "2026-11-20"),
        ],
        th=[("trung_cap", "2012-09-15")],
        prof="+",
    ),
    # --- Inspection Committee -------------------------------------------------------
    dict(
        id="MT007",
        name="Điêu Chính Tuyên",
        g="male",
        eth="Thái",
        local=False,
        by=1976,
        asg=[("UBKT-CN", R, "")],
        deg=[("dai_hoc", "Luật", "")],
        th=[("cao_cap", "")],
        prof="+",
    ),
    dict(
        id="MT008",
        name="Lý Seo Chảo",
        g="male",
        eth="Dao",
        local=True,
        by=1984,
        asg=[("UBKT-PCN", R, "")],
        deg=[("dai_hoc", "Luật", "2009-07-10")],
        th=[("trung_cap", "2014-11-28")],
        prof="=",
    ),
    dict(
        id="MT009",
        name="Thào A Sình",
        g="male",
        eth="Mông",
        local=True,
        by=1990,
        asg=[("UBKT-KTV", R, "")],
        deg=[("dai_hoc", "Luật", "2013-06-20")],
        th=[("trung_cap", "2022-04-15")],
        prof="=",
    ),
    # transferred to the provincial Inspection Committee in October 2026
    dict(
        id="MT010",
        name="Cầm Thị Ngọc",
        g="female",
        eth="Thái",
        local=True,
        by=1993,
        left="2026-10-15",
        asg=[("UBKT-KTV", R, "2026-10-15")],
        deg=[("dai_hoc", "Kế toán", "2015-07-05")],
        th=[("so_cap", "2018-03-10")],
        prof="=",
    ),
    # --- Party Building Board and Party office ---------------------------------------
    dict(
        id="MT011",
        name="Quàng Văn Thịnh",
        g="male",
        eth="Thái",
        local=True,
        by=1980,
        asg=[("BXD-TB", R, "")],
        deg=[("dai_hoc", "Xây dựng Đảng và Chính quyền nhà nước", "")],
        th=[("cao_cap", "2017-08-30")],
        prof="+",
    ),
    dict(
        id="MT012",
        name="Sùng Thị Dua",
        g="female",
        eth="Mông",
        local=True,
        by=1988,
        asg=[("BXD-PTB", R, "")],
        deg=[("dai_hoc", "Hành chính học", "2011-06-25")],
        th=[("trung_cap", "2016-05-12"), ("cao_cap", "2026-10-30")],
        prof="+",
    ),
    dict(
        id="MT013",
        name="Hờ A Lử",
        g="male",
        eth="Mông",
        local=True,
        by=1995,
        asg=[("BXD-CV", R, "")],
        deg=[("cao_dang", "Quản lý văn hóa", "2016-06-30")],
        th=[("trung_cap", "2024-12-06")],
        prof="-",
    ),
    dict(
        id="MT014",
        name="Lường Văn Tâm",
        g="male",
        eth="Thái",
        local=True,
        by=1983,
        asg=[("VPDU-CVP", R, "")],
        deg=[("dai_hoc", "Quản lý nhà nước", "2006-06-30")],
        th=[("cao_cap", "2021-06-15")],
        prof="+",
    ),
    dict(
        id="MT015",
        name="Pờ Thị Xá",
        g="female",
        eth="Hà Nhì",
        local=True,
        by=1997,
        asg=[("VPDU-CV", R, "")],
        deg=[("dai_hoc", "Lưu trữ học", "2019-07-01")],
        th=[("so_cap", "2021-10-22")],
        prof="=",
    ),
    dict(
        id="MT016",
        name="Phàn Thị Mẩy",
        g="female",
        eth="Dao",
        local=True,
        by=1994,
        asg=[("VPDU-CV", R, "")],
        deg=[("dai_hoc", "Hành chính học", "2017-06-30")],
        th=[("trung_cap", "2023-11-17")],
        prof="=",
    ),
    # --- Fatherland Front --------------------------------------------------------------
    dict(
        id="MT017",
        name="Vương Văn Lợi",
        g="male",
        eth="Giáy",
        local=True,
        by=1975,
        asg=[("MTTQ-CT", R, "")],
        deg=[("dai_hoc", "Chính trị học", "")],
        th=[("cao_cap", "")],
        prof="=",
    ),
    dict(
        id="MT018",
        name="Tẩn Thị Mai",
        g="female",
        eth="Dao",
        local=True,
        by=1986,
        asg=[("MTTQ-PCT", R, "")],
        deg=[("dai_hoc", "Công tác xã hội", "2012-06-30")],
        th=[("trung_cap", "2015-09-18")],
        prof="+",
    ),
    # college degree only: below the default standard for a deputy (target 2d)
    dict(
        id="MT019",
        name="Giàng A Sùng",
        g="male",
        eth="Mông",
        local=True,
        by=1969,
        asg=[("MTTQ-PCT", R, "")],
        deg=[("cao_dang", "Chăn nuôi - Thú y", "")],
        th=[("trung_cap", "")],
        prof="-",
    ),
    # on maternity leave in 2025: no 2025 annual rating
    dict(
        id="MT020",
        name="Vì Thị Hằng",
        g="female",
        eth="Khơ Mú",
        local=True,
        by=1996,
        asg=[("MTTQ-CV", R, "")],
        deg=[
            ("trung_cap", "Văn thư - Lưu trữ", "2016-06-30"),
            ("dai_hoc", "Công tác xã hội", "2027-01-15"),
        ],  # part-time, not yet awarded
        th=[("so_cap", "2020-08-14")],
        prof="=",
    ),
    # --- HĐND - UBND office ------------------------------------------------------------
    dict(
        id="MT021",
        name="Phạm Quang Huy",
        g="male",
        eth="Kinh",
        local=False,
        by=1984,
        asg=[("VPHU-CVP", R, "")],
        deg=[("dai_hoc", "Luật", ""), ("thac_si", "Luật", "2016-12-10")],
        th=[("cao_cap", "2022-05-30")],
        prof="+",
    ),
    dict(
        id="MT022",
        name="Lò Thị Xoan",
        g="female",
        eth="Thái",
        local=True,
        by=1989,
        asg=[("VPHU-PCVP", R, "")],
        deg=[("dai_hoc", "Hành chính học", "2012-06-30")],
        th=[("trung_cap", "2017-12-01")],
        prof="=",
    ),
    dict(
        id="MT023",
        name="Điêu Thị Thảo",
        g="female",
        eth="Thái",
        local=True,
        by=1991,
        asg=[("VPHU-TPHT", R, "")],
        deg=[("dai_hoc", "Luật", "2014-06-30")],
        th=[("trung_cap", "2020-10-09")],
        prof="+",
    ),
    # degree in the wrong field for Justice; a law degree only in 2027 (target 1b)
    dict(
        id="MT024",
        name="Chảo A Lở",
        g="male",
        eth="Dao",
        local=True,
        by=1992,
        asg=[("VPHU-TPHT", R, "")],
        deg=[("dai_hoc", "Quản lý nhà nước", "2016-06-30"), ("dai_hoc", "Luật", "2027-06-01")],
        th=[("trung_cap", "2021-06-11")],
        prof="=",
    ),
    # right field, too low a level (targets 1b and 7a)
    dict(
        id="MT025",
        name="Trần Thị Hồng Nhung",
        g="female",
        eth="Kinh",
        local=False,
        by=1994,
        asg=[("VPHU-VT", R, "")],
        deg=[("cao_dang", "Văn thư - Lưu trữ", "2015-06-30")],
        th=[("trung_cap", "2023-05-26")],
        prof="-",
    ),
    # --- Economic department ----------------------------------------------------------
    dict(
        id="MT026",
        name="Lê Văn Dũng",
        g="male",
        eth="Kinh",
        local=False,
        by=1978,
        asg=[("PKT-TP", R, "")],
        deg=[("dai_hoc", "Kinh tế", ""), ("thac_si", "Quản lý kinh tế", "2027-12-15")],
        th=[("cao_cap", "2020-11-20")],
        prof="=",
    ),
    # moved from land officer to deputy head on 2026-03-01
    dict(
        id="MT027",
        name="Tòng Văn Nghĩa",
        g="male",
        eth="Thái",
        local=True,
        by=1987,
        asg=[("PKT-DC", R, "2026-02-28"), ("PKT-PTP", "2026-03-01", "")],
        deg=[("dai_hoc", "Quản lý đất đai", "2010-06-30")],
        th=[("trung_cap", "2018-07-13")],
        prof="+",
    ),
    dict(
        id="MT028",
        name="Lường Thị Thơm",
        g="female",
        eth="Thái",
        local=True,
        by=1990,
        asg=[("PKT-DC", R, "")],
        deg=[("dai_hoc", "Quản lý đất đai", "2013-06-30")],
        th=[("trung_cap", "2019-09-27")],
        prof="=",
    ),
    # land officer with an agricultural-economics degree (target 1b)
    dict(
        id="MT029",
        name="Sùng A Tủa",
        g="male",
        eth="Mông",
        local=True,
        by=1993,
        asg=[("PKT-DC", R, "")],
        deg=[("dai_hoc", "Kinh tế nông nghiệp", "2016-06-30")],
        th=[("so_cap", "2020-04-24")],
        prof="-",
    ),
    dict(
        id="MT030",
        name="Phạm Thị Thanh Loan",
        g="female",
        eth="Kinh",
        local=True,
        by=1986,
        asg=[("PKT-TCKT", R, "")],
        deg=[("dai_hoc", "Kế toán", "2008-06-30")],
        th=[("trung_cap", "2016-06-17")],
        prof="+",
    ),
    dict(
        id="MT031",
        name="Phàn Văn Chiêu",
        g="male",
        eth="Dao",
        local=True,
        by=1995,
        asg=[("PKT-TCKT", R, "")],
        deg=[("cao_dang", "Kế toán", "2016-06-30")],
        th=[("trung_cap", "2024-10-25")],
        prof="-",
    ),
    # retired at the end of 2025 (streamlining policy after the merger)
    dict(
        id="MT032",
        name="Chu Văn Chừ",
        g="male",
        eth="Hà Nhì",
        local=True,
        by=1966,
        left="2025-12-31",
        asg=[("PKT-NN", R, "2025-12-31")],
        deg=[("trung_cap", "Nông học", "")],
        th=[("so_cap", "")],
        prof="=",
    ),
    dict(
        id="MT033",
        name="Cầm Văn Quyết",
        g="male",
        eth="Thái",
        local=True,
        by=1989,
        asg=[("PKT-NN", R, "")],
        deg=[("dai_hoc", "Lâm sinh", "2012-06-30")],
        th=[("trung_cap", "2020-12-04")],
        prof="=",
    ),
    # recruited on 2026-09-01 to replace MT032: active at year end only, not rated
    dict(
        id="MT034",
        name="Lò Thị Hoài Thu",
        g="female",
        eth="Thái",
        local=True,
        by=2000,
        asg=[("PKT-NN", "2026-09-01", "")],
        deg=[("dai_hoc", "Quản lý tài nguyên và môi trường", "2022-06-30")],
        th=[],
        prof="=",
    ),
    # --- Culture and Social department ------------------------------------------------
    dict(
        id="MT035",
        name="Hoàng Thị Yến",
        g="female",
        eth="Giáy",
        local=True,
        by=1983,
        asg=[("PVHXH-TP", R, "")],
        deg=[
            ("dai_hoc", "Quản lý văn hóa", "2005-06-30"),
            ("thac_si", "Văn hóa học", "2019-11-08"),
        ],
        th=[("cao_cap", "2023-06-09")],
        prof="+",
    ),
    # deputy head with only elementary theory (target 2d)
    dict(
        id="MT036",
        name="Lỳ Thị Chừ",
        g="female",
        eth="Hà Nhì",
        local=True,
        by=1988,
        asg=[("PVHXH-PTP", R, "")],
        deg=[("dai_hoc", "Văn hóa học", "2011-06-30")],
        th=[("so_cap", "2015-03-20")],
        prof="-",
    ),
    # culture officer trained as a literature teacher (target 1b)
    dict(
        id="MT037",
        name="Tẩn Văn Phin",
        g="male",
        eth="Dao",
        local=True,
        by=1992,
        asg=[("PVHXH-VH", R, "")],
        deg=[("dai_hoc", "Sư phạm Ngữ văn", "2014-06-30")],
        th=[("trung_cap", "2022-08-19")],
        prof="=",
    ),
    dict(
        id="MT038",
        name="Tao Văn Phòng",
        g="male",
        eth="Lự",
        local=True,
        by=1996,
        asg=[("PVHXH-VH", R, "")],
        deg=[("dai_hoc", "Văn hóa học", "2018-06-30")],
        th=[("so_cap", "2021-07-02")],
        prof="=",
    ),
    dict(
        id="MT039",
        name="Thào Thị Sua",
        g="female",
        eth="Mông",
        local=True,
        by=1990,
        asg=[("PVHXH-LDXH", R, "")],
        deg=[("dai_hoc", "Công tác xã hội", "2013-06-30")],
        th=[("trung_cap", "2019-10-11")],
        prof="+",
    ),
    # --- Public administration service centre -----------------------------------------
    dict(
        id="MT040",
        name="Nguyễn Đức Long",
        g="male",
        eth="Kinh",
        local=False,
        by=1982,
        asg=[("TTHCC-PGD", R, "")],
        deg=[("dai_hoc", "Công nghệ thông tin", "2004-06-30")],
        th=[("cu_nhan", "")],
        prof="+",
    ),
    dict(
        id="MT041",
        name="Quàng Văn Duy",
        g="male",
        eth="Thái",
        local=True,
        by=1995,
        asg=[("TTHCC-MC", R, "")],
        deg=[("dai_hoc", "Hành chính học", "2017-06-30")],
        th=[("trung_cap", "2023-04-14")],
        prof="=",
    ),
    # secondary vocational degree only; rated "incomplete" for 2025
    dict(
        id="MT042",
        name="Vàng A Dình",
        g="male",
        eth="Mông",
        local=True,
        by=1998,
        asg=[("TTHCC-MC", R, "")],
        deg=[("trung_cap", "Tin học ứng dụng", "2018-06-30")],
        th=[("so_cap", "2022-05-06")],
        prof="-",
    ),
    # came from the former district's one-stop office: surplus, 2025 rating not on file
    dict(
        id="MT043",
        name="Điêu Văn Chung",
        g="male",
        eth="Thái",
        local=True,
        by=1993,
        asg=[("TTHCC-MC", R, "")],
        deg=[("dai_hoc", "Quản trị văn phòng", "2016-06-30")],
        th=[("trung_cap", "2021-11-26")],
        prof="=",
    ),
]

# Ratings that are set by hand: (cadre, year) -> level, or None for "no annual rating".
RATING_OVERRIDES: dict[tuple[str, int], str | None] = {
    ("MT020", 2025): None,  # maternity leave
    ("MT043", 2025): None,  # record stayed with the dissolved district
    ("MT042", 2025): "incomplete",
    ("MT042", 2026): "complete",
    ("MT001", 2025): "excellent",
    ("MT035", 2026): "excellent",
    ("MT021", 2026): "excellent",
}

# Cadres without a position-specific course in 2026 (only one planned for 2027).
NO_JOB_COURSE_2026 = {"MT013", "MT019", "MT031", "MT042", "MT016"}

# --------------------------------------------------------------------------- trainings
# (key, completed_date, topics, course name)
COURSES = {
    "2t_2025": (
        "2025-08-20",
        "two_tier_government;state_management",
        "Bồi dưỡng vận hành mô hình chính quyền địa phương hai cấp",
    ),
    "2t_2026": (
        "2026-04-16",
        "two_tier_government",
        "Cập nhật kiến thức vận hành chính quyền địa phương hai cấp (đợt 2)",
    ),
    "vtvl_2026": (
        "2026-05-22",
        "job_position",
        "Bồi dưỡng theo tiêu chuẩn vị trí việc làm cán bộ, công chức cấp xã",
    ),
    "vtvl_new": (
        "2026-10-20",
        "job_position;law;ethics;office_culture",
        "Bồi dưỡng công chức mới tuyển dụng",
    ),
    "vtvl_2027": (
        "2027-03-18",
        "job_position",
        "Bồi dưỡng theo tiêu chuẩn vị trí việc làm (lớp bổ sung)",
    ),
    "hsdt": (
        "2026-03-12",
        "e_records;it",
        "Tập huấn xử lý văn bản, hồ sơ công việc trên môi trường điện tử",
    ),
    "qtdl_1": (
        "2026-06-12",
        "data_governance;modern_management",
        "Quản trị dữ liệu và phương pháp quản lý hiện đại (lớp 1)",
    ),
    "qtdl_2": (
        "2026-10-08",
        "data_governance;modern_management",
        "Quản trị dữ liệu và phương pháp quản lý hiện đại (lớp 2)",
    ),
    "luat": (
        "2026-07-09",
        "law;ethics;office_culture",
        "Phổ biến Luật Cán bộ, công chức 2025; đạo đức công vụ và văn hóa công sở",
    ),
    "bdhvs_2025": (
        "2025-11-26",
        "it;digital_transformation",
        "Bình dân học vụ số - kỹ năng số cơ bản",
    ),
    "bdhvs_2026": (
        "2026-08-27",
        "it;digital_transformation",
        "Bình dân học vụ số - ứng dụng công nghệ thông tin trong công vụ",
    ),
    "dmst": (
        "2026-11-12",
        "innovation;digital_transformation",
        "Đổi mới sáng tạo và chuyển đổi số trong cơ quan nhà nước",
    ),
    "ldql": (
        "2026-09-17",
        "modern_management;state_management",
        "Bồi dưỡng kỹ năng lãnh đạo, quản lý cấp xã",
    ),
    "qlnn": (
        "2027-04-22",
        "state_management",
        "Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên",
    ),
    "pctt": ("2026-06-05", "other", "Tập huấn phòng, chống thiên tai và tìm kiếm cứu nạn"),
    "cdcm_dd": ("2026-12-05", "retraining", "Bồi dưỡng chuyển đổi chuyên môn lĩnh vực đất đai"),
    "cdcm_vh": (
        "2027-05-14",
        "retraining",
        "Bồi dưỡng chuyển đổi chuyên môn lĩnh vực văn hóa, thông tin",
    ),
}

# Chance that an (active) cadre took an optional course.
COURSE_CHANCE = {
    "2t_2025": 0.9,
    "2t_2026": 0.7,
    "hsdt": 0.75,
    "qtdl": 0.75,
    "luat": 0.85,
    "bdhvs_2025": 0.5,
    "bdhvs_2026": 0.85,
    "dmst": 0.85,
    "pctt": 0.3,
}

LEVEL_RANK = ["incomplete", "complete", "good", "excellent"]

# --------------------------------------------------------------------------- equipment
# Deliberate shortfalls against the norm of one item per active cadre:
# (agency, item) -> how many fewer than needed; None = no row at all (quantity 0).
EQUIPMENT_SHORT: dict[tuple[str, str], int | None] = {
    ("PKT", "computer"): 2,
    ("PKT", "phone"): 1,
    ("MTTQ", "phone"): 2,
    ("TTHCC", "computer"): 1,
    ("HDND", "phone"): None,
    ("PVHXH", "cabinet"): 1,
}
EQUIPMENT_SPARE = {("DU", "desk_set"): 2, ("UBND", "cabinet"): 1, ("VPHU", "computer"): 1}
ITEMS = ["desk_set", "cabinet", "computer", "phone", "printer"]


# =========================================================================== helpers
def nfc(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    return unicodedata.normalize("NFC", str(value))


def d(text: str) -> date:
    return date.fromisoformat(text)


def active_on(person: dict, asg: tuple[str, str, str], day: date) -> bool:
    left = person.get("left", "")
    if left and d(left) <= day:
        return False
    _, start, end = asg
    return d(start) <= day and (not end or d(end) >= day)


def employed_during(person: dict, lo: date, hi: date) -> bool:
    """True when some assignment overlaps [lo, hi]."""
    for _, start, end in person["asg"]:
        s = d(start)
        e = d(end) if end else date.max
        if person.get("left"):
            e = min(e, d(person["left"]))
        if s <= hi and e >= lo:
            return True
    return False


def rated_for(person: dict, year: int) -> bool:
    """Whether a person gets an annual rating for a year.

    People in post on the reform day worked in the predecessor communes before it and
    were rated there. People recruited later need six months in post in the year
    (ND 335/2025). Whoever left before December is not rated for that year.
    """
    first = min(d(start) for _, start, _ in person["asg"])
    if first > d(REFORM_DAY) and first > date(year, 7, 1):
        return False
    left = person.get("left", "")
    return not (left and d(left) < date(year, 12, 1))


def during(person: dict, key: str) -> bool:
    """Whether a person was in post on the day a course ended."""
    day = d(COURSES[key][0])
    return employed_during(person, day, day)


def maybe(rng: random.Random, person: dict, taken: list[str], key: str) -> None:
    """Add an optional course with its chance, if the person was in post then."""
    if during(person, key) and rng.random() < COURSE_CHANCE[key]:
        taken.append(key)


def is_leader(person: dict, cats: dict[str, str]) -> bool:
    return any(cats[p] not in ("professional", "other") for p, _, _ in person["asg"])


def pick_rating(rng: random.Random, prof: str) -> str:
    x = rng.random()
    if prof == "+":
        return "excellent" if x < 0.2 else "good"
    if prof == "=":
        return "good" if x < 0.92 else "complete"
    return "complete" if x < 0.6 else "good"


def wobble(rng: random.Random, level: str) -> str:
    """A quarterly rating near the annual one."""
    i = LEVEL_RANK.index(level) + rng.choice([-1, 0, 0, 0, 1])
    return LEVEL_RANK[max(1, min(i, 3))]


def write(out: Path, name: str, header: list[str], rows: list[list[object]]) -> int:
    path = out / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([nfc(v) for v in row])
    return len(rows)


# =========================================================================== build
def build(rng: random.Random) -> dict[str, tuple[list[str], list[list[object]]]]:
    cats = {p[0]: p[3] for p in POSITIONS}
    tables: dict[str, tuple[list[str], list[list[object]]]] = {}

    tables["agencies"] = (
        ["agency_code", "name", "commune", "bloc"],
        [[code, name, COMMUNE, bloc] for code, name, bloc in AGENCIES],
    )
    tables["positions"] = (
        [
            "position_code",
            "title",
            "agency_code",
            "category",
            "quota",
            "min_education",
            "min_theory",
            "accepted_fields",
            "sensitive",
        ],
        [list(p) for p in POSITIONS],
    )

    cadres, assignments, degrees, theory, trainings, ratings = [], [], [], [], [], []
    for p in PEOPLE:
        birth = date(p["by"], 1, 1) + timedelta(days=rng.randrange(365))
        cadres.append(
            [p["id"], p["name"], birth.isoformat(), p["g"], p["eth"], p["local"], p.get("left", "")]
        )
        for pos, start, end in p["asg"]:
            assignments.append([p["id"], pos, start, end])
        for level, fld, awarded in p["deg"]:
            degrees.append([p["id"], level, fld, awarded])
        for level, awarded in p["th"]:
            theory.append([p["id"], level, awarded])

        # ---- trainings
        pid = p["id"]
        taken: list[str] = []

        maybe(rng, p, taken, "2t_2025")
        maybe(rng, p, taken, "2t_2026")
        if pid in NO_JOB_COURSE_2026:
            taken.append("vtvl_2027")
        elif during(p, "vtvl_2026"):
            taken.append("vtvl_2026")
        else:
            taken.append("vtvl_new")
        maybe(rng, p, taken, "hsdt")
        if rng.random() < COURSE_CHANCE["qtdl"]:
            key = "qtdl_1" if rng.random() < 0.6 else "qtdl_2"
            if during(p, key):
                taken.append(key)
        maybe(rng, p, taken, "luat")
        maybe(rng, p, taken, "bdhvs_2025")
        maybe(rng, p, taken, "bdhvs_2026")
        maybe(rng, p, taken, "dmst")
        maybe(rng, p, taken, "pctt")
        if is_leader(p, cats) and during(p, "ldql"):
            taken.append("ldql")
        if not is_leader(p, cats) and rng.random() < 0.3:
            taken.append("qlnn")
        if pid == "MT029":
            taken.append("cdcm_dd")
        if pid == "MT037":
            taken.append("cdcm_vh")
        for key in sorted(taken, key=lambda k: (COURSES[k][0], k)):
            when, topics, course = COURSES[key]
            trainings.append([pid, topics, when, course])

        # ---- ratings: annual 2024-2026, quarterly 2026
        for year in (2024, 2025, 2026):
            worked = rated_for(p, year)
            level = pick_rating(rng, p["prof"])
            if (pid, year) in RATING_OVERRIDES:
                over = RATING_OVERRIDES[(pid, year)]
                if over is None:
                    worked = False
                else:
                    level = over
            if worked:
                ratings.append([pid, year, "", level])
            if year == 2026:
                for q in range(1, 5):
                    q_end = date(2026, 3 * q, 1) + timedelta(days=31)
                    q_end = q_end.replace(day=1) - timedelta(days=1)
                    q_start = date(2026, 3 * q - 2, 1)
                    if not (
                        employed_during(p, q_start, q_start) and employed_during(p, q_end, q_end)
                    ):
                        continue
                    q_level = wobble(rng, level)
                    if pid == "MT042" and q == 1:
                        q_level = "incomplete"
                    ratings.append([pid, 2026, q, q_level])

    tables["cadres"] = (
        ["cadre_id", "full_name", "birth_date", "gender", "ethnicity", "is_local", "left_date"],
        cadres,
    )
    tables["assignments"] = (["cadre_id", "position_code", "start_date", "end_date"], assignments)
    tables["degrees"] = (["cadre_id", "level", "field", "awarded_date"], degrees)
    tables["theory"] = (["cadre_id", "level", "awarded_date"], theory)
    tables["trainings"] = (["cadre_id", "topics", "completed_date", "course"], trainings)
    tables["ratings"] = (["cadre_id", "year", "quarter", "rating"], ratings)

    # ---- equipment: norm = one item per distinct active cadre, on the busier as-of day
    agency_of = {p[0]: p[2] for p in POSITIONS}
    need: dict[str, int] = {}
    for code, _, _ in AGENCIES:
        counts = []
        for day in AS_OF_DAYS:
            holders = {
                p["id"]
                for p in PEOPLE
                for a in p["asg"]
                if agency_of[a[0]] == code and active_on(p, a, day)
            }
            counts.append(len(holders))
        need[code] = max(counts)
    equipment = []
    for code, _, _ in AGENCIES:
        for item in ITEMS:
            if item == "printer":
                qty = 2 if need[code] >= 5 else 1
            else:
                qty = need[code] + EQUIPMENT_SPARE.get((code, item), 0)
            if (code, item) in EQUIPMENT_SHORT:
                short = EQUIPMENT_SHORT[(code, item)]
                if short is None:
                    continue
                qty = max(0, qty - short)
            equipment.append([code, item, qty])
    tables["equipment"] = (["agency_code", "item", "quantity"], equipment)
    tables.update(build_extensions(tables))
    add_form_fields(tables)
    return tables


# ==================================================================== optional tables
# docs/roster-extensions.md: succession pools (QĐ 377-QĐ/TW), quarterly scores (Decree
# 335/2025/NĐ-CP) and discipline. Drawn from their own generator so the core tables
# above stay byte-identical.
# (position planned for, term, approval date, candidates)
SUCCESSION = [
    ("DU-BT", "2030-2035", "2025-10-20", ["MT002", "MT003", "MT011"]),
    # four candidates for one title: above the cap of three
    ("UBND-CT", "2030-2035", "2025-10-20", ["MT005", "MT006", "MT021", "MT026"]),
    # MT019 (born 1969) reaches retirement age in 2031, inside the term
    ("MTTQ-CT", "2030-2035", "2025-10-20", ["MT018", "MT019"]),
    ("UBKT-CN", "2030-2035", "2025-10-20", ["MT008"]),
    # MT012 is planned for four titles: above the cap of three
    ("HDND-PCT", "2030-2035", "2025-10-20", ["MT022", "MT012"]),
    ("BXD-TB", "2030-2035", "2025-10-20", ["MT012"]),
    ("VPDU-CVP", "2030-2035", "2025-10-20", ["MT012", "MT016"]),
    ("PVHXH-TP", "2030-2035", "2025-10-20", ["MT012", "MT039"]),
    ("PKT-TP", "2030-2035", "2025-10-20", ["MT027", "MT030"]),
    # a top-up for the current term with no young, female or ethnic-minority candidate
    ("UBND-PCT", "2025-2030", "2026-03-15", ["MT021", "MT026", "MT040"]),
]
# Bands of Decree 335/2025: a mean score inside the band of each level.
SCORE_BANDS = {
    "excellent": (90, 97),
    "good": (72, 88),
    "complete": (52, 68),
    "incomplete": (35, 47),
}
# Deliberate contradictions: (cadre, year) -> mean score that disagrees with the rating.
SCORE_OVERRIDES = {("MT021", 2026): 86}  # rated excellent on a "good" score
# One disciplinary measure (khiển trách) in 2026: the 2026 rating must be "incomplete".
DISCIPLINE = [("MT031", "2026-08-14", "khien_trach")]


def build_extensions(
    tables: dict[str, tuple[list[str], list[list[object]]]],
) -> dict[str, tuple[list[str], list[list[object]]]]:
    """The optional tables, consistent with the annual ratings already drawn."""
    rng = random.Random(SEED + 335)
    succession = [[cid, pos, term, added] for pos, term, added, ids in SUCCESSION for cid in ids]
    scores: list[list[object]] = []
    for cid, year, quarter, level in tables["ratings"][1]:
        if quarter != "" or year not in (2025, 2026):
            continue
        lo, hi = SCORE_BANDS[str(level)]
        mean = SCORE_OVERRIDES.get((str(cid), int(year)), rng.randint(lo, hi))
        d, e = rng.randint(0, 3), rng.randint(0, 3)
        for q, s in enumerate((mean + d, mean - e, mean - d, mean + e), start=1):
            scores.append([cid, year, q, min(100, max(0, s))])
    discipline = [list(row) for row in DISCIPLINE]
    return {
        "succession": (["cadre_id", "position_code", "term", "added_date"], succession),
        "scores": (["cadre_id", "year", "quarter", "score"], scores),
        "discipline": (["cadre_id", "date", "level"], discipline),
        "indicators": (
            ["commune", "year", "quarter", "indicator", "plan", "actual", "unit", "source"],
            [list(row) for row in INDICATORS],
        ),
        "satisfaction": (
            ["commune", "year", "quarter", "score", "share", "source"],
            [list(row) for row in SATISFACTION],
        ),
        "unit_ratings": (["agency_code", "year", "quarter", "rating"], unit_ratings(tables)),
    }


# Section II.2.b of the plan: the commune's main socio-economic indicators (2025 for the
# year, 2026 by quarter, cumulative from January) and citizens' satisfaction. Every
# indicator is met except public investment disbursement in the second quarter of 2026
# (a usual mid-year delay), so 4 of 5 indicators are met in that quarter.
_REPORT = "Báo cáo tình hình kinh tế - xã hội của UBND xã"
INDICATORS = [
    (COMMUNE, 2025, "", "economic_growth", "8.0", "8.2", "", _REPORT),
    (COMMUNE, 2025, "", "budget_revenue", "4500", "4720", "", _REPORT),
    (COMMUNE, 2025, "", "public_investment_disbursement", "95", "96.4", "", _REPORT),
    (COMMUNE, 2025, "", "income_per_head", "32", "32.5", "", _REPORT),
    (COMMUNE, 2025, "", "poverty_reduction", "4", "4.3", "", _REPORT),
    (COMMUNE, 2026, 1, "economic_growth", "7.5", "7.6", "", _REPORT),
    (COMMUNE, 2026, 1, "budget_revenue", "1100", "1180", "", _REPORT),
    (COMMUNE, 2026, 1, "public_investment_disbursement", "20", "21.5", "", _REPORT),
    (COMMUNE, 2026, 1, "income_per_head", "8.5", "8.6", "", _REPORT),
    (COMMUNE, 2026, 1, "poverty_reduction", "0.5", "0.6", "", _REPORT),
    (COMMUNE, 2026, 2, "economic_growth", "8.0", "8.1", "", _REPORT),
    (COMMUNE, 2026, 2, "budget_revenue", "2300", "2350", "", _REPORT),
    (COMMUNE, 2026, 2, "public_investment_disbursement", "45", "38.5", "", _REPORT),
    (COMMUNE, 2026, 2, "income_per_head", "17", "17.2", "", _REPORT),
    (COMMUNE, 2026, 2, "poverty_reduction", "1.5", "1.5", "", _REPORT),
]
_SURVEY = "Khảo sát sự hài lòng tại Trung tâm Phục vụ hành chính công"
SATISFACTION = [
    (COMMUNE, 2025, "", "", "0.87", _SURVEY),
    (COMMUNE, 2026, 1, "86.5", "", _SURVEY),
    (COMMUNE, 2026, 2, "88", "", _SURVEY),
]
# Posts whose holder heads the agency (national.leader_above_collective.head_categories).
HEAD_CATEGORIES = (
    "party_secretary",
    "committee_chair",
    "council_chair",
    "front_chair",
    "inspection_chair",
    "department_head",
)
_RANK = {"incomplete": 0, "complete": 1, "good": 2, "excellent": 3}


def unit_ratings(tables: dict[str, tuple[list[str], list[list[object]]]]) -> list[list[object]]:
    """The collectives' 2025 ratings: each agency rated as its best-rated head that year,
    so that no head is rated above the collective (Quy định 366-QĐ/TW)."""
    heads = {
        str(row[0]): str(row[2]) for row in tables["positions"][1] if str(row[3]) in HEAD_CATEGORIES
    }
    rated = {
        str(cid): str(level)
        for cid, year, quarter, level in tables["ratings"][1]
        if year == 2025 and quarter == ""
    }
    best: dict[str, str] = {}
    for cid, pos, start, end in tables["assignments"][1]:
        agency = heads.get(str(pos))
        level = rated.get(str(cid))
        if agency is None or level is None or str(start) > "2025-12-31":
            continue
        if end and str(end) < "2025-01-01":
            continue
        if agency not in best or _RANK[level] > _RANK[best[agency]]:
            best[agency] = level
    return [[agency, 2025, "", best[agency]] for agency in sorted(best)]


# ================================================================ fields for the forms
# roster-format.md, "Fields for the forms": Party membership, religion, grade (ngạch),
# state-management and IT/language levels, Party Committee / standing board / inspection
# committee and People's Council membership, elected posts, rotations, where degrees and
# courses were taken. Drawn from their own generator and added as last columns, so that
# every value above (and every evaluation result) stays as it was.
ELECTED = {
    "DU-BT",
    "DU-PBT",
    "UBKT-CN",
    "MTTQ-CT",
    "MTTQ-PCT",
    "HDND-CT",
    "HDND-PCT",
    "UBND-CT",
    "UBND-PCT",
}
# the standing board of the Party Committee (Ban Thường vụ) and the other posts whose
# holders sit on the Party Committee (cấp ủy)
STANDING = {"DU-BT", "DU-PBT", "UBKT-CN", "UBND-CT", "MTTQ-CT", "BXD-TB"}
COMMITTEE = STANDING | {
    "HDND-PCT",
    "UBND-PCT",
    "VPDU-CVP",
    "UBKT-PCN",
    "BXD-PTB",
    "VPHU-CVP",
    "PKT-TP",
    "PVHXH-TP",
    "TTHCC-GD",
    "MTTQ-PCT",
}
INSPECTION = {"UBKT-CN", "UBKT-PCN", "UBKT-KTV"}
COUNCIL = {"DU-BT", "DU-PBT", "HDND-CT", "HDND-PCT", "UBND-CT", "UBND-PCT", "MTTQ-CT"}
COUNCIL_PROVINCE = {"MT001"}  # the Party Secretary also sits on the provincial council
ROTATED = {("MT001", "DU-BT"), ("MT003", "UBND-CT")}  # rotated in from the province
RELIGIONS = {"MT019": "Tin lành", "MT033": "Công giáo", "MT041": "Phật giáo"}
BASIC_CERTIFICATE = {"MT015", "MT038"}  # a sơ cấp certificate besides their degree
ABROAD = {("MT002", "thac_si"): "abroad", ("MT001", "thac_si"): "joint"}
GRADE_BY_DEGREE = {
    "tien_si": "chuyen_vien_chinh",
    "thac_si": "chuyen_vien_chinh",
    "dai_hoc": "chuyen_vien",
    "cao_dang": "can_su",
    "trung_cap": "can_su",
}
DEGREE_RANK = ["trung_cap", "cao_dang", "dai_hoc", "thac_si", "tien_si"]
CADRE_FORM_COLUMNS = [
    "party_join_date",
    "religion",
    "grade",
    "state_management",
    "it_level",
    "foreign_language",
    "ethnic_language",
    "general_education",
    "academic_title",
    "professional_basic",
    "insurance_start",
    "party_committee",
    "party_standing",
    "inspection_committee",
    "council_deputy",
]


def form_fields(person: dict, birth: date, cats: dict[str, str], rng: random.Random) -> list:
    """The cadre's values of CADRE_FORM_COLUMNS."""
    posts = {pos for pos, _, _ in person["asg"]}
    leader = is_leader(person, cats)
    first = min(d(start) for _, start, _ in person["asg"])
    levels = [level for level, _, _ in person["deg"]]
    best = max(levels, key=DEGREE_RANK.index) if levels else ""
    member = leader or rng.random() < 0.6
    joined = ""
    if member:
        joined = (
            birth + timedelta(days=365 * rng.randint(21, 27) + rng.randrange(365))
        ).isoformat()
        if d(joined) > first:
            joined = (first - timedelta(days=rng.randint(200, 900))).isoformat()
    grade = "" if posts <= ELECTED or not best else GRADE_BY_DEGREE[best]
    if grade == "chuyen_vien" and leader and rng.random() < 0.3:
        grade = "chuyen_vien_chinh"
    state = "chuyen_vien_chinh" if leader else ("chuyen_vien" if rng.random() < 0.7 else "")
    it_fields = [fld for _, fld, _ in person["deg"] if "Công nghệ thông tin" in fld]
    it = "trung_cap_tro_len" if it_fields else rng.choice(["co_ban"] * 6 + ["nang_cao"] * 2 + [""])
    language = "" if rng.random() < 0.25 else "chung_chi"
    ethnic = person["eth"] == "Kinh" and not person["local"] and rng.random() < 0.6
    started = birth + timedelta(days=365 * rng.randint(22, 26) + rng.randrange(365))
    insured = min(started, first)
    councils = "commune" if posts & COUNCIL else ""
    if person["id"] in COUNCIL_PROVINCE:
        councils = "commune;province"
    basic = not best or person["id"] in BASIC_CERTIFICATE
    return [
        joined,
        RELIGIONS.get(person["id"], "Không"),
        grade,
        state,
        it,
        language,
        ethnic,
        "thpt",
        "",
        basic,
        insured.isoformat(),
        bool(posts & COMMITTEE),
        bool(posts & STANDING),
        bool(posts & INSPECTION),
        councils,
    ]


def add_form_fields(
    tables: dict[str, tuple[list[str], list[list[object]]]],
) -> None:
    """Add the fields for the forms to the tables, as their last columns."""
    rng = random.Random(SEED + 18)
    cats = {p[0]: p[3] for p in POSITIONS}
    people = {p["id"]: p for p in PEOPLE}
    header, rows = tables["cadres"]
    for row in rows:
        row.extend(form_fields(people[str(row[0])], d(str(row[2])), cats, rng))
    tables["cadres"] = (header + CADRE_FORM_COLUMNS, rows)
    header, rows = tables["positions"]
    tables["positions"] = (header + ["elected"], [[*r, r[0] in ELECTED] for r in rows])
    header, rows = tables["assignments"]
    tables["assignments"] = (
        header + ["rotation"],
        [[*r, (r[0], r[1]) in ROTATED] for r in rows],
    )
    header, rows = tables["degrees"]
    tables["degrees"] = (
        header + ["study_place"],
        [[*r, ABROAD.get((str(r[0]), str(r[1])), "domestic")] for r in rows],
    )
    header, rows = tables["theory"]
    modes = {"so_cap": "part_time", "trung_cap": "part_time", "cao_cap": "part_time"}
    tables["theory"] = (
        header + ["study_mode"],
        [[*r, "full_time" if r[0] == "MT002" else modes.get(str(r[1]), "full_time")] for r in rows],
    )
    header, rows = tables["trainings"]
    tables["trainings"] = (header + ["place"], [[*r, "domestic"] for r in rows])


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT_DEFAULT
    out.mkdir(parents=True, exist_ok=True)
    tables = build(random.Random(SEED))
    for name, (header, rows) in tables.items():
        n = write(out, name, header, rows)
        print(f"{name:12s} {n:4d} rows")
    assert len(PEOPLE) == len({p["id"] for p in PEOPLE}), "duplicate cadre ids"
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
