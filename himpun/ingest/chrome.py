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


# the heading of a list of links to other stories ("Berita Terkait", "Terpopuler", a tribunal's "Putusan Terkait"): in a
# page copied as text, the headlines under it are no part of the story either
_LINK_LIST = re.compile(r"(?:berita|artikel|video|bacaan|pos|putusan)\s+(?:terkait|lainnya|terpopuler|pilihan|terbaru|populer)"
                        r"|(?:episode|video|podcast|siaran|konten|laporan|aduan|pengaduan)\s+(?:lainnya|terkait|serupa"
                        r"|berikutnya|sebelumnya)"
                        r"|terpopuler|terkini|terbaru|populer|pilihan redaksi|rekomendasi(?: untuk anda)?"
                        r"|baca juga|lihat juga|simak juga|berita lainnya|most popular|related(?: articles| posts)?",
                        re.I)


def heads_link_list(line: str) -> bool:
    """True for the heading line of a list of links to other stories ("Berita Terkait", "Terpopuler")."""
    return _LINK_LIST.fullmatch(line.strip().rstrip(":")) is not None


_HEADLINE_ITEM = re.compile(r"^\s*(?:[-•*–·▪]|\d{1,2}[.)])\s+\S.{0,160}$")


# (or a title with its date after a dot or bar: "Eps. 13 - Harga Cengkeh dan Pala Petani Halsel · 7 Sep 2024")
_DATED_ITEM = re.compile(r"^\s*\S.{0,160}\s[·•|]\s*\d{1,2}\s+[A-Za-z]{3,9}\.?\s+(?:19|20)\d\d\s*$")


def is_link_item(line: str) -> bool:
    """A line of such a list: a bulleted or numbered headline, with no full stop at its end, or a dated title."""
    return (bool(_HEADLINE_ITEM.match(line)) and not line.rstrip().endswith((".", ";", ":"))) \
        or bool(_DATED_ITEM.match(line))


# a comment under a video or post, copied with its author and age: "@sariyanti_88  2 minggu yang lalu" (its text on
# the same line or the lines under it, down to a blank line)
_COMMENT_HEAD = re.compile(r"@[\w.]+\s+(?:\d+|se)\s*(?:detik|menit|jam|hari|minggu|bulan|tahun)\s+yang\s+lalu\b.*",
                           re.I)


def heads_comment(line: str) -> bool:
    """True for the first line of a reader's comment ("@user 2 minggu yang lalu ...")."""
    return _COMMENT_HEAD.fullmatch(line.strip()) is not None
