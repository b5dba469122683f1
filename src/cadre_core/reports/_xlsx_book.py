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
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.utility import xl_range
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from cadre_core.reports._data import ReportData
from cadre_core.vocab._labels import fmt_date
from cadre_core.vocab._print import DEFAULT_ROW_PT, row_height, setup_print

STATUS_STYLE: dict[str, dict[str, Any]] = {
    "met": {"bg_color": "#C8E6C9", "font_color": "#1B5E20", "bold": True},
    "not_met": {"bg_color": "#FFCDD2", "font_color": "#B71C1C", "bold": True},
    "not_applicable": {"bg_color": "#EEEEEE", "font_color": "#616161"},
}
HEADER_BG = "#1F4E79"
#: the colour of a progress bar by the status of its line: never green on an unmet target
BAR_COLOUR = {"met": "#81C784", "not_met": "#EF9A9A", "not_applicable": "#BDBDBD"}
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
        self.f_line = wb.add_format(cell)
        self.f_center = wb.add_format({**cell, "align": "center"})
        self.f_center_wrap = wb.add_format({**cell, "align": "center", "text_wrap": True})
        self.f_int = wb.add_format({**cell, "num_format": "0", "align": "right"})
        self.f_number = wb.add_format({**cell, "num_format": "General", "align": "right"})
        self.f_pct = wb.add_format({**cell, "num_format": "0%", "align": "right"})
        self.f_date = wb.add_format({**cell, "num_format": "dd/mm/yyyy", "align": "center"})
        self.f_date_overdue = wb.add_format(
            {**cell, "num_format": "dd/mm/yyyy", "align": "center", **STATUS_STYLE["not_met"]}
        )
        self.f_link = wb.add_format({**cell, "font_color": "#0B5394", "underline": 1})
        self.status_fmt = {k: wb.add_format({**cell, **v}) for k, v in STATUS_STYLE.items()}
        self.status_wrap = {
            k: wb.add_format({**cell, **v, "text_wrap": True}) for k, v in STATUS_STYLE.items()
        }
        self.f_sub_wrap = wb.add_format(
            {**base, "italic": True, "font_color": "#455A64", "text_wrap": True}
        )
        self.f_bold_wrap = wb.add_format({**base, "bold": True, "text_wrap": True})
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
        elif isinstance(value, Decimal):  # an exact figure (an indicator): as many decimals
            ws.write_number(row, col, float(value), fmt or self.f_number)
        elif isinstance(value, pd.Timestamp):
            ws.write_datetime(row, col, value.to_pydatetime(), fmt or self.f_date)
        elif isinstance(value, dt.date):
            ws.write_datetime(row, col, value, fmt or self.f_date)
        else:
            ws.write_string(row, col, str(value), fmt or self.f_text)

    def place(self) -> str:
        """The commune (or communes) the report is about, for page headers and titles."""
        communes = self.data.communes
        text = ", ".join(communes)
        if len(communes) > 1 and len(text) > 80:
            return self.data.label("n_communes").format(n=len(communes))
        return text

    def page_setup(
        self,
        ws: Worksheet,
        header_row: int,
        title: str,
        *,
        area: tuple[int, int] | None = None,
    ) -> None:
        """A4 landscape, one page wide, the table header (row ``header_row``) repeated, no
        printed gridlines, the commune and ``title`` in the page header with the day, page
        numbers in the footer; ``area`` (last row, last column) limits the printed part."""
        setup_print(
            ws,
            title=f"{self.place()} — {title}",
            header_row=header_row if header_row >= 0 else None,
            lang=self.data.lang,
            detail=f"{self.data.label('as_of')} {fmt_date(self.data.evaluation.as_of)}",
            area=area,
        )

    def table_header(self, ws: Worksheet, row: int, columns: Sequence[tuple[str, float]]) -> None:
        """The header row of a table: labels of ``columns`` (key, width), widths set, the row
        as tall as its longest wrapped label needs."""
        labels = [self.data.label(key) for key, _ in columns]
        for c, ((_, width), text) in enumerate(zip(columns, labels, strict=True)):
            ws.write_string(row, c, text, self.f_head)
            ws.set_column(c, c, width)
        ws.set_row(row, max(30.0, row_height(labels, [w for _, w in columns])))

    def merged_text(
        self, ws: Worksheet, row: int, last_col: int, text: str, fmt: Any, width: float
    ) -> None:
        """``text`` wrapped across columns 0 to ``last_col`` of ``row`` (merged; ``width`` is
        their summed width), the row as tall as the text needs; never a formula."""
        if last_col > 0:
            ws.merge_range(row, 0, row, last_col, "", fmt)
        ws.write_string(row, 0, text, fmt)
        height = row_height([text], [width])
        if height > DEFAULT_ROW_PT:
            ws.set_row(row, height)

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

    def data_bar(
        self,
        ws: Worksheet,
        first: int,
        last: int,
        col: int,
        color: str,
        *,
        multi_range: str | None = None,
    ) -> None:
        """A solid data bar from 0 to 1 in column ``col``, rows ``first`` to ``last`` (or
        the cells of ``multi_range``)."""
        extra = {"multi_range": multi_range} if multi_range else {}
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
                **extra,
            },
        )

    def status_bars(self, ws: Worksheet, first: int, col: int, statuses: Sequence[str]) -> None:
        """Data bars (0 to 1) in column ``col`` of rows ``first``... coloured by the status
        of each row (``statuses``, one per row): green met, red not met, grey not applicable."""
        for status, colour in BAR_COLOUR.items():
            rows = np.flatnonzero(np.asarray(statuses, dtype=object) == status) + first
            if not len(rows):
                continue
            # runs of consecutive rows, one range each
            breaks = np.flatnonzero(np.diff(rows) != 1)
            starts = np.concatenate(([rows[0]], rows[breaks + 1]))
            ends = np.concatenate((rows[breaks], [rows[-1]]))
            ranges = " ".join(
                xl_range(int(a), col, int(b), col) for a, b in zip(starts, ends, strict=True)
            )
            self.data_bar(ws, int(starts[0]), int(ends[0]), col, colour, multi_range=ranges)

    def close(self) -> None:
        self.wb.close()
