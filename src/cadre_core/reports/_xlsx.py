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
from cadre_core.reports import _meeting
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
from cadre_core.vocab._files import replacing
from cadre_core.vocab._labels import fmt_date
from cadre_core.vocab._print import fit_widths, row_height, set_row_heights

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


#: the summary's printed columns (label key, width), what a meeting reads on page 1
SUMMARY_PRINTED: tuple[tuple[str, float], ...] = (
    ("col_id", 10),
    ("col_target", 36),
    ("col_rule", 10),
    ("col_population", 9),
    ("col_satisfied", 8),
    ("col_required", 9),
    ("col_shortfall", 9),
    ("col_progress", 10),
    ("col_status", 11),
    ("col_deadline", 11),
    ("col_body", 22),
)
#: the summary's details, after the print area (on screen and in the filter, not on paper)
SUMMARY_DETAILS: tuple[tuple[str, float], ...] = (
    ("col_unit", 13),
    ("col_ratio", 10),
    ("col_goal", 10),
    ("col_overdue", 9),
    ("col_source", 48),
)
#: the summary's columns whose text wraps (their rows are made as tall as it needs)
_SUMMARY_WRAPPED: tuple[str, ...] = (
    "col_commune",
    "col_target",
    "col_rule",
    "col_status",
    "col_body",
    "col_unit",
)
_SUMMARY_FIELD = {
    "col_commune": "commune",
    "col_target": "title",
    "col_rule": "rule",
    "col_status": "status_label",
    "col_body": "body",
    "col_unit": "unit",
}


#: the smallest scale the summary prints at (its 10 pt text at 9.2 pt at least)
PRINT_SCALE = 0.92


def summary_columns(multi: bool) -> list[tuple[str, float]]:
    """The summary's columns (label key, width): the printed ones, the title narrowed so
    that they print on one A4 landscape page at :data:`PRINT_SCALE` or larger, then the
    details."""
    printed = ([("col_commune", 16.0)] if multi else []) + list(SUMMARY_PRINTED)
    keys = [k for k, _ in printed]
    widths = fit_widths([w for _, w in printed], keys.index("col_target"), scale=PRINT_SCALE)
    return list(zip(keys, widths, strict=True)) + list(SUMMARY_DETAILS)


def _summary(book: Book, data: ReportData, target_sheets: dict[str, str]) -> None:
    ws = book.add_sheet(data.label("sheet_summary"), tab_color="#1F4E79")
    cols = summary_columns(data.multi)
    n_printed = len(cols) - len(SUMMARY_DETAILS)
    start = book.title_block(
        ws,
        f"{data.label('report_title')} — {book.place()}",
        [*_subtitle(data), data.label("legend_progress")],
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
            "col_rule": (r.rule, book.f_center_wrap),
            "col_goal": (r.goal, book.f_pct),
            "col_required": (r.required, book.f_int),
            "col_shortfall": (r.shortfall, book.f_int),
            "col_progress": (r.progress, book.f_pct),
            "col_status": (r.status_label, book.f_center_wrap),
            "col_deadline": (r.deadline, book.f_date_overdue if r.overdue else book.f_date),
            "col_overdue": (bool(r.overdue), book.f_center),
            "col_body": (r.body, book.f_text),
            # one line, off paper: the whole citation is in the target's sheet
            "col_source": (r.source, book.f_line),
        }
        for c, key in enumerate(keys):
            value, fmt = values[key]
            if key == "col_id" and r.id in target_sheets:
                ws.write_url(row, c, f"internal:'{target_sheets[r.id]}'!A1", fmt, string=str(r.id))
            else:
                book.write(ws, row, c, value, fmt)
    first, last = start + 1, start + max(1, len(s))
    if len(s):
        wrapped = [k for k in keys if k in _SUMMARY_WRAPPED]
        set_row_heights(
            ws,
            first,
            [s[_SUMMARY_FIELD[k]] for k in wrapped],
            [w for k, w in cols if k in _SUMMARY_WRAPPED],
        )
        book.status_bars(ws, first, keys.index("col_progress"), s["status"].tolist())
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
    book.page_setup(ws, start, data.label("report_title"), area=(last, n_printed - 1))
    ws.activate()


def _target_sheet(book: Book, data: ReportData, target_id: str, name: str) -> None:
    ws = book.add_sheet(name)
    ev = data.evaluation
    results = [(c.commune, c.target(target_id)) for c in ev.communes]
    first_result = results[0][1]
    rows = data.failing[data.failing["target_id"] == target_id]
    summary = data.summary[data.summary["id"] == target_id]
    lang = data.lang
    cols = member_columns(data, role_width=34, explanation_width=44)
    width = sum(w for _, w in cols)
    last_col = len(cols) - 1
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
        book.merged_text(ws, line, last_col, prefix + text, book.status_wrap[r.status], width)
        line += 1
        book.merged_text(
            ws, line, last_col, f"{data.label('col_body')}: {s.body}", book.f_bold_wrap, width
        )
        line += 1
    notes = (
        f"{data.label('population_text')}: {first_result.population_text.get(lang)}",
        f"{data.label('requirement')}: {first_result.requirement.get(lang)}",
        f"{data.label('col_source')}: {first_result.source}",
    )
    for i, text in enumerate(notes):
        book.merged_text(ws, line + i, last_col, text, book.f_sub_wrap, width)
    start = line + 4
    if first_result.rule.op == "any":
        book.merged_text(
            ws,
            start,
            last_col,
            data.label("any_note").format(requirement=first_result.requirement.get(lang)),
            book.f_note,
            width,
        )
        rows = rows.iloc[0:0]
        start += 2
    elif len(rows) and (rows["target_status"] == "met").all():
        book.merged_text(ws, start, last_col, data.label("met_but_some"), book.f_note, width)
        start += 1
    _member_table(book, data, ws, start, rows, cols)
    book.page_setup(ws, start, f"{target_id} — {first_result.title.get(lang)}")


def member_columns(
    data: ReportData, *, role_width: float, explanation_width: float
) -> list[tuple[str, float]]:
    """The columns of a member table (label key, width), the explanation narrowed so that
    the table prints at 100 % on one A4 landscape page."""
    cols: list[tuple[str, float]] = [("col_no", 6)]
    if data.multi:
        cols.append(("col_commune", 16))
    cols += [
        ("col_member_id", 10),
        ("col_member", 24),
        ("col_role", role_width),
        ("col_explanation", explanation_width),
        ("col_body", 24),
    ]
    keys = [k for k, _ in cols]
    widths = fit_widths([w for _, w in cols], keys.index("col_explanation"))
    return list(zip(keys, widths, strict=True))


_MEMBER_FIELD = {
    "col_commune": "commune",
    "col_member_id": "member_id",
    "col_member": "member",
    "col_role": "role",
    "col_explanation": "explanation",
    "col_body": "body",
}


def _member_table(
    book: Book,
    data: ReportData,
    ws: Worksheet,
    start: int,
    frame: pd.DataFrame,
    cols: Sequence[tuple[str, float]],
) -> None:
    """A filtered table of members (who, role, why, which body) starting at row ``start``,
    in the columns ``cols`` (see :func:`member_columns`), each row as tall as its text."""
    book.table_header(ws, start, cols)
    keys = [k for k, _ in cols]
    if frame.empty:
        width = sum(w for _, w in cols)
        book.merged_text(
            ws, start + 1, len(cols) - 1, data.label("none_failing"), book.f_note, width
        )
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
    if not frame.empty:
        texts = [(frame[_MEMBER_FIELD[k]], w) for k, w in cols if k in _MEMBER_FIELD]
        set_row_heights(ws, start + 1, [t for t, _ in texts], [w for _, w in texts])
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
    cols = member_columns(data, role_width=40, explanation_width=40)
    _member_table(book, data, ws, start, frame, cols)
    book.page_setup(ws, start, title)


def _findings_sheet(book: Book, data: ReportData) -> None:
    ws = book.add_sheet(data.label("sheet_findings"))
    start = book.title_block(ws, data.label("findings"), [])
    keys = ["col_commune", "col_rule_id", "col_severity", "col_subject", "col_message"]
    keys += ["col_body", "col_source"]
    widths = fit_widths([14, 14, 9, 12, 50, 20, 26], keys.index("col_message"))
    cols = list(zip(keys, widths, strict=True))
    book.table_header(ws, start, cols)
    f = data.findings
    names = {v: data.label(f"severity_{v}") for v in _SEVERITY}
    severity = f["severity"].map(names).fillna(f["severity"])
    for i, r in enumerate(records(f)):
        for c, v in enumerate(
            (r.commune, r.rule, severity.iloc[i], r.subject, r.message, r.body, r.source)
        ):
            book.write(ws, start + 1 + i, c, v)
    fields = (f["commune"], f["rule"], severity, f["subject"], f["message"], f["body"])
    set_row_heights(ws, start + 1, [*fields, f["source"]], widths)
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


def _parameter_lines(data: ReportData) -> list[tuple[str, str, str]]:
    """The parameters in force as the HTML appendix says them (:func:`~cadre_core.
    reports._meeting.parameters`), as (name, value, source) lines: one per target (its
    id and title; its requirement, deadline and topics), then every other parameter by
    its name, its value in words. No parameter's key: the sheet is read by people."""
    targets, others = _meeting.parameters(data.evaluation, data.lang)
    lines = []
    for t in targets:
        said = [
            f"{data.label('col_rule')}: {t['rule']}",
            f"{data.label('col_deadline')}: {t['deadline']}",
        ]
        if t["topics"]:
            said.append(f"{data.label('report_col_topics')}: {t['topics']}")
        lines.append((f"{t['id']} — {t['title']}", "; ".join(said), t["origin"]))
    lines += [(p["name"], p["value"], p["origin"]) for p in others]
    return lines


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
    widths = [34, 70, 24]
    book.table_header(
        ws, row, list(zip(("col_key", "col_value", "col_origin"), widths, strict=True))
    )
    texts: list[list[str]] = [[], [], []]
    for line in _parameter_lines(data):
        for column, v in zip(texts, line, strict=True):
            column.append(v)
    for i, line in enumerate(zip(*texts, strict=True), start=1):
        for c, v in enumerate(line):
            book.write(ws, row + i, c, v)
    set_row_heights(ws, row + 1, texts, widths)
    book.page_setup(ws, row, data.label("about"))


def section_widths(table: pd.DataFrame) -> list[float]:
    """Column widths of a plugin section's table: its header and longest value (10 to 60
    characters), the widest column narrowed so that the table prints at 100 % on one A4
    landscape page when it can."""
    if not len(table.columns):
        return []
    longest = [
        int(table.iloc[:, c].astype(str).str.len().max()) if len(table) else 0
        for c in range(len(table.columns))
    ]
    widths = [
        float(max(10, min(60, max(len(str(name)) + 4, n + 2))))
        for name, n in zip(table.columns, longest, strict=True)
    ]
    return fit_widths(widths, widths.index(max(widths)), minimum=24)


def _section_sheet(book: Book, data: ReportData, section: ReportSection) -> None:
    ws = book.add_sheet(section.title)
    lines = [section.note] if section.note else []
    start = book.title_block(ws, section.title, lines)
    table = section.table
    widths = section_widths(table)
    for c, name in enumerate(table.columns):
        ws.write_string(start, c, str(name), book.f_head)
        ws.set_column(c, c, widths[c])
    ws.set_row(start, row_height([str(name) for name in table.columns], widths))
    for i, row in enumerate(table.to_numpy(dtype=object).tolist(), start=1):
        for c, v in enumerate(row):
            book.write(ws, start + i, c, v.item() if hasattr(v, "item") else v)
    if len(table):
        columns = [table.iloc[:, c] for c in range(len(table.columns))]
        set_row_heights(ws, start + 1, columns, widths)
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
