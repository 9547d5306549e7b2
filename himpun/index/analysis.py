"""Indonesian text analysis for the search index.

Tokens keep identifiers whole (`800/1071/bkpsdm`, `94/2021`, `1447.1/pm.01`),
are lowercased, lose function words (himpun/data/stopwords.txt) and are
stemmed with Sastrawi so that `mempromosikan`, `promosi` and `dipromosikan`
meet. Sastrawi's own dictionary lookup scans a list; replacing it with a set
makes a cold stem about a thousand times cheaper, and every word is stemmed
once per process (an in-memory cache).
"""
from __future__ import annotations

from functools import lru_cache

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter

from himpun.data import words

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


@lru_cache(maxsize=None)
def stem(word: str) -> str:
    """The Sastrawi stem of one lowercase word; identifiers and short words
    are returned as they are."""
    if len(word) < 4 or not word.isalpha():
        return word
    return _stemmer().stem_word(word) or word


class SastrawiStemFilter(Filter):
    """A Whoosh filter that replaces each token's text with its stem."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            if not t.stopped:
                t.text = stem(t.text)
            yield t


def indonesian_analyzer():
    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter()
            | StopFilter(stoplist=stopwords(), minsize=1) | SastrawiStemFilter())
