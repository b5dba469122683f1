"""Personal records ("Sơ yếu lý lịch") mail-merged into one document, a page per person:
cut into one record each, read as a folder of records is, one grid per person
(:func:`record_grids`).

A record starts where its form starts again: a line that begins with the form's title
("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC"), or, when no title starts a second record (the title
kept once, above them all, or in a page header), a line that begins with the label the
first record's fields start with ("1) Họ và tên khai sinh"), laid out with the two lines
after it as the first record's are. The lines just above that start that are laid out as
the first record's head is ("Cơ quan, đơn vị sử dụng CBCC:", "Số hiệu cán bộ, công
chức:"; a mail merge repeats its template) are the new record's head. A start counts only
when the record before it and the one after it each fill in the name's field and as many
of the fields read as half the first record's, before their sections: a relative's "Họ và
tên: ..., Sinh ngày: ..." in the family section starts no record. What is
printed on every page (a page header's lines, a footer's signing line) is every
record's. Each record is named by its place in the document ("Hồ sơ 3", the label
``list_record_part``).

A field the reader keeps the first value of (:func:`~cadre_core.roster._record._fields`)
written again with another value in one record, with no new start between them, is two
people's fields in one record or one person's twice: the document is refused, naming the
field, never read with the first value alone.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from cadre_core.roster._grid import Grid, Table, Text, unicode_blocks
from cadre_core.roster._problems import Problem, problem
from cadre_core.roster._record import (
    _LABEL,
    _LABELS,
    _NAME_FIELD,
    _SECTIONS,
    _TITLE,
    Around,
    _fields,
    _lines,
    _recorded,
    record_grid,
)
from cadre_core.roster._record_sections import _key
from cadre_core.vocab._labels import label

_EDGES = " -–•*.:()[]"


def _marks(key: str) -> list[tuple[int, int]]:
    """The known labels of a line's ``key``: where each starts, and its field."""
    return [
        (m.start(), next(int(k[1:]) for k, v in m.groupdict().items()
                         if v is not None and k != "label"))
        for m in _LABEL.finditer(key)
    ]  # fmt: skip


def _shape(key: str) -> tuple[object, ...]:
    """How a line is laid out, whatever it is filled in with: the fields of its labels,
    else its text up to a colon (a merged template's line of no known field)."""
    fields = tuple(f for _, f in _marks(key))
    return fields or (" ".join(key.split(":", 1)[0].split()),)


def _is_title(key: str) -> bool:
    """Whether a line (or one of its cells, its paragraphs) begins with the form's title:
    "Tôi xin cam đoan bản sơ yếu lý lịch trên" names the form, starts none."""
    return any(_TITLE.match(part.strip(_EDGES)) for part in key.replace("\n", "\t").split("\t"))


def _read_fields(keys: Sequence[str]) -> set[int]:
    """The fields read (of a header) whose labels ``keys`` hold before the first section."""
    out: set[int] = set()
    for key in keys:
        if _SECTIONS.match(key):
            break
        out.update(f for _, f in _marks(key) if _LABELS[f][0] is not None)
    return out


def _starts(keys: list[str]) -> tuple[list[int], bool]:
    """Where each record of a document's lines (``keys``: casefolded) starts its form (the
    title, or the label its first record's fields start with; one start: one record), and
    whether the title starts each."""
    titles = [i for i, key in enumerate(keys) if _is_title(key)]
    first, at = (titles[0], titles[1:]) if titles else (-1, [])
    enough = max(2, len(_read_fields(keys[first + 1 :] if first >= 0 else keys)) // 2)

    def whole(a: int, b: int) -> bool:
        got = _read_fields(keys[a:b])
        return _NAME_FIELD in got and len(got) >= enough

    def kept(candidates: list[int], begin: int) -> list[int]:
        out = [begin]
        for n, i in enumerate(candidates):
            after = next((j for j in candidates[n + 1 :] if j > i), len(keys))
            if whole(out[-1], i) and whole(i, after):
                out.append(i)
        return out

    found = kept(at, first) if first >= 0 else [0]
    if len(found) > 1:
        return found, True
    # no title starts a second record: the label the first one's fields start with
    opening = next(
        ((i, m[0][1]) for i, key in enumerate(keys) if i > first
         and (m := _marks(key)) and m[0][0] == 0 and _LABELS[m[0][1]][0] is not None),
        None,
    )  # fmt: skip
    if opening is None:
        return found, True
    line, field = opening
    laid = [_shape(key) for key in keys[line : line + 3]]  # a relative's "Họ và tên: ..." is not
    again = [i for i in range(line + 1, len(keys))
             if (m := _marks(keys[i])) and m[0] == (0, field)
             and [_shape(key) for key in keys[i : i + 3]] == laid]  # fmt: skip
    return kept(again, line), False


def _heads(keys: list[str], starts: list[int]) -> list[int]:
    """Each record's first line: its start, and above it the lines laid out as the first
    record's are above its start (its head: a mail merge repeats its template), never a
    line of the record before."""
    shapes = {_shape(key) for key in keys[: starts[0]]}
    cuts = [0]
    for before, start in itertools.pairwise(starts):
        cut = start
        while cut - 1 > before and start - cut < starts[0] and _shape(keys[cut - 1]) in shapes:
            cut -= 1
        cuts.append(cut)
    return cuts


def _part(block: Text | Table, lo: int, hi: int) -> Text | Table:
    """The part of ``block`` holding its lines (:func:`~cadre_core.roster._record._lines`)
    from ``lo`` to ``hi``: a table's rows from the first's on."""
    if not isinstance(block, Table):
        return type(block)(block.lines[lo:hi])
    filled = [r for r, row in enumerate(block.cells.itertuples(index=False))
              if any(isinstance(v, str) and v.strip() for v in row)]  # fmt: skip
    top = 0 if lo == 0 else filled[lo]
    end = len(block.cells) if hi >= len(filled) else filled[hi]
    cells = block.cells.iloc[top:end].reset_index(drop=True)
    merged = [(a - top, c, min(b, end - 1) - top, d) for a, c, b, d in block.merged
              if top <= a < end]  # fmt: skip
    return Table(cells, merged, _lines([Table(cells, [], [])]))


def _pieces(
    blocks: Sequence[Text | Table], each: list[list[str]], cuts: list[int]
) -> list[list[Text | Table]]:
    """``blocks`` (``each``: their lines) cut at the lines ``cuts`` (the first 0): a block
    holding a cut in two parts; a block of no line with the record of the line after it."""
    out: list[list[Text | Table]] = [[] for _ in cuts]
    at = 0
    for block, in_it in zip(blocks, each, strict=True):
        n, lo = len(in_it), 0
        k = bisect.bisect_right(cuts, at) - 1
        while True:
            hi = min(cuts[k + 1] - at, n) if k + 1 < len(cuts) else n
            out[k].append(block if lo == 0 and hi >= n else _part(block, lo, hi))
            if hi >= n:
                break
            lo, k = hi, k + 1
        at += n
    return out


def _twice(name: str, blocks: Sequence[Text | Table]) -> Problem | None:
    """The refusal of a record whose field read (of a header) is written again with
    another value (or a value after a blank one); None when none is."""
    given = list(blocks)
    shown, _ = unicode_blocks(given)
    each = [_lines([block]) for block in shown]
    around = _recorded(given, shown, each)
    again: dict[int, list[str | None]] = {}
    found, *_ = _fields([x for in_it in each for x in in_it], head=bool(around), again=again)

    def same(value: str | None) -> str:
        return " ".join((value or "").split()).casefold()

    for field, values in again.items():
        header, form_name, _ = _LABELS[field]
        if header is not None and any(v and same(v) != same(found[field]) for v in values):
            return problem(name, None, None, None, None, "record_label_twice", field=form_name)
    return None


def record_grids(
    name: str, blocks: Sequence[Text | Table]
) -> tuple[list[Grid], list[Problem]] | None:
    """The personal records in ``blocks`` (a document named ``name``), one grid each
    (:func:`~cadre_core.roster._record.record_grid`): one record named ``name``, several
    mail-merged into it each named by its place ("Hồ sơ 2"), read with what is printed
    on every page (the :class:`~cadre_core.roster._record.Around` blocks at the
    document's start and end); none and a refusal when a record fills a field in twice
    (:func:`_twice`); None when ``blocks`` are no record.

    >>> def form(name, born, post):
    ...     return ["SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", f"1) Họ và tên khai sinh: {name}",
    ...             f"3) Sinh ngày: {born}, Giới tính (nam, nữ): Nam",
    ...             f"12) Chức vụ (chức danh) hiện tại: {post}"]
    >>> grids, said = record_grids("ho-so.docx", [Text(form("LÒ VĂN AN", "1/2/1980", "Bí thư")
    ...                                                 + form("TAO VĂN BÌNH", "3/4/1985", "Phó Bí thư"))])
    >>> [(g.name, *g.cells.iloc[-1].dropna()[:2]) for g in grids], said
    ([('Hồ sơ 1', 'Lò Văn An', '1/2/1980'), ('Hồ sơ 2', 'Tao Văn Bình', '3/4/1985')], [])
    >>> _, (no,) = record_grids("a.docx", [Text([*form("LÒ VĂN AN", "1/2/1980", "Bí thư"),
    ...                                          "3) Sinh ngày: 5/6/1990"])])
    >>> no.key, dict(no.args)
    ('record_label_twice', {'field': 'Sinh ngày'})
    """
    given = list(blocks)
    shown, _ = unicode_blocks(given)
    each = [_lines([block]) for block in shown]
    if _recorded(given, shown, each) is None:
        return None
    lead = next((n for n, b in enumerate(given) if not isinstance(b, Around)), len(given))
    tail = len(given) - next(
        (n for n, b in enumerate(reversed(given[lead:])) if not isinstance(b, Around)), 0
    )
    lines = [line for in_it in each[lead:tail] for line in in_it]
    keys = [_key(line) for line in lines]
    starts, by_title = _starts(keys)
    pieces = [given[lead:tail]]
    if len(starts) > 1:
        pieces = _pieces(given[lead:tail], each[lead:tail], _heads(keys, starts))
        # a title kept once, above the first record, is every record's
        titles = [Text([x]) for x, k in zip(lines, keys, strict=True) if _is_title(k)]
        title = [] if by_title else titles[:1]
        pieces = [p if n == 0 else [*title, *p] for n, p in enumerate(pieces)]
    named = [name] if len(pieces) == 1 else [
        label("list_record_part", "vi").format(n) for n in range(1, len(pieces) + 1)
    ]  # fmt: skip
    grids: list[Grid] = []
    for piece_name, piece in zip(named, pieces, strict=True):
        whole = [*given[:lead], *piece, *given[tail:]]
        refused = _twice(name if len(pieces) == 1 else f"{name}/{piece_name}", whole)
        if refused is not None:
            return [], [refused]
        grid = record_grid(name if len(pieces) == 1 else piece_name, whole)
        if grid is None:  # a part that is no record (never cut so): read as one
            if (refused := _twice(name, given)) is not None:
                return [], [refused]
            return ([] if (one := record_grid(name, given)) is None else [one]), []
        grids.append(grid)
    return grids, []
