"""How Himpun starts the processes of a batch (parse workers, the index
process): forked by a fork server, where there is one (Linux, macOS), else
spawned. Both start from a clean single-threaded process, never a fork of
the batch's own (which may hold threads and an open catalog).

The fork server imports Himpun and runs the parser once
(himpun/ingest/warmup.py) before it forks anything, so a new process starts
with the regular expressions compiled, the tables loaded and the libraries
imported, instead of paying that again (about 0.8 s of CPU a parse worker,
0.5 s the index process). The server lives as long as the batch's process;
its environment is that process's when the first pool started."""
from __future__ import annotations

import multiprocessing

# what the fork server imports: the parser, warmed up; the rest of Himpun (what a worker imports
# again when it loads the batch's main module, the `himpun` script, and what the index process uses)
PRELOAD = ["himpun.ingest.warmup", "himpun.cli"]


def context():
    """The multiprocessing context of Himpun's worker processes."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx
