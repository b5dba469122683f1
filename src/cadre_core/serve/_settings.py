"""How a service runs: :class:`Settings`, checked when they are made, and the bearer
tokens it accepts (read again when their file changes, so that a token is rotated without
a restart). A refused setting is a ``ValueError`` whose English text is the library's and
which carries its sentence's key (:func:`cadre_core.vocab._told.told_error`), so that
``cadre serve`` says it in the user's language."""

from __future__ import annotations

import ipaddress
import json
import os
from pathlib import Path
from typing import Any

import attrs

from cadre_core.vocab._told import told_error

TOKENS_ENV = "CADRE_SERVE_TOKENS"
"""The environment variable holding the accepted bearer tokens, separated by commas."""

SETTINGS_ENV = "CADRE_SERVE_SETTINGS"
"""The environment variable by which ``cadre serve`` hands its settings to each worker."""

MB = 1024 * 1024


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not value > 0:
        option = "--" + attribute.name.replace("_", "-")  # how cadre serve names it
        raise told_error(
            ValueError, "serve_positive", name=attribute.name, option=option, value=repr(value)
        )


def _port(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 0 <= value <= 65535:
        raise told_error(ValueError, "serve_port", value=repr(value))


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reached only from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def read_tokens(path: str | Path) -> frozenset[str]:
    """The tokens of a tokens file: one a line; blank lines and lines starting with ``#``
    are left out.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
    ...     _ = f.write("# rotated 2026-12\\nalpha\\n\\n beta \\n")
    >>> sorted(read_tokens(f.name))
    ['alpha', 'beta']
    """
    text = Path(path).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _tokens(value: Any) -> frozenset[str]:
    return frozenset(str(t) for t in value)


@attrs.frozen(slots=True)
class Settings:
    """How a service runs.

    ``tokens`` (and the lines of ``tokens_file``, read again when it changes, and
    ``$CADRE_SERVE_TOKENS`` in :meth:`from_environment`) are the accepted bearer tokens;
    without any, the service answers without a token but only on a loopback address
    (:meth:`check_bind`). ``max_upload`` is the largest request body in bytes (413 past
    it), ``time_limit`` the seconds a request may take (504 past it), ``threads`` how many
    evaluations, plans and reports run at once off the event loop, ``plugins`` the plugins
    a request may name (``None``: every installed one; 403 otherwise).

    >>> Settings(port=8080).port
    8080
    >>> Settings(time_limit=0)
    Traceback (most recent call last):
    ...
    ValueError: time_limit must be more than 0, not 0
    """

    host: str = "127.0.0.1"
    port: int = attrs.field(default=8000, validator=_port)
    workers: int = attrs.field(default=1, validator=_positive)
    tokens: frozenset[str] = attrs.field(default=frozenset(), converter=_tokens)
    tokens_file: str | None = None
    max_upload: int = attrs.field(default=50 * MB, validator=_positive)
    time_limit: float = attrs.field(default=120.0, validator=_positive)
    threads: int = attrs.field(default=4, validator=_positive)
    plugins: tuple[str, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(tuple)
    )

    @classmethod
    def from_environment(cls, **given: Any) -> Settings:
        """Settings with the tokens of ``$CADRE_SERVE_TOKENS`` added to ``given``.

        >>> import os
        >>> os.environ["CADRE_SERVE_TOKENS"] = "a, b"
        >>> sorted(Settings.from_environment(port=9000).tokens)
        ['a', 'b']
        >>> del os.environ["CADRE_SERVE_TOKENS"]
        """
        env = {t.strip() for t in os.environ.get(TOKENS_ENV, "").split(",") if t.strip()}
        given["tokens"] = frozenset(given.get("tokens", ())) | env
        return cls(**given)

    def accepted_tokens(self) -> frozenset[str]:
        """The tokens accepted now: :attr:`tokens` and the lines of :attr:`tokens_file`."""
        if self.tokens_file is None:
            return self.tokens
        return self.tokens | _file_tokens(self.tokens_file)

    @property
    def open(self) -> bool:
        """Whether requests need no token (none is configured)."""
        return not self.tokens and self.tokens_file is None

    def check_bind(self) -> None:
        """Refuse (``ValueError``) to listen beyond this machine without a token.

        >>> Settings(host="0.0.0.0").check_bind()
        Traceback (most recent call last):
        ...
        ValueError: no token is configured: the service listens only on a loopback address (127.0.0.1), not 0.0.0.0; give --tokens-file FILE or $CADRE_SERVE_TOKENS
        """
        if self.open and not is_loopback(self.host):
            raise told_error(ValueError, "serve_no_token", host=self.host, env=TOKENS_ENV)

    def to_json(self) -> str:
        """The settings as JSON text (how ``cadre serve`` hands them to its workers)."""
        data = attrs.asdict(self)
        data["tokens"] = sorted(self.tokens)
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> Settings:
        """The settings :meth:`to_json` wrote.

        >>> s = Settings(port=9000, tokens={"t"}, plugins=["province_template"])
        >>> Settings.from_json(s.to_json()) == s
        True
        """
        return cls(**json.loads(text))


_seen: dict[str, tuple[float, frozenset[str]]] = {}


def _file_tokens(path: str) -> frozenset[str]:
    """The tokens of ``path``, read again when the file's modification time changes; an
    unreadable file accepts no token."""
    try:
        stamp = os.stat(path).st_mtime
    except OSError:
        return frozenset()
    cached = _seen.get(path)
    if cached is None or cached[0] != stamp:
        try:
            cached = (stamp, read_tokens(path))
        except (OSError, UnicodeDecodeError):
            return frozenset()
        _seen[path] = cached
    return cached[1]


__all__ = ["MB", "SETTINGS_ENV", "TOKENS_ENV", "Settings", "is_loopback", "read_tokens"]
