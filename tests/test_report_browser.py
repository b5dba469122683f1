"""The commune report in a real browser (the system Chromium, driven by Playwright) and
its PDF's first page rendered by pdfium: screenshots and layout facts.

Set ``CADRE_SCREENSHOT_DIR`` to keep the screenshots (default: pytest's tmp dir). The
browser is the Debian ``chromium`` that ``.ci/run`` installs; no browser is downloaded.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import CHROMIUM

import cadre_core as cc

CADRE = str(Path(sys.executable).with_name("cadre"))
SAMPLE = str(Path(cc.__file__).parent / "data" / "sample_commune")
AS_OF = "2026-12-31"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian 'chromium') missing"),
]


def _shots(tmp_path: Path) -> Path:
    out = Path(os.environ.get("CADRE_SCREENSHOT_DIR", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample commune's report as HTML and PDF, written by the real command."""
    folder = tmp_path_factory.mktemp("report")
    paths = {"html": folder / "bao-cao.html", "pdf": folder / "bao-cao.pdf"}
    for path in paths.values():
        done = subprocess.run(
            [CADRE, "evaluate", SAMPLE, "--as-of", AS_OF, "--plugin", "laichau", "-o", str(path)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
    return paths


_OUTSIDE = """() => {
  const out = [];
  for (const row of document.querySelectorAll('table.summary tr.target-row')) {
    for (const cell of row.querySelectorAll('td.status, td.shortfall, td.body')) {
      const r = cell.getBoundingClientRect();
      if (r.left < 0 || r.right > window.innerWidth + 0.5 || r.width === 0) {
        out.push(row.dataset.targetId + ' ' + cell.className);
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [1366, 390])
def test_commune_report_fits_the_screen(
    width: int, browser: Any, outputs: dict[str, Path], tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(outputs["html"].resolve().as_uri())
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"horizontal scroll at {width}px: {scroll} > {inner}"
        # status, shortfall and body of every target are on screen, not off to the right
        assert page.evaluate(_OUTSIDE) == []
        ids = page.evaluate(
            "[...document.querySelectorAll('table.summary tr.target-row')]"
            ".map(r => r.dataset.targetId)"
        )
        ev = cc.evaluate(cc.read_roster(SAMPLE), AS_OF, plugins=["laichau"], findings=False)
        assert ids == [t.id for t in ev.communes[0].targets]
        if width == 390:  # the summary is stacked: each cell carries its column's name
            label = page.evaluate(
                "getComputedStyle(document.querySelector('table.summary td.status'),"
                " '::before').content"
            )
            assert "Trạng thái" in label
        shot = _shots(tmp_path) / f"report-commune-{width}.png"
        page.screenshot(path=str(shot), full_page=False)
        assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
    finally:
        page.close()


def test_pdf_first_page_holds_the_summary(outputs: dict[str, Path], tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(outputs["pdf"]))
    try:
        assert len(doc) <= 8
        first = doc[0]
        text = re.sub(r"\s+", "", first.get_textpage().get_text_range())
        image = first.render(scale=1.5).to_pil()
        shot = _shots(tmp_path) / "report-commune-pdf-page1.png"
        image.save(shot)
        assert image.width > image.height  # landscape
    finally:
        doc.close()
    ev = cc.evaluate(cc.read_roster(SAMPLE), AS_OF, plugins=["laichau"], findings=False)
    for t in ev.communes[0].targets:
        assert re.sub(r"\s+", "", t.id) in text
        assert re.sub(r"\s+", "", t.title.vi) in text
    assert shot.stat().st_size > 50_000
