"""The optimisation model: who starts which programme when, at least cost (HiGHS).

Variables: ``x`` (binary) per option = (cadre, programme, intake); ``s`` per cover =
(target key, failing cadre): the cadre satisfies the target at its deadline; ``w`` per
pair cover (both programmes of a pair completed); ``u`` (integer) per target key: the
shortfall training cannot close. Two phases, both solved to proven optimality
(``mip_rel_gap = 0``): first the least total shortfall, then, with that shortfall fixed,
the least cost (ties broken towards succession-plan candidates and earlier starts by
bonuses whose total is below one currency unit, so they never change the cost).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix


@attrs.frozen
class Model:
    """The inputs of the optimisation (frames built by the planner)."""

    options: pd.DataFrame  # cadre_id, programme, year, start, end, cost, long, commune, succession
    covers: pd.DataFrame  # key, cadre_id, deadline
    singles: pd.DataFrame  # cover, programme
    pairs: pd.DataFrame  # cover, p1, p2
    needs: npt.NDArray[np.int64]  # per key: required - already satisfied (>= 0)
    members: pd.DataFrame  # agency_code, cadre_id (long options count against the agency)
    caps: pd.Series  # agency_code -> most members away at once
    busy: pd.DataFrame  # agency_code, cadre_id, until (programmes already under way)
    budget: Mapping[tuple[str, int], int] = attrs.field(factory=dict)
    seats: Mapping[str, int] = attrs.field(factory=dict)


@attrs.frozen
class Solution:
    """The optimum: chosen option rows, shortfall per key, covered cover rows."""

    chosen: npt.NDArray[np.int64]
    slack: npt.NDArray[np.int64]
    covered: npt.NDArray[np.bool_]
    status: str
    cost: int


class _Rows:
    """Sparse constraint rows accumulated as COO triplets."""

    def __init__(self, nvar: int) -> None:
        self.nvar = nvar
        self.r: list[npt.NDArray[np.int64]] = []
        self.c: list[npt.NDArray[np.int64]] = []
        self.v: list[npt.NDArray[np.float64]] = []
        self.lo: list[npt.NDArray[np.float64]] = []
        self.hi: list[npt.NDArray[np.float64]] = []
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
        self.n += len(lo_a)

    def constraint(self) -> LinearConstraint | None:
        """All rows as one sparse constraint (``None`` when there are none)."""
        if not self.n:
            return None
        a = coo_matrix(
            (np.concatenate(self.v), (np.concatenate(self.r), np.concatenate(self.c))),
            shape=(self.n, self.nvar),
        ).tocsr()
        return LinearConstraint(a, np.concatenate(self.lo), np.concatenate(self.hi))


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


def solve(model: Model, *, time_limit: float = 60.0) -> Solution:
    """Solve the two phases; raises ``RuntimeError`` when HiGHS fails unexpectedly."""
    opts = model.options.reset_index(drop=True).assign(opt=lambda f: np.arange(len(f)))
    nx, ns, nw, nu = len(opts), len(model.covers), len(model.pairs), len(model.needs)
    xs, ss, ws, us = 0, nx, nx + ns, nx + ns + nw
    nvar = nx + ns + nw + nu
    if nvar == 0:
        return Solution(
            np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.bool_), "empty", 0
        )
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
    for frame, col in ((done, "opt"),):
        rows.r.append(base + frame["cover"].to_numpy(np.int64))
        rows.c.append(xs + frame[col].to_numpy(np.int64))
        rows.v.append(np.full(len(frame), -1.0))
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

    # (e) one long programme at a time per cadre (checked at every long start)
    lg = opts[opts["long"]]
    if len(lg):
        pts = lg[["cadre_id", "start"]].drop_duplicates().rename(columns={"start": "start_t"})
        m = pts.merge(lg[["cadre_id", "start", "end", "opt"]], on="cadre_id")
        m = m[(m["start"] <= m["start_t"]) & (m["start_t"] <= m["end"])]
        r = m.groupby(["cadre_id", "start_t"], sort=False).ngroup().to_numpy()
        k = int(r.max()) + 1 if len(r) else 0
        first = rows.n
        rows.n = first + k
        rows.lo.append(np.full(k, -np.inf))
        rows.hi.append(np.ones(k))
        rows.r.append(np.asarray(first + r, dtype=np.int64))
        rows.c.append(xs + m["opt"].to_numpy(np.int64))
        rows.v.append(np.ones(len(m)))

    # (f) at most cap members of an agency away at once (programmes under way included)
    if len(lg) and len(model.members):
        mem = model.members.merge(lg[["cadre_id", "start", "end", "opt"]], on="cadre_id")
        pts = mem[["agency_code", "start"]].drop_duplicates().rename(columns={"start": "t"})
        m = pts.merge(mem, on="agency_code")
        m = m[(m["start"] <= m["t"]) & (m["t"] <= m["end"])]
        key = m.groupby(["agency_code", "t"], sort=True).ngroup().to_numpy()
        heads = m.drop_duplicates(["agency_code", "t"]).sort_values(["agency_code", "t"])
        away = model.busy.merge(heads[["agency_code", "t"]], on="agency_code")
        counts = away[away["until"] >= away["t"]].groupby(["agency_code", "t"]).size()
        idx = pd.MultiIndex.from_frame(heads[["agency_code", "t"]])
        used = counts.reindex(idx, fill_value=0).to_numpy()
        cap = heads["agency_code"].map(model.caps).fillna(1).to_numpy() - used
        k = len(heads)
        first = rows.n
        rows.n = first + k
        rows.lo.append(np.full(k, -np.inf))
        rows.hi.append(np.maximum(cap, 0).astype(float))
        rows.r.append((first + key).astype(np.int64))
        rows.c.append(xs + m["opt"].to_numpy(np.int64))
        rows.v.append(np.ones(len(m)))

    # (g) yearly budget per commune, (h) yearly seats per programme and commune
    if model.budget:
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
    if model.seats:
        sb = opts[opts["programme"].isin(list(model.seats))]
        if len(sb):
            g = sb.groupby(["commune", "programme", "year"], sort=True)
            r = g.ngroup().to_numpy()
            lim = g.size().index.get_level_values("programme").map(model.seats).to_numpy(float)
            rows.add(r, xs + sb["opt"], 1.0, np.full(len(lim), -np.inf), lim)

    constraints = [c for c in (rows.constraint(),) if c is not None]
    integrality = np.zeros(nvar)
    integrality[xs:ss] = 1
    integrality[us:] = 1
    ub = np.ones(nvar)
    ub[us:] = model.needs.astype(float)
    bounds = Bounds(np.zeros(nvar), ub)
    options = {"mip_rel_gap": 0.0, "time_limit": time_limit, "disp": False}

    # phase 1: least total shortfall
    c1 = np.zeros(nvar)
    c1[us:] = 1.0
    r1 = milp(c1, constraints=constraints, integrality=integrality, bounds=bounds, options=options)
    if r1.x is None:
        raise RuntimeError(f"the planning model could not be solved: {r1.message}")
    short = round(r1.fun)

    # phase 2: least cost with that shortfall
    cost = opts["cost"].to_numpy(float)
    eps = 1.0 / (4.0 * max(nx, 1))
    years = opts["year"].to_numpy() - int(opts["year"].min()) if nx else np.zeros(0)
    span = max(int(years.max()) + 1, 1) if nx else 1
    c2 = np.zeros(nvar)
    c2[xs:ss] = cost - eps * opts["succession"].to_numpy(float) + eps * years / span
    lim = LinearConstraint(
        coo_matrix(
            (np.ones(nu), (np.zeros(nu, dtype=np.int64), us + np.arange(nu))), shape=(1, nvar)
        ).tocsr(),
        -np.inf,
        short,
    )
    r2 = milp(
        c2,
        constraints=[*constraints, lim],
        integrality=integrality,
        bounds=bounds,
        options=options,
    )
    res = r2 if r2.x is not None else r1
    x = np.round(res.x).astype(np.int64)
    chosen = np.flatnonzero(x[xs:ss] == 1)
    status = "optimal" if r1.status == 0 and r2.status == 0 else str(res.message)
    return Solution(
        chosen=chosen,
        slack=x[us:].astype(np.int64),
        covered=res.x[ss:ws] > 0.5,
        status=status,
        cost=int(opts["cost"].to_numpy()[chosen].sum()),
    )
