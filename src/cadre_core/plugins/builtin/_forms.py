"""The national reporting forms, as data (declared by the built-in plugin).

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

from collections.abc import Sequence

import attrs

from cadre_core.targets._criteria import (
    Criterion,
    age_between,
    all_of,
    any_of,
    assignment_flag,
    awarded_in_year,
    everyone,
    field_flag,
    holds_category,
    is_female,
    is_minority,
    level_in,
    list_contains,
    negated,
    not_informed,
    number_between,
    past_retirement_age,
    planned_for,
    trained_in_year,
    value_in,
)
from cadre_core.targets._forms import Form, FormColumn, FormRow
from cadre_core.targets._target import Text

SOURCE_BTCTW = "Biểu mẫu thống kê của Ban Tổ chức Trung ương (biểu số {code})"
SOURCE_BM02 = (
    "Thông tư 11/2012/TT-BNV ngày 17/12/2012 của Bộ Nội vụ (chế độ báo cáo thống kê và "
    "quản lý hồ sơ công chức), mẫu BM02/BNV"
)
SOURCE_02CL = (
    "Mẫu số 02/CL.CBCCX (báo cáo chất lượng cán bộ, công chức cấp xã); bản mẫu nhận được "
    "không kèm bố cục in, cột dựng theo danh mục cột của mẫu"
)

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

# ---------------------------------------------------------------- BM02/BNV
AMONG = T("Trong đó", "Of whom")
BY_GRADE = T("Chia theo ngạch viên chức", "By grade")
BY_LEVEL = T("Chia theo trình độ", "By qualification")
BY_AGE = T("Chia theo độ tuổi", "By age")
PROF, POL = T("Chuyên môn", "Professional"), T("Chính trị", "Political theory")
IT, LANG = T("Tin học", "IT"), T("Ngoại ngữ", "Foreign language")
QLNN = T("QLNN", "State management")
FIFTIES = T("Trên 51 đến 60", "51 to 60")
LANGUAGE_NAME = not_informed("cadres.foreign_language_name", T("tên ngoại ngữ", "which language"))


def _grade(code: str) -> Criterion:
    return _value("grade", "cadres.grade", code)


def _state(*codes: str) -> Criterion:
    return _value("state_management", "cadres.state_management", *codes)


def _unit_columns() -> tuple[FormColumn, ...]:
    cols: list[tuple[Text, Criterion, tuple[Text, ...]]] = [
        (T("Đảng viên", "Party members"), PARTY, (AMONG,)),
        (T("Phụ nữ", "Women"), is_female(), (AMONG,)),
        (T("Dân tộc ít người", "Ethnic minorities"), is_minority(), (AMONG,)),
        (T("Tôn giáo", "Religion"), RELIGION, (AMONG,)),
        (
            T("Chuyên viên cao cấp và TĐ", "Senior principal"),
            _grade("chuyen_vien_cao_cap"),
            (BY_GRADE,),
        ),
        (T("Chuyên viên chính và TĐ", "Principal"), _grade("chuyen_vien_chinh"), (BY_GRADE,)),
        (T("Chuyên viên và tương đương", "Specialist"), _grade("chuyen_vien"), (BY_GRADE,)),
        (T("Cán sự và tương đương", "Assistant"), _grade("can_su"), (BY_GRADE,)),
        (T("Nhân viên", "Staff"), _grade("nhan_vien"), (BY_GRADE,)),
        (T("Tiến sĩ", "Doctorate"), _education("tien_si"), (BY_LEVEL, PROF)),
        (T("Thạc sĩ", "Master"), _education("thac_si"), (BY_LEVEL, PROF)),
        (T("Đại học", "University"), _education("dai_hoc"), (BY_LEVEL, PROF)),
        (T("Cao đẳng", "College"), _education("cao_dang"), (BY_LEVEL, PROF)),
        (T("Trung cấp", "Vocational"), _education("trung_cap"), (BY_LEVEL, PROF)),
        (T("Sơ cấp", "Basic"), BASIC, (BY_LEVEL, PROF)),
        (T("Cử nhân", "Bachelor"), _theory("cu_nhan"), (BY_LEVEL, POL)),
        (T("Cao cấp", "Advanced"), _theory("cao_cap"), (BY_LEVEL, POL)),
        (T("Trung cấp", "Intermediate"), _theory("trung_cap"), (BY_LEVEL, POL)),
        (T("Sơ cấp", "Basic"), _theory("so_cap"), (BY_LEVEL, POL)),
        (
            T("Trung cấp trở lên", "IT degree"),
            _value("it_level", "cadres.it_level", "trung_cap_tro_len"),
            (BY_LEVEL, IT),
        ),
        (
            T("Chứng chỉ", "Certificate"),
            _value("it_level", "cadres.it_level", "co_ban", "nang_cao"),
            (BY_LEVEL, IT),
        ),
        (T("Đại học", "Degree"), LANGUAGE_NAME, (BY_LEVEL, LANG, T("Anh văn", "English"))),
        (T("Chứng chỉ", "Certificate"), LANGUAGE_NAME, (BY_LEVEL, LANG, T("Anh văn", "English"))),
        (
            T("Đại học", "Degree"),
            LANGUAGE_NAME,
            (BY_LEVEL, LANG, T("Ngoại ngữ khác", "Other languages")),
        ),
        (
            T("Chứng chỉ", "Certificate"),
            LANGUAGE_NAME,
            (BY_LEVEL, LANG, T("Ngoại ngữ khác", "Other languages")),
        ),
        (
            T("Chứng chỉ tiếng dân tộc", "Ethnic language"),
            _flag("ethnic_language", "cadres.ethnic_language"),
            (BY_LEVEL,),
        ),
        (
            T("Chuyên viên cao cấp và TĐ", "Senior principal"),
            _state("chuyen_vien_cao_cap"),
            (BY_LEVEL, QLNN),
        ),
        (T("Chuyên viên chính và TĐ", "Principal"), _state("chuyen_vien_chinh"), (BY_LEVEL, QLNN)),
        (T("Chuyên viên và tương đương", "Specialist"), _state("chuyen_vien"), (BY_LEVEL, QLNN)),
        (T("Dưới 30", "30 or under"), age_between(None, 30), (BY_AGE,)),
        (T("Từ 31 đến 40", "31 to 40"), age_between(31, 40), (BY_AGE,)),
        (T("Từ 41 đến 50", "41 to 50"), age_between(41, 50), (BY_AGE,)),
        (T("Tổng số", "Total"), age_between(51, 60), (BY_AGE, FIFTIES)),
        (
            T("Nữ từ 51 đến 55", "Women 51 to 55"),
            all_of(is_female(), age_between(51, 55)),
            (BY_AGE, FIFTIES),
        ),
        (
            T("Nam từ 56 đến 60", "Men 56 to 60"),
            all_of(MALE, age_between(56, 60)),
            (BY_AGE, FIFTIES),
        ),
        (T("Trên tuổi nghỉ hưu", "Past retirement age"), past_retirement_age(), (BY_AGE,)),
        (
            T("Công chức luân chuyển từ cấp huyện", "Rotated from the district"),
            assignment_flag("rotation", T("luân chuyển", "rotated"), "assignments.rotation"),
            (),
        ),
    ]
    first = FormColumn(
        T("Tổng số biên chế được giao", "Posts allotted"),
        "1",
        everyone(T("vị trí", "posts"), unit="positions"),
        unit="positions",
        sum_of="quota",
    )
    return (first,) + tuple(
        FormColumn(words, str(k), crit, groups) for k, (words, crit, groups) in enumerate(cols, 2)
    )


FORM_BM02 = Form(
    "BM02-BNV",
    (
        T(
            "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÔNG CHỨC TỪ CẤP HUYỆN TRỞ LÊN NĂM {year}",
            "NUMBER AND QUALITY OF CIVIL SERVANTS, YEAR {year}",
        ),
    ),
    "unit",
    _unit_columns(),
    source=SOURCE_BM02,
    unit_label=T("Đơn vị tính: người", "Unit: persons"),
    issuer=(
        T("BM02/BNV", "BM02/BNV"),
        T(
            "(Ban hành kèm theo Thông tư số 11/2012/TT-BNV ngày 17 tháng 12 năm 2012 của Bộ Nội vụ)",
            "(Issued with Circular 11/2012/TT-BNV of 17 December 2012 of the Ministry of Home Affairs)",
        ),
        T("Đơn vị báo cáo:", "Reporting unit:"),
        T("Đơn vị nhận báo cáo:", "Receiving unit:"),
    ),
    stub=T("Tên đơn vị", "Unit"),
    stub_number="B",
    number_heading=T("STT", "No."),
    number_number="A",
    form_label=T("Ngày báo cáo: {day}", "Report date: {day}"),
    signers=(
        (T("NGƯỜI LẬP BIỂU", "PREPARED BY"), T("(Ký, ghi rõ họ và tên)", "(Signature, full name)")),
        (
            T("THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF THE UNIT"),
            T("(Ký, đóng dấu, ghi rõ họ và tên)", "(Signature, seal, full name)"),
        ),
    ),
    name=T("Số lượng, chất lượng công chức", "Number and quality of civil servants"),
)

# ---------------------------------------------------------------- 02/CL.CBCCX
BIRTH = T("Ngày sinh", "Birth date")
EDU, THEO = (
    T("Trình độ chuyên môn", "Professional education"),
    T("Lý luận chính trị", "Political theory"),
)
AGE = T("Độ tuổi", "Age")
FIFTY = T("Từ 51 đến 60", "51 to 60")
INSURANCE = T("Bảo hiểm xã hội", "Social insurance")
YEARS = T("Số năm đóng BHXH", "Years insured")
COUNCIL = T("Đại biểu HĐND", "People's Council deputy")
GENERAL = T("Trình độ văn hóa", "General education")
STATE = T("Quản lý nhà nước", "State management")
FOREIGN = T("Ngoại ngữ", "Foreign language")


def _years(low: int | None, high: int | None) -> Criterion:
    return number_between(
        "insurance_years", low, high, T("BHXH", "insurance"), "cadres.insurance_start"
    )


def _person_columns() -> tuple[FormColumn, ...]:
    it = ("it_level", "cadres.it_level")
    fl = ("foreign_language", "cadres.foreign_language")
    cols: list[FormColumn] = [
        FormColumn(T("Họ và tên", "Full name"), value="full_name"),
        FormColumn(T("Nam", "Men"), criterion=MALE, groups=(BIRTH,), value="birth_date"),
        FormColumn(T("Nữ", "Women"), criterion=is_female(), groups=(BIRTH,), value="birth_date"),
        FormColumn(T("Dân tộc", "Ethnicity"), value="ethnicity"),
    ]
    ticks: list[tuple[Text, Criterion, tuple[Text, ...]]] = [
        (T("Chưa qua đào tạo", "None"), UNTRAINED, (EDU,)),
        (T("Sơ cấp", "Basic"), BASIC, (EDU,)),
        (T("Trung cấp", "Vocational"), _education("trung_cap"), (EDU,)),
        (T("Cao đẳng", "College"), _education("cao_dang"), (EDU,)),
        (T("Đại học", "University"), _education("dai_hoc"), (EDU,)),
        (T("Thạc sĩ, Tiến sĩ", "Master, doctorate"), _education("thac_si", "tien_si"), (EDU,)),
        (T("Sơ cấp", "Basic"), _theory("so_cap"), (THEO,)),
        (T("Trung cấp", "Intermediate"), _theory("trung_cap"), (THEO,)),
        (T("Cao cấp", "Advanced"), _theory("cao_cap"), (THEO,)),
        (T("Cử nhân", "Bachelor"), _theory("cu_nhan"), (THEO,)),
        (T("Từ 30 trở xuống", "30 or under"), age_between(None, 30), (AGE,)),
        (T("Từ 31 đến 40", "31 to 40"), age_between(31, 40), (AGE,)),
        (T("Từ 41 đến 50", "41 to 50"), age_between(41, 50), (AGE,)),
        (T("Tổng số", "Total"), age_between(51, 60), (AGE, FIFTY)),
        (
            T("Nữ từ 51 đến 55", "Women 51 to 55"),
            all_of(is_female(), age_between(51, 55)),
            (AGE, FIFTY),
        ),
        (T("Nam từ 56 đến 60", "Men 56 to 60"), all_of(MALE, age_between(56, 60)), (AGE, FIFTY)),
        (T("Trên 60", "Over 60"), age_between(61, None), (AGE,)),
    ]
    cols += [FormColumn(w, criterion=c, groups=g) for w, c, g in ticks]
    cols.append(
        FormColumn(
            T("Thời điểm bắt đầu đóng BHXH", "Insured since"),
            groups=(INSURANCE,),
            value="insurance_start",
        )
    )
    ticks = [
        (T("Dưới 15 năm", "Under 15 years"), _years(None, 14), (INSURANCE, YEARS)),
        (T("Từ 15 đến 20 năm", "15 to 20 years"), _years(15, 20), (INSURANCE, YEARS)),
        (T("Từ 21 đến 30 năm", "21 to 30 years"), _years(21, 30), (INSURANCE, YEARS)),
        (T("Trên 30 năm", "Over 30 years"), _years(31, None), (INSURANCE, YEARS)),
        (T("Đảng viên", "Party member"), PARTY, ()),
        (T("Tôn giáo", "Religion"), RELIGION, ()),
        (
            T("Xã", "Commune"),
            list_contains("council_deputy", "commune", T("xã", "commune"), "cadres.council_deputy"),
            (COUNCIL,),
        ),
        (
            T("Huyện", "District"),
            list_contains(
                "council_deputy", "district", T("huyện", "district"), "cadres.council_deputy"
            ),
            (COUNCIL,),
        ),
        (
            T("Tỉnh", "Province"),
            list_contains(
                "council_deputy", "province", T("tỉnh", "province"), "cadres.council_deputy"
            ),
            (COUNCIL,),
        ),
        (
            T("Cấp ủy cấp xã", "Commune Party Committee"),
            _flag("party_committee", "cadres.party_committee"),
            (),
        ),
        (
            T("Tiểu học", "Primary"),
            _value("general_education", "cadres.general_education", "tieu_hoc"),
            (GENERAL,),
        ),
        (
            T("THCS", "Lower secondary"),
            _value("general_education", "cadres.general_education", "thcs"),
            (GENERAL,),
        ),
        (
            T("THPT", "Upper secondary"),
            _value("general_education", "cadres.general_education", "thpt"),
            (GENERAL,),
        ),
        (T("Chưa qua bồi dưỡng", "None"), _state("none"), (STATE,)),
        (T("Chuyên viên", "Specialist"), _state("chuyen_vien"), (STATE,)),
        (
            T("Chuyên viên chính trở lên", "Principal or higher"),
            _state("chuyen_vien_chinh", "chuyen_vien_cao_cap"),
            (STATE,),
        ),
        (T("Chưa có", "None"), _value(*it, "none"), (IT,)),
        (T("Cơ bản", "Basic"), _value(*it, "co_ban"), (IT,)),
        (T("Nâng cao", "Advanced"), _value(*it, "nang_cao"), (IT,)),
        (T("Trung cấp trở lên", "Degree"), _value(*it, "trung_cap_tro_len"), (IT,)),
        (T("Chưa có", "None"), _value(*fl, "none"), (FOREIGN,)),
        (T("Chứng chỉ", "Certificate"), _value(*fl, "chung_chi"), (FOREIGN,)),
        (T("Đại học trở lên", "Degree"), _value(*fl, "dai_hoc"), (FOREIGN,)),
        (
            T("Tiếng dân tộc", "Ethnic language"),
            _flag("ethnic_language", "cadres.ethnic_language"),
            (FOREIGN,),
        ),
        (
            T("Bồi dưỡng QP-AN", "Defence and security"),
            trained_in_year(["defence_security"], T("QP-AN", "defence"), ever=True),
            (),
        ),
    ]
    cols += [FormColumn(w, criterion=c, groups=g) for w, c, g in ticks]
    return tuple(attrs.evolve(c, number=str(k)) for k, c in enumerate(cols, 2))


FORM_02CL = Form(
    "02-CL-CBCCX",
    (
        T(
            "BÁO CÁO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC CẤP XÃ",
            "QUALITY OF COMMUNE CADRES AND CIVIL SERVANTS",
        ),
        T("NĂM {year}", "YEAR {year}"),
    ),
    "person",
    _person_columns(),
    source=SOURCE_02CL,
    issuer=(T("UBND XÃ …", "COMMUNE PEOPLE'S COMMITTEE …"),),
    stub=T("STT", "No."),
    stub_number="1",
    form_label=T("Mẫu số 02/CL.CBCCX", "Form 02/CL.CBCCX"),
    signers=(
        (T("NGƯỜI LẬP BIỂU", "PREPARED BY"), T("(Ký, ghi rõ họ và tên)", "(Signature, full name)")),
        (
            T("CHỦ TỊCH UBND XÃ", "CHAIR OF THE COMMUNE PEOPLE'S COMMITTEE"),
            T("(Ký, đóng dấu, ghi rõ họ và tên)", "(Signature, seal, full name)"),
        ),
    ),
    name=T("Chất lượng cán bộ, công chức cấp xã", "Quality of commune cadres"),
)

NATIONAL_FORMS: tuple[Form, ...] = (FORM_9C, FORM_12C, FORM_10, FORM_BM02, FORM_02CL)


def national_forms() -> Sequence[Form]:
    """The national forms (the built-in plugin's ``cadre_forms``).

    >>> [f.code for f in national_forms()]
    ['9C-BTCTW', '12C-BTCTW', '10-BTCTW', 'BM02-BNV', '02-CL-CBCCX']
    """
    return NATIONAL_FORMS


__all__ = ["NATIONAL_FORMS", "national_forms"]
