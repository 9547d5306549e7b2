"""Indonesian text analysis for the search index.

Tokens keep identifiers whole (`800/1071/bkpsdm`, `94/2021`, `1447.1/pm.01`),
are lowercased, lose function words (himpun/data/stopwords.txt) and are
stemmed with Sastrawi so that `mempromosikan`, `promosi` and `dipromosikan`
meet. Sastrawi's own dictionary lookup scans a list; replacing it with a set
makes a cold stem about a thousand times cheaper, and every word is stemmed
once per library (himpun/index/stems.py keeps the stems in the library).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter

from himpun.data import words
from himpun.index.stems import StemCache

TOKEN_PATTERN = r"\w+(?:[./\-]\w+)*"


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(words("stopwords.txt"))


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer().delegatedStemmer
    stemmer.dictionary.words = set(stemmer.dictionary.words)
    return stemmer


def _sastrawi(word: str) -> str:
    return _stemmer().stem_word(word) or word


_cache = StemCache(_sastrawi)


def use_stem_cache(path: Path | None) -> StemCache:
    """Keep stems in the file at `path` (None: in memory only); the cache
    in use before is written out first."""
    global _cache
    if _cache.path is not None and path is not None and Path(path) == _cache.path:
        return _cache
    _cache.flush()
    _cache = StemCache(_sastrawi, path)
    return _cache


def stem_cache() -> StemCache:
    return _cache


def stem(word: str) -> str:
    """The Sastrawi stem of one lowercase word; identifiers and short words
    are returned as they are."""
    if len(word) < 4 or not word.isalpha():
        return word
    return _cache.stem(word)


class SastrawiStemFilter(Filter):
    """A Whoosh filter that replaces each token's text with its stem."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            if not t.stopped:
                t.text = stem(t.text)
            yield t


def prestem(*texts: str) -> None:
    """Stem every word of `texts` into the cache (before forking workers)."""
    tokenize = RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | StopFilter(stoplist=stopwords(), minsize=1)
    for text in texts:
        for t in tokenize(text or ""):
            stem(t.text)


def indonesian_analyzer():
    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter()
            | StopFilter(stoplist=stopwords(), minsize=1) | SastrawiStemFilter())
