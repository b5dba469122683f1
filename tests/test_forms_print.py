"""The forms to hand up: the printed layout both writers draw (properties over any form),
the page (``-o bieu.html``) and the PDF (``-o bieu.pdf``) through the real console script,
read back as text with pdfium, and the service's downloads."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_forms_cli import SAMPLE, run, run_pseudonymized, synth_province

import cadre_core
from cadre_core import Form, FormColumn, FormRow, Text, criteria, sample_roster
from cadre_core.forms import FilledBlock, FilledForm, FilledRow, render_forms_html, write_form_pdf
from cadre_core.forms._fill import Blank
from cadre_core.forms._layout import (
    NARROW,
    blank_rows,
    column_widths,
    date_line,
    depth,
    first_column,
    headings,
    issuer,
    lines,
    numbering,
)

pdfium = pytest.importorskip("pypdfium2")

CADRE = str(Path(sys.executable).with_name("cadre"))
DAY = "2026-12-31"
A4_LANDSCAPE = (841.89, 595.28)


def pdf_pages(path: Path) -> list[tuple[tuple[float, float], str]]:
    """Each page's size (points) and text."""
    doc = pdfium.PdfDocument(str(path))
    try:
        return [
            (doc[i].get_size(), doc[i].get_textpage().get_text_range()) for i in range(len(doc))
        ]
    finally:
        doc.close()


def squeeze(text: str) -> str:
    """Text without whitespace: a label the page wrapped reads as one that fits."""
    return re.sub(r"\s+", "", text)


# ------------------------------------------------------------------ the printed layout
_words = st.sampled_from(["Tổng số", "Nữ", "Đảng viên", "Trung cấp", "Chưa qua đào tạo", "Xã"])


@st.composite
def forms(draw: st.DrawFn) -> Form:
    """A form of 1-12 columns, each under 0-2 group headings drawn from a few, so that
    neighbours share groups (merged) or not, in any order."""
    n = draw(st.integers(1, 12))
    groups = st.lists(st.sampled_from(["A", "B", "Trình độ"]), max_size=2)
    columns = [
        FormColumn(
            Text(draw(_words), "x"),
            str(i + 1),
            criteria.everyone(),
            groups=tuple(Text(g, g) for g in draw(groups)),
        )
        for i in range(n)
    ]
    orientation = draw(st.sampled_from(["post", "unit"]))
    rows = (
        (FormRow(Text("TỔNG SỐ", "TOTAL"), criteria.everyone()),) if orientation == "post" else ()
    )
    number = draw(st.sampled_from([None, Text("STT", "No.")]))
    return Form("T-1", (Text("T", "T"),), orientation, columns, rows, number_heading=number)


@settings(max_examples=200, deadline=None)
@given(forms())
def test_the_headings_tile_the_grid_once(form: Form) -> None:
    """Every cell of the heading rows is covered by exactly one heading; a group spans
    neighbours that share it; a column's own label reaches the last heading row; only a
    narrow column's own label is ever turned."""
    width = first_column(form) + len(form.columns)
    rows = depth(form)
    seen: dict[tuple[int, int], str] = {}
    for h in headings(form):
        assert h.rows >= 1 and h.cols >= 1
        for r in range(h.row, h.row + h.rows):
            for c in range(h.col, h.col + h.cols):
                assert (r, c) not in seen, (r, c, h, seen.get((r, c)))
                seen[r, c] = h.text
        if h.turned:
            assert h.cols == 1 and h.row + h.rows == rows
            assert column_widths(form)[h.col] < NARROW
    assert set(seen) == {(r, c) for r in range(rows) for c in range(width)}
    assert len(numbering(form)) == width
    for i, col in enumerate(form.columns):  # the column's own label is its bottom cell
        assert seen[rows - 1, first_column(form) + i] == col.label.vi
        for level, g in enumerate(col.groups):
            assert seen[level, first_column(form) + i] == g.vi


@settings(max_examples=100, deadline=None)
@given(forms(), st.lists(st.text("ab", min_size=1, max_size=3), min_size=1, max_size=3))
def test_every_printed_line_fills_the_grid(form: Form, communes: list[str]) -> None:
    """Each block starts with its commune's name when there are several; every other line
    has one cell per grid column."""
    width = first_column(form) + len(form.columns)
    cells = tuple(range(len(form.columns)))
    body = (
        (FilledRow("", Text("TỔNG SỐ", "TOTAL"), "total", cells),)
        if form.orientation == "post"
        else (FilledRow("1", Text("Xã", "Commune"), "commune", cells),)
    )
    blocks = tuple(FilledBlock(c, body) for c in communes)
    filled = FilledForm(form, dt.date(2026, 12, 31), tuple(communes), blocks)
    printed = list(lines(filled))
    named = [ln.block for ln in printed if ln.block is not None]
    assert named == (communes if len(communes) > 1 else [])
    assert all(len(ln.cells) == width for ln in printed if ln.block is None)
    assert len(printed) == len(named) + len(communes) * len(body)


def test_the_issuer_names_the_commune_only_on_one_communes_page() -> None:
    col = FormColumn(Text("Tổng số", "Total"), "1", criteria.everyone())
    head = (Text("UBND {commune}", "PEOPLE'S COMMITTEE OF {commune}"), Text("Số: …", "No. …"))
    form = Form("T-3", (Text("T", "T"),), "unit", (col,), issuer=head)
    row = (FilledRow("1", Text("x", "x"), "commune", (1,)),)
    blocks = (FilledBlock("Xã Mường Than", row), FilledBlock("Phường Tân Phong", row))
    filled = FilledForm(form, dt.date(2026, 12, 31), (), (*blocks, FilledBlock(None, row)))
    assert issuer(filled) == ["UBND XÃ …", "Số: …"]  # several communes and their sum
    assert issuer(filled, "vi", blocks[1:2]) == ["UBND PHƯỜNG TÂN PHONG", "Số: …"]
    assert issuer(filled, "en", blocks[:1])[0] == "PEOPLE'S COMMITTEE OF XÃ MƯỜNG THAN"
    assert issuer(filled, "vi", filled.blocks[2:]) == ["UBND XÃ …", "Số: …"]  # the sum
    # the place of the date line: the commune's name, on its own document only
    assert date_line(filled, "vi", blocks[1:2]) == "Tân Phong, ngày …… tháng …… năm ……"
    assert date_line(filled, "vi", blocks[:1]).startswith("Mường Than, ngày")
    assert date_line(filled, "en", blocks[:1]) == "Mường Than, on …… …… ……"
    for shown in (None, filled.blocks[2:]):  # several communes and their sum: the issuer's
        assert date_line(filled, "vi", shown) == "………, ngày …… tháng …… năm ……"
    # a form the commune does not issue (its issuer names no commune): the issuer's seat
    theirs = FilledForm(
        Form("T-4", (Text("T", "T"),), "unit", (col,), issuer=(Text("TỈNH ỦY", "P"),)),
        dt.date(2026, 12, 31),
        (),
        filled.blocks,
    )
    assert date_line(theirs, "vi", blocks[:1]) == "………, ngày …… tháng …… năm ……"


def test_the_notes_group_a_column_blank_in_every_row() -> None:
    rows = tuple(FormRow(Text(t, t), criteria.everyone()) for t in ("A", "B", "C", "D"))
    col = FormColumn(Text("Đảng viên", "Party"), "2", criteria.everyone())
    form = Form("T-2", (Text("T", "T"),), "post", (col,), rows)
    blank = lambda r: Blank("T-2", Text(r, r), col.label, ("cadres.religion",), "2")  # noqa: E731
    filled = lambda names: FilledForm(  # noqa: E731
        form, dt.date(2026, 1, 1), (), (), tuple(blank(r) for r in names)
    )
    assert blank_rows([filled("ABCD")])[0][1] == "cả cột"
    assert blank_rows([filled("ABC")])[0][1] == "cả cột, trừ: D"
    assert blank_rows([filled("AB")])[0][1] == "A; B"
    assert blank_rows([filled("ABC")], "en")[0][1] == "the whole column except: D"
    assert blank_rows([filled("A")])[0][4] == "tôn giáo"


# --------------------------------------------------------------------- the page
class _Rows(HTMLParser):
    """The rows of a page's tables: per table, per row, (row class, [(tag, attributes,
    text)])."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[tuple[str, list[tuple[str, dict[str, str], str]]]]] = []
        self._cell: tuple[str, dict[str, str]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = {k: v or "" for k, v in attrs}
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append((given.get("class", ""), []))
        elif tag in ("td", "th"):
            self._cell, self._text = (tag, given), []

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1][1].append((*self._cell, "".join(self._text).strip()))
            self._cell = None


@pytest.fixture(scope="module")
def sample_json() -> dict[str, Any]:
    done = run(str(SAMPLE), "--as-of", DAY, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _shown(value: Any) -> str:
    """A JSON cell as the page prints it: a tick "x", a day dd/mm/yyyy, else as it is."""
    if value is None or value is False:
        return ""
    if value is True:
        return "x"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
    return str(value)


def test_the_page_holds_every_cell_of_the_json(tmp_path: Path, sample_json: dict[str, Any]) -> None:
    out = tmp_path / "bieu.html"
    done = run(str(SAMPLE), "--as-of", DAY, "-o", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    parser = _Rows()
    parser.feed(page)
    assert len(parser.tables) > len(sample_json["forms"])  # the forms, then the notes
    for form, table in zip(sample_json["forms"], parser.tables, strict=False):
        n = len(form["columns"])
        numbering = next(cells for kind, cells in table if kind == "num")
        assert [t for _, _, t in numbering][-n:] == [c["number"] for c in form["columns"]]
        body = [cells for kind, cells in table if kind == "" and cells and cells[0][0] == "td"]
        headings = [cells for kind, cells in table if kind == "heading"]
        assert all(t == "" for cells in headings for _, _, t in cells[-n:])
        want = [
            [_shown(v) for v in r["cells"]] for b in form["blocks"] for r in b["rows"] if r["cells"]
        ]
        got = [[t for _, _, t in cells[-n:]] for cells in body if len(cells) > n]
        if form["orientation"] == "person":  # the total row: its label under the names
            want[-1][0] = ""
            got[-1][0] = ""
        assert got == want, form["code"]
        for cells in body:  # a blank is grey and empty, never a zero
            for _, attrs, text in cells:
                if "blank" in attrs.get("class", ""):
                    assert text == ""
    assert "class='blank'></td>" in page  # the sample has blanks (12C's Party bodies)
    assert "cả cột" in page and "Căn cứ:" in page


def test_the_page_in_english_says_nothing_in_vietnamese_of_its_own(tmp_path: Path) -> None:
    out = tmp_path / "9c.html"
    done = run(str(SAMPLE), "--as-of", DAY, "--form", "9C-BTCTW", "--lang", "en", "-o", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "Form 9C-BTCTW" in page and "Figures as of 31/12/2026" in page
    assert "Biểu số" not in page and "Số liệu" not in page and "<html lang='en'>" in page


# ---------------------------------------------------------------------- the PDF
@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "bieu-mau.pdf"
    done = run(str(SAMPLE), "--as-of", DAY, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return out


def test_the_pdf_is_the_forms_on_a4_landscape(
    sample_pdf: Path, sample_json: dict[str, Any]
) -> None:
    pages = pdf_pages(sample_pdf)
    assert sample_pdf.read_bytes().startswith(b"%PDF-")
    assert all(abs(w - A4_LANDSCAPE[0]) < 1 and abs(h - A4_LANDSCAPE[1]) < 1 for (w, h), _ in pages)
    assert len(pages) <= 12  # five forms and their notes, not a page per commune row
    texts = [squeeze(t) for _, t in pages]
    # each form starts a page of its own, in order, with its number and title
    starts = [
        next(
            i for i, t in enumerate(texts) if squeeze(f"Biểu số {code}") in t or squeeze(code) in t
        )
        for code in ("9C-BTCTW", "12C-BTCTW", "10-BTCTW", "BM02/BNV", "02/CL.CBCCX")
    ]
    assert starts == sorted(starts) and starts[0] == 0
    first = texts[0]
    for words in ("TỈNH ỦY/HUYỆN ỦY…", "THỐNG KÊ", "NĂM 2026", "Số liệu tính đến ngày 31/12/2026"):
        assert squeeze(words) in first
    nine_c = sample_json["forms"][0]
    total = nine_c["blocks"][0]["rows"][0]
    assert squeeze("TỔNG SỐ" + "".join(str(v) for v in total["cells"])) in first
    # the per-person form lists every active cadre by name
    whole = "".join(texts)
    cl = next(f for f in sample_json["forms"] if f["code"] == "02-CL-CBCCX")
    names = [r["cells"][0] for b in cl["blocks"] for r in b["rows"] if r["kind"] == "person"]
    assert names and all(squeeze(n) in whole for n in names)
    # the notes: the blank cells and why, the sources; the page number and count
    assert squeeze("Các ô để trống và lý do") in whole and squeeze("cả cột") in whole
    # each form is numbered on its own (it is handed up on its own): "Trang 1/n" on the
    # first page of each, and n pages from there
    notes = next(i for i, t in enumerate(texts) if squeeze("Các ô để trống và lý do") in t)
    for start, end in zip(starts, [*starts[1:], notes], strict=True):
        n = end - start
        assert squeeze(f"Trang 1/{n}") in texts[start]
        assert squeeze(f"Trang {n}/{n}") in texts[end - 1]
    # the signature block ends the form (on its first page when it fits, which depends on
    # the fonts installed) and is never alone on a page: it keeps the form's last row
    # a commune's own form (02/CL: "UBND XÃ MƯỜNG THAN") is dated at the commune; 9C not
    assert squeeze("Mường Than, ngày") in texts[notes - 1]
    assert squeeze("………, ngày") in texts[starts[1] - 1]
    nine_c_last = texts[starts[1] - 1]
    assert squeeze("NGƯỜI LẬP BIỂU") in nine_c_last and squeeze("TRƯỞNG BAN") in nine_c_last
    for form, end in zip(sample_json["forms"], [*starts[1:], notes], strict=True):
        last_row = form["blocks"][-1]["rows"][-1]["label"]
        assert squeeze(last_row) in texts[end - 1], (form["code"], texts[end - 1][:200])


def test_the_pdf_under_pseudonyms_names_nobody(tmp_path: Path) -> None:
    out = tmp_path / "cl.pdf"
    run_pseudonymized(out)
    whole = squeeze("".join(t for _, t in pdf_pages(out)))
    cadres = sample_roster().cadres
    assert not any(squeeze(name) in whole for name in cadres["full_name"])
    assert not any(d.strftime("%d/%m/%Y") in whole for d in cadres["birth_date"].dropna())
    assert squeeze("Mẫu số 02/CL.CBCCX") in whole


def test_the_pdf_lists_what_was_set_aside(tmp_path: Path) -> None:
    folder = tmp_path / "xa"
    folder.mkdir()
    for f in SAMPLE.glob("*.csv"):
        (folder / f.name).write_bytes(f.read_bytes())
    with (folder / "cadres.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    table[1][table[0].index("gender")] = "không rõ"
    with (folder / "cadres.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    out = tmp_path / "bieu.pdf"
    done = run(str(folder), "--as-of", DAY, "--form", "9C-BTCTW", "--skip-invalid", "-o", str(out))
    assert done.returncode == 0, done.stderr
    whole = squeeze("".join(t for _, t in pdf_pages(out)))
    assert squeeze("không rõ") in whole and squeeze("cadres.csv") in whole


def test_a_province_prints_each_communes_form_then_the_provinces(tmp_path: Path) -> None:
    """Two communes: each form once per commune (its name on the page and in the page's
    head, its own signature block and page numbers), then the province's sum; the same
    file whether one process lays the documents out or two."""
    from cadre_core.forms import fill_forms
    from cadre_core.plugins._host import PluginHost, make_plugin_manager

    folder = tmp_path / "huyen"
    made = subprocess.run(
        [CADRE, "synth", "--communes", "2", "--seed", "7", str(folder)],
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    roster = cadre_core.read_roster(folder)
    host = PluginHost(make_plugin_manager(only=["cadre"]))
    chosen = [(p, f) for p, f in host.forms() if f.code == "9C-BTCTW"]
    filled = fill_forms(host, roster, dt.date(2026, 12, 31), chosen)
    communes = [b.commune for b in filled[0].blocks if b.commune is not None]
    assert len(communes) == 2
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    write_form_pdf(filled, one, workers=1)
    write_form_pdf(filled, two, workers=2)
    pages = pdf_pages(one)
    assert [t for _, t in pages] == [t for _, t in pdf_pages(two)]
    texts = [squeeze(t) for _, t in pages]
    assert len(texts) == 4  # two communes, the province, the notes
    for text, where in zip(texts, (*communes, "Toàn tỉnh"), strict=False):
        assert squeeze(where) in text and squeeze("Biểu số 9C-BTCTW") in text
        assert squeeze("TRƯỞNG BAN") in text and squeeze("Trang 1/1") in text
    total = lambda i: filled[0].blocks[i].rows[0].cells  # noqa: E731
    assert [a + b for a, b in zip(total(0), total(1), strict=True)] == list(total(2))
    assert squeeze("TỔNG SỐ" + "".join(str(v) for v in total(2))) in texts[2]


def test_by_province_the_pdf_is_the_provinces_document_alone(tmp_path: Path) -> None:
    """``--by province``: the province's document of each form and the notes, page for page
    what the default PDF ends with, without the communes' documents before them."""
    folder = synth_province(tmp_path / "tinh")
    whole, alone = tmp_path / "whole.pdf", tmp_path / "alone.pdf"
    for out, by in ((whole, "commune"), (alone, "province")):
        done = run(str(folder), "--as-of", DAY, "--form", "9C-BTCTW", "--by", by, "-o", str(out))
        assert done.returncode == 0, done.stderr
    every, kept = pdf_pages(whole), pdf_pages(alone)
    assert 0 < len(kept) < len(every)
    assert kept == every[len(every) - len(kept) :]
    doc = json.loads(
        run(str(folder), "--as-of", DAY, "--form", "9C-BTCTW", "--format", "json").stdout
    )
    communes = [b["commune"] for b in doc["forms"][0]["blocks"]]
    assert len(communes) == 4 and communes[-1] is None
    text = squeeze("".join(t for _, t in kept))
    assert squeeze("Toàn tỉnh") in text
    assert not any(squeeze(c) in text for c in communes[:-1])
    assert all(any(squeeze(c) in squeeze(t) for _, t in every) for c in communes[:-1])


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--format", "pdf"), "--format pdf cần --output TỆP.pdf"),
        (("--format", "html", "-o", "x.pdf"), "--format html"),
    ],
)
def test_bad_pdf_requests_are_refused_with_a_sentence(args: tuple[str, ...], words: str) -> None:
    done = run(str(SAMPLE), "--as-of", DAY, *args)
    assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr


def test_the_workbook_turns_the_narrow_headings(tmp_path: Path) -> None:
    out = tmp_path / "cl.xlsx"
    done = run(str(SAMPLE), "--as-of", DAY, "--form", "02-CL-CBCCX", "-o", str(out))
    assert done.returncode == 0, done.stderr
    ws = openpyxl.load_workbook(out)["02-CL-CBCCX"]
    turned = {c.value for r in ws.iter_rows() for c in r if c.alignment.textRotation == 90}
    assert {"Đảng viên", "Chưa qua đào tạo", "Trung cấp"} <= turned
    assert "Họ và tên" not in turned and "Nam" not in turned
    assert ws["A1"].value == "UBND XÃ MƯỜNG THAN"  # the commune's own form names it


def test_render_in_python_matches_the_command(sample_json: dict[str, Any]) -> None:
    from cadre_core.plugins.builtin._forms import FORM_9C

    features = cadre_core.evaluate(sample_roster(), DAY).features
    page = render_forms_html(cadre_core.compute_form(FORM_9C, features))
    total = sample_json["forms"][0]["blocks"][0]["rows"][0]["cells"]
    cells = re.findall(r"<td class='v b'>(\d+)</td>", page)[: len(total)]
    assert [int(c) for c in cells] == total


def test_a_province_form_without_signers_still_has_its_date_line() -> None:
    """A plugin's form need not name signers (the docs' example does not): the page still
    prints the place and date line on the right, as the workbook does."""
    form = Form(
        "HG-01",
        (Text("THỐNG KÊ CÁN BỘ NỮ", "WOMEN CADRES"),),
        "post",
        (FormColumn(Text("Tổng số", "Total"), "2", criteria.everyone()),),
        (FormRow(Text("Nữ", "Women"), criteria.is_female()),),
        source="Hướng dẫn của Ban Tổ chức Tỉnh ủy",
    )
    features = cadre_core.evaluate(sample_roster(), DAY).features
    page = render_forms_html(cadre_core.compute_form(form, features))
    signatures = page[page.index("<div class='signatures'>") :]
    assert "………, ngày …… tháng …… năm ……" in signatures.split("</section>")[0]
    assert "Căn cứ: Hướng dẫn của Ban Tổ chức Tỉnh ủy" in page
