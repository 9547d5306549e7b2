"""Is this an Indonesian word? Sastrawi's dictionary of root words, and its
stemmer for the affixed forms: what the OCR repairs of himpun/ingest/clean.py
ask before they change a word (`rnenjadi` -> `menjadi`, `t i d a k` -> `tidak`)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def stemmer():
    """Sastrawi's stemmer, with its dictionary as a set (its own lookup scans a list)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    found = StemmerFactory().create_stemmer().delegatedStemmer
    found.dictionary.words = set(found.dictionary.words)
    return found


@lru_cache(maxsize=4096)
def is_word(word: str) -> bool:
    """A root word of the dictionary, or a word whose stem is one (`menjadi`, `pemerintah`)."""
    word = word.lower()
    return known(word) or (word.isalpha() and len(word) > 3 and known(stemmer().stem_word(word)))


def known(word: str) -> bool:
    """A root word of the dictionary, as written (no stemming: cheap for any word)."""
    return word.lower() in stemmer().dictionary.words
