"""Rules and their exact arithmetic.

A rule says how many members of a population must satisfy a criterion:
``all``, ``>= p``, ``> p`` (``p`` a :class:`fractions.Fraction`) or ``any`` (at least one).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

import attrs
import numpy as np
import numpy.typing as npt

Op = Literal["all", ">=", ">", "any"]
OPS: tuple[Op, ...] = ("all", ">=", ">", "any")


def to_fraction(value: object) -> Fraction:
    """Parse a threshold exactly: ``"3/4"``, ``"75%"``, ``"0.8"``, ``Fraction`` or int.

    Floats are refused: they are not exact.

    >>> to_fraction("75%"), to_fraction("0.8"), to_fraction("3/4")
    (Fraction(3, 4), Fraction(4, 5), Fraction(3, 4))
    """
    if isinstance(value, bool):
        raise TypeError("a threshold is a fraction, not a boolean")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        raise TypeError(f"threshold {value!r} is a float; write it as text ('{value}') or 'a/b'")
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if text.endswith("%"):
            return Fraction(text[:-1]) / 100
        return Fraction(text)
    raise TypeError(f"cannot read {value!r} as a fraction")


@attrs.frozen
class Rule:
    """How many members must satisfy a criterion.

    >>> Rule(">", Fraction(7, 10)).required(90)
    64
    >>> Rule(">=", Fraction(7, 10)).required(90)
    63
    """

    op: Op = attrs.field(validator=attrs.validators.in_(OPS))
    value: Fraction = attrs.field(default=Fraction(1), converter=to_fraction)
    # the contract's text of ``value``, computed once (a result is written per commune)
    _text: str = attrs.field(init=False, repr=False, eq=False, hash=False)

    @value.validator
    def _check(self, _: object, value: Fraction) -> None:
        if value < 0:
            raise ValueError("a threshold cannot be negative")

    @_text.default
    def _value_text(self) -> str:
        return str(self.value)

    @classmethod
    def all(cls) -> Rule:
        """Every member (100%)."""
        return cls("all", Fraction(1))

    @classmethod
    def any(cls) -> Rule:
        """At least one member."""
        return cls("any", Fraction(0))

    def required(self, n: int) -> int:
        """The least number of satisfying members among ``n`` for the rule to be met."""
        return int(self.required_many(np.asarray([n], dtype=np.int64))[0])

    def required_many(self, n: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """:meth:`required` for many population sizes at once, in exact integer arithmetic."""
        n = np.asarray(n, dtype=np.int64)
        if self.op == "all":
            return n.copy()
        if self.op == "any":
            return np.ones_like(n)
        a, b = self.value.numerator, self.value.denominator
        big = int(n.max(initial=0)) * a >= 2**62
        arr: npt.NDArray[np.int64] | npt.NDArray[np.object_] = n.astype(object) if big else n
        if self.op == ">=":
            req = -((-arr * a) // b)
        else:
            req = (arr * a) // b + 1
        return np.asarray(req, dtype=np.int64) if not big else np.asarray(req, dtype=object)

    def text(self) -> str:
        """The rule as the contract's ``rule.value`` text (an exact fraction)."""
        return self._text

    def describe(self, lang: str = "vi") -> str:
        """The rule in words: ``"≥ 75%"``, ``"tất cả"``, ``"ít nhất một"``."""
        if self.op == "all":
            return "tất cả" if lang == "vi" else "all"
        if self.op == "any":
            return "ít nhất một" if lang == "vi" else "at least one"
        pct = self.value * 100
        shown = str(pct.numerator) if pct.denominator == 1 else f"{float(pct):g}"
        sign = "≥" if self.op == ">=" else ">"
        return f"{sign} {shown}%"
