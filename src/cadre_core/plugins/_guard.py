"""What a plugin returns, checked before the engine uses it.

Each function takes a value a plugin's code returned and either gives it back in the
shape the engine needs or raises :class:`PluginError` naming the plugin, the hook or the
target, and the type of the wrong value. Nothing is coerced silently: a Series on another
index is never reindexed into ``False``, a scalar is never broadcast to every row and a
count is never read as a truth value.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from cadre_core.plugins._errors import PluginError, describe, type_name
from cadre_core.plugins._sdk import Column

T = TypeVar("T")


def items(plugin: str, hook: str, result: object, cls: type[T]) -> list[T]:
    """``result`` as a list of ``cls``: a list or tuple of them (``None``: nothing).

    >>> items("demo", "cadre_parameters", None, int)
    []
    >>> items("demo", "cadre_parameters", 3, int)
    Traceback (most recent call last):
    ...
    cadre_core.plugins._errors.PluginError: plugin 'demo', hook cadre_parameters: returned one int, not a list of int: return [value]
    """
    if result is None:
        return []
    if isinstance(result, cls):
        raise PluginError(plugin, "", hook, said="plugin_one_item", values={"cls": cls.__name__})
    if isinstance(result, str | bytes | Mapping | pd.DataFrame | pd.Series) or not isinstance(
        result, Iterable
    ):
        got = {"type": type_name(result), "cls": cls.__name__}
        raise PluginError(plugin, "", hook, said="plugin_not_list", values=got)
    out = list(result)
    for i, item in enumerate(out):
        if not isinstance(item, cls):
            bad: dict[str, object] = {"i": i, "type": type_name(item), "cls": cls.__name__}
            raise PluginError(plugin, "", hook, said="plugin_bad_item", values=bad)
    return out


def text_mapping(plugin: str, hook: str, result: object) -> dict[str, str]:
    """``result`` as a mapping of text to text (``None``: empty)."""
    if result is None:
        return {}
    if not isinstance(result, Mapping):
        got = {"type": type_name(result)}
        raise PluginError(plugin, "", hook, said="plugin_not_mapping", values=got)
    for key, value in result.items():
        if not isinstance(key, str) or not isinstance(value, str):
            bad = key if not isinstance(key, str) else value
            raise PluginError(
                plugin, f"maps {key!r} with a {type_name(bad)}: keys and values are text", hook
            )
    return dict(result)


class PluginTimeout(Exception):
    """A plugin's code ran longer than ``CADRE_PLUGIN_TIMEOUT`` seconds."""


@contextlib.contextmanager
def time_limit() -> Iterator[None]:
    """Stop a plugin's code after ``CADRE_PLUGIN_TIMEOUT`` seconds (unset: no limit) by
    raising :class:`PluginTimeout` in it: a hook or criterion that hangs becomes an error
    naming the plugin instead of a command that never ends. The limit needs the main
    thread (a signal timer); elsewhere (Dask's threads) the code runs without one.

    >>> import os, time
    >>> os.environ["CADRE_PLUGIN_TIMEOUT"] = "0.05"
    >>> guarded("slow", "criterion", time.sleep, 5, target="slow.1")
    Traceback (most recent call last):
    ...
    cadre_core.plugins._errors.PluginError: plugin 'slow', target 'slow.1': its criterion ran longer than 0.05 s (CADRE_PLUGIN_TIMEOUT)
    >>> del os.environ["CADRE_PLUGIN_TIMEOUT"]
    """
    raw = os.environ.get("CADRE_PLUGIN_TIMEOUT", "").strip()
    seconds = float(raw) if raw else 0.0
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise PluginTimeout(f"ran longer than {raw} s (CADRE_PLUGIN_TIMEOUT)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def guarded(
    plugin: str, what: str, fn: Callable[..., T], *args: Any, target: str | None = None
) -> T:
    """Call a plugin's function (a criterion, an explainer, a feature callable): any
    exception becomes a :class:`PluginError` naming ``plugin`` (and ``target``)."""
    try:
        with time_limit():
            return fn(*args)
    except PluginError:
        raise
    except PluginTimeout as exc:
        raise PluginError(plugin, f"its {what} {exc}", target=target) from exc
    except SystemExit as exc:  # a plugin never ends the command (nor its exit code)
        raise PluginError(
            plugin, f"its {what} called sys.exit({exc.code!r})", target=target
        ) from exc
    except Exception as exc:
        detail = describe(exc)
        if what not in ("population", "criterion", "explainer"):
            raise PluginError(plugin, f"its {what} raised {detail}", target=target) from exc
        said = {"detail": detail}
        raise PluginError(
            plugin, "", target=target, said=f"plugin_{what}_raised", values=said
        ) from exc


def mask(
    values: object, index: pd.Index, *, plugin: str, target: str, what: str, unit: str
) -> pd.Series:
    """A population's or criterion's result as a boolean Series over ``index``.

    Accepted: a Series over the same labels as ``index`` (in any order) holding booleans,
    nullable booleans (a missing value is ``False``), or only 0 and 1. Refused, with the
    reason: anything that is not a Series (a list, an array, a scalar), labels missing or
    unknown, and values that are not truth values (a rank, a score, text).

    >>> idx = pd.Index(["C1", "C2"], name="cadre_id")
    >>> mask(pd.Series([1, 0], index=idx), idx, plugin="p", target="p.1", what="criterion",
    ...      unit="cadres").tolist()
    [True, False]
    >>> mask(pd.Series([3, 1], index=idx), idx, plugin="p", target="p.1", what="criterion",
    ...      unit="cadres")
    Traceback (most recent call last):
    ...
    cadre_core.plugins._errors.PluginError: plugin 'p', target 'p.1': its criterion returned a Series of int64 holding 3, not only True/False (or 0/1): return a comparison, e.g. rank >= 3
    """

    def fail(message: str) -> PluginError:
        return PluginError(plugin, f"its {what} {message}", target=target)

    if not isinstance(values, pd.Series):
        hint = ""
        if isinstance(values, bool | np.bool_ | int | float):
            hint = " (a single value is never spread over every member)"
        raise fail(
            f"returned {type_name(values)}, not a boolean Series over features.{unit}{hint}: "
            f"return a Series indexed like features.{unit}"
        )
    if not (values.index is index or values.index.equals(index)):
        missing = index.difference(values.index)
        unknown = values.index.difference(index)
        if len(missing) or len(unknown) or values.index.has_duplicates:
            parts = []
            if len(missing):
                parts.append(f"{len(missing)} of its members missing (e.g. {missing[0]!r})")
            if len(unknown):
                parts.append(f"{len(unknown)} labels not in it (e.g. {unknown[0]!r})")
            if values.index.has_duplicates:
                parts.append("repeated labels")
            raise fail(
                f"returned a Series on another index than features.{unit}: "
                + ", ".join(parts)
                + f"; build it from features.{unit} so that every member has a value"
            )
        values = values.reindex(index)
    return pd.Series(_truth(values, fail), index=index, copy=False)


def _truth(values: pd.Series, fail: Callable[[str], PluginError]) -> np.ndarray:
    """The truth values of ``values`` as a numpy bool array (missing: False)."""
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype) and not isinstance(dtype, pd.BooleanDtype):
        return values.to_numpy()
    if isinstance(dtype, pd.BooleanDtype):
        return values.fillna(False).to_numpy(dtype=bool)
    if pd.api.types.is_integer_dtype(dtype) or pd.api.types.is_float_dtype(dtype):
        arr = values.to_numpy(dtype="float64", na_value=np.nan)
        known = arr[~np.isnan(arr)]
        odd = known[(known != 0) & (known != 1)]
        if len(odd):
            shown = int(odd[0]) if float(odd[0]).is_integer() else float(odd[0])
            raise fail(
                f"returned a Series of {dtype} holding {shown}, not only True/False (or 0/1): "
                "return a comparison, e.g. rank >= 3"
            )
        return np.asarray(np.nan_to_num(arr, nan=0.0) == 1, dtype=bool)
    if pd.api.types.is_object_dtype(dtype):
        arr = values.to_numpy()
        known = ~pd.isna(arr)
        rest = arr[known]
        odd = [v for v in rest if not isinstance(v, bool | np.bool_)]
        if not odd:
            out = np.zeros(len(arr), dtype=bool)
            out[known] = rest.astype(bool)
            return out
        raise fail(f"returned a Series holding {type_name(odd[0])} {odd[0]!r}, not only True/False")
    raise fail(f"returned a Series of {dtype}, not of True/False")


def explanations(
    plugin: str, target: Any, features: Any, members: pd.Index, lang: str
) -> pd.Series:
    """``target.explain`` over ``members``, guarded: what each failing member lacks, as
    text indexed by member (an exception or a value that is not a Series is a
    :class:`PluginError` naming ``plugin`` and the target)."""
    values = guarded(
        plugin, "explainer", target.explain, features.isolated(), members, lang, target=target.id
    )
    if not isinstance(values, pd.Series):
        raise PluginError(
            plugin,
            f"its explainer returned {type_name(values)}, not a Series of text by member",
            target=target.id,
        )
    return values


def columns(
    plugin: str, result: object, index: pd.Index, owners: Mapping[str, str]
) -> dict[str, pd.Series]:
    """``cadre_features``' result as new (or replacing) columns over ``index``.

    ``owners`` says which plugin made each column already in the frame; a column of
    another plugin is replaced only through :class:`Column` naming that plugin.
    """
    hook = "cadre_features"
    if result is None:
        return {}
    if not isinstance(result, Mapping):
        raise PluginError(
            plugin, f"returned {type_name(result)}, not a mapping of column name to Series", hook
        )
    out: dict[str, pd.Series] = {}
    for name, value in result.items():
        if not isinstance(name, str) or not name:
            raise PluginError(plugin, f"returned a column named {name!r}: names are text", hook)
        replaces = None
        if isinstance(value, Column):
            replaces, value = value.replaces, value.values
        owner = owners.get(name)
        if owner is not None and owner != plugin and replaces != owner:
            raise PluginError(
                plugin,
                f"column {name!r} belongs to plugin {owner!r}; to take its place return "
                f"Column(values, replaces={owner!r}), or give yours another name",
                hook,
                owner=owner,
            )
        if owner is None and replaces is not None:
            raise PluginError(
                plugin, f"column {name!r} says replaces={replaces!r}, but no plugin made it", hook
            )
        if not isinstance(value, pd.Series):
            raise PluginError(
                plugin,
                f"column {name!r} is {type_name(value)}, not a Series indexed like "
                "features.cadres (a single value is never spread over every cadre)",
                hook,
            )
        if not (value.index is index or value.index.equals(index)):
            missing = index.difference(value.index)
            unknown = value.index.difference(value.index.intersection(index))
            if len(missing) or len(unknown) or value.index.has_duplicates:
                raise PluginError(
                    plugin,
                    f"column {name!r} is on another index than features.cadres "
                    f"({len(missing)} cadres missing, {len(unknown)} labels unknown); "
                    "build it from features.cadres",
                    hook,
                )
            value = value.reindex(index)
        out[name] = value
    return out


__all__ = [
    "PluginTimeout",
    "columns",
    "explanations",
    "guarded",
    "items",
    "mask",
    "text_mapping",
    "time_limit",
]
