"""Every docstring example in the package runs (doctest)."""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
import pkgutil

import pandas as pd
import pytest

import cadre_core

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(cadre_core.__path__, "cadre_core.")
    if not m.name.endswith(("pytest_plugin", "_dask_engine")) and ".scaffold.template" not in m.name
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    names = {"cadre_core": cadre_core, "pd": pd, "dt": dt, "sample_roster": cadre_core.sample_roster}
    result = doctest.testmod(
        module, extraglobs=names, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.failed == 0, f"{result.failed} doctest failure(s) in {name}"


def test_public_names_have_docstrings_with_examples() -> None:
    missing_doc = [n for n in cadre_core.__all__ if n != "__version__"
                   and not (getattr(cadre_core, n).__doc__ or "").strip()]
    assert not missing_doc, missing_doc
