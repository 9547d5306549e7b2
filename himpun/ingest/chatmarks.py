"""Chat markup in forwarded messages and social-media posts: keycap digits as
list numbers (`1️⃣ Ikut kampanye` -> `1. Ikut kampanye`), emoji bullets as a
dash (`▪️ UU No. 20` -> `- UU No. 20`), WhatsApp emphasis (`*DILARANG:*`,
`_Sumber_`) unwrapped, and the other pictographs dropped. A summary that an
agency's staff forward in a WhatsApp group states the same rules as the
circular, and the parser reads its lists like any other."""
from __future__ import annotations

import re

# pictographs and the marks that build them: arrows, dingbats, geometric shapes, emoji, variation selectors
# (not the box-drawing characters U+2500-257F: a table drawn with them is read back by himpun/ingest/tables.py)
_PICTO = ("\u203c\u2049\u2122\u2139\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u2580-\u27bf\u2900-\u297f\u2b00-\u2bff\u3030"
          "\u303d\U0001f000-\U0001faff\ufe0e\ufe0f\u20e3")
_ANY_PICTO = re.compile(f"[{_PICTO}]")
_KEYCAP = re.compile(r"(?m)^([ \t]*)((?:\d\ufe0f?\u20e3)+)[ \t]*")  # 1️⃣1️⃣: eleven
_TEN = re.compile(r"(?m)^([ \t]*)\U0001f51f[ \t]*")
_BULLET = re.compile(rf"(?m)^([ \t]*)[{_PICTO}]+[ \t]+(?=\S)")
_REST = re.compile(rf"[ \t]*[{_PICTO}]+")
_BETWEEN = re.compile(rf"(?<=\S)[{_PICTO}]+(?=\S)")  # "ASN→netral": a space, not nothing
# *bold* and _italic_ around words (not a footnote's "*)", a blank "___/___", or `_` inside a name)
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*)])([^*\n]*?[^\s*])\*(?![\w*)])"
                       r"|(?<![\w_])_(?=[^\s_/])([^_\n]*?[^\s_/])_(?![\w_/])")


# a message of a chat export, at its time stamp and its sender: Android's "09/09/24 08.05 - Dede Sekcam: ...",
# "9/9/24 8:05 AM - Dede: ...", iOS's "[9/9/24, 08.05.12] Dede: ...", a forward's "[07.52, 30/8/2024] Kasubbag Umum: ..."
# (not an agenda's "12/10/2024 10.00 - 12.00 WIB rapat koordinasi")
CHAT_LINE = re.compile(r"^[ \t]*(?:\d{1,2}/\d{1,2}/(?:\d{2}|\d{4}),?[ \t]+\d{1,2}[.:]\d{2}(?:[ \t]?(?:AM|PM|am|pm))?[ \t]+-[ \t]"
                       r"|\[(?:\d{1,2}/\d{1,2}/(?:\d{2}|\d{4}),?[ \t]+\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:[ \t]?(?:AM|PM|am|pm))?"
                       r"|\d{1,2}[.:]\d{2}(?:[.:]\d{2})?,[ \t]*\d{1,2}/\d{1,2}/(?:\d{2}|\d{4}))\][ \t]*)(?!\d)[^\n:]{1,60}:", re.M)


def unchat(text: str) -> str:
    """`text` with chat markup turned into plain list markers and words (unchanged when it has none)."""
    if text.isascii():
        return _EMPHASIS.sub(_unwrap, text) if ("*" in text or "_" in text) else text
    if _ANY_PICTO.search(text):
        text = _KEYCAP.sub(lambda m: f"{m.group(1)}{''.join(ch for ch in m.group(2) if ch.isdigit())}. ", text)
        text = _TEN.sub(r"\g<1>10. ", text)
        text = _BULLET.sub(r"\1- ", text)
        text = _REST.sub("", _BETWEEN.sub(" ", text))
    return _EMPHASIS.sub(_unwrap, text)


def _unwrap(m: re.Match) -> str:
    return m.group(1) if m.group(1) is not None else m.group(2)
