"""Lai Châu's 18 targets on the sample commune (Xã Mường Than) as of 31/12/2026.

These values were the core's docstring examples before the core's examples moved to the
fictional template province; they stay here as the plugin's regression on real data.
"""

from __future__ import annotations

import pytest

from cadre_core import Evaluation, evaluate, sample_roster
from cadre_core.reports import responsible_body


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate(sample_roster(), "2026-12-31", plugins=["laichau"])


def test_the_commune_and_its_eighteen_results(evaluation: Evaluation) -> None:
    assert [p.name for p in evaluation.plugins] == ["cadre", "laichau"]
    (commune,) = evaluation.communes
    assert commune.commune == "Xã Mường Than"
    assert len(commune.targets) == 18
    assert commune.targets[0].id == "nq05.1a"
    assert commune.unrated == ("MT034",)
    counts = evaluation.to_frame()["status"].value_counts()
    assert counts[["met", "not_met"]].tolist() == [4, 14]


def test_every_job_position_staffed(evaluation: Evaluation) -> None:
    t = evaluation.communes[0].target("nq05.1a")
    assert (t.title.en, t.population, t.satisfied, t.required, t.shortfall, t.status) == (
        "Every job position staffed",
        34,
        32,
        34,
        2,
        "not_met",
    )
    assert t.failing == ("PKT-XD", "UBKT-KTV")


def test_the_body_that_answers_for_an_unstaffed_post(evaluation: Evaluation) -> None:
    assert responsible_body(evaluation, "nq05.1a", member_id="UBKT-KTV") == "Ban Xây dựng Đảng"
