"""Shared fixtures of the roster, engine and fixture tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import cadre_core
from cadre_core import PluginHost, Roster, make_plugin_manager

# Machines differ in speed (CI has 2 shared cores): time limits per example would make the
# property tests flaky, so they are off; example counts are set per test.
settings.register_profile(
    "cadre", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("cadre")


@pytest.fixture(scope="session")
def sample() -> Roster:
    """The packaged sample commune."""
    return cadre_core.sample_roster()


@pytest.fixture(scope="session")
def laichau() -> PluginHost:
    """A plugin host with the built-in and Lai Châu plugins, loaded once."""
    return PluginHost(make_plugin_manager(only=["laichau"]))


@pytest.fixture(scope="session")
def cadre_exe() -> Path:
    """The ``cadre`` console script of the running environment."""
    exe = Path(sys.executable).parent / "cadre"
    if not exe.exists():
        pytest.skip("the cadre console script is not installed next to the interpreter")
    return exe
