"""What the plan's documents say, built once from a :class:`Plan`: the title block's
words, the lines by year, the yearly totals, every target at its deadline, the needs, the
assumptions and what the reader set aside or did not read (:func:`plan_content`). The HTML page (:mod:`cadre_core.planner._report`)
and the Word document (:mod:`cadre_core.planner._docx`) lay out the same
:class:`PlanContent`, each table's columns named by their label keys so that a writer
sizes them; the terminal table shares its lines' columns (:func:`line_keys`,
:func:`line_rows`). Every word comes from the label table."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from cadre_core.engine._listings import not_read_section, skipped_section, warnings_section
from cadre_core.plugins._sections import ReportSection
from cadre_core.vocab._labels import body_name, check_lang, fmt_date, label

if TYPE_CHECKING:
    from cadre_core.planner._result import Need, Plan


def money(value: int) -> str:
    """An amount of VND with a dot between thousands, as Vietnamese documents write it.

    >>> money(233500000)
    '233.500.000'
    """
    return f"{value:,}".replace(",", ".")


def communes_of(plan: Plan) -> tuple[str, ...]:
    """The plan's communes: those of its projections (every commune evaluated), else of
    its lines, in order.

    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"])
    >>> communes_of(p)
    ('Xã Mường Than',)
    """
    names = [p.commune for p in plan.projections] or [x.commune for x in plan.lines]
    return tuple(dict.fromkeys(n for n in names if n))


def plan_place(plan: Plan, lang: str = "vi") -> str:
    """The commune (or communes) of a plan, for a title and a page's running head: their
    names, or their count when the names run past 80 characters.

    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"])
    >>> plan_place(p)
    'Xã Mường Than'
    """
    communes = list(
        dict.fromkeys([*(p.commune for p in plan.projections), *(x.commune for x in plan.lines)])
    )
    text = ", ".join(communes)
    return text if len(text) <= 80 else label("n_communes", lang).format(n=len(communes))


#: the label keys of a plan line's columns, after the commune's (several communes only)
LINE_KEYS = (
    "plan_col_year",
    "plan_col_name",
    "plan_col_post",
    "plan_col_agency",
    "plan_col_programme",
    "plan_col_from",
    "plan_col_to",
    "plan_col_targets",
    "plan_col_body",
    "plan_col_cost",
    "plan_col_succession",
    "plan_col_id",
)


def line_keys(communes: bool) -> tuple[str, ...]:
    """The label keys of the plan lines' columns: the commune's first for several.

    >>> line_keys(True)[:3]
    ('col_commune', 'plan_col_year', 'plan_col_name')
    """
    return ("col_commune",) * communes + LINE_KEYS


def line_rows(plan: Plan, lang: str, communes: bool) -> list[list[object]]:
    """One row per plan line, in the columns of :func:`line_keys`: the cadre by name
    (else id), post and agency, the programme in ``lang``, its months, the targets it
    serves, the sending body, the cost, an x for a succession-plan candidate.

    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"],
    ...                     params={"tpl.5a.threshold": "1"})
    >>> line_rows(p, "vi", False)[0][:2], line_rows(p, "vi", False)[0][5:7]
    ([2027, 'Tòng Thị Hương'], ['09/2027', '08/2029'])
    """
    return [
        [x.commune] * communes
        + [
            x.year,
            x.name or x.cadre_id,
            x.post,
            x.agency,
            x.programme_name.get(lang),
            f"{x.start_date:%m/%Y}",
            f"{x.end_date:%m/%Y}",
            ", ".join(x.targets_served),
            body_name(x.body, lang),
            money(x.cost),
            "x" if x.succession else "",
            x.cadre_id,
        ]
        for x in plan.lines
    ]


def need_text(need: Need, lang: str) -> str:
    """A need's reason, followed by the names of the members it concerns.

    >>> from cadre_core.planner._result import Need
    >>> need_text(Need("t", "Xã A", "appoint", 1, "Cần bổ nhiệm.", "", ("c1",), ("Lò Văn A",)),
    ...           "vi")
    'Cần bổ nhiệm. Gồm: Lò Văn A.'
    """
    text = need.reason_en if lang == "en" else need.reason_vi
    names = [n for n in need.member_names if n]
    if names:
        text += f" {label('plan_concerned', lang)}: {', '.join(names)}."
    return text


_AMOUNT = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_DAY = re.compile(r"(?:[0-9]{2}/)?[0-9]{2}/[0-9]{4}")


def cell_kind(value: object) -> str:
    """How a cell reads: ``n`` for a number or an amount, ``d`` for a month or a day
    (both aligned right, never wrapped), else ``""`` (text).

    >>> cell_kind(3), cell_kind("1.500.000"), cell_kind("03/2027"), cell_kind("Lò Văn A")
    ('n', 'n', 'd', '')
    """
    if isinstance(value, int) or (isinstance(value, str) and _AMOUNT.fullmatch(value)):
        return "n"
    return "d" if isinstance(value, str) and _DAY.fullmatch(value) else ""


@attrs.frozen
class Table:
    """A table of the plan's documents: its columns' label keys and names, its rows, and
    a total row of (value, columns spanned) cells or none."""

    keys: tuple[str, ...]
    head: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    foot: tuple[tuple[object, int], ...] | None = None


def _table(
    keys: tuple[str, ...],
    lang: str,
    rows: list[list[object]],
    foot: list[tuple[object, int]] | None = None,
) -> Table:
    return Table(
        keys,
        tuple(label(k, lang) for k in keys),
        tuple(tuple(r) for r in rows),
        None if foot is None else tuple(foot),
    )


@attrs.frozen
class YearPart:
    """One year of the plan: its title ("Năm 2027") and its lines, with the year's total."""

    title: str
    table: Table


@attrs.frozen
class NeedItem:
    """A need as the documents list it: its commune (several communes only, with its
    separator), its kind in words, its reason with the names it concerns."""

    where: str
    kind: str
    text: str


@attrs.frozen
class PlanContent:
    """Everything the plan's documents say, in one language (:func:`plan_content`)."""

    lang: str
    communes: tuple[str, ...]
    #: the communes for a title or a running head (:func:`plan_place`)
    place: str
    subtitle: str
    period: str
    summary: str
    years: tuple[YearPart, ...]
    totals: Table
    #: (year, cost of the year's starts in every commune), in order: the chart's bars
    costs: tuple[tuple[int, int], ...]
    projections: Table
    needs: tuple[NeedItem, ...]
    assumptions: tuple[str, ...]
    #: what the reader set aside, did not read and noted in the roster, each a titled
    #: table (none when it read everything)
    inputs: tuple[ReportSection, ...] = ()


def _years(plan: Plan, lang: str, many: bool) -> tuple[YearPart, ...]:
    """The lines by year, numbered within the year (the year in the title, not a column),
    each year ending with its total row: the year's starts and cost."""
    keys = line_keys(many)
    drop = keys.index("plan_col_year")
    cols = ("col_no", *keys[:drop], *keys[drop + 1 :])
    by_year: dict[int, list[list[object]]] = {}
    for x, row in zip(plan.lines, line_rows(plan, lang, many), strict=True):
        kept = row[:drop] + row[drop + 1 :]
        by_year.setdefault(x.year, []).append([len(by_year.get(x.year, [])) + 1, *kept])
    years = []
    for year, rows in sorted(by_year.items()):
        cost = sum(x.cost for x in plan.lines if x.year == year)
        total = label("plan_year_total", lang).format(year=year, starts=len(rows), cost=money(cost))
        at = cols.index("plan_col_cost")
        foot: list[tuple[object, int]] = [(total, at), (money(cost), 1)]
        foot += [("", 1)] * (len(cols) - at - 1)
        title = label("plan_year", lang).format(year=year)
        years.append(YearPart(title, _table(cols, lang, rows, foot)))
    return tuple(years)


def plan_content(plan: Plan, lang: str = "vi") -> PlanContent:
    """What the plan's documents say in ``lang``: the commune(s), the subtitle with the
    as-of day, the period and the summary; the lines by year; the yearly totals (per
    commune and year, the commune a column for several) with the total row; every target
    at its deadline without and with the plan; the needs with their reasons and names;
    the assumptions.

    >>> p = cadre_core.plan(sample_roster(), as_of="2026-12-31", plugins=["province_template"],
    ...                     params={"tpl.5a.threshold": "1"})
    >>> c = plan_content(p)
    >>> c.subtitle, c.period
    ('Xã Mường Than, tính từ ngày 31/12/2026', 'Giai đoạn 2027–2030')
    >>> c.years[0].title, c.years[0].table.rows[0][:2], c.years[0].table.foot[-3]
    ('Năm 2027', (1, 'Tòng Thị Hương'), ('80.000.000', 1))
    >>> c.totals.head, c.totals.foot[0]
    (('Năm', 'Lượt cử đi học', 'Trong đó dài hạn', 'Kinh phí (đồng)'), ('Tổng cộng', 1))
    """
    check_lang(lang)
    communes = communes_of(plan)
    many = len(communes) > 1
    people = len({(x.commune, x.cadre_id) for x in plan.lines})
    first = min([x.year for x in plan.lines] or [plan.as_of.year])
    costs: dict[int, int] = {}
    for t in plan.totals:
        costs[t.year] = costs.get(t.year, 0) + t.cost
    lead = int(many)  # one commune: the heading names it; several: a column
    totals_keys = ("col_commune", "plan_col_year", "plan_col_starts", "plan_col_long")[1 - lead :]
    totals_rows: list[list[object]] = [
        [t.commune] * lead + [t.year, t.starts, t.long_starts, money(t.cost)] for t in plan.totals
    ]
    totals_foot: list[tuple[object, int]] = [
        (label("plan_total", lang), 1 + lead),
        (sum(t.starts for t in plan.totals), 1),
        (sum(t.long_starts for t in plan.totals), 1),
        (money(plan.total_cost), 1),
    ]
    proj_keys = (
        "col_commune",
        "col_target",
        "col_deadline",
        "col_required",
        "plan_col_before",
        "plan_col_after",
        "plan_col_status_after",
    )[1 - lead :]
    proj_rows: list[list[object]] = [
        [p.commune] * lead
        + [
            f"{p.target_id} {p.title.get(lang)}",
            fmt_date(p.deadline),
            p.required,
            p.satisfied_before,
            p.satisfied_after,
            label(p.status_after, lang),
        ]
        for p in plan.projections
    ]
    return PlanContent(
        lang=lang,
        communes=communes,
        place=plan_place(plan, lang),
        subtitle=label("plan_subtitle", lang).format(
            communes=", ".join(communes), day=fmt_date(plan.as_of)
        ),
        period=label("plan_period", lang).format(first=first, last=plan.horizon),
        summary=label("plan_summary", lang).format(
            starts=len(plan.lines), people=people, cost=money(plan.total_cost)
        ),
        years=_years(plan, lang, many),
        totals=_table((*totals_keys, "plan_col_cost"), lang, totals_rows, totals_foot),
        costs=tuple(sorted(costs.items())),
        projections=_table(proj_keys, lang, proj_rows),
        needs=tuple(
            NeedItem(
                n.commune + " · " if many else "", label(f"need_{n.kind}", lang), need_text(n, lang)
            )
            for n in plan.needs
        ),
        assumptions=tuple(a.get(lang) for a in plan.assumptions),
        inputs=(
            *skipped_section(plan, lang),
            *not_read_section(plan, lang),
            *warnings_section(plan, lang),
        ),
    )


__all__ = [
    "LINE_KEYS",
    "NeedItem",
    "PlanContent",
    "Table",
    "YearPart",
    "cell_kind",
    "communes_of",
    "line_keys",
    "line_rows",
    "money",
    "need_text",
    "plan_content",
    "plan_place",
]
