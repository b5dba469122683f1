"""A filled form as an xlsx workbook laid out as the printed form.

One sheet per form: the title block (the issuing body on the left, the form's number and
unit on the right), the title, the column headings merged as the layout groups them, the
numbering row, one row per row label (per commune, and the province's total), and the
signature block. A last sheet, "Ghi chú", lists every blank cell with the roster field it
lacks, then what the reader set aside or did not read. Printed on A4 landscape, one page
wide, the headings repeated on every page (:func:`~cadre_core.vocab._print.setup_print`);
written whole or not at all (:func:`~cadre_core.vocab._files.replacing`).

Every text is written with ``write_string`` (never a formula): a name such as ``=1+1``
stays text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from cadre_core.forms._fill import Cell, FilledForm, field_words
from cadre_core.plugins._sections import ReportSection
from cadre_core.targets._forms import Form
from cadre_core.vocab._files import replacing
from cadre_core.vocab._labels import fmt_date, label
from cadre_core.vocab._print import setup_print

BASE = {"font_name": "Times New Roman", "font_size": 11, "valign": "vcenter"}
CELL = {**BASE, "border": 1}
#: the fill of a blank cell (the roster does not inform it): grey, never a zero
BLANK_FILL = "#E7E6E6"


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.bold_center = wb.add_format({**BASE, "bold": True, "align": "center"})
        self.center = wb.add_format({**BASE, "align": "center"})
        self.italic_center = wb.add_format({**BASE, "italic": True, "align": "center"})
        self.title = wb.add_format({**BASE, "bold": True, "font_size": 13, "align": "center"})
        self.head = wb.add_format(
            {**CELL, "bold": True, "align": "center", "text_wrap": True, "font_size": 10}
        )
        self.number = wb.add_format({**CELL, "italic": True, "align": "center", "font_size": 9})
        self.label = wb.add_format({**CELL, "text_wrap": True})
        self.label_bold = wb.add_format({**CELL, "text_wrap": True, "bold": True})
        self.count = wb.add_format({**CELL, "align": "center", "num_format": "0"})
        self.count_bold = wb.add_format(
            {**CELL, "align": "center", "num_format": "0", "bold": True}
        )
        self.text = wb.add_format({**CELL, "align": "center"})
        self.date = wb.add_format({**CELL, "align": "center", "num_format": "dd/mm/yyyy"})
        self.blank = wb.add_format({**CELL, "bg_color": BLANK_FILL})
        self.block = wb.add_format({**CELL, "bold": True, "bg_color": "#F2F2F2"})
        self.plain = wb.add_format({**BASE, "text_wrap": True, "valign": "top"})
        self.plain_bold = wb.add_format({**BASE, "bold": True})


def _widths(form: Form) -> list[float]:
    """Column widths: the row numbers, the label column, then the form's columns."""
    out = [5.0] if form.number_heading is not None else []
    if form.orientation == "person":
        out.append(5.0)
        for c in form.columns:
            out.append(22.0 if c.value == "full_name" else 11.0 if c.value else 4.5)
        return out
    out.append(38.0 if form.orientation != "unit" else 22.0)
    out += [5.0 if len(form.columns) > 20 else 8.0] * len(form.columns)
    return out


def _write_cell(ws: Any, r: int, c: int, value: Cell, fm: _Formats, bold: bool) -> None:
    if value is None:
        ws.write_blank(r, c, None, fm.blank)
    elif isinstance(value, bool):
        ws.write_string(r, c, "x" if value else "", fm.text)
    elif isinstance(value, int):
        ws.write_number(r, c, value, fm.count_bold if bold else fm.count)
    elif isinstance(value, dt.date):
        ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), fm.date)
    else:
        ws.write_string(r, c, str(value), fm.text)


def _merge(ws: Any, r1: int, c1: int, r2: int, c2: int, text: str, fmt: Any) -> None:
    if (r1, c1) == (r2, c2):
        ws.write_string(r1, c1, text, fmt)
    else:
        ws.merge_range(r1, c1, r2, c2, text, fmt)


def _headings(ws: Any, form: Form, top: int, first: int, lang: str, fm: _Formats) -> int:
    """The column headings from row ``top`` (merged as the layout groups them) and the
    numbering row; returns the numbering row's index."""
    paths = [tuple(g.get(lang) for g in c.groups) + (c.label.get(lang),) for c in form.columns]
    depth = max(len(p) for p in paths)
    col = 0
    if form.number_heading is not None:
        _merge(ws, top, 0, top + depth - 1, 0, form.number_heading.get(lang), fm.head)
        ws.write_string(top + depth, 0, form.number_number, fm.number)
        col = 1
    _merge(ws, top, col, top + depth - 1, col, form.stub.get(lang), fm.head)
    ws.write_string(top + depth, col, form.stub_number, fm.number)
    for level in range(depth):
        i = 0
        while i < len(paths):
            path = paths[i]
            if level >= len(path):
                i += 1
                continue
            if level == len(path) - 1:  # the leaf: down to the last heading row
                _merge(ws, top + level, first + i, top + depth - 1, first + i, path[level], fm.head)
                i += 1
                continue
            j = i  # neighbours under the same heading at this level share one cell
            while (
                j + 1 < len(paths)
                and len(paths[j + 1]) - 1 > level
                and paths[j + 1][: level + 1] == path[: level + 1]
            ):
                j += 1
            _merge(ws, top + level, first + i, top + level, first + j, path[level], fm.head)
            i = j + 1
    for i, c in enumerate(form.columns):
        ws.write_string(top + depth, first + i, c.number, fm.number)
    for level in range(depth):  # room for wrapped headings
        ws.set_row(top + level, 48 if level == depth - 1 else 30)
    return top + depth


def _form_sheet(wb: Any, filled: FilledForm, lang: str, fm: _Formats, used: set[str]) -> None:
    form = filled.form
    name = form.code[:31]
    while name.casefold() in used:
        name = name[:28] + f"_{len(used)}"
    used.add(name.casefold())
    ws = wb.add_worksheet(name)
    widths = _widths(form)
    for i, w in enumerate(widths):
        ws.set_column(i, i, w)
    last = len(widths) - 1
    first = 2 if form.number_heading is not None else 1
    half = max(1, last // 2)
    # title block: the issuing body on the left, the form's number and unit on the right
    right = [
        form.label_text(lang).replace("{day}", fmt_date(filled.as_of)),
        form.unit_label.get(lang),
    ]
    rows = max(len(form.issuer), len(right))
    for k in range(rows):
        if k < len(form.issuer):
            _merge(ws, k, 0, k, half - 1, form.issuer[k].get(lang), fm.bold_center)
        if k < len(right):
            _merge(ws, k, half, k, last, right[k], fm.bold_center if k == 0 else fm.italic_center)
    r = rows + 1
    for line in filled.title(lang):
        _merge(ws, r, 0, r, last, line, fm.title)
        r += 1
    as_of = label("forms_as_of", lang).format(day=fmt_date(filled.as_of))
    _merge(ws, r, 0, r, last, as_of, fm.italic_center)
    top = r + 2
    numbering = _headings(ws, form, top, first, lang, fm)
    r = numbering + 1
    several = len(filled.blocks) > 1
    for block in filled.blocks:
        if several or form.orientation in ("person",):
            name_ = block.commune if block.commune is not None else label("forms_province", lang)
            _merge(ws, r, 0, r, last, name_, fm.block)
            r += 1
        for row in block.rows:
            roman = row.number.isalpha() and row.number.isupper()  # I, II: a section
            bold = row.kind == "total" or row.label.vi.isupper() or roman
            if form.number_heading is not None:
                ws.write_string(r, 0, row.number, fm.label_bold if bold else fm.label)
            if form.orientation == "person":
                ws.write_string(r, first - 1, row.number, fm.text)
            else:
                ws.write_string(
                    r, first - 1, row.label.get(lang), fm.label_bold if bold else fm.label
                )
            if row.kind == "heading":
                for i in range(len(form.columns)):
                    ws.write_blank(r, first + i, None, fm.label)
            for i, value in enumerate(row.cells):
                if row.kind == "total" and form.orientation == "person" and i == 0:
                    ws.write_string(r, first, row.label.get(lang), fm.label_bold)
                    continue
                _write_cell(ws, r, first + i, value, fm, bold)
            r += 1
    # the signature block
    r += 1
    _merge(ws, r, half, r, last, label("forms_date_line", lang), fm.italic_center)
    r += 1
    spans = [(0, half - 1), (half, last)]
    for (title, note), (c1, c2) in zip(form.signers, spans, strict=False):
        _merge(ws, r, c1, r, c2, title.get(lang), fm.bold_center)
        _merge(ws, r + 1, c1, r + 1, c2, note.get(lang), fm.italic_center)
    setup_print(
        ws,
        title=" ".join(filled.title(lang)),
        header_row=None,
        lang=lang,
        detail=form.label_text(lang).replace("{day}", fmt_date(filled.as_of)),
    )
    ws.repeat_rows(top, numbering)
    ws.freeze_panes(numbering + 1, first)


def _notes_sheet(
    wb: Any, forms: Sequence[FilledForm], lang: str, fm: _Formats, sections: Sequence[ReportSection]
) -> None:
    ws = wb.add_worksheet(label("forms_notes_sheet", lang)[:31])
    for i, w in enumerate((14, 40, 12, 36, 60, 30, 30)):
        ws.set_column(i, i, w)
    ws.write_string(0, 0, label("forms_notes_title", lang), fm.plain_bold)
    heads = [
        "forms_col_form",
        "forms_col_row",
        "forms_col_number",
        "forms_col_column",
        "forms_col_missing",
    ]
    for i, key in enumerate(heads):
        ws.write_string(2, i, label(key, lang), fm.head)
    r = 3
    for filled in forms:
        for b in filled.blanks:
            row = b.row.get(lang) if b.row is not None else label("forms_whole_column", lang)
            values = [
                filled.form.code,
                row,
                b.column_number,
                b.column.get(lang),
                "; ".join(field_words(f, lang) for f in b.fields),
            ]
            for i, v in enumerate(values):
                ws.write_string(r, i, v, fm.label)
            r += 1
    if r == 3:
        ws.write_string(r, 0, label("forms_no_blank", lang), fm.plain)
        r += 1
    for filled in forms:
        ws.write_string(
            r + 1, 0, label("forms_source", lang).format(source=filled.form.source), fm.plain
        )
        r += 1
    for section in sections:  # what the reader set aside or did not read
        r += 2
        ws.write_string(r, 0, section.title, fm.plain_bold)
        r += 1
        if section.note:
            ws.write_string(r, 0, section.note, fm.plain)
            r += 1
        for i, col in enumerate(section.table.columns):
            ws.write_string(r, i, str(col), fm.head)
        for line in section.table.itertuples(index=False):
            r += 1
            for i, v in enumerate(line):
                ws.write_string(r, i, "" if v is None else str(v), fm.label)
        r += 1
    setup_print(ws, title=label("forms_notes_sheet", lang), header_row=2, lang=lang)


def write_form_xlsx(
    filled: FilledForm | Sequence[FilledForm],
    path: str | Path,
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> Path:
    """Write one or several filled forms to ``path`` (one sheet each, then "Ghi chú":
    the blank cells and why, and ``sections``: what the reader set aside or did not read).

    >>> import tempfile
    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> filled = cadre_core.compute_form(FORM_9C, f)
    >>> out = write_form_xlsx(filled, Path(tempfile.mkdtemp()) / "9c.xlsx")
    >>> import openpyxl
    >>> openpyxl.load_workbook(out).sheetnames
    ['9C-BTCTW', 'Ghi chú']
    """
    forms = [filled] if isinstance(filled, FilledForm) else list(filled)
    target = Path(path)
    with replacing(target) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"in_memory": True})
        fm = _Formats(wb)
        used: set[str] = set()
        for one in forms:
            _form_sheet(wb, one, lang, fm, used)
        _notes_sheet(wb, forms, lang, fm, sections)
        wb.close()
    return target


__all__ = ["write_form_xlsx"]
