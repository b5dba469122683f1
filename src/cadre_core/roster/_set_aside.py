"""What ``skip_invalid`` sets aside: the errors a roster read can leave out (a bad optional
cell, a cadre's missing birth date, an optional table with a table-level error, else the
row), one round at a time, with the reasons kept for :attr:`Roster.skipped`. A row set
aside takes with it the rows that refer to it and would otherwise refer to another row
holding the same id (:func:`_with_their_rows`): never attached to another person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._partial_dates import read_partial_days
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._reader import RawTable
from cadre_core.roster._schema import FORM_FIELDS, TABLE_BY_NAME
from cadre_core.roster._validate import REFERENCES, _Collector, _rename


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

FORM_CELLS: frozenset[tuple[str, str]] = frozenset(
    (table, column)
    for table, _, column in (field.partition(".") for field in FORM_FIELDS)
    if table == "cadres" and not TABLE_BY_NAME[table].column(column).required
)
"""The cadres' optional columns the official forms count (the day of joining the Party,
the start of social insurance, the grade, the committees...): a bad cell there is set
aside alone, whatever its kind, and the cadre kept, as the forms' other fields are. The
cadre counts as the blank says (a date not known; a yes/no cell as "no"), and the cell is
listed as set aside; dropping the cadre instead would take the person, their posts and
degrees out of every count for one field."""


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
    if (table, column) in KEEP_ROW_WITHOUT or (table, column) in FORM_CELLS:
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
    raws: list[RawTable],
    found: list[Problem],
    done: dict[tuple[str, str, int], Problem],
    frames: Mapping[str, pd.DataFrame] | None = None,
    *,
    shared_rows: bool = False,
    day: dt.date | None = None,
) -> tuple[list[RawTable], list[Problem]] | None:
    """One round of ``skip_invalid``: the raw tables with the errors in ``found`` set aside
    (optional tables with a table-level error, bad optional cells, then rows, with the rows
    that refer to them where another row holds the same id: see :func:`_with_their_rows`,
    for which ``frames`` are the raw tables normalised and ``shared_rows`` says they were
    all made from the rows of one list), and what was set aside; None when an error cannot
    be set aside (it concerns a required table, or the text's encoding) or when nothing is
    left to set aside.

    A start-like day written as a month or a year alone ("T7/2021", "2021") is read as the
    period's last day instead, its row kept and a warning said, when that day is on or
    before ``day``, the day the roster describes (else today):
    :mod:`cadre_core.roster._partial_dates`."""
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
    partial = read_partial_days(
        [r for r in raws if r.name not in gone],
        [(p, str(_canonical(t, p.column))) for p in errors if (t := p.table) is not None],
        day or dt.date.today(),
    )
    for p in errors:
        if p.row is None or p.table in gone or p.table is None:
            continue
        column = _canonical(p.table, p.column)
        if (p.table, column, p.row) in partial.said:
            continue  # a month or a year alone, read as its last day
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
    if frames is not None:
        kept_raws = [r for r in raws if r.name not in gone]
        out += _with_their_rows(kept_raws, frames, rows, shared_rows)
    out += [p for (t, _, r), p in partial.said.items() if r not in rows.get(t, set())]
    if not out:
        return None
    kept = []
    for raw in raws:
        if raw.name in gone:
            continue
        raw = partial.fill(raw)
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


def _key_text(values: pd.Series) -> np.ndarray:
    """Key cells as text to match on (a blank as a mark that no cell holds)."""
    return np.asarray(values.astype(object).where(values.notna(), "\x00").astype(str))


def _said_of(
    raw: RawTable, column: str, hit: np.ndarray, key: str, args: Mapping[str, object]
) -> list[Problem]:
    """One problem (``problem_<key>``, scope ``"row"``) per row of ``raw`` in ``hit``, at
    the column ``column`` as the user headed it. An argument given as a list holds each
    row's own value, in order (the sentence is built once per distinct set of arguments);
    any other is every row's."""
    at = np.flatnonzero(hit)
    if not len(at):
        return []
    where = _Collector(raw, _rename(raw, TABLE_BY_NAME[raw.name])[1]).col_label(column)
    per_row = {k: v for k, v in args.items() if isinstance(v, list)}
    fixed = {k: v for k, v in args.items() if not isinstance(v, list)}
    own_args = list(zip(*per_row.values(), strict=True)) if per_row else [()] * len(at)
    made: dict[tuple[object, ...], Problem] = {}
    out = []
    for row, own in zip(raw.rows.to_numpy()[at].tolist(), own_args, strict=True):
        if own not in made:
            said = {**fixed, **dict(zip(per_row, own, strict=True))}
            made[own] = problem(raw.file, raw.name, None, where, None, key, scope="row", **said)
        out.append(attrs.evolve(made[own], row=int(row)))
    return out


def _rows_of(raw: RawTable, at: np.ndarray) -> list[int]:
    return [int(r) for r in raw.rows.to_numpy()[at]]


def _with_their_rows(
    raws: list[RawTable],
    frames: Mapping[str, pd.DataFrame],
    rows: dict[str, set[int]],
    shared_rows: bool,
) -> list[Problem]:
    """The rows that go with the rows set aside (``rows``, added to it), each said.

    A row of a table that others refer to (cadres, positions, agencies) takes with it:

    - when the tables were made from the rows of one list (``shared_rows``), the rows
      made from the same row of the list that refer to its id (a person's assignments,
      degrees, ratings...), which another row holding the same id (a duplicate "Mã cán
      bộ") would otherwise take as its own;
    - else, when another row holds its id too (a duplicate), every row that refers to
      that id, since which of the rows it belongs to cannot be told, and then the other
      rows holding the id as well (kept, they would be counted without their posts,
      degrees...): nothing about an ambiguous id is evaluated.

    A row that refers to a row set aside and to no other is left to the next round (its
    reference is then unknown, which says so)."""
    by_name = {r.name: r for r in raws if r.name in frames and len(frames[r.name]) == len(r.rows)}
    out: list[Problem] = []
    for target, key in dict.fromkeys((t, tc) for _, _, t, tc in REFERENCES):
        if target not in by_name or not rows.get(target):
            continue
        raw = by_name[target]
        text = _key_text(frames[target][key])
        aside = raw.rows.isin(rows[target]).to_numpy()
        referring = [
            (by_name[n], c)
            for n, c, t, tc in REFERENCES
            if (t, tc) == (target, key) and n in by_name
        ]
        if shared_rows:
            made = _pairs(raw.rows, text)[aside]
            for ref, column in referring:
                pairs = _pairs(ref.rows, _key_text(frames[ref.name][column]))
                hit = np.isin(pairs, made) & ~ref.rows.isin(rows.get(ref.name, set())).to_numpy()
                out += _said_of(ref, column, hit, "with_its_row", {"target": target})
                rows.setdefault(ref.name, set()).update(_rows_of(ref, hit))
            continue
        held = frames[target][key].notna().to_numpy()
        twice = pd.Series(text).duplicated(keep=False).to_numpy() & held
        ambiguous = np.unique(text[twice & aside])
        if not len(ambiguous):
            continue
        holders = np.isin(text, ambiguous)
        listed = (
            pd.Series(raw.rows.to_numpy()[holders])
            .astype(str)
            .groupby(text[holders], sort=False)
            .agg(", ".join)
        )
        referred: set[str] = set()
        for ref, column in referring:
            theirs = _key_text(frames[ref.name][column])
            hit = np.isin(theirs, ambiguous) & ~ref.rows.isin(rows.get(ref.name, set())).to_numpy()
            values = theirs[hit].tolist()
            args = _holders_said(key, target, values, listed)
            out += _said_of(ref, column, hit, "ambiguous_reference", args)
            rows.setdefault(ref.name, set()).update(_rows_of(ref, hit))
            referred.update(values)
        others = np.isin(text, list(referred)) & ~aside
        values = text[others].tolist()
        args = _holders_said(key, target, values, listed)
        out += _said_of(raw, key, others, "ambiguous_id", args)
        rows[target].update(_rows_of(raw, others))
    return out


def _holders_said(key: str, target: str, values: list[str], listed: pd.Series) -> dict[str, object]:
    """The arguments of a problem about an id held by several rows: each row's id
    (``values``) and the rows of ``target`` holding it (``listed``, by id)."""
    return {
        "column": key,
        "target": target,
        "value": [repr(v) for v in values],
        "rows": listed.reindex(values).tolist(),
    }


def _pairs(rows: pd.Series, keys: np.ndarray) -> np.ndarray:
    """``row`` and key of each row as one text, to match rows made from the same row of a
    list that refer to the same id."""
    return np.asarray(rows.astype(str).to_numpy().astype(object) + "\x1f" + keys.astype(object))


def held_by_rows_set_aside(
    raws: list[RawTable], frames: Mapping[str, pd.DataFrame], aside: list[Problem]
) -> list[tuple[str, dt.date | None]]:
    """The positions the assignment rows set aside in ``aside`` held: each row's position
    code, with its end date when the row gave one that could be read (None: still in post,
    or not known). ``raws`` are the raw tables the rows were set aside from and ``frames``
    those tables normalised (row for row).

    Whether such a position is filled cannot be told: its holder's row is not read.

    >>> raw = RawTable("assignments", pd.DataFrame({"x": ["a", "b"]}), pd.Series([2, 3]), "a.csv")
    >>> frames = {"assignments": pd.DataFrame({"position_code": ["P1", "P2"],
    ...     "end_date": pd.to_datetime([None, "2024-06-30"])})}
    >>> said = Problem("a.csv", "assignments", 3, "start_date", "x", "a date", scope="row")
    >>> held_by_rows_set_aside([raw], frames, [said])
    [('P2', datetime.date(2024, 6, 30))]
    """
    rows = {p.row for p in aside if p.table == "assignments" and p.scope == "row"}
    raw = next((r for r in raws if r.name == "assignments"), None)
    frame = frames.get("assignments")
    if not rows or raw is None or frame is None or len(frame) != len(raw.rows):
        return []
    at = raw.rows.isin(rows).to_numpy()
    codes = frame["position_code"].to_numpy(dtype=object)[at]
    ends = pd.Series(frame["end_date"].to_numpy()[at]) if "end_date" in frame else None
    out: list[tuple[str, dt.date | None]] = []
    for i, code in enumerate(codes.tolist()):
        if code is None or pd.isna(code):
            continue  # a row naming no position (or one that cannot be read) holds none
        end = None if ends is None or pd.isna(ends.iloc[i]) else ends.iloc[i].date()
        out.append((str(code), end))
    return out


def cadres_of_rows_set_aside(
    raws: list[RawTable], frames: Mapping[str, pd.DataFrame], aside: list[Problem]
) -> list[tuple[str, str]]:
    """``(table, cadre id)`` of each row of a table about a cadre (degrees, theory, ...)
    that ``aside`` set aside, or whose ``level`` cell it set aside: what that row said of
    its cadre is not known. ``raws`` are the raw tables the rows were set aside from and
    ``frames`` those tables normalised (row for row).

    >>> raw = RawTable("degrees", pd.DataFrame({"x": ["a", "b"]}), pd.Series([2, 3]), "a.csv")
    >>> frames = {"degrees": pd.DataFrame({"cadre_id": ["C1", "C2"], "level": [None, None]})}
    >>> said = Problem("a.csv", "degrees", 3, "level", "x", "a level", scope="row")
    >>> cadres_of_rows_set_aside([raw], frames, [said])
    [('degrees', 'C2')]
    """
    out: list[tuple[str, str]] = []
    for raw in raws:
        frame = frames.get(raw.name)
        if raw.name == "cadres" or frame is None or "cadre_id" not in frame:
            continue
        rows = {
            p.row
            for p in aside
            if p.table == raw.name
            and (
                p.scope == "row" or (p.scope == "cell" and _canonical(p.table, p.column) == "level")
            )
        }
        if not rows or len(frame) != len(raw.rows):
            continue
        ids = frame["cadre_id"].to_numpy(dtype=object)[raw.rows.isin(rows).to_numpy()]
        out += [(raw.name, str(i)) for i in ids.tolist() if i is not None and not pd.isna(i)]
    return out


def one_per_position(
    held: Iterable[tuple[str, dt.date | None]],
) -> tuple[tuple[str, dt.date | None], ...]:
    """``held`` (position code, end date) with one entry per position, sorted: its latest
    end date, or None when a row of it is still in post or its end is not known.

    >>> one_per_position([("P2", dt.date(2024, 6, 30)), ("P1", None),
    ...                   ("P2", dt.date(2025, 1, 31)), ("P1", dt.date(2020, 1, 1))])
    (('P1', None), ('P2', datetime.date(2025, 1, 31)))
    """
    latest: dict[str, dt.date | None] = {}
    for code, end in held:
        if code in latest:
            before = latest[code]
            latest[code] = None if before is None or end is None else max(before, end)
        else:
            latest[code] = end
    return tuple(sorted(latest.items()))
