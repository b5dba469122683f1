"""Which sheets of a workbook a one-row-per-person list is read from, and the people it
lists twice (:mod:`cadre_core.roster._flat`).

A sheet the workbook hides (:func:`~cadre_core.roster._sheets.hidden`: last year's list
kept beside this year's, a template's code lists) is no part of the list while a sheet
shown holds one: it is not read, and said (:func:`shown_sheets`). When no sheet shown
holds a list, the hidden ones are read, and said to be hidden.

A sheet whose title rows or name say it lists the people who left ("DANH SÁCH ... GIẢM
TRONG NĂM 2025", a sheet "Giảm trong năm": a staffing report's page of leavers) holds no
staff: with a column of the day each left it is read, its people with their left dates
(no post held on the list's day), and said; with none it is not read, said with its rows
(:func:`leaver_sheets`).

A sheet whose name says it holds instructions or an example ("Hướng dẫn", "Ví dụ", "HD"),
or whose list's header is right under a line "Ví dụ:" (a template's filled example, its
made-up "Nguyễn Văn A"), holds no staff: it is not read while another sheet holds a list,
said with the rows of its people; when no other does it is read, and said
(:func:`example_sheets`).

A person with the same name (by the text key) and the same day of birth on two rows of a
list, on one sheet or two, is read as two people, and said at the later row, naming the
first (:func:`listed_twice`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs
import pandas as pd

from cadre_core.roster import _normalize as nz
from cadre_core.roster._flat_bodies import SheetAgency, sheet_agencies
from cadre_core.roster._flat_header import Header, find_header, name_parts, resolve
from cadre_core.roster._flat_hidden import hidden_columns
from cadre_core.roster._flat_rows import FOOTER, filled_cells, matches
from cadre_core.roster._flat_tables import VACANT
from cadre_core.roster._grid import Grid, unicode_grid
from cadre_core.roster._guards import TooLarge, _check_workbook_size
from cadre_core.roster._list_title import title_example, title_leavers
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._sheets import hidden, locked, read_sheets
from cadre_core.vocab._labels import label

HEAD_ROWS = 30
"""The rows of a sheet its list's header is looked for in
(:func:`~cadre_core.roster._flat_header.find_header`)."""

# a document's table, named as its user counts them ("Bảng 2"), as _problems names it
_DOCUMENT_TABLE = re.compile(re.escape(label("list_word_table", "vi")).replace(r"\{\}", r"\d+"))


# the warning for a hidden sheet not read, by how the workbook hides it (its advice)
_NOT_READ = {"hidden": "hidden_sheet_not_read", "very hidden": "very_hidden_sheet_not_read"}


@attrs.frozen
class SheetHead:
    """The first rows of a sheet (:data:`HEAD_ROWS`, read in Unicode when typed in a
    legacy font) and the header of its list among them (None: it holds none), found once
    for every check of the sheet."""

    cells: pd.DataFrame = attrs.field(eq=False)
    header: Header | None

    def above(self) -> list[str]:
        """The text cells above the header (none when there is no header)."""
        if self.header is None:
            return []
        cells = self.cells.iloc[: self.header.top].to_numpy(dtype=object).ravel()
        return [v for v in cells if isinstance(v, str)]


def sheet_head(grid: Grid) -> SheetHead:
    """The head of the sheet ``grid`` and the header of its list (:class:`SheetHead`).

    >>> cells = pd.DataFrame([["DANH SÁCH", None], ["STT", "Họ và tên"], [1, "Lò Văn An"]])
    >>> head = sheet_head(Grid("DS", cells, []))
    >>> head.header.top, head.above()
    (1, ['DANH SÁCH'])
    """
    head = unicode_grid(Grid(grid.name, grid.cells.iloc[:HEAD_ROWS], [])).cells
    return SheetHead(head, find_header(head))


def holds_list(grid: Grid) -> bool:
    """Whether the sheet ``grid`` holds the header of a list of people among its first
    rows (read in Unicode when typed in a legacy font).

    >>> cells = pd.DataFrame([["STT", "Họ và tên", "Ngày sinh"], [1, "Lò Văn An", None]])
    >>> holds_list(Grid("DS", cells, [])), holds_list(Grid("Mã", cells.iloc[1:], []))
    (True, False)
    """
    return sheet_head(grid).header is not None


def workbook_grids(path: Path) -> tuple[list[Grid], list[Problem], dict[str, SheetAgency]]:
    """A workbook's sheets (calamine's formats, or an XML Spreadsheet) as grids: those
    shown, the hidden ones said not read, unless no sheet shown holds a list; what is
    said of them; and the body each names (:func:`shown_sheets`)."""
    too_large = _check_workbook_size(path)
    if too_large is not None:
        return [], [problem(path.name, None, None, None, None, "workbook_too_large",
                            reason=too_large)], {}  # fmt: skip
    try:
        sheets, merged = read_sheets(path)
    except TooLarge as exc:
        why = str(exc)
        return [], [problem(path.name, None, None, None, None, "workbook_too_large",
                            reason=why)], {}  # fmt: skip
    except Exception as exc:  # the engine raises many types for a non-workbook
        key = "workbook_password" if locked(path, exc) else "not_list_workbook"
        return [], [problem(path.name, None, None, None, None, key,
                            error=type(exc).__name__)], {}  # fmt: skip
    return shown_sheets([Grid(k, v, merged.get(k, [])) for k, v in sheets.items()], path.name)


def shown_sheets(
    grids: Sequence[Grid], file: str
) -> tuple[list[Grid], list[Problem], dict[str, SheetAgency]]:
    """The sheets of the workbook ``file`` a list is read from, and what is said of its
    hidden ones: every sheet shown when one of them holds a list, each hidden sheet that
    holds anything said not read (a warning, scope ``"sheet"``; a very hidden one with
    its own advice, Excel's Unhide dialog not listing it); else every sheet, each hidden
    one that holds a list said to be hidden and read. A column a sheet hides is read or
    set aside by whether a column shown holds its field, and said
    (:func:`~cadre_core.roster._flat_hidden.hidden_columns`); a sheet naming the body
    of the commune its people are of ("Đảng ủy", "UBND xã") gives it, by the sheet's name
    (:func:`~cadre_core.roster._flat_bodies.sheet_agencies`). Each sheet's header is
    found once (:func:`sheet_head`) for all of these.

    >>> people = pd.DataFrame([["STT", "Họ và tên", "Ngày sinh"], [1, "Lò Văn An", None]])
    >>> old = people.copy()
    >>> old.attrs["cadre_sheet_hidden"] = "hidden"
    >>> grids, said, _ = shown_sheets([Grid("2024", old, []), Grid("2025", people, [])], "ds.xlsx")
    >>> [g.name for g in grids], [(p.key, p.table) for p in said]
    (['2025'], [('hidden_sheet_not_read', '2024')])
    >>> grids, said, _ = shown_sheets([Grid("2024", old, [])], "ds.xlsx")
    >>> [g.name for g in grids], [(p.key, p.table) for p in said]
    (['2024'], [('hidden_sheet_read', '2024')])
    """
    heads = {g.name: sheet_head(g) for g in grids}
    chosen, said = _shown(grids, file, heads)
    staff, left = leaver_sheets(chosen, file, heads)
    kept, examples = example_sheets(staff, file, heads)
    headers = {name: head.header for name, head in heads.items()}
    kept, columns = hidden_columns(kept, file, headers)  # a hidden column: read or set aside
    titles = {g.name: heads[g.name].above() for g in kept if heads[g.name].header is not None}
    bodies = sheet_agencies(titles)  # a sheet per body: the body of each sheet's people
    return kept, said + left + examples + columns, bodies


def _shown(
    grids: Sequence[Grid], file: str, heads: Mapping[str, SheetHead]
) -> tuple[list[Grid], list[Problem]]:
    """The sheets shown or hidden read (:func:`shown_sheets`), before the leavers'."""
    hides = {g.name for g in grids if hidden(g.cells) is not None}
    if not hides:
        return list(grids), []
    shown = [g for g in grids if g.name not in hides]
    if any(heads[g.name].header is not None for g in shown):
        said = [
            problem(file, g.name, None, None, None, _NOT_READ[hidden(g.cells) or "hidden"],
                    severity="warning", scope="sheet", sheet=repr(g.name))
            for g in grids
            if g.name in hides and bool(filled_cells(g.cells).to_numpy().any())
        ]  # fmt: skip
        return shown, said
    said = [
        problem(file, g.name, None, None, None, "hidden_sheet_read", severity="warning",
                sheet=repr(g.name))
        for g in grids
        if g.name in hides and heads[g.name].header is not None
    ]  # fmt: skip
    return list(grids), said


def leaver_sheets(
    grids: Sequence[Grid], file: str, heads: Mapping[str, SheetHead]
) -> tuple[list[Grid], list[Problem]]:
    """The sheets of the workbook ``file`` a list of its staff is read from, and what is
    said of those listing the people who left: a sheet holding a list whose title rows
    (above its header) or name say so (:func:`~cadre_core.roster._list_title.title_leavers`:
    "DANH SÁCH CÁN BỘ, CÔNG CHỨC GIẢM TRONG NĂM 2025", "Giảm trong năm") is read when its
    header has a column of the day each left ("Thời gian giảm": no post held from then on,
    a warning naming the sheet), else not read, a warning naming the sheet and the rows of
    its people (scope ``"sheet"``). ``heads``: each sheet's head, by its name
    (:func:`sheet_head`).

    >>> head = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ"]
    >>> staff = pd.DataFrame([["DANH SÁCH CÁN BỘ", None, None, None], head,
    ...                       [1, "Lò Văn An", "12/03/1975", "Chủ tịch UBND xã"]])
    >>> left = pd.DataFrame([["DANH SÁCH CÁN BỘ GIẢM TRONG NĂM 2025", None, None, None],
    ...                      head, [1, "Lò Văn Bun", "15/05/1965", "Chủ tịch HĐND xã"]])
    >>> sheets = [Grid("DS", staff, []), Grid("Giảm", left, [])]
    >>> grids, said = leaver_sheets(sheets, "ds.xlsx", {g.name: sheet_head(g) for g in sheets})
    >>> [g.name for g in grids], [(p.key, p.table, dict(p.args)["rows"]) for p in said]
    (['DS'], [('leaver_sheet_not_read', 'Giảm', '3')])
    """
    kept: list[Grid] = []
    said: list[Problem] = []
    for grid in grids:
        header = heads[grid.name].header
        if header is None:
            kept.append(grid)
            continue
        words = title_leavers(heads[grid.name].above(), grid.name)
        if words is None:
            kept.append(grid)
            continue
        fields = [resolve(labels) for labels in header.labels]
        if any(f is not None and (f.table, f.column) == ("cadres", "left_date") for f in fields):
            kept.append(grid)
            said.append(
                problem(file, grid.name, None, None, None, "leaver_sheet_read",
                        severity="warning", sheet=repr(grid.name), words=repr(words))
            )  # fmt: skip
            continue
        said.append(
            problem(file, grid.name, None, None, None, "leaver_sheet_not_read",
                    severity="warning", scope="sheet", sheet=repr(grid.name),
                    words=repr(words), rows=_person_rows(grid, header))
        )  # fmt: skip
    return kept, said


def example_sheets(
    grids: Sequence[Grid], file: str, heads: Mapping[str, SheetHead]
) -> tuple[list[Grid], list[Problem]]:
    """The sheets of the workbook ``file`` a list of its staff is read from, and what is
    said of those holding instructions or an example: a sheet holding a list whose name,
    else the line right above its header, says so
    (:func:`~cadre_core.roster._list_title.title_example`: a sheet "Hướng dẫn", a line
    "Ví dụ:") is not read while another sheet holds a list, a warning naming the sheet
    and the rows of its people (scope ``"sheet"``); when every list is on such a sheet,
    each is read, and said (its people may be made up). ``heads``: each sheet's head, by
    its name (:func:`sheet_head`).

    >>> head = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ"]
    >>> guide = pd.DataFrame([["Cột", "Hướng dẫn ghi", None, None], ["Ví dụ:", None, None, None],
    ...                       head, [1, "Nguyễn Văn A", "01/01/1980", "Chủ tịch UBND xã"]])
    >>> staff = pd.DataFrame([head, [1, "Lò Văn An", "12/03/1975", "Chủ tịch UBND xã"]])
    >>> sheets = [Grid("Mẫu", guide, []), Grid("DS", staff, [])]
    >>> heads = {g.name: sheet_head(g) for g in sheets}
    >>> grids, said = example_sheets(sheets, "ds.xlsx", heads)
    >>> [g.name for g in grids], [(p.key, p.table, dict(p.args)) for p in said]
    (['DS'], [('example_sheet_not_read', 'Mẫu', {'words': "'Ví dụ:'", 'rows': '4'})])
    >>> grids, said = example_sheets(sheets[:1], "ds.xlsx", heads)
    >>> [g.name for g in grids], [p.key for p in said]
    (['Mẫu'], ['example_sheet_read'])
    """
    examples: dict[str, tuple[Header, str]] = {}
    others = False
    for grid in grids:
        head = heads[grid.name]
        if head.header is None:
            continue
        header = head.header
        words = title_example(grid.name, _line_above(head.cells, header.top))
        if words is None:
            others = True
        else:
            examples[grid.name] = (header, words)
    if not examples:
        return list(grids), []
    key = "example_sheet_not_read" if others else "example_sheet_read"
    said = [
        problem(file, g.name, None, None, None, key, severity="warning",
                scope="sheet" if others else None, words=repr(examples[g.name][1]),
                rows=_person_rows(g, examples[g.name][0]))
        for g in grids
        if g.name in examples
    ]  # fmt: skip
    return [g for g in grids if not others or g.name not in examples], said


def _line_above(cells: pd.DataFrame, top: int) -> str:
    """The text of the last row holding something above row ``top`` of ``cells`` (its
    filled cells joined), or ``""``."""
    above = cells.iloc[:top]
    filled = filled_cells(above).any(axis=1).to_numpy(dtype=bool)
    if not bool(filled.any()):
        return ""
    row = above.iloc[len(filled) - 1 - int(filled[::-1].argmax())]
    return " ".join(str(v) for v in row.dropna() if str(v).strip())


def _person_rows(grid: Grid, header: Header) -> str:
    """The rows of the people of the list of ``grid`` under ``header`` (a name in its name
    column, else anything; not a footer), as a problem names them ("14, 15"; ``"-"``:
    none)."""
    fields = [resolve(labels) for labels in header.labels]
    names = [j for j, f in enumerate(fields) if f is not None and f.column == "full_name"]
    pair = name_parts(header.labels)
    names = names or ([] if pair is None else list(pair))
    body = grid.cells.iloc[header.body :]
    body = body.set_axis(pd.RangeIndex(body.shape[1]), axis=1)
    if grid.end is not None:  # the lines under a Word table are no one
        body = body.iloc[: max(grid.end - header.body, 0)]
    filled = filled_cells(body)
    person = (filled[names].any(axis=1) if names else filled.any(axis=1)) & ~matches(body, FOOTER)
    rows = ", ".join(str(int(i) + 1 - grid.top) for i in body.index[person.to_numpy()])
    return rows or "-"


def listed_twice(
    people: Sequence[tuple[int, Mapping[tuple[str, str], pd.Series], pd.Series]],
    names: Sequence[str],
    file: str,
    *,
    row_base: int,
    serials: bool = False,
    records: bool = False,
) -> list[Problem]:
    """A warning at each person row of a list whose name (by its text key) and day of
    birth are those of an earlier row, naming that row (its sheet when another, "this same
    sheet" when another list of it): the two are read as two people. ``people`` holds,
    per sheet read, its number (among
    ``names``), the raw columns of its person rows (``(table, column)``: the name and the
    birth date are compared; a vacant post is no one) and their rows (``number *
    row_base + row``); ``serials``: numbers in a birth cell are a workbook's day serials;
    ``records``: each sheet is a personal record, named by its file. A row with no name or
    no day of birth it can read is no one's twin (namesakes are many).

    >>> name, born = ("cadres", "full_name"), ("cadres", "birth_date")
    >>> party = {name: pd.Series(["Lò Văn An", "Tao Thị Bình"]),
    ...          born: pd.Series(["12/03/1975", "05/07/1982"])}
    >>> state = {name: pd.Series(["LÒ VĂN  AN"]), born: pd.Series(["12/03/1975"])}
    >>> said = listed_twice([(0, party, pd.Series([7, 8])), (1, state, pd.Series([1009]))],
    ...                     ["Khối Đảng", "Khối chính quyền"], "ds.xlsx", row_base=1000)
    >>> [(p.row, p.key, dict(p.args)) for p in said]
    [(1009, 'same_person_sheet', {'row': '7', 'sheet': "'Khối Đảng'"})]
    """
    if not people:
        return []
    frame = pd.concat([_people(cols, rows, serials) for _, cols, rows in people], ignore_index=True)
    frame = frame.dropna(subset=["name", "born"]).sort_values("row", kind="stable")
    twice = frame.duplicated(["name", "born"], keep="first")
    if not bool(twice.any()):
        return []
    first = frame.groupby(["name", "born"], sort=False)["row"].transform("first")
    said: list[Problem] = []
    for at, earlier in zip(frame["row"][twice], first[twice], strict=True):
        sheet, row = divmod(int(earlier), row_base)
        name = names[sheet] if sheet < len(names) else ""
        if records:
            key, args = "same_person_record", {"sheet": repr(name)}
        elif not name or sheet == int(at) // row_base:
            key, args = "same_person_row", {"row": str(row)}
        elif name == names[int(at) // row_base]:  # the same sheet's list under another header
            key, args = "same_person_list", {"row": str(row)}
        elif _DOCUMENT_TABLE.fullmatch(name):
            key, args = "same_person_table", {"row": str(row), "sheet": name}
        else:
            key, args = "same_person_sheet", {"row": str(row), "sheet": repr(name)}
        said.append(
            problem(file, "cadres", int(at), "full_name", None, key, severity="warning", **args)
        )
    return said


def _people(
    cols: Mapping[tuple[str, str], pd.Series], rows: pd.Series, serials: bool
) -> pd.DataFrame:
    """The name's text key, the day of birth and the row of each person row of a sheet
    (missing where it has none, or is a vacant post)."""
    blank = pd.Series(None, index=rows.index, dtype=object)
    name = cols.get(("cadres", "full_name"), blank).astype(object)
    if VACANT in cols:
        name = name.where(~cols[VACANT].fillna(False).astype(bool), None)
    born = cols.get(("cadres", "birth_date"), blank).astype(object)
    return pd.DataFrame(
        {
            "name": nz.keys_of(nz.to_text(name)).to_numpy(),
            "born": nz.normalise_date(born, serials=serials)[0].to_numpy(),
            "row": rows.to_numpy(dtype="int64"),
        }
    )


__all__ = [
    "HEAD_ROWS",
    "SheetHead",
    "example_sheets",
    "holds_list",
    "leaver_sheets",
    "listed_twice",
    "sheet_head",
    "shown_sheets",
    "workbook_grids",
]
