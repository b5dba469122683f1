"""Many workbooks, one province: one roster from a workbook (or list) per commune.

``cadre evaluate communes/*.xlsx`` or a folder of workbooks reads each file on its own
(any mix of layouts: normalised workbooks, one-row-per-person lists, folders of tables),
names its commune, scopes its ids by that commune (the same ``CB001`` in two communes is
two people) and joins the tables. A file that names no commune in its agencies takes the
commune from its title rows (a list) or, failing that, from its file name, and says which.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from cadre_core.roster import _roster
from cadre_core.roster._problems import Problem, RosterError, problem
from cadre_core.roster._reader import table_for
from cadre_core.roster._record import record_folder
from cadre_core.roster._roster import Roster
from cadre_core.roster._schema import TABLE_NAMES
from cadre_core.roster._sniff import folder_lists
from cadre_core.vocab._progress import tracked

if TYPE_CHECKING:
    from cadre_core.roster._layout import Layout
    from cadre_core.roster._list_title import Undated


# the id columns scoped by commune, per table
_IDS = ("cadre_id", "position_code", "agency_code")


def _is_table_folder(path: Path) -> bool:
    """A folder of ``<table>.csv``/``.parquet`` files is one roster, not many."""
    return any(
        p.suffix.lower() in (".csv", ".parquet") and table_for(p.stem) is not None
        for p in path.iterdir()
    )


def roster_files(paths: Sequence[str | Path]) -> list[Path]:
    """The rosters named by ``paths``: files as given, a folder of tables as one roster, a
    folder of personal records as one list, a folder of workbooks as its workbooks (sorted; hidden and lock files ``~$...`` left out,
    and a ``.txt`` file that is no tab-separated list, such as a note)."""
    out: list[Path] = []
    for given in paths:
        p = Path(given)
        books = []
        if p.is_dir() and not _is_table_folder(p) and record_folder(p) is None:
            books = folder_lists(p)
        # a folder of no workbooks is read as a folder of tables (which says what is missing)
        out.extend(books or [p])
    return out


def _commune_of(roster: Roster, path: Path) -> tuple[str, Problem | None]:
    """The commune a roster names, or the one its file name gives (with a warning)."""
    named = roster.agencies["commune"].dropna().unique().tolist()
    if len(named) == 1:
        return str(named[0]), None
    if len(named) > 1:
        return "", None  # a roster of several communes keeps its own names
    commune = path.stem if path.is_file() else path.name
    return commune, problem(
        path.name,
        "agencies",
        None,
        "commune",
        None,
        "commune_from_file",
        severity="warning",
        commune=repr(commune),
    )


def _scoped(roster: Roster, commune: str, scope: str) -> dict[str, pd.DataFrame]:
    """The roster's tables with every id prefixed by ``scope`` and blank communes filled."""
    tables: dict[str, pd.DataFrame] = {}
    for name in TABLE_NAMES:
        frame = roster.tables[name]
        changes = {
            c: (scope + "/" + frame[c].astype("string")).astype(frame[c].dtype)
            for c in _IDS
            if c in frame.columns
        }
        if name in ("agencies", "indicators", "satisfaction") and commune:
            changes["commune"] = frame["commune"].fillna(commune)
        tables[name] = frame.assign(**changes) if changes else frame
    if commune and roster.agencies.empty:
        # no agencies: one for the commune, holding every position
        code = f"{scope}/{commune}"
        empty = roster.agencies
        row: dict[str, list[str | None]] = {str(c): [None] for c in empty.columns}
        row.update({"agency_code": [code], "name": [commune], "commune": [commune]})
        tables["agencies"] = pd.DataFrame(row).astype(empty.dtypes.to_dict())[empty.columns]
        positions = tables["positions"]
        tables["positions"] = positions.assign(
            agency_code=positions["agency_code"].fillna(code).astype(positions["agency_code"].dtype)
        )
    return tables


def read_rosters(
    paths: Sequence[str | Path],
    *,
    legacy: str = "error",
    skip_invalid: bool = False,
    list_date: dt.date | str | Undated | None = None,
    layout: Layout | None = None,
    strict_columns: bool = False,
) -> Roster:
    """Read one roster, or several (one per commune) as one province roster.

    A single file, or a single folder of tables, is read by :func:`read_roster`. Several
    paths, or a folder of workbooks, are read each on its own, their ids scoped by their
    commune (``Xã A/CB001``) and their tables joined; every problem of every file is
    collected before failing.
    """
    files = roster_files(paths)
    single = len(paths) == 1 and not Path(paths[0]).is_dir()
    if len(files) == 1 and (single or files[0].is_dir()):
        return _roster.read_roster(
            files[0],
            legacy=legacy,
            skip_invalid=skip_invalid,
            list_date=list_date,
            layout=layout,
            strict_columns=strict_columns,
        )
    if not files:
        where = ", ".join(str(p) for p in paths)
        raise RosterError([problem(where, None, None, None, None, "no_roster_file")])
    rosters: list[tuple[Path, Roster]] = []
    problems: list[Problem] = []
    for f in tracked(files, "progress_reading"):  # a bar on a terminal (cadre_core.cli)
        try:
            read = _roster.read_roster(
                f,
                legacy=legacy,
                skip_invalid=skip_invalid,
                list_date=list_date,
                layout=layout,
                strict_columns=strict_columns,
            )
            rosters.append((f, read))
        except RosterError as exc:
            problems.extend(exc.problems)
    if any(p.severity == "error" for p in problems):
        raise RosterError(problems)
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLE_NAMES}
    skipped: list[Problem] = []
    held_aside: list[tuple[str, dt.date | None]] = []
    sources: list[str] = []
    input_rows: dict[str, int] = {}
    absent: set[str] = set()
    informed: frozenset[str] | None = None
    days = {r.list_date for _, r in rosters}
    scopes: dict[str, Path] = {}
    for f, roster in rosters:
        commune, note = _commune_of(roster, f)
        scope = commune or f.stem
        if scope in scopes:
            problems.append(
                problem(f.name, None, None, None, None, "commune_twice",
                        commune=repr(scope), other=scopes[scope].name)
            )  # fmt: skip
            continue
        scopes[scope] = f
        problems.extend(roster.problems)
        if note is not None:
            problems.append(note)
        for name, frame in _scoped(roster, commune, scope).items():
            parts[name].append(frame)
        skipped.extend(roster.skipped)
        held_aside += [(f"{scope}/{code}", end) for code, end in roster.held_aside]
        sources.extend(roster.sources)
        absent.update(roster.absent)
        # a column counts as informed when every commune's file had it
        informed = roster.informed if informed is None else informed & (roster.informed or set())
        for name, n in roster.input_rows.items():
            input_rows[name] = input_rows.get(name, 0) + n
    if any(p.severity == "error" for p in problems):
        raise RosterError(problems)
    tables = {
        name: pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        for name, frames in parts.items()
    }
    name = Path(paths[0]).name if len(paths) == 1 else "province"
    return Roster(
        tables,
        name=name,
        problems=tuple(problems),
        sources=tuple(sources),
        skipped=tuple(skipped),
        held_aside=held_aside,
        input_rows=input_rows,
        absent=tuple(sorted(absent)),
        list_date=days.pop() if len(days) == 1 else None,
        informed=informed,
        records=tuple(name for _, r in rosters for name in r.records),
    )


__all__ = ["read_rosters", "roster_files"]
