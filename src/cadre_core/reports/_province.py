"""The province view: the HTML report on several communes, compact and linear in size.

One page per province (or any set of communes): the province's name, the communes ranked
with their totals, a commune x target status map whose cells carry a symbol and a number
(readable in black-and-white print), the province's line per target, a trend per commune
when several days are given, and per commune only its unmet targets with the shortfall
and the body that must act. No one is listed by name: who falls short in a commune is in
that commune's own report (``cadre evaluate ... --commune NAME``), which is what keeps a
500-commune report small. What was set aside or not read, the plugins' sections and the
parameters follow, as in the commune report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from markupsafe import Markup

from cadre_core.plugins._sections import ReportSection
from cadre_core.reports import _charts, _html
from cadre_core.reports._appendix import APPENDIX_LABELS, APPENDIX_MACRO
from cadre_core.reports._data import (
    ReportData,
    commune_provinces,
    commune_totals,
    commune_trend_frame,
    province_name,
    records,
    section_cells,
    status_cells,
)
from cadre_core.reports._meeting import by_origin, parameters
from cadre_core.reports._style import stylesheet
from cadre_core.vocab._html import ADMIN_LABELS, ADMIN_MACROS, template
from cadre_core.vocab._labels import body_name, fmt_date, fmt_pct

PROVINCE_CSS = """
.wrap { overflow-x: auto; max-width: 100%; }
.heat { width: auto; }
.heat th[scope=row], .heat thead th:first-child { position: sticky; left: 0; z-index: 1;
  background: #fff; color: var(--ink); min-width: 9em; }
.heat thead th:first-child { background: var(--accent); color: #fff; }
.heat td.cell { min-width: 3.2em; }
.rank td.rk { font-weight: bold; text-align: right; }
.commune { border: 1px solid var(--line); border-left: 6px solid var(--na); border-radius: 4px;
  padding: 8px 12px; margin: 10px 0; }
.commune.met { border-left-color: var(--met); } .commune.not_met { border-left-color: var(--bad); }
.commune h3 { font-size: 15px; margin: 0 0 4px; }
.commune ul { margin: 4px 0 0 18px; padding: 0; }
.commune li { margin: 2px 0; }
.hint { background: #f4f6f8; border: 1px solid var(--line); border-radius: 4px; padding: 6px 10px; }
.hint code { word-break: break-word; }
svg.spark { display: inline-block; vertical-align: middle; }
svg { max-width: 100%; }
@media (max-width: 640px) {
  main { padding: 12px 10px 28px; }
  h1 { font-size: 21px; }
  .kpi { min-width: 0; flex: 1 1 40%; }
  table.stack thead { display: none; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 8px; }
  table.stack td { border: 0; border-bottom: 1px solid var(--line); text-align: left; }
  table.stack td::before { content: attr(data-label) ": "; font-weight: bold; color: var(--muted); }
  table.stack td.bulletcell svg { width: 100%; height: auto; }
}
@media print {
  .wrap { overflow: visible; }
  .heat th[scope=row], .heat thead th:first-child { position: static; }
  .commune { break-inside: avoid; }
}
"""

TEMPLATE = (
    ADMIN_MACROS
    + APPENDIX_MACRO
    + """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cadre_core">
<title>{{ L.province_report }} — {{ heading }} — {{ as_of }}</title>
<style>{{ css }}</style>
</head>
<body>
<main id="top" class="province">
{{ letterhead(L, heading, ' print-only', L.doc_number_report) }}
<header class="masthead">
  <div class="kicker">{{ L.province_report }}</div>
  <h1 id="province-name">{{ heading }}</h1>
  <p class="meta">{{ n_communes }} · {{ L.as_of }}: <b>{{ as_of }}</b>{% if history|length > 1 %} · {{ L.trends }}: {{ history|join(", ") }}{% endif %}</p>
  <p class="meta">{{ L.generated_by }}: cadre_core ({{ plugins }})</p>
</header>

<section class="kpis" aria-label="{{ L.dashboard }}">
  <div class="kpi met"><b>{{ kpi.met }}</b>{{ L.count_met }}</div>
  <div class="kpi not_met"><b>{{ kpi.not_met }}</b>{{ L.count_not_met }}</div>
  <div class="kpi not_applicable"><b>{{ kpi.not_applicable }}</b>{{ L.count_na }}</div>
  <div class="kpi overdue"><b>{{ kpi.overdue }}</b>{{ L.count_overdue }}</div>
</section>
<p class="small">{{ L.kpi_multi }}</p>

<h2 id="ranking">{{ L.ranking }}</h2>
<p class="legend">{{ L.ranking_note }}</p>
<div class="wrap">
<table class="rank stack">
<thead><tr><th class="num">{{ L.col_rank }}</th><th>{{ L.col_commune }}</th>{% if show_province %}<th>{{ L.col_province }}</th>{% endif %}
<th class="num">{{ L.col_targets_met }}</th><th class="num">{{ L.col_targets_not_met }}</th><th class="num">{{ L.col_targets_na }}</th><th class="num">{{ L.col_targets_overdue }}</th><th class="num">{{ L.col_total_shortfall }}</th></tr></thead>
<tbody>
{% for r in ranking %}<tr class="commune-row" data-commune="{{ r.commune }}" data-rank="{{ r.rank }}" data-met="{{ r.met }}" data-not-met="{{ r.not_met }}" data-shortfall="{{ r.shortfall }}">
<td class="num rk" data-label="{{ L.col_rank }}">{{ r.rank }}</td><td data-label="{{ L.col_commune }}"><a href="#commune-{{ r.anchor }}">{{ r.commune }}</a></td>{% if show_province %}<td data-label="{{ L.col_province }}">{{ r.province }}</td>{% endif %}
<td class="num" data-label="{{ L.col_targets_met }}">{{ r.met }}</td><td class="num {% if r.not_met %}short{% endif %}" data-label="{{ L.col_targets_not_met }}">{{ r.not_met }}</td><td class="num" data-label="{{ L.col_targets_na }}">{{ r.not_applicable }}</td><td class="num" data-label="{{ L.col_targets_overdue }}">{{ r.overdue }}</td><td class="num {% if r.shortfall %}short{% endif %}" data-label="{{ L.col_total_shortfall }}">{{ r.shortfall }}</td></tr>
{% endfor %}
</tbody>
</table>
</div>

<h2 id="heatmap" class="page">{{ L.heatmap }}</h2>
<p class="legend">{{ L.heatmap_legend }}</p>
<div class="wrap">
<table class="heat">
<thead><tr><th>{{ L.col_commune }}</th>
{% for tid in target_ids %}<th class="rot"><a href="#target-{{ tid }}" style="color:#fff">{{ tid }}</a></th>{% endfor %}
</tr></thead>
<tbody>
{% for row in heat %}<tr><th scope="row">{{ row.commune }}</th>{% for c in row.cells %}<td class="cell {{ c.status }}" data-commune="{{ row.commune }}" data-target-id="{{ c.id }}" data-status="{{ c.status }}" title="{{ row.commune }} · {{ c.id }}: {{ c.status_label }}">{{ c.text }}</td>{% endfor %}</tr>
{% endfor %}
</tbody>
</table>
</div>

<h2 id="dashboard" class="page">{{ L.province_title }}</h2>
<p class="legend">{{ L.legend_bar }}
  <span class="sw" style="background:#2e7d32"></span>{{ L.met }}
  <span class="sw" style="background:#c62828"></span>{{ L.not_met }}
  <span class="sw" style="background:#9e9e9e"></span>{{ L.not_applicable }}</p>
<div class="wrap">
<table class="dashboard stack">
<thead><tr>
  <th>{{ L.col_id }}</th><th>{{ L.col_target }}</th><th>{{ L.col_progress }}</th>
  <th>{{ L.col_status }}</th><th class="num">{{ L.col_shortfall }}</th>
  <th>{{ L.col_deadline }}</th><th>{{ L.col_body }}</th>
</tr></thead>
<tbody>
{% for r in dashboard %}<tr class="target-row" id="target-{{ r.id }}" data-target-id="{{ r.id }}" data-status="{{ r.status }}">
  <td data-label="{{ L.col_id }}"><b>{{ r.id }}</b></td>
  <td data-label="{{ L.col_target }}">{{ r.title }}<div class="small">{{ r.unit_text }}</div><div class="small">{{ L.requirement }}: {{ r.requirement }}</div><div class="small">{{ L.col_source }}: {{ r.source }}</div></td>
  <td class="bulletcell" data-label="{{ L.col_progress }}">{{ r.chart }}<div class="caption"><b>{{ r.ratio }}</b> · {{ r.caption }}</div></td>
  <td data-label="{{ L.col_status }}"><span class="badge {{ r.status }}">{{ r.status_label }}</span>{% if r.overdue %}<div class="flag">{{ L.overdue }}</div>{% endif %}</td>
  <td class="num {% if r.shortfall %}short{% endif %}" data-label="{{ L.col_shortfall }}">{{ r.shortfall }}</td>
  <td class="nowrap" data-label="{{ L.col_deadline }}">{{ r.deadline }}</td>
  <td data-label="{{ L.col_body }}">{{ r.body }}</td>
</tr>
{% endfor %}
</tbody>
</table>
</div>

{% if commune_trends %}
<h2 id="commune-trends" class="page">{{ L.commune_trends }}</h2>
<p class="legend">{{ L.commune_trends_note }}</p>
<div class="wrap">
<table class="ctrend">
<thead><tr><th>{{ L.col_commune }}</th>{% for d in history %}<th class="num">{{ d }}</th>{% endfor %}<th></th></tr></thead>
<tbody>
{% for t in commune_trends %}<tr data-commune="{{ t.commune }}"><th scope="row">{{ t.commune }}</th>{% for v in t.cells %}<td class="num">{{ v }}</td>{% endfor %}<td>{{ t.chart }}</td></tr>
{% endfor %}
</tbody>
</table>
</div>
{% endif %}

{% if trends %}
<h2 id="trends" class="page">{{ L.province_trends }}</h2>
<p class="legend">{{ L.legend_trend }}</p>
<div class="trends">
{% for t in trends %}<div class="trend-card" data-target-id="{{ t.id }}"><h3>{{ t.id }} — {{ t.title }}</h3>{{ t.chart }}
<div class="caption">{{ t.caption }}</div></div>
{% endfor %}
</div>
{% endif %}

<h2 id="communes" class="page">{{ L.commune_sections }}</h2>
<p class="hint">{{ hint }}</p>
{% for c in communes %}
<section class="commune {{ c.status }}" id="commune-{{ c.anchor }}" data-commune="{{ c.commune }}">
<h3>{{ c.rank }}. {{ c.commune }}{% if c.province %} <span class="small">({{ c.province }})</span>{% endif %}</h3>
<p class="small">{{ c.counts }}</p>
{% if c.unmet %}<ul>{% for u in c.unmet %}<li data-target-id="{{ u.id }}"><b>{{ u.id }}</b> {{ u.title }}: <span class="short">{{ u.shortfall }}</span>{% if u.overdue %} <span class="flag">({{ L.overdue }})</span>{% endif %} · {{ u.deadline }} · {{ u.body }}</li>{% endfor %}</ul>
{% else %}<p class="small">{{ L.commune_all_met }}</p>{% endif %}
</section>
{% endfor %}

{% for s in sections %}
<h2 class="page">{{ s.title }}</h2>
{% if s.note %}<p>{{ s.note }}</p>{% endif %}
{% if s.columns %}<div class="wrap">
<table><thead><tr>{% for c in s.columns %}<th>{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in s.rows %}<tr>{% for v in row %}<td>{{ v }}</td>{% endfor %}</tr>{% endfor %}</tbody></table>
</div>{% endif %}
{% endfor %}

{{ signatures(L, ' print-only') }}
{{ appendix(L, appendix_groups, ' page') }}
<footer>{{ L.province_report }} · {{ heading }} · {{ L.as_of }} {{ as_of }} · cadre_core ({{ plugins }})</footer>
</main>
</body>
</html>
"""
)

_TEMPLATE = template(TEMPLATE)

_LABEL_KEYS = (
    *ADMIN_LABELS,
    *APPENDIX_LABELS,
    "province_report",
    "as_of",
    "generated_by",
    "dashboard",
    "trends",
    "heatmap",
    "heatmap_legend",
    "legend_bar",
    "legend_trend",
    "met",
    "not_met",
    "not_applicable",
    "overdue",
    "count_met",
    "count_not_met",
    "count_na",
    "count_overdue",
    "kpi_multi",
    "ranking",
    "ranking_note",
    "col_rank",
    "col_commune",
    "col_province",
    "col_targets_met",
    "col_targets_not_met",
    "col_targets_na",
    "col_targets_overdue",
    "col_total_shortfall",
    "col_id",
    "col_target",
    "col_progress",
    "col_status",
    "col_shortfall",
    "col_deadline",
    "col_body",
    "col_source",
    "col_origin",
    "requirement",
    "province_title",
    "province_trends",
    "commune_trends",
    "commune_trends_note",
    "commune_sections",
    "commune_all_met",
)


def _overall(met: int, not_met: int) -> str:
    """The status of several lines: not met if one is, met if one is, else n.a."""
    return "not_met" if not_met else ("met" if met else "not_applicable")


def _anchors(communes: Sequence[str]) -> dict[str, str]:
    """A unique, URL-safe anchor per commune (its position: names repeat across provinces)."""
    return {c: str(i + 1) for i, c in enumerate(communes)}


def _dashboard(data: ReportData) -> list[dict[str, Any]]:
    """The province's line per target: communes met of applicable, summed counts."""
    ev, lang, s = data.evaluation, data.lang, data.summary
    order = [body_name(ev.bodies.get(b, b), lang) for b in ("party_front", "government")]
    first = s.drop_duplicates("id").set_index("id")
    bodies = s.groupby("id", sort=False)["body"].agg(lambda b: _html._union_bodies(b, order))
    rows = []
    for r in records(data.province):
        status = _overall(int(r.met), int(r.not_met))
        ratio, goal = _html._opt(r.ratio), _html._opt(r.goal)
        rows.append(
            {
                "id": r.id,
                "title": r.title,
                "unit_text": f"{first.at[r.id, 'population_text']!s} ({int(r.population)} {r.unit})",
                "requirement": first.at[r.id, "requirement"],
                "source": first.at[r.id, "source"],
                "status": status,
                "status_label": r.summary,
                "overdue": int(r.overdue) > 0,
                "shortfall": int(r.shortfall),
                "deadline": fmt_date(r.deadline),
                "body": bodies[r.id],
                "chart": _charts.bullet(ratio, goal, status, title=str(r.id)),
                "ratio": fmt_pct(ratio, lang),
                "caption": data.label("bullet_caption").format(
                    satisfied=int(r.satisfied),
                    population=int(r.population),
                    required=int(r.required),
                    rule=r.rule,
                ),
            }
        )
    return rows


def _heat(data: ReportData) -> list[dict[str, Any]]:
    """The status map's rows: per commune, one cell per target in target order."""
    cells = status_cells(data.summary, data.lang)
    order = {tid: i for i, tid in enumerate(data.target_ids)}
    cells = cells.assign(_o=cells["id"].map(order)).sort_values("_o", kind="stable")
    by_commune: dict[str, list[dict[str, Any]]] = {}
    for cell in records(cells.drop(columns="_o")):
        by_commune.setdefault(str(cell["commune"]), []).append(cell)
    return [{"commune": c, "cells": by_commune.get(c, [])} for c in data.communes]


def _commune_trends(data: ReportData) -> list[dict[str, Any]]:
    """Per commune: targets met / applicable (shortfall) each day, and a sparkline."""
    frame = commune_trend_frame(data.history)
    if frame.empty:
        return []
    out = []
    days: dict[str, list[tuple[int, int, int]]] = {}
    for commune, met, applicable, shortfall in zip(
        frame["commune"], frame["met"], frame["applicable"], frame["shortfall"], strict=True
    ):
        days.setdefault(str(commune), []).append((int(met), int(applicable), int(shortfall)))
    for commune in data.communes:
        seen = days.get(commune, [])
        out.append(
            {
                "commune": commune,
                "cells": [f"{m}/{a} ({sf})" for m, a, sf in seen],
                "chart": _charts.sparkline(
                    [m / a if a else None for m, a, _ in seen], title=commune
                ),
            }
        )
    return out


def _trends(data: ReportData) -> list[dict[str, Any]]:
    """The pooled province trend per target (summed counts over the communes)."""
    if data.trends.empty:
        return []
    out = []
    for tid, t in data.trends.groupby("id", sort=False):
        days = list(t["as_of"])
        out.append(
            {
                "id": tid,
                "title": str(t["title"].iloc[-1]),
                "chart": _charts.trend(
                    days,
                    [_html._opt(v) for v in t["ratio"]],
                    [_html._opt(v) for v in t["goal"]],
                    list(t["status"]),
                    title=str(tid),
                    lang=data.lang,
                ),
                "caption": " → ".join(
                    f"{fmt_date(d)}: {fmt_pct(_html._opt(v), data.lang)}"
                    for d, v in zip(days, t["ratio"], strict=True)
                ),
            }
        )
    return out


def _communes(
    data: ReportData, totals: pd.DataFrame, provinces: pd.Series, anchors: dict[str, str]
) -> list[dict[str, Any]]:
    """Each commune's compact section: totals, then its unmet targets with the shortfall,
    deadline and the body that must act (no one listed by name)."""
    s = data.summary
    unmet = s[s["status"] == "not_met"]
    by_commune: dict[str, list[Any]] = {}
    for u in records(unmet):
        by_commune.setdefault(str(u.commune), []).append(u)
    findings = data.findings.groupby("commune", sort=False).size()
    unrated = data.unrated.groupby("commune", sort=False).size()
    out = []
    for r in records(totals.sort_values(["rank"], kind="stable")):
        c = str(r.commune)
        out.append(
            {
                "commune": c,
                "anchor": anchors[c],
                "rank": int(r["rank"]),
                "province": str(provinces.get(c, "")),
                "status": _overall(int(r.met), int(r.not_met)),
                "counts": data.label("commune_counts").format(
                    met=int(r.met),
                    not_met=int(r.not_met),
                    na=int(r.not_applicable),
                    shortfall=int(r.shortfall),
                    findings=int(findings.get(c, 0)),
                    unrated=int(unrated.get(c, 0)),
                ),
                "unmet": [
                    {
                        "id": u.id,
                        "title": u.title,
                        "shortfall": data.label("shortfall_of").format(n=int(u.shortfall)),
                        "overdue": bool(u.overdue),
                        "deadline": fmt_date(u.deadline),
                        "body": u.body,
                    }
                    for u in by_commune.get(c, [])
                ],
            }
        )
    return out


def _context(data: ReportData, sections: Sequence[ReportSection]) -> dict[str, Any]:
    ev, lang, s = data.evaluation, data.lang, data.summary
    counts = s["status"].value_counts()
    kpi = {k: int(counts.get(k, 0)) for k in ("met", "not_met", "not_applicable")}
    kpi["overdue"] = int(s["overdue"].sum()) if len(s) else 0
    n_communes = data.label("n_communes").format(n=len(data.communes))
    heading = province_name(ev, lang) or n_communes
    totals = commune_totals(s)
    provinces = commune_provinces(ev)
    anchors = _anchors(data.communes)
    show_province = provinces.nunique() > 1
    ranking = [
        {**r, "anchor": anchors[str(r["commune"])], "province": provinces.get(r["commune"], "")}
        for r in records(totals.sort_values(["rank"], kind="stable"))
    ]
    command = data.label("commune_detail_command")
    return {
        "lang": lang,
        "css": Markup(stylesheet(lang, ev.as_of) + PROVINCE_CSS),
        "L": {k: data.label(k) for k in _LABEL_KEYS},
        "heading": heading,
        "n_communes": n_communes,
        "as_of": fmt_date(ev.as_of),
        "history": [fmt_date(e.as_of) for e in data.history],
        "plugins": ", ".join(f"{p.name} {p.version}" for p in ev.plugins),
        "kpi": kpi,
        "ranking": ranking,
        "show_province": show_province,
        "target_ids": data.target_ids,
        "heat": _heat(data),
        "dashboard": _dashboard(data),
        "commune_trends": _commune_trends(data),
        "trends": _trends(data),
        "hint": data.label("commune_detail_hint").format(command=command),
        "communes": _communes(data, totals, provinces, anchors),
        "sections": [
            {
                "title": sec.title,
                "note": sec.note,
                "columns": [str(c) for c in sec.table.columns],
                "rows": section_cells(sec.table, lang),
            }
            for sec in sections
        ],
        "appendix_groups": by_origin(*parameters(ev, lang)),
    }


def render(data: ReportData, sections: Sequence[ReportSection] = ()) -> str:
    """The HTML text of the province view of ``data`` (several communes), without the
    embedded evaluation (the caller adds it)."""
    return _TEMPLATE.render(**_context(data, sections))
