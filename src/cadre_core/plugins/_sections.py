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

    def texts(self) -> tuple[list[str], list[list[str]]]:
        """The table as a document shows it: its header and its rows, every cell text
        (a missing cell empty).

        >>> ReportSection("Not read", pd.DataFrame({"File": ["a.xlsx", None]})).texts()
        (['File'], [['a.xlsx'], ['']])
        """
        head = [str(c) for c in self.table.columns]
        cells = self.table.astype(object).where(self.table.notna(), "")
        rows = [[str(v) for v in row] for row in cells.itertuples(index=False)]
        return head, rows
