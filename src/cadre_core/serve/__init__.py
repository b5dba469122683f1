"""The HTTP service (``cadre serve``, the ``serve`` extra): the command line's work for
tools that cannot import Python, with the command line's JSON documents.

:func:`create_app` builds the ASGI application from :class:`Settings` (for uvicorn, or
the integrator's own server); ``_app`` holds the endpoints and the OpenAPI document,
``_work`` the work each does off the event loop, ``_inputs`` the reading of an uploaded
roster (with the reader's guards), ``_errors`` the refusals, ``_settings`` the settings
and tokens, ``_logs`` the access log without queries or personal data.

May import: every stage below the command line (planner, reports, engine and below);
never the command line (see ``docs/architecture.md``).
"""

from cadre_core.serve._app import app_from_environment, create_app
from cadre_core.serve._errors import ServiceError
from cadre_core.serve._settings import Settings

__all__ = ["ServiceError", "Settings", "app_from_environment", "create_app"]
