"""Plain text files. Form feeds separate pages. A leading `SOURCE: <url>` (or
`URL:`) line, as saved by clipping tools, becomes the document's URL."""
from __future__ import annotations

import re
from pathlib import Path

from himpun.ingest.readers import ReadResult
from himpun.ingest.readers.decode import decode_text
from himpun.records import Page

_SOURCE_LINE = re.compile(r"\A\s*(?:SOURCE|URL|Sumber)\s*:\s*(https?://\S+)[ \t]*\r?\n", re.I)


def read_text(path: Path, data: bytes) -> ReadResult:
    text = decode_text(path, data).replace("\r\n", "\n").replace("\r", "\n")
    url = None
    m = _SOURCE_LINE.match(text)
    if m:
        url = m.group(1)
        text = text[m.end():]
    pages = [Page(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))]
    return ReadResult(format="text", pages=pages, url=url)
