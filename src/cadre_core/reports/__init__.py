"""Reports people read: an Excel workbook, a self-contained HTML page and its PDF, and a
Word document to edit, sign and hand up.

Both are built from :class:`~cadre_core.Evaluation` objects only: every count, status,
deadline and failing member is read from the results, and what a failing member lacks is
said by the target's own explainer (or its requirement). Vietnamese by default,
``lang="en"`` for English. Several evaluations (different as-of days) add trend charts.

    >>> import cadre_core, tempfile, pathlib
    >>> from cadre_core.reports import write_html
    >>> ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31")
    >>> out = write_html(ev, pathlib.Path(tempfile.mkdtemp()) / "report.html")
    >>> out.suffix
    '.html'

The PDF (:func:`write_pdf`) is the same page laid out for A4 landscape by WeasyPrint;
the Word document (:func:`write_docx`) says what the page says, its charts left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cadre_core.engine._listings import listing, not_read_section, skipped_section, warnings_section
from cadre_core.engine._pipeline import evaluate
from cadre_core.engine._results import Evaluation
from cadre_core.plugins._host import PluginHost, make_plugin_manager
from cadre_core.plugins._sections import ReportSection
from cadre_core.roster._roster import Roster
from cadre_core.vocab._labels import body_name, label
from cadre_core.vocab._lazy import lazy_names

if TYPE_CHECKING:
    from cadre_core.reports._data import ReportData
    from cadre_core.reports._explain import explanations, responsible_body

#: Imported when first asked for: the audit (``cadre_core.reports._audit``, which every
#: ``cadre evaluate`` uses) does not pay for the reports' data and explanations.
_LAZY = {"explanations": "._explain", "responsible_body": "._explain"}
if not TYPE_CHECKING:  # mypy reads the imports above: a misspelt name is still an error
    __getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())

__all__ = [
    "audit_section",
    "body_name",
    "evaluate_many",
    "explanations",
    "failed_plugins_section",
    "label",
    "not_read_section",
    "plugin_sections",
    "render_html",
    "responsible_body",
    "skipped_section",
    "warnings_section",
    "write_docx",
    "write_html",
    "write_pdf",
    "write_xlsx",
]

Evaluations = Evaluation | Sequence[Evaluation]


def _latest(evaluation_or_evaluations: Evaluations) -> Evaluation:
    if isinstance(evaluation_or_evaluations, Evaluation):
        return evaluation_or_evaluations
    return max(evaluation_or_evaluations, key=lambda e: e.as_of)


def failed_plugins_section(evaluation: Evaluation, lang: str = "vi") -> list[ReportSection]:
    """A section listing the plugins left out after an error (``--keep-going``), each
    with where it failed and the error (empty when none failed)."""
    columns = ("col_plugin", "col_where", "col_error")
    rows = [[e.plugin, e.target or e.hook or "", e.message] for e in evaluation.failed_plugins]
    return listing("failed_plugins", columns, rows, lang)


def _short_digest(source: str) -> str:
    """``name:sha256`` as ``name: <first 16 hex digits>…`` (a digest without a name as is).

    >>> _short_digest("cadres.csv:" + "ab" * 32)
    'cadres.csv: abababababababab…'
    """
    name, sep, digest = source.rpartition(":")
    if not sep or len(digest) != 64:
        return source
    return f"{name}: {digest[:16]}…"


def audit_section(evaluation: Evaluation, lang: str = "vi") -> ReportSection:
    """What is needed to reproduce the report: versions, input files (sha256), as-of day,
    and when it was generated (``SOURCE_DATE_EPOCH`` if set, for reproducible builds)."""
    import os

    import pandas as pd

    audit = evaluation.audit()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (
        dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        if epoch and epoch.isdigit()
        else dt.datetime.now(dt.UTC)
    )
    rows = [
        [label("audit_tool", lang), audit["tool"]],
        *[[label("audit_plugin", lang).format(name=k), v] for k, v in audit["plugins"].items()],
        # a file and the first 16 hex digits of its sha256 (the whole digest is in the
        # embedded evaluation, which cadre verify checks)
        *[[label("audit_input", lang), _short_digest(f)] for f in audit["inputs"]],
        [label("as_of", lang), audit["as_of"]],
        [label("audit_generated", lang), when.strftime("%Y-%m-%d %H:%M:%S")],
    ]
    cols = [label("audit_col_item", lang), label("col_value", lang)]
    note = label("audit_verify_note", lang)
    title = label("report_audit_title", lang)
    return ReportSection(title, pd.DataFrame(rows, columns=cols), note)


def _extra(latest: Evaluation, lang: str, sections: Sequence[ReportSection]) -> list[ReportSection]:
    """The sections after the report's own: the socio-economic indicators beside the
    targets, what was set aside, not read or noted, the plugins left out, the plugins'
    ``sections``, and the audit block last."""
    from cadre_core.reports._indicators import indicator_sections

    return [
        *indicator_sections(latest, lang),
        *skipped_section(latest, lang),
        *not_read_section(latest, lang),
        *warnings_section(latest, lang),
        *failed_plugins_section(latest, lang),
        *sections,
        audit_section(latest, lang),
    ]


def _report_data(evaluation_or_evaluations: Evaluations, lang: str) -> ReportData:
    """What every report shows (:func:`cadre_core.reports._data.build`), imported when a
    report is written."""
    from cadre_core.reports._data import build

    return build(evaluation_or_evaluations, lang)


def write_xlsx(
    evaluation_or_evaluations: Evaluations,
    path: str | Path,
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> Path:
    """Write the Excel report and return its path.

    Sheets: a summary (every target with status, share against threshold, shortfall,
    deadline, in-cell progress bars and status colours), one sheet per target with its
    failing members, what each lacks and the body that must act, the unrated cadres, a
    status map and province sheet for several communes, trends (native line charts) when
    given several days, plugin ``sections``, and the parameters in force. Headers frozen,
    filters on, A4 landscape. Text cells are written as strings, never formulas.

    >>> import tempfile, pathlib
    >>> ev = cadre_core.evaluate(sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> write_xlsx(ev, pathlib.Path(tempfile.mkdtemp()) / "bao-cao.xlsx").name
    'bao-cao.xlsx'
    """
    from cadre_core.reports import _xlsx  # xlsxwriter: imported by the reports that use it

    data = _report_data(evaluation_or_evaluations, lang)
    extra = _extra(_latest(evaluation_or_evaluations), lang, sections)
    return _xlsx.write(data, Path(path), extra)


def write_html(
    evaluation_or_evaluations: Evaluations,
    path: str | Path,
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> Path:
    """Write the self-contained HTML report (no script, no network) and return its path.

    A dashboard of bullet charts (share meeting each target against the level needed), for
    several communes a province summary and a communes x targets status map, trend charts
    when given several days, then per target who falls short, why, and which body must
    act; an A4 landscape print stylesheet. Every text is HTML-escaped.

    >>> import tempfile, pathlib
    >>> ev = cadre_core.evaluate(sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> write_html(ev, pathlib.Path(tempfile.mkdtemp()) / "report.html", lang="en").name
    'report.html'
    """
    from cadre_core.reports import _html  # jinja2: imported by the reports that use it

    data = _report_data(evaluation_or_evaluations, lang)
    return _html.write(data, Path(path), _extra(_latest(evaluation_or_evaluations), lang, sections))


def write_pdf(
    evaluation_or_evaluations: Evaluations,
    path: str | Path,
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> Path:
    """Write the report as a PDF (A4 landscape) and return its path.

    The same document as :func:`write_html`, laid out by WeasyPrint with its print
    stylesheet: page 1 is the summary of every target; the commune and the page number
    are in every page's margins; fonts are embedded. Needs the Pango libraries
    (:class:`~cadre_core.vocab._pdf.PdfUnavailable` says what to install when missing).

    >>> import tempfile, pathlib
    >>> ev = cadre_core.evaluate(sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> write_pdf(ev, pathlib.Path(tempfile.mkdtemp()) / "report.pdf").read_bytes()[:4]
    b'%PDF'
    """
    from cadre_core.reports import _html
    from cadre_core.vocab._pdf import write_pdf_atomic

    data = _report_data(evaluation_or_evaluations, lang)
    latest = _latest(evaluation_or_evaluations)
    return write_pdf_atomic(path, _html.render(data, _extra(latest, lang, sections)))


def write_docx(
    evaluation_or_evaluations: Evaluations,
    path: str | Path,
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> Path:
    """Write the report as a Word document (A4 landscape, Times New Roman) to edit, sign
    and hand up, whole or not at all, and return its path.

    What :func:`write_html` shows, charts left out, as an administrative document: the
    head (the commune or province; the nation, its motto and the date line), the title
    block (the commune or the province, the day), the head counts, the targets' table (its
    heading row repeated on every page, no row split), a trend table per target when given
    several days, the communes ranked when there are several, then for each target not met
    who falls short and what each lacks, the unrated cadres, the findings, what was set
    aside, not read or noted, plugin ``sections``, the audit block and the signature block.

    >>> import tempfile, pathlib, docx
    >>> ev = cadre_core.evaluate(sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> out = write_docx(ev, pathlib.Path(tempfile.mkdtemp()) / "bao-cao.docx")
    >>> document = docx.Document(str(out))
    >>> document.tables[0].rows[0].cells[1].text.splitlines()[:2]
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']
    >>> [p.text for p in document.paragraphs[:2]]
    ['', 'BÁO CÁO ĐÁNH GIÁ THỰC HIỆN CHỈ TIÊU']
    """
    from cadre_core.reports import _docx  # python-docx: imported by the reports that use it

    data = _report_data(evaluation_or_evaluations, lang)
    latest = _latest(evaluation_or_evaluations)
    return _docx.write(data, Path(path), _extra(latest, lang, sections))


def render_html(evaluation_or_evaluations: Evaluations, *, lang: str = "vi") -> str:
    """The HTML report as text (what :func:`write_html` writes)."""
    from cadre_core.reports import _html

    return _html.render(_report_data(evaluation_or_evaluations, lang))


def evaluate_many(roster: Roster, days: Iterable[dt.date | str], **kwargs: Any) -> list[Evaluation]:
    """Evaluate ``roster`` on each of ``days`` (keyword arguments go to
    :func:`cadre_core.evaluate`); the plugins are loaded once. Oldest day first."""
    host = kwargs.pop("host", None)
    if host is None:
        host = PluginHost(make_plugin_manager(only=kwargs.pop("plugins", None)))
    evs = [evaluate(roster, day, host=host, **kwargs) for day in days]
    return sorted(evs, key=lambda e: e.as_of)


def plugin_sections(
    evaluation_or_evaluations: Evaluations, host: PluginHost | None = None
) -> list[ReportSection]:
    """The extra sections plugins add (``cadre_report_sections``) for the latest day.

    ``host`` defaults to the installed plugins named in the evaluation.
    """
    ev = _latest(evaluation_or_evaluations)
    if host is None:
        names = [p.name for p in ev.plugins if p.name != "cadre"]
        host = PluginHost(make_plugin_manager(only=names))
    return list(host.report_sections(ev))
