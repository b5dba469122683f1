"""The Excel report: opened with openpyxl and checked against the Evaluation."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pandas as pd
import pytest
from builders import three_communes

import cadre_core as cc
from cadre_core.reports import evaluate_many, explanations, write_xlsx
from cadre_core.vocab._labels import label

AS_OF = "2026-12-31"

# openpyxl drops the x14 extension that carries Excel 2010 data-bar details; harmless here
pytestmark = pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")


@pytest.fixture(scope="module")
def ev() -> cc.Evaluation:
    return cc.evaluate(cc.sample_roster(), AS_OF, plugins=["laichau"], findings=False)


@pytest.fixture(scope="module")
def book_vi(ev: cc.Evaluation, tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = write_xlsx(ev, tmp_path_factory.mktemp("x") / "report.xlsx")
    assert path.exists()
    return openpyxl.load_workbook(path)


def _header_row(ws: Any, first: str) -> int:
    for row in ws.iter_rows(min_row=1, max_row=15):
        if row[0].value == first:
            return int(row[0].row)
    raise AssertionError(f"no header {first!r} in {ws.title}")


def _table(ws: Any, first: str) -> tuple[int, list[str], list[list[Any]]]:
    h = _header_row(ws, first)
    header = [c.value for c in ws[h] if c.value is not None]
    rows = []
    for row in ws.iter_rows(min_row=h + 1, max_col=len(header), values_only=True):
        if all(v is None for v in row):
            break
        rows.append(list(row))
    return h, header, rows


def test_sheets(book_vi: Any, ev: cc.Evaluation) -> None:
    names = book_vi.sheetnames
    ids = [t.id for t in ev.communes[0].targets]
    assert names[0] == "Tổng hợp"
    assert names[1 : 1 + len(ids)] == ids
    assert "Chưa xếp loại" in names
    # the last visible sheet is "About"; the hidden _evaluation sheet carries the JSON that
    # `cadre verify` re-checks
    assert names[-2:] == ["Thông tin", "_evaluation"]
    assert book_vi["_evaluation"].sheet_state == "hidden"


def test_the_parameters_sheet_names_every_parameter_not_its_key(
    book_vi: Any, ev: cc.Evaluation
) -> None:
    """The parameters in force as the HTML appendix says them: a line per target (its
    requirement, deadline, topics), every other parameter by its name, values in words;
    no parameter's key nor an internal code reaches the Vietnamese sheet."""
    ws = book_vi["Thông tin"]
    text = "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
    assert not [key for key in ev.params if key in text]
    for code in ("party_secretary", "dai_hoc", "data_governance", "agency\n"):
        assert code not in text, code
    assert "nq05.3 — Cập nhật pháp luật" in text and "Yêu cầu: ≥ 70%" in text
    assert "Tỷ lệ tối đa cán bộ một cơ quan đi học dài hạn cùng lúc" in text


def test_summary_values_match_the_evaluation(book_vi: Any, ev: cc.Evaluation) -> None:
    ws = book_vi["Tổng hợp"]
    _h, header, rows = _table(ws, "Mã chỉ tiêu")
    col = {name: i for i, name in enumerate(header)}
    results = ev.communes[0].targets
    assert len(rows) == len(results)
    for row, t in zip(rows, results, strict=True):
        assert row[col["Mã chỉ tiêu"]] == t.id
        assert row[col["Chỉ tiêu"]] == t.title.vi
        assert row[col["Số đối tượng"]] == t.population
        assert row[col["Số đạt"]] == t.satisfied
        assert row[col["Số cần đạt"]] == t.required
        assert row[col["Còn thiếu"]] == t.shortfall
        assert row[col["Trạng thái"]] == label(t.status, "vi")
        assert row[col["Yêu cầu"]] == t.rule.describe("vi")
        assert row[col["Thời hạn"]] == dt.datetime.combine(t.deadline, dt.time())
        assert row[col["Quá hạn"]] == ("Có" if t.overdue else "Không")
        if t.population:
            # display shares: the float of the exact fraction (xlsx keeps 16 digits)
            assert row[col["Tỷ lệ đạt"]] == pytest.approx(t.satisfied / t.population, rel=1e-14)
            assert row[col["Mức cần đạt"]] == pytest.approx(t.required / t.population, rel=1e-14)
        else:
            assert row[col["Tỷ lệ đạt"]] is None
    # the body of each line: bodies of the failing members' blocs
    frame = explanations(ev)
    for row, t in zip(rows, results, strict=True):
        members = frame[frame["target_id"] == t.id]
        if len(members):
            wanted = {b for body in members["body"] for b in body.split("; ")}
            assert set(row[col["Cơ quan chịu trách nhiệm"]].split("; ")) == wanted


def test_summary_formats(book_vi: Any, ev: cc.Evaluation) -> None:
    ws = book_vi["Tổng hợp"]
    h, header, rows = _table(ws, "Mã chỉ tiêu")
    col = {name: i + 1 for i, name in enumerate(header)}
    first = h + 1
    assert ws.cell(first, col["Thời hạn"]).number_format == "dd/mm/yyyy"
    assert ws.cell(first, col["Tỷ lệ đạt"]).number_format == "0%"
    assert ws.cell(first, col["Tiến độ"]).number_format == "0%"
    # frozen header and filter over the whole table
    assert ws.freeze_panes == f"{openpyxl.utils.get_column_letter(col['Chỉ tiêu'] + 1)}{h + 1}"
    last_col = openpyxl.utils.get_column_letter(len(header))
    assert ws.auto_filter.ref == f"A{h}:{last_col}{h + len(rows)}"
    # column widths set: the title is the widest printed column, narrowed only as far as
    # the printed columns must to print at 100 % on A4 landscape (see test_xlsx_print.py)
    widths = {
        name: ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
        for name, c in col.items()
    }
    assert widths["Chỉ tiêu"] >= 30
    assert widths["Chỉ tiêu"] == max(widths[k] for k in widths if k != "Căn cứ")
    # print setup: A4 landscape, one page wide, header rows repeated
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows is not None and str(h) in ws.print_title_rows
    # conditional formats: a data bar on progress, status colours, red shortfall
    rules = [
        (str(cf.sqref), r) for cf, rs in ws.conditional_formatting._cf_rules.items() for r in rs
    ]
    kinds = {r.type for _, r in rules}
    assert "dataBar" in kinds
    progress = openpyxl.utils.get_column_letter(col["Tiến độ"])
    assert any(r.type == "dataBar" and rng.startswith(progress) for rng, r in rules)
    status_values = {r.formula[0] for _, r in rules if r.type == "cellIs" and r.operator == "equal"}
    assert {'"Đạt"', '"Chưa đạt"', '"Không áp dụng"'} <= status_values


def test_one_sheet_per_target_with_failing_members_and_why(book_vi: Any, ev: cc.Evaluation) -> None:
    frame = explanations(ev)
    for t in ev.communes[0].targets:
        ws = book_vi[t.id]
        assert ws["A1"].value == f"{t.id} — {t.title.vi}"
        h, header, rows = _table(ws, "STT")
        assert header == [
            "STT",
            "Mã",
            "Họ tên / Tên",
            "Chức vụ / Đơn vị",
            "Lý do chưa đạt",
            "Cơ quan chịu trách nhiệm",
        ]
        assert ws.freeze_panes == f"A{h + 1}"
        assert ws.page_setup.orientation == "landscape"
        if t.rule.op == "any" or not t.failing:
            assert len(rows) == 1 and rows[0][1] is None  # a note, no member row
            continue
        want = frame[frame["target_id"] == t.id]
        assert [r[1] for r in rows] == list(t.failing)
        assert [r[4] for r in rows] == list(want["explanation"])
        assert [r[5] for r in rows] == list(want["body"])
        assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    ws = book_vi["nq05.5b"]
    _, _, rows = _table(ws, "STT")
    assert rows[0][4] == "LLCT trung cấp, cần cao cấp hoặc cử nhân"


def test_unrated_sheet(book_vi: Any, ev: cc.Evaluation) -> None:
    ws = book_vi["Chưa xếp loại"]
    _, _header, rows = _table(ws, "STT")
    assert [r[1] for r in rows] == list(ev.communes[0].unrated)
    assert all(r[4] == "chưa có xếp loại chất lượng năm 2026" for r in rows)
    assert ws.auto_filter.ref


def test_english_labels(ev: cc.Evaluation, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_xlsx(ev, tmp_path / "en.xlsx", lang="en"))
    assert wb.sheetnames[0] == "Summary"
    assert {"Unrated", "About"} <= set(wb.sheetnames)
    ws = wb["Summary"]
    _, header, rows = _table(ws, "Target id")
    col = {name: i for i, name in enumerate(header)}
    assert {r[col["Status"]] for r in rows} <= {"Met", "Not met", "Not applicable"}
    assert [r[col["Target"]] for r in rows] == [t.title.en for t in ev.communes[0].targets]
    bodies = {b for r in rows for b in r[col["Responsible body"]].split("; ")}
    assert bodies <= {"People's Committee", "Party Building Board"}
    _, _, rows = _table(wb["nq05.2c"], "No.")
    assert rows[0][4] == "no training in two-tier government since 01/01/2026"


def test_figures_are_read_from_the_evaluation(ev: cc.Evaluation, tmp_path: Path) -> None:
    """Tamper with a result: the workbook shows the tampered figures (nothing recomputed)."""
    c = ev.communes[0]
    fake = attrs.evolve(c.target("nq05.3"), satisfied=7, required=11, shortfall=4)
    edited = attrs.evolve(c, targets=tuple(fake if t.id == "nq05.3" else t for t in c.targets))
    wb = openpyxl.load_workbook(
        write_xlsx(attrs.evolve(ev, communes=(edited,)), tmp_path / "t.xlsx")
    )
    _, header, rows = _table(wb["Tổng hợp"], "Mã chỉ tiêu")
    col = {name: i for i, name in enumerate(header)}
    row = next(r for r in rows if r[col["Mã chỉ tiêu"]] == "nq05.3")
    assert (row[col["Số đạt"]], row[col["Số cần đạt"]], row[col["Còn thiếu"]]) == (7, 11, 4)


def _poisoned(ev_roster: cc.Roster) -> tuple[cc.Roster, str, str]:
    """A failing vice-chair named like a formula, a position titled with a script tag."""
    name = '=HYPERLINK("http://evil.example","x")'
    title = "<script>alert('x')</script> + @SUM(1)"
    cad = ev_roster.cadres.copy()
    cad.loc[cad["cadre_id"] == "MT006", "full_name"] = name
    pos = ev_roster.positions.copy()
    pos.loc[pos["position_code"] == "PKT-XD", "title"] = title
    return ev_roster.with_tables(cadres=cad, positions=pos), name, title


def test_user_text_is_never_a_formula(tmp_path: Path) -> None:
    roster, name, title = _poisoned(cc.sample_roster())
    ev = cc.evaluate(roster, AS_OF, plugins=["laichau"], findings=False)
    path = write_xlsx(ev, tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if cell.value in (name, title):
                    found[cell.value] = cell.data_type
    assert found == {name: "s", title: "s"}
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any("<f>" in z.read(n).decode() for n in sheets)


def three_commune_ev() -> cc.Evaluation:
    return cc.evaluate(three_communes(), AS_OF, plugins=["laichau"], findings=False)


def test_several_communes_status_map_and_province(tmp_path: Path) -> None:
    ev = three_commune_ev()
    assert [c.commune for c in ev.communes] == ["Xã Mường Than", "Xã Pha Mu", "Xã Tà Hừa"]
    wb = openpyxl.load_workbook(write_xlsx(ev, tmp_path / "p.xlsx"))
    assert wb.sheetnames[:3] == ["Tổng hợp", "Bảng trạng thái", "Toàn tỉnh"]
    ws = wb["Bảng trạng thái"]
    _, header, rows = _table(ws, "Xã")
    ids = [t.id for t in ev.communes[0].targets]
    totals = ["Hạng", "Chỉ tiêu đạt", "Chỉ tiêu chưa đạt", "Không áp dụng", "Tổng số còn thiếu"]
    assert header == ["Xã", *totals, *ids]
    # one row per commune, ranked; each cell carries a symbol and the shortfall (not colour
    # alone), and each commune its totals
    by_name = {c.commune: c for c in ev.communes}
    assert {r[0] for r in rows} == set(by_name)
    ranks = [r[1] for r in rows]
    assert ranks == sorted(ranks) and ranks[0] == 1
    for row in rows:
        c = by_name[row[0]]
        symbol = {"met": "✓ đạt", "not_applicable": "–"}
        assert row[6:] == [symbol.get(t.status, f"✗ {t.shortfall}") for t in c.targets]
        assert row[2:6] == [
            sum(t.status == s for t in c.targets) for s in ("met", "not_met", "not_applicable")
        ] + [sum(t.shortfall for t in c.targets)]
    statuses = {v.split()[0] for r in rows for v in r[6:]}
    assert statuses == {"✓", "✗", "–"}
    ws = wb["Toàn tỉnh"]
    _, header, rows = _table(ws, "Mã chỉ tiêu")
    col = {name: i for i, name in enumerate(header)}
    for row in rows:
        results = [c.target(row[col["Mã chỉ tiêu"]]) for c in ev.communes]
        assert row[col["Số xã đạt"]] == sum(r.status == "met" for r in results)
        assert row[col["Số xã chưa đạt"]] == sum(r.status == "not_met" for r in results)
        assert row[col["Số đối tượng"]] == sum(r.population for r in results)
        assert row[col["Còn thiếu"]] == sum(r.shortfall for r in results)
    # the summary has a commune column and one row per (commune, target)
    _, header, rows = _table(wb["Tổng hợp"], "Xã")
    assert len(rows) == len(ev.communes) * len(ids)
    # target sheets list members of every commune
    _, header, rows = _table(wb["nq05.2c"], "STT")
    assert header[1] == "Xã"
    assert {r[1] for r in rows} == {c.commune for c in ev.communes}


def test_trends_add_native_line_charts(tmp_path: Path) -> None:
    days = ["2026-06-30", "2026-12-31", "2027-12-31"]
    evs = evaluate_many(cc.sample_roster(), days, plugins=["laichau"], findings=False)
    path = write_xlsx(list(reversed(evs)), tmp_path / "trend.xlsx")  # any order
    wb = openpyxl.load_workbook(path)
    assert "Xu hướng" in wb.sheetnames
    ws = wb["Xu hướng"]
    h = _header_row(ws, "Ngày")
    ids = [t.id for t in evs[-1].communes[0].targets]
    assert [c.value for c in ws[h]][1 : 1 + len(ids)] == ids
    got_days = [ws.cell(h + i, 1).value for i in range(1, 4)]
    assert got_days == [dt.datetime.fromisoformat(d) for d in days]
    assert ws.cell(h + 1, 1).number_format == "dd/mm/yyyy"
    for i, e in enumerate(evs, start=1):
        for j, t in enumerate(e.communes[0].targets, start=2):
            v = ws.cell(h + i, j).value
            if t.population:
                assert v == pytest.approx(t.satisfied / t.population, rel=1e-14)
            else:
                assert v is None
    # the report as of the latest day
    _, header, rows = _table(wb["Tổng hợp"], "Mã chỉ tiêu")
    sat = header.index("Số đạt")
    assert [r[sat] for r in rows] == [t.satisfied for t in evs[-1].communes[0].targets]
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        assert len(charts) == len(ids)
        assert all("<c:lineChart>" in z.read(n).decode() for n in charts)


def test_plugin_sections_get_a_sheet(ev: cc.Evaluation, tmp_path: Path) -> None:
    table = pd.DataFrame({"Mã": ["MT001", "=1+1"], "Số": [3, 4]})
    section = cc.ReportSection("Kế hoạch: đào tạo", table, note="ghi chú")
    wb = openpyxl.load_workbook(write_xlsx(ev, tmp_path / "s.xlsx", sections=[section]))
    ws = wb["Kế hoạch_ đào tạo"]  # ':' is not allowed in a sheet name
    _, header, rows = _table(ws, "Mã")
    assert header == ["Mã", "Số"]
    assert rows == [["MT001", 3], ["=1+1", 4]]
    assert ws.cell(_header_row(ws, "Mã") + 2, 1).data_type == "s"


def test_findings_sheet_lists_every_finding(tmp_path: Path) -> None:
    ev = cc.evaluate(cc.sample_roster(), AS_OF, plugins=["laichau"])
    findings = [f for c in ev.communes for f in c.findings]
    if not findings:
        pytest.skip("no finding on the sample today")
    wb = openpyxl.load_workbook(write_xlsx(ev, tmp_path / "f.xlsx"))
    _, _header, rows = _table(wb["Phát hiện"], "Xã")
    # the rule by its title and the subject by name (and post) with its id, never codes alone
    assert [(r[1], r[3], r[4]) for r in rows] == [
        (f.title("vi"), f.subject_text("vi"), f.message_vi) for f in findings
    ]
    assert not any(str(r[1]).startswith("national.") for r in rows)
    assert any("Lò Văn Khánh" in str(r[3]) for r in rows)
    assert {r[2] for r in rows} <= {"Vi phạm", "Cảnh báo", "Thông tin"}
