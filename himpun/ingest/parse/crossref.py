"""Sanctions tied to prohibitions by their place in the lists.

Circulars often list the prohibitions first and the sanctions after, by
reference: "ASN yang melanggar ketentuan angka 2 huruf a, huruf b, dan huruf
d dijatuhi hukuman disiplin berat", "pelanggaran terhadap larangan
sebagaimana dimaksud pada huruf a sampai dengan huruf c". Such a clause's
references are read (`angka`/`butir`/`poin`/`nomor` for numbers, `huruf` for
letters, lists with commas and `dan`, ranges with `sampai dengan`, `s.d.`,
`hingga`), matched against the prohibitions' list places (Clause.marker),
and the sanctions are attached to the prohibitions they name; the sanction
clause records which prohibitions it applies to. A sanction for violating
"the rules above" without naming one ("ASN yang melanggar ketentuan di atas
dijatuhi ...", "Pegawai ASN yang melanggar dijatuhi ...") applies to every
listed prohibition before it, unless it is addressed to staff who are not
ASN.
"""
from __future__ import annotations

import re

from himpun.ingest.parse.lexicon import normalise
from himpun.ingest.parse.rules import addressed_to_others, for_others, violates_all_above
from himpun.records import Clause

_VIOLATION = re.compile(r"\b(?:melanggar|pelanggaran|dilanggar|sebagaimana dimaksud|ketentuan|larangan)\b")
_KEY = re.compile(r"\b(?:angka|butir|poin|point|nomor|huruf)\s+(?=[0-9a-z]\b|\d{1,2}\b)")
_TOKEN = re.compile(
    r"\s*(?:(?P<key>angka|butir|poin|point|nomor|huruf)"
    r"|(?P<range>sampai dengan|s\.\s?d\.?|s/d|hingga|sampai)"
    r"|(?P<label>\d{1,2}|[a-z])"
    r"|(?P<sep>,|dan/atau|dan|atau|serta))(?![\w/])")

Ref = tuple[str | None, str | None]  # (number, letter)


def references(text: str) -> list[Ref]:
    """The list places a sentence refers to, in order."""
    norm = normalise(text)
    out: list[Ref] = []
    pos = 0
    while (m := _KEY.search(norm, pos)) is not None:
        pos = _read_run(norm, m.start(), out)
    return list(dict.fromkeys(out))


def _read_run(norm: str, pos: int, out: list[Ref]) -> int:
    """Read one run of references from a key on; the position after it."""
    number: str | None = None
    previous: str | None = None  # the label before, for a range
    in_range = False
    only_key_since = False  # nothing but a key since the last number ("angka 2 huruf a")
    while (t := _TOKEN.match(norm, pos)) is not None:
        pos = t.end()
        if t.group("key"):
            only_key_since = only_key_since and t.group("key") == "huruf"
            continue
        if t.group("range"):
            in_range = True
            continue
        if t.group("sep"):
            only_key_since = False
            continue
        label = t.group("label")
        labels = [label]
        if in_range and previous is not None and previous.isdigit() == label.isdigit():
            labels = _span(previous, label)[1:]
        in_range = False
        for lab in labels:
            if lab.isdigit():
                number = lab
                out.append((number, None))
                only_key_since = True
            elif only_key_since and out and out[-1] == (number, None):
                out[-1] = (number, lab)
                only_key_since = False
            else:
                out.append((number, lab))
        previous = label
    return pos


def _span(first: str, last: str) -> list[str]:
    if first.isdigit():
        return [str(n) for n in range(int(first), int(last) + 1)] if int(first) < int(last) <= int(first) + 30 else [last]
    return [chr(c) for c in range(ord(first), ord(last) + 1)] if first < last else [last]


def link_sanctions(clauses: list[Clause]) -> None:
    """Attach the sanctions of clauses that name list places to the
    prohibitions at those places (in place)."""
    for i, clause in enumerate(clauses):
        if not clause.sanctions:
            continue
        # the reference stands in the clause, or in the lead-in of its list
        # ("ASN yang melanggar ketentuan angka 1 dikenakan: a. ...")
        refs = references(clause.text) if _VIOLATION.search(normalise(clause.text)) else []
        if not refs and clause.context and _VIOLATION.search(normalise(clause.context)):
            refs = references(clause.context)
        targets: list[Clause] = []
        for ref in refs:
            targets += [t for t in _resolve(ref, clauses, i) if t not in targets]
        norm = normalise(clause.text)
        if (not refs and clause.kind == "sanction" and violates_all_above(norm) and not addressed_to_others(norm)
                and not for_others("", norm)):  # (nor for village heads or soldiers: "Kepala desa yang melanggar ...")
            # "ASN yang melanggar ketentuan di atas dijatuhi ...": every item of the lists of prohibitions above
            # (a prohibition with its own sanction, "..., dan ASN yang melanggar dijatuhi ...", is no such clause)
            targets = [t for t in clauses[:i] if t.kind == "prohibition" and t.marker]
        targets = [t for t in targets if t is not clause]
        for t in targets:
            known = {s.type for s in t.sanctions}
            t.sanctions.extend(s for s in clause.sanctions if s.type not in known)
        clause.applies_to = [t.id for t in targets]


def _resolve(ref: Ref, clauses: list[Clause], at: int) -> list[Clause]:
    number, letter = ref
    found = []
    for c in clauses:
        if c.kind != "prohibition" or not c.marker:
            continue
        labels = c.marker.split(".")
        if number and letter:
            ok = labels[-2:] == [number, letter]
        elif number:  # the numbered item and everything under it
            ok = next((lab for lab in labels if lab.isdigit()), None) == number
        else:
            ok = labels[-1] == letter
        if ok:
            found.append(c)
    if number is None and found:
        # a bare letter names an item of the nearest list before the reference
        before = [c for c in found if clauses.index(c) < at] or found
        prefix = before[-1].marker.split(".")[:-1]
        found = [c for c in found if c.marker.split(".")[:-1] == prefix]
    return found
