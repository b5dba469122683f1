"""A request's roster: an uploaded workbook or list (a ``.csv`` file, a Word ``.docx``
table, a web page, a single-file web page (``.mht``) or an XML Spreadsheet, also saved as
``.xls``), a zip of CSV/parquet tables (multipart field ``roster``) or JSON tables (``{"cadres": [{...}, ...], ...}``, what
:meth:`cadre_core.roster.Roster.from_frames` accepts), read with the reader and its guards
into a :class:`~cadre_core.roster.Roster` whose ``sources`` name the upload and its
SHA-256 (the audit block)."""

from __future__ import annotations

import hashlib
import re
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from cadre_core.serve._errors import ServiceError

# an upload with no name the reader knows, by what its bytes hold (other text: a list as
# text, comma-, semicolon- or tab-separated, which the CSV reader tells apart)
_KIND_SUFFIX = {
    "html": ".html",
    "mhtml": ".mht",
    "spreadsheetml": ".xml",
    "ole2": ".xls",
    "text": ".csv",
}

_UNSAFE = re.compile(r"[^\w.\- ]+")


def upload_name(filename: str | None) -> str:
    """The name an upload is read under: its own name without folders or characters a
    file name cannot hold (``roster`` when it has none).

    >>> upload_name("C:\\\\fakepath\\\\Xã A.xlsx"), upload_name("../../etc/passwd"), upload_name(None)
    ('Xã A.xlsx', 'passwd', 'roster')
    """
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip(" .")
    return name[:120] or "roster"


def _document_suffix(path: Path) -> str | None:
    """The suffix the zip at ``path`` is read under when it is a document rather than a
    zip of tables: ``.docx`` for a Word document, ``.xlsb`` for a binary workbook,
    ``.xlsx`` for another workbook (xlsx or ods);
    None for a zip of tables."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return None
    if any(n.startswith("word/") for n in names):
        return ".docx"
    if "xl/workbook.bin" in names:
        return ".xlsb"
    return ".xlsx" if "[Content_Types].xml" in names or "content.xml" in names else None


def save_upload(data: bytes, filename: str | None, folder: Path) -> tuple[Path, str]:
    """Write an uploaded roster into ``folder`` as the reader wants it: a workbook as a
    file, a zip of tables unpacked into a folder of the zip's name (through
    :func:`cadre_core.roster._guards.extract_tables`: a zip bomb is a
    :class:`~cadre_core.roster.RosterError` naming the file, so a 422).
    The path to read and the audit entry ``NAME:SHA256`` of the upload."""
    from cadre_core.roster._guards import extract_tables

    name = upload_name(filename)
    digest = f"{name}:{hashlib.sha256(data).hexdigest()}"
    path = folder / name
    path.write_bytes(data)
    from cadre_core.roster._sniff import LIST_SUFFIXES, file_kind

    if zipfile.is_zipfile(path):
        suffix = _document_suffix(path)
        is_tables = suffix is None
    else:  # a workbook, a list, or a web page, by its bytes when its name says nothing
        suffix, is_tables = _KIND_SUFFIX.get(file_kind(path)), False
    if not is_tables:
        if path.suffix.lower() not in LIST_SUFFIXES and suffix is not None:
            renamed = path.with_name(f"{path.name}{suffix}")
            path.rename(renamed)
            path = renamed
        return path, digest
    tables = folder / (Path(name).stem or "roster")
    tables.mkdir()
    why = extract_tables(path, tables)
    if why is not None:
        from cadre_core.roster._problems import Problem, RosterError

        raise RosterError([Problem(name, None, None, None, None, f"cannot be read: {why}")])
    return tables, digest


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def frames_of(doc: Any) -> dict[str, Any]:
    """The DataFrames of JSON tables: an object of table names, each a list of rows, each
    an object of column names and values (text, numbers, true/false or null); anything
    else is a 400 naming where.

    >>> frames_of({"cadres": [{"cadre_id": "CB001"}]})["cadres"].shape
    (1, 1)
    >>> frames_of({"cadres": [["CB001"]]})
    Traceback (most recent call last):
    ...
    cadre_core.serve._errors.ServiceError: (400, 'serve_bad_tables', ...)
    """
    import pandas as pd

    if not isinstance(doc, Mapping) or not doc:
        raise ServiceError(400, "serve_bad_tables", where="/", why="not_object")
    frames: dict[str, Any] = {}
    for table, rows in doc.items():
        if not isinstance(rows, list):
            raise ServiceError(400, "serve_bad_tables", where=f"/{table}", why="not_rows")
        for i, row in enumerate(rows):
            if not isinstance(row, Mapping):
                raise ServiceError(400, "serve_bad_tables", where=f"/{table}/{i}", why="not_row")
            bad = next((k for k, v in row.items() if not _scalar(v)), None)
            if bad is not None:
                where = f"/{table}/{i}/{bad}"
                raise ServiceError(400, "serve_bad_tables", where=where, why="not_scalar")
        frames[str(table)] = pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
    return frames


def canonical_tables(frames: Mapping[str, Any], layout: Any = None) -> dict[str, Any]:
    """``frames`` under their canonical table names (a table's aliases, the layout's
    sheet names, as a workbook's sheets are read); a name that is no roster table, or a
    table given twice, is a :class:`~cadre_core.roster.RosterError` naming it.

    >>> import pandas as pd
    >>> list(canonical_tables({"Cán bộ": pd.DataFrame()}))
    ['cadres']
    >>> canonical_tables({"cadrez": pd.DataFrame()})
    Traceback (most recent call last):
    ...
    cadre_core.roster._problems.RosterError: tables.json, table cadrez: not a roster table; did you mean cadres?
    """
    from cadre_core.roster._problems import Problem, RosterError
    from cadre_core.roster._reader import suggest_table, table_for

    out: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, frame in frames.items():
        canonical = table_for(name, layout)
        if canonical is None:
            problems.append(
                Problem("tables.json", name, None, None, None, "not a roster table",
                        suggest_table(name))
            )  # fmt: skip
        elif canonical in out:
            problems.append(
                Problem("tables.json", name, None, None, None,
                        f"the table {canonical} is given twice")
            )  # fmt: skip
        else:
            out[canonical] = frame
    if problems:
        raise RosterError(problems)
    return out


def read_request_roster(
    upload: tuple[bytes, str | None] | None,
    tables: Any,
    body: bytes,
    *,
    layout: Any,
    skip_invalid: bool,
    withhold: bool,
    list_date: Any = None,
) -> Any:
    """The roster of a request (an upload, else JSON tables), read as ``cadre evaluate``
    reads one (``list_date`` as there: an uploaded list that names no day is taken to be
    as of the first day asked, see :class:`~cadre_core.roster._list_title.Undated`); an
    invalid roster is a 422 carrying the validation document (every problem with its
    file, table, row and column; raw cells withheld with ``withhold``)."""
    from cadre_core.roster._problems import RosterError
    from cadre_core.roster._province import read_rosters
    from cadre_core.roster._roster import Roster

    records: tuple[str, ...] = ()  # a personal record's name, hidden under pseudonyms
    try:
        if upload is not None:
            with tempfile.TemporaryDirectory(prefix="cadre-serve-") as tmp:
                path, digest = save_upload(upload[0], upload[1], Path(tmp))
                if withhold:
                    from cadre_core.roster._record import record_names

                    records = record_names([path])
                roster = read_rosters(
                    [path],
                    legacy="error",
                    skip_invalid=skip_invalid,
                    layout=layout,
                    list_date=list_date,
                )
                # the name `cadre` gives a roster read from a file of this name: a list
                # naming no commune is the commune of that name in both
                name = Path(upload_name(upload[1])).stem or "roster"
        else:
            frames = canonical_tables(frames_of(tables), layout)
            roster = Roster.from_frames(frames, name="tables.json", skip_invalid=skip_invalid)
            digest = f"tables.json:{hashlib.sha256(body).hexdigest()}"
            name = "tables.json"
    except RosterError as exc:
        problems = exc.problems
        if withhold:
            from cadre_core.engine._privacy import withheld

            problems = tuple(withheld(p, records) for p in problems)
        inputs = [upload_name(upload[1])] if upload is not None else ["tables.json"]
        if records:  # the upload's own name may be the person's
            from cadre_core.engine._privacy import WITHHELD

            inputs = [f"{WITHHELD}{Path(i).suffix.lower()}" for i in inputs]
        raise ServiceError(422, "serve_invalid_roster", problems=problems, inputs=inputs) from None
    if records:  # the upload's own name may be the person's
        from cadre_core.engine._privacy import WITHHELD

        shown, _, sha = digest.rpartition(":")
        name = f"{WITHHELD}{Path(shown).suffix.lower()}"
        digest = f"{name}:{sha}"
    return attrs.evolve(roster, sources=(digest,), name=name)


__all__ = [
    "canonical_tables",
    "frames_of",
    "read_request_roster",
    "save_upload",
    "upload_name",
]
