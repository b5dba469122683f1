"""Input problems and the error that carries them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs


@attrs.frozen
class Problem:
    """One problem found in a roster, located as the user sees it.

    ``row`` is the spreadsheet row number (header = row 1 in CSV, the header's own row in
    a workbook) or ``None`` when the problem concerns a whole table or column.

    ``scope`` says what the problem sets aside or leaves unread, where that is more than
    the cell it points at: ``"row"`` (``--skip-invalid`` set the row aside), ``"cell"``
    (the cell was set aside, the row kept), ``"table"`` (an optional table set aside),
    ``"column"`` (a column that is not a header of its table, not read), ``"sheet"`` (a
    sheet or file that is not a roster table, not read) or ``"encoding"`` (damaged text
    in a column); ``None`` for any other problem.

    >>> Problem("r.xlsx", "cadres", 7, "gender", "robot", "one of male, female").describe()
    "r.xlsx, table cadres, row 7, column gender: 'robot' is not one of male, female"
    >>> Problem("r.xlsx", "positions", None, None, None, "required table is missing").row is None
    True
    """

    file: str
    table: str | None
    row: int | None
    column: str | None
    value: str | None
    expected: str
    suggestion: str | None = None
    severity: str = "error"
    scope: str | None = None

    def describe(self) -> str:
        """One line, in English, naming every coordinate of the problem.

        >>> Problem("r.xlsx", "degrees", 5, "level", "Thac si", "an education level",
        ...         "thac_si").describe()
        "r.xlsx, table degrees, row 5, column level: 'Thac si' is not an education level; did you mean thac_si?"
        """
        where = [self.file]
        if self.table:
            where.append(f"table {self.table}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        text = ", ".join(where) + ": "
        if self.value is not None:
            text += f"{self.value!r} is not {self.expected}"
        else:
            text += self.expected
        if self.suggestion:
            text += f"; did you mean {self.suggestion}?"
        return text

    def to_dict(self) -> dict[str, object]:
        """The problem as a JSON-ready mapping."""
        return attrs.asdict(self)


class RosterError(ValueError):
    """A roster could not be accepted. ``problems`` lists every problem found.

    >>> tables = dict(cadre_core.sample_roster().tables)
    >>> cadres = tables["cadres"].astype(object)
    >>> cadres.loc[cadres.index[1], "gender"] = "robot"
    >>> try:
    ...     cadre_core.Roster.from_frames({**tables, "cadres": cadres})
    ... except RosterError as exc:
    ...     print(exc.errors[0].describe())
    <cadres DataFrame>, table cadres, row 2, column gender: 'robot' is not one of male, female
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        head = errors[0].describe() if errors else "invalid roster"
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        super().__init__(head + more)

    @property
    def errors(self) -> Sequence[Problem]:
        """The problems that make the roster unacceptable."""
        return [p for p in self.problems if p.severity == "error"]
