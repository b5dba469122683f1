"""The service's logs: the access log names the method, the path (never its query) and the
status; the error log names the kind of error and the plugin, never a cell of a roster
(see :func:`log_config`, uvicorn's ``log_config``). What the server says about itself
(started, where it listens, stopping) is in the language of ``cadre serve --lang``: the
lines of uvicorn and of the service are told in the words of the label table
(:class:`Spoken`)."""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from cadre_core.vocab._labels import label

#: uvicorn's lines (0.3x to 0.5x) and the service's own, as written in English, and the
#: label that says each in the server's language (its fields taken from the line).
_SAID: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Started server process \[(?P<pid>\d+)\]", "serve_log_started"),
        (r"Finished server process \[(?P<pid>\d+)\]", "serve_log_finished"),
        (r"Started parent process \[(?P<pid>\d+)\]", "serve_log_parent_started"),
        (r"Stopping parent process \[(?P<pid>\d+)\]", "serve_log_parent_stopping"),
        (r"Waiting for child process \[(?P<pid>\d+)\]", "serve_log_child_waiting"),
        (r"Terminated child process \[(?P<pid>\d+)\]", "serve_log_child_terminated"),
        (r"Child process \[(?P<pid>\d+)\] died", "serve_log_child_died"),
        (r"Waiting for application startup\.", "serve_log_app_starting"),
        (r"Application startup complete\.", "serve_log_app_started"),
        (r"Waiting for application shutdown\.", "serve_log_app_stopping"),
        (r"Application shutdown complete\.", "serve_log_app_stopped"),
        (r"Shutting down", "serve_log_shutting_down"),
        (r"Uvicorn running on (?P<url>\S+) \(Press CTRL\+C to quit\)", "serve_log_running"),
        (
            r"Waiting for connections to close\. \(CTRL\+C to force quit\)",
            "serve_log_closing_connections",
        ),
        (
            r"Waiting for background tasks to complete\. \(CTRL\+C to force quit\)",
            "serve_log_closing_tasks",
        ),
        (r"Received (?P<signal>SIG[A-Z]+), exiting\.", "serve_log_signal"),
        (r"internal error (?P<kind>\w+) on (?P<path>\S+)", "serve_log_internal_error"),
        (r"plugin (?P<plugin>\S+) failed on (?P<path>\S+)", "serve_log_plugin_failed"),
    )
)


class Spoken(logging.Filter):
    """Say the server's own lines in ``lang``: a line of uvicorn or of the service that
    :data:`_SAID` knows becomes its label, with the process, address, signal, plugin or
    path it names; any other line stays as written.

    >>> record = logging.LogRecord("uvicorn.error", 20, "", 0,
    ...     "Uvicorn running on %s://%s:%d (Press CTRL+C to quit)",
    ...     ("http", "127.0.0.1", 8000), None)
    >>> Spoken("vi").filter(record), record.getMessage()
    (True, 'Dịch vụ đang chạy tại http://127.0.0.1:8000 (nhấn Ctrl+C để dừng)')
    >>> record = logging.LogRecord("uvicorn.error", 20, "", 0, "Something new", None, None)
    >>> Spoken("vi").filter(record), record.getMessage()
    (True, 'Something new')
    """

    def __init__(self, lang: str = "vi") -> None:
        super().__init__()
        self.lang = lang

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            said = record.getMessage()
        except (TypeError, ValueError):  # a line whose arguments do not fit: as it is
            return True
        for pattern, key in _SAID:
            found = pattern.fullmatch(said)
            if found is not None:
                record.msg = label(key, self.lang).format(**found.groupdict())
                record.args = None
                record.__dict__.pop("color_message", None)
                break
        return True


class WithoutQuery(logging.Filter):
    """Drop the query string from uvicorn's access log lines (``?as_of=...``): what a
    caller puts there is not for the log.

    >>> record = logging.LogRecord("uvicorn.access", 20, "", 0, "%s - \\"%s %s HTTP/%s\\" %d",
    ...     ("127.0.0.1:5000", "POST", "/v1/evaluate?as_of=2026-12-31", "1.1", 200), None)
    >>> WithoutQuery().filter(record), record.getMessage()
    (True, '127.0.0.1:5000 - "POST /v1/evaluate HTTP/1.1" 200')
    """

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "without_query": {"()": "cadre_core.serve._logs.WithoutQuery"},
        "spoken": {"()": "cadre_core.serve._logs.Spoken", "lang": "vi"},
    },
    "formatters": {
        "default": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "access": {"format": "%(asctime)s %(levelname)s access: %(message)s"},
    },
    "handlers": {
        "default": {
            "class": "logging.StreamHandler",
            "formatter": "default",
            "filters": ["spoken"],
            "stream": "ext://sys.stderr",
        },
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "access",
            "filters": ["without_query"],
            "stream": "ext://sys.stderr",
        },
    },
    "loggers": {
        "uvicorn": {"handlers": ["default"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        "cadre_core.serve": {"handlers": ["default"], "level": "INFO", "propagate": False},
    },
}
"""uvicorn's ``log_config`` for ``cadre serve`` in Vietnamese: every line on standard
error."""


def log_config(lang: str = "vi") -> dict[str, Any]:
    """uvicorn's ``log_config`` for ``cadre serve --lang``: :data:`LOG_CONFIG`, its own
    lines said in ``lang``.

    >>> log_config("en")["filters"]["spoken"]["lang"]
    'en'
    """
    config = copy.deepcopy(LOG_CONFIG)
    config["filters"]["spoken"]["lang"] = lang
    return config


__all__ = ["LOG_CONFIG", "Spoken", "WithoutQuery", "log_config"]
