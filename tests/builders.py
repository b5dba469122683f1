"""Small hand-built rosters for example tests (one clause of the spec per test)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cadre_core import Roster

AGENCIES = [
    {"agency_code": "DU", "name": "Đảng ủy", "commune": "Xã A", "bloc": "party_front"},
    {"agency_code": "UB", "name": "UBND", "commune": "Xã A", "bloc": "government"},
    {"agency_code": "PKT", "name": "Phòng Kinh tế", "commune": "Xã A", "bloc": "government"},
]
POSITIONS = [
    {
        "position_code": "BT",
        "title": "Bí thư",
        "agency_code": "DU",
        "category": "party_secretary",
        "quota": 1,
    },
    {
        "position_code": "CT",
        "title": "Chủ tịch UBND",
        "agency_code": "UB",
        "category": "committee_chair",
        "quota": 1,
    },
    {
        "position_code": "PCT",
        "title": "Phó Chủ tịch UBND",
        "agency_code": "UB",
        "category": "committee_vice_chair",
        "quota": 2,
    },
    {
        "position_code": "TP",
        "title": "Trưởng phòng",
        "agency_code": "PKT",
        "category": "department_head",
        "quota": 1,
    },
    {
        "position_code": "CV",
        "title": "Chuyên viên",
        "agency_code": "PKT",
        "category": "professional",
        "quota": 3,
        "accepted_fields": "Luật; Kế toán",
        "min_education": "dai_hoc",
    },
]


def cadre(cid: str, **kw: Any) -> dict[str, Any]:
    """A cadre row with defaults."""
    row = {
        "cadre_id": cid,
        "full_name": f"Người {cid}",
        "birth_date": "1985-01-01",
        "gender": "male",
        "ethnicity": "Thái",
        "is_local": False,
    }
    row.update(kw)
    return row


def assign(cid: str, pos: str, start: str = "2025-07-01", end: str | None = None) -> dict[str, Any]:
    """An assignment row."""
    return {"cadre_id": cid, "position_code": pos, "start_date": start, "end_date": end}


def roster(
    cadres: list[dict[str, Any]],
    assignments: list[dict[str, Any]],
    **tables: list[dict[str, Any]],
) -> Roster:
    """A roster of the standard agencies and positions plus the rows given."""
    frames: dict[str, pd.DataFrame] = {
        "agencies": pd.DataFrame(tables.pop("agencies", AGENCIES)),
        "positions": pd.DataFrame(tables.pop("positions", POSITIONS)),
        "cadres": pd.DataFrame(cadres),
        "assignments": pd.DataFrame(assignments),
    }
    for name, rows in tables.items():
        frames[name] = pd.DataFrame(rows)
    return Roster.from_frames(frames, name="test")
