"""Define a plugin inline and evaluate it with the testing kit, next to Lai Châu's.

A plugin is any object whose attributes are functions decorated with
``cadre_core.hookimpl``: a module (the usual case, found through an entry point), or,
as here, a class instance. This one

- adds a derived column ``is_local_leader`` (a leader who is a local person);
- registers a target of its own, ``demo.local``: at most half of the leaders are local
  people, written as "at least half are not local";
- overrides Lai Châu's threshold of target 5a (``replaces="laichau"``).

Run: ``python examples/write_a_plugin.py``
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction

import pandas as pd

from cadre_core import Features, Parameter, Rule, Target, Text, criteria, hookimpl
from cadre_core.testing import evaluate_plugin

LEADERS = criteria.flag("is_leader", Text("cán bộ giữ chức vụ lãnh đạo", "leaders"))
NOT_LOCAL = criteria.Criterion(
    lambda f: ~f.cadres["is_local_leader"],
    Text("không phải người địa phương", "is not a local person"),
)


class DemoProvince:
    """A tiny province plugin."""

    @hookimpl
    def cadre_parameters(self) -> Sequence[Parameter]:
        """Lai Châu's 5a at 2/3 instead of 3/4, with the (made-up) source of the change."""
        return [
            Parameter(
                "nq05.5a.threshold",
                "2/3",
                "fraction",
                "Target 5a threshold as the demo province applies it",
                "Công văn mẫu số 1/UBND (ví dụ)",
                replaces="laichau",
            )
        ]

    @hookimpl
    def cadre_features(self, features: Features) -> Mapping[str, pd.Series]:
        """A new column for every active cadre at once."""
        cadres = features.cadres
        return {"is_local_leader": cadres["is_leader"] & cadres["is_local"].fillna(False)}

    @hookimpl
    def cadre_targets(self) -> Sequence[Target]:
        """One target on the new column."""
        return [
            Target.from_criteria(
                id="demo.local",
                title=Text("Lãnh đạo không phải người địa phương", "Non-local leaders"),
                source="Nghị quyết mẫu (ví dụ), mục 1",
                population=LEADERS,
                criterion=NOT_LOCAL,
                rule=Rule(">=", Fraction(1, 2)),
                deadline=dt.date(2030, 12, 31),
            )
        ]


def main() -> int:
    """Evaluate the sample commune with the demo plugin and Lai Châu's, and print."""
    ev = evaluate_plugin(DemoProvince(), name="demo", installed=["laichau"])
    commune = ev.communes[0]
    local = commune.target("demo.local")
    t5a = commune.target("nq05.5a")
    print(
        f"demo.local: {local.satisfied}/{local.population} leaders not local, "
        f"{local.required} required -> {local.status}"
    )
    print(
        f"nq05.5a: threshold {t5a.rule.value} (from {ev.params.origin('nq05.5a.threshold')}), "
        f"{t5a.satisfied}/{t5a.population}, {t5a.required} required -> {t5a.status}"
    )
    assert t5a.rule.value == Fraction(2, 3)
    assert ev.params.origin("nq05.5a.threshold") == "plugin demo"
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
