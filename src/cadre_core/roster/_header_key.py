"""The comparison key of a column header (the reader's, the layouts' and the one-row-per-
person reader's), so that the headers real files carry name the same column however they
are numbered, marked or punctuated."""

from __future__ import annotations

import functools
import re

from cadre_core.roster._values import text_key

# A format hint in brackets at the end of a header: "(d/m/Y)", "(dd/mm/yyyy)",
# "(ngày/tháng/năm)"; any bracket listing values with slashes: "(Nam/Nữ)", "(Kinh/DTTS)";
# or the unit things are counted in: "Số lượng (cái)".
_FORMAT_HINT = re.compile(
    r"\s*\((?:(?:[dmy]{1,4}|ngày|tháng|năm)[/.\- ]?){2,3}\)$|\s*\([^()]*/[^()]*\)$"
    r"|\s*\((?:cái|chiếc|bộ)\)$"
)
# What a header says of its column without naming another: the highest ("Trình độ LLCT
# cao nhất"), the current one ("Chức vụ hiện tại", "Chức danh đang đảm nhiệm"), "if any",
# how to write it ("(chữ in hoa)"), who decided it ("(cấp có thẩm quyền)"), how the post
# was given ("Ngày bổ nhiệm (bầu)")
_QUALIFIER = re.compile(
    r"\s*\((?:cao nhất|hiện tại|hiện nay|nếu có|chữ in hoa|ghi chữ in hoa|viết in hoa|"
    r"cấp có thẩm quyền|bầu|bầu cử)\)$"
    r"|\s+(?:cao nhất|hiện tại|hiện nay|hiện giữ|(?:đang\s+)?đảm nhiệm)$"
)
_HEADER_PUNCTUATION = re.compile(r"[,;:]")
# The number of a column before its header: "1.", "1)", "(1)", "[1]", "a)", "II."
_NUMBERING = re.compile(r"^(?:\(\d{1,2}\)|\[\d{1,2}\]|\d{1,2}[.)]|[a-zđ]\)|[ivx]{1,4}\.)\s*(?=\S)")
# What marks a header after its words: "(*)" or "*" (required), a full stop or a colon
_MARKS = re.compile(r"\s*(?:\(\*\)|\*+|[.:])$")
# Slashes between words ("Ngày/tháng/năm sinh", "Tỉnh/thành phố") read as spaces
_SLASH = re.compile(r"(?<=\w)\s*/\s*(?=\w)")
# The abbreviations headers use for whole words, read as the words on both sides of a
# comparison ("Trình độ CM", "TĐCM", "Trình độ LLCT", "Mã số CBCC"). Only those that name
# one thing in a header: "CT" (chủ tịch or chính trị) is read only after "lý luận".
_HEADER_WORDS = {
    "tđ": "trình độ",
    "cm": "chuyên môn",
    "cmnv": "chuyên môn nghiệp vụ",
    "tđcm": "trình độ chuyên môn",
    "llct": "lý luận chính trị",
    "tđllct": "trình độ lý luận chính trị",
    "cbcc": "cán bộ công chức",
    "cbccvc": "cán bộ công chức viên chức",
    "qlnn": "quản lý nhà nước",
    "qđ": "quyết định",
}
_AFTER_THEORY = re.compile(r"\bl[ýy] lu[ậa]n ct\b")  # also a database's "ly_luan_ct"
# the 2C form's order of the words of the birth day: "Sinh ngày" (the day, its month and
# year in the next columns "tháng" | "năm"), "Sinh ngày tháng năm": the birth day's words
_BORN_ON = re.compile(r"^sinh (ngày(?: tháng năm)?|ngay(?: thang nam)?)$")


@functools.lru_cache(maxsize=1 << 16)
def header_key(text: str) -> str:
    """The comparison key of a column header (remembered for the texts last asked, the
    same cells of a sheet's head being compared with every header spelling): its :func:`text_key` without the column's
    number before it, without a required mark, a full stop or a colon after it, without a
    bracketed date-format hint or list of values at the end, without what it says of its
    column without naming another (:data:`_QUALIFIER`: "cao nhất", "hiện tại", "(nếu
    có)"), and with commas,
    semicolons, colons and slashes between words read as spaces, and the abbreviations
    of whole words headers use (:data:`_HEADER_WORDS`: "CM", "TĐCM", "LLCT", "CBCC"...)
    read as the words (the year of a column, "Xếp loại năm 2024", is kept: the
    one-row-per-person reader reads it), and the 2C form's "Sinh ngày" as "ngày sinh".

    >>> header_key("Ngày, tháng, năm sinh") == header_key("Ngày tháng\\nnăm sinh")
    True
    >>> header_key("Ngày Sinh (d/m/Y)"), header_key("(3) Giới tính (Nam/Nữ):")
    ('ngày sinh', 'giới tính')
    >>> header_key("1. Họ và tên (*)"), header_key("Ngày/tháng/năm sinh")
    ('họ và tên', 'ngày tháng năm sinh')
    >>> header_key("Số lượng (cái)"), header_key("Trình độ LLCT (cao nhất)")
    ('số lượng', 'trình độ lý luận chính trị')
    >>> header_key("Chức vụ hiện tại"), header_key("Hình thức kỷ luật (nếu có)")
    ('chức vụ', 'hình thức kỷ luật')
    >>> header_key("TĐCM") == header_key("Trình độ CM") == header_key("Trình độ chuyên môn")
    True
    >>> header_key("Lý luận CT"), header_key("CT UBND"), header_key("ly luan ct")
    ('lý luận chính trị', 'ct ubnd', 'lý luận chính trị')
    >>> header_key("Sinh ngày"), header_key("Sinh ngày, tháng, năm:")
    ('ngày sinh', 'ngày tháng năm sinh')
    """
    key = text_key(text)
    for _ in range(2):  # "Ngày sinh (dd/mm/yyyy):" has a mark after a hint
        key = _FORMAT_HINT.sub("", _MARKS.sub("", _NUMBERING.sub("", key)))
    key = _QUALIFIER.sub("", key) or key
    key = _SLASH.sub(" ", key)
    words = [_HEADER_WORDS.get(w, w) for w in _HEADER_PUNCTUATION.sub(" ", key).split()]
    return _BORN_ON.sub(r"\1 sinh", _AFTER_THEORY.sub("lý luận chính trị", " ".join(words)))
