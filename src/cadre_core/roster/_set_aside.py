"""What ``skip_invalid`` sets aside: the errors a roster read can leave out (a bad optional
cell, a cadre's missing birth date, an optional table with a table-level error, else the
row), one round at a time, with the reasons kept for :attr:`Roster.skipped`."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from cadre_core.roster._problems import Problem
from cadre_core.roster._reader import RawTable
from cadre_core.roster._schema import TABLE_BY_NAME
from cadre_core.roster._validate import _rename


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


CELL_KINDS = ("code", "ethnicity", "text", "fields", "topics", "codes")
"""Kinds of optional column whose bad cell ``skip_invalid`` sets aside (blank) instead of
the row: a blank there means "not known". Optional dates (a blank end or left date means
"still in post"), yes/no columns and numbers (a blank takes the default: "no", 1) and
references are not: blanking them would state a fact the roster does not."""

KEEP_ROW_WITHOUT = (("cadres", "birth_date"),)
"""Required cells whose absence ``skip_invalid`` accepts: the row is kept and the cell set
aside (a cadre without a birth date is counted, of unknown age)."""


def _canonical(table: str, column: str | None) -> str | None:
    """The canonical column a problem's column label names (``"Ngày sinh (birth_date)"``
    or ``"birth_date"``), or None."""
    if column is None:
        return None
    names = TABLE_BY_NAME[table].column_names
    if column in names:
        return column
    if column.endswith(")") and "(" in column:
        inner = column[column.rfind("(") + 1 : -1]
        if inner in names:
            return inner
    return None


def _cell_can_be_set_aside(table: str, column: str | None) -> bool:
    if column is None:
        return False
    if (table, column) in KEEP_ROW_WITHOUT:
        return True
    col = TABLE_BY_NAME[table].column(column)
    return not col.required and col.kind in CELL_KINDS


def _blank_cells(raw: RawTable, cells: Mapping[str, set[int]]) -> RawTable:
    """``raw`` with the cells of the given canonical columns and sheet rows blanked."""
    frame = raw.frame.copy()
    labels = list(_rename(raw, TABLE_BY_NAME[raw.name])[0].columns)
    for column, rows in cells.items():
        if column not in labels:
            continue
        at = raw.rows.isin(rows).to_numpy()
        pos = labels.index(column)
        frame.isetitem(pos, frame.iloc[:, pos].astype(object).where(~at, None).to_numpy())
    return attrs.evolve(raw, frame=frame)


def _set_aside(
    raws: list[RawTable], found: list[Problem], done: dict[tuple[str, str, int], Problem]
) -> tuple[list[RawTable], list[Problem]] | None:
    """One round of ``skip_invalid``: the raw tables with the errors in ``found`` set aside
    (optional tables with a table-level error, bad optional cells, then rows), and what was
    set aside; None when an error cannot be set aside (it concerns a required table, or the
    text's encoding) or when nothing is left to set aside."""
    errors = _errors(found)
    whole = [p for p in errors if p.row is None]
    if any(
        p.scope is not None or p.table is None or TABLE_BY_NAME[p.table].required for p in whole
    ):
        return None
    out: list[Problem] = []
    gone = {str(p.table) for p in whole}
    for p in whole:
        out.append(attrs.evolve(p, scope="table"))
    cells: dict[str, dict[str, set[int]]] = {}
    rows: dict[str, set[int]] = {}
    for p in errors:
        if p.row is None or p.table in gone or p.table is None:
            continue
        column = _canonical(p.table, p.column)
        if _cell_can_be_set_aside(p.table, column):
            assert column is not None
            key = (p.table, column, p.row)
            if key not in done:
                done[key] = attrs.evolve(p, scope="cell")
                out.append(done[key])
                cells.setdefault(p.table, {}).setdefault(column, set()).add(p.row)
            continue
        rows.setdefault(p.table, set()).add(p.row)
        out.append(attrs.evolve(p, scope="row"))
    if not out:
        return None
    kept = []
    for raw in raws:
        if raw.name in gone:
            continue
        if raw.name in cells:
            raw = _blank_cells(raw, cells[raw.name])
        keep = ~raw.rows.isin(rows.get(raw.name, set()))
        kept.append(
            attrs.evolve(
                raw,
                frame=raw.frame[keep.to_numpy()].reset_index(drop=True),
                rows=raw.rows[keep].reset_index(drop=True),
            )
        )
    return kept, out


def _without_done(
    found: list[Problem], done: Mapping[tuple[str, str, int], Problem]
) -> list[Problem]:
    """``found`` without the errors on cells already set aside (a required cell kept blank)."""
    return [
        p
        for p in found
        if not (
            p.severity == "error"
            and p.table is not None
            and p.row is not None
            and (p.table, _canonical(p.table, p.column), p.row) in done
        )
    ]
