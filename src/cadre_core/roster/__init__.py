"""Stage 2, the roster: what a commune keeps, read, checked and normalised into typed tables.

Owns the roster format as data (:mod:`._schema`: tables, columns, header and value aliases),
the frozen attrs records of one row each (:mod:`._model`), reading ``.xlsx`` workbooks and
folders of CSV/parquet (:mod:`._reader`), normalising raw columns, legacy text included
(:mod:`._normalize`), validation into canonical frames or problems (:mod:`._validate`,
:mod:`._problems`), layout profiles mapping a province's sheets, headers and values to
canonical ones (:mod:`._layout`), the immutable :class:`Roster` with :func:`read_roster` and
:func:`sample_roster` (:mod:`._roster`), writing a roster back (:mod:`._writer`) and synthetic
rosters of any size (:mod:`._synth`).

May import: :mod:`cadre_core.vocab` only (see ``docs/architecture.md``).
"""

from cadre_core.roster._layout import Layout, LayoutError, merge_layouts, read_layout
from cadre_core.roster._model import (
    MODEL_BY_TABLE,
    Agency,
    Assignment,
    Cadre,
    Degree,
    EquipmentItem,
    Position,
    Rating,
    TheoryCertificate,
    Training,
    frame_to_objects,
    objects_to_frame,
)
from cadre_core.roster._problems import Problem, RosterError
from cadre_core.roster._reader import RawTable, read_raw
from cadre_core.roster._roster import REQUIRED_TABLES, Roster, read_roster, sample_roster
from cadre_core.roster._schema import (
    FORM_FIELDS,
    TABLE_BY_NAME,
    TABLE_NAMES,
    TABLES,
    VALUE_ALIASES,
    Column,
    Table,
    text_key,
)
from cadre_core.roster._synth import commune_names, synth_roster, synth_tables
from cadre_core.roster._validate import LEGACY_POLICIES, check_roster, empty_frame, normalise_table
from cadre_core.roster._writer import write_roster

__all__ = [
    "FORM_FIELDS",
    "LEGACY_POLICIES",
    "MODEL_BY_TABLE",
    "REQUIRED_TABLES",
    "TABLES",
    "TABLE_BY_NAME",
    "TABLE_NAMES",
    "VALUE_ALIASES",
    "Agency",
    "Assignment",
    "Cadre",
    "Column",
    "Degree",
    "EquipmentItem",
    "Layout",
    "LayoutError",
    "Position",
    "Problem",
    "Rating",
    "RawTable",
    "Roster",
    "RosterError",
    "Table",
    "TheoryCertificate",
    "Training",
    "check_roster",
    "commune_names",
    "empty_frame",
    "frame_to_objects",
    "merge_layouts",
    "normalise_table",
    "objects_to_frame",
    "read_layout",
    "read_raw",
    "read_roster",
    "sample_roster",
    "synth_roster",
    "synth_tables",
    "text_key",
    "write_roster",
]
