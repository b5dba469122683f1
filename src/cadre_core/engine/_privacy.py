"""Personal data: stable pseudonyms for ids, names and birth dates in every output.

A pseudonym is a keyed hash (HMAC-SHA256) of the cadre id with a secret the user
provides: the same key gives the same pseudonyms across runs (so reports can be compared),
and without the key nobody can link a pseudonym back to a person.

Under pseudonyms (:class:`Pseudonymizer`, :func:`pseudonymize`):

- a cadre's id *and* name become the same pseudonym (``CB-1f3a9c2e4b``) everywhere: the
  feature frames and raw tables, failing lists, unrated cadres, findings' subjects, plan
  lines and needs, so that they still join; birth dates are blanked;
- texts that may quote the roster (findings' messages and subject names, which plugins
  write; the messages of plugins left out; the reasons of problems and needs) are *scrubbed*: every cadre id,
  full name and birth date of the roster they quote (any letter case; birth dates in ISO
  and day-first spellings) is replaced, ids and names by the pseudonym, dates by
  :data:`WITHHELD`. The roster's strings are matched by one regular expression built as
  a trie (one pass over each text, whatever the roster's size), compiled on first use;
- raw cell values of problems (rows and cells ``--skip-invalid`` set aside, columns not
  read) are withheld: :data:`WITHHELD` instead of the cell; so is every argument of a
  problem that can hold text of the input's people (:data:`FREE_TEXT`: a cell's text, a
  name, a note, a row's value), or it becomes the pseudonym when it is exactly a cadre's
  name or id; the problem's sentence is said again with what replaced it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pandas as pd

from cadre_core.engine._results import CommuneResult, Evaluation
from cadre_core.findings._finding import Finding
from cadre_core.plugins._errors import PluginError
from cadre_core.roster._problems import Problem
from cadre_core.roster._problems import problem as make_problem
from cadre_core.vocab._told import os_said, told_error

KEY_ENV = "CADRE_PSEUDONYM_KEY"

#: what stands for a withheld value: a raw cell, a birth date, a name several cadres share
WITHHELD = "[withheld]"
#: Arguments of a problem that quote the name of a person the roster does not hold (a row
#: a clerk struck through or hid as someone who left: :mod:`cadre_core.roster._row_marks`):
#: no scrub knows that name, so the argument is withheld whole under pseudonyms.
#: (One of the arguments :data:`FREE_TEXT` declares.)
NAMED_ARGS = frozenset({"person"})

_SHEET_OR_RECORD = {  # a sheet's name, or a personal record's file (named after its person)
    "same_person_record": True,
    **dict.fromkeys(
        ("web_sheet_missing", "sheet_not_table", "merged_in_sheet", "hidden_sheet_not_read",
         "very_hidden_sheet_not_read", "hidden_sheet_read", "leaver_sheet_read",
         "leaver_sheet_not_read", "same_person_sheet", "same_person_table"),
        False,
    ),
}  # fmt: skip

#: Every argument a problem's sentence names (a placeholder of a ``problem_*`` label, and
#: the codes the program adds): ``True`` when it can hold text of the input's people (a
#: cell's text, a name, a note, a title line, a row's value), ``False`` when it never
#: does (names of columns, tables, sheets and files, codes, counts, row numbers, the
#: program's own words and errors), or, where one name means both, the answer per problem
#: code (``tests/test_privacy_free_text.py`` sees that every placeholder of every label,
#: and every code naming one of those, is here). An argument not declared is taken to.
FREE_TEXT: Mapping[str, bool | Mapping[str, bool]] = {
    # text of the input's people
    "person": True,  # the name of someone struck through or hidden (not in the roster)
    "note": True,  # a note after a name, a struck-through person's note
    "posts": True,  # the rest of a person's post cell
    "written": True,  # a date as a cell writes it (a birth date's column too)
    "day_example": True,
    "month_example": True,
    "year": True,  # a date cell's whole text (it says the year alone)
    "bad": True,  # a cell's text in a legacy encoding, and what it reads as
    "good": True,
    "example": True,
    "headers": True,  # a file's first row: a person's, when it has no header
    "cell": {
        **dict.fromkeys(
            ("list_note_not_read", "name_second_line", "name_address_kept", "vacant_post",
             "name_mark", "name_status", "field_disagrees", "level_under_way",
             "level_not_yet_held"),
            True,
        ),
        "error_cell_not_read": False,  # the cell's place (B7)
        "formula_not_read": False,
    },
    "day": {
        **dict.fromkeys(
            ("partial_month", "partial_year", "date_month_first", "date_month_first_table",
             "date_order_unknown", "date_locale_swapped", "left_post_not_held",
             "note_left", "date_english_day", "date_english_day_short", "date_serial_text"),
            True,
        ),  # a person's day, read from their row
        **dict.fromkeys(
            ("list_days_differ", "list_date_from_as_of", "list_date_from_period",
             "record_day"),
            False,
        ),  # the list's day
    },
    "value": {"ambiguous_reference": True, "ambiguous_id": True, "bad_list_date": False},
    "sheet": _SHEET_OR_RECORD,
    # never
    **dict.fromkeys(
        ("agencies", "agency", "blocs", "both", "byte", "canonical", "cells", "codes", "column",
         "columns", "commune", "count", "days", "encoding", "error", "expected", "family",
         "field", "fields", "files", "first", "fonts", "guess", "held", "holds", "kind", "last",
         "link", "list_columns", "list_table", "mark", "n", "note_key", "other", "period", "reason",
         "records", "row", "rows", "score", "second", "shown", "signed", "suffix", "table",
         "target", "text", "words"),
        False,
    ),
}  # fmt: skip


def free_text(key: str | None, name: str) -> bool:
    """Whether the argument ``name`` of a problem said by ``problem_<key>`` can hold text
    of the input's people (:data:`FREE_TEXT`; an argument, or a code, not declared is
    taken to).

    >>> free_text("list_note_not_read", "cell"), free_text("formula_not_read", "cell")
    (True, False)
    >>> free_text("sheet_not_table", "sheet"), free_text("same_person_record", "sheet")
    (False, True)
    """
    said = FREE_TEXT.get(name, True)
    return said if isinstance(said, bool) else said.get(key or "", True)


def _restated(problem: Problem, args: tuple[tuple[str, str], ...], old: Mapping[str, str]) -> str:
    """The English sentence of ``problem`` with ``args`` instead of its own: said again
    from its label, or, a problem with none, with each of the ``old`` values replaced."""
    if problem.key is not None:
        try:
            made = make_problem(
                problem.file, problem.table, problem.row, problem.column, problem.value,
                problem.key, problem.suggestion, severity=problem.severity,
                scope=problem.scope, **dict(args),
            )  # fmt: skip
        except (KeyError, IndexError, TypeError, ValueError):
            pass
        else:
            return made.expected
    new = dict(args)
    expected = problem.expected
    for name, value in sorted(old.items(), key=lambda kv: -len(kv[1])):
        expected = expected.replace(value, new[name])
    return expected


def hide_free_text(
    problem: Problem, alias: Callable[[str], str | None] = lambda _: None
) -> Problem:
    """``problem`` with each argument that can hold text of the input's people
    (:func:`free_text`) withheld (:data:`WITHHELD`), or replaced by ``alias`` of it when
    that is not ``None`` (a pseudonym: the argument is exactly a cadre's name), and its
    sentence said again with them.

    >>> from cadre_core.roster._problems import problem
    >>> p = hide_free_text(problem("ds.xlsx", None, 12, None, None, "list_note_not_read",
    ...                            severity="warning", cell="'Ghi chú: Lò Văn A đi học'"))
    >>> dict(p.args)["cell"], "Lò Văn A" in p.expected, "Lò Văn A" in p.describe("vi")
    ('[withheld]', False, False)
    """
    old = {k: v for k, v in problem.args if v and v != WITHHELD and free_text(problem.key, k)}
    if not old:
        return problem
    new = {k: alias(v) or WITHHELD for k, v in old.items()}
    args = tuple((k, new.get(k, v)) for k, v in problem.args)
    return attrs.evolve(problem, args=args, expected=_restated(problem, args, old))


class PseudonymKeyError(ValueError):
    """No usable secret key for pseudonyms."""


def load_key(path: str | None = None) -> bytes:
    """The secret key: the content of ``path``, else the ``CADRE_PSEUDONYM_KEY`` variable.

    The key must have at least 16 bytes.
    """
    if path is not None:
        try:
            key = Path(path).read_bytes().strip()
        except OSError as exc:
            raise told_error(
                PseudonymKeyError, "key_unreadable", path=path, reason=os_said(exc)
            ) from None
    else:
        key = os.environ.get(KEY_ENV, "").encode("utf-8")
    if len(key) < 16:
        raise told_error(PseudonymKeyError, "key_too_short", env=KEY_ENV)
    return key


def _pseudonym(value: str, key: bytes, prefix: str = "CB") -> str:
    return f"{prefix}-" + hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:10]


def pseudonyms(ids: pd.Series, key: bytes, prefix: str = "CB") -> pd.Series:
    """A stable pseudonym per id, e.g. ``CB-1f3a9c2e`` (one hash per distinct id).

    >>> pseudonyms(pd.Series(["C001", "C001"]), b"0123456789abcdef").nunique()
    1
    """
    distinct = pd.Series(ids.dropna().astype(str).unique())
    digests = {v: _pseudonym(v, key, prefix) for v in distinct}
    return pd.Series(ids.astype(object).map(digests), index=ids.index, dtype=object)


def _trie_pattern(words: Iterable[str]) -> str:
    """One regular expression matching any of ``words`` (longest first), as a trie: the
    engine follows one branch per character instead of trying every word in turn.

    >>> _trie_pattern(["ab", "abc", "b."])
    '(?:ab(?:c)?|b\\\\.)'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def withheld(
    problem: Problem,
    records: Iterable[str] = (),
    alias: Callable[[str], str | None] = lambda _: None,
) -> Problem:
    """``problem`` without its raw cell (:data:`WITHHELD` instead) nor any text of the
    input's people in its arguments (:func:`hide_free_text`, with ``alias``), for when the
    roster, and so what to scrub, is not known (a roster that could not be read); the name
    of a file among ``records`` (each one person's record: its name may be the person's)
    is withheld from its place too.

    >>> p = withheld(Problem("ho-so/lo-van-an.docx", "cadres", None, "Ngày sinh", "31/02/1975",
    ...                      "a date"), records=["lo-van-an.docx"])
    >>> p.file, p.value
    ('ho-so/[withheld].docx', '[withheld]')
    >>> p = withheld(Problem("ds.xlsx", None, 8, None, None, "'Lò Văn Xôm' was not read",
    ...                      args=(("person", "'Lò Văn Xôm'"),)))
    >>> dict(p.args), p.expected
    ({'person': '[withheld]'}, '[withheld] was not read')
    """
    out = hide_free_text(problem, alias)
    out = out if out.value is None else attrs.evolve(out, value=WITHHELD)
    for name in records:
        head, sep, tail = out.file.rpartition("/")
        if unicodedata.normalize("NFC", tail).lower() == unicodedata.normalize("NFC", name).lower():
            out = attrs.evolve(out, file=f"{head}{sep}{WITHHELD}{Path(name).suffix.lower()}")
    return out


def _date_spellings(day: pd.Timestamp) -> list[str]:
    """How a day is written in a message: ISO, day-first with ``/``, ``-`` or ``.``, and
    day-first unpadded; and month-first, padded and not, as a list exported with US
    settings writes it and a warning on the order of its dates quotes it.

    >>> _date_spellings(pd.Timestamp("1978-03-12"))[-2:]
    ['03/12/1978', '3/12/1978']
    """
    out = [day.strftime(f) for f in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")]
    out += [f"{day.day}/{day.month}/{day.year}", day.strftime("%m/%d/%Y")]
    return [*out, f"{day.month}/{day.day}/{day.year}"]


@attrs.define
class Pseudonymizer:
    """Pseudonyms and scrubbing for one roster and one key (see the module docstring).

    >>> cadres = pd.DataFrame({"cadre_id": ["MT001"], "full_name": ["Đỗ Mạnh Cường"],
    ...                        "birth_date": [pd.Timestamp("1974-03-02")]})
    >>> p = Pseudonymizer.of(cadres, b"0123456789abcdef")
    >>> p.scrub("cannot handle ĐỖ MẠNH CƯỜNG (MT001) born 02/03/1974") == (
    ...     f"cannot handle {p.id('MT001')} ({p.id('MT001')}) born [withheld]")
    True
    """

    key: bytes
    #: every cadre id of the roster, as text
    ids: frozenset[str]
    #: lower-cased id, name or birth date spelling -> what replaces it
    replacements: dict[str, str]
    _pattern: re.Pattern[str] | None = None
    _done: dict[str, str] = attrs.field(factory=dict)
    #: id -> pseudonym, each hashed once
    _aliases: dict[str, str] = attrs.field(factory=dict)

    @classmethod
    def of(cls, cadres: pd.DataFrame, key: bytes, records: Iterable[str] = ()) -> Pseudonymizer:
        """The pseudonymizer of a roster's ``cadres`` table (``cadre_id`` a column or the
        index, ``full_name`` and ``birth_date`` when present) and of the names of its
        ``records``, the files that each hold one person's record (:attr:`Roster.records`:
        ``tran-thi-binh.docx`` becomes ``HS-3f1b2c9a0d.docx``)."""
        frame = cadres.reset_index() if "cadre_id" not in cadres else cadres
        ids = frame["cadre_id"].astype(object)
        known = ids.notna().to_numpy()
        id_text = ids[known].astype(str).to_numpy()
        fake = pseudonyms(pd.Series(id_text, dtype=object), key).to_numpy()
        replacements: dict[str, str] = {}
        if "birth_date" in frame:
            days = pd.to_datetime(frame["birth_date"], errors="coerce").dropna().unique()
            for day in days:
                for text in _date_spellings(pd.Timestamp(day)):
                    replacements[text.lower()] = WITHHELD
        if "full_name" in frame:
            names = frame["full_name"][known].astype(object).to_numpy()
            by_name: dict[str, set[str]] = {}
            for name, alias in zip(names, fake, strict=True):
                if isinstance(name, str) and name.strip():
                    folded = unicodedata.normalize("NFC", name.strip()).lower()
                    by_name.setdefault(folded, set()).add(str(alias))
            for folded, shared in by_name.items():
                replacements[folded] = next(iter(shared)) if len(shared) == 1 else WITHHELD
        for real, alias in zip(id_text, fake, strict=True):
            replacements[str(real).strip().lower()] = str(alias)
        for name in records:  # the file's name and its stem (a roster's name)
            file = Path(unicodedata.normalize("NFC", name).lower())
            alias = _pseudonym(file.stem, key, "HS")
            replacements[file.name] = alias + file.suffix
            replacements.setdefault(file.stem, alias)
        replacements.pop("", None)
        known_ids = dict(zip(id_text.tolist(), fake.tolist(), strict=True))
        return cls(key, frozenset(known_ids), replacements, aliases=known_ids)

    def id(self, value: str) -> str:
        """The pseudonym of a cadre id (stable for a key)."""
        text = str(value)
        alias = self._aliases.get(text)
        if alias is None:
            alias = self._aliases[text] = _pseudonym(text, self.key)
        return alias

    def _ids(self, values: pd.Series) -> np.ndarray:
        """:meth:`id` of each value (missing values stay missing), one hash per id."""
        codes, distinct = pd.factorize(values.astype(object))
        aliases = np.array([self.id(v) for v in distinct] + [None], dtype=object)
        return np.asarray(aliases[codes], dtype=object)

    def known(self, value: str) -> str:
        """The pseudonym of ``value`` if it is a cadre id of the roster, else ``value``
        (a position or agency code)."""
        return self.id(value) if str(value) in self.ids else value

    def alias(self, text: str) -> str | None:
        """The pseudonym standing for ``text`` when it is exactly (quoted or not, any
        case) a cadre id, a full name or a personal record's name of the roster, else
        ``None``.

        >>> p = Pseudonymizer.of(pd.DataFrame({"cadre_id": ["MT001"],
        ...                                    "full_name": ["Lò Văn An"]}), b"0123456789abcdef")
        >>> p.alias("'LÒ VĂN AN'") == f"'{p.id('MT001')}'", p.alias("'Lò Văn An đi học'")
        (True, None)
        """
        bare = unicodedata.normalize("NFC", text).strip()
        quote = bare[:1] if len(bare) > 1 and bare[:1] in "'\"" and bare[-1:] == bare[:1] else ""
        inner = bare[1:-1].strip() if quote else bare
        alias = self.replacements.get(inner.lower())
        if not inner or alias is None or alias == WITHHELD:
            return None
        return f"{quote}{alias}{quote}"

    def scrub(self, text: str) -> str:
        """``text`` with every id, full name and birth date of the roster replaced."""
        if not text or not self.replacements:
            return text
        done = self._done.get(text)
        if done is not None:
            return done
        if self._pattern is None:
            body = _trie_pattern(sorted(self.replacements))
            self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
        replacements = self.replacements
        out = self._pattern.sub(
            lambda m: replacements.get(m.group().lower(), WITHHELD),
            unicodedata.normalize("NFC", text),
        )
        self._done[text] = out
        return out

    def problem(self, problem: Problem) -> Problem:
        """A problem with its raw cell withheld and its texts (its place too: a record's
        file) scrubbed; an argument that can hold text of the input's people is withheld,
        or the pseudonym when it is exactly a cadre's name or id (:meth:`alias`)."""
        out = withheld(problem, alias=self.alias)
        return attrs.evolve(
            out,
            file=self.scrub(problem.file),
            expected=self.scrub(out.expected),
            suggestion=None if problem.suggestion is None else self.scrub(problem.suggestion),
            args=tuple((k, self.scrub(v)) for k, v in out.args),
        )

    def finding(self, finding: Finding) -> Finding:
        """A finding with a pseudonymous subject (for a cadre: its name is its pseudonym
        too) and scrubbed messages and names."""
        cadre = finding.subject_kind == "cadre"
        subject = self.id(finding.subject) if cadre else finding.subject
        name = subject if cadre and finding.subject_name else self.scrub(finding.subject_name)
        return attrs.evolve(
            finding,
            subject=subject,
            subject_name=name,
            subject_post=self.scrub(finding.subject_post),
            message_vi=self.scrub(finding.message_vi),
            message_en=self.scrub(finding.message_en),
        )

    def error(self, error: PluginError) -> PluginError:
        """A plugin's error with its message scrubbed."""
        return PluginError(
            error.plugin,
            self.scrub(error.message),
            error.hook,
            target=error.target,
            owner=error.owner,
        )

    def frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """A frame with its ``cadre_id`` column (or index) pseudonymous, its
        ``full_name`` the pseudonym and its ``birth_date`` blank."""
        out = frame.copy()
        if out.index.name == "cadre_id":
            out.index = pd.Index(self._ids(out.index.to_series()), name="cadre_id")
        if "cadre_id" in out:
            out["cadre_id"] = self._ids(out["cadre_id"])
        if "full_name" in out:  # the name is the id's pseudonym
            ids = out.get("cadre_id", out.index)
            out["full_name"] = np.asarray(ids, dtype=object)
        if "birth_date" in out:
            out["birth_date"] = np.datetime64("NaT", "us")
        return out

    def commune(self, result: CommuneResult) -> CommuneResult:
        """A commune's results with pseudonymous failing and left-out lists, unrated and
        findings."""
        targets = tuple(
            attrs.evolve(
                t,
                failing=tuple(self.known(x) for x in t.failing),
                left_out=tuple(self.known(x) for x in t.left_out),
            )
            if t.unit == "cadres"
            else t
            for t in result.targets
        )
        return attrs.evolve(
            result,
            targets=targets,
            unrated=tuple(self.known(x) for x in result.unrated),
            findings=tuple(self.finding(f) for f in result.findings),
        )


def pseudonymize(evaluation: Evaluation, key: bytes | Pseudonymizer) -> Evaluation:
    """An evaluation whose outputs carry pseudonyms instead of ids and names, no birth
    dates, no raw cells of problems, and scrubbed plugin texts (module docstring).

    Counts and statuses are unchanged; only what reports print about people changes.
    """
    features = evaluation.features
    if isinstance(key, Pseudonymizer):
        p = key
    else:
        cadres = None
        if features is not None:
            cadres = features.tables.get("cadres", features.cadres)
        empty = pd.DataFrame({"cadre_id": []})
        p = Pseudonymizer.of(cadres if cadres is not None else empty, key, evaluation.records)
    changes: dict[str, Any] = {
        "sources": tuple(p.scrub(s) for s in evaluation.sources),
        "communes": tuple(p.commune(c) for c in evaluation.communes),
        "skipped": tuple(p.problem(x) for x in evaluation.skipped),
        "not_read": tuple(p.problem(x) for x in evaluation.not_read),
        "warnings": tuple(p.problem(x) for x in evaluation.warnings),
        "failed_plugins": tuple(p.error(e) for e in evaluation.failed_plugins),
    }
    if features is not None:
        changes["features"] = attrs.evolve(
            features,
            cadres=p.frame(features.cadres),
            assignments=p.frame(features.assignments),
            trainings=p.frame(features.trainings),
            degrees=p.frame(features.degrees),
            tables={name: p.frame(t) for name, t in features.tables.items()},
        )
    return attrs.evolve(evaluation, **changes)


def as_shown(
    evaluation: Evaluation,
    options: Mapping[str, Any] | None = None,
    hider: Pseudonymizer | None = None,
) -> Evaluation:
    """``evaluation`` as every output shows it: with ``options``, how the roster was read
    and evaluated (the audit block records them), and under ``hider``'s pseudonyms
    (:func:`pseudonymize`) when given. The command line and the HTTP service both finish
    their evaluations here, so that their outputs agree.

    >>> from cadre_core import evaluate, sample_roster
    >>> ev = as_shown(evaluate(sample_roster(), "2026-12-31"), {"by": "commune"})
    >>> ev.options["by"]
    'commune'
    """
    if options is not None:
        evaluation = attrs.evolve(evaluation, options=options)
    if hider is not None:
        evaluation = pseudonymize(evaluation, hider)
    return evaluation
