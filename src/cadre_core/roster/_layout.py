"""Layout profiles: a province's or a system's headers, sheet names and values, mapped to
the canonical ones of the roster format, so that a clerk never re-keys a list.

A profile is a TOML file (``cadre validate|evaluate --layout FILE``) or a :class:`Layout`
that a province plugin ships through the ``cadre_layouts`` hook::

    name = "Danh sách chuẩn của Tỉnh Mẫu"

    [sheets]                      # sheet (or csv file) name -> table
    "DS CBCC" = "cadres"

    [headers]                     # header as written -> table.column
    "Mã CBCC" = "cadres.cadre_id"
    "Trình độ CM" = "degrees.level"

    [values."degrees.level"]      # value as written -> canonical code
    "ĐH chính quy" = "dai_hoc"

Keys are compared as the reader compares headers (:func:`text_key`: case, spaces and
Unicode normalisation ignored). A layout is applied before the reader's own aliases: the
renamed headers and mapped values then go through the normal normalisers and validation.
"""

from __future__ import annotations

import datetime as dt
import difflib
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pandas as pd

from cadre_core.roster import _normalize as nz
from cadre_core.roster._reader import RawTable, known_headers
from cadre_core.roster._schema import CODE_ENUMS, TABLE_BY_NAME, TABLE_NAMES, header_key, text_key
from cadre_core.vocab._dates import parse_day
from cadre_core.vocab._told import os_said, told_error, toml_at

TOP_KEYS = ("name", "list_date", "sheets", "headers", "values")
"""The keys a layout file may hold at its top level."""


class LayoutError(ValueError):
    """A layout profile is not valid; the message names its file (or plugin) and the key.

    >>> try:
    ...     Layout("demo", "tinh.toml", {}, {}, {"DS CBCC": "cadre"})
    ... except LayoutError as exc:
    ...     print(exc)
    tinh.toml, key sheets.'ds cbcc': 'cadre' is not a roster table; did you mean cadres?
    """


def _keys(mapping: Mapping[str, str]) -> dict[str, str]:
    return {text_key(str(k)): str(v) for k, v in mapping.items()}


def _value_keys(mapping: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    return {str(col).strip(): _keys(vals) for col, vals in mapping.items()}


def _close(word: str, choices: Iterable[str]) -> object:
    """The closest of ``choices`` as the tail of a sentence ("; did you mean X?", said in
    the error's language), or ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return told_error(ValueError, "did_you_mean", word=close[0]) if close else ""


def _columns() -> list[str]:
    return [f"{t}.{c}" for t in TABLE_NAMES for c in TABLE_BY_NAME[t].column_names]


def _coded_columns() -> list[str]:
    return [
        f"{t.name}.{c.name}" for t in TABLE_BY_NAME.values() for c in t.columns if c.kind == "code"
    ]


def _column_problem(target: str) -> ValueError | None:
    """Why ``target`` is not a ``table.column`` of the roster format (None when it is)."""
    table, _, column = target.partition(".")
    if table not in TABLE_BY_NAME:
        close = _close(table, TABLE_NAMES)
        return told_error(ValueError, "layout_no_table", target=repr(target), close=close)
    if column not in TABLE_BY_NAME[table].column_names:
        return told_error(
            ValueError,
            "layout_no_column",
            target=repr(target),
            table=table,
            column=repr(column),
            close=_close(target, _columns()),
        )
    return None


def _check(
    where: str,
    sheets: Mapping[str, str],
    headers: Mapping[str, str],
    values: Mapping[str, Mapping[str, str]],
) -> None:
    """Raise :class:`LayoutError` for the first unknown table, column or code (keys are
    named as given: as written in a file, or as stored in a :class:`Layout`), and for two
    spellings of one key that map to different names."""
    sections = [("sheets", sheets), ("headers", headers)]
    sections += [(f"values.{t!r}", m) for t, m in values.items()]
    for section, mapping in sections:
        seen: dict[str, str] = {}
        for key, target in mapping.items():
            first = seen.setdefault(text_key(str(key)), str(key))
            if first != key and mapping[first] != target:
                raise told_error(
                    LayoutError,
                    "layout_same_key",
                    where=where,
                    key=f"{section}.{key!r}",
                    first=repr(first),
                    target=repr(target),
                    other=repr(mapping[first]),
                )
    for key, table in sheets.items():
        if table not in TABLE_BY_NAME:
            raise told_error(
                LayoutError,
                "layout_not_table",
                where=where,
                key=f"sheets.{key!r}",
                table=repr(table),
                close=_close(table, TABLE_NAMES),
            )
    for key, target in headers.items():
        problem = _column_problem(target)
        if problem is not None:
            raise told_error(
                LayoutError, "layout_key", where=where, key=f"headers.{key!r}", problem=problem
            )
    for target, mapping in values.items():
        problem = _column_problem(target)
        if problem is not None:
            raise told_error(
                LayoutError, "layout_key", where=where, key=f"values.{target!r}", problem=problem
            )
        table, _, column = target.partition(".")
        col = TABLE_BY_NAME[table].column(column)
        if col.kind != "code" or col.codes is None:
            raise told_error(
                LayoutError,
                "layout_not_coded",
                where=where,
                key=f"values.{target!r}",
                columns=", ".join(_coded_columns()),
            )
        codes = CODE_ENUMS[col.codes]
        for key, code in mapping.items():
            if code not in codes:
                raise told_error(
                    LayoutError,
                    "layout_not_code",
                    where=where,
                    key=f"values.{target!r}.{key!r}",
                    code=repr(code),
                    codes=", ".join(codes),
                    close=_close(code, codes),
                )


@attrs.frozen
class Layout:
    """A layout profile: real headers, sheet names and values mapped to canonical ones.

    Keys are stored as text keys (:func:`~cadre_core.roster.text_key`); an unknown table,
    column or code raises :class:`LayoutError` naming the source and the key.

    >>> lay = Layout("demo", "example", {"Mã CBCC": "cadres.cadre_id"},
    ...              {"degrees.level": {"ĐH chính quy": "dai_hoc"}}, {"DS CBCC": "cadres"})
    >>> lay.headers
    {'mã cbcc': 'cadres.cadre_id'}
    >>> Layout("demo", "example", {"Mã": "cadres.cadre_idx"}, {}, {})
    Traceback (most recent call last):
    ...
    cadre_core.roster._layout.LayoutError: example, key headers.'mã': 'cadres.cadre_idx': table cadres has no column 'cadre_idx'; did you mean cadres.cadre_id?
    """

    name: str
    source: str  # file path or "plugin NAME"
    headers: Mapping[str, str] = attrs.field(converter=_keys)
    values: Mapping[str, Mapping[str, str]] = attrs.field(converter=_value_keys)
    sheets: Mapping[str, str] = attrs.field(converter=_keys)
    list_date: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        _check(self.source or self.name, self.sheets, self.headers, self.values)

    def header_aliases(self, table: str) -> dict[str, str]:
        """Header key (:func:`~cadre_core.roster.header_key`) of a real header -> column of
        ``table``.

        A header mapped to ``T.c`` names column ``c`` in table ``T``, and in any other
        table that has a column ``c`` (a header mapped to ``cadres.cadre_id`` also names
        ``cadre_id`` in ``degrees``), so that one key serves every table that refers to it.

        >>> Layout("d", "x", {"Mã NV": "cadres.cadre_id"}, {}, {}).header_aliases("degrees")
        {'mã nv': 'cadre_id'}
        """
        columns = TABLE_BY_NAME[table].column_names
        out: dict[str, str] = {}
        for key, target in self.headers.items():
            _, _, column = target.partition(".")
            if column in columns:
                out[header_key(key)] = column
        return out


def _table(data: Any, key: str, where: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise told_error(LayoutError, "layout_not_section", where=where, key=key, data=repr(data))
    return data


def _strings(data: Any, key: str, where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in _table(data, key, where).items():
        if not isinstance(v, str):
            raise told_error(
                LayoutError, "layout_not_text", where=where, key=f"{key}.{k!r}", data=repr(v)
            )
        out[k] = v
    return out


def layout_from_mapping(data: Mapping[str, Any], where: str) -> Layout:
    """A :class:`Layout` from the parsed TOML of a profile; ``where`` names it in errors."""
    for key in data:
        if key not in TOP_KEYS:
            raise told_error(
                LayoutError,
                "layout_unknown_key",
                where=where,
                key=repr(key),
                keys=", ".join(TOP_KEYS),
                close=_close(key, TOP_KEYS),
            )
    name = data.get("name", Path(where).stem)
    if not isinstance(name, str):
        raise told_error(LayoutError, "layout_not_text", where=where, key="name", data=repr(name))
    raw_day = data.get("list_date")
    day: dt.date | None = None
    if raw_day is not None:
        if not isinstance(raw_day, (str, dt.date)):
            raise told_error(LayoutError, "layout_not_day", where=where, data=repr(raw_day))
        try:
            day = parse_day(raw_day, what="list_date")
        except ValueError as exc:
            raise told_error(
                LayoutError, "layout_bad_day", where=where, data=repr(raw_day), reason=exc
            ) from None
    values = {
        str(col): _strings(vals, f"values.{col!r}", where)
        for col, vals in _table(data.get("values", {}), "values", where).items()
    }
    headers = _strings(data.get("headers", {}), "headers", where)
    sheets = _strings(data.get("sheets", {}), "sheets", where)
    _check(where, sheets, headers, values)  # names the keys as the file writes them
    return Layout(name, where, headers, values, sheets, day)


def read_layout(path: str | Path) -> Layout:
    """Read and check a layout profile (TOML); :class:`LayoutError` names the file and key.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "tinh.toml"
    >>> _ = p.write_text('[headers]\\n"Mã CBCC" = "cadres.cadre_id"\\n', encoding="utf-8")
    >>> read_layout(p).headers
    {'mã cbcc': 'cadres.cadre_id'}
    """
    p = Path(path)
    where = str(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        reason = os_said(exc)
        raise told_error(LayoutError, "layout_unreadable", where=where, reason=reason) from None
    except UnicodeDecodeError as exc:
        raise told_error(LayoutError, "layout_not_utf8", where=where, byte=exc.start) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise told_error(
            LayoutError, "layout_not_toml", where=where, reason=exc, at=toml_at(exc)
        ) from None
    return layout_from_mapping(data, where)


_Key = tuple[str, ...]


def _flat(layout: Layout) -> dict[_Key, Any]:
    """Every mapping of ``layout`` under its own key: (section, key) or (values, column, key)."""
    out: dict[_Key, Any] = {}
    out.update({("sheets", k): v for k, v in layout.sheets.items()})
    out.update({("headers", k): v for k, v in layout.headers.items()})
    for col, vals in layout.values.items():
        out.update({("values", col, k): v for k, v in vals.items()})
    if layout.list_date is not None:
        out[("list_date",)] = layout.list_date
    return out


def _unflat(flat: Mapping[_Key, Any], name: str, source: str) -> Layout:
    parts: dict[str, dict[str, str]] = {"sheets": {}, "headers": {}}
    values: dict[str, dict[str, str]] = {}
    for key, value in flat.items():
        if key[0] == "values":
            values.setdefault(key[1], {})[key[2]] = value
        elif key[0] in parts:
            parts[key[0]][key[1]] = value
    day = flat.get(("list_date",))
    return Layout(name, source, parts["headers"], values, parts["sheets"], day)


def _shown(key: _Key) -> str:
    return ".".join([key[0], *(repr(k) for k in key[1:])])


def merge_layouts(plugins: Sequence[Layout], file: Layout | None = None) -> Layout | None:
    """One layout from the plugins' layouts and the ``--layout`` file's (None when none).

    Plugins' layouts are combined; two that map the same key differently are an error
    naming both. The file's mappings win over every plugin's.

    >>> a = Layout("a", "plugin a", {"Mã NV": "cadres.cadre_id"}, {}, {})
    >>> b = Layout("b", "plugin b", {"Mã NV": "cadres.full_name"}, {}, {})
    >>> merge_layouts([a, b])
    Traceback (most recent call last):
    ...
    cadre_core.roster._layout.LayoutError: layouts plugin a and plugin b disagree on headers.'mã nv' ('cadres.cadre_id' or 'cadres.full_name'); remove one, or settle it in a --layout file
    >>> merge_layouts([a, b], file=b).headers
    {'mã nv': 'cadres.full_name'}
    """
    if not plugins:
        return file
    covered = _flat(file) if file is not None else {}
    merged: dict[_Key, Any] = {}
    owners: dict[_Key, str] = {}
    for lay in plugins:
        for key, value in _flat(lay).items():
            if key in covered:
                continue
            if key in merged and merged[key] != value:
                raise told_error(
                    LayoutError,
                    "layout_clash",
                    one=owners[key],
                    other=lay.source,
                    key=_shown(key),
                    first=repr(merged[key]),
                    second=repr(value),
                )
            merged[key] = value
            owners.setdefault(key, lay.source)
    merged.update(covered)
    chosen = [*plugins, *([file] if file is not None else [])]
    return _unflat(
        merged, " + ".join(lay.name for lay in chosen), " + ".join(lay.source for lay in chosen)
    )


# ------------------------------------------------------------------------------ applying


def _map_values(column: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    """Cells whose text key ``mapping`` holds replaced by its code (each distinct value
    cleaned once); the others as they were."""
    keys = nz.keys_of(nz.to_text(column))
    mapped = keys.map(mapping)
    hit = mapped.notna()
    if not bool(hit.any()):
        return column
    return column.astype(object).where(~hit, mapped)


def apply_layout(raws: Sequence[RawTable], layout: Layout | None) -> list[RawTable]:
    """The raw tables with ``layout``'s headers attached (matched before the reader's own
    aliases) and its values mapped to codes, ready for normalisation and validation."""
    if layout is None:
        return list(raws)
    out = []
    for raw in raws:
        raw = attrs.evolve(raw, header_aliases=layout.header_aliases(raw.name))
        known = known_headers(raw)
        frame = raw.frame
        seen: set[str] = set()
        for i, header in enumerate(frame.columns):
            column = known.get(header_key(str(header)))
            if column is None or column in seen:
                continue
            seen.add(column)
            mapping = layout.values.get(f"{raw.name}.{column}")
            mapped = _map_values(frame.iloc[:, i], mapping) if mapping else None
            if mapped is not None and mapped is not frame.iloc[:, i]:
                frame = frame.copy() if frame is raw.frame else frame
                frame.isetitem(i, mapped.to_numpy())
        out.append(attrs.evolve(raw, frame=frame))
    return out


__all__ = [
    "Layout",
    "LayoutError",
    "apply_layout",
    "layout_from_mapping",
    "merge_layouts",
    "read_layout",
]
