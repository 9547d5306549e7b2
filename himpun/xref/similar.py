"""The same rule in other documents: clauses whose words are nearly the same.

A clause's text is normalised to its set of content words (lowercase, no
punctuation or digits, no function words). Candidates are found by MinHash
locality-sensitive hashing (datasketch): 64 permutations cut into 16 bands
of 4; two clauses that share a band are candidates, which finds pairs with
a word-set Jaccard similarity of about 0.5 and above without comparing every
pair. Each candidate is then checked exactly: linked when the Jaccard
similarity of the word sets is at least `THRESHOLD`. Band hashes live in the
catalog (`clause_bands`), so a new document is compared with the library in
time that does not grow with the library's size (beyond the index lookup).
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import struct
from functools import lru_cache

from himpun.data import words

NUM_PERM, BANDS = 64, 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.6
MIN_WORDS = 4  # shorter clauses ("ASN dilarang berpolitik") match too much by chance
_WORD = re.compile(r"[a-z]{2,}")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(words("stopwords.txt")) | {"asn", "pns", "pegawai", "dilarang", "tidak", "boleh"}


# where a clause that states its own consequence turns to it ("..., dan ASN yang melanggar dijatuhi
# hukuman disiplin berat"): the words from there on say what it costs, not what is prohibited
_CONSEQUENCE = re.compile(r"[,;]?\s*\b(?:dan |serta )?(?:(?:asn|pns|pegawai)\s+yang\s+melanggar|yang\s+melanggar"
                          r"|pelanggaran\s+(?:atas|terhadap)|dijatuhi|dikenai|dikenakan|diberi\s+sanksi"
                          r"|diberikan\s+sanksi|akan\s+diberi|terancam|sanksi)\b")


def content_words(text: str) -> frozenset[str]:
    """The words that say what a clause prohibits: lowercased, without
    function words, without the consequence the clause may go on to state."""
    low = text.lower()
    cut = _CONSEQUENCE.search(low, 12)  # not a clause that starts with its consequence
    if cut:
        low = low[:cut.start()]
    stop = _stopwords()
    return frozenset(w for w in _WORD.findall(low) if w not in stop)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def bands(wordset: frozenset[str]) -> list[int]:
    """The LSH band keys of a word set, as signed 64-bit integers."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([w.encode() for w in sorted(wordset)])
    hv = m.hashvalues
    out = []
    for i in range(BANDS):
        digest = hashlib.blake2b(struct.pack("<B", i) + hv[i * ROWS:(i + 1) * ROWS].tobytes(), digest_size=8)
        out.append(int.from_bytes(digest.digest(), "little", signed=True))
    return out


def link_document(db: sqlite3.Connection, row: int, clauses: list[tuple[str, str]]) -> int:
    """Band and link the clauses (id, text) of the document `row` against
    every other document's; the number of links made."""
    made = 0
    for cid, text in clauses:
        ws = content_words(text)
        if len(ws) < MIN_WORDS:
            continue
        keys = bands(ws)
        db.executemany("INSERT INTO clause_bands VALUES (?,?,?)", [(k, cid, row) for k in keys])
        marks = ",".join("?" * len(keys))
        candidates = db.execute(
            f"SELECT DISTINCT b.clause, c.text FROM clause_bands b JOIN clauses c ON c.id = b.clause "
            f"WHERE b.band IN ({marks}) AND b.doc != ?", (*keys, row)).fetchall()
        for other, other_text in candidates:
            score = jaccard(ws, content_words(other_text))
            if score >= THRESHOLD:
                a, b = sorted((cid, other))
                db.execute("INSERT OR REPLACE INTO clause_links VALUES (?,?,?)", (a, b, round(score, 3)))
                made += 1
    return made


def similar_to(catalog, clause_id: str) -> list[dict]:
    """Clauses of other documents that state the same rule as `clause_id`,
    most similar first, with their document's region, kind, number and date."""
    rows = catalog.db.execute(
        """SELECT l.similarity, c.id, c.text, c.page, d.doc_id, d.region, d.kind, d.numbers, d.date, d.path
           FROM clause_links l JOIN clauses c ON c.id = CASE WHEN l.a = ? THEN l.b ELSE l.a END
           JOIN documents d ON d.id = c.doc WHERE l.a = ? OR l.b = ?
           ORDER BY l.similarity DESC, d.region, c.id""", (clause_id, clause_id, clause_id)).fetchall()
    return [{"similarity": r[0], "clause": r[1], "text": r[2], "page": r[3], "doc_id": r[4], "region": r[5],
             "kind": r[6], "number": (json.loads(r[7] or "[]") or [None])[0], "date": r[8], "path": r[9]}
            for r in rows]
