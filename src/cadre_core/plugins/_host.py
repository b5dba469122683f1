"""The plugin host: a pluggy manager built on demand, and a typed facade over the hooks.

No plugin manager exists at import time. :func:`make_plugin_manager` registers the
built-in plugin, then loads the ``cadre`` entry points one by one (a broken plugin is
reported by name, never a traceback), then calls ``check_pending()``.

Every hook is called through pluggy (see :meth:`PluginHost._calls`), so hookwrappers
and ``pm.add_hookcall_monitoring`` see every call; ``CADRE_TRACE_PLUGINS=1`` prints each
call on standard error (:func:`trace_hook_calls`).
"""

from __future__ import annotations

import importlib.metadata as md
import inspect
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any, TextIO

import attrs
import pandas as pd
import pluggy

from cadre_core import hookspecs
from cadre_core.features._frame import Features
from cadre_core.findings._finding import Finding
from cadre_core.roster._layout import Layout
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
    """What ``cadre plugins`` shows about one plugin (and ``Evaluation.plugins`` holds):
    its name, its version and the hooks it implements.

    >>> info = PluginHost(make_plugin_manager(entry_points=False)).plugins()[0]
    >>> info.name, "cadre_targets" in info.hooks, "cadre_findings" in info.hooks
    ('cadre', False, True)
    """

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
    extra = list(extra)
    # a plugin given in ``extra`` takes the place of an installed plugin of the same name
    # (the testing kit tests a new version of a plugin while an older one is installed)
    given = {name for name, _ in extra}
    if entry_points:
        for ep in sorted(md.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            found.add(ep.name)
            if (wanted is not None and ep.name not in wanted) or ep.name in block:
                continue
            if ep.name in given:
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
        if pm.has_plugin(name):
            what = "is the built-in plugin's name" if name == BUILTIN else "is given twice"
            raise PluginError(name, what)
        try:
            pm.register(_hashable(plugin), name=name)
        except Exception as exc:
            raise PluginError(name, f"cannot be registered: {exc}") from exc
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
    if os.environ.get("CADRE_TRACE_PLUGINS") == "1":
        trace_hook_calls(pm)
    return pm


def trace_hook_calls(pm: pluggy.PluginManager, stream: TextIO | None = None) -> Callable[[], None]:
    """Print every hook call of ``pm`` on ``stream`` (standard error by default): the
    hook, the plugins called (in pluggy's call order), the duration and the size of what
    came back. Never an argument or a value: frames hold personal data.

    :func:`make_plugin_manager` turns it on when ``CADRE_TRACE_PLUGINS=1``. Returns the
    function that turns it off.

    >>> import io
    >>> out = io.StringIO()
    >>> host = PluginHost(make_plugin_manager(entry_points=False))
    >>> stop = trace_hook_calls(host.pm, out)
    >>> _ = host.responsible_bodies()
    >>> stop()
    >>> print(out.getvalue(), end="")  # doctest: +ELLIPSIS
    cadre: hook cadre_responsible_bodies [cadre] ... ms -> 2 items
    """
    local = threading.local()  # hooks may run in several threads (Dask's threaded scheduler)

    def before(hook_name: str, hook_impls: Sequence[pluggy.HookImpl], kwargs: object) -> None:
        local.__dict__.setdefault("started", []).append(time.perf_counter())

    def after(
        outcome: pluggy.Result[Any],
        hook_name: str,
        hook_impls: Sequence[pluggy.HookImpl],
        kwargs: object,
    ) -> None:
        ms = (time.perf_counter() - local.started.pop()) * 1000
        names = ", ".join(impl.plugin_name for impl in reversed(hook_impls))
        if outcome.exception is not None:
            what = f"raised {type(outcome.exception).__name__}"
        else:
            result = outcome.get_result()
            if isinstance(result, list):
                what = ", ".join(_size(r) for r in result) or "nothing"
            else:
                what = _size(result)
        # one write per line, so that the lines of several threads never interleave
        out = stream if stream is not None else sys.stderr
        out.write(f"cadre: hook {hook_name} [{names}] {ms:.1f} ms -> {what}\n")
        out.flush()

    return pm.add_hookcall_monitoring(before, after)


def _size(value: object) -> str:
    """What a hook returned, as a size: never its contents."""
    if value is None:
        return "nothing"
    if isinstance(value, pd.DataFrame):
        return f"{len(value)} rows"
    if hasattr(value, "__len__"):
        n = len(value)
        return f"{n} item" if n == 1 else f"{n} items"
    return type(value).__name__


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
    # Every hook is called through pluggy, never by calling an implementation's function:
    # the call goes through the manager's hook executor, so hookwrappers wrap it,
    # ``pm.add_hookcall_monitoring`` (and ``CADRE_TRACE_PLUGINS``) sees it and pluggy's
    # tryfirst/trylast order holds. It is one pluggy call per implementing plugin, made
    # with ``pm.subset_hook_caller`` (the hook minus the other plugins' implementations;
    # every plugin's wrappers stay in), rather than one ``pm.hook.cadre_x()`` for all:
    # - a single call returns an anonymous list from which pluggy drops ``None``, so
    #   results could not be attributed to plugins, and the host needs the plugin of each
    #   target (``TargetResult.plugin``, ``replaces``), of each parameter (its origin) and
    #   of a failure (the ``PluginError``);
    # - ``cadre_features`` is a fold: each plugin sees the columns of the plugins before
    #   it, which one call with one argument cannot express.
    # A hook that no plugin implements is still called once, through ``pm.hook``, so
    # wrappers and monitors see every hook the engine calls.
    def _implementers(self, hook: str, *, load_order: bool = True) -> list[tuple[str, Any]]:
        """The plugins that implement ``hook`` (wrappers aside), with their
        implementation: in load order, or in pluggy's call order."""
        impls = [
            i
            for i in getattr(self.pm.hook, hook).get_hookimpls()
            if not (i.hookwrapper or i.wrapper)
        ]
        named = [(self.pm.get_name(i.plugin) or "?", i) for i in reversed(impls)]
        if load_order:
            order = self.plugin_names()
            named.sort(key=lambda item: order.index(item[0]) if item[0] in order else len(order))
        return named

    def _call_one(self, hook: str, plugin: str, impl: Any, **kwargs: Any) -> Any:
        """Call ``hook`` through pluggy with ``plugin``'s implementation only (and every
        wrapper); a failure is a :class:`PluginError` naming the plugin to blame."""
        others = [
            i.plugin
            for i in getattr(self.pm.hook, hook).get_hookimpls()
            if i is not impl and not (i.hookwrapper or i.wrapper)
        ]
        caller = self.pm.subset_hook_caller(hook, remove_plugins=others)
        try:
            return caller(**kwargs)
        except Exception as exc:
            blamed = _culprit(exc, caller.get_hookimpls())
            name = (self.pm.get_name(blamed.plugin) or "?") if blamed is not None else plugin
            raise PluginError(name, f"{type(exc).__name__}: {exc}", hook) from exc

    def _calls(self, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call every implementation of ``hook`` in load order, each through pluggy;
        results come with the plugin that returned them; errors name the plugin."""
        implementers = self._implementers(hook)
        if not implementers:
            getattr(self.pm.hook, hook)(**kwargs)
            return []
        return [
            (name, result)
            for name, impl in implementers
            for result in self._call_one(hook, name, impl, **kwargs)
        ]

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
        """Apply every plugin's derived cadre columns, in load order: each plugin sees
        the columns of the plugins before it."""
        implementers = self._implementers("cadre_features")
        if not implementers:
            self.pm.hook.cadre_features(features=features)
        for name, impl in implementers:
            for result in self._call_one("cadre_features", name, impl, features=features):
                try:
                    cols = _as_columns(result)
                except TypeError as exc:
                    raise PluginError(
                        name, f"{type(exc).__name__}: {exc}", "cadre_features"
                    ) from exc
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
        # a first-result hook: pluggy's call order (the last registered first, trylast
        # implementations such as the built-in aggregation last), stopping at an answer
        implementers = self._implementers("cadre_rating_aggregation", load_order=False)
        if not implementers:
            self.pm.hook.cadre_rating_aggregation(**kwargs)
        for name, impl in implementers:
            result = self._call_one("cadre_rating_aggregation", name, impl, **kwargs)
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

    def layouts(self) -> list[Layout]:
        """Every plugin's layout profiles, each with ``source`` set to ``plugin NAME``."""
        out: list[Layout] = []
        for name, result in self._calls("cadre_layouts"):
            for layout in result:
                if not isinstance(layout, Layout):
                    raise PluginError(
                        name, f"returned {type(layout).__name__}, not a Layout", "cadre_layouts"
                    )
                out.append(attrs.evolve(layout, source=f"plugin {name}"))
        return out

    def report_sections(self, evaluation: Any) -> list[Any]:
        """Every plugin's extra report sections."""
        out: list[Any] = []
        for _, result in self._calls("cadre_report_sections", evaluation=evaluation):
            out.extend(result)
        return out


def _culprit(exc: BaseException, impls: Sequence[pluggy.HookImpl]) -> pluggy.HookImpl | None:
    """The implementation (plain or wrapper) whose code raised ``exc``: the innermost
    frame of its traceback that belongs to one of ``impls`` (decorated functions and
    bound methods unwrapped)."""
    codes: dict[object, pluggy.HookImpl] = {}
    for impl in impls:
        fn: Any = impl.function
        for f in (fn, getattr(fn, "__func__", None), inspect.unwrap(fn)):
            code = getattr(f, "__code__", None)
            if code is not None:
                codes[code] = impl
    blamed = None
    tb = exc.__traceback__
    while tb is not None:
        blamed = codes.get(tb.tb_frame.f_code, blamed)
        tb = tb.tb_next
    return blamed


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


def _hashable(plugin: object) -> object:
    """``plugin``, or a module holding its attributes when it cannot be hashed.

    pluggy keeps plugins in sets when it builds a per-plugin hook caller, so an unhashable
    object (a ``types.SimpleNamespace`` of hook functions, a dict-like) would fail at the
    first hook call. A module with the same public attributes is the same plugin to pluggy.

    >>> from types import SimpleNamespace
    >>> proxy = _hashable(SimpleNamespace(cadre_targets=len, __version__="1.0"))
    >>> proxy.cadre_targets is len, proxy.__version__, hash(proxy) == hash(proxy)
    (True, '1.0', True)
    """
    try:
        hash(plugin)
    except TypeError:
        proxy = ModuleType(type(plugin).__name__)
        for key in dir(plugin):
            if not key.startswith("__") or key == "__version__":
                setattr(proxy, key, getattr(plugin, key))
        return proxy
    return plugin


def plugin_from_module(module: ModuleType | object) -> object:
    """Identity helper: any module or object with ``@hookimpl`` functions is a plugin."""
    return module


__all__ = [
    "BUILTIN",
    "ENTRY_POINT_GROUP",
    "PluginError",
    "PluginHost",
    "PluginInfo",
    "make_plugin_manager",
    "plugin_from_module",
    "trace_hook_calls",
]
