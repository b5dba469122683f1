"""Older Word files (Word 97-2003 ``.doc``, and the RTF many systems "export to Word")
converted to ``.docx`` by LibreOffice, when the machine has it, so that the one Word
list reader (:mod:`cadre_core.roster._docx`) reads them.

LibreOffice is not a dependency: without it such a file is refused with a sentence
saying how to save it as ``.docx`` (or to install LibreOffice). It runs headless, with a
profile of its own in a temporary folder (nothing of the user's LibreOffice is read or
changed), no macro runs in a conversion, and it is stopped after :data:`CONVERT_SECONDS`.
``$CADRE_SOFFICE`` names the program when it is not ``soffice`` on the ``PATH``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

CONVERT_SECONDS = 120
"""Longest a conversion may take."""


def office_program() -> str | None:
    """The LibreOffice program that converts documents (``$CADRE_SOFFICE``, else
    ``soffice`` or ``libreoffice`` on the ``PATH``), or None.

    >>> office_program() is None or Path(office_program()).name != ""
    True
    """
    named = os.environ.get("CADRE_SOFFICE")
    if named:
        return shutil.which(named)
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(path: Path, folder: Path, program: str) -> tuple[Path | None, str]:
    """``path`` (a ``.doc`` or RTF file) converted by ``program`` into a ``.docx`` in
    ``folder`` (an empty folder of the caller's), and "" ; or None and why not.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "ds.doc").write_bytes(b"not a document")
    >>> to_docx(folder / "ds.doc", folder, "false")
    (None, 'LibreOffice wrote no document (exit 1)')
    """
    return to_docx_all([path], folder, program)[0]


def to_docx_all(paths: Sequence[Path], folder: Path, program: str) -> list[tuple[Path | None, str]]:
    """:func:`to_docx` of each of ``paths`` in one run of LibreOffice (its start, with a
    new profile, is most of a conversion's time: a folder of forty records converts in
    one start, not forty), each ``.docx`` or why not, in the order of ``paths``. The run
    may take :data:`CONVERT_SECONDS` a document."""
    sources = [folder / f"source{i}{p.suffix.lower() or '.doc'}" for i, p in enumerate(paths)]
    try:
        for path, source in zip(paths, sources, strict=True):
            shutil.copyfile(path, source)  # a name of its own: the user's file is untouched
        done = subprocess.run(
            [program, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
             "--norestore", "--convert-to", "docx", "--outdir", str(folder),
             *map(str, sources)],
            capture_output=True, timeout=CONVERT_SECONDS * max(1, len(paths)), check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return [(None, f"LibreOffice took over {CONVERT_SECONDS} s")] * len(paths)
    except OSError as exc:
        return [(None, f"LibreOffice could not be run ({type(exc).__name__})")] * len(paths)
    out: list[tuple[Path | None, str]] = []
    for source in sources:
        converted = source.with_suffix(".docx")
        if converted.is_file():
            out.append((converted, ""))
        else:
            out.append((None, f"LibreOffice wrote no document (exit {done.returncode})"))
    return out


__all__ = ["CONVERT_SECONDS", "office_program", "to_docx", "to_docx_all"]
