"""Parameters: named values with a kind, a legal source and a provenance.

Values are layered: the core's national built-ins, then province plugins, then a local
TOML file (``--params FILE``). :class:`Params` records where each value in force came from.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._numbers import to_fraction

KINDS = ("fraction", "date", "topics", "norm", "standards", "int", "text", "mapping")


class ParameterError(ValueError):
    """A parameter value or a parameters file is invalid.

    >>> p = Params({"n": 3}, {"n": "plugin demo"}, {"n": Parameter("n", 3, "int")})
    >>> p.with_values({"m": 1}, "file local.toml")
    Traceback (most recent call last):
    ...
    cadre_core.targets._params.ParameterError: unknown parameter 'm' (file local.toml)
    """


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date | str):
        return parse_day(value)
    raise TypeError(f"{value!r} is not a date")


def _topics(value: Any) -> tuple[str, ...]:
    from cadre_core.vocab._enums import TrainingTopic

    items = value.split(";") if isinstance(value, str) else list(value)
    out = tuple(TrainingTopic(str(x).strip()).value for x in items)
    if not out:
        raise ValueError("a topic list cannot be empty")
    return out


def _norm(value: Any) -> Mapping[str, tuple[Fraction, int]]:
    """Equipment norm: ``{item: [per_cadre, per_agency]}`` or ``{item: {per_cadre, per_agency}}``."""
    out: dict[str, tuple[Fraction, int]] = {}
    for item, spec in dict(value).items():
        if isinstance(spec, Mapping):
            per_cadre, per_agency = spec.get("per_cadre", 0), spec.get("per_agency", 0)
        else:
            per_cadre, per_agency = spec
        pc = to_fraction(per_cadre)
        pa = int(per_agency)
        if pc < 0 or pa < 0:
            raise ValueError(f"norm for {item} cannot be negative")
        out[str(item)] = (pc, pa)
    return out


def _standards(value: Any) -> Mapping[str, tuple[str | None, str | None]]:
    """Default standards: ``{category: [min_education, min_theory]}``."""
    from cadre_core.vocab._enums import Category, EducationLevel, TheoryLevel

    out: dict[str, tuple[str | None, str | None]] = {}
    for cat, spec in dict(value).items():
        if isinstance(spec, Mapping):
            ed, th = spec.get("education"), spec.get("theory")
        else:
            ed, th = spec
        out[Category(cat).value] = (
            EducationLevel(ed).value if ed else None,
            TheoryLevel(th).value if th else None,
        )
    return out


_CONVERTERS: Mapping[str, Any] = {
    "fraction": to_fraction,
    "date": _date,
    "topics": _topics,
    "norm": _norm,
    "standards": _standards,
    "int": int,
    "text": str,
    "mapping": dict,
}


def convert(kind: str, value: Any) -> Any:
    """Convert a raw value (from TOML or Python) to the parameter's kind."""
    return _CONVERTERS[kind](value)


@attrs.frozen
class Parameter:
    """A named parameter a plugin contributes, with its default and its legal source.

    ``replaces`` names the plugin whose parameter of the same key this one overrides.
    The default is converted to the ``kind``:

    >>> Parameter("tpl.5a.threshold", "3/4", "fraction").default
    Fraction(3, 4)
    >>> Parameter("tpl.7b.deadline", "2028-12-31", "date").default
    datetime.date(2028, 12, 31)
    """

    key: str
    default: Any
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    description: str = ""
    source: str = ""
    replaces: str | None = None

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "default", convert(self.kind, self.default))


@attrs.frozen
class Params(Mapping[str, Any]):
    """The parameter values in force, with the origin of each one.

    >>> p = Params({"n": 3}, {"n": "plugin demo"}, {"n": Parameter("n", 3, "int")})
    >>> q = p.with_values({"n": "5"}, "file local.toml")
    >>> (p["n"], p.origin("n")), (q["n"], q.origin("n"))
    ((3, 'plugin demo'), (5, 'file local.toml'))
    """

    data: Mapping[str, Any]
    origins: Mapping[str, str]
    definitions: Mapping[str, Parameter] = attrs.field(factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def origin(self, key: str) -> str:
        """Where the value in force for ``key`` came from."""
        return self.origins[key]

    def with_values(self, values: Mapping[str, Any], origin: str) -> Params:
        """New params with some values overridden (keys must exist)."""
        new = dict(self.data)
        orig = dict(self.origins)
        for k, v in values.items():
            if k not in self.definitions:
                raise ParameterError(f"unknown parameter {k!r} ({origin})")
            try:
                new[k] = convert(self.definitions[k].kind, v)
            except (TypeError, ValueError, KeyError) as exc:
                raise ParameterError(f"parameter {k!r} ({origin}): {exc}") from None
            orig[k] = origin
        return Params(new, orig, self.definitions)

    def to_json(self) -> dict[str, dict[str, Any]]:
        """Every value with its origin, JSON-ready."""
        return {k: {"value": jsonable(self.data[k]), "from": self.origins[k]} for k in sorted(self)}


def jsonable(value: Any) -> Any:
    """A parameter value as JSON (fractions as text, dates ISO)."""
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [jsonable(v) for v in value]
    return value


def flatten_toml(data: Mapping[str, Any], known: set[str], prefix: str = "") -> dict[str, Any]:
    """Flatten nested TOML tables to dotted keys, stopping at known parameter keys."""
    out: dict[str, Any] = {}
    for k, v in data.items():
        key = f"{prefix}{k}"
        if key in known or not isinstance(v, Mapping):
            out[key] = v
        else:
            out.update(flatten_toml(v, known, key + "."))
    return out


def read_params_file(path: str | Path, known: set[str]) -> dict[str, Any]:
    """Read a TOML parameters file into dotted keys.

    Keys may be written flat (``"tpl.5a.threshold" = "3/4"``) or nested
    (``[tpl.5a]`` / ``threshold = "3/4"``); an optional top-level ``[parameters]``
    table is accepted too.
    """
    p = Path(path)
    try:
        data: Mapping[str, Any] = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParameterError(f"{p}: no such parameters file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ParameterError(f"{p}: not a valid TOML file: {exc}") from None
    if set(data) == {"parameters"} and isinstance(data["parameters"], Mapping):
        data = data["parameters"]
    return flatten_toml(data, known)
