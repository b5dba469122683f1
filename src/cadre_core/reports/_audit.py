"""Reproducibility: every report carries its evaluation as JSON, and ``cadre verify``
re-runs the evaluation and says whether the report still matches.

- JSON output is the evaluation itself (with its ``audit`` block);
- HTML reports embed it, HTML-escaped, in ``<div id="cadre-evaluation" hidden>`` (no
  script element at all: the report runs no code), compressed when it is large;
- xlsx reports embed it in a hidden sheet ``_evaluation`` (column A, in chunks).

``cadre evaluate`` records how it read the roster and made the report in the audit block's
``options`` (see :func:`reading_options`), so that ``cadre verify`` reads and renders the
same way. Verification compares the embedded evaluation with a new one, the table files
with the roster's, and, for html and xlsx, what a reader sees: the report is rendered
again and compared with the file
(:func:`cadre_core.reports._visible.visible_differences`), so an edited number,
status or name in the visible report is caught even when the embedded data is intact.
Reports are read with the roster reader's size guards (a zip bomb is refused).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re
import warnings
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from cadre_core.engine._pipeline import evaluate
from cadre_core.engine._results import Evaluation
from cadre_core.roster._guards import MAX_XML_BYTES, _check_workbook_size
from cadre_core.roster._roster import Roster
from cadre_core.roster._sniff import LIST_SUFFIXES
from cadre_core.vocab._labels import label
from cadre_core.vocab._told import os_said, told

if TYPE_CHECKING:
    import pandas as pd

HTML_ID = "cadre-evaluation"
XLSX_SHEET = "_evaluation"
_CHUNK = 30000  # below Excel's 32,767 characters per cell


#: An evaluation's JSON longer than this is embedded compressed (``json-zlib-base64``):
#: a province's evaluation lists every failing id of every commune (10 MB for 500
#: communes, 30 kB a commune), which would otherwise be most of the report; a commune's
#: own evaluation stays readable text.
PLAIN_JSON_MAX = 100_000


def html_block(evaluation: Evaluation) -> str:
    """The hidden element embedding the evaluation's JSON in an HTML report: escaped
    text, or compressed (zlib, base64) when longer than :data:`PLAIN_JSON_MAX`."""
    text = evaluation.to_json(indent=None).strip()
    if len(text) <= PLAIN_JSON_MAX:
        escaped = html.escape(text, quote=True)
        return f'<div id="{HTML_ID}" hidden data-format="json">{escaped}</div>'
    packed = base64.b64encode(zlib.compress(text.encode("utf-8"), 9)).decode("ascii")
    return f'<div id="{HTML_ID}" hidden data-format="json-zlib-base64">{packed}</div>'


def _embedded_text(fmt: str, body: str) -> str:
    """The JSON text of an embedded block; a compressed one may not inflate beyond the
    roster reader's limit (a zip bomb is refused)."""
    if fmt == "json":
        return html.unescape(body)
    inflate = zlib.decompressobj()
    try:
        raw = inflate.decompress(base64.b64decode(body, validate=True), MAX_XML_BYTES)
    except zlib.error:
        raise ValueError("not zlib data") from None
    if inflate.unconsumed_tail:
        raise ReportError("inflates", name="")
    return raw.decode("utf-8")


def xlsx_sheet(workbook: Any, evaluation: Evaluation) -> None:
    """Add the hidden ``_evaluation`` sheet to an xlsxwriter workbook."""
    sheet = workbook.add_worksheet(XLSX_SHEET)
    text = evaluation.to_json(indent=None).strip()
    for i in range(0, len(text), _CHUNK):
        sheet.write_string(i // _CHUNK, 0, text[i : i + _CHUNK])
    sheet.hide()


class ReportError(ValueError):
    """A file is not a report this tool wrote, or carries no evaluation: the sentence
    ``report_error_<key>`` of the label table with ``args`` (English as the exception's
    text, any language through :meth:`message`).

    >>> ReportError("not_a_report", name="r.txt").message("vi")
    'r.txt: báo cáo phải là tệp .json, .html hoặc .xlsx'
    """

    def __init__(self, key: str, **args: object) -> None:
        self.key, self.said = key, args
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The sentence in ``lang`` (a value that is itself an error, why the system
        refused, said in ``lang`` too)."""
        said = {
            k: told(v, lang) if isinstance(v, BaseException) else v for k, v in self.said.items()
        }
        return label(f"report_error_{self.key}", lang).format(**said)


TABLE_SUFFIXES = (".parquet", *LIST_SUFFIXES)
"""Input files that hold tables; other files beside them (notes, a README) are ignored."""

#: the reading and report options ``cadre evaluate`` records, with their defaults
OPTION_DEFAULTS: dict[str, Any] = {
    "skip_invalid": False,
    "legacy_text": "error",
    "strict_columns": False,
    "list_date": None,
    "layout_sha256": None,
    "params_sha256": None,
    "plugins": [],
    "by": None,
    "commune": None,
    "keep_going": False,
    "lang": "vi",
    "days": [],
    "pseudonymized": False,
    "tables": {},
}

#: The report embedded in an html page (group 1: its format, group 2: the data).
EMBEDDED_REPORT = re.compile(
    rf'<div id="{HTML_ID}" hidden data-format="(json|json-zlib-base64)">(.*?)</div>', re.S
)


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes (a layout or parameter file named in the audit)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _text_hashes(column: pd.Series) -> Any:
    """``hash_array`` of ``column.astype(str)`` (pandas' hash of each value's text), each
    distinct value of a coded column (categories, whole numbers, yes/no, days) converted
    and hashed once; text and decimals as they are (values that compare equal may print
    differently there: ``1`` and ``1.0``, ``0.0`` and ``-0.0``)."""
    import pandas as pd

    kind = column.dtype
    coded = (
        isinstance(kind, pd.CategoricalDtype)
        or pd.api.types.is_bool_dtype(kind)
        or pd.api.types.is_integer_dtype(kind)
        or pd.api.types.is_datetime64_any_dtype(kind)
    )
    if not coded:
        return pd.util.hash_pandas_object(column.astype(str), index=False).to_numpy()
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    text = pd.Series(uniques).astype(str)
    return pd.util.hash_pandas_object(text, index=False).to_numpy().take(codes)


def _per_column(frame: pd.DataFrame) -> bool:
    """Whether converting ``frame``'s columns to text one by one gives what converting the
    whole frame gives: distinct column names, and no column whose text depends on the
    columns converted with it (a time of day shown in every date column of a block as soon
    as one holds one; durations)."""
    import pandas as pd

    if not frame.columns.is_unique:
        return False
    for i in range(frame.shape[1]):
        kind = frame.dtypes.iloc[i]
        if pd.api.types.is_datetime64_any_dtype(kind):
            held = frame.iloc[:, i].dropna()
            if len(held) and not bool((held == held.dt.normalize()).all()):
                return False
        elif not (
            isinstance(kind, pd.CategoricalDtype)
            or pd.api.types.is_string_dtype(kind)
            or pd.api.types.is_object_dtype(kind)
            or pd.api.types.is_bool_dtype(kind)
            or pd.api.types.is_integer_dtype(kind)
            or pd.api.types.is_float_dtype(kind)
        ):
            return False
    return True


def table_digests(roster: Roster) -> dict[str, str]:
    """The SHA-256 of every table's content as read (column names and values), so that
    the same tables in other bytes (CRLF line endings, another CSV quoting) are the same.

    The values are hashed as their text (``astype(str)``); a coded column is converted
    one distinct value at a time (:func:`_text_hashes`): the same hashes in a fraction
    of the time.
    """
    import pandas as pd

    try:  # how pandas combines the columns' hashes into a row's (its own function)
        from pandas.core.util.hashing import combine_hash_arrays  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - another pandas: the whole frame at once
        combine_hash_arrays = None

    out: dict[str, str] = {}
    for name in sorted(roster.tables):
        frame = roster.tables[name]
        h = hashlib.sha256(json.dumps([str(c) for c in frame.columns]).encode("utf-8"))
        if len(frame):
            if combine_hash_arrays is not None and _per_column(frame):
                hashes = (_text_hashes(frame.iloc[:, i]) for i in range(frame.shape[1]))
                rows = combine_hash_arrays(hashes, frame.shape[1], len(frame))
            else:
                rows = pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy()
            h.update(rows.tobytes())
        out[name] = h.hexdigest()
    return out


def audit_options(roster: Roster, days: Sequence[dt.date], **given: Any) -> dict[str, Any]:
    """The audit block's ``options`` of an evaluation of ``roster`` on ``days``: how the
    roster was read and the report made (``given``: any of :data:`OPTION_DEFAULTS`, the
    rest their defaults, in that order), with the tables' digests
    (:func:`table_digests`), for ``cadre verify`` to read again. ``cadre evaluate`` and
    the HTTP service both build it here.

    >>> from cadre_core.roster import sample_roster
    >>> o = audit_options(sample_roster(), [dt.date(2026, 12, 31)], by="commune")
    >>> o["by"], o["days"], o["skip_invalid"], list(o)[-1], len(o["tables"]["cadres"])
    ('commune', ['2026-12-31'], False, 'tables', 64)
    """
    unknown = sorted(set(given) - set(OPTION_DEFAULTS))
    if unknown:
        raise TypeError(f"not an audit option: {', '.join(unknown)}")
    days_text = [d.isoformat() for d in days]
    return {**OPTION_DEFAULTS, **given, "days": days_text, "tables": table_digests(roster)}


def reading_options(report: Mapping[str, Any]) -> dict[str, Any]:
    """The options a report was made with (its audit block's ``options``), defaults for
    what it does not record (reports of older versions record nothing)."""
    audit = report.get("audit") or {}
    return {**OPTION_DEFAULTS, **(audit.get("options") or {})}


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _loads(text: str) -> Any:
    return json.loads(text, parse_constant=_no_constant)


def _xlsx_text(p: Path) -> str:
    """The JSON text of the hidden sheet of an xlsx report (after the size guards)."""
    too_large = _check_workbook_size(p)
    if too_large is not None:
        raise ReportError("too_large", name=p.name, reason=too_large)
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(p, read_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is no workbook
        raise ReportError("not_workbook", name=p.name, error=type(exc).__name__) from None
    try:
        if XLSX_SHEET not in wb.sheetnames:
            raise ReportError("no_sheet", name=p.name, sheet=XLSX_SHEET)
        cells = [r[0] for r in wb[XLSX_SHEET].iter_rows(values_only=True) if r and r[0]]
        return "".join(str(c) for c in cells)
    finally:
        wb.close()


def extract(path: str | Path) -> dict[str, Any]:
    """The evaluation JSON embedded in a report (``.json``, ``.html`` or ``.xlsx``).

    The file is refused (:class:`ReportError`) when it is over 512 MB, or for a workbook
    when it inflates beyond the roster reader's limits; the JSON must have the shape of
    an evaluation (:func:`check_shape`)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".json", ".html", ".htm", ".xlsx"):
        raise ReportError("not_a_report", name=p.name)
    try:
        if p.stat().st_size > MAX_XML_BYTES:
            raise ReportError("over_512", name=p.name)
        if suffix == ".json":
            data = _loads(p.read_text(encoding="utf-8"))
        elif suffix in (".html", ".htm"):
            m = EMBEDDED_REPORT.search(p.read_text(encoding="utf-8"))
            if m is None:
                raise ReportError("not_embedded", name=p.name)
            try:
                data = _loads(_embedded_text(m.group(1), m.group(2)))
            except ReportError as exc:
                raise ReportError(exc.key, **{**exc.said, "name": p.name}) from None
        else:
            data = _loads(_xlsx_text(p))
    except OSError as exc:
        raise ReportError("unreadable", name=p.name, reason=os_said(exc)) from None
    except RecursionError:
        raise ReportError("too_deep", name=p.name) from None
    except (ValueError, KeyError) as exc:
        if isinstance(exc, ReportError):
            raise
        raise ReportError("not_json", name=p.name) from None
    check_shape(data, p.name)
    return dict(data)


def _need(ok: bool, name: str, where: str, what: str) -> None:
    if not ok:
        raise ReportError("shape", name=name, where=where, what=what)


def _is_day(value: Any) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return isinstance(value, str)


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_options(options: Any, name: str) -> None:
    where = "audit.options"
    _need(isinstance(options, Mapping), name, where, "an object")
    flags = ("skip_invalid", "strict_columns", "keep_going", "pseudonymized")
    for key in flags:
        _need(isinstance(options.get(key, False), bool), name, f"{where}.{key}", "true or false")
    for key in ("layout_sha256", "params_sha256", "list_date", "by", "commune"):
        value = options.get(key)
        _need(value is None or isinstance(value, str), name, f"{where}.{key}", "text or null")
    _need(options.get("legacy_text", "error") in ("error", "convert"), name,
          f"{where}.legacy_text", '"error" or "convert"')  # fmt: skip
    _need(options.get("lang", "vi") in ("vi", "en"), name, f"{where}.lang", '"vi" or "en"')
    _need(_texts(options.get("plugins", [])), name, f"{where}.plugins", "a list of names")
    days = options.get("days", [])
    _need(isinstance(days, list) and all(_is_day(d) for d in days), name, f"{where}.days",
          "a list of YYYY-MM-DD days")  # fmt: skip
    tables = options.get("tables", {})
    _need(isinstance(tables, Mapping) and all(isinstance(v, str) for v in tables.values()),
          name, f"{where}.tables", "an object of table digests")  # fmt: skip


def check_shape(data: Any, name: str) -> None:
    """Raise :class:`ReportError` (a sentence naming the field) unless ``data`` has the
    shape of an evaluation: the fields :func:`verify` reads, with their types."""
    _need(isinstance(data, Mapping), name, "the embedded evaluation", "a JSON object")
    _need(_is_day(data.get("as_of")), name, "as_of", "a YYYY-MM-DD day")
    communes = data.get("communes")
    _need(isinstance(communes, list) and len(communes) > 0, name, "communes", "a list")
    for i, c in enumerate(communes):
        where = f"communes[{i}]"
        _need(isinstance(c, Mapping), name, where, "an object")
        _need(isinstance(c.get("commune"), str), name, f"{where}.commune", "a name")
        targets = c.get("targets")
        _need(isinstance(targets, list), name, f"{where}.targets", "a list")
        for j, t in enumerate(targets):
            _need(isinstance(t, Mapping) and isinstance(t.get("id"), str), name,
                  f"{where}.targets[{j}]", "an object with an id")  # fmt: skip
        _need(_texts(c.get("unrated", [])), name, f"{where}.unrated", "a list of ids")
        _need(isinstance(c.get("findings", []), list), name, f"{where}.findings", "a list")
    plugins = data.get("plugins", [])
    _need(isinstance(plugins, list), name, "plugins", "a list")
    for i, p in enumerate(plugins):
        _need(isinstance(p, Mapping) and isinstance(p.get("name"), str)
              and isinstance(p.get("version"), str), name, f"plugins[{i}]",
              "an object with a name and a version")  # fmt: skip
    params = data.get("parameters", {})
    _need(isinstance(params, Mapping) and all(isinstance(v, Mapping) and "value" in v
          for v in params.values()), name, "parameters", "an object of values")  # fmt: skip
    audit = data.get("audit", {})
    _need(isinstance(audit, Mapping), name, "audit", "an object")
    _need(_texts(audit.get("inputs", [])), name, "audit.inputs", "a list of file digests")
    if "options" in audit:
        _check_options(audit["options"], name)


@attrs.frozen
class Verification:
    """The outcome of :func:`verify`: the differences, and notes that are not ones."""

    matches: bool
    differences: tuple[str, ...]
    notes: tuple[str, ...] = ()


def _table_inputs(inputs: Sequence[str]) -> list[str]:
    return [i for i in inputs if Path(i.rsplit(":", 1)[0]).suffix.lower() in TABLE_SUFFIXES]


def verify_sentence(key: str, lang: str, **args: object) -> str:
    """A sentence of ``cadre verify`` (``verify_<key>``) in ``lang``."""
    return label(f"verify_{key}", lang).format(**args)


def _compare_inputs(
    report: Mapping[str, Any], roster: Roster, diffs: list[str], notes: list[str], lang: str
) -> None:
    audit = report.get("audit") or {}
    if not audit.get("inputs"):
        return
    recorded = reading_options(report)["tables"]
    if recorded:
        if dict(recorded) != table_digests(roster):
            changed = sorted(
                k for k in set(recorded) | set(roster.tables) if recorded.get(k) != (
                    table_digests(roster).get(k))
            )  # fmt: skip
            diffs.append(verify_sentence("files_differ_tables", lang, tables=", ".join(changed)))
        elif _table_inputs(audit["inputs"]) != _table_inputs(roster.sources):
            notes.append(verify_sentence("other_bytes", lang))
    elif _table_inputs(audit["inputs"]) != _table_inputs(roster.sources):
        diffs.append(verify_sentence("files_differ", lang))


def _said(problems: Any) -> Any:
    """A list of problems without what is only a way of saying them (their ``message``,
    in the report's language, and the ``key`` and ``args`` a report made before them
    lacks): a report is compared by what was found."""
    if not isinstance(problems, list):
        return problems
    said = ("message", "key", "args")
    return [
        {k: v for k, v in p.items() if k not in said} if isinstance(p, dict) else p
        for p in problems
    ]


def verify(
    report: Mapping[str, Any],
    roster: Roster,
    again: Sequence[Evaluation] | None = None,
    lang: str = "en",
) -> Verification:
    """Compare a report's embedded evaluation with ``again`` (the new evaluations, the
    report's day last; by default ``roster`` evaluated again as the report says); the
    differences and notes said in ``lang``."""
    diffs: list[str] = []
    notes: list[str] = []
    _compare_inputs(report, roster, diffs, notes, lang)
    if again is None:
        plugins = [p["name"] for p in report.get("plugins", []) if p["name"] != "cadre"]
        overrides = {
            k: v["value"]
            for k, v in report.get("parameters", {}).items()
            if not str(v.get("from", "")).startswith("plugin ")
        }
        by_commune = len(report["communes"]) > 1
        again = [
            evaluate(
                roster, report["as_of"], plugins=plugins, params=overrides, by_commune=by_commune
            )
        ]
    new_doc = again[-1].to_dict()
    if new_doc["as_of"] != report["as_of"]:
        diffs.append(verify_sentence("as_of", lang, report=report["as_of"], now=new_doc["as_of"]))
    names = [p["name"] for p in report.get("plugins", [])]
    now_names = [p["name"] for p in new_doc["plugins"]]
    if names != now_names:
        diffs.append(verify_sentence("plugins", lang, report=names, now=now_names))
    versions = {p["name"]: p["version"] for p in report.get("plugins", [])}
    now = {p["name"]: p["version"] for p in new_doc["plugins"]}
    if versions != now and set(versions) == set(now):
        diffs.append(verify_sentence("plugin_versions", lang, report=versions, now=now))
    old = {c["commune"]: c for c in report["communes"]}
    new = {c["commune"]: c for c in new_doc["communes"]}
    if set(old) != set(new):
        diffs.append(verify_sentence("communes", lang, report=sorted(old), now=sorted(new)))
    for name in sorted(set(old) & set(new)):
        a = {t["id"]: t for t in old[name]["targets"]}
        b = {t["id"]: t for t in new[name]["targets"]}
        if len(old[name]["targets"]) != len(b):
            count = len(old[name]["targets"])
            diffs.append(
                verify_sentence("target_count", lang, commune=name, report=count, now=len(b))
            )
        for tid in sorted(set(a) | set(b)):
            if a.get(tid) != b.get(tid):
                keys = sorted(
                    k
                    for k in set(a.get(tid, {})) | set(b.get(tid, {}))
                    if a.get(tid, {}).get(k) != b.get(tid, {}).get(k)
                )
                shown = ", ".join(_key_words(k, lang) for k in keys)
                diffs.append(verify_sentence("target", lang, commune=name, target=tid, keys=shown))
        if old[name].get("unrated") != new[name].get("unrated"):
            diffs.append(verify_sentence("unrated", lang, commune=name))
        if old[name].get("findings") != new[name].get("findings"):
            diffs.append(verify_sentence("findings", lang, commune=name))
    for key in ("skipped", "not_read", "warnings", "failed_plugins"):
        if key in report and _said(report[key]) != _said(new_doc[key]):
            diffs.append(verify_sentence(f"list_{key}", lang))
    return Verification(not diffs, tuple(diffs), tuple(notes))


def _key_words(key: str, lang: str) -> str:
    """A key of a target's JSON as the report's column says it in Vietnamese."""
    try:
        return key if lang == "en" else label(f"col_{key}", lang)
    except KeyError:
        return key
