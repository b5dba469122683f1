"""Testing kit for plugin authors: register a plugin temporarily and evaluate it.

>>> from cadre_core import hookimpl
>>> class Extra:
...     @hookimpl
...     def cadre_parameters(self):
...         return []
>>> with temporary_plugin(Extra(), name="extra") as host:
...     "extra" in host.plugin_names()
True

Hypothesis strategies for rosters live in :mod:`cadre_core.testing.strategies`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from cadre_core.engine._pipeline import evaluate
from cadre_core.engine._results import Evaluation
from cadre_core.plugins._host import PluginHost, make_plugin_manager
from cadre_core.roster._roster import Roster, sample_roster

__all__ = ["evaluate_plugin", "temporary_plugin"]


@contextmanager
def temporary_plugin(
    plugin: object,
    *,
    name: str = "test-plugin",
    installed: bool | Iterable[str] = False,
) -> Iterator[PluginHost]:
    """Yield a :class:`~cadre_core.PluginHost` with ``plugin`` registered under ``name``.

    The built-in plugin is always loaded. ``installed`` also loads installed entry-point
    plugins: ``True`` for all of them, or an iterable of names (e.g. ``["laichau"]`` for a
    plugin that overrides Lai Châu's values with ``replaces="laichau"``). Nothing global
    is changed: the manager lives only inside the ``with`` block.

    Under the name of an installed plugin, ``plugin`` takes its place (a new version
    tested while the released one is installed): the installed one is not loaded.
    A plugin that cannot be registered (a hook implementation taking an argument its
    hook does not pass, a name given twice) raises :class:`~cadre_core.PluginError`.

    >>> from cadre_core import hookimpl
    >>> class NextVersion:
    ...     @hookimpl
    ...     def cadre_targets(self):
    ...         return []
    >>> with temporary_plugin(NextVersion(), name="province_template", installed=True) as host:
    ...     host.plugin_names(), [t.id for _, t in host.targets()]
    (['cadre', 'province_template'], [])
    """
    if installed is True:
        only = None
    elif installed is False:
        only = [name]
    else:
        only = [*installed, name]
    pm = make_plugin_manager(entry_points=installed is not False, only=only, extra=[(name, plugin)])
    try:
        yield PluginHost(pm)
    finally:
        for registered in list(pm.get_plugins()):
            pm.unregister(registered)


def evaluate_plugin(
    plugin: object,
    roster: Roster | None = None,
    as_of: dt.date | str = "2026-12-31",
    *,
    name: str = "test-plugin",
    installed: bool | Iterable[str] = False,
    **kwargs: Any,
) -> Evaluation:
    """Evaluate ``roster`` (default: the sample commune) with ``plugin`` registered.

    ``as_of`` is a date or an ISO string; ``name`` and ``installed`` are those of
    :func:`temporary_plugin` (the built-in plugin is always loaded); ``kwargs`` go to
    :func:`cadre_core.evaluate` (``params``, ``params_file``, ``by_commune``,
    ``findings``, ``engine``).

    >>> from cadre_core import hookimpl
    >>> class Quiet:
    ...     @hookimpl
    ...     def cadre_parameters(self):
    ...         return []
    >>> ev = evaluate_plugin(Quiet(), name="quiet", findings=False)
    >>> ev.as_of, [p.name for p in ev.plugins]
    (datetime.date(2026, 12, 31), ['cadre', 'quiet'])
    """
    with temporary_plugin(plugin, name=name, installed=installed) as host:
        return evaluate(
            roster if roster is not None else sample_roster(), as_of, host=host, **kwargs
        )
