"""Hand-built inline SVG charts: small, offline, crisp in print, text kept as text.

Every text put in an SVG goes through :func:`markupsafe.escape`; the functions return
:class:`markupsafe.Markup` so the HTML templates insert them unescaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup, escape

from cadre_core.vocab._labels import fmt_date, fmt_pct

COLORS = {
    "met": "#2e7d32",
    "not_met": "#c62828",
    "not_applicable": "#9e9e9e",
}
TRACK = "#e8ecef"
ZONE = "#cfd8dc"
INK = "#1b1f23"


def _x(value: float, left: float, width: float) -> float:
    return round(left + max(0.0, min(1.0, value)) * width, 2)


def bullet(
    ratio: float | None,
    goal: float | None,
    status: str,
    *,
    title: str,
    width: int = 240,
    height: int = 22,
) -> Markup:
    """A bullet chart: the share meeting a target (bar, coloured by status) against the
    level needed (black tick) on a 0-100% track. ``title`` is the accessible name."""
    pad = 1.0
    inner = width - 2 * pad
    parts = [
        f'<svg class="bullet" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{pad}" y="3" width="{inner}" height="{height - 6}" fill="{TRACK}" rx="2"/>',
    ]
    if goal is not None:
        parts.append(
            f'<rect x="{pad}" y="3" width="{_x(goal, 0, inner)}" height="{height - 6}" '
            f'fill="{ZONE}" rx="2"/>'
        )
    if ratio is not None:
        parts.append(
            f'<rect class="bar" x="{pad}" y="7" width="{_x(ratio, 0, inner)}" '
            f'height="{height - 14}" fill="{COLORS.get(status, INK)}"/>'
        )
    if goal is not None:
        gx = _x(goal, pad, inner)
        parts.append(
            f'<rect class="goal" x="{max(pad, gx - 1.5)}" y="1" width="3" height="{height - 2}" '
            f'fill="{INK}"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def trend(
    days: Sequence[dt.date],
    ratios: Sequence[float | None],
    goals: Sequence[float | None],
    statuses: Sequence[str],
    *,
    title: str,
    lang: str = "vi",
    width: int = 320,
    height: int = 160,
) -> Markup:
    """A line chart of a target's share over several days (solid, points coloured by
    status) against the level needed (dashed), with dd/mm/yyyy day labels."""
    left, right, top, bottom = 38.0, 12.0, 10.0, 30.0
    w, h = width - left - right, height - top - bottom
    first, last = min(days), max(days)
    span = max(1, (last - first).days)

    def px(day: dt.date) -> float:
        return round(left + (day - first).days / span * w, 2) if len(days) > 1 else left + w / 2

    def py(value: float) -> float:
        return round(top + (1 - max(0.0, min(1.0, value))) * h, 2)

    parts = [
        f'<svg class="trend" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for v in (0.0, 0.5, 1.0):
        y = py(v)
        parts.append(
            f'<line x1="{left}" y1="{y}" x2="{left + w}" y2="{y}" stroke="{TRACK}" '
            f'stroke-width="1"/>'
            f'<text x="{left - 4}" y="{y + 3}" font-size="9" text-anchor="end" '
            f'fill="#555">{escape(fmt_pct(v, lang))}</text>'
        )
    goal_pts = [(px(d), py(g)) for d, g in zip(days, goals, strict=True) if g is not None]
    if goal_pts:
        pts = " ".join(f"{x},{y}" for x, y in goal_pts)
        parts.append(
            f'<polyline class="goal" points="{pts}" fill="none" stroke="{INK}" '
            f'stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
    pts_list = [(px(d), py(r)) for d, r in zip(days, ratios, strict=True) if r is not None]
    if len(pts_list) > 1:
        pts = " ".join(f"{x},{y}" for x, y in pts_list)
        parts.append(
            f'<polyline class="ratio" points="{pts}" fill="none" stroke="#1565c0" '
            f'stroke-width="2"/>'
        )
    for d, r, s in zip(days, ratios, statuses, strict=True):
        if r is None:
            continue
        parts.append(
            f'<circle cx="{px(d)}" cy="{py(r)}" r="3.5" fill="{COLORS.get(s, INK)}" '
            f'data-status="{escape(s)}"><title>{escape(fmt_date(d))}: '
            f"{escape(fmt_pct(r, lang))}</title></circle>"
        )
    shown: list[dt.date] = []
    for d in sorted(days):  # keep labels ~62 px apart; the last day always shows
        if shown and px(d) - px(shown[-1]) < 62:
            if d == last:
                shown[-1] = d
            continue
        shown.append(d)
    if len(shown) > 1 and px(shown[-1]) - px(shown[-2]) < 62:
        shown.pop(-2)
    for d in shown:
        anchor = "middle"
        if len(days) > 1 and d == first:
            anchor = "start"
        elif len(days) > 1 and d == last:
            anchor = "end"
        parts.append(
            f'<text x="{px(d)}" y="{height - 10}" font-size="9" text-anchor="{anchor}" '
            f'fill="#555">{escape(fmt_date(d))}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def sparkline(
    shares: Sequence[float | None], *, title: str, width: int = 110, height: int = 22
) -> Markup:
    """A small line of a commune's share of targets met over several days, equally
    spaced, on a faint 0-100% band; the last point is marked. ``title`` is the
    accessible name. Days with no applicable target leave a gap."""
    pad = 3.0
    n = len(shares)
    step = (width - 2 * pad) / max(1, n - 1)

    def py(value: float) -> float:
        return round(pad + (1 - max(0.0, min(1.0, value))) * (height - 2 * pad), 2)

    pts = [(round(pad + i * step, 2), py(v)) for i, v in enumerate(shares) if v is not None]
    parts = [
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="{pad}" width="{width}" height="{height - 2 * pad}" fill="{TRACK}"/>',
    ]
    if len(pts) > 1:
        line = " ".join(f"{x},{y}" for x, y in pts)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#1565c0" stroke-width="1.6"/>')
    if pts:
        x, y = pts[-1]
        parts.append(f'<circle cx="{x}" cy="{y}" r="2.5" fill="{INK}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))
