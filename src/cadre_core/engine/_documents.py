"""The JSON documents the command line and the HTTP service both answer, built in one
place: an evaluation of one day or of several (:func:`evaluations_json`, schemas
``evaluation`` and ``evaluations``), a roster's problems (:func:`validation_document`,
schema ``validation``) and the plugins' listing (:func:`listing`, schema ``plugins``);
and the layout a roster is read with (:func:`layout_in_force`)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from cadre_core.engine._json import dumps
from cadre_core.engine._results import Evaluation
from cadre_core.engine._schema import SCHEMA_VERSION


def layout_in_force(file: str | None, plugins: Sequence[str] = (), keep_going: bool = False) -> Any:
    """The layout in force: the installed (or named) ``plugins``' layouts combined, then
    the layout file's (``--layout``); a bad layout or a clash raises
    :class:`~cadre_core.roster.LayoutError` or :class:`~cadre_core.plugins.PluginError`.
    ``keep_going`` leaves out a failing plugin (the evaluation names it).

    >>> layout_in_force(None, ["province_template"]).name  # the template's own list layout
    'Danh sách chuẩn Tỉnh Mẫu'
    """
    from cadre_core.plugins._host import PluginHost, make_plugin_manager
    from cadre_core.roster._layout import merge_layouts, read_layout

    own = read_layout(file) if file else None
    host = PluginHost(make_plugin_manager(only=plugins or None, keep_going=keep_going))
    return merge_layouts(host.without_failing(host.layouts, keep_going=keep_going), own)


def validation_document(
    problems: Sequence[Any],
    inputs: Sequence[str],
    *,
    valid: bool,
    tables: Mapping[str, Mapping[str, int]] | None = None,
    lang: str = "vi",
) -> dict[str, Any]:
    """The document of ``cadre validate --format json`` and of the service's refusals
    (schema ``validation``): whether the roster is ``valid``, its ``inputs``, each table's
    accounting (``tables``: rows read, kept, skipped, cells set aside) and every problem,
    its ``message`` in ``lang``.

    >>> doc = validation_document([], ["danh_sach.xlsx"], valid=True)
    >>> doc["valid"], doc["inputs"], doc["problems"]
    (True, ['danh_sach.xlsx'], [])
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "valid": valid,
        "inputs": list(inputs),
        "tables": dict(tables or {}),
        "problems": [p.to_dict(lang) for p in problems],
    }


def evaluations_json(evs: Sequence[Evaluation], lang: str = "vi") -> bytes:
    """The JSON of ``cadre evaluate``: one day's evaluation document as it is (the
    contract), or for several days one document with every day (schema
    ``evaluations``); the problems' ``message`` in ``lang``. It is
    :func:`evaluations_json_parts` joined.

    >>> import cadre_core
    >>> ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31")
    >>> evaluations_json([ev]) == ev.to_json_bytes()
    True
    """
    if len(evs) == 1:
        return bytes(evs[0].to_json_bytes(lang=lang))
    return b"".join(evaluations_json_parts(evs, lang))


#: How much deeper a day's document sits in the document of several days (inside the
#: ``evaluations`` list): two levels of two spaces.
_DAY_INDENT = b"\n    "


def evaluations_json_parts(
    evs: Sequence[Evaluation], lang: str = "vi"
) -> Iterator[bytes | memoryview]:
    """:func:`evaluations_json` as parts to be written one after the other, made one day
    at a time: a trend of 60 days never holds more than one day's document (a national
    day is about 120 MB). Each day is its own document (:meth:`Evaluation.to_json_parts`)
    indented two levels deeper; the joined parts are the standard library's
    ``json.dumps(doc, ensure_ascii=False, indent=2)`` of the whole document (JSON text
    holds no raw line break but those of its layout).

    >>> import cadre_core, json
    >>> evs = [cadre_core.evaluate(cadre_core.sample_roster(), d)
    ...        for d in ("2026-06-30", "2026-12-31")]
    >>> doc = json.loads(b"".join(evaluations_json_parts(evs)))
    >>> doc["days"], [e["as_of"] for e in doc["evaluations"]]
    (['2026-06-30', '2026-12-31'], ['2026-06-30', '2026-12-31'])
    """
    if len(evs) == 1:
        yield from evs[0].to_json_parts(lang=lang)
        return
    before, after = days_document_ends([ev.as_of for ev in evs])
    yield before
    for i, ev in enumerate(evs):
        yield from day_json_parts(ev, lang, first=i == 0)
    yield after


def days_document_ends(days: Sequence[dt.date]) -> tuple[bytes, bytes]:
    """What comes before the first day and after the last in the JSON document of several
    ``days`` (:func:`evaluations_json_parts`): the document is ``before``, then
    :func:`day_json_parts` of each day in turn, then ``after``.

    >>> import datetime as dt
    >>> before, after = days_document_ends([dt.date(2026, 6, 30), dt.date(2026, 12, 31)])
    >>> before.decode().splitlines()[-2:], after.decode().splitlines()
    (['  "evaluations": [', '    '], ['', '  ]', '}'])
    """
    marker = json.dumps(f"cadre-json-{uuid.uuid4().hex}")
    doc = {
        "schema_version": SCHEMA_VERSION,
        "days": [day.isoformat() for day in days],
        "evaluations": [json.loads(marker)],
    }
    before, after = dumps(doc).split(marker, 1)
    return before.encode("utf-8"), (after + "\n").encode("utf-8")


def day_json_parts(ev: Evaluation, lang: str, *, first: bool) -> Iterator[bytes]:
    """One day's document in the JSON document of several days
    (:func:`days_document_ends`): :meth:`Evaluation.to_json_parts` indented two levels
    deeper, after a comma unless it is the ``first`` day."""
    if not first:
        yield b"," + _DAY_INDENT
    for part in ev.to_json_parts(lang=lang, end=""):
        yield bytes(part).replace(b"\n", _DAY_INDENT)


def _registries(host: Any) -> tuple[list[Any], list[Any], Any]:
    """Targets, declared parameters and parameters in force, leaving out (and recording
    in ``host.failures``) every plugin that fails while giving them."""

    def registries() -> tuple[list[Any], list[Any], Any]:
        targets = host.targets()
        return targets, host.parameter_definitions(), host.params(targets)

    return host.without_failing(registries)  # type: ignore[no-any-return]


def _target(plugin: str, t: Any) -> dict[str, Any]:
    return {
        "id": t.id,
        "title": t.title.vi,
        "title_en": t.title.en,
        "source": t.source,
        "unit": t.unit,
        "population": t.population_text.vi,
        "population_en": t.population_text.en,
        "requirement": t.requirement.vi,
        "requirement_en": t.requirement.en,
        "rule": {"op": t.rule.op, "value": t.rule.text()},
        "threshold_parameter": t.threshold_key if t.rule.op in (">=", ">") else None,
        "deadline": t.deadline.isoformat(),
        "deadline_parameter": t.deadline_key,
        "bloc": t.bloc,
        "replaces": t.replaces,
        "plugin": plugin,
    }


def listing(host: Any) -> dict[str, Any]:
    """What ``cadre plugins --format json`` prints (and ``GET /v1/plugins`` answers): every plugin (loaded or failed) with
    its version, whether it is an example, its prefixes, hooks, targets (ids, and in
    ``target_definitions`` everything the targets reference shows) and parameters (keys,
    and in ``parameter_definitions`` default, kind, description and source)."""
    from cadre_core.targets._params import jsonable

    targets, declared, params = _registries(host)
    owner = {p.key: plugin for plugin, p in declared}
    for plugin, t in targets:
        for key in (t.threshold_key, t.deadline_key):
            owner.setdefault(key, plugin)
    data: list[dict[str, Any]] = []
    for info in host.plugins():
        about = host.about(info.name)
        keys = sorted(k for k in params.definitions if owner.get(k) == info.name)
        data.append(
            {
                "name": info.name,
                "version": info.version,
                "status": "loaded",
                "error": None,
                "example": about.example,
                "province": about.province or None,
                "description": about.description or None,
                "prefixes": list(about.prefixes),
                "hooks": list(info.hooks),
                "targets": [t.id for p, t in targets if p == info.name],
                "parameters": [x.key for p, x in declared if p == info.name],
                "target_definitions": [_target(p, t) for p, t in targets if p == info.name],
                "parameter_definitions": [
                    {
                        "key": k,
                        "default": jsonable(params.definitions[k].default),
                        "kind": params.definitions[k].kind,
                        "description": params.definitions[k].description,
                        "source": params.definitions[k].source,
                        "replaces": params.definitions[k].replaces,
                    }
                    for k in keys
                ],
            }
        )
    for error in host.failures:
        data.append(
            {
                "name": error.plugin,
                "version": getattr(host.pm, "_cadre_versions", {}).get(error.plugin),
                "status": "failed",
                "error": str(error),
                "example": None,
                "province": None,
                "description": None,
                "prefixes": [],
                "hooks": [],
                "targets": [],
                "parameters": [],
                "target_definitions": [],
                "parameter_definitions": [],
            }
        )
    return {"schema_version": SCHEMA_VERSION, "plugins": data}


__all__ = ["evaluations_json", "evaluations_json_parts", "layout_in_force", "listing"]
