"""Filled forms as one HTML page to print, and as the PDF of that page.

The page draws the layout of :mod:`cadre_core.forms._layout`, as the workbook does: per
form the title block (the issuing body on the left, the form's number and unit on the
right), the title, the day, the column headings merged as the layout groups them, the
numbering row, the rows (a commune's name across the page before its block), and the
signature block; then the notes: every blank cell with the roster field it lacks, each
form's legal source, and what the reader set aside or did not read.

In print each form starts a page, A4 landscape; the headings and the numbering row repeat
at the top of every page a form takes (``thead``); a row never splits; the type is scaled
as Excel scales the workbook to one page wide (:func:`~cadre_core.vocab._print.print_scale`),
so both print alike. A blank cell is grey, never a zero. Every word comes from the form or
the label table; every value is escaped (:func:`~cadre_core.vocab._html.template`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from markupsafe import Markup

from cadre_core.forms._fill import FilledBlock, FilledForm
from cadre_core.forms._layout import (
    BLANK_FILL,
    BLANK_HEADS,
    BLOCK_FILL,
    blank_rows,
    date_line,
    depth,
    fit,
    headings,
    issuer,
    lines,
    numbering,
    part_name,
    shown,
    title_right,
)
from cadre_core.plugins._sections import ReportSection
from cadre_core.targets._forms import Form
from cadre_core.vocab._files import write_atomic
from cadre_core.vocab._html import template
from cadre_core.vocab._labels import fmt_date, label
from cadre_core.vocab._print import MARGIN_SIDE

#: from how many documents (:func:`pdf_parts` and the notes) a PDF is laid out by one
#: process per CPU: below it, starting them costs more than it saves
PARALLEL_FROM = 8

CSS = """
body{font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;color:#000;
margin:1.5em;line-height:1.2}
section.form{margin-bottom:3em;font-size:11pt}
.head{display:flex;justify-content:space-between;gap:2em;text-align:center;font-weight:bold}
.head>div{flex:1}.head .right i{display:block;font-weight:normal}
h1{text-align:center;font-size:1.25em;margin:.6em 0 .1em;string-set:formtitle attr(data-title)}
.asof{text-align:center;font-style:italic;margin:.1em 0 .5em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #000;padding:1px 2px;vertical-align:middle}
th{font-weight:bold;text-align:center;font-size:.92em;overflow-wrap:break-word;hyphens:auto}
th.turned{padding:0;vertical-align:bottom}.turn{position:relative}
.turn>div{position:absolute;left:0;top:100%;transform-origin:0 0;transform:rotate(-90deg);
display:flex;flex-direction:column;justify-content:center;text-align:center;line-height:1.1}
tr.num td{text-align:center;font-style:italic;font-size:.82em}
td.l{text-align:left;overflow-wrap:break-word}td.b{font-weight:bold}
td.v,td.t{text-align:center}td.blank{background:__BLANK__}
tr.block td{font-weight:bold;background:__BLOCK__}
.signatures{display:flex;justify-content:space-between;gap:2em;margin-top:.8em;
text-align:center;break-inside:avoid;break-before:avoid}
.signatures>div{flex:1}.signatures b,.signatures i{display:block}
.signatures .date{font-style:italic;margin-bottom:.3em}.signatures .space{height:3.5em}
section.notes{font-size:9pt}section.notes h2{font-size:1.15em}
section.notes h2[data-title]{string-set:formtitle attr(data-title)}
section.notes table{margin:.4em 0 1em;table-layout:auto}section.notes table.blanks{table-layout:fixed}section.notes th{font-size:1em}
section.notes td{overflow-wrap:anywhere}
@page{size:A4 landscape;margin:15mm __SIDE__in 12mm __SIDE__in;
@top-left{content:string(formtitle);font:7.5pt "DejaVu Sans",sans-serif;color:#555}
@bottom-center{content:"__PAGE__ " counter(page) "/" counter(pages);
font:7.5pt "DejaVu Sans",sans-serif;color:#555}}
@media print{body{margin:0}section.form,section.notes{break-before:page;margin:0}
section.form:first-child{break-before:auto}thead{display:table-header-group}
tr{break-inside:avoid}}
"""

TEMPLATE = """\
<!doctype html><html lang='{{ lang }}'><head><meta charset='utf-8'>
<meta name='viewport' content='width=device-width, initial-scale=1'>
<title>{{ title }}</title><style>{{ css }}</style></head><body>
{% for f in forms %}
<section class='form' id='{{ f.id }}'>
<div class='head'><div class='issuer'>{% for t in f.issuer %}<div>{{ t }}</div>{% endfor %}\
</div><div class='right'>{% for t in f.right %}{% if loop.first %}<div>{{ t }}</div>\
{% else %}<i>{{ t }}</i>{% endif %}{% endfor %}</div></div>
<h1 data-title='{{ f.running }}'>{% for t in f.title %}{{ t }}{% if not loop.last %}<br>{% endif %}{% endfor %}</h1>
<p class='asof'>{{ f.as_of }}</p>
<table style='font-size:{{ f.font }}pt'><colgroup>{% for w in f.widths %}<col style='width:{{ w }}%'>{% endfor %}</colgroup>
<thead>{% for row in f.head %}<tr>{% for h in row %}<th scope='col'\
{% if h.rows > 1 %} rowspan='{{ h.rows }}'{% endif %}{% if h.cols > 1 %} colspan='{{ h.cols }}'\
{% endif %}{% if h.turned %} class='turned'><div class='turn' style='height:{{ f.room }}pt'>\
<div style='width:{{ f.room }}pt;height:{{ h.across }}pt'>{{ h.text }}</div></div>\
{% else %}>{{ h.text }}{% endif %}</th>{% endfor %}</tr>{% endfor %}
<tr class='num'>{% for n in f.numbers %}<td>{{ n }}</td>{% endfor %}</tr></thead>
<tbody>{% for line in f.lines %}{% if line.block is not none %}<tr class='block'>\
<td colspan='{{ f.widths | length }}'>{{ line.block }}</td></tr>{% else %}\
<tr{% if line.heading %} class='heading'{% endif %}>\
{% for text, cls in line.cells %}<td class='{{ cls }}'>{{ text }}</td>{% endfor %}</tr>\
{% endif %}
{% endfor %}</tbody></table>
<div class='signatures'>{% for s in f.signers %}<div>{% if loop.last %}\
<div class='date'>{{ f.date_line }}</div>{% elif f.signers | length > 1 %}<div class='date'>&nbsp;</div>\
{% endif %}<b>{{ s[0] }}</b><i>{{ s[1] }}</i><div class='space'></div></div>\
{% else %}<div></div><div><div class='date'>{{ f.date_line }}</div></div>{% endfor %}</div>
</section>
{% endfor %}
{% if notes %}<section class='notes'>
<h2 data-title='{{ L.notes }}'>{{ L.notes_title }}</h2>
{% if blanks %}<table class='blanks'><colgroup><col style='width:11%'><col style='width:27%'>\
<col style='width:7%'><col style='width:22%'><col style='width:33%'></colgroup><thead><tr>{% for h in blank_heads %}<th scope='col'>{{ h }}</th>\
{% endfor %}</tr></thead><tbody>{% for row in blanks %}<tr>{% for v in row %}\
<td class='l'>{{ v }}</td>{% endfor %}</tr>{% endfor %}</tbody></table>
{% else %}<p>{{ L.no_blank }}</p>{% endif %}
{% for s in sources %}<p>{{ s }}</p>{% endfor %}
{% for s in sections %}<h2>{{ s.title }}</h2>{% if s.note %}<p>{{ s.note }}</p>{% endif %}
<table><thead><tr>{% for h in s.head %}<th scope='col'>{{ h }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in s.rows %}<tr>{% for v in row %}<td class='l'>{{ v }}</td>{% endfor %}</tr>\
{% endfor %}</tbody></table>
{% endfor %}
</section>{% endif %}
</body></html>
"""


def _class(kind: str, value: Any, bold: bool) -> str:
    if kind == "label":
        return "l b" if bold else "l"
    if kind in ("text", "empty"):
        return "t"
    if value is None:
        return "blank"
    return "v b" if bold else "v"


def _head(form: Form, lang: str) -> dict[str, Any]:
    """The template's values of what a form prints the same on each of its documents: the
    type's size, the columns' widths, the headings (made once per form) and the numbering
    row."""
    cells = headings(form, lang)
    fitted = fit(form, lang, cells)
    points = fitted.points
    total = sum(points)
    rows: list[list[dict[str, Any]]] = [[] for _ in range(depth(form))]
    for h in cells:
        across = sum(points[h.col : h.col + h.cols]) / total * fitted.page - 3  # less the padding
        cell = {"rows": h.rows, "cols": h.cols, "text": h.text, "turned": h.turned}
        rows[h.row].append({**cell, "across": round(across, 2)})
    return {
        "font": fitted.font,
        "widths": [round(100 * p / total, 3) for p in points],
        "head": rows,
        "room": fitted.room,
        "numbers": numbering(form),
    }


def _form(
    filled: FilledForm,
    lang: str,
    index: int,
    blocks: Sequence[FilledBlock] | None = None,
    head: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The template's values of one form (of only ``blocks`` of it when given), with its
    :func:`_head` when the caller made it already."""
    form = filled.form
    body: list[Any] = []
    for line in lines(filled, lang, blocks):
        cells = [(shown(c.value), _class(c.kind, c.value, c.bold)) for c in line.cells]
        body.append({"block": line.block, "cells": cells, "heading": line.heading})
    signers = [(t.get(lang), n.get(lang)) for t, n in form.signers]
    return {
        **(_head(form, lang) if head is None else head),
        "id": f"form-{index}",
        "issuer": issuer(filled, lang, blocks),
        "date_line": date_line(filled, lang, blocks),
        "right": title_right(filled, lang),
        "title": filled.title(lang),
        "running": " ".join([*filled.title(lang), *part_name(filled, blocks, lang)]),
        "as_of": label("forms_as_of", lang).format(day=fmt_date(filled.as_of)),
        "lines": body,
        "signers": signers,
    }


def _page(
    parts: Sequence[tuple[FilledForm, Sequence[FilledBlock] | None]],
    notes: Sequence[FilledForm] | None,
    lang: str,
    sections: Sequence[ReportSection],
    heads: Sequence[dict[str, Any]] | None = None,
) -> str:
    """The HTML page of ``parts`` (each a form, or only some blocks of it), then the notes
    of the forms ``notes`` (none when None); ``heads``: each part's form's :func:`_head`,
    when the caller made them already."""
    titles = [" ".join(f.title(lang)) for f, _ in parts]
    css = (
        CSS.replace("__BLANK__", BLANK_FILL)
        .replace("__BLOCK__", BLOCK_FILL)
        .replace("__SIDE__", str(MARGIN_SIDE))
        .replace("__PAGE__", label("report_page", lang).replace('"', ""))
    )
    shown_sections = [
        {"title": s.title, "note": s.note, "head": head, "rows": rows}
        for s in sections
        for head, rows in [s.texts()]
    ]
    noted = list(notes or ())
    return template(TEMPLATE).render(
        lang=lang,
        title="; ".join(dict.fromkeys(titles)) or label("forms_notes_sheet", lang),
        css=Markup(css),
        forms=[
            _form(f, lang, i, blocks, None if heads is None else heads[i])
            for i, (f, blocks) in enumerate(parts)
        ],
        L={
            "notes": label("forms_notes_sheet", lang),
            "notes_title": label("forms_notes_title", lang),
            "no_blank": label("forms_no_blank", lang),
        },
        notes=notes is not None,
        blank_heads=[label(k, lang) for k in BLANK_HEADS],
        blanks=blank_rows(noted, lang),
        sources=[label("forms_source", lang).format(source=f.form.source) for f in noted],
        sections=shown_sections,
    )


def render_forms_html(
    filled: FilledForm | Sequence[FilledForm],
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> str:
    """The HTML page of one or several filled forms, then the notes: the blank cells and
    why, each form's source, and ``sections`` (what the reader set aside or did not read).

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> page = render_forms_html(cadre_core.compute_form(FORM_9C, f))
    >>> "Biểu số 9C-BTCTW" in page and "<thead>" in page
    True
    """
    forms = [filled] if isinstance(filled, FilledForm) else list(filled)
    return _page([(f, None) for f in forms], forms, lang, sections)


def pdf_parts(forms: Sequence[FilledForm]) -> list[tuple[FilledForm, Sequence[FilledBlock] | None]]:
    """The documents a PDF of ``forms`` is laid out in, one after the other: each form of
    one commune whole; a form of several communes one document per commune's block, then
    the province's (each with its title block, headings, signature block and page
    numbers: the form that commune, or the province, hands up). WeasyPrint holds a whole
    document's layout in memory, so a province's PDF needs no more than its largest
    commune's form."""
    out: list[tuple[FilledForm, Sequence[FilledBlock] | None]] = []
    for f in forms:
        if len(f.blocks) < 2:
            out.append((f, None))
        else:
            out.extend((f, (b,)) for b in f.blocks)
    return out


def write_form_html(
    filled: FilledForm | Sequence[FilledForm],
    path: str | Path,
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> Path:
    """Write the page of :func:`render_forms_html` to ``path``, whole or not at all.

    >>> import tempfile
    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> out = write_form_html(cadre_core.compute_form(FORM_9C, f), Path(tempfile.mkdtemp()) / "9c.html")
    >>> "Biểu số 9C-BTCTW" in out.read_text(encoding="utf-8")
    True
    """
    page = render_forms_html(filled, lang=lang, sections=sections)
    return write_atomic(path, page.encode("utf-8"))


def _workers(documents: int) -> int:
    """How many processes should lay out a PDF of ``documents`` documents."""
    from cadre_core.vocab._cpus import usable_cpus

    return usable_cpus() if documents >= PARALLEL_FROM else 1


def pdf_workers(forms: Sequence[FilledForm]) -> int:
    """How many processes should lay out the PDF of ``forms``: one per CPU this process
    may use from :data:`PARALLEL_FROM` documents (:func:`pdf_parts` and the notes), else
    one (what :func:`form_pdf_bytes` chooses when given ``workers=None``).

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> pdf_workers([cadre_core.compute_form(FORM_9C, f)])
    1
    """
    return _workers(len(pdf_parts(forms)) + 1)


def form_pdf_bytes(
    filled: FilledForm | Sequence[FilledForm],
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
    advance: Callable[[int], object] | None = None,
    workers: int | None = 1,
) -> bytes:
    """The PDF to hand up of the forms, as the bytes :func:`write_form_pdf` writes: each
    document of :func:`pdf_parts` (a form, or one commune's block of a province's form)
    laid out on A4 landscape by WeasyPrint, then the notes, one after the other in one
    file; one step of the task ``progress_writing`` (:mod:`cadre_core.vocab._progress`)
    and ``advance(1)`` after each. ``workers`` processes lay the documents out at once
    (``None``: :func:`pdf_workers`' choice, which the command line makes); they are
    started by a forkserver, which imports the calling script again, so a script that
    asks for more than one needs the ``if __name__ == "__main__":`` guard. Raises
    :class:`~cadre_core.vocab._pdf.PdfUnavailable` when the system lacks Pango.

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> form_pdf_bytes(cadre_core.compute_form(FORM_9C, f))[:5]
    b'%PDF-'
    """
    from cadre_core.vocab._pdf import joined_pdf, pdfs
    from cadre_core.vocab._progress import task

    forms = [filled] if isinstance(filled, FilledForm) else list(filled)
    parts = pdf_parts(forms)
    heads: dict[int, dict[str, Any]] = {}  # made once per form, for each of its documents
    htmls = []
    for f, blocks in parts:
        if id(f) not in heads:
            heads[id(f)] = _head(f.form, lang)
        htmls.append(_page([(f, blocks)], None, lang, (), [heads[id(f)]]))
    htmls.append(_page([], forms, lang, sections))
    shown = _workers(len(htmls)) if workers is None else workers

    def laid_out(step: Callable[[int], object]) -> Iterator[bytes]:
        for data in pdfs(htmls, shown):
            yield data
            step(1)
            if advance is not None:
                advance(1)

    with task("progress_writing", len(htmls)) as step:
        return joined_pdf(laid_out(step))


def write_form_pdf(
    filled: FilledForm | Sequence[FilledForm],
    path: str | Path,
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
    advance: Callable[[int], object] | None = None,
    workers: int = 1,
) -> Path:
    """Write the forms as a PDF to hand up (:func:`form_pdf_bytes`), whole or not at all:
    each document of :func:`pdf_parts` (a form, or one commune's block of a province's
    form) laid out on A4 landscape by WeasyPrint, then the notes, one after the other in
    one file; ``advance(1)`` after each. ``workers`` processes lay the documents out at
    once (the command line gives :func:`pdf_workers`); they are started by a forkserver,
    which imports the calling script again, so a script that asks for more than one needs
    the ``if __name__ == "__main__":`` guard. Raises
    :class:`~cadre_core.vocab._pdf.PdfUnavailable` when the system lacks Pango.

    >>> import tempfile
    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> out = Path(tempfile.mkdtemp()) / "9c.pdf"
    >>> write_form_pdf(cadre_core.compute_form(FORM_9C, f), out).read_bytes()[:5]
    b'%PDF-'
    """
    data = form_pdf_bytes(filled, lang=lang, sections=sections, advance=advance, workers=workers)
    return write_atomic(path, data)


__all__ = [
    "form_pdf_bytes",
    "pdf_parts",
    "pdf_workers",
    "render_forms_html",
    "write_form_html",
    "write_form_pdf",
]
