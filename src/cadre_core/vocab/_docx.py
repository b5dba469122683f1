"""WordprocessingML written as text: the pieces of a Word document that the forms'
writer (:mod:`cadre_core.forms._docx`) and the report's (:mod:`cadre_core.reports._docx`)
put together, and the document both start from (:class:`DocxWriter`).

A paragraph names a paragraph style (:class:`Styles`: one per look, made when first asked
for) and holds its text, escaped (:func:`xml_text`); a table cell (:func:`tc`), a row that
never splits (:func:`tr`) and a table's properties (:func:`tbl_pr`) are a few elements
each. A province's form of names is hundreds of thousands of cells: they are written as
text and put in the saved document in place of a placeholder each (:func:`placeholder`,
:func:`filled_in`), never held as a tree of elements.

The document (:class:`DocxWriter`, python-docx imported when one is made) is Times New
Roman (Nghị định 30/2020/NĐ-CP), A4 landscape with the PDF's margins, each section
starting a page with its running head and "Trang n" at its foot.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from cadre_core.vocab._labels import label
from cadre_core.vocab._print import MARGIN_HEADER, MARGIN_SIDE, printable_width_pt

if TYPE_CHECKING:
    import pandas as pd

#: the type of every text (the administrative standard, Nghị định 30/2020/NĐ-CP)
FONT = "Times New Roman"
#: the size (points) of a document's text unless a paragraph says otherwise, and of the
#: running head and the page number
BODY_PT, RUNNING_PT = 11.0, 7.5
#: the page's margins above and below (millimetres), as the PDF's, and A4 (portrait width,
#: height; millimetres)
MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 15.0, 12.0
A4_MM = (210, 297)

#: the inner margin of a cell left and right (twentieths of a point): a narrow column of
#: a wide form keeps its room for the text
CELL_MARGIN = 30

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W_NS}"'
#: the mark around a placeholder's number (:func:`placeholder`): a character of the
#: private use area, taken out of every text written
MARK = "\ue000"
#: characters XML 1.0 cannot hold (a control character pasted into a roster's cell), and
#: :data:`MARK`
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\ue000]")
#: where a text breaks its line: a Windows line end, an old Mac one or a newline (a bare
#: carriage return left in a ``w:t`` would be read back as a newline by any XML parser,
#: and a Windows line end as two)
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def placeholder(number: int, row: bool) -> str:
    """The XML of placeholder ``number``, as python-docx saves it: a paragraph, or a
    table's row of one cell, holding the number between two :data:`MARK`.

    >>> placeholder(3, row=False) == "<w:p><w:r><w:t>\ue0003\ue000</w:t></w:r></w:p>"
    True
    """
    para = f"<w:p><w:r><w:t>{MARK}{number}{MARK}</w:t></w:r></w:p>"
    return f"<w:tr><w:tc>{para}</w:tc></w:tr>" if row else para


def filled_in(data: bytes, held: Sequence[tuple[str, bool]]) -> bytes:
    """The .docx file ``data`` with each placeholder of its body (:func:`placeholder`;
    ``held``: the XML each stands for, and whether it is a table's rows) replaced by its
    XML, in order; every other part as it was."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    text = src.read("word/document.xml").decode("utf-8")
    pieces, at = [], 0
    for number, (xml, row) in enumerate(held):
        place = placeholder(number, row)
        start = text.find(place, at)
        if start < 0:  # python-docx saved it otherwise: a bug, never a wrong document
            raise RuntimeError(f"placeholder {number} of the Word document not found")
        pieces += [text[at:start], xml]
        at = start + len(place)
    pieces.append(text[at:])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                dst.writestr(info, "".join(pieces).encode("utf-8"))
            else:
                dst.writestr(info, src.read(info))
    return out.getvalue()


def xml_text(text: str) -> str:
    """``text`` as it may stand in a ``w:t`` element: escaped, without the characters XML
    cannot hold.

    >>> xml_text("Lò\x0bVăn <A> & B")
    'LòVăn &lt;A&gt; &amp; B'
    """
    return escape(NOT_XML.sub("", text))


def half_points(points: float) -> int:
    """A size in half-points, as Word counts them (never below 1 pt)."""
    return max(2, round(points * 2))


def grey_run(text: str, size: float) -> str:
    """The XML of a run of ``text`` in grey, of ``size`` points (a page's head and foot)."""
    half = half_points(size)
    props = f'<w:color w:val="555555"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


class Styles:
    """The paragraph styles a document's paragraphs name, one per look (size, bold,
    italic, alignment, kept with the next, space after, exact height), made when first
    asked for: a cell's paragraph is then its style and its text, which keeps a
    province's form of names (hundreds of thousands of cells) small in memory and on
    disk. Each style's id is ``prefix`` and its number, its name the label ``name_key``
    ("Kiểu biểu mẫu 3")."""

    def __init__(self, lang: str, *, prefix: str, name_key: str) -> None:
        self.lang = lang
        self.prefix, self.name_key = prefix, name_key
        self.made: dict[tuple[int, bool, bool, str, bool, int, int | None], str] = {}

    def para(
        self,
        text: str,
        size: float,
        *,
        align: str = "center",
        bold: bool = False,
        italic: bool = False,
        keep: bool = False,
        after: float = 0.0,
        height: float | None = None,
        lead: str = "",
    ) -> str:
        """The XML of a paragraph of ``text`` (none: an empty one), of ``size`` points,
        aligned ``align``, kept with the next when ``keep``, ``after`` points below it,
        ``height`` points tall exactly when given, ``lead`` in bold before the text; a
        line break where the text breaks its line.

        >>> Styles("vi", prefix="S", name_key="report_docx_style").para("b", 11, lead="a: ")
        '<w:p><w:pPr><w:pStyle w:val="S1"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr>\
<w:t xml:space="preserve">a: </w:t></w:r><w:r><w:t>b</w:t></w:r></w:p>'
        """
        tall = None if height is None else round(height * 20)
        key = (half_points(size), bold, italic, align, keep, round(after * 20), tall)
        name = self.made.get(key)
        if name is None:
            name = self.made[key] = f"{self.prefix}{len(self.made) + 1}"
        run = ""
        if text:
            parts = []
            for line in LINE_BREAK.split(text):
                keep_spaces = ' xml:space="preserve"' if line != line.strip() else ""
                parts.append(f"<w:t{keep_spaces}>{xml_text(line)}</w:t>")
            run = f"<w:r>{'<w:br/>'.join(parts)}</w:r>"
        if lead:
            strong = "<w:rPr><w:b/><w:bCs/></w:rPr>"
            run = f'<w:r>{strong}<w:t xml:space="preserve">{xml_text(lead)}</w:t></w:r>{run}'
        return f'<w:p><w:pPr><w:pStyle w:val="{name}"/></w:pPr>{run}</w:p>'

    def xml(self) -> list[str]:
        """The XML of each style made."""
        out = []
        for i, ((half, bold, italic, align, keep, after, tall), name) in enumerate(
            self.made.items(), start=1
        ):
            line = f' w:line="{tall}" w:lineRule="exact"' if tall is not None else ""
            words = label(self.name_key, self.lang).format(n=i)
            out.append(
                f'<w:style {NS} w:type="paragraph" w:customStyle="1" w:styleId="{name}">'
                f'<w:name w:val={quoteattr(words)}/><w:basedOn w:val="Normal"/>'
                f"<w:pPr>{'<w:keepNext/>' if keep else ''}"
                f'<w:spacing w:before="0" w:after="{after}"{line}/><w:jc w:val="{align}"/>'
                f"</w:pPr><w:rPr>{'<w:b/><w:bCs/>' if bold else ''}"
                f"{'<w:i/><w:iCs/>' if italic else ''}"
                f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr></w:style>'
            )
        return out


def tc(
    width: int, content: str, *, span: int = 1, fill: str | None = None, valign: str = "center"
) -> str:
    """The XML of a table cell ``width`` twentieths of a point wide, over ``span`` grid
    columns, filled with ``fill`` (a colour "#RRGGBB"), its content at the ``valign``
    (``top``, ``center`` or ``bottom``) of the row."""
    props = "".join(
        (
            f'<w:tcW w:w="{width}" w:type="dxa"/>',
            f'<w:gridSpan w:val="{span}"/>' if span > 1 else "",
            f'<w:shd w:val="clear" w:color="auto" w:fill="{fill[1:]}"/>' if fill else "",
            f'<w:vAlign w:val="{valign}"/>',
        )
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def tr(cells: Iterable[str], *, header: bool = False, height: float | None = None) -> str:
    """The XML of a table row that never splits across pages: repeated at the top of each
    page when ``header``, at least ``height`` points tall when given."""
    tall = f'<w:trHeight w:val="{round(height * 20)}" w:hRule="atLeast"/>' if height else ""
    props = f"<w:cantSplit/>{tall}{'<w:tblHeader/>' if header else ''}"
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def tbl_pr(width: int, *, borders: bool) -> str:
    """The XML of a table's properties: ``width`` twentieths of a point, columns of fixed
    widths, thin black borders or none."""
    lines_ = "".join(
        f'<w:{side} w:val="{"single" if borders else "nil"}" w:sz="4" w:space="0" '
        f'w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = (
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" '
        f'w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" '
        'w:type="dxa"/></w:tblCellMar>'
    )
    return (
        f'<w:tblPr {NS}><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{lines_}</w:tblBorders><w:tblLayout w:type="fixed"/>{margins}'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )


def twips(shares: Sequence[float], page: float) -> list[int]:
    """Widths (twentieths of a point) of columns of ``shares`` of a ``page`` points wide,
    rounded so that they add up to the page.

    >>> twips([1 / 3] * 3, 100)
    [667, 666, 667]
    """
    out, done, at = [], 0, 0.0
    for share in shares:
        at += share * page * 20
        out.append(round(at) - done)
        done += out[-1]
    return out


class DocxWriter:
    """One Word document being written (python-docx's ``Document``, imported when one is
    made): Times New Roman, the language of its text, paragraph styles made as asked for
    (:class:`Styles`, ids ``prefix`` and a number, named from the label ``name_key``),
    sections of A4 landscape (:meth:`section`), block-level XML written as text
    (:meth:`body_xml`) and put in when saved (:meth:`bytes`)."""

    def __init__(self, lang: str, *, prefix: str, name_key: str) -> None:
        import docx

        self.lang = lang
        self.doc: Any = docx.Document()
        #: the width (points) between the side margins
        self.page = printable_width_pt()
        self.styles = Styles(lang, prefix=prefix, name_key=name_key)
        self.p = self.styles.para
        #: the XML each placeholder stands for (:meth:`_held`), in the document's order
        self.held: list[tuple[str, bool]] = []
        self._defaults()

    def _defaults(self) -> None:
        """Times New Roman everywhere, 11 pt, no space after a paragraph, the language of
        the text; the document's properties say no author."""
        from docx.oxml import parse_xml

        styles = self.doc.styles.element
        old = styles.find(f"{{{W_NS}}}docDefaults")
        tongue = "vi-VN" if self.lang == "vi" else "en-GB"
        fonts = f'w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"'
        new = parse_xml(
            f"<w:docDefaults {NS}><w:rPrDefault><w:rPr><w:rFonts {fonts}/>"
            f'<w:sz w:val="{half_points(BODY_PT)}"/><w:szCs w:val="{half_points(BODY_PT)}"/>'
            f'<w:lang w:val="{tongue}" w:eastAsia="{tongue}" w:bidi="ar-SA"/></w:rPr>'
            '</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        )
        styles.replace(old, new)
        props = self.doc.core_properties
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        props.author = props.last_modified_by = props.comments = props.keywords = ""
        props.created = props.modified = now
        props.revision = 1

    def section(self, first: bool, running: str) -> None:
        """Start a section on a new page (the first is the document's own): A4 landscape,
        the margins of the PDF, ``running`` at the head of its pages and "Trang n" at
        their foot, numbered from 1 within the section."""
        from docx.enum.section import WD_ORIENT, WD_SECTION
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import parse_xml
        from docx.shared import Inches, Mm, Pt, RGBColor

        if first:
            sec = self.doc.sections[0]
        else:
            sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
            self._small_break()
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(A4_MM[1]), Mm(A4_MM[0])
        sec.left_margin = sec.right_margin = Inches(MARGIN_SIDE)
        sec.top_margin, sec.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
        sec.header_distance = sec.footer_distance = Inches(MARGIN_HEADER)
        sectPr = sec._sectPr
        if sectPr.find(f"{{{W_NS}}}pgNumType") is None:
            sectPr.insert_element_before(
                parse_xml(f'<w:pgNumType {NS} w:start="1"/>'),
                *("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg"),
                *("w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid"),
                *("w:printerSettings", "w:sectPrChange"),
            )
        head = sec.header
        head.is_linked_to_previous = False
        para = head.paragraphs[0]
        run = para.add_run(NOT_XML.sub("", running))
        run.font.size = Pt(RUNNING_PT)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        foot = sec.footer
        foot.is_linked_to_previous = False
        para = foot.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        word = grey_run(label("report_page", self.lang) + " ", RUNNING_PT)
        page = grey_run("1", RUNNING_PT)
        xml = f'<w:p {NS}>{word}<w:fldSimple w:instr=" PAGE ">{page}</w:fldSimple></w:p>'
        for child in list(parse_xml(xml)):
            para._p.append(child)

    def _small_break(self) -> None:
        """The paragraph that ends a section holds only the break: one point tall, so that
        it never takes a page of its own after a full one."""
        from docx.oxml import parse_xml

        body = self.doc.element.body
        brk = body.xpath("./w:p[w:pPr/w:sectPr]")[-1]
        pPr = brk.find(f"{{{W_NS}}}pPr")
        small = parse_xml(
            f'<w:pPr {NS}><w:spacing w:before="0" w:after="0" w:line="20" '
            'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr>'
        )
        for child in reversed(list(small)):
            pPr.insert(0, child)

    def _held(self, xml: str, row: bool = False) -> Any:
        """A placeholder for ``xml`` (block-level, or a table's rows when ``row``): a
        paragraph (a row) holding only its number between two :data:`MARK`; the text
        takes its place when the document is saved (:func:`filled_in`). The rows of a
        province's forms are written as text once, never held as a tree of elements."""
        from docx.oxml import parse_xml

        self.held.append((xml, row))
        tag = "w:tr" if row else "w:p"
        return parse_xml(
            placeholder(len(self.held) - 1, row).replace(f"<{tag}>", f"<{tag} {NS}>", 1)
        )

    def body_xml(self, xml: str) -> None:
        """Append block-level XML (paragraphs, tables) to the document's body."""
        self.doc.element.body.find(f"{{{W_NS}}}sectPr").addprevious(self._held(xml))

    def table(self, widths: Sequence[int], rows: Iterable[str], *, borders: bool = True) -> str:
        """The XML of a whole table of ``rows`` in columns of ``widths``."""
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        pr = tbl_pr(sum(widths), borders=borders).replace(f" {NS}", "")
        return f"<w:tbl>{pr}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"

    def letterhead(self, issuer: str, size: float, *, share: float = 0.4, number: str = "") -> str:
        """The head of an administrative document, as decree 30/2020/NĐ-CP lays it out:
        ``issuer`` (the body that issues it, in capitals) on the left, ``share`` of the
        page, the document's ``number`` line under it (the label ``doc_number_report``
        or ``doc_number_plan``); the nation's name, its motto and the place and date line
        to fill in on the right; no borders. The words are labels."""
        full = round(self.page * 20)
        left = round(full * share)
        under = self.p(label(number, self.lang), size) if number else ""
        issuer_cell = tc(left, self.p(issuer.upper(), size, bold=True, after=4) + under)
        nation = tc(
            full - left,
            self.p(label("plan_nation", self.lang), size, bold=True)
            + self.p(label("plan_motto", self.lang), size + 1, bold=True, after=4)
            + self.p(label("plan_place_date", self.lang), size, italic=True),
        )
        return self.table([left, full - left], [tr([issuer_cell, nation])], borders=False)

    def signatures(self, head: float, text: float, small: float, room: float) -> str:
        """The foot of an administrative document, one row that never splits: the
        recipients (``text`` and ``small`` points), who prepared it and the head of the
        agency (their titles in ``head`` points, a note under each, ``room`` points to
        sign), after a line kept with it. The words are labels."""
        widths = twips([1 / 3] * 3, self.page)
        recipients = self.p(
            label("plan_recipients", self.lang), text, align="left", bold=True, italic=True
        ) + self.p(label("plan_recipients_list", self.lang), small, align="left")
        cells = [recipients]
        for title, note in (("plan_signer", "plan_signer_note"), ("plan_head", "plan_head_note")):
            cells.append(
                self.p(label(title, self.lang), head, bold=True)
                + self.p(label(note, self.lang), text, italic=True)
                + self.p("", text, height=room)
            )
        row = tr(tc(w, x, valign="top") for w, x in zip(widths, cells, strict=True))
        return self.p("", text, keep=True) + self.table(widths, [row], borders=False)

    def listing(
        self,
        head: Sequence[str],
        rows: Sequence[Sequence[str]],
        shares: Sequence[float],
        size: float,
    ) -> str:
        """The XML of a table of ``rows`` under the heading row ``head`` (repeated on each
        page, in bold), text of ``size`` points, columns of ``shares`` of the page, then a
        line of space (nothing when there is no column)."""
        if not head:
            return ""
        widths = twips(shares, self.page)
        top = tr(
            (tc(w, self.p(h, size, bold=True)) for w, h in zip(widths, head, strict=True)),
            header=True,
        )
        body = [
            tr(tc(w, self.p(v, size, align="left")) for w, v in zip(widths, row, strict=False))
            for row in rows
        ]
        return self.table(widths, [top, *body]) + self.p("", size)

    def sections_xml(
        self,
        sections: Iterable[Any],
        size: float,
        cells: Callable[[pd.DataFrame], Sequence[Sequence[object]]] | None = None,
    ) -> list[str]:
        """The XML of each report section (a plugin's, or what the reader set aside or did
        not read): its title in bold, its note, its table (:meth:`listing`, columns of
        equal shares; ``cells``: the table's cells as shown, by default each as text)."""
        xml = []
        for s in sections:
            xml.append(self.p(s.title, size * 1.15, align="left", bold=True, after=4))
            if s.note:
                xml.append(self.p(s.note, size, align="left", after=3))
            head = [str(c) for c in s.table.columns]
            found = cells(s.table) if cells else s.table.itertuples(index=False)
            rows = [["" if v is None else str(v) for v in row] for row in found]
            shares = [1 / len(head)] * len(head) if head else []
            xml.append(self.listing(head, rows, shares, size))
        return xml

    def bytes(self, title: str) -> bytes:
        """The document as the bytes of a .docx file, titled ``title``."""
        from docx.oxml import parse_xml

        for style in self.styles.xml():
            self.doc.styles.element.append(parse_xml(style))
        text = NOT_XML.sub("", title)
        self.doc.core_properties.title = text if len(text) <= 255 else text[:254] + "…"
        out = io.BytesIO()
        self.doc.save(out)
        return filled_in(out.getvalue(), self.held)


__all__ = [
    "A4_MM",
    "BODY_PT",
    "CELL_MARGIN",
    "FONT",
    "MARGIN_BOTTOM_MM",
    "MARGIN_TOP_MM",
    "MARK",
    "NOT_XML",
    "NS",
    "RUNNING_PT",
    "W_NS",
    "DocxWriter",
    "Styles",
    "filled_in",
    "grey_run",
    "half_points",
    "placeholder",
    "tbl_pr",
    "tc",
    "tr",
    "twips",
    "xml_text",
]
