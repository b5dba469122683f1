"""What the commune report shows beyond the evaluation's own tables: the parameters in
words (names from the label table, codes by their names), the members who fall short
grouped by agency, and the subjects of findings by name."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import pandas as pd

from cadre_core.vocab._labels import code_name, fmt_date, fmt_pct, label


def _has_label(key: str) -> bool:
    try:
        label(key)
    except KeyError:
        return False
    return True


def _word(code: object, lang: str) -> str:
    """A code of a parameter value in words (:func:`code_name`), or a word only the
    appendix uses (``param_word_*``); else as it is."""
    text = str(code)
    if _has_label("param_word_" + text):
        return label("param_word_" + text, lang)
    return code_name(text, lang)


_SHARE_WORDS = ("share", "cap", "min_female", "min_minority", "min_young", "threshold")


def _plain(value: Any, lang: str, share: bool = False) -> str:
    """A parameter value as plain words: a ``share`` as a percentage, other fractions as
    they are, days as dd/mm/yyyy, codes by their names, lists comma-joined, mappings as
    ``name: value``; empty as "–"."""
    if isinstance(value, Fraction):
        return fmt_pct(float(value), lang) if share else str(value)
    if isinstance(value, dt.date):
        return fmt_date(value)
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, dict):
        if not value:
            return "–"
        texts = [v for v in value.values() if isinstance(v, str) and len(v) > 40]
        if len(texts) == len(value):  # citations keyed by rule: the distinct texts
            return "; ".join(dict.fromkeys(texts))
        return "; ".join(f"{_word(k, lang)}: {_plain(v, lang)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v, lang) for v in value) if value else "–"
    if isinstance(value, str):
        if ";" in value and " " not in value:  # a ';'-separated list of codes
            return ", ".join(_word(v, lang) for v in value.split(";") if v)
        return _word(value, lang)
    return str(value)


def _param_name(key: str, definition: Any, lang: str) -> str:
    """A parameter's name for people: the label ``param_<key>`` (the core's and the
    national parameters), else the ``title`` its plugin gave it in ``lang``, else its
    description (as the plugin wrote it), else the key."""
    name = f"param_{key}"
    if _has_label(name):
        return label(name, lang)
    title = getattr(definition, "title", None)
    if title is not None:
        return str(title.get(lang))
    return str(getattr(definition, "description", "") or key)


def parameters(ev: Any, lang: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The parameters in force, compact: one line per target (its threshold, deadline and
    topics, and where they came from), then every other parameter by its name."""
    params = ev.params
    per_target: list[dict[str, str]] = []
    used: set[str] = set()
    targets = ev.communes[0].targets if ev.communes else ()
    for t in targets:
        keys = [
            k for k in (f"{t.id}.threshold", f"{t.id}.deadline", f"{t.id}.topics") if k in params
        ]
        used.update(keys)
        topics = params.get(f"{t.id}.topics")
        per_target.append(
            {
                "id": t.id,
                "title": t.title.get(lang),
                "rule": t.rule.describe(lang),
                "deadline": fmt_date(t.deadline),
                "topics": _plain(list(topics), lang) if topics else "",
                "origin": ", ".join(dict.fromkeys(params.origin(k) for k in keys)),
            }
        )
    definitions = params.definitions
    others = [
        {
            "name": _param_name(key, definitions.get(key), lang),
            "value": _plain(params[key], lang, share=any(w in key for w in _SHARE_WORDS)),
            "origin": params.origin(key),
        }
        for key in sorted(params)
        if key not in used
    ]
    return per_target, others


def by_origin(targets: list[dict[str, str]], params: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The appendix of :func:`parameters` grouped by where the values came from (a plugin,
    a parameter file), in the order each source first appears, so that the source is said
    once per group instead of after every value: the target lines join the group of
    their one source (when they have several, they come first, each line naming its own:
    that group's ``origin`` is empty).

    >>> [(g["origin"], len(g["targets"]), len(g["params"])) for g in by_origin(
    ...     [{"origin": "b"}], [{"origin": "a"}, {"origin": "b"}, {"origin": "a"}])]
    [('b', 1, 1), ('a', 0, 2)]
    """
    sources = list(dict.fromkeys(t["origin"] for t in targets))
    one = sources[0] if len(sources) == 1 else ""
    groups: dict[str, dict[str, Any]] = {}
    if targets:
        groups[one] = {"origin": one, "targets": targets, "params": []}
    for p in params:
        groups.setdefault(p["origin"], {"origin": p["origin"], "targets": [], "params": []})
        groups[p["origin"]]["params"].append(p)
    return list(groups.values())


def agency_of(ev: Any, unit: str) -> tuple[pd.Series, dict[str, int]]:
    """Per member of ``unit`` (id as text): the name of the agency it works in (a cadre:
    the first agency of its posts, in the roster's order), and each agency's rank."""
    features = ev.features
    if features is None or unit not in ("cadres", "positions"):
        return pd.Series(dtype=object), {}
    agencies = features.agencies
    names = (
        agencies["name"].astype(object).fillna(pd.Series(agencies.index, index=agencies.index))
        if "name" in agencies
        else pd.Series(agencies.index.astype(str), index=agencies.index)
    )
    rank = {str(n): i for i, n in enumerate(dict.fromkeys(names.astype(str)))}
    order = pd.Series(range(len(agencies)), index=agencies.index)
    if unit == "positions":
        codes = features.positions["agency_code"]
        out = codes.map(names).astype(object).fillna(codes.astype(object))
        out.index = out.index.astype(str)
        return out.astype(str), rank
    a = features.assignments[["cadre_id", "agency_code"]].dropna().drop_duplicates()
    a = a.assign(o=a["agency_code"].map(order).fillna(len(order)))
    first = (
        a.sort_values(["cadre_id", "o"], kind="stable").groupby("cadre_id")["agency_code"].first()
    )
    out = first.map(names).astype(object).fillna(first.astype(object))
    out.index = out.index.astype(str)
    return out.astype(str), rank


def groups(
    members: pd.DataFrame, agency: pd.Series, rank: dict[str, int], multi: bool
) -> list[dict[str, Any]]:
    """The failing members of one target grouped by agency (commune first for several
    communes), numbered through, each group with the bodies that must act."""
    if members.empty:
        return []
    frame = members.assign(
        agency=members["member_id"].astype(str).map(agency).astype(object).fillna(""),
    )
    frame = frame.assign(
        _rank=frame["agency"].map(rank).fillna(len(rank)),
        _commune=frame["commune"] if multi else "",
    ).sort_values(["_commune", "_rank", "agency"], kind="stable")
    frame = frame.assign(no=range(1, len(frame) + 1))
    # sorted, each (commune, agency) is one run of rows: the records are made once for the
    # whole frame and cut at the runs' ends (not one frame and ``to_dict`` per group)
    records = frame.to_dict("records")
    keys = list(zip(frame["_commune"].tolist(), frame["agency"].tolist(), strict=True))
    bodies = frame["body"].astype(str).tolist()
    groups = []
    start = 0
    for end in range(1, len(keys) + 1):
        if end < len(keys) and keys[end] == keys[start]:
            continue
        heading = " — ".join(str(x) for x in keys[start] if x)
        groups.append(
            {
                "name": heading,
                "body": "; ".join(dict.fromkeys(b for b in bodies[start:end] if b)),
                "members": records[start:end],
            }
        )
        start = end
    return groups


def common_reason(members: pd.DataFrame) -> str:
    """The one reason every listed member falls short for, when they share it ("" when
    reasons differ or nobody is listed): said once above the list instead of per line."""
    if len(members) < 2:
        return ""
    reasons = list(dict.fromkeys(members["explanation"].astype(str)))
    return reasons[0] if len(reasons) == 1 else ""
