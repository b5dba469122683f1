"""Stage 4, targets: the declarative model of what a resolution asks, and its parameters.

Owns :class:`Target` and :class:`Text` (:mod:`._target`), :class:`Rule` and its exact
arithmetic (:mod:`._rule`), the vectorised criteria and populations with their explanations
(:mod:`._criteria`, published to plugin authors as :mod:`cadre_core.criteria`), and
:class:`Parameter` / :class:`Params` with their kinds, legal sources and TOML overrides
(:mod:`._params`), and the official reporting forms as data (:class:`Form`,
:mod:`._forms`). A target says *what* is counted; plugins say *which* targets exist.

May import: :mod:`cadre_core.features`, :mod:`cadre_core.roster` and :mod:`cadre_core.vocab`
(see ``docs/architecture.md``).
"""

from cadre_core.targets._criteria import Criterion
from cadre_core.targets._forms import Form, FormColumn, FormRow
from cadre_core.targets._params import (
    Parameter,
    ParameterError,
    Params,
    jsonable,
    read_params_file,
)
from cadre_core.targets._rule import Rule
from cadre_core.targets._target import LeftOut, Target, Text

__all__ = [
    "Criterion",
    "Form",
    "FormColumn",
    "FormRow",
    "LeftOut",
    "Parameter",
    "ParameterError",
    "Params",
    "Rule",
    "Target",
    "Text",
    "jsonable",
    "read_params_file",
]
