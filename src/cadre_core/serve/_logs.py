"""The service's logs: the access log names the method, the path (never its query) and the
status; the error log names the kind of error and the plugin, never a cell of a roster
(see :data:`LOG_CONFIG`, uvicorn's ``log_config``)."""

from __future__ import annotations

import logging
from typing import Any


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
    "filters": {"without_query": {"()": "cadre_core.serve._logs.WithoutQuery"}},
    "formatters": {
        "default": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "access": {"format": "%(asctime)s %(levelname)s access: %(message)s"},
    },
    "handlers": {
        "default": {
            "class": "logging.StreamHandler",
            "formatter": "default",
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
"""uvicorn's ``log_config`` for ``cadre serve``: every line on standard error."""


__all__ = ["LOG_CONFIG", "WithoutQuery"]
