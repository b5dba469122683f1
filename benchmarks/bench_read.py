#!/usr/bin/env python3
"""Time of ``read_roster`` on the sample commune against a raw pandas read of the same files.

The sample commune (``sample_roster()``) is written once to a temporary ``.xlsx``
workbook, a folder of CSV files and a folder of parquet files (``Roster.write``). For
each format the script times, in the same process and best of ``--repeat``:

- ``read_roster_s``: :func:`cadre_core.read_roster` (reading, normalisation, validation);
- ``raw_s``: the bare pandas read of the same files with no normalisation or validation
  (``pd.read_excel(path, sheet_name=None, engine="calamine")``, ``pd.read_csv`` per file,
  ``pd.read_parquet`` per file);
- ``ratio``: ``read_roster_s / raw_s``.

For the record it also times the raw read of the workbook with ``openpyxl`` against
``calamine``, and ``list``: the sample's people on 31/12/2026 written as a
one-row-per-person list (a title block naming the day, ``STT``, name, birth date, gender,
title, agency, education, political theory), read by :func:`cadre_core.read_roster` against
the bare ``pd.read_excel`` of the same sheet. Prints JSON. No assertion on time: machines
vary and may be loaded.

Usage::

    python benchmarks/bench_read.py [--repeat N]
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import platform
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from cadre_core import read_roster, sample_roster

Engine = Literal["calamine", "openpyxl"]


def best(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` calls of ``fn``, in seconds."""
    fastest = math.inf
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        fastest = min(fastest, time.perf_counter() - t0)
    return fastest


def raw_xlsx(path: Path, engine: Engine = "calamine") -> dict[str, pd.DataFrame]:
    """Every sheet of the workbook, read by pandas with ``engine`` and nothing else."""
    sheets: dict[str, pd.DataFrame] = pd.read_excel(path, sheet_name=None, engine=engine)
    return sheets


def raw_csv(folder: Path) -> dict[str, pd.DataFrame]:
    """Every ``.csv`` file of the folder, read by ``pd.read_csv`` with its defaults."""
    return {f.stem: pd.read_csv(f) for f in sorted(folder.glob("*.csv"))}


def raw_parquet(folder: Path) -> dict[str, pd.DataFrame]:
    """Every ``.parquet`` file of the folder, read by ``pd.read_parquet``."""
    return {f.stem: pd.read_parquet(f) for f in sorted(folder.glob("*.parquet"))}


def write_list(roster: Any, path: Path) -> Path:
    """The roster's people in post on 31/12/2026 as a one-row-per-person list workbook."""
    day = pd.Timestamp("2026-12-31")
    a = roster.assignments
    a = a[(a["start_date"] <= day) & (a["end_date"].isna() | (a["end_date"] >= day))]
    a = a.drop_duplicates("cadre_id")
    pos = roster.positions.set_index("position_code")
    agency = roster.agencies.set_index("agency_code")["name"]
    people = roster.cadres.set_index("cadre_id").loc[a["cadre_id"]]
    top = roster.degrees.sort_values("awarded_date").drop_duplicates("cadre_id", keep="last")
    theory = roster.theory.sort_values("awarded_date").drop_duplicates("cadre_id", keep="last")
    frame = pd.DataFrame(
        {
            "STT": range(1, len(a) + 1),
            "Họ và tên": people["full_name"].to_numpy(),
            "Ngày sinh": people["birth_date"].dt.strftime("%d/%m/%Y").to_numpy(),
            "Giới tính": people["gender"].map({"male": "Nam", "female": "Nữ"}).to_numpy(),
            "Chức vụ": pos.loc[a["position_code"], "title"].to_numpy(),
            "Đơn vị": agency.loc[pos.loc[a["position_code"], "agency_code"]].to_numpy(),
            "Trình độ chuyên môn": top.set_index("cadre_id")["level"]
            .reindex(a["cadre_id"])
            .astype(object)
            .to_numpy(),
            "Lý luận chính trị": theory.set_index("cadre_id")["level"]
            .reindex(a["cadre_id"])
            .astype(object)
            .to_numpy(),
        }
    )
    with pd.ExcelWriter(path, engine="xlsxwriter") as xl:
        frame.to_excel(xl, sheet_name="Danh sách", startrow=3, index=False)
        sheet = xl.sheets["Danh sách"]
        sheet.write(0, 0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        sheet.write(1, 0, f"DANH SÁCH CÁN BỘ, CÔNG CHỨC {roster.communes[0].upper()}")
        sheet.write(2, 0, "tính đến ngày 31/12/2026")
    return path


def run(repeat: int) -> dict[str, Any]:
    """Write the sample commune in the three formats and time both reads of each."""
    roster = sample_roster()
    with tempfile.TemporaryDirectory(prefix="bench_read_") as tmp:
        root = Path(tmp)
        files = {
            "xlsx": roster.write(root / "sample.xlsx"),
            "csv": roster.write(root / "csv", format="csv"),
            "parquet": roster.write(root / "parquet", format="parquet"),
        }
        raw: dict[str, Callable[[Path], object]] = {
            "xlsx": raw_xlsx,
            "csv": raw_csv,
            "parquet": raw_parquet,
        }
        formats: dict[str, dict[str, float]] = {}
        for fmt, path in files.items():
            assert read_roster(path) == roster  # warm up, and check the round trip
            raw[fmt](path)
            lib = best(partial(read_roster, path), repeat)
            bare = best(partial(raw[fmt], path), repeat)
            formats[fmt] = {
                "read_roster_s": round(lib, 5),
                "raw_s": round(bare, 5),
                "ratio": round(lib / bare, 2),
            }
        people = write_list(roster, root / "danh-sach.xlsx")
        listed = read_roster(people)  # warm up
        lib = best(partial(read_roster, people), repeat)
        bare = best(partial(raw_xlsx, people), repeat)
        list_read = {
            "people": len(listed.cadres),
            "read_roster_s": round(lib, 5),
            "raw_s": round(bare, 5),
            "ratio": round(lib / bare, 2),
        }
        xlsx = files["xlsx"]
        raw_xlsx(xlsx, "openpyxl")  # warm up
        openpyxl_s = best(partial(raw_xlsx, xlsx, "openpyxl"), repeat)
        calamine_s = best(partial(raw_xlsx, xlsx, "calamine"), repeat)
    return {
        "roster": roster.name,
        "rows": roster.row_counts(),
        "repeat": repeat,
        "python": platform.python_version(),
        "pandas": pd.__version__,
        "formats": formats,
        "list": list_read,
        "xlsx_engines": {
            "openpyxl_s": round(openpyxl_s, 5),
            "calamine_s": round(calamine_s, 5),
            "ratio_openpyxl_to_calamine": round(openpyxl_s / calamine_s, 2),
        },
    }


def main() -> None:
    """Parse the arguments, run the benchmark and print its JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7, help="best of N runs (default 7)")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    print(json.dumps(run(args.repeat), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
