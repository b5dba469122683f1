"""The tables a report shows, read off :class:`~cadre_core.Evaluation` objects.

Every count, status and deadline is copied from the results; the only arithmetic is for
display (a share as a float, sums over communes for a province line, which never decide a
status).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs
import pandas as pd

from cadre_core.engine._results import Evaluation
from cadre_core.reports._explain import bodies_text, explain_frame, member_blocs, sort_blocs
from cadre_core.vocab._labels import body_name, check_lang, fmt_decimal, label


class Rec(dict[str, Any]):
    """A row of a report frame whose columns read as attributes (typed ``Any``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def records(frame: pd.DataFrame) -> list[Rec]:
    """The rows of ``frame`` as :class:`Rec` objects."""
    return [Rec({str(k): v for k, v in row.items()}) for row in frame.to_dict("records")]


def section_cells(table: pd.DataFrame, lang: str) -> list[list[Any]]:
    """The cells of a plugin's or the core's report section as a page shows them: blank
    for a missing value, exact numbers (``Decimal``) in the language's decimal notation;
    the workbook writes the same values as numbers.

    >>> section_cells(pd.DataFrame({"a": [Decimal("8.0"), None]}), "vi")
    [['8,0'], ['']]
    """

    def cell(value: Any) -> Any:
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            return ""
        return fmt_decimal(value, lang) if isinstance(value, Decimal) else value

    return [[cell(v) for v in row] for row in table.to_numpy(dtype=object).tolist()]


def _share(num: int, den: int) -> float | None:
    """A display share (None for an empty population)."""
    return num / den if den else None


@attrs.frozen
class ReportData:
    """Everything both writers print, for one language."""

    lang: str
    evaluation: Evaluation  # the latest day
    history: tuple[Evaluation, ...]  # every day, oldest first
    summary: pd.DataFrame = attrs.field(eq=False)
    failing: pd.DataFrame = attrs.field(eq=False)
    unrated: pd.DataFrame = attrs.field(eq=False)
    province: pd.DataFrame = attrs.field(eq=False)
    trends: pd.DataFrame = attrs.field(eq=False)
    findings: pd.DataFrame = attrs.field(eq=False)

    @property
    def communes(self) -> list[str]:
        """Commune names in evaluation order."""
        return [c.commune for c in self.evaluation.communes]

    @property
    def multi(self) -> bool:
        """Several communes (heat map and province summary)."""
        return len(self.evaluation.communes) > 1

    @property
    def target_ids(self) -> list[str]:
        """Target ids in result order."""
        ev = self.evaluation
        return [t.id for t in ev.communes[0].targets] if ev.communes else []

    def label(self, key: str) -> str:
        """A label in the report's language."""
        return label(key, self.lang)


def as_history(
    evaluation_or_evaluations: Evaluation | Sequence[Evaluation],
) -> tuple[Evaluation, ...]:
    """One evaluation or several (different days), oldest first."""
    if isinstance(evaluation_or_evaluations, Evaluation):
        return (evaluation_or_evaluations,)
    evs = tuple(evaluation_or_evaluations)
    if not evs:
        raise ValueError("no evaluation to report")
    for ev in evs:
        if not isinstance(ev, Evaluation):
            raise TypeError(f"expected Evaluation objects, got {type(ev).__name__}")
    return tuple(sorted(evs, key=lambda e: e.as_of))


def summary_frame(ev: Evaluation, failing: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per (commune, target) with every figure of the result, ready to print."""
    rows: list[dict[str, Any]] = []
    # the blocs of each line's failing members (line_blocs), found in one pass: a filter
    # of the whole frame per line would be quadratic in the number of communes
    blocs = failing["blocs"].tolist() if len(failing) else []
    groups = failing.groupby(["commune", "target_id"], sort=False).indices if blocs else {}
    lines = {key: sort_blocs({b for i in idx for b in blocs[i]}) for key, idx in groups.items()}
    for c in ev.communes:
        for t in c.targets:
            body = (
                body_name(ev.bodies[t.id], lang)
                if t.id in ev.bodies
                else bodies_text(lines.get((c.commune, t.id), ()), ev.bodies, lang)
            )
            rows.append(
                {
                    "commune": c.commune,
                    "id": t.id,
                    "title": t.title.get(lang),
                    "unit": label(f"unit_{t.unit}", lang),
                    "population": t.population,
                    "satisfied": t.satisfied,
                    "ratio": _share(t.satisfied, t.population),
                    "goal": _share(t.required, t.population),
                    "rule": t.rule.describe(lang),
                    "op": t.rule.op,
                    "required": t.required,
                    "shortfall": t.shortfall,
                    "progress": (min(1.0, t.satisfied / t.required) if t.required else 1.0)
                    if t.population
                    else None,
                    "status": t.status,
                    "status_label": t.status_text(lang),
                    "deadline": t.deadline,
                    "overdue": t.overdue,
                    "attainable": t.attainable,
                    "body": body,
                    "source": t.source,
                    "requirement": t.requirement.get(lang),
                    "population_text": t.population_text.get(lang),
                    "n_failing": len(t.failing),
                }
            )
    return pd.DataFrame(rows)


def province_frame(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per target over all communes: communes met / not met and summed counts."""
    if summary.empty:
        return summary
    g = summary.groupby("id", sort=False)
    out = pd.DataFrame(
        {
            "title": g["title"].first(),
            "unit": g["unit"].first(),
            "rule": g["rule"].first(),
            "deadline": g["deadline"].min(),
            "communes": g.size(),
            "met": g["status"].agg(lambda s: int((s == "met").sum())),
            "not_met": g["status"].agg(lambda s: int((s == "not_met").sum())),
            "not_applicable": g["status"].agg(lambda s: int((s == "not_applicable").sum())),
            "overdue": g["overdue"].sum().astype("int64"),
            "population": g["population"].sum(),
            "satisfied": g["satisfied"].sum(),
            "required": g["required"].sum(),
            "shortfall": g["shortfall"].sum(),
        }
    )
    out["ratio"] = [
        _share(int(s), int(n)) for s, n in zip(out["satisfied"], out["population"], strict=True)
    ]
    out["goal"] = [
        _share(int(r), int(n)) for r, n in zip(out["required"], out["population"], strict=True)
    ]
    applicable = out["met"] + out["not_met"]
    out["summary"] = [
        label("communes_met_of", lang).format(met=int(m), total=int(a))
        for m, a in zip(out["met"], applicable, strict=True)
    ]
    return out.reset_index()


def unrated_frame(ev: Evaluation, lang: str) -> pd.DataFrame:
    """Unrated cadres of every commune with their posts and responsible body."""
    rows = [(c.commune, cid) for c in ev.communes for cid in c.unrated]
    df = pd.DataFrame(rows, columns=["commune", "member_id"])
    features = ev.features
    year = features.rating_year if features is not None else ev.as_of.year
    df["explanation"] = label("unrated_reason", lang).format(year=year)
    if features is None or df.empty:
        df["member"] = ""
        df["role"] = ""
        df["body"] = bodies_text((), ev.bodies, lang)
        return df
    from cadre_core.reports._explain import _member_names, _member_roles

    df["member"] = df["member_id"].map(_member_names(features, "cadres")).fillna("")
    df["role"] = df["member_id"].map(_member_roles(features, "cadres")).fillna("")
    blocs = df["member_id"].map(member_blocs(features, "cadres"))
    df["body"] = blocs.map(
        lambda b: bodies_text(b if isinstance(b, tuple) else (), ev.bodies, lang)
    )
    return df


def findings_frame(ev: Evaluation, lang: str) -> pd.DataFrame:
    """Every finding of every commune."""
    rows = [
        {
            "commune": f.commune or c.commune,
            "rule": f.title(lang),
            "severity": f.severity,
            "subject": f.subject_text(lang),
            "message": f.message_en if lang == "en" else f.message_vi,
            "body": body_name(f.body, lang) if f.body else "",
            "source": f.source,
        }
        for c in ev.communes
        for f in c.findings
    ]
    return pd.DataFrame(
        rows, columns=["commune", "rule", "severity", "subject", "message", "body", "source"]
    )


def trend_frame(history: Sequence[Evaluation], lang: str) -> pd.DataFrame:
    """Per (day, target): summed counts over communes, shares and statuses, oldest first."""
    rows: list[dict[str, Any]] = []
    for ev in history:
        for tid in [t.id for t in ev.communes[0].targets] if ev.communes else []:
            results = [c.target(tid) for c in ev.communes]
            n = sum(r.population for r in results)
            s = sum(r.satisfied for r in results)
            q = sum(r.required for r in results)
            statuses = [r.status for r in results]
            met = statuses.count("met")
            applicable = met + statuses.count("not_met")
            status = (
                statuses[0]
                if len(results) == 1
                else (
                    "met"
                    if met == applicable and applicable
                    else ("not_applicable" if not applicable else "not_met")
                )
            )
            rows.append(
                {
                    "as_of": ev.as_of,
                    "id": tid,
                    "title": results[0].title.get(lang),
                    "population": n,
                    "satisfied": s,
                    "required": q,
                    "ratio": _share(s, n),
                    "goal": _share(q, n),
                    "status": status,
                    "status_label": label(status, lang)
                    if len(results) == 1
                    else label("communes_met_of", lang).format(met=met, total=applicable),
                }
            )
    return pd.DataFrame(rows)


def kpis(data: ReportData) -> dict[str, int | None]:
    """The report's head counts: targets (lines, for several communes) met, not met and
    not applicable, overdue, and the serving cadres (None when the features are gone)."""
    s, features = data.summary, data.evaluation.features
    counts = s["status"].value_counts() if len(s) else pd.Series(dtype="int64")
    out: dict[str, int | None] = {
        k: int(counts.get(k, 0)) for k in ("met", "not_met", "not_applicable")
    }
    out["overdue"] = int(s["overdue"].sum()) if len(s) else 0
    out["cadres"] = (
        int((features.cadres["active_positions"] > 0).sum())
        if features is not None and "active_positions" in features.cadres
        else None
    )
    return out


def bullet_caption(data: ReportData, r: Rec) -> str:
    """What a line's bar says under its share: "32/34 đạt · cần 34 (≥ 90%)"."""
    return data.label("bullet_caption").format(
        satisfied=int(r.satisfied),
        population=int(r.population),
        required=int(r.required),
        rule=r.rule,
    )


def build(
    evaluation_or_evaluations: Evaluation | Sequence[Evaluation], lang: str = "vi"
) -> ReportData:
    """Collect every table of the report from one evaluation or several days."""
    check_lang(lang)
    history = as_history(evaluation_or_evaluations)
    ev = history[-1]
    failing = explain_frame(ev, lang)
    summary = summary_frame(ev, failing, lang)
    return ReportData(
        lang=lang,
        evaluation=ev,
        history=history,
        summary=summary,
        failing=failing,
        unrated=unrated_frame(ev, lang),
        province=province_frame(summary, lang),
        trends=trend_frame(history, lang) if len(history) > 1 else pd.DataFrame(),
        findings=findings_frame(ev, lang),
    )


# ------------------------------------------------------------------ the province view
# (several communes: totals and ranking per commune, the status map's cells, the trend
# per commune and the province's name; shared by the HTML province view and the workbook)

#: How communes are ranked: fewer targets not met first, then the smaller total shortfall,
#: then more targets met; communes equal on all three share a rank ("1, 2, 2, 4").
RANK_KEYS: tuple[tuple[str, bool], ...] = (("not_met", True), ("shortfall", True), ("met", False))

#: The symbol each status carries in the status map, so that it reads without colour.
STATUS_SYMBOLS = {"met": "✓", "not_met": "✗", "not_applicable": "–"}


def commune_totals(summary: pd.DataFrame) -> pd.DataFrame:
    """Per commune (evaluation order): targets met, not met and not applicable, overdue
    targets, the total shortfall, and the commune's rank (see :data:`RANK_KEYS`).

    >>> s = pd.DataFrame({"commune": ["A", "A", "B", "B", "C", "C"],
    ...     "status": ["met", "not_met", "met", "met", "met", "not_met"],
    ...     "shortfall": [0, 2, 0, 0, 0, 2], "overdue": [False, True, False, False, False, True]})
    >>> commune_totals(s)[["commune", "met", "not_met", "shortfall", "rank"]].to_string(index=False)
    'commune  met  not_met  shortfall  rank\\n      A    1        1          2     2\\n      B    2        0          0     1\\n      C    1        1          2     2'
    """
    cols = ["commune", "met", "not_met", "not_applicable", "overdue", "shortfall", "rank"]
    if summary.empty:
        return pd.DataFrame(columns=cols)
    status = summary["status"]
    flags = pd.DataFrame(
        {
            "commune": summary["commune"],
            "met": (status == "met").astype("int64"),
            "not_met": (status == "not_met").astype("int64"),
            "not_applicable": (status == "not_applicable").astype("int64"),
            "overdue": summary["overdue"].astype(bool).astype("int64"),
            "shortfall": summary["shortfall"].astype("int64"),
        }
    )
    out = flags.groupby("commune", sort=False).sum().reset_index()
    keys = [k for k, _ in RANK_KEYS]
    ordered = out.sort_values(keys, ascending=[a for _, a in RANK_KEYS], kind="stable")
    new = ordered[keys].ne(ordered[keys].shift()).any(axis=1)
    position = pd.Series(range(1, len(ordered) + 1), index=ordered.index)
    out["rank"] = position.where(new).ffill().astype("int64")
    return out[cols]


def status_cells(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The status map's cells, one per (commune, target): the status, a symbol and the
    number a reader needs (the shortfall of a target not met), as text that reads in
    black-and-white print (``✓ đạt``, ``✗ 3``, ``–``)."""
    status = summary["status"]
    symbol = status.map(STATUS_SYMBOLS).fillna("?")
    text = symbol.where(
        status != "not_met", symbol + " " + summary["shortfall"].astype("int64").astype(str)
    ).where(status != "met", symbol + " " + label("cell_met", lang))
    return pd.DataFrame(
        {
            "commune": summary["commune"],
            "id": summary["id"],
            "status": status,
            "status_label": summary["status_label"],
            "text": text,
        }
    )


def commune_trend_frame(history: Sequence[Evaluation]) -> pd.DataFrame:
    """Per (day, commune), oldest day first: targets met and applicable and the total
    shortfall, for a trend per commune (empty for one day)."""
    cols = ["as_of", "commune", "met", "applicable", "shortfall"]
    if len(history) < 2:
        return pd.DataFrame(columns=cols)
    parts = []
    for ev in history:
        statuses = pd.DataFrame(
            [(c.commune, t.status, t.shortfall) for c in ev.communes for t in c.targets],
            columns=["commune", "status", "shortfall"],
        )
        g = (
            statuses.assign(
                met=(statuses["status"] == "met").astype("int64"),
                applicable=(statuses["status"] != "not_applicable").astype("int64"),
            )
            .groupby("commune", sort=False)[["met", "applicable", "shortfall"]]
            .sum()
            .reset_index()
        )
        parts.append(g.assign(as_of=ev.as_of))
    return pd.concat(parts, ignore_index=True)[cols]


def commune_provinces(ev: Evaluation) -> pd.Series:
    """The province of each commune, as the roster's agencies name it (an optional
    ``province`` column); empty when the roster does not say."""
    features = ev.features
    agencies = features.agencies if features is not None else None
    if agencies is None or "province" not in agencies or "commune" not in agencies:
        return pd.Series(dtype=object)
    known = agencies[["commune", "province"]].dropna()
    known = known[known["province"].astype(str).str.strip() != ""]
    return known.groupby("commune", sort=False)["province"].first().astype(str).str.strip()


def plugin_provinces(ev: Evaluation) -> list[str]:
    """The provinces the evaluation's plugins say they serve (``About.province``), in
    plugin order; empty when none says or the plugins cannot be loaded again."""
    from cadre_core.plugins import PluginHost, make_plugin_manager
    from cadre_core.plugins._loading import BUILTIN

    names = [p.name for p in ev.plugins if p.name != BUILTIN]
    if not names:
        return []
    try:
        host = PluginHost(make_plugin_manager(only=names))
        found = [str(getattr(host.about(n), "province", "") or "").strip() for n in names]
    except Exception:  # a plugin given in-process, or gone since: the name is not known
        return []
    return list(dict.fromkeys(p for p in found if p))


def province_name(ev: Evaluation, lang: str) -> str:
    """The name a multi-commune report carries: the province of its communes (from the
    roster), else the province of its plugins; several provinces are counted and the
    first ones named; empty when nothing says."""
    names = list(dict.fromkeys(commune_provinces(ev))) or plugin_provinces(ev)
    if len(names) <= 1:
        return names[0] if names else ""
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    return label("provinces_many", lang).format(n=len(names), names=shown)
