"""Fill the chosen forms from a roster on a day and write them in a format: the one way
the command line (``cadre forms``) and the service (``POST /v1/forms/{form}``) both do it.

:func:`choose_forms` finds the forms asked for by code (any case) among the plugins'
forms; :func:`fill_forms` builds the feature frame of the day once (as the engine builds
it) and fills each form from it, carrying what the reader set aside and did not read;
:func:`render_forms` chooses the writer of a format (the JSON document, the workbook, the
page, the PDF, the Word document) and gives the bytes it writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cadre_core.forms._fill import FilledForm, compute_form, province_total, with_roster_notes
from cadre_core.plugins._host import PluginHost
from cadre_core.plugins._sections import ReportSection
from cadre_core.roster._roster import Roster
from cadre_core.targets._forms import Form

#: the formats a filled form is written in (:func:`render_forms`)
FORMATS = ("json", "xlsx", "html", "pdf", "docx")
#: what a form of several communes holds (:func:`fill_forms`): each commune's block then
#: the province's total (``commune``, the default), or the province's total alone
BY = ("commune", "province")


class UnknownFormError(LookupError):
    """A form code no plugin declares: ``code`` and the ``known`` codes, in order."""

    def __init__(self, code: str, known: Sequence[str]) -> None:
        super().__init__(code, tuple(known))
        self.code = code
        self.known = tuple(known)


def choose_forms(forms: Sequence[tuple[str, Form]], codes: Sequence[str]) -> list[tuple[str, Form]]:
    """The ``(plugin, form)`` pairs of ``codes`` (any case), in the order asked; every
    form when no code is given; an unknown code raises :class:`UnknownFormError`.

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> [f.code for _, f in choose_forms([("cadre", FORM_9C)], ["9c-btctw"])]
    ['9C-BTCTW']
    >>> choose_forms([("cadre", FORM_9C)], ["X"])
    Traceback (most recent call last):
    cadre_core.forms._run.UnknownFormError: ('X', ('9C-BTCTW',))
    """
    if not codes:
        return list(forms)
    by_code = {f.code.casefold(): (p, f) for p, f in forms}
    out = []
    for code in codes:
        found = by_code.get(code.casefold())
        if found is None:
            raise UnknownFormError(code, [f.code for _, f in forms])
        out.append(found)
    return out


def fill_forms(
    host: PluginHost,
    roster: Roster,
    day: dt.date,
    chosen: Sequence[tuple[str, Form]],
    *,
    params_file: str | None = None,
    params: Mapping[str, Any] | None = None,
    advance: Callable[[int], object] | None = None,
    by: str = "commune",
) -> list[FilledForm]:
    """Each chosen form filled from the feature frame of ``day`` (built once, as the
    engine builds it: built-in and plugin features, annual ratings from scores), with
    the parameters of ``params_file`` and the ``params`` overrides; ``advance(1)`` after
    each form. ``by`` (:data:`BY`): a form of several communes holds each commune's block
    then the province's total (``commune``), or the province's total alone
    (``province``, :func:`~cadre_core.forms._fill.province_total`); a form of one commune
    is the same either way. A plugin's error is a ``PluginError``, a bad parameter a
    ``ParameterError``.

    >>> from cadre_core.plugins._host import make_plugin_manager
    >>> host = PluginHost(make_plugin_manager(only=["cadre"]))
    >>> roster = cadre_core.sample_roster()
    >>> chosen = choose_forms(host.forms(), ["9C-BTCTW"])
    >>> [f.form.code for f in fill_forms(host, roster, dt.date(2026, 12, 31), chosen)]
    ['9C-BTCTW']
    >>> fill_forms(host, roster, dt.date(2026, 12, 31), chosen, by="district")
    Traceback (most recent call last):
    ValueError: by='district': one of commune, province
    """
    from cadre_core.engine._pipeline import build_frame, prepare

    if by not in BY:
        raise ValueError(f"by={by!r}: one of {', '.join(BY)}")
    prepared = prepare(day, host=host, params_file=params_file, params=params, findings=False)
    features = build_frame(prepared, roster)
    out = []
    for plugin, form in chosen:
        filled = with_roster_notes(compute_form(form, features, plugin=plugin), roster)
        out.append(province_total(filled) if by == "province" else filled)
        if advance is not None:
            advance(1)
    return out


def render_forms(
    filled: Sequence[FilledForm],
    fmt: str,
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
    workers: int | None = 1,
) -> bytes:
    """The bytes of the filled forms written as ``fmt``, one of :data:`FORMATS`: the JSON
    document (:func:`~cadre_core.forms.forms_json`), the workbook
    (:func:`~cadre_core.forms._xlsx.form_xlsx_bytes`), the page to print
    (:func:`~cadre_core.forms.render_forms_html`), the PDF to hand up
    (:func:`~cadre_core.forms._html.form_pdf_bytes`) or the Word document to edit, sign
    and hand up (:func:`~cadre_core.forms._docx.form_docx_bytes`), all but the first with
    ``sections`` (what the reader set aside and did not read) in their notes. ``workers``:
    the processes that lay a PDF out (``None``: :func:`~cadre_core.forms.pdf_workers`'
    choice, as the command line asks; the service asks one, its threads serving requests
    side by side). A workbook, a page or a Word document is one step of the task
    ``progress_writing``, a PDF one step per document (:mod:`cadre_core.vocab._progress`).

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> filled = [compute_form(FORM_9C, f)]
    >>> [render_forms(filled, fmt)[:2] for fmt in ("xlsx", "html", "docx")]
    [b'PK', b'<!', b'PK']
    >>> render_forms(filled, "json")[:1]
    b'{'
    >>> render_forms(filled, "csv")
    Traceback (most recent call last):
    ValueError: not a format of the forms: 'csv' (json, xlsx, html, pdf, docx)
    """
    from cadre_core.forms._docx import form_docx_bytes
    from cadre_core.forms._html import form_pdf_bytes, render_forms_html
    from cadre_core.forms._json import forms_json
    from cadre_core.forms._xlsx import form_xlsx_bytes
    from cadre_core.vocab._progress import task

    if fmt not in FORMATS:
        raise ValueError(f"not a format of the forms: {fmt!r} ({', '.join(FORMATS)})")
    if fmt == "json":
        return forms_json(filled, lang)
    if fmt == "pdf":  # one step per document: a province's PDF takes minutes
        return form_pdf_bytes(filled, lang=lang, sections=sections, workers=workers)
    with task("progress_writing", None):
        if fmt == "xlsx":
            return form_xlsx_bytes(filled, lang=lang, sections=sections)
        if fmt == "docx":
            return form_docx_bytes(filled, lang=lang, sections=sections)
        return render_forms_html(filled, lang=lang, sections=sections).encode("utf-8")


__all__ = ["BY", "FORMATS", "UnknownFormError", "choose_forms", "fill_forms", "render_forms"]
