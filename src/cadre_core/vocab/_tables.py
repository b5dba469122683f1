"""The one way a command prints a table: a rich table on a terminal, plain lines otherwise.

On a terminal a table is drawn with rich: a column of short values (a code, a number, a
day, a status) as wide as its longest value, never broken, its header wrapping if need be;
the other columns wrap between words and share the rest of the width. A terminal too
narrow for the columns side by side shows each row as a block of "header: value" lines
instead, so that nothing is cut into pieces a person cannot read. Piped or redirected, the
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
    cells = [[c if isinstance(c, Text) else Text(plain_cell(c)) for c in row] for row in rows]
    widths = _short_widths(headers, cells, console.width)
    if widths is None:  # too narrow for the columns side by side: one block per row
        _records(title, headers, cells, console)
        return
    table = Table(title=title or None, header_style="bold", show_lines=False)
    for header, width in zip(headers, widths, strict=True):
        # a column of short values (a code, a number, a day, a status) is as wide as its
        # longest value, which is never broken (its header may wrap); the others wrap
        # between words and share what is left of the width
        table.add_column(
            header, overflow="fold", min_width=width, max_width=width, ratio=None if width else 1
        )
    for row in cells:
        table.add_row(*row)
    console.print(table)


#: the widest column of short values kept whole on one line (a code, a number, a day)
SHORT = 14
#: the least width of a column that wraps its words
NARROWEST = 12


def _short_widths(
    headers: Sequence[str], rows: Sequence[Sequence[Text]], width: int
) -> list[int | None] | None:
    """The width of each column of short values (its longest value or header word), None
    for a column that wraps; or None when the columns cannot stand side by side in
    ``width`` cells: the short ones that wide, each other at least its longest word (and
    :data:`NARROWEST`) wide, with the borders.

    >>> _short_widths(["Mã", "Chỉ tiêu"], [[Text("MT001"), Text("Bố trí đủ " * 5)]], 80)
    [5, None]
    >>> _short_widths(["Mã", "Chỉ tiêu"] * 6, [[Text("MT001"), Text("Bố trí")] * 6], 40)
    """
    from rich.cells import cell_len

    widths: list[int | None] = []
    need = 1 + 3 * len(headers)  # the borders and the padding of each column
    for j, header in enumerate(headers):
        lines = [line for row in rows for line in row[j].plain.split("\n")]
        longest = max((cell_len(line) for line in lines), default=0)
        word = max((cell_len(w) for line in [*lines, header] for w in line.split()), default=1)
        short = longest <= SHORT
        widths.append(max(longest, word) if short else None)
        need += max(longest, word) if short else max(word, NARROWEST)
    return widths if need <= width else None


def _records(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[Text]], console: Console
) -> None:
    """Each row as a block of "header: value" lines, a rule between rows: what a table of
    many columns becomes on a narrow terminal."""
    from rich.rule import Rule

    if title:
        console.print(Text(title, style="italic"))
    for n, row in enumerate(rows, start=1):
        console.print(Rule(str(n), style="dim"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=False, max_width=max(10, console.width // 3))
        grid.add_column(overflow="fold")
        for header, cell in zip(headers, row, strict=True):
            if cell.plain:
                grid.add_row(Text(f"{header}:"), cell)
        console.print(grid)
