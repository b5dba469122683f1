"""``cadre serve``: the HTTP service (:mod:`cadre_core.serve`) on uvicorn.

What would stop the service once it runs is refused before it starts, in the language of
``--lang``: a setting :class:`~cadre_core.serve.Settings` refuses, a tokens file that
cannot be read or holds no token, an address this machine cannot listen on.
"""

from __future__ import annotations

from pathlib import Path

import click

from cadre_core.cli._common import InputError, language_option, tell
from cadre_core.cli._help import HelpCommand
from cadre_core.vocab._told import os_said, told_error


def _refused(key: str, **values: object) -> InputError:
    """The start-up error ``error_<key>`` (with ``values``) in the command's language."""
    return InputError(tell(told_error(ValueError, key, **values)))


def _tokens_in(path: str) -> frozenset[str]:
    """The tokens of the ``--tokens-file`` ``path``; a file that is not there or cannot be
    read as UTF-8 text is an :class:`InputError`."""
    from cadre_core.serve._settings import read_tokens

    if not Path(path).is_file():
        raise _refused("serve_tokens_file_missing", path=path)
    try:
        return read_tokens(path)
    except OSError as exc:
        raise _refused("serve_tokens_file_unreadable", path=path, reason=os_said(exc)) from None
    except UnicodeDecodeError:
        raise _refused("serve_tokens_file_not_utf8", path=path) from None


def _check_address(host: str, port: int) -> None:
    """Refuse an address uvicorn could not listen on (a host this machine does not know,
    an address that is not its own, a port in use or not allowed): bound as uvicorn binds
    it, then let go."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except socket.gaierror:
            raise _refused("serve_host_unknown", host=host) from None
        except OSError as exc:
            raise _refused(
                "serve_cannot_listen", host=host, port=port, reason=os_said(exc)
            ) from None


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
@language_option("cli_help_serve_lang")
def serve_command(
    host: str,
    port: int,
    workers: int,
    tokens_file: str | None,
    max_upload: float,
    time_limit: float,
    threads: int,
    plugins: tuple[str, ...],
    lang: str,
) -> None:
    """``cadre serve`` (its help: the label ``cli_help_serve``)."""
    try:
        import fastapi  # noqa: F401
        import fastapi_offline  # noqa: F401
        import python_multipart  # noqa: F401
        import uvicorn
    except ImportError as exc:
        raise _refused("serve_extra", name=exc.name or "fastapi") from None
    import os

    from cadre_core.serve._logs import log_config
    from cadre_core.serve._settings import MB, SETTINGS_ENV, Settings

    file_tokens = _tokens_in(tokens_file) if tokens_file is not None else None
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
        raise InputError(tell(exc)) from None
    if file_tokens is not None and not file_tokens and not settings.tokens:
        raise _refused("serve_tokens_file_empty", path=tokens_file)
    _check_address(host, port)
    os.environ[SETTINGS_ENV] = settings.to_json()  # read by each worker process
    uvicorn.run(
        "cadre_core.serve._app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=log_config(lang),
        timeout_graceful_shutdown=5,
    )
