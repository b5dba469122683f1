"""How a worksheet prints: A4 page setup, and the sizes wrapped text and columns need on paper.

One implementation for every workbook the package writes (the evaluation report and the
training plan): :func:`setup_print` gives a sheet an A4 page (landscape by default), one
page wide, the table's header row repeated on every page, no printed gridlines, the title
in the page header and "Trang 1/3" in the footer (from the label table).

Excel does not grow a row for wrapped text written by a program: a row keeps its default
height and the text spills over the rows below on screen and on paper. :func:`row_heights`
estimates, for a whole column of rows at once, the height each row needs so that its
longest wrapped cell shows every line; :func:`row_height` is the same for one row.

Sizes follow Excel's units: a column width counts the digit width of the workbook's default
font (7 pixels at 96 dpi, xlsxwriter's Calibri 11), a row height and a font size are points.

May import: the standard library, numpy, pandas and the label table (stage 1).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.vocab._labels import label

#: xlsxwriter's paper code for A4
A4 = 9
#: A4 in inches (portrait width, height)
A4_INCHES = (8.27, 11.69)
#: page margins in inches (left and right, top, bottom) and of the page header and footer
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM, MARGIN_HEADER = 0.4, 0.7, 0.6, 0.3
#: pixels of one unit of column width and of a column's padding (Excel, at 96 dpi)
DIGIT_PX, PADDING_PX = 7, 5
#: points per pixel at 96 dpi
PT_PER_PX = 0.75
#: average glyph width of Vietnamese text in Arial, as a share of the font size (generous:
#: diacritics, capitals; a row a little too tall reads fine, one too short hides a line)
GLYPH_EM = 0.46
#: share of a line that word wrapping fills on average (a word that does not fit moves down)
WRAP_FILL = 0.9
#: line height as a multiple of the font size (Excel: 12.75 pt for Arial 10)
LINE_SPACING = 1.275
#: Excel's default row height (points)
DEFAULT_ROW_PT = 15.0
#: the font size of the report's cells
BODY_PT = 10.0
#: the longest page header Excel accepts (characters, codes included)
_HEADER_MAX = 255


def column_width_pt(width: float) -> float:
    """Points a column of ``width`` (Excel units) takes on paper at 100 %.

    >>> column_width_pt(10)
    56.25
    """
    px = int(width * (DIGIT_PX + PADDING_PX) + 0.5) if width < 1 else int(width * DIGIT_PX + 0.5)
    return float((px + (0 if width < 1 else PADDING_PX)) * PT_PER_PX)


def printable_width_pt(*, landscape: bool = True) -> float:
    """Points of an A4 page between the side margins.

    >>> printable_width_pt()
    784.08
    """
    paper = A4_INCHES[1] if landscape else A4_INCHES[0]
    return round((paper - 2 * MARGIN_SIDE) * 72, 2)


def print_scale(widths: Sequence[float], *, landscape: bool = True) -> float:
    """The scale Excel prints columns of ``widths`` at when fitted to one page wide (<= 1)."""
    total = sum(column_width_pt(w) for w in widths)
    return min(1.0, printable_width_pt(landscape=landscape) / total) if total else 1.0


def printed_font_pt(
    widths: Sequence[float], font_pt: float = BODY_PT, *, landscape: bool = True
) -> float:
    """The size ``font_pt`` text prints at in columns of ``widths`` fitted to the page."""
    return font_pt * print_scale(widths, landscape=landscape)


def fit_widths(
    widths: Sequence[float],
    flexible: int,
    *,
    landscape: bool = True,
    minimum: float = 16.0,
    scale: float = 1.0,
) -> list[float]:
    """``widths`` with column ``flexible`` narrowed (never below ``minimum``) so that every
    column prints on one page wide at ``scale`` or larger (1: full size; 0.92: a 10 pt font
    prints at 9.2 pt); widths that already fit are returned as they are.

    >>> fit_widths([10, 60, 60, 30], 1)
    [10.0, 46.0, 60.0, 30.0]
    """
    out = [float(w) for w in widths]
    room = printable_width_pt(landscape=landscape) / scale
    spare = room - sum(column_width_pt(w) for w in out)
    if spare < 0:
        out[flexible] = float(
            max(minimum, math.floor(out[flexible] + spare / PT_PER_PX / DIGIT_PX))
        )
    return out


def _chars_per_line(width: float, font_pt: float) -> int:
    """Characters of wrapped text one line of a column of ``width`` holds (a low estimate)."""
    px = column_width_pt(width) / PT_PER_PX - 2 * 3  # the cell's inner padding
    glyph_px = GLYPH_EM * font_pt / PT_PER_PX
    return max(1, int(px / glyph_px * WRAP_FILL))


def fits_one_line(text: str, width: float, font_pt: float = BODY_PT) -> bool:
    """Whether ``text`` fits on one line of a column of ``width`` (a low estimate).

    >>> fits_one_line("Nam", 4.5), fits_one_line("Trung cấp", 4.5)
    (True, False)
    """
    return len(text) <= _chars_per_line(width, font_pt)


def turned_length_pt(text: str, width: float, font_pt: float = BODY_PT) -> float:
    """Points of height ``text`` needs turned a quarter in a column of ``width``: its lines
    run up the column, as many side by side as the column's width holds (a generous
    estimate: a word that does not fit moves to the next line).

    >>> 40 < turned_length_pt("Chưa qua đào tạo", 4.5) < 100
    True
    """
    across = max(1, int((column_width_pt(width) - 2 * 3 * PT_PER_PX) // line_height(font_pt)))
    length = len(text) * GLYPH_EM * font_pt / WRAP_FILL
    return math.ceil(length / across * (1.0 if across == 1 else 1.15) + 2 * 3 * PT_PER_PX)


def line_height(font_pt: float = BODY_PT) -> float:
    """Points one line of text of ``font_pt`` takes in a row."""
    return font_pt * LINE_SPACING


def _blank(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def wrapped_lines(texts: Sequence[Any] | pd.Series, width: float, font_pt: float = BODY_PT) -> Any:
    """Lines each text of a column needs when wrapped in a column of ``width`` (an int
    array, at least 1 per text; blank values count one line; each new line character starts
    a line). Vectorised over the column."""
    s = pd.Series(texts.to_list() if isinstance(texts, pd.Series) else list(texts), dtype=object)
    if s.empty:
        return np.zeros(0, dtype=np.int64)
    s = s.where(s.notna(), "").astype(str).reset_index(drop=True)
    cpl = _chars_per_line(width, font_pt)
    lines = np.maximum(1, np.ceil(s.str.len().to_numpy(dtype=float) / cpl)).astype(np.int64)
    several = s.str.contains("\n", regex=False).to_numpy(dtype=bool)
    if several.any():  # rare: each line of those texts wraps on its own
        parts = s[several].str.split("\n").explode()
        per_part = np.maximum(1, np.ceil(parts.str.len().to_numpy(dtype=float) / cpl))
        sums = pd.Series(per_part, index=parts.index).groupby(level=0).sum()
        lines[sums.index.to_numpy()] = sums.to_numpy(dtype=np.int64)
    return lines


def _height(lines: Any, font_pt: float) -> Any:
    return np.maximum(DEFAULT_ROW_PT, lines * line_height(font_pt) + 2.25)


def row_heights(
    columns: Sequence[Sequence[Any] | pd.Series],
    widths: Sequence[float],
    font_pt: float = BODY_PT,
) -> Any:
    """The height (points, a float array) each row needs so that the longest of its wrapped
    cells shows whole: ``columns[j]`` holds the texts of column ``j`` (one per row), of width
    ``widths[j]``. Never below Excel's default row height."""
    if not columns:
        return np.zeros(0)
    lines = np.max(
        np.vstack([wrapped_lines(c, w, font_pt) for c, w in zip(columns, widths, strict=True)]),
        axis=0,
    )
    return _height(lines, font_pt)


def row_height(texts: Sequence[Any], widths: Sequence[float], font_pt: float = BODY_PT) -> float:
    """The height (points) one row needs so that each of ``texts`` (in columns of
    ``widths``) shows whole when wrapped: :func:`row_heights` for a single row, without
    building frames (a report asks it for many single lines).

    >>> row_height(["ngắn"], [10]) == DEFAULT_ROW_PT
    True
    >>> row_height(["một câu dài " * 10], [10]) > 4 * line_height()
    True
    """
    most = 1
    for text, width in zip(texts, widths, strict=True):
        cpl = _chars_per_line(width, font_pt)
        parts = ("" if _blank(text) else str(text)).split("\n")
        most = max(most, sum(max(1, math.ceil(len(p) / cpl)) for p in parts))
    return float(_height(most, font_pt))


def set_row_heights(
    ws: Any,
    first_row: int,
    columns: Sequence[Sequence[Any] | pd.Series],
    widths: Sequence[float],
    font_pt: float = BODY_PT,
) -> None:
    """Give rows ``first_row``... of ``ws`` the heights :func:`row_heights` estimates; rows
    that one line fits keep the default height."""
    for i, h in enumerate(row_heights(columns, widths, font_pt).tolist()):
        if h > DEFAULT_ROW_PT:
            ws.set_row(first_row + i, h)


def _header_text(text: str, room: int) -> str:
    text = " ".join(text.split()).replace("&", "&&")
    return text if len(text) <= room else text[: room - 1].rstrip("&") + "…"


def setup_print(
    ws: Any,
    *,
    title: str,
    header_row: int | None,
    lang: str = "vi",
    detail: str = "",
    landscape: bool = True,
    fit_columns: bool = True,
    area: tuple[int, int] | None = None,
) -> None:
    """Set up an xlsxwriter worksheet ``ws`` for printing on A4.

    Landscape unless ``landscape`` is false, fitted to one page wide (as many pages tall as
    it takes) when ``fit_columns``, centred, row ``header_row`` (0-based; None for none)
    repeated at the top of every page, no gridlines on paper or screen (tables have borders),
    ``title`` on the left of the page header and ``detail`` on its right, the page number and
    count in the footer ("Trang 1/3"). ``area`` (last row, last column, 0-based) limits what
    prints to the columns a reader needs on paper; columns after it stay on screen.
    """
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_paper(A4)
    if fit_columns:
        ws.fit_to_pages(1, 0)
    if header_row is not None and header_row >= 0:
        ws.repeat_rows(header_row)
    if area is not None:
        ws.print_area(0, 0, max(0, area[0]), max(0, area[1]))
    ws.set_margins(left=MARGIN_SIDE, right=MARGIN_SIDE, top=MARGIN_TOP, bottom=MARGIN_BOTTOM)
    ws.center_horizontally()
    right = _header_text(detail, 60)
    left = _header_text(title, _HEADER_MAX - len(right) - 20)
    ws.set_header(f"&L&9{left}&R&9{right}" if right else f"&L&9{left}", {"margin": MARGIN_HEADER})
    ws.set_footer(f"&C&9{label('page', lang)}", {"margin": MARGIN_HEADER})
    ws.hide_gridlines(2)


def write_sections(ws: Any, row: int, sections: Sequence[Any], formats: Sequence[Any]) -> int:
    """Write titled tables (report sections: ``title``, ``note``, a ``table`` frame) one
    under another on the worksheet ``ws`` from ``row``, with ``formats`` (title, note,
    header, cell): each its title, its note, its header row and its rows as text (never a
    formula), a blank row between two. The row after the last.

    >>> import io, xlsxwriter, pandas as pd, types
    >>> wb = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    >>> s = types.SimpleNamespace(title="Not read", note="", table=pd.DataFrame({"File": ["a"]}))
    >>> write_sections(wb.add_worksheet(), 0, [s, s], [None] * 4)
    7
    >>> wb.close()
    """
    title, note, head, cell = formats
    for n, section in enumerate(sections):
        row += int(n > 0)
        ws.write_string(row, 0, section.title, title)
        row += 1
        if section.note:
            ws.write_string(row, 0, section.note, note)
            row += 1
        for i, col in enumerate(section.table.columns):
            ws.write_string(row, i, str(col), head)
        row += 1
        for line in section.table.itertuples(index=False):
            for i, v in enumerate(line):
                ws.write_string(row, i, "" if v is None else str(v), cell)
            row += 1
    return row
