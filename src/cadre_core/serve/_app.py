"""The ASGI application: :func:`create_app` builds it from :class:`Settings`.

Every answer is JSON with the command line's schema (or a report file); every refusal is
a status and a sentence (``{"status", "error"}``), never a traceback. Adding an endpoint
is one function: parse the query into a :class:`~cadre_core.serve._work.Request` with
:func:`_request`, hand the work to ``workers.run`` and answer its bytes with
:func:`_json` (``POST /v1/forms/{form}`` is such a function).
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException

from cadre_core.serve import _work
from cadre_core.serve._errors import ServiceError
from cadre_core.serve._openapi import (
    _REFUSALS,
    _ROSTER_BODY,
    JSON,
    _audited,
    _doc,
    _error,
    _openapi,
)
from cadre_core.serve._settings import Settings
from cadre_core.vocab._labels import label
from cadre_core.vocab._version import __version__

log = logging.getLogger("cadre_core.serve")

LANGS = ("vi", "en")


# ------------------------------------------------------------------------------ answers
def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "vi")
    return lang if lang in LANGS else "vi"


def _json(data: bytes | _work.Answer, status: int = 200) -> Response:
    if isinstance(data, _work.Answer):
        return Response(data.body, status_code=status, media_type=JSON, headers=dict(data.headers))
    return Response(data, status_code=status, media_type=JSON)


def _refusal(request: Request, error: ServiceError) -> Response:
    body = error.body(_lang(request))
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    data = json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    return Response(data, status_code=error.status, media_type=JSON, headers=headers)


async def _body(request: Request, limit: int) -> bytes:
    """The request's body, refused with 413 past ``limit`` bytes (before reading it when
    its length is declared, while reading it otherwise)."""
    declared = request.headers.get("content-length", "")
    mb = f"{limit / (1024 * 1024):g}"
    if declared.isdigit() and int(declared) > limit:
        raise ServiceError(413, "serve_too_large", limit=mb)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ServiceError(413, "serve_too_large", limit=mb)
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # the form parser reads it again
    return body


async def _roster_source(
    request: Request, limit: int
) -> tuple[tuple[bytes, str | None] | None, Any, bytes]:
    """The upload (bytes and file name) or the JSON tables of a request, and its body."""
    body = await _body(request, limit)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        try:
            form = await request.form(max_files=1, max_fields=8, max_part_size=limit)
        except Exception:  # the multipart parser's own refusals
            raise ServiceError(400, "serve_no_roster") from None
        upload = form.get("roster")
        if upload is None or isinstance(upload, str):
            raise ServiceError(400, "serve_no_roster")
        data = await upload.read()
        await form.close()
        return (data, upload.filename), None, body
    if kind == JSON or kind.endswith("+json"):
        try:
            return None, json.loads(body), body
        except (ValueError, RecursionError):
            raise ServiceError(400, "serve_bad_tables", where="/", why="not_json") from None
    raise ServiceError(400, "serve_no_roster")


def _plugins(settings: Settings, plugins: list[str]) -> tuple[str, ...]:
    """The plugins named (``plugin=``), each installed and allowed: else 400 or 403."""
    import importlib.metadata as md

    from cadre_core.plugins._loading import BUILTIN, ENTRY_POINT_GROUP

    installed = {ep.name for ep in md.entry_points(group=ENTRY_POINT_GROUP)} | {BUILTIN}
    for name in plugins:
        if name not in installed:
            shown = ", ".join(sorted(installed))
            raise ServiceError(400, "serve_unknown_plugin", plugin=name, installed=shown)
        if settings.plugins is not None and name not in (*settings.plugins, BUILTIN):
            raise ServiceError(403, "serve_forbidden_plugin", plugin=name)
    if not plugins and settings.plugins is not None:
        return tuple(settings.plugins)
    return tuple(dict.fromkeys(plugins))


def _days(values: list[str]) -> tuple[Any, ...]:
    from cadre_core.vocab._dates import parse_day

    try:
        return tuple(sorted({parse_day(v, what="as_of") for v in values}))
    except ValueError as exc:
        raise ServiceError(400, "serve_bad_query", name="as_of", error=str(exc)) from None


def _params(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        params = json.loads(text)
    except (ValueError, RecursionError):
        params = None
    if not isinstance(params, dict):
        raise ServiceError(400, "serve_bad_query", name="params", error=label("serve_why_params"))
    return params


class _Contained:
    """Answer any error the endpoints did not expect with a 500 and a sentence, and log
    only its kind and the path: neither the message nor the traceback, which may quote a
    roster's cells (uvicorn would log both if the error reached it)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        started = False

        async def sending(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:
            if scope["type"] != "http" or started:
                raise
            log.error("internal error %s on %s", type(exc).__name__, scope.get("path"))
            request = Request(scope)
            await _refusal(request, ServiceError(500, "serve_internal"))(scope, receive, send)


# ------------------------------------------------------------------------------ the app
def create_app(settings: Settings | None = None) -> FastAPI:
    """The service's ASGI application, for uvicorn (``cadre serve``) or the
    integrator's own server.

    >>> app = create_app(Settings())
    >>> sorted(p for p in app.openapi()["paths"] if p.startswith("/v1/"))
    ['/v1/evaluate', '/v1/forms/{form}', '/v1/plan', '/v1/plugins', '/v1/reports', '/v1/schema',
     '/v1/validate']
    """
    settings = settings or Settings()
    workers = _work.Workers(settings.threads, settings.time_limit)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        workers.close()

    app = FastAPIOffline(
        title="cadre_core",
        version=__version__,
        description="Rosters of commune cadres checked against the qualification targets: "
        "validate, evaluate, plan and report, with the command line's JSON documents.",
        lifespan=lifespan,
        static_url="/docs/assets",
    )
    app.openapi = _openapi(app)  # type: ignore[method-assign]

    async def guard(request: Request) -> None:
        if settings.open:
            return
        given = request.headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        token = token.strip()
        accepted = settings.accepted_tokens()
        if scheme.lower() != "bearer" or not token:
            raise ServiceError(401, "serve_unauthorized")
        if not any(hmac.compare_digest(token.encode(), t.encode()) for t in accepted):
            raise ServiceError(401, "serve_unauthorized")

    @app.exception_handler(ServiceError)
    async def refused(request: Request, exc: ServiceError) -> Response:
        if exc.status == 500:  # names the plugin, never a person
            log.error("plugin %s failed on %s", exc.fields.get("plugin"), request.url.path)
        return _refusal(request, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ())[1:]) or "?"
        error = ServiceError(400, "serve_bad_query", name=where, error=first.get("msg", ""))
        return _refusal(request, error)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        key = {404: "serve_not_found", 405: "serve_method"}.get(exc.status_code, "serve_internal")
        return _refusal(request, ServiceError(exc.status_code, key, path=request.url.path))

    app.add_middleware(_Contained)

    async def request_of(
        request: Request,
        as_of: list[str],
        plugin: list[str],
        params: str | None,
        lang: str,
        pseudonymize: bool,
        skip_invalid: bool,
        **more: Any,
    ) -> _work.Request:
        await guard(request)
        chosen = _plugins(settings, plugin)
        days = _days(as_of)
        overrides = _params(params)
        upload, tables, body = await _roster_source(request, settings.max_upload)
        return _work.Request(
            days=days,
            plugins=chosen,
            params=overrides,
            params_text=params,
            lang=lang,
            pseudonymize=pseudonymize,
            skip_invalid=skip_invalid,
            upload=upload,
            tables=tables,
            body=body,
            **more,
        )

    AsOf = Query(
        default=[],
        description="Day of the evaluation, YYYY-MM-DD or DD/MM/YYYY (repeat it for several "
        "days; default: the day a list describes, else today).",
    )
    Plugin = Query(
        default=[],
        description="Use only this plugin (repeat it; default: every installed one that is "
        "not an example).",
    )
    Params = Query(
        default=None, description='Parameter overrides as a JSON object ({"key": value}).'
    )
    Lang = Query(default="vi", pattern="^(vi|en)$", description="Language of the answer.")
    Pseudo = Query(
        default=False,
        description="Replace ids, names and birth dates by keyed pseudonyms (the "
        "service's key, $CADRE_PSEUDONYM_KEY).",
    )
    Skip = Query(default=False, description="Set aside invalid rows and use the rest.")
    common: dict[str, Any] = {
        "openapi_extra": {"requestBody": _ROSTER_BODY},
        "response_class": Response,
    }

    @app.post(
        "/v1/validate",
        summary="Read and check a roster",
        responses={"200": _audited(_doc("validation", "The roster was accepted.")), **_REFUSALS},
        **common,
    )
    async def validate(
        request: Request,
        plugin: list[str] = Plugin,
        lang: str = Lang,
        pseudonymize: bool = Pseudo,
        skip_invalid: bool = Skip,
    ) -> Response:
        """What ``cadre validate --format json`` answers: 200 with the tables' accounting,
        or 422 with every problem."""
        req = await request_of(request, [], plugin, None, lang, pseudonymize, skip_invalid)
        return _json(await workers.run(lambda: _work.validate(req)))

    evaluation_doc = {
        "description": "The evaluation (one day) or the evaluations (several days).",
        "content": {
            JSON: {
                "schema": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/Evaluation"},
                        {"$ref": "#/components/schemas/Evaluations"},
                    ]
                }
            }
        },
    }

    @app.post(
        "/v1/evaluate",
        summary="Evaluate every target on a roster",
        responses={"200": _audited(evaluation_doc), **_REFUSALS},
        **common,
    )
    async def evaluate(
        request: Request,
        as_of: list[str] = AsOf,
        plugin: list[str] = Plugin,
        params: str | None = Params,
        by: str | None = Query(default=None, pattern="^commune$", description="by=commune"),
        lang: str = Lang,
        pseudonymize: bool = Pseudo,
        skip_invalid: bool = Skip,
    ) -> Response:
        """What ``cadre evaluate --format json`` writes, byte for byte."""
        req = await request_of(
            request, as_of, plugin, params, lang, pseudonymize, skip_invalid, by=by
        )
        return _json(await workers.run(lambda: _work.evaluation_json(req)))

    Horizon = Query(default=None, ge=1, le=9999, description="Last year of the plan.")
    Budget = Query(default=None, ge=0, description="Yearly budget per commune, in VND.")

    @app.post(
        "/v1/plan",
        summary="Plan who to train, in which programme and when",
        responses={"200": _audited(_doc("plan", "The plan.")), **_REFUSALS},
        **common,
    )
    async def plan(
        request: Request,
        as_of: str | None = Query(default=None, description="Day the plan starts (today)."),
        horizon: int | None = Horizon,
        budget: int | None = Budget,
        plugin: list[str] = Plugin,
        params: str | None = Params,
        lang: str = Lang,
        pseudonymize: bool = Pseudo,
        skip_invalid: bool = Skip,
    ) -> Response:
        """What ``cadre plan --format json`` writes."""
        days = [as_of] if as_of is not None else []
        req = await request_of(
            request, days, plugin, params, lang, pseudonymize, skip_invalid,
            horizon=horizon, budget=budget,
        )  # fmt: skip
        limit = settings.time_limit
        return _json(await workers.run(lambda: _work.plan_json(req, limit)))

    files = {
        "description": "The report, as a download.",
        "content": {
            t: {"schema": {"type": "string", "format": "binary"}}
            for t in (_work.MEDIA[f] for f in ("xlsx", "html", "pdf", "docx"))
        },
    }

    @app.post(
        "/v1/reports",
        summary="A report of the evaluation or of the plan (xlsx, html, pdf, docx)",
        responses={
            "200": _audited(files),
            **_REFUSALS,
            "503": _error("PDF cannot be written here (Pango is missing)."),
        },
        **common,
    )
    async def reports(
        request: Request,
        format: str = Query(default="xlsx", pattern="^(xlsx|html|pdf|docx)$"),
        of: str = Query(default="evaluation", pattern="^(evaluation|plan)$"),
        as_of: list[str] = AsOf,
        plugin: list[str] = Plugin,
        params: str | None = Params,
        lang: str = Lang,
        pseudonymize: bool = Pseudo,
        skip_invalid: bool = Skip,
    ) -> Response:
        """The report ``cadre evaluate -o report.xlsx`` (or ``cadre plan``) writes."""
        req = await request_of(request, as_of, plugin, params, lang, pseudonymize, skip_invalid)
        limit = settings.time_limit
        answer = await workers.run(lambda: _work.report(req, of, format, limit))
        return Response(answer.body, media_type=_work.MEDIA[format], headers=dict(answer.headers))

    form_files = {
        "description": "The filled form as JSON (what `cadre forms --format json` writes), "
        "or as a download: its workbook (`format=xlsx`), its page to print (`format=html`), "
        "its PDF to hand up (`format=pdf`) or its Word document to edit, sign and hand up "
        "(`format=docx`).",
        "content": {
            JSON: {"schema": {"$ref": "#/components/schemas/Forms"}},
            **{
                _work.MEDIA[f]: {"schema": {"type": "string", "format": "binary"}}
                for f in ("xlsx", "pdf", "docx")
            },
            _work.MEDIA["html"]: {"schema": {"type": "string"}},
        },
    }

    @app.post(
        "/v1/forms/{form}",
        summary="Fill an official reporting form (9C-BTCTW, 12C-BTCTW, ...) from a roster",
        responses={
            "200": _audited(form_files),
            **_REFUSALS,
            "404": _error("No such form: the sentence lists the forms there are."),
            "503": _error("PDF cannot be written here (Pango is missing)."),
        },
        **common,
    )
    async def forms(
        request: Request,
        form: str = Path(
            description="The form's code, in any case: one `cadre forms --list` gives "
            "(9C-BTCTW, 12C-BTCTW, 10-BTCTW, BM02-BNV, 02-CL-CBCCX or a plugin's).",
            examples=["9C-BTCTW"],
        ),
        as_of: str | None = Query(
            default=None,
            description="Day the form describes, YYYY-MM-DD or DD/MM/YYYY (default: the day "
            "a list describes, else today).",
        ),
        format: str = Query(default="json", pattern="^(json|xlsx|html|pdf|docx)$"),
        by: str = Query(
            default="commune",
            pattern="^(commune|province)$",
            description="A form of several communes: each commune's block, then the "
            "province's total (`commune`), or only the province's total (`province`, a much "
            "quicker PDF); one commune's form is the same either way (`cadre forms --by`).",
        ),
        plugin: list[str] = Plugin,
        params: str | None = Params,
        lang: str = Lang,
        pseudonymize: bool = Pseudo,
        skip_invalid: bool = Skip,
    ) -> Response:
        """What ``cadre forms --form FORM --format json`` writes, byte for byte, or the
        workbook, page, PDF or Word document ``cadre forms --form FORM -o
        FILE.xlsx|.html|.pdf|.docx`` writes, as a download (``by``: as ``--by``)."""
        days = [as_of] if as_of is not None else []
        req = await request_of(
            request, days, plugin, params, lang, pseudonymize, skip_invalid, by=by
        )
        answer = await workers.run(lambda: _work.forms_answer(req, form, format))
        if format == "json":
            return _json(answer)
        return Response(answer.body, media_type=_work.MEDIA[format], headers=dict(answer.headers))

    @app.get(
        "/v1/plugins",
        summary="The installed plugins",
        responses={"200": _doc("plugins", "Every plugin."), "401": _REFUSALS["401"]},
        response_class=Response,
    )
    async def plugins(request: Request) -> Response:
        """What ``cadre plugins --format json`` prints (the plugins this service allows)."""
        await guard(request)
        return _json(await workers.run(lambda: _work.plugins_json(settings.plugins)))

    @app.get(
        "/v1/schema",
        summary="The published JSON Schemas",
        responses={
            "200": {
                "description": "Every schema, by name.",
                "content": {JSON: {"schema": {"type": "object"}}},
            },
            "401": _REFUSALS["401"],
        },
        response_class=Response,
    )
    async def schema(request: Request) -> Response:
        """The JSON Schemas of every document, by name (what ``cadre schema NAME`` prints)."""
        from cadre_core.engine._schema import json_schema, schema_names

        await guard(request)
        doc = {name: json_schema(name) for name in schema_names()}
        return _json(json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")

    @app.get(
        "/healthz",
        summary="Whether the service answers",
        responses={
            "200": {
                "description": "It answers.",
                "content": {
                    JSON: {
                        "schema": {
                            "type": "object",
                            "required": ["status", "version"],
                            "properties": {
                                "status": {"const": "ok"},
                                "version": {"type": "string"},
                            },
                        }
                    }
                },
            }
        },
        response_class=JSONResponse,
    )
    async def healthz() -> dict[str, str]:
        """``{"status": "ok"}`` at once, even while evaluations and plans run."""
        return {"status": "ok", "version": __version__}

    return app


def app_from_environment() -> FastAPI:
    """The application of the settings ``cadre serve`` put in ``$CADRE_SERVE_SETTINGS``
    (each uvicorn worker process builds its own)."""
    import os

    from cadre_core.serve._settings import SETTINGS_ENV

    return create_app(Settings.from_json(os.environ.get(SETTINGS_ENV, "{}")))


__all__ = ["app_from_environment", "create_app"]
