"""``docs/openapi.json``: the HTTP service's OpenAPI document (``cadre serve``), written
from the application so that a reader (or another team's code generator) has it without
starting the service; ``tests/test_serve.py`` fails when the committed file is stale::

    python docs/openapi.py           # rewrite docs/openapi.json
    python docs/openapi.py --check   # exit 1 when docs/openapi.json is stale
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FILE = Path(__file__).resolve().parent / "openapi.json"


def render() -> str:
    """The OpenAPI document of :func:`cadre_core.serve.create_app`, as stable JSON text."""
    from cadre_core.serve import Settings, create_app

    doc = create_app(Settings()).openapi()
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    """Write the file, or with ``--check`` say whether it is up to date."""
    text = render()
    if "--check" in argv:
        if not FILE.is_file() or FILE.read_text(encoding="utf-8") != text:
            print(f"{FILE.name} is stale: run python docs/openapi.py", file=sys.stderr)
            return 1
        return 0
    FILE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
