#!/usr/bin/env python3
"""Write the README's plan excerpt from the real ``cadre plan`` on the sample commune.

The section "The plan for the sample commune" of ``README.md`` shows what ``cadre plan``
prints for the sample commune as of 31/12/2026 with the Lai Châu plugin. The text between
the markers ``<!-- cadre:readme-plan -->`` and ``<!-- /cadre:readme-plan -->`` is never
edited by hand: this script runs the command (its plain, piped output: one plan line per
line, tab-separated), lines the columns up, keeps the columns a reader needs, and writes
the totals and the needs below the lines. Nothing is computed here that the command did
not print; the yearly figures are summed from its totals table.

Usage (from the repository, with the package and the Lai Châu plugin installed)::

    python scripts/readme_plan.py --write   # rewrite the excerpt
    python scripts/readme_plan.py --check   # exit 1 when the README differs from the command
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SAMPLE = ROOT / "src" / "cadre_core" / "data" / "sample_commune"
AS_OF = "2026-12-31"
START, END = "<!-- cadre:readme-plan -->", "<!-- /cadre:readme-plan -->"
#: The command the excerpt shows (the roster's path is the sample commune's folder).
COMMAND = ("plan", "--as-of", AS_OF, "--plugin", "laichau", "--format", "table")
#: The columns of the plan lines kept in the excerpt, by position in the command's
#: output (year, name, post, programme, from, to, targets, cost, succession): the
#: agencies, the sending body and the cadre id make the lines too wide for a page.
KEPT = (0, 1, 2, 4, 5, 6, 7, 9, 10)
WIDTH = 100


def run_plan() -> str:
    """The plain output of ``cadre plan`` on the sample commune (standard output piped)."""
    done = subprocess.run(
        [sys.executable, "-m", "cadre_core.cli", COMMAND[0], str(SAMPLE), *COMMAND[1:]],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"cadre plan failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def tables(text: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """The command's tables: (title, headers, rows), blocks separated by a blank line."""
    out = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        out.append((lines[0], lines[1].split("\t"), [ln.split("\t") for ln in lines[2:]]))
    return out


def _width(text: str) -> int:
    return len(unicodedata.normalize("NFC", text))


def aligned(headers: list[str], rows: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell, two spaces apart, no trailing blanks."""
    widths = [max(_width(r[j]) for r in [headers, *rows]) for j in range(len(headers))]
    return [
        "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in [headers, *rows]
    ]


def _amount(text: str) -> int:
    return int(text.replace(".", ""))


def excerpt(text: str) -> str:
    """The Markdown between the markers, from the command's output ``text``."""
    found = tables(text)
    (title, heads, rows), (_, _, totals) = found[0], found[1]
    needs = found[3] if len(found) > 3 else None
    body = [title, *aligned([heads[j] for j in KEPT], [[r[j] for j in KEPT] for r in rows])]
    starts = sum(int(t[2]) for t in totals)
    cost = sum(_amount(t[4]) for t in totals)
    years = "; ".join(f"{t[1]}: {_amount(t[4]) // 1_000_000} tr" for t in totals)
    money = f"{cost:,}".replace(",", ".")
    body += ["", f"Tổng: {starts} lượt, {money} đ ({years})"]
    if needs is not None:
        need_title, _, need_rows = needs
        body += ["", need_title]
        for r in need_rows:
            body += textwrap.wrap(
                f"- [{r[2]}] {r[4]}", WIDTH, subsequent_indent="  ", break_long_words=False
            )
    return "\n".join(["", "```text", *body, "```", ""])


def rewritten(readme: str, text: str) -> str:
    """``readme`` with the text between the markers replaced by :func:`excerpt`."""
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{excerpt(text)}\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    """``--write`` rewrites the excerpt; ``--check`` exits 1 when it is stale."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rewrite the README's excerpt")
    mode.add_argument("--check", action="store_true", help="exit 1 if the excerpt is stale")
    args = parser.parse_args(argv)
    readme = README.read_text(encoding="utf-8")
    if START not in readme or END not in readme:
        print(f"README.md has no {START} ... {END} markers", file=sys.stderr)
        return 2
    fresh = rewritten(readme, run_plan())
    if fresh == readme:
        return 0
    if args.write:
        README.write_text(fresh, encoding="utf-8")
        print("rewrote: README.md")
        return 0
    print(
        "stale: README.md (the plan excerpt differs from cadre plan); refresh with: "
        "python scripts/readme_plan.py --write",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
