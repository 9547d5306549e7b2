"""Splitting a page into clause candidates: list items and sentences, each
with its character span in the page, and the lead-in sentence ("ASN
dilarang:", "sebagai berikut:") that governs the list it belongs to."""
from __future__ import annotations

import re
from dataclasses import dataclass

from himpun.ingest.parse.lexicon import normalise
from himpun.ingest.parse.rules import is_lead_in

_MARKER = re.compile(
    r"^\s*(?:\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)](?=\s)|[-•*–·▪●◦](?=\s)|"
    r"(?:dan\s+)?(?:pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|terakhir)\b,?)",
    re.I,
)
_ABBREVIATIONS = {
    "no", "dr", "drs", "ir", "h", "hj", "st", "jl", "kab", "kec", "kel", "prov", "yth", "tgl", "sdr", "bpk", "red",
    "pt", "tbk", "a.n", "u.b", "kep", "ttd", "vs", "sos", "pd", "ag", "kom", "si", "ak", "mm", "mh", "me", "se",
    "nip", "prof", "ust", "kh", "dra", "sh", "mt", "msi", "mpd", "ssos", "spd", "skm", "sip", "ap", "ip",
}
_SENTENCE_END = re.compile(r"(?<=[.!?;])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|(?<=;)\s+")


@dataclass
class Segment:
    start: int
    end: int
    text: str
    item: bool  # part of a list item (its line starts with a marker)
    line: int  # index of the line it came from
    lead_in: bool = False  # introduces the list that follows
    heading: bool = False  # an upper-case title line
    context: "Segment | None" = None  # the lead-in governing this list item
    lead_text: str = ""  # for a lead-in: its words, with the sentence before when it is a bare "Yaitu:"


def segments(text: str) -> list[Segment]:
    out: list[Segment] = []
    offset = 0
    for line_no, line in enumerate(text.split("\n")):
        if line.strip():
            item = bool(_MARKER.match(line))
            heading = _is_heading(line)
            for s, e in _sentences(line):
                seg = Segment(offset + s, offset + e, line[s:e], item, line_no, heading=heading)
                out.append(seg)
        offset += len(line) + 1
    _mark_lead_ins(out)
    return out


def _is_heading(line: str) -> bool:
    s = line.strip()
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(s) < 250


def _sentences(line: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(line):
        before = line[start:m.start()].rstrip("\"')] ")
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        word = last.rstrip(".").lower()
        if before.endswith(".") and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
                                     or re.fullmatch(r"[a-z]\.[a-z]", word)):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(line)))
    out = []
    for s, e in spans:
        seg = line[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs - ls >= 3:
            out.append((s + ls, s + rs))
    return out


def _mark_lead_ins(segs: list[Segment]) -> None:
    """A sentence ending a line with ':' or 'berikut' and followed by list
    items governs those items, until the list ends (headings do not end it)."""
    current: Segment | None = None
    for i, seg in enumerate(segs):
        last_of_line = i + 1 == len(segs) or segs[i + 1].line != seg.line
        nxt = next((s for s in segs[i + 1:] if not s.heading), None)
        if seg.heading and current is not None:
            continue
        if seg.item and current is not None and not (seg.line == current.line):
            seg.context = current
        elif not seg.item:
            current = None
        if last_of_line and nxt is not None and nxt.item and is_lead_in(normalise(seg.text)):
            seg.lead_in = True
            seg.lead_text = seg.text
            if len(seg.text.split()) <= 3 and i > 0:
                seg.lead_text = segs[i - 1].text + " " + seg.text
            current = seg
