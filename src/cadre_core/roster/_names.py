"""People's names as offices write them: a form of address before the name ("Ông Lò Văn
An", "Bà Lường Thị Bình", "Ô. …", "B. …", "Đồng chí …") and a name typed wholly in
capitals ("LÒ VĂN AN", a capitals' font or caps lock). The list reader
(:func:`~cadre_core.roster._flat_rows.name_lines`) and the personal-record reader
(:mod:`cadre_core.roster._record`) both read names with these, over a whole column at a
time.

Punctuation typed after a name's last word ("Sùng Thị Mai.", "Lò Văn An,") is no part of
it: it is left out with a form of address before it (:func:`without_address`), unsaid.

"Ông" is a family name too (Ông Ích Khiêm), so a form of address is left out only where
what follows is itself a full name: a family name of :data:`FAMILY_NAMES` (or the Ê Đê
and Gia Rai names' first word "Y", "H'…") and at least one more word.
"""

from __future__ import annotations

import re

import pandas as pd

#: The family names a full name after "Ông" or "Bà" begins with: the commonest of the
#: Kinh and of the peoples of the northern mountains, the Central Highlands and the
#: Mekong delta. Names chiefly written as a middle name (Văn, Thị, Đức, Minh, Quang,
#: Ngọc...) are left out, so "Ông Văn Tùng", of the family Ông, keeps its first word.
FAMILY_NAMES: tuple[str, ...] = (
    # Kinh (and the Hoa's)
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Đinh",
    "Lâm", "Phùng", "Mai", "Tô", "Hà", "Cao", "Lương", "Lưu", "Tạ", "Quách", "Kiều", "Chu",
    "Đàm", "Lại", "Lục", "Mạc", "Nông", "Thái", "Tống", "Khổng", "La", "Triệu", "Tăng",
    "Từ", "Doãn", "Hứa", "Thân", "Nghiêm", "Âu", "Châu", "Diệp", "Giang", "Hàn", "Hầu",
    "Khúc", "Khương", "Lã", "Lạc", "Lữ", "Mẫn", "Ninh", "Ông", "Phí", "Phó", "Quan",
    "Quản", "Tiêu", "Tôn", "Trình", "Ứng", "Vi", "Viên", "Cù", "Cung", "Đồng", "Giáp",
    "Khuất", "Nhữ", "Ôn", "Bạch", "Bế", "Cấn", "Chử", "Đậu", "Điền", "Hạ", "Lỗ", "Mạch",
    "Ngụy", "Phương", "Sầm", "Thạch", "Tiết", "Uông", "Kim",
    # the peoples of the northern mountains (Thái, Mông, Dao, Hà Nhì, Giáy, Lự, Khơ Mú,
    # La Hủ, Tày, Nùng, Mường...)
    "Lò", "Lường", "Tòng", "Quàng", "Cầm", "Điêu", "Vì", "Lù", "Giàng", "Vàng", "Thào",
    "Sùng", "Lầu", "Mùa", "Hờ", "Sình", "Phàn", "Tẩn", "Chảo", "Bàn", "Lỳ", "Pờ", "Phu",
    "Ly", "Tao", "Cút", "Chang", "Ma", "Lèo", "Khoàng", "Mào", "Vừ", "Chá", "Cứ", "Hạng",
    "Tráng", "Thèn", "Sần", "Lìu", "Nịnh", "Mã", "Lộc", "Khà", "Chẻo", "Bạc", "Xa", "Lềnh",
    "Sin", "Mè", "Hảng", "Sì", "Chìu",
    # the Central Highlands (Gia Rai, Ba Na...) and the Khơ Me
    "Ksor", "Siu", "Rơ Châm", "Rơ Mah", "Rah Lan", "Kpă", "Nay", "Puih", "Rcom", "Rmah",
    "Danh", "Sơn", "Chau", "Néang",
)  # fmt: skip

# a form of address: "Ông", "Bà", "Đồng chí", or "Ô." and "B." (a dot, a space or not)
_ADDRESS = r"(?:(?:ông|bà|đồng\s+chí)\s+|[ôb]\.\s*)"
_FAMILY = "|".join(
    sorted({re.escape(n.casefold()).replace(r"\ ", r"\s+") for n in FAMILY_NAMES}, key=len)[::-1]
)
# what a full name begins with: a family name (or "Y", "H'Nhi") and one more word at least
_FULL_NAME = rf"(?:{_FAMILY}|y|h['’]\w+)\s+\S"
_LEFT_OUT = re.compile(rf"(?i)^\s*{_ADDRESS}+(?={_FULL_NAME})")
_BEGINS = re.compile(r"(?i)^\s*((?:ông|bà|đồng\s+chí)(?=\s)|[ôb]\.)\s*\S")


def without_address(names: pd.Series) -> tuple[pd.Series, pd.Series]:
    """``names`` with the form of address before a full name left out ("Ông Lò Văn An" is
    "Lò Văn An"), and the punctuation after its last word ("Lò Văn An." is "Lò Văn An":
    :func:`without_end_punctuation`), and, per row, the form of address a name still
    begins with because what follows is no full name the reader knows ("Ông Ích Khiêm":
    "Ông" may be the family name), else missing. Over the whole column at once; a cell of
    no text is as it is.

    >>> names = ["Ông Lò Văn An.", "B. Lường Thị Bình", "Ông Ích Khiêm", None]
    >>> kept, begins = without_address(pd.Series(names, dtype=object))
    >>> kept.tolist(), begins.tolist()
    (['Lò Văn An', 'Lường Thị Bình', 'Ông Ích Khiêm', None], [None, None, 'Ông', None])
    """
    none = pd.Series([None] * len(names), index=names.index, dtype=object)
    if not _text(names):
        return names, none
    names = without_end_punctuation(names)
    stripped = names.str.replace(_LEFT_OUT, "", regex=True)
    left_out = stripped.ne(names) & stripped.notna()
    begins = names.where(~left_out).str.extract(_BEGINS)[0]
    said = begins.astype(object).where(begins.notna(), None)
    return _changed(names, left_out, stripped[left_out]), said


def in_capitals(names: pd.Series, *, every: bool = False) -> pd.Series:
    """``names`` each written as a name is ("LÒ VĂN AN" is "Lò Văn An", "Y NGỌC NIÊ" is "Y
    Ngọc Niê", "H'HEN" is "H'Hen") where it is wholly in capitals, or everywhere with
    ``every`` (a record typed in a legacy font, whose capitals are not told from its
    small letters); a name in small letters or mixed ("Lò Văn AN") is as it is, and so is
    a cell of no text. Over the whole column at once.

    >>> names = ["LÒ VĂN AN", "Lò Văn AN", "ĐINH THỊ ĐÀO", None]
    >>> in_capitals(pd.Series(names, dtype=object)).tolist()
    ['Lò Văn An', 'Lò Văn AN', 'Đinh Thị Đào', None]
    """
    if not _text(names):
        return names
    upper = names.str.isupper().fillna(False).astype(bool)
    if every:
        upper |= names.str.len().notna()
    if not bool(upper.any()):
        return names
    return _changed(names, upper, names[upper].str.normalize("NFC").str.title())


#: What a note after a name says of the person's status, as offices type it in the name
#: cell ("VÀNG THỊ MỶ (nghỉ thai sản)", "Lỳ A Giàng - nghỉ ốm dài ngày"): the words a
#: note begins with (after "đang" or "đã"), each no part of anyone's name.
STATUS_NOTES: tuple[str, ...] = (
    "nghỉ thai sản", "thai sản", "nghỉ sinh", "nghỉ ốm", "ốm dài ngày", "ốm đau", "nghỉ phép",
    "nghỉ không lương", "nghỉ chế độ", "nghỉ chờ hưu", "chờ nghỉ hưu", "chờ hưu", "nghỉ hưu",
    "nghỉ việc", "tạm nghỉ", "đi học", "đang học", "học dài hạn", "biệt phái", "điều động",
    "luân chuyển", "tăng cường", "tạm đình chỉ", "đình chỉ công tác",
)  # fmt: skip
_STATUS = "|".join(
    sorted((re.escape(w).replace(r"\ ", r"\s+") for w in STATUS_NOTES), key=len, reverse=True)
)
# a full name (two words at least), then the note: in brackets, or after a dash
_NOTED = re.compile(
    r"(?i)^\s*(?P<name>[^\W\d_]\S*\s+\S.*?)\s*"
    rf"(?:[(\[]\s*(?P<bracketed>(?:(?:đang|đã)\s+)?(?:{_STATUS})\b[^()\[\]]*?)\s*[)\]]"
    rf"|[-–—]+\s*(?P<dashed>(?:(?:đang|đã)\s+)?(?:{_STATUS})\b.*?))\s*$"
)


def without_status(names: pd.Series) -> tuple[pd.Series, pd.Series]:
    """``names`` with a note of the person's status after a full name left out, and, per
    row, the note left out, else missing: a last part in brackets, or after a dash, whose
    words begin with a status of :data:`STATUS_NOTES` ("VÀNG THỊ MỶ (nghỉ thai sản)" is
    "VÀNG THỊ MỶ", note "nghỉ thai sản"; "Lỳ A Giàng - nghỉ ốm dài ngày" is "Lỳ A
    Giàng"). Any other bracket stays ("Lò Văn An (A)", telling namesakes apart), and so
    does a cell of no text. Over the whole column at once.

    >>> names = ["VÀNG THỊ MỶ (nghỉ thai sản)", "Lỳ A Giàng - nghỉ ốm dài ngày",
    ...          "Lò Văn An (A)", "Lò Thị Học", None]
    >>> kept, notes = without_status(pd.Series(names, dtype=object))
    >>> kept.tolist()
    ['VÀNG THỊ MỶ', 'Lỳ A Giàng', 'Lò Văn An (A)', 'Lò Thị Học', None]
    >>> notes.tolist()
    ['nghỉ thai sản', 'nghỉ ốm dài ngày', None, None, None]
    """
    none = pd.Series([None] * len(names), index=names.index, dtype=object)
    if not _text(names):
        return names, none
    found = names.str.extract(_NOTED)
    note = found["bracketed"].fillna(found["dashed"])
    noted = note.notna()
    if not bool(noted.any()):
        return names, none
    said = note.astype(object).where(noted, None)
    return _changed(names, noted, found["name"][noted]), said


# a full stop, comma, semicolon or colon (or several) after a name's last word, or after
# the bracket closing a note or a footnote's mark, at the end of the cell
_END_PUNCTUATION = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)\]*]))\s*[.,;:]+\s*$")


def without_end_punctuation(names: pd.Series) -> pd.Series:
    """``names`` without the punctuation typed after the last word ("Sùng Thị Mai." is
    "Sùng Thị Mai", "Lò Văn An ;" is "Lò Văn An"; "VÀNG THỊ MỶ (nghỉ thai sản)." is
    "VÀNG THỊ MỶ (nghỉ thai sản)", its note then read as any): a name has no full stop,
    comma, semicolon or colon, and one so typed would be another person's name in every
    count and look-up. Nothing of the person is in it, so it is not said (as the spaces
    collapsed in a name are not). What is no word before it ("12.", "(*)": a number, a
    mark) and a cell of no text are as they are. Over the whole column at once.

    >>> names = ["Sùng Thị Mai.", "Lò Văn An ;", "Tao Thị Bình (A).", "Mùa A Sử", "3.", None]
    >>> without_end_punctuation(pd.Series(names, dtype=object)).tolist()
    ['Sùng Thị Mai', 'Lò Văn An', 'Tao Thị Bình (A)', 'Mùa A Sử', '3.', None]
    """
    if not _text(names):
        return names
    bare = names.str.replace(_END_PUNCTUATION, "", regex=True)
    changed = bare.ne(names) & bare.notna()
    if not bool(changed.any()):
        return names
    return _changed(names, changed, bare[changed])


def _changed(names: pd.Series, where: pd.Series, to: pd.Series) -> pd.Series:
    """``names`` with the rows of ``where`` (a mask) set to ``to``'s values in order, the
    others as they are."""
    out = names.to_numpy(dtype=object, copy=True)
    out[where.to_numpy(dtype=bool)] = to.to_numpy(dtype=object)
    return pd.Series(out, index=names.index, name=names.name, dtype=object)


def _text(names: pd.Series) -> bool:
    """Whether ``names`` holds some text (its ``.str`` methods give missing for the rest)."""
    if names.dtype != object and not pd.api.types.is_string_dtype(names.dtype):
        return False
    return pd.api.types.infer_dtype(names, skipna=True) in ("string", "mixed", "mixed-integer")


__all__ = [
    "FAMILY_NAMES",
    "STATUS_NOTES",
    "in_capitals",
    "without_address",
    "without_end_punctuation",
    "without_status",
]
