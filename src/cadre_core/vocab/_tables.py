"""The one way a command prints a table: a rich table on a terminal, plain lines otherwise.

On a terminal a table is drawn with rich (its cells may wrap). Piped or redirected, the
same table is plain text a program or a person can read line by line: the title, one
tab-separated header line, then one tab-separated line per row, nothing wrapped,
truncated or coloured, no box character. Cells are text, never rich markup: a roster
cell holding ``[red]`` prints as it is. A cell may be a :class:`rich.text.Text` to carry a
colour on a terminal (its plain text is printed otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["plain_cell", "show_table"]


def plain_cell(cell: object) -> str:
    """A cell as one line of plain text: ``None`` is empty, a :class:`~rich.text.Text`
    its plain text, tabs and line breaks become spaces.

    >>> plain_cell(None), plain_cell("a\\tb\\nc"), plain_cell(Text("ok", style="green"))
    ('', 'a b c', 'ok')
    """
    if cell is None:
        return ""
    text = cell.plain if isinstance(cell, Text) else str(cell)
    return " ".join(text.replace("\r", "\n").replace("\t", " ").split("\n"))


def show_table(
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    console: Console | None = None,
) -> None:
    """Print a table on ``console`` (default: standard output): a rich table when it is a
    terminal, else plain lines (title, tab-separated headers, one tab-separated line per
    row; see the module docstring).

    >>> import io
    >>> out = io.StringIO()
    >>> show_table("Bảng", ["Mã", "Số dòng"], [["cadres", 43]], console=Console(file=out))
    >>> print(out.getvalue(), end="")
    Bảng
    Mã	Số dòng
    cadres	43
    """
    console = console or Console(highlight=False)
    if not console.is_terminal:
        lines = [plain_cell(title)] if title else []
        lines.append("\t".join(plain_cell(h) for h in headers))
        lines.extend("\t".join(plain_cell(c) for c in row) for row in rows)
        console.file.write("".join(f"{line}\n" for line in lines))
        console.file.flush()
        return
    table = Table(title=title or None, header_style="bold", show_lines=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(c if isinstance(c, Text) else Text(plain_cell(c)) for c in row))
    console.print(table)
