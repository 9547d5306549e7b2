"""Cleaning across the pages of one document: running headers and footers
and page numbers go, and a sentence that a page break cut in two is made
whole again on the page where it starts."""
from __future__ import annotations

import re

_ZONE = 3  # lines at the top and at the bottom of a page where running lines stand
_PAGE_NUMBER = re.compile(r"^\W*(?:(?:hal(?:aman)?|page)\.?\s*)?\d{1,3}(?:\s*(?:dari|/|of)\s*\d{1,3})?\W*$", re.I)
# "Halaman 1 dari 2" with what a fax or a scan's noise glued to it ("Halaman 1 dari "source: ...")
_PAGE_OF = re.compile(r"^\W*halaman\s+\d{1,3}\s+dari\b", re.I)
_TERMINAL = tuple('.!?:;"\'…)')


def clean_pages(texts: list[str]) -> list[str]:
    return mend_page_breaks(drop_running_lines(texts))


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def drop_running_lines(texts: list[str]) -> list[str]:
    """Remove page numbers ("- 2 -", "Halaman 2 dari 5") from the top and
    bottom of every page, and lines that repeat in those places on at least
    half the pages of a document of two or more pages (running headers and
    footers: the letterhead of a continuation page, a document number)."""
    pages = [t.split("\n") for t in texts]
    counts: dict[str, int] = {}
    for lines in pages:
        for key in {_key(ln) for ln in _zone(lines)}:
            counts[key] = counts.get(key, 0) + 1
    running = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2) and k}
    out = []
    for lines in pages:
        zone = set(id(ln) for ln in _zone(lines))
        kept = [ln for ln in lines
                if not (id(ln) in zone and (_PAGE_NUMBER.match(ln.strip()) or _PAGE_OF.match(ln)
                                             or _key(ln) in running))]
        out.append("\n".join(kept).strip("\n"))
    return out


def _zone(lines: list[str]) -> list[str]:
    filled = [ln for ln in lines if ln.strip()]
    return filled[:_ZONE] + filled[-_ZONE:] if len(filled) > 2 * _ZONE else filled


def mend_page_breaks(texts: list[str]) -> list[str]:
    """When a page ends mid-sentence and the next page goes on in lowercase,
    move the rest of that sentence back to the page it started on (joining a
    word hyphenated across the break)."""
    texts = list(texts)
    for i in range(len(texts) - 1):
        head, nxt = texts[i].rstrip(), texts[i + 1].lstrip()
        if not head or not nxt or head.endswith(_TERMINAL) or not nxt[:1].islower():
            continue
        m = re.search(r"[.!?;:](?=\s|$)", nxt)
        cut = m.end() if m else len(nxt)
        newline = nxt.find("\n\n")
        if 0 <= newline < cut:
            cut = newline
        rest = nxt[:cut]
        if head.endswith("-") and head[-2:-1].isalpha():
            texts[i] = head[:-1] + rest
        else:
            texts[i] = head + " " + rest
        texts[i + 1] = nxt[cut:].lstrip()
    return texts
