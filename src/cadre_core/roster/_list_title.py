"""What a list's title rows say: the day it is as of (:func:`title_day`), else the period
it covers (:func:`title_period`), and the commune (:func:`title_commune`).

A list names them in its first rows, above its header ("UBND XÃ MƯỜNG THAN", "DANH SÁCH
CÁN BỘ, CÔNG CHỨC (tính đến ngày 31/12/2025)") or in the line it was signed on ("Lai Châu,
ngày 15 tháng 01 năm 2026"); the list reader (:mod:`cadre_core.roster._flat`) gives them
the texts of those rows, read in NFC whatever form they were saved in (a Mac writes
decomposed Unicode, NFD).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

import attrs

from cadre_core.vocab._dates import DAY_FIRST_BODY, DAY_WORDS_BODY, parse_day
from cadre_core.vocab._marks import unmarked

# the day a list is "as of", most explicit first: "tính đến ngày 31/12/2025", "thời điểm
# báo cáo: 31/12/2025", "tính đến ngày 31 tháng 12 năm 2025", "tính đến tháng 12/2025" (the
# month's last day), "(Số liệu) đến hết ngày 30/9/2025" (the day's end: the same day); then
# any "ngày 31 tháng 12 năm 2025" (the day a list was signed, as in "Lai Châu, ngày 15
# tháng 01 năm 2026", only when it names no other). A day is spelled as in a date column
# (vocab's DAY_FIRST_BODY, DAY_WORDS_BODY): a new spelling reaches both.
_AS_OF = r"(?:tính\s+)?(?:đến(?:\s+hết)?|tại|thời\s+điểm(?:\s+báo\s+cáo)?)\s*:?\s+"
_DAY = (
    re.compile(_AS_OF + DAY_FIRST_BODY, re.I),
    re.compile(_AS_OF + DAY_WORDS_BODY, re.I),
    re.compile(r"(?:tính\s+)?đến\s+(?:hết\s+)?tháng\s+(\d{1,2})\s*(?:/|\s+năm\s+)\s*(\d{4})", re.I),
    re.compile(r"(?=ngày\s)" + DAY_WORDS_BODY, re.I),  # the signing day: after "ngày"
)
# the period a report covers, when its title names no day: "Tháng 04/2025", "tháng 4 năm
# 2025", "Quý II/2025", "6 tháng đầu năm 2025", "năm 2013" (most specific first); a title
# line that also names a day (a signing line, a decision's date) names no period
_PERIOD = (
    ("month", re.compile(r"\btháng\s+(\d{1,2})\s*(?:[/.\-]|\s+năm\s+)\s*(\d{4})\b", re.I)),
    ("quarter", re.compile(r"\bquý\s+(IV|I{1,3}|[1-4])\s*(?:[/.\-]|\s+năm\s+)\s*(\d{4})\b", re.I)),
    ("half", re.compile(r"\b6\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})\b", re.I)),
    ("year", re.compile(r"\bnăm\s+(\d{4})\b", re.I)),
)
_NAMES_A_DAY = re.compile(f"{DAY_FIRST_BODY}|{DAY_WORDS_BODY}", re.I)
_HALF_FIRST = ("đầu", "dau")  # "6 tháng đầu năm", "6 thang dau nam"
_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# "xã hội" (of the national motto) is not a commune
_COMMUNE = re.compile(r"\b(xã(?!\s+hội\b)|phường|thị trấn|đặc khu)\s+([^,;:()\n]+)", re.I)
# what ends a commune's name: the words after it, and the national motto on the same line
# (a line Word lays out in two with a tab, "UBND XÃ NẬM CUỔI<tab>CỘNG HÒA XÃ HỘI …")
_COMMUNE_END = re.compile(
    r"\s+(?:tính|năm|huyện|tỉnh|thành phố|đến|tại|ngày|cộng\s+h(?:òa|oà))\b.*$", re.I
)


# the words of a list's title (or its sheet's name) saying it lists the people who left,
# whole words: "DANH SÁCH CÁN BỘ, CÔNG CHỨC GIẢM TRONG NĂM 2025", "ĐÃ NGHỈ HƯU", "THÔI
# VIỆC", "CHUYỂN ĐI"; never "giảm nghèo" (a programme), "tinh giảm" or "cắt giảm" (a
# policy of cutting posts, under which people may still be at work), the age or the plan
# to retire ("đến tuổi nghỉ hưu", "sắp nghỉ hưu": people still at work), nor a line that
# also says "tăng" (a list of the year's changes both ways, a header of counts "Tăng,
# giảm")
_LEFT_WORDS = (
    r"(?<!\w)(?:(?<!tinh\s)(?<!cắt\s)giảm{}"
    r"|(?<!tuổi\s)(?<!chờ\s)(?<!sắp\s)(?<!kiến\s)(?<!bị\s)(?<!báo\s)nghỉ\s+hưu"
    r"|thôi\s+việc|nghỉ\s+việc|chuyển\s+đi)(?!\w)"
)
_LEFT = re.compile(_LEFT_WORDS.format(r"(?!\s+(?:nghèo|thiểu|trừ))"), re.I)
_BOTH_WAYS = re.compile(r"(?<!\w)tăng(?!\w)", re.I)
# a place named in a title line ("UBND XÃ NẬM GIẢM"): its name is no word of the title;
# it ends where the title goes on ("XÃ NẬM CUỔI GIẢM TRONG NĂM 2025": the commune is "Nậm
# Cuổi")
_PLACE = re.compile(
    r"(?<!\w)(?:xã(?!\s+hội\b)|phường|thị\s+trấn|đặc\s+khu|huyện|tỉnh|thôn|bản|tổ)\s+"
    r"(?:(?!(?:giảm|nghỉ|thôi|chuyển)\s+(?:trong|năm|từ|do|kỳ|quý|tháng|hưu|việc|đi)\b)"
    r"[^\s,;:()]+\s*){1,4}",
    re.I,
)


def _plain_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without the marks of its words, from a word's start, for the title
    lines typed without diacritics ("tinh den ngay 31/12/2025", "UBND XA NAM TAM")."""
    return re.compile(r"(?<!\w)" + unmarked(pattern.pattern), pattern.flags)


# the patterns of a title line typed without any diacritic, each the same as its own's,
# from a word's start ("tai" is no "Retail")
_PLAIN_DAY = tuple(_plain_pattern(p) for p in _DAY)
_PLAIN_PERIOD = tuple((kind, _plain_pattern(p)) for kind, p in _PERIOD)
_PLAIN_NAMES_A_DAY = _plain_pattern(_NAMES_A_DAY)
_PLAIN_COMMUNE = _plain_pattern(_COMMUNE)
# the leavers' words ("DANH SACH CAN BO NGHI HUU", "THOI VIEC"); "giam" only in "giam trong
# nam" ("giam" alone may be "giám", as in "giam doc", the director, or "giam")
_PLAIN_LEFT = _plain_pattern(re.compile(_LEFT_WORDS.format(r"(?=\s+trong\s)"), re.I))
_PLAIN_BOTH_WAYS = _plain_pattern(_BOTH_WAYS)
_PLAIN_PLACE = _plain_pattern(_PLACE)
# a commune's name goes on after a word that, without its marks, may be a name's ("XA NAM
# TAM": "nam" ends it only before a year, "den" and "tai" before a day)
_PLAIN_COMMUNE_END = re.compile(
    r"\s+(?:tinh|huyen|thanh\s+pho|cong\s+hoa|(?:nam|ngay)(?=\s+\d)"
    r"|(?:den|tai)(?=\s+(?:het\s+|thoi\s+)?(?:ngay|thang|diem)))\b.*$",
    re.I,
)


def _is_plain(text: str) -> bool:
    """Whether a title line is typed without any diacritic (its words' marks lost)."""
    return unmarked(text) == text


def _composed(texts: list[str]) -> list[str]:
    """The title rows ``texts`` in NFC: a list saved on a Mac writes them decomposed
    (NFD), each tone mark a character of its own, which no pattern of this module
    matches.

    >>> _composed([unicodedata.normalize("NFD", "tính đến")]) == ["tính đến"]
    True
    """
    return [unicodedata.normalize("NFC", text) for text in texts]


def title_leavers(texts: list[str], name: str = "") -> str | None:
    """The words by which a list's title rows (the lines above its header), else the name
    of its sheet, say that it lists the people who left ("giảm trong năm", "nghỉ hưu",
    "thôi việc", "chuyển đi"; whole words), or None: a staffing report's page of leavers,
    whose people are no staff on the list's day. A line that also says "tăng" (the year's
    changes both ways), a place's name ("Xã Nậm Giảm"), "giảm nghèo" and the age to retire
    ("đến tuổi nghỉ hưu") say nothing of it.

    >>> title_leavers(["UBND XÃ NẬM CUỔI", "DANH SÁCH CÁN BỘ, CÔNG CHỨC GIẢM TRONG NĂM 2025"])
    'GIẢM'
    >>> title_leavers(["DANH SÁCH CÁN BỘ"], "Nghỉ hưu 2025")
    'Nghỉ hưu'
    >>> title_leavers(["UBND XÃ NẬM GIẢM", "DANH SÁCH CÁN BỘ TĂNG, GIẢM NĂM 2025"], "Tăng giảm")
    >>> title_leavers(["DANH SÁCH CÁN BỘ ĐẾN TUỔI NGHỈ HƯU NĂM 2026"]) is None
    True
    >>> title_leavers(["DANH SÁCH CÁN BỘ THUỘC DIỆN TINH GIẢM BIÊN CHẾ"]) is None
    True
    >>> title_leavers(["DANH SACH CAN BO NGHI HUU NAM 2025"]), title_leavers(["PHO GIAM DOC"])
    ('NGHI HUU', None)
    """
    for text in _composed([*texts, name]):
        plain = _is_plain(text)
        line = (_PLAIN_PLACE if plain else _PLACE).sub(" ", " ".join(text.split()))
        m = (_PLAIN_LEFT if plain else _LEFT).search(line)
        if m is not None and (_PLAIN_BOTH_WAYS if plain else _BOTH_WAYS).search(line) is None:
            return m.group(0)
    return None


# the words of a sheet's name saying it holds instructions or an example, whole words of
# its diacritic-free key: "Hướng dẫn", "Huong dan", "HDSD", "Ví dụ", "Mẫu ví dụ", "Cách
# ghi", "Giải thích", "Instructions", "Example"; never a guidance document cited by its
# number ("Hướng dẫn 26", "05-HD/BTCTW") or followed ("DS theo hướng dẫn": the list is
# made as it says), nor a form's number ("Mẫu 01": "Mẫu" alone says nothing)
_EXAMPLE_NAME = re.compile(
    r"(?<![\w/-])(?<!theo )(?:huong\s+dan|hd)(?![\w/-])(?!\s*(?:so\s*)?\d)"
    r"|(?<!\w)(?:vi\s+du|vd|hdsd|cach\s+ghi|giai\s+thich|instructions?|examples?)(?!\w)"
)
# a line introducing an example, alone above its table: "Ví dụ:", "VD:", "Ví dụ minh họa:"
# (never a hint that goes on after its colon, "Ví dụ: 01/01/1980")
_EXAMPLE_LINE = re.compile(r"^(?:vi\s+du|vd)(?:\s+[^\W\d_]+){0,3}\s*[:.]?$")


def _plain(text: str) -> str:
    """``text`` in NFC, each character lower-case without its marks ("Đ" is "d"), one
    character for one, so that a match's place is that of the text's words."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        base = unmarked(ch).lower()
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def title_example(name: str, above: str = "") -> str | None:
    """The words by which the name of a sheet, else the line right above its list's header
    (``above``), say that it holds instructions or an example, or None: a template's
    "Hướng dẫn" sheet showing a filled example, whose made-up person is no one's staff.
    The name is compared by its diacritic-free key, whole words ("Huong dan", "Mẫu ví
    dụ"; "HD" but not "HĐ", a contract); a guidance document cited by its number ("HD
    26", "05-HD/BTCTW") or followed ("DS theo hướng dẫn") and a form's number ("Mẫu 01")
    say nothing. The line says it
    when it is the word alone, "Ví dụ:" or "VD:" ("Ví dụ: 01/01/1980" is a hint on a
    list's own sheet).

    >>> title_example("Hướng dẫn"), title_example("Mẫu ví dụ"), title_example("HD ghi")
    ('Hướng dẫn', 'ví dụ', 'HD')
    >>> [title_example(n) for n in ("Mẫu 01", "HĐ 68", "HD 26", "05-HD/BTCTW", "DS theo HD")]
    [None, None, None, None, None]
    >>> title_example("Danh sách", "  Ví dụ: "), title_example("DS", "Ví dụ: 01/01/1980")
    ('Ví dụ:', None)
    """
    nfc = unicodedata.normalize("NFC", name)
    plain = _plain(nfc)
    for m in _EXAMPLE_NAME.finditer(plain):
        words = nfc[m.start() : m.end()]
        if "đ" not in words.casefold():
            return words
    line = " ".join(above.split())
    return line if _EXAMPLE_LINE.match(_plain(line)) else None


def _a_day(value: dt.date | str) -> dt.date:
    return parse_day(value, what="--as-of")


@attrs.frozen(slots=True)
class Undated:
    """The day to take as a list's day only when the list names none: the day a command
    evaluates it on (``cadre evaluate --as-of 31/12/2026`` of a list whose title rows,
    signing line and records name no day). Given as ``list_date``, it gives way to every
    day the list names, and a warning says that it was taken (a day given as a plain
    ``list_date`` wins over the list's own, without a word).

    >>> Undated("31/12/2026").day
    datetime.date(2026, 12, 31)
    """

    day: dt.date = attrs.field(converter=_a_day)


def title_day(texts: list[str], *, signed: bool = True) -> dt.date | None:
    """The day a list's title rows name ("tính đến ngày 31/12/2025", "ngày 31 tháng 12
    năm 2025"), or None.

    The day it is "as of" comes first wherever it is: the day a list was signed (often
    above its title) only when no other is named, and not at all when ``signed`` is
    False (:func:`~cadre_core.roster._flat.read_flat` looks for a period the title names before it). "Đến tháng
    12/2025" is the month's last day.

    >>> title_day(["DANH SÁCH CÁN BỘ", "(tính đến ngày 31/12/2025)"])
    datetime.date(2025, 12, 31)
    >>> title_day(["Lai Châu, ngày 15 tháng 01 năm 2026", "Tính đến tháng 12/2025"])
    datetime.date(2025, 12, 31)
    >>> title_day(["(Số liệu đến hết ngày 30/9/2025)"], signed=False)
    datetime.date(2025, 9, 30)

    A line typed without any diacritic is read by the same patterns without theirs:

    >>> title_day(["DANH SACH CAN BO (tinh den ngay 31/12/2025)"])
    datetime.date(2025, 12, 31)
    """
    texts = _composed(texts)
    count = len(_DAY) if signed else len(_DAY) - 1
    for at in range(count):
        for text in texts:
            m = (_PLAIN_DAY if _is_plain(text) else _DAY)[at].search(text)
            if m is None:
                continue
            parts = m.groups()
            if len(parts) == 2:  # a month: its last day
                month, year = int(parts[0]), int(parts[1])
                if not (1 <= month <= 12 and dt.MINYEAR <= year <= dt.MAXYEAR):
                    continue
                parts = (str(calendar.monthrange(year, month)[1]), *parts)
            spelled = "/".join(parts)
            try:
                return parse_day(spelled, what="the list's date")
            except ValueError:
                continue
    return None


def _period_end(kind: str, parts: tuple[str, ...]) -> dt.date | None:
    """The last day of the period ``kind`` (month, quarter, half, year) of ``parts``."""
    year = int(parts[-1])
    if not 1900 <= year <= 2100:
        return None
    if kind == "month":
        month = int(parts[0])
    elif kind == "quarter":
        month = 3 * _QUARTER[parts[0].casefold()]
    elif kind == "half":
        month = 6 if parts[0].casefold() in _HALF_FIRST else 12
    else:
        month = 12
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def title_period(texts: list[str]) -> tuple[dt.date, str] | None:
    """The last day of the period a report's title rows name ("Tháng 04/2025", "Quý
    II/2025", "6 tháng đầu năm 2025", "năm 2013") and the words that name it, or None.

    For a list whose title names no day it is as of (:func:`title_day`): a month's or a
    year's report lists the people of that period, and its day is taken as the period's
    last (said as a warning, ``--list-date`` overrides it), before the day the list was
    signed. The most specific period named wins; a line that names a day (a signing
    line) names no period.

    >>> title_period(["BẢNG TỔNG HỢP KẾT QUẢ XẾP LOẠI", "Tháng 04/2025"])
    (datetime.date(2025, 4, 30), 'Tháng 04/2025')
    >>> title_period(["KẾT QUẢ XẾP LOẠI NĂM 2024", "Quý II/2024"])[0]
    datetime.date(2024, 6, 30)
    >>> title_period(["Nậm Tăm, ngày 15 tháng 01 năm 2026"]) is None
    True
    """
    lines = [
        t
        for t in _composed(texts)
        if (_PLAIN_NAMES_A_DAY if _is_plain(t) else _NAMES_A_DAY).search(t) is None
    ]
    for at, (kind, pattern) in enumerate(_PERIOD):
        for text in lines:
            for m in (_PLAIN_PERIOD[at][1] if _is_plain(text) else pattern).finditer(text):
                end = _period_end(kind, m.groups())
                if end is not None:
                    return end, m.group(0)
    return None


def _name_words(words: list[str]) -> list[str]:
    """The first words of ``words`` that begin with a capital or a digit: a proper name's
    ("Nậm Tăm", "Phường 3") in a sentence that goes on ("... báo cáo danh sách như sau")."""
    named: list[str] = []
    for word in words:
        if not (word[:1].isupper() or word[:1].isdigit()):
            break
        named.append(word)
    return named


def title_commune(texts: list[str]) -> str | None:
    """The commune a list's title rows name ("UBND XÃ MƯỜNG THAN" -> "Xã Mường Than").

    >>> title_commune(["ỦY BAN NHÂN DÂN XÃ MƯỜNG THAN", "DANH SÁCH"])
    'Xã Mường Than'
    >>> title_commune(["Đảng ủy xã Nậm Tăm báo cáo danh sách như sau:"])
    'Xã Nậm Tăm'
    >>> title_commune(["UBND XÃ NẬM CUỔI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    'Xã Nậm Cuổi'
    >>> title_commune(["UY BAN NHAN DAN XA NAM TAM"]), title_commune(["UBND xa Ta Nam nam 2025"])
    ('Xa Nam Tam', 'Xa Ta Nam')
    """
    for text in _composed(texts):
        plain = _is_plain(text)
        m = (_PLAIN_COMMUNE if plain else _COMMUNE).search(text)
        if m is None:
            continue
        rest = (_PLAIN_COMMUNE_END if plain else _COMMUNE_END).sub("", m.group(2)).strip()
        if rest.isupper():
            rest = rest.title()
        else:  # a sentence: "Đảng ủy xã Nậm Tăm báo cáo danh sách như sau" -> "Nậm Tăm"
            rest = " ".join(_name_words(rest.split())) or rest  # none: as it is typed
        if not rest:
            continue
        return f"{m.group(1).capitalize()} {rest}"
    return None


__all__ = [
    "Undated",
    "title_commune",
    "title_day",
    "title_example",
    "title_leavers",
    "title_period",
]
