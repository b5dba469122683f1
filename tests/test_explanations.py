"""Explanations and responsible bodies of the reports (cadre_core.reports)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cadre_core as cc
from cadre_core.reports import explanations, responsible_body

BODY_VI = {"party_front": "Ban Xây dựng Đảng", "government": "Ủy ban nhân dân xã"}
BODY_EN = {"party_front": "Party Building Board", "government": "People's Committee"}


@pytest.fixture(scope="module")
def ev() -> cc.Evaluation:
    return cc.evaluate(cc.sample_roster(), "2026-12-31", plugins=["laichau"], findings=False)


def _failing_pairs(ev: cc.Evaluation) -> set[tuple[str, str, str]]:
    return {(c.commune, t.id, m) for c in ev.communes for t in c.targets for m in t.failing}


def _row(frame: pd.DataFrame, target: str, member: str) -> pd.Series:
    hit = frame[(frame["target_id"] == target) & (frame["member_id"] == member)]
    assert len(hit) == 1, (target, member)
    return hit.iloc[0]


def test_one_row_per_failing_member_listed_in_the_results(ev: cc.Evaluation) -> None:
    frame = explanations(ev)
    assert set(zip(frame["commune"], frame["target_id"], frame["member_id"], strict=True)) == (
        _failing_pairs(ev)
    )
    assert len(frame) == len(_failing_pairs(ev))
    assert frame["explanation"].map(lambda s: isinstance(s, str) and s != "").all()
    assert {
        "commune",
        "target_id",
        "member_id",
        "member",
        "explanation",
        "body",
    } <= set(frame.columns)
    # target order of the results, then member id
    order = [t.id for t in ev.communes[0].targets]
    ranks = frame["target_id"].map(order.index)
    assert ranks.is_monotonic_increasing


def test_explanations_come_from_the_rules_in_both_languages(ev: cc.Evaluation) -> None:
    vi = explanations(ev)
    en = explanations(ev, lang="en")
    vice = ev.communes[0].target("nq05.5b").failing
    assert vice, "the sample has a vice-chair short of advanced theory"
    assert _row(vi, "nq05.5b", vice[0])["explanation"] == "LLCT trung cấp, cần cao cấp hoặc cử nhân"
    assert _row(en, "nq05.5b", vice[0])["explanation"].startswith("Political theory ")
    two_tier = ev.communes[0].target("nq05.2c").failing[0]
    assert _row(en, "nq05.2c", two_tier)["explanation"] == (
        "no training in two-tier government since 01/01/2026"
    )
    assert _row(vi, "nq05.2c", two_tier)["explanation"] == (
        "chưa bồi dưỡng vận hành chính quyền hai cấp từ 01/01/2026"
    )
    # members are named: cadres by full name, positions by title
    names = ev.features.cadres["full_name"]  # type: ignore[union-attr]
    assert _row(vi, "nq05.5b", vice[0])["member"] == names[vice[0]]
    pos = ev.communes[0].target("nq05.1a").failing[0]
    titles = ev.features.positions["title"]  # type: ignore[union-attr]
    assert _row(vi, "nq05.1a", pos)["member"] == titles[pos]


def test_a_target_without_explainer_falls_back_to_its_requirement(ev: cc.Evaluation) -> None:
    bare = attrs.evolve(ev, targets=tuple(attrs.evolve(t, explain=None) for t in ev.targets))
    for lang, prefix in (("vi", "chưa đạt: "), ("en", "does not meet: ")):
        frame = explanations(bare, lang=lang)
        assert len(frame) == len(_failing_pairs(ev))
        req = {t.id: t.requirement.get(lang) for t in ev.targets}
        expected = prefix + frame["target_id"].map(req)
        assert (frame["explanation"] == expected).all()


def test_explanations_follow_the_results_never_recompute(ev: cc.Evaluation) -> None:
    """Remove a failing id from one result: the explanation disappears with it."""
    c = ev.communes[0]
    t = c.target("nq05.2b")
    kept = t.failing[1:]
    edited = attrs.evolve(
        c,
        targets=tuple(attrs.evolve(r, failing=kept) if r.id == t.id else r for r in c.targets),
    )
    frame = explanations(attrs.evolve(ev, communes=(edited,)))
    assert list(frame.loc[frame["target_id"] == "nq05.2b", "member_id"]) == list(kept)


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_any_subset_of_failing_ids_is_explained_exactly(
    ev: cc.Evaluation, data: st.DataObject
) -> None:
    c = ev.communes[0]
    chosen = {
        r.id: tuple(
            sorted(data.draw(st.sets(st.sampled_from(r.failing)) if r.failing else st.just(set())))
        )
        for r in c.targets
    }
    edited = attrs.evolve(
        c, targets=tuple(attrs.evolve(r, failing=chosen[r.id]) for r in c.targets)
    )
    frame = explanations(attrs.evolve(ev, communes=(edited,)))
    got = {(tid, m) for tid, m in zip(frame["target_id"], frame["member_id"], strict=True)}
    assert got == {(tid, m) for tid, ms in chosen.items() for m in ms}


def _expected_blocs(ev: cc.Evaluation, unit: str, member: str) -> set[str]:
    f = ev.features
    assert f is not None
    if unit == "cadres":
        a = f.assignments
        return set(a.loc[a["cadre_id"] == member, "bloc"].dropna().astype(str))
    frame = f.positions if unit == "positions" else f.agencies
    return {str(frame.at[member, "bloc"])}


@pytest.mark.parametrize("lang,names", [("vi", BODY_VI), ("en", BODY_EN)])
def test_member_body_is_the_body_of_its_agency_bloc(
    ev: cc.Evaluation, lang: str, names: Mapping[str, str]
) -> None:
    frame = explanations(ev, lang=lang)
    assert len(frame)
    for r in frame.itertuples(index=False):
        blocs = _expected_blocs(ev, str(r.unit), str(r.member_id))
        assert set(str(r.body).split("; ")) == {names[b] for b in blocs}, r
        assert r.body == responsible_body(
            ev, str(r.target_id), member_id=str(r.member_id), lang=lang
        )
    # both blocs are present in the sample, so both bodies appear
    assert set(frame["body"]) >= set(names.values())


def test_cadre_in_both_blocs_answers_to_both_bodies(ev: cc.Evaluation) -> None:
    f = ev.features
    assert f is not None
    per = f.assignments.groupby("cadre_id")["bloc"].nunique()
    both = per[per > 1]
    assert not both.empty, "the sample has a cadre with posts in both blocs"
    cid = str(both.index[0])
    assert responsible_body(ev, "nq05.2b", member_id=cid) == "Ban Xây dựng Đảng; Ủy ban nhân dân xã"


def test_target_line_body(ev: cc.Evaluation) -> None:
    frame = explanations(ev)
    for t in ev.communes[0].targets:
        members = frame[frame["target_id"] == t.id]
        line = responsible_body(ev, t.id)
        if len(members):
            wanted = {b for body in members["body"] for b in body.split("; ")}
            assert set(line.split("; ")) == wanted
        else:
            assert set(line.split("; ")) == set(BODY_VI.values())


def test_bodies_are_configurable_by_target_and_by_bloc(ev: cc.Evaluation) -> None:
    custom = attrs.evolve(
        ev,
        bodies={
            **ev.bodies,
            "government": "UBND xã (Phòng Nội vụ)",
            "nq05.8": "Văn phòng HĐND - UBND",
        },
    )
    frame = explanations(custom)
    assert set(frame.loc[frame["target_id"] == "nq05.8", "body"]) == {"Văn phòng HĐND - UBND"}
    assert responsible_body(custom, "nq05.8") == "Văn phòng HĐND - UBND"
    others = frame[frame["target_id"] != "nq05.8"]
    assert "UBND xã (Phòng Nội vụ)" in set(others["body"])
    assert "Ủy ban nhân dân xã" not in set(others["body"])


def test_bodies_hook_of_a_plugin_reaches_the_explanations() -> None:
    class Bodies:
        @cc.hookimpl
        def cadre_responsible_bodies(self) -> Mapping[str, str]:
            return {"party_front": "Ban Tổ chức Đảng ủy", "nq05.1a": "Phòng Nội vụ"}

    from cadre_core.testing import evaluate_plugin

    ev = evaluate_plugin(Bodies(), installed=["laichau"], findings=False)
    frame = explanations(ev)
    assert set(frame.loc[frame["target_id"] == "nq05.1a", "body"]) == {"Phòng Nội vụ"}
    assert "Ban Tổ chức Đảng ủy" in set(frame["body"])
    assert "Ban Xây dựng Đảng" not in set(frame["body"])


def test_unknown_language_is_refused(ev: cc.Evaluation) -> None:
    with pytest.raises(ValueError, match="lang"):
        explanations(ev, lang="fr")


# --------------------------------------------------------------------------- words, not codes


def test_equipment_is_explained_by_item_names_in_both_languages(ev: cc.Evaluation) -> None:
    """ "máy vi tính: có 6/8", never "computer: có 6/8" or "desk_set"."""
    vi = explanations(ev)
    en = explanations(ev, lang="en")
    assert _row(vi, "nq05.8", "PKT")["explanation"] == (
        "máy vi tính: có 6/8, điện thoại cố định: có 7/8"
    )
    assert _row(en, "nq05.8", "PKT")["explanation"] == "computer: 6 of 8, desk phone: 7 of 8"
    assert not vi["explanation"].str.contains("computer|phone|desk_set|cabinet").any()


def test_an_item_a_plugin_adds_is_named_by_its_equipment_names() -> None:
    """A norm item the core does not know is printed by the name the parameters give."""
    from builders import assign, cadre, roster

    r = roster(
        [cadre("C1")],
        [assign("C1", "TP")],
        equipment=[{"agency_code": "PKT", "item": "projector", "quantity": 0}],
    )
    params = {
        "equipment_norm": {"projector": ["0", 1]},
        "equipment_names": {"projector": "máy chiếu"},
    }
    found = explanations(cc.evaluate(r, "2026-12-31", plugins=["laichau"], params=params))
    assert _row(found, "nq05.8", "PKT")["explanation"] == "máy chiếu: có 0/1"


def test_a_missing_degree_or_theory_is_said_not_coded() -> None:
    """ "Chưa có bằng chuyên môn, cần đại học", never "Trình độ không có"."""
    from builders import assign, cadre, roster

    r = roster([cadre("C1")], [assign("C1", "CV")])
    ev = cc.evaluate(r, "2026-12-31", plugins=["laichau"], findings=False)
    vi, en = explanations(ev), explanations(ev, lang="en")
    assert _row(vi, "nq05.7a", "C1")["explanation"] == "Chưa có bằng chuyên môn, cần đại học"
    assert _row(vi, "nq05.7b", "C1")["explanation"] == (
        "Chưa có trình độ lý luận chính trị, cần trung cấp"
    )
    assert _row(en, "nq05.7a", "C1")["explanation"] == "No degree, needs bachelor's"
    assert "không có" not in " ".join(vi["explanation"])
