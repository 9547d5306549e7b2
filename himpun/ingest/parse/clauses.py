"""Clause records from the segments of a page.

A segment becomes
- a `prohibition` when it names at least one prohibited act (a taxonomy
  category) and either forbids it (a cue such as `dilarang`, `tidak boleh`),
  belongs to a list whose lead-in forbids ("ASN dilarang:"), goes on from a
  sentence that forbids ("... dianggap pelanggaran. Beberapa contohnya
  adalah ..."), or ties a sanction to it ("pendekatan kepada partai politik ... hukuman disiplin
  sedang");
- a `sanction` when it names a sanction and no prohibited act;
- an `obligation` when it requires neutrality, integrity or discipline.
Other sentences (reporting, background, what is allowed) yield no record.
A `Sanksi: ...` line that follows a prohibition in a violation table is also
attached to that prohibition.
"""
from __future__ import annotations

import re

from himpun.ingest.parse import rules
from himpun.ingest.parse.lexicon import normalise
from himpun.ingest.parse.segment import Segment, segments
from himpun.records import Clause, Sanction, clause_id_for

_SANCTION_LABEL = re.compile(r"^(?:ancaman\s+)?(?:sanksi|hukuman)(?:\s+disiplin)?\s*:", re.I)


def page_clauses(text: str, page: int, sha256: str, first_seq: int) -> list[Clause]:
    """Clause records of one page; ids continue from `first_seq`."""
    out: list[Clause] = []
    previous: tuple[Segment, Clause] | None = None
    prohibiting = False  # whether the sentence before forbids (for "Misalnya ...", "Serta ...")
    for seg in segments(text):
        if seg.lead_in or seg.heading:
            prohibiting = False
            continue
        norm = normalise(seg.text)
        inherited = prohibiting and rules.continues(norm)
        prohibiting = inherited or rules.prohibits(norm)
        clause = classify(seg, page, inherited)
        if clause is None:
            previous = None
            continue
        if (clause.kind == "sanction" and previous and previous[1].kind == "prohibition"
                and _SANCTION_LABEL.match(seg.text) and seg.line - previous[0].line <= 2):
            _attach(previous[1], clause.sanctions)
        clause.id = clause_id_for(sha256, first_seq + len(out))
        out.append(clause)
        previous = (seg, clause)
    return out


def classify(seg: Segment, page: int, inherited: bool = False) -> Clause | None:
    """The clause record of one segment, or None. `inherited`: the segment
    continues a sentence that forbids."""
    norm = normalise(seg.text)
    ctx = normalise(seg.context.lead_text) if seg.context else ""
    cats = rules.categories(norm)
    sancs = rules.sanctions(norm, rules.lead_in_severity(ctx) if ctx else None)
    if cats and (inherited or rules.prohibits(norm) or (ctx and rules.prohibits(ctx)) or sancs):
        kind = "prohibition"
    elif sancs:
        kind, cats = "sanction", []
    elif rules.obliges(norm) and not rules.prohibits(norm):
        kind = "obligation"
    else:
        return None
    return Clause(id="", kind=kind, text=seg.text, page=page, start=seg.start, end=seg.end,
                  categories=cats, sanctions=sancs)


def _attach(clause: Clause, sanctions: list[Sanction]) -> None:
    known = {s.type for s in clause.sanctions}
    clause.sanctions.extend(s for s in sanctions if s.type not in known)
