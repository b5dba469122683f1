"""The text of a CSV file as offices save it: its encoding and its delimiter.

Excel saves CSV in several ways besides "CSV UTF-8": "Unicode Text" (UTF-16 with a
byte-order mark, tab-separated), "CSV" on a Vietnamese Windows (code page 1258) and, on
some locales, with semicolons. :func:`csv_text` tells which, for the roster's folder
tables (:mod:`cadre_core.roster._reader`) and for one-row-per-person lists
(:mod:`cadre_core.roster._flat`) alike.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import TextIO

import attrs
import pandas as pd

from cadre_core.roster._cell_errors import marked_text
from cadre_core.roster._grid import Grid
from cadre_core.roster._problems import Problem, problem

__all__ = ["CsvText", "csv_grid", "csv_text", "decode_text"]


@attrs.frozen
class CsvText:
    """A CSV file, the encoding it was written in, its delimiter and its text, read once
    (:func:`csv_text`)."""

    path: Path
    encoding: str  # "utf-8", "utf-16", "windows-1258" or "legacy" (TCVN3/VNI bytes)
    delimiter: str
    # the file's text, decoded once (Windows-1258: its separate tone marks composed, NFC)
    text: str = attrs.field(default="", repr=False, eq=False)

    def open(self) -> TextIO:
        """The file's text as a file to read (as often as needed: the disk is not read
        again)."""
        return io.StringIO(self.text, newline="")


_DELIMITERS = (",", ";", "\t")
# Excel saves a letter that Windows-1258 lacks (ậ, ỗ, ữ ...) as "?": "Đ? M?nh C??ng"
_LOST = re.compile(r"\w\?|\?\w")


def csv_text(path: Path) -> CsvText:
    r"""A CSV file as Excel and real systems write it: UTF-8 (a BOM or not); UTF-16 with
    its BOM (Excel's "Unicode Text"); or, when it is not UTF-8, Windows-1258 (Excel's
    "CSV" saved on a Vietnamese Windows), unless a "?" stands in a word: Excel writes "?"
    for every letter the code page lacks (ậ, ỗ, ữ ...), so such a file has lost its names
    and is refused, as not UTF-8; so is one holding a NUL character, which no office's
    text has (UTF-16 saved without its byte-order mark, every other byte a NUL). The file
    is read once: its bytes tell the encoding, and its text, decoded once, the delimiter
    (from the first 30 lines, :func:`_delimiter`) and what :meth:`CsvText.open` gives.
    Bytes that none of these encodings reads raise UTF-8's ``UnicodeDecodeError``.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_bytes("Tên;Năm\nA;1980\n".encode("cp1258"))  # "ă" is one byte there
    >>> t = csv_text(p)
    >>> t.encoding, t.delimiter, t.open().readline()
    ('windows-1258', ';', 'Tên;Năm\n')
    """
    data = path.read_bytes()  # read once: the encoding, the delimiter and the text
    text, encoding = decode_text(data)
    return _with_delimiter(CsvText(path, encoding, ",", text))


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of ``data`` saved by an office (a CSV file, a web page saved as a workbook)
    and its encoding: ``"utf-16"`` (a byte-order mark), ``"utf-8"`` (a BOM or not), or
    ``"windows-1258"`` when it is not UTF-8 and no letter was lost as "?" (see
    :func:`csv_text`); else UTF-8's ``UnicodeDecodeError``, also for a NUL byte. Text
    typed in a legacy Vietnamese font (TCVN3 ".VnTime", VNI) is 8-bit too, but no
    Windows-1258: it is ``"legacy"``, read byte for byte (Latin-1), as the legacy fonts'
    converters read it (the list reader converts it:
    :func:`~cadre_core.roster._grid.unicode_grid`).

    >>> decode_text("Văn Tên".encode("cp1258"))  # "ă", "ê" are one byte there
    ('Văn Tên', 'windows-1258')
    >>> decode_text("Hä vµ tªn;Ngµy sinh\\nLª ThÞ Hoa;12/03/1975".encode("latin-1"))[1]
    'legacy'
    >>> decode_text(codecs.BOM_UTF8 + "Lò".encode())
    ('Lò', 'utf-8')
    """
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return data.decode("utf-16"), "utf-16"
    nul = data.find(b"\0")
    if nul >= 0:  # no office's text holds one: UTF-16 without its byte-order mark
        raise UnicodeDecodeError("utf-8", data, nul, nul + 1, "a NUL byte")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:  # where, for the sentence
        if _legacy_font(data):
            return data.decode("latin-1"), "legacy"
        try:
            text = data.decode("cp1258")
        except UnicodeDecodeError:
            raise exc from None
        if _LOST.search(text):  # letters the code page lacks, saved as "?": refused
            raise exc from None
        return unicodedata.normalize("NFC", text), "windows-1258"


def _legacy_font(data: bytes) -> bool:
    """Whether 8-bit ``data`` was typed in a legacy Vietnamese font (TCVN3, VNI), told by
    its cells' text read byte for byte
    (:func:`~cadre_core.vocab._vntext.detect_legacy_encoding`): Windows-1258 text read
    so is no Vietnamese."""
    from cadre_core.vocab._vntext import detect_legacy_encoding

    cells = re.split(r'[,;\t\r\n"]+', data[: 1 << 20].decode("latin-1"))
    return detect_legacy_encoding(c.strip() for c in cells) is not None


def _with_delimiter(source: CsvText) -> CsvText:
    """``source`` with the delimiter its first 30 lines use."""
    with source.open() as f:
        head = [line for _, line in zip(range(30), f, strict=False)]
    return attrs.evolve(source, delimiter=_delimiter(head))


def _delimiter(lines: list[str]) -> str:
    """The delimiter of a CSV file from its first lines: the one of ``,``, ``;`` and tab
    under which most lines share one number of cells, above one (a table is a rectangle;
    a cell's own list, ``it;law``, a title's comma, are not); a comma when they tie.

    >>> _delimiter(["id,topics", "C1,it;law;ethics", "C2,it"])
    ','
    >>> _delimiter(["DANH SÁCH CÁN BỘ, CÔNG CHỨC", "STT;Họ và tên;Chức vụ", "1;Lò Văn A;Bí thư"])
    ';'
    """
    best, score = ",", (0, 0, True)
    for d in _DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=d) if len(row) > 1]
        if not counts:
            continue
        common = max(set(counts), key=lambda n: (counts.count(n), n))
        mine = (counts.count(common), common, d == ",")
        if mine > score:
            best, score = d, mine
    return best


def csv_grid(path: Path) -> tuple[list[Grid], list[Problem]]:
    r"""A CSV list (or a workbook that is text: tab-separated text saved as ``.xls``) as
    the one unnamed sheet of a list, its rows padded to the longest (title rows are
    shorter than the header), with what was said of its encoding. A cell whose whole
    text is an error value (``#N/A``: what Excel writes for a formula that failed) is
    marked as a workbook's error cell is
    (:func:`~cadre_core.roster._cell_errors.marked_text`), never read as its text.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "ds.xls"
    >>> _ = p.write_text("DANH SÁCH\nHọ và tên\tNgày sinh\nLò Văn An\t12/03/1975\n")
    >>> (grid,), said = csv_grid(p)
    >>> grid.cells.fillna("").to_numpy().tolist(), said
    ([['DANH SÁCH', ''], ['Họ và tên', 'Ngày sinh'], ['Lò Văn An', '12/03/1975']], [])
    """
    try:
        # title rows are shorter than the header: rows of any length, padded
        source = csv_text(path)
        with source.open() as text:
            lines = list(
                csv.reader(text.read().splitlines(keepends=True), delimiter=source.delimiter)
            )
        width = max((len(line) for line in lines), default=0)
        padded = [[c if c.strip() else None for c in line] for line in lines]
        grid = pd.DataFrame([line + [None] * (width - len(line)) for line in padded])
    except UnicodeDecodeError as exc:
        return [], [problem(path.name, None, None, None, None, "not_utf8", byte=exc.start)]
    except Exception as exc:
        error = type(exc).__name__
        return [], [problem(path.name, None, None, None, None, "not_csv_list", error=error)]
    said = []
    if source.encoding == "windows-1258":  # read, but say how
        said.append(problem(path.name, None, None, None, None, "read_as_1258", severity="warning"))
    return [Grid("", marked_text(grid.replace("", None)), [])], said
