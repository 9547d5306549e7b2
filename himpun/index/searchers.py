"""Open searchers, kept between searches.

Opening a Whoosh searcher reads the table of contents and opens every
segment's files (several milliseconds on a large index); a process that
searches more than once (the Python API, a bench, a server) keeps one per
index and reopens it only when the index changed. The index's state is its
newest table of contents file, by name, inode and modification time, so an
index thrown away and rebuilt in the same folder is never mistaken for the
old one even when the generation numbers coincide.
"""
from __future__ import annotations

import os
from pathlib import Path

from himpun.index.scoring import FastBM25F

_open: dict[str, tuple[tuple, object]] = {}


def state(ix) -> tuple:
    """What identifies the current contents of the index `ix`."""
    folder = Path(ix.storage.folder)
    gen = ix.latest_generation()
    toc = folder / f"_{ix.indexname}_{gen}.toc"
    try:
        st = os.stat(toc)
    except OSError:
        return (str(folder), gen, None)
    return (str(folder), gen, st.st_ino, st.st_mtime_ns, st.st_size)


def searcher(ix):
    """A searcher over the current contents of `ix`; do not close it."""
    key = str(ix.storage.folder)
    now = state(ix)
    cached = _open.get(key)
    if cached is not None and cached[0] == now:
        return cached[1]
    if cached is not None:
        cached[1].close()
    s = ix.searcher(weighting=FastBM25F())
    _open[key] = (now, s)
    return s


def forget(folder) -> None:
    """Close the searcher kept for the index in `folder` (before deleting it)."""
    cached = _open.pop(str(folder), None)
    if cached is not None:
        cached[1].close()
