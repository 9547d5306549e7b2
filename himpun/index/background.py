"""Bringing the search index up to date in a process of its own while a
batch goes on.

During a batch the one writer stores each document in the catalog and
cross-references it; indexing what it stored is as much work again, and
done in the same process it made the writer the slowest stage of the
pipeline (the parse workers waited for it). `BackgroundIndex` runs
`himpun.index.store.sync` in one process of its own instead (started as
himpun/processes.py says), each time the batch asks (every few hundred
stored documents), on its own connection to the catalog: it indexes what
is stored and not yet indexed, commits, and marks it indexed, exactly as a
sync in the writer would. Requests made while it works are taken together.
The writer still syncs once at the end of the batch, after this process has
finished: whatever it left (it failed, or was killed) is done there, and any
error is raised there.

The process holds no lock of the library's own (the batch that started it
does); it takes the index's Whoosh lock for each commit, as a sync does. It
ends when told, and by itself when the process that started it is gone.
"""
from __future__ import annotations

import multiprocessing
import queue
import sys
from pathlib import Path

from himpun.processes import context


class BackgroundIndex:
    def __init__(self, catalog_path: Path, index_dir: Path, stems_path: Path):
        self._args = (str(catalog_path), str(index_dir), str(stems_path))
        self._proc = None
        self._requests = None

    @property
    def started(self) -> bool:
        return self._proc is not None

    def request(self) -> None:
        """Ask for a sync of everything stored so far (starts the process the first time)."""
        if self._proc is None:
            ctx = context()
            self._requests = ctx.Queue()
            self._proc = ctx.Process(target=_serve, args=(*self._args, self._requests),
                                     name="himpun-index", daemon=True)
            self._proc.start()
        self._requests.put(True)

    def finish(self, timeout: float | None = None) -> None:
        """Let the requests made so far be done, then end the process."""
        if self._proc is None:
            return
        self._requests.put(None)
        self._proc.join(timeout)
        self.close()

    def close(self) -> None:
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.terminate()
                self._proc.join()
            self._requests.close()
            self._proc = self._requests = None


def _serve(catalog_path: str, index_dir: str, stems_path: str, requests) -> None:
    from himpun.catalog import Catalog
    from himpun.index.analysis import use_stem_cache
    from himpun.index.store import sync

    catalog = Catalog(Path(catalog_path))
    stems = use_stem_cache(Path(stems_path))
    try:
        while True:
            try:
                msg = requests.get(timeout=1.0)
            except queue.Empty:
                if not multiprocessing.parent_process().is_alive():
                    return  # the batch is gone (the process that started this one, not the fork server)
                continue
            last = msg is None
            while not last:  # the requests made while the last sync ran: one sync for all
                try:
                    last = requests.get_nowait() is None
                except queue.Empty:
                    break
            try:
                sync(catalog, Path(index_dir), parallel=False)
            except Exception as exc:  # noqa: BLE001 - the batch's own sync at its end redoes this, and raises
                print(f"himpun: the index process could not bring the index up to date ({type(exc).__name__}: "
                      f"{exc}); the end of the batch will", file=sys.stderr, flush=True)
            stems.flush()
            if last:
                return
    finally:
        stems.flush()
        catalog.close()
