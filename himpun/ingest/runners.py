"""Where the per-file work of a batch runs: in this process, in a local pool
of worker processes, or on a Dask distributed cluster. Each runner takes
`process_file` calls and hands back results as they complete; the caller
(himpun/batch.py) is the one writer."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from himpun.errors import HimpunError
from himpun.ingest.ocr import OcrOptions
from himpun.ingest.work import FileResult, init_worker, process_files
from himpun.processes import context


class Runner:
    """Runs process_file(path, sha256, ocr_mode, options) for many files."""

    local = True  # a local pool is skipped for a few small files; a cluster is used as asked

    def run(self, items: Iterable[tuple[str, str]], ocr_mode: str, options: OcrOptions) -> Iterator[FileResult]:
        raise NotImplementedError

    def prepare(self) -> None:
        """Start what takes a while to start (a batch of files is coming)."""

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


WORKER_DIED = "the worker process reading it died (it crashed, or was killed: out of memory?)"


class LocalPool(Runner):
    """`jobs` single-threaded worker processes on this machine (started as himpun/processes.py says)."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def run(self, items, ocr_mode, options):
        futures = {self._executor(self.jobs).submit(process_files, chunk, ocr_mode, options): chunk
                   for chunk in chunks(list(items), self.jobs)}
        unfinished: list[tuple[str, str]] = []
        try:
            for f in as_completed(futures):
                try:
                    results = f.result()
                except BrokenProcessPool:  # a worker died: which file killed it is not known yet
                    unfinished += futures[f]
                    continue
                yield from results
        finally:
            for f in futures:
                f.cancel()
        if unfinished:
            self.close()
            yield from self._one_by_one(unfinished, ocr_mode, options)

    def _one_by_one(self, items, ocr_mode, options):
        """After a worker died: the files it may have been reading, each alone
        in one worker, so that a file that kills its worker again is known,
        and fails alone."""
        for item in items:
            try:
                yield from self._executor(1).submit(process_files, [item], ocr_mode, options).result()
            except BrokenProcessPool:
                self.close()
                yield FileResult(item[0], "failed", item[1], reason=WORKER_DIED)
        self.close()

    def prepare(self):
        context()  # the fork server: it imports and warms up while the batch's files are hashed

    def _executor(self, workers: int) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context(),
                                             initializer=init_worker)
        return self._pool

    def close(self):
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def chunks(items: list[tuple[str, str]], workers: int) -> list[list[tuple[str, str]]]:
    """Files grouped into tasks: text files in groups (so that scheduling costs
    little beside parsing), enough groups to keep every worker busy; a PDF or
    an image alone (it may take minutes)."""
    heavy, light = [], []
    for it in items:
        (light if it[0].lower().endswith((".txt", ".text", ".md", ".html", ".htm")) else heavy).append(it)
    size = max(1, min(16, len(light) // (workers * 8)))
    return [[it] for it in heavy] + [light[i:i + size] for i in range(0, len(light), size)]


class DaskCluster(Runner):
    """The workers of a Dask distributed cluster (`tcp://HOST:PORT`). They need
    Himpun and Tesseract installed and must see the files at the same paths
    (a shared drive); the records come back here to be stored."""

    local = False

    def __init__(self, address: str, timeout: float = 30):
        try:
            from distributed import Client
        except ImportError:
            raise HimpunError("--scheduler needs the 'distributed' package (pip install distributed)") from None
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise HimpunError(f"cannot reach the Dask scheduler at {address} ({exc})") from None

    def run(self, items, ocr_mode, options):
        from distributed import as_completed as dask_completed

        items = list(items)
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        futures = {self.client.submit(process_files, chunk, ocr_mode, options, pure=False): chunk
                   for chunk in chunks(items, workers)}
        try:
            for f in dask_completed(list(futures), loop=self.client.loop):
                try:
                    results = f.result()
                except Exception as exc:  # KilledWorker: the task killed every worker it was tried on
                    first_line = (str(exc).splitlines() or [""])[0][:200]
                    reason = ("the Dask workers reading it died (it crashed them, or they were killed)"
                              if type(exc).__name__ == "KilledWorker" else
                              f"the Dask task failed ({type(exc).__name__}: {first_line})")
                    results = [FileResult(path, "failed", sha, reason=reason) for path, sha in futures[f]]
                yield from results
        finally:
            for f in futures:
                f.cancel()

    def close(self):
        self.client.close()
