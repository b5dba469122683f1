"""The same evaluation, partitioned by commune and run on a Dask cluster.

For rosters beyond one machine (a ministry's, a whole country's over years) the tables
are cut into partitions of whole communes and each partition is evaluated by the pandas
engine on a worker; the per-commune results are merged into one :class:`Evaluation`.

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
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cadre_core.engine._pipeline import CommuneResult, Evaluation, evaluate
from cadre_core.plugins._host import PluginHost, make_plugin_manager
from cadre_core.roster._roster import Roster
from cadre_core.vocab._dates import parse_day

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

CADRE_TABLES = ("cadres", "degrees", "theory", "trainings", "ratings")
_PART = "__partition__"
_ROW = "__row__"


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


def _groups(frame: pd.DataFrame) -> dict[int, pd.DataFrame]:
    ordered = frame.sort_values([_PART, _ROW], kind="stable")
    return {
        int(str(k)): g.drop(columns=[_PART, _ROW]) for k, g in ordered.groupby(_PART, sort=True)
    }


def evaluate_partition(
    tables: Mapping[str, pd.DataFrame],
    name: str,
    as_of: dt.date,
    communes: tuple[str, ...],
    kwargs: Mapping[str, Any],
) -> tuple[CommuneResult, ...]:
    """Evaluate one partition with the pandas engine; keep the results of its communes.

    Runs on a worker. The tables are canonical subsets of a validated roster, so they
    are not validated again.
    """
    roster = Roster(dict(tables), name=name)
    ev = evaluate(roster, as_of, by_commune=True, **kwargs)
    keep = set(communes)
    return tuple(c for c in ev.communes if c.commune in keep)


def _default_partitions(client: Any) -> int:
    if client is not None:
        threads = sum(client.nthreads().values())
        return max(1, 2 * int(threads))
    return max(1, 2 * (os.cpu_count() or 1))


def evaluate_dask(
    roster: Roster,
    as_of: dt.date | str | None = None,
    *,
    client: Client | None = None,
    npartitions: int | None = None,
    plugins: Iterable[str] | None = None,
    params_file: str | None = None,
    params: Mapping[str, Any] | None = None,
    findings: bool = True,
) -> Evaluation:
    """:func:`evaluate` with ``by_commune=True``, partitioned by commune on a Dask cluster.

    ``client`` is a ``distributed.Client`` (default: the current client if one exists,
    else Dask's local threaded scheduler); ``npartitions`` defaults to twice the
    cluster's threads. The result equals ``evaluate(roster, as_of, by_commune=True,
    ...)`` commune for commune; its ``features`` is ``None`` (they live on the workers).
    """
    try:
        dask: Any = importlib.import_module("dask")
        from distributed import get_client
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "engine='dask' needs the optional dask extra: pip install 'cadre-core[dask]'"
        ) from exc

    day = parse_day(as_of, what="as_of")
    only = None if plugins is None else tuple(plugins)
    host = PluginHost(make_plugin_manager(only=only))
    registered = host.targets()
    values = host.params(registered, file=params_file, overrides=params)
    kwargs: dict[str, Any] = {
        "plugins": only,
        "params_file": params_file,
        "params": dict(params) if params else None,
        "findings": findings,
    }

    if client is None:
        try:
            client = get_client()
        except ValueError:
            client = None
    parts = commune_partitions(roster, npartitions or _default_partitions(client))
    if len(parts) == 1 and not parts[0][0]:
        # no commune in agencies: one commune, nothing to partition
        single = evaluate(roster, day, by_commune=True, **kwargs)
        results: list[CommuneResult] = list(single.communes)
    elif client is not None:
        cluster: Any = client
        futures = cluster.scatter([tables for _, tables in parts])
        jobs = [
            cluster.submit(evaluate_partition, f, roster.name, day, communes, kwargs, pure=False)
            for f, (communes, _) in zip(futures, parts, strict=True)
        ]
        results = [c for chunk in cluster.gather(jobs) for c in chunk]
    else:
        tasks = [
            dask.delayed(evaluate_partition, pure=False)(tables, roster.name, day, communes, kwargs)
            for communes, tables in parts
        ]
        results = [c for chunk in dask.compute(*tasks, scheduler="threads") for c in chunk]
    results.sort(key=lambda c: c.commune)
    return Evaluation(
        as_of=day,
        communes=tuple(results),
        plugins=tuple(host.plugins()),
        params=values,
        targets=tuple(t for _, t in registered),
        features=None,
        bodies=host.responsible_bodies(),
    )


__all__ = ["commune_partitions", "evaluate_dask", "evaluate_partition"]
