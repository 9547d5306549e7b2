"""Recognising web-page and viewer furniture ("Baca juga", share buttons,
comment forms, page counters) by its words; the phrases are data in
himpun/data/web_chrome.txt."""
from __future__ import annotations

import re
from functools import lru_cache

from himpun.data import words


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    return re.compile("|".join(f"(?:{r})" for r in words("web_chrome.txt")), re.I)


def is_chrome_line(line: str) -> bool:
    """True when the whole (trimmed) line is page furniture."""
    return _pattern().fullmatch(line.strip()) is not None
