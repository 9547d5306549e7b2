"""What a document is, for a reader who will cite it.

A circular, decree or regulation is its issuer and number. A news report is
not: the issuer and number the parser finds in it are those of the circular
it reports, and its date may be that of an interview. So a news report is
named by its title (else its file name) and its date, and the instruments it
reports are named only where its own text says what they are: the number
stands right after the instrument's name ("Surat Edaran (SE) Nomor
800.1.6.1/5391/V/2024", "Surat Edaran bernomor ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# the instrument's name in the text, then at most a short gap ("(SE)", "Wali Kota X") and the word for number
_INSTRUMENT = re.compile(
    r"(?i:(surat\s+edaran|\bSE\b|keputusan(?:\s+bersama)?|instruksi|peraturan|pakta\s+integritas))"
    r"[^.;:\n]{0,40}?\b(?i:nomor|nomer|no\.?|bernomor)\s*:?\s*$")
KINDS = {"surat edaran": "circular", "se": "circular", "keputusan": "decree", "keputusan bersama": "decree",
         "instruksi": "circular", "peraturan": "regulation", "pakta integritas": "pact"}
LOOKBACK = 70  # characters before a number searched for the instrument's name


@dataclass(frozen=True)
class Reported:
    """An instrument a news report names: its kind (circular, decree, ...) and number."""
    kind: str
    number: str


def reported(page_texts: list[str], numbers: list[str]) -> list[Reported]:
    """The instruments among a news report's numbers whose kind its text states, in the numbers' order."""
    out = []
    text = " ".join(" ".join(t.split()) for t in page_texts)
    for number in numbers:
        flat = " ".join(number.split())
        for m in re.finditer(re.escape(flat), text):
            head = _INSTRUMENT.search(text[max(0, m.start() - LOOKBACK):m.start()])
            if head:
                word = " ".join(head.group(1).lower().split())
                out.append(Reported(KINDS.get(word, "circular"), number))
                break
    return out


def reported_of(catalog, row: int, numbers: list[str]) -> list[Reported]:
    """`reported` for a stored document (its pages' text)."""
    if not numbers:
        return []
    pages = [r[0] for r in catalog.db.execute("SELECT text FROM pages WHERE doc = ? ORDER BY number", (row,))]
    return reported(pages, numbers)


def file_name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def short_title(title: str | None, path: str, width: int = 80) -> str:
    """A news report's title cut at a word, else its file name."""
    title = " ".join((title or "").split())
    if not title:
        return file_name(path)
    return title if len(title) <= width else title[:width - 1].rsplit(" ", 1)[0] + " …"
