"""Clause text as a quotation: whitespace collapsed, its own quotation marks
made to nest inside the quote that shows it, and a list item or a second act
of a sentence given the words that govern it (the record's `context`: the
list's lead-in "ASN dilarang:", the sentence head "Para ASN juga dilarang").

A clause cut from a news report often carries the report's own marks: the
opening mark of a quotation whose closing mark lies in a later sentence
(`"ASN dilarang ikut kampanye`), or the closing mark and the speech tag of one
opened earlier (`... fasilitas negara," jelasnya.`). Shown inside "...", such
marks would double or never close. `clean` drops marks that enclose the whole
text, balances a lone mark (dropping one that opens the text, opening one that
only closes), and turns the marks left into single ones ('...'), which nest.
"""
from __future__ import annotations

import re

_DOUBLE = "\"“”„‟«»"
_OPEN = "\"“„‟«"
CONTEXT_WIDTH = 45  # characters of a long lead-in kept, its end (the governing words are at its end)


def _marks(text: str) -> int:
    return sum(text.count(ch) for ch in _DOUBLE)


def _strip_enclosing(text: str) -> str:
    """Without the marks around the whole text (`"ASN dilarang ikut kampanye."`), when they are its only ones."""
    if len(text) >= 2 and text[0] in _OPEN and text[-1] in _DOUBLE and _marks(text) == 2:
        return text[1:-1].strip()
    return text


def balance(text: str) -> str:
    """The text with its quotation marks nesting inside a double-quoted quote."""
    text = " ".join(text.split())
    text = _strip_enclosing(text)
    if _marks(text) % 2:
        if text[:1] in _OPEN:
            text = text[1:].lstrip()  # a quotation that closes in a later sentence
        else:
            text = '"' + text  # a quotation opened in an earlier sentence
        text = _strip_enclosing(text)
    return re.sub(f"[{_DOUBLE}]", "'", text)


def with_context(text: str, context: str | None) -> str:
    """A clause that is a list item or the second act of a sentence, with its
    governing words before it ("Para ASN juga dilarang … menggunakan atribut.")."""
    context = " ".join((context or "").split())
    if not context:
        return text
    if len(context) > CONTEXT_WIDTH:
        cut = context[-CONTEXT_WIDTH:]
        context = "… " + (cut.split(" ", 1)[1] if " " in cut else cut)
    return f"{context} … {text}"


def clean(text: str, context: str | None = None) -> str:
    """A clause as a full quotation (for exports): balanced marks, with its lead-in."""
    return with_context(balance(text), balance(context) if context else None)


def shorten(text: str, width: int) -> str:
    """A quotation cut at a word to at most `width` characters (for tables and the rulebook)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rsplit(" ", 1)[0] + " …"
