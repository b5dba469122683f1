"""Stage 8, forms: the official reporting forms filled from a roster on a day.

Owns filling a :class:`~cadre_core.targets.Form` from the feature frames
(:func:`compute_form`, :mod:`._fill`), writing a filled form as an xlsx workbook laid out
as the printed form (:func:`write_form_xlsx`, :mod:`._xlsx`), as a page to print and its
PDF (:func:`write_form_html`, :func:`write_form_pdf`, :mod:`._html`), as a Word document
to edit, sign and hand up (:func:`write_form_docx`, :mod:`._docx`), all drawing the one
printed layout of :mod:`._layout`, and as a JSON document
(:func:`forms_document`, :mod:`._json`); choosing the forms by code, filling them
from a roster on a day and choosing the writer of a format, for the command line and the
service alike (:func:`fill_forms`, :func:`render_forms`, :mod:`._run`). A sibling of
``reports`` and ``planner``: it imports neither.

May import: :mod:`cadre_core.engine`, :mod:`cadre_core.plugins`,
:mod:`cadre_core.findings`, :mod:`cadre_core.targets`, :mod:`cadre_core.features`,
:mod:`cadre_core.roster` and :mod:`cadre_core.vocab` (see ``docs/architecture.md``).
"""

from cadre_core.forms._docx import form_docx_bytes, write_form_docx
from cadre_core.forms._fill import (
    Blank,
    FilledBlock,
    FilledForm,
    FilledRow,
    compute_form,
    field_words,
    informs,
)
from cadre_core.forms._html import (
    pdf_parts,
    pdf_workers,
    render_forms_html,
    write_form_html,
    write_form_pdf,
)
from cadre_core.forms._json import forms_document, forms_json, pseudonymize_forms
from cadre_core.forms._run import UnknownFormError, choose_forms, fill_forms, render_forms
from cadre_core.forms._xlsx import write_form_xlsx

__all__ = [
    "Blank",
    "FilledBlock",
    "FilledForm",
    "FilledRow",
    "UnknownFormError",
    "choose_forms",
    "compute_form",
    "field_words",
    "fill_forms",
    "form_docx_bytes",
    "forms_document",
    "forms_json",
    "informs",
    "pdf_parts",
    "pdf_workers",
    "pseudonymize_forms",
    "render_forms",
    "render_forms_html",
    "write_form_docx",
    "write_form_html",
    "write_form_pdf",
    "write_form_xlsx",
]
