"""Every docstring example in the package runs (doctest), with no real province installed.

The core knows no province: its examples use the fictional province of the template
plugin (``province_template``, targets ``tpl.*``) or an inline plugin. The fixture below
hides every other installed plugin's entry point, so an example that still needs a real
province (``plugins=["laichau"]``, a target ``nq05.*``) fails here.
"""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
import importlib.metadata as md
import pkgutil
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

import cadre_core
from cadre_core import PluginHost
from cadre_core.plugins._host import ENTRY_POINT_GROUP, PluginError, make_plugin_manager

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(cadre_core.__path__, "cadre_core.")
    if not m.name.endswith("pytest_plugin") and ".scaffold.template" not in m.name
)

#: The only entry-point plugin the core's examples may use: a fictional province.
FICTIONAL = "province_template"


@pytest.fixture
def no_real_province(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Entry points of the ``cadre`` group reduced to the fictional province, named (an
    example plugin is loaded only when named) so that every example sees it."""
    real = md.entry_points

    def entry_points(**params: Any) -> md.EntryPoints:
        found = real(**params)
        if params.get("group") != ENTRY_POINT_GROUP:
            return found
        return md.EntryPoints(ep for ep in found if ep.name == FICTIONAL)

    monkeypatch.setattr(md, "entry_points", entry_points)
    monkeypatch.setenv("CADRE_LOAD_PLUGINS", FICTIONAL)
    monkeypatch.delenv("CADRE_DISABLE_PLUGINS", raising=False)
    yield


@pytest.mark.usefixtures("no_real_province")
def test_examples_see_no_real_province() -> None:
    assert PluginHost().plugin_names() == ["cadre", FICTIONAL]
    with pytest.raises(PluginError, match="laichau"):
        make_plugin_manager(only=["laichau"])


#: What marks an example as Lai Châu's: its plugin name and its target ids.
REAL_PROVINCE = ("laichau", "nq05.")


@pytest.mark.parametrize("name", MODULES)
def test_examples_name_no_real_province(name: str) -> None:
    """Even an example that would run without the plugin (a parameter key) names none."""
    module = importlib.import_module(name)
    found = [
        f"{test.name}: {(example.source + example.want).strip()}"
        for test in doctest.DocTestFinder().find(module)
        for example in test.examples
        if any(mark in (example.source + example.want).lower() for mark in REAL_PROVINCE)
    ]
    assert not found, found


@pytest.mark.usefixtures("no_real_province")
@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    names = {
        "cadre_core": cadre_core,
        "pd": pd,
        "dt": dt,
        "sample_roster": cadre_core.sample_roster,
    }
    result = doctest.testmod(
        module, extraglobs=names, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.failed == 0, f"{result.failed} doctest failure(s) in {name}"


#: Exported objects whose ``__doc__`` is not their own (a tuple, a pluggy marker): they are
#: documented, with examples, in the ``cadre_core`` module docstring instead.
DOCUMENTED_IN_MODULE = ("ETHNIC_GROUPS", "SCHEMA_VERSION", "hookimpl")


def test_public_names_have_docstrings_with_examples() -> None:
    public = [n for n in cadre_core.__all__ if n != "__version__"]
    missing_doc = [
        n
        for n in public
        if n not in DOCUMENTED_IN_MODULE and not (getattr(cadre_core, n).__doc__ or "").strip()
    ]
    assert not missing_doc, missing_doc
    missing_example = [
        n
        for n in public
        if n not in DOCUMENTED_IN_MODULE and ">>>" not in (getattr(cadre_core, n).__doc__ or "")
    ]
    assert not missing_example, missing_example


@pytest.mark.parametrize("name", DOCUMENTED_IN_MODULE)
def test_module_docstring_documents_non_class_exports(name: str) -> None:
    assert name in cadre_core.__all__
    module_doc = cadre_core.__doc__ or ""
    examples = [
        ex.source
        for ex in doctest.DocTestParser().get_examples(module_doc)
        if f"cadre_core.{name}" in ex.source
    ]
    assert f"``{name}``" in module_doc, f"module docstring does not describe {name}"
    assert examples, f"module docstring has no >>> example using cadre_core.{name}"
