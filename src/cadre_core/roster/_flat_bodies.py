"""The agency a sheet of a list is of, when the workbook keeps one sheet per body.

A commune office keeps its list as one sheet per body of the commune, each named by it
("Đảng ủy", "HĐND xã", "UBND xã", "UBMTTQ") or titled so ("DANH SÁCH CÁN BỘ ĐẢNG ỦY
XÃ"), with no agency column and no group rows. When every sheet holding a list names a
body (:func:`body_named`, the sheet's name before its title line), two bodies at least,
and no two sheets' titles name different communes, each sheet's people whose row gives
no agency nor bloc are of the body its sheet names (:func:`sheet_agencies`): an agency
named as the sheet (or its title) writes it, in the bloc of the body
(:data:`~cadre_core.vocab._bodies.COMMUNE_BODIES`, the one table of the commune's bodies:
the Party's committee, its offices, the Front and the unions: ``party_front``; the
People's Council, the People's Committee and their offices: ``government``; the police
and the military command: neither), or a bloc when the sheet names one ("Khối chính
quyền"). The commune stays the one the titles or the file name.

A workbook of one sheet per commune, per month, or "Sheet1", "Sheet2", names no body and
is read as before. The body each sheet names is handed, by the sheet's number, to
:func:`~cadre_core.roster._flat_tables.build_tables`, which gives it to the sheet's people
with :func:`sheet_bodies`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

import attrs
import pandas as pd

from cadre_core.roster._list_title import title_commune
from cadre_core.roster._lookup import lookup_codes
from cadre_core.roster._problems import Problem, problem
from cadre_core.vocab._bodies import commune_body
from cadre_core.vocab._labels import label

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
    bloc (a code; ``None``: none known, or of neither bloc), or the bloc alone (``name``
    None, ``bloc`` as written: "Khối chính quyền"), and the sheet."""

    name: str | None
    bloc: str | None
    sheet: str


def _words(text: str) -> str:
    """``text`` in NFC with its punctuation between words a space and its place gone."""
    text = _MARKS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return _BEFORE.sub("", _PLACE.sub("", text)).strip()


def body_named(text: str) -> tuple[str | None, str | None] | None:
    """The body ``text`` names wholly (a sheet's name, the rest of a title's list line),
    its place set aside: the agency as written and its bloc's code (``None``: the police
    or the military command, of neither bloc); or a bloc alone ("Khối chính quyền": no
    agency, the bloc as written, as a group row names it); None when it names none.

    >>> body_named("UBND xã"), body_named("Đảng ủy"), body_named("UBMTTQ")
    (('UBND xã', 'government'), ('Đảng ủy', 'party_front'), ('UBMTTQ', 'party_front'))
    >>> body_named("Khối chính quyền"), body_named("Công an xã")
    ((None, 'Khối chính quyền'), ('Công an xã', None))
    >>> [body_named(t) for t in ("Xã Nậm Tăm", "Tháng 1", "Sheet1", "Phòng Văn hóa - xã hội")]
    [None, None, None, ('Phòng Văn hóa - xã hội', 'government')]
    """
    written = " ".join(text.split())
    if not written:
        return None
    bloc = lookup_codes(pd.Series([written.casefold()], dtype=object), "bloc").iloc[0]
    if isinstance(bloc, str):
        return None, written
    named, of = commune_body(_words(written))
    return (written, of) if named else None


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


def sheet_agencies(titles: Mapping[str, Sequence[str]]) -> dict[str, SheetAgency]:
    """The body each sheet of a workbook names (:class:`SheetAgency`, by the sheet's
    name) when every sheet holding a list names one, two bodies at least, and no two
    sheets' titles name different communes; else none. ``titles`` holds each sheet
    holding a list, in order, with the text of the cells above its header.

    >>> {s: a.name for s, a in sheet_agencies({"Đảng ủy": [], "UBND": ["DANH SÁCH"]}).items()}
    {'Đảng ủy': 'Đảng ủy', 'UBND': 'UBND'}
    >>> sheet_agencies({"Sheet1": [], "UBND": []})
    {}
    """
    named: dict[str, tuple[str | None, str | None]] = {}
    communes: set[str] = set()
    for sheet, above in titles.items():
        lines = [v for v in above if v.strip()]
        body = body_named(sheet) or _title_body(lines)
        if body is None:
            return {}
        named[sheet] = body
        commune = title_commune(lines)
        communes |= set() if commune is None else {commune.casefold()}
    bodies = {(a or "").casefold() + "\x1f" + (b or "") for a, b in named.values()}
    if len(named) < 2 or len(bodies) < 2 or len(communes) > 1:
        return {}
    return {sheet: SheetAgency(name, bloc, sheet) for sheet, (name, bloc) in named.items()}


def sheet_bodies(
    people: pd.DataFrame,
    named: Mapping[int, SheetAgency],
    places: dict[tuple[int, str, str], str],
    file: str,
    problems: list[Problem],
) -> None:
    """Give each person row of ``people`` (a list's rows, ``_sheet`` its sheet's number)
    whose row gives no agency nor bloc the body its sheet names (``named``, by sheet
    number: :func:`sheet_agencies`), in its ``agencies.name`` and ``agencies.bloc``; each
    sheet's agency placed there (``places``) and said once for the file (``problems``)."""
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
    "SheetAgency",
    "body_named",
    "sheet_agencies",
    "sheet_bodies",
]
