"""Splitting a page into clause candidates: list items and sentences, each
with its character span in the page, its place in the numbered lists
("2.b": item b under item 2), and the lead-in sentence ("ASN dilarang:",
"sebagai berikut:") that governs the list it belongs to. A list may go on
over a page break: the state of the lists is carried from page to page."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from himpun.ingest.parse.lexicon import normalise
from himpun.ingest.parse.rules import is_lead_in, prohibits

_MARKER = re.compile(
    r"^\s*(?:\(?(?P<label>\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)](?=\s)|[-•*–·▪●◦](?=\s)|"
    r"(?:dan\s+)?(?:pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|terakhir)\b,?)",
    re.I,
)
_ABBREVIATIONS = {
    "no", "dr", "drs", "ir", "h", "hj", "st", "jl", "kab", "kec", "kel", "prov", "yth", "tgl", "sdr", "bpk", "red",
    "pt", "tbk", "a.n", "u.b", "kep", "ttd", "vs", "sos", "pd", "ag", "kom", "si", "ak", "mm", "mh", "me", "se",
    "nip", "prof", "ust", "kh", "dra", "sh", "mt", "msi", "mpd", "ssos", "spd", "skm", "sip", "ap", "ip",
    "pj", "pjs", "plt", "plh",  # acting holders: "Surat Edaran Plt. Gubernur Maluku Utara"
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
    style: str = ""  # of its list marker: "1." "1)" "(1)" digits, "a." letters, "i." roman numerals, "-" bullets
    label: str = ""  # its list marker's label: "2", "b", "iv" ("" for bullets)
    marker: str = ""  # its place in the numbered lists: "2.b"
    goes_on: bool = False  # a line of a list without a marker of its own: the end of the item above, or an item
    # whose marker OCR lost


@dataclass
class ListState:
    """Where the lists stand at the end of a page: the lead-in that governs
    the open list, and the open markers, outermost first."""

    lead_in: Segment | None = None
    open: list[tuple[str, str]] = field(default_factory=list)
    last: Segment | None = None  # the page's last segment that is no heading: a list's item may follow it


def strip_marker(text: str) -> str:
    """The words of a list item without its marker (`a.`, `2)`, `-`)."""
    return _MARKER.sub("", text + " ", count=1).strip()


def segments(text: str, state: ListState | None = None) -> list[Segment]:
    """The segments of one page; `state` carries the lists over from the
    page before, and is left as this page ends them."""
    out: list[Segment] = []
    offset = 0
    for line_no, line in enumerate(text.split("\n")):
        if line.strip():
            m = _MARKER.match(line)
            heading = _is_heading(line)
            for s, e in _sentences(line):
                seg = Segment(offset + s, offset + e, line[s:e], bool(m), line_no, heading=heading,
                              style=_style(m) if m else "", label=(m.group("label") or "").lower() if m else "")
                out.append(seg)
        offset += len(line) + 1
    _mark_lists(out, state if state is not None else ListState())
    return out


def _style(m: re.Match) -> str:
    """The kind of a list marker, with its punctuation: "1." and "1)" and
    "(1)" are the styles of three levels of one document's lists."""
    label = m.group("label")
    if label is None:
        return "-"
    kind = "1" if label.isdigit() else "i" if len(label) > 1 else "a"
    marker = m.group(0).strip()
    return ("(" if marker.startswith("(") else "") + kind + marker[-1]



def _is_heading(line: str) -> bool:
    s = line.strip()
    if len(s) >= 250:
        return False
    if s.isascii():  # every letter is cased: all in capitals is isupper()
        return s.isupper() and sum(map(str.isalpha, s)) >= 4
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


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


# how an item of a list ends ("...;", "...; dan", "..., atau"), and how a line inside one does
_ITEM_END = re.compile(r"[;,](?:\s*(?:dan|atau|dan/atau|serta))?\s*$")
_CLOSED = tuple(".;:!?")
# a full stop that ends no sentence: OCR's speck after a word that needs more ("... sarana kantor untuk.")
_OPEN_WORD_DOT = re.compile(r"\b(?:untuk|atau|dan|yang|dengan|di|ke|dari|pada|serta|bagi|oleh|dalam|maupun|baik"
                            r"|sebagai|kepada|terhadap|tentang|agar|karena|antara)\s*\.$", re.I)
# a line that sets something against the list ("sedangkan ASN boleh menghadiri kampanye ..."): no item of it
_CONTRAST = re.compile(r"(?:sedangkan|tetapi|tapi|namun|kecuali|adapun|akan tetapi)\b", re.I)
_STRAY_LEAD = "'\"`\u2018\u2019\u201c\u201d|.,: "


def _goes_on(before: Segment | None, seg: Segment, first_of_line: bool, ends_page: bool = False) -> bool:
    """A line without a marker that finishes the list item on the line above ("7) ... atau atribut" /
    "Pegawai ASN dalam kegiatan kampanye;"): the item stops mid-sentence and this line ends as the
    items do (at a page's foot, also in OCR's colon for the semicolon). A sentence after the last item
    ("Pelanggaran ... dijatuhi hukuman disiplin.") ends the list."""
    return (before is not None and first_of_line and (before.item or before.goes_on) and before.line == seg.line - 1
            and not before.text.rstrip().endswith(_CLOSED)
            and bool(_ITEM_END.search(seg.text) or (ends_page and seg.text.rstrip().endswith(":"))))


def _lost_marker(before: Segment | None, seg: Segment, nxt: Segment | None, first_of_line: bool,
                 last_of_line: bool) -> bool:
    """A line between two items of one list that ends as they do, without a marker ("b. ...;" /
    "tidak memakai atribut partai politik;" / "e. ..."): an item whose marker OCR lost."""
    if before is None or not (first_of_line and last_of_line and (before.item or before.goes_on)
                              and before.context is not None):
        return False
    if nxt is not None and nxt.item and nxt.style == (before.style or nxt.style) and _ITEM_END.search(seg.text):
        return True
    # ... or, where OCR lost every marker of the rest of the list, a line that opens in lowercase, as the
    # items do and sentences do not ("memakai atribut partai politik ...;", past a speck: "'merugikan ..."),
    # under an item that no full stop closed (the list's last item closes it: "... pilihan politik.")
    ended, text = before.text.rstrip(), seg.text.lstrip(_STRAY_LEAD).rstrip()
    if not text[:1].islower() or _CONTRAST.match(text) or (ended.endswith((".", "!", "?"))
                                                          and not _OPEN_WORD_DOT.search(ended)):
        return False
    # (it ends as an item does, in OCR's colon, a speck's dot after a word that needs more, or not at all; a full
    # stop only as the list's last item, right before an item of the list above: "... pilihan politik." / "3. ...")
    return bool(_ITEM_END.search(text) or text.endswith(":") or _OPEN_WORD_DOT.search(text)
                or not text.endswith((".", "!", "?")) or (nxt is not None and nxt.item))


_CONSIDERATION = re.compile(r"(?i)\bbahwa\b")
_LIST_WORD = re.compile(r"(?i)\b(?:yaitu|berikut|antara lain|meliputi|sebagai berikut|adalah)\s*:\s*$")


def _successor(label: str) -> str | None:
    """The label after `label` in its list: "2" -> "3", "f" -> "g"."""
    if label.isdigit():
        return str(int(label) + 1)
    return chr(ord(label) + 1) if len(label) == 1 and label.isalpha() else None


def _aside(seg: Segment) -> bool:
    """A line a list goes on past: a heading, or one without a letter (a fax's time stamp at a page's top)."""
    return seg.heading or not any(ch.isalpha() for ch in seg.text)


def _resumed(segs: list[Segment], i: int, opened: list[tuple[str, str]]) -> bool:
    """Whether segment `i` is a piece of a line, no sentence ("h pasangan calon tertentu, termasuk"), and the list
    goes on within the next two lines with the item that follows an open one ("2. ..." / the piece / "3. ...").
    (A line that opens in capitals between them, a sentence or a heading, ends the list.)"""
    text = segs[i].text.strip()
    if text[:1].isupper():  # (a sentence, "Kabupaten Banjar.", or a sub-heading, "Kewajiban ASN", ends the list)
        return False
    lines = {segs[i].line}
    for seg in segs[i + 1:]:
        if seg.line not in lines:
            if seg.item:
                return any(seg.style == style and seg.label == _successor(label) for style, label in opened)
            if _aside(seg):
                continue
            if len(lines) == 2:
                return False
            lines.add(seg.line)
    return False


def _mark_lists(segs: list[Segment], state: ListState) -> None:
    """A sentence ending a line with ':' or 'berikut' and followed by list
    items governs those items, until the list ends: at text that is not a
    list item (headings do not end it), or at an item of the lead-in's own
    rank ("3." after "2. ASN dilarang:" and its items a to g)."""
    current = state.lead_in
    opened = state.open
    here = {id(seg) for seg in segs}
    following: list[Segment | None] = [None] * len(segs)  # the next segment that is no heading
    for i in range(len(segs) - 1, 0, -1):
        following[i - 1] = following[i] if _aside(segs[i]) else segs[i]
    carried = before = state.last  # the segment before, headings aside (a running head between a list's pages)
    for i, seg in enumerate(segs):
        last_of_line = i + 1 == len(segs) or segs[i + 1].line != seg.line
        nxt = following[i]
        if current is not None and _aside(seg):
            continue
        first_of_line = i == 0 or segs[i - 1].line != seg.line
        previous, before = before, seg
        if seg.item:
            if first_of_line:
                styles = [s for s, _ in opened]
                opened = opened[:styles.index(seg.style)] if seg.style in styles else opened
                opened = opened + [(seg.style, seg.label)]
                if current is not None and current.item and current.style == seg.style:
                    # a sibling of the lead-in's own item: its list ends, and the list it was an item of goes on
                    # ("f. ... yaitu:" / "1) ..." / "g. ..." under "2. ASN dilarang:")
                    current = current.context if current.context is not None and (
                        current.context.item or prohibits(normalise(current.context.lead_text))) else None
            seg.marker = ".".join(label for _, label in opened if label)
            if current is not None and (seg.line != current.line or id(current) not in here):
                seg.context = current  # (not on the lead-in's own line: of this page, its line numbers)
        elif previous is not carried and _goes_on(previous, seg, first_of_line, ends_page=nxt is None):
            seg.goes_on, seg.marker, seg.context = True, previous.marker, previous.context
        elif _lost_marker(previous, seg, nxt, first_of_line, last_of_line):
            seg.goes_on, seg.context = True, previous.context
        elif current is not None and _resumed(segs, i, opened):
            pass  # a stray line between two items of one list (OCR's piece of a column beside): the list goes on
        else:
            current = None
            opened = []
        ends_page = nxt is None and seg.text.rstrip().endswith(":") and not (
            # an item of a list already under way, at a page's foot: its colon is OCR's semicolon unless
            # its words open a sub-list ("n. memberikan dukungan kepada calon ... dengan cara:")
            (seg.item or seg.goes_on) and seg.context is not None
            and not is_lead_in(normalise(seg.text.rstrip()[:-1])))
        # (an item ending in a colon before an item of its own list or of a list above it introduces nothing: the
        # colon is OCR's semicolon, "2) mempromosikan ... grup percakapan:" / "g. berfoto ...")
        sibling_next = (nxt is not None and nxt.item and (seg.item or seg.goes_on)
                        and any(nxt.style == style and nxt.label == _successor(label) for style, label in opened[-2:]))
        # (nor is a consideration before the next, "c. bahwa ...:" / "d. bahwa ...": a Menimbang item whose semicolon OCR
        # read as a colon)
        if last_of_line and (ends_page or (nxt is not None and nxt.item and not sibling_next
                                           and not (_CONSIDERATION.match(strip_marker(nxt.text))
                                                    and _CONSIDERATION.search(seg.text)
                                                    and not _LIST_WORD.search(seg.text)))) \
                and is_lead_in(normalise(seg.text)):
            seg.lead_in = True
            seg.lead_text = seg.text
            if len(seg.text.split()) <= 3 and i > 0 and not prohibits(normalise(seg.text)):
                seg.lead_text = segs[i - 1].text + " " + seg.text
            current = seg
    state.lead_in = current
    state.open = opened
    state.last = before if current is not None else None
