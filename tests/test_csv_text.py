"""A CSV file is read from the disk once: its encoding, delimiter and text from one read.

The encodings offices save CSV in (UTF-8 with or without a BOM, UTF-16 with its BOM,
Windows-1258) and the delimiters (comma, semicolon, tab) give the text as written; a NUL
byte (UTF-16 without its byte-order mark) is still refused.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core.roster._csv import csv_text

ROWS = [["STT", "Họ và tên", "Chức vụ"], ["1", "Lò Văn Biên", "Bí thư"], ["2", "Tòng Thị Ơn", ""]]
ENCODINGS = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "utf-16": "utf-16", "cp1258": "windows-1258"}


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files opened from now on (``Path.open``, which ``read_bytes`` and
    ``read_text`` use too)."""
    reads: list[str] = []
    real_open = Path.open

    def path_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        reads.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", path_open)
    return reads


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _encoded(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; in Windows-1258, as it writes Vietnamese: a letter with
    its tone mark apart ("ộ" as "ô" and a dot below)."""
    if encoding != "cp1258":
        return text.encode(encoding)
    out = []
    for c in text:
        parts = unicodedata.normalize("NFD", c)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
        out.append(base + "".join(p for p in parts if p in _TONES))
    return "".join(out).encode("cp1258")


@settings(max_examples=30, deadline=None)
@given(encoding=st.sampled_from(sorted(ENCODINGS)), delimiter=st.sampled_from([",", ";", "\t"]))
def test_the_encoding_delimiter_and_text_of_one_read(
    tmp_path_factory: Any, encoding: str, delimiter: str
) -> None:
    text = "\r\n".join(delimiter.join(row) for row in ROWS) + "\r\n"
    path = tmp_path_factory.mktemp("csv") / "list.csv"
    path.write_bytes(_encoded(text, encoding))
    with pytest.MonkeyPatch.context() as mp:
        reads = _counting(mp)
        source = csv_text(path)
        first, second = source.open().read(), source.open().read()
    assert reads == ["list.csv"]  # once, however often its text is read
    assert (source.encoding, source.delimiter) == (ENCODINGS[encoding], delimiter)
    assert first == second == unicodedata.normalize("NFC", text)  # newlines as written


def test_a_nul_byte_is_refused_as_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("STT,Họ và tên\n1,Lò Văn Biên\n".encode("utf-16-le"))  # no BOM
    with pytest.raises(UnicodeDecodeError) as refused:
        csv_text(path)
    assert refused.value.reason == "a NUL byte"
    assert refused.value.start == 1


def test_bytes_no_encoding_reads_are_refused_where_utf8_fails(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"STT,T\xean\n1,\x81\x81?x\n")  # not UTF-8; Windows-1258 lacks 0x81
    with pytest.raises(UnicodeDecodeError) as refused:
        csv_text(path)
    assert refused.value.encoding == "utf-8"
