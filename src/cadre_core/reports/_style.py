"""The report's stylesheet: screen, phone widths (tables stacked into cards below 760 px)
and print (CSS Paged Media: A4 landscape, the commune and "Trang n / N" in the margins,
headers repeated, rows never split), for the browser and for WeasyPrint alike. The
reports' templates are made in the one Jinja environment
(:func:`cadre_core.vocab._html.template`)."""

from __future__ import annotations

import datetime as dt

from cadre_core.vocab._html import ADMIN_CSS
from cadre_core.vocab._labels import fmt_date, label

#: The head and the signature block of an administrative document (:data:`ADMIN_CSS`) on
#: paper only: the page on screen is a dashboard, the PDF and a printout a document to
#: hand up, signed after its body and before its appendix (the parameters in force).
PRINT_ONLY = """
.print-only { display: none !important; }
@media print {
  .head.print-only { display: flex !important; font-size: 9pt; line-height: 1.2;
    margin-bottom: 4px; }
  .signatures.print-only { display: flex !important; font-size: 8.5pt; line-height: 1.2;
    margin-top: 6px; }
  .signatures.print-only i { margin-bottom: 5em; }
  .signatures.print-only + .appendix h2 { margin-top: 0; }
}
"""

CSS = """
:root { --ink:#1b1f23; --muted:#5f6b76; --line:#cfd8df; --met:#2e7d32; --met-bg:#e3f1e4;
  --bad:#c62828; --bad-bg:#fbe4e4; --na:#757575; --na-bg:#eeeeee; --accent:#1f4e79;
  --soft:#f3f6f9; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
[hidden] { display: none !important; }
body { margin: 0; color: var(--ink); background: #eef1f4;
  font: 14px/1.45 "DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif; }
main { max-width: 1360px; margin: 0 auto; padding: 18px 26px 36px; background: #fff; }
header.masthead { display: flex; flex-wrap: wrap; justify-content: space-between;
  align-items: flex-end; gap: 10px 24px; border-bottom: 3px solid var(--accent);
  padding-bottom: 8px; margin-bottom: 10px; }
.kicker { color: var(--accent); font-weight: bold; letter-spacing: .04em; font-size: 13px;
  string-set: doctitle content(text); }
h1 { margin: 2px 0; font-size: 25px; string-set: commune content(text); }
h2 { font-size: 18px; color: var(--accent); margin: 24px 0 8px;
  border-bottom: 1px solid var(--line); padding-bottom: 3px; }
h3 { font-size: 15px; margin: 0 0 4px; }
h3 .sentence { font-size: 13px; font-weight: normal; }
.meta { color: var(--muted); margin: 1px 0; font-size: 13px; }
.kpis { display: flex; gap: 8px; flex-wrap: wrap; margin: 0; }
.kpi { border: 1px solid var(--line); border-left-width: 5px; border-radius: 3px;
  padding: 3px 10px; min-width: 92px; font-size: 12px; line-height: 1.25; }
.kpi b { display: block; font-size: 20px; }
.kpi.met { border-left-color: var(--met); } .kpi.not_met { border-left-color: var(--bad); }
.kpi.not_applicable { border-left-color: var(--na); } .kpi.overdue { border-left-color: #6a1b9a; }
.kpi.people { border-left-color: var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
thead th { background: var(--accent); color: #fff; font-weight: bold; }
table.fixed { table-layout: fixed; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.agency { background: var(--soft) !important; font-weight: bold; }
span.person { white-space: normal; }
dl.params { columns: 2; column-gap: 24px; margin: 6px 0 0; font-size: 12px; }
dl.params div { break-inside: avoid; padding: 2px 0; border-bottom: 1px solid #eef1f4; }
dl.params dt { display: inline; color: var(--muted); }
dl.params dd { display: inline; margin: 0 0 0 4px; font-weight: bold; }
dl.params dd .small { font-weight: normal; }
dl.pairs dd { font-weight: normal; overflow-wrap: anywhere; }
p.origin { margin: 8px 0 0; }
.small { font-size: 12px; color: var(--muted); }
.badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-weight: bold;
  font-size: 12px; white-space: nowrap; border: 1px solid currentColor; }
.badge.met { background: var(--met-bg); color: var(--met); }
.badge.not_met { background: var(--bad-bg); color: var(--bad); }
.badge.not_applicable { background: var(--na-bg); color: var(--na); }
.flag { color: #6a1b9a; font-weight: bold; font-size: 12px; }
.short { color: var(--bad); font-weight: bold; }
.bulletcell svg { display: block; max-width: 100%; height: auto; }
.caption { font-size: 12px; color: var(--muted); white-space: nowrap; }
.caption b { color: var(--ink); }
a { color: var(--accent); }
a.id { font-weight: bold; text-decoration: none; white-space: nowrap; }
table.summary td.title { font-weight: bold; }
table.summary td.title .small { font-weight: normal; display: block; }
.scroll { overflow-x: auto; max-width: 100%; }
.heat th.rot { font-size: 11px; padding: 4px 2px; text-align: center; }
.heat td.cell { text-align: center; font-size: 12px; font-weight: bold; white-space: nowrap; }
.heat td.cell.met { background: #c8e6c9 !important; color: #1b5e20; }
.heat td.cell.not_met { background: #ffcdd2 !important; color: #b71c1c; }
.heat td.cell.not_applicable { background: #eeeeee !important; color: #757575; }
.trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(330px, 100%), 1fr));
  gap: 12px; }
.trend-card { border: 1px solid var(--line); border-radius: 4px; padding: 8px; }
.trend-card h3 { font-size: 13px; }
.trend-card svg { width: 100%; height: auto; }
section.target { border-left: 5px solid var(--na); padding: 2px 0 2px 10px; margin: 14px 0; }
section.target.met { border-left-color: var(--met); margin: 4px 0; }
section.target.not_met { border-left-color: var(--bad); }
section.target.brief p { margin: 0; }
.statusline { margin: 2px 0; }
.legend { font-size: 12px; color: var(--muted); margin: 4px 0 6px; }
.legend .sw { display: inline-block; width: 12px; height: 12px; vertical-align: -2px;
  margin: 0 4px 0 10px; border-radius: 2px; }
ol.sources { font-size: 12px; color: var(--muted); margin: 4px 0 0; padding-left: 22px; }
.appendix table { font-size: 12px; }
footer { margin-top: 24px; font-size: 11px; color: var(--muted); border-top: 1px solid var(--line);
  padding-top: 6px; }
@media (max-width: 760px) {
  main { padding: 12px 10px 28px; }
  h1 { font-size: 21px; }
  table.stack, table.stack tbody, table.stack tr, table.stack td, table.stack th {
    display: block; width: 100%; overflow-wrap: anywhere; }
  table.stack thead { display: none; }
  table.stack tr { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 8px; }
  table.stack td { border: none; border-bottom: 1px solid #eef1f4; display: grid;
    grid-template-columns: minmax(6.5em, 34%) minmax(0, 1fr); gap: 8px; text-align: left; }
  table.stack td.agency { display: block; }
  table.stack td.agency::before { content: none; }
  table.stack tr.first-of-group { margin-top: 12px; }
  dl.params { columns: 1; }
  table.stack td::before { content: attr(data-label); font-weight: bold; color: var(--muted);
    font-size: 12px; }
  table.stack td.num { white-space: normal; }
  .caption { white-space: normal; }
  tbody tr:nth-child(even) td { background: transparent; }
}
@page { size: A4 landscape; margin: 11mm 10mm 10mm 10mm;
  @top-left { content: string(doctitle) " — " string(commune); font: 7.5pt "DejaVu Sans",
    "Noto Sans", sans-serif; color: #5f6b76; }
  @top-right { content: "__ASOF__"; font: 7.5pt "DejaVu Sans", "Noto Sans", sans-serif;
    color: #5f6b76; }
  @bottom-right { content: "__PAGE__ " counter(page) " / " counter(pages);
    font: 7.5pt "DejaVu Sans", "Noto Sans", sans-serif; color: #5f6b76; }
  @bottom-left { content: string(commune); font: 7.5pt "DejaVu Sans", "Noto Sans",
    sans-serif; color: #5f6b76; } }
@media print {
  body { background: #fff; font-size: 8pt; line-height: 1.2; }
  main { max-width: none; padding: 0; }
  header.masthead { display: block; overflow: hidden; padding-bottom: 4px; margin-bottom: 5px; }
  header.masthead > div { float: left; }
  header.masthead .kpis { display: block; float: right; margin-top: 6px; }
  header.masthead .kpi { display: inline-block; margin-left: 4px; vertical-align: bottom; }
  .kicker { font-size: 8pt; }
  h1 { font-size: 15pt; } h2 { font-size: 11pt; margin: 10px 0 4px; } h3 { font-size: 8.5pt; }
  h3 .sentence { font-size: 7.5pt; }
  .meta, .small, .caption, .legend, .badge, .flag, ol.sources { font-size: 7pt; }
  .kpi { padding: 1px 6px; font-size: 7pt; min-width: 0; }
  .kpi b { font-size: 12pt; }
  table, .appendix table, dl.params { font-size: 7pt; }
  table.members, table.findings, section.target h3 .sentence {
    font-size: 7pt; line-height: 1.15; }
  .appendix table, dl.params { font-size: 6.5pt; line-height: 1.15; }
  dl.params { columns: 4; column-gap: 12px; }
  dl.params div { break-inside: auto; }
  p.origin { margin: 2px 0 0; }
  th, td { padding: 1px 3px; }
  thead { display: table-header-group; }
  tr, .kpi, .trend-card, section.target.met { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .page { break-before: page; }
  section.target { break-inside: auto; margin: 7px 0; }
  section.target.met { margin: 2px 0; }
  .bulletcell svg { width: 110px; height: 11px; }
  table.summary td { padding: 1.5px 4px; }
  .kpi { white-space: nowrap; }
  .noprint, footer { display: none !important; }
  a { text-decoration: none; color: inherit; }
}
"""


def css_text(text: str) -> str:
    """``text`` as the inside of a CSS string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")


def stylesheet(lang: str, as_of: dt.date) -> str:
    """The stylesheet with the printed page's words in ``lang``: the as-of day and
    "page"."""
    as_of_text = f"{label('as_of', lang)} {fmt_date(as_of)}"
    return (
        (ADMIN_CSS + CSS + PRINT_ONLY)
        .replace("__ASOF__", css_text(as_of_text))
        .replace("__PAGE__", css_text(label("report_page", lang)))
    )
