"""Where ``-o FILE`` writes: a regular file (new or replaced whole) or ``-`` for stdout, nothing else.

The text goes to a temporary file beside the target, which replaces the target only once it is
completely written and flushed to disk: a failed run (full disk, no permission, interrupted) leaves
the old file as it was and no partial one. A device, FIFO, socket or directory is never replaced
(``report -o /dev/null`` would otherwise swap the device node for a regular file when run as root);
a symbolic link to a regular file is written through, so the link stays a link.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import UsageError


def output_target(given: str, what: str = "the output") -> Path | None:
    """The file ``given`` names (symbolic links resolved), or None for ``-`` (stdout); checked now,
    before any long work, and raising ``UsageError`` when it cannot be written there."""
    if given == "-":
        return None
    if not given or "\x00" in given:
        raise UsageError(f"{given!r}: cannot write {what}: not a usable file name")
    path = Path(os.path.realpath(given))
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"{given}: cannot write {what}: folder {folder} does not exist")
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UsageError(f"{given}: cannot write {what}: {exc.strerror or exc}") from exc
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a directory" if stat.S_ISDIR(mode) else "not a regular file (a device, FIFO or socket)"
        raise UsageError(f"{given}: cannot write {what}: it is {kind}; give a file name or - for stdout")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{given}: cannot write {what}: no permission to write in {folder}")
    return path


@contextlib.contextmanager
def output_stream(given: str, what: str = "the output") -> Iterator[IO[str]]:
    """A text stream for ``-o given``: stdout for ``-``; else a temporary file that replaces
    ``given`` when the block ends without an error (and is removed when it does not)."""
    path = output_target(given, what)
    if path is None:
        yield sys.stdout
        return
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            dir=path.parent,
            prefix=f".{path.name}.",
            suffix=".tmp",
            delete=False,
        ) as handle:
            temporary = handle.name
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # a normal file, not the temporary file's 0600
        # checked again at the last moment: never replace a device or FIFO put there meanwhile
        output_target(given, what)
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise UsageError(f"{given}: cannot write {what}: {exc.strerror or exc}") from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def write_output(given: str, text: str, what: str = "the output") -> None:
    with output_stream(given, what) as out:
        out.write(text)
