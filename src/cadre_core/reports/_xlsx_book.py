"""The report's workbook: its formats, valid sheet names and the typed writers every sheet uses.

Safety: every text cell is written with ``write_string``, which stores a shared string and
never a formula, so a name such as ``=HYPERLINK(...)`` or ``+1-2`` stays inert text in
Excel, LibreOffice and Google Sheets (no formula injection). Numbers, dates and booleans
are written with their own typed writers.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from cadre_core.reports._data import ReportData
from cadre_core.vocab._labels import fmt_date

STATUS_STYLE: dict[str, dict[str, Any]] = {
    "met": {"bg_color": "#C8E6C9", "font_color": "#1B5E20", "bold": True},
    "not_met": {"bg_color": "#FFCDD2", "font_color": "#B71C1C", "bold": True},
    "not_applicable": {"bg_color": "#EEEEEE", "font_color": "#616161"},
}
HEADER_BG = "#1F4E79"
A4 = 9
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")


def unique_sheet_name(wanted: str, used: set[str]) -> str:
    """A valid sheet name (<= 31 characters, none of ``[]:*?/\\``) not in ``used``
    (compared case-insensitively, as Excel does); the name is added to ``used``."""
    name = _BAD_SHEET.sub("_", wanted).strip("'")[:31] or "Sheet"
    base, i = name, 2
    while name.casefold() in used:
        suffix = f" ({i})"
        name = base[: 31 - len(suffix)] + suffix
        i += 1
    used.add(name.casefold())
    return name


class Book:
    """A workbook with the report's formats and a few typed writers."""

    def __init__(self, path: Path, data: ReportData) -> None:
        self.data = data
        # in memory: no temporary files of xlsxwriter's own, which a kill would leave behind
        self.wb: Workbook = xlsxwriter.Workbook(str(path), {"in_memory": True})
        wb = self.wb
        base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
        cell = {**base, "border": 1, "border_color": "#B0BEC5"}
        self.f_title = wb.add_format(
            {**base, "bold": True, "font_size": 14, "font_color": "#1F4E79"}
        )
        self.f_sub = wb.add_format({**base, "italic": True, "font_color": "#455A64"})
        self.f_note = wb.add_format({**base, "text_wrap": True})
        self.f_bold = wb.add_format({**base, "bold": True})
        self.f_head = wb.add_format(
            {
                **cell,
                "bold": True,
                "text_wrap": True,
                "valign": "vcenter",
                "align": "center",
                "bg_color": HEADER_BG,
                "font_color": "#FFFFFF",
            }
        )
        self.f_text = wb.add_format({**cell, "text_wrap": True})
        self.f_center = wb.add_format({**cell, "align": "center"})
        self.f_int = wb.add_format({**cell, "num_format": "0", "align": "right"})
        self.f_pct = wb.add_format({**cell, "num_format": "0%", "align": "right"})
        self.f_date = wb.add_format({**cell, "num_format": "dd/mm/yyyy", "align": "center"})
        self.f_link = wb.add_format({**cell, "font_color": "#0B5394", "underline": 1})
        self.status_fmt = {k: wb.add_format({**cell, **v}) for k, v in STATUS_STYLE.items()}
        self.cond_fmt = {k: wb.add_format(v) for k, v in STATUS_STYLE.items()}
        self.f_red = wb.add_format({"font_color": "#B71C1C", "bold": True})
        self.used_names: set[str] = set()
        wb.set_properties(
            {
                "title": data.label("report_title"),
                "subject": ", ".join(data.communes),
                "comments": f"as_of={data.evaluation.as_of.isoformat()}",
            }
        )

    # ------------------------------------------------------------------ helpers
    def sheet_name(self, wanted: str) -> str:
        """A valid, unique sheet name for this workbook."""
        return unique_sheet_name(wanted, self.used_names)

    def add_sheet(self, wanted: str, *, tab_color: str | None = None) -> Worksheet:
        ws = self.wb.add_worksheet(self.sheet_name(wanted))
        if tab_color:
            ws.set_tab_color(tab_color)
        return ws

    def write(self, ws: Worksheet, row: int, col: int, value: Any, fmt: Any = None) -> None:
        """Write one cell with the writer of its type; text is never a formula."""
        if isinstance(value, np.generic):
            value = value.item()
        if (
            value is None
            or value is pd.NaT
            or (isinstance(value, float) and math.isnan(value))
            or value is pd.NA
        ):
            ws.write_blank(row, col, None, fmt or self.f_text)
        elif isinstance(value, bool):
            ws.write_string(
                row, col, self.data.label("yes" if value else "no"), fmt or self.f_center
            )
        elif isinstance(value, int | float):
            ws.write_number(row, col, value, fmt or self.f_int)
        elif isinstance(value, pd.Timestamp):
            ws.write_datetime(row, col, value.to_pydatetime(), fmt or self.f_date)
        elif isinstance(value, dt.date):
            ws.write_datetime(row, col, value, fmt or self.f_date)
        else:
            ws.write_string(row, col, str(value), fmt or self.f_text)

    def page_setup(self, ws: Worksheet, header_row: int, title: str) -> None:
        """A4 landscape, one page wide, header repeated, page numbers in the footer."""
        ws.set_landscape()
        ws.set_paper(A4)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0, header_row) if header_row >= 0 else None
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        safe = title.replace("&", "&&")
        ws.set_header(
            f"&L&9{safe}&R&9{self.data.label('as_of')} {fmt_date(self.data.evaluation.as_of)}"
        )
        ws.set_footer(f"&C&9{self.data.label('page')}")
        ws.hide_gridlines(0)

    def table_header(self, ws: Worksheet, row: int, columns: Sequence[tuple[str, float]]) -> None:
        for c, (key, width) in enumerate(columns):
            ws.write_string(row, c, self.data.label(key), self.f_head)
            ws.set_column(c, c, width)
        ws.set_row(row, 30)

    def title_block(self, ws: Worksheet, title: str, lines: Sequence[str]) -> int:
        """Title and sub-lines; returns the first free row (after a blank row)."""
        ws.write_string(0, 0, title, self.f_title)
        for i, line in enumerate(lines, start=1):
            ws.write_string(i, 0, line, self.f_sub)
        return len(lines) + 2

    def status_conditions(self, ws: Worksheet, first: int, last: int, c1: int, c2: int) -> None:
        """Colour status cells by their label (conditional formats)."""
        for status, fmt in self.cond_fmt.items():
            ws.conditional_format(
                first,
                c1,
                last,
                c2,
                {
                    "type": "cell",
                    "criteria": "==",
                    "value": json.dumps(self.data.label(status), ensure_ascii=False),
                    "format": fmt,
                },
            )

    def data_bar(self, ws: Worksheet, first: int, last: int, col: int, color: str) -> None:
        ws.conditional_format(
            first,
            col,
            last,
            col,
            {
                "type": "data_bar",
                "bar_color": color,
                "bar_solid": True,
                "min_type": "num",
                "min_value": 0,
                "max_type": "num",
                "max_value": 1,
                "bar_no_border": True,
            },
        )

    def close(self) -> None:
        self.wb.close()
