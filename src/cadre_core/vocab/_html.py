"""The one Jinja environment every HTML document is made in: :func:`template`.

The commune and province reports (:mod:`cadre_core.reports`) and the training plan
(:mod:`cadre_core.planner`) are HTML documents people print, sign and hand up; each
is one template rendered here, so escaping, undefined names and whitespace follow one
rule everywhere.
"""

from __future__ import annotations

import jinja2

_ENV = jinja2.Environment(
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


#: The head and the foot of an administrative document (decree 30/2020/NĐ-CP), as Jinja
#: macros a template puts before its own text: ``letterhead(L, issuer, extra, number)``
#: (the issuing body on the left, the document's ``number`` line under it; the nation's name, its motto and the place and date line to fill in
#: on the right) and ``signatures(L)`` (the recipients, who prepared it, the head of the
#: agency). ``L`` is the template's labels; ``extra`` adds a class (``print-only``).
ADMIN_MACROS = """\
{% macro letterhead(L, issuer, extra='', number='') -%}
<header class='head{{ extra }}'>
<div class='issuer'>{{ issuer }}{% if number %}<div class='number'>{{ number }}</div>{% endif %}</div>
<div class='nation'><b>{{ L.plan_nation }}</b><u>{{ L.plan_motto }}</u>\
<div class='date'>{{ L.plan_place_date }}</div></div>
</header>
{%- endmacro %}
{% macro signatures(L, extra='') -%}
<section class='signatures{{ extra }}'>
<div class='recipients'><b>{{ L.plan_recipients }}</b>
{{ L.plan_recipients_list }}</div>
<div class='sign'><b>{{ L.plan_signer }}</b><i>{{ L.plan_signer_note }}</i></div>
<div class='sign'><b>{{ L.plan_head }}</b><i>{{ L.plan_head_note }}</i></div>
</section>
{%- endmacro %}
"""

ADMIN_LABELS = (
    "doc_number_report",
    "doc_number_plan",
    "plan_nation",
    "plan_motto",
    "plan_place_date",
    "plan_recipients",
    "plan_recipients_list",
    "plan_signer",
    "plan_signer_note",
    "plan_head",
    "plan_head_note",
)
"""The labels :data:`ADMIN_MACROS` reads from a template's ``L``."""

#: The look of :data:`ADMIN_MACROS`' head and foot (centred, in bold and italics as the
#: decree has them; the foot never split across pages).
ADMIN_CSS = """\
.head{display:flex;justify-content:space-between;gap:2em;text-align:center}
.head .issuer{font-weight:bold;text-transform:uppercase}
.head .number{font-weight:normal;text-transform:none;margin-top:.4em}
.head .nation b{display:block}.head .nation u{display:block;font-weight:bold}
.head .date{font-style:italic;margin-top:.4em}
.signatures{display:flex;justify-content:space-between;gap:2em;margin-top:2em;
break-inside:avoid;page-break-inside:avoid}
.signatures>div{flex:1;text-align:center}.signatures b{display:block}
.signatures i{display:block;margin-bottom:5em}
.signatures>.recipients{text-align:left;font-size:.9em;white-space:pre-line}
.recipients b{display:inline}
"""


def template(source: str) -> jinja2.Template:
    """The Jinja template of an HTML document: every value escaped unless marked safe, an
    undefined name an error (never a blank), block tags leaving no blank lines.

    >>> template("<p>{{ x }}</p>").render(x="<b>")
    '<p>&lt;b&gt;</p>'
    """
    return _ENV.from_string(source)


__all__ = ["ADMIN_CSS", "ADMIN_LABELS", "ADMIN_MACROS", "template"]
