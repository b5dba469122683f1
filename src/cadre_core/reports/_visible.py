"""What a reader sees: ``cadre verify`` renders an html or xlsx report again from the
evaluation and compares it with the file (:func:`visible_differences`), so that an edited
number, status or name is caught even when the report's embedded data is intact.

html pages are compared as tokens (tags and texts, the embedded data and the generation
time left out), only where they differ (their common start and end left out first); xlsx
workbooks cell by cell, every sheet but the hidden one.
"""

from __future__ import annotations

import difflib
import re
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cadre_core.reports._audit import EMBEDDED_REPORT, XLSX_SHEET, verify_sentence

if TYPE_CHECKING:
    from cadre_core.engine._results import Evaluation

_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")  # the generation time


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _html_tokens(page: str) -> list[str]:
    """Tags and texts of an HTML report outside its embedded data, generation time out."""
    page = _TIME.sub("<generation time>", EMBEDDED_REPORT.sub("", page))
    return [t for t in re.split(r"(<[^>]*>)", page) if t.strip()]


#: Beyond this many tokens in the differing middle of two pages, the differences are
#: located with difflib's junk heuristic (tokens in more than 1% of the positions, such
#: as ``<td>``, anchor no match), which keeps the comparison fast on a changed province
#: report at the price of coarser spans.
_EXACT_TOKENS = 20_000


def _common_ends(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """The number of tokens ``a`` and ``b`` share at their start, and then at their end.

    >>> _common_ends(list("abcxde"), list("abyde"))
    (2, 2)
    >>> _common_ends(list("aa"), list("aaa"))
    (2, 0)
    """
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def _html_differences(report: str, again: str, limit: int, lang: str = "en") -> list[str]:
    """The first ``limit`` differences between two pages' tokens (:func:`_html_tokens`).

    The tokens both pages share at their start and at their end are left out of the
    comparison, so that a report changed in a few places is compared in time linear in
    its size (difflib alone is quadratic in the tokens: an hour on a national report)."""
    a, b = _html_tokens(report), _html_tokens(again)
    if a == b:
        return []
    head, tail = _common_ends(a, b)
    mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
    coarse = len(mid_a) + len(mid_b) > _EXACT_TOKENS
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=coarse)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        at = head + i1
        before = next((a[i] for i in range(at - 1, -1, -1) if not a[i].startswith("<")), "")
        shown, gives = _short("".join(mid_a[i1:i2])), _short("".join(mid_b[j1:j2]))
        out.append(
            verify_sentence("html", lang, before=_short(before, 40), shown=shown, gives=gives)
        )
        if len(out) >= limit:
            break
    return out


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return _TIME.sub("<generation time>", value)
    return value


def _rows(ws: Any) -> Iterator[list[Any]]:
    for row in ws.iter_rows(values_only=True):
        values = [_cell(v) for v in row]
        while values and values[-1] is None:
            values.pop()
        yield values


def _xlsx_differences(report: Path, again: Path, limit: int, lang: str = "en") -> list[str]:
    import openpyxl
    from openpyxl.utils import get_column_letter

    with warnings.catch_warnings():  # formatting openpyxl does not read is not content
        warnings.simplefilter("ignore")
        wa = openpyxl.load_workbook(report, read_only=True)
        wb = openpyxl.load_workbook(again, read_only=True)
    out: list[str] = []
    try:
        sa = [n for n in wa.sheetnames if n != XLSX_SHEET]
        sb = [n for n in wb.sheetnames if n != XLSX_SHEET]
        if sa != sb:
            out.append(verify_sentence("xlsx_sheets", lang, report=sa, now=sb))
        for name in (n for n in sa if n in sb):
            empty: list[Any] = []
            rows = zip_longest(_rows(wa[name]), _rows(wb[name]), fillvalue=empty)
            for r, (ra, rb) in enumerate(rows, start=1):
                for c, (va, vb) in enumerate(zip_longest(ra, rb), start=1):
                    if va != vb:
                        cell = f"{get_column_letter(c)}{r}"
                        shown, gives = _short(str(va)), _short(str(vb))
                        out.append(
                            verify_sentence(
                                "xlsx_cell",
                                lang,
                                sheet=repr(name),
                                cell=cell,
                                shown=shown,
                                gives=gives,
                            )
                        )
                        if len(out) >= limit:
                            return out
    finally:
        wa.close()
        wb.close()
    return out


def visible_differences(
    path: str | Path,
    evaluations: Sequence[Evaluation],
    *,
    lang: str = "vi",
    sections: Sequence[Any] = (),
    limit: int = 5,
    said_in: str = "en",
) -> list[str]:
    """The first differences (at most ``limit``) between what a reader sees in the html
    or xlsx report at ``path`` and the same report rendered again from ``evaluations``
    (same language, days and sections): html text and markup outside the embedded data,
    or every cell of every sheet, the generation time left out; said in ``said_in``.
    Empty for json."""
    from cadre_core.reports import write_html, write_xlsx

    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".html", ".htm", ".xlsx"):
        return []
    evs: Any = evaluations[0] if len(evaluations) == 1 else list(evaluations)
    with tempfile.TemporaryDirectory(prefix="cadre-verify-") as tmp:
        fresh = Path(tmp) / f"again{suffix}"
        if suffix == ".xlsx":
            write_xlsx(evs, fresh, lang=lang, sections=sections)
            return _xlsx_differences(p, fresh, limit, said_in)
        write_html(evs, fresh, lang=lang, sections=sections)
        return _html_differences(
            p.read_text(encoding="utf-8"), fresh.read_text(encoding="utf-8"), limit, said_in
        )


__all__ = ["visible_differences"]
