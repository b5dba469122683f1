"""The one way a file is written: whole or not at all.

Every output (reports, plans, JSON, layout profiles, roster workbooks and tables) is
first written to a temporary file in the folder of its target, named
``.NAME.RANDOM.tmp`` (so that it is recognisable and never mistaken for an output),
then renamed onto the target with :func:`os.replace`, which is atomic within a folder:
a reader, or a process killed mid-write, sees the previous file or the new one, never a
truncated one. On an error the temporary file is removed; a process killed by SIGKILL
cannot remove it, and leaves only such a dot file behind (the target is intact).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_name(path: Path) -> Path:
    """A fresh temporary path next to ``path``: ``.NAME.RANDOM.tmp`` in its folder."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write ``path``'s new content to; when the block ends
    without an error it replaces ``path`` (atomically), otherwise it is removed.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.txt"
    >>> with replacing(target) as tmp:
    ...     _ = tmp.write_text("done", encoding="utf-8")
    >>> target.read_text(encoding="utf-8"), sorted(p.name for p in target.parent.iterdir())
    ('done', ['out.txt'])
    """
    target = Path(path)
    tmp = temp_name(target)
    tmp.touch(exist_ok=False)  # a missing or unwritable folder fails here, as an OSError
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_atomic(path: str | Path, data: str | bytes | Iterable[bytes | memoryview]) -> Path:
    """Write ``data`` (text as UTF-8, or parts of bytes one after the other, perhaps made
    while they are written) to ``path`` whole or not at all (see :func:`replacing`) and
    return the path."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    parts = [raw] if isinstance(raw, bytes) else raw
    with replacing(path) as tmp, open(tmp, "wb") as handle:
        for part in parts:
            handle.write(part)
        handle.flush()
        os.fsync(handle.fileno())
    return Path(path)
