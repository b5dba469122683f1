"""The workbooks on paper: A4 landscape, header rows repeated, no gridlines, the commune and
page numbers in the page header and footer, rows tall enough for their wrapped text, a
summary that prints at a readable size and progress bars that never show an unmet target
green. Through the real command (``cadre evaluate``, ``cadre plan``), opened with openpyxl.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builders import three_communes
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils import range_boundaries

import cadre_core as cc
from cadre_core.reports import write_xlsx
from cadre_core.vocab._labels import label
from cadre_core.vocab._print import (
    DEFAULT_ROW_PT,
    line_height,
    row_height,
    row_heights,
    setup_print,
    wrapped_lines,
)

CADRE = str(Path(sys.executable).with_name("cadre"))
SAMPLE = Path(__file__).parents[1] / "src" / "cadre_core" / "data" / "sample_commune"
AS_OF = "2026-12-31"
COMMUNE = "Xã Mường Than"
#: A4 landscape between 0.4 inch side margins, in points
PRINTABLE_PT = (11.69 - 2 * 0.4) * 72
#: the smallest font a meeting reads on paper, and the report's cell font
MIN_PRINTED_PT, CELL_PT = 9.0, 10.0

pytestmark = pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")


def _cadre(*args: str) -> None:
    res = subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("xlsx") / "r.xlsx"
    _cadre("evaluate", str(SAMPLE), "--as-of", AS_OF, "--format", "xlsx", "-o", str(out))
    return openpyxl.load_workbook(out)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("xlsx") / "plan.xlsx"
    _cadre("plan", str(SAMPLE), "--as-of", AS_OF, "--format", "xlsx", "-o", str(out))
    return openpyxl.load_workbook(out)


def _visible(wb: Any) -> list[Any]:
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]


def _width(ws: Any, col: int) -> float:
    """The width of column ``col`` (openpyxl keeps adjacent equal widths as one range)."""
    for dim in ws.column_dimensions.values():
        if dim.customWidth and dim.min <= col <= dim.max:
            return float(dim.width)
    return 8.43


def _width_pt(stored: float) -> float:
    """Points of a column on paper at 100 %: the width a file stores counts the column's
    padding already, in digits of 7 px at 96 dpi."""
    return round(stored * 7) * 0.75


def _header_row(ws: Any, first: str) -> int:
    for row in ws.iter_rows(min_row=1, max_row=15):
        if row[0].value == first:
            return int(row[0].row)
    raise AssertionError(f"no header {first!r} in {ws.title}")


# ------------------------------------------------------------------ the estimator


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.text(min_size=1, max_size=60), st.floats(6, 80))
def test_row_height_grows_with_the_text_and_never_under_one_line(
    text: str, more: str, width: float
) -> None:
    short, long = row_height([text], [width]), row_height([text + more], [width])
    assert long >= short >= max(DEFAULT_ROW_PT, line_height())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=300), min_size=1, max_size=20), st.floats(6, 80))
def test_row_heights_of_a_column_are_the_heights_of_each_row(
    texts: list[str], width: float
) -> None:
    """The vectorised estimate is the one-row estimate, row by row."""
    column = row_heights([texts], [width]).tolist()
    assert column == [row_height([t], [width]) for t in texts]
    assert wrapped_lines(texts, width).min() >= 1


def test_a_row_is_as_tall_as_its_longest_cell() -> None:
    words = "cán bộ chưa có bằng chuyên môn phù hợp vị trí việc làm " * 6
    one = row_height([words], [20])
    assert row_height(["ngắn", words, "x"], [10, 20, 40]) == one
    assert one >= 6 * line_height()  # 330 characters in a column of 20 take many lines
    # a new line starts a new line
    assert row_height(["a\nb\nc"], [40]) >= 3 * line_height()


# ------------------------------------------------------------------ page setup


def test_page_header_is_escaped_and_never_too_long(tmp_path: Path) -> None:
    """Excel refuses a page header over 255 characters; ``&`` is a code there, not text."""
    import xlsxwriter

    path = tmp_path / "h.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("a")
    ws.write_string(0, 0, "x")
    many = ", ".join(f"Xã Số {i} & Co" for i in range(60))
    setup_print(ws, title=many, header_row=0, lang="en", detail="As of 31/12/2026")
    wb.close()
    ws = openpyxl.load_workbook(path)["a"]
    left, right = ws.oddHeader.left.text or "", ws.oddHeader.right.text or ""
    assert len(left) + len(right) < 255
    assert left.startswith("Xã Số 0 && Co") and left.endswith("…")
    assert right == "As of 31/12/2026"
    assert ws.oddFooter.center.text == label("page", "en")
    assert ws.print_title_rows == "$1:$1"


def _check_page(ws: Any, title_words: str) -> None:
    where = f"sheet {ws.title!r}"
    assert ws.page_setup.orientation == "landscape", where
    assert int(ws.page_setup.paperSize) == 9, where  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage, where
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0, where
    assert not ws.print_options.gridLines, where
    assert ws.sheet_view.showGridLines is False, where
    assert ws.print_options.horizontalCentered, where
    header = ws.oddHeader.left.text or ""
    assert title_words in header, (where, header)
    footer = ws.oddFooter.center.text or ""
    assert "&P" in footer and "&N" in footer and "Trang" in footer, (where, footer)


def test_every_report_sheet_prints_a4_landscape_with_commune_and_page_numbers(
    report: Any,
) -> None:
    for ws in _visible(report):
        _check_page(ws, COMMUNE)
        assert "31/12/2026" in (ws.oddHeader.right.text or ""), ws.title
        assert ws.print_title_rows, ws.title  # the table's header on every page


def test_report_tables_repeat_their_own_header_row(report: Any) -> None:
    h = _header_row(report["Tổng hợp"], "Mã chỉ tiêu")
    assert report["Tổng hợp"].print_title_rows == f"${h}:${h}"
    assert report["Tổng hợp"].freeze_panes.endswith(str(h + 1))
    ws = report["nq05.2c"]
    h = _header_row(ws, "STT")
    assert ws.print_title_rows == f"${h}:${h}"


def test_every_plan_sheet_has_title_commune_and_prints_landscape(plan: Any) -> None:
    title = label("plan_title_to", "vi").format(horizon=2030)
    for ws in _visible(plan):
        _check_page(ws, COMMUNE)
        assert ws["A1"].value == f"{title} — {COMMUNE}", ws.title
        h = _header_row(ws, "Xã")
        assert ws.print_title_rows == f"${h}:${h}", ws.title
        assert ws.freeze_panes == f"A{h + 1}", ws.title
        assert ws.cell(h + 1, 1).value == COMMUNE, ws.title


# ------------------------------------------------------------------ wrapped text


def _merged_widths(ws: Any) -> dict[tuple[int, int], float]:
    out = {}
    for rng in ws.merged_cells.ranges:
        c1, r1, c2, _r2 = range_boundaries(str(rng))
        out[(r1, c1)] = sum(_width(ws, c) for c in range(c1, c2 + 1))
    return out


def _check_row_heights(ws: Any) -> int:
    """Every row with wrapped text is at least as tall as the estimate for its cells."""
    merged = _merged_widths(ws)
    checked = 0
    for row in ws.iter_rows():
        texts, widths = [], []
        for cell in row:
            if cell.value is None or not cell.alignment.wrap_text:
                continue
            texts.append(str(cell.value))
            widths.append(merged.get((cell.row, cell.column), _width(ws, cell.column)))
        if not texts:
            continue
        need = row_height(texts, widths, CELL_PT)
        height = ws.row_dimensions[row[0].row].height or DEFAULT_ROW_PT
        assert height >= need, (ws.title, row[0].row, height, need, texts)
        checked += need > DEFAULT_ROW_PT
    return checked


def test_wrapped_text_never_spills_over_the_next_row(report: Any, plan: Any) -> None:
    tall = sum(_check_row_heights(ws) for ws in [*_visible(report), *_visible(plan)])
    assert tall > 20  # many rows of the sample need more than one line


def test_long_notes_of_a_target_sheet_wrap_across_the_table(report: Any) -> None:
    ws = report["nq05.2a"]
    source = next(c for c in ws["A"] if str(c.value or "").startswith("Căn cứ:"))
    assert source.alignment.wrap_text
    assert any(str(r).startswith(source.coordinate) for r in ws.merged_cells.ranges)
    assert ws.row_dimensions[source.row].height >= 3 * line_height()


# ------------------------------------------------------------------ the summary on paper


def _printed_columns(ws: Any) -> tuple[int, int]:
    """First and last column of the summary's print area."""
    area = ws.print_area
    area = area[0] if isinstance(area, list) else area
    c1, _r1, c2, _r2 = range_boundaries(area.split("!")[-1].replace("$", ""))
    return c1, c2


def _check_summary_prints_readable(ws: Any) -> list[str]:
    c1, c2 = _printed_columns(ws)
    total = sum(_width_pt(_width(ws, c)) for c in range(c1, c2 + 1))
    scale = min(1.0, PRINTABLE_PT / total)
    assert CELL_PT * scale >= MIN_PRINTED_PT, (total, scale)
    h = next(r for r in range(1, 15) if ws.cell(r, c1).fill.fgColor.rgb == "FF1F4E79")
    return [ws.cell(h, c).value for c in range(c1, c2 + 1)]


def test_summary_prints_the_meeting_columns_at_a_readable_size(report: Any) -> None:
    ws = report["Tổng hợp"]
    printed = _check_summary_prints_readable(ws)
    want = [
        "col_id",
        "col_target",
        "col_rule",
        "col_population",
        "col_satisfied",
        "col_required",
        "col_shortfall",
        "col_progress",
        "col_status",
        "col_deadline",
        "col_body",
    ]
    assert printed == [label(k, "vi") for k in want]
    # the details stay in the table, after the print area
    h = _header_row(ws, "Mã chỉ tiêu")
    header = [c.value for c in ws[h] if c.value is not None]
    assert {"Căn cứ", "Tỷ lệ đạt", "Mức cần đạt", "Quá hạn"} <= set(header[len(printed) :])


def test_summary_of_several_communes_prints_readable(tmp_path: Path) -> None:
    ev = cc.evaluate(three_communes(), AS_OF, plugins=["laichau"], findings=False)
    ws = openpyxl.load_workbook(write_xlsx(ev, tmp_path / "p.xlsx"))["Tổng hợp"]
    printed = _check_summary_prints_readable(ws)
    assert printed[:2] == ["Xã", "Mã chỉ tiêu"]
    assert all(c.commune in (ws.oddHeader.left.text or "") for c in ev.communes)


def test_progress_bars_are_coloured_by_status_and_explained(report: Any) -> None:
    ws = report["Tổng hợp"]
    h = _header_row(ws, "Mã chỉ tiêu")
    header = [c.value for c in ws[h]]
    progress = header.index("Tiến độ") + 1
    status = header.index("Trạng thái") + 1
    colours = {"FF81C784": "Đạt", "FFEF9A9A": "Chưa đạt", "FFBDBDBD": "Không áp dụng"}
    barred: dict[int, str] = {}
    for cf, rules in ws.conditional_formatting._cf_rules.items():
        for rule in rules:
            if rule.type != "dataBar":
                continue
            wanted = colours[rule.dataBar.color.rgb]
            for rng in str(cf.sqref).split():
                c1, r1, c2, r2 = range_boundaries(rng)
                assert c1 == c2 == progress
                for r in range(r1, r2 + 1):
                    assert ws.cell(r, status).value == wanted, (r, wanted)
                    barred[r] = wanted
    unmet = [r for r in range(h + 1, ws.max_row + 1) if ws.cell(r, status).value == "Chưa đạt"]
    assert unmet and all(barred[r] == "Chưa đạt" for r in unmet)
    assert "Đạt" in barred.values()
    legend = label("legend_progress", "vi")
    assert any(c.value == legend for c in ws["A"][:h])


def test_overdue_deadline_is_marked_on_paper(tmp_path: Path) -> None:
    """Overdue is after the print area: the printed deadline of an overdue target is red."""
    ev = cc.evaluate(cc.sample_roster(), "2031-06-30", plugins=["laichau"], findings=False)
    ws = openpyxl.load_workbook(write_xlsx(ev, tmp_path / "o.xlsx"))["Tổng hợp"]
    h = _header_row(ws, "Mã chỉ tiêu")
    header = [c.value for c in ws[h]]
    deadline, overdue = header.index("Thời hạn") + 1, header.index("Quá hạn") + 1
    rows = range(h + 1, ws.max_row + 1)
    late = [r for r in rows if ws.cell(r, overdue).value == "Có"]
    assert late
    for r in rows:
        red = ws.cell(r, deadline).font.color.rgb == "FFB71C1C"
        assert red == (r in late), r


def test_english_workbook_prints_english_page_words(tmp_path: Path) -> None:
    ev = cc.evaluate(cc.sample_roster(), AS_OF, plugins=["laichau"], findings=False)
    wb = openpyxl.load_workbook(write_xlsx(ev, tmp_path / "en.xlsx", lang="en"))
    ws = wb["Summary"]
    assert ws.oddFooter.center.text == "Page &P of &N"
    assert "As of 31/12/2026" in (ws.oddHeader.right.text or "")
    assert any(c.value == label("legend_progress", "en") for c in ws["A"][:10])
