"""Input problems and the error that carries them.

A problem keeps its English sentence (``expected``, what every earlier version wrote) and,
for the other languages, the key of its sentence in the label table (``key``: the label
``problem_<key>``) with the values the sentence names (``args``). :func:`render_problem`
is the one place a problem becomes a sentence, in Vietnamese or English;
:func:`problem` builds a problem from its key, its English text taken from the label table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from cadre_core.vocab._labels import code_name, label


@functools.lru_cache(maxsize=4096)
def has_label(key: str) -> bool:
    """Whether the label table has ``key``."""
    try:
        label(key)
    except KeyError:
        return False
    return True


def _args(
    value: Iterable[tuple[str, object]] | Mapping[str, object],
) -> tuple[tuple[str, str], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), str(v)) for k, v in pairs)


@attrs.frozen
class Problem:
    """One problem found in a roster, located as the user sees it.

    ``row`` is the spreadsheet row number (header = row 1 in CSV, the header's own row in
    a workbook) or ``None`` when the problem concerns a whole table or column.

    ``scope`` says what the problem sets aside or leaves unread, where that is more than
    the cell it points at: ``"row"`` (``--skip-invalid`` set the row aside), ``"cell"``
    (the cell was set aside, the row kept), ``"table"`` (an optional table set aside),
    ``"column"`` (a column that is not a header of its table, not read), ``"sheet"`` (a
    sheet or file that is not a roster table, not read) or ``"encoding"`` (damaged text
    in a column); ``None`` for any other problem.

    ``key`` names the problem's sentence in the label table (``problem_<key>``) and
    ``args`` the values it names, so that the problem can be said in Vietnamese
    (:meth:`describe`); ``expected`` stays the English text.

    >>> Problem("r.xlsx", "cadres", 7, "gender", "robot", "one of male, female").describe()
    "r.xlsx, table cadres, row 7, column gender: 'robot' is not one of male, female"
    >>> Problem("r.xlsx", "positions", None, None, None, "required table is missing").row is None
    True
    """

    file: str
    table: str | None
    row: int | None
    column: str | None
    value: str | None
    expected: str
    suggestion: str | None = None
    severity: str = "error"
    scope: str | None = None
    key: str | None = attrs.field(default=None, kw_only=True)
    args: tuple[tuple[str, str], ...] = attrs.field(default=(), kw_only=True, converter=_args)

    def describe(self, lang: str = "en") -> str:
        """One line naming every coordinate of the problem, in ``lang`` (English by
        default, as every earlier version wrote it; see :func:`render_problem`).

        >>> p = Problem("r.xlsx", "degrees", 5, "level", "Thac si", "an education level",
        ...             "thac_si")
        >>> p.describe()
        "r.xlsx, table degrees, row 5, column level: 'Thac si' is not an education level; did you mean thac_si?"
        """
        return render_problem(self, lang)

    def expectation(self, lang: str = "en") -> str:
        """What the problem's cell or table should hold, in ``lang`` (``expected`` in
        English; without the value, the place or the suggestion).

        >>> problem("r.csv", "cadres", 3, "gender", "x", "one_of", codes="male;female",
        ...         family="gender").expectation("vi")
        'một trong: Nam, Nữ'
        """
        if lang == "en" or self.key is None:
            return self.expected if lang == "en" else label("problem_unknown_kind", lang)
        return _sentence(self, lang)

    def hint(self, lang: str = "en") -> str | None:
        """The suggestion in ``lang``: a code by its name in Vietnamese.

        >>> Problem("r", "degrees", 5, "level", "x", "y", "thac_si").hint("vi")
        "'Thạc sĩ'"
        """
        if self.suggestion is None or lang == "en":
            return self.suggestion
        return _suggestion_words(self, lang)

    def to_dict(self, lang: str = "vi") -> dict[str, object]:
        """The problem as a JSON-ready mapping: its fields (``args`` as an object) and
        ``message``, the whole problem as one sentence in ``lang``.

        >>> doc = problem("r.csv", "cadres", None, None, None, "table_missing", table="cadres"
        ...               ).to_dict()
        >>> doc["key"], doc["args"], doc["message"]
        ('table_missing', {'table': 'cadres'}, 'r.csv, bảng cadres (Cán bộ): thiếu bảng bắt buộc cadres (Cán bộ)')
        >>> Problem.from_dict(doc) == problem("r.csv", "cadres", None, None, None,
        ...                                   "table_missing", table="cadres")
        True
        """
        out = attrs.asdict(self, filter=lambda a, _: a.name != "args")
        out["args"] = dict(self.args)
        out["message"] = self.describe(lang)
        return out

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> Problem:
        """The problem a JSON document lists (its ``message`` is rendered again, not read;
        a document written before keys had none).

        >>> Problem.from_dict({"file": "r", "table": None, "row": None, "column": None,
        ...                    "value": None, "expected": "x", "message": "r: x"}).key is None
        True
        """
        names = {a.name for a in attrs.fields(cls)}
        return cls(**{k: v for k, v in doc.items() if k in names})


def problem(
    file: str,
    table: str | None,
    row: int | None,
    column: str | None,
    value: str | None,
    key: str,
    /,
    suggestion: str | None = None,
    *,
    severity: str = "error",
    scope: str | None = None,
    **args: object,
) -> Problem:
    """A problem said by the label ``problem_<key>`` with ``args`` (its English text, the
    ``expected`` field, taken from the label table).

    >>> problem("r", "cadres", None, None, None, "table_missing", table="cadres").expected
    'required table cadres is missing'
    """
    made = Problem(
        file, table, row, column, value, "", suggestion, severity, scope, key=key, args=args.items()
    )
    return attrs.evolve(made, expected=_sentence(made, "en"))


# ---------------------------------------------------------------- rendering


_COLUMN_N = re.compile(r" \(column ([A-Z]+(?:–[A-Z]+)?|\d+)\)")
_SHEET_IN_FILE = re.compile(r", sheet ('.*')$")
# a document's table (a Word or a web page's), named as its user counts them: "Bảng 2"
_DOCUMENT_TABLE = re.compile(
    "'" + re.escape(label("list_word_table", "vi")).replace(r"\{\}", r"\d+") + "'"
)


@functools.lru_cache(maxsize=4096)
def _table_words(table: str, lang: str) -> str:
    key = f"roster_table_{table}"
    return f"{table} ({label(key, lang)})" if has_label(key) else table


@functools.lru_cache(maxsize=4096)
def _column_header(table: str | None, column: str) -> str | None:
    """The Vietnamese header of a canonical column: its label, else the first header the
    roster format knows for it (the user's own word)."""
    if has_label(f"roster_col_{column}"):
        return label(f"roster_col_{column}", "vi")
    from cadre_core.roster._schema import TABLE_BY_NAME

    known = table is not None and table in TABLE_BY_NAME
    tables = [TABLE_BY_NAME[str(table)]] if known else list(TABLE_BY_NAME.values())
    for t in tables:
        if column in t.column_names:
            words = [a for a in t.column(column).aliases if not a.isascii()]
            if words:
                return words[0][:1].upper() + words[0][1:]
    return None


@functools.lru_cache(maxsize=4096)
def _column_words(table: str | None, column: str, lang: str) -> str:
    header = _column_header(table, column)
    if header is not None:
        return f"{column} ({header})"
    made = " " + label("problem_made_from_list", "en")
    if column.endswith(made):  # a column a list does not have (roster._flat.relocate)
        bare = column[: -len(made)]
        return f"{_column_words(table, bare, lang)} {label('problem_made_from_list', lang)}"
    return _COLUMN_N.sub(lambda m: " " + label("problem_column_n", lang).format(m[1]), column)


def table_words(table: str | None, lang: str = "vi") -> str:
    """A problem's table as a person reads it: in Vietnamese with its label.

    >>> table_words("cadres"), table_words("cadres", "en"), table_words(None)
    ('cadres (Cán bộ)', 'cadres', '')
    """
    if not table:
        return ""
    return table if lang == "en" else _table_words(table, lang)


def column_words(table: str | None, column: str | None, lang: str = "vi") -> str:
    """A problem's column as a person reads it: in Vietnamese with its header.

    >>> column_words("cadres", "gender"), column_words(None, "Năm sinh (column E)")
    ('gender (Giới tính)', 'Năm sinh (cột E)')
    """
    if not column:
        return ""
    return column if lang == "en" else _column_words(table, column, lang)


def _sheet_words(file: str, quoted: str, lang: str) -> str:
    """The sheet ``quoted`` (its name in quotes) of ``file`` in ``lang``: a workbook's
    "trang tính 'DS'", a document's table (a Word document's, a web page's, whatever the
    file's name) by its name alone ("Bảng 2")."""
    if _DOCUMENT_TABLE.fullmatch(quoted):
        return quoted[1:-1]
    return label("problem_sheet", lang).format(quoted)


def file_words(file: str, lang: str = "vi") -> str:
    """A problem's file as a person reads it (``r.xlsx, sheet 'DS'`` names the sheet of a
    list in ``lang``; a document's table is named by itself).

    >>> file_words("r.xlsx, sheet 'DS'"), file_words("r.xlsx, sheet 'DS'", "en")
    ("r.xlsx, trang tính 'DS'", "r.xlsx, sheet 'DS'")
    >>> file_words("r.docx, sheet 'Bảng 2'"), file_words("xuat.xls, sheet 'Bảng 1'")
    ('r.docx, Bảng 2', 'xuat.xls, Bảng 1')
    """
    if lang == "en":
        return file
    return _SHEET_IN_FILE.sub(lambda m: ", " + _sheet_words(file[: m.start()], m[1], lang), file)


def _where(p: Problem, lang: str) -> str:
    where = [file_words(p.file, lang)]
    if p.table:
        if has_label(f"roster_table_{p.table}"):
            where.append(label("problem_table", lang).format(_table_words(p.table, lang)))
        else:
            where.append(_sheet_words(p.file, repr(p.table), lang))
    if p.row is not None:
        where.append(label("problem_row", lang).format(p.row))
    if p.column:
        where.append(label("problem_column", lang).format(_column_words(p.table, p.column, lang)))
    return ", ".join(where)


@functools.lru_cache(maxsize=4096)
def _value_name(code: str, family: str | None, lang: str) -> str:
    """A code in words (``male`` -> ``Nam``, ``thac_si`` -> ``Thạc sĩ``)."""
    if family and has_label(f"value_{family}_{code}"):
        return label(f"value_{family}_{code}", lang)
    if family and has_label(f"{family}_{code}"):  # a code list's own names (indicator_...)
        return label(f"{family}_{code}", lang)
    text = code_name(code, lang)
    return text[:1].upper() + text[1:] if text != code else code


def _arg_words(p: Problem, name: str, value: str, lang: str) -> str:
    """An argument of the problem's sentence in ``lang``: a ``;``-list of codes comma-joined
    (by their names in Vietnamese), a ``;``-list of files joined with "and", what a file
    holds by its words; in Vietnamese a table by its label and a column by its header."""
    args = dict(p.args)
    if name == "codes":
        codes = [c for c in value.split(";") if c]
        if lang == "en":
            return ", ".join(codes)
        return ", ".join(_value_name(c, args.get("family"), lang) for c in codes)
    if name == "files":
        names = [repr(f) for f in value.split(";")]
        return ", ".join(names[:-1]) + label("problem_and", lang) + names[-1]
    if name == "holds":  # what a file really holds (cadre_core.roster._sniff)
        return label(f"file_kind_{value}", lang)
    if lang == "en":
        return value
    if name in ("table", "target"):
        return _table_words(value, lang)
    if name in ("column", "canonical", "guess"):
        table, _, column = value.rpartition(".")
        return _column_words(table or args.get("target", p.table), column, lang)
    return value


def _sentence(p: Problem, lang: str) -> str:
    """The problem's own sentence (``problem_<key>``) in ``lang``, its arguments in words."""
    assert p.key is not None
    args = {k: _arg_words(p, k, v, lang) for k, v in p.args}
    raw = dict(p.args)
    args["example"] = (
        label("problem_example", lang).format(bad=raw["bad"], good=raw["good"])
        if "bad" in raw
        else ""
    )
    text = label(f"problem_{p.key}", lang).format(**args)
    if "note_key" in raw:
        note = label(f"problem_note_{raw['note_key']}", lang).format(**args)
        text = label("problem_note", lang).format(expected=text, note=note)
    return text


def _suggestion_words(p: Problem, lang: str) -> str:
    assert p.suggestion is not None
    family = dict(p.args).get("family")
    parts = [s.strip() for s in p.suggestion.split(" or ")]
    out = []
    for part in parts:
        bare = part.strip("'\"")
        if has_label(f"roster_table_{bare}"):
            out.append(_table_words(bare, lang))
        elif (
            p.table is not None
            and _column_header(p.table, bare) is not None
            and (p.scope == "column" or p.value is None)
        ):
            out.append(_column_words(p.table, bare, lang))
        else:
            out.append(repr(_value_name(bare, family, lang)))
    return label("problem_or", lang).join(out)


def render_problem(p: Problem, lang: str = "en") -> str:
    """The problem as one line in ``lang``: where it is (file, table, row, column), what
    is wrong and the suggestion. English is the problem's ``expected`` as every earlier
    version wrote it; Vietnamese names the table and the column by the user's words and
    codes by their names.

    >>> p = problem("r.xlsx", "cadres", 7, "gender", "robot", "one_of", codes="male;female",
    ...             family="gender")
    >>> render_problem(p, "vi")
    "r.xlsx, bảng cadres (Cán bộ), dòng 7, cột gender (Giới tính): 'robot' không phải là một trong: Nam, Nữ"
    >>> render_problem(p)
    "r.xlsx, table cadres, row 7, column gender: 'robot' is not one of male, female"
    """
    if lang == "en":
        where = [p.file]
        if p.table:
            where.append(f"table {p.table}")
        if p.row is not None:
            where.append(f"row {p.row}")
        if p.column:
            where.append(f"column {p.column}")
        text = ", ".join(where) + ": "
        if p.value is not None:
            text += f"{p.value!r} is not {p.expected}"
        else:
            text += p.expected
        if p.suggestion:
            text += f"; did you mean {p.suggestion}?"
        return text
    text = _where(p, lang) + ": "
    if p.value is not None:
        text += label("problem_is_not", lang).format(repr(p.value), p.expectation(lang))
    else:
        text += p.expectation(lang)
    if p.suggestion:
        text += label("problem_did_you_mean", lang).format(p.hint(lang))
    return text


class RosterError(ValueError):
    """A roster could not be accepted. ``problems`` lists every problem found.

    >>> tables = dict(cadre_core.sample_roster().tables)
    >>> cadres = tables["cadres"].astype(object)
    >>> cadres.loc[cadres.index[1], "gender"] = "robot"
    >>> try:
    ...     cadre_core.Roster.from_frames({**tables, "cadres": cadres})
    ... except RosterError as exc:
    ...     print(exc.errors[0].describe())
    ...     print(exc.message("vi"))
    <cadres DataFrame>, table cadres, row 2, column gender: 'robot' is not one of male, female
    <cadres DataFrame>, bảng cadres (Cán bộ), dòng 2, cột gender (Giới tính): 'robot' không phải là một trong: Nam, Nữ
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The first error and how many more, in ``lang``."""
        errors = self.errors
        head = errors[0].describe(lang) if errors else label("problem_invalid_roster", lang)
        if len(errors) > 1:
            head += label("problem_and_more", lang).format(len(errors) - 1)
        return head

    @property
    def errors(self) -> Sequence[Problem]:
        """The problems that make the roster unacceptable."""
        return [p for p in self.problems if p.severity == "error"]
