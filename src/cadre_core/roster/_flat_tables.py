"""The raw roster tables made from the person rows of a flat list.

Each person row gives a cadre and an assignment, on the list's day, to the position made
of its title and agency (one position per distinct title in an agency, its quota the
number of holders); the agency comes from an agency column or the group row above; degree,
theory and rating cells give one row each. Ids the list does not hold are made from the
row numbers (``DS0005``: the person on row 5; a second sheet's or table's rows counted on
from the first's, :func:`running_rows`). Nothing here checks a value: the tables go
through the roster's normalisation and validation like any other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

import pandas as pd

from cadre_core.roster import _normalize as nz
from cadre_core.roster._flat_bodies import SheetAgency, sheet_bodies
from cadre_core.roster._flat_header import FLAT_COLUMNS, Field
from cadre_core.roster._flat_rows import agency_keys
from cadre_core.roster._held_levels import not_yet_held
from cadre_core.roster._level_field import fields_named
from cadre_core.roster._names import in_capitals, without_status
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._reader import RawTable
from cadre_core.vocab._labels import label

MADE = label("problem_made_from_list", "en")
# tables a flat list never holds, and position columns it never holds
NEVER_IN_A_LIST = (
    "trainings",
    "equipment",
    "succession",
    "scores",
    "discipline",
    "indicators",
    "satisfaction",
    "unit_ratings",
    "positions.min_education",
    "positions.min_theory",
    "positions.accepted_fields",
)

# the columns a list may hold, per table (the key columns are made where a list has none)
_LISTED: Mapping[str, tuple[str, ...]] = {
    table: tuple(c for c in columns if c != "cadre_id") for table, columns in FLAT_COLUMNS
}

ROW_BASE = 1_000_000
"""Rows of a list's sheet ``i`` are numbered ``i * ROW_BASE + row`` until they are placed
back in their sheet (:func:`~cadre_core.roster._flat.relocate`)."""

VACANT = ("_row", "vacant")
"""The key of a list sheet's column that says which person rows are a vacant post."""

TITLE = ("positions", "title")
"""The key of a list's post title, read from each column whose header names it."""


def title_key(n: int) -> tuple[str, str]:
    """The key of a list sheet's ``n``-th column of post titles (from 0: ``TITLE``; a
    second, "Chức danh" beside "Chức vụ" or "Chính quyền" beside "Đảng", from 1), each
    read, a row's posts their union (:func:`row_posts`).

    >>> title_key(0), title_key(1)
    (('positions', 'title'), ('positions', 'title_2'))
    """
    return TITLE if n == 0 else (TITLE[0], f"{TITLE[1]}_{n + 1}")


def title_columns(
    chosen: Mapping[tuple[str, str], Sequence[int]],
) -> dict[tuple[str, str], list[int]]:
    """``chosen`` (each field's columns) with each column of post titles under its own key
    (:func:`title_key`), as the columns are read into a sheet's raw columns.

    >>> title_columns({TITLE: [4, 5], ("cadres", "full_name"): [1]})
    {('positions', 'title'): [4], ('positions', 'title_2'): [5], ('cadres', 'full_name'): [1]}
    """
    split: dict[tuple[str, str], list[int]] = {}
    for key, js in chosen.items():
        if key == TITLE:
            split.update({title_key(n): [j] for n, j in enumerate(js)})
        else:
            split[key] = list(js)
    return split


SheetRead = tuple[
    int,
    Mapping[tuple[str, str], pd.Series],
    Sequence[tuple[Field, pd.Series]],
    pd.Series,
    Mapping[tuple[str, str], str],
]


def rating_year(day: dt.date) -> int:
    """The year whose annual rating a list of ``day`` holds: the latest year ended on or
    before the day.

    >>> rating_year(dt.date(2025, 12, 31)), rating_year(dt.date(2026, 3, 1))
    (2025, 2025)
    """
    return day.year if (day.month, day.day) == (12, 31) else day.year - 1


# what separates posts held together in one cell: "Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
# "Bí thư Đảng ủy; Chủ tịch HĐND xã", "Bí thư Đảng ủy kiêm Chủ tịch HĐND xã", and a dash
# before the title of a post ("Phó Bí thư ĐU - Chủ tịch UBND"; never inside a duty's name,
# "Văn phòng - Thống kê", whose dash no title follows)
_TITLE_AFTER = (
    r"(?:phó\s+|p\.?\s*)?(?:chủ tịch|bí thư|chủ nhiệm|trưởng|chánh|giám đốc|công chức|"
    r"chuyên viên|ct|bt|cc|tp)\b"
)
_HELD_TOGETHER = re.compile(
    rf"\s*(?:[;,/+\n]|\bkiêm\b)\s*|\s+[-–—]\s+(?={_TITLE_AFTER})", re.IGNORECASE
)
# a membership named beside a post, which is no post: "Ủy viên Ban Thường vụ, Trưởng Ban ..."
_MEMBERSHIP = re.compile(r"^(?:ủy viên|uỷ viên|đảng viên)\b", re.IGNORECASE)


def held_posts(title: pd.Series) -> tuple[pd.Series, dict[str, list[str]]]:
    """Per row, the posts its title cell names: the cell itself when it names one post
    (of a category, or of none the reader knows), else the posts it names held together
    that name a category ("Phó Bí thư Đảng ủy, Chủ tịch UBND xã" is two: the deputy
    secretary and the People's Committee's chair); a membership beside them ("Ủy viên Ban
    Thường vụ") is no post. With them, per cell, the parts beside those posts that name
    no category the reader knows ("Chỉ huy trưởng Quân sự"), for the caller to say; a
    cell none of whose parts names one stays whole. Read once per distinct cell.

    >>> posts, unread = held_posts(pd.Series(["Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
    ...     "Chủ tịch UBND xã", "Ủy viên BTV, Trưởng Ban Xây dựng Đảng", "Thủ quỹ, tạp vụ",
    ...     "Bí thư Đảng ủy, Chỉ huy trưởng Quân sự", None], dtype=object))
    >>> posts.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Phó Bí thư Đảng ủy', 'Chủ tịch UBND xã'], ['Chủ tịch UBND xã'],
     ['Trưởng Ban Xây dựng Đảng'], ['Thủ quỹ, tạp vụ'], ['Bí thư Đảng ủy'], [None]]
    >>> unread
    {'Bí thư Đảng ủy, Chỉ huy trưởng Quân sự': ['Chỉ huy trưởng Quân sự']}
    """
    distinct = pd.Series(title.dropna().unique(), dtype=object)
    _, whole = nz.normalise_code(distinct, codes="category")
    # the posts of every cell not read whole, read together in one pass
    cells = distinct[whole.bad.to_numpy()]
    parts = cells.map(lambda c: [p for p in _HELD_TOGETHER.split(c) if p.strip()])
    posts = parts.map(lambda ps: [p for p in ps if not _MEMBERSHIP.match(p)])
    tried = posts[(parts.str.len() >= 2) & (posts.str.len() >= 1)].explode()
    _, each = nz.normalise_code(tried.astype(object), codes="category")
    read = pd.Series(~each.bad.to_numpy(), index=tried.index)
    split: dict[str, list[str]] = {}
    unread: dict[str, list[str]] = {}
    for i, ok in read.groupby(level=0):
        if not ok.any():
            continue  # no part names a category: the cell stays one title
        named = tried[tried.index == i]
        split[cells[i]] = named[ok.to_numpy()].tolist()
        if not ok.all():
            unread[cells[i]] = named[~ok.to_numpy()].tolist()
    posts_of = pd.Series(
        [split.get(t, [t]) if isinstance(t, str) else [t] for t in title.tolist()],
        index=title.index,
        dtype=object,
    )
    return posts_of, unread


# a line break in a cell: Alt+Enter in a workbook, a Word cell's paragraphs, an html <br>
_LINE_BREAK = r"[\r\n\v\f\u2028\u2029]+"


def _read_whole(text: pd.Series) -> pd.Series:
    """Per cell of ``text``, whether every post :func:`held_posts` reads in it names a
    known category, no part of it left unread."""
    posts, unread = held_posts(text)
    each = posts.explode()
    _, issues = nz.normalise_code(each.astype(object), codes="category")
    named = pd.Series(~issues.bad.to_numpy(), index=each.index).groupby(level=0).all()
    return named.reindex(text.index, fill_value=False) & ~text.isin(list(unread))


def lines_apart(raw: pd.Series) -> pd.Series:
    """Per row, the text of a post title cell (as :func:`~cadre_core.roster._normalize.
    to_text` gives it), its lines kept apart by a line break where each is a post held
    together, for :func:`held_posts` to split. A cell on several lines is a post per line
    where each line names posts of known categories ("Bí thư Đảng ủy / Chủ tịch HĐND
    xã": two posts, never the one unknown title "Bí thư Đảng ủy Chủ tịch HĐND xã"); else
    one title wrapped over them where its text, the lines joined, does ("Phó Bí thư
    Thường trực / Đảng ủy xã"); else a post per line where some line names a category (the
    others said by the caller as parts not read); else its lines joined, as before. Read
    once per distinct cell.

    >>> lines_apart(pd.Series(["Bí thư Đảng ủy\\nChủ tịch HĐND xã",
    ...     "Phó Bí thư Thường trực\\nĐảng ủy xã", "Thủ quỹ\\nTạp vụ", None],
    ...     dtype=object)).tolist()
    ['Bí thư Đảng ủy\\nChủ tịch HĐND xã', 'Phó Bí thư Thường trực Đảng ủy xã', 'Thủ quỹ Tạp vụ', nan]
    """
    text = nz.to_text(raw)
    lined = raw.astype("string").str.contains(_LINE_BREAK, regex=True).fillna(False).astype(bool)
    if not bool(lined.any()):
        return text
    cells = pd.Series(raw[lined].unique(), dtype=object)
    lines = nz.to_text(cells.astype(str).str.split(_LINE_BREAK, regex=True).explode())
    lines = lines.dropna()
    kept = lines.groupby(level=0).agg("\n".join).reindex(cells.index)
    every_line = _read_whole(lines).groupby(level=0).all().reindex(cells.index, fill_value=False)
    apart, _ = held_posts(kept)
    some_line = apart.str.len().gt(1) | apart.str[0].ne(kept)
    apart_ok = kept.notna() & (every_line | (~_read_whole(nz.to_text(cells)) & some_line))
    by_cell = dict(zip(cells[apart_ok], kept[apart_ok], strict=True))
    chosen = raw.where(lined).map(by_cell)
    return text.where(chosen.isna(), chosen)


def row_posts(
    people: pd.DataFrame, rows: pd.Series, file: str, problems: list[Problem]
) -> tuple[pd.Series, pd.Series]:
    """The posts each person row of ``people`` holds, one entry per post (indexed by the
    row, repeated), with the raw column each is read from (``title``, ``title_2`` …): the
    union of the posts of its title cells (each as :func:`held_posts` reads one), the same
    post written twice (same text key) once, and a membership ("Ủy viên BTV") no post
    beside a post of another cell, as it is none beside a post in one cell. A row with no
    title in any column keeps one blank post. A part of a cell naming no post beside its
    posts is said (``problems``) on the cell's column.

    >>> people = pd.DataFrame({"positions.title": ["Bí thư Đảng ủy", "Ủy viên BTV", None],
    ...     "positions.title_2": ["Chủ tịch HĐND xã", "Chủ tịch UBMTTQ xã", None]})
    >>> posts, origin = row_posts(people, pd.Series([5, 6, 7]), "ds.xlsx", [])
    >>> list(zip(posts.index, posts, origin))  # doctest: +NORMALIZE_WHITESPACE
    [(0, 'Bí thư Đảng ủy', 'title'), (0, 'Chủ tịch HĐND xã', 'title_2'),
     (1, 'Chủ tịch UBMTTQ xã', 'title_2'), (2, None, 'title')]
    """
    names = [c for c in people.columns if c.startswith(f"{TITLE[0]}.{TITLE[1]}")]
    names = sorted(names or [".".join(TITLE)], key=lambda c: (len(c), c))  # title first
    parts = []
    for name in names:
        column = name.split(".", 1)[1]
        text = lines_apart(people[name]) if name in people else pd.Series(
            None, index=people.index, dtype=object)  # fmt: skip
        posts, beside = held_posts(text)
        for cell, others in beside.items():  # said once per cell, at its first row
            at = int(rows[text.index[text == cell][0]])
            problems.append(
                problem(file, "positions", at, column, cell, "post_not_read",
                        severity="warning", posts=", ".join(repr(o) for o in others))
            )  # fmt: skip
        parts.append(pd.DataFrame({"post": posts.explode(), "column": column}))
    held = pd.concat(parts).sort_index(kind="stable")
    post = held["post"].astype(object).where(held["post"].notna(), None)
    filled = post.notna()
    member = post.astype("string").str.match(_MEMBERSHIP.pattern, flags=re.IGNORECASE)
    member = member.fillna(False).astype(bool) & filled
    beside_post = (filled & ~member).groupby(level=0).transform("any")
    blank_row = ~filled.groupby(level=0).transform("any")
    key = nz.keys_of(post).astype(object)
    again = pd.DataFrame({"row": held.index, "key": key.to_numpy()}).duplicated().to_numpy()
    first = ~held.index.duplicated()
    keep = (filled & ~(member & beside_post) & ~again) | (blank_row & first)
    return post[keep], held["column"][keep]


def running_rows(rows: pd.Series) -> pd.Series:
    """The row numbers a list's made ids are of (``DS0005``): a sheet's or a Word table's
    own rows, those of the next one counted on from the last person row of the one before,
    as if the sheets were one (``rows``: the encoded rows of person rows, sheet ``i``'s row
    ``r`` as ``i * ROW_BASE + r``). A list of one sheet keeps its rows; no two people of
    a list share a number.

    >>> running_rows(pd.Series([3, 4, 7, ROW_BASE + 3, ROW_BASE + 4, 3 * ROW_BASE + 2])).tolist()
    [3, 4, 7, 10, 11, 13]
    """
    sheet, row = rows // ROW_BASE, rows % ROW_BASE
    last = row.groupby(sheet).max()  # each sheet's last person row, in the sheets' order
    before = last.cumsum().shift(fill_value=0)
    return row + sheet.map(before)


def _codes(keys: pd.Series, prefix: str, width: int) -> pd.Series:
    """A code per distinct key, numbered in order of first appearance (missing stays missing)."""
    distinct = pd.unique(keys.dropna())
    numbers = {k: f"{prefix}{i + 1:0{width}d}" for i, k in enumerate(distinct)}
    return keys.map(numbers)


def _first(values: pd.Series, by: pd.Series) -> pd.Series:
    """The first filled value of each group of ``by``, spread back to every row."""
    return values.groupby(by, sort=False, dropna=False).transform("first")


def build_tables(
    sheets: Sequence[SheetRead],
    file: str,
    day: dt.date,
    commune: str | None,
    serials: bool = True,
    communes: Mapping[int, str] | None = None,
    marks: Mapping[str, Mapping[int, str]] | None = None,
    bodies: Mapping[int, SheetAgency] | None = None,
) -> tuple[
    list[RawTable],
    tuple[str, ...],
    tuple[str, ...],
    dict[tuple[int, str, str], str],
    list[Problem],
]:
    """The raw tables of a list's person rows, what it cannot inform, the columns it
    informs only cell by cell (a blank there is unknown), where each column came from
    ((sheet, table, column) -> header label) and the warnings about it. A list with no
    commune column is of the commune its title rows name: each sheet's own
    (``communes``, by sheet number: a workbook of one sheet per commune), else the
    file's (``commune``). ``marks``: the person cells holding an error value or a formula
    with no saved value (by ``table.column`` and row), named in the raw tables they go to
    for validation to say; an agency or a post made of one is the row's own, never merged
    with another row's (:mod:`cadre_core.roster._cell_errors`). ``bodies``: the body of
    the commune each sheet names, by sheet number (a workbook of one sheet per body:
    :func:`~cadre_core.roster._flat_bodies.sheet_agencies`), its people's agency when
    their row names none."""
    marks = marks or {}
    parts = []
    places: dict[tuple[int, str, str], str] = {}
    rating_parts = []
    for number, cols, ratings, rows, sheet_places in sheets:
        frame = pd.DataFrame({f"{t}.{c}": s for (t, c), s in cols.items()}, index=rows.index)
        frame["row"] = rows
        frame["_sheet"] = number
        parts.append(frame)
        for (t, c), header in sheet_places.items():
            places[number, t, c] = header
            for other in ("assignments", "degrees", "theory", "ratings"):
                if (t, c) == ("cadres", "cadre_id"):
                    places[number, other, "cadre_id"] = header
            if (t, c) == ("positions", "title"):
                places[number, "positions", "category"] = header
        if ("degrees", "level") in sheet_places and ("degrees", "field") not in sheet_places:
            # the field a qualification cell names after its level ("Đại học Luật")
            places[number, "degrees", "field"] = sheet_places["degrees", "level"]
        for field, values in ratings:
            rating_parts.append((field, database_nulls(values), rows))
    people = pd.concat(parts, ignore_index=True).astype(object)
    vacant_key = ".".join(VACANT)
    vacant = (
        people.pop(vacant_key).fillna(False).astype(bool)
        if vacant_key in people
        else pd.Series(False, index=people.index)
    )
    for name in list(people.columns):
        if name != "row":
            people[name] = database_nulls(people[name].where(people[name].notna(), None))

    def col(name: str) -> pd.Series:
        return people[name] if name in people else pd.Series(None, index=people.index, dtype=object)

    rows = people["row"].astype("int64")
    problems: list[Problem] = []
    if "cadres.full_name" in people:  # "Lê Thị Hiền (*)": the name, its mark said
        people["cadres.full_name"] = _without_marks(people["cadres.full_name"], rows, file,
                                                    problems)  # fmt: skip
    not_yet_held(people, rows, file, problems)  # "Ths (đang học)": no level held yet
    by_cell = _fields_of_levels(people, rows, file, problems)
    made_id = "DS" + running_rows(rows).astype(str).str.zfill(4)
    cadre_id = col("cadres.cadre_id")
    if "cadres.cadre_id" not in people:
        cadre_id = made_id
    tables: dict[str, pd.DataFrame] = {}
    tables["cadres"] = pd.DataFrame(
        {"cadre_id": cadre_id}
        | {c: col(f"cadres.{c}") for c in _LISTED["cadres"] if f"cadres.{c}" in people}
    )  # fmt: skip
    if "birth_date" not in tables["cadres"]:
        # a list without birth dates: every cadre is of unknown age (an error per person,
        # which --skip-invalid sets aside cell by cell), never a missing-column error
        # that no option can pass; said once as the list's own, each row's error naming
        # the column it lacks (birth_date, "Ngày sinh"), not one made from the list
        tables["cadres"]["birth_date"] = None
        places.update({(n, "cadres", "birth_date"): "birth_date" for n, *_ in sheets})
        problems.append(
            problem(file, "cadres", None, "birth_date", None, "list_no_birth_dates",
                    severity="warning")
        )  # fmt: skip
    # agencies: an agency column or group rows, else the body the row's sheet names (a
    # workbook of one sheet per body), else one agency for the commune
    sheet_bodies(people, bodies or {}, places, file, problems)
    agency_text = nz.to_text(col("agencies.name"))
    commune_text = nz.to_text(col("agencies.commune"))
    if commune_text.isna().all() and (commune is not None or communes):
        titled = communes or {}
        commune_text = people["_sheet"].map(lambda n: titled.get(n, commune)).astype(object)
        named = ", ".join(repr(c) for c in dict.fromkeys(commune_text.dropna()))
        problems.append(
            problem(file, "agencies", None, "commune", None, "commune_from_title",
                    severity="warning", commune=named)
        )  # fmt: skip
    agency_name, agency_key = agency_keys(agency_text, commune_text, col("agencies.bloc"),
                                          rows, file, problems)  # fmt: skip
    for n, *_ in sheets:  # an agency a bloc names is named where the bloc is read
        if (n, "agencies", "bloc") in places and agency_text.isna().any():
            places.setdefault((n, "agencies", "name"), places[n, "agencies", "bloc"])
    apart = _marked_rows(marks, "agencies", rows)  # a failed cell is no shared agency
    agency_code = _codes(agency_key.where(~apart, agency_key + "\x1f" + rows.astype(str)), "DV", 2)
    if agency_code.notna().any():
        agencies = pd.DataFrame(
            {
                "agency_code": agency_code,
                "name": agency_name,
                "commune": _first(commune_text, agency_code),
                "bloc": _first(col("agencies.bloc"), agency_code),
                "row": rows,
            }
        )
        agencies = agencies[agency_code.notna()].drop_duplicates("agency_code")
        tables["agencies"] = agencies
    # positions: one per distinct (agency, title); a cell naming several posts held
    # together is a position and an assignment per post (when the list gives no
    # position codes nor categories of its own)
    title = nz.to_text(col("positions.title"))
    origin = pd.Series(TITLE[1], index=title.index, dtype=object)
    if "positions.position_code" not in people and "positions.category" not in people:
        title, origin = row_posts(people, rows, file, problems)  # every title column's
    held = title.index  # the person row of each post (a row repeats for each post)

    def post(values: pd.Series) -> pd.Series:
        """A person row's value for each of its posts, numbered from 0."""
        return values.loc[held].reset_index(drop=True)

    title, origin = title.reset_index(drop=True), origin.reset_index(drop=True)
    post_agency, post_rows = post(agency_code), post(rows)
    post_key = (
        post_agency.astype(object).fillna("") + "\x1f" + nz.keys_of(title).astype(object).fillna("")
    )
    post_apart = post(_marked_rows(marks, "positions", rows))  # a failed cell: no shared post
    post_key = post_key.where(~post_apart, post_key + "\x1f" + post_rows.astype(str))
    position_code = post(col("positions.position_code")).fillna(_codes(post_key, "VT", 3))
    if "positions.category" in people:
        category = _first(post(col("positions.category")), position_code)
    else:
        category, issues = nz.normalise_code(title, codes="category")
        category = category.astype(object).where(~issues.bad, None)
        unknown = title[issues.bad & ~post_apart].drop_duplicates()
        first_rows = post_rows[unknown.index].tolist()
        for at, t, c in zip(first_rows, unknown.tolist(), origin[unknown.index], strict=True):
            problems.append(
                problem(file, "positions", int(at), str(c), str(t), "unknown_category",
                        severity="warning")
            )  # fmt: skip
    holders = position_code.map(position_code.value_counts())
    positions = pd.DataFrame(
        {
            "position_code": position_code,
            "title": title,
            "agency_code": post_agency,
            "category": category,
            "quota": holders,
            "row": post_rows,
        }
        | (
            {"elected": _first(post(col("positions.elected")), position_code)}
            if "positions.elected" in people
            else {}
        )
    ).drop_duplicates("position_code")
    tables["positions"] = positions
    tables["assignments"] = pd.DataFrame(
        {
            "cadre_id": post(cadre_id),
            "position_code": position_code,
            "start_date": post(col("assignments.start_date")).fillna(pd.Timestamp(day)),
            "end_date": post(col("assignments.end_date")),
            "row": post_rows,
        }
        | (
            {"rotation": post(col("assignments.rotation"))}
            if "assignments.rotation" in people
            else {}
        )
    )
    for table, columns in (("degrees", ("level", "field", "awarded_date")),
                           ("theory", ("level", "awarded_date"))):  # fmt: skip
        present = [c for c in columns if f"{table}.{c}" in people]
        if not present:
            continue
        # (where the degree was taken, how the course was followed: only beside a degree)
        more = [c for c in _LISTED[table] if c not in columns and f"{table}.{c}" in people]
        frame = pd.DataFrame(
            {"cadre_id": cadre_id} | {c: col(f"{table}.{c}") for c in (*present, *more)}
        )
        tables[table] = frame[frame[present].notna().any(axis=1)]
    if rating_parts:
        year_col = col("ratings.year")
        frames = []
        for field, values, sheet_rows in rating_parts:
            them = people.index[rows.isin(sheet_rows.to_numpy()).to_numpy()]
            v = pd.Series(values.to_numpy(), index=them)
            year = year_col.loc[them].fillna(field.year or rating_year(day))
            frame = pd.DataFrame({"cadre_id": cadre_id.loc[them], "year": year, "rating": v})
            frames.append(frame[v.notna()])
        tables["ratings"] = pd.concat(frames)
    # a vacant post's row gives its position (counted in the quota), and no one
    vacant_rows = rows[vacant]
    for at, cell in zip(vacant_rows, col("cadres.full_name")[vacant], strict=True):
        problems.append(
            problem(file, "positions", int(at), "title", None, "vacant_post",
                    severity="warning", cell=repr(str(cell)))
        )  # fmt: skip
    raws = []
    for name, frame in tables.items():
        with_rows = frame.join(rows.rename("_row")) if "row" not in frame else frame
        row_of = with_rows["_row"] if "_row" in with_rows else with_rows["row"]
        if len(vacant_rows) and name not in ("agencies", "positions"):
            someone = ~row_of.isin(vacant_rows.to_numpy()).to_numpy()
            frame, row_of = frame[someone], row_of[someone]
        body = frame.drop(columns=["row"], errors="ignore").reset_index(drop=True)
        marked = {p: m for p, c in enumerate(body.columns) if (m := marks.get(f"{name}.{c}"))}
        raws.append(RawTable(name, body, row_of.reset_index(drop=True), file, serials=serials,
                             marks=marked))  # fmt: skip
    absent = (
        tuple(NEVER_IN_A_LIST)
        + tuple(t for t in ("degrees", "theory", "ratings") if t not in tables)
        + tuple(f"cadres.{c}" for c in ("gender", "ethnicity") if c not in tables["cadres"])
        + (("cadres.birth_date",) if "cadres.birth_date" not in people else ())
    )
    return raws, absent, by_cell, places, problems


#: a database export's empty field, as phpMyAdmin, MySQL and SQL Server write it in text
DATABASE_NULL = "null"


def database_nulls(values: pd.Series) -> pd.Series:
    """``values`` with each cell whose whole text is ``NULL`` (any case) blank (None).

    A database writes an empty field as NULL when it exports text (phpMyAdmin's "CSV for
    MS Excel" by default): SQL's NULL is no value, not a value that reads "NULL", and no
    name, code or day is spelled so; the cell is read as the database holds it, empty.

    >>> database_nulls(pd.Series(["NULL", " null ", "Nullah", None, 3], dtype=object)).tolist()
    [None, None, 'Nullah', None, 3]
    """
    kinds = ("string", "mixed", "mixed-integer")  # a column holding text
    if values.dtype != object or pd.api.types.infer_dtype(values, skipna=True) not in kinds:
        return values
    # every cell as text: numbers and days are never NULL, and a column of text, whole
    # numbers and floats (19780312 beside a day typed again) has no .str of its own
    text = values.astype(str).str.strip().str.casefold()
    null = text.eq(DATABASE_NULL) & values.notna()
    return values.where(~null, None) if bool(null.any()) else values


# a footnote's mark after a name: "(*)", "*", "(1)", "[2]", "¹" (the note under the table)
_NAME_MARK = re.compile(
    r"(?<=[^\W\d_])\s*(\(\s*\*{1,3}\s*\)|\*{1,3}|\(\d{1,2}\)|\[\d{1,2}\]|[¹²³⁴-⁹]+)$"
)


def _without_marks(
    names: pd.Series, rows: pd.Series, file: str, problems: list[Problem]
) -> pd.Series:
    """The names of ``names`` without a footnote's mark after them ("Lê Thị Hiền (*)":
    "Lê Thị Hiền"): the mark points to a note under the table (newly elected, on leave),
    no part of a name, which would otherwise be another person's name in every count and
    every look-up. Each mark left out is said on its row, with the mark: the note it refers
    to is not read. So is a note of the person's status typed after the name ("VÀNG THỊ MỶ
    (nghỉ thai sản)", "Lỳ A Giàng - nghỉ ốm dài ngày": :func:`~cadre_core.roster._names.
    without_status`), said with the note; a name so left bare in capitals is then written
    as a name is ("Vàng Thị Mỷ")."""
    text = nz.to_text(names)
    bare, note = without_status(text)
    noted = note.notna()
    for at, cell, said in zip(rows[noted], text[noted], note[noted], strict=True):
        problems.append(
            problem(file, "cadres", int(at), "full_name", None, "name_status",
                    severity="warning", cell=repr(str(cell)), note=repr(str(said)))
        )  # fmt: skip
    mark = bare.str.extract(_NAME_MARK, expand=False)
    marked = mark.notna()
    changed = marked | noted
    if not bool(changed.any()):
        return names
    bare = bare.str.replace(_NAME_MARK, "", regex=True)
    for at, cell, sign in zip(rows[marked], text[marked], mark[marked], strict=True):
        problems.append(
            problem(file, "cadres", int(at), "full_name", None, "name_mark", severity="warning",
                    cell=repr(str(cell)), mark=repr(str(sign)))
        )  # fmt: skip
    return names.where(~changed, in_capitals(bare[changed]))


def _marked_rows(marks: Mapping[str, Mapping[int, str]], table: str, rows: pd.Series) -> pd.Series:
    """Which person rows (``rows``: their numbers) have a cell of ``table`` marked as
    holding an error value or a formula with no saved value."""
    marked = [r for key, cells in marks.items() if key.startswith(f"{table}.") for r in cells]
    return rows.isin(marked)


def _fields_of_levels(
    people: pd.DataFrame, rows: pd.Series, file: str, problems: list[Problem]
) -> tuple[str, ...]:
    """Give each degree the field its qualification cell names after the level ("Đại học
    Luật": Luật) where the row's field cell is blank or the list has none; a field cell
    that names another field wins, with a warning. Returns ``("degrees.field",)`` when the
    list has no field column but some cell names a field: the column is then informed
    cell by cell (a blank field is unknown, not "no field")."""
    if "degrees.level" not in people:
        return ()
    named = fields_named(people["degrees.level"])
    if not bool(named.notna().any()):
        return ()
    if "degrees.field" not in people:
        people["degrees.field"] = named.where(named.notna(), None)
        return ("degrees.field",)
    given = nz.to_text(people["degrees.field"])
    differ = given.notna() & named.notna() & (nz.keys_of(given) != nz.keys_of(named))
    for at, column, cell in zip(rows[differ], given[differ], named[differ], strict=True):
        problems.append(
            problem(file, "degrees", int(at), "field", str(column), "field_disagrees",
                    severity="warning", cell=repr(str(cell)))
        )  # fmt: skip
    people["degrees.field"] = given.where(given.notna(), named).where(
        given.notna() | named.notna(), None
    )
    return ()
