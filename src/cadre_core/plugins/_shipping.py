"""A plugin host as a worker process makes it again: :class:`ShippedPlugins`.

A :class:`~cadre_core.plugins._host.PluginHost` holds modules and functions that no pickle
carries, so the processes that plan chunks of communes
(:mod:`cadre_core.planner._parallel`) and the Dask workers that evaluate partitions
(:mod:`cadre_core.engine._dask`) build their own host. They load:

- the *installed* plugins (``cadre`` entry points) by name, as the caller did;
- the plugins *given in code* (``make_plugin_manager(extra=[(name, plugin)])``, or any
  plugin registered on a plugin manager built by hand) from a reference: a module by its
  importable name, another object (a class, an instance) pickled, which brings its class
  by reference (the worker imports the module that defines it).

A given plugin that cannot travel (a module made at run time, an object no pickle
carries) is a :class:`PluginError` naming it, raised before any worker starts; one that
cannot be loaded on the worker (its module not installed there) is a
:class:`PluginError` naming it on the worker.
"""

from __future__ import annotations

import importlib
import importlib.util
import pickle
import sys
from types import ModuleType
from typing import Any

import attrs

from cadre_core.plugins._errors import PluginError, describe
from cadre_core.plugins._host import BUILTIN, PluginHost
from cadre_core.plugins._loading import given_plugins, make_plugin_manager

#: how a given plugin travels: ("module", importable name) or ("pickle", bytes)
Reference = tuple[str, Any]


def _reference(name: str, plugin: object) -> Reference:
    """How the given plugin ``name`` travels to a worker (:class:`PluginError` when it
    cannot)."""
    if isinstance(plugin, ModuleType):
        module = plugin.__name__
        importable = (
            module not in ("__main__", "__mp_main__")
            and sys.modules.get(module) is plugin
            and getattr(plugin, "__spec__", None) is not None
        )
        if importable:
            return ("module", module)
        raise PluginError(
            name, "", said="plugin_not_shippable", values={"why": f"module {module!r}"}
        )
    try:
        return ("pickle", pickle.dumps(plugin, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception as exc:
        raise PluginError(
            name, "", said="plugin_not_shippable", values={"why": describe(exc)}
        ) from exc


def _load(name: str, ref: Reference) -> object:
    """The given plugin ``name`` from its reference, on the worker."""
    kind, value = ref
    try:
        if kind == "module":
            return importlib.import_module(value)
        return pickle.loads(value)  # bytes this package pickled itself (ShippedPlugins.of)
    except Exception as exc:
        raise PluginError(
            name, "", said="plugin_not_loaded_in_worker", values={"why": describe(exc)}
        ) from exc


@attrs.frozen
class ShippedPlugins:
    """The plugins of a host as a worker loads them again: the installed ones by name
    (``installed``), the ones given in code by reference (``given``: name and
    :data:`Reference`), and the host's strict mode.

    >>> import types
    >>> import cadre_core.vocab._numbers as mine  # any module importable by name (no hooks here)
    >>> pm = make_plugin_manager(only=["province_template", "mine"], extra=[("mine", mine)])
    >>> shipped = ShippedPlugins.of(PluginHost(pm))
    >>> shipped.installed, shipped.given
    (('province_template',), (('mine', ('module', 'cadre_core.vocab._numbers')),))
    >>> shipped.host().plugin_names()
    ['cadre', 'mine', 'province_template']
    >>> made = types.ModuleType("made_here")  # made at run time: no worker can import it
    >>> ShippedPlugins.of(PluginHost(make_plugin_manager(only=["x"], extra=[("x", made)])))
    Traceback (most recent call last):
    ...
    cadre_core.plugins._errors.PluginError: plugin 'x': cannot be sent to a worker process (module 'made_here'): ...
    """

    installed: tuple[str, ...]
    given: tuple[tuple[str, Reference], ...]
    strict: bool

    @classmethod
    def of(cls, host: PluginHost) -> ShippedPlugins:
        """What a worker needs to load ``host``'s plugins (the built-in plugin is always
        loaded; plugins the host left out stay out)."""
        given = given_plugins(host.pm)
        names = [n for n in host.plugin_names() if n != BUILTIN]
        refs = tuple(
            (n, _reference(n, host.pm.get_plugin(n))) for n in names if given is None or n in given
        )
        shipped = {n for n, _ in refs}
        return cls(tuple(n for n in names if n not in shipped), refs, host.strict)

    @property
    def names(self) -> tuple[str, ...]:
        """Every plugin shipped (besides the built-in one), by name."""
        return tuple(sorted((*self.installed, *(n for n, _ in self.given))))

    def host(self) -> PluginHost:
        """The host, made again (on the worker): the same plugins, or a
        :class:`PluginError` naming one that is missing there."""
        extra = [(n, _load(n, ref)) for n, ref in self.given]
        pm = make_plugin_manager(only=self.names, extra=extra)
        host = PluginHost(pm, strict=self.strict)
        loaded = tuple(n for n in host.plugin_names() if n != BUILTIN)
        if loaded != self.names:
            missing = sorted(set(self.names) - set(loaded)) or ["?"]
            raise PluginError(missing[0], "is not loaded in a worker process")
        return host


__all__ = ["Reference", "ShippedPlugins"]
