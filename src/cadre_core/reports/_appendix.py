"""The appendix every HTML report ends with, the parameters in force, as one Jinja macro
the commune and the province templates share: ``appendix(L, groups)``, ``groups`` from
:func:`cadre_core.reports._meeting.by_origin` (each source named once, the targets'
thresholds, deadlines and topics as a table, every other parameter by its name)."""

from __future__ import annotations

APPENDIX_LABELS = (
    "report_appendix",
    "report_appendix_note",
    "col_origin",
    "col_id",
    "col_target",
    "col_rule",
    "col_deadline",
    "report_col_topics",
)
"""The labels :data:`APPENDIX_MACRO` reads from ``L``."""

APPENDIX_MACRO = """\
{% macro appendix(L, groups, extra='') -%}
<section class="appendix{{ extra }}">
<h2 id="about">{{ L.report_appendix }}</h2>
<p class="small">{{ L.report_appendix_note }}</p>
{% for g in groups %}
{% if g.origin %}<p class="small origin">{{ L.col_origin }}: <b>{{ g.origin }}</b></p>{% endif %}
{% if g.targets %}
<table class="params-targets stack fixed"><thead><tr><th style="width:6%">{{ L.col_id }}</th>\
<th style="width:{{ 40 if g.origin else 38 }}%">{{ L.col_target }}</th>\
<th style="width:6%">{{ L.col_rule }}</th><th style="width:6%">{{ L.col_deadline }}</th>\
<th style="width:{{ 42 if g.origin else 36 }}%">{{ L.report_col_topics }}</th>\
{% if not g.origin %}<th style="width:8%">{{ L.col_origin }}</th>{% endif %}</tr></thead>
<tbody>{% for p in g.targets %}<tr><td class="nowrap" data-label="{{ L.col_id }}">{{ p.id }}</td>\
<td data-label="{{ L.col_target }}">{{ p.title }}</td><td data-label="{{ L.col_rule }}">{{ p.rule }}</td>\
<td class="nowrap" data-label="{{ L.col_deadline }}">{{ p.deadline }}</td>\
<td data-label="{{ L.report_col_topics }}">{{ p.topics }}</td>\
{% if not g.origin %}<td data-label="{{ L.col_origin }}">{{ p.origin }}</td>{% endif %}</tr>
{% endfor %}</tbody></table>
{% endif %}
{% if g.params %}
<dl class="params">{% for p in g.params %}<div><dt>{{ p.name }}:</dt><dd>{{ p.value }}</dd></div>{% endfor %}</dl>
{% endif %}
{% endfor %}
</section>
{%- endmacro %}
"""

__all__ = ["APPENDIX_LABELS", "APPENDIX_MACRO"]
