"""Recognising web-page and viewer furniture ("Baca juga", share buttons,
comment forms, page counters) by its words; the phrases are data in
himpun/data/web_chrome.txt."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    text = resources.files("himpun.data").joinpath("web_chrome.txt").read_text("utf-8")
    rules = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return re.compile("|".join(f"(?:{r})" for r in rules), re.I)


def is_chrome_line(line: str) -> bool:
    """True when the whole (trimmed) line is page furniture."""
    return _pattern().fullmatch(line.strip()) is not None
