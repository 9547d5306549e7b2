"""Text from Tesseract's word table (its TSV output): lines and paragraphs
as Tesseract found them, the page's mean word confidence, and the repairs
that the table's boxes make possible: specks of dirt read as marks are
dropped, and list markers that Tesseract set apart as a column of their own
go back to the head of their items."""
from __future__ import annotations

import re
from dataclasses import dataclass

from himpun.ingest.ocrtable import BORDERS, RawLine, Word, find_tables

LOW_CONFIDENCE = 60.0  # mean word confidence under which a reading is poor


@dataclass
class Line:
    key: tuple  # (block, paragraph, line) as Tesseract numbered them: a new (block, paragraph) starts a paragraph
    words: list[tuple[str, float]]
    left: int
    top: int
    right: int
    bottom: int


@dataclass
class Reading:
    lines: list[Line]

    @property
    def text(self) -> str:
        """Lines joined; a blank line between Tesseract's paragraphs."""
        out: list[str] = []
        previous = None
        for ln in self.lines:
            if previous is not None and ln.key[:2] != previous[:2]:
                out.append("")
            out.append(" ".join(w for w, _ in ln.words))
            previous = ln.key
        return "\n".join(out)

    @property
    def confidence(self) -> float:
        """Mean word confidence, 0-100."""
        confs = [c for ln in self.lines for _, c in ln.words]
        return round(sum(confs) / len(confs), 1) if confs else 0.0

    @property
    def sure_words(self) -> int:
        """Words read with a confidence of 80 or more."""
        return sum(1 for ln in self.lines for _, c in ln.words if c >= 80)

    def with_lines_from(self, other: "Reading") -> "Reading":
        """This reading, with the lines that only `other` read, each put
        after the line both readings share before it (for a region that one
        way of reading the page skipped). Lines are matched by their words,
        not their boxes: on a skewed page the boxes of neighbouring lines
        overlap."""
        from rapidfuzz import fuzz, process

        mine = [_plain(ln) for ln in self.lines]
        tables = [(ln.top, ln.bottom) for ln in self.lines if ln.key[0] == "table"]
        merged: list[Line] = list(self.lines)
        inserted = 0  # lines added so far, to map positions in self.lines to merged
        after = -1  # index in self.lines of the last line both readings share
        for ln in other.lines:
            if any(top <= (ln.top + ln.bottom) / 2 <= bottom for top, bottom in tables):
                continue  # (read already, in a table's cells)
            match = process.extractOne(_plain(ln), mine, scorer=fuzz.ratio, score_cutoff=60) if mine else None
            if match:
                after = max(after, match[2])
                continue
            added = Line(("added", ln.top, 0), ln.words, ln.left, ln.top, ln.right, ln.bottom)
            merged.insert(after + 1 + inserted, added)
            inserted += 1
        return Reading(merged)


def _plain(ln: Line) -> str:
    return " ".join(w for w, _ in ln.words).lower()


def from_tsv(tsv: dict) -> Reading:
    raw: list[RawLine] = []
    for i, word in enumerate(tsv["text"]):
        conf = float(tsv["conf"][i])
        # (a bar is dirt, or a table's border that tells its cells apart: ocrtable.py decides)
        if conf < 0 or not word.strip() or speck(word, conf) and word not in BORDERS:
            continue
        key = (tsv["block_num"][i], tsv["par_num"][i], tsv["line_num"][i])
        if not raw or raw[-1][0] != key:
            raw.append((key, []))
        left, top = tsv["left"][i], tsv["top"][i]
        raw[-1][1].append(Word(word, conf, left, top, left + tsv["width"][i], top + tsv["height"][i]))
    lines = []
    for key, ws in find_tables(raw):
        if key[0] != "table":
            ws = [w for w in ws if not speck(w.text, w.conf)]
        if ws:
            lines.append(Line(key, [(w.text, w.conf) for w in ws], min(w.left for w in ws),
                              min(w.top for w in ws), max(w.right for w in ws), max(w.bottom for w in ws)))
    kept = []
    for ln in reattach_markers(lines):
        ln.words = without_stray_tail(ln.words)
        if ln.words:
            kept.append(ln)
    return Reading(kept)


_SPECK_MARKS = set("|¦!'\"“”‘’`.,:;_~^£»«°")
_DASHES = set("-–—•*·")


def speck(word: str, conf: float) -> bool:
    """A lone mark that is dirt on the page, not text: quotes, bars, dots and
    colons standing alone (clean pages never produce them), and dashes or
    bullets that Tesseract itself doubts."""
    if any(ch.isalnum() for ch in word):
        return False
    if set(word) <= _SPECK_MARKS:
        return True
    return set(word) <= _DASHES and conf < 80


def without_stray_tail(words: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Drop what dirt beside a line reads as: a short doubtful token after the
    line's closing punctuation ("calon: NA"), short mixed tokens Tesseract
    hardly believes in at the start of a line ("Ka? Terhadap", but not a
    misread word like "25Y9"), and any one- or two-character token it hardly
    believes in anywhere."""
    kept = [(w, c) for w, c in words if not (len(w) <= 2 and c < 20)]
    while len(kept) >= 2 and len(kept[-1][0]) <= 3 and kept[-1][1] < 50 and kept[-2][0][-1:] in ";:.,":
        kept.pop()
    while len(kept) >= 2 and len(kept[0][0]) <= 4 and kept[0][1] < 40 and not _WORDLIKE.fullmatch(kept[0][0]):
        kept.pop(0)
    return kept


_WORDLIKE = re.compile(r"\w+[.,;:]?")
_MARKER = re.compile(r"^\(?(?:\d{1,2}|[a-zA-Z])[.)]$")


def reattach_markers(lines: list[Line]) -> list[Line]:
    """Put list markers back at the head of their items. With hanging
    indents Tesseract often reads the column of markers ("1." "2." "3.") as a
    block of its own, away from the text; each marker belongs to the line to
    its right at the same height."""
    markers = [ln for ln in lines if len(ln.words) == 1 and _MARKER.match(ln.words[0][0])]
    taken: set[int] = set()
    for m in markers:
        middle = (m.top + m.bottom) / 2
        height = m.bottom - m.top
        beside = [ln for ln in lines if ln is not m and ln not in markers and id(ln) not in taken
                  and ln.top - height / 2 <= middle <= ln.bottom + height / 2
                  and 0 <= ln.left - m.right <= 6 * height]
        if beside:
            target = min(beside, key=lambda ln: ln.left - m.right)
            target.words.insert(0, m.words[0])
            target.left = m.left
            taken.add(id(target))
            m.words = []
    return [ln for ln in lines if ln.words]
