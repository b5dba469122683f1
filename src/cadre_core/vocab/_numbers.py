"""Exact numbers: thresholds are :class:`fractions.Fraction`, never floats."""

from __future__ import annotations

from fractions import Fraction

__all__ = ["to_fraction"]


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
