"""The spellings of the fields for the official forms and of the indicator codes.

The code lists that ``roster-format.md`` ("Fields for the forms") and
``roster-extensions.md`` (the ``indicators`` table) added to the roster: civil-service
grades (ngạch), state-management, IT and foreign-language levels, general education,
academic titles, People's Council levels, where and how a course was taken, and the
socio-economic indicators of the plan's section II.2.b. Each maps a code to the spellings
real lists use; :mod:`cadre_core.roster._values` turns them into its value-alias tables
with the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from cadre_core.vocab._enums import (
    GRADE_CODES,
    AcademicTitle,
    CivilServiceGrade,
    CouncilLevel,
    GeneralEducation,
    IndicatorCode,
    ItLevel,
    LanguageLevel,
    StateManagementLevel,
    StudyMode,
    StudyPlace,
)
from cadre_core.vocab._ethnic import KINH, canonical_ethnicity
from cadre_core.vocab._marks import unmarked

__all__ = [
    "DASHES",
    "FALSE_WORDS",
    "FIELD_YES",
    "FORM_SPELLINGS",
    "NONE_HELD_CODES",
    "NO_LEVEL_HELD",
    "SPECIALISED_CODES",
    "SPECIALISED_REWRITES",
    "SPECIALISED_ROLES",
    "SPECIALISED_TIERS",
    "TRUE_WORDS",
    "names_ethnic_language",
]


#: The form's optional levels a list or a record fills with a word for "none held"
#: ("Quản lý nhà nước: Chưa", "Ngoại ngữ: Không", "Tin học: Chưa qua đào tạo") or with a
#: dash, as typed lists fill every cell they leave empty ("-", "–"): such a cell is blank,
#: no level held. Not a degree's, a theory level's or a rating's column, whose "none" (the
#: same words and dashes, :data:`NO_LEVEL_HELD`) is refused on purpose with a note (the
#: cell is to be left blank; in a table of its own no row is to be written for it).
NONE_HELD_CODES = ("state_management", "it_level", "language", "general_education")
_NONE_WORDS = tuple(
    f"{none}{what}"
    for none in ("không", "chưa")
    for what in ("", " có", " học", " đào tạo", " qua", " qua đào tạo", " qua đt", " qua bồi dưỡng")
)
#: the dashes a clerk fills an empty cell with
DASHES = ("-", "--", "–", "—")
NO_LEVEL_HELD = frozenset((*_NONE_WORDS, *(f"({w})" for w in _NONE_WORDS), *DASHES))


#: The specialised grades (ngạch chuyên ngành) named "<role> [tier] [field]", in four
#: tiers like the administrative ones: "<role> cao cấp" (loại A3, as chuyên viên cao
#: cấp), "<role> chính" (A2), "<role>" (A1, as chuyên viên), "<role> trung cấp" (as cán
#: sự): Nghị định 204/2004/NĐ-CP, Bảng 2, and the ministries' circulars on each family
#: (e.g. Thông tư 29/2022/TT-BTC for accounting, tax and customs). Roles whose tiers are
#: named otherwise (chấp hành viên, kiểm sát viên: sơ cấp, trung cấp, cao cấp) are not
#: among them: "trung cấp" is not the same tier there.
SPECIALISED_ROLES: tuple[str, ...] = (
    "kế toán viên",
    "văn thư viên",
    "lưu trữ viên",
    "thanh tra viên",
    "kiểm tra viên",
    "kiểm soát viên",
    "kiểm toán viên",
    "thống kê viên",
    "kiểm lâm viên",
    "kiểm dịch viên",
)

#: The codes (mã số ngạch) of specialised grades, by the administrative grade of their
#: tier: văn thư (02.006-02.008, Thông tư 02/2021/TT-BNV), lưu trữ (02.012-02.014),
#: thanh tra (04.023-04.025), kế toán (06.029-06.032), thuế (06.036-06.038, 06.040),
#: hải quan (08.049-08.053) and the employees' grades of Bảng 4 (01.006-01.011: typists,
#: technical staff, clerks, service staff, drivers, guards), Nghị định 204/2004/NĐ-CP.
SPECIALISED_CODES: Mapping[CivilServiceGrade, tuple[str, ...]] = {
    CivilServiceGrade.CHUYEN_VIEN_CAO_CAP: ("02.012", "04.023", "06.029", "06.036", "08.049"),
    CivilServiceGrade.CHUYEN_VIEN_CHINH: (
        "02.006",
        "02.013",
        "04.024",
        "06.030",
        "06.037",
        "08.050",
    ),
    CivilServiceGrade.CHUYEN_VIEN: ("02.007", "02.014", "04.025", "06.031", "06.038", "08.051"),
    CivilServiceGrade.CAN_SU: ("02.008", "06.032", "08.052"),
    CivilServiceGrade.NHAN_VIEN: (
        "01.006",
        "01.007",
        "01.008",
        "01.009",
        "01.010",
        "01.011",
        "06.040",
        "08.053",
        "lái xe cơ quan",
    ),
}

#: The tiers of the specialised grades, by the administrative grade of the same tier ("":
#: the role alone, as chuyên viên): the one table both the aliases ("kiểm tra viên chính")
#: and the rewrites ("Kiểm tra viên Hải quan chính") read a specialised grade by.
SPECIALISED_TIERS: Mapping[CivilServiceGrade, str] = {
    CivilServiceGrade.CHUYEN_VIEN_CAO_CAP: "cao cấp",
    CivilServiceGrade.CHUYEN_VIEN_CHINH: "chính",
    CivilServiceGrade.CHUYEN_VIEN: "",
    CivilServiceGrade.CAN_SU: "trung cấp",
}

_ROLE = "(?:" + "|".join(SPECIALISED_ROLES) + ")"
_TIERS = tuple(tier for tier in SPECIALISED_TIERS.values() if tier)
_TIER = "(?:" + "|".join(_TIERS) + ")"
# a tier word in what follows a role and tier: another tier ("sơ cấp" is none of these)
_ANOTHER_TIER = "|".join(("sơ cấp", *_TIERS))

#: Rewrites of a grade's value that leave its specialised role and tier only, in order
#: (:data:`cadre_core.roster._values.VALUE_REWRITES`): "Nhân viên hải quan" is nhân
#: viên; a tier written after the field ("Kiểm tra viên hải quan chính", but not the
#: "chính" of "tài chính" or "hành chính") moves before it; the field after the role and
#: tier ("Kiểm tra viên chính Hải quan") is left out, unless it holds a tier word of its
#: own ("Kế toán viên sơ cấp" is another tier: not read).
SPECIALISED_REWRITES: tuple[tuple[str, str], ...] = (
    (r"^nhân viên\s\S.*$", "nhân viên"),
    (rf"^({_ROLE})\s(?:.*\s)?(?<!tài )(?<!hành )({_TIER})$", r"\1 \2"),
    (rf"^({_ROLE}(?:\s{_TIER})?)\s(?!.*\b(?:{_ANOTHER_TIER})\b).+$", r"\1"),
)


def _specialised(grade: CivilServiceGrade) -> tuple[str, ...]:
    """The specialised grades at the tier of the administrative ``grade``
    (:data:`SPECIALISED_TIERS`; none for nhân viên): forms count each with the
    administrative grade of the same tier ("chuyên viên và tương đương")."""
    if grade not in SPECIALISED_TIERS:
        return ()
    return tuple(
        " ".join(f"{name} {SPECIALISED_TIERS[grade]}".split()) for name in SPECIALISED_ROLES
    )


def _and_unmarked(*spellings: str) -> tuple[str, ...]:
    """Spellings, then those of them with diacritics typed without ("tai chuc").

    >>> _and_unmarked("tại chức", "vlvh")
    ('tại chức', 'vlvh', 'tai chuc')
    """
    return (*spellings, *(unmarked(w) for w in spellings if unmarked(w) != w))


def _school_years() -> dict[GeneralEducation, tuple[str, ...]]:
    """General education as "grade/years of the system" (``9/12``, ``7/10``): the
    12-year system (primary 1-5, lower secondary 6-9, upper 10-12) and the older 10-year
    system of the North (cấp I 1-4, cấp II 5-7, cấp III 8-10)."""
    out: dict[GeneralEducation, list[str]] = {g: [] for g in GeneralEducation}
    for years, bounds in ((12, (5, 9)), (10, (4, 7))):
        for grade in range(1, years + 1):
            level = (
                GeneralEducation.TIEU_HOC
                if grade <= bounds[0]
                else GeneralEducation.THCS
                if grade <= bounds[1]
                else GeneralEducation.THPT
            )
            out[level].append(f"{grade}/{years}")
    return {level: tuple(names) for level, names in out.items()}


_SCHOOL_YEARS = _school_years()

# the certificate levels of foreign languages: A, B, C (the older national certificates),
# A1-C2 and bậc 1-6 (the six-level framework, Thông tư 01/2014/TT-BGDĐT)
_LANGUAGE_CERTIFICATES = (
    "chứng chỉ",
    "chứng chỉ ngoại ngữ",
    *(f"{prefix}{level}" for prefix in ("", "chứng chỉ ", "trình độ ") for level in "abc"),
    *(f"{level}{n}" for level in "abc" for n in (1, 2)),
    *(f"bậc {n}" for n in range(1, 7)),
    *(f"bậc {n}/6" for n in range(1, 7)),
    "ielts",
    "toeic",
    "toefl",
)


#: code list -> code -> the spellings read as that code
FORM_SPELLINGS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    # Civil-service grade (ngạch), Thông tư 02/2021/TT-BNV, Điều 3: names, abbreviations,
    # codes, and the "tương đương" wordings of forms that count specialised grades with
    # the administrative one of the same level
    "grade": {
        grade: (
            name,
            f"ngạch {name}",
            f"{name} và tương đương",
            f"tương đương {name}",
            f"{name} (tương đương)",
            f"{name} hoặc tương đương",
            GRADE_CODES[grade.value],
            *abbreviations,
        )
        for grade, name, abbreviation in (
            (CivilServiceGrade.NHAN_VIEN, "nhân viên", "nv"),
            (CivilServiceGrade.CAN_SU, "cán sự", "cs"),
            (CivilServiceGrade.CHUYEN_VIEN, "chuyên viên", "cv"),
            (CivilServiceGrade.CHUYEN_VIEN_CHINH, "chuyên viên chính", "cvc"),
            (CivilServiceGrade.CHUYEN_VIEN_CAO_CAP, "chuyên viên cao cấp", "cvcc"),
        )
        for abbreviations in [(abbreviation, *_specialised(grade), *SPECIALISED_CODES[grade])]
    },
    # the state-management programme completed, named by the grade it is for
    "state_management": {
        level: (
            name,
            abbreviation,
            f"qlnn ngạch {name}",
            f"quản lý nhà nước ngạch {name}",
            f"qlnn {name}",
            f"qlnn {abbreviation}",
            f"quản lý nhà nước {name}",
            f"{name} và tương đương",
            f"ngạch {name}",
        )
        for level, name, abbreviation in (
            (StateManagementLevel.CHUYEN_VIEN, "chuyên viên", "cv"),
            (StateManagementLevel.CHUYEN_VIEN_CHINH, "chuyên viên chính", "cvc"),
            (StateManagementLevel.CHUYEN_VIEN_CAO_CAP, "chuyên viên cao cấp", "cvcc"),
        )
    },
    "it_level": {
        ItLevel.CO_BAN: (
            "cơ bản",
            "cntt cơ bản",
            "tin học cơ bản",
            "ứng dụng cntt cơ bản",
            "chuẩn kỹ năng sử dụng cntt cơ bản",
            "chuẩn kỹ năng ứng dụng cntt cơ bản",
            "kỹ năng sử dụng cntt cơ bản",
            "a",
            "b",
            "chứng chỉ a",
            "chứng chỉ b",
            "tin học a",
            "tin học b",
            "trình độ a",
            "trình độ b",
            "chứng chỉ tin học",
            "tin học văn phòng",
        ),
        ItLevel.NANG_CAO: (
            "nâng cao",
            "cntt nâng cao",
            "tin học nâng cao",
            "ứng dụng cntt nâng cao",
            "chuẩn kỹ năng sử dụng cntt nâng cao",
            "kỹ năng sử dụng cntt nâng cao",
            "c",
            "chứng chỉ c",
            "tin học c",
            "trình độ c",
        ),
        ItLevel.TRUNG_CAP_TRO_LEN: (
            "trung cấp trở lên",
            "trung cấp",
            "cao đẳng",
            "đại học",
            "thạc sĩ",
            "thạc sỹ",
            "tiến sĩ",
            "tiến sỹ",
            "trung cấp cntt",
            "trung cấp tin học",
            "cao đẳng cntt",
            "cao đẳng tin học",
            "đại học cntt",
            "đại học tin học",
            "cử nhân cntt",
            "cử nhân tin học",
            "kỹ sư cntt",
            "kỹ sư tin học",
        ),
    },
    "language": {
        LanguageLevel.CHUNG_CHI: _LANGUAGE_CERTIFICATES,
        LanguageLevel.DAI_HOC: (
            "đại học",
            "cử nhân",
            "đại học ngoại ngữ",
            "cử nhân ngoại ngữ",
            "thạc sĩ",
            "thạc sỹ",
            "tiến sĩ",
            "tiến sỹ",
            "đại học trở lên",
        ),
    },
    "general_education": {
        GeneralEducation.TIEU_HOC: (
            *_SCHOOL_YEARS[GeneralEducation.TIEU_HOC],
            "tiểu học",
            "th",
            "cấp 1",
            "cấp i",
        ),
        GeneralEducation.THCS: (
            *_SCHOOL_YEARS[GeneralEducation.THCS],
            "trung học cơ sở",
            "thcs",
            "cấp 2",
            "cấp ii",
            "tốt nghiệp thcs",
        ),
        GeneralEducation.THPT: (
            *_SCHOOL_YEARS[GeneralEducation.THPT],
            "trung học phổ thông",
            "thpt",
            "cấp 3",
            "cấp iii",
            "tốt nghiệp thpt",
            "phổ thông trung học",
            "ptth",
            "bổ túc thpt",
            "btvh",
        ),
    },
    "academic_title": {
        AcademicTitle.PHO_GIAO_SU: ("phó giáo sư", "pgs", "pgs."),
        AcademicTitle.GIAO_SU: ("giáo sư", "gs", "gs."),
    },
    "council_level": {
        CouncilLevel.COMMUNE: (
            "xã",
            "phường",
            "thị trấn",
            "đặc khu",
            "cấp xã",
            "hđnd xã",
            "hđnd cấp xã",
            "hđnd phường",
            "hđnd thị trấn",
            "hđnd đặc khu",
            "đại biểu hđnd xã",
            "đbhđnd xã",
        ),
        CouncilLevel.DISTRICT: (
            "huyện",
            "cấp huyện",
            "hđnd huyện",
            "hđnd cấp huyện",
            "đại biểu hđnd huyện",
            "đbhđnd huyện",
        ),
        CouncilLevel.PROVINCE: (
            "tỉnh",
            "cấp tỉnh",
            "hđnd tỉnh",
            "hđnd cấp tỉnh",
            "đại biểu hđnd tỉnh",
            "đbhđnd tỉnh",
        ),
    },
    "study_place": {
        StudyPlace.DOMESTIC: ("trong nước", "việt nam", "đào tạo trong nước"),
        StudyPlace.ABROAD: ("nước ngoài", "ngoài nước", "đào tạo ở nước ngoài", "du học"),
        StudyPlace.JOINT: (
            "liên kết",
            "liên kết nước ngoài",
            "liên kết đào tạo",
            "liên kết với nước ngoài",
            "liên kết quốc tế",
        ),
    },
    # and the same without diacritics, the mode after a degree's level typed so ("Dai hoc
    # tai chuc": no field)
    "study_mode": {
        StudyMode.FULL_TIME: _and_unmarked("tập trung", "chính quy", "học tập trung", "tt"),
        StudyMode.PART_TIME: _and_unmarked(
            "không tập trung",
            "tại chức",
            "vừa làm vừa học",
            "vlvh",
            "ktt",
            "học không tập trung",
        ),
    },
    # the socio-economic indicators of section II.2.b of the plan (docs/roster-extensions.md)
    "indicator": {
        IndicatorCode.ECONOMIC_GROWTH: (
            "tốc độ tăng trưởng kinh tế",
            "tăng trưởng kinh tế",
            "tốc độ tăng trưởng",
            "tốc độ tăng trưởng kinh tế (grdp)",
            "tăng trưởng grdp",
        ),
        IndicatorCode.BUDGET_REVENUE: (
            "thu ngân sách nhà nước trên địa bàn",
            "thu ngân sách trên địa bàn",
            "thu ngân sách nhà nước",
            "thu ngân sách",
            "thu nsnn",
            "thu nsnn trên địa bàn",
        ),
        IndicatorCode.PUBLIC_INVESTMENT: (
            "giải ngân vốn đầu tư công",
            "tiến độ giải ngân vốn đầu tư công",
            "tỷ lệ giải ngân vốn đầu tư công",
            "giải ngân đầu tư công",
        ),
        IndicatorCode.INCOME_PER_HEAD: (
            "thu nhập bình quân đầu người",
            "thu nhập bình quân",
            "thu nhập bq đầu người",
        ),
        IndicatorCode.POVERTY_REDUCTION: (
            "giảm tỷ lệ hộ nghèo",
            "kết quả giảm tỷ lệ hộ nghèo",
            "tỷ lệ giảm hộ nghèo",
            "giảm hộ nghèo",
            "mức giảm tỷ lệ hộ nghèo",
        ),
    },
}


# "Thái", "tiếng Mông", "Hmông, Dao": the languages of the ethnic minorities, named with or
# without "tiếng" (the language of), one or a list
_LANGUAGE_WORD = re.compile(r"^(?:tiếng|tieng)\s+")
_LANGUAGE_LIST = re.compile(r"\s*(?:[,;/+&]|\bvà\b)\s*")

#: The words of a yes/no cell, as keys (:func:`~cadre_core.roster._values.text_key`): yes
#: ("x", "có", "1", a tick) and no ("không", "0", a dash, blank).
TRUE_WORDS = frozenset(("true", "1", "x", "có", "yes", "y", "đúng", "✓", "v"))
FALSE_WORDS = frozenset(("false", "0", "không", "no", "n", "sai", "-", ""))
# a yes/no cell's own words, and "có"/"không" typed without their accents: no language
# named, where "có" and "co" would read as the Co people's
_ANSWERS = TRUE_WORDS | FALSE_WORDS | {"co", "khong"}


def names_ethnic_language(key: str) -> bool:
    """Whether a cell (its key: case-folded) names the language of one or more of the 53
    ethnic minorities, not Vietnamese (Kinh): the answer yes to the form's "tiếng dân tộc"
    (knows an ethnic minority's language), written as the language known.

    >>> [names_ethnic_language(k) for k in ("thái", "tiếng mông", "hmông, dao", "h'mông")]
    [True, True, True, True]
    >>> [names_ethnic_language(k) for k in ("kinh", "tiếng anh", "có", "", "thái, anh")]
    [False, False, False, False, False]
    """
    parts = [p for p in _LANGUAGE_LIST.split(key.strip()) if p]
    if any(p in _ANSWERS for p in parts):  # "có" answers the question: no language named
        return False  # (and is no "Co" read without its accent)
    named = [canonical_ethnicity(_LANGUAGE_WORD.sub("", p)) for p in parts]
    return bool(named) and all(n is not None and n != KINH for n in named)


#: The yes/no columns (by name) that also read as yes a cell that names what the question
#: asks about, each with the test of a cell's key: "Tiếng dân tộc: Thái" is yes.
FIELD_YES: Mapping[str, Callable[[str], bool]] = {"ethnic_language": names_ethnic_language}
