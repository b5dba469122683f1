"""A filled form as an xlsx workbook laid out as the printed form.

One sheet per form: the title block (the issuing body on the left, the form's number and
unit on the right), the title, the column headings merged as the layout groups them, the
numbering row, one row per row label (per commune, and the province's total), and the
signature block. A last sheet, "Ghi chú", lists every blank cell with the roster field it
lacks, then what the reader set aside or did not read. Printed on A4 landscape, one page
wide, the headings repeated on every page (:func:`~cadre_core.vocab._print.setup_print`);
made in memory (:func:`form_xlsx_bytes`) and written whole or not at all
(:func:`~cadre_core.vocab._files.write_atomic`).

Every text is written with ``write_string`` (never a formula): a name such as ``=1+1``
stays text.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from cadre_core.forms._fill import FilledForm
from cadre_core.forms._layout import (
    BLANK_FILL,
    BLANK_HEADS,
    BLOCK_FILL,
    Printed,
    blank_rows,
    column_widths,
    date_line,
    depth,
    first_column,
    heading_room_pt,
    headings,
    issuer,
    lines,
    numbering,
    title_right,
)
from cadre_core.plugins._sections import ReportSection
from cadre_core.targets._forms import Form
from cadre_core.vocab._files import write_atomic
from cadre_core.vocab._labels import fmt_date, label
from cadre_core.vocab._print import setup_print, write_sections

BASE = {"font_name": "Times New Roman", "font_size": 11, "valign": "vcenter"}
CELL = {**BASE, "border": 1}


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.bold_center = wb.add_format({**BASE, "bold": True, "align": "center"})
        self.center = wb.add_format({**BASE, "align": "center"})
        self.italic_center = wb.add_format({**BASE, "italic": True, "align": "center"})
        self.title = wb.add_format({**BASE, "bold": True, "font_size": 13, "align": "center"})
        self.head = wb.add_format(
            {**CELL, "bold": True, "align": "center", "text_wrap": True, "font_size": 10}
        )
        self.head_turned = wb.add_format(
            {
                **CELL,
                "bold": True,
                "align": "center",
                "text_wrap": True,
                "font_size": 10,
                "rotation": 90,
            }
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
        self.block = wb.add_format({**CELL, "bold": True, "bg_color": BLOCK_FILL})
        self.plain = wb.add_format({**BASE, "text_wrap": True, "valign": "top"})
        self.plain_bold = wb.add_format({**BASE, "bold": True})


def _write_cell(ws: Any, r: int, c: int, cell: Printed, fm: _Formats) -> None:
    value = cell.value
    if cell.kind == "empty":
        ws.write_blank(r, c, None, fm.label)
    elif cell.kind == "label":
        ws.write_string(r, c, str(value), fm.label_bold if cell.bold else fm.label)
    elif cell.kind == "text":
        ws.write_string(r, c, str(value), fm.text)
    elif value is None:
        ws.write_blank(r, c, None, fm.blank)
    elif isinstance(value, bool):
        ws.write_string(r, c, "x" if value else "", fm.text)
    elif isinstance(value, int):
        ws.write_number(r, c, value, fm.count_bold if cell.bold else fm.count)
    elif isinstance(value, dt.date):
        ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), fm.date)
    else:
        ws.write_string(r, c, str(value), fm.text)


def _merge(ws: Any, r1: int, c1: int, r2: int, c2: int, text: str, fmt: Any) -> None:
    if (r1, c1) == (r2, c2):
        ws.write_string(r1, c1, text, fmt)
    else:
        ws.merge_range(r1, c1, r2, c2, text, fmt)


def _headings(ws: Any, form: Form, top: int, lang: str, fm: _Formats) -> int:
    """The column headings from row ``top`` (:func:`~cadre_core.forms._layout.headings`)
    and the numbering row; returns the numbering row's index."""
    cells = headings(form, lang)
    for h in cells:
        r, c = top + h.row, h.col
        fmt = fm.head_turned if h.turned else fm.head
        _merge(ws, r, c, r + h.rows - 1, c + h.cols - 1, h.text, fmt)
    rows = depth(form)
    for c, number in enumerate(numbering(form)):
        ws.write_string(top + rows, c, number, fm.number)
    for level in range(rows):  # room for wrapped headings
        ws.set_row(top + level, heading_room_pt(form, lang, cells) if level == rows - 1 else 30)
    return top + rows


def _form_sheet(wb: Any, filled: FilledForm, lang: str, fm: _Formats, used: set[str]) -> None:
    form = filled.form
    name = form.code[:31]
    while name.casefold() in used:
        name = name[:28] + f"_{len(used)}"
    used.add(name.casefold())
    ws = wb.add_worksheet(name)
    widths = column_widths(form)
    for i, w in enumerate(widths):
        ws.set_column(i, i, w)
    last = len(widths) - 1
    half = max(1, last // 2)
    # title block: the issuing body on the left, the form's number and unit on the right
    right = title_right(filled, lang)
    left = issuer(filled, lang)
    rows = max(len(left), len(right))
    for k in range(rows):
        if k < len(left):
            _merge(ws, k, 0, k, half - 1, left[k], fm.bold_center)
        if k < len(right):
            _merge(ws, k, half, k, last, right[k], fm.bold_center if k == 0 else fm.italic_center)
    r = rows + 1
    for line in filled.title(lang):
        _merge(ws, r, 0, r, last, line, fm.title)
        r += 1
    as_of = label("forms_as_of", lang).format(day=fmt_date(filled.as_of))
    _merge(ws, r, 0, r, last, as_of, fm.italic_center)
    top = r + 2
    numbering_row = _headings(ws, form, top, lang, fm)
    r = numbering_row + 1
    for printed in lines(filled, lang):
        if printed.block is not None:
            _merge(ws, r, 0, r, last, printed.block, fm.block)
        for c, cell in enumerate(printed.cells):
            _write_cell(ws, r, c, cell, fm)
        r += 1
    # the signature block
    r += 1
    _merge(ws, r, half, r, last, date_line(filled, lang), fm.italic_center)
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
        detail=right[0],
    )
    ws.repeat_rows(top, numbering_row)
    ws.freeze_panes(numbering_row + 1, first_column(form))


def _notes_sheet(
    wb: Any, forms: Sequence[FilledForm], lang: str, fm: _Formats, sections: Sequence[ReportSection]
) -> None:
    ws = wb.add_worksheet(label("forms_notes_sheet", lang)[:31])
    for i, w in enumerate((14, 40, 12, 36, 60, 30, 30)):
        ws.set_column(i, i, w)
    ws.write_string(0, 0, label("forms_notes_title", lang), fm.plain_bold)
    for i, key in enumerate(BLANK_HEADS):
        ws.write_string(2, i, label(key, lang), fm.head)
    r = 3
    for values in blank_rows(forms, lang):
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
    # what the reader set aside or did not read
    write_sections(ws, r + 2, sections, (fm.plain_bold, fm.plain, fm.head, fm.label))
    setup_print(ws, title=label("forms_notes_sheet", lang), header_row=2, lang=lang)


def form_xlsx_bytes(
    filled: FilledForm | Sequence[FilledForm],
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> bytes:
    """The workbook of one or several filled forms, as the bytes :func:`write_form_xlsx`
    writes (one sheet each, then "Ghi chú": the blank cells and why, and ``sections``).

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> form_xlsx_bytes(cadre_core.compute_form(FORM_9C, f))[:2]
    b'PK'
    """
    forms = [filled] if isinstance(filled, FilledForm) else list(filled)
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    fm = _Formats(wb)
    used: set[str] = set()
    for one in forms:
        _form_sheet(wb, one, lang, fm, used)
    _notes_sheet(wb, forms, lang, fm, sections)
    wb.close()
    return buffer.getvalue()


def write_form_xlsx(
    filled: FilledForm | Sequence[FilledForm],
    path: str | Path,
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> Path:
    """Write one or several filled forms to ``path`` (one sheet each, then "Ghi chú":
    the blank cells and why, and ``sections``: what the reader set aside or did not read),
    whole or not at all.

    >>> import tempfile
    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> filled = cadre_core.compute_form(FORM_9C, f)
    >>> out = write_form_xlsx(filled, Path(tempfile.mkdtemp()) / "9c.xlsx")
    >>> import openpyxl
    >>> openpyxl.load_workbook(out).sheetnames
    ['9C-BTCTW', 'Ghi chú']
    """
    return write_atomic(path, form_xlsx_bytes(filled, lang=lang, sections=sections))


__all__ = ["form_xlsx_bytes", "write_form_xlsx"]
