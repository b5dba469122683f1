"""One-row-per-person lists ("danh sách trích ngang") read into the roster's raw tables.

A flat list is a snapshot: one row per person, on one day (``--list-date``, else the day
its title names: "tính đến ngày 31/12/2025"). Its header is found by content
(:mod:`cadre_core.roster._flat_header`); group rows ("I. KHỐI ĐẢNG", "Văn phòng HĐND và
UBND") set the bloc or agency of the rows below them; footer rows (signatures, "Người lập
biểu") end it. Each person row gives a cadre, an assignment to the position made of its
title and agency, and its degree, theory and rating cells. The raw tables then go through
the same normalisation and validation as any roster, and every problem is moved back to
the file, sheet, row and column of the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cadre_core.roster._layout import Layout

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

import attrs
import pandas as pd

from cadre_core.roster import _normalize as nz
from cadre_core.roster._csv import csv_grid
from cadre_core.roster._docx import docx_grids, record_folder_grids
from cadre_core.roster._flat_bodies import SheetAgency
from cadre_core.roster._flat_header import (
    NAME_AND_POST,
    SKIP,
    Field,
    find_header,
    header_label,
    header_rows,
    marked_levels,
    name_parts,
    resolve,
)
from cadre_core.roster._flat_left import posts_left
from cadre_core.roster._flat_names import middle_of
from cadre_core.roster._flat_notes import notes_left
from cadre_core.roster._flat_pairs import by_field, next_rows, read_rows, relabelled, two_row_header
from cadre_core.roster._flat_parts import read_together, sibling_date_parts
from cadre_core.roster._flat_records import record_courses
from cadre_core.roster._flat_rows import (
    FOOTER,
    STAFF_KIND,
    SUBTOTAL,
    VACANT_NAME,
    date_of_parts,
    filled_cells,
    group_text,
    joined,
    matches,
    name_lines,
    notes_under,
    page_tops,
    parents,
)
from cadre_core.roster._flat_sheets import holds_list, listed_twice, workbook_grids
from cadre_core.roster._flat_split import list_parts
from cadre_core.roster._flat_tables import (
    MADE,
    ROW_BASE,
    TITLE,
    VACANT,
    build_tables,
    title_columns,
    title_key,
)
from cadre_core.roster._grid import Grid, encoded_marks, legacy_said, marked_cells, unicode_grid
from cadre_core.roster._guards import _check_workbook_size
from cadre_core.roster._html import html_grids
from cadre_core.roster._list_title import Undated, title_commune, title_day, title_period
from cadre_core.roster._lookup import code_keys, lookup_codes
from cadre_core.roster._merged import fill_merged
from cadre_core.roster._mhtml import mhtml_grids
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._reader import RawTable
from cadre_core.roster._record import COURSE_COLUMNS, not_read
from cadre_core.roster._record_day import dated_lines, record_day, signed_day
from cadre_core.roster._row_marks import marked_people
from cadre_core.roster._schema import header_key
from cadre_core.roster._sheets import sheet_names
from cadre_core.roster._sniff import LIST_SUFFIXES, named_as, source_of
from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._labels import fmt_date, label

_COLUMN_PLACE = re.compile(r" \(column [^()]*\)$")  # header_label's column letters


@attrs.frozen
class FlatRead:
    """What reading a flat list gives: raw tables, problems, its day and commune."""

    raws: tuple[RawTable, ...]
    problems: tuple[Problem, ...]
    day: dt.date | None
    commune: str | None  # named by the list's title rows
    absent: tuple[str, ...]  # tables (and table.column) the list cannot inform
    places: Mapping[tuple[int, str, str], str]  # (sheet, table, column) -> header label
    sheets: tuple[str, ...]
    found: bool = True  # some sheet holds the header of a list of people
    # columns informed cell by cell: a filled cell informs, a blank one is unknown (the
    # field a qualification cell names, "Đại học Luật", in a list with no field column)
    by_cell: tuple[str, ...] = ()
    # personal records ("Sơ yếu lý lịch"), each a sheet named by its file, not a list
    records: bool = False
    # a field read from one of several columns (a birth date under "Nam" or "Nữ"): the
    # header label of the column each person's value is in, by encoded row
    cell_places: Mapping[tuple[str, str], pd.Series] = attrs.field(factory=dict)
    # a field read from a person's next row (_flat_pairs): that row, by encoded row
    cell_rows: Mapping[tuple[str, str], pd.Series] = attrs.field(factory=dict)


def _grids(path: Path) -> tuple[list[Grid], list[Problem], dict[str, SheetAgency]]:
    """The sheets of a list (a CSV file is one, unnamed; a Word document's or a web page's
    tables are "Bảng 1", "Bảng 2" ...) with their merged ranges, and the body each sheet
    of a workbook names (:func:`~cadre_core.roster._flat_sheets.workbook_grids`). What the
    file holds is told by its bytes (:func:`~cadre_core.roster._sniff.source_of`), and
    said when its name says otherwise (a web page saved as ``.xls``)."""
    if path.is_dir():
        return (*record_folder_grids(path), {})
    source = source_of(path)
    said: list[Problem] = []
    if source != named_as(path):
        said.append(
            problem(path.name, None, None, None, None, "read_as_kind", severity="warning",
                    suffix=path.suffix.lower(), holds=source)
        )  # fmt: skip
    if source == "docx":
        grids, problems = docx_grids(path)
    elif source == "html":
        grids, problems = html_grids(path)
    elif source == "mhtml":
        grids, problems = mhtml_grids(path)
    elif source == "csv":
        grids, problems = csv_grid(path)
    else:
        grids, problems, bodies = workbook_grids(path)
        return grids, said + problems, bodies
    return grids, said + problems, {}


def _texts(grid: pd.DataFrame) -> list[str]:
    values = grid.to_numpy(dtype=object).ravel()
    return [" ".join(v.split()) for v in values if isinstance(v, str) and v.strip()]


@attrs.frozen
class _Sheet:
    """One sheet's person rows as raw canonical columns, with their sheet rows."""

    cols: dict[tuple[str, str], pd.Series]  # (table, column) -> raw cells of person rows
    ratings: list[tuple[Field, pd.Series]]
    rows: pd.Series  # encoded row numbers of the person rows
    places: dict[tuple[str, str], str]
    problems: list[Problem]
    # the text of the footer rows under the list (signatures, "Nậm Tăm, ngày 05 tháng 01
    # năm 2026"): the day it was signed when the title names none, never a person's note
    signing: list[str] = attrs.field(factory=list)
    # the text of the person cells holding an error value or a formula with no saved value,
    # by (table, column) and row (:func:`~cadre_core.roster._grid.marked_cells`)
    marks: dict[tuple[str, str], pd.Series] = attrs.field(factory=dict)
    # (table, column) -> the label of the column each person row's value is in
    cell_places: dict[tuple[str, str], pd.Series] = attrs.field(factory=dict)
    cell_rows: dict[tuple[str, str], pd.Series] = attrs.field(factory=dict)


def _read_sheet(sheet: Grid, number: int, file: str) -> tuple[_Sheet | None, list[str]]:
    grid, merged = sheet.cells, sheet.merged
    first = 1 - sheet.top  # the grid's row i is row i + first (a Word table's own rows)
    header = find_header(grid)
    if header is None:
        return None, _texts(grid)
    # a person over two rows, under a header of two rows naming other fields (_flat_pairs)
    grid, header, pairs = two_row_header(grid, header) or (grid, header, None)
    fields = sibling_date_parts(header.labels, [resolve(labels) for labels in header.labels])
    # "Họ và tên, chức vụ" (or the two on two lines): the name, its post on the next line
    with_post = [j for j, labels in enumerate(header.labels)
                 if labels and NAME_AND_POST.match(header_key(labels[-1]))]  # fmt: skip
    places: dict[tuple[str, str], str] = {}
    problems: list[Problem] = []
    where = f"{file}, sheet {sheet.name!r}" if sheet.name else file
    chosen: dict[tuple[str, str], list[int]] = {}
    given: tuple[int, ...] = ()  # a name's other columns (middle, given), joined to the family's
    if not any(f is not None and f.column == "full_name" for f in fields):
        pair = name_parts(header.labels)
        if pair is not None:
            middle = tuple(m for m in middle_of(header.labels, pair) if fields[m] is None)
            fields[pair[0]], given = Field("cadres", "full_name"), (*middle, pair[1])
            # its second column headed by nothing (a name header merged over both): said
            if not any(isinstance(v, str) and any(c.isalpha() for c in v)
                       for v in grid.iloc[header.top : header.body, given[-1]]):  # fmt: skip
                label = f"{header_label(header.labels[pair[0]], pair[0])} + " + header_label(
                    header.labels[given[-1]], given[-1]
                )
                problems.append(problem(where, None, None, label, None, "name_split_columns",
                                        severity="warning"))  # fmt: skip
    for j, f in enumerate(fields):
        if j in given:
            continue
        label = header_label(header.labels[j], j)
        if f is None:
            if header.labels[j]:
                problems.append(
                    problem(where, None, None, label, None, "column_not_read",
                            severity="warning")
                )  # fmt: skip
            continue
        if f.table == SKIP:
            continue
        key = (f.table, f.column)
        others = [had for i in chosen.get(key, []) if (had := fields[i]) is not None]
        # each title column is read (a row holds the posts of all); see read_together
        if key in chosen and key != TITLE and not read_together(f, others):
            problems.append(
                problem(where, None, None, label, None, "second_list_column",
                        severity="warning", canonical=f"{f.table}.{f.column}")
            )  # fmt: skip
            continue
        chosen.setdefault(key, []).append(j)
        if key == ("cadres", "full_name") and given:
            label = " + ".join([label, *(header_label(header.labels[i], i) for i in given)])
        places.setdefault(key, label)
    # a rating's year beside no rating holds nothing the list is read for: said, not read
    if ("ratings", "year") in chosen and ("ratings", "rating") not in chosen:
        for j in chosen.pop(("ratings", "year")):
            label = header_label(header.labels[j], j)
            problems.append(
                problem(where, None, None, label, None, "column_not_read", severity="warning")
            )
        places.pop(("ratings", "year"), None)
    # merged header cells are read by content (find_header); merged cells below it are
    # read on each of their rows, except a name or STT merged over rows: one person
    # written over several rows is not several people (its other rows stay unread, said)
    person_cols = {j for j, f in enumerate(fields)
                   if f is not None and (f.table == SKIP or f.column == "full_name")}  # fmt: skip
    person_cols |= set(given)
    grid, filled_in = fill_merged(
        grid, [m for m in merged if m[1] not in person_cols], header.body, top=sheet.top
    )
    merged_said = [
        (r0, r1, problem(where, None, r0 + first, header_label(header.labels[c0], c0), None,
                         "merged", severity="warning", cells=cells))
        for (r0, c0, r1, _), cells in filled_in
    ]  # fmt: skip
    body = grid.iloc[header.body :].copy()
    body.columns = pd.Index(range(grid.shape[1]))
    filled = filled_cells(body)
    name = chosen.get(("cadres", "full_name"), [None])[0]
    skip_cols = [j for j, f in enumerate(fields) if f is not None and f.table == SKIP]
    group_cols = {("agencies", "name"), ("agencies", "bloc"), ("cadres", "full_name")}
    data = [j for k, js in chosen.items() if k not in group_cols for j in js]
    has_data = filled[data].any(axis=1) if data else pd.Series(False, index=body.index)
    numbered = pd.Series(False, index=body.index)
    for j in skip_cols:
        numbered |= pd.to_numeric(body[j], errors="coerce").notna()
    lead = [j for j in range(grid.shape[1]) if name is None or j <= name]
    lead_text = filled[lead].any(axis=1) if lead else pd.Series(False, index=body.index)
    # a header inside the body: the list's own again (a new page: not a person) or
    # another list's, under which nothing belongs to this list (said, with its rows)
    below_top = [list(grid.iloc[r]) for r in range(header.top + 1, header.body)]
    again, other = header_rows(body, list(grid.iloc[header.top]), under=below_top)
    again |= page_tops(body, filled, again, grid.iloc[: header.top])  # its title again
    # a merged range of a repeated header is the header's, not a value read on rows
    repeated = set(again[again].index)
    problems += [p for r0, r1, p in merged_said if not set(range(r0, r1 + 1)) <= repeated]
    texts = group_text(body, filled, lead, name)
    # a subtotal row ("Cộng: 2 người", "Tổng số" and its counts) is no person, no group,
    # and ends nothing (a total may stand above the people)
    subtotal = texts.str.match(SUBTOTAL).fillna(False).astype(bool) & ~numbered
    group = ~has_data & ~numbered & lead_text & ~again & ~subtotal
    # "1 | Văn phòng HĐND và UBND" over people numbered 1.1, 1.2: a numbered group
    group |= parents(body, skip_cols, numbered) & ~has_data & lead_text & ~again & ~subtotal
    footer = matches(body, FOOTER) & ~numbered & ~subtotal
    if name is not None:  # a note beside a person ("Bổ nhiệm ngày … tháng … năm …") is no
        # signature: a footer's name cell is blank or is the footer's own words
        footer &= ~filled[name] | matches(body[[name]], FOOTER)
    second = other.cumsum().gt(0)
    signed = footer.cumsum().gt(0)
    ended = signed | second
    if sheet.end is not None:  # the lines under a Word table are no one
        ended |= pd.Series(body.index >= sheet.end, index=body.index)
    group &= ~ended
    named = filled[name] if name is not None else pd.Series(False, index=body.index)
    for part in given:
        named = named | filled[part]
    person = (named | (numbered & has_data)) & ~group & ~ended & ~again & ~subtotal
    stray = filled.any(axis=1) & ~person & ~group & ~ended & ~again & ~subtotal
    totals = subtotal & ~ended & ~again
    group, stray = notes_under(body, filled, (person, group, stray), problems, where, first)
    next_at: dict[int, pd.Series] = {}  # a person's next rows, read into their row
    if pairs is not None:
        stray, next_at, said = next_rows(pairs, body, filled, person, stray, where, first,
                                         header.labels)  # fmt: skip
        problems += said
    person, said = marked_people(sheet, header, body, person, name, where, first)  # left
    problems += said
    for j, f in enumerate(fields):  # a column with no header but with people's data: said
        if f is None and not header.labels[j] and j not in given and bool(filled[j][person].any()):
            problems.append(
                problem(where, None, None, header_label((), j), None, "column_not_read",
                        severity="warning")
            )  # fmt: skip
    # rows under the signatures that look like people (numbered, with data): said
    after = signed & ~footer & ~second & numbered & has_data
    if bool(after.any()):
        at = int(footer.to_numpy().argmax())
        problems.append(
            problem(where, None, int(body.index[at]) + first, None, None, "people_after_footer",
                    severity="warning", rows=int(after.sum()))
        )  # fmt: skip
    if bool(totals.any()):
        listed = ", ".join(str(int(i) + first) for i in totals[totals].index)
        problems.append(
            problem(where, None, None, None, None, "subtotal_rows", severity="warning",
                    rows=listed)
        )  # fmt: skip
    for i in stray[stray].index:
        problems.append(
            problem(where, None, int(i) + first, None, None, "row_no_person", severity="warning")
        )  # fmt: skip
    for i in again[again & ~ended].index:
        problems.append(
            problem(where, None, int(i) + first, None, None, "header_again", severity="warning")
        )  # fmt: skip
    if bool(other.any()):
        at = int(other.to_numpy().argmax()) + header.body  # the body keeps the grid's rows
        under = int((filled.any(axis=1) & second).sum()) - 1
        problems.append(
            problem(where, None, at + first, None, None, "second_list", severity="warning",
                    rows=under)
        )  # fmt: skip
    bloc_of = lookup_codes(code_keys(texts), "bloc")
    is_bloc = group & bloc_of.notna()
    # "I. CÁN BỘ", "II. CÔNG CHỨC": a kind of staff, no agency (it ends the one above)
    kind = group & ~is_bloc & nz.keys_of(texts).str.match(STAFF_KIND).fillna(False)
    agency_group = texts.where(group & ~is_bloc & ~kind).where(~(is_bloc | kind), "")
    group_agency = agency_group.where(group).ffill().replace("", None)
    group_bloc = texts.where(is_bloc).ffill()  # as written: it names an agency (agency_keys)
    # a code or category is one post's: a row's other title columns ("Kiêm nhiệm", "Chính
    # quyền" beside "Đảng") hold posts of none; each is said as a column not read
    coded = {("positions", "position_code"), ("positions", "category")} & chosen.keys()
    for j in chosen.get(TITLE, [])[1:] if coded else []:
        problems.append(problem(where, None, None, header_label(header.labels[j], j), None,
                                "column_not_read", severity="warning"))  # fmt: skip
    chosen.update({TITLE: chosen[TITLE][:1]} if coded and TITLE in chosen else {})
    rows = pd.Series(body.index.to_numpy() + first + number * ROW_BASE, index=body.index)
    keep = person.to_numpy()
    cols: dict[tuple[str, str], pd.Series] = {}
    ratings: list[tuple[Field, pd.Series]] = []
    cell_places: dict[tuple[str, str], pd.Series] = {}
    for key, js in chosen.items():
        marks = {j: f.mark for j in js if (f := fields[j]) is not None and f.mark is not None}
        if marks:  # a level per column, marked in the one held
            cols.update({k: v[keep] for k, v in marked_levels(key, body, filled, marks).items()
                         if k == key or k not in chosen})  # fmt: skip
            on = sorted(marks)
            leaves = " + ".join(header.labels[j][-1] for j in on)
            places[key] = header_label([*header.labels[on[0]][:-1], leaves], on[0], on[-1])
            if ("degrees", "field") in cols and ("degrees", "field") not in chosen:
                places["degrees", "field"] = places[key]
            continue
        parts = {f.part: j for j in js if (f := fields[j]) is not None and f.part is not None}
        if parts:  # a date in three columns (day, month, year): one text, read as a date
            cols[key] = date_of_parts(body, filled, parts)[keep]
            on = sorted(parts.values())  # named by the header over them and each leaf
            leaves = " + ".join(header.labels[j][-1] for j in on)
            places[key] = header_label([*header.labels[on[0]][:-1], leaves], on[0], on[-1])
            continue
        if key == ("cadres", "birth_date"):
            birth = pd.Series(None, index=body.index, dtype=object)
            gender = pd.Series(None, index=body.index, dtype=object)
            # each row's date is said in the column it is in; a blank one in them all
            leaves = " + ".join(header.labels[j][-1] for j in js if header.labels[j])
            both = header_label([*header.labels[js[0]][:-1], leaves], js[0], js[-1])
            column_of = pd.Series(both, index=body.index, dtype=object)
            for j in js:
                column_of = column_of.where(birth.notna() | ~filled[j],
                                            header_label(header.labels[j], j))  # fmt: skip
                birth = birth.where(birth.notna() | ~filled[j], body[j])
                g = fields[j].gender if fields[j] is not None else None  # type: ignore[union-attr]
                if g is not None:
                    gender = gender.where(~filled[j], g)
            cols[key] = birth[keep]
            if len(js) > 1:
                cell_places[key] = column_of[keep].set_axis(rows[keep].to_numpy())
            if gender.notna().any() and ("cadres", "gender") not in chosen:
                cols["cadres", "gender"] = gender[keep]
                places["cadres", "gender"] = places[key]
            continue
        if key == ("ratings", "rating"):
            for j in js:
                f = fields[j]
                assert f is not None
                ratings.append((f, body[j].where(filled[j])[keep]))
            continue
        if key == ("cadres", "full_name") and given:
            cols[key] = joined(body, filled, (js[0], *given))[keep]
            continue
        for n, j in enumerate(js[1:] if key == TITLE else [], 1):  # "Chức danh" beside
            cols[title_key(n)] = body[j].where(filled[j])[keep]  # "Chức vụ": each read
            places[title_key(n)] = header_label(header.labels[j], j)
        cols[key] = body[js[0]].where(filled[js[0]])[keep]
    if ("cadres", "full_name") in cols:
        name_lines(cols, places, problems, where, rows[keep], with_post=bool(with_post))
    if ("cadres", "full_name") in cols:  # names as written: see name_lines
        names = nz.to_text(cols["cadres", "full_name"])
        vacant = names.str.match(VACANT_NAME).fillna(False).astype(bool)
        if bool(vacant.any()):  # a post and no one in it: the post is read, no person
            cols[VACANT] = vacant
    if ("agencies", "name") not in cols and group_agency.notna().any():
        cols["agencies", "name"] = group_agency[keep]
        places["agencies", "name"] = "(group rows)"
    if ("agencies", "bloc") not in cols and group_bloc.notna().any():
        cols["agencies", "bloc"] = group_bloc[keep]
        places["agencies", "bloc"] = "(group rows)"
    signing = _texts(body[footer.to_numpy()])
    # an error value or a formula with no saved value in a person's cell is the field's
    # text, said on the row by validation; elsewhere a warning
    name_at = [*chosen.get(("cadres", "full_name"), []), *given]
    read_at = {**title_columns(chosen), ("cadres", "full_name"): name_at}
    failed, said = marked_cells(sheet, grid, header, read_at, rows[keep], where)
    problems += said
    cols.update({k: cols[k].astype(object).where(~cols[k].index.isin(m.index), m)
                 for k, m in failed.items() if k in cols})  # fmt: skip
    problems = notes_left(header, body, person, cols, places, problems, where, first)
    if pairs is not None:  # the sheet's own letters for the columns of second-row fields
        problems = relabelled(pairs, problems, places)
    sheet_read = _Sheet(cols, ratings, rows[keep], places, problems, signing, failed, cell_places,
                        read_rows(next_at, chosen, rows))  # fmt: skip
    return sheet_read, _texts(grid.iloc[: header.top])


def read_flat(
    path: Path, *, list_date: dt.date | str | Undated | None = None, legacy: str = "error"
) -> FlatRead:
    """Read a one-row-per-person list (``.xlsx``, ``.xls``, ``.csv`` or ``.docx``; one
    sheet or table or several) into raw roster tables, with its day and the commune its
    title names. A sheet typed in a legacy font is read converted, an error unless
    ``legacy`` is ``"convert"`` (:func:`~cadre_core.roster._grid.legacy_said`)."""
    grids, problems, bodies = _grids(path)
    grids = [unicode_grid(g, alone=legacy == "convert") for g in grids]  # pasted cells too
    problems.extend(legacy_said(path.name, grids, legacy))
    grids = [part for g in grids for part in list_parts(g)]  # a list per header (_flat_split)
    records = bool(grids) and all(g.record for g in grids)
    if records:
        note = not_read(path.name, {g.name: g.unread for g in grids})
        problems.extend([] if note is None else [note])
    sheets: list[tuple[int, str, _Sheet]] = []
    titles: list[str] = []
    names: list[str] = []
    signed: list[dt.date] = []  # the days personal records were signed
    communes: dict[int, str] = {}  # the commune each sheet's own title rows name
    days: dict[str, dt.date] = {}  # the day each sheet's own title rows say it is as of
    for number, grid in enumerate(grids):
        names.append(grid.name)
        read, texts = _read_sheet(grid, number, path.name)
        if records:  # the line it was signed on, never a day above its title
            signed.extend(d for d in [record_day(grid)] if d is not None)
        if read is None:
            if texts:
                problems.append(
                    problem(path.name, grid.name or None, None, None, None, "no_list_header",
                            severity="warning")
                )  # fmt: skip
            continue
        titles.extend(texts)
        problems.extend(read.problems)
        sheets.append((number, grid.name, read))
        if (named := title_commune(texts)) is not None:  # each sheet its commune's list
            communes[number] = named
        if not records and (dated := title_day(dated_lines(texts), signed=False)) is not None:
            days[grid.name] = dated
    problems.extend(  # the same person on two rows (of one sheet or two): read as two, said
        listed_twice([(n, s.cols, s.rows) for n, _, s in sheets], names, path.name,
                     row_base=ROW_BASE, records=records,
                     serials=path.is_file() and source_of(path) in ("workbook", "spreadsheetml"))
    )  # fmt: skip
    if not sheets:
        if not any(q.severity == "error" for q in problems):  # a file not read is said once
            problems.append(problem(path.name, None, None, None, None, "no_list_sheet"))
        return FlatRead(
            (), tuple(problems), None, None, (), {}, tuple(names), found=False, records=records
        )
    day: dt.date | None
    if list_date is not None and not isinstance(list_date, Undated):
        day = parse_day(list_date, what="--list-date")
    elif records:  # records name no day they are as of: the latest one signed (said)
        day, said = signed_day(path.name, signed)
        problems.extend(said)
    else:
        # the day it is as of, else the period it covers (said), else the day it was signed;
        # never a legal document's day or year ("Thông tư số 11/2012/TT-BNV ngày …")
        lines = dated_lines(titles)
        day = title_day(lines, signed=False)
        period = title_period(lines) if day is None else None
        if period is not None:
            day = period[0]
            problems.append(
                problem(path.name, None, None, None, None, "list_date_from_period",
                        severity="warning", day=fmt_date(day), period=repr(period[1]))
            )  # fmt: skip
        elif day is None:  # signed above the list, else in its footer rows under it
            day = title_day(lines)
            if day is None:
                day = title_day(dated_lines([t for _, _, s in sheets for t in s.signing]))
    if day is None and isinstance(list_date, Undated):  # the day evaluated: said
        day = list_date.day
        problems.append(
            problem(path.name, None, None, None, None, "list_date_from_as_of",
                    severity="warning", day=fmt_date(day))
        )  # fmt: skip
    if day is None:
        problems.append(
            problem(path.name, None, None, None, None, "list_date_unknown")
        )  # fmt: skip
        return FlatRead((), tuple(problems), None, None, (), {}, tuple(names), records=records)
    if list_date is None and len(set(days.values())) > 1:  # read on one day: said
        named = ", ".join(f"{fmt_date(d)} ({n!r})" for n, d in days.items())
        problems.append(
            problem(path.name, None, None, None, None, "list_days_differ", severity="warning",
                    days=named, day=fmt_date(day))
        )  # fmt: skip
    if not any(len(s.rows) for _, _, s in sheets):  # an empty form: valid, but say so
        problems.append(
            problem(path.name, None, None, None, None, "list_no_people", severity="warning")
        )
    commune = title_commune(titles)
    raws, absent, by_cell, places, found = build_tables(
        [(n, s.cols, s.ratings, s.rows, s.places) for n, _, s in sheets],
        path.name,
        day,
        commune,
        serials=path.is_file() and source_of(path) in ("workbook", "spreadsheetml"),
        communes=communes,
        marks=encoded_marks((s.rows, s.marks) for _, _, s in sheets),
        bodies={n: bodies[g.name] for n, g in enumerate(grids) if g.name in bodies},
    )
    problems.extend(found)
    problems.extend(posts_left(raws, day))  # no post held by who left (_flat_left)
    courses = record_courses(grids, raws, path.name) if records else None
    if courses is not None:  # every record's training table read: the trainings informed
        raws.append(courses)
        absent = tuple(a for a in absent if a != "trainings")
        for n in range(len(grids)):
            places.update({(n, "trainings", c): label("record_courses", "vi")
                           for c in ("cadre_id", *COURSE_COLUMNS)})  # fmt: skip
    by_row = by_field([s.cell_places for _, _, s in sheets])
    read_on = by_field([s.cell_rows for _, _, s in sheets])
    return FlatRead(
        tuple(raws), tuple(problems), day, commune, absent, places, tuple(names),
        by_cell=by_cell, records=records, cell_places=by_row, cell_rows=read_on,
    )  # fmt: skip


def relocate(problem: Problem, read: FlatRead, file: str) -> Problem:
    """A problem found in the raw tables of a list, placed in the list as its user sees it:
    the sheet, the row of the sheet and the header of the column."""
    if problem.file != file or problem.row is None:
        return problem
    on = read.cell_rows.get((problem.table or "", problem.column or ""))
    number, row = divmod(problem.row, ROW_BASE)
    if on is not None and problem.row in on.index:  # read from the person's next row
        row = int(on[problem.row]) % ROW_BASE
    sheet = read.sheets[number] if number < len(read.sheets) else ""
    column = problem.column
    at = read.cell_places.get((problem.table or "", column or ""))
    if at is not None and problem.row in at.index:  # the column the row's value is in
        column = str(at[problem.row])
    elif column is not None and problem.table is not None:
        column = read.places.get((number, problem.table, column), f"{column} {MADE}")
    if read.records:  # a record's one person: the record's file and its field
        where = file if sheet == file else f"{file}/{sheet}"
        field = None if column is None else _COLUMN_PLACE.sub("", column)
        return attrs.evolve(problem, file=where, row=None, column=field)
    where = f"{file}, sheet {sheet!r}" if sheet else file
    return attrs.evolve(problem, file=where, row=row, column=column)


def list_only(path: Path) -> bool:
    """Whether the file at ``path`` is read as a list or not at all: CSV text, a Word
    document or a web page, also a single-file one (whatever its name: a web page saved
    as ``.xls`` is one).

    >>> list_only(Path("ds.csv")), list_only(Path("ds.docx"))
    (True, True)
    """
    return source_of(path) in ("csv", "docx", "html", "mhtml")


def is_flat(path: Path, layout: Layout | None = None) -> bool:
    """Whether ``path`` is read as a flat list: a ``.csv`` file, a Word document (a
    ``.docx``; a ``.doc`` is refused as a list is), a web page (also one saved as
    ``.xls``), or a workbook none of whose sheets is named as a roster table (other than
    by a name of the cadres list), by the roster format or by ``layout``; or one named
    so but with no cadres table, a sheet of which holds a list's header (a list on a sheet
    named "Xếp loại")."""
    from cadre_core.roster._reader import table_for
    from cadre_core.roster._schema import TABLE_NAMES

    if path.is_dir():  # a folder of personal records is one list
        from cadre_core.roster._record import record_folder

        return record_folder(path) is not None
    if path.suffix.lower() not in LIST_SUFFIXES:
        return False
    if list_only(path):
        return True
    if _check_workbook_size(path) is not None:
        return False  # never opened: the workbook reader says why
    try:
        names = sheet_names(path)
    except Exception:
        return False  # the workbook reader reports it
    # a sheet named by a table's code name, or as any table but cadres ("Danh sách cán
    # bộ" names a list as well), makes the workbook a roster of tables
    tables = {table_for(n, layout) for n in names} - {None, "cadres"}
    if not tables and not {n.strip() for n in names} & set(TABLE_NAMES):
        return True
    if any(table_for(n, layout) == "cadres" for n in names):
        return False  # a roster of tables (its cadres by any name)
    # no cadres table, so no roster of tables: a list when a sheet holds a list's header
    return any(holds_list(g) for g in workbook_grids(path)[0])


__all__ = [
    "LIST_SUFFIXES",
    "FlatRead",
    "is_flat",
    "list_only",
    "read_flat",
    "relocate",
    "title_commune",
    "title_day",
    "title_period",
]
