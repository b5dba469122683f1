"""A tiny JSON web endpoint over the public API, with the standard library only.

``GET /evaluate?as_of=YYYY-MM-DD`` answers the JSON contract of ``cadre evaluate
--format json`` for the sample commune (a real service would read its roster from
where the commune keeps it); ``GET /health`` answers ``{"ok": true}``. Bad input is a
400 with a message, never a traceback.

Run: ``python examples/web_endpoint.py --port 8000`` then
``curl 'http://127.0.0.1:8000/evaluate?as_of=2026-12-31'``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import cadre_core


class Handler(BaseHTTPRequestHandler):
    """Answers ``/evaluate`` and ``/health``."""

    roster: cadre_core.Roster  # set by make_server

    def _send(self, status: HTTPStatus, body: dict[str, Any] | str) -> None:
        text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        """Route a GET request."""
        url = urlparse(self.path)
        if url.path == "/health":
            self._send(HTTPStatus.OK, {"ok": True})
            return
        if url.path != "/evaluate":
            self._send(HTTPStatus.NOT_FOUND, {"error": f"no such path: {url.path}"})
            return
        query = parse_qs(url.query)
        raw = query.get("as_of", ["2026-12-31"])[0]
        try:
            as_of = dt.date.fromisoformat(raw)
        except ValueError:
            self._send(HTTPStatus.BAD_REQUEST, {"error": f"as_of {raw!r} is not YYYY-MM-DD"})
            return
        plugins = query.get("plugin") or None
        try:
            evaluation = cadre_core.evaluate(self.roster, as_of, plugins=plugins)
        except cadre_core.PluginError as exc:
            self._send(HTTPStatus.BAD_REQUEST, {"error": str(exc)})
            return
        self._send(HTTPStatus.OK, evaluation.to_json())

    def log_message(self, format: str, *args: Any) -> None:
        """Log the request line only (no query answers: they hold cadre ids)."""


def make_server(host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """A server on ``host:port`` (0: any free port) over the sample commune."""
    handler = type("SampleHandler", (Handler,), {"roster": cadre_core.sample_roster()})
    return ThreadingHTTPServer((host, port), handler)


def main() -> int:
    """Serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = make_server(args.host, args.port)
    print(f"serving on http://{args.host}:{server.server_address[1]}/evaluate", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
