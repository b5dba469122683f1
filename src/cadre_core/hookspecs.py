"""The hooks a cadre plugin may implement.

Every hook is named ``cadre_*``, takes whole frames or whole results (never one row) and
returns a value. The host calls each plugin's implementation on its own, so a failure is
reported with the plugin's and the hook's names and never corrupts another plugin's
contribution; see ``docs/plugins.md`` for order and override rules.

Implement hooks with :data:`cadre_core.hookimpl`::

    from cadre_core import hookimpl

    @hookimpl
    def cadre_targets():
        return [...]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd
import pluggy

if TYPE_CHECKING:
    from cadre_core.engine._results import Evaluation
    from cadre_core.features._frame import Features
    from cadre_core.findings._finding import Finding
    from cadre_core.plugins._sdk import About
    from cadre_core.plugins._sections import ReportSection
    from cadre_core.roster._layout import Layout
    from cadre_core.targets._forms import Form
    from cadre_core.targets._params import Parameter
    from cadre_core.targets._target import Target
    from cadre_core.vocab._indicators import Indicator

PROJECT = "cadre"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def cadre_about() -> About:
    """Say who the plugin is: the prefixes of the ids and keys it owns, the province it
    serves, one line on what it carries, and whether it is only an example (used only
    when named). Without it a plugin owns the prefix of its own name::

        from cadre_core import About, hookimpl

        @hookimpl
        def cadre_about():
            return About(prefixes=("nq05",), province="Tỉnh Lai Châu",
                         description="Chỉ tiêu cán bộ cấp xã theo Nghị quyết 05-NQ/TU")

    A target id or parameter key outside the plugin's prefixes is a warning (an error in
    strict mode); the keys the core itself reads (``plan_start``, ``default_standards``)
    may be declared by any one plugin.
    """
    raise NotImplementedError


@hookspec
def cadre_parameters() -> Sequence[Parameter]:
    """Declare parameters (name, default value, kind, description and legal source).

    Every key has one owner: the plugin whose prefix it carries (see ``cadre_about``),
    or the plugin whose target it sets (``<target id>.threshold``, ``<target id>.deadline``).
    Declaring another plugin's key is an error naming both plugins, unless the parameter
    sets ``replaces=<owner>``; its value is then the one in force. A local ``--params``
    file overrides any of them. Every result is collected (no first-result)::

        from cadre_core import Parameter, hookimpl

        @hookimpl
        def cadre_parameters():
            return [Parameter("hagiang.youth.max_age", 35, "int", "Age limit of youth",
                              "Nghị quyết .../NQ-TU, mục II.1")]
    """
    raise NotImplementedError


@hookspec
def cadre_targets() -> Sequence[Target]:
    """Register targets: a list of :class:`~cadre_core.Target` (never one bare target).

    Ids are global and start with one of the plugin's prefixes (``cadre_about``). A clash
    is an error that blames the newcomer and names the owner, unless the newcomer's
    target sets ``replaces=<owner>``. Every result is collected. Populations and
    criteria run on whole frames and return a boolean Series indexed like the unit's
    frame; anything else (a list, a scalar, another index, a count) is an error naming
    the target::

        from cadre_core import Rule, Target, Text, criteria, hookimpl

        @hookimpl
        def cadre_targets():
            return [Target.from_criteria(
                "hagiang.5a", Text("Thường trực: thạc sĩ", "Standing: master's"),
                "Nghị quyết .../NQ-TU, mục II.1 (5)",
                criteria.flag("is_standing", Text("Thường trực", "standing")),
                criteria.education_at_least("thac_si"),
                Rule(">=", Fraction(3, 5)), dt.date(2029, 12, 31))]
    """
    raise NotImplementedError


@hookspec
def cadre_features(features: Features) -> Mapping[str, pd.Series] | None:
    """Derive new columns of the cadre feature frame (``features.cadres``).

    Return a mapping of new column name to a Series indexed by ``cadre_id``, computed on
    the whole frame at once. Plugins run in load order (the built-in plugin first) and see
    the columns of the plugins before them. A column of another plugin (or a built-in
    one) is an error naming its owner, unless the value is a
    :class:`~cadre_core.Column` that says ``replaces=<owner>``. Each value must be a
    Series over exactly the cadres of ``features.cadres`` (never a scalar)::

        @hookimpl
        def cadre_features(features):
            cadres = features.cadres
            return {"is_young_leader": cadres["is_leader"] & (cadres["age"] < 35)}
    """
    raise NotImplementedError


@hookspec
def cadre_findings(
    features: Features, params: Mapping[str, object], bodies: Mapping[str, str]
) -> Sequence[Finding]:
    """Report findings (facts about a person, a position or an agency that a body must act
    on) for the as-of day. Every result is collected.

    ``bodies`` is the host's merged ``cadre_responsible_bodies`` (bloc or target id ->
    body, every plugin's overrides applied): address a finding to ``bodies[bloc]`` so that
    a province that renames a body renames it in every finding. An implementation may
    leave out any argument it does not use (pluggy passes only the ones it names)::

        @hookimpl
        def cadre_findings(features, params, bodies):
            p = features.positions
            empty = p[p["holders"] == 0]
            return [
                Finding("demo.empty_post", "warning", "position", code, "Vị trí trống",
                        "Empty post", "Quyết định demo", bodies.get(bloc, ""), commune=commune)
                for code, bloc, commune in zip(empty.index, empty["bloc"], empty["commune"])
            ]
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def cadre_rating_aggregation(
    scores: pd.DataFrame, discipline: pd.DataFrame, params: Mapping[str, object]
) -> pd.DataFrame | None:
    """Turn quarterly scores into annual levels: one row per (``cadre_id``, ``year``) with at
    least ``cadre_id``, ``year``, ``level``, ``score`` and ``disciplined``.

    First result wins: a province plugin that returns a frame replaces the built-in
    aggregation (Decree 335/2025/NĐ-CP: mean of the quarters, score bands, discipline
    forcing ``incomplete``), which runs last. Return ``None`` to leave it to the next
    plugin::

        @hookimpl
        def cadre_rating_aggregation(scores, discipline, params):
            year = scores.groupby(["cadre_id", "year"], as_index=False)["score"].min()
            year["level"] = pd.cut(year["score"], [0, 50, 70, 90, 101], right=False,
                                   labels=["incomplete", "complete", "good", "excellent"])
            year["disciplined"] = False
            return year
    """
    raise NotImplementedError


@hookspec
def cadre_responsible_bodies() -> Mapping[str, str]:
    """Map a bloc (``party_front``, ``government``) or a target id to the body that must act.

    Later plugins override earlier ones key by key; target ids win over blocs::

        @hookimpl
        def cadre_responsible_bodies():
            return {"party_front": "Ban Tổ chức Đảng ủy xã"}
    """
    raise NotImplementedError


@hookspec
def cadre_layouts() -> Sequence[Layout]:
    """Ship the layout profiles of the province's standard lists (its sheet names, headers
    and values mapped to canonical ones), so that its communes read their lists as they
    keep them, without ``--layout``. Every result is collected; two plugins that map the
    same key differently are an error naming both, and a ``--layout`` file wins over every
    plugin. Ship the profile as a TOML file inside the package and read it::

        from pathlib import Path

        from cadre_core import hookimpl, read_layout

        @hookimpl
        def cadre_layouts():
            return [read_layout(Path(__file__).with_name("layout.toml"))]
    """
    raise NotImplementedError


@hookspec
def cadre_report_sections(evaluation: Evaluation) -> Sequence[ReportSection]:
    """Add sections (a title and a table) to the xlsx and HTML reports of an evaluation::

    @hookimpl
    def cadre_report_sections(evaluation):
        frame = evaluation.to_frame()
        return [ReportSection("Chỉ tiêu chưa đạt", frame[frame["status"] == "not_met"])]
    """
    raise NotImplementedError


@hookspec
def cadre_forms() -> Sequence[Form]:
    """Declare reporting forms (:class:`~cadre_core.Form`): the official forms a commune
    files upward, as data, filled by ``cadre forms``. The built-in plugin declares the
    national ones (9C-BTCTW, 12C-BTCTW, 10-BTCTW, BM02-BNV, 02-CL-CBCCX). Every result is
    collected; a code declared by two plugins is an error naming both, unless one form
    says ``replaces=<other plugin>``. Build each cell from the criteria the targets use::

        from cadre_core import Form, FormColumn, FormRow, Text, criteria, hookimpl

        @hookimpl
        def cadre_forms():
            women = criteria.is_female()
            return [Form(
                "HG-01", (Text("THỐNG KÊ CÁN BỘ NỮ", "WOMEN CADRES"),), "post",
                (FormColumn(Text("Tổng số", "Total"), "2", criteria.everyone()),),
                (FormRow(Text("Nữ", "Women"), women),),
                source="Hướng dẫn .../HD-BTCTU của Ban Tổ chức Tỉnh ủy")]
    """
    raise NotImplementedError


@hookspec
def cadre_indicators() -> Sequence[Indicator]:
    """Declare socio-economic indicators beyond the five of the plan's section II.2.b
    (which the built-in plugin declares), so that the roster's ``indicators`` table may
    use their codes. Every result is collected; a code declared twice is an error naming
    both plugins. An indicator where a lower actual value is better says so::

        from cadre_core import Indicator, hookimpl

        @hookimpl
        def cadre_indicators():
            return [
                Indicator("forest_cover", "Tỷ lệ che phủ rừng", "Forest cover", "%", "%"),
                Indicator("traffic_accidents", "Số vụ tai nạn giao thông",
                          "Traffic accidents", "vụ", "accidents", higher_is_better=False),
            ]
    """
    raise NotImplementedError
