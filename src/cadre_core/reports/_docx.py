"""The evaluation report as a Word document (.docx): the file a commune edits, signs
and hands up.

It says what the page (:mod:`cadre_core.reports._html`) says, from the same tables
(:func:`~cadre_core.reports._data.build`) and the same sections after them, in one
section of A4 landscape in Times New Roman (:class:`~cadre_core.vocab._docx.DocxWriter`,
the forms' Word writer's own): the head of an administrative document (the commune or
province; the nation, its motto, the place and date line), the title block (the report's
title, the commune or the province, the day), the head counts, the table of the targets (its heading row repeated
on every page, a row never split), a trend table per target when given several days,
the ranking of the communes for several, then for each target not met who falls short
and what each lacks, the unrated cadres, the findings, and the notes every report
carries (what was set aside or not read, the reader's warnings, the plugins' sections,
the audit block), the signature block (the recipients, who prepared it, the head of the
agency), and the appendix of the parameters in force. The charts are left out: every
figure they draw is in the tables.
Every text is escaped (:func:`~cadre_core.vocab._docx.xml_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cadre_core.plugins._sections import ReportSection
from cadre_core.reports import _meeting
from cadre_core.reports._data import (
    ReportData,
    bullet_caption,
    commune_totals,
    kpis,
    province_name,
    records,
    section_cells,
)
from cadre_core.vocab._docx import DocxWriter, tc, tr, twips
from cadre_core.vocab._files import write_atomic
from cadre_core.vocab._labels import fmt_date, fmt_pct

#: sizes (points): the title, the commune's name, a part's heading, the tables' text and
#: the notes'
TITLE_PT, NAME_PT, PART_PT, TABLE_PT, NOTES_PT = 14.0, 13.0, 12.0, 10.0, 9.0
#: the room left to sign under each signer's title (points), as in the plan
SIGN_ROOM_PT = 60.0
#: the targets' table's columns as shares of the page (as the page's first table), and
#: with a column of the commune for several communes
TARGET_SHARES = (0.075, 0.32, 0.17, 0.08, 0.06, 0.07, 0.225)
PROVINCE_SHARES = (0.065, 0.11, 0.25, 0.16, 0.08, 0.06, 0.07, 0.205)
#: the columns of a target's failing members: agency, number, name, post, what it lacks
MEMBER_SHARES = (0.19, 0.04, 0.16, 0.22, 0.39)
#: the appendix's targets: id, title, requirement, deadline, topics (and their source when
#: the targets' values come from several)
APPENDIX_SHARES = (0.07, 0.4, 0.09, 0.09, 0.35)
APPENDIX_MIXED_SHARES = (0.07, 0.36, 0.08, 0.08, 0.29, 0.12)


def _num(value: Any) -> float | None:
    """A share as a float (None for a missing one)."""
    import pandas as pd

    return None if value is None or pd.isna(value) else float(value)


class _Report(DocxWriter):
    """One report being written."""

    def __init__(self, data: ReportData) -> None:
        super().__init__(data.lang, prefix="CadreReport", name_key="report_docx_style")
        self.data = data
        self.L = data.label

    def part(self, title: str) -> str:
        """A part's heading, kept with what follows."""
        return self.p(title, PART_PT, align="left", bold=True, keep=True, after=4)

    def grid(
        self, head: Sequence[str], rows: Sequence[Sequence[str]], shares: Sequence[float]
    ) -> str:
        """A table of the report's text size (:meth:`listing`)."""
        return self.listing(head, rows, shares, TABLE_PT)

    # ------------------------------------------------------------- page one
    def heading(self) -> str:
        """The commune's name, or the province's (the count of communes when unknown)."""
        data = self.data
        if not data.multi:
            return ", ".join(data.communes)
        n = self.L("n_communes").format(n=len(data.communes))
        return province_name(data.evaluation, data.lang) or n

    def title_block(self) -> str:
        """The head of an administrative document (the commune or province on the left;
        the nation, its motto and the date line to fill in on the right), then the title,
        the commune or province, the day (and the days of a trend)."""
        data = self.data
        day = f"{self.L('as_of')} {fmt_date(data.evaluation.as_of)}"
        if len(data.history) > 1:
            days = ", ".join(fmt_date(e.as_of) for e in data.history)
            day += f" · {self.L('trends')}: {days}"
        return (
            self.letterhead(self.heading(), PART_PT, number="doc_number_report")
            + self.p("", PART_PT)
            + self.p(self.L("report_title"), TITLE_PT, bold=True)
            + self.p(self.heading(), NAME_PT, bold=True)
            + self.p(day, TABLE_PT + 1, italic=True, after=8)
        )

    def counts(self) -> str:
        """The head counts, one cell each."""
        kpi = kpis(self.data)
        keys = [
            ("met", "count_met"),
            ("not_met", "count_not_met"),
            ("not_applicable", "count_na"),
            ("overdue", "count_overdue"),
            ("cadres", "report_count_cadres"),
        ]
        shown = [(kpi[k], self.L(word)) for k, word in keys if kpi[k] is not None]
        widths = twips([1 / len(shown)] * len(shown), self.page)
        cells = [
            tc(w, self.p(str(n), NAME_PT, bold=True) + self.p(word, TABLE_PT))
            for w, (n, word) in zip(widths, shown, strict=True)
        ]
        return self.table(widths, [tr(cells)]) + self.p("", TABLE_PT)

    def targets(self) -> str:
        """The table of the targets, one row per target (per commune and target for
        several communes), as the page's first table."""
        data, L = self.data, self.L
        rows = []
        for r in records(data.summary):
            status = r.status_label
            if r.overdue:
                status += f" ({L('overdue')})"
            if not r.attainable and r.status == "not_met":
                status += f" ({L('unattainable')})"
            rate = f"{fmt_pct(_num(r.ratio), data.lang)} · {bullet_caption(data, r)}"
            title = f"{r.title}\n{r.population_text} ({r.population} {r.unit})"
            row = [r.id, title, rate, status, str(int(r.shortfall)), fmt_date(r.deadline), r.body]
            rows.append([row[0], r.commune, *row[1:]] if data.multi else row)
        head = [L(k) for k in ("col_id", "col_target", "col_ratio", "col_status")]
        head += [L(k) for k in ("col_shortfall", "col_deadline", "col_body")]
        if data.multi:
            head.insert(1, L("col_commune"))
        shares = PROVINCE_SHARES if data.multi else TARGET_SHARES
        return self.part(L("dashboard")) + self.grid(head, rows, shares)

    def trend(self) -> str:
        """Per target, its share and its count on each day (several days only)."""
        data = self.data
        if data.trends.empty:
            return ""
        days = [e.as_of for e in data.history]
        rows = []
        for tid in data.target_ids:
            t = data.trends[data.trends["id"] == tid]
            by_day = {r.as_of: r for r in records(t)}
            cells = [
                f"{fmt_pct(_num(r.ratio), data.lang)} ({int(r.satisfied)}/{int(r.population)})"
                f"\n{r.status_label}"
                if (r := by_day.get(d)) is not None
                else ""
                for d in days
            ]
            rows.append([tid, str(t["title"].iloc[-1]), *cells])
        head = [self.L("col_id"), self.L("col_target"), *(fmt_date(d) for d in days)]
        rest = 0.6 / len(days)
        return self.part(self.L("trends")) + self.grid(head, rows, [0.1, 0.3, *[rest] * len(days)])

    def ranking(self) -> str:
        """The communes ranked (several communes only)."""
        data, L = self.data, self.L
        if not data.multi:
            return ""
        totals = commune_totals(data.summary).sort_values(["rank"], kind="stable")
        keys = ["rank", "commune", "met", "not_met", "not_applicable", "overdue", "shortfall"]
        rows = [[str(r[k]) for k in keys] for r in records(totals)]
        head = [L("col_rank"), L("col_commune"), L("col_targets_met"), L("col_targets_not_met")]
        head += [L("col_targets_na"), L("col_targets_overdue"), L("col_total_shortfall")]
        shares = (0.07, 0.33, 0.12, 0.12, 0.12, 0.12, 0.12)
        return self.part(L("ranking")) + self.grid(head, rows, shares)

    # ------------------------------------------------------------- who falls short
    def failing(self) -> str:
        """For each target not met: its lines in words, the body that must act, then who
        falls short (by agency, as the page lists them) and what each lacks."""
        data, L, ev = self.data, self.L, self.data.evaluation
        xml = [self.part(L("details"))]
        for tid in data.target_ids:
            lines = data.summary[data.summary["id"] == tid]
            if "not_met" not in set(lines["status"]):
                continue
            first = ev.communes[0].target(tid)
            title = f"{tid} — {first.title.get(data.lang)} — {L('not_met')}"
            xml.append(self.p(title, TABLE_PT + 1, align="left", bold=True, keep=True, after=2))
            for r in records(lines):
                sentence = L("line_status").format(
                    status=r.status_label,
                    satisfied=r.satisfied,
                    population=r.population,
                    ratio=fmt_pct(_num(r.ratio), data.lang),
                    rule=r.rule,
                    required=r.required,
                    shortfall=r.shortfall,
                    deadline=fmt_date(r.deadline),
                )
                lead = f"{r.commune}: " if data.multi else ""
                said = f"{lead}{sentence}. {L('col_body')}: {r.body}"
                xml.append(self.p(said, TABLE_PT, align="left", keep=True, after=2))
            need = f"{L('requirement')}: {first.requirement.get(data.lang)}"
            xml.append(self.p(need, TABLE_PT, align="left", keep=True, after=3))
            members = data.failing[data.failing["target_id"] == tid]
            if first.rule.op == "any":
                note = L("any_note").format(requirement=first.requirement.get(data.lang))
                xml.append(self.p(note, TABLE_PT, align="left", after=6))
                continue
            agency, rank = _meeting.agency_of(ev, first.unit)
            rows = [
                [str(g["name"]) if i == 0 else "", str(m["no"]), str(m["member"] or m["member_id"])]
                + [str(m["role"] or ""), str(m["explanation"])]
                for g in _meeting.groups(members, agency, rank, data.multi)
                for i, m in enumerate(g["members"])
            ]
            if rows:
                head = [L(k) for k in ("report_col_agency", "col_no", "col_member")]
                head += [L("col_role"), L("col_explanation")]
                xml.append(self.grid(head, rows, MEMBER_SHARES))
            else:
                xml.append(self.p(L("none_failing"), TABLE_PT, align="left", after=6))
        return "".join(xml) if len(xml) > 1 else ""

    def unrated(self) -> str:
        """The cadres without a rating, with their posts and bodies."""
        data, L = self.data, self.L
        rows = [
            [str(i), str(m.member or m.member_id), str(m.role), str(m.explanation), str(m.body)]
            for i, m in enumerate(records(data.unrated), start=1)
        ]
        if not rows:
            return ""
        head = [L(k) for k in ("col_no", "col_member", "col_role", "col_explanation", "col_body")]
        return self.part(L("unrated")) + self.grid(head, rows, (0.05, 0.2, 0.25, 0.25, 0.25))

    def findings(self) -> str:
        """What to act on, as the page lists it (its source named in full)."""
        data, L = self.data, self.L
        rows = []
        for i, f in enumerate(records(data.findings), start=1):
            key = f"severity_{f.severity}"
            severity = (
                L(key)
                if key in ("severity_error", "severity_warning", "severity_info")
                else f.severity
            )
            message = f"{f.rule}. {f.message}" if f.rule else str(f.message)
            subject = f"{f.commune}: {f.subject}" if data.multi else str(f.subject)
            rows.append([str(i), str(severity), subject, message, str(f.body), str(f.source or "")])
        if not rows:
            return ""
        head = [L(k) for k in ("col_no", "col_severity", "col_subject", "col_message")]
        head += [L("col_body"), L("col_source")]
        shares = (0.04, 0.08, 0.2, 0.36, 0.16, 0.16)
        return self.part(L("findings")) + self.grid(head, rows, shares)


def _appendix(doc: _Report) -> str:
    """The appendix: its heading and note, then per source its targets' thresholds,
    deadlines and topics (a table) and every other parameter by its name (a table of
    name and value)."""
    data, L = doc.data, doc.L
    groups = _meeting.by_origin(*_meeting.parameters(data.evaluation, data.lang))
    if not groups:
        return ""
    xml = [doc.part(L("report_appendix")), doc.p(L("report_appendix_note"), NOTES_PT,
                                                   align="left", after=4)]  # fmt: skip
    for g in groups:
        if g["origin"]:
            source = doc.p(g["origin"], NOTES_PT, align="left", lead=f"{L('col_origin')}: ")
            xml.append(source)
        if g["targets"]:
            head = [L(k) for k in ("col_id", "col_target", "col_rule", "col_deadline")]
            head.append(L("report_col_topics"))
            keys = ["id", "title", "rule", "deadline", "topics"]
            if not g["origin"]:
                head.append(L("col_origin"))
                keys.append("origin")
            rows = [[str(t[k]) for k in keys] for t in g["targets"]]
            shares = APPENDIX_SHARES if g["origin"] else APPENDIX_MIXED_SHARES
            xml.append(doc.listing(head, rows, shares, NOTES_PT))
        if g["params"]:
            rows = [[str(p["name"]), str(p["value"])] for p in g["params"]]
            xml.append(doc.listing([L("col_key"), L("col_value")], rows, (0.45, 0.55), NOTES_PT))
    return "".join(xml)


def report_docx_bytes(data: ReportData, sections: Sequence[ReportSection] = ()) -> bytes:
    """The report as the bytes of a .docx file: page one, who falls short, the unrated
    cadres and the findings, then ``sections`` (the notes every report carries), the
    signature block and the appendix of the parameters in force."""
    doc = _Report(data)
    title = f"{data.label('report_title')} — {doc.heading()} — {fmt_date(data.evaluation.as_of)}"
    doc.section(True, title)
    parts = [
        doc.title_block(),
        doc.counts(),
        doc.targets(),
        doc.trend(),
        doc.ranking(),
        doc.failing(),
        doc.unrated(),
        doc.findings(),
        *doc.sections_xml(sections, NOTES_PT, lambda t: section_cells(t, data.lang)),
        doc.signatures(PART_PT, TABLE_PT + 1, TABLE_PT, SIGN_ROOM_PT),
        _appendix(doc),
    ]
    doc.body_xml("".join(parts))
    return doc.bytes(title)


def write(data: ReportData, path: Path, sections: Sequence[ReportSection] = ()) -> Path:
    """Write the Word report to ``path``, whole or not at all."""
    return write_atomic(path, report_docx_bytes(data, sections))
