"""The HTML report: one self-contained file (inline CSS and SVG, no script, no URL).

Rendered with jinja2 and autoescaping on, so names, titles and every other text from a
roster or a plugin are escaped; the only unescaped fragments are the SVG charts that
:mod:`cadre_core.reports._charts` builds with escaped text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd
from markupsafe import Markup

from cadre_core.plugins._sections import ReportSection
from cadre_core.reports import _charts
from cadre_core.reports._audit import html_block
from cadre_core.reports._data import ReportData, records
from cadre_core.vocab._files import write_atomic
from cadre_core.vocab._labels import body_name, fmt_date, fmt_pct, label

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
  body { background: #fff; font-size: 8pt; line-height: 1.25; }
  main { max-width: none; padding: 0; }
  header.masthead { padding-bottom: 4px; margin-bottom: 5px; }
  .kicker { font-size: 8pt; }
  h1 { font-size: 15pt; } h2 { font-size: 11pt; margin: 10px 0 4px; } h3 { font-size: 8.5pt; }
  h3 .sentence { font-size: 7.5pt; }
  .meta, .small, .caption, .legend, .badge, .flag, ol.sources { font-size: 7pt; }
  .kpis { flex-wrap: nowrap; }
  .kpi { padding: 1px 7px; font-size: 7pt; min-width: 0; }
  .kpi b { font-size: 12pt; }
  table, .appendix table, dl.params { font-size: 7.5pt; }
  table.members, table.findings, .appendix table, dl.params, section.target h3 .sentence {
    font-size: 7pt; line-height: 1.2; }
  dl.params { columns: 3; column-gap: 14px; }
  th, td { padding: 1.5px 4px; }
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

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cadre_core">
<title>{{ L.report_title }} — {{ communes|join(", ") }} — {{ as_of }}</title>
<style>{{ css }}</style>
</head>
<body>
<main id="top">
<header class="masthead">
  <div>
    <div class="kicker">{{ L.report_title }}</div>
    <h1>{{ heading }}</h1>
    <p class="meta">{{ L.as_of }}: <b>{{ as_of }}</b>{% if history|length > 1 %} · {{ L.trends }}: {{ history|join(", ") }}{% endif %}</p>
  </div>
  <section class="kpis" aria-label="{{ L.dashboard }}">
    <div class="kpi met"><b>{{ kpi.met }}</b>{{ L.count_met }}</div>
    <div class="kpi not_met"><b>{{ kpi.not_met }}</b>{{ L.count_not_met }}</div>
    <div class="kpi not_applicable"><b>{{ kpi.not_applicable }}</b>{{ L.count_na }}</div>
    <div class="kpi overdue"><b>{{ kpi.overdue }}</b>{{ L.count_overdue }}</div>
    {% if kpi.cadres is not none %}<div class="kpi people"><b>{{ kpi.cadres }}</b>{{ L.report_count_cadres }}</div>{% endif %}
  </section>
</header>
{% if multi %}<p class="small">{{ L.kpi_multi }}</p>{% endif %}

<h2 id="dashboard">{% if multi %}{{ L.province_title }}{% else %}{{ L.dashboard }}{% endif %}</h2>
<p class="legend">{{ L.legend_bar }}
  <span class="sw" style="background:#2e7d32"></span>{{ L.met }}
  <span class="sw" style="background:#c62828"></span>{{ L.not_met }}
  <span class="sw" style="background:#9e9e9e"></span>{{ L.not_applicable }}</p>
<table class="dashboard summary stack fixed">
<thead><tr>
  <th style="width:7.5%">{{ L.col_id }}</th><th style="width:32%">{{ L.col_target }}</th><th style="width:17%">{{ L.col_ratio }}</th>
  <th style="width:8%">{{ L.col_status }}</th><th class="num" style="width:6%">{{ L.col_shortfall }}</th>
  <th style="width:7%">{{ L.col_deadline }}</th><th style="width:22.5%">{{ L.col_body }}</th>
</tr></thead>
<tbody>
{% for r in dashboard %}
<tr class="target-row" data-target-id="{{ r.id }}" data-status="{{ r.status }}">
  <td data-label="{{ L.col_id }}"><a class="id" href="#target-{{ r.id }}">{{ r.id }}</a></td>
  <td class="title" data-label="{{ L.col_target }}"><span>{{ r.title }}<span class="small">{{ r.unit_text }}</span></span></td>
  <td class="bulletcell" data-label="{{ L.col_ratio }}"><span>{{ r.chart }}<span class="caption"><b>{{ r.ratio }}</b> · {{ r.caption }}</span></span></td>
  <td class="status" data-label="{{ L.col_status }}"><span><span class="badge {{ r.status }}">{{ r.status_label }}</span>
    {% if r.overdue %}<span class="flag">{{ L.overdue }}</span>{% endif %}
    {% if not r.attainable and r.status == "not_met" %}<span class="flag">{{ L.unattainable }}</span>{% endif %}</span></td>
  <td class="num shortfall {% if r.shortfall %}short{% endif %}" data-label="{{ L.col_shortfall }}">{{ r.shortfall }}</td>
  <td class="nowrap" data-label="{{ L.col_deadline }}">{{ r.deadline }}</td>
  <td class="body" data-label="{{ L.col_body }}">{{ r.body }}</td>
</tr>
{% endfor %}
</tbody>
</table>

{% if multi %}
<h2 id="heatmap" class="page">{{ L.heatmap }}</h2>
<div class="scroll">
<table class="heat">
<thead><tr><th>{{ L.col_commune }}</th>
{% for tid in target_ids %}<th class="rot"><a href="#target-{{ tid }}" style="color:#fff">{{ tid }}</a></th>{% endfor %}
</tr></thead>
<tbody>
{% for row in heat %}
<tr><th scope="row" style="background:#fff;color:#1b1f23">{{ row.commune }}</th>
{% for c in row.cells %}<td class="cell {{ c.status }}" data-commune="{{ row.commune }}" data-target-id="{{ c.id }}" data-status="{{ c.status }}" title="{{ row.commune }} · {{ c.id }}: {{ c.status_label }}">{{ c.text }}</td>{% endfor %}
</tr>
{% endfor %}
</tbody>
</table>
</div>
{% endif %}

{% if trends %}
<h2 id="trends" class="page">{{ L.trends }}</h2>
<p class="legend">{{ L.legend_trend }}</p>
<div class="trends">
{% for t in trends %}
<div class="trend-card" data-target-id="{{ t.id }}"><h3>{{ t.id }} — {{ t.title }}</h3>{{ t.chart }}
<div class="caption">{{ t.caption }}</div></div>
{% endfor %}
</div>
{% endif %}

<h2 id="details" class="page">{{ L.details }}</h2>
<p class="small">{{ L.report_details_note }}</p>
{% for t in details %}
{% if t.brief %}
<section class="target brief {{ t.status }}" id="target-{{ t.id }}" data-target-id="{{ t.id }}" data-status="{{ t.status }}">
  <p><b>{{ t.id }} — {{ t.title }}</b> <span class="badge {{ t.status }}">{{ t.status_label }}</span>
  {% for l in t.lines %}<span class="small">{% if multi %}{{ l.commune }}: {% endif %}{{ l.sentence }}</span>{% endfor %}</p>
</section>
{% else %}
<section class="target {{ t.status }}" id="target-{{ t.id }}" data-target-id="{{ t.id }}" data-status="{{ t.status }}">
  <h3>{{ t.id }} — {{ t.title }} <span class="badge {{ t.status }}">{{ t.status_label }}</span>{% if not multi %}{% for l in t.lines %} <span class="sentence">{{ l.sentence }}</span>{% if l.overdue %} <span class="flag">({{ L.overdue }})</span>{% endif %}{% endfor %}{% endif %}</h3>
  {% if multi %}
  <table class="lines stack"><thead><tr><th>{{ L.col_commune }}</th><th>{{ L.col_ratio }}</th><th>{{ L.col_status }}</th><th class="num">{{ L.col_shortfall }}</th><th>{{ L.col_body }}</th></tr></thead><tbody>
  {% for l in t.lines %}<tr data-commune="{{ l.commune }}" data-status="{{ l.status }}"><td data-label="{{ L.col_commune }}">{{ l.commune }}</td><td class="bulletcell" data-label="{{ L.col_ratio }}"><span>{{ l.chart }}<span class="caption"><b>{{ l.ratio }}</b> · {{ l.caption }}</span></span></td><td data-label="{{ L.col_status }}"><span><span class="badge {{ l.status }}">{{ l.status_label }}</span>{% if l.overdue %} <span class="flag">{{ L.overdue }}</span>{% endif %}</span></td><td class="num {% if l.shortfall %}short{% endif %}" data-label="{{ L.col_shortfall }}">{{ l.shortfall }}</td><td data-label="{{ L.col_body }}">{{ l.body }}</td></tr>{% endfor %}
  </tbody></table>
  {% endif %}
  <p class="small">{% if not multi %}{% for l in t.lines %}{{ L.col_body }}: <b>{{ l.body }}</b> · {% endfor %}{% endif %}{{ L.population_text }}: {{ t.population_text }} · {{ L.requirement }}: {{ t.requirement }} · {{ L.col_source }}: {{ t.source }}</p>
  {% if t.note %}<p class="statusline">{{ t.note }}</p>{% endif %}
  {% if t.groups and t.common and t.by_agency %}
  <p class="statusline">{{ L.col_explanation }}: <b>{{ t.common }}</b></p>
  <table class="members grouped stack fixed"><thead><tr><th style="width:22%">{{ L.report_col_agency }}</th><th style="width:78%">{{ L.report_col_people }}</th></tr></thead>
  <tbody>
  {% for g in t.groups %}<tr><td class="agency" data-label="{{ L.report_col_agency }}">{{ g.name }}</td><td data-label="{{ L.report_col_people }}">{% for m in g.members %}<span class="person" data-member-id="{{ m.member_id }}">{{ m.no }}. <b>{{ m.member or m.member_id }}</b>{% if m.role %} — {{ m.role }}{% endif %}</span>{% if not loop.last %}; {% endif %}{% endfor %}</td></tr>
  {% endfor %}
  </tbody></table>
  {% elif t.groups and not t.by_agency %}
  <table class="members stack fixed"><thead><tr><th class="num" style="width:3.5%">{{ L.col_no }}</th><th style="width:36.5%">{{ L.col_member }}</th><th style="width:60%">{{ L.col_explanation }}</th></tr></thead>
  <tbody>
  {% for g in t.groups %}{% for m in g.members %}<tr data-member-id="{{ m.member_id }}"><td class="num" data-label="{{ L.col_no }}">{{ m.no }}</td><td data-label="{{ L.col_member }}">{{ m.member or m.member_id }}{% if m.role %} — {{ m.role }}{% endif %}</td><td data-label="{{ L.col_explanation }}">{{ m.explanation }}</td></tr>
  {% endfor %}{% endfor %}
  </tbody></table>
  {% elif t.groups %}
  <table class="members stack fixed"><thead><tr><th style="width:19%">{{ L.report_col_agency }}</th><th class="num" style="width:3%">{{ L.col_no }}</th><th style="width:14%">{{ L.col_member }}</th><th style="width:24%">{{ L.col_role }}</th><th style="width:40%">{{ L.col_explanation }}</th></tr></thead>
  <tbody>
  {% for g in t.groups %}
  {% for m in g.members %}<tr data-member-id="{{ m.member_id }}"{% if loop.first %} class="first-of-group"{% endif %}>{% if loop.first %}<td class="agency" rowspan="{{ g.members|length }}">{{ g.name }}</td>{% endif %}<td class="num" data-label="{{ L.col_no }}">{{ m.no }}</td><td data-label="{{ L.col_member }}">{{ m.member or m.member_id }}</td><td data-label="{{ L.col_role }}">{{ m.role }}</td><td data-label="{{ L.col_explanation }}">{{ m.explanation }}</td></tr>
  {% endfor %}
  {% endfor %}
  </tbody></table>
  {% elif not t.note %}<p class="small">{{ L.none_failing }}</p>{% endif %}
  <p class="small noprint"><a href="#top">↑ {{ L.back_to_top }}</a></p>
</section>
{% endif %}
{% endfor %}

<h2 id="unrated">{{ L.unrated }}</h2>
{% if unrated %}
<table class="members stack"><thead><tr><th class="num">{{ L.col_no }}</th>{% if multi %}<th>{{ L.col_commune }}</th>{% endif %}<th>{{ L.col_member }}</th><th>{{ L.col_role }}</th><th>{{ L.col_explanation }}</th><th>{{ L.col_body }}</th></tr></thead>
<tbody>{% for m in unrated %}<tr data-member-id="{{ m.member_id }}"><td class="num" data-label="{{ L.col_no }}">{{ loop.index }}</td>{% if multi %}<td data-label="{{ L.col_commune }}">{{ m.commune }}</td>{% endif %}<td data-label="{{ L.col_member }}">{{ m.member or m.member_id }}</td><td data-label="{{ L.col_role }}">{{ m.role }}</td><td data-label="{{ L.col_explanation }}">{{ m.explanation }}</td><td data-label="{{ L.col_body }}">{{ m.body }}</td></tr>{% endfor %}</tbody></table>
{% else %}<p class="small">{{ L.none_failing }}</p>{% endif %}

{% if findings %}
<h2 id="findings">{{ L.findings }}</h2>
<table class="findings stack fixed"><thead><tr><th class="num" style="width:3.5%">{{ L.col_no }}</th>{% if multi %}<th style="width:10%">{{ L.col_commune }}</th>{% endif %}<th style="width:7%">{{ L.col_severity }}</th><th style="width:22%">{{ L.col_subject }}</th><th>{{ L.col_message }}</th><th style="width:17%">{{ L.col_body }}</th><th class="num" style="width:5%">{{ L.col_source }}</th></tr></thead>
<tbody>{% for f in findings %}<tr><td class="num" data-label="{{ L.col_no }}">{{ loop.index }}</td>{% if multi %}<td data-label="{{ L.col_commune }}">{{ f.commune }}</td>{% endif %}<td data-label="{{ L.col_severity }}">{{ f.severity }}</td><td data-label="{{ L.col_subject }}">{{ f.subject }}</td><td data-label="{{ L.col_message }}">{{ f.message }}</td><td data-label="{{ L.col_body }}">{{ f.body }}</td><td class="num" data-label="{{ L.col_source }}">{% if f.source_no %}[{{ f.source_no }}]{% endif %}</td></tr>{% endfor %}</tbody></table>
{% if finding_sources %}<p class="small">{{ L.col_source }}:</p>
<ol class="sources">{% for s in finding_sources %}<li>{{ s }}</li>{% endfor %}</ol>{% endif %}
{% endif %}

{% for s in sections %}
<h2>{{ s.title }}</h2>
{% if s.note %}<p class="small">{{ s.note }}</p>{% endif %}
{% if s.pairs %}
<dl class="params pairs">{% for row in s.rows %}<div><dt>{{ row[0] }}:</dt><dd>{{ row[1] }}</dd></div>{% endfor %}</dl>
{% else %}
<table class="stack"><thead><tr>{% for c in s.columns %}<th>{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in s.rows %}<tr>{% for v in row %}<td data-label="{{ s.columns[loop.index0] }}">{{ v }}</td>{% endfor %}</tr>{% endfor %}</tbody></table>
{% endif %}
{% endfor %}

<section class="appendix">
<h2 id="about">{{ L.report_appendix }}</h2>
<p class="small">{{ L.report_appendix_note }}</p>
<table class="params-targets stack fixed"><thead><tr><th style="width:7%">{{ L.col_id }}</th><th style="width:38%">{{ L.col_target }}</th><th style="width:9%">{{ L.col_rule }}</th><th style="width:8%">{{ L.col_deadline }}</th><th style="width:28%">{{ L.report_col_topics }}</th><th style="width:10%">{{ L.col_origin }}</th></tr></thead>
<tbody>{% for p in target_params %}<tr><td class="nowrap" data-label="{{ L.col_id }}">{{ p.id }}</td><td data-label="{{ L.col_target }}">{{ p.title }}</td><td data-label="{{ L.col_rule }}">{{ p.rule }}</td><td class="nowrap" data-label="{{ L.col_deadline }}">{{ p.deadline }}</td><td data-label="{{ L.report_col_topics }}">{{ p.topics }}</td><td data-label="{{ L.col_origin }}">{{ p.origin }}</td></tr>{% endfor %}</tbody></table>
{% if params %}
<dl class="params">{% for p in params %}<div><dt>{{ p.name }}:</dt><dd>{{ p.value }} <span class="small">({{ p.origin }})</span></dd></div>{% endfor %}</dl>
{% endif %}
</section>
<footer>{{ L.report_title }} · {{ communes|join(", ") }} · {{ L.as_of }} {{ as_of }} · {{ L.generated_by }}: cadre_core ({{ plugins }})</footer>
</main>
</body>
</html>
"""

_ENV = jinja2.Environment(
    loader=jinja2.DictLoader({"report.html": TEMPLATE}),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

_LABEL_KEYS = [
    "report_title",
    "province_title",
    "as_of",
    "generated_by",
    "dashboard",
    "heatmap",
    "trends",
    "details",
    "unrated",
    "findings",
    "about",
    "legend_bar",
    "legend_trend",
    "met",
    "not_met",
    "not_applicable",
    "overdue",
    "unattainable",
    "count_met",
    "count_not_met",
    "count_na",
    "count_overdue",
    "col_id",
    "col_target",
    "col_progress",
    "col_status",
    "col_shortfall",
    "col_deadline",
    "col_body",
    "col_commune",
    "col_no",
    "col_member_id",
    "col_member",
    "col_role",
    "col_explanation",
    "col_source",
    "col_rule_id",
    "col_severity",
    "col_subject",
    "col_message",
    "col_key",
    "col_value",
    "col_origin",
    "population_text",
    "requirement",
    "none_failing",
    "back_to_top",
    "kpi_multi",
    "col_ratio",
    "col_rule",
    "parameters",
    "report_count_cadres",
    "report_details_note",
    "report_appendix",
    "report_appendix_note",
    "report_col_topics",
    "report_col_agency",
    "report_col_people",
]


_SEVERITIES = {"severity_error", "severity_warning", "severity_info"}


def _css_text(text: str) -> str:
    """``text`` as the inside of a CSS string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")


def _css(lang: str, as_of: dt.date) -> str:
    """The stylesheet with the printed page's words: the as-of day and "page"."""
    as_of_text = f"{label('as_of', lang)} {fmt_date(as_of)}"
    return CSS.replace("__ASOF__", _css_text(as_of_text)).replace(
        "__PAGE__", _css_text(label("report_page", lang))
    )


def _has_label(key: str) -> bool:
    try:
        label(key)
    except KeyError:
        return False
    return True


def _word(code: object, lang: str) -> str:
    """A code of a parameter value in words: a position category, a level, a rating, a
    training topic or another coded word the label table names; else as it is."""
    text = str(code)
    for prefix in (
        "category_",
        "theory_",
        "level_",
        "topic_",
        "equipment_",
        "item_",
        "param_word_",
    ):
        if _has_label(prefix + text):
            return label(prefix + text, lang)
    return text


_SHARE_WORDS = ("share", "cap", "min_female", "min_minority", "min_young", "threshold")


def _plain(value: Any, lang: str, share: bool = False) -> str:
    """A parameter value as plain words: a ``share`` as a percentage, other fractions as
    they are, days as dd/mm/yyyy, codes by their names, lists comma-joined, mappings as
    ``name: value``; empty as "–"."""
    if isinstance(value, Fraction):
        return fmt_pct(float(value), lang) if share else str(value)
    if isinstance(value, dt.date):
        return fmt_date(value)
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, dict):
        if not value:
            return "–"
        texts = [v for v in value.values() if isinstance(v, str) and len(v) > 40]
        if len(texts) == len(value):  # citations keyed by rule: the distinct texts
            return "; ".join(dict.fromkeys(texts))
        return "; ".join(f"{_word(k, lang)}: {_plain(v, lang)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v, lang) for v in value) if value else "–"
    if isinstance(value, str):
        if ";" in value and " " not in value:  # a ';'-separated list of codes
            return ", ".join(_word(v, lang) for v in value.split(";") if v)
        return _word(value, lang)
    return str(value)


def _param_name(key: str, description: str, lang: str) -> str:
    """A parameter's name for people: the label ``param_<key>``, else its description
    (as the plugin wrote it), else the key."""
    name = f"param_{key}"
    return label(name, lang) if _has_label(name) else (description or key)


def _parameters(ev: Any, lang: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The parameters in force, compact: one line per target (its threshold, deadline and
    topics, and where they came from), then every other parameter by its name."""
    params = ev.params
    per_target: list[dict[str, str]] = []
    used: set[str] = set()
    targets = ev.communes[0].targets if ev.communes else ()
    for t in targets:
        keys = [
            k for k in (f"{t.id}.threshold", f"{t.id}.deadline", f"{t.id}.topics") if k in params
        ]
        used.update(keys)
        topics = params.get(f"{t.id}.topics")
        per_target.append(
            {
                "id": t.id,
                "title": t.title.get(lang),
                "rule": t.rule.describe(lang),
                "deadline": fmt_date(t.deadline),
                "topics": _plain(list(topics), lang) if topics else "",
                "origin": ", ".join(dict.fromkeys(params.origin(k) for k in keys)),
            }
        )
    definitions = params.definitions
    others = [
        {
            "name": _param_name(
                key, definitions[key].description if key in definitions else "", lang
            ),
            "value": _plain(params[key], lang, share=any(w in key for w in _SHARE_WORDS)),
            "origin": params.origin(key),
        }
        for key in sorted(params)
        if key not in used
    ]
    return per_target, others


def _agency_of(ev: Any, unit: str) -> tuple[pd.Series, dict[str, int]]:
    """Per member of ``unit`` (id as text): the name of the agency it works in (a cadre:
    the first agency of its posts, in the roster's order), and each agency's rank."""
    features = ev.features
    if features is None or unit not in ("cadres", "positions"):
        return pd.Series(dtype=object), {}
    agencies = features.agencies
    names = (
        agencies["name"].astype(object).fillna(pd.Series(agencies.index, index=agencies.index))
        if "name" in agencies
        else pd.Series(agencies.index.astype(str), index=agencies.index)
    )
    rank = {str(n): i for i, n in enumerate(dict.fromkeys(names.astype(str)))}
    order = pd.Series(range(len(agencies)), index=agencies.index)
    if unit == "positions":
        codes = features.positions["agency_code"]
        out = codes.map(names).astype(object).fillna(codes.astype(object))
        out.index = out.index.astype(str)
        return out.astype(str), rank
    a = features.assignments[["cadre_id", "agency_code"]].dropna().drop_duplicates()
    a = a.assign(o=a["agency_code"].map(order).fillna(len(order)))
    first = (
        a.sort_values(["cadre_id", "o"], kind="stable").groupby("cadre_id")["agency_code"].first()
    )
    out = first.map(names).astype(object).fillna(first.astype(object))
    out.index = out.index.astype(str)
    return out.astype(str), rank


def _groups(
    members: pd.DataFrame, agency: pd.Series, rank: dict[str, int], multi: bool
) -> list[dict[str, Any]]:
    """The failing members of one target grouped by agency (commune first for several
    communes), numbered through, each group with the bodies that must act."""
    if members.empty:
        return []
    frame = members.assign(
        agency=members["member_id"].astype(str).map(agency).astype(object).fillna(""),
    )
    frame = frame.assign(
        _rank=frame["agency"].map(rank).fillna(len(rank)),
        _commune=frame["commune"] if multi else "",
    ).sort_values(["_commune", "_rank", "agency"], kind="stable")
    frame = frame.assign(no=range(1, len(frame) + 1))
    groups = []
    for (commune, name), part in frame.groupby(["_commune", "agency"], sort=False):
        heading = " — ".join(str(x) for x in (commune, name) if x)
        groups.append(
            {
                "name": heading,
                "body": "; ".join(dict.fromkeys(b for b in part["body"].astype(str) if b)),
                "members": part.to_dict("records"),
            }
        )
    return groups


def _common(members: pd.DataFrame) -> str:
    """The one reason every listed member falls short for, when they share it ("" when
    reasons differ or nobody is listed): said once above the list instead of per line."""
    if len(members) < 2:
        return ""
    reasons = list(dict.fromkeys(members["explanation"].astype(str)))
    return reasons[0] if len(reasons) == 1 else ""


def _subjects(ev: Any) -> dict[tuple[str, str], str]:
    """(kind, id) -> how a finding's subject reads: a cadre's name and posts, a post's
    title, an agency's name."""
    features = ev.features
    if features is None:
        return {}
    from cadre_core.reports._explain import _member_names, _member_roles

    out: dict[tuple[str, str], str] = {}
    names, roles = _member_names(features, "cadres"), _member_roles(features, "cadres")
    for cid, name in names.items():
        role = roles.get(cid, "")
        out[("cadre", str(cid))] = f"{name} ({role})" if role else str(name)
    for kind, unit in (("position", "positions"), ("agency", "agencies")):
        for key, name in _member_names(features, unit).items():
            if name:
                out[(kind, str(key))] = str(name)
    return out


def _union_bodies(bodies: pd.Series, order: list[str]) -> str:
    """The distinct bodies of several lines, the plan's blocs first."""
    found = {b for text in bodies for b in str(text).split("; ") if b}
    rank = {name: i for i, name in enumerate(order)}
    return "; ".join(sorted(found, key=lambda b: (rank.get(b, len(rank)), b)))


def _caption(data: ReportData, satisfied: int, population: int, required: int, rule: str) -> str:
    return data.label("bullet_caption").format(
        satisfied=satisfied, population=population, required=required, rule=rule
    )


def _blank(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _opt(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _context(data: ReportData, sections: Sequence[ReportSection]) -> dict[str, Any]:
    ev = data.evaluation
    lang = data.lang
    s = data.summary
    plugins = ", ".join(f"{p.name} {p.version}" for p in ev.plugins)
    counts = s["status"].value_counts()
    kpi: dict[str, int | None] = {
        k: int(counts.get(k, 0)) for k in ("met", "not_met", "not_applicable")
    }
    kpi["overdue"] = int(s["overdue"].sum()) if len(s) else 0
    features = ev.features
    kpi["cadres"] = (
        int((features.cadres["active_positions"] > 0).sum())
        if features is not None and "active_positions" in features.cadres
        else None
    )

    def bullet_row(r: Any, title: str) -> dict[str, Any]:
        ratio, goal = _opt(r.ratio), _opt(r.goal)
        return {
            "chart": _charts.bullet(ratio, goal, r.status, title=title),
            "ratio": fmt_pct(ratio, lang),
            "caption": _caption(data, int(r.satisfied), int(r.population), int(r.required), r.rule),
        }

    dashboard: list[dict[str, Any]] = []
    order = [body_name(ev.bodies.get(b, b), lang) for b in ("party_front", "government")]
    first_line = dict(zip(s["id"], s["population_text"], strict=True))
    if data.multi:
        for r in records(data.province):
            applicable = int(r.met) + int(r.not_met)
            status = (
                "not_applicable"
                if applicable == 0
                else ("met" if int(r.not_met) == 0 else "not_met")
            )
            dashboard.append(
                {
                    "id": r.id,
                    "title": r.title,
                    "unit_text": f"{first_line[r.id]} ({int(r.population)} {r.unit})",
                    "status": status,
                    "status_label": r.summary,
                    "overdue": int(r.overdue) > 0,
                    "attainable": True,
                    "shortfall": int(r.shortfall),
                    "deadline": fmt_date(r.deadline),
                    "body": _union_bodies(s.loc[s["id"] == r.id, "body"], order),
                    **bullet_row(
                        _Row(
                            r.ratio, r.goal, status, r.satisfied, r.population, r.required, r.rule
                        ),
                        f"{r.id}",
                    ),
                }
            )
    else:
        for r in records(s):
            dashboard.append(
                {
                    "id": r.id,
                    "title": r.title,
                    "unit_text": f"{r.population_text} ({r.population} {r.unit})",
                    "status": r.status,
                    "status_label": r.status_label,
                    "overdue": bool(r.overdue),
                    "attainable": bool(r.attainable),
                    "shortfall": int(r.shortfall),
                    "deadline": fmt_date(r.deadline),
                    "body": r.body,
                    **bullet_row(r, f"{r.id}: {r.status_label}"),
                }
            )

    heat = []
    if data.multi:
        idx = {(r.commune, r.id): r for r in records(s)}
        for commune in data.communes:
            cells = []
            for tid in data.target_ids:
                row = idx[(commune, tid)]
                cells.append(
                    {
                        "id": tid,
                        "status": row["status"],
                        "status_label": row["status_label"],
                        "text": f"{int(row['satisfied'])}/{int(row['population'])}"
                        if row["status"] != "not_applicable"
                        else "–",
                    }
                )
            heat.append({"commune": commune, "cells": cells})

    trends = []
    if not data.trends.empty:
        for tid in data.target_ids:
            t = data.trends[data.trends["id"] == tid]
            days = list(t["as_of"])
            trends.append(
                {
                    "id": tid,
                    "title": str(t["title"].iloc[-1]),
                    "chart": _charts.trend(
                        days,
                        [_opt(v) for v in t["ratio"]],
                        [_opt(v) for v in t["goal"]],
                        list(t["status"]),
                        title=tid,
                        lang=lang,
                    ),
                    "caption": " → ".join(
                        f"{fmt_date(d)}: {fmt_pct(_opt(v), lang)}"
                        for d, v in zip(days, t["ratio"], strict=True)
                    ),
                }
            )

    details = []
    agency_of: dict[str, tuple[pd.Series, dict[str, int]]] = {}
    for tid in data.target_ids:
        lines_frame = s[s["id"] == tid]
        first = ev.communes[0].target(tid)
        members = data.failing[data.failing["target_id"] == tid]
        note = ""
        if first.rule.op == "any":
            note = data.label("any_note").format(requirement=first.requirement.get(lang))
            members = members.iloc[0:0]
        elif len(members) and (members["target_status"] == "met").all():
            note = data.label("met_but_some")
        statuses = set(lines_frame["status"])
        status = (
            "not_met"
            if "not_met" in statuses
            else ("met" if "met" in statuses else "not_applicable")
        )
        lines = []
        for r in records(lines_frame):
            sentence = data.label("line_status").format(
                status=r.status_label,
                satisfied=r.satisfied,
                population=r.population,
                ratio=fmt_pct(_opt(r.ratio), lang),
                rule=r.rule,
                required=r.required,
                shortfall=r.shortfall,
                deadline=fmt_date(r.deadline),
            )
            lines.append(
                {
                    "commune": r.commune,
                    "status": r.status,
                    "status_label": r.status_label,
                    "overdue": bool(r.overdue),
                    "shortfall": int(r.shortfall),
                    "body": r.body,
                    "sentence": sentence,
                    **bullet_row(r, f"{r.commune} {tid}"),
                }
            )
        agency, rank = agency_of.get(first.unit) or agency_of.setdefault(
            first.unit, _agency_of(ev, first.unit)
        )
        brief = status != "not_met"
        details.append(
            {
                "brief": brief,
                "groups": [] if brief else _groups(members, agency, rank, data.multi),
                "common": _common(members),
                "by_agency": first.unit in ("cadres", "positions"),
                "id": tid,
                "title": first.title.get(lang),
                "status": status,
                "status_label": data.label(status),
                "lines": lines,
                "population_text": first.population_text.get(lang),
                "requirement": first.requirement.get(lang),
                "source": first.source,
                "note": note,
                "members": members.to_dict("records"),
            }
        )

    target_params, params = _parameters(ev, lang)
    subjects = _subjects(ev)
    kinds = {
        (c.commune, f.rule, f.subject): f.subject_kind for c in ev.communes for f in c.findings
    }
    sources = list(dict.fromkeys(str(x) for x in data.findings["source"] if x))
    source_no = {src: i for i, src in enumerate(sources, 1)}
    findings = data.findings.assign(
        severity=data.findings["severity"].map(
            lambda v: data.label(f"severity_{v}") if f"severity_{v}" in _SEVERITIES else v
        ),
        subject=[
            subjects.get((kinds.get((c, r, sub), ""), str(sub)), str(sub))
            for c, r, sub in zip(
                data.findings["commune"],
                data.findings["rule"],
                data.findings["subject"],
                strict=True,
            )
        ],
        source_no=data.findings["source"].map(lambda x: source_no.get(str(x), 0)),
    )

    return {
        "lang": lang,
        "css": Markup(_css(lang, ev.as_of)),
        "L": {k: data.label(k) for k in _LABEL_KEYS},
        "communes": data.communes,
        "heading": ", ".join(data.communes),
        "as_of": fmt_date(ev.as_of),
        "history": [fmt_date(e.as_of) for e in data.history],
        "plugins": plugins,
        "multi": data.multi,
        "kpi": kpi,
        "dashboard": dashboard,
        "target_ids": data.target_ids,
        "heat": heat,
        "trends": trends,
        "details": details,
        "unrated": data.unrated.to_dict("records"),
        "findings": findings.to_dict("records"),
        "sections": [
            {
                "title": sec.title,
                "note": sec.note,
                "columns": [str(c) for c in sec.table.columns],
                "pairs": sec.title == data.label("report_audit_title")
                and len(sec.table.columns) == 2,
                "rows": [
                    ["" if _blank(v) else v for v in row]
                    for row in sec.table.to_numpy(dtype=object).tolist()
                ],
            }
            for sec in sections
        ],
        "target_params": target_params,
        "params": params,
        "finding_sources": sources,
    }


class _Row:
    """The fields :func:`_context`'s bullet rows read, for a province line."""

    def __init__(
        self,
        ratio: float | None,
        goal: float | None,
        status: str,
        satisfied: int,
        population: int,
        required: int,
        rule: str,
    ) -> None:
        self.ratio, self.goal, self.status = ratio, goal, status
        self.satisfied, self.population, self.required, self.rule = (
            satisfied,
            population,
            required,
            rule,
        )


def render(data: ReportData, sections: Sequence[ReportSection] = ()) -> str:
    """The HTML text of the report, with the evaluation embedded for ``cadre verify``."""
    page = _ENV.get_template("report.html").render(**_context(data, sections))
    return page.replace("</body>", html_block(data.evaluation) + "\n</body>", 1)


def write(data: ReportData, path: Path, sections: Sequence[ReportSection] = ()) -> Path:
    """Write the HTML report to ``path`` (UTF-8), whole or not at all."""
    write_atomic(path, render(data, sections))
    return path
