"""The declarative target model.

A :class:`Target` names its population and criterion as vectorised functions over the
feature frame of its unit (cadres, positions or agencies), its rule and deadline as
defaults that parameters override, and the clause of the resolution it implements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import attrs
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.targets._rule import Rule
from cadre_core.vocab._labels import label

if TYPE_CHECKING:  # _criteria builds on Text, defined here
    from cadre_core.targets._criteria import Criterion

Unit = Literal["cadres", "positions", "agencies"]
UNITS: tuple[Unit, ...] = ("cadres", "positions", "agencies")

#: A vectorised predicate: whole feature frames in, a boolean Series over the unit frame out.
Predicate = Callable[[Features], pd.Series]
#: Explains, for the failing members, what is missing: a Series of text indexed like the unit.
Explainer = Callable[[Features, pd.Index, str], pd.Series]


@attrs.frozen
class Text:
    """A text in Vietnamese and English.

    >>> t = Text("Cán bộ được xếp loại", "Rated cadres")
    >>> t.get("en"), t.get("vi")
    ('Rated cadres', 'Cán bộ được xếp loại')
    """

    vi: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``vi`` or ``en``)."""
        return self.en if lang == "en" else self.vi

    @classmethod
    def of(cls, key: str, **fields: object) -> Text:
        """The label ``key`` of the label table in both languages, its ``{named}`` fields
        filled in each language: a field given as a :class:`Text` is read in that language.

        >>> Text.of("not_met")
        Text(vi='Chưa đạt', en='Not met')
        >>> Text.of("equipment_have", item=Text("máy in", "printer"), have=1, needed=2)
        Text(vi='máy in: có 1/2', en='printer: 1 of 2')
        """

        def said(lang: str) -> str:
            text = label(key, lang)
            if not fields:
                return text
            return text.format(
                **{k: v.get(lang) if isinstance(v, Text) else v for k, v in fields.items()}
            )

        return cls(said("vi"), said("en"))


def column(name: str, unit: Unit = "cadres") -> Predicate:
    """A predicate reading a boolean column of the unit frame.

    >>> column("is_rated").__name__
    'column_is_rated'
    """

    def read(features: Features) -> pd.Series:
        return features.unit_frame(unit)[name].fillna(False).astype(bool)

    read.__name__ = f"column_{name}"
    return read


#: The reasons a :class:`LeftOut` may give (keys of the label table, values of the JSON
#: contract's ``reason`` beside ``no_data``).
LEFT_OUT_REASONS = ("fields_unknown", "holder_set_aside", "level_unknown")


@attrs.frozen
class LeftOut:
    """The members a population leaves out because the input cannot tell whether they
    belong (``members``, a :data:`Predicate`), and why: ``reason``, the key of the label
    table that says it, is the ``reason`` of the result of a commune whose population is
    empty while it left some out (``not_applicable``: never a silent empty population).

    >>> def none(features: Features) -> pd.Series:
    ...     return pd.Series(False, index=features.cadres.index)
    >>> LeftOut(none, "fields_unknown").reason
    'fields_unknown'
    """

    members: Predicate
    reason: str = attrs.field(validator=attrs.validators.in_(LEFT_OUT_REASONS))


#: Why a criterion cannot judge a member: ``level_unknown``, a degree or theory level it
#: reads was set aside by ``--skip-invalid`` (:func:`cadre_core.features._known.level_unknown`).
LEVEL_UNKNOWN = "level_unknown"


@attrs.frozen
class Target:
    """A target of a resolution as an executable rule.

    ``population`` and ``criterion`` receive the :class:`Features` of the as-of day and
    return boolean Series indexed like ``features.unit_frame(unit)``. ``rule`` and
    ``deadline`` are defaults: the parameters ``<id>.threshold`` and ``<id>.deadline``
    override them. ``requirement`` says in words what a member must have; ``explain``
    optionally says per failing member what is missing.

    >>> def every_cadre(features: Features) -> pd.Series:
    ...     return pd.Series(True, index=features.cadres.index)
    >>> title = Text("Mọi cán bộ được xếp loại", "Every cadre rated")
    >>> t = Target("demo.1", title, "Demo plan, clause 1", "cadres", every_cadre,
    ...            column("is_rated"), Rule("all"), dt.date(2026, 12, 31))
    >>> t.threshold_key, t.deadline_key, t.rule.required(41)
    ('demo.1.threshold', 'demo.1.deadline', 41)
    """

    id: str
    title: Text
    source: str
    unit: Unit = attrs.field(validator=attrs.validators.in_(UNITS))
    population: Predicate
    criterion: Predicate
    rule: Rule
    deadline: dt.date
    population_text: Text = Text("", "")
    requirement: Text = Text("", "")
    explain: Explainer | None = None
    bloc: str | None = None  # which bloc's body answers for it; None = per member's agency
    replaces: str | None = None
    order: int = 0
    reads: tuple[str, ...] = ()  # roster tables/columns it reads (see Criterion.reads)
    left_out: LeftOut | None = None  # who the population cannot tell about (LeftOut)
    # whose verdict the criterion cannot tell (a level it reads is unknown): left out of
    # the population too, with this reason (Criterion.unjudged)
    unjudged: LeftOut | None = None

    @classmethod
    def from_criteria(
        cls,
        id: str,
        title: Text,
        source: str,
        population: Criterion,
        criterion: Criterion,
        rule: Rule,
        deadline: dt.date,
        *,
        unit: Unit = "cadres",
        bloc: str | None = None,
        replaces: str | None = None,
        order: int = 0,
    ) -> Target:
        """A target whose texts come from its population and criterion.

        The usual way for a plugin to build a target from :mod:`cadre_core.criteria`:
        ``population_text`` is the population's requirement, ``requirement`` and
        ``explain`` are the criterion's, so no text is written twice; ``left_out`` is the
        population's, ``unjudged`` the criterion's (the members whose verdict it cannot
        tell: left out of the population as well).

        >>> from fractions import Fraction
        >>> from cadre_core import criteria
        >>> leaders = criteria.flag("is_leader", Text("cán bộ lãnh đạo", "leaders"))
        >>> masters = criteria.education_at_least("thac_si")
        >>> t = Target.from_criteria(
        ...     "demo.5a", Text("Lãnh đạo: thạc sĩ", "Leaders: master's degree"),
        ...     "Demo plan, clause 5", leaders, masters, Rule(">=", Fraction(3, 4)),
        ...     dt.date(2030, 12, 31))
        >>> t.unit, t.population_text.vi, t.requirement.en
        ('cadres', 'cán bộ lãnh đạo', "Education master's or higher")
        >>> t.population is leaders, t.criterion is masters, t.explain is masters.explain
        (True, True, True)
        >>> t.left_out, t.unjudged.reason
        (None, 'level_unknown')
        """
        return cls(
            id=id,
            title=title,
            source=source,
            unit=unit,
            population=population,
            criterion=criterion,
            rule=rule,
            deadline=deadline,
            population_text=population.requirement,
            requirement=criterion.requirement,
            explain=criterion.explain,
            bloc=bloc,
            replaces=replaces,
            order=order,
            reads=tuple(getattr(population, "reads", ())) + tuple(getattr(criterion, "reads", ())),
            left_out=getattr(population, "left_out", None),
            unjudged=getattr(criterion, "unjudged", None),
        )

    @property
    def threshold_key(self) -> str:
        """The parameter that overrides the threshold."""
        return f"{self.id}.threshold"

    @property
    def deadline_key(self) -> str:
        """The parameter that overrides the deadline."""
        return f"{self.id}.deadline"
