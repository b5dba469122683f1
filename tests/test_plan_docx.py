"""The plan as a Word document (``write_docx``, ``cadre plan -o ke-hoach.docx``,
``POST /v1/reports?of=plan&format=docx``): read back with python-docx, every line's
person, post and programme, each year's total, the yearly totals, every target at its
deadline and the needs are the plan's; the title block, the page and the signature
block; Vietnamese words only, English ones under ``--lang en``; nobody's name under
pseudonyms; written whole or not at all; converted to PDF by LibreOffice when it is
installed."""

from __future__ import annotations

import collections
import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from builders import three_communes
from conftest import SOFFICE, libreoffice_pdf
from hypothesis import given, settings
from hypothesis import strategies as st
from test_plan_outputs import run  # `cadre plan ARGS`, the real console script
from test_vietnamese_outputs import leaks

import cadre_core
from cadre_core.planner import Plan, PlanLine, YearTotal
from cadre_core.planner._docx import plan_docx_bytes, write_docx
from cadre_core.targets._target import Text
from cadre_core.vocab._docx import LINE_BREAK, NOT_XML
from cadre_core.vocab._labels import label

CADRE = str(Path(sys.executable).with_name("cadre"))
SAMPLE = Path(cadre_core.__file__).parent / "data" / "sample_commune"
BASE = (str(SAMPLE), "--as-of", "2026-12-31", "--plugin", "laichau")
KEY = "0123456789abcdef-plan-docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: the label keys of the words the document says as they are, whatever the plan
WORDS = (
    "plan_heading",
    "plan_nation",
    "plan_motto",
    "plan_lines",
    "plan_succession_note",
    "plan_totals",
    "plan_projections",
    "plan_needs",
    "plan_assumptions",
    "plan_recipients",
    "plan_signer",
    "plan_signer_note",
    "plan_head",
    "plan_head_note",
    "plan_total",
    "plan_col_name",
    "plan_col_post",
    "plan_col_programme",
    "col_target",
)


def money(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def rows_of(table: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def tables_headed(document: Any, key: str, lang: str = "vi") -> list[list[list[str]]]:
    """The tables whose heading row names the column ``key``, each as its rows of text."""
    word = label(key, lang)
    return [rows_of(t) for t in document.tables if word in rows_of(t)[0]]


def text_of(document: Any) -> str:
    """Every text of the body: paragraphs and every table's cells."""
    return "\n".join(t.text or "" for t in document.element.body.iter(f"{W}t"))


def parts_xml(data: bytes) -> str:
    """Every XML part of a .docx file (body, running heads and feet, properties, styles)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(
            z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))
        )


@pytest.fixture(scope="module")
def plan() -> Plan:
    return cadre_core.plan(cadre_core.sample_roster(), as_of="2026-12-31", plugins=["laichau"])


@pytest.fixture(scope="module")
def vi(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(plan, tmp_path_factory.mktemp("vi") / "ke-hoach.docx")


@pytest.fixture(scope="module")
def document(vi: Path) -> Any:
    return docx.Document(str(vi))


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan written by the console script: by suffix, by --format, under pseudonyms
    and in English."""
    folder = tmp_path_factory.mktemp("cli")
    env = {"CADRE_PSEUDONYM_KEY": KEY}
    for name, extra in (
        ("plan.docx", ()),
        ("format.docx", ("--format", "docx")),
        ("hidden.docx", ("--pseudonymize",)),
        ("en.docx", ("--lang", "en")),
    ):
        done = run(*BASE, *extra, "-o", str(folder / name), env=env)
        assert done.returncode == 0, done.stderr
    return folder


def line_rows(document: Any, lang: str = "vi") -> tuple[list[str], list[list[str]]]:
    """The heading and every line's row of the year tables, in order (totals left out)."""
    found = tables_headed(document, "plan_col_name", lang)
    assert found
    head = found[0][0]
    return head, [row for t in found for row in t[1:-1]]


# ---------------------------------------------------------------- what it says


def test_every_line_names_the_person_post_and_programme(plan: Plan, document: Any) -> None:
    head, rows = line_rows(document)
    assert head[0] == label("col_no")
    assert len(rows) == len(plan.lines) > 0
    col = {k: head.index(label(k)) for k in ("plan_col_name", "plan_col_post", "plan_col_agency")}
    col |= {k: head.index(label(k)) for k in ("plan_col_programme", "plan_col_id")}
    col |= {k: head.index(label(k)) for k in ("plan_col_from", "plan_col_to", "plan_col_cost")}
    by_year = sorted(plan.lines, key=lambda x: x.year)  # a table per year, lines in order
    for x, row in zip(by_year, rows, strict=True):
        assert row[col["plan_col_name"]] == x.name and x.name
        assert row[col["plan_col_post"]] == x.post and x.post
        assert row[col["plan_col_agency"]] == x.agency
        assert row[col["plan_col_programme"]] == x.programme_name.vi
        assert row[col["plan_col_id"]] == x.cadre_id
        assert row[col["plan_col_from"]] == f"{x.start_date:%m/%Y}"
        assert row[col["plan_col_to"]] == f"{x.end_date:%m/%Y}"
        assert row[col["plan_col_cost"]] == money(x.cost)


def test_each_year_is_numbered_and_ends_with_its_total(plan: Plan, document: Any) -> None:
    years = sorted({x.year for x in plan.lines})
    tables = tables_headed(document, "plan_col_name")
    assert len(tables) == len(years)
    titles = [p.text for p in document.paragraphs]
    for year, table in zip(years, tables, strict=True):
        assert label("plan_year").format(year=year) in titles
        lines = [x for x in plan.lines if x.year == year]
        assert [row[0] for row in table[1:-1]] == [str(i) for i in range(1, len(lines) + 1)]
        cost = sum(x.cost for x in lines)
        total = label("plan_year_total").format(year=year, starts=len(lines), cost=money(cost))
        assert table[-1][0] == total
        assert money(cost) in table[-1]


def test_the_yearly_totals_are_the_plans(plan: Plan, document: Any) -> None:
    (table,) = tables_headed(document, "plan_col_starts")
    head, *rows, foot = table
    assert head == [label(k) for k in ("plan_col_year", "plan_col_starts", "plan_col_long")] + [
        label("plan_col_cost")
    ]
    assert rows == [
        [str(t.year), str(t.starts), str(t.long_starts), money(t.cost)] for t in plan.totals
    ]
    starts = sum(t.starts for t in plan.totals)
    assert starts == len(plan.lines)
    assert foot == [
        label("plan_total"),
        str(starts),
        str(sum(t.long_starts for t in plan.totals)),
        money(plan.total_cost),
    ]
    assert plan.total_cost == sum(t.cost for t in plan.totals) == sum(x.cost for x in plan.lines)


def test_every_target_at_its_deadline(plan: Plan, document: Any) -> None:
    (table,) = tables_headed(document, "plan_col_status_after")
    assert [r[0] for r in table[1:]] == [f"{p.target_id} {p.title.vi}" for p in plan.projections]
    for p, row in zip(plan.projections, table[1:], strict=True):
        assert row[1:] == [
            f"{p.deadline:%d/%m/%Y}",
            str(p.required),
            str(p.satisfied_before),
            str(p.satisfied_after),
            label(p.status_after),
        ]


def test_the_needs_say_why_and_whom(plan: Plan, document: Any) -> None:
    assert plan.needs
    said = [p.text for p in document.paragraphs]
    for n in plan.needs:
        line = next(s for s in said if n.reason_vi in s)
        assert line.startswith(f"• {label(f'need_{n.kind}')}: ")
        for name in n.member_names:
            assert name in line


def test_the_title_block_the_page_and_the_signatures(plan: Plan, document: Any) -> None:
    text = text_of(document)
    for key in WORDS:
        assert label(key) in text, key
    assert "Xã Mường Than, tính từ ngày 31/12/2026" in text
    # the issuer, and the plan's number under it for the records office to fill
    issuer = document.tables[0].rows[0].cells[0].text
    assert issuer.split("\n") == ["XÃ MƯỜNG THAN", "Số: ......./KH-......."]
    section = document.sections[0]
    assert section.page_width > section.page_height
    assert round(section.page_width.mm) == 297
    fonts = document.styles.element.find(f"{W}docDefaults").find(f".//{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Times New Roman"
    signatures = rows_of(document.tables[-1])[0]
    assert label("plan_recipients") in signatures[0]
    assert signatures[1].startswith(label("plan_signer"))
    assert signatures[2].startswith(label("plan_head"))


def test_headings_repeat_and_no_row_splits(document: Any) -> None:
    grids = [t for t in document.tables if t.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None]
    assert len(grids) == len(document.tables) - 2  # all but the title and signature blocks
    for table in grids:
        _, *rest = table.rows
        assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)
        assert all(row._tr.trPr.find(f"{W}tblHeader") is None for row in rest)


def test_no_internal_code_in_vietnamese(plan: Plan, document: Any) -> None:
    text = text_of(document)
    assert not leaks([text])
    words = set(re.findall(r"[\w.]+", text))
    assert not {x.programme for x in plan.lines} & words
    assert "_" not in text


def test_in_english_every_word_is_english(plan: Plan, tmp_path: Path) -> None:
    data = plan_docx_bytes(plan, "en")
    document = docx.Document(io.BytesIO(data))
    text = text_of(document)
    for key in WORDS:
        assert label(key, "en") in text, key
        assert label(key, "vi") not in text, key
    (table,) = tables_headed(document, "plan_col_status_after", "en")
    assert [r[-1] for r in table[1:]] == [label(p.status_after, "en") for p in plan.projections]
    _, rows = line_rows(document, "en")
    head = tables_headed(document, "plan_col_name", "en")[0][0]
    programme = head.index(label("plan_col_programme", "en"))
    by_year = sorted(plan.lines, key=lambda x: x.year)
    assert [r[programme] for r in rows] == [x.programme_name.en for x in by_year]
    assert document.sections[0].footer.paragraphs[0].text.startswith(label("report_page", "en"))


def test_several_communes_name_each_commune() -> None:
    plan = cadre_core.plan(three_communes(), as_of="2026-12-31", plugins=["laichau"])
    document = docx.Document(io.BytesIO(plan_docx_bytes(plan)))
    head, rows = line_rows(document)
    commune = head.index(label("col_commune"))
    by_year = sorted(plan.lines, key=lambda x: x.year)  # a table per year, lines in order
    assert [r[commune] for r in rows] == [x.commune for x in by_year]
    (totals,) = tables_headed(document, "plan_col_starts")
    assert [r[0] for r in totals[1:-1]] == [t.commune for t in plan.totals]
    assert totals[-1][-1] == money(plan.total_cost)
    communes = {p.commune for p in plan.projections}
    assert len(communes) == 3 and all(c in text_of(document) for c in communes)


#: the text a hand-typed cell may hold (markup, control characters, any letter)
CELL = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)


@settings(max_examples=20, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(2027, 2030), st.integers(0, 10**9), CELL, CELL),
        min_size=1,
        max_size=12,
    )
)
def test_any_plan_reads_back_with_its_sums(lines: list[tuple[int, int, str, str]]) -> None:
    """Lines of any years, costs, names and posts: each name and post reads back (less
    what XML cannot hold), each year's total and the total are the sums of the costs."""
    made = tuple(
        PlanLine(
            year,
            dt.date(year, 3, 1),
            dt.date(year, 5, 31),
            f"C{i}",
            "p",
            ("t",),
            "b",
            cost,
            commune="Xã A",
            programme_name=Text("Chương trình", "Programme"),
            name=name,
            post=post,
            agency="Cơ quan",
        )
        for i, (year, cost, name, post) in enumerate(lines)
    )
    by_year: dict[int, list[PlanLine]] = collections.defaultdict(list)
    for x in made:
        by_year[x.year].append(x)
    totals = tuple(
        YearTotal("Xã A", y, len(xs), 0, sum(x.cost for x in xs))
        for y, xs in sorted(by_year.items())
    )
    plan = Plan(dt.date(2026, 12, 31), 2030, made, totals, (), (), (), "optimal")
    document = docx.Document(io.BytesIO(plan_docx_bytes(plan)))
    head, rows = line_rows(document)
    order = sorted(made, key=lambda x: x.year)  # the year tables, in the lines' order per year

    def readable(text: str) -> str:
        return "\n".join(NOT_XML.sub("", t) for t in LINE_BREAK.split(text))

    name, post = head.index(label("plan_col_name")), head.index(label("plan_col_post"))
    assert [r[name] for r in rows] == [readable(x.name) if x.name else x.cadre_id for x in order]
    assert [r[post] for r in rows] == [readable(x.post) for x in order]
    for table, (year, xs) in zip(
        tables_headed(document, "plan_col_name"), sorted(by_year.items()), strict=True
    ):
        cost = money(sum(x.cost for x in xs))
        said = label("plan_year_total").format(year=year, starts=len(xs), cost=cost)
        at = head.index(label("plan_col_cost"))  # the total's words span the columns before
        assert table[-1][: at + 1] == [said] * at + [cost]
    (yearly,) = tables_headed(document, "plan_col_starts")
    assert yearly[-1][-1] == money(sum(cost for _, cost, _, _ in lines))


# ---------------------------------------------------------------- the console script


def test_the_console_script_writes_the_plans_document(cli: Path, document: Any) -> None:
    for name in ("plan.docx", "format.docx"):
        written = docx.Document(str(cli / name))
        assert line_rows(written) == line_rows(document)
        assert tables_headed(written, "plan_col_starts") == tables_headed(
            document, "plan_col_starts"
        )


def test_pseudonyms_hide_every_name(cli: Path, plan: Plan) -> None:
    xml = parts_xml((cli / "hidden.docx").read_bytes())
    cadres = cadre_core.sample_roster().cadres
    names = [str(n) for n in cadres["full_name"].dropna()]
    assert names and not [n for n in names if n in xml]
    planned = {x.cadre_id for x in plan.lines}
    assert not [c for c in planned if re.search(rf"\b{c}\b", xml)]
    assert "CB-" in xml
    assert KEY not in xml
    head, rows = line_rows(docx.Document(str(cli / "hidden.docx")))
    post = head.index(label("plan_col_post"))
    assert [r[post] for r in rows] == [x.post for x in sorted(plan.lines, key=lambda x: x.year)]


def test_the_console_script_in_english(cli: Path) -> None:
    document = docx.Document(str(cli / "en.docx"))
    text = text_of(document)
    for key in WORDS:
        assert label(key, "en") in text and label(key, "vi") not in text, key


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--format", "docx"), "--format docx cần --output TỆP.docx"),
        (("--format", "docx", "-o", "x.pdf"), "--format docx"),
    ],
)
def test_bad_docx_requests_are_refused_with_a_sentence(
    args: tuple[str, ...], words: str, tmp_path: Path
) -> None:
    done = subprocess.run(
        [CADRE, "plan", *BASE, *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.iterdir())


# ---------------------------------------------------------------- whole or not at all


def test_written_whole_or_not_at_all(plan: Plan, tmp_path: Path, monkeypatch: Any) -> None:
    import cadre_core.vocab._files as files

    out = tmp_path / "ke-hoach.docx"
    out.write_bytes(b"the commune's own edited copy")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_docx(plan, out)
    assert out.read_bytes() == b"the commune's own edited copy"
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.docx"]
    with pytest.raises(OSError, match="No space"):
        write_docx(plan, tmp_path / "new.docx")
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.docx"]
    monkeypatch.undo()
    write_docx(plan, out)
    assert docx.Document(str(out)).paragraphs[1].text == label("plan_heading")


# ---------------------------------------------------------------- the service


def test_the_service_answers_the_plans_document(tmp_path: Path, document: Any) -> None:
    from fastapi.testclient import TestClient

    from cadre_core.serve import Settings, create_app

    book = cadre_core.sample_roster().write(tmp_path / "xa.xlsx")
    query = {"as_of": "2026-12-31", "of": "plan", "format": "docx", "plugin": "laichau"}
    with TestClient(create_app(Settings())) as client, open(book, "rb") as handle:
        got = client.post("/v1/reports", params=query, files={"roster": ("xa.xlsx", handle)})
    assert got.status_code == 200, got.text
    assert got.headers["content-type"].startswith(WORD)
    disposition = 'attachment; filename="cadre-plan-2026-12-31.docx"'
    assert got.headers["content-disposition"] == disposition
    answered = docx.Document(io.BytesIO(got.content))
    assert line_rows(answered) == line_rows(document)


# ---------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_it_to_pdf(vi: Path, tmp_path: Path) -> None:
    libreoffice_pdf(vi, tmp_path)
