"""Plan output: a terminal table, an xlsx workbook (xlsxwriter) and a self-contained HTML
page (escaped text, inline SVG bar chart of the yearly cost)."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cadre_core.engine._pipeline import STATUSES
from cadre_core.vocab._files import replacing, write_atomic
from cadre_core.vocab._labels import label

if TYPE_CHECKING:
    from cadre_core.planner._result import Plan

#: status -> its Vietnamese name from the label table, in lower case (it reads in a sentence)
STATUS_VI = {status: label(status, "vi").lower() for status in STATUSES}
#: need kind -> its Vietnamese name from the label table
KIND_VI = {
    kind: label(f"need_{kind}", "vi") for kind in ("recruit", "appoint", "purchase", "infeasible")
}


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def print_table(plan: Plan, lang: str = "vi") -> None:
    """Print the plan, totals, projected statuses and needs with rich."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    en = lang == "en"
    console = Console(highlight=False)
    t = Table(title="Training plan" if en else "Kế hoạch đào tạo, bồi dưỡng", header_style="bold")
    cols: tuple[tuple[str, str], ...] = (
        ("year", "năm"),
        ("cadre", "cán bộ"),
        ("programme", "chương trình"),
        ("from", "từ"),
        ("to", "đến"),
        ("targets", "chỉ tiêu"),
        ("body", "cơ quan"),
        ("cost", "kinh phí"),
    )
    for pair in cols:
        t.add_column(pair[0] if en else pair[1], overflow="fold")
    for x in plan.lines:
        t.add_row(
            str(x.year),
            x.cadre_id + (" *" if x.succession else ""),
            x.programme_name.get(lang),
            f"{x.start_date:%m/%Y}",
            f"{x.end_date:%m/%Y}",
            ", ".join(x.targets_served),
            x.body,
            _money(x.cost),
        )
    console.print(t)
    y = Table(title="Yearly totals" if en else "Tổng hợp theo năm", header_style="bold")
    for col in (
        "commune" if en else "xã",
        "year" if en else "năm",
        "starts" if en else "lượt",
        "cost" if en else "kinh phí",
    ):
        y.add_column(col)
    for tot in plan.totals:
        y.add_row(tot.commune, str(tot.year), str(tot.starts), _money(tot.cost))
    console.print(y)
    s = Table(
        title="Targets at their deadlines" if en else "Chỉ tiêu tại thời hạn", header_style="bold"
    )
    for col in (
        "id",
        "deadline" if en else "thời hạn",
        "n",
        "req.",
        "before" if en else "chưa KH",
        "after" if en else "có KH",
        "status" if en else "trạng thái",
    ):
        s.add_column(col)
    for p in plan.projections:
        status = p.status_after if en else STATUS_VI[p.status_after]
        style = {"met": "green", "not_met": "red"}.get(p.status_after, "dim")
        s.add_row(
            p.target_id,
            f"{p.deadline:%d/%m/%Y}",
            str(p.population),
            str(p.required),
            str(p.satisfied_before),
            str(p.satisfied_after),
            f"[{style}]{status}[/]",
        )
    console.print(s)
    if plan.needs:
        console.print(
            "[bold]"
            + ("Needs training cannot meet" if en else "Nhu cầu đào tạo không đáp ứng được")
            + "[/]"
        )
        for n in plan.needs:
            text = n.reason_en if en else n.reason_vi
            console.print(escape(f"- [{n.kind if en else KIND_VI[n.kind]}] {text}"))


def write_xlsx(plan: Plan, path: str | Path) -> Path:
    """Write the plan workbook: plan, yearly totals (with a chart), projection, needs.

    >>> import tempfile, pathlib
    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"])
    >>> write_xlsx(p, pathlib.Path(tempfile.mkdtemp()) / "ke-hoach.xlsx").name
    'ke-hoach.xlsx'
    """
    import xlsxwriter

    out = Path(path)
    with replacing(out) as tmp:
        _plan_workbook(plan, xlsxwriter.Workbook(str(tmp), {"in_memory": True}))
    return out


def _plan_workbook(plan: Plan, wb: Any) -> None:
    """Fill and close the plan workbook ``wb`` (see :func:`write_xlsx`)."""
    bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    money = wb.add_format({"num_format": "#,##0"})
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})

    def sheet(name: str, headers: list[str], rows: list[list[object]], widths: list[int]) -> None:
        ws = wb.add_worksheet(name)
        for j, (h, w) in enumerate(zip(headers, widths, strict=True)):
            ws.write(0, j, h, bold)
            ws.set_column(j, j, w)
        for i, row in enumerate(rows, start=1):
            for j, v in enumerate(row):
                if (
                    isinstance(v, int)
                    and not isinstance(v, bool)
                    and headers[j] in ("Kinh phí (đồng)", "Kinh phí")
                ):
                    ws.write_number(i, j, v, money)
                elif isinstance(v, dt.date):
                    ws.write_datetime(i, j, dt.datetime.combine(v, dt.time()), date)
                elif isinstance(v, str) and len(v) > 60:
                    ws.write_string(i, j, v, wrap)
                else:
                    ws.write(i, j, v)
        ws.freeze_panes(1, 0)
        if rows:
            ws.autofilter(0, 0, len(rows), len(headers) - 1)

    sheet(
        "Kế hoạch",
        [
            "Xã",
            "Năm",
            "Từ ngày",
            "Đến ngày",
            "Mã cán bộ",
            "Chương trình",
            "Chỉ tiêu phục vụ",
            "Cơ quan thực hiện",
            "Kinh phí (đồng)",
            "Quy hoạch",
        ],
        [
            [
                x.commune,
                x.year,
                x.start_date,
                x.end_date,
                x.cadre_id,
                x.programme_name.vi,
                ", ".join(x.targets_served),
                x.body,
                x.cost,
                "x" if x.succession else "",
            ]
            for x in plan.lines
        ],
        [18, 6, 11, 11, 10, 40, 18, 22, 14, 9],
    )
    sheet(
        "Tổng hợp năm",
        ["Xã", "Năm", "Lượt cử đi học", "Trong đó dài hạn", "Kinh phí"],
        [[t.commune, t.year, t.starts, t.long_starts, t.cost] for t in plan.totals],
        [18, 6, 14, 14, 16],
    )
    if plan.totals:
        chart = wb.add_chart({"type": "column"})
        n = len(plan.totals)
        chart.add_series(
            {
                "name": "Kinh phí",
                "categories": ["Tổng hợp năm", 1, 1, n, 1],
                "values": ["Tổng hợp năm", 1, 4, n, 4],
            }
        )
        chart.set_title({"name": "Kinh phí đào tạo theo năm"})
        chart.set_legend({"none": True})
        sheet_y = wb.get_worksheet_by_name("Tổng hợp năm")
        if sheet_y is not None:
            sheet_y.insert_chart("G2", chart)
    sheet(
        "Chỉ tiêu tại thời hạn",
        [
            "Xã",
            "Chỉ tiêu",
            "Tên",
            "Thời hạn",
            "Số người/đơn vị",
            "Yêu cầu",
            "Chưa có KH",
            "Có KH",
            "Trạng thái chưa có KH",
            "Trạng thái có KH",
        ],
        [
            [
                p.commune,
                p.target_id,
                p.title.vi,
                p.deadline,
                p.population,
                p.required,
                p.satisfied_before,
                p.satisfied_after,
                STATUS_VI[p.status_before],
                STATUS_VI[p.status_after],
            ]
            for p in plan.projections
        ],
        [18, 10, 40, 11, 10, 9, 10, 8, 14, 14],
    )
    sheet(
        "Nhu cầu khác",
        ["Xã", "Chỉ tiêu", "Loại", "Số lượng", "Nội dung"],
        [[n.commune, n.target_id, KIND_VI[n.kind], n.count, n.reason_vi] for n in plan.needs],
        [18, 10, 18, 9, 100],
    )
    wb.close()


def _svg_bars(items: list[tuple[str, int]]) -> str:
    """A simple inline SVG bar chart (labels escaped)."""
    if not items:
        return ""
    width, height, pad = 60 * len(items) + 40, 220, 30
    top = max(v for _, v in items) or 1
    bars = []
    for i, (name, value) in enumerate(items):
        h = int((height - 2 * pad) * value / top)
        x = 30 + i * 60
        y = height - pad - h
        bars.append(
            f'<rect x="{x}" y="{y}" width="40" height="{h}" fill="#4472C4"/>'
            f'<text x="{x + 20}" y="{height - 10}" text-anchor="middle" font-size="12">'
            f"{html.escape(name)}</text>"
            f'<text x="{x + 20}" y="{y - 4}" text-anchor="middle" font-size="10">'
            f"{value / 1e6:.1f}</text>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="Kinh phí theo năm (triệu đồng)">{"".join(bars)}</svg>'
    )


def render_html(plan: Plan) -> str:
    """The plan as one self-contained HTML page (Vietnamese)."""
    e = html.escape

    def table(headers: list[str], rows: list[list[object]]) -> str:
        head = "".join(f"<th>{e(h)}</th>" for h in headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>" for row in rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    years: dict[int, int] = {}
    for t in plan.totals:
        years[t.year] = years.get(t.year, 0) + t.cost
    parts = [
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>",
        "<title>Kế hoạch đào tạo, bồi dưỡng</title><style>body{font-family:sans-serif;"
        "margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;"
        "padding:3px 6px;font-size:13px}th{background:#DDEBF7}</style></head><body>",
        f"<h1>Kế hoạch đào tạo, bồi dưỡng đến năm {plan.horizon}</h1>",
        f"<p>Tính từ ngày {plan.as_of:%d/%m/%Y}; tổng kinh phí {e(_money(plan.total_cost))} "
        f"đồng; {len(plan.lines)} lượt cử đi học.</p>",
        "<h2>Kinh phí theo năm (triệu đồng)</h2>",
        _svg_bars([(str(y), v) for y, v in sorted(years.items())]),
        "<h2>Danh sách cử đi đào tạo, bồi dưỡng</h2>",
        table(
            ["Năm", "Mã cán bộ", "Chương trình", "Từ", "Đến", "Chỉ tiêu", "Cơ quan", "Kinh phí"],
            [
                [
                    x.year,
                    x.cadre_id,
                    x.programme_name.vi,
                    f"{x.start_date:%d/%m/%Y}",
                    f"{x.end_date:%d/%m/%Y}",
                    ", ".join(x.targets_served),
                    x.body,
                    _money(x.cost),
                ]
                for x in plan.lines
            ],
        ),
        "<h2>Chỉ tiêu tại thời hạn</h2>",
        table(
            ["Xã", "Chỉ tiêu", "Thời hạn", "Yêu cầu", "Chưa có KH", "Có KH", "Trạng thái"],
            [
                [
                    p.commune,
                    f"{p.target_id} {p.title.vi}",
                    f"{p.deadline:%d/%m/%Y}",
                    p.required,
                    p.satisfied_before,
                    p.satisfied_after,
                    STATUS_VI[p.status_after],
                ]
                for p in plan.projections
            ],
        ),
        "<h2>Nhu cầu đào tạo không đáp ứng được</h2>",
        "<ul>"
        + "".join(f"<li><b>{e(KIND_VI[n.kind])}</b>: {e(n.reason_vi)}</li>" for n in plan.needs)
        + "</ul>",
        "<h2>Giả định</h2><ul>"
        + "".join(f"<li>{e(a.vi)}</li>" for a in plan.assumptions)
        + "</ul></body></html>",
    ]
    return "\n".join(parts)


def write_html(plan: Plan, path: str | Path) -> Path:
    """Write :func:`render_html` to ``path``.

    >>> import tempfile, pathlib
    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"])
    >>> write_html(p, pathlib.Path(tempfile.mkdtemp()) / "ke-hoach.html").name
    'ke-hoach.html'
    """
    out = Path(path)
    write_atomic(out, render_html(plan))
    return out
