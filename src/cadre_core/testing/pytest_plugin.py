"""pytest fixtures of the cadre testing kit (registered through the ``pytest11`` entry point)."""
