"""The national reporting forms, as data (declared by the built-in plugin).

Each form follows the printed layout of the official form: the title block, the column
headings and their numbers, the row labels and the signature block. Every cell counts
with the criteria the targets use; the fields each cell reads say when a roster cannot
inform it (the cell is then left blank and listed).

- Biểu 9C-BTCTW, 12C-BTCTW, 10-BTCTW (:mod:`._forms_btctw`): the statistical forms of
  the Central Organisation Commission (Ban Tổ chức Trung ương);
- BM02/BNV: Thông tư 11/2012/TT-BNV of 17 December 2012 of the Ministry of Home Affairs
  (reporting the number and quality of civil servants);
- Mẫu 02/CL.CBCCX: the quality of commune cadres and civil servants, one row per person.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from cadre_core.plugins.builtin._forms_btctw import (
    BASIC,
    FORM_9C,
    FORM_10,
    FORM_12C,
    MALE,
    PARTY,
    RELIGION,
    UNTRAINED,
    T,
    _education,
    _flag,
    _theory,
    _value,
)
from cadre_core.targets._criteria import Criterion, is_female, is_minority
from cadre_core.targets._field_criteria import (
    age_between,
    all_of,
    assignment_flag,
    everyone,
    list_contains,
    not_informed,
    number_between,
    past_retirement_age,
    trained_in_year,
)
from cadre_core.targets._forms import Form, FormColumn
from cadre_core.targets._target import Text

SOURCE_BM02 = (
    "Thông tư 11/2012/TT-BNV ngày 17/12/2012 của Bộ Nội vụ (chế độ báo cáo thống kê và "
    "quản lý hồ sơ công chức), mẫu BM02/BNV"
)
SOURCE_02CL = (
    "Mẫu số 02/CL.CBCCX (báo cáo chất lượng cán bộ, công chức cấp xã); bản mẫu nhận được "
    "không kèm bố cục in, cột dựng theo danh mục cột của mẫu"
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
    issuer=(T("UBND {commune}", "PEOPLE'S COMMITTEE OF {commune}"),),
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


__all__ = [
    "FORM_02CL",
    "FORM_9C",
    "FORM_10",
    "FORM_12C",
    "FORM_BM02",
    "NATIONAL_FORMS",
    "national_forms",
]
