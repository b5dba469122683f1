"""The Excel report, written with xlsxwriter (native data bars, conditional formats, charts).

One function per sheet (summary, one per target, members, findings, heat map, trends,
about, plugin sections), all writing through :class:`~cadre_core.reports._xlsx_book.Book`,
whose typed writers keep every text cell inert (no formula injection).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from xlsxwriter.worksheet import Worksheet

from cadre_core.plugins._sections import ReportSection
from cadre_core.reports._audit import xlsx_sheet
from cadre_core.reports._data import (
    STATUS_SYMBOLS,
    ReportData,
    commune_totals,
    province_name,
    records,
    status_cells,
)
from cadre_core.reports._xlsx_book import Book, unique_sheet_name
from cadre_core.targets._params import jsonable
from cadre_core.vocab._files import replacing
from cadre_core.vocab._labels import fmt_date

_SEVERITY = {"error", "warning", "info"}


def _subtitle(data: ReportData) -> list[str]:
    ev = data.evaluation
    plugins = ", ".join(f"{p.name} {p.version}" for p in ev.plugins)
    return [
        f"{data.label('as_of')}: {fmt_date(ev.as_of)}",
        f"{data.label('communes_in_report')}: {', '.join(data.communes)}",
        f"{data.label('generated_by')}: cadre_core ({plugins})",
    ]


# ---------------------------------------------------------------------- sheets


def _summary(book: Book, data: ReportData, target_sheets: dict[str, str]) -> None:
    ws = book.add_sheet(data.label("sheet_summary"), tab_color="#1F4E79")
    multi = data.multi
    cols: list[tuple[str, float]] = [("col_commune", 18)] if multi else []
    cols += [
        ("col_id", 10),
        ("col_target", 42),
        ("col_unit", 13),
        ("col_population", 10),
        ("col_satisfied", 9),
        ("col_ratio", 10),
        ("col_rule", 11),
        ("col_goal", 10),
        ("col_required", 10),
        ("col_shortfall", 10),
        ("col_progress", 14),
        ("col_status", 14),
        ("col_deadline", 12),
        ("col_overdue", 9),
        ("col_body", 26),
        ("col_source", 48),
    ]
    start = book.title_block(
        ws,
        f"{data.label('report_title')} — {', '.join(data.communes)}",
        _subtitle(data),
    )
    book.table_header(ws, start, cols)
    keys = [k for k, _ in cols]
    s = data.summary
    for i, r in enumerate(records(s)):
        row = start + 1 + i
        values: dict[str, tuple[Any, Any]] = {
            "col_commune": (r.commune, book.f_text),
            "col_id": (r.id, book.f_link),
            "col_target": (r.title, book.f_text),
            "col_unit": (r.unit, book.f_text),
            "col_population": (r.population, book.f_int),
            "col_satisfied": (r.satisfied, book.f_int),
            "col_ratio": (r.ratio, book.f_pct),
            "col_rule": (r.rule, book.f_center),
            "col_goal": (r.goal, book.f_pct),
            "col_required": (r.required, book.f_int),
            "col_shortfall": (r.shortfall, book.f_int),
            "col_progress": (r.progress, book.f_pct),
            "col_status": (r.status_label, book.f_center),
            "col_deadline": (r.deadline, book.f_date),
            "col_overdue": (bool(r.overdue), book.f_center),
            "col_body": (r.body, book.f_text),
            "col_source": (r.source, book.f_text),
        }
        for c, key in enumerate(keys):
            value, fmt = values[key]
            if key == "col_id" and r.id in target_sheets:
                ws.write_url(row, c, f"internal:'{target_sheets[r.id]}'!A1", fmt, string=str(r.id))
            else:
                book.write(ws, row, c, value, fmt)
    first, last = start + 1, start + max(1, len(s))
    book.data_bar(ws, first, last, keys.index("col_progress"), "#63BE7B")
    st = keys.index("col_status")
    book.status_conditions(ws, first, last, st, st)
    sf = keys.index("col_shortfall")
    ws.conditional_format(
        first, sf, last, sf, {"type": "cell", "criteria": ">", "value": 0, "format": book.f_red}
    )
    od = keys.index("col_overdue")
    ws.conditional_format(
        first,
        od,
        last,
        od,
        {
            "type": "cell",
            "criteria": "==",
            "value": json.dumps(data.label("yes"), ensure_ascii=False),
            "format": book.cond_fmt["not_met"],
        },
    )
    ws.freeze_panes(start + 1, keys.index("col_target") + 1)
    ws.autofilter(start, 0, last, len(cols) - 1)
    book.page_setup(ws, start, data.label("report_title"))
    ws.activate()


def _target_sheet(book: Book, data: ReportData, target_id: str, name: str) -> None:
    ws = book.add_sheet(name)
    ev = data.evaluation
    results = [(c.commune, c.target(target_id)) for c in ev.communes]
    first_result = results[0][1]
    rows = data.failing[data.failing["target_id"] == target_id]
    summary = data.summary[data.summary["id"] == target_id]
    lang = data.lang
    ws.write_string(0, 0, f"{target_id} — {first_result.title.get(lang)}", book.f_title)
    line = 1
    for (commune, r), s in zip(results, records(summary), strict=True):
        text = data.label("line_status").format(
            status=s.status_label,
            satisfied=r.satisfied,
            population=r.population,
            ratio=_pct_text(s.ratio, lang),
            rule=s.rule,
            required=r.required,
            shortfall=r.shortfall,
            deadline=fmt_date(r.deadline),
        )
        if r.overdue:
            text += f" ({data.label('overdue')})"
        prefix = f"{commune}: " if data.multi else ""
        ws.write_string(line, 0, prefix + text, book.status_fmt[r.status])
        line += 1
        ws.write_string(line, 0, f"{data.label('col_body')}: {s.body}", book.f_bold)
        line += 1
    ws.write_string(
        line,
        0,
        f"{data.label('population_text')}: {first_result.population_text.get(lang)}",
        book.f_sub,
    )
    ws.write_string(
        line + 1,
        0,
        f"{data.label('requirement')}: {first_result.requirement.get(lang)}",
        book.f_sub,
    )
    ws.write_string(line + 2, 0, f"{data.label('col_source')}: {first_result.source}", book.f_sub)
    start = line + 4
    if first_result.rule.op == "any":
        ws.write_string(
            start,
            0,
            data.label("any_note").format(requirement=first_result.requirement.get(lang)),
            book.f_note,
        )
        rows = rows.iloc[0:0]
        start += 2
    elif len(rows) and (rows["target_status"] == "met").all():
        ws.write_string(start, 0, data.label("met_but_some"), book.f_note)
        start += 1
    _member_table(book, data, ws, start, rows, role_width=38, explanation_width=60)
    book.page_setup(ws, start, f"{target_id} — {first_result.title.get(lang)}")


def _member_table(
    book: Book,
    data: ReportData,
    ws: Worksheet,
    start: int,
    frame: pd.DataFrame,
    *,
    role_width: float,
    explanation_width: float,
) -> None:
    """A filtered table of members (who, role, why, which body) starting at row ``start``."""
    cols: list[tuple[str, float]] = [("col_no", 6)]
    if data.multi:
        cols.append(("col_commune", 18))
    cols += [
        ("col_member_id", 12),
        ("col_member", 26),
        ("col_role", role_width),
        ("col_explanation", explanation_width),
        ("col_body", 26),
    ]
    book.table_header(ws, start, cols)
    keys = [k for k, _ in cols]
    if frame.empty:
        ws.write_string(start + 1, 0, data.label("none_failing"), book.f_note)
    for i, m in enumerate(records(frame)):
        values = {
            "col_no": i + 1,
            "col_commune": m.commune,
            "col_member_id": m.member_id,
            "col_member": m.member,
            "col_role": m.role,
            "col_explanation": m.explanation,
            "col_body": m.body,
        }
        for c, key in enumerate(keys):
            book.write(ws, start + 1 + i, c, values[key])
    ws.freeze_panes(start + 1, 0)
    ws.autofilter(start, 0, start + max(1, len(frame)), len(cols) - 1)


def _pct_text(value: float | None, lang: str) -> str:
    from cadre_core.vocab._labels import fmt_pct

    return fmt_pct(value, lang)


def _member_sheet(book: Book, data: ReportData, key: str, frame: pd.DataFrame, title: str) -> None:
    ws = book.add_sheet(data.label(key))
    start = book.title_block(
        ws, title, [f"{data.label('as_of')}: {fmt_date(data.evaluation.as_of)}"]
    )
    _member_table(book, data, ws, start, frame, role_width=40, explanation_width=40)
    book.page_setup(ws, start, title)


def _findings_sheet(book: Book, data: ReportData) -> None:
    ws = book.add_sheet(data.label("sheet_findings"))
    start = book.title_block(ws, data.label("findings"), [])
    cols = [
        ("col_commune", 18),
        ("col_rule_id", 16),
        ("col_severity", 10),
        ("col_subject", 14),
        ("col_message", 60),
        ("col_body", 24),
        ("col_source", 40),
    ]
    book.table_header(ws, start, cols)
    for i, r in enumerate(records(data.findings)):
        severity = data.label(f"severity_{r.severity}") if r.severity in _SEVERITY else r.severity
        for c, v in enumerate(
            (r.commune, r.rule, severity, r.subject, r.message, r.body, r.source)
        ):
            book.write(ws, start + 1 + i, c, v)
    ws.freeze_panes(start + 1, 0)
    ws.autofilter(start, 0, start + max(1, len(data.findings)), len(cols) - 1)
    book.page_setup(ws, start, data.label("findings"))


def _province_heading(data: ReportData, key: str) -> str:
    """A province sheet's title: the label, then the province's name when known."""
    name = province_name(data.evaluation, data.lang)
    return f"{data.label(key)} — {name}" if name else data.label(key)


def _heatmap_sheet(book: Book, data: ReportData) -> None:
    """The status map with the ranking: per commune (ranked, see ``RANK_KEYS``) its rank,
    targets met / not met / not applicable and total shortfall, then one cell per target
    carrying a symbol and the shortfall (``✓ đạt``, ``✗ 3``, ``–``), coloured too."""
    ws = book.add_sheet(data.label("sheet_heatmap"))
    title = _province_heading(data, "heatmap")
    lines = [*_subtitle(data)[:1], data.label("heatmap_legend"), data.label("ranking_note")]
    start = book.title_block(ws, title, lines)
    ids = data.target_ids
    cols = [
        ("col_commune", 20),
        ("col_rank", 6),
        ("col_targets_met", 8),
        ("col_targets_not_met", 8),
        ("col_targets_na", 8),
        ("col_total_shortfall", 9),
    ]
    book.table_header(ws, start, cols)
    first = len(cols)
    for j, tid in enumerate(ids, start=first):
        ws.write_string(start, j, tid, book.f_head)
        ws.set_column(j, j, 7)  # "✗ 158" fits: the map prints as large as it can
    totals = commune_totals(data.summary).sort_values("rank", kind="stable")
    sc = status_cells(data.summary, data.lang)
    cells = dict(zip(zip(sc["commune"], sc["id"], strict=True), sc["text"], strict=True))
    for i, r in enumerate(records(totals), start=1):
        row = [r.commune, r["rank"], r.met, r.not_met, r.not_applicable, r.shortfall]
        for c, v in enumerate(row):
            book.write(ws, start + i, c, v, None if c == 0 else book.f_int)
        for j, tid in enumerate(ids, start=first):
            book.write(ws, start + i, j, cells[(r.commune, tid)], book.f_center)
    last = start + max(1, len(totals))
    for status, fmt in book.cond_fmt.items():
        ws.conditional_format(
            start + 1,
            first,
            last,
            first + len(ids) - 1,
            {
                "type": "text",
                "criteria": "begins with",
                "value": STATUS_SYMBOLS[status],
                "format": fmt,
            },
        )
    ws.conditional_format(
        start + 1, 3, last, 3, {"type": "cell", "criteria": ">", "value": 0, "format": book.f_red}
    )
    ws.freeze_panes(start + 1, 1)
    ws.autofilter(start, 0, last, first + len(ids) - 1)
    book.page_setup(ws, start, title)

    ws = book.add_sheet(data.label("sheet_province"))
    title = _province_heading(data, "province_title")
    start = book.title_block(ws, title, _subtitle(data)[:2])
    cols = [
        ("col_id", 10),
        ("col_target", 44),
        ("col_rule", 11),
        ("col_communes_met", 10),
        ("col_communes_not_met", 10),
        ("col_population", 10),
        ("col_satisfied", 10),
        ("col_ratio", 12),
        ("col_goal", 10),
        ("col_shortfall", 10),
        ("col_deadline", 12),
    ]
    book.table_header(ws, start, cols)
    p = data.province
    for i, r in enumerate(records(p)):
        vals = [
            (r.id, None),
            (r.title, None),
            (r.rule, book.f_center),
            (int(r.met), book.f_int),
            (int(r.not_met), book.f_int),
            (int(r.population), book.f_int),
            (int(r.satisfied), book.f_int),
            (r.ratio, book.f_pct),
            (r.goal, book.f_pct),
            (int(r.shortfall), book.f_int),
            (r.deadline, book.f_date),
        ]
        for c, (v, f) in enumerate(vals):
            book.write(ws, start + 1 + i, c, v, f)
    last = start + max(1, len(p))
    book.data_bar(ws, start + 1, last, 7, "#5B9BD5")
    ws.conditional_format(
        start + 1, 4, last, 4, {"type": "cell", "criteria": ">", "value": 0, "format": book.f_red}
    )
    ws.freeze_panes(start + 1, 2)
    ws.autofilter(start, 0, last, len(cols) - 1)
    book.page_setup(ws, start, title)


def _trends_sheet(book: Book, data: ReportData) -> None:
    ws = book.add_sheet(data.label("sheet_trends"))
    name = ws.get_name()
    t = data.trends
    days = sorted(t["as_of"].unique())
    ids = data.target_ids
    start = book.title_block(ws, data.label("trends"), [data.label("legend_trend")])
    blocks = [("col_ratio", "ratio", book.f_pct), ("col_goal", "goal", book.f_pct)]
    blocks.append(("col_status", "status_label", book.f_center))
    ratio = t.pivot(index="as_of", columns="id", values="ratio")
    goal = t.pivot(index="as_of", columns="id", values="goal")
    status = t.pivot(index="as_of", columns="id", values="status_label")
    frames = {"ratio": ratio, "goal": goal, "status_label": status}
    ws.set_column(0, 0, 14)
    ws.set_column(1, len(ids), 11)
    row = start
    anchors: dict[str, int] = {}
    for key, col, fmt in blocks:
        ws.write_string(row, 0, data.label(key), book.f_bold)
        row += 1
        ws.write_string(row, 0, data.label("col_date"), book.f_head)
        for j, tid in enumerate(ids, start=1):
            ws.write_string(row, j, tid, book.f_head)
        anchors[col] = row + 1
        for i, day in enumerate(days, start=1):
            book.write(ws, row + i, 0, day)
            for j, tid in enumerate(ids, start=1):
                v: Any = frames[col].at[day, tid] if tid in frames[col] else None
                book.write(ws, row + i, j, v, fmt)
        if col == "status_label":
            book.status_conditions(ws, row + 1, row + len(days), 1, len(ids))
        row += len(days) + 2
    first_ratio, first_goal = anchors["ratio"], anchors["goal"]
    n = len(days)
    chart_row = row + 1
    for k, tid in enumerate(ids):
        chart = book.wb.add_chart({"type": "line"})
        series_col = k + 1
        chart.add_series(
            {
                "name": book.data.label("col_ratio"),
                "categories": [name, first_ratio, 0, first_ratio + n - 1, 0],
                "values": [name, first_ratio, series_col, first_ratio + n - 1, series_col],
                "line": {"color": "#1565C0", "width": 2.25},
                "marker": {"type": "circle", "size": 5, "fill": {"color": "#1565C0"}},
            }
        )
        chart.add_series(
            {
                "name": book.data.label("col_goal"),
                "categories": [name, first_goal, 0, first_goal + n - 1, 0],
                "values": [name, first_goal, series_col, first_goal + n - 1, series_col],
                "line": {"color": "#000000", "width": 1.25, "dash_type": "dash"},
                "marker": {"type": "none"},
            }
        )
        title = str(t.loc[t["id"] == tid, "title"].iloc[0])
        chart.set_title({"name": f"{tid} — {title}"[:80], "name_font": {"size": 10}})
        chart.set_y_axis(
            {"min": 0, "max": 1, "num_format": "0%", "major_gridlines": {"visible": True}}
        )
        chart.set_x_axis({"date_axis": True, "num_format": "dd/mm/yyyy"})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 460, "height": 240})
        r = chart_row + (k // 2) * 13
        c = 0 if k % 2 == 0 else 6
        ws.insert_chart(r, c, chart)
    ws.freeze_panes(start, 1)
    book.page_setup(ws, -1, data.label("trends"))


def _about_sheet(book: Book, data: ReportData) -> None:
    ws = book.add_sheet(data.label("sheet_about"))
    ev = data.evaluation
    start = book.title_block(ws, data.label("about"), _subtitle(data))
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 70)
    ws.set_column(2, 2, 24)
    book.table_header(ws, start, [("col_plugin", 34), ("col_version", 70)])
    for i, p in enumerate(ev.plugins, start=1):
        book.write(ws, start + i, 0, p.name)
        book.write(ws, start + i, 1, p.version)
    row = start + len(ev.plugins) + 2
    ws.write_string(row, 0, data.label("parameters"), book.f_bold)
    row += 1
    book.table_header(ws, row, [("col_key", 34), ("col_value", 70), ("col_origin", 24)])
    for i, (key, item) in enumerate(ev.params.to_json().items(), start=1):
        value = item.get("value")
        text = value if isinstance(value, str) else json.dumps(jsonable(value), ensure_ascii=False)
        book.write(ws, row + i, 0, key)
        book.write(ws, row + i, 1, text)
        book.write(ws, row + i, 2, str(item.get("from", "")))
    book.page_setup(ws, row, data.label("about"))


def _section_sheet(book: Book, data: ReportData, section: ReportSection) -> None:
    ws = book.add_sheet(section.title)
    lines = [section.note] if section.note else []
    start = book.title_block(ws, section.title, lines)
    table = section.table
    for c, name in enumerate(table.columns):
        ws.write_string(start, c, str(name), book.f_head)
        ws.set_column(c, c, max(10, min(50, len(str(name)) + 4)))
    for i, row in enumerate(table.to_numpy(dtype=object).tolist(), start=1):
        for c, v in enumerate(row):
            book.write(ws, start + i, c, v.item() if hasattr(v, "item") else v)
    if len(table.columns):
        ws.freeze_panes(start + 1, 0)
        ws.autofilter(start, 0, start + max(1, len(table)), len(table.columns) - 1)
    book.page_setup(ws, start, section.title)


def write(data: ReportData, path: Path, sections: Sequence[ReportSection] = ()) -> Path:
    """Write the workbook of ``data`` to ``path``, whole or not at all (a temporary file
    next to it is renamed onto it)."""
    with replacing(path) as tmp:
        book = Book(tmp, data)
        try:
            # target sheets are created after the summary, so choose their names first
            reserved = {
                n.casefold()
                for n in (
                    data.label("sheet_summary"),
                    data.label("sheet_heatmap"),
                    data.label("sheet_province"),
                    data.label("sheet_trends"),
                )
            }
            names = {tid: unique_sheet_name(tid, reserved) for tid in data.target_ids}
            _summary(book, data, names)
            if data.multi:
                _heatmap_sheet(book, data)
            if not data.trends.empty:
                _trends_sheet(book, data)
            for tid in data.target_ids:
                _target_sheet(book, data, tid, names[tid])
            _member_sheet(book, data, "sheet_unrated", data.unrated, data.label("unrated"))
            if not data.findings.empty:
                _findings_sheet(book, data)
            for section in sections:
                _section_sheet(book, data, section)
            _about_sheet(book, data)
            xlsx_sheet(book.wb, data.evaluation)  # for `cadre verify`
        finally:
            book.close()
    return path
