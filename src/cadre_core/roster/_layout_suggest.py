"""A starter layout profile for an unknown roster (``cadre validate --suggest-layout``).

Every sheet name, header and coded value the reader does not know is written out with its
best canonical guess and the guess's score (0-100, :mod:`rapidfuzz` on the diacritic-free
spellings the reader accepts), for a person to confirm. Confident guesses are written as
mappings; the others as comments with their candidates. The text is a TOML layout profile
that :func:`~cadre_core.roster.read_layout` reads back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs
import pandas as pd
from rapidfuzz import fuzz, process

from cadre_core.roster import _normalize as nz
from cadre_core.roster._guards import _check_workbook_size
from cadre_core.roster._layout import Layout, apply_layout, merge_layouts
from cadre_core.roster._reader import (
    TABLE_KEYS,
    RawTable,
    header_keys,
    known_headers,
    read_raw,
    table_for,
)
from cadre_core.roster._schema import (
    AMBIGUOUS_VALUES,
    TABLE_BY_NAME,
    TABLE_NAMES,
    VALUE_ALIASES,
    ascii_key,
    header_key,
    text_key,
)
from cadre_core.roster._sheets import read_sheets, sheet_names
from cadre_core.roster._sniff import WORKBOOK_SUFFIXES, XML_SUFFIXES, file_kind

SURE = 90.0
"""Score from which a guess is written as a mapping rather than as a comment."""

SHORT = 3
"""Spellings of at most this many characters are scored whole, never by a partial match."""

_WORKBOOKS = (*WORKBOOK_SUFFIXES, *XML_SUFFIXES)


@attrs.frozen
class Guess:
    """One thing the reader does not know, as written, with its candidates (best first)."""

    written: str
    candidates: tuple[tuple[str, float], ...]  # (canonical, score 0-100)
    rows: int = 0
    note: str = ""  # why a confident guess is still only a comment
    table: str = ""  # the table a header was found in

    @property
    def sure(self) -> bool:
        """Whether the best candidate is good enough to be written as a mapping."""
        return bool(self.candidates) and self.candidates[0][1] >= SURE and not self.note


def _candidates(
    written: str, choices: Mapping[str, str], n: int = 3
) -> tuple[tuple[str, float], ...]:
    """The ``n`` best canonical names for ``written`` among ``choices`` (spelling -> name)."""
    if not choices:
        return ()
    key = text_key(written)
    # WRatio scores a partial match high, which for a letter or two ("A") means nothing:
    # short spellings are compared whole
    scorer = fuzz.WRatio if len(key) > SHORT else fuzz.ratio
    found = process.extract(key, list(choices), scorer=scorer, processor=ascii_key, limit=None)
    best: dict[str, float] = {}
    for spelling, score, _ in found:
        name = choices[spelling]
        best[name] = max(best.get(name, 0.0), float(score))
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    return tuple((name, round(score)) for name, score in ranked[:n])


def _sheet_names(path: Path) -> list[str]:
    """The sheet names of a workbook, or the table file names of a folder."""
    if path.is_dir():
        return [p.stem for p in sorted(path.iterdir()) if p.suffix.lower() in (".csv", ".parquet")]
    if path.suffix.lower() not in _WORKBOOKS or _check_workbook_size(path) is not None:
        return []
    try:
        return sheet_names(path)
    except Exception:  # not a workbook: the reader says so when it is read
        return []


def _top_cells(path: Path, name: str) -> list[str]:
    """The text cells of the first rows of a sheet (or of a folder's table file)."""
    try:
        if path.is_dir():
            file = next(p for p in path.iterdir() if p.stem == name and p.suffix)
            if file.suffix.lower() == ".parquet":
                import pyarrow.parquet as pq

                return [str(c) for c in pq.read_schema(file).names]
            grid = pd.read_csv(file, header=None, nrows=20, dtype=str, encoding="utf-8-sig")
        elif file_kind(path) == "spreadsheetml":
            grid = read_sheets(path)[0][name].head(20)
        else:
            grid = pd.read_excel(path, sheet_name=name, header=None, nrows=20, engine="calamine")
    except Exception:  # unreadable: the reader reports it when it is read
        return []
    return [v for v in grid.to_numpy().ravel().tolist() if isinstance(v, str) and v.strip()]


def _by_headers(cells: list[str]) -> tuple[tuple[str, float], ...]:
    """The table whose headers a sheet's top cells name most distinctly: its hits against
    those of the runner-up, counted half (columns such as ``cadre_id`` are in many tables);
    100 when no other table has any."""
    keys = set(map(header_key, cells))
    hits = sorted(
        ((sum(k in keys for k in header_keys(t)), t.name) for t in TABLE_BY_NAME.values()),
        reverse=True,
    )
    (best, table), (second, _) = hits[0], hits[1]
    if best < 2:
        return ()
    return ((table, round(100 * best / (best + second / 2))),)


def _sheet_guesses(path: Path, layout: Layout | None) -> list[Guess]:
    """Sheet (or file) names that name no table, with the tables they may hold: by name,
    and by the headers in their top rows."""
    out = []
    for name in _sheet_names(path):
        if table_for(name, layout) is not None:
            continue
        guess = Guess(name, _candidates(name, TABLE_KEYS))
        if not guess.sure:
            found = dict(guess.candidates)
            for table, score in _by_headers(_top_cells(path, name)):
                found[table] = max(found.get(table, 0.0), score)
            ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))[:3]
            guess = attrs.evolve(guess, candidates=tuple(ranked))
        out.append(guess)
    return out


def _header_guesses(raw: RawTable) -> list[Guess]:
    """The headers of ``raw`` the reader does not know, with the columns they may be (the
    columns of the table not already present)."""
    known = known_headers(raw)
    present = {known[k] for k in map(header_key, map(str, raw.frame.columns)) if k in known}
    columns = set(TABLE_BY_NAME[raw.name].column_names) - present
    # the table's own spellings, then those of the same column in other tables (cadre_id
    # is one field wherever it appears)
    choices: dict[str, str] = {}
    for table in (TABLE_BY_NAME[raw.name], *TABLE_BY_NAME.values()):
        for k, c in header_keys(table).items():
            if c in columns:
                choices.setdefault(k, c)
    guesses = []
    for header in map(str, raw.frame.columns):
        if header_key(header) in known or not header.strip():
            continue
        found = _candidates(header, choices)
        candidates = tuple((f"{raw.name}.{c}", s) for c, s in found)
        guesses.append(Guess(header, candidates, table=raw.name))
    return guesses


def _one_per_key(headers: list[Guess], settled: Mapping[str, str]) -> list[Guess]:
    """The header guesses with one mapping per header (a key names one ``table.column``,
    which serves every table that has that column) and per column of a table."""
    keys = dict(settled)
    columns = set(settled.values())
    shown: set[str] = set()
    out = []
    for g in headers:
        key = text_key(g.written)
        best = g.candidates[0][0] if g.candidates else ""
        if key in keys:
            if keys[key].partition(".")[2] in TABLE_BY_NAME[g.table].column_names:
                continue  # the same header in another table: the first mapping serves it
            g = attrs.evolve(g, note=f"khoá đã dùng / key already maps to {keys[key]}")
        elif key in shown:
            continue  # one line per header: the first table's guess
        elif g.sure and best in columns:
            g = attrs.evolve(g, note=f"cột đã có / {best} is already mapped")
        if g.sure:
            keys[key] = best
            columns.add(best)
        shown.add(key)
        out.append(g)
    return out


def _value_guesses(raw: RawTable) -> dict[str, list[Guess]]:
    """Per coded column of ``raw`` (``table.column``), its values that no alias knows."""
    table = TABLE_BY_NAME[raw.name]
    known = known_headers(raw)
    out: dict[str, list[Guess]] = {}
    seen: set[str] = set()
    for i, header in enumerate(map(str, raw.frame.columns)):
        column = known.get(header_key(header))
        if column is None or column in seen:
            continue
        seen.add(column)
        col = table.column(column)
        if col.kind != "code" or col.codes is None:
            continue
        aliases = VALUE_ALIASES[col.codes]
        ambiguous = AMBIGUOUS_VALUES.get(col.codes, {})
        text = nz.to_text(raw.frame.iloc[:, i])
        counts = text[text.notna()].value_counts()
        keys = nz.keys_of(pd.Series(counts.index, dtype=object))
        unknown = [
            (str(v), int(n), k)
            for v, n, k in zip(counts.index, counts.to_numpy(), keys, strict=True)
            if k not in aliases
        ]
        guesses = [
            Guess(v, () if k in ambiguous else _candidates(v, aliases), n) for v, n, k in unknown
        ]
        if guesses:
            out[f"{raw.name}.{column}"] = sorted(guesses, key=lambda g: (-g.rows, g.written))
    return out


@attrs.frozen
class Settled:
    """The mappings of the layout in force that a roster uses, keyed as written in it."""

    sheets: Mapping[str, str] = attrs.field(factory=dict)
    headers: Mapping[str, str] = attrs.field(factory=dict)
    values: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)


def _used(raws: Iterable[RawTable], layout: Layout | None, names: list[str]) -> Settled:
    """The mappings of ``layout`` that the raw tables (as read, before any value is
    mapped) use: kept in the profile, already settled."""
    if layout is None:
        return Settled()
    sheets = {n: layout.sheets[text_key(n)] for n in names if text_key(n) in layout.sheets}
    headers: dict[str, str] = {}
    values: dict[str, dict[str, str]] = {}
    for raw in raws:
        aliases = layout.header_aliases(raw.name)
        written = list(map(str, raw.frame.columns))
        headers.update(
            {h: layout.headers[text_key(h)] for h in written if text_key(h) in layout.headers}
        )
        known = known_headers(attrs.evolve(raw, header_aliases=aliases))
        for i, header in enumerate(written):
            target = f"{raw.name}.{known.get(header_key(header))}"
            mapping = layout.values.get(target, {})
            if mapping:
                present = nz.to_text(raw.frame.iloc[:, i]).dropna().unique()
                values.setdefault(target, {}).update(
                    {
                        str(v): mapping[text_key(str(v))]
                        for v in present
                        if text_key(str(v)) in mapping
                    }
                )
    return Settled(sheets, headers, values)


# ------------------------------------------------------------------------------ writing

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_ESCAPES["\r"] = "\\r"


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string.

    >>> print(toml_string('Ngành \\nđào "tạo"'))
    "Ngành \\nđào \\"tạo\\""
    """
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _line(guess: Guess, unit: str = "") -> str:
    rows = f"{guess.rows} dòng/rows; " if unit == "rows" else ""
    if not guess.candidates:
        reason = "không đoán được / no guess"
        if unit == "rows":
            reason = "mơ hồ, ghi giá trị thực / ambiguous, record the actual value"
        return f'# {toml_string(guess.written)} = ""  # {rows}{reason}'
    best, score = guess.candidates[0]
    others = ", ".join(f"{c} {s:.0f}" for c, s in guess.candidates[1:])
    note = f"# {rows}điểm/score {score:.0f}" + (f"; khác/others: {others}" if others else "")
    mapping = f"{toml_string(guess.written)} = {toml_string(best)}"
    if guess.sure:
        return f"{mapping}  {note}"
    return f"# {mapping}  {note}; {guess.note or 'chưa chắc / unsure'}"


_HEAD = """\
# Hồ sơ bố cục gợi ý (starter layout profile) cho / for: {name}
# Mỗi dòng là một phỏng đoán kèm điểm (0-100): hãy kiểm tra từng dòng, sửa hoặc xoá dòng
# sai, bỏ dấu # ở dòng đúng, rồi dùng: cadre validate {name} --layout FILE
# Every line is a guess with its score (0-100): check each one, fix or delete wrong lines,
# uncomment the right ones, then use: cadre validate {name} --layout FILE
# Dòng có dấu # là chưa chắc / lines starting with # are unsure (see docs/layouts.md).
name = {title}
"""


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"\n{title}", *lines] if lines else []


def render(
    name: str,
    used: Settled,
    sheets: list[Guess],
    headers: list[Guess],
    values: Mapping[str, list[Guess]],
) -> str:
    """The profile's TOML text: mappings already in force, then the guesses."""
    settled = "  # đã có / already mapped"
    text = [_HEAD.format(name=name, title=toml_string(f"{name} (gợi ý / suggested)"))]
    u = used
    sheet_lines = [f"{toml_string(k)} = {toml_string(v)}{settled}" for k, v in u.sheets.items()]
    sheet_lines += [_line(g) for g in sheets]
    text += _section("[sheets]  # tên trang tính -> bảng / sheet name -> table", sheet_lines)
    header_lines = [f"{toml_string(k)} = {toml_string(v)}{settled}" for k, v in u.headers.items()]
    header_lines += [_line(g) for g in headers]
    text += _section("[headers]  # tiêu đề cột -> bảng.cột / header -> table.column", header_lines)
    for target in sorted({*u.values, *values}):
        lines = [
            f"{toml_string(k)} = {toml_string(v)}{settled}"
            for k, v in u.values.get(target, {}).items()
        ]
        lines += [_line(g, "rows") for g in values.get(target, [])]
        text += _section(f"[values.{toml_string(target)}]  # giá trị -> mã / value -> code", lines)
    return "\n".join(text) + "\n"


def suggest_layout(path: str | Path, layout: Layout | None = None) -> str | None:
    """A starter layout profile (TOML text) for the roster at ``path``: what the reader (and
    ``layout``, the layout already in force) does not know, with guesses and scores; None
    when no table can be read even with the guessed sheet names.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "r"
    >>> _ = sample_roster().write(d)
    >>> _ = (d / "cadres.csv").rename(d / "DS can bo.csv")
    >>> print(suggest_layout(d).split("[sheets]")[1].splitlines()[1])
    "DS can bo" = "cadres"  # điểm/score 90; khác/others: ...
    """
    p = Path(path)
    sheets = _sheet_guesses(p, layout)
    names = _sheet_names(p)
    guessed = Layout("", "", {}, {}, {g.written: g.candidates[0][0] for g in sheets if g.sure})
    provisional = merge_layouts([guessed], layout)
    found, _ = read_raw(p, provisional)
    if not found:
        return None
    found = sorted(found, key=lambda raw: TABLE_NAMES.index(raw.name))  # cadres first
    raws = apply_layout(found, provisional)
    used = _used(found, layout, names)
    settled = {text_key(k): v for k, v in used.headers.items()}
    headers = _one_per_key([g for raw in raws for g in _header_guesses(raw)], settled)
    sure = {g.written: g.candidates[0][0] for g in headers if g.sure}
    with_headers = merge_layouts([Layout("", "", sure, {}, {})], provisional)
    values: dict[str, list[Guess]] = {}
    for raw in apply_layout(found, with_headers):
        values.update(_value_guesses(raw))
    return render(p.name, used, sheets, headers, values)


__all__ = ["Guess", "suggest_layout", "toml_string"]
