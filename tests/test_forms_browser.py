"""The forms' page (``cadre forms -o bieu.html``) in a real browser (the system Chromium,
driven by Playwright): the headings' geometry a printed form needs.

A turned heading is a box rotated inside its cell; a browser lays the box out before it
turns it, so what matters is where it lands: inside its own cell, reading upwards, never
over a neighbour. The browser is the Debian ``chromium`` that ``.ci/run`` installs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import CHROMIUM
from test_forms_cli import SAMPLE, run

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian 'chromium') missing"),
]


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("forms") / "bieu-mau.html"
    done: subprocess.CompletedProcess[str] = run(
        str(SAMPLE), "--as-of", "2026-12-31", "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    return out


_TURNED = """() => [...document.querySelectorAll('th.turned')].map(th => {
  const cell = th.getBoundingClientRect();
  const text = th.querySelector('.turn > div').getBoundingClientRect();
  const form = th.closest('section.form').id;
  return {form, label: th.textContent.trim(), cell: [cell.left, cell.top, cell.right, cell.bottom],
          text: [text.left, text.top, text.right, text.bottom]};
})"""

_GRID = """() => [...document.querySelectorAll('section.form table')].map(t => {
  const width = [...t.querySelectorAll('colgroup col')].length;
  const numbers = t.querySelector('tr.num').children.length;
  const rows = [...t.querySelectorAll('tbody tr')].map(r =>
    [...r.children].reduce((n, c) => n + (c.colSpan || 1), 0));
  return {width, numbers, rows: [...new Set(rows)]};
})"""


def test_turned_headings_land_inside_their_cells(browser: Any, page_file: Path) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    try:
        page.emulate_media(media="print")
        page.goto(page_file.resolve().as_uri())
        turned = page.evaluate(_TURNED)
        forms = {t["form"] for t in turned}
        assert len(forms) == 2  # BM02/BNV and 02/CL.CBCCX turn their narrow headings
        labels = {t["label"] for t in turned}
        assert {"Đảng viên", "Chưa qua đào tạo", "Trung cấp"} <= labels
        for t in turned:
            (cl, ct, cr, cb), (xl, xt, xr, xb) = t["cell"], t["text"]
            assert xl >= cl - 1 and xr <= cr + 1, t  # within its column
            assert xt >= ct - 1 and xb <= cb + 1, t  # within its heading rows
            assert xb - xt > xr - xl, t  # turned: taller than wide
    finally:
        page.close()


def test_every_row_spans_the_grid_in_the_browser(browser: Any, page_file: Path) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    try:
        page.goto(page_file.resolve().as_uri())
        for table in page.evaluate(_GRID):
            assert table["numbers"] == table["width"], table
            assert table["rows"] == [table["width"]], table
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"horizontal scroll: {scroll} > {inner}"
    finally:
        page.close()
