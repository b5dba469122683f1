"""Public names of a package imported when first asked for (PEP 562).

A package whose ``__init__`` imports every module it publishes makes each import of one of
its modules pay for all of them: ``import cadre_core.roster._values`` would read the
synthetic roster generator, ``cadre --help`` would import pandas. A package lists instead
where each of its names is defined, and :func:`lazy_names` gives it the module
``__getattr__`` and ``__dir__`` that import a name's module the first time the name is
asked for (``package.name``, ``from package import name``, ``from package import *``)::

    from typing import TYPE_CHECKING

    from cadre_core.vocab._lazy import lazy_names

    if TYPE_CHECKING:  # what mypy and the API reference read
        from cadre_core.roster._roster import Roster

    _LAZY = {"Roster": "._roster"}
    if not TYPE_CHECKING:  # mypy sees the imports above, so a misspelt name stays an error
        __getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())

Where a name is defined is written ``"module"`` (its attribute of the same name),
``"module:attribute"`` (under another name) or ``"module:"`` (the module itself); a module
whose name starts with a dot is relative to the package.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    package: str, names: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of the package ``package`` (PEP 562), whose
    module namespace is ``namespace``: a name of ``names`` is imported from where it is
    defined the first time it is asked for, then kept in ``namespace`` (asked for again,
    it costs nothing); ``__dir__`` lists the names not yet imported too.

    >>> namespace = {}
    >>> getattr_, dir_ = lazy_names(
    ...     "demo", {"Fraction": "fractions", "half": "fractions:Fraction", "json": "json:"},
    ...     namespace)
    >>> dir_()
    ['Fraction', 'half', 'json']
    >>> getattr_("half")(1, 2), sorted(namespace)
    (Fraction(1, 2), ['half'])
    >>> getattr_("json").__name__
    'json'
    >>> getattr_("nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'demo' has no attribute 'nothing'
    """

    def __getattr__(name: str) -> Any:
        where = names.get(name)
        if where is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module_name, _, attribute = where.partition(":")
        module = importlib.import_module(module_name, package)
        value = module if where.endswith(":") else getattr(module, attribute or name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *names})

    return __getattr__, __dir__
