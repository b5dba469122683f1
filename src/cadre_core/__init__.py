"""cadre_core: executable, testable rules for commune cadre-qualification resolutions.

Read a roster, evaluate the targets that province plugins register, as of any day, per
commune, exactly::

    >>> import cadre_core
    >>> ev = cadre_core.evaluate(
    ...     cadre_core.sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> ev.to_frame()[["id", "satisfied", "required", "status"]].values.tolist()
    [['tpl.5a', 3, 4, 'not_met'], ['tpl.7b', 14, 14, 'met'], ['tpl.youth', 0, 1, 'not_met']]

Three exported names are not classes or functions and are documented here.

``ETHNIC_GROUPS`` is the tuple of the 54 official ethnic groups (:class:`EthnicGroup`), in
official order (QĐ 121-TCTK/PPCĐ, 1979), Kinh first::

    >>> len(cadre_core.ETHNIC_GROUPS), cadre_core.ETHNIC_GROUPS[0]
    (54, EthnicGroup(code=1, name='Kinh'))
    >>> [g.name for g in cadre_core.ETHNIC_GROUPS if g.code in (3, 8)]
    ['Thái', 'Mông']

``hookimpl`` is the pluggy marker that turns a function (or method) into an implementation
of a ``cadre_*`` hook (see :mod:`cadre_core.hookspecs`)::

    >>> class DemoPlugin:
    ...     @cadre_core.hookimpl
    ...     def cadre_parameters(self):
    ...         return [cadre_core.Parameter("demo.max_age", 60, "int", "an age limit")]
    >>> pm = cadre_core.make_plugin_manager(entry_points=False, extra=[("demo", DemoPlugin())])
    >>> host = cadre_core.PluginHost(pm)
    >>> host.plugin_names()
    ['cadre', 'demo']
    >>> [(name, p.key, p.default) for name, p in host.parameter_definitions() if name == "demo"]
    [('demo', 'demo.max_age', 60)]

``SCHEMA_VERSION`` is the version of the JSON contract, ``MAJOR.MINOR``, that every JSON
document of ``cadre`` states in ``schema_version`` (see :func:`json_schema`)::

    >>> cadre_core.SCHEMA_VERSION
    '1.0'
    >>> cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").to_dict()["schema_version"]
    '1.0'
"""

from cadre_core import criteria
from cadre_core.engine import (
    SCHEMA_VERSION,
    CommuneResult,
    Evaluation,
    TargetResult,
    evaluate,
    json_schema,
    schema_errors,
)
from cadre_core.features._frame import Features, rating_year
from cadre_core.findings._finding import Finding
from cadre_core.hookspecs import hookimpl
from cadre_core.plugins._host import PluginError, PluginHost, PluginInfo, make_plugin_manager
from cadre_core.plugins._sdk import About, Column
from cadre_core.plugins._sections import ReportSection
from cadre_core.roster._layout import Layout, LayoutError, merge_layouts, read_layout
from cadre_core.roster._model import (
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
from cadre_core.roster._problems import Problem, RosterError
from cadre_core.roster._roster import Roster, read_roster, sample_roster
from cadre_core.targets._params import Parameter, ParameterError, Params
from cadre_core.targets._rule import Rule
from cadre_core.targets._target import Target, Text
from cadre_core.vocab._enums import (
    Bloc,
    Category,
    EducationLevel,
    Gender,
    RatingLevel,
    TheoryLevel,
    TrainingTopic,
)
from cadre_core.vocab._ethnic import ETHNIC_GROUPS, EthnicGroup, canonical_ethnicity, is_minority
from cadre_core.vocab._numbers import to_fraction
from cadre_core.vocab._version import __version__

__all__ = [
    "ETHNIC_GROUPS",
    "SCHEMA_VERSION",
    "About",
    "Agency",
    "Assignment",
    "Bloc",
    "Cadre",
    "Category",
    "Column",
    "CommuneResult",
    "Degree",
    "EducationLevel",
    "EquipmentItem",
    "EthnicGroup",
    "Evaluation",
    "Features",
    "Finding",
    "Gender",
    "Layout",
    "LayoutError",
    "Parameter",
    "ParameterError",
    "Params",
    "PluginError",
    "PluginHost",
    "PluginInfo",
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
    "json_schema",
    "make_plugin_manager",
    "merge_layouts",
    "rating_year",
    "read_layout",
    "read_roster",
    "sample_roster",
    "schema_errors",
    "to_fraction",
]
