"""How ``cadre evaluate`` and ``cadre demo`` give an evaluation (one day's, or several
days' as a list): a table per commune on a terminal, JSON, CSV for a spreadsheet (cells
kept :func:`inert`, which ``cadre validate`` uses too), or an xlsx, html, pdf or docx
report (:func:`_emit`).

Only the vocabulary and :mod:`cadre_core.cli._common` (its consoles, input error and
writing) are imported here; rich, pandas, the reports and the JSON documents are imported
inside the function that writes them, so that ``cadre --help`` stays light and writing a
document does not pay for the terminal's tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cadre_core.cli._common import (
    InputError,
    _stderr,
    _stdout,
    print_line,
    say,
    tell,
    write_text,
    writing,
)
from cadre_core.vocab._labels import label
from cadre_core.vocab._progress import task

STATUS_STYLE = {"met": "green", "not_met": "red", "not_applicable": "dim"}

_TARGET_COLUMNS = (
    "cli_col_id",
    "col_target",
    "col_rule",
    "col_population",
    "col_satisfied",
    "col_required",
    "col_shortfall",
    "col_status",
    "col_deadline",
)
"""The headers of ``cadre evaluate --format table``, keys of the label table."""


def _print_table(evs: Sequence[Any], lang: str) -> None:
    """Each commune's targets on each day, as a table (plain lines when piped)."""
    from rich.text import Text

    from cadre_core.vocab._tables import show_table

    console = _stdout()
    headers = [label(k, lang) for k in _TARGET_COLUMNS]
    for ev in evs:
        for c in ev.communes:
            rows: list[list[object]] = []
            for t in c.targets:
                status = t.status_text(lang).lower()
                if t.overdue:
                    status += f" ({label('overdue', lang)})"
                if not t.attainable:
                    status += " *"
                rows.append(
                    [
                        t.id,
                        t.title.get(lang),
                        t.rule.describe(lang),
                        t.population,
                        t.satisfied,
                        t.required,
                        t.shortfall,
                        Text(status, style=STATUS_STYLE[t.status]),
                        f"{t.deadline:%d/%m/%Y}",
                    ]
                )
            title = f"{c.commune} — {label('as_of', lang).lower()} {ev.as_of:%d/%m/%Y}"
            show_table(title, headers, rows, console=console)
            lines = []
            if any(not t.attainable for t in c.targets):
                lines.append(label("cli_unattainable_note", lang))
            if c.unrated:
                lines.append(f"{label('cli_unrated', lang)}: {unrated_text(ev, c.unrated, lang)}")
            if c.findings:
                lines.append(label("cli_findings", lang).format(n=len(c.findings)))
            for line in lines:
                print_line(console, line)
    if any(c.findings or any(t.shortfall for t in c.targets) for ev in evs for c in ev.communes):
        print_line(console, label("cli_details_hint", lang))


def unrated_text(ev: Any, ids: Sequence[str], lang: str = "vi") -> str:
    """The unrated cadres as a person must find them, as a finding names its subject
    (:func:`~cadre_core.findings._subjects.cadres_text`: name, post and id; under
    pseudonyms the pseudonym and the post); the ids alone when the evaluation holds no
    roster.

    >>> ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31")
    >>> unrated_text(ev, ev.communes[0].unrated)
    'Lò Thị Hoài Thu, Công chức Nông nghiệp - Môi trường (MT034)'
    >>> import attrs
    >>> unrated_text(attrs.evolve(ev, features=None), ["MT034"])
    'MT034'
    """
    features = getattr(ev, "features", None)
    if features is None:
        return "; ".join(ids)
    from cadre_core.findings._subjects import cadres_text

    return "; ".join(cadres_text(features, ids, lang))


_FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: object) -> object:
    """A CSV cell that a spreadsheet shows as text: text led by ``= + - @``, a tab or a
    carriage return gets a leading ``'`` (it would run as a formula in Excel)."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_LEAD):
        return "'" + cell
    return cell


def evaluations_csv(evs: Sequence[Any]) -> bytes:
    """Every day's evaluation as CSV for a spreadsheet: one row per day × commune ×
    target, the columns of :meth:`~cadre_core.engine.Evaluation.to_frame` after
    ``as_of``; UTF-8 with a byte-order mark (Excel then reads Vietnamese right), cells
    kept inert (see :func:`inert`)."""
    import csv
    import io

    import pandas as pd

    frames = [ev.to_frame().assign(as_of=ev.as_of.isoformat()) for ev in evs]
    frame = pd.concat([f for f in frames if len(f)], ignore_index=True) if frames else None
    if frame is None or not len(frame):
        columns = ["as_of"]
        records: list[list[object]] = []
    else:
        frame = frame[["as_of", *(c for c in frame.columns if c != "as_of")]]
        frame["deadline"] = frame["deadline"].dt.strftime("%Y-%m-%d")
        for col in ("failing", "left_out"):
            frame[col] = frame[col].map("; ".join)
        for col in ("reason", "left_out_reason"):  # none: an empty cell
            frame[col] = frame[col].astype(object).where(frame[col].notna(), "")
        frame["threshold"] = frame["threshold"].map(str)
        frame["status"] = frame["status"].astype(str)
        columns = list(frame.columns)
        records = frame.to_numpy(dtype=object).tolist()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([inert(cell) for cell in row] for row in records)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _emit(ev: Any, fmt: str, output: str | None, lang: str) -> None:
    """Write an evaluation, or the evaluations of several days (a list), in format
    ``fmt``: every day in JSON, CSV and the table; xlsx and html chart them, docx
    tabulates them."""
    evs = list(ev) if isinstance(ev, list | tuple) else [ev]
    if fmt == "json":
        if output:  # written in its parts, one day at a time
            from cadre_core.engine._documents import evaluations_json_parts
            from cadre_core.vocab._files import write_atomic

            with writing(output):
                write_atomic(output, evaluations_json_parts(evs, lang))
            return
        from cadre_core.engine._documents import evaluations_json

        write_text(evaluations_json(evs, lang), output)
        return
    if fmt == "csv":
        write_text(evaluations_csv(evs), output)
        return
    if fmt not in ("xlsx", "html", "pdf", "docx"):
        _print_table(evs, lang)
        return
    if not output:
        raise InputError(say("format_needs_output", fmt=fmt))
    from cadre_core.reports import (
        plugin_sections,
        write_docx,
        write_html,
        write_pdf,
        write_xlsx,
    )
    from cadre_core.vocab._pdf import PdfUnavailable

    writers = {"xlsx": write_xlsx, "html": write_html, "pdf": write_pdf, "docx": write_docx}
    writer = writers[fmt]
    shown = evs if len(evs) > 1 else evs[0]
    sections = plugin_sections(shown)
    try:
        with writing(output), task("progress_writing", None):
            writer(shown, output, lang=lang, sections=sections)
    except PdfUnavailable as exc:
        raise InputError(tell(exc)) from None
    print_line(_stderr(), label("cli_wrote", lang).format(path=output))
