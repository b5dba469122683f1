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
    from cadre_core.engine._pipeline import Evaluation
    from cadre_core.features._frame import Features
    from cadre_core.findings._finding import Finding
    from cadre_core.plugins._sections import ReportSection
    from cadre_core.roster._layout import Layout
    from cadre_core.targets._params import Parameter
    from cadre_core.targets._target import Target

PROJECT = "cadre"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def cadre_parameters() -> Sequence[Parameter]:
    """Declare parameters (name, default value, kind, description and legal source).

    Two plugins declaring the same key is an error naming both, unless one sets
    ``replaces=<other plugin name>``; its value is then the one in force. A local
    ``--params`` file overrides any of them. Every result is collected (no first-result).
    """
    raise NotImplementedError


@hookspec
def cadre_targets() -> Sequence[Target]:
    """Register targets. Ids are global: a clash is an error naming both plugins unless
    one target sets ``replaces=<other plugin name>``. Every result is collected.
    """
    raise NotImplementedError


@hookspec
def cadre_features(features: Features) -> Mapping[str, pd.Series] | None:
    """Derive new columns of the cadre feature frame (``features.cadres``).

    Return a mapping of new column name to a Series indexed by ``cadre_id``, computed on
    the whole frame at once. Plugins run in load order (the built-in plugin first) and see
    the columns of the plugins before them. A column name already present is an error.
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
    forcing ``incomplete``), which runs last.
    """
    raise NotImplementedError


@hookspec
def cadre_responsible_bodies() -> Mapping[str, str]:
    """Map a bloc (``party_front``, ``government``) or a target id to the body that must act.

    Later plugins override earlier ones key by key; target ids win over blocs.
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
    """Add sections (a title and a table) to the xlsx and HTML reports of an evaluation."""
    raise NotImplementedError
