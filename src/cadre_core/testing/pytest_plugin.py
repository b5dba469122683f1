"""pytest fixtures of the cadre testing kit (registered through the ``pytest11`` entry point).

``cadre_plugin`` gives a function that registers a plugin for the test only::

    def test_my_target(cadre_plugin):
        host = cadre_plugin(my_plugin_module, name="myprovince")
        assert "myprovince" in host.plugin_names()
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from cadre_core.plugins._host import PluginHost
from cadre_core.testing import temporary_plugin


@pytest.fixture
def cadre_plugin() -> Iterator[Callable[..., PluginHost]]:
    """Register plugins for the duration of one test: ``cadre_plugin(obj, name=..., installed=...)``.

    Takes the keyword arguments of :func:`cadre_core.testing.temporary_plugin` and returns
    its :class:`~cadre_core.PluginHost`; a plugin under an installed plugin's name takes
    its place.
    """
    with ExitStack() as stack:

        def register(plugin: object, **kwargs: Any) -> PluginHost:
            return stack.enter_context(temporary_plugin(plugin, **kwargs))

        yield register
