"""The plan of a large roster: its communes planned as independent problems, in parallel.

A commune's limits, targets and options never touch another's (the model is solved
commune by commune anyway), so the roster is cut into chunks of whole communes
(:func:`cadre_core.engine._dask.commune_partitions`: a chunk holds its communes' agencies
and positions and every cadre who ever held one of their posts, with all of that cadre's
rows, so each cadre is attributed to the same commune as in the whole roster), each chunk
is planned with :func:`~cadre_core.planner._plan.plan_in` and only its own communes'
lines, totals, projections and needs are kept. The chunks run in worker processes
(``concurrent.futures``), in this process (``workers=1``) or on a Dask cluster
(``engine="dask"``); the setting (plugins, parameters, programmes) is made once by the
caller and once per worker process, never per chunk. The parts come back in commune
order whatever the order they finish in (:class:`Chunks`), so the merged plan
(:func:`~cadre_core.planner._result.merge_plans`) and the streamed JSON
(:func:`~cadre_core.planner._result.write_plan_json`) are the same for any number of
workers.

A province-wide yearly budget couples the communes. It is met in two ways, and the plan
with the smaller shortfall is kept (:meth:`Chunks.search`):

- Lagrangian relaxation: a price ``lambda`` (shortfall units per VND) on cost, each
  commune minimising "shortfall + lambda x cost" on its own, the least ``lambda`` at
  which the province's spend fits every year's budget found by bisection;
- shares: each commune may spend, every year, its share of the budget in proportion to
  what it spends without it (:func:`budget_shares`), one more plan of the province.

Every price gives a lower bound on the least total shortfall within the budget (weak
duality): ``L(lambda) = sum of the communes' optima - lambda x budget x years`` (the
years a programme that costs anything may start in); the plan reports its gap to the
best bound (:class:`~cadre_core.planner._result.ProvinceBudget`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import multiprocessing
import secrets
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from fractions import Fraction
from types import TracebackType
from typing import Any

import attrs
import pandas as pd

from cadre_core.engine._dask import RosterFacts, commune_partitions, dask_module
from cadre_core.planner._baseline import Setting, setting
from cadre_core.planner._catalogue import Programme
from cadre_core.planner._options import intakes
from cadre_core.planner._plan import plan_in
from cadre_core.planner._result import Plan, ProvinceBudget, merge_plans
from cadre_core.plugins._host import PluginHost
from cadre_core.plugins._shipping import ShippedPlugins
from cadre_core.roster._roster import Roster
from cadre_core.vocab._cpus import usable_cpus
from cadre_core.vocab._dates import parse_day

#: Communes per chunk: a worker holds one chunk's roster and model at a time.
CHUNK = 64
#: The price search stops when the bracket is this narrow (relative to its top) ...
TOLERANCE = Fraction(1, 100)
#: ... or after this many plans of the whole province.
MAX_ITERATIONS = 24
#: Rounding allowance of the solver's objective when the dual bound is rounded up.
_SLACK = Fraction(1, 10**6)

ENGINES = ("local", "dask")


@attrs.frozen
class ShippedSetting:
    """What a worker process needs to make the plan's :class:`Setting`: the plugins
    (installed ones by name, those given in code by reference: :class:`ShippedPlugins`)
    and the arguments that chose the parameters and the programmes (the targets
    themselves may hold functions no pickle carries). Made once per worker process
    (``token``), never per chunk."""

    token: str
    plugins: ShippedPlugins
    day: dt.date
    horizon: int
    params: Mapping[str, Any] | None
    params_file: str | None
    catalogue: tuple[Programme, ...] | None

    @classmethod
    def of(
        cls,
        s: Setting,
        params: Mapping[str, Any] | None,
        params_file: str | None,
        catalogue: Iterable[Programme] | None,
    ) -> ShippedSetting:
        """What a worker needs to make ``s`` (made of these arguments); a plugin given
        in code that cannot travel is a :class:`PluginError` naming it, before any worker
        starts."""
        return cls(
            secrets.token_hex(8),
            ShippedPlugins.of(s.host),
            s.day,
            s.horizon,
            None if params is None else dict(params),
            params_file,
            None if catalogue is None else tuple(catalogue),
        )

    def setting(self) -> Setting:
        """The setting, on the worker (made once per process)."""
        got = _SETTINGS.get(self.token)
        if got is None:
            got = setting(
                self.day,
                horizon=self.horizon,
                plugins=None,
                params=self.params,
                params_file=self.params_file,
                catalogue=self.catalogue,
                host=self.plugins.host(),
            )
            _SETTINGS.clear()
            _SETTINGS[self.token] = got
        return got


_SETTINGS: dict[str, Setting] = {}


@attrs.frozen
class _Job:
    """One chunk: the whole roster, or its tables with the whole roster's facts
    (:class:`RosterFacts`); its own communes (empty: all)."""

    communes: tuple[str, ...]
    tables: Mapping[str, pd.DataFrame] | None
    roster: Roster | None
    facts: RosterFacts | None = None


def plan_chunk(
    job: _Job,
    s: Setting | ShippedSetting,
    budget: int | Mapping[int, int] | None,
    succession: tuple[str, ...] | None,
    time_limit: float,
    price: float,
    full: bool,
    shares: Mapping[tuple[str, int], int] | None = None,
) -> Plan:
    """The plan of one chunk's own communes (runs on a worker); ``shares`` caps each
    commune's yearly spend (by commune and year)."""
    here = s.setting() if isinstance(s, ShippedSetting) else s
    roster = job.roster
    if roster is None:
        assert job.tables is not None and job.facts is not None
        roster = job.facts.roster(job.tables)
    p = plan_in(
        roster,
        here,
        budget,
        succession,
        time_limit=time_limit,
        price=price,
        full=full,
        shares=shares,
    )
    return p.of_communes(job.communes) if job.communes else p


def _jobs(roster: Roster, size: int) -> list[_Job]:
    """The chunks of ``roster``: of ``size`` communes at most; one job (the roster as it
    is) when it has that few communes or cannot be cut."""
    communes = roster.tables["agencies"]["commune"].dropna().astype(str).unique()
    whole = [_Job((), None, roster)]
    if len(communes) <= size:
        return whole
    parts = commune_partitions(roster, math.ceil(len(communes) / size))
    if len(parts) == 1 and not parts[0][0]:
        return whole
    facts = RosterFacts.of(roster)
    return [_Job(communes, tables, None, facts) for communes, tables in parts]


def workers_default() -> int:
    """The default number of worker processes: the CPUs this process may use."""
    return usable_cpus()


class Chunks:
    """The chunks of a roster and the workers that plan them (a context manager: the
    worker pool or the local Dask cluster it starts ends with the block).

    ``workers``: processes (default the number of CPUs; 1: in this process);
    ``engine``: ``"local"`` (default) or ``"dask"`` (``client``: a ``distributed.Client``,
    default the current one, else a local cluster of ``workers`` processes);
    ``made_of``: the parameters, parameter file and catalogue ``s`` was made of, from
    which each worker makes it again (default: none, and ``s``'s programmes)."""

    def __init__(
        self,
        roster: Roster,
        s: Setting,
        *,
        budget: int | Mapping[int, int] | None = None,
        succession: Iterable[str] | None = None,
        time_limit: float = 60.0,
        workers: int | None = None,
        engine: str | None = None,
        client: Any = None,
        size: int = CHUNK,
        made_of: tuple[Mapping[str, Any] | None, str | None, Iterable[Programme] | None]
        | None = None,
    ) -> None:
        engine = engine or ("dask" if client is not None else "local")
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        if size < 1:
            raise ValueError(f"chunk size must be at least 1, not {size}")
        self.setting = s
        self.jobs = _jobs(roster, size)
        self.budget = budget
        self.succession = None if succession is None else tuple(succession)
        self.time_limit = time_limit
        self.workers = workers or workers_default()
        self.engine = engine
        self.client = client
        self._stack = contextlib.ExitStack()
        self._pool: Executor | None = None
        # the parameters, parameter file and catalogue ``s`` was made of, for the workers
        self._made_of = made_of if made_of is not None else (None, None, s.progs)
        self._shipped: ShippedSetting | None = None

    def __enter__(self) -> Chunks:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stack.close()

    def _executor(self) -> Any:
        """The pool or the Dask client, started on first use (``None``: in process)."""
        if self.engine == "dask":
            if self.client is None:
                self.client = self._stack.enter_context(_dask_client(self.workers))
            return self.client
        if self.workers == 1 or len(self.jobs) == 1:
            return None
        if self._pool is None:
            # workers start from a clean server process, never forked from this one
            # (which may run threads: progress bars, a plugin's)
            context = multiprocessing.get_context(
                "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None
            )
            self._pool = self._stack.enter_context(
                ProcessPoolExecutor(
                    max_workers=min(self.workers, len(self.jobs)), mp_context=context
                )
            )
        return self._pool

    def _shipping(self) -> ShippedSetting:
        """The setting as the workers make it, made once (only when workers are used: a
        plugin given in code that cannot travel is an error there, not in process)."""
        if self._shipped is None:
            params, params_file, catalogue = self._made_of
            self._shipped = ShippedSetting.of(self.setting, params, params_file, catalogue)
        return self._shipped

    def run(
        self,
        price: float = 0.0,
        *,
        full: bool = True,
        shares: Mapping[tuple[str, int], int] | None = None,
    ) -> Iterator[Plan]:
        """The plan of each chunk, in commune order (each waits for its turn: a chunk
        finished early is kept until those before it are given); ``shares`` caps each
        commune's yearly spend (by commune and year; each chunk is sent its own)."""
        args = (self.budget, self.succession, self.time_limit, price, full)

        def own(job: _Job) -> dict[tuple[str, int], int] | None:
            if shares is None:
                return None
            mine = set(job.communes)
            return {k: v for k, v in shares.items() if not mine or k[0] in mine}

        ex = self._executor()
        if ex is None:
            for job in self.jobs:
                yield plan_chunk(job, self.setting, *args, own(job))
            return
        if isinstance(ex, Executor):
            futures: list[Any] = [
                ex.submit(plan_chunk, job, self._shipping(), *args, own(job)) for job in self.jobs
            ]
            try:
                for f in futures:
                    yield f.result()
            finally:
                for f in futures:
                    f.cancel()
            return
        shipped = self._shipping()
        jobs = [
            ex.submit(plan_chunk, job, shipped, *args, own(job), pure=False) for job in self.jobs
        ]
        try:
            for i in range(len(jobs)):
                yield jobs[i].result()
                jobs[i] = None  # the cluster may forget it
        finally:
            left = [f for f in jobs if f is not None]
            if left:
                ex.cancel(left)

    def plans(self, *, price: float = 0.0, province_budget: int | None = None) -> Iterator[Plan]:
        """The plan of each chunk in commune order; with ``province_budget`` (VND a year
        for the whole roster) the best plan :meth:`search` found within it, each part
        carrying the :class:`ProvinceBudget` report."""
        if province_budget is None:
            yield from self.run(price)
            return
        report, shares = self.search(province_budget)
        price = float(report.price) if shares is None else 0.0
        for p in self.run(price, shares=shares):
            yield attrs.evolve(p, province_budget=report)

    def _summary(
        self, price: Fraction, shares: Mapping[tuple[str, int], int] | None = None
    ) -> tuple[dict[tuple[str, int], int], int, int, int]:
        """The spend per commune and year, shortfall, cost and demand of the province at
        ``price`` (and ``shares``)."""
        spend: dict[tuple[str, int], int] = {}
        shortfall = cost = demand = 0
        for p in self.run(float(price), full=False, shares=shares):
            for t in p.totals:
                spend[(t.commune, t.year)] = spend.get((t.commune, t.year), 0) + t.cost
            shortfall += sum(f[1] for f in p.shortfalls)
            demand += sum(f[2] for f in p.shortfalls)
            cost += p.total_cost
        return spend, shortfall, cost, demand

    def search(self, budget: int) -> tuple[ProvinceBudget, dict[tuple[str, int], int] | None]:
        """The best plan found within ``budget`` every year, how it was made (a price on
        cost, or shares of the budget: :func:`budget_shares`), and the dual bound on the
        shortfall.

        1. **Price.** The least price on cost (shortfall units per VND, by bisection) at
           which every year's spend of the province fits. Every price tried gives a lower
           bound on the least shortfall within the budget (weak duality).
        2. **Shares.** Each commune may spend its share of the budget every year, in
           proportion to what it spends without the budget; one more plan of the
           province, within the budget by construction. A single price treats every year
           alike: when one year binds (training due early), it also holds back the years
           with room. Shares let each commune train in those years instead.

        The plan kept is the one with the smaller shortfall (then cost); its gap is to the
        best bound.
        """
        s = self.setting
        # the years a programme that costs anything may start in: only their budgets are
        # priced (a year nothing can be spent in never binds)
        grid = intakes(s.progs, s.day, s.horizon)
        years = sorted(int(y) for y in grid.loc[grid["cost"] > 0, "year"].unique())
        best = Fraction(-1)
        iterations = 0

        def at(price: Fraction) -> tuple[dict[int, int], int, int]:
            nonlocal best, iterations
            exact = Fraction(float(price))  # the price the solver works with
            spend, shortfall, cost, _ = self._summary(exact)
            iterations += 1
            best = max(best, shortfall + exact * cost - exact * budget * len(years))
            return _by_year(spend), shortfall, cost

        def fits(spend: Mapping[int, int]) -> bool:
            return all(v <= budget for v in spend.values())

        free, shortfall, cost, demand = self._summary(Fraction(0))
        spend = _by_year(free)
        iterations, best = 1, Fraction(shortfall)
        lo, hi = Fraction(0), Fraction(0)
        shares: dict[tuple[str, int], int] | None = None
        if not fits(spend):
            # above this price no programme that costs anything is worth its price
            least = min((p.cost for p in s.progs if p.cost > 0), default=1)
            hi = Fraction(demand + 1, least)
            top = at(hi)
            while iterations < MAX_ITERATIONS and hi - lo > hi * TOLERANCE:
                mid = hi / 8 if lo == 0 else (lo + hi) / 2
                got = at(mid)
                if fits(got[0]):
                    hi, top = mid, got
                else:
                    lo = mid
            spend, shortfall, cost = top
            # 2. the communes' shares of the budget, from what each spends without it
            split = budget_shares(free, budget, years)
            by_share, short_share, cost_share, _ = self._summary(Fraction(0), split)
            iterations += 1
            if (short_share, cost_share) < (shortfall, cost) and fits(_by_year(by_share)):
                spend, shortfall, shares = _by_year(by_share), short_share, split
        bound = max(0, math.ceil(best - _SLACK))
        report = ProvinceBudget(
            budget=budget,
            price=Fraction(float(hi)),
            spend=tuple(sorted(spend.items())),
            shortfall=shortfall,
            lower_bound=min(bound, shortfall),
            iterations=iterations,
            fits=fits(spend),
            method="shares" if shares is not None else "price",
        )
        return report, shares


def _by_year(spend: Mapping[tuple[str, int], int]) -> dict[int, int]:
    """The province's spend per year, from its spend per commune and year."""
    out: dict[int, int] = {}
    for (_, year), cost in spend.items():
        out[year] = out.get(year, 0) + cost
    return out


def budget_shares(
    free: Mapping[tuple[str, int], int], budget: int, years: Iterable[int]
) -> dict[tuple[str, int], int]:
    """Each commune's share of a province's yearly ``budget``, the same every year: in
    proportion to what it spends over all years without the budget (``free``, by commune
    and year), in whole VND; the remainder goes one VND at a time to the largest
    fractions (then the communes in order). Every year, the shares add up to the budget
    at most, so any plan within them is within the budget.

    >>> budget_shares({("A", 2027): 300, ("B", 2027): 100, ("B", 2028): 200}, 10, [2027, 2028])
    {('A', 2027): 5, ('A', 2028): 5, ('B', 2027): 5, ('B', 2028): 5}
    >>> budget_shares({("A", 2027): 2, ("B", 2027): 1}, 10, [2027])
    {('A', 2027): 7, ('B', 2027): 3}
    """
    wants: dict[str, int] = {}
    for (commune, _), cost in free.items():
        wants[commune] = wants.get(commune, 0) + cost
    total = sum(wants.values())
    names = sorted(c for c, v in wants.items() if v > 0)
    if not total or not names:
        return {}
    exact = {c: Fraction(budget * wants[c], total) for c in names}
    whole = {c: math.floor(v) for c, v in exact.items()}
    left = budget - sum(whole.values())
    for c in sorted(names, key=lambda c: (-(exact[c] - whole[c]), c))[:left]:
        whole[c] += 1
    return {(c, y): whole[c] for c in names for y in years}


@contextlib.contextmanager
def _dask_client(workers: int) -> Iterator[Any]:
    """The current Dask client, else one of a local cluster of ``workers`` processes."""
    distributed = dask_module("distributed")
    try:
        yield distributed.get_client()
        return
    except ValueError:
        pass
    with (
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@contextlib.contextmanager
def planned(
    roster: Roster,
    *,
    as_of: Any,
    horizon: int | None = None,
    budget: int | Mapping[int, int] | None = None,
    plugins: Iterable[str] | None = None,
    params: Mapping[str, Any] | None = None,
    params_file: str | None = None,
    catalogue: Iterable[Programme] | None = None,
    succession: Iterable[str] | None = None,
    host: PluginHost | None = None,
    time_limit: float = 60.0,
    price: float = 0.0,
    workers: int | None = None,
    engine: str | None = None,
    client: Any = None,
    province_budget: int | None = None,
    chunk_size: int = CHUNK,
) -> Iterator[Iterator[Plan]]:
    """The plans of ``roster``'s chunks of communes, in commune order, as they are made
    (arguments as :func:`cadre_core.planner.plan`'s; ``chunk_size`` communes a chunk at
    most); the workers end with the block.
    :func:`~cadre_core.planner._result.merge_plans` of them is :func:`plan`'s result,
    :func:`~cadre_core.planner._result.write_plan_json` streams them.

    >>> from cadre_core import sample_roster
    >>> from cadre_core.planner._result import merge_plans
    >>> with planned(sample_roster(), as_of="2026-12-31", workers=1) as parts:
    ...     merged = merge_plans(list(parts))
    >>> merged.as_of.year
    2026
    """
    if province_budget is not None and province_budget < 0:
        raise ValueError(f"province_budget must not be negative: {province_budget}")
    s = setting(
        parse_day(as_of, what="as_of"),
        horizon=horizon,
        plugins=plugins,
        params=params,
        params_file=params_file,
        catalogue=catalogue,
        host=host,
    )
    with Chunks(
        roster,
        s,
        budget=budget,
        succession=succession,
        time_limit=time_limit,
        workers=workers,
        engine=engine,
        client=client,
        size=chunk_size,
        made_of=(params, params_file, catalogue),
    ) as chunks:  # each part with what the reader set aside and did not read
        yield (
            p.read_from(roster) for p in chunks.plans(price=price, province_budget=province_budget)
        )


__all__ = [
    "CHUNK",
    "ENGINES",
    "Chunks",
    "ShippedSetting",
    "budget_shares",
    "merge_plans",
    "plan_chunk",
    "planned",
    "workers_default",
]
