"""Plan output: a terminal table (plain lines when piped), an xlsx workbook (xlsxwriter)
and a self-contained HTML document to sign (escaped text, names and posts on every line,
an inline SVG bar chart of the yearly cost, a signature block, A4 landscape in print and
cards on a phone). Every word comes from the label table."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from rich.console import Console

from cadre_core.engine._results import STATUSES
from cadre_core.planner._content import (
    Table,
    cell_kind,
    communes_of,
    line_keys,
    line_rows,
    money,
    need_text,
    plan_content,
    plan_place,
)
from cadre_core.planner._page import PLAN_CSS, PLAN_TEMPLATE
from cadre_core.vocab._files import replacing, write_atomic
from cadre_core.vocab._html import ADMIN_LABELS, template
from cadre_core.vocab._labels import check_lang, fmt_date, fmt_decimal, label
from cadre_core.vocab._tables import show_table

if TYPE_CHECKING:
    from cadre_core.planner._result import Plan, ProvinceBudget
    from cadre_core.plugins._sections import ReportSection

#: status -> its Vietnamese name from the label table, in lower case (it reads in a sentence)
STATUS_VI = {status: label(status, "vi").lower() for status in STATUSES}
#: need kind -> its Vietnamese name from the label table
KIND_VI = {
    kind: label(f"need_{kind}", "vi") for kind in ("recruit", "appoint", "purchase", "infeasible")
}


#: The label keys of the columns of the targets' projection (workbook; the terminal table
#: leaves out the status without the plan).
PROJECTION_COLUMNS = (
    "col_commune",
    "col_id",
    "col_target",
    "col_deadline",
    "col_population",
    "col_required",
    "plan_col_before",
    "plan_col_after",
    "plan_col_status_before",
    "plan_col_status_after",
)


def _province_budget_table(b: ProvinceBudget, lang: str, console: Console | None) -> None:
    """The province-wide budget: what the plan spends, its shortfall and its gap."""
    keys = ("budget", "spend", "fits", "shortfall", "bound", "gap", "method", "price", "iterations")
    row: list[object] = [money(b.budget), money(max((c for _, c in b.spend), default=0))]
    row += [label("yes" if b.fits else "no", lang), b.shortfall, b.lower_bound, b.gap]
    row += [label(f"plan_pb_method_{b.method}", lang)]
    row += [money(round(1 / b.price)) if b.price > 0 else "–", b.iterations]
    heads = [label(f"plan_pb_{k}", lang) for k in keys]
    show_table(label("plan_province_budget", lang), heads, [row], console=console)


def print_table(plan: Plan, lang: str = "vi", console: Console | None = None) -> None:
    """Print the plan lines (names, posts), the yearly totals, the targets at their
    deadlines and the needs: rich tables on a terminal, plain tab-separated lines
    otherwise (one plan line per line, never wrapped)."""
    check_lang(lang)
    many = len(communes_of(plan)) > 1
    subtitle = label("plan_subtitle", lang).format(
        communes=", ".join(communes_of(plan)), day=fmt_date(plan.as_of)
    )
    show_table(
        f"{label('plan_title', lang)}: {subtitle}",
        [label(k, lang) for k in line_keys(many)],
        line_rows(plan, lang, many),
        console=console,
    )
    out = console if console is not None else Console(highlight=False)
    out.print()
    show_table(
        label("plan_totals", lang),
        [
            label(k, lang)
            for k in ("col_commune", "plan_col_year", "plan_col_starts", "plan_col_long")
        ]
        + [label("plan_col_cost", lang)],
        [[t.commune, t.year, t.starts, t.long_starts, money(t.cost)] for t in plan.totals],
        console=console,
    )
    out.print()
    if plan.province_budget is not None:
        _province_budget_table(plan.province_budget, lang, console)
        out.print()
    show_table(
        label("plan_projections", lang),
        [
            label(k, lang)
            for k in PROJECTION_COLUMNS
            if k != "plan_col_status_before"  # the terminal shows the status with the plan
        ],
        [
            [
                p.commune,
                p.target_id,
                p.title.get(lang),
                fmt_date(p.deadline),
                p.population,
                p.required,
                p.satisfied_before,
                p.satisfied_after,
                label(p.status_after, lang),
            ]
            for p in plan.projections
        ],
        console=console,
    )
    if plan.needs:
        out.print()
        show_table(
            label("plan_needs", lang),
            [label(k, lang) for k in ("col_commune", "col_id", "plan_col_kind", "plan_col_count")]
            + [label("plan_col_reason", lang)],
            [
                [
                    n.commune,
                    n.target_id,
                    label(f"need_{n.kind}", lang),
                    n.count,
                    need_text(n, lang),
                ]
                for n in plan.needs
            ],
            console=console,
        )


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
    """Fill and close the plan workbook ``wb`` (see :func:`write_xlsx`): each sheet has the
    plan's title and commune above its table and prints on A4 landscape, one page wide, the
    table's header repeated on every page."""
    from cadre_core.vocab._print import row_height, set_row_heights, setup_print, write_sections

    bold = wb.add_format(
        {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"}
    )
    # cells with borders (no gridlines on paper), text at the top of a row, text wrapped
    cell = {"border": 1, "border_color": "#B0BEC5", "valign": "top"}
    plain = wb.add_format(cell)
    money = wb.add_format({**cell, "num_format": "#,##0"})
    date = wb.add_format({**cell, "num_format": "dd/mm/yyyy"})
    wrap = wb.add_format({**cell, "text_wrap": True})
    f_title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#1F4E79"})
    f_sub = wb.add_format({"italic": True, "font_color": "#455A64"})
    title = f"{label('plan_title_to', 'vi').format(horizon=plan.horizon)} — {plan_place(plan)}"
    as_of = f"{label('as_of', 'vi')} {plan.as_of:%d/%m/%Y}"
    top = 3  # the title, its sub-title and a blank row above each table

    def sheet(
        name: str, headers: list[str], rows: list[list[object]], widths: list[int], key: str
    ) -> None:
        ws = wb.add_worksheet(name)
        ws.write_string(0, 0, title, f_title)
        ws.write_string(1, 0, f"{label(key, 'vi')} — {as_of}", f_sub)
        for j, (h, w) in enumerate(zip(headers, widths, strict=True)):
            ws.write(top, j, h, bold)
            ws.set_column(j, j, w)
        ws.set_row(top, row_height(headers, widths, font_pt=11))
        for i, row in enumerate(rows, start=top + 1):
            for j, v in enumerate(row):
                if (
                    isinstance(v, int)
                    and not isinstance(v, bool)
                    and headers[j] == label("plan_col_cost", "vi")
                ):
                    ws.write_number(i, j, v, money)
                elif isinstance(v, dt.date):
                    ws.write_datetime(i, j, dt.datetime.combine(v, dt.time()), date)
                elif isinstance(v, str):
                    ws.write_string(i, j, v, wrap)  # never a formula
                else:
                    ws.write(i, j, v, plain)
        if rows:
            texts = [[v if isinstance(v, str) else "" for v in c] for c in zip(*rows, strict=True)]
            set_row_heights(ws, top + 1, texts, widths, font_pt=11)  # Calibri 11
        ws.freeze_panes(top + 1, 0)
        if rows:
            ws.autofilter(top, 0, top + len(rows), len(headers) - 1)
        setup_print(ws, title=title, header_row=top, detail=as_of)

    years_sheet = label("plan_sheet_totals", "vi")
    sheet(
        label("plan_sheet_lines", "vi"),
        [
            label(k)
            for k in (
                "col_commune",
                "plan_col_year",
                "plan_col_from",
                "plan_col_to",
                "plan_col_id",
                "plan_col_name",
                "plan_col_post",
                "plan_col_agency",
                "plan_col_programme",
                "plan_col_targets",
                "plan_col_body",
                "plan_col_cost",
                "plan_col_succession",
            )
        ],
        [
            [
                x.commune,
                x.year,
                x.start_date,
                x.end_date,
                x.cadre_id,
                x.name,
                x.post,
                x.agency,
                x.programme_name.vi,
                ", ".join(x.targets_served),
                x.body,
                x.cost,
                "x" if x.succession else "",
            ]
            for x in plan.lines
        ],
        [18, 6, 11, 11, 10, 22, 30, 26, 40, 18, 22, 14, 9],
        "plan_lines",
    )
    sheet(
        years_sheet,
        [
            label(k, "vi")
            for k in (
                "col_commune",
                "plan_col_year",
                "plan_col_starts",
                "plan_col_long",
                "plan_col_cost",
            )
        ],
        [[t.commune, t.year, t.starts, t.long_starts, t.cost] for t in plan.totals],
        [18, 6, 14, 14, 16],
        "plan_totals",
    )
    if plan.totals:
        chart = wb.add_chart({"type": "column"})
        n = len(plan.totals)
        chart.add_series(
            {
                "name": label("plan_col_cost", "vi"),
                "categories": [years_sheet, top + 1, 1, top + n, 1],
                "values": [years_sheet, top + 1, 4, top + n, 4],
            }
        )
        chart.set_title({"name": label("plan_col_cost", "vi")})
        chart.set_legend({"none": True})
        sheet_y = wb.get_worksheet_by_name(years_sheet)
        if sheet_y is not None:
            sheet_y.insert_chart(top, 6, chart)
    sheet(
        label("plan_sheet_projections", "vi"),
        [label(k, "vi") for k in PROJECTION_COLUMNS],
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
        "plan_projections",
    )
    sheet(
        label("plan_sheet_needs", "vi"),
        [
            label(k, "vi")
            for k in ("col_commune", "col_id", "plan_col_kind", "plan_col_count", "plan_col_reason")
        ],
        [[n.commune, n.target_id, KIND_VI[n.kind], n.count, n.reason_vi] for n in plan.needs],
        [18, 10, 18, 9, 100],
        "plan_needs",
    )
    inputs = plan_content(plan, "vi").inputs
    if inputs:  # what the reader set aside, did not read and noted
        ws = wb.add_worksheet(label("plan_sheet_inputs", "vi"))
        for j, w in enumerate((14, 24, 18, 8, 24, 30, 60)):
            ws.set_column(j, j, w)
        ws.write_string(0, 0, title, f_title)
        ws.write_string(1, 0, as_of, f_sub)
        write_sections(ws, top, inputs, (f_title, f_sub, bold, wrap))
        setup_print(ws, title=title, header_row=top, detail=as_of)
    wb.close()


def _millions(value: int, lang: str) -> str:
    """VND in millions, to one decimal (``233.500.000`` is ``233,5`` in Vietnamese)."""
    return fmt_decimal((Decimal(value) / 1_000_000).quantize(Decimal("0.1")), lang)


def _bars(items: list[tuple[str, int]], lang: str) -> dict[str, Any] | None:
    """The geometry of a simple bar chart of ``items`` (label, VND), each bar's amount in
    millions (one decimal, a decimal comma in Vietnamese); ``None`` without items. Drawn
    as inline SVG by :data:`PLAN_TEMPLATE`, so it shrinks to a narrow screen."""
    if not items:
        return None
    width, height, pad = 60 * len(items) + 40, 220, 30
    top = max(v for _, v in items) or 1
    bars = []
    for i, (name, value) in enumerate(items):
        h = int((height - 2 * pad) * value / top)
        x = 30 + i * 60
        y = height - pad - h
        bars.append(
            {"x": x, "y": y, "h": h, "mid": x + 20, "name": name, "amount": _millions(value, lang)}
        )
    return {"width": width, "height": height, "base": height - 10, "bars": bars}


_PLAN = template(PLAN_TEMPLATE)

#: the label keys of the words the plan's template says as they are
_PLAN_WORDS = (
    *ADMIN_LABELS,
    "plan_title",
    "plan_heading",
    "plan_lines",
    "plan_succession_note",
    "plan_totals",
    "plan_cost_chart",
    "plan_projections",
    "plan_needs",
    "plan_needs_none",
    "plan_assumptions",
)


def _table(t: Table) -> dict[str, Any]:
    """A table of :data:`PLAN_TEMPLATE`: each cell with its column's name and its class
    (numbers right-aligned); its total row's cells with the columns each spans."""
    return {
        "head": t.head,
        "rows": [[(h, v, _cls(v)) for h, v in zip(t.head, row, strict=True)] for row in t.rows],
        "foot": None if t.foot is None else [(v, span, _cls(v)) for v, span in t.foot],
    }


def _section_table(section: ReportSection) -> dict[str, Any]:
    """A listing (what the reader set aside, did not read or noted) as a table of
    :data:`PLAN_TEMPLATE`, every cell text."""
    head, rows = section.texts()
    return {"head": head, "rows": [[(h, v, _cls(v)) for h, v in zip(head, r, strict=True)]
                                   for r in rows], "foot": None}  # fmt: skip


def _cls(value: object) -> Markup:
    """The class of a cell (:func:`~cadre_core.planner._content.cell_kind`): ``n`` for a
    number or an amount, ``d`` for a month or a day."""
    kind = cell_kind(value)
    return Markup(f' class="{kind}"' if kind else "")


def render_html(plan: Plan, lang: str = "vi") -> str:
    """The plan as one self-contained HTML document to sign (:data:`PLAN_TEMPLATE`):
    heading with the commune(s) and the as-of day, the lines by year (names, posts,
    agencies), yearly totals, every target at its deadline, the needs with their reasons
    and names, the assumptions and the signature block; A4 landscape in print, cards on a
    phone. What it says is :func:`~cadre_core.planner._content.plan_content`'s.

    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"])
    >>> "<h1>KẾ HOẠCH ĐÀO TẠO, BỒI DƯỠNG" in render_html(p)
    True
    """
    c = plan_content(plan, lang)
    return _PLAN.render(
        lang=lang,
        L={key: label(key, lang) for key in _PLAN_WORDS},
        css=Markup(PLAN_CSS),
        communes=", ".join(c.communes),
        subtitle=c.subtitle,
        period=c.period,
        summary=c.summary,
        years=[{"title": y.title, "table": _table(y.table)} for y in c.years],
        totals=_table(c.totals),
        chart=_bars([(str(y), v) for y, v in c.costs], lang),
        projections=_table(c.projections),
        needs=c.needs,
        assumptions=list(c.assumptions),
        inputs=[{"title": s.title, "note": s.note, "table": _section_table(s)} for s in c.inputs],
    )


def write_html(plan: Plan, path: str | Path, lang: str = "vi") -> Path:
    """Write :func:`render_html` to ``path``.

    >>> import tempfile, pathlib
    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"])
    >>> write_html(p, pathlib.Path(tempfile.mkdtemp()) / "ke-hoach.html").name
    'ke-hoach.html'
    """
    out = Path(path)
    write_atomic(out, render_html(plan, lang))
    return out


def write_pdf(plan: Plan, path: str | Path, lang: str = "vi") -> Path:
    """Write the plan as a PDF to sign: :func:`render_html` laid out by WeasyPrint (A4
    landscape, table headers repeated, rows never split, page numbers), whole or not at all.
    Raises :class:`~cadre_core.vocab._pdf.PdfUnavailable` when the system lacks Pango.

    >>> import tempfile, pathlib
    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"])
    >>> write_pdf(p, pathlib.Path(tempfile.mkdtemp()) / "ke-hoach.pdf").read_bytes()[:4]
    b'%PDF'
    """
    from cadre_core.vocab._pdf import write_pdf_atomic

    return write_pdf_atomic(path, render_html(plan, lang))
