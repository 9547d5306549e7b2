"""The library's writer lock: one process writes a library at a time.

Ingest, reindex and watch take it; a second writer waits for it, saying so
once, and gives up with a clear error after `wait` seconds. Readers never
take it: a search brings the index up to date only when no one else is
writing, and otherwise searches the index as it stands (SQLite in WAL mode
and Whoosh's generations give readers a consistent view while a writer
works). The lock is an flock on `writer.lock` in the library directory, so
a writer killed outright releases it with its process.
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from himpun.errors import LibraryError

LOCK_NAME = "writer.lock"


def _holder(f) -> str:
    try:
        f.seek(0)
        text = f.read().strip()
        return f" (held by {text})" if text else ""
    except OSError:
        return ""


@contextmanager
def writer_lock(root: Path, wait: float = 600.0, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the writer lock of the library at `root`, waiting up to `wait` seconds for it."""
    path = Path(root) / LOCK_NAME
    f = open(path, "a+")
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LibraryError(f"{root}: another process is writing to this library{_holder(f)}; "
                                       f"gave up after {wait:.0f} s") from None
                if not told and on_wait:
                    on_wait(f"waiting for another process writing to this library{_holder(f)} to finish ...")
                    told = True
                time.sleep(0.2)
        f.seek(0)
        f.truncate()
        f.write(f"pid {os.getpid()} since {time.strftime('%H:%M:%S')}")
        f.flush()
        try:
            yield
        finally:
            f.seek(0)
            f.truncate()
            f.flush()
            fcntl.flock(f, fcntl.LOCK_UN)
    finally:
        f.close()


@contextmanager
def writer_lock_if_free(root: Path) -> Iterator[bool]:
    """The writer lock if nobody holds it (True), else go on without it (False)."""
    path = Path(root) / LOCK_NAME
    f = open(path, "a+")
    try:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
    finally:
        f.close()
