"""What a file offices call a workbook really holds, from its first bytes.

Web systems that "export to Excel" often write no workbook at all: a web page holding a
table (an HTML ``<table>``, Excel's own "Web Page" format, a browser script's
``tableToExcel``), a "Single File Web Page" (MHTML: the page inside a MIME message),
Excel 2003's XML Spreadsheet, or tab-separated text, saved under the name
``danh-sach.xls``. Excel opens them all (after a warning), so a clerk cannot tell.
The reader looks at the bytes instead of the name: :func:`file_kind`.
"""

from __future__ import annotations

import codecs
import functools
import re
from pathlib import Path
from typing import Literal, TypeAlias

Kind: TypeAlias = Literal[
    "zip", "ole2", "rtf", "mhtml", "spreadsheetml", "html", "text", "other"
]  # fmt: skip
Source: TypeAlias = Literal["csv", "docx", "html", "mhtml", "spreadsheetml", "workbook"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
"""Names of workbooks (what one holds is told by its bytes: :func:`source_of`)."""
WORD_SUFFIXES = (".docx", ".doc", ".rtf")
"""Word documents: a ``.docx`` is read as a list; an older ``.doc`` and RTF are converted
to one by LibreOffice when the machine has it (:mod:`cadre_core.roster._office`), else
refused with how to save them as ``.docx``."""
HTML_SUFFIXES = (".html", ".htm")
"""Web pages, read as lists."""
MHTML_SUFFIXES = (".mht", ".mhtml")
"""Single-file web pages (a web page and its pictures in one MIME message, what Excel and
Word write with "Save as Web Page, single file"), read as the web page they hold."""
XML_SUFFIXES = (".xml",)
"""Excel 2003's XML Spreadsheet, read as a workbook."""
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
"""Lists kept as text: comma- or semicolon-separated (``.csv``), and what Excel writes with
"Save as Unicode Text" or "Text (Tab delimited)" (``.txt``, UTF-16 or a legacy code page)
and other systems as ``.tsv``: read by the one CSV reader, which finds the separator."""
LIST_SUFFIXES = (
    *WORKBOOK_SUFFIXES, *TEXT_SUFFIXES, *WORD_SUFFIXES, *HTML_SUFFIXES, *MHTML_SUFFIXES,
    *XML_SUFFIXES,
)  # fmt: skip
"""Names of the files a roster or a list may be kept in (a folder of communes' lists is
read for these; an ``.xml`` file there only when it is an XML Spreadsheet)."""

SNIFF_BYTES = 1 << 16
"""How much of a file is looked at to tell what it holds."""

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and Word 97 (.doc)
_SPREADSHEETML = re.compile(
    r"<(?:\w+:)?workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet"
)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|table|meta|tr|td|th)\b")
_HEADER = re.compile(rb"[!-9;-~]+:")  # a MIME header's name and colon
_FOLDED = re.compile(rb"[ \t]")  # a header continued on the next line
_MIME = re.compile(rb"(?im)^(?:mime-version:|content-type:[ \t]*multipart/)")


def is_mime(head: bytes) -> bool:
    """Whether ``head``, the first bytes of a file, begins a MIME message (a single-file
    web page): header lines only, up to the first blank line, and among them
    ``MIME-Version:`` or a ``Content-Type: multipart/...`` (after a byte-order mark or
    blank lines, as some systems write them).

    >>> is_mime(b"\\r\\nMIME-Version: 1.0\\r\\nContent-Type: multipart/related;\\r\\n\\tboundary=x")
    True
    >>> is_mime(b"STT,Ho ten\\nMIME-Version: 1.0\\n"), is_mime(b"Subject: hi\\n\\nbody")
    (False, False)
    """
    text = head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n")
    block = re.split(rb"\r?\n\r?\n", text, maxsplit=1)[0]
    lines = block.splitlines()
    if len(block) == len(text) and len(text) >= SNIFF_BYTES - 3:
        lines = lines[:-1]  # the head may end inside a header
    if not lines or not _HEADER.match(lines[0]):
        return False
    if not all(_HEADER.match(line) or _FOLDED.match(line) for line in lines):
        return False
    return _MIME.search(block) is not None


def _head(path: Path) -> bytes:
    """The first :data:`SNIFF_BYTES` of the file at ``path`` (b"" when unreadable), read
    once while the file keeps its size and time: the readers ask :func:`file_kind` of one
    file several times (is it a list, how to read it, are its dates serials)."""
    try:
        st = path.stat()
    except OSError:
        return b""
    return _head_of(str(path.resolve()), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _head_of(path: str, size: int, mtime_ns: int) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(SNIFF_BYTES)
    except OSError:
        return b""


# What offices hand over instead of a list, by the first bytes (never by the name): a
# PDF printed from the list, a scan or photo of it, the list inside a compressed archive
_FOREIGN: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(magic, re.DOTALL), key)
    for magic, key in (
        (rb"\A%PDF-", "pdf_file"),
        (rb"\A\xff\xd8\xff", "picture_file"),  # JPEG
        (rb"\A\x89PNG\r\n\x1a\n", "picture_file"),
        (rb"\AGIF8[79]a", "picture_file"),
        (rb"\A(?:II\*\x00|MM\x00\*)", "picture_file"),  # TIFF, as scanners write it
        (rb"\ARIFF....WEBP", "picture_file"),
        # a phone's photo: an ISO media file's first box (its size, then "ftyp" and brand)
        (rb"\A\x00\x00\x00[\x08-\xff]ftyp(?:heic|heix|mif1|msf1|avif)", "picture_file"),
        (rb"\ARar!\x1a\x07", "archive_file"),
        (rb"\A7z\xbc\xaf\x27\x1c", "archive_file"),
    )
)


def foreign_file(path: Path) -> str | None:
    """The problem key of a file that holds no list whatever its name, told by its first
    bytes: ``"pdf_file"`` (a PDF), ``"picture_file"`` (a JPEG, PNG, GIF, TIFF, WebP or
    HEIC picture: a scan or a photo), ``"archive_file"`` (RAR or 7-Zip), else None.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "danh-sach.xlsx"
    >>> _ = p.write_bytes(bytes.fromhex("ffd8ffe000104a464946"))
    >>> foreign_file(p)
    'picture_file'
    >>> _ = p.write_text("STT,Họ và tên\\n", encoding="utf-8")
    >>> foreign_file(p) is None
    True
    """
    head = _head(path)[:32]
    return next((key for magic, key in _FOREIGN if magic.match(head)), None)


def file_kind(path: Path, *, strict: bool = False) -> Kind:
    """What the file at ``path`` holds, whatever its name: a zip container (``.xlsx``,
    ``.ods``, ``.docx``), an OLE2 compound file (Excel 97-2003 ``.xls``, Word ``.doc``),
    an RTF document, Excel 2003's XML Spreadsheet, a web page with a table, other text,
    or something else (binary, empty, unreadable); a MIME message (a single-file web
    page, :func:`is_mime`) is ``"mhtml"``. ``strict``: a web page or an XML
    Spreadsheet must begin with its markup (text that only mentions a tag is text).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "ds.xls"
    >>> _ = p.write_text("<html><body><table><tr><td>Họ và tên</td></tr></table>")
    >>> file_kind(p)
    'html'
    >>> _ = p.write_text("STT\\tHọ và tên\\n1\\tLò Văn An\\n")
    >>> file_kind(p)
    'text'
    >>> _ = p.write_text("Ghi chú,<table> là thẻ của trang web\\n")
    >>> file_kind(p), file_kind(p, strict=True)
    ('html', 'text')
    """
    head = _head(path)
    if head.startswith(_ZIP):
        return "zip"
    if foreign_file(path) is not None:  # a PDF or a picture is no text, whatever it holds
        return "other"
    if head.startswith(_OLE2):
        return "ole2"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if is_mime(head):
        return "mhtml"
    if not head.strip():
        return "other"
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        text = head.decode("utf-16", errors="ignore")
    elif b"\0" in head:
        return "other"
    else:  # the markers are ASCII in UTF-8, Windows-1258 and Latin-1 alike
        text = head.decode("latin-1")
    lowered = text.lower()
    if strict and not lowered.lstrip("\ufeff \t\r\n").startswith("<"):
        return "text"
    if _SPREADSHEETML.search(lowered):
        return "spreadsheetml"
    if _HTML.search(lowered):
        return "html"
    return "text"


def tab_separated(path: Path) -> bool:
    """Whether the file at ``path`` begins with a line of tab-separated text (what Excel's
    "Unicode Text" and "Text (Tab delimited)" write): a folder of communes' lists takes a
    ``.txt`` file only then, leaving notes beside the lists alone.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "ds.txt"
    >>> _ = p.write_text("STT\\tHọ và tên\\n1\\tLò Văn An\\n", encoding="utf-16")
    >>> _ = p.with_name("doc-truoc.txt").write_text("Ghi chú: danh sách tháng 12\\n")
    >>> tab_separated(p), tab_separated(p.with_name("doc-truoc.txt"))
    (True, False)
    """
    head = _head(path)
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        text = head.decode("utf-16", errors="ignore")
    elif b"\0" in head:
        return False
    else:
        text = head.decode("latin-1")
    first = next((line for line in text.splitlines() if line.strip()), "")
    return "\t" in first


def folder_lists(folder: Path) -> list[Path]:
    """The files of ``folder`` that may be lists, sorted: named as one
    (:data:`LIST_SUFFIXES`), neither hidden nor an Office lock file (``~$...``), an
    ``.xml`` file only when it is an XML Spreadsheet and a ``.txt`` file only when it is
    tab-separated (a note beside the lists is none).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for name in ("xa-a.xlsx", "~$xa-a.xlsx", "ghi-chu.txt", "anh.jpg"):
    ...     _ = (d / name).write_text("Ghi chú")
    >>> [p.name for p in folder_lists(d)]
    ['xa-a.xlsx']
    """
    return [
        f
        for f in sorted(folder.iterdir())
        if f.is_file()
        and f.suffix.lower() in LIST_SUFFIXES
        and not f.name.startswith((".", "~$"))
        and (f.suffix.lower() not in XML_SUFFIXES or file_kind(f) == "spreadsheetml")
        and (f.suffix.lower() != ".txt" or tab_separated(f))
    ]


_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream of a locked OOXML file


def is_encrypted(path: Path) -> bool:
    """Whether the file at ``path`` is a workbook or a Word document locked by a password
    (Excel's and Word's "Encrypt with Password"): an OLE2 compound file holding an
    ``EncryptedPackage`` stream, its name found anywhere in the file (the compound file's
    directory may be at its end).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "khoa.xlsx"
    >>> _ = p.write_bytes(_OLE2 + bytes(600) + _ENCRYPTED)
    >>> is_encrypted(p), is_encrypted(p.with_name("none.xlsx"))
    (True, False)
    """
    try:
        with path.open("rb") as f:
            if f.read(len(_OLE2)) != _OLE2:
                return False
            tail = b""
            while block := f.read(1 << 20):
                if _ENCRYPTED in tail + block:
                    return True
                tail = block[-len(_ENCRYPTED) :]
    except OSError:
        return False
    return False


def source_of(path: Path) -> Source:
    """How the file at ``path`` is read: as CSV text, a Word document, a web page, an XML
    Spreadsheet or a workbook. A ``.csv`` is text and a ``.docx`` a document by their
    names; a file named as a workbook, a web page or an XML Spreadsheet is what its bytes
    say (a web page or tab-separated text saved as ``.xls`` is read as one).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "ds.xlsx"
    >>> _ = p.write_text("<table><tr><td>Họ và tên</td></tr></table>")
    >>> _ = p.with_suffix(".csv").write_text("Họ và tên,Ngày sinh\\n")
    >>> source_of(p), source_of(p.with_suffix(".csv"))
    ('html', 'csv')
    """
    suffix = path.suffix.lower()
    kind = file_kind(path, strict=suffix in TEXT_SUFFIXES)
    if suffix in TEXT_SUFFIXES:  # a workbook or a page saved under a text name is what it holds
        if kind in ("zip", "ole2"):
            return "workbook"
        return kind if kind in ("html", "mhtml", "spreadsheetml") else "csv"
    if suffix in WORD_SUFFIXES:  # Word's "Web Page" saved as .doc is a page
        return kind if kind in ("html", "mhtml") else "docx"
    if kind in ("html", "mhtml", "spreadsheetml"):
        return kind
    if suffix in HTML_SUFFIXES:
        return "html"  # the page reader says what is wrong with it
    if suffix in MHTML_SUFFIXES:
        return "mhtml"
    if kind == "text" and suffix in WORKBOOK_SUFFIXES:
        return "csv"
    return "workbook"


def named_as(path: Path) -> Source:
    """What the name of ``path`` says it is (:func:`source_of` says what it holds).

    >>> named_as(Path("ds.xls")), named_as(Path("ds.htm")), named_as(Path("ds.txt"))
    ('workbook', 'html', 'csv')
    """
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "csv"
    if suffix in WORD_SUFFIXES:
        return "docx"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MHTML_SUFFIXES:
        return "mhtml"
    if suffix in XML_SUFFIXES:
        return "spreadsheetml"
    return "workbook"


__all__ = [
    "HTML_SUFFIXES",
    "LIST_SUFFIXES",
    "MHTML_SUFFIXES",
    "SNIFF_BYTES",
    "TEXT_SUFFIXES",
    "WORD_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "XML_SUFFIXES",
    "Kind",
    "Source",
    "file_kind",
    "folder_lists",
    "foreign_file",
    "is_encrypted",
    "is_mime",
    "named_as",
    "source_of",
    "tab_separated",
]
