"""Which sheets of a workbook a one-row-per-person list is read from, and the people it
lists twice (:mod:`cadre_core.roster._flat`).

A sheet the workbook hides (:func:`~cadre_core.roster._sheets.hidden`: last year's list
kept beside this year's, a template's code lists) is no part of the list while a sheet
shown holds one: it is not read, and said (:func:`shown_sheets`). When no sheet shown
holds a list, the hidden ones are read, and said to be hidden.

A person with the same name (by the text key) and the same day of birth on two rows of a
list, on one sheet or two, is read as two people, and said at the later row, naming the
first (:func:`listed_twice`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd

from cadre_core.roster import _normalize as nz
from cadre_core.roster._flat_header import find_header
from cadre_core.roster._flat_rows import filled_cells
from cadre_core.roster._flat_tables import VACANT
from cadre_core.roster._grid import Grid, unicode_grid
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._sheets import hidden
from cadre_core.vocab._labels import label

HEAD_ROWS = 30
"""The rows of a sheet its list's header is looked for in
(:func:`~cadre_core.roster._flat_header.find_header`)."""

# a document's table, named as its user counts them ("Bảng 2"), as _problems names it
_DOCUMENT_TABLE = re.compile(re.escape(label("list_word_table", "vi")).replace(r"\{\}", r"\d+"))


# the warning for a hidden sheet not read, by how the workbook hides it (its advice)
_NOT_READ = {"hidden": "hidden_sheet_not_read", "very hidden": "very_hidden_sheet_not_read"}


def holds_list(grid: Grid) -> bool:
    """Whether the sheet ``grid`` holds the header of a list of people among its first
    rows (read in Unicode when typed in a legacy font).

    >>> cells = pd.DataFrame([["STT", "Họ và tên", "Ngày sinh"], [1, "Lò Văn An", None]])
    >>> holds_list(Grid("DS", cells, [])), holds_list(Grid("Mã", cells.iloc[1:], []))
    (True, False)
    """
    head = unicode_grid(Grid(grid.name, grid.cells.iloc[:HEAD_ROWS], []))
    return find_header(head.cells) is not None


def shown_sheets(grids: Sequence[Grid], file: str) -> tuple[list[Grid], list[Problem]]:
    """The sheets of the workbook ``file`` a list is read from, and what is said of its
    hidden ones: every sheet shown when one of them holds a list, each hidden sheet that
    holds anything said not read (a warning, scope ``"sheet"``; a very hidden one with
    its own advice, Excel's Unhide dialog not listing it); else every sheet, each hidden
    one that holds a list said to be hidden and read.

    >>> people = pd.DataFrame([["STT", "Họ và tên", "Ngày sinh"], [1, "Lò Văn An", None]])
    >>> old = people.copy()
    >>> old.attrs["cadre_sheet_hidden"] = "hidden"
    >>> grids, said = shown_sheets([Grid("2024", old, []), Grid("2025", people, [])], "ds.xlsx")
    >>> [g.name for g in grids], [(p.key, p.table) for p in said]
    (['2025'], [('hidden_sheet_not_read', '2024')])
    >>> grids, said = shown_sheets([Grid("2024", old, [])], "ds.xlsx")
    >>> [g.name for g in grids], [(p.key, p.table) for p in said]
    (['2024'], [('hidden_sheet_read', '2024')])
    """
    hides = {g.name for g in grids if hidden(g.cells) is not None}
    if not hides:
        return list(grids), []
    shown = [g for g in grids if g.name not in hides]
    if any(holds_list(g) for g in shown):
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
        if g.name in hides and holds_list(g)
    ]  # fmt: skip
    return list(grids), said


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
    birth are those of an earlier row, naming that row (its sheet when another): the two
    are read as two people. ``people`` holds, per sheet read, its number (among
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


__all__ = ["HEAD_ROWS", "holds_list", "listed_twice", "shown_sheets"]
