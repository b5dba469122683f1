"""The plugin host: a pluggy manager built on demand, and a typed facade over the hooks.

No plugin manager exists at import time. :func:`make_plugin_manager` registers the
built-in plugin, then loads the ``cadre`` entry points one by one (a broken plugin is
reported by name, never a traceback), then calls ``check_pending()``.
"""

from __future__ import annotations

import importlib.metadata as md
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any

import attrs
import pandas as pd
import pluggy

from cadre_core import hookspecs
from cadre_core.features._frame import Features
from cadre_core.findings._finding import Finding
from cadre_core.targets._params import Parameter, Params, read_params_file
from cadre_core.targets._target import Target

ENTRY_POINT_GROUP = "cadre"
BUILTIN = "cadre"


class PluginError(Exception):
    """A plugin could not be loaded, conflicts with another, or failed inside a hook.

    >>> err = PluginError("demo", "returned int, not a Target", "cadre_targets")
    >>> err.plugin, str(err)
    ('demo', "plugin 'demo', hook cadre_targets: returned int, not a Target")
    """

    def __init__(self, plugin: str, message: str, hook: str | None = None) -> None:
        self.plugin = plugin
        self.hook = hook
        where = f"plugin {plugin!r}" + (f", hook {hook}" if hook else "")
        super().__init__(f"{where}: {message}")


@attrs.frozen
class PluginInfo:
    """What ``cadre plugins`` shows about one plugin."""

    name: str
    version: str
    hooks: tuple[str, ...]


def _version(dist: str | None, module: object) -> str:
    if dist:
        try:
            return md.version(dist)
        except md.PackageNotFoundError:
            pass
    return str(getattr(module, "__version__", "0+unknown"))


def _env_list(name: str) -> set[str] | None:
    raw = os.environ.get(name)
    if raw is None:
        return None
    return {p.strip() for p in raw.split(",") if p.strip()}


def make_plugin_manager(
    *,
    entry_points: bool = True,
    only: Iterable[str] | None = None,
    extra: Iterable[tuple[str, object]] = (),
) -> pluggy.PluginManager:
    """Build a plugin manager: the built-in plugin, then entry points, then ``extra``.

    ``only`` keeps the built-in plugin and the plugins named (unknown names raise
    :class:`PluginError`). ``CADRE_LOAD_PLUGINS`` (allow list) and
    ``CADRE_DISABLE_PLUGINS`` (block list), comma-separated, filter entry points too.

    >>> PluginHost(make_plugin_manager(only=["province_template"])).plugin_names()
    ['cadre', 'province_template']
    >>> make_plugin_manager(only=["no_such_plugin"])
    Traceback (most recent call last):
    ...
    cadre_core.plugins._host.PluginError: plugin 'no_such_plugin': is not installed (installed: ...)
    """
    from cadre_core.plugins import builtin as _builtin

    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.register(_builtin, name=BUILTIN)
    versions: dict[str, str] = {BUILTIN: _version("cadre-core", _builtin)}
    wanted = set(only) if only is not None else None
    allow = _env_list("CADRE_LOAD_PLUGINS")
    block = _env_list("CADRE_DISABLE_PLUGINS") or set()
    found: set[str] = set()
    if entry_points:
        for ep in sorted(md.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            found.add(ep.name)
            if (wanted is not None and ep.name not in wanted) or ep.name in block:
                continue
            if allow is not None and ep.name not in allow:
                continue
            if pm.has_plugin(ep.name):
                raise PluginError(ep.name, "two installed packages use this plugin name")
            try:
                plugin = ep.load()
            except Exception as exc:
                raise PluginError(
                    ep.name, f"cannot be loaded: {type(exc).__name__}: {exc}"
                ) from exc
            try:
                pm.register(plugin, name=ep.name)
            except Exception as exc:
                raise PluginError(ep.name, f"cannot be registered: {exc}") from exc
            versions[ep.name] = _version(ep.dist.name if ep.dist else None, plugin)
    for name, plugin in extra:
        found.add(name)
        if wanted is not None and name not in wanted:
            continue
        pm.register(plugin, name=name)
        versions[name] = _version(None, plugin)
    if wanted is not None:
        unknown = sorted(wanted - found - {BUILTIN})
        if unknown:
            raise PluginError(
                unknown[0], f"is not installed (installed: {', '.join(sorted(found))})"
            )
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(str(getattr(exc, "plugin", "?")), str(exc)) from exc
    pm._cadre_versions = versions  # type: ignore[attr-defined]
    return pm


class PluginHost:
    """Typed access to the hooks: one method per hook, each plugin called on its own.

    >>> host = PluginHost(make_plugin_manager(only=["province_template"]))
    >>> host.plugin_names()
    ['cadre', 'province_template']
    >>> {t.id: plugin for plugin, t in host.targets()}
    {'tpl.5a': 'province_template', 'tpl.7b': 'province_template', 'tpl.youth': 'province_template'}
    """

    def __init__(
        self, pm: pluggy.PluginManager | None = None, *, strict: bool | None = None
    ) -> None:
        self.pm = pm if pm is not None else make_plugin_manager()
        #: strict mode turns plugin warnings into errors (default: ``CADRE_STRICT=1``)
        self.strict = strict if strict is not None else os.environ.get("CADRE_STRICT") == "1"
        self.warnings: list[str] = []

    def warn(self, plugin: str, message: str, hook: str | None = None) -> None:
        """Record a plugin warning (or raise :class:`PluginError` in strict mode)."""
        if self.strict:
            raise PluginError(plugin, message + " (strict mode)", hook)
        text = str(PluginError(plugin, message, hook))
        if text not in self.warnings:
            self.warnings.append(text)

    # --------------------------------------------------------------- plumbing
    def _calls(self, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call every implementation of ``hook`` in load order; errors name the plugin."""
        caller = getattr(self.pm.hook, hook)
        out: list[tuple[str, Any]] = []
        for impl in caller.get_hookimpls():
            name = self.pm.get_name(impl.plugin) or "?"
            args = {k: kwargs[k] for k in impl.argnames}
            try:
                result = impl.function(**args)
            except Exception as exc:
                raise PluginError(name, f"{type(exc).__name__}: {exc}", hook) from exc
            if result is not None:
                out.append((name, result))
        order = self.plugin_names()
        out.sort(key=lambda item: order.index(item[0]) if item[0] in order else len(order))
        return out

    def plugin_names(self) -> list[str]:
        """Names of the loaded plugins, the built-in plugin first, then by name."""
        names = [n for n, _ in self.pm.list_name_plugin() if n]
        return [BUILTIN] + sorted(n for n in names if n != BUILTIN)

    def plugins(self) -> list[PluginInfo]:
        """Name, version and implemented hooks of each loaded plugin."""
        versions: Mapping[str, str] = getattr(self.pm, "_cadre_versions", {})
        infos = []
        for name in self.plugin_names():
            plugin = self.pm.get_plugin(name)
            hooks = sorted(h.name for h in self.pm.get_hookcallers(plugin) or [])
            infos.append(PluginInfo(name, versions.get(name, "0+unknown"), tuple(hooks)))
        return infos

    # --------------------------------------------------------------- registries
    def targets(self) -> list[tuple[str, Target]]:
        """Every target with the plugin that registered it; conflicts raise PluginError."""
        entries: list[tuple[str, Target]] = []
        for name, result in self._calls("cadre_targets"):
            for t in result:
                if not isinstance(t, Target):
                    raise PluginError(
                        name, f"returned {type(t).__name__}, not a Target", "cadre_targets"
                    )
                if not t.source.strip():
                    self.warn(name, f"target {t.id!r} cites no source clause", "cadre_targets")
                entries.append((name, t))
        return _resolve(entries, lambda t: t.id, "target")

    def parameter_definitions(self) -> list[tuple[str, Parameter]]:
        """Every parameter with the plugin that declared it; conflicts raise PluginError."""
        entries: list[tuple[str, Parameter]] = []
        for name, result in self._calls("cadre_parameters"):
            for p in result:
                if not isinstance(p, Parameter):
                    raise PluginError(
                        name, f"returned {type(p).__name__}, not a Parameter", "cadre_parameters"
                    )
                if not p.source.strip():
                    self.warn(name, f"parameter {p.key!r} cites no source", "cadre_parameters")
                entries.append((name, p))
        return _resolve(entries, lambda p: p.key, "parameter")

    def params(
        self,
        targets: Sequence[tuple[str, Target]],
        *,
        file: str | None = None,
        overrides: Mapping[str, Any] | None = None,
    ) -> Params:
        """The parameters in force: built-ins, then plugins, then ``file``, then ``overrides``."""
        values: dict[str, Any] = {}
        origins: dict[str, str] = {}
        defs: dict[str, Parameter] = {}
        for plugin, p in self.parameter_definitions():
            values[p.key] = p.default
            origins[p.key] = f"plugin {plugin}"
            defs[p.key] = p
        for plugin, t in targets:
            if t.rule.op in (">=", ">"):
                p = Parameter(
                    t.threshold_key,
                    t.rule.value,
                    "fraction",
                    f"threshold of {t.id} ({t.rule.op})",
                    t.source,
                )
                values.setdefault(p.key, p.default)
                origins.setdefault(p.key, f"plugin {plugin}")
                defs.setdefault(p.key, p)
            d = Parameter(t.deadline_key, t.deadline, "date", f"deadline of {t.id}", t.source)
            values.setdefault(d.key, d.default)
            origins.setdefault(d.key, f"plugin {plugin}")
            defs.setdefault(d.key, d)
        params = Params(values, origins, defs)
        if file is not None:
            params = params.with_values(read_params_file(file, set(defs)), f"file {file}")
        if overrides:
            params = params.with_values(overrides, "argument")
        return params

    # --------------------------------------------------------------- per evaluation
    def features(self, features: Features) -> Features:
        """Apply every plugin's derived cadre columns, in load order."""
        caller = self.pm.hook.cadre_features
        impls = caller.get_hookimpls()
        order = self.plugin_names()
        impls = sorted(impls, key=lambda i: order.index(self.pm.get_name(i.plugin) or ""))
        for impl in impls:
            name = self.pm.get_name(impl.plugin) or "?"
            try:
                cols = _as_columns(impl.function(features=features))
            except Exception as exc:
                raise PluginError(name, f"{type(exc).__name__}: {exc}", "cadre_features") from exc
            if not cols:
                continue
            clash = sorted(set(cols) & set(features.cadres.columns))
            if clash:
                raise PluginError(name, f"column {clash[0]!r} already exists", "cadre_features")
            features = features.with_cadre_columns(dict(cols))
        return features

    def findings(self, features: Features, params: Params) -> list[Finding]:
        """Every plugin's findings for the as-of day, addressed to the merged bodies
        (:meth:`responsible_bodies`)."""
        out: list[Finding] = []
        bodies = self.responsible_bodies()
        for _, result in self._calls(
            "cadre_findings", features=features, params=params, bodies=bodies
        ):
            out.extend(result)
        return out

    def rating_aggregation(
        self, scores: pd.DataFrame, discipline: pd.DataFrame, params: Params
    ) -> pd.DataFrame | None:
        """Annual levels from quarterly scores: the first plugin that answers wins."""
        kwargs = {"scores": scores, "discipline": discipline, "params": params}
        # pluggy calls the last registered first; trylast implementations come last
        for impl in reversed(self.pm.hook.cadre_rating_aggregation.get_hookimpls()):
            name = self.pm.get_name(impl.plugin) or "?"
            try:
                result = impl.function(**{k: kwargs[k] for k in impl.argnames})
            except Exception as exc:
                raise PluginError(
                    name, f"{type(exc).__name__}: {exc}", "cadre_rating_aggregation"
                ) from exc
            if result is not None:
                if not isinstance(result, pd.DataFrame):
                    raise PluginError(name, "must return a DataFrame", "cadre_rating_aggregation")
                return result
        return None

    def responsible_bodies(self) -> dict[str, str]:
        """Bloc or target id -> responsible body, later plugins overriding earlier ones."""
        merged: dict[str, str] = {}
        for _, result in self._calls("cadre_responsible_bodies"):
            merged.update(result)
        return merged

    def report_sections(self, evaluation: Any) -> list[Any]:
        """Every plugin's extra report sections."""
        out: list[Any] = []
        for _, result in self._calls("cadre_report_sections", evaluation=evaluation):
            out.extend(result)
        return out


def _as_columns(value: object) -> Mapping[str, pd.Series] | None:
    if value is None or isinstance(value, Mapping):
        return value
    raise TypeError(f"cadre_features must return a mapping of columns, not {type(value).__name__}")


def _resolve(
    entries: list[tuple[str, Any]], key: Callable[[Any], str], what: str
) -> list[tuple[str, Any]]:
    """Merge registrations by key; a clash is an error unless one replaces the other."""
    chosen: dict[str, tuple[str, Any]] = {}
    order: list[str] = []
    for plugin, item in entries:
        k = key(item)
        if k not in chosen:
            chosen[k] = (plugin, item)
            order.append(k)
            continue
        other_plugin, other = chosen[k]
        if other_plugin == plugin:
            raise PluginError(plugin, f"registers {what} {k!r} twice")
        if item.replaces == other_plugin:
            chosen[k] = (plugin, item)
        elif other.replaces == plugin:
            pass
        else:
            raise PluginError(
                plugin,
                f"{what} {k!r} is also registered by plugin {other_plugin!r}; "
                f"set replaces={other_plugin!r} to override it",
            )
    return [chosen[k] for k in order]


def plugin_from_module(module: ModuleType | object) -> object:
    """Identity helper: any module or object with ``@hookimpl`` functions is a plugin."""
    return module


__all__ = ["PluginError", "PluginHost", "make_plugin_manager", "pd"]
