"""The work of each endpoint, done off the event loop (in :class:`Workers`' threads):
read the roster, evaluate, plan, write a report. Each function takes the request's
parsed options and returns the bytes of the answer, the same bytes the command line
writes for the same options (:func:`cadre_core.engine._documents.evaluations_json`,
:meth:`cadre_core.planner.Plan.to_json`)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import datetime as dt
import hashlib
import io
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from cadre_core.serve._errors import ServiceError

T = TypeVar("T")

MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
"""The media type of each report format (docx: the forms, the evaluation's report and the
plan)."""


@attrs.frozen(slots=True)
class Request:
    """A request's options, parsed and checked (the query and the roster's source)."""

    days: tuple[dt.date, ...]
    plugins: tuple[str, ...]
    params: Mapping[str, Any] | None
    params_text: str | None
    lang: str
    pseudonymize: bool
    skip_invalid: bool
    by: str | None = None
    horizon: int | None = None
    budget: int | None = None
    upload: tuple[bytes, str | None] | None = None
    tables: Any = None
    body: bytes = b""


@attrs.frozen(slots=True)
class Answer:
    """What an endpoint answers: the bytes and the audit headers (:func:`audit_headers`)."""

    body: bytes
    headers: Mapping[str, str]


def audit_headers(sources: Sequence[str], days: Sequence[dt.date]) -> dict[str, str]:
    """The audit of an answer as headers, for every document (a plan's and a validation's
    JSON carry no audit block): the tool and its version, each input's ``NAME:SHA256``,
    the days; an evaluation's JSON carries the same in its ``audit`` block.

    >>> audit_headers(["xa.xlsx:ab12"], [dt.date(2026, 12, 31)])["X-Cadre-As-Of"]
    '2026-12-31'
    """
    from urllib.parse import quote

    from cadre_core.vocab._version import __version__

    return {
        "X-Cadre-Tool": f"cadre-core {__version__}",
        "X-Cadre-Inputs": ", ".join(quote(s, safe=":") for s in sources),
        "X-Cadre-As-Of": ", ".join(d.isoformat() for d in days),
    }


# ----------------------------------------------------------------- plugin output kept off logs
_local = threading.local()


class _ThreadStdout(io.TextIOBase):
    """Standard output that drops what a worker thread prints (a plugin's ``print``
    may hold names: it must reach neither the answer nor the logs) and passes the rest."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def write(self, text: str) -> int:
        if getattr(_local, "quiet", False):
            return len(text)
        return int(self.real.write(text))

    def flush(self) -> None:
        if not getattr(_local, "quiet", False):
            self.real.flush()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    _local.quiet = True
    try:
        yield
    finally:
        _local.quiet = False


class Workers:
    """Threads for the heavy work, so that the event loop (and ``/healthz``) answers
    while an evaluation or a plan runs; :meth:`run` waits at most ``time_limit``
    seconds (then 504: the thread finishes its work and its answer is dropped)."""

    def __init__(self, threads: int, time_limit: float) -> None:
        self.pool = concurrent.futures.ThreadPoolExecutor(threads, "cadre-work")
        self.time_limit = time_limit
        if not isinstance(sys.stdout, _ThreadStdout):
            sys.stdout = _ThreadStdout(sys.stdout)

    async def run(self, fn: Callable[[], T]) -> T:
        """The result of ``fn()`` run in a worker thread, or a 504 after the time limit."""

        def quietly() -> T:
            with _quiet():
                return fn()

        future = self.pool.submit(quietly)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.time_limit)
        except TimeoutError:
            future.cancel()
            raise ServiceError(504, "serve_timeout", seconds=f"{self.time_limit:g}") from None

    def close(self) -> None:
        """Stop taking work; running work is not waited for."""
        self.pool.shutdown(wait=False, cancel_futures=True)


# ----------------------------------------------------------------------------- the work
def _host(plugins: Sequence[str]) -> Any:
    from cadre_core.plugins._host import PluginHost, make_plugin_manager

    return PluginHost(make_plugin_manager(only=plugins or None))


def _failing(exc: BaseException) -> ServiceError:
    """A plugin's or a parameter's error as the service answers it: a failing plugin is
    a 500 naming it; bad parameter overrides are the request's fault (400)."""
    from cadre_core.plugins._errors import PluginError

    if isinstance(exc, PluginError):
        return ServiceError(500, "serve_plugin_failed", plugin=exc.plugin, error=str(exc))
    return ServiceError(400, "serve_bad_params", error=str(exc))


def _roster(req: Request) -> Any:
    from cadre_core.engine._documents import layout_in_force
    from cadre_core.plugins._errors import PluginError
    from cadre_core.roster._layout import LayoutError
    from cadre_core.roster._list_title import Undated
    from cadre_core.serve._inputs import read_request_roster

    try:
        layout = layout_in_force(None, req.plugins)
    except (PluginError, LayoutError) as exc:
        raise _failing(exc) from None
    return read_request_roster(
        req.upload,
        req.tables,
        req.body,
        layout=layout,
        skip_invalid=req.skip_invalid,
        withhold=req.pseudonymize,
        list_date=Undated(min(req.days)) if req.days else None,
    )


def _hider(req: Request, roster: Any) -> Any:
    """The pseudonymizer of ``roster`` when asked for (the key is the server's)."""
    if not req.pseudonymize:
        return None
    from cadre_core.engine._privacy import Pseudonymizer, PseudonymKeyError, load_key

    try:
        key = load_key(None)
    except PseudonymKeyError:
        raise ServiceError(400, "serve_no_pseudonym_key") from None
    return Pseudonymizer.of(roster.cadres, key, roster.records)


def validate(req: Request) -> Answer:
    """The validation document of the request's roster (valid: its tables' accounting)."""
    from cadre_core.engine._documents import validation_document
    from cadre_core.engine._json import dumps_bytes

    r = _roster(req)
    problems = [*r.skipped, *r.problems]
    if req.pseudonymize:
        from cadre_core.engine._privacy import withheld

        problems = [withheld(p, r.records) for p in problems]
    doc = validation_document(problems, [r.name], valid=True, tables=r.accounting(), lang=req.lang)
    headers = audit_headers(r.sources, [])
    return Answer(dumps_bytes(doc, fast="problems", end="\n"), headers)


def evaluations(req: Request) -> tuple[Any, list[Any]]:
    """The roster and its evaluation on each day, with the audit block's options (how the
    roster was read, as ``cadre evaluate`` records them) and pseudonyms when asked for.
    The days are evaluated in one pass (:func:`~cadre_core.engine.evaluate_days`: what
    does not depend on the day is made once), as ``cadre evaluate`` does."""
    from cadre_core.engine._pipeline import evaluate_days
    from cadre_core.engine._privacy import as_shown
    from cadre_core.plugins._errors import PluginError
    from cadre_core.reports._audit import audit_options
    from cadre_core.targets._params import ParameterError

    r = _roster(req)
    hider = _hider(req, r)
    days = list(req.days) or [r.list_date or dt.date.today()]
    try:
        host = _host(req.plugins)
        evs = evaluate_days(
            r,
            days,
            host=host,
            params=req.params,
            by_commune=req.by == "commune",
            features_of="last",
        )
    except (PluginError, ParameterError) as exc:
        error = _failing(exc)
        if hider is not None:
            error.fields["error"] = hider.scrub(error.fields.get("error", ""))
        raise error from None
    params_sha = hashlib.sha256(req.params_text.encode()).hexdigest() if req.params_text else None
    options = audit_options(
        r,
        days,
        skip_invalid=req.skip_invalid,
        params_sha256=params_sha,
        plugins=list(req.plugins),
        by=req.by,
        lang=req.lang,
        pseudonymized=hider is not None,
    )
    return r, [as_shown(e, options, hider) for e in evs]


def evaluation_json(req: Request) -> Answer:
    """What ``cadre evaluate --format json`` writes for the same options."""
    from cadre_core.engine._documents import evaluations_json

    r, evs = evaluations(req)
    return Answer(evaluations_json(evs, req.lang), audit_headers(r.sources, [e.as_of for e in evs]))


def make_plan(req: Request, time_limit: float) -> tuple[Any, Any]:
    """The training plan of the request's roster, as ``cadre plan`` makes it (the solver
    stops at ``time_limit`` seconds), and the roster."""
    from cadre_core.planner import plan
    from cadre_core.plugins._errors import PluginError
    from cadre_core.targets._params import ParameterError

    r = _roster(req)
    hider = _hider(req, r)
    day = req.days[0] if req.days else dt.date.today()
    if req.horizon is not None and not day.year <= req.horizon <= day.year + 100:
        raise ServiceError(400, "serve_bad_horizon", horizon=req.horizon)
    try:
        result = plan(
            r,
            as_of=day,
            horizon=req.horizon,
            budget=req.budget,
            plugins=req.plugins or None,
            params=req.params,
            time_limit=time_limit,
        )
    except (PluginError, ParameterError) as exc:
        raise _failing(exc) from None
    if hider is not None:
        from cadre_core.planner._privacy import pseudonymize_plan

        result = pseudonymize_plan(result, hider)
    return r, result


def plan_json(req: Request, time_limit: float) -> Answer:
    """What ``cadre plan --format json`` writes for the same options."""
    r, result = make_plan(req, time_limit)
    return Answer(result.to_json().encode("utf-8"), audit_headers(r.sources, [result.as_of]))


def filled_forms(req: Request, code: str) -> tuple[Any, list[Any]]:
    """The roster and the form ``code`` (any case) filled from it, as ``cadre forms
    --form CODE --by BY`` fills it (:func:`cadre_core.forms.fill_forms`; ``by``: each
    commune's block then the province's total, or the total alone): an unknown form is a
    404 naming the known ones, under pseudonyms when asked for."""
    from cadre_core.forms import UnknownFormError, choose_forms, fill_forms, pseudonymize_forms
    from cadre_core.plugins._errors import PluginError
    from cadre_core.targets._params import ParameterError

    try:
        host = _host(req.plugins)
        chosen = choose_forms(host.forms(), [code])
    except UnknownFormError as exc:
        known = ", ".join(exc.known)
        raise ServiceError(404, "serve_unknown_form", form=exc.code, known=known) from None
    except PluginError as exc:
        raise _failing(exc) from None
    r = _roster(req)
    if req.upload is not None:  # the forms name the roster as the reader names a file: its stem
        r = attrs.evolve(r, name=Path(r.name).stem or r.name)
    hider = _hider(req, r)
    day = req.days[0] if req.days else (r.list_date or dt.date.today())
    try:
        filled = fill_forms(host, r, day, chosen, params=req.params, by=req.by or "commune")
    except (PluginError, ParameterError) as exc:
        error = _failing(exc)
        if hider is not None:
            error.fields["error"] = hider.scrub(error.fields.get("error", ""))
        raise error from None
    if hider is not None:
        filled = pseudonymize_forms(filled, hider)
    return r, filled


def forms_answer(req: Request, code: str, fmt: str) -> Answer:
    """What ``cadre forms --form CODE --format json`` writes for the same options, byte
    for byte; or its workbook, page, PDF or Word document (``fmt`` ``xlsx``, ``html``,
    ``pdf``, ``docx``) as a download, with what the reader set aside and did not read, as ``cadre forms -o FILE``
    writes it (:func:`cadre_core.forms.render_forms`; a PDF laid out by one process: the
    service's threads serve requests side by side). Without Pango a PDF is a 503 saying
    what to install."""
    from cadre_core.forms import render_forms
    from cadre_core.vocab._pdf import PdfUnavailable

    r, filled = filled_forms(req, code)
    days = [filled[0].as_of]
    headers = audit_headers(r.sources, days)
    sections: list[Any] = []
    if fmt != "json":  # what the reader set aside and did not read, in the notes
        from cadre_core.reports import not_read_section, skipped_section

        notes = filled[0]
        sections = [*skipped_section(notes, req.lang), *not_read_section(notes, req.lang)]
    try:
        body = render_forms(filled, fmt, lang=req.lang, sections=sections, workers=1)
    except PdfUnavailable as exc:
        raise ServiceError(503, "serve_unavailable", error=str(exc)) from None
    if fmt != "json":
        name = f"cadre-forms-{filled[0].form.code}-{days[0]:%Y-%m-%d}.{fmt}"
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return Answer(body, headers)


def plugins_json(allowed: Sequence[str] | None) -> bytes:
    """What ``cadre plugins --format json`` prints, kept to the ``allowed`` plugins (and
    the built-in one) when the service names them."""
    from cadre_core.engine._documents import listing
    from cadre_core.engine._json import dumps_bytes
    from cadre_core.plugins._host import PluginHost
    from cadre_core.plugins._loading import BUILTIN, make_plugin_manager

    host = PluginHost(make_plugin_manager(keep_going=True, examples=True), strict=False)
    doc = listing(host)
    if allowed is not None:
        keep = {*allowed, BUILTIN}
        doc["plugins"] = [p for p in doc["plugins"] if p["name"] in keep]
    return dumps_bytes(doc, end="\n")


def report(req: Request, kind: str, fmt: str, time_limit: float) -> Answer:
    """A report file (xlsx, html, pdf or docx) of the evaluation or of the plan, as a
    download (its name in ``Content-Disposition``)."""
    from cadre_core.vocab._pdf import PdfUnavailable

    with tempfile.TemporaryDirectory(prefix="cadre-serve-") as tmp:
        out = Path(tmp) / f"report.{fmt}"
        try:
            if kind == "plan":
                from cadre_core.planner import _report

                r, result = make_plan(req, time_limit)
                if fmt == "xlsx":
                    _report.write_xlsx(result, out)
                elif fmt == "html":
                    _report.write_html(result, out, req.lang)
                elif fmt == "docx":
                    from cadre_core.planner._docx import write_docx

                    write_docx(result, out, req.lang)
                else:
                    _report.write_pdf(result, out, req.lang)
                days = [result.as_of]
            else:
                from cadre_core import reports

                r, evs = evaluations(req)
                shown = evs if len(evs) > 1 else evs[0]
                writer = {
                    "xlsx": reports.write_xlsx,
                    "html": reports.write_html,
                    "pdf": reports.write_pdf,
                    "docx": reports.write_docx,
                }[fmt]
                writer(shown, out, lang=req.lang, sections=reports.plugin_sections(shown))
                days = [e.as_of for e in evs]
        except PdfUnavailable as exc:
            raise ServiceError(503, "serve_unavailable", error=str(exc)) from None
        name = f"cadre-{kind}-{days[-1]:%Y-%m-%d}.{fmt}"
        headers = {
            **audit_headers(r.sources, days),
            "Content-Disposition": f'attachment; filename="{name}"',
        }
        return Answer(out.read_bytes(), headers)


__all__ = [
    "MEDIA",
    "Answer",
    "Request",
    "Workers",
    "audit_headers",
    "evaluation_json",
    "evaluations",
    "filled_forms",
    "forms_answer",
    "make_plan",
    "plan_json",
    "plugins_json",
    "report",
    "validate",
]
