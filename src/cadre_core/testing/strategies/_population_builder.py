"""The builder behind :func:`~cadre_core.testing.strategies.population_rosters`: the rows
of every table of a roster with population sizes, built column by column from a seeded
NumPy generator (see :mod:`._populations`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from hypothesis import strategies as st

from cadre_core.features._frame import rating_year
from cadre_core.plugins.builtin import DEPARTMENT_LEADERS, STANDING, VICE_CHAIRS
from cadre_core.roster._roster import Roster
from cadre_core.roster._schema import TABLE_NAMES
from cadre_core.testing.strategies._common import (
    _AGENCIES,
    _ALL_GROUPS,
    _FAMILY,
    _FIELDS,
    _GIVEN_FEMALE,
    _GIVEN_MALE,
    _LAI_CHAU_GROUPS,
    _MIDDLE_FEMALE,
    _MIDDLE_MALE,
    _TITLES,
)
from cadre_core.testing.strategies._frames import columns_frame
from cadre_core.vocab._enums import (
    LEADERSHIP_CATEGORIES,
    Category,
    EducationLevel,
    RatingLevel,
    TheoryLevel,
    TrainingTopic,
)

_YEAR = 365
_MEMBER = 1
_NOT = 0
_FREE = -1

#: The population flags of the built-in plugin (and ``features``) and their categories.
_FLAGS: Mapping[str, tuple[str, ...]] = {
    "is_active": tuple(c.value for c in Category),
    "is_standing": tuple(c.value for c in STANDING),
    "is_vice_chair": tuple(c.value for c in VICE_CHAIRS),
    "is_department_leader": tuple(c.value for c in DEPARTMENT_LEADERS),
    "is_leader": tuple(c.value for c in Category if c.value in LEADERSHIP_CATEGORIES),
    "is_professional": (Category.PROFESSIONAL.value,),
    **{f"holds_{c.value}": (c.value,) for c in Category},
}
#: What ``satisfying`` may name: the functions of :mod:`cadre_core.criteria` it mirrors.
_TRAITS = (
    "education_at_least",
    "theory_at_least",
    "rating_at_least",
    "trained_in",
    "is_female",
    "is_minority",
)
_CATEGORIES = tuple(c.value for c in Category)
_AGENCY_OF: Mapping[str, tuple[int, ...]] = {
    c: tuple(i for i, t in enumerate(_AGENCIES) if c in {x.value for x in t[3]})
    for c in _CATEGORIES
}
_TOPICS = TrainingTopic.codes()
_COURSE = "Bồi dưỡng theo tiêu chuẩn vị trí việc làm"
_SIZES = st.integers(0, 12)
_OTHERS = st.integers(0, 3)


# ----------------------------------------------------------------------- the builder


class _Rows:
    """Columns of one table, appended to block by block."""

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {}
        self.n = 0

    def add(self, **columns: Any) -> None:
        sizes = {len(v) for v in columns.values()}
        assert len(sizes) == 1, sizes
        for name, values in columns.items():
            self.columns.setdefault(name, []).extend(values)
        self.n += sizes.pop()


def _days(day: np.datetime64, offsets: np.ndarray) -> np.ndarray:
    return (day + offsets.astype("timedelta64[D]")).astype("datetime64[us]")


class _Builder:
    """One roster, commune by commune, from a seeded generator."""

    def __init__(self, rng: np.random.Generator, day: dt.date, plan_start: dt.date | None):
        self.rng = rng
        self.day = day
        self.d64 = np.datetime64(day, "D")
        self.plan_start = plan_start
        self.tables = {t: _Rows() for t in TABLE_NAMES}
        self.next_cadre = 0

    # ------------------------------------------------------------- structure
    def commune(
        self,
        ci: int,
        name: str,
        flag: str,
        members: int,
        others: int,
        status: np.ndarray,
        trait: tuple[Any, ...] | None,
    ) -> None:
        rng = self.rng
        inside = _FLAGS[flag]
        outside = tuple(c for c in _CATEGORIES if c not in inside)
        prefix = f"X{ci + 1}"
        self.tables["agencies"].add(
            agency_code=[f"{prefix}-{t[0]}" for t in _AGENCIES],
            name=[t[1] for t in _AGENCIES],
            commune=[name] * len(_AGENCIES),
            bloc=[t[2].value for t in _AGENCIES],
        )
        n = members + others
        ids = [f"CB{self.next_cadre + i + 1:04d}" for i in range(n)]
        self.next_cadre += n
        # others: active in a category outside the population, or not active at all
        inactive = np.zeros(n, dtype=bool)
        inactive[members:] = (rng.random(others) < 1 / 3) if outside else True
        leaves = inactive & (rng.random(n) < 0.5)
        pos = _Rows()
        asg = _Rows()
        for i, cid in enumerate(ids):
            held: list[str] = []
            if i < members:
                held.append(inside[rng.integers(len(inside))])
                if rng.random() < 0.2:  # a second post: another of its own, or any post
                    pool = inside if flag == "is_professional" else _CATEGORIES
                    held.append(pool[rng.integers(len(pool))])
            else:
                pool = outside or _CATEGORIES
                held.append(pool[rng.integers(len(pool))])
                if flag == "is_professional" and rng.random() < 1 / 3:
                    held.append(Category.PROFESSIONAL.value)  # professional and more: not one
            for k, category in enumerate(held):
                code = self._position(prefix, category, len(pos.columns.get("c", [])), pos)
                if inactive[i] and not leaves[i]:
                    # ended before the day, or starting after it
                    if rng.random() < 0.5:
                        end = -int(rng.integers(1, 3 * _YEAR)) if rng.random() < 0.5 else -1
                        start = end - int(rng.integers(0, 4 * _YEAR))
                    else:
                        start = 1 if rng.random() < 0.5 else int(rng.integers(1, _YEAR))
                        end = None
                else:
                    start = 0 if rng.random() < 1 / 3 else -int(rng.integers(1, 6 * _YEAR))
                    r = rng.random()
                    end = None if r < 0.5 else 0 if r < 0.75 else int(rng.integers(1, 3 * _YEAR))
                    if k == 0 and i < members and rng.random() < 0.15:
                        start, end = 0, 0  # a single day: the day itself
                asg.add(cadre_id=[cid], position_code=[code], start=[start], end=[end])
            if rng.random() < 0.2:  # a post held before: it does not count
                category = _CATEGORIES[rng.integers(len(_CATEGORIES))]
                code = self._position(prefix, category, len(pos.columns.get("c", [])), pos)
                end = -1 if rng.random() < 0.5 else -int(rng.integers(1, 3 * _YEAR))
                asg.add(cadre_id=[cid], position_code=[code], start=[end - 400], end=[end])
        self._positions(pos)
        self._assignments(asg)
        self._cadres(ids, leaves, status, trait)
        self._degrees(ids, status if trait and trait[0] == "education_at_least" else None, trait)
        self._theory(ids, status if trait and trait[0] == "theory_at_least" else None, trait)
        self._ratings(ids, status if trait and trait[0] == "rating_at_least" else None, trait)
        self._trainings(ids, status if trait and trait[0] == "trained_in" else None, trait)

    def _position(self, prefix: str, category: str, k: int, pos: _Rows) -> str:
        choices = _AGENCY_OF[category]
        template = _AGENCIES[choices[self.rng.integers(len(choices))]]
        code = f"{prefix}-{template[0]}-{k + 1:03d}"
        pos.add(c=[category], code=[code], agency=[f"{prefix}-{template[0]}"])
        return code

    def _positions(self, pos: _Rows) -> None:
        if not pos.n:
            return
        rng, n = self.rng, pos.n
        cats = pos.columns["c"]
        ed = np.array([None, *EducationLevel.codes()], dtype=object)
        th = np.array([None, *TheoryLevel.codes()], dtype=object)
        self.tables["positions"].add(
            position_code=pos.columns["code"],
            title=[_TITLES[Category(c)] for c in cats],
            agency_code=pos.columns["agency"],
            category=cats,
            quota=rng.choice([0, 1, 1, 1, 2], size=n).tolist(),
            min_education=ed[rng.integers(0, len(ed), size=n)].tolist(),
            min_theory=th[rng.integers(0, len(th), size=n)].tolist(),
            sensitive=(rng.random(n) < 0.3).tolist(),
        )

    def _assignments(self, asg: _Rows) -> None:
        if not asg.n:
            return
        start = np.array(asg.columns["start"], dtype=np.int64)
        ends = asg.columns["end"]
        end = np.array([0 if e is None else e for e in ends], dtype=np.int64)
        end_days = _days(self.d64, end).astype(object)
        self.tables["assignments"].add(
            cadre_id=asg.columns["cadre_id"],
            position_code=asg.columns["position_code"],
            start_date=list(_days(self.d64, start)),
            end_date=[None if e is None else d for e, d in zip(ends, end_days, strict=True)],
        )

    # ------------------------------------------------------------- people
    def _cadres(
        self,
        ids: list[str],
        leaves: np.ndarray,
        status: np.ndarray,
        trait: tuple[Any, ...] | None,
    ) -> None:
        rng, n = self.rng, len(ids)
        if not n:
            return
        kind = trait[0] if trait else None
        gender = np.array([None, "male", "female"], dtype=object)[
            rng.choice([0, 1, 1, 1, 2, 2, 2], size=n)
        ]
        if kind == "is_female":
            gender[status == _MEMBER] = "female"
            no = status == _NOT
            gender[no] = np.array(["male", None], dtype=object)[
                (rng.random(int(no.sum())) >= 0.8).astype(np.int64)
            ]
        groups = np.where(
            rng.random(n) < 0.5,
            np.array(_LAI_CHAU_GROUPS, dtype=object)[rng.integers(len(_LAI_CHAU_GROUPS), size=n)],
            np.array(_ALL_GROUPS, dtype=object)[rng.integers(len(_ALL_GROUPS), size=n)],
        ).astype(object)
        groups[rng.random(n) < 1 / 15] = None
        if kind == "is_minority":
            minority = [g for g in _ALL_GROUPS if g != "Kinh"]
            yes = status == _MEMBER
            groups[yes] = np.array(minority, dtype=object)[
                rng.integers(len(minority), size=yes.sum())
            ]
            no = status == _NOT
            groups[no] = np.array(["Kinh", None], dtype=object)[
                (rng.random(int(no.sum())) >= 0.8).astype(np.int64)
            ]
        blank = np.array([g is None for g in gender], dtype=bool)
        female = (gender == "female") | (blank & (rng.random(n) < 0.5))
        names = []
        for a, b, c, f in zip(
            rng.integers(len(_FAMILY), size=n),
            rng.integers(1 << 16, size=n),
            rng.integers(1 << 16, size=n),
            female,
            strict=True,
        ):
            middle = _MIDDLE_FEMALE if f else _MIDDLE_MALE
            given = _GIVEN_FEMALE if f else _GIVEN_MALE
            names.append(f"{_FAMILY[a]} {middle[b % len(middle)]} {given[c % len(given)]}")
        birth = _days(self.d64, -rng.integers(22 * _YEAR, 60 * _YEAR, size=n))
        # staying: no left date, or one after the day (often the day after)
        left = np.where(rng.random(n) < 0.5, 1, rng.integers(1, 3 * _YEAR, size=n))
        left_date = _days(self.d64, left)
        keep = rng.random(n) < 0.2
        # leaving: on the day (not active any more) or before it
        gone = _days(self.d64, np.where(rng.random(n) < 0.5, 0, -rng.integers(1, _YEAR, size=n)))
        left_date = np.where(leaves, gone, np.where(keep, left_date, np.datetime64("NaT")))
        self.tables["cadres"].add(
            cadre_id=ids,
            full_name=names,
            birth_date=list(birth),
            gender=gender.tolist(),
            ethnicity=groups.tolist(),
            is_local=(rng.random(n) < 0.5).tolist(),
            left_date=list(left_date),
        )

    def _ranked(
        self,
        ids: list[str],
        status: np.ndarray | None,
        codes: Sequence[str],
        ranks: Mapping[str, int],
        need: int,
    ) -> tuple[list[str], list[str], list[Any]]:
        """Certificates of a ranked kind: members above ``need`` on the day hold one of at
        least that rank, the others only lower ones (and higher ones awarded later)."""
        rng, day = self.rng, self.d64
        by_rank: dict[int, list[str]] = {}
        for c in codes:
            by_rank.setdefault(ranks[c], []).append(c)
        top = max(by_rank)
        out_ids: list[str] = []
        levels: list[str] = []
        offsets: list[int | None] = []

        def add(cid: str, lo: int, hi: int, when: int | None) -> None:
            rank = int(rng.integers(lo, hi + 1))
            pool = by_rank[rank]
            out_ids.append(cid)
            levels.append(pool[rng.integers(len(pool))])
            offsets.append(when)

        def held() -> int | None:  # blank (held), on the day, or before it
            r = rng.random()
            return None if r < 0.2 else 0 if r < 0.5 else -int(rng.integers(1, 3 * _YEAR))

        def later() -> int:  # awarded after the day: not held yet
            return 1 if rng.random() < 0.5 else int(rng.integers(2, 2 * _YEAR))

        for i, cid in enumerate(ids):
            s = _FREE if status is None else int(status[i])
            if s == _MEMBER:
                add(cid, need, top, held())
                if rng.random() < 0.3:
                    add(cid, 1, top, held() if rng.random() < 0.5 else later())
            elif s == _NOT:
                for _ in range(int(rng.integers(0, 3)) if need > 1 else 0):
                    add(cid, 1, need - 1, held())
                if rng.random() < 0.4:
                    add(cid, need, top, later())
            else:
                for _ in range(int(rng.choice([0, 1, 1, 2]))):
                    add(cid, 1, top, held() if rng.random() < 0.8 else later())
        dates = _days(day, np.array([0 if o is None else o for o in offsets], dtype=np.int64))
        return (
            out_ids,
            levels,
            [None if o is None else d for o, d in zip(offsets, dates, strict=True)],
        )

    def _degrees(self, ids: list[str], status: np.ndarray | None, trait: Any) -> None:
        need = EducationLevel.ranks()[trait[1]] if status is not None else 1
        cid, level, awarded = self._ranked(
            ids, status, EducationLevel.codes(), EducationLevel.ranks(), need
        )
        fields = np.array([None, *_FIELDS], dtype=object)
        self.tables["degrees"].add(
            cadre_id=cid,
            level=level,
            field=fields[self.rng.integers(len(fields), size=len(cid))].tolist(),
            awarded_date=awarded,
        )

    def _theory(self, ids: list[str], status: np.ndarray | None, trait: Any) -> None:
        need = TheoryLevel.ranks()[trait[1]] if status is not None else 1
        cid, level, awarded = self._ranked(
            ids, status, TheoryLevel.codes(), TheoryLevel.ranks(), need
        )
        self.tables["theory"].add(cadre_id=cid, level=level, awarded_date=awarded)

    def _ratings(self, ids: list[str], status: np.ndarray | None, trait: Any) -> None:
        rng = self.rng
        year = rating_year(self.day)
        codes = RatingLevel.codes()
        need = RatingLevel.ranks()[trait[1]] if status is not None else 0
        cid: list[str] = []
        years: list[int] = []
        quarters: list[int | None] = []
        grades: list[str] = []

        def add(c: str, y: int, quarter: int | None, grade: int) -> None:
            cid.append(c)
            years.append(y)
            quarters.append(quarter)
            grades.append(codes[grade])

        for i, c in enumerate(ids):
            s = _FREE if status is None else int(status[i])
            if s == _MEMBER:
                grade: int | None = int(rng.integers(need, 4))
            elif s == _NOT:
                grade = int(rng.integers(0, need)) if need and rng.random() < 0.6 else None
            else:
                grade = int(rng.integers(0, 4)) if rng.random() < 0.75 else None
            if grade is not None:
                add(c, year, None, grade)
            for other in (year - 1, year + 1):  # other years do not count
                if rng.random() < 0.4:
                    add(c, other, None, int(rng.integers(4)))
            if rng.random() < 0.3:  # nor do quarterly ratings
                add(c, year, int(rng.integers(1, 5)), int(rng.integers(4)))
        self.tables["ratings"].add(cadre_id=cid, year=years, quarter=quarters, rating=grades)

    def _trainings(self, ids: list[str], status: np.ndarray | None, trait: Any) -> None:
        rng = self.rng
        start = None if self.plan_start is None else (self.plan_start - self.day).days
        lo = start if start is not None and start <= 0 else -3 * _YEAR
        wanted: tuple[str, ...] = trait[1] if status is not None else ()
        if wanted and start is not None and start > 0 and bool(np.any(status == _MEMBER)):
            raise ValueError(
                f"no training can count: plan_start {self.plan_start} is after {self.day}"
            )
        cid: list[str] = []
        topics: list[str] = []
        offsets: list[int] = []

        def add(c: str, chosen: set[str], when: int) -> None:
            if chosen:
                cid.append(c)
                topics.append(";".join(t for t in _TOPICS if t in chosen))
                offsets.append(when)

        def inside() -> int:  # in the window: often on its first or last day
            r = rng.random()
            if r < 0.25:
                return 0
            if r < 0.5 and start is not None and start <= 0:
                return start
            return int(rng.integers(lo, 1))

        def outside() -> int:  # after the day, or before the window when it is known
            if start is not None and start <= 0 and rng.random() < 0.5:
                return start - 1 if rng.random() < 0.5 else start - int(rng.integers(1, _YEAR))
            return 1 if rng.random() < 0.5 else int(rng.integers(2, _YEAR))

        def some() -> set[str]:
            return {t for t in _TOPICS if rng.random() < 0.25}

        for i, c in enumerate(ids):
            s = _FREE if status is None else int(status[i])
            if s == _MEMBER:
                split = [t for t in wanted if rng.random() < 0.5]
                add(c, set(split) | (some() if rng.random() < 0.3 else set()), inside())
                add(c, set(wanted) - set(split), inside())
            elif s == _NOT:
                missing = {t for t in wanted if rng.random() < 0.5} or {
                    wanted[rng.integers(len(wanted))]
                }
                extra = {t for t in some() if t not in missing}
                add(c, (set(wanted) - missing) | extra, inside())
                if rng.random() < 0.5:
                    add(c, missing | some(), outside())
            else:
                for _ in range(int(rng.integers(0, 3))):
                    add(c, some(), inside() if rng.random() < 0.7 else outside())
        days = _days(self.d64, np.array(offsets, dtype=np.int64))
        self.tables["trainings"].add(
            cadre_id=cid,
            topics=topics,
            completed_date=list(days),
            course=[_COURSE if rng.random() < 0.5 else None for _ in cid],
        )

    def roster(self, name: str) -> Roster:
        frames = {t: columns_frame(t, rows.columns, rows.n) for t, rows in self.tables.items()}
        return Roster(frames, name=name)


__all__ = ["_Builder"]
