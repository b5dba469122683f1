"""The bodies of a commune, by the names offices write them under and the bloc each is of.

One table (:data:`COMMUNE_BODIES`): each body's whole names, as a pattern over words in
NFC with their punctuation read as spaces and the place after them set aside ("Đảng ủy",
"UBND", "Hội Liên hiệp Phụ nữ", "Văn phòng HĐND và UBND"), and the code of its bloc
(:class:`~cadre_core.vocab._enums.Bloc`): the Party's committee, its boards and office,
the Fatherland Front and the socio-political organisations (``party_front``); the People's
Council, the People's Committee, their office, departments and centre (``government``).

The commune's police ("Công an xã") and its military command ("Ban Chỉ huy Quân sự xã",
"Ban CHQS", "Quân sự") are bodies at the commune but of neither bloc: their people are
officers of the police and the army, not the commune's cadres and civil servants, and no
target of the plan counts them as such. They are named here with no bloc (``None``), so
that a workbook keeping one sheet for each of them beside the commune's bodies is still
read one sheet per body, their people in an agency with no bloc.
"""

from __future__ import annotations

import re

from cadre_core.vocab._enums import Bloc

_UY = r"(?:ủy|uỷ)"
_PARTY = rf"(?:(?:ban chấp hành|bch|ban thường vụ|btv)\s+)?(?:đảng\s+{_UY}|đảng bộ|đu|cấp\s+{_UY})"
_PARTY_FRONT = Bloc.PARTY_FRONT.value
_GOVERNMENT = Bloc.GOVERNMENT.value

COMMUNE_BODIES: tuple[tuple[str, str | None], ...] = (
    # the Party's committee, its inspection committee, its boards and office
    (_PARTY, _PARTY_FRONT),
    (rf"(?:{_UY}\s+ban\s+kiểm\s+tra|ubkt)(?:\s+{_PARTY})?", _PARTY_FRONT),
    (r"ban\s+(?:xây\s+dựng\s+đảng|xdđ)", _PARTY_FRONT),
    (rf"(?:văn\s+phòng|vp)\s*{_PARTY}|vpđu", _PARTY_FRONT),
    # the Fatherland Front, and the socio-political organisations under it
    (
        rf"(?:{_UY}\s+ban\s+|ub\s*)?(?:mặt\s+trận(?:\s+tổ\s+quốc)?|mttq)(?:\s+(?:việt\s+nam|vn))?"
        r"(?:\s+(?:và\s+)?(?:các\s+)?đoàn\s+thể)?",
        _PARTY_FRONT,
    ),
    (r"(?:các\s+)?(?:đoàn\s+thể|tổ\s+chức\s+chính\s+trị\s+xã\s+hội)", _PARTY_FRONT),
    (
        r"hội\s+(?:(?:liên\s+hiệp\s+|lh)?phụ\s+nữ|lhpn|nông\s+dân|nd|cựu\s+chiến\s+binh|ccb)"
        r"|đoàn\s+(?:thanh\s+niên(?:\s+cộng\s+sản\s+hồ\s+chí\s+minh)?|tn(?:cshcm)?|tncs(?:\s+hcm)?)",
        _PARTY_FRONT,
    ),
    # the People's Council and Committee, their office, departments and centre
    (r"(?:thường\s+trực\s+)?(?:hội\s+đồng\s+nhân\s+dân|hđnd)", _GOVERNMENT),
    (rf"{_UY}\s+ban\s+nhân\s+dân|ubnd", _GOVERNMENT),
    (r"(?:(?:văn\s+phòng|vp)\s+)?hđnd\s+(?:và\s+)?ubnd", _GOVERNMENT),
    (r"(?:văn\s+phòng|vp)\s+ubnd", _GOVERNMENT),
    (
        r"phòng\s+(?:kinh\s+tế(?:\s+hạ\s+tầng(?:\s+và\s+đô\s+thị)?)?"
        r"|văn\s+(?:hoá|hóa)\s+xã\s+hội|vh\s*xh)",
        _GOVERNMENT,
    ),
    (r"(?:trung\s+tâm|tt)\s*(?:phục\s+vụ\s+hành\s+chính\s+công|pvhcc)", _GOVERNMENT),
    # the police and the military command at the commune: of neither bloc
    (r"công\s+an", None),
    (r"(?:ban\s+chỉ\s+huy|ban\s+ch|bch|chỉ\s+huy)?\s*quân\s+sự|(?:ban\s+)?chqs|bchqs", None),
)
"""Each body of a commune: the pattern of its whole names (words in NFC, their punctuation
a space, the place after them set aside) and its bloc's code (``None``: of neither bloc,
the police and the military command)."""

BODY_NAMES: tuple[tuple[re.Pattern[str], str | None], ...] = tuple(
    (re.compile(rf"^(?:{pattern})$", re.I), bloc) for pattern, bloc in COMMUNE_BODIES
)
""":data:`COMMUNE_BODIES` compiled, each matching a whole name (any case)."""


def commune_body(words: str) -> tuple[bool, str | None]:
    """Whether ``words`` (in NFC, punctuation a space, the place set aside) name a body of
    the commune wholly, and its bloc's code (``None``: none, or of neither bloc).

    >>> commune_body("UBND"), commune_body("Hội LHPN"), commune_body("Công an")
    ((True, 'government'), (True, 'party_front'), (True, None))
    >>> commune_body("Ban CHQS"), commune_body("Tổ 1")
    ((True, None), (False, None))
    """
    for pattern, bloc in BODY_NAMES:
        if pattern.match(words):
            return True, bloc
    return False, None


__all__ = ["BODY_NAMES", "COMMUNE_BODIES", "commune_body"]
