"""Misspelled words of a query ("pelangaran", "pemberhentain", "pemotongam"):
the Indonesian words one edit away (a letter dropped, doubled, swapped or
misread), as the index holds them. Whoosh's fuzzy match compares the typed
word with the index's stems, so an affixed word typed wrong ("pelangaran" for
"pelanggaran", stem "langgar") is many edits from anything indexed; its
dictionary neighbours are not."""
from __future__ import annotations

from functools import lru_cache

from himpun.index.synonyms import PREFIX
from himpun.ingest.dictionary import is_word

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
MOST = 3  # corrections kept for one word, the commonest in the index first


@lru_cache(maxsize=256)
def neighbours(word: str) -> tuple[str, ...]:
    """The words one edit away from `word` that are Indonesian (a root, or a word whose stem is one);
    none when `word` is one itself."""
    if is_word(word):
        return ()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {left + right[1:] for left, right in splits if right}
    edits |= {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    edits |= {left + c + right[1:] for left, right in splits if right for c in _LETTERS}
    edits |= {left + c + right for left, right in splits for c in _LETTERS}
    edits.discard(word)
    return tuple(sorted(w for w in edits if len(w) > 3 and is_word(w)))


_SAME_END = ({"m", "n"}, {"l", "i"})  # OCR's confusions at a word's end ("pemotongam")


def _kept_ends(typed: str, word: str) -> bool:
    """Whether `word` keeps the typed word's first two letters and its last (or OCR's confusion of it): a typo
    inside the word, not another word that happens to be one edit away ("bawasku" -> "bawaku")."""
    a, b = typed[-1:], word[-1:]
    return typed[:2] == word[:2] and (a == b or any({a, b} == pair for pair in _SAME_END))


def corrections(word: str, analyzer, frequency) -> list[str]:
    """The index terms of `word`'s neighbours (`analyzer` as the field analyses text; `frequency`: a
    term's document frequency in the field), the commonest first, at most MOST."""
    terms: dict[str, int] = {}
    for w in neighbours(word):
        if not _kept_ends(word, w):
            continue
        for token in analyzer(w):
            n = frequency(token.text)
            if n and not token.text.startswith(PREFIX):
                terms[token.text] = n
    return sorted(terms, key=lambda t: (-terms[t], t))[:MOST]
