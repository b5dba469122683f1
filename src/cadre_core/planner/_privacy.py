"""A plan under pseudonyms: the same pseudonymous ids as the evaluation's outputs.

The work is :class:`cadre_core.engine._privacy.Pseudonymizer`; this maps it over a
:class:`~cadre_core.planner._result.Plan`: each line's cadre and name (both become the
cadre's pseudonym), the cadres a need names and their names, and the texts that may quote
the roster (posts, agencies, the reasons of needs: scrubbed of ids, names and birth dates),
and what the reader set aside, did not read or noted (raw cells withheld, texts scrubbed).
"""

from __future__ import annotations

import attrs

from cadre_core.engine._privacy import Pseudonymizer
from cadre_core.planner._result import Plan


def pseudonymize_plan(plan: Plan, hider: Pseudonymizer) -> Plan:
    """``plan`` with pseudonymous cadre ids and names and scrubbed texts; costs, years,
    programmes and projections unchanged."""
    lines = tuple(
        attrs.evolve(
            x,
            cadre_id=hider.id(x.cadre_id),
            name=hider.id(x.cadre_id),
            post=hider.scrub(x.post),
            agency=hider.scrub(x.agency),
        )
        for x in plan.lines
    )
    needs = tuple(
        attrs.evolve(
            n,
            members=tuple(hider.known(m) for m in n.members),
            member_names=tuple(
                hider.known(m) if hider.known(m) != m else hider.scrub(name)
                for m, name in zip(n.members, n.member_names, strict=False)
            ),
            reason_vi=hider.scrub(n.reason_vi),
            reason_en=hider.scrub(n.reason_en),
        )
        for n in plan.needs
    )
    return attrs.evolve(
        plan,
        lines=lines,
        needs=needs,
        skipped=tuple(hider.problem(p) for p in plan.skipped),
        not_read=tuple(hider.problem(p) for p in plan.not_read),
        warnings=tuple(hider.problem(p) for p in plan.warnings),
    )


__all__ = ["pseudonymize_plan"]
