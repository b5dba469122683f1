"""The tables a folder of personal records ("Sơ yếu lý lịch") adds to those of a list
(:mod:`cadre_core.roster._flat`): the courses of each record's training section.
"""

from __future__ import annotations

import pandas as pd

from cadre_core.roster._flat_tables import ROW_BASE
from cadre_core.roster._grid import Grid
from cadre_core.roster._reader import RawTable
from cadre_core.roster._record import COURSE_COLUMNS


def record_courses(grids: list[Grid], raws: list[RawTable], file: str) -> RawTable | None:
    """The trainings table of a folder of personal records: the courses of each record's
    training section (:func:`~cadre_core.roster._record.record_grid`), on its person's
    row; None unless every record's training table was read (a record without one would
    count as trained in nothing)."""
    if any(g.courses is None for g in grids):
        return None
    cadres = next(r for r in raws if r.name == "cadres")
    number = (cadres.rows // ROW_BASE).tolist()
    ids, rows = dict(zip(number, cadres.frame["cadre_id"], strict=True)), dict(
        zip(number, cadres.rows, strict=True))  # fmt: skip
    parts = [
        g.courses.assign(cadre_id=ids[n], row=rows[n])
        for n, g in enumerate(grids)
        if n in ids and g.courses is not None and len(g.courses)
    ]
    columns = ["cadre_id", *COURSE_COLUMNS, "row"]
    frame = pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(
        columns=columns, dtype=object)  # fmt: skip
    body = frame.drop(columns=["row"]).astype(object)
    return RawTable("trainings", body, frame["row"].astype("int64"), file, serials=False)
