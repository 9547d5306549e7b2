"""How Himpun starts the processes of a batch (parse workers, OCR page
workers, the index process).

On Linux they are forked by a fork server, elsewhere spawned (macOS system
libraries are not safe to fork once loaded, and Windows has no fork). Both
start from a clean single-threaded process, never a fork of the batch's own
(which may hold threads and an open catalog). The fork server imports Himpun
and runs the parser once (himpun/ingest/warmup.py) before it forks
anything, so that a new process starts with the regular expressions
compiled, the tables loaded and the libraries imported: measured on a
2,000-document batch, 0.4 s of CPU less for each parse worker and 1.6 s for
the index process.

Three things follow from the fork server, which multiprocessing keeps one of
per process: its environment and module search path are this process's when
the first pool started; its preload list is the process's too (an
application that embeds Himpun and starts its own fork server first gets
workers without the warm-up, which then do that work themselves); and a
worker must end by itself when the batch is killed (`exit_with_parent`),
for the server lives as long as any process it forked.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from multiprocessing import connection, forkserver

PRELOAD = ["himpun.ingest.warmup"]


def context():
    """The multiprocessing context of Himpun's worker processes."""
    if sys.platform != "linux":
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    _ensure_server()
    return ctx


def _ensure_server() -> None:
    """Start the fork server (if it is not running) with this process's module search path in
    PYTHONPATH: Python 3.11's fork server ignores the path multiprocessing hands it, and would
    import whichever Himpun a fresh interpreter finds, not the one this process runs."""
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    try:
        forkserver.ensure_running()
    finally:
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved


def exit_with_parent() -> None:
    """In a worker: end this process as soon as the process that started it is gone (killed, it
    could not say so) instead of waiting for work that will never come."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="himpun-exit-with-parent", daemon=True).start()
