"""A filled form as it is printed: the one layout the workbook, the page and the document draw.

The printed grid has the column of row numbers (when the form has one), the label column
(a ``person`` form's: the row number) and one column per form column. :func:`headings`
gives the merged heading cells over that grid (a group heading spans the neighbours that
share it, a leaf runs down to the last heading row), :func:`numbering` the numbering row,
:func:`lines` every printed row below them (a commune's name across the page, then its
rows, each cell with how it prints), :func:`title_right` the right of the title block and
:func:`column_widths` the columns' widths in workbook units (the page uses their shares),
:func:`fit` how the grid fits the page (the type's size, the heading row's height).
``forms._xlsx``, ``forms._html`` and ``forms._docx`` only draw what these say.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs

from cadre_core.forms._fill import Cell, FilledBlock, FilledForm, FilledRow, field_words
from cadre_core.targets._forms import Form
from cadre_core.vocab._labels import fmt_date, label
from cadre_core.vocab._print import (
    BODY_PT,
    column_width_pt,
    fits_one_line,
    print_scale,
    printable_width_pt,
    turned_length_pt,
)

#: the size (points) of the headings' type before a form is fitted to the page
HEAD_PT = 10.0
#: a column narrower than this (workbook units) turns its label when one line would not
#: hold it: words are not broken in the middle
NARROW = 6.0
#: the height (points, before fitting) of the last heading row when no label is turned
HEAD_ROW_PT = 48.0
#: the smallest type a form prints in (points): the columns of a wider form wrap their
#: words more rather than print smaller
SMALLEST_PT = 5.0
#: the grey of a blank cell (the roster does not inform it: grey, never a zero) and the
#: lighter grey of a commune's name across the page, in every writer
BLANK_FILL = "#E7E6E6"
BLOCK_FILL = "#F2F2F2"


@attrs.frozen
class HeadCell:
    """A heading cell of the printed grid: its top row (0: the first heading row), its
    first column (0: the grid's first column), how many rows and columns it spans, and
    whether its text is ``turned`` a quarter to read upwards (a narrow column's own label
    that one line across it would not hold)."""

    row: int
    col: int
    rows: int
    cols: int
    text: str
    turned: bool = False


@attrs.frozen
class Printed:
    """One cell below the headings: ``value`` (None: blank, the roster does not inform
    it), how it prints (``label``: wrapped text on the left; ``text``: centred text;
    ``value``: a count, tick, text or day; ``empty``: a bordered cell with nothing, under
    a heading row) and whether in bold."""

    value: Cell
    kind: str
    bold: bool = False


@attrs.frozen
class Line:
    """A printed row below the headings: a commune's name across the page (``block``) or
    the row's cells from the grid's first column (``heading``: a row of the form that only
    names what the rows under it count)."""

    cells: tuple[Printed, ...] = ()
    block: str | None = None
    heading: bool = False


def first_column(form: Form) -> int:
    """The grid column of the form's first column: after the row numbers (when printed)
    and the label column.

    >>> from cadre_core.plugins.builtin._forms import FORM_9C, FORM_BM02
    >>> first_column(FORM_9C), first_column(FORM_BM02)
    (1, 2)
    """
    return 2 if form.number_heading is not None else 1


def column_widths(form: Form) -> list[float]:
    """The widths of the grid's columns in workbook units (digits of the default font):
    the row numbers, the label column, then the form's columns."""
    out = [5.0] if form.number_heading is not None else []
    if form.orientation == "person":
        out.append(5.0)
        for c in form.columns:
            out.append(22.0 if c.value == "full_name" else 11.0 if c.value else 4.5)
        return out
    out.append(38.0 if form.orientation != "unit" else 22.0)
    out += [5.0 if len(form.columns) > 20 else 8.0] * len(form.columns)
    return out


def depth(form: Form) -> int:
    """How many heading rows the form's column headings take."""
    return max(len(c.groups) + 1 for c in form.columns)


def headings(form: Form, lang: str = "vi") -> list[HeadCell]:
    """The heading cells over the printed grid, row by row, left to right: the row numbers'
    and the label column's headings run down every heading row; a group heading spans the
    neighbouring columns under the same groups from the top; a column's own label runs down
    to the last heading row. Every grid cell of the heading rows is in exactly one.

    >>> from cadre_core.plugins.builtin._forms import FORM_BM02
    >>> cells = headings(FORM_BM02)
    >>> (cells[0].text, cells[0].rows), max(c.cols for c in cells) > 1
    (('STT', 4), True)
    """
    paths = [tuple(g.get(lang) for g in c.groups) + (c.label.get(lang),) for c in form.columns]
    rows = depth(form)
    first = first_column(form)
    widths = column_widths(form)
    out: list[HeadCell] = []
    if form.number_heading is not None:
        out.append(HeadCell(0, 0, rows, 1, form.number_heading.get(lang)))
    out.append(HeadCell(0, first - 1, rows, 1, form.stub.get(lang)))
    for level in range(rows):
        i = 0
        while i < len(paths):
            path = paths[i]
            if level >= len(path):
                i += 1
                continue
            if level == len(path) - 1:  # the leaf: down to the last heading row
                width, text = widths[first + i], path[level]
                turned = width < NARROW and not fits_one_line(text, width, HEAD_PT)
                out.append(HeadCell(level, first + i, rows - level, 1, text, turned))
                i += 1
                continue
            j = i  # neighbours under the same heading at this level share one cell
            while (
                j + 1 < len(paths)
                and len(paths[j + 1]) - 1 > level
                and paths[j + 1][: level + 1] == path[: level + 1]
            ):
                j += 1
            out.append(HeadCell(level, first + i, 1, j - i + 1, path[level]))
            i = j + 1
    return sorted(out, key=lambda c: (c.row, c.col))


def heading_room_pt(form: Form, lang: str = "vi", cells: Sequence[HeadCell] | None = None) -> float:
    """The height (points, before fitting) of the last heading row: room for the longest
    turned label of the form (:attr:`HeadCell.turned`), and never below
    :data:`HEAD_ROW_PT`. ``cells``: the form's :func:`headings`, when the caller has
    them already (they are made once per form).

    >>> from cadre_core.plugins.builtin._forms import FORM_9C, FORM_02CL
    >>> heading_room_pt(FORM_9C) == HEAD_ROW_PT, heading_room_pt(FORM_02CL) > HEAD_ROW_PT
    (True, True)
    >>> heading_room_pt(FORM_02CL, "vi", headings(FORM_02CL)) == heading_room_pt(FORM_02CL)
    True
    """
    widths = column_widths(form)
    shown = headings(form, lang) if cells is None else cells
    turned = [turned_length_pt(h.text, widths[h.col], HEAD_PT) for h in shown if h.turned]
    return max([HEAD_ROW_PT, *turned])


@attrs.frozen
class Fit:
    """How a form's grid is fitted to the printed page, as Excel fits the workbook to one
    page wide (:func:`~cadre_core.vocab._print.print_scale`): ``font`` the size (points)
    of the grid's type, ``points`` each grid column's width (points) before fitting,
    ``room`` the height (points) of the last heading row, ``page`` the width (points)
    between the margins of the page every writer prints a form on, A4 landscape."""

    font: float
    points: tuple[float, ...]
    room: float
    page: float

    @property
    def shares(self) -> list[float]:
        """Each grid column's share of the page's width (they sum to 1)."""
        total = sum(self.points)
        return [p / total for p in self.points]


def fit(form: Form, lang: str = "vi", cells: Sequence[HeadCell] | None = None) -> Fit:
    """How ``form`` fits the page (:class:`Fit`): its type scaled as its columns are
    (never below :data:`SMALLEST_PT`), its last heading row as tall as its longest turned
    label needs at that scale. ``cells``: the form's :func:`headings`, when the caller
    has them already.

    >>> from cadre_core.plugins.builtin._forms import FORM_9C, FORM_02CL
    >>> fit(FORM_9C).font, fit(FORM_02CL).font
    (10.0, 5.02)
    >>> round(sum(fit(FORM_02CL).shares), 9), fit(FORM_9C).page
    (1.0, 784.08)
    """
    widths = column_widths(form)
    scale = print_scale(widths)
    return Fit(
        font=round(max(SMALLEST_PT, BODY_PT * scale), 2),
        points=tuple(column_width_pt(w) for w in widths),
        room=round(heading_room_pt(form, lang, cells) * scale, 2),
        page=printable_width_pt(),
    )


def shown(value: Cell) -> str:
    """A value cell as printed in words: a tick "x", a day dd/mm/yyyy, a count or a text;
    a blank (None) or an unticked box prints nothing.

    >>> [shown(v) for v in (True, False, None, 7, dt.date(2026, 1, 2), "Nam")]
    ['x', '', '', '7', '02/01/2026', 'Nam']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, dt.date):
        return fmt_date(value)
    return str(value)


def numbering(form: Form) -> list[str]:
    """The numbering row under the headings, one text per grid column."""
    own = [form.number_number] if form.number_heading is not None else []
    return [*own, form.stub_number, *(c.number for c in form.columns)]


def _one_commune(filled: FilledForm, blocks: Sequence[FilledBlock] | None) -> str | None:
    """The commune whose document the page (``blocks``, else the whole form) is, or None:
    a form of several communes, or the province's sum, is not one commune's document."""
    shown = filled.blocks if blocks is None else blocks
    named = {b.commune for b in shown if b.commune is not None}
    if len(named) == 1 and all(b.commune is not None for b in shown):
        return next(iter(named))
    return None


def issuer(
    filled: FilledForm, lang: str = "vi", blocks: Sequence[FilledBlock] | None = None
) -> list[str]:
    """The left of the title block, ``{commune}`` filled in: the commune's name in capitals
    when the page (``blocks``, else the whole form) is one commune's, else "XÃ …" (a
    form of several communes, or the province's sum, is not one commune's document).

    >>> from cadre_core.plugins.builtin._forms import FORM_02CL
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> issuer(cadre_core.compute_form(FORM_02CL, f))
    ['UBND XÃ MƯỜNG THAN']
    """
    one = _one_commune(filled, blocks)
    commune = one.upper() if one is not None else label("forms_some_commune", lang)
    return [t.get(lang).replace("{commune}", commune) for t in filled.form.issuer]


#: the word of a commune-level unit before its name ("Xã Mường Than": "Mường Than")
_UNIT = re.compile(r"^\s*(?:xã|phường|thị\s+trấn|đặc\s+khu)\s+", re.I)


def date_line(
    filled: FilledForm, lang: str = "vi", blocks: Sequence[FilledBlock] | None = None
) -> str:
    """The line above the signatures, "………, ngày …… tháng …… năm ……": the place is the
    commune's name (without "Xã") on a page that is one commune's document of a form the
    commune issues (its issuer names ``{commune}``), as a commune's documents are dated;
    else dots, for the issuer to write (a province's or a Party committee's seat).

    >>> from cadre_core.plugins.builtin._forms import FORM_02CL, FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> date_line(cadre_core.compute_form(FORM_02CL, f))
    'Mường Than, ngày …… tháng …… năm ……'
    >>> date_line(cadre_core.compute_form(FORM_9C, f))
    '………, ngày …… tháng …… năm ……'
    """
    one = _one_commune(filled, blocks)
    issued = any("{commune}" in t.get(lang) for t in filled.form.issuer)
    place = _UNIT.sub("", one) if one is not None and issued else label("forms_place", lang)
    return label("forms_date_line", lang).format(place=place)


def title_right(filled: FilledForm, lang: str = "vi") -> list[str]:
    """The right of the title block: the form's number (its day filled in), its unit."""
    form = filled.form
    return [
        form.label_text(lang).replace("{day}", fmt_date(filled.as_of)),
        form.unit_label.get(lang),
    ]


def bold(row: FilledRow) -> bool:
    """Whether a row prints in bold: a total, a capitalised label or a section (I, II)."""
    roman = row.number.isalpha() and row.number.isupper()
    return row.kind == "total" or row.label.vi.isupper() or roman


def _cells(form: Form, row: FilledRow, lang: str) -> Iterator[Printed]:
    strong = bold(row)
    if form.number_heading is not None:
        yield Printed(row.number, "label", strong)
    if form.orientation == "person":
        yield Printed(row.number, "text")
    else:
        yield Printed(row.label.get(lang), "label", strong)
    if row.kind == "heading":
        yield from (Printed("", "empty") for _ in form.columns)
    for i, value in enumerate(row.cells):
        if row.kind == "total" and form.orientation == "person" and i == 0:
            yield Printed(row.label.get(lang), "label", True)  # "Tổng cộng" under the names
        else:
            yield Printed(value, "value", strong)


def blank_rows(forms: Sequence[FilledForm], lang: str = "vi") -> list[list[str]]:
    """The notes' table of blank cells, one line per column and missing fields: the form,
    the rows ("the whole column", "the whole column except: ..." when most rows are blank,
    else the rows), the column's number and label, and the roster fields it lacks in
    words; under :data:`BLANK_HEADS`. The JSON document lists every cell
    (:attr:`FilledForm.blanks`)."""
    out = []
    for filled in forms:
        every = [r.label.get(lang) for r in filled.form.rows if not r.heading]
        grouped: dict[tuple[str, str, tuple[str, ...]], list[str | None]] = {}
        for b in filled.blanks:
            key = (b.column_number, b.column.get(lang), b.fields)
            grouped.setdefault(key, []).append(None if b.row is None else b.row.get(lang))
        for (number, column, fields), rows in grouped.items():
            named = Counter(r for r in rows if r is not None)
            rest = list((Counter(every) - named).elements())  # rows may share a label
            if None in rows or not rest:
                where = label("forms_whole_column", lang)
            elif len(rest) < named.total():
                where = label("forms_whole_column_but", lang).format(
                    rows="; ".join(dict.fromkeys(rest))
                )
            else:
                where = "; ".join(named)
            missing = "; ".join(field_words(f, lang) for f in fields)
            out.append([filled.form.code, where, number, column, missing])
    return out


#: the label keys of the notes' table of blank cells (:func:`blank_rows`)
BLANK_HEADS = (
    "forms_col_form",
    "forms_col_row",
    "forms_col_number",
    "forms_col_column",
    "forms_col_missing",
)


def named_blocks(filled: FilledForm) -> bool:
    """Whether each block of ``filled`` prints its commune's name above its rows (the
    province's total: "Toàn tỉnh"): on a ``person`` form always, else when the form counts
    several communes in blocks, even when only the province's total is kept
    (:func:`~cadre_core.forms._fill.province_total`). A form with one row per commune
    (``unit``) has one block, named by its rows.

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> named_blocks(cadre_core.compute_form(FORM_9C, f))  # one commune
    False
    """
    form = filled.form
    if len(filled.blocks) > 1 or form.orientation == "person":
        return True
    return form.orientation != "unit" and len(filled.communes) > 1


def part_name(
    filled: FilledForm, blocks: Sequence[FilledBlock] | None, lang: str = "vi"
) -> list[str]:
    """The commune (or "Toàn tỉnh") a document of one block of a form of several communes
    prints in the page's head after the form's title: a commune's part of the form, the
    province's, or the province's total kept alone
    (:func:`~cadre_core.forms._fill.province_total`); nothing for a form of one commune.

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> part_name(cadre_core.compute_form(FORM_9C, f), None)
    []
    """
    kept = filled.blocks if blocks is None else blocks
    several = len(filled.blocks) > 1 or (named_blocks(filled) and len(filled.communes) > 1)
    if len(kept) != 1 or not several:
        return []
    return ["—", kept[0].commune or label("forms_province", lang)]


def lines(
    filled: FilledForm, lang: str = "vi", blocks: Sequence[FilledBlock] | None = None
) -> Iterator[Line]:
    """Every printed row below the numbering row: each block starts with its commune's
    name when :func:`named_blocks` says so (the province's total: "Toàn tỉnh"), then its
    rows. ``blocks``: only these of the form's blocks."""
    form = filled.form
    named = named_blocks(filled)
    for block in filled.blocks if blocks is None else blocks:
        if named:
            yield Line(
                block=block.commune if block.commune is not None else label("forms_province", lang)
            )
        for row in block.rows:
            yield Line(cells=tuple(_cells(form, row, lang)), heading=row.kind == "heading")


__all__ = [
    "BLANK_FILL",
    "BLANK_HEADS",
    "BLOCK_FILL",
    "SMALLEST_PT",
    "Fit",
    "HeadCell",
    "Line",
    "Printed",
    "blank_rows",
    "bold",
    "column_widths",
    "depth",
    "first_column",
    "fit",
    "heading_room_pt",
    "headings",
    "issuer",
    "lines",
    "named_blocks",
    "numbering",
    "part_name",
    "shown",
    "title_right",
]
