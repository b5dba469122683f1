"""National findings (section II.2 of the plan): examples from the legal texts, the
sample commune, parameters, the plugin hook, and properties."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadre_core import evaluate, hookimpl, sample_roster
from cadre_core.features._frame import Features, build_features
from cadre_core.findings._finding import Finding
from cadre_core.findings._national import national_findings
from cadre_core.findings._ratings import rating_findings
from cadre_core.findings._rotation import rotation_years
from cadre_core.findings._standards import standards_findings
from cadre_core.plugins._host import PluginHost, make_plugin_manager
from cadre_core.roster._roster import Roster

END = "2026-12-31"


@pytest.fixture(scope="module")
def sample_findings() -> list[Finding]:
    ev = evaluate(sample_roster(), END, plugins=["laichau"])
    return list(ev.communes[0].findings)


def _by(findings: Sequence[Finding], rule: str) -> dict[str, Finding]:
    return {f.subject: f for f in findings if f.rule == rule}


# ---------------------------------------------------------------------- sample commune
def test_sample_shows_many_kinds_each_with_source_and_body(
    sample_findings: list[Finding],
) -> None:
    kinds = {f.rule for f in sample_findings}
    assert {
        "national.local_key_post",
        "national.below_standard_on_appointment",
        "national.vacancy",
        "national.surplus",
        "national.succession_too_many_candidates",
        "national.succession_too_many_titles",
        "national.succession_retires_in_term",
        "national.rating_contradicts_scores",
        "national.excellent_over_cap",
    } <= kinds
    assert {f.subject_kind for f in sample_findings} == {"cadre", "position", "agency", "commune"}
    for f in sample_findings:
        assert f.source and f.body and f.message_vi and f.message_en and f.commune
        assert f.commune == "Xã Mường Than"


def test_sample_key_posts(sample_findings: list[Finding]) -> None:
    """KL 210-KL/TW: the local People's Committee chair is flagged, the non-local
    Secretary and Inspection chair are not; the appointing body is named."""
    local = _by(sample_findings, "national.local_key_post")
    assert set(local) == {"MT003"}
    # the post by its title, never its code; the person by name and posts
    assert "Chủ tịch UBND xã" in local["MT003"].message_vi
    assert "Chủ tịch UBND xã" in local["MT003"].message_en
    assert "UBND-CT" not in local["MT003"].message_vi + local["MT003"].message_en
    assert local["MT003"].subject_name == "Lò Văn Khánh"
    assert "Chủ tịch UBND xã" in local["MT003"].subject_post
    assert local["MT003"].title() == "Người địa phương giữ chức danh chủ chốt"
    assert local["MT003"].body == "Ban Thường vụ Đảng ủy xã"
    assert "210-KL/TW" in local["MT003"].source


def test_sample_quota_and_standards(sample_findings: list[Finding]) -> None:
    vacant = _by(sample_findings, "national.vacancy")
    assert set(vacant) == {"PKT-XD", "UBKT-KTV"}
    assert "(có 0/1)" in vacant["PKT-XD"].message_vi
    assert vacant["PKT-XD"].body == "Ủy ban nhân dân xã"
    assert vacant["UBKT-KTV"].body == "Ban Xây dựng Đảng"
    assert set(_by(sample_findings, "national.surplus")) == {"TTHCC-MC"}
    below = _by(sample_findings, "national.below_standard_on_appointment")
    # MT036: so_cap theory for a deputy head; MT019: college degree, default standard
    assert set(below) == {"MT019", "MT036"}
    assert below["MT036"].severity == "error" and "LLCT" in below["MT036"].message_vi


def test_sample_succession_and_ratings(sample_findings: list[Finding]) -> None:
    assert set(_by(sample_findings, "national.succession_too_many_candidates")) == {"UBND-CT"}
    assert set(_by(sample_findings, "national.succession_too_many_titles")) == {"MT012"}
    retires = _by(sample_findings, "national.succession_retires_in_term")
    assert set(retires) == {"MT019"} and "11/2031" in retires["MT019"].message_vi
    pools = [f for f in sample_findings if f.rule.startswith("national.succession_pool_")]
    assert len(pools) == 3 and all("2025-2030" in f.message_vi for f in pools)
    contra = _by(sample_findings, "national.rating_contradicts_scores")
    assert set(contra) == {"MT021", "MT031"}
    assert contra["MT031"].severity == "error" and "kỷ luật" in contra["MT031"].message_vi
    assert contra["MT021"].severity == "warning" and "86" in contra["MT021"].message_vi
    assert all("335/2025" in f.source for f in contra.values())


def test_findings_in_json_and_switch_off() -> None:
    roster = sample_roster()
    data = json.loads(evaluate(roster, END).to_json())
    items = data["communes"][0]["findings"]
    assert items and {"rule", "severity", "subject", "message", "source", "body"} <= set(items[0])
    assert evaluate(roster, END, findings=False).communes[0].findings == ()


def test_no_rating_findings_before_the_decree_applies() -> None:
    """Mid-2026 the rating year is 2025, before Decree 335 (nd335.first_year = 2026)."""
    ev = evaluate(sample_roster(), "2026-06-30")
    rules = {f.rule for f in ev.communes[0].findings}
    assert not rules & {"national.rating_contradicts_scores", "national.excellent_over_cap"}


# -------------------------------------------------------------------------- parameters
def test_retirement_before_a_deadline_names_the_targets() -> None:
    """MT019 (born 1969, male) retires in 11/2031: flagged once a deadline is later."""
    ev = evaluate(sample_roster(), END, params={"nq05.1a.deadline": "2032-12-31"})
    hit = _by(ev.communes[0].findings, "national.retires_before_deadline")
    assert set(hit) == {"MT019"}
    assert "nq05.1a" in hit["MT019"].message_en and "nq05.5a" not in hit["MT019"].message_en
    base = evaluate(sample_roster(), END)
    assert not _by(base.communes[0].findings, "national.retires_before_deadline")


def test_past_retirement_age() -> None:
    ev = evaluate(sample_roster(), "2031-12-31")
    assert "MT019" in _by(ev.communes[0].findings, "national.past_retirement_age")


def test_rotation_period_is_a_parameter() -> None:
    """Anti-Corruption Law 2018 Art. 25: rotation after 2 to 5 years in a sensitive post."""
    day = "2027-07-01"  # two years after the reform day
    two = evaluate(sample_roster(), day, params={"national.rotation_years": 2})
    flagged = _by(two.communes[0].findings, "national.rotation_overdue")
    assert set(flagged) == {"MT023", "MT024", "MT028", "MT029", "MT030", "MT031"}
    five = evaluate(sample_roster(), day)
    assert not _by(five.communes[0].findings, "national.rotation_overdue")
    with pytest.raises(ValueError, match="2 to 5"):
        rotation_years({"national.rotation_years": 6})
    with pytest.raises(ValueError, match="2 to 5"):
        rotation_years({"national.rotation_years": 1})


def test_params_file_overrides(tmp_path: Any) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[national]\nnon_local_categories = "party_deputy_secretary"\n'
        '[national.succession]\nmin_female = "3/5"\nmax_candidates = 4\n',
        encoding="utf-8",
    )
    ev = evaluate(sample_roster(), END, params_file=str(path))
    found = ev.communes[0].findings
    assert set(_by(found, "national.local_key_post")) == {"MT002", "MT003"}
    assert not _by(found, "national.succession_too_many_candidates")
    female = [f for f in found if f.rule == "national.succession_pool_female"]
    assert {("2030-2035" in f.message_vi) for f in female} == {True, False}


def test_cap_scope_commune() -> None:
    ev = evaluate(sample_roster(), END, params={"nd335.cap_scope": "commune"})
    caps = [f for f in ev.communes[0].findings if f.rule == "national.excellent_over_cap"]
    assert all(f.subject_kind == "commune" for f in caps)


# ---------------------------------------------------------------- synthetic rosters
def _roster(
    ratings: Sequence[tuple[str, int, str]] = (),
    n: int = 1,
    theory: Sequence[tuple[str, str, str]] = (),
    extra: Mapping[str, pd.DataFrame] | None = None,
) -> Roster:
    ids = [f"C{i:03d}" for i in range(n)]
    frames = {
        "cadres": pd.DataFrame(
            {
                "cadre_id": ids,
                "full_name": [f"Người {i}" for i in range(n)],
                "birth_date": "1985-05-05",
                "gender": "female",
                "ethnicity": "Thái",
                "is_local": False,
            }
        ),
        "agencies": pd.DataFrame(
            {"agency_code": ["A"], "name": ["Phòng A"], "commune": ["Xã X"], "bloc": ["government"]}
        ),
        "positions": pd.DataFrame(
            {
                "position_code": ["A-TP", "A-CV"],
                "agency_code": ["A", "A"],
                "category": ["department_head", "professional"],
                "quota": [1, max(n - 1, 0)],
                "min_theory": ["trung_cap", None],
                # (a frame without accepted_fields fails Roster.from_frames: core bug reported)
                "accepted_fields": ["Luật", "Luật"],
            }
        ),
        "assignments": pd.DataFrame(
            {
                "cadre_id": ids,
                "position_code": ["A-TP"] + ["A-CV"] * (n - 1),
                "start_date": "2025-07-01",
            }
        ),
        "ratings": pd.DataFrame(ratings, columns=["cadre_id", "year", "rating"]),
        "theory": pd.DataFrame(theory, columns=["cadre_id", "level", "awarded_date"]),
    }
    frames.update(extra or {})
    return Roster.from_frames(frames, name="Xã X")


_PARAMS: dict[str, Any] = {}


def _features(roster: Roster, day: str = END) -> Features:
    """Feature frames with the parameters in force (computed once per module)."""
    if not _PARAMS:
        _PARAMS["p"] = evaluate(roster, day, findings=False).params
    return build_features(roster, dt.date.fromisoformat(day), _PARAMS["p"])


def test_standard_met_after_appointment_is_info() -> None:
    """Theory awarded after the start date: below standard on appointment, met since."""
    r = _roster(theory=[("C000", "trung_cap", "2026-03-01")])
    (f,) = standards_findings(_features(r), {})
    assert (f.subject, f.severity) == ("C000", "info")
    assert "nay đã đạt" in f.message_vi
    r = _roster(theory=[("C000", "trung_cap", "2025-06-01")])
    assert standards_findings(_features(r), {}) == []


_BASE: dict[str, Features] = {}


def _base_features() -> Features:
    """One 21-cadre agency; examples swap its ratings table (fast)."""
    if not _BASE:
        _BASE["f"] = _features(_roster(n=21))
    return _BASE["f"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(min_value=0, max_value=12),
    st.integers(min_value=0, max_value=6),
    st.integers(min_value=0, max_value=3),
)
def test_agency_over_the_cap_always_yields_a_finding(good: int, excellent: int, other: int) -> None:
    """Property: excellent > 20% of good in an agency <=> an excellent_over_cap finding."""
    import attrs

    levels = ["excellent"] * excellent + ["good"] * good + ["complete"] * other
    ratings = pd.DataFrame(
        {
            "cadre_id": [f"C{i:03d}" for i in range(len(levels))],
            "year": pd.array([2026] * len(levels), dtype="Int64"),
            "quarter": pd.array([None] * len(levels), dtype="Int64"),
            "rating": levels,
        }
    )
    base = _base_features()
    feats = attrs.evolve(base, tables={**base.tables, "ratings": ratings})
    found = [f for f in rating_findings(feats, {}) if f.rule == "national.excellent_over_cap"]
    assert (len(found) == 1) == (5 * excellent > good)
    if found:
        assert found[0].subject == "A" and found[0].severity == "error"
        assert found[0].commune == "Xã X"


def test_scores_contradiction_on_synthetic_roster() -> None:
    scores = pd.DataFrame(
        {"cadre_id": "C000", "year": 2026, "quarter": [1, 2, 3, 4], "score": [60, 62, 58, 60]}
    )
    r = _roster([("C000", 2026, "good")], extra={"scores": scores})
    (f,) = [x for x in rating_findings(_features(r), {}) if x.rule.endswith("contradicts_scores")]
    assert f.subject == "C000" and "60" in f.message_en and "complete" in f.message_en


def test_annual_scores_from_a_replaced_aggregation_are_used() -> None:
    """A province's aggregation result placed in features.tables wins over the default."""
    import attrs

    feats = _features(_roster([("C000", 2026, "good")]))
    annual = pd.DataFrame(
        {
            "cadre_id": ["C000"],
            "year": [2026],
            "level": ["excellent"],
            "score": [95.0],
            "disciplined": [False],
        }
    )
    feats = attrs.evolve(feats, tables={**feats.tables, "annual_scores": annual})
    (f,) = rating_findings(feats, {})
    assert f.rule == "national.rating_contradicts_scores" and "95" in f.message_en


# -------------------------------------------------------------------------- plugin hook
class _Province:
    @staticmethod
    @hookimpl
    def cadre_findings(features: Features, params: Mapping[str, object]) -> Sequence[Finding]:
        return [
            Finding(
                "demo.check",
                "info",
                "agency",
                "A",
                "kiểm tra",
                "check",
                "Quyết định demo",
                "UBND xã",
                commune="Xã X",
            )
        ]


def test_plugins_add_findings() -> None:
    host = PluginHost(make_plugin_manager(entry_points=False, extra=[("demo", _Province())]))
    ev = evaluate(_roster(), END, host=host)
    assert "demo.check" in {f.rule for f in ev.communes[0].findings}


def test_national_findings_on_empty_optional_tables() -> None:
    """No succession, scores or discipline table: no error, no such findings."""
    r = _roster()
    feats = build_features(r, dt.date(2026, 12, 31), evaluate(r, END, findings=False).params)
    rules = {f.rule for f in national_findings(feats, {})}
    assert not any(x.startswith("national.succession") for x in rules)


def _any_finding() -> st.SearchStrategy[Finding]:
    """Findings with every field drawn (new fields included: read from the class)."""
    choices: dict[str, st.SearchStrategy[Any]] = {
        "severity": st.sampled_from(["info", "warning", "error"]),
        "subject_kind": st.sampled_from(["cadre", "position", "agency", "commune"]),
    }
    fields = {f.name: choices.get(f.name, st.text(max_size=8)) for f in attrs.fields(Finding)}
    return st.fixed_dictionaries(fields).map(lambda kw: Finding(**kw))


@settings(max_examples=200, deadline=None)
@given(_any_finding(), st.text(max_size=8), st.text(max_size=8))
def test_a_named_finding_is_the_finding_with_its_names_replaced(
    finding: Finding, name: str, post: str
) -> None:
    """``Finding.named`` gives what ``attrs.evolve`` gives: every other field kept."""
    got = finding.named(name, post)
    assert got == attrs.evolve(finding, subject_name=name, subject_post=post)
    assert attrs.astuple(got) == attrs.astuple(
        attrs.evolve(finding, subject_name=name, subject_post=post)
    )
