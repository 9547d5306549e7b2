"""Domain knowledge as data: lexicon, gazetteer, cues, offices, regulations,
stopwords, topic names. Code elsewhere applies these tables."""
from __future__ import annotations

from importlib import resources


def load_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, comments and blank lines skipped."""
    text = resources.files(__name__).joinpath(name).read_text("utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def words(name: str) -> list[str]:
    """The entries of a one-word-per-line data file."""
    text = resources.files(__name__).joinpath(name).read_text("utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#")]
