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
    source = folder / f"source{path.suffix.lower() or '.doc'}"
    try:
        shutil.copyfile(path, source)  # a name of its own: the user's file is never touched
        done = subprocess.run(
            [program, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
             "--norestore", "--convert-to", "docx", "--outdir", str(folder), str(source)],
            capture_output=True, timeout=CONVERT_SECONDS, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return None, f"LibreOffice took over {CONVERT_SECONDS} s"
    except OSError as exc:
        return None, f"LibreOffice could not be run ({type(exc).__name__})"
    converted = folder / "source.docx"
    if not converted.is_file():
        return None, f"LibreOffice wrote no document (exit {done.returncode})"
    return converted, ""


__all__ = ["CONVERT_SECONDS", "office_program", "to_docx"]
