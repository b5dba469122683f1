"""WordprocessingML written as text: the pieces of a Word document the forms' writer
(:mod:`cadre_core.forms._docx`) puts together.

A paragraph names a paragraph style (:class:`Styles`: one per look, made when first asked
for) and holds its text, escaped (:func:`xml_text`); a table cell (:func:`tc`), a row that
never splits (:func:`tr`) and a table's properties (:func:`tbl_pr`) are a few elements
each. A province's form of names is hundreds of thousands of cells: they are written as
text and put in the saved document in place of a placeholder each (:func:`placeholder`,
:func:`filled_in`), never held as a tree of elements.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from cadre_core.vocab._labels import label

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
    disk. Each style is named from the label table ("Kiểu biểu mẫu 3")."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
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
    ) -> str:
        """The XML of a paragraph of ``text`` (none: an empty one), of ``size`` points,
        aligned ``align``, kept with the next when ``keep``, ``after`` points below it,
        ``height`` points tall exactly when given; a line break where the text breaks
        its line."""
        tall = None if height is None else round(height * 20)
        key = (half_points(size), bold, italic, align, keep, round(after * 20), tall)
        name = self.made.get(key)
        if name is None:
            name = self.made[key] = f"CadreForm{len(self.made) + 1}"
        run = ""
        if text:
            parts = []
            for line in text.split("\n"):
                keep_spaces = ' xml:space="preserve"' if line != line.strip() else ""
                parts.append(f"<w:t{keep_spaces}>{xml_text(line)}</w:t>")
            run = f"<w:r>{'<w:br/>'.join(parts)}</w:r>"
        return f'<w:p><w:pPr><w:pStyle w:val="{name}"/></w:pPr>{run}</w:p>'

    def xml(self) -> list[str]:
        """The XML of each style made."""
        out = []
        for i, ((half, bold, italic, align, keep, after, tall), name) in enumerate(
            self.made.items(), start=1
        ):
            line = f' w:line="{tall}" w:lineRule="exact"' if tall is not None else ""
            words = label("forms_docx_style", self.lang).format(n=i)
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


def tc(width: int, content: str, *, span: int = 1, fill: str | None = None) -> str:
    """The XML of a table cell ``width`` twentieths of a point wide, over ``span`` grid
    columns, filled with ``fill`` (a colour "#RRGGBB")."""
    props = "".join(
        (
            f'<w:tcW w:w="{width}" w:type="dxa"/>',
            f'<w:gridSpan w:val="{span}"/>' if span > 1 else "",
            f'<w:shd w:val="clear" w:color="auto" w:fill="{fill[1:]}"/>' if fill else "",
            '<w:vAlign w:val="center"/>',
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


__all__ = [
    "CELL_MARGIN",
    "MARK",
    "NOT_XML",
    "NS",
    "W_NS",
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
