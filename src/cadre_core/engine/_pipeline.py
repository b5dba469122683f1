"""The evaluation pipeline: every target, per commune, as of a day, exactly.

One pipeline, whatever the backend (:func:`evaluate`):

1. :func:`prepare`: the plugin host, the targets and the parameters in force, once;
2. a backend computes the per-commune results: the pandas backend (:func:`run_pandas`)
   builds one feature frame for the whole roster (:func:`build_frame`) and evaluates it
   (:func:`commune_results`); the dask backend (``cadre_core.engine._dask``) does the
   same per partition of communes on a cluster;
3. :func:`finish`: the one place an :class:`Evaluation` is built (results, plugins,
   parameters, bodies, skipped rows, sources).

The results themselves (:class:`Evaluation`, :class:`CommuneResult`,
:class:`TargetResult`) and their JSON document live in :mod:`cadre_core.engine._results`.

Backends are found by name in a registry (:func:`register_engine`), so this module never
imports a backend: the dask backend imports the pipeline and registers itself when
:mod:`cadre_core.engine` is imported.

Each target is two vectorised predicates over the feature frame; per-commune counts are
group-bys over all communes at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeVar

import attrs
import numpy as np
import pandas as pd

from cadre_core.engine._members import _commune_keys, _Members
from cadre_core.engine._results import CommuneResult, Evaluation, TargetResult
from cadre_core.features._frame import Features, RosterIndex, build_features
from cadre_core.findings._finding import Finding
from cadre_core.findings._indicators import check_indicator_codes
from cadre_core.findings._indicators_json import indicators_json
from cadre_core.findings._subjects import name_subjects
from cadre_core.plugins._guard import guarded, mask
from cadre_core.plugins._host import PluginHost, make_plugin_manager
from cadre_core.roster._roster import Roster
from cadre_core.targets._params import Params
from cadre_core.targets._rule import Rule
from cadre_core.targets._target import Target
from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._gc import paused_gc
from cadre_core.vocab._indicators import catalogue_frame
from cadre_core.vocab._progress import tracked

T = TypeVar("T")


def member_mask(
    target: Target, which: str, features: Features, index: pd.Index, plugin: str = "?"
) -> pd.Series:
    """Who is in ``target``'s population (``which="population"``), satisfies its
    criterion (``"criterion"``), is left out of its population because the input cannot
    tell (``"left_out"``, :class:`~cadre_core.targets.LeftOut`) or is one whose verdict
    the criterion cannot tell (``"unjudged"``, :attr:`Target.unjudged`), as booleans over
    ``index`` (the unit frame's index). The population leaves out those the criterion
    cannot judge.

    The plugin's function runs guarded: an exception, or a value that is not a boolean
    Series over the unit's members, is a :class:`~cadre_core.PluginError` naming
    ``plugin`` and the target (:mod:`cadre_core.plugins._guard`). ``features`` should be
    the plugin's own view (:meth:`Features.isolated`), so that nothing the function does
    to it reaches another plugin."""
    values = _mask(target, which, features, index, plugin)
    if which == "population" and target.unjudged is not None:
        values = values & ~_mask(target, "unjudged", features, index, plugin)
    return values


def _mask(
    target: Target, which: str, features: Features, index: pd.Index, plugin: str
) -> pd.Series:
    """:func:`member_mask` as the plugin's function alone gives it."""
    fn = target.population if which == "population" else target.criterion
    if which in ("left_out", "unjudged"):
        told = target.left_out if which == "left_out" else target.unjudged
        if told is None:
            raise ValueError(f"target {target.id!r} leaves no member out")
        fn = told.members
    values = guarded(plugin, which, fn, features, target=target.id)
    return mask(values, index, plugin=plugin, target=target.id, what=which, unit=target.unit)


def _rule_in_force(target: Target, params: Params) -> Rule:
    """The target's rule with the threshold in force (``>=``/``>`` rules take it from
    ``params``; other rules keep their own value)."""
    if target.rule.op in (">=", ">"):
        return Rule(target.rule.op, params[target.threshold_key])
    return target.rule


def _statuses(population: np.ndarray, satisfied: np.ndarray, required: np.ndarray) -> np.ndarray:
    """The status name per commune: ``not_applicable`` without members, else ``met`` when
    enough members satisfy the target, else ``not_met``."""
    met = satisfied >= required
    return np.where(population == 0, "not_applicable", np.where(met, "met", "not_met"))


def _evaluate_target(
    target: Target,
    plugin: str,
    features: Features,
    params: Params,
    communes: list[str],
    members: _Members,
) -> list[TargetResult]:
    frame = features.unit_frame(target.unit)
    # a target that reads what the input could not inform is not applicable: no data
    no_data = features.uninformed(target.reads)
    pop = _mask(target, "population", features, frame.index, plugin)
    sat = member_mask(target, "criterion", features, frame.index, plugin)
    unjudged = np.zeros(len(frame), dtype=bool)
    if target.unjudged is not None and not no_data:  # whose verdict cannot be told: out
        unjudged = _mask(target, "unjudged", features, frame.index, plugin).to_numpy()
        unjudged = unjudged & pop.to_numpy()
        pop = pop & ~unjudged
    pop_mask = pop.to_numpy()
    sat_mask = sat.to_numpy() & pop_mask
    size = len(communes)
    n = members.count(pop_mask, size)
    s = members.count(sat_mask, size)
    failing = members.lists(pop_mask & ~sat_mask, size)
    rule = _rule_in_force(target, params)
    deadline: dt.date = params[target.deadline_key]
    required = rule.required_many(n)
    # statuses and shortfalls for all communes at once; then one object per commune
    empty = n == 0
    met = s >= required
    status = _statuses(n, s, required).tolist()
    reasons: list[str | None] = ["no_data" if no_data else None] * size
    left_lists: list[tuple[str, ...]] = [()] * size
    left_reasons: list[str | None] = [None] * size
    if no_data:
        status = ["not_applicable"] * size
        empty = np.ones(size, dtype=bool)
    elif target.left_out is not None or unjudged.any():  # the input cannot tell: listed
        left = np.zeros(len(frame), dtype=bool)
        if target.left_out is not None:
            left = _mask(target, "left_out", features, frame.index, plugin).to_numpy() & ~pop_mask
        left_lists = members.lists(left | unjudged, size)
        # and why: the population's reason where it left some out, else the criterion's
        for told, who in ((target.unjudged, unjudged), (target.left_out, left)):
            if told is not None:
                had = zip((members.count(who, size) > 0).tolist(), left_reasons, strict=True)
                left_reasons = [told.reason if h else r for h, r in had]
        reasons = [why if e else None for why, e in zip(left_reasons, empty.tolist(), strict=True)]
    shortfall = np.where(empty, 0, np.maximum(required - s, 0)).tolist()
    attainable = (required <= n).tolist()
    late = features.as_of > deadline
    overdue = (~empty & ~met & late).tolist()
    return [
        TargetResult(
            id=target.id,
            title=target.title,
            source=target.source,
            unit=target.unit,
            population=ni,
            satisfied=si,
            required=ri,
            shortfall=short,
            rule=rule,
            status=st,
            attainable=att,
            deadline=deadline,
            overdue=late_i,
            failing=fail,
            plugin=plugin,
            population_text=target.population_text,
            requirement=target.requirement,
            reason=why,
            left_out=gone,
            left_out_reason=gone_why,
        )
        for ni, si, ri, short, st, att, late_i, fail, why, gone, gone_why in zip(
            n.tolist(),
            s.tolist(),
            required.tolist(),
            shortfall,
            status,
            attainable,
            overdue,
            failing,
            reasons,
            left_lists,
            left_reasons,
            strict=True,
        )
    ]


@attrs.frozen
class Prepared:
    """What every backend needs, prepared once per evaluation: the day, the plugin host,
    the targets with the plugin that registered each, the parameters in force, and the
    options (one result per commune even for one commune; findings or not)."""

    day: dt.date
    host: PluginHost = attrs.field(eq=False, repr=False)
    targets: tuple[tuple[str, Target], ...]
    params: Params = attrs.field(eq=False)
    by_commune: bool = False
    findings: bool = True
    # what the days of one pass of the pandas backend share (:func:`evaluate_days`): the
    # roster's day-independent part and what the plugins answer whatever the day, each
    # computed on first use; None (another backend, whose partitions may run on threads
    # sharing this object): nothing is kept
    shared: dict[str, Any] | None = attrs.field(default=None, eq=False, repr=False)

    def once(self, roster: Roster, key: str, make: Callable[[], T], *, given: Hashable = None) -> T:
        """``make()`` the first time ``key`` is asked for ``roster`` in this pass (then the
        same value for every later day); without :attr:`shared`, ``make()`` every time.
        ``given`` is what else the value depends on: asked again with another ``given``,
        the value is made again and kept in place of the first."""
        if self.shared is None:
            return make()
        if self.shared.get("roster") is not roster:
            self.shared.clear()
            self.shared["roster"] = roster
        held = self.shared.get(key)
        if held is None or held[0] != given:
            held = self.shared[key] = (given, make())
        value: T = held[1]
        return value


@attrs.frozen
class Computed:
    """What a backend returns: the per-commune results, sorted by commune, and the
    feature frame when it lives in this process (``None`` when it lives on workers)."""

    communes: tuple[CommuneResult, ...]
    features: Features | None = None


class Backend(Protocol):
    """A backend: the per-commune results of ``roster`` for a prepared evaluation."""

    def __call__(self, prepared: Prepared, roster: Roster) -> Computed:
        """Compute every commune's results."""


_ENGINES: dict[str, Backend] = {}


def register_engine(name: str, backend: Backend) -> None:
    """Make ``backend`` available as ``evaluate(..., engine=name)``."""
    _ENGINES[name] = backend


def prepare(
    day: dt.date,
    *,
    plugins: Iterable[str] | None = None,
    params_file: str | None = None,
    params: Mapping[str, Any] | None = None,
    by_commune: bool = False,
    host: PluginHost | None = None,
    findings: bool = True,
) -> Prepared:
    """Step 1: the plugin host (unless given), the targets and the parameters in force.

    ``plugins`` restricts the plugins loaded when no ``host`` is given.
    """
    if host is None:
        host = PluginHost(make_plugin_manager(only=plugins))
    registered = tuple(host.targets())
    values = host.params(registered, file=params_file, overrides=params)
    return Prepared(day, host, registered, values, by_commune=by_commune, findings=findings)


def build_frame(prepared: Prepared, roster: Roster) -> Features:
    """The feature frame of ``roster``: built-in features, the plugins' derived columns
    and the annual ratings (from quarterly scores, when the roster has any)."""
    host, values = prepared.host, prepared.params
    index = prepared.once(roster, "index", lambda: RosterIndex.of(roster))
    features = host.features(build_features(roster, prepared.day, values, index=index))
    # the annual ratings and the indicator catalogue do not depend on the day: asked of
    # the plugins once per pass, at the point of the first day where they always were
    if len(roster.tables.get("scores", ())) or len(roster.tables.get("discipline", ())):
        annual = prepared.once(
            roster,
            "annual_scores",
            lambda: host.rating_aggregation(
                roster.tables["scores"], roster.tables["discipline"], values
            ),
        )
        if annual is not None:
            features = attrs.evolve(
                features, tables={**features.tables, "annual_scores": annual.copy(deep=False)}
            )
    if len(roster.tables.get("indicators", ())):
        declared = prepared.once(roster, "indicator_catalogue", lambda: _catalogue(host, roster))
        features = attrs.evolve(
            features, tables={**features.tables, "indicator_catalogue": declared.copy(deep=False)}
        )
    return features


def _catalogue(host: PluginHost, roster: Roster) -> pd.DataFrame:
    """The plugins' indicator catalogue, once the roster's codes are checked against it."""
    declared = catalogue_frame(host.indicators())
    check_indicator_codes(roster, declared)
    return declared


def commune_results(
    prepared: Prepared, roster: Roster, features: Features
) -> tuple[CommuneResult, ...]:
    """Every target and finding of the feature frame of ``roster``, per commune (sorted
    by name)."""
    values = prepared.params
    communes, grouped = _commune_keys(features, prepared.by_commune)
    members = {
        unit: _Members.of(features.unit_frame(unit), communes, grouped)
        for unit in ("cadres", "positions", "agencies")
    }
    # each plugin's criteria see a view of their own: nothing one does reaches another
    views = {plugin: features.isolated() for plugin in dict(prepared.targets)}
    per_target = [
        _evaluate_target(t, plugin, views[plugin], values, communes, members[t.unit])
        for plugin, t in tracked(prepared.targets, "progress_evaluating")
    ]
    unrated = members["cadres"].lists(~features.cadres["is_rated"].to_numpy(), len(communes))
    found = (
        name_subjects(prepared.host.findings(features, values), features)
        if prepared.findings
        else []
    )
    by_commune_findings: dict[str, list[Finding]] = {c: [] for c in communes}
    for f in sorted(found, key=lambda f: (f.rule, f.subject, f.message_en, f.message_vi)):
        home = f.commune if grouped and f.commune in by_commune_findings else communes[0]
        by_commune_findings[home].append(f)
    indicators = _pass_indicators(prepared, roster, features, communes, grouped)
    return tuple(
        CommuneResult(
            commune=c,
            targets=tuple(res[i] for res in per_target),
            unrated=unrated[i],
            findings=tuple(by_commune_findings[c]),
            indicators={key: per[c] for key, per in indicators.items()},
        )
        for i, c in enumerate(communes)
    )


def _pass_indicators(
    prepared: Prepared, roster: Roster, features: Features, communes: list[str], grouped: bool
) -> dict[str, dict[str, tuple[dict[str, Any], ...]]]:
    """The evaluation's indicators and surveys (:func:`indicators_json`) by commune.

    They do not depend on the day: they come from the roster's tables and the plugins'
    indicator catalogue, both the same for every day of a pass (plugins add cadre
    columns, never tables). So the days of a trend with the same communes share them,
    computed once (a national roster with indicators: about 0.5 s a day)."""
    return prepared.once(
        roster,
        "indicators",
        lambda: _indicators_by_commune(indicators_json(features, communes), communes, grouped),
        given=(tuple(communes), grouped),
    )


def _indicators_by_commune(
    indicators: Mapping[str, list[dict[str, Any]]], communes: list[str], grouped: bool
) -> dict[str, dict[str, tuple[dict[str, Any], ...]]]:
    """Each item of the evaluation's ``indicators`` (periods, surveys) under its commune,
    in their order, in one pass (every item under every commune when not ``grouped``).

    >>> _indicators_by_commune({"periods": [{"commune": "B"}, {"commune": "A"}]},
    ...                        ["A", "B"], True)["periods"]
    {'A': ({'commune': 'A'},), 'B': ({'commune': 'B'},)}
    """
    out: dict[str, dict[str, tuple[dict[str, Any], ...]]] = {}
    for key, items in indicators.items():
        if not grouped:
            out[key] = dict.fromkeys(communes, tuple(items))
            continue
        found: dict[str, list[dict[str, Any]]] = {c: [] for c in communes}
        for item in items:
            if item["commune"] in found:
                found[item["commune"]].append(item)
        out[key] = {c: tuple(kept) for c, kept in found.items()}
    return out


def run_pandas(prepared: Prepared, roster: Roster) -> Computed:
    """The pandas backend: one feature frame for the whole roster, in this process."""
    features = build_frame(prepared, roster)
    return Computed(commune_results(prepared, roster, features), features)


def finish(prepared: Prepared, roster: Roster, computed: Computed) -> Evaluation:
    """Step 3: the evaluation, the same way for every backend."""
    host = prepared.host
    return Evaluation(
        as_of=prepared.day,
        communes=computed.communes,
        plugins=tuple(host.plugins()),
        params=prepared.params,
        targets=tuple(t for _, t in prepared.targets),
        features=computed.features,
        bodies=host.responsible_bodies(),
        skipped=roster.skipped,
        sources=roster.sources,
        records=roster.records,
        not_read=roster.not_read,
        warnings=roster.warnings,
        failed_plugins=tuple(host.failures),
    )


register_engine("pandas", run_pandas)


def evaluate(
    roster: Roster,
    as_of: dt.date | str | None = None,
    *,
    plugins: Iterable[str] | None = None,
    params_file: str | None = None,
    params: Mapping[str, Any] | None = None,
    by_commune: bool = False,
    host: PluginHost | None = None,
    findings: bool = True,
    engine: str = "pandas",
    keep_going: bool = False,
) -> Evaluation:
    """Evaluate every target of the selected plugins on ``roster`` as of ``as_of``.

    ``plugins`` restricts to the named plugins (the built-in plugin is always loaded);
    ``params_file`` (TOML) and ``params`` override parameter values; ``by_commune`` gives
    one result per commune even when the roster has a single one. ``engine="dask"``
    (the ``dask`` extra) partitions the roster by commune over a Dask cluster (the current
    ``distributed`` client if any) and gives the same evaluation, always per commune
    (see :func:`cadre_core.engine.evaluate_dask`).

    A plugin's mistake raises :class:`~cadre_core.PluginError` naming it. With
    ``keep_going`` the failing plugin is left out instead (as if it were not installed:
    nothing it did stays in the other plugins' results) and the evaluation is listed in
    :attr:`Evaluation.failed_plugins`; the built-in plugin's failure is always raised.
    For many days of one roster, :func:`evaluate_days` gives the same evaluations faster.

    >>> ev = evaluate(sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> {t.id: (t.satisfied, t.required, t.status) for t in ev.communes[0].targets}
    {'tpl.5a': (3, 4, 'not_met'), 'tpl.7b': (14, 14, 'met'), 'tpl.youth': (0, 1, 'not_met')}
    >>> ev = evaluate(sample_roster(), "2026-12-31", plugins=["province_template"],
    ...               params={"tpl.5a.threshold": "1/2"})
    >>> t = ev.communes[0].target("tpl.5a")
    >>> t.required, t.status, ev.params.origin("tpl.5a.threshold")
    (3, 'met', 'argument')
    """
    (evaluation,) = evaluate_days(
        roster,
        [as_of],
        plugins=plugins,
        params_file=params_file,
        params=params,
        by_commune=by_commune,
        host=host,
        findings=findings,
        engine=engine,
        keep_going=keep_going,
    )
    return evaluation


def evaluate_days(
    roster: Roster,
    days: Iterable[dt.date | str | None],
    *,
    plugins: Iterable[str] | None = None,
    params_file: str | None = None,
    params: Mapping[str, Any] | None = None,
    by_commune: bool = False,
    host: PluginHost | None = None,
    findings: bool = True,
    engine: str = "pandas",
    keep_going: bool = False,
    on_day: Callable[[int], object] | None = None,
    features_of: str = "every",
) -> list[Evaluation]:
    """:func:`evaluate` of ``roster`` as of each of ``days``, in their order (a trend):
    the same evaluations as one :func:`evaluate` per day, at a fraction of the cost.

    The targets and the parameters in force are prepared once (no parameter depends on
    the day), the roster's day-independent part of the feature frames
    (:class:`~cadre_core.features.RosterIndex`: id look-ups, canonical orders, exploded
    trainings, ranked degrees) is built once, and so are the plugins' annual ratings and
    indicator catalogue; each day computes only what the day changes. With
    ``keep_going`` a plugin that fails on any day is left out of every day (the pass
    starts again without it). ``on_day(1)`` is called after each day (a progress bar).
    ``features_of="last"`` keeps the feature frames (:attr:`Evaluation.features`) of the
    last day only, the others set to None as soon as the next day is done: a long trend
    then holds one day's frames, not one per day (about 0.2 GB a day nationally); the
    results are the same.

    >>> r = sample_roster()
    >>> evs = evaluate_days(r, ["2025-12-31", "2026-12-31"], plugins=["province_template"])
    >>> evs[0].as_of.isoformat(), evs[1].as_of.isoformat()
    ('2025-12-31', '2026-12-31')
    >>> evs[1].to_json_bytes() == evaluate(
    ...     r, "2026-12-31", plugins=["province_template"]).to_json_bytes()
    True
    """
    if features_of not in ("every", "last"):
        raise ValueError(f"features_of must be 'every' or 'last', not {features_of!r}")
    if host is None:
        host = PluginHost(make_plugin_manager(only=plugins, keep_going=keep_going))
    # the roster's index (in ``kept``) outlives a pass a failing plugin ends
    made = _PassOf(days, params_file, params, by_commune, host, findings, engine, {})

    def run() -> list[Evaluation]:
        out: list[Evaluation] = []
        for ev in made.evaluations(roster, on_day):
            out.append(ev)
            if features_of == "last" and len(out) > 1:
                out[-2] = attrs.evolve(out[-2], features=None)
        return out

    return host.without_failing(run, keep_going=keep_going)


def iter_days(
    roster: Roster,
    days: Iterable[dt.date | str | None],
    *,
    plugins: Iterable[str] | None = None,
    params_file: str | None = None,
    params: Mapping[str, Any] | None = None,
    by_commune: bool = False,
    host: PluginHost | None = None,
    findings: bool = True,
    engine: str = "pandas",
    on_day: Callable[[int], object] | None = None,
) -> Iterator[Evaluation]:
    """:func:`evaluate_days`, one day at a time: each evaluation is given as soon as its
    day is done, and this keeps nothing of it, so a long trend can be written day by day
    in about one day's memory (a national day's evaluation with its feature frames is
    about 0.2 GB). A plugin that fails raises :class:`~cadre_core.plugins.PluginError`
    (there is no ``keep_going``: the days already given would have to be taken back).

    >>> r = sample_roster()
    >>> days = iter_days(r, ["2025-12-31", "2026-12-31"], plugins=["province_template"])
    >>> [ev.to_json_bytes() for ev in days] == [
    ...     ev.to_json_bytes() for ev in evaluate_days(
    ...         r, ["2025-12-31", "2026-12-31"], plugins=["province_template"])]
    True
    """
    if host is None:
        host = PluginHost(make_plugin_manager(only=plugins))
    made = _PassOf(days, params_file, params, by_commune, host, findings, engine, {})
    return made.evaluations(roster, on_day)


def _days(days: Iterable[dt.date | str | None]) -> tuple[dt.date, ...]:
    """The as-of days, each parsed (a ``ValueError`` naming a day that is not one)."""
    return tuple(parse_day(d, what="as_of") for d in days)


@attrs.frozen
class _PassOf:
    """How the days of a pass are evaluated: the days, the arguments of :func:`prepare`,
    the engine's name (its backend looked up from it) and ``kept``, what outlives a pass
    (the roster's index: a pass that starts again without a failing plugin does not build
    it again). The days and the engine are checked when it is made, not when the first
    day is asked for."""

    wanted: tuple[dt.date, ...] = attrs.field(converter=_days)
    params_file: str | None
    params: Mapping[str, Any] | None
    by_commune: bool
    host: PluginHost
    findings: bool
    engine: str  # a name of register_engine
    kept: dict[str, Any]
    backend: Backend = attrs.field(init=False)

    @backend.default
    def _registered(self) -> Backend:
        """The backend registered as ``engine`` (a ``ValueError`` naming the known ones)."""
        backend = _ENGINES.get(self.engine)
        if backend is None:
            names = " or ".join(repr(n) for n in _ENGINES)
            raise ValueError(f"engine must be {names}, not {self.engine!r}")
        return backend

    def evaluations(
        self, roster: Roster, on_day: Callable[[int], object] | None
    ) -> Iterator[Evaluation]:
        """Each day's evaluation in turn, what does not depend on the day made once
        (:attr:`Prepared.shared`, with the pandas backend only: the others may run
        partitions on threads); ``on_day(1)`` after each day."""
        wanted = self.wanted
        if not wanted:
            return
        first = prepare(
            wanted[0],
            params_file=self.params_file,
            params=self.params,
            by_commune=self.by_commune,
            host=self.host,
            findings=self.findings,
        )
        if self.backend is run_pandas:  # one feature frame at a time, in this thread
            first = attrs.evolve(first, shared=dict(self.kept))
        for day in wanted:
            prepared = first if day == first.day else attrs.evolve(first, day=day)
            with paused_gc():
                ev = finish(prepared, roster, self.backend(prepared, roster))
            if first.shared and "index" in first.shared:
                self.kept.update(roster=roster, index=first.shared["index"])
            yield ev
            if on_day is not None:
                on_day(1)


def required_counts(rule: Rule, sizes: Sequence[int]) -> np.ndarray:
    """:meth:`Rule.required` over many sizes (a convenience for tests and planners)."""
    return rule.required_many(np.asarray(sizes, dtype=np.int64))


__all__ = [
    "Backend",
    "Computed",
    "Prepared",
    "build_frame",
    "commune_results",
    "evaluate",
    "evaluate_days",
    "finish",
    "iter_days",
    "prepare",
    "register_engine",
    "required_counts",
    "run_pandas",
]
