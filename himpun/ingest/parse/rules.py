"""Cue words that make a sentence a rule (himpun/data/cues.tsv), and the
taxonomy lexicon applied to one clause: its prohibition categories and its
sanctions with their severity."""
from __future__ import annotations

import re
from functools import lru_cache

from himpun.data import load_table
from himpun.ingest.parse.lexicon import category_order, category_rules, sanction_rules
from himpun.records import Sanction

_SEVERITY = re.compile(r"\b(ringan|sedang|berat)\b")
_SEVERITY_WINDOW = 30
_ATTACHED = 16


@lru_cache(maxsize=None)
def _cue(kind: str) -> re.Pattern:
    rules = [rx for k, rx in load_table("cues.tsv") if k == kind]
    return re.compile("|".join(f"(?:{r})" for r in rules))


def prohibits(norm: str) -> bool:
    return _cue("prohibition").search(norm) is not None


def prohibition_cue_end(norm: str) -> int | None:
    """Where the last words that forbid end ("ASN juga dilarang|"), if any."""
    ends = [m.end() for m in _cue("prohibition").finditer(norm)]
    return ends[-1] if ends else None


def obliges(norm: str) -> bool:
    return _cue("obligation").search(norm) is not None and _cue("neutrality").search(norm) is not None


def is_lead_in(norm: str) -> bool:
    return _cue("lead-in").search(norm) is not None


def continues(norm: str) -> bool:
    """The sentence goes on with the list or examples of the one before."""
    return _cue("continuation").search(norm.lstrip("\"'( ")) is not None


def refers_back(norm: str) -> bool:
    """The sentence forbids what the sentences before it described ("seluruh
    perbuatan itu merupakan pelanggaran netralitas")."""
    return _cue("back-reference").search(norm) is not None and prohibits(norm)


def categories(norm: str) -> list[str]:
    """Prohibition categories a clause names, in the order of the national
    list. The general ban on partisanship counts only when no specific act
    is named."""
    found = {r.slug for r in category_rules() if r.pattern.search(norm)}
    if len(found) > 1:
        found.discard("partisanship-general")
    return [slug for slug in category_order() if slug in found]


def category_spans(norm: str) -> list[tuple[int, int, str]]:
    """Where each category of `categories(norm)` is named: the span of its
    first match, in order of position."""
    spans = []
    for slug in categories(norm):
        first = min((m.span() for r in category_rules() if r.slug == slug for m in [r.pattern.search(norm)] if m),
                    default=None)
        if first:
            spans.append((first[0], first[1], slug))
    return sorted(spans)


def sanctions(norm: str, default_severity: str | None = None) -> list[Sanction]:
    """Sanctions a clause names. Severity: the one the text states at the
    sanction (`hukuman disiplin berat`, `sanksi berat penurunan pangkat`),
    else the list's lead-in severity, else the taxonomy default."""
    out: dict[str, Sanction] = {}
    for rule in sanction_rules():
        for m in rule.pattern.finditer(norm):
            if rule.default_severity is None:  # moral, criminal, administrative: no levels
                severity = None
            else:
                has_default = rule.default_severity != "STATED"
                stated = m.groupdict().get("severity")
                severity = stated or _nearby_severity(norm, m.start(), m.end(), has_default) or default_severity
                if not severity and has_default:
                    severity = rule.default_severity
            if rule.slug not in out or (severity and not out[rule.slug].severity):
                out[rule.slug] = Sanction(rule.slug, severity)
    if len(out) > 1:
        out.pop("unspecified", None)
    # "hukuman disiplin berat berupa penurunan jabatan": the form is the sanction
    forms = {r.slug for r in sanction_rules() if r.default_severity} - {"disciplinary", "unspecified"}
    if forms & out.keys():
        out.pop("disciplinary", None)
    return list(out.values())


def _nearby_severity(norm: str, start: int, end: int, has_default: bool) -> str | None:
    """A severity word the text attaches to this sanction: just before it
    ("sanksi berat penurunan pangkat"), or, for a sanction whose severity the
    regulation does not fix, also just after it ("hukum disiplinnya adalah
    berat"). Comparatives ("lebih ringan") describe, they do not classify."""
    reach = _ATTACHED if has_default else _SEVERITY_WINDOW
    before = [m for m in _SEVERITY.finditer(norm, max(0, start - reach), start) if not _comparative(norm, m)]
    if before:
        return before[-1].group(1)
    if has_default:
        return None
    after = [m for m in _SEVERITY.finditer(norm, end, min(len(norm), end + _SEVERITY_WINDOW))
             if not _comparative(norm, m)]
    return after[0].group(1) if after else None


def _comparative(norm: str, m: re.Match) -> bool:
    return norm[max(0, m.start() - 6):m.start()].endswith(("lebih ", "agak "))


def lead_in_severity(norm: str) -> str | None:
    """The severity a lead-in such as "Jenis hukuman disiplin ringan terdiri
    dari:" gives to the items of its list."""
    if re.search(r"\b(?:hukuman|sanksi|disiplin)\b", norm):
        m = _SEVERITY.search(norm)
        return m.group(1) if m else None
    return None
