"""Target 1b ("chuyên môn phù hợp vị trí việc làm"): the fit of degrees to posts is
computed once per evaluation.

A list whose qualification cells name a field for some people ("Đại học Luật") and not for
others ("Đại học") informs the field cell by cell; the frames below stand for such a list
(the field column taken out of :attr:`Roster.informed`), one post asking for "Luật" per
cadre.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pandas as pd
import pytest

from cadre_core import Roster, criteria, hookimpl
from cadre_core.targets import Rule, Target, Text
from cadre_core.targets import _fit as fit_module
from cadre_core.testing import evaluate_plugin

DAY = "2025-12-31"


class FittingFields:
    """One target over fitting fields, as a province's 1b."""

    @hookimpl
    def cadre_targets(self) -> list[Target]:
        return [
            Target.from_criteria(
                "t.fit",
                Text("chuyên môn phù hợp", "fitting field"),
                "test",
                criteria.holds_position_with_fields(),
                criteria.fields_fit(),
                Rule.all(),
                dt.date(2030, 12, 31),
            )
        ]


def roster_of(
    fields: list[str | None], communes: list[str] | None = None, *, by_cell: bool = True
) -> Roster:
    """One cadre per field, each holding a post of its commune that asks for "Luật" and a
    university degree in that field (None: a degree whose field is not given)."""
    n = len(fields)
    communes = communes or ["Xã Bản Bo"] * n
    names = sorted(set(communes))
    ids = [f"C{i + 1}" for i in range(n)]
    frames = {
        "agencies": pd.DataFrame(
            {"agency_code": [f"A{names.index(c)}" for c in names], "name": names,
             "commune": names}
        ),
        "cadres": pd.DataFrame(
            {"cadre_id": ids, "full_name": [f"Lò Văn {chr(65 + i)}" for i in range(n)],
             "birth_date": ["1985-03-12"] * n}
        ),
        "positions": pd.DataFrame(
            {"position_code": [f"P{i + 1}" for i in range(n)], "title": ["Chuyên viên"] * n,
             "agency_code": [f"A{names.index(c)}" for c in communes],
             "category": ["professional"] * n, "accepted_fields": ["Luật"] * n}
        ),
        "assignments": pd.DataFrame(
            {"cadre_id": ids, "position_code": [f"P{i + 1}" for i in range(n)],
             "start_date": ["2020-01-01"] * n}
        ),
        "degrees": pd.DataFrame({"cadre_id": ids, "level": ["dai_hoc"] * n, "field": fields}),
    }  # fmt: skip
    roster = Roster.from_frames(frames)
    if not by_cell:
        return roster
    assert roster.informed is not None
    return attrs.evolve(roster, informed=roster.informed - {"degrees.field"})


def results(roster: Roster, **kwargs: Any) -> dict[str, Any]:
    ev = evaluate_plugin(FittingFields(), roster, DAY, name="fit", findings=False, **kwargs)
    return {c.commune: c.target("t.fit") for c in ev.communes}


def test_the_fit_is_computed_once_per_evaluation(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    real = fit_module._fit_frame

    def counted(features: Any) -> pd.DataFrame:
        made.append(1)
        return real(features)

    monkeypatch.setattr(fit_module, "_fit_frame", counted)
    roster = roster_of(["Luật", None, "Kinh tế"])
    (result,) = results(roster).values()
    # the population and the criterion read one fit
    assert len(made) == 1
    # and it is the fit the fields give: C1's Luật fits, C3's Kinh tế does not, C2's
    # unknown field is left out
    assert (result.population, result.satisfied, result.failing) == (2, 1, ("C3",))
    # each evaluation (each plugin's view of each day) makes its own
    results(roster)
    assert len(made) == 2
