"""Small hand-built rosters for example tests (one clause of the spec per test)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cadre_core import Roster, sample_roster

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


def three_communes() -> Roster:
    """The sample commune plus two renamed copies (ids prefixed, agencies moved), varied so
    that statuses differ: Pha Mu holds master's degrees and advanced theory, Tà Hừa has a
    third of the trainings and no rating."""
    base = sample_roster()
    copies = [("", "Xã Mường Than"), ("PM-", "Xã Pha Mu"), ("TH-", "Xã Tà Hừa")]
    parts: list[dict[str, pd.DataFrame]] = []
    for k, (prefix, commune) in enumerate(copies):
        out: dict[str, pd.DataFrame] = {}
        for name, df in base.tables.items():
            df = df.copy()
            for col in ("cadre_id", "agency_code", "position_code"):
                if col in df:
                    df[col] = prefix + df[col]
            if name in ("agencies", "indicators", "satisfaction"):
                df["commune"] = commune
            if k == 1 and name == "degrees":
                df["level"] = df["level"].astype(object).replace({"dai_hoc": "thac_si"})
            if k == 1 and name == "theory":
                df["level"] = df["level"].astype(object).replace({"trung_cap": "cao_cap"})
            if k == 2 and name == "trainings":
                df = df.iloc[::3]
            if k == 2 and name == "ratings":
                df = df.iloc[0:0]
            out[name] = df
        parts.append(out)
    frames = {n: pd.concat([p[n] for p in parts], ignore_index=True) for n in base.tables}
    return Roster.from_frames(frames, name="Lai Châu (3 xã)")
