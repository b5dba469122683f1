"""The HTML report: self-contained, escaped, both languages, rendered in headless Chromium.

Set ``CADRE_SCREENSHOT_DIR`` to keep the browser screenshots (default: pytest's tmp dir).
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pandas as pd
import pytest
from builders import three_communes
from conftest import CHROMIUM, CHROMIUM_ARGS

import cadre_core as cc
from cadre_core.reports import evaluate_many, explanations, write_html
from cadre_core.reports._meeting import parameters
from cadre_core.vocab._labels import fmt_pct, label

AS_OF = "2026-12-31"


class _Dom(HTMLParser):
    """Collects elements carrying data-target-id, and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tagged: list[dict[str, str | None]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.add(tag)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if "data-target-id" in a:
            self.tagged.append({"tag": tag, **a})

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(text: str) -> _Dom:
    dom = _Dom()
    dom.feed(text)
    return dom


@pytest.fixture(scope="module")
def ev() -> cc.Evaluation:
    return cc.evaluate(cc.sample_roster(), AS_OF, plugins=["laichau"], findings=False)


@pytest.fixture(scope="module")
def ev3() -> cc.Evaluation:
    return cc.evaluate(three_communes(), AS_OF, plugins=["laichau"], findings=False)


def _check_single(dom: _Dom, ev: cc.Evaluation) -> None:
    results = ev.communes[0].targets
    rows = [t for t in dom.tagged if t["tag"] == "tr" and "target-row" in str(t.get("class"))]
    assert [(r["data-target-id"], r["data-status"]) for r in rows] == [
        (t.id, t.status) for t in results
    ]
    sections = [t for t in dom.tagged if t["tag"] == "section"]
    assert [(s["data-target-id"], s["data-status"]) for s in sections] == [
        (t.id, t.status) for t in results
    ]
    assert {f"target-{t.id}" for t in results} <= dom.ids


def _check_multi(dom: _Dom, ev: cc.Evaluation) -> None:
    cells = {
        (str(t["data-commune"]), str(t["data-target-id"])): t["data-status"]
        for t in dom.tagged
        if t["tag"] == "td"
    }
    assert cells == {(c.commune, t.id): t.status for c in ev.communes for t in c.targets}
    # the province view: per commune only its unmet targets, no section per target with
    # its members (that is the commune's own report)
    assert not [t for t in dom.tagged if t["tag"] == "section"]
    unmet = sorted(str(t["data-target-id"]) for t in dom.tagged if t["tag"] == "li")
    assert unmet == sorted(t.id for c in ev.communes for t in c.targets if t.status == "not_met")
    rows = [t for t in dom.tagged if t["tag"] == "tr" and "target-row" in str(t.get("class"))]
    assert [r["data-target-id"] for r in rows] == [t.id for t in ev.communes[0].targets]


def _visible(text: str) -> str:
    """The text a reader sees: no stylesheet, no hidden embedded evaluation."""
    text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
    text = re.sub(r"<div [^>]*hidden[^>]*>.*?</div>", "", text, flags=re.S)
    return " ".join(" ".join(parse(text).text).split())


def _sections(text: str) -> dict[str, str]:
    """The HTML of each target's section in the details, by target id."""
    parts = re.split(r"(?=<section class=\"target )", text)
    out = {}
    for part in parts[1:]:
        tid = re.search(r'data-target-id="([^"]+)"', part)
        assert tid is not None
        out[tid.group(1)] = part.split("</section>", 1)[0]
    return out


def _self_contained(text: str) -> None:
    lowered = text.lower()
    for bad in ("http://", "https://", "//cdn", "<script", "<link", "@import", "url("):
        assert bad not in lowered, bad


def test_sample_report_vi(ev: cc.Evaluation, tmp_path: Path) -> None:
    path = write_html(ev, tmp_path / "r.html")
    text = path.read_text(encoding="utf-8")
    _self_contained(text)
    dom = parse(text)
    _check_single(dom, ev)
    visible = " ".join(dom.text)
    assert 'lang="vi"' in text
    assert "Tình hình thực hiện các chỉ tiêu" in visible
    assert "Xã Mường Than" in visible
    assert "31/12/2026" in visible
    # every failing member of an unmet target with what is missing and the body that must
    # act; a met target takes one line and lists nobody
    frame = explanations(ev)
    shown = frame[(frame["rule_op"] != "any") & (frame["target_status"] == "not_met")]
    assert len(shown)
    for r in shown.itertuples(index=False):
        assert str(r.explanation) in visible
    for tid, part in _sections(text).items():
        listed = set(re.findall(r'data-member-id="([^"]+)"', part))
        status = ev.communes[0].target(tid).status
        if status == "not_met":
            wanted = set(shown.loc[shown["target_id"] == tid, "member_id"].astype(str))
            assert listed == wanted, tid
        else:
            assert not listed, tid
            assert 'class="target brief' in part
    assert "LLCT trung cấp, cần cao cấp hoặc cử nhân" in visible
    assert "Ban Xây dựng Đảng" in visible and "Ủy ban nhân dân xã" in visible
    # unrated cadres listed
    for cid in ev.communes[0].unrated:
        assert f'data-member-id="{cid}"' in text
    # bullet charts: one per target in the dashboard, bar and goal marks
    assert text.count('class="bullet"') >= len(ev.communes[0].targets)
    # A4 landscape print stylesheet with page breaks
    assert "@page { size: A4 landscape" in text
    assert "break-before: page" in text
    # the printed margins: the commune and "Trang n / N"
    assert 'content: "Trang " counter(page) " / " counter(pages)' in text
    assert "string-set: commune content(text)" in text and "string(commune)" in text
    assert "thead { display: table-header-group; }" in text
    assert "break-inside: avoid" in text


def test_sample_report_en(ev: cc.Evaluation, tmp_path: Path) -> None:
    text = write_html(ev, tmp_path / "r.html", lang="en").read_text(encoding="utf-8")
    _self_contained(text)
    dom = parse(text)
    _check_single(dom, ev)
    visible = " ".join(dom.text)
    assert 'lang="en"' in text
    assert "Where each target stands" in visible
    assert "no training in two-tier government since 01/01/2026" in visible
    assert "People's Committee" in visible and "Party Building Board" in visible
    for t in ev.communes[0].targets:
        assert t.title.en in visible
        assert label(t.status, "en") in visible
    assert "Chưa đạt" not in visible


def test_figures_are_read_from_the_evaluation(ev: cc.Evaluation, tmp_path: Path) -> None:
    c = ev.communes[0]
    fake = attrs.evolve(c.target("nq05.3"), satisfied=7, population=41, required=11, shortfall=4)
    edited = attrs.evolve(c, targets=tuple(fake if t.id == "nq05.3" else t for t in c.targets))
    text = write_html(attrs.evolve(ev, communes=(edited,)), tmp_path / "t.html").read_text(
        encoding="utf-8"
    )
    assert "7/41 đạt · cần 11 (≥ 70%)" in text


def test_user_text_is_escaped(tmp_path: Path) -> None:
    roster = cc.sample_roster()
    cad = roster.cadres.copy()
    name = "<script>alert('tên')</script>"
    cad.loc[cad["cadre_id"] == "MT006", "full_name"] = name
    pos = roster.positions.copy()
    title = '<img src=x onerror="alert(1)"> & <script>t</script>'
    pos.loc[pos["position_code"] == "PKT-XD", "title"] = title
    ev = cc.evaluate(
        roster.with_tables(cadres=cad, positions=pos), AS_OF, plugins=["laichau"], findings=False
    )
    assert "MT006" in ev.communes[0].target("nq05.5b").failing
    assert "PKT-XD" in ev.communes[0].target("nq05.1a").failing
    for lang in ("vi", "en"):
        text = write_html(ev, tmp_path / f"x-{lang}.html", lang=lang).read_text(encoding="utf-8")
        assert "<script" not in text
        assert "<img" not in text
        assert "&lt;script&gt;alert(&#39;tên&#39;)&lt;/script&gt;" in text
        assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; &lt;script&gt;" in text
        dom = parse(text)
        assert "script" not in dom.tags and "img" not in dom.tags
        assert name in " ".join(dom.text)  # shown to the reader as plain text


def test_three_communes_heat_map_and_province(ev3: cc.Evaluation, tmp_path: Path) -> None:
    text = write_html(ev3, tmp_path / "p.html").read_text(encoding="utf-8")
    _self_contained(text)
    dom = parse(text)
    _check_multi(dom, ev3)
    visible = " ".join(dom.text)
    assert "Bảng trạng thái: xã × chỉ tiêu" in visible
    assert "Tổng hợp toàn tỉnh (các xã)" in visible
    # the province line says how many communes met each target
    for t in ev3.communes[0].targets:
        results = [c.target(t.id) for c in ev3.communes]
        met = sum(r.status == "met" for r in results)
        applicable = met + sum(r.status == "not_met" for r in results)
        assert f"{met}/{applicable} xã đạt" in visible
    statuses = {str(t["data-status"]) for t in dom.tagged if t["tag"] == "td"}
    assert statuses == {"met", "not_met", "not_applicable"}


def test_trends(tmp_path: Path) -> None:
    days = ["2026-06-30", "2026-12-31", "2027-12-31"]
    evs = evaluate_many(cc.sample_roster(), days, plugins=["laichau"], findings=False)
    text = write_html(evs, tmp_path / "t.html", lang="en").read_text(encoding="utf-8")
    _self_contained(text)
    dom = parse(text)
    cards = [t["data-target-id"] for t in dom.tagged if t["tag"] == "div"]
    assert cards == [t.id for t in evs[-1].communes[0].targets]
    assert text.count('class="trend"') == len(cards)
    assert text.count('<polyline class="ratio"') == len(cards)
    _check_single(dom, evs[-1])  # the report itself is as of the latest day
    visible = " ".join(dom.text)
    assert "As of 31/12/2027" in visible  # the footer
    for t in evs[0].communes[0].targets:
        if t.population:
            assert f"30/06/2026: {fmt_pct(t.satisfied / t.population, 'en')}" in visible


# ------------------------------------------------------------------- headless Chromium


def _chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        CHROMIUM,
        "--headless",
        *CHROMIUM_ARGS,
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian 'chromium') not installed")
@pytest.mark.parametrize("which", ["sample", "three_communes"])
def test_chromium_renders_the_report(
    which: str, ev: cc.Evaluation, ev3: cc.Evaluation, tmp_path: Path
) -> None:
    evaluation = ev if which == "sample" else ev3
    page = write_html(evaluation, tmp_path / f"{which}.html")
    url = page.resolve().as_uri()
    dom_text = _chromium(["--dump-dom", url], tmp_path).stdout
    dom = parse(dom_text)
    if which == "sample":
        _check_single(dom, evaluation)
    else:
        _check_multi(dom, evaluation)
    out_dir = Path(os.environ.get("CADRE_SCREENSHOT_DIR", tmp_path))
    out_dir.mkdir(parents=True, exist_ok=True)
    shot = out_dir / f"report-{which}.png"
    shot.unlink(missing_ok=True)
    _chromium([f"--screenshot={shot}", "--window-size=1400,2000", url], tmp_path)
    assert shot.exists()
    assert _png_size(shot) == (1400, 2000)
    assert shot.stat().st_size > 50_000  # a rendered page, not a blank one


def test_plugin_sections_are_rendered_and_escaped(ev: cc.Evaluation, tmp_path: Path) -> None:
    table = pd.DataFrame({"Mã": ["MT001", "<b>x</b>"], "Số": [3, 4]})
    section = cc.ReportSection("Kế hoạch <đào tạo>", table, note="ghi chú & <i>")
    text = write_html(ev, tmp_path / "s.html", sections=[section]).read_text(encoding="utf-8")
    assert "Kế hoạch &lt;đào tạo&gt;" in text
    assert '<td data-label="Mã">&lt;b&gt;x&lt;/b&gt;</td>' in text  # labelled for phones
    assert "ghi chú &amp; &lt;i&gt;" in text
    assert "<b>x</b>" not in text


def test_members_grouped_by_agency_with_names_and_posts(ev: cc.Evaluation, tmp_path: Path) -> None:
    text = write_html(ev, tmp_path / "g.html").read_text(encoding="utf-8")
    sections = _sections(text)
    frame = explanations(ev)
    features = ev.features
    assert features is not None
    agencies = features.agencies["name"]
    # 2c: everybody lacks the same course, said once; people by agency, name — post
    part = sections["nq05.2c"]
    members = frame[frame["target_id"] == "nq05.2c"]
    assert members["explanation"].nunique() == 1
    assert part.count(str(members["explanation"].iloc[0])) == 1
    for r in members.itertuples(index=False):
        assert f"<b>{r.member}</b> — {r.role}" in part
    shown_agencies = re.findall(r'<td class="agency"[^>]*>([^<]+)</td>', part)
    assert shown_agencies and set(shown_agencies) <= set(agencies)
    assert len(shown_agencies) == len(set(shown_agencies))  # one row per agency
    order = list(agencies)
    assert [order.index(a) for a in shown_agencies] == sorted(
        order.index(a) for a in shown_agencies
    )
    # 7a: reasons differ, one line per person with the agency once per group
    part = sections["nq05.7a"]
    members = frame[frame["target_id"] == "nq05.7a"]
    assert members["explanation"].nunique() > 1
    for r in members.itertuples(index=False):
        assert str(r.member) in part and str(r.role) in part and str(r.explanation) in part


def test_parameters_appendix_by_name_not_key(ev: cc.Evaluation, tmp_path: Path) -> None:
    text = write_html(ev, tmp_path / "p.html").read_text(encoding="utf-8")
    visible = _visible(text)
    assert "Phụ lục: Thông số áp dụng" in visible
    assert "Tỷ lệ tối đa cán bộ một cơ quan đi học dài hạn cùng lúc: 33%" in " ".join(
        visible.split()
    )
    assert "quản trị dữ liệu, quản trị hiện đại, văn thư, lưu trữ điện tử" in visible
    assert "Bí thư Đảng ủy: đại học, cao cấp" in visible
    for key in ev.params:  # no raw key of a parameter of the sample reaches the reader
        assert key not in visible, key
    for code in ("party_secretary", "dai_hoc", "data_governance", "national.", "nd335."):
        assert code not in visible, code


def test_findings_name_their_subject_and_cite_once(tmp_path: Path) -> None:
    ev = cc.evaluate(cc.sample_roster(), AS_OF, plugins=["laichau"])
    text = write_html(ev, tmp_path / "f.html").read_text(encoding="utf-8")
    visible = _visible(text)
    findings = [f for c in ev.communes for f in c.findings]
    assert findings
    for f in findings:
        assert f.rule not in visible  # the rule's id is for machines (JSON)
        assert f.message_vi in visible
    names = ev.features.cadres["full_name"] if ev.features is not None else {}
    for f in findings:
        if f.subject_kind == "cadre":
            assert str(names[f.subject]) in visible
    for source in {f.source for f in findings}:
        assert visible.count(source) == 1  # each citation printed once, numbered


def test_phone_width_stacks_the_tables(ev: cc.Evaluation, tmp_path: Path) -> None:
    text = write_html(ev, tmp_path / "m.html").read_text(encoding="utf-8")
    assert "@media (max-width: 760px)" in text
    assert "content: attr(data-label)" in text
    summary = text.split('<table class="dashboard summary stack fixed">', 1)[1].split("</table>")[0]
    cells = re.findall(r"<td[^>]*>", summary)
    assert cells and all("data-label=" in c for c in cells)


def test_the_letterhead_is_for_paper_only(
    ev: cc.Evaluation, ev3: cc.Evaluation, tmp_path: Path
) -> None:
    """The commune's and the province's page carry the head of an administrative
    document (the issuer; the nation, its motto and the date line) for print and the PDF;
    on screen it is hidden, the dashboard's masthead stays first."""
    for evaluation, issuer in ((ev, "Xã Mường Than"), (ev3, None)):
        text = write_html(evaluation, tmp_path / "r.html").read_text(encoding="utf-8")
        head = text[text.index("<header class='head print-only'>") :]
        head = head[: head.index("</header>")]
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head and "Độc lập - Tự do" in head
        if issuer is not None:
            assert f"<div class='issuer'>{issuer}<div class='number'>Số: ......./BC-" in head
        assert ".print-only { display: none !important; }" in text
        assert text.index("print-only") < text.index('<header class="masthead">')


def test_the_signature_block_is_for_paper_only_after_the_body(
    ev: cc.Evaluation, ev3: cc.Evaluation, tmp_path: Path
) -> None:
    """On paper a report ends its body as an administrative document does (the
    recipients, who prepared it, the head of the agency), after the audit block and
    before the appendix of parameters; on screen the block is hidden."""
    for evaluation in (ev, ev3):
        text = write_html(evaluation, tmp_path / "r.html").read_text(encoding="utf-8")
        start = text.index("<section class='signatures print-only'>")
        block = text[start : text.index("</section>", start)]
        for words in ("Nơi nhận:", "NGƯỜI LẬP", "(Ký, ghi rõ họ tên)", "THỦ TRƯỞNG CƠ QUAN"):
            assert words in block, words
        assert text.count("class='signatures") == 1
        assert text.index("Thông tin kiểm chứng") < start < text.index("Phụ lục: Thông số")


@pytest.mark.parametrize("plugin", ["laichau", "province_template"])
def test_every_parameter_a_shipped_plugin_declares_has_a_name_in_both_languages(
    plugin: str,
) -> None:
    """The appendix names a parameter by its label (the core's and national ones) or by
    the ``title`` its plugin gave it; without either it would print the plugin's English
    description on a Vietnamese page. The thresholds, deadlines and topics of targets
    are named by their target instead."""
    evaluation = cc.evaluate(cc.sample_roster(), AS_OF, plugins=[plugin], findings=False)
    definitions = evaluation.params.definitions
    per_target = (".threshold", ".deadline", ".topics")
    unnamed = []
    for key in evaluation.params:
        if key.endswith(per_target):
            continue
        try:
            names = [label(f"param_{key}", lang) for lang in ("vi", "en")]
        except KeyError:
            title = definitions[key].title
            if title is None:
                unnamed.append(key)
                continue
            names = [title.vi, title.en]
        assert all(n.strip() for n in names) and names[0] != names[1], key
    assert not unnamed
    _, named = parameters(evaluation, "vi")
    said = {p["name"] for p in named}
    assert not {d.description for d in definitions.values() if d.description} & said
