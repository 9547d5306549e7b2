"""The library's writer lock: one process writes a library at a time.

Ingest, reindex and watch take it; a second writer waits for it, saying so
once, and gives up with a clear error after `wait` seconds. Readers never
take it: a search brings the index up to date only when no one else is
writing, and otherwise searches the index as it stands (SQLite in WAL mode
and Whoosh's generations give readers a consistent view while a writer
works). The lock is an flock on `writer.lock` in the library directory, so
a writer killed outright releases it with its process.

The search index has a write lock of its own (Whoosh's, an flock too). Under
the writer lock only Himpun's writer takes it, but a process outside that
discipline (another program writing the index, an older Himpun) may hold it:
readers then search the index as it stands, and writers wait for it as for
the writer lock, so that Whoosh's LockError never reaches anyone.
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


def _open_lock_file(path: Path):
    try:
        return open(path, "a+")
    except OSError as exc:
        raise LibraryError(f"{path.parent}: cannot lock the library ({exc.strerror or exc})") from None


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
    f = _open_lock_file(path)
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
    try:
        f = open(path, "a+")
    except OSError:  # a library we may read but not write: nobody writes through us
        yield False
        return
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


def index_lock_free(index_dir: Path) -> bool:
    """Whether nobody holds the search index's own write lock (Whoosh's)."""
    lock = _index_lock(Path(index_dir))
    if lock is None:
        return True
    try:
        if not lock.acquire(blocking=False):
            return False
    except OSError:  # cannot even create the lock file: as good as held, for a reader
        return False
    lock.release()
    return True


def wait_for_index(index_dir: Path, wait: float = 600.0, on_wait: Callable[[str], None] | None = None) -> None:
    """Wait up to `wait` seconds until the search index's write lock is free,
    then give up with a LibraryError."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        lock = _index_lock(Path(index_dir))
        if lock is None:
            return
        try:
            if lock.acquire(blocking=False):
                lock.release()
                return
        except OSError as exc:
            raise LibraryError(f"{index_dir}: cannot lock the search index ({exc.strerror or exc})") from None
        if time.monotonic() >= deadline:
            raise LibraryError(f"{index_dir}: the search index is locked by another process (not a Himpun writer); "
                               f"gave up after {wait:.0f} s. What was stored is in the catalog, and the index "
                               "catches up with it on the next search, ingest or reindex")
        if not told and on_wait:
            on_wait("waiting for another process writing to the search index to finish ...")
            told = True
        time.sleep(0.2)


def _index_lock(index_dir: Path):
    """Whoosh's write lock of the clause index (the one its writer takes), or None when there is no index."""
    from whoosh.filedb.filestore import FileStorage

    from himpun.index.store import INDEX_NAME

    if not index_dir.is_dir():
        return None
    return FileStorage(str(index_dir)).lock(f"{INDEX_NAME}_WRITELOCK")
