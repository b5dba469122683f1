"""Fill the chosen forms from a roster on a day: the one way the command line
(``cadre forms``) and the service (``POST /v1/forms/{form}``) both do it.

:func:`choose_forms` finds the forms asked for by code (any case) among the plugins'
forms; :func:`fill_forms` builds the feature frame of the day once (as the engine builds
it) and fills each form from it, carrying what the reader set aside and did not read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cadre_core.forms._fill import FilledForm, compute_form, with_roster_notes
from cadre_core.plugins._host import PluginHost
from cadre_core.roster._roster import Roster
from cadre_core.targets._forms import Form


class UnknownFormError(LookupError):
    """A form code no plugin declares: ``code`` and the ``known`` codes, in order."""

    def __init__(self, code: str, known: Sequence[str]) -> None:
        super().__init__(code, tuple(known))
        self.code = code
        self.known = tuple(known)


def choose_forms(forms: Sequence[tuple[str, Form]], codes: Sequence[str]) -> list[tuple[str, Form]]:
    """The ``(plugin, form)`` pairs of ``codes`` (any case), in the order asked; every
    form when no code is given; an unknown code raises :class:`UnknownFormError`.

    >>> from cadre_core.plugins.builtin._forms import FORM_9C
    >>> [f.code for _, f in choose_forms([("cadre", FORM_9C)], ["9c-btctw"])]
    ['9C-BTCTW']
    >>> choose_forms([("cadre", FORM_9C)], ["X"])
    Traceback (most recent call last):
    cadre_core.forms._run.UnknownFormError: ('X', ('9C-BTCTW',))
    """
    if not codes:
        return list(forms)
    by_code = {f.code.casefold(): (p, f) for p, f in forms}
    out = []
    for code in codes:
        found = by_code.get(code.casefold())
        if found is None:
            raise UnknownFormError(code, [f.code for _, f in forms])
        out.append(found)
    return out


def fill_forms(
    host: PluginHost,
    roster: Roster,
    day: dt.date,
    chosen: Sequence[tuple[str, Form]],
    *,
    params_file: str | None = None,
    params: Mapping[str, Any] | None = None,
    advance: Callable[[int], object] | None = None,
) -> list[FilledForm]:
    """Each chosen form filled from the feature frame of ``day`` (built once, as the
    engine builds it: built-in and plugin features, annual ratings from scores), with
    the parameters of ``params_file`` and the ``params`` overrides; ``advance(1)`` after
    each form. A plugin's error is a ``PluginError``, a bad parameter a
    ``ParameterError``.

    >>> from cadre_core.plugins._host import make_plugin_manager
    >>> host = PluginHost(make_plugin_manager(only=["cadre"]))
    >>> roster = cadre_core.sample_roster()
    >>> chosen = choose_forms(host.forms(), ["9C-BTCTW"])
    >>> [f.form.code for f in fill_forms(host, roster, dt.date(2026, 12, 31), chosen)]
    ['9C-BTCTW']
    """
    from cadre_core.engine._pipeline import build_frame, prepare

    prepared = prepare(day, host=host, params_file=params_file, params=params, findings=False)
    features = build_frame(prepared, roster)
    out = []
    for plugin, form in chosen:
        out.append(with_roster_notes(compute_form(form, features, plugin=plugin), roster))
        if advance is not None:
            advance(1)
    return out


__all__ = ["UnknownFormError", "choose_forms", "fill_forms"]
