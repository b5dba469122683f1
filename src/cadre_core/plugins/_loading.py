"""Finding, checking and registering plugins: the plugin manager, built on demand.

No plugin manager exists at import time. :func:`make_plugin_manager` registers the
built-in plugin, then the ``cadre`` entry points one by one, then the plugins given in
``extra``. Each plugin is checked before it is registered, so that a mistake is named
with the plugin's name and what to do: a misspelled hook (with the hook it probably
meant), an argument the hook does not give, a ``cadre_*`` function without ``@hookimpl``
(a warning: pluggy would ignore it silently). A plugin that cannot be loaded or fails a
check raises :class:`PluginError`; with ``keep_going=True`` it is left out and listed in
:func:`broken_plugins` instead.
"""

from __future__ import annotations

import difflib
import importlib.metadata as md
import inspect
import os
from collections.abc import Iterable
from types import ModuleType
from typing import Any

import pluggy

from cadre_core import hookspecs
from cadre_core.plugins._errors import PluginError, describe

ENTRY_POINT_GROUP = "cadre"
BUILTIN = "cadre"
HOOKS: tuple[str, ...] = tuple(
    sorted(n for n in dir(hookspecs) if n.startswith("cadre_") and callable(getattr(hookspecs, n)))
)


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


def _spec_args(hook: str) -> tuple[str, ...]:
    return tuple(inspect.signature(getattr(hookspecs, hook)).parameters)


def check_plugin(name: str, plugin: object) -> list[str]:
    """The mistakes of ``plugin`` that pluggy reports badly or not at all: raises
    :class:`PluginError` for a misspelled hook or an argument the hook does not give;
    returns the warnings (a ``cadre_*`` hook function not marked ``@hookimpl``).

    >>> class Typo:
    ...     @hookspecs.hookimpl
    ...     def cadre_target(self):
    ...         return []
    >>> check_plugin("typo", Typo())
    Traceback (most recent call last):
    ...
    cadre_core.plugins._errors.PluginError: plugin 'typo': implements cadre_target, which is not a cadre hook; did you mean cadre_targets?
    >>> class Plain:
    ...     def cadre_targets(self):
    ...         return []
    >>> check_plugin("plain", Plain())
    ['defines cadre_targets without @hookimpl, so it is never called: decorate it with @hookimpl']
    """
    warnings: list[str] = []
    marker = f"{hookspecs.PROJECT}_impl"
    for attr in sorted(dir(plugin)):
        if not attr.startswith("cadre_"):
            continue
        try:
            fn = getattr(plugin, attr)
        except Exception:  # a property that raises is not a hook
            continue
        if not callable(fn):
            continue
        marked = getattr(fn, marker, None) is not None
        if not marked:
            if attr in HOOKS:
                warnings.append(
                    f"defines {attr} without @hookimpl, so it is never called: "
                    "decorate it with @hookimpl"
                )
            continue
        if attr not in HOOKS:
            close = difflib.get_close_matches(attr, HOOKS, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]}?" if close else f" (the hooks: {', '.join(HOOKS)})"
            raise PluginError(name, f"implements {attr}, which is not a cadre hook{hint}")
        given = _spec_args(attr)
        try:
            params = inspect.signature(fn).parameters
        except (TypeError, ValueError):
            continue
        extra = [
            p
            for p, info in params.items()
            if p not in given
            and info.default is inspect.Parameter.empty
            and info.kind not in (info.VAR_POSITIONAL, info.VAR_KEYWORD)
        ]
        if extra:
            raise PluginError(
                name,
                f"takes argument {extra[0]!r}, which the hook does not give "
                f"(it gives: {', '.join(given) or 'nothing'})",
                attr,
            )
    return warnings


def make_plugin_manager(
    *,
    entry_points: bool = True,
    only: Iterable[str] | None = None,
    extra: Iterable[tuple[str, object]] = (),
    keep_going: bool = False,
    examples: bool = False,
) -> pluggy.PluginManager:
    """Build a plugin manager: the built-in plugin, then entry points, then ``extra``.

    ``only`` keeps the built-in plugin and the plugins named (unknown names raise
    :class:`PluginError`). ``CADRE_LOAD_PLUGINS`` (allow list) and
    ``CADRE_DISABLE_PLUGINS`` (block list), comma-separated, filter entry points too.
    A plugin in ``extra`` takes the place of an installed plugin of the same name.
    ``keep_going`` leaves out a plugin that cannot be loaded (see :func:`broken_plugins`)
    instead of raising. An installed plugin that says it is an example
    (``About(example=True)``, the province template) is loaded only when it is named
    (``only``, ``CADRE_LOAD_PLUGINS``) or ``examples`` is true: examples never appear in a
    user's results by accident (:func:`examples_left_out` lists them).

    >>> from cadre_core.plugins._host import PluginHost
    >>> PluginHost(make_plugin_manager(only=["province_template"])).plugin_names()
    ['cadre', 'province_template']
    >>> make_plugin_manager(only=["no_such_plugin"])
    Traceback (most recent call last):
    ...
    cadre_core.plugins._errors.PluginError: plugin 'no_such_plugin': is not installed (installed: ...)
    """
    from cadre_core.plugins import builtin as _builtin

    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.register(_builtin, name=BUILTIN)
    versions: dict[str, str] = {BUILTIN: _version("cadre-core", _builtin)}
    broken: dict[str, PluginError] = {}
    warnings: list[PluginError] = []
    left_out: list[str] = []

    def add(name: str, load: Any, dist: str | None) -> None:
        try:
            if pm.has_plugin(name) or name in broken:
                what = "is the built-in plugin's name" if name == BUILTIN else "is given twice"
                raise PluginError(name, f"{what} (two plugins use this name)")
            try:
                plugin = _hashable(load())
            except SystemExit as exc:
                raise PluginError(
                    name, f"cannot be loaded: it calls sys.exit({exc.code!r})"
                ) from exc
            except Exception as exc:
                raise PluginError(name, f"cannot be loaded: {describe(exc)}") from exc
            found_warnings = check_plugin(name, plugin)
            try:
                pm.register(plugin, name=name)
            except pluggy.PluginValidationError as exc:
                raise PluginError(name, f"cannot be registered: {exc}") from exc
            warnings.extend(PluginError(name, w) for w in found_warnings)
            versions[name] = _version(dist, plugin)
        except PluginError as exc:
            if not keep_going:
                raise
            broken[name] = exc

    extra = list(extra)
    given = {name for name, _ in extra}
    wanted = set(only) if only is not None else None
    allow = _env_list("CADRE_LOAD_PLUGINS")
    block = _env_list("CADRE_DISABLE_PLUGINS") or set()
    found: set[str] = set()
    if entry_points:
        for ep in sorted(md.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            found.add(ep.name)
            if (wanted is not None and ep.name not in wanted) or ep.name in block:
                continue
            if (allow is not None and ep.name not in allow) or ep.name in given:
                continue
            add(ep.name, ep.load, ep.dist.name if ep.dist else None)
            named = (wanted is not None) or (allow is not None)
            if not (named or examples) and pm.has_plugin(ep.name) and _is_example(pm, ep.name):
                pm.unregister(name=ep.name)
                left_out.append(ep.name)
    for name, plugin in extra:
        found.add(name)
        if wanted is not None and name not in wanted:
            continue
        add(name, lambda plugin=plugin: plugin, None)
    registered_extra = frozenset(name for name, _ in extra if pm.has_plugin(name))
    if wanted is not None:
        unknown = sorted(wanted - found - {BUILTIN})
        if unknown:
            installed = ", ".join(sorted(found))
            raise PluginError(
                unknown[0], "", said="plugin_not_installed", values={"installed": installed}
            )
    pm.check_pending()  # every implementation was checked against the specs above
    pm._cadre_versions = versions  # type: ignore[attr-defined]
    pm._cadre_broken = broken  # type: ignore[attr-defined]
    pm._cadre_warnings = warnings  # type: ignore[attr-defined]
    pm._cadre_examples = left_out  # type: ignore[attr-defined]
    pm._cadre_given = registered_extra  # type: ignore[attr-defined]
    if os.environ.get("CADRE_TRACE_PLUGINS") == "1":
        from cadre_core.plugins._host import trace_hook_calls

        trace_hook_calls(pm)
    return pm


def _is_example(pm: pluggy.PluginManager, name: str) -> bool:
    """Whether plugin ``name`` says it is an example (its ``cadre_about``, called through
    the manager); a failing answer is not one (the host reports the failure later)."""
    others = [p for n, p in pm.list_name_plugin() if n != name]
    try:
        answers = pm.subset_hook_caller("cadre_about", remove_plugins=others)()
    except Exception:
        return False
    return any(getattr(a, "example", False) is True for a in answers)


def given_plugins(pm: pluggy.PluginManager) -> frozenset[str] | None:
    """The plugins given in code (``extra``) that ``make_plugin_manager`` registered, by
    name; ``None`` for a plugin manager it did not build (where any plugin may be).

    >>> import types
    >>> given_plugins(make_plugin_manager(only=["mine"], extra=[("mine", types.ModuleType("m"))]))
    frozenset({'mine'})
    """
    found = getattr(pm, "_cadre_given", None)
    return None if found is None else frozenset(found)


def examples_left_out(pm: pluggy.PluginManager) -> list[str]:
    """The installed example plugins ``make_plugin_manager`` did not load (not named)."""
    return list(getattr(pm, "_cadre_examples", []))


def broken_plugins(pm: pluggy.PluginManager) -> dict[str, PluginError]:
    """The plugins ``make_plugin_manager(keep_going=True)`` left out, with their error."""
    return dict(getattr(pm, "_cadre_broken", {}))


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


__all__ = [
    "BUILTIN",
    "ENTRY_POINT_GROUP",
    "HOOKS",
    "broken_plugins",
    "check_plugin",
    "examples_left_out",
    "given_plugins",
    "make_plugin_manager",
]
