"""What the reader set aside, did not read and noted, as the titled tables every document
lists (a report, a plan, the notes of the official forms): one listing per kind, built from
anything that carries them (:class:`~cadre_core.Evaluation`, :class:`~cadre_core.Roster`,
a plan, the filled forms), each row saying where in the input, in the document's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from cadre_core.plugins._sections import ReportSection
from cadre_core.roster._problems import Problem, column_words, file_words, table_words
from cadre_core.vocab._labels import label


class _Skipped(Protocol):
    @property
    def skipped(self) -> Sequence[Problem]: ...


class _NotRead(Protocol):
    @property
    def not_read(self) -> Sequence[Problem]: ...


class _Noted(Protocol):
    @property
    def warnings(self) -> Sequence[Problem]: ...


def listing(
    name: str, columns: Sequence[str], rows: Sequence[Sequence[object]], lang: str
) -> list[ReportSection]:
    """A section listing ``rows`` under the labelled ``columns``, titled and explained by
    the labels ``<name>_title`` and ``<name>_note`` (none when there is no row).

    >>> (s,) = listing("not_read", ["col_file"], [["ds.xlsx"]], "vi")
    >>> s.title, s.table.columns.tolist()
    ('Cột và trang tính không được đọc', ['Tệp'])
    >>> listing("not_read", ["col_file"], [], "vi")
    []
    """
    if not rows:
        return []
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=[label(k, lang) for k in columns])
    return [ReportSection(label(f"{name}_title", lang), frame, label(f"{name}_note", lang))]


def _row(row: int | None) -> str:
    return "" if row is None else str(row)


def skipped_section(evaluation: _Skipped, lang: str = "vi") -> list[ReportSection]:
    """A section listing what ``--skip-invalid`` set aside: rows, cells (their rows kept)
    and optional tables, each with its reason (empty when there is nothing)."""
    columns = ("col_set_aside", "col_file", "col_table", "col_row", "col_column")
    rows = [
        [
            label(f"set_aside_{p.scope if p.scope in ('cell', 'table') else 'row'}", lang),
            file_words(p.file, lang),
            table_words(p.table, lang),
            _row(p.row),
            column_words(p.table, p.column, lang),
            "" if p.value is None else p.value,
            p.expectation(lang),
        ]
        for p in evaluation.skipped
    ]
    return listing("skipped", (*columns, "col_value", "col_reason"), rows, lang)


def not_read_section(evaluation: _NotRead, lang: str = "vi") -> list[ReportSection]:
    """A section listing the columns and sheets of the input that were not read, each
    with the best guess of what it is (empty when everything was read)."""
    columns = ("col_set_aside", "col_file", "col_table", "col_column", "col_guess", "col_reason")
    rows = [
        [
            label("not_read_sheet" if p.scope == "sheet" else "not_read_column", lang),
            file_words(p.file, lang),
            table_words(p.table, lang),
            column_words(p.table, p.column, lang),
            p.hint(lang) or "",
            p.expectation(lang),
        ]
        for p in evaluation.not_read
    ]
    return listing("not_read", columns, rows, lang)


def warnings_section(evaluation: _Noted, lang: str = "vi") -> list[ReportSection]:
    """A section listing what the reader noted while reading (``warnings``: :attr:`Evaluation.warnings`),
    each with where it is (empty when it noted nothing)."""
    columns = ("col_file", "col_table", "col_row", "col_column", "col_message")
    rows = [
        [
            file_words(p.file, lang),
            table_words(p.table, lang),
            _row(p.row),
            column_words(p.table, p.column, lang),
            p.expectation(lang),
        ]
        for p in evaluation.warnings
    ]
    return listing("warnings", columns, rows, lang)


__all__ = ["listing", "not_read_section", "skipped_section", "warnings_section"]
