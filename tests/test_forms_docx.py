"""The forms as a Word document (``cadre forms -o bieu.docx``): read back with python-docx,
every cell the workbook's, the headings merged as the layout says, the header rows
repeated, the signature block kept with the last row, Vietnamese words only; a province
commune by commune then the total; under pseudonyms; through the console script and the
service; converted to PDF by LibreOffice when it is installed."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from conftest import SOFFICE, libreoffice_pdf
from docx.text.paragraph import Paragraph
from hypothesis import given, settings
from hypothesis import strategies as st
from test_forms_cli import KEY, SAMPLE, run, run_pseudonymized
from test_vietnamese_outputs import leaks

import cadre_core
from cadre_core.forms import FilledForm, fill_forms, form_docx_bytes, pdf_parts, render_forms
from cadre_core.forms._fill import province_total
from cadre_core.forms._layout import depth, fit, headings, named_blocks, numbering, shown
from cadre_core.forms._xlsx import form_xlsx_bytes
from cadre_core.plugins._host import PluginHost, make_plugin_manager
from cadre_core.roster._synth import synth_roster

DAY = dt.date(2026, 12, 31)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _fill(roster: cadre_core.Roster, by: str = "commune") -> list[FilledForm]:
    host = PluginHost(make_plugin_manager(only=["cadre"]))
    return fill_forms(host, roster, DAY, host.forms(), by=by)


@pytest.fixture(scope="module")
def sample_forms() -> list[FilledForm]:
    return _fill(cadre_core.sample_roster())


@pytest.fixture(scope="module")
def province_forms() -> list[FilledForm]:
    return _fill(synth_roster(3, 2026, validate=False, name="t"))


def document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def grids(doc: Any, parts: int) -> list[Any]:
    """The form tables of a document of ``parts`` documents: each document's title block,
    its table and its signature block, in order; the notes' tables after them."""
    return [doc.tables[3 * i + 1] for i in range(parts)]


def cell_texts(table: Any, first: int = 0) -> list[list[str]]:
    """The text of each grid cell of the rows from ``first`` (a merged cell repeated in
    each grid column it spans)."""
    return [[c.text for c in row.cells] for row in table.rows[first:]]


def spans(table: Any, rows: int) -> list[tuple[int, int, int, int, str]]:
    """The merged cells of the first ``rows`` rows, read from the XML: (row, column, rows,
    columns, text), row by row, left to right."""
    grid: list[list[Any]] = []
    for tr in table._tbl.tr_lst[:rows]:
        line, col = [], 0
        for tc in tr.tc_lst:
            line.append((col, tc))
            col += tc.grid_span
        grid.append(line)
    out = []
    for r, line in enumerate(grid):
        for col, tc in line:
            if tc.vMerge == "continue":
                continue
            down = 1
            if tc.vMerge == "restart":
                while r + down < rows and any(
                    c == col and t.vMerge == "continue" for c, t in grid[r + down]
                ):
                    down += 1
            text = "".join(t.text or "" for t in tc.iter(f"{W}t"))
            out.append((r, col, down, tc.grid_span, text))
    return out


def xlsx_grid(data: bytes, filled: FilledForm, index: int) -> list[list[str]]:
    """The workbook's sheet ``index`` from the numbering row down to the form's last line,
    each value as the document prints it (a day dd/mm/yyyy, a count as digits, a merged
    commune name in every column it spans)."""
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[index]
    width = len(numbering(filled.form))
    across = {m.min_row for m in ws.merged_cells.ranges if m.max_col - m.min_col + 1 == width}
    rows = []
    for n, row in enumerate(ws.iter_rows(max_col=width, values_only=True), start=1):
        texts = ["" if v is None else _printed(v) for v in row]
        rows.append([texts[0]] * width if n in across else texts)
    start = next(i for i, r in enumerate(rows) if r == numbering(filled.form))
    out = []
    for r in rows[start + 1 :]:
        if not any(r):
            break
        out.append(r)
    return out


def _printed(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def docx_grid(table: Any, filled: FilledForm) -> list[list[str]]:
    return cell_texts(table, depth(filled.form))


def whole_text(doc: Any) -> str:
    """Every text of the document's body, its page heads and feet."""
    body = "".join(t.text or "" for t in doc.element.body.iter(f"{W}t"))
    heads = "".join(
        t.text or ""
        for s in doc.sections
        for part in (s.header, s.footer)
        for t in part._element.iter(f"{W}t")
    )
    return body + heads


def keeps_with_next(doc: Any, p: Any) -> bool:
    """Whether paragraph ``p`` keeps with the next, by itself or by its style."""
    para = Paragraph(p, doc._body)
    return bool(para.paragraph_format.keep_with_next or para.style.paragraph_format.keep_with_next)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ------------------------------------------------------------------ the sample commune
@pytest.fixture(scope="module")
def sample_docx(sample_forms: list[FilledForm]) -> Any:
    return document(form_docx_bytes(sample_forms))


def test_every_cell_is_the_workbooks(sample_forms: list[FilledForm], sample_docx: Any) -> None:
    book = form_xlsx_bytes(sample_forms)
    tables = grids(sample_docx, len(sample_forms))
    for i, (filled, table) in enumerate(zip(sample_forms, tables, strict=True)):
        assert docx_grid(table, filled)[0] == numbering(filled.form)
        got = docx_grid(table, filled)[1:]
        assert got == xlsx_grid(book, filled, i), filled.form.code
        # and the filled form's own values, cell by cell (a blank: nothing, never a 0)
        n = len(filled.form.columns)
        want: list[list[str] | None] = []
        for block in filled.blocks:
            if named_blocks(filled):
                want.append(None)  # the commune's name across the page
            for r in block.rows:
                want.append([shown(v) for v in r.cells] if r.kind != "heading" else [""] * n)
        if filled.form.orientation == "person":  # the total's label under the names
            want[-1] = [got[-1][-n], *want[-1][1:]]  # type: ignore[index]
        assert [None if len(set(row)) == 1 and row[0] else row[-n:] for row in got] == want


def test_the_headings_are_merged_as_the_layout_says(
    sample_forms: list[FilledForm], sample_docx: Any
) -> None:
    for filled, table in zip(sample_forms, grids(sample_docx, len(sample_forms)), strict=True):
        form = filled.form
        want = [(h.row, h.col, h.rows, h.cols, h.text) for h in headings(form)]
        assert spans(table, depth(form)) == want, form.code
        trs = table._tbl.tr_lst
        head = depth(form) + 1  # the heading rows and the numbering row
        assert all(tr.trPr.find(f"{W}tblHeader") is not None for tr in trs[:head])
        assert all(tr.trPr.find(f"{W}tblHeader") is None for tr in trs[head:])
        assert all(tr.trPr.find(f"{W}cantSplit") is not None for tr in trs)
        # the columns: their shares of the page, in twentieths of a point
        fitted = fit(form)
        widths = [c.width.twips for c in table.columns]
        assert sum(widths) == round(fitted.page * 20)
        assert all(
            abs(w - s * fitted.page * 20) <= 1 for w, s in zip(widths, fitted.shares, strict=True)
        )
        # a narrow column's heading reads upwards, as in the workbook and the page
        turned = {h.text for h in headings(form) if h.turned}
        upwards = {
            "".join(t.text for t in tc.iter(f"{W}t"))
            for tc in table._tbl.iter(f"{W}tc")
            if tc.tcPr.find(f"{W}textDirection") is not None
        }
        assert upwards == turned, form.code
    cl = grids(sample_docx, len(sample_forms))[-1]
    assert {"Đảng viên", "Chưa qua đào tạo", "Trung cấp"} <= {
        "".join(t.text for t in tc.iter(f"{W}t"))
        for tc in cl._tbl.iter(f"{W}tc")
        if tc.tcPr.find(f"{W}textDirection") is not None
    }


def test_the_title_block_the_date_line_and_the_signatures(
    sample_forms: list[FilledForm], sample_docx: Any
) -> None:
    doc = sample_docx
    parts = len(sample_forms)
    assert len(doc.sections) == parts + 1  # one section per form, then the notes
    for section in doc.sections:  # A4 landscape
        assert section.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE
        assert abs(section.page_width.mm - 297) < 0.5 and abs(section.page_height.mm - 210) < 0.5
        assert (
            section.start_type == docx.enum.section.WD_SECTION.NEW_PAGE
            or section is doc.sections[0]
        )
    nine_c = doc.tables[0]
    assert nine_c.rows[0].cells[0].text == "TỈNH ỦY/HUYỆN ỦY…\nBAN TỔ CHỨC"
    assert nine_c.rows[0].cells[1].text == "Biểu số 9C-BTCTW\nĐvt: Người"
    signatures = [doc.tables[3 * i + 2] for i in range(parts)]
    first = [c.text for c in signatures[0].rows[0].cells]
    assert "NGƯỜI LẬP BIỂU" in first[0] and "TRƯỞNG BAN" in first[1]
    assert first[1].startswith("………, ngày …… tháng …… năm ……")
    cl = [c.text for c in signatures[-1].rows[0].cells]  # 02/CL: the commune's own form
    assert cl[-1].startswith("Mường Than, ngày …… tháng …… năm ……")
    assert doc.tables[3 * (parts - 1)].rows[0].cells[0].text == "UBND XÃ MƯỜNG THAN"
    # the signature block keeps the table's last row: the row, and the paragraph between
    # them, keep with the next
    for table in grids(doc, parts):
        last = table._tbl.tr_lst[-1]
        assert all(keeps_with_next(doc, p) for p in last.iter(f"{W}p"))
        assert not any(keeps_with_next(doc, p) for p in table._tbl.tr_lst[-2].iter(f"{W}p"))
        after = table._tbl.getnext()
        assert after.tag == f"{W}p" and keeps_with_next(doc, after)
    # bold where the layout says: the total, a capitalised label, a section (I, II)
    nine_c_rows = grids(doc, parts)[0].rows[depth(sample_forms[0].form) + 1 :]
    weights = [
        [bool(Paragraph(p, doc._body).style.font.bold) for p in row._tr.iter(f"{W}p")]
        for row in nine_c_rows[:3]
    ]
    assert weights[0] == [True] * len(weights[0]) and not any(weights[1])
    text = whole_text(doc)
    for words in ("Số liệu tính đến ngày 31/12/2026", "Căn cứ:", "Các ô để trống và lý do"):
        assert words in text
    assert "cả cột" in text
    fonts = doc.styles.element.find(f"{W}docDefaults").find(f".//{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Times New Roman" == fonts.get(f"{W}hAnsi")
    assert doc.core_properties.author == "" and "python-docx" not in doc.core_properties.comments


def test_vietnamese_by_default_and_no_code(
    sample_docx: Any, sample_forms: list[FilledForm]
) -> None:
    text = whole_text(sample_docx)
    pieces = [t.text or "" for t in sample_docx.element.body.iter(f"{W}t")]
    assert leaks(pieces) == {}
    assert "dai_hoc" not in text and "desk_set" not in text
    assert "Biểu số 9C-BTCTW" in text and "Form 9C" not in text
    english = document(form_docx_bytes(sample_forms[:1], lang="en"))
    words = whole_text(english)
    assert "Form 9C-BTCTW" in words and "Figures as of 31/12/2026" in words
    assert "Biểu số" not in words and "Số liệu" not in words
    lang = english.styles.element.find(f"{W}docDefaults").find(f".//{W}lang")
    assert lang.get(f"{W}val").startswith("en")


# ------------------------------------------------------------------ a province
def test_a_province_gives_each_commune_then_the_province(province_forms: list[FilledForm]) -> None:
    doc = document(form_docx_bytes(province_forms))
    parts = pdf_parts(province_forms)
    assert len(doc.sections) == len(parts) + 1
    communes = [b.commune for b in province_forms[0].blocks]
    assert len(communes) == 4 and communes[-1] is None
    heads = [s.header.paragraphs[0].text for s in doc.sections]
    nine_c = [h for h in heads if h.startswith("THỐNG KÊ CÁN BỘ LÃNH ĐẠO")]
    assert [h.rsplit("— ", 1)[-1] for h in nine_c] == [*communes[:-1], "Toàn tỉnh"]
    tables = grids(doc, len(parts))
    for (filled, blocks), table in zip(parts, tables, strict=True):
        rows = docx_grid(table, filled)[1:]
        want = (blocks or filled.blocks)[0]
        if blocks is not None:  # the commune's (or the province's) name over its rows
            assert rows[0][0] == (want.commune or "Toàn tỉnh")
    # the province's total is the communes' sum
    total = [docx_grid(tables[i], province_forms[0])[2] for i in range(4)]
    n = len(province_forms[0].form.columns)
    sums = [sum(int(t[-n:][k]) for t in total[:3]) for k in range(n)]
    assert [int(v) for v in total[3][-n:]] == sums
    # every cell the workbook's (the workbook holds the blocks one under the other)
    book = form_xlsx_bytes(province_forms)
    for i, filled in enumerate(province_forms):
        mine = [t for (f, _), t in zip(parts, tables, strict=True) if f is filled]
        got = [row for t in mine for row in docx_grid(t, filled)[1:]]
        assert got == xlsx_grid(book, filled, i), filled.form.code


def test_by_province_the_document_is_the_provinces_alone(
    province_forms: list[FilledForm],
) -> None:
    """``--by province``: each form's province document alone, the same table as the one
    that ends that form in the default document; no commune's name but on the form with
    one row per commune (BM02/BNV), which is the province's already."""
    alone = _fill(synth_roster(3, 2026, validate=False, name="t"), by="province")
    assert [f.blocks for f in alone] == [province_total(f).blocks for f in province_forms]
    doc = document(form_docx_bytes(alone))
    assert len(doc.sections) == len(alone) + 1  # one document per form, then the notes
    every = document(form_docx_bytes(province_forms))
    parts = pdf_parts(province_forms)
    ends = [max(i for i, (f, _) in enumerate(parts) if f is g) for g in province_forms]
    whole = grids(every, len(parts))
    for filled, table, end in zip(alone, grids(doc, len(alone)), ends, strict=True):
        assert cell_texts(table) == cell_texts(whole[end]), filled.form.code
        text = "".join(c for row in cell_texts(table) for c in row)
        if filled.form.orientation != "unit":
            assert "Toàn tỉnh" in text
            assert not any(c in text for c in filled.communes), filled.form.code


# ------------------------------------------------------------------ the property
@pytest.fixture(scope="module")
def both_languages(sample_forms: list[FilledForm]) -> dict[str, list[FilledForm]]:
    return {"vi": sample_forms, "en": sample_forms}


@settings(max_examples=8, deadline=None)
@given(
    chosen=st.lists(st.integers(0, 4), min_size=1, max_size=5, unique=True),
    lang=st.sampled_from(["vi", "en"]),
)
def test_the_documents_cells_are_the_workbooks(
    both_languages: dict[str, list[FilledForm]], chosen: Sequence[int], lang: str
) -> None:
    forms = [both_languages[lang][i] for i in chosen]
    doc = document(form_docx_bytes(forms, lang=lang))
    book = form_xlsx_bytes(forms, lang=lang)
    for i, (filled, table) in enumerate(zip(forms, grids(doc, len(forms)), strict=True)):
        assert docx_grid(table, filled)[1:] == xlsx_grid(book, filled, i)
        want = [(h.row, h.col, h.rows, h.cols, h.text) for h in headings(filled.form, lang)]
        assert spans(table, depth(filled.form)) == want


def test_a_control_character_in_a_name_is_dropped_not_fatal(
    sample_forms: list[FilledForm],
) -> None:
    import attrs

    cl = sample_forms[-1]
    block = cl.blocks[0]
    row = block.rows[0]
    named = attrs.evolve(row, cells=("Lò\x0bVăn <A> & B", *row.cells[1:]))
    odd = attrs.evolve(cl, blocks=(attrs.evolve(block, rows=(named, *block.rows[1:])),))
    text = whole_text(document(form_docx_bytes([odd])))
    assert "LòVăn <A> & B" in text


# ------------------------------------------------------------------ the command, the service
def test_the_command_writes_the_document(tmp_path: Path, sample_forms: list[FilledForm]) -> None:
    out = tmp_path / "bieu.docx"
    done = run(str(SAMPLE), "--as-of", "2026-12-31", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and str(out) in done.stderr
    doc = docx.Document(str(out))
    assert len(doc.sections) == len(sample_forms) + 1
    assert cell_texts(grids(doc, len(sample_forms))[0]) == cell_texts(
        grids(document(render_forms(sample_forms, "docx")), len(sample_forms))[0]
    )
    again = tmp_path / "again.docx"
    done = run(str(SAMPLE), "--as-of", "2026-12-31", "--format", "docx", "-o", str(again))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--format", "docx"), "--format docx cần --output TỆP.docx"),
        (("--format", "docx", "-o", "x.pdf"), "--format docx"),
    ],
)
def test_bad_docx_requests_are_refused_with_a_sentence(args: tuple[str, ...], words: str) -> None:
    done = run(str(SAMPLE), "--as-of", "2026-12-31", *args)
    assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr


def test_a_plan_is_written_as_a_word_document_too(tmp_path: Path) -> None:
    """The forms, the evaluation's report (``evaluate -o r.docx``:
    ``tests/test_report_docx.py``) and the plan (``tests/test_plan_docx.py``) are Word
    documents: ``cadre plan --format docx`` writes one in the same type and on the same
    page as the forms', with the same title block."""
    from test_forms_cli import CADRE

    out = tmp_path / "plan.docx"
    args = [CADRE, "plan", str(SAMPLE), "--as-of", "2026-12-31", "--plugin", "laichau"]
    done = subprocess.run(
        [*args, "--format", "docx", "-o", str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    doc = docx.Document(str(out))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    fonts = doc.styles.element.find(f"{W}docDefaults").find(f".//{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Times New Roman"
    nation = doc.tables[0].rows[0].cells[1].text
    assert nation.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    # the issuer, and the plan's number under it for the records office to fill
    issuer = doc.tables[0].rows[0].cells[0].text
    assert issuer.split("\n") == ["XÃ MƯỜNG THAN", "Số: ......./KH-......."]
    assert not leaks([whole_text(doc)])


def test_under_pseudonyms_the_document_names_nobody(tmp_path: Path) -> None:
    out = tmp_path / "cl.docx"
    run_pseudonymized(out)
    text = squeeze(whole_text(docx.Document(str(out))))
    cadres = cadre_core.sample_roster().cadres
    assert not any(squeeze(name) in text for name in cadres["full_name"])
    assert not any(d.strftime("%d/%m/%Y") in text for d in cadres["birth_date"].dropna())
    assert squeeze("Mẫu số 02/CL.CBCCX") in text
    assert KEY not in text


def test_the_service_answers_the_document(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from cadre_core.serve import Settings, create_app

    book = cadre_core.sample_roster().write(tmp_path / "xa.xlsx")
    query = {"as_of": "2026-12-31", "format": "docx"}
    with TestClient(create_app(Settings())) as client:
        got = client.post(
            "/v1/forms/02-cl-cbccx", params=query, files={"roster": (book.name, book.read_bytes())}
        )
    assert got.status_code == 200, got.text
    assert got.headers["content-type"] == MEDIA
    name = "cadre-forms-02-CL-CBCCX-2026-12-31.docx"
    assert got.headers["content-disposition"] == f'attachment; filename="{name}"'
    doc = document(got.content)
    assert "Mẫu số 02/CL.CBCCX" in whole_text(doc) and len(doc.sections) == 2


# ------------------------------------------------------------------ LibreOffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_document_to_pdf(
    tmp_path: Path, sample_forms: list[FilledForm]
) -> None:
    """LibreOffice Writer opens the document and lays it out: A4 landscape pages, each form
    from a page of its own, a few pages per form (the sample's PDF takes 10)."""
    pdfium = pytest.importorskip("pypdfium2")
    out = tmp_path / "bieu.docx"
    out.write_bytes(form_docx_bytes(sample_forms))
    pdf = libreoffice_pdf(out, tmp_path)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages = [
            (doc[i].get_size(), doc[i].get_textpage().get_text_range()) for i in range(len(doc))
        ]
    finally:
        doc.close()
    documents = len(pdf_parts(sample_forms)) + 1  # and the notes
    assert documents <= len(pages) <= 3 * documents
    assert all(abs(w - 841.89) < 1 and abs(h - 595.28) < 1 for (w, h), _ in pages)
    texts = [squeeze(t) for _, t in pages]
    for code in ("9C-BTCTW", "12C-BTCTW", "10-BTCTW", "BM02/BNV", "02/CL.CBCCX"):
        assert any(squeeze(code) in t for t in texts), code
    assert squeeze("Mường Than, ngày") in "".join(texts)
