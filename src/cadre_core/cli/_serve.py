"""``cadre serve``: the HTTP service (:mod:`cadre_core.serve`) on uvicorn."""

from __future__ import annotations

import click

from cadre_core.cli._common import InputError
from cadre_core.cli._help import HelpCommand


@click.command("serve", cls=HelpCommand, help="cli_help_serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="cli_help_serve_host")
@click.option("--port", type=int, default=8000, show_default=True, help="cli_help_serve_port")
@click.option("--workers", type=int, default=1, show_default=True, help="cli_help_serve_workers")
@click.option(
    "--tokens-file",
    type=click.Path(),
    metavar="FILE",
    help="cli_help_serve_tokens_file",
)
@click.option(
    "--max-upload",
    type=float,
    default=50,
    show_default=True,
    metavar="MB",
    help="cli_help_serve_max_upload",
)
@click.option(
    "--time-limit",
    type=float,
    default=120,
    show_default=True,
    metavar="SECONDS",
    help="cli_help_serve_time_limit",
)
@click.option(
    "--threads",
    type=int,
    default=4,
    show_default=True,
    help="cli_help_serve_threads",
)
@click.option(
    "--plugin",
    "plugins",
    multiple=True,
    metavar="NAME",
    help="cli_help_serve_plugin",
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
    """``cadre serve`` (its help: the label ``cli_help_serve``)."""
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
