"""The planner at national scale: communes planned in chunks, in parallel or on Dask, the
JSON streamed, and a province-wide budget met by a price on cost."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import json
import subprocess
import sys
import types
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre_core import PluginError, PluginHost, Roster, hookimpl, make_plugin_manager
from cadre_core.engine import commune_partitions
from cadre_core.planner import Plan, plan
from cadre_core.planner._parallel import budget_shares, planned
from cadre_core.planner._result import (
    Need,
    PlanLine,
    TargetProjection,
    YearTotal,
    merge_plans,
    merged_status,
    write_plan_json,
)
from cadre_core.roster._synth import synth_tables
from cadre_core.targets._target import Text
from cadre_core.vocab._labels import label
from cadre_core.vocab._told import told

CADRE = str(Path(sys.executable).with_name("cadre"))
AS_OF = "2026-12-31"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CADRE, *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def roster() -> Roster:
    """Three communes; a cadre of the first also holds a post in the last (rotation), so
    that a chunk must carry whole cadres across communes."""
    t = synth_tables(3, seed=2026)
    cad = t["cadres"]["cadre_id"]
    pos = t["positions"]["position_code"]
    extra = pd.DataFrame(
        {
            "cadre_id": [cad.iloc[5]],
            "position_code": [pos.iloc[-1]],
            "start_date": [pd.Timestamp("2026-02-01")],
            "end_date": [pd.NaT],
        }
    )
    t["assignments"] = pd.concat([t["assignments"], extra], ignore_index=True)
    return Roster.from_frames(t, name="three")


@pytest.fixture(scope="module")
def folder(roster: Roster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return roster.write(tmp_path_factory.mktemp("three") / "three", format="csv")


@pytest.fixture(scope="module")
def whole(roster: Roster) -> Plan:
    """One model of every commune (the planner without chunks)."""
    return plan(roster, as_of=AS_OF)


@pytest.fixture(scope="module")
def chunked(roster: Roster) -> Plan:
    """Every commune its own chunk, two worker processes."""
    return plan(roster, as_of=AS_OF, workers=2, chunk_size=1)


def _own(roster: Roster, commune: str) -> Roster:
    """The commune's own roster: its agencies and posts, and every cadre who ever held one
    of its posts with all of that cadre's rows."""
    names = sorted(roster.communes)
    parts = commune_partitions(roster, len(names))
    tables = dict(parts[names.index(commune)][1])
    return Roster(tables, name=roster.name, absent=roster.absent, informed=roster.informed)


def _spend(p: Plan) -> dict[int, int]:
    out: dict[int, int] = {}
    for t in p.totals:
        out[t.year] = out.get(t.year, 0) + t.cost
    return out


def test_chunked_plan_is_each_commune_planned_alone(roster: Roster, chunked: Plan) -> None:
    assert len(roster.communes) == 3
    for commune in sorted(roster.communes):
        alone = plan(_own(roster, commune), as_of=AS_OF).of_communes([commune])
        part = chunked.of_communes([commune])
        assert part.lines and part.projections
        assert part.lines == alone.lines
        assert part.totals == alone.totals
        assert part.projections == alone.projections
        assert part.needs == alone.needs
    # the rotating cadre is planned once, in the commune the whole roster gives him
    moved = roster.cadres["cadre_id"].iloc[5]
    assert len({x.commune for x in chunked.lines if x.cadre_id == moved}) <= 1


def test_chunks_keep_each_commune_cost_needs_and_shortfall(whole: Plan, chunked: Plan) -> None:
    """What one model and the chunks agree on today, commune by commune: the least cost,
    what each target still needs and its status (who is trained among plans of equal cost
    may differ: see the next test)."""
    assert [t.commune for t in chunked.totals] == [t.commune for t in whole.totals]
    for commune in sorted({p.commune for p in whole.projections}):
        one, part = whole.of_communes([commune]), chunked.of_communes([commune])
        assert one.total_cost == part.total_cost
        assert [(n.target_id, n.kind, n.count) for n in one.needs] == [
            (n.target_id, n.kind, n.count) for n in part.needs
        ]
        assert [(p.target_id, p.status_after, p.satisfied_after) for p in one.projections] == [
            (p.target_id, p.status_after, p.satisfied_after) for p in part.projections
        ]
    assert whole.shortfalls == chunked.shortfalls


# One model of every commune equals the communes planned alone: the tie-break bonuses are
# scaled per commune (planner/_milp.py::_tie_broken_cost) and a projection's `trainable`
# is read only where the commune itself falls short (planner/_outcome.py).
def test_one_model_equals_the_communes_planned_alone(whole: Plan, chunked: Plan) -> None:
    assert chunked.lines == whole.lines
    assert chunked.projections == whole.projections
    assert chunked.to_json() == whole.to_json()


def test_plan_of_few_communes_is_one_model(roster: Roster, whole: Plan) -> None:
    """Up to a chunk's size the roster is planned as it is: the same plan as without
    workers, whatever their number."""
    assert plan(roster, as_of=AS_OF, workers=2).to_json() == whole.to_json()


class GivenTemplate:
    """The province template's hooks as an object given in code (under another name,
    never installed): what a user tries in a notebook before packaging a plugin. The
    workers load it by pickling, its class by reference to this module."""

    @hookimpl
    def cadre_about(self) -> Any:
        return template_plugin().cadre_about()

    @hookimpl
    def cadre_parameters(self) -> Any:
        return template_plugin().cadre_parameters()

    @hookimpl
    def cadre_features(self, features: Any) -> Any:
        return template_plugin().cadre_features(features)

    @hookimpl
    def cadre_targets(self) -> Any:
        return template_plugin().cadre_targets()


def template_plugin() -> Any:
    return importlib.import_module("cadre_province_template")


@pytest.mark.parametrize("kind", ["module", "object"])
def test_plugins_given_in_code_reach_the_workers(roster: Roster, kind: str) -> None:
    """A host with a plugin given in code (not installed) plans the same with workers as
    in this process: the workers load it again (a module by name, an object pickled)."""
    given = template_plugin() if kind == "module" else GivenTemplate()
    pm = make_plugin_manager(only=["laichau", "mau"], extra=[("mau", given)])
    host = PluginHost(pm)
    here = plan(roster, as_of=AS_OF, host=host, workers=1, chunk_size=1)
    assert {x.target_id.split(".")[0] for x in here.projections} >= {"tpl", "nq05"}
    there = plan(roster, as_of=AS_OF, host=host, workers=2, chunk_size=1)
    assert there.to_json() == here.to_json()


def test_a_plugin_that_cannot_travel_is_named_before_workers_start(roster: Roster) -> None:
    """A module made at run time cannot be imported by a worker: the error names the
    plugin and says what to do, in both languages; in one process it plans."""
    made = types.ModuleType("made_at_run_time")
    pm = make_plugin_manager(only=["laichau", "made"], extra=[("made", made)])
    host = PluginHost(pm)
    with pytest.raises(PluginError) as err:
        plan(roster, as_of=AS_OF, host=host, workers=2, chunk_size=1)
    assert err.value.plugin == "made"
    assert "made_at_run_time" in str(err.value) and "workers=1" in str(err.value)
    assert "tiến trình" in told(err.value, "vi")
    assert plan(roster, as_of=AS_OF, host=host, workers=1, chunk_size=1).lines


def test_streamed_json_is_the_merged_plans_document(roster: Roster, chunked: Plan) -> None:
    with planned(roster, as_of=AS_OF, workers=1, chunk_size=1) as parts:
        kept = list(parts)
    assert len(kept) == 3
    buf = io.StringIO()
    write_plan_json(iter(kept), buf)
    assert buf.getvalue() == merge_plans(kept).to_json() == chunked.to_json()
    doc = json.loads(buf.getvalue())
    assert [p["commune"] for p in doc["projections"]][:3] == sorted(roster.communes)


_DAY = dt.date(2027, 3, 1)
_communes = st.sampled_from(["Xã A", "Xã B", "Xã C", "Xã Đ"])
_targets = st.sampled_from(["t.1", "t.2", "t.3"])


@st.composite
def _parts(draw: st.DrawFn) -> list[Plan]:
    """Plans of disjoint communes in commune order, with lines, totals, projections
    (target-major, as one plan lists them) and needs."""
    communes = sorted(draw(st.sets(_communes, min_size=1, max_size=4)))
    cut = draw(st.integers(0, len(communes)))
    groups = [g for g in (communes[:cut], communes[cut:]) if g]
    targets = sorted(draw(st.sets(_targets, min_size=1, max_size=3)))
    out = []
    for g in groups:
        lines = tuple(
            PlanLine(
                2027,
                _DAY,
                _DAY,
                f"{c}-{i}",
                "p",
                ("t.1",),
                "Ban",
                draw(st.integers(0, 10**9)),
                commune=c,
                name='Nguyễn "Văn" A\n',
            )
            for c in g
            for i in range(draw(st.integers(0, 2)))
        )
        totals = tuple(YearTotal(c, 2027, 1, 0, draw(st.integers(0, 10**9))) for c in g)
        projections = tuple(
            TargetProjection(
                t,
                Text("Mục tiêu", "Target"),
                c,
                _DAY,
                "cadres",
                3,
                2,
                1,
                2,
                "not_met",
                draw(st.sampled_from(["met", "not_met"])),
                True,
            )
            for t in targets
            for c in g
        )
        needs = tuple(
            Need(p.target_id, p.commune, "recruit", 1, "lý do", "reason", ("x",), ("X",), "posts")
            for p in projections
            if p.status_after == "not_met"
        )
        status = draw(st.sampled_from(["optimal", "empty", "Time limit reached"]))
        out.append(Plan(dt.date(2026, 12, 31), 2030, lines, totals, projections, needs, (), status))
    return out


@settings(max_examples=60, deadline=None)
@given(_parts())
def test_streamed_document_equals_the_merged_plans_json(parts: list[Plan]) -> None:
    buf = io.StringIO()
    write_plan_json(iter(parts), buf)
    merged = merge_plans(parts)
    assert buf.getvalue() == merged.to_json()
    assert merged.total_cost == sum(p.total_cost for p in parts)
    assert merged.status == merged_status(p.status for p in parts)
    # projections target by target, communes in order within each target
    keys = [(p.target_id, p.commune) for p in merged.projections]
    assert keys == sorted(keys)


@given(st.lists(st.sampled_from(["optimal", "empty", "Time limit reached", "Infeasible"])))
def test_merged_status_is_the_first_failure(statuses: list[str]) -> None:
    got = merged_status(statuses)
    failures = [s for s in statuses if s not in ("optimal", "empty")]
    if failures:
        assert got == failures[0]
    else:
        assert got == ("optimal" if "optimal" in statuses else "empty")


def test_two_workers_write_the_same_bytes_as_one(folder: Path, tmp_path: Path) -> None:
    args = ("plan", str(folder), "--as-of", AS_OF, "--chunk", "1", "--format", "json")
    one = run(*args, "--workers", "1")
    two = run(*args, "--workers", "2")
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
    out = tmp_path / "ke-hoach.json"
    written = run(*args, "--workers", "2", "--output", str(out))
    assert written.returncode == 0, written.stderr
    assert out.read_text(encoding="utf-8") == one.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.json"]
    doc = json.loads(one.stdout)
    assert len({x["commune"] for x in doc["projections"]}) == 3
    assert "province_budget" not in doc


@pytest.mark.slow
def test_dask_cluster_plan_equals_the_local_plan(
    roster: Roster, chunked: Plan, dask_client: Any
) -> None:
    got = plan(roster, as_of=AS_OF, engine="dask", client=dask_client, chunk_size=1)
    assert got == chunked
    assert got.to_json() == chunked.to_json()


@pytest.fixture(scope="module")
def budgeted(roster: Roster, chunked: Plan) -> tuple[int, Plan]:
    budget = max(_spend(chunked).values()) // 2
    return budget, plan(roster, as_of=AS_OF, workers=2, chunk_size=1, province_budget=budget)


def test_province_budget_is_kept_every_year(budgeted: tuple[int, Plan], chunked: Plan) -> None:
    budget, p = budgeted
    b = p.province_budget
    assert b is not None and b.fits and b.budget == budget
    assert all(cost <= budget for cost in _spend(p).values())
    assert dict(b.spend) == _spend(p)
    assert b.price > 0 and b.iterations > 2 and b.method in ("price", "shares")
    # the bound is a bound: never above the plan's shortfall, never below the shortfall
    # of the plan without the budget (which every plan within it is at least)
    assert b.gap >= 0
    assert sum(f[1] for f in chunked.shortfalls) <= b.lower_bound <= b.shortfall
    assert b.shortfall == sum(f[1] for f in p.shortfalls)
    assert p.total_cost < chunked.total_cost
    doc = json.loads(p.to_json())
    assert doc["province_budget"]["gap"] == b.gap
    assert list(doc)[-1] == "province_budget"


def test_the_kept_plan_is_the_better_of_the_price_and_the_shares(
    roster: Roster, budgeted: tuple[int, Plan]
) -> None:
    """The plan at the price the search found (what a single price gives) never leaves
    less shortfall than the plan kept; with shares, each commune stays within its share."""
    budget, p = budgeted
    b = p.province_budget
    assert b is not None
    priced = plan(roster, as_of=AS_OF, workers=2, chunk_size=1, price=float(b.price))
    assert all(cost <= budget for cost in _spend(priced).values())
    assert b.shortfall <= sum(f[1] for f in priced.shortfalls)
    if b.method == "price":
        assert p.lines == priced.lines
    else:
        free: dict[tuple[str, int], int] = {}
        for t in plan(roster, as_of=AS_OF, workers=2, chunk_size=1).totals:
            free[(t.commune, t.year)] = free.get((t.commune, t.year), 0) + t.cost
        years = sorted({y for _, y in free} | {t.year for t in p.totals})
        shares = budget_shares(free, budget, years)
        assert all(t.cost <= shares.get((t.commune, t.year), 0) for t in p.totals)


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.tuples(st.sampled_from("ABCDE"), st.integers(2027, 2030)),
        st.integers(0, 10**9),
        max_size=20,
    ),
    st.integers(0, 10**10),
)
def test_budget_shares_add_up_to_the_budget_in_proportion(
    free: dict[tuple[str, int], int], budget: int
) -> None:
    years = [2027, 2028, 2029, 2030]
    shares = budget_shares(free, budget, years)
    wants: dict[str, int] = {}
    for (commune, _), cost in free.items():
        wants[commune] = wants.get(commune, 0) + cost
    total = sum(wants.values())
    assert all(v >= 0 for v in shares.values())
    for y in years:
        year = {c: v for (c, yy), v in shares.items() if yy == y}
        assert sum(year.values()) == (budget if total else 0)
        for c, v in year.items():  # within one VND of the exact proportion
            assert abs(v - Fraction(budget * wants[c], total)) < 1
    assert {c for c, _ in shares} == {c for c, v in wants.items() if v > 0}


def test_a_large_province_budget_changes_nothing(roster: Roster, chunked: Plan) -> None:
    p = plan(roster, as_of=AS_OF, workers=2, chunk_size=1, province_budget=10**15)
    assert p.province_budget is not None
    assert p.province_budget.price == 0 and p.province_budget.gap == 0
    assert p.province_budget.iterations == 1
    assert attrs.evolve(p, province_budget=None) == chunked
    doc = json.loads(p.to_json())
    del doc["province_budget"]
    assert doc == json.loads(chunked.to_json())


def test_province_budget_shows_in_the_table(folder: Path, budgeted: tuple[int, Plan]) -> None:
    budget = budgeted[0]
    out = run(
        "plan", str(folder), "--as-of", AS_OF, "--chunk", "1", "--workers", "2",
        "--province-budget", str(budget), "--format", "table",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert label("plan_province_budget", "vi") in out.stdout
    assert label("plan_pb_gap", "vi") in out.stdout
    method = budgeted[1].province_budget
    assert method is not None
    assert label(f"plan_pb_method_{method.method}", "vi") in out.stdout
    assert "price" not in out.stdout.lower() and "gap" not in out.stdout.lower()


@pytest.mark.parametrize(
    ("args", "key", "words"),
    [
        (("--workers", "0"), "cli_count", "số nguyên từ 1 trở lên"),
        (("--workers", "hai"), "cli_count", "số nguyên từ 1 trở lên"),
        (("--chunk", "-3"), "cli_count", "số nguyên từ 1 trở lên"),
        (("--province-budget", "nhiều"), "cli_plan_province_budget", "cho mỗi năm của cả tỉnh"),
        (("--province-budget", "-5"), "cli_plan_province_budget", "là số âm"),
        (("--engine", "spark"), "cli_plan_engine", "hãy chọn local"),
        (
            ("--engine", "local", "--scheduler", "tcp://127.0.0.1:9"),
            "cli_plan_scheduler_local",
            "chỉ dùng được với --engine dask",
        ),
        (("--scheduler", "không phải địa chỉ"), "cli_plan_scheduler", "không kết nối được"),
    ],
)
def test_bad_parallel_options_exit_2_with_a_sentence(
    folder: Path, args: tuple[str, ...], key: str, words: str
) -> None:
    out = run("plan", str(folder), "--as-of", AS_OF, "--format", "json", *args)
    assert out.returncode == 2, out.stderr
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    assert out.stderr.startswith(f"cadre: {args[0] if key != 'cli_plan_scheduler_local' else ''}")
    assert words in out.stderr
    assert words in label(key, "vi") or key == "cli_plan_province_budget"
