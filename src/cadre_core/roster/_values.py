"""The values of coded columns: text keys, value aliases, and the conventions of real lists.

Each code list (education and theory levels, ratings, genders, position categories,
blocs, training topics, disciplinary measures) with every spelling read as each code; the
rewrites tried on a spelling that is not one (abbreviations, brackets, a unit after a
title); the diacritic-free keys that name one code; and the spellings refused on purpose,
with the note that says why (``docs/reading-real-lists.md`` gives each source).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from cadre_core.roster._values_codes import CODE_ENUMS as CODE_ENUMS  # (re-exported)
from cadre_core.roster._values_codes import DISCIPLINE_LEVELS as DISCIPLINE_LEVELS
from cadre_core.roster._values_forms import (
    DASHES,
    FORM_SPELLINGS,
    NO_LEVEL_HELD,
    SPECIALISED_REWRITES,
)
from cadre_core.roster._values_forms import FALSE_WORDS as FALSE_WORDS  # (yes/no words)
from cadre_core.roster._values_forms import TRUE_WORDS as TRUE_WORDS
from cadre_core.roster._values_titles import CATEGORY_REWRITES, CATEGORY_SPELLINGS
from cadre_core.vocab._enums import (
    Bloc,
    EducationLevel,
    Gender,
    RatingLevel,
    TheoryLevel,
    TrainingTopic,
)
from cadre_core.vocab._marks import UNMARKING, either_unmarked, unmarked
from cadre_core.vocab._vntext import INVISIBLE_CHARS as INVISIBLE_CHARS  # (every Cf char)
from cadre_core.vocab._vntext import OTHER_SPACES as OTHER_SPACES
from cadre_core.vocab._vntext import UNUSUAL_LEAD_BYTES as UNUSUAL_LEAD_BYTES

# ---------------------------------------------------------------------------- text keys

_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")


def text_key(text: str) -> str:
    """The comparison key of a text: NFC, case-folded (Đ -> đ), without invisible
    characters (:data:`INVISIBLE_CHARS`), any whitespace (a no-break space too) collapsed.

    >>> text_key("  Thạc \u00a0 SỸ ") == text_key("thạc\u200b sỹ")
    True
    """
    folded = _INVISIBLE.sub("", unicodedata.normalize("NFC", text).casefold())
    return _SPACE.sub(" ", folded).strip()


def ascii_key(text: str) -> str:
    """A diacritic-free key: a value matches by it only when it names one code of its
    column (:data:`ASCII_ALIASES`); otherwise it is for suggestions.

    >>> ascii_key("Cao  dẳng") == ascii_key("CAO ĐẲNG") == "cao dang"
    True
    """
    return unmarked(text_key(text))


# ------------------------------------------------------------------------- value aliases


def _aliases(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for member, names in table.items():
        code = str(member)
        out[text_key(code)] = code
        for n in names:
            out[text_key(n)] = code
    return out


def _rating_phrases(*levels: str) -> tuple[str, ...]:
    """A rating level in the wordings of the decrees and the older cadre regime:
    "<level> nhiệm vụ", "<level> chức trách, nhiệm vụ" (with or without the comma)."""
    tails = ("nhiệm vụ", "chức trách, nhiệm vụ", "chức trách nhiệm vụ")
    return tuple(f"{level} {tail}" for level in levels for tail in tails)


VALUE_ALIASES: Mapping[str, Mapping[str, str]] = {
    "gender": _aliases(
        {
            Gender.MALE: ("nam", "m", "trai", "nam giới"),
            Gender.FEMALE: ("nữ", "f", "gái", "nữ giới"),
        }
    ),
    "bloc": _aliases(
        {
            Bloc.PARTY_FRONT: (
                "khối đảng, mttq",
                "khối đảng",
                "đảng, mttq",
                "khối đảng - mttq",
                "đảng - mttq",
                "đảng và mttq",
                "khối đảng, mặt trận",
                "khối đảng, mặt trận và các đoàn thể",
                "khối đảng, đoàn thể",
                "khối mặt trận và các đoàn thể",
            ),
            Bloc.GOVERNMENT: (
                "khối chính quyền",
                "chính quyền",
                "khối chính quyền địa phương",
                "khối nhà nước",
                "khối hđnd, ubnd",
                "khối hđnd - ubnd",
                "khối hđnd và ubnd",
                "khối ubnd",
            ),
        }
    ),
    "category": _aliases(CATEGORY_SPELLINGS),
    "education": _aliases(
        {
            EducationLevel.TRUNG_CAP: (
                "trung cấp",
                "trung học chuyên nghiệp",
                "thcn",
                "trung cấp chuyên nghiệp",
                "tc chuyên nghiệp",
                "tccn",
                "tc",
                # the physician's assistant of the health sector, trained at trung cấp
                "y sĩ",
                "y sỹ",
            ),
            EducationLevel.CAO_DANG: ("cao đẳng", "cđ"),
            EducationLevel.DAI_HOC: (
                "đại học",
                "cử nhân",
                "kỹ sư",
                "kĩ sư",
                "đh",
                "cn đh",
                "cử nhân đại học",
                "ks",
                "ks đh",
                "kỹ sư đại học",
                "kĩ sư đại học",
                "kiến trúc sư",
                "bác sĩ",
                "bác sỹ",
                "dược sĩ",
                "dược sỹ",
            ),
            EducationLevel.THAC_SI: (
                "thạc sĩ",
                "thạc sỹ",
                "ths",
                "ths.",
                "thạc sĩ (tương đương)",
                "thạc sỹ (tương đương)",
                # a postgraduate degree of unstated level: at least a master's, the
                # lowest of them (never more than the list says)
                "trên đại học",
                "sau đại học",
                "trên đh",
                "sau đh",
            ),
            EducationLevel.TIEN_SI: (
                "tiến sĩ",
                "tiến sỹ",
                "ts",
                "ts.",
                "tiến sĩ (tương đương)",
                "tiến sỹ (tương đương)",
                # the doctorate of science, above the tiến sĩ of the older two-doctorate
                # system; tien_si is the highest level of the national framework
                "tiến sĩ khoa học",
                "tiến sỹ khoa học",
                "tskh",
                "ts khoa học",
            ),
        }
    ),
    "theory": _aliases(
        {
            # SC/TC/CC/CN: the column heads of Mẫu 02/CL.CBCCX and BM02/BNV (TT 11/2012)
            TheoryLevel.SO_CAP: ("sơ cấp", "sơ cấp llct", "sơ cấp lý luận chính trị", "sc"),
            TheoryLevel.TRUNG_CAP: (
                "tc",
                "trung cấp",
                "trung cấp llct",
                "trung cấp lý luận chính trị",
                "trung cấp chính trị",
            ),
            TheoryLevel.CAO_CAP: (
                "cc",
                "cao cấp",
                "cao cấp llct",
                "cao cấp lý luận chính trị",
                "cao cấp chính trị",
            ),
            TheoryLevel.CU_NHAN: (
                "cn",
                "cử nhân",
                "cử nhân llct",
                "cử nhân chính trị",
                "cử nhân lý luận chính trị",
            ),
        }
    ),
    "rating": _aliases(
        {
            # the four levels of Nghị định 90/2020/NĐ-CP and 335/2025/NĐ-CP, their
            # abbreviations, and the letters A-D of monthly classification lists, in order
            RatingLevel.EXCELLENT: (
                *_rating_phrases("hoàn thành xuất sắc"),
                "htxsnv",
                "htxs",
                "hoàn thành xuất sắc",
                "xuất sắc",
                "a",
            ),
            RatingLevel.GOOD: (
                *_rating_phrases("hoàn thành tốt"),
                "httnv",
                "htt",
                "hoàn thành tốt",
                "b",
            ),
            RatingLevel.COMPLETE: (
                *_rating_phrases("hoàn thành"),
                "htnv",
                "ht",
                "hoàn thành",
                "hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực",
                "htnv nhưng còn hạn chế về năng lực",
                "c",
            ),
            RatingLevel.INCOMPLETE: (
                *_rating_phrases("không hoàn thành", "chưa hoàn thành"),
                "khtnv",
                "kht",
                "không hoàn thành",
                "chưa hoàn thành",
                "d",
            ),
        }
    ),
    "discipline": _aliases(
        {
            "khien_trach": ("khiển trách",),
            "canh_cao": ("cảnh cáo",),
            "ha_bac_luong": ("hạ bậc lương",),
            "giang_chuc": ("giáng chức",),
            "cach_chuc": ("cách chức",),
            "bai_nhiem": ("bãi nhiệm",),
            "buoc_thoi_viec": ("buộc thôi việc",),
            "khai_tru": ("khai trừ", "khai trừ khỏi đảng", "khai trừ ra khỏi đảng"),
        }
    ),
    "topic": _aliases(
        {
            TrainingTopic.JOB_POSITION: ("vị trí việc làm", "bồi dưỡng theo vị trí việc làm"),
            TrainingTopic.DATA_GOVERNANCE: ("quản trị dữ liệu",),
            TrainingTopic.MODERN_MANAGEMENT: ("quản trị hiện đại", "quản lý hiện đại"),
            TrainingTopic.E_RECORDS: (
                "văn thư lưu trữ điện tử",
                "hồ sơ điện tử",
                "lưu trữ điện tử",
            ),
            TrainingTopic.TWO_TIER_GOVERNMENT: (
                "chính quyền hai cấp",
                "chính quyền địa phương hai cấp",
                "chính quyền 2 cấp",
            ),
            TrainingTopic.LAW: ("pháp luật", "kiến thức pháp luật"),
            TrainingTopic.ETHICS: ("đạo đức công vụ", "đạo đức"),
            TrainingTopic.OFFICE_CULTURE: ("văn hóa công sở", "văn hoá công sở"),
            TrainingTopic.IT: (
                "công nghệ thông tin",
                "cntt",
                "ứng dụng cntt",
                "ứng dụng công nghệ thông tin",
                "tin học",
                "tin học văn phòng",
                "ứng dụng tin học",
                "tin học ứng dụng",
            ),
            TrainingTopic.DIGITAL_TRANSFORMATION: ("chuyển đổi số", "cđs"),
            TrainingTopic.INNOVATION: ("đổi mới sáng tạo",),
            TrainingTopic.STATE_MANAGEMENT: ("quản lý nhà nước", "qlnn"),
            TrainingTopic.RETRAINING: ("đào tạo lại",),
            TrainingTopic.OTHER: ("khác",),
            TrainingTopic.PARTY_BUILDING: (
                "xây dựng đảng",
                "công tác xây dựng đảng",
                "công tác đảng",
                "nghiệp vụ công tác đảng",
                "nghiệp vụ công tác xây dựng đảng",
            ),
            TrainingTopic.MASS_ORGANISATION: (
                "công tác mặt trận",
                "công tác đoàn thể",
                "công tác mặt trận và đoàn thể",
                "nghiệp vụ công tác mặt trận",
                "nghiệp vụ công tác đoàn thể",
                "công tác dân vận",
            ),
            TrainingTopic.ECONOMIC_MANAGEMENT: ("quản lý kinh tế", "kiến thức quản lý kinh tế"),
            TrainingTopic.FOREIGN_LANGUAGE: ("ngoại ngữ", "tiếng anh", "anh văn"),
            TrainingTopic.KNOWLEDGE_UPDATE: (
                "cập nhật kiến thức",
                "bồi dưỡng cập nhật kiến thức",
                "cập nhật kiến thức mới",
            ),
            TrainingTopic.DEFENCE_SECURITY: (
                # (a comma separates topics: "quốc phòng, an ninh" is read as two)
                "quốc phòng - an ninh",
                "quốc phòng an ninh",
                "quốc phòng và an ninh",
                "kiến thức quốc phòng - an ninh",
                "kiến thức quốc phòng và an ninh",
                "qp-an",
                "qpan",
                "qp - an",
                "quốc phòng",
                "an ninh",
            ),
        }
    ),
    # the fields for the forms and the indicator codes (roster/_values_forms.py)
    **{name: _aliases(spellings) for name, spellings in FORM_SPELLINGS.items()},
}


def _notes(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {text_key(value): note for note, values in table.items() for value in values}


# (in a list, the cell is the person's: left blank; a table's row is the level: left out)
_NO_DEGREE = "no degree: leave the cell blank; in a degrees table, omit the row"
_NO_LEVEL = "no level: leave the cell blank; in a theory table, omit the row"
_NOT_RATED = "not rated: leave the cell blank; in a ratings table, omit the row"
_BELOW = "below trung_cap, the lowest counted: leave the cell blank; in a table, omit the row"


def _and_unmarked(codes: str, notes: dict[str, str]) -> dict[str, str]:
    """The notes of a code list's refused values, and of the same typed without diacritics
    ("chu tich"), unless an alias of the list has that diacritic-free key."""
    taken = {ascii_key(k) for k in VALUE_ALIASES[codes]}
    return {**{ascii_key(k): n for k, n in notes.items() if ascii_key(k) not in taken}, **notes}


# Values real forms contain that cannot be mapped to one code: reported with a note, never
# guessed (a note replaces the suggestion: a near spelling of another code would mislead);
# typed without diacritics, the same
_REFUSED: Mapping[str, dict[str, str]] = {
    "education": _notes(
        {
            "ambiguous: trung_cap or below; record the actual level": ("dưới cao đẳng",),
            "ambiguous: thac_si or tien_si (a form heading, not a value)": (
                "thạc sỹ, tiến sỹ",
                "thạc sĩ, tiến sĩ",
            ),
            _BELOW: (
                "sơ cấp",
                "sc",
                "công nhân kỹ thuật, nhân viên nghiệp vụ, sơ cấp",
                "công nhân kỹ thuật",
            ),
            "ambiguous: cử nhân (dai_hoc) or công nhân (below trung_cap); write the level": ("cn",),
            # the same "none" as every level's column (NO_LEVEL_HELD: "không", "-" ...)
            _NO_DEGREE: ("chưa có bằng cm", "(chưa có bằng cm)", *sorted(NO_LEVEL_HELD)),
        }
    ),
    "theory": _notes(
        {
            "ambiguous: cao_cap or cu_nhan (a form heading, not a value)": ("cao cấp, cử nhân",),
            _NO_LEVEL: tuple(sorted(NO_LEVEL_HELD)),
        }
    ),
    "rating": _notes(
        {
            _NOT_RATED: (
                "không đánh giá",
                "không xếp loại",
                "không phân loại",
                "chưa đánh giá",
                "chưa xếp loại",
                "chưa phân loại",
                *DASHES,
            ),
        }
    ),
    "gender": _notes(
        {
            "numeric codes mean male in some systems and female in others; write Nam or Nữ": (
                "0",
                "1",
            ),
        }
    ),
    "category": _notes(
        {
            "ambiguous: the chair of which body (HĐND, UBND, MTTQ, ...)?": (
                "chủ tịch",
                "phó chủ tịch",
            ),
            "ambiguous: the head or deputy of which body?": ("cấp trưởng", "cấp phó"),
            "a membership, not a post: give the post held": (
                "ủy viên",
                "uỷ viên",
                "đảng viên",
                "thường trực",
                "thường vụ",
                "ủy viên bch",
                "uỷ viên bch",
            ),
            "ambiguous: which post? (professional, department head, ...)": (
                "nhân viên",
                "cán bộ",
            ),
        }
    ),
}
AMBIGUOUS_VALUES: Mapping[str, Mapping[str, str]] = {
    codes: _and_unmarked(codes, notes) for codes, notes in _REFUSED.items()
}

# Ordered rewrites of a value's key tried when the key itself is not an alias: abbreviations
# clerks write, a bracketed whole value, and the unit named after a title ("Chủ tịch UBND
# phường", "Bí thư Đảng ủy xã ..." since the 2025 reform: xã, phường, đặc khu).
_WHOLE_BRACKETS = (r"^\((.+)\)$", r"\1")


def _ascii_unique(aliases: Mapping[str, str]) -> dict[str, str]:
    """Diacritic-free keys that belong to one code only (``cao dang`` -> cao_dang)."""
    codes: dict[str, set[str]] = {}
    for key, code in aliases.items():
        codes.setdefault(ascii_key(key), set()).add(code)
    return {key: next(iter(found)) for key, found in codes.items() if len(found) == 1}


def _levels(codes: str) -> str:
    """The spellings of a level code list as one alternation, longest first (``tskh``
    before ``ts``): the lead words of a level written with more after it, with and without
    diacritics (those without, when they name one level: ``dai hoc``)."""
    keys = {k for k in VALUE_ALIASES[codes] if "_" not in k and "(" not in k}
    keys |= {k for k in _ascii_unique(VALUE_ALIASES[codes]) if "_" not in k and "(" not in k}
    return "|".join(re.escape(k) for k in sorted(keys, key=lambda k: (-len(k), k)))


def unmarked_rewrites(rewrites: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The rewrites of a code list (:data:`VALUE_REWRITES`), then the key without its
    diacritics and the same rewrites without theirs: a value typed without diacritics
    ("Bi thu Dang uy xa") is rewritten as the same with them is. Tried after every rewrite
    of a value with its diacritics, they leave every value read by those as it is.

    >>> rewrites = unmarked_rewrites((("phó bí thư", "bí thư"),))
    >>> rewrites[0], rewrites[-1]
    (('phó bí thư', 'bí thư'), ('pho bi thu', 'bi thu'))
    """
    return (*rewrites, *UNMARKING, *((unmarked(p), unmarked(r)) for p, r in rewrites))


# "Đại học Luật", "Cử nhân kinh tế", "Thạc sĩ Quản lý kinh tế", "Trung cấp kế toán", "Đại
# học (tại chức)": the level, a field or a mode after it. Not when what follows names a
# political-theory level (a theory column's value), a medical specialist's or resident's
# degree (chuyên khoa, nội trú: above the level word), a degree under way (đang học, chưa
# tốt nghiệp), a second level, a form heading ("Đại học trở lên") or a list (commas,
# slashes): those stay unread.
_EDUCATION_LEVEL = _levels("education")
_NOT_THE_LEVEL = (
    _EDUCATION_LEVEL
    + "|"
    + either_unmarked(
        r"trung học|chính trị|llct|ll|lý luận|chuyên khoa|ck\w*|nội trú|đang|"
        r"chưa|sơ cấp|cao cấp|trở lên|trở xuống"
    )
)
# "CN Hành chính", "CN Luật": CN (cử nhân or công nhân) with a field after it is the
# bachelor's; alone, or before a worker's words ("CN kỹ thuật", "CN bậc 3", "CN lành
# nghề", "CN may"), it stays unread; before a level ("cn đh") the level reads it
_WORKER_WORDS = either_unmarked(
    r"k[ỹĩ] thuật|kt|lành nghề|bậc|nghề|lao động|may|nhà máy|xí nghiệp|công ty|hợp đồng|"
    r"viên chức|nông trường|lâm trường|sản xuất|vận hành"
)
BACHELOR_LETTERS = rf"^cn(?=[\s.:(\-–]+\S)(?![\s.:(\-–]+(?:{_WORKER_WORDS}|{_EDUCATION_LEVEL})\b)"
_BACHELOR_FIRST = (BACHELOR_LETTERS, "cử nhân")
# "Dược sĩ trung học", "Kỹ sư cao đẳng", "Điều dưỡng trung cấp": a profession, then the
# level it was trained at, which is the level (trung học: the old name of trung cấp)
_PROFESSIONS = either_unmarked(
    r"(?:bác|dược|y) s[ĩỹ]|k[ỹĩ] sư|kiến trúc sư|cử nhân|điều dưỡng|hộ sinh|k[ỹĩ] thuật viên"
)
_AT_LEVEL = r"\s+(?:trình độ\s+|trinh do\s+)?"
_PROFESSION_LEVEL = (
    (rf"^(?:{_PROFESSIONS}){_AT_LEVEL}(?:trung học|trung hoc)$", "trung cấp"),
    (rf"^(?:{_PROFESSIONS}){_AT_LEVEL}({either_unmarked('trung cấp|cao đẳng|đại học')})$", r"\1"),
)
_LEVEL_FIRST = (
    rf"^({_EDUCATION_LEVEL})(?!.*[,/;+&])(?!.*\b(?:{_NOT_THE_LEVEL})\b)[\s.:(\-–]+\S.*$",
    r"\1",
)
# "TC LLCT", "Cử nhân CT", "Sơ cấp LL", "Trung cấp chính trị - hành chính" (the programme's
# name since the 2000s): the level, the words that say it is political theory after it
_THEORY_WORDS = either_unmarked(
    r"(?:llct|ct|lý luận chính trị|chính trị|lý luận|ll(?:\s*(?:chính trị|ct))?)"
    r"(?:\s*[-–]?\s*hành chính|\s*-\s*hc)?"
)
_THEORY_FIRST = (rf"^({_levels('theory')})\s+(?:{_THEORY_WORDS})$", r"\1")
_STUDY_MODES = either_unmarked(
    r"tại chức|tập trung|không tập trung|chính quy|vừa làm vừa học|hoàn chỉnh"
)
# the letters clerks write for how a degree was studied (chính quy, tại chức, văn bằng 2,
# vừa làm vừa học, liên thông, từ xa) and for a teachers' (sư phạm) degree: after the
# level's own letters, glued ("ĐHCQ", "CĐSP", "TCSP") or in brackets ("ĐH (TC)", where TC
# is the mode, not a second level)
_MODE_LETTERS = r"cq|tc|vb2|vlvh|lt|tx|sp"
_LEVEL_LETTERS = r"đh|cđ|tc|dh|cd"
# "ĐHSP Toán", "CĐSP Mầm non", "ĐHTC Luật": those letters, then a field (groups: the
# level's letters, the mode's, the field; roster/_level_field.py reads the field)
GLUED_LEVEL = (
    rf"^({_LEVEL_LETTERS})({_MODE_LETTERS})(?!.*[,/;+&])(?!.*\b(?:{_NOT_THE_LEVEL})\b)\s+(\S.*)$"
)
_LETTERS_FIRST = (GLUED_LEVEL, r"\1")
VALUE_REWRITES: Mapping[str, tuple[tuple[str, str], ...]] = {
    # and "CC Văn phòng - Thống kê" (CC: công chức before a duty), "Phó Chủ tịch Thường trực
    # HĐND", "Phó BT TT Đảng ủy" (the standing deputy, thường trực or TT, is the deputy)
    # "Bi thu Dang uy xa", "Cong chuc Tu phap - Ho tich": typed without diacritics, the
    # same rewrites without theirs
    "category": unmarked_rewrites(
        (
            _WHOLE_BRACKETS,
            (r"^cc\.?\s+(?=\S)", "công chức "),
            *CATEGORY_REWRITES,
            (r"^(phó (?:chủ tịch|bí thư))\s+(?:thường trực|tt)\b", r"\1"),
        )
    ),
    # "KHỐI ĐẢNG, MẶT TRẬN VÀ CÁC ĐOÀN THỂ", "Khối MTTQ và các tổ chức chính trị - xã hội",
    # "Khối Đảng - đoàn thể": the Party, the Front and the unions in any of their names,
    # joined by commas, dashes or "và", are the one bloc; "Khối chính quyền địa phương"
    "bloc": (
        (
            r"^(?=khối\s|đảng)(?:khối\s+)?(?:đảng(?=$|[\s,–-]))?(?:[\s,–-]*(?:và\s+)?(?:ủy ban\s+|ub)?"
            r"(?:mttq|mặt trận(?:\s+tổ quốc(?:\s+việt nam)?)?))?(?:[\s,–-]*(?:và\s+)?(?:các\s+)?"
            r"(?:hội,?\s+)?(?:đoàn thể|tổ chức)(?:\s+chính trị\s*[-–]?\s*xã hội)?)?$",
            "khối đảng",
        ),
        (
            r"^khối\s+(?:chính quyền(?:\s+địa phương)?|nhà nước|(?:hđnd\s*[,–-]?\s*(?:và\s+)?)?ubnd)$",
            "khối chính quyền",
        ),
    ),
    "education": (
        _WHOLE_BRACKETS,
        (rf"^({_LEVEL_LETTERS})(?:{_MODE_LETTERS})$", r"\1"),
        (rf"^({_EDUCATION_LEVEL})\s*\((?:{_MODE_LETTERS})\)$", r"\1"),
        *_PROFESSION_LEVEL,
        _LETTERS_FIRST,
        _BACHELOR_FIRST,
        _LEVEL_FIRST,
    ),
    "theory": (
        _WHOLE_BRACKETS,
        # "CCLLCT", "TCCT", "CNCT": the level's letters and those of the subject, glued
        (r"^(sc|tc|cc|cn)(?:llct|ct)$", r"\1"),
        # "Cao cấp (tại chức)", "Cao cấp (hệ tập trung)": the study mode in brackets
        (rf"^(.+?)\s*\((?:h[ệe]\s+)?(?:{_STUDY_MODES})\)$", r"\1"),
        _THEORY_FIRST,
    ),
    # "HTT NV", "Hoàn thành tốt nhiệm vụ (HTTNV)", "... năm 2024", "Loại A", the level of
    # Nghị định 90/2020 "Hoàn thành nhiệm vụ nhưng còn hạn chế (về năng lực)"
    "rating": (
        _WHOLE_BRACKETS,
        (r"\s+năm\s+\d{4}$", ""),
        # "Hoàn thành tốt nhiệm vụ được giao": the duties given, the duties
        (r"\s+được giao$", ""),
        (r"\s*\([^()]*\)$", ""),
        (r"^(htxs|htt|ht|kht)\s+nv$", r"\1nv"),
        # the abbreviations inside a wording: "HT XSNV", "HT tốt NV", "Không HTNV"
        (r"^không\s+ht", "kht"),
        (r"\bhtnv\b", "hoàn thành nhiệm vụ"),
        (r"\bxsnv\b", "xuất sắc nhiệm vụ"),
        (r"\btnv\b", "tốt nhiệm vụ"),
        (r"\bht\b", "hoàn thành"),
        (r"\bnv\b", "nhiệm vụ"),
        (r"^loại\s+([abcd])$", r"\1"),
        (r"^hoàn thành nhiệm vụ,? nhưng còn hạn chế(?:\s.*)?$", "hoàn thành nhiệm vụ"),
    ),
    # "Bồi dưỡng QLNN", "Kiến thức chuyển đổi số", "QLNN ngạch chuyên viên", "Chính quyền
    # địa phương 2 cấp", "Chứng chỉ tin học B", "Ứng dụng CNTT cơ bản", "Kiến thức QP-AN
    # đối tượng 3": the topic after the words for a course or a certificate, before the
    # programme, the level or the group of learners
    "topic": (
        _WHOLE_BRACKETS,
        (
            r"^(?:(?:lớp|khóa|khoá|khóa học|khoá học|chứng chỉ|chương trình)\s+)?"
            r"(?:bồi dưỡng\s+)?(?:kiến thức\s+)?(?=\S)",
            "",
        ),
        (r"\s+(?:cơ bản|nâng cao|(?:trình độ\s+)?[abc]|(?:cho\s+)?đối tượng\s+\d+)$", ""),
        (r"^(quản lý nhà nước|qlnn)\s+(?:ngạch|chương trình|theo tiêu chuẩn ngạch)\b.*$", r"\1"),
        (r"\b2 cấp\b", "hai cấp"),
    ),
    # "Kỷ luật khiển trách", "Hình thức: Cảnh cáo": the measure after the word for it
    "discipline": (
        _WHOLE_BRACKETS,
        (r"^(?:hình thức\s*)?(?:kỷ luật|kỉ luật)?\s*:?\s*(?=\S)", ""),
        # "Khiển trách (Đảng)", "Cảnh cáo về chính quyền": the measure, whoever took it
        (r"\s*(?:\(|-\s*|về\s+)(?:đảng|chính quyền|đoàn thể)\)?$", ""),
    ),
    # "Ngạch: Kiểm tra viên chính Hải quan": the prefix, then the specialised grade's
    # role and tier (roster/_values_forms.py)
    "grade": (
        _WHOLE_BRACKETS,
        (r"^(?:mã ngạch|mã số ngạch|ngạch)\s*:?\s*", ""),
        *SPECIALISED_REWRITES,
    ),
    # "Tiếng Anh B1", "Anh văn trình độ B", "B1 tiếng Anh", "Đại học tiếng Anh": the level
    "language": (
        _WHOLE_BRACKETS,
        (r"\b(?:tiếng|anh văn|ngoại ngữ)\b", " "),
        (r"\b(?:anh|pháp|nga|trung|trung quốc|hàn|hàn quốc|nhật|lào|đức)\b", " "),
        (r"\btrình độ\b", " "),
        (r"\s+", " "),
    ),
    "it_level": (_WHOLE_BRACKETS, (r"\b(?:chứng chỉ|trình độ)\b", " "), (r"\s+", " ")),
    # "12/12 bổ túc", "9/12 (BT)": the grade
    "general_education": (_WHOLE_BRACKETS, (r"\s*\(?(?:bổ túc|bt|btvh|phổ thông)\)?$", "")),
    "council_level": (_WHOLE_BRACKETS, (r"^(?:đại biểu|đb)\s+", ""), (r"^hđnd\s+", "")),
}


#: Per code list: diacritic-free key -> code, for keys no two codes share. A value typed
#: without (or with wrong) diacritics ("Cao dẳng", "Giám Dốc", "Nu") is read by it.
ASCII_ALIASES: Mapping[str, Mapping[str, str]] = {
    codes: _ascii_unique(aliases) for codes, aliases in VALUE_ALIASES.items()
}

NO_RELIGION = frozenset(
    text_key(w)
    for w in ("không", "không có", "không theo tôn giáo", "không tôn giáo", "không theo đạo", "-")
)
"""Spellings of "no religion" in the ``religion`` column (a blank cell says the same)."""
