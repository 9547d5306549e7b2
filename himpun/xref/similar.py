"""The same rule in other documents: clauses whose words are nearly the same.

A clause's text is normalised to its set of content words (lowercase, no
punctuation or digits, no function words). Candidates are found by MinHash
locality-sensitive hashing (datasketch): 64 permutations cut into 16 bands
of 4; two clauses that share a band are candidates, which finds pairs with
a word-set Jaccard similarity of about 0.5 and above without comparing every
pair. Each candidate is then checked exactly (Jaccard similarity of the word
sets at least `THRESHOLD`), and a clause joins the rule group of its best
match (`clause_groups`), else starts its own. Band hashes and groups live in
the catalog, and only a few candidates per band are looked at, so a new
document is placed in time that does not grow with the library's size
(beyond the SQLite index lookups), even when a rule is copied thousands of
times.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import struct
import threading
from functools import lru_cache

import numpy as np

from himpun.data import words

NUM_PERM, BANDS = 64, 16
SCHEME = "affine32"  # named, so that band keys stored by one datasketch version match those of the next
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.6
MIN_WORDS = 4  # shorter clauses ("ASN dilarang berpolitik") match too much by chance
_WORD = re.compile(r"[a-z]{2,}")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(words("stopwords.txt")) | frozenset(words("rule_stopwords.txt"))


# where a clause that states its own consequence turns to it ("..., dan ASN yang melanggar dijatuhi
# hukuman disiplin berat"): the words from there on say what it costs, not what is prohibited
_CONSEQUENCE = re.compile(r"[,;]?\s*\b(?:dan |serta )?(?:(?:asn|pns|pegawai)\s+yang\s+melanggar|yang\s+melanggar"
                          r"|pelanggaran\s+(?:atas|terhadap)|dijatuhi|dikenai|dikenakan|diberi\s+sanksi"
                          r"|diberikan\s+sanksi|akan\s+diberi|terancam|sanksi)\b")


@lru_cache(maxsize=65536)  # the same rule is met again and again as a candidate
def content_words(text: str) -> frozenset[str]:
    """The words that say what a clause prohibits: lowercased, without
    function words, without the consequence the clause may go on to state."""
    low = text.lower()
    cut = _CONSEQUENCE.search(low, 12)  # not a clause that starts with its consequence
    if cut:
        low = low[:cut.start()]
    stop = _stopwords()
    return frozenset(w for w in _WORD.findall(low) if w not in stop)


@lru_cache(maxsize=65536)
def _split(words_: str) -> frozenset[str]:
    return frozenset(words_.split())


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _minhash():
    """An empty MinHash sharing the permutations of the first (making them costs more than hashing a clause)."""
    from datasketch import MinHash

    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations
    return MinHash(num_perm=NUM_PERM, seed=1, permutations=_PERMUTATIONS, scheme=SCHEME)


_PERMUTATIONS = None


def warm_up_in_background() -> None:
    """Import datasketch (half a second: it imports scipy) and make the permutations on a thread
    of their own: a batch with workers does it while they start, when this process waits."""
    def warm() -> None:
        try:
            _minhash()
            _stopwords()
        except Exception:  # noqa: BLE001 - the first band computed does the same and reports it
            pass

    threading.Thread(target=warm, name="himpun-xref-warm-up", daemon=True).start()


@lru_cache(maxsize=200_000)
def _word_hashes(word: str):
    """The MinHash of one word: its hash under each of the permutations (a word met again costs a lookup)."""
    m = _minhash()
    m.update(word.encode())
    return m.hashvalues


@lru_cache(maxsize=65536)  # circulars repeat the national rules word for word: 4,373 sets in 13,626 banded clauses
def bands(wordset: frozenset[str]) -> tuple[int, ...]:
    """The LSH band keys of a word set, as signed 64-bit integers. A set's
    MinHash is the element-wise minimum of its words' (what datasketch's
    update_batch computes, word by word; tests/test_xref.py compares)."""
    raw = np.minimum.reduce([_word_hashes(w) for w in wordset]).tobytes()
    step = len(raw) // BANDS  # a band's ROWS hash values, as bytes
    return tuple(int.from_bytes(hashlib.blake2b(_BAND_BYTE[i] + raw[i * step:(i + 1) * step], digest_size=8).digest(),
                                "little", signed=True) for i in range(BANDS))


_BAND_BYTE = [struct.pack("<B", i) for i in range(BANDS)]  # each band's key starts with its number


CLOSE_ENOUGH = 0.9  # a match this close ends the search
PER_BAND = 8  # candidates looked at per band: a bucket of many copies of one rule needs only a few
# a band's candidates from the band table alone (its key holds all three columns), in the order their
# documents came (document ids only grow; a document's clause ids sort by position up to its 999th);
# their groups and words are read once per sync (`Groups`)
_CANDIDATES = ("SELECT {band}, clause FROM clause_bands WHERE band = ? AND doc != ? ORDER BY doc, clause LIMIT %d"
               % PER_BAND)
_FIRST_BAND = _CANDIDATES.format(band=0)
# the other bands in one statement, each still limited to PER_BAND candidates
_OTHER_BANDS = " UNION ALL ".join(f"SELECT * FROM ({_CANDIDATES.format(band=i)})" for i in range(1, BANDS))


class Groups(dict):
    """clause id -> (its rule group, its content words), for the clauses met as candidates and
    linked during one sync, or the syncs of one batch (himpun/xref/store.py Progress). A clause's
    group is written once, with its bands, and changes only when its document is cross-referenced
    again: when it was stored again (parsed anew: the same clause ids), its band rows went with the
    old rows, so it is no candidate until it is linked again, which writes here (a clause too short
    to be banded keeps its old entry, but has no band rows to be met by). Emptied past `LIMIT`
    entries (a sync over a whole library, a large batch: some 60 MB of word sets)."""

    LIMIT = 50_000

    def fetch(self, db: sqlite3.Connection, clauses) -> None:
        wanted = list(dict.fromkeys(clauses))
        missing = [c for c in wanted if c not in self]
        if missing and len(self) + len(missing) > self.LIMIT:
            self.clear()
            missing = wanted
        for i in range(0, len(missing), 500):
            part = missing[i:i + 500]
            for clause, grp, words_ in db.execute(
                    f"SELECT clause, grp, words FROM clause_groups WHERE clause IN ({','.join('?' * len(part))})", part):
                self[clause] = (grp, _split(words_))


def link_document(db: sqlite3.Connection, row: int, clauses: list[tuple[str, str]],
                  groups: Groups | None = None) -> int:
    """Band the clauses (id, text) of the document `row` and put each in the
    rule group of its most similar clause in another document (or a group of
    its own). The work per clause is bounded (BANDS x PER_BAND candidates),
    so adding a document costs the same however large the library is. The
    number of clauses that joined an existing group is returned. `groups`
    carries what is known of other clauses from one document to the next of
    a sync.

    Candidates are looked at band by band, and the search ends after a band
    that gave a match of CLOSE_ENOUGH; they are fetched in two statements,
    the first band's (a copy of a rule is usually found there), then all the
    others' (a clause found in no band costs two lookups, not sixteen)."""
    groups = Groups() if groups is None else groups
    joined = 0
    band_rows, group_rows, banded = [], [], []
    for cid, text in clauses:
        ws = content_words(text)
        group = cid
        if len(ws) >= MIN_WORDS:
            keys = bands(ws)
            best = (THRESHOLD, None)
            seen: set[str] = set()
            found = {0: db.execute(_FIRST_BAND, (keys[0], row)).fetchall()}
            groups.fetch(db, [f[1] for f in found[0]])
            for band in range(BANDS):
                if band == 1:
                    rows = db.execute(_OTHER_BANDS, [v for k in keys[1:] for v in (k, row)]).fetchall()
                    groups.fetch(db, [f[1] for f in rows])
                    for f in rows:
                        found.setdefault(f[0], []).append(f)
                for _, other in found.get(band, ()):
                    if other in seen:
                        continue
                    known = groups.get(other)
                    if known is None:
                        continue  # banded but not grouped: never written so (both go in one transaction)
                    grp, other_words = known
                    if grp == best[1]:
                        continue  # a group already matched needs no second member
                    seen.add(other)
                    score = jaccard(ws, other_words)
                    if score >= best[0]:
                        best = (score, grp)
                if best[0] >= CLOSE_ENOUGH:
                    break
            band_rows += [(k, cid, row) for k in keys]
            if best[1] is not None:
                group = best[1]
                joined += 1
            banded.append((cid, (group, ws)))
        group_rows.append((cid, group, row, " ".join(sorted(ws))))
    # stored after all are linked: a document's own clauses are never its candidates (b.doc != row)
    db.executemany("INSERT INTO clause_bands VALUES (?,?,?)", band_rows)
    db.executemany("INSERT OR REPLACE INTO clause_groups VALUES (?,?,?,?)", group_rows)
    groups.update(banded)  # candidates of the documents after this one
    return joined


def similar_to(catalog, clause_id: str, limit: int = 100) -> list[dict]:
    """Clauses of other documents in the rule group of `clause_id`, most
    similar first (Jaccard similarity of their content words), with their
    document's region, kind, number and date."""
    db = catalog.db
    me = db.execute("SELECT g.grp, c.text, c.doc FROM clause_groups g JOIN clauses c ON c.id = g.clause "
                    "WHERE g.clause = ?", (clause_id,)).fetchone()
    if me is None:
        return []
    mine = content_words(me[1])
    rows = db.execute(
        """SELECT c.id, c.text, c.page, d.doc_id, d.region, d.kind, d.numbers, d.date, d.path
           FROM clause_groups g JOIN clauses c ON c.id = g.clause JOIN documents d ON d.id = c.doc
           WHERE g.grp = ? AND g.doc != ? LIMIT ?""", (me[0], me[2], limit * 4)).fetchall()
    out = [{"similarity": round(jaccard(mine, content_words(r[1])), 2), "clause": r[0], "text": r[1], "page": r[2],
            "doc_id": r[3], "region": r[4], "kind": r[5], "number": (json.loads(r[6] or "[]") or [None])[0],
            "date": r[7], "path": r[8]} for r in rows]
    out.sort(key=lambda o: (-o["similarity"], o["region"] or "", o["clause"]))
    return out[:limit]
