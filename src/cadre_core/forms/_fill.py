"""Fill a form from the feature frames of a day: every cell counted at once over the frame.

A cell counts the active cadres of a commune that are in the column's population and meet
the row's criterion (``post`` and ``programme`` forms), or that meet the column's criterion
(``unit`` forms: one row per commune); a ``person`` form ticks, per cadre, each column's
criterion. A cell whose criteria read a roster field the input did not inform is blank
(``None``), never zero, and listed in :attr:`FilledForm.blanks` with the missing field.
Several communes: one block (or row) per commune and the province total, their sum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.plugins._errors import PluginError, describe
from cadre_core.roster._problems import Problem
from cadre_core.targets._criteria import Criterion
from cadre_core.targets._forms import Form, FormColumn
from cadre_core.targets._target import Text
from cadre_core.vocab._labels import _LABELS, label


def field_words(field: str, lang: str = "vi") -> str:
    """A roster field in words: the label table's, else the roster format's header.

    >>> field_words("cadres.party_join_date"), field_words("cadres.is_local")
    ('ngày vào Đảng', 'người địa phương')
    """
    key = f"forms_field_{field}"
    if key in _LABELS:
        return label(key, lang)
    from cadre_core.roster._schema import TABLE_BY_NAME

    table, _, column = field.partition(".")
    spec = TABLE_BY_NAME.get(table)
    if spec is not None and column in spec.column_names:
        aliases = spec.column(column).aliases
        if lang == "vi" and aliases:
            return str(aliases[0])
    return column.replace("_", " ") if lang == "en" else field


#: what a cell holds: a count, a tick (``person`` forms), a text or a day, or blank
Cell = int | bool | str | dt.date | None
HOOK = "cadre_forms"


def informs(features: Features, field: str) -> bool:
    """Did the roster inform ``field`` (``table.column``, or a whole ``table``)?

    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> informs(f, "cadres.gender"), informs(f, "cadres.no_such_column")
    (True, False)
    """
    table, _, column = field.partition(".")
    if field in features.absent or table in features.absent:
        return False
    if not column:
        return True
    try:
        return features.informs(field)
    except ValueError:  # not a table of the roster format: nothing informs it
        return False


@attrs.frozen
class Blank:
    """A cell (or a whole column or row) left blank: the roster does not inform
    ``fields``. ``row`` is None for a column of a ``unit`` or ``person`` form."""

    form: str
    row: Text | None
    column: Text
    fields: tuple[str, ...]
    column_number: str = ""


@attrs.frozen
class FilledRow:
    """One printed row: its number, label, kind (``heading``, ``row``, ``person``,
    ``commune``, ``total``) and cells (one per column; none for a heading). A ``person``
    row carries the cadre's id in ``subject``."""

    number: str
    label: Text
    kind: str
    cells: tuple[Cell, ...] = ()
    subject: str | None = None


@attrs.frozen
class FilledBlock:
    """The rows of one commune (``commune``) or of the province (``None``)."""

    commune: str | None
    rows: tuple[FilledRow, ...]


@attrs.frozen
class FilledForm:
    """A form filled from a roster on a day: its blocks, the cells left blank and why,
    and what the reader did not read or set aside (listed in every output).

    >>> from cadre_core.plugins.builtin._forms import FORM_12C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> filled = cadre_core.compute_form(FORM_12C, f)
    >>> filled.title()[-1], filled.communes
    ('NĂM 2026', ('Xã Mường Than',))
    """

    form: Form
    as_of: dt.date
    communes: tuple[str, ...]
    blocks: tuple[FilledBlock, ...]
    blanks: tuple[Blank, ...] = ()
    plugin: str = ""
    roster_name: str = ""
    skipped: tuple[Problem, ...] = ()
    not_read: tuple[Problem, ...] = ()

    def title(self, lang: str = "vi") -> list[str]:
        """The title lines, the year filled in."""
        year = str(self.as_of.year)
        return [t.get(lang).replace("{year}", year) for t in self.form.title]

    def block(self, commune: str | None) -> FilledBlock:
        """The block of ``commune`` (``None``: the province total, or the only block)."""
        for b in self.blocks:
            if b.commune == commune:
                return b
        raise KeyError(commune)

    def cell(self, row: str, column: str, commune: str | None = None, lang: str = "vi") -> Cell:
        """The cell of the row labelled ``row`` and the column numbered ``column``.

        >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
        >>> from cadre_core.plugins.builtin._forms import FORM_9C
        >>> filled = compute_form(FORM_9C, f)
        >>> filled.cell("TỔNG SỐ", "4")
        1
        """
        numbers = [c.number for c in self.form.columns]
        k = numbers.index(column)
        block = self.block(commune) if commune is not None else self.blocks[-1]
        for r in block.rows:
            if r.label.get(lang) == row and r.cells:
                return r.cells[k]
        raise KeyError(row)


def _run(
    criterion: Criterion, features: Features, index: pd.Index, plugin: str, form: str
) -> np.ndarray:
    """A criterion's booleans over ``index``; a failure or a wrong result names the plugin."""
    try:
        out = criterion(features)
    except PluginError:
        raise
    except Exception as exc:
        raise PluginError(plugin, f"form {form}: {describe(exc)}", HOOK) from exc
    if not isinstance(out, pd.Series) or not out.index.equals(index):
        raise PluginError(
            plugin,
            f"form {form}: a criterion returned {type(out).__name__}, not a Series over the "
            "members of its unit",
            HOOK,
        )
    return np.asarray(out.astype("boolean").fillna(False).to_numpy(dtype=bool))


def _blank(features: Features, needs: Sequence[str]) -> tuple[str, ...]:
    """The fields of ``needs`` the roster does not inform."""
    return tuple(f for f in needs if not informs(features, f))


def _communes(features: Features) -> list[str]:
    c = features.cadres["commune"].astype(object).dropna().astype(str)
    p = features.positions["commune"].astype(object).dropna().astype(str)
    return sorted(set(c) | set(p))


def compute_form(form: Form, features: Features, *, plugin: str = "cadre") -> FilledForm:
    """Fill ``form`` from ``features`` (one day: the engine's as-of semantics).

    >>> from cadre_core.plugins.builtin._forms import FORM_BM02
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> filled = compute_form(FORM_BM02, f)
    >>> filled.cell("Tổng cộng", "3") == int(f.cadres["is_female"].sum())
    True
    """
    communes = _communes(features)
    cad = features.cadres
    people = (
        _run(form.population, features, cad.index, plugin, form.code)
        if form.population is not None
        else np.ones(len(cad), dtype=bool)
    )
    where = pd.Index(communes).get_indexer(pd.Index(cad["commune"].astype(object).astype(str)))
    fill = {"post": _grid, "programme": _grid, "unit": _per_unit, "person": _per_person}
    blocks, blanks = fill[form.orientation](form, features, communes, where, people, plugin)
    return FilledForm(
        form,
        features.as_of,
        tuple(communes),
        tuple(blocks),
        tuple(blanks),
        plugin,
        features.roster_name,
    )


def _column_matrix(
    form: Form, features: Features, plugin: str, index: pd.Index
) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """One boolean column per form column over the cadres, and each column's blank fields."""
    missing = [_blank(features, c.needs) for c in form.columns]
    cols = [
        np.zeros(len(index), dtype=bool)  # blank: the criterion would read what is not there
        if m
        else _run(c.criterion, features, index, plugin, form.code)
        if c.criterion is not None and c.unit == "cadres"
        else np.ones(len(index), dtype=bool)
        for c, m in zip(form.columns, missing, strict=True)
    ]
    matrix = np.column_stack(cols) if cols else np.zeros((len(index), 0), dtype=bool)
    return matrix, missing


def _grid(
    form: Form,
    features: Features,
    communes: list[str],
    where: np.ndarray,
    people: np.ndarray,
    plugin: str,
) -> tuple[list[FilledBlock], list[Blank]]:
    index = features.cadres.index
    C, col_missing = _column_matrix(form, features, plugin, index)
    counted = [r for r in form.rows if not r.heading]
    row_missing = [_blank(features, r.needs) for r in counted]
    R = np.column_stack(
        [
            np.zeros(len(index), dtype=bool)
            if m
            else _run(r.criterion, features, index, plugin, form.code)  # type: ignore[arg-type]
            for r, m in zip(counted, row_missing, strict=True)
        ]
    )
    blanks = [
        Blank(form.code, r.label, c.label, tuple(dict.fromkeys(rm + cm)), c.number)
        for r, rm in zip(counted, row_missing, strict=True)
        for c, cm in zip(form.columns, col_missing, strict=True)
        if rm or cm
    ]
    blank = np.array([[bool(rm or cm) for cm in col_missing] for rm in row_missing], dtype=bool)
    # counts per commune: (rows x cadres) @ (cadres x columns), integer arithmetic
    counts = np.zeros((len(communes), len(counted), len(form.columns)), dtype=np.int64)
    for j in range(len(communes)):
        mine = people & (where == j)
        counts[j] = R[mine].T.astype(np.int64) @ C[mine].astype(np.int64)

    def rows_of(grid: np.ndarray) -> tuple[FilledRow, ...]:
        out, k = [], 0
        for r in form.rows:
            if r.heading:
                out.append(FilledRow(r.number, r.label, "heading"))
                continue
            cells: tuple[Cell, ...] = tuple(
                None if blank[k, i] else int(grid[k, i]) for i in range(len(form.columns))
            )
            out.append(FilledRow(r.number, r.label, "row", cells))
            k += 1
        return tuple(out)

    blocks = [FilledBlock(c, rows_of(counts[j])) for j, c in enumerate(communes)]
    if len(communes) != 1:
        blocks.append(FilledBlock(None, rows_of(counts.sum(axis=0))))
    return blocks, blanks


def _per_unit(
    form: Form,
    features: Features,
    communes: list[str],
    where: np.ndarray,
    people: np.ndarray,
    plugin: str,
) -> tuple[list[FilledBlock], list[Blank]]:
    index = features.cadres.index
    C, col_missing = _column_matrix(form, features, plugin, index)
    n = len(communes)
    counts = np.zeros((n, len(form.columns)), dtype=np.int64)
    for i, col in enumerate(form.columns):
        if col.unit == "cadres":
            mine = people & C[:, i] & (where >= 0)
            counts[:, i] = np.bincount(where[mine], minlength=n)[:n]
        else:
            counts[:, i] = _unit_totals(form, col, features, communes, plugin)
    blanks = [
        Blank(form.code, None, c.label, m, c.number)
        for c, m in zip(form.columns, col_missing, strict=True)
        if m
    ]

    def cells(values: np.ndarray) -> tuple[Cell, ...]:
        return tuple(None if m else int(v) for v, m in zip(values, col_missing, strict=True))

    rows = [
        FilledRow(str(j + 1), Text(c, c), "commune", cells(counts[j]))
        for j, c in enumerate(communes)
    ]
    rows.append(FilledRow("", Text.of("forms_total"), "total", cells(counts.sum(axis=0))))
    return [FilledBlock(None, tuple(rows))], blanks


def _unit_totals(
    form: Form, col: FormColumn, features: Features, communes: list[str], plugin: str
) -> np.ndarray:
    """Per commune: the members of another unit (``positions``) meeting the column's
    criterion, counted or summed over ``sum_of``."""
    frame = features.unit_frame(col.unit)
    ok = (
        _run(col.criterion, features, frame.index, plugin, form.code)
        if col.criterion is not None
        else np.ones(len(frame), dtype=bool)
    )
    values = (
        pd.to_numeric(frame[col.sum_of], errors="coerce").fillna(0).to_numpy(dtype=np.int64)
        if col.sum_of
        else np.ones(len(frame), dtype=np.int64)
    )
    at = pd.Index(communes).get_indexer(pd.Index(frame["commune"].astype(object).astype(str)))
    keep = ok & (at >= 0)
    return np.bincount(at[keep], weights=values[keep], minlength=len(communes)).astype(np.int64)


def _value_cells(col: FormColumn, features: Features) -> np.ndarray:
    """The values a ``person`` column prints (days as dates, blanks as "")."""
    assert col.value is not None
    values = features.cadres.get(col.value)
    if values is None:
        return np.full(len(features.cadres), "", dtype=object)
    if pd.api.types.is_datetime64_any_dtype(values):
        days = values.dt.date.astype(object)
        return np.asarray(days.where(values.notna(), "").to_numpy(dtype=object))
    return np.asarray(values.astype(object).where(values.notna(), "").to_numpy(dtype=object))


def _per_person(
    form: Form,
    features: Features,
    communes: list[str],
    where: np.ndarray,
    people: np.ndarray,
    plugin: str,
) -> tuple[list[FilledBlock], list[Blank]]:
    cad = features.cadres
    C, col_missing = _column_matrix(form, features, plugin, cad.index)
    shown: list[np.ndarray] = []
    for i, col in enumerate(form.columns):
        if col.value is None:
            shown.append(C[:, i].astype(object))
        else:
            values = _value_cells(col, features)
            shown.append(np.where(C[:, i], values, "").astype(object))
    table = np.column_stack(shown) if shown else np.zeros((len(cad), 0), dtype=object)
    blanks = [
        Blank(form.code, None, c.label, m, c.number)
        for c, m in zip(form.columns, col_missing, strict=True)
        if m
    ]
    ids = cad.index.to_numpy(dtype=object)
    names = cad["full_name"].astype(object).fillna("").to_numpy(dtype=object)

    def total(rows: np.ndarray) -> tuple[Cell, ...]:
        out: list[Cell] = []
        for i, col in enumerate(form.columns):
            if col_missing[i]:
                out.append(None)
            elif col.value is not None and col.criterion is None:
                out.append(int((table[rows, i] != "").sum()))
            else:
                out.append(int(C[rows, i].sum()))
        return tuple(out)

    def cells(i: Any) -> tuple[Cell, ...]:
        return tuple(None if col_missing[k] else table[i, k] for k in range(len(form.columns)))

    blocks = []
    everyone = np.zeros(len(cad), dtype=bool)
    for j, commune in enumerate(communes):
        mine = np.flatnonzero(people & (where == j))
        everyone[mine] = True
        rows = [
            FilledRow(str(n), Text(str(names[i]), str(names[i])), "person", cells(i), str(ids[i]))
            for n, i in enumerate(mine, 1)  # the cadres of one commune, printed one by one
        ]
        rows.append(FilledRow("", Text.of("forms_subtotal"), "total", total(mine)))
        blocks.append(FilledBlock(commune, tuple(rows)))
    if len(communes) != 1:
        blocks.append(
            FilledBlock(
                None,
                (FilledRow("", Text.of("forms_total"), "total", total(np.flatnonzero(everyone))),),
            )
        )
    return blocks, blanks


def province_total(filled: FilledForm) -> FilledForm:
    """``filled`` kept to the province's total: of a form of several communes, its block
    of their sum (``commune`` None) alone, without the communes' blocks (``cadre forms
    --by province``); a form of one commune, or a form with one row per commune (a
    ``unit`` form, whose one block is already the province's), is returned whole.

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> row = (FilledRow("", Text("TỔNG SỐ", "TOTAL"), "total", (1,)),)
    >>> blocks = (FilledBlock("Xã A", row), FilledBlock("Xã B", row), FilledBlock(None, row))
    >>> filled = FilledForm(FORM_9C, dt.date(2026, 12, 31), ("Xã A", "Xã B"), blocks)
    >>> [b.commune for b in province_total(filled).blocks]
    [None]
    >>> one = FilledForm(FORM_9C, dt.date(2026, 12, 31), ("Xã A",), blocks[:1])
    >>> province_total(one) == one
    True
    """
    total = tuple(b for b in filled.blocks if b.commune is None)
    if len(filled.blocks) < 2 or not total:
        return filled
    return attrs.evolve(filled, blocks=total)


def with_roster_notes(filled: FilledForm, roster: Any) -> FilledForm:
    """``filled`` carrying what the reader of ``roster`` set aside and did not read."""
    return attrs.evolve(filled, skipped=tuple(roster.skipped), not_read=tuple(roster.not_read))


__all__ = [
    "Blank",
    "Cell",
    "FilledBlock",
    "FilledForm",
    "FilledRow",
    "compute_form",
    "field_words",
    "informs",
    "province_total",
    "with_roster_notes",
]
