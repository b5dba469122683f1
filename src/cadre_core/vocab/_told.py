"""Errors said in the user's language.

An error carries the key of its sentence in the label table (``error_<key>``) and the
values that sentence names; its English text (``str(exc)``, what every earlier version
wrote) is the English label. :func:`told` says it in the language of the command that
prints it; an error made without a key is said as its English text.
"""

from __future__ import annotations

from typing import Any, TypeVar

from cadre_core.vocab._labels import label

E = TypeVar("E", bound=BaseException)


def said(key: str, lang: str = "en", /, **values: object) -> str:
    """The sentence ``error_<key>`` in ``lang`` with ``values``.

    >>> said("pdf_no_package", "vi", reason="x")[:20]
    'Xuất PDF cần gói Pyt'
    """
    return label(f"error_{key}", lang).format(**values)


def told_error(cls: type[E], key: str, /, *args: Any, **values: object) -> E:
    """An error of ``cls`` whose message is the English sentence ``error_<key>``, keeping
    ``key`` and ``values`` to say it in another language (``args`` go to ``cls`` after
    the message)."""
    exc = cls(said(key, "en", **values), *args)
    exc.key = key  # type: ignore[attr-defined]
    exc.values = values  # type: ignore[attr-defined]
    return exc


def told(exc: BaseException, lang: str) -> str:
    """``exc`` in ``lang``: its sentence by its key (or its own ``message(lang)``, as a
    refused roster has), else its English text.

    >>> told(told_error(ValueError, "pdf_no_package", reason="x"), "en")[:25]
    'PDF output needs the Pyth'
    >>> told(ValueError("plain"), "vi")
    'plain'
    """
    if lang == "en":
        return str(exc)
    speak = getattr(exc, "message", None)  # an error that says itself (RosterError)
    if callable(speak):
        return str(speak(lang))
    key = getattr(exc, "key", None)
    if key is None:
        return str(exc)
    values = getattr(exc, "values", {})
    return said(key, lang, **{k: _value(v, lang) for k, v in values.items()})


_OS_NAMES = (
    "ENOENT",
    "EACCES",
    "EPERM",
    "ENOSPC",
    "EROFS",
    "EISDIR",
    "ENOTDIR",
    "EADDRINUSE",
    "EADDRNOTAVAIL",
)


def os_said(error: OSError) -> object:
    """Why the operating system refused, to be said in the error's language (its English
    text: the system's reason, as earlier versions wrote it).

    >>> import errno
    >>> told(os_said(FileNotFoundError(errno.ENOENT, "No such file or directory")), "vi")
    'không có thư mục hoặc tệp này'
    """
    import errno as codes

    reason = error.strerror or error
    name = codes.errorcode.get(error.errno or 0, "")
    key = f"os_{name}" if name in _OS_NAMES else "os_other"
    return told_error(ValueError, key, reason=reason, errno=name or error.errno)


def toml_at(error: Exception) -> object:
    """Where a TOML file is broken (`` (line 3, column 7)``, said in the error's
    language; ``""`` when the error does not say)."""
    import re

    found = re.search(r"line (\d+), column (\d+)", str(error))
    if found is None:
        return ""
    return told_error(ValueError, "toml_at", line=found[1], column=found[2])


def _value(value: object, lang: str) -> object:
    """A value of a sentence: another error said in ``lang`` too."""
    return told(value, lang) if isinstance(value, BaseException) else value


__all__ = ["os_said", "said", "told", "told_error", "toml_at"]
