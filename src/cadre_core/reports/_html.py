"""The HTML report: one self-contained file (inline CSS and SVG, no script, no URL).

Rendered with jinja2 and autoescaping on, so names, titles and every other text from a
roster or a plugin are escaped; the only unescaped fragments are the SVG charts that
:mod:`cadre_core.reports._charts` builds with escaped text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from markupsafe import Markup

from cadre_core.plugins._sections import ReportSection
from cadre_core.reports import _charts, _meeting, _province
from cadre_core.reports._appendix import APPENDIX_LABELS, APPENDIX_MACRO
from cadre_core.reports._audit import html_block
from cadre_core.reports._data import ReportData, bullet_caption, kpis, records, section_cells
from cadre_core.reports._style import stylesheet
from cadre_core.vocab._files import write_atomic
from cadre_core.vocab._html import ADMIN_LABELS, ADMIN_MACROS, template
from cadre_core.vocab._labels import fmt_date, fmt_pct

TEMPLATE = (
    ADMIN_MACROS
    + APPENDIX_MACRO
    + """<!DOCTYPE html>
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
{{ letterhead(L, heading, ' print-only', L.doc_number_report) }}
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


<h2 id="dashboard">{{ L.dashboard }}</h2>
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
  {% for l in t.lines %}<span class="small">{{ l.sentence }}</span>{% endfor %}</p>
</section>
{% else %}
<section class="target {{ t.status }}" id="target-{{ t.id }}" data-target-id="{{ t.id }}" data-status="{{ t.status }}">
  <h3>{{ t.id }} — {{ t.title }} <span class="badge {{ t.status }}">{{ t.status_label }}</span>{% for l in t.lines %} <span class="sentence">{{ l.sentence }}</span>{% if l.overdue %} <span class="flag">({{ L.overdue }})</span>{% endif %}{% endfor %}</h3>
  <p class="small">{% for l in t.lines %}{{ L.col_body }}: <b>{{ l.body }}</b> · {% endfor %}{{ L.population_text }}: {{ t.population_text }} · {{ L.requirement }}: {{ t.requirement }} · {{ L.col_source }}: {{ t.source }}</p>
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
<table class="members stack"><thead><tr><th class="num">{{ L.col_no }}</th><th>{{ L.col_member }}</th><th>{{ L.col_role }}</th><th>{{ L.col_explanation }}</th><th>{{ L.col_body }}</th></tr></thead>
<tbody>{% for m in unrated %}<tr data-member-id="{{ m.member_id }}"><td class="num" data-label="{{ L.col_no }}">{{ loop.index }}</td><td data-label="{{ L.col_member }}">{{ m.member or m.member_id }}</td><td data-label="{{ L.col_role }}">{{ m.role }}</td><td data-label="{{ L.col_explanation }}">{{ m.explanation }}</td><td data-label="{{ L.col_body }}">{{ m.body }}</td></tr>{% endfor %}</tbody></table>
{% else %}<p class="small">{{ L.none_failing }}</p>{% endif %}

{% if findings %}
<h2 id="findings">{{ L.findings }}</h2>
<table class="findings stack fixed"><thead><tr><th class="num" style="width:3.5%">{{ L.col_no }}</th><th style="width:7%">{{ L.col_severity }}</th><th style="width:22%">{{ L.col_subject }}</th><th>{{ L.col_message }}</th><th style="width:17%">{{ L.col_body }}</th><th class="num" style="width:5%">{{ L.col_source }}</th></tr></thead>
<tbody>{% for f in findings %}<tr><td class="num" data-label="{{ L.col_no }}">{{ loop.index }}</td><td data-label="{{ L.col_severity }}">{{ f.severity }}</td><td data-label="{{ L.col_subject }}">{{ f.subject }}</td><td data-label="{{ L.col_message }}">{% if f.rule %}<b>{{ f.rule }}.</b> {% endif %}{{ f.message }}</td><td data-label="{{ L.col_body }}">{{ f.body }}</td><td class="num" data-label="{{ L.col_source }}">{% if f.source_no %}[{{ f.source_no }}]{% endif %}</td></tr>{% endfor %}</tbody></table>
{% if finding_sources %}<p class="small">{{ L.col_source }}:</p>
<ol class="sources">{% for s in finding_sources %}<li>{{ s }}</li>{% endfor %}</ol>{% endif %}
{% endif %}

{% for s in sections %}
<h2>{{ s.title }}</h2>
{% if s.note %}<p class="small">{{ s.note }}</p>{% endif %}
{% if s.pairs %}
<dl class="params pairs">{% for row in s.rows %}<div><dt>{{ row[0] }}:</dt><dd>{{ row[1] }}</dd></div>{% endfor %}</dl>
{% elif s.columns %}
<table class="stack"><thead><tr>{% for c in s.columns %}<th>{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in s.rows %}<tr>{% for v in row %}<td data-label="{{ s.columns[loop.index0] }}">{{ v }}</td>{% endfor %}</tr>{% endfor %}</tbody></table>
{% endif %}
{% endfor %}

{{ signatures(L, ' print-only') }}
{{ appendix(L, appendix_groups) }}
<footer>{{ L.report_title }} · {{ communes|join(", ") }} · {{ L.as_of }} {{ as_of }} · {{ L.generated_by }}: cadre_core ({{ plugins }})</footer>
</main>
</body>
</html>
"""
)

_TEMPLATE = template(TEMPLATE)

_LABEL_KEYS = [
    *ADMIN_LABELS,
    *APPENDIX_LABELS,
    "report_title",
    "as_of",
    "generated_by",
    "dashboard",
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


def _union_bodies(bodies: pd.Series, order: list[str]) -> str:
    """The distinct bodies of several lines, the plan's blocs first."""
    found = {b for text in bodies for b in str(text).split("; ") if b}
    rank = {name: i for i, name in enumerate(order)}
    return "; ".join(sorted(found, key=lambda b: (rank.get(b, len(rank)), b)))


def _said_once(rows: list[list[Any]]) -> list[list[Any]]:
    """Pairs (item, value) with the values of consecutive rows of one item joined, the
    item said once (the audit's input files).

    >>> _said_once([["a", 1], ["b", "x"], ["b", "y"], ["a", 2]])
    [['a', 1], ['b', 'x; y'], ['a', 2]]
    """
    out: list[list[Any]] = []
    for key, value in rows:
        if out and out[-1][0] == key:
            out[-1][1] = f"{out[-1][1]}; {value}"
        else:
            out.append([key, value])
    return out


def _opt(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _context(data: ReportData, sections: Sequence[ReportSection]) -> dict[str, Any]:
    ev = data.evaluation
    lang = data.lang
    s = data.summary
    plugins = ", ".join(f"{p.name} {p.version}" for p in ev.plugins)
    kpi = kpis(data)

    def bullet_row(r: Any, title: str) -> dict[str, Any]:
        ratio, goal = _opt(r.ratio), _opt(r.goal)
        return {
            "chart": _charts.bullet(ratio, goal, r.status, title=title),
            "ratio": fmt_pct(ratio, lang),
            "caption": bullet_caption(data, r),
        }

    dashboard: list[dict[str, Any]] = []
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
            first.unit, _meeting.agency_of(ev, first.unit)
        )
        brief = status != "not_met"
        details.append(
            {
                "brief": brief,
                "groups": [] if brief else _meeting.groups(members, agency, rank, data.multi),
                "common": _meeting.common_reason(members),
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

    target_params, params = _meeting.parameters(ev, lang)
    sources = list(dict.fromkeys(str(x) for x in data.findings["source"] if x))
    source_no = {src: i for i, src in enumerate(sources, 1)}
    findings = data.findings.assign(
        severity=data.findings["severity"].map(
            lambda v: data.label(f"severity_{v}") if f"severity_{v}" in _SEVERITIES else v
        ),
        source_no=data.findings["source"].map(lambda x: source_no.get(str(x), 0)),
    )

    return {
        "lang": lang,
        "css": Markup(stylesheet(lang, ev.as_of)),
        "L": {k: data.label(k) for k in _LABEL_KEYS},
        "communes": data.communes,
        "heading": ", ".join(data.communes),
        "as_of": fmt_date(ev.as_of),
        "history": [fmt_date(e.as_of) for e in data.history],
        "plugins": plugins,
        "kpi": kpi,
        "dashboard": dashboard,
        "target_ids": data.target_ids,
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
                "rows": _said_once(section_cells(sec.table, data.lang))
                if sec.title == data.label("report_audit_title") and len(sec.table.columns) == 2
                else section_cells(sec.table, data.lang),
            }
            for sec in sections
        ],
        "appendix_groups": _meeting.by_origin(target_params, params),
        "finding_sources": sources,
    }


def render(data: ReportData, sections: Sequence[ReportSection] = ()) -> str:
    """The HTML text of the report, with the evaluation embedded for ``cadre verify``."""
    page = (
        _province.render(data, sections)
        if data.multi
        else _TEMPLATE.render(**_context(data, sections))
    )
    return page.replace("</body>", html_block(data.evaluation) + "\n</body>", 1)


def write(data: ReportData, path: Path, sections: Sequence[ReportSection] = ()) -> Path:
    """Write the HTML report to ``path`` (UTF-8), whole or not at all."""
    write_atomic(path, render(data, sections))
    return path
