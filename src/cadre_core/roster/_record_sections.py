"""The sections of a personal record read after its fields (:mod:`cadre_core.roster._record`):
the training table, whose studies date the highest degree and the political theory
(:func:`_awarded`) and whose courses are the person's trainings (:func:`_courses`), the
work history, whose row still going on dates the post held now (:func:`_post_since`),
and the yearly ratings (:func:`_ratings`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata

import pandas as pd

#: the day a record's training section says its highest degree and its political theory
#: were taken (:func:`_awarded`), under the headers the list reader reads them by
DEGREE_DAY, THEORY_DAY = "Ngày tốt nghiệp", "Ngày tốt nghiệp LLCT"
#: the day its work history says the current post was taken (:func:`_post_since`)
POST_DAY = "Ngày bổ nhiệm"


def _key(text: str) -> str:
    """``text`` as labels are matched: composed accents, case folded, spaces kept."""
    return unicodedata.normalize("NFC", text).casefold()


_STUDIES = re.compile(r"đào\s+tạo")
_STUDY_HEAD = re.compile(r"văn\s+bằng|trình\s+độ\s+gì")
_STUDY_FIELD = re.compile(r"chuyên\s+ngành|ngành\s+học|nội\s+dung")
_STUDY_TIME = re.compile(r"từ\s+tháng|thời\s+gian|từ\s+ngày")
_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{4})")
_THEORY_STUDY = re.compile(r"lý\s+luận\s+chính\s+trị|\bllct\b|\bchính\s+trị\b")


def _rows(lines: list[str]) -> int:
    """The rows of a section's table after its header (lines holding a cell)."""
    return max(0, sum(1 for line in lines if "\t" in line) - 1)


def _ended(cell: str) -> dt.date | None:
    """The last day of the last month a period cell names ("09/2015 - 06/2016" ends on
    30/06/2016); None for one that names none, or one still going on ("- nay")."""
    months = _MONTH_YEAR.findall(cell)
    if not months or re.search(r"\bnay\b|hiện\s+nay", _key(cell)):
        return None
    month, year = int(months[-1][0]), int(months[-1][1])
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _study_rows(studies: list[str]) -> tuple[list[list[str]], int, int, int] | None:
    """The rows of a record's training table (cells of its lines after the header) and
    the places of its diploma, field (or content) and period cells; None without one."""
    heads = next((i for i, line in enumerate(studies) if _STUDY_HEAD.search(_key(line))), None)
    if heads is None:
        return None
    head = [_key(c) for c in studies[heads].split("\t")]
    where = [next((j for j, c in enumerate(head) if p.search(c)), None)
             for p in (_STUDY_HEAD, _STUDY_FIELD, _STUDY_TIME)]  # fmt: skip
    if None in where:
        return None
    diploma, field, period = (int(j) for j in where if j is not None)
    rows = [r for r in (line.split("\t") for line in studies[heads + 1 :]) if len(r) == len(head)]
    return rows, diploma, field, period


def _levels(names: list[str]) -> dict[str, list[object]]:
    """The education and the theory level each diploma cell of ``names`` names (None where
    it names none: a certificate, a course)."""
    from cadre_core.roster import _normalize as nz

    series = pd.Series(names, dtype=object)
    return {
        kind: pd.Series(nz.normalise_code(series, codes=kind)[0], dtype=object).tolist()
        for kind in ("education", "theory")
    }


def _awarded(values: dict[str, str | None], studies: list[str]) -> tuple[dict[str, str], int]:
    """The days the record's training section (school, field, period, mode, diploma)
    says its highest degree and its political theory were taken: the end of the latest
    finished study whose diploma is the level the fields name (a theory study: one whose
    field or diploma names political theory); with how many of its rows were so read.

    >>> rows = ["Tên trường\\tChuyên ngành\\tTừ tháng, năm - đến tháng, năm\\tVăn bằng",
    ...         "ĐH Luật\\tLuật\\t09/1993 - 06/1997\\tCử nhân",
    ...         "Trường Chính trị\\tLý luận chính trị\\t09/2015 - 06/2016\\tTrung cấp",
    ...         "Học viện Hành chính\\tQLNN ngạch chuyên viên\\t03/2018 - 05/2018\\tChứng chỉ"]
    >>> _awarded({"Trình độ chuyên môn cao nhất": "Đại học Luật",
    ...           "Lý luận chính trị": "Trung cấp"}, rows)
    ({'Ngày tốt nghiệp': '30/06/1997', 'Ngày tốt nghiệp LLCT': '30/06/2016'}, 2)
    """
    parsed = _study_rows(studies)
    if parsed is None or not parsed[0]:
        return {}, 0
    rows, diploma, field, period = parsed
    theory = [bool(_THEORY_STUDY.search(_key(f"{r[field]} {r[diploma]}"))) for r in rows]
    levels = _levels([r[diploma] for r in rows])
    asked = {
        kind: _levels([values.get(header) or ""])[kind][0]
        for kind, header in (("education", "Trình độ chuyên môn cao nhất"),
                             ("theory", "Lý luận chính trị"))
    }  # fmt: skip
    out: dict[str, str] = {}
    used = 0
    for kind, header, wanted in (("education", DEGREE_DAY, False), ("theory", THEORY_DAY, True)):
        ends = [
            end
            for r, level, is_theory in zip(rows, levels[kind], theory, strict=True)
            if is_theory == wanted and isinstance(level, str) and level == asked[kind]
            and (end := _ended(r[period])) is not None
        ]  # fmt: skip
        if ends:
            out[header] = f"{max(ends):%d/%m/%Y}"
            used += len(ends)
    return out, used


@functools.cache
def _topic_phrases() -> tuple[tuple[str, str], ...]:
    """The spellings of the training topics that name one inside a course's text (the
    roster format's topic aliases, as comparison keys), longest first; not the codes
    themselves, nor "khác" (other), which any text may hold."""
    from cadre_core.roster._schema import VALUE_ALIASES

    phrases = {
        key: code
        for key, code in VALUE_ALIASES["topic"].items()
        if "_" not in key and code != "other" and key != code
    }
    return tuple(sorted(phrases.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def topics_named(text: str) -> list[str]:
    """The training topics a course's free text names, each a whole phrase of it, in the
    order of the topic codes (:func:`_topic_phrases`).

    >>> topics_named("Bồi dưỡng kiến thức chuyển đổi số và ứng dụng CNTT cho cán bộ xã")
    ['it', 'digital_transformation']
    >>> topics_named("Lớp bồi dưỡng kỹ năng lãnh đạo")
    []
    """
    from cadre_core.roster._schema import text_key
    from cadre_core.vocab._enums import TrainingTopic

    words = f" {text_key(text)} "
    found = {code for phrase, code in _topic_phrases() if f" {phrase} " in words}
    return [c for c in TrainingTopic.codes() if c in found]


#: the columns of the trainings a record's training section gives
COURSE_COLUMNS = ("topics", "completed_date", "course")


def _courses(studies: list[str]) -> tuple[pd.DataFrame | None, int]:
    """The courses (bồi dưỡng) of a record's training section: each finished row whose
    diploma names no degree or theory level (a certificate) and whose content names a
    training topic (:func:`topics_named`), completed the last day of its period; None
    when the record has no training table to read; with how many rows were so read.

    >>> rows = ["Tên trường\\tNội dung đào tạo, bồi dưỡng\\tTừ tháng, năm - đến tháng, năm"
    ...         "\\tVăn bằng, chứng chỉ",
    ...         "ĐH Luật\\tLuật\\t09/1993 - 06/1997\\tCử nhân",
    ...         "Trường Chính trị\\tBồi dưỡng chuyển đổi số\\t03/2026 - 04/2026\\tChứng chỉ",
    ...         "Trường Chính trị\\tKỹ năng lãnh đạo\\t05/2026 - 05/2026\\tChứng chỉ"]
    >>> courses, read = _courses(rows)
    >>> courses.to_numpy().tolist(), read
    ([['digital_transformation', '30/04/2026', 'Bồi dưỡng chuyển đổi số']], 1)
    """
    parsed = _study_rows(studies)
    if parsed is None:
        return None, 0
    rows, diploma, field, period = parsed
    levels = _levels([r[diploma] for r in rows])
    out: list[tuple[str, str, str]] = []
    for r, degree, theory in zip(rows, levels["education"], levels["theory"], strict=True):
        topics = topics_named(f"{r[field]} {r[diploma]}")
        end = _ended(r[period])
        if isinstance(degree, str) or isinstance(theory, str) or not topics or end is None:
            continue
        out.append((";".join(topics), f"{end:%d/%m/%Y}", " ".join(r[field].split())))
    return pd.DataFrame(out, columns=list(COURSE_COLUMNS), dtype=object), len(out)


_WORKS = re.compile(r"(?:tóm\s+tắt\s+)?quá\s+trình\s+công\s+tác")
_WORK_WHAT = re.compile(r"chức\s+danh|chức\s+vụ|đơn\s+vị\s+công\s+tác")
_STILL = re.compile(r"\bnay\b|hiện\s+tại")
_POSTS_APART = re.compile(r"[,;]|\s+kiêm\s+|\s+-\s+")


def _post_since(post: str | None, works: list[str]) -> str | None:
    """The day the record's current ``post`` was taken, from its work history (period,
    post and body): the first day of the month the one row still going on starts
    ("03/2021 - nay", "Chủ tịch UBND xã Tả Lèng" -> 01/03/2021), when that row names
    every post held ("Chủ tịch UBND xã"); None otherwise (a row naming another post, two
    rows going on, no such table): the post is then taken as held on the list's day.

    >>> works = ["Từ tháng, năm đến tháng, năm\\tChức danh, chức vụ, đơn vị công tác",
    ...          "03/2010 - 02/2021\\tCông chức Văn phòng - Thống kê xã Tả Lèng",
    ...          "03/2021 - nay\\tPhó Chủ tịch UBND xã Tả Lèng"]
    >>> _post_since("Phó Chủ tịch UBND xã", works), _post_since("Chủ tịch UBND xã", works)
    ('01/03/2021', None)
    >>> works[-1] = "03/2021 - nay\\tPhó Bí thư Đảng ủy, Chủ tịch UBND xã Tả Lèng"
    >>> _post_since("Phó Bí thư Đảng ủy, Chủ tịch UBND xã", works)
    '01/03/2021'
    """
    from cadre_core.roster._schema import text_key

    if not post:
        return None
    head = next((i for i, line in enumerate(works)
                 if _STUDY_TIME.search(_key(line)) and _WORK_WHAT.search(_key(line))), None)  # fmt: skip
    if head is None:
        return None
    cells = [_key(c) for c in works[head].split("\t")]
    period = next(j for j, c in enumerate(cells) if _STUDY_TIME.search(c))
    what = next((j for j, c in enumerate(cells) if _WORK_WHAT.search(c)), None)
    rows = [r for r in (line.split("\t") for line in works[head + 1 :]) if len(r) == len(cells)]
    going = [r for r in rows if _STILL.search(_key(r[period]))]
    if what is None or len(going) != 1:
        return None
    months = _MONTH_YEAR.findall(going[0][period])
    parts = [text_key(p) for p in _POSTS_APART.split(post) if p.strip()]
    # the row's posts apart as the field's are ("Phó Bí thư Đảng ủy, Chủ tịch UBND xã Tả
    # Lèng"): each post held is in one of them, whole words, and no deputy's post
    held = [f" {text_key(p)} " for p in _POSTS_APART.split(going[0][what]) if p.strip()]
    if (
        not months
        or not parts
        or not all(any(f" {p} " in h and f" phó {p} " not in h for h in held) for p in parts)
    ):
        return None
    month, year = int(months[0][0]), int(months[0][1])
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    return f"01/{month:02d}/{year}"


#: the header the list reader reads a year's rating by ("Xếp loại năm 2024")
RATING_HEADER = "Xếp loại năm {year}"
_RATED = re.compile(r"kết\s+quả\s+(?:đánh\s+giá|xếp\s+loại|phân\s+loại)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR_CELL = re.compile(r"\s*(?:năm\s*)?((?:19|20)\d{2})\s*[:.]?\s*", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]")  # a letter
_YEAR_LINE = re.compile(
    r"\s*(?:[-–•+*]\s*)?(?:năm\s+)?((?:19|20)\d{2})\s*[:\-–]\s*(?P<rating>\S.*)", re.IGNORECASE
)


def _rating_row(cells: list[str]) -> tuple[int, str] | bool | None:
    """The year and the rating a line of a ratings section names: a row of a year's cell
    and a rating's ("2023", "Hoàn thành tốt nhiệm vụ"; a number's cell beside them), or a
    line "Năm 2023: Hoàn thành tốt nhiệm vụ"; True for a year alone (no rating given),
    None for a line naming no year and its rating (a header, or one not understood)."""
    if len(cells) == 1:
        if _YEAR_CELL.fullmatch(cells[0]):
            return True
        m = _YEAR_LINE.fullmatch(cells[0])
        if m is None or _YEAR.search(m.group("rating")):
            return None
        return int(m.group(1)), m.group("rating")
    years = [m for m in map(_YEAR_CELL.fullmatch, cells) if m is not None]
    words = [c for c in cells if _YEAR_CELL.fullmatch(c) is None and _WORDS.search(c)]
    if len(years) != 1 or len(words) > 1 or any(_YEAR.search(w) for w in words):
        return None
    return (int(years[0].group(1)), words[0]) if words else True


def _ratings(lines: list[str]) -> tuple[dict[str, str], bool]:
    """The yearly ratings of a record's ratings section ("Kết quả đánh giá, xếp loại cán
    bộ, công chức hằng năm": a table of a year and its rating, the years in a row over
    their ratings, or lines "Năm 2023: Hoàn thành tốt nhiệm vụ"), each under the header
    the list reader reads a year's rating by (:data:`RATING_HEADER`), as written: the
    list reader reads the rating as in any list. With whether every line after the
    section's header was read (one not understood, a year given twice: not all).

    >>> _ratings(["Năm\\tKết quả đánh giá, xếp loại", "2023\\tHoàn thành tốt nhiệm vụ",
    ...           "2024\\tHoàn thành xuất sắc nhiệm vụ"])
    ({'Xếp loại năm 2023': 'Hoàn thành tốt nhiệm vụ', 'Xếp loại năm 2024': 'Hoàn thành xuất sắc nhiệm vụ'}, True)
    >>> _ratings(["Năm\\t2023\\t2024", "Xếp loại\\tHTTNV\\tHTXSNV", "Ghi chú: chuyển công tác"])
    ({'Xếp loại năm 2023': 'HTTNV', 'Xếp loại năm 2024': 'HTXSNV'}, False)
    """
    found: dict[int, str] = {}
    whole, headed = True, False
    years: list[int] | None = None  # a row of years, their ratings in the row below
    for line in lines:
        cells = [" ".join(c.split()) for c in line.split("\t") if c.strip()]
        if not cells:
            continue
        if years is not None and len(cells) == len(years) + 1:
            pairs: list[tuple[int, str] | bool | None] = list(zip(years, cells[1:], strict=True))
        elif (
            len(cells) > 1
            and _WORDS.search(cells[0])  # "Năm", then the years
            and not _YEAR.search(cells[0])
            and all(_YEAR_CELL.fullmatch(c) for c in cells[1:])
        ):
            years = [int(m.group(1)) for c in cells[1:] if (m := _YEAR_CELL.fullmatch(c))]
            headed = True
            continue
        else:
            pairs = [_rating_row(cells)]
        years = None
        for pair in pairs:
            if pair is None and not headed and not _YEAR.search(line):
                pass  # the table's header: "Năm", "Kết quả đánh giá, xếp loại"
            elif pair is None:
                whole = False
            elif isinstance(pair, tuple):
                year, rating = pair[0], pair[1].strip(" .;,")
                whole = whole and found.setdefault(year, rating) == rating
            headed = True
    if years is not None:  # a row of years and no ratings under it
        whole = False
    return {RATING_HEADER.format(year=y): found[y] for y in sorted(found)}, whole


__all__ = [
    "COURSE_COLUMNS",
    "DEGREE_DAY",
    "POST_DAY",
    "RATING_HEADER",
    "THEORY_DAY",
    "topics_named",
]
