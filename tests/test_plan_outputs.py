"""The plan a person signs, through the real ``cadre plan``: names and posts on every line
(JSON, piped table, HTML, xlsx), the HTML as a document (title, signature block, A4
landscape, cards on a phone), pseudonyms over every new field, the README's excerpt."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS
from openpyxl import load_workbook
from rich.console import Console

from cadre_core import sample_roster
from cadre_core.planner._people import people
from cadre_core.planner._result import Need, Plan, PlanLine
from cadre_core.roster._roster import Roster
from cadre_core.vocab._labels import label
from cadre_core.vocab._tables import show_table

ROOT = Path(__file__).resolve().parents[1]
CADRE = str(Path(sys.executable).with_name("cadre"))
SAMPLE = ROOT / "src" / "cadre_core" / "data" / "sample_commune"
BASE = (str(SAMPLE), "--as-of", "2026-12-31", "--plugin", "laichau")
KEY = "0123456789abcdef-planout"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CADRE, "plan", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def plan_doc(outputs: Path) -> dict:
    """The plan's JSON (``-o plan.json``: the format from the suffix)."""
    return json.loads((outputs / "plan.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    cad = sample_roster().cadres
    return dict(zip(cad["cadre_id"].astype(str), cad["full_name"].astype(str), strict=True))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan's html and xlsx, with and without pseudonyms, and its piped table."""
    folder = tmp_path_factory.mktemp("plan")
    for suffix, extra in (("", ()), ("-hidden", ("--pseudonymize",))):
        env = {"CADRE_PSEUDONYM_KEY": KEY}
        for fmt in ("html", "xlsx", "json"):
            out = run(*BASE, *extra, "-o", str(folder / f"plan{suffix}.{fmt}"), env=env)
            assert out.returncode == 0, out.stderr
        out = run(*BASE, *extra, "--format", "table", env=env)
        assert out.returncode == 0, out.stderr
        (folder / f"table{suffix}.txt").write_text(out.stdout, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- names and posts


def test_every_json_line_has_a_name_a_post_and_an_agency(plan_doc: dict, names: dict) -> None:
    assert plan_doc["lines"]
    for line in plan_doc["lines"]:
        assert line["name"] == names[line["cadre_id"]], line
        assert line["post"].strip() and line["agency"].strip(), line
    chairman = [x for x in plan_doc["lines"] if x["name"] == "Lò Văn Khánh"]
    assert chairman and chairman[0]["post"] == "Phó Bí thư Đảng ủy; Chủ tịch UBND xã"
    assert chairman[0]["agency"] == "Đảng ủy xã; Ủy ban nhân dân xã"


def test_needs_name_their_members(plan_doc: dict, names: dict) -> None:
    named = [n for n in plan_doc["needs"] if n["members"]]
    assert named
    for n in named:
        assert len(n["member_names"]) == len(n["members"])
        assert all(n["member_names"]), n
    cadres = [n for n in named if n["members"][0] in names]
    assert cadres
    for n in cadres:
        assert n["member_names"] == [names[m] for m in n["members"]]


def test_needs_explain_posts_and_agencies_by_name_not_code(plan_doc: dict) -> None:
    """A need for posts or equipment says which post or agency lacks what by its title or
    name ("Kiểm tra viên: có 1/2 người đảm nhiệm"), never by its code ("UBKT-KTV: ...")."""
    for n in plan_doc["needs"]:
        if n["cause"] not in ("posts", "equipment") or not n["members"]:
            continue
        for member, name in zip(n["members"], n["member_names"], strict=True):
            assert f"{name}: " in n["reason"], (name, n["reason"])
            assert f"{member}: " not in n["reason"], (member, n["reason"])


def _roster_with_future_cadre(roster: Roster) -> Roster:
    """The sample with a cadre who joins on 05/01/2027 as a specialist of the Party office."""
    import pandas as pd

    tables = dict(roster.tables)
    cad = tables["cadres"]
    new = cad.iloc[[0]].copy()
    new["cadre_id"] = "MT900"
    new["full_name"] = "Lò Văn Mới"
    tables["cadres"] = pd.concat([cad, new], ignore_index=True)
    asg = tables["assignments"]
    row = asg.iloc[[0]].copy()
    row["cadre_id"] = "MT900"
    row["position_code"] = "BXD-CV"
    row["start_date"] = pd.Timestamp("2027-01-05")
    row["end_date"] = pd.NaT
    tables["assignments"] = pd.concat([asg, row], ignore_index=True)
    return attrs.evolve(roster, tables=tables)


def test_a_cadre_joining_later_is_named_by_the_future_post() -> None:
    roster = _roster_with_future_cadre(sample_roster())
    who = people(roster, ["MT900", "MT003", "NOBODY"], dt.date(2026, 12, 31))
    assert who.loc["MT900", "name"] == "Lò Văn Mới"
    assert who.loc["MT900", "post"] == "Chuyên viên Ban Xây dựng Đảng"
    assert who.loc["MT900", "agency"] == "Ban Xây dựng Đảng"
    assert who.loc["MT003", "post"] == "Phó Bí thư Đảng ủy; Chủ tịch UBND xã"
    assert tuple(who.loc["NOBODY"]) == ("", "", "")


# ---------------------------------------------------------------- the piped table


def test_piped_table_is_one_plain_line_per_plan_line(plan_doc: dict, outputs: Path) -> None:
    text = (outputs / "table.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    title = label("plan_title")
    start = next(i for i, ln in enumerate(lines) if ln.startswith(title))
    assert "Xã Mường Than" in lines[start] and "31/12/2026" in lines[start]
    header = lines[start + 1].split("\t")
    assert header[:3] == [label("plan_col_year"), label("plan_col_name"), label("plan_col_post")]
    block = lines[start + 2 : lines.index("", start)]
    assert len(block) == len(plan_doc["lines"])
    for row, line in zip(block, plan_doc["lines"], strict=True):
        cells = row.split("\t")
        assert len(cells) == len(header), row
        assert cells[1] == line["name"] and cells[2] == line["post"]
    # no box drawing, no word broken over two lines
    assert not re.search(r"[│┃┏━╭─]", text)
    assert "suggestio\n" not in text and "Kinh\nphí" not in text
    assert all(ln.count("\t") == len(header) - 1 for ln in block)


def test_show_table_on_a_terminal_and_piped() -> None:
    piped = io.StringIO()
    show_table("T", ["a", "b"], [["x [y]", 1]], console=Console(file=piped))
    assert piped.getvalue() == "T\na\tb\nx [y]\t1\n"
    term = io.StringIO()
    show_table(
        "T", ["a", "b"], [["x [y]", 1]], console=Console(file=term, force_terminal=True, width=60)
    )
    assert "x [y]" in term.getvalue() and "\t" not in term.getvalue()


# ---------------------------------------------------------------- the HTML to sign


def test_html_is_a_document_to_sign(plan_doc: dict, outputs: Path) -> None:
    text = (outputs / "plan.html").read_text(encoding="utf-8")
    assert label("plan_heading") in text
    assert "Xã Mường Than, tính từ ngày 31/12/2026" in text
    assert label("plan_signer") in text and label("plan_head") in text
    assert "<div class='number'>Số: ......./KH-.......</div>" in text  # a plan's number
    assert re.search(r"@page\s*\{[^}]*size:\s*A4 landscape", text)
    assert "break-inside:avoid" in text and "table-header-group" in text
    assert "max-width:640px" in text and "width=device-width" in text
    for line in plan_doc["lines"]:
        assert f">{line['name']}<" in text, line["name"]
        assert line["post"] in text
    # every year's lines with their totals; no internal codes
    assert "Cộng năm 2027" in text
    for code in {x["programme"] for x in plan_doc["lines"]}:
        assert f">{code}<" not in text
    assert "party_front" not in text and "not_met" not in text
    assert "<script" not in text
    # the chart's amounts: millions of the year's cost, with a decimal comma
    amounts = re.findall(r'font-size="10">([^<]*)</text>', text)
    years: dict[int, int] = {}
    for line in plan_doc["lines"]:
        year = line["year"]
        years[year] = years.get(year, 0) + line["cost"]
    assert amounts == [f"{v / 1e6:.1f}".replace(".", ",") for _, v in sorted(years.items())]


def test_html_in_english_uses_the_label_table(tmp_path: Path) -> None:
    out = run(*BASE, "--lang", "en", "-o", str(tmp_path / "p.html"))
    assert out.returncode == 0, out.stderr
    text = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert label("plan_heading", "en") in text and label("plan_signer", "en") in text
    amounts = re.findall(r'font-size="10">([^<]*)</text>', text)
    assert amounts and all(re.fullmatch(r"\d+\.\d", a) for a in amounts), amounts


def test_xlsx_plan_sheet_has_names_and_posts(plan_doc: dict, outputs: Path) -> None:
    ws = load_workbook(outputs / "plan.xlsx", read_only=True)["Kế hoạch"]
    rows = list(ws.iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if label("plan_col_name") in r)  # below the title
    head = list(rows[top])
    name, post = head.index(label("plan_col_name")), head.index(label("plan_col_post"))
    assert [r[name] for r in rows[top + 1 :]] == [x["name"] for x in plan_doc["lines"]]
    assert all(r[post] for r in rows[top + 1 :])


#: A page that shows the plan in a 390 px frame and records, once it is loaded, how wide
#: its content is and how wide the frame (headless Chromium's window is at least 500 px).
PHONE = """<!doctype html><html><body style="margin:0">
<iframe id="f" src="{src}" style="width:390px;height:800px;border:0"></iframe>
<script>document.getElementById("f").addEventListener("load", function () {{
  var d = this.contentDocument.documentElement;
  document.body.setAttribute("data-width", d.scrollWidth + "/" + d.clientWidth);
}});</script></body></html>"""


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian 'chromium') not installed")
def test_html_has_no_horizontal_scroll_at_390_px(outputs: Path, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = outputs / "phone.html"
    page.write_text(PHONE.format(src="plan.html"), encoding="utf-8")
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            *CHROMIUM_ARGS,
            "--hide-scrollbars",
            "--allow-file-access-from-files",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=800,900",
            "--virtual-time-budget=5000",
            "--dump-dom",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = re.search(r'data-width="([0-9]+)/([0-9]+)"', done.stdout)
    assert found, done.stdout[-500:]
    content, frame = int(found[1]), int(found[2])
    assert frame == 390
    assert content <= frame, f"{content} px of content in a {frame} px screen"


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian 'chromium') not installed")
def test_html_prints_on_a4_landscape(outputs: Path, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    pdf = tmp_path / "plan.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            *CHROMIUM_ARGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            (outputs / "plan.html").resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    boxes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf.read_bytes()))
    assert boxes, "no page size in the PDF"
    for width, height in boxes:  # A4 landscape: 297 x 210 mm = 842 x 595 pt
        assert round(float(width)) == 842 and round(float(height)) == 595


# ---------------------------------------------------------------- pseudonyms


def test_pseudonyms_hide_the_names_in_every_plan_output(names: dict, outputs: Path) -> None:
    doc = json.loads((outputs / "plan-hidden.json").read_text(encoding="utf-8"))
    assert all(x["name"] == x["cadre_id"] and x["name"].startswith("CB-") for x in doc["lines"])
    assert all(x["post"] for x in doc["lines"])
    for n in doc["needs"]:
        for m, nm in zip(n["members"], n["member_names"], strict=True):
            assert nm == m if m.startswith("CB-") else True
    sheet = load_workbook(outputs / "plan-hidden.xlsx", read_only=True)["Kế hoạch"]
    cells = " ".join(str(c) for r in sheet.iter_rows(values_only=True) for c in r if c)
    texts = {
        "json": json.dumps(doc, ensure_ascii=False),
        "html": (outputs / "plan-hidden.html").read_text(encoding="utf-8"),
        "xlsx": cells,
        "table": (outputs / "table-hidden.txt").read_text(encoding="utf-8"),
    }
    planned = {x["cadre_id"] for x in json.loads((outputs / "plan.json").read_text())["lines"]}
    for kind, text in texts.items():
        for cid in planned:
            assert names[cid] not in text, (kind, names[cid])
            assert re.search(rf"\b{cid}\b", text) is None, (kind, cid)
        assert "CB-" in text, kind


def test_pseudonymize_plan_covers_lines_and_need_names() -> None:
    from cadre_core.engine._privacy import Pseudonymizer
    from cadre_core.planner._privacy import pseudonymize_plan

    roster = sample_roster()
    hider = Pseudonymizer.of(roster.cadres, KEY.encode())
    line = PlanLine(
        2027,
        dt.date(2027, 3, 1),
        dt.date(2027, 4, 30),
        "MT001",
        "x",
        (),
        "b",
        1,
        name="Đỗ Mạnh Cường",
        post="Bí thư Đảng ủy",
        agency="Đảng ủy xã",
    )
    need = Need("t", "c", "recruit", 1, "", "", ("MT001", "DU-BT"), ("Đỗ Mạnh Cường", "Bí thư"))
    plan = Plan(dt.date(2026, 12, 31), 2030, (line,), (), (), (need,), (), "optimal")
    hidden = pseudonymize_plan(plan, hider)
    assert hidden.lines[0].name == hidden.lines[0].cadre_id == hider.id("MT001")
    assert hidden.lines[0].post == "Bí thư Đảng ủy"
    assert hidden.needs[0].member_names == (hider.id("MT001"), "Bí thư")


# ---------------------------------------------------------------- the README's excerpt


def test_readme_plan_excerpt_is_the_real_command() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_plan.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- cadre:readme-plan -->" in readme


def test_readme_excerpt_check_fails_when_stale(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import readme_plan
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    text = (
        "T\nNăm\tHọ và tên\tChức vụ\tCơ quan\tChương trình\tTừ\tĐến\tChỉ tiêu\tCQ\tKinh phí\tQH\n"
        "2027\tA\tB\tC\tD\t03/2027\t04/2027\tx.1\tE\t1.500.000\t\n\n"
        "Y\nXã\tNăm\tLượt\tDài hạn\tKinh phí\nX\t2027\t1\t0\t1.500.000\n"
    )
    doc = "a\n<!-- cadre:readme-plan -->\nold\n<!-- /cadre:readme-plan -->\nb\n"
    fresh = readme_plan.rewritten(doc, text)
    assert "old" not in fresh and "Tổng: 1 lượt, 1.500.000 đ (2027: 1 tr)" in fresh
    assert fresh.startswith("a\n") and fresh.endswith("b\n")
    assert readme_plan.rewritten(fresh, text) == fresh
