"""The PDF report: through the real command, read back as text with pdfium.

The sample commune's report must be a document to hand up at a meeting: A4 landscape, at
most 8 pages, page 1 the summary of every target, Vietnamese text with its diacritics,
the figures of the evaluation, fonts embedded.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cadre_core as cc

pdfium = pytest.importorskip("pypdfium2")
pdfium_c = pytest.importorskip("pypdfium2.raw")

CADRE = str(Path(sys.executable).with_name("cadre"))
SAMPLE = str(Path(cc.__file__).parent / "data" / "sample_commune")
AS_OF = "2026-12-31"
A4_LANDSCAPE = (841.89, 595.28)  # points


def run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [CADRE, *args], capture_output=True, text=True, timeout=300, **kw
    )


def _squeeze(text: str) -> str:
    """Text without whitespace: a line the PDF wrapped reads the same as one that fits."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "bao-cao.pdf"
    done = run("evaluate", SAMPLE, "--as-of", AS_OF, "--plugin", "laichau", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return out


@pytest.fixture(scope="module")
def evaluation() -> cc.Evaluation:
    return cc.evaluate(cc.read_roster(SAMPLE), AS_OF, plugins=["laichau"])


@pytest.fixture(scope="module")
def pages(report: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(report))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def test_the_suffix_gives_pdf(report: Path) -> None:
    assert report.read_bytes()[:5] == b"%PDF-"
    assert not list(report.parent.glob(".*.tmp"))  # written whole, no temporary left


def test_format_pdf_with_any_name(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao"
    done = run("evaluate", SAMPLE, "--as-of", AS_OF, "--format", "pdf", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:5] == b"%PDF-"


def test_pdf_clashing_with_the_suffix_is_refused(tmp_path: Path) -> None:
    done = run("evaluate", SAMPLE, "--format", "pdf", "-o", str(tmp_path / "r.html"))
    assert done.returncode == 2
    assert "--format pdf" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "r.html").exists()


def test_pdf_needs_an_output_file() -> None:
    done = run("evaluate", SAMPLE, "--format", "pdf")
    assert done.returncode == 2
    assert "--output" in done.stderr and "Traceback" not in done.stderr


def test_missing_system_libraries_say_what_to_install(tmp_path: Path) -> None:
    """WeasyPrint raises OSError at import when Pango cannot be loaded: exit 2 naming the
    packages, no traceback, no file."""
    fake = tmp_path / "site" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "raise OSError(\"cannot load library 'libpango-1.0-0': No such file\")\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.pdf"
    env = {**os.environ, "PYTHONPATH": str(fake.parent)}
    done = run("evaluate", SAMPLE, "--as-of", AS_OF, "-o", str(out), env=env)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "libpango-1.0-0" in done.stderr and "apt-get install" in done.stderr
    assert not out.exists()


def test_plan_as_a_pdf_to_sign(tmp_path: Path) -> None:
    """``cadre plan -o plan.pdf``: the plan's document on A4 landscape, with every line's
    cadre by name and the signature block, fonts embedded."""
    out = tmp_path / "plan.pdf"
    done = run("plan", SAMPLE, "--as-of", AS_OF, "-o", str(out))
    assert done.returncode == 0, done.stderr
    doc = pdfium.PdfDocument(str(out))
    try:
        width, height = doc[0].get_size()
        assert abs(width - A4_LANDSCAPE[0]) < 1 and abs(height - A4_LANDSCAPE[1]) < 1
        text = " ".join(
            " ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc))
        )
    finally:
        doc.close()
    assert "Xã Mường Than" in text and "NGƯỜI LẬP" in text and "THỦ TRƯỞNG CƠ QUAN" in text
    plan = json.loads(run("plan", SAMPLE, "--as-of", AS_OF, "--format", "json").stdout)
    for line in plan["lines"]:
        assert line["name"] in text, line["name"]
    fonts = _fonts(out)
    assert fonts and all(fonts.values()), fonts


def test_a4_landscape_at_most_8_pages(report: Path) -> None:
    doc = pdfium.PdfDocument(str(report))
    try:
        assert 1 <= len(doc) <= 8
        for i in range(len(doc)):
            width, height = doc[i].get_size()
            assert abs(width - A4_LANDSCAPE[0]) < 1 and abs(height - A4_LANDSCAPE[1]) < 1
    finally:
        doc.close()


def test_vietnamese_text_and_page_numbers(pages: list[str]) -> None:
    first = pages[0]
    assert "Xã Mường Than" in first
    assert "BÁO CÁO ĐÁNH GIÁ THỰC HIỆN CHỈ TIÊU" in first
    assert "Chưa đạt" in first and "Cơ quan chịu trách nhiệm" in first
    assert "Tính đến ngày 31/12/2026" in first  # the page's header
    # on paper it is an administrative document: the commune, the nation and its motto
    assert "XÃ MƯỜNG THAN" in first and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Độc lập - Tự do - Hạnh phúc" in first
    assert "Số: ......./BC-......." in first  # the document's number, to fill
    assert not any("CỘNG HÒA" in text for text in pages[1:])  # once, at the top
    for n, text in enumerate(pages, 1):
        assert f"Trang {n} / {len(pages)}" in text  # the page's footer
        assert "Xã Mường Than" in text  # the commune on every page
    whole = "\n".join(pages)
    assert "Phụ lục: Thông số áp dụng" in whole
    assert "Thông tin kiểm chứng" in whole  # the audit block is kept
    assert '"as_of"' not in whole  # the embedded evaluation is not printed


def test_signed_after_the_body_and_before_the_appendix(pages: list[str]) -> None:
    """On paper the report ends its body as an administrative document does: the
    recipients, who prepared it and the head of the agency, with room to sign; the
    appendix of parameters follows the signatures, the audit block precedes them."""
    whole = _squeeze("\n".join(pages))
    for words in ("Nơi nhận:", "NGƯỜI LẬP", "(Ký, ghi rõ họ tên)", "THỦ TRƯỞNG CƠ QUAN"):
        assert whole.count(_squeeze(words)) == 1, words
    sign = whole.index("NGƯỜILẬP")
    assert whole.index("Thôngtinkiểmchứng") < sign < whole.index("Phụlục:Thôngsốápdụng")


def test_the_appendix_names_each_source_once(pages: list[str]) -> None:
    """Parameters grouped by the plugin their values come from: the source is said once
    per group, not after every value; no English description reaches the page."""
    appendix = " ".join(_squeeze("\n".join(pages)).split("Phụlục:Thôngsốápdụng")[1:])
    assert appendix.count("Nguồn:pluginlaichau") == 1
    assert appendix.count("Nguồn:plugincadre") == 1
    assert "(plugincadre)" not in appendix and "(pluginlaichau)" not in appendix
    assert "Namesof" not in appendix and "Têncácloạitrangthiếtbị" in appendix


def test_page_one_is_the_summary_with_the_figures(
    pages: list[str], evaluation: cc.Evaluation
) -> None:
    first = _squeeze(pages[0])
    for t in evaluation.communes[0].targets:
        assert _squeeze(t.id) in first
        assert _squeeze(t.title.vi) in first
        caption = f"{t.satisfied}/{t.population} đạt · cần {t.required}"
        assert _squeeze(caption) in first, caption
    not_met = [t for t in evaluation.communes[0].targets if t.status == "not_met"]
    assert not_met
    # the member lists start after page 1
    assert "Chi tiết từng chỉ tiêu" not in pages[0]
    assert "Chi tiết từng chỉ tiêu" in pages[1]


def test_only_unmet_targets_list_their_members(pages: list[str], evaluation: cc.Evaluation) -> None:
    body = _squeeze("\n".join(pages[1:]))
    names = evaluation.features.cadres["full_name"]
    for t in evaluation.communes[0].targets:
        if t.status == "not_met" and t.rule.op != "any" and t.unit == "cadres":
            for member in t.failing:
                assert _squeeze(str(names[member])) in body


def _fonts(path: Path) -> dict[str, bool]:
    """Every font the PDF's text uses -> whether it is embedded."""
    doc = pdfium.PdfDocument(str(path))
    fonts: dict[str, bool] = {}
    try:
        for i in range(len(doc)):
            for obj in doc[i].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
                font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
                size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
                buf = ctypes.create_string_buffer(size)
                pdfium_c.FPDFFont_GetBaseFontName(font, buf, size)
                fonts[buf.value.decode()] = bool(pdfium_c.FPDFFont_GetIsEmbedded(font))
    finally:
        doc.close()
    return fonts


def test_fonts_are_embedded(report: Path) -> None:
    fonts = _fonts(report)
    assert fonts and all(fonts.values()), fonts


def test_write_pdf_in_python_matches_the_evaluation(tmp_path: Path) -> None:
    from cadre_core.reports import write_pdf

    ev = cc.evaluate(cc.sample_roster(), AS_OF, plugins=["laichau"], findings=False)
    out = write_pdf(ev, tmp_path / "r.pdf", lang="en")
    doc = pdfium.PdfDocument(str(out))
    try:
        text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    assert "Where each target stands" in text and "Page 1 /" in text
    assert "Chưa đạt" not in text
