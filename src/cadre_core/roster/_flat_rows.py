"""What the rows and cells of a list's body are: people, group rows (a bloc, an agency, a
kind of staff, a numbered heading), totals, signatures, vacant posts; and the cells of a
person read together (a name over two lines, a name or a date in several columns); the
agency a person row is of, by the agency or the bloc its group row or cell names.

:mod:`cadre_core.roster._flat` reads a sheet with these.
"""

from __future__ import annotations

import re

import pandas as pd

from cadre_core.roster import _normalize as nz
from cadre_core.roster._flat_header import DATE_PARTS
from cadre_core.roster._names import in_capitals, without_address
from cadre_core.roster._problems import Problem, problem

COMRADE = r"(?i)^\s*(?:đ/c|đ\.c\.?|đc\.)\s*"  # "Đ/c", "Đ.c": no part of a name
SUBTOTAL = r"(?i)^(?:cộng|tổng cộng|tổng số|tổng)(?![\w])"
# a post written with no one in it: "(Khuyết)", "Chưa bố trí", "Vị trí trống" in the name cell
VACANT_NAME = (
    r"(?i)^[\s(\[–-]*(?:vị trí |chức danh |còn |hiện |đang )?"
    r"(?:khuyết|trống|để trống|bỏ trống|chưa bố trí|chưa có người|chưa có|chưa kiện toàn|"
    r"chưa bầu|chưa bổ nhiệm|chưa tuyển dụng|chưa tuyển)(?: chức danh)?[\s)\].]*$"
)
STAFF_KIND = (
    r"^(?:các |những )?(?:cán bộ,? (?:và )?công chức|cán bộ|công chức|cbcc|"
    r"người hoạt động không chuyên trách|người lao động hợp đồng|hợp đồng lao động)"
    r"(?: (?:chuyên trách|chuyên môn|cấp xã|xã|phường|thị trấn|không chuyên trách|"
    r"hợp đồng|chủ chốt))*\s*:?$"
)
NUMBERED = re.compile(r"^\s*(?:[IVXLC]+|\d+|[a-zA-Z])\s*[.)/-]\s*")
FOOTER = (
    r"người lập|lập biểu|thủ trưởng|ký tên|ký, ghi rõ|ghi rõ họ tên|xác nhận|"
    r"ngày\s*\S*\s*tháng\s*\S*\s*năm|nơi nhận|t/m|tm\.|kt\.|tổng cộng|tổng số"
)
# a note under a list's table, by the word or mark it begins with: "Ghi chú: ...",
# "Chú thích", "Lưu ý", "(*) Đồng chí ... đang đi học", "* ...", "(1) Số liệu do ... cung
# cấp" (the marks a name or a figure of the list refers to it by)
NOTE = (
    r"(?i)^\s*(?:(?:ghi chú|chú thích|lưu ý|chú ý)(?!\w)|\(\s*\*{1,3}\s*\)|\*|\(\d{1,2}\)"
    r"|\[\d{1,2}\])"
)


def strings(col: pd.Series) -> pd.Series | None:
    """The ``.str`` view of a column of cells (non-text cells give missing), or None."""
    if col.dtype != object and not pd.api.types.is_string_dtype(col.dtype):
        return None
    try:
        text = col.str.strip()
        text.str.len()  # a column of no text at all (dates, times) has no .str after all
    except AttributeError:  # no text at all
        return None
    return text


def filled_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells holding something (not blank, not whitespace), column by column."""
    out = {}
    for c in frame.columns:
        col = frame[c]
        text = strings(col)
        blank = col.isna() if text is None else col.isna() | text.eq("").fillna(False)
        out[c] = ~blank.astype(bool)
    return pd.DataFrame(out, index=frame.index)


def matches(frame: pd.DataFrame, pattern: str) -> pd.Series:
    """Rows with a text cell that matches ``pattern`` (case-insensitive)."""
    hit = pd.Series(False, index=frame.index)
    for c in frame.columns:
        text = strings(frame[c])
        if text is not None:
            hit |= text.str.contains(pattern, case=False, na=False).astype(bool)
    return hit


def name_lines(
    cols: dict[tuple[str, str], pd.Series],
    places: dict[tuple[str, str], str],
    problems: list[Problem],
    where: str,
    rows: pd.Series,
    *,
    with_post: bool,
) -> None:
    """The names of a list's person rows as written (``cols``' name column, replaced). A
    name cell of several lines ("Nguyễn Văn An" over "Bí thư Đảng ủy"): the first line
    is the name. When the list has no column of its own for the post, the next line is
    the post if the header says so ("Họ và tên, chức vụ") or if it names a post of a known
    category; any other line is said, not read. Then the name itself: "Đ/c" before it
    left out, a form of address ("Ông", "Bà") left out before a full name and said where
    kept (:func:`~cadre_core.roster._names.without_address`), a name wholly in capitals
    written as a name ("LÒ VĂN AN" is "Lò Văn An"; not a vacant post's cell)."""
    _second_lines(cols, places, problems, where, rows, with_post=with_post)
    key = ("cadres", "full_name")
    names = nz.to_text(cols[key]).astype(object).str.replace(COMRADE, "", regex=True)
    names, kept = without_address(names)
    vacant = names.str.match(VACANT_NAME).fillna(False).astype(bool)
    cols[key] = names.where(vacant, in_capitals(names))
    for at, word in zip(rows[kept.notna()], kept[kept.notna()], strict=True):
        problems.append(
            problem(where, "cadres", int(at), places[key], None, "name_address_kept",
                    severity="warning", cell=repr(str(word)))
        )  # fmt: skip


def _second_lines(
    cols: dict[tuple[str, str], pd.Series],
    places: dict[tuple[str, str], str],
    problems: list[Problem],
    where: str,
    rows: pd.Series,
    *,
    with_post: bool,
) -> None:
    """A name cell's lines after the first: the post, or said (see :func:`name_lines`)."""
    key = ("cadres", "full_name")
    text = cols[key].astype("string").str.strip()
    lines = text.str.split(r"\s*[\r\n\v]+\s*", n=1, regex=True)
    rest = lines.str[1].mask(lines.str[1].eq(""))
    if not bool(rest.notna().any()):
        return
    cols[key] = lines.str[0].astype(object).where(text.notna(), None)
    post = rest.astype(object).where(rest.notna(), None)
    if not with_post:  # under a name's header alone: a line that names a known post
        _, issues = nz.normalise_code(post, codes="category")
        post = post.where(~issues.bad.to_numpy(dtype=bool), None)
    if ("positions", "title") not in cols and post.notna().any():
        cols["positions", "title"] = post
        places["positions", "title"] = places[key]
        rest = rest.mask(post.notna().to_numpy(dtype=bool))
    for at, line in zip(rows[rest.notna()], rest[rest.notna()], strict=True):
        problems.append(
            problem(where, "cadres", int(at), places[key], None, "name_second_line",
                    severity="warning", cell=repr(str(line)))
        )  # fmt: skip


def parents(body: pd.DataFrame, skip_cols: list[int], numbered: pd.Series) -> pd.Series:
    """Rows numbered N (a whole number) whose next numbered row is N.1, N.a ...: the
    heading of the rows numbered under it, not a person."""
    if not skip_cols:
        return pd.Series(False, index=body.index)
    text, whole = _typed(body[skip_cols[0]].where(numbered))
    listed = text[numbered]
    after = listed.shift(-1)  # the next numbered row's number
    dot = after.str.contains(".", regex=False).fillna(False)
    head = after.str.split(".", n=1).str[0]
    parent = whole[numbered] & dot & head.eq(listed).fillna(False)
    return parent.astype(bool).reindex(body.index, fill_value=False)


def page_tops(
    body: pd.DataFrame, filled: pd.DataFrame, again: pd.Series, titles: pd.DataFrame
) -> pd.Series:
    """Rows of a list's ``body`` just above a repeated header (``again``; blank rows may
    stand between) whose every filled cell is the text of a cell of the list's title rows
    (``titles``: the lines above its header): the title printed again at the top of a new
    page, no group row (an agency) and no person.

    >>> title = pd.DataFrame([["UBND XÃ NẬM TĂM", None], ["DANH SÁCH CÁN BỘ", None]])
    >>> body = pd.DataFrame([["1", "Lò Văn A"], ["Ubnd xã  Nậm Tăm", None], [None, None],
    ...                      ["TT", "Họ và tên"], ["II. UBND xã", None], ["TT", "Họ và tên"]])
    >>> again = pd.Series([False, False, False, True, False, True])
    >>> page_tops(body, filled_cells(body), again, title).tolist()
    [False, True, False, False, False, False]
    """
    keys: set[str] = set()
    for j in titles.columns:
        keys |= set(nz.keys_of(nz.to_text(titles[j].astype(object)).dropna()))
    title = filled.any(axis=1)
    for j in body.columns:
        key = nz.keys_of(nz.to_text(body[j].where(filled[j]).astype(object)))
        title &= ~filled[j] | key.isin(keys)
    blank = ~filled.any(axis=1)
    # each row's nearest row below that is neither blank nor a title line: a repeated header?
    below = again.astype(float).where(again | ~(blank | title)).bfill()
    return (title & ~again & below.eq(1.0)).astype(bool)


def _typed(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Cells as the text typed in them (a whole number without decimals: 12.0 is "12"),
    and which of them are whole numbers."""
    number = pd.to_numeric(cells, errors="coerce")
    whole = number.notna() & (number == number.round())
    text = cells.astype("string").str.strip()
    return text.mask(whole, number.where(whole).astype("Int64").astype("string")), whole


def group_text(
    body: pd.DataFrame, filled: pd.DataFrame, lead: list[int], name: int | None
) -> pd.Series:
    """The text of a group row: its name cell, else its first filled leading cell."""
    text = pd.Series(None, index=body.index, dtype=object)
    for j in reversed(lead):
        text = body[j].where(filled[j], text)
    if name is not None:
        text = body[name].where(filled[name], text)
    return nz.to_text(text.astype(object)).str.replace(NUMBERED, "", regex=True)


def notes_under(
    body: pd.DataFrame,
    filled: pd.DataFrame,
    rows: tuple[pd.Series, pd.Series, pd.Series],
    problems: list[Problem],
    where: str,
    first: int,
) -> tuple[pd.Series, pd.Series]:
    """The group rows and the rows of no person of a list's ``body`` (``rows``: which
    are a person, a group row, a row of no person) without the note under the list: from
    the first row under the last person whose first filled cell begins as a note does
    (:data:`NOTE`: "Ghi chú:", "(*) Đồng chí ... đang đi học", "(1) Số liệu do ...")
    to the last, each such row is no group (an agency of the people above, or none) and
    no row of no person: it is said, with its text, as a note not read (``first``: the
    row number of the body's first row, ``where``: the file and sheet).

    >>> body = pd.DataFrame({0: ["I. Văn phòng", "Lò Văn An", "Ghi chú:", "- Đi học"]})
    >>> person = pd.Series([False, True, False, False])
    >>> said: list[Problem] = []
    >>> group, stray = notes_under(body, body.notna(), (person, ~person, person), said, "a", 5)
    >>> group.tolist(), [(p.row, p.key) for p in said]
    ([True, False, False, False], [(7, 'list_note_not_read'), (8, 'list_note_not_read')])
    """
    person, group, stray = rows
    text = pd.Series(None, index=body.index, dtype=object)
    for j in reversed(body.columns):  # each row's first filled cell
        text = body[j].where(filled[j], text)
    text = nz.to_text(text.astype(object))
    under = person.iloc[::-1].cumsum().iloc[::-1].eq(0)  # no person at or below
    lines = (group | stray) & under
    begins = lines & text.str.match(NOTE).fillna(False).astype(bool)
    note = lines & begins.cumsum().gt(0)
    for at, line in zip(note[note].index, text[note], strict=True):
        problems.append(
            problem(where, None, int(at) + first, None, None, "list_note_not_read",
                    severity="warning", cell=repr(str(line)))
        )  # fmt: skip
    return group & ~note, stray & ~note


def date_of_parts(body: pd.DataFrame, filled: pd.DataFrame, parts: dict[str, int]) -> pd.Series:
    """A date written in columns of its parts (``parts``: day, month, year -> column), row
    by row as one day-first text: 12, 3 and 1980 give "12/3/1980"; the parts a row fills,
    as they are, when it does not fill all three (a year alone, "1980", is then refused
    as a date column refuses it, with its note); missing where none is filled.

    >>> body = pd.DataFrame({0: [12.0, None, None], 1: [3.0, None, None], 2: [1980, 1975, None]})
    >>> date_of_parts(body, body.notna(), {"day": 0, "month": 1, "year": 2}).tolist()
    ['12/3/1980', '1975', None]
    """
    texts = []
    for part in DATE_PARTS:
        if part not in parts:
            continue
        text, _ = _typed(body[parts[part]].where(filled[parts[part]]))
        texts.append(text.fillna(""))
    joined = texts[0]
    for text in texts[1:]:
        joined = joined + "/" + text
    joined = joined.str.replace(r"/{2,}", "/", regex=True).str.strip("/")
    return joined.astype(object).where((joined != "").to_numpy(dtype=bool), None)


def joined(body: pd.DataFrame, filled: pd.DataFrame, columns: tuple[int, ...]) -> pd.Series:
    """The text of ``columns`` joined with a space, row by row (a name in two columns:
    "Lò Văn" and "An" give "Lò Văn An"); missing where every one is blank."""
    parts = [body[c].where(filled[c]).astype("string").fillna("") for c in columns]
    text = parts[0]
    for part in parts[1:]:
        text = text + " " + part
    text = text.str.split().str.join(" ")
    return text.where(text != "").astype(object)


def agency_keys(
    agency: pd.Series,
    commune: pd.Series,
    bloc: pd.Series,
    rows: pd.Series,
    file: str,
    problems: list[Problem],
) -> tuple[pd.Series, pd.Series]:
    """The name and key of each person row's agency: the agency the row names
    (``agency``: its agency column or group row), else the part of its commune in the
    bloc it is under (``bloc``: its bloc column or group row, as written), named by the
    bloc as written ("Khối Đảng, đoàn thể": one agency per commune and bloc, so that the
    People's Committee's chair under "Khối chính quyền" is never in the Party's bloc),
    else the commune. An agency named under two blocs is two agencies, each post in the
    bloc its row is under; it is said once (``problems``: a warning naming the agency, its
    blocs and the row where the second begins). A row of a named agency with no bloc is
    of the bloc the agency's other rows give. A list with no bloc keys its agencies by
    name as before.

    >>> agency = pd.Series([None, None, None, "Văn phòng", "Văn phòng"], dtype=object)
    >>> commune = pd.Series(["Xã A"] * 5, dtype=object)
    >>> bloc = pd.Series(["Khối Đảng", "Khối chính quyền", None, "Khối Đảng",
    ...     "Khối chính quyền"], dtype=object)
    >>> said: list[Problem] = []
    >>> name, key = agency_keys(agency, commune, bloc, pd.Series([5, 6, 7, 8, 9]), "f", said)
    >>> name.tolist(), key.nunique(), [(p.row, p.key) for p in said]
    (['Khối Đảng', 'Khối chính quyền', 'Xã A', 'Văn phòng', 'Văn phòng'], 5, [(9, 'agency_two_blocs')])
    """
    named = agency.notna()
    bloc_text = nz.to_text(bloc)
    code, _ = nz.normalise_code(bloc_text, codes="bloc")
    # a bloc no code names is kept apart by its own text (validation says the cell)
    bloc_key = code.astype(object).where(code.notna(), nz.keys_of(bloc_text))
    name_key = nz.keys_of(agency.where(named, commune))
    by_name = name_key.where(named)
    # a named agency's row with no bloc is in the bloc of the agency's other rows
    first = bloc_key.groupby(by_name, sort=False, dropna=False).transform("first")
    bloc_key = bloc_key.where(~named | bloc_key.notna(), first)
    twice = named & bloc_key.where(named).groupby(by_name).transform("nunique").gt(1)
    # the first row of each such agency under another bloc than its first: said there
    later = twice & bloc_key.ne(first)
    said = later & ~by_name.where(later).duplicated()
    for at, it in zip(rows[said], by_name[said], strict=True):  # once per agency
        of = by_name.eq(it)
        written = ", ".join(repr(str(b)) for b in
                            bloc_text[of].groupby(bloc_key[of], sort=False).first())  # fmt: skip
        problems.append(
            problem(file, "agencies", int(at), "bloc", None, "agency_two_blocs",
                    severity="warning", agency=repr(str(agency[of].iloc[0])), blocs=written)
        )  # fmt: skip
    key = name_key + ("\x1f" + bloc_key.astype(object)).fillna("")
    name = agency.where(named, bloc_text.where(bloc_text.notna(), commune))
    return name, key
