"""The planner's parameters and the limits they set.

The parameters in force are read exactly as an evaluation reads them
(:meth:`PluginHost.params`: built-ins, plugins, a TOML file, then arguments); the built-in
plugin declares the planner's own (``planner.*``, see
:data:`~cadre_core.plugins.builtin._planner_params.PLANNER_PARAMETERS`). From them come the
programme catalogue, the yearly budget per commune, the yearly seats per programme, the
share of an agency and the number of a commune's key leaders that may be away at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from cadre_core.features._frame import Features
from cadre_core.planner._catalogue import Programme, catalogue_with, default_catalogue
from cadre_core.plugins._host import PluginHost
from cadre_core.plugins.builtin import STANDING
from cadre_core.targets._params import Params, convert
from cadre_core.targets._target import Target
from cadre_core.vocab._numbers import to_fraction
from cadre_core.vocab._told import told_error


def planner_params(
    host: PluginHost,
    registered: list[tuple[str, Target]],
    params_file: str | None = None,
    params: Mapping[str, Any] | None = None,
) -> Params:
    """The parameters in force, the planner's included (declared by the built-in plugin).

    >>> from cadre_core.plugins._host import make_plugin_manager
    >>> host = PluginHost(make_plugin_manager(only=[]))
    >>> values = planner_params(host, host.targets(), params={"planner.min_away": 2})
    >>> values["planner.min_away"], values.origin("planner.min_away")
    (2, 'argument')
    """
    return host.params(registered, file=params_file, overrides=params)


def programmes(values: Params, catalogue: Iterable[Programme] | None) -> tuple[Programme, ...]:
    """The programmes: ``catalogue`` when given, else the defaults with the
    ``planner.catalogue`` overrides (a bad one raises ``ValueError`` naming where the
    override came from)."""
    if catalogue is not None:
        return tuple(catalogue)
    try:
        return catalogue_with(values.get("planner.catalogue"), default_catalogue())
    except ValueError as exc:
        raise ValueError(f"{exc} ({values.origin('planner.catalogue')})") from None


def amount(value: object, what: object, *, least: int = 0) -> int:
    """A whole number of at least ``least`` (an amount in VND, seats), else ``ValueError``
    naming ``what``.

    >>> amount("500000000", "--budget")
    500000000
    >>> amount(-5, "--budget")
    Traceback (most recent call last):
    ...
    ValueError: --budget: -5 is negative
    """
    try:
        number: int = convert("int", value)
    except (TypeError, ValueError) as exc:
        raise told_error(ValueError, "amount_bad", what=what, reason=exc) from None
    if number < least:
        key = "amount_negative" if least == 0 else "amount_too_small"
        raise told_error(ValueError, key, what=what, number=number)
    return number


def budget_limits(
    budget: int | Mapping[int, int] | None,
    default: int,
    communes: Iterable[str],
    years: range,
    shares: Mapping[tuple[str, int], int] | None = None,
) -> dict[tuple[str, int], int]:
    """(commune, year) -> the most that may be spent: ``budget`` (every year, or
    ``{year: amount}``), else ``default`` (``planner.budget``; 0 = no limit), and no more
    than the commune's share of a province budget in that year (``shares``, by commune
    and year). A negative amount raises ``ValueError``.

    >>> budget_limits(100, 0, ["A", "B"], range(2027, 2028), {("A", 2027): 40})
    {('A', 2027): 40, ('B', 2027): 100}
    """
    communes = list(communes)
    if budget is None:
        budget = amount(default, "planner.budget") or None
    if budget is None:
        limits: dict[tuple[str, int], int] = {}
    elif isinstance(budget, Mapping):
        limits = {
            (c, amount(y, "budget year", least=1)): amount(v, f"budget for {y}")
            for c in communes
            for y, v in budget.items()
        }
    else:
        limits = {(c, y): amount(budget, "budget") for c in communes for y in years}
    mine = set(communes)
    for key, share in (shares or {}).items():
        if key[0] in mine:
            limits[key] = min(limits.get(key, share), amount(share, "province share"))
    return limits


def seat_limits(values: Params) -> dict[str, int]:
    """Programme code -> seats per year and commune (``planner.seats``; a negative or
    fractional number of seats raises ``ValueError`` naming where it came from)."""
    where = values.origin("planner.seats")
    return {
        str(k): amount(v, f"planner.seats.{k} ({where})")
        for k, v in dict(values["planner.seats"]).items()
    }


def away_caps(features: Features, values: Params) -> pd.Series:
    """Agency code -> the most members away on a programme (long or short) in the same
    month: the share ``planner.max_away_share`` of its active cadres (rounded down), at
    least ``planner.min_away``."""
    share = to_fraction(values["planner.max_away_share"])
    floor_min = int(values["planner.min_away"])
    active = features.agencies["active_cadres"].astype("int64")
    return pd.Series(
        np.maximum(floor_min, (active.to_numpy() * share.numerator) // share.denominator),
        index=features.agencies.index,
    )


def away_groups(
    features: Features, assignments: pd.DataFrame, communes: pd.Series, values: Params
) -> tuple[pd.DataFrame, pd.Series]:
    """The groups with a limit on members away in the same month, and each group's cap:
    every agency (``agency:<code>``, cap :func:`away_caps`) and every commune's key
    leaders (``leaders:<commune>``: holders of a standing-committee post, the Party
    Secretary and deputies, chairs and vice-chairs of the People's Council and
    Committee; cap ``planner.max_leaders_away``). ``assignments`` (cadre_id,
    agency_code, category) are the posts held at some day of the plan, ``communes`` the
    commune of each cadre id."""
    # a post of no agency (a list that names no commune) is in no agency's group
    agency = assignments[["agency_code", "cadre_id"]].dropna().drop_duplicates()
    by_agency = pd.DataFrame(
        {
            "group": "agency:" + agency["agency_code"].astype(str),
            "kind": "agency",
            "cadre_id": agency["cadre_id"].astype(str),
        }
    )
    standing = {str(c) for c in STANDING}
    lead = assignments.loc[assignments["category"].astype(object).isin(standing), "cadre_id"]
    lead = pd.Series(lead.astype(str).unique(), dtype=object)
    by_leader = pd.DataFrame(
        {
            "group": "leaders:" + lead.map(communes).fillna("").astype(str),
            "kind": "leaders",
            "cadre_id": lead,
        }
    )
    groups = pd.concat([by_agency, by_leader], ignore_index=True).astype(object)
    caps = away_caps(features, values)
    cap = pd.Series(caps.to_numpy(), index="agency:" + caps.index.astype(str), dtype="int64")
    leaders = int(values["planner.max_leaders_away"])
    lead_caps = pd.Series(leaders, index=by_leader["group"].unique(), dtype="int64")
    return groups, pd.concat([cap, lead_caps])


__all__ = [
    "amount",
    "away_caps",
    "away_groups",
    "budget_limits",
    "planner_params",
    "programmes",
    "seat_limits",
]
