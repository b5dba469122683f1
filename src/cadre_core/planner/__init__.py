"""The training planner: who to send to which programme, when, so that targets are met.

The planner is a stage above the engine: it imports only the stages below it (vocab,
roster, features, targets, findings, plugins, engine) and counts targets with the
engine's own pieces. Its modules, in the order :func:`plan` uses them:
``_params`` (parameters and limits), ``_catalogue`` (programmes), ``_projection`` (the
roster in the future, what-if frames), ``_targets`` (a target at a day, per commune),
``_baseline`` (setting and the roster without a plan), ``_options`` (who may start what
when), ``_problem`` (what helps whom; the model), ``_milp`` (the solver), ``_selection``
(plan lines and totals), ``_apply`` and ``_outcome`` (targets with the plan), ``_needs``
(what training cannot do), ``_people`` (each line's cadre by name, post and agency; each
need's members by name), ``_result`` (the :class:`Plan` and its JSON), ``_content``
(what the plan's documents say), ``_report`` (table, xlsx, HTML), ``_docx`` (Word). ``_parallel`` plans a large roster's communes as independent
problems, in chunks of whole communes, in worker processes or on a Dask cluster, streams
the JSON as the chunks come back, and meets a province-wide budget by a price on cost
(:class:`ProvinceBudget`).

:func:`plan` projects the roster to every target's deadline (statutory retirements,
qualifications already under way, latest ratings carried forward), finds per target and
cadre which programmes of the catalogue would make the cadre satisfy the target's
criterion (one "what-if" feature build per programme, never per cadre), and chooses with
an integer programme (HiGHS) who starts what and when so that every target that training
can reach is met by its deadline at least cost, within each agency's share and the
commune's cap of key leaders away in any month, one programme at a time per person, the
prerequisites between programmes (held, or planned to end first), the yearly budget and
seats, from the day each cadre takes up a post and never past a person's retirement. Whatever training cannot close is reported as :class:`Need` lines
(recruit, appoint, purchase, or infeasible) with counts and their one reason each
(``Need.cause``), never hidden::

    >>> from cadre_core import sample_roster
    >>> p = plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"],
    ...          params={"tpl.5a.threshold": "1"})
    >>> [(x.year, x.cadre_id, x.programme, x.targets_served) for x in p.lines], p.total_cost
    ([(2027, 'MT004', 'thac_si', ('tpl.5a',))], 80000000)
    >>> sorted((n.target_id, n.kind, n.count) for n in p.needs)
    [('tpl.5a', 'appoint', 1), ('tpl.youth', 'appoint', 1)]
"""

from __future__ import annotations

from cadre_core.planner._apply import apply_plan
from cadre_core.planner._catalogue import Programme, catalogue_with, default_catalogue
from cadre_core.planner._params import planner_params
from cadre_core.planner._plan import plan
from cadre_core.planner._projection import project
from cadre_core.planner._result import (
    Need,
    Plan,
    PlanLine,
    ProvinceBudget,
    TargetProjection,
    YearTotal,
)
from cadre_core.plugins.builtin._planner_params import PLANNER_PARAMETERS

__all__ = [
    "PLANNER_PARAMETERS",
    "Need",
    "Plan",
    "PlanLine",
    "Programme",
    "ProvinceBudget",
    "TargetProjection",
    "YearTotal",
    "apply_plan",
    "catalogue_with",
    "default_catalogue",
    "plan",
    "planner_params",
    "project",
]
