"""What goes wrong in a plugin, said in one sentence that names the plugin to blame.

:class:`PluginError` is the one exception of the plugin stage; :func:`describe` turns any
exception a plugin's code raised into that sentence's tail (its type, its message without
library reprs, and where in the plugin's code it happened).
"""

from __future__ import annotations

import sys
import sysconfig
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cadre_core.vocab._told import said as said_in
from cadre_core.vocab._told import told_error


class PluginError(Exception):
    """A plugin could not be loaded, conflicts with another, or failed in its own code.

    ``plugin`` is the plugin to blame (the newcomer in a clash), ``hook`` the hook whose
    implementation failed or returned a wrong value, ``target`` the target whose
    population or criterion failed, ``owner`` the other plugin in a clash.

    ``said`` (the key of the sentence ``error_<said>`` in the label table) and ``values``
    give ``message`` from the label table, so that the error can be said in Vietnamese
    (:func:`cadre_core.vocab._told.told`); an error made from a ``message`` alone says it
    as written.

    >>> err = PluginError("demo", "returned int, not a list of Target", "cadre_targets")
    >>> err.plugin, str(err)
    ('demo', "plugin 'demo', hook cadre_targets: returned int, not a list of Target")
    >>> str(PluginError("demo", "its criterion raised KeyError: 'x'", target="demo.1"))
    "plugin 'demo', target 'demo.1': its criterion raised KeyError: 'x'"
    """

    def __init__(
        self,
        plugin: str,
        message: str,
        hook: str | None = None,
        *,
        target: str | None = None,
        owner: str | None = None,
        said: str | None = None,
        values: Mapping[str, object] | None = None,
    ) -> None:
        self.said = said
        self.said_values = dict(values or {})
        inner: object = message
        if said is not None:
            inner = told_error(ValueError, said, **self.said_values)
            message = str(inner)
        self.plugin = plugin
        self.message = message
        self.hook = hook
        self.target = target
        self.owner = owner
        self.key = "plugin" + ("_hook" if hook else "") + ("_target" if target else "")
        self.values: dict[str, object] = {
            "plugin": repr(plugin),
            "hook": hook,
            "target": repr(target),
        }
        self.values["message"] = inner
        super().__init__(said_in(self.key, "en", **self.values))

    def __reduce__(self) -> tuple[Any, ...]:
        # an error raised on a Dask worker travels back pickled: keep every field
        return (
            _rebuild,
            (
                self.plugin,
                self.message,
                self.hook,
                self.target,
                self.owner,
                self.said,
                self.said_values,
            ),
        )

    def to_dict(self) -> dict[str, str | None]:
        """The error as the ``failed_plugins`` item of the JSON output."""
        return {
            "plugin": self.plugin,
            "hook": self.hook,
            "target": self.target,
            "message": self.message,
        }


def _rebuild(
    plugin: str,
    message: str,
    hook: str | None,
    target: str | None,
    owner: str | None,
    said: str | None = None,
    values: Mapping[str, object] | None = None,
) -> PluginError:
    return PluginError(plugin, message, hook, target=target, owner=owner, said=said, values=values)


def describe(exc: BaseException, *, code_of: object | None = None) -> str:
    """``exc`` as ``"KeyError: 'x' (at cadre_demo/__init__.py:12)"``.

    The message drops what libraries add for their own use (attrs validators pass the
    ``Attribute(...)`` object and the allowed values as extra arguments: only the first,
    the sentence, is kept). The location is the innermost frame of the traceback outside
    ``cadre_core`` and the libraries it uses, i.e. in the plugin's own code.

    >>> describe(ValueError("'unit' must be in ('cadres',) (got 'cadre')", object(), ()))
    "ValueError: 'unit' must be in ('cadres',) (got 'cadre')"
    >>> describe(KeyError("is_young"))
    "KeyError: 'is_young'"
    """
    args = exc.args
    if len(args) > 1 and isinstance(args[0], str):
        text = args[0]
    else:
        text = str(exc)
    where = _plugin_frame(exc)
    head = type(exc).__name__ + (f": {text}" if text else "")
    return head + (f" (at {where})" if where else "")


def _library_roots() -> tuple[str, ...]:
    """Folders whose code is never the plugin's: cadre_core, its libraries, the stdlib."""
    roots = [str(Path(__file__).resolve().parents[1]), sysconfig.get_paths()["stdlib"]]
    for name in ("pandas", "numpy", "pluggy", "attr", "attrs"):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "__file__", None):
            roots.append(str(Path(str(module.__file__)).resolve().parent))
    return tuple(roots)


def _plugin_frame(exc: BaseException) -> str | None:
    """``folder/file.py:line`` of the innermost frame of ``exc`` in a plugin's own code."""
    roots = _library_roots()
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = str(Path(frame.filename).resolve()) if frame.filename[:1] != "<" else ""
        if not path or path.startswith(roots):
            continue
        found = f"{Path(path).parent.name}/{Path(path).name}:{frame.lineno}"
    return found


def type_name(value: object) -> str:
    """The type of a wrong value as a reader knows it (``list``, ``Series``, ``Target``)."""
    return type(value).__name__


__all__ = ["PluginError", "describe", "type_name"]
