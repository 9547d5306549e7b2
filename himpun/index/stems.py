"""Stems kept for good: a word is stemmed once per library, ever.

Sastrawi costs about 20 ms for a word it has not seen and nothing for one it
has, so the stems the index and the queries need are kept in the library
(`stems.db`, a two-column SQLite table) and loaded into memory when the
library opens; new stems are written back after each index sync or search.
Without a library (tests of the analyzer alone, `extract`) the cache lives in
memory only.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable


class StemCache:
    def __init__(self, stemmer: Callable[[str], str], path: Path | None = None):
        self._stemmer = stemmer
        self.path = Path(path) if path else None
        self.stems: dict[str, str] = {}
        self.new: dict[str, str] = {}
        self.misses = 0  # words stemmed by Sastrawi in this process
        if self.path and self.path.exists():
            with self._connect() as db:
                self.stems.update(db.execute("SELECT word, stem FROM stems"))

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("CREATE TABLE IF NOT EXISTS stems (word TEXT PRIMARY KEY, stem TEXT NOT NULL)")
        return db

    def stem(self, word: str) -> str:
        found = self.stems.get(word)
        if found is None:
            found = self._stemmer(word)
            self.misses += 1
            self.stems[word] = self.new[word] = found
        return found

    def flush(self) -> int:
        """Write the stems learnt since the last flush; how many."""
        if not self.path or not self.new:
            n = len(self.new)
            self.new = {}
            return 0 if not self.path else n
        with self._connect() as db:
            db.executemany("INSERT OR IGNORE INTO stems VALUES (?, ?)", self.new.items())
        n, self.new = len(self.new), {}
        return n
