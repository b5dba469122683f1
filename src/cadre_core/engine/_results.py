"""The results of an evaluation and the JSON document they make.

:class:`TargetResult` (one target in one commune), :class:`CommuneResult` (all targets of
one commune) and :class:`Evaluation` (every commune as of one day), with what turns them
into the contract's JSON (``to_json``, ``to_dict``, ``audit``) and a tidy frame
(``to_frame``). They are built only by the pipeline (:mod:`cadre_core.engine._pipeline`,
``finish``); this module computes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs
import pandas as pd

from cadre_core.engine import _json
from cadre_core.engine._schema import SCHEMA_VERSION
from cadre_core.features._frame import Features
from cadre_core.findings._finding import Finding
from cadre_core.plugins._errors import PluginError
from cadre_core.plugins._host import PluginInfo
from cadre_core.roster._problems import Problem
from cadre_core.targets._params import Params
from cadre_core.targets._rule import Rule
from cadre_core.targets._target import Target, Text
from cadre_core.vocab._gc import paused_gc
from cadre_core.vocab._labels import label

STATUSES = ("met", "not_met", "not_applicable")


@attrs.frozen
class TargetResult:
    """The result of one target in one commune (the JSON contract's ``targets`` item).

    >>> ev = cadre_core.evaluate(
    ...     cadre_core.sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> t = ev.communes[0].target("tpl.5a")
    >>> t.title.en, t.population, t.satisfied, t.required, t.shortfall, t.status
    ("Standing leadership: master's degree", 6, 3, 4, 1, 'not_met')
    >>> t.failing
    ('MT003', 'MT004', 'MT005')
    """

    id: str
    title: Text
    source: str
    unit: str
    population: int
    satisfied: int
    required: int
    shortfall: int
    rule: Rule
    status: str
    attainable: bool
    deadline: dt.date
    overdue: bool
    failing: tuple[str, ...]
    plugin: str = ""
    population_text: Text = Text("", "")
    requirement: Text = Text("", "")
    # why not applicable, beyond an empty population: "no_data" (the target reads what the
    # input could not inform), or the population's LeftOut.reason ("fields_unknown": empty
    # because the input cannot tell about some members)
    reason: str | None = None
    # the members the population left out because the input cannot tell whether they
    # belong (ids, sorted), and why (the population's LeftOut.reason): "holder_set_aside",
    # a post whose holder's row --skip-invalid set aside, is neither counted nor vacant
    left_out: tuple[str, ...] = ()
    left_out_reason: str | None = None

    def status_text(self, lang: str = "vi") -> str:
        """The status as a person reads it, with why when the target is not applicable for
        a reason beyond an empty population ("Không áp dụng (không có dữ liệu)"), or how
        many members its population left out and why: the one wording of the command
        line's table and of the reports.

        >>> from cadre_core.targets import Rule
        >>> r = TargetResult("t", Text("a", "a"), "", "unit", 0, 0, 0, 0, Rule.all(),
        ...                  "not_applicable", True, dt.date(2030, 1, 1), False, (),
        ...                  reason="no_data")
        >>> r.status_text("vi"), r.status_text("en")
        ('Không áp dụng (không có dữ liệu)', 'Not applicable (no data)')

        Members left out of a population that is not empty are said too:

        >>> r = TargetResult("t", Text("a", "a"), "", "positions", 3, 3, 3, 0, Rule.all(),
        ...                  "met", True, dt.date(2030, 1, 1), False, (),
        ...                  left_out=("P1",), left_out_reason="holder_set_aside")
        >>> r.status_text("en")
        "Met (1 left out: the holder's assignment row had errors and was set aside by --skip-invalid)"
        """
        words = label(self.status, lang)
        if self.reason:
            return f"{words} ({label(self.reason, lang)})"
        if self.left_out and self.left_out_reason:
            said = label("left_out_count", lang).format(n=len(self.left_out))
            return f"{words} ({said}: {label(self.left_out_reason, lang)})"
        return words

    @property
    def ratio(self) -> Fraction | None:
        """satisfied / population, exact (None when the population is empty)."""
        return Fraction(self.satisfied, self.population) if self.population else None

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object for this result."""
        return (
            {
                "id": self.id,
                "title": self.title.vi,
                "title_en": self.title.en,
                "source": self.source,
                "unit": self.unit,
                "population": self.population,
                "satisfied": self.satisfied,
                "required": self.required,
                "shortfall": self.shortfall,
                "rule": {"op": self.rule.op, "value": self.rule.text()},
                "status": self.status,
                "attainable": self.attainable,
                "deadline": self.deadline.isoformat(),
                "overdue": self.overdue,
                "failing": list(self.failing),
                "plugin": self.plugin,
            }
            | ({"reason": self.reason} if self.reason else {})
            | self._left_out_json()
        )

    def _left_out_json(self) -> dict[str, Any]:
        if not self.left_out:
            return {}
        return {"left_out": list(self.left_out), "left_out_reason": self.left_out_reason}


@attrs.frozen
class CommuneResult:
    """All results of one commune.

    >>> ev = cadre_core.evaluate(
    ...     cadre_core.sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> c = ev.commune("Xã Mường Than")
    >>> [t.id for t in c.targets], c.unrated
    (['tpl.5a', 'tpl.7b', 'tpl.youth'], ('MT034',))
    """

    commune: str
    targets: tuple[TargetResult, ...]
    unrated: tuple[str, ...]
    findings: tuple[Finding, ...] = ()
    #: the commune's socio-economic indicators and surveys (``periods``, ``satisfaction``:
    #: the items of the evaluation JSON's ``indicators`` for this commune)
    indicators: Mapping[str, tuple[Mapping[str, Any], ...]] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    def target(self, target_id: str) -> TargetResult:
        """The result of one target by id."""
        for t in self.targets:
            if t.id == target_id:
                return t
        raise KeyError(target_id)

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object for this commune."""
        return {
            "commune": self.commune,
            "targets": [t.to_json() for t in self.targets],
            "unrated": list(self.unrated),
            "findings": [f.to_json() for f in self.findings],
        }


#: The members of the evaluation document that hold no float (written by orjson): the
#: communes' results and the indicators (exact numbers are text there).
_FAST = ("communes", "indicators")


@attrs.frozen
class Evaluation:
    """Every target of the selected plugins, per commune, as of one day.

    >>> ev = cadre_core.evaluate(
    ...     cadre_core.sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> ev.as_of, [p.name for p in ev.plugins], [c.commune for c in ev.communes]
    (datetime.date(2026, 12, 31), ['cadre', 'province_template'], ['Xã Mường Than'])
    >>> ev.to_frame()["status"].value_counts()[["met", "not_met"]].tolist()
    [1, 2]
    """

    as_of: dt.date
    communes: tuple[CommuneResult, ...]
    plugins: tuple[PluginInfo, ...]
    params: Params = attrs.field(eq=False)
    targets: tuple[Target, ...] = attrs.field(eq=False, default=())
    features: Features | None = attrs.field(eq=False, default=None, repr=False)
    bodies: Mapping[str, str] = attrs.field(eq=False, factory=dict)
    skipped: tuple[Problem, ...] = attrs.field(eq=False, default=())
    sources: tuple[str, ...] = attrs.field(eq=False, default=())
    #: the input files that each hold one person's record (:attr:`Roster.records`)
    records: tuple[str, ...] = attrs.field(eq=False, default=())
    not_read: tuple[Problem, ...] = attrs.field(eq=False, default=())
    #: what the reader noted while reading (:attr:`Roster.warnings`)
    warnings: tuple[Problem, ...] = attrs.field(eq=False, default=())
    #: plugins left out under ``keep_going`` (none otherwise), each with its error
    failed_plugins: tuple[PluginError, ...] = attrs.field(eq=False, default=())
    #: how the roster was read and the report made (``cadre evaluate`` records its
    #: options here so that ``cadre verify`` can reproduce them); empty for the API
    options: Mapping[str, Any] = attrs.field(eq=False, factory=dict)

    def commune(self, name: str) -> CommuneResult:
        """The results of one commune by name."""
        for c in self.communes:
            if c.commune == name:
                return c
        raise KeyError(name)

    def to_frame(self) -> pd.DataFrame:
        """A tidy frame: one row per (commune, target), with the columns of each target's
        JSON object: ``reason`` (why not applicable beyond an empty population, else
        None), ``left_out`` (the members the population left out, a list, often empty) and
        ``left_out_reason`` (why, else None) after ``failing``."""
        rows = []
        for c in self.communes:
            for t in c.targets:
                rows.append(
                    {
                        "commune": c.commune,
                        "id": t.id,
                        "title": t.title.vi,
                        "unit": t.unit,
                        "population": t.population,
                        "satisfied": t.satisfied,
                        "required": t.required,
                        "shortfall": t.shortfall,
                        "op": t.rule.op,
                        "threshold": t.rule.value,
                        "status": t.status,
                        "attainable": t.attainable,
                        "deadline": pd.Timestamp(t.deadline),
                        "overdue": t.overdue,
                        "failing": list(t.failing),
                        "reason": t.reason,
                        "left_out": list(t.left_out),
                        "left_out_reason": t.left_out_reason,
                    }
                )
        frame = pd.DataFrame(rows)
        if not len(frame):
            return frame
        for col in ("population", "satisfied", "required", "shortfall"):
            frame[col] = frame[col].astype("int64")
        frame["status"] = frame["status"].astype(pd.CategoricalDtype(list(STATUSES)))
        return frame

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """The contract's JSON document as Python objects; each problem's ``message`` in
        ``lang``."""
        return {
            "schema_version": SCHEMA_VERSION,
            "as_of": self.as_of.isoformat(),
            "plugins": [{"name": p.name, "version": p.version} for p in self.plugins],
            "communes": [c.to_json() for c in self.communes],
            "parameters": self.params.to_json(),
            "skipped": [p.to_dict(lang) for p in self.skipped],
            "not_read": [p.to_dict(lang) for p in self.not_read],
            "warnings": [p.to_dict(lang) for p in self.warnings],
            "failed_plugins": [e.to_dict() for e in self.failed_plugins],
            "indicators": {
                key: [item for c in self.communes for item in c.indicators.get(key, ())]
                for key in ("periods", "satisfaction")
            },
            "audit": self.audit(),
        }

    def audit(self) -> dict[str, Any]:
        """What is needed to reproduce this evaluation: versions, inputs and parameters.

        The generation time is left out of the JSON on purpose: the same input must give
        byte-identical output (cli-contract.md); reports add it.
        """
        from cadre_core.vocab._version import __version__

        out = {
            "tool": f"cadre-core {__version__}",
            "plugins": {p.name: p.version for p in self.plugins},
            "inputs": list(self.sources),
            "as_of": self.as_of.isoformat(),
        }
        if self.options:
            out["options"] = dict(self.options)
        return out

    def to_json(self, *, indent: int | None = 2, lang: str = "vi") -> str:
        """The contract's JSON text; the same input gives byte-identical output."""
        with paused_gc():
            return _json.dumps(self.to_dict(lang), indent=indent, fast=_FAST, end="\n")

    def to_json_bytes(self, *, indent: int | None = 2, lang: str = "vi") -> bytes:
        """:meth:`to_json` encoded as UTF-8, built without an intermediate ``str`` (what
        ``cadre evaluate`` writes: about 100 MB for the whole country).

        >>> ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31")
        >>> ev.to_json_bytes() == ev.to_json().encode("utf-8")
        True
        """
        return b"".join(self.to_json_parts(indent=indent, lang=lang))

    def to_json_parts(
        self, *, indent: int | None = 2, lang: str = "vi", end: str = "\n"
    ) -> list[bytes | memoryview]:
        """:meth:`to_json_bytes` as the parts it is joined from, to be written one after
        the other (``cadre evaluate -o``: the national document is never copied whole);
        ``end`` follows the document (a line break; nothing inside another document).

        >>> ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31")
        >>> b"".join(ev.to_json_parts()) == ev.to_json_bytes()
        True
        """
        with paused_gc():
            return _json.dumps_parts(self.to_dict(lang), indent=indent, fast=_FAST, end=end)


__all__ = ["STATUSES", "CommuneResult", "Evaluation", "TargetResult"]
