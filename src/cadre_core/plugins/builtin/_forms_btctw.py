"""The statistical forms of the Central Organisation Commission, as data: Biểu 9C-BTCTW,
12C-BTCTW and 10-BTCTW, and the pieces every national form shares (see :mod:`._forms`).

Each form follows the printed layout of the official form: the title block, the column
headings and their numbers, the row labels and the signature block. Every cell counts
with the criteria the targets use (:mod:`cadre_core.targets._criteria`); the fields each
cell reads say when a roster cannot inform it (the cell is then left blank and listed).

- Biểu 9C-BTCTW, 12C-BTCTW, 10-BTCTW: the statistical forms of the Central Organisation
  Commission (Ban Tổ chức Trung ương) for cadre statistics;
- BM02/BNV: Thông tư 11/2012/TT-BNV of 17 December 2012 of the Ministry of Home Affairs
  (reporting the number and quality of civil servants);
- Mẫu 02/CL.CBCCX: the quality of commune cadres and civil servants, one row per person.
"""

from __future__ import annotations

from cadre_core.targets._criteria import Criterion, is_female, is_minority
from cadre_core.targets._field_criteria import (
    age_between,
    all_of,
    any_of,
    awarded_in_year,
    everyone,
    field_flag,
    holds_category,
    level_in,
    negated,
    not_informed,
    planned_for,
    trained_in_year,
    value_in,
)
from cadre_core.targets._forms import Form, FormColumn, FormRow
from cadre_core.targets._target import Text

SOURCE_BTCTW = "Biểu mẫu thống kê của Ban Tổ chức Trung ương (biểu số {code})"

T = Text
ISSUER = (
    T("TỈNH ỦY/HUYỆN ỦY…", "PROVINCIAL/DISTRICT PARTY COMMITTEE…"),
    T("BAN TỔ CHỨC", "ORGANISATION BOARD"),
)
SIGNERS = (
    (
        T("NGƯỜI LẬP BIỂU", "PREPARED BY"),
        T(
            "(Ký, ghi rõ họ và tên; số điện thoại di động và cố định liên hệ)",
            "(Signature, full name; mobile and landline numbers)",
        ),
    ),
    (
        T("TRƯỞNG BAN", "HEAD OF THE BOARD"),
        T("(Ký, đóng dấu, ghi rõ họ và tên)", "(Signature, seal, full name)"),
    ),
)


# ---------------------------------------------------------------- shared pieces
def _cat(*cats: str) -> Criterion:
    return holds_category(cats, T(", ".join(cats), ", ".join(cats)))


def _plan(*cats: str) -> Criterion:
    return planned_for(cats, T(", ".join(cats), ", ".join(cats)))


def _flag(column: str, field: str) -> Criterion:
    return field_flag(column, T(column, column), field)


def _value(column: str, field: str, *codes: str) -> Criterion:
    return value_in(column, codes, T(", ".join(codes), ", ".join(codes)), field)


MALE = _value("gender", "cadres.gender", "male")
PARTY = _flag("is_party_member", "cadres.party_join_date")
RELIGION = _flag("has_religion", "cadres.religion")
NO_DEGREE = level_in(["none"], T("chưa qua đào tạo", "no degree"))
BASIC = all_of(_flag("professional_basic", "cadres.professional_basic"), NO_DEGREE)
UNTRAINED = all_of(NO_DEGREE, negated(BASIC, T("không có sơ cấp", "no basic certificate")))


def _education(*levels: str) -> Criterion:
    return level_in(levels, T(", ".join(levels), ", ".join(levels)))


def _theory(*levels: str) -> Criterion:
    return level_in(levels, T(", ".join(levels), ", ".join(levels)), kind="theory")


def _leader_rows(*, basic_theory: bool, analysis: bool) -> tuple[FormRow, ...]:
    """The rows 9C-BTCTW and 12C-BTCTW share: total, women, minorities, age, education,
    academic title and political theory."""
    rows = [
        FormRow(T("TỔNG SỐ", "TOTAL"), everyone()),
        FormRow(T("*Trong đó: - Nữ", "*Of whom: - women"), is_female()),
        FormRow(T("- Dân tộc thiểu số", "- ethnic minorities"), is_minority()),
    ]
    if analysis:
        rows.append(FormRow(T("*Phân tích tổng số theo:", "*The total by:")))
    rows += [
        FormRow(T("1. Tuổi đời", "1. Age")),
        FormRow(T("- Từ 40 tuổi trở xuống", "- 40 or under"), age_between(None, 40)),
        FormRow(T("- Từ trên 40 tuổi đến 50 tuổi", "- over 40 to 50"), age_between(41, 50)),
        FormRow(T("- Từ trên 50 tuổi", "- over 50"), age_between(51, None)),
        FormRow(T("2. Trình độ chuyên môn nghiệp vụ", "2. Professional education")),
        FormRow(T("- Cao đẳng", "- college"), _education("cao_dang")),
        FormRow(T("- Đại học", "- university"), _education("dai_hoc")),
        FormRow(T("- Trên đại học", "- postgraduate"), _education("thac_si", "tien_si")),
        FormRow(T("3. Chức danh khoa học", "3. Academic title")),
        FormRow(
            T("- Phó Giáo sư", "- associate professor"),
            _value("academic_title", "cadres.academic_title", "pho_giao_su"),
        ),
        FormRow(
            T("- Giáo sư", "- professor"),
            _value("academic_title", "cadres.academic_title", "giao_su"),
        ),
        FormRow(T("4. Trình độ lý luận chính trị", "4. Political theory")),
    ]
    if basic_theory:
        rows.append(FormRow(T("- Sơ cấp", "- basic"), _theory("so_cap")))
    rows += [
        FormRow(T("- Trung cấp", "- intermediate"), _theory("trung_cap")),
        FormRow(T("- Cao cấp, cử nhân", "- advanced, bachelor"), _theory("cao_cap", "cu_nhan")),
    ]
    return tuple(rows)


# ---------------------------------------------------------------- 9C-BTCTW
PARTY_LEAD = T("Lãnh đạo cấp ủy", "Party Committee leaders")
COUNCIL_LEAD = T("Lãnh đạo HĐND", "People's Council leaders")
COMMITTEE_LEAD = T("Lãnh đạo UBND", "People's Committee leaders")
FRONT_LEAD = T("Uỷ ban Mặt trận Tổ quốc, đoàn thể CT-XH", "Fatherland Front, mass organisations")
CHAIR, VICE = T("Chủ tịch", "Chair"), T("Phó chủ tịch", "Vice-chair")

FORM_9C = Form(
    "9C-BTCTW",
    (
        T("THỐNG KÊ", "STATISTICS"),
        T("CÁN BỘ LÃNH ĐẠO, QUẢN LÝ CẤP HUYỆN", "LEADERS AND MANAGERS"),
        T("NĂM {year}", "YEAR {year}"),
    ),
    "post",
    (
        FormColumn(
            T("Ban chấp hành", "Party Committee"),
            "2",
            _flag("party_committee", "cadres.party_committee"),
        ),
        FormColumn(
            T("Ban thường vụ", "Standing Board"),
            "3",
            _flag("party_standing", "cadres.party_standing"),
        ),
        FormColumn(T("Bí thư", "Secretary"), "4", _cat("party_secretary"), (PARTY_LEAD,)),
        FormColumn(
            T("Phó bí thư", "Deputy Secretary"), "5", _cat("party_deputy_secretary"), (PARTY_LEAD,)
        ),
        FormColumn(CHAIR, "6", _cat("council_chair"), (COUNCIL_LEAD,)),
        FormColumn(VICE, "7", _cat("council_vice_chair"), (COUNCIL_LEAD,)),
        FormColumn(CHAIR, "8", _cat("committee_chair"), (COMMITTEE_LEAD,)),
        FormColumn(VICE, "9", _cat("committee_vice_chair"), (COMMITTEE_LEAD,)),
        FormColumn(CHAIR, "10", _cat("front_chair", "mass_org_head"), (FRONT_LEAD,)),
        FormColumn(VICE, "11", _cat("front_vice_chair", "mass_org_deputy"), (FRONT_LEAD,)),
    ),
    _leader_rows(basic_theory=True, analysis=False),
    source=SOURCE_BTCTW.format(code="9C-BTCTW"),
    issuer=ISSUER,
    signers=SIGNERS,
    name=T("Cán bộ lãnh đạo, quản lý", "Leaders and managers"),
)

# ---------------------------------------------------------------- 12C-BTCTW
MTTQ_LEAD = T("Lãnh đạo Ủy ban MTTQ, đoàn thể CT-XH", "Fatherland Front, mass organisations")


def _pool_of(body: str, words: Text) -> Criterion:
    """A succession pool the roster has no post for (membership of a Party body)."""
    return not_informed(f"succession.{body}", words)


FORM_12C = Form(
    "12C-BTCTW",
    (
        T("THỐNG KÊ", "STATISTICS"),
        T("KẾT QUẢ QUY HOẠCH CÁN BỘ CẤP HUYỆN", "SUCCESSION PLANNING RESULTS"),
        T("NĂM {year}", "YEAR {year}"),
    ),
    "post",
    (
        FormColumn(
            T("Uỷ viên BCH", "Party Committee members"),
            "2",
            _pool_of("party_committee", T("Uỷ viên BCH", "Committee")),
        ),
        FormColumn(
            T("Uỷ viên BTV", "Standing Board members"),
            "3",
            _pool_of("party_standing", T("Uỷ viên BTV", "Standing")),
        ),
        FormColumn(
            T("Ủy ban Kiểm tra", "Inspection Committee"),
            "4",
            _pool_of("inspection_committee", T("UBKT", "Inspection")),
        ),
        FormColumn(T("Bí thư", "Secretary"), "5", _plan("party_secretary")),
        FormColumn(T("Phó bí thư", "Deputy Secretary"), "6", _plan("party_deputy_secretary")),
        FormColumn(CHAIR, "7", _plan("committee_chair"), (COMMITTEE_LEAD,)),
        FormColumn(VICE, "8", _plan("committee_vice_chair"), (COMMITTEE_LEAD,)),
        FormColumn(CHAIR, "9", _plan("council_chair"), (COUNCIL_LEAD,)),
        FormColumn(VICE, "10", _plan("council_vice_chair"), (COUNCIL_LEAD,)),
        FormColumn(
            T("Cấp trưởng", "Heads"), "11", _plan("front_chair", "mass_org_head"), (MTTQ_LEAD,)
        ),
        FormColumn(
            T("Cấp phó", "Deputies"),
            "12",
            _plan("front_vice_chair", "mass_org_deputy"),
            (MTTQ_LEAD,),
        ),
    ),
    _leader_rows(basic_theory=False, analysis=True),
    source=SOURCE_BTCTW.format(code="12C-BTCTW"),
    unit_label=T("Đvt: Lượt người", "Unit: persons counted per title"),
    issuer=ISSUER,
    signers=SIGNERS,
    name=T("Kết quả quy hoạch cán bộ", "Succession planning"),
)

# ---------------------------------------------------------------- 10-BTCTW
TRAINED = T("Cán bộ được đào tạo, bồi dưỡng", "Cadres trained")
CLASSES = T("Số lớp đào tạo, bồi dưỡng", "Classes held")
PROVINCE, DISTRICT, COMMUNE = (
    T("Cấp tỉnh", "Province level"),
    T("Cấp huyện", "District level"),
    T("Cấp xã", "Commune level"),
)
TOTAL, LEADERS = (
    T("Tổng số", "Total"),
    T("Trong đó: Số cán bộ lãnh đạo, quản lý", "Of whom leaders and managers"),
)
OTHER_TIER = not_informed("cadres.tier", T("cán bộ cấp tỉnh, cấp huyện", "province, district"))
NO_CLASSES = not_informed("trainings.classes", T("số lớp", "classes"))


def _degree(level: str, place: str | None = None) -> Criterion:
    if place is None:
        return awarded_in_year("degrees", [level], T(level, level))
    return awarded_in_year(
        "degrees", [level], T(level, level), column="study_place", values=[place]
    )


def _course(level: str, mode: str | None = None) -> Criterion:
    if mode is None:
        return awarded_in_year("theory", [level], T(level, level))
    return awarded_in_year("theory", [level], T(level, level), column="study_mode", values=[mode])


def _trained(topic: str, place: str | None = None) -> Criterion:
    places = None if place is None else [place]
    return trained_in_year([topic], T(topic, topic), places=places)


PLACES = (
    ("domestic", T("+ Đào tạo trong nước", "+ in the country")),
    ("abroad", T("+ Đào tạo ngoài nước", "+ abroad")),
    ("joint", T("+ Đào tạo liên kết", "+ joint programme")),
)
MODES = (
    ("full_time", T("+ Hệ tập trung", "+ full time")),
    ("part_time", T("+ Hệ không tập trung", "+ part time")),
)
COURSE_PLACES = (
    ("domestic", T("+ Bồi dưỡng trong nước", "+ in the country")),
    ("abroad", T("+ Bồi dưỡng ngoài nước", "+ abroad")),
)
SPLIT = FormRow(T("chia ra", "of which"))


def _degree_rows() -> list[FormRow]:
    rows = []
    for level, words in (
        ("dai_hoc", T("- Đại học", "- university")),
        ("thac_si", T("- Thạc sỹ (tương đương)", "- master (or equivalent)")),
        ("tien_si", T("- Tiến sỹ (tương đương)", "- doctorate (or equivalent)")),
    ):
        rows.append(FormRow(words, _degree(level)))
        rows += [FormRow(w, _degree(level, p)) for p, w in PLACES]
    return rows


def _theory_rows() -> list[FormRow]:
    rows = []
    for level, words in (
        ("trung_cap", T("- Trung cấp LLCT", "- intermediate political theory")),
        ("cao_cap", T("- Cao cấp LLCT", "- advanced political theory")),
        ("cu_nhan", T("- Cử nhân LLCT", "- bachelor of political theory")),
    ):
        rows.append(FormRow(words, _course(level)))
        rows += [FormRow(w, _course(level, m)) for m, w in MODES]
    return rows


def _course_rows() -> list[FormRow]:
    rows = [
        FormRow(T("Nghiệp vụ xây dựng Đảng", "Party building"), _trained("party_building"), "1"),
        FormRow(
            T("Nghiệp vụ đoàn thể chính trị", "Mass organisation work"),
            _trained("mass_organisation"),
            "2",
        ),
    ]
    for number, topic, words in (
        ("3", "state_management", T("Quản lý nhà nước", "State management")),
        ("4", "economic_management", T("Quản lý kinh tế", "Economic management")),
        ("5", "foreign_language", T("Ngoại ngữ", "Foreign language")),
    ):
        rows.append(FormRow(words, _trained(topic), number))
        rows.append(FormRow(T("Chia ra", "of which")))
        rows += [FormRow(w, _trained(topic, p)) for p, w in COURSE_PLACES]
    rows += [
        FormRow(T("Tin học", "IT"), _trained("it"), "6"),
        FormRow(T("Cập nhật kiến thức mới", "Knowledge update"), _trained("knowledge_update"), "7"),
        FormRow(
            T("Quốc phòng- An ninh", "Defence and security"), _trained("defence_security"), "8"
        ),
        SPLIT,
    ]
    rows += [
        FormRow(
            T(f"- Đối tượng {k}", f"- group {k}"),
            not_informed("trainings.subject_group", T(f"đối tượng {k}", f"group {k}")),
        )
        for k in range(1, 5)
    ]
    return rows


DEGREES = tuple(_degree(lv) for lv in ("dai_hoc", "thac_si", "tien_si"))
COURSES = tuple(_course(lv) for lv in ("trung_cap", "cao_cap", "cu_nhan"))
TOPICS = (
    "party_building",
    "mass_organisation",
    "state_management",
    "economic_management",
    "foreign_language",
    "it",
    "knowledge_update",
    "defence_security",
)
TRAINING_ROWS = (
    FormRow(T("Đào tạo", "Education"), any_of(*DEGREES, *COURSES), "I"),
    FormRow(T("Đào tạo chuyên môn", "Professional education"), any_of(*DEGREES), "1"),
    SPLIT,
    *_degree_rows(),
    FormRow(T("Đào tạo chính trị", "Political theory"), any_of(*COURSES), "2"),
    SPLIT,
    *_theory_rows(),
    FormRow(T("Bồi dưỡng", "Courses"), trained_in_year(TOPICS, T("bồi dưỡng", "courses")), "II"),
    *_course_rows(),
)

FORM_10 = Form(
    "10-BTCTW",
    (
        T("THỐNG KÊ", "STATISTICS"),
        T("KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ NĂM {year}", "TRAINING RESULTS, YEAR {year}"),
    ),
    "programme",
    (
        FormColumn(TOTAL, "3=4+6+8", everyone(), (TRAINED,)),
        FormColumn(TOTAL, "4", OTHER_TIER, (TRAINED, PROVINCE)),
        FormColumn(LEADERS, "5", OTHER_TIER, (TRAINED, PROVINCE)),
        FormColumn(TOTAL, "6", OTHER_TIER, (TRAINED, DISTRICT)),
        FormColumn(LEADERS, "7", OTHER_TIER, (TRAINED, DISTRICT)),
        FormColumn(COMMUNE, "8", everyone(), (TRAINED,)),
        FormColumn(T("Tổng số lớp", "All classes"), "9=10+11", NO_CLASSES, (CLASSES,)),
        FormColumn(T("Cấp ủy cấp tỉnh mở", "Held by the province"), "10", NO_CLASSES, (CLASSES,)),
        FormColumn(T("Cấp ủy cấp huyện mở", "Held by the district"), "11", NO_CLASSES, (CLASSES,)),
    ),
    TRAINING_ROWS,
    source=SOURCE_BTCTW.format(code="10-BTCTW"),
    issuer=ISSUER,
    stub=T("Chương trình, hình thức đào tạo, bồi dưỡng", "Programme"),
    stub_number="2",
    number_heading=T("TT", "No."),
    number_number="1",
    signers=SIGNERS,
    name=T("Kết quả đào tạo, bồi dưỡng", "Training results"),
)
__all__ = ["FORM_9C", "FORM_10", "FORM_12C"]
