"""The HTTP service inside an integrator's own web application.

``cadre serve`` runs the service on its own (see ``docs/http.md``); a team that already
runs an ASGI application mounts :func:`cadre_core.serve.create_app` under a path of its
own instead, with its settings (tokens, upload and time limits, the plugins it allows).
Needs the ``serve`` extra: ``pip install 'cadre-core[serve]'``.

Run: ``python examples/web_endpoint.py --port 8000`` then
``curl -F roster=@xa.xlsx 'http://127.0.0.1:8000/cadre/v1/evaluate?as_of=2026-12-31'``.
"""

from __future__ import annotations

import argparse

from fastapi import FastAPI

from cadre_core.serve import Settings, create_app


def make_app(settings: Settings | None = None) -> FastAPI:
    """The integrator's application, with the cadre service under ``/cadre``."""
    app = FastAPI(title="Sở Nội vụ: hồ sơ cán bộ")

    @app.get("/")
    def home() -> dict[str, str]:
        return {"cadre": "/cadre/docs"}

    app.mount("/cadre", create_app(settings or Settings(plugins=("laichau",))))
    return app


def main() -> int:
    """Serve until interrupted."""
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    Settings(host=args.host).check_bind()  # no token: loopback only
    uvicorn.run(make_app(), host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
