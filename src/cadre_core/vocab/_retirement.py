"""Statutory retirement dates (national rule), vectorised.

Labour Code 2019 Art. 169 and Decree 135/2020/NĐ-CP Art. 4 and Appendix I: in normal
working conditions the retirement age rises from 60 years 3 months (men) and 55 years
4 months (women) in 2021 by 3 months (men) or 4 months (women) each year, until 62 for
men in 2028 and 60 for women in 2035. Appendix I tabulates it by birth month: a man born
01-09/1961 retires at 60y3m, 10/1961-06/1962 at 60y6m, and so on (9 birth months a
step; 8 for women). The retirement moment is the end of the last day of the month in
which the age is reached (Decree 135/2020 Art. 3(1): "kết thúc ngày cuối cùng của tháng
đủ tuổi nghỉ hưu").
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

LEGAL_SOURCE = (
    "Bộ luật Lao động 2019 Điều 169; Nghị định 135/2020/NĐ-CP Điều 4 và Phụ lục I "
    "(lộ trình tuổi nghỉ hưu theo tháng, năm sinh)"
)

# (base age in months before the schedule, step in months, first year, last step)
_SCHEDULE = {
    "male": (60 * 12, 3, 2021, 8),  # 60y3m in 2021 ... 62y from 2028
    "female": (55 * 12, 4, 2021, 15),  # 55y4m in 2021 ... 60y from 2035
}


def retirement_age_months(birth: pd.Series, gender: pd.Series) -> pd.Series:
    """Retirement age in months for each person (Appendix I of Decree 135/2020).

    ``birth`` is datetime64, ``gender`` holds ``male``/``female``; unknown gender gets
    the male schedule's value only where gender is ``male``, else NA.

    >>> b = pd.Series(pd.to_datetime(["1961-09-15", "1961-10-01", "1966-08-01", "1966-09-01"]))
    >>> g = pd.Series(["male", "male", "female", "female"])
    >>> (retirement_age_months(b, g) // 12).tolist(), (retirement_age_months(b, g) % 12).tolist()
    ([60, 60, 55, 55], [3, 6, 4, 8])
    """
    month_index = (birth.dt.year * 12 + birth.dt.month - 1).to_numpy(dtype="float64")
    out = np.full(len(birth), np.nan)
    genders = gender.astype(object).to_numpy()
    for g, (base, step, first_year, last_step) in _SCHEDULE.items():
        mask = genders == g
        if not mask.any():
            continue
        chosen = np.full(len(birth), np.nan)
        # before the schedule: the old age (born early enough to retire before 2021)
        old_reach = (month_index + base) // 12
        chosen = np.where(mask & (old_reach < first_year), base, chosen)
        for k in range(1, last_step + 1):  # a loop over schedule steps, not over people
            age = base + step * k
            year = (month_index + age) // 12
            hit = year == first_year + k - 1 if k < last_step else year >= first_year + k - 1
            chosen = np.where(mask & np.isnan(chosen) & hit, age, chosen)
        out = np.where(mask, chosen, out)
    return pd.Series(out, index=birth.index).astype("Int64")


def retirement_dates(birth: pd.Series, gender: pd.Series) -> pd.Series:
    """The statutory retirement date of each person: the last day of the month in which
    the retirement age is reached (NaT when gender or birth date is unknown).

    >>> retirement_dates(pd.Series(pd.to_datetime(["1961-01-20"])), pd.Series(["male"]))[0]
    Timestamp('2021-04-30 00:00:00')
    """
    months = retirement_age_months(birth, gender)
    valid = (months.notna() & birth.notna()).to_numpy()
    out = pd.Series(pd.NaT, index=birth.index, dtype="datetime64[us]")
    if not valid.any():
        return out
    b = birth[valid]
    idx = (b.dt.year * 12 + b.dt.month - 1).astype("int64") + months[valid].astype("int64")
    first = pd.to_datetime(pd.DataFrame({"year": idx // 12, "month": idx % 12 + 1, "day": 1}))
    out[valid] = (first + pd.offsets.MonthEnd(0)).astype("datetime64[us]")
    return out


def retirement_date(birth: dt.date, gender: str) -> dt.date | None:
    """The retirement date of one person (a convenience over :func:`retirement_dates`).

    >>> retirement_date(dt.date(1966, 9, 1), "female")
    datetime.date(2022, 5, 31)
    """
    res = retirement_dates(pd.Series([pd.Timestamp(birth)]), pd.Series([gender]))[0]
    return None if pd.isna(res) else res.date()
