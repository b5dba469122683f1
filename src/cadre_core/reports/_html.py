"""The HTML report: one self-contained file (inline CSS and SVG, no script, no URL).

Rendered with jinja2 and autoescaping on, so names, titles and every other text from a
roster or a plugin are escaped; the only unescaped fragments are the SVG charts that
:mod:`cadre_core.reports._charts` builds with escaped text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd
from markupsafe import Markup

from cadre_core.plugins._sections import ReportSection
from cadre_core.reports import _charts, _province
from cadre_core.reports._audit import html_block
from cadre_core.reports._data import ReportData, records
from cadre_core.vocab._files import write_atomic
from cadre_core.vocab._labels import body_name, fmt_date, fmt_pct

CSS = """
:root { --ink:#1b1f23; --muted:#5f6b76; --line:#d5dde3; --met:#2e7d32; --met-bg:#e3f1e4;
  --bad:#c62828; --bad-bg:#fbe4e4; --na:#757575; --na-bg:#eeeeee; --accent:#1f4e79; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #f4f6f8;
  font: 14px/1.45 "DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif; }
main { max-width: 1360px; margin: 0 auto; padding: 20px 28px 40px; background: #fff; }
header.masthead { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 16px; }
.kicker { color: var(--accent); font-weight: bold; letter-spacing: .04em; font-size: 13px; }
h1 { margin: 4px 0 2px; font-size: 26px; }
h2 { font-size: 19px; color: var(--accent); margin: 28px 0 10px;
  border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 0 0 6px; }
.meta { color: var(--muted); margin: 2px 0; font-size: 13px; }
.kpis { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0 4px; }
.kpi { border: 1px solid var(--line); border-left-width: 6px; border-radius: 4px;
  padding: 8px 14px; min-width: 170px; }
.kpi b { display: block; font-size: 24px; }
.kpi.met { border-left-color: var(--met); } .kpi.not_met { border-left-color: var(--bad); }
.kpi.not_applicable { border-left-color: var(--na); } .kpi.overdue { border-left-color: #6a1b9a; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: top; text-align: left; }
thead th { background: var(--accent); color: #fff; font-weight: bold; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.small { font-size: 12px; color: var(--muted); }
.badge { display: inline-block; padding: 2px 8px; border-radius: 10px; font-weight: bold;
  font-size: 12px; white-space: nowrap; }
.badge.met { background: var(--met-bg); color: var(--met); }
.badge.not_met { background: var(--bad-bg); color: var(--bad); }
.badge.not_applicable { background: var(--na-bg); color: var(--na); }
.flag { color: #6a1b9a; font-weight: bold; font-size: 12px; }
.short { color: var(--bad); font-weight: bold; }
.bulletcell { white-space: nowrap; }
.bulletcell svg { display: block; }
.caption { font-size: 12px; color: var(--muted); }
.caption b { color: var(--ink); }
a { color: var(--accent); }
a.id { font-weight: bold; text-decoration: none; white-space: nowrap; }
.heat th.rot { font-size: 11px; padding: 4px 2px; text-align: center; }
.heat td.cell { text-align: center; font-size: 12px; font-weight: bold; white-space: nowrap; }
.heat td.cell.met { background: #c8e6c9 !important; color: #1b5e20; }
.heat td.cell.not_met { background: #ffcdd2 !important; color: #b71c1c; }
.heat td.cell.not_applicable { background: #eeeeee !important; color: #757575; }
.trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 14px; }
.trend-card { border: 1px solid var(--line); border-radius: 4px; padding: 8px; }
.trend-card h3 { font-size: 13px; }
.trend-card svg { width: 100%; height: auto; }
section.target { border: 1px solid var(--line); border-left: 6px solid var(--na);
  border-radius: 4px; padding: 12px 14px; margin: 14px 0; }
section.target.met { border-left-color: var(--met); }
section.target.not_met { border-left-color: var(--bad); }
.statusline { margin: 4px 0; }
.legend { font-size: 12px; color: var(--muted); margin: 6px 0; }
.legend .sw { display: inline-block; width: 12px; height: 12px; vertical-align: -2px;
  margin: 0 4px 0 12px; border-radius: 2px; }
footer { margin-top: 30px; font-size: 11px; color: var(--muted); border-top: 1px solid var(--line);
  padding-top: 6px; }
.params td { font-size: 11px; word-break: break-word; }
@page { size: A4 landscape; margin: 10mm 10mm 12mm 10mm; }
@media print {
  body { background: #fff; font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; } h2 { font-size: 13pt; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, .kpi, .trend-card { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .page { break-before: page; }
  section.target { break-inside: auto; }
  .noprint { display: none !important; }
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
  <div class="kicker">{{ L.report_title }}</div>
  <h1>{{ heading }}</h1>
  <p class="meta">{{ L.as_of }}: <b>{{ as_of }}</b>{% if history|length > 1 %} · {{ L.trends }}: {{ history|join(", ") }}{% endif %}</p>
  <p class="meta">{{ L.generated_by }}: cadre_core ({{ plugins }})</p>
</header>

<section class="kpis" aria-label="{{ L.dashboard }}">
  <div class="kpi met"><b>{{ kpi.met }}</b>{{ L.count_met }}</div>
  <div class="kpi not_met"><b>{{ kpi.not_met }}</b>{{ L.count_not_met }}</div>
  <div class="kpi not_applicable"><b>{{ kpi.not_applicable }}</b>{{ L.count_na }}</div>
  <div class="kpi overdue"><b>{{ kpi.overdue }}</b>{{ L.count_overdue }}</div>
</section>
{% if multi %}<p class="small">{{ L.kpi_multi }}</p>{% endif %}

<h2 id="dashboard">{% if multi %}{{ L.province_title }}{% else %}{{ L.dashboard }}{% endif %}</h2>
<p class="legend">{{ L.legend_bar }}
  <span class="sw" style="background:#2e7d32"></span>{{ L.met }}
  <span class="sw" style="background:#c62828"></span>{{ L.not_met }}
  <span class="sw" style="background:#9e9e9e"></span>{{ L.not_applicable }}</p>
<table class="dashboard">
<thead><tr>
  <th>{{ L.col_id }}</th><th>{{ L.col_target }}</th><th>{{ L.col_progress }}</th>
  <th>{{ L.col_status }}</th><th class="num">{{ L.col_shortfall }}</th>
  <th>{{ L.col_deadline }}</th><th>{{ L.col_body }}</th>
</tr></thead>
<tbody>
{% for r in dashboard %}
<tr class="target-row" data-target-id="{{ r.id }}" data-status="{{ r.status }}">
  <td><a class="id" href="#target-{{ r.id }}">{{ r.id }}</a></td>
  <td>{{ r.title }}<div class="small">{{ r.unit_text }}</div></td>
  <td class="bulletcell">{{ r.chart }}<div class="caption"><b>{{ r.ratio }}</b> · {{ r.caption }}</div></td>
  <td><span class="badge {{ r.status }}">{{ r.status_label }}</span>
    {% if r.overdue %}<div class="flag">{{ L.overdue }}</div>{% endif %}
    {% if not r.attainable and r.status == "not_met" %}<div class="flag">{{ L.unattainable }}</div>{% endif %}</td>
  <td class="num {% if r.shortfall %}short{% endif %}">{{ r.shortfall }}</td>
  <td class="nowrap">{{ r.deadline }}</td>
  <td>{{ r.body }}</td>
</tr>
{% endfor %}
</tbody>
</table>

{% if multi %}
<h2 id="heatmap" class="page">{{ L.heatmap }}</h2>
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
{% for t in details %}
<section class="target {{ t.status }}" id="target-{{ t.id }}" data-target-id="{{ t.id }}" data-status="{{ t.status }}">
  <h3>{{ t.id }} — {{ t.title }} <span class="badge {{ t.status }}">{{ t.status_label }}</span></h3>
  {% if multi %}
  <table class="lines"><thead><tr><th>{{ L.col_commune }}</th><th>{{ L.col_progress }}</th><th>{{ L.col_status }}</th><th class="num">{{ L.col_shortfall }}</th><th>{{ L.col_body }}</th></tr></thead><tbody>
  {% for l in t.lines %}<tr data-commune="{{ l.commune }}" data-status="{{ l.status }}"><td>{{ l.commune }}</td><td class="bulletcell">{{ l.chart }}<div class="caption"><b>{{ l.ratio }}</b> · {{ l.caption }}</div></td><td><span class="badge {{ l.status }}">{{ l.status_label }}</span>{% if l.overdue %} <span class="flag">{{ L.overdue }}</span>{% endif %}</td><td class="num {% if l.shortfall %}short{% endif %}">{{ l.shortfall }}</td><td>{{ l.body }}</td></tr>{% endfor %}
  </tbody></table>
  {% else %}
  {% for l in t.lines %}<p class="statusline"><b>{{ l.sentence }}</b>{% if l.overdue %} <span class="flag">({{ L.overdue }})</span>{% endif %}</p>
  <p class="statusline">{{ L.col_body }}: <b>{{ l.body }}</b></p>{% endfor %}
  {% endif %}
  <p class="small">{{ L.population_text }}: {{ t.population_text }} · {{ L.requirement }}: {{ t.requirement }}</p>
  <p class="small">{{ L.col_source }}: {{ t.source }}</p>
  {% if t.note %}<p>{{ t.note }}</p>{% endif %}
  {% if t.members %}
  <table class="members"><thead><tr><th class="num">{{ L.col_no }}</th>{% if multi %}<th>{{ L.col_commune }}</th>{% endif %}<th>{{ L.col_member_id }}</th><th>{{ L.col_member }}</th><th>{{ L.col_role }}</th><th>{{ L.col_explanation }}</th><th>{{ L.col_body }}</th></tr></thead>
  <tbody>{% for m in t.members %}<tr data-member-id="{{ m.member_id }}"><td class="num">{{ loop.index }}</td>{% if multi %}<td>{{ m.commune }}</td>{% endif %}<td class="nowrap">{{ m.member_id }}</td><td>{{ m.member }}</td><td>{{ m.role }}</td><td>{{ m.explanation }}</td><td>{{ m.body }}</td></tr>{% endfor %}</tbody></table>
  {% elif not t.note %}<p class="small">{{ L.none_failing }}</p>{% endif %}
  <p class="small noprint"><a href="#top">↑ {{ L.back_to_top }}</a></p>
</section>
{% endfor %}

<h2 id="unrated" class="page">{{ L.unrated }}</h2>
{% if unrated %}
<table class="members"><thead><tr><th class="num">{{ L.col_no }}</th>{% if multi %}<th>{{ L.col_commune }}</th>{% endif %}<th>{{ L.col_member_id }}</th><th>{{ L.col_member }}</th><th>{{ L.col_role }}</th><th>{{ L.col_explanation }}</th><th>{{ L.col_body }}</th></tr></thead>
<tbody>{% for m in unrated %}<tr data-member-id="{{ m.member_id }}"><td class="num">{{ loop.index }}</td>{% if multi %}<td>{{ m.commune }}</td>{% endif %}<td>{{ m.member_id }}</td><td>{{ m.member }}</td><td>{{ m.role }}</td><td>{{ m.explanation }}</td><td>{{ m.body }}</td></tr>{% endfor %}</tbody></table>
{% else %}<p class="small">{{ L.none_failing }}</p>{% endif %}

{% if findings %}
<h2 id="findings">{{ L.findings }}</h2>
<table><thead><tr>{% if multi %}<th>{{ L.col_commune }}</th>{% endif %}<th>{{ L.col_rule_id }}</th><th>{{ L.col_severity }}</th><th>{{ L.col_subject }}</th><th>{{ L.col_message }}</th><th>{{ L.col_body }}</th></tr></thead>
<tbody>{% for f in findings %}<tr>{% if multi %}<td>{{ f.commune }}</td>{% endif %}<td>{{ f.rule }}</td><td>{{ f.severity }}</td><td>{{ f.subject }}</td><td>{{ f.message }}</td><td>{{ f.body }}</td></tr>{% endfor %}</tbody></table>
{% endif %}

{% for s in sections %}
<h2 class="page">{{ s.title }}</h2>
{% if s.note %}<p>{{ s.note }}</p>{% endif %}
<table><thead><tr>{% for c in s.columns %}<th>{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in s.rows %}<tr>{% for v in row %}<td>{{ v }}</td>{% endfor %}</tr>{% endfor %}</tbody></table>
{% endfor %}

<h2 id="about" class="page">{{ L.about }}</h2>
<table class="params"><thead><tr><th>{{ L.col_key }}</th><th>{{ L.col_value }}</th><th>{{ L.col_origin }}</th></tr></thead>
<tbody>{% for p in params %}<tr><td class="nowrap">{{ p.key }}</td><td>{{ p.value }}</td><td class="nowrap">{{ p.origin }}</td></tr>{% endfor %}</tbody></table>
<footer>{{ L.report_title }} · {{ communes|join(", ") }} · {{ L.as_of }} {{ as_of }} · cadre_core ({{ plugins }})</footer>
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
]


_SEVERITIES = {"severity_error", "severity_warning", "severity_info"}


def _plain(value: Any) -> str:
    """A parameter value as plain words: lists comma-joined, mappings as ``key: value``."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    return str(value)


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
    kpi = {k: int(counts.get(k, 0)) for k in ("met", "not_met", "not_applicable")}
    kpi["overdue"] = int(s["overdue"].sum()) if len(s) else 0

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
        details.append(
            {
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

    params = [
        {"key": key, "value": _plain(item.get("value")), "origin": item.get("from", "")}
        for key, item in ev.params.to_json().items()
    ]
    findings = data.findings.assign(
        severity=data.findings["severity"].map(
            lambda v: data.label(f"severity_{v}") if f"severity_{v}" in _SEVERITIES else v
        )
    )

    return {
        "lang": lang,
        "css": Markup(CSS),
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
                "rows": [
                    ["" if _blank(v) else v for v in row]
                    for row in sec.table.to_numpy(dtype=object).tolist()
                ],
            }
            for sec in sections
        ],
        "params": params,
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
    page = (
        _province.render(data, sections)
        if data.multi
        else _ENV.get_template("report.html").render(**_context(data, sections))
    )
    return page.replace("</body>", html_block(data.evaluation) + "\n</body>", 1)


def write(data: ReportData, path: Path, sections: Sequence[ReportSection] = ()) -> Path:
    """Write the HTML report to ``path`` (UTF-8), whole or not at all."""
    write_atomic(path, render(data, sections))
    return path
