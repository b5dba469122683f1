"""The :class:`Roster`: an immutable set of canonical, typed roster tables."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import pandas as pd

from cadre_core.roster._layout import Layout, apply_layout
from cadre_core.roster._problems import Problem, RosterError, problem
from cadre_core.roster._reader import RawTable, folder_tables, not_a_regular_file, read_raw
from cadre_core.roster._schema import TABLE_BY_NAME, TABLE_NAMES
from cadre_core.roster._set_aside import (
    _errors,
    _set_aside,
    _without_done,
    cadres_of_rows_set_aside,
    held_by_rows_set_aside,
    one_per_position,
)
from cadre_core.roster._validate import (
    LEGACY_POLICIES,
    _rename,
    check_roster,
    empty_frame,
    normalise_table,
    with_all_columns,
)

if TYPE_CHECKING:
    from cadre_core.roster._flat import FlatRead
    from cadre_core.roster._list_title import Undated

REQUIRED_TABLES = tuple(t.name for t in TABLE_BY_NAME.values() if t.required)


def _freeze(frames: Mapping[str, pd.DataFrame]) -> Mapping[str, pd.DataFrame]:
    """Every table of the format: a missing one empty, a frame without some canonical
    column completed with it (blank, or its default)."""
    out = {}
    for name in TABLE_NAMES:
        f = frames.get(name)
        table = TABLE_BY_NAME[name]
        out[name] = empty_frame(table) if f is None else with_all_columns(f, table)
    return out


def _given(frames: Mapping[str, pd.DataFrame]) -> Mapping[str, pd.DataFrame]:
    """The frames given to :class:`Roster` (completed after :meth:`Roster.informs` has
    noted their columns)."""
    return dict(frames)


def _columns_of(frames: Mapping[str, pd.DataFrame]) -> frozenset[str]:
    """``table.column`` for each canonical column the given frames have."""
    return frozenset(
        f"{name}.{column}"
        for name, frame in frames.items()
        if name in TABLE_BY_NAME
        for column in frame.columns
        if column in TABLE_BY_NAME[name].column_names
    )


def _informed_by(raws: Iterable[RawTable]) -> frozenset[str]:
    """``table.column`` for each canonical column that a header of the raw tables names."""
    return frozenset(
        f"{raw.name}.{column}"
        for raw in raws
        for column in _rename(raw, TABLE_BY_NAME[raw.name])[1]
    )


@attrs.frozen(eq=False)
class Roster:
    """A commune (or several) as canonical tables, one pandas DataFrame per table.

    Build one with :func:`read_roster`, :meth:`from_frames` or :meth:`from_objects`;
    every constructor validates. Frames are never modified in place (pandas copy-on-write).

    >>> r = sample_roster()
    >>> r.cadres.columns[:3].tolist()
    ['cadre_id', 'full_name', 'birth_date']
    """

    tables: Mapping[str, pd.DataFrame] = attrs.field(converter=_given)
    name: str = ""
    problems: tuple[Problem, ...] = ()  # warnings kept from reading
    sources: tuple[str, ...] = ()  # sha256 of the files read, "name:sha256"
    # what skip_invalid set aside, with the reasons: rows (scope "row"), cells whose row
    # was kept (scope "cell") and optional tables (scope "table")
    skipped: tuple[Problem, ...] = ()
    # the positions held by an assignment row skip_invalid set aside (position code, and
    # the row's end date when it could be read): whether they are filled cannot be told
    held_aside: tuple[tuple[str, dt.date | None], ...] = attrs.field(
        default=(), converter=one_per_position
    )
    # (table, cadre id) of each row about a cadre skip_invalid set aside (or its level cell)
    rows_aside: tuple[tuple[str, str], ...] = ()
    input_rows: Mapping[str, int] = attrs.field(factory=dict)  # data rows read per table
    # what the input could not inform: tables ("trainings") and columns
    # ("positions.accepted_fields") a one-row-per-person list has no place for
    absent: tuple[str, ...] = ()
    list_date: dt.date | None = None  # the day a one-row-per-person list describes
    # the files that each hold one person's record ("Sơ yếu lý lịch"): their names may
    # name the person, so pseudonyms hide them too
    records: tuple[str, ...] = ()
    # the canonical columns ("cadres.religion") the input had; None: the columns of the
    # frames given (see informs)
    informed: frozenset[str] | None = attrs.field(default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        # the frames given name the columns the input had, before the missing ones are
        # added (blank, or their default)
        if self.informed is None:
            object.__setattr__(self, "informed", _columns_of(self.tables))
        else:
            object.__setattr__(self, "informed", frozenset(self.informed))
        object.__setattr__(self, "tables", _freeze(self.tables))

    def informs(self, field: str) -> bool:
        """Whether the input had the column ``field`` (``"table.column"``): a file,
        folder or list with that header, or frames (:meth:`from_frames`) with that column.

        A required column is always informed, unless its table is in :attr:`absent`; an
        optional table missing from the input informs none of its optional columns; what
        :attr:`absent` names informs nothing. Without the column, its cells are blank (or
        its default, "no" or 1), which is not the same as a known blank: a form counts an
        informed blank, and leaves an uninformed column's cells empty.

        >>> import pandas as pd
        >>> frames = {
        ...     "cadres": pd.DataFrame({"mã cán bộ": ["C1"], "họ và tên": ["Lò Văn Biên"],
        ...                             "ngày sinh": ["1985-03-12"], "Ngạch": ["CV"]}),
        ...     "positions": pd.DataFrame({"position_code": ["P1"]}),
        ...     "assignments": pd.DataFrame({"cadre_id": ["C1"], "position_code": ["P1"],
        ...                                  "start_date": ["2025-07-01"]}),
        ... }
        >>> r = Roster.from_frames(frames)
        >>> r.informs("cadres.grade"), r.informs("cadres.cadre_id"), r.cadres["grade"].iloc[0]
        (True, True, 'chuyen_vien')
        >>> r.informs("cadres.party_join_date"), r.informs("trainings.course")
        (False, False)
        """
        table, _, column = field.partition(".")
        if table not in TABLE_BY_NAME or not column:
            raise ValueError(f"not a roster column: {field!r} (expected table.column)")
        if table in self.absent or field in self.absent:
            return False
        names = TABLE_BY_NAME[table].column_names
        if column not in names:
            return column in self.tables[table].columns  # a column kept for plugins
        if TABLE_BY_NAME[table].column(column).required:
            return True
        assert self.informed is not None
        return field in self.informed

    def accounting(self) -> dict[str, dict[str, int]]:
        """Per table: rows read, rows kept and rows skipped (read == kept + skipped), and
        the cells set aside in kept rows (``cells``).

        A table set aside whole counts every row it had as skipped.
        """
        out = {}
        for table, read in self.input_rows.items():
            mine = [p for p in self.skipped if p.table == table]
            rows = {(p.file, p.row) for p in mine if p.scope in (None, "row")}
            skipped = read if any(p.scope == "table" for p in mine) else len(rows)
            cells = sum(p.scope == "cell" for p in mine)
            out[table] = {
                "read": read,
                "kept": len(self.tables[table]),
                "skipped": skipped,
                "cells": cells,
            }
        return out

    @property
    def not_read(self) -> tuple[Problem, ...]:
        """What was in the input and not read: columns that are not a header of their
        table (each with its best guess) and sheets or files that are not a roster table."""
        return tuple(p for p in self.problems if p.scope in ("column", "sheet"))

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """What the reader noted while reading beyond :attr:`not_read` (a guessed header, a
        value converted from a legacy encoding, ...): never an error, always reported."""
        return tuple(
            p for p in self.problems if p.severity != "error" and p.scope not in ("column", "sheet")
        )

    # ---------------------------------------------------------------- table accessors
    @property
    def cadres(self) -> pd.DataFrame:
        """The ``cadres`` table."""
        return self.tables["cadres"]

    @property
    def agencies(self) -> pd.DataFrame:
        """The ``agencies`` table."""
        return self.tables["agencies"]

    @property
    def positions(self) -> pd.DataFrame:
        """The ``positions`` table."""
        return self.tables["positions"]

    @property
    def assignments(self) -> pd.DataFrame:
        """The ``assignments`` table."""
        return self.tables["assignments"]

    @property
    def degrees(self) -> pd.DataFrame:
        """The ``degrees`` table."""
        return self.tables["degrees"]

    @property
    def theory(self) -> pd.DataFrame:
        """The ``theory`` table."""
        return self.tables["theory"]

    @property
    def trainings(self) -> pd.DataFrame:
        """The ``trainings`` table."""
        return self.tables["trainings"]

    @property
    def ratings(self) -> pd.DataFrame:
        """The ``ratings`` table."""
        return self.tables["ratings"]

    @property
    def equipment(self) -> pd.DataFrame:
        """The ``equipment`` table."""
        return self.tables["equipment"]

    # ---------------------------------------------------------------- equality
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Roster):
            return NotImplemented
        return all(_frames_equal(self.tables[n], other.tables[n]) for n in TABLE_NAMES)

    def __hash__(self) -> int:
        return hash(tuple(len(self.tables[n]) for n in TABLE_NAMES))

    def diff(self, other: Roster) -> list[str]:
        """Names of the tables that differ from ``other`` (empty when equal)."""
        return [n for n in TABLE_NAMES if not _frames_equal(self.tables[n], other.tables[n])]

    def row_counts(self) -> dict[str, int]:
        """Number of rows of each table."""
        return {n: len(self.tables[n]) for n in TABLE_NAMES}

    @property
    def communes(self) -> list[str]:
        """The communes named in ``agencies`` (or the roster's own name)."""
        names = self.agencies["commune"].dropna().unique().tolist()
        return sorted(str(n) for n in names) or [self.name]

    # ---------------------------------------------------------------- constructors
    @classmethod
    def from_frames(
        cls,
        frames: Mapping[str, pd.DataFrame],
        *,
        name: str = "roster",
        legacy: str = "error",
        skip_invalid: bool = False,
        strict_columns: bool = False,
    ) -> Roster:
        """Build a roster from DataFrames keyed by table name (canonical or aliased headers).

        Frames go through the same normalisation and validation as files; row numbers
        in problems are 1-based record numbers.
        """
        raws = [
            RawTable(
                tname,
                f.reset_index(drop=True),
                pd.Series(np.arange(len(f)) + 1),
                f"<{tname} DataFrame>",
            )
            for tname, f in frames.items()
        ]
        return _build(
            raws,
            [],
            name=name,
            legacy=legacy,
            skip_invalid=skip_invalid,
            label="<frames>",
            strict_columns=strict_columns,
        )

    @classmethod
    def from_objects(
        cls,
        *,
        cadres: Iterable[Any] = (),
        agencies: Iterable[Any] = (),
        positions: Iterable[Any] = (),
        assignments: Iterable[Any] = (),
        degrees: Iterable[Any] = (),
        theory: Iterable[Any] = (),
        trainings: Iterable[Any] = (),
        ratings: Iterable[Any] = (),
        equipment: Iterable[Any] = (),
        name: str = "roster",
    ) -> Roster:
        """Build a roster from attrs domain objects (:class:`Cadre`, :class:`Position`, ...)."""
        from cadre_core.roster._model import objects_to_frame

        given = {
            "cadres": cadres,
            "agencies": agencies,
            "positions": positions,
            "assignments": assignments,
            "degrees": degrees,
            "theory": theory,
            "trainings": trainings,
            "ratings": ratings,
            "equipment": equipment,
        }
        frames = {k: objects_to_frame(k, list(v)) for k, v in given.items()}
        frames = {k: v for k, v in frames.items() if len(v) or k in REQUIRED_TABLES}
        return cls.from_frames(frames, name=name)

    def to_objects(self, table: str) -> list[Any]:
        """The rows of ``table`` as attrs domain objects."""
        from cadre_core.roster._model import frame_to_objects

        return frame_to_objects(table, self.tables[table])

    def with_tables(self, **frames: pd.DataFrame) -> Roster:
        """A new roster with some tables replaced by canonical frames (validated again)."""
        merged = {**self.tables, **frames}
        new = Roster.from_frames(merged, name=self.name)
        return attrs.evolve(new, informed=_still_informed(self, frames))

    # ---------------------------------------------------------------- writing
    def write(self, path: str | Path, *, format: str | None = None) -> Path:
        """Write the roster as an ``.xlsx`` workbook or a folder of ``csv``/``parquet``.

        ``format`` is inferred from a ``.xlsx`` suffix; folders default to ``csv``.
        Reading the result back gives an equal roster.
        """
        from cadre_core.roster._writer import write_roster

        return write_roster(self, Path(path), format=format)


def _still_informed(roster: Roster, frames: Mapping[str, pd.DataFrame]) -> frozenset[str]:
    """What a roster with some tables replaced informs: what ``roster`` informed, and the
    columns of the new frames that hold a value (a yes, for yes/no columns)."""
    assert roster.informed is not None
    filled = set()
    for name, frame in frames.items():
        for column in frame.columns:
            if column not in TABLE_BY_NAME[name].column_names:
                continue
            values = frame[column]
            held = values.fillna(False).astype(bool) if values.dtype == bool else values.notna()
            if bool(held.any()):
                filled.add(f"{name}.{column}")
    return roster.informed | filled


def _frames_equal(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    if list(a.columns) != list(b.columns) or len(a) != len(b):
        return False
    try:
        pd.testing.assert_frame_equal(
            a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=True
        )
    except AssertionError:
        return False
    return True


def _check(
    raws: list[RawTable],
    name: str,
    legacy: str,
    label: str | None = None,
    strict_columns: bool = False,
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Normalise every table and run the cross-table checks; return frames and problems."""
    problems: list[Problem] = []
    by_name = {r.name: r for r in raws}
    for t in REQUIRED_TABLES:
        if t not in by_name:
            where = label or name
            problems.append(problem(where, t, None, None, None, "table_missing", table=t))
    frames: dict[str, pd.DataFrame] = {}
    for raw in raws:
        frames[raw.name], found = normalise_table(raw, legacy=legacy, strict_columns=strict_columns)
        problems.extend(found)
    frames = dict(_freeze(frames))
    if not any(p.row is None for p in _errors(problems)):
        problems.extend(check_roster(frames, by_name))
    return frames, problems


def _build(
    raws: list[RawTable],
    problems: list[Problem],
    *,
    name: str,
    legacy: str,
    skip_invalid: bool = False,
    label: str | None = None,
    strict_columns: bool = False,
    shared_rows: bool = False,
    day: dt.date | None = None,
) -> Roster:
    """The roster of the raw tables ``raws``, validated (``problems``: what reading them
    found). With ``skip_invalid``, what has errors is set aside round by round;
    ``shared_rows`` says the tables were all made from the rows of one list (a row of a
    table and a row of another with the same number came from the same person), so that
    a cadre set aside takes the rows made from its row with it; ``day``: the day a list
    describes (a start written as a month or a year alone is read up to it)."""
    if legacy not in LEGACY_POLICIES:
        raise ValueError(f"legacy must be one of {LEGACY_POLICIES}")
    input_rows = {r.name: len(r.frame) for r in raws}
    skipped: list[Problem] = []
    held_aside: list[tuple[str, dt.date | None]] = []
    rows_aside: list[tuple[str, str]] = []
    frames, found = _check(raws, name, legacy, label, strict_columns)
    # With skip_invalid, what has errors is set aside (with its reasons) and the rest is
    # checked again, since removing a cadre can orphan the rows that refer to it. A bad
    # optional cell is set aside alone (its row kept, so nothing that refers to the row
    # follows it), and an optional table with a table-level error is set aside whole; a
    # row set aside takes with it the rows that would otherwise refer to another row of
    # the same id (a duplicate), never attached to another person.
    done: dict[tuple[str, str, int], Problem] = {}
    while skip_invalid and _errors(found):
        step = _set_aside(raws, found, done, frames, shared_rows=shared_rows, day=day)
        if step is None:
            break
        held_aside += held_by_rows_set_aside(raws, frames, step[1])
        rows_aside += cadres_of_rows_set_aside(raws, frames, step[1])
        raws, aside = step
        skipped.extend(aside)
        frames, found = _check(raws, name, legacy, label, strict_columns)
        found = _without_done(found, done)
    problems = problems + found
    if _errors(problems):
        raise RosterError(problems)
    return Roster(
        frames,
        name=name,
        problems=tuple(problems),
        skipped=tuple(skipped),
        held_aside=held_aside,
        rows_aside=tuple(rows_aside),
        input_rows=input_rows,
        informed=_informed_by(raws),
    )


def _sha256(path: Path, layout: Layout | None = None) -> list[str]:
    """``name:sha256`` of the files a roster was read from: the workbook or list, or a
    folder's table files alone (its other files are never opened), hashed in pieces."""
    if path.is_dir():
        from cadre_core.roster._record import record_folder

        files = record_folder(path) or [f for f, _ in folder_tables(path, layout)[0]]
    else:
        files = [path]
    out = []
    for f in files:
        with f.open("rb") as fh:
            h = hashlib.file_digest(fh, "sha256").hexdigest()
        out.append(f"{f.name}:{h}")
    return out


def read_roster(
    path: str | Path,
    *,
    legacy: str = "error",
    skip_invalid: bool = False,
    layout: Layout | None = None,
    strict_columns: bool = False,
    list_date: dt.date | str | Undated | None = None,
) -> Roster:
    """Read and validate a roster: an ``.xlsx`` workbook or a folder of CSV/parquet tables,
    or a one-row-per-person list (a ``.csv`` file, a table in a Word ``.docx`` document, or
    a workbook without positions and assignments sheets: see :func:`read_list`, which
    ``list_date`` is for).

    Raises :class:`RosterError` listing every problem found (file, table, row, column,
    value, what was expected and a suggestion). ``legacy="convert"`` converts TCVN3/VNI
    text (and double-encoded UTF-8) instead of reporting it. ``skip_invalid=True`` sets
    aside what has errors (listed with their reasons in :attr:`Roster.skipped`) and keeps
    the rest: a bad optional cell alone (its row kept), a cadre's missing birth date alone
    (the cadre kept, of unknown age), an optional table with a table-level error whole,
    else the row; other problems with a whole table or column still raise. A column that
    is not a header of its table is listed in :attr:`Roster.not_read`;
    ``strict_columns=True`` makes it an error. ``layout`` (a :class:`Layout`, from
    :func:`read_layout` or combined by :func:`merge_layouts`) maps a province's sheet
    names, headers and values to canonical ones before the reader's own aliases.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = sample_roster().write(d / "r.xlsx")
    >>> read_roster(d / "r.xlsx").row_counts()["cadres"]
    43
    """
    p = Path(path)
    _refuse_special(p)
    flat = _is_flat(p, layout)
    if flat:
        from cadre_core.roster._flat import list_only

        read = _read_flat(p, list_date, legacy)
        # a workbook holding no list either is read as tables: their messages say what
        # is missing
        if read.found or list_only(p):
            return _list_roster(p, read, legacy, skip_invalid)
    raws, problems = read_raw(p, layout)
    raws = apply_layout(raws, layout)
    if flat:  # say too that no list was found (the sheets it looked at)
        problems = [q for q in read.problems if q.severity != "error"] + problems
    if not raws and any(pr.severity == "error" for pr in problems):
        raise RosterError(problems)
    name = p.stem if p.is_file() else p.name
    roster = _build(
        raws,
        problems,
        name=name,
        legacy=legacy,
        skip_invalid=skip_invalid,
        label=p.name,
        strict_columns=strict_columns,
    )
    return attrs.evolve(roster, sources=tuple(_sha256(p, layout)))


def read_list(
    path: str | Path,
    *,
    list_date: dt.date | str | Undated | None = None,
    legacy: str = "error",
    skip_invalid: bool = False,
) -> Roster:
    """Read a one-row-per-person list ("danh sách trích ngang") as a snapshot roster.

    The list is a workbook, a ``.csv`` file or a Word ``.docx`` document (each of its
    tables a sheet, "Bảng 1" ...). Its day is ``list_date``, else the day its title rows
    name (an :class:`~cadre_core.roster._list_title.Undated` ``list_date`` only when they
    name none); without either it is an error that says so. Every problem names the file, sheet
    (or table), row and column of the list. :attr:`Roster.absent` names what the list
    cannot inform.
    """
    p = Path(path)
    _refuse_special(p)
    return _list_roster(p, _read_flat(p, list_date, legacy), legacy, skip_invalid)


def _refuse_special(p: Path) -> None:
    """Raise when the roster path ``p`` does not exist (one sentence, whatever its suffix:
    a missing ``.csv`` list is not "an unreadable list") or is a pipe, a device or other
    non-regular file (reading one may never end); checked before the file is opened."""
    if not p.exists():
        raise RosterError([problem(str(p), None, None, None, None, "no_such_path")])
    if not p.is_dir():
        special = not_a_regular_file(p, p.name)
        if special is not None:
            raise RosterError([special])


def _is_flat(p: Path, layout: Layout | None) -> bool:
    """Whether the file ``p`` is read as a one-row-per-person list
    (:func:`cadre_core.roster._flat.is_flat`); a folder only when it holds personal
    records, and a folder of tables is read without importing the lists' reader (Word
    documents, header rows, title rows)."""
    if p.is_dir():
        from cadre_core.roster._record import record_folder

        return record_folder(p) is not None
    from cadre_core.roster._flat import is_flat

    return is_flat(p, layout)


def _read_flat(p: Path, list_date: dt.date | str | Undated | None, legacy: str) -> FlatRead:
    from cadre_core.roster._flat import read_flat

    if legacy not in LEGACY_POLICIES:
        raise ValueError(f"legacy must be one of {LEGACY_POLICIES}")
    try:
        return read_flat(p, list_date=list_date, legacy=legacy)
    except ValueError as exc:  # a bad --list-date
        said = problem(
            p.name, None, None, None, None, "bad_list_date", text=str(exc), value=repr(list_date)
        )
        raise RosterError([said]) from None


def _list_roster(p: Path, read: FlatRead, legacy: str, skip_invalid: bool) -> Roster:
    from cadre_core.roster._flat import relocate

    problems = [relocate(q, read, p.name) for q in read.problems]
    if not read.raws:
        raise RosterError(problems)
    try:
        roster = _build(
            list(read.raws),
            [],
            name=p.stem,
            legacy=legacy,
            skip_invalid=skip_invalid,
            shared_rows=True,
            day=read.day,
        )
    except RosterError as exc:
        moved = [relocate(q, read, p.name) for q in exc.problems]
        raise RosterError(problems + moved) from None
    if any(q.severity == "error" for q in problems):
        # a whole file or sheet (one typed in a legacy font, a record that cannot be
        # read): never set aside, said with everything else the list holds
        raise RosterError(problems + [relocate(q, read, p.name) for q in roster.problems])
    return attrs.evolve(
        roster,
        problems=tuple(problems) + tuple(relocate(q, read, p.name) for q in roster.problems),
        skipped=tuple(relocate(q, read, p.name) for q in roster.skipped),
        sources=tuple(_sha256(p)),
        absent=read.absent,
        list_date=read.day,
        records=read.sheets if read.records else (),
        # a column informed cell by cell is not informed as a whole: a blank is unknown
        informed=(roster.informed or frozenset()) - set(read.by_cell),
    )


def sample_roster() -> Roster:
    """The sample Lai Châu commune shipped with the package (fictional people).

    >>> sample_roster().row_counts()["cadres"] > 30
    True
    """
    from importlib.resources import files

    folder = files("cadre_core") / "data" / "sample_commune"
    return read_roster(Path(str(folder)))
