"""The one way an HTML document becomes a PDF file: WeasyPrint, whole or not at all.

The HTML carries its own print stylesheet (``@page`` size, margin boxes with the page
number); WeasyPrint lays it out with Pango and embeds the fonts it used (subsets), so the
PDF reads the same on any machine. The font stack of the reports names DejaVu Sans and
Noto Sans, both of which carry every Vietnamese letter.

WeasyPrint is imported only when a PDF is asked for: it loads system libraries (Pango,
HarfBuzz, fontconfig) when imported, and a machine without them can still write every
other output. When they are missing, :class:`PdfUnavailable` says what to install.
"""

from __future__ import annotations

import io
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from cadre_core.vocab._files import write_atomic
from cadre_core.vocab._told import told_error

#: what a machine needs for PDF output (Debian/Ubuntu package names)
SYSTEM_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core")


class PdfUnavailable(RuntimeError):
    """WeasyPrint, or the system libraries it loads, cannot be used on this machine."""


def _weasyprint() -> Any:
    """The ``weasyprint`` module, or :class:`PdfUnavailable` with what to install."""
    try:
        import weasyprint
    except ImportError as exc:
        raise told_error(PdfUnavailable, "pdf_no_package", reason=exc) from None
    except OSError as exc:  # cffi could not open Pango/GObject
        packages = " ".join(SYSTEM_PACKAGES)
        raise told_error(PdfUnavailable, "pdf_no_pango", reason=exc, packages=packages) from None
    return weasyprint


def pdf_bytes(html: str) -> bytes:
    """The PDF of the self-contained ``html`` document (no URL is fetched: a document
    that names one gets nothing from it).

    >>> pdf_bytes("<p>Xã Mường Than</p>")[:5]
    b'%PDF-'
    """
    weasyprint = _weasyprint()

    def no_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"the report fetches nothing ({url})")

    document = weasyprint.HTML(string=html, url_fetcher=no_fetch)
    data = document.write_pdf()
    assert isinstance(data, bytes)
    return data


def pdfs(htmls: Sequence[str], workers: int = 1) -> Iterator[bytes]:
    """The PDF of each of ``htmls``, in order, laid out by ``workers`` processes at once
    (forkserver, each holding one document at a time; one: here, one after the other).
    Without Pango, :class:`PdfUnavailable` is raised here before any process starts.

    >>> [p[:5] for p in pdfs(["<p>Một</p>", "<p>Hai</p>"])]
    [b'%PDF-', b'%PDF-']
    """
    if workers <= 1 or len(htmls) < 2:
        for html in htmls:
            yield pdf_bytes(html)
        return
    _weasyprint()
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(min(workers, len(htmls)), mp_context=context)
    try:
        futures = [pool.submit(pdf_bytes, html) for html in htmls]
        for future in futures:
            yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def joined_pdf(parts: Iterable[bytes]) -> bytes:
    """One PDF of the pages of ``parts`` (PDF files' bytes), in order: each document
    WeasyPrint laid out on its own (its page numbers its own), so that no more than one is
    held laid out in memory. pdfium copies each page with the fonts it uses.

    >>> one = pdf_bytes("<p>Một</p>")
    >>> joined_pdf([one, pdf_bytes("<p>Hai</p>")])[:5]
    b'%PDF-'
    """
    import pypdfium2

    out = pypdfium2.PdfDocument.new()
    try:
        for data in parts:
            part = pypdfium2.PdfDocument(data)
            try:
                out.import_pages(part)
            finally:
                part.close()
        buffer = io.BytesIO()
        out.save(buffer)
    finally:
        out.close()
    return buffer.getvalue()


def write_pdf_atomic(path: str | Path, html: str) -> Path:
    """Write the PDF of ``html`` to ``path`` whole or not at all (the document is laid
    out first, then written next to ``path`` and renamed onto it) and return the path."""
    return write_atomic(path, pdf_bytes(html))
