"""The literal prefilters in front of the tables' regular expressions
(himpun/ingest/parse/literals.py) never change an answer: a text they rule
out has no match, and their finditer finds what the pattern's own does."""
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from himpun.ingest.parse import citations, offices
from himpun.ingest.parse.lexicon import category_index, category_rules, normalise, sanction_index, sanction_rules
from himpun.ingest.parse.literals import LiteralIndex, Prefilter
from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN


@pytest.mark.parametrize("pattern, flags, strings, starts", [
    (r"\bdilarang\b", 0, ("dilarang",), ("dilarang",)),
    (r"\b(?:menjadi|sebagai) tim kampanye\b", 0, ("menjadi tim kampanye", "sebagai tim kampanye"),
     ("menjadi tim kampanye", "sebagai tim kampanye")),
    (r"(?:foto|berfoto)\s+bersama", 0, ("bersama",), ("berfoto", "foto")),  # \s+: only what follows is sure
    (r"kampanye", re.I, ("kampanye",), ("kampanye",)),  # ignoring case: lower case, in the lowered text
    (r"\w+", 0, None, None),  # nothing sure: always search
    (r"(?:a|b)?c", 0, ("c",), ("ac", "bc", "c")),  # every match begins with one of these
])
def test_what_a_pattern_must_contain(pattern, flags, strings, starts):
    p = Prefilter.of(pattern, flags)
    assert p.strings == strings and p.starts == starts


def test_a_pattern_this_module_cannot_read_is_always_searched():
    # a syntax tree it does not know (here: not a pattern at all) means no test, never a wrong one
    p = Prefilter.of("(unbalanced")
    assert p.strings is None and p.possible("anything")


def _table_patterns() -> list[tuple[re.Pattern, Prefilter]]:
    """Every pattern compiled from a table, with its prefilter: categories, sanctions, cues, offices,
    citations."""
    from himpun.ingest.parse import rules
    out = [(r.pattern, r.prefilter) for r in (*category_rules(), *sanction_rules())]
    out += [rules._cue(kind) for kind in ("prohibition", "obligation", "neutrality", "lead-in", "continuation",
                                          "back-reference")]
    out += [(rx, pf) for _, rx, pf in offices._national()]
    out += [(rx, pf) for _, rx, pf in citations._grammar()] + [citations._uud()]
    out += [(rx, pf) for rx, _, pf in citations._other_numbers() + citations._descriptions()]
    return out


REAL = [CIRCULAR_GOWA, NEWS_BEKASI, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN]
NOISE = "aeiounrstlkmgpbdASNPUKBoO0lI1|.,;:()/- \n"


@st.composite
def clause_texts(draw):
    """Sentences of real documents, normalised as the lexicon sees them, with random edits."""
    rng = random.Random(draw(st.integers(0, 2 ** 32 - 1)))
    sentences = [s for doc in REAL for s in re.split(r"(?<=[.;:])\s+", doc) if s.strip()]
    text = list(normalise(" ".join(rng.sample(sentences, k=min(3, len(sentences))))))
    for _ in range(draw(st.integers(0, 20))):
        i = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.4 and i < len(text):
            del text[i]
        elif op < 0.8:
            text.insert(i, rng.choice(NOISE))
        elif i < len(text):
            text[i] = text[i].upper()
    return "".join(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(clause_texts(), st.text(alphabet=NOISE + "ſİΣé", max_size=200)))
def test_prefilters_never_change_an_answer(text):
    lowered = text.lower()
    for pattern, pf in _table_patterns():
        found = [m.span() for m in pattern.finditer(text)]
        if not pf.possible(text, lowered):
            assert found == [], pattern.pattern
        assert [m.span() for m in pf.finditer(pattern, text, lowered)] == found, pattern.pattern
    for index, rules in ((category_index(), category_rules()), (sanction_index(), sanction_rules())):
        candidates = set(index.candidates(text))
        assert {i for i, r in enumerate(rules) if r.pattern.search(text)} <= candidates


def test_the_table_prefilters_do_test_something():
    # the property above would say little if every prefilter were "always search"
    tested = [pf for _, pf in _table_patterns() if pf.strings is not None]
    assert len(tested) > 0.8 * len(_table_patterns())
    index = LiteralIndex([r.prefilter for r in category_rules()])
    assert len(index.candidates("ASN dilarang memasang baliho.")) < len(category_rules()) // 2
