"""The plugin host: a typed facade over the hooks of a plugin manager.

The manager is built on demand by :func:`~cadre_core.plugins._loading.make_plugin_manager`
(loading and checking plugins). The host calls each plugin on its own, checks what it
returns (:mod:`._guard`), and gives every target id, parameter key and feature column one
owning plugin: using another's needs ``replaces=`` naming it.

Every hook is called through pluggy (see :meth:`PluginHost._calls`), so hookwrappers
and ``pm.add_hookcall_monitoring`` see every call; ``CADRE_TRACE_PLUGINS=1`` prints each
call on standard error (:func:`trace_hook_calls`).
"""

from __future__ import annotations

import inspect
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO, TypeVar

import attrs
import pandas as pd
import pluggy

from cadre_core.features._frame import Features
from cadre_core.findings._finding import Finding
from cadre_core.plugins import _guard
from cadre_core.plugins._errors import PluginError, describe
from cadre_core.plugins._loading import (
    BUILTIN,
    ENTRY_POINT_GROUP,
    broken_plugins,
    make_plugin_manager,
)
from cadre_core.plugins._sdk import About
from cadre_core.plugins._sections import ReportSection
from cadre_core.roster._layout import Layout
from cadre_core.targets._forms import Form
from cadre_core.targets._params import Parameter, Params, read_params_file
from cadre_core.targets._target import Target
from cadre_core.vocab._enums import RatingLevel
from cadre_core.vocab._indicators import Indicator

T = TypeVar("T")

#: Parameter keys the core reads without a national value: any one plugin may declare
#: them (the province's plan period start, the default standards of leadership posts).
SHARED_KEYS = frozenset({"plan_start", "default_standards"})
#: The built-in plugin's prefixes (its keys are national facts, ``national.*`` ...).
BUILTIN_ABOUT = About(
    prefixes=("national", "nd335", "planner", "equipment_norm", "equipment_names"),
    description="Quy định chung của Trung ương: tuổi nghỉ hưu, xếp loại, tiêu chuẩn chức danh, "
    "định mức trang bị, kế hoạch đào tạo",
)


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
        names = ", ".join(impl.plugin_name for impl in reversed(hook_impls)) or "no plugin"
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
    return "1 item"  # one value (cadre_about's About): a size, never its type or contents


class PluginHost:
    """Typed access to the hooks: one method per hook, each plugin called on its own,
    everything a plugin returns checked (:mod:`._guard`), every key owned by one plugin.

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
        #: plugins left out: not loadable (``keep_going``) or failed (:meth:`exclude`)
        self.failures: list[PluginError] = list(broken_plugins(self.pm).values())
        self._excluded: set[str] = set()
        self._about: dict[str, About] = {}
        for warning in getattr(self.pm, "_cadre_warnings", ()):
            self.warn(warning.plugin, warning.message, warning.hook)

    def warn(self, plugin: str, message: str, hook: str | None = None) -> None:
        """Record a plugin warning (or raise :class:`PluginError` in strict mode)."""
        if self.strict:
            raise PluginError(plugin, message + " (strict mode)", hook)
        text = str(PluginError(plugin, message, hook))
        if text not in self.warnings:
            self.warnings.append(text)

    def exclude(self, error: PluginError) -> None:
        """Leave out the plugin ``error`` blames from every later call (``--keep-going``).

        The built-in plugin is never left out: its failure is raised again."""
        if error.plugin == BUILTIN or error.plugin not in self.plugin_names():
            raise error
        self._excluded.add(error.plugin)
        self.failures.append(error)

    def without_failing(self, work: Callable[[], T], *, keep_going: bool = True) -> T:
        """``work()``; with ``keep_going``, whenever a plugin fails in it, that plugin is
        left out (:meth:`exclude`) and ``work`` runs again from the start, so that nothing
        the failed plugin did stays in the result.

        >>> host = PluginHost(make_plugin_manager(entry_points=False))
        >>> host.without_failing(lambda: len(host.plugin_names()))
        1
        """
        while True:
            try:
                return work()
            except PluginError as exc:
                if not keep_going:
                    raise
                self.exclude(exc)

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
        named = [(n, i) for n, i in named if n not in self._excluded]
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
            with _guard.time_limit():
                return caller(**kwargs)
        except PluginError:
            raise
        except _guard.PluginTimeout as exc:
            raise PluginError(plugin, str(exc), hook) from exc
        except SystemExit as exc:  # a plugin never ends the command (nor its exit code)
            raise PluginError(plugin, f"called sys.exit({exc.code!r})", hook) from exc
        except Exception as exc:
            blamed = _culprit(exc, caller.get_hookimpls())
            name = (self.pm.get_name(blamed.plugin) or "?") if blamed is not None else plugin
            said = {"detail": describe(exc)}
            raise PluginError(name, "", hook, said="plugin_raised", values=said) from exc

    def _calls(self, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call every implementation of ``hook`` in load order, each through pluggy;
        results come with the plugin that returned them; errors name the plugin. Each
        plugin but the built-in one gets its own copy of the frames (:func:`_isolated`)."""
        implementers = self._implementers(hook)
        if not implementers:
            getattr(self.pm.hook, hook)(**kwargs)
            return []
        return [
            (name, result)
            for name, impl in implementers
            for result in self._call_one(hook, name, impl, **_isolated(name, kwargs))
        ]

    def plugin_names(self) -> list[str]:
        """Names of the loaded plugins, the built-in plugin first, then by name."""
        names = [n for n, _ in self.pm.list_name_plugin() if n and n not in self._excluded]
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

    def about(self, plugin: str) -> About:
        """What ``plugin`` says of itself (``cadre_about``); by default it owns the prefix
        of its name (``-`` read as ``_``).

        >>> host = PluginHost(make_plugin_manager(only=["province_template"]))
        >>> about = host.about("province_template")
        >>> about.prefixes, about.example, about.province
        (('tpl',), True, 'Tỉnh Mẫu')
        """
        if plugin == BUILTIN:
            return BUILTIN_ABOUT
        if plugin not in self._about:
            found = About(prefixes=(plugin.replace("-", "_").lower(),))
            for name, impl in self._implementers("cadre_about"):
                if name == plugin:
                    for result in self._call_one("cadre_about", name, impl):
                        if not isinstance(result, About):
                            raise PluginError(
                                name,
                                f"returned {type(result).__name__}, not an About",
                                "cadre_about",
                            )
                        found = result
            self._about[plugin] = found
        return self._about[plugin]

    def _check_prefix(self, plugin: str, key: str, what: str, hook: str) -> None:
        """The id-prefix rule: a warning (an error in strict mode)."""
        if plugin == BUILTIN:
            return
        about = self.about(plugin)
        if not about.owns(key):
            prefixes = " or ".join(f"'{p}.'" for p in about.prefixes)
            self.warn(
                plugin,
                f"{what} {key!r} does not start with {prefixes}: start it with your prefix, "
                "or declare the prefixes you own with the cadre_about hook",
                hook,
            )

    def _owner(self, key: str, a: str, b: str) -> tuple[str, str]:
        """(owner, newcomer) of a key both ``a`` (loaded first) and ``b`` register: the
        plugin whose prefix the key carries, else the one loaded first."""
        a_owns, b_owns = self.about(a).owns(key), self.about(b).owns(key)
        if b_owns and not a_owns:
            return b, a
        return a, b

    def _resolve(
        self, entries: list[tuple[str, Any]], key: Callable[[Any], str], what: str, hook: str
    ) -> list[tuple[str, Any]]:
        """Merge registrations by key: a clash is an error blaming the newcomer and naming
        the owner, unless one says ``replaces=`` the other."""
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
                raise PluginError(plugin, f"registers {what} {k!r} twice", hook)
            if item.replaces == other_plugin:
                chosen[k] = (plugin, item)
            elif other.replaces != plugin:
                owner, newcomer = self._owner(k, other_plugin, plugin)
                raise _clash(what, k, owner, newcomer, hook)
        return [chosen[k] for k in order]

    # --------------------------------------------------------------- registries
    def targets(self) -> list[tuple[str, Target]]:
        """Every target with the plugin that registered it; clashes raise PluginError."""
        entries: list[tuple[str, Target]] = []
        for name, result in self._calls("cadre_targets"):
            for t in _guard.items(name, "cadre_targets", result, Target):
                if not t.source.strip():
                    self.warn(name, f"target {t.id!r} cites no source clause", "cadre_targets")
                if t.replaces is None:
                    self._check_prefix(name, t.id, "target id", "cadre_targets")
                entries.append((name, t))
        return self._resolve(entries, lambda t: t.id, "target", "cadre_targets")

    def forms(self) -> list[tuple[str, Form]]:
        """Every reporting form with the plugin that declared it (``cadre_forms``); a code
        declared by two plugins is an error naming both, unless one says ``replaces=``.

        >>> host = PluginHost(make_plugin_manager(entry_points=False))
        >>> pairs = [(plugin, form.code) for plugin, form in host.forms()]
        >>> pairs[0], pairs[1]
        (('cadre', '9C-BTCTW'), ('cadre', '12C-BTCTW'))
        """
        entries: list[tuple[str, Form]] = []
        for name, result in self._calls("cadre_forms"):
            for form in _guard.items(name, "cadre_forms", result, Form):
                if not form.source.strip():
                    self.warn(name, f"form {form.code!r} cites no source", "cadre_forms")
                entries.append((name, form))
        return self._resolve(entries, lambda f: f.code, "form", "cadre_forms")

    def parameter_definitions(self) -> list[tuple[str, Parameter]]:
        """Every declared parameter with the plugin that declared it; clashes raise
        PluginError."""
        entries: list[tuple[str, Parameter]] = []
        for name, result in self._calls("cadre_parameters"):
            for p in _guard.items(name, "cadre_parameters", result, Parameter):
                if not p.source.strip():
                    self.warn(name, f"parameter {p.key!r} cites no source", "cadre_parameters")
                if p.replaces is None and p.key not in SHARED_KEYS:
                    self._check_prefix(name, p.key, "parameter", "cadre_parameters")
                entries.append((name, p))
        return self._resolve(entries, lambda p: p.key, "parameter", "cadre_parameters")

    def params(
        self,
        targets: Sequence[tuple[str, Target]],
        *,
        file: str | None = None,
        overrides: Mapping[str, Any] | None = None,
    ) -> Params:
        """The parameters in force: built-ins, then plugins, then ``file``, then ``overrides``.

        A target's ``<id>.threshold`` and ``<id>.deadline`` belong to the target's plugin:
        another plugin's parameter of that key is an error unless it says
        ``replaces=<that plugin>``."""
        values: dict[str, Any] = {}
        origins: dict[str, str] = {}
        defs: dict[str, Parameter] = {}
        declared: dict[str, str] = {}
        for plugin, p in self.parameter_definitions():
            values[p.key] = p.default
            origins[p.key] = f"plugin {plugin}"
            defs[p.key] = p
            declared[p.key] = plugin
        for plugin, t in targets:
            derived = []
            if t.rule.op in (">=", ">"):
                derived.append(
                    Parameter(
                        t.threshold_key,
                        t.rule.value,
                        "fraction",
                        f"threshold of {t.id} ({t.rule.op})",
                        t.source,
                    )
                )
            derived.append(
                Parameter(t.deadline_key, t.deadline, "date", f"deadline of {t.id}", t.source)
            )
            for d in derived:
                by = declared.get(d.key)
                if by is not None and by != plugin and defs[d.key].replaces != plugin:
                    raise _clash("parameter", d.key, plugin, by, "cadre_parameters")
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
        the columns of the plugins before it. A column belongs to the plugin that made it
        (the built-in columns to the built-in plugin)."""
        implementers = self._implementers("cadre_features")
        if not implementers:
            self.pm.hook.cadre_features(features=features)
        owners = {c: BUILTIN for c in features.cadres.columns}
        for name, impl in implementers:
            mine = features.isolated() if name != BUILTIN else features
            for result in self._call_one("cadre_features", name, impl, features=mine):
                cols = _guard.columns(name, result, features.cadres.index, owners)
                if not cols:
                    continue
                replaced = {c: v for c, v in cols.items() if c in features.cadres.columns}
                added = {c: v for c, v in cols.items() if c not in replaced}
                if replaced:
                    cadres = features.cadres.copy()
                    for c, v in replaced.items():
                        cadres[c] = v
                    features = attrs.evolve(features, cadres=cadres)
                if added:
                    features = features.with_cadre_columns(added)
                owners.update(dict.fromkeys(cols, name))
        return features

    def findings(self, features: Features, params: Params) -> list[Finding]:
        """Every plugin's findings for the as-of day, addressed to the merged bodies
        (:meth:`responsible_bodies`)."""
        out: list[Finding] = []
        bodies = self.responsible_bodies()
        for name, result in self._calls(
            "cadre_findings", features=features, params=params, bodies=bodies
        ):
            out.extend(_guard.items(name, "cadre_findings", result, Finding))
        return out

    def rating_aggregation(
        self, scores: pd.DataFrame, discipline: pd.DataFrame, params: Params
    ) -> pd.DataFrame | None:
        """Annual levels from quarterly scores: the first plugin that answers wins."""
        kwargs = {"scores": scores, "discipline": discipline, "params": params}
        hook = "cadre_rating_aggregation"
        # a first-result hook: pluggy's call order (the last registered first, trylast
        # implementations such as the built-in aggregation last), stopping at an answer
        implementers = self._implementers(hook, load_order=False)
        if not implementers:
            self.pm.hook.cadre_rating_aggregation(**kwargs)
        for name, impl in implementers:
            result = self._call_one(hook, name, impl, **_isolated(name, kwargs))
            if result is not None:
                if not isinstance(result, pd.DataFrame):
                    raise PluginError(
                        name, f"returned {type(result).__name__}, not a DataFrame", hook
                    )
                missing = [
                    c
                    for c in ("cadre_id", "year", "level", "score", "disciplined")
                    if c not in result.columns
                ]
                if missing:
                    raise PluginError(
                        name, f"returned a frame without the column {missing[0]!r}", hook
                    )
                _check_levels(name, hook, result)
                return result
        return None

    def responsible_bodies(self) -> dict[str, str]:
        """Bloc or target id -> responsible body, later plugins overriding earlier ones."""
        merged: dict[str, str] = {}
        for name, result in self._calls("cadre_responsible_bodies"):
            merged.update(_guard.text_mapping(name, "cadre_responsible_bodies", result))
        return merged

    def layouts(self) -> list[Layout]:
        """Every plugin's layout profiles, each with ``source`` set to ``plugin NAME``."""
        out: list[Layout] = []
        for name, result in self._calls("cadre_layouts"):
            for layout in _guard.items(name, "cadre_layouts", result, Layout):
                out.append(attrs.evolve(layout, source=f"plugin {name}"))
        return out

    def indicators(self) -> list[Indicator]:
        """Every plugin's indicators (the built-in plugin's five first); a code two
        plugins declare is a :class:`PluginError` naming both."""
        out: list[Indicator] = []
        owner: dict[str, str] = {}
        for name, result in self._calls("cadre_indicators"):
            for indicator in _guard.items(name, "cadre_indicators", result, Indicator):
                if indicator.code in owner:
                    raise PluginError(
                        name,
                        f"declares indicator {indicator.code!r}, already declared by plugin "
                        f"{owner[indicator.code]!r}",
                        "cadre_indicators",
                    )
                owner[indicator.code] = name
                out.append(indicator)
        return out

    def report_sections(self, evaluation: Any) -> list[ReportSection]:
        """Every plugin's extra report sections."""
        out: list[ReportSection] = []
        for name, result in self._calls("cadre_report_sections", evaluation=evaluation):
            out.extend(_guard.items(name, "cadre_report_sections", result, ReportSection))
        return out


def _isolated(plugin: str, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Hook arguments for ``plugin``: frames it cannot change for anyone else (features
    through :meth:`Features.isolated`, data frames as new objects under copy-on-write,
    an evaluation with isolated features); the built-in plugin gets them as they are."""
    if plugin == BUILTIN:
        return dict(kwargs)
    out: dict[str, Any] = {}
    for key, value in kwargs.items():
        if isinstance(value, Features):
            value = value.isolated()
        elif isinstance(value, pd.DataFrame):
            value = value.copy(deep=False)
        elif getattr(value, "features", None) is not None and attrs.has(type(value)):
            value = attrs.evolve(value, features=value.features.isolated())
        out[key] = value
    return out


def _check_levels(plugin: str, hook: str, annual: pd.DataFrame) -> None:
    """An annual rating frame's values: known levels and whole years (else the failure
    would surface later, in the built-in findings, and blame the wrong plugin)."""
    known = set(RatingLevel.codes())
    levels = annual["level"].dropna().astype(str)
    odd = sorted(set(levels.unique()) - known)
    if odd:
        raise PluginError(
            plugin,
            f"returned rating levels that are not {', '.join(sorted(known))}: {odd[0]!r}",
            hook,
        )
    years = pd.to_numeric(annual["year"], errors="coerce")
    if years.isna().any() or not (years % 1 == 0).all():
        raise PluginError(plugin, "returned a 'year' column that is not whole years", hook)


def _clash(what: str, key: str, owner: str, newcomer: str, hook: str) -> PluginError:
    """The error of ``newcomer`` registering ``owner``'s ``key`` without ``replaces=``."""
    return PluginError(
        newcomer,
        f"{what} {key!r} belongs to plugin {owner!r}; to override it, set "
        f"replaces={owner!r} on yours; to add your own, give it a key of your own prefix",
        hook,
        owner=owner,
    )


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


def plugin_from_module(module: object) -> object:
    """Identity helper: any module or object with ``@hookimpl`` functions is a plugin."""
    return module


__all__ = [
    "BUILTIN",
    "ENTRY_POINT_GROUP",
    "SHARED_KEYS",
    "PluginError",
    "PluginHost",
    "PluginInfo",
    "make_plugin_manager",
    "plugin_from_module",
    "trace_hook_calls",
]
