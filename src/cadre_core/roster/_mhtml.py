"""A list kept in a "Single File Web Page" (MHTML, ``.mht``/``.mhtml``): what Excel and
Word write with "Save as Web Page, single file", what browsers save as "Web page,
single file", and what some systems export under the name ``danh-sach.xls`` or ``.doc``.

Such a file is a MIME message (``MIME-Version:``, ``Content-Type: multipart/related``),
whose parts are the page and its pictures and styles. The page is the part the message's
``start`` parameter names, else its first ``text/html`` part; its transfer encoding
(quoted-printable, base64) is undone by the standard library's :mod:`email` package, and
its bytes are read as a web page saved as ``.html`` is
(:func:`~cadre_core.roster._html.page_grids`), the ``charset`` of the part first. The
file's size is measured before it is parsed, as a page's is.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

from cadre_core.roster._grid import Grid
from cadre_core.roster._html import (
    Fetch,
    page_bytes,
    page_grids,
    sheet_grids,
    worksheet_sources,
)
from cadre_core.roster._problems import Problem, problem


class NoPage(ValueError):
    """A MIME message that holds no web page (the sentence says why)."""


def _id(value: object) -> str:
    """A ``Content-ID`` or ``start`` without its angle brackets and spaces."""
    return str(value or "").strip().strip("<>").strip()


def _message(data: bytes) -> Any:
    """The MIME message of ``data`` (after a byte-order mark and blank lines)."""
    import email
    import email.policy

    return email.message_from_bytes(
        data.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n"), policy=email.policy.default
    )


def root_page(data: bytes) -> tuple[bytes, str | None]:
    """The web page the MIME message ``data`` holds, as bytes, and the charset its part
    names (None when it names none). Raises ``ValueError`` saying why when the message
    holds no web page (:class:`NoPage`).

    >>> page = (b"MIME-Version: 1.0\\nContent-Type: multipart/related; boundary=b\\n\\n"
    ...         b"--b\\nContent-Type: text/html; charset=utf-8\\n"
    ...         b"Content-Transfer-Encoding: quoted-printable\\n\\n"
    ...         b"<table><tr><td>L=C3=B2 V=C4=83n An</td></tr></table>\\n--b--\\n")
    >>> html, charset = root_page(page)
    >>> html.decode(charset), charset
    ('<table><tr><td>Lò Văn An</td></tr></table>', 'utf-8')
    """
    return _root(_message(data))


def _root(message: Any) -> tuple[bytes, str | None]:
    parts = [p for p in message.walk() if not p.is_multipart()]
    start = _id(message.get_param("start", header="content-type"))
    pages = [p for p in parts if p.get_content_type() == "text/html"]
    named = [
        p for p in pages if start and start in (_id(p["content-id"]), _id(p["content-location"]))
    ]
    if not (named or pages):
        if message.get_content_maintype() == "multipart" and not message.is_multipart():
            raise NoPage("its parts could not be found (a damaged MIME message)")
        raise NoPage("it holds no web page (no text/html part)")
    root = (named or pages)[0]
    payload = root.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise NoPage("its web page is empty")
    return payload, root.get_content_charset()


def _location(value: object) -> str:
    """A part's ``Content-Location`` or a link, as a comparable path: decoded, forward
    slashes, no scheme, no case (``file:///C:/X/Book_files/sheet001.htm``)."""
    from urllib.parse import unquote

    return unquote(str(value or "")).replace("\\", "/").casefold().strip()


def _parts(message: Any) -> Fetch:
    """The parts of ``message`` a frameset's links name: the part whose location ends
    with the link (a frameset links to ``Book_files/sheet001.htm``, its part is
    ``file:///C:/X/Book_files/sheet001.htm``)."""
    located = [
        (_location(p["content-location"]), p)
        for p in message.walk()
        if not p.is_multipart() and p["content-location"]
    ]

    def fetch(link: str) -> tuple[bytes, str | None] | None:
        want = _location(link).lstrip("./")
        for where, part in located:
            if where == want or where.endswith("/" + want):
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    return payload, part.get_content_charset()
        return None

    return fetch


def mhtml_grids(path: Path) -> tuple[list[Grid], list[Problem]]:
    """The tables of the single-file web page at ``path`` that are lists, as the grids
    of a list's sheets ("Bảng 1", ...), with the problems of reading it: those of the
    page it holds (:func:`~cadre_core.roster._html.page_grids`), a file too large, or
    a message that holds no page."""
    name = path.name
    data, problems = page_bytes(path, "not_mhtml_list", "reason")
    if data is None:
        return [], problems
    try:
        message = _message(data)
        page, charset = _root(message)
        sources = worksheet_sources(page, charset)
        if sources:  # Excel's page of a workbook of several sheets: each sheet is a part
            return sheet_grids(name, sources, _parts(message))
    except Exception as exc:  # the email package raises several types for a damaged one
        why = str(exc) if isinstance(exc, NoPage) else type(exc).__name__
        return [], [problem(name, None, None, None, None, "not_mhtml_list", reason=why)]
    return page_grids(name, page, charset)


__all__ = ["NoPage", "mhtml_grids", "root_page"]
