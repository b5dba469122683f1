"""The dask backend: the same evaluation, partitioned by commune, on a Dask cluster.

For rosters beyond one machine (a ministry's, a whole country's over years) the tables
are cut into partitions of whole communes; each worker builds the feature frame of its
partition and evaluates it with the pipeline's own steps, with the targets and the
parameters prepared once by the pipeline; the per-commune results are merged and the
pipeline finishes them into the same :class:`Evaluation` as the pandas backend's
(sources, plugins, bodies, skipped rows, audit).

A partition holds, for its communes: their agencies and positions, every cadre who has
ever held one of those positions with *all* of that cadre's assignments (so a cadre who
also holds a post in another commune is attributed to the same commune as by the pandas
engine), the positions and agencies those assignments refer to, and the cadres' rows of
every other table. Results of communes outside the partition are dropped, so every
commune is computed once, from complete data, and the merged evaluation equals
``evaluate(roster, as_of, by_commune=True)``.

Needs the optional ``dask`` extra (``pip install cadre-core[dask]``).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import pandas as pd

from cadre_core.engine._pipeline import (
    Computed,
    Prepared,
    build_frame,
    commune_results,
    finish,
    prepare,
    register_engine,
)
from cadre_core.engine._results import CommuneResult, Evaluation
from cadre_core.plugins._host import PluginHost
from cadre_core.plugins._shipping import ShippedPlugins
from cadre_core.roster._roster import Roster
from cadre_core.targets._params import Params
from cadre_core.targets._target import Target
from cadre_core.vocab._cpus import usable_cpus
from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._gc import paused_gc

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

CADRE_TABLES = ("cadres", "degrees", "theory", "trainings", "ratings")
_PART = "__partition__"
_ROW = "__row__"


def dask_module(name: str) -> Any:
    """The Dask module ``name`` (``dask``, ``distributed``), or an ``ImportError`` that says
    which extra to install: the one place the evaluation and the planner ask for Dask."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "engine='dask' needs the optional dask extra: pip install 'cadre-core[dask]'"
        ) from exc


def commune_partitions(
    roster: Roster, npartitions: int
) -> list[tuple[tuple[str, ...], dict[str, pd.DataFrame]]]:
    """Cut ``roster`` into at most ``npartitions`` partitions of whole communes.

    Returns ``(communes, tables)`` per partition, communes in sorted order and
    contiguous. Rows keep their original order within each table.
    """
    t = roster.tables
    agencies = t["agencies"]
    names = np.sort(agencies["commune"].dropna().astype(str).unique())
    if not len(names):
        return [((), dict(t))]
    nparts = max(1, min(int(npartitions), len(names)))
    part_of = pd.Series(np.arange(len(names)) * nparts // len(names), index=names)

    ag_part = agencies["commune"].astype(object).map(part_of)
    ag_map = pd.Series(ag_part.to_numpy(), index=agencies["agency_code"].to_numpy())
    positions = t["positions"]
    pos_part = positions["agency_code"].astype(object).map(ag_map)
    if pos_part.isna().any():
        # positions outside any commune: the engine gives them the roster's name; keep whole
        return [((), dict(t))]
    pos_map = pd.Series(pos_part.to_numpy(), index=positions["position_code"].to_numpy())

    # (cadre, partition) for every cadre that ever held a position of the partition
    asg = t["assignments"]
    pairs = pd.DataFrame(
        {"cadre_id": asg["cadre_id"], _PART: asg["position_code"].astype(object).map(pos_map)}
    )
    pairs = pairs.dropna().drop_duplicates()
    pairs[_PART] = pairs[_PART].astype("int64")

    def by_cadre(frame: pd.DataFrame) -> pd.DataFrame:
        f = frame.assign(**{_ROW: np.arange(len(frame))})
        return f.merge(pairs, on="cadre_id", how="inner")

    split: dict[str, dict[int, pd.DataFrame]] = {}
    for name in (*CADRE_TABLES, "assignments"):
        split[name] = _groups(by_cadre(t[name]))

    # positions and agencies: the partition's own, plus those its cadres' assignments name
    asg_parts = by_cadre(asg)[["position_code", _PART]]
    own_pos = pd.DataFrame({"position_code": positions["position_code"], _PART: pos_part})
    pos_pairs = pd.concat([own_pos.dropna(), asg_parts]).drop_duplicates()
    pos_pairs[_PART] = pos_pairs[_PART].astype("int64")
    pf = positions.assign(**{_ROW: np.arange(len(positions))}).merge(
        pos_pairs, on="position_code", how="inner"
    )
    split["positions"] = _groups(pf)
    own_ag = pd.DataFrame({"agency_code": agencies["agency_code"], _PART: ag_part})
    ag_pairs = pd.concat([own_ag.dropna(), pf[["agency_code", _PART]].dropna()]).drop_duplicates()
    ag_pairs[_PART] = ag_pairs[_PART].astype("int64")
    af = agencies.assign(**{_ROW: np.arange(len(agencies))}).merge(
        ag_pairs, on="agency_code", how="inner"
    )
    split["agencies"] = _groups(af)
    eq = t["equipment"]
    ef = eq.assign(**{_ROW: np.arange(len(eq))}).merge(ag_pairs, on="agency_code", how="inner")
    split["equipment"] = _groups(ef)
    # a commune's indicators and surveys go with its partition (a roster of several
    # communes names the commune of every row)
    for name in ("indicators", "satisfaction"):
        frame = t[name].assign(**{_ROW: np.arange(len(t[name]))})
        part = frame["commune"].astype(object).map(part_of)
        frame = frame[part.notna().to_numpy()]
        frame[_PART] = part.dropna().astype("int64").to_numpy()
        split[name] = _groups(frame)

    out = []
    for p in range(nparts):
        communes = tuple(str(n) for n in names[(part_of == p).to_numpy()])
        tables = {
            name: split[name].get(p, t[name].iloc[0:0]).reset_index(drop=True) for name in split
        }
        for name, frame in t.items():  # tables without a commune key: unchanged
            tables.setdefault(name, frame)
        out.append((communes, tables))
    return out


#: the facts of a roster that only the whole roster's evaluation or plan reads (what the
#: reader noted, the files read and the rows read per table: :func:`finish`, the plan's
#: documents): a part's roster goes without them
WHOLE_ONLY = ("problems", "records", "sources", "input_rows")


@attrs.frozen
class RosterFacts:
    """Every fact of a roster beyond its tables (its name, what its input informs, what
    ``skip_invalid`` set aside, the day a list describes, ...), as a part of it needs
    them: made once on the client, sent to the workers with each part's tables and
    applied there (:meth:`roster`), the one way a part's roster is made.

    What only the whole roster's evaluation or plan reads stays behind
    (:data:`WHOLE_ONLY`), and of what was set aside only the tables set aside whole
    travel (a row set aside is told by :attr:`Roster.rows_aside` and
    :attr:`Roster.held_aside`), so the facts stay small whatever the input's problems.

    >>> r = sample_roster()
    >>> part = RosterFacts.of(r).roster(r.tables)
    >>> part == r, part.name == r.name, part.informed == r.informed
    (True, True, True)
    """

    facts: tuple[tuple[str, Any], ...]

    @classmethod
    def of(cls, roster: Roster) -> RosterFacts:
        """The facts of ``roster`` that its parts need."""
        kept = {
            f.name: getattr(roster, f.name)
            for f in attrs.fields(Roster)
            if f.name != "tables" and f.name not in WHOLE_ONLY
        }
        kept["skipped"] = tuple(p for p in roster.skipped if p.scope == "table")
        return cls(tuple(kept.items()))

    def roster(self, tables: Mapping[str, pd.DataFrame]) -> Roster:
        """The roster of ``tables`` (canonical subsets of the roster's own, not validated
        again) with these facts."""
        return Roster(dict(tables), **dict(self.facts))


def _groups(frame: pd.DataFrame) -> dict[int, pd.DataFrame]:
    ordered = frame.sort_values([_PART, _ROW], kind="stable")
    return {
        int(str(k)): g.drop(columns=[_PART, _ROW]) for k, g in ordered.groupby(_PART, sort=True)
    }


@attrs.frozen
class Shipped:
    """A prepared evaluation as sent to a worker process: the plugin host stays behind
    (it holds modules); the worker loads the same plugins again, installed ones by name
    and those given in code by reference (:class:`ShippedPlugins`). The targets and the
    parameters travel as they are, so a ``--params`` file is read once, by the client.
    """

    day: dt.date
    plugins: ShippedPlugins
    targets: tuple[tuple[str, Target], ...]
    params: Params
    findings: bool

    @classmethod
    def of(cls, prepared: Prepared) -> Shipped:
        """What a worker needs of ``prepared``."""
        return cls(
            prepared.day,
            ShippedPlugins.of(prepared.host),
            prepared.targets,
            prepared.params,
            prepared.findings,
        )

    def prepared(self) -> Prepared:
        """The prepared evaluation, on the worker."""
        return Prepared(
            self.day, self.plugins.host(), self.targets, self.params, True, self.findings
        )


def evaluate_partition(
    tables: Mapping[str, pd.DataFrame],
    communes: tuple[str, ...],
    prepared: Prepared | Shipped,
    facts: RosterFacts,
) -> tuple[CommuneResult, ...]:
    """Evaluate one partition with the pipeline's steps; keep the results of its communes.
    ``facts`` are the whole roster's (:class:`RosterFacts`: what its input informs, what
    ``skip_invalid`` set aside, the day a list describes, ...).

    Runs on a worker. The tables are canonical subsets of a validated roster, so they
    are not validated again.
    """
    with paused_gc():
        if isinstance(prepared, Shipped):
            prepared = prepared.prepared()
        part = facts.roster(tables)
        features = build_frame(prepared, part)
        keep = set(communes)
        return tuple(c for c in commune_results(prepared, part, features) if c.commune in keep)


def _default_partitions(client: Any) -> int:
    if client is not None:
        threads = sum(client.nthreads().values())
        return max(1, 2 * int(threads))
    return 2 * usable_cpus()


def run_dask(
    prepared: Prepared,
    roster: Roster,
    *,
    client: Client | None = None,
    npartitions: int | None = None,
) -> Computed:
    """The dask backend: per-commune results of ``roster``, partitioned by commune.

    ``client`` is a ``distributed.Client`` (default: the current client if one exists,
    else Dask's local threaded scheduler, which shares the plugin host of ``prepared``);
    ``npartitions`` defaults to twice the cluster's threads. The feature frames stay on
    the workers.
    """
    dask = dask_module("dask")
    get_client = dask_module("distributed").get_client

    prepared = attrs.evolve(prepared, by_commune=True)
    if client is None:
        try:
            client = get_client()
        except ValueError:
            client = None
    parts = commune_partitions(roster, npartitions or _default_partitions(client))
    if len(parts) == 1 and not parts[0][0]:
        # no commune in agencies: one commune, nothing to partition
        results = list(commune_results(prepared, roster, build_frame(prepared, roster)))
    elif client is not None:
        cluster: Any = client
        shipped = Shipped.of(prepared)
        futures = cluster.scatter([tables for _, tables in parts])
        facts = cluster.scatter(RosterFacts.of(roster), broadcast=True)
        jobs = [
            cluster.submit(evaluate_partition, f, communes, shipped, facts, pure=False)
            for f, (communes, _) in zip(futures, parts, strict=True)
        ]
        results = [c for chunk in cluster.gather(jobs) for c in chunk]
    else:
        facts = RosterFacts.of(roster)
        tasks = [
            dask.delayed(evaluate_partition, pure=False)(tables, communes, prepared, facts)
            for communes, tables in parts
        ]
        results = [c for chunk in dask.compute(*tasks, scheduler="threads") for c in chunk]
    results.sort(key=lambda c: c.commune)
    return Computed(tuple(results), None)


register_engine("dask", run_dask)


def evaluate_dask(
    roster: Roster,
    as_of: dt.date | str | None = None,
    *,
    client: Client | None = None,
    npartitions: int | None = None,
    plugins: Iterable[str] | None = None,
    params_file: str | None = None,
    params: Mapping[str, Any] | None = None,
    host: PluginHost | None = None,
    findings: bool = True,
) -> Evaluation:
    """:func:`cadre_core.evaluate` with ``by_commune=True``, partitioned by commune on a
    Dask cluster (needs the ``dask`` extra).

    ``client`` is a ``distributed.Client`` (default: the current client if one exists,
    else Dask's local threaded scheduler); ``npartitions`` defaults to twice the
    cluster's threads. Workers of a ``distributed`` cluster load the same plugins by
    name, so they must be installed there. The result equals ``evaluate(roster, as_of,
    by_commune=True, ...)``, audit included; only its ``features`` is ``None`` (they
    live on the workers).
    """
    day = parse_day(as_of, what="as_of")
    with paused_gc():
        prepared = prepare(
            day,
            plugins=plugins,
            params_file=params_file,
            params=params,
            by_commune=True,
            host=host,
            findings=findings,
        )
        computed = run_dask(prepared, roster, client=client, npartitions=npartitions)
        return finish(prepared, roster, computed)


__all__ = [
    "WHOLE_ONLY",
    "RosterFacts",
    "Shipped",
    "commune_partitions",
    "evaluate_dask",
    "evaluate_partition",
    "run_dask",
]
