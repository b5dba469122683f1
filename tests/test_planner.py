"""The training planner on the sample commune: plan, needs, outputs and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from cadre_core import sample_roster
from cadre_core.cli._plan import plan_command
from cadre_core.planner import (
    Plan,
    apply_plan,
    catalogue_with,
    default_catalogue,
    plan,
    project,
)
from cadre_core.planner._projection import retirement_of

AS_OF = dt.date(2026, 12, 31)
ONLY = ["laichau"]


@pytest.fixture(scope="module")
def sample_plan() -> Plan:
    return plan(sample_roster(), as_of=AS_OF, plugins=ONLY)


def test_plan_is_optimal_and_starts_after_as_of(sample_plan: Plan) -> None:
    assert sample_plan.status == "optimal"
    assert sample_plan.horizon == 2030
    assert sample_plan.lines
    assert all(x.start_date > AS_OF for x in sample_plan.lines)
    assert all(x.end_date <= dt.date(2030, 12, 31) for x in sample_plan.lines)
    assert sample_plan.total_cost == sum(t.cost for t in sample_plan.totals)


def test_every_line_serves_a_target_and_names_a_body(sample_plan: Plan) -> None:
    for x in sample_plan.lines:
        assert x.targets_served, x
        assert x.body in ("Ban Xây dựng Đảng", "Ủy ban nhân dân xã")


def test_trainable_gaps_are_closed(sample_plan: Plan) -> None:
    feasible = sample_plan.feasible
    for tid in ("nq05.2b", "nq05.2c", "nq05.3", "nq05.5b", "nq05.7b"):
        assert feasible[("Xã Mường Than", tid)], tid
    proj = {p.target_id: p for p in sample_plan.projections}
    assert proj["nq05.2b"].satisfied_before < proj["nq05.2b"].required
    assert proj["nq05.2b"].satisfied_after >= proj["nq05.2b"].required


def test_needs_training_cannot_meet_are_reported(sample_plan: Plan) -> None:
    needs = {n.target_id: n for n in sample_plan.needs}
    # two posts unfilled at the 2026 deadline: recruitment, with the posts named
    assert needs["nq05.1a"].kind == "recruit"
    assert needs["nq05.1a"].count == 2
    # the empty post by its title in the sentence, by its code among the members
    assert "PKT-XD" in needs["nq05.1a"].members
    assert "Công chức Xây dựng - Giao thông: có 0/1" in needs["nq05.1a"].reason_vi
    assert "PKT-XD" not in needs["nq05.1a"].reason_vi
    # equipment is bought, not trained
    assert needs["nq05.8"].kind == "purchase"
    assert "PKT" in needs["nq05.8"].members
    assert "Phòng Kinh tế: " in needs["nq05.8"].reason_vi
    # ratings are not trainable
    assert needs["nq05.4b"].kind == "infeasible"
    # every target not met at its deadline has a need, and only those
    unmet = {p.target_id for p in sample_plan.projections if p.status_after == "not_met"}
    assert unmet == set(needs)
    assert not sample_plan.all_feasible


def test_needs_counts_equal_the_projected_shortfall(sample_plan: Plan) -> None:
    proj = {p.target_id: p for p in sample_plan.projections}
    for n in sample_plan.needs:
        p = proj[n.target_id]
        assert n.count == p.required - p.satisfied_after


def test_no_overlap_and_no_programme_after_retirement(sample_plan: Plan) -> None:
    roster = sample_roster()
    retire = retirement_of(roster)
    frame = sample_plan.to_frame()
    longs = {p.code for p in sample_plan.catalogue if p.long}
    for _cid, g in frame[frame["programme"].isin(longs)].groupby("cadre_id"):
        g = g.sort_values("start_date")
        assert (g["start_date"].iloc[1:].to_numpy() > g["end_date"].iloc[:-1].to_numpy()).all()
    assert (frame["end_date"] <= frame["cadre_id"].map(retire)).all()


def test_to_frame_and_json(sample_plan: Plan) -> None:
    f = sample_plan.to_frame()
    assert list(f.columns[:6]) == [
        "commune",
        "year",
        "start_date",
        "end_date",
        "cadre_id",
        "programme",
    ]
    assert str(f["cost"].dtype) == "int64"
    assert str(f["start_date"].dtype) == "datetime64[us]"
    doc = json.loads(sample_plan.to_json())
    assert doc["total_cost"] == sample_plan.total_cost
    assert {n["kind"] for n in doc["needs"]} >= {"recruit", "purchase"}
    assert sample_plan.to_json() == plan(sample_roster(), as_of=AS_OF, plugins=ONLY).to_json()


def test_apply_plan_adds_qualifications_at_completion(sample_plan: Plan) -> None:
    roster = sample_roster()
    after = apply_plan(roster, sample_plan)
    kinds = {p.code: p.kind for p in sample_plan.catalogue}
    added = {
        k: sum(kinds[x.programme] == k for x in sample_plan.lines) for k in set(kinds.values())
    }
    assert len(after.degrees) == len(roster.degrees) + added.get("degree", 0)
    assert len(after.theory) == len(roster.theory) + added.get("theory", 0)
    assert len(after.trainings) == len(roster.trainings) + added.get("training", 0)
    assert after.degrees.dtypes.equals(roster.degrees.dtypes)


@pytest.mark.slow
def test_budget_limits_yearly_cost() -> None:
    p = plan(sample_roster(), as_of=AS_OF, plugins=ONLY, budget=60_000_000)
    assert all(t.cost <= 60_000_000 for t in p.totals)
    # a tighter budget cannot be cheaper at closing gaps: it closes fewer or equal
    full = plan(sample_roster(), as_of=AS_OF, plugins=ONLY)
    closed = sum(p.satisfied_after for p in p.projections)
    assert closed <= sum(x.satisfied_after for x in full.projections)


@pytest.mark.slow
def test_catalogue_overrides_through_params() -> None:
    cat = catalogue_with({"thac_si": {"max_age": 30}, "bd_cap_nhat": {"disabled": True}})
    assert [p.max_age for p in cat if p.code == "thac_si"] == [30]
    assert "bd_cap_nhat" not in {p.code for p in cat}
    p = plan(
        sample_roster(),
        as_of=AS_OF,
        plugins=ONLY,
        params={"planner.catalogue": {"thac_si": {"max_age": 30}}},
    )
    assert not any(x.programme == "thac_si" for x in p.lines)
    need = {n.target_id: n for n in p.needs}["nq05.5a"]
    assert need.kind == "appoint"
    assert "quá tuổi" in need.reason_vi
    with pytest.raises(ValueError):
        catalogue_with({"thac_si": {"colour": "red"}})


def test_default_catalogue_durations() -> None:
    months = {p.code: p.months for p in default_catalogue()}
    assert months["thac_si"] == 24
    assert months["llct_cao_cap"] == 12
    assert 6 <= months["llct_trung_cap"] <= 8


def test_projection_retires_cadres() -> None:
    roster = sample_roster()
    proj = project(roster, as_of=AS_OF, horizon=2030)
    retire = retirement_of(roster)
    gone = retire[retire < dt.datetime(2030, 12, 31)].index
    left = proj.cadres.set_index("cadre_id")["left_date"]
    assert (left.loc[gone].notna()).all()
    assert (proj.ratings["year"] == 2030).any()


@pytest.mark.slow
def test_cli_json_xlsx_html(tmp_path: Path) -> None:
    runner = CliRunner()
    root = Path(__file__).parents[1] / "src" / "cadre_core" / "data" / "sample_commune"
    res = runner.invoke(
        plan_command,
        [str(root), "--as-of", "2026-12-31", "--plugin", "laichau", "--format", "json"],
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["status"] == "optimal"
    for fmt in ("xlsx", "html"):
        out = tmp_path / f"plan.{fmt}"
        res = runner.invoke(
            plan_command,
            [
                str(root),
                "--as-of",
                "2026-12-31",
                "--plugin",
                "laichau",
                "--format",
                fmt,
                "-o",
                str(out),
            ],
        )
        assert res.exit_code == 0, res.output
        assert out.stat().st_size > 1000
    text = (tmp_path / "plan.html").read_text(encoding="utf-8")
    assert "<svg" in text and "<script" not in text


@pytest.mark.slow
def test_cli_bad_input_exits_2() -> None:
    runner = CliRunner()
    root = Path(__file__).parents[1] / "src" / "cadre_core" / "data" / "sample_commune"
    res = runner.invoke(plan_command, [str(root), "--as-of", "2026-13-01"])
    assert res.exit_code == 2
    res = runner.invoke(plan_command, [str(root), "--as-of", "2026-12-31", "--budget", "lots"])
    assert res.exit_code == 2


def test_needs_frame_lists_every_need(sample_plan: Plan) -> None:
    frame = sample_plan.needs_frame()
    assert list(frame.columns) == ["commune", "target_id", "kind", "count", "reason", "reason_en"]
    assert frame.to_dict("records") == [
        {
            "commune": n.commune,
            "target_id": n.target_id,
            "kind": n.kind,
            "count": n.count,
            "reason": n.reason_vi,
            "reason_en": n.reason_en,
        }
        for n in sample_plan.needs
    ]
    assert len(frame) > 0


def test_the_plan_frames_have_the_same_columns_and_dtypes_with_rows_or_none(
    sample_plan: Plan,
) -> None:
    empty = attrs.evolve(sample_plan, lines=(), totals=(), projections=(), needs=())
    for name in ("to_frame", "totals_frame", "projections_frame", "needs_frame"):
        full, none = getattr(sample_plan, name)(), getattr(empty, name)()
        assert len(full) > 0 and len(none) == 0, name
        assert full.dtypes.astype(str).to_dict() == none.dtypes.astype(str).to_dict(), name
    # dates are days at the same resolution in every frame
    assert str(sample_plan.projections_frame()["deadline"].dtype) == "datetime64[us]"
    assert sample_plan.projections_frame()["deadline"].dt.date.tolist() == [
        p.deadline for p in sample_plan.projections
    ]
