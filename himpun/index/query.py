"""Reading what a user types into a Whoosh query.

Plain words (no operators, quotes or fields) are read as an officer types
them ("larangan ASN Sidrap", "apa sanksi ASN yang ikut kampanye?"): a place
is the region (or province) of the hit, not a word of its text; words that
stand in nearly every clause (ASN, pilkada, larangan) and the words of a
typed question (apa, boleh, bagaimana) rank hits without excluding any; the
other words must match. A citation or instrument number (`PP 94/2021`,
`UU 10 2016`, `800/1071/BKPSDM`) is searched as one exact key, not as loose
words. Words with synonyms are widened to their group
(himpun/index/synonyms.py), and, when asked, a long word also matches words
one edit away (OCR damage: `netralltas`), at a fifth of the weight.
"""
from __future__ import annotations

import re
from functools import lru_cache

from whoosh.qparser import AndGroup, MultifieldParser, OrGroup
from whoosh.query import And, AndMaybe, Every, FuzzyTerm, NullQuery, Or, Phrase, Term

from himpun.data import load_table, words
from himpun.errors import QueryError
from himpun.ingest.parse.citations import find_citations
from himpun.ingest.parse.gazetteer import scan
from himpun.ingest.parse.numbers import find_numbers
from himpun.ingest.dictionary import known
from himpun.index.spelling import corrections, neighbours
from himpun.index.synonyms import MAX_WORDS, PREFIX as SYNONYM_PREFIX, expand, phrase_terms

# plain words are looked for in the clause text, its topic words, its document's title ("surat edaran
# gubernur NTB" names a document, whose clauses do not repeat its title) and its document's issuers
# ("SE Pj Gubernur Lampung"); a title or issuer weighs a quarter of the text, so clauses that say the
# words themselves come first; exact keys are asked for by field (keys:) or by typing a citation or number
SEARCH_FIELDS = ("text", "topics", "title", "issuers")
FIELD_BOOSTS = {"text": 2.0, "topics": 1.0, "title": 0.5, "issuers": 0.5, "keys": 3.0}
_FIELD_REF = re.compile(r"(?<![\w:'\"])([A-Za-z_]+):(?=\S)")
# a place named in a query: what the hits must be of (REQUIRE), or only what ranks them first (RANK)
REQUIRE, RANK = "require", "rank"
FUZZY_FIELDS = ("text",)
FUZZY_MIN_LENGTH = 6  # of the stem: shorter words have too many neighbours one edit away
FUZZY_BOOST = 0.2


# a question's mark ends a word ("apa sanksinya?"); Whoosh would read it as a wildcard
_QUESTION_MARK = re.compile(r"(?<=\w)[?!]+(?=\s|$)")
OPERATORS = re.compile(r'\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b|["()]')


def is_plain(query: str) -> bool:
    """Plain words, as an officer types them: no operators, quotes, brackets or fields (Whoosh syntax)."""
    return not OPERATORS.search(query) and ":" not in query


def parse_query(ix, query: str, any_word: bool = False, fuzzy: bool = False, place: str = RANK):
    """A Whoosh query for the user's text; raises QueryError with a reason.
    `any_word`: words are joined by OR (clauses with more of them first);
    `fuzzy`: long words also match words one edit away, at a fifth of the weight;
    `place`: whether a place named among plain words is required of the hits (REQUIRE)
    or only ranks them (RANK)."""
    if is_plain(query):
        query = _QUESTION_MARK.sub("", query)  # (in Whoosh syntax, "?" stays a wildcard: text:calo?)
    if not query.strip() or query.strip() == "*":
        return Every()
    known = set(_schema().names())
    for m in _FIELD_REF.finditer(query):
        if m.group(1) not in known and not query[max(0, m.start() - 1):m.start()].isalnum():
            raise QueryError(f"unknown field {m.group(1)!r} in query; fields: {', '.join(sorted(known))}")
    if query.count('"') % 2:
        raise QueryError('unbalanced quotes in query')
    if query.count("(") != query.count(")"):
        raise QueryError("unbalanced parentheses in query")
    if is_plain(query):
        plain = _plain_query(ix, query, any_word, fuzzy, place)
        if plain is not None:
            return plain
    return _parse(ix, query, any_word, fuzzy)


@lru_cache(maxsize=1)
def _schema():
    """The index's schema as the code defines it (himpun/index/store.py; INDEX_VERSION keeps an index made by
    another one from being used): read from the index, each access reads its newest table of contents, which
    a writer committing meanwhile may have just removed."""
    from himpun.index.store import schema
    return schema()


def _parse(ix, query: str, any_word: bool, fuzzy: bool = False):
    group = OrGroup.factory(0.9) if any_word else AndGroup
    parser = MultifieldParser(list(SEARCH_FIELDS), _schema(), fieldboosts=FIELD_BOOSTS, group=group)
    try:
        parsed = parser.parse(expand(_exact_keys(query)))
    except Exception as exc:  # Whoosh raises assorted types on malformed input
        raise QueryError(f"cannot parse query: {exc}") from None
    parsed = _phrases(parsed, _schema())
    if not fuzzy:
        return parsed
    with ix.reader() as reader:
        return _with_fuzzy(parsed, _schema(), reader)


def _phrases(q, schema):
    """Quoted phrases as the index holds them. The analysis gives a synonym phrase's group term at
    the place of its first word (`media sosial` -> media, sosial, syn_medsos), so a quoted phrase
    is its words without the group terms; over a field kept without word positions (topic words,
    title) it asks for all its words there (Whoosh itself would refuse to run it)."""
    if isinstance(q, Phrase):
        words = [w for w in q.words if not w.startswith(SYNONYM_PREFIX)] or q.words
        if q.fieldname in schema and not schema[q.fieldname].format.supports("positions"):
            return And([Term(q.fieldname, w) for w in words], boost=q.boost)
        if len(words) == 1:
            return Term(q.fieldname, words[0], boost=q.boost)
        return Phrase(q.fieldname, words, slop=q.slop, boost=q.boost)
    if q.is_leaf():
        return q
    return q.apply(lambda sub: _phrases(sub, schema))


def query_places(query: str) -> list:
    """The places named in a query (gazetteer matches that resolve to a region or province)."""
    return [m for m in scan(query.title()) if m.resolved()]


def _plain_query(ix, query: str, any_word: bool, fuzzy: bool, place: str):
    """Plain words as an officer types them ("larangan ASN Sidrap", "baliho
    pilkada Tangerang"): a place is the region (or province) of the hit, not
    a word of its text, required of the hits or ranking them first (`place`);
    words that stand in nearly every clause (ASN, pilkada, larangan) and the
    words of a question rank hits without excluding any; the other words
    must match. None when nothing needs this treatment."""
    # (a place that may be a common word is, when places are required, a word of the text: "puncak kampanye")
    places = [m for m in query_places(query) if place != REQUIRE or _certain_place(query, m)]
    rest = query
    for m in sorted(places, key=lambda m: m.start, reverse=True):
        rest = rest[:m.start] + " " + rest[m.end:]
    soft_words = _soft_words()
    spans = [(c.start, c.end) for c in find_citations(rest)] + [(s, e) for _, s, e in find_numbers(rest, [])]
    typed, keyed = [], []
    for w in re.finditer(r"\S+", rest):
        typed.append(w.group(0))
        keyed.append(any(s <= w.start() < e for s, e in spans))  # a word of a citation or number stays
    plain = [w.lower().strip("?!.,") for w in typed]
    for i, n in _synonym_phrases(plain):  # "pegawai non asn", "aparatur sipil negara": one term, all hard
        keyed[i:i + n] = [True] * n
    # "boleh tidak ...?", "bisa nggak ...?": the negation asks "or not", it negates nothing
    # (and on the retry with misspellings, a word one edit from a soft word: "netralitsa")
    is_soft = [not k and (w in soft_words or (i > 0 and w in _NEGATIONS and plain[i - 1] in _ASKING)
                          or (fuzzy and len(w) >= FUZZY_MIN_LENGTH and w.isalpha()
                              and any(n in soft_words for n in neighbours(w))))
               for i, (w, k) in enumerate(zip(plain, keyed))]
    hard = [w for w, s in zip(typed, is_soft) if not s]
    soft = [w for w, s in zip(typed, is_soft) if s]
    if not places and (not soft or not hard):
        return None
    place_q = Or([Term(field, r.name) for m in places for r in m.resolved()
                  for field in (("province",) if r.level == "provinsi" else ("region",))], boost=3.0) if places else None
    soft_q = _unless_empty(_parse(ix, " ".join(soft), True)) if soft else None
    # (words the analyzer drops, "di", "saja", leave nothing to require: "dilarang di Kendari")
    hard_q = _unless_empty(_parse(ix, " ".join(hard), any_word, fuzzy)) if hard else None
    if any_word:  # nothing is required: any of the words or the place
        return Or([q for q in (hard_q, soft_q, place_q) if q is not None])
    if place == REQUIRE and place_q is not None:
        parts = (list(hard_q.subqueries) if isinstance(hard_q, And) else [hard_q]) if hard_q is not None else []
        required, optional = (And(parts + [place_q]) if parts else place_q), [soft_q]
    elif hard_q is not None:
        required, optional = hard_q, [soft_q, place_q]
    elif place_q is not None:
        required, optional = place_q, [soft_q]
    else:
        return None
    optional = [q for q in optional if q is not None]
    return AndMaybe(required, Or(optional)) if optional else required


def _unless_empty(q):
    """`q`, or None when it matches nothing (every word of it a stop word)."""
    return None if q is None or q.normalize() is NullQuery else q


def _synonym_phrases(words_: list[str]) -> list[tuple[int, int]]:
    """(start, length) of each run of words that is a phrase of several words in a synonym group."""
    phrases = {p for p in phrase_terms() if len(p) > 1}
    out, i = [], 0
    while i < len(words_):
        n = next((k for k in range(min(MAX_WORDS, len(words_) - i), 1, -1) if tuple(words_[i:i + k]) in phrases), 0)
        if n:
            out.append((i, n))
        i += n or 1
    return out


def _certain_place(query: str, m) -> bool:
    """Whether a place in a query is surely one, to require of the hits: qualified ("Kota Batu"),
    capitalised as typed, or no common word ("sidrap"); "puncak kampanye", "batu sandungan" and
    "malang" only rank."""
    typed = query[m.start:m.end]
    return bool(m.qualifier) or typed[:1].isupper() or not known(typed.split()[-1].lower())


_NEGATIONS = frozenset({"tidak", "tak", "nggak", "enggak", "gak", "ga", "ndak"})
_ASKING = frozenset({"boleh", "bisa", "perlu", "harus", "apakah", "mau"})


@lru_cache(maxsize=1)
def _soft_words() -> frozenset[str]:
    return frozenset(words("soft_words.txt"))


def _with_fuzzy(q, schema, reader):
    """Each long word of the clause text also matches its neighbours one edit away, its spellings
    with OCR's commonest confusion, "rn" read as "m" and back ("gubemur" for "gubernur": two edits),
    and, when it is no Indonesian word, the words one edit away that are ("pelangaran" ->
    "pelanggaran", indexed as "langgar")."""
    if isinstance(q, Term) and q.fieldname in FUZZY_FIELDS and isinstance(q.text, str) \
            and len(q.text) >= FUZZY_MIN_LENGTH and q.text.isalpha():
        fixed = corrections(q.text, schema[q.fieldname].analyzer, lambda t: reader.doc_frequency(q.fieldname, t))
        variants = dict.fromkeys(v for v in ocr_variants(q.text) + fixed if v != q.text)
        return Or([q, FuzzyTerm(q.fieldname, q.text, boost=FUZZY_BOOST, maxdist=1, prefixlength=2)]
                  + [Term(q.fieldname, v, boost=FUZZY_BOOST) for v in variants])
    if q.is_leaf():
        return q
    return q.apply(lambda sub: _with_fuzzy(sub, schema, reader))


def ocr_variants(word: str, most: int = 4) -> list[str]:
    """The word with one "m" read as "rn" or one "rn" as "m" (not the first letters: OCR keeps those
    apart more often, and a prefix of two is what the fuzzy match keeps too)."""
    out = []
    for i in range(2, len(word)):
        if word[i] == "m":
            out.append(word[:i] + "rn" + word[i + 1:])
        elif word.startswith("rn", i):
            out.append(word[:i] + "m" + word[i + 2:])
    return out[:most]


# a number and a year typed without "Tahun" or "/" ("UU 10 2016", "PP No 94 2021"); taken only where it
# makes a citation the query did not have
_NUMBER_YEAR = re.compile(r"(?<=[A-Za-z.] )((?:[Nn]o\.?|[Nn]omor)?\s*\d{1,4})\s+((?:19|20)\d\d)\b")


def _loose_citations(query: str) -> str:
    """"UU 10 2016" as typed: the year after the number, where that makes the words a citation or
    a longer one ("PP 94 2021": "PP 94" alone is PP 94/2021 already, but the year would be left as a
    word); other numbers before years stay ("pilkada 2020 2024")."""
    loose = _NUMBER_YEAR.sub(r"\1/\2", query)  # (the same length: spans stay)
    before = [(c.start, c.end) for c in find_citations(query)]
    after = [(c.start, c.end) for c in find_citations(loose)]
    out = query
    for m in _NUMBER_YEAR.finditer(query):
        inside = any(s <= m.start() and m.end() <= e for s, e in after)
        covered = any(s <= m.start() and m.end() <= e for s, e in before)
        if inside and not covered:
            out = out[:m.start()] + loose[m.start():m.end()] + out[m.end():]
    return out


@lru_cache(maxsize=1)
def _named_citations() -> list[tuple[str, re.Pattern]]:
    """What officers type for a regulation without its number ("SKB 5 menteri"): himpun/data/query_citations.tsv."""
    return [(key, re.compile(rx, re.I)) for key, rx in load_table("query_citations.tsv")]


def _exact_keys(query: str) -> str:
    """Rewrite citations and instrument numbers in a query as exact key terms."""
    if '"' in query or "'" in query:
        return query
    query = _loose_citations(query)
    spans = [(c.start, c.end, c.key) for c in find_citations(query)]
    spans += [(m.start(), m.end(), key) for key, rx in _named_citations() for m in rx.finditer(query)
              if not any(a < m.end() and m.start() < b for a, b, _ in spans)]
    numbers = []
    for n, s, e in find_numbers(query, []):
        if any(a <= s < b for a, b, _ in spans):
            continue
        lead = _NUMBER_HEAD.search(query, 0, s)  # "100 3.4.4/4811/BKPSDM/2023" as a document shows it
        if lead and "/" in n:
            n, s = f"{lead.group(1)} {n}", lead.start(1)
        numbers.append((s, e, n))
    taken = spans + numbers
    parts = [(m.start(), m.end(), m.group(0)) for m in _BARE_FIGURE.finditer(query)
             if not any(a < m.end() and m.start() < b for a, b, _ in taken)]
    rewrites = [(s, e, f"keys:'{key.lower()}'") for s, e, key in spans]
    # an instrument number, or the part of one an officer remembers ("4811/BKPSDM/2023", "800-5474", "4811")
    rewrites += [(s, e, f"(keys:'{key.lower()}' OR keys:*{key.lower()}*)" if _WILD_SAFE.fullmatch(key.lower())
                  else f"keys:'{key.lower()}'") for s, e, key in numbers]
    rewrites += [(s, e, f"({part} OR keys:*{part.lower()}*)") for s, e, part in parts]
    for start, end, text in sorted(rewrites, reverse=True):
        query = query[:start] + text + query[end:]
    return query


# the first figure of a number written with a space in it, right before the rest: "100 3.4.4/4811/BKPSDM/2023"
_NUMBER_HEAD = re.compile(r"(?<![\w/.-])(\d{3}) $")  # (a classification code: three figures, no year)
_WILD_SAFE = re.compile(r"[a-z0-9./\-]+")
# a figure of four or more digits that is no year, a run of figures joined by dots or dashes ("800-5474",
# "1447.1"), or a code with a slash ("155/BKPSDM"), alone in the query: part of an instrument number
_BARE_FIGURE = re.compile(r"(?<![\w/.:*'-])(?:(?!(?:19|20)\d\d(?!\d|[.-]\d))(?:\d{3,4}(?:[.-]\d{1,5})+|\d{4,})"
                          r"|[A-Za-z0-9.-]*\d[A-Za-z0-9.-]*/[A-Za-z0-9./-]*[A-Za-z0-9])(?![\w/*'-]|[.-]\d)")
