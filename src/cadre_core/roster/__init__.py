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

from typing import TYPE_CHECKING

from cadre_core.vocab._lazy import lazy_names

if TYPE_CHECKING:  # what mypy and the API reference read; imported when first used
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
    from cadre_core.roster._validate import (
        LEGACY_POLICIES,
        check_roster,
        empty_frame,
        normalise_table,
    )
    from cadre_core.roster._writer import write_roster

#: Where each public name is defined (:func:`cadre_core.vocab._lazy.lazy_names`).
_LAZY = {
    "Layout": "._layout",
    "LayoutError": "._layout",
    "merge_layouts": "._layout",
    "read_layout": "._layout",
    "MODEL_BY_TABLE": "._model",
    "Agency": "._model",
    "Assignment": "._model",
    "Cadre": "._model",
    "Degree": "._model",
    "EquipmentItem": "._model",
    "Position": "._model",
    "Rating": "._model",
    "TheoryCertificate": "._model",
    "Training": "._model",
    "frame_to_objects": "._model",
    "objects_to_frame": "._model",
    "Problem": "._problems",
    "RosterError": "._problems",
    "RawTable": "._reader",
    "read_raw": "._reader",
    "REQUIRED_TABLES": "._roster",
    "Roster": "._roster",
    "read_roster": "._roster",
    "sample_roster": "._roster",
    "FORM_FIELDS": "._schema",
    "TABLE_BY_NAME": "._schema",
    "TABLE_NAMES": "._schema",
    "TABLES": "._schema",
    "VALUE_ALIASES": "._schema",
    "Column": "._schema",
    "Table": "._schema",
    "text_key": "._schema",
    "commune_names": "._synth",
    "synth_roster": "._synth",
    "synth_tables": "._synth",
    "LEGACY_POLICIES": "._validate",
    "check_roster": "._validate",
    "empty_frame": "._validate",
    "normalise_table": "._validate",
    "write_roster": "._writer",
}
if not TYPE_CHECKING:  # mypy reads the imports above: a misspelt name is still an error
    __getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())

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
