"""``cadre serve``: the HTTP service (:mod:`cadre_core.serve`) on uvicorn."""

from __future__ import annotations

import click

from cadre_core.cli._common import InputError


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--workers", type=int, default=1, show_default=True, help="Worker processes (uvicorn)."
)
@click.option(
    "--tokens-file",
    type=click.Path(),
    metavar="FILE",
    help="Accepted bearer tokens, one a line, read again when the file changes (also "
    "$CADRE_SERVE_TOKENS, comma-separated). Without any, only a loopback address is served.",
)
@click.option(
    "--max-upload",
    type=float,
    default=50,
    show_default=True,
    metavar="MB",
    help="Largest request body (413 past it).",
)
@click.option(
    "--time-limit",
    type=float,
    default=120,
    show_default=True,
    metavar="SECONDS",
    help="Longest a request may take (504 past it).",
)
@click.option(
    "--threads",
    type=int,
    default=4,
    show_default=True,
    help="Evaluations, plans and reports run at once in each worker.",
)
@click.option(
    "--plugin",
    "plugins",
    multiple=True,
    metavar="NAME",
    help="Allow only this plugin (repeatable; default: every installed one).",
)
def serve_command(
    host: str,
    port: int,
    workers: int,
    tokens_file: str | None,
    max_upload: float,
    time_limit: float,
    threads: int,
    plugins: tuple[str, ...],
) -> None:
    """Serve validate, evaluate, plan and reports over HTTP (the serve extra), with an
    OpenAPI document at /openapi.json and its interactive docs at /docs."""
    try:
        import fastapi  # noqa: F401
        import fastapi_offline  # noqa: F401
        import python_multipart  # noqa: F401
        import uvicorn
    except ImportError as exc:
        raise InputError(
            f"cadre serve needs the serve extra ({exc.name or 'fastapi'} is not installed): "
            "pip install 'cadre-core[serve]'"
        ) from None
    import os
    from pathlib import Path

    from cadre_core.serve._logs import LOG_CONFIG
    from cadre_core.serve._settings import MB, SETTINGS_ENV, Settings

    if tokens_file is not None and not Path(tokens_file).is_file():
        raise InputError(f"--tokens-file {tokens_file}: no such file")
    try:
        settings = Settings.from_environment(
            host=host,
            port=port,
            workers=workers,
            tokens_file=None if tokens_file is None else str(Path(tokens_file).resolve()),
            max_upload=int(max_upload * MB),
            time_limit=time_limit,
            threads=threads,
            plugins=plugins or None,
        )
        settings.check_bind()
    except ValueError as exc:
        raise InputError(str(exc)) from None
    os.environ[SETTINGS_ENV] = settings.to_json()  # read by each worker process
    uvicorn.run(
        "cadre_core.serve._app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=LOG_CONFIG,
        timeout_graceful_shutdown=5,
    )
