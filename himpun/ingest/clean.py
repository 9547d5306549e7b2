"""Text cleaning between reading and parsing.

Each step is a plain function of a string, so each can be tested alone:
unicode normalisation, OCR digit/letter confusions inside numbers and words,
web furniture, related-article headlines dropped into the body, hyphenated
line ends and hard line wraps. Clause offsets refer to the cleaned text,
which is what the catalog stores as a page's text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from himpun.data import words
from himpun.ingest.chatmarks import CHAT_LINE, unchat
from himpun.ingest.chrome import heads_comment, heads_link_list, is_chrome_line, is_link_item
from himpun.ingest.dictionary import is_word, known
from himpun.ingest.tables import untable


@dataclass
class Cleaned:
    text: str
    dropped: list[str] = field(default_factory=list)  # furniture and headline lines removed


def clean_page(text: str, ocr: bool = False) -> Cleaned:
    """`ocr`: the text was read by OCR, which also breaks words apart ("Peratur an")."""
    text = unchat(normalise_unicode(text))
    if ocr:
        text = _OCR_BANG.sub("", fix_c_for_d(fix_split_words(text)))
    text = "\n".join(untable(fix_ocr_confusions(text).split("\n")))  # before a table's "| 1. |" looks like specks
    text = _STRAY_BEFORE_MARKER.sub("", text)
    lines, dropped = drop_furniture(text.split("\n"))
    lines, headlines = drop_inline_headlines(lines)
    text = fix_list_punctuation(join_wrapped_lines(repair_list_markers(lines)))
    return Cleaned(text=text.strip("\n"), dropped=dropped + headlines)


# a stray mark in front of a list marker: "'b. berfoto" (dirt read by OCR)
_STRAY_BEFORE_MARKER = re.compile(r"(?m)^[ ]*['\"`|.,]+[ ]*(?=(?:\d{1,2}|[a-z])[.)] )")

_TRANSLATE = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\t": " ",
})
_DASH_IN_WORD = re.compile(r"(?<=\w)[\u2012\u2013\u2014\u2015](?=\w)")
_SPACES = re.compile(r"(?<=\S)[ ]{2,}")
# a line's indent, kept short: one space for up to three, then one more for every four, at most four (enough to
# tell a list item's hanging indent, "    m.  memberikan ..." / "        Daerah ...", from the next paragraph)
_INDENT = re.compile(r"(?m)^[ ]{2,}")


def normalise_unicode(text: str) -> str:
    """NFKC, one kind of quote and space, no invisible characters, and a
    plain hyphen for dashes inside numbers and words (`800–5474`)."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _DASH_IN_WORD.sub("-", text)
    text = _INDENT.sub(lambda m: " " * min(1 + len(m.group(0)) // 4, 4), text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


_TOKEN = r"[0-9A-Za-z$|]+(?:[./\-][0-9A-Za-z$|]+)*"
# a token whose run of token characters holds two digits: every token `fix_token` may change, with
# its span (and the odd shorter one it leaves as it is), without a call for every word of the text
_NUMBERISH = re.compile(r"(?<![\w$|])(?=[0-9A-Za-z$|./\-]*?[0-9][0-9A-Za-z$|./\-]*?[0-9])" + _TOKEN)
_DIGIT_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_COMPONENT = re.compile(r"[0-9OolI|]+")
# each pattern starts with the character it replaces (the letters before it are looked at from
# behind it), so that re looks for that character instead of trying every position
_IN_WORD = [
    (re.compile(r"0(?<=[A-Z]0)(?=[A-Z])"), "O"),
    (re.compile(r"\$(?<=[A-Za-z]\$)(?=[A-Za-z])"), "S"),
    (re.compile(r"1(?<=[a-z]1)(?=[a-z])|1(?<=[a-z]{3}1)(?=[\s.,;:)]|$)"), "l"),  # me1akukan, sosia1.
    (re.compile(r"l(?<=[A-Z][A-Z]l)(?=[A-Z])|l(?<=[A-Z]l)(?=[A-Z][A-Z])"), "I"),  # SEKRETARlS
]
_MONTHS = (r"Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|Nopember|November|"
           r"Desember")
# the day of a date, one digit misread: `2l November`, `3O September`
_DAY = re.compile(rf"(?<![\w/.])(?=[0-9OolI|]{{0,1}}[0-9])[0-9OolI|]{{1,2}}(?=\s+(?i:{_MONTHS})\b)")


# a number glued by OCR to the word after it ("Nomor 071/PM.00.02/K.KB-12/09/2024tanggal 10 September")
_GLUED_WORD = re.compile(r"(?<=\d)(?=(?:tanggal|tentang|perihal|tertanggal)\b)")
# a number OCR split with a space after one of its dots or dashes: a classification code before a
# slash code (`800.1.6. 3/2781/BKPSDM/2024`), a figure after `Nomor` before `Tahun` (`Nomor 800- 5474
# Tahun 2022`), and `Tahun- 2022`
_SPLIT_NUMBER = [
    (re.compile(r"(?<![\w./-])(\d{3}(?:\.\d{1,3})*\.) (?=\d{1,3}(?:\.\d{1,3})*/[\w.-]+/)"), r"\1"),
    (re.compile(r"(?i:(?<=nomor )|(?<=no\. ))(\d{1,4}[.-]) (?=\d{2,5} (?i:tahun) (?:19|20)\d\d\b)"), r"\1"),
    (re.compile(r"\b((?i:tahun))- (?=(?:19|20)\d\d\b)"), r"\1 "),
]


def fix_ocr_confusions(text: str) -> str:
    """Undo OCR's letter/digit swaps where the context is unambiguous.

    In a number (a token with at least two digits), a part made only of
    digits and look-alikes (O, o, D, l, I, |) becomes digits: `2Ol4` -> `2014`,
    `1447.1/PM.O1/K.1` -> `1447.1/PM.01/K.1`. Inside a word, a digit between
    letters becomes the letter: `N0MOR` -> `NOMOR`, `A$N` -> `ASN`. A space
    OCR put inside a number after a dot or dash goes: `800.1.6. 3/2781/BKPSDM`
    -> `800.1.6.3/2781/BKPSDM`, `Nomor 800- 5474 Tahun 2022` -> `Nomor 800-5474
    Tahun 2022`.
    """
    def fix_token(m: re.Match) -> str:
        tok = m.group(0)
        if sum(ch.isdigit() for ch in tok) < 2:
            return tok
        parts = re.split(r"([./\-])", tok)
        out = []
        for part in parts:
            if _COMPONENT.fullmatch(part) and any(ch.isdigit() for ch in part) and not part.isdigit():
                part = part.translate(_DIGIT_LOOKALIKE)
            out.append(part)
        return "".join(out)

    if "tanggal" in text or "tentang" in text or "perihal" in text:
        text = _GLUED_WORD.sub(" ", text)
    text = _NUMBERISH.sub(fix_token, text)
    if ". " in text or "- " in text:
        for pattern, repl in _SPLIT_NUMBER:
            text = pattern.sub(repl, text)
    if _DIGIT_NEXT_TO_O.search(text):  # what every match of _SHORT_NUMBER holds; most texts have none
        text = _SHORT_NUMBER.sub(lambda m: m.group(0).translate(_DIGIT_LOOKALIKE), text)
    text = _DAY.sub(lambda m: m.group(0).translate(_DIGIT_LOOKALIKE), text)
    for pattern, repl in _IN_WORD:
        text = pattern.sub(repl, text)
    return fix_split_letters(fix_capital_i(fix_rn(text)))


# `1O Tahun`, `Nomor 2O`: one digit and an O, before `Tahun` or after `Nomor`/`No.` (a longer number is fixed above)
_SHORT_NUMBER = re.compile(r"(?<![\w$|])(?=[0-9Oo]*[0-9])(?=[0-9]*[Oo])[0-9Oo]{2,4}(?=\s+(?i:tahun)\b)"
                           r"|(?:(?<=(?i:nomor) )|(?<=(?i:nomer) )|(?<=(?i:no\.) ))"
                           r"(?=[0-9Oo]*[0-9])(?=[0-9]*[Oo])[0-9Oo]{2,4}(?![\w/.-])")
_DIGIT_NEXT_TO_O = re.compile(r"[0-9][Oo]|[Oo][0-9]")
_RN_WORD = re.compile(r"(?<![\w-])[A-Za-z]*rn[A-Za-z]*(?![\w-])")
_SPLIT_LETTERS = re.compile(r"(?<![\w.])(?:[A-Za-z] ){3,}[A-Za-z](?![\w.])")


def fix_rn(text: str) -> str:
    """`m` read as `rn`: `rnenjadi` -> `menjadi`, `Pernerintah` -> `Pemerintah`, when the word is not
    in the dictionary and the word with `m` is (`pernah`, `warna`, `internal` stay)."""
    def repair(m: re.Match) -> str:
        word = m.group(0)
        if len(word) < 4 or known(word):
            return word
        candidate = word.replace("rn", "m")
        return candidate if is_word(candidate) else word
    return _RN_WORD.sub(repair, text) if "rn" in text else text


# a word with a capital I at its start or after a small letter, before a small letter: "boIeh", "Iarangan"
_I_WORD = re.compile(r"(?<![\w-])[a-z]*I[a-z][A-Za-z]*(?![\w-])")
_I_FOR_L = re.compile(r"(?:(?<=[a-z])|^)I(?=[a-z])")


def fix_capital_i(text: str) -> str:
    """`l` read as `I`: `tidak boIeh` -> `tidak boleh`, `Iarangan` -> `larangan`, when the word is not in
    the dictionary and the word with `l` is (`Ini`, `Ibu`, `LinkedIn` stay)."""
    def repair(m: re.Match) -> str:
        word = m.group(0)
        if (word[0] == "I" and len(word) < 5) or known(word) or is_word(word):  # "Iis", "Iin": names
            return word
        candidate = _I_FOR_L.sub("l", word)
        return candidate if candidate != word and is_word(candidate) else word
    return _I_WORD.sub(repair, text) if "I" in text else text


def fix_split_letters(text: str) -> str:
    """A word typed or read letter by letter: `untuk t i d a k :` -> `untuk tidak :`, when it is a word."""
    def join(m: re.Match) -> str:
        word = m.group(0).replace(" ", "")
        return word if is_word(word) else m.group(0)
    return _SPLIT_LETTERS.sub(join, text)


# an "!" glued to a word inside a sentence is a speck of OCR, not an exclamation: before a word in lowercase
# ("mengenai! keterlibatan"), or inside a title ("calon Presiden dan Wakil! Presiden"); "netral! Jangan" exclaims
_OCR_BANG = re.compile(r"(?<=[a-z])!(?=[ \t]+[a-z])|(?:(?<=\bWakil)|(?<=\bCalon)|(?<=\bKepala)|(?<=\bKetua))!(?=[ \t]+[A-Z])")
# a faint "d" read as "C" in the words a rule turns on: "Cilarang", "Cimaksud" (a closed list: Sundanese place names,
# Cianjur, Cikarang, Cimahi, begin with "Ci" too)
_C_FOR_D = re.compile(r"(?<![\w-])(?<!Jl\. )(?<!Jalan )(?<!Gang )C(?=(?:ilarang|imaksud|iberhentikan|ijatuhi|ijatuhkan|"
                      r"ikenakan|ikenai|itetapkan|iberikan|iharapkan|iminta|iwajibkan|engan|alam)(?![\w-]))")


def fix_c_for_d(text: str) -> str:
    """`PNS, ... Cilarang memberikan dukungan` -> `dilarang`; capital `D` at the start of a sentence."""
    def repl(m: re.Match) -> str:
        before = text[:m.start()].rstrip(" \t")
        return "d" if before and (before[-1].islower() or before[-1] in ",;") else "D"
    return _C_FOR_D.sub(repl, text) if "C" in text else text


_SPLIT_WORD = re.compile(r"(?<![\w-])([A-Za-z][a-z]{2,})[ ](?=([a-z]{1,8})(?![\w-]))")  # (the tail looked at, not taken)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(words("stopwords.txt")) | {"ya", "pun", "lah", "kah", "tah", "dong", "kok", "sih", "deh", "nah"}


def fix_split_words(text: str) -> str:
    """A space OCR put inside a word: `Peratur an` -> `Peraturan`, `pela nggaran` -> `pelanggaran`,
    when neither piece is a root word of the dictionary and the two together make a word
    (`lapor an`, `ter hadap` and `mobil dinas` stay)."""
    def join(m: re.Match) -> str:
        head, tail = m.group(1), m.group(2)
        marker = len(tail) == 1 and text[m.end() + 1:m.end() + 2] in (".", ")")  # ("tersebut a. memasang": an item)
        if marker or tail in _function_words() or head.lower() in _function_words() or known(head) \
                or known(tail) or not is_word(head + tail):
            return m.group(0)  # ("berada di", "bersama di", "mengatakan ya": a function word is a word of its own)
        return head
    return _SPLIT_WORD.sub(join, text)


def drop_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove lines that are page furniture (see himpun/data/web_chrome.txt),
    lines of specks: no letter or digit (". ;" left by a scan's dirt), and
    the headlines listed under "Berita Terkait" or "Terpopuler" in a page
    copied as text, and readers' comments ("@user 2 minggu yang lalu ...")."""
    kept, dropped = [], []
    links = False  # under the heading of a list of links to other stories ("Berita Terkait")
    comment = 0  # lines left of a reader's comment: its head and up to two short lines, down to a blank line
    for line in lines:
        if heads_comment(line):
            comment = 3
        elif not line.strip() or len(line.strip()) > 160 or (line.rstrip().endswith(".") and len(line.strip()) > 80):
            comment = 0  # (prose is no comment's line)
        in_comment = comment > 0
        comment = max(0, comment - 1)
        if line.strip() and (in_comment or is_chrome_line(line) or not any(ch.isalnum() for ch in line)
                             or (links and is_link_item(line))):
            dropped.append(line.strip())
            links = links or heads_link_list(line)
        else:
            kept.append(line)
            links = links and not line.strip()  # (a blank line between the heading and its list)
    return kept, dropped


_TERMINAL = tuple('.!?:;"\'…)')


def _is_prose(line: str) -> bool:
    s = line.strip()
    return len(s) >= 80 and s.endswith(_TERMINAL)


def _looks_like_headline(line: str) -> bool:
    s = line.strip()
    words = s.split()
    if not 4 <= len(words) <= 22 or s.endswith(_TERMINAL) or s.isupper():
        return False
    if re.match(r"^(?:[0-9]{1,2}|[a-zA-Z])[.)]\s", s) or s.startswith(("-", "•", "*")):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(words) >= 0.6


def drop_inline_headlines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove related-article headlines that web pages drop between the
    paragraphs of a story: a short title-case line with no final punctuation
    whose nearest non-blank neighbours on both sides are prose paragraphs."""
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    drop: set[int] = set()
    for k in range(1, len(idx) - 1):
        i = idx[k]
        if _looks_like_headline(lines[i]) and _is_prose(lines[idx[k - 1]]) and _is_prose(lines[idx[k + 1]]):
            drop.add(i)
    return [ln for i, ln in enumerate(lines) if i not in drop], [lines[i].strip() for i in sorted(drop)]


_LIST_START = re.compile(r"^\s*(?:[-•*–]\s|\(?(?:[0-9]{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s)")
_HYPHEN_END = re.compile(r"(?<=[a-z])-$")
# a short end of a sentence after a colon, no item of a list: "7 kasus;", "2 orang."
_TAIL = re.compile(r"^\d[\d.,]*\s+[a-z][a-z ]{0,20}[;.,]$")


# a line that stops on a word that needs more: "... kantor pemerintah dan", "... sebagaimana diatur dalam"
_HANGING = re.compile(r"(?:,|\b(?:dan|atau|serta|di|ke|dari|dalam|kepada|untuk|yang|dengan|pada|oleh|bagi|terhadap|tentang"
                      r"|sebagaimana|antara|maupun|baik|sebagai|karena|agar|atas))$", re.I)
_DATE_LINE = re.compile(rf"^(?:(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu),?\s+)?\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}"
                        rf"(?:[\s,|-]*\d{{1,2}}[:.]\d{{2}}(?:\s*(?:WIB|WITA|WIT))?)?\s*$", re.I)
_CAPTION = re.compile(r"^\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s")  # (a video's on-screen text at its time: "[00:08] ...")
# a table's cell under its column's name (tables.py): "YANG TIDAK BOLEH DILAKUKAN: Memasang ...", "SANKSI: ..."
_LABEL = re.compile(r"^(?:\d{1,3}[.)]? )?[A-Z][A-Z0-9 /().,'\"-]{2,60}:\s")
_FIELD = re.compile(r"^[A-Z][A-Za-z.]{1,15}(?: [A-Za-z]{1,15})?\s*:\s")


# a line cut between a number and its year ("... sesuai PP Nomor 42" / "Tahun 2004 ..."), whatever the lines
# are (a list item without its hanging indent, an OCR paragraph)
_NUMBER_CUT = re.compile(r"\b(?i:nomor|no\.?)\s*\d{1,4}$")
_YEAR_NEXT = re.compile(r"(?i:tahun)\s+(?:19|20)\d\d\b")


def join_wrapped_lines(lines: list[str]) -> str:
    """Join lines that a page layout broke inside a sentence.

    A line ending in `kata-` followed by a lowercase line is one hyphenated
    word. A line with no final punctuation joins the next line when that
    line starts in lowercase, or when it is a long line of running prose
    (60+ characters, mostly lowercase words, so not a title) and the next
    text is not a list item or heading; blank lines that a scan or viewer
    left inside such a sentence are skipped.
    """
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i].rstrip()
        while True:
            j = i + 1
            while j < n and not lines[j].strip() and j - i <= 3:
                j += 1
            if j >= n or not line.strip() or not lines[j].strip():
                break
            nxt = lines[j].strip()
            blank_between = j > i + 1
            stripped = line.strip()
            if _HYPHEN_END.search(stripped) and nxt[:1].islower() and not blank_between:
                line = line[:-1] + nxt
            elif stripped.endswith(":") and _TAIL.match(nxt) and not _LIST_START.match(nxt) and not blank_between:
                line = line + " " + nxt  # "... kampanye pasangan calon:" / "7 kasus;": a count, no list
            elif _NUMBER_CUT.search(stripped) and _YEAR_NEXT.match(nxt):
                line = line + " " + nxt  # "... sesuai PP Nomor 42" / "Tahun 2004 dan/atau ...": one citation
            elif stripped.endswith(_TERMINAL) or _LIST_START.match(nxt) or nxt.isupper() or _LABEL.match(nxt):
                break
            elif _FIELD.match(nxt) or (_FIELD.match(stripped) and not nxt[:1].islower()):
                break  # the fields of a letter's heading ("Nomor : ...", "Hal : ...")
            elif _CAPTION.match(nxt) and _CAPTION.match(stripped):
                break  # a transcript's captions, each at its time ("1:43 pertama jangan ikut kampanye")
            elif blank_between and _LABEL.match(stripped):
                break  # a table's cell is whole (tables.py sets a blank line after it)
            elif _DATE_LINE.match(nxt):
                break  # a page's date stamp under a headline ("Jumat, 18 Oktober 2024 14:32 WIB")
            elif nxt.lstrip("(\"'")[:1].islower() and (not blank_between or len(stripped) >= 60):
                line = line + " " + nxt
            elif CHAT_LINE.match(nxt):
                break  # a chat export's next message, at its time stamp ("09/09/24 08.05 - Dede: ...")
            elif len(stripped) >= 60 and blank_between and nxt[:1].isupper() and _stops_mid_sentence(stripped) \
                    and (not _LIST_START.match(stripped) or _HANGING.search(stripped)):
                # (a list's last item ends without a mark before a sentence, unless it hangs on a word that needs more)
                line = line + " " + nxt
            elif len(stripped) >= 60 and not blank_between and (
                    (not _looks_like_title(stripped)
                     and (not _LIST_START.match(stripped) or _indent(lines[j]) > _indent(line)))
                    or (_LIST_START.match(stripped) and (_next_item_follows(stripped, lines, j)
                                                         or _name_goes_on(stripped, nxt)))):
                # (a list item goes on only over a hanging indent, "m.  memberikan ..." / "    Daerah", or when the
                # next item of its list comes right after, title-cased as a regulation's name may be: a PDF's
                # text has no indents)
                line = line + " " + nxt
            else:
                break
            i = j
        out.append(line)
        i += 1
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text)


_ITEM = re.compile(r"^\s*\(?(?:(?P<num>\d{1,2})|(?P<let>[a-z]))(?P<close>[.)])\s")


def _nearest_item(lines) -> re.Match | None:
    """The marker of the first of `lines` that is a list item."""
    return next((m for m in map(_ITEM.match, lines) if m), None)


def _numbered(m: re.Match) -> bool:
    """Whether an item's marker is a number (1. 2.), not a letter (a. b.): the two kinds of one document's lists."""
    return bool(m.group("num"))


def _name_goes_on(line: str, nxt: str) -> bool:
    """Whether a name cut at the line's end goes on at the next line's start, and the sentence after it ("c. Sdr.
    Syamsul Bahri, ..., Staf Kantor Kecamatan" / "Tanete Riattang Timur yang berdomisili di Sengkang, ...")."""
    end, start = line.split()[-2:], nxt.split()[:6]
    return (len(end) == 2 and end[0][:1].isupper() and end[1] in _AWAITS_NAME and start[0][:1].isupper()
            and start[0][1:].islower() and any(w.islower() for w in start[1:])
            and not is_word(start[0].strip(",.;:")))  # (a name, not "Demikian ..." or "Selanjutnya ...")


# the words of a unit that its name follows ("Kantor Kecamatan" / "Tanete Riattang Timur"), unlike a whole name
# ("Kabupaten Banjar")
_AWAITS_NAME = frozenset(("Kecamatan", "Kabupaten", "Kota", "Provinsi", "Desa", "Kelurahan", "Kampung", "Nagari", "Dinas",
                          "Badan", "Kantor", "Bagian", "Bidang", "Seksi", "Sekolah", "Puskesmas", "Pengadilan"))


def _next_item_follows(item: str, lines: list[str], j: int, within: int = 3) -> bool:
    """Whether the item of a list that `item` opens ("7) mengenakan ...") is followed, after line j
    and at most `within` lines of its own, by the next item of the same list ("8) mengerahkan ...")."""
    m = _ITEM.match(item)
    if not m:
        return False
    want = _next_marker(m.group("num") or m.group("let"))
    following = [k for k in range(j + 1, len(lines)) if lines[k].strip()][:within]  # (OCR leaves blank lines,
    if following and following[0] > j + 1 and lines[j].rstrip().endswith("."):  # but a sentence before them
        return False  # that ends as a sentence is one: "Pelanggaran ... dijatuhi hukuman disiplin berat.")
    for k in following:
        n = _ITEM.match(lines[k])
        if n:
            return (n.group("num") or n.group("let")) == want and n.group("close") == m.group("close")
        if _LIST_START.match(lines[k]):
            return False
    return False


_MARKER_LIKE = re.compile(r"^(\s*)([^\s]{1,3}?)([.,:)-])\s+(?=\S)")  # "Cc." "3:" "J-"
_DIGIT_LIKE = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0", "S": "5", "s": "5", "Z": "2", "z": "2"})


def repair_list_markers(lines: list[str]) -> list[str]:
    """Mend list markers that OCR misread, using the order of the list: after
    "b." a line opening with "Cc." or "c," is item "c."; after "2." one
    opening with "3:" or "S." is item "3.". Only the marker the sequence
    expects is accepted, so ordinary words are left alone."""
    out, expected = [], None
    for i, line in enumerate(lines):
        m = _ITEM.match(line)
        if m:
            expected = _next_marker(m.group("num") or m.group("let"))
        elif line.rstrip().endswith(":") and not _MARKER_LIKE.match(line) and _after_a_full_stop(out):
            expected = None  # a lead-in: a new list follows ("Kami menyatakan:"), not an item's last line
        if not m and not expected and line.strip() and _first_item(line, lines[i + 1:i + 4]):
            bad = _MARKER_LIKE.match(line)  # "1: Tidak akan ..." before "2. Tidak akan ...": the list's first item
            first = "1" if bad.group(2).translate(_DIGIT_LIKE) == "1" else bad.group(2).lower()
            close = _ITEM.match(next(ln for ln in lines[i + 1:i + 4] if ln.strip())).group("close")  # "2." or "2)"
            line = f"{bad.group(1)}{first}{close} {line[bad.end():]}"
            expected = _next_marker(first)
        elif m is None and expected and line.strip():
            bad = _MARKER_LIKE.match(line)
            if bad and _could_be(bad.group(2), expected):
                line = f"{bad.group(1)}{expected}. {line[bad.end():]}"
                expected = _next_marker(expected)
        out.append(line)
    return out


def _after_a_full_stop(before: list[str]) -> bool:
    """Whether the last line with text ends a sentence or an item (or there is none)."""
    last = next((ln for ln in reversed(before) if ln.strip()), "")
    return not last or last.rstrip().endswith(_TERMINAL)


def _first_item(line: str, after: list[str]) -> bool:
    """A line opening with a misread first marker ("1:", "l.", "a,") right before the list's second item."""
    bad = _MARKER_LIKE.match(line)
    nxt = next((ln for ln in after if ln.strip()), "")
    n = _ITEM.match(nxt)
    if not bad or not n:
        return False
    token = bad.group(2)
    return (n.group("num") == "2" and token.translate(_DIGIT_LIKE) == "1") or (n.group("let") == "b" and token in ("a", "A"))


def _next_marker(marker: str) -> str | None:
    if marker.isdigit():
        return str(int(marker) + 1)
    return chr(ord(marker) + 1) if marker < "z" else None


def _could_be(token: str, expected: str) -> bool:
    if expected.isdigit():
        return token.translate(_DIGIT_LIKE) == expected
    return token.lower() in (expected, expected * 2) or (len(token) == 1 and token.lower() == expected)


def fix_list_punctuation(text: str) -> str:
    """A list item that ends in ':' and is followed by a later item of the
    same kind (1. then 2., a. then b.) ends in ';' in legal text: OCR reads
    the semicolon as a colon. So does a line between two items of one list
    whose marker OCR lost ("b. ...:" / "tidak memakai atribut ...:" / "e.
    ..."). An item ending in ':' before a sub-list of the other kind ("2. ASN
    dilarang:" then "a. ..."), or with the words of a lead-in ("dengan
    cara:", "sebagai berikut:"), is a lead-in and stays."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.rstrip()
        if not stripped.endswith(":") or _NESTED_LEAD.search(stripped):
            continue
        own = _ITEM.match(line)
        m = own or _nearest_item(reversed(lines[max(0, i - 5):i]))
        n = _nearest_item(lines[i + 1:i + 8])
        nxt = next((ln for ln in lines[i + 1:] if ln.strip()), "")
        after = _ITEM.match(nxt)
        if not (m and n) or _numbered(m) != _numbered(n):
            continue
        if not own and not after:
            continue  # a line of its own between items: only right before the next one
        if _LIST_START.match(nxt) and not (after and _numbered(after) == _numbered(m)):
            continue  # a sub-list of another kind follows (bullets under "2. Temuan ...:"): a lead-in
        if _label_order(n) > _label_order(m):
            lines[i] = stripped[:-1] + ";" + line[len(stripped):]
    return "\n".join(lines)


# the words that end a lead-in to a sub-list ("n. memberikan dukungan kepada calon ... dengan cara:")
_NESTED_LEAD = re.compile(r"(?i)\b(?:berikut(?: ini)?|antara lain|yaitu|yakni|meliputi|di ?antaranya|terdiri (?:dari|atas)"
                          r"|seperti|dengan cara|berupa|sebagai berikut|dilarang|sebagai)\s*:\s*$")


def _label_order(m: re.Match) -> int:
    return int(m.group("num")) if m.group("num") else ord(m.group("let"))


def _looks_like_title(line: str) -> bool:
    """A headline or heading: nearly every word capitalised."""
    words = line.split()
    return sum(1 for w in words if w[:1].isupper()) / len(words) >= 0.8


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _stops_mid_sentence(line: str) -> bool:
    """A long line of running prose (mostly lowercase words, unlike a title)
    that ends in a word or comma rather than a closing mark."""
    words = line.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return bool(re.search(r"[a-z,]$", line)) and capitalised / len(words) < 0.5
