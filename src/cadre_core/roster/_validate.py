"""Validation and normalisation: raw tables in, canonical typed frames (or problems) out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import attrs
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cadre_core.roster import _normalize as nz
from cadre_core.roster._cell_errors import failed_cells, header_error, without_failed
from cadre_core.roster._date_order import said_problems
from cadre_core.roster._level_field import fields_named
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._reader import RawTable, guess_header, known_headers
from cadre_core.roster._schema import TABLE_BY_NAME, TABLES, Column, Table, header_key, text_key
from cadre_core.vocab._labels import label

LEGACY_POLICIES = ("error", "convert")

PERSONAL: Mapping[str, tuple[str, ...]] = {"cadres": ("full_name", "birth_date", "religion")}
"""Columns holding personal data: never quoted as examples in messages (religion is
sensitive personal data, Nghị định 13/2023/NĐ-CP, Điều 2)."""


_EMPTY: dict[str, pd.DataFrame] = {}


def empty_frame(table: Table) -> pd.DataFrame:
    """A canonical, correctly typed frame with no rows (built once per table; frames are
    copy-on-write, so sharing it is safe)."""
    if table.name not in _EMPTY:
        raw = pd.DataFrame({c.name: pd.Series([], dtype=object) for c in table.columns})
        _EMPTY[table.name], _ = normalise_columns(raw, table, serials=False)
    return _EMPTY[table.name]


def with_all_columns(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """``frame`` (canonical, typed) with the canonical columns it lacks added in their
    place (blank, or their default); ``frame`` itself when it has them all.

    >>> from cadre_core.roster._schema import TABLE_BY_NAME
    >>> f = pd.DataFrame({"cadre_id": ["A"], "full_name": ["X"], "birth_date": [pd.NaT]})
    >>> full = with_all_columns(f, TABLE_BY_NAME["cadres"])
    >>> full.columns.tolist()[:4], bool(full["is_local"].iloc[0])
    (['cadre_id', 'full_name', 'birth_date', 'gender'], False)
    """
    names = table.column_names
    if all(c in frame.columns for c in names):
        return frame
    blank = pd.DataFrame({c: pd.Series(None, index=frame.index, dtype=object) for c in names})
    added, _ = normalise_columns(
        blank[[c for c in names if c not in frame.columns]], table, serials=False
    )
    added.index = frame.index
    columns = {c: frame[c] if c in frame.columns else added[c] for c in names}
    extras = {c: frame[c] for c in frame.columns if c not in names}
    return pd.DataFrame({**columns, **extras}, index=frame.index)


def _normalise(col: Column, raw: pd.Series, serials: bool) -> tuple[pd.Series, nz.ColumnIssues]:
    if col.kind == "code":
        assert col.codes is not None
        return nz.normalise_code(raw, codes=col.codes)
    if col.kind == "codes":
        assert col.codes is not None
        return nz.normalise_code_list(raw, codes=col.codes)
    if col.kind == "date":
        return nz.normalise_date(raw, serials=serials)
    handlers: Mapping[str, Callable[[pd.Series], tuple[pd.Series, nz.ColumnIssues]]] = {
        "bool": nz.normalise_bool,
        "int": nz.normalise_int,
        "topics": nz.normalise_topics,
        "fields": nz.normalise_fields,
        "ethnicity": nz.normalise_ethnicity,
        "id": nz.normalise_id,
        "text": nz.normalise_text,
        "decimal": nz.normalise_decimal,
        "indicator": nz.normalise_indicator,
    }
    return handlers[col.kind](raw)


def normalise_columns(
    raw: pd.DataFrame, table: Table, *, serials: bool
) -> tuple[pd.DataFrame, dict[str, nz.ColumnIssues]]:
    """Normalise the canonical columns present in ``raw`` (already renamed); add absent ones."""
    out: dict[str, pd.Series] = {}
    issues: dict[str, nz.ColumnIssues] = {}
    # the date columns together: the order of one column's figures may tell another's
    dates = [c.name for c in table.columns if c.kind == "date" and c.name in raw]
    dated = nz.normalise_dates({c: raw[c] for c in dates}, serials=serials) if dates else {}
    for col in table.columns:
        series = (
            raw[col.name] if col.name in raw else pd.Series(None, index=raw.index, dtype=object)
        )
        values, iss = dated[col.name] if col.name in dated else _normalise(col, series, serials)
        if col.default is not None and col.kind == "int":
            values = values.fillna(int(str(col.default)))
        out[col.name] = values
        issues[col.name] = iss
    frame = pd.DataFrame(out, index=raw.index)
    extras = [c for c in raw.columns if c not in out]
    for c in extras:
        frame[c] = nz.to_text(raw[c])
    return frame.reset_index(drop=True), issues


def _shown(values: pd.Series) -> pd.Series:
    """Cells as the user should see them in a message (dates as ISO days)."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return pd.Series(values.dt.strftime("%Y-%m-%d"), index=values.index, dtype=object)
    return nz.to_text(values.astype(object))


class _Collector:
    """Collects problems for one table, with the user's file, row numbers and headers."""

    def __init__(self, raw: RawTable, headers: Mapping[str, str]) -> None:
        self.raw = raw
        self.headers = headers  # canonical column -> header as the user wrote it
        self.problems: list[Problem] = []

    def col_label(self, column: str) -> str:
        user = self.headers.get(column, column)
        return column if text_key(user) == column else f"{user} ({column})"

    def rows(
        self,
        mask: pd.Series,
        column: str,
        values: pd.Series | None,
        expected: str,
        suggest: Callable[[str], str | None] | None = None,
        notes: Mapping[str, str] | None = None,
        message: str | None = None,
        *,
        key: str | None = None,
        args: tuple[tuple[str, str], ...] = (),
        note_keys: Mapping[str, str] | None = None,
    ) -> None:
        """One problem per cell of ``mask``: the value is not ``expected`` (or, with
        ``message``, the sentence ``message`` without the value); ``key`` and ``args``
        name the sentence in the label table (``problem_<key>``), ``note_keys`` the label
        of a value's note (``problem_note_<key>``)."""
        idx = mask[mask].index
        if not len(idx):
            return
        shown = _shown(values.loc[idx]).tolist() if values is not None else [None] * len(idx)
        rows = self.raw.rows.loc[idx].tolist()
        where = (self.raw.file, self.raw.name, self.col_label(column))
        cache: dict[str, str | None] = {}
        # one pass over plain lists: a label lookup per cell made 200,000 bad dates cost
        # minutes
        for v, row in zip(shown, rows, strict=True):
            text = None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
            hint = None
            exp = expected
            said = args
            if text is not None:
                value_key = text_key(text)
                if notes and value_key in notes:
                    exp = f"{expected} ({notes[value_key]})"
                    note = (note_keys or {}).get(value_key, "ambiguous")
                    said = (*args, ("note_key", note), ("year", text))
                elif suggest is not None:
                    if text not in cache:
                        cache[text] = suggest(text)
                    hint = cache[text]
            if message is not None:
                exp, text = message, None
            self.problems.append(
                Problem(where[0], where[1], int(row), where[2], text, exp, hint, key=key, args=said)
            )


def _rename(raw: RawTable, table: Table) -> tuple[pd.DataFrame, dict[str, str], list[Problem]]:
    """Canonical names for the known headers; every column keeps a unique label (a second
    column for the same field is reported and kept aside under ``<header> (column N)``)."""
    known = known_headers(raw)
    problems: list[Problem] = []
    user: dict[str, str] = {}
    labels: list[str] = []
    headers = [str(h) for h in raw.frame.columns]
    taken = set(table.column_names)
    for i, h in enumerate(headers):
        canonical = known.get(header_key(h))
        if canonical is not None and canonical not in user:
            user[canonical] = h
            labels.append(canonical)
            continue
        if canonical is not None:
            problems.append(
                problem(
                    raw.file,
                    raw.name,
                    None,
                    h,
                    None,
                    "second_column",
                    canonical=canonical,
                    first=repr(user[canonical]),
                )
            )
        label = h
        if label in taken or label in labels or headers.count(h) > 1:
            label = f"{h} (column {i + 1})"
        while label in labels or label in taken:
            label += "'"
        labels.append(label)
    frame = raw.frame.set_axis(pd.Index(labels, dtype=object), axis=1)
    return frame, user, problems


def _example(
    name: str, table: Table, col: pd.Series, fixed: pd.Series, damaged: Mapping[str, str]
) -> dict[str, str]:
    """The first damaged cell of a column and what it reads as (the arguments ``bad`` and
    ``good`` of the sentence's `` ('bad' reads as 'good')``), or none in a column of
    personal data (never quoted) or a column that is not the table's."""
    if name not in table.column_names or name in PERSONAL.get(table.name, ()):
        return {}
    changed = col.isin(list(damaged)) if damaged else (fixed != col) & col.notna()
    at = changed[changed].index[:1]
    if not len(at):
        return {}
    i = at[0]
    return {"bad": repr(col.loc[i]), "good": repr(fixed.loc[i])}


def _damaged_cells(
    raw: RawTable,
    table: Table,
    headers: Mapping[str, str],
    name: str,
    col: pd.Series,
    damaged: Mapping[str, str],
    encoding: str = "",
) -> list[Problem]:
    """One error per cell of ``col`` holding double-encoded UTF-8 (or, with ``encoding``,
    text typed in that legacy encoding), with the value and what it reads as (neither
    quoted in a column of personal data or one the table lacks)."""
    from cadre_core.roster._grid import LEGACY_FONTS

    collect = _Collector(raw, headers)
    mask = col.isin(list(damaged))
    kind = "legacy_encoded" if encoding else "double_encoded"
    args = (("encoding", encoding), ("fonts", LEGACY_FONTS.get(encoding, ""))) if encoding else ()
    if name not in table.column_names or name in PERSONAL.get(table.name, ()):
        message = label(f"problem_{kind}_cell", "en").format(**dict(args))
        collect.rows(mask, name, None, "", message=message, key=f"{kind}_cell", args=args)
    else:
        note_key = "legacy_reads_as" if encoding else "reads_as"
        note = label(f"problem_note_{note_key}", "en")
        notes = {text_key(v): note.format(good=repr(f)) for v, f in damaged.items()}
        collect.rows(mask, name, col, label(f"problem_{kind}", "en").format(**dict(args)),
                     notes=notes, key=kind, args=args, note_keys=dict.fromkeys(notes, note_key))  # fmt: skip
        # the note names what each value reads as
        fixed = {text_key(v): repr(f) for v, f in damaged.items()}
        collect.problems = [
            attrs.evolve(p, args=(*p.args, ("good", fixed.get(text_key(p.value or ""), ""))))
            for p in collect.problems
        ]
    return [attrs.evolve(p, scope="encoding") for p in collect.problems]


def _legacy(
    frame: pd.DataFrame,
    table: Table,
    raw: RawTable,
    policy: str,
    problems: list[Problem],
    headers: Mapping[str, str],
) -> pd.DataFrame:
    """Find damaged text in every text column: double-encoded UTF-8, then the legacy
    TCVN3/VNI encodings. ``policy="convert"`` repairs it (a warning per column says so);
    ``"error"`` reports it: each double-encoded cell, or legacy-encoded cell among Unicode
    ones (pasted rows), as an error with its row; a legacy-encoded column as one error,
    with an example outside personal columns."""
    from cadre_core.vocab._mojibake import fix_double_encoded
    from cadre_core.vocab._vntext import legacy_values

    text_cols = [
        c.name for c in table.columns if c.kind in ("text", "ethnicity", "fields", "code", "codes")
    ]
    text_cols += [c for c in frame.columns if c not in table.column_names]

    def report(name: str, what: str, example: Mapping[str, str], **args: str) -> None:
        # (double-encoded text is reported here only when converted, else cell by cell)
        converted = policy == "convert"
        problems.append(
            problem(raw.file, raw.name, None, name, None,
                    f"{what}_{'converted' if converted else 'found'}",
                    severity="warning" if converted else "error", scope="encoding",
                    **example, **args)
        )  # fmt: skip

    for name in text_cols:
        if name not in frame:
            continue
        col = frame[name]
        if not (col.dtype == object or pd.api.types.is_string_dtype(col.dtype)):
            continue
        if nz.ascii_text(col):
            continue  # ASCII text is never damaged (the detectors ignore ASCII values)
        fixed, damaged = fix_double_encoded(col)
        if damaged and policy == "convert":
            example = _example(name, table, col, fixed, damaged)
            report(name, "legacy_double", example, n=str(len(damaged)))
        elif damaged:
            problems += _damaged_cells(raw, table, headers, name, col, damaged)
        col = fixed  # the legacy detector looks at the repaired text
        mapping, encoding, whole = legacy_values(col.dropna().unique())
        if encoding is not None:
            legacy = col.where(~col.isin(list(mapping)), col.map(mapping))
            if whole or policy == "convert":
                example = _example(name, table, col, legacy, mapping)
                report(name, "legacy_text", example, encoding=encoding.upper())
            else:  # values pasted among Unicode ones: each with its row
                problems += _damaged_cells(
                    raw, table, headers, name, col, mapping, encoding.upper()
                )
            col = legacy
        if policy == "convert" and (damaged or encoding is not None):
            frame = frame.assign(**{name: col})
    return frame


def _unread_columns(
    raw: RawTable, table: Table, frame: pd.DataFrame, strict: bool
) -> list[Problem]:
    """One problem per column that is not a header of ``table`` (it is not read, only kept
    for plugins), with the best guess among the table's known headers: a warning, or an
    error when ``strict``. A header that is an error value (``#REF!``: a formula that
    failed) is said as such, with no guess. A second column for a known header is reported
    by ``_rename``."""
    out = []
    headers = [str(h) for h in raw.frame.columns]
    known = known_headers(raw)
    for header, named in zip(headers, frame.columns, strict=True):
        if named in table.column_names or header_key(header) in known:
            continue
        error = header_error(header)
        guess = guess_header(header, table) if error is None else None
        closest = {"guess": guess[0], "score": f"{guess[1]:.0f}"} if guess else {}
        if error is not None:
            closest = {"error": error}
        out.append(
            problem(
                raw.file,
                raw.name,
                None,
                header,
                None,
                "error_header" if error else "not_a_column_guess" if guess else "not_a_column",
                guess[0] if guess else None,
                severity="error" if strict else "warning",
                scope="column",
                table=table.name,
                **closest,
            )
        )
    return out


def normalise_table(
    raw: RawTable, *, legacy: str = "error", strict_columns: bool = False
) -> tuple[pd.DataFrame, list[Problem]]:
    """Normalise one raw table into its canonical frame and list its problems.

    Every column that is not a header of the table is listed (``scope="column"``): a
    warning, or an error with ``strict_columns``.
    """
    table = TABLE_BY_NAME[raw.name]
    frame, user_headers, problems = _rename(raw, table)
    unread = _unread_columns(raw, table, frame, strict_columns)
    problems += unread
    if raw.frame.shape[1] == 0:
        problems.append(problem(raw.file, raw.name, None, None, None, "no_header_row"))
        return empty_frame(table), problems
    missing = [c.name for c in table.columns if c.required and c.name not in frame]
    for m in missing:
        closest = [repr(p.column) for p in unread if p.suggestion == m]
        problems.append(
            problem(
                raw.file,
                raw.name,
                None,
                m,
                None,
                "required_column",
                " or ".join(closest) or None,
                column=m,
                headers=", ".join(map(str, raw.frame.columns)),
            )
        )
    frame = _legacy(frame, table, raw, legacy, problems, user_headers)
    if raw.name == "degrees" and "level" in frame and "field" not in frame:
        # no field column, but qualification cells that name the field after the level
        # ("Đại học Luật", as a list writes them): the field, cell by cell (the column is
        # not informed as a whole, so a cell that names none leaves the field unknown)
        named = fields_named(frame["level"])
        if bool(named.notna().any()):
            frame = frame.assign(field=named)
            user_headers = {**user_headers, "field": user_headers.get("level", "level")}
    out, issues = normalise_columns(frame, table, serials=raw.serials)
    collect = _Collector(raw, user_headers)
    raw_values = frame.reset_index(drop=True)
    # a cell said as legacy (or double-encoded) text is said once, never again as a value
    said = {(p.column, p.row) for p in problems if p.scope == "encoding" and p.row is not None}
    at = raw.rows.reset_index(drop=True)
    for col in table.columns:
        if col.name not in frame:
            continue
        iss = issues[col.name]
        as_text = at.isin([r for c, r in said if c == collect.col_label(col.name)]).to_numpy()
        collect.rows(
            iss.bad & ~as_text,
            col.name,
            raw_values[col.name],
            iss.expected,
            iss.suggest,
            iss.notes,
            key=iss.key,
            args=iss.args,
            note_keys=iss.note_keys,
        )
        # a warning about the whole column (the order of its dates)
        problems += said_problems(
            iss.said, raw.file, raw.name, raw.rows, collect.col_label(col.name)
        )
        if col.required:
            blank = out[col.name].isna() & ~iss.bad
            message = label("problem_value_required", "en")
            collect.rows(blank, col.name, None, "", message=message, key="value_required")
    # a cell holding an error value or a formula with no saved value: said as what it is
    failed = failed_cells(raw, frame, table.column_names, collect.col_label)
    return out, problems + failed + without_failed(collect.problems, failed)


_REFER_TO_CADRES = (
    "assignments",
    "degrees",
    "theory",
    "trainings",
    "ratings",
    "succession",
    "scores",
    "discipline",
)


REFERENCES: tuple[tuple[str, str, str, str], ...] = (
    *((name, "cadre_id", "cadres", "cadre_id") for name in _REFER_TO_CADRES),
    ("assignments", "position_code", "positions", "position_code"),
    ("succession", "position_code", "positions", "position_code"),
    ("positions", "agency_code", "agencies", "agency_code"),
    ("equipment", "agency_code", "agencies", "agency_code"),
    ("unit_ratings", "agency_code", "agencies", "agency_code"),
)
"""The references between tables: (table, column, target table, target column), each
value of the column one of the target's key (checked by :func:`check_roster`)."""


def _unknown(columns: list[pd.Series], known: pd.Series) -> list[pd.Series]:
    """For each of ``columns``, its cells that are filled in and not among the values of
    ``known``. Text columns are looked up together, in one pass over ``known``."""
    universe = nz.arrow_text(known)
    data = [nz.arrow_text(c) for c in columns]
    if universe is None or any(d is None for d in data):
        index = pd.Index(known.dropna().unique())
        return [c.notna() & (index.get_indexer(c) < 0) for c in columns]
    chunks = [chunk.cast(universe.type) for d in data if d is not None for chunk in d.chunks]
    value_set = pc.drop_null(universe).combine_chunks()
    found = pc.is_in(pa.chunked_array(chunks, type=universe.type), value_set=value_set)
    flags = found.to_numpy(zero_copy_only=False)
    out = []
    start = 0
    for c in columns:
        out.append(c.notna() & ~flags[start : start + len(c)])
        start += len(c)
    return out


def _dupes(frame: pd.DataFrame, key: list[str]) -> pd.Series:
    return frame.duplicated(subset=key, keep="first") & frame[key].notna().all(axis=1)


def check_roster(frames: Mapping[str, pd.DataFrame], raws: Mapping[str, RawTable]) -> list[Problem]:
    """Cross-table checks: unique keys, references, date order, value ranges."""
    problems: list[Problem] = []

    def collector(name: str) -> _Collector:
        raw = raws[name]
        table = TABLE_BY_NAME[name]
        _, user, _ = _rename(raw, table)
        return _Collector(raw, user)

    for table in TABLES:
        if table.key and table.name in raws:
            f = frames[table.name]
            c = collector(table.name)
            d = _dupes(f, list(table.key))
            c.rows(
                d, table.key[0], f[table.key[0]], label("problem_unique_id", "en"), key="unique_id"
            )
            problems += c.problems

    # one rating per cadre, year and quarter (blank quarter = the annual rating)
    if "ratings" in raws:
        f = frames["ratings"]
        c = collector("ratings")
        twice = f.duplicated(subset=["cadre_id", "year", "quarter"]) & f["cadre_id"].notna()
        c.rows(
            twice,
            "rating",
            f["rating"],
            label("problem_single_rating", "en"),
            key="single_rating",
        )
        problems += c.problems

    # references to the key of another table; the columns that refer to the same key are
    # looked up together (one pass over the key's values), problems keep the order below
    links = [link for link in REFERENCES if link[0] in raws and link[2] in raws]
    unknown: dict[tuple[str, str], pd.Series] = {}
    for target, target_col in dict.fromkeys((t, tc) for _, _, t, tc in links):
        referring = [(n, c) for n, c, t, tc in links if (t, tc) == (target, target_col)]
        masks = _unknown([frames[n][c] for n, c in referring], frames[target][target_col])
        unknown.update(zip(referring, masks, strict=True))
    for name, column, target, target_col in links:
        f = frames[name]
        c = collector(name)
        said = (("column", target_col), ("target", target))
        expected = label("problem_listed_in", "en").format(column=target_col, target=target)
        c.rows(unknown[name, column], column, f[column], expected, key="listed_in", args=said)
        problems.extend(c.problems)

    checks: Iterable[tuple[str, str, Callable[[pd.DataFrame], pd.Series], str]] = (
        (
            "assignments",
            "end_date",
            lambda f: f["end_date"] < f["start_date"],
            "end_after_start",
        ),
        ("positions", "quota", lambda f: f["quota"] < 0, "quota_nonnegative"),
        ("equipment", "quantity", lambda f: f["quantity"] < 0, "quantity_nonnegative"),
        (
            "ratings",
            "quarter",
            lambda f: ~f["quarter"].isin([1, 2, 3, 4]) & f["quarter"].notna(),
            "quarter",
        ),
        ("ratings", "year", lambda f: (f["year"] < 1945) | (f["year"] > 2100), "plausible_year"),
        ("cadres", "left_date", lambda f: f["left_date"] < f["birth_date"], "after_birth"),
    )
    for name, column, rule, key in checks:
        if name not in raws:
            continue
        f = frames[name]
        mask = rule(f).fillna(False).astype(bool)
        c = collector(name)
        c.rows(mask, column, f[column], label(f"problem_{key}", "en"), key=key)
        problems.extend(c.problems)
    problems += _period_checks(frames, raws, collector)
    return problems


# ---------------------------------------------- indicators, satisfaction, unit ratings


def _outside(values: pd.Series, lo: int, hi: int) -> pd.Series:
    """Filled-in exact numbers (Decimal) outside ``lo``..``hi``, compared exactly."""
    known = values.dropna()
    out = pd.Series(False, index=values.index)
    out.loc[known.index] = ((known < lo) | (known > hi)).astype(bool)
    return out


def _period_checks(
    frames: Mapping[str, pd.DataFrame],
    raws: Mapping[str, RawTable],
    collector: Callable[[str], _Collector],
) -> list[Problem]:
    """The optional tables of section II.2.b (``indicators``, ``satisfaction``,
    ``unit_ratings``): a plausible year, a quarter from 1 to 4 (blank for the year), a
    satisfaction score from 0 to 100 or share from 0 to 1 (one of them given), a commune
    the agencies name (when they name communes; a blank one only when they name one), and
    one row per period and indicator (or agency)."""
    problems: list[Problem] = []
    names = [n for n in ("indicators", "satisfaction", "unit_ratings") if n in raws]
    communes = pd.Index([], dtype=object)
    if "agencies" in frames and "commune" in frames["agencies"]:
        communes = pd.Index(frames["agencies"]["commune"].dropna().astype(object).unique())
    keys = {
        "indicators": ["commune", "year", "quarter", "indicator"],
        "satisfaction": ["commune", "year", "quarter"],
        "unit_ratings": ["agency_code", "year", "quarter"],
    }
    for name in names:
        f = frames[name]
        c = collector(name)
        year = f["year"]
        c.rows(
            ((year < 1945) | (year > 2100)).fillna(False).astype(bool),
            "year",
            year,
            "a plausible year",
        )
        quarter = f["quarter"]
        c.rows(
            (~quarter.isin([1, 2, 3, 4]) & quarter.notna()).astype(bool),
            "quarter",
            quarter,
            "a quarter from 1 to 4 (blank for the whole year)",
        )
        if "commune" in f and len(communes):
            commune = f["commune"].astype(object)
            unknown = commune.notna() & ~commune.isin(communes)
            c.rows(unknown, "commune", commune, "a commune named in agencies")
            if len(communes) > 1:
                c.rows(
                    commune.isna(),
                    "commune",
                    None,
                    "",
                    message=("a commune is required here: the agencies name several communes"),
                )
        if name == "satisfaction":
            c.rows(_outside(f["score"], 0, 100), "score", f["score"], "a score from 0 to 100")
            c.rows(
                _outside(f["share"], 0, 1),
                "share",
                f["share"],
                "a share from 0 to 1 (0.85 for 85%)",
            )
            neither = f["score"].isna() & f["share"].isna() & f["year"].notna()
            c.rows(neither, "score", None, "", message="a score or a share satisfied is required")
        twice = f.duplicated(subset=keys[name], keep="first") & f["year"].notna()
        last = keys[name][-1] if name == "indicators" else "year"
        c.rows(twice, last, f[last], "a single row for this period (a duplicate of an earlier row)")
        problems += c.problems
    return problems
