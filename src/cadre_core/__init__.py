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

An integrator's whole path (``docs/integrators.md``): a roster from pandas frames
(:meth:`Roster.from_frames`, the same checks as a file), an evaluation, a report file
(:func:`write_xlsx`, :func:`write_html`), a training plan (:func:`plan`, a :class:`Plan`,
written by :func:`write_plan_xlsx` and :func:`write_plan_html`). The report writers and
the planner are imported when first used (the planner needs scipy)::

    >>> import pathlib, tempfile
    >>> sample = cadre_core.sample_roster()
    >>> frames = {name: frame for name, frame in sample.tables.items() if len(frame)}
    >>> roster = cadre_core.Roster.from_frames(frames, name="Xã Mẫu")
    >>> roster.row_counts()["cadres"]
    43
    >>> ev = cadre_core.evaluate(roster, "31/12/2026", plugins=["province_template"])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> cadre_core.write_xlsx(ev, folder / "bao-cao.xlsx").name
    'bao-cao.xlsx'
    >>> cadre_core.write_html(ev, folder / "bao-cao.html", lang="en").name
    'bao-cao.html'
    >>> p = cadre_core.plan(roster, as_of="2026-12-31", plugins=["province_template"])
    >>> isinstance(p, cadre_core.Plan), p.as_of
    (True, datetime.date(2026, 12, 31))
    >>> cadre_core.write_plan_html(p, folder / "ke-hoach.html").name
    'ke-hoach.html'

``SCHEMA_VERSION`` is the version of the JSON contract, ``MAJOR.MINOR``, that every JSON
document of ``cadre`` states in ``schema_version`` (see :func:`json_schema`)::

    >>> cadre_core.SCHEMA_VERSION
    '1.0'
    >>> cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31").to_dict()["schema_version"]
    '1.0'
"""

from typing import TYPE_CHECKING

from cadre_core.vocab._lazy import lazy_names

if TYPE_CHECKING:  # what mypy and the API reference read; imported when first used
    from cadre_core import criteria
    from cadre_core.engine import (
        SCHEMA_VERSION,
        CommuneResult,
        Evaluation,
        TargetResult,
        evaluate,
        evaluate_days,
        iter_days,
        json_schema,
        schema_errors,
    )
    from cadre_core.features._frame import Features, rating_year
    from cadre_core.findings._finding import Finding
    from cadre_core.forms import (
        FilledForm,
        compute_form,
        write_form_docx,
        write_form_html,
        write_form_pdf,
        write_form_xlsx,
    )
    from cadre_core.hookspecs import hookimpl
    from cadre_core.planner import Plan, plan
    from cadre_core.planner._report import write_html as write_plan_html
    from cadre_core.planner._report import write_xlsx as write_plan_xlsx
    from cadre_core.plugins._host import PluginError, PluginHost, PluginInfo, make_plugin_manager
    from cadre_core.plugins._sdk import About, Column
    from cadre_core.plugins._sections import ReportSection
    from cadre_core.reports import write_html, write_pdf, write_xlsx
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
    from cadre_core.targets._forms import Form, FormColumn, FormRow
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
    from cadre_core.vocab._ethnic import (
        ETHNIC_GROUPS,
        EthnicGroup,
        canonical_ethnicity,
        is_minority,
    )
    from cadre_core.vocab._indicators import Indicator
    from cadre_core.vocab._numbers import to_fraction
    from cadre_core.vocab._version import __version__

#: Where each public name is defined, imported when the name is first asked for
#: (:func:`cadre_core.vocab._lazy.lazy_names`): ``import cadre_core`` imports no stage, so
#: ``cadre --help`` does not pay for pandas, nor ``cadre evaluate`` for the planner (scipy),
#: the report writers (xlsxwriter, jinja2) or the forms. The stage packages that were
#: attributes of the package once it was imported still are, on first use.
_LAZY = {
    "SCHEMA_VERSION": "cadre_core.engine",
    "CommuneResult": "cadre_core.engine",
    "Evaluation": "cadre_core.engine",
    "TargetResult": "cadre_core.engine",
    "evaluate": "cadre_core.engine",
    "evaluate_days": "cadre_core.engine",
    "iter_days": "cadre_core.engine",
    "json_schema": "cadre_core.engine",
    "schema_errors": "cadre_core.engine",
    "Features": "cadre_core.features._frame",
    "rating_year": "cadre_core.features._frame",
    "Finding": "cadre_core.findings._finding",
    "hookimpl": "cadre_core.hookspecs",
    "PluginError": "cadre_core.plugins._host",
    "PluginHost": "cadre_core.plugins._host",
    "PluginInfo": "cadre_core.plugins._host",
    "make_plugin_manager": "cadre_core.plugins._host",
    "About": "cadre_core.plugins._sdk",
    "Column": "cadre_core.plugins._sdk",
    "ReportSection": "cadre_core.plugins._sections",
    "Layout": "cadre_core.roster._layout",
    "LayoutError": "cadre_core.roster._layout",
    "merge_layouts": "cadre_core.roster._layout",
    "read_layout": "cadre_core.roster._layout",
    "Agency": "cadre_core.roster._model",
    "Assignment": "cadre_core.roster._model",
    "Cadre": "cadre_core.roster._model",
    "Degree": "cadre_core.roster._model",
    "EquipmentItem": "cadre_core.roster._model",
    "Position": "cadre_core.roster._model",
    "Rating": "cadre_core.roster._model",
    "TheoryCertificate": "cadre_core.roster._model",
    "Training": "cadre_core.roster._model",
    "Problem": "cadre_core.roster._problems",
    "RosterError": "cadre_core.roster._problems",
    "Roster": "cadre_core.roster._roster",
    "read_roster": "cadre_core.roster._roster",
    "sample_roster": "cadre_core.roster._roster",
    "Form": "cadre_core.targets._forms",
    "FormColumn": "cadre_core.targets._forms",
    "FormRow": "cadre_core.targets._forms",
    "Parameter": "cadre_core.targets._params",
    "ParameterError": "cadre_core.targets._params",
    "Params": "cadre_core.targets._params",
    "Rule": "cadre_core.targets._rule",
    "Target": "cadre_core.targets._target",
    "Text": "cadre_core.targets._target",
    "Bloc": "cadre_core.vocab._enums",
    "Category": "cadre_core.vocab._enums",
    "EducationLevel": "cadre_core.vocab._enums",
    "Gender": "cadre_core.vocab._enums",
    "RatingLevel": "cadre_core.vocab._enums",
    "TheoryLevel": "cadre_core.vocab._enums",
    "TrainingTopic": "cadre_core.vocab._enums",
    "ETHNIC_GROUPS": "cadre_core.vocab._ethnic",
    "EthnicGroup": "cadre_core.vocab._ethnic",
    "canonical_ethnicity": "cadre_core.vocab._ethnic",
    "is_minority": "cadre_core.vocab._ethnic",
    "Indicator": "cadre_core.vocab._indicators",
    "to_fraction": "cadre_core.vocab._numbers",
    "__version__": "cadre_core.vocab._version",
    "Plan": "cadre_core.planner",
    "plan": "cadre_core.planner",
    "write_html": "cadre_core.reports",
    "write_pdf": "cadre_core.reports",
    "write_xlsx": "cadre_core.reports",
    "FilledForm": "cadre_core.forms",
    "compute_form": "cadre_core.forms",
    "write_form_docx": "cadre_core.forms",
    "write_form_html": "cadre_core.forms",
    "write_form_pdf": "cadre_core.forms",
    "write_form_xlsx": "cadre_core.forms",
    "write_plan_html": "cadre_core.planner._report:write_html",
    "write_plan_xlsx": "cadre_core.planner._report:write_xlsx",
    "criteria": "cadre_core.criteria:",
    "engine": "cadre_core.engine:",
    "features": "cadre_core.features:",
    "findings": "cadre_core.findings:",
    "hookspecs": "cadre_core.hookspecs:",
    "plugins": "cadre_core.plugins:",
    "roster": "cadre_core.roster:",
    "targets": "cadre_core.targets:",
    "vocab": "cadre_core.vocab:",
}
if not TYPE_CHECKING:  # mypy reads the imports above: a misspelt name is still an error
    __getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())


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
    "FilledForm",
    "Finding",
    "Form",
    "FormColumn",
    "FormRow",
    "Gender",
    "Indicator",
    "Layout",
    "LayoutError",
    "Parameter",
    "ParameterError",
    "Params",
    "Plan",
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
    "compute_form",
    "criteria",
    "evaluate",
    "evaluate_days",
    "hookimpl",
    "is_minority",
    "iter_days",
    "json_schema",
    "make_plugin_manager",
    "merge_layouts",
    "plan",
    "rating_year",
    "read_layout",
    "read_roster",
    "sample_roster",
    "schema_errors",
    "to_fraction",
    "write_form_docx",
    "write_form_html",
    "write_form_pdf",
    "write_form_xlsx",
    "write_html",
    "write_pdf",
    "write_plan_html",
    "write_plan_xlsx",
    "write_xlsx",
]
