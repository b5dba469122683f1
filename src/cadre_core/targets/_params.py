"""Parameters: named values with a kind, a legal source and a provenance.

Values are layered: the core's national built-ins, then province plugins, then a local
TOML file (``--params FILE``). :class:`Params` records where each value in force came from.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from collections.abc import Iterator, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from cadre_core.targets._target import Text
from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._numbers import to_fraction
from cadre_core.vocab._told import os_said, told_error, toml_at

KINDS = ("fraction", "date", "topics", "norm", "standards", "int", "text", "mapping")

#: The largest magnitude of a whole number (a count, a year, an amount in VND) and of the
#: numerator or denominator of a fraction: beyond it a value is a slip, not a setting.
LIMIT = 10**15

# the spellings of an exact fraction: "3/4", "75%", "0.8", "-1" (no exponent: "1e999"
# would be a thousand-digit number)
_FRACTION_RE = re.compile(r"[+-]?(\d+(\.\d+)?%?|\d+/\d+|\.\d+)")
_INT_RE = re.compile(r"[+-]?\d+")


def origin_said(origin: str) -> object:
    """Where a value came from (``file x.toml``, ``argument``, ``plugin p``), to be said
    in the error's language (its English text as written).

    >>> str(origin_said("file local.toml")), str(origin_said("argument"))
    ('file local.toml', 'argument')
    """
    for kind in ("file", "plugin"):
        if origin.startswith(f"{kind} "):
            return told_error(ValueError, f"origin_{kind}", name=origin[len(kind) + 1 :])
    if origin == "argument":
        return told_error(ValueError, "origin_argument")
    return origin


class ParameterError(ValueError):
    """A parameter value or a parameters file is invalid.

    >>> p = Params({"n": 3}, {"n": "plugin demo"}, {"n": Parameter("n", 3, "int")})
    >>> p.with_values({"m": 1}, "file local.toml")
    Traceback (most recent call last):
    ...
    cadre_core.targets._params.ParameterError: unknown parameter 'm' (file local.toml)
    """


def _size(value: int, text: object) -> None:
    if abs(value) > LIMIT:
        raise ValueError(f"{text!r} is too large (at most {LIMIT:.0e} in magnitude)")


def _int(value: Any) -> int:
    """A whole number: an int, an integral float or its text; never a boolean, a
    fraction part, a non-finite or an absurdly large value.

    >>> _int(40), _int("1_000"), _int(40.0)
    (40, 1000, 40)
    >>> _int(40.7)
    Traceback (most recent call last):
    ...
    ValueError: 40.7 is not a whole number
    """
    if isinstance(value, bool):
        raise told_error(TypeError, "value_boolean", value=repr(value))
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise told_error(ValueError, "value_not_whole", value=repr(value))
        number = int(value)
    elif isinstance(value, int):
        number = value
    elif isinstance(value, str):
        text = value.strip().replace("_", "")
        if not _INT_RE.fullmatch(text) or len(text) > 30:
            raise told_error(ValueError, "value_not_whole", value=repr(value))
        number = int(text)
    else:
        raise told_error(TypeError, "value_not_whole", value=repr(value))
    _size(number, value)
    return number


def _fraction(value: Any) -> Fraction:
    """An exact fraction (see :func:`~cadre_core.vocab._numbers.to_fraction`), of a
    bounded size, with no zero denominator and no exponent.

    >>> _fraction("3/4"), _fraction("75%")
    (Fraction(3, 4), Fraction(3, 4))
    >>> _fraction("1/0")
    Traceback (most recent call last):
    ...
    ValueError: '1/0' has a zero denominator
    """
    if isinstance(value, float) and not math.isfinite(value):
        raise told_error(ValueError, "value_not_finite", value=repr(value))
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if not _FRACTION_RE.fullmatch(text) or len(text) > 40:
            raise told_error(ValueError, "value_not_fraction", value=repr(value))
    try:
        out = to_fraction(value)
    except ZeroDivisionError:
        raise ValueError(f"{value!r} has a zero denominator") from None
    _size(out.numerator, value)
    _size(out.denominator, value)
    return out


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise told_error(TypeError, "value_not_text", value=repr(value))
    return value


def _mapping(value: Any) -> dict[Any, Any]:
    if not isinstance(value, Mapping):
        raise told_error(TypeError, "value_not_table", value=repr(value))
    return dict(value)


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date | str):
        return parse_day(value)
    raise told_error(TypeError, "value_not_date", value=repr(value))


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
    for item, spec in _mapping(value).items():
        if isinstance(spec, Mapping):
            per_cadre, per_agency = spec.get("per_cadre", 0), spec.get("per_agency", 0)
        elif isinstance(spec, str):
            raise TypeError(f"norm for {item} must be [per_cadre, per_agency]")
        else:
            per_cadre, per_agency = spec
        pc = _fraction(per_cadre)
        pa = _int(per_agency)
        if pc < 0 or pa < 0:
            raise ValueError(f"norm for {item} cannot be negative")
        out[str(item)] = (pc, pa)
    return out


def _standards(value: Any) -> Mapping[str, tuple[str | None, str | None]]:
    """Default standards: ``{category: [min_education, min_theory]}``."""
    from cadre_core.vocab._enums import Category, EducationLevel, TheoryLevel

    out: dict[str, tuple[str | None, str | None]] = {}
    for cat, spec in _mapping(value).items():
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
    "fraction": _fraction,
    "date": _date,
    "topics": _topics,
    "norm": _norm,
    "standards": _standards,
    "int": _int,
    "text": _text,
    "mapping": _mapping,
}


def convert(kind: str, value: Any) -> Any:
    """Convert a raw value (from TOML or Python) to the parameter's kind.

    Whole numbers must be whole (``40.7`` and ``true`` are refused), fractions exact
    (``"3/4"``, ``"75%"``, ``"0.75"``), and neither absurdly large (:data:`LIMIT`).

    >>> convert("int", "40"), convert("fraction", "3/4")
    (40, Fraction(3, 4))
    >>> convert("int", True)
    Traceback (most recent call last):
    ...
    TypeError: True is a boolean, not a whole number
    """
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

    ``title`` is the parameter's name for people, a :class:`~cadre_core.Text` in
    Vietnamese and English: the appendix of every report names the parameter by it. The ``description`` says more, for whoever
    writes a ``--params`` file.
    """

    key: str
    default: Any
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    description: str = ""
    source: str = ""
    replaces: str | None = None
    #: the least and the largest value allowed (None: no bound beyond the kind's)
    min: Any = None
    max: Any = None
    title: Text | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Text))
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "default", self._in_range(convert(self.kind, self.default)))

    def bounds(self) -> tuple[Any, Any]:
        """The least and largest values allowed: ``min`` and ``max``; a target's
        threshold (a ``fraction`` named ``<id>.threshold``) is a share, from 0 to 1.

        >>> Parameter("demo.1.threshold", "3/4", "fraction").bounds()
        (Fraction(0, 1), Fraction(1, 1))
        >>> Parameter("demo.n", 3, "int", min=1).bounds()
        (1, None)
        """
        lo, hi = self.min, self.max
        if self.kind == "fraction" and self.key.endswith(".threshold"):
            lo = Fraction(0) if lo is None else lo
            hi = Fraction(1) if hi is None else hi
        return lo, hi

    def _in_range(self, value: Any, lo: Any = None, hi: Any = None) -> Any:
        lo = self.min if lo is None else lo
        hi = self.max if hi is None else hi
        if lo is not None and value < lo:
            raise told_error(ValueError, "value_below", value=jsonable(value), lo=jsonable(lo))
        if hi is not None and value > hi:
            raise told_error(ValueError, "value_above", value=jsonable(value), hi=jsonable(hi))
        return value

    def value_of(self, raw: Any) -> Any:
        """``raw`` (from TOML or Python) converted to the kind and checked against
        :meth:`bounds`.

        >>> Parameter("demo.1.threshold", "3/4", "fraction").value_of("3/2")
        Traceback (most recent call last):
        ...
        ValueError: 3/2 is above the largest allowed value 1
        """
        return self._in_range(convert(self.kind, raw), *self.bounds())


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
                raise told_error(
                    ParameterError, "param_unknown", name=repr(k), origin=origin_said(origin)
                )
            try:
                new[k] = self.definitions[k].value_of(v)
            except (TypeError, ValueError, KeyError, ArithmeticError) as exc:
                raise told_error(
                    ParameterError,
                    "param_bad",
                    name=repr(k),
                    origin=origin_said(origin),
                    reason=exc,
                ) from None
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
    """Flatten nested TOML tables to dotted keys, stopping at known parameter keys.

    A key written both flat and nested is refused (neither would silently win):

    >>> flatten_toml({"a.b": 1, "a": {"b": 2}}, {"a.b"})
    Traceback (most recent call last):
    ...
    cadre_core.targets._params.ParameterError: parameter 'a.b' is given twice (flat and nested)
    """
    out: dict[str, Any] = {}
    for k, v in data.items():
        key = f"{prefix}{k}"
        if key in known or not isinstance(v, Mapping):
            items = {key: v}
        else:
            items = flatten_toml(v, known, key + ".")
        for name, value in items.items():
            if name in out:
                raise told_error(ParameterError, "param_twice", name=repr(name))
            out[name] = value
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
        raise told_error(ParameterError, "params_no_file", path=p) from None
    except IsADirectoryError:
        raise told_error(ParameterError, "params_folder", path=p) from None
    except UnicodeDecodeError as exc:
        raise told_error(ParameterError, "params_not_utf8", path=p, reason=exc) from None
    except tomllib.TOMLDecodeError as exc:
        raise told_error(
            ParameterError, "params_not_toml", path=p, reason=exc, at=toml_at(exc)
        ) from None
    except OSError as exc:
        raise told_error(ParameterError, "params_unreadable", path=p, reason=os_said(exc)) from None
    if set(data) == {"parameters"} and isinstance(data["parameters"], Mapping):
        data = data["parameters"]
    try:
        return flatten_toml(data, known)
    except ParameterError as exc:
        raise told_error(ParameterError, "params_in_file", path=p, reason=exc) from None
