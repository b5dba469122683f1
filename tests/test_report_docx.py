"""The evaluation report as a Word document (``write_docx``, ``cadre evaluate -o
r.docx``): what it says is what the evaluation says, in the report's language, with
the targets' heading row repeated on every page and no personal data when pseudonymised."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pandas as pd
import pytest
from conftest import SOFFICE, libreoffice_pdf
from hypothesis import example, given, settings
from hypothesis import strategies as st

import cadre_core
from cadre_core.engine import Evaluation
from cadre_core.plugins import ReportSection
from cadre_core.reports import evaluate_many, plugin_sections, write_docx
from cadre_core.reports._explain import explain_frame
from cadre_core.vocab._docx import LINE_BREAK, NOT_XML, DocxWriter
from cadre_core.vocab._labels import label

CADRE = str(Path(sys.executable).with_name("cadre"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: codes of the data that must never reach a reader of the Vietnamese report
CODES = ("dai_hoc", "party_secretary", "not_met", "not_applicable")


@pytest.fixture(scope="module")
def ev() -> Evaluation:
    return cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31", plugins=["laichau"])


@pytest.fixture(scope="module")
def vi(ev: Evaluation, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vi") / "bao-cao.docx"
    return write_docx(ev, out, sections=plugin_sections(ev))


def _text(path: Path) -> str:
    """Every text of the document: paragraphs, every table's cells, heads and feet."""
    document = docx.Document(str(path))
    return "\n".join(t.text or "" for t in document.element.body.iter(f"{W}t"))


def _targets_table(path: Path, lang: str = "vi") -> list[list[str]]:
    """The rows of the targets' table (the one headed by the target code)."""
    document = docx.Document(str(path))
    for table in document.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if rows and rows[0][0] == label("col_id", lang) and len(rows[0]) == 7:
            return rows
    raise AssertionError("no targets' table")


def test_every_target_says_its_status_and_shortfall(ev: Evaluation, vi: Path) -> None:
    rows = _targets_table(vi)
    assert rows[0] == [
        label(k, "vi")
        for k in ("col_id", "col_target", "col_ratio", "col_status")
        + ("col_shortfall", "col_deadline", "col_body")
    ]
    results = ev.communes[0].targets
    assert [r[0] for r in rows[1:]] == [t.id for t in results]
    for row, t in zip(rows[1:], results, strict=True):
        assert row[1].startswith(t.title.get("vi"))
        assert row[3].startswith(label(t.status, "vi"))
        assert row[4] == str(t.shortfall)
        assert row[5] == f"{t.deadline:%d/%m/%Y}"
        assert f"{t.satisfied}/{t.population}" in row[2]


def _heads(document: Any) -> list[str]:
    """The body's paragraphs from the report's title on (after the letterhead)."""
    texts = [p.text for p in document.paragraphs]
    return texts[texts.index(label("report_title", "vi")) :]


def test_the_title_block_and_the_page(ev: Evaluation, vi: Path) -> None:
    document = docx.Document(str(vi))
    assert _heads(document)[:3] == [
        "BÁO CÁO ĐÁNH GIÁ THỰC HIỆN CHỈ TIÊU",
        ev.communes[0].commune,
        "Tính đến ngày 31/12/2026",
    ]
    # the head of an administrative document: the commune; the nation, motto, date line
    issuer, nation = document.tables[0].rows[0].cells
    # the document's number under the issuer, for the records office to fill
    assert issuer.text.split("\n") == [ev.communes[0].commune.upper(), "Số: ......./BC-......."]
    assert nation.text.split("\n") == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        label("plan_place_date", "vi"),
    ]
    # and its foot, after the body: the recipients, who prepared it, the head who signs and
    # seals; only the appendix of the parameters in force follows it
    foot = _signatures(document)
    cells = [c.text for c in foot.rows[0].cells]
    assert cells[0].startswith("Nơi nhận:")
    assert cells[1].startswith("NGƯỜI LẬP") and cells[2].startswith("THỦ TRƯỞNG CƠ QUAN")
    text = _text(vi)
    sign = text.index("NGƯỜI LẬP")
    assert text.index(label("report_audit_title", "vi")) < sign
    assert sign < text.index("Phụ lục: Thông số áp dụng")
    section = document.sections[0]
    assert section.page_width > section.page_height  # A4 landscape
    assert round(section.page_width.mm) == 297
    fonts = document.styles.element.find(f"{W}docDefaults").find(f".//{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Times New Roman"


def _signatures(document: Any) -> Any:
    """The table of the signature block (its first cell the recipients)."""
    (foot,) = [t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:")]
    return foot


def test_the_heading_row_repeats_and_no_row_splits(vi: Path) -> None:
    document = docx.Document(str(vi))
    # after the letterhead and the head counts, but the signatures: each has a heading
    foot = _signatures(document)._tbl
    for table in [t for t in document.tables[2:] if t._tbl is not foot]:
        first, *rest = table.rows
        assert first._tr.trPr.find(f"{W}tblHeader") is not None
        assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)
        assert all(row._tr.trPr.find(f"{W}tblHeader") is None for row in rest)


def test_who_falls_short_and_why(ev: Evaluation, vi: Path) -> None:
    text = _text(vi)
    frame = explain_frame(ev, "vi")  # what the report's tables are built from
    not_met = {t.id for t in ev.communes[0].targets if t.status == "not_met"}
    people = frame[frame["target_id"].isin(not_met) & frame["member"].astype(bool)]
    assert len(people)
    for row in people.itertuples():
        assert row.member in text and row.explanation in text
        if row.role:
            assert row.role in text
    master = ev.communes[0].target("nq05.5a")
    assert master.status == "not_met" and "cần thạc sĩ" in text


def test_the_notes_every_report_carries(vi: Path) -> None:
    text = _text(vi)
    for key in ("report_audit_title", "findings", "unrated"):
        assert label(key, "vi") in text
    assert "cadre-core" in text  # the audit block names the tool


def test_the_appendix_names_every_parameter_and_each_source_once(ev: Evaluation, vi: Path) -> None:
    """After the signatures, the parameters in force as the page's appendix has them:
    the targets' requirements, deadlines and topics, every other parameter by its name,
    each source said once; no parameter's key."""
    text = _text(vi)
    appendix = text[text.index("Phụ lục: Thông số áp dụng") :]
    assert not [key for key in ev.params if key in appendix]
    assert appendix.count("plugin laichau") == appendix.count("plugin cadre") == 1
    assert "Tỷ lệ tối đa cán bộ một cơ quan đi học dài hạn cùng lúc" in appendix
    for target in ev.communes[0].targets:
        assert target.id in appendix


def test_no_internal_code_in_vietnamese_and_english_in_english(
    ev: Evaluation, vi: Path, tmp_path: Path
) -> None:
    text = _text(vi)
    assert not [c for c in CODES if c in text]
    en = write_docx(ev, tmp_path / "report.docx", lang="en")
    english = _text(en)
    assert "TARGET EVALUATION REPORT" in english and "Not met" in english
    assert "BÁO CÁO" not in english and "Chưa đạt" not in english
    assert _targets_table(en, "en")[0][0] == "Target id"


def test_several_days_add_a_trend_table(tmp_path: Path) -> None:
    evs = evaluate_many(
        cadre_core.sample_roster(), ["2026-06-30", "2026-12-31"], plugins=["laichau"]
    )
    out = write_docx(evs, tmp_path / "xu-huong.docx")
    document = docx.Document(str(out))
    trend = [t for t in document.tables if t.rows[0].cells[-1].text == "31/12/2026"]
    assert len(trend) == 1
    assert trend[0].rows[0].cells[-2].text == "30/06/2026"
    assert len(trend[0].rows) == 1 + len(evs[-1].communes[0].targets)
    assert "Tính đến ngày 31/12/2026" in _heads(document)[2]


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=40), st.text(max_size=40))
@example("t", "\r")
@example("t", "a\r\nb\rc\n\x0bd")
def test_any_text_of_a_section_reads_back_as_written(title: str, cell: str) -> None:
    """A plugin's section with any text (markup, control characters): the document
    opens and holds the text, less what XML cannot hold."""
    writer = DocxWriter("vi", prefix="T", name_key="report_docx_style")
    writer.section(True, title)
    table = pd.DataFrame({"a": [cell]})
    writer.body_xml("".join(writer.sections_xml([ReportSection(title, table, "")], 9.0)))
    document = docx.Document(io.BytesIO(writer.bytes(title)))
    # a line ends at CR LF, CR or LF alike: each is one line break in Word
    lines = LINE_BREAK.split(cell)
    assert document.tables[0].rows[1].cells[0].text == "\n".join(NOT_XML.sub("", x) for x in lines)


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CADRE, *args], capture_output=True, text=True, timeout=300, env={**os.environ, **env}
    )


@pytest.fixture(scope="module")
def sample_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.xlsx"
    cadre_core.sample_roster().write(path)
    return path


def test_cli_writes_the_word_report(sample_xlsx: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    args = ["evaluate", str(sample_xlsx), "--as-of", "2026-12-31", "--plugin", "laichau"]
    done = _cli(*args, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert _targets_table(out)[1][0] == "nq05.1a"
    again = tmp_path / "r2.docx"
    done = _cli(*args, "--format", "docx", "-o", str(again))
    assert done.returncode == 0, done.stderr
    names = cadre_core.sample_roster().cadres["full_name"].dropna().astype(str)
    assert any(n in _text(again) for n in names)
    key = tmp_path / "key"
    key.write_text("a secret key of the commune's own", encoding="utf-8")
    hidden = tmp_path / "hidden.docx"
    done = _cli(*args, "-o", str(hidden), "--pseudonymize", "--pseudonym-key", str(key))
    assert done.returncode == 0, done.stderr
    text = _text(hidden)
    assert "CB-" in text
    assert not [n for n in names if n in text]


def test_a_province_ranks_its_communes_and_says_each_communes_targets(tmp_path: Path) -> None:
    """Several communes: every commune is ranked, and the targets' table has a row for
    each commune and target with that commune's status and shortfall."""
    from cadre_core.roster._synth import synth_roster

    ev = cadre_core.evaluate(
        synth_roster(3, 2026, validate=True, name="t"), "2026-12-31", by_commune=True
    )
    out = write_docx(ev, tmp_path / "tinh.docx")
    text = _text(out)
    communes = [c.commune for c in ev.communes]
    assert len(communes) == 3 and all(c in text for c in communes)
    document = docx.Document(str(out))
    table = next(
        [[c.text for c in row.cells] for row in t.rows]
        for t in document.tables
        if t.rows and t.rows[0].cells[0].text == label("col_id", "vi") and len(t.columns) == 8
    )
    got = {(row[0], row[1]): row for row in table[1:]}
    for c in ev.communes:
        for t in c.targets:
            row = got[(t.id, c.commune)]
            assert label(t.status, "vi") in row[4], (row, t.status)
            assert str(t.shortfall) in row


def test_the_plan_is_a_word_document_too(sample_xlsx: Path, tmp_path: Path) -> None:
    """``cadre plan -o plan.docx`` writes the plan (``tests/test_plan_docx.py`` reads it
    whole): its heading, every line's person, the yearly totals' table; a ``--format``
    that contradicts the suffix is still refused, and nothing is written."""
    out = tmp_path / "plan.docx"
    args = ["plan", str(sample_xlsx), "--as-of", "2026-12-31", "--plugin", "laichau"]
    done = _cli(*args, "-o", str(out), "--format", "json", "--lang", "en")
    assert done.returncode == 2 and "docx" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
    done = _cli(*args, "-o", str(out))
    assert done.returncode == 0, done.stderr
    plan = cadre_core.plan(
        cadre_core.read_roster(sample_xlsx), as_of="2026-12-31", plugins=["laichau"]
    )
    document = docx.Document(str(out))
    text = _text(out)
    assert label("plan_heading") in [p.text for p in document.paragraphs]
    assert plan.lines and all(x.name in text and x.post in text for x in plan.lines)
    totals = [t for t in document.tables if t.rows[0].cells[1].text == label("plan_col_starts")]
    assert len(totals) == 1
    assert [c.text for c in totals[0].rows[-1].cells][-1] == f"{plan.total_cost:,}".replace(
        ",", "."
    )


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_it_to_pdf(vi: Path, tmp_path: Path) -> None:
    libreoffice_pdf(vi, tmp_path)
