"""Indonesian words for taxonomy slugs (himpun/data/topics.tsv), so that a
search for "sanksi foto bersama paslon" meets a clause tagged
`photo-with-candidate` even when its own words differ."""
from __future__ import annotations

from functools import lru_cache

from himpun.data import load_table


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    return {slug: (label, words) for slug, label, words in load_table("topics.tsv")}


def label(slug: str) -> str:
    """The Indonesian name of a category or sanction slug."""
    return _table().get(slug, (slug, ""))[0]


def topic_words(categories: list[str], sanctions: list[str]) -> str:
    table = _table()
    return " ".join(table[s][1] for s in [*categories, *sanctions] if s in table)
