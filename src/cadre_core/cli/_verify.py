"""``cadre verify``: re-run the evaluation a report was made from and compare."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from cadre_core.cli._common import (
    EXIT_NOT_MET,
    InputError,
    _as_of,
    _layout,
    _list_date,
    _read,
    _stdout,
    current_lang,
    lang_option,
    layout_option,
    list_day,
    os_reason,
    params_option,
    print_line,
    say,
)
from cadre_core.cli._help import HelpCommand
from cadre_core.vocab._labels import label


def _day_documents(report: str) -> list[dict[str, Any]]:
    """The evaluation documents of ``report``, one per day: those of a JSON document of
    several days (``cadre evaluate --as-of D1 --as-of D2 --format json``), else the one
    the report embeds. A file that is not a report is an :class:`InputError`."""
    from cadre_core.reports._audit import ReportError, check_shape, extract
    from cadre_core.roster._guards import MAX_XML_BYTES

    path = Path(report)
    name = path.name
    try:
        if path.suffix.lower() == ".json" and 0 < path.stat().st_size <= MAX_XML_BYTES:
            import json

            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError, RecursionError):
                doc = None  # not a document of several days: extract() says what it is
            if (
                isinstance(doc, dict)
                and isinstance(doc.get("evaluations"), list)
                and doc["evaluations"]
            ):
                for day in doc["evaluations"]:
                    check_shape(day, name)
                return [dict(day) for day in doc["evaluations"]]
        return [extract(report)]
    except ReportError as exc:
        raise InputError(exc.message(current_lang())) from None
    except OSError:
        try:
            return [extract(report)]
        except ReportError as exc:
            raise InputError(exc.message(current_lang())) from None


def _given(options: dict[str, Any], name: str, key: str, value: Any, shown: str) -> None:
    """Check an option given on the command line against the report's record."""
    if value is not None and value != options[key]:
        raise InputError(
            say(
                "verify_option",
                name=name,
                shown=shown,
                recorded=repr(options[key]),
                value=repr(value),
            )
        )


def _file(name: str, what: str, recorded: str | None, given: str | None) -> str | None:
    """The layout or parameter file to use: the one given, which must be the report's."""
    from cadre_core.reports._audit import file_sha256

    if given is None:
        if recorded is not None and what == "--layout":
            raise InputError(say("verify_layout_needed", name=name, recorded=recorded))
        return None
    try:
        digest = file_sha256(given)
    except OSError as exc:
        raise InputError(say("cannot_read", path=given, reason=os_reason(exc))) from None
    if recorded != digest:
        made = "verify_file_without" if recorded is None else "verify_file_other"
        raise InputError(say(made, given=given, what=what, recorded=recorded))
    return given


@click.command("verify", cls=HelpCommand, help="cli_help_verify")
@click.argument("report", type=click.Path())
@click.argument("roster", nargs=-1, required=True, type=click.Path())
@click.option(
    "--legacy-text",
    type=click.Choice(["error", "convert"]),
    help="cli_help_verify_legacy_text",
)
@click.option("--skip-invalid", is_flag=True, default=None, help="cli_help_verify_checked")
@click.option("--strict-columns", is_flag=True, default=None, help="cli_help_verify_checked")
@click.option("--list-date", "list_date", metavar="YYYY-MM-DD", help="cli_help_verify_checked")
@layout_option
@params_option
@click.option(
    "--pseudonym-key",
    type=click.Path(),
    help="cli_help_verify_pseudonym_key",
)
@lang_option
def verify_command(
    report: str,
    roster: tuple[str, ...],
    legacy_text: str | None,
    skip_invalid: bool | None,
    strict_columns: bool | None,
    list_date: str | None,
    layout: str | None,
    params: str | None,
    pseudonym_key: str | None,
    lang: str,
) -> None:
    """``cadre verify`` (its help: the label ``cli_help_verify``)."""
    from cadre_core.cli._evaluate import _evaluate_days, one_commune
    from cadre_core.cli._privacy import key_or_exit
    from cadre_core.reports import plugin_sections
    from cadre_core.reports._audit import reading_options
    from cadre_core.reports._audit import verify as check
    from cadre_core.reports._visible import visible_differences

    name = Path(report).name
    day_docs = _day_documents(report)
    doc = day_docs[-1]  # the last day records the options, every day among them
    options = reading_options(doc)
    _given(options, name, "legacy_text", legacy_text, "--legacy-text")
    _given(options, name, "skip_invalid", skip_invalid, "--skip-invalid")
    _given(options, name, "strict_columns", strict_columns, "--strict-columns")
    _given(options, name, "list_date", _list_date(list_date), "--list-date")
    layout = _file(name, "--layout", options["layout_sha256"], layout)
    params = _file(name, "--params", options["params_sha256"], params)
    plugins = tuple(options["plugins"])
    if "options" not in (doc.get("audit") or {}):  # made by an older version
        plugins = tuple(p["name"] for p in doc.get("plugins", []) if p["name"] != "cadre")
    days = sorted({_as_of(d) for d in options["days"]} | {_as_of(d["as_of"]) for d in day_docs})
    r = _read(
        list(roster),
        options["legacy_text"],
        options["skip_invalid"],
        list_day(options["list_date"], days),  # a list naming no day: as `evaluate` took it
        layout=_layout(layout, plugins, options["keep_going"]),
        strict_columns=options["strict_columns"],
    )
    by = options["by"] or ("commune" if len(doc["communes"]) > 1 else None)
    overrides = None
    if params is None:  # the parameter values the report lists (not the plugins' own)
        overrides = {
            k: v["value"]
            for k, v in doc.get("parameters", {}).items()
            if not str(v.get("from", "")).startswith("plugin ")
        }
    evs = _evaluate_days(
        r, days, plugins, params, by, keep_going=options["keep_going"], overrides=overrides
    )
    evs = one_commune(evs, options["commune"])
    if options["pseudonymized"]:
        from cadre_core.engine._privacy import pseudonymize

        key = key_or_exit(True, pseudonym_key)
        assert key is not None  # asked for: a key or exit 2
        evs = [pseudonymize(e, key) for e in evs]
    evs, beside = _files_beside(doc, evs)
    differences: list[str] = []
    notes: list[str] = []
    for day_doc in day_docs:  # each day's document against that day's evaluation
        upto = [e for e in evs if e.as_of.isoformat() <= day_doc["as_of"]] or evs
        outcome = check(day_doc, r, upto, lang)
        prefix = f"{day_doc['as_of']}: " if len(day_docs) > 1 else ""
        differences += [f"{prefix}{d}" for d in outcome.differences]
        notes += [n for n in outcome.notes if n not in notes]
    if Path(report).suffix.lower() != ".json":
        import attrs

        inputs = tuple((doc.get("audit") or {}).get("inputs") or ())
        shown = [attrs.evolve(e, sources=inputs, options=dict(options)) for e in evs]
        sections = plugin_sections(shown)
        differences += visible_differences(
            report, shown, lang=options["lang"], sections=sections, said_in=lang
        )
    console = _stdout()
    for note in (*notes, *beside):
        print_line(console, f"! {note}")
    shown_roster = ", ".join(roster)
    day = ", ".join(f"{_as_of(d['as_of']):%d/%m/%Y}" for d in day_docs)
    if not differences:
        text = label("cli_verify_matches", lang).format(report=report, roster=shown_roster, day=day)
        print_line(console, f"✓ {text}")
        return
    text = label("cli_verify_differs", lang).format(report=report, roster=shown_roster)
    print_line(console, f"✗ {text}")
    for d in differences:
        print_line(console, f"  - {d}")
    sys.exit(EXIT_NOT_MET)


def _files_beside(doc: dict[str, Any], evs: list[Any]) -> tuple[list[Any], list[str]]:
    """The evaluations with the report's own list of files beside the tables (files that
    are no table, listed as not read): a notes file added or a README removed since the
    report was made changes no result, so it is a note, never a difference."""
    import attrs

    from cadre_core.roster._problems import Problem

    def beside(p: Any) -> bool:
        return p.scope == "sheet" and p.table is None

    listed = [Problem.from_dict(p) for p in doc.get("not_read", [])]
    reported = [p for p in listed if beside(p)]
    notes: list[str] = []
    out = []
    for e in evs:
        now = [p for p in e.not_read if beside(p)]
        added = sorted({p.file for p in now} - {p.file for p in reported})
        gone = sorted({p.file for p in reported} - {p.file for p in now})
        for f in added:
            notes.append(say("verify_beside_added", file=f))
        for f in gone:
            notes.append(say("verify_beside_gone", file=f))
        kept = tuple(p for p in e.not_read if not beside(p)) + tuple(reported)
        out.append(attrs.evolve(e, not_read=kept))
    return out, sorted(set(notes))
