"""Explanations and responsible bodies, read from the rules and the evaluation.

Nothing here decides who passes: the failing members are the ids listed in each
:class:`~cadre_core.TargetResult`. For them, the target's own explainer (built by the
criteria factories) says what is missing; a target without one gets a sentence built from
its ``requirement``. The responsible body comes from ``evaluation.bodies`` (the
``cadre_responsible_bodies`` hook): a target-id entry first, then the target's ``bloc``,
then the bloc of each member's agency.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from cadre_core.engine._results import Evaluation
from cadre_core.features._frame import Features
from cadre_core.findings._subjects import cadre_posts, unit_names
from cadre_core.plugins import _guard
from cadre_core.targets._target import Target
from cadre_core.vocab._labels import body_name, check_lang, label

#: Bloc codes in the order of section III of the plan (Party and Front first).
BLOC_ORDER: tuple[str, ...] = ("party_front", "government")

EXPLANATION_COLUMNS = [
    "commune",
    "target_id",
    "target",
    "target_status",
    "rule_op",
    "unit",
    "member_id",
    "member",
    "role",
    "explanation",
    "body",
]


def _bloc_key(bloc: str) -> tuple[int, str]:
    return (BLOC_ORDER.index(bloc) if bloc in BLOC_ORDER else len(BLOC_ORDER), bloc)


def sort_blocs(blocs: Iterable[str]) -> tuple[str, ...]:
    """Distinct bloc codes in plan order."""
    return tuple(sorted(set(blocs), key=_bloc_key))


def bodies_text(blocs: Sequence[str], bodies: Mapping[str, str], lang: str) -> str:
    """The bodies of ``blocs`` joined with ``"; "`` (every known bloc when empty)."""
    chosen = blocs or sort_blocs(b for b in bodies if b in BLOC_ORDER) or BLOC_ORDER
    names: list[str] = []
    for b in chosen:
        name = body_name(bodies.get(b, b), lang)
        if name not in names:
            names.append(name)
    return "; ".join(names)


def member_blocs(features: Features, unit: str) -> pd.Series:
    """Per member of ``unit``: the tuple of blocs it belongs to.

    Cadres: the blocs of the agencies of their active positions (both when they hold posts
    in both blocs); positions and agencies: their own bloc.
    """
    if unit == "cadres":
        a = features.assignments[["cadre_id", "bloc"]].dropna()
        a = pd.DataFrame(
            {"cadre_id": a["cadre_id"].astype(str), "bloc": a["bloc"].astype(str)}
        ).drop_duplicates()
        a["o"] = a["bloc"].map(lambda b: _bloc_key(b)[0])
        out = a.sort_values(["cadre_id", "o", "bloc"]).groupby("cadre_id")["bloc"].agg(tuple)
        return out
    frame = features.unit_frame(unit)
    if "bloc" not in frame:
        return pd.Series(dtype=object)
    b = frame["bloc"].dropna().astype(str)
    b.index = b.index.astype(str)
    return b.map(lambda x: (x,))


def _member_names(features: Features, unit: str) -> pd.Series:
    return unit_names(features, unit)


def _member_roles(features: Features, unit: str) -> pd.Series:
    """Cadres: titles of their active posts; positions: their agency's name."""
    if unit == "cadres":
        return cadre_posts(features)
    if unit == "positions":
        ag = features.agencies["name"].astype(object) if "name" in features.agencies else None
        pos = features.positions
        roles = pos["agency_code"].map(ag) if ag is not None else pos["agency_code"]
        roles = roles.astype(object).fillna(pos["agency_code"].astype(object))
        roles.index = roles.index.astype(str)
        return roles
    return pd.Series(dtype=object)


def _target_text_explain(
    target: Target | None, features: Features | None, ids: pd.Index, lang: str, plugin: str
) -> pd.Series:
    """The target's explainer over ``ids``; missing texts stay NaN for the fallback."""
    if target is None or target.explain is None or features is None or not len(ids):
        return pd.Series(index=ids, dtype=object)
    frame_index = features.unit_frame(target.unit).index
    known = ids[ids.isin(frame_index.astype(str))]
    if not len(known):
        return pd.Series(index=ids, dtype=object)
    lookup = frame_index[frame_index.astype(str).isin(known)]
    texts = _guard.explanations(plugin, target, features, lookup, lang)
    texts = pd.Series(texts.to_numpy(dtype=object), index=texts.index.astype(str), dtype=object)
    texts = texts[~texts.index.duplicated()]
    return texts.reindex(ids)


def explain_frame(evaluation: Evaluation, lang: str = "vi") -> pd.DataFrame:
    """:func:`explanations` plus a ``blocs`` column (tuple of bloc codes per member)."""
    check_lang(lang)
    targets = {t.id: t for t in evaluation.targets}
    features = evaluation.features
    bodies = evaluation.bodies
    parts: list[pd.DataFrame] = []
    per_unit: dict[str, tuple[pd.Series, pd.Series, pd.Series]] = {}
    order = [t.id for t in evaluation.communes[0].targets] if evaluation.communes else []
    for pos, tid in enumerate(order):
        rows = [
            (c.commune, m, r.status, r.rule.op, r.unit, r.title.get(lang), r.requirement.get(lang))
            for c in evaluation.communes
            for r in (c.target(tid),)
            for m in r.failing
        ]
        if not rows:
            continue
        df = pd.DataFrame(
            rows,
            columns=[
                "commune",
                "member_id",
                "target_status",
                "rule_op",
                "unit",
                "target",
                "requirement",
            ],
        )
        target = targets.get(tid)
        unit = str(df["unit"].iloc[0])
        ids = pd.Index(df["member_id"].astype(str).unique())
        plugin = evaluation.communes[0].target(tid).plugin
        texts = _target_text_explain(target, features, ids, lang, plugin)
        generic = df["requirement"].map(_fallback_texts(lang, df["requirement"]))
        explained = df["member_id"].map(texts)
        df["explanation"] = explained.where(
            explained.notna() & (explained.astype(object) != ""), generic
        )
        if features is not None:
            if unit not in per_unit:
                per_unit[unit] = (
                    _member_names(features, unit),
                    _member_roles(features, unit),
                    member_blocs(features, unit),
                )
            names, roles, unit_blocs = per_unit[unit]
            df["member"] = df["member_id"].map(names).astype(object).fillna("")
            df["role"] = df["member_id"].map(roles).astype(object).fillna("")
            blocs = df["member_id"].map(unit_blocs)
        else:
            df["member"] = ""
            df["role"] = ""
            blocs = pd.Series([()] * len(df), index=df.index, dtype=object)
        fixed = _fixed_blocs(target, bodies)
        if fixed is not None:
            blocs = pd.Series([fixed] * len(df), index=df.index, dtype=object)
        df["blocs"] = blocs.map(lambda b: b if isinstance(b, tuple) else ())
        df["body"] = df["blocs"].map(_bodies_cache(tid, bodies, lang))
        df["target_id"] = tid
        df["_order"] = pos
        parts.append(df)
    if not parts:
        return pd.DataFrame(columns=[*EXPLANATION_COLUMNS, "blocs"])
    out = pd.concat(parts, ignore_index=True)
    out = out.sort_values(["_order", "commune", "member_id"], kind="stable").reset_index(drop=True)
    return out[[*EXPLANATION_COLUMNS, "blocs"]]


def _fallback_texts(lang: str, requirements: pd.Series) -> dict[str, str]:
    """The generic sentence per distinct requirement ("chưa đạt: <requirement>")."""
    template = label("fallback", lang)
    return {str(r): template.format(requirement=r) for r in requirements.unique()}


def _fixed_blocs(target: Target | None, bodies: Mapping[str, str]) -> tuple[str, ...] | None:
    if target is not None and target.id not in bodies and target.bloc:
        return (target.bloc,)
    return None


def _bodies_cache(tid: str, bodies: Mapping[str, str], lang: str) -> dict[tuple[str, ...], str]:
    """A mapping blocs -> body text that answers the target-id override first."""

    class _Cache(dict[tuple[str, ...], str]):
        def __missing__(self, key: tuple[str, ...]) -> str:
            text = body_name(bodies[tid], lang) if tid in bodies else bodies_text(key, bodies, lang)
            self[key] = text
            return text

    return _Cache()


def explanations(evaluation: Evaluation, *, lang: str = "vi") -> pd.DataFrame:
    """For every failing member listed in the evaluation: what is missing and who must act.

    One row per (commune, target, failing member) in target order, with columns
    ``commune, target_id, target, target_status, rule_op, unit, member_id, member`` (name
    or title), ``role`` (a cadre's posts, a position's agency), ``explanation`` and
    ``body``. The explanation comes from the target's explainer
    (``"LLCT trung cấp, cần cao cấp hoặc cử nhân"``), else from its requirement
    (``"chưa đạt: ..."``). Statuses and failing ids are read from the results, never
    recomputed.
    """
    return explain_frame(evaluation, lang).drop(columns="blocs")


def line_blocs(frame: pd.DataFrame, commune: str | None, target_id: str) -> tuple[str, ...]:
    """Union of the blocs of a target's failing members (in one commune, or all)."""
    sel = frame["target_id"] == target_id
    if commune is not None:
        sel &= frame["commune"] == commune
    found: set[str] = set()
    for b in frame.loc[sel, "blocs"].drop_duplicates():
        found.update(b)
    return sort_blocs(found)


def responsible_body(
    evaluation: Evaluation,
    target_id: str,
    *,
    member_id: str | None = None,
    commune: str | None = None,
    lang: str = "vi",
) -> str:
    """The body (or bodies, ``"; "``-joined) that must act on a target line or a member.

    A target-id entry of ``evaluation.bodies`` wins; then the target's ``bloc``; then, for
    a member, the bloc of its agency (a cadre holding posts in both blocs answers to both
    bodies); for a target line, the blocs of its failing members (in ``commune`` if
    given); with no failing member, every bloc's body.

    >>> import cadre_core
    >>> ev = cadre_core.evaluate(
    ...     cadre_core.sample_roster(), "2026-12-31", plugins=["province_template"])
    >>> responsible_body(ev, "tpl.7b", member_id="MT015")
    'Ban Xây dựng Đảng'
    >>> responsible_body(ev, "tpl.5a", member_id="MT003")  # posts in both blocs
    'Ban Xây dựng Đảng; Ủy ban nhân dân xã'
    """
    check_lang(lang)
    bodies = evaluation.bodies
    if target_id in bodies:
        return body_name(bodies[target_id], lang)
    target = next((t for t in evaluation.targets if t.id == target_id), None)
    fixed = _fixed_blocs(target, bodies)
    if fixed is not None:
        return bodies_text(fixed, bodies, lang)
    if evaluation.features is None:
        return bodies_text((), bodies, lang)
    unit = target.unit if target is not None else "cadres"
    blocs = member_blocs(evaluation.features, unit)
    if member_id is not None:
        return bodies_text(blocs.get(str(member_id), ()), bodies, lang)
    failing = {
        m
        for c in evaluation.communes
        if commune is None or c.commune == commune
        for t in c.targets
        if t.id == target_id
        for m in t.failing
    }
    found = {b for m in failing for b in blocs.get(m, ())}
    return bodies_text(sort_blocs(found), bodies, lang)
