"""Tables on a scanned page, found from the boxes of Tesseract's words.

Tesseract reads a table with bordered cells (a notice's `YANG BOLEH / YANG
TIDAK BOLEH DILAKUKAN`, a circular's `JENIS PELANGGARAN | SANKSI`) as lines
that run across the cells: "Menggunakan hak pilih di TPS pada 27 Ikut
kampanye pasangan calon, termasuk pada", the left cell's words and the right
cell's in one line. What gives the table away is the gutter: an empty column
of the page, wider than any space between words, that several lines in a row
leave free and no word of theirs crosses. Such a run of lines is written out
as a character-drawn table (`| cell | cell |` lines, `+---+` rules between
rows), which himpun/ingest/tables.py turns into one paragraph per cell under
its column's name, as for a table in a text file. Rows are told apart by the
wider space between them than between the lines of one cell; a first line
in capitals is the header row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

GUTTER = 1.5  # a space between words this many line heights wide may be a gutter
ROW_GAP = 0.5  # a vertical space this many line heights high after a table's last line ends the table
RUN_GAP = 2.0  # a vertical space this many line heights high ends a table
ROW_PITCH = 1.3  # a line this many times the table's line pitch below the line before starts a row
MIN_SPLIT = 3  # lines split by a gutter that make a table
MIN_WORDS = 2  # words a line of a cell has on average, in every column of a table
BORDERS = {"|", "[", "]", "¦", "!", "I|", "|I", "||"}  # a cell border Tesseract read as a word


@dataclass
class Word:
    text: str
    conf: float
    left: int
    top: int
    right: int
    bottom: int


# a line of words: (its key (block, paragraph, line), its words)
RawLine = tuple[tuple, list[Word]]


def find_tables(lines: list[RawLine]) -> list[RawLine]:
    """The lines with every table turned into lines of a character-drawn table
    (keys ("table", n, i)), put where the table's first line was."""
    if sum(1 for _, ws in lines if ws) < MIN_SPLIT:
        return lines
    height = median(w.bottom - w.top for _, ws in lines for w in ws)
    order = sorted(range(len(lines)), key=lambda i: min(w.top for w in lines[i][1]))
    gaps = {i: _gaps(lines[i][1], height) for i in order}
    placed: dict[int, list[RawLine]] = {}
    taken: set[int] = set()
    tried: set[int] = set()
    n = 0
    for pos, i in enumerate(order):
        if i in taken or i in tried or not gaps[i]:
            continue
        for gap in gaps[i]:
            run = _run(lines, order, pos, gap, gaps, height, taken | tried)
            if not run:
                continue
            members, gutters = run
            rows = _rows([lines[k][1] for k in members], gutters, height) if len(gutters) <= 3 else []
            if not rows or not _cells_of_text(rows, len(gutters) + 1):
                tried |= set(members)  # (no table: its lines are not tried again, from another of its gaps)
                continue
            words = [w for k in members for w in lines[k][1]]
            box = (min(w.left for w in words), min(w.top for w in words),
                   max(w.right for w in words), max(w.bottom for w in words))
            conf = round(sum(w.conf for w in words) / len(words), 1)  # (the drawing's marks count as read as its words)
            placed[min(members)] = [(("table", n, j), [Word(t, conf, *box) for t in text.split()])
                                    for j, text in enumerate(_draw(rows, len(gutters) + 1))]
            taken |= set(members)
            n += 1
            break
    if not placed:
        return lines
    out: list[RawLine] = []
    for i, line in enumerate(lines):
        if i in placed:
            out += placed[i]
        elif i not in taken:
            out.append(line)
    return out


def _solid(words: list[Word]) -> list[Word]:
    """The words that are not a border read as a word."""
    return [w for w in words if w.text not in BORDERS]


def _gaps(words: list[Word], height: float) -> list[tuple[int, int]]:
    """The spaces in a line wide enough to be a gutter (a border read as a word counts as space)."""
    solid = _solid(words)
    return [(a.right, b.left) for a, b in zip(solid, solid[1:]) if b.left - a.right >= GUTTER * height]


def _split_at(words: list[Word], lo: float, hi: float, height: float) -> float | None:
    """Where the line is cut at the gutter [lo, hi], or None when it does not keep the gutter free:
    a word covers all of it, or the line has words on both sides with no more than a word space
    between them there (and no border read as a word)."""
    solid = sorted(_solid(words), key=lambda w: w.left)
    if not solid:
        return (lo + hi) / 2  # a line of borders only
    quarter = (hi - lo) / 4
    if solid[0].left >= hi - quarter:
        return lo  # all in the columns to the right
    if solid[-1].right <= lo + quarter:
        return hi  # all in the columns to the left
    best = None
    for a, b in zip(solid, solid[1:]):
        if a.right < hi and b.left > lo and (best is None or b.left - a.right > best[1] - best[0]):
            best = (a.right, b.left)
    if best is None:
        return None
    a, b = best
    border = any(a - 2 <= (w.left + w.right) / 2 <= b + 2 for w in words if w.text in BORDERS)
    return (a + b) / 2 if b - a >= GUTTER * height or border else None


def _run(lines, order, pos, gap, gaps, height, taken):
    """The vertical run of lines around order[pos] that keep the gutter `gap` free: (members, gutters)."""
    lo, hi = gap
    members = [order[pos]]
    for step in (-1, 1):
        k = pos + step
        while 0 <= k < len(order) and order[k] not in taken and _split_at(lines[order[k]][1], lo, hi, height) is not None \
                and _apart(lines[order[k - step]][1], lines[order[k]][1]) <= RUN_GAP * height:
            for a, b in gaps[order[k]]:  # narrow the gutter to what the split lines all leave free
                if min(hi, b) - max(lo, a) >= 0.25 * height:
                    lo, hi = max(lo, a), min(hi, b)
            members.append(order[k])
            k += step
    members.sort(key=lambda i: min(w.top for w in lines[i][1]))
    while members and not gaps[members[0]]:  # a table starts with a line that spans its columns
        members.pop(0)
    # the text after a table that keeps to its first column is no part of it
    while len(members) > 1 and not gaps[members[-1]] and all(w.right <= hi for w in lines[members[-1]][1]) \
            and min(w.top for w in lines[members[-1]][1]) - max(w.bottom for w in lines[members[-2]][1]) > ROW_GAP * height:
        members.pop()
    if sum(1 for m in members if gaps[m]) < MIN_SPLIT:
        return None
    gutters = [(lo, hi)] + _more_gutters(lines, members, gaps, (lo, hi), height)
    return members, sorted(gutters)


def _apart(a: list[Word], b: list[Word]) -> float:
    """The vertical space between two lines (0 where they overlap)."""
    if not a or not b:
        return 0.0
    return max(0, max(min(w.top for w in b) - max(w.bottom for w in a), min(w.top for w in a) - max(w.bottom for w in b)))


def _more_gutters(lines, members, gaps, first, height):
    """The other gutters of a table of three or more columns: gaps of at least MIN_SPLIT of its lines
    that every one of its lines leaves free."""
    out = []
    spans = sorted(g for m in members for g in gaps[m] if g[1] <= first[0] or g[0] >= first[1])
    while spans:
        lo, hi = spans.pop(0)
        support = 1
        for a, b in list(spans):
            if min(hi, b) - max(lo, a) >= 0.25 * height:
                lo, hi = max(lo, a), min(hi, b)
                support += 1
                spans.remove((a, b))
        if support >= MIN_SPLIT and all(_split_at(lines[m][1], lo, hi, height) is not None for m in members):
            out.append((lo, hi))
    return out


def _rows(lines: list[list[Word]], gutters: list[tuple[float, float]], height: float) -> list[list[list[str]]]:
    """The table's rows, each a list of physical lines, each a list of cell texts.

    Lines of one cell follow each other at the text's line pitch; a row's border and padding add to
    it. So a line starts a new row when, in every column it has words in, it stands further below
    the line before than ROW_PITCH times the table's pitch (the lower quartile of its steps; measured
    column by column: on a photographed page a line's two ends are not at one height). A table whose every cell is
    one line shows no such step; its rows start where each column's text starts with a capital."""
    physical = []
    for ws in lines:
        splits = [_split_at(ws, lo, hi, height) or (lo + hi) / 2 for lo, hi in gutters]
        cells: list[list[Word]] = [[] for _ in range(len(gutters) + 1)]
        for w in _solid(ws):
            cells[sum(1 for x in splits if (w.left + w.right) / 2 > x)].append(w)
        tops = {k: min(w.top for w in c) for k, c in enumerate(cells) if c}
        if tops:
            physical.append((min(tops.values()), tops, [" ".join(w.text for w in c) for c in cells]))
    physical.sort(key=lambda p: p[0])
    paired = list(_with_last(physical))
    steps = [t - last[k] for (_, tops, _), last in paired for k, t in tops.items()
             if k in last and t - last[k] >= height / 2]
    pitch = sorted(steps)[len(steps) // 4] if steps else height  # (a quartile: OCR's broken lines step less)

    def stepped(tops, last):
        shared = [k for k in tops if k in last]
        return bool(shared) and all(tops[k] - last[k] > ROW_PITCH * pitch for k in shared)

    by_pitch = any(stepped(tops, last) for (_, tops, _), last in paired)
    rows: list[list[list[str]]] = []
    for (_, tops, texts), last in paired:
        if by_pitch:
            new = stepped(tops, last)
        else:
            new = all(texts[k][:1].isupper() or _ITEM.match(texts[k]) for k in tops)
        if not rows or new:
            rows.append([])
        rows[-1].append(texts)
    if rows and _capitals(rows[0][0]):
        if len(rows[0]) > 1:
            rows.insert(1, rows[0][1:])  # the header, set closer to the first row than rows are to each other
            rows[0] = rows[0][:1]
    elif rows:
        rows.insert(0, [[""] * len(rows[0][0])])  # no header: an empty one, so that no row is taken for it
    return rows


def _with_last(physical):
    """Each physical line with the top of the line before it in each column."""
    last: dict[int, int] = {}
    for item in physical:
        yield item, dict(last)
        last.update(item[1])


def _cells_of_text(rows: list[list[list[str]]], width: int) -> bool:
    """Whether every column holds running text (MIN_WORDS words a line on average), as the cells of
    a table of rules do; not a column of labels beside their values (`Nomor` / `Sifat` / `Hal`,
    `KESATU` / `KEDUA`, `Menimbang` / `Mengingat`), which reads well as it is."""
    for k in range(width):
        pieces = [cells[k] for row in rows for cells in row if cells[k].strip()]
        if len(pieces) < 2 or sum(len(p.split()) for p in pieces) < MIN_WORDS * len(pieces):
            return False
    return 2 <= width <= 4


def _capitals(cells: list[str]) -> bool:
    """A header line: two or more cells of a few words, each word capitalised ("YANG TIDAK BOLEH
    DILAKUKAN", "Jenis Pelanggaran"), none ending as a sentence or item does."""
    filled = [c.split() for c in cells if c.strip()]
    return len(filled) >= 2 and all(len(ws) <= 6 and all(w[:1].isupper() or not w[:1].isalpha() for w in ws)
                                    and not ws[-1].endswith((".", ";", ",")) for ws in filled)


_ITEM = re.compile(r"^(?:\(?(?:\d{1,2}|[a-zA-Z])[.)]|[-•*–])\s")


def _draw(rows: list[list[list[str]]], width: int) -> list[str]:
    """The rows as a character-drawn table. The lines of one cell are joined into one (a word broken
    at a line end too), except where a list item starts, so that a cell reads as the text it is."""
    rule = "+" + "+".join(["---"] * width) + "+"
    out = [rule]
    for row in rows:
        columns = []
        for k in range(width):
            texts: list[str] = []
            for cells in row:
                piece = cells[k].strip()
                if not piece:
                    continue
                if texts and not _ITEM.match(piece):
                    if texts[-1].endswith("-") and piece[:1].islower():
                        texts[-1] = texts[-1][:-1] + piece
                    else:
                        texts[-1] += " " + piece
                else:
                    texts.append(piece)
            columns.append(texts)
        for i in range(max(1, max(len(c) for c in columns))):
            out.append("| " + " | ".join(c[i] if i < len(c) else " " for c in columns) + " |")
        out.append(rule)
    return out
