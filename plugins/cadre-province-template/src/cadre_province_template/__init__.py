"""Province template: a minimal second province for cadre_core, written to be copied.

This plugin encodes the targets of an *example* resolution ("Nghị quyết mẫu số 00-NQ/TU"
of a fictional "Tỉnh Mẫu"). It is the smallest plugin that shows every part a real
province needs:

1. **Targets of its own** (:func:`cadre_targets`), built from the reusable, vectorised
   building blocks of :mod:`cadre_core.criteria`. Two of them restate Lai Châu's
   targets 5a and 7b with a different threshold or deadline. They get *their own ids*
   (``tpl.5a``, ``tpl.7b``): a province never changes another province's results by
   accident. To change Lai Châu's own values instead, declare a :class:`~cadre_core.Parameter`
   with the same key and ``replaces="laichau"`` (see ``docs/plugins.md``).
2. **A derived feature** (:func:`cadre_features`): a new boolean column
   ``is_young_leader`` of the cadre feature frame, computed for every cadre at once
   from ``birth_date`` (never row by row), and a target that uses it (``tpl.youth``).
3. **Parameters with their legal source** (:func:`cadre_parameters`): every number a
   resolution fixes is a parameter that a commune can override in a TOML file
   (``cadre evaluate ROSTER --params local.toml``). Each target's threshold and deadline
   are parameters automatically: ``tpl.5a.threshold``, ``tpl.5a.deadline``, ...
4. **The layout of its standard list** (:func:`cadre_layouts`): the sheet names, headers
   and values its communes' lists use, in ``layout.toml``, so that they are read as kept,
   without ``--layout`` (``docs/layouts.md``).

To start a new province, run ``cadre new-plugin NAME --province "Tỉnh ..."``, or copy
this folder, rename the package, the entry point (``pyproject.toml``) and the id
prefix, and replace the clauses below with your resolution's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path

import pandas as pd

from cadre_core import (
    About,
    Features,
    Layout,
    Parameter,
    Rule,
    Target,
    Text,
    criteria,
    hookimpl,
    read_layout,
)

__version__ = "0.1.0"

# --------------------------------------------------------------------------- sources
# Every target and parameter carries the clause it implements, so that a result can be
# traced back to the text. Quote the clause; readers of the reports are officials who
# check the numbers against the resolution.

RESOLUTION = (
    "Nghị quyết mẫu số 00-NQ/TU của Ban Thường vụ Tỉnh ủy Tỉnh Mẫu (ví dụ cho tác giả plugin)"
)

CLAUSE_5 = (
    "(5) Đối với Thường trực Đảng ủy và lãnh đạo Thường trực HĐND, UBND xã: đến hết năm "
    "2029, 60% trở lên có trình độ chuyên môn thạc sĩ; có ít nhất một cán bộ trẻ (dưới 40 tuổi)."
)
CLAUSE_7 = (
    "(7) Đối với công chức chuyên môn (không giữ chức vụ lãnh đạo, quản lý): 70% trở lên có "
    "trình độ lý luận chính trị trung cấp trở lên."
)


def source(clause: str) -> str:
    """The full legal source of a clause of the example resolution."""
    return f"{RESOLUTION}, mục II.1.2 {clause}"


#: The prefix of every id and parameter key of this plugin. Ids are global across all
#: installed plugins: a clash is an error naming both plugins, so pick a unique prefix.
PREFIX = "tpl"

#: The name of the derived column this plugin adds to ``features.cadres``. Column names
#: are global too: adding a column that already exists is an error.
YOUNG_LEADER = "is_young_leader"

MAX_AGE_KEY = f"{PREFIX}.youth.max_age"


# ------------------------------------------------------------------------ parameters
@hookimpl
def cadre_about() -> About:
    """Who this plugin is: it owns the ids and keys that start with ``tpl.``, and it is an
    example (a real province's plugin leaves ``example`` out)."""
    return About(
        prefixes=("tpl",),
        example=True,
        province="Tỉnh Mẫu",
        description="Ví dụ cho tác giả plugin: ba chỉ tiêu của một tỉnh giả định",
    )


@hookimpl
def cadre_parameters() -> Sequence[Parameter]:
    """Declare the plugin's own parameters, each with its default and its legal source.

    Thresholds and deadlines of targets need no declaration: the host derives
    ``<id>.threshold`` and ``<id>.deadline`` from each target's ``rule`` and
    ``deadline``, with the target's source.
    """
    return [
        Parameter(
            key=MAX_AGE_KEY,
            default=40,
            kind="int",
            description="A leader is young when under this age (in whole years) on the as-of day",
            source=source(CLAUSE_5),
            title=Text("Tuổi tối đa của cán bộ lãnh đạo trẻ", "Most age of a young leader"),
        ),
    ]


# -------------------------------------------------------------------------- features
def ages_on(birth_dates: pd.Series, day: dt.date) -> pd.Series:
    """Age in whole years on ``day`` for every birth date at once (missing stays missing).

    The birthday counts on the day itself; a 29 February birthday counts on 1 March in
    common years.

    >>> s = pd.Series(pd.to_datetime(["1986-12-31", "1987-01-01", None]))
    >>> ages_on(s, dt.date(2026, 12, 31)).tolist()
    [40, 39, <NA>]
    """
    born = pd.to_datetime(birth_dates)
    years = day.year - born.dt.year
    before_birthday = (born.dt.month * 100 + born.dt.day) > (day.month * 100 + day.day)
    return (years - before_birthday.astype("int64")).astype("Int64")


@hookimpl
def cadre_features(features: Features) -> Mapping[str, pd.Series]:
    """Add ``is_young_leader``: a leader (any leadership post) under the maximum age.

    The frame ``features.cadres`` holds one row per active cadre (index ``cadre_id``)
    with the built-in columns (``is_leader``, ``birth_date``, ...). Return new columns
    as Series on the same index, computed over the whole frame: never loop over rows.
    """
    cadres = features.cadres
    max_age = int(features.params.get(MAX_AGE_KEY, 40))
    age = ages_on(cadres["birth_date"], features.as_of)
    young = (age < max_age).fillna(False).astype(bool)
    return {YOUNG_LEADER: cadres["is_leader"].astype(bool) & young}


# --------------------------------------------------------------------------- targets
# Populations and criteria are `criteria.Criterion` objects: a vectorised predicate plus
# its requirement in words (Vietnamese and English) and, for the reusable ones, an
# explainer that says per failing cadre what is missing. The reports read them, and
# `Target.from_criteria` takes a target's texts and explainer from them.

STANDING = criteria.flag(
    "is_standing",
    Text("Thường trực Đảng ủy, lãnh đạo Thường trực HĐND, UBND", "standing leadership"),
)
PROFESSIONALS = criteria.flag(
    "is_professional",
    Text("công chức chuyên môn không giữ chức vụ lãnh đạo", "professionals"),
)
YOUNG = criteria.flag(
    YOUNG_LEADER, Text("là cán bộ lãnh đạo trẻ (dưới tuổi tối đa)", "is a young leader")
)


def targets() -> list[Target]:
    """The example resolution's three targets."""
    return [
        # Like Lai Châu's nq05.5a, but 60% instead of 75%, and due a year earlier.
        Target.from_criteria(
            f"{PREFIX}.5a",
            Text("Thường trực: trình độ thạc sĩ", "Standing leadership: master's degree"),
            source(CLAUSE_5),
            STANDING,
            criteria.education_at_least("thac_si"),
            Rule(">=", Fraction(3, 5)),
            dt.date(2029, 12, 31),
        ),
        # Like Lai Châu's nq05.7b, but "70% or more" (>=) instead of "over 80%" (>).
        Target.from_criteria(
            f"{PREFIX}.7b",
            Text(
                "Công chức chuyên môn: LLCT trung cấp trở lên",
                "Professionals: intermediate political theory",
            ),
            source(CLAUSE_7),
            PROFESSIONALS,
            criteria.theory_at_least("trung_cap"),
            Rule(">=", Fraction(7, 10)),
            dt.date(2030, 12, 31),
        ),
        # A target of this province only, on the derived column added above.
        Target.from_criteria(
            f"{PREFIX}.youth",
            Text("Thường trực có cán bộ trẻ", "A young leader in the standing leadership"),
            source(CLAUSE_5),
            STANDING,
            YOUNG,
            Rule.any(),
            dt.date(2030, 12, 31),
        ),
    ]


@hookimpl
def cadre_targets() -> Sequence[Target]:
    """Register the example resolution's targets."""
    return targets()


@hookimpl
def cadre_layouts() -> Sequence[Layout]:
    """The layout of the example province's standard list (``layout.toml``, shipped in the
    package): its communes' sheet names, headers and values, read without ``--layout``."""
    return [read_layout(Path(__file__).with_name("layout.toml"))]
