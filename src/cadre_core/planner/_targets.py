"""Each target at a day, counted per commune the engine's way.

The planner evaluates targets on projected rosters (and on the roster with the plan
applied) with the engine's own pieces, so that a plan's "met" means what an evaluation's
"met" means: the communes and the commune of each member (``_commune_keys``,
``_Members``), the guarded member masks (``member_mask``), the threshold in force
(``_rule_in_force``) and the status names (``_statuses``). What the planner adds is the
member masks the engine only counts: who is in the population and who satisfies it.
"""

from __future__ import annotations

import datetime as dt

import attrs
import numpy as np
import pandas as pd

from cadre_core.engine._members import _commune_keys, _Members
from cadre_core.engine._pipeline import _rule_in_force, _statuses, member_mask
from cadre_core.features._frame import Features
from cadre_core.targets._params import Params
from cadre_core.targets._rule import Rule
from cadre_core.targets._target import Target


@attrs.frozen
class Communes:
    """The communes of a roster as the engine names them (``grouped``: more than one, so
    each member belongs to its own; else every member belongs to the single one)."""

    names: tuple[str, ...]
    grouped: bool

    @classmethod
    def of(cls, features: Features) -> Communes:
        """The communes of a feature frame (one result per commune when there are many)."""
        names, grouped = _commune_keys(features, False)
        return cls(tuple(names), grouped)

    def members(self, frame: pd.DataFrame) -> _Members:
        """The rows of a unit frame with the position of their commune in :attr:`names`."""
        return _Members.of(frame, list(self.names), self.grouped)

    def of_rows(self, frame: pd.DataFrame, members: _Members | None = None) -> pd.Series:
        """The commune of each row of a unit frame (index of ``frame``; ``members``: the
        frame's :meth:`members` when already known)."""
        codes = (self.members(frame) if members is None else members).codes
        names = np.asarray(self.names, dtype=object)
        return pd.Series(names[codes], index=frame.index, dtype=object)


@attrs.frozen
class TargetAtDeadline:
    """One target on the feature frame of a day: its members and the counts per commune.

    ``pop`` and ``sat`` are boolean over ``frame_index`` (the unit's members; ``sat``
    implies ``pop``), ``key`` the commune of each member, ``counts`` per commune (index
    :attr:`Communes.names`) the population ``n``, the satisfied ``s``, the required
    ``req`` and the ``status``.
    """

    target: Target
    rule: Rule
    deadline: dt.date
    frame_index: pd.Index
    pop: pd.Series
    sat: pd.Series
    key: pd.Series
    counts: pd.DataFrame

    @property
    def failing(self) -> pd.Series:
        """Members in the population that do not satisfy the target."""
        return self.pop & ~self.sat

    def has_gap(self) -> bool:
        """Whether some commune with members has fewer satisfied than required."""
        c = self.counts
        return bool(((c["s"] < c["req"]) & (c["n"] > 0)).any())


def aligned_criterion(
    target: Target, features: Features, index: pd.Index, plugin: str = "?"
) -> pd.Series:
    """Who satisfies ``target``'s criterion on ``features``, as booleans over ``index``
    (a failure names ``plugin``, the target's)."""
    return member_mask(target, "criterion", features.isolated(), index, plugin)


def evaluate_at(
    target: Target, features: Features, values: Params, communes: Communes, plugin: str = "?"
) -> TargetAtDeadline:
    """``target`` (registered by ``plugin``) on ``features`` (after plugins), per commune."""
    frame = features.unit_frame(target.unit)
    members = communes.members(frame)
    pop = member_mask(target, "population", features.isolated(), frame.index, plugin)
    sat = aligned_criterion(target, features, frame.index, plugin) & pop
    size = len(communes.names)
    n = members.count(pop.to_numpy(), size)
    s = members.count(sat.to_numpy(), size)
    rule = _rule_in_force(target, values)
    req = rule.required_many(n)
    counts = pd.DataFrame(
        {"n": n, "s": s, "req": req, "status": _statuses(n, s, req)},
        index=list(communes.names),
    )
    key = communes.of_rows(frame, members)
    return TargetAtDeadline(target, rule, features.as_of, frame.index, pop, sat, key, counts)


__all__ = ["Communes", "TargetAtDeadline", "aligned_criterion", "evaluate_at"]
