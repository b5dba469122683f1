"""Who or what a finding is about, in words: a cadre's name and posts, a position's title,
an agency's name, read from the roster once per evaluation.

The same words name the members of a target in the reports (:func:`unit_names`,
:func:`cadre_posts`), so a person reads the same name for the same id everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cadre_core.features._frame import Features
from cadre_core.features._keys import _arrow, lookup
from cadre_core.findings._finding import Finding

#: The column that names a member of each unit.
NAME_COLUMNS = {"cadres": "full_name", "positions": "title", "agencies": "name"}

#: The unit of each kind of finding subject that the roster names.
_UNIT_OF_KIND = {"cadre": "cadres", "position": "positions", "agency": "agencies"}


def unit_names(features: Features, unit: str) -> pd.Series:
    """Per member of ``unit`` (ids as text): its name or title ('' when the roster has
    none)."""
    frame = features.unit_frame(unit)
    col = NAME_COLUMNS[unit]
    names = frame[col].astype(object) if col in frame else pd.Series("", index=frame.index)
    names = pd.Series(names.to_numpy(dtype=object), index=frame.index.astype(str), dtype=object)
    return names.fillna("")


def cadre_posts(features: Features, only: np.ndarray | None = None) -> pd.Series:
    """Per cadre holding a post on the day (ids as text): the titles of its posts, in the
    order of their codes, ``"; "``-joined (a post without a title by its code); with
    ``only`` (ids as text), for those cadres alone.

    Vectorised: cadres and posts are numbered in sorted order (each distinct id once),
    each distinct post is given its title once, and each cadre's run of titles is joined
    by pyarrow (one list per cadre, one ``binary_join``), not by a Python call per cadre.
    """
    a = features.assignments
    cadre = a["cadre_id"].astype(str)
    code = a["position_code"]
    if only is not None:
        keep = _among(cadre, only)
        cadre, code = cadre[keep], code[keep]
    if code.isna().any():  # not in a roster read: the titles of a blank code as pandas spells them
        return _posts_of_rows(cadre, code, features)
    cadre_no, ids = pd.factorize(cadre.to_numpy(), sort=True)
    post_no, codes = pd.factorize(code.to_numpy(dtype=object), sort=True)
    # each (cadre, post) pair once, sorted by cadre then post code
    pairs = np.unique(cadre_no.astype(np.int64) * max(len(codes), 1) + post_no)
    owner, post = np.divmod(pairs, max(len(codes), 1))
    titles = _titles(features, pd.Index(codes, dtype=object))[post]
    offsets = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=len(ids)), out=offsets[1:])
    lists = pa.ListArray.from_arrays(pa.array(offsets), pa.array(titles, type=pa.string()))
    joined = pc.binary_join(lists, "; ")
    index = pd.Index(ids, dtype="str")
    return pd.Series(joined.to_pylist(), index=index, dtype="str", name="position_code")


def _among(ids: pd.Series, only: np.ndarray) -> np.ndarray:
    """Whether each of ``ids`` (text) is one of ``only``: one hash pass in Arrow (pandas'
    ``isin`` for ids Arrow cannot read as text)."""
    try:
        wanted = pa.array(np.asarray(only, dtype=object), type=pa.string())
        found = pc.is_in(_arrow(ids), value_set=wanted)
    except (pa.ArrowException, TypeError, ValueError):
        return np.asarray(ids.isin(only).to_numpy(), dtype=bool)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def _titles(features: Features, codes: pd.Index) -> np.ndarray:
    """The title of each position code of ``codes`` as text (its code where the roster
    gives no title or no such position)."""
    at = lookup(codes, features.positions.index)
    found = np.flatnonzero(at >= 0)
    out = codes.to_numpy(dtype=object).copy()
    titles = features.positions["title"].iloc[at[found]].astype(object).to_numpy()
    given = pd.notna(titles)
    out[found[given]] = titles[given]
    return np.asarray(pd.Series(out, dtype=object).astype(str).to_numpy(dtype=object))


def _posts_of_rows(cadre: pd.Series, code: pd.Series, features: Features) -> pd.Series:
    """:func:`cadre_posts` of the rows (``cadre``, ``code``) by sorting the rows
    themselves: what a blank post code needs (it sorts last and is spelled by pandas)."""
    a = pd.DataFrame({"cadre_id": cadre, "position_code": code}).drop_duplicates()
    a = a.sort_values(["cadre_id", "position_code"])
    titles = a["position_code"].map(features.positions["title"].astype(object)).astype(object)
    titles = titles.fillna(a["position_code"].astype(object)).astype(str)
    codes, ids = pd.factorize(a["cadre_id"].astype(str).to_numpy(), sort=True)
    order = np.argsort(codes, kind="stable")  # each cadre's titles together, in code order
    offsets = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum(np.bincount(codes, minlength=len(ids)), out=offsets[1:])
    lists = pa.ListArray.from_arrays(
        pa.array(offsets), pa.array(titles.to_numpy(dtype=object)[order], type=pa.string())
    )
    joined = pc.binary_join(lists, "; ")
    index = pd.Index(ids, dtype="str")
    return pd.Series(joined.to_pylist(), index=index, dtype="str", name=titles.name)


def _first_of(values: pd.Series, keys: np.ndarray) -> np.ndarray:
    """``values`` (indexed by ids as text; an id twice: its first value) looked up for
    each of ``keys``: ``""`` for a key it does not hold or a missing value. Only the
    values found are converted, not the whole column."""
    if not values.index.is_unique:
        values = values[~values.index.duplicated()]
    pos = lookup(pd.Index(keys, dtype=object), values.index)
    found = pos >= 0
    out = np.full(len(keys), "", dtype=object)
    out[found] = values.iloc[pos[found]].astype(object).fillna("").to_numpy(dtype=object)
    return out


def _unit_column(features: Features, unit: str) -> pd.Series:
    """The naming column of ``unit`` indexed by ids as text (empty when the roster has
    none): what :func:`unit_names` gives, without converting every value."""
    frame = features.unit_frame(unit)
    col = NAME_COLUMNS[unit]
    names = frame[col] if col in frame else pd.Series("", index=frame.index, dtype=object)
    ids = frame.index  # ids already text keep their index (and its hash table)
    return pd.Series(
        names.array, index=ids if ids.inferred_type == "string" else ids.astype(str), copy=False
    )


def name_subjects(findings: Sequence[Finding], features: Features) -> list[Finding]:
    """``findings`` with ``subject_name`` (and a cadre's ``subject_post``) filled from the
    roster wherever the rule left them blank; a subject the roster does not know keeps
    blank names (its id is printed).

    The names are looked up per kind of subject in one vectorised step (the same words
    as :func:`unit_names` and :func:`cadre_posts`).
    """
    todo = [i for i, f in enumerate(findings) if not f.subject_name]
    if not todo:
        return list(findings)
    kinds = np.array([findings[i].subject_kind for i in todo], dtype=object)
    subjects = np.array([str(findings[i].subject) for i in todo], dtype=object)
    name = np.full(len(todo), "", dtype=object)
    post = np.full(len(todo), "", dtype=object)
    for kind, unit in _UNIT_OF_KIND.items():
        sel = kinds == kind
        if not sel.any():
            continue
        name[sel] = _first_of(_unit_column(features, unit), subjects[sel])
        if unit == "cadres":
            post[sel] = _first_of(cadre_posts(features, subjects[sel]), subjects[sel])
    communes = kinds == "commune"
    name[communes] = subjects[communes]
    out = list(findings)
    for i, n, p in zip(todo, name.tolist(), post.tolist(), strict=True):
        if n or p:
            out[i] = out[i].named(str(n), str(p))
    return out


def cadres_text(features: Features, ids: Sequence[str], lang: str = "vi") -> list[str]:
    """Cadres as a person reads them, in the words :meth:`Finding.subject_text` uses:
    name, post and id (``Lò Văn A, Phó Chủ tịch UBND (C001)``); without a name (or under
    pseudonyms, where the name is the id) the id and the post (``CB-1a2b (Phó Chủ tịch
    UBND)``); the id alone when neither is known. One vectorised step for all ``ids``.

    >>> ev = cadre_core.evaluate(cadre_core.sample_roster(), "2026-12-31")
    >>> cadres_text(ev.features, ["MT034", "nobody"])
    ['Lò Thị Hoài Thu, Công chức Nông nghiệp - Môi trường (MT034)', 'nobody']
    """
    from cadre_core.findings._common import spell  # (its module imports this one)
    from cadre_core.vocab._labels import label

    wanted = pd.Series(list(ids), dtype=object)
    names = unit_names(features, "cadres").reindex(wanted).fillna("").reset_index(drop=True)
    posts = cadre_posts(features, only=wanted.to_numpy())
    posts = posts.reindex(wanted).fillna("").astype(object).reset_index(drop=True)
    named = (names != "") & (names != wanted)
    has_post = posts != ""
    texts = np.where(
        named,
        np.where(
            has_post,
            spell(label("subject_named", lang), name=names, post=posts, id=wanted),
            spell(label("subject_named_no_post", lang), name=names, id=wanted),
        ),
        np.where(has_post, spell(label("subject_unnamed", lang), post=posts, id=wanted), wanted),
    )
    return [str(t) for t in texts]


__all__ = ["cadre_posts", "cadres_text", "name_subjects", "unit_names"]
