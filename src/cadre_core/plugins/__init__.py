"""Stage 6, plugins: the host that finds, loads and calls the plugins, and the built-in plugin.

Owns the pluggy plugin manager and :class:`PluginHost`, a typed facade over the ``cadre_*``
hooks of :mod:`cadre_core.hookspecs` that blames a failing plugin by name
(:class:`PluginError`, :mod:`._errors`), checks what plugins return (:mod:`._guard`) and
describes what is installed (:class:`PluginInfo`) (:mod:`._host`); loading and checking
plugins (:mod:`._loading`); the small types plugins return (:class:`About`,
:class:`Column`, :mod:`._sdk`);
the extra report sections plugins contribute (:class:`ReportSection`, :mod:`._sections`); and
:mod:`.builtin`, the core's own plugin (national facts, generic populations, the national
findings, the planner's parameters), which uses the same hooks as any province plugin.

May import: :mod:`cadre_core.hookspecs` and the stages below it (findings, targets,
features, roster, vocab); never a province plugin (see ``docs/architecture.md``).
"""

from cadre_core.plugins._errors import PluginError
from cadre_core.plugins._host import (
    ENTRY_POINT_GROUP,
    PluginHost,
    PluginInfo,
    make_plugin_manager,
)
from cadre_core.plugins._sdk import About, Column
from cadre_core.plugins._sections import ReportSection

__all__ = [
    "ENTRY_POINT_GROUP",
    "About",
    "Column",
    "PluginError",
    "PluginHost",
    "PluginInfo",
    "ReportSection",
    "make_plugin_manager",
]
