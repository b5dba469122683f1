"""What the national finding families share: work done once per call, the body of a bloc,
and the vectorised assembly of :class:`Finding` objects.

At national scale (millions of rows) the rules join on integer row codes rather than on
id strings, write each distinct message once (:func:`~cadre_core.features._keys.per_row`)
and share work (each cadre's home position, its row on the roll) during one
:func:`~cadre_core.findings._national.national_findings` call.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from itertools import repeat
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features, whole_years
from cadre_core.features._keys import _arrow, lookup, per_value
from cadre_core.findings._finding import Finding, Severity, SubjectKind
from cadre_core.targets._target import Text
from cadre_core.vocab._labels import category_name, default_bodies, label, level_name

_T = TypeVar("_T")

#: A rule: the features and the parameters in force, and the responsible bodies (bloc ->
#: body, the host's merged ``cadre_responsible_bodies``; the built-in ones when omitted).
Rule = Callable[..., list[Finding]]

# Work shared by the rules during one national_findings call (e.g. each cadre's home
# position), keyed by name; ``None`` outside such a call, where each rule computes what it
# needs itself.
_SHARED: ContextVar[dict[str, Any] | None] = ContextVar("national_findings_shared", default=None)


def _shared(features: Features, key: str, make: Callable[[], _T]) -> _T:
    """``make()``, computed once per national_findings call on ``features``."""
    store = _SHARED.get()
    if store is None or store.get("features") is not features:
        return make()
    if key not in store:
        store[key] = make()
    value: _T = store[key]
    return value


def _p(params: Mapping[str, Any], key: str, default: Any) -> Any:
    return params.get(key, default)


def _table(features: Features, name: str) -> pd.DataFrame | None:
    tables: Mapping[str, pd.DataFrame] = getattr(features, "tables", {}) or {}
    frame = tables.get(name)
    return frame if frame is not None and len(frame) else None


def _bodies(bodies: Mapping[str, str] | None) -> Mapping[str, str]:
    """The responsible bodies in force: the built-in defaults, overridden by ``bodies``."""
    return {**default_bodies(), **(bodies or {})}


def _cited(params: Mapping[str, Any], rule: str, source: str) -> str:
    """``source``, followed by the clause of a province's plan that restates the rule
    (parameter ``national.plan_citations``: rule id -> text), if any."""
    extra = (_p(params, "national.plan_citations", None) or {}).get(rule)
    return f"{source}; {extra}" if extra else source


def _at(values: pd.Series, rows: np.ndarray) -> pd.Series:
    """``values`` at positions ``rows``, missing where a row is -1 (what ``Series.map``
    gives for unmatched keys)."""
    return pd.Series(rows).map(values.reset_index(drop=True))


def _texts(values: pd.Series | pd.Index) -> pd.Series | None:
    """``values`` as an Arrow-backed text Series when they are all text (or missing)."""
    s = values if isinstance(values, pd.Series) else pd.Series(values, copy=False)
    if s.dtype == object and pd.api.types.infer_dtype(s, skipna=False) != "string":
        return None
    if s.dtype != object and not isinstance(s.dtype, pd.StringDtype):
        return None
    try:
        return s.astype("str").reset_index(drop=True)
    except (ValueError, TypeError):  # e.g. text that is not valid Unicode
        return None


def _locate(features: Features, parts: Sequence[pd.Series]) -> list[np.ndarray]:
    """The row of ``features.cadres`` of each cadre id in each part (-1 when absent); the
    cadre ids are converted to Arrow once per national_findings call."""
    keys = features.cadres.index
    known = (
        _shared(features, "cadre_ids", lambda: _arrow(keys))
        if any(part.dtype != object for part in parts)
        else None
    )
    return [lookup(part, keys, arrow_universe=known) for part in parts]


def _cadre_rows(features: Features) -> np.ndarray:
    """The row of ``features.cadres`` of each assignment's cadre (-1 when absent)."""
    return _shared(
        features, "cadre_rows", lambda: _locate(features, [features.assignments["cadre_id"]])[0]
    )


def _home_rows(features: Features) -> np.ndarray:
    """Per active cadre: the assignment row of its first active position by code (the
    first such row on ties), -1 when it has none.

    Only cadres with several assignments need sorting; the others' home is their one row.
    """

    def make() -> np.ndarray:
        crow = _cadre_rows(features)
        n = len(features.cadres)
        home = np.full(n, -1, dtype=np.int64)
        ok = np.flatnonzero(crow >= 0)
        count = np.bincount(crow[ok], minlength=n)[crow[ok]]
        single = ok[count == 1]
        home[crow[single]] = single
        multi = ok[count > 1]
        if len(multi):
            sub = features.assignments[["cadre_id", "position_code"]].iloc[multi].assign(_row=multi)
            sub = sub.sort_values(["cadre_id", "position_code"], kind="stable")
            first = sub.drop_duplicates("cadre_id")["_row"].to_numpy()
            home[crow[first]] = first
        return home

    return _shared(features, "home_rows", make)


def _cadre_home(features: Features) -> pd.DataFrame:
    """Per active cadre: the agency and bloc of its first active position (by code)."""

    def make() -> pd.DataFrame:
        a = features.assignments
        rows = _home_rows(features)
        home = pd.DataFrame(
            {
                "agency_code": _at(a["agency_code"], rows).astype(object),
                "bloc": _at(a["bloc"], rows).astype(object),
            }
        )
        home.index = features.cadres.index
        return home

    return _shared(features, "cadre_home", make)


def _body_of_bloc(bloc: pd.Series, bodies: Mapping[str, str] | None) -> pd.Series:
    """The responsible body of each bloc (the ``government`` body for an unknown bloc)."""
    known = _bodies(bodies)

    def body(values: pd.Series) -> pd.Series:
        out: pd.Series = (
            values.astype(object).map(known).fillna(known.get("government", "")).astype(object)
        )
        return out

    return per_value(bloc, body)


def _post_titles(
    features: Features, codes: pd.Series, categories: pd.Series | None = None
) -> dict[str, pd.Series]:
    """The title of each position code in each language (``{"vi": ..., "en": ...}``, for
    :func:`said`), aligned on ``codes``: the roster's title, else its category's name in
    that language, else the code: what a message names a post by."""
    pos = features.positions
    title = _at(pos["title"], lookup(codes, pos.index)).astype(object)
    title.index = codes.index
    out = {}
    for lang in ("vi", "en"):
        named = title
        if categories is not None:
            words = per_value(categories, _categories_in(lang))
            named = named.fillna(words.astype(object))
        out[lang] = named.fillna(codes.astype(object))
    return out


def _categories_in(lang: str) -> Callable[[pd.Series], pd.Series]:
    """Position categories' names in ``lang`` (for :func:`per_value`)."""

    def names(codes: pd.Series) -> pd.Series:
        return codes.map(lambda code: category_name(code, lang)).astype(object)

    return names


def rating_words(levels: pd.Series, lang: str) -> pd.Series:
    """Rating codes in words (the label table) in ``lang``, one look-up per distinct
    code.

    >>> rating_words(pd.Series(["excellent", "good", "excellent"]), "vi").tolist()
    ['hoàn thành xuất sắc nhiệm vụ', 'hoàn thành tốt nhiệm vụ', 'hoàn thành xuất sắc nhiệm vụ']
    """
    return per_value(
        levels, lambda v: v.map(lambda c: level_name(c, lang, "rating")).astype(object)
    )


_FORMAT = string.Formatter()


def spell(template: str, **values: object) -> pd.Series:
    """A label template filled column by column, the way ``+`` joins texts: each
    ``{name}`` is ``values[name]``, a Series of texts joined element by element (aligned on
    its index; a missing text leaves the row missing) or one value for every row (its
    ``str``). With no Series among the values, a Series of the one text.

    >>> spell("{a} của {b} ({n})", a=pd.Series(["1", "2"]), b=pd.Series(["x", "y"]), n=3).tolist()
    ['1 của x (3)', '2 của y (3)']
    """
    out: pd.Series | str = ""
    text = ""  # the words (and single values) since the last Series
    for words, name, spec, conversion in _FORMAT.parse(template):
        text += words
        if name is None:
            continue
        value = values[name]
        if isinstance(value, pd.Series):
            if spec or conversion:
                raise ValueError(f"{{{name}}} of a Series takes no format: {template!r}")
            out = value if isinstance(out, str) and not out + text else out + text + value
            text = ""
        else:
            shown = _FORMAT.convert_field(value, conversion) if conversion else value
            text += _FORMAT.format_field(shown, spec or "")
    if isinstance(out, str):
        return pd.Series([out + text], dtype=object)
    return out + text if text else out


def said(key: str, **fields: object) -> dict[str, pd.Series]:
    """The label ``key`` filled by :func:`spell` in each language (``{"vi": ..., "en":
    ...}``): a field given as a :class:`~cadre_core.targets.Text`, or as a mapping from
    the language to its value, is read in that language (what :meth:`Text.of` does for one
    text).

    >>> t = said("rule_national.vacancy")
    >>> t["vi"].tolist(), t["en"].tolist()
    (['Thiếu người so với biên chế'], ['Post below its quota'])
    """

    def field(value: object, lang: str) -> object:
        if isinstance(value, Text):
            return value.get(lang)
        return value[lang] if isinstance(value, Mapping) else value

    return {
        lang: spell(label(key, lang), **{k: field(v, lang) for k, v in fields.items()})
        for lang in ("vi", "en")
    }


def _text(values: pd.Series) -> list[Any]:
    """``values.astype(str).tolist()``, without the round trip when all values are str."""
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=False) == "string":
        return values.tolist()
    return values.astype(str).tolist()


def _build(
    frame: pd.DataFrame,
    *,
    rule: str,
    severity: Severity | pd.Series,
    kind: SubjectKind,
    subject: pd.Series,
    vi: pd.Series,
    en: pd.Series,
    source: str,
    body: str | pd.Series,
    commune: pd.Series,
) -> list[Finding]:
    """One finding per row of ``frame``: the texts are prepared column by column, then
    the objects are made in one pass over the prepared lists."""
    n = len(frame)
    if n == 0:
        return []
    sev = _text(severity) if isinstance(severity, pd.Series) else [str(severity)] * n
    bod = _text(body.fillna("")) if isinstance(body, pd.Series) else [_blank(body)] * n
    cols = (sev, _text(subject), _text(vi), _text(en), bod, _text(commune.fillna("")))
    if len({len(col) for col in cols}) != 1:
        raise ValueError(f"finding columns of different lengths for {rule}")
    return list(
        map(Finding, repeat(rule), cols[0], repeat(kind), *cols[1:4], repeat(source), *cols[4:])
    )


def _blank(value: str) -> str:
    return "" if pd.isna(value) else str(value)


def _dates_text(dates: pd.Series, fmt: str) -> pd.Series:
    """``dates.dt.strftime(fmt)`` as objects, formatting each distinct date once."""

    def text(values: pd.Series) -> pd.Series:
        out: pd.Series = values.dt.strftime(fmt).astype(object)
        return out

    return per_value(dates, text)


def _month(dates: pd.Series) -> pd.Series:
    return _dates_text(dates, "%m/%Y")


def full_years(start: pd.Series, day: dt.date) -> pd.Series:
    """Whole years from each date in ``start`` to ``day`` (vectorised; NaT gives -1):
    :func:`cadre_core.features.whole_years` with -1 for a blank."""
    out: pd.Series = whole_years(start, day).fillna(-1).astype("int64")
    return out


def _categories(params: Mapping[str, Any], key: str, default: str) -> list[str]:
    raw = _p(params, key, default)
    items = raw.split(";") if isinstance(raw, str) else list(raw)
    return [str(x).strip() for x in items if str(x).strip()]


__all__ = ["Rule", "full_years", "said", "spell"]
