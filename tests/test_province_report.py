"""The province view: reports on several communes, through the real ``cadre`` command.

A multi-commune HTML report names its province, ranks the communes with their totals,
carries a symbol and a number in every status-map cell (readable in black-and-white
print), lists per commune only its unmet targets (no one by name), and keeps what was set
aside or not read; its size grows linearly with the number of communes. The workbook's
status map carries the same ranking, totals and cell texts.
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from builders import three_communes
from conftest import CHROMIUM, CHROMIUM_ARGS

import cadre_core as cc
from cadre_core.reports import _audit, _data, write_html
from cadre_core.roster import Roster

CADRE = str(Path(sys.executable).with_name("cadre"))
AS_OF = "2026-12-31"
PROVINCE = "Tỉnh Lai Châu"
SYMBOLS = {"met": "✓", "not_met": "✗", "not_applicable": "–"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=600)


def _with_province(roster: Roster, province: str) -> Roster:
    frames = dict(roster.tables)
    frames["agencies"] = frames["agencies"].assign(province=province)
    return Roster.from_frames(frames, name=roster.name)


@pytest.fixture(scope="module")
def province_roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three communes of ``builders.three_communes``, their agencies naming the
    province, and one column the roster format does not know (so a listing shows)."""
    roster = _with_province(three_communes(), PROVINCE)
    folder = tmp_path_factory.mktemp("province") / "tables"
    roster.write(folder, format="csv")
    cadres = pd.read_csv(folder / "cadres.csv", dtype=str)
    cadres["ghi chú riêng"] = "x"
    cadres.to_csv(folder / "cadres.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def evaluation(province_roster: Path) -> dict[str, Any]:
    done = run("evaluate", str(province_roster), "--as-of", AS_OF, "--plugin", "laichau",
               "--by", "commune", "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


@pytest.fixture(scope="module")
def page(province_roster: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("html") / "p.html"
    done = run("evaluate", str(province_roster), "--as-of", AS_OF, "--plugin", "laichau",
               "--by", "commune", "-o", str(out), "--format", "html")  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


class _Page(HTMLParser):
    """Elements by tag with their attributes and text (one level of text is enough)."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[dict[str, Any]] = []
        self.stack: list[dict[str, Any]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, **{k: v or "" for k, v in attrs}, "text": ""}
        self.elements.append(element)
        if tag not in ("br", "meta", "rect", "circle", "polyline", "line", "path"):
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element["text"] += data
        if not any(e.get("id") == "cadre-evaluation" for e in self.stack):
            self.text.append(data)


def _parse(text: str) -> _Page:
    p = _Page()
    p.feed(text)
    return p


def _expected_totals(doc: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Totals and ranks computed here from the JSON: fewer targets not met first, then the
    smaller total shortfall, then more targets met; equal on all three, equal rank."""
    totals = {}
    for c in doc["communes"]:
        statuses = [t["status"] for t in c["targets"]]
        totals[c["commune"]] = {
            "met": statuses.count("met"),
            "not_met": statuses.count("not_met"),
            "not_applicable": statuses.count("not_applicable"),
            "shortfall": sum(t["shortfall"] for t in c["targets"]),
        }

    def key(name: str) -> tuple[int, int, int]:
        t = totals[name]
        return (t["not_met"], t["shortfall"], -t["met"])

    for name, t in totals.items():
        t["rank"] = 1 + sum(key(other) < key(name) for other in totals)
    return totals


def test_html_names_the_province_and_ranks_the_communes(
    page: str, evaluation: dict[str, Any]
) -> None:
    dom = _parse(page)
    h1 = [e for e in dom.elements if e["tag"] == "h1"]
    assert [e["text"] for e in h1] == [PROVINCE]
    assert PROVINCE in re.search(r"<title>(.*?)</title>", page).group(1)  # type: ignore[union-attr]
    expected = _expected_totals(evaluation)
    rows = [e for e in dom.elements if e["tag"] == "tr" and "commune-row" in e.get("class", "")]
    assert {r["data-commune"] for r in rows} == set(expected)
    for r in rows:
        want = expected[r["data-commune"]]
        assert int(r["data-rank"]) == want["rank"]
        assert int(r["data-met"]) == want["met"]
        assert int(r["data-not-met"]) == want["not_met"]
        assert int(r["data-shortfall"]) == want["shortfall"]
    # the rank and totals are printed in the row's cells
    for row in re.findall(r'<tr class="commune-row".*?</tr>', page, flags=re.S):
        name = re.search(r'data-commune="([^"]*)"', row).group(1)  # type: ignore[union-attr]
        cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        want = expected[name]
        numbers = [want[k] for k in ("rank", "met", "not_met", "not_applicable")]
        assert [cells[0], *cells[2:5], cells[-1]] == [*map(str, numbers), str(want["shortfall"])]
    assert [int(r["data-rank"]) for r in rows] == sorted(int(r["data-rank"]) for r in rows)


def test_html_status_cells_carry_text_not_colour_alone(
    page: str, evaluation: dict[str, Any]
) -> None:
    dom = _parse(page)
    cells = {
        (e["data-commune"], e["data-target-id"]): e["text"].strip()
        for e in dom.elements
        if e["tag"] == "td" and "cell" in e.get("class", "").split()
    }
    for c in evaluation["communes"]:
        for t in c["targets"]:
            text = cells[(c["commune"], t["id"])]
            assert text.startswith(SYMBOLS[t["status"]])
            if t["status"] == "not_met":
                assert text == f"✗ {t['shortfall']}"
            elif t["status"] == "met":
                assert text == "✓ đạt"
    legend = " ".join(dom.text)
    assert "✓ đạt · ✗ n: chưa đạt, còn thiếu n" in legend


def test_html_lists_unmet_targets_per_commune_and_no_one_by_name(
    page: str, evaluation: dict[str, Any], province_roster: Path
) -> None:
    dom = _parse(page)
    visible = " ".join(dom.text)
    # no member list, no unrated or findings list per person: names never appear
    assert "data-member-id" not in page
    names = pd.read_csv(province_roster / "cadres.csv", dtype=str)["full_name"]
    assert not [n for n in names if n in visible]
    sections = {
        e["data-commune"]: e for e in dom.elements if e["tag"] == "section" and "data-commune" in e
    }
    assert set(sections) == {c["commune"] for c in evaluation["communes"]}
    for c in evaluation["communes"]:
        text = sections[c["commune"]]["text"]
        for t in c["targets"]:
            if t["status"] == "not_met":
                assert f"còn thiếu {t['shortfall']}" in text and t["id"] in text
    # how to get a commune's detailed report is said
    assert "--commune" in visible
    # nothing lost: the listing of what was not read, the audit and the parameters
    assert "Cột và trang tính không được đọc" in visible and "ghi chú riêng" in visible
    assert "Thông tin kiểm chứng" in visible and "Phụ lục: Thông số áp dụng" in visible
    # the parameters by name, their source said once per group; no parameter's key
    params = evaluation["parameters"]
    assert params and not [k for k in params if k in visible]
    spaced = " ".join(visible.split())
    assert "Tỷ lệ tối đa cán bộ một cơ quan đi học dài hạn cùng lúc: 33%" in spaced
    assert spaced.count("Nguồn: plugin cadre") == 1
    # the province line per target says how many communes met it
    assert "xã đạt" in visible


def test_html_trend_per_commune(province_roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    done = run("evaluate", str(province_roster), "--as-of", "2026-06-30", "--as-of", AS_OF,
               "--plugin", "laichau", "--by", "commune", "-o", str(out), "--format", "html")  # fmt: skip
    assert done.returncode == 0, done.stderr
    dom = _parse(out.read_text(encoding="utf-8"))
    rows = [e for e in dom.elements if e["tag"] == "tr" and e.get("data-commune")]
    trend_rows = [r for r in rows if "commune-row" not in r.get("class", "")]
    assert {r["data-commune"] for r in trend_rows} == {"Xã Mường Than", "Xã Pha Mu", "Xã Tà Hừa"}
    for r in trend_rows:  # one "met/applicable (shortfall)" per day
        assert len(re.findall(r"\d+/\d+ \(\d+\)", r["text"])) == 2
    assert out.read_text(encoding="utf-8").count('class="spark"') == 3


def test_xlsx_status_map_ranks_with_totals_and_names_the_province(
    province_roster: Path, evaluation: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "p.xlsx"
    done = run("evaluate", str(province_roster), "--as-of", AS_OF, "--plugin", "laichau",
               "--by", "commune", "-o", str(out), "--format", "xlsx")  # fmt: skip
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(out)
    ws = wb["Bảng trạng thái"]
    assert PROVINCE in str(ws.cell(1, 1).value)
    assert PROVINCE in ws.oddHeader.left.text
    assert PROVINCE in str(wb["Toàn tỉnh"].cell(1, 1).value)
    values = [[c.value for c in row] for row in ws.iter_rows()]
    h = next(i for i, row in enumerate(values) if row[0] == "Xã")
    header = values[h]
    expected = _expected_totals(evaluation)
    ids = [t["id"] for t in evaluation["communes"][0]["targets"]]
    targets = {c["commune"]: c["targets"] for c in evaluation["communes"]}
    rows = [r for r in values[h + 1 :] if r[0]]
    assert len(rows) == 3
    for row in rows:
        want = expected[row[0]]
        got = dict(zip(header, row, strict=True))
        assert got["Hạng"] == want["rank"]
        assert got["Chỉ tiêu đạt"] == want["met"]
        assert got["Chỉ tiêu chưa đạt"] == want["not_met"]
        assert got["Tổng số còn thiếu"] == want["shortfall"]
        for tid, t in zip(ids, targets[row[0]], strict=True):
            assert str(got[tid]).startswith(SYMBOLS[t["status"]])


def test_commune_totals_rank_ties_equally() -> None:
    summary = pd.DataFrame(
        {
            "commune": ["A", "A", "B", "B", "C", "C", "D", "D"],
            "status": ["met", "not_met", "met", "met", "not_applicable", "not_met"] + ["met"] * 2,
            "shortfall": [0, 3, 0, 0, 0, 3, 0, 0],
            "overdue": [False] * 8,
        }
    )
    got = _data.commune_totals(summary).set_index("commune")["rank"].to_dict()
    # B and D meet everything (rank 1, shared); A and C are both one short by 3, but A
    # meets one more target
    assert got == {"B": 1, "D": 1, "A": 3, "C": 4}


def test_province_from_the_plugins_when_the_roster_does_not_say(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ev = cc.evaluate(three_communes(), AS_OF, plugins=["laichau"], findings=False)
    assert _data.province_name(ev, "vi") in ("", PROVINCE)  # no province column in the roster
    named = cc.evaluate(_with_province(three_communes(), PROVINCE), AS_OF, plugins=["laichau"])

    class _About:
        province = "Tỉnh Điện Biên"

    monkeypatch.setattr(cc.PluginHost, "about", lambda self, name: _About())
    assert _data.province_name(ev, "vi") == "Tỉnh Điện Biên"
    assert _data.province_name(named, "vi") == PROVINCE  # the roster wins over the plugins


def test_a_large_evaluation_is_embedded_compressed_and_verifiable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ev = cc.evaluate(three_communes(), AS_OF, plugins=["laichau"], findings=False)
    monkeypatch.setattr(_audit, "PLAIN_JSON_MAX", 0)
    path = write_html(ev, tmp_path / "p.html")
    text = path.read_text(encoding="utf-8")
    assert 'data-format="json-zlib-base64"' in text
    assert _audit.extract(path) == json.loads(ev.to_json())
    # a block inflating beyond the limit is refused with a sentence
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    bomb = b"".join(packer.compress(chunk) for _ in range(513)) + packer.flush()
    forged = re.sub(
        r'data-format="json-zlib-base64">[^<]*<',
        'data-format="json-zlib-base64">' + base64.b64encode(bomb).decode() + "<",
        text,
    )
    (tmp_path / "bomb.html").write_text(forged, encoding="utf-8")
    with pytest.raises(_audit.ReportError, match="512 MB"):
        _audit.extract(tmp_path / "bomb.html")


def test_verify_accepts_the_province_view(province_roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.html"
    done = run("evaluate", str(province_roster), "--as-of", AS_OF, "--plugin", "laichau",
               "--by", "commune", "-o", str(out), "--format", "html")  # fmt: skip
    assert done.returncode == 0, done.stderr
    done = run("verify", str(out), str(province_roster))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "khớp với" in done.stdout  # label cli_verify_matches


def _html_size(tmp: Path, communes: int) -> int:
    roster = tmp / f"p{communes}"
    done = run("synth", "--communes", str(communes), "--seed", "1", str(roster))
    assert done.returncode == 0, done.stderr
    out = tmp / f"p{communes}.html"
    done = run("evaluate", str(roster), "--as-of", AS_OF, "--plugin", "laichau", "--by",
               "commune", "-o", str(out), "--format", "html")  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out.stat().st_size


def test_html_size_per_commune_is_bounded_and_linear(tmp_path: Path) -> None:
    """No member list per commune: each commune adds a bounded, constant amount."""
    n = 30
    small, large = _html_size(tmp_path, n), _html_size(tmp_path, 2 * n)
    per_commune = (large - small) / n
    assert per_commune < 20_000, per_commune
    assert large < 20_000 * 2 * n + 400_000, large
    # linear: the first n communes cost about what the next n do
    assert small - per_commune * n < 400_000


def test_commune_option_gives_one_communes_detailed_report(
    province_roster: Path, evaluation: dict[str, Any], tmp_path: Path
) -> None:
    """The command the province view names: one commune's report with its members."""
    out = tmp_path / "pha-mu.html"
    done = run("evaluate", str(province_roster), "--as-of", AS_OF, "--plugin", "laichau",
               "--commune", "Xã Pha Mu", "-o", str(out), "--format", "html")  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "data-member-id" in text and "Xã Mường Than" not in text
    embedded = _audit.extract(out)
    assert [c["commune"] for c in embedded["communes"]] == ["Xã Pha Mu"]
    want = next(c for c in evaluation["communes"] if c["commune"] == "Xã Pha Mu")
    assert embedded["communes"][0]["targets"] == want["targets"]
    done = run("verify", str(out), str(province_roster))
    assert done.returncode == 0, done.stdout + done.stderr
    # an unknown commune: exit 2 with a sentence naming the communes there are
    done = run("evaluate", str(province_roster), "--as-of", AS_OF, "--plugin", "laichau",
               "--commune", "Xã Không Có", "--format", "json")  # fmt: skip
    assert done.returncode == 2
    assert "Xã Không Có" in done.stderr and "Xã Pha Mu" in done.stderr
    assert "Traceback" not in done.stderr


_FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="p.html" style="width:390px;height:900px;border:0"></iframe>
<script>document.getElementById("f").addEventListener("load", () => {
  const d = document.getElementById("f").contentDocument.documentElement;
  document.title = "scroll=" + d.scrollWidth + " client=" + d.clientWidth; });</script>
</body></html>"""


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian 'chromium') not installed")
def test_province_view_has_no_horizontal_scroll_at_390px(page: str, tmp_path: Path) -> None:
    """At a phone's 390 px the page never scrolls sideways (the status map scrolls in its
    own frame); measured in headless Chromium through a 390 px frame."""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (tmp_path / "frame.html").write_text(_FRAME, encoding="utf-8")
    profile = tmp_path / "profile"
    done = subprocess.run(
        [str(CHROMIUM), "--headless", *CHROMIUM_ARGS, "--allow-file-access-from-files",
         "--virtual-time-budget=5000", f"--user-data-dir={profile}", "--window-size=800,1000", "--dump-dom",
         (tmp_path / "frame.html").as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    m = re.search(r"<title>scroll=(\d+) client=(\d+)</title>", done.stdout)
    assert m is not None, done.stdout[:500]
    assert int(m.group(1)) <= int(m.group(2))
