"""The optimisation model: who starts which programme when, at least cost (HiGHS).

Variables: ``x`` (binary) per option = (cadre, programme, intake); ``s`` per cover =
(target key, failing cadre): the cadre satisfies the target at its deadline; ``w`` per
pair cover (both programmes of a pair completed); ``u`` (integer) per target key: the
shortfall training cannot close. Limits (:data:`LIMITS`): in every month, at most a share
of each agency and a cap of each commune's key leaders away (checked at every start,
where the most under way at once is reached), one programme at a time per cadre, the
yearly budget and seats; a prerequisite the cadre lacks must be met by an option ending
before. The model is built once and solved commune by commune (no row spans two), in two
phases, both to proven optimality: first the least total shortfall, then, with that
shortfall fixed, the least cost (ties broken towards succession-plan candidates and
earlier starts by whole-number bonuses weighed below one cost unit, so they never change
the cost; each commune's objective is scaled by its own options, so its plan is the same
whether planned alone or with others). Both objectives take whole values, so a plan
within less than 1 of HiGHS's bound is proven optimal (``mip_abs_gap``). The least
shortfall is first bounded by the linear relaxation (rounded up): when the least cost
is feasible within that bound, the bound is the least shortfall and the first phase
needs no integer solve; when it is not, the bound plus one is tried the same way before
the first phase is solved. :func:`shortfall` solves the first phase again without some
limits, to name the one that holds a target back.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix, csr_matrix

#: The limits a plan works within, by family (:func:`shortfall` drops some to find which
#: one holds a target back): an agency's share away, the commune's key leaders away, one
#: programme at a time per person, the yearly budget, the yearly seats.
LIMITS: tuple[str, ...] = ("agency", "leaders", "overlap", "budget", "seats")


@attrs.frozen
class Model:
    """The inputs of the optimisation (frames built by the planner).

    ``groups`` lists the members of every group with a limit on members away in the same
    month (``group``, ``kind`` = ``agency`` or ``leaders``, ``cadre_id``), ``caps`` the
    most of each group away at once, ``busy`` (group, cadre_id, until) the members
    already away on a programme under way. ``requires`` (cadre_id, programme, by): an
    option of (cadre, programme) may be taken only if an option of (cadre, by) ends
    before it starts (a prerequisite the cadre does not hold)."""

    options: pd.DataFrame  # cadre_id, programme, year, start, end, cost, long, commune, succession
    covers: pd.DataFrame  # key, cadre_id, deadline
    singles: pd.DataFrame  # cover, programme
    pairs: pd.DataFrame  # cover, p1, p2
    needs: npt.NDArray[np.int64]  # per key: required - already satisfied (>= 0)
    groups: pd.DataFrame  # group, kind, cadre_id
    caps: pd.Series  # group -> most members away at once
    busy: pd.DataFrame  # group, cadre_id, until (programmes already under way)
    requires: pd.DataFrame = attrs.field(
        factory=lambda: pd.DataFrame({"cadre_id": [], "programme": [], "by": []}, dtype=object)
    )
    budget: Mapping[tuple[str, int], int] = attrs.field(factory=dict)
    seats: Mapping[str, int] = attrs.field(factory=dict)
    key_communes: tuple[str, ...] = ()  # the commune of each target key (empty: one model)


@attrs.frozen
class Solution:
    """The optimum: chosen option rows, shortfall per key, covered cover rows (and the
    model as matrices, ``built``, for :func:`shortfall` to solve again without a limit)."""

    chosen: npt.NDArray[np.int64]
    slack: npt.NDArray[np.int64]
    covered: npt.NDArray[np.bool_]
    status: str
    cost: int
    built: Built | None = attrs.field(default=None, eq=False, repr=False)


class _Rows:
    """Sparse constraint rows accumulated as COO triplets."""

    def __init__(self, nvar: int) -> None:
        self.nvar = nvar
        self.r: list[npt.NDArray[np.int64]] = []
        self.c: list[npt.NDArray[np.int64]] = []
        self.v: list[npt.NDArray[np.float64]] = []
        self.lo: list[npt.NDArray[np.float64]] = []
        self.hi: list[npt.NDArray[np.float64]] = []
        self.fam: list[npt.NDArray[np.object_]] = []
        self.family = ""
        self.n = 0

    def add(
        self,
        rows: npt.ArrayLike,
        cols: npt.ArrayLike,
        vals: npt.ArrayLike,
        lo: npt.ArrayLike,
        hi: npt.ArrayLike,
    ) -> None:
        """Add ``len(lo)`` rows ``lo <= sum(vals * x[cols]) <= hi`` (``rows`` numbered
        from 0 within this call)."""
        lo_a = np.asarray(lo, dtype=np.float64)
        if not len(lo_a):
            return
        rows_a = np.asarray(rows, dtype=np.int64)
        self.r.append(rows_a + self.n)
        self.c.append(np.asarray(cols, dtype=np.int64))
        self.v.append(np.broadcast_to(np.asarray(vals, dtype=np.float64), rows_a.shape).copy())
        self.lo.append(lo_a)
        self.hi.append(np.asarray(hi, dtype=np.float64))
        self.fam.append(np.full(len(lo_a), self.family, dtype=object))
        self.n += len(lo_a)


def _done(
    opts: pd.DataFrame, left: pd.DataFrame, cadre: str, prog: str, deadline: str
) -> pd.DataFrame:
    """Rows of ``left`` joined to the options of (cadre, prog) that end by the deadline."""
    m = left.merge(
        opts[["cadre_id", "programme", "end", "opt"]],
        left_on=[cadre, prog],
        right_on=["cadre_id", "programme"],
        how="inner",
        suffixes=("", "_o"),
    )
    return m[m["end"] <= m[deadline]]


def _overlaps(
    opts: pd.DataFrame,
    by: list[str],
    rows: _Rows,
    hi: pd.Series | None,
    kinds: pd.Series | None = None,
) -> None:
    """Rows "at most ``hi`` of the options of each ``by`` group under way at once": one
    row per (group, start of one of its options), summing the options whose interval
    holds that start (the most under way at once is reached at some start). ``hi`` is
    indexed by the group and the checkpoint ``t`` (``None``: at most 1); ``kinds`` (by
    the first ``by`` column) names each row's family of limits (default the current)."""
    if not len(opts):
        return
    pts = opts[[*by, "start"]].drop_duplicates().rename(columns={"start": "t"})
    m = pts.merge(opts[[*by, "start", "end", "opt"]], on=by)
    m = m[(m["start"] <= m["t"]) & (m["t"] <= m["end"])]
    g = m.groupby([*by, "t"], sort=True)
    r = g.ngroup().to_numpy()
    k = int(r.max()) + 1 if len(r) else 0
    heads = g.size().index
    if hi is None:
        limit = np.ones(k)
    else:
        limit = np.maximum(hi.reindex(heads).fillna(1).to_numpy(float), 0)
    if kinds is None:
        rows.fam.append(np.full(k, rows.family, dtype=object))
    else:
        rows.fam.append(kinds.reindex(heads.get_level_values(by[0])).to_numpy(object))
    first = rows.n
    rows.n = first + k
    rows.lo.append(np.full(k, -np.inf))
    rows.hi.append(np.asarray(limit, dtype=np.float64))
    rows.r.append(np.asarray(first + r, dtype=np.int64))
    rows.c.append(m["opt"].to_numpy(np.int64))
    rows.v.append(np.ones(len(m)))


def _group_limits(model: Model, opts: pd.DataFrame, relax: frozenset[str], rows: _Rows) -> None:
    """At most ``caps[group]`` members of each group away in the same month, members away
    on a programme under way included (agency groups unless ``agency`` is relaxed,
    leader groups unless ``leaders`` is)."""
    groups = model.groups[~model.groups["kind"].isin(list(relax))]
    if not len(groups) or not len(opts):
        return
    mem = groups[["group", "cadre_id"]].merge(
        opts[["cadre_id", "start", "end", "opt"]], on="cadre_id"
    )
    if not len(mem):
        return
    heads = mem[["group", "start"]].drop_duplicates().rename(columns={"start": "t"})
    away = model.busy.merge(heads, on="group")
    used = away[away["until"] >= away["t"]].groupby(["group", "t"]).size()
    idx = pd.MultiIndex.from_frame(heads[["group", "t"]])
    cap = pd.Series(heads["group"].map(model.caps).fillna(1).to_numpy(), index=idx)
    hi = cap - used.reindex(idx, fill_value=0)
    kinds = groups.drop_duplicates("group").set_index("group")["kind"]
    _overlaps(mem, ["group"], rows, hi, kinds)


@attrs.frozen
class Built:
    """The model as matrices: the options (numbered), the constraint rows ``lo <= a x <=
    hi`` (without the relaxed families), the integrality and upper bounds, the first
    variable of each kind (x, s, w, u) and their number, the block (commune) of each
    variable (no row spans two blocks) and the family of limits of each row (dropping
    a family's rows gives the model built without it, rows in the same order)."""

    opts: pd.DataFrame
    a: csr_matrix
    lo: npt.NDArray[np.float64]
    hi: npt.NDArray[np.float64]
    integrality: npt.NDArray[np.float64]
    ub: npt.NDArray[np.float64]
    layout: tuple[int, int, int, int, int]
    block: npt.NDArray[np.int64]
    family: npt.NDArray[np.object_]  # of each row: a family of LIMITS, or "" (always kept)


def _build(model: Model, relax: frozenset[str]) -> Built:
    """The model without the ``relax`` families of limits, as matrices."""
    opts = model.options.reset_index(drop=True).assign(opt=lambda f: np.arange(len(f)))
    nx, ns, nw, nu = len(opts), len(model.covers), len(model.pairs), len(model.needs)
    xs, ss, ws, us = 0, nx, nx + ns, nx + ns + nw
    nvar = nx + ns + nw + nu
    rows = _Rows(nvar)
    covers = model.covers.reset_index(drop=True).assign(cover=lambda f: np.arange(len(f)))

    # (a) each (cadre, programme) at most once
    grp = opts.groupby(["cadre_id", "programme"], sort=False).ngroup().to_numpy()
    ng = int(grp.max()) + 1 if nx else 0
    rows.add(grp, xs + opts["opt"], 1.0, np.full(ng, -np.inf), np.ones(ng))

    # (b) a cover is satisfied only through a completed single or a completed pair
    sing = model.singles.merge(covers[["cover", "cadre_id", "deadline"]], on="cover")
    done = _done(opts, sing, "cadre_id", "programme", "deadline")
    pairs = model.pairs.reset_index(drop=True).assign(pair=lambda f: np.arange(len(f)))
    rows.add(covers["cover"], ss + covers["cover"], 1.0, np.full(ns, -np.inf), np.zeros(ns))
    base = rows.n - ns
    rows.r.append(base + done["cover"].to_numpy(np.int64))
    rows.c.append(xs + done["opt"].to_numpy(np.int64))
    rows.v.append(np.full(len(done), -1.0))
    rows.r.append(base + pairs["cover"].to_numpy(np.int64))
    rows.c.append(ws + pairs["pair"].to_numpy(np.int64))
    rows.v.append(np.full(len(pairs), -1.0))

    # (c) a pair counts only when both of its programmes are completed by the deadline
    pc = pairs.merge(covers[["cover", "cadre_id", "deadline"]], on="cover")
    for prog in ("p1", "p2"):
        d = _done(opts, pc, "cadre_id", prog, "deadline")
        first = rows.n
        rows.add(pc["pair"], ws + pc["pair"], 1.0, np.full(len(pc), -np.inf), np.zeros(len(pc)))
        rows.r.append(first + d["pair"].to_numpy(np.int64))
        rows.c.append(xs + d["opt"].to_numpy(np.int64))
        rows.v.append(np.full(len(d), -1.0))

    # (d) demand per target key: covered + shortfall >= need
    first = rows.n
    rows.add(np.arange(nu), us + np.arange(nu), 1.0, model.needs.astype(float), np.full(nu, np.inf))
    rows.r.append(first + covers["key"].to_numpy(np.int64))
    rows.c.append(ss + covers["cover"].to_numpy(np.int64))
    rows.v.append(np.ones(ns))

    # (e) one programme at a time per cadre (long or short)
    if "overlap" not in relax:
        rows.family = "overlap"
        _overlaps(opts, ["cadre_id"], rows, None)
        rows.family = ""

    # (f) at most a share of each agency, and a cap of the key leaders, away in a month
    _group_limits(model, opts, relax, rows)

    # (g) prerequisites: an option needs an option of its prerequisite ended before it
    req = model.requires
    if len(req) and nx:
        need = opts.merge(req, on=["cadre_id", "programme"])
        if len(need):
            by = need[["cadre_id", "by", "start", "opt"]].merge(
                opts[["cadre_id", "programme", "end", "opt"]].rename(
                    columns={"programme": "by", "opt": "pre"}
                ),
                on=["cadre_id", "by"],
            )
            by = by[by["end"] < by["start"]]
            ids = need["opt"].drop_duplicates().to_numpy(np.int64)
            row_of = pd.Series(np.arange(len(ids)), index=ids)
            first = rows.n
            rows.add(
                np.arange(len(ids)), xs + ids, 1.0, np.full(len(ids), -np.inf), np.zeros(len(ids))
            )
            rows.r.append(first + row_of.reindex(by["opt"]).to_numpy(np.int64))
            rows.c.append(xs + by["pre"].to_numpy(np.int64))
            rows.v.append(np.full(len(by), -1.0))

    # (h) yearly budget per commune, (i) yearly seats per programme and commune
    if model.budget and "budget" not in relax:
        rows.family = "budget"
        pairs_k = [(str(c), int(y)) for c, y in zip(opts["commune"], opts["year"], strict=True)]
        b = opts.assign(k=pd.Series(pairs_k, index=opts.index, dtype=object))
        b = b[b["k"].isin(list(model.budget))]
        if len(b):
            r = b.groupby("k", sort=True).ngroup().to_numpy()
            limits = [model.budget[k] for k in sorted(set(b["k"]))]
            rows.add(
                r,
                xs + b["opt"],
                b["cost"].to_numpy(float),
                np.full(len(limits), -np.inf),
                np.asarray(limits, dtype=float),
            )
    if model.seats and "seats" not in relax:
        rows.family = "seats"
        sb = opts[opts["programme"].isin(list(model.seats))]
        if len(sb):
            g = sb.groupby(["commune", "programme", "year"], sort=True)
            r = g.ngroup().to_numpy()
            lim = g.size().index.get_level_values("programme").map(model.seats).to_numpy(float)
            rows.add(r, xs + sb["opt"], 1.0, np.full(len(lim), -np.inf), lim)
    rows.family = ""

    integrality = np.zeros(nvar)
    integrality[xs:ss] = 1
    integrality[us:] = 1
    ub = np.ones(nvar)
    ub[us:] = model.needs.astype(float)
    if rows.n:
        a = coo_matrix(
            (np.concatenate(rows.v), (np.concatenate(rows.r), np.concatenate(rows.c))),
            shape=(rows.n, nvar),
        ).tocsr()
        lo, hi = np.concatenate(rows.lo), np.concatenate(rows.hi)
        fam = np.concatenate(rows.fam)
    else:
        a, lo, hi = csr_matrix((0, nvar)), np.zeros(0), np.zeros(0)
        fam = np.zeros(0, dtype=object)
    kc = np.asarray(model.key_communes, dtype=object)
    block = np.zeros(nvar, dtype=np.int64)
    if len(kc) == nu and nvar:
        names = sorted(set(kc.tolist()) | set(opts["commune"].astype(str).tolist()))
        code = {c: i for i, c in enumerate(names)}
        key_block = np.asarray([code[c] for c in kc.tolist()], dtype=np.int64)
        cover_block = key_block[covers["key"].to_numpy(np.int64)] if ns else np.zeros(0, np.int64)
        block[xs:ss] = opts["commune"].astype(str).map(code).to_numpy(np.int64)
        block[ss:ws] = cover_block
        block[ws:us] = cover_block[pairs["cover"].to_numpy(np.int64)] if nw else 0
        block[us:] = key_block
    return Built(opts, a, lo, hi, integrality, ub, (xs, ss, ws, us, nvar), block, fam)


def _blocks(
    b: Built, keys: Iterable[int] | None = None
) -> list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]:
    """The (variables, rows) of each block, of the blocks holding one of ``keys`` (target
    keys; default every block)."""
    nvar = b.layout[4]
    us = b.layout[3]
    has = np.diff(b.a.indptr) > 0
    row_block = np.full(b.a.shape[0], -1, dtype=np.int64)
    row_block[has] = b.block[b.a.indices[b.a.indptr[:-1][has]]]
    wanted = None if keys is None else {int(b.block[us + k]) for k in keys}
    out = []
    for k in np.unique(b.block) if nvar else []:
        if wanted is not None and int(k) not in wanted:
            continue
        out.append((np.flatnonzero(b.block == k), np.flatnonzero(row_block == k)))
    return out


def _milp(
    b: Built,
    cols: npt.NDArray[np.int64],
    rows: npt.NDArray[np.int64],
    c: npt.NDArray[np.float64],
    extra: tuple[npt.NDArray[np.float64], float] | None,
    time_limit: float,
    *,
    linear: bool = False,
    below: int | None = None,
) -> Any:
    """HiGHS on one block: minimise ``c`` (over the block's variables) subject to the
    block's rows (and ``extra``: a row ``coefficients <= bound``); ``linear``: the
    linear relaxation (no variable need be an integer); ``below`` (a whole objective):
    only whether some solution is below it, the first one found (no solution: the
    status says infeasible).

    Options beyond SciPy's own are passed on to HiGHS (SciPy warns that they are not
    its own; the warning is not the user's concern): integer solves run without the
    feasibility-jump heuristic (on the least-cost models of 64 synthetic communes, a
    sixth less time for the same optima), and when every value of
    the objective is a whole number a solution within less than 1 of the bound is
    optimal (``mip_abs_gap``), which HiGHS then proves at once instead of closing a
    gap of rounding errors."""
    a = b.a[rows][:, cols]
    constraints = [LinearConstraint(a, b.lo[rows], b.hi[rows])] if len(rows) else []
    if extra is not None:
        constraints.append(LinearConstraint(extra[0].reshape(1, -1), -np.inf, extra[1]))
    integrality = np.zeros(len(cols)) if linear else b.integrality[cols]
    options: dict[str, Any] = {"mip_rel_gap": 0.0, "time_limit": time_limit, "disp": False}
    if not linear:
        options["mip_heuristic_run_feasibility_jump"] = False
        if _whole(c, integrality):
            options["mip_abs_gap"] = 0.99
            if below is not None:
                options["objective_bound"] = below - 0.5
                options["mip_max_improving_sols"] = 1
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Unrecognized options", RuntimeWarning)
        return milp(
            c,
            constraints=constraints,
            integrality=integrality,
            bounds=Bounds(np.zeros(len(cols)), b.ub[cols]),
            options=options,
        )


def build(model: Model) -> Built:
    """The whole model as matrices, once, for several :func:`shortfall` calls."""
    return _build(model, frozenset())


def shortfall(
    model: Model,
    relax: frozenset[str],
    *,
    keys: Iterable[int] | None = None,
    time_limit: float = 60.0,
    built: Built | None = None,
    below: npt.NDArray[np.int64] | None = None,
) -> npt.NDArray[np.int64]:
    """The least shortfall per target key with the ``relax`` limits dropped (phase 1
    only), solved for the communes of ``keys`` (default all); a key not solved (another
    commune, or no solution in time) keeps its whole need. ``built`` is :func:`build`
    of the model when already known (its rows of the ``relax`` families are left out).

    ``below`` (a shortfall per key, e.g. the plan's) asks only whether dropping the
    limits lets each commune close more in total: a commune whose least total shortfall
    without them is not below its total in ``below`` keeps ``below``'s shortfalls (its
    split among its keys is not re-solved). The linear relaxation answers most communes:
    when its optimum, rounded up, is not below the total, neither is the integer optimum,
    and no integer solve is needed. Otherwise the integer solve stops at the first
    solution found below the total (the shortfalls returned are that solution's) or
    proves that there is none."""
    out = model.needs.astype(np.int64).copy()
    b = _build(model, relax) if built is None else built
    kept = ~np.isin(b.family, list(relax))
    us = b.layout[3]
    for cols, all_rows in _blocks(b, keys):
        rows = all_rows[kept[all_rows]]
        is_u = cols >= us
        if not is_u.any():
            continue
        mine = cols[is_u] - us
        total = None if below is None else int(below[mine].sum())
        if below is not None and total is not None:
            lp = _milp(b, cols, rows, is_u.astype(float), None, time_limit, linear=True)
            if lp.x is not None and lp.status == 0 and int(np.ceil(lp.fun - 1e-6)) >= total:
                out[mine] = below[mine]
                continue
        r = _milp(b, cols, rows, is_u.astype(float), None, time_limit, below=total)
        if below is not None and r.x is None and r.status == 2:  # none below: proven
            out[mine] = below[mine]
            continue
        if r.x is None:
            continue
        got = np.round(r.x[is_u]).astype(np.int64)
        if below is not None and int(got.sum()) >= int(below[mine].sum()):
            got = below[mine]
        out[mine] = got
    return out


def _tie_broken_cost(
    opt: npt.NDArray[np.int64],
    cost: npt.NDArray[np.float64],
    succ: npt.NDArray[np.float64],
    month: npt.NDArray[np.int64],
    group: npt.NDArray[np.int64],
    ncols: int,
) -> npt.NDArray[np.float64]:
    """Phase 2's objective over one block's variables (its options ``opt`` first), in
    whole numbers so that HiGHS compares plans exactly: the cost (in units of the
    block's greatest common divisor of costs) times a weight ``k``, plus a tie-break
    ``bonus`` per option, the months from the block's first start less ``span`` (the
    block's months) for a succession-plan candidate. ``group`` numbers the (cadre,
    programme) of each option, of which a plan takes at most one; ``k`` exceeds the
    widest spread of the bonuses of any such plan, so the cost always comes first and
    the bonuses only choose among plans of equal cost (earlier starts, candidates). Both
    are scaled by the block's own options, so a commune's plan never depends on others.

    >>> _tie_broken_cost(np.array([0, 1]), np.array([5e5, 5e5]), np.array([1.0, 0.0]),
    ...                  np.array([24300, 24301]), np.array([0, 1]), 3).tolist()
    [2.0, 5.0, 0.0]
    """
    c = np.zeros(ncols)
    if not len(opt):
        return c
    m = month[opt] - int(month[opt].min())
    span = max(int(m.max()) + 1, 1)
    bonus = m - span * succ[opt].astype(np.int64)
    units = np.rint(cost[opt]).astype(np.int64)
    g = int(np.gcd.reduce(units)) or 1
    grp = pd.Series(bonus).groupby(group[opt])
    k = int(grp.max().clip(lower=0).sum() - grp.min().clip(upper=0).sum()) + 1
    c[: len(opt)] = (units // g) * k + bonus
    return c


def _whole(c: npt.NDArray[np.float64], integrality: npt.NDArray[np.float64]) -> bool:
    """Whether every value of ``c @ x`` is a whole number: whole costs, on integer
    variables only (then a plan within less than 1 of the bound is optimal)."""
    return bool(np.array_equal(c, np.rint(c)) and not (c[integrality == 0] != 0).any())


def solve(model: Model, *, time_limit: float = 60.0, price: float = 0.0) -> Solution:
    """Solve the two phases, commune by commune (a commune's limits, targets and options
    never touch another's; ``time_limit`` seconds for each phase of each commune): first
    the least shortfall (plus ``price`` per VND of cost: a province budget's price), then
    the least cost with that shortfall. Raises ``RuntimeError`` when HiGHS finds no
    solution."""
    b = _build(model, frozenset())
    xs, ss, ws, us, nvar = b.layout
    nx = ss - xs
    if nvar == 0:
        return Solution(
            np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.bool_), "empty", 0
        )
    opts = b.opts
    cost = opts["cost"].to_numpy(float)
    start = opts["start"]
    month = (
        (start.dt.year * 12 + start.dt.month).to_numpy(np.int64) if nx else np.zeros(0, np.int64)
    )
    succ = opts["succession"].to_numpy(float)
    group = np.asarray(opts.groupby(["cadre_id", "programme"], sort=False).ngroup(), np.int64)
    x = np.zeros(nvar)
    status = "optimal"
    for cols, rows in _blocks(b):
        is_u = (cols >= us).astype(float)
        c2 = _tie_broken_cost(cols[cols < ss] - xs, cost, succ, month, group, len(cols))
        if price:  # a province budget's price: phase 1 is the Lagrangian, solved whole
            c1 = is_u.copy()
            opt = cols < ss
            c1[opt] += price * cost[cols[opt] - xs]
            r1 = _milp(b, cols, rows, c1, None, time_limit)
            if r1.x is None:
                raise RuntimeError(f"the planning model could not be solved: {r1.message}")
            r2 = _milp(b, cols, rows, c2, (is_u, round(float(is_u @ r1.x))), time_limit)
        else:
            # The least shortfall is an integer at least the linear relaxation's: when the
            # least cost is feasible with that bound, the bound is the least shortfall and
            # phase 1 is known without solving it (the common case: one linear solve).
            lp = _milp(b, cols, rows, is_u, None, time_limit, linear=True)
            bound = int(np.ceil(lp.fun - 1e-6)) if lp.status == 0 and lp.x is not None else None
            r2 = None if bound is None else _milp(b, cols, rows, c2, (is_u, bound), time_limit)
            if bound is not None and r2 is not None and r2.status == 2:
                # infeasible within the bound: the least shortfall is at least one more, and
                # is that when the least cost is feasible there (the common case: the
                # relaxation's bound rounded up is rarely two short)
                bound += 1
                r2 = _milp(b, cols, rows, c2, (is_u, bound), time_limit)
            r1 = lp
            if r2 is None or r2.x is None:
                r1 = _milp(b, cols, rows, is_u, None, time_limit)
                if r1.x is None:
                    raise RuntimeError(f"the planning model could not be solved: {r1.message}")
                if r2 is None or round(r1.fun) != bound:
                    r2 = _milp(b, cols, rows, c2, (is_u, round(r1.fun)), time_limit)
        res = r2 if r2.x is not None else r1
        x[cols] = res.x
        if status == "optimal" and not (r1.status == 0 and r2.status == 0):
            status = str(res.message)
    xi = np.round(x).astype(np.int64)
    chosen = np.flatnonzero(xi[xs:ss] == 1)
    return Solution(
        chosen=chosen,
        slack=xi[us:].astype(np.int64),
        covered=x[ss:ws] > 0.5,
        status=status,
        cost=int(opts["cost"].to_numpy()[chosen].sum()),
        built=b,
    )
