"""Tables drawn with characters, read back as text: the ASCII boxes of a
word processor's plain-text export (`+----+----+` rules between rows, `|`
between cells) and Markdown tables (`| --- |` under the header). A row's
cell may run over several lines; its text is gathered column by column, so
that a list inside a cell ("a) ... b) ...") stays a list, and each cell
becomes a paragraph of its own, row after row, headed by its column's name
when the table has a header row ("BENTUK PELANGGARAN: ...", "JENIS SANKSI:
..."), as the reader of the table would say it. A short first cell that is
a row number ("1.") goes in front of the row. Lines outside tables are left
as they are."""
from __future__ import annotations

import re

_RULE = re.compile(r"^\s*\+(?:[-=]+\+)+\s*$")  # +----+------+
_MD_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$")  # | --- | :---: |
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]?$")
MIN_ROWS = 2


def untable(lines: list[str]) -> list[str]:
    """The lines with every character-drawn table turned into paragraphs."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (_ROW.match(lines[j]) or _RULE.match(lines[j]) or _MD_RULE.match(lines[j])):
            j += 1
        block = lines[i:j]
        if sum(1 for ln in block if _ROW.match(ln) and not _MD_RULE.match(ln)) >= MIN_ROWS:
            out += _paragraphs(block)
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def _paragraphs(block: list[str]) -> list[str]:
    markdown = any(_MD_RULE.match(ln) for ln in block) and not any(_RULE.match(ln) for ln in block)
    groups: list[list[list[str]]] = []  # rows, each a list of physical lines split into cells
    current: list[list[str]] = []
    for ln in block:
        if _RULE.match(ln) or _MD_RULE.match(ln):
            if current:
                groups.append(current)
            current = []
            continue
        cells = [c.strip() for c in ln.strip()[1:-1].split("|")]
        if markdown:  # one line, one row
            groups.append([cells])
        else:
            current.append(cells)
    if current:
        groups.append(current)
    header: list[str] = []
    if len(groups) >= 2 and all(_is_label(c) for row in groups[0] for c in row if c):
        first = groups.pop(0)
        header = [" ".join(_cells(first, k)) for k in range(max(len(r) for r in first))]
    out: list[str] = []
    for rows in groups:
        width = max(len(r) for r in rows)
        columns = [(_cells(rows, k), header[k] if k < len(header) else "") for k in range(width)]
        columns = [(c, h) for c, h in columns if c]
        number = ""
        if len(columns) > 1 and len(columns[0][0]) == 1 and _ROW_NUMBER.match(columns[0][0][0]):
            number = columns[0][0][0] + " "
            columns = columns[1:]
        for n, (col, head) in enumerate(columns):
            # a cell under its column's name: "1. BENTUK PELANGGARAN: Kegiatan tatap muka:", "JENIS SANKSI: ..."
            lead = (number if n == 0 else "") + (f"{head}: " if head else "")
            out += [lead + col[0]] + col[1:]
            out.append("")
    return out


def _cells(rows: list[list[str]], k: int) -> list[str]:
    """The non-empty texts of column `k` over a row's physical lines."""
    return [r[k] for r in rows if k < len(r) and r[k]]


def _is_label(cell: str) -> bool:
    """A header cell: a few words, not a row number ("1.") and not a sentence or list item (".", ";")."""
    return len(cell.split()) <= 6 and not _ROW_NUMBER.match(cell) and not cell.endswith((".", ";", ","))
