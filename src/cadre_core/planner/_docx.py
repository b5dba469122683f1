"""The plan as a Word document (.docx): the "Kế hoạch đào tạo, bồi dưỡng" a commune
edits, signs and hands up.

It says what the page (:func:`~cadre_core.planner._report.render_html`) says, from the
same content (:func:`~cadre_core.planner._content.plan_content`), in one section of A4
landscape in Times New Roman (:class:`~cadre_core.vocab._docx.DocxWriter`, the forms' and
the evaluation report's own): the title block (the commune on the left; the nation's
name, its motto and the place and date line to fill in on the right), the heading with
the period, the commune(s) with the as-of day and the summary; the lines, one table per
year (numbered within the year; names, posts, agencies, programmes, months, targets
served, sending body, cost, succession plan, cadre id) ending with the year's total row;
the yearly totals with the total row; every target at its deadline without and with the
plan; the needs training cannot meet, with their reasons and names; the assumptions; and
the signature block (the recipients, who prepared it, the head of the agency). Every
table's heading row repeats at the top of each page and no row splits across pages; a
year's last line keeps its total row on its page. The chart of the yearly cost that the
page draws is left out: its figures are the yearly totals' table. Every text is escaped
(:func:`~cadre_core.vocab._docx.xml_text`); every word comes from the label table.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cadre_core.planner._content import PlanContent, Table, cell_kind, plan_content
from cadre_core.vocab._docx import DocxWriter, tc, tr, twips
from cadre_core.vocab._files import write_atomic
from cadre_core.vocab._labels import fmt_date, label

if TYPE_CHECKING:
    from cadre_core.planner._result import Plan

#: sizes (points): the heading, the title block, a part's heading, the text and the tables'
TITLE_PT, HEAD_PT, PART_PT, TEXT_PT, TABLE_PT = 14.0, 12.0, 12.0, 11.0, 9.0
#: the fill of a table's heading row (the page's)
HEAD_FILL = "#EEEEEE"
#: the room left to sign under each signer's title (points)
SIGN_ROOM_PT = 60.0
#: the share of the page the title block's left (the commune) takes
ISSUER_SHARE = 0.4
#: each column's width relative to the others of its table, by the column's label key
WEIGHTS = {
    "col_no": 3.5,
    "col_commune": 9.0,
    "plan_col_name": 11.0,
    "plan_col_post": 13.0,
    "plan_col_agency": 11.0,
    "plan_col_programme": 16.0,
    "plan_col_from": 6.0,
    "plan_col_to": 6.0,
    "plan_col_targets": 7.0,
    "plan_col_body": 9.0,
    "plan_col_cost": 9.0,
    "plan_col_succession": 6.0,
    "plan_col_id": 7.5,
    "plan_col_year": 8.0,
    "plan_col_starts": 10.0,
    "plan_col_long": 10.0,
    "col_target": 40.0,
    "col_deadline": 9.0,
    "col_required": 8.0,
    "plan_col_before": 10.0,
    "plan_col_after": 10.0,
    "plan_col_status_after": 11.0,
}


def shares(keys: tuple[str, ...]) -> list[float]:
    """The shares of the page of columns named by the label ``keys`` (:data:`WEIGHTS`).

    >>> shares(("plan_col_starts", "plan_col_long"))
    [0.5, 0.5]
    """
    total = sum(WEIGHTS[k] for k in keys)
    return [WEIGHTS[k] / total for k in keys]


class _PlanDocument(DocxWriter):
    """One plan being written."""

    def __init__(self, content: PlanContent) -> None:
        super().__init__(content.lang, prefix="CadrePlan", name_key="plan_docx_style")
        self.c = content

    def L(self, key: str) -> str:
        """The label ``key`` in the document's language."""
        return label(key, self.lang)

    def part(self, title: str) -> str:
        """A part's heading, kept with what follows."""
        return self.p(title, PART_PT, align="left", bold=True, keep=True, after=4)

    def text(self, text: str, *, keep: bool = False, lead: str = "") -> str:
        """A paragraph of the text's size, aligned left."""
        return self.p(text, TEXT_PT, align="left", keep=keep, after=3, lead=lead)

    def cell(self, value: object, *, bold: bool = False, keep: bool = False) -> str:
        """A table cell's paragraph: a number, an amount, a month or a day to the right."""
        align = "right" if cell_kind(value) else "left"
        return self.p(str(value), TABLE_PT, align=align, bold=bold, keep=keep)

    def grid(self, t: Table) -> str:
        """A table of the plan (:class:`~cadre_core.planner._content.Table`): its heading
        row repeated on each page, its rows never split, its total row (the columns each
        cell spans) in bold and kept with the last row; then a line of space."""
        widths = twips(shares(t.keys), self.page)
        head = [
            tc(w, self.p(h, TABLE_PT, bold=True), fill=HEAD_FILL)
            for w, h in zip(widths, t.head, strict=True)
        ]
        last = len(t.rows) - 1 if t.foot else -1
        rows = [tr(head, header=True)] + [
            tr(tc(w, self.cell(v, keep=i == last)) for w, v in zip(widths, row, strict=True))
            for i, row in enumerate(t.rows)
        ]
        if t.foot is not None:
            cells, at = [], 0
            for value, span in t.foot:
                width = sum(widths[at : at + span])
                cells.append(tc(width, self.cell(value, bold=True), span=span))
                at += span
            rows.append(tr(cells))
        return self.table(widths, rows) + self.p("", TABLE_PT)

    def title_block(self) -> str:
        """The commune on the left; the nation, its motto and the date line on the right
        (:meth:`~cadre_core.vocab._docx.DocxWriter.letterhead`); then the heading, the
        period, the commune(s) with the day and the summary."""
        c = self.c
        return (
            self.letterhead(c.place, HEAD_PT, share=ISSUER_SHARE, number="doc_number_plan")
            + self.p("", HEAD_PT)
            + self.p(self.L("plan_heading"), TITLE_PT, bold=True)
            + self.p(c.period, HEAD_PT)
            + self.p(c.subtitle, TEXT_PT, after=8)
            + self.text(c.summary)
        )

    def lines(self) -> str:
        """Each year's lines, with the year's total, then what an x means."""
        xml = [self.part(self.L("plan_lines"))]
        for year in self.c.years:
            xml.append(self.p(year.title, TEXT_PT, align="left", bold=True, keep=True, after=2))
            xml.append(self.grid(year.table))
        note = self.L("plan_succession_note")
        xml.append(self.p(note, TEXT_PT, align="left", italic=True, after=6))
        return "".join(xml)

    def needs(self) -> str:
        """What training cannot do: each need's commune (several), kind and reason with
        the names it concerns; or that there is none."""
        xml = [self.part(self.L("plan_needs"))]
        for n in self.c.needs:
            xml.append(self.text(f": {n.text}", lead=f"• {n.where}{n.kind}"))
        if not self.c.needs:
            xml.append(self.text(self.L("plan_needs_none")))
        return "".join(xml)

    def assumptions(self) -> str:
        """The assumptions the plan rests on, the last kept with the signatures."""
        xml = [self.part(self.L("plan_assumptions"))]
        last = len(self.c.assumptions) - 1
        xml += [self.text(f"• {a}", keep=i == last) for i, a in enumerate(self.c.assumptions)]
        return "".join(xml)


def plan_docx_bytes(plan: Plan, lang: str = "vi") -> bytes:
    """The plan as the bytes of a .docx file (what :func:`write_docx` writes).

    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"])
    >>> plan_docx_bytes(p)[:2]
    b'PK'
    """
    content = plan_content(plan, lang)
    doc = _PlanDocument(content)
    where = label("plan_subtitle", lang).format(communes=content.place, day=fmt_date(plan.as_of))
    title = f"{label('plan_title', lang)}: {where}"
    doc.section(True, title)
    parts = [
        doc.title_block(),
        doc.lines(),
        doc.part(label("plan_totals", lang)),
        doc.grid(content.totals),
        doc.part(label("plan_projections", lang)),
        doc.grid(content.projections),
        doc.needs(),
        doc.assumptions(),
        *doc.sections_xml(content.inputs, TABLE_PT),  # what the reader did not use
        doc.signatures(HEAD_PT, TEXT_PT, TABLE_PT + 1, SIGN_ROOM_PT),
    ]
    doc.body_xml("".join(parts))
    return doc.bytes(title)


def write_docx(plan: Plan, path: str | Path, lang: str = "vi") -> Path:
    """Write the plan as a Word document to edit, sign and hand up
    (:func:`plan_docx_bytes`), whole or not at all.

    >>> import tempfile
    >>> import docx
    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"])
    >>> out = write_docx(p, Path(tempfile.mkdtemp()) / "ke-hoach.docx")
    >>> docx.Document(str(out)).paragraphs[1].text
    'KẾ HOẠCH ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ, CÔNG CHỨC'
    """
    return write_atomic(path, plan_docx_bytes(plan, lang))


__all__ = ["WEIGHTS", "plan_docx_bytes", "shares", "write_docx"]
