"""Parsers never crash: random and mutated text into every parsing function;
no exception, and every span they return lies within the text (and, for
clauses, is the clause's own text)."""
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from himpun.ingest.clean import clean_page
from himpun.ingest.paging import clean_pages
from himpun.ingest.parse import parse_document
from himpun.ingest.parse.acts import split_acts
from himpun.ingest.parse.citations import find_citations
from himpun.ingest.parse.clauses import page_clauses
from himpun.ingest.parse.dates import find_dates
from himpun.ingest.parse.gazetteer import scan
from himpun.ingest.parse.issuer import find_issuers
from himpun.ingest.parse.numbers import find_numbers
from himpun.ingest.parse.offices import find_offices
from himpun.records import Page
from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN

REAL = [CIRCULAR_GOWA, NEWS_BEKASI, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN]
NOISE = "aAiIlL1|!oO0$5Ss.,;:()/-–\n\t  \f\u00a0\u200bé№ASNPPUUSKBNomorTahun2024/"


@st.composite
def mutated(draw):
    """A real document with random edits: characters dropped, doubled, swapped for OCR-like noise,
    slices cut and pasted elsewhere."""
    text = draw(st.sampled_from(REAL))
    rng = random.Random(draw(st.integers(0, 2 ** 32 - 1)))
    chars = list(text)
    for _ in range(draw(st.integers(0, 60))):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.3:
            del chars[i]
        elif op < 0.6:
            chars[i] = rng.choice(NOISE)
        elif op < 0.8:
            chars.insert(i, rng.choice(NOISE))
        else:
            j = rng.randrange(len(chars))
            a, b = sorted((i, j))
            piece = chars[a:b][:200]
            k = rng.randrange(len(chars))
            chars[k:k] = piece
    return "".join(chars)


texts = st.one_of(st.text(max_size=400), st.text(alphabet=NOISE, max_size=400), mutated())
FAST = settings(max_examples=int(__import__("os").environ.get("HIMPUN_HYPOTHESIS_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _within(text, start, end):
    assert 0 <= start <= end <= len(text), (start, end, len(text))


@FAST
@given(texts)
def test_finders_keep_their_spans_inside_the_text(text):
    for c in find_citations(text):
        _within(text, c.start, c.end)
    for _, start, end in find_numbers(text, find_citations(text)):
        _within(text, start, end)
    for d in find_dates(text):
        _within(text, d.start, d.end)
        assert d.iso[:4].isdigit()
    for m in scan(text):
        _within(text, m.start, m.end)
    find_offices(text)
    find_issuers(text, "circular")


@FAST
@given(texts)
def test_acts_lie_inside_their_sentence(text):
    sentence = text[:300]
    _, acts = split_acts(sentence)
    for a in acts:
        _within(sentence, a.start, a.end)


@FAST
@given(texts)
def test_clauses_are_the_text_at_their_offsets(text):
    cleaned = clean_page(text).text
    for c in page_clauses(cleaned, 1, "0" * 64, 1):
        _within(cleaned, c.start, c.end)
        assert cleaned[c.start:c.end] == c.text


@FAST
@given(st.lists(texts, min_size=1, max_size=3))
def test_whole_documents_parse(pages_text):
    cleaned = clean_pages([clean_page(t).text for t in pages_text])
    pages = [Page(i + 1, t) for i, t in enumerate(cleaned)]
    doc = parse_document(pages, source="x.txt", sha256="f" * 64)
    for c in doc.clauses:
        page = pages[c.page - 1].text
        assert page[c.start:c.end] == c.text
    for c in doc.citations:
        _within(pages[c.page - 1].text, c.start, c.end)
