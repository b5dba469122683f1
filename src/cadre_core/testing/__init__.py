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

from cadre_core.engine._pipeline import Evaluation, evaluate
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

    ``kwargs`` go to :func:`cadre_core.evaluate` (``params``, ``by_commune``, ...).
    """
    with temporary_plugin(plugin, name=name, installed=installed) as host:
        return evaluate(
            roster if roster is not None else sample_roster(), as_of, host=host, **kwargs
        )
