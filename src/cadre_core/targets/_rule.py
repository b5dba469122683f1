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

from cadre_core.vocab._labels import label
from cadre_core.vocab._numbers import to_fraction

Op = Literal["all", ">=", ">", "any"]
OPS: tuple[Op, ...] = ("all", ">=", ">", "any")


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
            return label("threshold_all", lang)
        if self.op == "any":
            return label("threshold_any", lang)
        pct = self.value * 100
        shown = str(pct.numerator) if pct.denominator == 1 else f"{float(pct):g}"
        sign = "≥" if self.op == ">=" else ">"
        return f"{sign} {shown}%"
