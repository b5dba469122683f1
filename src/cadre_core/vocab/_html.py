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


def template(source: str) -> jinja2.Template:
    """The Jinja template of an HTML document: every value escaped unless marked safe, an
    undefined name an error (never a blank), block tags leaving no blank lines.

    >>> template("<p>{{ x }}</p>").render(x="<b>")
    '<p>&lt;b&gt;</p>'
    """
    return _ENV.from_string(source)


__all__ = ["template"]
