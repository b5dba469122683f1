"""Small value types a plugin returns besides targets and parameters.

:class:`About` says who a plugin is (its id prefixes, whether it is an example), through
the ``cadre_about`` hook; :class:`Column` marks a derived column that deliberately takes
the place of another plugin's (``cadre_features``).
"""

from __future__ import annotations

import re

import attrs
import pandas as pd

_PREFIX = re.compile(r"^[a-z][a-z0-9_]*$")


def _prefixes(value: object) -> tuple[str, ...]:
    items = (value,) if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]
    return tuple(str(p) for p in items)


def _stripped(value: object) -> str:
    """A text with its surrounding blanks removed; anything but a text is refused."""
    if not isinstance(value, str):
        raise TypeError(f"a province or description is text, not {type(value).__name__}")
    return value.strip()


@attrs.frozen
class About:
    """Who a plugin is: what ``cadre_about`` returns.

    ``prefixes`` are the first dotted parts of the target ids and parameter keys the
    plugin owns (``"nq05"`` owns ``nq05.5a`` and ``nq05.5a.threshold``); without this hook
    a plugin owns the prefix of its own name. ``example`` marks a plugin that only shows
    how to write one (the province template, a scaffold): it is used only when named.
    ``province`` is the province the plugin's resolution governs, as people write it
    (``"Tỉnh Lai Châu"``); ``description`` says in one line what the plugin carries. Both
    are shown by ``cadre plugins`` and name the province in multi-commune reports.

    >>> About(prefixes="nq05").prefixes
    ('nq05',)
    >>> About(prefixes="nq05", province="  Tỉnh Lai Châu ").province
    'Tỉnh Lai Châu'

    >>> About(prefixes=("NQ 05",))
    Traceback (most recent call last):
    ...
    ValueError: a prefix is lower-case letters, digits and '_', not 'NQ 05'
    """

    prefixes: tuple[str, ...] = attrs.field(default=(), converter=_prefixes)
    example: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    province: str = attrs.field(default="", converter=_stripped)
    description: str = attrs.field(default="", converter=_stripped)

    @prefixes.validator
    def _check(self, _: object, value: tuple[str, ...]) -> None:
        for prefix in value:
            if not _PREFIX.match(prefix):
                raise ValueError(f"a prefix is lower-case letters, digits and '_', not {prefix!r}")

    def owns(self, key: str) -> bool:
        """Whether ``key`` (a target id or parameter key) starts with one of the prefixes.

        >>> About(prefixes=("tpl",)).owns("tpl.5a"), About(prefixes=("tpl",)).owns("tplx.1")
        (True, False)
        """
        return key.split(".", 1)[0] in self.prefixes


@attrs.frozen
class Column:
    """A derived column that takes the place of another plugin's column of the same name.

    Return it from ``cadre_features`` instead of a bare Series, naming the plugin whose
    column it replaces (``"cadre"`` for a built-in column)::

        return {"is_leader": Column(my_leaders, replaces="cadre")}

    >>> Column(pd.Series([True]), replaces="cadre").replaces
    'cadre'
    """

    values: pd.Series = attrs.field(eq=False)
    replaces: str = attrs.field(validator=attrs.validators.instance_of(str))


__all__ = ["About", "Column"]
