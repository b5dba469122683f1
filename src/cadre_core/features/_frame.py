"""The feature frames of a roster on a day: computed once per evaluation, vectorised.

:class:`Features` holds, for the as-of day D:

- ``cadres``: one row per *active* cadre (index ``cadre_id``) with ``commune``,
  ``education_rank``/``education``, ``theory_rank``/``theory`` (and whether each level is
  known: ``education_known``, ``theory_known``, :mod:`~cadre_core.features._known`),
  ``rating``/``rating_rank``
  (the annual rating of the rating year), ``trained_<topic>`` flags for the training
  window, one ``holds_<category>`` flag per position category, ``age`` on D, the fields
  the official forms count (:data:`FORM_FEATURES`: all blank when the roster does not
  inform their column, see :meth:`Features.informs`), and the population flags added by
  the built-in plugin and any province plugin (``cadre_features`` hook);
- ``assignments``: the active assignments of active cadres joined with their positions
  (``start_given``: whether the start is a day the input gave);
- ``positions``: every position (index ``position_code``) with ``holders`` on D;
- ``agencies``: every agency (index ``agency_code``) with ``active_cadres`` on D;
- ``trainings``: trainings in the window, one row per (training, topic);
- ``degrees``: degrees held on D with ``rank`` and ``field_key``;
- ``equipment``: quantity per (agency, item), duplicates summed;
- ``tables``: the roster's canonical tables, for plugins that need raw rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import numpy as np
import pandas as pd
import pyarrow.compute as pc

from cadre_core.features._form_fields import (
    _FORM_SOURCES,
    _form_features,
    _undated_form_features,
)
from cadre_core.features._form_fields import FORM_FEATURES as FORM_FEATURES
from cadre_core.features._form_fields import whole_years as whole_years
from cadre_core.features._keys import _arrow, _objects, lookup, map_values
from cadre_core.features._known import KNOWN_COLUMNS, level_known, start_given
from cadre_core.features._levels import levels_held
from cadre_core.roster._schema import TABLE_BY_NAME, TABLES
from cadre_core.vocab._enums import (
    Category,
    EducationLevel,
    RatingLevel,
    TheoryLevel,
    TrainingTopic,
)

if TYPE_CHECKING:
    from cadre_core.roster._roster import Roster

NO_COMMUNE = ""

T = TypeVar("T")


def rating_year(as_of: dt.date) -> int:
    """The latest calendar year that has ended on or before ``as_of``.

    >>> rating_year(dt.date(2026, 12, 31)), rating_year(dt.date(2026, 6, 30))
    (2026, 2025)
    """
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


@attrs.frozen
class Features:
    """Feature frames of a roster as of one day (see the module docstring).

    >>> ev = cadre_core.evaluate(
    ...     cadre_core.sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> f = ev.features
    >>> f.as_of, f.rating_year, len(f.cadres)
    (datetime.date(2026, 12, 31), 2026, 41)
    >>> int(f.cadres["is_female"].sum()), int(f.cadres["is_minority"].sum())
    (17, 34)
    >>> int(f.cadres["is_young_leader"].sum())  # a column the template plugin adds
    4
    """

    as_of: dt.date
    params: Mapping[str, Any]
    cadres: pd.DataFrame
    assignments: pd.DataFrame
    positions: pd.DataFrame
    agencies: pd.DataFrame
    trainings: pd.DataFrame
    roster_name: str
    degrees: pd.DataFrame
    equipment: pd.DataFrame
    tables: Mapping[str, pd.DataFrame] = attrs.field(factory=dict, repr=False)
    absent: tuple[str, ...] = ()  # what the roster could not inform (Roster.absent)
    # every "table.column" of the format the roster informs (Roster.informs); None: all
    informed: frozenset[str] | None = attrs.field(default=None, repr=False)
    # what :meth:`once` made from these very frames; every new Features (evolve,
    # isolated, with_cadre_columns) starts with nothing
    _made: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def once(self, key: str, make: Callable[[Features], T]) -> T:
        """``make(self)`` the first time ``key`` is asked of these features, then the same
        value: what several criteria of one evaluation read (the fit of each cadre's
        degrees to the posts held) is computed once. A new :class:`Features` (:meth:`isolated`,
        :meth:`with_cadre_columns`, ``attrs.evolve``) starts afresh, so that a value never
        outlives the frames it was made from.

        >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
        >>> made = []
        >>> def count(features: Features) -> int:
        ...     made.append(1)
        ...     return len(features.cadres)
        >>> f.once("n", count), f.once("n", count), len(made)
        (41, 41, 1)
        >>> f.isolated().once("n", count), len(made)
        (41, 2)
        """
        if key not in self._made:
            self._made[key] = make(self)
        value: T = self._made[key]
        return value

    def uninformed(self, reads: Iterable[str]) -> list[str]:
        """Which of ``reads`` (tables, or ``table.column``) the roster could not inform
        (:attr:`absent`), sorted: a table absent takes its columns with it, so a target
        reading ``theory.level`` has no data from a list with no theory column.

        >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
        >>> attrs.evolve(f, absent=("theory",)).uninformed(["theory.level", "degrees"])
        ['theory.level']
        """
        gone = set(self.absent)
        return sorted(r for r in set(reads) if r in gone or r.partition(".")[0] in gone)

    def informs(self, field: str) -> bool:
        """Whether the roster informs the column ``field`` (``"table.column"``): the
        answer of :meth:`cadre_core.roster.Roster.informs` for the roster the features
        were built from. A form leaves the cells that count an uninformed column blank.

        >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
        >>> f.informs("cadres.cadre_id"), f.informs("cadres.grade") == f.informs("cadres.religion")
        (True, True)
        """
        table, _, column = field.partition(".")
        if not column:
            raise ValueError(f"not a roster column: {field!r} (expected table.column)")
        if self.informed is None or field in self.informed:
            return True
        if table not in TABLE_BY_NAME:
            raise ValueError(f"not a roster column: {field!r} (no table {table!r})")
        if column not in TABLE_BY_NAME[table].column_names:
            frame = self.tables.get(table)
            return frame is not None and column in frame.columns
        return False

    @property
    def rating_year(self) -> int:
        """The rating year on the as-of day."""
        return rating_year(self.as_of)

    def unit_frame(self, unit: str) -> pd.DataFrame:
        """The frame whose rows are the members of a target's ``unit``."""
        return {"cadres": self.cadres, "positions": self.positions, "agencies": self.agencies}[unit]

    def isolated(self) -> Features:
        """The same features for code outside the core (a plugin's hook or criterion):
        every frame a new object over the same data, the tables a new mapping.

        Under pandas' copy-on-write, whatever that code does to what it receives
        (``features.cadres["x"] = ...``, ``.loc`` edits, ``features.tables[...] = ...``)
        changes its own copy only: never the frames other plugins, the engine or the
        next as-of day read. Cheap: no data is copied until it is written.

        >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
        >>> mine = f.isolated()
        >>> mine.cadres["is_leader"] = False
        >>> mine.tables["cadres"] = None
        >>> bool(f.cadres["is_leader"].any()), f.tables["cadres"] is not None
        (True, True)
        """
        return attrs.evolve(
            self,
            cadres=self.cadres.copy(deep=False),
            assignments=self.assignments.copy(deep=False),
            positions=self.positions.copy(deep=False),
            agencies=self.agencies.copy(deep=False),
            trainings=self.trainings.copy(deep=False),
            degrees=self.degrees.copy(deep=False),
            equipment=self.equipment.copy(deep=False),
            tables={k: v.copy(deep=False) for k, v in self.tables.items()},
        )

    def with_cadre_columns(self, columns: dict[str, pd.Series]) -> Features:
        """A copy with derived columns added to ``cadres`` (aligned on ``cadre_id``)."""
        extra = pd.DataFrame(columns, index=self.cadres.index)
        return attrs.evolve(self, cadres=pd.concat([self.cadres, extra], axis=1))


def _ranks(values: pd.Series) -> np.ndarray:
    """Dense ranks of the values in sort order (equal values, equal ranks)."""
    return np.asarray(pc.rank(_arrow(values), tiebreaker="dense").to_numpy(), dtype=np.int64)


def _casefold(s: pd.Series) -> pd.Series:
    """``s.str.casefold()``, folding each distinct value once."""
    codes, distinct = pd.factorize(s)
    folded = np.array([str(v).casefold() for v in distinct] + [None], dtype=object)
    return pd.Series(folded[codes], index=s.index, dtype=s.dtype)


def _ordered(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Small optional tables sorted by all their columns, so that plugins reading raw rows
    see the same order whatever the order of the input file."""
    out = dict(tables)
    for name in ("succession", "scores", "discipline"):
        frame = tables.get(name)
        if frame is not None and len(frame):
            out[name] = frame.sort_values(list(frame.columns), kind="stable").reset_index(drop=True)
    return out


def _explode(trainings: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per (training, topic), in row order, and each one's training row; each
    distinct topic list is split once."""
    codes, distinct = pd.factorize(trainings["topics"], use_na_sentinel=True)
    lists = [str(v).split(";") for v in distinct]
    sizes = np.array([len(t) for t in lists] + [0], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(sizes)])
    flat = np.array([t for topics in lists for t in topics], dtype=object)
    per_row = sizes[codes]  # 0 for a blank topic list
    rows = np.repeat(np.arange(len(codes)), per_row)
    # the k-th topic of each row: its list's start plus k
    k = np.arange(len(rows)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    frame = pd.DataFrame(
        {
            "cadre_id": trainings["cadre_id"].array.take(rows),
            "topic": pd.array(flat, dtype="str").take(starts[codes[rows]] + k),
            "completed_date": trainings["completed_date"].to_numpy()[rows],
        }
    )
    return frame, rows


def _explode_topics(trainings: pd.DataFrame) -> pd.DataFrame:
    """One row per (training, topic), in row order; each distinct topic list is split once."""
    return _explode(trainings)[0]


def _codes_of(values: pd.Series, codes: tuple[str, ...]) -> np.ndarray:
    """The position of each value in ``codes`` (-1: none); each distinct value once."""
    found, distinct = pd.factorize(values)
    col_of = np.append(pd.Index(codes).get_indexer(pd.Index(distinct, dtype=object)), -1)
    return np.asarray(col_of[found], dtype=np.int64)


def _indicator_of(
    rows: np.ndarray,
    cols: np.ndarray,
    size: int,
    index: pd.Index,
    codes: tuple[str, ...],
    prefix: str,
) -> pd.DataFrame:
    """Boolean frame (index x codes): does some row ``i`` (of ``index``, -1 for none) pair
    with the code at column ``cols[i]`` (-1 for none)?"""
    ok = (rows >= 0) & (cols >= 0)
    matrix = np.zeros((size, len(codes)), dtype=bool)
    matrix[rows[ok], cols[ok]] = True
    return pd.DataFrame(matrix, index=index, columns=[prefix + c for c in codes])


def _indicator(
    rows: np.ndarray,
    values: pd.Series,
    size: int,
    index: pd.Index,
    codes: tuple[str, ...],
    prefix: str,
) -> pd.DataFrame:
    """Boolean frame (index x codes): does some row ``i`` (of ``index``, -1 for none) pair
    with that code? One pass; each distinct value is looked up once."""
    return _indicator_of(rows, _codes_of(values, codes), size, index, codes, prefix)


@attrs.frozen(eq=False)
class RosterIndex:
    """The part of the feature frames that does not depend on the day, computed once per
    roster (:meth:`of`) and shared by every day of a trend (:func:`build_features` with
    ``index=``): the id look-ups, the canonical order of the assignments, the positions
    joined with their agency, the training topics exploded, the degrees with their rank
    and field key, the equipment totals and the canonically ordered raw tables.

    Nothing here changes with the as-of day or the parameters; the frames are never
    modified (each day takes its own copy-on-write views).

    >>> r = cadre_core.sample_roster()
    >>> index = RosterIndex.of(r)
    >>> a = build_features(r, dt.date(2026, 12, 31), {}, index=index)
    >>> b = build_features(r, dt.date(2026, 12, 31), {})
    >>> a.cadres.equals(b.cadres), a.assignments.equals(b.assignments)
    (True, True)
    """

    roster: Roster = attrs.field(repr=False)
    agencies: pd.DataFrame  # by agency_code
    positions: pd.DataFrame  # by position_code, with the agency's commune and bloc
    present: pd.DataFrame  # every cadre, by cadre_id
    # every assignment in the canonical order (cadre, position, start), its row in present
    assignments: pd.DataFrame
    assignment_cadre: np.ndarray
    topics: pd.DataFrame  # one row per (training, topic) of every training
    topic_row: np.ndarray  # each topic row's training: its row in the trainings table
    topic_cadre: np.ndarray  # each topic row's cadre: its row in present (-1: none)
    topic_code: np.ndarray  # each topic row's topic: its position in the code list
    degree_cadre: np.ndarray  # each degree's cadre: its row in present
    theory_cadre: np.ndarray  # each theory row's cadre: its row in present
    degrees: pd.DataFrame  # every degree with its rank (float) and field key
    equipment: pd.DataFrame
    tables: Mapping[str, pd.DataFrame]
    informed: frozenset[str]
    informs: Mapping[str, bool]
    forms: pd.DataFrame  # the form features that do not depend on the day, per present row

    @classmethod
    def of(cls, roster: Roster) -> RosterIndex:
        """The day-independent part of ``roster``'s feature frames."""
        cad, pos, ag = roster.cadres, roster.positions, roster.agencies
        # positions joined with their agency's commune and bloc
        agencies = ag.set_index("agency_code")
        positions = pos.set_index("position_code")
        positions = positions.join(agencies[["commune", "bloc"]], on="agency_code")
        positions["commune"] = positions["commune"].fillna(
            roster.name if len(ag) == 0 or ag["commune"].isna().all() else NO_COMMUNE
        )
        if len(ag) and ag["commune"].notna().any():
            only = ag["commune"].dropna().unique()
            if len(only) == 1:
                positions["commune"] = positions["commune"].replace(NO_COMMUNE, only[0])
        present = cad.set_index("cadre_id")
        # a canonical order, so that nothing downstream depends on the order of the input
        # rows (stable: a day's active rows keep this order, as if sorted on their own)
        asg = roster.assignments
        order = np.lexsort(
            (
                asg["start_date"].to_numpy().view(np.int64),
                _ranks(asg["position_code"]),
                _ranks(asg["cadre_id"]),
            )
        )
        asg = asg.iloc[order]
        topics, topic_row = _explode(roster.trainings)
        degrees = roster.degrees
        informs = {
            c: roster.informs(f"cadres.{c}")
            for c in {*_FORM_SOURCES.values(), *FORM_FEATURES} - set(_FORM_SOURCES)
        }
        return cls(
            roster=roster,
            agencies=agencies,
            positions=positions,
            present=present,
            assignments=asg,
            assignment_cadre=lookup(asg["cadre_id"], present.index),
            topics=topics,
            topic_row=topic_row,
            # each topic's cadre is its training's: looked up per training, then spread
            topic_cadre=lookup(roster.trainings["cadre_id"], present.index)[topic_row],
            topic_code=_codes_of(topics["topic"], TrainingTopic.codes()),
            degree_cadre=lookup(degrees["cadre_id"], present.index),
            theory_cadre=lookup(roster.theory["cadre_id"], present.index),
            degrees=_ranked_degrees(degrees, roster.informs("degrees.field")),
            equipment=roster.equipment.groupby(["agency_code", "item"], observed=True)["quantity"]
            .sum()
            .reset_index(),
            tables=_ordered(roster.tables),
            informed=_informed_fields(roster),
            informs=informs,
            forms=_undated_form_features(present, informs),
        )


def _held_aside(roster: Roster, codes: pd.Index, as_of: dt.date) -> np.ndarray:
    """Per position of ``codes``: whether an assignment row ``skip_invalid`` set aside
    held it on ``as_of`` or may have (:attr:`Roster.held_aside`: its end date unknown, none,
    or on or after the day)."""
    held = [code for code, end in roster.held_aside if end is None or end >= as_of]
    return np.asarray(codes.isin(held), dtype=bool)


def holder_unknown(positions: pd.DataFrame) -> pd.Series:
    """Per position of a feature frame's ``positions``: held by fewer than its quota (1
    when not given) in the rows read, while an assignment row of it that ``skip_invalid``
    set aside may be in force (``held_aside``), so that whether it is filled cannot be
    told. The one test of the population ``positions_with_quota`` (left out) and of the
    quota findings (not a vacancy).

    >>> p = pd.DataFrame({"quota": [1, 2, 1], "holders": [0, 1, 1],
    ...                   "held_aside": [True, True, True]})
    >>> holder_unknown(p).tolist()
    [True, True, False]
    """
    if "held_aside" not in positions:
        return pd.Series(False, index=positions.index)
    quota = positions["quota"].fillna(1)
    return positions["held_aside"].astype(bool) & (positions["holders"] < quota)


def build_features(
    roster: Roster,
    as_of: dt.date,
    params: Mapping[str, Any],
    *,
    index: RosterIndex | None = None,
) -> Features:
    """Compute the feature frames of ``roster`` on ``as_of`` (no per-cadre Python loop).

    Ids are looked up once per table in Arrow (:func:`~cadre_core.features._keys.lookup`);
    groupings are integer operations over those positions. ``index`` is the roster's
    day-independent part (:meth:`RosterIndex.of`), built here when not given: pass it to
    build the frames of many days of one roster (a trend) at the cost of their day parts.
    """
    if index is None:
        index = RosterIndex.of(roster)
    elif index.roster is not roster:
        raise ValueError("index is the RosterIndex of another roster")
    day = pd.Timestamp(as_of)
    present = index.present
    positions = index.positions.copy(deep=False)
    agencies = index.agencies.copy(deep=False)

    # active cadres and assignments (already in the canonical order)
    asg = index.assignments
    on = (
        (asg["start_date"] <= day) & (asg["end_date"].isna() | (asg["end_date"] >= day))
    ).to_numpy(copy=True)
    stayed = np.append(
        (present["left_date"].isna() | (present["left_date"] > day)).to_numpy(), False
    )
    on &= stayed[index.assignment_cadre]  # -1 (unknown cadre): not active
    present_row = index.assignment_cadre[on]  # each active assignment's row in present
    active_asg = asg[on]
    active_asg = active_asg.join(
        positions[
            [
                "category",
                "agency_code",
                "quota",
                "min_education",
                "min_theory",
                "accepted_fields",
                "sensitive",
                "commune",
                "bloc",
            ]
        ],
        on="position_code",
    ).reset_index(drop=True)
    ids = active_asg["cadre_id"].to_numpy(dtype=object)
    first = np.ones(len(ids), dtype=bool)  # the first row of each cadre (rows sorted by id)
    first[1:] = ids[1:] != ids[:-1]
    group = np.cumsum(first) - 1  # the cadre's row in ``cadres`` for each assignment
    active_ids = pd.Index(ids[first], dtype=roster.cadres["cadre_id"].dtype, name="cadre_id")
    if len(present_row) == len(ids):  # one row per active assignment: already looked up
        rows = present_row[first]
    else:  # (a position code twice in the positions: the join repeated rows)
        rows = lookup(active_ids, present.index)
    cadres = present.iloc[rows].copy()
    cadres.index = active_ids
    n_cadres = len(cadres)
    # each present cadre's row in ``cadres`` (-1: not active; the last slot answers -1)
    active_row = np.full(len(present) + 1, -1, dtype=np.int64)
    active_row[rows[rows >= 0]] = np.flatnonzero(rows >= 0)

    # commune of each cadre: the commune of its first active position (by code)
    cadres["commune"] = pd.Series(active_asg["commune"].array[first], index=cadres.index)

    # holdings per category
    held = _indicator(
        group, active_asg["category"], n_cadres, cadres.index, Category.codes(), "holds_"
    )
    cadres = pd.concat([cadres, held], axis=1)
    cadres["active_positions"] = np.diff(np.append(np.flatnonzero(first), len(ids))).astype("int64")

    # education and theory on D
    everyone = np.arange(n_cadres)
    ed_rank, ed_level = levels_held(
        roster.degrees, EducationLevel.ranks(), active_row[index.degree_cadre], everyone, day
    )
    th_rank, th_level = levels_held(
        roster.theory, TheoryLevel.ranks(), active_row[index.theory_cadre], everyone, day
    )
    ed_level.index = cadres.index
    th_level.index = cadres.index
    cadres["education_rank"] = ed_rank
    cadres["education"] = ed_level
    cadres["theory_rank"] = th_rank
    cadres["theory"] = th_level
    for table, column in KNOWN_COLUMNS.items():  # unknown, not absent: set aside, not read
        cadres[column] = level_known(roster, table, cadres.index)

    # trainings in the window [plan_start, D]
    start = pd.Timestamp(params["plan_start"]) if "plan_start" in params else pd.Timestamp.min
    completed = roster.trainings["completed_date"]
    window = ((completed >= start) & (completed <= day)).to_numpy()[index.topic_row]
    topics = index.topics[window].reset_index(drop=True)
    done = _indicator_of(
        active_row[index.topic_cadre[window]],
        index.topic_code[window],
        n_cadres,
        cadres.index,
        TrainingTopic.codes(),
        "trained_",
    )
    cadres = pd.concat([cadres, done], axis=1)

    # annual rating of the rating year
    year = rating_year(as_of)
    rt = roster.ratings
    annual = rt[(rt["year"] == year) & rt["quarter"].isna()].drop_duplicates(
        "cadre_id", keep="last"
    )
    at = lookup(cadres.index, pd.Index(annual["cadre_id"]))
    rating = pd.Series(annual["rating"].array.take(at, allow_fill=True), index=cadres.index)
    cadres["rating"] = rating
    cadres["rating_rank"] = (
        map_values(rating, RatingLevel.ranks()).astype("float64").astype("Int64")
    )
    cadres["is_rated"] = rating.notna().to_numpy()
    cadres["is_female"] = (cadres["gender"] == "female").fillna(False).astype(bool)
    cadres["is_minority"] = (cadres["ethnicity"].notna() & (cadres["ethnicity"] != "Kinh")).astype(
        bool
    )
    cadres["age"] = whole_years(cadres["birth_date"], as_of)
    undated = index.forms.iloc[rows]
    for name, values in _form_features(cadres, day, index.informs, undated).items():
        cadres[name] = values

    # per position: distinct active holders; per agency: distinct active cadres
    pos_row = lookup(active_asg["position_code"], positions.index)
    codes = active_asg["position_code"].to_numpy(dtype=object)
    new_pair = first.copy()  # rows are sorted by (cadre, position): repeats are adjacent
    new_pair[1:] |= codes[1:] != codes[:-1]
    ok = new_pair & (pos_row >= 0)
    positions["holders"] = np.bincount(pos_row[ok], minlength=len(positions)).astype("int64")
    positions["held_aside"] = _held_aside(roster, positions.index, as_of)
    ag_row = lookup(active_asg["agency_code"], agencies.index)
    pairs = pd.unique(group[ag_row >= 0] * (len(agencies) + 1) + ag_row[ag_row >= 0])
    agencies["active_cadres"] = np.bincount(
        pairs % (len(agencies) + 1), minlength=len(agencies) + 1
    )[: len(agencies)].astype("int64")
    if "commune" in agencies:
        agencies["commune"] = (
            agencies["commune"]
            .astype(object)
            .fillna(positions["commune"].iloc[0] if len(positions) else roster.name)
        )
    for frame in (cadres, positions):
        frame["commune"] = _objects(frame["commune"], roster.name)
    active_asg["field_keys"] = _casefold(active_asg["accepted_fields"])
    active_asg["start_given"] = start_given(active_asg["start_date"], roster.list_date)
    # ids as plain Python strings: index look-ups and joins on them are hash-table fast
    for frame in (cadres, positions, agencies):
        frame.index = frame.index.astype(object)
    for col in ("cadre_id", "position_code", "agency_code"):
        active_asg[col] = active_asg[col].astype(object)

    return Features(
        as_of=as_of,
        params=params,
        cadres=cadres,
        assignments=active_asg,
        positions=positions,
        agencies=agencies,
        trainings=topics,
        roster_name=roster.name,
        degrees=_held(index.degrees, roster.degrees["awarded_date"], day),
        equipment=index.equipment.copy(deep=False),
        tables={k: v.copy(deep=False) for k, v in index.tables.items()},
        absent=roster.absent,
        informed=index.informed,
    )


def _informed_fields(roster: Roster) -> frozenset[str]:
    """Every ``table.column`` of the format that ``roster`` informs."""
    return frozenset(
        f"{t.name}.{c}" for t in TABLES for c in t.column_names if roster.informs(f"{t.name}.{c}")
    )


def _ranked_degrees(roster_degrees: pd.DataFrame, field_informed: bool) -> pd.DataFrame:
    """Every degree with its rank (float: a level of unknown rank is blank), field key and
    whether its field is known: a field cell that holds one, or any cell of a column the
    roster informs (``field_informed``: there a blank is a known blank; else unknown)."""
    field = roster_degrees["field"]
    return pd.DataFrame(
        {
            "cadre_id": roster_degrees["cadre_id"],
            "rank": map_values(roster_degrees["level"], EducationLevel.ranks()).astype("float64"),
            "field_key": _casefold(field),
            "field_known": field.notna().to_numpy() | field_informed,
        }
    )


def _held(ranked: pd.DataFrame, awarded: pd.Series, day: pd.Timestamp) -> pd.DataFrame:
    """The rows of ``ranked`` (:func:`_ranked_degrees`) held on ``day``, ranks as integers."""
    held = ranked[(awarded.isna() | (awarded <= day)).to_numpy()]
    return held.astype({"rank": "int64"})


def degrees_on(
    roster_degrees: pd.DataFrame, as_of: dt.date, *, field_informed: bool = True
) -> pd.DataFrame:
    """Degrees held on ``as_of`` with their rank, field key and whether the field is known
    (``field_informed``: whether the roster informs the field column as a whole,
    :meth:`cadre_core.roster.Roster.informs`; a filled field is always known).

    >>> d = degrees_on(cadre_core.sample_roster().degrees, dt.date(2026, 12, 31))
    >>> d.columns.tolist(), str(d["rank"].dtype)
    (['cadre_id', 'rank', 'field_key', 'field_known'], 'int64')
    """
    ranked = _ranked_degrees(roster_degrees, field_informed)
    return _held(ranked, roster_degrees["awarded_date"], pd.Timestamp(as_of))


__all__ = [
    "FORM_FEATURES",
    "Features",
    "RosterIndex",
    "build_features",
    "degrees_on",
    "holder_unknown",
    "rating_year",
    "whole_years",
]
