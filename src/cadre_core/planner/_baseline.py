"""The starting point of a plan: its setting, and the roster at every deadline without it.

:func:`setting` fixes what the plan works with (plugins, parameters, programmes, each
target's deadline, the horizon); :func:`baseline` projects the roster to every deadline
(:func:`~cadre_core.planner._projection.project_roster`) and evaluates each target at its
own deadline, per commune.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from cadre_core.features._frame import Features, build_features
from cadre_core.planner._catalogue import Programme
from cadre_core.planner._params import planner_params, programmes
from cadre_core.planner._projection import project_roster
from cadre_core.planner._targets import Communes, TargetAtDeadline, evaluate_at
from cadre_core.plugins._host import PluginHost, make_plugin_manager
from cadre_core.roster._roster import Roster
from cadre_core.targets._params import Params
from cadre_core.targets._target import Target


@attrs.frozen
class Setting:
    """What a plan works with: the plugin host and its targets (in registration order),
    the parameters in force, the programmes, each target's deadline (never before the
    as-of ``day``) and the last year of the plan."""

    day: dt.date
    host: PluginHost
    registered: list[tuple[str, Target]]
    values: Params
    progs: tuple[Programme, ...]
    deadlines: dict[str, dt.date]
    horizon: int

    @property
    def targets(self) -> list[Target]:
        """The targets, in registration order."""
        return [t for _, t in self.registered]

    @property
    def plugin_of(self) -> dict[str, str]:
        """The plugin that registered each target, by target id."""
        return {t.id: plugin for plugin, t in self.registered}

    @property
    def by_code(self) -> dict[str, Programme]:
        """The programmes by code."""
        return {p.code: p for p in self.progs}

    @property
    def years(self) -> range:
        """The years of the plan, from the as-of year to the horizon."""
        return range(self.day.year, self.horizon + 1)


def setting(
    day: dt.date,
    *,
    horizon: int | None,
    plugins: Iterable[str] | None,
    params: Mapping[str, Any] | None,
    params_file: str | None,
    catalogue: Iterable[Programme] | None,
    host: PluginHost | None,
) -> Setting:
    """The setting of a plan from ``day``: ``host`` (default: the built-in plugin and
    ``plugins``), the parameters as an evaluation reads them, the programmes, and the
    horizon (default: the year of the latest deadline)."""
    if host is None:
        host = PluginHost(make_plugin_manager(only=plugins))
    registered = host.targets()
    values = planner_params(host, registered, params_file, params)
    deadlines = {t.id: max(values[t.deadline_key], day) for _, t in registered}
    if horizon is None:
        horizon = max([d.year for d in deadlines.values()] or [day.year])
    progs = programmes(values, catalogue)
    return Setting(day, host, registered, values, progs, deadlines, horizon)


@attrs.frozen
class Baseline:
    """The roster without a plan: as it is on the as-of day (``now``, after plugins), as
    projected to the horizon (``projected``), its raw feature frames at every deadline
    (``raws``, before plugins: the what-if frames start from them), and every target at
    its deadline (``before``, by target id)."""

    setting: Setting
    roster: Roster
    projected: Roster
    now: Features
    communes: Communes
    raws: dict[dt.date, Features]
    before: dict[str, TargetAtDeadline]


def baseline(roster: Roster, s: Setting) -> Baseline:
    """Project ``roster`` to the horizon and evaluate every target at its deadline."""
    projected = project_roster(roster, s.day, s.horizon)
    now = s.host.features(build_features(roster, s.day, s.values))
    communes = Communes.of(now)
    raws: dict[dt.date, Features] = {}
    feats: dict[dt.date, Features] = {}
    for d in sorted(set(s.deadlines.values())):
        raws[d] = build_features(projected, d, s.values)
        feats[d] = s.host.features(raws[d])
    before = {
        t.id: evaluate_at(t, feats[s.deadlines[t.id]], s.values, communes, plugin)
        for plugin, t in s.registered
    }
    return Baseline(s, roster, projected, now, communes, raws, before)


__all__ = ["Baseline", "Setting", "baseline", "setting"]
