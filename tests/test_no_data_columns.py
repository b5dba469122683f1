"""A target that reads a column of a table the input has no place for has no data.

Before, the engine compared a target's reads with what the input could not inform word
for word: a list with no political-theory column lacks the table ``theory``, and a
criterion reading ``theory.level`` (:func:`cadre_core.criteria.level_in` on theory,
``awarded_in_year``) was not matched, so a target built on it counted every member's
theory as "none" and was "not met" where the list says nothing. A table absent now takes
its columns with it.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st
from list_files import sheet

from cadre_core import Rule, Target, Text, criteria, evaluate, hookimpl, sample_roster
from cadre_core.roster import read_roster
from cadre_core.testing import temporary_plugin

AS_OF = "2026-12-31"
TITLE = [["ỦY BAN NHÂN DÂN XÃ NẬM TĂM"], ["DANH SÁCH CÁN BỘ XÃ (tính đến ngày 31/12/2025)"]]
PEOPLE = [
    ("Lò Văn Pấng", "12/03/1972", "Nam", "Bí thư Đảng ủy xã", "Đại học", "Cao cấp"),
    ("Tao Văn Hùng", "20/01/1978", "Nam", "Chủ tịch UBND xã", "Thạc sĩ", "Trung cấp"),
    ("Nguyễn Thị Hằng", "14/09/1990", "Nữ", "Phó Chủ tịch UBND xã", "Đại học", None),
]


def _list(path: Path, *, theory: bool) -> Path:
    header = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Trình độ chuyên môn"]
    header += ["Lý luận chính trị"] * theory
    rows = [[n, *p[:5]] + [p[5]] * theory for n, p in enumerate(PEOPLE, 1)]
    return sheet(path, [*TITLE, header, *rows])


HIGH_THEORY = Target.from_criteria(
    id="x.high_theory",
    title=Text("Lý luận cao cấp", "Advanced theory"),
    source="test",
    population=criteria.flag("is_active", Text("", "")),
    criterion=criteria.level_in(["cao_cap"], Text("cao cấp", "advanced"), kind="theory"),
    rule=Rule(">=", Fraction(1, 2)),
    deadline=dt.date(2030, 12, 31),
)


class _Extra:
    @hookimpl
    def cadre_targets(self) -> list[Target]:
        return [HIGH_THEORY]


def _result(path: Path) -> tuple[str, str | None, int]:
    with temporary_plugin(_Extra(), name="x") as host:
        ev = evaluate(read_roster(path), AS_OF, host=host)
    (commune,) = ev.communes
    r = commune.target("x.high_theory")
    return r.status, r.reason, r.satisfied


def test_column_of_an_absent_table_is_no_data(tmp_path: Path) -> None:
    """No theory column: not "not met" with nobody satisfying it, but no data."""
    assert HIGH_THEORY.reads == ("theory.level",)
    status, reason, _ = _result(_list(tmp_path / "no_theory.xlsx", theory=False))
    assert (status, reason) == ("not_applicable", "no_data")


def test_with_the_column_counted(tmp_path: Path) -> None:
    """With the column, one of three holds cao cấp: counted as before."""
    status, reason, satisfied = _result(_list(tmp_path / "theory.xlsx", theory=True))
    assert (status, reason, satisfied) == ("not_met", None, 1)


_FEATURES = evaluate(sample_roster(), AS_OF).features
_NAMES = st.sampled_from(["theory", "degrees", "trainings", "cadres", "positions"])
_COLUMNS = st.sampled_from(["level", "field", "birth_date", "", "category"])


@given(
    reads=st.lists(st.tuples(_NAMES, _COLUMNS), max_size=5),
    absent=st.lists(st.tuples(_NAMES, _COLUMNS), max_size=4),
)
def test_uninformed_is_what_absent_covers(
    reads: list[tuple[str, str]], absent: list[tuple[str, str]]
) -> None:
    """A read is uninformed exactly when it, or its whole table, is absent."""
    features = attrs.evolve(_FEATURES, absent=tuple(".".join(filter(None, a)) for a in absent))
    names = [".".join(filter(None, r)) for r in reads]
    got = features.uninformed(names)
    gone = set(features.absent)
    assert got == sorted({n for n in names if n in gone or n.split(".")[0] in gone})
    assert set(got) <= set(names)
