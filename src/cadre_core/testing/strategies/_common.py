"""What generated rosters are made of: Lai Châu-like names, ethnic groups, fields, communes,
agency and position templates, and the small drawing helpers every strategy shares.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from cadre_core.vocab._enums import (
    Bloc,
    Category,
)
from cadre_core.vocab._ethnic import ETHNIC_GROUPS

T = TypeVar("T")

#: The day generated dates cluster around when ``as_of`` is not given.
DEFAULT_AS_OF = dt.date(2026, 12, 31)
_PLAN_START = dt.date(2026, 1, 1)

# ------------------------------------------------------------------------ vocabularies

_FAMILY = (
    "Lò", "Lường", "Lò", "Tòng", "Quàng", "Cầm", "Điêu", "Giàng", "Vàng", "Sùng", "Thào",
    "Lý", "Tẩn", "Chảo", "Phàn", "Lù", "Pờ", "Chu", "Hà", "Hoàng", "Nguyễn", "Trần", "Lê",
    "Phạm", "Đỗ", "Vũ", "Bùi", "Đặng", "Tao", "Lìu",
)  # fmt: skip
_MIDDLE_MALE = ("Văn", "A", "Seo", "Mạnh", "Đức", "Quang", "Văn", "Minh", "Công", "Xuân")
_MIDDLE_FEMALE = ("Thị", "Thị", "Thu", "Thị Thu", "Mỹ", "Ngọc", "Thị Hồng", "Lò Thị")
_GIVEN_MALE = (
    "Biên", "Khánh", "Hùng", "Páo", "Chử", "Sơn", "Dũng", "Cường", "Tú", "Sình", "Pằn",
    "Phong", "Hải", "Thắng", "Sử", "Lếnh", "Chiến", "Nghĩa",
)  # fmt: skip
_GIVEN_FEMALE = (
    "Mỷ", "Lan", "Dung", "Hương", "Xuân", "Mai", "Say", "Sua", "Ly", "Thơm", "Yến",
    "Hằng", "Nhung", "Pà", "Mẩy", "Ngân",
)  # fmt: skip
_LAI_CHAU_GROUPS = ("Thái", "Mông", "Dao", "Hà Nhì", "Giáy", "Lự", "Khơ Mú", "Kinh", "La Hủ")
_FIELDS = (
    "Luật",
    "Quản lý công",
    "Kinh tế",
    "Hành chính học",
    "Xây dựng Đảng và Chính quyền nhà nước",
    "Công nghệ thông tin",
    "Kế toán",
    "Nông học",
    "Quản lý đất đai",
    "Văn hóa học",
    "Sư phạm",
)
_COMMUNES = (
    "Xã Mường Than",
    "Xã Bản Bo",
    "Xã Phúc Than",
    "Xã Nậm Tăm",
    "Xã Khổng Lào",
    "Xã Tả Lèng",
    "Xã Pa Tần",
    "Xã Sìn Hồ",
    "Xã Dào San",
    "Xã Mù Cả",
)
# agency templates: code suffix, name, bloc, the categories of its positions
_AGENCIES: tuple[tuple[str, str, Bloc, tuple[Category, ...]], ...] = (
    (
        "DU",
        "Đảng ủy xã",
        Bloc.PARTY_FRONT,
        (Category.PARTY_SECRETARY, Category.PARTY_DEPUTY_SECRETARY),
    ),
    ("UBKT", "Ủy ban Kiểm tra Đảng ủy", Bloc.PARTY_FRONT, (Category.INSPECTION_CHAIR,)),
    (
        "BXD",
        "Ban Xây dựng Đảng",
        Bloc.PARTY_FRONT,
        (Category.DEPARTMENT_HEAD, Category.DEPARTMENT_DEPUTY, Category.PROFESSIONAL),
    ),
    (
        "MTTQ",
        "Ủy ban MTTQ Việt Nam xã",
        Bloc.PARTY_FRONT,
        (Category.FRONT_CHAIR, Category.OTHER, Category.PROFESSIONAL),
    ),
    (
        "HDND",
        "Hội đồng nhân dân xã",
        Bloc.GOVERNMENT,
        (Category.COUNCIL_CHAIR, Category.COUNCIL_VICE_CHAIR),
    ),
    (
        "UBND",
        "Ủy ban nhân dân xã",
        Bloc.GOVERNMENT,
        (Category.COMMITTEE_CHAIR, Category.COMMITTEE_VICE_CHAIR),
    ),
    (
        "VP",
        "Văn phòng HĐND và UBND",
        Bloc.GOVERNMENT,
        (Category.DEPARTMENT_HEAD, Category.DEPARTMENT_DEPUTY, Category.PROFESSIONAL),
    ),
    (
        "PKT",
        "Phòng Kinh tế",
        Bloc.GOVERNMENT,
        (Category.DEPARTMENT_HEAD, Category.DEPARTMENT_DEPUTY, Category.PROFESSIONAL),
    ),
    (
        "PVH",
        "Phòng Văn hóa - Xã hội",
        Bloc.GOVERNMENT,
        (Category.DEPARTMENT_HEAD, Category.PROFESSIONAL, Category.OTHER),
    ),
    # the socio-political organisations (under the Front since the 2025 reform); two, so
    # that the number of templates stays odd (agencies are drawn from it two apart)
    (
        "HND",
        "Hội Nông dân xã",
        Bloc.PARTY_FRONT,
        # a vice-chair of the Front often chairs one of them
        (Category.MASS_ORG_HEAD, Category.MASS_ORG_DEPUTY, Category.FRONT_VICE_CHAIR),
    ),
    (
        "HPN",
        "Hội Liên hiệp Phụ nữ xã",
        Bloc.PARTY_FRONT,
        (Category.MASS_ORG_HEAD, Category.MASS_ORG_DEPUTY),
    ),
)
_TITLES: Mapping[Category, str] = {
    Category.PARTY_SECRETARY: "Bí thư Đảng ủy",
    Category.PARTY_DEPUTY_SECRETARY: "Phó Bí thư Đảng ủy",
    Category.COUNCIL_CHAIR: "Chủ tịch HĐND",
    Category.COUNCIL_VICE_CHAIR: "Phó Chủ tịch HĐND",
    Category.COMMITTEE_CHAIR: "Chủ tịch UBND",
    Category.COMMITTEE_VICE_CHAIR: "Phó Chủ tịch UBND",
    Category.INSPECTION_CHAIR: "Chủ nhiệm Ủy ban Kiểm tra",
    Category.FRONT_CHAIR: "Chủ tịch Ủy ban MTTQ",
    Category.DEPARTMENT_HEAD: "Trưởng phòng",
    Category.DEPARTMENT_DEPUTY: "Phó Trưởng phòng",
    Category.PROFESSIONAL: "Chuyên viên",
    Category.OTHER: "Nhân viên hợp đồng",
    Category.FRONT_VICE_CHAIR: "Phó Chủ tịch Ủy ban MTTQ",
    Category.MASS_ORG_HEAD: "Chủ tịch Hội Nông dân",
    Category.MASS_ORG_DEPUTY: "Phó Chủ tịch Hội Liên hiệp Phụ nữ",
}
_RELIGIONS = ("Phật giáo", "Công giáo", "Tin lành", "Không")
_COURSES = (
    "Bồi dưỡng theo tiêu chuẩn vị trí việc làm",
    "Tập huấn vận hành chính quyền địa phương hai cấp",
    "Bình dân học vụ số",
    "Bồi dưỡng kiến thức quản lý nhà nước",
    "Tập huấn xử lý hồ sơ trên môi trường điện tử",
)
_ITEMS = ("desk_set", "cabinet", "computer", "phone", "printer")


_CADRE_IDS = st.from_regex(r"CB[0-9]{3}", fullmatch=True)
_AGENCY_CODES = st.from_regex(r"CQ[0-9]{2}", fullmatch=True)
_POSITION_CODES = st.from_regex(r"VT[0-9]{3}", fullmatch=True)
_BOOLS = st.booleans()
_BLOCS: SearchStrategy[Bloc | None] = st.sampled_from([Bloc.PARTY_FRONT, Bloc.GOVERNMENT])
_QUOTAS = st.sampled_from([1, 1, 1, 2, 3, 0])


def _years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years (29 February becomes 28 February)."""
    year = min(max(day.year + years, dt.MINYEAR), dt.MAXYEAR)
    return (
        day.replace(year=year, day=28)
        if (day.month, day.day) == (2, 29)
        else day.replace(year=year)
    )


def _resolve(value: T | SearchStrategy[T]) -> SearchStrategy[T]:
    return value if isinstance(value, SearchStrategy) else st.just(value)


# ------------------------------------------------------------ drawing helpers
# Drawing helpers take the ``draw`` of an enclosing composite: nesting composites per
# row costs far more than drawing plain integers (and trips the too_slow health check).


def _pick(draw: st.DrawFn, seq: Sequence[T]) -> T:
    return seq[draw(st.integers(0, len(seq) - 1))]


def _one_in(draw: st.DrawFn, n: int) -> bool:
    return draw(st.integers(0, n - 1)) == 0


_ALL_GROUPS = tuple(g.name for g in ETHNIC_GROUPS)


def _draw_name(draw: st.DrawFn, female: bool) -> str:
    middle = _MIDDLE_FEMALE if female else _MIDDLE_MALE
    given = _GIVEN_FEMALE if female else _GIVEN_MALE
    return f"{_pick(draw, _FAMILY)} {_pick(draw, middle)} {_pick(draw, given)}"


def _draw_ethnicity(draw: st.DrawFn) -> str:
    return _pick(draw, _LAI_CHAU_GROUPS if draw(st.booleans()) else _ALL_GROUPS)
