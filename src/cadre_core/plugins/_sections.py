"""Extra report sections that plugins contribute."""

from __future__ import annotations

import attrs
import pandas as pd


@attrs.frozen
class ReportSection:
    """A titled table added to the xlsx (one sheet) and HTML (one section) reports.

    >>> s = ReportSection("Equipment", pd.DataFrame({"item": ["computer"], "have": [12]}))
    >>> s.title, s.table.shape, s.note
    ('Equipment', (1, 2), '')
    """

    title: str
    table: pd.DataFrame = attrs.field(eq=False)
    note: str = ""
