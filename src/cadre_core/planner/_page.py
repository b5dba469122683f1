"""The plan's HTML page, as text: its stylesheet (:data:`PLAN_CSS`) and its Jinja
template (:data:`PLAN_TEMPLATE`), filled by :func:`cadre_core.planner._report.render_html`
with every word from the label table."""

from __future__ import annotations

from cadre_core.vocab._html import ADMIN_CSS, ADMIN_MACROS

#: The plan's page: A4 landscape in print, table headers repeated on every page (a total
#: row only once, at the end), rows and the signature block never split; under 640 px every table row becomes a card whose
#: cells carry their column's name (no horizontal scroll on a phone).
PLAN_CSS = (
    ADMIN_CSS
    + """
body{font-family:"Times New Roman",Times,serif;margin:2em;color:#000;line-height:1.35}
h1{text-align:center;font-size:1.35em;margin:1em 0 .1em}
h1 small{display:block;font-size:.75em;font-weight:normal}
.subtitle{text-align:center;margin:.2em 0 1em}
h2{font-size:1.1em;margin:1.2em 0 .4em}h3{font-size:1em;margin:1em 0 .3em}
table{border-collapse:collapse;width:100%;margin:.4em 0}
td,th{border:1px solid #555;padding:3px 5px;font-size:12.5px;vertical-align:top;
overflow-wrap:anywhere}
th{background:#eee;overflow-wrap:normal}tfoot td{font-weight:bold}
td.n,td.d{text-align:right;white-space:nowrap}
td:last-child{white-space:nowrap;overflow-wrap:normal}
svg{max-width:100%;height:auto}
@page{size:A4 landscape;margin:14mm 12mm;
@bottom-right{content:counter(page) "/" counter(pages)}}
@media print{body{margin:0}thead{display:table-header-group}
tfoot{display:table-row-group}
tr,li,.signatures{break-inside:avoid;page-break-inside:avoid}
h2,h3{break-after:avoid;page-break-after:avoid}}
@media (max-width:640px){body{margin:.6em}
.head,.signatures{display:block}.head>div{margin-bottom:.6em}
table.stack thead{display:none}
table.stack,table.stack tbody,table.stack tfoot,table.stack tr,table.stack td{display:block;
width:auto}
table.stack tr{border:1px solid #555;margin:0 0 .5em;padding:2px 0}
table.stack td{border:0;padding:1px 6px;text-align:left;white-space:normal}
table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:bold}
table.stack td:empty{display:none}}
"""
)


#: The plan's HTML document (:func:`render_html` gives it its values, every word from the
#: label table): heading, lines by year, totals and their chart, the targets at their
#: deadlines, the needs, the assumptions and the signature block. A table stacks into
#: cards on a phone, each cell carrying its column's name.
PLAN_TEMPLATE = (
    ADMIN_MACROS
    + """\
{% macro table(t) -%}
<table class='stack'><thead><tr>{% for h in t.head %}<th scope='col'>{{ h }}</th>{% endfor %}\
</tr></thead><tbody>{% for row in t.rows %}<tr>{% for h, v, c in row %}\
<td data-label="{{ h }}"{{ c }}>{{ v }}</td>{% endfor %}</tr>{% endfor %}</tbody>\
{% if t.foot is not none %}<tfoot><tr>{% for v, span, c in t.foot %}\
<td colspan='{{ span }}'{{ c }}>{{ v }}</td>{% endfor %}</tr></tfoot>{% endif %}</table>
{%- endmacro %}
<!doctype html><html lang='{{ lang }}'><head><meta charset='utf-8'>
<meta name='viewport' content='width=device-width, initial-scale=1'>
<title>{{ L.plan_title }}: {{ subtitle }}</title>
<style>{{ css }}</style></head><body>
{{ letterhead(L, communes, '', L.doc_number_plan) }}
<h1>{{ L.plan_heading }}<small>{{ period }}</small></h1>
<p class='subtitle'>{{ subtitle }}</p>
<p>{{ summary }}</p>
<h2>{{ L.plan_lines }}</h2>
{% for year in years %}
<h3>{{ year.title }}</h3>{{ table(year.table) }}
{% endfor %}
<p><i>{{ L.plan_succession_note }}</i></p>
<h2>{{ L.plan_totals }}</h2>
{{ table(totals) }}
<h3>{{ L.plan_cost_chart }}</h3>
{% if chart %}<svg xmlns="http://www.w3.org/2000/svg" width="{{ chart.width }}" \
height="{{ chart.height }}" viewBox="0 0 {{ chart.width }} {{ chart.height }}" role="img" \
aria-label="{{ L.plan_cost_chart }}">{% for b in chart.bars %}\
<rect x="{{ b.x }}" y="{{ b.y }}" width="40" height="{{ b.h }}" fill="#4472C4"/>\
<text x="{{ b.mid }}" y="{{ chart.base }}" text-anchor="middle" font-size="12">{{ b.name }}</text>\
<text x="{{ b.mid }}" y="{{ b.y - 4 }}" text-anchor="middle" font-size="10">{{ b.amount }}</text>\
{% endfor %}</svg>{% endif %}

<h2>{{ L.plan_projections }}</h2>
{{ table(projections) }}
<h2>{{ L.plan_needs }}</h2>
{% if needs %}<ul>{% for n in needs %}<li><b>{{ n.where }}{{ n.kind }}</b>: {{ n.text }}</li>\
{% endfor %}</ul>{% else %}<p>{{ L.plan_needs_none }}</p>{% endif %}

<h2>{{ L.plan_assumptions }}</h2><ul>{% for a in assumptions %}<li>{{ a }}</li>{% endfor %}</ul>
{% for s in inputs %}<h2>{{ s.title }}</h2>{% if s.note %}<p>{{ s.note }}</p>{% endif %}
{{ table(s.table) }}
{% endfor %}{{ signatures(L) }}</body></html>"""
)


__all__ = ["PLAN_CSS", "PLAN_TEMPLATE"]
