"""Writing a roster as an ``.xlsx`` workbook or a folder of CSV or parquet tables."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from cadre_core.roster._level_field import level_cells
from cadre_core.roster._schema import TABLE_BY_NAME, TABLE_NAMES
from cadre_core.vocab._files import replacing

if TYPE_CHECKING:
    from cadre_core.roster._roster import Roster

FORMATS = ("xlsx", "csv", "parquet")


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Categoricals as text, so that every format stores plain values."""
    out = frame.copy()
    for c in out.columns:
        if isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = out[c].astype(object).where(out[c].notna(), None)
    return out


def written(roster: Roster, name: str) -> pd.DataFrame:
    """The frame of table ``name`` as written: its required columns, the optional ones
    the roster informs (:meth:`Roster.informs`: an optional column the input did not have
    is not written, so that the roster read back informs what this one does) and the
    columns kept for plugins, with categoricals as text. Degrees' fields the roster knows
    cell by cell (not informed as a whole, some given) are written in the level cells
    (:func:`~cadre_core.roster._level_field.level_cells`: "Đại học Luật").

    >>> from cadre_core import Roster
    >>> import pandas as pd
    >>> r = Roster.from_frames({
    ...     "cadres": pd.DataFrame({"cadre_id": ["C1"], "full_name": ["Lò Văn Biên"],
    ...                             "birth_date": ["1985-03-12"]}),
    ...     "positions": pd.DataFrame({"position_code": ["P1"]}),
    ...     "assignments": pd.DataFrame({"cadre_id": ["C1"], "position_code": ["P1"],
    ...                                  "start_date": ["2025-07-01"]}),
    ...     "degrees": pd.DataFrame({"cadre_id": ["C1"], "level": ["Đại học Luật"]})})
    >>> r.degrees["field"].tolist(), r.informs("degrees.field")
    (['Luật'], False)
    >>> written(r, "degrees").columns.tolist(), written(r, "degrees")["level"].tolist()
    (['cadre_id', 'level'], ['Đại học Luật'])
    """
    frame = roster.tables[name]
    table = TABLE_BY_NAME[name]
    if name == "degrees" and not roster.informs("degrees.field") and frame["field"].notna().any():
        # fields known cell by cell (a list's "Đại học Luật", without a field column): in
        # the qualification cells, as the list wrote them, so that a degree whose field is
        # unknown is read back unknown, not as a blank of a field column ("no field")
        frame = frame.assign(level=level_cells(frame["level"], frame["field"]))
    keep = [
        c
        for c in frame.columns
        if c not in table.column_names or table.column(c).required or roster.informs(f"{name}.{c}")
    ]
    return plain(frame if len(keep) == frame.shape[1] else frame[keep])


def write_roster(roster: Roster, path: Path, *, format: str | None = None) -> Path:
    """Write every table of ``roster`` to ``path`` (see :meth:`Roster.write`); each file
    whole or not at all (see :func:`cadre_core.vocab._files.replacing`). Only the optional
    columns the roster informs are written (:func:`written`)."""
    fmt = format or ("xlsx" if path.suffix.lower() == ".xlsx" else "csv")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    if fmt == "xlsx":
        # Text stays text: a cell beginning with "=" is never turned into a formula.
        # in memory: no temporary files of xlsxwriter's own; the workbook goes to a
        # temporary file next to ``path`` that replaces it when complete
        options = {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
        with (
            replacing(path) as tmp,
            open(tmp, "wb") as handle,
            pd.ExcelWriter(
                handle,
                engine="xlsxwriter",
                date_format="yyyy-mm-dd",
                datetime_format="yyyy-mm-dd",
                engine_kwargs={"options": options},
            ) as xw,
        ):
            for name in TABLE_NAMES:
                frame = written(roster, name)
                frame.to_excel(xw, sheet_name=name, index=False)
                sheet = xw.sheets[name]
                sheet.freeze_panes(1, 0)
                for i, col in enumerate(frame.columns):
                    width = max([len(str(col))] + [len(str(v)) for v in frame[col].head(200)])
                    sheet.set_column(i, i, min(max(width + 2, 10), 60))
        return path
    path.mkdir(parents=True, exist_ok=True)
    for name in TABLE_NAMES:
        frame = written(roster, name)
        with replacing(path / f"{name}.{fmt}") as tmp:
            if fmt == "csv":
                # CRLF ends a record (RFC 4180, as Excel writes it), so a cell holding a
                # bare CR is quoted and reads back as one cell, never as a line break
                frame.to_csv(tmp, index=False, date_format="%Y-%m-%d", lineterminator="\r\n")
            else:
                frame.to_parquet(tmp, index=False)
    return path
