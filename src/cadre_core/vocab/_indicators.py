"""The socio-economic indicators a commune's cadres are evaluated against (section II.2.b
of the plan): each indicator's code, names, unit and direction.

The five built-in indicators (:class:`~cadre_core.vocab._enums.IndicatorCode`) are all
worded so that a higher actual value is better: the poverty indicator is the *reduction*
of the poverty rate, in percentage points, not the rate itself. A plugin declares more
through the ``cadre_indicators`` hook (an indicator where lower is better says so with
``higher_is_better=False``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
import pandas as pd

from cadre_core.vocab._enums import IndicatorCode
from cadre_core.vocab._labels import label

_CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*")


def _code(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise ValueError(
            f"indicator {attribute.name} {value!r} must be lower-case ASCII letters, digits, "
            "underscores and dots, starting with a letter (e.g. forest_cover)"
        )


def _text(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"indicator {attribute.name} must be text, not {value!r}")


@attrs.frozen
class Indicator:
    """One indicator: its code (as the roster's ``indicators.indicator`` column writes it),
    its names, its default unit and its direction, with the text that sets it.

    >>> Indicator("forest_cover", "Tỷ lệ che phủ rừng", "Forest cover", "%", "%").code
    'forest_cover'
    >>> Indicator("Forest cover", "x", "x")
    Traceback (most recent call last):
    ...
    ValueError: indicator code 'Forest cover' must be lower-case ASCII letters, digits, underscores and dots, starting with a letter (e.g. forest_cover)
    """

    code: str = attrs.field(validator=_code)
    name_vi: str = attrs.field(validator=_text)
    name_en: str = attrs.field(validator=_text)
    unit_vi: str = attrs.field(default="", validator=_text)
    unit_en: str = attrs.field(default="", validator=_text)
    higher_is_better: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    source: str = attrs.field(default="", validator=_text)

    def name(self, lang: str = "vi") -> str:
        """The indicator's name in ``lang``."""
        return self.name_en if lang == "en" else self.name_vi

    def unit(self, lang: str = "vi") -> str:
        """The indicator's default unit in ``lang``."""
        return self.unit_en if lang == "en" else self.unit_vi


_UNITS = {
    IndicatorCode.ECONOMIC_GROWTH: "indicator_unit_percent",
    IndicatorCode.BUDGET_REVENUE: "indicator_unit_million_vnd",
    IndicatorCode.PUBLIC_INVESTMENT: "indicator_unit_percent",
    IndicatorCode.INCOME_PER_HEAD: "indicator_unit_million_vnd_head",
    IndicatorCode.POVERTY_REDUCTION: "indicator_unit_points",
}


def builtin_indicators() -> tuple[Indicator, ...]:
    """The five indicators of section II.2.b, every one higher-is-better.

    >>> [i.code for i in builtin_indicators()][-1], builtin_indicators()[-1].unit_vi
    ('poverty_reduction', 'điểm phần trăm')
    """
    return tuple(
        Indicator(
            code.value,
            label(f"indicator_{code.value}", "vi"),
            label(f"indicator_{code.value}", "en"),
            label(_UNITS[code], "vi"),
            label(_UNITS[code], "en"),
            True,
            label("indicator_source_builtin", "vi"),
        )
        for code in IndicatorCode
    )


CATALOGUE_COLUMNS = ("code", "name_vi", "name_en", "unit_vi", "unit_en", "higher_is_better")
"""The columns of an indicator catalogue frame (:func:`catalogue_frame`)."""


def catalogue_frame(indicators: Iterable[Indicator]) -> pd.DataFrame:
    """The indicators as a frame, one row per code (the form the findings read).

    >>> catalogue_frame(builtin_indicators())["code"].tolist()[:2]
    ['economic_growth', 'budget_revenue']
    """
    rows = [
        (i.code, i.name_vi, i.name_en, i.unit_vi, i.unit_en, i.higher_is_better) for i in indicators
    ]
    frame = pd.DataFrame(rows, columns=list(CATALOGUE_COLUMNS), dtype=object)
    return frame.astype({"higher_is_better": bool})


__all__ = ["CATALOGUE_COLUMNS", "Indicator", "builtin_indicators", "catalogue_frame"]
