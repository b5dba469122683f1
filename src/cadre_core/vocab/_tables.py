"""One way to show a table to a person: a rich table on a terminal, plain lines otherwise.

Piped into a file or another program, a table drawn for an 80-column terminal breaks words
across lines; there each row is one line of tab-separated cells instead, after a title line
and one header line, so that ``grep``, ``cut`` and a spreadsheet read it as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console


def _cell(value: object) -> str:
    """A cell on one line: tabs and line breaks become spaces."""
    return " ".join(str(value).replace("\t", " ").splitlines())


def show_table(
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    console: Console | None = None,
) -> None:
    """Show ``rows`` under ``headers``: a rich table when ``console`` is a terminal,
    otherwise a title line, a tab-separated header line and one tab-separated line per
    row (never wrapped). ``console`` defaults to standard output."""
    out = console if console is not None else Console(highlight=False, soft_wrap=True)
    if out.is_terminal:
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title, header_style="bold")
        for h in headers:
            table.add_column(h, overflow="fold")
        for row in rows:
            table.add_row(*(Text(str(v)) for v in row))  # never markup
        out.print(table)
        return
    lines = [title, "\t".join(_cell(h) for h in headers)]
    lines.extend("\t".join(_cell(v) for v in row) for row in rows)
    out.file.write("\n".join(lines) + "\n")
    out.file.flush()


__all__ = ["show_table"]
