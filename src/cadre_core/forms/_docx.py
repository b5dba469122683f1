"""Filled forms as a Word document (.docx): the file a clerk edits, signs and hands up.

The document draws the layout of :mod:`cadre_core.forms._layout`, as the workbook and the
page do. Each document of :func:`~cadre_core.forms._html.pdf_parts` (a form, or one
commune's block of a form of several communes, then the province's) is a section of its
own, starting a page, on A4 landscape as every writer prints a form
(:func:`~cadre_core.forms._layout.fit`): the title block (the issuing body on the left,
the form's number and unit on the right), the title, the day, the table (the headings
merged as the layout groups them, a narrow column's heading turned to read upwards, the
numbering row, the rows, the columns as wide as their shares of the page), then the place
and date line and the signature block. The headings and the numbering row repeat at the
top of every page the table takes; a row never splits across pages; the table's last row
keeps the signature block on its page; a commune's name keeps its first row. Each section
numbers its own pages from 1 ("Trang 2": a page count per section is a field Word
knows and LibreOffice does not) and carries the form's title at the head of its pages.
After the forms, the notes: every blank cell with the roster field it lacks, each form's
legal source, and what the reader set aside or did not read.

The type is Times New Roman (Nghị định 30/2020/NĐ-CP), at the size the page fits the
form's columns at. A blank cell is grey, never a zero. Every word comes from the form or
the label table. The headings are merged with python-docx (``cell.merge``); the rows
below them, which may be thousands on a province's form of names, are written as text
(:mod:`cadre_core.vocab._docx`, every text escaped) and put in the saved document.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cadre_core.forms._fill import FilledBlock, FilledForm
from cadre_core.forms._layout import (
    BLANK_FILL,
    BLANK_HEADS,
    BLOCK_FILL,
    Fit,
    Line,
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
from cadre_core.vocab._docx import NS, W_NS, DocxWriter, tbl_pr, tc, tr, twips
from cadre_core.vocab._files import write_atomic
from cadre_core.vocab._labels import fmt_date, label

#: sizes (points) of the title block, the title and the notes (as the page prints them)
HEAD_PT, TITLE_PT, NOTES_PT = 11.0, 13.0, 9.0
#: the headings' and the numbering row's type, as a share of the rows' (as on the page)
HEADING_EM, NUMBER_EM = 0.92, 0.82
#: the widths of the notes' table of blank cells, as shares of the page (as on the page)
BLANK_SHARES = (0.11, 0.27, 0.07, 0.22, 0.33)
#: the room left to sign under each signer's title (points)
SIGN_ROOM_PT = 38.5


class _Writer(DocxWriter):
    """One document of forms being written (:class:`~cadre_core.vocab._docx.DocxWriter`)."""

    def __init__(self, lang: str) -> None:
        super().__init__(lang, prefix="CadreForm", name_key="forms_docx_style")
        #: each form's header rows, widths and fit (:meth:`_head`), by the form's identity
        self._heads: dict[int, tuple[Any, list[int], Fit]] = {}

    # -------------------------------------------------------------- a form
    def form(self, filled: FilledForm, blocks: Sequence[FilledBlock] | None, first: bool) -> None:
        """One document of a form (only ``blocks`` of it when given) in a section."""
        lang = self.lang
        running = " ".join([*filled.title(lang), *part_name(filled, blocks, lang)])
        self.section(first, running)
        half = round(self.page * 10)
        left, right = issuer(filled, lang, blocks), title_right(filled, lang)
        head = tc(
            half, "".join(self.p(t, HEAD_PT, bold=True) for t in left) or self.p("", HEAD_PT)
        ) + tc(
            round(self.page * 20) - half,
            "".join(self.p(t, HEAD_PT, bold=i == 0, italic=i > 0) for i, t in enumerate(right)),
        )
        title = [self.p(t, TITLE_PT, bold=True) for t in filled.title(lang)]
        day = label("forms_as_of", lang).format(day=fmt_date(filled.as_of))
        self.body_xml(
            self.table([half, round(self.page * 20) - half], [tr([head])], borders=False)
            + self.p("", HEAD_PT)
            + "".join(title)
            + self.p(day, HEAD_PT, italic=True, after=6)
        )
        self._grid(filled, blocks)
        self._signatures(filled, blocks)

    def _grid(self, filled: FilledForm, blocks: Sequence[FilledBlock] | None) -> None:
        """The form's table: its header rows (:meth:`_head`, made once per form and copied
        into each of its documents), then every printed line."""
        import copy

        made = self._heads.get(id(filled))
        if made is None:
            made = self._heads[id(filled)] = self._head(filled)
        head, widths, fitted = made
        tbl = copy.deepcopy(head)
        body = list(lines(filled, self.lang, blocks))
        xml = "".join(
            self._line(line, widths, fitted, keep=i == len(body) - 1) for i, line in enumerate(body)
        )
        tbl.append(self._held(xml, row=True))
        self.doc.element.body.find(f"{{{W_NS}}}sectPr").addprevious(tbl)

    def _head(self, filled: FilledForm) -> tuple[Any, list[int], Fit]:
        """A table of the form's header rows alone, out of the document, with its columns'
        widths and the form's fit: the headings merged as the layout groups them
        (python-docx ``cell.merge``), a turned heading reading upwards, the numbering row;
        every header row repeated at the top of each page and never split."""
        from docx.oxml import parse_xml
        from docx.shared import Twips

        form, lang = filled.form, self.lang
        cells = headings(form, lang)
        fitted = fit(form, lang, cells)
        widths = twips(fitted.shares, fitted.page)
        rows = depth(form)
        table = self.doc.add_table(rows=rows + 1, cols=len(widths))
        tbl = table._tbl
        tbl.getparent().remove(tbl)
        tbl.replace(tbl.tblPr, parse_xml(tbl_pr(sum(widths), borders=True)))
        for column, w in zip(table.columns, widths, strict=True):
            column.width = Twips(w)
        for row in table.rows:
            for cell, w in zip(row.cells, widths, strict=True):
                cell.width = Twips(w)
        size = fitted.font * HEADING_EM
        # the grid's cells before any merge: the heading cells are disjoint, so each one's
        # corners are still its own when it is merged (table.cell() walks the whole table)
        grid = [row.cells for row in table.rows]
        for h in cells:
            cell = grid[h.row][h.col]
            if (h.rows, h.cols) != (1, 1):
                cell = cell.merge(grid[h.row + h.rows - 1][h.col + h.cols - 1])
            self._put(cell, self.p(h.text, size, bold=True), turned=h.turned)
        for cell, number in zip(grid[rows], numbering(form), strict=True):
            self._put(cell, self.p(number, fitted.font * NUMBER_EM, italic=True))
        turned = any(h.turned for h in cells)
        for i, row in enumerate(table.rows):
            xml = tr([], header=True, height=fitted.room if turned and i == rows - 1 else None)
            old = row._tr.trPr
            if old is not None:
                row._tr.remove(old)
            row._tr.insert(0, parse_xml(xml.replace("<w:tr>", f"<w:tr {NS}>"))[0])
        return tbl, widths, fitted

    @staticmethod
    def _put(cell: Any, paragraph: str, *, turned: bool = False) -> None:
        """``cell``'s content: ``paragraph``, centred top to bottom, turned to read upwards
        when ``turned``."""
        from docx.enum.table import WD_ALIGN_VERTICAL
        from docx.oxml import parse_xml

        tc = cell._tc
        for p in tc.xpath("./w:p"):
            tc.remove(p)
        tc.append(parse_xml(paragraph.replace("<w:p>", f"<w:p {NS}>", 1)))
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        if turned:
            tc.tcPr.insert_element_before(
                parse_xml(f'<w:textDirection {NS} w:val="btLr"/>'),
                *("w:tcFitText", "w:vAlign", "w:hideMark", "w:headers"),
                *("w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange"),
            )

    def _line(self, line: Line, widths: Sequence[int], fitted: Fit, *, keep: bool) -> str:
        """The XML of a printed line: a commune's name across the page (kept with its
        first row), or the row's cells; ``keep``: kept with what follows (the last row,
        with the signature block)."""
        size = fitted.font
        if line.block is not None:
            name = self.p(line.block, size, align="left", bold=True, keep=True)
            return tr([tc(sum(widths), name, span=len(widths), fill=BLOCK_FILL)])
        out = []
        for cell, width in zip(line.cells, widths, strict=True):
            text = shown(cell.value)
            align = "left" if cell.kind == "label" else "center"
            para = self.p(text, size, align=align, bold=cell.bold, keep=keep)
            blank = cell.kind == "value" and cell.value is None
            out.append(tc(width, para, fill=BLANK_FILL if blank else None))
        return tr(out)

    def _signatures(self, filled: FilledForm, blocks: Sequence[FilledBlock] | None) -> None:
        """The place and date line over the last signer, and each signer's title, the line
        under it and room to sign: one row that never splits, kept with the table's last
        row by the paragraph between them."""
        lang = self.lang
        signers = [(t.get(lang), n.get(lang)) for t, n in filled.form.signers]
        when = date_line(filled, lang, blocks)
        columns: list[str] = []
        if not signers:
            columns = ["", self.p(when, HEAD_PT, italic=True)]
        for i, (title, note) in enumerate(signers):
            last = i == len(signers) - 1
            top = when if last else ""
            dated = self.p(top, HEAD_PT, italic=True) if last or len(signers) > 1 else ""
            columns.append(
                dated
                + self.p(title, HEAD_PT, bold=True)
                + self.p(note, HEAD_PT, italic=True)
                + self.p("", HEAD_PT, height=SIGN_ROOM_PT)
            )
        widths = twips([1 / len(columns)] * len(columns), self.page)
        row = tr(tc(w, c or self.p("", HEAD_PT)) for w, c in zip(widths, columns, strict=True))
        self.body_xml(self.p("", HEAD_PT, keep=True) + self.table(widths, [row], borders=False))

    # -------------------------------------------------------------- the notes
    def notes(self, forms: Sequence[FilledForm], sections: Sequence[ReportSection]) -> None:
        """The notes in a section of their own: the blank cells and why (or that there is
        none), each form's source, then each of ``sections`` (what the reader set aside
        or did not read) with its table."""
        lang = self.lang
        self.section(not forms, label("forms_notes_sheet", lang))
        title = label("forms_notes_title", lang)
        xml = [self.p(title, NOTES_PT * 1.15, align="left", bold=True, after=4)]
        found = blank_rows(forms, lang)
        if found:
            xml.append(
                self._notes_table([label(k, lang) for k in BLANK_HEADS], found, BLANK_SHARES)
            )
        else:
            xml.append(self.p(label("forms_no_blank", lang), NOTES_PT, align="left"))
        for f in forms:
            source = label("forms_source", lang).format(source=f.form.source)
            xml.append(self.p(source, NOTES_PT, align="left", after=3))
        xml += self.sections_xml(sections, NOTES_PT)
        self.body_xml("".join(xml))

    def _notes_table(
        self, head: Sequence[str], rows: Sequence[Sequence[str]], shares: Sequence[float]
    ) -> str:
        """The XML of a table of the notes (:meth:`listing`, in the notes' type)."""
        return self.listing(head, rows, shares, NOTES_PT)


def form_docx_bytes(
    filled: FilledForm | Sequence[FilledForm],
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> bytes:
    """The Word document of the forms, as the bytes :func:`write_form_docx` writes: each
    document of :func:`~cadre_core.forms._html.pdf_parts` (a form, or one commune's block
    of a form of several communes, then the province's) in a section of its own, then the
    notes: the blank cells and why, each form's source, and ``sections`` (what the reader
    set aside or did not read).

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> form_docx_bytes(cadre_core.compute_form(FORM_9C, f))[:2]
    b'PK'
    """
    from cadre_core.forms._html import pdf_parts

    forms = [filled] if isinstance(filled, FilledForm) else list(filled)
    writer = _Writer(lang)
    for i, (one, blocks) in enumerate(pdf_parts(forms)):
        writer.form(one, blocks, i == 0)
    writer.notes(forms, sections)
    titles = [" ".join(f.title(lang)) for f in forms]
    return writer.bytes("; ".join(dict.fromkeys(titles)) or label("forms_notes_sheet", lang))


def write_form_docx(
    filled: FilledForm | Sequence[FilledForm],
    path: str | Path,
    *,
    lang: str = "vi",
    sections: Sequence[ReportSection] = (),
) -> Path:
    """Write the forms as a Word document to edit, sign and hand up
    (:func:`form_docx_bytes`), whole or not at all.

    >>> import tempfile
    >>> import docx
    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> f = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").features
    >>> out = Path(tempfile.mkdtemp()) / "9c.docx"
    >>> out = write_form_docx(cadre_core.compute_form(FORM_9C, f), out)
    >>> "Biểu số 9C-BTCTW" in docx.Document(str(out)).tables[0].rows[0].cells[1].text
    True
    """
    return write_atomic(path, form_docx_bytes(filled, lang=lang, sections=sections))


__all__ = ["form_docx_bytes", "write_form_docx"]
