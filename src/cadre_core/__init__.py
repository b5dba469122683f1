"""cadre_core: executable, testable rules for commune cadre-qualification resolutions.

Read a roster, evaluate the targets that province plugins register, as of any day, per
commune, exactly::

    >>> import cadre_core
    >>> ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31")
    >>> ev.to_frame()[["id", "status"]].head(2).shape
    (2, 2)
"""

from cadre_core import criteria
from cadre_core._engine import CommuneResult, Evaluation, TargetResult, evaluate
from cadre_core._enums import (
    Bloc,
    Category,
    EducationLevel,
    Gender,
    RatingLevel,
    TheoryLevel,
    TrainingTopic,
)
from cadre_core._ethnic import ETHNIC_GROUPS, EthnicGroup, canonical_ethnicity, is_minority
from cadre_core._features import Features, rating_year
from cadre_core._findings import Finding
from cadre_core._model import (
    Agency,
    Assignment,
    Cadre,
    Degree,
    EquipmentItem,
    Position,
    Rating,
    TheoryCertificate,
    Training,
)
from cadre_core._params import Parameter, ParameterError, Params
from cadre_core._plugins import PluginError, PluginHost, make_plugin_manager
from cadre_core._problems import Problem, RosterError
from cadre_core._reports_model import ReportSection
from cadre_core._roster import Roster, read_roster, sample_roster
from cadre_core._rules import Rule, to_fraction
from cadre_core._targets import Target, Text
from cadre_core.hookspecs import hookimpl

__version__ = "0.1.0"

__all__ = [
    "ETHNIC_GROUPS",
    "Agency",
    "Assignment",
    "Bloc",
    "Cadre",
    "Category",
    "CommuneResult",
    "Degree",
    "EducationLevel",
    "EquipmentItem",
    "EthnicGroup",
    "Evaluation",
    "Features",
    "Finding",
    "Gender",
    "Parameter",
    "ParameterError",
    "Params",
    "PluginError",
    "PluginHost",
    "Position",
    "Problem",
    "Rating",
    "RatingLevel",
    "ReportSection",
    "Roster",
    "RosterError",
    "Rule",
    "Target",
    "TargetResult",
    "Text",
    "TheoryCertificate",
    "TheoryLevel",
    "Training",
    "TrainingTopic",
    "__version__",
    "canonical_ethnicity",
    "criteria",
    "evaluate",
    "hookimpl",
    "is_minority",
    "make_plugin_manager",
    "rating_year",
    "read_roster",
    "sample_roster",
    "to_fraction",
]
