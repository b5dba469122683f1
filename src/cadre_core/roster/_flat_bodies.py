"""The agency a sheet of a list is of, when the workbook keeps one sheet per body.

A commune office keeps its list as one sheet per body of the commune, each named by it
("Đảng ủy", "HĐND xã", "UBND xã", "UBMTTQ") or titled so ("DANH SÁCH CÁN BỘ ĐẢNG ỦY
XÃ"), with no agency column and no group rows. When every sheet holding a list names a
body (:func:`body_named`, the sheet's name before its title line), two bodies at least,
and no two sheets' titles name different communes, each sheet's people whose row gives
no agency nor bloc are of the body its sheet names (:func:`sheet_agencies`): an agency
named as the sheet (or its title) writes it, in the bloc of the body (the Party's
committee, its offices, the Front and the unions: ``party_front``; the People's Council,
the People's Committee and their offices: ``government``), or a bloc when the sheet names
one ("Khối chính quyền"). The commune stays the one the titles or the file name.

A workbook of one sheet per commune, per month, or "Sheet1", "Sheet2", names no body and
is read as before. The sheet's body travels with its grid (``attrs``, as the rows a clerk
marked do) to :func:`~cadre_core.roster._flat_tables.build_tables`, which reads it with
:func:`sheet_agency`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

import attrs
import pandas as pd

from cadre_core.roster._flat_header import find_header
from cadre_core.roster._grid import Grid, unicode_grid
from cadre_core.roster._list_title import title_commune
from cadre_core.roster._lookup import lookup_codes
from cadre_core.roster._problems import Problem, problem
from cadre_core.vocab._labels import label

SHEET_AGENCY = "cadre_sheet_agency"
"""The key of a grid's ``attrs`` holding the :class:`SheetAgency` its sheet names."""

_HEAD_ROWS = 30  # the rows a list's header is looked for in (find_header)

_UY = r"(?:ủy|uỷ)"
_PARTY = rf"(?:(?:ban chấp hành|bch|ban thường vụ|btv)\s+)?(?:đảng\s+{_UY}|đảng bộ|đu|cấp\s+{_UY})"
# the bodies of a commune, by the bloc each is of (a whole name, its place set aside)
_BODIES: tuple[tuple[str, str], ...] = (
    (_PARTY, "party_front"),
    (rf"(?:{_UY}\s+ban\s+kiểm\s+tra|ubkt)(?:\s+{_PARTY})?", "party_front"),
    (r"ban\s+(?:xây\s+dựng\s+đảng|xdđ)", "party_front"),
    (rf"(?:văn\s+phòng|vp)\s*{_PARTY}|vpđu", "party_front"),
    (
        rf"(?:{_UY}\s+ban\s+|ub\s*)?(?:mặt\s+trận(?:\s+tổ\s+quốc)?|mttq)(?:\s+(?:việt\s+nam|vn))?"
        r"(?:\s+(?:và\s+)?(?:các\s+)?đoàn\s+thể)?",
        "party_front",
    ),
    (r"(?:các\s+)?(?:đoàn\s+thể|tổ\s+chức\s+chính\s+trị\s+xã\s+hội)", "party_front"),
    (
        r"hội\s+(?:(?:liên\s+hiệp\s+|lh)?phụ\s+nữ|lhpn|nông\s+dân|nd|cựu\s+chiến\s+binh|ccb)"
        r"|đoàn\s+(?:thanh\s+niên(?:\s+cộng\s+sản\s+hồ\s+chí\s+minh)?|tn(?:cshcm)?|tncs(?:\s+hcm)?)",
        "party_front",
    ),
    (r"(?:thường\s+trực\s+)?(?:hội\s+đồng\s+nhân\s+dân|hđnd)", "government"),
    (rf"{_UY}\s+ban\s+nhân\s+dân|ubnd", "government"),
    (r"(?:(?:văn\s+phòng|vp)\s+)?hđnd\s+(?:và\s+)?ubnd", "government"),
    (r"(?:văn\s+phòng|vp)\s+ubnd", "government"),
    (
        r"phòng\s+(?:kinh\s+tế(?:\s+hạ\s+tầng(?:\s+và\s+đô\s+thị)?)?"
        r"|văn\s+(?:hoá|hóa)\s+xã\s+hội|vh\s*xh)",
        "government",
    ),
    (r"(?:trung\s+tâm|tt)\s*(?:phục\s+vụ\s+hành\s+chính\s+công|pvhcc)", "government"),
)
_BODY = [(re.compile(rf"^(?:{p})$", re.I), bloc) for p, bloc in _BODIES]
# a sheet's or title's words around the body: the place after it ("xã Nậm Tăm", never the
# "xã hội" of "Văn hóa - xã hội"), "Cơ quan" before it; punctuation between words
_PLACE = re.compile(r"\s+(?:xã(?!\s+hội\b)|phường|thị\s+trấn|đặc\s+khu)(?:\s.*)?$", re.I)
_BEFORE = re.compile(r"^(?:cơ\s+quan|khối)\s+(?=\S)", re.I)
_MARKS = re.compile(r"\s*[-–—.,/&]\s*|\s+")
# a title's list line: "DANH SÁCH CÁN BỘ, CÔNG CHỨC ĐẢNG ỦY XÃ (tính đến ngày 31/12/2025)"
_LIST = re.compile(r"^\s*danh\s+sách\s+(?:trích\s+ngang\s+)?(.*)$", re.I)
_STAFF = re.compile(
    r"^(?:(?:các\s+|những\s+)?(?:cán\s+bộ|công\s+chức|cbcc|người\s+hoạt\s+động\s+không\s+chuyên"
    r"\s+trách|người\s+lao\s+động|chức\s+danh)(?:\s*,\s*|\s+và\s+|\s+|$))*(?:của\s+)?",
    re.I,
)
_TAIL = re.compile(r"\s*(?:\(.*|tính\s+đến.*|đến\s+ngày.*|năm\s+\d{4}.*|:.*)$", re.I)


@attrs.frozen
class SheetAgency:
    """The agency (``name``, as the sheet or its title writes it) a sheet names and its
    bloc (a code; ``None``: none known), or the bloc alone (``name`` None, ``bloc`` as
    written: "Khối chính quyền"), and the sheet. Shared, not copied, by the frames
    pandas derives from the grid."""

    name: str | None
    bloc: str | None
    sheet: str

    def __deepcopy__(self, memo: dict[int, object]) -> SheetAgency:
        return self


def _words(text: str) -> str:
    """``text`` in NFC with its punctuation between words a space and its place gone."""
    text = _MARKS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return _BEFORE.sub("", _PLACE.sub("", text)).strip()


def body_named(text: str) -> tuple[str | None, str | None] | None:
    """The body ``text`` names wholly (a sheet's name, the rest of a title's list line),
    its place set aside: the agency as written and its bloc's code; or a bloc alone
    ("Khối chính quyền": no agency, the bloc as written, as a group row names it); None
    when it names none.

    >>> body_named("UBND xã"), body_named("Đảng ủy"), body_named("UBMTTQ")
    (('UBND xã', 'government'), ('Đảng ủy', 'party_front'), ('UBMTTQ', 'party_front'))
    >>> body_named("Khối chính quyền")
    (None, 'Khối chính quyền')
    >>> [body_named(t) for t in ("Xã Nậm Tăm", "Tháng 1", "Sheet1", "Phòng Văn hóa - xã hội")]
    [None, None, None, ('Phòng Văn hóa - xã hội', 'government')]
    """
    written = " ".join(text.split())
    if not written:
        return None
    bloc = lookup_codes(pd.Series([written.casefold()], dtype=object), "bloc").iloc[0]
    if isinstance(bloc, str):
        return None, written
    words = _words(written)
    for pattern, of in _BODY:
        if pattern.match(words):
            return written, of
    return None


def _title_body(lines: Sequence[str]) -> tuple[str | None, str | None] | None:
    """The body the list line of a sheet's title rows names ("DANH SÁCH CÁN BỘ ĐẢNG ỦY
    XÃ" -> "ĐẢNG ỦY XÃ"), or None."""
    for line in lines:
        found = _LIST.match(unicodedata.normalize("NFC", " ".join(line.split())))
        if found is None:
            continue
        rest = _TAIL.sub("", _STAFF.sub("", found.group(1))).strip(" ,;:-–")
        return body_named(rest) if rest else None
    return None


def sheet_agencies(grids: Sequence[Grid]) -> list[Grid]:
    """The sheets of a workbook, each with the body it names (:class:`SheetAgency`, in
    its ``attrs``) when every sheet holding a list names one, two bodies at least, and no
    two sheets' titles name different communes; else as they are.

    >>> people = [["STT", "Họ và tên", "Chức vụ"], [1, "Lò Văn An", "Bí thư Đảng ủy xã"]]
    >>> grids = sheet_agencies([Grid(n, pd.DataFrame(people), []) for n in ("Đảng ủy", "UBND")])
    >>> [g.cells.attrs[SHEET_AGENCY].name for g in grids]
    ['Đảng ủy', 'UBND']
    >>> grids = sheet_agencies([Grid(n, pd.DataFrame(people), []) for n in ("Sheet1", "UBND")])
    >>> [SHEET_AGENCY in g.cells.attrs for g in grids]
    [False, False]
    """
    named: dict[int, tuple[str | None, str | None]] = {}
    communes: set[str] = set()
    for n, grid in enumerate(grids):
        head = unicode_grid(Grid(grid.name, grid.cells.iloc[:_HEAD_ROWS], [])).cells
        header = find_header(head)
        if header is None:
            continue
        above = head.iloc[: header.top].to_numpy(dtype=object).ravel()
        lines = [v for v in above if isinstance(v, str) and v.strip()]
        body = body_named(grid.name) or _title_body(lines)
        if body is None:
            return list(grids)
        named[n] = body
        commune = title_commune(lines)
        communes |= set() if commune is None else {commune.casefold()}
    bodies = {(a or "").casefold() + "\x1f" + (b or "") for a, b in named.values()}
    if len(named) < 2 or len(bodies) < 2 or len(communes) > 1:
        return list(grids)
    out = list(grids)
    for n, (name, bloc) in named.items():
        cells = grids[n].cells.copy(deep=False)
        cells.attrs[SHEET_AGENCY] = SheetAgency(name, bloc, grids[n].name)
        out[n] = attrs.evolve(grids[n], cells=cells)
    return out


def sheet_agency(cols: Mapping[tuple[str, str], pd.Series]) -> SheetAgency | None:
    """The body a list sheet names (:func:`sheet_agencies`), from the raw columns read
    from its grid (which carry its ``attrs``); None when it names none."""
    for values in cols.values():
        found = values.attrs.get(SHEET_AGENCY)
        if isinstance(found, SheetAgency):
            return found
    return None


def sheet_bodies(
    people: pd.DataFrame,
    sheets: Sequence[tuple[object, ...]],
    places: dict[tuple[int, str, str], str],
    file: str,
    problems: list[Problem],
) -> None:
    """Give each person row of ``people`` (a list's rows, ``_sheet`` its sheet's number)
    whose row gives no agency nor bloc the body its sheet names (:func:`sheet_agency` of
    each of ``sheets``' raw columns: its number first, its columns second), in its
    ``agencies.name`` and ``agencies.bloc``; each sheet's agency placed there
    (``places``) and said once for the file (``problems``)."""
    named: dict[int, SheetAgency] = {}
    for number, cols, *_ in sheets:
        found = sheet_agency(cols) if isinstance(cols, Mapping) else None
        if isinstance(number, int) and found is not None:
            named[number] = found
    if not named:
        return
    blank = pd.Series(None, index=people.index, dtype=object)
    agency = people.get("agencies.name", blank)
    bloc = people.get("agencies.bloc", blank)
    of = people["_sheet"]
    free = of.isin(list(named)) & agency.isna() & bloc.isna()
    if not bool(free.any()):
        return
    people["agencies.name"] = agency.where(~free, of.map({n: a.name for n, a in named.items()}))
    people["agencies.bloc"] = bloc.where(~free, of.map({n: a.bloc for n, a in named.items()}))
    place = label("list_sheet_agency_place", "en")
    used = sorted(set(of[free].tolist()))
    for n in used:
        places.setdefault((n, "agencies", "name"), place)
        places.setdefault((n, "agencies", "bloc"), place)
    listed = ", ".join(f"{named[n].sheet!r} → {named[n].name or named[n].bloc!r}" for n in used)
    problems.append(
        problem(file, "agencies", None, "name", None, "agency_from_sheet", severity="warning",
                agencies=listed)
    )  # fmt: skip


__all__ = [
    "SHEET_AGENCY",
    "SheetAgency",
    "body_named",
    "sheet_agencies",
    "sheet_agency",
    "sheet_bodies",
]
