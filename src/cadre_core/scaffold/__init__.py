"""Write a new province plugin package from a template (the ``cadre new-plugin`` command).

The template lives in ``template/`` next to this module (package data). Every file ends
in ``.tmpl`` so that neither pytest nor the build of cadre_core treats it as code; the
suffix is dropped when the file is written. ``{{key}}`` placeholders are replaced by the
values of :func:`placeholders`; a path part ``__module__`` becomes the module name and
``__name__`` the plugin name.

>>> placeholders("ha_giang", "Tỉnh Hà Giang")["dist"]
'cadre-ha-giang'
"""

from __future__ import annotations

import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from cadre_core.vocab._told import told_error

__all__ = ["NAME_PATTERN", "placeholders", "scaffold"]

#: A plugin name: lower-case ASCII letters, digits and underscores, starting with a letter.
#: It is the entry point name, the id prefix and (after ``cadre_``) the module name.
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_SUFFIX = ".tmpl"
_RENAMES = {"gitignore": ".gitignore"}


def placeholders(name: str, province: str | None = None) -> dict[str, str]:
    """The values the template's ``{{key}}`` placeholders take for plugin ``name``."""
    from cadre_core.vocab._version import __version__

    if not NAME_PATTERN.fullmatch(name):
        raise told_error(ValueError, "plugin_name", name=repr(name))
    return {
        "name": name,
        "prefix": name,
        "module": f"cadre_{name}",
        "dist": "cadre-" + name.replace("_", "-"),
        "province": province or "Tỉnh " + name.replace("_", " ").title(),
        "core_version": __version__,
    }


def _render(text: str, values: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _PLACEHOLDER.sub(replace, text)


def _walk(node: Traversable, parts: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """Every template file as (relative path parts, text), sorted."""
    out: list[tuple[tuple[str, ...], str]] = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.is_dir():
            if child.name != "__pycache__":
                out.extend(_walk(child, (*parts, child.name)))
        elif child.name.endswith(_SUFFIX):
            out.append(((*parts, child.name), child.read_text(encoding="utf-8")))
    return out


def _target_path(parts: tuple[str, ...], values: dict[str, str]) -> Path:
    renamed = []
    for part in parts:
        part = part.removesuffix(_SUFFIX)
        part = _RENAMES.get(part, part)
        part = part.replace("__module__", values["module"]).replace("__name__", values["name"])
        renamed.append(part)
    return Path(*renamed)


def scaffold(name: str, province: str | None = None, dest: str | Path = ".") -> Path:
    """Write the plugin package ``cadre-<name>`` inside ``dest`` and return its folder.

    The package has a ``pyproject.toml`` with the ``cadre`` entry point ``name``, a module
    ``cadre_<name>`` with one target (``<name>.1``) and one parameter, tests using the
    testing kit (with a hypothesis property test), a ``ci.sh`` and a README. Its tests
    pass as written. Raises :class:`ValueError` for an invalid name and
    :class:`FileExistsError` when the folder exists and is not empty.
    """
    values = placeholders(name, province)
    root = Path(dest) / values["dist"]
    if root.exists() and any(root.iterdir()):
        raise told_error(FileExistsError, "plugin_folder_taken", root=root)
    template = resources.files("cadre_core.scaffold").joinpath("template")
    for parts, text in _walk(template):
        path = root / _target_path(parts, values)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_render(text, values), encoding="utf-8")
        if path.suffix == ".sh":
            path.chmod(0o755)
    return root
